/* sp-principal.h: who is asking, and what their roles let them see and do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are domain.md's "Access": staff see the cases they created; a
 * unit manager their unit's; a head of department reads the department's
 * (the units under theirs in the tree); the registrar all, with contact
 * details; procurement the cases flagged as contract breaches; quality all,
 * with the sender's personal data removed; cases about a named employee only
 * the unit manager, the head of department and the registrar; the
 * administrator configuration and users. A user holding several roles gets
 * the union. Two additions the routines imply: the manager of the unit that
 * investigates a case on conflict of interest (investigating_unit_id)
 * handles it too, and a case officer sees the cases assigned to them.
 */

#pragma once

#include "synpunkt-core.h"

G_BEGIN_DECLS

typedef struct
{
  SpUser  *user;
  guint    roles;
  /* The head of department's units: their own and all below it. */
  char   **department_units;
  /* The units whose cases the user sees whole (the unit manager's own,
   * the head of department's department), for queries. */
  char   **full_units;
} SpPrincipal;

SpPrincipal *sp_principal_new              (SpStore           *store,
                                            SpUser            *user);
void         sp_principal_free             (SpPrincipal       *self);
gboolean     sp_principal_has_role         (const SpPrincipal *self,
                                            SpRole             role);
SpActor      sp_principal_get_actor        (const SpPrincipal *self);

/* Whether any of the roles reads cases at all (else case requests are 403). */
gboolean     sp_principal_reads_cases      (const SpPrincipal *self);
/* May see this case; *redact says whether its personal data (the sender's
 * details and the free text, sp_field_is_personal()) must be removed for
 * this user. */
gboolean     sp_principal_can_read_case    (const SpPrincipal *self,
                                            SpCase            *kase,
                                            gboolean          *redact);
/* May change this case's fields and move it through the workflow. */
gboolean     sp_principal_can_edit_case    (const SpPrincipal *self,
                                            SpCase            *kase);
/* May create @kase (fills in the user's unit if the case names none). */
gboolean     sp_principal_check_create_case (const SpPrincipal *self,
                                            SpCase            *kase,
                                            GError           **error);
/* May give the edited case this unit (no moving cases out of reach). */
gboolean     sp_principal_check_case_unit  (const SpPrincipal *self,
                                            const char        *unit_id,
                                            GError           **error);
/* The fields that decide who sees and handles a case (unit_id,
 * investigating_unit_id, provider_id, assigned_to) change only as
 * docs/SERVER.md "Access" says: the rule for each, in one place, for
 * PATCH, POST /cases and the push alike. @before is NULL on creation;
 * the caller has checked that the user may create or edit the case. */
gboolean     sp_principal_check_case_change (const SpPrincipal *self,
                                            SpCase            *before,
                                            SpCase            *after,
                                            GError           **error);
/* May write the case's investigation and planned actions: whoever may
 * edit the case, except that on conflict of interest (the case
 * investigated by another unit) only that unit's manager and the
 * registrar do. */
gboolean     sp_principal_can_write_investigation (const SpPrincipal *self,
                                            SpCase            *kase);
/* Narrows @query to what the user may see, in SQL (query->access): the
 * same cases as sp_principal_can_read_case(), and a case seen without its
 * personal data found by its subject only. The query borrows strings of
 * @self and must not outlive it. */
void         sp_principal_restrict_query   (const SpPrincipal *self,
                                            SpCaseQuery       *query);
/* Whether the user's access is a single scope (one role's, or the
 * registrar's): the statistics are computed only for those. */
gboolean     sp_principal_has_single_scope (const SpPrincipal *self);

/* Contract issues: procurement and the administrator write them (about a
 * case procurement sees, or any case for the administrator); procurement,
 * the case's unit manager and its head of department read them; quality
 * staff see them only as counts. */
gboolean     sp_principal_writes_contract_issues (const SpPrincipal *self);
gboolean     sp_principal_can_read_contract_issue (const SpPrincipal *self,
                                                   SpCase            *kase);
gboolean     sp_principal_counts_contract_issues (const SpPrincipal *self);

/* Units' compilations: the unit's manager and its head of department
 * write and read them; quality staff read every unit's (they are counts
 * and the unit's own analysis, and the summary includes them). */
gboolean     sp_principal_can_write_compilation (const SpPrincipal *self,
                                                 const char        *unit_id);
gboolean     sp_principal_can_read_compilation  (const SpPrincipal *self,
                                                 const char        *unit_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpPrincipal, sp_principal_free)

G_END_DECLS
