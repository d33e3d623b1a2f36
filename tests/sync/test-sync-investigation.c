/* test-sync-investigation.c: the unit manager's work made offline reaches
 * the server; two replicas editing different parts of one investigation
 * merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-replica.h"

static const SpActor manager = { "local", "Mats Chef", SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) };

/* A case of unit A under investigation, made on the server. */
static char *
case_under_investigation (SpTestServer *server,
                          SpTestOrg    *org)
{
  g_autofree char *extra = g_strdup_printf ("\"unit_id\":\"%s\",\"sender\":{\"name\":\"Åsa Öberg\","
                                            "\"wants_feedback\":true}", org->unit_a);
  char *id = sp_test_create_case (server, org->registrar, extra);
  g_autofree char *url = g_strconcat ("/api/v1/cases/", id, "/transition", NULL);
  const struct { const char *token; const char *to; } steps[] = {
    { org->registrar, "registered" }, { org->registrar, "assigned" },
    { org->manager_a, "investigating" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(SpTestResponse) moved = sp_test_jsonf (server, "POST", url, steps[i].token,
                                                       "{\"to\":\"%s\"}", steps[i].to);

      sp_test_assert_status (moved, 200);
    }
  return id;
}

static void
test_offline_work_reaches_the_server (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autofree char *case_id = case_under_investigation (server, org);
  g_autoptr(SpTestReplica) r = sp_test_replica_new (server, org->manager_a);
  g_autoptr(SpInvestigation) inv = sp_investigation_new ();
  g_autoptr(SpPlannedAction) action = sp_planned_action_new ();
  g_autoptr(SpLetter) letter = sp_letter_new ();
  g_autoptr(SpTestResponse) got = NULL;
  g_autoptr(SpTestResponse) feed = NULL;
  g_autoptr(SpTestResponse) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strconcat ("/api/v1/cases/", case_id, NULL);
  g_autofree char *events_url = g_strconcat (url, "/events", NULL);

  sp_test_replica_assert_synced (r);

  /* Offline: the investigation, a planned action and the final answer. */
  inv->case_id = g_strdup (case_id);
  inv->facts = g_strdup ("Maten kom kall tre dagar i rad.");
  inv->assessment = SP_ASSESSMENT_JUSTIFIED;
  inv->lex_sarah = TRUE;
  inv->lex_sarah_reference = g_strdup ("LS 2026:7");
  inv->lex_sarah_on = sp_date_new (2026, 11, 4);
  g_assert_true (sp_store_save_investigation (r->store, inv, SP_SAVE_DEFAULT, &manager, &error));
  action->case_id = g_strdup (case_id);
  action->description = g_strdup ("Ny rutin för varmhållning");
  action->responsible = g_strdup ("Kökschefen");
  action->due_on = sp_date_new (2026, 12, 20);
  g_assert_true (sp_store_save_planned_action (r->store, action, SP_SAVE_DEFAULT, &manager, &error));
  letter->case_id = g_strdup (case_id);
  letter->kind = SP_LETTER_FINAL_ANSWER;
  letter->method = SP_LETTER_METHOD_POST;
  letter->recipient = g_strdup ("Åsa Öberg");
  letter->body = g_strdup ("Hej Åsa Öberg, vi har utrett ditt klagomål.");
  g_assert_true (sp_store_send_letter (r->store, letter, &manager, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_store_outbox_count (r->store), ==, 3);

  sp_test_replica_assert_synced (r);
  g_assert_cmpint (sp_store_outbox_count (r->store), ==, 0);

  got = sp_test_json (server, "GET", url, org->manager_a, NULL);
  sp_test_assert_status (got, 200);
  g_assert_cmpstr (sp_test_get_string (got, "investigation.facts"), ==, "Maten kom kall tre dagar i rad.");
  g_assert_cmpstr (sp_test_get_string (got, "investigation.lex_sarah_reference"), ==, "LS 2026:7");
  g_assert_cmpstr (sp_test_get_string (got, "planned_actions.0.responsible"), ==, "Kökschefen");

  feed = sp_test_json (server, "GET", "/api/v1/changes?since=0&limit=1000", org->manager_a, NULL);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (feed->body, NULL), g_bytes_get_size (feed->body),
                                  "vi har utrett ditt klagomål"));
  events = sp_test_json (server, "GET", events_url, org->manager_a, NULL);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (events->body, NULL), g_bytes_get_size (events->body),
                                  "\"letter_sent\""));

  /* The server's history replaces the replica's provisional one. */
  {
    g_autoptr(GPtrArray) local = sp_store_get_case_events (r->store, case_id, NULL);

    for (guint i = 0; i < local->len; i++)
      g_assert_cmpint (SP_ENTITY (local->pdata[i])->rev, >, 0);
  }
}

static void
test_two_replicas_merge (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autofree char *case_id = case_under_investigation (server, org);
  g_autoptr(SpTestReplica) a = sp_test_replica_new (server, org->manager_a);
  g_autoptr(SpTestReplica) b = NULL;
  g_autoptr(SpInvestigation) inv = sp_investigation_new ();
  g_autoptr(SpInvestigation) in_a = NULL;
  g_autoptr(SpInvestigation) in_b = NULL;
  g_autoptr(SpInvestigation) back_a = NULL;
  g_autoptr(SpInvestigation) back_b = NULL;
  g_autoptr(SpTestResponse) got = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strconcat ("/api/v1/cases/", case_id, NULL);

  sp_test_replica_assert_synced (a);
  inv->case_id = g_strdup (case_id);
  inv->facts = g_strdup ("Första utkastet.");
  g_assert_true (sp_store_save_investigation (a->store, inv, SP_SAVE_DEFAULT, &manager, &error));
  sp_test_replica_assert_synced (a);

  b = sp_test_replica_new (server, org->manager_a);
  sp_test_replica_assert_synced (b);

  /* Each edits a part of their own, offline. */
  in_a = sp_store_get_investigation (a->store, case_id, NULL);
  in_b = sp_store_get_investigation (b->store, case_id, NULL);
  g_assert_nonnull (in_b);
  g_free (in_a->analysis);
  in_a->analysis = g_strdup ("Rutinen för varmhållning följdes inte.");
  g_assert_true (sp_store_save_investigation (a->store, in_a, SP_SAVE_DEFAULT, &manager, &error));
  g_free (in_b->heard);
  in_b->heard = g_strdup ("Kökspersonalen och Åsa Öberg");
  in_b->follow_up_on = sp_date_new (2027, 2, 1);
  g_assert_true (sp_store_save_investigation (b->store, in_b, SP_SAVE_DEFAULT, &manager, &error));
  g_assert_no_error (error);

  sp_test_replica_assert_synced (a);
  sp_test_replica_assert_synced (b);
  sp_test_replica_assert_synced (a);
  {
    g_autoptr(GPtrArray) conflicts_a = sp_store_list_conflicts (a->store, NULL, NULL);
    g_autoptr(GPtrArray) conflicts_b = sp_store_list_conflicts (b->store, NULL, NULL);

    g_assert_cmpuint (conflicts_a->len, ==, 0);
    g_assert_cmpuint (conflicts_b->len, ==, 0);
  }

  got = sp_test_json (server, "GET", url, org->manager_a, NULL);
  g_assert_cmpstr (sp_test_get_string (got, "investigation.facts"), ==, "Första utkastet.");
  g_assert_cmpstr (sp_test_get_string (got, "investigation.analysis"), ==, "Rutinen för varmhållning följdes inte.");
  g_assert_cmpstr (sp_test_get_string (got, "investigation.heard"), ==, "Kökspersonalen och Åsa Öberg");
  g_assert_cmpstr (sp_test_get_string (got, "investigation.follow_up_on"), ==, "2027-02-01");

  back_a = sp_store_get_investigation (a->store, case_id, NULL);
  back_b = sp_store_get_investigation (b->store, case_id, NULL);
  g_assert_cmpstr (back_a->heard, ==, "Kökspersonalen och Åsa Öberg");
  g_assert_cmpstr (back_b->analysis, ==, "Rutinen för varmhållning följdes inte.");
  g_assert_cmpuint (back_a->follow_up_on, ==, sp_date_new (2027, 2, 1));
}

/* A planned action removed on a replica is removed on the server, and
 * the other replicas learn it; one made and removed offline never shows. */
static void
test_removed_action_reaches_the_server (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autofree char *case_id = case_under_investigation (server, org);
  g_autoptr(SpTestReplica) a = sp_test_replica_new (server, org->manager_a);
  g_autoptr(SpTestReplica) b = NULL;
  g_autoptr(SpPlannedAction) action = sp_planned_action_new ();
  g_autoptr(SpPlannedAction) brief = sp_planned_action_new ();
  g_autoptr(SpTestResponse) got = NULL;
  g_autoptr(GPtrArray) in_b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strconcat ("/api/v1/cases/", case_id, NULL);

  sp_test_replica_assert_synced (a);
  action->case_id = g_strdup (case_id);
  action->description = g_strdup ("Ny rutin för varmhållning");
  action->responsible = g_strdup ("Kökschefen");
  action->due_on = sp_date_new (2026, 12, 20);
  g_assert_true (sp_store_save_planned_action (a->store, action, SP_SAVE_DEFAULT, &manager, &error));
  sp_test_replica_assert_synced (a);
  b = sp_test_replica_new (server, org->manager_a);
  sp_test_replica_assert_synced (b);
  in_b = sp_store_load_where (b->store, SP_TYPE_PLANNED_ACTION, "case_id", case_id, NULL);
  g_assert_cmpuint (in_b->len, ==, 1);
  g_clear_pointer (&in_b, g_ptr_array_unref);

  /* Removed on A, and another made and removed before any sync. */
  g_clear_object (&action);
  {
    g_autoptr(GPtrArray) in_a = sp_store_load_where (a->store, SP_TYPE_PLANNED_ACTION, "case_id",
                                                     case_id, NULL);

    g_assert_cmpuint (in_a->len, ==, 1);
    action = g_object_ref (in_a->pdata[0]);
  }
  SP_ENTITY (action)->deleted = TRUE;
  g_assert_true (sp_store_save_planned_action (a->store, action, SP_SAVE_DEFAULT, &manager, &error));
  brief->case_id = g_strdup (case_id);
  brief->description = g_strdup ("Ett misstag");
  brief->responsible = g_strdup ("Ingen");
  brief->due_on = sp_date_new (2026, 12, 21);
  g_assert_true (sp_store_save_planned_action (a->store, brief, SP_SAVE_DEFAULT, &manager, &error));
  SP_ENTITY (brief)->deleted = TRUE;
  g_assert_true (sp_store_save_planned_action (a->store, brief, SP_SAVE_DEFAULT, &manager, &error));
  g_assert_no_error (error);

  sp_test_replica_assert_synced (a);
  g_assert_cmpint (sp_store_outbox_count (a->store), ==, 0);
  got = sp_test_json (server, "GET", url, org->manager_a, NULL);
  sp_test_assert_status (got, 200);
  g_assert_null (sp_test_get_string (got, "planned_actions.0.responsible"));

  sp_test_replica_assert_synced (b);
  in_b = sp_store_load_where (b->store, SP_TYPE_PLANNED_ACTION, "case_id", case_id, NULL);
  g_assert_cmpuint (in_b->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/investigation/offline-work-reaches-the-server", test_offline_work_reaches_the_server);
  g_test_add_func ("/sync/investigation/two-replicas-merge", test_two_replicas_merge);
  g_test_add_func ("/sync/investigation/removed-action-reaches-the-server",
                   test_removed_action_reaches_the_server);

  return g_test_run ();
}
