/* bench-analytics.c: quality staff's figures over 1,000,000 cases, the
 * summary PDF, and a chart's redraw on resize
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures and asserts nothing. Arguments: the database (made with
 * the demo district once, then reused) and the number of cases. Run under
 * xvfb-run: meson test --suite bench analytics.
 */

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "sp-analytics-data.h"
#include "sp-chart.h"
#include "sp-summary-pdf.h"

#define REPEATS 3

static double
ms_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

static void
time_figures (SpStore        *store,
              const char     *label,
              const SpPeriod *period)
{
  double best = G_MAXDOUBLE;
  gint64 total = 0;

  for (guint i = 0; i < REPEATS; i++)
    {
      g_autoptr(GError) error = NULL;
      SpStatsQuery query = { NULL, { SP_STATS_SCOPE_ORGANISATION, NULL }, SP_DATE_NONE };
      gint64 start = g_get_monotonic_time ();
      g_autoptr(SpStatsReport) report = sp_stats_report_compute (store, &query, period, &error);

      if (report == NULL)
        {
          printf ("  %s failed: %s\n", label, error->message);
          return;
        }
      best = MIN (best, ms_since (start));
      total = report->current->total;
    }
  printf ("  %-46s %9.1f ms best of %d (%" G_GINT64_FORMAT " cases in the period)\n",
          label, best, REPEATS, total);
}

int
main (int   argc,
      char *argv[])
{
  const char *path = argc > 1 ? argv[1] : "bench-analytics.db";
  guint n_cases = argc > 2 ? (guint) strtoul (argv[2], NULL, 10) : 1000000;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpAnalyticsData) data = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *pdf = NULL;
  SpPeriod year, tertial;
  gint64 start;
  gboolean fresh = !g_file_test (path, G_FILE_TEST_EXISTS);
  GtkWidget *chart;
  double redraw_total = 0, redraw_worst = 0;
  guint n_pages = 0;

  setlocale (LC_ALL, "C.UTF-8");
  gtk_init ();

  if (!(store = sp_store_open (path, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (fresh)
    {
      start = g_get_monotonic_time ();
      if (!sp_demo_populate (store, n_cases, 42, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      printf ("demo: %u cases in %.1f s\n", n_cases, ms_since (start) / 1000.0);
    }

  now = g_date_time_new_now_local ();
  year = sp_period_year (g_date_time_get_year (now) - 1);
  tertial = sp_period_tertial (g_date_time_get_year (now) - 1, 2);
  printf ("statistics on the replica (core, as the app and /api/v1/stats count):\n");
  time_figures (store, "last year, with previous and last year's", &year);
  time_figures (store, "T2 of last year, likewise", &tertial);

  start = g_get_monotonic_time ();
  data = sp_analytics_data_compute (store, &year, "organisation", &error);
  if (data == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  printf ("  %-46s %9.1f ms\n", "the analytics view's job for the year (+signals)", ms_since (start));

  /* The annual summary as PDF. */
  {
    SpSummaryDocument doc = { SP_LANGUAGE_SV, "Hässelby-Vällingby", NULL, data->report, data->signals,
                              g_ptr_array_new_with_free_func (g_free), g_ptr_array_new (),
                              g_ptr_array_new_with_free_func ((GDestroyNotify) sp_chart_data_free),
                              sp_date_today () };
    g_autofree char *dir = g_dir_make_tmp ("synpunkt-bench-XXXXXX", NULL);

    for (guint i = 0; data->signals && i < data->signals->len; i++)
      g_ptr_array_add (doc.signal_names, g_strdup (((SpStatsSignal *) g_ptr_array_index (data->signals, i))->key));
    for (guint i = 0; sp_analytics_chart_ids[i] != NULL; i++)
      {
        g_ptr_array_add (doc.chart_ids, (gpointer) sp_analytics_chart_ids[i]);
        g_ptr_array_add (doc.charts, sp_analytics_data_chart (data, sp_analytics_chart_ids[i], NULL));
      }
    pdf = g_build_filename (dir, "summary.pdf", NULL);
    start = g_get_monotonic_time ();
    if (!sp_summary_pdf_write (&doc, pdf, &n_pages, &error))
      g_printerr ("%s\n", error->message);
    printf ("annual summary PDF: %u pages in %.1f ms\n", n_pages, ms_since (start));
    g_unlink (pdf);
    g_rmdir (dir);
    g_ptr_array_unref (doc.signal_names);
    g_ptr_array_unref (doc.chart_ids);
    g_ptr_array_unref (doc.charts);
  }

  /* A chart laid out and drawn at 50 sizes, as a resize does. */
  chart = g_object_ref_sink (sp_chart_new ());
  sp_chart_set_data (SP_CHART (chart), sp_analytics_data_chart (data, "trend", NULL));
  for (guint i = 0; i < 50; i++)
    {
      double elapsed;

      start = g_get_monotonic_time ();
      sp_chart_render_at (SP_CHART (chart), 600 + (int) i * 8, 240 + (int) i * 2);
      elapsed = ms_since (start);
      redraw_total += elapsed;
      redraw_worst = MAX (redraw_worst, elapsed);
    }
  printf ("chart redraw on resize (lay out + snapshot): %.2f ms mean, %.2f ms worst of 50\n",
          redraw_total / 50, redraw_worst);
  g_object_unref (chart);
  return 0;
}
