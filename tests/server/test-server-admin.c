/* test-server-admin.c: what the administration view sends, refused when
 * it is wrong or not the sender's to change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-server.h"

typedef SpTestFixture Fixture;

static void
expect (SpTestResponse *response,
        guint           status,
        const char     *code,
        const char     *field)
{
  sp_test_assert_status (response, status);
  g_assert_cmpstr (sp_test_error_code (response), ==, code);
  g_assert_nonnull (sp_test_get_string (response, "error.message"));
  if (field != NULL)
    g_assert_cmpstr (sp_test_error_field (response), ==, field);
}

static gint64
rev_of (Fixture    *f,
        const char *collection,
        const char *id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/%s", collection);
  g_autoptr(SpTestResponse) list = sp_test_json (f->server, "GET", path, f->org->admin, NULL);
  JsonArray *items = json_object_get_array_member (json_node_get_object (list->json), "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (item, "id"), id) == 0)
        return json_object_get_int_member (item, "rev");
    }
  return -1;
}

/* Names of spaces only are no names: units, categories and users. */
static void
test_blank_names (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SpTestResponse) unit = NULL;
  g_autoptr(SpTestResponse) category = NULL;
  g_autoptr(SpTestResponse) user = NULL;
  g_autoptr(SpTestResponse) empty = NULL;
  g_autoptr(SpTestResponse) rename = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/units/%s", f->org->unit_a);

  unit = sp_test_jsonf (f->server, "POST", "/api/v1/units", f->org->admin,
                        "{\"name\":\"   \",\"kind\":\"unit\",\"parent_id\":\"%s\"}", f->org->department);
  expect (unit, 422, "invalid", "name");
  empty = sp_test_json (f->server, "POST", "/api/v1/units", f->org->admin, "{\"name\":\"\",\"kind\":\"unit\"}");
  expect (empty, 422, "invalid", "name");
  category = sp_test_json (f->server, "POST", "/api/v1/categories", f->org->admin,
                           "{\"code\":\"lokaler\",\"name\":\"\\t \"}");
  expect (category, 422, "invalid", "name");
  user = sp_test_json (f->server, "POST", "/api/v1/users", f->org->admin,
                       "{\"username\":\"  \",\"password\":\"ett långt lösenord\",\"roles\":[\"staff\"]}");
  expect (user, 422, "invalid", "username");

  rename = sp_test_jsonf (f->server, "PATCH", path, f->org->admin, "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"name\":\" \"}}",
                          rev_of (f, "units", f->org->unit_a));
  expect (rename, 422, "invalid", "name");
}

/* A user name taken is a conflict, whatever its case of SQL. */
static void
test_duplicate_user (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SpTestResponse) again = NULL;
  g_autoptr(SpTestResponse) quoted = NULL;
  g_autoptr(SpTestResponse) quoted_again = NULL;

  again = sp_test_json (f->server, "POST", "/api/v1/users", f->org->admin,
                        "{\"username\":\"manager_a\",\"password\":\"ett långt lösenord\",\"roles\":[\"staff\"]}");
  expect (again, 409, "conflict", "username");
  quoted = sp_test_json (f->server, "POST", "/api/v1/users", f->org->admin,
                         "{\"username\":\"a' OR '1'='1\",\"password\":\"ett långt lösenord\",\"roles\":[\"staff\"]}");
  sp_test_assert_status (quoted, 201);
  quoted_again = sp_test_json (f->server, "POST", "/api/v1/users", f->org->admin,
                               "{\"username\":\"a' OR '1'='1\",\"password\":\"ett långt lösenord\",\"roles\":[\"staff\"]}");
  expect (quoted_again, 409, "conflict", "username");
}

/* Deactivating a unit: the administrator's only, refused while anything
 * is left in it, and then gone from the list and in the audit log. */
static void
test_unit_delete (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path_a = g_strdup_printf ("/api/v1/units/%s", f->org->unit_a);
  g_autofree char *path_dept = g_strdup_printf ("/api/v1/units/%s", f->org->department2);
  g_autofree char *path_c = g_strdup_printf ("/api/v1/units/%s", f->org->unit_c);
  g_autoptr(SpTestResponse) created = NULL;
  g_autoptr(SpTestResponse) as_manager = NULL;
  g_autoptr(SpTestResponse) with_users = NULL;
  g_autoptr(SpTestResponse) with_units = NULL;
  g_autoptr(SpTestResponse) unknown = NULL;
  g_autoptr(SpTestResponse) not_uuid = NULL;
  g_autoptr(SpTestResponse) done = NULL;
  g_autoptr(SpTestResponse) twice = NULL;
  g_autoptr(SpTestResponse) with_case = NULL;
  g_autofree char *empty_path = NULL;
  g_autofree char *case_unit = NULL;
  g_autofree char *out = NULL;
  const char *empty_id;

  as_manager = sp_test_json (f->server, "DELETE", path_c, f->org->manager_a, NULL);
  expect (as_manager, 403, "forbidden", NULL);
  with_users = sp_test_json (f->server, "DELETE", path_a, f->org->admin, NULL);
  expect (with_users, 409, "conflict", NULL);
  with_units = sp_test_json (f->server, "DELETE", path_dept, f->org->admin, NULL);
  expect (with_units, 409, "conflict", NULL);
  unknown = sp_test_json (f->server, "DELETE", "/api/v1/units/6f1c3a52-1111-4c3e-9a55-0a6e2c7f0a01",
                          f->org->admin, NULL);
  expect (unknown, 404, "not_found", NULL);
  not_uuid = sp_test_json (f->server, "DELETE", "/api/v1/units/'%20OR%201=1", f->org->admin, NULL);
  expect (not_uuid, 404, "not_found", NULL);

  /* A unit with an open case keeps it. */
  created = sp_test_jsonf (f->server, "POST", "/api/v1/units", f->org->admin,
                           "{\"name\":\"Parklek\",\"kind\":\"unit\",\"parent_id\":\"%s\"}", f->org->department);
  sp_test_assert_status (created, 201);
  empty_id = sp_test_get_string (created, "id");
  case_unit = g_strdup_printf ("\"unit_id\":\"%s\"", empty_id);
  g_free (sp_test_create_case (f->server, f->org->registrar, case_unit));
  empty_path = g_strdup_printf ("/api/v1/units/%s", empty_id);
  with_case = sp_test_json (f->server, "DELETE", empty_path, f->org->admin, NULL);
  expect (with_case, 409, "conflict", NULL);
  g_assert_cmpint (rev_of (f, "units", empty_id), >, 0);

  /* Unit C has no users, units or cases of its own: it goes. */
  done = sp_test_json (f->server, "DELETE", path_c, f->org->admin, NULL);
  sp_test_assert_status (done, 204);
  g_assert_cmpint (rev_of (f, "units", f->org->unit_c), ==, -1);
  twice = sp_test_json (f->server, "DELETE", path_c, f->org->admin, NULL);
  expect (twice, 404, "not_found", NULL);

  sp_test_server_stop (f->server);
  {
    const char *args[] = { "audit", "verify", "--db", f->server->db, NULL };

    g_assert_cmpint (sp_test_run (NULL, &out, NULL, args), ==, 0);
    g_assert_nonnull (strstr (out, "OK"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/admin/blank-names", Fixture, NULL, sp_test_fixture_setup, test_blank_names,
              sp_test_fixture_teardown);
  g_test_add ("/server/admin/duplicate-user", Fixture, NULL, sp_test_fixture_setup,
              test_duplicate_user, sp_test_fixture_teardown);
  g_test_add ("/server/admin/unit-delete", Fixture, NULL, sp_test_fixture_setup, test_unit_delete,
              sp_test_fixture_teardown);

  return g_test_run ();
}
