/* sp-store-investigation.h: the investigation, planned actions and letters
 * of a case in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-investigation.h"
#include "sp-letter.h"
#include "sp-planned-action.h"
#include "sp-store.h"
#include "sp-workflow.h"

G_BEGIN_DECLS

/* The case's investigation, or NULL when none was started. */
SpInvestigation *sp_store_get_investigation   (SpStore            *self,
                                               const char         *case_id,
                                               GError            **error);
/* Checks @inv whole (sp_investigation_check()), refuses a second
 * investigation of the same case, and saves it with an
 * investigation_updated event for each field changed: the escalations
 * (lex Sarah, …) and their references and dates are in the history so. */
gboolean         sp_store_save_investigation  (SpStore            *self,
                                               SpInvestigation    *inv,
                                               SpSaveFlags         flags,
                                               const SpActor      *actor,
                                               GError            **error);
gboolean         sp_store_save_planned_action (SpStore            *self,
                                               SpPlannedAction    *action,
                                               SpSaveFlags         flags,
                                               const SpActor      *actor,
                                               GError            **error);
/* Stores a letter as sent (today, by @actor, unless given), with a
 * letter_sent event; a letter once stored is never changed. A delay
 * notice records the case's delay_notice_on. */
gboolean         sp_store_send_letter         (SpStore            *self,
                                               SpLetter           *letter,
                                               const SpActor      *actor,
                                               GError            **error);
/* What sp_workflow_check_evidence() needs for @case_id; clear it after. */
gboolean         sp_store_get_workflow_evidence (SpStore          *self,
                                               const char         *case_id,
                                               SpWorkflowEvidence *evidence,
                                               GError            **error);
void             sp_workflow_evidence_clear   (SpWorkflowEvidence *evidence);
/* The cases whose investigation flags an escalation: case id → the
 * escalations, bits 1 << SpEscalation (for the case list's column). */
GHashTable      *sp_store_get_escalations     (SpStore            *self,
                                               GError            **error);

G_END_DECLS
