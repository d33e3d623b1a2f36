/* sp-case-event.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-case-event.h"

SP_DEFINE_ENTITY (SpCaseEvent, sp_case_event, "case_event", "case_events",
  SP_DEFINE_REF (SpCaseEvent, case_id, SP_FIELD_REQUIRED),
  SP_DEFINE_TIMESTAMP (SpCaseEvent, at, SP_FIELD_REQUIRED),
  SP_DEFINE_STRING (SpCaseEvent, actor_id, 0, 200),
  SP_DEFINE_STRING (SpCaseEvent, actor_name, 0, 200),
  SP_DEFINE_ENUM (SpCaseEvent, kind, SP_FIELD_REQUIRED, sp_event_kind_info),
  SP_DEFINE_STRING (SpCaseEvent, field, 0, 100),
  SP_DEFINE_STRING (SpCaseEvent, old_value, 0, 20000),
  SP_DEFINE_STRING (SpCaseEvent, new_value, 0, 20000),
  SP_DEFINE_STRING (SpCaseEvent, note, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 20000))
