/* sp-merge.c: field-level patches with base revisions, and their conflicts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include "sp-merge.h"

/* Fields that only the workflow and the store change, whatever the core's
 * tables say: a patch that names one is refused. */
static const char * const read_only_fields[] = {
  "status", "diary_number", "created_by", "created_at", "due_on", "overdue",
  "deadline_rule", "case_id", NULL
};

gboolean
sp_merge_set_field_rev (SpStore     *store,
                        const char  *entity,
                        const char  *entity_id,
                        const char  *field,
                        gint64       rev,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = sp_store_prepare (store,
                           "INSERT INTO server_field_revs (entity, entity_id, field, rev)"
                           " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (entity, entity_id, field)"
                           " DO UPDATE SET rev = excluded.rev",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, entity_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, rev);
  if (!sp_store_step_done (store, stmt, error))
    return FALSE;

  return TRUE;
}

gint64
sp_merge_get_field_rev (SpStore    *store,
                        const char *entity,
                        const char *entity_id,
                        const char *field)
{
  sqlite3_stmt *stmt;
  gint64 rev = 0;

  stmt = sp_store_prepare (store,
                           "SELECT rev FROM server_field_revs"
                           " WHERE entity = ?1 AND entity_id = ?2 AND field = ?3",
                           NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, entity_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    rev = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return rev;
}

SpEntity *
sp_merge_apply_patch (SpStore    *store,
                      SpEntity   *current,
                      JsonNode   *fields,
                      gint64      base_rev,
                      GPtrArray  *changed,
                      GPtrArray  *conflicts,
                      SpEntity  **client_out,
                      GError    **error)
{
  const SpEntityInfo *info = sp_entity_get_info (current);
  g_autoptr(SpEntity) client = NULL;
  g_autoptr(SpEntity) merged = NULL;
  g_autoptr(GPtrArray) fields_set = g_ptr_array_new ();

  if (fields == NULL || !JSON_NODE_HOLDS_OBJECT (fields))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "fields", "fields must be a JSON object");
      return NULL;
    }

  /* A base the record never had (newer than its current revision) would
   * make every field look unchanged since then and pass any conflict: a
   * forged number, or a replica that synced with a server since restored
   * from an older backup. */
  if (base_rev > current->rev)
    {
      sp_set_field_error (error, SP_ERROR_CONFLICT, "base_rev",
                          "base_rev %" G_GINT64_FORMAT " is newer than the record's revision %"
                          G_GINT64_FORMAT ": fetch the record again",
                          base_rev, current->rev);
      return NULL;
    }

  /* Decode into a scratch copy first: a bad member must change nothing. */
  client = sp_entity_copy (current);
  if (!sp_json_decode (client, fields, SP_JSON_DECODE_PATCH, fields_set, error))
    return NULL;

  merged = sp_entity_copy (current);

  for (guint i = 0; i < fields_set->len; i++)
    {
      const SpField *field = g_ptr_array_index (fields_set, i);
      gint64 field_rev;

      /* A contract issue's status is its life cycle, checked whole by
       * sp_store_save_contract_issue(). */
      if ((g_strv_contains (read_only_fields, field->name) &&
           !(SP_IS_CONTRACT_ISSUE (current) && g_str_equal (field->name, "status"))) ||
          (field->flags & (SP_FIELD_SERVER | SP_FIELD_COMPUTED)) != 0 ||
          g_str_equal (field->name, "id"))
        {
          g_autofree char *path = sp_field_dup_path (field);
          sp_set_field_error (error, SP_ERROR_INVALID, path,
                              "%s cannot be changed this way", path);
          return NULL;
        }

      if (sp_entity_field_equal (client, current, field))
        continue;

      field_rev = sp_merge_get_field_rev (store, info->name, current->id, field->name);
      if (field_rev > base_rev)
        {
          if (conflicts)
            g_ptr_array_add (conflicts, (gpointer) field);
          continue;
        }

      sp_entity_field_copy (merged, client, field);
      if (changed)
        g_ptr_array_add (changed, (gpointer) field);
    }

  if (client_out)
    *client_out = g_steal_pointer (&client);
  return g_steal_pointer (&merged);
}

JsonNode *
sp_merge_conflicts_to_json (SpEntity          *server,
                            SpEntity          *client,
                            GPtrArray         *conflicts,
                            SpJsonEncodeFlags  flags)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < conflicts->len; i++)
    {
      const SpField *field = g_ptr_array_index (conflicts, i);
      JsonObject *object = json_object_new ();
      gboolean hide = (flags & SP_JSON_ENCODE_REDACT_PERSONAL) && sp_field_is_personal (field);

      g_autofree char *path = sp_field_dup_path (field);

      json_object_set_string_member (object, "field", path);
      json_object_set_member (object, "server_value",
                              hide ? json_node_new (JSON_NODE_NULL) : sp_json_encode_field (server, field));
      json_object_set_member (object, "client_value", sp_json_encode_field (client, field));
      json_array_add_object_element (array, object);
    }

  json_node_take_array (node, array);
  return node;
}
