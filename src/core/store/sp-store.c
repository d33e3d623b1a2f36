/* sp-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-error.h"
#include "sp-schema.h"
#include "sp-store-private.h"

G_DEFINE_FINAL_TYPE (SpStore, sp_store, G_TYPE_OBJECT)

/* The open stores of each file (path → GList of SpStore, not owned), so
 * that a store made a replica tells the others of its file at once: the
 * app's own store learns it from the sync engine's. Held across the COMMIT
 * that changes a mode, and while a store reads its mode at open, so that a
 * store opening meanwhile reads the mode committed or hears of it. */
G_LOCK_DEFINE_STATIC (open_stores);
static GHashTable *open_stores;

static void
register_store (SpStore *self)
{
  GList *stores;

  if (open_stores == NULL)
    open_stores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  stores = g_hash_table_lookup (open_stores, self->path);
  g_hash_table_replace (open_stores, g_strdup (self->path), g_list_prepend (stores, self));
}

static void
unregister_store (SpStore *self)
{
  GList *stores;

  G_LOCK (open_stores);
  if (open_stores != NULL &&
      (stores = g_hash_table_lookup (open_stores, self->path)) != NULL)
    {
      stores = g_list_remove (stores, self);
      if (stores != NULL)
        g_hash_table_replace (open_stores, g_strdup (self->path), stores);
      else
        g_hash_table_remove (open_stores, self->path);
    }
  G_UNLOCK (open_stores);
}

/* With open_stores locked. */
static void
tell_other_stores (SpStore              *self,
                   const SpReplicaHooks *hooks)
{
  GList *stores = open_stores ? g_hash_table_lookup (open_stores, self->path) : NULL;

  for (GList *l = stores; l != NULL; l = l->next)
    if (l->data != self)
      g_atomic_pointer_set (&((SpStore *)l->data)->replica, hooks);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
sp_store_finalize (GObject *object)
{
  SpStore *self = SP_STORE (object);

  if (self->registered)
    unregister_store (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->save_stmts, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (sp_store_parent_class)->finalize (object);
}

static void
sp_store_class_init (SpStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_store_finalize;
}

static void
sp_store_init (SpStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->save_stmts = g_hash_table_new (NULL, NULL);
}

void
sp_store_set_error (SpStore  *self,
                    GError  **error,
                    int       rc)
{
  const char *message = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  SpErrorCode code;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = SP_ERROR_BUSY;
      break;
    case SQLITE_CONSTRAINT:
      code = SP_ERROR_CONFLICT;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = SP_ERROR_CORRUPT;
      break;
    default:
      code = SP_ERROR_STORAGE;
      break;
    }

  g_set_error (error, SP_ERROR, code, _("Database error: %s"), message);
}

void
_sp_store_set_worker_only (SpStore *self)
{
  g_return_if_fail (SP_IS_STORE (self));

  self->worker_only = TRUE;
}

static GThread *guarded_thread;

gboolean
sp_store_guard_thread (gboolean guard)
{
  gpointer before = g_atomic_pointer_exchange (&guarded_thread, guard ? g_thread_self () : NULL);

  return before != NULL;
}

void
sp_store_exempt_from_guard (SpStore *self)
{
  g_return_if_fail (SP_IS_STORE (self));

  self->guard_exempt = TRUE;
}

/* Every statement goes through sp_store_prepare or sp_store_exec, so these
 * two are where a worker's store catches the main loop using it, and where
 * the guarded thread is caught using any store. */
static inline void
check_thread (SpStore *self)
{
  if (G_UNLIKELY (self->worker_only) && g_main_context_is_owner (g_main_context_default ()))
    g_error ("The store %s belongs to a store worker, and the main loop used it", self->path);
  if (G_UNLIKELY (g_atomic_pointer_get (&guarded_thread) == g_thread_self ()) &&
      !self->guard_exempt)
    g_error ("The store %s was used on the guarded (main) thread", self->path);
}

gboolean
sp_store_exec (SpStore     *self,
               const char  *sql,
               GError     **error)
{
  int rc;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  check_thread (self);

  if ((rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL)) != SQLITE_OK)
    {
      sp_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
sp_store_prepare (SpStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);
  check_thread (self);

  if ((stmt = g_hash_table_lookup (self->statements, sql)) != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sp_store_set_error (self, error, rc);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
sp_store_begin (SpStore  *self,
                GError  **error)
{
  g_return_val_if_fail (SP_IS_STORE (self), FALSE);

  if (self->depth == 0)
    {
      if (!sp_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->rollback_only = FALSE;
      self->replica_at_begin = g_atomic_pointer_get (&self->replica);
    }

  self->depth++;
  return TRUE;
}

gboolean
sp_store_commit (SpStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (--self->depth > 0)
    return TRUE;

  if (self->rollback_only)
    {
      sp_store_exec (self, "ROLLBACK", NULL);
      g_atomic_pointer_set (&self->replica, self->replica_at_begin);
      g_set_error_literal (error, SP_ERROR, SP_ERROR_STORAGE,
                           _("The change was undone because part of it failed"));
      return FALSE;
    }

  if (self->replica == self->replica_at_begin)
    {
      if (!sp_store_exec (self, "COMMIT", error))
        {
          sp_store_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
      return TRUE;
    }

  /* The mode changed: the others hear of it while this store still holds
   * the write lock, so that none of them writes in the old mode after the
   * commit. */
  G_LOCK (open_stores);
  tell_other_stores (self, self->replica);
  if (!sp_store_exec (self, "COMMIT", error))
    {
      sp_store_exec (self, "ROLLBACK", NULL);
      g_atomic_pointer_set (&self->replica, self->replica_at_begin);
      tell_other_stores (self, self->replica_at_begin);
      G_UNLOCK (open_stores);
      return FALSE;
    }
  G_UNLOCK (open_stores);

  return TRUE;
}

void
_sp_store_set_mode (SpStore              *self,
                    const SpReplicaHooks *hooks)
{
  g_return_if_fail (self->depth > 0);

  g_atomic_pointer_set (&self->replica, hooks);
}

void
sp_store_rollback (SpStore *self)
{
  g_return_if_fail (SP_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    {
      self->rollback_only = TRUE;
      return;
    }

  sp_store_exec (self, "ROLLBACK", NULL);
  g_atomic_pointer_set (&self->replica, self->replica_at_begin);
}

gboolean
sp_store_step_done (SpStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

static int
get_user_version (SpStore *self)
{
  sqlite3_stmt *stmt = sp_store_prepare (self, "PRAGMA user_version", NULL);
  int version = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);

  if (stmt != NULL)
    sqlite3_reset (stmt);

  return version;
}

static gboolean
migrate (SpStore  *self,
         GError  **error)
{
  guint known = g_strv_length ((char **)sp_schema_migrations);
  int version = get_user_version (self);

  if (version < 0)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_CORRUPT,
                           _("The database cannot be read"));
      return FALSE;
    }

  if ((guint)version > known)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_FAILED,
                   _("The database was written by a newer version of Synpunkt (schema %d)"),
                   version);
      return FALSE;
    }

  for (guint i = version; i < known; i++)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %u", i + 1);

      if (!sp_store_begin (self, error))
        return FALSE;

      if (!sp_store_exec (self, sp_schema_migrations[i], error) ||
          !sp_store_exec (self, pragma, error))
        {
          sp_store_rollback (self);
          return FALSE;
        }

      if (!sp_store_commit (self, error))
        return FALSE;
    }

  return TRUE;
}

static void
read_mode (SpStore *self)
{
  g_autofree char *replica = sp_store_dup_setting (self, "replica");

  g_atomic_pointer_set (&self->replica,
                        g_strcmp0 (replica, "1") == 0 ? &_sp_replica_hooks : NULL);
}

SpStore *
sp_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(SpStore) self = NULL;
  gboolean memory;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (SP_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  memory = strcmp (path, ":memory:") == 0;

  if (!memory)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_set_error (error, SP_ERROR, SP_ERROR_STORAGE,
                       _("Cannot create the folder %s"), dir);
          return NULL;
        }
    }

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      sp_store_set_error (self, error, rc);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 10000);

  /* WAL lets readers (the list's worker thread, a backup) go on while a
   * writer commits; NORMAL keeps every committed transaction across a crash
   * of the process. */
  if ((!memory && !sp_store_exec (self, "PRAGMA journal_mode = WAL", error)) ||
      !sp_store_exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !sp_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !sp_store_exec (self, "PRAGMA temp_store = MEMORY", error) ||
      !sp_store_exec (self, "PRAGMA cache_size = -32000", error))
    return NULL;

  if (!migrate (self, error))
    return NULL;

  /* The mode is decided here, once; a memory database is a file of its
   * own. */
  if (memory)
    read_mode (self);
  else
    {
      G_LOCK (open_stores);
      read_mode (self);
      register_store (self);
      self->registered = TRUE;
      G_UNLOCK (open_stores);
    }

  return g_steal_pointer (&self);
}

const char *
sp_store_get_path (SpStore *self)
{
  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  return self->path;
}

sqlite3 *
sp_store_get_handle (SpStore *self)
{
  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  return self->db;
}

int
sp_store_get_schema_version (SpStore *self)
{
  g_return_val_if_fail (SP_IS_STORE (self), -1);

  return get_user_version (self);
}

gboolean
sp_store_migrate_component (SpStore            *self,
                            const char         *component,
                            const char * const *migrations,
                            GError            **error)
{
  sqlite3_stmt *stmt;
  guint known, version = 0;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (component != NULL, FALSE);
  g_return_val_if_fail (migrations != NULL, FALSE);

  known = g_strv_length ((char **)migrations);

  if (!sp_store_begin (self, error))
    return FALSE;

  if (!(stmt = sp_store_prepare (self, "SELECT version FROM schema_versions WHERE component = ?",
                                 error)))
    goto failed;

  sqlite3_bind_text (stmt, 1, component, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (version > known)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_FAILED,
                   _("The database was written by a newer version of %s (schema %u)"),
                   component, version);
      goto failed;
    }

  for (guint i = version; i < known; i++)
    if (!sp_store_exec (self, migrations[i], error))
      goto failed;

  if (!(stmt = sp_store_prepare (self,
                                 "INSERT INTO schema_versions (component, version) VALUES (?, ?) "
                                 "ON CONFLICT (component) DO UPDATE SET version = excluded.version",
                                 error)))
    goto failed;

  sqlite3_bind_text (stmt, 1, component, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, known);
  if (!sp_store_step_done (self, stmt, error))
    goto failed;

  return sp_store_commit (self, error);

failed:
  sp_store_rollback (self);
  return FALSE;
}

char *
sp_store_dup_setting (SpStore    *self,
                      const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  if (!(stmt = sp_store_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL)))
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

char *
sp_store_dup_organisation_name (SpStore *self)
{
  char *name;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  name = sp_store_dup_setting (self, "organisation.name");
  if (name != NULL && *name != '\0')
    return name;
  g_free (name);
  name = NULL;

  /* A replica has the organisation's tree, not the server's settings: the
   * administration at its top is the organisation. */
  if (!(stmt = sp_store_prepare (self,
                                 "SELECT name FROM units WHERE kind = 'administration' "
                                 "AND deleted = 0 AND name IS NOT NULL AND name <> '' "
                                 "ORDER BY parent_id IS NOT NULL, name LIMIT 1", NULL)))
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return name;
}

gboolean
sp_store_set_setting (SpStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!(stmt = sp_store_prepare (self,
                                 "INSERT INTO settings (key, value) VALUES (?, ?) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return sp_store_step_done (self, stmt, error);
}

void
sp_store_get_deadline_config (SpStore          *self,
                              SpDeadlineConfig *config)
{
  static const char * const keys[] = {
    "investigation", "city_environment", "city_environment_complex",
  };

  g_return_if_fail (SP_IS_STORE (self));

  sp_deadline_config_init_default (config);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *setting = g_strconcat ("deadline.", keys[i], NULL);
      g_autofree char *rule = sp_store_dup_setting (self, setting);
      g_autoptr(GError) error = NULL;

      if (rule != NULL && !sp_deadline_config_set (config, keys[i], rule, &error))
        g_warning ("Ignoring the setting %s: %s", setting, error->message);
    }
}

gint64
sp_store_get_last_rev (SpStore *self)
{
  g_autofree char *value = sp_store_dup_setting (self, "rev");

  return value ? g_ascii_strtoll (value, NULL, 10) : 0;
}

gint64
sp_store_next_rev (SpStore  *self,
                   GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 rev = 0;

  g_return_val_if_fail (SP_IS_STORE (self), 0);

  if (!(stmt = sp_store_prepare (self,
                                 "UPDATE settings SET value = CAST (value AS INTEGER) + 1 "
                                 "WHERE key = 'rev' RETURNING value",
                                 error)))
    return 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    rev = sqlite3_column_int64 (stmt, 0);
  else
    sp_store_set_error (self, error, sqlite3_errcode (self->db));
  sqlite3_reset (stmt);

  return rev;
}
