/* sp-contract-issue.h: a contract issue with a provider, opened from a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-entity.h"

G_BEGIN_DECLS

#define SP_TYPE_CONTRACT_ISSUE (sp_contract_issue_get_type ())

G_DECLARE_FINAL_TYPE (SpContractIssue, sp_contract_issue, SP, CONTRACT_ISSUE, SpEntity)

struct _SpContractIssue
{
  SpEntity parent_instance;

  char                  *case_id;
  char                  *provider_id;
  SpContractIssueStatus  status;
  SpDate                 correction_requested_on;
  SpDate                 correction_due_on;
  SpDate                 account_received_on;
  char                  *sanction;
  char                  *outcome;
};

extern const SpEntityInfo sp_contract_issue_info;

SpContractIssue *sp_contract_issue_new (void);

G_END_DECLS
