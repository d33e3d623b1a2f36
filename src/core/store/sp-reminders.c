/* sp-reminders.c: which of a user's deadlines to announce
 *
 * Two settings of the store remember what was announced: the day of the
 * last summary, and the overdue cases, a line each ("<case id> <due on>").
 * Only cases still overdue are kept, so the setting stays as small as the
 * user's own overdue cases.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-case.h"
#include "sp-reminders.h"

#define ANNOUNCED_SETTING "reminders.overdue"
#define SUMMARY_SETTING   "reminders.summary-on"

void
sp_reminders_free (SpReminders *reminders)
{
  g_clear_pointer (&reminders->newly_overdue, g_ptr_array_unref);
  g_free (reminders);
}

static char *
announced_key (const SpCase *kase)
{
  char due[11];

  sp_date_format (kase->due_on, due);
  return g_strdup_printf ("%s %s", SP_ENTITY (kase)->id, due);
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

SpReminders *
sp_store_take_reminders (SpStore     *store,
                         const char  *mine_user_id,
                         const char  *mine_unit_id,
                         SpDate       today,
                         GError     **error)
{
  g_autoptr(SpReminders) reminders = g_new0 (SpReminders, 1);
  g_autoptr(GHashTable) announced = NULL;
  g_autoptr(GString) keep = g_string_new (NULL);
  g_autoptr(GPtrArray) overdue = NULL;
  g_autofree char *before = NULL;
  g_autofree char *summary_on = NULL;
  char today_text[11];
  gint64 due_by_tomorrow;
  SpCaseQuery query;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  if (today == SP_DATE_NONE)
    today = sp_date_today ();
  reminders->newly_overdue = g_ptr_array_new_with_free_func (g_object_unref);
  if (mine_user_id == NULL && mine_unit_id == NULL)
    return g_steal_pointer (&reminders);

  sp_case_query_init (&query);
  query.mine_user_id = mine_user_id;
  query.mine_unit_id = mine_unit_id;

  /* Due tomorrow: due before the day after, less those due before today. */
  if ((reminders->overdue = count_due_before (store, &query, today, error)) < 0 ||
      (due_by_tomorrow = count_due_before (store, &query, today + 2, error)) < 0)
    return NULL;
  if ((reminders->due_tomorrow = due_by_tomorrow -
                                 count_due_before (store, &query, today + 1, error)) < 0)
    return NULL;

  query.today = today;
  query.sort = SP_CASE_SORT_DUE_ON;
  query.descending = TRUE;
  query.limit = SP_REMINDERS_MAX_CASES;
  if (!(overdue = sp_store_query_cases (store, &query, error)))
    return NULL;

  before = sp_store_dup_setting (store, ANNOUNCED_SETTING);
  announced = read_announced (before);
  for (guint i = 0; i < overdue->len; i++)
    {
      SpCase *kase = g_ptr_array_index (overdue, i);
      g_autofree char *key = announced_key (kase);

      g_string_append_printf (keep, "%s\n", key);
      if (before != NULL && !g_hash_table_contains (announced, key))
        g_ptr_array_add (reminders->newly_overdue, g_object_ref (kase));
    }

  sp_date_format (today, today_text);
  summary_on = sp_store_dup_setting (store, SUMMARY_SETTING);
  reminders->summary = g_strcmp0 (summary_on, today_text) != 0 &&
                       reminders->due_tomorrow + reminders->overdue > 0;

  if (!set_if_changed (store, ANNOUNCED_SETTING, before, keep->str, error) ||
      (reminders->summary &&
       !sp_store_set_setting (store, SUMMARY_SETTING, today_text, error)))
    return NULL;

  return g_steal_pointer (&reminders);
}
