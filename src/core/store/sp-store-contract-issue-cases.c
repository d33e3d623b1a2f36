/* sp-store-contract-issue-cases.c: the further cases of a contract issue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app (its local store or replica) and the server link and unlink
 * cases through sp_store_save_contract_issue_case(), so that both check
 * the same rules and write the same history: a contract_issue_updated
 * event of the issue's own case, field "cases", the linked case's id as
 * the new value (linked) or the old one (removed), the issue's id as the
 * note, which is how the issue's history finds it.
 */

#include <glib/gi18n-lib.h>

#include "sp-error.h"
#include "sp-store-private.h"
#include "sp-store-contract-issue.h"

static gboolean
is_linked (SpStore     *self,
           const char  *issue_id,
           const char  *case_id,
           GError     **error)
{
  g_autoptr(GPtrArray) links = sp_store_list_contract_issue_cases (self, issue_id, error);

  if (links == NULL)
    return TRUE;
  for (guint i = 0; i < links->len; i++)
    if (g_strcmp0 (SP_CONTRACT_ISSUE_CASE (links->pdata[i])->case_id, case_id) == 0)
      {
        sp_set_field_error (error, SP_ERROR_INVALID, "case_id",
                            _("The case is already one of the contract issue's"));
        return TRUE;
      }
  return FALSE;
}

/* What a new link must meet: an issue still open to more cases, a case
 * that exists, is not the issue's own and is about the same provider. */
static gboolean
check_new (SpStore              *self,
           SpContractIssueCase  *link,
           SpContractIssue      *issue,
           GError              **error)
{
  g_autoptr(SpCase) kase = NULL;

  if (issue->status == SP_CONTRACT_ISSUE_CLOSED)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "contract_issue_id",
                          _("A closed contract issue takes no more cases"));
      return FALSE;
    }
  kase = sp_store_get_case (self, link->case_id, NULL);
  if (kase == NULL || SP_ENTITY (kase)->deleted)
    {
      sp_set_field_error (error, SP_ERROR_NOT_FOUND, "case_id", _("No such case"));
      return FALSE;
    }
  if (g_strcmp0 (issue->case_id, link->case_id) == 0)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "case_id",
                          _("The contract issue was opened from this case"));
      return FALSE;
    }
  if (g_strcmp0 (kase->provider_id, issue->provider_id) != 0)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "case_id",
                          _("The case is not about the contract issue's provider"));
      return FALSE;
    }
  return !is_linked (self, SP_ENTITY (issue)->id, link->case_id, error);
}

gboolean
sp_store_save_contract_issue_case (SpStore              *self,
                                   SpContractIssueCase  *link,
                                   SpSaveFlags           flags,
                                   const SpActor        *actor,
                                   GError              **error)
{
  g_autoptr(SpContractIssueCase) stored = NULL;
  g_autoptr(SpContractIssue) issue = NULL;
  const char *old_value = NULL;
  const char *new_value = NULL;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SP_IS_CONTRACT_ISSUE_CASE (link), FALSE);

  if (link->contract_issue_id == NULL || !sp_is_uuid (link->contract_issue_id))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "contract_issue_id",
                          _("The link names no contract issue"));
      return FALSE;
    }
  if (link->case_id == NULL || !sp_is_uuid (link->case_id))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "case_id", _("The link names no case"));
      return FALSE;
    }

  if (!sp_store_begin (self, error))
    return FALSE;

  issue = sp_store_load (self, SP_TYPE_CONTRACT_ISSUE, link->contract_issue_id, NULL);
  if (issue == NULL || SP_ENTITY (issue)->deleted)
    {
      sp_set_field_error (error, SP_ERROR_NOT_FOUND, "contract_issue_id", _("No such contract issue"));
      goto failed;
    }

  sp_entity_ensure_id (SP_ENTITY (link));
  stored = sp_store_load (self, SP_TYPE_CONTRACT_ISSUE_CASE, SP_ENTITY (link)->id, NULL);
  if (stored == NULL)
    {
      if (SP_ENTITY (link)->deleted)
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "deleted", _("No such case of the contract issue"));
          goto failed;
        }
      if (!check_new (self, link, issue, error))
        goto failed;
      if (link->linked_on == SP_DATE_NONE)
        link->linked_on = sp_date_today_in_organisation ();
      new_value = link->case_id;
    }
  else if (g_strcmp0 (stored->contract_issue_id, link->contract_issue_id) != 0 ||
           g_strcmp0 (stored->case_id, link->case_id) != 0 ||
           stored->linked_on != link->linked_on ||
           (SP_ENTITY (stored)->deleted && !SP_ENTITY (link)->deleted))
    {
      /* A link is made or removed, never changed: another case is a link
       * of its own. */
      sp_set_field_error (error, SP_ERROR_INVALID, "case_id",
                          _("A case of a contract issue can only be removed"));
      goto failed;
    }
  else if (SP_ENTITY (link)->deleted && !SP_ENTITY (stored)->deleted)
    old_value = link->case_id;
  else
    return sp_store_commit (self, error);

  if (!_sp_store_add_case_event (self, issue->case_id, actor, SP_EVENT_CONTRACT_ISSUE_UPDATED,
                                 "cases", old_value, new_value, SP_ENTITY (issue)->id, error) ||
      !sp_store_save (self, SP_ENTITY (link), flags, actor ? actor->user_id : NULL, error))
    goto failed;

  return sp_store_commit (self, error);

failed:
  sp_store_rollback (self);
  return FALSE;
}

static int
compare_linked (gconstpointer a,
                gconstpointer b)
{
  SpContractIssueCase *x = *(SpContractIssueCase **) a;
  SpContractIssueCase *y = *(SpContractIssueCase **) b;

  gint64 rx = SP_ENTITY (x)->rev > 0 ? SP_ENTITY (x)->rev : G_MAXINT64;
  gint64 ry = SP_ENTITY (y)->rev > 0 ? SP_ENTITY (y)->rev : G_MAXINT64;

  if (x->linked_on != y->linked_on)
    return x->linked_on < y->linked_on ? -1 : 1;
  /* The same day: in the order the server took them (a link not pushed
   * yet, last). */
  if (rx != ry)
    return rx < ry ? -1 : 1;
  return g_strcmp0 (SP_ENTITY (x)->id, SP_ENTITY (y)->id);
}

GPtrArray *
sp_store_list_contract_issue_cases (SpStore     *self,
                                    const char  *issue_id,
                                    GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  GPtrArray *result;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);
  g_return_val_if_fail (issue_id != NULL, NULL);

  found = sp_store_load_where (self, SP_TYPE_CONTRACT_ISSUE_CASE, "contract_issue_id", issue_id, error);
  if (found == NULL)
    return NULL;
  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < found->len; i++)
    if (!SP_ENTITY (found->pdata[i])->deleted)
      g_ptr_array_add (result, g_object_ref (found->pdata[i]));
  g_ptr_array_sort (result, compare_linked);
  return result;
}

GPtrArray *
sp_store_get_contract_issue_cases (SpStore          *self,
                                   SpContractIssue  *issue,
                                   GError          **error)
{
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  SpCase *kase;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);
  g_return_val_if_fail (SP_IS_CONTRACT_ISSUE (issue), NULL);

  links = sp_store_list_contract_issue_cases (self, SP_ENTITY (issue)->id, error);
  if (links == NULL)
    return NULL;
  /* A replica holds only the cases its user may see. */
  if ((kase = sp_store_get_case (self, issue->case_id, NULL)) != NULL)
    g_ptr_array_add (cases, kase);
  for (guint i = 0; i < links->len; i++)
    if ((kase = sp_store_get_case (self, SP_CONTRACT_ISSUE_CASE (links->pdata[i])->case_id, NULL)) != NULL)
      {
        if (SP_ENTITY (kase)->deleted)
          g_object_unref (kase);
        else
          g_ptr_array_add (cases, kase);
      }
  return g_steal_pointer (&cases);
}

GPtrArray *
sp_store_list_cases_in_issues (SpStore     *self,
                               const char  *provider_id,
                               GError     **error)
{
  g_autoptr(GPtrArray) issues = NULL;
  GPtrArray *ids;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  issues = sp_store_list_contract_issues (self, provider_id, NULL, error);
  if (issues == NULL)
    return NULL;
  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < issues->len; i++)
    {
      SpContractIssue *issue = issues->pdata[i];
      g_autoptr(GPtrArray) links = sp_store_list_contract_issue_cases (self, SP_ENTITY (issue)->id, NULL);

      g_ptr_array_add (ids, g_strdup (issue->case_id));
      for (guint k = 0; links != NULL && k < links->len; k++)
        g_ptr_array_add (ids, g_strdup (SP_CONTRACT_ISSUE_CASE (links->pdata[k])->case_id));
    }
  return ids;
}

char *
sp_store_find_open_contract_issue (SpStore     *self,
                                   const char  *case_id,
                                   const char  *provider_id,
                                   GError     **error)
{
  g_autoptr(GPtrArray) issues = NULL;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  /* Latest opened first, so the newest open one wins. */
  issues = sp_store_list_contract_issues (self, provider_id, NULL, error);
  if (issues == NULL)
    return NULL;

  for (guint i = 0; i < issues->len; i++)
    {
      SpContractIssue *issue = issues->pdata[i];
      g_autoptr(GPtrArray) links = NULL;

      if (issue->status == SP_CONTRACT_ISSUE_CLOSED)
        continue;
      if (g_strcmp0 (issue->case_id, case_id) == 0)
        return g_strdup (SP_ENTITY (issue)->id);

      links = sp_store_list_contract_issue_cases (self, SP_ENTITY (issue)->id, NULL);
      for (guint k = 0; links != NULL && k < links->len; k++)
        if (g_strcmp0 (SP_CONTRACT_ISSUE_CASE (links->pdata[k])->case_id, case_id) == 0)
          return g_strdup (SP_ENTITY (issue)->id);
    }

  return NULL;
}
