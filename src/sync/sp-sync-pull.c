/* sp-sync-pull.c: storing the server's change feed in the replica
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-sync"

#include <glib/gi18n-lib.h>

#include "sp-sync-private.h"

/* A pull with at least this many changes to come loads in bulk. */
#define BULK_THRESHOLD 50000

gint64
_sp_sync_get_cursor (SpStore *store)
{
  g_autofree char *cursor = sp_store_dup_setting (store, "sync.cursor");

  return cursor ? g_ascii_strtoll (cursor, NULL, 10) : 0;
}

/* Whether nothing local waits: then what the server sends is stored as
 * it is, without looking for local changes to keep (the first sync). */
static gboolean
nothing_local (SpStore *store)
{
  sqlite3_stmt *stmt;
  gboolean provisional = TRUE;

  if (sp_store_outbox_count (store) > 0)
    return FALSE;

  stmt = sp_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM case_events WHERE rev = 0)", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    provisional = sqlite3_column_int (stmt, 0) != 0;
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return !provisional;
}

/* A base revision above what the server's record now has is one it never
 * had (it went back to a backup): the local change waits on the revision
 * the server has, and merges or conflicts on it as usual. */
static gboolean
clamp_base_rev (SpStore     *store,
                GType        type,
                const char  *id,
                gint64       rev,
                GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = sp_store_prepare (store,
                           "UPDATE outbox SET base_rev = ?3"
                           " WHERE entity = ?1 AND record_id = ?2 AND base_rev > ?3",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sp_entity_info_for_type (type)->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, rev);
  if (!sp_store_step_done (store, stmt, error))
    return FALSE;
  return TRUE;
}

gboolean
_sp_sync_begin_resync (SpStore  *store,
                       gint64    server_last_rev,
                       GError  **error)
{
  g_autofree char *rev_text = g_strdup_printf ("%" G_GINT64_FORMAT, server_last_rev);

  g_message ("The server has gone back (its newest revision is %" G_GINT64_FORMAT
             ", or it is another database): pulling everything again", server_last_rev);

  /* No record of the server's as it now stands is newer than its newest
   * revision: what is newer here came from the history it lost. */
  for (guint t = 0; sp_entity_type_nth (t) != G_TYPE_INVALID; t++)
    {
      const SpEntityInfo *info = sp_entity_info_for_type (sp_entity_type_nth (t));
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET rev = -1 WHERE rev > %" G_GINT64_FORMAT,
                                              info->table, server_last_rev);

      if (!sp_store_exec (store, sql, error))
        return FALSE;
    }

  return sp_store_set_setting (store, "sync.cursor", "0", error) &&
         sp_store_set_setting (store, "sync.resync", rev_text, error);
}

/* The pull from 0 is done: what it did not bring again is not on the
 * server any more, unless a local change to it still waits. */
static gboolean
end_resync (SpStore  *store,
            GError  **error)
{
  for (guint t = 0; sp_entity_type_nth (t) != G_TYPE_INVALID; t++)
    {
      GType type = sp_entity_type_nth (t);
      const SpEntityInfo *info = sp_entity_info_for_type (type);
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE rev = -1 AND id NOT IN"
                                              " (SELECT record_id FROM outbox WHERE entity = ?1)",
                                              info->table);
      g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *stmt = sp_store_prepare (store, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, info->name, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);

      for (guint i = 0; i < ids->len; i++)
        if (!sp_store_forget (store, type, g_ptr_array_index (ids, i), error))
          return FALSE;
    }

  return sp_store_set_setting (store, "sync.resync", "", error);
}

/* Whether the server has gone back behind what this replica pulled: a
 * newest revision below the cursor, or another database id (a restore
 * gives the database a new one). */
static gboolean
check_server (SpStore     *store,
              SpFeedPage  *page,
              gint64       since,
              gboolean    *resync,
              GError     **error)
{
  g_autofree char *known = sp_store_dup_setting (store, "sync.database_id");
  gboolean other = page->database_id != NULL && known != NULL && *known != 0 &&
                   !g_str_equal (known, page->database_id);

  *resync = FALSE;
  if (page->database_id != NULL && g_strcmp0 (known, page->database_id) != 0 &&
      !sp_store_set_setting (store, "sync.database_id", page->database_id, error))
    return FALSE;

  /* Another database: any record here may be from a history it does not
   * have, whatever its revision. Already pulling from 0 (a push found the
   * server behind), the pull goes on. */
  if (other)
    {
      *resync = since > 0;
      return _sp_sync_begin_resync (store, 0, error);
    }
  if (since > 0 && page->last_rev < since)
    {
      *resync = TRUE;
      return _sp_sync_begin_resync (store, page->last_rev, error);
    }
  return TRUE;
}

static gboolean
apply_change (SpStore       *store,
              SpFeedChange  *change,
              gboolean       plain,
              GError       **error)
{
  g_autoptr(SpEntity) entity = NULL;

  /* Out of the user's sight now (moved to another unit, say). */
  if (!change->visible)
    return sp_store_forget (store, change->type, change->id, error);

  if (change->deleted || change->record == NULL)
    {
      entity = sp_store_load (store, change->type, change->id, NULL);
      if (entity == NULL)
        return TRUE;
      entity->deleted = TRUE;
      entity->rev = change->rev;
      return sp_store_apply_remote (store, entity, error);
    }

  if (plain)
    return sp_store_save (store, change->record, SP_SAVE_KEEP_REV, NULL, error);

  return sp_store_apply_remote (store, change->record, error) &&
         clamp_base_rev (store, change->type, change->id, change->rev, error);
}

gboolean
_sp_sync_apply_page (SpStore     *store,
                     SpFeedPage  *page,
                     GError     **error)
{
  g_autofree char *cursor_text = NULL;
  g_autofree char *resyncing = NULL;
  gboolean plain;
  gboolean resync = FALSE;
  gint64 since = _sp_sync_get_cursor (store);

  /* One transaction a page: a page is stored whole or not at all, and the
   * cursor moves with it, so a sync cut off anywhere resumes cleanly. */
  if (!sp_store_begin (store, error))
    return FALSE;

  /* The feed is in revision order, so a case's history and investigation
   * can come before the case itself when the case changed since (a case
   * moved through the workflow on the server): the references are checked
   * when the page commits, not row by row. */
  if (!sp_store_exec (store, "PRAGMA defer_foreign_keys = ON", error))
    goto failed;

  /* The page answers a cursor the server no longer knows: nothing of it
   * is stored, and the pull starts again. */
  if (!check_server (store, page, since, &resync, error))
    goto failed;
  if (resync)
    {
      page->resync = TRUE;
      return sp_store_commit (store, error);
    }

  plain = nothing_local (store);
  if (plain && page->last_rev - since >= BULK_THRESHOLD && !sp_store_bulk_begin (store, error))
    goto failed;

  for (guint i = 0; i < page->changes->len; i++)
    if (!apply_change (store, g_ptr_array_index (page->changes, i), plain, error))
      goto failed;

  cursor_text = g_strdup_printf ("%" G_GINT64_FORMAT, page->cursor);
  if (!sp_store_set_setting (store, "sync.cursor", cursor_text, error))
    goto failed;

  resyncing = sp_store_dup_setting (store, "sync.resync");
  if (!page->more && resyncing != NULL && *resyncing != 0 && !end_resync (store, error))
    goto failed;

  if (!sp_store_commit (store, error))
    return FALSE;

  /* The last page: the indexes set aside are built over everything. */
  return page->more || sp_store_bulk_end (store, error);

failed:
  sp_store_rollback (store);
  return FALSE;
}
