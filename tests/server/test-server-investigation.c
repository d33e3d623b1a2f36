/* test-server-investigation.c: the investigation, planned actions and
 * letters through the push, and the routine's conditions on the workflow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server saves them through the same core functions as the app
 * (sp-store-investigation.c): refusals name the field, nothing is saved
 * half-way, and the history shows what was done.
 */

#include <string.h>

#include "sp-test-server.h"

#define INV_ID    "5d3e4f60-7a8b-4c9d-8e0f-1a2b3c4d5e6f"
#define ACTION_ID "6e4f5a71-8b9c-4dae-9f10-2b3c4d5e6f70"
#define LETTER_ID "7f506b82-9cad-4ebf-a021-3c4d5e6f7081"

typedef struct
{
  SpTestServer *server;
  SpTestOrg    *org;
  char         *case_id;
  char         *path;
  guint         batch;
} Fixture;

static void
transition (Fixture    *f,
            const char *token,
            const char *to,
            guint       status,
            const char *field)
{
  g_autofree char *url = g_strconcat (f->path, "/transition", NULL);
  g_autoptr(SpTestResponse) moved = NULL;

  moved = sp_test_jsonf (f->server, "POST", url, token, "{\"to\":\"%s\"}", to);
  sp_test_assert_status (moved, status);
  if (field != NULL)
    g_assert_cmpstr (sp_test_error_field (moved), ==, field);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *extra = NULL;

  f->server = sp_test_server_new (NULL);
  f->org = sp_test_org_new (f->server);
  extra = g_strdup_printf ("\"unit_id\":\"%s\",\"sender\":{\"name\":\"Anna Andersson\","
                           "\"email\":\"anna@example.se\",\"wants_feedback\":true}",
                           f->org->unit_a);
  f->case_id = sp_test_create_case (f->server, f->org->registrar, extra);
  f->path = g_strconcat ("/api/v1/cases/", f->case_id, NULL);
  transition (f, f->org->registrar, "registered", 200, NULL);
  transition (f, f->org->registrar, "assigned", 200, NULL);
  transition (f, f->org->manager_a, "investigating", 200, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_free (f->case_id);
  g_free (f->path);
  sp_test_org_free (f->org);
  sp_test_server_free (f->server);
}

/* Pushes one change as @token; the result's status, and its error's field
 * and code when refused. */
static char *
push (Fixture     *f,
      const char  *token,
      const char  *entity,
      const char  *op,
      const char  *id,
      gint64       base_rev,
      const char  *fields,
      char       **error_field,
      char       **error_code)
{
  g_autoptr(SpTestResponse) pushed = NULL;

  pushed = sp_test_jsonf (f->server, "POST", "/api/v1/changes", token,
                          "{\"batch_id\":\"inv-%u\",\"changes\":[{\"entity\":\"%s\",\"op\":\"%s\","
                          "\"id\":\"%s\",\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":%s}]}",
                          ++f->batch, entity, op, id, base_rev, fields);
  sp_test_assert_status (pushed, 200);
  if (error_field)
    *error_field = g_strdup (sp_test_get_string (pushed, "results.0.error.field"));
  if (error_code)
    *error_code = g_strdup (sp_test_get_string (pushed, "results.0.error.code"));
  return g_strdup (sp_test_get_string (pushed, "results.0.status"));
}

static void
assert_refused (Fixture    *f,
                const char *entity,
                const char *op,
                const char *id,
                const char *fields,
                const char *field,
                const char *code)
{
  g_autofree char *got_field = NULL;
  g_autofree char *got_code = NULL;
  g_autofree char *status = push (f, f->org->manager_a, entity, op, id, 0, fields,
                                  &got_field, &got_code);

  g_assert_cmpstr (status, ==, "rejected");
  g_assert_cmpstr (got_field, ==, field);
  g_assert_cmpstr (got_code, ==, code);
}

static void
assert_applied (Fixture    *f,
                const char *entity,
                const char *id,
                const char *fields)
{
  g_autofree char *status = push (f, f->org->manager_a, entity, "create", id, 0, fields, NULL, NULL);

  g_assert_cmpstr (status, ==, "applied");
}

static guint
count_events (Fixture    *f,
              const char *kind)
{
  g_autofree char *url = g_strconcat (f->path, "/events", NULL);
  g_autoptr(SpTestResponse) got = sp_test_json (f->server, "GET", url, f->org->manager_a, NULL);
  JsonArray *items;
  guint n = 0;

  sp_test_assert_status (got, 200);
  items = json_node_get_array (sp_test_get_node (got, "items"));
  for (guint i = 0; i < json_array_get_length (items); i++)
    n += g_strcmp0 (json_object_get_string_member (json_array_get_object_element (items, i), "kind"),
                    kind) == 0;
  return n;
}

static void
test_unit_managers_story (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *f_bare = g_strdup_printf ("{\"case_id\":\"%s\",\"assessment\":\"justified\"}", f->case_id);
  g_autofree char *f_lex = g_strdup_printf ("{\"case_id\":\"%s\",\"facts\":\"Maten kom kall.\","
                                            "\"assessment\":\"justified\",\"lex_sarah\":true}", f->case_id);
  g_autofree char *f_good = g_strdup_printf ("{\"case_id\":\"%s\",\"facts\":\"Maten kom kall.\","
                                             "\"assessment\":\"justified\",\"lex_sarah\":true,"
                                             "\"lex_sarah_reference\":\"LS 2026:3\","
                                             "\"lex_sarah_on\":\"2026-11-05\","
                                             "\"follow_up_on\":\"2027-01-15\"}", f->case_id);
  g_autofree char *a_bad = g_strdup_printf ("{\"case_id\":\"%s\",\"description\":\"Ny rutin\","
                                            "\"due_on\":\"2026-12-20\"}", f->case_id);
  g_autofree char *a_good = g_strdup_printf ("{\"case_id\":\"%s\",\"description\":\"Ny rutin\","
                                             "\"responsible\":\"Kökschefen\",\"due_on\":\"2026-12-20\"}",
                                             f->case_id);
  g_autofree char *l_unfilled = g_strdup_printf ("{\"case_id\":\"%s\",\"kind\":\"final_answer\","
                                                 "\"language\":\"sv\",\"method\":\"post\","
                                                 "\"body\":\"Hej {{sender_name}}\"}", f->case_id);
  g_autofree char *l_good = g_strdup_printf ("{\"case_id\":\"%s\",\"kind\":\"final_answer\","
                                             "\"language\":\"sv\",\"method\":\"post\","
                                             "\"recipient\":\"Anna Andersson\","
                                             "\"body\":\"Hej Anna Andersson, tack för ditt klagomål.\"}",
                                             f->case_id);
  g_autoptr(SpTestResponse) got = NULL;
  g_autofree char *status = NULL;

  /* Nothing investigated yet: not assessed. */
  transition (f, f->org->manager_a, "assessed", 409, "investigation");

  assert_refused (f, "investigation", "create", INV_ID, f_bare, "facts", "invalid");
  assert_refused (f, "investigation", "create", INV_ID, f_lex, "lex_sarah_reference", "invalid");
  assert_applied (f, "investigation", INV_ID, f_good);

  assert_refused (f, "planned_action", "create", ACTION_ID, a_bad, "responsible", "invalid");
  assert_applied (f, "planned_action", ACTION_ID, a_good);

  transition (f, f->org->manager_a, "assessed", 200, NULL);
  /* No answer yet: no feedback. */
  transition (f, f->org->manager_a, "feedback_given", 409, "feedback_method");

  assert_refused (f, "letter", "create", LETTER_ID, l_unfilled, "body", "invalid");
  assert_applied (f, "letter", LETTER_ID, l_good);
  /* A sent letter is never changed. */
  status = push (f, f->org->manager_a, "letter", "update", LETTER_ID, 1,
                 "{\"body\":\"Annan text\"}", NULL, NULL);
  g_assert_cmpstr (status, ==, "rejected");

  transition (f, f->org->manager_a, "feedback_given", 200, NULL);
  transition (f, f->org->manager_a, "closed", 200, NULL);

  g_assert_cmpuint (count_events (f, "investigation_updated"), >=, 5);
  g_assert_cmpuint (count_events (f, "letter_sent"), ==, 1);

  got = sp_test_json (f->server, "GET", f->path, f->org->manager_a, NULL);
  sp_test_assert_status (got, 200);
  g_assert_cmpstr (sp_test_get_string (got, "investigation.lex_sarah_reference"), ==, "LS 2026:3");
  g_assert_cmpstr (sp_test_get_string (got, "planned_actions.0.responsible"), ==, "Kökschefen");

  /* The list filters on escalations; a made-up one is refused. */
  {
    g_autoptr(SpTestResponse) sarah = sp_test_json (f->server, "GET", "/api/v1/cases?escalation=lex_sarah",
                                                    f->org->manager_a, NULL);
    g_autoptr(SpTestResponse) maria = sp_test_json (f->server, "GET", "/api/v1/cases?escalation=lex_maria,deviation",
                                                    f->org->manager_a, NULL);
    g_autoptr(SpTestResponse) bad = sp_test_json (f->server, "GET", "/api/v1/cases?escalation=lex_karin",
                                                  f->org->manager_a, NULL);

    sp_test_assert_status (sarah, 200);
    g_assert_cmpint (sp_test_get_int (sarah, "total"), ==, 1);
    g_assert_cmpstr (sp_test_get_string (sarah, "items.0.id"), ==, f->case_id);
    sp_test_assert_status (maria, 200);
    g_assert_cmpint (sp_test_get_int (maria, "total"), ==, 0);
    sp_test_assert_status (bad, 422);
    g_assert_cmpstr (sp_test_error_field (bad), ==, "escalation");
  }
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *long_facts = g_strnfill (20001, 'x');
  g_autofree char *f_long = g_strdup_printf ("{\"case_id\":\"%s\",\"facts\":\"%s\"}", f->case_id, long_facts);
  g_autofree char *f_type = g_strdup_printf ("{\"case_id\":\"%s\",\"assessment\":42}", f->case_id);
  g_autofree char *f_enum = g_strdup_printf ("{\"case_id\":\"%s\",\"assessment\":\"'; DROP TABLE cases; --\"}", f->case_id);
  g_autofree char *f_early = g_strdup_printf ("{\"case_id\":\"%s\",\"follow_up_on\":\"2026-10-01\"}", f->case_id);
  g_autofree char *f_other = g_strdup_printf ("{\"case_id\":\"%s\",\"facts\":\"x\"}", f->case_id);
  g_autofree char *status = NULL;
  g_autoptr(SpTestResponse) got = NULL;

  assert_refused (f, "investigation", "create", INV_ID, f_long, "facts", "invalid");
  assert_refused (f, "investigation", "create", INV_ID, f_type, "assessment", "invalid");
  assert_refused (f, "investigation", "create", INV_ID, f_enum, "assessment", "invalid");
  assert_refused (f, "investigation", "create", INV_ID, f_early, "follow_up_on", "invalid");
  assert_refused (f, "letter", "create", LETTER_ID, "{\"kind\":\"final_answer\",\"body\":\"x\"}",
                  "case_id", "invalid");

  /* Nothing of those was kept. */
  got = sp_test_json (f->server, "GET", f->path, f->org->manager_a, NULL);
  g_assert_true (JSON_NODE_HOLDS_NULL (sp_test_get_node (got, "investigation")));

  /* Staff of another unit cannot write the case's investigation. */
  status = push (f, f->org->staff_b, "investigation", "create", INV_ID, 0, f_other, NULL, NULL);
  g_assert_cmpstr (status, ==, "rejected");
}

/* Quality staff never see a letter: it names the sender. */
static void
test_quality_sees_no_letter (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *l_good = g_strdup_printf ("{\"case_id\":\"%s\",\"kind\":\"acknowledgement\","
                                             "\"language\":\"sv\",\"method\":\"email\","
                                             "\"recipient\":\"anna@example.se\","
                                             "\"body\":\"Vi har tagit emot ditt klagomål.\"}", f->case_id);
  g_autoptr(SpTestResponse) manager_feed = NULL;
  g_autoptr(SpTestResponse) quality_feed = NULL;
  const char *text;

  assert_applied (f, "letter", LETTER_ID, l_good);
  manager_feed = sp_test_json (f->server, "GET", "/api/v1/changes?since=0&limit=1000", f->org->manager_a, NULL);
  quality_feed = sp_test_json (f->server, "GET", "/api/v1/changes?since=0&limit=1000", f->org->quality, NULL);
  sp_test_assert_status (manager_feed, 200);
  sp_test_assert_status (quality_feed, 200);
  text = g_bytes_get_data (manager_feed->body, NULL);
  g_assert_nonnull (g_strstr_len (text, g_bytes_get_size (manager_feed->body), LETTER_ID));
  text = g_bytes_get_data (quality_feed->body, NULL);
  g_assert_null (g_strstr_len (text, g_bytes_get_size (quality_feed->body), LETTER_ID));
  g_assert_null (g_strstr_len (text, g_bytes_get_size (quality_feed->body), "anna@example.se"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/server/investigation/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("unit-managers-story", test_unit_managers_story);
  ADD ("bad-input", test_bad_input);
  ADD ("quality-sees-no-letter", test_quality_sees_no_letter);
#undef ADD

  return g_test_run ();
}
