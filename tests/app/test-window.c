/* test-window.c: the main window on an empty and on a demo database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * These build the real application and window on a real SQLite file and
 * read what the widgets show: the page, the list model's rows, the sidebar
 * counts. The expected rows come from a store of the test's own.
 */

#include <glib/gi18n.h>
#include <string.h>

#include "app-test-util.h"
#include "sp-account-page.h"
#include "sp-case-cell.h"
#include "sp-case-page.h"
#include "sp-intake-dialog.h"

#define N_DEMO 600

static GtkColumnView *
column_view (AppFixture *fixture)
{
  return sp_case_view_get_column_view (sp_window_get_case_view (fixture->window));
}

/* The ids the store gives for @query's first @n rows. */
static GPtrArray *
expected_ids (AppFixture  *fixture,
              SpCaseQuery *query,
              guint        n)
{
  g_autoptr(SpStore) store = app_fixture_open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  query->limit = n;
  cases = sp_store_query_cases (store, query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    g_ptr_array_add (ids, g_strdup (SP_ENTITY (g_ptr_array_index (cases, i))->id));

  return ids;
}

static gint64
expected_count (AppFixture  *fixture,
                SpCaseQuery *query)
{
  g_autoptr(SpStore) store = app_fixture_open_store (fixture);
  g_autoptr(GError) error = NULL;
  gint64 n = sp_store_count_cases (store, query, &error);

  g_assert_no_error (error);
  return n;
}

static void
assert_rows_are (AppFixture *fixture,
                 GPtrArray  *ids)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(SpCase) kase = app_fixture_get_case (fixture, i);
      g_assert_cmpstr (SP_ENTITY (kase)->id, ==, g_ptr_array_index (ids, i));
    }
}

static guint
visible_columns (AppFixture *fixture)
{
  GListModel *columns = gtk_column_view_get_columns (column_view (fixture));
  guint visible = 0;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      visible += gtk_column_view_column_get_visible (column);
    }

  return visible;
}

static AdwPreferencesWindow *
find_preferences (void)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_PREFERENCES_WINDOW (window))
        return ADW_PREFERENCES_WINDOW (window);
    }
  return NULL;
}

static void
test_empty_database (void)
{
  AppFixture fixture = { 0 };
  AdwPreferencesWindow *preferences = NULL;
  GtkWidget *connect;

  app_fixture_make_db (&fixture);
  app_fixture_start (&fixture);

  /* A new, empty database offers a server, demo data or an empty start. */
  app_fixture_wait_page (&fixture, "first-run");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture.window)));
  connect = app_test_find_by_id (GTK_WIDGET (fixture.window), "connect_button");
  g_assert_nonnull (connect);
  g_assert_true (gtk_widget_is_sensitive (connect));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (connect)), ==, "app.log-in");
  g_assert_nonnull (app_test_find_by_id (GTK_WIDGET (fixture.window), "demo_button"));
  g_assert_nonnull (app_test_find_by_id (GTK_WIDGET (fixture.window), "start_empty_button"));

  /* Connecting opens the Server page of the preferences. */
  g_signal_emit_by_name (connect, "clicked");
  APP_TEST_WAIT ((preferences = find_preferences ()) != NULL, 30);
  g_assert_true (SP_IS_ACCOUNT_PAGE (adw_preferences_window_get_visible_page (preferences)));
  gtk_window_destroy (GTK_WINDOW (preferences));

  /* Starting empty shows the list's own empty state. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.start-empty", NULL);
  app_fixture_wait_page (&fixture, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture))), ==, 0);

  /* The local user was made on the first start, with every role. */
  g_assert_nonnull (sp_application_get_actor (fixture.app));
  g_assert_cmpuint (sp_application_get_actor (fixture.app)->roles, ==, (1u << SP_N_ROLES) - 1);

  app_fixture_stop (&fixture);
}

static void
test_fill_demo (void)
{
  AppFixture fixture = { 0 };
  SpCaseQuery query;

  app_fixture_make_db (&fixture);
  app_fixture_start (&fixture);
  app_fixture_wait_page (&fixture, "first-run");

  sp_window_fill_demo (fixture.window, 1500);
  g_assert_cmpstr (app_fixture_page (&fixture), ==, "filling");
  /* The page says how far the fill has come, in counts grouped as the
   * language writes them. */
  {
    AdwStatusPage *filling = ADW_STATUS_PAGE (app_test_find_by_id (GTK_WIDGET (fixture.window),
                                                                   "filling_page"));

    APP_TEST_WAIT (strstr (adw_status_page_get_description (filling), " of 1,500 demo cases made") != NULL ||
                   g_strcmp0 (app_fixture_page (&fixture), "list") == 0, 60);
  }
  app_fixture_wait_page (&fixture, "list");
  app_fixture_wait_list (&fixture);
  g_assert_cmpuint (sp_context_get_demo_done (sp_application_get_context (fixture.app)), ==, 1500);

  sp_case_query_init (&query);
  g_assert_cmpint (expected_count (&fixture, &query), ==, 1500);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture))), ==, 1500);
  g_assert_cmpstr (sp_window_get_subtitle (fixture.window), ==, "1,500 cases");

  /* The local user works in the demo's busiest unit: My Cases has cases. */
  g_assert_nonnull (sp_application_get_user (fixture.app)->unit_id);
  APP_TEST_WAIT (sp_window_get_view_count (fixture.window, "mine") > 0, 30);

  /* A second fill never mixes demo cases into existing ones. */
  sp_window_fill_demo (fixture.window, 150);
  app_fixture_wait_page (&fixture, "list");
  app_fixture_wait_list (&fixture);
  g_assert_cmpint (expected_count (&fixture, &query), ==, 1500);

  app_fixture_stop (&fixture);
}

static void
test_demo_database (void)
{
  AppFixture fixture = { 0 };
  g_autoptr(GPtrArray) ids = NULL;
  SpCaseQuery query;

  app_fixture_make_db (&fixture);
  app_fixture_populate (&fixture, N_DEMO);
  app_fixture_start (&fixture);

  app_fixture_wait_page (&fixture, "list");
  app_fixture_wait_list (&fixture);

  /* At 1,200 px all but the least needed columns show (kind and category
   * go, so that the subject keeps its share). */
  APP_TEST_WAIT (visible_columns (&fixture) == 6, 30);
  g_assert_cmpstr (sp_window_get_view (fixture.window), ==, "all");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture))), ==, N_DEMO);

  /* All cases: the most recently received first, as the store says. */
  sp_case_query_init (&query);
  query.sort = SP_CASE_SORT_RECEIVED_ON;
  query.descending = TRUE;
  ids = expected_ids (&fixture, &query, 40);
  assert_rows_are (&fixture, ids);

  /* The cells (GtkBuilderListItemFactory templates of the .ui) show the
   * first row's case as the store has it. */
  {
    g_autoptr(SpCase) first = app_fixture_get_case (&fixture, 0);
    g_autoptr(GPtrArray) cells = g_ptr_array_new ();
    g_autofree char *received = sp_date_to_string (first->received_on);
    guint n_found = 0;

    APP_TEST_WAIT ((g_ptr_array_set_size (cells, 0),
                    app_test_collect (GTK_WIDGET (fixture.window), SP_TYPE_CASE_CELL, cells),
                    cells->len >= 6 * 10), 30);
    for (guint i = 0; i < cells->len; i++)
      {
        SpCaseCell *cell = g_ptr_array_index (cells, i);
        g_autofree char *column = NULL;

        if (sp_case_cell_get_case (cell) == NULL ||
            g_strcmp0 (SP_ENTITY (sp_case_cell_get_case (cell))->id, SP_ENTITY (first)->id) != 0)
          continue;
        g_object_get (cell, "column", &column, NULL);
        if (g_str_equal (column, "subject"))
          g_assert_cmpstr (sp_case_cell_get_text (cell), ==, first->subject);
        else if (g_str_equal (column, "received"))
          g_assert_cmpstr (sp_case_cell_get_text (cell), ==, received);
        else if (g_str_equal (column, "diary"))
          g_assert_cmpstr (sp_case_cell_get_text (cell), ==,
                           first->diary_number ? first->diary_number : "Not registered");
        else if (g_str_equal (column, "status"))
          g_assert_cmpstr (sp_case_cell_get_text (cell), ==,
                           sp_enum_get_label (&sp_status_info, first->status));
        n_found++;
      }
    /* One cell in each column shown. */
    g_assert_cmpuint (n_found, ==, visible_columns (&fixture));
  }

  /* Rows far down arrive as their page is read. */
  {
    g_autoptr(SpCase) last = app_fixture_get_case (&fixture, N_DEMO - 1);
    g_assert_nonnull (SP_ENTITY (last)->id);
  }

  /* The sidebar counts every case. */
  APP_TEST_WAIT (sp_window_get_view_count (fixture.window, "all") >= 0, 30);
  g_assert_cmpint (sp_window_get_view_count (fixture.window, "all"), ==, N_DEMO);

  app_fixture_stop (&fixture);
}

/* Sorts by the column titled @title, which the window shows. */
static void
sort_by (AppFixture      *fixture,
         const char      *title,
         GtkSortType      direction)
{
  GListModel *columns = gtk_column_view_get_columns (column_view (fixture));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (col), title) == 0)
        {
          gtk_column_view_sort_by_column (column_view (fixture), col, direction);
          app_fixture_wait_list (fixture);
          return;
        }
    }
  g_error ("No column “%s” shown", title);
}

static void
test_scrolling (void)
{
  AppFixture fixture = { 0 };
  SpCaseView *view;
  GtkAdjustment *adjustment;

  app_fixture_make_db (&fixture);
  app_fixture_populate (&fixture, 3000);
  app_fixture_start (&fixture);
  app_fixture_wait_page (&fixture, "list");
  app_fixture_wait_list (&fixture);
  view = sp_window_get_case_view (fixture.window);

  /* Every bound row gets its case once its page arrives. */
  APP_TEST_WAIT (sp_case_view_count_bound_rows (view) > 0 &&
                 sp_case_view_count_waiting_rows (view) == 0, 30);

  /* Far down the list: the rows there are read and shown. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view (&fixture)));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * 0.6);
  app_test_flush ();
  APP_TEST_WAIT (sp_case_view_count_waiting_rows (view) == 0, 30);

  /* A new sort there: the rows shown are read again, not left waiting. */
  sort_by (&fixture, "Subject", GTK_SORT_ASCENDING);
  app_test_flush ();
  APP_TEST_WAIT (sp_case_view_count_waiting_rows (view) == 0, 30);
  g_assert_cmpuint (sp_case_view_count_bound_rows (view), >, 0);

  app_fixture_stop (&fixture);
}

static void
test_sorting (void)
{
  AppFixture fixture = { 0 };
  g_autoptr(GPtrArray) ascending = NULL;
  g_autoptr(GPtrArray) descending = NULL;
  g_autoptr(GPtrArray) by_due = NULL;
  SpCaseQuery query;

  app_fixture_make_db (&fixture);
  app_fixture_populate (&fixture, N_DEMO);
  app_fixture_start (&fixture);
  app_fixture_wait_page (&fixture, "list");
  app_fixture_wait_list (&fixture);

  sort_by (&fixture, "Subject", GTK_SORT_ASCENDING);
  g_assert_cmpint (sp_case_view_get_filter (sp_window_get_case_view (fixture.window))->sort, ==,
                   SP_CASE_SORT_SUBJECT);
  sp_case_query_init (&query);
  query.sort = SP_CASE_SORT_SUBJECT;
  query.descending = FALSE;
  ascending = expected_ids (&fixture, &query, 30);
  assert_rows_are (&fixture, ascending);

  sort_by (&fixture, "Subject", GTK_SORT_DESCENDING);
  sp_case_query_init (&query);
  query.sort = SP_CASE_SORT_SUBJECT;
  query.descending = TRUE;
  descending = expected_ids (&fixture, &query, 30);
  assert_rows_are (&fixture, descending);
  g_assert_cmpstr (g_ptr_array_index (ascending, 0), !=, g_ptr_array_index (descending, 0));

  sort_by (&fixture, "Deadline", GTK_SORT_ASCENDING);
  sp_case_query_init (&query);
  query.sort = SP_CASE_SORT_DUE_ON;
  query.descending = FALSE;
  by_due = expected_ids (&fixture, &query, 30);
  assert_rows_are (&fixture, by_due);

  /* Every column shown sorts: each one's first row is the store's. */
  {
    static const struct { const char *title; SpCaseSort sort; } sorts[] = {
      { "Diary No.", SP_CASE_SORT_DIARY_NUMBER }, { "Received", SP_CASE_SORT_RECEIVED_ON },
      { "Kind", SP_CASE_SORT_KIND }, { "Category", SP_CASE_SORT_CATEGORY },
      { "Unit or Provider", SP_CASE_SORT_UNIT }, { "Subject", SP_CASE_SORT_SUBJECT },
      { "Status", SP_CASE_SORT_STATUS }, { "Deadline", SP_CASE_SORT_DUE_ON },
    };
    GListModel *columns = gtk_column_view_get_columns (column_view (&fixture));
    guint n_sorted = 0;

    for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
      {
        g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (columns, c);
        const char *title = gtk_column_view_column_get_title (col);

        for (guint k = 0; k < G_N_ELEMENTS (sorts); k++)
          {
            g_autoptr(GPtrArray) ids = NULL;

            if (g_strcmp0 (sorts[k].title, title) != 0)
              continue;
            sort_by (&fixture, title, GTK_SORT_DESCENDING);
            sp_case_query_init (&query);
            query.sort = sorts[k].sort;
            query.descending = TRUE;
            ids = expected_ids (&fixture, &query, 5);
            assert_rows_are (&fixture, ids);
            n_sorted++;
          }
      }
    g_assert_cmpuint (n_sorted, ==, g_list_model_get_n_items (columns));
  }

  app_fixture_stop (&fixture);
}

static void
assert_all_rows (AppFixture *fixture,
                 gboolean  (*check) (SpCase *kase))
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (fixture)));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpCase) kase = app_fixture_get_case (fixture, i);
      g_assert_true (check (kase));
    }
}

static gboolean
is_complaint (SpCase *kase)
{
  return kase->kind == SP_CASE_KIND_COMPLAINT;
}

static gboolean
is_overdue_complaint (SpCase *kase)
{
  return kase->kind == SP_CASE_KIND_COMPLAINT && kase->overdue;
}

static gboolean
is_registered (SpCase *kase)
{
  return kase->diary_number != NULL;
}

static void
test_filtering (void)
{
  AppFixture fixture = { 0 };
  SpCaseView *view;
  SpFilterBar *bar;
  GtkWidget *kind_dropdown = NULL;
  GtkWidget *overdue_button = NULL;
  SpCaseQuery query;
  guint n_all, n_complaints, n_overdue;

  app_fixture_make_db (&fixture);
  app_fixture_populate (&fixture, N_DEMO);
  app_fixture_start (&fixture);
  app_fixture_wait_page (&fixture, "list");
  app_fixture_wait_list (&fixture);

  view = sp_window_get_case_view (fixture.window);
  bar = sp_case_view_get_filter_bar (view);
  n_all = g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture)));

  /* The filter button shows the bar. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.show-filters", NULL);
  g_assert_true (gtk_revealer_get_reveal_child (sp_case_view_get_filter_revealer (view)));

  /* The bar's widgets, found by their ids; the toggle button is the one
   * a user sees labelled "Overdue". */
  kind_dropdown = app_test_find_by_id (GTK_WIDGET (bar), "kind_dropdown");
  overdue_button = app_test_find_by_id (GTK_WIDGET (bar), "overdue_button");
  g_assert_true (GTK_IS_DROP_DOWN (kind_dropdown));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (overdue_button)), ==, "_Overdue");

  /* Kind: complaints. Entry 0 is "any"; then the kinds in order. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind_dropdown), 1 + SP_CASE_KIND_COMPLAINT);
  app_fixture_wait_list (&fixture);
  n_complaints = g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture)));
  sp_case_query_init (&query);
  query.kinds = 1u << SP_CASE_KIND_COMPLAINT;
  g_assert_cmpint (n_complaints, ==, expected_count (&fixture, &query));
  g_assert_cmpuint (n_complaints, <, n_all);
  g_assert_cmpuint (n_complaints, >, 0);
  assert_all_rows (&fixture, is_complaint);

  /* Channel, area and positive-or-negative filter the same way (the
   * demo has cases by phone in elderly care). */
  {
    GtkWidget *channel = app_test_find_by_id (GTK_WIDGET (bar), "channel_dropdown");
    GtkWidget *area = app_test_find_by_id (GTK_WIDGET (bar), "area_dropdown");
    GtkWidget *valence = app_test_find_by_id (GTK_WIDGET (bar), "valence_dropdown");
    SpCaseQuery narrowed;
    guint n;

    gtk_drop_down_set_selected (GTK_DROP_DOWN (channel), 1 + SP_CHANNEL_PHONE);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (area), 1 + SP_AREA_ELDERLY_CARE);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (valence), 1 + SP_VALENCE_NEGATIVE);
    app_fixture_wait_list (&fixture);
    n = g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture)));
    narrowed = query;
    narrowed.channels = 1u << SP_CHANNEL_PHONE;
    narrowed.areas = 1u << SP_AREA_ELDERLY_CARE;
    narrowed.valences = 1u << SP_VALENCE_NEGATIVE;
    g_assert_cmpint (n, ==, expected_count (&fixture, &narrowed));
    g_assert_cmpuint (n, <, n_complaints);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(SpCase) kase = app_fixture_get_case (&fixture, i);

        g_assert_cmpint (kase->channel, ==, SP_CHANNEL_PHONE);
        g_assert_cmpint (kase->area, ==, SP_AREA_ELDERLY_CARE);
      }

    gtk_drop_down_set_selected (GTK_DROP_DOWN (channel), 0);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (area), 0);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (valence), 0);
    app_fixture_wait_list (&fixture);

    /* Escalated: the complaints whose investigation reported a lex Sarah. */
    {
      GtkWidget *escalation = app_test_find_by_id (GTK_WIDGET (bar), "escalation_dropdown");

      gtk_drop_down_set_selected (GTK_DROP_DOWN (escalation), 1 + SP_ESCALATION_LEX_SARAH);
      app_fixture_wait_list (&fixture);
      narrowed = query;
      narrowed.escalations = 1u << SP_ESCALATION_LEX_SARAH;
      g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture))), ==,
                       expected_count (&fixture, &narrowed));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture))), <,
                        n_complaints);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (escalation), 0);
      app_fixture_wait_list (&fixture);
    }
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture))), ==,
                      n_complaints);
  }

  /* And overdue. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (overdue_button), TRUE);
  app_fixture_wait_list (&fixture);
  n_overdue = g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture)));
  query.overdue_only = TRUE;
  g_assert_cmpint (n_overdue, ==, expected_count (&fixture, &query));
  g_assert_cmpuint (n_overdue, <, n_complaints);
  assert_all_rows (&fixture, is_overdue_complaint);

  /* Saving the filter adds it to the sidebar with its count. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (sp_window_save_filter (fixture.window, "   ", &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
    g_clear_error (&error);

    g_assert_false (sp_window_save_filter (fixture.window,
                                           "A name far too long for a sidebar, it goes on and on and on and on "
                                           "and on", &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
    g_clear_error (&error);

    g_assert_true (sp_window_save_filter (fixture.window, "Overdue complaints", &error));
    g_assert_no_error (error);
    g_assert_cmpstr (sp_window_get_view (fixture.window), ==, "saved:Overdue complaints");
    APP_TEST_WAIT (sp_window_get_view_count (fixture.window, "saved:Overdue complaints") >= 0, 30);
    g_assert_cmpint (sp_window_get_view_count (fixture.window, "saved:Overdue complaints"), ==,
                     n_overdue);
  }

  /* Back to all cases, then the saved filter again brings its criteria. */
  sp_window_set_view (fixture.window, "all");
  app_fixture_wait_list (&fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture))), ==, n_all);
  sp_window_set_view (fixture.window, "saved:Overdue complaints");
  app_fixture_wait_list (&fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture))), ==,
                    n_overdue);

  sp_window_remove_saved_filter (fixture.window, "Overdue complaints");
  g_assert_cmpstr (sp_window_get_view (fixture.window), ==, "all");

  /* The diary: registered cases only. */
  sp_window_set_view (fixture.window, "diary");
  app_fixture_wait_list (&fixture);
  sp_case_query_init (&query);
  query.registered_only = TRUE;
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture))), ==,
                   expected_count (&fixture, &query));
  assert_all_rows (&fixture, is_registered);

  app_fixture_stop (&fixture);
}

static void
test_search (void)
{
  AppFixture fixture = { 0 };
  g_autoptr(SpCase) first = NULL;
  g_auto(GStrv) words = NULL;
  const char *word = NULL;
  GtkEditable *entry;
  SpCaseQuery query;
  guint n_all, n_found;

  app_fixture_make_db (&fixture);
  app_fixture_populate (&fixture, N_DEMO);
  app_fixture_start (&fixture);
  app_fixture_wait_page (&fixture, "list");
  app_fixture_wait_list (&fixture);
  n_all = g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture)));

  /* Search for a word of the first case's subject. */
  first = app_fixture_get_case (&fixture, 0);
  words = g_strsplit (first->subject, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (g_utf8_strlen (words[i], -1) >= 5)
      {
        word = words[i];
        break;
      }
  g_assert_nonnull (word);

  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.search", NULL);
  entry = sp_case_view_get_search_entry (sp_window_get_case_view (fixture.window));
  gtk_editable_set_text (entry, word);

  /* The search waits for typing to pause, then reads in the background. */
  APP_TEST_WAIT (g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture))) != n_all,
                 30);
  app_fixture_wait_list (&fixture);
  n_found = g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture)));
  sp_case_query_init (&query);
  query.text = word;
  g_assert_cmpint (n_found, ==, expected_count (&fixture, &query));
  g_assert_cmpuint (sp_case_list_model_find (app_fixture_model (&fixture), SP_ENTITY (first)->id),
                    !=, G_MAXUINT);

  /* Nothing matches: the empty state says so. */
  gtk_editable_set_text (entry, "qqxyzzyqq");
  app_fixture_wait_page (&fixture, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture))), ==, 0);

  /* Characters that mean something to FTS or SQL are just text. */
  gtk_editable_set_text (entry, "\"'); DROP TABLE cases; -- *");
  APP_TEST_WAIT (g_strcmp0 (app_fixture_page (&fixture), "loading") != 0, 30);
  app_fixture_wait_list (&fixture);
  gtk_editable_set_text (entry, "");
  app_fixture_wait_page (&fixture, "list");
  app_fixture_wait_list (&fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture))), ==, n_all);

  app_fixture_stop (&fixture);
}

static void
test_my_cases (void)
{
  AppFixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  SpUnit *unit = NULL;
  SpCaseQuery query;
  guint n;

  app_fixture_make_db (&fixture);
  app_fixture_populate (&fixture, N_DEMO);
  app_fixture_start (&fixture);
  app_fixture_wait_page (&fixture, "list");
  app_fixture_wait_list (&fixture);

  /* Pick the unit of the newest case as the local user's unit. */
  {
    g_autoptr(SpCase) kase = NULL;
    guint i = 0;

    do
      {
        g_clear_object (&kase);
        kase = app_fixture_get_case (&fixture, i++);
        g_assert_nonnull (kase);
      }
    while (kase->unit_id == NULL);

    g_assert_true (app_fixture_set_user_unit (&fixture, kase->unit_id, &error));
    g_assert_no_error (error);
    (void) unit;
  }

  sp_window_set_view (fixture.window, "mine");
  app_fixture_wait_list (&fixture);
  n = g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture)));
  g_assert_cmpuint (n, >, 0);

  sp_case_query_init (&query);
  query.mine_user_id = sp_application_get_actor (fixture.app)->user_id;
  query.mine_unit_id = sp_application_get_user (fixture.app)->unit_id;
  query.statuses = SP_CASE_FILTER_OPEN_STATUSES;  /* the view's own */
  g_assert_cmpint (n, ==, expected_count (&fixture, &query));

  /* Nearest deadline first. */
  {
    g_autoptr(SpCase) a = app_fixture_get_case (&fixture, 0);
    g_autoptr(SpCase) b = app_fixture_get_case (&fixture, n - 1);
    g_assert_cmpuint (a->due_on, <=, b->due_on);
    g_assert_true (sp_status_is_open (a->status));
  }

  app_fixture_stop (&fixture);
}

/* The sidebar's My Cases tells in red how many of them are overdue. */
static void
test_overdue_badge (void)
{
  AppFixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) overdue_cases = NULL;
  g_autofree char *text = NULL;
  GtkWidget *badge;
  SpCaseQuery query;
  gint64 overdue;

  app_fixture_make_db (&fixture);
  app_fixture_populate (&fixture, N_DEMO);
  app_fixture_start (&fixture);
  app_fixture_wait_page (&fixture, "list");
  app_fixture_wait_list (&fixture);

  /* The local user works in the unit of an overdue case. */
  {
    g_autoptr(SpStore) store = app_fixture_open_store (&fixture);

    sp_case_query_init (&query);
    query.overdue_only = TRUE;
    query.limit = 50;
    overdue_cases = sp_store_query_cases (store, &query, &error);
    g_assert_no_error (error);
  }
  for (guint i = 0; i < overdue_cases->len; i++)
    {
      SpCase *kase = g_ptr_array_index (overdue_cases, i);

      if (kase->unit_id == NULL)
        continue;
      g_assert_true (app_fixture_set_user_unit (&fixture, kase->unit_id, &error));
      g_assert_no_error (error);
      break;
    }
  g_assert_nonnull (sp_application_get_user (fixture.app)->unit_id);

  sp_case_query_init (&query);
  query.mine_user_id = sp_application_get_actor (fixture.app)->user_id;
  query.mine_unit_id = sp_application_get_user (fixture.app)->unit_id;
  query.statuses = SP_CASE_FILTER_OPEN_STATUSES;
  query.overdue_only = TRUE;
  overdue = expected_count (&fixture, &query);
  g_assert_cmpint (overdue, >, 0);

  badge = app_test_find_by_id (GTK_WIDGET (fixture.window), "sidebar-overdue-badge");
  APP_TEST_WAIT (sp_window_get_view_count (fixture.window, "mine:overdue") == overdue, 30);
  text = g_strdup_printf ("%" G_GINT64_FORMAT, overdue);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, text);
  g_assert_true (gtk_widget_get_visible (badge));
  g_assert_true (gtk_widget_has_css_class (badge, "sidebar-overdue"));
  /* and fewer than all of My Cases */
  query.overdue_only = FALSE;
  g_assert_cmpint (overdue, <, expected_count (&fixture, &query));

  app_fixture_stop (&fixture);
}

static gboolean
is_open (SpCase *kase)
{
  return sp_status_is_open (kase->status);
}

/* The sidebar's row of @view, or NULL. */
static GtkListBoxRow *
sidebar_row (AppFixture *fixture,
             const char *view)
{
  GtkWidget *list = app_test_find_by_id (GTK_WIDGET (fixture->window), "sidebar_list");

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "view"), view) == 0)
      return GTK_LIST_BOX_ROW (child);

  return NULL;
}

static gboolean
sidebar_has (AppFixture *fixture,
             const char *view)
{
  return sidebar_row (fixture, view) != NULL;
}

/* Moving through the sidebar with the keyboard only moves the highlight;
 * activating a row shows its view, and the highlight follows the view. */
static void
test_sidebar_keyboard (void)
{
  AppFixture fixture = { 0 };
  GtkListBox *list;
  GtkListBoxRow *diary;

  app_fixture_make_db (&fixture);
  app_fixture_populate (&fixture, 50);
  app_fixture_start (&fixture);
  app_fixture_wait_page (&fixture, "list");
  g_assert_cmpstr (sp_window_get_view (fixture.window), ==, "all");

  list = GTK_LIST_BOX (app_test_find_by_id (GTK_WIDGET (fixture.window), "sidebar_list"));
  diary = sidebar_row (&fixture, "diary");
  g_assert_nonnull (diary);

  /* What the arrow keys do in a browse list box. */
  gtk_list_box_select_row (list, diary);
  app_test_flush ();
  g_assert_cmpstr (sp_window_get_view (fixture.window), ==, "all");

  /* Enter, Space or a click. */
  g_signal_emit_by_name (list, "row-activated", diary);
  app_test_flush ();
  g_assert_cmpstr (sp_window_get_view (fixture.window), ==, "diary");
  g_assert_true (gtk_list_box_get_selected_row (list) == diary);

  app_fixture_stop (&fixture);
}

/* The sidebar offers what the user's roles are for: a unit manager has
 * no registration queue and no provider register. */
static void
test_sidebar_roles (void)
{
  AppFixture fixture = { 0 };

  app_fixture_make_db (&fixture);
  app_fixture_populate (&fixture, 20);
  {
    g_autoptr(SpStore) store = app_fixture_open_store (&fixture);
    g_autoptr(SpUser) user = sp_user_new ();
    g_autoptr(GError) error = NULL;

    sp_entity_ensure_id (SP_ENTITY (user));
    user->username = g_strdup ("maja");
    user->display_name = g_strdup ("Maja Enhetschef");
    user->roles = SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER);
    g_assert_true (sp_store_save (store, SP_ENTITY (user), SP_SAVE_DEFAULT, NULL, &error));
    g_assert_true (sp_store_set_setting (store, "local.user_id", SP_ENTITY (user)->id, &error));
    g_assert_no_error (error);
  }
  app_fixture_start (&fixture);
  app_fixture_wait_page (&fixture, "list");

  APP_TEST_WAIT (sidebar_has (&fixture, "mine"), 30);
  g_assert_true (sidebar_has (&fixture, "diary"));
  g_assert_false (sidebar_has (&fixture, "queue"));
  g_assert_false (sidebar_has (&fixture, "providers"));

  app_fixture_stop (&fixture);
}

static void
test_restore_view (void)
{
  AppFixture fixture = { 0 };
  g_autoptr(GSettings) settings = g_settings_new ("se.synpunkt.Synpunkt");
  g_autoptr(GError) error = NULL;

  app_fixture_make_db (&fixture);
  app_fixture_populate (&fixture, N_DEMO);

  /* The person at this computer, made before, works in a busy unit. */
  {
    g_autoptr(SpStore) store = app_fixture_open_store (&fixture);
    g_autoptr(SpUser) user = sp_user_new ();
    g_autoptr(GPtrArray) cases = NULL;
    SpCaseQuery query;

    sp_case_query_init (&query);
    query.statuses = SP_CASE_FILTER_OPEN_STATUSES;
    query.kinds = 1u << SP_CASE_KIND_COMPLAINT;
    query.limit = 1;
    cases = sp_store_query_cases (store, &query, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (cases->len, ==, 1);

    sp_entity_ensure_id (SP_ENTITY (user));
    user->username = g_strdup ("local");
    user->display_name = g_strdup ("Local User");
    user->roles = (1u << SP_N_ROLES) - 1;
    user->unit_id = g_strdup (((SpCase *) g_ptr_array_index (cases, 0))->unit_id);
    g_assert_true (sp_store_save (store, SP_ENTITY (user), SP_SAVE_DEFAULT, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (sp_store_set_setting (store, "local.user_id", SP_ENTITY (user)->id, &error));
    g_assert_no_error (error);
  }

  /* The window comes back on the view and filter it was closed on, and My
   * Cases keeps to open cases with the filter bar's settings on top. */
  g_settings_set_string (settings, "last-view", "mine");
  g_settings_set_value (settings, "filter", g_variant_new_parsed ("{'kinds': <uint32 2>}"));
  app_fixture_start (&fixture);
  app_fixture_wait_page (&fixture, "list");
  app_fixture_wait_list (&fixture);
  g_assert_cmpstr (sp_window_get_view (fixture.window), ==, "mine");

  {
    SpCaseFilter *filter = sp_case_view_get_filter (sp_window_get_case_view (fixture.window));
    g_assert_cmpuint (filter->kinds, ==, 1u << SP_CASE_KIND_COMPLAINT);
    g_assert_cmpuint (filter->view_statuses, ==, SP_CASE_FILTER_OPEN_STATUSES);
  }
  g_assert_cmpstr (sp_application_get_user (fixture.app)->display_name, ==, "Local User");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture))), >, 0);
  assert_all_rows (&fixture, is_open);
  assert_all_rows (&fixture, is_complaint);

  /* A saved filter that is gone falls back to all cases. */
  sp_window_set_view (fixture.window, "saved:No such filter");
  g_assert_cmpstr (sp_window_get_view (fixture.window), ==, "all");

  app_fixture_stop (&fixture);
  g_settings_reset (settings, "last-view");
  g_settings_reset (settings, "filter");
}

static void
test_case_page (void)
{
  AppFixture fixture = { 0 };
  g_autoptr(SpCase) first = NULL;
  g_autoptr(SpCase) received = NULL;
  GtkWidget *page;
  GtkWidget *button;

  app_fixture_make_db (&fixture);
  app_fixture_populate (&fixture, 300);
  app_fixture_start (&fixture);
  app_fixture_wait_page (&fixture, "list");
  app_fixture_wait_list (&fixture);

  /* Activating a row (Enter or a double click) opens its case. */
  first = app_fixture_get_case (&fixture, 0);
  g_signal_emit_by_name (column_view (&fixture), "activate", 0);
  app_fixture_wait_page (&fixture, "case");
  page = adw_bin_get_child (ADW_BIN (app_test_find_by_id (GTK_WIDGET (fixture.window), "case_bin")));
  g_assert_true (SP_IS_CASE_PAGE (page));
  g_assert_cmpstr (sp_case_page_get_case_id (SP_CASE_PAGE (page)), ==, SP_ENTITY (first)->id);

  /* A change saved on the case page shows in the list: find an open case
   * with a plain next step (no dialog) and take it. */
  {
    guint roles = sp_application_get_actor (fixture.app)->roles;
    guint n = g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture)));
    SpStatus target = SP_STATUS_RECEIVED;

    for (guint i = 0; i < n && received == NULL; i++)
      {
        g_autoptr(SpCase) kase = app_fixture_get_case (&fixture, i);
        SpStatus targets[SP_N_STATUSES];
        guint n_targets = sp_workflow_get_targets (kase, roles, targets);

        for (guint t = 0; t < n_targets && received == NULL; t++)
          if (targets[t] != SP_STATUS_FORWARDED_ELSEWHERE &&
              targets[t] != SP_STATUS_OTHER_ROUTINE &&
              sp_workflow_check (kase, targets[t], roles, NULL))
            {
              received = g_object_ref (kase);
              target = targets[t];
            }
      }
    g_assert_nonnull (received);

    sp_window_show_case (fixture.window, SP_ENTITY (received)->id);
    app_test_flush ();
    g_assert_cmpstr (sp_case_page_get_case_id (SP_CASE_PAGE (page)), ==,
                     SP_ENTITY (received)->id);
    /* The header bar names the case: diary number (or "Not registered")
     * over its subject, not just "Case". */
    {
      AdwWindowTitle *title = ADW_WINDOW_TITLE (app_test_find_by_id (GTK_WIDGET (fixture.window),
                                                                     "content_title"));

      g_assert_cmpstr (adw_window_title_get_title (title), ==,
                       received->diary_number ? received->diary_number
                       : received->status == SP_STATUS_RECEIVED ? "Not registered"
                       : adw_window_title_get_title (title));
      g_assert_cmpstr (adw_window_title_get_title (title), !=, "Case");
      g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, received->subject);
    }
    button = sp_case_page_get_transition_button (SP_CASE_PAGE (page), target);
    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");

    /* The case page says "case-changed"; the window reads the list again. */
    APP_TEST_WAIT (({
                      guint pos = sp_case_list_model_find (app_fixture_model (&fixture),
                                                           SP_ENTITY (received)->id);
                      g_autoptr(SpCase) now = pos != G_MAXUINT ?
                        g_list_model_get_item (G_LIST_MODEL (app_fixture_model (&fixture)), pos) : NULL;
                      now != NULL && now->status == target;
                    }), 30);
  }

  /* Back: the list again, the case still selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.go-back", NULL));
  app_fixture_wait_page (&fixture, "list");

  app_fixture_stop (&fixture);
}

static void
test_close_saves_state (void)
{
  AppFixture fixture = { 0 };
  g_autoptr(GSettings) settings = g_settings_new ("se.synpunkt.Synpunkt");
  g_autoptr(GVariant) filter = NULL;
  gboolean overdue = FALSE;

  app_fixture_make_db (&fixture);
  app_fixture_populate (&fixture, 50);
  app_fixture_start (&fixture);
  app_fixture_wait_page (&fixture, "list");

  sp_window_set_view (fixture.window, "diary");
  {
    g_autoptr(SpCaseFilter) criteria = sp_case_filter_copy (sp_case_view_get_filter (
                                           sp_window_get_case_view (fixture.window)));
    criteria->overdue_only = TRUE;
    sp_filter_bar_set_criteria (sp_case_view_get_filter_bar (sp_window_get_case_view (fixture.window)),
                                criteria);
    sp_case_view_get_filter (sp_window_get_case_view (fixture.window))->overdue_only = TRUE;
  }

  /* Closing the window keeps where the user was. */
  gtk_window_close (GTK_WINDOW (fixture.window));
  app_test_flush ();
  {
    g_autofree char *view = g_settings_get_string (settings, "last-view");
    g_assert_cmpstr (view, ==, "diary");
  }
  filter = g_settings_get_value (settings, "filter");
  g_assert_true (g_variant_lookup (filter, "overdue", "b", &overdue));
  g_assert_true (overdue);

  g_clear_object (&fixture.window);
  app_fixture_stop (&fixture);
  g_settings_reset (settings, "last-view");
  g_settings_reset (settings, "filter");
}

static void
test_deadline_text (void)
{
  g_autoptr(SpCase) kase = sp_case_new ();
  SpDate today = sp_date_new (2025, 3, 10);
  gboolean overdue = FALSE;
  g_autofree char *late = NULL;
  g_autofree char *soon = NULL;
  g_autofree char *now = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *given = NULL;
  g_autofree char *forwarded = NULL;
  g_autofree char *none = NULL;

  kase->status = SP_STATUS_INVESTIGATING;
  kase->due_on = sp_date_new (2025, 3, 7);
  late = sp_case_view_format_deadline (kase, today, &overdue);
  g_assert_cmpstr (late, ==, "Overdue by 3 days");
  g_assert_true (overdue);

  kase->due_on = sp_date_new (2025, 3, 11);
  soon = sp_case_view_format_deadline (kase, today, &overdue);
  g_assert_cmpstr (soon, ==, "In 1 day");
  g_assert_false (overdue);

  kase->due_on = today;
  now = sp_case_view_format_deadline (kase, today, &overdue);
  g_assert_cmpstr (now, ==, "Due today");

  /* Feedback given, and every status after it, reads as on the case page,
   * however far past the deadline. */
  kase->due_on = sp_date_new (2025, 1, 7);
  kase->status = SP_STATUS_FEEDBACK_GIVEN;
  kase->feedback_on = sp_date_new (2025, 1, 20);
  given = sp_case_view_format_deadline (kase, today, &overdue);
  g_assert_cmpstr (given, ==, "Feedback given");
  g_assert_false (overdue);

  kase->status = SP_STATUS_CLOSED;
  closed = sp_case_view_format_deadline (kase, today, &overdue);
  g_assert_cmpstr (closed, ==, "Feedback given");
  g_assert_false (overdue);

  kase->status = SP_STATUS_FORWARDED_ELSEWHERE;
  kase->feedback_on = SP_DATE_NONE;
  forwarded = sp_case_view_format_deadline (kase, today, &overdue);
  g_assert_cmpstr (forwarded, ==, "No longer running");

  kase->due_on = SP_DATE_NONE;
  none = sp_case_view_format_deadline (kase, today, &overdue);
  g_assert_null (none);
}

static void
test_narrow (void)
{
  AppFixture fixture = { 0 };
  g_autoptr(GSettings) settings = g_settings_new ("se.synpunkt.Synpunkt");

  /* Without a window manager a shown X11 window keeps its size, so the
   * window starts narrow, as the settings say. */
  g_settings_set_int (settings, "window-width", 400);
  app_fixture_make_db (&fixture);
  app_fixture_populate (&fixture, 50);
  app_fixture_start (&fixture);
  app_fixture_wait_page (&fixture, "list");

  /* The leaflet folds and the list keeps only its key columns: diary
   * number, subject and deadline. */
  APP_TEST_WAIT (visible_columns (&fixture) == 3, 30);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture.window)), <=, 420);

  /* The back button leads to the sidebar. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.go-back", NULL));

  app_fixture_stop (&fixture);
  g_settings_reset (settings, "window-width");
}

static void
choose (GtkWidget  *dialog,
        const char *field,
        const char *label)
{
  AdwComboRow *row = ADW_COMBO_ROW (sp_intake_dialog_get_input (SP_INTAKE_DIALOG (dialog), field));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }

  g_error ("No item “%s” in %s", label, field);
}

static GtkWidget *
find_intake_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (SP_IS_INTAKE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }

  return NULL;
}

static void
test_new_case (void)
{
  AppFixture fixture = { 0 };
  g_autoptr(SpCase) newest = NULL;
  GtkWidget *dialog;
  guint n_before;

  app_fixture_make_db (&fixture);
  app_fixture_populate (&fixture, 100);
  app_fixture_start (&fixture);
  app_fixture_wait_page (&fixture, "list");
  app_fixture_wait_list (&fixture);
  n_before = g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture)));

  /* Ctrl+N opens the intake form over the window. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.new-case", NULL);
  APP_TEST_WAIT (find_intake_dialog () != NULL, 10);
  dialog = find_intake_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture.window));
  /* Its choices come from the store worker. */
  APP_TEST_WAIT (!sp_intake_dialog_is_busy (SP_INTAKE_DIALOG (dialog)), 30);

  choose (dialog, "kind", "Complaint");
  choose (dialog, "channel", "Phone");
  gtk_editable_set_text (GTK_EDITABLE (sp_intake_dialog_get_input (SP_INTAKE_DIALOG (dialog),
                                                                   "sender_name")),
                         "Åsa Lindqvist");
  gtk_editable_set_text (GTK_EDITABLE (sp_intake_dialog_get_input (SP_INTAKE_DIALOG (dialog),
                                                                   "sender_phone")),
                         "08-123 456 78");
  gtk_editable_set_text (GTK_EDITABLE (sp_intake_dialog_get_input (SP_INTAKE_DIALOG (dialog),
                                                                   "subject")),
                         "Zebrastripen vid förskolan är borta");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (sp_intake_dialog_get_input (
                              SP_INTAKE_DIALOG (dialog), "description"))),
                            "Barnen går över gatan utan övergångsställe.", -1);
  choose (dialog, "concerns", "Our unit");
  adw_combo_row_set_selected (ADW_COMBO_ROW (sp_intake_dialog_get_input (SP_INTAKE_DIALOG (dialog),
                                                                         "unit_id")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (sp_intake_dialog_get_input (SP_INTAKE_DIALOG (dialog),
                                                                         "category")), 1);
  if (!sp_intake_dialog_save (SP_INTAKE_DIALOG (dialog)))
    g_error ("The form refused: %s", sp_intake_dialog_get_message (SP_INTAKE_DIALOG (dialog)));

  /* The list reloads with the new case first (received today), and the
   * case opens in the content pane. */
  APP_TEST_WAIT (g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture))) ==
                 n_before + 1, 30);
  app_fixture_wait_list (&fixture);
  app_fixture_wait_page (&fixture, "case");
  newest = app_fixture_get_case (&fixture, 0);
  g_assert_cmpstr (newest->subject, ==, "Zebrastripen vid förskolan är borta");

  /* Back to the list, which still has it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.go-back", NULL));
  app_fixture_wait_page (&fixture, "list");
  g_assert_cmpuint (sp_case_list_model_find (app_fixture_model (&fixture), SP_ENTITY (newest)->id),
                    ==, 0);

  app_fixture_stop (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/window/deadline-text", test_deadline_text);
  g_test_add_func ("/app/window/empty-database", test_empty_database);
  g_test_add_func ("/app/window/fill-demo", test_fill_demo);
  g_test_add_func ("/app/window/demo-database", test_demo_database);
  g_test_add_func ("/app/window/sorting", test_sorting);
  g_test_add_func ("/app/window/scrolling", test_scrolling);
  g_test_add_func ("/app/window/filtering", test_filtering);
  g_test_add_func ("/app/window/search", test_search);
  g_test_add_func ("/app/window/my-cases", test_my_cases);
  g_test_add_func ("/app/window/overdue-badge", test_overdue_badge);
  g_test_add_func ("/app/window/restore-view", test_restore_view);
  g_test_add_func ("/app/window/sidebar-keyboard", test_sidebar_keyboard);
  g_test_add_func ("/app/window/sidebar-roles", test_sidebar_roles);
  g_test_add_func ("/app/window/narrow", test_narrow);
  g_test_add_func ("/app/window/new-case", test_new_case);
  g_test_add_func ("/app/window/close-saves-state", test_close_saves_state);
  g_test_add_func ("/app/window/case-page", test_case_page);

  return g_test_run ();
}
