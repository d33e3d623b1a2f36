/* test-server-cases.c: the cases API and the reference data, end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-server.h"

#define SENDER "\"sender\":{\"name\":\"Anna Andersson\",\"email\":\"anna@example.se\",\"wants_feedback\":true}"

typedef SpTestFixture Fixture;

static void
test_create_get (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SpTestResponse) created = NULL;
  g_autoptr(SpTestResponse) got = NULL;
  g_autofree char *path = NULL;
  const char *id;

  created = sp_test_jsonf (f->server, "POST", "/api/v1/cases", f->org->staff_a,
                           "{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"phone\","
                           "\"received_on\":\"2026-11-02\",\"subject\":\"Maten var kall\","
                           "\"category\":\"food_meals\",%s}", SENDER);
  sp_test_assert_status (created, 201);
  id = sp_test_get_string (created, "id");
  g_assert_true (sp_is_uuid (id));
  g_assert_cmpint (sp_test_get_int (created, "rev"), >, 0);
  g_assert_cmpstr (sp_test_get_string (created, "status"), ==, "received");
  g_assert_null (sp_test_get_string (created, "diary_number"));
  /* Staff record cases for their own unit. */
  g_assert_cmpstr (sp_test_get_string (created, "unit_id"), ==, f->org->unit_a);
  g_assert_cmpstr (sp_test_get_string (created, "created_by"), ==, f->org->staff_a_id);
  /* Every case answer carries its deadline. */
  g_assert_cmpstr (sp_test_get_string (created, "deadline_rule"), ==, "calendar-days:14");
  g_assert_cmpstr (sp_test_get_string (created, "due_on"), ==, "2026-11-16");
  g_assert_nonnull (sp_test_get_node (created, "overdue"));
  g_assert_cmpstr (sp_test_get_string (created, "sender.email"), ==, "anna@example.se");
  g_assert_nonnull (soup_message_headers_get_one (created->headers, "Location"));

  path = g_strconcat ("/api/v1/cases/", id, NULL);
  got = sp_test_json (f->server, "GET", path, f->org->staff_a, NULL);
  sp_test_assert_status (got, 200);
  g_assert_cmpstr (sp_test_get_string (got, "case.id"), ==, id);
  g_assert_cmpstr (sp_test_get_string (got, "case.subject"), ==, "Maten var kall");
  g_assert_true (JSON_NODE_HOLDS_NULL (sp_test_get_node (got, "investigation")));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (sp_test_get_node (got, "planned_actions")));
}

static char *
make_case (Fixture    *f,
           const char *token,
           const char *kind,
           const char *channel,
           const char *received_on,
           const char *subject,
           const char *category,
           const char *unit_id)
{
  g_autoptr(SpTestResponse) created = NULL;
  g_autofree char *unit = unit_id ? g_strdup_printf ("\"%s\"", unit_id) : g_strdup ("null");

  created = sp_test_jsonf (f->server, "POST", "/api/v1/cases", token,
                           "{\"kind\":\"%s\",\"valence\":\"negative\",\"channel\":\"%s\","
                           "\"received_on\":\"%s\",\"subject\":\"%s\",\"category\":\"%s\","
                           "\"unit_id\":%s,%s}",
                           kind, channel, received_on, subject, category, unit, SENDER);
  sp_test_assert_status (created, 201);
  return g_strdup (sp_test_get_string (created, "id"));
}

static gint64
count_of (Fixture    *f,
          const char *token,
          const char *query)
{
  g_autofree char *path = g_strconcat ("/api/v1/cases?", query, NULL);
  g_autoptr(SpTestResponse) response = sp_test_json (f->server, "GET", path, token, NULL);

  sp_test_assert_status (response, 200);
  g_assert_cmpint (json_array_get_length (json_node_get_array (sp_test_get_node (response, "items"))),
                   <=, sp_test_get_int (response, "total"));
  return sp_test_get_int (response, "total");
}

static void
test_list_filters (Fixture       *f,
                   gconstpointer  data)
{
  const char *reg = f->org->registrar;
  g_autofree char *a = make_case (f, reg, "opinion", "email", "2026-01-10", "Bra bemötande i receptionen", "treatment", f->org->unit_a);
  g_autofree char *b = make_case (f, reg, "complaint", "phone", "2026-03-05", "Kall mat på äldreboendet", "food_meals", f->org->unit_a);
  g_autofree char *c = make_case (f, reg, "complaint", "letter", "2026-06-20", "Lång väntetid i hemtjänsten", "case_handling", f->org->unit_b);
  g_autofree char *d = make_case (f, reg, "citizen_proposal", "web_form", "2025-12-30", "Fler parkbänkar", "other", f->org->unit_c);
  g_autofree char *query = NULL;
  g_autoptr(SpTestResponse) sorted = NULL;
  g_autoptr(SpTestResponse) paged = NULL;
  g_autoptr(SpTestResponse) registered = NULL;
  g_autofree char *path = NULL;

  g_assert_cmpint (count_of (f, reg, ""), ==, 4);
  g_assert_cmpint (count_of (f, reg, "kind=complaint"), ==, 2);
  g_assert_cmpint (count_of (f, reg, "kind=complaint,opinion"), ==, 3);
  g_assert_cmpint (count_of (f, reg, "category=food_meals"), ==, 1);
  g_assert_cmpint (count_of (f, reg, "channel=phone"), ==, 1);
  g_assert_cmpint (count_of (f, reg, "channel=phone,letter"), ==, 2);
  g_assert_cmpint (count_of (f, reg, "valence=negative"), ==, 4);
  g_assert_cmpint (count_of (f, reg, "valence=positive,neutral"), ==, 0);
  /* The units of the test organisation are all in elderly care. */
  g_assert_cmpint (count_of (f, reg, "area=elderly_care"), ==, 4);
  g_assert_cmpint (count_of (f, reg, "area=preschool,city_environment"), ==, 0);
  {
    g_autoptr(SpTestResponse) bad = sp_test_json (f->server, "GET", "/api/v1/cases?channel=fax",
                                                  reg, NULL);

    g_assert_cmpint (bad->status, >=, 400);
    g_assert_cmpint (bad->status, <, 500);
    g_assert_cmpstr (sp_test_get_string (bad, "error.field"), ==, "channel");
  }
  g_assert_cmpint (count_of (f, reg, "from=2026-01-01&to=2026-03-31"), ==, 2);
  g_assert_cmpint (count_of (f, reg, "status=received"), ==, 4);
  g_assert_cmpint (count_of (f, reg, "status=closed"), ==, 0);
  /* Due long ago: all four are overdue today. */
  g_assert_cmpint (count_of (f, reg, "overdue=true"), ==, 4);
  g_assert_cmpint (count_of (f, reg, "q=v%C3%A4ntetid"), ==, 1);
  g_assert_cmpint (count_of (f, reg, "q=mat"), ==, 1);
  query = g_strdup_printf ("unit=%s", f->org->unit_a);
  g_assert_cmpint (count_of (f, reg, query), ==, 2);

  sorted = sp_test_json (f->server, "GET", "/api/v1/cases?sort=-received_on", reg, NULL);
  sp_test_assert_status (sorted, 200);
  g_assert_cmpstr (sp_test_get_string (sorted, "items.0.id"), ==, c);
  g_assert_cmpstr (sp_test_get_string (sorted, "items.3.id"), ==, d);

  paged = sp_test_json (f->server, "GET", "/api/v1/cases?sort=received_on&limit=2&offset=1", reg, NULL);
  sp_test_assert_status (paged, 200);
  g_assert_cmpint (sp_test_get_int (paged, "total"), ==, 4);
  g_assert_cmpint (json_array_get_length (json_node_get_array (sp_test_get_node (paged, "items"))), ==, 2);
  g_assert_cmpstr (sp_test_get_string (paged, "items.0.id"), ==, a);
  g_assert_cmpstr (sp_test_get_string (paged, "items.1.id"), ==, b);

  /* Registering makes it show up among the registered. */
  path = g_strdup_printf ("/api/v1/cases/%s/transition", b);
  registered = sp_test_json (f->server, "POST", path, reg, "{\"to\":\"registered\"}");
  sp_test_assert_status (registered, 200);
  g_assert_cmpint (count_of (f, reg, "registered=true"), ==, 1);
}

static void
test_patch_merge_conflict (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *id = make_case (f, f->org->manager_a, "complaint", "phone", "2026-11-02",
                                   "Kall mat", "food_meals", f->org->unit_a);
  g_autofree char *path = g_strconcat ("/api/v1/cases/", id, NULL);
  g_autoptr(SpTestResponse) first = NULL;
  g_autoptr(SpTestResponse) merged = NULL;
  g_autoptr(SpTestResponse) conflict = NULL;
  g_autoptr(SpTestResponse) same = NULL;
  g_autoptr(SpTestResponse) events = NULL;
  g_autofree char *events_path = NULL;
  gint64 base;
  JsonArray *items;
  gboolean found = FALSE;

  {
    g_autoptr(SpTestResponse) got = sp_test_json (f->server, "GET", path, f->org->manager_a, NULL);
    base = sp_test_get_int (got, "case.rev");
  }

  /* Two people start from the same revision. The first changes the
   * subject; the second the description: they merge. */
  first = sp_test_jsonf (f->server, "PATCH", path, f->org->manager_a,
                         "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"subject\":\"Kall mat tre dagar\"}}", base);
  sp_test_assert_status (first, 200);
  g_assert_cmpint (sp_test_get_int (first, "rev"), >, base);

  merged = sp_test_jsonf (f->server, "PATCH", path, f->org->registrar,
                          "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"description\":\"Gäller middagen.\"}}", base);
  sp_test_assert_status (merged, 200);
  g_assert_cmpstr (sp_test_get_string (merged, "subject"), ==, "Kall mat tre dagar");
  g_assert_cmpstr (sp_test_get_string (merged, "description"), ==, "Gäller middagen.");

  /* The same field changed by someone else since base: 409 with the
   * server's version, nothing written. */
  conflict = sp_test_jsonf (f->server, "PATCH", path, f->org->registrar,
                            "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"subject\":\"Annat ämne\"}}", base);
  sp_test_assert_status (conflict, 409);
  g_assert_cmpstr (sp_test_error_code (conflict), ==, "conflict");
  g_assert_cmpstr (sp_test_error_field (conflict), ==, "subject");
  g_assert_cmpstr (sp_test_get_string (conflict, "current.subject"), ==, "Kall mat tre dagar");
  g_assert_cmpstr (sp_test_get_string (conflict, "conflicts.0.field"), ==, "subject");
  g_assert_cmpstr (sp_test_get_string (conflict, "conflicts.0.server_value"), ==, "Kall mat tre dagar");
  g_assert_cmpstr (sp_test_get_string (conflict, "conflicts.0.client_value"), ==, "Annat ämne");

  /* Setting it to what it already is is no conflict. */
  same = sp_test_jsonf (f->server, "PATCH", path, f->org->registrar,
                        "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"subject\":\"Kall mat tre dagar\"}}", base);
  sp_test_assert_status (same, 200);

  events_path = g_strconcat (path, "/events", NULL);
  events = sp_test_json (f->server, "GET", events_path, f->org->manager_a, NULL);
  sp_test_assert_status (events, 200);
  items = json_node_get_array (sp_test_get_node (events, "items"));
  g_assert_cmpuint (json_array_get_length (items), >=, 3);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *event = json_array_get_object_element (items, i);
      if (g_strcmp0 (json_object_get_string_member_with_default (event, "new_value", ""), "Kall mat tre dagar") == 0)
        found = TRUE;
    }
  g_assert_true (found);
}

static void
test_transitions (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id = make_case (f, f->org->staff_a, "complaint", "phone", "2026-11-02",
                                   "Kall mat", "food_meals", NULL);
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s/transition", id);
  g_autoptr(SpTestResponse) by_staff = NULL;
  g_autoptr(SpTestResponse) registered = NULL;
  g_autoptr(SpTestResponse) again = NULL;
  g_autoptr(SpTestResponse) assigned = NULL;
  g_autoptr(SpTestResponse) skip = NULL;
  g_autoptr(SpTestResponse) investigating = NULL;
  g_autoptr(SpTestResponse) unknown = NULL;

  /* Staff may not register: the workflow says registrar. */
  by_staff = sp_test_json (f->server, "POST", path, f->org->staff_a, "{\"to\":\"registered\"}");
  sp_test_assert_status (by_staff, 403);

  registered = sp_test_json (f->server, "POST", path, f->org->registrar, "{\"to\":\"registered\"}");
  sp_test_assert_status (registered, 200);
  g_assert_cmpstr (sp_test_get_string (registered, "status"), ==, "registered");
  g_assert_cmpstr (sp_test_get_string (registered, "diary_number"), ==, "TST 2026/0001");

  again = sp_test_json (f->server, "POST", path, f->org->registrar, "{\"to\":\"registered\"}");
  sp_test_assert_status (again, 409);
  g_assert_cmpstr (sp_test_error_code (again), ==, "transition");

  assigned = sp_test_json (f->server, "POST", path, f->org->registrar, "{\"to\":\"assigned\"}");
  sp_test_assert_status (assigned, 200);

  skip = sp_test_json (f->server, "POST", path, f->org->manager_a, "{\"to\":\"closed\"}");
  sp_test_assert_status (skip, 409);

  investigating = sp_test_json (f->server, "POST", path, f->org->manager_a, "{\"to\":\"investigating\"}");
  sp_test_assert_status (investigating, 200);
  g_assert_cmpstr (sp_test_get_string (investigating, "status"), ==, "investigating");

  unknown = sp_test_json (f->server, "POST", path, f->org->manager_a, "{\"to\":\"teleported\"}");
  sp_test_assert_status (unknown, 422);
  g_assert_cmpstr (sp_test_error_field (unknown), ==, "to");
}

/* Registering many cases at once from parallel connections gives each a
 * different number, with no gaps. */
static void
test_diary_concurrent (Fixture       *f,
                       gconstpointer  data)
{
  enum { N = 24 };
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  const char *methods[N];
  const char *bodies[N];
  const char *path_list[N];

  for (guint i = 0; i < N; i++)
    {
      g_ptr_array_add (ids, make_case (f, f->org->registrar, "complaint", "email", "2026-05-05",
                                       "Parallell", "other", f->org->unit_a));
      g_ptr_array_add (paths, g_strdup_printf ("/api/v1/cases/%s/transition",
                                               (char *) g_ptr_array_index (ids, i)));
      methods[i] = "POST";
      bodies[i] = "{\"to\":\"registered\"}";
      path_list[i] = g_ptr_array_index (paths, i);
    }

  responses = sp_test_json_many (f->server, N, methods, path_list, f->org->registrar, bodies);
  for (guint i = 0; i < N; i++)
    {
      SpTestResponse *response = g_ptr_array_index (responses, i);
      const char *number;

      sp_test_assert_status (response, 200);
      number = sp_test_get_string (response, "diary_number");
      g_assert_nonnull (number);
      g_assert_false (g_hash_table_contains (numbers, number));
      g_hash_table_add (numbers, (gpointer) number);
    }

  for (guint i = 1; i <= N; i++)
    {
      g_autofree char *expected = g_strdup_printf ("TST 2026/%04u", i);
      g_assert_true (g_hash_table_contains (numbers, expected));
    }
}

static void
test_reference_data (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SpTestResponse) units = NULL;
  g_autoptr(SpTestResponse) users = NULL;
  g_autoptr(SpTestResponse) categories = NULL;
  g_autoptr(SpTestResponse) provider = NULL;
  g_autoptr(SpTestResponse) providers = NULL;
  g_autoptr(SpTestResponse) category = NULL;
  g_autoptr(SpTestResponse) duplicate = NULL;
  g_autoptr(SpTestResponse) bad_parent = NULL;
  g_autoptr(SpTestResponse) taken = NULL;

  units = sp_test_json (f->server, "GET", "/api/v1/units", f->org->staff_a, NULL);
  sp_test_assert_status (units, 200);
  g_assert_cmpint (sp_test_get_int (units, "total"), ==, 6);

  users = sp_test_json (f->server, "GET", "/api/v1/users", f->org->admin, NULL);
  sp_test_assert_status (users, 200);
  g_assert_cmpint (sp_test_get_int (users, "total"), ==, 10);
  g_assert_null (strstr (g_bytes_get_data (users->body, NULL), "argon2"));

  categories = sp_test_json (f->server, "GET", "/api/v1/categories", f->org->staff_a, NULL);
  sp_test_assert_status (categories, 200);
  g_assert_cmpint (sp_test_get_int (categories, "total"), ==, 10);

  provider = sp_test_json (f->server, "POST", "/api/v1/providers", f->org->procurement,
                           "{\"name\":\"Omsorg AB\",\"org_number\":\"556677-8899\","
                           "\"contract_form\":\"choice_system\",\"area\":\"elderly_care\"}");
  sp_test_assert_status (provider, 201);
  {
    static const char * const bad[] = {
      "{\"name\":\"Fel AB\",\"org_number\":\"556677-8898\"}",          /* check digit */
      "{\"name\":\"Fel AB\",\"org_number\":\"55667788\"}",             /* length */
      "{\"name\":\"Fel AB\",\"org_number\":\"5566'); DROP TABLE providers;--\"}",
      "{\"name\":\"Fel AB\",\"contract_starts_on\":\"2026-01-01\",\"contract_ends_on\":\"2025-12-31\"}",
    };
    static const char * const fields[] = { "org_number", "org_number", "org_number", "contract_ends_on" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(SpTestResponse) refused = sp_test_json (f->server, "POST", "/api/v1/providers",
                                                          f->org->procurement, bad[i]);
        sp_test_assert_status (refused, 422);
        g_assert_cmpstr (sp_test_error_field (refused), ==, fields[i]);
      }
  }
  providers = sp_test_json (f->server, "GET", "/api/v1/providers", f->org->staff_a, NULL);
  g_assert_cmpint (sp_test_get_int (providers, "total"), ==, 1);

  category = sp_test_json (f->server, "POST", "/api/v1/categories", f->org->admin,
                           "{\"code\":\"parking\",\"name\":\"Parkering\",\"position\":11}");
  sp_test_assert_status (category, 201);
  duplicate = sp_test_json (f->server, "POST", "/api/v1/categories", f->org->admin,
                            "{\"code\":\"parking\",\"name\":\"Parkering igen\",\"position\":12}");
  sp_test_assert_status (duplicate, 409);

  bad_parent = sp_test_json (f->server, "POST", "/api/v1/units", f->org->admin,
                             "{\"name\":\"Vilse\",\"kind\":\"unit\",\"area\":\"other\","
                             "\"parent_id\":\"00000000-0000-4000-8000-000000000000\"}");
  sp_test_assert_status (bad_parent, 422);
  g_assert_cmpstr (sp_test_error_field (bad_parent), ==, "parent_id");

  taken = sp_test_jsonf (f->server, "POST", "/api/v1/users", f->org->admin,
                         "{\"username\":\"staff_a\",\"password\":\"%s\",\"roles\":[\"staff\"]}",
                         SP_TEST_PASSWORD);
  sp_test_assert_status (taken, 409);
  g_assert_cmpstr (sp_test_error_field (taken), ==, "username");
}

static void
test_reference_changes (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *unit_path = g_strconcat ("/api/v1/units/", f->org->unit_a, NULL);
  g_autofree char *dept_path = g_strconcat ("/api/v1/units/", f->org->department, NULL);
  g_autofree char *user_path = g_strconcat ("/api/v1/users/", f->org->staff_a_id, NULL);
  g_autoptr(SpTestResponse) unit = NULL;
  g_autoptr(SpTestResponse) renamed = NULL;
  g_autoptr(SpTestResponse) stale = NULL;
  g_autoptr(SpTestResponse) cycle = NULL;
  g_autoptr(SpTestResponse) by_staff = NULL;
  g_autoptr(SpTestResponse) promoted = NULL;
  g_autoptr(SpTestResponse) as_manager = NULL;
  g_autoptr(SpTestResponse) reset = NULL;
  g_autoptr(SpTestResponse) old_token = NULL;
  g_autoptr(SpTestResponse) removed = NULL;
  g_autoptr(SpTestResponse) after_removal = NULL;
  g_autoptr(SpTestResponse) relogin = NULL;
  g_autoptr(SpTestResponse) self_removal = NULL;
  g_autoptr(SpTestResponse) code = NULL;
  g_autoptr(SpTestResponse) categories = NULL;
  g_autofree char *new_token = NULL;
  g_autofree char *category_path = NULL;
  gint64 base;

  unit = sp_test_json (f->server, "GET", "/api/v1/units", f->org->admin, NULL);
  base = sp_test_get_int (unit, "items.3.rev");

  renamed = sp_test_jsonf (f->server, "PATCH", unit_path, f->org->admin,
                           "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"name\":\"Solgården\"}}", base);
  sp_test_assert_status (renamed, 200);
  g_assert_cmpstr (sp_test_get_string (renamed, "name"), ==, "Solgården");

  stale = sp_test_jsonf (f->server, "PATCH", unit_path, f->org->admin,
                         "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"name\":\"Annat namn\"}}", base);
  sp_test_assert_status (stale, 409);
  g_assert_cmpstr (sp_test_get_string (stale, "current.name"), ==, "Solgården");

  /* The department cannot move under its own unit. */
  cycle = sp_test_jsonf (f->server, "PATCH", dept_path, f->org->admin,
                         "{\"base_rev\":0,\"fields\":{\"parent_id\":\"%s\"}}", f->org->unit_a);
  sp_test_assert_status (cycle, 422);
  g_assert_cmpstr (sp_test_error_field (cycle), ==, "parent_id");

  by_staff = sp_test_json (f->server, "PATCH", unit_path, f->org->staff_a,
                           "{\"base_rev\":0,\"fields\":{\"name\":\"Mitt\"}}");
  sp_test_assert_status (by_staff, 403);

  /* New roles take effect on the user's next request. */
  promoted = sp_test_json (f->server, "PATCH", user_path, f->org->admin,
                           "{\"base_rev\":0,\"fields\":{\"roles\":[\"staff\",\"registrar\"]}}");
  sp_test_assert_status (promoted, 200);
  as_manager = sp_test_json (f->server, "GET", "/api/v1/diary", f->org->staff_a, NULL);
  sp_test_assert_status (as_manager, 200);

  /* A new password ends the user's sessions. */
  reset = sp_test_json (f->server, "PATCH", user_path, f->org->admin,
                        "{\"base_rev\":0,\"fields\":{},\"password\":\"a brand new password\"}");
  sp_test_assert_status (reset, 200);
  old_token = sp_test_json (f->server, "GET", "/api/v1/session", f->org->staff_a, NULL);
  sp_test_assert_status (old_token, 401);
  new_token = sp_test_login (f->server, "staff_a", "a brand new password");

  /* Removing a user ends their sessions and their logins. */
  removed = sp_test_json (f->server, "DELETE", user_path, f->org->admin, NULL);
  sp_test_assert_status (removed, 204);
  after_removal = sp_test_json (f->server, "GET", "/api/v1/session", new_token, NULL);
  sp_test_assert_status (after_removal, 401);
  relogin = sp_test_json (f->server, "POST", "/api/v1/session", NULL,
                          "{\"username\":\"staff_a\",\"password\":\"a brand new password\"}");
  sp_test_assert_status (relogin, 401);

  {
    g_autoptr(SpTestResponse) me = sp_test_json (f->server, "GET", "/api/v1/session", f->org->admin, NULL);
    g_autofree char *admin_path = g_strconcat ("/api/v1/users/", sp_test_get_string (me, "user.id"), NULL);
    self_removal = sp_test_json (f->server, "DELETE", admin_path, f->org->admin, NULL);
    sp_test_assert_status (self_removal, 409);
  }

  categories = sp_test_json (f->server, "GET", "/api/v1/categories", f->org->admin, NULL);
  category_path = g_strconcat ("/api/v1/categories/", sp_test_get_string (categories, "items.0.id"), NULL);
  code = sp_test_json (f->server, "PATCH", category_path, f->org->admin,
                       "{\"base_rev\":0,\"fields\":{\"code\":\"renamed\"}}");
  sp_test_assert_status (code, 422);
  g_assert_cmpstr (sp_test_error_field (code), ==, "code");
}

static void
test_diary_and_stats (Fixture       *f,
                      gconstpointer  data)
{
  const char *reg = f->org->registrar;
  g_autofree char *a = make_case (f, reg, "complaint", "email", "2026-02-10", "Ett", "food_meals", f->org->unit_a);
  g_autofree char *b = make_case (f, reg, "opinion", "phone", "2026-02-11", "Två", "treatment", f->org->unit_b);
  g_autofree char *c = make_case (f, reg, "complaint", "phone", "2026-03-01", "Tre", "food_meals", f->org->unit_a);
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s/transition", a);
  g_autoptr(SpTestResponse) registered = NULL;
  g_autoptr(SpTestResponse) diary = NULL;
  g_autoptr(SpTestResponse) stats = NULL;
  g_autoptr(SpTestResponse) year = NULL;

  registered = sp_test_json (f->server, "POST", path, reg, "{\"to\":\"registered\"}");
  sp_test_assert_status (registered, 200);

  diary = sp_test_json (f->server, "GET", "/api/v1/diary?year=2026", reg, NULL);
  sp_test_assert_status (diary, 200);
  g_assert_cmpint (sp_test_get_int (diary, "total"), ==, 1);
  g_assert_cmpstr (sp_test_get_string (diary, "items.0.diary_number"), ==, "TST 2026/0001");
  g_assert_cmpstr (sp_test_get_string (diary, "items.0.case_id"), ==, a);
  g_assert_null (sp_test_get_node (diary, "items.0.sender"));

  stats = sp_test_json (f->server, "GET", "/api/v1/stats", reg, NULL);
  sp_test_assert_status (stats, 200);
  g_assert_cmpint (sp_test_get_int (stats, "total"), ==, 3);
  g_assert_cmpint (sp_test_get_int (stats, "by_kind.complaint"), ==, 2);
  g_assert_cmpint (sp_test_get_int (stats, "by_kind.opinion"), ==, 1);
  g_assert_cmpint (sp_test_get_int (stats, "by_category.food_meals"), ==, 2);
  g_assert_cmpint (sp_test_get_int (stats, "by_channel.phone"), ==, 2);
  g_assert_cmpint (sp_test_get_int (stats, "by_month.2026-02"), ==, 2);
  g_assert_cmpint (sp_test_get_int (stats, "by_month.2026-03"), ==, 1);
  {
    g_autofree char *key = g_strdup_printf ("by_unit.%s", f->org->unit_a);
    g_assert_cmpint (sp_test_get_int (stats, key), ==, 2);
  }

  year = sp_test_json (f->server, "GET", "/api/v1/stats?year=2025", reg, NULL);
  sp_test_assert_status (year, 200);
  g_assert_cmpint (sp_test_get_int (year, "total"), ==, 0);
}

static void
test_config_file (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autofree char *config = g_build_filename (server->dir, "server.conf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *token = NULL;
  g_autofree char *admin = NULL;
  g_autoptr(SpTestResponse) unit = NULL;
  g_autoptr(SpTestResponse) user = NULL;
  g_autoptr(SpTestResponse) created = NULL;
  g_autoptr(GError) error = NULL;
  const char *unit_id;

  sp_test_server_stop (server);
  text = g_strdup_printf ("[organisation]\nname=Norrmalms stadsdelsförvaltning\ndiary_prefix=NSDN\n"
                          "[server]\nlisten=127.0.0.1:0\ndb=%s\n"
                          "[deadlines]\ninvestigation=working-days:14\n", server->db);
  g_file_set_contents (config, text, -1, &error);
  g_assert_no_error (error);
  sp_test_server_start (server, (const char *[]) { "--config", config, NULL });

  admin = sp_test_login (server, "admin", SP_TEST_PASSWORD);
  unit = sp_test_json (server, "POST", "/api/v1/units", admin,
                       "{\"name\":\"Enhet\",\"kind\":\"unit\",\"area\":\"other\"}");
  sp_test_assert_status (unit, 201);
  unit_id = sp_test_get_string (unit, "id");
  user = sp_test_jsonf (server, "POST", "/api/v1/users", admin,
                        "{\"username\":\"reg\",\"password\":\"%s\",\"roles\":[\"registrar\"],\"unit_id\":\"%s\"}",
                        SP_TEST_PASSWORD, unit_id);
  sp_test_assert_status (user, 201);
  token = sp_test_login (server, "reg", SP_TEST_PASSWORD);

  /* 2026-11-02 is a Monday: 14 working days later is Friday 2026-11-20. */
  created = sp_test_jsonf (server, "POST", "/api/v1/cases", token,
                           "{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"letter\","
                           "\"received_on\":\"2026-11-02\",\"subject\":\"Arbetsdagar\",%s}", SENDER);
  sp_test_assert_status (created, 201);
  g_assert_cmpstr (sp_test_get_string (created, "deadline_rule"), ==, "working-days:14");
  g_assert_cmpstr (sp_test_get_string (created, "due_on"), ==, "2026-11-20");

  {
    g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s/transition", sp_test_get_string (created, "id"));
    g_autoptr(SpTestResponse) registered = sp_test_json (server, "POST", path, token, "{\"to\":\"registered\"}");
    sp_test_assert_status (registered, 200);
    g_assert_cmpstr (sp_test_get_string (registered, "diary_number"), ==, "NSDN 2026/0001");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/server/cases/" path, Fixture, NULL, sp_test_fixture_setup, func, sp_test_fixture_teardown)
  ADD ("create-get", test_create_get);
  ADD ("list-filters", test_list_filters);
  ADD ("patch-merge-conflict", test_patch_merge_conflict);
  ADD ("transitions", test_transitions);
  ADD ("diary-concurrent", test_diary_concurrent);
  ADD ("reference-data", test_reference_data);
  ADD ("diary-and-stats", test_diary_and_stats);
  ADD ("reference-changes", test_reference_changes);
#undef ADD
  g_test_add_func ("/server/cases/config-file", test_config_file);

  return g_test_run ();
}
