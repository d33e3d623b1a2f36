/* sp-bench-server.c: cases created and read per second, and latency, with
 * several concurrent clients against the real synpunkt-server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts its own server on a fresh database (SYNPUNKT_SERVER names the
 * binary), or uses a running one with --url, --username and --password.
 * Prints figures; asserts nothing.
 */

#include <stdlib.h>
#include <string.h>

#include "sp-test-server.h"

typedef struct
{
  SoupSession *session;
  const char  *base;
  const char  *token;
  const char  *phase_token;  /* whose requests this phase sends */
  const char **unit_ids;     /* the units new cases go to (NULL: none) */
  const char  *phase;
  guint        total;
  guint        started;
  guint        finished;
  guint        failed;
  GArray      *latencies;   /* gint64 µs */
  GPtrArray   *ids;         /* created case ids */
  gint64       phase_start;
} Bench;

typedef struct
{
  Bench       *bench;
  SoupMessage *message;
  gint64       sent_at;
} Request;

static void start_next (Bench *bench);

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Request *request = user_data;
  Bench *bench = request->bench;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  gint64 latency = g_get_monotonic_time () - request->sent_at;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  status = soup_message_get_status (request->message);
  if (error != NULL || (status != 200 && status != 201))
    bench->failed++;
  else if (status == 201 && g_str_equal (bench->phase, "create"))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      gsize length;
      const char *data = g_bytes_get_data (body, &length);

      if (json_parser_load_from_data (parser, data, length, NULL))
        g_ptr_array_add (bench->ids, g_strdup (json_object_get_string_member (
          json_node_get_object (json_parser_get_root (parser)), "id")));
    }

  g_array_append_val (bench->latencies, latency);
  bench->finished++;
  g_object_unref (request->message);
  g_free (request);
  start_next (bench);
}

static void
start_next (Bench *bench)
{
  Request *request;
  g_autofree char *uri = NULL;
  g_autofree char *auth = NULL;
  guint n;

  if (bench->started >= bench->total)
    return;
  n = bench->started++;

  if (g_str_equal (bench->phase, "create"))
    {
      g_autofree char *unit = bench->unit_ids
                              ? g_strdup_printf ("\"unit_id\":\"%s\",", bench->unit_ids[n % 3])
                              : g_strdup ("");
      g_autofree char *body = g_strdup_printf (
        "{%s\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"email\","
        "\"received_on\":\"2026-%02u-%02u\",\"subject\":\"Benchmark %u\",\"category\":\"food_meals\","
        "\"description\":\"Maten var kall och kom för sent, för %u:e gången.\","
        "\"sender\":{\"name\":\"Eva Ek\",\"email\":\"eva@example.se\",\"wants_feedback\":true}}",
        /* January to November: a received date cannot be in the future. */
        unit, 1 + n % 11, 1 + n % 28, n, n);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&body), strlen (body));

      uri = g_strconcat (bench->base, "/api/v1/cases", NULL);
      request = g_new0 (Request, 1);
      request->message = soup_message_new ("POST", uri);
      soup_message_set_request_body_from_bytes (request->message, "application/json", bytes);
    }
  else if (g_str_equal (bench->phase, "read"))
    {
      const char *id = g_ptr_array_index (bench->ids, g_random_int_range (0, bench->ids->len));

      uri = g_strconcat (bench->base, "/api/v1/cases/", id, NULL);
      request = g_new0 (Request, 1);
      request->message = soup_message_new ("GET", uri);
    }
  else
    {
      uri = g_strdup_printf ("%s/api/v1/cases?limit=50&offset=%u&sort=-received_on",
                             bench->base, (n * 50) % MAX (bench->ids->len, 1));
      request = g_new0 (Request, 1);
      request->message = soup_message_new ("GET", uri);
    }

  auth = g_strconcat ("Bearer ", bench->phase_token ? bench->phase_token : bench->token, NULL);
  soup_message_headers_replace (soup_message_get_request_headers (request->message),
                                "Authorization", auth);
  request->bench = bench;
  request->sent_at = g_get_monotonic_time ();
  soup_session_send_and_read_async (bench->session, request->message, G_PRIORITY_DEFAULT,
                                    NULL, on_done, request);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

static void
run_phase (Bench      *bench,
           const char *phase,
           guint       total,
           guint       clients)
{
  const char *label = phase;
  gint64 elapsed;
  gint64 p50, p99;

  /* "list-head": the list as another user (phase_token). */
  bench->phase = g_str_has_prefix (phase, "list-") ? "list" : phase;
  bench->total = total;
  bench->started = bench->finished = bench->failed = 0;
  g_array_set_size (bench->latencies, 0);
  bench->phase_start = g_get_monotonic_time ();

  for (guint i = 0; i < clients; i++)
    start_next (bench);
  while (bench->finished < bench->total)
    g_main_context_iteration (NULL, TRUE);

  elapsed = g_get_monotonic_time () - bench->phase_start;
  g_array_sort (bench->latencies, compare_gint64);
  p50 = g_array_index (bench->latencies, gint64, bench->latencies->len / 2);
  p99 = g_array_index (bench->latencies, gint64, MIN (bench->latencies->len - 1,
                                                      bench->latencies->len * 99 / 100));

  g_print ("%-9s %6u requests, %2u clients: %8.1f /s   p50 %6.2f ms   p99 %6.2f ms   failed %u\n",
           label, total, clients, total / (elapsed / (double) G_USEC_PER_SEC),
           p50 / 1000.0, p99 / 1000.0, bench->failed);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *url = NULL;
  g_autofree char *username = NULL;
  g_autofree char *password = NULL;
  int cases = 2000;
  int reads = 4000;
  int clients = 8;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpTestServer) server = NULL;
  g_autofree char *token = NULL;
  g_autoptr(SpTestOrg) org = NULL;
  const char *units[3];
  Bench bench = { 0 };
  GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, "A running server (default: start one)", "URL" },
    { "username", 0, 0, G_OPTION_ARG_STRING, &username, "A registrar's user name (with --url)", "NAME" },
    { "password", 0, 0, G_OPTION_ARG_STRING, &password, "Their password", "PASSWORD" },
    { "cases", 0, 0, G_OPTION_ARG_INT, &cases, "Cases to create", "N" },
    { "reads", 0, 0, G_OPTION_ARG_INT, &reads, "Cases to read", "N" },
    { "clients", 0, 0, G_OPTION_ARG_INT, &clients, "Concurrent clients", "N" },
    { NULL }
  };

  context = g_option_context_new ("— benchmark synpunkt-server");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  cases = CLAMP (cases, 1, 1000000);
  reads = CLAMP (reads, 1, 1000000);
  clients = CLAMP (clients, 1, 256);

  bench.session = soup_session_new_with_options ("max-conns", clients + 4,
                                                 "max-conns-per-host", clients, NULL);
  soup_session_set_proxy_resolver (bench.session, NULL);
  bench.latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.ids = g_ptr_array_new_with_free_func (g_free);

  if (url != NULL)
    {
      /* Reuse the test helper's requests against someone else's server. */
      server = g_new0 (SpTestServer, 1);
      server->base = g_strdup (url);
      server->session = g_object_ref (bench.session);
      token = sp_test_login (server, username ? username : "registrar",
                             password ? password : SP_TEST_PASSWORD);
    }
  else
    {
      server = sp_test_server_new (NULL);
      /* The test district: the cases go to its three units, two of them
       * in the head of department's department. */
      org = sp_test_org_new (server);
      token = g_strdup (org->registrar);
      units[0] = org->unit_a;
      units[1] = org->unit_b;
      units[2] = org->unit_c;
      bench.unit_ids = units;
    }

  bench.base = server->base;
  bench.token = token;

  g_print ("synpunkt-server at %s\n", bench.base);
  run_phase (&bench, "create", cases, clients);
  run_phase (&bench, "read", reads, clients);
  run_phase (&bench, "list", MAX (reads / 10, 1), clients);
  if (org != NULL)
    {
      /* A head of department: their department's cases (two units of three). */
      bench.phase_token = org->head;
      run_phase (&bench, "list-head", MAX (reads / 10, 1), clients);
      bench.phase_token = NULL;
    }
  run_phase (&bench, "create", MAX (cases / 4, 1), 1);
  run_phase (&bench, "read", MAX (reads / 4, 1), 1);

  if (url != NULL)
    {
      /* Not ours to stop or remove. */
      g_clear_pointer (&server->base, g_free);
      g_clear_object (&server->session);
      g_free (g_steal_pointer (&server));
    }

  g_array_unref (bench.latencies);
  g_ptr_array_unref (bench.ids);
  g_object_unref (bench.session);
  return 0;
}
