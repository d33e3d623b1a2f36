/* sp-provider-figures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-provider-figures.h"

#include "sp-contract-issue.h"
#include "sp-stats-signals.h"
#include "sp-store-contract-issue.h"

void
sp_provider_figures_free (SpProviderFigures *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->provider_id);
  g_clear_pointer (&figures->by_category, g_ptr_array_unref);
  g_free (figures);
}

gint64
sp_provider_figures_current (const SpProviderFigures *figures)
{
  return figures->tertial_counts[SP_PROVIDER_N_TERTIALS - 1];
}

static SpStatsFigures *
compute (SpStore           *store,
         const char        *provider_id,
         SpDate             today,
         const SpPeriod    *period,
         GError           **error)
{
  SpStatsQuery query = { 0 };

  query.scope.kind = SP_STATS_SCOPE_PROVIDER;
  query.scope.id = (char *) provider_id;
  query.today = today;
  return sp_stats_compute (store, &query, period, error);
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const SpStatsCount *x = *(SpStatsCount **) a;
  const SpStatsCount *y = *(SpStatsCount **) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_strcmp0 (x->key, y->key);
}

static void
count_free (gpointer p)
{
  SpStatsCount *count = p;

  g_free (count->key);
  g_free (count);
}

static gboolean
add_issues (SpProviderFigures  *figures,
            SpStore            *store,
            SpDate              today,
            GError            **error)
{
  g_autoptr(GPtrArray) issues = sp_store_list_contract_issues (store, figures->provider_id, NULL, error);

  if (issues == NULL)
    return FALSE;
  for (guint i = 0; i < issues->len; i++)
    {
      SpContractIssue *issue = issues->pdata[i];

      if (issue->status == SP_CONTRACT_ISSUE_CLOSED)
        continue;
      figures->open_issues++;
      if (sp_contract_issue_is_overdue (issue, today))
        figures->overdue_issues++;
      if (issue->opened_on != SP_DATE_NONE && today > issue->opened_on)
        figures->oldest_open_days = MAX (figures->oldest_open_days, today - issue->opened_on);
    }
  return TRUE;
}

/* One pass over the provider's cases received from the first month's
 * start up to @today, counted by the month of their date received. */
static gboolean
add_months (SpProviderFigures  *figures,
            SpStore            *store,
            SpDate              today,
            GError            **error)
{
  int year = sp_date_get_year (today);
  int month = sp_date_get_month (today);
  g_autofree char *from = NULL;
  g_autofree char *to = sp_date_to_string (today);
  sqlite3_stmt *stmt;
  int rc;

  for (int i = SP_PROVIDER_N_MONTHS - 1; i >= 0; i--)
    {
      figures->month_starts[i] = sp_date_new (year, month, 1);
      if (--month == 0)
        {
          month = 12;
          year--;
        }
    }
  from = sp_date_to_string (figures->month_starts[0]);

  stmt = sp_store_prepare (store,
                           "SELECT substr (received_on, 1, 7), count(*) FROM cases "
                           "WHERE deleted = 0 AND provider_id = ?1 AND received_on >= ?2 AND received_on <= ?3 "
                           "GROUP BY 1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, figures->provider_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);

      for (int i = 0; key != NULL && i < SP_PROVIDER_N_MONTHS; i++)
        {
          g_autofree char *start = sp_date_to_string (figures->month_starts[i]);

          if (strncmp (start, key, 7) == 0)
            figures->month_counts[i] = sqlite3_column_int64 (stmt, 1);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_store_set_error (store, error, rc);
      return FALSE;
    }
  return TRUE;
}

SpProviderFigures *
sp_provider_figures_compute (SpStore     *store,
                             const char  *provider_id,
                             SpDate       today,
                             GError     **error)
{
  g_autoptr(SpProviderFigures) figures = g_new0 (SpProviderFigures, 1);
  g_autoptr(SpStatsFigures) year = NULL;
  SpPeriod period;
  double lambda = 0;

  g_return_val_if_fail (provider_id != NULL, NULL);

  if (today == SP_DATE_NONE)
    today = sp_date_today_in_organisation ();
  figures->provider_id = g_strdup (provider_id);

  period = sp_period_tertial (sp_date_get_year (today), (sp_date_get_month (today) - 1) / 4 + 1);
  for (int i = SP_PROVIDER_N_TERTIALS - 1; i >= 0; i--)
    {
      g_autoptr(SpStatsFigures) f = compute (store, provider_id, today, &period, error);

      if (f == NULL)
        return NULL;
      figures->tertials[i] = period;
      figures->tertial_counts[i] = f->total;
      period = sp_period_previous (&period);
    }

  for (int i = SP_PROVIDER_N_TERTIALS - 4; i < SP_PROVIDER_N_TERTIALS - 1; i++)
    lambda += figures->tertial_counts[i];
  figures->expected = MAX (lambda / 3.0, 1.0);
  figures->p_value = sp_stats_poisson_upper (sp_provider_figures_current (figures), figures->expected);
  figures->signal = sp_provider_figures_current (figures) > 0 && figures->p_value < SP_STATS_SIGNAL_LEVEL;

  figures->year = sp_period_year (sp_date_get_year (today));
  year = compute (store, provider_id, today, &figures->year, error);
  if (year == NULL)
    return NULL;
  figures->year_count = year->total;
  figures->by_category = g_ptr_array_new_with_free_func (count_free);
  for (guint i = 0; year->by[SP_STATS_CATEGORY] && i < year->by[SP_STATS_CATEGORY]->len; i++)
    {
      SpStatsCount *from = year->by[SP_STATS_CATEGORY]->pdata[i];
      SpStatsCount *count = g_new0 (SpStatsCount, 1);

      count->key = g_strdup (from->key);
      count->count = from->count;
      g_ptr_array_add (figures->by_category, count);
    }
  g_ptr_array_sort (figures->by_category, compare_counts);
  figures->justified = year->assessment[SP_ASSESSMENT_JUSTIFIED] + year->assessment[SP_ASSESSMENT_PARTLY_JUSTIFIED];
  figures->assessed = figures->justified + year->assessment[SP_ASSESSMENT_NOT_JUSTIFIED] +
                      year->assessment[SP_ASSESSMENT_CANNOT_ASSESS];

  if (!add_issues (figures, store, today, error) ||
      !add_months (figures, store, today, error))
    return NULL;
  return g_steal_pointer (&figures);
}
