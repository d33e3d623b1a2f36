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

/* A second case linked offline reaches the server, and so does its
 * removal; the replica ends with the server's history. */
static void
test_offline_link_reaches_the_server (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autoptr(SpTestResponse) provider = NULL;
  g_autoptr(SpTestResponse) opened = NULL;
  g_autoptr(SpTestResponse) cases = NULL;
  g_autoptr(SpTestResponse) after = NULL;
  g_autoptr(SpTestReplica) r = NULL;
  g_autoptr(SpContractIssueCase) link = sp_contract_issue_case_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *extra = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *url = NULL;

  provider = sp_test_json (server, "POST", "/api/v1/providers", org->procurement,
                           "{\"name\":\"Städbolaget Glans AB\",\"org_number\":\"2120000142\","
                           "\"contract_form\":\"contracted_operation\"}");
  sp_test_assert_status (provider, 201);
  extra = g_strdup_printf ("\"unit_id\":\"%s\",\"concerns\":\"provider\",\"provider_id\":\"%s\","
                           "\"contract_breach\":true", org->unit_a, sp_test_get_string (provider, "id"));
  first = sp_test_create_case (server, org->registrar, extra);
  second = sp_test_create_case (server, org->registrar, extra);
  opened = sp_test_jsonf (server, "POST", "/api/v1/contract-issues", org->procurement,
                          "{\"case_id\":\"%s\"}", first);
  sp_test_assert_status (opened, 201);

  r = sp_test_replica_new (server, org->procurement);
  sp_test_replica_assert_synced (r);

  link->contract_issue_id = g_strdup (sp_test_get_string (opened, "id"));
  link->case_id = g_strdup (second);
  g_assert_true (sp_store_save_contract_issue_case (r->store, link, SP_SAVE_DEFAULT, &buyer, &error));
  g_assert_no_error (error);
  sp_test_replica_assert_synced (r);
  g_assert_cmpint (sp_store_outbox_count (r->store), ==, 0);

  url = g_strdup_printf ("/api/v1/contract-issues/%s/cases", sp_test_get_string (opened, "id"));
  cases = sp_test_json (server, "GET", url, org->manager_a, NULL);
  sp_test_assert_status (cases, 200);
  g_assert_cmpint (sp_test_get_int (cases, "total"), ==, 2);
  g_assert_cmpstr (sp_test_get_string (cases, "items.1.case_id"), ==, second);

  /* Removed offline: the server takes the removal. */
  {
    g_autoptr(SpContractIssueCase) stored = sp_store_load (r->store, SP_TYPE_CONTRACT_ISSUE_CASE,
                                                           SP_ENTITY (link)->id, &error);

    g_assert_cmpint (SP_ENTITY (stored)->rev, >, 0);
    SP_ENTITY (stored)->deleted = TRUE;
    g_assert_true (sp_store_save_contract_issue_case (r->store, stored, SP_SAVE_DEFAULT, &buyer, &error));
    g_assert_no_error (error);
  }
  sp_test_replica_assert_synced (r);
  g_assert_cmpint (sp_store_outbox_count (r->store), ==, 0);
  after = sp_test_json (server, "GET", url, org->procurement, NULL);
  g_assert_cmpint (sp_test_get_int (after, "total"), ==, 1);
  {
    g_autoptr(SpContractIssue) issue = sp_store_load (r->store, SP_TYPE_CONTRACT_ISSUE,
                                                      sp_test_get_string (opened, "id"), NULL);
    g_autoptr(GPtrArray) history = sp_store_get_contract_issue_events (r->store, issue, NULL);
    g_autoptr(GPtrArray) local_links = sp_store_list_contract_issue_cases (r->store, SP_ENTITY (issue)->id, NULL);
    guint n_cases = 0;

    g_assert_cmpuint (local_links->len, ==, 0);
    for (guint i = 0; i < history->len; i++)
      {
        SpCaseEvent *event = history->pdata[i];

        g_assert_cmpint (SP_ENTITY (event)->rev, >, 0);
        n_cases += g_strcmp0 (event->field, "cases") == 0;
      }
    g_assert_cmpuint (n_cases, ==, 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/contract-issue/offline", test_offline_issue_reaches_the_server);
  g_test_add_func ("/sync/contract-issue/offline-link", test_offline_link_reaches_the_server);

  return g_test_run ();
}
