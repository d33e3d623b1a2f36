/* sp-case-sender-section.c: who sent the case, and whether they are owed
 * feedback
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sender's contact details show only to the roles that work with the
 * people, never to quality staff or procurement alone.
 */

#include <glib/gi18n.h>

#include "sp-case-sender-section.h"

struct _SpCaseSenderSection
{
  SpCaseSection  parent_instance;

  AdwActionRow  *sender_name_row;
  AdwActionRow  *sender_address_row;
  AdwActionRow  *sender_phone_row;
  AdwActionRow  *sender_email_row;
  AdwActionRow  *sender_feedback_row;
  AdwActionRow  *sender_relation_row;
};

G_DEFINE_FINAL_TYPE (SpCaseSenderSection, sp_case_sender_section, SP_TYPE_CASE_SECTION)

static void
hide_contact_rows (SpCaseSenderSection *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->sender_name_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->sender_address_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->sender_phone_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->sender_email_row), FALSE);
}

static void
sp_case_sender_section_fill (SpCaseSection *section,
                             SpCase        *kase)
{
  SpCaseSenderSection *self = SP_CASE_SENDER_SECTION (section);
  AdwPreferencesRow *feedback_row = ADW_PREFERENCES_ROW (self->sender_feedback_row);

  if (kase->sender_anonymous)
    {
      hide_contact_rows (self);
      adw_preferences_row_set_title (feedback_row, _("Anonymous"));
      adw_action_row_set_subtitle (self->sender_feedback_row,
                                   _("Not registered in the diary; no feedback can be given"));
    }
  else if (!sp_case_section_may_see_personal_data (section))
    {
      hide_contact_rows (self);
      adw_preferences_row_set_title (feedback_row, _("Contact details hidden"));
      adw_action_row_set_subtitle (self->sender_feedback_row,
                                   _("Your roles do not show the sender’s personal data"));
    }
  else
    {
      sp_case_section_set_row (self->sender_name_row, kase->sender_name);
      sp_case_section_set_row (self->sender_address_row, kase->sender_address);
      sp_case_section_set_row (self->sender_phone_row, kase->sender_phone);
      sp_case_section_set_row (self->sender_email_row, kase->sender_email);
      adw_preferences_row_set_title (feedback_row, _("Feedback"));
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

  sp_case_section_set_row (self->sender_relation_row,
                           sp_enum_get_label (&sp_relation_info, kase->sender_relation));
}

static void
sp_case_sender_section_class_init (SpCaseSenderSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpCaseSectionClass *section_class = SP_CASE_SECTION_CLASS (klass);

  section_class->fill = sp_case_sender_section_fill;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-case-sender-section.ui");
  gtk_widget_class_bind_template_child (widget_class, SpCaseSenderSection, sender_name_row);
  gtk_widget_class_bind_template_child (widget_class, SpCaseSenderSection, sender_address_row);
  gtk_widget_class_bind_template_child (widget_class, SpCaseSenderSection, sender_phone_row);
  gtk_widget_class_bind_template_child (widget_class, SpCaseSenderSection, sender_email_row);
  gtk_widget_class_bind_template_child (widget_class, SpCaseSenderSection, sender_feedback_row);
  gtk_widget_class_bind_template_child (widget_class, SpCaseSenderSection, sender_relation_row);
}

static void
sp_case_sender_section_init (SpCaseSenderSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sp_case_section_set_plain_rows (self->sender_name_row, self->sender_address_row,
                                  self->sender_phone_row, self->sender_email_row,
                                  self->sender_feedback_row, self->sender_relation_row, NULL);
}
