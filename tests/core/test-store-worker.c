/* test-store-worker.c: a store worker runs its jobs one at a time, in
 * order, off the main thread, and its store refuses the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-test-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  SpStoreWorker *worker;
  GPtrArray     *results;   /* of GAsyncResult, in the order they came */
  guint          n_opened;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = sp_test_dir_new ("store-worker");
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->worker = sp_store_worker_new (fixture->path);
  fixture->results = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->worker);
  g_ptr_array_unref (fixture->results);
  sp_test_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->results, g_object_ref (result));
}

static void
wait_for (Fixture *fixture,
          guint    n_results)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (fixture->results->len < n_results && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (fixture->results->len, ==, n_results);
}

/* Saves a case with the title @data; returns the thread it ran in. */
static gpointer
save_case (SpStore       *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(SpCase) kase = sp_test_case_new (data, NULL);

  if (!sp_store_save (store, SP_ENTITY (kase), SP_SAVE_DEFAULT, NULL, error))
    return NULL;

  return g_thread_self ();
}

static gpointer
count_cases (SpStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  SpCaseQuery query;
  gint64 count;

  sp_case_query_init (&query);
  if ((count = sp_store_count_cases (store, &query, error)) < 0)
    return NULL;

  return g_memdup2 (&count, sizeof count);
}

static gboolean
count_open (SpStore  *store,
            gpointer  user_data,
            GError  **error)
{
  Fixture *fixture = user_data;

  /* The first open fails, to show that the next job opens again. */
  if (fixture->n_opened++ == 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_STORAGE, "not yet");
      return FALSE;
    }

  return TRUE;
}

static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *count = NULL;
  gpointer thread;

  sp_store_worker_set_open_func (fixture->worker, count_open, fixture);

  sp_store_worker_run_async (fixture->worker, save_case, g_strdup ("Trasig lampa"), g_free,
                             NULL, NULL, on_done, fixture);
  sp_store_worker_run_async (fixture->worker, save_case, g_strdup ("Hål i vägen"), g_free,
                             NULL, NULL, on_done, fixture);
  sp_store_worker_run_async (fixture->worker, save_case, g_strdup ("Nedfallen gren"), g_free,
                             NULL, NULL, on_done, fixture);
  sp_store_worker_run_async (fixture->worker, count_cases, NULL, NULL, g_free, NULL, on_done,
                             fixture);
  wait_for (fixture, 4);

  /* The first open failed, and its job with it; the next opened again. */
  g_assert_null (sp_store_worker_run_finish (fixture->worker, fixture->results->pdata[0],
                                             &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_STORAGE);
  g_assert_cmpuint (fixture->n_opened, ==, 2);

  thread = sp_store_worker_run_finish (fixture->worker, fixture->results->pdata[1], NULL);
  g_assert_nonnull (thread);
  g_assert_true (thread != g_thread_self ());
  g_assert_true (sp_store_worker_run_finish (fixture->worker, fixture->results->pdata[2],
                                             NULL) == thread);

  /* The count ran after both saves that worked. */
  count = sp_store_worker_run_finish (fixture->worker, fixture->results->pdata[3], NULL);
  g_assert_cmpint (*count, ==, 2);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *count = NULL;

  g_cancellable_cancel (cancellable);
  sp_store_worker_run_async (fixture->worker, save_case, g_strdup ("Trasig lampa"), g_free,
                             NULL, cancellable, on_done, fixture);
  sp_store_worker_run_async (fixture->worker, count_cases, NULL, NULL, g_free, NULL, on_done,
                             fixture);
  wait_for (fixture, 2);

  g_assert_null (sp_store_worker_run_finish (fixture->worker, fixture->results->pdata[0],
                                             &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  count = sp_store_worker_run_finish (fixture->worker, fixture->results->pdata[1], NULL);
  g_assert_cmpint (*count, ==, 0);
}

/* Jobs given before the last reference goes still run, and the worker
 * then goes once their answers are in. */
static void
test_dropped (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  SpStoreWorker *worker = g_steal_pointer (&fixture->worker);
  GWeakRef gone;
  gpointer still;

  /* No callback keeps the job's result, and with it the worker. */
  sp_store_worker_run_async (worker, save_case, g_strdup ("Trasig lampa"), g_free,
                             NULL, NULL, NULL, NULL);
  g_weak_ref_init (&gone, worker);
  g_object_unref (worker);

  /* The last reference may go in the worker's thread, which does not wake
   * the main loop: poll. */
  while ((still = g_weak_ref_get (&gone)) != NULL && g_get_monotonic_time () < deadline)
    {
      g_object_unref (still);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (G_USEC_PER_SEC / 100);
    }
  g_assert_null (still);
  g_weak_ref_clear (&gone);

  store = sp_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp_test_count_found (store, "lampa"), ==, 1);
}

static gpointer
give_store (SpStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return g_object_ref (store);
}

static void
test_main_thread (Fixture       *fixture,
                  gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(SpStore) store = NULL;

      sp_store_worker_run_async (fixture->worker, give_store, NULL, NULL, g_object_unref,
                                 NULL, on_done, fixture);
      wait_for (fixture, 1);
      store = sp_store_worker_run_finish (fixture->worker, fixture->results->pdata[0], NULL);
      /* This process ends in the abort, before its fixture is torn down. */
      sp_test_remove_dir (fixture->dir);

      /* Held by the thread that runs the main loop: a store worker's
       * store must not be used here. */
      g_main_context_acquire (NULL);
      sp_store_exec (store, "SELECT 1", NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*belongs to a store worker*");
}

/* The guard the GUI tests use: on the guarded thread any store but an
 * exempted one aborts; another thread is not held. */
static void
test_guard_thread (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "guard.db", NULL);

  if (g_test_subprocess ())
    {
      g_autoptr(SpStore) exempt = sp_store_open (path, NULL);
      g_autoptr(SpStore) store = sp_store_open (path, NULL);

      g_assert_nonnull (exempt);
      g_assert_nonnull (store);
      sp_store_exempt_from_guard (exempt);
      g_assert_false (sp_store_guard_thread (TRUE));
      g_assert_true (sp_store_exec (exempt, "SELECT 1", NULL));
      sp_test_remove_dir (fixture->dir);
      sp_store_exec (store, "SELECT 1", NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*used on the guarded (main) thread*");

  /* Unguarded again, the same store works. */
  {
    g_autoptr(SpStore) store = sp_store_open (path, NULL);

    g_assert_false (sp_store_guard_thread (TRUE));
    g_assert_true (sp_store_guard_thread (FALSE));
    g_assert_true (sp_store_exec (store, "SELECT 1", NULL));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-worker/order", Fixture, NULL, fixture_set_up, test_order,
              fixture_tear_down);
  g_test_add ("/store-worker/cancelled", Fixture, NULL, fixture_set_up, test_cancelled,
              fixture_tear_down);
  g_test_add ("/store-worker/dropped", Fixture, NULL, fixture_set_up, test_dropped,
              fixture_tear_down);
  g_test_add ("/store-worker/main-thread", Fixture, NULL, fixture_set_up, test_main_thread,
              fixture_tear_down);
  g_test_add ("/store-worker/guard-thread", Fixture, NULL, fixture_set_up, test_guard_thread,
              fixture_tear_down);

  return g_test_run ();
}
