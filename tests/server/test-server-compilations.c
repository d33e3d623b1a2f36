/* test-server-compilations.c: units' compilations (R24) through the API
 * and the change feed: who writes and reads which unit's, the figures the
 * server counts, and bad input (a clear error, nothing saved)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-server.h"

#define URL "/api/v1/unit-compilations"

static char *
create (SpTestFixture *f,
        const char    *token,
        const char    *unit_id,
        const char    *period)
{
  g_autoptr(SpTestResponse) made = NULL;

  made = sp_test_jsonf (f->server, "POST", URL, token,
                        "{\"unit_id\":\"%s\",\"period\":\"%s\","
                        "\"analysis\":\"Klagomålen gäller maten; två av tre på samma kylvagn.\","
                        "\"assessment\":\"Befogat\",\"actions_planned\":\"Mät temperaturen\","
                        "\"follow_up_on\":\"2027-02-01\",\"figures\":\"{\\\"total\\\":99}\"}",
                        unit_id, period);
  sp_test_assert_status (made, 201);
  return g_strdup (sp_test_get_string (made, "id"));
}

static gint64
count_listed (SpTestFixture *f,
              const char    *token,
              const char    *query)
{
  g_autofree char *url = g_strconcat (URL, query, NULL);
  g_autoptr(SpTestResponse) list = sp_test_json (f->server, "GET", url, token, NULL);

  sp_test_assert_status (list, 200);
  return json_array_get_length (json_node_get_array (sp_test_get_node (list, "items")));
}

static void
test_write_and_read (SpTestFixture *f,
                     gconstpointer  data)
{
  g_autofree char *a_extra = g_strdup_printf ("\"unit_id\":\"%s\"", f->org->unit_a);
  g_autofree char *c1 = sp_test_create_case (f->server, f->org->registrar, a_extra);
  g_autofree char *c2 = sp_test_create_case (f->server, f->org->registrar, a_extra);
  g_autofree char *a_id = create (f, f->org->manager_a, f->org->unit_a, "2026-T3");
  g_autofree char *b_id = create (f, f->org->head, f->org->unit_b, "2026-T3");
  g_autofree char *a_url = g_strconcat (URL "/", a_id, NULL);
  g_autoptr(SpTestResponse) got = sp_test_json (f->server, "GET", a_url, f->org->quality, NULL);
  g_autoptr(JsonNode) figures = NULL;
  g_autoptr(SpTestResponse) patched = NULL;
  const char * const refused[] = {
    f->org->manager_b, f->org->staff_a, f->org->quality, f->org->registrar, f->org->procurement,
    f->org->admin, f->org->case_officer,
  };

  /* The server counted the figures itself: two cases, not the 99 sent. */
  sp_test_assert_status (got, 200);
  figures = sp_json_parse (sp_test_get_string (got, "figures"), -1, 16, NULL);
  g_assert_nonnull (figures);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (figures), "total"), ==, 2);
  g_assert_cmpstr (sp_test_get_string (got, "period"), ==, "2026-T3");
  g_assert_nonnull (sp_test_get_string (got, "written_by"));

  /* Writing another unit's: refused, whatever the role. */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(SpTestResponse) other = NULL;

      other = sp_test_jsonf (f->server, "POST", URL, refused[i],
                             "{\"unit_id\":\"%s\",\"period\":\"2026\"}", f->org->unit_a);
      sp_test_assert_status (other, 403);
    }
  /* The head of department of A and B writes neither C's. */
  {
    g_autoptr(SpTestResponse) c = sp_test_jsonf (f->server, "POST", URL, f->org->head,
                                                 "{\"unit_id\":\"%s\",\"period\":\"2026\"}", f->org->unit_c);
    sp_test_assert_status (c, 403);
  }
  /* One a unit and period. */
  {
    g_autoptr(SpTestResponse) again = sp_test_jsonf (f->server, "POST", URL, f->org->head,
                                                     "{\"unit_id\":\"%s\",\"period\":\"2026-T3\"}",
                                                     f->org->unit_a);
    sp_test_assert_status (again, 409);
    g_assert_cmpstr (sp_test_error_field (again), ==, "period");
  }

  /* Who reads what. */
  g_assert_cmpint (count_listed (f, f->org->quality, ""), ==, 2);
  g_assert_cmpint (count_listed (f, f->org->manager_a, ""), ==, 1);
  g_assert_cmpint (count_listed (f, f->org->manager_b, ""), ==, 1);
  g_assert_cmpint (count_listed (f, f->org->head, ""), ==, 2);
  g_assert_cmpint (count_listed (f, f->org->quality, "?period=2026-T3"), ==, 2);
  g_assert_cmpint (count_listed (f, f->org->quality, "?period=2026"), ==, 0);
  {
    g_autofree char *q = g_strdup_printf ("?unit=%s", f->org->unit_b);

    g_assert_cmpint (count_listed (f, f->org->quality, q), ==, 1);
  }
  {
    g_autoptr(SpTestResponse) hidden = sp_test_json (f->server, "GET", a_url, f->org->manager_b, NULL);
    g_autoptr(SpTestResponse) staff = sp_test_json (f->server, "GET", URL, f->org->staff_a, NULL);
    g_autoptr(SpTestResponse) bad_period = sp_test_json (f->server, "GET", URL "?period=2026-T7",
                                                         f->org->quality, NULL);
    g_autoptr(SpTestResponse) bad_unit = sp_test_json (f->server, "GET", URL "?unit=x%27%20OR%201=1",
                                                       f->org->quality, NULL);

    sp_test_assert_status (hidden, 404);
    sp_test_assert_status (staff, 403);
    sp_test_assert_status (bad_period, 422);
    sp_test_assert_status (bad_unit, 422);
  }

  /* The manager edits; figures and who wrote it stay as they were. */
  patched = sp_test_jsonf (f->server, "PATCH", a_url, f->org->manager_a,
                           "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"assessment\":\"Delvis befogat\","
                           "\"figures\":\"{}\"}}", sp_test_get_int (got, "rev"));
  sp_test_assert_status (patched, 200);
  g_assert_cmpstr (sp_test_get_string (patched, "assessment"), ==, "Delvis befogat");
  g_assert_cmpstr (sp_test_get_string (patched, "figures"), ==, sp_test_get_string (got, "figures"));
  {
    g_autoptr(SpTestResponse) theirs = sp_test_jsonf (f->server, "PATCH", a_url, f->org->manager_b,
                                                      "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":"
                                                      "{\"assessment\":\"x\"}}", sp_test_get_int (patched, "rev"));
    g_autoptr(SpTestResponse) quality = sp_test_jsonf (f->server, "PATCH", a_url, f->org->quality,
                                                       "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":"
                                                       "{\"assessment\":\"x\"}}", sp_test_get_int (patched, "rev"));
    g_autoptr(SpTestResponse) moved = sp_test_jsonf (f->server, "PATCH", a_url, f->org->manager_a,
                                                     "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":"
                                                     "{\"period\":\"2026-T2\"}}", sp_test_get_int (patched, "rev"));
    g_autoptr(SpTestResponse) after = sp_test_json (f->server, "GET", a_url, f->org->quality, NULL);

    sp_test_assert_status (theirs, 404);
    sp_test_assert_status (quality, 403);
    sp_test_assert_status (moved, 422);
    g_assert_cmpstr (sp_test_get_string (after, "assessment"), ==, "Delvis befogat");
    g_assert_cmpstr (sp_test_get_string (after, "period"), ==, "2026-T3");
  }
}

static void
expect (SpTestResponse *r,
        guint           status,
        const char     *field)
{
  sp_test_assert_status (r, status);
  if (field != NULL)
    g_assert_cmpstr (sp_test_error_field (r), ==, field);
}

static void
test_bad_input (SpTestFixture *f,
                gconstpointer  data)
{
  const char *token = f->org->manager_a;
  g_autoptr(GString) big = g_string_new (NULL);
  g_autofree char *body = NULL;
  static const char bad_utf8[] = "{\"unit_id\":\"00000000-0000-4000-8000-000000000000\","
                                 "\"period\":\"2026\",\"analysis\":\"\xc3\x28\"}";
  struct { const char *json; guint status; const char *field; } cases[] = {
    { "{\"period\":\"2026\"}", 422, "unit_id" },
    { "{\"unit_id\":\"%s\"}", 422, "period" },
    { "{\"unit_id\":\"%s\",\"period\":2026}", 422, "period" },
    { "{\"unit_id\":7,\"period\":\"2026\"}", 422, "unit_id" },
    { "{\"unit_id\":\"%s\",\"period\":\"2026-T4\"}", 422, "period" },
    { "{\"unit_id\":\"%s\",\"period\":\"2026'; DROP TABLE cases; --\"}", 422, "period" },
    { "{\"unit_id\":\"x' OR 1=1 --\",\"period\":\"2026\"}", 422, "unit_id" },
    { "{\"unit_id\":\"%s\",\"period\":\"2026\",\"follow_up_on\":\"2026-13-01\"}", 422, "follow_up_on" },
    { "{\"unit_id\":\"%s\",\"period\":\"2026\",\"actions_planned\":\"Utbildning\"}", 422, "follow_up_on" },
    { "{\"unit_id\":\"%s\",\"period\":\"2026\",\"analysis\":true}", 422, "analysis" },
    { "{\"unit_id\":\"%s\",\"period\":\"2026\",\"secret\":\"x\"}", 422, "secret" },
    { "[\"not\",\"an\",\"object\"]", 422, NULL },
    { "{\"unit_id\":", 400, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) parts = g_strsplit (cases[i].json, "%s", -1);
      g_autofree char *json = g_strjoinv (f->org->unit_a, parts);
      g_autoptr(SpTestResponse) r = sp_test_json (f->server, "POST", URL, token, json);

      if (r->status != cases[i].status)
        g_error ("%s: %u", json, r->status);
      if (cases[i].field != NULL)
        g_assert_cmpstr (sp_test_error_field (r), ==, cases[i].field);
    }

  {
    g_autoptr(SpTestResponse) r = sp_test_request (f->server, "POST", URL, token, "application/json",
                                                   bad_utf8, sizeof bad_utf8 - 1);
    expect (r, 400, NULL);
  }

  /* Text over its limit: 20,001 characters. */
  for (guint i = 0; i <= 20000; i++)
    g_string_append (big, "å");
  body = g_strdup_printf ("{\"unit_id\":\"%s\",\"period\":\"2026\",\"analysis\":\"%s\"}",
                          f->org->unit_a, big->str);
  {
    g_autoptr(SpTestResponse) r = sp_test_json (f->server, "POST", URL, token, body);

    expect (r, 422, "analysis");
  }

  /* Nothing was saved by any of them. */
  g_assert_cmpint (count_listed (f, f->org->quality, ""), ==, 0);
}

/* The feed carries compilations to those who may read them only; a push
 * is checked as the API checks. */
static void
test_feed (SpTestFixture *f,
           gconstpointer  data)
{
  g_autofree char *a_id = create (f, f->org->manager_a, f->org->unit_a, "2026-T3");
  g_autofree char *b_id = create (f, f->org->manager_b, f->org->unit_b, "2026");
  struct { const char *token; gboolean a, b; } who[] = {
    { f->org->quality, TRUE, TRUE },
    { f->org->manager_a, TRUE, FALSE },
    { f->org->manager_b, FALSE, TRUE },
    { f->org->staff_a, FALSE, FALSE },
    { f->org->registrar, FALSE, FALSE },
    { f->org->procurement, FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (who); i++)
    {
      g_autoptr(SpTestResponse) feed = sp_test_json (f->server, "GET", "/api/v1/changes?limit=1000",
                                                     who[i].token, NULL);
      g_autofree char *text = g_strndup (g_bytes_get_data (feed->body, NULL), g_bytes_get_size (feed->body));

      sp_test_assert_status (feed, 200);
      g_assert_cmpint (strstr (text, a_id) != NULL, ==, who[i].a);
      g_assert_cmpint (strstr (text, b_id) != NULL, ==, who[i].b);
    }

  /* Pushed by another unit's manager: rejected, nothing saved. */
  {
    g_autoptr(SpTestResponse) pushed = NULL;

    pushed = sp_test_jsonf (f->server, "POST", "/api/v1/changes", f->org->manager_b,
                            "{\"batch_id\":\"b1\",\"changes\":[{\"entity\":\"unit_compilation\","
                            "\"op\":\"create\",\"id\":\"8a617c93-0dbe-4fc0-b132-4d5e6f708193\","
                            "\"fields\":{\"unit_id\":\"%s\",\"period\":\"2026\"}},"
                            "{\"entity\":\"unit_compilation\",\"op\":\"update\",\"id\":\"%s\","
                            "\"base_rev\":1,\"fields\":{\"analysis\":\"Ändrad\"}}]}",
                            f->org->unit_a, a_id);
    sp_test_assert_status (pushed, 200);
    g_assert_cmpstr (sp_test_get_string (pushed, "results.0.status"), ==, "rejected");
    g_assert_cmpstr (sp_test_get_string (pushed, "results.0.error.code"), ==, "forbidden");
    g_assert_cmpstr (sp_test_get_string (pushed, "results.1.status"), ==, "rejected");
    g_assert_cmpint (count_listed (f, f->org->quality, ""), ==, 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/server/compilations/" path, SpTestFixture, NULL, sp_test_fixture_setup, func, \
              sp_test_fixture_teardown)
  ADD ("write-and-read", test_write_and_read);
  ADD ("bad-input", test_bad_input);
  ADD ("feed", test_feed);
#undef ADD

  return g_test_run ();
}
