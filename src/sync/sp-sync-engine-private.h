/* sp-sync-engine-private.h: the sync engine's state, shared by its
 * public face, its worker and the steps of a round (pull, push, first
 * connection)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-sync-private.h"

G_BEGIN_DECLS

struct _SpSyncEngine
{
  GObject        parent_instance;

  SpStoreWorker *worker;         /* the engine's own connection, for its steps */
  SpSyncClient  *client;
  GCancellable  *cancellable;

  SpSyncState    state;
  gint64         pending;
  guint          n_conflicts;
  double         progress;
  char          *error_message;
  gint64         last_synced;

  GTask         *round;          /* the round running, if any */
  GPtrArray     *waiters;        /* GTask of sync_async callers */
  gboolean       again;          /* another round was asked for meanwhile */
  guint          interval;
  guint          periodic_id;
  guint          debounce_id;
  guint          retry_id;
  guint          backoff;

  /* The pull in progress */
  GQueue         pages;          /* Slot: fetched, waiting to be stored */
  gint64         held_since;     /* pages stored but not yet committed */
  gboolean       loading;        /* a pull fills the replica in bulk */
  gint64         next_since;
  gboolean       fetching;
  gboolean       applying;
  gboolean       fetch_done;
  GError        *pull_error;
  guint          pull_generation;
  /* The server went back (restored from a backup): pulled again from 0 in
   * this round, then what waits in the outbox is pushed once more. */
  gboolean       resynced;
  gboolean       push_again;

  char          *user_id;        /* whose the replica is, once claimed */

  GHashTable    *unit_map;       /* local unit id → server unit id */
  GPtrArray     *unmapped_units;
  GPtrArray     *server_units;
};

/* A database step, run in the worker on the engine's own connection. */
typedef gpointer (*WorkFunc) (SpSyncEngine  *self,
                              SpStore       *store,
                              gpointer       data,
                              GError       **error);

typedef struct
{
  SpSyncEngine  *engine;
  WorkFunc       func;
  gpointer       data;
  GDestroyNotify data_free;
  gpointer       ret;         /* what func returned */
  gint64         pending;     /* counted after the step */
  guint          n_conflicts;
} Work;

/* Runs @func in the worker; @callback gets the step's GTask. */
void     _sp_sync_engine_run_work     (SpSyncEngine        *self,
                                       WorkFunc             func,
                                       gpointer             data,
                                       GDestroyNotify       data_free,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
/* The step's result, with the outbox and conflicts counted after it. */
gpointer _sp_sync_engine_work_finish  (SpSyncEngine        *self,
                                       GAsyncResult        *result,
                                       GError             **error);

void     _sp_sync_engine_set_loading  (SpSyncEngine        *self,
                                       gboolean             loading);
void     _sp_sync_engine_set_progress (SpSyncEngine        *self,
                                       double               progress);
void     _sp_sync_engine_emit_changed (SpSyncEngine        *self);

/* Ends the round, with @error (taken) if it failed. */
void     _sp_sync_engine_round_done   (SpSyncEngine        *self,
                                       GError              *error);

/* The steps of a round, in order: the first connection if the replica
 * has not made it yet, then the push, then the pull. */
void     _sp_sync_engine_first        (SpSyncEngine        *self);
void     _sp_sync_engine_push         (SpSyncEngine        *self);
void     _sp_sync_engine_pull         (SpSyncEngine        *self);
/* Drops what a pull had fetched and not stored. */
void     _sp_sync_engine_pull_clear   (SpSyncEngine        *self);

G_END_DECLS
