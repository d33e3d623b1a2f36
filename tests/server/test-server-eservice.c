/* test-server-eservice.c: the residents' e-service form against the real
 * server: both languages, a report becoming a case in the registrar's
 * queue, the receipt and status page, and every kind of bad input refused
 * with nothing stored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-server.h"

#define FORM_TYPE "application/x-www-form-urlencoded"

static const char *config_text =
  "[organisation]\n"
  "name=Hässelby-Vällingby stadsdelsförvaltning\n"
  "[eservice]\n"
  "max_posts=1000\n"
  "privacy_notice=We keep what you send for two years.\n"
  "privacy_notice[sv]=Vi sparar det du skickar i två år.\n";

typedef struct
{
  SpTestServer *server;
  char         *registrar;
  char         *unit;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *admin = NULL;
  g_autoptr(SpTestResponse) unit = NULL;

  f->server = sp_test_server_new_with_config (data ? data : config_text);
  f->registrar = sp_test_registrar_token (f->server);
  admin = sp_test_login (f->server, "admin", SP_TEST_PASSWORD);
  unit = sp_test_json (f->server, "POST", "/api/v1/units", admin,
                       "{\"name\":\"Parkenheten <Väst>\",\"kind\":\"unit\",\"area\":\"city_environment\"}");
  sp_test_assert_status (unit, 201);
  f->unit = g_strdup (sp_test_get_string (unit, "id"));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SpTestResponse) health = sp_test_json (f->server, "GET", "/api/v1/health", NULL, NULL);

  /* Whatever was sent, the server is still up. */
  sp_test_assert_status (health, 200);
  sp_test_server_stop (f->server);
  sp_test_server_free (f->server);
  g_free (f->registrar);
  g_free (f->unit);
}

static char *
body_of (SpTestResponse *resp)
{
  return resp->body ? g_strndup (g_bytes_get_data (resp->body, NULL), g_bytes_get_size (resp->body))
                    : g_strdup ("");
}

static char *
get_page (Fixture    *f,
          const char *path,
          guint       status)
{
  g_autoptr(SpTestResponse) resp = sp_test_request (f->server, "GET", path, NULL, NULL, NULL, 0);

  sp_test_assert_status (resp, status);
  return body_of (resp);
}

/* The value of the form's hidden CSRF field. */
static char *
token_of (const char *html)
{
  const char *start = strstr (html, "name=\"csrf\" value=\"");

  g_assert_nonnull (start);
  start += strlen ("name=\"csrf\" value=\"");
  return g_strndup (start, strchr (start, '"') - start);
}

static char *
fresh_token (Fixture *f)
{
  g_autofree char *html = get_page (f, "/e-tjanst", 200);

  return token_of (html);
}

static SpTestResponse *
post (Fixture    *f,
      const char *body)
{
  return sp_test_request (f->server, "POST", "/e-tjanst", NULL, FORM_TYPE, body, -1);
}

/* A complete, valid form with @token and the rest of @extra. */
static char *
valid_form (const char *token,
            const char *extra)
{
  g_autofree char *escaped = g_uri_escape_string (token, NULL, FALSE);

  return g_strdup_printf ("csrf=%s&lang=en&kind=complaint&subject=Trasig+gunga"
                          "&description=Gungan+i+parken+%%C3%%A4r+trasig&sender=contact&name=Anna+Berg"
                          "&email=anna%%40example.se&feedback=yes&website=%s",
                          escaped, extra ? extra : "");
}

static gint64
count_cases (Fixture *f)
{
  g_autoptr(SpTestResponse) list = sp_test_json (f->server, "GET", "/api/v1/cases?limit=1", f->registrar, NULL);

  sp_test_assert_status (list, 200);
  return sp_test_get_int (list, "total");
}

static char *
code_of (const char *html)
{
  const char *start = strstr (html, "id=\"reference-code\">");

  g_assert_nonnull (start);
  start += strlen ("id=\"reference-code\">");
  return g_strndup (start, strchr (start, '<') - start);
}

/* Swedish from Accept-Language or ?lang=, English when asked; the privacy
 * text the organisation configured; the security headers; nothing but
 * the page's own stylesheet. */
static void
test_languages (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SpTestResponse) sv = sp_test_request (f->server, "GET", "/e-tjanst?lang=sv", NULL, NULL, NULL, 0);
  g_autofree char *sv_html = body_of (sv);
  g_autofree char *en_html = get_page (f, "/e-tjanst?lang=en", 200);
  g_autoptr(SpTestResponse) css = sp_test_request (f->server, "GET", "/e-tjanst/eservice.css", NULL, NULL, NULL, 0);
  const char *csp = soup_message_headers_get_one (sv->headers, "Content-Security-Policy");

  sp_test_assert_status (sv, 200);
  g_assert_nonnull (strstr (sv_html, "<html lang=\"sv\">"));
  g_assert_nonnull (strstr (sv_html, "<h1>Synpunkter och klagomål</h1>"));
  g_assert_nonnull (strstr (sv_html, "Vi sparar det du skickar i två år."));
  g_assert_nonnull (strstr (sv_html, "hreflang=\"en\">In English</a>"));
  g_assert_nonnull (strstr (sv_html, "<label for=\"subject\">Rubrik</label>"));
  g_assert_nonnull (strstr (sv_html, "Hässelby-Vällingby stadsdelsförvaltning"));
  /* The unit's name is escaped in the list. */
  g_assert_nonnull (strstr (sv_html, "Parkenheten &lt;Väst&gt;"));
  g_assert_nonnull (strstr (en_html, "<html lang=\"en\">"));
  g_assert_nonnull (strstr (en_html, "<h1>Feedback and complaints</h1>"));
  g_assert_nonnull (strstr (en_html, "We keep what you send for two years."));
  g_assert_nonnull (strstr (en_html, "hreflang=\"sv\">På svenska</a>"));

  g_assert_nonnull (csp);
  g_assert_nonnull (strstr (csp, "default-src 'none'"));
  g_assert_nonnull (strstr (csp, "frame-ancestors 'none'"));
  g_assert_cmpstr (soup_message_headers_get_one (sv->headers, "X-Content-Type-Options"), ==, "nosniff");
  g_assert_null (strstr (sv_html, "<script"));
  g_assert_null (strstr (sv_html, "style="));
  g_assert_null (strstr (sv_html, "src=\"http"));
  g_assert_null (strstr (sv_html, "href=\"http"));

  sp_test_assert_status (css, 200);
  g_assert_true (g_str_has_prefix (soup_message_headers_get_content_type (css->headers, NULL), "text/css"));
}

/* A valid report is a case in the registrar's queue with the sender as
 * given; the receipt names the code and the 14 days; the status page
 * shows the status and nothing of the content. */
static void
test_submit (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *token = fresh_token (f);
  g_autofree char *about = g_strdup_printf ("&about=unit%%3A%s", f->unit);
  g_autofree char *form = valid_form (token, about);
  g_autoptr(SpTestResponse) resp = post (f, form);
  g_autofree char *html = body_of (resp);
  g_autofree char *code = NULL;
  g_autofree char *status_path = NULL;
  g_autofree char *status_html = NULL;
  g_autofree char *today = sp_date_to_string (sp_date_today ());
  g_autoptr(SpTestResponse) list = NULL;

  sp_test_assert_status (resp, 201);
  code = code_of (html);
  g_assert_true (g_str_has_prefix (code, "SP-"));
  g_assert_cmpuint (strlen (code), ==, 12);
  /* A city environment unit: the 3-day rule, in words. */
  g_assert_nonnull (strstr (html, "within 3 days"));

  list = sp_test_json (f->server, "GET", "/api/v1/cases?status=received", f->registrar, NULL);
  sp_test_assert_status (list, 200);
  g_assert_cmpint (sp_test_get_int (list, "total"), ==, 1);
  g_assert_cmpstr (sp_test_get_string (list, "items.0.channel"), ==, "web_form");
  g_assert_cmpstr (sp_test_get_string (list, "items.0.kind"), ==, "complaint");
  g_assert_cmpstr (sp_test_get_string (list, "items.0.status"), ==, "received");
  g_assert_cmpstr (sp_test_get_string (list, "items.0.received_on"), ==, today);
  g_assert_cmpstr (sp_test_get_string (list, "items.0.subject"), ==, "Trasig gunga");
  g_assert_cmpstr (sp_test_get_string (list, "items.0.description"), ==, "Gungan i parken är trasig");
  g_assert_cmpstr (sp_test_get_string (list, "items.0.unit_id"), ==, f->unit);
  g_assert_cmpstr (sp_test_get_string (list, "items.0.area"), ==, "city_environment");
  g_assert_cmpstr (sp_test_get_string (list, "items.0.sender.name"), ==, "Anna Berg");
  g_assert_cmpstr (sp_test_get_string (list, "items.0.sender.email"), ==, "anna@example.se");
  g_assert_true (json_node_get_boolean (sp_test_get_node (list, "items.0.sender.wants_feedback")));
  g_assert_true (JSON_NODE_HOLDS_NULL (sp_test_get_node (list, "items.0.diary_number")));
  /* The unit is a city environment one: the 3-day rule. */
  g_assert_cmpstr (sp_test_get_string (list, "items.0.deadline_rule"), ==, "calendar-days:3");

  status_path = g_strdup_printf ("/e-tjanst/status?code=%s&lang=sv", code);
  status_html = get_page (f, status_path, 200);
  g_assert_nonnull (strstr (status_html, "Mottaget"));
  g_assert_null (strstr (status_html, "gunga"));
  g_assert_null (strstr (status_html, "Anna"));
}

/* Praise from an anonymous sender, in words of their own about where. */
static void
test_submit_anonymous (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *token = fresh_token (f);
  g_autofree char *escaped = g_uri_escape_string (token, NULL, FALSE);
  g_autofree char *form = g_strdup_printf ("csrf=%s&lang=sv&kind=praise&subject=Tack&description=Fint"
                                           "&about_text=Parken+vid+torget&sender=anonymous&website=", escaped);
  g_autoptr(SpTestResponse) resp = post (f, form);
  g_autofree char *html = body_of (resp);
  g_autoptr(SpTestResponse) list = NULL;

  sp_test_assert_status (resp, 201);
  g_assert_nonnull (strstr (html, "inom 14 dagar"));
  g_assert_nonnull (strstr (html, "Eftersom du är anonym"));
  list = sp_test_json (f->server, "GET", "/api/v1/cases", f->registrar, NULL);
  g_assert_cmpstr (sp_test_get_string (list, "items.0.kind"), ==, "opinion");
  g_assert_cmpstr (sp_test_get_string (list, "items.0.valence"), ==, "positive");
  g_assert_true (json_node_get_boolean (sp_test_get_node (list, "items.0.sender.anonymous")));
  g_assert_nonnull (strstr (sp_test_get_string (list, "items.0.description"), "Parken vid torget"));
}

/* Missing answers: the form again (422) with a summary linking each field,
 * the answers given kept and escaped, and nothing stored. */
static void
test_missing_fields (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *token = fresh_token (f);
  g_autofree char *escaped = g_uri_escape_string (token, NULL, FALSE);
  g_autofree char *form = g_strdup_printf ("csrf=%s&lang=en&subject=%%3Cscript%%3Ealert(1)%%3C%%2Fscript%%3E"
                                           "&website=", escaped);
  g_autoptr(SpTestResponse) resp = post (f, form);
  g_autofree char *html = body_of (resp);
  g_autofree char *token2 = NULL;
  g_autofree char *escaped2 = NULL;
  g_autofree char *form2 = NULL;
  g_autoptr(SpTestResponse) resp2 = NULL;
  g_autofree char *html2 = NULL;

  sp_test_assert_status (resp, 422);
  g_assert_nonnull (strstr (html, "<title>Error: "));
  g_assert_nonnull (strstr (html, "class=\"error-summary\" role=\"alert\""));
  g_assert_true (strstr (html, "error-summary") < strstr (html, "<form"));
  g_assert_nonnull (strstr (html, "<a href=\"#kind-opinion\">"));
  g_assert_nonnull (strstr (html, "<a href=\"#description\">Write your message</a>"));
  g_assert_nonnull (strstr (html, "<a href=\"#sender-anonymous\">"));
  g_assert_null (strstr (html, "<a href=\"#subject\">"));
  g_assert_nonnull (strstr (html, "id=\"description\" name=\"description\" rows=\"8\" aria-invalid=\"true\" aria-describedby=\"description-error description-hint\""));
  g_assert_nonnull (strstr (html, "value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""));
  g_assert_null (strstr (html, "<script>"));
  /* A new token for the next try. */
  token2 = token_of (html);
  g_assert_cmpstr (token2, !=, token);

  /* Contact chosen without a way to answer; anonymous wanting an answer. */
  escaped2 = g_uri_escape_string (token2, NULL, FALSE);
  form2 = g_strdup_printf ("csrf=%s&lang=sv&kind=opinion&subject=a&description=b&sender=contact&website=", escaped2);
  resp2 = post (f, form2);
  html2 = body_of (resp2);
  sp_test_assert_status (resp2, 422);
  g_assert_nonnull (strstr (html2, "<a href=\"#name\">Skriv ditt namn"));
  g_assert_nonnull (strstr (html2, "<a href=\"#email\">"));

  {
    g_autofree char *t = fresh_token (f);
    g_autofree char *e = g_uri_escape_string (t, NULL, FALSE);
    g_autofree char *b = g_strdup_printf ("csrf=%s&lang=en&kind=opinion&subject=a&description=b"
                                          "&sender=anonymous&feedback=yes&about=unit%%3Anope&website=", e);
    g_autoptr(SpTestResponse) r = post (f, b);
    g_autofree char *h = body_of (r);

    sp_test_assert_status (r, 422);
    g_assert_nonnull (strstr (h, "<a href=\"#feedback\">"));
    g_assert_nonnull (strstr (h, "<a href=\"#about\">"));
    g_assert_nonnull (strstr (h, "id=\"about\" name=\"about\" aria-invalid=\"true\""));
  }

  /* Answers longer than a case holds, an unknown area. */
  {
    g_autofree char *t = fresh_token (f);
    g_autofree char *e = g_uri_escape_string (t, NULL, FALSE);
    g_autofree char *long_name = g_strnfill (201, 'a');
    g_autofree char *b = g_strdup_printf ("csrf=%s&lang=en&kind=opinion&subject=a&description=b&area=moon"
                                          "&sender=contact&name=%s&phone=1&website=", e, long_name);
    g_autoptr(SpTestResponse) r = post (f, b);
    g_autofree char *h = body_of (r);

    sp_test_assert_status (r, 422);
    g_assert_nonnull (strstr (h, "<a href=\"#name\">Write your name in at most 200 characters</a>"));
    g_assert_nonnull (strstr (h, "<a href=\"#area\">"));
    g_assert_nonnull (strstr (h, "<p class=\"field-error\" id=\"area-error\">"));
  }

  g_assert_cmpint (count_cases (f), ==, 0);
}

/* A 10 MB description: 413 before it is read; nothing stored. */
static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *token = fresh_token (f);
  g_autofree char *start = valid_form (token, "&description=");
  gsize big = 10 * 1024 * 1024;
  GString *body = g_string_sized_new (strlen (start) + big);
  g_autoptr(SpTestResponse) resp = NULL;
  g_autofree char *html = NULL;

  g_string_append (body, start);
  for (gsize i = 0; i < big; i++)
    g_string_append_c (body, 'x');
  resp = sp_test_request (f->server, "POST", "/e-tjanst", NULL, FORM_TYPE, body->str, body->len);
  g_string_free (body, TRUE);
  html = body_of (resp);
  sp_test_assert_status (resp, 413);
  /* Read before the form is: in the default language, Swedish. */
  g_assert_nonnull (strstr (html, "för stort"));
  g_assert_cmpint (count_cases (f), ==, 0);
}

/* The same sent chunked, without a length up front: the server counts as
 * it reads and answers with the form's page (HTML, with the security
 * headers), not the API's JSON; nothing stored. The connection may be
 * dropped while the client still sends: one of three tries is answered. */
static void
test_too_large_chunked (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *token = fresh_token (f);
  g_autofree char *start = valid_form (token, "&lang=en&description=");
  gsize big = 3 * 1024 * 1024;
  GString *body = g_string_sized_new (strlen (start) + big);
  guint answered = 0;

  g_string_append (body, start);
  for (gsize i = 0; i < big; i++)
    g_string_append_c (body, 'x');
  for (guint attempt = 0; attempt < 3 && answered == 0; attempt++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpTestResponse) resp = sp_test_request_chunked_as (f->server, "POST", "/e-tjanst", NULL,
                                                                   FORM_TYPE, body->str, body->len, &error);
      g_autofree char *html = NULL;
      const char *type;

      if (resp == NULL)
        {
          g_test_message ("chunked body: %s", error->message);
          continue;
        }
      answered++;
      html = body_of (resp);
      sp_test_assert_status (resp, 413);
      type = soup_message_headers_get_content_type (resp->headers, NULL);
      g_assert_cmpstr (type, ==, "text/html");
      g_assert_nonnull (strstr (html, "<!DOCTYPE html>"));
      g_assert_nonnull (strstr (html, "för stort"));
      g_assert_null (strstr (html, "\"too_large\""));
      g_assert_nonnull (soup_message_headers_get_one (resp->headers, "Content-Security-Policy"));
    }
  g_string_free (body, TRUE);
  g_assert_cmpuint (answered, ==, 1);
  g_assert_cmpint (count_cases (f), ==, 0);
}

/* Bytes that are not UTF-8: 400, the form empty again; nothing stored.
 * A body that is not a form: 415. */
static void
test_invalid_utf8 (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *token = fresh_token (f);
  g_autofree char *form = valid_form (token, "&subject=%FF%FE%C3");
  g_autoptr(SpTestResponse) resp = post (f, form);
  g_autofree char *html = body_of (resp);
  g_autoptr(SpTestResponse) json = sp_test_request (f->server, "POST", "/e-tjanst", NULL,
                                                    "application/json", "{}", -1);

  sp_test_assert_status (resp, 400);
  g_assert_true (g_utf8_validate (html, -1, NULL));
  g_assert_nonnull (strstr (html, "could not be read"));
  sp_test_assert_status (json, 415);
  g_assert_cmpint (count_cases (f), ==, 0);
}

/* A forged or missing token is refused (403); a spent one (the form sent
 * twice) is refused (409) and the report is stored once. */
static void
test_csrf (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *token = fresh_token (f);
  g_autofree char *forged_token = g_strdup (token);
  g_autofree char *form = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *missing = valid_form ("", NULL);
  g_autoptr(SpTestResponse) bad = NULL;
  g_autoptr(SpTestResponse) none = NULL;
  g_autoptr(SpTestResponse) first = NULL;
  g_autoptr(SpTestResponse) again = NULL;
  g_autofree char *again_html = NULL;

  /* One hex digit of the signature changed. */
  forged_token[strlen (forged_token) - 1] = forged_token[strlen (forged_token) - 1] == '0' ? '1' : '0';
  forged = valid_form (forged_token, NULL);
  bad = post (f, forged);
  sp_test_assert_status (bad, 403);
  none = post (f, missing);
  sp_test_assert_status (none, 403);
  g_assert_cmpint (count_cases (f), ==, 0);

  form = valid_form (token, NULL);
  first = post (f, form);
  sp_test_assert_status (first, 201);
  again = post (f, form);
  again_html = body_of (again);
  sp_test_assert_status (again, 409);
  g_assert_nonnull (strstr (again_html, "sent already"));
  g_assert_cmpint (count_cases (f), ==, 1);
}

/* A filled honeypot is refused (422) and nothing stored. */
static void
test_honeypot (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *token = fresh_token (f);
  g_autofree char *form = valid_form (token, "http%3A%2F%2Fspam.example");
  g_autoptr(SpTestResponse) resp = post (f, form);

  sp_test_assert_status (resp, 422);
  g_assert_cmpint (count_cases (f), ==, 0);
}

static const char *limited_config =
  "[eservice]\n"
  "max_posts=5\n"
  "post_window=3600\n";

/* More posts from one address than the window allows: 429, and only the
 * ones allowed are stored. */
static void
test_rate_limit (Fixture       *f,
                 gconstpointer  data)
{
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *token = fresh_token (f);
      g_autofree char *form = valid_form (token, NULL);
      g_autoptr(SpTestResponse) resp = post (f, form);

      sp_test_assert_status (resp, i < 5 ? 201 : 429);
    }
  g_assert_cmpint (count_cases (f), ==, 5);
}

/* The status page: no code, an unknown one, one that is not a code. */
static void
test_status_page (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *empty = get_page (f, "/e-tjanst/status", 200);
  g_autofree char *unknown = get_page (f, "/e-tjanst/status?code=SP-AAAA-AAAA&lang=en", 404);
  g_autofree char *garbage = get_page (f, "/e-tjanst/status?code=%3Cb%3E%FF&lang=en", 404);

  g_assert_nonnull (strstr (empty, "<label for=\"code\">"));
  g_assert_nonnull (strstr (unknown, "<a href=\"#code\">No report has this code"));
  g_assert_null (strstr (garbage, "<b>"));
}

static const char *lookup_config =
  "[eservice]\n"
  "max_lookups=4\n"
  "lookup_window=3600\n";

/* Codes tried one after another from one address: after the configured
 * number, 429 with the page's error and no look-up, even for a real
 * code; the empty page still shows, and a post is not counted. */
static void
test_status_rate_limit (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *token = fresh_token (f);
  g_autofree char *form = valid_form (token, NULL);
  g_autoptr(SpTestResponse) sent = post (f, form);
  g_autofree char *receipt = body_of (sent);
  g_autofree char *code = code_of (receipt);
  g_autofree char *real = g_strdup_printf ("/e-tjanst/status?code=%s&lang=en", code);
  g_autofree char *found = get_page (f, real, 200);
  g_autofree char *refused = NULL;
  g_autofree char *empty = NULL;

  sp_test_assert_status (sent, 201);
  g_assert_nonnull (strstr (found, "id=\"status\""));
  for (guint i = 0; i < 3; i++)
    g_free (get_page (f, "/e-tjanst/status?code=SP-AAAA-AAAA&lang=en", 404));

  /* The fifth: refused, the real code not looked up. */
  refused = get_page (f, real, 429);
  g_assert_nonnull (strstr (refused, "Too many look-ups"));
  g_assert_nonnull (strstr (refused, "<a href=\"#code\">"));
  g_assert_null (strstr (refused, "id=\"status\""));
  g_assert_null (strstr (refused, code));
  empty = get_page (f, "/e-tjanst/status?lang=en", 200);
  g_assert_nonnull (strstr (empty, "<label for=\"code\">"));
}

/* Paths and methods the form does not have. */
static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *missing = get_page (f, "/e-tjanst/nothing?lang=en", 404);
  g_autoptr(SpTestResponse) put = sp_test_request (f->server, "PUT", "/e-tjanst", NULL, FORM_TYPE, "a=b", -1);
  g_autoptr(SpTestResponse) other = sp_test_request (f->server, "GET", "/e-tjanstx", NULL, NULL, NULL, 0);

  g_assert_nonnull (strstr (missing, "could not be found"));
  sp_test_assert_status (put, 405);
  sp_test_assert_status (other, 404);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)
  ADD ("/server/eservice/languages", test_languages, NULL);
  ADD ("/server/eservice/submit", test_submit, NULL);
  ADD ("/server/eservice/submit-anonymous", test_submit_anonymous, NULL);
  ADD ("/server/eservice/missing-fields", test_missing_fields, NULL);
  ADD ("/server/eservice/too-large", test_too_large, NULL);
  ADD ("/server/eservice/too-large-chunked", test_too_large_chunked, NULL);
  ADD ("/server/eservice/invalid-utf8", test_invalid_utf8, NULL);
  ADD ("/server/eservice/csrf", test_csrf, NULL);
  ADD ("/server/eservice/honeypot", test_honeypot, NULL);
  ADD ("/server/eservice/rate-limit", test_rate_limit, limited_config);
  ADD ("/server/eservice/status-page", test_status_page, NULL);
  ADD ("/server/eservice/status-rate-limit", test_status_rate_limit, lookup_config);
  ADD ("/server/eservice/not-found", test_not_found, NULL);
#undef ADD

  return g_test_run ();
}
