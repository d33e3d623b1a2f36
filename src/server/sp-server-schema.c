/* sp-server-schema.c: the tables only the server keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include "sp-audit.h"
#include "sp-server-schema.h"

/* Each entry brings the "server" component from version i to i + 1. Never
 * edit an entry once released: add another. */
static const char * const server_migrations[] = {
  /* 0 → 1 */
  "CREATE TABLE server_credentials ("
  "  user_id TEXT PRIMARY KEY,"
  "  password_hash TEXT NOT NULL,"
  "  changed_at INTEGER NOT NULL);"
  "CREATE TABLE server_sessions ("
  "  token_hash TEXT PRIMARY KEY,"
  "  user_id TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  expires_at INTEGER NOT NULL,"
  "  address TEXT);"
  "CREATE INDEX server_sessions_user ON server_sessions (user_id);"
  "CREATE TABLE server_login_failures ("
  "  key TEXT PRIMARY KEY,"
  "  failures INTEGER NOT NULL,"
  "  window_start INTEGER NOT NULL);"
  /* Append-only: every row carries the hash of the one before it. The
   * triggers stop accidents; the chain catches deliberate edits. */
  "CREATE TABLE server_audit ("
  "  seq INTEGER PRIMARY KEY,"
  "  at INTEGER NOT NULL,"
  "  actor_id TEXT,"
  "  action TEXT NOT NULL,"
  "  entity TEXT,"
  "  entity_id TEXT,"
  "  field TEXT,"
  "  old_value TEXT,"
  "  new_value TEXT,"
  "  prev_hash TEXT NOT NULL,"
  "  hash TEXT NOT NULL);"
  "CREATE TRIGGER server_audit_no_update BEFORE UPDATE ON server_audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER server_audit_no_delete BEFORE DELETE ON server_audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TABLE server_sync_batches ("
  "  user_id TEXT NOT NULL,"
  "  batch_id TEXT NOT NULL,"
  "  response TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  PRIMARY KEY (user_id, batch_id));"
  /* The revision at which each field of a record last changed, so that
   * edits to different fields of one record merge. */
  "CREATE TABLE server_field_revs ("
  "  entity TEXT NOT NULL,"
  "  entity_id TEXT NOT NULL,"
  "  field TEXT NOT NULL,"
  "  rev INTEGER NOT NULL,"
  "  PRIMARY KEY (entity, entity_id, field));",
  /* 1 → 2: the audit chain keyed, and a "state" row for each record
   * written, holding a hash of the record as stored at its revision
   * (sp-audit.c). Rows from before keep their unkeyed hashes; the marker
   * row that sp_audit_upgrade() appends covers them. */
  "ALTER TABLE server_audit ADD COLUMN rev INTEGER;"
  "ALTER TABLE server_audit ADD COLUMN state_hash TEXT;"
  "CREATE INDEX server_audit_rev ON server_audit (rev);",
  /* 2 → 3: users who sign in with the organisation's directory, each
   * with the entry it was found at (sp-directory.h). */
  "CREATE TABLE IF NOT EXISTS server_directory_users ("
  "  user_id TEXT PRIMARY KEY,"
  "  dn TEXT NOT NULL,"
  "  signed_in_at INTEGER NOT NULL);"
  "CREATE INDEX IF NOT EXISTS server_directory_users_dn ON server_directory_users (dn);",
  /* 3 → 4: residents’ reports (sp-intake.h): the reference code a sender
   * is given for each case, the e-service form's spent CSRF tokens, and
   * the Open311 client applications with a hash of each one's api_key. */
  "CREATE TABLE IF NOT EXISTS server_public_refs ("
  "  code TEXT PRIMARY KEY,"
  "  case_id TEXT NOT NULL UNIQUE,"
  "  channel TEXT NOT NULL,"
  "  client_id TEXT,"
  "  service_code TEXT,"
  "  created_at INTEGER NOT NULL);"
  "CREATE TABLE IF NOT EXISTS server_form_tokens ("
  "  nonce TEXT PRIMARY KEY,"
  "  expires_at INTEGER NOT NULL);"
  "CREATE TABLE IF NOT EXISTS server_open311_clients ("
  "  id TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  key_hash TEXT NOT NULL UNIQUE,"
  "  created_at INTEGER NOT NULL,"
  "  revoked_at INTEGER);",
  /* 4 → 5: where an Open311 report is, as its client sent it (lat/long,
   * an address or both), under the report's reference code. */
  "CREATE TABLE IF NOT EXISTS server_public_places ("
  "  code TEXT PRIMARY KEY,"
  "  lat REAL,"
  "  long REAL,"
  "  address TEXT);",
  NULL
};

gboolean
sp_server_schema_migrate (SpStore  *store,
                          GError  **error)
{
  return sp_store_migrate_component (store, "server", server_migrations, error);
}

/* Bookkeeping that has served its purpose: expired sessions, old
 * failed-login counts, and batch answers no client will retry after a
 * month. Never the audit log. */
static void
prune (SpStore *store)
{
  static const char * const statements[] = {
    "DELETE FROM server_sessions WHERE expires_at < ?1",
    "DELETE FROM server_login_failures WHERE window_start < ?1 - 86400000000",
    "DELETE FROM server_sync_batches WHERE created_at < ?1 - 2592000000000",
    "DELETE FROM server_form_tokens WHERE expires_at < ?1",
  };
  gint64 now = g_get_real_time ();

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = sp_store_prepare (store, statements[i], NULL);

      if (stmt == NULL)
        continue;
      sqlite3_bind_int64 (stmt, 1, now);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
}

SpStore *
sp_server_store_open (const char  *path,
                      GError     **error)
{
  g_autoptr(SpStore) store = NULL;

  store = sp_store_open (path, error);
  if (store == NULL)
    return NULL;

  /* WAL with FULL also survives a power cut, not only a killed process. */
  if (!sp_store_exec (store, "PRAGMA synchronous = FULL", error))
    return NULL;

  if (!sp_server_schema_migrate (store, error) ||
      !sp_audit_upgrade (store, error))
    return NULL;

  prune (store);
  return g_steal_pointer (&store);
}

gboolean
sp_server_store_end (SpStore  *store,
                     gboolean  failed,
                     GError  **error)
{
  if (failed)
    {
      sp_store_rollback (store);
      return FALSE;
    }

  return sp_store_commit (store, error);
}
