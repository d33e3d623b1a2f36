/* sp-unit.h: a unit in the organisation tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-entity.h"

G_BEGIN_DECLS

#define SP_TYPE_UNIT (sp_unit_get_type ())

G_DECLARE_FINAL_TYPE (SpUnit, sp_unit, SP, UNIT, SpEntity)

struct _SpUnit
{
  SpEntity parent_instance;

  char       *name;
  char       *parent_id;   /* NULL for the administration itself */
  SpUnitKind  kind;
  SpArea      area;
  char       *manager_id;
  /* Whom the unit's senders can turn to if not satisfied (Norrmalm). */
  char       *contact_name;
  char       *contact_address;
  char       *contact_phone;
};

extern const SpEntityInfo sp_unit_info;

SpUnit *sp_unit_new (void);

G_END_DECLS
