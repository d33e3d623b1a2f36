/* sp-contract-issue-case.h: a further case linked to a contract issue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A contract issue is opened from one case (its case_id, which never
 * changes) and may gather more cases about the same provider: each is a
 * link of its own, synced like any record, so that two replicas may add
 * different cases to one issue offline. A link removed is a tombstone
 * (deleted), never erased, and the issue's history says who did it.
 */

#pragma once

#include "sp-entity.h"

G_BEGIN_DECLS

#define SP_TYPE_CONTRACT_ISSUE_CASE (sp_contract_issue_case_get_type ())

G_DECLARE_FINAL_TYPE (SpContractIssueCase, sp_contract_issue_case, SP, CONTRACT_ISSUE_CASE, SpEntity)

struct _SpContractIssueCase
{
  SpEntity parent_instance;

  char   *contract_issue_id;
  char   *case_id;
  SpDate  linked_on;
};

extern const SpEntityInfo sp_contract_issue_case_info;

SpContractIssueCase *sp_contract_issue_case_new (void);

G_END_DECLS
