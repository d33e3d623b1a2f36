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

/* A drop-down of units or providers: "not chosen" first, then @ids by
 * name, then the case's own id if it is no longer in the list. */
static void
build_id_model (SpCasePage  *self,
                AdwComboRow *row,
                GPtrArray   *ids,
                GHashTable  *names,
                const char  *current)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  gboolean known = current == NULL;

  gtk_string_list_append (list, _("Not chosen"));
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      gtk_string_list_append (list, _sp_case_page_lookup_name (self, names, id));
      known |= g_strcmp0 (id, current) == 0;
    }
  if (!known)
    gtk_string_list_append (list, _sp_case_page_lookup_name (self, names, current));

  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static guint
position_of (GPtrArray  *ids,
             const char *current)
{
  if (current == NULL)
    return 0;

  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), current) == 0)
      return i + 1;

  return ids->len + 1;
}

/* Area and category are corrected by the people who handle the case; the
 * rows are drop-downs, saved as soon as a new value is chosen. Their
 * models are made when another case is shown, never while a choice in
 * them is being handled. */
static void
build_choice_models (SpCasePage *self)
{
  SpCase *kase = self->kase;
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  gboolean known = kase->category == NULL;

  for (guint i = 0; i < sp_area_info.n_values; i++)
    gtk_string_list_append (areas, sp_enum_get_label (&sp_area_info, (int) i));
  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (areas));

  /* Position 0 is "not set"; a code no longer configured still shows,
   * last. */
  gtk_string_list_append (categories, _("Not set"));
  for (guint i = 0; i < self->category_codes->len; i++)
    {
      const char *code = g_ptr_array_index (self->category_codes, i);

      gtk_string_list_append (categories,
                              _sp_case_page_lookup_name (self, self->category_names, code));
      known |= g_strcmp0 (code, kase->category) == 0;
    }
  if (!known)
    gtk_string_list_append (categories, kase->category);
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));

  build_id_model (self, self->unit_row, self->unit_ids, self->unit_names, kase->unit_id);
  build_id_model (self, self->provider_row, self->provider_ids, self->provider_names,
                  kase->provider_id);
  build_id_model (self, self->investigating_unit_row, self->unit_ids, self->unit_names,
                  kase->investigating_unit_id);

  self->models_dirty = FALSE;
}

static void
fill_area_and_category (SpCasePage *self)
{
  SpCase *kase = self->kase;
  gboolean may = (self->actor.roles & SP_CASE_PAGE_HANDLER_ROLES) != 0;
  guint selected = 0;

  if (self->models_dirty)
    build_choice_models (self);

  adw_combo_row_set_selected (self->area_row, kase->area);

  if (kase->category != NULL)
    {
      selected = self->category_codes->len + 1;
      for (guint i = 0; i < self->category_codes->len; i++)
        if (g_strcmp0 (g_ptr_array_index (self->category_codes, i), kase->category) == 0)
          selected = i + 1;
    }
  adw_combo_row_set_selected (self->category_row, selected);

  gtk_widget_set_sensitive (GTK_WIDGET (self->area_row), may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->category_row), may);

  adw_combo_row_set_selected (self->unit_row, position_of (self->unit_ids, kase->unit_id));
  adw_combo_row_set_selected (self->provider_row,
                              position_of (self->provider_ids, kase->provider_id));
  gtk_widget_set_visible (GTK_WIDGET (self->unit_row), kase->concerns == SP_CONCERNS_UNIT);
  gtk_widget_set_visible (GTK_WIDGET (self->provider_row), kase->concerns == SP_CONCERNS_PROVIDER);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unit_row), may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->provider_row), may);

  adw_combo_row_set_selected (self->investigating_unit_row,
                              position_of (self->unit_ids, kase->investigating_unit_id));
  gtk_widget_set_visible (GTK_WIDGET (self->investigating_unit_row),
                          kase->conflict_of_interest || kase->investigating_unit_id != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->investigating_unit_row), may);
}

/* The registrar forwards a case to the unit concerned, and corrects it
 * when intake chose the wrong one. */
static void
save_id_choice (SpCasePage  *self,
                AdwComboRow *row,
                GPtrArray   *ids,
                const char  *field_name,
                const char  *toast_title)
{
  const char *fields[] = { field_name, NULL };
  const SpField *field = sp_entity_info_lookup (&sp_case_info, field_name);
  guint selected = adw_combo_row_get_selected (row);
  const char *id = NULL;
  g_autoptr(SpCase) edited = NULL;

  if (self->filling || self->kase == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected > 0 && selected <= ids->len)
    id = g_ptr_array_index (ids, selected - 1);
  else if (selected > 0)
    return;   /* the unknown id the case already has */

  if (g_strcmp0 (id, sp_entity_get_string (SP_ENTITY (self->kase), field)) == 0)
    return;

  edited = sp_entity_copy (SP_ENTITY (self->kase));
  sp_entity_set_string (SP_ENTITY (edited), field, id);
  _sp_case_page_save_edit (self, edited, toast_title, fields);
}

static void
on_unit_selected (SpCasePage *self)
{
  save_id_choice (self, self->unit_row, self->unit_ids, "unit_id", _("Unit changed"));
}

static void
on_investigating_unit_selected (SpCasePage *self)
{
  save_id_choice (self, self->investigating_unit_row, self->unit_ids, "investigating_unit_id",
                  _("Investigating unit changed"));
}

static void
on_provider_selected (SpCasePage *self)
{
  save_id_choice (self, self->provider_row, self->provider_ids, "provider_id",
                  _("Provider changed"));
}

static void
on_area_selected (SpCasePage *self)
{
  static const char * const fields[] = { "area", NULL };
  guint selected = adw_combo_row_get_selected (self->area_row);
  g_autoptr(SpCase) edited = NULL;

  if (self->filling || self->kase == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected == (guint) self->kase->area)
    return;

  edited = sp_entity_copy (SP_ENTITY (self->kase));
  edited->area = (SpArea) selected;
  _sp_case_page_save_edit (self, edited, _("Area of activity changed"),
                           (const char * const *) fields);
}

static void
on_category_selected (SpCasePage *self)
{
  static const char * const fields[] = { "category", NULL };
  guint selected = adw_combo_row_get_selected (self->category_row);
  const char *code = NULL;
  g_autoptr(SpCase) edited = NULL;

  if (self->filling || self->kase == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected > 0 && selected <= self->category_codes->len)
    code = g_ptr_array_index (self->category_codes, selected - 1);
  else if (selected > 0)
    return;   /* the unknown code the case already has */

  if (g_strcmp0 (code, self->kase->category) == 0)
    return;

  edited = sp_entity_copy (SP_ENTITY (self->kase));
  g_free (edited->category);
  edited->category = g_strdup (code);
  _sp_case_page_save_edit (self, edited, _("Category changed"), (const char * const *) fields);
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
  fill_area_and_category (self);

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

  gtk_widget_set_sensitive (GTK_WIDGET (self->individual_record_row), may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->individual_record_noted_row), may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->named_employee_row), may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->conflict_of_interest_row), may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->contract_breach_row), may);
  adw_preferences_group_set_description (self->flags_group,
                                         may ? NULL
                                             : _("Unit managers and registrars set the flags."));
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
  gtk_widget_set_visible (GTK_WIDGET (self->subject_error_row), FALSE);
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
  _sp_case_page_save_edit (self, edited, title, fields);
}

static void
on_content_changed (SpCasePage *self)
{
  if (self->filling || self->kase == NULL)
    return;

  self->content_dirty = TRUE;
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
  g_autofree char *base_subject = NULL;
  g_autofree char *base_description = NULL;
  const char *error = NULL;

  if (self->kase == NULL)
    return;

  subject = strip_or_null (gtk_editable_get_text (GTK_EDITABLE (self->subject_entry)));
  text = get_view_text (self->description_view);
  description = strip_or_null (text);

  if (subject == NULL)
    error = _("Enter a subject: a few words on what it is about");
  else if (g_utf8_strlen (subject, -1) > 200)
    error = _("The subject is too long: at most 200 characters");

  gtk_widget_set_visible (GTK_WIDGET (self->subject_error_row), error != NULL);
  gtk_label_set_text (self->subject_error_label, error ? error : "");
  if (error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->subject_entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->subject_entry));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->subject_entry), "error");

  edited = sp_entity_copy (SP_ENTITY (self->kase));
  g_free (edited->subject);
  edited->subject = g_steal_pointer (&subject);
  g_free (edited->description);
  edited->description = g_steal_pointer (&description);

  /* On a conflict the text stays dirty and in place; on success the page
   * refills from the saved case. */
  if (g_strcmp0 (edited->subject, self->kase->subject) == 0 &&
      g_strcmp0 (edited->description, self->kase->description) == 0)
    {
      self->content_dirty = FALSE;
      update_content_buttons (self);
      return;
    }

  base_subject = g_strdup (self->kase->subject);
  base_description = g_strdup (self->kase->description);

  /* While dirty, a reload leaves the editors alone. */
  if (_sp_case_page_save_edit (self, edited, _("Changes saved"), (const char * const *) fields))
    {
      self->content_dirty = FALSE;
      self->filling = TRUE;
      fill_content (self);
      self->filling = FALSE;
      return;
    }

  if (self->kase == NULL)
    return;

  /* Refused (someone else saved first): keep what the user changed, and
   * show the new version of what they did not touch, so that saving again
   * does not quietly put back the old text over the other change. */
  self->filling = TRUE;
  if (g_strcmp0 (edited->subject, base_subject) == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->subject_entry),
                           self->kase->subject ? self->kase->subject : "");
  if (g_strcmp0 (edited->description, base_description) == 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                              self->kase->description ? self->kase->description : "", -1);
  self->filling = FALSE;
  update_content_buttons (self);
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
  if (reason == NULL)
    error = _("Enter the reason for the delay, as told to the sender");
  else if (g_utf8_strlen (reason, -1) > 5000)
    error = _("The reason is too long: at most 5000 characters");
  else if (date == SP_DATE_NONE)
    error = _("Choose the date the notice was sent");
  else if (date > sp_date_today ())
    error = _("The notice cannot have been sent in the future");
  else if (date < self->kase->received_on)
    error = _("The notice cannot have been sent before the case came in");

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

  if (_sp_case_page_save_edit (self, edited, _("Delay notice recorded"),
                               (const char * const *) fields))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->delay_reason_row), "");
      gtk_widget_set_visible (GTK_WIDGET (self->delay_reason_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->delay_date_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->delay_error_row), FALSE);
    }
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

  g_signal_connect_object (self->unit_row, "notify::selected",
                           G_CALLBACK (on_unit_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->investigating_unit_row, "notify::selected",
                           G_CALLBACK (on_investigating_unit_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->provider_row, "notify::selected",
                           G_CALLBACK (on_provider_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->area_row, "notify::selected",
                           G_CALLBACK (on_area_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->category_row, "notify::selected",
                           G_CALLBACK (on_category_selected), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->subject_entry, "changed",
                           G_CALLBACK (on_content_changed), self, G_CONNECT_SWAPPED);
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
