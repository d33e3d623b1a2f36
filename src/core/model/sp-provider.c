/* sp-provider.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-provider.h"

SP_DEFINE_ENTITY (SpProvider, sp_provider, "provider", "providers",
  SP_DEFINE_STRING (SpProvider, name, SP_FIELD_REQUIRED, 200),
  SP_DEFINE_STRING (SpProvider, org_number, 0, 11),
  SP_DEFINE_ENUM (SpProvider, contract_form, 0, sp_contract_form_info),
  SP_DEFINE_STRING (SpProvider, contract_reference, 0, 100),
  SP_DEFINE_STRING (SpProvider, responsible_administration, 0, 200),
  SP_DEFINE_ENUM (SpProvider, area, 0, sp_area_info))
