/* sp-replica-reset.c: emptying a replica that belongs to another account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "synpunkt-core.h"
#include "sp-replica.h"

/* Tables that describe the database, not what is in it. */
static gboolean
is_kept_table (const char *name)
{
  return g_str_equal (name, "schema_versions") ||
         g_str_equal (name, "settings") ||
         g_str_has_prefix (name, "sqlite_") ||
         /* the full-text index's own tables, emptied through it */
         g_str_has_prefix (name, "cases_fts");
}

static GPtrArray *
list_tables (SpStore  *self,
             GError  **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = sp_store_prepare (self, "SELECT name FROM sqlite_master WHERE type = 'table'", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (name != NULL && !is_kept_table (name))
        g_ptr_array_add (tables, g_strdup (name));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sp_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&tables);
}

gboolean
sp_store_replica_reset (SpStore  *self,
                        GError  **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);

  /* What is deleted is overwritten, not only unlinked from the file. */
  if (!sp_store_exec (self, "PRAGMA secure_delete = ON", error) ||
      !(tables = list_tables (self, error)) ||
      !sp_store_begin (self, error))
    return FALSE;

  if (!sp_store_exec (self, "PRAGMA defer_foreign_keys = ON", error) ||
      !sp_store_exec (self, "DELETE FROM cases_fts", error))
    goto fail;

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM \"%s\"", (char *) tables->pdata[i]);

      if (!sp_store_exec (self, sql, error))
        goto fail;
    }

  /* Where it syncs from, how far it came and whose it was go; whether it
   * is a replica, the organisation's formats and a bulk load's unfinished
   * indexes stay. */
  if (!sp_store_exec (self, "DELETE FROM settings WHERE key LIKE 'sync.%' OR key LIKE 'local.%'",
                      error) ||
      !sp_store_commit (self, error))
    goto fail;

  /* The freed pages and the log's old copies of them go too. A reader
   * elsewhere can keep VACUUM from running: the data is gone from the
   * tables all the same, and the next reset tries again. */
  if (!sp_store_exec (self, "VACUUM", &local_error) ||
      !sp_store_exec (self, "PRAGMA wal_checkpoint(TRUNCATE)", &local_error))
    g_message ("The emptied replica could not be compacted: %s", local_error->message);

  return TRUE;

fail:
  sp_store_rollback (self);
  return FALSE;
}
