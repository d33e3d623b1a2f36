/* bench-first-sync.c: the app's first sync of 100,000 cases, as a user sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real server with the demo district, the real window under Xvfb
 * connected to it as the account page does: how long until the sync is
 * done, when rows first show and when the list shows them all, which
 * pages the window showed, how often it was drawn, and the longest the main
 * loop went without a 10 ms tick meanwhile. Prints figures; asserts nothing about time.
 * Usage: bench-first-sync [N-CASES]
 */

#include <glib/gi18n.h>
#include <locale.h>

#include "sp-account.h"
#include "sp-application.h"
#include "sp-window.h"
#include "sp-test-server.h"

static gint64 start;
static gint64 last_tick;
static gint64 longest_stall;
static gint64 longest_stall_at;

static gboolean
on_tick (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_tick != 0 && now - last_tick > longest_stall)
    {
      longest_stall = now - last_tick;
      longest_stall_at = now - start;
    }
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!sp_account_connect_finish (SP_ACCOUNT (source), result, &error))
    g_error ("Cannot connect: %s", error->message);
  *(gboolean *) user_data = TRUE;
}

/* Frames drawn: every one costs, most where there is no graphics card. */
static guint frames;

static void
on_paint (GdkFrameClock *clock,
          gpointer       user_data)
{
  frames++;
}

static double
seconds_since (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  guint n_cases = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  g_autoptr(SpTestServer) server = NULL;
  g_autoptr(SpApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) pages = g_string_new (NULL);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *page = "";
  double first_rows = -1, synced = -1, all_shown = -1;
  gboolean connected = FALSE;
  gboolean shot_taken = FALSE;
  SpCaseListModel *model;
  SpSyncEngine *engine;
  SpWindow *window;
  guint tick;

  /* Swedish screenshots read the build tree's catalogue. */
  setlocale (LC_ALL, "");
  if (g_getenv ("SYNPUNKT_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SYNPUNKT_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("# no display: run under xvfb-run\n");
      return 77;
    }

  /* The demo district, and a registrar, who sees it all. */
  server = sp_test_server_new_demo (n_cases);

  /* The app on an empty database of its own. */
  dir = g_dir_make_tmp ("synpunkt-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "synpunkt.db", NULL);
  g_setenv ("SYNPUNKT_DB", path, TRUE);
  app = sp_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_activate (G_APPLICATION (app));
  window = SP_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  model = sp_case_view_get_model (sp_window_get_case_view (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (on_paint), NULL);
  g_print ("First sync of %u cases in the app, connected as the account page does:\n", n_cases);
  tick = g_timeout_add (10, on_tick, NULL);
  start = g_get_monotonic_time ();
  sp_account_connect_async (sp_application_get_account (app), server->base, "bench", SP_TEST_PASSWORD,
                            NULL, on_connected, &connected);

  while (all_shown < 0 && seconds_since (start) < 600)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

      g_main_context_iteration (NULL, TRUE);
      engine = sp_account_get_engine (sp_application_get_account (app));

      if (g_strcmp0 (page, sp_window_get_page (window)) != 0)
        {
          page = sp_window_get_page (window);
          g_string_append_printf (pages, "%s%s (%.1f s)", pages->len ? " → " : "", page, seconds_since (start));
        }
      /* With SYNPUNKT_SHOT_DIR, a look at the window halfway. */
      if (!shot_taken && engine != NULL && sp_sync_engine_get_progress (engine) >= 0.5 &&
          g_getenv ("SYNPUNKT_SHOT_DIR") != NULL)
        {
          g_autofree char *command = g_strdup_printf ("import -window root %s/first-sync-halfway.png",
                                                      g_getenv ("SYNPUNKT_SHOT_DIR"));

          g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
          shot_taken = TRUE;
        }
      if (first_rows < 0 && n > 0 && g_strcmp0 (page, "list") == 0)
        first_rows = seconds_since (start);
      if (synced < 0 && connected && engine != NULL &&
          sp_sync_engine_get_state (engine) == SP_SYNC_STATE_SYNCED)
        synced = seconds_since (start);
      if (synced >= 0 && n >= n_cases && !sp_case_list_model_get_loading (model))
        all_shown = seconds_since (start);
    }
  g_source_remove (tick);

  g_print ("first sync done after %.1f s; first rows shown after %.1f s; all %u shown after %.1f s\n",
           synced, first_rows, g_list_model_get_n_items (G_LIST_MODEL (model)), all_shown);
  g_print ("pages shown: %s\n", pages->str);
  g_print ("the window was drawn %u times\n", frames);
  g_print ("the main loop's longest wait: %.0f ms, %.1f s in\n", longest_stall / 1e3, longest_stall_at / 1e6);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return 0;
}
