/* test-server-connections.c: connection limits, timeouts and raw requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Talks to the real server over raw sockets, since SoupSession neither
 * holds connections half-open nor sends broken requests: slow-loris
 * clients against the caps and the read timeout, an idle kept-alive
 * connection, running out of file descriptors, Content-Length values that
 * cannot be trusted, requests libsoup refuses by itself, and a few hundred
 * mangled requests.
 */

#define _GNU_SOURCE

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include "sp-test-server.h"

/* Long enough never to be reached by a test that does not wait for it. */
#define LONG_TIMEOUT "600"
/* How long any one wait may last before the test gives up. */
#define WAIT_SEC 15

typedef struct
{
  SpTestServer *server;
  guint         port;
} Fixture;

static void
fixture_start (Fixture    *f,
               const char *server_section)
{
  g_autofree char *text = g_strdup_printf ("[server]\n%s", server_section ? server_section : "");
  const char *colon;

  f->server = sp_test_server_new_with_config (text);
  colon = strrchr (f->server->base, ':');
  f->port = (guint) g_ascii_strtoull (colon + 1, NULL, 10);
}

static void
fixture_stop (Fixture *f)
{
  g_clear_pointer (&f->server, sp_test_server_free);
}

/* A blocking socket to the server, from @source (an address of the
 * loopback net, 127.0.0.1 if NULL), that gives up on reads after a while. */
static GSocket *
raw_connect (Fixture    *f,
             const char *source)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string ("127.0.0.1");
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (inet, f->port);
  GSocket *socket;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  if (source != NULL)
    {
      g_autoptr(GInetAddress) local = g_inet_address_new_from_string (source);
      g_autoptr(GSocketAddress) bind_to = g_inet_socket_address_new (local, 0);

      g_socket_bind (socket, bind_to, FALSE, &error);
      g_assert_no_error (error);
    }
  g_socket_set_timeout (socket, WAIT_SEC);
  g_socket_connect (socket, address, NULL, &error);
  g_assert_no_error (error);
  return socket;
}

static void
raw_send (GSocket    *socket,
          const char *data,
          gsize       length)
{
  gsize sent = 0;

  while (sent < length)
    {
      g_autoptr(GError) error = NULL;
      gssize n = g_socket_send (socket, data + sent, length - sent, NULL, &error);

      /* The server may answer and close before taking everything. */
      if (n < 0)
        return;
      sent += n;
    }
}

/* Everything until the server closes; fails the test if it never does. */
static GBytes *
raw_read_all (GSocket *socket)
{
  GByteArray *bytes = g_byte_array_new ();

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      char buffer[4096];
      gssize n = g_socket_receive (socket, buffer, sizeof buffer, NULL, &error);

      if (n > 0)
        {
          g_byte_array_append (bytes, (guint8 *) buffer, n);
          continue;
        }
      if (n < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
        g_error ("The server neither answered nor closed within %d s", WAIT_SEC);
      /* 0: closed; else a reset, which also ends it. */
      break;
    }

  return g_byte_array_free_to_bytes (bytes);
}

/* Sends @request, says it is all, and reads the whole answer. */
static GBytes *
raw_exchange (Fixture    *f,
              const char *request,
              gsize       length)
{
  g_autoptr(GSocket) socket = raw_connect (f, NULL);

  raw_send (socket, request, length);
  g_socket_shutdown (socket, FALSE, TRUE, NULL);
  return raw_read_all (socket);
}

/* The status of the first answer in @bytes (after any 100 Continue) and
 * its body as JSON; 0 if @bytes is not an HTTP answer, 100 if it is only
 * a 100 Continue. */
static guint
parse_answer (GBytes    *bytes,
              JsonNode **json)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *text = g_strndup (data, size);
  char *head = text;
  char *end;
  guint64 status;

  *json = NULL;
  if (text == NULL)
    return 0;
  for (;;)
    {
      if (!g_str_has_prefix (head, "HTTP/1.") || strlen (head) < 12)
        return 0;
      status = g_ascii_strtoull (head + 9, NULL, 10);
      end = strstr (head, "\r\n\r\n");
      if (end == NULL)
        return 0;
      if (status != 100 || end[4] == '\0')
        break;
      head = end + 4;
    }

  /* Only this answer's body: pipelined requests get more answers. */
  {
    g_autofree char *headers = g_ascii_strdown (head, end - head);
    const char *length = strstr (headers, "\r\ncontent-length:");
    g_autofree char *body = NULL;

    if (length != NULL)
      body = g_strndup (end + 4, g_ascii_strtoull (length + strlen ("\r\ncontent-length:"), NULL, 10));
    *json = json_from_string (body ? body : end + 4, NULL);
  }
  return (guint) status;
}

/* @bytes is a @status answer (any error status if 0) with the documented
 * error body; returns its code. */
static char *
assert_json_error (GBytes     *bytes,
                   guint       status,
                   const char *what)
{
  g_autoptr(JsonNode) json = NULL;
  guint got = parse_answer (bytes, &json);
  JsonObject *error;

  if (got == 0 || (status != 0 && got != status) || (status == 0 && got < 400))
    g_error ("%s: expected HTTP %u, got: %.*s", what, status,
             (int) g_bytes_get_size (bytes), (const char *) g_bytes_get_data (bytes, NULL));
  if (json == NULL || !JSON_NODE_HOLDS_OBJECT (json) ||
      !json_object_has_member (json_node_get_object (json), "error"))
    g_error ("%s: the answer %u has no JSON error body: %.*s", what, got,
             (int) g_bytes_get_size (bytes), (const char *) g_bytes_get_data (bytes, NULL));
  error = json_object_get_object_member (json_node_get_object (json), "error");
  g_assert_nonnull (error);
  g_assert_true (json_object_has_member (error, "message"));
  g_assert_true (json_object_has_member (error, "field"));
  return g_strdup (json_object_get_string_member (error, "code"));
}

/* TRUE once a plain request is served, trying afresh for a while. */
static gboolean
served_soon (Fixture *f)
{
  static const char request[] = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  gint64 until = g_get_monotonic_time () + WAIT_SEC * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < until)
    {
      g_autoptr(GBytes) answer = raw_exchange (f, request, strlen (request));
      g_autoptr(JsonNode) json = NULL;

      if (parse_answer (answer, &json) == 200)
        return TRUE;
      g_usleep (50 * 1000);
    }
  return FALSE;
}

/* TRUE if the server closes @socket, where nothing else is expected. */
static gboolean
closed_by_server (GSocket *socket)
{
  g_autoptr(GError) error = NULL;
  char buffer[256];
  gssize n;

  do
    n = g_socket_receive (socket, buffer, sizeof buffer, NULL, &error);
  while (n > 0);
  return n == 0 || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
}

/* The start of a request that never ends. */
static const char partial[] = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";

static void
test_limits (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) slow = g_ptr_array_new_with_free_func (g_object_unref);
  const char *sources[] = { "127.0.0.1", "127.0.0.1", "127.0.0.1", "127.0.0.1",
                            "127.0.0.2", "127.0.0.2" };

  fixture_start (&f, "max_connections=6\nmax_connections_per_address=4\n"
                     "read_timeout=" LONG_TIMEOUT "\nidle_timeout=" LONG_TIMEOUT "\n");

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      GSocket *socket = raw_connect (&f, sources[i]);

      raw_send (socket, partial, strlen (partial));
      g_ptr_array_add (slow, socket);
    }

  /* The server takes connections in order: these come after the slow
   * ones, so they find the caps reached. */
  {
    g_autoptr(GSocket) one_more = raw_connect (&f, "127.0.0.1");
    g_autoptr(GSocket) one_more_elsewhere = raw_connect (&f, "127.0.0.3");
    g_autoptr(GBytes) answer = raw_read_all (one_more);
    g_autoptr(GBytes) answer_elsewhere = raw_read_all (one_more_elsewhere);
    g_autofree char *code = assert_json_error (answer, 503, "over the cap per address");
    g_autofree char *code_elsewhere = assert_json_error (answer_elsewhere, 503, "over the total cap");

    g_assert_cmpstr (code, ==, "busy");
    g_assert_cmpstr (code_elsewhere, ==, "busy");
    g_assert_nonnull (strstr (g_bytes_get_data (answer, NULL), "Connection: close"));
  }

  /* The slow clients leave: a normal one is served again. */
  g_ptr_array_set_size (slow, 0);
  g_assert_true (served_soon (&f));

  fixture_stop (&f);
}

static void
test_read_timeout (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) slow = g_ptr_array_new_with_free_func (g_object_unref);

  fixture_start (&f, "max_connections_per_address=4\nread_timeout=1\nidle_timeout=" LONG_TIMEOUT "\n");

  /* Every place taken by a client that never finishes its request, and
   * one that never sends a byte. */
  for (guint i = 0; i < 4; i++)
    {
      GSocket *socket = raw_connect (&f, NULL);

      if (i > 0)
        raw_send (socket, partial, strlen (partial));
      g_ptr_array_add (slow, socket);
    }

  /* The server cuts them off after the read timeout… */
  for (guint i = 0; i < slow->len; i++)
    g_assert_true (closed_by_server (g_ptr_array_index (slow, i)));
  /* … and serves others while they still hold their sockets. */
  g_assert_true (served_soon (&f));

  fixture_stop (&f);
}

static void
test_idle_timeout (void)
{
  static const char request[] = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  Fixture f = { 0 };
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GError) error = NULL;
  char buffer[4096];
  gssize n;

  fixture_start (&f, "read_timeout=" LONG_TIMEOUT "\nidle_timeout=1\n");

  socket = raw_connect (&f, NULL);
  raw_send (socket, request, strlen (request));
  /* One small answer, kept alive. */
  n = g_socket_receive (socket, buffer, sizeof buffer - 1, NULL, &error);
  g_assert_no_error (error);
  buffer[MAX (n, 0)] = '\0';
  g_assert_true (g_str_has_prefix (buffer, "HTTP/1.1 200"));
  g_assert_null (strstr (buffer, "Connection: close"));

  /* Then nothing: the server closes it. */
  g_assert_true (closed_by_server (socket));

  fixture_stop (&f);
}

/* Reads from @socket until @n answers to GET /api/v1/health are in. */
static void
read_health_answers (GSocket *socket,
                     guint    n)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *p;
  guint found;

  do
    {
      g_autoptr(GError) error = NULL;
      char buffer[4096];
      gssize got = g_socket_receive (socket, buffer, sizeof buffer, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (got, >, 0);
      g_string_append_len (text, buffer, got);
      found = 0;
      for (p = text->str; (p = strstr (p, "\"status\":\"ok\"")) != NULL; p++)
        found++;
    }
  while (found < n);
  g_assert_cmpuint (found, ==, n);
}

static void
test_keep_alive (void)
{
  static const char request[] = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  g_autofree char *two = g_strconcat (request, request, NULL);
  Fixture f = { 0 };
  g_autoptr(GSocket) socket = NULL;

  fixture_start (&f, NULL);
  socket = raw_connect (&f, NULL);

  /* One after the other on the same connection, then two at once. */
  for (guint i = 0; i < 3; i++)
    {
      raw_send (socket, request, strlen (request));
      read_health_answers (socket, 1);
    }
  raw_send (socket, two, strlen (two));
  read_health_answers (socket, 2);
  raw_send (socket, request, strlen (request));
  read_health_answers (socket, 1);

  fixture_stop (&f);
}

/* A connection the client closes frees its place at once, kept alive or
 * not: with room for two, forty clients one after the other are served. */
static void
test_closed_free_their_place (void)
{
  static const char request[] = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  Fixture f = { 0 };

  fixture_start (&f, "max_connections_per_address=2\nread_timeout=" LONG_TIMEOUT
                     "\nidle_timeout=" LONG_TIMEOUT "\n");

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(GSocket) socket = raw_connect (&f, NULL);

      raw_send (socket, request, strlen (request));
      read_health_answers (socket, 1);
      g_socket_close (socket, NULL);
    }

  fixture_stop (&f);
}

static guint
count_fds (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/fd", (int) pid);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_out_of_descriptors (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) clients = g_ptr_array_new_with_free_func (g_object_unref);
  struct rlimit limit;
  GPid pid;
  guint open_fds;
  gint64 until;

  fixture_start (&f, "read_timeout=" LONG_TIMEOUT "\nidle_timeout=" LONG_TIMEOUT "\n");
  pid = (GPid) g_ascii_strtoll (g_subprocess_get_identifier (f.server->process), NULL, 10);

  /* A few descriptors to spare, then none. */
  open_fds = count_fds (pid);
  g_assert_cmpint (prlimit (pid, RLIMIT_NOFILE, NULL, &limit), ==, 0);
  limit.rlim_cur = open_fds + 4;
  g_assert_cmpint (prlimit (pid, RLIMIT_NOFILE, &limit, NULL), ==, 0);

  for (guint i = 0; i < 20; i++)
    g_ptr_array_add (clients, raw_connect (&f, NULL));

  /* The server has used up its descriptors. */
  until = g_get_monotonic_time () + WAIT_SEC * G_USEC_PER_SEC;
  while (count_fds (pid) < limit.rlim_cur && g_get_monotonic_time () < until)
    g_usleep (20 * 1000);
  g_assert_cmpuint (count_fds (pid), >=, limit.rlim_cur);

  /* Once the clients leave it accepts again. */
  g_ptr_array_set_size (clients, 0);
  g_assert_true (served_soon (&f));

  fixture_stop (&f);
}

typedef struct
{
  const char *name;
  const char *headers;   /* the Content-Length and such */
  const char *body;
} Framing;

static void
test_content_length (void)
{
  static const Framing cases[] = {
    { "negative", "Content-Length: -5\r\n", "" },
    { "minus one", "Content-Length: -1\r\n", "{}" },
    { "2^64", "Content-Length: 18446744073709551616\r\n", "{}" },
    { "too many digits", "Content-Length: 0000000000000000000002\r\n", "{}" },
    { "plus sign", "Content-Length: +2\r\n", "{}" },
    { "not digits", "Content-Length: two\r\n", "{}" },
    { "digits and more", "Content-Length: 2x\r\n", "{}" },
    { "two different", "Content-Length: 2\r\nContent-Length: 5\r\n", "{}" },
    { "a list", "Content-Length: 2, 2\r\n", "{}" },
    { "with chunked", "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n", "2\r\n{}\r\n0\r\n\r\n" },
  };
  Fixture f = { 0 };
  g_autoptr(SpTestOrg) org = NULL;
  g_autoptr(SpTestResponse) users = NULL;
  g_autofree char *users_text = NULL;

  fixture_start (&f, NULL);
  org = sp_test_org_new (f.server);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *request = NULL;
      g_autoptr(GBytes) answer = NULL;
      g_autofree char *code = NULL;

      /* A DELETE runs with an empty body if the length is taken for 0. */
      request = g_strdup_printf ("DELETE /api/v1/users/%s HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                 "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
                                 "%s\r\n%s",
                                 org->staff_a_id, org->admin, cases[i].headers, cases[i].body);
      answer = raw_exchange (&f, request, strlen (request));
      code = assert_json_error (answer, 400, cases[i].name);
      g_assert_cmpstr (code, ==, "malformed");
    }

  /* No handler ran: the user is still there. */
  users = sp_test_json (f.server, "GET", "/api/v1/users", org->admin, NULL);
  sp_test_assert_status (users, 200);
  users_text = g_strndup (g_bytes_get_data (users->body, NULL), g_bytes_get_size (users->body));
  g_assert_nonnull (strstr (users_text, org->staff_a_id));

  /* A proper length still works. */
  {
    g_autofree char *request = g_strdup_printf ("DELETE /api/v1/users/%s HTTP/1.1\r\n"
                                                "Host: 127.0.0.1\r\nAuthorization: Bearer %s\r\n"
                                                "Content-Length: 0\r\n\r\n",
                                                org->staff_a_id, org->admin);
    g_autoptr(GBytes) answer = raw_exchange (&f, request, strlen (request));
    g_autoptr(JsonNode) json = NULL;

    g_assert_cmpuint (parse_answer (answer, &json), <, 300);
  }

  fixture_stop (&f);
}

static void
test_refused_by_libsoup (void)
{
  static const struct { const char *name; const char *request; gsize length; } cases[] = {
#define CASE(name, text) { name, text, sizeof text - 1 }
    CASE ("NUL in the method", "GE\0T /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
    CASE ("CONNECT", "CONNECT /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
    CASE ("CONNECT to a host", "CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n"),
    CASE ("encoded NUL", "GET /api/v1/health%00 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
    CASE ("encoded ../", "GET /api/v1/%2e%2e%2fhealth HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
    CASE ("no request line", "HELLO\r\n\r\n"),
    CASE ("no version", "GET /api/v1/health\r\nHost: 127.0.0.1\r\n\r\n"),
    CASE ("HTTP/2.0", "GET /api/v1/health HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n"),
    CASE ("no host", "GET /api/v1/health HTTP/1.1\r\n\r\n"),
    CASE ("host with a slash", "GET /api/v1/health HTTP/1.1\r\nHost: a/b\r\n\r\n"),
    CASE ("https over http", "GET https://127.0.0.1/api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
    CASE ("unknown coding", "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip\r\n\r\n"),
    CASE ("OPTIONS *", "OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
    CASE ("odd expectation", "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: coffee\r\nContent-Length: 0\r\n\r\n"),
#undef CASE
  };
  Fixture f = { 0 };

  fixture_start (&f, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) answer = raw_exchange (&f, cases[i].request, cases[i].length);
      g_autofree char *code = assert_json_error (answer, 0, cases[i].name);

      g_assert_nonnull (code);
    }
  g_assert_true (served_soon (&f));

  fixture_stop (&f);
}

/* Mangles @request in place a few ways; returns its new length. */
static gsize
mutate (GRand   *rand,
        GString *request)
{
  static const char interesting[] = "\0\r\n\t :;,%/.-+?#=0123456789aZ\x7f\x80\xff";
  guint n = g_rand_int_range (rand, 1, 5);

  for (guint i = 0; i < n && request->len > 0; i++)
    {
      gsize at = g_rand_int_range (rand, 0, request->len);
      gsize span = g_rand_int_range (rand, 1, 16);
      char c = g_rand_boolean (rand)
               ? interesting[g_rand_int_range (rand, 0, sizeof interesting - 1)]
               : (char) g_rand_int_range (rand, 0, 256);

      switch (g_rand_int_range (rand, 0, 5))
        {
        case 0:
          request->str[at] = c;
          break;
        case 1:
          g_string_insert_c (request, at, c);
          break;
        case 2:
          g_string_erase (request, at, MIN (span, request->len - at));
          break;
        case 3:
          {
            g_autofree char *copy = NULL;

            span = MIN (span, request->len - at);
            copy = g_strndup (request->str + at, span);
            g_string_insert_len (request, at, copy, span);
          }
          break;
        default:
          g_string_truncate (request, at);
          break;
        }
    }
  return request->len;
}

static void
test_fuzz (void)
{
  static const char *seeds[] = {
    "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    "GET /api/v1/cases?limit=5&q=a%20b HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer x\r\n\r\n",
    "POST /api/v1/cases HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    "Content-Length: 15\r\n\r\n{\"subject\":\"x\"}",
    "PATCH /api/v1/cases/abc HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
    "DELETE /api/v1/users/x HTTP/1.0\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n",
    "POST /api/v1/changes HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n"
    "Content-Length: 2\r\n\r\n{}",
    "OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
  };
  Fixture f = { 0 };
  GRand *rand = g_rand_new_with_seed (20261202);
  guint unanswered = 0;

  fixture_start (&f, NULL);

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(GString) request = g_string_new (seeds[g_rand_int_range (rand, 0, G_N_ELEMENTS (seeds))]);
      g_autoptr(GBytes) answer = NULL;
      g_autoptr(JsonNode) json = NULL;
      gsize length;
      guint status;

      if (i % 10 == 9)
        {
          /* Noise. */
          g_string_truncate (request, 0);
          for (guint k = g_rand_int_range (rand, 1, 200); k > 0; k--)
            g_string_append_c (request, (char) g_rand_int_range (rand, 0, 256));
        }
      length = mutate (rand, request);

      answer = raw_exchange (&f, request->str, length);
      status = parse_answer (answer, &json);
      /* A request cut off before its end may get no (final) answer. */
      if (g_bytes_get_size (answer) == 0 || status == 100)
        {
          unanswered++;
          continue;
        }
      if (status == 0)
        g_error ("Request %u got something that is not HTTP: %.*s", i,
                 (int) g_bytes_get_size (answer), (const char *) g_bytes_get_data (answer, NULL));
      if (status >= 400)
        {
          g_autofree char *what = g_strdup_printf ("mangled request %u", i);
          g_autofree char *code = assert_json_error (answer, status, what);
        }
    }

  g_test_message ("%u of 300 mangled requests went unanswered", unanswered);
  g_rand_free (rand);
  g_assert_true (served_soon (&f));
  fixture_stop (&f);
}

static void
make_certificate (const char *openssl,
                  const char *key,
                  const char *cert)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) make = NULL;

  make = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                           openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                           "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (make, NULL, &error);
  g_assert_no_error (error);
}

static void
test_tls_key_mismatch (void)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autoptr(SpTestServer) server = NULL;
  g_autofree char *cert_a = NULL, *key_a = NULL, *cert_b = NULL, *key_b = NULL;
  g_autofree char *err = NULL;
  int status;

  if (openssl == NULL)
    {
      g_test_skip ("openssl is needed to make test certificates");
      return;
    }

  server = sp_test_server_new (NULL);
  sp_test_server_stop (server);
  cert_a = g_build_filename (server->dir, "a.pem", NULL);
  key_a = g_build_filename (server->dir, "a.key", NULL);
  cert_b = g_build_filename (server->dir, "b.pem", NULL);
  key_b = g_build_filename (server->dir, "b.key", NULL);
  make_certificate (openssl, key_a, cert_a);
  make_certificate (openssl, key_b, cert_b);

  /* A's certificate with B's key: refused at start, saying why. */
  status = sp_test_run (NULL, NULL, &err,
                        (const char *[]) { "--listen", "127.0.0.1:0", "--db", server->db,
                                           "--tls-cert", cert_a, "--tls-key", key_b, NULL });
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "does not match the private key"));
  g_assert_nonnull (strstr (err, cert_a));

  /* The matching pair starts. */
  sp_test_server_start (server, (const char *[]) { "--tls-cert", cert_b, "--tls-key", key_b, NULL });
  g_assert_true (g_str_has_prefix (server->base, "https://"));
  sp_test_server_stop (server);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/connections/limits", test_limits);
  g_test_add_func ("/server/connections/read-timeout", test_read_timeout);
  g_test_add_func ("/server/connections/idle-timeout", test_idle_timeout);
  g_test_add_func ("/server/connections/keep-alive", test_keep_alive);
  g_test_add_func ("/server/connections/closed-free-their-place", test_closed_free_their_place);
  g_test_add_func ("/server/connections/out-of-descriptors", test_out_of_descriptors);
  g_test_add_func ("/server/connections/content-length", test_content_length);
  g_test_add_func ("/server/connections/refused-by-libsoup", test_refused_by_libsoup);
  g_test_add_func ("/server/connections/fuzz", test_fuzz);
  g_test_add_func ("/server/connections/tls-key-mismatch", test_tls_key_mismatch);

  return g_test_run ();
}
