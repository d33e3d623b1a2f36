/* sp-admin-backend.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every read and write of the local database is a store worker job; every
 * request to the server goes through the account's SpSyncClient, async.
 * Nothing here waits on the main loop.
 */

#include <glib/gi18n.h>
#include <string.h>

#include "sp-admin-backend.h"

struct _SpAdminBackend
{
  GObject    parent_instance;

  SpContext *context;
};

G_DEFINE_FINAL_TYPE (SpAdminBackend, sp_admin_backend, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

void
sp_admin_data_free (SpAdminData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->units, g_ptr_array_unref);
  g_clear_pointer (&data->users, g_ptr_array_unref);
  g_clear_pointer (&data->categories, g_ptr_array_unref);
  g_clear_pointer (&data->directory, g_hash_table_unref);
  g_free (data->diary_prefix);
  g_free (data->diary_format);
  g_free (data);
}

static SpAdminData *
admin_data_new (void)
{
  SpAdminData *data = g_new0 (SpAdminData, 1);

  data->directory = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sp_deadline_config_init_default (&data->deadlines);
  return data;
}

static int
compare_usernames (gconstpointer a,
                   gconstpointer b)
{
  SpUser *x = *(SpUser **) a;
  SpUser *y = *(SpUser **) b;

  return g_utf8_collate (x->username ? x->username : "", y->username ? y->username : "");
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  SpCategory *x = *(SpCategory **) a;
  SpCategory *y = *(SpCategory **) b;

  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return g_utf8_collate (x->name ? x->name : "", y->name ? y->name : "");
}

static void
sort_data (SpAdminData *data)
{
  g_ptr_array_sort (data->units, sp_entity_compare_names);
  g_ptr_array_sort (data->users, compare_usernames);
  g_ptr_array_sort (data->categories, compare_positions);
}

static SpSyncEngine *
remote_engine (SpAdminBackend *self)
{
  SpAccount *account = sp_context_get_account (self->context);

  if (account == NULL || sp_account_get_user (account) == NULL)
    return NULL;
  return sp_account_get_engine (account);
}

static SpSyncClient *
remote_client (SpAdminBackend *self)
{
  SpSyncEngine *engine = remote_engine (self);

  return engine ? sp_sync_engine_get_client (engine) : NULL;
}

gboolean
sp_admin_backend_is_remote (SpAdminBackend *self)
{
  g_return_val_if_fail (SP_IS_ADMIN_BACKEND (self), FALSE);

  return remote_client (self) != NULL;
}

SpContext *
sp_admin_backend_get_context (SpAdminBackend *self)
{
  g_return_val_if_fail (SP_IS_ADMIN_BACKEND (self), NULL);

  return self->context;
}

/* A change was made: the replica catches up with the server soon, the
 * rest of the app reads the reference data again, the view reloads. */
static void
changed (SpAdminBackend *self)
{
  SpSyncEngine *engine = remote_engine (self);

  if (engine != NULL)
    sp_sync_engine_schedule (engine);
  sp_context_reference_changed (self->context);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- Reading --------------------------------------------------------- */

/* Runs in the store worker's thread. */
static gpointer
load_local (SpStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(SpAdminData) admin = admin_data_new ();

  if ((admin->units = sp_store_load_where (store, SP_TYPE_UNIT, NULL, NULL, error)) == NULL ||
      (admin->users = sp_store_load_where (store, SP_TYPE_USER, NULL, NULL, error)) == NULL ||
      (admin->categories = sp_store_load_where (store, SP_TYPE_CATEGORY, NULL, NULL, error)) == NULL)
    return NULL;
  sp_store_get_deadline_config (store, &admin->deadlines);
  admin->diary_prefix = sp_store_dup_setting (store, "diary.prefix");
  admin->diary_format = sp_store_dup_setting (store, "diary.format");
  if (admin->diary_format == NULL)
    admin->diary_format = g_strdup (SP_DIARY_FORMAT_DEFAULT);
  sort_data (admin);

  return g_steal_pointer (&admin);
}

static void
local_loaded (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  SpAdminData *data = sp_store_worker_run_finish (SP_STORE_WORKER (source), result, &error);

  if (data == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, data, (GDestroyNotify) sp_admin_data_free);
}

/* The items of a list answer as records; users' "source" is kept apart
 * (the record decoder knows no such member). */
static GPtrArray *
decode_items (JsonNode    *node,
              GType        type,
              GHashTable  *directory,
              GError     **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *items;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      !json_object_has_member (json_node_get_object (node), "items") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (node), "items")))
    {
      g_set_error_literal (error, SP_SYNC_ERROR, SP_SYNC_ERROR_SERVER,
                           _("The server’s answer makes no sense"));
      return NULL;
    }

  items = json_object_get_array_member (json_node_get_object (node), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *item = json_array_get_element (items, i);
      g_autoptr(JsonNode) copy = NULL;
      gboolean from_directory = FALSE;
      SpEntity *entity;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      copy = json_node_copy (item);
      if (json_object_has_member (json_node_get_object (copy), "source"))
        {
          from_directory = g_strcmp0 (json_object_get_string_member (json_node_get_object (copy),
                                                                      "source"), "directory") == 0;
          json_object_remove_member (json_node_get_object (copy), "source");
        }
      entity = sp_json_decode_new (type, copy, SP_JSON_DECODE_FULL, error);
      if (entity == NULL)
        return NULL;
      if (from_directory && directory != NULL)
        g_hash_table_add (directory, g_strdup (entity->id));
      g_ptr_array_add (all, entity);
    }

  return g_steal_pointer (&all);
}

static const char * const remote_paths[] = {
  "/api/v1/units", "/api/v1/users", "/api/v1/categories",
};

typedef struct
{
  SpAdminData *data;
  guint        step;
} RemoteLoad;

static void
remote_load_free (gpointer p)
{
  RemoteLoad *load = p;

  sp_admin_data_free (load->data);
  g_free (load);
}

static void remote_load_next (GTask *task);

static void
remote_step_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RemoteLoad *load = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  GPtrArray *items;
  GType type;

  node = sp_sync_client_request_finish (SP_SYNC_CLIENT (source), result, NULL, &error);
  if (node == NULL && error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  type = load->step == 0 ? SP_TYPE_UNIT : load->step == 1 ? SP_TYPE_USER : SP_TYPE_CATEGORY;
  if ((items = decode_items (node, type, load->data->directory, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (load->step == 0)
    load->data->units = items;
  else if (load->step == 1)
    load->data->users = items;
  else
    load->data->categories = items;

  load->step++;
  remote_load_next (g_steal_pointer (&task));
}

static void
remote_load_next (GTask *task)
{
  SpAdminBackend *self = g_task_get_source_object (task);
  RemoteLoad *load = g_task_get_task_data (task);
  SpSyncClient *client = remote_client (self);

  if (load->step == G_N_ELEMENTS (remote_paths))
    {
      SpAdminData *data = g_steal_pointer (&load->data);

      sort_data (data);
      g_task_return_pointer (task, data, (GDestroyNotify) sp_admin_data_free);
      g_object_unref (task);
      return;
    }
  if (client == NULL)
    {
      g_task_return_new_error (task, SP_SYNC_ERROR, SP_SYNC_ERROR_AUTH,
                               _("You are no longer signed in to the server."));
      g_object_unref (task);
      return;
    }

  sp_sync_client_request_async (client, "GET", remote_paths[load->step], NULL,
                                g_task_get_cancellable (task), remote_step_done, task);
}

void
sp_admin_backend_load_async (SpAdminBackend      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SP_IS_ADMIN_BACKEND (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_admin_backend_load_async);

  if (sp_admin_backend_is_remote (self))
    {
      RemoteLoad *load = g_new0 (RemoteLoad, 1);

      load->data = admin_data_new ();
      load->data->remote = TRUE;
      g_task_set_task_data (task, load, remote_load_free);
      remote_load_next (task);
      return;
    }

  sp_store_worker_run_async (sp_context_get_worker (self->context), load_local, NULL, NULL,
                             (GDestroyNotify) sp_admin_data_free, cancellable, local_loaded,
                             task);
}

SpAdminData *
sp_admin_backend_load_finish (SpAdminBackend  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Changing -------------------------------------------------------- */

typedef struct
{
  SpEntity *entity;
  gboolean  is_new;
  gboolean  remote;     /* check only: the server saves */
  char     *password;
  char     *actor_id;
  char    **keys;
  char    **rules;
  char     *prefix;
  char     *format;
} Change;

static void
change_free (gpointer p)
{
  Change *change = p;

  g_clear_object (&change->entity);
  if (change->password != NULL)
    memset (change->password, 0, strlen (change->password));
  g_free (change->password);
  g_free (change->actor_id);
  g_strfreev (change->keys);
  g_strfreev (change->rules);
  g_free (change->prefix);
  g_free (change->format);
  g_free (change);
}

static Change *
change_new (SpAdminBackend *self,
            SpEntity       *entity)
{
  Change *change = g_new0 (Change, 1);
  const SpActor *actor = sp_context_get_actor (self->context);

  change->entity = entity ? sp_entity_copy (entity) : NULL;
  change->actor_id = g_strdup (actor ? actor->user_id : NULL);
  change->remote = sp_admin_backend_is_remote (self);
  return change;
}

/* What the API takes of a record: every field a client may set. */
static JsonNode *
encode_fields (SpEntity *entity,
               gboolean  with_id)
{
  const SpEntityInfo *info = sp_entity_get_info (entity);
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];

      if (field->flags & (SP_FIELD_SERVER | SP_FIELD_COMPUTED))
        continue;
      if (g_str_equal (field->name, "id") && !with_id)
        continue;
      if (with_id && !sp_entity_field_is_set (entity, field))
        continue;
      json_object_set_member (object, field->name, sp_json_encode_field (entity, field));
    }

  json_node_take_object (node, object);
  return node;
}

static const char *
collection_of (SpEntity *entity)
{
  if (SP_IS_UNIT (entity))
    return "units";
  if (SP_IS_USER (entity))
    return "users";
  return "categories";
}

/* Runs in the store worker's thread: the core's checks on what this
 * computer knows, and the save itself when there is no server. */
static gpointer
save_job (SpStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Change *change = data;

  if (change->remote)
    {
      if (!sp_store_admin_check (store, change->entity, FALSE, error))
        return NULL;
    }
  else if (!sp_store_admin_save (store, change->entity, change->actor_id, error))
    return NULL;

  return GINT_TO_POINTER (TRUE);
}

static void
request_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  node = sp_sync_client_request_finish (SP_SYNC_CLIENT (source), result, NULL, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  changed (g_task_get_source_object (task));
  g_task_return_boolean (task, TRUE);
}

static void
send_request (GTask      *task,
              const char *method,
              const char *path,
              JsonNode   *body)
{
  SpSyncClient *client = remote_client (g_task_get_source_object (task));

  if (client == NULL)
    {
      g_task_return_new_error (task, SP_SYNC_ERROR, SP_SYNC_ERROR_AUTH,
                               _("You are no longer signed in to the server."));
      g_object_unref (task);
      return;
    }
  sp_sync_client_request_async (client, method, path, body, g_task_get_cancellable (task),
                                request_done, task);
}

/* A PATCH body: the fields, based on the revision read. */
static JsonNode *
patch_body (SpEntity   *entity,
            JsonNode   *fields,
            const char *password)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (object, "base_rev", entity->rev);
  json_object_set_member (object, "fields", fields);
  if (password != NULL)
    json_object_set_string_member (object, "password", password);
  json_node_take_object (node, object);
  return node;
}

static void
checked (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Change *change = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  if (sp_store_worker_run_finish (SP_STORE_WORKER (source), result, &error) == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (!change->remote)
    {
      changed (g_task_get_source_object (task));
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  if (change->is_new)
    {
      body = encode_fields (change->entity, TRUE);
      if (change->password != NULL)
        json_object_set_string_member (json_node_get_object (body), "password", change->password);
      path = g_strdup_printf ("/api/v1/%s", collection_of (change->entity));
      send_request (task, "POST", path, body);
    }
  else
    {
      body = patch_body (change->entity, encode_fields (change->entity, FALSE), change->password);
      path = g_strdup_printf ("/api/v1/%s/%s", collection_of (change->entity), change->entity->id);
      send_request (task, "PATCH", path, body);
    }
}

void
sp_admin_backend_save_async (SpAdminBackend      *self,
                             SpEntity            *entity,
                             gboolean             is_new,
                             const char          *password,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  Change *change;

  g_return_if_fail (SP_IS_ADMIN_BACKEND (self));
  g_return_if_fail (SP_IS_UNIT (entity) || SP_IS_USER (entity) || SP_IS_CATEGORY (entity));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_admin_backend_save_async);
  change = change_new (self, entity);
  change->is_new = is_new;
  if (is_new)
    sp_entity_ensure_id (change->entity);
  change->password = password && *password ? g_strdup (password) : NULL;
  if (change->password != NULL && g_utf8_strlen (change->password, -1) < 10)
    {
      g_task_return_new_error (task, SP_ERROR, SP_ERROR_INVALID,
                               _("The password must have at least 10 characters."));
      change_free (change);
      g_object_unref (task);
      return;
    }
  g_task_set_task_data (task, change, change_free);

  /* The job checks a copy of its own: the task keeps the other. */
  {
    Change *job = change_new (self, change->entity);

    sp_store_worker_run_async (sp_context_get_worker (self->context), save_job, job, change_free,
                               NULL, cancellable, checked, task);
  }
}

gboolean
sp_admin_backend_save_finish (SpAdminBackend  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Runs in the store worker's thread. */
static gpointer
deactivate_job (SpStore       *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  Change *change = data;

  if (!sp_store_admin_deactivate (store, G_OBJECT_TYPE (change->entity), change->entity->id,
                                  change->actor_id, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
deactivated (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (sp_store_worker_run_finish (SP_STORE_WORKER (source), result, &error) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  changed (g_task_get_source_object (task));
  g_task_return_boolean (task, TRUE);
}

void
sp_admin_backend_deactivate_async (SpAdminBackend      *self,
                                   SpEntity            *entity,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SP_IS_ADMIN_BACKEND (self));
  g_return_if_fail (SP_IS_UNIT (entity) || SP_IS_USER (entity));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_admin_backend_deactivate_async);

  /* Said here in the user's words; the server and the store refuse it too. */
  if (SP_IS_USER (entity) && sp_context_get_actor (self->context) != NULL &&
      g_strcmp0 (entity->id, sp_context_get_actor (self->context)->user_id) == 0)
    {
      g_task_return_new_error (task, SP_ERROR, SP_ERROR_CONFLICT,
                               _("You cannot deactivate your own account."));
      g_object_unref (task);
      return;
    }

  if (sp_admin_backend_is_remote (self))
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/%s/%s", collection_of (entity), entity->id);

      send_request (task, "DELETE", path, NULL);
      return;
    }

  sp_store_worker_run_async (sp_context_get_worker (self->context), deactivate_job,
                             change_new (self, entity), change_free, NULL, cancellable,
                             deactivated, task);
}

gboolean
sp_admin_backend_deactivate_finish (SpAdminBackend  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Runs in the store worker's thread. */
static gpointer
deadlines_job (SpStore       *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  Change *change = data;
  gint64 *total = g_new0 (gint64, 1);

  if (!sp_store_begin (store, error))
    return (g_free (total), NULL);
  for (guint i = 0; change->keys[i] != NULL && change->rules[i] != NULL; i++)
    {
      gint64 n = sp_store_set_deadline_rule (store, change->keys[i], change->rules[i], error);

      if (n < 0)
        {
          sp_store_rollback (store);
          g_free (total);
          return NULL;
        }
      *total += n;
    }
  if (!sp_store_commit (store, error))
    return (g_free (total), NULL);
  return total;
}

static void
local_change_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gint64 *total = sp_store_worker_run_finish (SP_STORE_WORKER (source), result, &error);

  if (total == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  changed (g_task_get_source_object (task));
  g_task_return_int (task, *total);
  g_free (total);
}

static gboolean
refuse_remote (SpAdminBackend *self,
               GTask          *task)
{
  if (!sp_admin_backend_is_remote (self))
    return FALSE;
  g_task_return_new_error (task, SP_ERROR, SP_ERROR_INVALID,
                           _("The server’s configuration file sets this for everyone."));
  g_object_unref (task);
  return TRUE;
}

void
sp_admin_backend_set_deadlines_async (SpAdminBackend      *self,
                                      const char * const  *keys,
                                      const char * const  *rules,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;
  Change *change;

  g_return_if_fail (SP_IS_ADMIN_BACKEND (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_admin_backend_set_deadlines_async);
  if (refuse_remote (self, task))
    return;

  change = change_new (self, NULL);
  change->keys = g_strdupv ((char **) keys);
  change->rules = g_strdupv ((char **) rules);
  sp_store_worker_run_async (sp_context_get_worker (self->context), deadlines_job, change,
                             change_free, g_free, cancellable, local_change_done, task);
}

gint64
sp_admin_backend_set_deadlines_finish (SpAdminBackend  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  return g_task_propagate_int (G_TASK (result), error);
}

/* Runs in the store worker's thread. */
static gpointer
diary_job (SpStore       *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Change *change = data;

  if (!sp_store_set_diary_format (store, change->prefix, change->format, error))
    return NULL;
  return g_new0 (gint64, 1);
}

void
sp_admin_backend_set_diary_format_async (SpAdminBackend      *self,
                                         const char          *prefix,
                                         const char          *format,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  GTask *task;
  Change *change;

  g_return_if_fail (SP_IS_ADMIN_BACKEND (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_admin_backend_set_diary_format_async);
  if (refuse_remote (self, task))
    return;

  change = change_new (self, NULL);
  change->prefix = g_strdup (prefix);
  change->format = g_strdup (format);
  sp_store_worker_run_async (sp_context_get_worker (self->context), diary_job, change,
                             change_free, g_free, cancellable, local_change_done, task);
}

gboolean
sp_admin_backend_set_diary_format_finish (SpAdminBackend  *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_int (G_TASK (result), error) >= 0;
}

static void
sp_admin_backend_dispose (GObject *object)
{
  SpAdminBackend *self = SP_ADMIN_BACKEND (object);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (sp_admin_backend_parent_class)->dispose (object);
}

static void
sp_admin_backend_class_init (SpAdminBackendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_admin_backend_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sp_admin_backend_init (SpAdminBackend *self)
{
}

SpAdminBackend *
sp_admin_backend_new (SpContext *context)
{
  SpAdminBackend *self;

  g_return_val_if_fail (SP_IS_CONTEXT (context), NULL);

  self = g_object_new (SP_TYPE_ADMIN_BACKEND, NULL);
  self->context = g_object_ref (context);
  return self;
}
