/* test-sync-stats.c: the figures the app counts on its replica are the
 * figures the server gives for the same cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-test-replica.h"

static void
make_cases (SpTestServer *server,
            SpTestOrg    *org)
{
  const struct { const char *kind, *valence, *channel, *on, *category, *unit; } cases[] = {
    { "complaint", "negative", "phone", "2026-05-04", "food_meals", org->unit_a },
    { "complaint", "negative", "email", "2026-05-20", "food_meals", org->unit_a },
    { "complaint", "negative", "email", "2026-06-11", "treatment", org->unit_b },
    { "opinion", "positive", "letter", "2026-07-01", "treatment", org->unit_b },
    { "opinion", "neutral", "web_form", "2026-08-30", "information", org->unit_c },
    { "opinion", "positive", "in_person", "2026-02-03", "information", org->unit_c },
    { "complaint", "negative", "phone", "2025-06-15", "food_meals", org->unit_a },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SpTestResponse) made = NULL;

      made = sp_test_jsonf (server, "POST", "/api/v1/cases", org->registrar,
                            "{\"kind\":\"%s\",\"valence\":\"%s\",\"channel\":\"%s\","
                            "\"received_on\":\"%s\",\"category\":\"%s\",\"unit_id\":\"%s\","
                            "\"subject\":\"Ärende %u\",\"sender\":{\"name\":\"Åsa Öberg\"}}",
                            cases[i].kind, cases[i].valence, cases[i].channel, cases[i].on,
                            cases[i].category, cases[i].unit, i);
      sp_test_assert_status (made, 201);
      if (i % 2 == 0)
        {
          g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s/transition",
                                                   sp_test_get_string (made, "id"));
          g_autoptr(SpTestResponse) moved = sp_test_json (server, "POST", path, org->registrar,
                                                          "{\"to\":\"registered\"}");

          sp_test_assert_status (moved, 200);
        }
    }
}

static void
assert_same (SpTestServer  *server,
             SpTestReplica *replica,
             const char    *token,
             const char    *period_text,
             const char    *scope_text)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/stats?period=%s&scope=%s", period_text, scope_text);
  g_autoptr(SpTestResponse) remote = sp_test_json (server, "GET", path, token, NULL);
  g_autoptr(SpStatsReport) report = NULL;
  g_autoptr(GPtrArray) signals = NULL;
  g_autoptr(JsonNode) local_figures = NULL;
  g_autoptr(JsonNode) local_signals = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *remote_text = NULL;
  g_autofree char *local_text = NULL;
  SpStatsQuery query = { NULL, { SP_STATS_SCOPE_ORGANISATION, NULL }, SP_DATE_NONE };
  SpPeriod period;

  sp_test_assert_status (remote, 200);
  g_assert_true (sp_period_parse (period_text, &period, &error));
  g_assert_true (sp_stats_scope_parse (scope_text, &query.scope, &error));
  query.today = sp_date_today_in_organisation ();

  report = sp_stats_report_compute (replica->store, &query, &period, &error);
  g_assert_no_error (error);
  signals = sp_stats_signals_compute (replica->store, &query, &period, SP_STATS_SIGNAL_LEVEL, &error);
  g_assert_no_error (error);
  sp_stats_scope_clear (&query.scope);

  local_figures = sp_stats_report_to_json (report);
  local_signals = sp_stats_signals_to_json (signals);
  remote_text = json_to_string (sp_test_get_node (remote, "figures"), TRUE);
  local_text = json_to_string (local_figures, TRUE);
  g_assert_cmpstr (local_text, ==, remote_text);
  g_assert_true (json_node_equal (local_signals, sp_test_get_node (remote, "signals")));
  /* Not an empty agreement. */
  g_assert_cmpint (report->current->total + report->last_year->total, >, 0);
}

static void
test_replica_figures_equal_server (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autoptr(SpTestReplica) replica = NULL;
  g_autofree char *unit_scope = NULL;

  make_cases (server, org);
  replica = sp_test_replica_new (server, org->quality);
  sp_test_replica_assert_synced (replica);

  unit_scope = g_strdup_printf ("unit:%s", org->unit_a);
  assert_same (server, replica, org->quality, "2026-T2", "organisation");
  assert_same (server, replica, org->quality, "2026", "organisation");
  assert_same (server, replica, org->quality, "2026-T2", unit_scope);
  assert_same (server, replica, org->quality, "2026-05-01..2026-06-30", "organisation");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/stats/replica-equals-server", test_replica_figures_equal_server);

  return g_test_run ();
}
