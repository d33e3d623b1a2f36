/* sp-store-worker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SpStore is not thread-safe, and SQLite in WAL mode lets one connection
 * read while another writes. So a worker keeps one connection of its own,
 * opened on first use in its own thread, and runs the jobs given to it one
 * at a time, in order: a save given before a read is seen by the read. The
 * connection is only ever touched by that thread, never by the main loop.
 *
 * The thread holds no reference on the worker: the last reference may be
 * dropped by a job's GTask in the thread itself, so it shares only a Queue
 * with it, and the one of them that lets go last frees it.
 */

#include "sp-store-worker.h"

#include "sp-store-private.h"

typedef struct
{
  gatomicrefcount        ref_count;
  GAsyncQueue           *jobs;    /* of Job; a Job without a task stops the thread */
  char                  *path;
  SpStoreWorkerOpenFunc  open_func;
  gpointer               open_data;
  SpStore               *store;   /* only ever used in the thread */
} Queue;

struct _SpStoreWorker
{
  GObject  parent_instance;

  Queue   *queue;
  GThread *thread;   /* started with the first job */
};

G_DEFINE_FINAL_TYPE (SpStoreWorker, sp_store_worker, G_TYPE_OBJECT)

typedef struct
{
  GTask             *task;
  SpStoreWorkerFunc  func;
  gpointer           data;
  GDestroyNotify     data_free;
  GDestroyNotify     result_free;
} Job;

static void
job_free (Job *job)
{
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_clear_object (&job->task);
  g_free (job);
}

static Queue *
queue_ref (Queue *queue)
{
  g_atomic_ref_count_inc (&queue->ref_count);
  return queue;
}

static void
queue_unref (Queue *queue)
{
  if (!g_atomic_ref_count_dec (&queue->ref_count))
    return;

  g_clear_object (&queue->store);
  g_async_queue_unref (queue->jobs);
  g_free (queue->path);
  g_free (queue);
}

static gboolean
ensure_store (Queue   *queue,
              GError **error)
{
  if (queue->store != NULL)
    return TRUE;

  if ((queue->store = sp_store_open (queue->path, error)) == NULL)
    return FALSE;
  _sp_store_set_worker_only (queue->store);

  if (queue->open_func != NULL && !queue->open_func (queue->store, queue->open_data, error))
    {
      g_clear_object (&queue->store);
      return FALSE;
    }

  return TRUE;
}

static void
run_job (Queue *queue,
         Job   *job)
{
  GCancellable *cancellable = g_task_get_cancellable (job->task);
  g_autoptr(GError) error = NULL;
  gpointer result = NULL;

  if (g_task_return_error_if_cancelled (job->task))
    return;

  if (ensure_store (queue, &error))
    result = job->func (queue->store, job->data, cancellable, &error);

  if (error != NULL)
    {
      if (result != NULL && job->result_free != NULL)
        job->result_free (result);
      g_task_return_error (job->task, g_steal_pointer (&error));
    }
  else
    {
      g_task_return_pointer (job->task, result, job->result_free);
    }
}

static gpointer
thread_main (gpointer data)
{
  Queue *queue = data;

  for (;;)
    {
      Job *job = g_async_queue_pop (queue->jobs);
      gboolean stop = job->task == NULL;

      if (!stop)
        run_job (queue, job);
      /* The job's data and task go here, in the thread, before the next
       * job: a func's data may hold what only this thread may free. */
      job_free (job);
      if (stop)
        break;
    }

  queue_unref (queue);
  return NULL;
}

static void
sp_store_worker_finalize (GObject *object)
{
  SpStoreWorker *self = SP_STORE_WORKER (object);

  if (self->thread != NULL)
    {
      /* Jobs given before still run; then the thread closes the store. */
      g_async_queue_push (self->queue->jobs, g_new0 (Job, 1));

      /* Dropped by a job's task in the thread itself: it cannot wait for
       * itself, and stops on its own. */
      if (g_thread_self () == self->thread)
        g_thread_unref (self->thread);
      else
        g_thread_join (self->thread);
    }
  queue_unref (self->queue);

  G_OBJECT_CLASS (sp_store_worker_parent_class)->finalize (object);
}

static void
sp_store_worker_class_init (SpStoreWorkerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_store_worker_finalize;
}

static void
sp_store_worker_init (SpStoreWorker *self)
{
  self->queue = g_new0 (Queue, 1);
  g_atomic_ref_count_init (&self->queue->ref_count);
  self->queue->jobs = g_async_queue_new ();
}

SpStoreWorker *
sp_store_worker_new (const char *path)
{
  SpStoreWorker *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (SP_TYPE_STORE_WORKER, NULL);
  self->queue->path = g_strdup (path);

  return self;
}

const char *
sp_store_worker_get_path (SpStoreWorker *self)
{
  g_return_val_if_fail (SP_IS_STORE_WORKER (self), NULL);

  return self->queue->path;
}

void
sp_store_worker_set_open_func (SpStoreWorker         *self,
                               SpStoreWorkerOpenFunc  func,
                               gpointer               user_data)
{
  g_return_if_fail (SP_IS_STORE_WORKER (self));
  /* The thread reads these without a lock. */
  g_return_if_fail (self->thread == NULL);

  self->queue->open_func = func;
  self->queue->open_data = user_data;
}

void
sp_store_worker_run_async (SpStoreWorker       *self,
                           SpStoreWorkerFunc    func,
                           gpointer             data,
                           GDestroyNotify       data_free,
                           GDestroyNotify       result_free,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Job *job;

  g_return_if_fail (SP_IS_STORE_WORKER (self));
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, sp_store_worker_run_async);

  if (self->thread == NULL)
    self->thread = g_thread_new ("sp-store-worker", thread_main, queue_ref (self->queue));

  g_async_queue_push (self->queue->jobs, job);
}

gpointer
sp_store_worker_run_finish (SpStoreWorker  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (SP_IS_STORE_WORKER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
