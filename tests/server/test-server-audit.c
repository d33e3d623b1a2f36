/* test-server-audit.c: tampering with the database shows in `audit verify`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real server writes; then the database file is changed behind its
 * back, as someone with write access to it could, and `audit verify` (and
 * the server's start) must notice.
 */

#include <glib/gstdio.h>
#include <sodium.h>
#include <sqlite3.h>
#include <string.h>

#include "sp-test-server.h"

#define SENDER "\"sender\":{\"name\":\"Erik Ek\",\"email\":\"erik@example.se\",\"wants_feedback\":true}"

typedef struct
{
  SpTestServer *server;
  char         *token;
  char         *case_id;
} Fixture;

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

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *admin = NULL;
  g_autoptr(SpTestResponse) user = NULL;
  g_autoptr(SpTestResponse) patched = NULL;
  g_autofree char *path = NULL;

  f->server = sp_test_server_new (NULL);
  admin = sp_test_login (f->server, "admin", SP_TEST_PASSWORD);
  user = sp_test_jsonf (f->server, "POST", "/api/v1/users", admin,
                        "{\"username\":\"reg\",\"password\":\"%s\",\"roles\":[\"registrar\"]}",
                        SP_TEST_PASSWORD);
  sp_test_assert_status (user, 201);
  f->token = sp_test_login (f->server, "reg", SP_TEST_PASSWORD);
  for (guint i = 0; i < 5; i++)
    g_free (create_case (f->server, f->token, i));
  f->case_id = create_case (f->server, f->token, 5);
  path = g_strconcat ("/api/v1/cases/", f->case_id, NULL);
  patched = sp_test_json (f->server, "PATCH", path, f->token,
                          "{\"base_rev\":0,\"fields\":{\"description\":\"Riktig text\"}}");
  sp_test_assert_status (patched, 200);

  /* Stopped: the head file holds every row. */
  sp_test_server_stop (f->server);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_free (f->token);
  g_free (f->case_id);
  sp_test_server_free (f->server);
}

static int
audit_verify (const char  *db,
              char       **out)
{
  g_autofree char *text = NULL;
  int status;

  status = sp_test_run (NULL, &text, NULL, (const char *[]) { "audit", "verify", "--db", db, NULL });
  g_test_message ("audit verify: %s", text);
  if (out)
    *out = g_steal_pointer (&text);
  return status;
}

/* The server refuses to start on a database whose log lost rows. */
static int
start_status (Fixture *f)
{
  return sp_test_run (NULL, NULL, NULL,
                      (const char *[]) { "--listen", "127.0.0.1:0", "--db", f->server->db, NULL });
}

static void
test_untouched (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (audit_verify (f->server->db, &out), ==, 0);
  g_assert_true (g_str_has_prefix (out, "OK: "));
}

static void
test_case_edited (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE cases SET description = 'Förfalskad text'"
                                          " WHERE id = '%s'", f->case_id);

  sp_test_exec_sql (f->server->db, sql);
  g_assert_cmpint (audit_verify (f->server->db, &out), ==, 1);
  g_assert_nonnull (strstr (out, "BROKEN"));
  g_assert_nonnull (strstr (out, f->case_id));
  g_assert_nonnull (strstr (out, "differs from its audit row"));
}

static void
test_case_deleted (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *sql = g_strdup_printf ("DELETE FROM cases WHERE id = '%s'", f->case_id);

  sp_test_exec_sql (f->server->db, sql);
  g_assert_cmpint (audit_verify (f->server->db, &out), ==, 1);
  g_assert_nonnull (strstr (out, f->case_id));
  g_assert_nonnull (strstr (out, "not in the database"));
}

static void
test_case_added (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;

  /* A copy of a case under another id, written straight into the table. */
  sp_test_exec_sql (f->server->db,
            "CREATE TEMP TABLE c AS SELECT * FROM cases LIMIT 1;"
            " UPDATE c SET id = '0f8fad5b-d9cb-469f-a165-70867728950e', diary_number = NULL;"
            " INSERT INTO cases SELECT * FROM c;");
  g_assert_cmpint (audit_verify (f->server->db, &out), ==, 1);
  g_assert_nonnull (strstr (out, "0f8fad5b-d9cb-469f-a165-70867728950e"));
  g_assert_nonnull (strstr (out, "has no audit row"));
}

static void
test_last_rows_deleted (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out = NULL;

  sp_test_exec_sql (f->server->db, "DROP TRIGGER server_audit_no_delete;"
                           " DELETE FROM server_audit WHERE seq > (SELECT max (seq) - 3 FROM server_audit)");
  g_assert_cmpint (audit_verify (f->server->db, &out), ==, 1);
  g_assert_nonnull (strstr (out, "BROKEN: Rows are missing at the end"));
  g_assert_cmpint (start_status (f), ==, 1);
}

/* Rows cut off and the head file made to match, without the key. */
static void
test_head_forged (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_strconcat (f->server->db, ".audit-head", NULL);
  g_autoptr(GKeyFile) head = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gint64 rows;

  g_assert_true (g_key_file_load_from_file (head, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  rows = g_key_file_get_int64 (head, "audit", "rows", NULL);
  sp_test_exec_sql (f->server->db, "DROP TRIGGER server_audit_no_delete;"
                           " DELETE FROM server_audit WHERE seq > (SELECT max (seq) - 3 FROM server_audit)");
  g_key_file_set_int64 (head, "audit", "rows", rows - 3);
  g_assert_true (g_key_file_save_to_file (head, path, &error));

  g_assert_cmpint (audit_verify (f->server->db, &out), ==, 1);
  g_assert_nonnull (strstr (out, "BROKEN: The audit head"));
  g_assert_nonnull (strstr (out, "was not written with this audit key"));
  g_assert_cmpint (start_status (f), ==, 1);
}

/* The framing sp-audit.c uses, for an attacker who read the source. */
static void
hash_text (crypto_generichash_state *state,
           const char               *text)
{
  guint8 prefix[9];
  guint64 length = text ? strlen (text) : 0;

  prefix[0] = text ? 1 : 0;
  for (guint i = 0; i < 8; i++)
    prefix[1 + i] = (length >> (8 * i)) & 0xff;
  crypto_generichash_update (state, prefix, sizeof prefix);
  if (text)
    crypto_generichash_update (state, (const guint8 *) text, length);
}

/* Re-computes every row's hash from @from_seq to @to_seq (0: the end),
 * over @n_columns (9, or 7 as before the key), with a key of the
 * attacker's own (none: NULL), and writes it back. */
static void
rehash_range (const char   *db,
              gint64        from_seq,
              gint64        to_seq,
              guint         n_columns,
              const guint8 *key)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3_stmt *update = NULL;
  g_autofree char *prev = NULL;

  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "DROP TRIGGER IF EXISTS server_audit_no_update",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT seq, at, actor_id, action, entity, entity_id, field,"
                                       " old_value, new_value, rev, state_hash, prev_hash"
                                       " FROM server_audit WHERE seq >= ?1 AND (?2 = 0 OR seq <= ?2)"
                                       " ORDER BY seq",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "UPDATE server_audit SET prev_hash = ?1, hash = ?2 WHERE seq = ?3",
                                       -1, &update, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, from_seq);
  sqlite3_bind_int64 (stmt, 2, to_seq);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      crypto_generichash_state state;
      guint8 digest[32];
      char hex[65];
      g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
      g_autofree char *at = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 1));

      if (prev == NULL)
        prev = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
      crypto_generichash_init (&state, key, key ? 32 : 0, sizeof digest);
      hash_text (&state, prev);
      hash_text (&state, seq);
      hash_text (&state, at);
      for (guint i = 0; i < n_columns; i++)
        hash_text (&state, (const char *) sqlite3_column_text (stmt, 2 + i));
      crypto_generichash_final (&state, digest, sizeof digest);
      sodium_bin2hex (hex, sizeof hex, digest, sizeof digest);

      sqlite3_bind_text (update, 1, prev, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (update, 2, hex, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (update, 3, sqlite3_column_int64 (stmt, 0));
      g_assert_cmpint (sqlite3_step (update), ==, SQLITE_DONE);
      sqlite3_reset (update);
      g_free (prev);
      prev = g_strdup (hex);
    }
  sqlite3_finalize (stmt);
  sqlite3_finalize (update);
  sqlite3_close (handle);
}

static void
rehash_from (const char   *db,
             gint64        from_seq,
             const guint8 *key)
{
  rehash_range (db, from_seq, 0, 9, key);
}

static gint64
row_of_case_update (Fixture *f)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 seq = 0;

  g_assert_cmpint (sqlite3_open (f->server->db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT seq FROM server_audit WHERE entity = 'case'"
                                       " AND entity_id = ?1 AND field = 'description'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, f->case_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  g_assert_cmpint (seq, >, 0);
  return seq;
}

static void
test_row_edited_and_rehashed (Fixture       *f,
                              gconstpointer  data)
{
  gint64 seq = row_of_case_update (f);
  g_autofree char *sql = g_strdup_printf ("DROP TRIGGER server_audit_no_update;"
                                          " UPDATE server_audit SET new_value = 'Annan text'"
                                          " WHERE seq = %" G_GINT64_FORMAT, seq);
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *expected = g_strdup_printf ("BROKEN at row %" G_GINT64_FORMAT " ", seq);
  guint8 guessed[32];

  sp_test_exec_sql (f->server->db, sql);

  /* Re-hashed as the chain was hashed before it had a key … */
  rehash_from (f->server->db, seq, NULL);
  g_assert_cmpint (audit_verify (f->server->db, &out), ==, 1);
  g_assert_true (g_str_has_prefix (out, expected));

  /* … and with a key of one's own. */
  randombytes_buf (guessed, sizeof guessed);
  rehash_from (f->server->db, seq, guessed);
  g_assert_cmpint (audit_verify (f->server->db, &out2), ==, 1);
  g_assert_true (g_str_has_prefix (out2, expected));
}

static void
test_row_forged (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;
  gint64 last;

  /* A row appended with the framing known and no key: whatever its MAC,
   * it cannot be the one the key gives. */
  sp_test_exec_sql (f->server->db,
            "INSERT INTO server_audit (seq, at, actor_id, action, entity, entity_id, field,"
            " old_value, new_value, prev_hash, hash)"
            " SELECT seq + 1, at + 1, NULL, 'login', 'user', NULL, NULL, NULL, NULL, hash,"
            " '0000000000000000000000000000000000000000000000000000000000000001'"
            " FROM server_audit ORDER BY seq DESC LIMIT 1");
  {
    sqlite3 *handle = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (f->server->db, &handle), ==, SQLITE_OK);
    sqlite3_prepare_v2 (handle, "SELECT max (seq) FROM server_audit", -1, &stmt, NULL);
    sqlite3_step (stmt);
    last = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (handle);
  }
  rehash_from (f->server->db, last, NULL);

  g_assert_cmpint (audit_verify (f->server->db, &out), ==, 1);
  {
    g_autofree char *expected = g_strdup_printf ("BROKEN at row %" G_GINT64_FORMAT " ", last);
    g_assert_true (g_str_has_prefix (out, expected));
  }
}

static void
test_no_key (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *key = g_build_filename (f->server->dir, "audit.key", NULL);
  g_autofree char *moved = g_build_filename (f->server->dir, "elsewhere.key", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;

  g_assert_cmpint (g_rename (key, moved), ==, 0);
  g_assert_cmpint (sp_test_run (NULL, &out, &err,
                                (const char *[]) { "audit", "verify", "--db", f->server->db, NULL }), ==, 1);
  g_assert_nonnull (strstr (err, "audit key"));
  g_assert_nonnull (strstr (err, "cannot be read"));
  g_assert_cmpint (sp_test_run (NULL, NULL, &err2,
                                (const char *[]) { "--listen", "127.0.0.1:0", "--db", f->server->db,
                                                   NULL }), ==, 1);
  g_assert_nonnull (strstr (err2, "audit key"));

  /* Named where it is, it serves again. */
  sp_test_server_start (f->server, (const char *[]) { "--audit-key", moved, NULL });
  sp_test_server_stop (f->server);
  g_free (out);
  g_assert_cmpint (sp_test_run (NULL, &out, NULL,
                                (const char *[]) { "audit", "verify", "--db", f->server->db,
                                                   "--audit-key", moved, NULL }), ==, 0);
}

static void
test_key_mode (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *key = g_build_filename (f->server->dir, "audit.key", NULL);
  GStatBuf st;

  g_assert_cmpint (g_stat (key, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* Many writes, a restart, a backup and its restore: all still verifies. */
static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->server->dir, "copy.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *out3 = NULL;
  g_autoptr(SpTestResponse) list = NULL;

  sp_test_server_start (f->server, NULL);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *id = create_case (f->server, f->token, 10 + i);
      g_autofree char *path = g_strconcat ("/api/v1/cases/", id, NULL);
      g_autoptr(SpTestResponse) patched = NULL;
      g_autoptr(SpTestResponse) moved = NULL;

      patched = sp_test_json (f->server, "PATCH", path, f->token,
                              "{\"base_rev\":0,\"fields\":{\"description\":\"Ändrad\"}}");
      sp_test_assert_status (patched, 200);
      if (i % 3 == 0)
        {
          g_autofree char *transition = g_strconcat (path, "/transition", NULL);

          moved = sp_test_json (f->server, "POST", transition, f->token, "{\"to\":\"registered\"}");
          sp_test_assert_status (moved, 200);
        }
    }
  sp_test_server_stop (f->server);
  sp_test_server_start (f->server, NULL);
  g_assert_cmpint (audit_verify (f->server->db, &out), ==, 0);

  g_assert_cmpint (sp_test_run (NULL, NULL, NULL,
                                (const char *[]) { "backup", "--db", f->server->db, copy, NULL }), ==, 0);
  g_assert_cmpint (audit_verify (copy, &out2), ==, 0);
  g_free (create_case (f->server, f->token, 99));
  sp_test_server_stop (f->server);

  g_assert_cmpint (sp_test_run (NULL, NULL, NULL,
                                (const char *[]) { "restore", "--db", f->server->db, copy, NULL }), ==, 0);
  g_assert_cmpint (audit_verify (f->server->db, &out3), ==, 0);
  sp_test_server_start (f->server, NULL);
  list = sp_test_json (f->server, "GET", "/api/v1/cases?limit=1000", f->token, NULL);
  sp_test_assert_status (list, 200);
  g_assert_cmpint (json_array_get_length (json_node_get_array (sp_test_get_node (list, "items"))), ==, 66);
  sp_test_server_stop (f->server);
}

/* A copy put back by hand over a database that went on: the server will
 * not add to a log behind its head. */
static void
test_copy_by_hand (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->server->dir, "copy.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *wal = g_strconcat (f->server->db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->server->db, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_cmpint (sp_test_run (NULL, NULL, NULL,
                                (const char *[]) { "backup", "--db", f->server->db, copy, NULL }), ==, 0);
  sp_test_server_start (f->server, NULL);
  g_free (create_case (f->server, f->token, 42));
  sp_test_server_stop (f->server);

  g_file_get_contents (copy, &contents, &length, &error);
  g_assert_no_error (error);
  g_unlink (wal);
  g_unlink (shm);
  g_file_set_contents (f->server->db, contents, length, &error);
  g_assert_no_error (error);

  g_assert_cmpint (audit_verify (f->server->db, &out), ==, 1);
  g_assert_nonnull (strstr (out, "BROKEN: Rows are missing at the end"));
  g_assert_cmpint (start_status (f), ==, 1);
}

/* A database from before the chain was keyed: its rows keep their
 * unkeyed hashes, a marker row covers them, and every record gets a state
 * row. Tampering with an old row still shows. */
static void
test_upgrade (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *head = g_strconcat (f->server->db, ".audit-head", NULL);
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *out3 = NULL;
  sqlite3 *handle = NULL;
  sqlite3_stmt *insert = NULL;
  char prev[65] = "0000000000000000000000000000000000000000000000000000000000000000";

  /* The server's tables as version 1 had them, with a log of three rows
   * hashed the old way. */
  sp_test_exec_sql (f->server->db,
            "DROP TRIGGER server_audit_no_update; DROP TRIGGER server_audit_no_delete;"
            " DROP INDEX server_audit_rev; DELETE FROM server_audit;"
            " ALTER TABLE server_audit DROP COLUMN rev; ALTER TABLE server_audit DROP COLUMN state_hash;"
            " UPDATE schema_versions SET version = 1 WHERE component = 'server';"
            " DELETE FROM settings WHERE key = 'server.database_id';"
            " CREATE TRIGGER server_audit_no_update BEFORE UPDATE ON server_audit"
            "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
            " CREATE TRIGGER server_audit_no_delete BEFORE DELETE ON server_audit"
            "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;");
  g_unlink (head);

  g_assert_cmpint (sqlite3_open (f->server->db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "INSERT INTO server_audit (seq, at, actor_id, action, entity,"
                                       " entity_id, field, old_value, new_value, prev_hash, hash)"
                                       " VALUES (?1, ?2, NULL, ?3, 'case', ?4, 'subject', 'a', ?5, ?6, ?7)",
                                       -1, &insert, NULL), ==, SQLITE_OK);
  for (gint64 seq = 1; seq <= 3; seq++)
    {
      crypto_generichash_state state;
      guint8 digest[32];
      char hex[65];
      g_autofree char *seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, seq);
      g_autofree char *at_text = g_strdup_printf ("%" G_GINT64_FORMAT, 1000 + seq);
      g_autofree char *value = g_strdup_printf ("Ämne %" G_GINT64_FORMAT, seq);
      const char *columns[7] = { NULL, "update", "case", f->case_id, "subject", "a", value };

      crypto_generichash_init (&state, NULL, 0, sizeof digest);
      hash_text (&state, prev);
      hash_text (&state, seq_text);
      hash_text (&state, at_text);
      for (guint i = 0; i < 7; i++)
        hash_text (&state, columns[i]);
      crypto_generichash_final (&state, digest, sizeof digest);
      sodium_bin2hex (hex, sizeof hex, digest, sizeof digest);

      sqlite3_bind_int64 (insert, 1, seq);
      sqlite3_bind_int64 (insert, 2, 1000 + seq);
      sqlite3_bind_text (insert, 3, "update", -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 4, f->case_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 5, value, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 6, prev, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 7, hex, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
      sqlite3_reset (insert);
      memcpy (prev, hex, sizeof prev);
    }
  sqlite3_finalize (insert);
  sqlite3_close (handle);

  /* Upgraded by the server's start (init would do as well). */
  sp_test_server_start (f->server, NULL);
  g_free (create_case (f->server, f->token, 77));
  sp_test_server_stop (f->server);
  g_assert_cmpint (audit_verify (f->server->db, &out), ==, 0);
  g_assert_cmpint (sp_test_run (NULL, &out2, NULL,
                                (const char *[]) { "init", "--db", f->server->db, NULL }), ==, 0);
  g_assert_cmpint (audit_verify (f->server->db, &out2), ==, 0);

  /* An old row changed: the marker's MAC covers it. */
  sp_test_exec_sql (f->server->db, "DROP TRIGGER server_audit_no_update;"
                           " UPDATE server_audit SET new_value = 'Förfalskat' WHERE seq = 2");
  rehash_range (f->server->db, 2, 3, 7, NULL);
  g_assert_cmpint (audit_verify (f->server->db, &out3), ==, 1);
  g_assert_true (g_str_has_prefix (out3, "BROKEN at row 4 "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

#define ADD(path, func) g_test_add ("/server/audit/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("untouched", test_untouched);
  ADD ("case-edited", test_case_edited);
  ADD ("case-deleted", test_case_deleted);
  ADD ("case-added", test_case_added);
  ADD ("last-rows-deleted", test_last_rows_deleted);
  ADD ("head-forged", test_head_forged);
  ADD ("row-edited-and-rehashed", test_row_edited_and_rehashed);
  ADD ("row-forged", test_row_forged);
  ADD ("no-key", test_no_key);
  ADD ("key-mode", test_key_mode);
  ADD ("backup-restore", test_backup_restore);
  ADD ("copy-by-hand", test_copy_by_hand);
  ADD ("upgrade", test_upgrade);
#undef ADD

  return g_test_run ();
}
