/* test-server-registrar.c: the registrar's work through the API: routine
 * R4 (registration first), secrecy markings and disclosure requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-server.h"

#define SENDER "\"sender\":{\"name\":\"Anna Andersson\",\"email\":\"anna@example.se\",\"wants_feedback\":true}"
#define ANONYMOUS "\"sender\":{\"anonymous\":true}"

typedef SpTestFixture Fixture;

static SpTestResponse *
transition (Fixture    *f,
            const char *id,
            const char *token,
            const char *to)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s/transition", id);

  return sp_test_jsonf (f->server, "POST", path, token, "{\"to\":\"%s\"}", to);
}

/* R4: a case with contact details leaves "received" only by
 * registration, forwarding elsewhere or another routine. */
static void
test_registration_first (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *named = sp_test_create_case (f->server, f->org->staff_a, SENDER);
  g_autofree char *anonymous = sp_test_create_case (f->server, f->org->staff_a, ANONYMOUS);
  g_autofree char *elsewhere = sp_test_create_case (f->server, f->org->staff_a, SENDER);
  g_autofree char *events_path = g_strdup_printf ("/api/v1/cases/%s/events", named);
  g_autoptr(SpTestResponse) skipped = NULL;
  g_autoptr(SpTestResponse) got = NULL;
  g_autoptr(SpTestResponse) events_before = NULL;
  g_autoptr(SpTestResponse) events_after = NULL;
  g_autoptr(SpTestResponse) registered = NULL;
  g_autoptr(SpTestResponse) assigned = NULL;
  g_autoptr(SpTestResponse) straight = NULL;
  g_autoptr(SpTestResponse) forwarded = NULL;
  g_autofree char *path = g_strconcat ("/api/v1/cases/", named, NULL);

  events_before = sp_test_json (f->server, "GET", events_path, f->org->registrar, NULL);
  sp_test_assert_status (events_before, 200);

  skipped = transition (f, named, f->org->registrar, "assigned");
  sp_test_assert_status (skipped, 409);
  g_assert_cmpstr (sp_test_error_code (skipped), ==, "transition");
  g_assert_cmpstr (sp_test_error_field (skipped), ==, "status");
  g_assert_nonnull (strstr (sp_test_get_string (skipped, "error.message"), "registered in the diary"));

  /* Nothing half-done: still received, no number, no new history. */
  got = sp_test_json (f->server, "GET", path, f->org->registrar, NULL);
  sp_test_assert_status (got, 200);
  g_assert_cmpstr (sp_test_get_string (got, "case.status"), ==, "received");
  g_assert_true (JSON_NODE_HOLDS_NULL (sp_test_get_node (got, "case.diary_number")));
  events_after = sp_test_json (f->server, "GET", events_path, f->org->registrar, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (sp_test_get_node (events_after, "items"))), ==,
                    json_array_get_length (json_node_get_array (sp_test_get_node (events_before, "items"))));

  registered = transition (f, named, f->org->registrar, "registered");
  sp_test_assert_status (registered, 200);
  g_assert_nonnull (sp_test_get_string (registered, "diary_number"));
  assigned = transition (f, named, f->org->registrar, "assigned");
  sp_test_assert_status (assigned, 200);

  /* An anonymous case goes straight to the unit. */
  straight = transition (f, anonymous, f->org->registrar, "assigned");
  sp_test_assert_status (straight, 200);

  /* Forwarding elsewhere is another way out of "received". */
  forwarded = transition (f, elsewhere, f->org->registrar, "forwarded_elsewhere");
  sp_test_assert_status (forwarded, 200);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/server/registrar/" path, Fixture, NULL, sp_test_fixture_setup, func, sp_test_fixture_teardown)
  ADD ("registration-first", test_registration_first);
#undef ADD

  return g_test_run ();
}
