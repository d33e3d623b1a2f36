/* sp-server-store-directory.c: which users sign in with the directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include "sp-server-store.h"

gboolean
sp_server_store_link_directory_user (SpStore     *store,
                                     const char  *user_id,
                                     const char  *dn,
                                     GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = sp_store_prepare (store,
                           "INSERT INTO server_directory_users (user_id, dn, signed_in_at)"
                           " VALUES (?1, ?2, ?3) ON CONFLICT (user_id) DO UPDATE SET"
                           " dn = excluded.dn, signed_in_at = excluded.signed_in_at",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, user_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, dn, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  return sp_store_step_done (store, stmt, error);
}

char *
sp_server_store_find_directory_user (SpStore    *store,
                                     const char *dn)
{
  sqlite3_stmt *stmt;
  char *user_id = NULL;

  stmt = sp_store_prepare (store,
                           "SELECT user_id FROM server_directory_users WHERE dn = ?1 COLLATE NOCASE",
                           NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, dn, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    user_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return user_id;
}

GHashTable *
sp_server_store_directory_user_ids (SpStore *store)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;

  stmt = sp_store_prepare (store, "SELECT user_id FROM server_directory_users", NULL);
  if (stmt == NULL)
    return ids;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  return ids;
}

gboolean
sp_server_store_is_directory_user (SpStore    *store,
                                   const char *user_id)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = sp_store_prepare (store, "SELECT 1 FROM server_directory_users WHERE user_id = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, user_id, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

GPtrArray *
sp_server_store_directory_sessions (SpStore *store)
{
  GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = sp_store_prepare (store,
                           "SELECT DISTINCT d.user_id, d.dn FROM server_directory_users d"
                           " JOIN server_sessions s ON s.user_id = d.user_id"
                           " WHERE s.expires_at > ?1",
                           NULL);
  if (stmt == NULL)
    return pairs;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time ());
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (pairs, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (pairs, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  return pairs;
}
