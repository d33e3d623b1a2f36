/* test-server-registrar.c: the registrar's work through the API: routine
 * R4 (registration first), secrecy markings and disclosure requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-server.h"
#include "../sp-test-csv.h"

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

static char *
registered (Fixture *f)
{
  char *id = sp_test_create_case (f->server, f->org->staff_a, SENDER);
  g_autoptr(SpTestResponse) done = transition (f, id, f->org->registrar, "registered");

  sp_test_assert_status (done, 200);
  return id;
}

static char *
expiry (int days_from_now)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days_from_now);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
test_secrecy_marking (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id = registered (f);
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s/secrecy-markings", id);
  g_autofree char *later = expiry (365 * 70);
  g_autofree char *past = expiry (-400);
  g_autoptr(SpTestResponse) by_staff = NULL;
  g_autoptr(SpTestResponse) in_past = NULL;
  g_autoptr(SpTestResponse) unknown = NULL;
  g_autoptr(SpTestResponse) no_reason = NULL;
  g_autoptr(SpTestResponse) wrong_type = NULL;
  g_autoptr(SpTestResponse) malformed = NULL;
  g_autoptr(SpTestResponse) other_case = NULL;
  g_autoptr(SpTestResponse) made = NULL;
  g_autoptr(SpTestResponse) listed = NULL;
  g_autoptr(SpTestResponse) diary = NULL;
  g_autoptr(SpTestResponse) feed = NULL;
  g_autoptr(SpTestResponse) events = NULL;
  g_autofree char *events_path = g_strdup_printf ("/api/v1/cases/%s/events", id);
  const char *body;

#define MARKING "{\"part\":\"description\",\"provision\":\"%s\",\"reason\":\"%s\",\"expires_on\":\"%s\"}"
  by_staff = sp_test_jsonf (f->server, "POST", path, f->org->staff_a, MARKING,
                            "OSL 26 kap. 1 §", "Hälsa", later);
  sp_test_assert_status (by_staff, 403);

  in_past = sp_test_jsonf (f->server, "POST", path, f->org->registrar, MARKING,
                           "OSL 26 kap. 1 §", "Hälsa", past);
  sp_test_assert_status (in_past, 422);
  g_assert_cmpstr (sp_test_error_field (in_past), ==, "expires_on");

  unknown = sp_test_jsonf (f->server, "POST", path, f->org->registrar, MARKING,
                           "OSL 99 kap. 9 §'; DROP TABLE cases; --", "Hälsa", later);
  sp_test_assert_status (unknown, 422);
  g_assert_cmpstr (sp_test_error_field (unknown), ==, "provision");

  no_reason = sp_test_jsonf (f->server, "POST", path, f->org->registrar, MARKING,
                             "OSL 26 kap. 1 §", " ", later);
  sp_test_assert_status (no_reason, 422);
  g_assert_cmpstr (sp_test_error_field (no_reason), ==, "reason");

  wrong_type = sp_test_json (f->server, "POST", path, f->org->registrar,
                             "{\"part\":7,\"provision\":\"OSL 26 kap. 1 §\"}");
  sp_test_assert_status (wrong_type, 422);
  g_assert_cmpstr (sp_test_error_field (wrong_type), ==, "part");

  malformed = sp_test_json (f->server, "POST", path, f->org->registrar, "{\"part\":");
  sp_test_assert_status (malformed, 400);

  other_case = sp_test_jsonf (f->server, "POST", path, f->org->registrar,
                              "{\"case_id\":\"00000000-0000-4000-8000-000000000000\","
                              "\"part\":\"sender\",\"provision\":\"OSL 26 kap. 1 §\","
                              "\"reason\":\"x\",\"expires_on\":\"%s\"}", later);
  sp_test_assert_status (other_case, 422);
  g_assert_cmpstr (sp_test_error_field (other_case), ==, "case_id");

  /* Nothing of the refused ones was kept. */
  listed = sp_test_json (f->server, "GET", path, f->org->registrar, NULL);
  sp_test_assert_status (listed, 200);
  g_assert_cmpint (sp_test_get_int (listed, "total"), ==, 0);
  g_clear_pointer (&listed, sp_test_response_free);

  made = sp_test_jsonf (f->server, "POST", path, f->org->registrar, MARKING,
                        "OSL 26 kap. 1 §", "Uppgifter om hälsa", later);
  sp_test_assert_status (made, 201);
  g_assert_cmpstr (sp_test_get_string (made, "marked_by"), !=, NULL);
  listed = sp_test_json (f->server, "GET", path, f->org->manager_a, NULL);
  sp_test_assert_status (listed, 200);
  g_assert_cmpint (sp_test_get_int (listed, "total"), ==, 1);
#undef MARKING

  /* The diary shows the marking, never the secret content. */
  diary = sp_test_json (f->server, "GET", "/api/v1/diary", f->org->registrar, NULL);
  sp_test_assert_status (diary, 200);
  g_assert_true (json_node_get_boolean (sp_test_get_node (diary, "items.0.secrecy")));
  g_assert_cmpstr (sp_test_get_string (diary, "items.0.secrecy_markings.0.part"), ==, "description");
  g_assert_cmpstr (sp_test_get_string (diary, "items.0.secrecy_markings.0.provision"), ==,
                   "OSL 26 kap. 1 §");
  body = g_bytes_get_data (diary->body, NULL);
  g_assert_null (g_strstr_len (body, g_bytes_get_size (diary->body), "Middagen"));
  g_assert_null (g_strstr_len (body, g_bytes_get_size (diary->body), "hälsa"));

  /* Replicas get it through the change feed. */
  feed = sp_test_json (f->server, "GET", "/api/v1/changes?since=0&limit=1000", f->org->registrar, NULL);
  sp_test_assert_status (feed, 200);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (feed->body, NULL), g_bytes_get_size (feed->body),
                                  "\"entity\":\"secrecy_marking\""));

  /* In the history: the part and provision. */
  events = sp_test_json (f->server, "GET", events_path, f->org->registrar, NULL);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (events->body, NULL), g_bytes_get_size (events->body),
                                  "secrecy_marked"));
}

static void
test_disclosure_request (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *id = registered (f);
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s/disclosure-requests", id);
  g_autofree char *events_path = g_strdup_printf ("/api/v1/cases/%s/events", id);
  g_autofree char *request_path = NULL;
  g_autoptr(SpTestResponse) by_manager = NULL;
  g_autoptr(SpTestResponse) nobody = NULL;
  g_autoptr(SpTestResponse) made = NULL;
  g_autoptr(SpTestResponse) refuse = NULL;
  g_autoptr(SpTestResponse) unreviewed = NULL;
  g_autoptr(SpTestResponse) reviewed = NULL;
  g_autoptr(SpTestResponse) no_part_provision = NULL;
  g_autoptr(SpTestResponse) decided = NULL;
  g_autoptr(SpTestResponse) listed = NULL;
  g_autoptr(SpTestResponse) list_by_staff = NULL;
  g_autoptr(SpTestResponse) events = NULL;
  g_autoptr(SpTestResponse) stale = NULL;
  gint64 rev;
  const char *text;

  by_manager = sp_test_json (f->server, "POST", path, f->org->manager_a,
                             "{\"requested_on\":\"2026-11-20\",\"requester_anonymous\":true,"
                             "\"requested_what\":\"Hela ärendet\"}");
  sp_test_assert_status (by_manager, 403);

  nobody = sp_test_json (f->server, "POST", path, f->org->registrar,
                         "{\"requested_on\":\"2026-11-20\",\"requested_what\":\"Hela ärendet\"}");
  sp_test_assert_status (nobody, 422);
  g_assert_cmpstr (sp_test_error_field (nobody), ==, "requester");

  /* Anyone may ask without saying who they are. */
  made = sp_test_json (f->server, "POST", path, f->org->registrar,
                       "{\"requested_on\":\"2026-11-20\",\"requester_anonymous\":true,"
                       "\"requested_what\":\"Hela ärendet\"}");
  sp_test_assert_status (made, 201);
  g_assert_cmpint (sp_test_get_int (made, "age_days"), >=, 1);
  g_assert_cmpstr (sp_test_get_string (made, "decision"), ==, "pending");
  request_path = g_strconcat ("/api/v1/disclosure-requests/", sp_test_get_string (made, "id"), NULL);
  rev = sp_test_get_int (made, "rev");

  refuse = sp_test_jsonf (f->server, "PATCH", request_path, f->org->registrar,
                          "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"decision\":\"refuse\"}}", rev);
  sp_test_assert_status (refuse, 422);
  g_assert_cmpstr (sp_test_error_field (refuse), ==, "osl_provision");

  unreviewed = sp_test_jsonf (f->server, "PATCH", request_path, f->org->registrar,
                              "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"decision\":\"disclose\"}}", rev);
  sp_test_assert_status (unreviewed, 422);
  g_assert_cmpstr (sp_test_error_field (unreviewed), ==, "decision");

  no_part_provision = sp_test_jsonf (f->server, "PATCH", request_path, f->org->registrar,
                                     "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{"
                                     "\"review_description\":\"redact\"}}", rev);
  sp_test_assert_status (no_part_provision, 422);
  g_assert_cmpstr (sp_test_error_field (no_part_provision), ==, "review_description_provision");

  reviewed = sp_test_jsonf (f->server, "PATCH", request_path, f->org->registrar,
                            "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{"
                            "\"review_sender\":\"withhold\",\"review_sender_provision\":\"OSL 26 kap. 1 §\","
                            "\"review_description\":\"redact\",\"review_description_provision\":\"OSL 26 kap. 1 §\","
                            "\"review_description_passages\":\"tre dagar\","
                            "\"review_investigation\":\"disclose\",\"review_letters\":\"disclose\"}}", rev);
  sp_test_assert_status (reviewed, 200);
  rev = sp_test_get_int (reviewed, "rev");

  decided = sp_test_jsonf (f->server, "PATCH", request_path, f->org->registrar,
                           "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{"
                           "\"decision\":\"disclose_redacted\",\"osl_provision\":\"OSL 26 kap. 1 §\"}}", rev);
  sp_test_assert_status (decided, 200);
  g_assert_cmpstr (sp_test_get_string (decided, "decision"), ==, "disclose_redacted");
  g_assert_nonnull (sp_test_get_string (decided, "decided_on"));
  g_assert_nonnull (sp_test_get_string (decided, "decided_by"));

  /* A patch based on an old revision of the same field is a conflict. */
  stale = sp_test_jsonf (f->server, "PATCH", request_path, f->org->registrar,
                         "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"decision\":\"refuse\"}}",
                         rev - 1);
  sp_test_assert_status (stale, 409);

  listed = sp_test_json (f->server, "GET", path, f->org->registrar, NULL);
  sp_test_assert_status (listed, 200);
  g_assert_cmpint (sp_test_get_int (listed, "total"), ==, 1);
  list_by_staff = sp_test_json (f->server, "GET", path, f->org->manager_a, NULL);
  sp_test_assert_status (list_by_staff, 403);

  /* Everything is in the case history, without the redacted words. */
  events = sp_test_json (f->server, "GET", events_path, f->org->registrar, NULL);
  text = g_bytes_get_data (events->body, NULL);
  g_assert_nonnull (g_strstr_len (text, g_bytes_get_size (events->body), "disclosure_requested"));
  g_assert_nonnull (g_strstr_len (text, g_bytes_get_size (events->body), "review_description"));
  g_assert_nonnull (g_strstr_len (text, g_bytes_get_size (events->body), "disclosure_decision"));
  g_assert_null (g_strstr_len (text, g_bytes_get_size (events->body), "tre dagar"));
}

/* retention run: a dry run lists, a real run erases on the server, the
 * change feed carries the erasure to replicas, and the audit chain still
 * verifies. */
static void
test_retention_run (Fixture       *f,
                    gconstpointer  data)
{
  /* Made first, so that the feed after the other's revision is the other's. */
  g_autofree char *keep = registered (f);
  g_autofree char *id = registered (f);
  g_autofree char *path = g_strconcat ("/api/v1/cases/", id, NULL);
  g_autofree char *sql = NULL;
  g_autofree char *out = NULL;
  g_autofree char *dry = NULL;
  g_autoptr(SpTestResponse) before = NULL;
  g_autoptr(SpTestResponse) after = NULL;
  g_autoptr(SpTestResponse) kept = NULL;
  g_autoptr(SpTestResponse) feed = NULL;
  g_autofree char *feed_path = NULL;
  g_autofree char *keep_path = g_strconcat ("/api/v1/cases/", keep, NULL);
  gint64 rev;

  sql = g_strdup_printf ("UPDATE cases SET status = 'closed', closed_on = '2020-01-15' WHERE id = '%s';"
                         "INSERT OR REPLACE INTO settings (key, value) VALUES ('retention.contact_years', '3');"
                         "INSERT OR REPLACE INTO settings (key, value) VALUES ('retention.free_text_years', '3');",
                         id);
  sp_test_exec_sql (f->server->db, sql);
  before = sp_test_json (f->server, "GET", path, f->org->registrar, NULL);
  sp_test_assert_status (before, 200);
  rev = sp_test_get_int (before, "case.rev");

  g_assert_cmpint (sp_test_run (NULL, &dry, NULL, (const char *[]) {
                     "retention", "run", "--db", f->server->db, "--dry-run", NULL }), ==, 0);
  g_assert_nonnull (strstr (dry, "would erase"));
  g_assert_nonnull (strstr (dry, id));
  g_assert_null (strstr (dry, keep));
  g_clear_pointer (&before, sp_test_response_free);
  before = sp_test_json (f->server, "GET", path, f->org->registrar, NULL);
  g_assert_cmpstr (sp_test_get_string (before, "case.sender.name"), ==, "Anna Andersson");

  g_assert_cmpint (sp_test_run (NULL, &out, NULL, (const char *[]) {
                     "retention", "run", "--db", f->server->db, NULL }), ==, 0);
  g_assert_nonnull (strstr (out, "erased"));

  after = sp_test_json (f->server, "GET", path, f->org->registrar, NULL);
  sp_test_assert_status (after, 200);
  g_assert_true (JSON_NODE_HOLDS_NULL (sp_test_get_node (after, "case.sender.name")));
  g_assert_true (JSON_NODE_HOLDS_NULL (sp_test_get_node (after, "case.sender.email")));
  g_assert_true (JSON_NODE_HOLDS_NULL (sp_test_get_node (after, "case.description")));
  g_assert_nonnull (sp_test_get_string (after, "case.diary_number"));
  kept = sp_test_json (f->server, "GET", keep_path, f->org->registrar, NULL);
  g_assert_cmpstr (sp_test_get_string (kept, "case.sender.name"), ==, "Anna Andersson");

  /* A replica that had the case gets the erased version from the feed. */
  feed_path = g_strdup_printf ("/api/v1/changes?since=%" G_GINT64_FORMAT "&limit=1000", rev);
  feed = sp_test_json (f->server, "GET", feed_path, f->org->registrar, NULL);
  sp_test_assert_status (feed, 200);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (feed->body, NULL), g_bytes_get_size (feed->body), id));
  g_assert_null (g_strstr_len (g_bytes_get_data (feed->body, NULL), g_bytes_get_size (feed->body),
                               "anna@example.se"));

  g_assert_cmpint (sp_test_run (NULL, NULL, NULL, (const char *[]) {
                     "audit", "verify", "--db", f->server->db, NULL }), ==, 0);
}

static void
assert_diary_refused (Fixture    *f,
                      const char *path,
                      const char *token,
                      guint       status,
                      const char *field)
{
  g_autoptr(SpTestResponse) response = sp_test_json (f->server, "GET", path, token, NULL);

  sp_test_assert_status (response, status);
  if (field != NULL)
    g_assert_cmpstr (sp_test_error_field (response), ==, field);
}

/* The diary of a period as CSV: the registrar's; RFC 4180 with commas,
 * quotes and line breaks in a subject; a case marked secret as a whole
 * shows its marking and not its subject. */
static void
test_diary_csv (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SpTestResponse) made = NULL;
  g_autoptr(SpTestResponse) marked = NULL;
  g_autoptr(SpTestResponse) done = NULL;
  g_autoptr(SpTestResponse) response = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *secret = registered (f);
  g_autofree char *plain = NULL;
  g_autofree char *later = expiry (365 * 70);
  g_autofree char *marking_path = g_strdup_printf ("/api/v1/cases/%s/secrecy-markings", secret);
  g_autofree char *text = NULL;
  gsize size = 0;
  const char *body;

  made = sp_test_jsonf (f->server, "POST", "/api/v1/cases", f->org->staff_a,
                        "{\"kind\":\"opinion\",\"valence\":\"negative\",\"channel\":\"letter\","
                        "\"received_on\":\"2026-11-03\",\"subject\":\"B\u00e4nken, \\\"den gr\u00f6na\\\",\\r\\nvid dammen\","
                        "\"description\":\"Trasig sedan i somras.\",%s}", SENDER);
  sp_test_assert_status (made, 201);
  plain = g_strdup (sp_test_get_string (made, "id"));
  done = transition (f, plain, f->org->registrar, "registered");
  sp_test_assert_status (done, 200);
  marked = sp_test_jsonf (f->server, "POST", marking_path, f->org->registrar,
                          "{\"part\":\"case\",\"provision\":\"OSL 26 kap. 1 §\",\"reason\":\"Hälsa\","
                          "\"expires_on\":\"%s\"}", later);
  sp_test_assert_status (marked, 201);

  response = sp_test_json (f->server, "GET", "/api/v1/diary?format=csv&year=2026", f->org->registrar, NULL);
  sp_test_assert_status (response, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (response->headers, NULL), ==, "text/csv");
  g_assert_nonnull (strstr (soup_message_headers_get_one (response->headers, "Content-Disposition"),
                            "synpunkt-diary-2026-01-01-2026-12-31.csv"));
  body = g_bytes_get_data (response->body, &size);
  text = g_strndup (body, size);
  records = sp_test_csv_read (text, ',');
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpstr (sp_test_csv_get (records, 0, 3), ==, "subject");
  /* In number order: the secret one was registered first. */
  g_assert_cmpstr (sp_test_csv_get (records, 1, 3), ==, "");
  g_assert_cmpstr (sp_test_csv_get (records, 1, 7), ==, "OSL 26 kap. 1 § (case)");
  g_assert_cmpstr (sp_test_csv_get (records, 1, 8), ==, "true");
  g_assert_cmpstr (sp_test_csv_get (records, 2, 3), ==, "Bänken, \"den gröna\",\r\nvid dammen");
  g_assert_cmpstr (sp_test_csv_get (records, 2, 2), ==, "opinion");
  g_assert_cmpstr (sp_test_csv_get (records, 2, 6), ==, "registered");
  /* Neither the secret subject nor anyone's contact details. */
  g_assert_null (strstr (text, "Maten var kall"));
  g_assert_null (strstr (text, "Anna"));
  g_assert_null (strstr (text, "Trasig"));

  /* Semicolons for spreadsheets set to Swedish, and from–to. */
  g_clear_pointer (&response, sp_test_response_free);
  response = sp_test_json (f->server, "GET",
                           "/api/v1/diary?format=csv&separator=semicolon&from=2026-11-03&to=2026-11-03",
                           f->org->registrar, NULL);
  sp_test_assert_status (response, 200);
  body = g_bytes_get_data (response->body, &size);
  g_assert_true (size > 3 && memcmp (body, "\xEF\xBB\xBF", 3) == 0);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&records, g_ptr_array_unref);
  text = g_strndup (body, size);
  records = sp_test_csv_read (text, ';');
  g_assert_cmpuint (records->len, ==, 2);

  /* Whose it is. */
  assert_diary_refused (f, "/api/v1/diary?format=csv&year=2026", NULL, 401, NULL);
  assert_diary_refused (f, "/api/v1/diary?format=csv&year=2026", f->org->staff_a, 403, NULL);
  assert_diary_refused (f, "/api/v1/diary?format=csv&year=2026", f->org->manager_a, 403, NULL);
  assert_diary_refused (f, "/api/v1/diary?format=csv&year=2026", f->org->quality, 403, NULL);
  assert_diary_refused (f, "/api/v1/diary?format=csv&year=2026", f->org->admin, 403, NULL);
  /* Bad input: a clear error naming the parameter. */
  assert_diary_refused (f, "/api/v1/diary?format=csv", f->org->registrar, 422, "from");
  assert_diary_refused (f, "/api/v1/diary?format=csv&from=2026-01-01", f->org->registrar, 422, "to");
  assert_diary_refused (f, "/api/v1/diary?format=csv&from=2026-12-01&to=2026-01-01",
                        f->org->registrar, 422, "to");
  assert_diary_refused (f, "/api/v1/diary?format=csv&from=2026-13-01&to=2026-12-31",
                        f->org->registrar, 422, "from");
  assert_diary_refused (f, "/api/v1/diary?format=csv&from=2026-01-01%27%3B%20DROP%20TABLE%20cases%3B--&to=2026-12-31",
                        f->org->registrar, 422, "from");
  assert_diary_refused (f, "/api/v1/diary?format=csv&year=99999", f->org->registrar, 422, "year");
  assert_diary_refused (f, "/api/v1/diary?format=pdf&year=2026", f->org->registrar, 422, "format");
  assert_diary_refused (f, "/api/v1/diary?format=csv&separator=tab&year=2026", f->org->registrar, 422,
                        "separator");
  assert_diary_refused (f, "/api/v1/diary?separator=comma&year=2026", f->org->registrar, 422, "separator");
  assert_diary_refused (f, "/api/v1/diary?format=csv&year=2026&colour=red", f->org->registrar, 422, NULL);
  assert_diary_refused (f, "/api/v1/diary?format=csv&year=%FF", f->org->registrar, 422, NULL);

  /* The JSON diary is as it was: newest number first. */
  g_clear_pointer (&response, sp_test_response_free);
  response = sp_test_json (f->server, "GET", "/api/v1/diary?year=2026", f->org->registrar, NULL);
  sp_test_assert_status (response, 200);
  g_assert_cmpint (sp_test_get_int (response, "total"), ==, 2);
}

static char *
today_text (int days)
{
  return expiry (days);
}

/* R6 and R17–R19 through the API: the case to the unit chosen with the
 * department's contact in copy, and the account asked of a provider with
 * a last date and recorded when it comes; bad input and access. */
static void
test_forwarding (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *id = registered (f);
  g_autofree char *waiting = sp_test_create_case (f->server, f->org->staff_a, SENDER);
  g_autofree char *assign = g_strdup_printf ("/api/v1/cases/%s/assign", id);
  g_autofree char *assign_waiting = g_strdup_printf ("/api/v1/cases/%s/assign", waiting);
  g_autofree char *accounts = g_strdup_printf ("/api/v1/cases/%s/account-requests", id);
  g_autofree char *events_path = g_strdup_printf ("/api/v1/cases/%s/events", id);
  g_autofree char *unknown = g_uuid_string_random ();
  g_autofree char *sql = g_strdup_printf ("UPDATE units SET contact_name = 'Karin Kontakt' WHERE id = '%s'",
                                          f->org->department);
  g_autofree char *later = today_text (10);
  g_autofree char *past = today_text (-1);
  g_autofree char *today = today_text (0);
  g_autofree char *tomorrow = today_text (1);
  g_autofree char *provider_id = NULL;
  g_autofree char *request_id = NULL;
  g_autofree char *request_path = NULL;
  g_autofree char *feed = NULL;
  g_autoptr(SpTestResponse) r = NULL;
  gint64 rev;
  gsize size = 0;
  const char *body;

  sp_test_exec_sql (f->server->db, sql);

#define CHECK(resp, status, field) \
  G_STMT_START { \
    g_clear_pointer (&r, sp_test_response_free); \
    r = (resp); \
    sp_test_assert_status (r, status); \
    if ((field) != NULL) \
      g_assert_cmpstr (sp_test_error_field (r), ==, (const char *) (field)); \
  } G_STMT_END

  /* Assign: who, and bad input. */
  CHECK (sp_test_jsonf (f->server, "POST", assign, f->org->staff_a, "{\"unit_id\":\"%s\"}", f->org->unit_a),
         403, NULL);
  CHECK (sp_test_jsonf (f->server, "POST", assign, f->org->manager_a, "{\"unit_id\":\"%s\"}", f->org->unit_a),
         403, NULL);
  CHECK (sp_test_jsonf (f->server, "POST", assign, f->org->registrar, "{\"unit_id\":\"%s\"}", unknown),
         422, "unit_id");
  CHECK (sp_test_jsonf (f->server, "POST", assign, f->org->registrar, "{\"unit_id\":\"%s\"}", f->org->admin_unit),
         422, "unit_id");
  CHECK (sp_test_json (f->server, "POST", assign, f->org->registrar, "{\"unit_id\":\"x'; DROP TABLE cases; --\"}"),
         422, "unit_id");
  CHECK (sp_test_json (f->server, "POST", assign, f->org->registrar, "{\"unit_id\":5}"), 422, "unit_id");
  CHECK (sp_test_json (f->server, "POST", assign, f->org->registrar, "{}"), 422, "unit_id");
  CHECK (sp_test_json (f->server, "POST", assign, f->org->registrar, "{\"unit_id\":"), 400, NULL);
  CHECK (sp_test_jsonf (f->server, "POST", assign, f->org->registrar, "{\"unit_id\":\"%s\",\"x\":1}",
                        f->org->unit_a), 422, NULL);
  /* R4: not to the unit before the diary; nothing half-saved. */
  CHECK (sp_test_jsonf (f->server, "POST", assign_waiting, f->org->registrar, "{\"unit_id\":\"%s\"}",
                        f->org->unit_b), 409, NULL);
  {
    g_autofree char *path = g_strconcat ("/api/v1/cases/", waiting, NULL);

    CHECK (sp_test_json (f->server, "GET", path, f->org->registrar, NULL), 200, NULL);
    g_assert_cmpstr (sp_test_get_string (r, "case.status"), ==, "received");
    g_assert_cmpstr (sp_test_get_string (r, "case.unit_id"), !=, f->org->unit_b);
  }

  /* R6: to the unit, with the department's contact in copy. */
  CHECK (sp_test_jsonf (f->server, "POST", assign, f->org->registrar, "{\"unit_id\":\"%s\"}", f->org->unit_a),
         200, NULL);
  g_assert_cmpstr (sp_test_get_string (r, "case.status"), ==, "assigned");
  g_assert_cmpstr (sp_test_get_string (r, "case.unit_id"), ==, f->org->unit_a);
  g_assert_cmpstr (sp_test_get_string (r, "copy_to"), ==, "Äldreomsorg: Karin Kontakt");
  CHECK (sp_test_json (f->server, "GET", events_path, f->org->registrar, NULL), 200, NULL);
  body = g_bytes_get_data (r->body, &size);
  g_assert_nonnull (g_strstr_len (body, size, "copy_to_department"));
  g_assert_nonnull (g_strstr_len (body, size, "Karin Kontakt"));

  /* An account asked of the provider, with a last date. */
  CHECK (sp_test_json (f->server, "POST", "/api/v1/providers", f->org->procurement,
                       "{\"name\":\"Omsorgshuset AB\",\"org_number\":\"5560360793\","
                       "\"contract_form\":\"choice_system\",\"contract_reference\":\"LOV 2024:12\","
                       "\"responsible_administration\":\"Äldreförvaltningen\"}"), 201, NULL);
  provider_id = g_strdup (sp_test_get_string (r, "id"));

#define ASK "{\"source\":\"%s\",\"provider_id\":\"%s\",\"due_on\":\"%s\"}"
  CHECK (sp_test_jsonf (f->server, "POST", accounts, f->org->staff_b, ASK, "provider", provider_id, later),
         404, NULL);
  CHECK (sp_test_jsonf (f->server, "POST", accounts, f->org->quality, ASK, "provider", provider_id, later),
         403, NULL);
  CHECK (sp_test_jsonf (f->server, "POST", accounts, f->org->manager_a, ASK, "provider", provider_id, past),
         422, "due_on");
  CHECK (sp_test_jsonf (f->server, "POST", accounts, f->org->manager_a, ASK, "provider", unknown, later),
         422, "provider_id");
  CHECK (sp_test_jsonf (f->server, "POST", accounts, f->org->manager_a, ASK, "the_moon", provider_id, later),
         422, "source");
  CHECK (sp_test_jsonf (f->server, "POST", accounts, f->org->manager_a, ASK, "provider", provider_id, "2026-02-30"),
         422, "due_on");
  CHECK (sp_test_jsonf (f->server, "POST", accounts, f->org->manager_a,
                        "{\"source\":\"other_district\",\"due_on\":\"%s\"}", later), 422, "requested_from");
  CHECK (sp_test_jsonf (f->server, "POST", accounts, f->org->manager_a, ASK, "provider", provider_id, later),
         201, NULL);
  g_assert_cmpstr (sp_test_get_string (r, "due_on"), ==, later);
  g_assert_cmpstr (sp_test_get_string (r, "requested_on"), ==, today);
  request_id = g_strdup (sp_test_get_string (r, "id"));
  rev = sp_test_get_int (r, "rev");
  request_path = g_strdup_printf ("/api/v1/account-requests/%s", request_id);

  /* Recorded when it comes: the date, how, and what it says. */
#define RECORD "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"received_on\":\"%s\",\"received_method\":\"%s\",\"account\":\"%s\"}}"
  CHECK (sp_test_jsonf (f->server, "PATCH", request_path, f->org->staff_b, RECORD, rev, today, "email",
                        "Åtgärdat"), 404, NULL);
  CHECK (sp_test_jsonf (f->server, "PATCH", request_path, f->org->registrar, RECORD, rev, tomorrow, "email",
                        "Åtgärdat"), 422, "received_on");
  CHECK (sp_test_jsonf (f->server, "PATCH", request_path, f->org->registrar, RECORD, rev, today, "phone", ""),
         422, "account");
  CHECK (sp_test_jsonf (f->server, "PATCH", request_path, f->org->registrar, RECORD, rev, today, "email",
                        "Utföraren har bytt rutin; Greta Svensson har fått en ursäkt."), 200, NULL);
  g_assert_cmpstr (sp_test_get_string (r, "received_on"), ==, today);
  g_assert_nonnull (sp_test_get_string (r, "recorded_by"));
  rev = sp_test_get_int (r, "rev");
  CHECK (sp_test_jsonf (f->server, "PATCH", request_path, f->org->registrar,
                        "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"received_on\":null,\"received_method\":\"none\",\"account\":null}}",
                        rev), 422, "received_on");

  CHECK (sp_test_json (f->server, "GET", accounts, f->org->manager_a, NULL), 200, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (sp_test_get_node (r, "items"))), ==, 1);
  CHECK (sp_test_json (f->server, "GET", events_path, f->org->registrar, NULL), 200, NULL);
  body = g_bytes_get_data (r->body, &size);
  g_assert_nonnull (g_strstr_len (body, size, "account_requested"));
  g_assert_nonnull (g_strstr_len (body, size, "account_received"));
  g_assert_null (g_strstr_len (body, size, "Greta"));

  /* The change feed: the record reaches the replicas; quality staff get
   * it without its text, which may name people. */
  CHECK (sp_test_json (f->server, "GET", "/api/v1/changes?since=0&limit=1000", f->org->registrar, NULL),
         200, NULL);
  body = g_bytes_get_data (r->body, &size);
  g_assert_nonnull (g_strstr_len (body, size, request_id));
  g_assert_nonnull (g_strstr_len (body, size, "Greta Svensson"));
  CHECK (sp_test_json (f->server, "GET", "/api/v1/changes?since=0&limit=1000", f->org->quality, NULL),
         200, NULL);
  feed = g_strndup (g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body));
  g_assert_nonnull (strstr (feed, request_id));
  g_assert_null (strstr (feed, "Greta"));
#undef ASK
#undef RECORD
#undef CHECK
}

/* Links and duplicates through the API: made from either case, seen from
 * both, never to a case the caller cannot see; bad input and access. */
static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *original = registered (f);
  g_autofree char *duplicate = registered (f);
  g_autofree char *extra = g_strdup_printf ("\"unit_id\":\"%s\"", f->org->unit_c);
  g_autofree char *elsewhere = sp_test_create_case (f->server, f->org->registrar, extra);
  g_autofree char *unknown = g_uuid_string_random ();
  g_autofree char *links = g_strdup_printf ("/api/v1/cases/%s/links", duplicate);
  g_autofree char *original_links = g_strdup_printf ("/api/v1/cases/%s/links", original);
  g_autofree char *link_path = NULL;
  g_autoptr(SpTestResponse) r = NULL;
  gsize size = 0;
  const char *body;

#define CHECK(resp, status, field) \
  G_STMT_START { \
    g_clear_pointer (&r, sp_test_response_free); \
    r = (resp); \
    sp_test_assert_status (r, status); \
    if ((field) != NULL) \
      g_assert_cmpstr (sp_test_error_field (r), ==, (const char *) (field)); \
  } G_STMT_END
#define LINK "{\"other_case_id\":\"%s\",\"kind\":\"%s\"}"

  CHECK (sp_test_jsonf (f->server, "POST", links, f->org->staff_b, LINK, original, "duplicate_of"), 404, NULL);
  CHECK (sp_test_jsonf (f->server, "POST", links, f->org->quality, LINK, original, "duplicate_of"), 403, NULL);
  CHECK (sp_test_jsonf (f->server, "POST", links, f->org->registrar, LINK, duplicate, "related"), 422,
         "other_case_id");
  CHECK (sp_test_jsonf (f->server, "POST", links, f->org->registrar, LINK, unknown, "related"), 404,
         "other_case_id");
  CHECK (sp_test_jsonf (f->server, "POST", links, f->org->registrar, LINK, original, "twin_of"), 422, "kind");
  CHECK (sp_test_json (f->server, "POST", links, f->org->registrar, "{\"kind\":\"related\"}"), 422,
         "other_case_id");
  CHECK (sp_test_json (f->server, "POST", links, f->org->registrar, "{\"other_case_id\":"), 400, NULL);
  CHECK (sp_test_jsonf (f->server, "POST", links, f->org->registrar,
                        "{\"other_case_id\":\"%s\",\"kind\":\"related\",\"colour\":1}", original), 422, NULL);
  CHECK (sp_test_jsonf (f->server, "POST", links, f->org->registrar,
                        "{\"other_case_id\":\"%s\",\"kind\":\"related\",\"note\":\"\xff\"}", original), 400, NULL);
  /* A manager links nothing to a case outside their sight. */
  CHECK (sp_test_jsonf (f->server, "POST", links, f->org->manager_a, LINK, elsewhere, "related"), 404,
         "other_case_id");

  /* The duplicate of its original, seen from both. */
  CHECK (sp_test_jsonf (f->server, "POST", links, f->org->registrar, LINK, original, "duplicate_of"), 201, NULL);
  g_assert_cmpstr (sp_test_get_string (r, "kind"), ==, "duplicate_of");
  g_assert_cmpstr (sp_test_get_string (r, "direction"), ==, "from");
  g_assert_nonnull (sp_test_get_string (r, "other_diary_number"));
  link_path = g_strdup_printf ("/api/v1/case-links/%s", sp_test_get_string (r, "id"));
  CHECK (sp_test_json (f->server, "GET", original_links, f->org->manager_a, NULL), 200, NULL);
  g_assert_cmpint (sp_test_get_int (r, "total"), ==, 1);
  g_assert_cmpstr (sp_test_get_string (r, "items.0.direction"), ==, "to");
  CHECK (sp_test_jsonf (f->server, "POST", original_links, f->org->registrar, LINK, duplicate, "related"), 409,
         "other_case_id");
  CHECK (sp_test_json (f->server, "GET", "/api/v1/changes?since=0&limit=1000", f->org->manager_a, NULL), 200,
         NULL);
  body = g_bytes_get_data (r->body, &size);
  g_assert_nonnull (g_strstr_len (body, size, "\"case_link\""));

  /* Unlinked. */
  CHECK (sp_test_json (f->server, "DELETE", link_path, f->org->staff_b, NULL), 404, NULL);
  CHECK (sp_test_json (f->server, "DELETE", link_path, f->org->quality, NULL), 403, NULL);
  CHECK (sp_test_json (f->server, "DELETE", link_path, f->org->registrar, NULL), 204, NULL);
  CHECK (sp_test_json (f->server, "GET", original_links, f->org->registrar, NULL), 200, NULL);
  g_assert_cmpint (sp_test_get_int (r, "total"), ==, 0);
  CHECK (sp_test_json (f->server, "DELETE", link_path, f->org->registrar, NULL), 404, NULL);
  CHECK (sp_test_json (f->server, "DELETE", "/api/v1/case-links/x'--", f->org->registrar, NULL), 404, NULL);
#undef LINK
#undef CHECK
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/server/registrar/" path, Fixture, NULL, sp_test_fixture_setup, func, sp_test_fixture_teardown)
  ADD ("registration-first", test_registration_first);
  ADD ("secrecy-marking", test_secrecy_marking);
  ADD ("disclosure-request", test_disclosure_request);
  ADD ("retention-run", test_retention_run);
  ADD ("diary-csv", test_diary_csv);
  ADD ("forwarding", test_forwarding);
  ADD ("links", test_links);
#undef ADD

  return g_test_run ();
}
