/* sp-disclosure-request.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>

#include "sp-disclosure-request.h"
#include "sp-investigation-check.h"

static const SpEnumValue verdict_values[] = {
  { "not_reviewed", N_("Not reviewed") },
  { "disclose", N_("Disclose") },
  { "redact", N_("Redact") },
  { "withhold", N_("Withhold") },
};

const SpEnumInfo sp_review_verdict_info = { "review_verdict", verdict_values,
                                            G_N_ELEMENTS (verdict_values) };

SP_DEFINE_ENTITY (SpDisclosureRequest, sp_disclosure_request, "disclosure_request", "disclosure_requests",
  SP_DEFINE_REF (SpDisclosureRequest, case_id, SP_FIELD_REQUIRED),
  SP_DEFINE_DATE (SpDisclosureRequest, requested_on, SP_FIELD_REQUIRED),
  SP_DEFINE_STRING (SpDisclosureRequest, requester, SP_FIELD_PERSONAL, 500),
  SP_DEFINE_ENUM (SpDisclosureRequest, decision, 0, sp_disclosure_decision_info),
  SP_DEFINE_STRING (SpDisclosureRequest, osl_provision, 0, 200),
  SP_DEFINE_DATE (SpDisclosureRequest, decided_on, 0),
  SP_DEFINE_STRING (SpDisclosureRequest, decided_by, 0, 200),
  SP_DEFINE_STRING (SpDisclosureRequest, note, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 5000),
  SP_DEFINE_BOOL (SpDisclosureRequest, requester_anonymous, 0),
  SP_DEFINE_STRING (SpDisclosureRequest, requested_what, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 2000),
  SP_DEFINE_ENUM (SpDisclosureRequest, review_sender, 0, sp_review_verdict_info),
  SP_DEFINE_STRING (SpDisclosureRequest, review_sender_provision, 0, 200),
  SP_DEFINE_ENUM (SpDisclosureRequest, review_description, 0, sp_review_verdict_info),
  SP_DEFINE_STRING (SpDisclosureRequest, review_description_provision, 0, 200),
  SP_DEFINE_STRING (SpDisclosureRequest, review_description_passages,
                    SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 20000),
  SP_DEFINE_ENUM (SpDisclosureRequest, review_investigation, 0, sp_review_verdict_info),
  SP_DEFINE_STRING (SpDisclosureRequest, review_investigation_provision, 0, 200),
  SP_DEFINE_STRING (SpDisclosureRequest, review_investigation_passages,
                    SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 20000),
  SP_DEFINE_ENUM (SpDisclosureRequest, review_letters, 0, sp_review_verdict_info),
  SP_DEFINE_STRING (SpDisclosureRequest, review_letters_provision, 0, 200))

static const char * const part_fields[SP_N_REVIEW_PARTS] = {
  "review_sender", "review_description", "review_investigation", "review_letters",
};

static const char * const part_labels[SP_N_REVIEW_PARTS] = {
  N_("The sender"), N_("The description"), N_("The investigation"), N_("The letters"),
};

const char *
sp_review_part_field (SpReviewPart part)
{
  g_return_val_if_fail ((guint)part < SP_N_REVIEW_PARTS, NULL);
  return part_fields[part];
}

const char *
sp_review_part_label (SpReviewPart part)
{
  g_return_val_if_fail ((guint)part < SP_N_REVIEW_PARTS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, part_labels[part]);
}

SpReviewVerdict
sp_disclosure_request_get_verdict (SpDisclosureRequest *self,
                                   SpReviewPart         part)
{
  g_return_val_if_fail (SP_IS_DISCLOSURE_REQUEST (self), SP_REVIEW_NOT_REVIEWED);

  switch (part)
    {
    case SP_REVIEW_PART_SENDER: return self->review_sender;
    case SP_REVIEW_PART_DESCRIPTION: return self->review_description;
    case SP_REVIEW_PART_INVESTIGATION: return self->review_investigation;
    case SP_REVIEW_PART_LETTERS: return self->review_letters;
    case SP_N_REVIEW_PARTS:
    default: return SP_REVIEW_NOT_REVIEWED;
    }
}

const char *
sp_disclosure_request_get_provision (SpDisclosureRequest *self,
                                     SpReviewPart         part)
{
  g_return_val_if_fail (SP_IS_DISCLOSURE_REQUEST (self), NULL);

  switch (part)
    {
    case SP_REVIEW_PART_SENDER: return self->review_sender_provision;
    case SP_REVIEW_PART_DESCRIPTION: return self->review_description_provision;
    case SP_REVIEW_PART_INVESTIGATION: return self->review_investigation_provision;
    case SP_REVIEW_PART_LETTERS: return self->review_letters_provision;
    case SP_N_REVIEW_PARTS:
    default: return NULL;
    }
}

const char *
sp_disclosure_request_get_passages (SpDisclosureRequest *self,
                                    SpReviewPart         part)
{
  g_return_val_if_fail (SP_IS_DISCLOSURE_REQUEST (self), NULL);

  switch (part)
    {
    case SP_REVIEW_PART_DESCRIPTION: return self->review_description_passages;
    case SP_REVIEW_PART_INVESTIGATION: return self->review_investigation_passages;
    case SP_REVIEW_PART_SENDER:
    case SP_REVIEW_PART_LETTERS:
    case SP_N_REVIEW_PARTS:
    default: return NULL;
    }
}

int
sp_disclosure_request_get_age (SpDisclosureRequest *self,
                               SpDate               today)
{
  g_return_val_if_fail (SP_IS_DISCLOSURE_REQUEST (self), 0);

  if (self->requested_on == SP_DATE_NONE || today < self->requested_on)
    return 0;
  return (int)(today - self->requested_on);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
add (GPtrArray  *problems,
     const char *field,
     const char *message)
{
  SpProblem *problem;

  for (guint i = 0; i < problems->len; i++)
    if (g_str_equal (((SpProblem *)problems->pdata[i])->field, field))
      return;
  problem = g_new0 (SpProblem, 1);
  problem->field = g_strdup (field);
  problem->message = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

static void
check_lengths (SpEntity  *entity,
               GPtrArray *problems)
{
  const SpEntityInfo *info = sp_entity_get_info (entity);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];
      const char *text;

      if (field->type != SP_FIELD_STRING || field->max_length == 0 ||
          (text = sp_entity_get_string (entity, field)) == NULL)
        continue;
      if (!g_utf8_validate (text, -1, NULL))
        add (problems, field->name, _("The text is not valid UTF-8"));
      else if (g_utf8_strlen (text, -1) > (glong)field->max_length)
        {
          g_autofree char *message = g_strdup_printf (_("At most %u characters"),
                                                      field->max_length);

          add (problems, field->name, message);
        }
    }
}

static void
check_review (SpDisclosureRequest *self,
              const char * const  *provisions,
              GPtrArray           *problems,
              guint               *n_unreviewed,
              guint               *n_kept_back)
{
  for (guint p = 0; p < SP_N_REVIEW_PARTS; p++)
    {
      SpReviewVerdict verdict = sp_disclosure_request_get_verdict (self, p);
      const char *provision = sp_disclosure_request_get_provision (self, p);
      g_autofree char *field = g_strconcat (part_fields[p], "_provision", NULL);

      if ((guint)verdict >= SP_N_REVIEWS)
        {
          add (problems, part_fields[p], _("This is not a verdict of a secrecy review"));
          continue;
        }
      if (verdict == SP_REVIEW_NOT_REVIEWED)
        (*n_unreviewed)++;
      if (verdict != SP_REVIEW_REDACT && verdict != SP_REVIEW_WITHHOLD)
        continue;
      (*n_kept_back)++;
      if (is_blank (provision))
        add (problems, field,
             _("A part that is redacted or withheld needs the provision of the secrecy act "
               "it rests on"));
      else if (!sp_secrecy_provision_is_known (provision, provisions))
        add (problems, field,
             _("This provision is not in the organisation's list of secrecy provisions"));
    }
}

GPtrArray *
sp_disclosure_request_check (SpDisclosureRequest *self,
                             const char * const  *provisions,
                             SpDate               today)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_problem_free);
  guint n_unreviewed = 0;
  guint n_kept_back = 0;

  g_return_val_if_fail (SP_IS_DISCLOSURE_REQUEST (self), problems);

  if (provisions == NULL)
    provisions = sp_secrecy_default_provisions ();

  check_lengths (SP_ENTITY (self), problems);

  if (!self->requester_anonymous && is_blank (self->requester))
    add (problems, "requester",
         _("Write who asked, or mark the request as anonymous (anyone may ask without "
           "saying who they are)"));
  if (self->requested_on == SP_DATE_NONE)
    add (problems, "requested_on", _("Give the date the request came in"));
  else if (today != SP_DATE_NONE && self->requested_on > today)
    add (problems, "requested_on", _("A request cannot come in after today"));
  if (is_blank (self->requested_what))
    add (problems, "requested_what", _("Write what was asked for"));

  check_review (self, provisions, problems, &n_unreviewed, &n_kept_back);

  switch (self->decision)
    {
    case SP_DISCLOSURE_PENDING:
      break;

    case SP_DISCLOSURE_DISCLOSE:
      if (n_kept_back > 0)
        add (problems, "decision",
             _("Parts are redacted or withheld: decide “Disclose with redactions” or "
               "“Refuse”"));
      break;

    case SP_DISCLOSURE_DISCLOSE_REDACTED:
    case SP_DISCLOSURE_REFUSE:
      if (is_blank (self->osl_provision))
        add (problems, "osl_provision",
             _("Refusing or redacting needs the provision of the secrecy act it rests on"));
      else if (!sp_secrecy_provision_is_known (self->osl_provision, provisions))
        add (problems, "osl_provision",
             _("This provision is not in the organisation's list of secrecy provisions"));
      if (self->decision == SP_DISCLOSURE_DISCLOSE_REDACTED && n_kept_back == 0)
        add (problems, "decision",
             _("Nothing is redacted or withheld: mark the parts in the review first"));
      break;

    default:
      add (problems, "decision", _("This is not a decision on disclosure"));
      break;
    }

  if (self->decision != SP_DISCLOSURE_PENDING && n_unreviewed > 0 &&
      self->decision != SP_DISCLOSURE_REFUSE)
    add (problems, "decision", _("Review every part before deciding"));

  return problems;
}
