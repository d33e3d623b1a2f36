/* sp-case-counts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One statement: a GROUP BY a dimension for each, and the overdue count,
 * joined by UNION ALL, each over the query's WHERE (its parameters bound
 * again for each part).
 */

#include <string.h>

#include "sp-case-counts.h"
#include "sp-store-private.h"

static const struct
{
  SpStatsDimension  dimension;
  const char       *expression;
} groups[] = {
  { SP_STATS_KIND, "c.kind" },
  { SP_STATS_CATEGORY, "c.category" },
  { SP_STATS_UNIT, "c.unit_id" },
  { SP_STATS_CHANNEL, "c.channel" },
  { SP_STATS_MONTH, "substr (c.received_on, 1, 7)" },
  { SP_STATS_STATUS, "c.status" },
};

#define OVERDUE G_N_ELEMENTS (groups)

static void
count_free (gpointer data)
{
  SpStatsCount *count = data;

  g_free (count->key);
  g_free (count);
}

void
sp_case_counts_free (SpCaseCounts *counts)
{
  if (counts == NULL)
    return;
  for (guint i = 0; i < SP_STATS_N_DIMENSIONS; i++)
    g_clear_pointer (&counts->by[i], g_ptr_array_unref);
  g_free (counts);
}

static int
compare_count (gconstpointer a,
               gconstpointer b)
{
  const SpStatsCount *x = *(SpStatsCount * const *) a;
  const SpStatsCount *y = *(SpStatsCount * const *) b;

  return strcmp (x->key, y->key);
}

SpCaseCounts *
sp_store_count_cases_by (SpStore            *store,
                         const SpCaseQuery  *query,
                         GError            **error)
{
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(SpCaseCounts) counts = NULL;
  sqlite3_stmt *stmt;
  char today[11];
  guint n = 0;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  _sp_case_query_build_where (query, where, texts);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    g_string_append_printf (sql, "%sSELECT %u, %s, count(*) FROM cases c WHERE %s GROUP BY 2",
                            i ? " UNION ALL " : "", i, groups[i].expression, where->str);
  /* Overdue: open and past its due date (as sp_case_is_overdue()). */
  g_string_append_printf (sql, " UNION ALL SELECT %u, NULL, count(*) FROM cases c WHERE %s"
                               " AND c.due_on < ? AND c.status IN ('received', 'registered', 'assigned',"
                               " 'acknowledged', 'investigating', 'awaiting_provider', 'assessed')",
                          (guint) OVERDUE, where->str);

  if (!(stmt = sp_store_prepare (store, sql->str, error)))
    return NULL;
  sp_date_format (sp_date_today (), today);
  for (guint part = 0; part <= OVERDUE; part++)
    {
      for (guint i = 0; i < texts->len; i++)
        sqlite3_bind_text (stmt, (int) ++n, g_ptr_array_index (texts, i), -1, SQLITE_TRANSIENT);
      if (part == OVERDUE)
        sqlite3_bind_text (stmt, (int) ++n, today, -1, SQLITE_TRANSIENT);
    }

  counts = g_new0 (SpCaseCounts, 1);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    counts->by[groups[i].dimension] = g_ptr_array_new_with_free_func (count_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint part = (guint) sqlite3_column_int (stmt, 0);
      const char *key = (const char *) sqlite3_column_text (stmt, 1);
      gint64 value = sqlite3_column_int64 (stmt, 2);
      SpStatsCount *count;

      if (part == OVERDUE)
        {
          counts->overdue = value;
          continue;
        }
      if (part >= G_N_ELEMENTS (groups))
        continue;
      /* Every case has a kind: their sum is the total. */
      if (groups[part].dimension == SP_STATS_KIND)
        counts->total += value;
      count = g_new0 (SpStatsCount, 1);
      count->key = g_strdup (key != NULL && *key != '\0' ? key : "none");
      count->count = value;
      g_ptr_array_add (counts->by[groups[part].dimension], count);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_store_set_error (store, error, rc);
      return NULL;
    }

  /* "none" and an empty text are one key; the sort puts them together. */
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      GPtrArray *array = counts->by[groups[i].dimension];

      g_ptr_array_sort (array, compare_count);
      for (guint j = 1; j < array->len; )
        {
          SpStatsCount *before = array->pdata[j - 1];
          SpStatsCount *here = array->pdata[j];

          if (strcmp (before->key, here->key) == 0)
            {
              before->count += here->count;
              g_ptr_array_remove_index (array, j);
            }
          else
            j++;
        }
    }
  return g_steal_pointer (&counts);
}
