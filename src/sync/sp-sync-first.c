/* sp-sync-first.c: the first connection of a database made on this
 * computer alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-sync"

#include <glib/gi18n-lib.h>

#include "sp-sync-private.h"

gboolean
_sp_sync_needs_first (SpStore    *store,
                      const char *server_url)
{
  g_autofree char *server = sp_store_dup_setting (store, "sync.server");

  return g_strcmp0 (server, server_url) != 0;
}

static JsonArray *
items_of (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);
  if (JSON_NODE_HOLDS_OBJECT (node) && json_object_has_member (json_node_get_object (node), "items"))
    return json_object_get_array_member (json_node_get_object (node), "items");
  return NULL;
}

static char *
fold (const char *name)
{
  g_autofree char *normal = g_utf8_normalize (name ? name : "", -1, G_NORMALIZE_NFC);

  return g_utf8_casefold (g_strstrip (normal), -1);
}

/* server unit name (folded) → id; category code → code and name → code */
static void
index_server (JsonNode   *units,
              JsonNode   *categories,
              GHashTable *unit_by_name,
              GHashTable *unit_ids,
              GHashTable *category_by_key)
{
  JsonArray *array;

  if ((array = items_of (units)) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *o = json_array_get_object_element (array, i);
        const char *id = o ? json_object_get_string_member_with_default (o, "id", NULL) : NULL;
        const char *name = o ? json_object_get_string_member_with_default (o, "name", NULL) : NULL;

        if (id == NULL || name == NULL)
          continue;
        g_hash_table_insert (unit_by_name, fold (name), g_strdup (id));
        g_hash_table_add (unit_ids, g_strdup (id));
      }

  if ((array = items_of (categories)) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *o = json_array_get_object_element (array, i);
        const char *code = o ? json_object_get_string_member_with_default (o, "code", NULL) : NULL;
        const char *name = o ? json_object_get_string_member_with_default (o, "name", NULL) : NULL;

        if (code == NULL)
          continue;
        g_hash_table_insert (category_by_key, g_strdup (code), g_strdup (code));
        if (name != NULL)
          g_hash_table_insert (category_by_key, fold (name), g_strdup (code));
      }
}

static const char *
map_unit (const char *local_id,
          GHashTable *local_units,
          GHashTable *unit_map,
          GHashTable *unit_by_name,
          GHashTable *unit_ids)
{
  SpUnit *unit;
  const char *id;

  if (local_id == NULL || g_hash_table_contains (unit_ids, local_id))
    return local_id;
  if (unit_map != NULL && (id = g_hash_table_lookup (unit_map, local_id)) != NULL)
    return id;
  if ((unit = g_hash_table_lookup (local_units, local_id)) != NULL)
    {
      g_autofree char *key = fold (unit->name);

      return g_hash_table_lookup (unit_by_name, key);
    }
  return NULL;
}

/* The shortest way through the workflow from received to @to, with any
 * role: the transitions that bring an uploaded case to its local status. */
static GArray *
workflow_path (SpStatus to)
{
  int previous[SP_N_STATUSES];
  GArray *path = g_array_new (FALSE, FALSE, sizeof (int));
  GQueue queue = G_QUEUE_INIT;

  for (guint i = 0; i < SP_N_STATUSES; i++)
    previous[i] = -2;
  previous[SP_STATUS_RECEIVED] = -1;
  g_queue_push_tail (&queue, GINT_TO_POINTER (SP_STATUS_RECEIVED));

  while (!g_queue_is_empty (&queue))
    {
      int from = GPOINTER_TO_INT (g_queue_pop_head (&queue));

      for (int next = 0; next < SP_N_STATUSES; next++)
        if (previous[next] == -2 && sp_workflow_get_roles (from, next) != 0)
          {
            previous[next] = from;
            g_queue_push_tail (&queue, GINT_TO_POINTER (next));
          }
    }

  for (int s = to; s != SP_STATUS_RECEIVED && s >= 0 && previous[s] != -2; s = previous[s])
    g_array_prepend_val (path, s);

  return path;
}

static gboolean
queue_create (SpStore   *store,
              SpEntity  *entity,
              GError   **error)
{
  g_autoptr(JsonNode) node = sp_json_encode (entity, SP_JSON_ENCODE_DEFAULT);
  g_autofree char *json = sp_json_to_string (node, FALSE);

  return sp_store_outbox_add (store, sp_entity_get_info (entity)->name, entity->id, "", 0, json,
                              error);
}

static gboolean
queue_children (SpStore     *store,
                GType        type,
                const char  *case_id,
                GError     **error)
{
  g_autoptr(GPtrArray) children = sp_store_load_where (store, type, "case_id", case_id, error);

  if (children == NULL)
    return FALSE;

  for (guint i = 0; i < children->len; i++)
    if (!queue_create (store, children->pdata[i], error))
      return FALSE;

  return TRUE;
}

gboolean
_sp_sync_first_prepare (SpStore     *store,
                        const char  *server_url,
                        JsonNode    *units,
                        JsonNode    *categories,
                        GHashTable  *unit_map,
                        GPtrArray  **unmapped,
                        GError     **error)
{
  g_autoptr(GHashTable) unit_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) unit_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) category_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) local_units = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) missing = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) all_units = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  static const char * const reference_tables[] = {
    "DELETE FROM units", "DELETE FROM categories", "DELETE FROM providers", "DELETE FROM users",
    "DELETE FROM diary",
  };

  index_server (units, categories, unit_by_name, unit_ids, category_by_key);

  if (!(all_units = sp_store_load_where (store, SP_TYPE_UNIT, NULL, NULL, error)) ||
      !(cases = sp_store_load_where (store, SP_TYPE_CASE, NULL, NULL, error)))
    return FALSE;

  for (guint i = 0; i < all_units->len; i++)
    g_hash_table_insert (local_units, SP_ENTITY (all_units->pdata[i])->id, all_units->pdata[i]);

  /* First find every unit that cannot be matched, so that the user is
   * asked once, before anything changes. */
  for (guint i = 0; i < cases->len; i++)
    {
      SpCase *kase = cases->pdata[i];
      const char *refs[] = { kase->unit_id, kase->investigating_unit_id };

      for (guint r = 0; r < G_N_ELEMENTS (refs); r++)
        if (refs[r] != NULL &&
            map_unit (refs[r], local_units, unit_map, unit_by_name, unit_ids) == NULL &&
            g_hash_table_lookup (local_units, refs[r]) != NULL)
          g_hash_table_add (missing, (gpointer)refs[r]);
    }

  if (g_hash_table_size (missing) > 0)
    {
      GHashTableIter iter;
      gpointer key;

      *unmapped = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_iter_init (&iter, missing);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (*unmapped, g_object_ref (g_hash_table_lookup (local_units, key)));

      g_set_error (error, SP_SYNC_ERROR, SP_SYNC_ERROR_MAPPING_NEEDED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "One unit of this computer has no match on the server",
                                "%u units of this computer have no match on the server",
                                g_hash_table_size (missing)),
                   g_hash_table_size (missing));
      return FALSE;
    }

  if (!sp_store_begin (store, error))
    return FALSE;

  /* From here on, local changes are queued rather than numbered. */
  if (!sp_store_set_replica (store, TRUE, error))
    goto failed;

  for (guint i = 0; i < cases->len; i++)
    {
      SpCase *kase = cases->pdata[i];
      g_autoptr(GArray) path = workflow_path (kase->status);
      const char *unit;
      g_autofree char *category_key = NULL;
      const char *category;

      if ((unit = map_unit (kase->unit_id, local_units, unit_map, unit_by_name, unit_ids)) != NULL)
        {
          g_autofree char *id = g_strdup (unit);
          g_free (kase->unit_id);
          kase->unit_id = g_steal_pointer (&id);
        }
      if ((unit = map_unit (kase->investigating_unit_id, local_units, unit_map, unit_by_name,
                            unit_ids)) != NULL)
        {
          g_autofree char *id = g_strdup (unit);
          g_free (kase->investigating_unit_id);
          kase->investigating_unit_id = g_steal_pointer (&id);
        }
      if (kase->category != NULL &&
          ((category = g_hash_table_lookup (category_by_key, kase->category)) != NULL ||
           (category = g_hash_table_lookup (category_by_key,
                                            (category_key = fold (kase->category)))) != NULL))
        {
          g_autofree char *code = g_strdup (category);
          g_free (kase->category);
          kase->category = g_steal_pointer (&code);
        }

      /* The server numbers the diary; a local number is not carried over. */
      g_clear_pointer (&kase->diary_number, g_free);
      SP_ENTITY (kase)->rev = 0;

      if (!sp_store_save (store, SP_ENTITY (kase), SP_SAVE_KEEP_REV, NULL, error) ||
          !queue_create (store, SP_ENTITY (kase), error) ||
          !queue_children (store, SP_TYPE_INVESTIGATION, SP_ENTITY (kase)->id, error) ||
          !queue_children (store, SP_TYPE_PLANNED_ACTION, SP_ENTITY (kase)->id, error))
        goto failed;

      for (guint p = 0; p < path->len; p++)
        {
          g_autofree char *uuid = g_uuid_string_random ();
          g_autofree char *field = g_strconcat ("@transition:", uuid, NULL);
          g_autofree char *value = g_strdup_printf ("\"%s\"",
                                                    sp_enum_to_name (&sp_status_info,
                                                                     g_array_index (path, int, p)));

          if (!sp_store_outbox_add (store, "case", SP_ENTITY (kase)->id, field, 0, value, error))
            goto failed;
        }
    }

  /* The organisation's units, categories, providers and users are the
   * server's from now on; they come with the first pull. */
  for (guint i = 0; i < G_N_ELEMENTS (reference_tables); i++)
    if (!sp_store_exec (store, reference_tables[i], error))
      goto failed;

  if (!sp_store_set_setting (store, "sync.server", server_url, error) ||
      !sp_store_set_setting (store, "sync.cursor", "0", error))
    goto failed;

  return sp_store_commit (store, error);

failed:
  sp_store_rollback (store);
  return FALSE;
}
