/* sp-store-contract-issue.c: contract issues in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app (its local store or replica) and the server save contract
 * issues through sp_store_save_contract_issue(), so that both apply the
 * life cycle's rules and write the same history. On a replica the events
 * are provisional until the server's arrive (sp-replica.c).
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-error.h"
#include "sp-provider.h"
#include "sp-store-private.h"
#include "sp-store-contract-issue.h"

static gboolean
is_bookkeeping (const SpField *field)
{
  return field->flags & (SP_FIELD_SERVER | SP_FIELD_COMPUTED) ||
         strcmp (field->name, "id") == 0 || strcmp (field->name, "case_id") == 0;
}

/* One event per field that differs from what is stored (every set field
 * when nothing is), with the issue's id as its note. */
static gboolean
record_changes (SpStore          *self,
                SpContractIssue  *stored,
                SpContractIssue  *issue,
                const SpActor    *actor,
                GError          **error)
{
  const SpEntityInfo *info = &sp_contract_issue_info;

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;

      if (is_bookkeeping (field))
        continue;
      if (stored != NULL ? sp_entity_field_equal (SP_ENTITY (stored), SP_ENTITY (issue), field)
                         : !sp_entity_field_is_set (SP_ENTITY (issue), field))
        continue;
      if (stored != NULL)
        old_value = sp_entity_field_to_string (SP_ENTITY (stored), field);
      new_value = sp_entity_field_to_string (SP_ENTITY (issue), field);
      if (!_sp_store_add_case_event (self, issue->case_id, actor, SP_EVENT_CONTRACT_ISSUE_UPDATED,
                                     field->name, old_value, new_value, SP_ENTITY (issue)->id,
                                     error))
        return FALSE;
    }
  return TRUE;
}

/* What a new issue takes from its case and provider. */
static gboolean
fill_new (SpStore          *self,
          SpContractIssue  *issue,
          SpCase           *kase,
          GError          **error)
{
  g_autoptr(SpProvider) provider = NULL;

  if (issue->opened_on == SP_DATE_NONE)
    issue->opened_on = sp_date_today_in_organisation ();
  if (issue->provider_id == NULL && kase->provider_id != NULL)
    issue->provider_id = g_strdup (kase->provider_id);
  if (issue->provider_id == NULL)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "provider_id",
                          _("A contract issue is about a provider: choose one"));
      return FALSE;
    }
  provider = sp_store_load (self, SP_TYPE_PROVIDER, issue->provider_id, NULL);
  if (provider == NULL || SP_ENTITY (provider)->deleted)
    {
      sp_set_field_error (error, SP_ERROR_NOT_FOUND, "provider_id", _("No such provider"));
      return FALSE;
    }
  if (issue->routed_to == NULL)
    issue->routed_to = g_strdup (sp_provider_route_contract_issue (provider));
  return TRUE;
}

/* A replica pushes what an issue became offline: it may have been opened
 * and moved on, or taken several steps, before the server hears of it.
 * Such a move along the life cycle is checked as the last of its steps,
 * the issue whole: each step's dates and texts are there, and a deadline
 * the server has not seen is not in the past. */
static gboolean
check_move (SpContractIssue  *stored,
            SpContractIssue  *issue,
            GError          **error)
{
  SpContractIssueStatus from = stored ? stored->status : SP_CONTRACT_ISSUE_OPEN;
  SpDate today = sp_date_today_in_organisation ();
  g_autoptr(SpContractIssue) last_step = NULL;

  if (issue->status > from && from != SP_CONTRACT_ISSUE_CLOSED &&
      (stored == NULL || !sp_contract_issue_can_move (from, issue->status)))
    {
      last_step = SP_CONTRACT_ISSUE (sp_entity_copy (SP_ENTITY (stored ? stored : issue)));
      last_step->status = issue->status - 1;
      if (stored == NULL)
        last_step->correction_due_on = SP_DATE_NONE;
      return sp_contract_issue_check_move (last_step, issue, today, error);
    }
  return sp_contract_issue_check_move (stored, issue, today, error);
}

gboolean
sp_store_save_contract_issue (SpStore          *self,
                              SpContractIssue  *issue,
                              SpSaveFlags       flags,
                              const SpActor    *actor,
                              GError          **error)
{
  g_autoptr(SpContractIssue) stored = NULL;
  g_autoptr(SpCase) kase = NULL;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SP_IS_CONTRACT_ISSUE (issue), FALSE);

  if (issue->case_id == NULL || !sp_is_uuid (issue->case_id))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "case_id", _("The contract issue names no case"));
      return FALSE;
    }

  if (!sp_store_begin (self, error))
    return FALSE;

  kase = sp_store_get_case (self, issue->case_id, NULL);
  if (kase == NULL || SP_ENTITY (kase)->deleted)
    {
      sp_set_field_error (error, SP_ERROR_NOT_FOUND, "case_id", _("No such case"));
      goto failed;
    }

  sp_entity_ensure_id (SP_ENTITY (issue));
  stored = sp_store_load (self, SP_TYPE_CONTRACT_ISSUE, SP_ENTITY (issue)->id, NULL);
  if (stored != NULL && g_strcmp0 (stored->case_id, issue->case_id) != 0)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "case_id",
                          _("A contract issue cannot be moved to another case"));
      goto failed;
    }
  if (stored == NULL && !fill_new (self, issue, kase, error))
    goto failed;
  if (stored != NULL && issue->provider_id == NULL)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "provider_id",
                          _("A contract issue is about a provider: choose one"));
      goto failed;
    }

  if (!check_move (stored, issue, error) ||
      !record_changes (self, stored, issue, actor, error) ||
      !sp_store_save (self, SP_ENTITY (issue), flags, actor ? actor->user_id : NULL, error))
    goto failed;

  return sp_store_commit (self, error);

failed:
  sp_store_rollback (self);
  return FALSE;
}

static int
compare_latest_first (gconstpointer a,
                      gconstpointer b)
{
  SpContractIssue *x = *(SpContractIssue **) a;
  SpContractIssue *y = *(SpContractIssue **) b;

  if (x->opened_on != y->opened_on)
    return x->opened_on > y->opened_on ? -1 : 1;
  return g_strcmp0 (SP_ENTITY (x)->id, SP_ENTITY (y)->id);
}

GPtrArray *
sp_store_list_contract_issues (SpStore     *self,
                               const char  *provider_id,
                               const char  *case_id,
                               GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  GPtrArray *result;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  if (case_id != NULL)
    found = sp_store_load_where (self, SP_TYPE_CONTRACT_ISSUE, "case_id", case_id, error);
  else if (provider_id != NULL)
    found = sp_store_load_where (self, SP_TYPE_CONTRACT_ISSUE, "provider_id", provider_id, error);
  else
    found = sp_store_load_where (self, SP_TYPE_CONTRACT_ISSUE, NULL, NULL, error);
  if (found == NULL)
    return NULL;

  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < found->len; i++)
    {
      SpContractIssue *issue = found->pdata[i];

      if (SP_ENTITY (issue)->deleted ||
          (provider_id != NULL && g_strcmp0 (issue->provider_id, provider_id) != 0))
        continue;
      g_ptr_array_add (result, g_object_ref (issue));
    }
  g_ptr_array_sort (result, compare_latest_first);
  return result;
}

GPtrArray *
sp_store_get_contract_issue_events (SpStore          *self,
                                    SpContractIssue  *issue,
                                    GError          **error)
{
  g_autoptr(GPtrArray) events = NULL;
  GPtrArray *result;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);
  g_return_val_if_fail (SP_IS_CONTRACT_ISSUE (issue), NULL);

  events = sp_store_get_case_events (self, issue->case_id, error);
  if (events == NULL)
    return NULL;

  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < events->len; i++)
    {
      SpCaseEvent *event = events->pdata[i];

      if (event->kind == SP_EVENT_CONTRACT_ISSUE_UPDATED &&
          g_strcmp0 (event->note, SP_ENTITY (issue)->id) == 0)
        g_ptr_array_add (result, g_object_ref (event));
    }
  return result;
}
