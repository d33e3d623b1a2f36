/* sp-assign-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "sp-assign-dialog.h"

struct _SpAssignDialog
{
  AdwMessageDialog  parent_instance;

  SpContext        *context;
  char             *initial_unit_id;
  GPtrArray        *unit_ids;    /* in the combo row's order */

  AdwComboRow      *unit_row;
};

G_DEFINE_FINAL_TYPE (SpAssignDialog, sp_assign_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum { PROP_0, PROP_CONTEXT, PROP_UNIT_ID, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
fill_units (SpAssignDialog *self)
{
  GListModel *units = sp_reference_get_units (sp_context_get_reference (self->context));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(SpUnit) unit = g_list_model_get_item (units, i);

      /* The administration itself investigates nothing. */
      if (unit->kind == SP_UNIT_KIND_ADMINISTRATION || SP_ENTITY (unit)->deleted)
        continue;
      if (g_strcmp0 (SP_ENTITY (unit)->id, self->initial_unit_id) == 0)
        selected = self->unit_ids->len;
      g_ptr_array_add (self->unit_ids, g_strdup (SP_ENTITY (unit)->id));
      gtk_string_list_append (names, unit->name ? unit->name : "");
    }
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (names));
  if (selected != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->unit_row, selected);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "assign", self->unit_ids->len > 0);
}

const char *
sp_assign_dialog_get_unit_id (SpAssignDialog *self)
{
  guint i;

  g_return_val_if_fail (SP_IS_ASSIGN_DIALOG (self), NULL);

  i = adw_combo_row_get_selected (self->unit_row);
  return i < self->unit_ids->len ? g_ptr_array_index (self->unit_ids, i) : NULL;
}

static void
sp_assign_dialog_constructed (GObject *object)
{
  SpAssignDialog *self = SP_ASSIGN_DIALOG (object);

  G_OBJECT_CLASS (sp_assign_dialog_parent_class)->constructed (object);
  fill_units (self);
}

static void
sp_assign_dialog_dispose (GObject *object)
{
  SpAssignDialog *self = SP_ASSIGN_DIALOG (object);

  g_clear_object (&self->context);
  G_OBJECT_CLASS (sp_assign_dialog_parent_class)->dispose (object);
}

static void
sp_assign_dialog_finalize (GObject *object)
{
  SpAssignDialog *self = SP_ASSIGN_DIALOG (object);

  g_free (self->initial_unit_id);
  g_ptr_array_unref (self->unit_ids);
  G_OBJECT_CLASS (sp_assign_dialog_parent_class)->finalize (object);
}

static void
sp_assign_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SpAssignDialog *self = SP_ASSIGN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_UNIT_ID:
      g_value_set_string (value, self->initial_unit_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_assign_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SpAssignDialog *self = SP_ASSIGN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_UNIT_ID:
      self->initial_unit_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_assign_dialog_class_init (SpAssignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sp_assign_dialog_constructed;
  object_class->dispose = sp_assign_dialog_dispose;
  object_class->finalize = sp_assign_dialog_finalize;
  object_class->get_property = sp_assign_dialog_get_property;
  object_class->set_property = sp_assign_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SP_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT_ID] =
    g_param_spec_string ("unit-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-assign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpAssignDialog, unit_row);
}

static void
sp_assign_dialog_init (SpAssignDialog *self)
{
  self->unit_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sp_assign_dialog_new (GtkWindow  *parent,
                      SpContext  *context,
                      const char *unit_id)
{
  g_return_val_if_fail (SP_IS_CONTEXT (context), NULL);

  return g_object_new (SP_TYPE_ASSIGN_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "context", context,
                       "unit-id", unit_id,
                       NULL);
}
