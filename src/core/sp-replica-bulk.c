/* sp-replica-bulk.c: filling a replica without its indexes, then building
 * them once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "synpunkt-core.h"
#include "sp-replica.h"
#include "sp-schema.h"

#define BULK_KEY "store.bulk_ddl"

gboolean
sp_store_in_bulk (SpStore *self)
{
  g_autofree char *ddl = sp_store_dup_setting (self, BULK_KEY);

  return ddl != NULL && ddl[0] != 0;
}

/* The secondary indexes and full-text triggers of the synced tables.
 * Unique indexes stay, as they keep the data right, and so do those on
 * revisions: revisions come in order, so they cost little to keep, and a
 * sync looks records up by them. */
static GPtrArray *
list_set_aside (SpStore  *self,
                GError  **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sql = g_string_new ("SELECT type, name, sql FROM sqlite_master"
                                         " WHERE sql IS NOT NULL"
                                         " AND ((type = 'index' AND sql NOT LIKE 'CREATE UNIQUE%'"
                                         "       AND name NOT LIKE '%\\_rev' ESCAPE '\\')"
                                         "      OR (type = 'trigger' AND name LIKE '%\\_fts\\_%' ESCAPE '\\'))"
                                         " AND tbl_name IN (");
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; sp_entity_type_nth (i) != G_TYPE_INVALID; i++)
    g_string_append_printf (sql, "%s'%s'", i ? ", " : "", sp_entity_info_for_type (sp_entity_type_nth (i))->table);
  g_string_append (sql, ") ORDER BY type, name");

  if (!(stmt = sp_store_prepare (self, sql->str, error)))
    return NULL;

  /* type, name, sql in turn */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int c = 0; c < 3; c++)
      g_ptr_array_add (found, g_strdup ((const char *) sqlite3_column_text (stmt, c)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sp_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&found);
}

gboolean
sp_store_bulk_begin (SpStore  *self,
                     GError  **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GString) ddl = g_string_new (NULL);

  if (sp_store_in_bulk (self))
    return TRUE;

  if (!sp_store_begin (self, error))
    return FALSE;

  if (!(found = list_set_aside (self, error)))
    goto failed;

  for (guint i = 0; i + 2 < found->len; i += 3)
    {
      g_autofree char *drop = g_strdup_printf ("DROP %s \"%s\"", (char *) found->pdata[i],
                                               (char *) found->pdata[i + 1]);

      g_string_append_printf (ddl, "%s;\n", (char *) found->pdata[i + 2]);
      if (!sp_store_exec (self, drop, error))
        goto failed;
    }

  if (!sp_store_set_setting (self, BULK_KEY, ddl->str, error))
    goto failed;

  return sp_store_commit (self, error);

failed:
  sp_store_rollback (self);
  return FALSE;
}

gboolean
sp_store_bulk_end (SpStore  *self,
                   GError  **error)
{
  g_autofree char *ddl = sp_store_dup_setting (self, BULK_KEY);

  if (ddl == NULL || ddl[0] == 0)
    return TRUE;

  if (!sp_store_begin (self, error))
    return FALSE;

  if (!sp_store_exec (self, ddl, error) ||
      !sp_store_exec (self, sp_schema_fts_rebuild, error) ||
      !sp_store_set_setting (self, BULK_KEY, "", error))
    {
      sp_store_rollback (self);
      return FALSE;
    }

  return sp_store_commit (self, error);
}
