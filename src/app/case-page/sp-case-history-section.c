/* sp-case-history-section.c: the case's history, in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Events store field names and values as the API writes them
 * ("sender_relation", "relative"); the timeline turns both into the words
 * the rest of the UI uses, and names units, providers and categories
 * instead of showing their ids.
 */

#include <glib/gi18n.h>

#include "sp-case-history-section.h"
#include "sp-investigation-section.h"

#define MAX_VALUE_CHARS 80
/* The newest events shown at first; the rest come with Show All. A case
 * with a full investigation has a hundred, and each row is text to lay
 * out. */
#define FIRST_SHOWN 20

struct _SpCaseHistorySection
{
  SpCaseSection  parent_instance;

  GtkListBox    *history_list;
  GPtrArray     *events;        /* SpCaseEvent, newest first; NULL: unread */
  GError        *error;         /* why they could not be read */
  char          *events_for;    /* the case they are of */
  gboolean       show_all;      /* for that case */
};

G_DEFINE_FINAL_TYPE (SpCaseHistorySection, sp_case_history_section, SP_TYPE_CASE_SECTION)

static const struct {
  const char *field;
  const char *label;
} field_labels[] = {
  { "diary_number", N_("Diary number") },
  { "kind", N_("Kind") },
  { "valence", N_("Positive or negative") },
  { "channel", N_("Channel") },
  { "received_on", N_("Date received") },
  { "status", N_("Status") },
  { "sender_anonymous", N_("Anonymous") },
  { "sender_name", N_("Sender’s name") },
  { "sender_address", N_("Sender’s address") },
  { "sender_phone", N_("Sender’s phone") },
  { "sender_email", N_("Sender’s e-mail") },
  { "sender_wants_feedback", N_("Wants feedback") },
  { "sender_relation", N_("Sender’s relation") },
  { "concerns", N_("Concerns") },
  { "unit_id", N_("Unit") },
  { "provider_id", N_("Provider") },
  { "other_district", N_("Other district") },
  { "other_authority", N_("Other authority") },
  { "area", N_("Area of activity") },
  { "category", N_("Category") },
  { "subject", N_("Subject") },
  { "description", N_("Description") },
  { "service_note", N_("Service note") },
  { "individual_record", N_("Concerns an individual’s record") },
  { "individual_record_noted", N_("Noted in the individual’s record") },
  { "named_employee", N_("Concerns a named employee") },
  { "conflict_of_interest", N_("Conflict of interest") },
  { "investigating_unit_id", N_("Investigating unit") },
  { "contract_breach", N_("Contract breach") },
  { "authority_reference", N_("Authority’s reference") },
  { "given_due_on", N_("Given deadline") },
  { "assigned_to", N_("Assigned to") },
  { "forwarded_to", N_("Forwarded to") },
  { "delay_notice_on", N_("Delay notice sent") },
  { "delay_reason", N_("Reason for the delay") },
  { "feedback_on", N_("Feedback given on") },
  { "closed_on", N_("Closed on") },
};

const char *
sp_case_history_field_label (const char *field)
{
  if (field == NULL)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_strcmp0 (field_labels[i].field, field) == 0)
      return _(field_labels[i].label);

  /* A field added to the core later still shows, by its API name. */
  return field;
}

static char *
shorten (const char *text)
{
  g_autofree char *one_line = g_strdup (text);
  g_autofree char *head = NULL;

  g_strdelimit (one_line, "\n\r\t", ' ');
  if (g_utf8_strlen (one_line, -1) <= MAX_VALUE_CHARS)
    return g_steal_pointer (&one_line);

  head = g_utf8_substring (one_line, 0, MAX_VALUE_CHARS - 1);

  return g_strconcat (head, "…", NULL);
}

static char *
format_value (SpCaseHistorySection *self,
              const char           *field,
              const char           *value)
{
  const SpField *spec = field ? sp_entity_info_lookup (&sp_case_info, field) : NULL;

  if (value == NULL || *value == '\0')
    return g_strdup (_("(none)"));

  if (spec != NULL && sp_field_is_personal (spec) &&
      !sp_case_section_may_see_personal_data (SP_CASE_SECTION (self)))
    return g_strdup (_("(hidden)"));

  if (spec != NULL && spec->type == SP_FIELD_ENUM && spec->enum_info != NULL)
    {
      int v;

      if (sp_enum_from_name (spec->enum_info, value, &v))
        return g_strdup (sp_enum_get_label (spec->enum_info, v));
    }

  if (spec != NULL && spec->type == SP_FIELD_BOOL)
    {
      if (g_str_equal (value, "true") || g_str_equal (value, "1"))
        return g_strdup (_("Yes"));
      if (g_str_equal (value, "false") || g_str_equal (value, "0"))
        return g_strdup (_("No"));
    }

  if (g_strcmp0 (field, "unit_id") == 0 || g_strcmp0 (field, "investigating_unit_id") == 0)
    return g_strdup (sp_case_section_unit_name (SP_CASE_SECTION (self), value));
  if (g_strcmp0 (field, "provider_id") == 0)
    return g_strdup (sp_case_section_provider_name (SP_CASE_SECTION (self), value));
  if (g_strcmp0 (field, "category") == 0)
    return g_strdup (sp_case_section_category_name (SP_CASE_SECTION (self), value));

  return shorten (value);
}

/* An investigation's or planned action's field (the event's note names
 * which), in the words of the investigation section. */
static char *
format_investigation_value (SpCaseHistorySection *self,
                            const SpField        *spec,
                            const char           *value)
{
  int v;

  if (value == NULL || *value == '\0')
    return g_strdup (_("(none)"));
  if (spec != NULL && sp_field_is_personal (spec) && !sp_case_section_may_see_personal_data (SP_CASE_SECTION (self)))
    return g_strdup (_("(hidden)"));
  if (spec != NULL && spec->type == SP_FIELD_ENUM && sp_enum_from_name (spec->enum_info, value, &v))
    return g_strdup (sp_enum_get_label (spec->enum_info, v));
  if (spec != NULL && spec->type == SP_FIELD_BOOL)
    return g_strdup (g_str_equal (value, "true") || g_str_equal (value, "1") ? _("Yes") : _("No"));
  return shorten (value);
}

static char *
describe_investigation (SpCaseHistorySection *self,
                        SpCaseEvent          *event)
{
  gboolean action = g_strcmp0 (event->note, "planned_action") == 0;
  const SpField *spec = sp_entity_info_lookup (action ? &sp_planned_action_info
                                                      : &sp_investigation_info, event->field);
  const char *label = sp_investigation_field_label (event->field);
  g_autofree char *old_value = format_investigation_value (self, spec, event->old_value);
  g_autofree char *new_value = format_investigation_value (self, spec, event->new_value);

  /* Translators: a change in the history: Investigation or Planned action ·
   * field: old value → new value */
  return g_strdup_printf (_("%s · %s: %s → %s"),
                          action ? _("Planned action") : _("Investigation"),
                          label ? label : event->field, old_value, new_value);
}

static char *
describe_letter (SpCaseEvent *event)
{
  int kind = 0;
  int method = 0;
  gboolean has_method = event->new_value != NULL &&
                        sp_enum_from_name (&sp_letter_method_info, event->new_value, &method);

  if (!sp_enum_from_name (&sp_letter_kind_info, event->field, &kind))
    return g_strdup (sp_enum_get_label (&sp_event_kind_info, event->kind));
  if (!has_method)
    /* Translators: %s is a kind of letter, e.g. “Final answer” */
    return g_strdup_printf (_("Letter sent: %s"), sp_enum_get_label (&sp_letter_kind_info, kind));
  /* Translators: a kind of letter and how it was sent: “Final answer (E-mail)” */
  return g_strdup_printf (_("Letter sent: %s (%s)"), sp_enum_get_label (&sp_letter_kind_info, kind),
                          sp_enum_get_label (&sp_letter_method_info, method));
}

static char *
describe (SpCaseHistorySection *self,
          SpCaseEvent          *event)
{
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;

  switch (event->kind)
    {
    case SP_EVENT_CREATED:
      return g_strdup (_("Case created"));

    case SP_EVENT_REGISTERED:
      /* Translators: %s is a diary number, e.g. HVSDN 2025/0042 */
      return g_strdup_printf (_("Registered in the diary as %s"),
                              event->new_value ? event->new_value : "");

    case SP_EVENT_STATUS_CHANGED:
    case SP_EVENT_FIELD_CHANGED:
      if (event->field != NULL)
        {
          old_value = format_value (self, event->field, event->old_value);
          new_value = format_value (self, event->field, event->new_value);
          /* Translators: a change in the history: field: old value → new value */
          return g_strdup_printf (_("%s: %s → %s"), sp_case_history_field_label (event->field),
                                  old_value, new_value);
        }
      G_GNUC_FALLTHROUGH;

    case SP_EVENT_INVESTIGATION_UPDATED:
      if (event->field != NULL)
        return describe_investigation (self, event);
      G_GNUC_FALLTHROUGH;

    case SP_EVENT_LETTER_SENT:
      if (event->kind == SP_EVENT_LETTER_SENT && event->field != NULL)
        return describe_letter (event);
      G_GNUC_FALLTHROUGH;

    case SP_EVENT_NOTE:
    case SP_EVENT_CONFLICT_RESOLVED:
    default:
      return g_strdup (sp_enum_get_label (&sp_event_kind_info, event->kind));
    }
}

static const char *
icon_for (SpEventKind kind)
{
  switch (kind)
    {
    case SP_EVENT_CREATED:
      return "document-new-symbolic";
    case SP_EVENT_STATUS_CHANGED:
      return "emblem-ok-symbolic";
    case SP_EVENT_REGISTERED:
      return "accessories-dictionary-symbolic";
    case SP_EVENT_LETTER_SENT:
      return "mail-send-symbolic";
    case SP_EVENT_FIELD_CHANGED:
    case SP_EVENT_INVESTIGATION_UPDATED:
    case SP_EVENT_NOTE:
    case SP_EVENT_CONFLICT_RESOLVED:
    default:
      return "document-edit-symbolic";
    }
}

static int
compare_events_newest_first (gconstpointer a,
                             gconstpointer b)
{
  SpCaseEvent *ea = *(SpCaseEvent **) a;
  SpCaseEvent *eb = *(SpCaseEvent **) b;

  if (ea->at != eb->at)
    return ea->at > eb->at ? -1 : 1;

  /* Events of one save share a time; the later revision came later. */
  if (SP_ENTITY (ea)->rev != SP_ENTITY (eb)->rev)
    return SP_ENTITY (ea)->rev > SP_ENTITY (eb)->rev ? -1 : 1;

  return 0;
}

static GtkWidget *
make_row (SpCaseHistorySection *self,
          SpCaseEvent          *event)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_for (event->kind));
  g_autofree char *title = describe (self, event);
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  const char *who = event->actor_name ? event->actor_name
                  : event->actor_id ? event->actor_id
                  : _("System");

  if (event->at != 0)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (event->at / G_USEC_PER_SEC);

      if (dt != NULL)
        when = g_date_time_format (dt, "%Y-%m-%d %H:%M");
    }

  /* Those notes name records, not words for the user. */
  if (event->note != NULL && *event->note != '\0' &&
      event->kind != SP_EVENT_INVESTIGATION_UPDATED && event->kind != SP_EVENT_LETTER_SENT)
    /* Translators: who · when · a note, in the case history */
    subtitle = g_strdup_printf (_("%s · %s · %s"), who, when ? when : "", event->note);
  else
    /* Translators: who · when, in the case history */
    subtitle = g_strdup_printf (_("%s · %s"), who, when ? when : "");

  /* Values are user text: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sp_enum_get_label (&sp_event_kind_info, event->kind), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
on_show_all (SpCaseHistorySection *self)
{
  SpCase *kase = sp_case_section_get_case (SP_CASE_SECTION (self));

  self->show_all = TRUE;
  if (kase != NULL)
    sp_case_section_set_case (SP_CASE_SECTION (self), kase);
}

static GtkWidget *
make_show_all_row (SpCaseHistorySection *self,
                   guint                 n_events)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;

  /* Translators: the row under the newest events of a case's history */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All %u Event", "Show All %u Events",
                                        n_events),
                           n_events);
  gtk_widget_set_name (row, "history-show-all");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("pan-down-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_show_all), self, G_CONNECT_SWAPPED);

  return row;
}

/* The rows are made again from what was read: the names (and whether the
 * actor sees personal data) may have changed since. */
static void
sp_case_history_section_fill (SpCaseSection *section,
                              SpCase        *kase)
{
  SpCaseHistorySection *self = SP_CASE_HISTORY_SECTION (section);
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);

  if (self->events == NULL)
    {
      GtkWidget *row;

      if (self->error == NULL)
        return;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The history could not be read"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), self->error->message);
      gtk_list_box_append (self->history_list, row);
      return;
    }

  n = self->show_all ? self->events->len : MIN (self->events->len, FIRST_SHOWN);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->history_list, make_row (self, g_ptr_array_index (self->events, i)));
  if (n < self->events->len)
    gtk_list_box_append (self->history_list, make_show_all_row (self, self->events->len));
}

void
sp_case_history_section_show (SpCaseHistorySection *self,
                              SpCase               *kase,
                              GPtrArray            *events,
                              const GError         *error)
{
  g_return_if_fail (SP_IS_CASE_HISTORY_SECTION (self));
  g_return_if_fail (SP_IS_CASE (kase));

  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_error (&self->error);
  /* Another case starts with its newest events again. */
  if (g_strcmp0 (self->events_for, SP_ENTITY (kase)->id) != 0)
    {
      g_free (self->events_for);
      self->events_for = g_strdup (SP_ENTITY (kase)->id);
      self->show_all = FALSE;
    }
  if (events != NULL)
    {
      self->events = g_ptr_array_copy (events, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
      g_ptr_array_set_free_func (self->events, g_object_unref);
      g_ptr_array_sort (self->events, compare_events_newest_first);
    }
  else
    self->error = error != NULL ? g_error_copy (error)
                                : g_error_new_literal (SP_ERROR, SP_ERROR_NOT_FOUND, "");

  sp_case_section_set_case (SP_CASE_SECTION (self), kase);
}

GtkWidget *
sp_case_history_section_get_list (SpCaseHistorySection *self)
{
  g_return_val_if_fail (SP_IS_CASE_HISTORY_SECTION (self), NULL);

  return GTK_WIDGET (self->history_list);
}

static void
sp_case_history_section_finalize (GObject *object)
{
  SpCaseHistorySection *self = SP_CASE_HISTORY_SECTION (object);

  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_error (&self->error);
  g_clear_pointer (&self->events_for, g_free);

  G_OBJECT_CLASS (sp_case_history_section_parent_class)->finalize (object);
}

static void
sp_case_history_section_class_init (SpCaseHistorySectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpCaseSectionClass *section_class = SP_CASE_SECTION_CLASS (klass);

  object_class->finalize = sp_case_history_section_finalize;
  section_class->fill = sp_case_history_section_fill;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-case-history-section.ui");
  gtk_widget_class_bind_template_child (widget_class, SpCaseHistorySection, history_list);
}

static void
sp_case_history_section_init (SpCaseHistorySection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
