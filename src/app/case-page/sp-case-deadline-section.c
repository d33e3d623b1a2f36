/* sp-case-deadline-section.c: the case's deadline and its delay notice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When the answer cannot be given in time, the sender is told why and
 * when it will come (the routine's delay notice): the reason and the date
 * it was sent are recorded here, and the letter itself is written next
 * ("delay-recorded").
 */

#include <glib/gi18n.h>

#include "sp-case-deadline-section.h"
#include "sp-intake-date-button.h"

struct _SpCaseDeadlineSection
{
  SpCaseSection       parent_instance;

  AdwActionRow       *deadline_row;
  GtkImage           *deadline_icon;
  GtkLabel           *days_left_label;
  AdwActionRow       *delay_owed_row;
  AdwPreferencesRow  *delay_open_row;
  GtkButton          *delay_open_button;
  AdwEntryRow        *delay_reason_row;
  AdwPreferencesRow  *delay_error_row;
  GtkLabel           *delay_error_label;
  AdwActionRow       *delay_date_row;
  SpIntakeDateButton *delay_date_button;
  GtkButton          *delay_save_button;
  AdwActionRow       *delay_recorded_row;
};

G_DEFINE_FINAL_TYPE (SpCaseDeadlineSection, sp_case_deadline_section, SP_TYPE_CASE_SECTION)

enum {
  DELAY_RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
fill_deadline (SpCaseDeadlineSection *self,
               SpCase                *kase)
{
  SpDate today = sp_date_today ();
  g_autofree char *due = NULL;
  g_autofree char *text = NULL;
  gboolean overdue = FALSE;

  gtk_widget_remove_css_class (GTK_WIDGET (self->days_left_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_icon), "error");

  if (kase->due_on == SP_DATE_NONE)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->deadline_row), _("No deadline"));
      gtk_label_set_text (self->days_left_label, "");
    }
  else
    {
      int days = sp_case_get_days_left (kase, today);

      due = sp_date_to_string (kase->due_on);
      /* Translators: %s is a date, 2026-11-23 */
      text = g_strdup_printf (_("Due %s"), due);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->deadline_row), text);
      g_clear_pointer (&text, g_free);

      if (!sp_status_is_open (kase->status) || kase->status >= SP_STATUS_FEEDBACK_GIVEN)
        text = g_strdup (kase->feedback_on != SP_DATE_NONE ? _("Feedback given")
                                                         : _("No longer running"));
      else if (days > 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days),
                                days);
      else if (days == 0)
        text = g_strdup (_("Due today"));
      else
        {
          overdue = TRUE;
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d day",
                                               "Overdue by %d days", -days),
                                  -days);
        }

      gtk_label_set_text (self->days_left_label, text);
    }

  /* Overdue is said in words and with an icon, not by the red alone. */
  gtk_image_set_from_icon_name (self->deadline_icon,
                                overdue ? "dialog-warning-symbolic" : "alarm-symbolic");
  if (overdue)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->days_left_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_icon), "error");
    }

  adw_action_row_set_subtitle (self->deadline_row,
                               kase->given_due_on != SP_DATE_NONE
                                 ? _("The date given by the authority or the case officer")
                                 : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->deadline_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_text (self->days_left_label),
                                  -1);
}

static void
fill_delay (SpCaseDeadlineSection *self,
            SpCase                *kase)
{
  gboolean owed = sp_case_delay_notice_owed (kase, sp_date_today ());
  gboolean may = sp_case_section_has_role (SP_CASE_SECTION (self),
                                           SP_CASE_SECTION_HANDLER_ROLES |
                                           SP_ROLE_BIT (SP_ROLE_DEPARTMENT_HEAD));
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

static void
sp_case_deadline_section_fill (SpCaseSection *section,
                               SpCase        *kase)
{
  SpCaseDeadlineSection *self = SP_CASE_DEADLINE_SECTION (section);

  fill_deadline (self, kase);
  fill_delay (self, kase);
}

static void
on_delay_open (SpCaseDeadlineSection *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->delay_reason_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->delay_date_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->delay_open_row), FALSE);
  sp_intake_date_button_set_date (self->delay_date_button, sp_date_today ());
  gtk_widget_grab_focus (GTK_WIDGET (self->delay_reason_row));
}

/* The reason the delay form refuses, or NULL. */
static const char *
check_delay (SpCase     *kase,
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
  if (date < kase->received_on)
    return _("The notice cannot have been sent before the case came in");

  return NULL;
}

/* An error goes as soon as the form is fixed. */
static void
on_delay_changed (SpCaseDeadlineSection *self)
{
  SpCase *kase = sp_case_section_get_case (SP_CASE_SECTION (self));
  g_autofree char *reason = NULL;

  if (kase == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->delay_error_row)))
    return;

  reason = sp_case_section_strip_or_null (gtk_editable_get_text (GTK_EDITABLE (self->delay_reason_row)));
  if (check_delay (kase, reason, sp_intake_date_button_get_date (self->delay_date_button)) == NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->delay_error_row), FALSE);
}

static void
delay_saved (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SpCaseDeadlineSection) self = user_data;

  /* A refusal is told by the page; the form stays as typed. */
  if (!sp_case_section_save_finish (SP_CASE_SECTION (self), result, NULL))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->delay_reason_row), "");
  gtk_widget_set_visible (GTK_WIDGET (self->delay_reason_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->delay_date_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->delay_error_row), FALSE);
  g_signal_emit (self, signals[DELAY_RECORDED], 0);
}

static void
on_delay_save (SpCaseDeadlineSection *self)
{
  static const char * const fields[] = { "delay_reason", "delay_notice_on", NULL };
  SpCase *kase = sp_case_section_get_case (SP_CASE_SECTION (self));
  g_autoptr(SpCase) edited = NULL;
  g_autofree char *reason = NULL;
  SpDate date = sp_intake_date_button_get_date (self->delay_date_button);
  const char *error = NULL;

  if (kase == NULL)
    return;

  reason = sp_case_section_strip_or_null (gtk_editable_get_text (GTK_EDITABLE (self->delay_reason_row)));
  error = check_delay (kase, reason, date);

  gtk_label_set_text (self->delay_error_label, error ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->delay_error_row), error != NULL);
  if (error != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->delay_reason_row));
      return;
    }

  edited = sp_entity_copy (SP_ENTITY (kase));
  g_free (edited->delay_reason);
  edited->delay_reason = g_steal_pointer (&reason);
  edited->delay_notice_on = date;

  sp_case_section_save_async (SP_CASE_SECTION (self), edited, _("Delay notice recorded"),
                              fields, delay_saved, g_object_ref (self));
}

const char *
sp_case_deadline_section_get_text (SpCaseDeadlineSection *self)
{
  g_return_val_if_fail (SP_IS_CASE_DEADLINE_SECTION (self), NULL);

  return gtk_label_get_text (self->days_left_label);
}

static void
sp_case_deadline_section_class_init (SpCaseDeadlineSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpCaseSectionClass *section_class = SP_CASE_SECTION_CLASS (klass);

  section_class->fill = sp_case_deadline_section_fill;

  /**
   * SpCaseDeadlineSection::delay-recorded:
   *
   * Emitted once a delay notice's reason and date are stored, for the
   * notice's letter to be written.
   */
  signals[DELAY_RECORDED] =
    g_signal_new ("delay-recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (SP_TYPE_INTAKE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-case-deadline-section.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SpCaseDeadlineSection, name)
  CHILD (deadline_row);
  CHILD (deadline_icon);
  CHILD (days_left_label);
  CHILD (delay_owed_row);
  CHILD (delay_open_row);
  CHILD (delay_open_button);
  CHILD (delay_reason_row);
  CHILD (delay_error_row);
  CHILD (delay_error_label);
  CHILD (delay_date_row);
  CHILD (delay_date_button);
  CHILD (delay_save_button);
  CHILD (delay_recorded_row);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_delay_open);
  gtk_widget_class_bind_template_callback (widget_class, on_delay_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_delay_save);
}

static void
sp_case_deadline_section_init (SpCaseDeadlineSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  sp_case_section_set_plain_rows (self->delay_recorded_row, self->deadline_row, NULL);
}
