/* test-server-crash.c: kill -9 at random moments under concurrent writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Several writers create, register and edit cases at once; the server is
 * killed with SIGKILL at a random moment, started again on the same file,
 * and every write it acknowledged must be there, the database whole, the
 * audit chain unbroken and the diary numbers unique and without gaps.
 * `--cycles N` sets how many times (a short run in the suite, a long one
 * as the benchmark "crash-long"); `--seed` (GLib's) repeats a run.
 */

#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "sp-test-server.h"

#define N_WRITERS 6
#define SENDER "\"sender\":{\"name\":\"Eva Ek\",\"email\":\"eva@example.se\",\"wants_feedback\":true}"

static guint n_cycles = 12;

typedef struct
{
  char *subject;
  char *description;   /* the last acknowledged, or NULL */
  char *maybe;         /* sent when the server was killed: stored or not */
  char *diary_number;  /* once acknowledged */
} Acked;

static void
acked_free (Acked *acked)
{
  g_free (acked->subject);
  g_free (acked->description);
  g_free (acked->maybe);
  g_free (acked->diary_number);
  g_free (acked);
}

typedef struct _Run Run;

typedef struct
{
  Run   *run;
  guint  index;
  char  *case_id;
  guint  step;         /* 0 create, 1 register, 2 edit */
  char  *sending;      /* the subject or description in flight */
  gint64 rev;          /* of the case, as last acknowledged */
  guint  n;
} Writer;

struct _Run
{
  SpTestServer *server;
  char         *token;
  SoupSession  *session;
  GCancellable *cancellable;
  GHashTable   *acked;        /* case id → Acked */
  Writer        writers[N_WRITERS];
  guint         in_flight;
  gboolean      killed;
  guint         serial;
  guint64       n_acked_writes;
};

static void writer_next (Writer *writer);

static void
on_answer (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Writer *writer = user_data;
  Run *run = writer->run;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  guint status = message ? soup_message_get_status (message) : 0;
  JsonObject *object = NULL;

  run->in_flight--;

  /* An answer that never came was never acknowledged. */
  if (body == NULL || run->killed || status < 200 || status >= 300)
    {
      if (!run->killed && body != NULL)
        g_error ("Writer %u, step %u: HTTP %u: %.*s", writer->index, writer->step, status,
                 (int) g_bytes_get_size (body), (const char *) g_bytes_get_data (body, NULL));
      return;
    }

  if (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    object = json_node_get_object (json_parser_get_root (parser));
  g_assert_nonnull (object);
  run->n_acked_writes++;
  writer->rev = json_object_get_int_member_with_default (object, "rev", writer->rev);

  switch (writer->step)
    {
    case 0:
      {
        Acked *acked = g_new0 (Acked, 1);

        g_free (writer->case_id);
        writer->case_id = g_strdup (json_object_get_string_member (object, "id"));
        acked->subject = g_steal_pointer (&writer->sending);
        g_hash_table_insert (run->acked, g_strdup (writer->case_id), acked);
        writer->step = 1;
      }
      break;
    case 1:
      {
        Acked *acked = g_hash_table_lookup (run->acked, writer->case_id);

        acked->diary_number = g_strdup (json_object_get_string_member (object, "diary_number"));
        g_assert_nonnull (acked->diary_number);
        writer->step = 2;
      }
      break;
    default:
      {
        Acked *acked = g_hash_table_lookup (run->acked, writer->case_id);

        g_free (acked->description);
        acked->description = g_steal_pointer (&writer->sending);
        writer->step = 0;
      }
      break;
    }

  writer_next (writer);
}

static void
writer_next (Writer *writer)
{
  Run *run = writer->run;
  const char *method = "POST";
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  g_autoptr(SoupMessage) message = NULL;

  if (run->killed)
    return;

  g_clear_pointer (&writer->sending, g_free);
  switch (writer->step)
    {
    case 0:
      writer->sending = g_strdup_printf ("Krasch %u-%u", writer->index, ++run->serial);
      path = g_strdup ("/api/v1/cases");
      json = g_strdup_printf ("{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"letter\","
                              "\"received_on\":\"2026-10-%02u\",\"subject\":\"%s\",%s}",
                              1 + run->serial % 28, writer->sending, SENDER);
      break;
    case 1:
      path = g_strdup_printf ("/api/v1/cases/%s/transition", writer->case_id);
      json = g_strdup ("{\"to\":\"registered\"}");
      break;
    default:
      method = "PATCH";
      writer->sending = g_strdup_printf ("Skrivning %u", ++run->serial);
      path = g_strdup_printf ("/api/v1/cases/%s", writer->case_id);
      json = g_strdup_printf ("{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"description\":\"%s\"}}",
                              writer->rev, writer->sending);
      break;
    }

  message = sp_test_message_new (run->server, method, path, run->token, json);
  run->in_flight++;
  writer->n++;
  soup_session_send_and_read_async (run->session, message, G_PRIORITY_DEFAULT, run->cancellable,
                                    on_answer, writer);
}

static gboolean
on_kill (gpointer user_data)
{
  Run *run = user_data;

  run->killed = TRUE;
  sp_test_server_kill9 (run->server);
  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_REMOVE;
}

static char *
query_text (sqlite3    *db,
            const char *sql,
            const char *arg)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Everything acknowledged is in the file, which is whole; the diary has
 * no gaps and no number twice. */
static void
check_database (Run *run)
{
  sqlite3 *db = NULL;
  GHashTableIter iter;
  gpointer key, value;
  g_autofree char *integrity = NULL;
  g_autofree char *gaps = NULL;
  g_autofree char *out = NULL;
  int status;

  g_assert_cmpint (sqlite3_open_v2 (run->server->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);

  integrity = query_text (db, "PRAGMA integrity_check", NULL);
  g_assert_cmpstr (integrity, ==, "ok");

  g_hash_table_iter_init (&iter, run->acked);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Acked *acked = value;
      g_autofree char *subject = query_text (db, "SELECT subject FROM cases WHERE id = ?", key);
      g_autofree char *description = query_text (db, "SELECT description FROM cases WHERE id = ?", key);
      g_autofree char *number = query_text (db, "SELECT number FROM diary WHERE case_id = ?", key);

      g_assert_cmpstr (subject, ==, acked->subject);
      if (acked->description != NULL)
        g_assert_nonnull (description);
      if (acked->diary_number != NULL)
        g_assert_cmpstr (number, ==, acked->diary_number);
    }

  /* Per year, numbers 1..n, each once (the primary key sees to "once"). */
  gaps = query_text (db,
                     "SELECT group_concat(year) FROM (SELECT year, count(*) AS n, min(seq) AS lo,"
                     " max(seq) AS hi FROM diary GROUP BY year) WHERE lo <> 1 OR hi <> n",
                     NULL);
  g_assert_null (gaps);
  sqlite3_close (db);

  status = sp_test_run (NULL, &out, NULL,
                        (const char *[]) { "audit", "verify", "--db", run->server->db, NULL });
  if (status != 0)
    g_error ("audit verify: %s", out);
}

/* A description acknowledged later may have been overwritten by an edit
 * that was acknowledged after it; the last one must be the one stored. */
static void
check_descriptions (Run *run)
{
  sqlite3 *db = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpint (sqlite3_open_v2 (run->server->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_hash_table_iter_init (&iter, run->acked);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Acked *acked = value;
      g_autofree char *description = query_text (db, "SELECT description FROM cases WHERE id = ?", key);

      if (acked->maybe != NULL && g_strcmp0 (description, acked->maybe) == 0)
        continue;
      if (acked->description != NULL)
        g_assert_cmpstr (description, ==, acked->description);
    }
  sqlite3_close (db);
}

static void
test_kill_under_writers (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  Run run = { 0 };

  run.server = server;
  run.token = sp_test_registrar_token (server);
  run.session = soup_session_new_with_options ("max-conns-per-host", N_WRITERS * 2,
                                               "timeout", 30, NULL);
  run.acked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) acked_free);

  for (guint cycle = 0; cycle < n_cycles; cycle++)
    {
      guint delay = g_test_rand_int_range (100, 900);
      gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

      run.killed = FALSE;
      run.cancellable = g_cancellable_new ();
      for (guint i = 0; i < N_WRITERS; i++)
        {
          Writer *writer = &run.writers[i];

          writer->run = &run;
          writer->index = i;
          writer_next (writer);
        }

      g_timeout_add (delay, on_kill, &run);
      while ((!run.killed || run.in_flight > 0) && g_get_monotonic_time () < end)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (run.killed);
      g_assert_cmpuint (run.in_flight, ==, 0);
      g_clear_object (&run.cancellable);
      /* Connections to the dead server are not reused. */
      soup_session_abort (run.session);

      /* A write in flight at the kill may or may not have been committed:
       * either is right. The writer starts a new case rather than guess. */
      for (guint i = 0; i < N_WRITERS; i++)
        {
          Writer *writer = &run.writers[i];
          Acked *acked = writer->case_id ? g_hash_table_lookup (run.acked, writer->case_id) : NULL;

          if (acked != NULL && writer->step == 2 && writer->sending != NULL)
            {
              g_free (acked->maybe);
              acked->maybe = g_steal_pointer (&writer->sending);
            }
          g_clear_pointer (&writer->sending, g_free);
          writer->step = 0;
        }

      sp_test_server_start (server, NULL);
      check_database (&run);
      check_descriptions (&run);
      g_test_message ("cycle %u: killed after %u ms, %u cases and %" G_GUINT64_FORMAT
                      " writes acknowledged so far", cycle + 1, delay,
                      g_hash_table_size (run.acked), run.n_acked_writes);

    }

  g_assert_cmpuint (g_hash_table_size (run.acked), >, 0);
  if (g_test_perf ())
    g_test_minimized_result (run.n_acked_writes, "%u kills, %" G_GUINT64_FORMAT " acknowledged writes, none lost",
                             n_cycles, run.n_acked_writes);
  else
    g_print ("%u kills, %" G_GUINT64_FORMAT " acknowledged writes, none lost\n", n_cycles,
             run.n_acked_writes);

  for (guint i = 0; i < N_WRITERS; i++)
    {
      g_free (run.writers[i].case_id);
      g_free (run.writers[i].sending);
    }
  g_hash_table_unref (run.acked);
  g_object_unref (run.session);
  g_free (run.token);
}

int
main (int   argc,
      char *argv[])
{
  n_cycles = sp_test_take_option (&argc, argv, "--cycles", n_cycles);

  g_test_init (&argc, &argv, NULL);
  signal (SIGPIPE, SIG_IGN);

  g_test_add_func ("/server/crash/kill-under-writers", test_kill_under_writers);

  return g_test_run ();
}
