/* sp-server.c: the HTTP server: a SoupServer over one store, on the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <string.h>
#include <sys/socket.h>

#include "sp-auth.h"
#include "sp-directory-recheck.h"
#include "sp-http.h"
#include "sp-intake.h"
#include "sp-listener.h"
#include "sp-public.h"
#include "sp-request-guard.h"
#include "sp-routes.h"
#include "sp-server.h"
#include "sp-server-tls.h"

struct _SpServer
{
  GObject               parent_instance;

  const SpServerConfig *config;
  SpStore              *store;
  SoupServer           *soup;
  SpListener           *listener;
  SpDirectoryRecheck   *recheck;
  SpIntake             *intake;
};

G_DEFINE_FINAL_TYPE (SpServer, sp_server, G_TYPE_OBJECT)

static void
sp_server_dispose (GObject *object)
{
  SpServer *self = SP_SERVER (object);

  g_clear_pointer (&self->listener, sp_listener_free);
  g_clear_pointer (&self->recheck, sp_directory_recheck_free);
  g_clear_pointer (&self->intake, sp_intake_free);
  if (self->soup)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sp_server_parent_class)->dispose (object);
}

static void
sp_server_class_init (SpServerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sp_server_dispose;
}

static void
sp_server_init (SpServer *self)
{
}

static char *
dup_bearer_token (SoupServerMessage *msg)
{
  const char *header;

  header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                         "Authorization");
  if (header == NULL || g_ascii_strncasecmp (header, "Bearer ", 7) != 0)
    return NULL;

  header += 7;
  while (*header == ' ')
    header++;
  return g_strdup (header);
}

static gboolean
authenticate (SpRequest  *req,
              GError    **error)
{
  g_autoptr(SpUser) user = NULL;

  req->token = dup_bearer_token (req->msg);
  user = sp_auth_lookup_session (req->store, req->token, NULL, error);
  if (user == NULL)
    return FALSE;

  req->principal = sp_principal_new (req->store, user);
  return TRUE;
}

static void
handle_api (SoupServer        *soup,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  SpServer *self = SP_SERVER (user_data);
  g_autoptr(GError) error = NULL;
  const char *method = soup_server_message_get_method (msg);
  const SpRoute *route;
  gboolean path_known = FALSE;
  SpRequest *req;

  /* The early handler has answered already (a body too large). */
  if (soup_server_message_get_status (msg) != 0)
    return;

  req = g_new0 (SpRequest, 1);
  req->server = g_object_ref (self);
  req->store = self->store;
  req->config = self->config;
  req->msg = g_object_ref (msg);
  req->query = query ? g_hash_table_ref (query) : NULL;
  req->address = g_strdup (soup_server_message_get_remote_host (msg));

  /* The path has been percent-decoded by libsoup; anything that is not
   * UTF-8 cannot name one of our resources. */
  if (!g_utf8_validate (path, -1, NULL))
    {
      g_set_error_literal (&error, SP_HTTP_ERROR, SP_HTTP_ERROR_NO_ROUTE, "No such resource");
      goto out;
    }

  route = sp_routes_match (method, path, &req->param, &path_known);
  if (route == NULL)
    {
      if (path_known)
        g_set_error (&error, SP_HTTP_ERROR, SP_HTTP_ERROR_METHOD_NOT_ALLOWED,
                     "%s is not allowed here", method);
      else
        g_set_error_literal (&error, SP_HTTP_ERROR, SP_HTTP_ERROR_NO_ROUTE, "No such resource");
      goto out;
    }

  if ((route->flags & SP_ROUTE_PUBLIC) == 0 && !authenticate (req, &error))
    goto out;

  if (route->func (req, &error))
    {
      if (req->async)
        {
          /* The handler owns the request now. */
          g_debug ("%s %s (continuing)", method, path);
          return;
        }
    }
  else if (error == NULL)
    g_set_error_literal (&error, SP_ERROR, SP_ERROR_FAILED, "The handler failed without a reason");

out:
  if (error != NULL)
    sp_http_reply_error (msg, error, req->error_extra);
  g_debug ("%s %s → %u", method, path, soup_server_message_get_status (msg));
  sp_request_free (req);
}

typedef struct
{
  SpServer *server;
  gsize     received;
} ChunkCount;

static void
too_large (SoupServerMessage *msg,
           gsize              max_body)
{
  g_autoptr(GError) error = NULL;

  g_set_error (&error, SP_HTTP_ERROR, SP_HTTP_ERROR_TOO_LARGE,
               "The request body is larger than %" G_GSIZE_FORMAT " bytes", max_body);
  sp_http_reply_error (msg, error, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Connection", "close");
}

/* A chunked body has no length up front: count as it comes. */
static void
on_got_chunk (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  ChunkCount *count = user_data;
  gsize max_body = count->server->config->max_body;

  if (soup_server_message_get_status (msg) != 0)
    return;
  count->received += g_bytes_get_size (chunk);
  if (count->received > max_body)
    {
      g_autofree char *message = NULL;

      /* Stop reading: answer by hand on the connection and drop it,
       * rather than take the rest. */
      message = g_strdup_printf ("The request body is larger than %" G_GSIZE_FORMAT " bytes",
                                 max_body);
      sp_listener_refuse_message (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_large", message);
    }
}

/* Refuses a body that is too large before it is read at all. */
static void
handle_early (SoupServer        *soup,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  SpServer *self = SP_SERVER (user_data);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  goffset length;

  /* A length that cannot be trusted is refused before anything else. */
  if (!sp_request_guard_check (msg))
    return;

  length = soup_message_headers_get_content_length (headers);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      length > (goffset) self->config->max_body)
    too_large (msg, self->config->max_body);
  else if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CHUNKED)
    {
      ChunkCount *count = g_new0 (ChunkCount, 1);

      count->server = self;
      /* The count lives as long as the message. */
      g_object_set_data_full (G_OBJECT (msg), "sp-chunk-count", count, g_free);
      g_signal_connect (msg, "got-chunk", G_CALLBACK (on_got_chunk), count);
    }
}

static void
handle_default (SoupServer        *soup,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  g_autoptr(GError) error = NULL;

  g_set_error_literal (&error, SP_HTTP_ERROR, SP_HTTP_ERROR_NO_ROUTE, "No such resource");
  sp_http_reply_error (msg, error, NULL);
}

SpServer *
sp_server_new (const SpServerConfig *config,
               SpStore              *store)
{
  SpServer *self = g_object_new (SP_TYPE_SERVER, NULL);
  g_autoptr(GPtrArray) prefixes = sp_routes_dup_prefixes ();

  self->config = config;
  self->store = g_object_ref (store);
  self->intake = sp_intake_new (config->intake);
  self->soup = soup_server_new ("server-header", "synpunkt-server/" PACKAGE_VERSION " ", NULL);
  sp_request_guard_attach (self->soup);

  /* libsoup calls the early handler of the most specific path only, so
   * each prefix gets one too. */
  soup_server_add_early_handler (self->soup, NULL, handle_early, self, NULL);
  for (guint i = 0; i < prefixes->len; i++)
    {
      const char *prefix = g_ptr_array_index (prefixes, i);

      soup_server_add_early_handler (self->soup, prefix, handle_early, self, NULL);
      soup_server_add_handler (self->soup, prefix, handle_api, self, NULL);
    }
  sp_public_attach (self, self->soup);
  soup_server_add_handler (self->soup, NULL, handle_default, self, NULL);

  if (config->directory != NULL)
    self->recheck = sp_directory_recheck_new (store, config->directory);

  return self;
}

gboolean
sp_server_listen (SpServer  *self,
                  GError   **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;

  if (self->config->tls_cert != NULL || self->config->tls_key != NULL)
    {
      if (self->config->tls_cert == NULL || self->config->tls_key == NULL)
        {
          g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                               "HTTPS needs both --tls-cert and --tls-key");
          return FALSE;
        }
      certificate = sp_server_tls_load (self->config->tls_cert, self->config->tls_key, error);
      if (certificate == NULL)
        return FALSE;
    }

  inet = g_inet_address_new_from_string (self->config->listen_host);
  if (inet == NULL)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   "“%s” is not an IP address to listen on", self->config->listen_host);
      return FALSE;
    }

  address = g_inet_socket_address_new (inet, self->config->listen_port);

  /* Our own socket, for a deeper accept queue than the default 10: many
   * clients connecting at once must wait, not be reset. */
  socket = g_socket_new (g_socket_address_get_family (address), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return FALSE;
  g_socket_set_option (socket, SOL_SOCKET, SO_REUSEADDR, 1, NULL);
  g_socket_set_listen_backlog (socket, 512);
  if (!g_socket_bind (socket, address, TRUE, error) || !g_socket_listen (socket, error))
    return FALSE;

  /* Our own accept loop, with the connection limits and timeouts. */
  self->listener = sp_listener_new (self->soup, socket, certificate, self->config, error);
  return self->listener != NULL;
}

char *
sp_server_dup_uri (SpServer *self)
{
  return self->listener ? sp_listener_dup_uri (self->listener) : NULL;
}

void
sp_server_disconnect (SpServer *self)
{
  g_clear_pointer (&self->listener, sp_listener_free);
  soup_server_disconnect (self->soup);
}

SpStore *
sp_server_get_store (SpServer *self)
{
  return self->store;
}

const SpServerConfig *
sp_server_get_config (SpServer *self)
{
  return self->config;
}

SpIntake *
sp_server_get_intake (SpServer *self)
{
  return self->intake;
}
