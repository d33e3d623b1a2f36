/* sp-server-store-audit.c: what the audit log says of records' earlier
 * states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include "sp-server-store.h"

GPtrArray *
sp_server_store_earlier_access (SpStore *store,
                                SpCase  *kase)
{
  g_autoptr(GPtrArray) earlier = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  stmt = sp_store_prepare (store,
                           "SELECT field, old_value FROM server_audit"
                           " WHERE entity = 'case' AND entity_id = ?1 AND field IN"
                           " ('unit_id', 'named_employee', 'contract_breach', 'created_by')",
                           NULL);
  if (stmt == NULL)
    return g_steal_pointer (&earlier);

  sqlite3_bind_text (stmt, 1, SP_ENTITY (kase)->id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const SpField *field = sp_entity_info_lookup (&sp_case_info, (const char *) sqlite3_column_text (stmt, 0));
      g_autoptr(SpEntity) copy = NULL;

      if (field == NULL)
        continue;
      copy = sp_entity_copy (SP_ENTITY (kase));
      if (sp_entity_field_from_string (copy, field, (const char *) sqlite3_column_text (stmt, 1), NULL))
        g_ptr_array_add (earlier, g_steal_pointer (&copy));
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&earlier);
}
