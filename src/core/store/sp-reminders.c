/* sp-reminders.c: which of a user's deadlines to announce
 *
 * Settings of the store remember what was announced: the day of the last
 * summary, and a line each ("<id> <date>") for the overdue cases, the late
 * accounts (contract issues) and the follow-up dates reached. Only what is
 * still overdue (or, for follow-ups, recent) is kept, so each setting stays
 * as small as the user's own overdue cases.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-case.h"
#include "sp-contract-issue.h"
#include "sp-provider.h"
#include "sp-store-contract-issue.h"
#include "sp-reminders.h"

#define ANNOUNCED_SETTING  "reminders.overdue"
#define ACCOUNTS_SETTING   "reminders.accounts"
#define FOLLOW_UPS_SETTING "reminders.follow-ups"
#define SUMMARY_SETTING    "reminders.summary-on"

void
sp_reminders_free (SpReminders *reminders)
{
  g_clear_pointer (&reminders->newly_overdue, g_ptr_array_unref);
  g_clear_pointer (&reminders->newly_late_accounts, g_ptr_array_unref);
  g_clear_pointer (&reminders->late_account_providers, g_ptr_array_unref);
  g_clear_pointer (&reminders->newly_followed_up, g_ptr_array_unref);
  g_free (reminders);
}

static char *
announced_key (const char *id,
               SpDate      date)
{
  char text[11];

  sp_date_format (date, text);
  return g_strdup_printf ("%s %s", id, text);
}

static GHashTable *
read_announced (const char *text)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return set;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_hash_table_add (set, g_steal_pointer (&lines[i]));
  return set;
}

/* Open cases of mine due before @before ("overdue" on that day). */
static gint64
count_due_before (SpStore      *store,
                  SpCaseQuery  *query,
                  SpDate        before,
                  GError      **error)
{
  query->overdue_only = TRUE;
  query->today = before;
  return sp_store_count_cases (store, query, error);
}

static int
compare_later_due_first (gconstpointer a,
                         gconstpointer b)
{
  const SpContractIssue *x = *(SpContractIssue * const *) a;
  const SpContractIssue *y = *(SpContractIssue * const *) b;

  if (x->correction_due_on != y->correction_due_on)
    return x->correction_due_on > y->correction_due_on ? -1 : 1;
  return g_strcmp0 (SP_ENTITY (x)->id, SP_ENTITY (y)->id);
}

static gboolean
set_if_changed (SpStore     *store,
                const char  *key,
                const char  *before,
                const char  *now,
                GError     **error)
{
  if (g_strcmp0 (before, now) == 0)
    return TRUE;
  return sp_store_set_setting (store, key, now, error);
}

/* Procurement's issues whose account is late (sp_contract_issue_is_overdue()),
 * the latest deadline first; the new ones go to @reminders. */
static gboolean
take_late_accounts (SpStore      *store,
                    SpReminders  *reminders,
                    SpDate        today,
                    GError      **error)
{
  g_autoptr(GPtrArray) issues = sp_store_list_contract_issues (store, NULL, NULL, error);
  g_autoptr(GPtrArray) late = NULL;
  g_autoptr(GHashTable) announced = NULL;
  g_autoptr(GString) keep = g_string_new (NULL);
  g_autofree char *before = NULL;

  if (issues == NULL)
    return FALSE;
  late = g_ptr_array_new ();
  for (guint i = 0; i < issues->len; i++)
    {
      SpContractIssue *issue = g_ptr_array_index (issues, i);

      if (sp_contract_issue_is_overdue (issue, today) &&
          g_strcmp0 (issue->routed_to, SP_ROUTE_PROCUREMENT) == 0)
        g_ptr_array_add (late, issue);
    }
  g_ptr_array_sort (late, compare_later_due_first);
  reminders->accounts_overdue = late->len;

  before = sp_store_dup_setting (store, ACCOUNTS_SETTING);
  announced = read_announced (before);
  for (guint i = 0; i < late->len; i++)
    {
      SpContractIssue *issue = g_ptr_array_index (late, i);
      g_autofree char *key = announced_key (SP_ENTITY (issue)->id, issue->correction_due_on);
      g_autoptr(SpProvider) provider = NULL;

      g_string_append_printf (keep, "%s\n", key);
      if (before == NULL || g_hash_table_contains (announced, key) ||
          reminders->newly_late_accounts->len >= SP_REMINDERS_MAX_CASES)
        continue;
      if (issue->provider_id != NULL)
        provider = sp_store_load (store, SP_TYPE_PROVIDER, issue->provider_id, NULL);
      g_ptr_array_add (reminders->newly_late_accounts, g_object_ref (issue));
      g_ptr_array_add (reminders->late_account_providers,
                       g_strdup (provider != NULL && provider->name != NULL ? provider->name : ""));
    }
  return set_if_changed (store, ACCOUNTS_SETTING, before, keep->str, error);
}

/* The follow-up dates of my cases' investigations from
 * SP_REMINDERS_FOLLOW_UP_DAYS back to @today; the new ones go to
 * @reminders (on the first look ever, only today's). */
static gboolean
take_follow_ups (SpStore      *store,
                 SpReminders  *reminders,
                 const char   *mine_user_id,
                 const char   *mine_unit_id,
                 SpDate        today,
                 GError      **error)
{
  static const char sql[] =
    "SELECT c.id, i.follow_up_on FROM investigations i JOIN cases c ON c.id = i.case_id "
    "WHERE i.deleted = 0 AND c.deleted = 0 AND i.follow_up_on >= ? AND i.follow_up_on <= ? "
    "AND ((c.assigned_to = ?3 AND ?3 IS NOT NULL) OR (c.unit_id = ?4 AND ?4 IS NOT NULL) OR "
    "(i.investigating_unit_id = ?4 AND ?4 IS NOT NULL)) "
    "ORDER BY i.follow_up_on DESC, c.id LIMIT ?5";
  sqlite3_stmt *stmt = sp_store_prepare (store, sql, error);
  g_autoptr(GHashTable) announced = NULL;
  g_autoptr(GString) keep = g_string_new (NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *before = NULL;
  char from[11], to[11];
  int rc;

  if (stmt == NULL)
    return FALSE;
  sp_date_format (today - SP_REMINDERS_FOLLOW_UP_DAYS, from);
  sp_date_format (today, to);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, mine_user_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, mine_unit_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, SP_REMINDERS_MAX_CASES);

  before = sp_store_dup_setting (store, FOLLOW_UPS_SETTING);
  announced = read_announced (before);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *case_id = (const char *) sqlite3_column_text (stmt, 0);
      const char *on_text = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *key = g_strdup_printf ("%s %s", case_id, on_text);
      SpDate on = SP_DATE_NONE;

      g_string_append_printf (keep, "%s\n", key);
      if (g_hash_table_contains (announced, key) || !sp_date_parse (on_text, &on) ||
          (before == NULL && on != today))
        continue;
      g_ptr_array_add (ids, g_strdup (case_id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_store_set_error (store, error, rc);
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      SpCase *kase = sp_store_get_case (store, g_ptr_array_index (ids, i), NULL);

      if (kase != NULL)
        g_ptr_array_add (reminders->newly_followed_up, kase);
    }
  return set_if_changed (store, FOLLOW_UPS_SETTING, before, keep->str, error);
}

/* The overdue cases of mine, and whether the day's summary is owed. */
static gboolean
take_overdue (SpStore      *store,
              SpReminders  *reminders,
              const char   *mine_user_id,
              const char   *mine_unit_id,
              SpDate        today,
              GError      **error)
{
  g_autoptr(GHashTable) announced = NULL;
  g_autoptr(GString) keep = g_string_new (NULL);
  g_autoptr(GPtrArray) overdue = NULL;
  g_autofree char *before = NULL;
  g_autofree char *summary_on = NULL;
  char today_text[11];
  gint64 due_by_tomorrow;
  SpCaseQuery query;

  sp_case_query_init (&query);
  query.mine_user_id = mine_user_id;
  query.mine_unit_id = mine_unit_id;

  /* Due tomorrow: due before the day after, less those due before today. */
  if ((reminders->overdue = count_due_before (store, &query, today, error)) < 0 ||
      (due_by_tomorrow = count_due_before (store, &query, today + 2, error)) < 0)
    return FALSE;
  if ((reminders->due_tomorrow = due_by_tomorrow -
                                 count_due_before (store, &query, today + 1, error)) < 0)
    return FALSE;

  query.today = today;
  query.sort = SP_CASE_SORT_DUE_ON;
  query.descending = TRUE;
  query.limit = SP_REMINDERS_MAX_CASES;
  if (!(overdue = sp_store_query_cases (store, &query, error)))
    return FALSE;

  before = sp_store_dup_setting (store, ANNOUNCED_SETTING);
  announced = read_announced (before);
  for (guint i = 0; i < overdue->len; i++)
    {
      SpCase *kase = g_ptr_array_index (overdue, i);
      g_autofree char *key = announced_key (SP_ENTITY (kase)->id, kase->due_on);

      g_string_append_printf (keep, "%s\n", key);
      if (before != NULL && !g_hash_table_contains (announced, key))
        g_ptr_array_add (reminders->newly_overdue, g_object_ref (kase));
    }

  sp_date_format (today, today_text);
  summary_on = sp_store_dup_setting (store, SUMMARY_SETTING);
  reminders->summary = g_strcmp0 (summary_on, today_text) != 0 &&
                       reminders->due_tomorrow + reminders->overdue +
                       reminders->accounts_overdue > 0;

  return set_if_changed (store, ANNOUNCED_SETTING, before, keep->str, error) &&
         (!reminders->summary ||
          sp_store_set_setting (store, SUMMARY_SETTING, today_text, error));
}

SpReminders *
sp_store_take_reminders (SpStore     *store,
                         const char  *mine_user_id,
                         const char  *mine_unit_id,
                         gboolean     procurement,
                         SpDate       today,
                         GError     **error)
{
  g_autoptr(SpReminders) reminders = g_new0 (SpReminders, 1);

  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  if (today == SP_DATE_NONE)
    today = sp_date_today ();
  reminders->newly_overdue = g_ptr_array_new_with_free_func (g_object_unref);
  reminders->newly_late_accounts = g_ptr_array_new_with_free_func (g_object_unref);
  reminders->late_account_providers = g_ptr_array_new_with_free_func (g_free);
  reminders->newly_followed_up = g_ptr_array_new_with_free_func (g_object_unref);
  if (mine_user_id == NULL && mine_unit_id == NULL)
    return g_steal_pointer (&reminders);

  /* What is remembered as announced is what is returned: all or nothing. */
  if (!sp_store_begin (store, error))
    return NULL;
  if ((procurement && !take_late_accounts (store, reminders, today, error)) ||
      !take_follow_ups (store, reminders, mine_user_id, mine_unit_id, today, error) ||
      !take_overdue (store, reminders, mine_user_id, mine_unit_id, today, error))
    {
      sp_store_rollback (store);
      return NULL;
    }
  if (!sp_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&reminders);
}
