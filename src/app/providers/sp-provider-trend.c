/* sp-provider-trend.c: the provider page's trend chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The numbers come from sp_provider_figures_compute(), counted in the
 * store worker with the page's other figures; this only names the months
 * ("Jul 2025", in the user's language) for SpChart.
 */

#include <glib/gi18n.h>

#include "sp-provider-trend.h"

SpChartData *
sp_provider_trend_data (const SpProviderFigures *figures)
{
  SpChartData *chart = sp_chart_data_new (SP_CHART_BARS, _("Cases per month, the last twelve months"));
  SpChartSeries *series = sp_chart_data_add_series (chart, _("Cases received"), FALSE);

  g_return_val_if_fail (figures != NULL, chart);

  for (guint i = 0; i < SP_PROVIDER_N_MONTHS; i++)
    {
      SpDate start = figures->month_starts[i];
      g_autoptr(GDateTime) first = g_date_time_new_utc (sp_date_get_year (start), sp_date_get_month (start),
                                                        1, 0, 0, 0);
      g_autofree char *label = g_date_time_format (first, "%b %Y");
      char key[8];
      guint index;

      g_snprintf (key, sizeof key, "%04d-%02d", sp_date_get_year (start), sp_date_get_month (start));
      index = sp_chart_data_add_label (chart, label, key);
      sp_chart_series_set (series, index, figures->month_counts[i]);
    }
  return chart;
}
