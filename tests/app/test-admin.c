/* test-admin.c: the administration view under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On this computer alone: the deadline rule chosen changes the open cases'
 * due dates and the next case's; bad input is refused in the user's words
 * and loses nothing typed. With the real server on 127.0.0.1: the
 * administrator makes a unit and a user with two roles in the app, and
 * that user, signing in on another replica, gets what the roles allow.
 */

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "app-test-util.h"
#include "sp-admin-dialog.h"
#include "sp-admin-rules-page.h"
#include "sp-admin-view.h"
#include "sp-account.h"
#include "sp-test-server.h"

static const SpActor registrar = { "registrar", "Registrator", SP_ROLE_BIT (SP_ROLE_REGISTRAR) };

/* With SYNPUNKT_SHOT_DIR set, a screenshot of the X display. */
static void
shot (const char *name)
{
  const char *dir = g_getenv ("SYNPUNKT_SHOT_DIR");
  g_autofree char *command = NULL;
  gboolean waited = FALSE;

  if (dir == NULL)
    return;
  /* Let the frame clock draw what was last changed. */
  g_timeout_add (1000, sp_test_wait_timed_out_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  command = g_strdup_printf ("import -window root %s/%s.png", dir, name);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

static GtkWidget *
find_toplevel (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (window), name) == 0 && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
sidebar_has (SpWindow   *window,
             const char *view)
{
  GtkWidget *list = app_test_find_by_id (GTK_WIDGET (window), "sidebar_list");

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "view"), view) == 0)
      return TRUE;
  return FALSE;
}

/* Shows the administration and waits for its first read. */
static SpAdminView *
open_admin (SpWindow *window)
{
  SpAdminView *view;

  g_assert_true (sidebar_has (window, "admin"));
  sp_window_set_view (window, "admin");
  g_assert_cmpstr (sp_window_get_page (window), ==, "admin");
  view = SP_ADMIN_VIEW (app_test_find_by_id (GTK_WIDGET (window), "admin-view"));
  APP_TEST_WAIT (sp_admin_view_get_serial (view) >= 1 && !sp_admin_view_get_loading (view), 30);
  g_assert_null (sp_admin_view_get_error (view));
  app_test_flush ();
  return view;
}

static void
wait_reloaded (SpAdminView *view,
               guint        serial)
{
  APP_TEST_WAIT (sp_admin_view_get_serial (view) > serial && !sp_admin_view_get_loading (view), 60);
}

/* Opens a form with @action on @page; the dialog named @name. */
static SpAdminDialog *
open_form (GtkWidget  *page,
           const char *action,
           const char *name)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (page, action, NULL));
  dialog = find_toplevel (name);
  g_assert_nonnull (dialog);
  return SP_ADMIN_DIALOG (dialog);
}

static void
set_text (SpAdminDialog *dialog,
          const char    *row,
          const char    *text)
{
  gtk_editable_set_text (GTK_EDITABLE (app_test_find_by_id (GTK_WIDGET (dialog), row)), text);
}

static void
choose (SpAdminDialog *dialog,
        const char    *row,
        const char    *label)
{
  AdwComboRow *combo = ADW_COMBO_ROW (app_test_find_by_id (GTK_WIDGET (dialog), row));
  GListModel *model = adw_combo_row_get_model (combo);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        {
          adw_combo_row_set_selected (combo, i);
          return;
        }
    }
  g_error ("No “%s” in %s", label, row);
}

static void
tick_role (SpAdminDialog *dialog,
           SpRole         role)
{
  g_autofree char *name = g_strconcat ("role:", sp_enum_to_name (&sp_role_info, role), NULL);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (app_test_find_by_id (GTK_WIDGET (dialog), name)),
                               TRUE);
}

/* Saves and waits for the answer: NULL when the dialog closed, else what
 * it says. */
static const char *
save (SpAdminDialog *dialog)
{
  gpointer alive = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &alive);
  sp_admin_dialog_save (dialog);
  APP_TEST_WAIT (alive == NULL || !gtk_widget_get_visible (GTK_WIDGET (dialog)) ||
                 !sp_admin_dialog_get_busy (dialog), 60);
  if (alive == NULL || !gtk_widget_get_visible (GTK_WIDGET (dialog)))
    return NULL;
  g_object_remove_weak_pointer (G_OBJECT (dialog), &alive);
  return sp_admin_dialog_get_error (dialog);
}

static char *
add_case (SpStore    *store,
          const char *unit_id,
          SpDate      received_on)
{
  g_autoptr(SpCase) kase = sp_case_new ();
  g_autoptr(GError) error = NULL;

  kase->kind = SP_CASE_KIND_COMPLAINT;
  kase->channel = SP_CHANNEL_LETTER;
  kase->received_on = received_on;
  kase->subject = g_strdup ("Ingen återkoppling");
  kase->description = g_strdup ("En beskrivning");
  kase->sender_anonymous = TRUE;
  kase->unit_id = g_strdup (unit_id);
  g_assert_true (sp_store_create_case (store, kase, &registrar, &error));
  g_assert_no_error (error);
  return g_strdup (SP_ENTITY (kase)->id);
}

static const char *
preview (SpAdminView *view,
         guint        i)
{
  g_autofree char *name = g_strdup_printf ("preview:%u", i);

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (app_test_find_by_id (GTK_WIDGET (view), name)));
}

/* The rule chosen here is the one the store counts with: the open case
 * gets its new due date at once, and so does the next case made. */
static void
test_local_deadline_rule (void)
{
  AppFixture fixture = { 0 };
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(SpCase) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *later_id = NULL;
  g_autofree char *expected = NULL;
  SpDeadlineRule working = { SP_DEADLINE_WORKING_DAYS, 14 };
  SpDeadlineRule calendar = { SP_DEADLINE_CALENDAR_DAYS, 14 };
  SpDate received = sp_date_today () - 3;
  SpAdminView *view;
  GtkWidget *rules;
  char due[11];

  app_fixture_make_db (&fixture);
  store = app_fixture_open_store (&fixture);
  id = add_case (store, NULL, received);
  kase = sp_store_get_case (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kase->due_on, ==, sp_deadline_rule_apply (&calendar, received, SP_DATE_NONE));
  g_clear_object (&kase);

  app_fixture_start (&fixture);
  view = open_admin (fixture.window);
  sp_admin_view_show_page (view, "rules");
  rules = app_test_find_by_id (GTK_WIDGET (view), "rules_page");

  /* The preview counts with the core's calendar as the choice changes. */
  sp_date_format (sp_deadline_rule_apply (&calendar, sp_date_today (), SP_DATE_NONE), due);
  g_assert_nonnull (strstr (preview (view, 0), due));
  shot ("admin-rules");
  g_assert_true (sp_admin_rules_page_choose (SP_ADMIN_RULES_PAGE (rules), "investigation",
                                             "working-days:14"));
  sp_date_format (sp_deadline_rule_apply (&working, sp_date_today (), SP_DATE_NONE), due);
  g_assert_nonnull (strstr (preview (view, 0), due));

  g_assert_true (gtk_widget_activate_action (rules, "rules.apply-deadlines", NULL));
  APP_TEST_WAIT (*sp_admin_rules_page_get_message (SP_ADMIN_RULES_PAGE (rules)) != '\0', 30);
  expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The rules apply now; %d open case got a new due date.",
                                           "The rules apply now; %d open cases got a new due date.",
                                           1), 1);
  g_assert_cmpstr (sp_admin_rules_page_get_message (SP_ADMIN_RULES_PAGE (rules)), ==, expected);

  kase = sp_store_get_case (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kase->deadline_rule, ==, "working-days:14");
  g_assert_cmpuint (kase->due_on, ==, sp_deadline_rule_apply (&working, received, SP_DATE_NONE));
  g_assert_cmpuint (kase->due_on, >, sp_deadline_rule_apply (&calendar, received, SP_DATE_NONE));

  later_id = add_case (store, NULL, sp_date_today ());
  later = sp_store_get_case (store, later_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->due_on, ==, sp_deadline_rule_apply (&working, sp_date_today (), SP_DATE_NONE));

  /* Read again, the page shows the rule in force. */
  sp_window_set_view (fixture.window, "all");
  sp_window_set_view (fixture.window, "admin");
  wait_reloaded (view, 1);
  sp_date_format (sp_deadline_rule_apply (&working, sp_date_today (), SP_DATE_NONE), due);
  g_assert_nonnull (strstr (preview (view, 0), due));

  g_clear_object (&store);
  app_fixture_stop (&fixture);
}

/* Empty names, a user name or category code that is taken, a diary
 * format that could repeat numbers: each refused in words, with the form
 * kept; then what is right is saved, and says who saved it. */
static void
test_local_bad_input (void)
{
  AppFixture fixture = { 0 };
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *taken = NULL;
  g_autofree char *code_taken = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *format = NULL;
  GtkWidget *page, *rules, *row;
  SpAdminDialog *dialog;
  SpAdminView *view;
  SpUser *me;
  guint serial;

  app_fixture_make_db (&fixture);
  app_fixture_populate (&fixture, 20);
  app_fixture_start (&fixture);
  me = sp_context_get_local_user (sp_application_get_context (fixture.app));
  view = open_admin (fixture.window);
  shot ("admin-organisation");

  /* Units: no name, a name of spaces. */
  page = app_test_find_by_id (GTK_WIDGET (view), "units_page");
  dialog = open_form (page, "units.add-unit", "unit-dialog");
  g_assert_cmpstr (save (dialog), ==, _("Give the unit a name."));
  set_text (dialog, "name_row", "   ");
  g_assert_cmpstr (save (dialog), ==, _("Give the unit a name."));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (app_test_find_by_id (GTK_WIDGET (dialog), "name_row"))),
                   ==, "   ");
  set_text (dialog, "name_row", "Parklek Vinterviken");
  set_text (dialog, "contact_name_row", "Eva Ek, avdelningschef");
  serial = sp_admin_view_get_serial (view);
  g_assert_cmpstr (save (dialog), ==, NULL);
  wait_reloaded (view, serial);
  row = find_named (page, "unit:Parklek Vinterviken");
  g_assert_nonnull (row);

  store = app_fixture_open_store (&fixture);
  units = sp_store_load_where (store, SP_TYPE_UNIT, "name", "Parklek Vinterviken", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 1);
  g_assert_cmpstr (SP_ENTITY (g_ptr_array_index (units, 0))->updated_by, ==, SP_ENTITY (me)->id);
  g_assert_cmpint (SP_UNIT (g_ptr_array_index (units, 0))->kind, ==, SP_UNIT_KIND_UNIT);
  g_assert_cmpstr (SP_UNIT (g_ptr_array_index (units, 0))->contact_name, ==, "Eva Ek, avdelningschef");

  /* Deactivated, it is gone from the tree (and the store keeps a
   * tombstone). */
  g_signal_emit_by_name (row, "activated");
  dialog = SP_ADMIN_DIALOG (find_toplevel ("unit-dialog"));
  g_assert_nonnull (dialog);
  serial = sp_admin_view_get_serial (view);
  g_signal_emit_by_name (app_test_find_by_id (GTK_WIDGET (dialog), "deactivate_button"), "clicked");
  APP_TEST_WAIT (find_toplevel ("unit-dialog") == NULL, 30);
  wait_reloaded (view, serial);
  g_assert_null (find_named (page, "unit:Parklek Vinterviken"));
  g_clear_pointer (&units, g_ptr_array_unref);
  units = sp_store_load_where (store, SP_TYPE_UNIT, "name", "Parklek Vinterviken", &error);
  g_assert_cmpuint (units->len, ==, 0);

  /* Users: no name, no role, a name that is taken (this computer's own
   * user's). */
  sp_admin_view_show_page (view, "users");
  page = app_test_find_by_id (GTK_WIDGET (view), "users_page");
  shot ("admin-users");
  dialog = open_form (page, "users.add", "user-dialog");
  g_assert_cmpstr (save (dialog), ==, _("Give the user a user name."));
  set_text (dialog, "username_row", me->username);
  g_assert_cmpstr (save (dialog), ==, _("Give the user at least one role."));
  tick_role (dialog, SP_ROLE_STAFF);
  taken = g_strdup_printf (_("The user name “%s” is taken."), me->username);
  g_assert_cmpstr (save (dialog), ==, taken);
  /* SQL in a name is a name like any other. */
  set_text (dialog, "username_row", "x'); DROP TABLE users; --");
  serial = sp_admin_view_get_serial (view);
  g_assert_cmpstr (save (dialog), ==, NULL);
  wait_reloaded (view, serial);
  g_assert_nonnull (find_named (page, "user:x'); DROP TABLE users; --"));

  /* Nobody deactivates their own account. */
  {
    g_autofree char *mine = g_strconcat ("user:", me->username, NULL);

    g_signal_emit_by_name (app_test_find_by_id (page, "local_users_list"), "row-activated",
                           find_named (page, mine));
  }
  dialog = SP_ADMIN_DIALOG (find_toplevel ("user-dialog"));
  g_assert_nonnull (dialog);
  g_signal_emit_by_name (app_test_find_by_id (GTK_WIDGET (dialog), "deactivate_button"), "clicked");
  APP_TEST_WAIT (!sp_admin_dialog_get_busy (dialog), 30);
  g_assert_cmpstr (sp_admin_dialog_get_error (dialog), ==, _("You cannot deactivate your own account."));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Categories: a code that is taken. */
  sp_admin_view_show_page (view, "categories");
  page = app_test_find_by_id (GTK_WIDGET (view), "categories_page");
  dialog = open_form (page, "categories.add", "category-dialog");
  set_text (dialog, "code_row", "lokaler");
  g_assert_cmpstr (save (dialog), ==, _("Give the category a name."));
  set_text (dialog, "name_row", "Lokaler");
  serial = sp_admin_view_get_serial (view);
  g_assert_cmpstr (save (dialog), ==, NULL);
  wait_reloaded (view, serial);
  g_assert_nonnull (find_named (page, "category:lokaler"));
  shot ("admin-categories");
  dialog = open_form (page, "categories.add", "category-dialog");
  set_text (dialog, "code_row", "lokaler");
  set_text (dialog, "name_row", "Lokaler igen");
  code_taken = g_strdup_printf (_("The code “%s” is taken by another category."), "lokaler");
  g_assert_cmpstr (save (dialog), ==, code_taken);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The diary number: a format without the year could repeat numbers. */
  sp_admin_view_show_page (view, "rules");
  rules = app_test_find_by_id (GTK_WIDGET (view), "rules_page");
  row = app_test_find_by_id (rules, "format_row");
  gtk_editable_set_text (GTK_EDITABLE (app_test_find_by_id (rules, "prefix_row")), "HVSDN");
  gtk_editable_set_text (GTK_EDITABLE (row), "{prefix} {seq:4}");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (app_test_find_by_id (rules, "diary_preview_row"))),
                   ==, _("The format must hold the year, {year}, exactly once: the numbers "
                         "start again each year."));
  g_assert_false (gtk_widget_get_sensitive (app_test_find_by_id (rules, "apply_diary_button")));
  gtk_widget_activate_action (rules, "rules.apply-diary", NULL);
  app_test_flush ();
  g_assert_cmpstr (sp_admin_rules_page_get_message (SP_ADMIN_RULES_PAGE (rules)), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (row), "{prefix} {year}/{seq:40}");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (app_test_find_by_id (rules, "diary_preview_row"))),
                   ==, _("The number's width in {seq:N} must be from 1 to 12."));
  gtk_editable_set_text (GTK_EDITABLE (row), "{prefix}-{year}-{seq:3}");
  {
    int year = sp_date_get_year (sp_date_today ());
    g_autofree char *shown = g_strdup_printf ("HVSDN-%d-001, HVSDN-%d-002 …", year, year);

    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (app_test_find_by_id (rules, "diary_preview_row"))),
                     ==, shown);
  }
  gtk_widget_grab_focus (row);
  shot ("admin-diary");
  g_assert_true (gtk_widget_get_sensitive (app_test_find_by_id (rules, "apply_diary_button")));
  g_assert_true (gtk_widget_activate_action (rules, "rules.apply-diary", NULL));
  APP_TEST_WAIT (g_strcmp0 (sp_admin_rules_page_get_message (SP_ADMIN_RULES_PAGE (rules)),
                            _("Cases registered from now on get numbers in this format.")) == 0, 30);
  format = sp_store_dup_setting (store, "diary.format");
  prefix = sp_store_dup_setting (store, "diary.prefix");
  g_assert_cmpstr (format, ==, "{prefix}-{year}-{seq:3}");
  g_assert_cmpstr (prefix, ==, "HVSDN");

  g_clear_object (&store);
  app_fixture_stop (&fixture);
}

/* ---- With the server ------------------------------------------------- */

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_account_connect_finish (SP_ACCOUNT (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_synced (SpAccount *account)
{
  SpSyncEngine *engine = sp_account_get_engine (account);

  return engine != NULL && sp_sync_engine_get_state (engine) == SP_SYNC_STATE_SYNCED &&
         sp_sync_engine_get_pending (engine) == 0;
}

/* Starts the app on its own database (a replica of its own) and signs
 * in as @username. */
static SpApplication *
start_signed_in (const char   *db,
                 SpTestServer *server,
                 const char   *username,
                 const char   *password,
                 SpWindow    **window)
{
  g_autoptr(GError) error = NULL;
  SpApplication *app;
  gboolean connected = FALSE;

  g_setenv ("SYNPUNKT_DB", db, TRUE);
  app = sp_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  *window = SP_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  APP_TEST_WAIT (sp_context_get_ready (sp_application_get_context (app)), 30);

  sp_account_connect_async (sp_application_get_account (app), server->base, username, password,
                            NULL, on_connected, &connected);
  APP_TEST_WAIT (connected && is_synced (sp_application_get_account (app)), 60);
  return app;
}

static void
stop_app (SpApplication **app,
          SpWindow       *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  app_test_flush ();
  app_test_application_shut_down (app);
}

static gboolean
server_user_has (SpTestServer *server,
                 const char   *token,
                 const char   *username,
                 guint         want_roles,
                 const char   *unit_id)
{
  g_autoptr(SpTestResponse) got = sp_test_json (server, "GET", "/api/v1/users", token, NULL);
  JsonArray *items = json_object_get_array_member (json_node_get_object (got->json), "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *user = json_array_get_object_element (items, i);
      JsonArray *roles;
      guint have = 0;

      if (g_strcmp0 (json_object_get_string_member (user, "username"), username) != 0)
        continue;
      roles = json_object_get_array_member (user, "roles");
      for (guint j = 0; j < json_array_get_length (roles); j++)
        {
          int role;

          g_assert_true (sp_enum_from_name (&sp_role_info, json_array_get_string_element (roles, j), &role));
          have |= SP_ROLE_BIT (role);
        }
      return have == want_roles &&
             g_strcmp0 (json_object_get_string_member (user, "unit_id"), unit_id) == 0 &&
             g_strcmp0 (json_object_get_string_member (user, "source"), "local") == 0;
    }
  return FALSE;
}

static char *
server_unit_id (SpTestServer *server,
                const char   *token,
                const char   *name)
{
  g_autoptr(SpTestResponse) got = sp_test_json (server, "GET", "/api/v1/units", token, NULL);
  JsonArray *items = json_object_get_array_member (json_node_get_object (got->json), "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *unit = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (unit, "name"), name) == 0)
        return g_strdup (json_object_get_string_member (unit, "id"));
    }
  return NULL;
}

/* The administrator makes a unit and a user with two roles; the user
 * signs in on another computer and sees the registrar's queue and the
 * unit manager's cases of that unit. */
static void
test_server_unit_and_user (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autofree char *dir = sp_test_dir_new ("admin-server");
  g_autofree char *admin_db = g_build_filename (dir, "admin.db", NULL);
  g_autofree char *user_db = g_build_filename (dir, "user.db", NULL);
  g_autofree char *unit_id = NULL;
  g_autofree char *in_unit = NULL;
  g_autofree char *other = g_strdup_printf ("\"unit_id\":\"%s\"", org->unit_c);
  g_autofree char *other_id = NULL;
  g_autofree char *mine_id = NULL;
  g_autoptr(SpApplication) app = NULL;
  g_autoptr(SpTestResponse) audit = NULL;
  SpAdminDialog *dialog;
  SpAdminView *view;
  SpWindow *window;
  GtkWidget *page;
  guint serial;

  /* One of the server's users as the directory signs them in. */
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO server_directory_users VALUES "
                                            "('%s', 'uid=staff_a,dc=example,dc=org', 0)",
                                            org->staff_a_id);

    sp_test_exec_sql (server->db, sql);
  }

  app = start_signed_in (admin_db, server, "admin", SP_TEST_PASSWORD, &window);
  view = open_admin (window);
  g_assert_nonnull (find_named (GTK_WIDGET (view), "department:Äldreomsorg"));

  /* A unit in a department of the server's. */
  page = app_test_find_by_id (GTK_WIDGET (view), "units_page");
  dialog = open_form (page, "units.add-unit", "unit-dialog");
  set_text (dialog, "name_row", "Dagverksamhet Tallen");
  choose (dialog, "parent_row", "Äldreomsorg");
  shot ("admin-new-unit");
  serial = sp_admin_view_get_serial (view);
  g_assert_cmpstr (save (dialog), ==, NULL);
  wait_reloaded (view, serial);
  g_assert_nonnull (find_named (page, "unit:Dagverksamhet Tallen"));
  unit_id = server_unit_id (server, org->admin, "Dagverksamhet Tallen");
  g_assert_nonnull (unit_id);

  /* Renamed and moved to the other department, and back. */
  g_signal_emit_by_name (find_named (page, "unit:Dagverksamhet Tallen"), "activated");
  dialog = SP_ADMIN_DIALOG (find_toplevel ("unit-dialog"));
  g_assert_nonnull (dialog);
  set_text (dialog, "name_row", "Dagverksamheten Tallen");
  choose (dialog, "parent_row", "Förskola");
  serial = sp_admin_view_get_serial (view);
  g_assert_cmpstr (save (dialog), ==, NULL);
  wait_reloaded (view, serial);
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/units");
    g_autoptr(SpTestResponse) got = sp_test_json (server, "GET", path, org->admin, NULL);
    JsonArray *items = json_object_get_array_member (json_node_get_object (got->json), "items");
    gboolean moved = FALSE;

    for (guint i = 0; i < json_array_get_length (items); i++)
      {
        JsonObject *unit = json_array_get_object_element (items, i);

        if (g_strcmp0 (json_object_get_string_member (unit, "id"), unit_id) == 0)
          moved = g_strcmp0 (json_object_get_string_member (unit, "name"), "Dagverksamheten Tallen") == 0 &&
                  g_strcmp0 (json_object_get_string_member (unit, "parent_id"), org->department2) == 0;
      }
    g_assert_true (moved);
  }
  g_signal_emit_by_name (find_named (page, "unit:Dagverksamheten Tallen"), "activated");
  dialog = SP_ADMIN_DIALOG (find_toplevel ("unit-dialog"));
  set_text (dialog, "name_row", "Dagverksamhet Tallen");
  choose (dialog, "parent_row", "Äldreomsorg");
  serial = sp_admin_view_get_serial (view);
  g_assert_cmpstr (save (dialog), ==, NULL);
  wait_reloaded (view, serial);
  g_assert_nonnull (find_named (page, "unit:Dagverksamhet Tallen"));

  /* The rules are the server's configuration: the page says so. */
  sp_admin_view_show_page (view, "rules");
  g_assert_true (gtk_widget_get_visible (app_test_find_by_id (GTK_WIDGET (view), "rules_remote_group")));
  shot ("admin-rules-server");

  /* A user with two roles in it; a taken name is refused first. */
  sp_admin_view_show_page (view, "users");
  page = app_test_find_by_id (GTK_WIDGET (view), "users_page");
  /* The directory's users apart, with the note, and not to be changed. */
  g_assert_true (gtk_widget_get_visible (app_test_find_by_id (page, "directory_group")));
  g_assert_nonnull (find_named (app_test_find_by_id (page, "directory_users_list"), "user:staff_a"));
  g_assert_null (find_named (app_test_find_by_id (page, "local_users_list"), "user:staff_a"));
  g_assert_nonnull (find_named (app_test_find_by_id (page, "local_users_list"), "user:manager_a"));
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (find_named (page, "user:staff_a"))));
  {
    g_autoptr(GPtrArray) scrolled = g_ptr_array_new ();
    GtkAdjustment *adjustment;

    app_test_collect (page, GTK_TYPE_SCROLLED_WINDOW, scrolled);
    g_assert_cmpuint (scrolled->len, >, 0);
    adjustment = gtk_scrolled_window_get_vadjustment (g_ptr_array_index (scrolled, 0));
    APP_TEST_WAIT (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment), 10);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    shot ("admin-users-directory");
    gtk_adjustment_set_value (adjustment, 0);
  }
  dialog = open_form (page, "users.add", "user-dialog");
  set_text (dialog, "username_row", "manager_a");
  set_text (dialog, "password_row", "ett långt lösenord");
  tick_role (dialog, SP_ROLE_STAFF);
  {
    g_autofree char *taken = g_strdup_printf (_("The user name “%s” is taken."), "manager_a");

    g_assert_cmpstr (save (dialog), ==, taken);
  }
  set_text (dialog, "username_row", "karin");
  set_text (dialog, "display_name_row", "Karin Lund");
  set_text (dialog, "password_row", "kort");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (app_test_find_by_id (GTK_WIDGET (dialog), "role:staff")), FALSE);
  tick_role (dialog, SP_ROLE_REGISTRAR);
  tick_role (dialog, SP_ROLE_UNIT_MANAGER);
  choose (dialog, "unit_row", "Dagverksamhet Tallen");
  g_assert_cmpstr (save (dialog), ==, _("The password must have at least 10 characters."));
  set_text (dialog, "password_row", "ett långt lösenord");
  shot ("admin-new-user");
  serial = sp_admin_view_get_serial (view);
  g_assert_cmpstr (save (dialog), ==, NULL);
  wait_reloaded (view, serial);
  g_assert_nonnull (find_named (page, "user:karin"));
  g_assert_true (server_user_has (server, org->admin, "karin",
                                  SP_ROLE_BIT (SP_ROLE_REGISTRAR) | SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER),
                                  unit_id));
  shot ("admin-users-server");

  /* The server wrote both into its audit log, as the administrator's. */
  audit = sp_test_json (server, "GET", "/api/v1/users", org->admin, NULL);
  sp_test_assert_status (audit, 200);
  stop_app (&app, window);
  {
    g_autofree char *out = NULL;
    const char *args[] = { "audit", "verify", "--db", server->db, NULL };

    g_assert_cmpint (sp_test_run (NULL, &out, NULL, args), ==, 0);
    g_assert_nonnull (strstr (out, "OK"));
  }

  /* A case in the new unit and one elsewhere. */
  in_unit = g_strdup_printf ("\"unit_id\":\"%s\"", unit_id);
  mine_id = sp_test_create_case (server, org->registrar, in_unit);
  other_id = sp_test_create_case (server, org->registrar, other);

  /* Karin on her own computer: the registrar's queue, no administration,
   * no provider register; My Cases holds her unit's case. */
  app = start_signed_in (user_db, server, "karin", "ett långt lösenord", &window);
  APP_TEST_WAIT (sidebar_has (window, "queue"), 30);
  g_assert_false (sidebar_has (window, "admin"));
  g_assert_false (sidebar_has (window, "providers"));
  sp_window_set_view (window, "mine");
  APP_TEST_WAIT (sp_window_get_view_count (window, "mine") == 1 &&
                 sp_window_get_view_count (window, "all") == 2, 60);
  shot ("admin-user-signed-in");
  {
    SpCaseListModel *model = sp_case_view_get_model (sp_window_get_case_view (window));
    g_autoptr(SpCase) kase = NULL;

    APP_TEST_WAIT (sp_case_list_model_get_loaded (model) && !sp_case_list_model_get_loading (model) &&
                   g_list_model_get_n_items (G_LIST_MODEL (model)) == 1, 30);
    kase = app_test_get_case (model, 0);
    g_assert_cmpstr (SP_ENTITY (kase)->id, ==, mine_id);
  }
  stop_app (&app, window);

  sp_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("SYNPUNKT_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SYNPUNKT_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  if (g_getenv ("SYNPUNKT_SHOT_DIR") != NULL)
    setlocale (LC_ALL, "");

  g_test_add_func ("/admin/local/deadline-rule", test_local_deadline_rule);
  g_test_add_func ("/admin/local/bad-input", test_local_bad_input);
  g_test_add_func ("/admin/server/unit-and-user", test_server_unit_and_user);

  return g_test_run ();
}
