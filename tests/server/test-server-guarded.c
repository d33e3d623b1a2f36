/* test-server-guarded.c: who may hand a case on, and what a refusal tells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * docs/SERVER.md "Access": only the registrar moves a case to another
 * unit; the unit manager hands the investigation to another unit on
 * conflict of interest (and then only that unit's manager writes it); a
 * unit manager or the registrar assigns. The same through PATCH and the
 * push. And a case the user cannot see does not exist for them, also when
 * they bring its id to a creation.
 */

#include <string.h>

#include "sp-test-server.h"

typedef struct
{
  SpTestServer *server;
  SpTestOrg    *org;
  char         *case_a;   /* created by staff_a in unit A */
  char         *path_a;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *unit = NULL;

  f->server = sp_test_server_new (NULL);
  f->org = sp_test_org_new (f->server);
  unit = g_strdup_printf ("\"unit_id\":\"%s\"", f->org->unit_a);
  f->case_a = sp_test_create_case (f->server, f->org->staff_a, unit);
  f->path_a = g_strconcat ("/api/v1/cases/", f->case_a, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_free (f->case_a);
  g_free (f->path_a);
  sp_test_org_free (f->org);
  sp_test_server_free (f->server);
}

static gint64
current_rev (Fixture    *f,
             const char *token)
{
  g_autoptr(SpTestResponse) got = sp_test_json (f->server, "GET", f->path_a, token, NULL);

  sp_test_assert_status (got, 200);
  return sp_test_get_int (got, "case.rev");
}

/* PATCHes one field of case A; returns the status. */
static guint
patch (Fixture    *f,
       const char *token,
       const char *field,
       const char *json_value)
{
  g_autoptr(SpTestResponse) patched = NULL;

  patched = sp_test_jsonf (f->server, "PATCH", f->path_a, token,
                           "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"%s\":%s}}",
                           current_rev (f, f->org->registrar), field, json_value);
  if (patched->status == 403)
    g_assert_cmpstr (sp_test_error_field (patched), ==, field);
  return patched->status;
}

/* Pushes one change; returns the result's status ("applied", "rejected"). */
static char *
push (Fixture    *f,
      const char *token,
      const char *entity,
      const char *op,
      const char *id,
      const char *fields,
      char      **error_code)
{
  static guint batch = 0;
  g_autoptr(SpTestResponse) pushed = NULL;

  pushed = sp_test_jsonf (f->server, "POST", "/api/v1/changes", token,
                          "{\"batch_id\":\"g-%u\",\"changes\":[{\"entity\":\"%s\",\"op\":\"%s\","
                          "\"id\":\"%s\",\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":%s}]}",
                          ++batch, entity, op, id, current_rev (f, f->org->registrar), fields);
  sp_test_assert_status (pushed, 200);
  if (error_code)
    *error_code = g_strdup (sp_test_get_string (pushed, "results.0.error.code"));
  return g_strdup (sp_test_get_string (pushed, "results.0.status"));
}

static char *
push_case (Fixture    *f,
           const char *token,
           const char *field,
           const char *json_value)
{
  g_autofree char *fields = g_strdup_printf ("{\"%s\":%s}", field, json_value);

  return push (f, token, "case", "update", f->case_a, fields, NULL);
}

static void
test_staff_keeps_the_case (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *unit_b = g_strdup_printf ("\"%s\"", f->org->unit_b);
  g_autofree char *manager = g_strdup_printf ("\"%s\"", f->org->manager_a_id);
  const char *guarded[][2] = {
    { "unit_id", "null" }, { "unit_id", unit_b },
    { "investigating_unit_id", unit_b }, { "assigned_to", manager },
  };
  g_autoptr(SpTestResponse) seen = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (guarded); i++)
    {
      g_autofree char *pushed = push_case (f, f->org->staff_a, guarded[i][0], guarded[i][1]);

      g_assert_cmpuint (patch (f, f->org->staff_a, guarded[i][0], guarded[i][1]), ==, 403);
      g_assert_cmpstr (pushed, ==, "rejected");
    }

  /* Still the unit's case, which its manager sees. */
  seen = sp_test_json (f->server, "GET", f->path_a, f->org->manager_a, NULL);
  sp_test_assert_status (seen, 200);
  g_assert_cmpstr (sp_test_get_string (seen, "case.unit_id"), ==, f->org->unit_a);
  g_assert_true (JSON_NODE_HOLDS_NULL (sp_test_get_node (seen, "case.investigating_unit_id")));

  /* Staff still edit the rest, and flag the conflict of interest. */
  g_assert_cmpuint (patch (f, f->org->staff_a, "conflict_of_interest", "true"), ==, 200);
  g_assert_cmpuint (patch (f, f->org->staff_a, "subject", "\"Kall mat\""), ==, 200);

  /* The unit manager moves it nowhere either; the registrar does. */
  g_assert_cmpuint (patch (f, f->org->manager_a, "unit_id", unit_b), ==, 403);
  g_assert_cmpuint (patch (f, f->org->manager_a, "assigned_to", manager), ==, 200);
  g_assert_cmpuint (patch (f, f->org->registrar, "unit_id", unit_b), ==, 200);
}

static void
test_create_for_another_unit (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SpTestResponse) other_unit = NULL;
  g_autoptr(SpTestResponse) investigating = NULL;

  other_unit = sp_test_jsonf (f->server, "POST", "/api/v1/cases", f->org->staff_a,
                              "{\"kind\":\"complaint\",\"channel\":\"phone\",\"received_on\":\"2026-11-02\","
                              "\"subject\":\"x\",\"unit_id\":\"%s\"}", f->org->unit_b);
  sp_test_assert_status (other_unit, 403);
  investigating = sp_test_jsonf (f->server, "POST", "/api/v1/cases", f->org->staff_a,
                                 "{\"kind\":\"complaint\",\"channel\":\"phone\",\"received_on\":\"2026-11-02\","
                                 "\"subject\":\"x\",\"investigating_unit_id\":\"%s\"}", f->org->unit_b);
  sp_test_assert_status (investigating, 403);
  g_assert_cmpstr (sp_test_error_field (investigating), ==, "investigating_unit_id");
}

static void
test_conflict_of_interest (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *unit_b = g_strdup_printf ("\"%s\"", f->org->unit_b);
  g_autofree char *unit_a = g_strdup_printf ("\"%s\"", f->org->unit_a);
  g_autofree char *fields = g_strdup_printf ("{\"case_id\":\"%s\",\"facts\":\"Det hände.\"}", f->case_a);
  g_autofree char *by_a = NULL;
  g_autofree char *by_staff = NULL;
  g_autofree char *by_b = NULL;
  g_autofree char *code = NULL;
  g_autoptr(SpTestResponse) read = NULL;

  /* The unit's manager hands the investigation to unit B, once. */
  g_assert_cmpuint (patch (f, f->org->manager_a, "investigating_unit_id", unit_b), ==, 200);
  g_assert_cmpuint (patch (f, f->org->manager_a, "investigating_unit_id", unit_a), ==, 403);
  g_assert_cmpuint (patch (f, f->org->manager_a, "investigating_unit_id", "null"), ==, 403);

  /* Neither they nor the staff write the investigation; B's manager does. */
  by_a = push (f, f->org->manager_a, "investigation", "create",
               "5d3f9c74-5e3a-4b2a-9f8c-3c4d5e6f7081", fields, &code);
  g_assert_cmpstr (by_a, ==, "rejected");
  g_assert_cmpstr (code, ==, "forbidden");
  by_staff = push (f, f->org->staff_a, "investigation", "create",
                   "5d3f9c74-5e3a-4b2a-9f8c-3c4d5e6f7081", fields, NULL);
  g_assert_cmpstr (by_staff, ==, "rejected");
  by_b = push (f, f->org->manager_b, "investigation", "create",
               "5d3f9c74-5e3a-4b2a-9f8c-3c4d5e6f7081", fields, NULL);
  g_assert_cmpstr (by_b, ==, "applied");

  /* The conflicted manager still reads the case and its investigation. */
  read = sp_test_json (f->server, "GET", f->path_a, f->org->manager_a, NULL);
  sp_test_assert_status (read, 200);
  g_assert_cmpstr (sp_test_get_string (read, "investigation.facts"), ==, "Det hände.");

  /* Passing it on is the registrar's. */
  g_assert_cmpuint (patch (f, f->org->manager_b, "investigating_unit_id", unit_a), ==, 403);
  g_assert_cmpuint (patch (f, f->org->registrar, "investigating_unit_id", "null"), ==, 200);
}

/* POST /cases with @id as @token: the answer's status and error code. */
static void
create_with_id (Fixture     *f,
                const char  *token,
                const char  *id,
                guint       *status,
                char       **code)
{
  g_autoptr(SpTestResponse) created = NULL;

  created = sp_test_jsonf (f->server, "POST", "/api/v1/cases", token,
                           "{\"id\":\"%s\",\"kind\":\"complaint\",\"channel\":\"phone\","
                           "\"received_on\":\"2026-11-02\",\"subject\":\"x\"}", id);
  *status = created->status;
  *code = g_strdup (sp_test_error_code (created));
}

static void
test_existence_does_not_leak (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *code_hidden = NULL;
  g_autofree char *code_mine = NULL;
  g_autofree char *pushed = NULL;
  g_autofree char *push_code = NULL;
  g_autofree char *child = NULL;
  g_autofree char *child_code = NULL;
  g_autofree char *action = g_strdup_printf ("{\"case_id\":\"%s\",\"description\":\"Ring upp\",\"responsible\":\"Chefen\",\"due_on\":\"2026-12-01\"}", f->case_a);
  g_autofree char *own = NULL;
  g_autofree char *own_action = NULL;
  g_autoptr(SpTestResponse) hidden = NULL;
  guint status_hidden, status_mine;

  /* staff_b cannot see case A. */
  hidden = sp_test_json (f->server, "GET", f->path_a, f->org->staff_b, NULL);
  sp_test_assert_status (hidden, 404);

  create_with_id (f, f->org->staff_b, f->case_a, &status_hidden, &code_hidden);
  g_assert_cmpuint (status_hidden, !=, 409);
  g_assert_cmpuint (status_hidden, ==, 422);
  /* The one who sees it is told it exists. */
  create_with_id (f, f->org->staff_a, f->case_a, &status_mine, &code_mine);
  g_assert_cmpuint (status_mine, ==, 409);

  /* Through the push: the same refusal, for a case and for a record of
   * a case the user does not see. */
  pushed = push (f, f->org->staff_b, "case", "create", f->case_a,
                 "{\"kind\":\"complaint\",\"channel\":\"phone\",\"received_on\":\"2026-11-02\",\"subject\":\"x\"}",
                 &push_code);
  g_assert_cmpstr (pushed, ==, "rejected");
  g_assert_cmpstr (push_code, ==, code_hidden);

  g_free (push (f, f->org->staff_a, "planned_action", "create",
                "6e4fad85-6f4b-4c3b-8a9d-4d5e6f708192", action, NULL));
  own = sp_test_create_case (f->server, f->org->staff_b, NULL);
  own_action = g_strdup_printf ("{\"case_id\":\"%s\",\"description\":\"Ring upp\",\"responsible\":\"Chefen\",\"due_on\":\"2026-12-01\"}", own);
  child = push (f, f->org->staff_b, "planned_action", "create",
                "6e4fad85-6f4b-4c3b-8a9d-4d5e6f708192", own_action, &child_code);
  g_assert_cmpstr (child, ==, "rejected");
  g_assert_cmpstr (child_code, ==, code_hidden);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/server/guarded/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("staff-keep-the-case", test_staff_keeps_the_case);
  ADD ("create-for-another-unit", test_create_for_another_unit);
  ADD ("conflict-of-interest", test_conflict_of_interest);
  ADD ("existence-does-not-leak", test_existence_does_not_leak);
#undef ADD

  return g_test_run ();
}
