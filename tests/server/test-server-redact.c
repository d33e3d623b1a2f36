/* test-server-redact.c: quality staff get no personal data, free text included
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * domain.md "Access": quality staff see every case "with the sender's
 * personal data hidden". A name is personal data wherever it is written:
 * in the description, the service note, the investigation's facts and who
 * was heard, the history. Each answer below is searched for the name
 * itself, so that a field added later that leaks it fails here too.
 */

#include <string.h>

#include "sp-test-server.h"

#define NAME "Andersson"

typedef struct
{
  SpTestServer *server;
  SpTestOrg    *org;
  char         *case_id;
  char         *both;     /* a user who is quality staff and staff */
} Fixture;

static gboolean
body_contains (SpTestResponse *response,
               const char     *text)
{
  gsize size = 0;
  const char *data = response->body ? g_bytes_get_data (response->body, &size) : NULL;

  return data != NULL && g_strstr_len (data, size, text) != NULL;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SpTestResponse) pushed = NULL;
  g_autoptr(SpTestResponse) patched = NULL;
  g_autoptr(SpTestResponse) user = NULL;
  g_autofree char *path = NULL;
  g_autofree char *push = NULL;
  g_autofree char *unit = NULL;

  f->server = sp_test_server_new (NULL);
  f->org = sp_test_org_new (f->server);

  unit = g_strdup_printf ("\"unit_id\":\"%s\"", f->org->unit_a);
  f->case_id = sp_test_create_case (f->server, f->org->manager_a, unit);
  path = g_strconcat ("/api/v1/cases/", f->case_id, NULL);

  /* The name goes into every kind of free text of the case. */
  patched = sp_test_jsonf (f->server, "PATCH", path, f->org->manager_a,
                           "{\"base_rev\":0,\"fields\":{\"description\":\"Fru " NAME " fick kall mat.\","
                           "\"service_note\":\"Ringde " NAME " tillbaka.\","
                           "\"delay_reason\":\"" NAME " är bortrest.\"}}");
  sp_test_assert_status (patched, 200);

  push = g_strdup_printf ("{\"batch_id\":\"r-1\",\"changes\":["
                          "{\"entity\":\"investigation\",\"op\":\"create\",\"id\":\"%s\","
                          "\"fields\":{\"case_id\":\"%s\",\"facts\":\"" NAME " fick maten kall.\","
                          "\"heard\":\"Personalen och " NAME "\",\"analysis\":\"Hos " NAME "\"}},"
                          "{\"entity\":\"planned_action\",\"op\":\"create\",\"id\":\"%s\","
                          "\"fields\":{\"case_id\":\"%s\",\"description\":\"Besöka " NAME "\","
                          "\"responsible\":\"Kerstin " NAME "\",\"due_on\":\"2026-12-01\"}}]}",
                          "3b1f7a52-3c1e-4f0e-9d6a-1a2b3c4d5e6f", f->case_id,
                          "4c2e8b63-4d2f-4a1f-8e7b-2b3c4d5e6f70", f->case_id);
  pushed = sp_test_json (f->server, "POST", "/api/v1/changes", f->org->manager_a, push);
  sp_test_assert_status (pushed, 200);
  g_assert_cmpstr (sp_test_get_string (pushed, "results.0.status"), ==, "applied");
  g_assert_cmpstr (sp_test_get_string (pushed, "results.1.status"), ==, "applied");

  user = sp_test_jsonf (f->server, "POST", "/api/v1/users", f->org->admin,
                        "{\"username\":\"both\",\"password\":\"%s\",\"roles\":[\"quality\",\"staff\"],"
                        "\"unit_id\":\"%s\"}", SP_TEST_PASSWORD, f->org->unit_b);
  sp_test_assert_status (user, 201);
  f->both = sp_test_login (f->server, "both", SP_TEST_PASSWORD);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_free (f->case_id);
  g_free (f->both);
  sp_test_org_free (f->org);
  sp_test_server_free (f->server);
}

/* GET @path as @token: 200, and whether the name is in it. */
static gboolean
name_in (Fixture    *f,
         const char *token,
         const char *path)
{
  g_autoptr(SpTestResponse) response = sp_test_json (f->server, "GET", path, token, NULL);

  sp_test_assert_status (response, 200);
  return body_contains (response, NAME);
}

static void
test_free_text_hidden (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *detail = g_strconcat ("/api/v1/cases/", f->case_id, NULL);
  g_autofree char *events = g_strconcat ("/api/v1/cases/", f->case_id, "/events", NULL);
  const char *paths[] = { detail, events, "/api/v1/cases", "/api/v1/changes?since=0&limit=1000" };
  const char *quality[] = { f->org->quality, f->both };
  g_autoptr(SpTestResponse) got = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      /* The registrar reads it all: the name is there to be hidden. */
      g_assert_true (name_in (f, f->org->registrar, paths[i]));
      for (guint q = 0; q < G_N_ELEMENTS (quality); q++)
        if (name_in (f, quality[q], paths[i]))
          g_error ("%s gives quality staff (user %u) the name", paths[i], q);
    }

  /* Redacted means null, and the rest of the case is still there. */
  got = sp_test_json (f->server, "GET", detail, f->org->quality, NULL);
  g_assert_true (JSON_NODE_HOLDS_NULL (sp_test_get_node (got, "case.description")));
  g_assert_true (JSON_NODE_HOLDS_NULL (sp_test_get_node (got, "case.service_note")));
  g_assert_true (JSON_NODE_HOLDS_NULL (sp_test_get_node (got, "investigation.facts")));
  g_assert_true (JSON_NODE_HOLDS_NULL (sp_test_get_node (got, "investigation.heard")));
  g_assert_true (JSON_NODE_HOLDS_NULL (sp_test_get_node (got, "planned_actions.0.description")));
  g_assert_cmpstr (sp_test_get_string (got, "case.subject"), ==, "Maten var kall");
  g_assert_cmpstr (sp_test_get_string (got, "investigation.case_id"), ==, f->case_id);
}

static gint64
search_total (Fixture    *f,
              const char *token,
              const char *words)
{
  g_autofree char *path = g_strconcat ("/api/v1/cases?q=", words, NULL);
  g_autoptr(SpTestResponse) found = sp_test_json (f->server, "GET", path, token, NULL);

  sp_test_assert_status (found, 200);
  return sp_test_get_int (found, "total");
}

static void
test_search_by_subject_only (Fixture       *f,
                             gconstpointer  data)
{
  /* The name is in the description and the investigation. */
  g_assert_cmpint (search_total (f, f->org->registrar, NAME), ==, 1);
  g_assert_cmpint (search_total (f, f->org->manager_a, NAME), ==, 1);
  g_assert_cmpint (search_total (f, f->org->quality, NAME), ==, 0);
  g_assert_cmpint (search_total (f, f->both, NAME), ==, 0);
  g_assert_cmpint (search_total (f, f->org->quality, "fick"), ==, 0);

  /* The subject is what quality searches. */
  g_assert_cmpint (search_total (f, f->org->quality, "maten"), ==, 1);
  g_assert_cmpint (search_total (f, f->both, "maten"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/server/redact/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("free-text-hidden", test_free_text_hidden);
  ADD ("search-by-subject-only", test_search_by_subject_only);
#undef ADD

  return g_test_run ();
}
