/* sp-api-directory.c: signing in with the organisation's directory, and
 * saying which directory that is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The directory is asked in a worker thread (sp-directory.h blocks); the
 * answer comes back to the main loop, which alone touches the store: it
 * creates or updates the user with the roles and unit the directory's
 * groups give, then makes a session as for a local account.
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <sodium.h>
#include <string.h>

#include "sp-api.h"
#include "sp-audit.h"
#include "sp-auth.h"
#include "sp-directory.h"
#include "sp-http.h"
#include "sp-server-schema.h"
#include "sp-server-store.h"

gboolean
sp_api_auth_info (SpRequest  *req,
                  GError    **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  const SpDirectoryConfig *directory = req->config->directory;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "directory");
  if (directory == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, directory->name);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  sp_request_reply (req, SOUP_STATUS_OK, node);
  return TRUE;
}

typedef struct
{
  SpRequest               *req;
  const SpDirectoryConfig *config;
  char                    *username;
  char                    *password;
  SpDirectoryResult       *result;
} DirectoryLogin;

static void
directory_login_free (DirectoryLogin *data)
{
  if (data->password)
    {
      sodium_memzero (data->password, strlen (data->password));
      g_free (data->password);
    }
  g_free (data->username);
  sp_directory_result_free (data->result);
  if (data->req)
    sp_request_free (data->req);
  g_free (data);
}

static void
authenticate_in_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  DirectoryLogin *data = task_data;

  data->result = sp_directory_authenticate (data->config, data->username, data->password);
  sodium_memzero (data->password, strlen (data->password));
  g_task_return_boolean (task, TRUE);
}

/* The user linked to the entry, else the one of this name; a new one if
 * neither. */
static SpUser *
find_or_new_user (SpStore           *store,
                  const char        *username,
                  SpDirectoryResult *result,
                  SpUser           **before)
{
  g_autofree char *user_id = sp_server_store_find_directory_user (store, result->dn);
  g_autoptr(SpUser) existing = NULL;
  SpUser *user;

  *before = NULL;
  if (user_id != NULL)
    existing = sp_store_load (store, SP_TYPE_USER, user_id, NULL);
  if (existing == NULL)
    existing = sp_auth_find_user (store, username, NULL);

  if (existing == NULL)
    {
      user = sp_user_new ();
      sp_entity_ensure_id (SP_ENTITY (user));
      user->username = g_strdup (username);
      return user;
    }

  *before = g_object_ref (existing);
  return sp_entity_copy (SP_ENTITY (existing));
}

static gboolean
apply_result (SpStore           *store,
              SpUser            *user,
              SpUser            *before,
              SpDirectoryResult *result,
              GError           **error)
{
  gboolean changed = before == NULL;

#define TAKE_STRING(field, value)                                  \
  G_STMT_START {                                                   \
    if ((value) != NULL && g_strcmp0 (user->field, (value)) != 0)  \
      {                                                            \
        g_free (user->field);                                      \
        user->field = g_strdup (value);                            \
        changed = TRUE;                                            \
      }                                                            \
  } G_STMT_END

  TAKE_STRING (display_name, result->display_name);
  TAKE_STRING (email, result->email);
#undef TAKE_STRING

  /* The groups decide, at every sign-in: a role or unit taken away in the
   * directory goes here too. */
  if (user->roles != result->roles)
    {
      user->roles = result->roles;
      changed = TRUE;
    }
  if (g_strcmp0 (user->unit_id, result->unit_id) != 0)
    {
      g_free (user->unit_id);
      user->unit_id = g_strdup (result->unit_id);
      changed = TRUE;
    }

  if (changed &&
      (!sp_store_save (store, SP_ENTITY (user), SP_SAVE_DEFAULT, NULL, error) ||
       !sp_audit_record_write (store, NULL, before ? "update" : "create",
                               before ? SP_ENTITY (before) : NULL, SP_ENTITY (user), error)))
    return FALSE;

  return sp_server_store_link_directory_user (store, SP_ENTITY (user)->id, result->dn, error);
}

static void
accept_user (DirectoryLogin *data)
{
  SpRequest *req = g_steal_pointer (&data->req);
  g_autoptr(SpUser) before = NULL;
  g_autoptr(SpUser) user = NULL;
  g_autoptr(SpUser) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *local_hash = NULL;

  user = find_or_new_user (req->store, data->username, data->result, &before);
  if (before != NULL)
    local_hash = sp_auth_dup_password_hash (req->store, SP_ENTITY (before)->id);
  if (before != NULL && (SP_ENTITY (before)->deleted || local_hash != NULL))
    {
      /* A name the administrator removed, or a local account's. */
      g_set_error_literal (&error, SP_ERROR, SP_ERROR_PERMISSION,
                           "This account was removed from Synpunkt: ask the administrator");
      sp_api_login_refuse (req, data->username, before, g_steal_pointer (&error));
      return;
    }

  if (!sp_store_begin (req->store, &error) ||
      !sp_server_store_end (req->store, !apply_result (req->store, user, before, data->result, &error),
                            &error) ||
      (saved = sp_store_load (req->store, SP_TYPE_USER, SP_ENTITY (user)->id, &error)) == NULL)
    {
      sp_request_finish_async (req, error);
      return;
    }

  sp_api_login_accept (req, data->username, saved);
}

static void
authenticated (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  DirectoryLogin *data = user_data;
  SpDirectoryResult *result = data->result;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpUser) known = NULL;

  if (result->status != SP_DIRECTORY_OK && result->detail != NULL)
    g_message ("Directory sign-in of “%s” refused: %s", data->username, result->detail);

  switch (result->status)
    {
    case SP_DIRECTORY_OK:
      accept_user (data);
      break;

    case SP_DIRECTORY_UNREACHABLE:
      /* Not the user's fault: no failure counted. */
      g_set_error_literal (&error, SP_HTTP_ERROR, SP_HTTP_ERROR_DIRECTORY_UNREACHABLE,
                           "The directory cannot be reached: try again in a while "
                           "(local accounts can still sign in)");
      sp_request_finish_async (g_steal_pointer (&data->req), error);
      break;

    case SP_DIRECTORY_DISABLED:
      {
        g_autofree char *user_id = sp_server_store_find_directory_user (data->req->store, result->dn);

        /* Whatever sessions it still has end now. */
        if (user_id != NULL)
          {
            known = sp_store_load (data->req->store, SP_TYPE_USER, user_id, NULL);
            sp_server_store_end_sessions_of (data->req->store, user_id, NULL);
          }
        g_set_error_literal (&error, SP_ERROR, SP_ERROR_PERMISSION,
                             "This directory account is disabled");
        sp_api_login_refuse (g_steal_pointer (&data->req), data->username, known,
                             g_steal_pointer (&error));
      }
      break;

    case SP_DIRECTORY_NO_GROUP:
      g_set_error_literal (&error, SP_ERROR, SP_ERROR_PERMISSION,
                           "Your directory account is in none of the groups that give a role "
                           "in Synpunkt: ask the administrator to add you to one");
      sp_api_login_refuse (g_steal_pointer (&data->req), data->username, NULL,
                           g_steal_pointer (&error));
      break;

    case SP_DIRECTORY_WRONG_PASSWORD:
    default:
      sp_api_login_refuse (g_steal_pointer (&data->req), data->username, NULL, NULL);
      break;
    }

  directory_login_free (data);
}

gboolean
sp_api_directory_login (SpRequest   *req,
                        const char  *username,
                        const char  *password,
                        GError     **error)
{
  g_autoptr(GTask) task = NULL;
  DirectoryLogin *data;

  data = g_new0 (DirectoryLogin, 1);
  data->config = req->config->directory;
  data->username = g_strdup (username);
  data->password = g_strdup (password);

  /* The directory may be slow or away: the loop goes on serving others
   * while a worker waits for it (each call has its time-out). */
  req->async = TRUE;
  data->req = req;
  soup_server_message_pause (req->msg);
  task = g_task_new (NULL, NULL, authenticated, data);
  g_task_set_task_data (task, data, NULL);
  g_task_run_in_thread (task, authenticate_in_thread);
  return TRUE;
}
