/* sp-server-store-auth.c: the sessions a change to a user ends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include "sp-server-store.h"

gboolean
sp_server_store_end_sessions_of (SpStore     *store,
                                 const char  *user_id,
                                 GError     **error)
{
  sqlite3_stmt *stmt = sp_store_prepare (store, "DELETE FROM server_sessions WHERE user_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, user_id, -1, SQLITE_TRANSIENT);
  return sp_store_step_done (store, stmt, error);
}
