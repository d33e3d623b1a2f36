/* test-server-open311.c: Open311 GeoReport v2 against the real server:
 * every method in XML and JSON, the api_key rules, the error document and
 * the bad input that stores nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-server.h"

#define FORM_TYPE "application/x-www-form-urlencoded"
#define BASE "/open311/v2"

static const char *config_text =
  "[organisation]\n"
  "name=Hässelby-Vällingby stadsdelsförvaltning\n"
  "[eservice]\n"
  "max_posts=1000\n"
  "[open311]\n"
  "jurisdiction_id=hvsdn.example\n"
  "contact=registrator@hvsdn.example\n"
  "[open311-service litter]\n"
  "name=Nedskräpning\n"
  "description=Skräp på gator & i parker\n"
  "area=city_environment\n"
  "group=Stadsmiljö\n"
  "keywords=skräp;papperskorg\n"
  "[open311-service lamp]\n"
  "name=Trasig belysning\n"
  "area=city_environment\n";

static const char *listing_config =
  "[eservice]\n"
  "max_posts=1000\n"
  "[open311]\n"
  "public_listing=true\n"
  "[open311-service litter]\n"
  "name=Nedskräpning\n"
  "area=city_environment\n";

static const char *limited_config =
  "[eservice]\n"
  "max_posts=3\n"
  "post_window=3600\n"
  "[open311-service litter]\n"
  "name=Nedskräpning\n"
  "area=city_environment\n";

static const char *attribute_config =
  "[eservice]\n"
  "max_posts=1000\n"
  "[open311-service litter]\n"
  "name=Nedskräpning\n"
  "area=city_environment\n"
  "[open311-service lamp]\n"
  "name=Trasig belysning\n"
  "area=city_environment\n"
  "[open311-attribute litter amount]\n"
  "datatype=singlevaluelist\n"
  "required=true\n"
  "description=Hur mycket skräp ligger där?\n"
  "order=1\n"
  "values=little:Lite;much:Mycket & mer\n"
  "[open311-attribute litter bags]\n"
  "datatype=number\n"
  "description=Antal säckar\n"
  "datatype_description=Ett heltal\n"
  "order=2\n";

typedef struct
{
  SpTestServer *server;
  char         *registrar;
  char         *key;
} Fixture;

static char *
add_key (SpTestServer *server,
         const char   *name)
{
  char *key = NULL;

  g_assert_cmpint (sp_test_run (NULL, &key, NULL,
                                (const char *[]) { "open311-key", "add", "--db", server->db,
                                                   "--name", name, NULL }), ==, 0);
  return g_strstrip (key);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->server = sp_test_server_new_with_config (data ? data : config_text);
  f->registrar = sp_test_registrar_token (f->server);
  f->key = add_key (f->server, "Tyck till");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SpTestResponse) health = sp_test_json (f->server, "GET", "/api/v1/health", NULL, NULL);

  sp_test_assert_status (health, 200);
  sp_test_server_stop (f->server);
  sp_test_server_free (f->server);
  g_free (f->registrar);
  g_free (f->key);
}

static char *
body_of (SpTestResponse *resp)
{
  return resp->body ? g_strndup (g_bytes_get_data (resp->body, NULL), g_bytes_get_size (resp->body))
                    : g_strdup ("");
}

static SpTestResponse *
get (Fixture    *f,
     const char *path)
{
  return sp_test_request (f->server, "GET", path, NULL, NULL, NULL, 0);
}

static SpTestResponse *
post (Fixture    *f,
      const char *format,
      const char *body)
{
  g_autofree char *path = g_strdup_printf (BASE "/requests.%s", format);

  return sp_test_request (f->server, "POST", path, NULL, FORM_TYPE, body, -1);
}

static gint64
count_cases (Fixture *f)
{
  g_autoptr(SpTestResponse) list = sp_test_json (f->server, "GET", "/api/v1/cases?limit=1", f->registrar, NULL);

  sp_test_assert_status (list, 200);
  return sp_test_get_int (list, "total");
}

static void
assert_xml (SpTestResponse *resp,
            const char     *root)
{
  g_autofree char *text = body_of (resp);
  g_autofree char *open = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<%s>", root);

  g_assert_true (g_str_has_prefix (soup_message_headers_get_content_type (resp->headers, NULL), "text/xml"));
  if (!g_str_has_prefix (text, open))
    g_error ("Expected <%s>: %s", root, text);
}

static void
assert_json (SpTestResponse *resp)
{
  g_assert_true (g_str_has_prefix (soup_message_headers_get_content_type (resp->headers, NULL),
                                   "application/json"));
  g_assert_nonnull (resp->json);
}

/* The error document in both formats: [{"code","description"}] and
 * <errors><error><code>…. */
static void
assert_error (SpTestResponse *resp,
              const char     *format,
              guint           status)
{
  g_autofree char *text = body_of (resp);

  sp_test_assert_status (resp, status);
  if (g_str_equal (format, "json"))
    {
      assert_json (resp);
      g_assert_cmpint (sp_test_get_int (resp, "0.code"), ==, status);
      g_assert_nonnull (sp_test_get_string (resp, "0.description"));
    }
  else
    {
      g_autofree char *code = g_strdup_printf ("<errors><error><code>%u</code><description>", status);

      assert_xml (resp, "errors");
      g_assert_nonnull (strstr (text, code));
    }
}

static char *
report (Fixture    *f,
        const char *format,
        const char *extra)
{
  g_autofree char *body = g_strdup_printf ("api_key=%s&service_code=litter&lat=59.3621&long=17.8712"
                                           "&description=Full+papperskorg&email=sven%%40example.se"
                                           "&first_name=Sven&last_name=Ek%s", f->key, extra ? extra : "");
  g_autoptr(SpTestResponse) resp = post (f, format, body);
  g_autofree char *text = body_of (resp);

  sp_test_assert_status (resp, 200);
  if (g_str_equal (format, "json"))
    {
      assert_json (resp);
      g_assert_true (JSON_NODE_HOLDS_NULL (sp_test_get_node (resp, "0.account_id")));
      return g_strdup (sp_test_get_string (resp, "0.service_request_id"));
    }
  else
    {
      const char *start = strstr (text, "<service_request_id>");

      assert_xml (resp, "service_requests");
      g_assert_nonnull (start);
      start += strlen ("<service_request_id>");
      return g_strndup (start, strchr (start, '<') - start);
    }
}

static gboolean
is_iso8601_with_zone (const char *text)
{
  return text != NULL &&
         g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})$",
                               text, 0, 0);
}

static void
test_discovery (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SpTestResponse) xml = get (f, BASE "/discovery.xml");
  g_autoptr(SpTestResponse) json = get (f, BASE "/discovery.json");
  g_autofree char *text = body_of (xml);

  sp_test_assert_status (xml, 200);
  assert_xml (xml, "discovery");
  g_assert_nonnull (strstr (text, "<format>text/xml</format><format>application/json</format>"));
  sp_test_assert_status (json, 200);
  assert_json (json);
  g_assert_cmpstr (sp_test_get_string (json, "contact"), ==, "registrator@hvsdn.example");
  g_assert_cmpstr (sp_test_get_string (json, "endpoints.0.specification"), ==, "http://wiki.open311.org/GeoReport_v2");
  g_assert_true (g_str_has_suffix (sp_test_get_string (json, "endpoints.0.url"), BASE));
}

static void
test_services (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SpTestResponse) xml = get (f, BASE "/services.xml");
  g_autoptr(SpTestResponse) plain = get (f, BASE "/services?jurisdiction_id=hvsdn.example");
  g_autoptr(SpTestResponse) json = get (f, BASE "/services.json");
  g_autoptr(SpTestResponse) other = get (f, BASE "/services.json?jurisdiction_id=elsewhere");
  g_autoptr(SpTestResponse) csv = get (f, BASE "/services.csv");
  g_autofree char *text = body_of (xml);

  sp_test_assert_status (xml, 200);
  assert_xml (xml, "services");
  g_assert_nonnull (strstr (text, "<service><service_code>litter</service_code><service_name>Nedskräpning</service_name>"
                                  "<description>Skräp på gator &amp; i parker</description><metadata>false</metadata>"));
  /* Without an extension: XML, the spec's required format. */
  sp_test_assert_status (plain, 200);
  assert_xml (plain, "services");

  sp_test_assert_status (json, 200);
  assert_json (json);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json->json)), ==, 2);
  g_assert_cmpstr (sp_test_get_string (json, "0.service_code"), ==, "litter");
  g_assert_cmpstr (sp_test_get_string (json, "0.group"), ==, "Stadsmiljö");
  g_assert_cmpstr (sp_test_get_string (json, "0.type"), ==, "realtime");
  g_assert_cmpstr (sp_test_get_string (json, "1.service_code"), ==, "lamp");

  assert_error (other, "json", 404);
  assert_error (csv, "xml", 400);
}

static void
test_service_definition (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SpTestResponse) xml = get (f, BASE "/services/litter.xml");
  g_autoptr(SpTestResponse) json = get (f, BASE "/services/litter.json");
  g_autoptr(SpTestResponse) missing_xml = get (f, BASE "/services/nothing.xml");
  g_autoptr(SpTestResponse) missing_json = get (f, BASE "/services/nothing.json");
  g_autofree char *text = body_of (xml);

  sp_test_assert_status (xml, 200);
  assert_xml (xml, "service_definition");
  g_assert_nonnull (strstr (text, "<service_code>litter</service_code><attributes></attributes>"));
  sp_test_assert_status (json, 200);
  g_assert_cmpstr (sp_test_get_string (json, "service_code"), ==, "litter");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (sp_test_get_node (json, "attributes"))), ==, 0);
  assert_error (missing_xml, "xml", 404);
  assert_error (missing_json, "json", 404);
}

/* A service with attributes of its own: defined in both formats as
 * GeoReport v2 says (variable, code, datatype, required, order,
 * description, values), metadata true in the list; a request's answers
 * are checked against them and go into the case's description; a missing
 * required one, an unknown one, a key not in the list or a number that is
 * not one is 400 and stores nothing. */
static void
test_attributes (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SpTestResponse) xml = get (f, BASE "/services/litter.xml");
  g_autoptr(SpTestResponse) json = get (f, BASE "/services/litter.json");
  g_autoptr(SpTestResponse) lamp = get (f, BASE "/services/lamp.json");
  g_autoptr(SpTestResponse) list = get (f, BASE "/services.json");
  g_autoptr(SpTestResponse) cases = NULL;
  g_autofree char *text = body_of (xml);
  g_autofree char *id = NULL;
  static const char * const refused[] = {
    "",                                          /* amount is required */
    "&attribute%5Bamount%5D=heaps",              /* not a key */
    "&attribute%5Bamount%5D=much&attribute%5Bbags%5D=two",
    "&attribute%5Bamount%5D=much&attribute%5Bcolour%5D=red",
    "&attribute%5Bamount%5D=much&attribute%5Bbags%5D=1%27%20OR%201%3D1",
  };

  sp_test_assert_status (json, 200);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (sp_test_get_node (json, "attributes"))), ==, 2);
  g_assert_true (json_node_get_boolean (sp_test_get_node (json, "attributes.0.variable")));
  g_assert_cmpstr (sp_test_get_string (json, "attributes.0.code"), ==, "amount");
  g_assert_cmpstr (sp_test_get_string (json, "attributes.0.datatype"), ==, "singlevaluelist");
  g_assert_true (json_node_get_boolean (sp_test_get_node (json, "attributes.0.required")));
  g_assert_cmpint (sp_test_get_int (json, "attributes.0.order"), ==, 1);
  g_assert_cmpstr (sp_test_get_string (json, "attributes.0.description"), ==, "Hur mycket skräp ligger där?");
  g_assert_cmpstr (sp_test_get_string (json, "attributes.0.values.1.key"), ==, "much");
  g_assert_cmpstr (sp_test_get_string (json, "attributes.0.values.1.name"), ==, "Mycket & mer");
  g_assert_cmpstr (sp_test_get_string (json, "attributes.1.code"), ==, "bags");
  g_assert_false (json_node_get_boolean (sp_test_get_node (json, "attributes.1.required")));
  g_assert_cmpstr (sp_test_get_string (json, "attributes.1.datatype_description"), ==, "Ett heltal");
  sp_test_assert_status (xml, 200);
  assert_xml (xml, "service_definition");
  g_assert_nonnull (strstr (text, "<attributes><attribute><variable>true</variable><code>amount</code>"
                                  "<datatype>singlevaluelist</datatype><required>true</required>"));
  g_assert_nonnull (strstr (text, "<values><value><key>little</key><name>Lite</name></value>"
                                  "<value><key>much</key><name>Mycket &amp; mer</name></value></values>"));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (sp_test_get_node (lamp, "attributes"))), ==, 0);
  g_assert_true (json_node_get_boolean (sp_test_get_node (list, "0.metadata")));
  g_assert_false (json_node_get_boolean (sp_test_get_node (list, "1.metadata")));

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    for (guint k = 0; k < 2; k++)
      {
        const char *format = k ? "xml" : "json";
        g_autofree char *body = g_strdup_printf ("api_key=%s&service_code=litter&lat=59.36&long=17.87%s",
                                                 f->key, refused[i]);
        g_autoptr(SpTestResponse) resp = post (f, format, body);

        assert_error (resp, format, 400);
      }
  g_assert_cmpint (count_cases (f), ==, 0);

  id = report (f, "json", "&attribute%5Bamount%5D=much&attribute%5Bbags%5D=3");
  g_assert_nonnull (id);
  cases = sp_test_json (f->server, "GET", "/api/v1/cases", f->registrar, NULL);
  g_assert_cmpint (sp_test_get_int (cases, "total"), ==, 1);
  g_assert_nonnull (strstr (sp_test_get_string (cases, "items.0.description"),
                            "Hur mycket skräp ligger där?: Mycket & mer\nAntal säckar: 3"));
}

/* A chunked body past max_body: the spec's error document with 413, in
 * the format asked for, not the API's JSON (one of three tries answered:
 * the connection may be dropped while the client still sends). */
static void
test_too_large_chunked (Fixture       *f,
                        gconstpointer  data)
{
  gsize big = 3 * 1024 * 1024;
  g_autofree char *body = g_malloc (big + 1);
  guint answered = 0;

  memset (body, 'x', big);
  body[big] = '\0';
  memcpy (body, "description=", strlen ("description="));
  for (guint attempt = 0; attempt < 3 && answered == 0; attempt++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpTestResponse) resp = sp_test_request_chunked_as (f->server, "POST", BASE "/requests.json",
                                                                   NULL, FORM_TYPE, body, big, &error);

      if (resp == NULL)
        {
          g_test_message ("chunked body: %s", error->message);
          continue;
        }
      answered++;
      assert_error (resp, "json", 413);
    }
  g_assert_cmpuint (answered, ==, 1);
  g_assert_cmpint (count_cases (f), ==, 0);
}

/* A report in each format becomes a case from the app in the registrar's
 * queue, with the service's area and the 3-day rule, and is found again
 * by its id, in each format, without its personal data. */
static void
test_post_and_get (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *id_json = report (f, "json", "&jurisdiction_id=hvsdn.example");
  g_autofree char *id_xml = report (f, "xml", NULL);
  g_autofree char *path_json = g_strdup_printf (BASE "/requests/%s.json", id_json);
  g_autofree char *path_xml = g_strdup_printf (BASE "/requests/%s.xml", id_xml);
  g_autoptr(SpTestResponse) one_json = get (f, path_json);
  g_autoptr(SpTestResponse) one_xml = get (f, path_xml);
  g_autofree char *xml_text = body_of (one_xml);
  g_autofree char *json_text = body_of (one_json);
  g_autofree char *today = sp_date_to_string (sp_date_today ());
  g_autoptr(SpTestResponse) list = NULL;
  g_autoptr(SpTestResponse) missing = get (f, BASE "/requests/SP-AAAA-AAAA.json");
  g_autoptr(SpTestResponse) missing_xml = get (f, BASE "/requests/nonsense.xml");

  g_assert_cmpstr (id_json, !=, id_xml);
  g_assert_true (g_str_has_prefix (id_json, "SP-"));

  list = sp_test_json (f->server, "GET", "/api/v1/cases?status=received", f->registrar, NULL);
  sp_test_assert_status (list, 200);
  g_assert_cmpint (sp_test_get_int (list, "total"), ==, 2);
  g_assert_cmpstr (sp_test_get_string (list, "items.0.channel"), ==, "tyck_till_app");
  g_assert_cmpstr (sp_test_get_string (list, "items.0.area"), ==, "city_environment");
  g_assert_cmpstr (sp_test_get_string (list, "items.0.deadline_rule"), ==, "calendar-days:3");
  g_assert_cmpstr (sp_test_get_string (list, "items.0.received_on"), ==, today);
  g_assert_cmpstr (sp_test_get_string (list, "items.0.subject"), ==, "Nedskräpning");
  g_assert_cmpstr (sp_test_get_string (list, "items.0.sender.name"), ==, "Sven Ek");
  g_assert_cmpstr (sp_test_get_string (list, "items.0.sender.email"), ==, "sven@example.se");
  g_assert_nonnull (strstr (sp_test_get_string (list, "items.0.description"), "Full papperskorg"));
  g_assert_nonnull (strstr (sp_test_get_string (list, "items.0.description"), "59.362100, 17.871200"));
  g_assert_true (JSON_NODE_HOLDS_NULL (sp_test_get_node (list, "items.0.diary_number")));

  sp_test_assert_status (one_json, 200);
  assert_json (one_json);
  g_assert_cmpstr (sp_test_get_string (one_json, "0.service_request_id"), ==, id_json);
  g_assert_cmpstr (sp_test_get_string (one_json, "0.status"), ==, "open");
  g_assert_cmpstr (sp_test_get_string (one_json, "0.service_code"), ==, "litter");
  g_assert_true (is_iso8601_with_zone (sp_test_get_string (one_json, "0.requested_datetime")));
  g_assert_true (is_iso8601_with_zone (sp_test_get_string (one_json, "0.updated_datetime")));
  g_assert_true (is_iso8601_with_zone (sp_test_get_string (one_json, "0.expected_datetime")));
  g_assert_cmpfloat_with_epsilon (json_node_get_double (sp_test_get_node (one_json, "0.lat")), 59.3621, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_node_get_double (sp_test_get_node (one_json, "0.long")), 17.8712, 1e-9);
  g_assert_true (JSON_NODE_HOLDS_NULL (sp_test_get_node (one_json, "0.description")));
  g_assert_null (strstr (json_text, "sven"));
  g_assert_null (strstr (json_text, "papperskorg"));

  sp_test_assert_status (one_xml, 200);
  assert_xml (one_xml, "service_requests");
  g_assert_nonnull (strstr (xml_text, "<request><service_request_id>"));
  g_assert_nonnull (strstr (xml_text, "<status>open</status>"));
  g_assert_nonnull (strstr (xml_text, "<lat>59.3621</lat><long>17.8712</long>"));
  g_assert_null (strstr (xml_text, "Sven"));

  assert_error (missing, "json", 404);
  assert_error (missing_xml, "xml", 404);
}

/* No key, a wrong key, a revoked key: 403; nothing stored. */
static void
test_api_key (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *other = add_key (f->server, "Gammal app");
  g_autofree char *with_other = g_strdup_printf ("api_key=%s&service_code=litter&lat=59&long=17", other);
  g_autoptr(SpTestResponse) none = post (f, "xml", "service_code=litter&lat=59&long=17");
  g_autoptr(SpTestResponse) empty = post (f, "json", "api_key=&service_code=litter&lat=59&long=17");
  g_autoptr(SpTestResponse) wrong = post (f, "json", "api_key=0123456789abcdef&service_code=litter&lat=59&long=17");
  g_autoptr(SpTestResponse) before = post (f, "json", with_other);
  g_autoptr(SpTestResponse) after = NULL;

  assert_error (none, "xml", 403);
  assert_error (empty, "json", 403);
  assert_error (wrong, "json", 403);
  sp_test_assert_status (before, 200);

  g_assert_cmpint (sp_test_run (NULL, NULL, NULL,
                                (const char *[]) { "open311-key", "revoke", "--db", f->server->db,
                                                   "--name", "Gammal app", NULL }), ==, 0);
  after = post (f, "xml", with_other);
  assert_error (after, "xml", 403);
  g_assert_cmpint (count_cases (f), ==, 1);
}

/* Each bad request: the error document with the right status, nothing
 * stored. */
static void
test_bad_requests (Fixture       *f,
                   gconstpointer  data)
{
  static const struct { const char *body; guint status; } cases[] = {
    { "service_code=nothing&lat=59&long=17", 400 },
    { "lat=59&long=17", 400 },
    { "service_code=litter&lat=91&long=17", 400 },
    { "service_code=litter&lat=-90.5&long=17", 400 },
    { "service_code=litter&lat=59&long=181", 400 },
    { "service_code=litter&lat=59&long=-180.01", 400 },
    { "service_code=litter&lat=north&long=17", 400 },
    { "service_code=litter&lat=nan&long=17", 400 },
    { "service_code=litter&lat=59", 400 },
    { "service_code=litter", 400 },
    { "service_code=litter&lat=59&long=17&jurisdiction_id=elsewhere", 404 },
    { "service_code=litter&address_string=%FF%FE", 400 },
    { "service_code=litter&lat=59&long=17&description=%C3", 400 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint j = 0; j < 2; j++)
      {
        const char *format = j == 0 ? "xml" : "json";
        g_autofree char *body = g_strdup_printf ("api_key=%s&%s", f->key, cases[i].body);
        g_autoptr(SpTestResponse) resp = post (f, format, body);

        g_test_message ("%s: %s", format, cases[i].body);
        assert_error (resp, format, cases[i].status);
      }

  {
    g_autoptr(SpTestResponse) json = sp_test_request (f->server, "POST", BASE "/requests.json", NULL,
                                                      "application/json", "{\"service_code\":\"litter\"}", -1);
    g_autoptr(SpTestResponse) put = sp_test_request (f->server, "PUT", BASE "/requests.json", NULL,
                                                     FORM_TYPE, "a=b", -1);
    g_autoptr(SpTestResponse) nowhere = get (f, BASE "/nothing.json");

    assert_error (json, "json", 415);
    assert_error (put, "json", 405);
    assert_error (nowhere, "json", 404);
  }

  /* A body over [eservice] max_body, refused before it is read. */
  {
    gsize big = 10 * 1024 * 1024;
    g_autofree char *start = g_strdup_printf ("api_key=%s&service_code=litter&lat=59&long=17&description=", f->key);
    GString *body = g_string_new (start);
    g_autoptr(SpTestResponse) resp = NULL;

    for (gsize i = 0; i < big; i++)
      g_string_append_c (body, 'x');
    resp = sp_test_request (f->server, "POST", BASE "/requests.xml", NULL, FORM_TYPE, body->str, body->len);
    g_string_free (body, TRUE);
    assert_error (resp, "xml", 413);
  }

  g_assert_cmpint (count_cases (f), ==, 0);
}

/* Listing is off by default: 403; asking by ids still works. */
static void
test_listing_off (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id = report (f, "json", NULL);
  g_autofree char *by_id = g_strdup_printf (BASE "/requests.xml?service_request_id=%s,SP-AAAA-AAAA", id);
  g_autoptr(SpTestResponse) xml = get (f, BASE "/requests.xml");
  g_autoptr(SpTestResponse) json = get (f, BASE "/requests.json?service_code=litter");
  g_autoptr(SpTestResponse) ids = get (f, by_id);
  g_autofree char *text = body_of (ids);
  g_autofree char *want = g_strdup_printf ("<request><service_request_id>%s</service_request_id>", id);

  assert_error (xml, "xml", 403);
  assert_error (json, "json", 403);
  sp_test_assert_status (ids, 200);
  g_assert_nonnull (strstr (text, want));
  g_assert_null (strstr (text, "SP-AAAA-AAAA"));
}

/* Listing on: the reports of the service, filtered by status and date,
 * with no personal data and not a case about a named employee. */
static void
test_listing_on (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *first = report (f, "json", NULL);
  g_autofree char *second = report (f, "json", NULL);
  g_autoptr(SpTestResponse) cases = sp_test_json (f->server, "GET", "/api/v1/cases", f->registrar, NULL);
  g_autoptr(SpTestResponse) patched = NULL;
  g_autoptr(SpTestResponse) all = NULL;
  g_autoptr(SpTestResponse) xml = NULL;
  g_autoptr(SpTestResponse) closed = get (f, BASE "/requests.json?status=closed");
  g_autoptr(SpTestResponse) future = get (f, BASE "/requests.json?start_date=2999-01-01T00:00:00Z");
  g_autoptr(SpTestResponse) bad_date = get (f, BASE "/requests.json?start_date=yesterday");
  g_autoptr(SpTestResponse) bad_status = get (f, BASE "/requests.xml?status=maybe");
  g_autoptr(SpTestResponse) bad_service = get (f, BASE "/requests.json?service_code=nothing");
  g_autofree char *text = NULL;
  const char *hidden_id;

  all = get (f, BASE "/requests.json?status=open&start_date=2000-01-01T00:00:00%2B01:00");
  sp_test_assert_status (all, 200);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (all->json)), ==, 2);
  text = body_of (all);
  g_assert_null (strstr (text, "sven"));
  g_assert_null (strstr (text, "Sven"));
  g_assert_null (strstr (text, "papperskorg"));
  sp_test_assert_status (closed, 200);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (closed->json)), ==, 0);
  sp_test_assert_status (future, 200);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (future->json)), ==, 0);
  assert_error (bad_date, "json", 400);
  assert_error (bad_status, "xml", 400);
  assert_error (bad_service, "json", 400);

  /* The newest case (the second report) comes to concern a named employee. */
  hidden_id = sp_test_get_string (cases, "items.0.id");
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s", hidden_id);
    patched = sp_test_jsonf (f->server, "PATCH", path, f->registrar,
                             "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"named_employee\":true}}",
                             sp_test_get_int (cases, "items.0.rev"));
    sp_test_assert_status (patched, 200);
  }
  xml = get (f, BASE "/requests.xml?service_code=litter");
  g_clear_pointer (&text, g_free);
  text = body_of (xml);
  sp_test_assert_status (xml, 200);
  assert_xml (xml, "service_requests");
  /* One of the two is left, and by its id the other is still found. */
  g_assert_true ((strstr (text, first) != NULL) != (strstr (text, second) != NULL));
}

/* More posts from one address than the window allows: 429 in the error
 * document, and only the ones allowed are stored. */
static void
test_rate_limit (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *body = g_strdup_printf ("api_key=%s&service_code=litter&lat=59&long=17", f->key);

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(SpTestResponse) resp = post (f, i % 2 ? "xml" : "json", body);

      if (i < 3)
        sp_test_assert_status (resp, 200);
      else
        assert_error (resp, i % 2 ? "xml" : "json", 429);
    }
  g_assert_cmpint (count_cases (f), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)
  ADD ("/server/open311/discovery", test_discovery, NULL);
  ADD ("/server/open311/services", test_services, NULL);
  ADD ("/server/open311/service-definition", test_service_definition, NULL);
  ADD ("/server/open311/attributes", test_attributes, attribute_config);
  ADD ("/server/open311/too-large-chunked", test_too_large_chunked, NULL);
  ADD ("/server/open311/post-and-get", test_post_and_get, NULL);
  ADD ("/server/open311/api-key", test_api_key, NULL);
  ADD ("/server/open311/bad-requests", test_bad_requests, NULL);
  ADD ("/server/open311/listing-off", test_listing_off, NULL);
  ADD ("/server/open311/listing-on", test_listing_on, listing_config);
  ADD ("/server/open311/rate-limit", test_rate_limit, limited_config);
#undef ADD

  return g_test_run ();
}
