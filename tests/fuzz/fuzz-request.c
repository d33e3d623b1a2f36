/* fuzz-request.c: any bytes sent to the real server as a request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server (SpServer over a fresh database, with the listener, the
 * request guards, the routes and every handler) runs in a thread of this
 * process; each input is written to it over a loopback connection as it
 * is, "@TOKEN@" replaced by a registrar's live session token so that the
 * handlers behind the login are reached too, and "@CSRF@" by a fresh token
 * of the e-service form (an Open311 client's api_key is "fuzzkey"). A
 * finding is a crash or a sanitizer report in the server, an answer that
 * is not HTTP, an error answer whose body is not one of the documented
 * error formats (the API's {"error":…} JSON, the e-service's HTML page,
 * the Open311 error document in XML or JSON), a request the
 * server neither answers nor closes within its read timeout, or a server
 * that no longer answers its health check.
 */

#define _GNU_SOURCE

#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "sp-admin.h"
#include "sp-auth.h"
#include "sp-intake.h"
#include "sp-server.h"
#include "sp-server-store.h"
#include "sp-server-config.h"
#include "sp-server-schema.h"

#include "fuzz-target.h"

#define ANSWER_WAIT_SEC 10

static char *dir;
static char *token;
static SpIntake *intake;
static guint16 port;
static guint n_inputs;

static void
remove_dir (void)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static gpointer
serve (gpointer data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_main_loop_run (loop);
  return NULL;
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *uri = NULL;
  SpServerConfig *config;
  SpStore *store;
  SpServer *server;
  g_autoptr(SpUser) user = sp_user_new ();

  dir = g_dir_make_tmp ("synpunkt-fuzz-request-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (remove_dir);
  db = g_build_filename (dir, "synpunkt.db", NULL);
  signal (SIGPIPE, SIG_IGN);
  g_log_set_handler ("synpunkt-server", G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG,
                     g_log_default_handler, NULL);

  {
    char *argv[] = { (char *) "synpunkt-server", (char *) "init", (char *) "--db", db, NULL };

    if (sp_admin_run (4, argv) != 0)
      g_error ("init failed");
  }

  if (!sp_auth_init (&error) || !sp_admin_audit_load_key (NULL, db, FALSE, &error) ||
      !(store = sp_server_store_open (db, &error)))
    g_error ("%s", error->message);

  config = sp_server_config_new ();
  config->db_path = g_strdup (db);
  config->read_timeout_sec = 2;
  config->idle_timeout_sec = 2;
  if (!sp_server_config_set_listen (config, "127.0.0.1:0", &error) ||
      !sp_server_config_apply (config, store, &error))
    g_error ("%s", error->message);

  /* The registrar sees and may do the most. */
  sp_entity_ensure_id (SP_ENTITY (user));
  user->username = g_strdup ("fuzz");
  user->display_name = g_strdup ("Fuzz");
  user->roles = SP_ROLE_BIT (SP_ROLE_REGISTRAR);
  if (!sp_store_save (store, SP_ENTITY (user), SP_SAVE_DEFAULT, NULL, &error) ||
      !(token = sp_auth_create_session (store, SP_ENTITY (user)->id, G_MAXINT32 * G_GINT64_CONSTANT (1000000),
                                        "127.0.0.1", NULL, &error)))
    g_error ("%s", error->message);

  /* The public paths: one Open311 service and client, no rate limit in
   * the way. */
  {
    SpIntakeService *service = g_new0 (SpIntakeService, 1);
    g_autofree char *hash = sp_admin_open311_hash_key ("fuzzkey");

    service->code = g_strdup ("litter");
    service->name = g_strdup ("Nedskräpning");
    service->area = SP_AREA_CITY_ENVIRONMENT;
    /* An attribute of its own, so that requests' attribute[…] are read. */
    service->attributes = g_ptr_array_new_with_free_func (sp_intake_attribute_free);
    {
      SpIntakeAttribute *attribute = g_new0 (SpIntakeAttribute, 1);
      const char *keys[] = { "little", "much", NULL };
      const char *names[] = { "Lite", "Mycket", NULL };

      attribute->code = g_strdup ("amount");
      attribute->datatype = g_strdup ("singlevaluelist");
      attribute->description = g_strdup ("Hur mycket?");
      attribute->keys = g_strdupv ((char **) keys);
      attribute->names = g_strdupv ((char **) names);
      g_ptr_array_add (service->attributes, attribute);
    }
    g_ptr_array_add (config->intake->services, service);
    config->intake->max_posts = 100000;
    config->intake->public_listing = TRUE;
    if (!sp_server_store_add_open311_client (store, "0b3c6a2e-fuzz", "fuzz", hash, &error))
      g_error ("%s", error->message);
  }

  server = sp_server_new (config, store);
  intake = sp_server_get_intake (server);
  if (!sp_server_listen (server, &error))
    g_error ("%s", error->message);
  uri = sp_server_dup_uri (server);
  port = (guint16) g_ascii_strtoull (strrchr (uri, ':') + 1, NULL, 10);

  /* The server keeps the default main context to itself. */
  g_thread_unref (g_thread_new ("server", serve, NULL));
}

static int
connect_server (void)
{
  struct sockaddr_in address = { 0 };
  struct timeval wait = { ANSWER_WAIT_SEC, 0 };
  int fd = socket (AF_INET, SOCK_STREAM, 0);

  address.sin_family = AF_INET;
  address.sin_port = htons (port);
  address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  if (fd < 0 || connect (fd, (struct sockaddr *) &address, sizeof address) != 0)
    g_error ("Cannot connect to the server: %s", g_strerror (errno));
  setsockopt (fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
  setsockopt (fd, SOL_SOCKET, SO_SNDTIMEO, &wait, sizeof wait);
  return fd;
}

/* Sends @request whole, then reads until the server closes. */
static GByteArray *
exchange (const guint8 *request,
          gsize         length)
{
  GByteArray *answer = g_byte_array_new ();
  int fd = connect_server ();
  guint8 buffer[4096];
  gssize n;

  for (gsize done = 0; done < length; done += n)
    if ((n = send (fd, request + done, length - done, MSG_NOSIGNAL)) <= 0)
      break;
  shutdown (fd, SHUT_WR);

  while ((n = recv (fd, buffer, sizeof buffer, 0)) > 0)
    g_byte_array_append (answer, buffer, n);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
    g_error ("The server neither answered nor closed within %d s", ANSWER_WAIT_SEC);
  close (fd);
  return answer;
}

/* Whether @p starts one of the documented error bodies. */
static gboolean
is_error_body (const char *p,
               gsize       length)
{
  static const char * const starts[] = {
    "{\"error\":{",
    "<!DOCTYPE html>",
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<errors><error><code>",
    "[{\"code\":",
  };

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    if (strncmp (p, starts[i], MIN (length, strlen (starts[i]))) == 0)
      return TRUE;
  return FALSE;
}

/* Every answer on the connection is HTTP; every error's body, if it has
 * one, is a documented error format. */
static void
check_answers (GByteArray *answer)
{
  const char *p = (const char *) answer->data;
  const char *end;

  if (answer->len == 0)
    return;
  end = p + answer->len;
  while (p < end)
    {
      const char *head_end = g_strstr_len (p, end - p, "\r\n\r\n");
      g_autofree char *head = NULL;
      const char *length_at;
      guint status;
      gsize body_length = 0;

      if (end - p < 12 || strncmp (p, "HTTP/1.", 7) != 0 || head_end == NULL)
        g_error ("An answer that is not HTTP: %.*s", (int) MIN (end - p, 200), p);
      status = (guint) g_ascii_strtoull (p + 9, NULL, 10);
      head = g_ascii_strdown (p, head_end - p);
      if ((length_at = strstr (head, "\r\ncontent-length:")) != NULL)
        body_length = g_ascii_strtoull (length_at + 17, NULL, 10);
      else if (strstr (head, "chunked") != NULL)
        return;
      p = head_end + 4;
      /* The answer to a HEAD has the length of the body it would have had,
       * but no body: the next answer starts right there. */
      if (body_length > 0 && end - p >= 7 && strncmp (p, "HTTP/1.", 7) == 0 &&
          !is_error_body (p, MIN (body_length, (gsize) (end - p))))
        continue;
      if (status >= 400 && body_length > 0 && !is_error_body (p, MIN (body_length, (gsize) (end - p))))
        g_error ("HTTP %u with a body that is not the error JSON: %.*s", status,
                 (int) MIN (body_length, 200), p);
      p += MIN (body_length, (gsize) (end - p));
    }
}

static void
check_health (void)
{
  static const char request[] = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  g_autoptr(GByteArray) answer = exchange ((const guint8 *) request, strlen (request));

  if (answer->len < 12 || strncmp ((const char *) answer->data, "HTTP/1.1 200", 12) != 0)
    g_error ("The server no longer answers its health check");
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GByteArray) request = g_byte_array_new ();
  g_autoptr(GByteArray) answer = NULL;
  const guint8 *p, *end;
  const char *use_token;

  if (token == NULL)
    setup ();
  if (size == 0)
    data = (const guint8 *) "";
  p = data;
  end = data + size;

  /* Logging the session out would leave every later input outside the
   * login: that request gets a token that was never valid. */
  use_token = memmem (data, size, "DELETE", 6) && memmem (data, size, "session", 7)
              ? "0000000000000000" : token;

  while (p < end)
    {
      const guint8 *mark = memmem (p, end - p, "@TOKEN@", 7);
      const guint8 *csrf = memmem (p, end - p, "@CSRF@", 6);

      if (csrf != NULL && (mark == NULL || csrf < mark))
        {
          g_autofree char *fresh = sp_intake_new_token (intake);
          g_autofree char *escaped = g_uri_escape_string (fresh, NULL, FALSE);

          g_byte_array_append (request, p, csrf - p);
          g_byte_array_append (request, (const guint8 *) escaped, strlen (escaped));
          p = csrf + 6;
          continue;
        }
      if (mark == NULL)
        {
          g_byte_array_append (request, p, end - p);
          break;
        }
      g_byte_array_append (request, p, mark - p);
      g_byte_array_append (request, (const guint8 *) use_token, strlen (use_token));
      p = mark + 7;
    }

  answer = exchange (request->data, request->len);
  check_answers (answer);
  if (++n_inputs % 200 == 0)
    check_health ();

  return 0;
}
