/* test-server-csv.c: the case list and the statistics as CSV: strict RFC
 * 4180, UTF-8, comma or semicolon with a BOM, no personal data for
 * quality staff, the same figures as the JSON, and bad parameters refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-server.h"
#include "../sp-test-csv.h"

typedef SpTestFixture Fixture;

/* What must never reach quality staff's exports. */
static const char * const personal[] = {
  "Åsa", "Öberg", "asa.oberg@example.se", "070-123 45 67", "Storgatan", "19121212",
  "kall", "Middagen", "Kökschefen", NULL
};

static void
make_cases (Fixture *f)
{
  const char *reg = f->org->registrar;
  const struct { const char *kind, *valence, *channel, *on, *category, *unit; } cases[] = {
    { "complaint", "negative", "phone", "2026-02-10", "food_meals", f->org->unit_a },
    { "complaint", "negative", "email", "2026-03-11", "treatment", f->org->unit_a },
    { "opinion", "positive", "letter", "2026-04-01", "treatment", f->org->unit_b },
    { "opinion", "neutral", "web_form", "2025-10-01", "information", f->org->unit_c },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SpTestResponse) made = NULL;

      made = sp_test_jsonf (f->server, "POST", "/api/v1/cases", reg,
                            "{\"kind\":\"%s\",\"valence\":\"%s\",\"channel\":\"%s\","
                            "\"received_on\":\"%s\",\"category\":\"%s\",\"unit_id\":\"%s\","
                            "\"subject\":\"Åsa Öbergs mat, \\\"kall\\\"; igen\","
                            "\"description\":\"Middagen var kall. Ring 070-123 45 67,\\r\\n"
                            "personnummer 19121212-1212.\","
                            "\"sender\":{\"name\":\"Åsa Öberg\",\"email\":\"asa.oberg@example.se\","
                            "\"phone\":\"070-123 45 67\",\"address\":\"Storgatan 1\","
                            "\"wants_feedback\":true,\"relation\":\"relative\"}}",
                            cases[i].kind, cases[i].valence, cases[i].channel, cases[i].on,
                            cases[i].category, cases[i].unit);
      sp_test_assert_status (made, 201);
    }
}

static char *
body_text (SpTestResponse *response)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (response->body, &size);

  return g_strndup (data, size);
}

static GPtrArray *
get_csv (Fixture    *f,
         const char *path,
         const char *token,
         char        sep,
         char      **text)
{
  g_autoptr(SpTestResponse) response = sp_test_json (f->server, "GET", path, token, NULL);
  const char *type;

  sp_test_assert_status (response, 200);
  type = soup_message_headers_get_content_type (response->headers, NULL);
  g_assert_cmpstr (type, ==, "text/csv");
  g_assert_nonnull (strstr (soup_message_headers_get_one (response->headers, "Content-Disposition"),
                            "attachment"));
  *text = body_text (response);
  g_assert_cmpuint (strlen (*text), ==, g_bytes_get_size (response->body));
  return sp_test_csv_read (*text, sep);
}

static void
assert_no_personal_data (const char *text)
{
  for (guint i = 0; personal[i] != NULL; i++)
    if (strstr (text, personal[i]) != NULL)
      g_error ("the export holds “%s”:\n%s", personal[i], text);
}

static void
test_case_list_quality (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *text = NULL;
  const char * const *columns = sp_case_csv_columns ();
  GPtrArray *header;

  make_cases (f);
  records = get_csv (f, "/api/v1/cases?format=csv&sort=received_on", f->org->quality, ',', &text);
  assert_no_personal_data (text);
  g_assert_false (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  /* The whole list, not a page of it, and every column but the subject. */
  g_assert_cmpuint (records->len, ==, 1 + 4);
  header = g_ptr_array_index (records, 0);
  g_assert_cmpuint (header->len, ==, g_strv_length ((char **) columns) - 1);
  g_assert_cmpint (sp_test_csv_column (records, "subject"), ==, -1);
  for (guint i = 0; i < header->len; i++)
    g_assert_cmpstr (g_ptr_array_index (header, i), ==, columns[i]);
  g_assert_cmpstr (sp_test_csv_get (records, 1, sp_test_csv_column (records, "received_on")), ==,
                   "2025-10-01");
  g_assert_cmpstr (sp_test_csv_get (records, 2, sp_test_csv_column (records, "category")), ==,
                   "food_meals");
  g_assert_cmpstr (sp_test_csv_get (records, 2, sp_test_csv_column (records, "sender_relation")), ==,
                   "relative");
  g_assert_cmpstr (sp_test_csv_get (records, 2, sp_test_csv_column (records, "unit_id")), ==,
                   f->org->unit_a);

  /* Filtered as the list is. */
  g_clear_pointer (&records, g_ptr_array_unref);
  g_clear_pointer (&text, g_free);
  records = get_csv (f, "/api/v1/cases?format=csv&kind=opinion", f->org->quality, ',', &text);
  g_assert_cmpuint (records->len, ==, 1 + 2);
}

static void
test_case_list_registrar_semicolon (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *text = NULL;
  int subject;

  make_cases (f);
  records = get_csv (f, "/api/v1/cases?format=csv&separator=semicolon&limit=2", f->org->registrar,
                     ';', &text);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_cmpuint (records->len, ==, 1 + 2);
  subject = sp_test_csv_column (records, "subject");
  g_assert_cmpint (subject, >=, 0);
  /* Quoted with the quotes doubled, the semicolon kept inside. */
  g_assert_cmpstr (sp_test_csv_get (records, 1, subject), ==, "Åsa Öbergs mat, \"kall\"; igen");
  /* Even the registrar's export holds no contact details or free text. */
  g_assert_null (strstr (text, "asa.oberg@example.se"));
  g_assert_null (strstr (text, "19121212"));
  g_assert_null (strstr (text, "Storgatan"));
}

static gint64
json_count (SpTestResponse *json,
            const char     *which,
            const char     *table,
            const char     *key)
{
  g_autofree char *path = NULL;
  JsonNode *node;

  static const char * const json_names[][2] = {
    { "deadline_due", "deadline.due" }, { "within_deadline", "deadline.within" },
    { "handled", "handling_days.count" }, { "handled_working", "handling_working_days.count" },
  };

  for (guint i = 0; g_str_equal (table, "summary") && i < G_N_ELEMENTS (json_names); i++)
    if (g_str_equal (key, json_names[i][0]))
      key = json_names[i][1];
  if (g_str_equal (table, "summary"))
    path = g_strdup_printf ("figures.%s.%s", which, key);
  else if (g_str_equal (table, "assessment"))
    path = g_strdup_printf ("figures.%s.assessment.%s", which, key);
  else
    path = g_strdup_printf ("figures.%s.by.%s.%s", which, table, key);
  node = sp_test_get_node (json, path);
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : 0;
}

static void
test_stats_csv_equals_json (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(SpTestResponse) json = NULL;
  g_autofree char *text = NULL;
  const char *which[] = { "current", "previous", "last_year" };
  gboolean saw_unit = FALSE;

  make_cases (f);
  json = sp_test_json (f->server, "GET", "/api/v1/stats?period=2026-T1", f->org->quality, NULL);
  sp_test_assert_status (json, 200);
  records = get_csv (f, "/api/v1/stats?period=2026-T1&format=csv", f->org->quality, ',', &text);
  assert_no_personal_data (text);

  g_assert_cmpstr (sp_test_csv_get (records, 0, 0), ==, "table");
  g_assert_cmpstr (sp_test_csv_get (records, 1, 0), ==, "summary");
  g_assert_cmpstr (sp_test_csv_get (records, 1, 1), ==, "total");
  g_assert_cmpstr (sp_test_csv_get (records, 1, 2), ==, "3");
  g_assert_cmpstr (sp_test_csv_get (records, 1, 3), ==, "1");
  for (guint r = 1; r < records->len; r++)
    {
      const char *table = sp_test_csv_get (records, r, 0);
      const char *key = sp_test_csv_get (records, r, 1);

      if (g_str_equal (table, "summary") && strstr (key, "_days") != NULL)
        continue;
      if (g_str_equal (table, "month"))
        continue;  /* keys "2026-02" are not JSON paths */
      if (g_str_equal (table, "unit") && g_str_equal (key, f->org->unit_a))
        {
          saw_unit = TRUE;
          g_assert_cmpstr (sp_test_csv_get (records, r, 2), ==, "2");
        }
      for (guint w = 0; w < 3; w++)
        {
          g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                       json_count (json, which[w], table, key));

          if (!g_str_equal (sp_test_csv_get (records, r, 2 + w), expected))
            g_error ("%s %s %s: CSV %s, JSON %s", table, key, which[w],
                     sp_test_csv_get (records, r, 2 + w), expected);
        }
    }
  g_assert_true (saw_unit);

  /* One table, semicolons and the BOM. */
  g_clear_pointer (&records, g_ptr_array_unref);
  g_clear_pointer (&text, g_free);
  records = get_csv (f, "/api/v1/stats?period=2026-T1&scope=organisation&format=csv&table=category"
                        "&separator=semicolon", f->org->quality, ';', &text);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_cmpstr (sp_test_csv_get (records, 0, 0), ==, "category");
  g_assert_cmpuint (records->len, ==, 1 + 3);
}

static void
test_bad_parameters (Fixture       *f,
                     gconstpointer  data)
{
  const struct { const char *path; guint status; const char *field; } bad[] = {
    { "/api/v1/cases?format=xml", 422, "format" },
    { "/api/v1/cases?format=csv&separator=tab", 422, "separator" },
    { "/api/v1/cases?separator=comma", 422, "separator" },
    { "/api/v1/cases?format=csv&status=nonsense", 422, "status" },
    { "/api/v1/stats?format=csv", 422, "period" },
    { "/api/v1/stats?format=csv&period=2026-T4", 422, "period" },
    { "/api/v1/stats?format=csv&period=2026-T1&table=shoe_size", 422, "table" },
    { "/api/v1/stats?format=csv&period=2026-T1&scope=ward:7", 422, "scope" },
    { "/api/v1/stats?format=csv&period=2026-T1&kind=complaint", 422, "kind" },
    { "/api/v1/stats?period=2026-T1&table=category", 422, "table" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(SpTestResponse) response = sp_test_json (f->server, "GET", bad[i].path,
                                                         f->org->quality, NULL);

      sp_test_assert_status (response, bad[i].status);
      g_assert_cmpstr (sp_test_error_field (response), ==, bad[i].field);
    }

  /* SQL metacharacters in a scope's id are only an id no case has. */
  {
    g_autoptr(GPtrArray) records = NULL;
    g_autofree char *text = NULL;

    make_cases (f);
    records = get_csv (f, "/api/v1/stats?format=csv&period=2026-T1&scope=unit:x'%3BDROP%20TABLE%20cases--",
                       f->org->quality, ',', &text);
    g_assert_cmpstr (sp_test_csv_get (records, 1, 1), ==, "total");
    g_assert_cmpstr (sp_test_csv_get (records, 1, 2), ==, "0");
    g_clear_pointer (&records, g_ptr_array_unref);
    g_clear_pointer (&text, g_free);
    records = get_csv (f, "/api/v1/stats?format=csv&period=2026-T1", f->org->quality, ',', &text);
    g_assert_cmpstr (sp_test_csv_get (records, 1, 2), ==, "3");
  }

  {
    g_autoptr(SpTestResponse) anonymous = sp_test_json (f->server, "GET",
                                                        "/api/v1/cases?format=csv", NULL, NULL);

    sp_test_assert_status (anonymous, 401);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/csv/cases/quality", Fixture, NULL, sp_test_fixture_setup,
              test_case_list_quality, sp_test_fixture_teardown);
  g_test_add ("/server/csv/cases/registrar-semicolon", Fixture, NULL, sp_test_fixture_setup,
              test_case_list_registrar_semicolon, sp_test_fixture_teardown);
  g_test_add ("/server/csv/stats/equals-json", Fixture, NULL, sp_test_fixture_setup,
              test_stats_csv_equals_json, sp_test_fixture_teardown);
  g_test_add ("/server/csv/bad-parameters", Fixture, NULL, sp_test_fixture_setup,
              test_bad_parameters, sp_test_fixture_teardown_alive);

  return g_test_run ();
}
