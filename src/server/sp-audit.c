/* sp-audit.c: the append-only, hash-chained record of every write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each row's hash covers its own columns and the previous row's hash, so
 * editing, deleting or inserting a row behind the server's back breaks the
 * chain at that row.
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <sodium.h>
#include <string.h>

#include "sp-audit.h"
#include "sp-merge.h"

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

static void
hash_text (crypto_generichash_state *state,
           const char               *text)
{
  guint8 prefix[9];
  guint64 length = text ? strlen (text) : 0;

  /* A length prefix (and a marker for NULL) keeps "ab"+"c" apart from
   * "a"+"bc" and NULL apart from "". */
  prefix[0] = text ? 1 : 0;
  for (guint i = 0; i < 8; i++)
    prefix[1 + i] = (length >> (8 * i)) & 0xff;
  crypto_generichash_update (state, prefix, sizeof prefix);
  if (text)
    crypto_generichash_update (state, (const guint8 *) text, length);
}

static void
compute_hash (const char *prev_hash,
              gint64      seq,
              gint64      at,
              const char *columns[7],
              char        out[65])
{
  crypto_generichash_state state;
  guint8 digest[32];
  g_autofree char *seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, seq);
  g_autofree char *at_text = g_strdup_printf ("%" G_GINT64_FORMAT, at);

  crypto_generichash_init (&state, NULL, 0, sizeof digest);
  hash_text (&state, prev_hash);
  hash_text (&state, seq_text);
  hash_text (&state, at_text);
  for (guint i = 0; i < 7; i++)
    hash_text (&state, columns[i]);
  crypto_generichash_final (&state, digest, sizeof digest);
  sodium_bin2hex (out, 65, digest, sizeof digest);
}

gboolean
sp_audit_append (SpStore     *store,
                 const char  *actor_id,
                 const char  *action,
                 const char  *entity,
                 const char  *entity_id,
                 const char  *field,
                 const char  *old_value,
                 const char  *new_value,
                 GError     **error)
{
  g_autofree char *prev_hash = NULL;
  const char *columns[7] = { actor_id, action, entity, entity_id, field, old_value, new_value };
  char hash[65];
  sqlite3_stmt *stmt;
  gint64 seq = 1;
  gint64 at = g_get_real_time ();
  int rc;

  stmt = sp_store_prepare (store, "SELECT seq, hash FROM server_audit ORDER BY seq DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      seq = sqlite3_column_int64 (stmt, 0) + 1;
      prev_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (prev_hash == NULL)
    prev_hash = g_strdup (GENESIS_HASH);

  compute_hash (prev_hash, seq, at, columns, hash);

  stmt = sp_store_prepare (store,
                           "INSERT INTO server_audit (seq, at, actor_id, action, entity, entity_id,"
                           " field, old_value, new_value, prev_hash, hash)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_int64 (stmt, 2, at);
  for (guint i = 0; i < 7; i++)
    sqlite3_bind_text (stmt, 3 + i, columns[i], -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, prev_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, hash, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_store_set_error (store, error, rc);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_bookkeeping (const SpField *field)
{
  return g_str_equal (field->name, "rev") ||
         g_str_equal (field->name, "updated_at") ||
         g_str_equal (field->name, "updated_by") ||
         (field->flags & SP_FIELD_COMPUTED) != 0;
}

gboolean
sp_audit_record_write (SpStore    *store,
                       const char *actor_id,
                       const char *action,
                       SpEntity   *before,
                       SpEntity   *after,
                       GError    **error)
{
  const SpEntityInfo *info = sp_entity_get_info (after);

  if (before == NULL)
    {
      g_autoptr(JsonNode) node = sp_json_encode (after, SP_JSON_ENCODE_DEFAULT);
      g_autofree char *json = sp_json_to_string (node, FALSE);

      return sp_audit_append (store, actor_id, action, info->name, after->id,
                              NULL, NULL, json, error);
    }

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;

      if (is_bookkeeping (field) || sp_entity_field_equal (before, after, field))
        continue;

      old_value = sp_entity_field_to_string (before, field);
      new_value = sp_entity_field_to_string (after, field);
      if (!sp_audit_append (store, actor_id, action, info->name, after->id,
                            field->name, old_value, new_value, error))
        return FALSE;
      if (!sp_merge_set_field_rev (store, info->name, after->id, field->name, after->rev, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
sp_audit_verify (sqlite3  *db,
                 gint64   *n_rows,
                 gint64   *first_broken,
                 char    **head,
                 GError  **error)
{
  g_autofree char *prev_hash = g_strdup (GENESIS_HASH);
  sqlite3_stmt *stmt = NULL;
  gint64 expected_seq = 1;
  gint64 count = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT seq, at, actor_id, action, entity, entity_id, field,"
                           " old_value, new_value, prev_hash, hash FROM server_audit ORDER BY seq",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_STORAGE, "Cannot read the audit log: %s",
                   sqlite3_errmsg (db));
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      gint64 at = sqlite3_column_int64 (stmt, 1);
      const char *columns[7];
      const char *stored_prev = (const char *) sqlite3_column_text (stmt, 9);
      const char *stored_hash = (const char *) sqlite3_column_text (stmt, 10);
      char hash[65];

      for (guint i = 0; i < 7; i++)
        columns[i] = (const char *) sqlite3_column_text (stmt, 2 + i);

      compute_hash (prev_hash, seq, at, columns, hash);

      /* A row removed leaves a gap; a row changed no longer matches its
       * hash; a row re-hashed no longer matches the next row's prev. */
      if (seq != expected_seq ||
          g_strcmp0 (stored_prev, prev_hash) != 0 ||
          g_strcmp0 (stored_hash, hash) != 0)
        {
          if (first_broken)
            *first_broken = seq;
          if (n_rows)
            *n_rows = count;
          g_set_error (error, SP_ERROR, SP_ERROR_CORRUPT,
                       "The audit log is broken at row %" G_GINT64_FORMAT, seq);
          sqlite3_finalize (stmt);
          return FALSE;
        }

      g_free (prev_hash);
      prev_hash = g_strdup (stored_hash);
      expected_seq = seq + 1;
      count++;
    }

  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_STORAGE, "Cannot read the audit log: %s",
                   sqlite3_errmsg (db));
      return FALSE;
    }

  if (n_rows)
    *n_rows = count;
  if (first_broken)
    *first_broken = 0;
  if (head)
    *head = g_steal_pointer (&prev_hash);
  return TRUE;
}
