/* test-server-nul.c: a NUL character (\u0000) in any string of any body is
 * refused with 422 and the field named, never stored cut short at it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-server.h"

#define NUL "a\\u0000b"

typedef SpTestFixture Fixture;

static void
expect_nul_refused (SpTestResponse *response,
                    const char     *field)
{
  sp_test_assert_status (response, 422);
  g_assert_cmpstr (sp_test_error_code (response), ==, "invalid");
  g_assert_cmpstr (sp_test_error_field (response), ==, field);
  g_assert_nonnull (strstr (sp_test_get_string (response, "error.message"), "NUL"));
}

/* @body has one %s for the string: sent with a NUL in it, refused; sent
 * with the same text without it, accepted, so the NUL was the reason. */
static void
try_both (Fixture    *f,
          const char *method,
          const char *path,
          const char *token,
          const char *body,
          const char *field,
          guint       ok_status)
{
  g_auto(GStrv) parts = g_strsplit (body, "%s", 2);
  g_autofree char *with_nul = g_strjoinv (NUL, parts);
  g_autofree char *without = g_strjoinv ("ab", parts);
  g_autoptr(SpTestResponse) refused = NULL;
  g_autoptr(SpTestResponse) accepted = NULL;

  g_test_message ("%s %s %s", method, path, with_nul);
  refused = sp_test_json (f->server, method, path, token, with_nul);
  expect_nul_refused (refused, field);

  if (ok_status != 0)
    {
      accepted = sp_test_json (f->server, method, path, token, without);
      sp_test_assert_status (accepted, ok_status);
    }
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *unit = g_strdup_printf ("{\"name\":\"%%s\",\"kind\":\"unit\",\"area\":\"elderly_care\","
                                           "\"parent_id\":\"%s\"}", f->org->department);
  g_autofree char *user = g_strdup_printf ("{\"username\":\"x%%sy\",\"password\":\"%s\","
                                           "\"display_name\":\"X\",\"roles\":[\"staff\"],"
                                           "\"unit_id\":\"%s\"}", SP_TEST_PASSWORD, f->org->unit_a);

  try_both (f, "POST", "/api/v1/cases", f->org->staff_a,
            "{\"kind\":\"complaint\",\"channel\":\"phone\",\"received_on\":\"2026-11-02\","
            "\"subject\":\"%s\"}", "subject", 201);
  try_both (f, "POST", "/api/v1/cases", f->org->staff_a,
            "{\"kind\":\"complaint\",\"channel\":\"phone\",\"received_on\":\"2026-11-02\","
            "\"subject\":\"s\",\"sender\":{\"name\":\"%s\"}}", "sender.name", 201);
  /* A date or an enum would be read up to the NUL and taken. */
  try_both (f, "POST", "/api/v1/cases", f->org->staff_a,
            "{\"kind\":\"complaint\",\"channel\":\"phone\",\"received_on\":\"2026-11-02%s\","
            "\"subject\":\"s\"}", "received_on", 0);
  try_both (f, "POST", "/api/v1/cases", f->org->staff_a,
            "{\"kind\":\"complaint%s\",\"channel\":\"phone\",\"received_on\":\"2026-11-02\","
            "\"subject\":\"s\"}", "kind", 0);
  try_both (f, "POST", "/api/v1/users", f->org->admin, user, "username", 201);
  try_both (f, "POST", "/api/v1/units", f->org->admin, unit, "name", 201);
  try_both (f, "POST", "/api/v1/categories", f->org->admin,
            "{\"code\":\"c%s\",\"name\":\"C\",\"position\":1}", "code", 201);
  try_both (f, "POST", "/api/v1/providers", f->org->procurement,
            "{\"name\":\"Omsorg %s AB\",\"contract_form\":\"choice_system\",\"area\":\"elderly_care\"}",
            "name", 201);
  /* A member name is no way round it. */
  try_both (f, "POST", "/api/v1/providers", f->org->procurement,
            "{\"name\":\"Omsorg AB\",\"area%s\":\"elderly_care\"}", NULL, 0);

  /* The user was made as "xaby", never as "x". */
  {
    g_autoptr(SpTestResponse) login = NULL;

    login = sp_test_json (f->server, "POST", "/api/v1/session", NULL,
                          "{\"username\":\"x\",\"password\":\"" SP_TEST_PASSWORD "\"}");
    g_assert_cmpuint (login->status, !=, 200);
  }
}

static void
test_login (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SpTestResponse) name = NULL;
  g_autoptr(SpTestResponse) password = NULL;

  name = sp_test_json (f->server, "POST", "/api/v1/session", NULL,
                       "{\"username\":\"admin\\u0000x\",\"password\":\"" SP_TEST_PASSWORD "\"}");
  expect_nul_refused (name, "username");
  password = sp_test_json (f->server, "POST", "/api/v1/session", NULL,
                           "{\"username\":\"admin\",\"password\":\"" SP_TEST_PASSWORD "\\u0000x\"}");
  expect_nul_refused (password, "password");
}

static void
test_patch_and_push (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *id = sp_test_create_case (f->server, f->org->staff_a, NULL);
  g_autofree char *path = g_strconcat ("/api/v1/cases/", id, NULL);
  g_autofree char *unit_path = g_strconcat ("/api/v1/units/", f->org->unit_a, NULL);
  g_autofree char *user_path = g_strconcat ("/api/v1/users/", f->org->staff_a_id, NULL);
  g_autoptr(SpTestResponse) before = sp_test_json (f->server, "GET", path, f->org->staff_a, NULL);
  g_autoptr(SpTestResponse) after = NULL;
  g_autofree char *patch = NULL;
  g_autofree char *push = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 rev;

  sp_test_assert_status (before, 200);
  rev = sp_test_get_int (before, "case.rev");

  patch = g_strdup_printf ("{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"subject\":\"%%s\"}}", rev);
  try_both (f, "PATCH", path, f->org->staff_a, patch, "fields.subject", 200);
  try_both (f, "PATCH", unit_path, f->org->admin, "{\"base_rev\":1,\"fields\":{\"name\":\"%s\"}}",
            "fields.name", 0);
  try_both (f, "PATCH", user_path, f->org->admin,
            "{\"base_rev\":1,\"fields\":{\"display_name\":\"%s\"}}", "fields.display_name", 0);

  push = g_strdup_printf ("{\"batch_id\":\"nul-1\",\"changes\":[{\"entity\":\"case\",\"op\":\"create\","
                          "\"id\":\"%s\",\"fields\":{\"kind\":\"complaint\",\"channel\":\"phone\","
                          "\"received_on\":\"2026-11-02\",\"subject\":\"%%s\"}}]}", uuid);
  try_both (f, "POST", "/api/v1/changes", f->org->staff_a, push, "changes.fields.subject", 200);
  try_both (f, "POST", "/api/v1/changes", f->org->staff_a,
            "{\"batch_id\":\"nul-%s\",\"changes\":[]}", "batch_id", 0);

  after = sp_test_json (f->server, "GET", path, f->org->staff_a, NULL);
  sp_test_assert_status (after, 200);
  g_assert_cmpstr (sp_test_get_string (after, "case.subject"), ==, "ab");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/nul/create", Fixture, NULL, sp_test_fixture_setup, test_create, sp_test_fixture_teardown_alive);
  g_test_add ("/server/nul/login", Fixture, NULL, sp_test_fixture_setup, test_login, sp_test_fixture_teardown_alive);
  g_test_add ("/server/nul/patch-and-push", Fixture, NULL, sp_test_fixture_setup, test_patch_and_push,
              sp_test_fixture_teardown_alive);

  return g_test_run ();
}
