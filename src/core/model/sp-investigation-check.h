/* sp-investigation-check.h: what makes an investigation, a planned action
 * or a letter acceptable, field by field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same checks run in the app (to mark the fields of a form), in the
 * store (nothing is saved half-way) and on the server (a 422 naming the
 * field).
 */

#pragma once

#include "sp-case.h"
#include "sp-investigation.h"
#include "sp-letter.h"
#include "sp-planned-action.h"

G_BEGIN_DECLS

typedef struct
{
  char *field;    /* the JSON member, e.g. "follow_up_on" */
  char *message;  /* translated, for the user */
} SpProblem;

void       sp_problem_free            (SpProblem        *problem);

/* Every problem of @inv (texts over their limits, an assessment without
 * facts, an escalation without its reference or date, dates before the
 * case was received), in field order; empty when there is none. @kase
 * may be NULL when the case is not known (then dates are not compared). */
GPtrArray *sp_investigation_check     (SpInvestigation  *inv,
                                       SpCase           *kase);
/* A planned action needs what, who and by when. */
GPtrArray *sp_planned_action_check    (SpPlannedAction  *action,
                                       SpCase           *kase);
GPtrArray *sp_letter_check            (SpLetter         *letter,
                                       SpCase           *kase);
/* The first of @problems as SP_ERROR_INVALID naming its field; TRUE when
 * there are none. */
gboolean   sp_problems_to_error       (GPtrArray        *problems,
                                       GError          **error);
/* Whether the investigation flags @escalation. */
gboolean   sp_investigation_has_escalation (SpInvestigation *inv,
                                       SpEscalation      escalation);

G_END_DECLS
