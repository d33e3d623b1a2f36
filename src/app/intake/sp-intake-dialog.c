/* sp-intake-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form builds an SpCase from its widgets on every save attempt and
 * never the other way round, so that a refused save leaves every widget
 * exactly as the user left it. Contact details typed before switching on
 * Anonymous stay in their (hidden) rows but are not saved.
 */

#include <glib/gi18n.h>

#include "sp-intake-dialog-private.h"

G_DEFINE_FINAL_TYPE (SpIntakeDialog, sp_intake_dialog, ADW_TYPE_WINDOW)

enum {
  CASE_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (SpIntakeDialog *self,
              const char     *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
}

static char *
field_from_error (const GError *error)
{
  const char *path = sp_error_get_field (error);
  char *field;

  if (path == NULL)
    return NULL;

  /* "sender.email" in the API is the column sender_email. */
  field = g_strdup (path);
  g_strdelimit (field, ".", '_');

  return field;
}

typedef struct
{
  SpCase  *kase;
  SpActor *actor;
} CreateJob;

static void
create_job_free (gpointer p)
{
  CreateJob *job = p;

  g_clear_object (&job->kase);
  g_clear_pointer (&job->actor, sp_actor_free);
  g_free (job);
}

/* Runs in the store worker's thread; returns the new case's id. */
static gpointer
create_case (SpStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  CreateJob *job = data;
  if (!sp_store_create_case (store, job->kase, job->actor, error))
    return NULL;

  return g_strdup (SP_ENTITY (job->kase)->id);
}

void
_sp_intake_dialog_update_save (SpIntakeDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.save",
                                 !self->loading && !self->saving && !self->saved);
}

static void
on_case_saved (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SpIntakeDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  self->saving = FALSE;
  id = sp_store_worker_run_finish (SP_STORE_WORKER (source), result, &error);
  if (id == NULL)
    {
      g_autofree char *field = field_from_error (error);
      g_autofree char *message = NULL;
      Mark *mark = NULL;

      _sp_intake_dialog_update_save (self);
      if (field != NULL)
        mark = _sp_intake_dialog_mark_field (self, field, error->message);
      if (mark != NULL)
        gtk_widget_grab_focus (mark->input);

      /* Nothing is cleared: the user can fix the field or try again once
       * the database is free. */
      message = g_strdup_printf (_("The case could not be saved: %s"), error->message);
      show_message (self, message);
      return;
    }

  self->saved = TRUE;
  _sp_intake_dialog_update_save (self);
  g_signal_emit (self, signals[CASE_CREATED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_old_date_response (SpIntakeDialog   *self,
                      const char       *response,
                      AdwMessageDialog *dialog)
{
  SpDate date = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "sp-date"));

  if (g_strcmp0 (response, "save") == 0)
    {
      self->old_date_confirmed = date;
      sp_intake_dialog_save (self);
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->received_button));
}

static void
ask_old_date (SpIntakeDialog *self,
              SpDate          date)
{
  g_autofree char *text = sp_date_to_string (date);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a date, e.g. 2024-03-01 */
  body = g_strdup_printf (_("The date received is %s, more than a year ago. Check the date; "
                            "if it is right, save the case."), text);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Received Over a Year Ago?"), body);
  gtk_widget_set_name (dialog, "old-date-dialog");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "check", _("_Check the Date"),
                                    "save", _("_Save Anyway"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "check");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "check");
  g_object_set_data (G_OBJECT (dialog), "sp-date", GUINT_TO_POINTER (date));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_old_date_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
sp_intake_dialog_save (SpIntakeDialog *self)
{
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  SpIntakeChoices choices = { 0 };
  CreateJob *job;

  g_return_val_if_fail (SP_IS_INTAKE_DIALOG (self), FALSE);

  if (self->saved || self->saving)
    return TRUE;
  /* The drop-downs are not filled yet: what they show is not a choice. */
  if (self->loading)
    return FALSE;

  _sp_intake_dialog_clear_marks (self);
  show_message (self, NULL);

  kase = _sp_intake_dialog_build_case (self, &choices);
  /* Today as the server counts it: in the organisation's time zone. */
  problems = sp_intake_validate (kase, &choices, sp_date_today_in_organisation ());

  if (problems->len > 0)
    {
      g_autofree char *summary = NULL;
      Mark *first = NULL;

      for (guint i = 0; i < problems->len; i++)
        {
          SpIntakeProblem *problem = g_ptr_array_index (problems, i);
          const char *reason = problem->message;
          Mark *mark;

          /* An empty list cannot be chosen from: say why, and what to do. */
          if (g_str_equal (problem->field, "unit_id") && self->unit_ids->len <= 1)
            reason = _("There are no units yet. An administrator adds them; until then, "
                       "choose what else the case concerns.");
          else if (g_str_equal (problem->field, "provider_id") && self->provider_ids->len <= 1)
            reason = _("There are no providers yet. An administrator adds them; until then, "
                       "choose what else the case concerns.");

          mark = _sp_intake_dialog_mark_field (self, problem->field, reason);

          if (first == NULL)
            first = mark;
        }

      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The case was not saved: %u field needs attention.",
                                              "The case was not saved: %u fields need attention.",
                                              problems->len),
                                 problems->len);
      show_message (self, summary);

      if (first != NULL)
        gtk_widget_grab_focus (first->input);

      return FALSE;
    }

  /* Allowed, but more likely a slip of the calendar: ask once. */
  if (kase->received_on < sp_date_today_in_organisation () - 365 &&
      kase->received_on != self->old_date_confirmed)
    {
      ask_old_date (self, kase->received_on);
      return FALSE;
    }

  job = g_new0 (CreateJob, 1);
  job->kase = g_steal_pointer (&kase);
  job->actor = sp_actor_copy (self->actor);

  /* Save stays off until the store answers; the dialog lives until then. */
  self->saving = TRUE;
  _sp_intake_dialog_update_save (self);
  sp_store_worker_run_async (self->worker, create_case, job, create_job_free, g_free, NULL,
                             on_case_saved, g_object_ref (self));

  return TRUE;
}

static gboolean
has_typed_text (SpIntakeDialog *self)
{
  AdwEntryRow *entries[] = {
    self->authority_reference_row, self->sender_name_row, self->sender_address_row,
    self->sender_phone_row, self->sender_email_row, self->other_district_row,
    self->other_authority_row, self->subject_row,
  };
  GtkTextView *views[] = { self->description_view, self->service_note_view };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (*gtk_editable_get_text (GTK_EDITABLE (entries[i])) != '\0')
      return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (views[i])) > 0)
      return TRUE;

  return FALSE;
}

static gboolean
close_after_discard (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));

  return G_SOURCE_REMOVE;
}

static void
on_discard_response (SpIntakeDialog *self,
                     const char     *response)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* The message dialog is transient for this window and closes itself
   * once its response is handled: close this one after it. */
  self->discard_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_after_discard, g_object_ref (self), g_object_unref);
}

static gboolean
sp_intake_dialog_close_request (GtkWindow *window)
{
  SpIntakeDialog *self = SP_INTAKE_DIALOG (window);
  GtkWidget *dialog;

  if (self->saved || self->discard_confirmed || !has_typed_text (self))
    return GTK_WINDOW_CLASS (sp_intake_dialog_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard the New Case?"),
                                   _("What you have typed will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_discard_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sp_intake_dialog_save (SP_INTAKE_DIALOG (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
update_visibility (SpIntakeDialog *self)
{
  guint channel = adw_combo_row_get_selected (self->channel_row);
  gboolean chosen = channel != GTK_INVALID_LIST_POSITION && channel > 0;
  gboolean anonymous = gtk_switch_get_active (self->anonymous_switch);
  SpConcerns concerns = adw_combo_row_get_selected (self->concerns_row);
  GtkWidget *sender_rows[] = {
    GTK_WIDGET (self->sender_name_row), GTK_WIDGET (self->sender_address_row),
    GTK_WIDGET (self->sender_phone_row), GTK_WIDGET (self->sender_email_row),
    GTK_WIDGET (self->wants_feedback_row),
  };

  /* The kinds are handled differently; say how, where it is chosen. */
  switch (adw_combo_row_get_selected (self->kind_row))
    {
    case 1 + SP_CASE_KIND_OPINION:
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row),
                                   _("Positive or negative; may be anonymous"));
      break;

    case 1 + SP_CASE_KIND_COMPLAINT:
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row),
                                   _("Criticism: the sender expects feedback and correction"));
      break;

    case 1 + SP_CASE_KIND_CITIZEN_PROPOSAL:
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row),
                                   _("Recorded here, then handled in the board’s own routine"));
      break;

    default:
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row), NULL);
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->authority_group),
                          chosen && sp_intake_channel_is_authority (channel - 1));
  gtk_widget_set_visible (GTK_WIDGET (self->service_note_group),
                          chosen && sp_intake_channel_is_oral (channel - 1));

  for (guint i = 0; i < G_N_ELEMENTS (sender_rows); i++)
    gtk_widget_set_visible (sender_rows[i], !anonymous);

  gtk_widget_set_visible (GTK_WIDGET (self->unit_row), concerns == SP_CONCERNS_UNIT);
  gtk_widget_set_visible (GTK_WIDGET (self->provider_row), concerns == SP_CONCERNS_PROVIDER);
  gtk_widget_set_visible (GTK_WIDGET (self->other_district_row),
                          concerns == SP_CONCERNS_OTHER_DISTRICT);
  gtk_widget_set_visible (GTK_WIDGET (self->other_authority_row),
                          concerns == SP_CONCERNS_OTHER_AUTHORITY);

  /* A reason stays only as long as its row is shown. */
  _sp_intake_dialog_hide_stale_marks (self);
}

static void
on_unit_selected (SpIntakeDialog *self)
{
  guint position = adw_combo_row_get_selected (self->unit_row);
  int area;

  if (self->area_touched || position == GTK_INVALID_LIST_POSITION ||
      position >= self->unit_areas->len)
    return;

  /* Most units work in one area: suggest it until the user picks one. */
  area = GPOINTER_TO_INT (g_ptr_array_index (self->unit_areas, position)) - 1;
  if (area < 0)
    return;

  self->setting_area = TRUE;
  adw_combo_row_set_selected (self->area_row, (guint) area);
  self->setting_area = FALSE;
}

static void
on_area_selected (SpIntakeDialog *self)
{
  if (!self->setting_area)
    self->area_touched = TRUE;
}

const char *
sp_intake_dialog_get_message (SpIntakeDialog *self)
{
  g_return_val_if_fail (SP_IS_INTAKE_DIALOG (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->message_revealer))
    return NULL;

  return gtk_label_get_text (self->message_label);
}

static void
sp_intake_dialog_dispose (GObject *object)
{
  SpIntakeDialog *self = SP_INTAKE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_INTAKE_DIALOG);

  G_OBJECT_CLASS (sp_intake_dialog_parent_class)->dispose (object);
}

static void
sp_intake_dialog_finalize (GObject *object)
{
  SpIntakeDialog *self = SP_INTAKE_DIALOG (object);

  g_clear_object (&self->worker);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->actor, sp_actor_free);
  g_clear_pointer (&self->unit_ids, g_ptr_array_unref);
  g_clear_pointer (&self->unit_areas, g_ptr_array_unref);
  g_clear_pointer (&self->provider_ids, g_ptr_array_unref);
  g_clear_pointer (&self->category_codes, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_hash_table_unref);

  G_OBJECT_CLASS (sp_intake_dialog_parent_class)->finalize (object);
}

static void
sp_intake_dialog_class_init (SpIntakeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sp_intake_dialog_dispose;
  object_class->finalize = sp_intake_dialog_finalize;
  window_class->close_request = sp_intake_dialog_close_request;

  /**
   * SpIntakeDialog::case-created:
   * @case_id: the new case's id
   *
   * Emitted once the case is saved, just before the dialog closes.
   */
  signals[CASE_CREATED] =
    g_signal_new ("case-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (SP_TYPE_INTAKE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-intake-dialog.ui");

#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SpIntakeDialog, name)
  CHILD (message_revealer);
  CHILD (message_label);
  CHILD (page);
  CHILD (kind_row);
  CHILD (valence_row);
  CHILD (channel_row);
  CHILD (received_row);
  CHILD (received_button);
  CHILD (authority_group);
  CHILD (authority_reference_row);
  CHILD (given_due_row);
  CHILD (given_due_button);
  CHILD (anonymous_row);
  CHILD (anonymous_switch);
  CHILD (sender_name_row);
  CHILD (sender_address_row);
  CHILD (sender_phone_row);
  CHILD (sender_email_row);
  CHILD (wants_feedback_row);
  CHILD (wants_feedback_switch);
  CHILD (relation_row);
  CHILD (concerns_row);
  CHILD (unit_row);
  CHILD (provider_row);
  CHILD (other_district_row);
  CHILD (other_authority_row);
  CHILD (area_row);
  CHILD (category_row);
  CHILD (subject_row);
  CHILD (description_row);
  CHILD (description_view);
  CHILD (service_note_group);
  CHILD (service_note_row);
  CHILD (service_note_view);
  CHILD (individual_record_row);
  CHILD (individual_record_switch);
  CHILD (named_employee_row);
  CHILD (named_employee_switch);
  CHILD (conflict_of_interest_row);
  CHILD (conflict_of_interest_switch);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "intake.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "intake.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "intake.cancel", NULL);
}

static void
sp_intake_dialog_init (SpIntakeDialog *self)
{
  GtkEventController *shortcuts;
  guint save_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };

  self->cancellable = g_cancellable_new ();
  self->unit_ids = g_ptr_array_new_with_free_func (g_free);
  self->unit_areas = g_ptr_array_new ();
  self->provider_ids = g_ptr_array_new_with_free_func (g_free);
  self->category_codes = g_ptr_array_new_with_free_func (g_free);
  self->marks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+Return must save even from inside the description, whose text
   * view would otherwise take the key first: catch it on the way down. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_LOCAL);
  for (guint i = 0; i < G_N_ELEMENTS (save_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (save_keys[i],
                                                                                    GDK_CONTROL_MASK),
                                                            gtk_named_action_new ("intake.save")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  _sp_intake_dialog_init_form (self);

  adw_combo_row_set_selected (self->valence_row, SP_VALENCE_NEUTRAL);
  adw_combo_row_set_selected (self->relation_row, SP_RELATION_RESIDENT);
  adw_combo_row_set_selected (self->area_row, SP_AREA_OTHER);
  sp_intake_date_button_set_date (self->received_button, sp_date_today ());

  g_signal_connect_object (self->kind_row, "notify::selected",
                           G_CALLBACK (update_visibility), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->channel_row, "notify::selected",
                           G_CALLBACK (update_visibility), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->concerns_row, "notify::selected",
                           G_CALLBACK (update_visibility), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->anonymous_switch, "notify::active",
                           G_CALLBACK (update_visibility), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->unit_row, "notify::selected",
                           G_CALLBACK (on_unit_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->area_row, "notify::selected",
                           G_CALLBACK (on_area_selected), self, G_CONNECT_SWAPPED);

  update_visibility (self);
}

GtkWidget *
sp_intake_dialog_new (GtkWindow     *parent,
                      SpStoreWorker *worker,
                      const SpActor *actor)
{
  SpIntakeDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SP_IS_STORE_WORKER (worker), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  self = g_object_new (SP_TYPE_INTAKE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->worker = g_object_ref (worker);
  self->actor = sp_actor_copy (actor);

  _sp_intake_dialog_load_choices (self);
  _sp_intake_dialog_update_save (self);

  return GTK_WIDGET (self);
}

gboolean
sp_intake_dialog_is_busy (SpIntakeDialog *self)
{
  g_return_val_if_fail (SP_IS_INTAKE_DIALOG (self), FALSE);

  return self->loading || self->saving;
}
