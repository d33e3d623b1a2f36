/* sp-provider.h: a private provider (enskild utförare)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-entity.h"

G_BEGIN_DECLS

#define SP_TYPE_PROVIDER (sp_provider_get_type ())

G_DECLARE_FINAL_TYPE (SpProvider, sp_provider, SP, PROVIDER, SpEntity)

struct _SpProvider
{
  SpEntity parent_instance;

  char           *name;
  char           *org_number;          /* organisationsnummer, NNNNNN-NNNN */
  SpContractForm  contract_form;
  char           *contract_reference;
  char           *responsible_administration;
  SpArea          area;
};

extern const SpEntityInfo sp_provider_info;

SpProvider *sp_provider_new (void);

G_END_DECLS
