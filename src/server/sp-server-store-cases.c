/* sp-server-store-cases.c: what the case list needs to know of the cases
 * beyond the core's query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include "sp-server-store.h"

gboolean
sp_server_store_unit_investigates_for_others (SpStore    *store,
                                              const char *unit_id)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = sp_store_prepare (store,
                           "SELECT EXISTS (SELECT 1 FROM cases WHERE investigating_unit_id = ?1"
                           " AND unit_id IS NOT ?1 AND deleted = 0)",
                           NULL);
  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_text (stmt, 1, unit_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    found = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return found;
}
