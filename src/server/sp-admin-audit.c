/* sp-admin-audit.c: the audit key and head for the admin subcommands;
 * `audit verify` and `restore`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "sp-admin.h"
#include "sp-audit.h"
#include "sp-audit-key.h"
#include "sp-server-config.h"
#include "sp-server-schema.h"

/* The one set of options a run parses: one subcommand a process. */
static char *opt_audit_key;
static char *opt_audit_head;
static char *key_config_path;

GOptionGroup *
sp_admin_audit_options (void)
{
  static const GOptionEntry entries[] = {
    { "audit-key", 0, 0, G_OPTION_ARG_FILENAME, &opt_audit_key,
      "The audit log's key (default: audit.key beside the configuration file or the database)", "FILE" },
    { "audit-head", 0, 0, G_OPTION_ARG_FILENAME, &opt_audit_head,
      "The audit log's head file (default: the database's path with .audit-head)", "FILE" },
    { NULL }
  };
  GOptionGroup *group = g_option_group_new ("audit", "The audit log's key and head",
                                            "Show the audit key and head options", NULL, NULL);

  g_option_group_add_entries (group, entries);
  return group;
}

static SpServerConfig *
audit_config (const char *config_path,
              const char *db)
{
  SpServerConfig *config = sp_server_config_new ();

  /* A configuration file that does not load has been reported by the
   * command; here it only names the files. */
  if (config_path != NULL)
    sp_server_config_load_file (config, config_path, NULL);
  g_free (config->db_path);
  config->db_path = g_strdup (db);
  if (opt_audit_key)
    {
      g_free (config->audit_key);
      config->audit_key = g_strdup (opt_audit_key);
    }
  if (opt_audit_head)
    {
      g_free (config->audit_head);
      config->audit_head = g_strdup (opt_audit_head);
    }
  return config;
}

gboolean
sp_admin_audit_load_key (const char  *config_path,
                         const char  *db,
                         gboolean     create,
                         GError     **error)
{
  g_autoptr(SpServerConfig) config = audit_config (config_path, db);
  g_autofree char *path = sp_server_config_dup_audit_key (config);
  gboolean existed = g_file_test (path, G_FILE_TEST_EXISTS);

  g_free (key_config_path);
  key_config_path = g_strdup (config_path);

  if (create && !sp_audit_key_create (path, error))
    return FALSE;
  if (create && !existed)
    g_print ("Audit key created: %s (keep it, and a copy apart from the backups)\n", path);
  return sp_audit_key_load (path, error);
}

static char *
head_path (const char *db)
{
  g_autoptr(SpServerConfig) config = audit_config (key_config_path, db);

  return sp_server_config_dup_audit_head (config);
}

static gboolean
write_head (SpStore     *store,
            const char  *path,
            GError     **error)
{
  gint64 rows = 0;

  if (!sp_audit_head_write (store, path, &rows, error))
    return FALSE;
  return TRUE;
}

void
sp_admin_audit_write_head (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (db, &error);
  g_autofree char *path = head_path (db);

  if (store == NULL || !write_head (store, path, &error))
    g_printerr ("synpunkt-server: warning: %s\n", error->message);
}

/* The head of a copy, for a backup: FILE.audit-head beside it. */
static gboolean
write_copy_head (const char  *copy,
                 GError     **error)
{
  g_autoptr(SpStore) store = sp_store_open (copy, error);
  g_autofree char *path = sp_audit_head_default_path (copy);

  return store != NULL && write_head (store, path, error);
}

gboolean
_sp_admin_backup_heads (const char  *db,
                        const char  *copy,
                        GError     **error)
{
  if (!write_copy_head (copy, error))
    return FALSE;
  sp_admin_audit_write_head (db);
  return TRUE;
}

int
sp_admin_audit_verify (int    argc,
                       char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) head_error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpAuditHead) head = NULL;
  SpAuditReport report = { 0 };
  gboolean ok;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The database", "PATH" },
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &config_path, "The server's configuration file", "FILE" },
    { NULL }
  };

  context = g_option_context_new ("verify — check the audit log and the records against it");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, sp_admin_audit_options ());
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("synpunkt-server: %s\n", error->message);
      return 2;
    }
  if (db == NULL || argc != 2 || !g_str_equal (argv[1], "verify"))
    {
      g_printerr ("Usage: synpunkt-server audit verify --db PATH [--audit-key FILE] [--audit-head FILE]\n");
      return 2;
    }
  if (!g_file_test (db, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("synpunkt-server: no database %s\n", db);
      return 1;
    }
  if (!sp_admin_audit_load_key (config_path, db, FALSE, &error))
    {
      g_printerr ("synpunkt-server: %s\n", error->message);
      return 1;
    }

  store = sp_store_open (db, &error);
  /* One read transaction: the log and the records at one moment, while
   * the server keeps writing. */
  if (store == NULL || !sp_store_exec (store, "BEGIN", &error))
    {
      g_printerr ("synpunkt-server: %s\n", error->message);
      return 1;
    }

  ok = sp_audit_verify (store, &report, &error);
  path = head_path (db);
  if (report.first_broken == 0)
    {
      head = sp_audit_head_read (path, &head_error);
      if (head != NULL)
        sp_audit_head_check (store, head, &head_error);
    }
  sp_store_exec (store, "ROLLBACK", NULL);

  if (!ok && report.first_broken > 0)
    {
      g_print ("BROKEN at row %" G_GINT64_FORMAT " (%" G_GINT64_FORMAT " rows before it are intact)\n",
               report.first_broken, report.n_rows);
      sp_audit_report_clear (&report);
      return 1;
    }
  if (head_error != NULL)
    {
      if (g_error_matches (head_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_print ("BROKEN: the head file %s is missing: rows cut off the end could not be told\n", path);
      else
        g_print ("BROKEN: %s\n", head_error->message);
    }
  if (!ok && report.problems != NULL && report.problems->len > 0)
    {
      g_print ("BROKEN: records that do not match the audit log: %u\n", report.problems->len);
      for (guint i = 0; i < report.problems->len && i < 50; i++)
        g_print ("  %s\n", (const char *) g_ptr_array_index (report.problems, i));
      if (report.problems->len > 50)
        g_print ("  …\n");
      sp_audit_report_clear (&report);
      return 1;
    }
  if (!ok)
    {
      g_printerr ("synpunkt-server: %s\n", error->message);
      sp_audit_report_clear (&report);
      return 1;
    }
  if (head_error != NULL)
    {
      sp_audit_report_clear (&report);
      return 1;
    }

  g_print ("OK: %" G_GINT64_FORMAT " rows, the chain is intact and holds the head written at %s "
           "(%" G_GINT64_FORMAT " rows); %u records match it; head %s\n",
           report.n_rows, head->written_at ? head->written_at : "?", head->rows,
           report.n_records, report.head);
  sp_audit_report_clear (&report);
  return 0;
}

/* Puts a backup in place of the database (the server stopped): the copy
 * gets a new database id, so that replicas and the head file can tell it
 * from the database it was copied from, and a "restore" row. */
int
sp_admin_restore (int    argc,
                  char **argv)
{
  g_autofree char *db = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autofree char *old_id = NULL;
  g_autofree char *new_id = g_uuid_string_random ();
  g_autofree char *summary = NULL;
  int rc;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The database to replace", "PATH" },
    { NULL }
  };

  context = g_option_context_new ("FILE — put a backup in place of the database (stop the server first)");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, sp_admin_audit_options ());
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("synpunkt-server: %s\n", error->message);
      return 2;
    }
  if (db == NULL || argc != 2)
    {
      g_printerr ("Usage: synpunkt-server restore --db PATH [--audit-key FILE] FILE\n");
      return 2;
    }
  if (!sp_admin_audit_load_key (NULL, db, FALSE, &error))
    {
      g_printerr ("synpunkt-server: %s\n", error->message);
      return 1;
    }

  rc = _sp_admin_copy_database (argv[1], db, FALSE);
  if (rc != SQLITE_OK)
    {
      g_printerr ("synpunkt-server: restore failed: %s\n", sqlite3_errstr (rc));
      return 1;
    }

  store = sp_server_store_open (db, &error);
  if (store == NULL)
    {
      g_printerr ("synpunkt-server: %s\n", error->message);
      return 1;
    }
  old_id = sp_store_dup_setting (store, SP_AUDIT_DATABASE_ID);
  summary = g_strdup_printf ("restored from %s", argv[1]);
  if (!sp_store_begin (store, &error) ||
      !sp_server_store_end (store,
                            !sp_store_set_setting (store, SP_AUDIT_DATABASE_ID, new_id, &error) ||
                            !sp_audit_append (store, NULL, "restore", "setting", NULL,
                                              SP_AUDIT_DATABASE_ID, old_id, new_id, &error) ||
                            !sp_audit_append (store, NULL, "restore", NULL, NULL, NULL, NULL,
                                              summary, &error),
                            &error))
    {
      g_printerr ("synpunkt-server: %s\n", error->message);
      return 1;
    }
  g_clear_object (&store);
  sp_admin_audit_write_head (db);

  g_print ("Restored %s from %s; the database's id is now %s\n", db, argv[1], new_id);
  return 0;
}
