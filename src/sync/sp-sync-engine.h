/* sp-sync-engine.h: keeps the local replica and the server in step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine pushes the changes waiting in the replica's outbox and pulls
 * the server's change feed. It runs at start, shortly after each local
 * change, every few minutes and on demand; it backs off while the server
 * cannot be reached. Database work runs in a worker thread on the engine's
 * own connection and network work is asynchronous, so the main loop never
 * waits for either. It knows nothing of GTK: tests drive it headless.
 */

#pragma once

#include "sp-sync-client.h"
#include "synpunkt-core.h"

G_BEGIN_DECLS

typedef enum
{
  SP_SYNC_STATE_IDLE,          /* not connected to a server */
  SP_SYNC_STATE_SYNCING,
  SP_SYNC_STATE_SYNCED,
  SP_SYNC_STATE_OFFLINE,       /* the server cannot be reached; changes wait */
  SP_SYNC_STATE_AUTH_REQUIRED, /* the session ended: log in again */
  SP_SYNC_STATE_ERROR,
} SpSyncState;

#define SP_TYPE_SYNC_ENGINE (sp_sync_engine_get_type ())

G_DECLARE_FINAL_TYPE (SpSyncEngine, sp_sync_engine, SP, SYNC_ENGINE, GObject)

SpSyncEngine *sp_sync_engine_new                (const char          *db_path,
                                                 SpSyncClient        *client);
SpSyncClient *sp_sync_engine_get_client         (SpSyncEngine        *self);
SpSyncState   sp_sync_engine_get_state          (SpSyncEngine        *self);
/* Local changes waiting to be pushed. */
gint64        sp_sync_engine_get_pending        (SpSyncEngine        *self);
guint         sp_sync_engine_get_n_conflicts    (SpSyncEngine        *self);
/* Whether a pull is filling the replica in bulk (a first sync): the cases
 * are not all there yet and search does not find them until it ends. */
gboolean      sp_sync_engine_get_loading        (SpSyncEngine        *self);
/* 0 to 1 while pulling, for a progress bar. */
double        sp_sync_engine_get_progress       (SpSyncEngine        *self);
const char   *sp_sync_engine_get_error_message  (SpSyncEngine        *self);
gint64        sp_sync_engine_get_last_synced    (SpSyncEngine        *self);

/* One whole round: the first connection's upload if due, push, pull. */
void          sp_sync_engine_sync_async         (SpSyncEngine        *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean      sp_sync_engine_sync_finish        (SpSyncEngine        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* Syncs now, then every @interval_seconds, and retries with back-off. */
void          sp_sync_engine_start              (SpSyncEngine        *self,
                                                 guint                interval_seconds);
void          sp_sync_engine_stop               (SpSyncEngine        *self);
/* A local change was made: sync soon (debounced). */
void          sp_sync_engine_schedule           (SpSyncEngine        *self);

/* Local units that the first connection could not match to the server's
 * by name (SpUnit), after a round that failed with
 * SP_SYNC_ERROR_MAPPING_NEEDED; and the server's units to choose from. */
GPtrArray    *sp_sync_engine_get_unmapped_units (SpSyncEngine        *self);
GPtrArray    *sp_sync_engine_get_server_units   (SpSyncEngine        *self);
void          sp_sync_engine_map_unit           (SpSyncEngine        *self,
                                                 const char          *local_id,
                                                 const char          *server_id);

/* The account signs out: stops syncing, keeps the changes not yet sent
 * aside (in a file beside the database, readable by this user only, queued
 * again when the same account signs in again) and empties the replica, so
 * that nobody else sees what it held. */
void          sp_sync_engine_release_async      (SpSyncEngine        *self,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean      sp_sync_engine_release_finish     (SpSyncEngine        *self,
                                                 GAsyncResult        *result,
                                                 guint               *kept_aside,
                                                 char               **kept_path,
                                                 GError             **error);

G_END_DECLS
