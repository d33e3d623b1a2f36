/* sp-replica.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "synpunkt-core.h"
#include "sp-replica.h"
#include "sp-store-private.h"

typedef GType (*TypeFunc) (void);

static const TypeFunc entity_types[] = {
  sp_case_get_type, sp_case_event_get_type, sp_unit_get_type, sp_user_get_type,
  sp_provider_get_type, sp_category_get_type, sp_investigation_get_type,
  sp_planned_action_get_type, sp_letter_get_type, sp_disclosure_request_get_type,
  sp_contract_issue_get_type, sp_secrecy_marking_get_type, sp_contract_issue_case_get_type,
  sp_unit_compilation_get_type,
  sp_account_request_get_type, sp_case_link_get_type,
};

GType
sp_entity_type_nth (guint i)
{
  return i < G_N_ELEMENTS (entity_types) ? entity_types[i] () : G_TYPE_INVALID;
}

GType
sp_entity_type_from_name (const char *name)
{
  if (name == NULL)
    return G_TYPE_INVALID;

  for (guint i = 0; i < G_N_ELEMENTS (entity_types); i++)
    {
      GType type = entity_types[i] ();

      if (strcmp (sp_entity_info_for_type (type)->name, name) == 0)
        return type;
    }

  return G_TYPE_INVALID;
}

void
sp_outbox_entry_free (SpOutboxEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->entity);
  g_free (entry->record_id);
  g_free (entry->field);
  g_free (entry->value);
  g_free (entry);
}

void
sp_conflict_free (SpConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->entity);
  g_free (conflict->record_id);
  g_free (conflict->field);
  g_free (conflict->local_value);
  g_free (conflict->server_value);
  g_free (conflict);
}

gboolean
sp_store_is_replica (SpStore *self)
{
  g_return_val_if_fail (SP_IS_STORE (self), FALSE);

  return g_atomic_pointer_get (&self->replica) != NULL;
}

gboolean
sp_store_set_replica (SpStore   *self,
                      gboolean   replica,
                      GError   **error)
{
  g_return_val_if_fail (SP_IS_STORE (self), FALSE);

  /* Kept in the settings for the next open; the hooks are in place from
   * here on, and in the file's other stores from the commit on. */
  if (!sp_store_begin (self, error))
    return FALSE;

  if (!sp_store_set_setting (self, "replica", replica ? "1" : "0", error))
    {
      sp_store_rollback (self);
      return FALSE;
    }

  _sp_store_set_mode (self, replica ? &_sp_replica_hooks : NULL);
  return sp_store_commit (self, error);
}

gboolean
sp_store_outbox_add (SpStore     *self,
                     const char  *entity,
                     const char  *record_id,
                     const char  *field,
                     gint64       base_rev,
                     const char  *value,
                     GError     **error)
{
  g_autofree char *now = sp_timestamp_to_string (sp_timestamp_now ());
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);

  /* A second edit of the same field replaces the value waiting, and keeps
   * the revision the first edit was based on. It moves to the end of the
   * queue, so that the outbox stays in the order of the last changes. */
  stmt = sp_store_prepare (self,
                           "INSERT INTO outbox (entity, record_id, field, base_rev, value, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (entity, record_id, field) DO UPDATE SET "
                           "value = excluded.value, created_at = excluded.created_at",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, record_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, field ? field : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, base_rev);
  sqlite3_bind_text (stmt, 5, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);

  return sp_store_step_done (self, stmt, error);
}

static GPtrArray *
read_outbox (SpStore       *self,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_outbox_entry_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpOutboxEntry *e = g_new0 (SpOutboxEntry, 1);

      e->seq = sqlite3_column_int64 (stmt, 0);
      e->entity = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      e->record_id = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      e->field = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      e->base_rev = sqlite3_column_int64 (stmt, 4);
      e->value = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      g_ptr_array_add (entries, e);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sp_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

GPtrArray *
sp_store_outbox_list (SpStore  *self,
                      guint     limit,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  if (!(stmt = sp_store_prepare (self,
                                 "SELECT seq, entity, record_id, field, base_rev, value FROM outbox "
                                 "ORDER BY seq LIMIT ?",
                                 error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64)limit : -1);
  return read_outbox (self, stmt, error);
}

static GPtrArray *
outbox_for_record (SpStore     *self,
                   const char  *entity,
                   const char  *record_id,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = sp_store_prepare (self,
                                 "SELECT seq, entity, record_id, field, base_rev, value FROM outbox "
                                 "WHERE entity = ? AND record_id = ? ORDER BY seq",
                                 error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, record_id, -1, SQLITE_TRANSIENT);
  return read_outbox (self, stmt, error);
}

gint64
sp_store_outbox_count (SpStore *self)
{
  sqlite3_stmt *stmt;
  gint64 count = 0;

  g_return_val_if_fail (SP_IS_STORE (self), 0);

  if (!(stmt = sp_store_prepare (self, "SELECT count(*) FROM outbox", NULL)))
    return 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

gboolean
sp_store_outbox_remove (SpStore              *self,
                        const SpOutboxEntry  *entry,
                        GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  /* An entry edited again after it was sent carries a newer value: it
   * stays, to be pushed next time. */
  if (!(stmt = sp_store_prepare (self, "DELETE FROM outbox WHERE seq = ? AND value IS ?", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, entry->seq);
  sqlite3_bind_text (stmt, 2, entry->value, -1, SQLITE_TRANSIENT);
  return sp_store_step_done (self, stmt, error);
}

static char *
field_json (SpEntity      *entity,
            const SpField *field)
{
  g_autoptr(JsonNode) node = sp_json_encode_field (entity, field);

  return sp_json_to_string (node, FALSE);
}

static char *
record_json (SpEntity *entity)
{
  g_autoptr(JsonNode) node = sp_json_encode (entity, SP_JSON_ENCODE_DEFAULT);

  return sp_json_to_string (node, FALSE);
}

/* Whether a local change of @field is pushed: what the server keeps
 * (revisions, status, diary numbers, deadlines) is never patched. */
static gboolean
is_pushed_field (const SpField *field)
{
  return strcmp (field->name, "id") != 0 &&
         !(field->flags & (SP_FIELD_SERVER | SP_FIELD_COMPUTED));
}

static gboolean
capture (SpStore   *self,
         SpEntity  *entity,
         GError   **error)
{
  const SpEntityInfo *info = sp_entity_get_info (entity);
  g_autoptr(SpEntity) stored = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  gboolean created_here = FALSE;

  /* The history is the server's to write; local events are provisional
   * (revision 0) until the server's arrive. */
  if (SP_IS_CASE_EVENT (entity))
    {
      entity->rev = 0;
      return TRUE;
    }

  stored = sp_store_load (self, G_OBJECT_TYPE (entity), entity->id, NULL);
  if (stored == NULL)
    {
      g_autofree char *json = NULL;

      entity->rev = 0;
      json = record_json (entity);
      return sp_store_outbox_add (self, info->name, entity->id, "", 0, json, error);
    }

  entity->rev = stored->rev;

  /* A planned action or a contract issue's further case removed here:
   * the server is asked to remove it too (the only records a client may
   * delete). */
  if (entity->deleted && !stored->deleted &&
      (SP_IS_PLANNED_ACTION (entity) || SP_IS_CONTRACT_ISSUE_CASE (entity)))
    return sp_store_outbox_add (self, info->name, entity->id, SP_OUTBOX_DELETE, stored->rev,
                                "true", error);

  if (!(pending = outbox_for_record (self, info->name, entity->id, error)))
    return FALSE;
  for (guint i = 0; i < pending->len; i++)
    created_here |= ((SpOutboxEntry *)pending->pdata[i])->field[0] == 0;

  /* Not yet on the server: the creation waiting carries the whole record. */
  if (created_here)
    {
      g_autofree char *json = record_json (entity);

      return sp_store_outbox_add (self, info->name, entity->id, "", 0, json, error);
    }

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];
      g_autofree char *json = NULL;

      if (!is_pushed_field (field) || sp_entity_field_equal (stored, entity, field))
        continue;

      json = field_json (entity, field);
      if (!sp_store_outbox_add (self, info->name, entity->id, field->name, stored->rev, json,
                                error))
        return FALSE;
    }

  return TRUE;
}

/* A replica asks the server to make the transition; diary numbers come
 * only from the server, so a case registered here waits for its number. */
static gboolean
queue_transition (SpStore     *self,
                  const char  *case_id,
                  gint64       base_rev,
                  SpStatus     to,
                  GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *field = g_strconcat ("@transition:", uuid, NULL);
  g_autofree char *value = g_strdup_printf ("\"%s\"", sp_enum_to_name (&sp_status_info, to));

  return sp_store_outbox_add (self, "case", case_id, field, base_rev, value, error);
}

const SpReplicaHooks _sp_replica_hooks = {
  .capture = capture,
  .queue_transition = queue_transition,
};

static gboolean
delete_provisional_events (SpStore     *self,
                           const char  *case_id,
                           GError     **error)
{
  sqlite3_stmt *stmt = sp_store_prepare (self,
                                         "DELETE FROM case_events WHERE case_id = ? AND rev = 0",
                                         error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_TRANSIENT);
  return sp_store_step_done (self, stmt, error);
}

gboolean
sp_store_apply_remote (SpStore   *self,
                       SpEntity  *remote,
                       GError   **error)
{
  const SpEntityInfo *info;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(SpEntity) local = NULL;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SP_IS_ENTITY (remote), FALSE);

  info = sp_entity_get_info (remote);

  if (!sp_store_begin (self, error))
    return FALSE;

  if (SP_IS_CASE_EVENT (remote) &&
      !delete_provisional_events (self, SP_CASE_EVENT (remote)->case_id, error))
    goto failed;

  if (!(pending = outbox_for_record (self, info->name, remote->id, error)))
    goto failed;

  if (pending->len > 0)
    local = sp_store_load (self, G_OBJECT_TYPE (remote), remote->id, NULL);

  for (guint i = 0; local != NULL && i < pending->len; i++)
    {
      SpOutboxEntry *entry = pending->pdata[i];
      const SpField *field;

      if (entry->field[0] == 0)
        {
          /* The server has the record this replica created: what still
           * differs from it becomes field patches on its revision. */
          if (!sp_store_outbox_remove (self, entry, error))
            goto failed;

          for (guint j = 0; j < info->n_fields; j++)
            {
              g_autofree char *json = NULL;

              field = &info->fields[j];
              if (!is_pushed_field (field) || sp_entity_field_equal (local, remote, field))
                continue;
              json = field_json (local, field);
              if (!sp_store_outbox_add (self, info->name, remote->id, field->name, remote->rev,
                                        json, error))
                goto failed;
              sp_entity_field_copy (remote, local, field);
            }
        }
      else if ((field = sp_entity_info_lookup (info, entry->field)) != NULL)
        sp_entity_field_copy (remote, local, field);
    }

  if (!sp_store_save (self, remote, SP_SAVE_KEEP_REV, NULL, error))
    goto failed;

  return sp_store_commit (self, error);

failed:
  sp_store_rollback (self);
  return FALSE;
}

gboolean
sp_store_forget (SpStore     *self,
                 GType        type,
                 const char  *id,
                 GError     **error)
{
  const SpEntityInfo *info;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);

  info = sp_entity_info_for_type (type);
  if (!sp_store_begin (self, error))
    return FALSE;

  /* Children of a case go with it (ON DELETE CASCADE); so do its diary
   * row and anything waiting to be pushed. */
  if (type == SP_TYPE_CASE &&
      (!(stmt = sp_store_prepare (self, "DELETE FROM diary WHERE case_id = ?", error)) ||
       (sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT), !sp_store_step_done (self, stmt, error))))
    goto failed;

  if (!(stmt = sp_store_prepare (self, "DELETE FROM outbox WHERE record_id = ?", error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (!sp_store_step_done (self, stmt, error))
    goto failed;

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", info->table);
  if (!(stmt = sp_store_prepare (self, sql, error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (!sp_store_step_done (self, stmt, error))
    goto failed;

  return sp_store_commit (self, error);

failed:
  sp_store_rollback (self);
  return FALSE;
}

gboolean
sp_store_add_conflict (SpStore           *self,
                       const SpConflict  *conflict,
                       GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);

  if (!(stmt = sp_store_prepare (self,
                                 "INSERT INTO sync_conflicts "
                                 "(entity, record_id, field, local_value, server_value, server_rev) "
                                 "VALUES (?, ?, ?, ?, ?, ?) "
                                 "ON CONFLICT (entity, record_id, field) DO UPDATE SET "
                                 "local_value = excluded.local_value, "
                                 "server_value = excluded.server_value, "
                                 "server_rev = excluded.server_rev",
                                 error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, conflict->entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, conflict->record_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, conflict->field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, conflict->local_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, conflict->server_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, conflict->server_rev);

  return sp_store_step_done (self, stmt, error);
}

GPtrArray *
sp_store_list_conflicts (SpStore     *self,
                         const char  *record_id,
                         GError     **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_conflict_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  if (!(stmt = sp_store_prepare (self,
                                 "SELECT entity, record_id, field, local_value, server_value, "
                                 "server_rev FROM sync_conflicts WHERE ?1 IS NULL OR record_id = ?1 "
                                 "ORDER BY record_id, field",
                                 error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, record_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpConflict *c = g_new0 (SpConflict, 1);

      c->entity = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      c->record_id = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      c->field = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      c->local_value = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      c->server_value = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      c->server_rev = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (conflicts, c);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sp_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&conflicts);
}

gboolean
sp_store_resolve_conflict (SpStore           *self,
                           const SpConflict  *conflict,
                           const char        *chosen,
                           const SpActor     *actor,
                           GError           **error)
{
  g_autoptr(SpEntity) record = NULL;
  g_autoptr(JsonNode) value = NULL;
  const SpField *field;
  sqlite3_stmt *stmt;
  GType type;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (conflict != NULL, FALSE);
  g_return_val_if_fail (chosen != NULL, FALSE);

  /* A refused creation or transition: choosing it again queues it again;
   * anything else dismisses it. */
  if (conflict->field[0] == '@')
    {
      if (!sp_store_begin (self, error))
        return FALSE;
      if (g_strcmp0 (chosen, conflict->local_value) == 0 &&
          !sp_store_outbox_add (self, conflict->entity, conflict->record_id,
                                strcmp (conflict->field, "@create") == 0 ? "" : conflict->field,
                                0, conflict->local_value, error))
        goto failed;
      goto remove;
    }

  if ((type = sp_entity_type_from_name (conflict->entity)) == G_TYPE_INVALID ||
      (field = sp_entity_info_lookup (sp_entity_info_for_type (type), conflict->field)) == NULL)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID, _("Unknown field %s of %s"),
                   conflict->field, conflict->entity);
      return FALSE;
    }

  if (!(value = sp_json_parse (chosen, -1, SP_JSON_MAX_DEPTH, error)))
    return FALSE;

  if (!sp_store_begin (self, error))
    return FALSE;

  if (!(record = sp_store_load (self, type, conflict->record_id, error)) ||
      !sp_json_decode_field (record, field, value, error))
    goto failed;

  /* Saved as a local edit on top of the server's revision, even when the
   * choice is the server's own value: pushing it is harmless. */
  if (type == SP_TYPE_CASE)
    {
      if (!sp_store_update_case (self, SP_CASE (record), actor, FALSE, error))
        goto failed;
    }
  else if (!sp_store_save (self, record, SP_SAVE_DEFAULT, actor ? actor->user_id : NULL, error))
    goto failed;

  /* The choice goes out based on the server's revision in the conflict,
   * even if it equals what this replica shows, so that a pull arriving
   * before the push cannot overwrite it. */
  if (!(stmt = sp_store_prepare (self,
                                 "DELETE FROM outbox WHERE entity = ? AND record_id = ? AND field = ?",
                                 error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, conflict->entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, conflict->record_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, conflict->field, -1, SQLITE_TRANSIENT);
  if (!sp_store_step_done (self, stmt, error) ||
      !sp_store_outbox_add (self, conflict->entity, conflict->record_id, conflict->field,
                            conflict->server_rev, chosen, error))
    goto failed;

remove:
  if (!(stmt = sp_store_prepare (self,
                                 "DELETE FROM sync_conflicts WHERE entity = ? AND record_id = ? "
                                 "AND field = ?",
                                 error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, conflict->entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, conflict->record_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, conflict->field, -1, SQLITE_TRANSIENT);
  if (!sp_store_step_done (self, stmt, error))
    goto failed;

  return sp_store_commit (self, error);

failed:
  sp_store_rollback (self);
  return FALSE;
}
