/* sp-contract-issue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-contract-issue.h"

SP_DEFINE_ENTITY (SpContractIssue, sp_contract_issue, "contract_issue", "contract_issues",
  SP_DEFINE_REF (SpContractIssue, case_id, SP_FIELD_REQUIRED),
  SP_DEFINE_REF (SpContractIssue, provider_id, 0),
  SP_DEFINE_ENUM (SpContractIssue, status, 0, sp_contract_issue_status_info),
  SP_DEFINE_DATE (SpContractIssue, correction_requested_on, 0),
  SP_DEFINE_DATE (SpContractIssue, correction_due_on, 0),
  SP_DEFINE_DATE (SpContractIssue, account_received_on, 0),
  SP_DEFINE_STRING (SpContractIssue, sanction, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 5000),
  SP_DEFINE_STRING (SpContractIssue, outcome, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 5000))
