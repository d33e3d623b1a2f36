/* sp-server-store-intake.c: residents' reports: reference codes, spent
 * form tokens and the Open311 client applications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include "sp-server-store.h"

void
sp_public_ref_free (SpPublicRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->code);
  g_free (ref->case_id);
  g_free (ref->channel);
  g_free (ref->service_code);
  g_free (ref);
}

gboolean
sp_server_store_spend_form_token (SpStore     *store,
                                  const char  *nonce,
                                  gint64       expires_at,
                                  gboolean    *fresh,
                                  GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = sp_store_prepare (store,
                           "INSERT OR IGNORE INTO server_form_tokens (nonce, expires_at) VALUES (?1, ?2)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, nonce, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, expires_at);
  if (!sp_store_step_done (store, stmt, error))
    return FALSE;
  *fresh = sqlite3_changes (sp_store_get_handle (store)) == 1;
  return TRUE;
}

gboolean
sp_server_store_add_public_ref (SpStore     *store,
                                const char  *code,
                                const char  *case_id,
                                const char  *channel,
                                const char  *client_id,
                                const char  *service_code,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = sp_store_prepare (store,
                           "INSERT INTO server_public_refs"
                           " (code, case_id, channel, client_id, service_code, created_at)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, case_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, channel, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, client_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, service_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, g_get_real_time ());
  return sp_store_step_done (store, stmt, error);
}

gboolean
sp_server_store_add_public_place (SpStore     *store,
                                  const char  *code,
                                  gboolean     has_position,
                                  double       lat,
                                  double       lon,
                                  const char  *address,
                                  GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = sp_store_prepare (store,
                           "INSERT INTO server_public_places (code, lat, long, address)"
                           " VALUES (?1, ?2, ?3, ?4)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (has_position)
    {
      sqlite3_bind_double (stmt, 2, lat);
      sqlite3_bind_double (stmt, 3, lon);
    }
  else
    {
      sqlite3_bind_null (stmt, 2);
      sqlite3_bind_null (stmt, 3);
    }
  sqlite3_bind_text (stmt, 4, address, -1, SQLITE_TRANSIENT);
  return sp_store_step_done (store, stmt, error);
}

gboolean
sp_server_store_find_public_position (SpStore    *store,
                                      const char *code,
                                      double     *lat,
                                      double     *lon)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = sp_store_prepare (store,
                           "SELECT lat, long FROM server_public_places"
                           " WHERE code = ?1 AND lat IS NOT NULL",
                           NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *lat = sqlite3_column_double (stmt, 0);
      *lon = sqlite3_column_double (stmt, 1);
      found = TRUE;
    }
  sqlite3_reset (stmt);
  return found;
}

static SpPublicRef *
read_ref (sqlite3_stmt *stmt)
{
  SpPublicRef *ref = g_new0 (SpPublicRef, 1);

  ref->code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  ref->case_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  ref->channel = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  ref->service_code = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  ref->created_at = sqlite3_column_int64 (stmt, 4);
  return ref;
}

SpPublicRef *
sp_server_store_find_public_ref (SpStore    *store,
                                 const char *code)
{
  sqlite3_stmt *stmt;
  SpPublicRef *ref = NULL;

  stmt = sp_store_prepare (store,
                           "SELECT code, case_id, channel, service_code, created_at"
                           " FROM server_public_refs WHERE code = ?1",
                           NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ref = read_ref (stmt);
  sqlite3_reset (stmt);
  return ref;
}

GPtrArray *
sp_server_store_list_public_refs (SpStore     *store,
                                  const char  *service_code,
                                  guint        limit,
                                  GError     **error)
{
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_public_ref_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_store_prepare (store,
                           "SELECT code, case_id, channel, service_code, created_at"
                           " FROM server_public_refs WHERE service_code IS NOT NULL"
                           " AND (?1 IS NULL OR service_code = ?1)"
                           " ORDER BY created_at DESC LIMIT ?2",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, service_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (refs, read_ref (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&refs);
}

gboolean
sp_server_store_add_open311_client (SpStore     *store,
                                    const char  *id,
                                    const char  *name,
                                    const char  *key_hash,
                                    GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = sp_store_prepare (store,
                           "INSERT INTO server_open311_clients (id, name, key_hash, created_at)"
                           " VALUES (?1, ?2, ?3, ?4)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, key_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  return sp_store_step_done (store, stmt, error);
}

char *
sp_server_store_find_open311_client (SpStore    *store,
                                     const char *key_hash)
{
  sqlite3_stmt *stmt;
  char *id = NULL;

  stmt = sp_store_prepare (store,
                           "SELECT id FROM server_open311_clients"
                           " WHERE key_hash = ?1 AND revoked_at IS NULL",
                           NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key_hash, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return id;
}

gboolean
sp_server_store_revoke_open311_client (SpStore     *store,
                                       const char  *name,
                                       gboolean    *found,
                                       GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = sp_store_prepare (store,
                           "UPDATE server_open311_clients SET revoked_at = ?2"
                           " WHERE name = ?1 AND revoked_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
  if (!sp_store_step_done (store, stmt, error))
    return FALSE;
  *found = sqlite3_changes (sp_store_get_handle (store)) == 1;
  return TRUE;
}

gboolean
sp_server_store_list_open311_clients (SpStore     *store,
                                      GString     *out,
                                      GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_store_prepare (store,
                           "SELECT name, created_at, revoked_at FROM server_open311_clients"
                           " ORDER BY name",
                           error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 1) / G_USEC_PER_SEC);
      g_autofree char *when = g_date_time_format_iso8601 (created);

      g_string_append_printf (out, "%s\t%s\t%s\n", (const char *) sqlite3_column_text (stmt, 0), when,
                              sqlite3_column_type (stmt, 2) == SQLITE_NULL ? "active" : "revoked");
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_store_set_error (store, error, rc);
      return FALSE;
    }
  return TRUE;
}
