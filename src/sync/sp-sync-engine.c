/* sp-sync-engine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A round runs as a chain of steps on the main context: each database
 * step in a worker thread (on the engine's own connection, one step at a
 * time), each network step as an asynchronous request. This file holds
 * the engine's state, its worker, the start and end of a round and the
 * public API; the steps are in sp-sync-engine-first.c, -push.c and
 * -pull.c.
 */

#define G_LOG_DOMAIN "synpunkt-sync"

#include <glib/gi18n-lib.h>

#include "sp-sync-engine-private.h"

#define DEBOUNCE_MS        1500
#define BACKOFF_FIRST_S    5
#define BACKOFF_MAX_S      300

G_DEFINE_FINAL_TYPE (SpSyncEngine, sp_sync_engine, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_PENDING,
  PROP_N_CONFLICTS,
  PROP_PROGRESS,
  PROP_ERROR_MESSAGE,
  PROP_LAST_SYNCED,
  PROP_LOADING,
  N_PROPS
};

enum {
  CHANGED,
  RESET,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void run_round (SpSyncEngine *self);

/* ---- State ------------------------------------------------------------ */

static void
set_state (SpSyncEngine *self,
           SpSyncState   state,
           const char   *message)
{
  if (g_strcmp0 (self->error_message, message) != 0)
    {
      g_free (self->error_message);
      self->error_message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
    }

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

void
_sp_sync_engine_set_loading (SpSyncEngine *self,
                             gboolean      loading)
{
  if (self->loading != loading)
    {
      self->loading = loading;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
}

void
_sp_sync_engine_set_progress (SpSyncEngine *self,
                              double        progress)
{
  progress = CLAMP (progress, 0.0, 1.0);
  if (self->progress != progress)
    {
      self->progress = progress;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
    }
}

static void
set_counts (SpSyncEngine *self,
            gint64        pending,
            guint         n_conflicts)
{
  if (self->pending != pending)
    {
      self->pending = pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
    }
  if (self->n_conflicts != n_conflicts)
    {
      self->n_conflicts = n_conflicts;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONFLICTS]);
    }
}

void
_sp_sync_engine_emit_changed (SpSyncEngine *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- Worker steps ------------------------------------------------------ */

static void
work_free (Work *work)
{
  if (work->data_free != NULL)
    work->data_free (work->data);
  g_free (work);
}

/* Runs first on the worker's connection: a bulk load cut short by a crash
 * brings the indexes back before any step. */
static gboolean
end_interrupted_bulk (SpStore  *store,
                      gpointer  user_data,
                      GError  **error)
{
  return sp_store_bulk_end (store, error);
}

/* Runs in the worker's thread: the step, then the counts after it. */
static gpointer
work_job (SpStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Work *work = data;
  g_autoptr(GPtrArray) conflicts = NULL;

  if (work->func != NULL &&
      !(work->ret = work->func (work->engine, store, work->data, error)) && *error != NULL)
    return NULL;

  work->pending = sp_store_outbox_count (store);
  if ((conflicts = sp_store_list_conflicts (store, NULL, NULL)) != NULL)
    work->n_conflicts = conflicts->len;

  return work;
}

static void
on_work_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  Work *work;

  if ((work = sp_store_worker_run_finish (SP_STORE_WORKER (source), result, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, work->ret, NULL);
}

void
_sp_sync_engine_run_work (SpSyncEngine        *self,
                          WorkFunc             func,
                          gpointer             data,
                          GDestroyNotify       data_free,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, callback, user_data);
  Work *work = g_new0 (Work, 1);

  work->engine = self;
  work->func = func;
  work->data = data;
  work->data_free = data_free;
  g_task_set_task_data (task, work, (GDestroyNotify)work_free);

  /* The task holds the engine and the work until the step is done; the
   * step runs even when the engine's cancellable was cancelled, as it
   * always did, and the task then reports the cancellation. */
  sp_store_worker_run_async (self->worker, work_job, work, NULL, NULL, NULL, on_work_done,
                             g_object_ref (task));
}

gpointer
_sp_sync_engine_work_finish (SpSyncEngine  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  Work *work = g_task_get_task_data (G_TASK (result));

  set_counts (self, work->pending, work->n_conflicts);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- The end of a round -------------------------------------------------- */

static gboolean
on_retry (gpointer user_data)
{
  SpSyncEngine *self = user_data;

  self->retry_id = 0;
  run_round (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (SpSyncEngine *self)
{
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->backoff = self->backoff == 0 ? BACKOFF_FIRST_S : MIN (self->backoff * 2, BACKOFF_MAX_S);
  self->retry_id = g_timeout_add_seconds (self->backoff, on_retry, self);
}

void
_sp_sync_engine_round_done (SpSyncEngine *self,
                            GError       *error)
{
  g_autoptr(GTask) round = g_steal_pointer (&self->round);

  _sp_sync_engine_set_progress (self, error == NULL ? 1.0 : self->progress);

  if (error == NULL)
    {
      self->backoff = 0;
      self->last_synced = g_get_real_time ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNCED]);
      set_state (self, SP_SYNC_STATE_SYNCED, NULL);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ;
  else if (g_error_matches (error, SP_SYNC_ERROR, SP_SYNC_ERROR_UNREACHABLE))
    {
      set_state (self, SP_SYNC_STATE_OFFLINE, error->message);
      schedule_retry (self);
    }
  else if (g_error_matches (error, SP_SYNC_ERROR, SP_SYNC_ERROR_AUTH))
    set_state (self, SP_SYNC_STATE_AUTH_REQUIRED, error->message);
  else
    {
      set_state (self, SP_SYNC_STATE_ERROR, error->message);
      if (g_error_matches (error, SP_SYNC_ERROR, SP_SYNC_ERROR_SERVER))
        schedule_retry (self);
    }

  _sp_sync_engine_emit_changed (self);

  while (self->waiters->len > 0)
    {
      GTask *waiter = g_ptr_array_steal_index (self->waiters, 0);

      if (error != NULL)
        g_task_return_error (waiter, g_error_copy (error));
      else
        g_task_return_boolean (waiter, TRUE);
      g_object_unref (waiter);
    }

  if (error != NULL)
    g_task_return_error (round, error);
  else
    g_task_return_boolean (round, TRUE);

  if (self->again && self->state == SP_SYNC_STATE_SYNCED)
    {
      self->again = FALSE;
      sp_sync_engine_schedule (self);
    }
}
/* ---- Whose the replica is ------------------------------------------------ */

static gpointer
claim_work (SpSyncEngine  *self,
            SpStore       *store,
            gpointer       data,
            GError       **error)
{
  SpSyncClaim *claim = data;

  if (!_sp_sync_claim (store, sp_sync_client_get_base_url (self->client), self->user_id,
                       claim, error))
    return NULL;
  return claim;
}

static void
claim_free (gpointer data)
{
  SpSyncClaim *claim = data;

  _sp_sync_claim_clear (claim);
  g_free (claim);
}

static void
emit_reset (SpSyncEngine *self,
            SpSyncClaim  *claim)
{
  if (claim->reset || claim->kept_aside > 0 || claim->taken_back > 0)
    {
      g_signal_emit (self, signals[RESET], 0, claim->kept_aside, claim->kept_path,
                     claim->taken_back);
      _sp_sync_engine_emit_changed (self);
    }
}

static void
on_claimed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (source);
  GError *error = NULL;
  SpSyncClaim *claim = _sp_sync_engine_work_finish (self, result, &error);

  if (claim == NULL)
    {
      g_clear_pointer (&self->user_id, g_free);
      _sp_sync_engine_round_done (self, error);
      return;
    }

  emit_reset (self, claim);
  _sp_sync_engine_first (self);
}

/* Who the session is, before anything of the replica is pushed or
 * pulled: once for each engine, that is for each sign-in. */
static void
on_session (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SpSyncEngine) self = user_data;
  GError *error = NULL;
  g_autoptr(JsonNode) node = sp_sync_client_request_finish (SP_SYNC_CLIENT (source), result, NULL, &error);
  JsonObject *object = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonObject *user = object && json_object_has_member (object, "user") &&
                     JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "user"))
                     ? json_object_get_object_member (object, "user") : NULL;
  const char *id = user ? json_object_get_string_member_with_default (user, "id", NULL) : NULL;

  if (node == NULL)
    {
      _sp_sync_engine_round_done (self, error);
      return;
    }
  if (id == NULL || id[0] == 0)
    {
      _sp_sync_engine_round_done (self,
                                  g_error_new_literal (SP_SYNC_ERROR, SP_SYNC_ERROR_SERVER,
                                                       _("The server did not say who is signed in")));
      return;
    }

  g_free (self->user_id);
  self->user_id = g_strdup (id);
  _sp_sync_engine_run_work (self, claim_work, g_new0 (SpSyncClaim, 1), claim_free, on_claimed,
                            NULL);
}

static void
start_round (SpSyncEngine *self)
{
  if (self->user_id == NULL)
    sp_sync_client_request_async (self->client, "GET", "/api/v1/session", NULL, self->cancellable,
                                  on_session, g_object_ref (self));
  else
    _sp_sync_engine_first (self);
}

static void
run_round (SpSyncEngine *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->round != NULL)
    {
      self->again = TRUE;
      return;
    }

  task = g_task_new (self, self->cancellable, NULL, NULL);
  g_task_set_source_tag (task, run_round);
  self->round = g_steal_pointer (&task);
  self->resynced = FALSE;
  self->push_again = FALSE;
  set_state (self, SP_SYNC_STATE_SYNCING, NULL);
  _sp_sync_engine_set_progress (self, 0.0);
  start_round (self);
}

/* ---- Public --------------------------------------------------------------- */

static void
sp_sync_engine_dispose (GObject *object)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->periodic_id, g_source_remove);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);

  G_OBJECT_CLASS (sp_sync_engine_parent_class)->dispose (object);
}

static void
sp_sync_engine_finalize (GObject *object)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (object);

  g_clear_object (&self->worker);
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->unit_map, g_hash_table_unref);
  g_clear_pointer (&self->unmapped_units, g_ptr_array_unref);
  g_clear_pointer (&self->server_units, g_ptr_array_unref);
  g_clear_pointer (&self->waiters, g_ptr_array_unref);
  _sp_sync_engine_pull_clear (self);

  G_OBJECT_CLASS (sp_sync_engine_parent_class)->finalize (object);
}

static void
sp_sync_engine_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_PENDING:
      g_value_set_int64 (value, self->pending);
      break;
    case PROP_N_CONFLICTS:
      g_value_set_uint (value, self->n_conflicts);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    case PROP_LAST_SYNCED:
      g_value_set_int64 (value, self->last_synced);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_sync_engine_class_init (SpSyncEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = sp_sync_engine_dispose;
  object_class->finalize = sp_sync_engine_finalize;
  object_class->get_property = sp_sync_engine_get_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, 0, SP_SYNC_STATE_ERROR, 0, flags);
  properties[PROP_PENDING] =
    g_param_spec_int64 ("pending", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_N_CONFLICTS] =
    g_param_spec_uint ("n-conflicts", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0, flags);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL, flags);
  properties[PROP_LAST_SYNCED] =
    g_param_spec_int64 ("last-synced", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Records in the replica changed: views should reload. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The replica was another account's and was emptied, or changes kept
   * aside came back: (kept aside, the file they are in or NULL, taken
   * back). */
  signals[RESET] = g_signal_new ("reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                 G_TYPE_UINT, G_TYPE_STRING, G_TYPE_UINT);
}

static void
sp_sync_engine_init (SpSyncEngine *self)
{
  self->cancellable = g_cancellable_new ();
  self->unit_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->waiters = g_ptr_array_new ();
  self->state = SP_SYNC_STATE_IDLE;
}

SpSyncEngine *
sp_sync_engine_new (const char   *db_path,
                    SpSyncClient *client)
{
  SpSyncEngine *self;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (SP_IS_SYNC_CLIENT (client), NULL);

  self = g_object_new (SP_TYPE_SYNC_ENGINE, NULL);
  self->worker = sp_store_worker_new (db_path);
  sp_store_worker_set_open_func (self->worker, end_interrupted_bulk, NULL);
  self->client = g_object_ref (client);
  return self;
}

SpSyncClient *
sp_sync_engine_get_client (SpSyncEngine *self)
{
  g_return_val_if_fail (SP_IS_SYNC_ENGINE (self), NULL);
  return self->client;
}

SpSyncState
sp_sync_engine_get_state (SpSyncEngine *self)
{
  g_return_val_if_fail (SP_IS_SYNC_ENGINE (self), SP_SYNC_STATE_IDLE);
  return self->state;
}

gint64
sp_sync_engine_get_pending (SpSyncEngine *self)
{
  g_return_val_if_fail (SP_IS_SYNC_ENGINE (self), 0);
  return self->pending;
}

guint
sp_sync_engine_get_n_conflicts (SpSyncEngine *self)
{
  g_return_val_if_fail (SP_IS_SYNC_ENGINE (self), 0);
  return self->n_conflicts;
}

gboolean
sp_sync_engine_get_loading (SpSyncEngine *self)
{
  g_return_val_if_fail (SP_IS_SYNC_ENGINE (self), FALSE);
  return self->loading;
}

double
sp_sync_engine_get_progress (SpSyncEngine *self)
{
  g_return_val_if_fail (SP_IS_SYNC_ENGINE (self), 0.0);
  return self->progress;
}

const char *
sp_sync_engine_get_error_message (SpSyncEngine *self)
{
  g_return_val_if_fail (SP_IS_SYNC_ENGINE (self), NULL);
  return self->error_message;
}

gint64
sp_sync_engine_get_last_synced (SpSyncEngine *self)
{
  g_return_val_if_fail (SP_IS_SYNC_ENGINE (self), 0);
  return self->last_synced;
}

void
sp_sync_engine_sync_async (SpSyncEngine        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SP_IS_SYNC_ENGINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_sync_engine_sync_async);

  /* The caller hears how the next round to finish ended: the one starting
   * now, or the one already running. */
  g_ptr_array_add (self->waiters, task);
  run_round (self);
}

gboolean
sp_sync_engine_sync_finish (SpSyncEngine  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
on_periodic (gpointer user_data)
{
  run_round (user_data);
  return G_SOURCE_CONTINUE;
}

void
sp_sync_engine_start (SpSyncEngine *self,
                      guint         interval_seconds)
{
  g_return_if_fail (SP_IS_SYNC_ENGINE (self));

  self->interval = interval_seconds;
  g_clear_handle_id (&self->periodic_id, g_source_remove);
  if (interval_seconds > 0)
    self->periodic_id = g_timeout_add_seconds (interval_seconds, on_periodic, self);
  run_round (self);
}

void
sp_sync_engine_stop (SpSyncEngine *self)
{
  g_return_if_fail (SP_IS_SYNC_ENGINE (self));

  g_clear_handle_id (&self->periodic_id, g_source_remove);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_state (self, SP_SYNC_STATE_IDLE, NULL);
}

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  _sp_sync_engine_work_finish (SP_SYNC_ENGINE (source), result, NULL);
}

static void
on_debounced (gpointer user_data)
{
  SpSyncEngine *self = user_data;

  self->debounce_id = 0;
  run_round (self);
}

void
sp_sync_engine_schedule (SpSyncEngine *self)
{
  g_return_if_fail (SP_IS_SYNC_ENGINE (self));

  /* An offline engine waits for its back-off; one that needs a login
   * waits for it. */
  if (self->state == SP_SYNC_STATE_AUTH_REQUIRED || self->state == SP_SYNC_STATE_IDLE)
    return;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add_once (DEBOUNCE_MS, on_debounced, self);

  /* Show the change as waiting at once, not only when the round starts. */
  _sp_sync_engine_run_work (self, NULL, NULL, NULL, on_counted, NULL);
}

GPtrArray *
sp_sync_engine_get_unmapped_units (SpSyncEngine *self)
{
  g_return_val_if_fail (SP_IS_SYNC_ENGINE (self), NULL);
  return self->unmapped_units;
}

GPtrArray *
sp_sync_engine_get_server_units (SpSyncEngine *self)
{
  g_return_val_if_fail (SP_IS_SYNC_ENGINE (self), NULL);
  return self->server_units;
}

void
sp_sync_engine_map_unit (SpSyncEngine *self,
                         const char   *local_id,
                         const char   *server_id)
{
  g_return_if_fail (SP_IS_SYNC_ENGINE (self));
  g_return_if_fail (local_id != NULL && server_id != NULL);

  g_hash_table_insert (self->unit_map, g_strdup (local_id), g_strdup (server_id));
}

static gpointer
release_work (SpSyncEngine  *self,
              SpStore       *store,
              gpointer       data,
              GError       **error)
{
  SpSyncClaim *claim = data;

  if (!_sp_sync_release (store, claim, error))
    return NULL;
  return claim;
}

static void
on_released (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (source);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  SpSyncClaim *claim = _sp_sync_engine_work_finish (self, result, &error);

  if (claim == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  _sp_sync_engine_emit_changed (self);
  g_task_set_task_data (task, g_memdup2 (claim, sizeof *claim), g_free);
  /* The file name goes with the copy. */
  claim->kept_path = NULL;
  g_task_return_boolean (task, TRUE);
}

void
sp_sync_engine_release_async (SpSyncEngine        *self,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SP_IS_SYNC_ENGINE (self));

  sp_sync_engine_stop (self);
  g_clear_pointer (&self->user_id, g_free);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, sp_sync_engine_release_async);
  _sp_sync_engine_run_work (self, release_work, g_new0 (SpSyncClaim, 1), claim_free, on_released,
                            task);
}

gboolean
sp_sync_engine_release_finish (SpSyncEngine  *self,
                               GAsyncResult  *result,
                               guint         *kept_aside,
                               char         **kept_path,
                               GError       **error)
{
  SpSyncClaim *claim;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  claim = g_task_get_task_data (G_TASK (result));
  if (kept_aside != NULL)
    *kept_aside = claim->kept_aside;
  if (kept_path != NULL)
    *kept_path = g_strdup (claim->kept_path);
  return TRUE;
}
