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

  return sp_store_apply_remote (store, change->record, error);
}

gboolean
_sp_sync_apply_page (SpStore     *store,
                     SpFeedPage  *page,
                     GError     **error)
{
  g_autofree char *cursor_text = NULL;
  gboolean plain;
  gint64 since = _sp_sync_get_cursor (store);

  /* One transaction a page: a page is stored whole or not at all, and the
   * cursor moves with it, so a sync cut off anywhere resumes cleanly. */
  if (!sp_store_begin (store, error))
    return FALSE;

  plain = nothing_local (store);
  if (plain && page->last_rev - since >= BULK_THRESHOLD && !sp_store_bulk_begin (store, error))
    goto failed;

  for (guint i = 0; i < page->changes->len; i++)
    if (!apply_change (store, g_ptr_array_index (page->changes, i), plain, error))
      goto failed;

  cursor_text = g_strdup_printf ("%" G_GINT64_FORMAT, page->cursor);
  if (!sp_store_set_setting (store, "sync.cursor", cursor_text, error))
    goto failed;

  if (!sp_store_commit (store, error))
    return FALSE;

  /* The last page: the indexes set aside are built over everything. */
  return page->more || sp_store_bulk_end (store, error);

failed:
  sp_store_rollback (store);
  return FALSE;
}
