/* sp-case-cell.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The columns of the case list are GtkBuilderListItemFactory templates in
 * sp-case-view.ui; each binds its list item's case to one of these, with
 * the column it shows. Names of units, providers and categories and
 * today's date come from the SpCaseView the cell sits in, so a cell is
 * written again when the reference data changes, without the list walking
 * its model.
 */

#include <glib/gi18n.h>

#include "sp-case-cell.h"
#include "sp-case-view-private.h"

struct _SpCaseCell
{
  GtkWidget    parent_instance;

  GtkLabel    *label;
  GtkImage    *icon;       /* the subject's: the case was escalated */
  SpCase      *kase;
  char        *column;
  GtkListItem *item;       /* weak: the row's item, to ask for its page */
  SpCaseView  *view;       /* weak: the view the cell is in while rooted */
  gboolean     listed;     /* among the view's bound cells */
  SpReference *reference;  /* that view's, watched while rooted */
};

G_DEFINE_FINAL_TYPE (SpCaseCell, sp_case_cell, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CASE, PROP_COLUMN, PROP_LIST_ITEM, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const char *
place_name (SpCaseCell *self,
            SpCase     *kase)
{
  const char *name = NULL;

  if (self->reference != NULL)
    {
      if (kase->provider_id != NULL)
        name = sp_reference_get_provider_name (self->reference, kase->provider_id);
      if (name == NULL && kase->unit_id != NULL)
        name = sp_reference_get_unit_name (self->reference, kase->unit_id);
    }

  if (name == NULL && kase->concerns == SP_CONCERNS_OTHER_DISTRICT)
    name = kase->other_district;
  if (name == NULL && kase->concerns == SP_CONCERNS_OTHER_AUTHORITY)
    name = kase->other_authority;

  return name;
}

/* The escalations of the case's investigation, named ("Lex Sarah, Contract
 * breach"), or NULL. */
static char *
escalation_text (SpCaseCell *self,
                 SpCase     *kase)
{
  guint bits = self->view ? sp_case_view_get_escalations (self->view, SP_ENTITY (kase)->id) : 0;
  GString *out;

  if (bits == 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint e = 0; e < SP_N_ESCALATIONS; e++)
    if (bits & (1u << e))
      {
        if (out->len > 0)
          g_string_append (out, ", ");
        g_string_append (out, sp_enum_get_label (&sp_escalation_info, (int) e));
      }
  return g_string_free (out, FALSE);
}

/* The subject of a case whose investigation flags an escalation (lex
 * Sarah, lex Maria, the deviation routine, a contract breach, a sign of
 * welfare crime) has a mark before it that names them, to the pointer and
 * to a screen reader; the subject is the one column every view shows. */
static void
update_icon (SpCaseCell *self)
{
  g_autofree char *text = NULL;
  g_autofree char *described = NULL;

  if (self->icon == NULL)
    return;
  if (self->kase != NULL && !sp_case_is_placeholder (self->kase))
    text = escalation_text (self, self->kase);

  gtk_widget_set_visible (GTK_WIDGET (self->icon), text != NULL);
  if (text == NULL)
    return;
  /* Translators: the mark before an escalated case's subject in the case
   * list; %s names the escalations, e.g. “Lex Sarah, Contract breach” */
  described = g_strdup_printf (_("Escalated: %s"), text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->icon), described);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  described, -1);
}

/* The view knows the cells that show a case, to ask for the pages of
 * those still waiting (see sp_case_view_count_waiting_rows). */
static void
update_listed (SpCaseCell *self)
{
  gboolean listed = self->view != NULL && self->kase != NULL;

  if (listed == self->listed)
    return;
  self->listed = listed;
  if (listed)
    _sp_case_view_add_cell (self->view, self);
  else if (self->view != NULL)
    _sp_case_view_remove_cell (self->view, self);
}

static void
update (SpCaseCell *self)
{
  SpCase *kase = self->kase;
  GtkWidget *label = GTK_WIDGET (self->label);
  g_autofree char *owned = NULL;
  const char *text = NULL;
  gboolean overdue = FALSE;
  gboolean dim = FALSE;

  gtk_widget_remove_css_class (label, "overdue");
  gtk_widget_remove_css_class (label, "dim-label");
  update_icon (self);

  if (kase == NULL || sp_case_is_placeholder (kase) || self->column == NULL)
    {
      gtk_label_set_text (self->label, "");
      return;
    }

  if (g_str_equal (self->column, "diary"))
    {
      text = kase->diary_number;
      if (text == NULL)
        {
          /* Translators: the diary number of a case not registered (yet) */
          text = _("Not registered");
          dim = TRUE;
        }
    }
  else if (g_str_equal (self->column, "received"))
    text = owned = sp_date_to_string (kase->received_on);
  else if (g_str_equal (self->column, "kind"))
    text = sp_enum_get_label (&sp_case_kind_info, kase->kind);
  else if (g_str_equal (self->column, "category"))
    {
      if (self->reference != NULL)
        text = sp_reference_get_category_name (self->reference, kase->category);
      if (text == NULL)
        text = kase->category;
    }
  else if (g_str_equal (self->column, "place"))
    text = place_name (self, kase);
  else if (g_str_equal (self->column, "subject"))
    text = kase->subject;
  else if (g_str_equal (self->column, "status"))
    text = sp_enum_get_label (&sp_status_info, kase->status);
  else if (g_str_equal (self->column, "secrecy"))
    text = self->view ? sp_case_view_get_marking (self->view, SP_ENTITY (kase)->id) : NULL;
  else if (g_str_equal (self->column, "deadline"))
    {
      SpDate today = self->view ? sp_case_view_get_today (self->view) : sp_date_today ();

      text = owned = sp_case_view_format_deadline (kase, today, &overdue);
      if (text == NULL)
        {
          /* Translators: the deadline of a case no longer being handled */
          text = _("None");
          dim = TRUE;
        }
    }
  else
    g_warning ("Unknown case list column “%s”", self->column);

  gtk_label_set_text (self->label, text != NULL ? text : "");
  /* An empty cell (a case with no category, say) is read as "None", not
   * as the label's role. */
  if (text == NULL || text[0] == 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("None"), -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  /* Red, and the words say it too: colour is never the only sign. */
  if (overdue)
    gtk_widget_add_css_class (label, "overdue");
}

/* The whole text of a cell whose text may be cut. Asked for when the
 * pointer rests on it: setting a tooltip on every bound cell would ask
 * the display where the pointer is each time. */
static gboolean
query_tooltip (GtkWidget  *label,
               int         x,
               int         y,
               gboolean    keyboard,
               GtkTooltip *tooltip,
               gpointer    user_data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (text == NULL || text[0] == 0)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
sp_case_cell_root (GtkWidget *widget)
{
  SpCaseCell *self = SP_CASE_CELL (widget);
  GtkWidget *view;

  GTK_WIDGET_CLASS (sp_case_cell_parent_class)->root (widget);

  view = gtk_widget_get_ancestor (widget, SP_TYPE_CASE_VIEW);
  g_set_weak_pointer (&self->view, (SpCaseView *) view);
  update_listed (self);
  if (view != NULL && sp_case_view_get_reference (SP_CASE_VIEW (view)) != NULL)
    {
      self->reference = g_object_ref (sp_case_view_get_reference (SP_CASE_VIEW (view)));
      g_signal_connect_object (self->reference, "changed", G_CALLBACK (update), self,
                               G_CONNECT_SWAPPED);
    }
  update (self);
}

static void
sp_case_cell_unroot (GtkWidget *widget)
{
  SpCaseCell *self = SP_CASE_CELL (widget);

  if (self->reference != NULL)
    g_signal_handlers_disconnect_by_data (self->reference, self);
  g_clear_object (&self->reference);
  if (self->listed && self->view != NULL)
    _sp_case_view_remove_cell (self->view, self);
  self->listed = FALSE;
  g_clear_weak_pointer (&self->view);

  GTK_WIDGET_CLASS (sp_case_cell_parent_class)->unroot (widget);
}

static void
sp_case_cell_dispose (GObject *object)
{
  SpCaseCell *self = SP_CASE_CELL (object);

  if (self->label != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->label));
      self->label = NULL;
    }
  if (self->icon != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->icon));
      self->icon = NULL;
    }
  g_clear_object (&self->kase);
  g_clear_pointer (&self->column, g_free);
  if (self->reference != NULL)
    g_signal_handlers_disconnect_by_data (self->reference, self);
  g_clear_object (&self->reference);
  if (self->listed && self->view != NULL)
    _sp_case_view_remove_cell (self->view, self);
  self->listed = FALSE;
  g_clear_weak_pointer (&self->view);
  g_clear_weak_pointer (&self->item);

  G_OBJECT_CLASS (sp_case_cell_parent_class)->dispose (object);
}

static void
sp_case_cell_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SpCaseCell *self = SP_CASE_CELL (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;

    case PROP_COLUMN:
      g_value_set_string (value, self->column);
      break;

    case PROP_LIST_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_case_cell_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SpCaseCell *self = SP_CASE_CELL (object);

  switch (prop_id)
    {
    case PROP_CASE:
      if (g_set_object (&self->kase, g_value_get_object (value)))
        {
          update_listed (self);
          update (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_COLUMN:
      g_free (self->column);
      self->column = g_value_dup_string (value);
      if (g_strcmp0 (self->column, "subject") == 0 && self->icon == NULL)
        {
          self->icon = GTK_IMAGE (gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
          gtk_widget_add_css_class (GTK_WIDGET (self->icon), "warning");
          gtk_widget_set_visible (GTK_WIDGET (self->icon), FALSE);
          gtk_widget_insert_before (GTK_WIDGET (self->icon), GTK_WIDGET (self),
                                    GTK_WIDGET (self->label));
        }
      update (self);
      break;

    case PROP_LIST_ITEM:
      g_set_weak_pointer (&self->item, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_case_cell_class_init (SpCaseCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_case_cell_dispose;
  object_class->get_property = sp_case_cell_get_property;
  object_class->set_property = sp_case_cell_set_property;
  widget_class->root = sp_case_cell_root;
  widget_class->unroot = sp_case_cell_unroot;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, SP_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* diary, received, kind, category, place, subject, status, deadline or
   * secrecy */
  properties[PROP_COLUMN] =
    g_param_spec_string ("column", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* The list item the cell is the child of (not a reference: it holds the
   * cell). */
  properties[PROP_LIST_ITEM] =
    g_param_spec_object ("list-item", NULL, NULL, GTK_TYPE_LIST_ITEM,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
sp_case_cell_init (SpCaseCell *self)
{
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                              6);
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_label_set_xalign (self->label, 0.0f);
  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (self->label, TRUE);
  /* Any column may be cut (a long unit name, Swedish words): the whole
   * text shows when the pointer rests on it. */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->label), TRUE);
  g_signal_connect (self->label, "query-tooltip", G_CALLBACK (query_tooltip), NULL);
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
}

SpCase *
sp_case_cell_get_case (SpCaseCell *self)
{
  g_return_val_if_fail (SP_IS_CASE_CELL (self), NULL);

  return self->kase;
}

GtkListItem *
sp_case_cell_get_list_item (SpCaseCell *self)
{
  g_return_val_if_fail (SP_IS_CASE_CELL (self), NULL);

  return self->item;
}

void
sp_case_cell_refresh (SpCaseCell *self)
{
  g_return_if_fail (SP_IS_CASE_CELL (self));

  update (self);
}

const char *
sp_case_cell_get_text (SpCaseCell *self)
{
  g_return_val_if_fail (SP_IS_CASE_CELL (self), NULL);

  return gtk_label_get_text (self->label);
}
