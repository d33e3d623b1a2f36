/* test-server-dates.c: a date out of bounds is refused and leaves nothing
 * behind; a stored row that cannot be read breaks no list, feed or count
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <sqlite3.h>
#include <string.h>

#include "sp-test-server.h"

#define CASE_FIELDS "\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"phone\"," \
                    "\"subject\":\"Datum\""

typedef SpTestFixture Fixture;

/* Straight from the database file, as the server sees it. */
static gint64
count_rows (Fixture    *f,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (f->server->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (n, >=, 0);
  return n;
}

static void
exec_sql_changing (Fixture    *f,
                   const char *sql,
                   int         n_changes)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (f->server->db, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_changes (db), ==, n_changes);
  sqlite3_close (db);
}

static void
exec_sql (Fixture    *f,
          const char *sql)
{
  exec_sql_changing (f, sql, 1);
}

static void
expect_invalid (SpTestResponse *response,
                const char     *field)
{
  sp_test_assert_status (response, 422);
  g_assert_cmpstr (sp_test_error_code (response), ==, "invalid");
  g_assert_cmpstr (sp_test_error_field (response), ==, field);
}

/* Everything a request could have written: cases, their history, the
 * audit trail. */
typedef struct
{
  gint64 cases, events, audit;
} Counts;

static Counts
counts (Fixture *f)
{
  return (Counts) {
    count_rows (f, "SELECT count(*) FROM cases"),
    count_rows (f, "SELECT count(*) FROM case_events"),
    count_rows (f, "SELECT count(*) FROM server_audit"),
  };
}

static void
assert_same_counts (Counts a,
                    Counts b)
{
  g_assert_cmpint (a.cases, ==, b.cases);
  g_assert_cmpint (a.events, ==, b.events);
  g_assert_cmpint (a.audit, ==, b.audit);
}

static void
test_out_of_bounds_refused (Fixture       *f,
                            gconstpointer  data)
{
  static const struct { const char *members; const char *field; } bad[] = {
    /* Its deadline would run into year 10000. */
    { "\"received_on\":\"9999-12-20\"", "received_on" },
    { "\"received_on\":\"9999-12-31\"", "received_on" },
    /* In the future, and long before anything was received. */
    { "\"received_on\":\"2999-01-01\"", "received_on" },
    { "\"received_on\":\"1999-12-31\"", "received_on" },
    { "\"received_on\":\"1967-05-01\"", "received_on" },
    /* Any date at all out of 1900..9999. */
    { "\"received_on\":\"2026-11-02\",\"given_due_on\":\"1899-12-31\"", "given_due_on" },
    { "\"received_on\":\"2026-11-02\",\"feedback_on\":\"0001-01-01\"", "feedback_on" },
  };
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SpTestResponse) before = NULL;
  g_autoptr(SpTestResponse) after = NULL;
  g_autoptr(SpTestResponse) list = NULL;
  Counts start;

  id = sp_test_create_case (f->server, f->org->staff_a, NULL);
  path = g_strconcat ("/api/v1/cases/", id, NULL);
  before = sp_test_json (f->server, "GET", path, f->org->staff_a, NULL);
  sp_test_assert_status (before, 200);
  start = counts (f);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(SpTestResponse) created = NULL;
      g_autoptr(SpTestResponse) patched = NULL;
      g_autoptr(SpTestResponse) pushed = NULL;
      g_autofree char *uuid = g_uuid_string_random ();

      g_test_message ("%s", bad[i].members);

      created = sp_test_jsonf (f->server, "POST", "/api/v1/cases", f->org->staff_a,
                               "{" CASE_FIELDS ",%s}", bad[i].members);
      expect_invalid (created, bad[i].field);

      patched = sp_test_jsonf (f->server, "PATCH", path, f->org->staff_a,
                               "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{%s}}",
                               sp_test_get_int (before, "case.rev"), bad[i].members);
      expect_invalid (patched, bad[i].field);

      pushed = sp_test_jsonf (f->server, "POST", "/api/v1/changes", f->org->staff_a,
                              "{\"batch_id\":\"dates-%u\",\"changes\":[{\"entity\":\"case\","
                              "\"op\":\"create\",\"id\":\"%s\",\"fields\":{" CASE_FIELDS ",%s}}]}",
                              i, uuid, bad[i].members);
      sp_test_assert_status (pushed, 200);
      g_assert_cmpstr (sp_test_get_string (pushed, "results.0.status"), ==, "rejected");
      g_assert_cmpstr (sp_test_get_string (pushed, "results.0.error.code"), ==, "invalid");
      g_assert_cmpstr (sp_test_get_string (pushed, "results.0.error.field"), ==, bad[i].field);

      assert_same_counts (start, counts (f));
    }

  /* The case is as it was, and the lists read as before. */
  after = sp_test_json (f->server, "GET", path, f->org->staff_a, NULL);
  sp_test_assert_status (after, 200);
  g_assert_cmpint (sp_test_get_int (after, "case.rev"), ==, sp_test_get_int (before, "case.rev"));
  g_assert_cmpstr (sp_test_get_string (after, "case.received_on"), ==, "2026-11-02");
  list = sp_test_json (f->server, "GET", "/api/v1/cases", f->org->registrar, NULL);
  sp_test_assert_status (list, 200);
  g_assert_cmpint (sp_test_get_int (list, "total"), ==, 1);

  /* The bounds themselves are dates. */
  {
    g_autoptr(SpTestResponse) ok = NULL;

    ok = sp_test_jsonf (f->server, "POST", "/api/v1/cases", f->org->staff_a,
                        "{" CASE_FIELDS ",\"received_on\":\"2000-01-01\","
                        "\"given_due_on\":\"9999-12-31\"}");
    sp_test_assert_status (ok, 201);
    g_assert_cmpstr (sp_test_get_string (ok, "due_on"), ==, "9999-12-31");
  }
}

/* A case that cannot be read back once written (here a trigger spoils
 * it, as the deadline cut off at 10000-01-0 did) fails the request, and
 * the request leaves nothing behind: no case, no history, no audit row. */
static void
test_unreadable_write_rolled_back (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(SpTestResponse) created = NULL;
  g_autoptr(SpTestResponse) list = NULL;
  Counts start = counts (f);

  exec_sql_changing (f, "CREATE TRIGGER spoil AFTER INSERT ON cases BEGIN "
                        "UPDATE cases SET due_on = '10000-01-0' WHERE id = NEW.id; END", 0);

  created = sp_test_jsonf (f->server, "POST", "/api/v1/cases", f->org->staff_a,
                           "{" CASE_FIELDS ",\"received_on\":\"2026-11-02\"}");
  g_assert_cmpuint (created->status, ==, 500);
  assert_same_counts (start, counts (f));

  exec_sql_changing (f, "DROP TRIGGER spoil", 0);
  list = sp_test_json (f->server, "GET", "/api/v1/cases", f->org->registrar, NULL);
  sp_test_assert_status (list, 200);
  g_assert_cmpint (sp_test_get_int (list, "total"), ==, 0);
}

static void
assert_reads (Fixture    *f,
              const char *token,
              const char *good,
              const char *bad,
              guint       n_good)
{
  g_autoptr(SpTestResponse) list = NULL;
  g_autoptr(SpTestResponse) feed = NULL;
  g_autoptr(SpTestResponse) stats = NULL;
  g_autoptr(SpTestResponse) detail = NULL;
  g_autoptr(SpTestResponse) broken = NULL;
  g_autofree char *good_path = g_strconcat ("/api/v1/cases/", good, NULL);
  g_autofree char *bad_path = g_strconcat ("/api/v1/cases/", bad, NULL);
  JsonArray *items;
  JsonArray *changes;
  gboolean good_in_feed = FALSE;

  list = sp_test_json (f->server, "GET", "/api/v1/cases", token, NULL);
  sp_test_assert_status (list, 200);
  items = json_node_get_array (sp_test_get_node (list, "items"));
  g_assert_cmpuint (json_array_get_length (items), ==, n_good);
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, i), "id"),
                     !=, bad);

  feed = sp_test_json (f->server, "GET", "/api/v1/changes?since=0&limit=1000", token, NULL);
  sp_test_assert_status (feed, 200);
  changes = json_node_get_array (sp_test_get_node (feed, "changes"));
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      const char *id = json_object_get_string_member (json_array_get_object_element (changes, i), "id");

      g_assert_cmpstr (id, !=, bad);
      good_in_feed |= g_strcmp0 (id, good) == 0;
    }
  g_assert_true (good_in_feed);

  stats = sp_test_json (f->server, "GET", "/api/v1/stats", token, NULL);
  sp_test_assert_status (stats, 200);

  detail = sp_test_json (f->server, "GET", good_path, token, NULL);
  sp_test_assert_status (detail, 200);

  /* The row itself cannot be shown: said in the documented form, for
   * that one case only. */
  broken = sp_test_json (f->server, "GET", bad_path, token, NULL);
  g_assert_cmpuint (broken->status, ==, 500);
  g_assert_nonnull (sp_test_error_code (broken));
}

/* A row written by an older version with its deadline cut off at ten
 * characters, and one edited by hand, put straight into the database. */
static void
test_bad_row_skipped (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *good = sp_test_create_case (f->server, f->org->staff_a, NULL);
  g_autofree char *cut = sp_test_create_case (f->server, f->org->staff_a, NULL);
  g_autofree char *hand = sp_test_create_case (f->server, f->org->staff_a, NULL);
  g_autofree char *cut_sql = g_strdup_printf ("UPDATE cases SET received_on = '9999-12-20', "
                                              "due_on = '10000-01-0' WHERE id = '%s'", cut);
  g_autofree char *hand_sql = g_strdup_printf ("UPDATE cases SET kind = 'banana', "
                                               "feedback_on = 'soon' WHERE id = '%s'", hand);
  g_autofree char *registrar = NULL;
  g_autofree char *manager = NULL;

  /* Written while the server runs: it holds no copy that hides it. */
  exec_sql (f, cut_sql);
  assert_reads (f, f->org->registrar, good, cut, 2);

  exec_sql (f, hand_sql);
  assert_reads (f, f->org->registrar, good, cut, 1);
  assert_reads (f, f->org->registrar, good, hand, 1);
  assert_reads (f, f->org->manager_a, good, cut, 1);

  /* And across a restart. */
  sp_test_server_stop (f->server);
  sp_test_server_start (f->server, NULL);
  registrar = sp_test_login (f->server, "registrar", SP_TEST_PASSWORD);
  manager = sp_test_login (f->server, "manager_a", SP_TEST_PASSWORD);
  assert_reads (f, registrar, good, cut, 1);
  assert_reads (f, manager, good, hand, 1);

  /* A new case is made and found beside them. */
  {
    g_autofree char *more = sp_test_create_case (f->server, registrar, NULL);

    assert_reads (f, registrar, more, cut, 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/dates/out-of-bounds-refused", Fixture, NULL, sp_test_fixture_setup,
              test_out_of_bounds_refused, sp_test_fixture_teardown);
  g_test_add ("/server/dates/unreadable-write-rolled-back", Fixture, NULL, sp_test_fixture_setup,
              test_unreadable_write_rolled_back, sp_test_fixture_teardown);
  g_test_add ("/server/dates/bad-row-skipped", Fixture, NULL, sp_test_fixture_setup,
              test_bad_row_skipped, sp_test_fixture_teardown);

  return g_test_run ();
}
