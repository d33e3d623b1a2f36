/* sp-contract-issue-page.h: one contract issue, its steps and its history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sp-context.h"

G_BEGIN_DECLS

#define SP_TYPE_CONTRACT_ISSUE_PAGE (sp_contract_issue_page_get_type ())

G_DECLARE_FINAL_TYPE (SpContractIssuePage, sp_contract_issue_page, SP, CONTRACT_ISSUE_PAGE, GtkBox)

GtkWidget  *sp_contract_issue_page_new       (SpContext           *context);
/* Reads the issue in the store worker and shows it. */
void        sp_contract_issue_page_show      (SpContractIssuePage *self,
                                              const char          *issue_id);
/* Shows the open issue about @case_id (its own or a further case of it)
 * with @provider_id, or opens a new one and shows it once saved. */
void        sp_contract_issue_page_open_for_case  (SpContractIssuePage *self,
                                              const char          *case_id,
                                              const char          *provider_id);
const char *sp_contract_issue_page_get_issue_id (SpContractIssuePage *self);
/* The issue's status name ("open", …), NULL while none is shown. */
const char *sp_contract_issue_page_get_status (SpContractIssuePage *self);
/* Whether a read or a save is under way. */
gboolean    sp_contract_issue_page_get_busy   (SpContractIssuePage *self);

/* The translated message for a refusal naming @field. */
const char *sp_contract_issue_field_message  (const char          *field,
                                              const char          *fallback);

G_END_DECLS
