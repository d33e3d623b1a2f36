/* sp-planned-action-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row edits a copy of its action; the investigation section decides
 * when to check and save it ("changed"), and removes it ("remove").
 */

#include <glib/gi18n.h>

#include "sp-intake-date-button.h"
#include "sp-investigation-check.h"
#include "sp-planned-action-row.h"

struct _SpPlannedActionRow
{
  AdwExpanderRow      parent_instance;

  SpPlannedAction    *action;
  gboolean            filling;
  gboolean            dirty;

  GtkButton          *remove_button;
  AdwEntryRow        *description_row;
  AdwEntryRow        *responsible_row;
  SpIntakeDateButton *due_on_button;
  SpIntakeDateButton *done_on_button;

  AdwPreferencesRow  *description_error_row;
  GtkLabel           *description_error;
  AdwPreferencesRow  *responsible_error_row;
  GtkLabel           *responsible_error;
  AdwPreferencesRow  *due_on_error_row;
  GtkLabel           *due_on_error;
  AdwPreferencesRow  *done_on_error_row;
  GtkLabel           *done_on_error;
};

G_DEFINE_FINAL_TYPE (SpPlannedActionRow, sp_planned_action_row, ADW_TYPE_EXPANDER_ROW)

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
strip_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  return *copy ? g_steal_pointer (&copy) : NULL;
}

static void
update_titles (SpPlannedActionRow *self)
{
  g_autoptr(SpPlannedAction) action = sp_planned_action_row_dup_action (self);
  g_autofree char *due = sp_date_to_string (action->due_on);
  g_autofree char *done = sp_date_to_string (action->done_on);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 action->description ? action->description
                                                     : _("New planned action"));
  if (done != NULL)
    /* Translators: the person responsible for a planned action · when it was done */
    subtitle = g_strdup_printf (_("%s · done %s"),
                                action->responsible ? action->responsible : "", done);
  else if (due != NULL)
    /* Translators: the person responsible for a planned action · its due date */
    subtitle = g_strdup_printf (_("%s · due %s"),
                                action->responsible ? action->responsible : "", due);
  else
    subtitle = g_strdup (action->responsible ? action->responsible : "");
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
on_field_changed (SpPlannedActionRow *self)
{
  if (self->filling)
    return;
  self->dirty = TRUE;
  update_titles (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_remove_clicked (SpPlannedActionRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

SpPlannedAction *
sp_planned_action_row_dup_action (SpPlannedActionRow *self)
{
  SpPlannedAction *action;

  g_return_val_if_fail (SP_IS_PLANNED_ACTION_ROW (self), NULL);

  action = sp_entity_copy (SP_ENTITY (self->action));
  g_free (action->description);
  action->description = strip_or_null (gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  g_free (action->responsible);
  action->responsible = strip_or_null (gtk_editable_get_text (GTK_EDITABLE (self->responsible_row)));
  action->due_on = sp_intake_date_button_get_date (self->due_on_button);
  action->done_on = sp_intake_date_button_get_date (self->done_on_button);
  return action;
}

const char *
sp_planned_action_row_get_id (SpPlannedActionRow *self)
{
  g_return_val_if_fail (SP_IS_PLANNED_ACTION_ROW (self), NULL);

  return SP_ENTITY (self->action)->id;
}

gboolean
sp_planned_action_row_get_dirty (SpPlannedActionRow *self)
{
  g_return_val_if_fail (SP_IS_PLANNED_ACTION_ROW (self), FALSE);

  return self->dirty;
}

void
sp_planned_action_row_set_dirty (SpPlannedActionRow *self,
                                 gboolean            dirty)
{
  g_return_if_fail (SP_IS_PLANNED_ACTION_ROW (self));

  self->dirty = dirty;
}

void
sp_planned_action_row_show_problems (SpPlannedActionRow *self,
                                     GPtrArray          *problems)
{
  struct {
    const char        *field;
    AdwPreferencesRow *row;
    GtkLabel          *label;
  } marks[] = {
    { "description", self->description_error_row, self->description_error },
    { "responsible", self->responsible_error_row, self->responsible_error },
    { "due_on", self->due_on_error_row, self->due_on_error },
    { "done_on", self->done_on_error_row, self->done_on_error },
  };

  g_return_if_fail (SP_IS_PLANNED_ACTION_ROW (self));

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      const char *message = NULL;

      for (guint j = 0; problems != NULL && j < problems->len; j++)
        {
          SpProblem *problem = problems->pdata[j];

          if (g_strcmp0 (problem->field, marks[i].field) == 0)
            message = problem->message;
        }
      gtk_label_set_text (marks[i].label, message ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (marks[i].row), message != NULL);
    }
  if (problems != NULL && problems->len > 0)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
}

static void
sp_planned_action_row_dispose (GObject *object)
{
  SpPlannedActionRow *self = SP_PLANNED_ACTION_ROW (object);

  g_clear_object (&self->action);
  G_OBJECT_CLASS (sp_planned_action_row_parent_class)->dispose (object);
}

static void
sp_planned_action_row_class_init (SpPlannedActionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_planned_action_row_dispose;

  /**
   * SpPlannedActionRow::changed:
   *
   * Emitted when the user changed a field.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * SpPlannedActionRow::remove:
   *
   * Emitted when the user asked to remove the action.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (SP_TYPE_INTAKE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-planned-action-row.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SpPlannedActionRow, name)
  CHILD (remove_button);
  CHILD (description_row);
  CHILD (responsible_row);
  CHILD (due_on_button);
  CHILD (done_on_button);
  CHILD (description_error_row);
  CHILD (description_error);
  CHILD (responsible_error_row);
  CHILD (responsible_error);
  CHILD (due_on_error_row);
  CHILD (due_on_error);
  CHILD (done_on_error_row);
  CHILD (done_on_error);
#undef CHILD
}

static void
sp_planned_action_row_init (SpPlannedActionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->description_row, "changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->responsible_row, "changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->due_on_button, "notify::date", G_CALLBACK (on_field_changed),
                            self);
  g_signal_connect_swapped (self->done_on_button, "notify::date", G_CALLBACK (on_field_changed),
                            self);
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (on_remove_clicked), self);
}

GtkWidget *
sp_planned_action_row_new (SpPlannedAction *action,
                           const char      *case_id)
{
  SpPlannedActionRow *self = g_object_new (SP_TYPE_PLANNED_ACTION_ROW, NULL);

  if (action != NULL)
    self->action = sp_entity_copy (SP_ENTITY (action));
  else
    {
      self->action = sp_planned_action_new ();
      self->action->case_id = g_strdup (case_id);
      sp_entity_ensure_id (SP_ENTITY (self->action));
    }

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         self->action->description ? self->action->description : "");
  gtk_editable_set_text (GTK_EDITABLE (self->responsible_row),
                         self->action->responsible ? self->action->responsible : "");
  sp_intake_date_button_set_date (self->due_on_button, self->action->due_on);
  sp_intake_date_button_set_date (self->done_on_button, self->action->done_on);
  self->filling = FALSE;
  update_titles (self);
  gtk_widget_set_name (GTK_WIDGET (self), SP_ENTITY (self->action)->id);

  return GTK_WIDGET (self);
}
