/* sp-store-welfare-crime.c: the cases that show signs of welfare crime
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "synpunkt-core.h"
#include "sp-store-private.h"
#include "sp-store-welfare-crime.h"

void
sp_welfare_crime_sign_free (SpWelfareCrimeSign *sign)
{
  if (sign == NULL)
    return;
  g_clear_object (&sign->kase);
  g_free (sign->provider_id);
  g_free (sign->provider_name);
  g_free (sign->unit_name);
  g_free (sign->reference);
  g_free (sign->contract_issue_id);
  g_free (sign->manager_name);
  g_free (sign->manager_email);
  g_free (sign->head_name);
  g_free (sign->head_email);
  g_free (sign);
}

static void
fill_manager (SpStore     *self,
              const char  *user_id,
              char       **name,
              char       **email)
{
  g_autoptr(SpUser) user = NULL;

  if (user_id != NULL)
    user = sp_store_load (self, SP_TYPE_USER, user_id, NULL);
  if (user == NULL || SP_ENTITY (user)->deleted)
    return;
  *name = g_strdup (user->display_name ? user->display_name : user->username);
  *email = g_strdup (user->email);
}

/* Whom to tell: the unit's manager, and the manager of the department
 * above it (the first unit of that kind up the tree). */
static void
fill_recipients (SpStore            *self,
                 SpWelfareCrimeSign *sign)
{
  g_autoptr(SpUnit) unit = NULL;
  g_autofree char *parent_id = NULL;

  if (sign->kase->unit_id != NULL)
    unit = sp_store_load (self, SP_TYPE_UNIT, sign->kase->unit_id, NULL);
  if (unit == NULL)
    return;
  sign->unit_name = g_strdup (unit->name);
  if (unit->kind == SP_UNIT_KIND_DEPARTMENT)
    {
      fill_manager (self, unit->manager_id, &sign->head_name, &sign->head_email);
      return;
    }
  fill_manager (self, unit->manager_id, &sign->manager_name, &sign->manager_email);
  parent_id = g_strdup (unit->parent_id);
  for (guint depth = 0; parent_id != NULL && depth < 20; depth++)
    {
      g_autoptr(SpUnit) parent = sp_store_load (self, SP_TYPE_UNIT, parent_id, NULL);

      g_clear_pointer (&parent_id, g_free);
      if (parent == NULL)
        break;
      if (parent->kind == SP_UNIT_KIND_DEPARTMENT)
        {
          fill_manager (self, parent->manager_id, &sign->head_name, &sign->head_email);
          break;
        }
      parent_id = g_strdup (parent->parent_id);
    }
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const SpWelfareCrimeSign *x = *(SpWelfareCrimeSign **) a;
  const SpWelfareCrimeSign *y = *(SpWelfareCrimeSign **) b;

  if (x->signalled_on != y->signalled_on)
    return x->signalled_on > y->signalled_on ? -1 : 1;
  return g_strcmp0 (SP_ENTITY (x->kase)->id, SP_ENTITY (y->kase)->id);
}

GPtrArray *
sp_store_list_welfare_crime (SpStore  *self,
                             GError  **error)
{
  g_autoptr(GPtrArray) signs = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_welfare_crime_sign_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  stmt = sp_store_prepare (self,
                           "SELECT c.id FROM cases c WHERE c.deleted = 0 AND ("
                           " EXISTS (SELECT 1 FROM investigations i WHERE i.case_id = c.id"
                           "         AND i.deleted = 0 AND i.welfare_crime = 1) OR"
                           " EXISTS (SELECT 1 FROM contract_issues ci WHERE ci.case_id = c.id"
                           "         AND ci.deleted = 0 AND ci.welfare_crime = 1))",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_store_set_error (self, error, rc);
      return NULL;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(SpInvestigation) inv = sp_store_get_investigation (self, ids->pdata[i], NULL);
      g_autoptr(GPtrArray) issues = sp_store_list_contract_issues (self, NULL, ids->pdata[i], NULL);
      g_autoptr(SpProvider) provider = NULL;
      SpWelfareCrimeSign *sign = g_new0 (SpWelfareCrimeSign, 1);

      sign->kase = sp_store_get_case (self, ids->pdata[i], NULL);
      if (sign->kase == NULL)
        {
          sp_welfare_crime_sign_free (sign);
          continue;
        }
      sign->signalled_on = sign->kase->received_on;
      for (guint k = 0; issues != NULL && k < issues->len; k++)
        {
          SpContractIssue *issue = issues->pdata[k];

          if (!issue->welfare_crime || sign->contract_issue_id != NULL)
            continue;
          sign->contract_issue_id = g_strdup (SP_ENTITY (issue)->id);
          sign->signalled_on = issue->opened_on != SP_DATE_NONE ? issue->opened_on : sign->signalled_on;
        }
      if (inv != NULL && inv->welfare_crime)
        {
          sign->reference = g_strdup (inv->welfare_crime_reference);
          if (inv->welfare_crime_on != SP_DATE_NONE)
            sign->signalled_on = inv->welfare_crime_on;
        }
      sign->provider_id = g_strdup (sign->kase->provider_id);
      if (sign->provider_id != NULL)
        provider = sp_store_load (self, SP_TYPE_PROVIDER, sign->provider_id, NULL);
      if (provider != NULL)
        sign->provider_name = g_strdup (provider->name);
      fill_recipients (self, sign);
      g_ptr_array_add (signs, sign);
    }

  g_ptr_array_sort (signs, compare_newest_first);
  return g_steal_pointer (&signs);
}
