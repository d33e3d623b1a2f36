/* sp-contract-issue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-contract-issue.h"

#include "sp-error.h"

SP_DEFINE_ENTITY (SpContractIssue, sp_contract_issue, "contract_issue", "contract_issues",
  SP_DEFINE_REF (SpContractIssue, case_id, SP_FIELD_REQUIRED),
  SP_DEFINE_REF (SpContractIssue, provider_id, 0),
  SP_DEFINE_ENUM (SpContractIssue, status, 0, sp_contract_issue_status_info),
  SP_DEFINE_DATE (SpContractIssue, correction_requested_on, 0),
  SP_DEFINE_DATE (SpContractIssue, correction_due_on, 0),
  SP_DEFINE_DATE (SpContractIssue, account_received_on, 0),
  SP_DEFINE_STRING (SpContractIssue, sanction, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 5000),
  SP_DEFINE_STRING (SpContractIssue, outcome, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 5000),
  SP_DEFINE_DATE (SpContractIssue, opened_on, 0),
  SP_DEFINE_STRING (SpContractIssue, routed_to, 0, 200),
  SP_DEFINE_STRING (SpContractIssue, breach, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 5000),
  SP_DEFINE_STRING (SpContractIssue, correction_request, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 5000),
  SP_DEFINE_STRING (SpContractIssue, account, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 5000),
  SP_DEFINE_ENUM (SpContractIssue, sanction_kind, 0, sp_sanction_kind_info),
  SP_DEFINE_INT (SpContractIssue, sanction_amount, 0),
  SP_DEFINE_DATE (SpContractIssue, sanction_decided_on, 0),
  SP_DEFINE_DATE (SpContractIssue, closed_on, 0),
  SP_DEFINE_BOOL (SpContractIssue, welfare_crime, 0),
  SP_DEFINE_STRING (SpContractIssue, assessment, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 5000),
  SP_DEFINE_DATE (SpContractIssue, assessed_on, 0))

gboolean
sp_contract_issue_can_move (SpContractIssueStatus from,
                            SpContractIssueStatus to)
{
  switch (from)
    {
    case SP_CONTRACT_ISSUE_OPEN:
      return to == SP_CONTRACT_ISSUE_CORRECTION_REQUESTED || to == SP_CONTRACT_ISSUE_CLOSED;
    case SP_CONTRACT_ISSUE_CORRECTION_REQUESTED:
      return to == SP_CONTRACT_ISSUE_ACCOUNT_RECEIVED;
    case SP_CONTRACT_ISSUE_ACCOUNT_RECEIVED:
      return to == SP_CONTRACT_ISSUE_ASSESSED || to == SP_CONTRACT_ISSUE_CLOSED;
    case SP_CONTRACT_ISSUE_ASSESSED:
      return to == SP_CONTRACT_ISSUE_SANCTIONED || to == SP_CONTRACT_ISSUE_CLOSED;
    case SP_CONTRACT_ISSUE_SANCTIONED:
      return to == SP_CONTRACT_ISSUE_CLOSED;
    case SP_CONTRACT_ISSUE_CLOSED:
    default:
      return FALSE;
    }
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return TRUE;
  return FALSE;
}

static gboolean
require_date (SpDate       date,
              const char  *field,
              const char  *message,
              GError     **error)
{
  if (date != SP_DATE_NONE)
    return TRUE;
  sp_set_field_error (error, SP_ERROR_INVALID, field, "%s", message);
  return FALSE;
}

static gboolean
validate_sanction (SpContractIssue  *self,
                   GError          **error)
{
  if (self->sanction_amount < 0 ||
      (self->sanction_kind != SP_SANCTION_PENALTY && self->sanction_amount != 0))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "sanction_amount",
                          "Only a penalty (vite) has an amount, and it is not negative");
      return FALSE;
    }
  if (self->sanction_kind == SP_SANCTION_PENALTY && self->sanction_amount <= 0)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "sanction_amount",
                          "A penalty (vite) needs an amount");
      return FALSE;
    }
  return require_date (self->sanction_decided_on, "sanction_decided_on",
                       "A sanction needs the date it was decided", error);
}

gboolean
sp_contract_issue_validate (SpContractIssue  *self,
                            GError          **error)
{
  SpContractIssueStatus status;

  g_return_val_if_fail (SP_IS_CONTRACT_ISSUE (self), FALSE);

  status = self->status;
  if (self->correction_requested_on != SP_DATE_NONE && self->correction_due_on != SP_DATE_NONE &&
      self->correction_due_on < self->correction_requested_on)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "correction_due_on",
                          "The deadline for correction is before the request");
      return FALSE;
    }
  if (status == SP_CONTRACT_ISSUE_CORRECTION_REQUESTED ||
      status == SP_CONTRACT_ISSUE_ACCOUNT_RECEIVED ||
      status == SP_CONTRACT_ISSUE_ASSESSED ||
      status == SP_CONTRACT_ISSUE_SANCTIONED ||
      (status == SP_CONTRACT_ISSUE_CLOSED && self->correction_requested_on != SP_DATE_NONE))
    {
      if (!require_date (self->correction_requested_on, "correction_requested_on",
                         "A request for correction needs its date", error) ||
          !require_date (self->correction_due_on, "correction_due_on",
                         "A request for correction needs a deadline", error))
        return FALSE;
    }
  if (status == SP_CONTRACT_ISSUE_ACCOUNT_RECEIVED || status == SP_CONTRACT_ISSUE_ASSESSED ||
      status == SP_CONTRACT_ISSUE_SANCTIONED)
    {
      if (!require_date (self->account_received_on, "account_received_on",
                         "The provider's account needs the date it was received", error))
        return FALSE;
      if (!has_text (self->account))
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "account", "Write down the provider's account");
          return FALSE;
        }
    }
  if (status == SP_CONTRACT_ISSUE_ASSESSED || status == SP_CONTRACT_ISSUE_SANCTIONED)
    {
      if (!require_date (self->assessed_on, "assessed_on",
                         "The assessment needs the date it was made", error))
        return FALSE;
      if (!has_text (self->assessment))
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "assessment",
                              "Write down the assessment of the account");
          return FALSE;
        }
    }
  if (self->assessed_on != SP_DATE_NONE && self->account_received_on != SP_DATE_NONE &&
      self->assessed_on < self->account_received_on)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "assessed_on",
                          "The account cannot be assessed before it was received");
      return FALSE;
    }
  if (self->account_received_on != SP_DATE_NONE && self->correction_requested_on != SP_DATE_NONE &&
      self->account_received_on < self->correction_requested_on)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "account_received_on",
                          "The account cannot be received before the request for correction");
      return FALSE;
    }
  if (status == SP_CONTRACT_ISSUE_SANCTIONED ||
      self->sanction_kind != SP_SANCTION_NONE || self->sanction_amount != 0)
    {
      if (!validate_sanction (self, error))
        return FALSE;
    }
  if (status == SP_CONTRACT_ISSUE_CLOSED)
    {
      if (!require_date (self->closed_on, "closed_on", "A closed issue needs the date it was closed", error))
        return FALSE;
      if (!has_text (self->outcome))
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "outcome", "Write down the outcome");
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
sp_contract_issue_check_move (SpContractIssue  *before,
                              SpContractIssue  *after,
                              SpDate            today,
                              GError          **error)
{
  g_return_val_if_fail (SP_IS_CONTRACT_ISSUE (after), FALSE);

  if (before != NULL && before->status != after->status &&
      !sp_contract_issue_can_move (before->status, after->status))
    {
      sp_set_field_error (error, SP_ERROR_TRANSITION, "status",
                          "A contract issue cannot go from %s to %s",
                          sp_enum_to_name (&sp_contract_issue_status_info, before->status),
                          sp_enum_to_name (&sp_contract_issue_status_info, after->status));
      return FALSE;
    }
  if (before == NULL && after->status != SP_CONTRACT_ISSUE_OPEN)
    {
      sp_set_field_error (error, SP_ERROR_TRANSITION, "status", "A contract issue starts open");
      return FALSE;
    }
  if (after->correction_due_on != SP_DATE_NONE && after->correction_due_on < today &&
      (before == NULL || before->correction_due_on != after->correction_due_on))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "correction_due_on",
                          "The deadline for correction is in the past");
      return FALSE;
    }
  return sp_contract_issue_validate (after, error);
}

gboolean
sp_contract_issue_is_overdue (SpContractIssue *self,
                              SpDate           today)
{
  g_return_val_if_fail (SP_IS_CONTRACT_ISSUE (self), FALSE);

  return self->status == SP_CONTRACT_ISSUE_CORRECTION_REQUESTED &&
         self->correction_due_on != SP_DATE_NONE && self->correction_due_on < today;
}
