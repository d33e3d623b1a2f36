/* sp-store-welfare-crime.h: the cases that show signs of welfare crime
 * (välfärdsbrott), for procurement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The routine (Hässelby-Vällingby 2024) gives procurement the duty to tell
 * the unit manager and the head of department of faults that indicate
 * welfare crime, and the unit manager the duty to handle them. Each sign
 * therefore carries whom to tell: the manager of the case's unit and of
 * its department, with their e-mail addresses.
 */

#pragma once

#include "sp-case.h"
#include "sp-store.h"

G_BEGIN_DECLS

typedef struct
{
  SpCase *kase;
  char   *provider_id;
  char   *provider_name;      /* NULL when the case is about no provider */
  char   *unit_name;
  SpDate  signalled_on;       /* the escalation's date, else the issue's, else received */
  char   *reference;          /* the escalation's reference */
  char   *contract_issue_id;  /* an issue of the case marked with the sign, if any */
  char   *manager_name;       /* the unit manager to tell */
  char   *manager_email;
  char   *head_name;          /* the head of department to tell */
  char   *head_email;
} SpWelfareCrimeSign;

void       sp_welfare_crime_sign_free       (SpWelfareCrimeSign *sign);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpWelfareCrimeSign, sp_welfare_crime_sign_free)

/* The cases this store holds whose investigation escalates them as signs
 * of welfare crime, or with a contract issue marked so, newest sign first
 * (SpWelfareCrimeSign, freed by the array). */
GPtrArray *sp_store_list_welfare_crime      (SpStore            *self,
                                             GError            **error);

G_END_DECLS
