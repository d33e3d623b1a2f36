/* sp-contract-issue-case.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-contract-issue-case.h"

SP_DEFINE_ENTITY (SpContractIssueCase, sp_contract_issue_case, "contract_issue_case",
                  "contract_issue_cases",
  SP_DEFINE_REF (SpContractIssueCase, contract_issue_id, SP_FIELD_REQUIRED),
  SP_DEFINE_REF (SpContractIssueCase, case_id, SP_FIELD_REQUIRED),
  SP_DEFINE_DATE (SpContractIssueCase, linked_on, 0))
