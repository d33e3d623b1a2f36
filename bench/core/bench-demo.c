/* bench-demo.c: generating 100,000 demo cases, and the case list at that size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures and asserts nothing: meson test --suite bench. The first
 * argument, if given, is the number of cases; with a second, the database
 * is written there and kept (handy for trying the app on a big district).
 */

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "synpunkt-core.h"

#define REPEATS 5

static double
seconds_since (gint64 start)
{
  return (double)(g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

static void
time_query (SpStore           *store,
            const char        *label,
            const SpCaseQuery *query)
{
  double best = G_MAXDOUBLE;
  double total = 0;
  gint64 n_total = 0;
  guint n_rows = 0;

  for (guint i = 0; i < REPEATS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      rows = sp_store_query_cases (store, query, &error);
      n_total = sp_store_count_cases (store, query, &error);
      elapsed = seconds_since (start);

      if (rows == NULL)
        {
          printf ("  %-44s failed: %s\n", label, error ? error->message : "?");
          return;
        }

      n_rows = rows->len;
      best = MIN (best, elapsed);
      total += elapsed;
    }

  printf ("  %-44s %8.1f ms best  %8.1f ms mean  (%u of %" G_GINT64_FORMAT " rows)\n",
          label, best * 1000, total / REPEATS * 1000, n_rows, n_total);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) units = NULL;
  guint n_cases = argc > 1 ? (guint)strtoul (argv[1], NULL, 10) : 100000;
  gboolean keep = argc > 2;
  SpCaseQuery query;
  const char *unit_id = NULL;
  gint64 start;
  double elapsed;

  setlocale (LC_ALL, "C.UTF-8");

  if (keep)
    path = g_strdup (argv[2]);
  else
    {
      if (!(dir = g_dir_make_tmp ("synpunkt-bench-XXXXXX", &error)))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      path = g_build_filename (dir, "bench.db", NULL);
    }

  if (!(store = sp_store_open (path, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  start = g_get_monotonic_time ();
  if (!sp_demo_populate (store, n_cases, 42, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  elapsed = seconds_since (start);
  printf ("demo: %u cases in %.2f s (%.0f cases/s)\n", n_cases, elapsed,
          elapsed > 0 ? n_cases / elapsed : 0.0);

  units = sp_store_load_where (store, SP_TYPE_UNIT, "kind", "unit", NULL);
  if (units != NULL && units->len > 0)
    unit_id = SP_ENTITY (g_ptr_array_index (units, 0))->id;

  printf ("case list queries (first page of 100, and the count):\n");

  sp_case_query_init (&query);
  query.limit = 100;
  time_query (store, "all, newest first", &query);

  query.sort = SP_CASE_SORT_SUBJECT;
  query.descending = FALSE;
  time_query (store, "all, by subject", &query);

  query.sort = SP_CASE_SORT_UNIT;
  time_query (store, "all, by unit name", &query);

  query.sort = SP_CASE_SORT_CATEGORY;
  time_query (store, "all, by category name", &query);

  query.descending = TRUE;
  time_query (store, "all, by category name, descending", &query);

  query.sort = SP_CASE_SORT_KIND;
  query.descending = FALSE;
  time_query (store, "all, by kind", &query);

  query.sort = SP_CASE_SORT_STATUS;
  time_query (store, "all, by status", &query);
  query.descending = FALSE;

  query.sort = SP_CASE_SORT_DUE_ON;
  query.offset = 50000;
  time_query (store, "all, by deadline, page at offset 50,000", &query);

  sp_case_query_init (&query);
  query.limit = 100;
  for (guint s = 0; s < SP_N_STATUSES; s++)
    if (sp_status_is_open (s))
      query.statuses |= 1u << s;
  time_query (store, "open cases", &query);

  sp_case_query_init (&query);
  query.limit = 100;
  query.overdue_only = TRUE;
  time_query (store, "overdue", &query);

  sp_case_query_init (&query);
  query.limit = 100;
  query.unit_id = unit_id;
  query.kinds = 1u << SP_CASE_KIND_COMPLAINT;
  time_query (store, "one unit's complaints", &query);

  sp_case_query_init (&query);
  query.limit = 100;
  query.category = "food_meals";
  query.from = sp_date_today () - 365;
  time_query (store, "a category in the last year", &query);

  sp_case_query_init (&query);
  query.limit = 100;
  query.text = "hemtjänst";
  time_query (store, "text \"hemtjänst\"", &query);

  query.text = "lekplats gunga";
  time_query (store, "text \"lekplats gunga\"", &query);

  query.text = "mat";
  query.sort = SP_CASE_SORT_SUBJECT;
  time_query (store, "text \"mat\" (prefix), by subject", &query);

  g_clear_object (&store);

  if (!keep)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }

  return 0;
}
