/* sp-case-links-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "sp-case-links-group.h"
#include "sp-case-links-jobs.h"
#include "sp-link-dialog.h"

struct _SpCaseLinksGroup
{
  AdwPreferencesGroup  parent_instance;

  SpContext           *context;
  char                *case_id;
  GCancellable        *cancellable;   /* the read in flight */
  GPtrArray           *rows;          /* the rows shown */
  gboolean             loaded;

  GtkWidget           *empty_row;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (SpCaseLinksGroup, sp_case_links_group, ADW_TYPE_PREFERENCES_GROUP)

enum { PROP_0, PROP_CONTEXT, PROP_CASE_ID, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
say (SpCaseLinksGroup *self,
     const char       *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
clear_rows (SpCaseLinksGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
}

static void changed_done (GObject *source, GAsyncResult *result, gpointer user_data);

static void
remove_clicked (GtkButton        *button,
                SpCaseLinksGroup *self)
{
  const char *link_id = g_object_get_data (G_OBJECT (button), "link-id");

  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  sp_case_links_remove_async (self->context, link_id, NULL, changed_done, g_object_ref (self));
}

static char *
row_title (SpCaseLinkView *view)
{
  const char *number = view->other_diary_number ? view->other_diary_number : _("Not registered");

  switch (view->link->kind)
    {
    case SP_CASE_LINK_DUPLICATE_OF:
      return view->outgoing
        /* Translators: %s is the other case's diary number */
        ? g_strdup_printf (_("Duplicate of %s"), number)
        /* Translators: %s is the duplicate's diary number */
        : g_strdup_printf (_("Original of %s"), number);
    case SP_CASE_LINK_SAME_SENDER:
      return g_strdup_printf (_("Same sender as %s"), number);
    case SP_CASE_LINK_RELATED:
    default:
      return g_strdup_printf (_("Related to %s"), number);
    }
}

static void
show_links (SpCaseLinksGroup *self,
            GPtrArray        *views)
{
  clear_rows (self);
  for (guint i = 0; i < views->len; i++)
    {
      SpCaseLinkView *view = views->pdata[i];
      g_autofree char *title = row_title (view);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("edit-delete-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   view->other_subject ? view->other_subject
                                                       : _("A case not on this computer"));
      gtk_widget_set_name (row, "link-row");
      gtk_widget_set_name (button, "link-remove");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove the Link"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove the Link"), -1);
      g_object_set_data_full (G_OBJECT (button), "link-id", g_strdup (SP_ENTITY (view->link)->id), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (self->empty_row, views->len == 0);
}

static void
loaded (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(SpCaseLinksGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) views = sp_case_links_load_finish (self->context, result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->context == NULL)
    return;
  g_clear_object (&self->cancellable);
  self->loaded = TRUE;
  if (views == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The links could not be read: %s"), error->message);

      say (self, message);
      return;
    }
  show_links (self, views);
}

void
sp_case_links_group_reload (SpCaseLinksGroup *self)
{
  g_return_if_fail (SP_IS_CASE_LINKS_GROUP (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->loaded = FALSE;
  if (self->case_id == NULL || self->context == NULL)
    {
      clear_rows (self);
      return;
    }
  self->cancellable = g_cancellable_new ();
  sp_case_links_load_async (self->context, self->case_id, self->cancellable, loaded, g_object_ref (self));
}

static void
changed_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SpCaseLinksGroup) self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->context == NULL)
    return;
  if (!sp_case_links_change_finish (self->context, result, &error))
    say (self, error->message);
  else
    say (self, NULL);
  sp_case_links_group_reload (self);
}

static void
link_response (AdwMessageDialog *dialog,
               const char       *response,
               SpCaseLinksGroup *self)
{
  g_autofree char *other = sp_link_dialog_dup_other (SP_LINK_DIALOG (dialog));

  if (self->case_id == NULL || *other == '\0')
    return;
  sp_case_links_add_async (self->context, self->case_id, other,
                           sp_link_dialog_get_kind (SP_LINK_DIALOG (dialog)), NULL, changed_done,
                           g_object_ref (self));
}

static void
add_clicked (SpCaseLinksGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = sp_link_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);

  g_signal_connect_object (dialog, "response::link", G_CALLBACK (link_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

const char *
sp_case_links_group_get_case_id (SpCaseLinksGroup *self)
{
  g_return_val_if_fail (SP_IS_CASE_LINKS_GROUP (self), NULL);

  return self->case_id;
}

void
sp_case_links_group_set_case_id (SpCaseLinksGroup *self,
                                 const char       *case_id)
{
  g_return_if_fail (SP_IS_CASE_LINKS_GROUP (self));

  if (g_strcmp0 (self->case_id, case_id) == 0)
    return;
  g_free (self->case_id);
  self->case_id = g_strdup (case_id);
  say (self, NULL);
  sp_case_links_group_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
}

gboolean
sp_case_links_group_get_loaded (SpCaseLinksGroup *self)
{
  g_return_val_if_fail (SP_IS_CASE_LINKS_GROUP (self), FALSE);

  return self->loaded;
}

static void
sp_case_links_group_dispose (GObject *object)
{
  SpCaseLinksGroup *self = SP_CASE_LINKS_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (sp_case_links_group_parent_class)->dispose (object);
}

static void
sp_case_links_group_finalize (GObject *object)
{
  SpCaseLinksGroup *self = SP_CASE_LINKS_GROUP (object);

  g_free (self->case_id);
  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (sp_case_links_group_parent_class)->finalize (object);
}

static void
sp_case_links_group_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SpCaseLinksGroup *self = SP_CASE_LINKS_GROUP (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_case_links_group_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SpCaseLinksGroup *self = SP_CASE_LINKS_GROUP (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_CASE_ID:
      sp_case_links_group_set_case_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_case_links_group_class_init (SpCaseLinksGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_case_links_group_dispose;
  object_class->finalize = sp_case_links_group_finalize;
  object_class->get_property = sp_case_links_group_get_property;
  object_class->set_property = sp_case_links_group_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SP_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-case-links-group.ui");
  gtk_widget_class_bind_template_child (widget_class, SpCaseLinksGroup, empty_row);
  gtk_widget_class_bind_template_child (widget_class, SpCaseLinksGroup, error_label);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked);
}

static void
sp_case_links_group_init (SpCaseLinksGroup *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sp_case_links_group_new (SpContext *context)
{
  g_return_val_if_fail (SP_IS_CONTEXT (context), NULL);

  return g_object_new (SP_TYPE_CASE_LINKS_GROUP, "context", context, NULL);
}
