/* sp-store-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SpStore is not thread-safe, and SQLite in WAL mode lets a second
 * connection read while the main one writes. So the reader keeps one
 * connection of its own, opened lazily in a worker thread, and lets one job
 * at a time use it (GTask's pool may run several threads; the mutex makes
 * them take turns). The main thread never touches this connection.
 */

#include "sp-store-reader.h"

struct _SpStoreReader
{
  GObject  parent_instance;

  char    *path;
  GMutex   mutex;
  SpStore *store;   /* guarded by mutex; only ever used in worker threads */
};

G_DEFINE_FINAL_TYPE (SpStoreReader, sp_store_reader, G_TYPE_OBJECT)

typedef struct
{
  SpStoreReaderFunc func;
  gpointer          data;
  GDestroyNotify    data_free;
  GDestroyNotify    result_free;
} Job;

static void
job_free (gpointer p)
{
  Job *job = p;

  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_free (job);
}

static void
sp_store_reader_finalize (GObject *object)
{
  SpStoreReader *self = SP_STORE_READER (object);

  g_clear_object (&self->store);
  g_mutex_clear (&self->mutex);
  g_free (self->path);

  G_OBJECT_CLASS (sp_store_reader_parent_class)->finalize (object);
}

static void
sp_store_reader_class_init (SpStoreReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_store_reader_finalize;
}

static void
sp_store_reader_init (SpStoreReader *self)
{
  g_mutex_init (&self->mutex);
}

SpStoreReader *
sp_store_reader_new (const char *path)
{
  SpStoreReader *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (SP_TYPE_STORE_READER, NULL);
  self->path = g_strdup (path);

  return self;
}

const char *
sp_store_reader_get_path (SpStoreReader *self)
{
  g_return_val_if_fail (SP_IS_STORE_READER (self), NULL);

  return self->path;
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SpStoreReader *self = source_object;
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  gpointer result = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  g_mutex_lock (&self->mutex);

  if (self->store == NULL)
    self->store = sp_store_open (self->path, &error);

  if (self->store != NULL)
    result = job->func (self->store, job->data, cancellable, &error);

  g_mutex_unlock (&self->mutex);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, job->result_free);
}

void
sp_store_reader_run_async (SpStoreReader       *self,
                           SpStoreReaderFunc    func,
                           gpointer             data,
                           GDestroyNotify       data_free,
                           GDestroyNotify       result_free,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (SP_IS_STORE_READER (self));
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_store_reader_run_async);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, run_in_thread);
}

gpointer
sp_store_reader_run_finish (SpStoreReader  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (SP_IS_STORE_READER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
