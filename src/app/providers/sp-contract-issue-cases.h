/* sp-contract-issue-cases.h: the cases of a contract issue, and adding one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sp-context.h"

G_BEGIN_DECLS

#define SP_TYPE_CONTRACT_ISSUE_CASES (sp_contract_issue_cases_get_type ())

G_DECLARE_FINAL_TYPE (SpContractIssueCases, sp_contract_issue_cases, SP, CONTRACT_ISSUE_CASES, GtkBox)

GtkWidget *sp_contract_issue_cases_new      (SpContext            *context);
/* Reads the cases of @issue_id, and those that could be added (flagged as
 * contract breaches, about the same provider), in the store worker. */
void       sp_contract_issue_cases_show     (SpContractIssueCases *self,
                                             const char           *issue_id);
/* How many cases the issue has, as last read (its own included). */
guint      sp_contract_issue_cases_get_n_cases (SpContractIssueCases *self);
/* Whether a read or a save is under way. */
gboolean   sp_contract_issue_cases_get_busy (SpContractIssueCases *self);

G_END_DECLS
