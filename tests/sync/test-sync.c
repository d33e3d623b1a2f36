/* test-sync.c: the real server and headless replicas, kept in step by the
 * sync engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <signal.h>

#include "sp-sync-engine.h"
#include "sp-sync-private.h"
#include "sp-test-replica.h"

static gint64
count_server_cases (SpTestServer *server,
                    const char   *token)
{
  g_autoptr(SpTestResponse) response = sp_test_json (server, "GET", "/api/v1/cases?limit=1", token, NULL);

  sp_test_assert_status (response, 200);
  return sp_test_get_int (response, "total");
}

static void
test_merge_and_converge (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autofree char *unit = g_strdup_printf ("\"unit_id\":\"%s\"", org->unit_a);
  g_autofree char *id = sp_test_create_case (server, org->staff_a, unit);
  g_autoptr(SpTestReplica) a = sp_test_replica_new (server, org->manager_a);
  g_autoptr(SpTestReplica) b = sp_test_replica_new (server, org->manager_a);
  g_autofree char *subject = NULL;
  g_autofree char *description = NULL;
  g_autoptr(SpCase) ka = NULL;
  g_autoptr(SpCase) kb = NULL;

  sp_test_replica_assert_synced (a);
  sp_test_replica_assert_synced (b);
  g_assert_cmpint (sp_sync_engine_get_state (a->engine), ==, SP_SYNC_STATE_SYNCED);
  ka = sp_store_get_case (a->store, id, NULL);
  g_assert_nonnull (ka);
  g_assert_cmpstr (ka->subject, ==, "Maten var kall");
  g_clear_object (&ka);

  /* Offline, each edits a different field. */
  sp_test_replica_edit (a, id, "subject", "Maten var kall på Solgården");
  sp_test_replica_edit (b, id, "description", "Tre dagar i rad, även i helgen.");
  g_assert_cmpint (sp_store_outbox_count (a->store), ==, 1);

  sp_test_replica_assert_synced (a);
  sp_test_replica_assert_synced (b);
  sp_test_replica_assert_synced (a);
  g_assert_cmpint (sp_sync_engine_get_pending (a->engine), ==, 0);
  g_assert_cmpint (sp_sync_engine_get_pending (b->engine), ==, 0);
  g_assert_cmpuint (sp_sync_engine_get_n_conflicts (b->engine), ==, 0);

  subject = sp_test_server_case_field (server, org->manager_a, id, "subject");
  description = sp_test_server_case_field (server, org->manager_a, id, "description");
  g_assert_cmpstr (subject, ==, "Maten var kall på Solgården");
  g_assert_cmpstr (description, ==, "Tre dagar i rad, även i helgen.");

  ka = sp_store_get_case (a->store, id, NULL);
  kb = sp_store_get_case (b->store, id, NULL);
  g_assert_cmpstr (ka->subject, ==, subject);
  g_assert_cmpstr (kb->subject, ==, subject);
  g_assert_cmpstr (ka->description, ==, description);
  g_assert_cmpstr (kb->description, ==, description);
  g_assert_cmpint (SP_ENTITY (ka)->rev, ==, SP_ENTITY (kb)->rev);
}

static void
test_conflict (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autofree char *unit = g_strdup_printf ("\"unit_id\":\"%s\"", org->unit_a);
  g_autofree char *id = sp_test_create_case (server, org->staff_a, unit);
  g_autoptr(SpTestReplica) a = sp_test_replica_new (server, org->manager_a);
  g_autoptr(SpTestReplica) b = sp_test_replica_new (server, org->manager_a);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(SpCase) kb = NULL;
  g_autoptr(SpCase) ka = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  static const SpActor me = { "local", "Local", SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) };
  SpConflict *conflict;

  sp_test_replica_assert_synced (a);
  sp_test_replica_assert_synced (b);
  sp_test_replica_edit (a, id, "subject", "A:s rubrik");
  sp_test_replica_edit (b, id, "subject", "B:s rubrik");
  sp_test_replica_assert_synced (a);
  sp_test_replica_assert_synced (b);

  /* B sees the conflict, with both values; A does not. */
  g_assert_cmpuint (sp_sync_engine_get_n_conflicts (b->engine), ==, 1);
  g_assert_cmpuint (sp_sync_engine_get_n_conflicts (a->engine), ==, 0);
  conflicts = sp_store_list_conflicts (b->store, id, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = conflicts->pdata[0];
  g_assert_cmpstr (conflict->field, ==, "subject");
  g_assert_cmpstr (conflict->local_value, ==, "\"B:s rubrik\"");
  g_assert_cmpstr (conflict->server_value, ==, "\"A:s rubrik\"");
  kb = sp_store_get_case (b->store, id, NULL);
  g_assert_cmpstr (kb->subject, ==, "A:s rubrik");
  g_clear_object (&kb);

  /* B keeps its own: it is pushed once, and both end up with it. */
  g_assert_true (sp_store_resolve_conflict (b->store, conflict, conflict->local_value, &me, &error));
  g_assert_no_error (error);
  sp_test_replica_assert_synced (b);
  g_assert_cmpuint (sp_sync_engine_get_n_conflicts (b->engine), ==, 0);
  sp_test_replica_assert_synced (a);
  g_assert_cmpuint (sp_sync_engine_get_n_conflicts (a->engine), ==, 0);

  subject = sp_test_server_case_field (server, org->manager_a, id, "subject");
  g_assert_cmpstr (subject, ==, "B:s rubrik");
  ka = sp_store_get_case (a->store, id, NULL);
  kb = sp_store_get_case (b->store, id, NULL);
  g_assert_cmpstr (ka->subject, ==, "B:s rubrik");
  g_assert_cmpstr (kb->subject, ==, "B:s rubrik");
}

static SpCase *
new_local_case (SpTestReplica    *r,
                const char *subject,
                const char *unit_id)
{
  static const SpActor me = { "local", "Local",
                              SP_ROLE_BIT (SP_ROLE_REGISTRAR) | SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) };
  g_autoptr(GError) error = NULL;
  SpCase *kase = sp_case_new ();

  kase->kind = SP_CASE_KIND_COMPLAINT;
  kase->channel = SP_CHANNEL_LETTER;
  kase->received_on = sp_date_new (2026, 11, 2);
  kase->subject = g_strdup (subject);
  kase->sender_name = g_strdup ("Åsa Öberg");
  kase->sender_email = g_strdup ("asa@example.se");
  kase->sender_wants_feedback = TRUE;
  kase->unit_id = g_strdup (unit_id);
  g_assert_true (sp_store_create_case (r->store, kase, &me, &error));
  g_assert_no_error (error);
  return kase;
}

static void
test_offline_create_and_register (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autoptr(SpTestReplica) r = sp_test_replica_new (server, org->registrar);
  static const SpActor me = { "local", "Local", SP_ROLE_BIT (SP_ROLE_REGISTRAR) };
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(SpCase) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;

  sp_test_replica_assert_synced (r);
  kase = new_local_case (r, "Skapad offline", org->unit_a);
  g_assert_true (sp_store_transition_case (r->store, kase, SP_STATUS_REGISTERED, &me, &error));
  g_assert_no_error (error);
  /* Waiting for a number until synced. */
  g_assert_null (kase->diary_number);
  g_assert_cmpint (sp_store_outbox_count (r->store), ==, 2);

  sp_test_replica_assert_synced (r);
  g_assert_cmpint (sp_sync_engine_get_pending (r->engine), ==, 0);
  back = sp_store_get_case (r->store, SP_ENTITY (kase)->id, NULL);
  g_assert_nonnull (back->diary_number);
  g_assert_cmpint (back->status, ==, SP_STATUS_REGISTERED);
  g_assert_cmpint (SP_ENTITY (back)->rev, >, 0);
  number = sp_test_server_case_field (server, org->registrar, SP_ENTITY (kase)->id, "diary_number");
  g_assert_cmpstr (number, ==, back->diary_number);
  g_assert_cmpstr (back->sender_name, ==, "Åsa Öberg");
}

static void
test_lost_answer_is_idempotent (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autoptr(SpTestReplica) r = sp_test_replica_new (server, org->registrar);
  g_autoptr(SpPushStep) step = NULL;
  g_autoptr(SpTestResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  sp_test_replica_assert_synced (r);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *subject = g_strdup_printf ("Ärende %u", i);
      g_autoptr(SpCase) kase = new_local_case (r, subject, org->unit_a);
    }

  /* The batch reaches the server, but its answer is lost on the way. */
  step = _sp_sync_next_push (r->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (step->kind, ==, SP_PUSH_BATCH);
  body = sp_json_to_string (step->body, FALSE);
  response = sp_test_json (server, "POST", "/api/v1/changes", org->registrar, body);
  sp_test_assert_status (response, 200);
  g_assert_cmpint (count_server_cases (server, org->registrar), ==, 5);

  /* The engine sends the same batch again and gets the same answer. */
  sp_test_replica_assert_synced (r);
  g_assert_cmpint (count_server_cases (server, org->registrar), ==, 5);
  g_assert_cmpint (sp_sync_engine_get_pending (r->engine), ==, 0);
  g_assert_cmpuint (sp_sync_engine_get_n_conflicts (r->engine), ==, 0);
}

typedef struct
{
  SpTestServer *server;
  gboolean      killed;
} Killer;

static void
kill_on_first_change (SpSyncEngine *engine,
                      Killer       *killer)
{
  if (killer->killed)
    return;
  killer->killed = TRUE;
  sp_test_server_kill9 (killer->server);
}

static void
test_server_killed_mid_sync (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autoptr(SpTestReplica) r = sp_test_replica_new (server, org->registrar);
  g_autoptr(GError) error = NULL;
  g_autofree char *listen = NULL;
  const char *port;
  Killer killer = { server, FALSE };
  gulong handler;

  sp_test_replica_assert_synced (r);
  g_assert_true (sp_store_begin (r->store, NULL));
  for (guint i = 0; i < 450; i++)
    {
      g_autofree char *subject = g_strdup_printf ("Klagomål nummer %u", i);
      g_autoptr(SpCase) kase = new_local_case (r, subject, org->unit_b);
    }
  g_assert_true (sp_store_commit (r->store, NULL));

  /* The first batch is stored on both sides; then the server dies. */
  handler = g_signal_connect (r->engine, "changed", G_CALLBACK (kill_on_first_change), &killer);
  g_assert_false (sp_test_replica_sync (r, &error));
  g_assert_error (error, SP_SYNC_ERROR, SP_SYNC_ERROR_UNREACHABLE);
  g_clear_error (&error);
  g_signal_handler_disconnect (r->engine, handler);
  g_assert_true (killer.killed);
  g_assert_cmpint (sp_sync_engine_get_state (r->engine), ==, SP_SYNC_STATE_OFFLINE);
  g_assert_cmpint (sp_sync_engine_get_pending (r->engine), >, 0);
  g_assert_cmpint (sp_sync_engine_get_pending (r->engine), <, 450);

  /* Back on the same address: the rest goes, nothing twice. */
  port = strrchr (server->base, ':') + 1;
  listen = g_strdup_printf ("127.0.0.1:%s", port);
  sp_test_server_start (server, (const char * const[]) { "--listen", listen, NULL });
  sp_test_replica_assert_synced (r);
  g_assert_cmpint (sp_sync_engine_get_pending (r->engine), ==, 0);
  g_assert_cmpint (count_server_cases (server, org->registrar), ==, 450);
  {
    SpCaseQuery q;

    sp_case_query_init (&q);
    g_assert_cmpint (sp_store_count_cases (r->store, &q, NULL), ==, 450);
  }
}

static void
test_expired_session (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autoptr(SpTestReplica) r = sp_test_replica_new (server, org->registrar);
  g_autoptr(SpTestResponse) logout = NULL;
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  sp_test_replica_assert_synced (r);
  logout = sp_test_json (server, "DELETE", "/api/v1/session", org->registrar, NULL);
  g_assert_cmpuint (logout->status, <, 300);

  kase = new_local_case (r, "Skriven efter utloggning", org->unit_a);
  g_assert_false (sp_test_replica_sync (r, &error));
  g_assert_error (error, SP_SYNC_ERROR, SP_SYNC_ERROR_AUTH);
  g_assert_cmpint (sp_sync_engine_get_state (r->engine), ==, SP_SYNC_STATE_AUTH_REQUIRED);
  /* Nothing is lost while the user logs in again. */
  g_assert_cmpint (sp_store_outbox_count (r->store), ==, 1);

  token = sp_test_login (server, "registrar", SP_TEST_PASSWORD);
  sp_sync_client_set_token (r->client, token);
  sp_test_replica_assert_synced (r);
  g_assert_cmpint (sp_store_outbox_count (r->store), ==, 0);
  g_assert_cmpint (count_server_cases (server, token), ==, 1);
}

static void
test_first_connection (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autoptr(SpTestReplica) r = sp_test_replica_new (server, org->registrar);
  g_autoptr(SpUnit) known = sp_unit_new ();
  g_autoptr(SpUnit) unknown = sp_unit_new ();
  g_autoptr(SpCase) a = NULL;
  g_autoptr(SpCase) b = NULL;
  g_autoptr(SpCase) back = NULL;
  g_autoptr(GError) error = NULL;
  static const SpActor me = { "local", "Local",
                              SP_ROLE_BIT (SP_ROLE_REGISTRAR) | SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) };
  GPtrArray *unmapped;

  /* Made on this computer alone: a unit with the server's name, one not. */
  g_assert_false (sp_store_is_replica (r->store));
  known->name = g_strdup ("solgårdens äldreboende");
  unknown->name = g_strdup ("Gamla enheten");
  g_assert_true (sp_store_save (r->store, SP_ENTITY (known), 0, NULL, NULL));
  g_assert_true (sp_store_save (r->store, SP_ENTITY (unknown), 0, NULL, NULL));
  a = new_local_case (r, "Lokalt ärende", SP_ENTITY (known)->id);
  b = new_local_case (r, "Lokalt ärende två", SP_ENTITY (unknown)->id);
  g_assert_true (sp_store_transition_case (r->store, b, SP_STATUS_REGISTERED, &me, &error));
  g_assert_nonnull (b->diary_number);

  /* The user is asked about the unit with no match; nothing moves yet. */
  g_assert_false (sp_test_replica_sync (r, &error));
  g_assert_error (error, SP_SYNC_ERROR, SP_SYNC_ERROR_MAPPING_NEEDED);
  g_clear_error (&error);
  unmapped = sp_sync_engine_get_unmapped_units (r->engine);
  g_assert_cmpuint (unmapped->len, ==, 1);
  g_assert_cmpstr (SP_UNIT (unmapped->pdata[0])->name, ==, "Gamla enheten");
  g_assert_nonnull (sp_sync_engine_get_server_units (r->engine));
  g_assert_cmpint (count_server_cases (server, org->registrar), ==, 0);

  sp_sync_engine_map_unit (r->engine, SP_ENTITY (unknown)->id, org->unit_c);
  sp_test_replica_assert_synced (r);
  g_assert_true (sp_store_is_replica (r->store));
  g_assert_cmpint (count_server_cases (server, org->registrar), ==, 2);
  g_assert_cmpint (sp_sync_engine_get_pending (r->engine), ==, 0);

  back = sp_store_get_case (r->store, SP_ENTITY (a)->id, NULL);
  g_assert_cmpstr (back->unit_id, ==, org->unit_a);
  g_clear_object (&back);
  back = sp_store_get_case (r->store, SP_ENTITY (b)->id, NULL);
  g_assert_cmpstr (back->unit_id, ==, org->unit_c);
  g_assert_cmpint (back->status, ==, SP_STATUS_REGISTERED);
  /* The diary number is now the server's. */
  g_assert_nonnull (back->diary_number);
  {
    g_autofree char *number = sp_test_server_case_field (server, org->registrar, SP_ENTITY (b)->id, "diary_number");
    g_assert_cmpstr (number, ==, back->diary_number);
  }
  /* The organisation is the server's now. */
  g_clear_object (&known);
  known = sp_store_load (r->store, SP_TYPE_UNIT, org->unit_a, &error);
  g_assert_no_error (error);
  g_assert_null (sp_store_load (r->store, SP_TYPE_UNIT, SP_ENTITY (unknown)->id, NULL));
}

static void
test_out_of_sight (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autofree char *unit = g_strdup_printf ("\"unit_id\":\"%s\"", org->unit_a);
  g_autofree char *id = sp_test_create_case (server, org->staff_a, unit);
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s", id);
  g_autoptr(SpTestReplica) r = sp_test_replica_new (server, org->manager_a);
  g_autoptr(SpTestResponse) move = NULL;
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(GPtrArray) events = NULL;

  sp_test_replica_assert_synced (r);
  kase = sp_store_get_case (r->store, id, NULL);
  g_assert_nonnull (kase);

  /* The registrar moves the case to another unit's manager. */
  move = sp_test_jsonf (server, "PATCH", path, org->registrar,
                        "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"unit_id\":\"%s\"}}",
                        SP_ENTITY (kase)->rev, org->unit_b);
  sp_test_assert_status (move, 200);

  sp_test_replica_assert_synced (r);
  g_clear_object (&kase);
  kase = sp_store_get_case (r->store, id, NULL);
  g_assert_null (kase);
  events = sp_store_get_case_events (r->store, id, NULL);
  g_assert_cmpuint (events->len, ==, 0);
}

static void
test_self_signed_certificate (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autofree char *cert = g_test_build_filename (G_TEST_DIST, "data", "self-signed.crt", NULL);
  g_autofree char *key = g_test_build_filename (G_TEST_DIST, "data", "self-signed.key", NULL);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GByteArray) der = NULL;
  g_autoptr(SpTestReplica) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;

  sp_test_server_stop (server);
  sp_test_server_start (server, (const char * const[]) { "--tls-cert", cert, "--tls-key", key, NULL });
  g_assert_true (g_str_has_prefix (server->base, "https://"));

  certificate = g_tls_certificate_new_from_file (cert, &error);
  g_assert_no_error (error);
  g_object_get (certificate, "certificate", &der, NULL);
  fingerprint = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);

  /* Refused by default, and the fingerprint is there to show the user. */
  r = sp_test_replica_new (server, org->registrar);
  g_assert_false (sp_test_replica_sync (r, &error));
  g_assert_error (error, SP_SYNC_ERROR, SP_SYNC_ERROR_CERTIFICATE);
  g_clear_error (&error);
  g_assert_cmpstr (sp_sync_client_get_refused_certificate (r->client), ==, fingerprint);

  /* Trusting another certificate does not let this one through. */
  sp_sync_client_set_trusted_certificate (r->client,
                                          "0000000000000000000000000000000000000000000000000000000000000000");
  g_assert_false (sp_test_replica_sync (r, &error));
  g_assert_error (error, SP_SYNC_ERROR, SP_SYNC_ERROR_CERTIFICATE);
  g_clear_error (&error);

  /* Trusted explicitly: it syncs. */
  sp_sync_client_set_trusted_certificate (r->client, fingerprint);
  sp_test_replica_assert_synced (r);
}

static void
on_loading (SpSyncEngine *engine,
            GParamSpec   *pspec,
            gpointer      user_data)
{
  if (sp_sync_engine_get_loading (engine))
    *(gboolean *) user_data = TRUE;
}

/* A first sync big enough to load in bulk, through the real engine: it
 * says so while it loads, and the replica ends with its indexes, the full
 * text index and every case the server has. */
static void
test_first_sync_in_bulk (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new_demo (12000);
  g_autofree char *token = sp_test_login (server, "bench", SP_TEST_PASSWORD);
  g_autoptr(SpTestReplica) r = sp_test_replica_new (server, token);
  g_autoptr(SpStore) server_store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_loading = FALSE;
  SpCaseQuery query;
  sqlite3_stmt *stmt;

  g_signal_connect (r->engine, "notify::loading", G_CALLBACK (on_loading), &was_loading);
  sp_test_replica_assert_synced (r);

  g_assert_true (was_loading);
  g_assert_false (sp_sync_engine_get_loading (r->engine));
  g_assert_false (sp_store_in_bulk (r->store));
  sp_case_query_init (&query);
  g_assert_cmpint (sp_store_count_cases (r->store, &query, NULL), ==, 12000);

  /* The indexes are back, and search finds what came. */
  stmt = sp_store_prepare (r->store, "SELECT count(*) FROM sqlite_master WHERE name IN"
                           " ('cases_received', 'case_events_case', 'cases_fts_insert')", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 3);
  sqlite3_reset (stmt);
  query.text = "förskolan";
  g_assert_cmpint (sp_store_count_cases (r->store, &query, NULL), >, 0);

  /* As many records of history as the server has. */
  sp_test_server_stop (server);
  server_store = sp_store_open (server->db, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) here = sp_store_load_where (r->store, SP_TYPE_CASE_EVENT, NULL, NULL, &error);
    g_autoptr(GPtrArray) there = sp_store_load_where (server_store, SP_TYPE_CASE_EVENT, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (here->len, ==, there->len);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  signal (SIGPIPE, SIG_IGN);

  g_test_add_func ("/sync/merge-and-converge", test_merge_and_converge);
  g_test_add_func ("/sync/conflict", test_conflict);
  g_test_add_func ("/sync/offline-create-and-register", test_offline_create_and_register);
  g_test_add_func ("/sync/lost-answer-is-idempotent", test_lost_answer_is_idempotent);
  g_test_add_func ("/sync/server-killed-mid-sync", test_server_killed_mid_sync);
  g_test_add_func ("/sync/expired-session", test_expired_session);
  g_test_add_func ("/sync/first-connection", test_first_connection);
  g_test_add_func ("/sync/out-of-sight", test_out_of_sight);
  g_test_add_func ("/sync/self-signed-certificate", test_self_signed_certificate);
  g_test_add_func ("/sync/first-sync-in-bulk", test_first_sync_in_bulk);

  return g_test_run ();
}
