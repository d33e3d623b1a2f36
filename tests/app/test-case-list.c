/* test-case-list.c: the case list's sort arrows, columns and narrow layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window on a demo database. The sort arrows are read from the
 * column headers as GTK draws them, the rows' order from the list model,
 * and both are checked against a store of the test's own. Every warning
 * and critical is fatal here (GTK 4.8 reports a wrong sort call as a
 * critical and goes on).
 */

#include <glib/gi18n.h>
#include <string.h>

#include "app-test-util.h"
#include "sp-case-cell.h"

#define N_DEMO 400

static GtkColumnView *
column_view (AppFixture *fixture)
{
  return sp_case_view_get_column_view (sp_window_get_case_view (fixture->window));
}

/* The header widget of each column is a GtkColumnViewTitle (private);
 * its sort indicator has the CSS name "sort-indicator", with the class
 * "ascending" or "descending" when it draws an arrow. */
static void
collect_arrows (GtkWidget *widget,
                GPtrArray *arrows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (gtk_widget_get_css_name (child), "sort-indicator") == 0 &&
          gtk_widget_get_visible (child) &&
          (gtk_widget_has_css_class (child, "ascending") ||
           gtk_widget_has_css_class (child, "descending")))
        g_ptr_array_add (arrows, child);
      collect_arrows (child, arrows);
    }
}

/* The title of the header that draws @arrow. */
static const char *
arrow_title (GtkWidget *arrow)
{
  for (GtkWidget *box = gtk_widget_get_parent (arrow); box != NULL;
       box = gtk_widget_get_parent (box))
    for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_LABEL (child))
        return gtk_label_get_label (GTK_LABEL (child));

  return NULL;
}

/* The rows of the list, as far as @n, against the store's answer to the
 * view's own filter (the sort included). */
static void
assert_rows_follow_filter (AppFixture *fixture,
                           guint       n)
{
  SpCaseFilter *filter = sp_case_view_get_filter (sp_window_get_case_view (fixture->window));
  g_autoptr(SpStore) store = app_fixture_open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  SpCaseQuery query;

  sp_case_query_init (&query);
  sp_case_filter_to_query (filter, &query);
  query.limit = n;
  cases = sp_store_query_cases (store, &query, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < cases->len; i++)
    {
      g_autoptr(SpCase) kase = app_fixture_get_case (fixture, i);

      g_assert_cmpstr (SP_ENTITY (kase)->id, ==, SP_ENTITY (g_ptr_array_index (cases, i))->id);
    }
}

/* At most one arrow; it is on the column titled @title (NULL: no arrow)
 * and points the filter's way; the filter sorts by @sort; the rows are in
 * that order. */
static void
assert_sort (AppFixture *fixture,
             const char *title,
             SpCaseSort  sort,
             gboolean    descending)
{
  SpCaseFilter *filter = sp_case_view_get_filter (sp_window_get_case_view (fixture->window));
  g_autoptr(GPtrArray) arrows = g_ptr_array_new ();

  app_fixture_wait_list (fixture);
  collect_arrows (GTK_WIDGET (column_view (fixture)), arrows);

  g_assert_cmpint (filter->sort, ==, sort);
  g_assert_cmpint (filter->descending, ==, descending);
  if (title == NULL)
    g_assert_cmpuint (arrows->len, ==, 0);
  else
    {
      GtkWidget *arrow;

      g_assert_cmpuint (arrows->len, ==, 1);
      arrow = g_ptr_array_index (arrows, 0);
      g_assert_cmpstr (arrow_title (arrow), ==, title);
      g_assert_true (gtk_widget_has_css_class (arrow, descending ? "descending" : "ascending"));
    }

  assert_rows_follow_filter (fixture, 25);
}

static GtkColumnViewColumn *
column_titled (AppFixture *fixture,
               const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (column_view (fixture));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_error ("No column “%s” in the view", title);
  return NULL;
}

static void
sort_by (AppFixture  *fixture,
         const char  *title,
         GtkSortType  direction)
{
  gtk_column_view_sort_by_column (column_view (fixture), column_titled (fixture, title),
                                  direction);
  app_fixture_wait_list (fixture);
}

/* The bound cells of @column ("diary", "subject", …) now in the list. */
static GPtrArray *
cells_of (AppFixture *fixture,
          const char *column)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *cells = g_ptr_array_new ();

  app_test_collect (GTK_WIDGET (column_view (fixture)), SP_TYPE_CASE_CELL, all);
  for (guint i = 0; i < all->len; i++)
    {
      g_autofree char *name = NULL;

      g_object_get (all->pdata[i], "column", &name, NULL);
      if (g_strcmp0 (name, column) == 0 && gtk_widget_get_mapped (all->pdata[i]) &&
          sp_case_cell_get_text (all->pdata[i])[0] != 0)
        g_ptr_array_add (cells, all->pdata[i]);
    }

  return cells;
}

static guint
count_cells (AppFixture *fixture,
             const char *column)
{
  g_autoptr(GPtrArray) cells = cells_of (fixture, column);

  return cells->len;
}

static GtkWidget *
child_of_type (GtkWidget *widget,
               GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
      return child;
  return NULL;
}

/* No shown cell of @column has its text cut. */
static void
assert_not_cut (AppFixture *fixture,
                const char *column)
{
  g_autoptr(GPtrArray) cells = NULL;

  APP_TEST_WAIT (sp_case_view_count_waiting_rows (sp_window_get_case_view (fixture->window)) == 0,
                 30);
  app_test_flush ();
  cells = cells_of (fixture, column);
  g_assert_cmpuint (cells->len, >=, 5);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkLabel *label = GTK_LABEL (child_of_type (cells->pdata[i], GTK_TYPE_LABEL));

      if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
        g_error ("The %s column cuts “%s”", column, gtk_label_get_text (label));
    }
}

static void
give_user_a_unit (AppFixture *fixture)
{
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  guint i = 0;

  do
    {
      g_clear_object (&kase);
      kase = app_fixture_get_case (fixture, i++);
      g_assert_nonnull (kase);
    }
  while (kase->unit_id == NULL);

  g_assert_true (app_fixture_set_user_unit (fixture, kase->unit_id, &error));
  g_assert_no_error (error);
}

/* Each view sorts by its own column with one arrow, also after another
 * view sorted by something else. */
static void
test_sort_arrows_wide (void)
{
  AppFixture fixture = { 0 };

  app_fixture_make_db (&fixture);
  app_fixture_populate (&fixture, N_DEMO);
  app_fixture_start (&fixture);
  app_fixture_wait_page (&fixture, "list");
  app_fixture_wait_list (&fixture);
  give_user_a_unit (&fixture);

  sp_window_set_view (fixture.window, "all");
  assert_sort (&fixture, "Received", SP_CASE_SORT_RECEIVED_ON, TRUE);

  sort_by (&fixture, "Subject", GTK_SORT_ASCENDING);
  assert_sort (&fixture, "Subject", SP_CASE_SORT_SUBJECT, FALSE);
  sort_by (&fixture, "Status", GTK_SORT_DESCENDING);
  assert_sort (&fixture, "Status", SP_CASE_SORT_STATUS, TRUE);

  /* A sorted column that a narrow window takes out leaves no arrow behind
   * on another one, and has it again when it comes back. */
  sp_case_view_set_compact (sp_window_get_case_view (fixture.window), TRUE);
  assert_sort (&fixture, NULL, SP_CASE_SORT_STATUS, TRUE);
  sp_case_view_set_compact (sp_window_get_case_view (fixture.window), FALSE);
  assert_sort (&fixture, "Status", SP_CASE_SORT_STATUS, TRUE);

  sp_window_set_view (fixture.window, "diary");
  assert_sort (&fixture, "Diary No.", SP_CASE_SORT_DIARY_NUMBER, TRUE);
  sort_by (&fixture, "Received", GTK_SORT_ASCENDING);
  assert_sort (&fixture, "Received", SP_CASE_SORT_RECEIVED_ON, FALSE);

  /* The diary has no deadline column; My cases sorts by it. */
  sp_window_set_view (fixture.window, "mine");
  assert_sort (&fixture, "Deadline", SP_CASE_SORT_DUE_ON, FALSE);

  sp_window_set_view (fixture.window, "queue");
  assert_sort (&fixture, "Received", SP_CASE_SORT_RECEIVED_ON, FALSE);

  sp_window_set_view (fixture.window, "diary");
  assert_sort (&fixture, "Diary No.", SP_CASE_SORT_DIARY_NUMBER, TRUE);

  sp_window_set_view (fixture.window, "all");
  assert_sort (&fixture, "Received", SP_CASE_SORT_RECEIVED_ON, TRUE);

  app_fixture_stop (&fixture);
}

/* Narrow, the list shows no received date: the views that sort by it show
 * no arrow, and no other header claims the order. */
static void
test_sort_arrows_narrow (void)
{
  AppFixture fixture = { 0 };
  g_autoptr(GSettings) settings = g_settings_new ("se.synpunkt.Synpunkt");

  /* Without a window manager a shown X11 window keeps its size, so the
   * window starts narrow, as the settings say. */
  g_settings_set_int (settings, "window-width", 400);
  app_fixture_make_db (&fixture);
  app_fixture_populate (&fixture, N_DEMO);
  app_fixture_start (&fixture);
  app_fixture_wait_page (&fixture, "list");
  app_fixture_wait_list (&fixture);
  APP_TEST_WAIT (g_list_model_get_n_items (gtk_column_view_get_columns (column_view (&fixture)))
                 == 3, 30);
  give_user_a_unit (&fixture);

  sp_window_set_view (fixture.window, "all");
  assert_sort (&fixture, NULL, SP_CASE_SORT_RECEIVED_ON, TRUE);

  sp_window_set_view (fixture.window, "mine");
  assert_sort (&fixture, "Deadline", SP_CASE_SORT_DUE_ON, FALSE);

  sp_window_set_view (fixture.window, "diary");
  assert_sort (&fixture, "Diary No.", SP_CASE_SORT_DIARY_NUMBER, TRUE);

  sp_window_set_view (fixture.window, "all");
  assert_sort (&fixture, NULL, SP_CASE_SORT_RECEIVED_ON, TRUE);
  /* Narrow, the diary number is whole still. */
  assert_not_cut (&fixture, "diary");
  /* New Case is in the header still. */
  g_assert_true (gtk_widget_get_mapped (app_test_find_by_id (GTK_WIDGET (fixture.window),
                                                             "new_case_button")));
  /* Every filter is in reach: the filter bar wraps them onto more lines
   * within its width. */
  {
    GtkWidget *bar = GTK_WIDGET (sp_case_view_get_filter_bar (sp_window_get_case_view (fixture.window)));
    GtkWidget *flow = app_test_find_by_id (bar, "flow");
    guint n = 0;
    int lines_top = -1, lines = 0;

    gtk_revealer_set_reveal_child (sp_case_view_get_filter_revealer (sp_window_get_case_view (fixture.window)), TRUE);
    APP_TEST_WAIT (gtk_widget_get_mapped (flow) && gtk_widget_get_width (flow) > 0, 30);
    app_test_flush ();
    for (GtkWidget *child = gtk_widget_get_first_child (flow); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        graphene_rect_t bounds;

        g_assert_true (gtk_widget_compute_bounds (child, bar, &bounds));
        g_assert_cmpfloat (bounds.origin.x, >=, 0);
        g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (bar));
        if ((int) bounds.origin.y != lines_top)
          {
            lines_top = (int) bounds.origin.y;
            lines++;
          }
        n++;
      }
    g_assert_cmpuint (n, >=, 10);
    g_assert_cmpint (lines, >, 1);
  }

  sort_by (&fixture, "Subject", GTK_SORT_DESCENDING);
  assert_sort (&fixture, "Subject", SP_CASE_SORT_SUBJECT, TRUE);

  sp_window_set_view (fixture.window, "queue");
  assert_sort (&fixture, NULL, SP_CASE_SORT_RECEIVED_ON, FALSE);

  app_fixture_stop (&fixture);
  g_settings_reset (settings, "window-width");
}

/* The subject has room; the diary number and the deadline are never cut,
 * even "Overdue by" three digits of days; an escalated case is marked. */
static void
test_column_widths (void)
{
  AppFixture fixture = { 0 };
  g_autoptr(GPtrArray) subjects = NULL;
  g_autofree char *escalated_id = NULL;
  GtkWidget *icon = NULL;

  app_fixture_make_db (&fixture);
  app_fixture_populate (&fixture, N_DEMO);
  {
    g_autoptr(SpStore) store = app_fixture_open_store (&fixture);
    g_autoptr(SpInvestigation) inv = NULL;
    g_autoptr(GPtrArray) newest = NULL;
    g_autoptr(GError) error = NULL;
    SpCaseQuery query;

    sp_case_query_init (&query);
    query.limit = 1;
    newest = sp_store_query_cases (store, &query, NULL);
    escalated_id = g_strdup (SP_ENTITY (g_ptr_array_index (newest, 0))->id);
    /* The demo may have begun its investigation. */
    inv = sp_store_get_investigation (store, escalated_id, &error);
    g_assert_no_error (error);
    if (inv == NULL)
      {
        inv = sp_investigation_new ();
        inv->case_id = g_strdup (escalated_id);
      }
    inv->lex_sarah = TRUE;
    inv->lex_maria = FALSE;
    inv->deviation = FALSE;
    inv->contract_breach = TRUE;
    inv->welfare_crime = FALSE;
    g_assert_true (sp_store_save (store, SP_ENTITY (inv), 0, NULL, &error));
    g_assert_no_error (error);
  }
  app_fixture_start (&fixture);
  app_fixture_wait_page (&fixture, "list");
  app_fixture_wait_list (&fixture);
  sp_window_set_view (fixture.window, "all");
  app_fixture_wait_list (&fixture);

  /* The subject takes the rest, at least a fifth of the list. */
  APP_TEST_WAIT (count_cells (&fixture, "subject") > 0, 30);
  subjects = cells_of (&fixture, "subject");
  g_assert_cmpint (gtk_widget_get_width (subjects->pdata[0]) * 5, >=,
                   gtk_widget_get_width (GTK_WIDGET (column_view (&fixture))));
  assert_not_cut (&fixture, "diary");

  /* The newest case's subject is marked with its escalations. */
  for (guint i = 0; i < subjects->len && icon == NULL; i++)
    {
      SpCase *kase = sp_case_cell_get_case (subjects->pdata[i]);

      if (g_strcmp0 (SP_ENTITY (kase)->id, escalated_id) == 0)
        icon = child_of_type (subjects->pdata[i], GTK_TYPE_IMAGE);
    }
  g_assert_nonnull (icon);
  APP_TEST_WAIT (gtk_widget_get_visible (icon), 30);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (icon), ==,
                   "Escalated: Lex Sarah, Contract breach");
  /* And the others as the store has them. */
  {
    g_autoptr(SpStore) store = app_fixture_open_store (&fixture);
    g_autoptr(GHashTable) escalated = sp_store_get_escalations (store, NULL);

    g_assert_true (g_hash_table_contains (escalated, escalated_id));
    for (guint i = 0; i < subjects->len; i++)
      {
        SpCase *kase = sp_case_cell_get_case (subjects->pdata[i]);
        GtkWidget *other = child_of_type (subjects->pdata[i], GTK_TYPE_IMAGE);

        g_assert_cmpint (gtk_widget_get_visible (other), ==,
                         g_hash_table_contains (escalated, SP_ENTITY (kase)->id));
      }
  }

  /* The most overdue first. */
  sort_by (&fixture, "Deadline", GTK_SORT_ASCENDING);
  {
    g_autoptr(SpCase) first = app_fixture_get_case (&fixture, 0);
    g_assert_cmpint (sp_case_get_days_left (first, sp_date_today ()), <=, -100);
  }
  assert_not_cut (&fixture, "deadline");
  assert_not_cut (&fixture, "diary");

  app_fixture_stop (&fixture);
}

/* What is not shown is out of the accessibility tree (hidden, not only
 * covered), and a button with a mnemonic has its name once. */
static void
test_hidden_pages (void)
{
  AppFixture fixture = { 0 };
  SpCaseView *view;
  GtkStack *stack;
  GtkWidget *spinner, *empty;

  app_fixture_make_db (&fixture);
  app_fixture_populate (&fixture, 50);
  app_fixture_start (&fixture);
  app_fixture_wait_page (&fixture, "list");
  app_fixture_wait_list (&fixture);
  view = sp_window_get_case_view (fixture.window);
  stack = GTK_STACK (app_test_find_by_id (GTK_WIDGET (fixture.window), "content_stack"));
  spinner = app_test_find_by_id (GTK_WIDGET (view), "spinner");
  empty = app_test_find_by_id (GTK_WIDGET (view), "empty_page");

  /* The window's pages: only the one shown (the list and the case keep
   * their state). */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *name = gtk_stack_page_get_name (gtk_stack_get_page (stack, child));

      if (g_strcmp0 (name, "list") != 0 && g_strcmp0 (name, "case") != 0)
        g_assert_false (gtk_widget_get_visible (child));
    }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  /* The list's own: no spinner, no empty state while rows show. */
  g_assert_cmpstr (sp_case_view_get_state (view), ==, "list");
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_false (gtk_widget_get_visible (empty));

  /* A search that finds nothing shows the empty state, and the list stays
   * (its place kept). */
  gtk_editable_set_text (sp_case_view_get_search_entry (view), "xyzzyqwerty");
  APP_TEST_WAIT (g_strcmp0 (sp_case_view_get_state (view), "empty") == 0, 30);
  g_assert_true (gtk_widget_get_visible (empty));
  g_assert_false (gtk_widget_get_visible (spinner));
  gtk_editable_set_text (sp_case_view_get_search_entry (view), "");
  APP_TEST_WAIT (g_strcmp0 (sp_case_view_get_state (view), "list") == 0, 30);
  g_assert_false (gtk_widget_get_visible (empty));

  /* Mnemonic buttons: the name without the underline, set once. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (app_test_find_by_id (GTK_WIDGET (view),
                                                                           "overdue_button")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Overdue");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (app_test_find_by_id (GTK_WIDGET (fixture.window),
                                                                           "connect_button")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Connect to a Server…");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (app_test_find_by_id (GTK_WIDGET (fixture.window),
                                                                           "log_in_button")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Log In…");

  app_fixture_stop (&fixture);
}

/* A saved filter's long name takes two lines in the sidebar, and shows
 * whole in a tooltip. */
static void
test_saved_filter_name (void)
{
  static const char name[] = "Klagomål på hemtjänsten i Hässelby under sommaren";
  AppFixture fixture = { 0 };
  g_autoptr(GSettings) settings = g_settings_new ("se.synpunkt.Synpunkt");
  g_autoptr(GVariantBuilder) saved = g_variant_builder_new (G_VARIANT_TYPE ("a{sa{sv}}"));
  g_autoptr(GVariantBuilder) criteria = g_variant_builder_new (G_VARIANT_TYPE ("a{sv}"));
  g_autofree char *view = g_strconcat ("saved:", name, NULL);
  GtkWidget *list, *label = NULL;

  g_variant_builder_add (criteria, "{sv}", "kinds", g_variant_new_uint32 (1));
  g_variant_builder_add (saved, "{s@a{sv}}", name, g_variant_builder_end (criteria));
  g_settings_set_value (settings, "saved-filters", g_variant_builder_end (saved));

  app_fixture_make_db (&fixture);
  app_fixture_populate (&fixture, 20);
  app_fixture_start (&fixture);
  app_fixture_wait_page (&fixture, "list");

  list = app_test_find_by_id (GTK_WIDGET (fixture.window), "sidebar_list");
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "view"), view) == 0)
      {
        g_autoptr(GPtrArray) labels = g_ptr_array_new ();

        app_test_collect (row, GTK_TYPE_LABEL, labels);
        for (guint i = 0; i < labels->len; i++)
          if (g_strcmp0 (gtk_label_get_label (labels->pdata[i]), name) == 0)
            label = labels->pdata[i];
      }
  g_assert_nonnull (label);
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  g_assert_cmpint (gtk_label_get_lines (GTK_LABEL (label)), ==, 2);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (label), ==, name);

  app_fixture_stop (&fixture);
  g_settings_reset (settings, "saved-filters");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() makes criticals fatal already; said again here, since
   * a wrong sort call shows only as one. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  g_test_add_func ("/app/case-list/sort-arrows-wide", test_sort_arrows_wide);
  g_test_add_func ("/app/case-list/sort-arrows-narrow", test_sort_arrows_narrow);
  g_test_add_func ("/app/case-list/column-widths", test_column_widths);
  g_test_add_func ("/app/case-list/hidden-pages", test_hidden_pages);
  g_test_add_func ("/app/case-list/saved-filter-name", test_saved_filter_name);

  return g_test_run ();
}
