/* sp-planned-action.h: an action planned in an investigation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-entity.h"

G_BEGIN_DECLS

#define SP_TYPE_PLANNED_ACTION (sp_planned_action_get_type ())

G_DECLARE_FINAL_TYPE (SpPlannedAction, sp_planned_action, SP, PLANNED_ACTION, SpEntity)

struct _SpPlannedAction
{
  SpEntity parent_instance;

  char   *case_id;
  char   *description;
  char   *responsible;
  SpDate  due_on;
  SpDate  done_on;
};

extern const SpEntityInfo sp_planned_action_info;

SpPlannedAction *sp_planned_action_new (void);

G_END_DECLS
