/* sp-directory-recheck.c: ending the sessions of accounts the directory
 * has disabled or removed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include "sp-audit.h"
#include "sp-directory-recheck.h"
#include "sp-server-schema.h"
#include "sp-server-store.h"

/* Shared with a check under way, which may end after we do. */
typedef struct
{
  SpDirectoryRecheck *self;   /* NULL once freed */
} Handle;

struct _SpDirectoryRecheck
{
  SpStore                 *store;
  const SpDirectoryConfig *config;
  guint                    timer;
  gboolean                 running;
  Handle                  *handle;
};

typedef struct
{
  const SpDirectoryConfig *config;
  GPtrArray               *pairs;     /* user id, DN, user id, DN, … */
  GPtrArray               *ended;     /* the user ids to end */
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_ptr_array_unref (data->pairs);
  g_ptr_array_unref (data->ended);
  g_free (data);
}

static void
check_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  CheckData *data = task_data;

  for (guint i = 0; i + 1 < data->pairs->len; i += 2)
    {
      const char *dn = g_ptr_array_index (data->pairs, i + 1);
      SpDirectoryStatus status = sp_directory_check_account (data->config, dn);

      if (status == SP_DIRECTORY_UNREACHABLE)
        break;
      if (status == SP_DIRECTORY_DISABLED)
        g_ptr_array_add (data->ended, g_strdup (g_ptr_array_index (data->pairs, i)));
    }
  g_task_return_boolean (task, TRUE);
}

static void
checked (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Handle *handle = user_data;
  SpDirectoryRecheck *self = handle->self;
  CheckData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    {
      g_free (handle);
      return;
    }
  self->running = FALSE;

  if (data->ended->len == 0 || !sp_store_begin (self->store, &error))
    return;
  for (guint i = 0; i < data->ended->len; i++)
    {
      const char *user_id = g_ptr_array_index (data->ended, i);

      g_message ("Directory account of user %s disabled or removed: its sessions end", user_id);
      if (!sp_server_store_end_sessions_of (self->store, user_id, &error) ||
          !sp_audit_append (self->store, NULL, "logout", "user", user_id,
                            "directory", NULL, "disabled", &error))
        break;
    }
  if (!sp_server_store_end (self->store, error != NULL, &error))
    g_warning ("Could not end the sessions of disabled directory accounts: %s",
               error ? error->message : "unknown error");
}

static gboolean
tick (gpointer user_data)
{
  SpDirectoryRecheck *self = user_data;
  g_autoptr(GTask) task = NULL;
  CheckData *data;

  if (self->running)
    return G_SOURCE_CONTINUE;

  data = g_new0 (CheckData, 1);
  data->config = self->config;
  data->pairs = sp_server_store_directory_sessions (self->store);
  data->ended = g_ptr_array_new_with_free_func (g_free);
  if (data->pairs->len == 0)
    {
      check_data_free (data);
      return G_SOURCE_CONTINUE;
    }

  self->running = TRUE;
  task = g_task_new (NULL, NULL, checked, self->handle);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  g_task_run_in_thread (task, check_in_thread);
  return G_SOURCE_CONTINUE;
}

SpDirectoryRecheck *
sp_directory_recheck_new (SpStore                 *store,
                          const SpDirectoryConfig *config)
{
  SpDirectoryRecheck *self = g_new0 (SpDirectoryRecheck, 1);

  self->store = g_object_ref (store);
  self->config = config;
  self->handle = g_new0 (Handle, 1);
  self->handle->self = self;
  self->timer = g_timeout_add_seconds (config->recheck_interval_sec, tick, self);
  return self;
}

void
sp_directory_recheck_free (SpDirectoryRecheck *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->running)
    self->handle->self = NULL;   /* the check under way frees it */
  else
    g_free (self->handle);
  g_clear_object (&self->store);
  g_free (self);
}
