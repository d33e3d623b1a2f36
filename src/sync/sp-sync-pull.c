/* sp-sync-pull.c: storing the server's change feed in the replica
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-sync"

#include <glib/gi18n-lib.h>

#include "sp-sync-private.h"

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
apply_change (SpStore     *store,
              JsonObject  *change,
              gboolean     plain,
              GError     **error)
{
  const char *entity_name = json_object_get_string_member_with_default (change, "entity", NULL);
  const char *id = json_object_get_string_member_with_default (change, "id", NULL);
  gint64 rev = json_object_get_int_member_with_default (change, "rev", 0);
  gboolean deleted = json_object_get_boolean_member_with_default (change, "deleted", FALSE);
  gboolean visible = json_object_get_boolean_member_with_default (change, "visible", TRUE);
  JsonNode *record = json_object_get_member (change, "record");
  g_autoptr(SpEntity) entity = NULL;
  GType type = sp_entity_type_from_name (entity_name);

  if (type == G_TYPE_INVALID || !sp_is_uuid (id))
    {
      /* A kind of record this version does not know: skipped, not fatal,
       * so that a newer server does not stop an older client. */
      g_debug ("Skipping a change of unknown kind %s", entity_name ? entity_name : "(none)");
      return TRUE;
    }

  /* Out of the user's sight now (moved to another unit, say). */
  if (!visible)
    return sp_store_forget (store, type, id, error);

  if (deleted || record == NULL || JSON_NODE_HOLDS_NULL (record))
    {
      entity = sp_store_load (store, type, id, NULL);
      if (entity == NULL)
        return TRUE;
      entity->deleted = TRUE;
      entity->rev = rev;
      return sp_store_apply_remote (store, entity, error);
    }

  if (!(entity = sp_json_decode_new (type, record, SP_JSON_DECODE_FULL, error)))
    {
      g_prefix_error (error, _("The server sent a %s that cannot be read: "), entity_name);
      return FALSE;
    }

  if (plain)
    return sp_store_save (store, entity, SP_SAVE_KEEP_REV, NULL, error);

  return sp_store_apply_remote (store, entity, error);
}

gboolean
_sp_sync_apply_page (SpStore    *store,
                     JsonNode   *page,
                     gboolean   *more,
                     gint64     *cursor,
                     gint64     *last_rev,
                     GError    **error)
{
  JsonObject *object;
  JsonArray *changes;
  g_autofree char *cursor_text = NULL;
  gboolean plain;

  if (!JSON_NODE_HOLDS_OBJECT (page) ||
      !json_object_has_member (json_node_get_object (page), "changes") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (page), "changes")))
    {
      g_set_error (error, SP_SYNC_ERROR, SP_SYNC_ERROR_SERVER,
                   _("The server's change feed is not understood"));
      return FALSE;
    }

  object = json_node_get_object (page);
  changes = json_object_get_array_member (object, "changes");
  *more = json_object_get_boolean_member_with_default (object, "more", FALSE);
  *cursor = json_object_get_int_member_with_default (object, "cursor", 0);
  *last_rev = json_object_get_int_member_with_default (object, "last_rev", *cursor);

  /* One transaction a page: a page is stored whole or not at all, and the
   * cursor moves with it, so a sync cut off anywhere resumes cleanly. */
  if (!sp_store_begin (store, error))
    return FALSE;

  plain = nothing_local (store);
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);

      if (change != NULL && !apply_change (store, change, plain, error))
        goto failed;
    }

  cursor_text = g_strdup_printf ("%" G_GINT64_FORMAT, *cursor);
  if (!sp_store_set_setting (store, "sync.cursor", cursor_text, error))
    goto failed;

  return sp_store_commit (store, error);

failed:
  sp_store_rollback (store);
  return FALSE;
}
