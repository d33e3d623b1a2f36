/* sp-context.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One context a database, made by the application and given to every
 * window, page and dialog as their "context" property. Pages watch it
 * (notify::current-user, notify::roles, the reference's "changed") instead
 * of being told by each other, and go to the database only through its
 * worker: nothing here touches SQLite on the main thread.
 */

#include <glib/gi18n.h>

#include "sp-context.h"

#define LOCAL_USER_SETTING "local.user_id"
#define DEMO_SEED 20251
/* A sync writes the replica page by page: read the reference data again
 * at most this often meanwhile. */
#define SYNC_RELOAD_MS 1000

/* What the demo fill's thread counts, shared with the main thread
 * (g_atomic_rc_box). */
typedef struct
{
  guint n_cases;
  gint  done;
} DemoJob;

struct _SpContext
{
  GObject        parent_instance;

  SpStoreWorker *worker;
  SpAccount     *account;
  GSettings     *settings;
  char          *db_path;
  SpReference   *reference;
  SpSyncEngine  *engine;        /* the account's, while it has one */
  guint          reload_id;

  SpUser        *local_user;
  SpUser        *current_user;
  SpActor        actor;
  GError        *error;
  GCancellable  *cancellable;
  DemoJob       *demo;          /* the demo fill running, if any */
};

G_DEFINE_FINAL_TYPE (SpContext, sp_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_READY,
  PROP_ERROR,
  PROP_LOCAL_USER,
  PROP_CURRENT_USER,
  PROP_ROLES,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* Runs in the store worker's thread: the local user, made on the first
 * start with every role. */
static gpointer
ensure_local_user (SpStore       *store,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  const char *real_name = data;
  g_autofree char *user_id = sp_store_dup_setting (store, LOCAL_USER_SETTING);
  g_autoptr(SpUser) user = NULL;

  if (user_id != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      user = sp_store_load (store, SP_TYPE_USER, user_id, &local_error);
      if (user != NULL)
        return g_steal_pointer (&user);
      if (!g_error_matches (local_error, SP_ERROR, SP_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  user = sp_user_new ();
  sp_entity_ensure_id (SP_ENTITY (user));
  user->username = g_strdup (g_get_user_name ());
  user->display_name = g_strdup (real_name);
  user->roles = (1u << SP_N_ROLES) - 1;

  if (!sp_store_begin (store, error))
    return NULL;
  if (!sp_store_save (store, SP_ENTITY (user), SP_SAVE_DEFAULT, SP_ENTITY (user)->id, error) ||
      !sp_store_set_setting (store, LOCAL_USER_SETTING, SP_ENTITY (user)->id, error) ||
      !sp_store_commit (store, error))
    {
      sp_store_rollback (store);
      return NULL;
    }

  return g_steal_pointer (&user);
}

static void
update_current_user (SpContext *self)
{
  SpUser *user = self->local_user;
  guint old_roles = self->actor.roles;

  /* Signed in to a server, changes are made as the user it knows, with
   * the roles it gives. */
  if (self->account != NULL && sp_account_get_user (self->account) != NULL)
    user = sp_account_get_user (self->account);

  self->actor.user_id = user ? SP_ENTITY (user)->id : NULL;
  self->actor.display_name = user ? user->display_name : NULL;
  self->actor.roles = user ? user->roles : 0;

  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->current_user, user) || user != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_USER]);
  if (old_roles != self->actor.roles)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLES]);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
reload_cb (gpointer data)
{
  SpContext *self = data;

  self->reload_id = 0;
  sp_reference_reload (self->reference);

  return G_SOURCE_REMOVE;
}

static void
engine_changed_replica (SpContext *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (SYNC_RELOAD_MS, reload_cb, self);
}

/* A sync step that ended shows what it brought at once. */
static void
engine_state_changed (SpContext *self)
{
  if (sp_sync_engine_get_state (self->engine) == SP_SYNC_STATE_SYNCING)
    return;
  g_clear_handle_id (&self->reload_id, g_source_remove);
  sp_reference_reload (self->reference);
}

static void
account_engine_changed (SpContext *self)
{
  SpSyncEngine *engine = sp_account_get_engine (self->account);

  if (engine == self->engine)
    return;
  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (self->engine, self);
  g_set_object (&self->engine, engine);
  if (engine != NULL)
    {
      g_signal_connect_object (engine, "changed", G_CALLBACK (engine_changed_replica), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (engine, "notify::state", G_CALLBACK (engine_state_changed), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
local_user_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SpContext) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpUser) user = NULL;

  user = sp_store_worker_run_finish (SP_STORE_WORKER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (user == NULL)
    {
      self->error = g_steal_pointer (&error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
      return;
    }

  g_set_object (&self->local_user, user);
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCAL_USER]);
  update_current_user (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
sp_context_start (SpContext *self)
{
  const char *real_name;

  g_return_if_fail (SP_IS_CONTEXT (self));

  real_name = g_get_real_name ();
  if (real_name == NULL || *real_name == '\0' || g_strcmp0 (real_name, "Unknown") == 0)
    real_name = g_get_user_name ();

  sp_store_worker_run_async (self->worker, ensure_local_user, g_strdup (real_name), g_free,
                             g_object_unref, self->cancellable, local_user_read,
                             g_object_ref (self));
  sp_reference_reload (self->reference);
}

static void
sp_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SpContext *self = SP_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_READY:
      g_value_set_boolean (value, self->local_user != NULL);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    case PROP_LOCAL_USER:
      g_value_set_object (value, self->local_user);
      break;

    case PROP_CURRENT_USER:
      g_value_set_object (value, self->current_user);
      break;

    case PROP_ROLES:
      g_value_set_uint (value, self->actor.roles);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_context_dispose (GObject *object)
{
  SpContext *self = SP_CONTEXT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (self->engine, self);
  g_clear_object (&self->engine);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (sp_context_parent_class)->dispose (object);
}

static void
sp_context_finalize (GObject *object)
{
  SpContext *self = SP_CONTEXT (object);

  g_clear_object (&self->reference);
  g_clear_object (&self->worker);
  g_clear_object (&self->settings);
  g_clear_object (&self->local_user);
  g_clear_object (&self->current_user);
  g_clear_pointer (&self->demo, g_atomic_rc_box_release);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (sp_context_parent_class)->finalize (object);
}

static void
sp_context_class_init (SpContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = sp_context_get_property;
  object_class->dispose = sp_context_dispose;
  object_class->finalize = sp_context_finalize;

  properties[PROP_READY] = g_param_spec_boolean ("ready", NULL, NULL, FALSE, flags);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, flags);
  properties[PROP_LOCAL_USER] = g_param_spec_object ("local-user", NULL, NULL, SP_TYPE_USER,
                                                     flags);
  properties[PROP_CURRENT_USER] = g_param_spec_object ("current-user", NULL, NULL,
                                                       SP_TYPE_USER, flags);
  properties[PROP_ROLES] = g_param_spec_uint ("roles", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_context_init (SpContext *self)
{
  self->cancellable = g_cancellable_new ();
}

SpContext *
sp_context_new (SpStoreWorker *worker,
                SpAccount     *account,
                GSettings     *settings,
                const char    *db_path)
{
  SpContext *self;

  g_return_val_if_fail (SP_IS_STORE_WORKER (worker), NULL);
  g_return_val_if_fail (account == NULL || SP_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SP_TYPE_CONTEXT, NULL);
  self->worker = g_object_ref (worker);
  self->settings = g_object_ref (settings);
  self->db_path = g_strdup (db_path);
  self->reference = sp_reference_new (worker);

  if (account != NULL)
    {
      self->account = g_object_ref (account);
      g_signal_connect_object (account, "notify::user", G_CALLBACK (update_current_user), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (account, "notify::engine", G_CALLBACK (account_engine_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (account, "replica-reset",
                               G_CALLBACK (sp_context_reference_changed), self,
                               G_CONNECT_SWAPPED);
      account_engine_changed (self);
    }

  return self;
}

SpStoreWorker *
sp_context_get_worker (SpContext *self)
{
  g_return_val_if_fail (SP_IS_CONTEXT (self), NULL);

  return self->worker;
}

SpAccount *
sp_context_get_account (SpContext *self)
{
  g_return_val_if_fail (SP_IS_CONTEXT (self), NULL);

  return self->account;
}

GSettings *
sp_context_get_settings (SpContext *self)
{
  g_return_val_if_fail (SP_IS_CONTEXT (self), NULL);

  return self->settings;
}

const char *
sp_context_get_db_path (SpContext *self)
{
  g_return_val_if_fail (SP_IS_CONTEXT (self), NULL);

  return self->db_path;
}

SpReference *
sp_context_get_reference (SpContext *self)
{
  g_return_val_if_fail (SP_IS_CONTEXT (self), NULL);

  return self->reference;
}

gboolean
sp_context_get_ready (SpContext *self)
{
  g_return_val_if_fail (SP_IS_CONTEXT (self), FALSE);

  return self->local_user != NULL;
}

const GError *
sp_context_get_error (SpContext *self)
{
  g_return_val_if_fail (SP_IS_CONTEXT (self), NULL);

  return self->error;
}

SpUser *
sp_context_get_local_user (SpContext *self)
{
  g_return_val_if_fail (SP_IS_CONTEXT (self), NULL);

  return self->local_user;
}

SpUser *
sp_context_get_current_user (SpContext *self)
{
  g_return_val_if_fail (SP_IS_CONTEXT (self), NULL);

  return self->current_user;
}

guint
sp_context_get_roles (SpContext *self)
{
  g_return_val_if_fail (SP_IS_CONTEXT (self), 0);

  return self->actor.roles;
}

const SpActor *
sp_context_get_actor (SpContext *self)
{
  g_return_val_if_fail (SP_IS_CONTEXT (self), NULL);

  return self->local_user != NULL ? &self->actor : NULL;
}

void
sp_context_reference_changed (SpContext *self)
{
  g_return_if_fail (SP_IS_CONTEXT (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  sp_reference_reload (self->reference);
}

typedef struct
{
  SpUser *user;       /* the copy to save */
  char   *actor_id;
} UnitJob;

static void
unit_job_free (gpointer p)
{
  UnitJob *job = p;

  g_clear_object (&job->user);
  g_free (job->actor_id);
  g_free (job);
}

/* Runs in the store worker's thread. */
static gpointer
save_user (SpStore       *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  UnitJob *job = data;

  if (!sp_store_save (store, SP_ENTITY (job->user), SP_SAVE_DEFAULT, job->actor_id, error))
    return NULL;

  return g_object_ref (job->user);
}

static void
user_saved (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpContext *self = g_task_get_source_object (task);
  g_autoptr(SpUser) user = NULL;
  GError *error = NULL;

  if ((user = sp_store_worker_run_finish (SP_STORE_WORKER (source), result, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_set_object (&self->local_user, user);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCAL_USER]);
  update_current_user (self);
  g_task_return_boolean (task, TRUE);
}

void
sp_context_set_user_unit_async (SpContext           *self,
                                const char          *unit_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  UnitJob *job;

  g_return_if_fail (SP_IS_CONTEXT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_context_set_user_unit_async);

  if (self->local_user == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               _("The database is not open"));
      return;
    }
  if (g_strcmp0 (self->local_user->unit_id, unit_id) == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Edit a copy so that a failed save leaves the user as it was. */
  job = g_new0 (UnitJob, 1);
  job->user = sp_entity_copy (SP_ENTITY (self->local_user));
  g_free (job->user->unit_id);
  job->user->unit_id = g_strdup (unit_id);
  job->actor_id = g_strdup (self->actor.user_id);

  sp_store_worker_run_async (self->worker, save_user, job, unit_job_free, g_object_unref,
                             cancellable, user_saved, g_steal_pointer (&task));
}

gboolean
sp_context_set_user_unit_finish (SpContext     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Runs in the store worker's thread. */
static gpointer
read_deadlines (SpStore       *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  SpDeadlineConfig *config = g_new0 (SpDeadlineConfig, 1);

  sp_deadline_config_init_default (config);
  sp_store_get_deadline_config (store, config);

  return config;
}

static void
deadlines_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  SpDeadlineConfig *config;

  if ((config = sp_store_worker_run_finish (SP_STORE_WORKER (source), result, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, config, g_free);
}

void
sp_context_read_deadlines_async (SpContext           *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SP_IS_CONTEXT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_context_read_deadlines_async);
  sp_store_worker_run_async (self->worker, read_deadlines, NULL, NULL, g_free, cancellable,
                             deadlines_read, task);
}

gboolean
sp_context_read_deadlines_finish (SpContext         *self,
                                  GAsyncResult      *result,
                                  SpDeadlineConfig  *config,
                                  GError           **error)
{
  g_autofree SpDeadlineConfig *read = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if ((read = g_task_propagate_pointer (G_TASK (result), error)) == NULL)
    return FALSE;
  *config = *read;

  return TRUE;
}

/* The unit with the most open cases, so that "My cases" has something to
 * show in the demo. */
static char *
busiest_unit (SpStore *store)
{
  sqlite3_stmt *stmt;
  char *unit_id = NULL;

  stmt = sp_store_prepare (store,
                           "SELECT unit_id FROM cases "
                           "WHERE unit_id IS NOT NULL AND deleted = 0 "
                           "AND status NOT IN ('closed', 'forwarded_elsewhere', 'other_routine') "
                           "GROUP BY unit_id ORDER BY count(*) DESC, unit_id LIMIT 1",
                           NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    unit_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return unit_id;
}

typedef struct
{
  gboolean  filled;
  char     *unit_id;   /* the busiest unit, or NULL */
} DemoFill;

static void
demo_fill_free (gpointer p)
{
  DemoFill *fill = p;

  g_free (fill->unit_id);
  g_free (fill);
}

/* Runs in the store worker's thread. */
static void
demo_progress (guint    done,
               guint    total,
               gpointer user_data)
{
  DemoJob *job = user_data;

  g_atomic_int_set (&job->done, (gint) done);
}

static gpointer
fill_demo (SpStore       *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  DemoJob *job = data;
  guint n_cases = job->n_cases;
  DemoFill *fill = g_new0 (DemoFill, 1);
  SpCaseQuery query;
  gint64 count;

  sp_case_query_init (&query);
  if ((count = sp_store_count_cases (store, &query, error)) < 0)
    return (demo_fill_free (fill), NULL);

  /* Never mix demo cases into real ones. */
  if (count > 0)
    return fill;

  if (!sp_demo_populate_with_progress (store, n_cases, DEMO_SEED, demo_progress, job, error))
    return (demo_fill_free (fill), NULL);

  fill->filled = TRUE;
  fill->unit_id = busiest_unit (store);
  return fill;
}

guint
sp_context_get_demo_done (SpContext *self)
{
  g_return_val_if_fail (SP_IS_CONTEXT (self), 0);

  return self->demo != NULL ? (guint) g_atomic_int_get (&self->demo->done) : 0;
}

static void
on_demo_filled (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  DemoFill *fill;

  if ((fill = sp_store_worker_run_finish (SP_STORE_WORKER (source), result, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, fill, demo_fill_free);
}

void
sp_context_fill_demo_async (SpContext           *self,
                                guint                n_cases,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SP_IS_CONTEXT (self));
  g_return_if_fail (self->worker != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_context_fill_demo_async);
  g_clear_pointer (&self->demo, g_atomic_rc_box_release);
  self->demo = g_atomic_rc_box_new0 (DemoJob);
  self->demo->n_cases = n_cases;
  sp_store_worker_run_async (self->worker, fill_demo, g_atomic_rc_box_acquire (self->demo),
                             g_atomic_rc_box_release, demo_fill_free, cancellable,
                             on_demo_filled, g_steal_pointer (&task));
}

static void
demo_unit_saved (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!sp_context_set_user_unit_finish (SP_CONTEXT (source), result, &error))
    g_warning ("Could not set the demo unit: %s", error->message);
}

gboolean
sp_context_fill_demo_finish (SpContext      *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  DemoFill *fill;
  SpUser *user;
  gboolean filled;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if ((fill = g_task_propagate_pointer (G_TASK (result), error)) == NULL)
    return FALSE;

  /* The demo brought units, providers and categories. */
  sp_context_reference_changed (self);

  /* The local user works in the demo's busiest unit, unless they chose a
   * unit already; the window follows once it is saved. */
  user = self->local_user;
  if (fill->unit_id != NULL && user != NULL && user->unit_id == NULL)
    sp_context_set_user_unit_async (self, fill->unit_id, NULL, demo_unit_saved, NULL);

  filled = fill->filled;
  demo_fill_free (fill);
  return filled;
}
