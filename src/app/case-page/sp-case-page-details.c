/* sp-case-page-details.c: the case's sender, what it concerns, its flags,
 * its text and the delay notice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "sp-case-page-private.h"

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  gboolean has_value = value != NULL && *value != '\0';

  adw_action_row_set_subtitle (row, has_value ? value : NULL);
  gtk_widget_set_visible (GTK_WIDGET (row), has_value);
}

static char *
get_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
strip_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static void
fill_sender (SpCasePage *self)
{
  SpCase *kase = self->kase;
  AdwActionRow *contact_rows[] = {
    self->sender_name_row, self->sender_address_row, self->sender_phone_row,
    self->sender_email_row,
  };

  if (kase->sender_anonymous)
    {
      for (guint i = 0; i < G_N_ELEMENTS (contact_rows); i++)
        gtk_widget_set_visible (GTK_WIDGET (contact_rows[i]), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sender_feedback_row),
                                     _("Anonymous"));
      adw_action_row_set_subtitle (self->sender_feedback_row,
                                   _("Not registered in the diary; no feedback can be given"));
    }
  else if (!_sp_case_page_may_see_personal_data (self))
    {
      for (guint i = 0; i < G_N_ELEMENTS (contact_rows); i++)
        gtk_widget_set_visible (GTK_WIDGET (contact_rows[i]), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sender_feedback_row),
                                     _("Contact details hidden"));
      adw_action_row_set_subtitle (self->sender_feedback_row,
                                   _("Your roles do not show the sender’s personal data"));
    }
  else
    {
      set_row (self->sender_name_row, kase->sender_name);
      set_row (self->sender_address_row, kase->sender_address);
      set_row (self->sender_phone_row, kase->sender_phone);
      set_row (self->sender_email_row, kase->sender_email);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sender_feedback_row),
                                     _("Feedback"));
      if (kase->feedback_on != SP_DATE_NONE)
        {
          g_autofree char *date = sp_date_to_string (kase->feedback_on);
          /* Translators: %s is a date */
          g_autofree char *text = g_strdup_printf (_("Feedback given %s"), date);

          adw_action_row_set_subtitle (self->sender_feedback_row, text);
        }
      else
        adw_action_row_set_subtitle (self->sender_feedback_row,
                                     sp_case_needs_feedback (kase)
                                       ? _("The sender is owed feedback")
                                       : _("The sender has not asked for feedback"));
    }

  set_row (self->sender_relation_row,
           sp_enum_get_label (&sp_relation_info, kase->sender_relation));
}

static void
fill_concerns (SpCasePage *self)
{
  SpCase *kase = self->kase;
  const char *what = NULL;
  g_autofree char *text = NULL;
  g_autofree char *authority = NULL;

  /* Which unit or provider shows in its own drop-down below. */
  switch (kase->concerns)
    {
    case SP_CONCERNS_OTHER_DISTRICT:
      what = kase->other_district;
      break;

    case SP_CONCERNS_OTHER_AUTHORITY:
      what = kase->other_authority;
      break;

    default:
      break;
    }

  /* Translators: what a case concerns and which one, e.g. “Our unit: Solgårdens äldreboende” */
  text = what ? g_strdup_printf (_("%s: %s"), sp_enum_get_label (&sp_concerns_info, kase->concerns),
                                 what)
              : g_strdup (sp_enum_get_label (&sp_concerns_info, kase->concerns));
  set_row (self->concerns_row, text);
  _sp_case_page_fill_choices (self);

  if (kase->authority_reference != NULL || kase->given_due_on != SP_DATE_NONE)
    {
      g_autofree char *given = sp_date_to_string (kase->given_due_on);

      if (given != NULL)
        /* Translators: an authority's reference and the date it gave */
        authority = g_strdup_printf (_("%s, answer due %s"),
                                     kase->authority_reference ? kase->authority_reference : "—",
                                     given);
      else
        authority = g_strdup (kase->authority_reference);
    }
  set_row (self->authority_row, authority);
  set_row (self->service_note_row, kase->service_note);
}

static void
fill_flags (SpCasePage *self)
{
  SpCase *kase = self->kase;
  gboolean may = (self->actor.roles & SP_CASE_PAGE_HANDLER_ROLES) != 0;

  gtk_switch_set_active (self->individual_record_switch, kase->individual_record);
  gtk_switch_set_active (self->individual_record_noted_switch, kase->individual_record_noted);
  /* The routine asks for a note in the person's file: a task until done. */
  gtk_widget_set_visible (GTK_WIDGET (self->individual_record_noted_row), kase->individual_record);
  adw_action_row_set_subtitle (self->individual_record_noted_row,
                               kase->individual_record_noted
                                 ? NULL
                                 : _("To do: note in the file that the case came in, was "
                                     "registered and handled"));
  gtk_switch_set_active (self->named_employee_switch, kase->named_employee);
  gtk_switch_set_active (self->conflict_of_interest_switch, kase->conflict_of_interest);
  gtk_switch_set_active (self->contract_breach_switch, kase->contract_breach);
  /* Contracts are with private providers. */
  gtk_widget_set_visible (GTK_WIDGET (self->contract_breach_row),
                          kase->concerns == SP_CONCERNS_PROVIDER || kase->contract_breach);

  /* Procurement (and the administrator) open the contract issue of a
   * flagged case about a provider (the window's action). */
  gtk_widget_set_visible (GTK_WIDGET (self->contract_issue_row),
                          kase->contract_breach && kase->provider_id != NULL &&
                          (self->actor.roles & (SP_ROLE_BIT (SP_ROLE_PROCUREMENT) |
                                                SP_ROLE_BIT (SP_ROLE_ADMIN))) != 0);
  /* The target first: the window's action takes (case, provider). */
  if (kase->provider_id != NULL)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->contract_issue_button), "(ss)",
                                        SP_ENTITY (kase)->id, kase->provider_id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->contract_issue_button),
                                      "win.open-contract-issue");
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->individual_record_row), may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->individual_record_noted_row), may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->named_employee_row), may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->conflict_of_interest_row), may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->contract_breach_row), may);
  adw_preferences_group_set_description (self->flags_group,
                                         may ? NULL
                                             : _("Unit managers and registrars set the flags."));
}

/* The counter shows near the limit; typing stops at it. */
static void
update_subject_counter (SpCasePage *self)
{
  glong length = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (self->subject_entry)), -1);
  g_autofree char *text = NULL;

  /* Translators: characters typed of the most allowed, e.g. 187/200 */
  text = g_strdup_printf (_("%ld/%d"), length, SP_CASE_PAGE_SUBJECT_MAX);
  gtk_label_set_text (self->subject_counter_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->subject_counter_label),
                          length >= SP_CASE_PAGE_SUBJECT_WARN);
}

static const char *
check_subject (const char *subject)
{
  if (subject == NULL)
    return _("Enter a subject: a few words on what it is about");
  if (g_utf8_strlen (subject, -1) > SP_CASE_PAGE_SUBJECT_MAX)
    return _("The subject is too long: at most 200 characters");

  return NULL;
}

static void
show_subject_error (SpCasePage *self,
                    const char *error)
{
  gtk_widget_set_visible (GTK_WIDGET (self->subject_error_row), error != NULL);
  gtk_label_set_text (self->subject_error_label, error ? error : "");
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->subject_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->subject_entry), "error");
}

static void
on_subject_changed (SpCasePage *self)
{
  update_subject_counter (self);

  /* An error goes as soon as the subject is fixed, not at the next Save. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->subject_error_row)))
    {
      g_autofree char *subject =
        strip_or_null (gtk_editable_get_text (GTK_EDITABLE (self->subject_entry)));

      if (check_subject (subject) == NULL)
        show_subject_error (self, NULL);
    }
}

static void
update_content_buttons (SpCasePage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->content_save_button), self->content_dirty);
  gtk_widget_set_sensitive (GTK_WIDGET (self->content_revert_button), self->content_dirty);
}

static void
fill_content (SpCasePage *self)
{
  SpCase *kase = self->kase;
  gboolean may = _sp_case_page_may_edit (self);

  gtk_editable_set_editable (GTK_EDITABLE (self->subject_entry), may);
  gtk_text_view_set_editable (self->description_view, may);
  gtk_text_view_set_cursor_visible (self->description_view, may);
  gtk_widget_set_visible (GTK_WIDGET (self->content_actions_row), may);

  /* What the user is typing survives a reload (after a conflict, say):
   * they decide whether to save it over the new version. */
  if (self->content_dirty)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->subject_entry), kase->subject ? kase->subject : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            kase->description ? kase->description : "", -1);
  show_subject_error (self, NULL);
  update_subject_counter (self);
  update_content_buttons (self);
}

static void
fill_delay (SpCasePage *self)
{
  SpCase *kase = self->kase;
  gboolean owed = sp_case_delay_notice_owed (kase, sp_date_today ());
  gboolean may = (self->actor.roles & (SP_CASE_PAGE_HANDLER_ROLES |
                                       SP_ROLE_BIT (SP_ROLE_DEPARTMENT_HEAD))) != 0;
  gboolean form_open = gtk_widget_get_visible (GTK_WIDGET (self->delay_reason_row));

  gtk_widget_set_visible (GTK_WIDGET (self->delay_owed_row), owed);
  gtk_widget_set_visible (GTK_WIDGET (self->delay_open_row), owed && may && !form_open);
  if (!owed)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->delay_reason_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->delay_date_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->delay_error_row), FALSE);
    }

  if (kase->delay_notice_on != SP_DATE_NONE)
    {
      g_autofree char *date = sp_date_to_string (kase->delay_notice_on);
      /* Translators: %s is a date */
      g_autofree char *title = g_strdup_printf (_("Delay notice sent %s"), date);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->delay_recorded_row), title);
      adw_action_row_set_subtitle (self->delay_recorded_row, kase->delay_reason);
      gtk_widget_set_visible (GTK_WIDGET (self->delay_recorded_row), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->delay_recorded_row), FALSE);
}

void
_sp_case_page_fill_details (SpCasePage *self)
{
  g_assert (self->kase != NULL);

  fill_sender (self);
  fill_concerns (self);
  fill_flags (self);
  fill_content (self);
  fill_delay (self);
}

static void
on_flag_toggled (GtkSwitch  *toggle,
                 GParamSpec *pspec,
                 SpCasePage *self)
{
  const char *field = g_object_get_data (G_OBJECT (toggle), "sp-field");
  const char *fields[] = { field, NULL };
  const SpField *spec = sp_entity_info_lookup (&sp_case_info, field);
  g_autoptr(SpCase) edited = NULL;
  g_autofree char *title = NULL;
  gboolean active = gtk_switch_get_active (toggle);

  if (self->filling || self->kase == NULL || spec == NULL)
    return;

  if (sp_entity_get_int (SP_ENTITY (self->kase), spec) == active)
    return;

  edited = sp_entity_copy (SP_ENTITY (self->kase));
  sp_entity_set_int (SP_ENTITY (edited), spec, active);

  /* Translators: %s is a flag, e.g. “Conflict of interest” */
  title = g_strdup_printf (active ? _("Flag set: %s") : _("Flag cleared: %s"),
                           _sp_case_page_field_label (field));
  _sp_case_page_save_edit (self, edited, title, fields, NULL);
}

static void
on_content_changed (SpCasePage *self)
{
  if (self->filling || self->kase == NULL)
    return;

  self->content_dirty = TRUE;
  update_content_buttons (self);
}

/* After the save of the subject and description has come back. */
static void
content_saved (SpCasePage     *self,
               SpCasePageSave *save)
{
  if (save->error == NULL)
    {
      self->content_dirty = FALSE;
      self->filling = TRUE;
      fill_content (self);
      self->filling = FALSE;
      update_content_buttons (self);
      return;
    }

  if (self->kase == NULL)
    return;

  /* Refused (someone else saved first): keep what the user changed, and
   * show the new version of what they did not touch, so that saving again
   * does not quietly put back the old text over the other change. */
  self->filling = TRUE;
  if (g_strcmp0 (save->edited->subject, save->before->subject) == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->subject_entry),
                           self->kase->subject ? self->kase->subject : "");
  if (g_strcmp0 (save->edited->description, save->before->description) == 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                              self->kase->description ? self->kase->description : "", -1);
  self->filling = FALSE;
  update_content_buttons (self);
}

static void
on_content_save (SpCasePage *self)
{
  static const char * const fields[] = { "subject", "description", NULL };
  g_autoptr(SpCase) edited = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *description = NULL;
  g_autofree char *text = NULL;
  const char *error = NULL;

  if (self->kase == NULL)
    return;

  subject = strip_or_null (gtk_editable_get_text (GTK_EDITABLE (self->subject_entry)));
  text = get_view_text (self->description_view);
  description = strip_or_null (text);

  error = check_subject (subject);
  show_subject_error (self, error);
  if (error != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->subject_entry));
      return;
    }

  edited = sp_entity_copy (SP_ENTITY (self->kase));
  g_free (edited->subject);
  edited->subject = g_steal_pointer (&subject);
  g_free (edited->description);
  edited->description = g_steal_pointer (&description);

  if (g_strcmp0 (edited->subject, self->kase->subject) == 0 &&
      g_strcmp0 (edited->description, self->kase->description) == 0)
    {
      self->content_dirty = FALSE;
      update_content_buttons (self);
      return;
    }

  /* While dirty, a refill leaves the editors alone; on a conflict the text
   * stays dirty and in place. */
  _sp_case_page_save_edit (self, edited, _("Changes saved"), (const char * const *) fields,
                           content_saved);
}

void
_sp_case_page_save_text (SpCasePage *self)
{
  if (self->content_dirty && _sp_case_page_may_edit (self))
    on_content_save (self);
}

static void
on_content_revert (SpCasePage *self)
{
  if (self->kase == NULL)
    return;

  self->content_dirty = FALSE;
  self->filling = TRUE;
  fill_content (self);
  self->filling = FALSE;
  gtk_widget_remove_css_class (GTK_WIDGET (self->subject_entry), "error");
}

static void
on_delay_open (SpCasePage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->delay_reason_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->delay_date_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->delay_open_row), FALSE);
  sp_intake_date_button_set_date (self->delay_date_button, sp_date_today ());
  gtk_widget_grab_focus (GTK_WIDGET (self->delay_reason_row));
}

/* The reason the delay form refuses, or NULL. */
static const char *
check_delay (SpCasePage *self,
             const char *reason,
             SpDate      date)
{
  if (reason == NULL)
    return _("Enter the reason for the delay, as told to the sender");
  if (g_utf8_strlen (reason, -1) > 5000)
    return _("The reason is too long: at most 5000 characters");
  if (date == SP_DATE_NONE)
    return _("Choose the date the notice was sent");
  if (date > sp_date_today ())
    return _("The notice cannot have been sent in the future");
  if (date < self->kase->received_on)
    return _("The notice cannot have been sent before the case came in");

  return NULL;
}

/* An error goes as soon as the form is fixed. */
static void
on_delay_changed (SpCasePage *self)
{
  g_autofree char *reason = NULL;

  if (self->kase == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->delay_error_row)))
    return;

  reason = strip_or_null (gtk_editable_get_text (GTK_EDITABLE (self->delay_reason_row)));
  if (check_delay (self, reason, sp_intake_date_button_get_date (self->delay_date_button)) == NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->delay_error_row), FALSE);
}

static void
delay_saved (SpCasePage     *self,
             SpCasePageSave *save)
{
  if (save->error != NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->delay_reason_row), "");
  gtk_widget_set_visible (GTK_WIDGET (self->delay_reason_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->delay_date_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->delay_error_row), FALSE);
  /* And the notice itself, with the reason just given. */
  sp_letters_section_compose (self->letters_section, SP_LETTER_DELAY_NOTICE);
}

static void
on_delay_save (SpCasePage *self)
{
  static const char * const fields[] = { "delay_reason", "delay_notice_on", NULL };
  g_autoptr(SpCase) edited = NULL;
  g_autofree char *reason = NULL;
  SpDate date = sp_intake_date_button_get_date (self->delay_date_button);
  const char *error = NULL;

  if (self->kase == NULL)
    return;

  reason = strip_or_null (gtk_editable_get_text (GTK_EDITABLE (self->delay_reason_row)));
  error = check_delay (self, reason, date);

  gtk_label_set_text (self->delay_error_label, error ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->delay_error_row), error != NULL);
  if (error != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->delay_reason_row));
      return;
    }

  edited = sp_entity_copy (SP_ENTITY (self->kase));
  g_free (edited->delay_reason);
  edited->delay_reason = g_steal_pointer (&reason);
  edited->delay_notice_on = date;

  _sp_case_page_save_edit (self, edited, _("Delay notice recorded"),
                           (const char * const *) fields, delay_saved);
}

void
_sp_case_page_init_details (SpCasePage *self)
{
  AdwActionRow *text_rows[] = {
    self->sender_name_row, self->sender_address_row, self->sender_phone_row,
    self->sender_email_row, self->sender_feedback_row, self->sender_relation_row,
    self->concerns_row, self->authority_row,
    self->service_note_row, self->delay_recorded_row, self->deadline_row,
  };

  /* These rows show what people typed, which is never markup. */
  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (text_rows[i]), FALSE);

  g_object_set_data (G_OBJECT (self->individual_record_switch), "sp-field",
                     (gpointer) "individual_record");
  g_object_set_data (G_OBJECT (self->individual_record_noted_switch), "sp-field",
                     (gpointer) "individual_record_noted");
  g_object_set_data (G_OBJECT (self->named_employee_switch), "sp-field",
                     (gpointer) "named_employee");
  g_object_set_data (G_OBJECT (self->contract_breach_switch), "sp-field",
                     (gpointer) "contract_breach");
  g_object_set_data (G_OBJECT (self->conflict_of_interest_switch), "sp-field",
                     (gpointer) "conflict_of_interest");

  g_signal_connect_object (self->individual_record_switch, "notify::active",
                           G_CALLBACK (on_flag_toggled), self, 0);
  g_signal_connect_object (self->individual_record_noted_switch, "notify::active",
                           G_CALLBACK (on_flag_toggled), self, 0);
  g_signal_connect_object (self->named_employee_switch, "notify::active",
                           G_CALLBACK (on_flag_toggled), self, 0);
  g_signal_connect_object (self->contract_breach_switch, "notify::active",
                           G_CALLBACK (on_flag_toggled), self, 0);
  g_signal_connect_object (self->conflict_of_interest_switch, "notify::active",
                           G_CALLBACK (on_flag_toggled), self, 0);

  /* Typing stops at the limit (a paste is cut there). */
  gtk_text_set_max_length (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->subject_entry))),
                           SP_CASE_PAGE_SUBJECT_MAX);
  g_signal_connect_object (self->subject_entry, "changed",
                           G_CALLBACK (on_subject_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->subject_entry, "changed",
                           G_CALLBACK (on_content_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->delay_reason_row, "changed",
                           G_CALLBACK (on_delay_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->delay_date_button, "notify::date",
                           G_CALLBACK (on_delay_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->description_view), "changed",
                           G_CALLBACK (on_content_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->content_save_button, "clicked",
                           G_CALLBACK (on_content_save), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->content_revert_button, "clicked",
                           G_CALLBACK (on_content_revert), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->subject_entry, "entry-activated",
                           G_CALLBACK (on_content_save), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->delay_open_button, "clicked",
                           G_CALLBACK (on_delay_open), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->delay_save_button, "clicked",
                           G_CALLBACK (on_delay_save), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->delay_reason_row, "entry-activated",
                           G_CALLBACK (on_delay_save), self, G_CONNECT_SWAPPED);
}
