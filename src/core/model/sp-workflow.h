/* sp-workflow.h: the states of a case and who may move it between them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-case.h"
#include "sp-investigation.h"

G_BEGIN_DECLS

/* The roles (SP_ROLE_BIT() set) that may move a case from @from to @to;
 * 0 when the workflow has no such transition. */
guint    sp_workflow_get_roles    (SpStatus  from,
                                   SpStatus  to);
gboolean sp_workflow_is_allowed   (SpStatus  from,
                                   SpStatus  to,
                                   guint     roles);
/* Checks the transition for this case: the workflow, @roles and the case's
 * own conditions (an anonymous case is not registered; feedback must be
 * given before closing when the sender wants it). SP_ERROR_TRANSITION or
 * SP_ERROR_PERMISSION on refusal. */
gboolean sp_workflow_check        (SpCase   *self,
                                   SpStatus  to,
                                   guint     roles,
                                   GError  **error);
/* What a transition may need besides the case: the routine's evidence
 * that the work was done. The store gathers it (sp_store_transition_case()),
 * so that the app, the replica and the server apply the same rules. */
typedef struct
{
  SpInvestigation *investigation;   /* NULL when none was started */
  guint            n_final_answers; /* final-answer letters sent */
  guint            n_answers;       /* letters of any kind sent */
} SpWorkflowEvidence;

/* The routine's conditions on the evidence: "assessed" needs an
 * investigation with facts and an assessment; "feedback given" needs a
 * final answer (a letter, or a phone or in-person answer with its date and
 * a note); "closed" needs the note in the person's file when the case
 * concerns an individual's record (R22), and "no action possible" only
 * after the feedback that explains why. SP_ERROR_TRANSITION naming the
 * field to fill in. */
gboolean sp_workflow_check_evidence (SpCase                   *self,
                                     const SpWorkflowEvidence *evidence,
                                     SpStatus                  to,
                                     GError                  **error);
/* The states this case can move to with @roles, in workflow order. */
guint    sp_workflow_get_targets  (SpCase   *self,
                                   guint     roles,
                                   SpStatus  targets[SP_N_STATUSES]);
/* The label of the action that makes the transition ("Register", …). */
const char *sp_workflow_get_action_label (SpStatus to);

G_END_DECLS
