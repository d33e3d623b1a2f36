/* test-replica.c: the store as the desktop's replica: the outbox, what the
 * server sends, conflicts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-test-util.h"

static const SpActor me = { "me", "Mia Enhetschef",
                            SP_ROLE_BIT (SP_ROLE_REGISTRAR) | SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) };

static SpStore *
replica_new (char **dir)
{
  SpStore *store = sp_test_store_new (dir);

  g_assert_true (sp_store_set_replica (store, TRUE, NULL));
  g_assert_true (sp_store_is_replica (store));
  return store;
}

static GPtrArray *
outbox (SpStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = sp_store_outbox_list (store, 0, &error);

  g_assert_no_error (error);
  return entries;
}

static SpCase *
server_copy (SpCase *local,
             gint64  rev)
{
  SpCase *remote = sp_entity_copy (SP_ENTITY (local));

  SP_ENTITY (remote)->rev = rev;
  return remote;
}

static void
test_outbox (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SpStore) store = replica_new (&dir);
  g_autoptr(SpCase) kase = sp_test_case_new ("Offline", NULL);
  g_autoptr(SpCase) remote = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  SpOutboxEntry *e;

  /* Created offline: one entry with the whole record, no revision. */
  g_assert_true (sp_store_create_case (store, kase, &me, &error));
  g_assert_cmpint (SP_ENTITY (kase)->rev, ==, 0);
  entries = outbox (store);
  g_assert_cmpuint (entries->len, ==, 1);
  e = entries->pdata[0];
  g_assert_cmpstr (e->entity, ==, "case");
  g_assert_cmpstr (e->field, ==, "");
  g_assert_nonnull (strstr (e->value, "\"Offline\""));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Edited before it was pushed: still one entry, with the new text. */
  g_free (kase->subject);
  kase->subject = g_strdup ("Offline, ändrad");
  g_assert_true (sp_store_update_case (store, kase, &me, TRUE, &error));
  entries = outbox (store);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_nonnull (strstr (((SpOutboxEntry *)entries->pdata[0])->value, "ändrad"));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* The server has it now (revision 5), with the same values. */
  remote = server_copy (kase, 5);
  g_assert_true (sp_store_apply_remote (store, SP_ENTITY (remote), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_store_outbox_count (store), ==, 0);
  g_clear_object (&kase);
  kase = sp_store_get_case (store, SP_ENTITY (remote)->id, NULL);
  g_assert_cmpint (SP_ENTITY (kase)->rev, ==, 5);

  /* Two edits of one field coalesce, based on the revision first seen. */
  g_free (kase->subject);
  kase->subject = g_strdup ("Första");
  g_assert_true (sp_store_update_case (store, kase, &me, TRUE, &error));
  g_free (kase->subject);
  kase->subject = g_strdup ("Andra");
  g_assert_true (sp_store_update_case (store, kase, &me, TRUE, &error));
  g_assert_cmpint (SP_ENTITY (kase)->rev, ==, 5);
  entries = outbox (store);
  g_assert_cmpuint (entries->len, ==, 1);
  e = entries->pdata[0];
  g_assert_cmpstr (e->field, ==, "subject");
  g_assert_cmpint (e->base_rev, ==, 5);
  g_assert_cmpstr (e->value, ==, "\"Andra\"");

  /* The server's newer revision changes another field: both are kept. */
  g_clear_object (&remote);
  remote = server_copy (kase, 7);
  g_free (remote->subject);
  remote->subject = g_strdup ("Serverns rubrik");
  g_free (remote->description);
  remote->description = g_strdup ("Serverns beskrivning");
  g_assert_true (sp_store_apply_remote (store, SP_ENTITY (remote), &error));
  g_clear_object (&kase);
  kase = sp_store_get_case (store, SP_ENTITY (remote)->id, NULL);
  g_assert_cmpint (SP_ENTITY (kase)->rev, ==, 7);
  g_assert_cmpstr (kase->subject, ==, "Andra");
  g_assert_cmpstr (kase->description, ==, "Serverns beskrivning");

  /* An entry changed after it was sent is not removed by the answer. */
  {
    SpOutboxEntry sent = *e;

    sent.value = (char *)"\"Äldre\"";
    g_assert_true (sp_store_outbox_remove (store, &sent, &error));
    g_assert_cmpint (sp_store_outbox_count (store), ==, 1);
    g_assert_true (sp_store_outbox_remove (store, e, &error));
    g_assert_cmpint (sp_store_outbox_count (store), ==, 0);
  }

  sp_test_remove_dir (dir);
}

static void
test_transition_and_events (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SpStore) store = replica_new (&dir);
  g_autoptr(SpCase) kase = sp_test_case_new ("Registreras offline", NULL);
  g_autoptr(SpCase) remote = NULL;
  g_autoptr(SpCaseEvent) server_event = sp_case_event_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_store_create_case (store, kase, &me, &error));
  remote = server_copy (kase, 3);
  g_assert_true (sp_store_apply_remote (store, SP_ENTITY (remote), &error));

  /* Registered offline: no number until the server gives one. */
  g_assert_true (sp_store_transition_case (store, kase, SP_STATUS_REGISTERED, &me, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kase->status, ==, SP_STATUS_REGISTERED);
  g_assert_null (kase->diary_number);
  g_assert_true (sp_store_transition_case (store, kase, SP_STATUS_ASSIGNED, &me, &error));

  entries = outbox (store);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_true (g_str_has_prefix (((SpOutboxEntry *)entries->pdata[0])->field, "@transition:"));
  g_assert_cmpstr (((SpOutboxEntry *)entries->pdata[0])->value, ==, "\"registered\"");
  g_assert_cmpstr (((SpOutboxEntry *)entries->pdata[1])->value, ==, "\"assigned\"");

  /* Local history is provisional until the server's arrives. */
  events = sp_store_get_case_events (store, SP_ENTITY (kase)->id, NULL);
  g_assert_cmpuint (events->len, >, 0);
  for (guint i = 0; i < events->len; i++)
    g_assert_cmpint (SP_ENTITY (events->pdata[i])->rev, ==, 0);
  g_clear_pointer (&events, g_ptr_array_unref);

  sp_entity_ensure_id (SP_ENTITY (server_event));
  SP_ENTITY (server_event)->rev = 9;
  server_event->case_id = g_strdup (SP_ENTITY (kase)->id);
  server_event->at = sp_timestamp_now ();
  server_event->kind = SP_EVENT_REGISTERED;
  g_assert_true (sp_store_apply_remote (store, SP_ENTITY (server_event), &error));
  events = sp_store_get_case_events (store, SP_ENTITY (kase)->id, NULL);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (SP_ENTITY (events->pdata[0])->rev, ==, 9);

  /* A case the user may no longer see goes, with all that hangs on it. */
  g_assert_true (sp_store_forget (store, SP_TYPE_CASE, SP_ENTITY (kase)->id, &error));
  g_assert_no_error (error);
  g_assert_null (sp_store_get_case (store, SP_ENTITY (kase)->id, NULL));
  g_clear_pointer (&events, g_ptr_array_unref);
  events = sp_store_get_case_events (store, SP_ENTITY (kase)->id, NULL);
  g_assert_cmpuint (events->len, ==, 0);
  g_assert_cmpint (sp_store_outbox_count (store), ==, 0);

  sp_test_remove_dir (dir);
}

static void
test_conflicts (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SpStore) store = replica_new (&dir);
  g_autoptr(SpCase) kase = sp_test_case_new ("Lokal", NULL);
  g_autoptr(SpCase) remote = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  SpConflict conflict = { (char *)"case", NULL, (char *)"subject", (char *)"\"Lokal\"",
                          (char *)"\"Från servern\"", 12 };

  g_assert_true (sp_store_create_case (store, kase, &me, &error));
  remote = server_copy (kase, 3);
  g_assert_true (sp_store_apply_remote (store, SP_ENTITY (remote), &error));

  conflict.record_id = SP_ENTITY (kase)->id;
  g_assert_true (sp_store_add_conflict (store, &conflict, &error));
  conflicts = sp_store_list_conflicts (store, SP_ENTITY (kase)->id, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = sp_store_list_conflicts (store, "another", &error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* The user keeps their own value: it goes out on the server's revision. */
  g_assert_true (sp_store_resolve_conflict (store, &conflict, "\"Lokal\"", &me, &error));
  g_assert_no_error (error);
  conflicts = sp_store_list_conflicts (store, NULL, &error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  entries = outbox (store);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpint (((SpOutboxEntry *)entries->pdata[0])->base_rev, ==, 12);
  g_assert_cmpstr (((SpOutboxEntry *)entries->pdata[0])->value, ==, "\"Lokal\"");

  /* A bad choice is refused and the conflict stays. */
  g_assert_true (sp_store_add_conflict (store, &conflict, &error));
  g_assert_false (sp_store_resolve_conflict (store, &conflict, "42", &me, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = sp_store_list_conflicts (store, NULL, NULL);
  g_assert_cmpuint (conflicts->len, ==, 1);

  sp_test_remove_dir (dir);
}

static void
test_type_names (void)
{
  g_assert_true (sp_entity_type_from_name ("case") == SP_TYPE_CASE);
  g_assert_true (sp_entity_type_from_name ("planned_action") == SP_TYPE_PLANNED_ACTION);
  g_assert_true (sp_entity_type_from_name ("cases") == G_TYPE_INVALID);
  g_assert_true (sp_entity_type_from_name (NULL) == G_TYPE_INVALID);
}

/* The schema's indexes and triggers, as SQL, in order. */
static char *
schema_text (SpStore *store)
{
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt = sp_store_prepare (store, "SELECT sql FROM sqlite_master"
                                         " WHERE type IN ('index', 'trigger') AND sql IS NOT NULL"
                                         " ORDER BY name", NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s;\n", sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
checkpoint_pages (SpStore *store)
{
  sqlite3_stmt *stmt = sp_store_prepare (store, "PRAGMA wal_autocheckpoint", NULL);
  int pages;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pages = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return pages;
}

static void
test_bulk_load (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *during = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(SpInvestigation) investigation = sp_investigation_new ();
  g_autoptr(GError) error = NULL;
  SpCaseQuery query;

  g_assert_true (sp_demo_populate (store, 50, 3, &error));
  g_assert_no_error (error);
  before = schema_text (store);
  g_assert_false (sp_store_in_bulk (store));
  g_assert_true (sp_store_bulk_end (store, &error));   /* nothing to do */
  g_assert_no_error (error);

  g_assert_true (sp_store_bulk_begin (store, &error));
  g_assert_no_error (error);
  g_assert_true (sp_store_in_bulk (store));
  g_assert_cmpint (checkpoint_pages (store), ==, 10000);
  during = schema_text (store);
  g_assert_null (strstr (during, "CREATE INDEX cases_received"));
  g_assert_null (strstr (during, "CREATE INDEX case_events_case"));
  g_assert_null (strstr (during, "cases_fts_insert"));
  g_assert_nonnull (strstr (during, "CREATE UNIQUE INDEX investigations_case"));
  g_assert_nonnull (strstr (during, "CREATE UNIQUE INDEX outbox_field"));
  g_assert_nonnull (strstr (during, "CREATE INDEX case_events_rev"));

  /* Loaded meanwhile: there, but not yet searchable. */
  kase = sp_test_case_new ("Trasig gungställning i parken", NULL);
  g_assert_true (sp_store_save (store, SP_ENTITY (kase), SP_SAVE_KEEP_REV, NULL, &error));
  g_assert_no_error (error);
  investigation->case_id = g_strdup (SP_ENTITY (kase)->id);
  investigation->facts = g_strdup ("Fallskyddet saknades helt");
  g_assert_true (sp_store_save (store, SP_ENTITY (investigation), SP_SAVE_KEEP_REV, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_test_count_found (store, "gungställning"), ==, 0);
  g_assert_cmpint (sp_test_count_found (store, "en"), ==, 0);

  /* Enough cases that the full-text index is filled in several steps. */
  g_assert_true (sp_store_begin (store, NULL));
  for (guint i = 0; i < 10050; i++)
    {
      g_autofree char *subject = g_strdup_printf ("Provärende y%uy", i);
      g_autoptr(SpCase) more = sp_test_case_new (subject, NULL);

      g_assert_true (sp_store_save (store, SP_ENTITY (more), SP_SAVE_KEEP_REV, NULL, &error));
    }
  g_assert_true (sp_store_commit (store, &error));
  sp_case_query_init (&query);
  g_assert_cmpint (sp_store_count_cases (store, &query, NULL), ==, 50 + 1 + 10050);

  /* A load cut short, even while its indexes were being built: the store
   * opened again still knows, and goes on. */
  for (guint i = 0; i < 3; i++)
    {
      gboolean done;

      g_assert_true (sp_store_bulk_end_step (store, &done, &error));
      g_assert_no_error (error);
      g_assert_false (done);
    }
  path = g_strdup (sp_store_get_path (store));
  g_clear_object (&store);
  store = sp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sp_store_in_bulk (store));

  g_assert_true (sp_store_bulk_end (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_test_count_found (store, "y0y"), ==, 1);
  g_assert_cmpint (sp_test_count_found (store, "y9999y"), ==, 1);
  g_assert_cmpint (sp_test_count_found (store, "y10049y"), ==, 1);
  g_assert_cmpint (sp_test_count_found (store, "provärende"), ==, 10050);
  g_assert_cmpint (checkpoint_pages (store), ==, 1000);
  g_assert_false (sp_store_in_bulk (store));
  after = schema_text (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (sp_test_count_found (store, "gungställning"), ==, 1);
  g_assert_cmpint (sp_test_count_found (store, "fallskyddet"), ==, 1);

  /* The index built again answers like the one kept up to date. */
  g_assert_cmpint (sp_test_count_found (store, "en"), >, 0);
  {
    sqlite3_stmt *stmt = sp_store_prepare (store, "PRAGMA integrity_check", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_reset (stmt);
  }

  g_clear_object (&store);
  sp_test_remove_dir (dir);
}

/* Cases saved by the app while a bulk load ends, step by step: each is
 * found once, whether the index trigger or the filling put it there. */
static void
test_bulk_end_with_writers (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  guint n = 0;

  g_assert_true (sp_store_bulk_begin (store, &error));
  g_assert_no_error (error);
  while (!done)
    {
      g_autofree char *subject = g_strdup_printf ("Skrivare z%uz", n++);
      g_autoptr(SpCase) kase = sp_test_case_new (subject, NULL);

      g_assert_true (sp_store_save (store, SP_ENTITY (kase), SP_SAVE_KEEP_REV, NULL, &error));
      g_assert_true (sp_store_bulk_end_step (store, &done, &error));
      g_assert_no_error (error);
    }

  g_assert_false (sp_store_in_bulk (store));
  g_assert_cmpuint (n, >, 3);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *word = g_strdup_printf ("z%uz", i);

      g_assert_cmpint (sp_test_count_found (store, word), ==, 1);
    }
  g_assert_cmpint (sp_test_count_found (store, "skrivare"), ==, n);

  g_clear_object (&store);
  sp_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/replica/outbox", test_outbox);
  g_test_add_func ("/replica/transition-and-events", test_transition_and_events);
  g_test_add_func ("/replica/conflicts", test_conflicts);
  g_test_add_func ("/replica/type-names", test_type_names);
  g_test_add_func ("/replica/bulk-load", test_bulk_load);
  g_test_add_func ("/replica/bulk-end-with-writers", test_bulk_end_with_writers);

  return g_test_run ();
}
