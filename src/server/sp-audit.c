/* sp-audit.c: the append-only, MAC-chained record of every write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each row's MAC (keyed BLAKE2b; the key lives outside the database,
 * sp-audit-key.c) covers its own columns and the previous row's MAC, so
 * editing, deleting or inserting a row breaks the chain at that row, and
 * re-computing the chain needs the key. Each write also appends a "state"
 * row per record it changed, holding a hash of the record as stored, so
 * that the records themselves can be checked against the log.
 *
 * Rows written before the chain was keyed keep their unkeyed hashes; the
 * first keyed row, the "audit-keyed" marker, covers the last of them.
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <sodium.h>
#include <string.h>

#include "sp-audit.h"
#include "sp-merge.h"

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"
#define MARKER_ACTION "audit-keyed"
#define STATE_ACTION "state"
/* Records loaded at a time when the whole store is checked. */
#define PAGE 2000

enum { N_LEGACY_COLUMNS = 7, N_COLUMNS = 9 };

static guint8 audit_key[crypto_generichash_KEYBYTES];
static gboolean have_key;

void
sp_audit_set_key (const guint8 *key)
{
  memcpy (audit_key, key, sizeof audit_key);
  have_key = TRUE;
}

gboolean
sp_audit_has_key (void)
{
  return have_key;
}

void
sp_audit_write_database_id (SpStore *store,
                            GString *json)
{
  g_autofree char *id = sp_store_dup_setting (store, SP_AUDIT_DATABASE_ID);

  /* Written as it is: only ever a UUID. */
  if (id != NULL && sp_is_uuid (id))
    g_string_append_printf (json, ",\"database_id\":\"%s\"", id);
}

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

void
sp_audit_mac_parts (const char * const *parts,
                    guint               n_parts,
                    char                out[65])
{
  crypto_generichash_state state;
  guint8 digest[32];

  g_assert (have_key);
  crypto_generichash_init (&state, audit_key, sizeof audit_key, sizeof digest);
  for (guint i = 0; i < n_parts; i++)
    hash_text (&state, parts[i]);
  crypto_generichash_final (&state, digest, sizeof digest);
  sodium_bin2hex (out, 65, digest, sizeof digest);
}

/* @keyed FALSE: the unkeyed hash of the rows from before the key, over
 * their seven columns. */
static void
compute_hash (gboolean     keyed,
              const char  *prev_hash,
              gint64       seq,
              gint64       at,
              const char  *columns[N_COLUMNS],
              char         out[65])
{
  crypto_generichash_state state;
  guint8 digest[32];
  g_autofree char *seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, seq);
  g_autofree char *at_text = g_strdup_printf ("%" G_GINT64_FORMAT, at);

  if (keyed)
    crypto_generichash_init (&state, audit_key, sizeof audit_key, sizeof digest);
  else
    crypto_generichash_init (&state, NULL, 0, sizeof digest);
  hash_text (&state, prev_hash);
  hash_text (&state, seq_text);
  hash_text (&state, at_text);
  for (guint i = 0; i < (keyed ? N_COLUMNS : N_LEGACY_COLUMNS); i++)
    hash_text (&state, columns[i]);
  crypto_generichash_final (&state, digest, sizeof digest);
  sodium_bin2hex (out, 65, digest, sizeof digest);
}

/* A record as stored, field by field (not the computed ones, which
 * depend on the day), with its revision and tombstone. */
static void
state_hash (SpEntity *entity,
            char      out[65])
{
  const SpEntityInfo *info = sp_entity_get_info (entity);
  crypto_generichash_state state;
  guint8 digest[32];

  crypto_generichash_init (&state, NULL, 0, sizeof digest);
  hash_text (&state, info->name);
  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];
      g_autofree char *value = NULL;

      if (field->flags & SP_FIELD_COMPUTED)
        continue;
      value = sp_entity_field_to_string (entity, field);
      hash_text (&state, field->name);
      hash_text (&state, value);
    }
  crypto_generichash_final (&state, digest, sizeof digest);
  sodium_bin2hex (out, 65, digest, sizeof digest);
}

gboolean
sp_audit_get_last (SpStore  *store,
                   gint64   *seq,
                   char    **hash,
                   GError  **error)
{
  sqlite3_stmt *stmt;

  stmt = sp_store_prepare (store, "SELECT seq, hash FROM server_audit ORDER BY seq DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  *seq = 0;
  if (hash)
    *hash = NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *seq = sqlite3_column_int64 (stmt, 0);
      if (hash)
        *hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (hash && *hash == NULL)
    *hash = g_strdup (GENESIS_HASH);
  return TRUE;
}

static gboolean
append_row (SpStore     *store,
            const char  *actor_id,
            const char  *action,
            const char  *entity,
            const char  *entity_id,
            const char  *field,
            const char  *old_value,
            const char  *new_value,
            gint64       rev,
            const char  *state,
            GError     **error)
{
  g_autofree char *prev_hash = NULL;
  g_autofree char *rev_text = rev > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, rev) : NULL;
  const char *columns[N_COLUMNS] = { actor_id, action, entity, entity_id, field, old_value,
                                     new_value, rev_text, state };
  char hash[65];
  sqlite3_stmt *stmt;
  gint64 seq = 0;
  gint64 at = g_get_real_time ();

  if (!have_key)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_FAILED, "No audit key: nothing can be written");
      return FALSE;
    }

  if (!sp_audit_get_last (store, &seq, &prev_hash, error))
    return FALSE;
  seq++;

  compute_hash (TRUE, prev_hash, seq, at, columns, hash);

  stmt = sp_store_prepare (store,
                           "INSERT INTO server_audit (seq, at, actor_id, action, entity, entity_id,"
                           " field, old_value, new_value, rev, state_hash, prev_hash, hash)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_int64 (stmt, 2, at);
  for (guint i = 0; i < N_LEGACY_COLUMNS; i++)
    sqlite3_bind_text (stmt, 3 + i, columns[i], -1, SQLITE_TRANSIENT);
  if (rev > 0)
    sqlite3_bind_int64 (stmt, 10, rev);
  else
    sqlite3_bind_null (stmt, 10);
  sqlite3_bind_text (stmt, 11, state, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, prev_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 13, hash, -1, SQLITE_TRANSIENT);
  if (!sp_store_step_done (store, stmt, error))
    return FALSE;

  return TRUE;
}

static gboolean
append_state (SpStore     *store,
              const char  *actor_id,
              SpEntity    *entity,
              GError     **error)
{
  char state[65];

  state_hash (entity, state);
  return append_row (store, actor_id, STATE_ACTION, sp_entity_get_info (entity)->name,
                     entity->id, NULL, NULL, NULL, entity->rev, state, error);
}

/* Every record written after the newest state row gets one: whatever the
 * write touched (the case, its history event, …). */
static gboolean
attest_new (SpStore     *store,
            const char  *actor_id,
            GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 since = 0;

  stmt = sp_store_prepare (store, "SELECT COALESCE (MAX (rev), 0) FROM server_audit", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    since = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (since >= sp_store_get_last_rev (store))
    return TRUE;

  for (guint t = 0; sp_entity_type_nth (t) != G_TYPE_INVALID; t++)
    {
      g_autoptr(GPtrArray) changed = NULL;

      changed = sp_store_load_changes (store, sp_entity_type_nth (t), since, G_MAXUINT, error);
      if (changed == NULL)
        return FALSE;
      for (guint i = 0; i < changed->len; i++)
        if (!append_state (store, actor_id, g_ptr_array_index (changed, i), error))
          return FALSE;
    }

  return TRUE;
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
  return append_row (store, actor_id, action, entity, entity_id, field, old_value, new_value,
                     0, NULL, error) &&
         attest_new (store, actor_id, error);
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
      if (!append_row (store, actor_id, action, info->name, after->id,
                       field->name, old_value, new_value, 0, NULL, error))
        return FALSE;
      if (!sp_merge_set_field_rev (store, info->name, after->id, field->name, after->rev, error))
        return FALSE;
    }

  return attest_new (store, actor_id, error);
}

typedef struct
{
  gint64  seq;
  char   *hash;
  gboolean seen;
} LastState;

static void
last_state_free (LastState *last)
{
  g_free (last->hash);
  g_free (last);
}

/* "entity id" → the newest state row of each record. */
static GHashTable *
load_last_states (SpStore  *store,
                  GError  **error)
{
  g_autoptr(GHashTable) states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) last_state_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_store_prepare (store,
                           "SELECT seq, entity, entity_id, state_hash FROM server_audit"
                           " WHERE state_hash IS NOT NULL ORDER BY seq",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LastState *last = g_new0 (LastState, 1);

      last->seq = sqlite3_column_int64 (stmt, 0);
      last->hash = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_hash_table_replace (states,
                            g_strdup_printf ("%s %s", sqlite3_column_text (stmt, 1),
                                             sqlite3_column_text (stmt, 2)),
                            last);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_store_set_error (store, error, rc);
      return NULL;
    }
  return g_steal_pointer (&states);
}

/* Calls @func on every record of the store, a page at a time. */
typedef gboolean (*RecordFunc) (SpEntity *entity, gpointer user_data, GError **error);

static gboolean
foreach_record (SpStore     *store,
                RecordFunc   func,
                gpointer     user_data,
                GError     **error)
{
  for (guint t = 0; sp_entity_type_nth (t) != G_TYPE_INVALID; t++)
    {
      gint64 since = -1;

      for (;;)
        {
          g_autoptr(GPtrArray) page = NULL;

          page = sp_store_load_changes (store, sp_entity_type_nth (t), since, PAGE, error);
          if (page == NULL)
            return FALSE;
          for (guint i = 0; i < page->len; i++)
            {
              SpEntity *entity = g_ptr_array_index (page, i);

              if (!func (entity, user_data, error))
                return FALSE;
              since = MAX (since, entity->rev);
            }
          if (page->len < PAGE)
            break;
        }
    }
  return TRUE;
}

typedef struct
{
  SpStore    *store;
  GHashTable *states;
  GPtrArray  *problems;
  guint       n_records;
} Check;

static gboolean
attest_if_changed (SpEntity  *entity,
                   gpointer   user_data,
                   GError   **error)
{
  Check *check = user_data;
  g_autofree char *key = g_strdup_printf ("%s %s", sp_entity_get_info (entity)->name, entity->id);
  LastState *last = g_hash_table_lookup (check->states, key);
  char state[65];

  state_hash (entity, state);
  if (last != NULL && g_str_equal (last->hash, state))
    return TRUE;
  return append_state (check->store, NULL, entity, error);
}

gboolean
sp_audit_attest_all (SpStore  *store,
                     GError  **error)
{
  g_autoptr(GHashTable) states = load_last_states (store, error);
  Check check = { store, states, NULL, 0 };

  return states != NULL && foreach_record (store, attest_if_changed, &check, error);
}

static gboolean
has_marker (SpStore  *store,
            gboolean *found,
            GError  **error)
{
  sqlite3_stmt *stmt;

  stmt = sp_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM server_audit WHERE action = '"
                           MARKER_ACTION "')", error);
  if (stmt == NULL)
    return FALSE;
  *found = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
sp_audit_upgrade (SpStore  *store,
                  GError  **error)
{
  g_autofree char *database_id = NULL;
  gboolean found = FALSE;

  if (!have_key)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_FAILED, "No audit key: the database cannot be opened");
      return FALSE;
    }

  database_id = sp_store_dup_setting (store, SP_AUDIT_DATABASE_ID);
  if (!has_marker (store, &found, error))
    return FALSE;
  if (found && database_id != NULL)
    return TRUE;

  if (!sp_store_begin (store, error))
    return FALSE;
  if (database_id == NULL)
    {
      g_autofree char *id = g_uuid_string_random ();

      if (!sp_store_set_setting (store, SP_AUDIT_DATABASE_ID, id, error))
        goto failed;
    }
  if (!found &&
      (!append_row (store, NULL, MARKER_ACTION, NULL, NULL, NULL, NULL,
                    "the chain is keyed from this row on", 0, NULL, error) ||
       !sp_audit_attest_all (store, error)))
    goto failed;
  return sp_store_commit (store, error);

failed:
  sp_store_rollback (store);
  return FALSE;
}

void
sp_audit_report_clear (SpAuditReport *report)
{
  g_clear_pointer (&report->head, g_free);
  g_clear_pointer (&report->problems, g_ptr_array_unref);
}

static gboolean
check_record (SpEntity  *entity,
              gpointer   user_data,
              GError   **error)
{
  Check *check = user_data;
  const char *name = sp_entity_get_info (entity)->name;
  g_autofree char *key = g_strdup_printf ("%s %s", name, entity->id);
  LastState *last = g_hash_table_lookup (check->states, key);
  char state[65];

  check->n_records++;
  state_hash (entity, state);
  if (last == NULL)
    g_ptr_array_add (check->problems,
                     g_strdup_printf ("%s %s (revision %" G_GINT64_FORMAT ") has no audit row",
                                      name, entity->id, entity->rev));
  else if (!g_str_equal (last->hash, state))
    g_ptr_array_add (check->problems,
                     g_strdup_printf ("%s %s (revision %" G_GINT64_FORMAT ") differs from its audit row %"
                                      G_GINT64_FORMAT, name, entity->id, entity->rev, last->seq));
  if (last != NULL)
    last->seen = TRUE;
  return TRUE;
}

static gboolean
verify_chain (SpStore        *store,
              SpAuditReport  *report,
              GError        **error)
{
  g_autofree char *prev_hash = g_strdup (GENESIS_HASH);
  sqlite3_stmt *stmt = NULL;
  gint64 expected_seq = 1;
  gboolean keyed = FALSE;
  int rc;

  stmt = sp_store_prepare (store,
                           "SELECT seq, at, actor_id, action, entity, entity_id, field,"
                           " old_value, new_value, rev, state_hash, prev_hash, hash"
                           " FROM server_audit ORDER BY seq",
                           error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      gint64 at = sqlite3_column_int64 (stmt, 1);
      const char *columns[N_COLUMNS];
      const char *stored_prev = (const char *) sqlite3_column_text (stmt, 11);
      const char *stored_hash = (const char *) sqlite3_column_text (stmt, 12);
      char hash[65];

      for (guint i = 0; i < N_COLUMNS; i++)
        columns[i] = (const char *) sqlite3_column_text (stmt, 2 + i);
      if (!keyed && g_strcmp0 (columns[1], MARKER_ACTION) == 0)
        keyed = TRUE;

      compute_hash (keyed, prev_hash, seq, at, columns, hash);

      /* A row removed leaves a gap; a row changed no longer matches its
       * MAC; a row re-hashed no longer matches the next row's prev, and
       * without the key cannot be given a MAC that holds. */
      if (seq != expected_seq ||
          g_strcmp0 (stored_prev, prev_hash) != 0 ||
          g_strcmp0 (stored_hash, hash) != 0)
        {
          report->first_broken = seq;
          sqlite3_reset (stmt);
          g_set_error (error, SP_ERROR, SP_ERROR_CORRUPT,
                       "The audit log is broken at row %" G_GINT64_FORMAT, seq);
          return FALSE;
        }

      g_free (prev_hash);
      prev_hash = g_strdup (stored_hash);
      expected_seq = seq + 1;
      report->n_rows++;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sp_store_set_error (store, error, rc);
      return FALSE;
    }

  /* A log rewritten without the key could only be an unkeyed one. */
  if (!keyed)
    {
      report->first_broken = expected_seq;
      g_set_error (error, SP_ERROR, SP_ERROR_CORRUPT,
                   "The audit log has no keyed rows: it was rewritten, or never opened by this version");
      return FALSE;
    }

  report->head = g_steal_pointer (&prev_hash);
  return TRUE;
}

gboolean
sp_audit_verify (SpStore        *store,
                 SpAuditReport  *report,
                 GError        **error)
{
  g_autoptr(GHashTable) states = NULL;
  Check check = { store, NULL, NULL, 0 };
  GHashTableIter iter;
  gpointer key, value;

  memset (report, 0, sizeof *report);
  report->problems = g_ptr_array_new_with_free_func (g_free);

  if (!have_key)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_FAILED, "No audit key: the log cannot be verified");
      return FALSE;
    }

  if (!verify_chain (store, report, error))
    return FALSE;

  states = load_last_states (store, error);
  if (states == NULL)
    return FALSE;
  check.states = states;
  check.problems = report->problems;
  if (!foreach_record (store, check_record, &check, error))
    return FALSE;
  report->n_records = check.n_records;

  /* A state row for a record that is not there: removed outright, not
   * with a tombstone. */
  g_hash_table_iter_init (&iter, states);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!((LastState *) value)->seen)
      g_ptr_array_add (report->problems,
                       g_strdup_printf ("%s is in the audit log (row %" G_GINT64_FORMAT
                                        ") but not in the database", (const char *) key,
                                        ((LastState *) value)->seq));

  if (report->problems->len > 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_CORRUPT,
                   "%u records do not match the audit log", report->problems->len);
      return FALSE;
    }

  return TRUE;
}
