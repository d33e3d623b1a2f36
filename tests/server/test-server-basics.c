/* test-server-basics.c: health, routing, logging in and out, expiry and
 * the limit on failed logins, against the real server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "sp-test-server.h"

static void
test_health (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestResponse) response = NULL;

  response = sp_test_json (server, "GET", "/api/v1/health", NULL, NULL);
  sp_test_assert_status (response, 200);
  g_assert_cmpstr (sp_test_get_string (response, "status"), ==, "ok");
  g_assert_nonnull (sp_test_get_string (response, "version"));
  g_assert_true (g_str_has_prefix (soup_message_headers_get_content_type (response->headers, NULL),
                                   "application/json"));
}

static void
test_routing_errors (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestResponse) missing = NULL;
  g_autoptr(SpTestResponse) outside = NULL;
  g_autoptr(SpTestResponse) method = NULL;
  g_autoptr(SpTestResponse) noauth = NULL;

  missing = sp_test_json (server, "GET", "/api/v1/nothing-here", NULL, NULL);
  sp_test_assert_status (missing, 404);
  g_assert_cmpstr (sp_test_error_code (missing), ==, "not_found");

  outside = sp_test_json (server, "GET", "/index.html", NULL, NULL);
  sp_test_assert_status (outside, 404);
  g_assert_cmpstr (sp_test_error_code (outside), ==, "not_found");

  method = sp_test_json (server, "PUT", "/api/v1/health", NULL, "{}");
  sp_test_assert_status (method, 405);
  g_assert_cmpstr (sp_test_error_code (method), ==, "method_not_allowed");

  noauth = sp_test_json (server, "GET", "/api/v1/cases", NULL, NULL);
  sp_test_assert_status (noauth, 401);
  g_assert_cmpstr (sp_test_error_code (noauth), ==, "unauthorized");
  g_assert_nonnull (soup_message_headers_get_one (noauth->headers, "WWW-Authenticate"));
}

static void
test_login_logout (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestResponse) login = NULL;
  g_autoptr(SpTestResponse) me = NULL;
  g_autoptr(SpTestResponse) logout = NULL;
  g_autoptr(SpTestResponse) after = NULL;
  g_autoptr(SpTestResponse) bogus = NULL;
  const char *token;

  login = sp_test_json (server, "POST", "/api/v1/session", NULL,
                        "{\"username\":\"admin\",\"password\":\"" SP_TEST_PASSWORD "\"}");
  sp_test_assert_status (login, 200);
  token = sp_test_get_string (login, "token");
  g_assert_nonnull (token);
  g_assert_cmpuint (strlen (token), >=, 40);
  g_assert_nonnull (sp_test_get_string (login, "expires_at"));
  g_assert_cmpstr (sp_test_get_string (login, "user.username"), ==, "admin");
  g_assert_null (sp_test_get_node (login, "user.password"));

  me = sp_test_json (server, "GET", "/api/v1/session", token, NULL);
  sp_test_assert_status (me, 200);
  g_assert_cmpstr (sp_test_get_string (me, "user.username"), ==, "admin");

  logout = sp_test_json (server, "DELETE", "/api/v1/session", token, NULL);
  sp_test_assert_status (logout, 204);

  after = sp_test_json (server, "GET", "/api/v1/session", token, NULL);
  sp_test_assert_status (after, 401);

  bogus = sp_test_json (server, "GET", "/api/v1/users", "not-a-real-token", NULL);
  sp_test_assert_status (bogus, 401);
}

static void
test_wrong_password (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestResponse) wrong = NULL;
  g_autoptr(SpTestResponse) unknown = NULL;
  g_autoptr(SpTestResponse) right = NULL;

  wrong = sp_test_json (server, "POST", "/api/v1/session", NULL,
                        "{\"username\":\"admin\",\"password\":\"not the password\"}");
  sp_test_assert_status (wrong, 401);
  g_assert_null (sp_test_get_node (wrong, "token"));

  /* An unknown user gets the same answer as a wrong password. */
  unknown = sp_test_json (server, "POST", "/api/v1/session", NULL,
                          "{\"username\":\"nobody\",\"password\":\"not the password\"}");
  sp_test_assert_status (unknown, 401);
  g_assert_cmpstr (sp_test_get_string (unknown, "error.message"), ==,
                   sp_test_get_string (wrong, "error.message"));

  right = sp_test_json (server, "POST", "/api/v1/session", NULL,
                        "{\"username\":\"admin\",\"password\":\"" SP_TEST_PASSWORD "\"}");
  sp_test_assert_status (right, 200);
}

static void
test_expiry (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new ((const char *[]) { "--session-lifetime", "1", NULL });
  g_autofree char *token = sp_test_login (server, "admin", SP_TEST_PASSWORD);
  g_autoptr(SpTestResponse) fresh = NULL;
  g_autoptr(SpTestResponse) stale = NULL;
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  fresh = sp_test_json (server, "GET", "/api/v1/users", token, NULL);
  sp_test_assert_status (fresh, 200);

  /* Accepted until the second has passed, then refused: asked again
   * until it is, since a loaded machine may take any time to get there. */
  for (;;)
    {
      g_clear_pointer (&stale, sp_test_response_free);
      stale = sp_test_json (server, "GET", "/api/v1/users", token, NULL);
      if (stale->status != 200)
        break;
      if (g_get_monotonic_time () > end)
        g_error ("A session of one second was still accepted after thirty");
      g_usleep (100 * 1000);
    }
  sp_test_assert_status (stale, 401);
}

static void
test_rate_limit (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestResponse) limited = NULL;
  g_autoptr(SpTestResponse) other = NULL;
  gint64 started = g_get_monotonic_time ();

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(SpTestResponse) wrong = NULL;

      wrong = sp_test_json (server, "POST", "/api/v1/session", NULL,
                            "{\"username\":\"admin\",\"password\":\"guess-guess-guess\"}");
      sp_test_assert_status (wrong, 401);
    }
  /* Failures are slowed down: 5 of them take noticeably long. */
  g_assert_cmpint (g_get_monotonic_time () - started, >, 500 * 1000);

  /* Now even the right password is refused for a while. */
  limited = sp_test_json (server, "POST", "/api/v1/session", NULL,
                          "{\"username\":\"admin\",\"password\":\"" SP_TEST_PASSWORD "\"}");
  sp_test_assert_status (limited, 429);
  g_assert_cmpstr (sp_test_error_code (limited), ==, "rate_limited");
  g_assert_nonnull (soup_message_headers_get_one (limited->headers, "Retry-After"));

  /* The limit is per user: someone else can still try. */
  other = sp_test_json (server, "POST", "/api/v1/session", NULL,
                        "{\"username\":\"someone\",\"password\":\"guess-guess-guess\"}");
  sp_test_assert_status (other, 401);
}

static void
test_rate_limit_per_address (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestResponse) limited = NULL;

  /* Twenty different names from one address trip the address limit. */
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(SpTestResponse) wrong = NULL;

      wrong = sp_test_jsonf (server, "POST", "/api/v1/session", NULL,
                             "{\"username\":\"user%u\",\"password\":\"guess-guess-guess\"}", i);
      sp_test_assert_status (wrong, 401);
    }

  limited = sp_test_json (server, "POST", "/api/v1/session", NULL,
                          "{\"username\":\"admin\",\"password\":\"" SP_TEST_PASSWORD "\"}");
  sp_test_assert_status (limited, 429);
}

static void
test_password_rules (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autofree char *admin = sp_test_login (server, "admin", SP_TEST_PASSWORD);
  g_autoptr(SpTestResponse) short_password = NULL;
  g_autofree char *err = NULL;
  int status;

  short_password = sp_test_json (server, "POST", "/api/v1/users", admin,
                                 "{\"username\":\"kort\",\"password\":\"short\",\"roles\":[\"staff\"]}");
  sp_test_assert_status (short_password, 422);
  g_assert_cmpstr (sp_test_error_field (short_password), ==, "password");

  status = sp_test_run ("short\n", NULL, &err,
                        (const char *[]) { "user", "add", "--db", server->db, "--username", "kort",
                                           "--role", "staff", "--password-stdin", NULL });
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "at least"));
}

static void
test_sigterm (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);

  /* sp_test_server_stop() checks for a clean exit with status 0. */
  sp_test_server_stop (server);
  sp_test_server_start (server, NULL);
  {
    g_autoptr(SpTestResponse) response = sp_test_json (server, "GET", "/api/v1/health", NULL, NULL);
    sp_test_assert_status (response, 200);
  }
}

static void
test_https (void)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *cert = NULL;
  g_autofree char *key = NULL;
  g_autoptr(SpTestServer) server = NULL;
  g_autoptr(SpTestResponse) health = NULL;
  g_autoptr(SpTestResponse) login = NULL;
  g_autoptr(GSubprocess) make_cert = NULL;

  if (openssl == NULL)
    {
      g_test_skip ("openssl is needed to make a test certificate");
      return;
    }

  dir = sp_test_dir_new ("tls");
  cert = g_build_filename (dir, "cert.pem", NULL);
  key = g_build_filename (dir, "key.pem", NULL);
  make_cert = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                                "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (make_cert, NULL, &error);
  g_assert_no_error (error);

  server = sp_test_server_new ((const char *[]) { "--tls-cert", cert, "--tls-key", key, NULL });
  g_assert_true (g_str_has_prefix (server->base, "https://127.0.0.1:"));
  server->trusted = g_tls_certificate_new_from_file (cert, &error);
  g_assert_no_error (error);

  health = sp_test_json (server, "GET", "/api/v1/health", NULL, NULL);
  sp_test_assert_status (health, 200);
  login = sp_test_json (server, "POST", "/api/v1/session", NULL,
                        "{\"username\":\"admin\",\"password\":\"" SP_TEST_PASSWORD "\"}");
  sp_test_assert_status (login, 200);

  sp_test_remove_dir (dir);
}

static void
test_demo (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autofree char *out = NULL;
  g_auto(GStrv) users = NULL;
  g_autofree char *username = NULL;
  g_autofree char *token = NULL;
  g_autoptr(SpTestResponse) stats = NULL;
  int status;

  sp_test_server_stop (server);
  status = sp_test_run ("demo password 1\n", &out, NULL,
                        (const char *[]) { "demo", "--db", server->db, "--cases", "40",
                                           "--password-stdin", NULL });
  g_assert_cmpint (status, ==, 0);
  sp_test_server_start (server, NULL);

  /* Each line names a demo user who can now log in. */
  users = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (users), >, 5);
  for (guint i = 0; users[i] && username == NULL; i++)
    if (g_str_has_prefix (users[i], "mats.karlsson"))
      username = g_strndup (users[i], strcspn (users[i], " "));
  if (username == NULL)
    username = g_strndup (users[0], strcspn (users[0], " "));
  token = sp_test_login (server, username, "demo password 1");
  stats = sp_test_json (server, "GET", "/api/v1/health", token, NULL);
  sp_test_assert_status (stats, 200);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/health", test_health);
  g_test_add_func ("/server/routing-errors", test_routing_errors);
  g_test_add_func ("/server/session/login-logout", test_login_logout);
  g_test_add_func ("/server/session/wrong-password", test_wrong_password);
  g_test_add_func ("/server/session/expiry", test_expiry);
  g_test_add_func ("/server/session/rate-limit", test_rate_limit);
  g_test_add_func ("/server/session/rate-limit-per-address", test_rate_limit_per_address);
  g_test_add_func ("/server/session/password-rules", test_password_rules);
  g_test_add_func ("/server/sigterm", test_sigterm);
  g_test_add_func ("/server/https", test_https);
  g_test_add_func ("/server/demo", test_demo);

  return g_test_run ();
}
