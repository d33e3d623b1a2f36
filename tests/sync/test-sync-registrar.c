/* test-sync-registrar.c: a secrecy marking made on a replica reaches the
 * server; what the server's retention run erased is erased on a synced
 * replica too
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-replica.h"

static const SpActor registrar = { "local", "Rita Registrator", SP_ROLE_BIT (SP_ROLE_REGISTRAR) };

static char *
registered_case (SpTestServer *server,
                 SpTestOrg    *org)
{
  char *id = sp_test_create_case (server, org->registrar,
                                  "\"sender\":{\"name\":\"Åsa Öberg\",\"email\":\"asa@example.se\","
                                  "\"wants_feedback\":true}");
  g_autofree char *url = g_strconcat ("/api/v1/cases/", id, "/transition", NULL);
  g_autoptr(SpTestResponse) moved = sp_test_json (server, "POST", url, org->registrar,
                                                  "{\"to\":\"registered\"}");

  sp_test_assert_status (moved, 200);
  return id;
}

static void
test_marking_and_retention (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autofree char *case_id = registered_case (server, org);
  g_autoptr(SpTestReplica) r = sp_test_replica_new (server, org->registrar);
  g_autoptr(SpSecrecyMarking) marking = sp_secrecy_marking_new ();
  g_autoptr(SpTestResponse) markings = NULL;
  g_autoptr(SpCase) local = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s/secrecy-markings", case_id);
  g_autofree char *sql = NULL;
  g_autofree char *out = NULL;

  sp_test_replica_assert_synced (r);
  local = sp_store_get_case (r->store, case_id, &error);
  g_assert_cmpstr (local->sender_name, ==, "Åsa Öberg");
  g_clear_object (&local);

  /* Offline: the description is marked secret. */
  marking->case_id = g_strdup (case_id);
  marking->part = SP_SECRECY_PART_DESCRIPTION;
  marking->provision = g_strdup ("OSL 26 kap. 1 §");
  marking->reason = g_strdup ("Uppgifter om hälsa");
  marking->expires_on = sp_date_today () + 3650;
  g_assert_true (sp_store_save_secrecy_marking (r->store, marking, SP_SAVE_DEFAULT, &registrar, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_store_outbox_count (r->store), ==, 1);
  sp_test_replica_assert_synced (r);
  g_assert_cmpint (sp_store_outbox_count (r->store), ==, 0);

  markings = sp_test_json (server, "GET", path, org->registrar, NULL);
  sp_test_assert_status (markings, 200);
  g_assert_cmpint (sp_test_get_int (markings, "total"), ==, 1);
  g_assert_cmpstr (sp_test_get_string (markings, "items.0.provision"), ==, "OSL 26 kap. 1 §");

  /* Closed long ago; the server's retention run erases the contact details. */
  sql = g_strdup_printf ("UPDATE cases SET status = 'closed', closed_on = '2019-06-03' WHERE id = '%s';"
                         "INSERT OR REPLACE INTO settings (key, value) VALUES ('retention.contact_years', '2');",
                         case_id);
  sp_test_exec_sql (server->db, sql);
  g_assert_cmpint (sp_test_run (NULL, &out, NULL, (const char *[]) {
                     "retention", "run", "--db", server->db, NULL }), ==, 0);
  g_assert_nonnull (strstr (out, case_id));

  sp_test_replica_assert_synced (r);
  local = sp_store_get_case (r->store, case_id, &error);
  g_assert_no_error (error);
  g_assert_null (local->sender_name);
  g_assert_null (local->sender_email);
  g_assert_nonnull (local->diary_number);

  /* Nor anywhere in the replica's history of the case. */
  events = sp_store_get_case_events (r->store, case_id, &error);
  g_assert_nonnull (events);
  for (guint i = 0; i < events->len; i++)
    {
      SpCaseEvent *e = events->pdata[i];

      g_assert_null (e->old_value ? strstr (e->old_value, "asa@example.se") : NULL);
      g_assert_null (e->new_value ? strstr (e->new_value, "asa@example.se") : NULL);
    }
}

/* An account asked for and recorded offline reaches the server, and one
 * asked on the server reaches the replica. */
static void
test_account_request (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autofree char *case_id = registered_case (server, org);
  g_autoptr(SpTestReplica) r = sp_test_replica_new (server, org->registrar);
  g_autoptr(SpAccountRequest) request = sp_account_request_new ();
  g_autoptr(SpTestResponse) listed = NULL;
  g_autoptr(SpTestResponse) asked = NULL;
  g_autoptr(GPtrArray) local = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s/account-requests", case_id);
  g_autofree char *due = sp_date_to_string (sp_date_today () + 7);

  sp_test_replica_assert_synced (r);

  /* Offline: asked of another district, then recorded by phone. */
  request->case_id = g_strdup (case_id);
  request->source = SP_ACCOUNT_FROM_OTHER_DISTRICT;
  request->requested_from = g_strdup ("Östermalm, enhetschef försörjningsstöd");
  request->due_on = sp_date_today () + 10;
  g_assert_true (sp_store_save_account_request (r->store, request, SP_SAVE_DEFAULT, &registrar, &error));
  g_assert_no_error (error);
  request->received_on = sp_date_today ();
  request->received_method = SP_ACCOUNT_METHOD_PHONE;
  request->account = g_strdup ("Enhetschefen har ringt den klagande.");
  g_assert_true (sp_store_save_account_request (r->store, request, SP_SAVE_DEFAULT, &registrar, &error));
  g_assert_no_error (error);
  sp_test_replica_assert_synced (r);
  g_assert_cmpint (sp_store_outbox_count (r->store), ==, 0);

  listed = sp_test_json (server, "GET", path, org->registrar, NULL);
  sp_test_assert_status (listed, 200);
  g_assert_cmpint (sp_test_get_int (listed, "total"), ==, 1);
  g_assert_cmpstr (sp_test_get_string (listed, "items.0.requested_from"), ==,
                   "Östermalm, enhetschef försörjningsstöd");
  g_assert_cmpstr (sp_test_get_string (listed, "items.0.received_method"), ==, "phone");
  g_assert_cmpstr (sp_test_get_string (listed, "items.0.account"), ==, "Enhetschefen har ringt den klagande.");

  /* Asked on the server: the replica has it after a sync. */
  asked = sp_test_jsonf (server, "POST", path, org->registrar,
                         "{\"source\":\"other_district\",\"requested_from\":\"Kungsholmen\",\"due_on\":\"%s\"}",
                         due);
  sp_test_assert_status (asked, 201);
  sp_test_replica_assert_synced (r);
  local = sp_store_get_account_requests (r->store, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (local->len, ==, 2);
}

/* A case marked a duplicate on a replica is linked on the server too, and
 * a link made on the server reaches the replica. */
static void
test_case_link (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autofree char *original = registered_case (server, org);
  g_autofree char *duplicate = registered_case (server, org);
  g_autofree char *third = registered_case (server, org);
  g_autoptr(SpTestReplica) r = sp_test_replica_new (server, org->registrar);
  g_autoptr(SpCaseLink) link = sp_case_link_new ();
  g_autoptr(SpTestResponse) listed = NULL;
  g_autoptr(SpTestResponse) made = NULL;
  g_autoptr(GPtrArray) local = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s/links", original);
  g_autofree char *third_path = g_strdup_printf ("/api/v1/cases/%s/links", third);

  sp_test_replica_assert_synced (r);
  link->case_id = g_strdup (duplicate);
  link->other_case_id = g_strdup (original);
  link->kind = SP_CASE_LINK_DUPLICATE_OF;
  g_assert_true (sp_store_link_cases (r->store, link, SP_SAVE_DEFAULT, &registrar, &error));
  g_assert_no_error (error);
  sp_test_replica_assert_synced (r);
  g_assert_cmpint (sp_store_outbox_count (r->store), ==, 0);

  listed = sp_test_json (server, "GET", path, org->registrar, NULL);
  sp_test_assert_status (listed, 200);
  g_assert_cmpint (sp_test_get_int (listed, "total"), ==, 1);
  g_assert_cmpstr (sp_test_get_string (listed, "items.0.kind"), ==, "duplicate_of");
  g_assert_cmpstr (sp_test_get_string (listed, "items.0.direction"), ==, "to");

  made = sp_test_jsonf (server, "POST", third_path, org->registrar,
                        "{\"other_case_id\":\"%s\",\"kind\":\"same_sender\"}", original);
  sp_test_assert_status (made, 201);
  sp_test_replica_assert_synced (r);
  local = sp_store_get_case_links (r->store, original, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (local->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/registrar/marking-and-retention", test_marking_and_retention);
  g_test_add_func ("/sync/registrar/account-request", test_account_request);
  g_test_add_func ("/sync/registrar/case-link", test_case_link);

  return g_test_run ();
}
