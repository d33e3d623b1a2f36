/* bench-sync.c: how long a replica's first sync of 100,000 cases takes, and
 * an incremental sync of 100 changes, against the real server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; asserts nothing about time.
 */

#include <sys/resource.h>

#include <glib/gstdio.h>

#include "sp-sync-engine.h"
#include "sp-test-server.h"

static GMainLoop *loop;
static gboolean ok;

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  ok = sp_sync_engine_sync_finish (SP_SYNC_ENGINE (source), result, &error);
  if (!ok)
    g_printerr ("sync failed: %s\n", error->message);
  g_main_loop_quit (loop);
}

static void
on_progress (SpSyncEngine *engine,
             GParamSpec   *pspec,
             gpointer      user_data)
{
  static int last = -1;
  int percent = (int)(sp_sync_engine_get_progress (engine) * 10);

  if (percent != last)
    g_print ("  … %d %%\n", percent * 10);
  last = percent;
}

/* The longest the main loop went without running a 10 ms tick: what a
 * window would have felt while syncing. */
static gint64 last_tick;
static gint64 longest_stall;

static gboolean
on_tick (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_tick != 0)
    longest_stall = MAX (longest_stall, now - last_tick);
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* Wall-clock seconds; @cpu gets the seconds of CPU this process (the
 * replica's side, all its threads) spent meanwhile. */
static double
timed_sync (SpSyncEngine *engine,
            double       *cpu)
{
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_seconds ();
  guint tick = g_timeout_add (10, on_tick, NULL);

  last_tick = 0;
  longest_stall = 0;
  sp_sync_engine_sync_async (engine, NULL, on_synced, NULL);
  g_main_loop_run (loop);
  g_source_remove (tick);
  if (cpu != NULL)
    *cpu = cpu_seconds () - cpu_start;
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  guint n_cases = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  g_autoptr(SpTestServer) server = NULL;
  g_autoptr(SpStore) replica = NULL;
  g_autoptr(SpSyncClient) client = NULL;
  g_autoptr(SpSyncEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *token = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  SpCaseQuery query;
  double seconds, cpu;

  loop = g_main_loop_new (NULL, FALSE);

  /* A server with the demo district. */
  server = sp_test_server_new_demo (n_cases);
  token = sp_test_login (server, "bench", SP_TEST_PASSWORD);

  dir = g_dir_make_tmp ("synpunkt-bench-XXXXXX", &error);
  path = g_build_filename (dir, "replica.db", NULL);
  replica = sp_store_open (path, &error);
  g_assert_no_error (error);
  client = sp_sync_client_new (server->base);
  sp_sync_client_set_token (client, token);
  engine = sp_sync_engine_new (path, client);
  g_signal_connect (engine, "notify::progress", G_CALLBACK (on_progress), NULL);

  g_print ("First sync of %u cases (with their investigations, actions and history):\n", n_cases);
  seconds = timed_sync (engine, &cpu);
  sp_case_query_init (&query);
  g_print ("first sync: %.2f s for %" G_GINT64_FORMAT " cases in the replica%s (the replica's side used %.1f s of CPU;"
           " the main loop's longest wait %.0f ms)\n",
           seconds, sp_store_count_cases (replica, &query, NULL), ok ? "" : " (FAILED)", cpu, longest_stall / 1e3);

  /* 100 cases changed on the server by someone else. */
  query.limit = 100;
  ids = sp_store_query_cases (replica, &query, &error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *p = g_strdup_printf ("/api/v1/cases/%s", SP_ENTITY (ids->pdata[i])->id);
      g_autoptr(SpTestResponse) r =
        sp_test_jsonf (server, "PATCH", p, token, "{\"base_rev\":%" G_GINT64_FORMAT ","
                       "\"fields\":{\"service_note\":\"Ändrad %u\"}}",
                       SP_ENTITY (ids->pdata[i])->rev, i);
      if (r->status != 200)
        g_printerr ("PATCH failed: %u\n", r->status);
    }

  seconds = timed_sync (engine, NULL);
  g_print ("incremental sync of 100 changed cases: %.3f s%s\n", seconds, ok ? "" : " (FAILED)");

  /* 100 local edits pushed. */
  for (guint i = 0; i < ids->len; i++)
    {
      SpCase *kase = ids->pdata[i];
      g_autoptr(SpCase) fresh = sp_store_get_case (replica, SP_ENTITY (kase)->id, NULL);
      static const SpActor me = { "bench", "Bench", SP_ROLE_BIT (SP_ROLE_REGISTRAR) };

      g_free (fresh->subject);
      fresh->subject = g_strdup_printf ("Lokalt ändrad %u", i);
      sp_store_update_case (replica, fresh, &me, FALSE, NULL);
    }
  seconds = timed_sync (engine, NULL);
  g_print ("push of 100 local edits: %.3f s%s\n", seconds, ok ? "" : " (FAILED)");

  /* The replica is as big as the server's database: not left behind. */
  g_clear_object (&engine);
  g_clear_object (&replica);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);

  return 0;
}
