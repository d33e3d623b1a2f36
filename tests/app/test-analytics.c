/* test-analytics.c: quality staff's story in the real window: open
 * Analytics, choose T2 of last year, see the charts, switch one to its
 * table, make the summary PDF (pdftotext shows the key figures in
 * Swedish), export the CSV (strict RFC 4180, no personal data), and a bar
 * opens the case list filtered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "app-test-util.h"
#include "sp-analytics-view.h"
#include "sp-chart.h"
#include "sp-compilation-dialog.h"
#include "sp-summary-pdf.h"
#include "../sp-test-csv.h"

#define N_CASES 3000

/* With SYNPUNKT_SHOT_DIR set, a screenshot of the X display. */
static void
shot (const char *name)
{
  const char *dir = g_getenv ("SYNPUNKT_SHOT_DIR");
  g_autofree char *command = NULL;
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  if (dir == NULL)
    return;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  command = g_strdup_printf ("import -window root %s/%s.png", dir, name);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

static GtkWidget *
find (AppFixture *f,
      const char *id)
{
  return app_test_find_by_id (GTK_WIDGET (f->window), id);
}

static void
activate_sidebar_row (AppFixture *f,
                      const char *view)
{
  GtkWidget *list = find (f, "sidebar_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "view"), view) == 0)
      {
        gtk_widget_activate (row);
        return;
      }
  g_error ("no sidebar row %s", view);
}

static gboolean
shows_period (SpAnalyticsView *view,
              const SpPeriod  *period)
{
  SpAnalyticsData *data = sp_analytics_view_get_data (view);

  return g_strcmp0 (sp_analytics_view_get_state (view), "figures") == 0 && data != NULL &&
         data->period.from == period->from && data->period.to == period->to;
}

static gint64
count_cases (AppFixture      *f,
             const SpPeriod  *period,
             const char      *category)
{
  g_autoptr(SpStore) store = app_fixture_open_store (f);
  g_autoptr(GError) error = NULL;
  SpCaseQuery query;
  gint64 n;

  sp_case_query_init (&query);
  query.from = period->from;
  query.to = period->to;
  query.category = category;
  n = sp_store_count_cases (store, &query, &error);
  g_assert_no_error (error);
  return n;
}

static char *
run_pdftotext (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* Senders' details and free texts of the period's cases: none may be in
 * the export. Short ones could match by chance and are skipped. */
static void
assert_no_personal_data (AppFixture     *f,
                         const SpPeriod *period,
                         const char     *text)
{
  g_autoptr(SpStore) store = app_fixture_open_store (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  SpCaseQuery query;
  guint checked = 0;

  sp_case_query_init (&query);
  query.from = period->from;
  query.to = period->to;
  query.limit = 200;
  cases = sp_store_query_cases (store, &query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    {
      SpCase *kase = g_ptr_array_index (cases, i);
      const char *personal[] = { kase->sender_name, kase->sender_email, kase->sender_phone,
                                 kase->sender_address, kase->description, kase->subject };

      for (guint p = 0; p < G_N_ELEMENTS (personal); p++)
        if (personal[p] != NULL && strlen (personal[p]) >= 8)
          {
            if (strstr (text, personal[p]) != NULL)
              g_error ("the export holds “%s”", personal[p]);
            checked++;
          }
    }
  g_assert_cmpuint (checked, >, 50);
}

static void
test_quality_story (void)
{
  AppFixture fixture = { 0 };
  AppFixture *f = &fixture;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now) - 1;
  SpPeriod t2 = sp_period_tertial (year, 2);
  SpAnalyticsView *view;
  SpChart *chart;
  SpAnalyticsData *data;
  const SpChartData *chart_data;
  g_autofree char *pdf = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  g_autofree char *csv_text = NULL;
  g_autofree char *total = NULL;
  g_autofree char *first_key = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GFile) pdf_file = NULL;
  g_autoptr(GFile) csv_file = NULL;
  SpCaseFilter *filter;
  GtkWidget *table_toggle;

  app_fixture_make_db (f);
  app_fixture_populate (f, N_CASES);
  app_fixture_start (f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  app_fixture_wait_list (f);

  /* Open Analytics from the sidebar. */
  activate_sidebar_row (f, "analytics");
  app_fixture_wait_page (f, "analytics");
  view = SP_ANALYTICS_VIEW (find (f, "analytics-view"));
  APP_TEST_WAIT (g_strcmp0 (sp_analytics_view_get_state (view), "figures") == 0, 60);

  /* T2 of last year, with the period and year pickers. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (f, "period_dropdown")), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (f, "year_spin")), year);
  APP_TEST_WAIT (shows_period (view, &t2), 60);
  data = sp_analytics_view_get_data (view);
  g_assert_cmpint (data->report->current->total, ==, count_cases (f, &t2, NULL));
  g_assert_cmpint (data->report->current->total, >, 100);
  total = g_strdup_printf ("%" G_GINT64_FORMAT, data->report->current->total);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (f, "key-total"))), ==, total);

  /* The charts are drawn: bars with the period's counts. */
  chart = SP_CHART (find (f, "chart-category"));
  APP_TEST_WAIT (sp_chart_get_scene (chart) != NULL && sp_chart_get_scene (chart)->shapes->len > 10, 30);
  chart_data = sp_chart_get_data (chart);
  g_assert_cmpuint (chart_data->labels->len, >, 2);
  first_key = g_strdup (g_ptr_array_index (chart_data->keys, 0));
  g_assert_cmpfloat (sp_chart_series_get (g_ptr_array_index (chart_data->series, 0), 0), ==,
                     count_cases (f, &t2, first_key));
  for (guint i = 0; sp_analytics_chart_ids[i] != NULL; i++)
    {
      g_autofree char *id = g_strconcat ("chart-", sp_analytics_chart_ids[i], NULL);
      SpChart *other = SP_CHART (find (f, id));

      APP_TEST_WAIT (sp_chart_get_scene (other) != NULL, 30);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (other)) || i > 1);
    }
  APP_TEST_WAIT (!gtk_stack_get_transition_running (GTK_STACK (find (f, "content_stack"))), 10);
  shot ("analytics-light");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  shot ("analytics-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Show the chart as a table: its rows are the chart's labels and counts. */
  table_toggle = find (f, "table-toggle-category");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (table_toggle), TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find (f, "chart-stack-category"))), ==,
                   "table");
  {
    GtkGrid *grid = GTK_GRID (find (f, "table-category"));
    GtkWidget *label = gtk_grid_get_child_at (grid, 0, 1);
    GtkWidget *value = gtk_grid_get_child_at (grid, 1, 1);
    g_autofree char *expected = g_strdup_printf ("%.0f", sp_chart_series_get (g_ptr_array_index (chart_data->series, 0), 0));

    APP_TEST_WAIT (gtk_widget_get_mapped (GTK_WIDGET (grid)), 10);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, g_ptr_array_index (chart_data->labels, 0));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (value)), ==, expected);
  }
  shot ("analytics-table");
  if (g_getenv ("SYNPUNKT_SHOT_DIR") != NULL)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (find (f, "analytics_scroller")));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * 0.45);
      shot ("analytics-lower");
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      shot ("analytics-bottom");
      gtk_adjustment_set_value (adjustment, 0);
    }
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (table_toggle), FALSE);

  /* The summary PDF, in Swedish, as the file chooser's Save starts it. */
  pdf = g_build_filename (f->dir, "sammanstallning.pdf", NULL);
  pdf_file = g_file_new_for_path (pdf);
  sp_analytics_view_write_summary (view, pdf_file, SP_LANGUAGE_SV);
  APP_TEST_WAIT (sp_analytics_view_get_written (view) == 1, 60);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  text = run_pdftotext (pdf);
  g_assert_nonnull (strstr (text, "Sammanställning av synpunkter"));
  g_assert_nonnull (strstr (text, "Omfattning: Hela organisationen"));
  {
    g_autofree char *tertial = g_strdup_printf ("Tertial 2, %d (maj–augusti)", year);

    g_assert_nonnull (strstr (text, tertial));
  }
  g_assert_nonnull (strstr (text, "Nyckeltal"));
  g_assert_nonnull (strstr (text, "Antal ärenden"));
  g_assert_nonnull (strstr (text, "Besvarade inom tidsfristen"));
  g_assert_nonnull (strstr (text, "Mönstersignaler"));
  {
    /* The key figure's row: "Antal ärenden   <total>  …" */
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
    const char *first_line = NULL;

    for (guint i = 0; lines[i] != NULL && first_line == NULL; i++)
      if (strstr (lines[i], "Antal ärenden") != NULL)
        first_line = lines[i];

    g_assert_nonnull (strstr (first_line, total));
  }

  /* The CSV, semicolons for a Swedish spreadsheet. */
  csv = g_build_filename (f->dir, "siffror.csv", NULL);
  csv_file = g_file_new_for_path (csv);
  sp_analytics_view_export_csv (view, csv_file, ';');
  APP_TEST_WAIT (sp_analytics_view_get_written (view) == 2, 30);
  g_assert_true (g_file_get_contents (csv, &csv_text, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv_text, "\xEF\xBB\xBF"));
  records = sp_test_csv_read (csv_text, ';');
  g_assert_cmpstr (sp_test_csv_get (records, 1, 0), ==, "summary");
  g_assert_cmpstr (sp_test_csv_get (records, 1, 1), ==, "total");
  g_assert_cmpstr (sp_test_csv_get (records, 1, 2), ==, total);
  assert_no_personal_data (f, &t2, csv_text);

  /* A bar opens the case list filtered to its cases. */
  g_signal_emit_by_name (chart, "activate-label", first_key);
  APP_TEST_WAIT (g_strcmp0 (sp_window_get_view (f->window), "all") == 0, 10);
  app_fixture_wait_list (f);
  filter = sp_case_view_get_filter (sp_window_get_case_view (f->window));
  g_assert_cmpstr (filter->category, ==, first_key);
  g_assert_cmpint (filter->from, ==, t2.from);
  g_assert_cmpint (filter->to, ==, t2.to);
  APP_TEST_WAIT (g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (f))) ==
                 (guint) count_cases (f, &t2, first_key), 30);
  shot ("analytics-bar-opened-list");

  app_fixture_stop (f);
}

/* Closed on Analytics, the window opens on Analytics again. */
static void
test_reopens_on_analytics (void)
{
  AppFixture fixture = { 0 };
  AppFixture *f = &fixture;
  g_autoptr(GSettings) settings = g_settings_new ("se.synpunkt.Synpunkt");
  SpAnalyticsView *view;

  app_fixture_make_db (f);
  app_fixture_populate (f, 200);
  g_settings_set_string (settings, "last-view", "analytics");
  app_fixture_start (f);
  app_fixture_wait_page (f, "analytics");
  g_assert_cmpstr (sp_window_get_view (f->window), ==, "analytics");
  view = SP_ANALYTICS_VIEW (find (f, "analytics-view"));
  APP_TEST_WAIT (g_strcmp0 (sp_analytics_view_get_state (view), "figures") == 0, 60);

  /* Closing remembers it. */
  gtk_window_close (GTK_WINDOW (f->window));
  app_test_flush ();
  {
    g_autofree char *last = g_settings_get_string (settings, "last-view");

    g_assert_cmpstr (last, ==, "analytics");
  }
  g_clear_object (&f->window);
  app_fixture_stop (f);
  g_settings_reset (settings, "last-view");
}

/* Chooses the scope named @name in the view's scope picker. */
static void
choose_scope (AppFixture *f,
              const char *name)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (find (f, "scope_dropdown"));
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  g_error ("no scope %s", name);
}

static void
set_view_text (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static char *
unit_name (AppFixture *f,
           const char *unit_id)
{
  g_autoptr(SpStore) store = app_fixture_open_store (f);
  g_autoptr(SpUnit) unit = sp_store_load (store, SP_TYPE_UNIT, unit_id, NULL);

  g_assert_nonnull (unit);
  return g_strdup (unit->name);
}

static guint
count_compilations (AppFixture *f,
                    const char *unit_id)
{
  g_autoptr(SpStore) store = app_fixture_open_store (f);
  g_autoptr(GPtrArray) found = sp_store_list_unit_compilations (store, unit_id, NULL, NULL);

  return found->len;
}

static GtkWindow *
find_dialog (void)
{
  GList *all = gtk_window_list_toplevels ();
  GtkWindow *dialog = NULL;

  for (GList *l = all; l != NULL; l = l->next)
    if (SP_IS_COMPILATION_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_list_free (all);
  return dialog;
}

static gboolean
has_widget (GtkWidget  *root,
            const char *id)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  app_test_collect_id (root, id, found);
  return found->len == 1;
}

static gboolean
scope_shown (SpAnalyticsView *view,
             const char      *unit_id)
{
  SpAnalyticsData *data = sp_analytics_view_get_data (view);
  g_autofree char *scope = g_strconcat ("unit:", unit_id, NULL);

  return g_strcmp0 (sp_analytics_view_get_state (view), "figures") == 0 && data != NULL &&
         g_strcmp0 (data->scope, scope) == 0;
}

/* The unit manager's compilation of the year (R24): made from the view
 * for the unit and period chosen, refused while planned actions have no
 * follow-up, listed, opened again and edited, in the summary PDF; another
 * unit's is refused and nothing of it is saved. */
static void
test_compilation (void)
{
  AppFixture fixture = { 0 };
  AppFixture *f = &fixture;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now) - 1;
  SpAnalyticsView *view;
  GtkWindow *dialog;
  g_autofree char *unit_id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *other_id = NULL;
  g_autofree char *other_name = NULL;
  g_autofree char *follow_up = g_strdup_printf ("%d-02-01", year + 1);
  g_autofree char *row_name = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) pdf_file = NULL;

  app_fixture_make_db (f);
  app_fixture_populate (f, 600);
  app_fixture_start (f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  app_fixture_wait_list (f);
  {
    g_autoptr(SpStore) store = app_fixture_open_store (f);
    g_autoptr(GPtrArray) units = sp_store_load_where (store, SP_TYPE_UNIT, "kind", "unit", NULL);

    g_assert_cmpuint (units->len, >=, 2);
    unit_id = g_strdup (SP_ENTITY (units->pdata[0])->id);
    other_id = g_strdup (SP_ENTITY (units->pdata[1])->id);
    other_name = g_strdup (SP_UNIT (units->pdata[1])->name);
  }
  /* The local user is the first unit's manager. */
  g_assert_true (app_fixture_set_user_unit (f, unit_id, NULL));
  name = unit_name (f, unit_id);

  activate_sidebar_row (f, "analytics");
  app_fixture_wait_page (f, "analytics");
  view = SP_ANALYTICS_VIEW (find (f, "analytics-view"));
  APP_TEST_WAIT (g_strcmp0 (sp_analytics_view_get_state (view), "figures") == 0, 60);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (f, "period_dropdown")), 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (f, "year_spin")), year);
  choose_scope (f, name);
  APP_TEST_WAIT (scope_shown (view, unit_id), 60);
  g_assert_cmpint (sp_analytics_view_get_data (view)->period.kind, ==, SP_PERIOD_YEAR);
  g_assert_true (gtk_widget_get_visible (find (f, "compilations-empty")));
  g_assert_true (gtk_widget_is_sensitive (find (f, "compilation-button")));

  /* Made from the view: the figures of the unit's year are shown. */
  gtk_widget_activate (find (f, "compilation-button"));
  APP_TEST_WAIT ((dialog = find_dialog ()) != NULL, 10);
  APP_TEST_WAIT (g_strcmp0 (sp_compilation_dialog_get_state (SP_COMPILATION_DIALOG (dialog)), "ready") == 0, 30);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (app_test_find_by_id (GTK_WIDGET (dialog), "figures_label"))),
                   !=, "");
  set_view_text (app_test_find_by_id (GTK_WIDGET (dialog), "analysis_view"),
                 "Klagomålen på maten ökade under året, mest om kylvagnen.");
  set_view_text (app_test_find_by_id (GTK_WIDGET (dialog), "planned_view"),
                 "Temperaturen mäts vid varje leverans.");
  shot ("compilation-dialog");

  /* Planned actions without a follow-up: refused, said, nothing saved. */
  gtk_widget_activate (app_test_find_by_id (GTK_WIDGET (dialog), "save_button"));
  APP_TEST_WAIT (gtk_widget_get_visible (app_test_find_by_id (GTK_WIDGET (dialog), "error_label")) &&
                 g_strcmp0 (sp_compilation_dialog_get_state (SP_COMPILATION_DIALOG (dialog)), "ready") == 0, 30);
  g_assert_cmpuint (count_compilations (f, unit_id), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (app_test_find_by_id (GTK_WIDGET (dialog), "follow_up_row")), follow_up);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate (app_test_find_by_id (GTK_WIDGET (dialog), "save_button"));
  APP_TEST_WAIT (dialog == NULL, 30);
  g_assert_cmpuint (count_compilations (f, unit_id), ==, 1);

  /* Listed; its row opens it again, as it was saved. */
  row_name = g_strconcat ("compilation-", unit_id, NULL);
  APP_TEST_WAIT (scope_shown (view, unit_id) &&
                 has_widget (GTK_WIDGET (f->window), row_name), 30);
  g_assert_false (gtk_widget_get_visible (find (f, "compilations-empty")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find (f, row_name))), ==,
                   "Klagomålen på maten ökade under året, mest om kylvagnen.");
  shot ("compilation-listed");
  g_signal_emit_by_name (find (f, row_name), "activated");
  APP_TEST_WAIT ((dialog = find_dialog ()) != NULL, 10);
  APP_TEST_WAIT (g_strcmp0 (sp_compilation_dialog_get_state (SP_COMPILATION_DIALOG (dialog)), "ready") == 0, 30);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (app_test_find_by_id (GTK_WIDGET (dialog), "follow_up_row"))),
                   ==, follow_up);
  set_view_text (app_test_find_by_id (GTK_WIDGET (dialog), "assessment_view"), "Befogat; bristen gäller leveransen.");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate (app_test_find_by_id (GTK_WIDGET (dialog), "save_button"));
  APP_TEST_WAIT (dialog == NULL, 30);
  {
    g_autoptr(SpStore) store = app_fixture_open_store (f);
    g_autoptr(GPtrArray) found = sp_store_list_unit_compilations (store, unit_id, NULL, NULL);

    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpstr (SP_UNIT_COMPILATION (found->pdata[0])->assessment, ==, "Befogat; bristen gäller leveransen.");
  }

  /* In the annual summary. */
  APP_TEST_WAIT (scope_shown (view, unit_id), 30);
  pdf = g_build_filename (f->dir, "arssammanfattning.pdf", NULL);
  pdf_file = g_file_new_for_path (pdf);
  sp_analytics_view_write_summary (view, pdf_file, SP_LANGUAGE_SV);
  APP_TEST_WAIT (sp_analytics_view_get_written (view) == 1, 60);
  text = run_pdftotext (pdf);
  g_assert_nonnull (strstr (text, "Enheternas sammanställningar"));
  g_assert_nonnull (strstr (text, "Klagomålen på maten ökade under året"));
  g_assert_nonnull (strstr (text, "Befogat; bristen gäller leveransen."));

  /* Printed, by the same drawing code: exported by the print operation
   * to a PDF, in the interface's language. */
  {
    g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
    g_autofree char *printed_text = NULL;
    g_autoptr(GError) error = NULL;
    SpLanguage language = g_str_has_prefix (g_get_language_names ()[0], "sv") ? SP_LANGUAGE_SV
                                                                               : SP_LANGUAGE_EN;

    g_assert_cmpint (sp_analytics_view_print (view, GTK_PRINT_OPERATION_ACTION_EXPORT, printed, &error), ==,
                     GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_no_error (error);
    printed_text = run_pdftotext (printed);
    g_assert_nonnull (strstr (printed_text, sp_summary_phrase (language, "Key figures")));
    g_assert_nonnull (strstr (printed_text, sp_summary_phrase (language, "The units' compilations")));
    g_assert_nonnull (strstr (printed_text, sp_summary_phrase (language, "Pattern signals")));
    g_assert_nonnull (strstr (printed_text, "Klagomålen på maten ökade under året"));
    /* The same pages as the PDF in that language (page breaks are form
     * feeds). */
    {
      g_autofree char *english = g_build_filename (f->dir, "summary-same.pdf", NULL);
      g_autoptr(GFile) english_file = g_file_new_for_path (english);
      g_autofree char *english_text = NULL;
      guint pdf_pages = 0, printed_pages = 0;

      sp_analytics_view_write_summary (view, english_file, language);
      APP_TEST_WAIT (sp_analytics_view_get_written (view) == 2, 60);
      english_text = run_pdftotext (english);
      for (const char *c = english_text; *c; c++)
        pdf_pages += *c == '\f';
      for (const char *c = printed_text; *c; c++)
        printed_pages += *c == '\f';
      g_assert_cmpuint (printed_pages, >=, 3);
      g_assert_cmpuint (printed_pages, ==, pdf_pages);
    }
  }

  /* Another unit's: the store refuses, the dialog says so. */
  choose_scope (f, other_name);
  APP_TEST_WAIT (scope_shown (view, other_id), 60);
  dialog = sp_analytics_view_open_compilation (view);
  g_assert_nonnull (dialog);
  APP_TEST_WAIT (g_strcmp0 (sp_compilation_dialog_get_state (SP_COMPILATION_DIALOG (dialog)), "ready") == 0, 30);
  set_view_text (app_test_find_by_id (GTK_WIDGET (dialog), "analysis_view"), "Inte min enhet.");
  gtk_widget_activate (app_test_find_by_id (GTK_WIDGET (dialog), "save_button"));
  APP_TEST_WAIT (gtk_widget_get_visible (app_test_find_by_id (GTK_WIDGET (dialog), "error_label")) &&
                 g_strcmp0 (sp_compilation_dialog_get_state (SP_COMPILATION_DIALOG (dialog)), "ready") == 0, 30);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (app_test_find_by_id (GTK_WIDGET (dialog), "error_label"))), ==,
                   _("You may write only your own unit's compilation"));
  g_assert_cmpuint (count_compilations (f, other_id), ==, 0);
  gtk_window_destroy (dialog);

  app_fixture_stop (f);
}

int
main (int   argc,
      char *argv[])
{
  /* Screenshots in the language of the environment (SYNPUNKT_LOCALEDIR,
   * LANGUAGE); the checks hold in any. */
  if (g_getenv ("SYNPUNKT_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SYNPUNKT_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (g_getenv ("SYNPUNKT_SHOT_DIR") != NULL)
    setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/analytics/quality-story", test_quality_story);
  g_test_add_func ("/app/analytics/reopens-on-analytics", test_reopens_on_analytics);
  g_test_add_func ("/app/analytics/compilation", test_compilation);

  return g_test_run ();
}
