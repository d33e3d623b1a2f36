/* test-store-bad-rows.c: a stored row that cannot be read is reported and
 * passed over by every reader, the replica's too; asked for by its id it is
 * an error of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-test-util.h"

static const SpActor registrar = { "reg-1", "Rita Registrator", SP_ROLE_BIT (SP_ROLE_REGISTRAR) };

static void
spoil (SpStore    *store,
       const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (sp_store_get_handle (store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_changes (sp_store_get_handle (store)), ==, 1);
}

static void
check_readers (gboolean replica)
{
  g_autofree char *dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpCase) good = sp_test_case_new ("Läsbar", NULL);
  g_autoptr(SpCase) bad = sp_test_case_new ("Avskuren", NULL);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(SpCase) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  SpCaseQuery query;

  g_assert_true (sp_store_create_case (store, good, &registrar, &error));
  g_assert_true (sp_store_create_case (store, bad, &registrar, &error));
  g_assert_no_error (error);
  if (replica)
    g_assert_true (sp_store_set_replica (store, TRUE, &error));
  g_assert_no_error (error);

  /* What an older version wrote: a deadline in year 10000, cut off. */
  sql = g_strdup_printf ("UPDATE cases SET received_on = '9999-12-20', due_on = '10000-01-0' "
                         "WHERE id = '%s'", SP_ENTITY (bad)->id);
  spoil (store, sql);

  g_test_expect_message ("synpunkt-core", G_LOG_LEVEL_WARNING, "*Skipping the stored case*due_on*");
  all = sp_store_load_where (store, SP_TYPE_CASE, NULL, NULL, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpstr (SP_ENTITY (g_ptr_array_index (all, 0))->id, ==, SP_ENTITY (good)->id);

  sp_case_query_init (&query);
  g_test_expect_message ("synpunkt-core", G_LOG_LEVEL_WARNING, "*Skipping the stored case*");
  listed = sp_store_query_cases (store, &query, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);

  g_test_expect_message ("synpunkt-core", G_LOG_LEVEL_WARNING, "*Skipping the stored case*");
  changes = sp_store_load_changes (store, SP_TYPE_CASE, 0, 0, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);

  /* By its id: not "no such case", but that it cannot be read. */
  g_test_expect_message ("synpunkt-core", G_LOG_LEVEL_WARNING, "*Skipping the stored case*");
  loaded = sp_store_get_case (store, SP_ENTITY (bad)->id, &error);
  g_test_assert_expected_messages ();
  g_assert_null (loaded);
  g_assert_error (error, SP_ERROR, SP_ERROR_CORRUPT);
  g_clear_error (&error);

  loaded = sp_store_get_case (store, SP_ENTITY (good)->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  g_clear_object (&store);
  sp_test_remove_dir (dir);
}

static void
test_server_store (void)
{
  check_readers (FALSE);
}

static void
test_replica (void)
{
  check_readers (TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SYNPUNKT_TODAY", "2025-09-01", TRUE);

  g_test_add_func ("/store/bad-rows/server", test_server_store);
  g_test_add_func ("/store/bad-rows/replica", test_replica);

  return g_test_run ();
}
