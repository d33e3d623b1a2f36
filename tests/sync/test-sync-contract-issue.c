/* test-sync-contract-issue.c: a contract issue opened and moved offline
 * in procurement's replica reaches the server, with the server's history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-replica.h"

static const SpActor buyer = { "local", "Petra Upphandlare", SP_ROLE_BIT (SP_ROLE_PROCUREMENT) };

static void
test_offline_issue_reaches_the_server (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autoptr(SpTestResponse) provider = NULL;
  g_autoptr(SpTestReplica) r = NULL;
  g_autoptr(SpContractIssue) issue = sp_contract_issue_new ();
  g_autoptr(SpContractIssue) local = NULL;
  g_autoptr(SpTestResponse) got = NULL;
  g_autoptr(SpTestResponse) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *extra = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *url = NULL;
  g_autofree char *events_url = NULL;
  SpDate today = sp_date_today_in_organisation ();

  provider = sp_test_json (server, "POST", "/api/v1/providers", org->procurement,
                           "{\"name\":\"Städbolaget Glans AB\",\"org_number\":\"2120000142\","
                           "\"contract_form\":\"contracted_operation\"}");
  sp_test_assert_status (provider, 201);
  extra = g_strdup_printf ("\"unit_id\":\"%s\",\"concerns\":\"provider\",\"provider_id\":\"%s\","
                           "\"contract_breach\":true", org->unit_a, sp_test_get_string (provider, "id"));
  case_id = sp_test_create_case (server, org->registrar, extra);

  r = sp_test_replica_new (server, org->procurement);
  sp_test_replica_assert_synced (r);

  /* Offline: opened, then the request for correction. */
  issue->case_id = g_strdup (case_id);
  issue->breach = g_strdup ("Städning har uteblivit två veckor.");
  g_assert_true (sp_store_save_contract_issue (r->store, issue, SP_SAVE_DEFAULT, &buyer, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (issue->routed_to, ==, SP_ROUTE_PROCUREMENT);
  local = sp_store_load (r->store, SP_TYPE_CONTRACT_ISSUE, SP_ENTITY (issue)->id, &error);
  local->status = SP_CONTRACT_ISSUE_CORRECTION_REQUESTED;
  local->correction_requested_on = today;
  local->correction_due_on = today + 10;
  local->correction_request = g_strdup ("Vi begär rättelse senast inom tio dagar.");
  g_assert_true (sp_store_save_contract_issue (r->store, local, SP_SAVE_DEFAULT, &buyer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_store_outbox_count (r->store), >, 0);

  sp_test_replica_assert_synced (r);
  g_assert_cmpint (sp_store_outbox_count (r->store), ==, 0);

  url = g_strconcat ("/api/v1/contract-issues/", SP_ENTITY (issue)->id, NULL);
  got = sp_test_json (server, "GET", url, org->manager_a, NULL);
  sp_test_assert_status (got, 200);
  g_assert_cmpstr (sp_test_get_string (got, "status"), ==, "correction_requested");
  g_assert_cmpstr (sp_test_get_string (got, "breach"), ==, "Städning har uteblivit två veckor.");
  g_assert_cmpstr (sp_test_get_string (got, "routed_to"), ==, "procurement");

  events_url = g_strconcat (url, "/events", NULL);
  events = sp_test_json (server, "GET", events_url, org->procurement, NULL);
  sp_test_assert_status (events, 200);
  g_assert_nonnull (strstr (g_bytes_get_data (events->body, NULL), "\"correction_due_on\""));

  /* The replica holds the server's history, not its provisional one. */
  {
    g_autoptr(SpContractIssue) back = sp_store_load (r->store, SP_TYPE_CONTRACT_ISSUE,
                                                     SP_ENTITY (issue)->id, NULL);
    g_autoptr(GPtrArray) history = sp_store_get_contract_issue_events (r->store, back, NULL);

    g_assert_cmpint (SP_ENTITY (back)->rev, >, 0);
    g_assert_cmpuint (history->len, >, 0);
    for (guint i = 0; i < history->len; i++)
      g_assert_cmpint (SP_ENTITY (history->pdata[i])->rev, >, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/contract-issue/offline", test_offline_issue_reaches_the_server);

  return g_test_run ();
}
