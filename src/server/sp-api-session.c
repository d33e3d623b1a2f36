/* sp-api-session.c: health, logging in and out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <sodium.h>
#include <string.h>

#include "sp-api.h"
#include "sp-audit.h"
#include "sp-auth.h"
#include "sp-http.h"
#include "sp-server-schema.h"
#include "sp-server-store.h"

#define MAX_FAILURE_DELAY_MS 3000

gboolean
sp_api_health (SpRequest  *req,
               GError    **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ok");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  sp_request_reply (req, SOUP_STATUS_OK, node);
  return TRUE;
}

/* A hash to check against when the user does not exist, so that an
 * unknown name takes as long as a wrong password. */
static gpointer
make_dummy_hash (gpointer data)
{
  guchar random[16];
  g_autofree char *password = NULL;

  randombytes_buf (random, sizeof random);
  password = g_base64_encode (random, sizeof random);
  return sp_auth_hash_password (password, NULL);
}

static const char *
get_dummy_hash (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, make_dummy_hash, NULL);
  return once.retval;
}

typedef struct
{
  SpRequest *req;
  char      *username;
  char      *password;
  char      *hash;
  SpUser    *user;
  gboolean   ok;
} LoginData;

static void
login_data_free (LoginData *data)
{
  if (data->password)
    {
      sodium_memzero (data->password, strlen (data->password));
      g_free (data->password);
    }
  g_free (data->username);
  g_free (data->hash);
  g_clear_object (&data->user);
  if (data->req)
    sp_request_free (data->req);
  g_free (data);
}

static void
verify_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LoginData *data = task_data;

  data->ok = sp_auth_verify_password (data->hash ? data->hash : get_dummy_hash (),
                                      data->password) && data->hash != NULL;
  g_task_return_boolean (task, TRUE);
}

static JsonNode *
session_json (SpStore    *store,
              const char *token,
              gint64      expires_at,
              SpUser     *user)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *expiry = sp_timestamp_to_string (expires_at);

  if (token != NULL)
    json_object_set_string_member (object, "token", token);
  json_object_set_string_member (object, "expires_at", expiry);
  json_object_set_member (object, "user", sp_json_encode (SP_ENTITY (user), SP_JSON_ENCODE_DEFAULT));
  /* Beside the user, not in it: clients decode the user strictly. */
  json_object_set_string_member (object, "source",
                                 sp_server_store_is_directory_user (store, SP_ENTITY (user)->id)
                                 ? "directory" : "local");
  json_node_take_object (node, object);
  return node;
}

typedef struct
{
  SpRequest *req;
  GError    *error;
} FailureData;

static gboolean
finish_failure (gpointer user_data)
{
  FailureData *data = user_data;

  sp_request_finish_async (data->req, data->error);
  g_clear_error (&data->error);
  g_free (data);
  return G_SOURCE_REMOVE;
}

void
sp_api_login_refuse (SpRequest  *req,
                     const char *username,
                     SpUser     *user,
                     GError     *error)
{
  g_autofree char *user_key = g_strconcat ("user:", username, NULL);
  g_autofree char *addr_key = g_strconcat ("addr:", req->address ? req->address : "", NULL);
  FailureData *data = g_new0 (FailureData, 1);
  guint failures;
  guint delay;
  gboolean begun = sp_store_begin (req->store, NULL);

  failures = sp_auth_record_failure (req->store, user_key,
                                     req->config->failure_window_sec * G_USEC_PER_SEC);
  sp_auth_record_failure (req->store, addr_key,
                          req->config->failure_window_sec * G_USEC_PER_SEC);
  sp_audit_append (req->store, user ? SP_ENTITY (user)->id : NULL,
                   "login_failed", "user", user ? SP_ENTITY (user)->id : NULL,
                   "username", NULL, username, NULL);
  if (begun)
    sp_store_commit (req->store, NULL);

  data->req = req;
  data->error = error;
  if (data->error == NULL)
    g_set_error_literal (&data->error, SP_HTTP_ERROR, SP_HTTP_ERROR_UNAUTHORIZED,
                         "Wrong user name or password");

  /* Each failure in a row waits longer before it is answered; the
   * wait is a timer, not a blocked loop. */
  delay = MIN (req->config->failure_delay_ms * failures, MAX_FAILURE_DELAY_MS);
  g_timeout_add (delay, finish_failure, data);
}

void
sp_api_login_accept (SpRequest  *req,
                     const char *username,
                     SpUser     *user)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *user_key = g_strconcat ("user:", username, NULL);
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 expires_at = 0;

  if (!sp_store_begin (req->store, &error))
    goto out;
  sp_auth_clear_failures (req->store, user_key);
  token = sp_auth_create_session (req->store, SP_ENTITY (user)->id,
                                  req->config->session_lifetime_sec * G_USEC_PER_SEC,
                                  req->address, &expires_at, &error);
  if (!sp_server_store_end (req->store,
                            token == NULL ||
                            !sp_audit_append (req->store, SP_ENTITY (user)->id, "login", "user", SP_ENTITY (user)->id, NULL, NULL, NULL, &error),
                            &error))
    {
      goto out;
    }

  node = session_json (req->store, token, expires_at, user);
  sp_request_reply (req, SOUP_STATUS_OK, node);

out:
  sp_request_finish_async (req, error);
}

static void
login_verified (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LoginData *data = user_data;

  if (data->ok)
    sp_api_login_accept (g_steal_pointer (&data->req), data->username, data->user);
  else
    sp_api_login_refuse (g_steal_pointer (&data->req), data->username, data->user, NULL);
  login_data_free (data);
}

gboolean
sp_api_session_create (SpRequest  *req,
                       GError    **error)
{
  static const char * const members[] = { "username", "password", NULL };
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *user_key = NULL;
  g_autofree char *addr_key = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  const char *username;
  const char *password;
  gint64 retry_after = 0;
  LoginData *data;

  body = sp_request_read_json (req, error);
  if (body == NULL)
    return FALSE;
  if ((object = sp_json_require_object (body, NULL, error)) == NULL ||
      !sp_json_check_members (object, members, error) ||
      (username = sp_json_member_string (object, "username", TRUE, error)) == NULL ||
      (password = sp_json_member_string (object, "password", TRUE, error)) == NULL)
    return FALSE;

  user_key = g_strconcat ("user:", username, NULL);
  addr_key = g_strconcat ("addr:", req->address ? req->address : "", NULL);
  if (sp_auth_is_limited (req->store, user_key, req->config->max_failures_user,
                          req->config->failure_window_sec * G_USEC_PER_SEC, &retry_after) ||
      sp_auth_is_limited (req->store, addr_key, req->config->max_failures_address,
                          req->config->failure_window_sec * G_USEC_PER_SEC, &retry_after))
    {
      g_autofree char *seconds = g_strdup_printf ("%" G_GINT64_FORMAT, retry_after);

      soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                    "Retry-After", seconds);
      g_set_error_literal (error, SP_HTTP_ERROR, SP_HTTP_ERROR_RATE_LIMITED,
                           "Too many failed logins: wait a while and try again");
      return FALSE;
    }

  data = g_new0 (LoginData, 1);
  data->username = g_strdup (username);
  data->password = g_strdup (password);
  data->user = sp_auth_find_user (req->store, username, &local_error);
  if (data->user != NULL)
    data->hash = sp_auth_dup_password_hash (req->store, SP_ENTITY (data->user)->id);
  else if (!g_error_matches (local_error, SP_ERROR, SP_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      login_data_free (data);
      return FALSE;
    }

  /* A local account signs in with its own password; any other name is
   * the directory's, when there is one. */
  if (data->hash == NULL && req->config->directory != NULL)
    {
      login_data_free (data);
      return sp_api_directory_login (req, username, password, error);
    }

  /* argon2id takes a while on purpose: keep the loop serving others. */
  req->async = TRUE;
  data->req = req;
  soup_server_message_pause (req->msg);
  task = g_task_new (NULL, NULL, login_verified, data);
  g_task_set_task_data (task, data, NULL);
  g_task_run_in_thread (task, verify_in_thread);
  return TRUE;
}

gboolean
sp_api_session_get (SpRequest  *req,
                    GError    **error)
{
  g_autoptr(SpUser) user = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 expires_at = 0;

  user = sp_auth_lookup_session (req->store, req->token, &expires_at, error);
  if (user == NULL)
    return FALSE;

  node = session_json (req->store, NULL, expires_at, user);
  sp_request_reply (req, SOUP_STATUS_OK, node);
  return TRUE;
}

gboolean
sp_api_session_delete (SpRequest  *req,
                       GError    **error)
{
  if (!sp_store_begin (req->store, error))
    return FALSE;
  if (!sp_server_store_end (req->store,
                            !sp_auth_end_session (req->store, req->token, error) ||
                            !sp_audit_append (req->store, sp_request_get_user_id (req), "logout", "user", sp_request_get_user_id (req), NULL, NULL, NULL, error),
                            error))
    {
      return FALSE;
    }

  soup_server_message_set_status (req->msg, SOUP_STATUS_NO_CONTENT, NULL);
  return TRUE;
}
