/* sp-demo.c: a realistic demo district and its cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The district is modelled on a Stockholm stadsdelsförvaltning such as
 * Hässelby-Vällingby; the cases are composed from Swedish fragments so that
 * a hundred thousand of them read differently. Everything, ids included,
 * comes from GRand with the seed, so the same seed gives the same data
 * (relative to "today"). All writes go through the store in one
 * transaction, which is what makes 100,000 cases take seconds.
 *
 * This file fills the store; the district is made in
 * sp-demo-organisation.c, each case in sp-demo-cases.c and its text in
 * sp-demo-texts.c.
 */

#include "sp-demo-private.h"

#define YEARS_OF_CASES 4

static void
demo_clear (Demo *d)
{
  g_clear_pointer (&d->rand, g_rand_free);
  g_clear_pointer (&d->ids, g_rand_free);
  g_clear_pointer (&d->all_units, g_ptr_array_unref);
  g_clear_pointer (&d->units, g_ptr_array_unref);
  g_clear_pointer (&d->providers, g_ptr_array_unref);
  g_clear_pointer (&d->users, g_ptr_array_unref);
  g_clear_pointer (&d->registrars, g_ptr_array_unref);
  g_clear_pointer (&d->staff, g_ptr_array_unref);
  g_clear_pointer (&d->units_by_id, g_hash_table_unref);
  g_clear_pointer (&d->users_by_id, g_hash_table_unref);
  g_clear_pointer (&d->diary_seq, g_hash_table_unref);
  for (guint a = 0; a <= SP_AREA_OTHER; a++)
    {
      g_clear_pointer (&d->units_by_area[a], g_ptr_array_unref);
      g_clear_pointer (&d->providers_by_area[a], g_ptr_array_unref);
    }
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  SpDate x = *(const SpDate *)a;
  SpDate y = *(const SpDate *)b;

  return x < y ? -1 : x > y;
}

static gint64
count_rows (SpStore     *store,
            const char  *sql,
            GError     **error)
{
  sqlite3_stmt *stmt = sp_store_prepare (store, sql, error);
  gint64 n = -1;
  int rc;

  if (stmt == NULL)
    return -1;

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    sp_store_set_error (store, error, rc);
  sqlite3_reset (stmt);

  return n;
}

/* A database nobody has configured yet gets the district's name and diary
 * prefix; a choice someone made is never overridden. */
static gboolean
ensure_organisation_settings (Demo    *d,
                              GError **error)
{
  g_autofree char *prefix = sp_store_dup_setting (d->store, "diary.prefix");
  g_autofree char *name = sp_store_dup_setting (d->store, "organisation.name");
  gint64 n_numbers = count_rows (d->store, "SELECT count(*) FROM diary", error);

  if (n_numbers < 0)
    return FALSE;

  if (n_numbers == 0 && (prefix == NULL || strcmp (prefix, "SDN") == 0) &&
      !sp_store_set_setting (d->store, "diary.prefix", "HVSDN", error))
    return FALSE;

  if ((name == NULL || *name == '\0') &&
      !sp_store_set_setting (d->store, "organisation.name", "Hässelby-Vällingby stadsdelsförvaltning", error))
    return FALSE;

  return TRUE;
}

gboolean
sp_demo_populate (SpStore  *store,
                  guint     n_cases,
                  guint32   seed,
                  GError  **error)
{
  return sp_demo_populate_with_progress (store, n_cases, seed, NULL, NULL, error);
}

gboolean
sp_demo_populate_with_progress (SpStore         *store,
                                guint            n_cases,
                                guint32          seed,
                                SpDemoProgress   progress,
                                gpointer         user_data,
                                GError         **error)
{
  Demo d = { 0 };
  g_autofree SpDate *dates = NULL;
  guint32 id_seed[3];
  gint64 n_existing, n_units;
  gboolean ok = FALSE;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  d.store = store;
  d.today = sp_date_today ();
  d.epoch = sp_date_new (1970, 1, 1);
  d.rand = g_rand_new_with_seed (seed);
  d.diary_seq = g_hash_table_new (NULL, NULL);
  sp_store_get_deadline_config (store, &d.config);

  /* One transaction: all or nothing, and fast. */
  if (!sp_store_begin (store, error))
    goto out;

  /* Checked at the commit instead, so that _sp_demo_add_case () can write an
   * investigation before its case. Ends with the transaction. */
  if (!sp_store_exec (store, "PRAGMA defer_foreign_keys = ON", error))
    goto failed;

  if ((n_existing = count_rows (store, "SELECT count(*) FROM cases", error)) < 0 ||
      (n_units = count_rows (store, "SELECT count(*) FROM units WHERE deleted = 0", error)) < 0)
    goto failed;

  /* Ids depend on the cases already there too, so that populating the same
   * store twice with one seed adds new cases instead of overwriting. */
  id_seed[0] = seed;
  id_seed[1] = (guint32)n_existing;
  id_seed[2] = (guint32)(n_existing >> 32);
  d.ids = g_rand_new_with_seed_array (id_seed, G_N_ELEMENTS (id_seed));

  if ((n_units == 0 && (!ensure_organisation_settings (&d, error) ||
                        !_sp_demo_create_organisation (&d, error))) ||
      !_sp_demo_load_reference (&d, error) ||
      !_sp_demo_ensure_categories (&d, error))
    goto failed;

  /* The cases read the same whether or not the organisation was new. */
  g_rand_set_seed (d.rand, seed ^ 0x5bd1e995u);

  /* In date order, so that diary numbers follow the calendar. */
  dates = g_new (SpDate, MAX (n_cases, 1));
  for (guint i = 0; i < n_cases; i++)
    dates[i] = d.today - (SpDate)g_rand_int_range (d.rand, 0, 365 * YEARS_OF_CASES + 1);
  qsort (dates, n_cases, sizeof (SpDate), compare_dates);

  for (guint i = 0; i < n_cases; i++)
    {
      if (!_sp_demo_add_case (&d, dates[i], error))
        goto failed;
      if (progress != NULL && (i + 1) % 500 == 0)
        progress (i + 1, n_cases, user_data);
    }
  if (progress != NULL)
    progress (n_cases, n_cases, user_data);
  if (n_cases > 0 && !_sp_demo_add_contract_issues (&d, error))
    goto failed;

  ok = sp_store_commit (store, error);
  goto out;

failed:
  sp_store_rollback (store);
out:
  demo_clear (&d);
  return ok;
}
