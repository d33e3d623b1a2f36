/* sp-store-worker.h: one store connection of its own, used by one job at a
 * time in one worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-store.h"

G_BEGIN_DECLS

#define SP_TYPE_STORE_WORKER (sp_store_worker_get_type ())

G_DECLARE_FINAL_TYPE (SpStoreWorker, sp_store_worker, SP, STORE_WORKER, GObject)

/* Runs in the worker's thread with its connection; returns the result
 * (freed with the result_free given to run_async when nobody takes it) or
 * NULL, with @error set when it failed. */
typedef gpointer (*SpStoreWorkerFunc) (SpStore      *store,
                                       gpointer      data,
                                       GCancellable *cancellable,
                                       GError      **error);

/* Runs in the worker's thread once the connection is open, before any job;
 * a failure closes the connection again, and the next job tries anew. */
typedef gboolean (*SpStoreWorkerOpenFunc) (SpStore  *store,
                                           gpointer  user_data,
                                           GError  **error);

SpStoreWorker *sp_store_worker_new           (const char            *path);
const char    *sp_store_worker_get_path      (SpStoreWorker         *self);
void           sp_store_worker_set_open_func (SpStoreWorker         *self,
                                              SpStoreWorkerOpenFunc  func,
                                              gpointer               user_data);
/* Jobs run in the order they were given. One whose @cancellable is
 * cancelled before it starts does not run. */
void           sp_store_worker_run_async     (SpStoreWorker         *self,
                                              SpStoreWorkerFunc      func,
                                              gpointer               data,
                                              GDestroyNotify         data_free,
                                              GDestroyNotify         result_free,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
/* The func's result, owned by the caller now. */
gpointer       sp_store_worker_run_finish    (SpStoreWorker         *self,
                                              GAsyncResult          *result,
                                              GError               **error);

G_END_DECLS
