/* test-server-access.c: every role against every kind of request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * domain.md "Access": staff see the cases they created; a unit manager
 * their unit's; a head of department the department's; the registrar all;
 * procurement the contract breaches; quality all without the sender's
 * personal data; named-employee cases only unit manager, head of
 * department and registrar; the administrator configuration and users.
 */

#include <string.h>

#include "sp-test-server.h"

#define SENDER "\"sender\":{\"name\":\"Bertil Berg\",\"email\":\"bertil@example.se\",\"phone\":\"08-123 45\",\"wants_feedback\":true}"

enum { CASE_A, CASE_B, CASE_C, CASE_NAMED, CASE_BREACH, N_CASES };

typedef struct
{
  SpTestServer *server;
  SpTestOrg    *org;
  char         *cases[N_CASES];
} Fixture;

static char *
create (Fixture    *f,
        const char *token,
        const char *unit,
        const char *flags)
{
  g_autoptr(SpTestResponse) created = NULL;

  created = sp_test_jsonf (f->server, "POST", "/api/v1/cases", token,
                           "{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"letter\","
                           "\"received_on\":\"2026-11-02\",\"subject\":\"Ärende\",\"unit_id\":\"%s\",%s%s}",
                           unit, SENDER, flags);
  sp_test_assert_status (created, 201);
  return g_strdup (sp_test_get_string (created, "id"));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->server = sp_test_server_new (NULL);
  f->org = sp_test_org_new (f->server);
  f->cases[CASE_A] = create (f, f->org->staff_a, f->org->unit_a, "");
  f->cases[CASE_B] = create (f, f->org->staff_b, f->org->unit_b, "");
  f->cases[CASE_C] = create (f, f->org->registrar, f->org->unit_c, "");
  f->cases[CASE_NAMED] = create (f, f->org->registrar, f->org->unit_a, ",\"named_employee\":true");
  f->cases[CASE_BREACH] = create (f, f->org->registrar, f->org->unit_b, ",\"contract_breach\":true");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  for (guint i = 0; i < N_CASES; i++)
    g_free (f->cases[i]);
  sp_test_org_free (f->org);
  sp_test_server_free (f->server);
}

typedef struct
{
  const char *name;
  gsize       token_offset;
  /* Expected status of GET /cases/{id} for each case (200/404), or 403
   * for everything when the role reads no cases. */
  guint       get[N_CASES];
  gint64      list_total;   /* -1: 403 */
  gboolean    redacted;
  guint       patch_a;      /* PATCH of case A */
  guint       create;       /* POST /cases for the user's own unit */
  guint       register_a;   /* registering case A */
} RoleRow;

#define TOKEN(member) G_STRUCT_OFFSET (SpTestOrg, member)

static const RoleRow matrix[] = {
  { "staff_a",      TOKEN (staff_a),      { 200, 404, 404, 404, 404 }, 1, FALSE, 200, 201, 403 },
  { "staff_b",      TOKEN (staff_b),      { 404, 200, 404, 404, 404 }, 1, FALSE, 404, 201, 404 },
  { "manager_a",    TOKEN (manager_a),    { 200, 404, 404, 200, 404 }, 2, FALSE, 200, 201, 403 },
  { "manager_b",    TOKEN (manager_b),    { 404, 200, 404, 404, 200 }, 2, FALSE, 404, 201, 404 },
  { "head",         TOKEN (head),         { 200, 200, 404, 200, 200 }, 4, FALSE, 403, 403, 403 },
  { "registrar",    TOKEN (registrar),    { 200, 200, 200, 200, 200 }, 5, FALSE, 200, 201, 200 },
  { "procurement",  TOKEN (procurement),  { 404, 404, 404, 404, 200 }, 1, FALSE, 404, 403, 404 },
  { "quality",      TOKEN (quality),      { 200, 200, 200, 404, 200 }, 4, TRUE,  403, 403, 403 },
  { "case_officer", TOKEN (case_officer), { 404, 404, 404, 404, 404 }, 0, FALSE, 404, 201, 404 },
  { "admin",        TOKEN (admin),        { 403, 403, 403, 403, 403 }, -1, FALSE, 403, 403, 403 },
};

static const char *
token_of (Fixture        *f,
          const RoleRow  *row)
{
  return G_STRUCT_MEMBER (char *, f->org, row->token_offset);
}

static void
test_matrix (Fixture       *f,
             gconstpointer  data)
{
  for (guint r = 0; r < G_N_ELEMENTS (matrix); r++)
    {
      const RoleRow *row = &matrix[r];
      const char *token = token_of (f, row);
      g_autoptr(SpTestResponse) list = NULL;
      g_autoptr(SpTestResponse) patch = NULL;
      g_autofree char *patch_path = NULL;

      g_test_message ("role %s", row->name);

      for (guint c = 0; c < N_CASES; c++)
        {
          g_autofree char *path = g_strconcat ("/api/v1/cases/", f->cases[c], NULL);
          g_autofree char *events_path = g_strconcat (path, "/events", NULL);
          g_autoptr(SpTestResponse) got = sp_test_json (f->server, "GET", path, token, NULL);
          g_autoptr(SpTestResponse) events = sp_test_json (f->server, "GET", events_path, token, NULL);

          if (got->status != row->get[c])
            g_error ("%s GET case %u: expected %u, got %u", row->name, c, row->get[c], got->status);
          g_assert_cmpuint (events->status, ==, row->get[c]);
          /* A refusal is an error answer, never an empty success. */
          if (got->status != 200)
            g_assert_nonnull (sp_test_error_code (got));
          if (got->status == 200)
            {
              if (row->redacted)
                {
                  g_assert_true (JSON_NODE_HOLDS_NULL (sp_test_get_node (got, "case.sender.name")));
                  g_assert_true (JSON_NODE_HOLDS_NULL (sp_test_get_node (got, "case.sender.email")));
                  g_assert_null (strstr (g_bytes_get_data (got->body, NULL), "bertil"));
                  g_assert_null (strstr (g_bytes_get_data (events->body, NULL), "bertil"));
                }
              else
                g_assert_cmpstr (sp_test_get_string (got, "case.sender.email"), ==, "bertil@example.se");
            }
        }

      list = sp_test_json (f->server, "GET", "/api/v1/cases?limit=100", token, NULL);
      if (row->list_total < 0)
        {
          sp_test_assert_status (list, 403);
        }
      else
        {
          sp_test_assert_status (list, 200);
          if (sp_test_get_int (list, "total") != row->list_total)
            g_error ("%s: list total %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                     row->name, sp_test_get_int (list, "total"), row->list_total);
          if (row->redacted)
            g_assert_null (strstr (g_bytes_get_data (list->body, NULL), "bertil"));
        }

      patch_path = g_strconcat ("/api/v1/cases/", f->cases[CASE_A], NULL);
      patch = sp_test_json (f->server, "PATCH", patch_path, token,
                            "{\"base_rev\":0,\"fields\":{\"service_note\":\"Noterat\"}}");
      if (patch->status != row->patch_a)
        g_error ("%s PATCH: expected %u, got %u", row->name, row->patch_a, patch->status);
    }

  /* The registrar last: the first registration changes the case. */
  for (guint r = G_N_ELEMENTS (matrix); r-- > 0;)
    {
      const RoleRow *row = &matrix[r];
      g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s/transition", f->cases[CASE_A]);
      g_autoptr(SpTestResponse) registered = NULL;

      if (g_str_equal (row->name, "registrar"))
        continue;
      registered = sp_test_json (f->server, "POST", path, token_of (f, row), "{\"to\":\"registered\"}");
      if (registered->status != row->register_a)
        g_error ("%s register: expected %u, got %u", row->name, row->register_a, registered->status);
    }
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s/transition", f->cases[CASE_A]);
    g_autoptr(SpTestResponse) registered = sp_test_json (f->server, "POST", path, f->org->registrar,
                                                         "{\"to\":\"registered\"}");
    sp_test_assert_status (registered, 200);
  }

  /* Creating last, so that new cases do not change the counts above. */
  for (guint r = 0; r < G_N_ELEMENTS (matrix); r++)
    {
      const RoleRow *row = &matrix[r];
      const char *token = token_of (f, row);
      g_autoptr(SpTestResponse) created = NULL;

      created = sp_test_json (f->server, "POST", "/api/v1/cases", token,
                              "{\"kind\":\"opinion\",\"valence\":\"positive\",\"channel\":\"in_person\","
                              "\"received_on\":\"2026-11-03\",\"subject\":\"Beröm\"}");
      if (created->status != row->create)
        g_error ("%s POST /cases: expected %u, got %u", row->name, row->create, created->status);
    }
}

static void
test_unit_boundaries (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SpTestResponse) other_unit = NULL;
  g_autoptr(SpTestResponse) move = NULL;
  g_autoptr(SpTestResponse) after = NULL;
  g_autofree char *path = g_strconcat ("/api/v1/cases/", f->cases[CASE_A], NULL);

  /* Staff cannot record a case for another unit… */
  other_unit = sp_test_jsonf (f->server, "POST", "/api/v1/cases", f->org->staff_a,
                              "{\"kind\":\"opinion\",\"valence\":\"positive\",\"channel\":\"in_person\","
                              "\"received_on\":\"2026-11-03\",\"subject\":\"X\",\"unit_id\":\"%s\"}",
                              f->org->unit_b);
  sp_test_assert_status (other_unit, 403);
  g_assert_cmpstr (sp_test_error_field (other_unit), ==, "unit_id");

  /* …and a unit manager cannot move a case out of their unit. */
  move = sp_test_jsonf (f->server, "PATCH", path, f->org->manager_a,
                        "{\"base_rev\":0,\"fields\":{\"unit_id\":\"%s\"}}", f->org->unit_b);
  sp_test_assert_status (move, 403);

  after = sp_test_json (f->server, "GET", path, f->org->manager_a, NULL);
  sp_test_assert_status (after, 200);
  g_assert_cmpstr (sp_test_get_string (after, "case.unit_id"), ==, f->org->unit_a);
}

static void
test_admin_only (Fixture       *f,
                 gconstpointer  data)
{
  const char *not_admins[] = { f->org->staff_a, f->org->registrar, f->org->quality, f->org->head };
  g_autoptr(SpTestResponse) provider_staff = NULL;
  g_autoptr(SpTestResponse) provider_proc = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (not_admins); i++)
    {
      g_autoptr(SpTestResponse) unit = NULL;
      g_autoptr(SpTestResponse) user = NULL;
      g_autoptr(SpTestResponse) category = NULL;

      unit = sp_test_json (f->server, "POST", "/api/v1/units", not_admins[i],
                           "{\"name\":\"Ny\",\"kind\":\"unit\",\"area\":\"other\"}");
      sp_test_assert_status (unit, 403);
      user = sp_test_jsonf (f->server, "POST", "/api/v1/users", not_admins[i],
                            "{\"username\":\"ny%u\",\"password\":\"%s\",\"roles\":[\"admin\"]}",
                            i, SP_TEST_PASSWORD);
      sp_test_assert_status (user, 403);
      category = sp_test_json (f->server, "POST", "/api/v1/categories", not_admins[i],
                               "{\"code\":\"x\",\"name\":\"X\",\"position\":1}");
      sp_test_assert_status (category, 403);
    }

  provider_staff = sp_test_json (f->server, "POST", "/api/v1/providers", f->org->staff_a,
                                 "{\"name\":\"Omsorg AB\",\"contract_form\":\"choice_system\",\"area\":\"elderly_care\"}");
  sp_test_assert_status (provider_staff, 403);
  provider_proc = sp_test_json (f->server, "POST", "/api/v1/providers", f->org->procurement,
                                "{\"name\":\"Omsorg AB\",\"contract_form\":\"choice_system\",\"area\":\"elderly_care\"}");
  sp_test_assert_status (provider_proc, 201);
}

static void
test_reports_access (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SpTestResponse) admin_stats = NULL;
  g_autoptr(SpTestResponse) quality_stats = NULL;
  g_autoptr(SpTestResponse) head_stats = NULL;
  g_autoptr(SpTestResponse) admin_diary = NULL;

  admin_stats = sp_test_json (f->server, "GET", "/api/v1/stats", f->org->admin, NULL);
  sp_test_assert_status (admin_stats, 403);
  admin_diary = sp_test_json (f->server, "GET", "/api/v1/diary", f->org->admin, NULL);
  sp_test_assert_status (admin_diary, 403);

  quality_stats = sp_test_json (f->server, "GET", "/api/v1/stats", f->org->quality, NULL);
  sp_test_assert_status (quality_stats, 200);
  g_assert_cmpint (sp_test_get_int (quality_stats, "total"), ==, 4);

  head_stats = sp_test_json (f->server, "GET", "/api/v1/stats", f->org->head, NULL);
  sp_test_assert_status (head_stats, 200);
  g_assert_cmpint (sp_test_get_int (head_stats, "total"), ==, 4);
}

/* The server's figures are core's statistics over the same data: the
 * numbers the app counts on its replica. */
static void
test_stats_figures (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SpTestResponse) stats = NULL;
  g_autoptr(SpTestResponse) bad = NULL;
  g_autoptr(SpTestResponse) bad_scope = NULL;
  g_autoptr(SpStatsReport) report = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *server_text = NULL;
  g_autofree char *core_text = NULL;
  g_autoptr(JsonNode) core_node = NULL;
  SpDate today = sp_date_today_in_organisation ();
  int year = sp_date_get_year (today);
  SpStatsQuery query = { NULL, { SP_STATS_SCOPE_ORGANISATION, NULL }, today };
  SpPeriod period = sp_period_year (year);
  SpCaseQuery base;

  path = g_strdup_printf ("/api/v1/stats?period=%d", year);
  stats = sp_test_json (f->server, "GET", path, f->org->quality, NULL);
  sp_test_assert_status (stats, 200);
  g_assert_cmpstr (sp_test_get_string (stats, "scope"), ==, "organisation");
  g_assert_nonnull (sp_test_get_node (stats, "figures"));
  g_assert_nonnull (sp_test_get_node (stats, "signals"));

  store = sp_store_open (f->server->db, &error);
  g_assert_no_error (error);
  sp_case_query_init (&base);
  base.hide_named_employee = TRUE;
  query.base = &base;
  report = sp_stats_report_compute (store, &query, &period, &error);
  g_assert_no_error (error);
  core_node = sp_stats_report_to_json (report);
  core_text = json_to_string (core_node, FALSE);
  server_text = json_to_string (sp_test_get_node (stats, "figures"), FALSE);
  g_assert_cmpstr (server_text, ==, core_text);
  g_assert_cmpint (report->current->total + report->previous->total, >, 0);

  bad = sp_test_json (f->server, "GET", "/api/v1/stats?period=2025-T4", f->org->quality, NULL);
  sp_test_assert_status (bad, 422);
  g_assert_cmpstr (sp_test_error_field (bad), ==, "period");
  bad_scope = sp_test_json (f->server, "GET", "/api/v1/stats?period=2025&scope=planet:x", f->org->quality, NULL);
  sp_test_assert_status (bad_scope, 422);
  g_assert_cmpstr (sp_test_error_field (bad_scope), ==, "scope");
}

/* Several roles at once get the union, each case as the most generous
 * role allows. */
static void
test_several_roles (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SpTestResponse) user = NULL;
  g_autoptr(SpTestResponse) list = NULL;
  g_autoptr(SpTestResponse) own = NULL;
  g_autoptr(SpTestResponse) other = NULL;
  g_autofree char *token = NULL;
  g_autofree char *own_path = g_strconcat ("/api/v1/cases/", f->cases[CASE_A], NULL);
  g_autofree char *other_path = g_strconcat ("/api/v1/cases/", f->cases[CASE_B], NULL);

  user = sp_test_jsonf (f->server, "POST", "/api/v1/users", f->org->admin,
                        "{\"username\":\"both\",\"password\":\"%s\",\"roles\":[\"unit_manager\",\"quality\"],"
                        "\"unit_id\":\"%s\"}", SP_TEST_PASSWORD, f->org->unit_a);
  sp_test_assert_status (user, 201);
  token = sp_test_login (f->server, "both", SP_TEST_PASSWORD);

  list = sp_test_json (f->server, "GET", "/api/v1/cases?limit=2", token, NULL);
  sp_test_assert_status (list, 200);
  g_assert_cmpint (sp_test_get_int (list, "total"), ==, 5);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (sp_test_get_node (list, "items"))), ==, 2);

  own = sp_test_json (f->server, "GET", own_path, token, NULL);
  g_assert_cmpstr (sp_test_get_string (own, "case.sender.email"), ==, "bertil@example.se");
  other = sp_test_json (f->server, "GET", other_path, token, NULL);
  sp_test_assert_status (other, 200);
  g_assert_true (JSON_NODE_HOLDS_NULL (sp_test_get_node (other, "case.sender.email")));
}

/* On conflict of interest another unit investigates: its manager handles
 * the case. A case officer sees the cases assigned to them. */
static void
test_investigating_unit_and_assignee (Fixture       *f,
                                      gconstpointer  data)
{
  g_autofree char *flags = g_strdup_printf (",\"conflict_of_interest\":true,\"investigating_unit_id\":\"%s\"",
                                            f->org->unit_b);
  g_autofree char *jav = create (f, f->org->registrar, f->org->unit_a, flags);
  g_autofree char *jav_path = g_strconcat ("/api/v1/cases/", jav, NULL);
  g_autoptr(SpTestResponse) manager_b = NULL;
  g_autoptr(SpTestResponse) patch_b = NULL;
  g_autoptr(SpTestResponse) staff_b = NULL;
  g_autoptr(SpTestResponse) me = NULL;
  g_autoptr(SpTestResponse) officer_get = NULL;
  g_autoptr(SpTestResponse) officer_list = NULL;
  g_autofree char *assigned = NULL;
  g_autofree char *assigned_path = NULL;
  g_autofree char *assignment = NULL;

  manager_b = sp_test_json (f->server, "GET", jav_path, f->org->manager_b, NULL);
  sp_test_assert_status (manager_b, 200);
  patch_b = sp_test_json (f->server, "PATCH", jav_path, f->org->manager_b,
                          "{\"base_rev\":0,\"fields\":{\"service_note\":\"Utreds av Hemtjänst Väst\"}}");
  sp_test_assert_status (patch_b, 200);
  staff_b = sp_test_json (f->server, "GET", jav_path, f->org->staff_b, NULL);
  sp_test_assert_status (staff_b, 404);

  /* Their list has the unit's own two cases and the one it investigates. */
  {
    g_autoptr(SpTestResponse) list = sp_test_json (f->server, "GET", "/api/v1/cases?limit=2", f->org->manager_b, NULL);
    sp_test_assert_status (list, 200);
    g_assert_cmpint (sp_test_get_int (list, "total"), ==, 3);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (sp_test_get_node (list, "items"))), ==, 2);
  }

  me = sp_test_json (f->server, "GET", "/api/v1/session", f->org->case_officer, NULL);
  assignment = g_strdup_printf (",\"assigned_to\":\"%s\"", sp_test_get_string (me, "user.id"));
  assigned = create (f, f->org->registrar, f->org->unit_b, assignment);
  assigned_path = g_strconcat ("/api/v1/cases/", assigned, NULL);
  officer_get = sp_test_json (f->server, "GET", assigned_path, f->org->case_officer, NULL);
  sp_test_assert_status (officer_get, 200);
  officer_list = sp_test_json (f->server, "GET", "/api/v1/cases", f->org->case_officer, NULL);
  sp_test_assert_status (officer_list, 200);
  g_assert_cmpint (sp_test_get_int (officer_list, "total"), ==, 1);
  g_assert_cmpstr (sp_test_get_string (officer_list, "items.0.id"), ==, assigned);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/server/access/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("matrix", test_matrix);
  ADD ("unit-boundaries", test_unit_boundaries);
  ADD ("admin-only", test_admin_only);
  ADD ("reports", test_reports_access);
  ADD ("stats-figures", test_stats_figures);
  ADD ("several-roles", test_several_roles);
  ADD ("investigating-unit-and-assignee", test_investigating_unit_and_assignee);
#undef ADD

  return g_test_run ();
}
