/* test-server-soak.c: many syncing clients for a long while
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each client speaks the sync protocol as the desktop app does: a first
 * pull of the whole feed, then every second or so a pull of what changed
 * and now and then a pushed edit of a case it holds, with its base
 * revision. At the end every client pulls once more and must hold exactly
 * the server's revisions: they all converged. Along the way the request
 * times and the server's memory are measured and printed.
 *
 * `--clients N --seconds S --cases C`: the suite runs a short form and
 * asserts only that nothing failed and everyone converged; the benchmark
 * "soak-long" runs 50 clients for 10 minutes and prints the figures.
 */

#include <signal.h>
#include <string.h>

#include "sp-test-server.h"

static guint n_clients = 8;
static guint n_seconds = 8;
static guint n_cases = 300;

typedef struct _Soak Soak;

typedef struct
{
  Soak       *soak;
  guint       index;
  char       *token;
  gint64      cursor;
  GHashTable *revs;       /* "entity/id" → rev, as this client holds them */
  GPtrArray  *case_ids;   /* cases it may edit */
  gboolean    busy;
  gboolean    first_done;
  guint       timer;
  guint       n_edits;
} Client;

struct _Soak
{
  SpTestServer *server;
  SoupSession  *session;
  Client       *clients;
  GArray       *steady;       /* gint64 µs of each request after the first pulls */
  GArray       *settled;      /* … of those after every client's first pull */
  guint         n_first_done;
  GArray       *first;        /* µs of the first pulls' pages */
  GArray       *rss;          /* kB of the server, sampled */
  guint         errors;
  guint         conflicts;
  gboolean      stopping;
  guint         busy;
};

static void client_pull (Client *client);

static guint
rand_range (guint lo,
            guint hi)
{
  return (guint) g_test_rand_int_range ((gint32) lo, (gint32) hi);
}

static gint64
server_rss_kb (Soak *soak)
{
  const char *pid = g_subprocess_get_identifier (soak->server->process);
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", pid);
  g_autofree char *text = NULL;
  const char *line;

  if (pid == NULL || !g_file_get_contents (path, &text, NULL, NULL) ||
      (line = strstr (text, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtoll (line + 6, NULL, 10);
}

static void
client_schedule (Client *client);

static void
client_idle (Client *client)
{
  client->busy = FALSE;
  client->soak->busy--;
  if (!client->soak->stopping)
    client_schedule (client);
}

static JsonObject *
read_object (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (body == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

typedef struct
{
  Client  *client;
  gint64   started;
  gboolean pull;
} Request;

static void
record_time (Request *request)
{
  Soak *soak = request->client->soak;
  gint64 took = g_get_monotonic_time () - request->started;

  g_array_append_val (request->client->first_done ? soak->steady : soak->first, took);
  if (soak->n_first_done >= n_clients)
    g_array_append_val (soak->settled, took);
}

static void
keep_change (Client     *client,
             JsonObject *change)
{
  const char *entity = json_object_get_string_member_with_default (change, "entity", "");
  const char *id = json_object_get_string_member_with_default (change, "id", "");
  gboolean gone = json_object_get_boolean_member_with_default (change, "deleted", FALSE) ||
                  !json_object_get_boolean_member_with_default (change, "visible", TRUE);
  char *key = g_strconcat (entity, "/", id, NULL);

  if (gone)
    {
      g_hash_table_remove (client->revs, key);
      g_free (key);
      return;
    }
  if (g_str_equal (entity, "case") && !g_hash_table_contains (client->revs, key))
    g_ptr_array_add (client->case_ids, g_strdup (id));
  g_hash_table_insert (client->revs, key,
                       GINT_TO_POINTER ((int) json_object_get_int_member_with_default (change, "rev", 0)));
}

/* The answer's object, timed; or NULL when it is not a 200 with @member,
 * counted as an error and the client left idle. */
static JsonObject *
read_answer (Request      *request,
             GObject      *source,
             GAsyncResult *result,
             const char   *member)
{
  Client *client = request->client;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  JsonObject *object = NULL;

  record_time (request);
  if (soup_message_get_status (message) == 200 && (object = read_object (body)) != NULL &&
      json_object_has_member (object, member))
    return object;

  g_clear_pointer (&object, json_object_unref);
  g_printerr ("client %u: %s answered %u\n", client->index, member, soup_message_get_status (message));
  client->soak->errors++;
  client_idle (client);
  return NULL;
}

static void
on_pulled (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autofree Request *request = user_data;
  Client *client = request->client;
  g_autoptr(JsonObject) page = read_answer (request, source, result, "changes");
  JsonArray *changes;

  if (page == NULL)
    return;

  changes = json_object_get_array_member (page, "changes");
  for (guint i = 0; i < json_array_get_length (changes); i++)
    keep_change (client, json_array_get_object_element (changes, i));
  client->cursor = json_object_get_int_member (page, "cursor");

  if (json_object_get_boolean_member (page, "more"))
    {
      client_pull (client);
      return;
    }

  if (!client->first_done)
    client->soak->n_first_done++;
  client->first_done = TRUE;
  client_idle (client);
}

static void
client_pull (Client *client)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/changes?since=%" G_GINT64_FORMAT "&limit=1000",
                                           client->cursor);
  g_autoptr(SoupMessage) message = sp_test_message_new (client->soak->server, "GET", path,
                                                       client->token, NULL);
  Request *request = g_new0 (Request, 1);

  request->client = client;
  request->started = g_get_monotonic_time ();
  soup_session_send_and_read_async (client->soak->session, message, G_PRIORITY_DEFAULT, NULL,
                                    on_pulled, request);
}

static void
on_pushed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autofree Request *request = user_data;
  Client *client = request->client;
  g_autoptr(JsonObject) answer = read_answer (request, source, result, "results");
  JsonArray *results;

  if (answer == NULL)
    return;

  /* Two clients editing one case at once is an honest conflict, not an
   * error; a refusal is. */
  results = json_object_get_array_member (answer, "results");
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      const char *status = json_object_get_string_member_with_default (json_array_get_object_element (results, i),
                                                                        "status", "");

      if (g_str_equal (status, "conflict"))
        client->soak->conflicts++;
      else if (!g_str_equal (status, "applied"))
        {
          g_printerr ("client %u: change %s\n", client->index, status);
          client->soak->errors++;
        }
    }

  client->n_edits++;
  client_pull (client);
}

static void
client_push (Client *client)
{
  const char *id = client->case_ids->pdata[rand_range (0, client->case_ids->len)];
  g_autofree char *key = g_strconcat ("case/", id, NULL);
  gint64 rev = GPOINTER_TO_INT (g_hash_table_lookup (client->revs, key));
  g_autofree char *batch = g_uuid_string_random ();
  g_autofree char *json = g_strdup_printf ("{\"batch_id\":\"%s\",\"changes\":[{\"entity\":\"case\","
                                           "\"op\":\"update\",\"id\":\"%s\",\"base_rev\":%" G_GINT64_FORMAT ","
                                           "\"fields\":{\"description\":\"Uppföljning %u från klient %u\"}}]}",
                                           batch, id, rev, client->n_edits, client->index);
  g_autoptr(SoupMessage) message = sp_test_message_new (client->soak->server, "POST", "/api/v1/changes",
                                                       client->token, json);
  Request *request = g_new0 (Request, 1);

  request->client = client;
  request->started = g_get_monotonic_time ();
  soup_session_send_and_read_async (client->soak->session, message, G_PRIORITY_DEFAULT, NULL,
                                    on_pushed, request);
}

static gboolean
on_client_timer (gpointer user_data)
{
  Client *client = user_data;

  client->timer = 0;
  if (client->soak->stopping)
    return G_SOURCE_REMOVE;
  client->busy = TRUE;
  client->soak->busy++;
  if (client->first_done && client->case_ids->len > 0 && rand_range (0, 100) < 30)
    client_push (client);
  else
    client_pull (client);
  return G_SOURCE_REMOVE;
}

static void
client_schedule (Client *client)
{
  client->timer = g_timeout_add (rand_range (500, 1500), on_client_timer, client);
}

static gint64
percentile (GArray *times,
            double  p)
{
  if (times->len == 0)
    return 0;
  return g_array_index (times, gint64, MIN (times->len - 1, (guint) (p * times->len)));
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gboolean
on_sample (gpointer user_data)
{
  Soak *soak = user_data;
  gint64 kb = server_rss_kb (soak);

  g_array_append_val (soak->rss, kb);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_stop (gpointer user_data)
{
  ((Soak *) user_data)->stopping = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_idle (Soak *soak)
{
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (soak->busy > 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (soak->busy, ==, 0);
}

static void
test_soak (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new_demo (n_cases);
  g_autoptr(GHashTable) truth = NULL;
  Soak soak = { 0 };
  Client reference = { 0 };
  guint sampler, converged = 0;

  soak.server = server;
  soak.session = soup_session_new_with_options ("max-conns-per-host", n_clients + 1, "timeout", 60, NULL);
  soak.clients = g_new0 (Client, n_clients);
  soak.steady = g_array_new (FALSE, FALSE, sizeof (gint64));
  soak.settled = g_array_new (FALSE, FALSE, sizeof (gint64));
  soak.first = g_array_new (FALSE, FALSE, sizeof (gint64));
  soak.rss = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n_clients; i++)
    {
      Client *client = &soak.clients[i];

      client->soak = &soak;
      client->index = i;
      client->token = sp_test_login (server, "bench", SP_TEST_PASSWORD);
      client->revs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      client->case_ids = g_ptr_array_new_with_free_func (g_free);
      /* Everyone starts with a first sync, within the first seconds. */
      client->timer = g_timeout_add (rand_range (0, 2000), on_client_timer, client);
    }

  sampler = g_timeout_add_seconds (MAX (1, n_seconds / 20), on_sample, &soak);
  on_sample (&soak);
  g_timeout_add_seconds (n_seconds, on_stop, &soak);
  while (!soak.stopping)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (sampler);
  for (guint i = 0; i < n_clients; i++)
    g_clear_handle_id (&soak.clients[i].timer, g_source_remove);
  wait_idle (&soak);

  /* Once more, everyone, after the last edit: then all hold the same. */
  soak.stopping = TRUE;
  for (guint i = 0; i < n_clients; i++)
    {
      soak.busy++;
      soak.clients[i].busy = TRUE;
      client_pull (&soak.clients[i]);
    }
  wait_idle (&soak);

  reference.soak = &soak;
  reference.token = sp_test_login (server, "bench", SP_TEST_PASSWORD);
  reference.revs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reference.case_ids = g_ptr_array_new_with_free_func (g_free);
  reference.first_done = TRUE;
  soak.busy++;
  client_pull (&reference);
  wait_idle (&soak);
  truth = reference.revs;

  for (guint i = 0; i < n_clients; i++)
    {
      GHashTable *revs = soak.clients[i].revs;
      GHashTableIter iter;
      gpointer key, value;
      gboolean same = g_hash_table_size (revs) == g_hash_table_size (truth);

      g_hash_table_iter_init (&iter, truth);
      while (same && g_hash_table_iter_next (&iter, &key, &value))
        same = g_hash_table_lookup (revs, key) == value;
      converged += same;
    }

  g_array_sort (soak.steady, compare_gint64);
  g_array_sort (soak.settled, compare_gint64);
  g_array_sort (soak.first, compare_gint64);
  {
    guint edits = 0;

    for (guint i = 0; i < n_clients; i++)
      edits += soak.clients[i].n_edits;

    g_print ("%u clients, %u s, %u cases: %u requests after the first syncs, "
             "p50 %.1f ms, p99 %.1f ms, max %.1f ms; first syncs' pages p50 %.1f ms, p99 %.1f ms; "
             "%u edits pushed, %u conflicts, %u errors; %u of %u clients converged\n",
             n_clients, n_seconds, n_cases, soak.steady->len,
             percentile (soak.steady, 0.50) / 1000.0, percentile (soak.steady, 0.99) / 1000.0,
             percentile (soak.steady, 1.0) / 1000.0,
             percentile (soak.first, 0.50) / 1000.0, percentile (soak.first, 0.99) / 1000.0,
             edits, soak.conflicts, soak.errors, converged, n_clients);
    g_print ("once every client had made its first sync: %u requests, p50 %.1f ms, p99 %.1f ms, "
             "max %.1f ms\n", soak.settled->len, percentile (soak.settled, 0.50) / 1000.0,
             percentile (soak.settled, 0.99) / 1000.0, percentile (soak.settled, 1.0) / 1000.0);
    g_print ("server memory (RSS, MB) over the run:");
    for (guint i = 0; i < soak.rss->len; i++)
      g_print (" %.0f", g_array_index (soak.rss, gint64, i) / 1024.0);
    g_print ("\n");
    g_assert_cmpuint (edits, >, 0);
  }

  g_assert_cmpuint (soak.errors, ==, 0);
  g_assert_cmpuint (converged, ==, n_clients);

  g_ptr_array_unref (reference.case_ids);
  g_free (reference.token);
  for (guint i = 0; i < n_clients; i++)
    {
      g_hash_table_unref (soak.clients[i].revs);
      g_ptr_array_unref (soak.clients[i].case_ids);
      g_free (soak.clients[i].token);
    }
  g_free (soak.clients);
  g_array_unref (soak.steady);
  g_array_unref (soak.settled);
  g_array_unref (soak.first);
  g_array_unref (soak.rss);
  g_object_unref (soak.session);
}

int
main (int   argc,
      char *argv[])
{
  n_clients = sp_test_take_option (&argc, argv, "--clients", n_clients);
  n_seconds = sp_test_take_option (&argc, argv, "--seconds", n_seconds);
  n_cases = sp_test_take_option (&argc, argv, "--cases", n_cases);

  g_test_init (&argc, &argv, NULL);
  signal (SIGPIPE, SIG_IGN);

  g_test_add_func ("/server/soak", test_soak);

  return g_test_run ();
}
