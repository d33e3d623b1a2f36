/* sp-store-entity.c: saving and loading records of any entity type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQL is built from the entities' field tables, so that every column
 * name comes from the program, never from input.
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-case.h"
#include "sp-error.h"
#include "sp-store-private.h"

static gboolean
is_column (const SpField *field)
{
  return !(field->flags & SP_FIELD_COMPUTED);
}

char *
_sp_store_column_list (const SpEntityInfo *info,
                       const char         *table_alias)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < info->n_fields; i++)
    {
      if (!is_column (&info->fields[i]))
        continue;
      if (s->len > 0)
        g_string_append (s, ", ");
      if (table_alias != NULL)
        g_string_append_printf (s, "%s.", table_alias);
      g_string_append (s, info->fields[i].name);
    }

  return g_string_free (s, FALSE);
}

/* The upsert of @info's table, prepared once: looked up by the table, not
 * by its long SQL text, as a sync saves it hundreds of thousands of times. */
static sqlite3_stmt *
get_save_stmt (SpStore             *self,
               const SpEntityInfo  *info,
               GError             **error)
{
  g_autoptr(GString) sql = NULL;
  g_autofree char *columns = NULL;
  sqlite3_stmt *stmt;
  gboolean first = TRUE;

  if ((stmt = g_hash_table_lookup (self->save_stmts, info)) != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  columns = _sp_store_column_list (info, NULL);
  sql = g_string_new (NULL);
  g_string_append_printf (sql, "INSERT INTO %s (%s) VALUES (", info->table, columns);

  for (guint i = 0; i < info->n_fields; i++)
    {
      if (!is_column (&info->fields[i]))
        continue;
      g_string_append (sql, first ? "?" : ", ?");
      first = FALSE;
    }

  /* An upsert, not INSERT OR REPLACE: the row keeps its rowid, which the
   * full-text index is keyed on. */
  g_string_append (sql, ") ON CONFLICT (id) DO UPDATE SET ");
  first = TRUE;
  for (guint i = 1; i < info->n_fields; i++)
    {
      if (!is_column (&info->fields[i]))
        continue;
      g_string_append_printf (sql, "%s%s = excluded.%s", first ? "" : ", ",
                              info->fields[i].name, info->fields[i].name);
      first = FALSE;
    }

  /* Owned by the statement cache; this table only finds it faster. */
  if ((stmt = sp_store_prepare (self, sql->str, error)) != NULL)
    g_hash_table_insert (self->save_stmts, (gpointer)info, stmt);
  return stmt;
}

static void
bind_field (sqlite3_stmt  *stmt,
            int            column,
            SpEntity      *entity,
            const SpField *field)
{
  switch (field->type)
    {
    case SP_FIELD_INT:
    case SP_FIELD_BOOL:
      sqlite3_bind_int64 (stmt, column, sp_entity_get_int (entity, field));
      break;

    case SP_FIELD_STRING:
      sqlite3_bind_text (stmt, column, sp_entity_get_string (entity, field), -1, SQLITE_TRANSIENT);
      break;

    case SP_FIELD_ENUM:
      /* The names are static: nothing to copy. */
      sqlite3_bind_text (stmt, column, sp_enum_to_name (field->enum_info, (int)sp_entity_get_int (entity, field)),
                         -1, SQLITE_STATIC);
      break;

    case SP_FIELD_DATE:
    case SP_FIELD_TIMESTAMP:
    case SP_FIELD_FLAGS:
      sqlite3_bind_text (stmt, column, sp_entity_field_to_string (entity, field), -1, g_free);
      break;

    default:
      g_assert_not_reached ();
    }
}

static gint64
stored_rev (SpStore            *self,
            const SpEntityInfo *info,
            const char         *id,
            gboolean           *exists,
            GError            **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rev FROM %s WHERE id = ?", info->table);
  sqlite3_stmt *stmt = sp_store_prepare (self, sql, error);
  gint64 rev = 0;

  *exists = FALSE;
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *exists = TRUE;
      rev = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_reset (stmt);

  return rev;
}

gboolean
sp_store_save (SpStore      *self,
               SpEntity     *entity,
               SpSaveFlags   flags,
               const char   *updated_by,
               GError      **error)
{
  const SpEntityInfo *info;
  sqlite3_stmt *stmt;
  int column = 1;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SP_IS_ENTITY (entity), FALSE);

  info = sp_entity_get_info (entity);
  sp_entity_ensure_id (entity);

  if (!sp_store_begin (self, error))
    return FALSE;

  if (flags & SP_SAVE_CHECK_REV)
    {
      gboolean exists;
      gint64 rev = stored_rev (self, info, entity->id, &exists, error);

      if (rev < 0)
        goto failed;

      if (exists && rev != entity->rev)
        {
          g_set_error (error, SP_ERROR, SP_ERROR_CONFLICT,
                       _("The record was changed by someone else (revision %lld, yours %lld)"),
                       (long long)rev, (long long)entity->rev);
          goto failed;
        }
    }

  if (!(flags & SP_SAVE_KEEP_REV))
    {
      /* A replica's revisions are the server's; a local change waits in
       * the outbox instead. */
      const SpReplicaHooks *replica = g_atomic_pointer_get (&self->replica);

      if (replica != NULL)
        {
          if (!replica->capture (self, entity, error))
            goto failed;
        }
      else
        {
          gint64 rev = sp_store_next_rev (self, error);

          if (rev <= 0)
            goto failed;
          entity->rev = rev;
        }

      entity->updated_at = sp_timestamp_now ();
      g_free (entity->updated_by);
      entity->updated_by = g_strdup (updated_by);
    }

  if (!(stmt = get_save_stmt (self, info, error)))
    goto failed;

  for (guint i = 0; i < info->n_fields; i++)
    if (is_column (&info->fields[i]))
      bind_field (stmt, column++, entity, &info->fields[i]);

  if (!sp_store_step_done (self, stmt, error))
    goto failed;

  return sp_store_commit (self, error);

failed:
  sp_store_rollback (self);
  return FALSE;
}

gboolean
_sp_store_read_row (SpStore       *self,
                    sqlite3_stmt  *stmt,
                    int            first_column,
                    SpEntity      *entity,
                    SpDate         today,
                    GError       **error)
{
  const SpEntityInfo *info = sp_entity_get_info (entity);
  int column = first_column;

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];

      if (!is_column (field))
        continue;

      if (field->type == SP_FIELD_INT || field->type == SP_FIELD_BOOL)
        sp_entity_set_int (entity, field, sqlite3_column_int64 (stmt, column));
      else if (!sp_entity_field_from_string (entity, field,
                                             (const char *)sqlite3_column_text (stmt, column),
                                             error))
        {
          g_prefix_error (error, _("A stored %s cannot be read: "), info->name);
          if (error != NULL && *error != NULL)
            (*error)->code = SP_ERROR_CORRUPT;
          return FALSE;
        }

      column++;
    }

  if (SP_IS_CASE (entity))
    SP_CASE (entity)->overdue = sp_case_is_overdue (SP_CASE (entity), today);

  return TRUE;
}

/* A row that cannot be read (a date cut off by an older version, a value
 * written by hand) is reported and passed over: one bad row must not make
 * every list, page of the change feed or count that holds it fail for
 * everyone. @n_skipped counts them. */
static GPtrArray *
read_all (SpStore       *self,
          sqlite3_stmt  *stmt,
          GType          type,
          guint         *n_skipped,
          GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  SpDate today = sp_date_today ();
  int rc;

  *n_skipped = 0;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SpEntity) entity = sp_entity_new (type);
      g_autoptr(GError) local_error = NULL;

      if (!_sp_store_read_row (self, stmt, 0, entity, today, &local_error))
        {
          const char *id = (const char *)sqlite3_column_text (stmt, 0);

          g_warning ("Skipping the stored %s %s: %s", sp_entity_info_for_type (type)->name,
                     id != NULL && sp_is_uuid (id) ? id : "(no valid id)", local_error->message);
          (*n_skipped)++;
          continue;
        }
      g_ptr_array_add (records, g_steal_pointer (&entity));
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sp_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&records);
}

GPtrArray *
_sp_store_read_all (SpStore       *self,
                    sqlite3_stmt  *stmt,
                    GType          type,
                    GError       **error)
{
  guint n_skipped;

  return read_all (self, stmt, type, &n_skipped, error);
}

gpointer
sp_store_load (SpStore     *self,
               GType        type,
               const char  *id,
               GError     **error)
{
  const SpEntityInfo *info;
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt;
  guint n_skipped;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  info = sp_entity_info_for_type (type);
  columns = _sp_store_column_list (info, NULL);
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?", columns, info->table);

  if (!(stmt = sp_store_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (!(found = read_all (self, stmt, type, &n_skipped, error)))
    return NULL;

  /* Asked for by its id, the bad row is the answer: say so. */
  if (found->len == 0 && n_skipped > 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_CORRUPT, _("The stored %s %s cannot be read"),
                   info->name, id);
      return NULL;
    }

  if (found->len == 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("No %s has the id %s"), info->name, id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (found, 0));
}

GPtrArray *
sp_store_load_where (SpStore     *self,
                     GType        type,
                     const char  *column,
                     const char  *value,
                     GError     **error)
{
  const SpEntityInfo *info;
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  info = sp_entity_info_for_type (type);

  if (column != NULL && sp_entity_info_lookup (info, column) == NULL)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID, _("%s has no field %s"), info->name, column);
      return NULL;
    }

  columns = _sp_store_column_list (info, NULL);
  if (column != NULL)
    sql = g_strdup_printf ("SELECT %s FROM %s WHERE deleted = 0 AND %s IS ? ORDER BY rowid",
                           columns, info->table, column);
  else
    sql = g_strdup_printf ("SELECT %s FROM %s WHERE deleted = 0 ORDER BY rowid",
                           columns, info->table);

  if (!(stmt = sp_store_prepare (self, sql, error)))
    return NULL;

  if (column != NULL)
    sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);

  return _sp_store_read_all (self, stmt, type, error);
}

GPtrArray *
sp_store_load_changes (SpStore     *self,
                       GType        type,
                       gint64       since_rev,
                       guint        limit,
                       GError     **error)
{
  const SpEntityInfo *info;
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  info = sp_entity_info_for_type (type);
  columns = _sp_store_column_list (info, NULL);
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE rev > ? ORDER BY rev LIMIT ?",
                         columns, info->table);

  if (!(stmt = sp_store_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, since_rev);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64)limit : -1);

  return _sp_store_read_all (self, stmt, type, error);
}
