/* sp-test-server.c: start the real synpunkt-server and talk to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>
#include <string.h>

#include <sqlite3.h>

#include "sp-test-server.h"

const char *
sp_test_server_binary (void)
{
  const char *path = g_getenv ("SYNPUNKT_SERVER");

  if (path == NULL)
    g_error ("SYNPUNKT_SERVER is not set: run the tests with meson test");
  return path;
}

int
sp_test_run (const char          *input,
             char               **out,
             char               **err,
             const char * const  *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;

  g_ptr_array_add (argv, (gpointer) sp_test_server_binary ());
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &stdout_text, &stderr_text, &error);
  g_assert_no_error (error);

  if (out)
    *out = g_steal_pointer (&stdout_text);
  if (err)
    *err = g_steal_pointer (&stderr_text);
  else if (stderr_text && *stderr_text)
    g_test_message ("stderr: %s", stderr_text);

  return g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

/* A fresh database with its admin, not started yet. */
static SpTestServer *
server_create (void)
{
  SpTestServer *self = g_new0 (SpTestServer, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  self->dir = sp_test_dir_new ("server-test");
  self->db = g_build_filename (self->dir, "synpunkt.db", NULL);

  status = sp_test_run (NULL, NULL, NULL,
                        (const char *[]) { "init", "--db", self->db, "--org-name", "Test SDF",
                                           "--diary-prefix", "TST", NULL });
  g_assert_cmpint (status, ==, 0);
  status = sp_test_run (SP_TEST_PASSWORD "\n", &out, NULL,
                        (const char *[]) { "user", "add", "--db", self->db, "--username", "admin",
                                           "--role", "admin", "--password-stdin", NULL });
  g_assert_cmpint (status, ==, 0);

  self->session = soup_session_new_with_options ("max-conns", 64, "max-conns-per-host", 32,
                                                 "timeout", 120, NULL);
  /* Straight to 127.0.0.1, whatever proxy the environment names. */
  soup_session_set_proxy_resolver (self->session, NULL);
  return self;
}

SpTestServer *
sp_test_server_new (const char * const *extra_args)
{
  SpTestServer *self = server_create ();

  sp_test_server_start (self, extra_args);
  return self;
}

SpTestServer *
sp_test_server_new_with_config (const char *config_text)
{
  SpTestServer *self = server_create ();
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;

  /* Beside the database, where the audit key is too. */
  config = g_build_filename (self->dir, "server.conf", NULL);
  g_file_set_contents (config, config_text, -1, &error);
  g_assert_no_error (error);
  sp_test_server_start (self, (const char *[]) { "--config", config, NULL });
  return self;
}

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

void
sp_test_server_start (SpTestServer       *self,
                      const char * const *extra_args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *line = NULL;

  g_assert_null (self->process);

  g_ptr_array_add (argv, (gpointer) sp_test_server_binary ());
  g_ptr_array_add (argv, (gpointer) "--listen");
  g_ptr_array_add (argv, (gpointer) "127.0.0.1:0");
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, self->db);
  for (guint i = 0; extra_args && extra_args[i]; i++)
    g_ptr_array_add (argv, (gpointer) extra_args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  /* A test that fails must not leave its server running. */
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  self->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  /* The server prints "listening on http://127.0.0.1:PORT" once bound. */
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "listening on http://127.0.0.1:") ||
                 g_str_has_prefix (line, "listening on https://127.0.0.1:"));

  g_free (self->base);
  self->base = g_strdup (line + strlen ("listening on "));
}

void
sp_test_server_stop (SpTestServer *self)
{
  g_autoptr(GError) error = NULL;

  if (self->process == NULL)
    return;

  g_subprocess_send_signal (self->process, SIGTERM);
  /* GLib's worker thread reaps the server; a server that does not end
   * fails the test instead of holding it until meson kills it. */
  for (gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
       g_subprocess_get_identifier (self->process) != NULL;)
    {
      if (g_get_monotonic_time () > end)
        g_error ("The server did not end within a minute of SIGTERM");
      g_usleep (10 * 1000);
    }
  g_subprocess_wait (self->process, NULL, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_if_signaled (self->process))
    g_error ("The server died of signal %d", g_subprocess_get_term_sig (self->process));
  g_assert_true (g_subprocess_get_if_exited (self->process));
  g_assert_cmpint (g_subprocess_get_exit_status (self->process), ==, 0);
  g_clear_object (&self->process);
}

void
sp_test_server_kill9 (SpTestServer *self)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (self->process);
  g_subprocess_send_signal (self->process, SIGKILL);
  g_subprocess_wait (self->process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (self->process));
  g_clear_object (&self->process);
}

void
sp_test_server_free (SpTestServer *self)
{
  if (self == NULL)
    return;
  if (self->process != NULL)
    sp_test_server_stop (self);
  g_clear_object (&self->session);
  g_clear_object (&self->trusted);
  sp_test_remove_dir (self->dir);
  g_free (self->dir);
  g_free (self->db);
  g_free (self->base);
  g_free (self);
}

void
sp_test_response_free (SpTestResponse *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->body, g_bytes_unref);
  g_clear_pointer (&self->json, json_node_unref);
  g_clear_pointer (&self->headers, soup_message_headers_unref);
  g_free (self);
}

typedef struct
{
  SoupMessage    *message;
  SpTestResponse *response;
  guint          *pending;
  SpTestServer   *server;
  GError        **error;   /* where to put a connection error, if allowed */
} Pending;

static void
on_response (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Pending *pending = user_data;
  g_autoptr(GError) error = NULL;
  SpTestResponse *response = g_new0 (SpTestResponse, 1);
  gsize length = 0;
  const char *data;

  response->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (error != NULL && pending->error != NULL)
    {
      g_propagate_error (pending->error, g_steal_pointer (&error));
      sp_test_response_free (response);
      (*pending->pending)--;
      return;
    }
  if (error != NULL && pending->server != NULL && pending->server->process != NULL)
    {
      GSubprocess *process = pending->server->process;

      /* Say what happened to the server, not only to the connection:
       * give it a moment to be seen to end. */
      for (gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
           g_subprocess_get_identifier (process) != NULL && g_get_monotonic_time () < end;)
        g_usleep (10 * 1000);
      if (g_subprocess_get_identifier (process) == NULL)
        g_error ("%s; the server has ended: %s %d", error->message,
                 g_subprocess_get_if_signaled (process) ? "signal" : "exit status",
                 g_subprocess_get_if_signaled (process) ? g_subprocess_get_term_sig (process)
                                                        : g_subprocess_get_exit_status (process));
    }
  g_assert_no_error (error);
  response->status = soup_message_get_status (pending->message);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (pending->message));

  data = g_bytes_get_data (response->body, &length);
  if (length > 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_data (parser, data, length, NULL))
        response->json = json_node_ref (json_parser_get_root (parser));
    }

  pending->response = response;
  (*pending->pending)--;
}

static gboolean
accept_trusted (SoupMessage          *message,
                GTlsCertificate      *certificate,
                GTlsCertificateFlags  errors,
                gpointer              user_data)
{
  SpTestServer *self = user_data;

  /* Self-signed for the test: accept exactly that certificate. */
  return self->trusted != NULL && g_tls_certificate_is_same (certificate, self->trusted);
}

static SoupMessage *
build_message (SpTestServer *self,
               const char   *method,
               const char   *path,
               const char   *token,
               const char   *content_type,
               const char   *body,
               gssize        length)
{
  g_autofree char *uri = g_strconcat (self->base, path, NULL);
  SoupMessage *message = soup_message_new (method, uri);

  g_assert_nonnull (message);
  g_signal_connect (message, "accept-certificate", G_CALLBACK (accept_trusted), self);
  if (token != NULL)
    {
      g_autofree char *header = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", header);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, length < 0 ? strlen (body) : (gsize) length);
      soup_message_set_request_body_from_bytes (message, content_type, bytes);
    }
  return message;
}

SoupMessage *
sp_test_message_new (SpTestServer *self,
                     const char   *method,
                     const char   *path,
                     const char   *token,
                     const char   *json)
{
  return build_message (self, method, path, token, json ? "application/json" : NULL, json, -1);
}

static void
wait_for (guint *pending)
{
  SP_TEST_WAIT (*pending == 0, 120);
}

SpTestServer *
sp_test_server_new_demo (guint n_cases)
{
  SpTestServer *self = sp_test_server_new (NULL);
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  sp_test_server_stop (self);
  store = sp_store_open (self->db, &error);
  g_assert_no_error (error);
  if (!sp_demo_populate (store, n_cases, 42, &error))
    g_error ("%s", error->message);
  g_clear_object (&store);
  g_assert_cmpint (sp_test_run (SP_TEST_PASSWORD "\n", &out, NULL,
                                (const char *[]) { "user", "add", "--db", self->db, "--username", "bench",
                                                   "--role", "registrar", "--password-stdin", NULL }), ==, 0);
  sp_test_server_start (self, NULL);
  return self;
}

SpTestResponse *
sp_test_request (SpTestServer *self,
                 const char   *method,
                 const char   *path,
                 const char   *token,
                 const char   *content_type,
                 const char   *body,
                 gssize        length)
{
  g_autoptr(SoupMessage) message = build_message (self, method, path, token, content_type, body, length);
  guint count = 1;
  Pending pending = { message, NULL, &count, self, NULL };

  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT, NULL,
                                    on_response, &pending);
  wait_for (&count);
  return pending.response;
}

SpTestResponse *
sp_test_request_chunked (SpTestServer  *self,
                         const char    *method,
                         const char    *path,
                         const char    *token,
                         const char    *body,
                         gsize          length,
                         GError       **error)
{
  return sp_test_request_chunked_as (self, method, path, token, "application/json", body, length, error);
}

SpTestResponse *
sp_test_request_chunked_as (SpTestServer  *self,
                            const char    *method,
                            const char    *path,
                            const char    *token,
                            const char    *content_type,
                            const char    *body,
                            gsize          length,
                            GError       **error)
{
  g_autoptr(SoupMessage) message = build_message (self, method, path, token, NULL, NULL, 0);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (body, length, NULL);
  guint count = 1;
  Pending pending = { message, NULL, &count, self, error };

  /* An unknown length makes libsoup send it chunked. */
  soup_message_set_request_body (message, content_type, stream, -1);
  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT, NULL,
                                    on_response, &pending);
  wait_for (&count);
  return pending.response;
}

SpTestResponse *
sp_test_json (SpTestServer *self,
              const char   *method,
              const char   *path,
              const char   *token,
              const char   *json)
{
  return sp_test_request (self, method, path, token, json ? "application/json" : NULL, json, -1);
}

SpTestResponse *
sp_test_jsonf (SpTestServer *self,
               const char   *method,
               const char   *path,
               const char   *token,
               const char   *format,
               ...)
{
  g_autofree char *json = NULL;
  va_list args;

  va_start (args, format);
  json = g_strdup_vprintf (format, args);
  va_end (args);

  return sp_test_json (self, method, path, token, json);
}

GPtrArray *
sp_test_json_many (SpTestServer       *self,
                   guint               n,
                   const char * const *methods,
                   const char * const *paths,
                   const char         *token,
                   const char * const *bodies)
{
  g_autofree Pending *pending = g_new0 (Pending, n);
  GPtrArray *responses = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_test_response_free);
  guint count = n;

  for (guint i = 0; i < n; i++)
    {
      const char *body = bodies ? bodies[i] : NULL;

      pending[i].message = build_message (self, methods[i], paths[i], token,
                                          body ? "application/json" : NULL, body, -1);
      pending[i].pending = &count;
      pending[i].server = self;
      soup_session_send_and_read_async (self->session, pending[i].message, G_PRIORITY_DEFAULT,
                                        NULL, on_response, &pending[i]);
    }
  wait_for (&count);

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (responses, pending[i].response);
      g_object_unref (pending[i].message);
    }
  return responses;
}

static JsonNode *
lookup (SpTestResponse *self,
        const char     *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = self->json;

  for (guint i = 0; parts[i] && node; i++)
    {
      if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          guint64 index = g_ascii_strtoull (parts[i], NULL, 10);
          JsonArray *array = json_node_get_array (node);
          node = index < json_array_get_length (array) ? json_array_get_element (array, index) : NULL;
        }
      else
        node = NULL;
    }
  return node;
}

JsonNode *
sp_test_get_node (SpTestResponse *self,
                  const char     *path)
{
  return lookup (self, path);
}

const char *
sp_test_get_string (SpTestResponse *self,
                    const char     *path)
{
  JsonNode *node = lookup (self, path);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gint64
sp_test_get_int (SpTestResponse *self,
                 const char     *path)
{
  JsonNode *node = lookup (self, path);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    g_error ("No number at %s", path);
  return json_node_get_int (node);
}

const char *
sp_test_error_code (SpTestResponse *self)
{
  return sp_test_get_string (self, "error.code");
}

const char *
sp_test_error_field (SpTestResponse *self)
{
  return sp_test_get_string (self, "error.field");
}

char *
sp_test_login (SpTestServer *self,
               const char   *username,
               const char   *password)
{
  g_autoptr(SpTestResponse) response = NULL;

  response = sp_test_jsonf (self, "POST", "/api/v1/session", NULL,
                            "{\"username\":\"%s\",\"password\":\"%s\"}", username, password);
  sp_test_assert_status (response, 200);
  g_assert_nonnull (sp_test_get_string (response, "token"));
  return g_strdup (sp_test_get_string (response, "token"));
}

static char *
create_unit (SpTestServer *self,
             const char   *token,
             const char   *name,
             const char   *kind,
             const char   *parent)
{
  g_autoptr(SpTestResponse) response = NULL;
  g_autofree char *parent_json = parent ? g_strdup_printf ("\"%s\"", parent) : g_strdup ("null");

  response = sp_test_jsonf (self, "POST", "/api/v1/units", token,
                            "{\"name\":\"%s\",\"kind\":\"%s\",\"area\":\"elderly_care\",\"parent_id\":%s}",
                            name, kind, parent_json);
  sp_test_assert_status (response, 201);
  return g_strdup (sp_test_get_string (response, "id"));
}

static char *
create_user (SpTestServer *self,
             const char   *admin,
             const char   *username,
             const char   *roles,
             const char   *unit,
             char        **user_id)
{
  g_autoptr(SpTestResponse) response = NULL;
  g_autofree char *unit_json = unit ? g_strdup_printf ("\"%s\"", unit) : g_strdup ("null");

  response = sp_test_jsonf (self, "POST", "/api/v1/users", admin,
                            "{\"username\":\"%s\",\"password\":\"%s\",\"display_name\":\"%s\","
                            "\"roles\":[%s],\"unit_id\":%s}",
                            username, SP_TEST_PASSWORD, username, roles, unit_json);
  sp_test_assert_status (response, 201);
  if (user_id)
    *user_id = g_strdup (sp_test_get_string (response, "id"));
  return sp_test_login (self, username, SP_TEST_PASSWORD);
}

SpTestOrg *
sp_test_org_new (SpTestServer *self)
{
  SpTestOrg *org = g_new0 (SpTestOrg, 1);

  org->admin = sp_test_login (self, "admin", SP_TEST_PASSWORD);
  org->admin_unit = create_unit (self, org->admin, "Test stadsdelsförvaltning", "administration", NULL);
  org->department = create_unit (self, org->admin, "Äldreomsorg", "department", org->admin_unit);
  org->department2 = create_unit (self, org->admin, "Förskola", "department", org->admin_unit);
  org->unit_a = create_unit (self, org->admin, "Solgårdens äldreboende", "unit", org->department);
  org->unit_b = create_unit (self, org->admin, "Hemtjänst Väst", "unit", org->department);
  org->unit_c = create_unit (self, org->admin, "Förskolan Ekorren", "unit", org->department2);

  org->staff_a = create_user (self, org->admin, "staff_a", "\"staff\"", org->unit_a, &org->staff_a_id);
  org->staff_b = create_user (self, org->admin, "staff_b", "\"staff\"", org->unit_b, NULL);
  org->manager_a = create_user (self, org->admin, "manager_a", "\"unit_manager\"", org->unit_a, &org->manager_a_id);
  org->manager_b = create_user (self, org->admin, "manager_b", "\"unit_manager\"", org->unit_b, NULL);
  org->head = create_user (self, org->admin, "head", "\"department_head\"", org->department, NULL);
  org->registrar = create_user (self, org->admin, "registrar", "\"registrar\"", org->admin_unit, NULL);
  org->procurement = create_user (self, org->admin, "procurement", "\"procurement\"", org->admin_unit, NULL);
  org->quality = create_user (self, org->admin, "quality", "\"quality\"", org->admin_unit, NULL);
  org->case_officer = create_user (self, org->admin, "case_officer", "\"case_officer\"", org->unit_a, NULL);

  return org;
}

void
sp_test_org_free (SpTestOrg *self)
{
  if (self == NULL)
    return;
  g_free (self->admin_unit); g_free (self->department); g_free (self->department2);
  g_free (self->unit_a); g_free (self->unit_b); g_free (self->unit_c);
  g_free (self->admin); g_free (self->staff_a); g_free (self->staff_b);
  g_free (self->manager_a); g_free (self->manager_b); g_free (self->head);
  g_free (self->registrar); g_free (self->procurement); g_free (self->quality);
  g_free (self->case_officer); g_free (self->staff_a_id); g_free (self->manager_a_id);
  g_free (self);
}

char *
sp_test_create_case (SpTestServer *self,
                     const char   *token,
                     const char   *extra_members)
{
  g_autoptr(SpTestResponse) response = NULL;

  response = sp_test_jsonf (self, "POST", "/api/v1/cases", token,
                            "{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"phone\","
                            "\"received_on\":\"2026-11-02\",\"subject\":\"Maten var kall\","
                            "\"description\":\"Middagen serverades kall tre dagar i rad.\""
                            "%s%s}",
                            extra_members ? "," : "", extra_members ? extra_members : "");
  sp_test_assert_status (response, 201);
  return g_strdup (sp_test_get_string (response, "id"));
}

guint
sp_test_take_option (int         *argc,
                     char       **argv,
                     const char  *name,
                     guint        fallback)
{
  for (int i = 1; i < *argc - 1; i++)
    if (g_str_equal (argv[i], name))
      {
        guint value = (guint) g_ascii_strtoull (argv[i + 1], NULL, 10);

        memmove (&argv[i], &argv[i + 2], (*argc - i - 1) * sizeof (char *));
        *argc -= 2;
        return MAX (1, value);
      }
  return fallback;
}

void
sp_test_fixture_setup (SpTestFixture *f,
                       gconstpointer  data)
{
  f->server = sp_test_server_new (NULL);
  f->org = sp_test_org_new (f->server);
}

void
sp_test_fixture_teardown (SpTestFixture *f,
                          gconstpointer  data)
{
  sp_test_org_free (f->org);
  sp_test_server_free (f->server);
}

void
sp_test_fixture_teardown_alive (SpTestFixture *f,
                                gconstpointer  data)
{
  g_autoptr(SpTestResponse) health = sp_test_json (f->server, "GET", "/api/v1/health", NULL, NULL);

  sp_test_assert_status (health, 200);
  sp_test_fixture_teardown (f, data);
}

char *
sp_test_registrar_token (SpTestServer *server)
{
  g_autofree char *admin = sp_test_login (server, "admin", SP_TEST_PASSWORD);
  g_autoptr(SpTestResponse) user = NULL;

  user = sp_test_jsonf (server, "POST", "/api/v1/users", admin,
                        "{\"username\":\"reg\",\"password\":\"%s\",\"roles\":[\"registrar\"]}",
                        SP_TEST_PASSWORD);
  sp_test_assert_status (user, 201);
  return sp_test_login (server, "reg", SP_TEST_PASSWORD);
}

void
sp_test_exec_sql (const char *db,
                  const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (handle);
}
