/* sp-case.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>

#include "sp-calendar.h"
#include "sp-case.h"
#include "sp-error.h"

#define SENDER(m, member, type, fl, info, max) \
  { "sender_" #m, "sender", member, type, (fl) | SP_FIELD_PERSONAL, \
    G_STRUCT_OFFSET (SpCase, sender_##m), info, max }

SP_DEFINE_ENTITY (SpCase, sp_case, "case", "cases",
  SP_DEFINE_STRING (SpCase, diary_number, SP_FIELD_SERVER, 64),
  SP_DEFINE_ENUM (SpCase, kind, SP_FIELD_REQUIRED, sp_case_kind_info),
  SP_DEFINE_ENUM (SpCase, valence, 0, sp_valence_info),
  SP_DEFINE_ENUM (SpCase, channel, SP_FIELD_REQUIRED, sp_channel_info),
  SP_DEFINE_DATE (SpCase, received_on, SP_FIELD_REQUIRED | SP_FIELD_RECEIVED),
  SP_DEFINE_ENUM (SpCase, status, SP_FIELD_SERVER, sp_status_info),
  /* The sender's anonymity and wish are not personal data: they stay
   * visible when the rest is redacted. */
  { "sender_anonymous", "sender", "anonymous", SP_FIELD_BOOL, 0,
    G_STRUCT_OFFSET (SpCase, sender_anonymous), NULL, 0 },
  SENDER (name, "name", SP_FIELD_STRING, 0, NULL, 200),
  SENDER (address, "address", SP_FIELD_STRING, 0, NULL, 500),
  SENDER (phone, "phone", SP_FIELD_STRING, 0, NULL, 40),
  SENDER (email, "email", SP_FIELD_STRING, 0, NULL, 254),
  { "sender_wants_feedback", "sender", "wants_feedback", SP_FIELD_BOOL, 0,
    G_STRUCT_OFFSET (SpCase, sender_wants_feedback), NULL, 0 },
  { "sender_relation", "sender", "relation", SP_FIELD_ENUM, 0,
    G_STRUCT_OFFSET (SpCase, sender_relation), &sp_relation_info, 0 },
  SP_DEFINE_ENUM (SpCase, concerns, 0, sp_concerns_info),
  SP_DEFINE_REF (SpCase, unit_id, 0),
  SP_DEFINE_REF (SpCase, provider_id, 0),
  SP_DEFINE_STRING (SpCase, other_district, 0, 200),
  SP_DEFINE_STRING (SpCase, other_authority, 0, 200),
  SP_DEFINE_ENUM (SpCase, area, 0, sp_area_info),
  SP_DEFINE_STRING (SpCase, category, 0, 64),
  SP_DEFINE_STRING (SpCase, subject, SP_FIELD_REQUIRED, 200),
  SP_DEFINE_STRING (SpCase, description, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 20000),
  SP_DEFINE_STRING (SpCase, service_note, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 5000),
  SP_DEFINE_BOOL (SpCase, individual_record, 0),
  SP_DEFINE_BOOL (SpCase, individual_record_noted, 0),
  SP_DEFINE_BOOL (SpCase, named_employee, 0),
  SP_DEFINE_BOOL (SpCase, conflict_of_interest, 0),
  SP_DEFINE_REF (SpCase, investigating_unit_id, 0),
  SP_DEFINE_BOOL (SpCase, contract_breach, 0),
  SP_DEFINE_STRING (SpCase, authority_reference, 0, 100),
  SP_DEFINE_DATE (SpCase, given_due_on, 0),
  SP_DEFINE_STRING (SpCase, deadline_rule, SP_FIELD_SERVER, 32),
  SP_DEFINE_DATE (SpCase, due_on, SP_FIELD_SERVER),
  SP_DEFINE_BOOL (SpCase, overdue, SP_FIELD_SERVER | SP_FIELD_COMPUTED),
  SP_DEFINE_STRING (SpCase, assigned_to, 0, 200),
  SP_DEFINE_STRING (SpCase, forwarded_to, 0, 200),
  SP_DEFINE_DATE (SpCase, delay_notice_on, 0),
  SP_DEFINE_STRING (SpCase, delay_reason, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 5000),
  SP_DEFINE_DATE (SpCase, feedback_on, 0),
  SP_DEFINE_ENUM (SpCase, feedback_method, 0, sp_feedback_method_info),
  SP_DEFINE_STRING (SpCase, feedback_note, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 5000),
  SP_DEFINE_BOOL (SpCase, no_action_possible, 0),
  SP_DEFINE_BOOL (SpCase, complex, 0),
  SP_DEFINE_STRING (SpCase, complex_reason, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 2000),
  SP_DEFINE_DATE (SpCase, praise_passed_on, 0),
  SP_DEFINE_STRING (SpCase, praise_passed_to, SP_FIELD_FREE_TEXT, 200),
  SP_DEFINE_DATE (SpCase, closed_on, SP_FIELD_SERVER),
  SP_DEFINE_STRING (SpCase, created_by, SP_FIELD_SERVER, 200),
  SP_DEFINE_TIMESTAMP (SpCase, created_at, SP_FIELD_SERVER))

void
sp_case_get_deadline_rule (SpCase                 *self,
                           const SpDeadlineConfig *config,
                           SpDeadlineRule         *rule)
{
  g_return_if_fail (SP_IS_CASE (self));
  g_return_if_fail (config != NULL);
  g_return_if_fail (rule != NULL);

  if (self->given_due_on != SP_DATE_NONE)
    *rule = (SpDeadlineRule) { SP_DEADLINE_GIVEN_DATE, 0 };
  else if ((self->channel == SP_CHANNEL_TYCK_TILL_APP || self->area == SP_AREA_CITY_ENVIRONMENT) &&
           self->complex)
    *rule = config->city_environment_complex;
  else if (self->channel == SP_CHANNEL_TYCK_TILL_APP || self->area == SP_AREA_CITY_ENVIRONMENT)
    *rule = config->city_environment;
  else
    *rule = config->investigation;
}

gboolean
sp_case_update_deadline (SpCase                 *self,
                         const SpDeadlineConfig *config,
                         GError                **error)
{
  SpDeadlineRule rule;

  g_return_val_if_fail (SP_IS_CASE (self), FALSE);

  sp_case_get_deadline_rule (self, config, &rule);
  g_free (self->deadline_rule);
  self->deadline_rule = sp_deadline_rule_to_string (&rule);
  self->due_on = sp_deadline_rule_apply (&rule, self->received_on, self->given_due_on);

  /* The rule gives no date only when there is nothing to count from, or
   * when the count runs past the last day a date can have. */
  if (self->due_on == SP_DATE_NONE && rule.kind != SP_DEADLINE_GIVEN_DATE &&
      self->received_on != SP_DATE_NONE)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "received_on",
                          _("received_on: the deadline would fall after %d-12-31"),
                          SP_DATE_LAST_YEAR);
      return FALSE;
    }

  return TRUE;
}

gboolean
sp_case_is_overdue (SpCase *self,
                    SpDate  today)
{
  g_return_val_if_fail (SP_IS_CASE (self), FALSE);

  /* Once feedback is given, the deadline has been met or missed for good. */
  if (self->due_on == SP_DATE_NONE || self->status >= SP_STATUS_FEEDBACK_GIVEN)
    return FALSE;

  return today > self->due_on;
}

int
sp_case_get_days_left (SpCase *self,
                       SpDate  today)
{
  g_return_val_if_fail (SP_IS_CASE (self), 0);

  if (self->due_on == SP_DATE_NONE)
    return 0;

  return sp_deadline_days_left (self->due_on, today);
}

gboolean
sp_case_delay_notice_owed (SpCase *self,
                           SpDate  today)
{
  g_return_val_if_fail (SP_IS_CASE (self), FALSE);

  return sp_case_is_overdue (self, today) &&
         !self->sender_anonymous &&
         self->delay_notice_on == SP_DATE_NONE;
}

gboolean
sp_case_can_be_registered (SpCase *self)
{
  g_return_val_if_fail (SP_IS_CASE (self), FALSE);

  return !self->sender_anonymous;
}

gboolean
sp_case_needs_feedback (SpCase *self)
{
  g_return_val_if_fail (SP_IS_CASE (self), FALSE);

  if (self->sender_anonymous)
    return FALSE;

  if (self->kind == SP_CASE_KIND_COMPLAINT)
    return TRUE;

  return self->sender_wants_feedback;
}

void
sp_case_redact_personal_data (SpCase *self)
{
  const SpEntityInfo *info;

  g_return_if_fail (SP_IS_CASE (self));

  info = sp_entity_get_info (SP_ENTITY (self));
  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];

      if (field->flags & SP_FIELD_PERSONAL)
        {
          if (field->type == SP_FIELD_STRING)
            sp_entity_set_string (SP_ENTITY (self), field, NULL);
          else
            sp_entity_set_int (SP_ENTITY (self), field, 0);
        }
    }
}
