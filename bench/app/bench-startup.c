/* bench-startup.c: how long the app takes to show the first rows of 100,000 cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures and asserts nothing. The demo database is made once and
 * kept in the build directory, since filling it takes a while.
 * Usage: bench-startup DB-PATH [N-CASES]
 */

#include <glib/gstdio.h>

#include "sp-application.h"
#include "sp-window.h"

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

#define WAIT_FOR(cond) \
  G_STMT_START { \
    gboolean timed_out_ = FALSE; \
    guint id_ = g_timeout_add_seconds (120, timeout_cb, &timed_out_); \
    while (!(cond) && !timed_out_) \
      g_main_context_iteration (NULL, TRUE); \
    if (!timed_out_) \
      g_source_remove (id_); \
    if (!(cond)) \
      g_error ("Timed out waiting for %s", #cond); \
  } G_STMT_END

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gboolean
first_row_loaded (SpCaseListModel *model)
{
  g_autoptr(SpCase) kase = NULL;

  if (!sp_case_list_model_get_loaded (model) || sp_case_list_model_get_loading (model) ||
      g_list_model_get_n_items (G_LIST_MODEL (model)) == 0)
    return FALSE;

  kase = g_list_model_get_item (G_LIST_MODEL (model), 0);
  return !sp_case_is_placeholder (kase);
}

static gboolean
row_loaded (SpCaseListModel *model,
            guint            position)
{
  g_autoptr(SpCase) kase = g_list_model_get_item (G_LIST_MODEL (model), position);

  return !sp_case_is_placeholder (kase);
}

static void
ensure_database (const char *path,
                 guint       n_cases)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  SpCaseQuery query;
  gint64 start, count;

  store = sp_store_open (path, &error);
  g_assert_no_error (error);

  sp_case_query_init (&query);
  count = sp_store_count_cases (store, &query, &error);
  g_assert_no_error (error);
  if (count >= n_cases)
    return;

  start = g_get_monotonic_time ();
  g_assert_true (sp_demo_populate (store, n_cases - (guint) count, 2025, &error));
  g_assert_no_error (error);
  g_print ("# made the demo database: %u cases in %.0f ms\n", n_cases, ms_since (start));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SpApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  SpCaseListModel *model;
  SpCaseView *view;
  SpWindow *window;
  const char *path;
  guint n_cases = 100000;
  gint64 start;
  guint n;

  if (argc < 2)
    {
      g_printerr ("Usage: %s DB-PATH [N-CASES]\n", argv[0]);
      return 1;
    }
  path = argv[1];
  if (argc > 2)
    n_cases = (guint) g_ascii_strtoull (argv[2], NULL, 10);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("# no display: run under xvfb-run\n");
      return 77;
    }

  ensure_database (path, n_cases);
  g_setenv ("SYNPUNKT_DB", path, TRUE);

  /* From creating the application to the first rows on screen. */
  start = g_get_monotonic_time ();
  app = sp_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = SP_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  view = sp_window_get_case_view (window);
  model = sp_case_view_get_model (view);
  WAIT_FOR (first_row_loaded (model) && g_strcmp0 (sp_window_get_page (window), "list") == 0 &&
            gtk_widget_get_mapped (GTK_WIDGET (sp_case_view_get_column_view (view))));
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_print ("start to first rows: %.1f ms (%u cases)\n", ms_since (start), n);

  /* Sorting by subject: a new COUNT and first page in SQL. */
  start = g_get_monotonic_time ();
  {
    GListModel *columns = gtk_column_view_get_columns (sp_case_view_get_column_view (view));
    g_autoptr(GtkColumnViewColumn) subject = g_list_model_get_item (columns, 5);
    gtk_column_view_sort_by_column (sp_case_view_get_column_view (view), subject,
                                    GTK_SORT_ASCENDING);
  }
  WAIT_FOR (first_row_loaded (model));
  g_print ("sort by subject: %.1f ms\n", ms_since (start));

  /* The last page, as when dragging the scrollbar to the end. */
  start = g_get_monotonic_time ();
  {
    g_autoptr(SpCase) last = g_list_model_get_item (G_LIST_MODEL (model), n - 1);
  }
  WAIT_FOR (row_loaded (model, n - 1));
  g_print ("jump to the last row: %.1f ms\n", ms_since (start));

  /* Search as you type (the entry's 150 ms pause included). */
  start = g_get_monotonic_time ();
  gtk_editable_set_text (sp_case_view_get_search_entry (view), "förskolan");
  WAIT_FOR (sp_case_list_model_get_loading (model));
  WAIT_FOR (first_row_loaded (model) || (sp_case_list_model_get_loaded (model) &&
                                         !sp_case_list_model_get_loading (model)));
  g_print ("search \"förskolan\": %.1f ms (%u cases, 150 ms of it the typing pause)\n",
           ms_since (start), g_list_model_get_n_items (G_LIST_MODEL (model)));

  /* A filter: overdue complaints. */
  start = g_get_monotonic_time ();
  gtk_editable_set_text (sp_case_view_get_search_entry (view), "");
  {
    g_autoptr(SpCaseFilter) filter = sp_case_filter_copy (sp_case_view_get_filter (view));
    filter->text = (g_free (filter->text), NULL);
    filter->kinds = 1u << SP_CASE_KIND_COMPLAINT;
    filter->overdue_only = TRUE;
    sp_case_list_model_set_filter (model, filter);
  }
  WAIT_FOR (sp_case_list_model_get_loaded (model) && !sp_case_list_model_get_loading (model));
  g_print ("filter overdue complaints: %.1f ms (%u cases)\n", ms_since (start),
           g_list_model_get_n_items (G_LIST_MODEL (model)));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return 0;
}
