/* sp-case-event.h: one entry of a case's append-only history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-entity.h"

G_BEGIN_DECLS

#define SP_TYPE_CASE_EVENT (sp_case_event_get_type ())

G_DECLARE_FINAL_TYPE (SpCaseEvent, sp_case_event, SP, CASE_EVENT, SpEntity)

struct _SpCaseEvent
{
  SpEntity parent_instance;

  char        *case_id;
  gint64       at;
  char        *actor_id;
  char        *actor_name;
  SpEventKind  kind;
  char        *field;      /* for field_changed */
  char        *old_value;
  char        *new_value;
  char        *note;
};

extern const SpEntityInfo sp_case_event_info;

SpCaseEvent *sp_case_event_new (void);

G_END_DECLS
