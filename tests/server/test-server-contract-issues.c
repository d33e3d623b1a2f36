/* test-server-contract-issues.c: contract issues with private providers
 * through the API and the change feed: procurement's story from breach to
 * sanction, bad input (422 naming the field, nothing half-saved) and who
 * may read, write or only count them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-server.h"

#define PUSHED_ID "8a617c93-0dbe-4fc0-b132-4d5e6f708192"

typedef struct
{
  SpTestServer *server;
  SpTestOrg    *org;
  char         *provider_id;
  char         *case_id;     /* unit A, flagged as a contract breach */
  char         *other_case;  /* unit A, not flagged */
} Fixture;

/* YYYY-MM-DD of today in the organisation, moved by @days. */
static char *
date_from_today (int days)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Stockholm");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone ? zone : g_time_zone_new_utc ());
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SpTestResponse) provider = NULL;
  g_autofree char *extra = NULL;

  f->server = sp_test_server_new (NULL);
  f->org = sp_test_org_new (f->server);
  provider = sp_test_json (f->server, "POST", "/api/v1/providers", f->org->procurement,
                           "{\"name\":\"Omsorgshuset AB\",\"org_number\":\"5560360793\","
                           "\"contract_form\":\"choice_system\",\"contract_reference\":\"LOV 2024:12\","
                           "\"responsible_administration\":\"Äldreförvaltningen\"}");
  sp_test_assert_status (provider, 201);
  f->provider_id = g_strdup (sp_test_get_string (provider, "id"));
  extra = g_strdup_printf ("\"unit_id\":\"%s\",\"concerns\":\"provider\",\"provider_id\":\"%s\","
                           "\"contract_breach\":true", f->org->unit_a, f->provider_id);
  f->case_id = sp_test_create_case (f->server, f->org->registrar, extra);
  g_free (extra);
  extra = g_strdup_printf ("\"unit_id\":\"%s\"", f->org->unit_a);
  f->other_case = sp_test_create_case (f->server, f->org->registrar, extra);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_free (f->provider_id);
  g_free (f->case_id);
  g_free (f->other_case);
  sp_test_org_free (f->org);
  sp_test_server_free (f->server);
}

static char *
open_issue (Fixture *f)
{
  g_autoptr(SpTestResponse) opened = NULL;

  opened = sp_test_jsonf (f->server, "POST", "/api/v1/contract-issues", f->org->procurement,
                          "{\"case_id\":\"%s\",\"breach\":\"Beviljade insatser har uteblivit.\"}",
                          f->case_id);
  sp_test_assert_status (opened, 201);
  return g_strdup (sp_test_get_string (opened, "id"));
}

/* PATCHes @fields onto the issue at its present revision as @token. */
static SpTestResponse *
patch (Fixture    *f,
       const char *token,
       const char *id,
       const char *fields)
{
  g_autofree char *url = g_strconcat ("/api/v1/contract-issues/", id, NULL);
  g_autoptr(SpTestResponse) got = sp_test_json (f->server, "GET", url, f->org->procurement, NULL);

  sp_test_assert_status (got, 200);
  return sp_test_jsonf (f->server, "PATCH", url, token, "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":%s}",
                        sp_test_get_int (got, "rev"), fields);
}

static void
assert_patch (Fixture    *f,
              const char *id,
              const char *fields,
              guint       status,
              const char *field)
{
  g_autoptr(SpTestResponse) patched = patch (f, f->org->procurement, id, fields);

  sp_test_assert_status (patched, status);
  if (field != NULL)
    g_assert_cmpstr (sp_test_error_field (patched), ==, field);
}

static const char *
issue_status (Fixture    *f,
              const char *token,
              const char *id,
              SpTestResponse **keep)
{
  g_autofree char *url = g_strconcat ("/api/v1/contract-issues/", id, NULL);

  *keep = sp_test_json (f->server, "GET", url, token, NULL);
  return (*keep)->status == 200 ? sp_test_get_string (*keep, "status") : NULL;
}

static void
test_story (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *id = open_issue (f);
  g_autofree char *today = date_from_today (0);
  g_autofree char *due = date_from_today (14);
  g_autofree char *fields = NULL;
  g_autofree char *url = g_strconcat ("/api/v1/contract-issues/", id, NULL);
  g_autofree char *events_url = g_strconcat (url, "/events", NULL);
  g_autofree char *counts_url = g_strconcat ("/api/v1/contract-issues/counts?provider=", f->provider_id, NULL);
  g_autoptr(SpTestResponse) got = NULL;
  g_autoptr(SpTestResponse) events = NULL;
  g_autoptr(SpTestResponse) counts = NULL;
  JsonArray *items;
  gboolean saw_status = FALSE;

  got = sp_test_json (f->server, "GET", url, f->org->procurement, NULL);
  sp_test_assert_status (got, 200);
  g_assert_cmpstr (sp_test_get_string (got, "status"), ==, "open");
  g_assert_cmpstr (sp_test_get_string (got, "provider_id"), ==, f->provider_id);
  /* R14: a LOV contract goes to the administration that follows it up. */
  g_assert_cmpstr (sp_test_get_string (got, "routed_to"), ==, "Äldreförvaltningen");
  g_assert_cmpstr (sp_test_get_string (got, "opened_on"), ==, today);

  fields = g_strdup_printf ("{\"status\":\"correction_requested\",\"correction_requested_on\":\"%s\","
                            "\"correction_due_on\":\"%s\",\"correction_request\":\"Rätta bemanningen.\"}",
                            today, due);
  assert_patch (f, id, fields, 200, NULL);
  g_clear_pointer (&fields, g_free);
  fields = g_strdup_printf ("{\"status\":\"account_received\",\"account_received_on\":\"%s\","
                            "\"account\":\"Bemanningen har förstärkts.\"}", today);
  assert_patch (f, id, fields, 200, NULL);
  g_clear_pointer (&fields, g_free);
  fields = g_strdup_printf ("{\"status\":\"assessed\",\"assessed_on\":\"%s\","
                            "\"assessment\":\"Bristen var allvarlig och upprepad.\"}", today);
  assert_patch (f, id, fields, 200, NULL);
  g_clear_pointer (&fields, g_free);
  fields = g_strdup_printf ("{\"status\":\"sanctioned\",\"sanction_kind\":\"penalty\","
                            "\"sanction_amount\":25000,\"sanction_decided_on\":\"%s\"}", today);
  assert_patch (f, id, fields, 200, NULL);
  g_clear_pointer (&fields, g_free);
  fields = g_strdup_printf ("{\"status\":\"closed\",\"closed_on\":\"%s\","
                            "\"outcome\":\"Vitet är betalt.\"}", today);
  assert_patch (f, id, fields, 200, NULL);

  /* Each step in the history, with who took it. */
  events = sp_test_json (f->server, "GET", events_url, f->org->procurement, NULL);
  sp_test_assert_status (events, 200);
  items = json_node_get_array (sp_test_get_node (events, "items"));
  g_assert_cmpuint (json_array_get_length (items), >=, 12);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *event = json_array_get_object_element (items, i);

      g_assert_cmpstr (json_object_get_string_member (event, "kind"), ==, "contract_issue_updated");
      g_assert_nonnull (json_object_get_string_member (event, "actor_name"));
      g_assert_nonnull (json_object_get_string_member (event, "at"));
      if (g_strcmp0 (json_object_get_string_member (event, "field"), "status") == 0 &&
          g_strcmp0 (json_object_get_string_member (event, "new_value"), "closed") == 0)
        saw_status = TRUE;
    }
  g_assert_true (saw_status);

  counts = sp_test_json (f->server, "GET", counts_url, f->org->quality, NULL);
  sp_test_assert_status (counts, 200);
  g_assert_cmpint (sp_test_get_int (counts, "total"), ==, 1);
  g_assert_cmpint (sp_test_get_int (counts, "open"), ==, 0);
  g_assert_cmpint (sp_test_get_int (counts, "by_status.closed"), ==, 1);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *id = open_issue (f);
  g_autofree char *today = date_from_today (0);
  g_autofree char *yesterday = date_from_today (-1);
  g_autofree char *due = date_from_today (14);
  g_autofree char *fields = NULL;
  g_autoptr(SpTestResponse) keep = NULL;
  static const struct { const char *body; guint status; const char *field; } providers[] = {
    { "{\"name\":\"Fel AB\",\"org_number\":\"5560360794\"}", 422, "org_number" },   /* check digit */
    { "{\"name\":\"Fel AB\",\"org_number\":\"556036079\"}", 422, "org_number" },    /* length */
    { "{\"name\":\"Fel AB\",\"contract_starts_on\":\"2026-01-01\",\"contract_ends_on\":\"2025-12-31\"}",
      422, "contract_ends_on" },
    { "{\"name\":\"Fel AB\",\"contract_form\":\"lov\"}", 422, "contract_form" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (providers); i++)
    {
      g_autoptr(SpTestResponse) refused = sp_test_json (f->server, "POST", "/api/v1/providers",
                                                        f->org->procurement, providers[i].body);

      sp_test_assert_status (refused, providers[i].status);
      g_assert_cmpstr (sp_test_error_field (refused), ==, providers[i].field);
    }

  /* A deadline in the past, or before the request. */
  fields = g_strdup_printf ("{\"status\":\"correction_requested\",\"correction_requested_on\":\"%s\","
                            "\"correction_due_on\":\"%s\"}", yesterday, yesterday);
  assert_patch (f, id, fields, 422, "correction_due_on");
  g_clear_pointer (&fields, g_free);
  fields = g_strdup_printf ("{\"status\":\"correction_requested\",\"correction_requested_on\":\"%s\"}", today);
  assert_patch (f, id, fields, 422, "correction_due_on");
  g_clear_pointer (&fields, g_free);
  /* Nothing of the refused changes was kept. */
  g_assert_cmpstr (issue_status (f, f->org->procurement, id, &keep), ==, "open");
  g_assert_null (sp_test_get_string (keep, "correction_requested_on"));
  g_clear_pointer (&keep, sp_test_response_free);

  /* Straight to a sanction is no step of the life cycle (409, as a
   * case's transition). */
  assert_patch (f, id, "{\"status\":\"sanctioned\"}", 409, "status");

  fields = g_strdup_printf ("{\"status\":\"correction_requested\",\"correction_requested_on\":\"%s\","
                            "\"correction_due_on\":\"%s\"}", today, due);
  assert_patch (f, id, fields, 200, NULL);
  g_clear_pointer (&fields, g_free);
  fields = g_strdup_printf ("{\"status\":\"account_received\",\"account_received_on\":\"%s\","
                            "\"account\":\"Svar.\"}", today);
  assert_patch (f, id, fields, 200, NULL);
  g_clear_pointer (&fields, g_free);
  fields = g_strdup_printf ("{\"status\":\"assessed\",\"assessed_on\":\"%s\",\"assessment\":\"Befogat.\"}", today);
  assert_patch (f, id, fields, 200, NULL);
  g_clear_pointer (&fields, g_free);

  /* A sanction without an amount or without its decision date. */
  fields = g_strdup_printf ("{\"status\":\"sanctioned\",\"sanction_kind\":\"penalty\","
                            "\"sanction_decided_on\":\"%s\"}", today);
  assert_patch (f, id, fields, 422, "sanction_amount");
  g_clear_pointer (&fields, g_free);
  assert_patch (f, id, "{\"status\":\"sanctioned\",\"sanction_kind\":\"penalty\",\"sanction_amount\":5000}",
                422, "sanction_decided_on");
  assert_patch (f, id, "{\"status\":\"sanctioned\",\"sanction_kind\":\"termination\"}",
                422, "sanction_decided_on");
  assert_patch (f, id, "{\"sanction_amount\":\"mycket\"}", 422, "sanction_amount");
  assert_patch (f, id, "{\"sanction_kind\":\"fine'; DROP TABLE contract_issues;--\"}", 422, "sanction_kind");
  g_assert_cmpstr (issue_status (f, f->org->procurement, id, &keep), ==, "assessed");
  g_assert_cmpint (sp_test_get_int (keep, "sanction_amount"), ==, 0);
  g_clear_pointer (&keep, sp_test_response_free);

  /* The body and the query. */
  {
    g_autoptr(SpTestResponse) r1 = sp_test_json (f->server, "POST", "/api/v1/contract-issues",
                                                 f->org->procurement, "{\"case_id\":");
    g_autoptr(SpTestResponse) r2 = sp_test_json (f->server, "POST", "/api/v1/contract-issues",
                                                 f->org->procurement,
                                                 "{\"case_id\":\"00000000-0000-4000-8000-000000000001\"}");
    g_autoptr(SpTestResponse) r3 = sp_test_json (f->server, "POST", "/api/v1/contract-issues",
                                                 f->org->procurement, "{\"breach\":\"utan ärende\"}");
    g_autoptr(SpTestResponse) r4 = sp_test_json (f->server, "GET",
                                                 "/api/v1/contract-issues?provider=1%27%20OR%201=1",
                                                 f->org->procurement, NULL);
    g_autoptr(SpTestResponse) r5 = sp_test_json (f->server, "GET", "/api/v1/contract-issues?status=done",
                                                 f->org->procurement, NULL);
    g_autoptr(SpTestResponse) r6 = sp_test_json (f->server, "GET", "/api/v1/contract-issues?colour=red",
                                                 f->org->procurement, NULL);
    g_autoptr(SpTestResponse) r7 = NULL;
    g_autofree char *body = g_strdup_printf ("{\"case_id\":\"%s\",\"status\":\"closed\"}", f->case_id);

    sp_test_assert_status (r1, 400);
    sp_test_assert_status (r2, 422);
    g_assert_cmpstr (sp_test_error_field (r2), ==, "case_id");
    sp_test_assert_status (r3, 422);
    g_assert_cmpstr (sp_test_error_field (r3), ==, "case_id");
    sp_test_assert_status (r4, 422);
    g_assert_cmpstr (sp_test_error_field (r4), ==, "provider");
    sp_test_assert_status (r5, 422);
    g_assert_cmpstr (sp_test_error_field (r5), ==, "status");
    sp_test_assert_status (r6, 422);
    g_assert_cmpstr (sp_test_error_field (r6), ==, "colour");
    r7 = sp_test_json (f->server, "POST", "/api/v1/contract-issues", f->org->procurement, body);
    sp_test_assert_status (r7, 409);
    g_assert_cmpstr (sp_test_error_field (r7), ==, "status");
  }
}

static gboolean
feed_has (Fixture    *f,
          const char *token,
          const char *entity,
          const char *event_kind)
{
  g_autoptr(SpTestResponse) feed = sp_test_json (f->server, "GET", "/api/v1/changes?limit=1000", token, NULL);
  JsonArray *changes;

  sp_test_assert_status (feed, 200);
  changes = json_node_get_array (sp_test_get_node (feed, "changes"));
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      JsonNode *record = json_object_get_member (change, "record");

      if (g_strcmp0 (json_object_get_string_member (change, "entity"), entity) != 0 ||
          record == NULL || JSON_NODE_HOLDS_NULL (record))
        continue;
      if (event_kind == NULL ||
          g_strcmp0 (json_object_get_string_member (json_node_get_object (record), "kind"), event_kind) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_access (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = open_issue (f);
  g_autofree char *body = NULL;
  g_autofree char *events_url = g_strconcat ("/api/v1/cases/", f->case_id, "/events", NULL);
  g_autoptr(SpTestResponse) keep = NULL;
  const char *readers[] = { f->org->procurement, f->org->manager_a, f->org->head, f->org->admin };
  const char *not_readers[] = { f->org->manager_b, f->org->quality, f->org->staff_a, f->org->registrar };

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_assert_cmpstr (issue_status (f, readers[i], id, &keep), ==, "open");
      g_clear_pointer (&keep, sp_test_response_free);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_readers); i++)
    {
      g_assert_null (issue_status (f, not_readers[i], id, &keep));
      sp_test_assert_status (keep, 404);
      g_clear_pointer (&keep, sp_test_response_free);
    }

  /* Only procurement and the administrator write. */
  {
    g_autoptr(SpTestResponse) by_manager = patch (f, f->org->manager_a, id, "{\"breach\":\"Ändrat\"}");
    g_autoptr(SpTestResponse) by_staff = NULL;
    g_autoptr(SpTestResponse) by_admin = patch (f, f->org->admin, id, "{\"breach\":\"Förtydligat\"}");
    g_autoptr(SpTestResponse) unflagged = NULL;

    sp_test_assert_status (by_manager, 403);
    sp_test_assert_status (by_admin, 200);
    body = g_strdup_printf ("{\"case_id\":\"%s\"}", f->case_id);
    by_staff = sp_test_json (f->server, "POST", "/api/v1/contract-issues", f->org->staff_a, body);
    sp_test_assert_status (by_staff, 403);
    /* Procurement sees no case that is not flagged as a contract breach. */
    g_clear_pointer (&body, g_free);
    body = g_strdup_printf ("{\"case_id\":\"%s\",\"provider_id\":\"%s\"}", f->other_case, f->provider_id);
    unflagged = sp_test_json (f->server, "POST", "/api/v1/contract-issues", f->org->procurement, body);
    sp_test_assert_status (unflagged, 422);
    g_assert_cmpstr (sp_test_error_field (unflagged), ==, "case_id");
  }

  /* Quality counts them and sees none of them, in the list, the feed
   * or the case history. */
  {
    g_autoptr(SpTestResponse) list = sp_test_json (f->server, "GET", "/api/v1/contract-issues",
                                                   f->org->quality, NULL);
    g_autoptr(SpTestResponse) counts = sp_test_json (f->server, "GET", "/api/v1/contract-issues/counts",
                                                     f->org->quality, NULL);
    g_autoptr(SpTestResponse) staff_counts = sp_test_json (f->server, "GET", "/api/v1/contract-issues/counts",
                                                           f->org->staff_a, NULL);
    g_autoptr(SpTestResponse) history = sp_test_json (f->server, "GET", events_url, f->org->quality, NULL);
    g_autoptr(SpTestResponse) manager_history = sp_test_json (f->server, "GET", events_url,
                                                              f->org->manager_a, NULL);

    sp_test_assert_status (list, 200);
    g_assert_cmpint (sp_test_get_int (list, "total"), ==, 0);
    sp_test_assert_status (counts, 200);
    g_assert_cmpint (sp_test_get_int (counts, "total"), ==, 1);
    g_assert_cmpint (sp_test_get_int (counts, "open"), ==, 1);
    sp_test_assert_status (staff_counts, 403);
    sp_test_assert_status (history, 200);
    g_assert_null (strstr (g_bytes_get_data (history->body, NULL), "contract_issue_updated"));
    sp_test_assert_status (manager_history, 200);
    g_assert_nonnull (strstr (g_bytes_get_data (manager_history->body, NULL), "contract_issue_updated"));
  }

  g_assert_true (feed_has (f, f->org->procurement, "contract_issue", NULL));
  g_assert_true (feed_has (f, f->org->manager_a, "contract_issue", NULL));
  g_assert_true (feed_has (f, f->org->head, "contract_issue", NULL));
  g_assert_true (feed_has (f, f->org->manager_a, "case_event", "contract_issue_updated"));
  g_assert_false (feed_has (f, f->org->quality, "contract_issue", NULL));
  g_assert_false (feed_has (f, f->org->quality, "case_event", "contract_issue_updated"));
  g_assert_false (feed_has (f, f->org->manager_b, "contract_issue", NULL));
}

/* The push of the change feed applies the same rules. */
static void
test_push (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *yesterday = date_from_today (-1);
  g_autoptr(SpTestResponse) refused = NULL;
  g_autoptr(SpTestResponse) by_manager = NULL;
  g_autoptr(SpTestResponse) applied = NULL;
  g_autoptr(SpTestResponse) keep = NULL;

  refused = sp_test_jsonf (f->server, "POST", "/api/v1/changes", f->org->procurement,
                           "{\"batch_id\":\"ci-1\",\"changes\":[{\"entity\":\"contract_issue\",\"op\":\"create\","
                           "\"id\":\"%s\",\"fields\":{\"case_id\":\"%s\",\"status\":\"correction_requested\","
                           "\"correction_requested_on\":\"%s\",\"correction_due_on\":\"%s\"}}]}",
                           PUSHED_ID, f->case_id, yesterday, yesterday);
  sp_test_assert_status (refused, 200);
  g_assert_cmpstr (sp_test_get_string (refused, "results.0.status"), ==, "rejected");
  /* A replica may push an issue opened and moved on offline: checked
   * whole, its past deadline refused. */
  g_assert_cmpstr (sp_test_get_string (refused, "results.0.error.field"), ==, "correction_due_on");

  by_manager = sp_test_jsonf (f->server, "POST", "/api/v1/changes", f->org->manager_a,
                              "{\"batch_id\":\"ci-2\",\"changes\":[{\"entity\":\"contract_issue\",\"op\":\"create\","
                              "\"id\":\"%s\",\"fields\":{\"case_id\":\"%s\"}}]}", PUSHED_ID, f->case_id);
  sp_test_assert_status (by_manager, 200);
  g_assert_cmpstr (sp_test_get_string (by_manager, "results.0.status"), ==, "rejected");
  g_assert_cmpstr (sp_test_get_string (by_manager, "results.0.error.code"), ==, "forbidden");

  applied = sp_test_jsonf (f->server, "POST", "/api/v1/changes", f->org->procurement,
                           "{\"batch_id\":\"ci-3\",\"changes\":[{\"entity\":\"contract_issue\",\"op\":\"create\","
                           "\"id\":\"%s\",\"fields\":{\"case_id\":\"%s\",\"breach\":\"Uteblivna besök\"}}]}",
                           PUSHED_ID, f->case_id);
  sp_test_assert_status (applied, 200);
  g_assert_cmpstr (sp_test_get_string (applied, "results.0.status"), ==, "applied");
  g_assert_cmpstr (sp_test_get_string (applied, "results.0.record.routed_to"), ==, "Äldreförvaltningen");
  g_assert_cmpstr (issue_status (f, f->org->manager_a, PUSHED_ID, &keep), ==, "open");
}

/* A case of @unit about @provider, flagged as a contract breach or not. */
static char *
make_case (Fixture    *f,
           const char *unit,
           const char *provider,
           gboolean    flagged)
{
  g_autofree char *extra = g_strdup_printf ("\"unit_id\":\"%s\",\"concerns\":\"provider\","
                                            "\"provider_id\":\"%s\",\"contract_breach\":%s",
                                            unit, provider, flagged ? "true" : "false");

  return sp_test_create_case (f->server, f->org->registrar, extra);
}

static SpTestResponse *
link_case (Fixture    *f,
           const char *token,
           const char *issue_id,
           const char *body)
{
  g_autofree char *url = g_strdup_printf ("/api/v1/contract-issues/%s/cases", issue_id);

  return sp_test_json (f->server, "POST", url, token, body);
}

static void
assert_link_refused (Fixture    *f,
                     const char *token,
                     const char *issue_id,
                     const char *body,
                     guint       status,
                     const char *field)
{
  g_autoptr(SpTestResponse) refused = link_case (f, token, issue_id, body);

  sp_test_assert_status (refused, status);
  if (field != NULL)
    g_assert_cmpstr (sp_test_error_field (refused), ==, field);
}

static gint64
cases_total (Fixture    *f,
             const char *token,
             const char *issue_id,
             SpTestResponse **keep)
{
  g_autofree char *url = g_strdup_printf ("/api/v1/contract-issues/%s/cases", issue_id);

  *keep = sp_test_json (f->server, "GET", url, token, NULL);
  return (*keep)->status == 200 ? sp_test_get_int (*keep, "total") : -(gint64) (*keep)->status;
}

/* An issue gathers more cases about its provider: procurement links and
 * removes them; readers see only the cases they may read issues about. */
static void
test_cases (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *issue = open_issue (f);
  g_autofree char *case_b = make_case (f, f->org->unit_b, f->provider_id, TRUE);
  g_autofree char *case_a2 = make_case (f, f->org->unit_a, f->provider_id, TRUE);
  g_autofree char *unflagged = make_case (f, f->org->unit_a, f->provider_id, FALSE);
  g_autofree char *other_provider_case = NULL;
  g_autofree char *body = NULL;
  g_autofree char *delete_url = NULL;
  g_autofree char *events_url = NULL;
  g_autoptr(SpTestResponse) other = NULL;
  g_autoptr(SpTestResponse) linked = NULL;
  g_autoptr(SpTestResponse) keep = NULL;
  g_autoptr(SpTestResponse) events = NULL;
  g_autoptr(SpTestResponse) removed = NULL;
  g_autoptr(SpTestResponse) again = NULL;
  g_autoptr(SpTestResponse) by_manager = NULL;

  other = sp_test_json (f->server, "POST", "/api/v1/providers", f->org->procurement,
                        "{\"name\":\"Annan Omsorg AB\",\"org_number\":\"2120000142\","
                        "\"contract_form\":\"contracted_operation\"}");
  sp_test_assert_status (other, 201);
  other_provider_case = make_case (f, f->org->unit_a, sp_test_get_string (other, "id"), TRUE);

  body = g_strdup_printf ("{\"case_id\":\"%s\"}", case_b);
  linked = link_case (f, f->org->procurement, issue, body);
  sp_test_assert_status (linked, 201);
  g_assert_cmpstr (sp_test_get_string (linked, "case_id"), ==, case_b);
  g_assert_cmpstr (sp_test_get_string (linked, "contract_issue_id"), ==, issue);
  g_free (body);
  body = g_strdup_printf ("{\"case_id\":\"%s\"}", case_a2);
  g_clear_pointer (&keep, sp_test_response_free);
  keep = link_case (f, f->org->admin, issue, body);
  sp_test_assert_status (keep, 201);

  /* Procurement sees all three, the issue's own first; unit A's manager
   * the two of unit A, not unit B's; unit B's manager not the issue. */
  g_clear_pointer (&keep, sp_test_response_free);
  g_assert_cmpint (cases_total (f, f->org->procurement, issue, &keep), ==, 3);
  g_assert_cmpstr (sp_test_get_string (keep, "items.0.case_id"), ==, f->case_id);
  g_assert_true (JSON_NODE_HOLDS_NULL (sp_test_get_node (keep, "items.0.link_id")));
  g_assert_cmpstr (sp_test_get_string (keep, "items.1.case_id"), ==, case_b);
  g_assert_nonnull (sp_test_get_string (keep, "items.1.subject"));
  g_clear_pointer (&keep, sp_test_response_free);
  g_assert_cmpint (cases_total (f, f->org->manager_a, issue, &keep), ==, 2);
  g_assert_cmpstr (sp_test_get_string (keep, "items.1.case_id"), ==, case_a2);
  g_clear_pointer (&keep, sp_test_response_free);
  g_assert_cmpint (cases_total (f, f->org->manager_b, issue, &keep), ==, -404);

  /* Refused: by a reader, an unknown case, SQL in the id, one already
   * linked, the issue's own, a case procurement does not handle (not
   * flagged), a case about another provider, bad bodies. */
  g_free (body);
  body = g_strdup_printf ("{\"case_id\":\"%s\"}", case_a2);
  assert_link_refused (f, f->org->manager_a, issue, body, 403, NULL);
  assert_link_refused (f, f->org->manager_b, issue, body, 404, NULL);
  assert_link_refused (f, f->org->procurement, issue,
                       "{\"case_id\":\"0b7f4a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b\"}", 422, "case_id");
  assert_link_refused (f, f->org->procurement, issue,
                       "{\"case_id\":\"x' OR 1=1 --\"}", 422, "case_id");
  assert_link_refused (f, f->org->procurement, issue, body, 422, "case_id");
  g_free (body);
  body = g_strdup_printf ("{\"case_id\":\"%s\"}", f->case_id);
  assert_link_refused (f, f->org->procurement, issue, body, 422, "case_id");
  g_free (body);
  body = g_strdup_printf ("{\"case_id\":\"%s\"}", unflagged);
  assert_link_refused (f, f->org->procurement, issue, body, 422, "case_id");
  g_free (body);
  body = g_strdup_printf ("{\"case_id\":\"%s\"}", other_provider_case);
  assert_link_refused (f, f->org->procurement, issue, body, 422, "case_id");
  assert_link_refused (f, f->org->procurement, issue, "{\"case_id\":5}", 422, "case_id");
  assert_link_refused (f, f->org->procurement, issue, "{\"case\":\"x\"}", 422, "case");
  assert_link_refused (f, f->org->procurement, issue, "{\"case_id\":", 400, NULL);
  assert_link_refused (f, f->org->procurement, "0b7f4a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b", body, 404, NULL);
  g_clear_pointer (&keep, sp_test_response_free);
  g_assert_cmpint (cases_total (f, f->org->procurement, issue, &keep), ==, 3);

  /* The history says who linked which case. */
  events_url = g_strdup_printf ("/api/v1/contract-issues/%s/events", issue);
  events = sp_test_json (f->server, "GET", events_url, f->org->procurement, NULL);
  sp_test_assert_status (events, 200);
  g_assert_nonnull (strstr (g_bytes_get_data (events->body, NULL), "\"field\":\"cases\""));
  g_assert_nonnull (strstr (g_bytes_get_data (events->body, NULL), case_b));
  g_assert_true (feed_has (f, f->org->procurement, "contract_issue_case", NULL));
  g_assert_false (feed_has (f, f->org->quality, "contract_issue_case", NULL));

  /* Removed by procurement, not by a reader; once. */
  delete_url = g_strdup_printf ("/api/v1/contract-issue-cases/%s", sp_test_get_string (linked, "id"));
  by_manager = sp_test_json (f->server, "DELETE", delete_url, f->org->manager_a, NULL);
  sp_test_assert_status (by_manager, 403);
  g_clear_pointer (&by_manager, sp_test_response_free);
  by_manager = sp_test_json (f->server, "DELETE", delete_url, f->org->manager_b, NULL);
  sp_test_assert_status (by_manager, 404);
  removed = sp_test_json (f->server, "DELETE", delete_url, f->org->procurement, NULL);
  sp_test_assert_status (removed, 204);
  again = sp_test_json (f->server, "DELETE", delete_url, f->org->procurement, NULL);
  sp_test_assert_status (again, 404);
  g_clear_pointer (&keep, sp_test_response_free);
  g_assert_cmpint (cases_total (f, f->org->procurement, issue, &keep), ==, 2);
  g_clear_pointer (&keep, sp_test_response_free);
  g_assert_cmpint (cases_total (f, f->org->manager_a, issue, &keep), ==, 2);
}

/* Links travel through the push as well: made and removed by
 * procurement's replica, refused for a unit manager. */
static void
test_cases_push (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *issue = open_issue (f);
  g_autofree char *case_b = make_case (f, f->org->unit_b, f->provider_id, TRUE);
  g_autoptr(SpTestResponse) by_manager = NULL;
  g_autoptr(SpTestResponse) applied = NULL;
  g_autoptr(SpTestResponse) removed = NULL;
  g_autoptr(SpTestResponse) keep = NULL;

  by_manager = sp_test_jsonf (f->server, "POST", "/api/v1/changes", f->org->manager_b,
                              "{\"batch_id\":\"l-1\",\"changes\":[{\"entity\":\"contract_issue_case\","
                              "\"op\":\"create\",\"id\":\"%s\",\"fields\":{\"contract_issue_id\":\"%s\","
                              "\"case_id\":\"%s\"}}]}", PUSHED_ID, issue, case_b);
  g_assert_cmpstr (sp_test_get_string (by_manager, "results.0.status"), ==, "rejected");
  g_assert_cmpstr (sp_test_get_string (by_manager, "results.0.error.code"), ==, "forbidden");

  applied = sp_test_jsonf (f->server, "POST", "/api/v1/changes", f->org->procurement,
                           "{\"batch_id\":\"l-2\",\"changes\":[{\"entity\":\"contract_issue_case\","
                           "\"op\":\"create\",\"id\":\"%s\",\"fields\":{\"contract_issue_id\":\"%s\","
                           "\"case_id\":\"%s\"}}]}", PUSHED_ID, issue, case_b);
  g_assert_cmpstr (sp_test_get_string (applied, "results.0.status"), ==, "applied");
  g_assert_cmpint (cases_total (f, f->org->procurement, issue, &keep), ==, 2);

  removed = sp_test_json (f->server, "POST", "/api/v1/changes", f->org->procurement,
                          "{\"batch_id\":\"l-3\",\"changes\":[{\"entity\":\"contract_issue_case\","
                          "\"op\":\"delete\",\"id\":\"" PUSHED_ID "\"}]}");
  g_assert_cmpstr (sp_test_get_string (removed, "results.0.status"), ==, "applied");
  g_clear_pointer (&keep, sp_test_response_free);
  g_assert_cmpint (cases_total (f, f->org->procurement, issue, &keep), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/contract-issues/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("story", test_story);
  ADD ("bad-input", test_bad_input);
  ADD ("access", test_access);
  ADD ("push", test_push);
  ADD ("cases", test_cases);
  ADD ("cases-push", test_cases_push);
#undef ADD

  return g_test_run ();
}
