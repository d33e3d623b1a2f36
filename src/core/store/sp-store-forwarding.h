/* sp-store-forwarding.h: the case sent on, and the accounts asked for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The registrar sends a case to the unit concerned with the department's
 * contact person in copy "för bevakning" (Hässelby-Vällingby's registrar
 * duties); a case about a private provider or another district's unit
 * asks that provider or district for an account with a last date, and the
 * account is recorded when it comes (sp-account-request.h). Each step is
 * in the case history; what the account says is not (it is free text).
 */

#pragma once

#include "sp-account-request.h"
#include "sp-store.h"

G_BEGIN_DECLS

/* Sets the case's unit to @unit_id (a unit or department that exists),
 * moves a registered (or anonymous, received) case to "assigned" under
 * the workflow's rules, and records the copy to the department's contact
 * as a note of the history. *@copy_to gets "Department: Contact" (NULL
 * when the department names no contact). Nothing is saved on a refusal. */
gboolean   sp_store_assign_to_unit         (SpStore           *self,
                                            const char        *case_id,
                                            const char        *unit_id,
                                            const SpActor     *actor,
                                            char             **copy_to,
                                            GError           **error);

/* Asks (a new record) or records the account (the same record, with what
 * came): checked with sp_account_request_check(); a provider that is
 * asked must exist; an account recorded stays recorded. requested_on,
 * requested_by and recorded_by are the store's. The registrar, case
 * officers, unit managers and heads of department may. */
gboolean   sp_store_save_account_request   (SpStore           *self,
                                            SpAccountRequest  *request,
                                            SpSaveFlags        flags,
                                            const SpActor     *actor,
                                            GError           **error);
/* The case's requests, oldest first. */
GPtrArray *sp_store_get_account_requests   (SpStore           *self,
                                            const char        *case_id,
                                            GError           **error);

G_END_DECLS
