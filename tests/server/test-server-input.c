/* test-server-input.c: bad input of every kind is refused clearly, loses
 * nothing and crashes nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gprintf.h>
#include <string.h>

#include "sp-test-server.h"

#define VALID_CASE "{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"phone\"," \
                   "\"received_on\":\"2026-11-02\",\"subject\":\"Ämne\"}"

typedef SpTestFixture Fixture;

static gint64
case_count (Fixture *f)
{
  g_autoptr(SpTestResponse) list = sp_test_json (f->server, "GET", "/api/v1/cases", f->org->registrar, NULL);

  sp_test_assert_status (list, 200);
  return sp_test_get_int (list, "total");
}

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

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  const char *bodies[] = {
    "{\"kind\":", "{kind: 'complaint'}", "[1, 2,", "nul", "\"unterminated", "{\"a\":}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(SpTestResponse) response = sp_test_json (f->server, "POST", "/api/v1/cases",
                                                         f->org->registrar, bodies[i]);
      expect (response, 400, "malformed", NULL);
    }

  {
    g_autoptr(SpTestResponse) empty = sp_test_request (f->server, "POST", "/api/v1/cases", f->org->registrar,
                                                       "application/json", "", 0);
    expect (empty, 400, "malformed", NULL);
  }
  g_assert_cmpint (case_count (f), ==, 0);
}

static void
test_invalid_utf8 (Fixture       *f,
                   gconstpointer  data)
{
  const char body[] = "{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"phone\","
                      "\"received_on\":\"2026-11-02\",\"subject\":\"Fel \xff\xfe kodning\"}";
  const char overlong[] = "{\"username\":\"\xc0\xaf\",\"password\":\"x\"}";
  g_autoptr(SpTestResponse) response = NULL;
  g_autoptr(SpTestResponse) login = NULL;

  response = sp_test_request (f->server, "POST", "/api/v1/cases", f->org->registrar,
                              "application/json", body, sizeof body - 1);
  expect (response, 400, "malformed", NULL);

  login = sp_test_request (f->server, "POST", "/api/v1/session", NULL,
                           "application/json", overlong, sizeof overlong - 1);
  expect (login, 400, "malformed", NULL);
  g_assert_cmpint (case_count (f), ==, 0);
}

static void
test_wrong_types_and_fields (Fixture       *f,
                             gconstpointer  data)
{
  static const struct { const char *body; const char *field; } cases[] = {
    { "{\"kind\":5,\"valence\":\"negative\",\"channel\":\"phone\",\"received_on\":\"2026-11-02\",\"subject\":\"x\"}", "kind" },
    { "{\"kind\":\"grumble\",\"valence\":\"negative\",\"channel\":\"phone\",\"received_on\":\"2026-11-02\",\"subject\":\"x\"}", "kind" },
    { "{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"phone\",\"received_on\":\"2026-02-30\",\"subject\":\"x\"}", "received_on" },
    { "{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"phone\",\"received_on\":\"2026-11-02\"}", "subject" },
    { "{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"phone\",\"received_on\":\"2026-11-02\",\"subject\":\"x\",\"colour\":\"red\"}", "colour" },
    { "{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"phone\",\"received_on\":\"2026-11-02\",\"subject\":\"x\",\"status\":\"closed\"}", "status" },
    { "{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"phone\",\"received_on\":\"2026-11-02\",\"subject\":\"x\",\"diary_number\":\"TST 2026/9999\"}", "diary_number" },
    { "{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"phone\",\"received_on\":\"2026-11-02\",\"subject\":\"x\",\"unit_id\":\"not-a-uuid\"}", "unit_id" },
    { "{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"phone\",\"received_on\":\"2026-11-02\",\"subject\":\"x\",\"unit_id\":\"00000000-0000-4000-8000-000000000000\"}", "unit_id" },
    { "{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"phone\",\"received_on\":\"2026-11-02\",\"subject\":\"x\",\"category\":\"no_such\"}", "category" },
    { "{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"phone\",\"received_on\":\"2026-11-02\",\"subject\":\"x\",\"sender\":{\"wants_feedback\":\"yes\"}}", "sender.wants_feedback" },
    { "{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"phone\",\"received_on\":\"2026-11-02\",\"subject\":[\"x\"]}", "subject" },
  };
  g_autoptr(SpTestResponse) array = NULL;
  g_autoptr(SpTestResponse) too_long = NULL;
  g_autofree char *long_subject = g_strnfill (201, 'x');

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SpTestResponse) response = sp_test_json (f->server, "POST", "/api/v1/cases",
                                                         f->org->registrar, cases[i].body);
      g_test_message ("%s", cases[i].body);
      expect (response, 422, "invalid", cases[i].field);
    }

  array = sp_test_json (f->server, "POST", "/api/v1/cases", f->org->registrar, "[" VALID_CASE "]");
  sp_test_assert_status (array, 422);

  too_long = sp_test_jsonf (f->server, "POST", "/api/v1/cases", f->org->registrar,
                            "{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"phone\","
                            "\"received_on\":\"2026-11-02\",\"subject\":\"%s\"}", long_subject);
  expect (too_long, 422, "invalid", "subject");

  g_assert_cmpint (case_count (f), ==, 0);
}

static void
test_patch_validation (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = sp_test_create_case (f->server, f->org->registrar, NULL);
  g_autofree char *path = g_strconcat ("/api/v1/cases/", id, NULL);
  static const struct { const char *body; const char *field; } cases[] = {
    { "{\"fields\":{\"subject\":\"x\"}}", "base_rev" },
    { "{\"base_rev\":\"3\",\"fields\":{\"subject\":\"x\"}}", "base_rev" },
    { "{\"base_rev\":0}", "fields" },
    { "{\"base_rev\":0,\"fields\":[1]}", "fields" },
    { "{\"base_rev\":0,\"fields\":{\"status\":\"closed\"}}", "status" },
    { "{\"base_rev\":0,\"fields\":{\"created_by\":\"me\"}}", "created_by" },
    { "{\"base_rev\":0,\"fields\":{\"channel\":\"pigeon\"}}", "channel" },
    { "{\"base_rev\":0,\"fields\":{\"subject\":\"x\"},\"extra\":1}", "extra" },
  };
  g_autoptr(SpTestResponse) after = NULL;
  g_autoptr(SpTestResponse) bad_id = NULL;
  g_autoptr(SpTestResponse) bad_transition = NULL;
  g_autofree char *transition_path = g_strconcat (path, "/transition", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SpTestResponse) response = sp_test_json (f->server, "PATCH", path, f->org->registrar,
                                                         cases[i].body);
      g_test_message ("%s", cases[i].body);
      expect (response, 422, "invalid", cases[i].field);
    }

  /* Nothing of it was stored. */
  after = sp_test_json (f->server, "GET", path, f->org->registrar, NULL);
  g_assert_cmpstr (sp_test_get_string (after, "case.subject"), ==, "Maten var kall");
  g_assert_cmpstr (sp_test_get_string (after, "case.status"), ==, "received");

  bad_id = sp_test_json (f->server, "GET", "/api/v1/cases/1%20OR%201=1", f->org->registrar, NULL);
  expect (bad_id, 404, "not_found", NULL);

  bad_transition = sp_test_json (f->server, "POST", transition_path,
                                 f->org->registrar, "{\"to\":3}");
  expect (bad_transition, 422, "invalid", "to");
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  gsize size = 2 * 1024 * 1024;
  g_autofree char *body = g_malloc (size + 64);
  g_autoptr(SpTestResponse) response = NULL;
  g_autoptr(SpTestResponse) anonymous = NULL;
  g_autoptr(SpTestResponse) login = NULL;
  g_autoptr(SpTestResponse) chunked = NULL;
  g_autoptr(GError) error = NULL;
  char *p = body;

  p += g_sprintf (p, "{\"kind\":\"complaint\",\"description\":\"");
  memset (p, 'a', size);
  p += size;
  strcpy (p, "\"}");

  response = sp_test_json (f->server, "POST", "/api/v1/cases", f->org->registrar, body);
  expect (response, 413, "too_large", NULL);

  /* Refused from the headers alone, before logging in is even checked. */
  anonymous = sp_test_json (f->server, "POST", "/api/v1/cases", NULL, body);
  expect (anonymous, 413, "too_large", NULL);
  login = sp_test_json (f->server, "POST", "/api/v1/session", NULL, body);
  expect (login, 413, "too_large", NULL);

  /* Without a length up front the server counts as it reads and stops
   * at the limit: a 413, or the connection dropped. */
  chunked = sp_test_request_chunked (f->server, "POST", "/api/v1/cases", f->org->registrar,
                                     body, strlen (body), &error);
  if (chunked != NULL)
    expect (chunked, 413, "too_large", NULL);
  else
    g_test_message ("chunked body: %s", error->message);

  g_assert_cmpint (case_count (f), ==, 0);
}

static void
test_content_type (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SpTestResponse) text = NULL;
  g_autoptr(SpTestResponse) none = NULL;
  g_autoptr(SpTestResponse) form = NULL;
  g_autoptr(SpTestResponse) latin1 = NULL;
  g_autoptr(SpTestResponse) utf8 = NULL;

  text = sp_test_request (f->server, "POST", "/api/v1/cases", f->org->registrar, "text/plain", VALID_CASE, -1);
  expect (text, 415, "unsupported_media_type", NULL);
  none = sp_test_request (f->server, "POST", "/api/v1/cases", f->org->registrar, NULL, VALID_CASE, -1);
  expect (none, 415, "unsupported_media_type", NULL);
  form = sp_test_request (f->server, "POST", "/api/v1/session", NULL,
                          "application/x-www-form-urlencoded", "username=admin&password=x", -1);
  expect (form, 415, "unsupported_media_type", NULL);
  latin1 = sp_test_request (f->server, "POST", "/api/v1/cases", f->org->registrar,
                            "application/json; charset=iso-8859-1", VALID_CASE, -1);
  expect (latin1, 415, "unsupported_media_type", NULL);

  utf8 = sp_test_request (f->server, "POST", "/api/v1/cases", f->org->registrar,
                          "application/json; charset=UTF-8", VALID_CASE, -1);
  sp_test_assert_status (utf8, 201);
}

static void
test_depth (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GString) deep = g_string_new ("{\"kind\":");
  g_autoptr(SpTestResponse) response = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 5000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');

  response = sp_test_json (f->server, "POST", "/api/v1/cases", f->org->registrar, deep->str);
  expect (response, 400, "malformed", NULL);
}

static void
test_sql_metacharacters (Fixture       *f,
                         gconstpointer  data)
{
  const char *nasty = "Robert'); DROP TABLE cases;-- \\\" OR 1=1 %_";
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *body = NULL;
  g_autoptr(SpTestResponse) created = NULL;
  g_autoptr(SpTestResponse) got = NULL;
  g_autoptr(SpTestResponse) search = NULL;
  g_autoptr(SpTestResponse) category = NULL;
  g_autoptr(SpTestResponse) login = NULL;
  g_autofree char *path = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, "complaint");
  json_builder_set_member_name (builder, "valence");
  json_builder_add_string_value (builder, "negative");
  json_builder_set_member_name (builder, "channel");
  json_builder_add_string_value (builder, "email");
  json_builder_set_member_name (builder, "received_on");
  json_builder_add_string_value (builder, "2026-11-02");
  json_builder_set_member_name (builder, "subject");
  json_builder_add_string_value (builder, nasty);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  body = json_to_string (node, FALSE);

  created = sp_test_json (f->server, "POST", "/api/v1/cases", f->org->registrar, body);
  sp_test_assert_status (created, 201);
  g_assert_cmpstr (sp_test_get_string (created, "subject"), ==, nasty);

  path = g_strconcat ("/api/v1/cases/", sp_test_get_string (created, "id"), NULL);
  got = sp_test_json (f->server, "GET", path, f->org->registrar, NULL);
  g_assert_cmpstr (sp_test_get_string (got, "case.subject"), ==, nasty);

  search = sp_test_json (f->server, "GET", "/api/v1/cases?q=%27%29%3B%20DROP%20TABLE%20cases%3B--%20%22%20OR%201%3D1",
                         f->org->registrar, NULL);
  sp_test_assert_status (search, 200);

  category = sp_test_json (f->server, "GET", "/api/v1/cases?category=%27%20OR%20%271%27%3D%271",
                           f->org->registrar, NULL);
  sp_test_assert_status (category, 200);
  g_assert_cmpint (sp_test_get_int (category, "total"), ==, 0);

  login = sp_test_json (f->server, "POST", "/api/v1/session", NULL,
                        "{\"username\":\"admin' --\",\"password\":\"' OR '1'='1\"}");
  sp_test_assert_status (login, 401);

  g_assert_cmpint (case_count (f), ==, 1);
}

static void
test_query_parameters (Fixture       *f,
                       gconstpointer  data)
{
  static const struct { const char *query; const char *field; } cases[] = {
    { "limit=abc", "limit" },
    { "limit=-1", "limit" },
    { "limit=99999999999", "limit" },
    { "offset=1e3", "offset" },
    { "status=bogus", "status" },
    { "kind=complaint,bogus", "kind" },
    { "from=2026-13-45", "from" },
    { "overdue=maybe", "overdue" },
    { "sort=salary", "sort" },
    { "unit=../../etc", "unit" },
    { "colour=red", "colour" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strconcat ("/api/v1/cases?", cases[i].query, NULL);
      g_autoptr(SpTestResponse) response = sp_test_json (f->server, "GET", path, f->org->registrar, NULL);

      g_test_message ("%s", cases[i].query);
      expect (response, 422, "invalid", cases[i].field);
    }

  {
    g_autoptr(SpTestResponse) bad_utf8 = sp_test_json (f->server, "GET", "/api/v1/cases?q=%FF%FE",
                                                       f->org->registrar, NULL);
    g_assert_cmpuint (bad_utf8->status, ==, 400);
  }
  {
    g_autoptr(SpTestResponse) since = sp_test_json (f->server, "GET", "/api/v1/changes?since=-5",
                                                    f->org->registrar, NULL);
    expect (since, 422, "invalid", "since");
  }
}

static void
test_login_body (Fixture       *f,
                 gconstpointer  data)
{
  static const char *bodies[] = {
    "{}", "{\"username\":\"admin\"}", "{\"username\":1,\"password\":\"x\"}",
    "{\"username\":\"admin\",\"password\":null}", "{\"username\":\"admin\",\"password\":\"x\",\"otp\":1}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(SpTestResponse) response = sp_test_json (f->server, "POST", "/api/v1/session", NULL, bodies[i]);
      g_assert_cmpuint (response->status, ==, 422);
    }
}

/* Random bytes and mangled JSON at every route that takes a body: each
 * answer is a JSON error, and the server stays up. */
static void
test_fuzz (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) routes = NULL;
  g_autofree char *case_id = sp_test_create_case (f->server, f->org->registrar, NULL);
  GRand *rand = g_rand_new_with_seed (20261123);
  static const char *seeds[] = {
    VALID_CASE,
    "{\"base_rev\":1,\"fields\":{\"subject\":\"x\",\"sender\":{\"email\":\"a@b.se\"}}}",
    "{\"batch_id\":\"f\",\"changes\":[{\"entity\":\"case\",\"op\":\"update\",\"id\":\"x\",\"base_rev\":1,\"fields\":{}}]}",
    "{\"username\":\"admin\",\"password\":\"abcdefghijkl\",\"roles\":[\"staff\"]}",
    "{\"to\":\"registered\"}",
  };

  g_assert_cmpint (sp_test_run (NULL, &out, NULL, (const char *[]) { "--list-routes", NULL }), ==, 0);
  routes = g_strsplit (out, "\n", -1);

  for (guint r = 0; routes[r]; r++)
    {
      g_auto(GStrv) parts = g_strsplit (routes[r], " ", 2);
      g_autofree char *path = NULL;

      /* The public paths answer in their own formats, not the API's JSON
       * errors: test-server-eservice.c and test-server-open311.c. */
      if (parts[0] == NULL || parts[1] == NULL || !g_str_has_prefix (parts[1], "/api/") ||
          (g_strcmp0 (parts[0], "POST") != 0 && g_strcmp0 (parts[0], "PATCH") != 0))
        continue;
      path = g_strdup (parts[1]);
      if (strstr (path, "{id}"))
        {
          g_autofree char *prefix = g_strndup (path, strstr (path, "{id}") - path);
          g_autofree char *rest = g_strdup (strstr (path, "{id}") + 4);
          g_free (path);
          path = g_strconcat (prefix, case_id, rest, NULL);
        }

      for (guint i = 0; i < 40; i++)
        {
          g_autoptr(SpTestResponse) response = NULL;
          g_autofree char *body = NULL;
          gsize length;

          if (i % 2 == 0)
            {
              /* Pure noise. */
              length = g_rand_int_range (rand, 1, 300);
              body = g_malloc (length + 1);
              for (gsize k = 0; k < length; k++)
                body[k] = (char) g_rand_int_range (rand, 0, 256);
              body[length] = '\0';
            }
          else
            {
              /* A valid body with a few bytes changed, cut or repeated. */
              const char *seed = seeds[g_rand_int_range (rand, 0, G_N_ELEMENTS (seeds))];

              body = g_strdup (seed);
              length = strlen (body);
              for (guint k = 0; k < 3; k++)
                body[g_rand_int_range (rand, 0, length)] =
                  "{}[]\":,\\0123456789-+.eE\xc3\xa5nulltruefalse\x01 "[g_rand_int_range (rand, 0, 40)];
              if (g_rand_boolean (rand))
                length = g_rand_int_range (rand, 0, length + 1);
            }

          response = sp_test_request (f->server, parts[0], path, f->org->registrar,
                                      "application/json", body, length);
          if (response->status >= 500)
            g_error ("%s %s answered %u to fuzz input", parts[0], path, response->status);
          if (response->status >= 400)
            g_assert_nonnull (sp_test_error_code (response));
        }
    }

  g_rand_free (rand);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/server/input/" path, Fixture, NULL, sp_test_fixture_setup, func, sp_test_fixture_teardown_alive)
  ADD ("malformed", test_malformed);
  ADD ("invalid-utf8", test_invalid_utf8);
  ADD ("wrong-types-and-fields", test_wrong_types_and_fields);
  ADD ("patch-validation", test_patch_validation);
  ADD ("too-large", test_too_large);
  ADD ("content-type", test_content_type);
  ADD ("depth", test_depth);
  ADD ("sql-metacharacters", test_sql_metacharacters);
  ADD ("query-parameters", test_query_parameters);
  ADD ("login-body", test_login_body);
  ADD ("fuzz", test_fuzz);
#undef ADD

  return g_test_run ();
}
