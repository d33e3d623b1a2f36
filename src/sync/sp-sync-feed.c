/* sp-sync-feed.c: reading a page of the server's change feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read straight from the text into records, in a worker thread, without a
 * JSON tree: a first sync reads half a million records.
 */

#define G_LOG_DOMAIN "synpunkt-sync"

#include <glib/gi18n-lib.h>

#include "sp-sync-private.h"

void
_sp_feed_change_free (SpFeedChange *change)
{
  if (change == NULL)
    return;
  g_free (change->id);
  g_clear_object (&change->record);
  g_free (change);
}

void
_sp_feed_page_free (SpFeedPage *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->changes, g_ptr_array_unref);
  g_free (page->database_id);
  g_free (page);
}

static gboolean
not_understood (GError **error)
{
  g_set_error (error, SP_SYNC_ERROR, SP_SYNC_ERROR_SERVER,
               _("The server's change feed is not understood"));
  return FALSE;
}

static gboolean
read_record (SpJsonReader  *reader,
             GType          type,
             const char    *entity_name,
             SpEntity     **record,
             GError       **error)
{
  g_autoptr(SpEntity) entity = NULL;

  if (sp_json_reader_peek (reader) == SP_JSON_TOKEN_NULL)
    return sp_json_reader_skip (reader, NULL, NULL, error);

  entity = sp_entity_new (type);
  if (!sp_json_read_entity (reader, entity, SP_JSON_DECODE_FULL, NULL, error))
    {
      g_prefix_error (error, _("The server sent a %s that cannot be read: "), entity_name);
      return FALSE;
    }

  *record = g_steal_pointer (&entity);
  return TRUE;
}

/* One change; NULL in @change_out for a kind of record this version does
 * not know, skipped so that a newer server does not stop an older client. */
static gboolean
read_change (SpJsonReader  *reader,
             SpFeedChange **change_out,
             GError       **error)
{
  g_autoptr(SpFeedChange) change = g_new0 (SpFeedChange, 1);
  g_autofree char *entity_name = NULL;
  const char *record_text = NULL;
  gsize record_length = 0;
  const char *name;

  change->visible = TRUE;
  change->type = G_TYPE_INVALID;

  if (!sp_json_reader_enter_object (reader, error))
    return FALSE;

  for (;;)
    {
      const char *text;
      gboolean ok;

      if (!sp_json_reader_next_member (reader, &name, error))
        return FALSE;
      if (name == NULL)
        break;

      if (g_str_equal (name, "entity"))
        {
          ok = sp_json_reader_read_string (reader, &text, error);
          if (ok && text == NULL)
            return not_understood (error);
          entity_name = g_strdup (text);
          change->type = ok ? sp_entity_type_from_name (text) : G_TYPE_INVALID;
        }
      else if (g_str_equal (name, "id"))
        {
          ok = sp_json_reader_read_string (reader, &text, error);
          change->id = g_strdup (text);
        }
      else if (g_str_equal (name, "rev"))
        ok = sp_json_reader_read_int (reader, &change->rev, error);
      else if (g_str_equal (name, "deleted"))
        ok = sp_json_reader_read_bool (reader, &change->deleted, error);
      else if (g_str_equal (name, "visible"))
        ok = sp_json_reader_read_bool (reader, &change->visible, error);
      else if (g_str_equal (name, "record") && change->type != G_TYPE_INVALID)
        ok = read_record (reader, change->type, entity_name, &change->record, error);
      else if (g_str_equal (name, "record"))
        /* Before its "entity": read once the kind is known. */
        ok = sp_json_reader_skip (reader, &record_text, &record_length, error);
      else
        ok = sp_json_reader_skip (reader, NULL, NULL, error);

      if (!ok)
        return FALSE;
    }

  if (change->type == G_TYPE_INVALID || !sp_is_uuid (change->id))
    {
      g_debug ("Skipping a change of unknown kind %s", entity_name ? entity_name : "(none)");
      *change_out = NULL;
      return TRUE;
    }

  if (record_text != NULL && change->record == NULL)
    {
      SpJsonReader inner;
      gboolean ok;

      sp_json_reader_init (&inner, record_text, record_length, SP_JSON_MAX_DEPTH);
      ok = read_record (&inner, change->type, entity_name, &change->record, error) &&
           sp_json_reader_end (&inner, error);
      sp_json_reader_clear (&inner);
      if (!ok)
        return FALSE;
    }

  /* A record filed under another's id would overwrite the wrong one. */
  if (change->record != NULL && g_strcmp0 (change->record->id, change->id) != 0)
    return not_understood (error);

  *change_out = g_steal_pointer (&change);
  return TRUE;
}

static gboolean
read_changes (SpJsonReader  *reader,
              GPtrArray     *changes,
              GError       **error)
{
  gboolean more;

  if (sp_json_reader_peek (reader) != SP_JSON_TOKEN_ARRAY)
    return not_understood (error);

  if (!sp_json_reader_enter_array (reader, error))
    return FALSE;

  for (;;)
    {
      SpFeedChange *change = NULL;

      if (!sp_json_reader_next_element (reader, &more, error))
        return FALSE;
      if (!more)
        return TRUE;
      if (sp_json_reader_peek (reader) != SP_JSON_TOKEN_OBJECT)
        return not_understood (error);
      if (!read_change (reader, &change, error))
        return FALSE;
      if (change != NULL)
        g_ptr_array_add (changes, change);
    }
}

gboolean
_sp_sync_peek_page_head (const char *data,
                         gsize       length,
                         gint64     *cursor,
                         gboolean   *more)
{
  SpJsonReader reader;
  gboolean has_cursor = FALSE, has_more = FALSE;
  gboolean ok;
  const char *name;

  sp_json_reader_init (&reader, data, length, SP_JSON_MAX_DEPTH);
  ok = sp_json_reader_enter_object (&reader, NULL);
  while (ok && !(has_cursor && has_more) &&
         (ok = sp_json_reader_next_member (&reader, &name, NULL)) && name != NULL &&
         !g_str_equal (name, "changes"))
    {
      if (g_str_equal (name, "cursor"))
        ok = has_cursor = sp_json_reader_read_int (&reader, cursor, NULL);
      else if (g_str_equal (name, "more"))
        ok = has_more = sp_json_reader_read_bool (&reader, more, NULL);
      else
        ok = sp_json_reader_skip (&reader, NULL, NULL, NULL);
    }
  sp_json_reader_clear (&reader);

  return ok && has_cursor && has_more;
}

SpFeedPage *
_sp_sync_read_page (const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(SpFeedPage) page = g_new0 (SpFeedPage, 1);
  SpJsonReader reader;
  gboolean has_changes = FALSE, has_cursor = FALSE, has_last_rev = FALSE;
  gboolean ok;
  const char *name;

  page->changes = g_ptr_array_new_with_free_func ((GDestroyNotify)_sp_feed_change_free);
  sp_json_reader_init (&reader, data, length, SP_JSON_MAX_DEPTH);

  ok = sp_json_reader_peek (&reader) == SP_JSON_TOKEN_OBJECT || not_understood (error);
  ok = ok && sp_json_reader_enter_object (&reader, error);
  while (ok && (ok = sp_json_reader_next_member (&reader, &name, error)) && name != NULL)
    {
      if (g_str_equal (name, "changes"))
        ok = has_changes = read_changes (&reader, page->changes, error);
      else if (g_str_equal (name, "cursor"))
        ok = has_cursor = sp_json_reader_read_int (&reader, &page->cursor, error);
      else if (g_str_equal (name, "more"))
        ok = sp_json_reader_read_bool (&reader, &page->more, error);
      else if (g_str_equal (name, "last_rev"))
        ok = has_last_rev = sp_json_reader_read_int (&reader, &page->last_rev, error);
      else if (g_str_equal (name, "database_id"))
        {
          const char *id = NULL;

          ok = sp_json_reader_read_string (&reader, &id, error);
          if (ok)
            {
              g_free (page->database_id);
              page->database_id = g_strdup (id);
            }
        }
      else
        ok = sp_json_reader_skip (&reader, NULL, NULL, error);
    }
  ok = ok && sp_json_reader_end (&reader, error);
  sp_json_reader_clear (&reader);

  if (!ok)
    {
      /* The reader's own words say what is wrong with the text. */
      if (error != NULL && *error != NULL && (*error)->domain != SP_SYNC_ERROR)
        g_prefix_error (error, "%s: ", _("The server's change feed is not understood"));
      return NULL;
    }

  if (!has_changes || !has_cursor)
    {
      not_understood (error);
      return NULL;
    }

  if (!has_last_rev)
    page->last_rev = page->cursor;

  return g_steal_pointer (&page);
}
