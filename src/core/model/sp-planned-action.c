/* sp-planned-action.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-planned-action.h"

SP_DEFINE_ENTITY (SpPlannedAction, sp_planned_action, "planned_action", "planned_actions",
  SP_DEFINE_REF (SpPlannedAction, case_id, SP_FIELD_REQUIRED),
  SP_DEFINE_STRING (SpPlannedAction, description, SP_FIELD_REQUIRED | SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 5000),
  SP_DEFINE_STRING (SpPlannedAction, responsible, SP_FIELD_FREE_TEXT, 200),
  SP_DEFINE_DATE (SpPlannedAction, due_on, 0),
  SP_DEFINE_DATE (SpPlannedAction, done_on, 0))
