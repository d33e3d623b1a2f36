/* sp-store-reader.h: runs read jobs on a store connection of their own, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "synpunkt-core.h"

G_BEGIN_DECLS

#define SP_TYPE_STORE_READER (sp_store_reader_get_type ())

G_DECLARE_FINAL_TYPE (SpStoreReader, sp_store_reader, SP, STORE_READER, GObject)

/* Runs in a worker thread with the reader's own connection; returns the
 * result (freed with the result_free given to run_async) or NULL with
 * @error set. */
typedef gpointer (*SpStoreReaderFunc) (SpStore      *store,
                                       gpointer      data,
                                       GCancellable *cancellable,
                                       GError      **error);

SpStoreReader *sp_store_reader_new        (const char          *path);
const char    *sp_store_reader_get_path   (SpStoreReader       *self);
void           sp_store_reader_run_async  (SpStoreReader       *self,
                                           SpStoreReaderFunc    func,
                                           gpointer             data,
                                           GDestroyNotify       data_free,
                                           GDestroyNotify       result_free,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* The func's result, owned by the caller now. */
gpointer       sp_store_reader_run_finish (SpStoreReader       *self,
                                           GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
