/* sp-store-contract-issue.h: contract issues (avtalsavvikelser) in the
 * store, each save checked against the life cycle and written to the
 * history of the case it is about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-contract-issue.h"
#include "sp-contract-issue-case.h"
#include "sp-store.h"

G_BEGIN_DECLS

/* Saves @issue after sp_contract_issue_check_move() against the stored
 * one (today's date for the deadline rule). A new issue is opened today
 * unless it says when, about the provider its case concerns unless it
 * names one, and routed by routine R14 (sp_provider_route_contract_issue()).
 * Each field changed is a contract_issue_updated event of the case, its
 * note the issue's id: who did each step and when. The case cannot
 * change once the issue exists. Several steps at once (an issue moved on
 * offline before a replica pushed it) are taken if the issue holds what
 * each asks for; the server's API takes one step at a time. */
gboolean   sp_store_save_contract_issue   (SpStore          *self,
                                           SpContractIssue  *issue,
                                           SpSaveFlags       flags,
                                           const SpActor    *actor,
                                           GError          **error);

/* The issues about @provider_id, or about @case_id (either may be NULL:
 * then all), the latest opened first. */
GPtrArray *sp_store_list_contract_issues  (SpStore          *self,
                                           const char       *provider_id,
                                           const char       *case_id,
                                           GError          **error);

/* The history of @issue: its events in the case history, oldest first. */
GPtrArray *sp_store_get_contract_issue_events (SpStore         *self,
                                               SpContractIssue *issue,
                                               GError         **error);

/* Links a further case to an issue (a new @link), or removes one (@link
 * stored, now deleted); nothing else of a link changes. A new link needs
 * an issue not closed and a case about the issue's provider that is not
 * the issue's own and not linked already (SP_ERROR_INVALID naming
 * case_id; SP_ERROR_NOT_FOUND for an unknown issue or case). The issue's
 * history records it (field "cases"). */
gboolean   sp_store_save_contract_issue_case  (SpStore              *self,
                                               SpContractIssueCase  *link,
                                               SpSaveFlags           flags,
                                               const SpActor        *actor,
                                               GError              **error);

/* The issue's links not removed, the first linked first. */
GPtrArray *sp_store_list_contract_issue_cases (SpStore          *self,
                                               const char       *issue_id,
                                               GError          **error);

/* The cases of @issue that this store holds: its own case first, then
 * those linked, in the order they were linked. */
GPtrArray *sp_store_get_contract_issue_cases  (SpStore          *self,
                                               SpContractIssue  *issue,
                                               GError          **error);

/* The ids of the cases in @provider_id's issues, their own and linked. */
GPtrArray *sp_store_list_cases_in_issues      (SpStore          *self,
                                               const char       *provider_id,
                                               GError          **error);

/* The id of the latest issue about @provider_id that is not closed and
 * has @case_id as its own case or a further one; NULL (and no error) when
 * there is none. */
char      *sp_store_find_open_contract_issue  (SpStore          *self,
                                               const char       *case_id,
                                               const char       *provider_id,
                                               GError          **error);

G_END_DECLS
