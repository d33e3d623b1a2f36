/* app-test-util.h: running the real application and its window in GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>

#include "../sp-test-dir.h"
#include "../sp-test-store.h"
#include "../sp-test-wait.h"
#include "sp-application.h"
#include "sp-window.h"

typedef struct
{
  char          *dir;
  char          *db_path;
  SpApplication *app;
  SpWindow      *window;
} AppFixture;

/* Runs the main loop until @cond (re-evaluated each turn) holds; fails the
 * test after @seconds. */
#define APP_TEST_WAIT(cond, seconds) SP_TEST_WAIT (cond, seconds)

/* Lets pending idle work (bindings, relayouts) run. */
static inline void
app_test_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
app_test_stop_activate (GApplication *application,
                        gpointer      data)
{
  g_signal_stop_emission_by_name (application, "activate");
}

/* Ends *@app the way the application ends for real, through the end of
 * g_application_run(): "shutdown", then its D-Bus objects unexported.
 * Anything else leaves the application alive with its objects on the
 * session bus, where the next application of the same process cannot
 * register them again. The test activated the application already, so
 * this run only ends it. Waits until the application is finalized. */
static inline void
app_test_application_shut_down (SpApplication **app)
{
  gpointer application_alive = *app;

  if (gtk_application_get_windows (GTK_APPLICATION (*app)) != NULL)
    g_error ("The test left a window of the application open");

  g_object_add_weak_pointer (G_OBJECT (application_alive), &application_alive);
  g_signal_connect (*app, "activate", G_CALLBACK (app_test_stop_activate), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (*app), 0, NULL), ==, 0);
  g_clear_object (app);
  APP_TEST_WAIT (application_alive == NULL, 30);
}

static inline void
app_fixture_make_db (AppFixture *fixture)
{
  fixture->dir = sp_test_dir_new ("app");
  fixture->db_path = g_build_filename (fixture->dir, "synpunkt.db", NULL);
}

/* Fills the fixture's database with @n demo cases before the app opens it. */
static inline void
app_fixture_populate (AppFixture *fixture,
                      guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_test_store_open (fixture->db_path, &error);

  g_assert_no_error (error);
  g_assert_true (sp_demo_populate (store, n, 7, &error));
  g_assert_no_error (error);
}

static inline void
app_fixture_start (AppFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("SYNPUNKT_DB", fixture->db_path, TRUE);
  /* The app must not touch SQLite on this thread, the main loop's. */
  sp_store_guard_thread (TRUE);
  fixture->app = sp_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (fixture->app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (fixture->app));

  fixture->window = SP_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (fixture->window);
  g_object_ref (fixture->window);

  /* The local user is read in the store worker: wait for it (or for the
   * database's refusal). */
  APP_TEST_WAIT (sp_application_get_store_error (fixture->app) != NULL ||
                 sp_context_get_ready (sp_application_get_context (fixture->app)), 30);
}

static inline void
app_test_unit_saved (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GError **error = user_data;

  if (!sp_context_set_user_unit_finish (SP_CONTEXT (source), result, error) && *error == NULL)
    g_assert_not_reached ();
  g_object_set_data (source, "app-test-unit-saved", GINT_TO_POINTER (1));
}

/* Saves the local user's unit through the context's worker and waits. */
static inline gboolean
app_fixture_set_user_unit (AppFixture *fixture,
                           const char *unit_id,
                           GError    **error)
{
  SpContext *context = sp_application_get_context (fixture->app);

  g_object_set_data (G_OBJECT (context), "app-test-unit-saved", NULL);
  sp_context_set_user_unit_async (context, unit_id, NULL, app_test_unit_saved, error);
  APP_TEST_WAIT (g_object_get_data (G_OBJECT (context), "app-test-unit-saved") != NULL, 30);

  return error == NULL || *error == NULL;
}

static inline const char *
app_fixture_page (AppFixture *fixture)
{
  return sp_window_get_page (fixture->window);
}

static inline void
app_fixture_wait_page (AppFixture *fixture,
                       const char *page)
{
  APP_TEST_WAIT (g_strcmp0 (app_fixture_page (fixture), page) == 0, 30);
}

static inline SpCaseListModel *
app_fixture_model (AppFixture *fixture)
{
  return sp_case_view_get_model (sp_window_get_case_view (fixture->window));
}

/* Waits until the list has loaded whatever it was last asked for. */
static inline void
app_fixture_wait_list (AppFixture *fixture)
{
  SpCaseListModel *model = app_fixture_model (fixture);

  APP_TEST_WAIT (sp_case_list_model_get_loaded (model) && !sp_case_list_model_get_loading (model),
                 30);
  app_test_flush ();
}

/* Whether the item at @position is there, its page arrived; it is left in
 * *@kase. Past the end there is none to wait for. */
static inline gboolean
app_test_case_arrived (SpCaseListModel *model,
                       guint            position,
                       SpCase         **kase)
{
  g_clear_object (kase);
  *kase = g_list_model_get_item (G_LIST_MODEL (model), position);
  return *kase == NULL || !sp_case_is_placeholder (*kase);
}

/* The item at @position of @model once its page has arrived. */
static inline SpCase *
app_test_get_case (SpCaseListModel *model,
                   guint            position)
{
  SpCase *kase = NULL;

  APP_TEST_WAIT (app_test_case_arrived (model, position, &kase), 30);
  return kase;
}

/* The item at @position once its page has arrived. */
static inline SpCase *
app_fixture_get_case (AppFixture *fixture,
                      guint       position)
{
  return app_test_get_case (app_fixture_model (fixture), position);
}

static inline void
app_fixture_stop (AppFixture *fixture)
{
  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      g_clear_object (&fixture->window);
    }
  app_test_flush ();
  if (fixture->app != NULL)
    app_test_application_shut_down (&fixture->app);
  sp_store_guard_thread (FALSE);

  sp_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->db_path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

/* A store of the test's own on the same database, to check the window
 * against. */
static inline SpStore *
app_fixture_open_store (AppFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  SpStore *store = sp_test_store_open (fixture->db_path, &error);

  g_assert_no_error (error);
  return store;
}

static inline void
app_test_collect (GtkWidget *widget,
                  GType      type,
                  GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      app_test_collect (child, type, found);
    }
}

static inline void
app_test_collect_id (GtkWidget  *widget,
                     const char *id,
                     GPtrArray  *found)
{
  /* A preferences page has a name of its own, the one its window uses. */
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0 ||
      g_strcmp0 (gtk_widget_get_name (widget), id) == 0 ||
      (ADW_IS_PREFERENCES_PAGE (widget) &&
       g_strcmp0 (adw_preferences_page_get_name (ADW_PREFERENCES_PAGE (widget)), id) == 0))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    app_test_collect_id (child, id, found);
}

/* The one widget under @root (or @root itself) whose buildable id (its id
 * in a .ui file) or name is @id; fails the test if there is none or
 * more than one, so that a test never picks a widget by where it is. */
static inline GtkWidget *
app_test_find_by_id (GtkWidget  *root,
                     const char *id)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  app_test_collect_id (root, id, found);
  if (found->len != 1)
    g_error ("%u widgets named “%s”, not one", found->len, id);
  return g_ptr_array_index (found, 0);
}
