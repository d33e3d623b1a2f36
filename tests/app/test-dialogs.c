/* test-dialogs.c: the about, keyboard shortcuts and preferences windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "app-test-util.h"
#include "sp-account-page.h"
#include "sp-preferences-window.h"

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
label_shown (GtkWidget  *root,
             const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  app_test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;

  return FALSE;
}

static void
test_about (void)
{
  AppFixture fixture = { 0 };
  GtkWindow *about;

  app_fixture_make_db (&fixture);
  app_fixture_start (&fixture);

  g_action_group_activate_action (G_ACTION_GROUP (fixture.app), "about", NULL);
  APP_TEST_WAIT (find_toplevel (ADW_TYPE_ABOUT_WINDOW) != NULL, 10);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Synpunkt");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (fixture.window));
  gtk_window_destroy (about);

  app_fixture_stop (&fixture);
}

/* F1 with no help viewer on the machine says so in words. */
static void
test_help_missing (void)
{
  AppFixture fixture = { 0 };
  g_autoptr(GAppInfo) viewer = g_app_info_get_default_for_uri_scheme ("help");
  GtkWindow *dialog;

  if (viewer != NULL)
    {
      g_test_skip ("A help viewer is installed here");
      return;
    }

  app_fixture_make_db (&fixture);
  app_fixture_start (&fixture);

  g_action_group_activate_action (G_ACTION_GROUP (fixture.app), "help", NULL);
  APP_TEST_WAIT (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL, 30);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (dialog)), ==, "help-missing-dialog");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The Help Could Not Be Opened");
  g_assert_true (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "yelp") != NULL);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture.window));
  gtk_window_destroy (dialog);

  app_fixture_stop (&fixture);
}

static void
test_shortcuts (void)
{
  AppFixture fixture = { 0 };
  GtkWindow *shortcuts;

  app_fixture_make_db (&fixture);
  app_fixture_start (&fixture);

  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.show-help-overlay", NULL);
  APP_TEST_WAIT (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) != NULL, 10);
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_true (label_shown (GTK_WIDGET (shortcuts), "New case"));
  g_assert_true (label_shown (GTK_WIDGET (shortcuts), "Search"));
  gtk_window_close (shortcuts);
  app_test_flush ();

  app_fixture_stop (&fixture);
}

static void
test_preferences (void)
{
  AppFixture fixture = { 0 };
  GtkWindow *preferences;
  GtkWidget *notify_switch, *background_switch;
  AdwStyleManager *styles = adw_style_manager_get_default ();
  GSettings *settings;
  GtkWidget *style_row = NULL;

  app_fixture_make_db (&fixture);
  app_fixture_start (&fixture);
  settings = sp_application_get_settings (fixture.app);

  g_action_group_activate_action (G_ACTION_GROUP (fixture.app), "preferences", NULL);
  APP_TEST_WAIT (find_toplevel (SP_TYPE_PREFERENCES_WINDOW) != NULL, 10);
  preferences = find_toplevel (SP_TYPE_PREFERENCES_WINDOW);

  /* The deadline rules, read-only, and where the cases are kept. */
  g_assert_true (label_shown (GTK_WIDGET (preferences), "14 calendar days"));
  g_assert_true (label_shown (GTK_WIDGET (preferences), "3 calendar days"));
  g_assert_true (label_shown (GTK_WIDGET (preferences), "This computer only"));
  g_assert_true (label_shown (GTK_WIDGET (preferences), fixture.db_path));

  /* The shared server has a page of its own, the account's. */
  g_assert_true (SP_IS_ACCOUNT_PAGE (app_test_find_by_id (GTK_WIDGET (preferences), "account-page")));
  g_assert_false (sp_account_is_connected (sp_application_get_account (fixture.app)));

  /* The style row drives the setting, which drives the style manager. */
  style_row = app_test_find_by_id (GTK_WIDGET (preferences), "style_row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (style_row)), ==, "_Style");

  adw_combo_row_set_selected (ADW_COMBO_ROW (style_row), 2);
  g_assert_cmpstr (g_settings_get_string (settings, "style-variant"), ==, "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (styles), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (styles));

  adw_combo_row_set_selected (ADW_COMBO_ROW (style_row), 1);
  g_assert_cmpint (adw_style_manager_get_color_scheme (styles), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (styles));

  g_settings_set_string (settings, "style-variant", "system");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (style_row)), ==, 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (styles), ==, ADW_COLOR_SCHEME_DEFAULT);

  /* Reminders on by default; the switches drive their settings. Running
   * on without a window holds the application. */
  notify_switch = app_test_find_by_id (GTK_WIDGET (preferences), "notify_switch");
  background_switch = app_test_find_by_id (GTK_WIDGET (preferences), "background_switch");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (notify_switch)));
  gtk_switch_set_active (GTK_SWITCH (notify_switch), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "notify-deadlines"));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (background_switch)));
  gtk_switch_set_active (GTK_SWITCH (background_switch), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "run-in-background"));
  gtk_switch_set_active (GTK_SWITCH (background_switch), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "run-in-background"));
  g_settings_reset (settings, "notify-deadlines");

  gtk_window_destroy (preferences);
  app_fixture_stop (&fixture);
}

static void
test_unopenable_database (void)
{
  AppFixture fixture = { 0 };
  g_autoptr(GError) error = NULL;

  /* A database path whose folder is a file: the window says why, and
   * nothing is written. */
  app_fixture_make_db (&fixture);
  g_assert_true (g_file_set_contents (fixture.db_path, "not a folder", -1, &error));
  g_free (fixture.db_path);
  fixture.db_path = g_build_filename (fixture.dir, "synpunkt.db", "inside.db", NULL);

  app_fixture_start (&fixture);
  app_fixture_wait_page (&fixture, "error");
  g_assert_nonnull (sp_application_get_store_error (fixture.app));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.new-case", NULL) &&
                  g_strcmp0 (app_fixture_page (&fixture), "error") != 0);

  /* Clean up the file that stood in the way. */
  g_free (fixture.db_path);
  fixture.db_path = g_build_filename (fixture.dir, "synpunkt.db", NULL);
  app_fixture_stop (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/dialogs/about", test_about);
  g_test_add_func ("/app/dialogs/shortcuts", test_shortcuts);
  g_test_add_func ("/app/dialogs/help-missing", test_help_missing);
  g_test_add_func ("/app/dialogs/preferences", test_preferences);
  g_test_add_func ("/app/window/unopenable-database", test_unopenable_database);

  return g_test_run ();
}
