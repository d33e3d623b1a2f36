/* sp-account.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "sp-account.h"

#define SYNC_INTERVAL_S 180

struct _SpAccount
{
  GObject       parent_instance;

  GSettings    *settings;
  char         *db_path;
  SpSyncClient *client;
  SpSyncEngine *engine;
  SpUser       *user;
  char         *directory_name;  /* the directory the server signs in with */
  gboolean      keyring;
  gboolean      restoring;     /* looking for the token in the keyring */
  gboolean      releasing;     /* signing out: the replica is being emptied */
};

G_DEFINE_FINAL_TYPE (SpAccount, sp_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONNECTED,
  PROP_USER,
  PROP_ENGINE,
  PROP_DIRECTORY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REPLICA_RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    "se.synpunkt.Synpunkt.Session", SECRET_SCHEMA_NONE,
    {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "username", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static void
sp_account_dispose (GObject *object)
{
  SpAccount *self = SP_ACCOUNT (object);

  if (self->engine != NULL)
    sp_sync_engine_stop (self->engine);
  g_clear_object (&self->engine);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (sp_account_parent_class)->dispose (object);
}

static void
sp_account_finalize (GObject *object)
{
  SpAccount *self = SP_ACCOUNT (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->user);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->directory_name, g_free);

  G_OBJECT_CLASS (sp_account_parent_class)->finalize (object);
}

static void
sp_account_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SpAccount *self = SP_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_CONNECTED:
      g_value_set_boolean (value, sp_account_is_connected (self));
      break;
    case PROP_USER:
      g_value_set_object (value, self->user);
      break;
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;
    case PROP_DIRECTORY_NAME:
      g_value_set_string (value, self->directory_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_account_class_init (SpAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = sp_account_dispose;
  object_class->finalize = sp_account_finalize;
  object_class->get_property = sp_account_get_property;

  properties[PROP_CONNECTED] = g_param_spec_boolean ("connected", NULL, NULL, FALSE, flags);
  properties[PROP_USER] = g_param_spec_object ("user", NULL, NULL, SP_TYPE_USER, flags);
  properties[PROP_ENGINE] = g_param_spec_object ("engine", NULL, NULL, SP_TYPE_SYNC_ENGINE, flags);
  properties[PROP_DIRECTORY_NAME] = g_param_spec_string ("directory-name", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* What this computer held was emptied (another account signed in, or
   * this one signed out): (changes kept aside, the file, changes that came
   * back). */
  signals[REPLICA_RESET] = g_signal_new ("replica-reset", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                         G_TYPE_UINT, G_TYPE_STRING, G_TYPE_UINT);
}

static void
sp_account_init (SpAccount *self)
{
  self->keyring = TRUE;
}

SpAccount *
sp_account_new (GSettings  *settings,
                const char *db_path)
{
  SpAccount *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (db_path != NULL, NULL);

  self = g_object_new (SP_TYPE_ACCOUNT, NULL);
  self->settings = g_object_ref (settings);
  self->db_path = g_strdup (db_path);
  return self;
}

gboolean
sp_account_is_connected (SpAccount *self)
{
  g_autofree char *url = NULL;

  g_return_val_if_fail (SP_IS_ACCOUNT (self), FALSE);

  url = g_settings_get_string (self->settings, "server-url");
  return url[0] != 0;
}

const char *
sp_account_get_url (SpAccount *self)
{
  g_return_val_if_fail (SP_IS_ACCOUNT (self), NULL);

  return self->client ? sp_sync_client_get_base_url (self->client) : NULL;
}

const char *
sp_account_get_username (SpAccount *self)
{
  g_return_val_if_fail (SP_IS_ACCOUNT (self), NULL);

  return self->user ? self->user->username : NULL;
}

SpUser *
sp_account_get_user (SpAccount *self)
{
  g_return_val_if_fail (SP_IS_ACCOUNT (self), NULL);

  return self->user;
}

SpSyncEngine *
sp_account_get_engine (SpAccount *self)
{
  g_return_val_if_fail (SP_IS_ACCOUNT (self), NULL);

  return self->engine;
}

const char *
sp_account_get_directory_name (SpAccount *self)
{
  g_return_val_if_fail (SP_IS_ACCOUNT (self), NULL);

  return self->directory_name;
}

gboolean
sp_account_has_keyring (SpAccount *self)
{
  g_return_val_if_fail (SP_IS_ACCOUNT (self), FALSE);

  return self->keyring;
}

static void
set_client (SpAccount  *self,
            const char *url)
{
  g_autofree char *fingerprint = g_settings_get_string (self->settings, "server-certificate");

  if (self->engine != NULL)
    sp_sync_engine_stop (self->engine);
  g_clear_object (&self->engine);
  g_clear_object (&self->client);

  self->client = sp_sync_client_new (url);
  if (fingerprint[0] != 0)
    sp_sync_client_set_trusted_certificate (self->client, fingerprint);
}

static void
on_engine_reset (SpAccount  *self,
                 guint       kept_aside,
                 const char *kept_path,
                 guint       taken_back)
{
  g_signal_emit (self, signals[REPLICA_RESET], 0, kept_aside, kept_path, taken_back);
}

static void
on_auth_info (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SpAccount) self = user_data;
  g_autoptr(JsonNode) node = sp_sync_client_request_finish (SP_SYNC_CLIENT (source), result, NULL, NULL);
  JsonObject *object = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *directory = object ? json_object_get_member (object, "directory") : NULL;
  const char *name = NULL;

  if (directory != NULL && JSON_NODE_HOLDS_OBJECT (directory))
    name = json_object_get_string_member_with_default (json_node_get_object (directory), "name", NULL);
  if (g_strcmp0 (name, self->directory_name) == 0 || SP_SYNC_CLIENT (source) != self->client)
    return;
  g_free (self->directory_name);
  self->directory_name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTORY_NAME]);
}

static void
start_engine (SpAccount *self)
{
  /* Which directory the server signs in with, for the account page. */
  sp_sync_client_request_async (self->client, "GET", "/api/v1/auth-info", NULL, NULL,
                                on_auth_info, g_object_ref (self));

  self->engine = sp_sync_engine_new (self->db_path, self->client);
  g_signal_connect_object (self->engine, "reset", G_CALLBACK (on_engine_reset), self,
                           G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
  sp_sync_engine_start (self->engine, SYNC_INTERVAL_S);
}

static void
set_user (SpAccount *self,
          JsonNode  *session)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (session) ? json_node_get_object (session) : NULL;
  JsonNode *user;

  if (object == NULL || !(user = json_object_get_member (object, "user")))
    return;

  g_clear_object (&self->user);
  self->user = sp_json_decode_new (SP_TYPE_USER, user, SP_JSON_DECODE_FULL, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

static void
on_token_stored (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SpAccount) self = user_data;
  g_autoptr(GError) error = NULL;

  /* No keyring (no secret service running): the token stays in memory
   * only, and the user logs in again after a restart. */
  if (!secret_password_store_finish (result, &error))
    {
      g_message ("No keyring to keep the session in: %s", error->message);
      self->keyring = FALSE;
    }
}

static void
on_login (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpAccount *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) session = sp_sync_client_login_finish (SP_SYNC_CLIENT (source), result, &error);
  const char *url = sp_sync_client_get_base_url (self->client);
  const char *username = g_task_get_task_data (task);
  g_autofree char *label = NULL;

  if (session == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  set_user (self, session);
  g_settings_set_string (self->settings, "server-url", url);
  g_settings_set_string (self->settings, "server-username", username);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);

  label = g_strdup_printf (_("Synpunkt session for %s at %s"), username, url);
  secret_password_store (token_schema (), SECRET_COLLECTION_DEFAULT, label,
                         sp_sync_client_get_token (self->client), NULL, on_token_stored,
                         g_object_ref (self), "url", url, "username", username, NULL);

  start_engine (self);
  g_task_return_boolean (task, TRUE);
}

void
sp_account_connect_async (SpAccount           *self,
                          const char          *url,
                          const char          *username,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (SP_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_account_connect_async);
  g_task_set_task_data (task, g_strdup (username), g_free);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    {
      g_task_return_new_error (task, SP_SYNC_ERROR, SP_SYNC_ERROR_UNREACHABLE,
                               _("Enter the server’s address, such as https://synpunkt.example.se"));
      return;
    }

  set_client (self, url);
  sp_sync_client_login_async (self->client, username, password, cancellable, on_login,
                              g_steal_pointer (&task));
}

gboolean
sp_account_connect_finish (SpAccount     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_token_found (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SpAccount) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    self->keyring = FALSE;
  self->restoring = FALSE;

  /* Without a token there is nothing to sync with until the user logs in
   * again; the account stays configured. */
  if (token == NULL)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
      return;
    }

  sp_sync_client_set_token (self->client, token);
  start_engine (self);
}

void
sp_account_restore (SpAccount *self)
{
  g_autofree char *url = NULL;
  g_autofree char *username = NULL;

  g_return_if_fail (SP_IS_ACCOUNT (self));

  url = g_settings_get_string (self->settings, "server-url");
  username = g_settings_get_string (self->settings, "server-username");
  if (url[0] == 0)
    return;

  set_client (self, url);
  self->restoring = TRUE;
  secret_password_lookup (token_schema (), NULL, on_token_found, g_object_ref (self),
                          "url", url, "username", username, NULL);
}

static void
on_logged_out (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(JsonNode) node = sp_sync_client_request_finish (SP_SYNC_CLIENT (source), result, NULL, NULL);
}

static void
on_released (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SpAccount) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_path = NULL;
  guint kept_aside = 0;

  self->releasing = FALSE;
  if (!sp_sync_engine_release_finish (SP_SYNC_ENGINE (source), result, &kept_aside, &kept_path,
                                      &error))
    g_warning ("The cases of the account that logged out could not be removed: %s",
               error->message);

  if (self->engine == SP_SYNC_ENGINE (source))
    g_clear_object (&self->engine);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
  g_signal_emit (self, signals[REPLICA_RESET], 0, kept_aside, kept_path, 0);
}

void
sp_account_log_out (SpAccount *self)
{
  g_autofree char *url = NULL;
  g_autofree char *username = NULL;
  g_autoptr(SpSyncEngine) engine = NULL;

  g_return_if_fail (SP_IS_ACCOUNT (self));

  url = g_settings_get_string (self->settings, "server-url");
  username = g_settings_get_string (self->settings, "server-username");
  if (url[0] == 0)
    return;

  if (self->client != NULL && sp_sync_client_get_token (self->client) != NULL)
    sp_sync_client_request_async (self->client, "DELETE", "/api/v1/session", NULL, NULL,
                                  on_logged_out, NULL);

  secret_password_clear (token_schema (), NULL, NULL, NULL, "url", url, "username", username, NULL);

  /* The server stays configured, but what this computer holds of the
   * account goes: nobody who signs in next may see it. Changes not sent
   * yet are kept aside until the same account signs in again. */
  if (self->client == NULL)
    set_client (self, url);
  engine = self->engine ? g_object_ref (self->engine)
                        : sp_sync_engine_new (self->db_path, self->client);
  self->releasing = TRUE;
  sp_sync_engine_release_async (engine, on_released, g_object_ref (self));

  g_clear_object (&self->user);
  sp_sync_client_set_token (self->client, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

gboolean
sp_account_is_signed_out (SpAccount *self)
{
  g_return_val_if_fail (SP_IS_ACCOUNT (self), FALSE);

  return sp_account_is_connected (self) && !self->restoring &&
         (self->engine == NULL || self->releasing);
}

void
sp_account_trust_certificate (SpAccount  *self,
                              const char *fingerprint)
{
  g_return_if_fail (SP_IS_ACCOUNT (self));

  g_settings_set_string (self->settings, "server-certificate", fingerprint ? fingerprint : "");
  if (self->client != NULL)
    sp_sync_client_set_trusted_certificate (self->client, fingerprint);
}

char *
sp_account_dup_configured_url (SpAccount *self)
{
  g_return_val_if_fail (SP_IS_ACCOUNT (self), NULL);

  return g_settings_get_string (self->settings, "server-url");
}

char *
sp_account_dup_configured_username (SpAccount *self)
{
  g_return_val_if_fail (SP_IS_ACCOUNT (self), NULL);

  return g_settings_get_string (self->settings, "server-username");
}

const char *
sp_account_get_refused_certificate (SpAccount *self)
{
  g_return_val_if_fail (SP_IS_ACCOUNT (self), NULL);

  return self->client ? sp_sync_client_get_refused_certificate (self->client) : NULL;
}
