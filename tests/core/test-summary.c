/* test-summary.c: the chart scene (layout, clicks, descriptions) and the
 * tertial summary PDF in Swedish and English
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "../sp-test-dir.h"
#include "sp-summary-pdf.h"

static SpChartData *
bars (void)
{
  SpChartData *data = sp_chart_data_new (SP_CHART_BARS, "Cases by category");
  SpChartSeries *now = sp_chart_data_add_series (data, "T2 2025", FALSE);

  sp_chart_data_add_label (data, "Bemötande", "treatment");
  sp_chart_data_add_label (data, "Kvalitet", "quality");
  sp_chart_data_add_label (data, "Övrigt", NULL);
  sp_chart_series_set (now, 0, 30);
  sp_chart_series_set (now, 1, 12);
  return data;
}

static void
test_scene_bars (void)
{
  g_autoptr(SpChartData) data = bars ();
  g_autoptr(SpChartScene) scene = sp_chart_scene_new (data, NULL, 400, 200);
  g_autofree char *description = sp_chart_data_describe (data);
  SpChartShape *bar[3] = { NULL };
  guint texts = 0;

  for (guint i = 0; i < scene->shapes->len; i++)
    {
      SpChartShape *shape = g_ptr_array_index (scene->shapes, i);

      if (shape->kind == SP_CHART_SHAPE_RECT && shape->label >= 0)
        bar[shape->label] = shape;
      if (shape->kind == SP_CHART_SHAPE_TEXT && g_strcmp0 (shape->text, "30") == 0)
        texts++;
    }
  g_assert_nonnull (bar[0]);
  g_assert_nonnull (bar[1]);
  /* The taller bar is taller in proportion; the scale starts at the base. */
  g_assert_cmpfloat_with_epsilon (bar[0]->height / bar[1]->height, 30.0 / 12.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (bar[0]->y + bar[0]->height, bar[1]->y + bar[1]->height, 1e-6);
  g_assert_cmpuint (texts, >=, 1);  /* the value label, and perhaps the scale */
  /* A click inside a bar finds its label; above the plot, nothing. */
  g_assert_cmpint (sp_chart_scene_hit (scene, bar[1]->x + bar[1]->width / 2,
                                       bar[1]->y + bar[1]->height / 2), ==, 1);
  g_assert_cmpint (sp_chart_scene_hit (scene, 1, 1), ==, -1);

  g_assert_cmpstr (description, ==,
                   "Bar chart, Cases by category. Bemötande: 30. Kvalitet: 12. Övrigt: –.");
}

static void
test_scene_line_and_share (void)
{
  g_autoptr(SpChartData) line = sp_chart_data_new (SP_CHART_LINE, "Per month");
  g_autoptr(SpChartData) share = sp_chart_data_new (SP_CHART_SHARE, "Within");
  g_autoptr(SpChartScene) scene = NULL;
  SpChartSeries *now = sp_chart_data_add_series (line, "2025", FALSE);
  SpChartSeries *before = sp_chart_data_add_series (line, "2024", TRUE);
  SpChartSeries *within;
  guint dashed = 0, solid = 0;
  g_autofree char *value = NULL;

  for (guint m = 0; m < 4; m++)
    {
      g_autofree char *key = g_strdup_printf ("2025-%02u", m + 5);

      sp_chart_data_add_label (line, key, key);
      sp_chart_series_set (now, m, m * 3);
      sp_chart_series_set (before, m, 5);
    }
  scene = sp_chart_scene_new (line, NULL, 500, 220);
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      SpChartShape *shape = g_ptr_array_index (scene->shapes, i);

      /* The legend draws a short line of each too. */
      if (shape->kind == SP_CHART_SHAPE_LINE && shape->points->len == 8)
        {
          if (shape->dashed)
            dashed++;
          else
            solid++;
        }
    }
  g_assert_cmpuint (dashed, ==, 1);
  g_assert_cmpuint (solid, ==, 1);
  g_assert_cmpint (sp_chart_scene_hit (scene, 34 + (500 - 34) * 3.5 / 4, 100), ==, 3);

  within = sp_chart_data_add_series (share, "Within", FALSE);
  sp_chart_data_add_label (share, "T2 2025", NULL);
  sp_chart_series_set (within, 0, 0.875);
  value = sp_chart_data_format (share, sp_chart_series_get (within, 0));
  g_assert_cmpstr (value, ==, "88 %");
  g_clear_pointer (&scene, sp_chart_scene_free);
  scene = sp_chart_scene_new (share, NULL, 400, 60);
  g_assert_cmpuint (scene->shapes->len, >, 2);
}

static char *
pdftotext (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autofree char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
test_summary_pdf (void)
{
  g_autofree char *dir = sp_test_dir_new ("summary");
  g_autofree char *db = g_build_filename (dir, "s.db", NULL);
  g_autofree char *sv = g_build_filename (dir, "sv.pdf", NULL);
  g_autofree char *en = g_build_filename (dir, "en.pdf", NULL);
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpStatsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *total = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_chart_data_free);
  SpStatsQuery query = { NULL, { SP_STATS_SCOPE_ORGANISATION, NULL }, SP_DATE_NONE };
  SpPeriod period = sp_period_tertial (sp_date_get_year (sp_date_today ()) - 1, 2);
  SpSummaryDocument doc = { SP_LANGUAGE_SV, "Hässelby-Vällingby stadsdelsförvaltning", NULL };
  guint n_pages = 0;

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      sp_test_remove_dir (dir);
      return;
    }

  store = sp_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (sp_demo_populate (store, 800, 3, &error));
  report = sp_stats_report_compute (store, &query, &period, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->current->total, >, 10);
  total = g_strdup_printf ("%" G_GINT64_FORMAT, report->current->total);

  g_ptr_array_add (ids, "category");
  g_ptr_array_add (charts, bars ());
  /* A unit's compilation of the period (R24), with a long analysis that
   * goes on over a page. */
  {
    SpUnitCompilation *c = sp_unit_compilation_new ();
    g_autoptr(GString) long_text = g_string_new (NULL);

    for (guint i = 0; i < 120; i++)
      g_string_append_printf (long_text, "Rad %u av analysen om maten och bemötandet.\n", i + 1);
    c->unit_id = g_strdup ("00000000-0000-4000-8000-000000000001");
    c->period = sp_period_to_string (&period);
    c->figures = g_strdup ("{\"total\":17,\"complaints\":9,\"deadline\":{\"due\":8,\"within\":6,\"share\":0.75}}");
    c->analysis = g_string_free (g_steal_pointer (&long_text), FALSE);
    c->assessment = g_strdup ("Klagomålen på maten är befogade.");
    c->actions_planned = g_strdup ("Temperaturen mäts vid varje leverans.");
    c->follow_up_on = sp_date_new (2026, 2, 1);
    c->written_by = g_strdup ("Maja Enhetschef");
    c->written_on = sp_date_new (2025, 9, 10);
    doc.compilations = g_ptr_array_new_with_free_func (g_object_unref);
    g_ptr_array_add (doc.compilations, c);
    doc.compilation_units = g_ptr_array_new ();
    g_ptr_array_add (doc.compilation_units, "Hemtjänst Vällingby");
  }
  doc.report = report;
  doc.chart_ids = ids;
  doc.charts = charts;
  doc.made_on = sp_date_new (2026, 12, 2);

  g_assert_true (sp_summary_pdf_write (&doc, sv, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 3);
  text = pdftotext (sv);
  g_assert_nonnull (strstr (text, "Sammanställning av synpunkter"));
  g_assert_nonnull (strstr (text, "Tertial 2"));
  g_assert_nonnull (strstr (text, "Upprättad 2026-12-02"));
  g_assert_nonnull (strstr (text, "Omfattning: Hela organisationen"));
  g_assert_nonnull (strstr (text, "Nyckeltal"));
  g_assert_nonnull (strstr (text, "Ärenden per kategori"));
  g_assert_nonnull (strstr (text, "Mönstersignaler"));
  g_assert_nonnull (strstr (text, "Inga mönstersignaler under perioden."));
  g_assert_nonnull (strstr (text, "Enheternas sammanställningar"));
  g_assert_nonnull (strstr (text, "Hemtjänst Vällingby"));
  g_assert_nonnull (strstr (text, "17 ärenden, 9 klagomål, 75 % besvarade inom tidsfristen."));
  g_assert_nonnull (strstr (text, "Rad 1 av analysen"));
  g_assert_nonnull (strstr (text, "Rad 120 av analysen"));
  g_assert_nonnull (strstr (text, "Bedömning"));
  g_assert_nonnull (strstr (text, "Planerade åtgärder"));
  g_assert_nonnull (strstr (text, "Uppföljning 2026-02-01"));
  g_assert_nonnull (strstr (text, "Upprättad av Maja Enhetschef den 2025-09-10"));
  /* Printing draws the same pages with the same code. */
  {
    cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create (surface);
    double x, y, width, height;

    g_assert_cmpuint (sp_summary_draw_page (&doc, cr, n_pages - 1), ==, n_pages);
    cairo_recording_surface_ink_extents (surface, &x, &y, &width, &height);
    g_assert_cmpfloat (width, >, 100);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
    gboolean found = FALSE;

    for (guint i = 0; lines[i] != NULL; i++)
      if (g_str_has_prefix (g_strstrip (lines[i]), "Antal ärenden"))
        found = strstr (lines[i], total) != NULL;
    g_assert_true (found);
  }
  g_clear_pointer (&text, g_free);

  doc.language = SP_LANGUAGE_EN;
  g_assert_true (sp_summary_pdf_write (&doc, en, NULL, &error));
  text = pdftotext (en);
  g_assert_nonnull (strstr (text, "Summary of feedback"));
  g_assert_nonnull (strstr (text, "Key figures"));
  g_assert_nonnull (strstr (text, "Answered within the deadline"));
  g_assert_null (strstr (text, "Nyckeltal"));
  g_assert_nonnull (strstr (text, "The units' compilations"));
  g_assert_nonnull (strstr (text, "Planned actions"));
  g_clear_pointer (&doc.compilations, g_ptr_array_unref);
  g_clear_pointer (&doc.compilation_units, g_ptr_array_unref);

  /* To look at: SYNPUNKT_SHOT_DIR keeps both. */
  if (g_getenv ("SYNPUNKT_SHOT_DIR") != NULL)
    {
      const char *both[] = { sv, en };

      for (guint i = 0; i < G_N_ELEMENTS (both); i++)
        {
          g_autofree char *kept = g_build_filename (g_getenv ("SYNPUNKT_SHOT_DIR"),
                                                    i == 0 ? "summary-sv.pdf" : "summary-en.pdf", NULL);
          g_autoptr(GFile) from = g_file_new_for_path (both[i]);
          g_autoptr(GFile) to = g_file_new_for_path (kept);

          g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
        }
    }
  sp_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/chart-scene/bars", test_scene_bars);
  g_test_add_func ("/report/chart-scene/line-and-share", test_scene_line_and_share);
  g_test_add_func ("/report/summary-pdf", test_summary_pdf);

  return g_test_run ();
}
