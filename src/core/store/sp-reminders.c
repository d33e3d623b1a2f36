/* sp-reminders.c: which of a user's deadlines to announce
 *
 * What was announced is kept as one setting of the store, a line per case:
 * "<case id> <kind> <due on>". Only cases in one of the two states are
 * kept, so the setting stays as small as the user's own urgent cases.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */


#include "sp-case.h"
#include "sp-reminders.h"

#define ANNOUNCED_SETTING "reminders.announced"
/* More than this many are announced as a count; their details are in the list. */
#define MAX_CASES 50

static const char *kind_names[SP_N_REMINDER_KINDS] = { "due-tomorrow", "overdue" };

void
sp_reminders_free (SpReminders *reminders)
{
  for (guint i = 0; i < SP_N_REMINDER_KINDS; i++)
    g_clear_pointer (&reminders->cases[i], g_ptr_array_unref);
  g_free (reminders);
}

static char *
announced_key (const SpCase   *kase,
               SpReminderKind  kind)
{
  char due[11];

  sp_date_format (kase->due_on, due);
  return g_strdup_printf ("%s %s %s", SP_ENTITY (kase)->id, kind_names[kind], due);
}

static GHashTable *
read_announced (SpStore *store)
{
  g_autofree char *text = sp_store_dup_setting (store, ANNOUNCED_SETTING);
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

static GPtrArray *
query_kind (SpStore        *store,
            SpCaseQuery    *query,
            SpReminderKind  kind,
            SpDate          today,
            gint64         *total,
            GError        **error)
{
  query->overdue_only = TRUE;
  query->sort = SP_CASE_SORT_DUE_ON;
  query->limit = MAX_CASES;
  if (kind == SP_REMINDER_DUE_TOMORROW)
    {
      /* Open cases due before the day after tomorrow, latest first: those
       * due tomorrow come before the overdue ones. */
      query->today = today + 2;
      query->descending = TRUE;
      *total = 0;
      return sp_store_query_cases (store, query, error);
    }

  query->today = today;
  if ((*total = sp_store_count_cases (store, query, error)) < 0)
    return NULL;
  return sp_store_query_cases (store, query, error);
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
  g_autofree char *before = NULL;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  if (today == SP_DATE_NONE)
    today = sp_date_today ();
  if (mine_user_id == NULL && mine_unit_id == NULL)
    {
      for (guint i = 0; i < SP_N_REMINDER_KINDS; i++)
        reminders->cases[i] = g_ptr_array_new_with_free_func (g_object_unref);
      return g_steal_pointer (&reminders);
    }

  announced = read_announced (store);
  for (guint kind = 0; kind < SP_N_REMINDER_KINDS; kind++)
    {
      SpCaseQuery query;
      g_autoptr(GPtrArray) found = NULL;

      sp_case_query_init (&query);
      query.mine_user_id = mine_user_id;
      query.mine_unit_id = mine_unit_id;
      if (!(found = query_kind (store, &query, kind, today, &reminders->total[kind], error)))
        return NULL;

      reminders->cases[kind] = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < found->len; i++)
        {
          SpCase *kase = g_ptr_array_index (found, i);
          g_autofree char *key = NULL;

          /* Due tomorrow means due on exactly that day; earlier is overdue. */
          if (kind == SP_REMINDER_DUE_TOMORROW)
            {
              if (kase->due_on != today + 1)
                break;
              reminders->total[kind]++;
            }
          key = announced_key (kase, kind);
          g_string_append_printf (keep, "%s\n", key);
          if (!g_hash_table_contains (announced, key))
            g_ptr_array_add (reminders->cases[kind], g_object_ref (kase));
        }
    }

  before = sp_store_dup_setting (store, ANNOUNCED_SETTING);
  if (g_strcmp0 (before != NULL ? before : "", keep->str) != 0 &&
      !sp_store_set_setting (store, ANNOUNCED_SETTING, keep->str, error))
    return NULL;

  return g_steal_pointer (&reminders);
}
