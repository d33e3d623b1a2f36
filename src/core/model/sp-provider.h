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
  SpDate          contract_starts_on;
  SpDate          contract_ends_on;
  char           *contact_person;
};

extern const SpEntityInfo sp_provider_info;

SpProvider *sp_provider_new (void);

/* An organisation number written with or without the hyphen, as
 * "NNNNNN-NNNN" when it has ten digits and a right Luhn check digit;
 * NULL with an SP_ERROR_INVALID error on "org_number" otherwise. */
char       *sp_org_number_normalize   (const char  *text,
                                       GError     **error);
gboolean    sp_org_number_is_valid    (const char  *text);

/* The rules of a provider record: a name, a valid organisation number
 * (normalised in place), a contract period that does not end before it
 * starts. */
gboolean    sp_provider_validate      (SpProvider  *self,
                                       GError     **error);

/* Whether the contract is in force on @day (an open end counts). */
gboolean    sp_provider_is_active_on  (SpProvider  *self,
                                       SpDate       day);

/* Routine R14: who follows up a contract issue about this provider.
 * Entreprenad goes to procurement ("procurement"); LOV and framework
 * contracts to the administration responsible for the contract (its
 * name, or "procurement" when none is recorded). */
const char *sp_provider_route_contract_issue (SpProvider *self);

#define SP_ROUTE_PROCUREMENT "procurement"

G_END_DECLS
