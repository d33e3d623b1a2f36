/* test-sync-gui.c: the app connected to the real server under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Connects through the account page as a user would, creates a case in the
 * New case form, and finds it on the server.
 */

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "app-test-util.h"
#include "sp-account.h"
#include "sp-account-page.h"
#include "sp-case-page.h"
#include "sp-conflict-dialog.h"
#include "sp-intake-dialog.h"
#include "sp-sync-indicator.h"
#include "sp-test-server.h"

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* With SYNPUNKT_SHOT_DIR set, takes a screenshot of the X display: the
 * way the developers look at these windows as a user would. */
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

static gboolean
wait_for (gboolean (*done) (gpointer), gpointer data, guint seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, sp_test_wait_timed_out_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return done (data);
}

static gboolean
is_synced (gpointer data)
{
  SpSyncEngine *engine = sp_account_get_engine (data);

  return engine != NULL && sp_sync_engine_get_state (engine) == SP_SYNC_STATE_SYNCED &&
         sp_sync_engine_get_pending (engine) == 0;
}

static GtkWidget *
find_info_bar (GtkWidget *widget)
{
  if (GTK_IS_INFO_BAR (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_info_bar (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_pending (gpointer data)
{
  SpSyncEngine *engine = sp_account_get_engine (data);

  return engine != NULL && sp_sync_engine_get_pending (engine) > 0;
}

/* Logged out, and what the replica held is gone. */
static gboolean
is_released (gpointer data)
{
  return sp_account_get_engine (data) == NULL && sp_account_is_signed_out (data);
}

static gboolean
has_error (gpointer data)
{
  return sp_account_page_get_error (data) != NULL;
}

static GtkWidget *
input (GtkWidget  *dialog,
       const char *field)
{
  GtkWidget *widget = sp_intake_dialog_get_input (SP_INTAKE_DIALOG (dialog), field);

  g_assert_nonnull (widget);
  return widget;
}

static void
choose (GtkWidget  *dialog,
        const char *field,
        const char *label)
{
  AdwComboRow *row = ADW_COMBO_ROW (input (dialog, field));
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

typedef struct
{
  SpTestServer *server;
  SpTestOrg    *org;
  char         *dir;
  char         *db;
  SpStore      *store;
  GSettings    *settings;
  SpAccount    *account;
  GtkWidget    *window;
  GtkWidget    *page;
  GtkWidget    *indicator;
  GtkWidget    *box;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* @data: a server configuration, for the tests that need one. */
  f->server = data ? sp_test_server_new_with_config (data) : sp_test_server_new (NULL);
  f->org = sp_test_org_new (f->server);
  f->dir = sp_test_dir_new ("gui-sync");
  f->db = g_build_filename (f->dir, "synpunkt.db", NULL);
  f->store = sp_test_store_open (f->db, &error);
  g_assert_no_error (error);

  f->settings = g_settings_new ("se.synpunkt.Synpunkt");
  g_settings_set_string (f->settings, "server-url", "");
  f->account = sp_account_new (f->settings, f->db);

  f->window = adw_preferences_window_new ();
  f->page = sp_account_page_new (f->account);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (f->window), ADW_PREFERENCES_PAGE (f->page));
  f->indicator = sp_sync_indicator_new ();
  sp_sync_indicator_set_account (SP_SYNC_INDICATOR (f->indicator), f->account);
  f->box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_box_append (GTK_BOX (f->box), f->indicator);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->box);
  g_clear_object (&f->account);
  g_clear_object (&f->settings);
  g_clear_object (&f->store);
  sp_test_org_free (f->org);
  sp_test_server_free (f->server);
  sp_test_remove_dir (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

static void
test_wrong_password (Fixture       *f,
                     gconstpointer  data)
{
  sp_account_page_connect (SP_ACCOUNT_PAGE (f->page), f->server->base, "manager_a", "wrong password");
  g_assert_true (wait_for (has_error, f->page, 30));
  g_assert_cmpstr (sp_account_page_get_error (SP_ACCOUNT_PAGE (f->page)), ==,
                   _("The user name or password is wrong."));
  g_assert_false (sp_account_is_connected (f->account));
  g_assert_null (sp_account_get_engine (f->account));
  g_assert_false (gtk_widget_get_visible (f->indicator));

  /* Not an address at all. */
  sp_account_page_connect (SP_ACCOUNT_PAGE (f->page), "not a server", "manager_a", "x");
  iterate ();
  g_assert_nonnull (sp_account_page_get_error (SP_ACCOUNT_PAGE (f->page)));
}

static gboolean
directory_shown (gpointer data)
{
  return gtk_widget_get_visible (app_test_find_by_id (data, "directory_row"));
}

#define DIRECTORY_CONFIG \
  "[directory]\nname=Stockholms stad\nuri=ldaps://127.0.0.1:9\n" \
  "bind_dn=cn=synpunkt,dc=example,dc=org\nbind_password=service secret\n" \
  "user_base=dc=example,dc=org\nuser_filter=(uid=%s)\n" \
  "role.registrar=cn=registrars,dc=example,dc=org\n"

/* A server that signs users in with a directory: the account page says
 * which, also to a local account. */
static void
test_directory_named (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *row = app_test_find_by_id (f->page, "directory_row");

  g_assert_false (gtk_widget_get_visible (row));
  sp_account_page_connect (SP_ACCOUNT_PAGE (f->page), f->server->base, "manager_a",
                           SP_TEST_PASSWORD);
  g_assert_true (wait_for (is_synced, f->account, 60));
  g_assert_true (wait_for (directory_shown, f->page, 30));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Stockholms stad");
  g_assert_cmpstr (sp_account_get_directory_name (f->account), ==, "Stockholms stad");
  shot ("account-directory");
}

/* A directory user while the directory is down: said so, in the app's own
 * words, not as a wrong password. */
static void
test_directory_down (Fixture       *f,
                     gconstpointer  data)
{
  sp_account_page_connect (SP_ACCOUNT_PAGE (f->page), f->server->base, "anna.directory",
                           "a password");
  g_assert_true (wait_for (has_error, f->page, 60));
  g_assert_cmpstr (sp_account_page_get_error (SP_ACCOUNT_PAGE (f->page)), ==,
                   _("The organisation’s directory cannot be reached: try again in a while"));
  g_assert_false (sp_account_is_connected (f->account));
}

static gboolean
intake_idle (gpointer data)
{
  return !sp_intake_dialog_is_busy (data);
}

static gboolean
intake_gone (gpointer data)
{
  return *(GtkWidget **) data == NULL;
}

static gboolean
conflicts_idle (gpointer data)
{
  return !sp_conflict_dialog_is_busy (data);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
note_resolved (gboolean *resolved)
{
  *resolved = TRUE;
}

static void
test_connect_create_find (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SpTestResponse) response = NULL;
  g_autoptr(SpStoreWorker) worker = NULL;
  g_autofree char *path = NULL;
  SpActor actor;
  SpUser *user;
  GtkWidget *dialog;
  const char *summary;

  sp_account_page_connect (SP_ACCOUNT_PAGE (f->page), f->server->base, "manager_a",
                           SP_TEST_PASSWORD);
  g_assert_true (wait_for (is_synced, f->account, 60));
  g_assert_null (sp_account_page_get_error (SP_ACCOUNT_PAGE (f->page)));
  /* This server has local accounts only: no directory is named. */
  g_assert_false (gtk_widget_get_visible (app_test_find_by_id (f->page, "directory_row")));

  /* Who the server says the user is. */
  user = sp_account_get_user (f->account);
  g_assert_nonnull (user);
  g_assert_cmpstr (user->username, ==, "manager_a");
  g_assert_true (user->roles & SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER));
  g_assert_true (sp_account_is_connected (f->account));
  shot ("account-signed-in");

  /* The header bar says so, in words. */
  g_assert_true (gtk_widget_get_visible (f->indicator));
  summary = sp_sync_indicator_get_summary (SP_SYNC_INDICATOR (f->indicator));
  g_assert_true (g_str_has_prefix (summary, _("Synced")));

  /* The organisation came down from the server: the form offers its units. */
  actor = (SpActor) { SP_ENTITY (user)->id, user->display_name, user->roles };
  worker = sp_store_worker_new (f->db);
  dialog = sp_intake_dialog_new (GTK_WINDOW (f->window), worker, &actor);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (wait_for (intake_idle, dialog, 30));
  choose (dialog, "kind", sp_enum_get_label (&sp_case_kind_info, SP_CASE_KIND_COMPLAINT));
  choose (dialog, "channel", sp_enum_get_label (&sp_channel_info, SP_CHANNEL_PHONE));
  gtk_editable_set_text (GTK_EDITABLE (input (dialog, "sender_name")), "Gösta Ekman");
  gtk_editable_set_text (GTK_EDITABLE (input (dialog, "sender_phone")), "08-508 000 00");
  choose (dialog, "concerns", sp_enum_get_label (&sp_concerns_info, SP_CONCERNS_UNIT));
  choose (dialog, "unit_id", "Solgårdens äldreboende");
  gtk_editable_set_text (GTK_EDITABLE (input (dialog, "subject")), "Kaffet var kallt på Solgården");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (sp_intake_dialog_save (SP_INTAKE_DIALOG (dialog)));
  /* Saved, it closes. */
  g_assert_true (wait_for (intake_gone, &dialog, 30));
  g_clear_object (&worker);

  /* A local change: the engine is told and pushes it. */
  g_assert_cmpint (sp_store_outbox_count (f->store), ==, 1);
  sp_sync_engine_schedule (sp_account_get_engine (f->account));
  g_assert_true (wait_for (has_pending, f->account, 30));
  summary = sp_sync_indicator_get_summary (SP_SYNC_INDICATOR (f->indicator));
  g_assert_nonnull (strstr (summary, g_dngettext (GETTEXT_PACKAGE, "%d change waiting",
                                                  "%d changes waiting", 1) + 3));
  if (g_getenv ("SYNPUNKT_SHOT_DIR") != NULL)
    {
      GtkWidget *bar_window = gtk_window_new ();
      GtkWidget *header = adw_header_bar_new ();

      g_object_ref (f->indicator);
      gtk_box_remove (GTK_BOX (f->box), f->indicator);
      adw_header_bar_pack_end (ADW_HEADER_BAR (header), f->indicator);
      g_object_unref (f->indicator);
      gtk_window_set_titlebar (GTK_WINDOW (bar_window), header);
      gtk_window_set_default_size (GTK_WINDOW (bar_window), 420, 240);
      gtk_window_present (GTK_WINDOW (bar_window));
      gtk_widget_activate (gtk_widget_get_first_child (f->indicator));
      shot ("sync-indicator-waiting");
    }
  g_assert_true (wait_for (is_synced, f->account, 60));

  g_assert_cmpuint (sp_sync_engine_get_n_conflicts (sp_account_get_engine (f->account)), ==, 0);
  response = sp_test_json (f->server, "GET", "/api/v1/cases?q=kaffet", f->org->manager_a, NULL);
  sp_test_assert_status (response, 200);
  g_assert_cmpint (sp_test_get_int (response, "total"), ==, 1);
  g_assert_cmpstr (sp_test_get_string (response, "items.0.subject"), ==, "Kaffet var kallt på Solgården");
  g_assert_cmpstr (sp_test_get_string (response, "items.0.unit_id"), ==, f->org->unit_a);

  /* Logging out keeps the account configured, but not its cases: nobody
   * who logs in next may see them. The indicator says so. */
  sp_account_log_out (f->account);
  g_assert_true (wait_for (is_released, f->account, 30));
  g_assert_true (sp_account_is_connected (f->account));
  summary = sp_sync_indicator_get_summary (SP_SYNC_INDICATOR (f->indicator));
  g_assert_true (g_str_has_prefix (summary, _("Logged out")));
  {
    SpCaseQuery q;

    sp_case_query_init (&q);
    g_assert_cmpint (sp_store_count_cases (f->store, &q, NULL), ==, 0);
  }
  (void)path;
}

static void
test_conflict_dialog (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *unit = g_strdup_printf ("\"unit_id\":\"%s\"", f->org->unit_a);
  g_autofree char *id = sp_test_create_case (f->server, f->org->staff_a, unit);
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s", id);
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(SpTestResponse) patch = NULL;
  g_autoptr(SpTestResponse) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStoreWorker) worker = NULL;
  static const SpActor me = { "me", "Me", SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) };
  GtkWidget *dialog;
  gboolean resolved = FALSE;

  sp_account_page_connect (SP_ACCOUNT_PAGE (f->page), f->server->base, "manager_a",
                           SP_TEST_PASSWORD);
  g_assert_true (wait_for (is_synced, f->account, 60));

  /* Someone else changes the subject on the server; we change it here. */
  kase = sp_store_get_case (f->store, id, &error);
  g_assert_no_error (error);
  patch = sp_test_jsonf (f->server, "PATCH", path, f->org->manager_a,
                         "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"subject\":\"Serverns\"}}",
                         SP_ENTITY (kase)->rev);
  sp_test_assert_status (patch, 200);
  g_free (kase->subject);
  kase->subject = g_strdup ("Min");
  g_assert_true (sp_store_update_case (f->store, kase, &me, TRUE, &error));

  sp_sync_engine_sync_async (sp_account_get_engine (f->account), NULL, NULL, NULL);
  g_assert_true (wait_for (is_synced, f->account, 60));
  g_assert_cmpuint (sp_sync_engine_get_n_conflicts (sp_account_get_engine (f->account)), ==, 1);

  /* The case page says so. */
  {
    GtkWidget *page = NULL;
    GtkWidget *window = gtk_window_new ();
    GtkWidget *bar;

    g_autoptr(SpReference) reference = NULL;

    worker = sp_store_worker_new (f->db);
    reference = sp_reference_new (worker);
    page = sp_case_page_new (worker, reference, &me);
    gtk_window_set_child (GTK_WINDOW (window), page);
    sp_case_page_set_case_id (SP_CASE_PAGE (page), id);
    gtk_window_present (GTK_WINDOW (window));
    bar = find_info_bar (page);
    g_assert_nonnull (bar);
    /* The page reads in its worker: the notice shows once that came. */
    SP_TEST_WAIT (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)), 30);
    gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
    shot ("case-page-conflict");
    gtk_window_destroy (GTK_WINDOW (window));
  }

  /* The dialog puts both side by side; keeping one's own pushes it. */
  dialog = sp_conflict_dialog_new (GTK_WINDOW (f->window), worker, &me, id);
  g_signal_connect_swapped (dialog, "resolved", G_CALLBACK (note_resolved), &resolved);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (wait_for (conflicts_idle, dialog, 30));
  shot ("conflict-dialog");
  g_assert_cmpuint (sp_conflict_dialog_get_n_conflicts (SP_CONFLICT_DIALOG (dialog)), ==, 1);
  sp_conflict_dialog_choose (SP_CONFLICT_DIALOG (dialog), 0, TRUE);
  sp_conflict_dialog_apply (SP_CONFLICT_DIALOG (dialog));
  g_assert_true (wait_for (is_true, &resolved, 30));

  sp_sync_engine_sync_async (sp_account_get_engine (f->account), NULL, NULL, NULL);
  g_assert_true (wait_for (is_synced, f->account, 60));
  g_assert_cmpuint (sp_sync_engine_get_n_conflicts (sp_account_get_engine (f->account)), ==, 0);
  after = sp_test_json (f->server, "GET", path, f->org->manager_a, NULL);
  g_assert_cmpstr (sp_test_get_string (after, "case.subject"), ==, "Min");
}

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

/* The main window during a first sync: a page that says the cases are on
 * their way, never the welcome that offers demo data for a diary kept on
 * this computer only; then the list with the server's cases. */
static void
test_window_first_sync (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SpApplication) app = NULL;
  g_autoptr(GString) pages = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *unit = g_strdup_printf ("\"unit_id\":\"%s\"", f->org->unit_a);
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gboolean connected = FALSE;
  SpCaseListModel *model;
  SpSyncEngine *engine = NULL;
  SpWindow *window;
  const char *page;

  for (guint i = 0; i < 3; i++)
    g_free (sp_test_create_case (f->server, f->org->registrar, unit));

  /* SYNPUNKT_DB was set in main(), before any thread could read the
   * environment. */
  app = sp_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = SP_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  model = sp_case_view_get_model (sp_window_get_case_view (window));
  iterate ();
  page = sp_window_get_page (window);
  g_assert_cmpstr (page, ==, "first-run");

  sp_account_connect_async (sp_application_get_account (app), f->server->base, "registrar",
                            SP_TEST_PASSWORD, NULL, on_connected, &connected);
  while (g_get_monotonic_time () < end &&
         !(connected && engine != NULL && sp_sync_engine_get_state (engine) == SP_SYNC_STATE_SYNCED &&
           g_list_model_get_n_items (G_LIST_MODEL (model)) == 3 &&
           g_strcmp0 (sp_window_get_page (window), "list") == 0))
    {
      g_main_context_iteration (NULL, TRUE);
      engine = sp_account_get_engine (sp_application_get_account (app));
      if (g_strcmp0 (page, sp_window_get_page (window)) != 0)
        {
          page = sp_window_get_page (window);
          /* On a loaded machine the list may show its spinner a moment
           * before the rows: that is no page of its own. */
          if (!g_str_equal (page, "loading"))
            g_string_append_printf (pages, "%s%s", pages->len ? " " : "", page);
          if (g_str_equal (page, "syncing"))
            shot ("window-first-sync");
        }
    }
  if (g_strcmp0 (page, sp_window_get_page (window)) != 0 &&
      g_strcmp0 (sp_window_get_page (window), "loading") != 0)
    g_string_append_printf (pages, " %s", sp_window_get_page (window));

  g_assert_cmpstr (pages->str, ==, "syncing list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  /* The sidebar counts them too, once the sync is done. */
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (sp_window_get_view_count (window, "all") != 3 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (sp_window_get_view_count (window, "all"), ==, 3);
  shot ("window-after-first-sync");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  app_test_application_shut_down (&app);
}

static GtkWidget *
find_toplevel (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (window), name) == 0)
        return window;
    }
  return NULL;
}

static gboolean
is_offline_with_pending (gpointer data)
{
  SpSyncEngine *engine = sp_account_get_engine (data);

  return engine != NULL && sp_sync_engine_get_state (engine) == SP_SYNC_STATE_OFFLINE &&
         sp_sync_engine_get_pending (engine) == 1;
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Logging out with a change that could not be sent: the user is asked,
 * and the change is kept aside, then sent at the next login. */
static void
test_logout_keeps_unsent (Fixture       *f,
                          gconstpointer  data)
{
  static const SpActor me = { "local", "Local", SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) };
  g_autofree char *unit = g_strdup_printf ("\"unit_id\":\"%s\"", f->org->unit_a);
  g_autofree char *id = sp_test_create_case (f->server, f->org->registrar, unit);
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s", id);
  g_autofree char *unsent = g_build_filename (f->dir, "unsent", NULL);
  g_autofree char *port = g_strdup (strrchr (f->server->base, ':') + 1);
  g_autofree char *listen = g_strdup_printf ("127.0.0.1:%s", port);
  g_autoptr(SpTestResponse) got = NULL;
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  sp_account_page_connect (SP_ACCOUNT_PAGE (f->page), f->server->base, "manager_a",
                           SP_TEST_PASSWORD);
  g_assert_true (wait_for (is_synced, f->account, 60));

  /* The server goes away; a change made meanwhile waits. */
  sp_test_server_kill9 (f->server);
  kase = sp_store_get_case (f->store, id, &error);
  g_assert_no_error (error);
  g_free (kase->subject);
  kase->subject = g_strdup ("Ändrat utan nät");
  g_assert_true (sp_store_update_case (f->store, kase, &me, TRUE, &error));
  sp_sync_engine_sync_async (sp_account_get_engine (f->account), NULL, NULL, NULL);
  g_assert_true (wait_for (is_offline_with_pending, f->account, 60));

  sp_account_page_log_out (SP_ACCOUNT_PAGE (f->page));
  iterate ();
  dialog = find_toplevel ("logout-dialog");
  g_assert_nonnull (dialog);
  shot ("logout-with-unsent");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "logout");
  g_assert_true (wait_for (is_released, f->account, 30));
  g_assert_cmpuint (count_files (unsent), ==, 1);
  g_assert_null (sp_store_get_case (f->store, id, NULL));

  /* The server is back where it was; the same manager logs in. */
  sp_test_server_start (f->server, (const char * const[]) { "--listen", listen, NULL });
  g_assert_cmpstr (strrchr (f->server->base, ':') + 1, ==, port);
  sp_account_page_connect (SP_ACCOUNT_PAGE (f->page), f->server->base, "manager_a",
                           SP_TEST_PASSWORD);
  g_assert_true (wait_for (is_synced, f->account, 60));
  g_assert_cmpuint (count_files (unsent), ==, 0);
  got = sp_test_json (f->server, "GET", path, f->org->registrar, NULL);
  sp_test_assert_status (got, 200);
  g_assert_cmpstr (sp_test_get_string (got, "case.subject"), ==, "Ändrat utan nät");
}

static gboolean
window_shows (SpWindow   *window,
              const char *page,
              guint       n_cases)
{
  SpCaseListModel *model = sp_case_view_get_model (sp_window_get_case_view (window));

  return g_strcmp0 (sp_window_get_page (window), page) == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (model)) == n_cases;
}

static void
wait_for_window (SpWindow   *window,
                 const char *page,
                 guint       n_cases)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!window_shows (window, page, n_cases) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (sp_window_get_page (window), ==, page);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sp_case_view_get_model (sp_window_get_case_view (window)))),
                    ==, n_cases);
}

static SpCase *
local_case (SpApplication *app,
            const char    *id)
{
  g_autoptr(SpStore) store = sp_test_store_open (sp_application_get_db_path (app), NULL);

  return store ? sp_store_get_case (store, id, NULL) : NULL;
}

/* One computer, two people in turn: the second never sees what the first
 * could, not even between logging in and the first sync. */
static void
test_window_switch_account (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SpApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mine = g_strdup_printf ("\"unit_id\":\"%s\",\"sender\":{\"name\":\"Karin Andersson\"}",
                                           f->org->unit_a);
  g_autofree char *other = g_strdup_printf ("\"unit_id\":\"%s\"", f->org->unit_c);
  g_autofree char *id = sp_test_create_case (f->server, f->org->registrar, mine);
  g_autofree char *other_id = sp_test_create_case (f->server, f->org->registrar, other);
  gboolean connected = FALSE;
  SpAccount *account;
  SpWindow *window;
  SpCase *kase;

  app = sp_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = SP_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  account = sp_application_get_account (app);
  iterate ();

  sp_account_connect_async (account, f->server->base, "manager_a", SP_TEST_PASSWORD, NULL,
                            on_connected, &connected);
  wait_for_window (window, "list", 1);
  g_assert_true (connected);
  kase = local_case (app, id);
  g_assert_nonnull (kase);
  g_assert_cmpstr (kase->sender_name, ==, "Karin Andersson");
  g_clear_object (&kase);

  /* Logged out: the window shows no case, and the replica holds none. */
  sp_account_log_out (account);
  g_assert_cmpstr (sp_window_get_page (window), ==, "signed-out");
  g_assert_true (wait_for (is_released, account, 30));
  wait_for_window (window, "signed-out", 0);
  g_assert_null (local_case (app, id));
  shot ("window-signed-out");

  /* Quality staff log in: every case, none of the sender's data. */
  connected = FALSE;
  sp_account_connect_async (account, f->server->base, "quality", SP_TEST_PASSWORD, NULL,
                            on_connected, &connected);
  wait_for_window (window, "list", 2);
  kase = local_case (app, id);
  g_assert_nonnull (kase);
  g_assert_null (kase->sender_name);
  g_clear_object (&kase);
  kase = local_case (app, other_id);
  g_assert_nonnull (kase);
  g_clear_object (&kase);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  app_test_application_shut_down (&app);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *window_dir = NULL;
  g_autofree char *window_db = NULL;
  int status;

  /* Swedish screenshots read the build tree's catalogue. */
  if (g_getenv ("SYNPUNKT_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SYNPUNKT_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  /* The main window's own database, for the tests that open it. */
  window_dir = sp_test_dir_new ("gui-window");
  window_db = g_build_filename (window_dir, "synpunkt.db", NULL);
  g_setenv ("SYNPUNKT_DB", window_db, TRUE);
  adw_init ();
  /* gtk_test_init() runs in the C locale; screenshots want the user's. */
  if (g_getenv ("SYNPUNKT_SHOT_DIR") != NULL)
    setlocale (LC_ALL, "");

  g_test_add ("/sync-gui/wrong-password", Fixture, NULL, fixture_set_up, test_wrong_password,
              fixture_tear_down);
  g_test_add ("/sync-gui/directory-named", Fixture, DIRECTORY_CONFIG, fixture_set_up,
              test_directory_named, fixture_tear_down);
  g_test_add ("/sync-gui/directory-down", Fixture, DIRECTORY_CONFIG, fixture_set_up,
              test_directory_down, fixture_tear_down);
  g_test_add ("/sync-gui/connect-create-find", Fixture, NULL, fixture_set_up,
              test_connect_create_find, fixture_tear_down);
  g_test_add ("/sync-gui/window-first-sync", Fixture, NULL, fixture_set_up, test_window_first_sync,
              fixture_tear_down);
  g_test_add ("/sync-gui/window-switch-account", Fixture, NULL, fixture_set_up,
              test_window_switch_account, fixture_tear_down);
  g_test_add ("/sync-gui/logout-keeps-unsent", Fixture, NULL, fixture_set_up,
              test_logout_keeps_unsent, fixture_tear_down);
  g_test_add ("/sync-gui/conflict-dialog", Fixture, NULL, fixture_set_up, test_conflict_dialog,
              fixture_tear_down);

  status = g_test_run ();
  sp_test_remove_dir (window_dir);
  return status;
}
