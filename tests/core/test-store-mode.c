/* test-store-mode.c: a store is an authority or a replica from its open
 * on; an authority's writes run no replica code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-util.h"

static const SpActor me = { "me", "Mia Enhetschef",
                            SP_ROLE_BIT (SP_ROLE_REGISTRAR) | SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) };

/* Every statement the connection runs, with its values bound. */
static int
trace_statement (unsigned  type,
                 void     *data,
                 void     *p,
                 void     *x)
{
  GPtrArray *statements = data;
  char *sql = sqlite3_expanded_sql (p);

  g_ptr_array_add (statements, g_strdup (sql ? sql : sqlite3_sql (p)));
  sqlite3_free (sql);
  return 0;
}

/* Whether any statement touched the replica's tables or asked for the
 * mode. */
static gboolean
ran_replica_code (GPtrArray *statements)
{
  for (guint i = 0; i < statements->len; i++)
    {
      const char *sql = statements->pdata[i];

      if (strstr (sql, "outbox") != NULL || strstr (sql, "sync_conflicts") != NULL ||
          strstr (sql, "'replica'") != NULL)
        return TRUE;
    }

  return FALSE;
}

static char *
store_path (const char *dir)
{
  return g_build_filename (dir, "test.db", NULL);
}

static void
test_authority (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SpCase) kase = sp_test_case_new ("Trasig lampa", NULL);
  g_autoptr(SpUnit) unit = sp_unit_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (sp_store_is_replica (store));
  sqlite3_trace_v2 (sp_store_get_handle (store), SQLITE_TRACE_STMT, trace_statement, statements);

  /* Creating, editing, registering, saving another entity: revisions are
   * numbered here and nothing is queued. */
  unit->name = g_strdup ("Parkenheten");
  g_assert_true (sp_store_save (store, SP_ENTITY (unit), SP_SAVE_DEFAULT, "me", &error));
  g_assert_no_error (error);
  g_assert_true (sp_store_create_case (store, kase, &me, &error));
  g_assert_no_error (error);
  g_free (kase->subject);
  kase->subject = g_strdup ("Trasig gatlampa");
  g_assert_true (sp_store_update_case (store, kase, &me, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (sp_store_transition_case (store, kase, SP_STATUS_REGISTERED, &me, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kase->diary_number);
  g_assert_cmpint (SP_ENTITY (kase)->rev, >, 0);
  g_assert_false (sp_store_is_replica (store));

  g_assert_cmpuint (statements->len, >, 0);
  g_assert_false (ran_replica_code (statements));

  sqlite3_trace_v2 (sp_store_get_handle (store), 0, NULL, NULL);
  g_assert_cmpint (sp_store_outbox_count (store), ==, 0);

  g_clear_object (&store);
  sp_test_remove_dir (dir);
}

static void
test_switch (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpCase) kase = sp_test_case_new ("Nedskräpning", NULL);
  g_autoptr(SpCase) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rev;

  g_assert_true (sp_store_create_case (store, kase, &me, &error));
  g_assert_no_error (error);
  rev = SP_ENTITY (kase)->rev;
  g_assert_cmpint (rev, >, 0);

  /* At once: the next edit is queued on the revision it is based on. */
  g_assert_true (sp_store_set_replica (store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (sp_store_is_replica (store));
  g_free (kase->subject);
  kase->subject = g_strdup ("Nedskräpning i parken");
  g_assert_true (sp_store_update_case (store, kase, &me, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (SP_ENTITY (kase)->rev, ==, rev);
  g_assert_cmpint (sp_store_outbox_count (store), ==, 1);

  /* And after opening the file again. */
  g_clear_object (&store);
  path = store_path (dir);
  store = sp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sp_store_is_replica (store));
  back = sp_store_get_case (store, SP_ENTITY (kase)->id, &error);
  g_assert_no_error (error);
  g_assert_true (sp_store_transition_case (store, back, SP_STATUS_REGISTERED, &me, &error));
  g_assert_no_error (error);
  g_assert_null (back->diary_number);
  g_assert_cmpint (sp_store_outbox_count (store), ==, 2);

  g_clear_object (&store);
  sp_test_remove_dir (dir);
}

/* Another store of the same file (the app's, beside the sync engine's)
 * follows the switch once it is committed, and not if it is undone. */
static void
test_other_store (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SpStore) engine = sp_test_store_new (&dir);
  g_autoptr(SpStore) app = NULL;
  g_autoptr(SpStore) memory = NULL;
  g_autoptr(GError) error = NULL;

  path = store_path (dir);
  app = sp_store_open (path, &error);
  g_assert_no_error (error);
  memory = sp_store_open (":memory:", &error);
  g_assert_no_error (error);

  /* Undone: no store changes its mode. */
  g_assert_true (sp_store_begin (engine, &error));
  g_assert_true (sp_store_set_replica (engine, TRUE, &error));
  g_assert_true (sp_store_is_replica (engine));
  g_assert_false (sp_store_is_replica (app));
  sp_store_rollback (engine);
  g_assert_false (sp_store_is_replica (engine));
  g_assert_false (sp_store_is_replica (app));

  /* Committed: both are replicas; a database of its own is not. */
  g_assert_true (sp_store_begin (engine, &error));
  g_assert_true (sp_store_set_replica (engine, TRUE, &error));
  g_assert_false (sp_store_is_replica (app));
  g_assert_true (sp_store_commit (engine, &error));
  g_assert_no_error (error);
  g_assert_true (sp_store_is_replica (engine));
  g_assert_true (sp_store_is_replica (app));
  g_assert_false (sp_store_is_replica (memory));

  g_clear_object (&engine);
  g_clear_object (&app);
  sp_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-mode/authority", test_authority);
  g_test_add_func ("/store-mode/switch", test_switch);
  g_test_add_func ("/store-mode/other-store", test_other_store);

  return g_test_run ();
}
