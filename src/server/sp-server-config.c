/* sp-server-config.c: the server's configuration file and flags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <string.h>

#include "sp-audit.h"
#include "sp-audit-key.h"
#include "sp-server-config.h"
#include "sp-server-schema.h"

SpServerConfig *
sp_server_config_new (void)
{
  SpServerConfig *self = g_new0 (SpServerConfig, 1);

  self->listen_host = g_strdup ("127.0.0.1");
  self->listen_port = 8080;
  self->session_lifetime_sec = 8 * 60 * 60;
  self->max_body = 1024 * 1024;
  self->max_failures_user = 5;
  self->max_failures_address = 20;
  self->failure_window_sec = 15 * 60;
  self->failure_delay_ms = 250;
  self->audit_head_interval_sec = 10;
  self->max_connections = 512;
  self->max_connections_per_address = 64;
  self->read_timeout_sec = 15;
  self->idle_timeout_sec = 60;
  self->deadline_keys = g_new0 (char *, 1);
  self->deadline_rules = g_new0 (char *, 1);
  self->intake = sp_intake_config_new ();

  return self;
}

void
sp_server_config_free (SpServerConfig *self)
{
  if (self == NULL)
    return;
  g_free (self->org_name);
  g_free (self->diary_prefix);
  g_free (self->secrecy_provisions);
  g_free (self->retention_contact_years);
  g_free (self->retention_free_text_years);
  g_free (self->listen_host);
  g_free (self->db_path);
  g_free (self->tls_cert);
  g_free (self->tls_key);
  g_strfreev (self->deadline_keys);
  g_strfreev (self->deadline_rules);
  g_free (self->config_path);
  g_free (self->audit_key);
  g_free (self->audit_head);
  sp_directory_config_free (self->directory);
  sp_intake_config_free (self->intake);
  g_free (self);
}

char *
sp_server_config_dup_audit_key (SpServerConfig *self)
{
  if (self->audit_key)
    return g_strdup (self->audit_key);
  return sp_audit_key_default_path (self->config_path, self->db_path);
}

char *
sp_server_config_dup_audit_head (SpServerConfig *self)
{
  if (self->audit_head)
    return g_strdup (self->audit_head);
  return sp_audit_head_default_path (self->db_path);
}

gboolean
sp_server_config_set_listen (SpServerConfig  *self,
                             const char      *text,
                             GError         **error)
{
  const char *colon = strrchr (text, ':');
  g_autofree char *host = NULL;
  guint64 port;

  if (colon == NULL ||
      !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &port, NULL))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   "“%s” is not HOST:PORT (for example 127.0.0.1:8080)", text);
      return FALSE;
    }

  host = g_strndup (text, colon - text);
  if (host[0] == '[' && host[strlen (host) - 1] == ']')
    {
      char *inner = g_strndup (host + 1, strlen (host) - 2);
      g_free (host);
      host = inner;
    }

  g_free (self->listen_host);
  self->listen_host = *host ? g_steal_pointer (&host) : g_strdup ("0.0.0.0");
  self->listen_port = (guint) port;
  return TRUE;
}

static void
add_deadline (SpServerConfig *self,
              const char     *key,
              const char     *rule)
{
  guint n = g_strv_length (self->deadline_keys);

  self->deadline_keys = g_renew (char *, self->deadline_keys, n + 2);
  self->deadline_rules = g_renew (char *, self->deadline_rules, n + 2);
  self->deadline_keys[n] = g_strdup (key);
  self->deadline_rules[n] = g_strdup (rule);
  self->deadline_keys[n + 1] = NULL;
  self->deadline_rules[n + 1] = NULL;
}

static gboolean
check_years (const char  *text,
             const char  *key,
             GError     **error)
{
  guint64 years;

  if (text == NULL || g_ascii_string_to_unsigned (text, 10, 0, 200, &years, NULL))
    return TRUE;
  g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
               "[registrar] %s must be a number of years from 0 to 200, not “%s”", key, text);
  return FALSE;
}

gboolean
sp_server_config_load_file (SpServerConfig  *self,
                            const char      *path,
                            GError         **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_auto(GStrv) keys = NULL;
  g_autofree char *listen = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 value;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_TRANSLATIONS, error))
    return FALSE;
  g_free (self->config_path);
  self->config_path = g_strdup (path);

#define GET_STRING(group, key, dest)                                   \
  G_STMT_START {                                                       \
    char *s = g_key_file_get_string (file, group, key, NULL);          \
    if (s != NULL) { g_free (dest); dest = g_strstrip (s); }           \
  } G_STMT_END

  GET_STRING ("organisation", "name", self->org_name);
  GET_STRING ("organisation", "diary_prefix", self->diary_prefix);
  GET_STRING ("server", "db", self->db_path);
  GET_STRING ("server", "tls_cert", self->tls_cert);
  GET_STRING ("server", "tls_key", self->tls_key);
  GET_STRING ("server", "audit_key", self->audit_key);
  GET_STRING ("server", "audit_head", self->audit_head);
  GET_STRING ("registrar", "retention_contact_years", self->retention_contact_years);
  GET_STRING ("registrar", "retention_free_text_years", self->retention_free_text_years);
#undef GET_STRING

  {
    g_auto(GStrv) provisions = g_key_file_get_string_list (file, "registrar", "secrecy_provisions",
                                                          NULL, NULL);

    if (provisions != NULL)
      {
        for (guint i = 0; provisions[i]; i++)
          g_strstrip (provisions[i]);
        g_free (self->secrecy_provisions);
        self->secrecy_provisions = g_strjoinv ("\n", provisions);
      }
  }
  if (!check_years (self->retention_contact_years, "retention_contact_years", error) ||
      !check_years (self->retention_free_text_years, "retention_free_text_years", error))
    return FALSE;

  listen = g_key_file_get_string (file, "server", "listen", NULL);
  if (listen != NULL && !sp_server_config_set_listen (self, g_strstrip (listen), error))
    return FALSE;

#define GET_INT(key, dest, min, max)                                                  \
  G_STMT_START {                                                                      \
    if (g_key_file_has_key (file, "server", key, NULL))                               \
      {                                                                               \
        value = g_key_file_get_int64 (file, "server", key, &local_error);             \
        if (local_error != NULL || value < (min) || value > (max))                    \
          {                                                                           \
            g_set_error (error, SP_ERROR, SP_ERROR_INVALID,                           \
                         "[server] %s must be a number from %d to %d", key,           \
                         (int) (min), (int) (max));                                   \
            return FALSE;                                                             \
          }                                                                           \
        dest = value;                                                                 \
      }                                                                               \
  } G_STMT_END

  GET_INT ("session_lifetime", self->session_lifetime_sec, 1, 30 * 24 * 3600);
  GET_INT ("max_body", self->max_body, 1024, 64 * 1024 * 1024);
  GET_INT ("max_failed_logins", self->max_failures_user, 1, 1000);
  GET_INT ("max_failed_logins_per_address", self->max_failures_address, 1, 100000);
  GET_INT ("failed_login_window", self->failure_window_sec, 1, 7 * 24 * 3600);
  GET_INT ("audit_head_interval", self->audit_head_interval_sec, 1, 24 * 3600);
  GET_INT ("max_connections", self->max_connections, 1, 1000000);
  GET_INT ("max_connections_per_address", self->max_connections_per_address, 1, 1000000);
  GET_INT ("read_timeout", self->read_timeout_sec, 1, 3600);
  GET_INT ("idle_timeout", self->idle_timeout_sec, 1, 24 * 3600);
#undef GET_INT

  g_clear_pointer (&self->directory, sp_directory_config_free);
  if (!sp_directory_config_load (file, path, &self->directory, error))
    return FALSE;

  keys = g_key_file_get_keys (file, "deadlines", NULL, NULL);
  for (guint i = 0; keys && keys[i]; i++)
    {
      g_autofree char *rule = g_key_file_get_string (file, "deadlines", keys[i], NULL);
      SpDeadlineRule parsed;

      if (rule == NULL || !sp_deadline_rule_parse (g_strstrip (rule), &parsed, NULL))
        {
          g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                       "[deadlines] %s: “%s” is not a rule such as working-days:14",
                       keys[i], rule ? rule : "");
          return FALSE;
        }
      add_deadline (self, keys[i], rule);
    }

  return sp_intake_config_load (self->intake, file, error);
}

/* Settings are writes too: a changed one is recorded in the audit log. */
static gboolean
set_setting (SpStore     *store,
             const char  *key,
             const char  *value,
             GError     **error)
{
  g_autofree char *old = sp_store_dup_setting (store, key);

  if (g_strcmp0 (old, value) == 0)
    return TRUE;

  return sp_store_set_setting (store, key, value, error) &&
         sp_audit_append (store, NULL, "setting", "setting", NULL, key, old, value, error);
}

static gboolean
apply_settings (SpServerConfig  *self,
                SpStore         *store,
                GError         **error)
{
  SpDeadlineConfig check;

  sp_deadline_config_init_default (&check);

  if (self->org_name && !set_setting (store, "organisation.name", self->org_name, error))
    return FALSE;
  if (self->diary_prefix && !set_setting (store, "diary.prefix", self->diary_prefix, error))
    return FALSE;
  if (self->secrecy_provisions &&
      !set_setting (store, "secrecy.provisions", self->secrecy_provisions, error))
    return FALSE;
  if (self->retention_contact_years &&
      !set_setting (store, "retention.contact_years", self->retention_contact_years, error))
    return FALSE;
  if (self->retention_free_text_years &&
      !set_setting (store, "retention.free_text_years", self->retention_free_text_years, error))
    return FALSE;

  for (guint i = 0; self->deadline_keys[i]; i++)
    {
      g_autofree char *key = g_strconcat ("deadline.", self->deadline_keys[i], NULL);

      /* The core knows which rules exist; an unknown key is a typo. */
      if (!sp_deadline_config_set (&check, self->deadline_keys[i], self->deadline_rules[i], error))
        return FALSE;
      if (!set_setting (store, key, self->deadline_rules[i], error))
        return FALSE;
    }

  return TRUE;
}

gboolean
sp_server_config_apply (SpServerConfig  *self,
                        SpStore         *store,
                        GError         **error)
{
  if (!sp_store_begin (store, error))
    return FALSE;
  return sp_server_store_end (store, !apply_settings (self, store, error), error);
}
