/* sp-unit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-unit.h"

SP_DEFINE_ENTITY (SpUnit, sp_unit, "unit", "units",
  SP_DEFINE_STRING (SpUnit, name, SP_FIELD_REQUIRED, 200),
  SP_DEFINE_REF (SpUnit, parent_id, 0),
  SP_DEFINE_ENUM (SpUnit, kind, 0, sp_unit_kind_info),
  SP_DEFINE_ENUM (SpUnit, area, 0, sp_area_info),
  SP_DEFINE_REF (SpUnit, manager_id, 0),
  SP_DEFINE_STRING (SpUnit, contact_name, 0, 200),
  SP_DEFINE_STRING (SpUnit, contact_address, 0, 500),
  SP_DEFINE_STRING (SpUnit, contact_phone, 0, 40))
