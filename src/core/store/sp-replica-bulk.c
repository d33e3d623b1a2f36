/* sp-replica-bulk.c: filling a replica without its indexes, then building
 * them once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "synpunkt-core.h"
#include "sp-replica.h"
#include "sp-schema.h"

/* The definitions of the indexes and triggers still to be made again,
 * separated by SEPARATOR (which SQL text does not hold). */
#define DDL_KEY "store.bulk_ddl"
/* While the full-text index is being filled: the last case rowid in it. */
#define FTS_KEY "store.bulk_fts"
#define SEPARATOR "\x1e"
/* Pages the log may hold before a checkpoint while loading (40 MB). */
#define BULK_CHECKPOINT_PAGES 10000
/* Cases added to the full-text index in one transaction. */
#define FTS_CHUNK 50000

static gboolean
has_setting (SpStore    *self,
             const char *key)
{
  g_autofree char *value = sp_store_dup_setting (self, key);

  return value != NULL && value[0] != 0;
}

gboolean
sp_store_in_bulk (SpStore *self)
{
  return has_setting (self, DDL_KEY) || has_setting (self, FTS_KEY);
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

      if (ddl->len > 0)
        g_string_append (ddl, SEPARATOR);
      g_string_append (ddl, found->pdata[i + 2]);
      if (!sp_store_exec (self, drop, error))
        goto failed;
    }

  /* The full-text index is filled anew at the end, in order. */
  if (!sp_store_exec (self, "DELETE FROM cases_fts", error) ||
      !sp_store_set_setting (self, DDL_KEY, ddl->str, error) ||
      !sp_store_set_setting (self, FTS_KEY, "0", error))
    goto failed;

  if (!sp_store_commit (self, error))
    return FALSE;

  /* Fewer checkpoints while loading: a page of an index written by many
   * commits is copied into the database once, not after each. */
  return sp_store_exec (self, "PRAGMA wal_autocheckpoint = " G_STRINGIFY (BULK_CHECKPOINT_PAGES), error);

failed:
  sp_store_rollback (self);
  return FALSE;
}

/* Makes the next index or trigger set aside. */
static gboolean
make_next (SpStore     *self,
           const char  *ddl,
           GError     **error)
{
  const char *end = strstr (ddl, SEPARATOR);
  g_autofree char *statement = g_strndup (ddl, end ? (gsize)(end - ddl) : strlen (ddl));

  return sp_store_exec (self, statement, error) &&
         sp_store_set_setting (self, DDL_KEY, end ? end + strlen (SEPARATOR) : "", error);
}

/* Adds the next chunk of cases to the full-text index. */
static gboolean
fill_next (SpStore     *self,
           const char  *last_text,
           GError     **error)
{
  gint64 last = g_ascii_strtoll (last_text, NULL, 10);
  gint64 upto = G_MAXINT64;
  g_autofree char *upto_text = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = sp_store_prepare (self, "SELECT rowid FROM cases WHERE rowid > ?1"
                                 " ORDER BY rowid LIMIT 1 OFFSET ?2", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, last);
  sqlite3_bind_int (stmt, 2, FTS_CHUNK - 1);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    upto = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (!(stmt = sp_store_prepare (self, sp_schema_fts_fill, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, last);
  sqlite3_bind_int64 (stmt, 2, upto);
  if (!sp_store_step_done (self, stmt, error))
    return FALSE;

  if (upto != G_MAXINT64)
    upto_text = g_strdup_printf ("%" G_GINT64_FORMAT, upto);
  return sp_store_set_setting (self, FTS_KEY, upto_text ? upto_text : "", error);
}

gboolean
sp_store_bulk_end_step (SpStore   *self,
                        gboolean  *done,
                        GError   **error)
{
  g_autofree char *ddl = sp_store_dup_setting (self, DDL_KEY);
  g_autofree char *fts = sp_store_dup_setting (self, FTS_KEY);
  gboolean ok;

  *done = FALSE;
  if ((ddl == NULL || ddl[0] == 0) && (fts == NULL || fts[0] == 0))
    {
      *done = TRUE;
      return TRUE;
    }

  if (!sp_store_begin (self, error))
    return FALSE;

  if (ddl != NULL && ddl[0] != 0)
    ok = make_next (self, ddl, error);
  else
    ok = fill_next (self, fts, error);

  if (!ok)
    {
      sp_store_rollback (self);
      return FALSE;
    }

  return sp_store_commit (self, error);
}

gboolean
sp_store_bulk_end (SpStore  *self,
                   GError  **error)
{
  gint64 start = g_get_monotonic_time ();
  gboolean done = FALSE;
  guint steps = 0;

  while (!done)
    {
      if (!sp_store_bulk_end_step (self, &done, error))
        return FALSE;
      steps++;
    }

  if (steps == 1)
    return TRUE;

  g_debug ("Bulk load ended: indexes and full-text index built in %.2f s, %u steps",
           (g_get_monotonic_time () - start) / 1e6, steps - 1);

  /* Back to SQLite's usual checkpoints, and the log emptied: a reader
   * may hold it back, which only leaves it for later. */
  sqlite3_wal_checkpoint_v2 (sp_store_get_handle (self), NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  return sp_store_exec (self, "PRAGMA wal_autocheckpoint = 1000", error);
}
