/* sp-eservice-text.c: the words of the e-service's pages, in English with
 * their Swedish from po/sv.po
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <glib/gi18n.h>

#include "sp-eservice.h"

static const struct
{
  const char *key;
  const char *text;
} texts[] = {
  /* The page around every public page */
  { "t_skip", N_("Skip to the content") },
  { "t_language", N_("Language") },
  { "t_new_report", N_("Send feedback or a complaint") },
  { "t_status_link", N_("See the status of a report") },
  { "t_back", N_("Back to the form") },
  /* The form */
  { "t_form_title", N_("Feedback and complaints") },
  { "t_form_lead", N_("Tell us what you think of our services: what works well and what should be better. Everything you write is read by the unit it concerns.") },
  { "t_honeypot", N_("Leave this field empty") },
  { "t_kind_legend", N_("What do you want to tell us?") },
  { "t_kind_opinion", N_("An opinion or a suggestion (synpunkt)") },
  { "t_kind_complaint", N_("A complaint (klagomål): something has gone wrong") },
  { "t_kind_praise", N_("Praise (beröm): something has gone well") },
  { "t_kind_proposal", N_("A citizen proposal (medborgarförslag) to the district board is not sent with this form: it has a routine of its own; ask the district administration how to submit one.") },
  { "t_about_legend", N_("What is it about?") },
  { "t_area", N_("Area (optional)") },
  { "t_about", N_("Unit or provider (optional)") },
  { "t_about_text", N_("Or describe in your own words where it happened (optional)") },
  { "t_about_text_hint", N_("For example the name of a preschool, a home care team or a park.") },
  { "t_subject", N_("Subject") },
  { "t_description", N_("Your message") },
  { "t_description_hint", N_("Describe what happened, when and where. Do not write other people's personal details unless they are needed.") },
  { "t_sender_legend", N_("Do you want to give your name?") },
  { "t_sender_anonymous", N_("No, I want to be anonymous") },
  { "t_sender_contact", N_("Yes, here are my contact details") },
  { "t_sender_hint", N_("If you are anonymous we cannot answer you, but your message is still read and taken into account.") },
  { "t_name", N_("Name") },
  { "t_email", N_("E-mail address") },
  { "t_phone", N_("Phone number") },
  { "t_address", N_("Postal address") },
  { "t_relation", N_("You are writing as (optional)") },
  { "t_feedback", N_("I want an answer (återkoppling)") },
  { "t_privacy_title", N_("Your personal data") },
  { "t_send", N_("Send") },
  { "t_choose", N_("Choose") },
  { "t_dont_know", N_("I do not know") },
  /* The receipt */
  { "t_receipt_title", N_("Thank you, we have received your message") },
  { "t_receipt_code", N_("Your reference code is") },
  { "t_receipt_keep", N_("Keep the code: with it you can see how your matter is progressing.") },
  { "t_next_title", N_("What happens next") },
  { "t_next_register", N_("The registrar records your message and sends it to the unit it concerns.") },
  { "t_receipt_status", N_("See the status of your report") },
  /* The status page */
  { "t_status_title", N_("The status of your report") },
  { "t_status_code", N_("Reference code") },
  { "t_status_code_hint", N_("The code you were given when you sent your message, such as SP-AC3D-EF4G.") },
  { "t_status_show", N_("Show the status") },
};

const char *
sp_eservice_text (SpIntake   *intake,
                  SpLang      lang,
                  const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_str_equal (texts[i].key, key))
      return sp_intake_gettext (intake, lang, texts[i].text);
  return NULL;
}
