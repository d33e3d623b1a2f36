/* sp-sync-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-sync"

#include <glib/gi18n-lib.h>

#include "sp-json.h"
#include "sp-sync-client.h"

#define MAX_ANSWER (64 * 1024 * 1024)

struct _SpSyncClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *base_url;
  char        *token;
  char        *trusted_certificate;
  char        *refused_certificate;
};

G_DEFINE_FINAL_TYPE (SpSyncClient, sp_sync_client, G_TYPE_OBJECT)

G_DEFINE_QUARK (sp-sync-error-quark, sp_sync_error)

static void
sp_sync_client_finalize (GObject *object)
{
  SpSyncClient *self = SP_SYNC_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->trusted_certificate, g_free);
  g_clear_pointer (&self->refused_certificate, g_free);

  G_OBJECT_CLASS (sp_sync_client_parent_class)->finalize (object);
}

static void
sp_sync_client_class_init (SpSyncClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_sync_client_finalize;
}

static void
sp_sync_client_init (SpSyncClient *self)
{
  self->session = soup_session_new_with_options ("timeout", 60,
                                                 "idle-timeout", 60,
                                                 "user-agent", "Synpunkt/" PACKAGE_VERSION " ",
                                                 NULL);
}

SpSyncClient *
sp_sync_client_new (const char *base_url)
{
  SpSyncClient *self;
  gsize len;

  g_return_val_if_fail (base_url != NULL, NULL);

  self = g_object_new (SP_TYPE_SYNC_CLIENT, NULL);
  self->base_url = g_strdup (base_url);
  len = strlen (self->base_url);
  while (len > 0 && self->base_url[len - 1] == '/')
    self->base_url[--len] = 0;

  /* A server on this very machine is never reached through a proxy. */
  {
    g_autoptr(GUri) uri = g_uri_parse (self->base_url, G_URI_FLAGS_NONE, NULL);
    const char *host = uri ? g_uri_get_host (uri) : NULL;

    if (host != NULL && (g_str_equal (host, "localhost") || g_str_has_prefix (host, "127.") ||
                         g_str_equal (host, "::1")))
      soup_session_set_proxy_resolver (self->session, NULL);
  }

  return self;
}

const char *
sp_sync_client_get_base_url (SpSyncClient *self)
{
  g_return_val_if_fail (SP_IS_SYNC_CLIENT (self), NULL);

  return self->base_url;
}

const char *
sp_sync_client_get_token (SpSyncClient *self)
{
  g_return_val_if_fail (SP_IS_SYNC_CLIENT (self), NULL);

  return self->token;
}

void
sp_sync_client_set_token (SpSyncClient *self,
                          const char   *token)
{
  g_return_if_fail (SP_IS_SYNC_CLIENT (self));

  if (g_strcmp0 (self->token, token) == 0)
    return;

  g_free (self->token);
  self->token = g_strdup (token);
}

void
sp_sync_client_set_trusted_certificate (SpSyncClient *self,
                                        const char   *sha256_hex)
{
  g_return_if_fail (SP_IS_SYNC_CLIENT (self));

  g_free (self->trusted_certificate);
  self->trusted_certificate = g_strdup (sha256_hex);
}

const char *
sp_sync_client_get_refused_certificate (SpSyncClient *self)
{
  g_return_val_if_fail (SP_IS_SYNC_CLIENT (self), NULL);

  return self->refused_certificate;
}

static char *
certificate_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;

  g_object_get (certificate, "certificate", &der, NULL);
  if (der == NULL)
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
}

/* A certificate no authority vouches for is accepted only when it is the
 * very one the user chose to trust. */
static gboolean
on_accept_certificate (SoupMessage          *message,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  SpSyncClient *self = user_data;
  g_autofree char *fingerprint = certificate_fingerprint (certificate);

  if (fingerprint != NULL && g_strcmp0 (fingerprint, self->trusted_certificate) == 0)
    return TRUE;

  g_free (self->refused_certificate);
  self->refused_certificate = g_steal_pointer (&fingerprint);
  return FALSE;
}

typedef struct
{
  SoupMessage *message;
  guint        status;
  gboolean     raw;      /* a good answer is returned as it came */
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->message);
  g_free (request);
}

static const char *
server_error_member (JsonNode   *node,
                     const char *member)
{
  JsonObject *object, *error;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  if (!json_object_has_member (object, "error") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "error")))
    return NULL;
  error = json_object_get_object_member (object, "error");
  if (!json_object_has_member (error, member) ||
      !JSON_NODE_HOLDS_VALUE (json_object_get_member (error, member)) ||
      json_node_get_value_type (json_object_get_member (error, member)) != G_TYPE_STRING)
    return NULL;
  return json_object_get_string_member (error, member);
}

static const char *
server_message (JsonNode *node)
{
  return server_error_member (node, "message");
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpSyncClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  const char *data;
  gsize size;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else if (error->domain == G_TLS_ERROR || self->refused_certificate != NULL)
        g_task_return_new_error (task, SP_SYNC_ERROR, SP_SYNC_ERROR_CERTIFICATE,
                                 _("The server's certificate is not trusted"));
      else
        g_task_return_new_error (task, SP_SYNC_ERROR, SP_SYNC_ERROR_UNREACHABLE,
                                 _("The server cannot be reached: %s"), error->message);
      return;
    }

  request->status = soup_message_get_status (request->message);
  data = g_bytes_get_data (bytes, &size);

  if (size > MAX_ANSWER)
    {
      g_task_return_new_error (task, SP_SYNC_ERROR, SP_SYNC_ERROR_SERVER,
                               _("The server's answer is too large"));
      return;
    }

  /* A page of the change feed is read in a worker, not here. */
  if (request->raw && SOUP_STATUS_IS_SUCCESSFUL (request->status))
    {
      g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify)g_bytes_unref);
      return;
    }

  if (size > 0)
    node = sp_json_parse (data, size, 64, NULL);

  if (request->status == SOUP_STATUS_UNAUTHORIZED)
    g_task_return_new_error (task, SP_SYNC_ERROR, SP_SYNC_ERROR_AUTH, "%s",
                             server_message (node) ?: _("Please log in again"));
  else if (request->status == SOUP_STATUS_SERVICE_UNAVAILABLE &&
           g_strcmp0 (server_error_member (node, "code"), "directory_unreachable") == 0)
    g_task_return_new_error (task, SP_SYNC_ERROR, SP_SYNC_ERROR_DIRECTORY, "%s",
                             _("The organisation’s directory cannot be reached: try again in a while"));
  else if (request->status >= 500)
    g_task_return_new_error (task, SP_SYNC_ERROR, SP_SYNC_ERROR_SERVER,
                             _("The server failed (%u): %s"), request->status,
                             server_message (node) ?: soup_message_get_reason_phrase (request->message));
  else if (request->status >= 400)
    g_task_return_new_error (task, SP_SYNC_ERROR, SP_SYNC_ERROR_REFUSED, "%s",
                             server_message (node) ?: soup_message_get_reason_phrase (request->message));
  else if (size > 0 && node == NULL)
    g_task_return_new_error (task, SP_SYNC_ERROR, SP_SYNC_ERROR_SERVER,
                             _("The server's answer is not valid JSON"));
  else
    g_task_return_pointer (task, g_steal_pointer (&node), (GDestroyNotify)json_node_unref);
}

static void
send_request (SpSyncClient *self,
              GTask        *task_in,
              gboolean      raw,
              const char   *method,
              const char   *path,
              JsonNode     *body)
{
  g_autoptr(GTask) task = task_in;
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autofree char *uri = NULL;
  Request *request;

  uri = g_strconcat (self->base_url, path, NULL);
  request = g_new0 (Request, 1);
  request->raw = raw;
  request->message = soup_message_new (method, uri);
  g_task_set_task_data (task, request, (GDestroyNotify)request_free);

  if (request->message == NULL)
    {
      g_task_return_new_error (task, SP_SYNC_ERROR, SP_SYNC_ERROR_UNREACHABLE,
                               _("“%s” is not a valid server address"), self->base_url);
      return;
    }

  g_signal_connect_object (request->message, "accept-certificate",
                           G_CALLBACK (on_accept_certificate), self, 0);

  if (self->token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", self->token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (request->message),
                                    "Authorization", auth);
    }

  if (body != NULL)
    {
      char *text = sp_json_to_string (body, FALSE);
      gsize length = strlen (text);
      g_autoptr(GBytes) bytes = g_bytes_new_take (text, length);

      soup_message_set_request_body_from_bytes (request->message, "application/json", bytes);
    }

  soup_session_send_and_read_async (self->session, request->message, G_PRIORITY_DEFAULT,
                                    cancellable, on_sent, g_steal_pointer (&task));
}

void
sp_sync_client_request_async (SpSyncClient        *self,
                              const char          *method,
                              const char          *path,
                              JsonNode            *body,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SP_IS_SYNC_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_sync_client_request_async);
  send_request (self, task, FALSE, method, path, body);
}

void
sp_sync_client_get_bytes_async (SpSyncClient        *self,
                                const char          *path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SP_IS_SYNC_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_sync_client_get_bytes_async);
  send_request (self, task, TRUE, "GET", path, NULL);
}

GBytes *
sp_sync_client_get_bytes_finish (SpSyncClient  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

JsonNode *
sp_sync_client_request_finish (SpSyncClient  *self,
                               GAsyncResult  *result,
                               guint         *status,
                               GError       **error)
{
  Request *request;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  request = g_task_get_task_data (G_TASK (result));
  if (status != NULL)
    *status = request->status;

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_login (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpSyncClient *self = SP_SYNC_CLIENT (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = sp_sync_client_request_finish (self, result, NULL, &error);
  JsonObject *object;

  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  if (object == NULL || !json_object_has_member (object, "token") ||
      json_object_get_string_member (object, "token") == NULL)
    {
      g_task_return_new_error (task, SP_SYNC_ERROR, SP_SYNC_ERROR_SERVER,
                               _("The server did not give a session"));
      return;
    }

  sp_sync_client_set_token (self, json_object_get_string_member (object, "token"));
  g_task_return_pointer (task, g_steal_pointer (&node), (GDestroyNotify)json_node_unref);
}

void
sp_sync_client_login_async (SpSyncClient        *self,
                            const char          *username,
                            const char          *password,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  GTask *task;

  g_return_if_fail (SP_IS_SYNC_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_sync_client_login_async);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, username);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  sp_sync_client_set_token (self, NULL);
  sp_sync_client_request_async (self, "POST", "/api/v1/session", body, cancellable, on_login, task);
}

JsonNode *
sp_sync_client_login_finish (SpSyncClient  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
