/* test-server-durability.c: the audit chain, kill -9, online backup and
 * export/import, with the real server and the real database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <sqlite3.h>
#include <string.h>

#include "sp-test-server.h"

#define SENDER "\"sender\":{\"name\":\"David Dahl\",\"email\":\"david@example.se\",\"wants_feedback\":true}"

static char *
create_case (SpTestServer *server,
             const char   *token,
             guint         n)
{
  g_autoptr(SpTestResponse) created = NULL;

  created = sp_test_jsonf (server, "POST", "/api/v1/cases", token,
                           "{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"letter\","
                           "\"received_on\":\"2026-10-%02u\",\"subject\":\"Ärende %u\",%s}",
                           1 + n % 28, n, SENDER);
  sp_test_assert_status (created, 201);
  return g_strdup (sp_test_get_string (created, "id"));
}

static int
audit_verify (const char  *db,
              char       **out)
{
  return sp_test_run (NULL, out, NULL, (const char *[]) { "audit", "verify", "--db", db, NULL });
}

static gint64
query_int (const char *db,
           const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return value;
}

static void
test_audit_chain (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autofree char *token = sp_test_registrar_token (server);
  g_autofree char *id = create_case (server, token, 1);
  g_autofree char *path = g_strconcat ("/api/v1/cases/", id, NULL);
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *out3 = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(SpTestResponse) patched = NULL;
  sqlite3 *handle = NULL;
  gint64 row;

  patched = sp_test_json (server, "PATCH", path, token,
                          "{\"base_rev\":0,\"fields\":{\"subject\":\"Nytt ämne\"}}");
  sp_test_assert_status (patched, 200);

  /* The write is recorded: who, which record and field, old and new. */
  sql = g_strdup_printf ("SELECT seq FROM server_audit WHERE entity = 'case' AND entity_id = '%s'"
                         " AND field = 'subject' AND old_value = 'Ärende 1' AND new_value = 'Nytt ämne'"
                         " AND actor_id IS NOT NULL", id);
  row = query_int (server->db, sql);
  g_assert_cmpint (row, >, 0);

  g_assert_cmpint (audit_verify (server->db, &out), ==, 0);
  g_assert_true (g_str_has_prefix (out, "OK"));
  g_assert_nonnull (strstr (out, "head "));

  /* The table refuses ordinary edits… */
  g_assert_cmpint (sqlite3_open (server->db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE server_audit SET new_value = 'x'", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "DELETE FROM server_audit", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (handle);

  /* …and the chain catches someone who goes around them, behind the
   * running server's back. */
  g_free (sql);
  sql = g_strdup_printf ("DROP TRIGGER server_audit_no_update;"
                         " UPDATE server_audit SET new_value = 'Förfalskat' WHERE seq = %" G_GINT64_FORMAT,
                         row);
  sp_test_exec_sql (server->db, sql);

  g_assert_cmpint (audit_verify (server->db, &out2), ==, 1);
  {
    g_autofree char *expected = g_strdup_printf ("BROKEN at row %" G_GINT64_FORMAT, row);
    g_assert_nonnull (strstr (out2, expected));
  }

  /* Putting it back restores the chain; deleting a row breaks it again. */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE server_audit SET new_value = 'Nytt ämne' WHERE seq = %" G_GINT64_FORMAT ";"
                         " DROP TRIGGER server_audit_no_delete;"
                         " DELETE FROM server_audit WHERE seq = 2", row);
  sp_test_exec_sql (server->db, sql);
  g_assert_cmpint (audit_verify (server->db, &out3), ==, 1);
  g_assert_nonnull (strstr (out3, "BROKEN at row 3"));
}

static void
test_kill9 (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autofree char *token = sp_test_registrar_token (server);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SpTestResponse) last_patch = NULL;
  g_autofree char *last_path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *token2 = NULL;

  for (guint i = 0; i < 30; i++)
    g_ptr_array_add (ids, create_case (server, token, i));
  last_path = g_strconcat ("/api/v1/cases/", (char *) g_ptr_array_index (ids, 29), NULL);
  last_patch = sp_test_json (server, "PATCH", last_path, token,
                             "{\"base_rev\":0,\"fields\":{\"description\":\"Sista skrivningen\"}}");
  sp_test_assert_status (last_patch, 200);

  /* Right after the last acknowledged write. */
  sp_test_server_kill9 (server);
  sp_test_server_start (server, NULL);

  /* Sessions survive too: the same token still works. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *path = g_strconcat ("/api/v1/cases/", (char *) g_ptr_array_index (ids, i), NULL);
      g_autoptr(SpTestResponse) got = sp_test_json (server, "GET", path, token, NULL);
      g_autofree char *subject = g_strdup_printf ("Ärende %u", i);

      sp_test_assert_status (got, 200);
      g_assert_cmpstr (sp_test_get_string (got, "case.subject"), ==, subject);
    }
  {
    g_autoptr(SpTestResponse) got = sp_test_json (server, "GET", last_path, token, NULL);
    g_assert_cmpstr (sp_test_get_string (got, "case.description"), ==, "Sista skrivningen");
  }

  g_assert_cmpint (audit_verify (server->db, &out), ==, 0);
}

typedef struct
{
  gboolean done;
  int      status;
} BackupRun;

static void
backup_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  BackupRun *run = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  run->status = g_subprocess_get_exit_status (G_SUBPROCESS (source));
  run->done = TRUE;
}

static void
test_backup_while_writing (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autofree char *token = sp_test_registrar_token (server);
  g_autofree char *copy = g_build_filename (server->dir, "backup.db", NULL);
  g_autofree char *key = NULL;
  g_autoptr(GSubprocess) backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr(SpTestServer) restored = NULL;
  g_autoptr(SpTestResponse) list = NULL;
  BackupRun run = { FALSE, -1 };
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  guint written = 0;
  guint rounds = 0;
  JsonArray *items;

  for (guint i = 0; i < 20; i++, written++)
    g_free (create_case (server, token, written));

  backup = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                             sp_test_server_binary (), "backup", "--db", server->db, copy, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (backup, NULL, backup_done, &run);

  /* Keep writing from several connections until the backup is done, and
   * a little after. */
  while (!run.done || rounds < 3)
    {
      if (g_get_monotonic_time () > end)
        g_error ("Timed out waiting for the backup to end");
      const char *methods[8], *paths[8], *bodies[8];
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) responses = NULL;

      for (guint i = 0; i < 8; i++, written++)
        {
          methods[i] = "POST";
          paths[i] = "/api/v1/cases";
          g_ptr_array_add (texts, g_strdup_printf ("{\"kind\":\"opinion\",\"valence\":\"positive\","
                                                   "\"channel\":\"email\",\"received_on\":\"2026-10-01\","
                                                   "\"subject\":\"Under backup %u\",%s}", written, SENDER));
          bodies[i] = g_ptr_array_index (texts, i);
        }
      responses = sp_test_json_many (server, 8, methods, paths, token, bodies);
      for (guint i = 0; i < responses->len; i++)
        sp_test_assert_status ((SpTestResponse *) g_ptr_array_index (responses, i), 201);
      if (run.done)
        rounds++;
    }
  g_assert_cmpint (run.status, ==, 0);

  /* The copy is whole: its audit chain holds and a server runs on it. */
  g_assert_cmpint (query_int (copy, "SELECT count(*) FROM cases"), >=, 20);
  g_assert_cmpint (query_int (copy, "SELECT count(*) FROM cases"), <, written);
  g_assert_cmpint (audit_verify (copy, &out), ==, 0);

  restored = g_new0 (SpTestServer, 1);
  restored->dir = sp_test_dir_new ("restore");
  restored->db = g_build_filename (restored->dir, "restored.db", NULL);
  /* Put in place with `restore`, with the key of the database it came
   * from: its audit log holds there too. */
  key = g_build_filename (server->dir, "audit.key", NULL);
  g_assert_cmpint (sp_test_run (NULL, NULL, NULL,
                                (const char *[]) { "restore", "--db", restored->db, "--audit-key", key,
                                                   copy, NULL }), ==, 0);
  g_assert_cmpint (sp_test_run (NULL, NULL, NULL,
                                (const char *[]) { "audit", "verify", "--db", restored->db,
                                                   "--audit-key", key, NULL }), ==, 0);
  restored->session = soup_session_new ();
  soup_session_set_proxy_resolver (restored->session, NULL);
  sp_test_server_start (restored, (const char *[]) { "--audit-key", key, NULL });

  /* Every case in the copy is exactly as the live server has it. */
  list = sp_test_json (restored, "GET", "/api/v1/cases?limit=1000", token, NULL);
  sp_test_assert_status (list, 200);
  items = json_node_get_array (sp_test_get_node (list, "items"));
  g_assert_cmpint (json_array_get_length (items), ==, query_int (copy, "SELECT count(*) FROM cases"));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_autofree char *path = g_strconcat ("/api/v1/cases/", json_object_get_string_member (item, "id"), NULL);
      g_autoptr(SpTestResponse) live = sp_test_json (server, "GET", path, token, NULL);
      g_autoptr(SpTestResponse) old = sp_test_json (restored, "GET", path, token, NULL);

      sp_test_assert_status (live, 200);
      sp_test_assert_status (old, 200);
      g_assert_true (json_node_equal (sp_test_get_node (live, "case"), sp_test_get_node (old, "case")));
    }
}

static void
test_export_import (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autofree char *token = sp_test_registrar_token (server);
  g_autofree char *file = g_build_filename (server->dir, "export.json", NULL);
  g_autofree char *fresh = g_build_filename (server->dir, "fresh.db", NULL);
  g_autofree char *id = create_case (server, token, 7);
  g_autofree char *path = g_strconcat ("/api/v1/cases/", id, NULL);
  g_autoptr(SpTestResponse) before = NULL;
  g_autoptr(SpTestResponse) after = NULL;
  g_autoptr(SpTestResponse) created = NULL;
  g_autofree char *token2 = NULL;
  g_autofree char *err = NULL;
  g_autofree char *db = NULL;

  before = sp_test_json (server, "GET", path, token, NULL);
  g_assert_cmpint (sp_test_run (NULL, NULL, NULL,
                                (const char *[]) { "export", "--db", server->db, file, NULL }), ==, 0);
  sp_test_server_stop (server);

  /* Into a fresh database, served in place of the old one. */
  g_assert_cmpint (sp_test_run (NULL, NULL, NULL,
                                (const char *[]) { "import", "--db", fresh, file, NULL }), ==, 0);
  /* The old path stays in `db` until the end of the test. */
  db = server->db;
  server->db = g_strdup (fresh);
  sp_test_server_start (server, NULL);

  token2 = sp_test_login (server, "reg", SP_TEST_PASSWORD);
  after = sp_test_json (server, "GET", path, token2, NULL);
  sp_test_assert_status (after, 200);
  g_assert_true (json_node_equal (sp_test_get_node (before, "case"), sp_test_get_node (after, "case")));

  /* New revisions come after the imported ones. */
  created = sp_test_jsonf (server, "POST", "/api/v1/cases", token2,
                           "{\"kind\":\"opinion\",\"valence\":\"positive\",\"channel\":\"email\","
                           "\"received_on\":\"2026-10-01\",\"subject\":\"Efter import\"}");
  sp_test_assert_status (created, 201);
  g_assert_cmpint (sp_test_get_int (created, "rev"), >, sp_test_get_int (after, "case.rev"));

  /* Not an export at all: refused, nothing changed. */
  g_file_set_contents (file, "{\"format\":\"something else\"}", -1, NULL);
  g_assert_cmpint (sp_test_run (NULL, NULL, &err,
                                (const char *[]) { "import", "--db", fresh, file, NULL }), !=, 0);
}

static char *
head_of (const char *db)
{
  g_autofree char *out = NULL;
  const char *head;

  g_assert_cmpint (audit_verify (db, &out), ==, 0);
  head = strstr (out, "head ");
  g_assert_nonnull (head);
  return g_strndup (head + 5, 64);
}

/* Cutting rows off the end leaves a whole chain, but its head goes back
 * to one seen before: the head file the server wrote at shutdown tells. */
static void
test_audit_head (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autofree char *token = sp_test_registrar_token (server);
  g_autofree char *id = create_case (server, token, 1);
  g_autofree char *path = g_strconcat ("/api/v1/cases/", id, NULL);
  g_autofree char *before = head_of (server->db);
  g_autofree char *after = NULL;
  g_autofree char *truncated = NULL;
  g_autoptr(SpTestResponse) patched = NULL;

  patched = sp_test_json (server, "PATCH", path, token,
                          "{\"base_rev\":0,\"fields\":{\"subject\":\"Ändrat\"}}");
  sp_test_assert_status (patched, 200);
  after = head_of (server->db);
  g_assert_cmpstr (after, !=, before);
  sp_test_server_stop (server);

  sp_test_exec_sql (server->db, "DROP TRIGGER server_audit_no_delete;"
                        " DELETE FROM server_audit WHERE seq = (SELECT max (seq) FROM server_audit)");
  g_assert_cmpint (audit_verify (server->db, &truncated), ==, 1);
  g_assert_nonnull (strstr (truncated, "BROKEN: Rows are missing at the end"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/durability/audit-chain", test_audit_chain);
  g_test_add_func ("/server/durability/audit-head", test_audit_head);
  g_test_add_func ("/server/durability/kill9", test_kill9);
  g_test_add_func ("/server/durability/backup-while-writing", test_backup_while_writing);
  g_test_add_func ("/server/durability/export-import", test_export_import);

  return g_test_run ();
}
