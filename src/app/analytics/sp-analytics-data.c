/* sp-analytics-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <math.h>

#include "sp-analytics-data.h"

#define N_KINDS (SP_CASE_KIND_CITIZEN_PROPOSAL + 1)
#define MAX_BARS 10

const char * const sp_analytics_chart_ids[] = {
  "category", "kind-valence", "trend", "deadline", "unit", "channel", "assessment", NULL
};

static void
data_clear (gpointer p)
{
  SpAnalyticsData *data = p;

  g_free (data->scope);
  g_clear_pointer (&data->report, sp_stats_report_free);
  g_clear_pointer (&data->signals, g_ptr_array_unref);
  for (guint k = 0; k < N_KINDS; k++)
    g_clear_pointer (&data->by_kind[k], sp_stats_figures_free);
  g_clear_pointer (&data->compilations, g_ptr_array_unref);
}

/* The units' compilations of @period within @scope: a tertial's or a
 * year's (a custom range has none); a department's are its units'. */
static GPtrArray *
load_compilations (SpStore             *store,
                   const SpPeriod      *period,
                   const SpStatsScope  *scope,
                   GError             **error)
{
  g_autofree char *text = sp_period_to_string (period);
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  if (period->kind == SP_PERIOD_CUSTOM || scope->kind == SP_STATS_SCOPE_PROVIDER)
    return result;
  all = sp_store_list_unit_compilations (store, scope->kind == SP_STATS_SCOPE_UNIT ? scope->id : NULL,
                                         text, error);
  if (all == NULL)
    {
      g_ptr_array_unref (result);
      return NULL;
    }
  for (guint i = 0; i < all->len; i++)
    {
      SpUnitCompilation *c = all->pdata[i];

      if (scope->kind == SP_STATS_SCOPE_DEPARTMENT)
        {
          g_autoptr(SpUnit) unit = sp_store_load (store, SP_TYPE_UNIT, c->unit_id, NULL);

          if (g_strcmp0 (c->unit_id, scope->id) != 0 &&
              (unit == NULL || g_strcmp0 (unit->parent_id, scope->id) != 0))
            continue;
        }
      g_ptr_array_add (result, g_object_ref (c));
    }
  return result;
}

void
sp_analytics_data_free (SpAnalyticsData *data)
{
  if (data != NULL)
    g_atomic_rc_box_release_full (data, data_clear);
}

SpAnalyticsData *
sp_analytics_data_ref (SpAnalyticsData *data)
{
  return g_atomic_rc_box_acquire (data);
}

SpAnalyticsData *
sp_analytics_data_compute (SpStore         *store,
                           const SpPeriod  *period,
                           const char      *scope,
                           GError         **error)
{
  g_autoptr(SpAnalyticsData) data = g_atomic_rc_box_new0 (SpAnalyticsData);
  SpStatsQuery query = { NULL, { SP_STATS_SCOPE_ORGANISATION, NULL }, SP_DATE_NONE };
  gboolean ok = FALSE;

  data->period = *period;
  data->scope = g_strdup (scope ? scope : "organisation");
  if (!sp_stats_scope_parse (data->scope, &query.scope, error))
    return NULL;
  /* The replica holds only what the user may see: no further restriction. */
  query.today = sp_date_today_in_organisation ();

  data->report = sp_stats_report_compute (store, &query, period, error);
  if (data->report != NULL)
    data->signals = sp_stats_signals_compute (store, &query, period, SP_STATS_SIGNAL_LEVEL, error);
  if (data->signals != NULL)
    {
      ok = TRUE;
      for (guint k = 0; ok && k < N_KINDS; k++)
        {
          SpCaseQuery base;
          SpStatsQuery of_kind = query;

          sp_case_query_init (&base);
          base.kinds = 1u << k;
          of_kind.base = &base;
          data->by_kind[k] = sp_stats_compute (store, &of_kind, period, error);
          ok = data->by_kind[k] != NULL;
        }
      if (ok)
        ok = (data->compilations = load_compilations (store, period, &query.scope, error)) != NULL;
    }
  sp_stats_scope_clear (&query.scope);

  return ok ? g_steal_pointer (&data) : NULL;
}

typedef struct
{
  SpPeriod period;
  char    *scope;
} Request;

static void
request_free (gpointer p)
{
  Request *request = p;

  g_free (request->scope);
  g_free (request);
}

static gpointer
compute_job (SpStore       *store,
             gpointer       p,
             GCancellable  *cancellable,
             GError       **error)
{
  Request *request = p;

  return sp_analytics_data_compute (store, &request->period, request->scope, error);
}

void
sp_analytics_data_compute_async (SpStoreWorker       *worker,
                                 const SpPeriod      *period,
                                 const char          *scope,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  request->period = *period;
  request->scope = g_strdup (scope);
  sp_store_worker_run_async (worker, compute_job, request, request_free,
                             (GDestroyNotify) sp_analytics_data_free, cancellable,
                             callback, user_data);
}

SpAnalyticsData *
sp_analytics_data_compute_finish (SpStoreWorker  *worker,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  return sp_store_worker_run_finish (worker, result, error);
}

static const char *
enum_label (const SpEnumInfo *info,
            const char       *key)
{
  int value;

  if (key != NULL && sp_enum_from_name (info, key, &value))
    return sp_enum_get_label (info, value);
  /* Translators: a chart's bar of cases without that value */
  return _("Not given");
}

static const char *
key_label (SpStatsDimension  dimension,
           const char       *key,
           SpReference      *names)
{
  const char *name = NULL;

  switch (dimension)
    {
    case SP_STATS_CATEGORY:
      name = names ? sp_reference_get_category_name (names, key) : NULL;
      break;
    case SP_STATS_UNIT:
    case SP_STATS_DEPARTMENT:
      name = names ? sp_reference_get_unit_name (names, key) : NULL;
      break;
    case SP_STATS_PROVIDER:
      name = names ? sp_reference_get_provider_name (names, key) : NULL;
      break;
    case SP_STATS_CHANNEL:
      return enum_label (&sp_channel_info, key);
    case SP_STATS_KIND:
      return enum_label (&sp_case_kind_info, key);
    case SP_STATS_VALENCE:
      return enum_label (&sp_valence_info, key);
    case SP_STATS_AREA:
      return enum_label (&sp_area_info, key);
    default:
      break;
    }
  if (g_strcmp0 (key, "none") == 0)
    return _("Not given");
  return name != NULL && *name ? name : key;
}

static int
compare_count (gconstpointer a,
               gconstpointer b)
{
  const SpStatsCount *x = *(SpStatsCount * const *) a;
  const SpStatsCount *y = *(SpStatsCount * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_strcmp0 (x->key, y->key);
}

/* The period's largest counts of @dimension against the same period last
 * year. */
static SpChartData *
dimension_chart (SpAnalyticsData  *data,
                 SpStatsDimension  dimension,
                 const char       *title,
                 SpReference      *names,
                 gboolean          keyed)
{
  SpChartData *chart = sp_chart_data_new (SP_CHART_BARS, title);
  g_autofree char *now = sp_period_get_label (&data->report->current->period);
  g_autofree char *before = sp_period_get_label (&data->report->last_year->period);
  SpChartSeries *current = sp_chart_data_add_series (chart, now, FALSE);
  SpChartSeries *last_year = sp_chart_data_add_series (chart, before, FALSE);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GPtrArray *counts = data->report->current->by[dimension];

  for (guint i = 0; counts != NULL && i < counts->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (counts, i));
  g_ptr_array_sort (sorted, compare_count);
  for (guint i = 0; i < sorted->len && i < MAX_BARS; i++)
    {
      SpStatsCount *count = g_ptr_array_index (sorted, i);
      guint index = sp_chart_data_add_label (chart, key_label (dimension, count->key, names),
                                             keyed ? count->key : NULL);

      sp_chart_series_set (current, index, count->count);
      sp_chart_series_set (last_year, index,
                           sp_stats_figures_get_count (data->report->last_year, dimension, count->key));
    }
  return chart;
}

static SpChartData *
kind_valence_chart (SpAnalyticsData *data)
{
  SpChartData *chart = sp_chart_data_new (SP_CHART_STACKED, _("Kind and valence"));
  SpChartSeries *series[3];

  for (guint v = 0; v < 3; v++)
    series[v] = sp_chart_data_add_series (chart, sp_enum_get_label (&sp_valence_info, v), FALSE);
  for (guint k = 0; k < N_KINDS; k++)
    {
      SpStatsFigures *figures = data->by_kind[k];
      guint index;

      if (figures == NULL || figures->total == 0)
        continue;
      index = sp_chart_data_add_label (chart, sp_enum_get_label (&sp_case_kind_info, k),
                                       sp_enum_to_name (&sp_case_kind_info, k));
      for (guint v = 0; v < 3; v++)
        sp_chart_series_set (series[v], index,
                             sp_stats_figures_get_count (figures, SP_STATS_VALENCE,
                                                         sp_enum_to_name (&sp_valence_info, v)));
    }
  return chart;
}

static SpChartData *
trend_chart (SpAnalyticsData *data)
{
  SpChartData *chart = sp_chart_data_new (SP_CHART_LINE, _("Cases per month"));
  g_autofree char *now = sp_period_get_label (&data->report->current->period);
  g_autofree char *before = sp_period_get_label (&data->report->last_year->period);
  SpChartSeries *current = sp_chart_data_add_series (chart, now, FALSE);
  SpChartSeries *last_year = sp_chart_data_add_series (chart, before, TRUE);
  SpPeriod *period = &data->report->current->period;
  int year = sp_date_get_year (period->from);
  int month = sp_date_get_month (period->from);
  gboolean years = sp_date_get_year (period->to) != year;

  for (guint n = 0; n < 36; n++)
    {
      g_autoptr(GDateTime) first = g_date_time_new_utc (year, month, 1, 0, 0, 0);
      g_autofree char *label = g_date_time_format (first, years ? "%b %Y" : "%b");
      char key[8], before_key[8];
      guint index;

      if (sp_date_new (year, month, 1) > period->to)
        break;
      g_snprintf (key, sizeof key, "%04d-%02d", year, month);
      g_snprintf (before_key, sizeof before_key, "%04d-%02d", year - 1, month);
      index = sp_chart_data_add_label (chart, label, key);
      sp_chart_series_set (current, index, sp_stats_figures_get_count (data->report->current,
                                                                       SP_STATS_MONTH, key));
      sp_chart_series_set (last_year, index, sp_stats_figures_get_count (data->report->last_year,
                                                                         SP_STATS_MONTH, before_key));
      if (++month > 12)
        {
          month = 1;
          year++;
        }
    }
  return chart;
}

static SpChartData *
deadline_chart (SpAnalyticsData *data)
{
  SpChartData *chart = sp_chart_data_new (SP_CHART_SHARE, _("Answered within the deadline"));
  SpStatsFigures *figures[] = { data->report->current, data->report->previous, data->report->last_year };
  SpChartSeries *series = sp_chart_data_add_series (chart, _("Within the deadline"), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_autofree char *label = sp_period_get_label (&figures[i]->period);
      guint index = sp_chart_data_add_label (chart, label, NULL);

      sp_chart_series_set (series, index, sp_stats_figures_within_share (figures[i]));
    }
  return chart;
}

static SpChartData *
assessment_chart (SpAnalyticsData *data)
{
  SpChartData *chart = sp_chart_data_new (SP_CHART_BARS, _("Complaints by assessment"));
  g_autofree char *now = sp_period_get_label (&data->report->current->period);
  g_autofree char *before = sp_period_get_label (&data->report->last_year->period);
  SpChartSeries *current = sp_chart_data_add_series (chart, now, FALSE);
  SpChartSeries *last_year = sp_chart_data_add_series (chart, before, FALSE);
  static const SpAssessment order[] = {
    SP_ASSESSMENT_JUSTIFIED, SP_ASSESSMENT_PARTLY_JUSTIFIED, SP_ASSESSMENT_NOT_JUSTIFIED,
    SP_ASSESSMENT_CANNOT_ASSESS, SP_ASSESSMENT_NOT_ASSESSED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      guint index = sp_chart_data_add_label (chart, sp_enum_get_label (&sp_assessment_info, order[i]),
                                             NULL);

      sp_chart_series_set (current, index, data->report->current->assessment[order[i]]);
      sp_chart_series_set (last_year, index, data->report->last_year->assessment[order[i]]);
    }
  return chart;
}

SpChartData *
sp_analytics_data_chart (SpAnalyticsData *data,
                         const char      *id,
                         SpReference     *names)
{
  g_return_val_if_fail (data != NULL && id != NULL, NULL);

  if (g_str_equal (id, "category"))
    return dimension_chart (data, SP_STATS_CATEGORY, _("Cases by category"), names, TRUE);
  if (g_str_equal (id, "unit"))
    return dimension_chart (data, SP_STATS_UNIT, _("Cases by unit"), names, TRUE);
  if (g_str_equal (id, "channel"))
    /* The case list filters on no channel: its bars lead nowhere. */
    return dimension_chart (data, SP_STATS_CHANNEL, _("Cases by channel"), names, FALSE);
  if (g_str_equal (id, "kind-valence"))
    return kind_valence_chart (data);
  if (g_str_equal (id, "trend"))
    return trend_chart (data);
  if (g_str_equal (id, "deadline"))
    return deadline_chart (data);
  if (g_str_equal (id, "assessment"))
    return assessment_chart (data);
  g_return_val_if_reached (NULL);
}
