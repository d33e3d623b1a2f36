/* sp-admin.c: the admin subcommands that work on the database directly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "sp-admin.h"
#include "sp-audit.h"
#include "sp-auth.h"
#include "sp-server-config.h"
#include "sp-server-schema.h"

static const char * const commands[] = { "init", "user", "backup", "export", "import", "audit", "demo", "restore", "open311-key", "retention", NULL };

gboolean
sp_admin_is_command (const char *name)
{
  return name != NULL && g_strv_contains (commands, name);
}

/* The categories of the routines, seeded once by init. Their names are the
 * organisation's data, in the routines' own words, not interface text: an
 * administrator renames them through the API. */
static const struct { const char *code; const char *name; } default_categories[] = {
  { "treatment", "Bemötande" },
  { "quality", "Kvalitet" },
  { "information", "Information" },
  { "accessibility", "Tillgänglighet" },
  { "case_handling", "Handläggning" },
  { "staff_continuity", "Personal/kontinuitet" },
  { "premises_environment", "Lokaler och miljö" },
  { "food_meals", "Mat och måltider" },
  { "fees", "Avgifter" },
  { "other", "Övrigt" },
};

static int
fail (GError *error)
{
  g_printerr ("synpunkt-server: %s\n", error ? error->message : "failed");
  return 1;
}

static int
cmd_init (int    argc,
          char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *org_name = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *config_path = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(SpServerConfig) config = sp_server_config_new ();
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The database", "PATH" },
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &config_path, "A configuration file", "FILE" },
    { "org-name", 0, 0, G_OPTION_ARG_STRING, &org_name, "The organisation's name", "NAME" },
    { "diary-prefix", 0, 0, G_OPTION_ARG_STRING, &prefix, "The diary number prefix", "PREFIX" },
    { NULL }
  };

  context = g_option_context_new ("— create or upgrade the database");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, sp_admin_audit_options ());
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);

  if (config_path && !sp_server_config_load_file (config, config_path, &error))
    return fail (error);
  if (db)
    { g_free (config->db_path); config->db_path = g_strdup (db); }
  if (org_name)
    { g_free (config->org_name); config->org_name = g_strdup (org_name); }
  if (prefix)
    { g_free (config->diary_prefix); config->diary_prefix = g_strdup (prefix); }
  if (config->db_path == NULL)
    {
      g_printerr ("synpunkt-server init: --db PATH is required\n");
      return 2;
    }

  /* The key first: the database's first audit row is keyed with it. */
  if (!sp_admin_audit_load_key (config_path, config->db_path, TRUE, &error))
    return fail (error);
  store = sp_server_store_open (config->db_path, &error);
  if (store == NULL || !sp_server_config_apply (config, store, &error))
    return fail (error);

  categories = sp_store_load_where (store, SP_TYPE_CATEGORY, NULL, NULL, &error);
  if (categories == NULL)
    return fail (error);
  if (categories->len == 0)
    {
      if (!sp_store_begin (store, &error))
        return fail (error);
      for (guint i = 0; i < G_N_ELEMENTS (default_categories); i++)
        {
          g_autoptr(SpCategory) category = sp_category_new ();

          sp_entity_ensure_id (SP_ENTITY (category));
          category->code = g_strdup (default_categories[i].code);
          category->name = g_strdup (default_categories[i].name);
          category->position = i;
          if (!sp_store_save (store, SP_ENTITY (category), SP_SAVE_DEFAULT, NULL, &error) ||
              !sp_audit_record_write (store, NULL, "create", NULL, SP_ENTITY (category), &error))
            {
              sp_store_rollback (store);
              return fail (error);
            }
        }
      if (!sp_store_commit (store, &error))
        return fail (error);
    }

  g_clear_object (&store);
  sp_admin_audit_write_head (config->db_path);
  g_print ("Database ready: %s\n", config->db_path);
  return 0;
}

static char *
read_password_stdin (void)
{
  char buffer[SP_AUTH_MAX_PASSWORD_LENGTH + 2];
  size_t length;

  if (fgets (buffer, sizeof buffer, stdin) == NULL)
    return NULL;
  length = strlen (buffer);
  while (length > 0 && (buffer[length - 1] == '\n' || buffer[length - 1] == '\r'))
    buffer[--length] = '\0';
  return g_strdup (buffer);
}

static char *
resolve_unit (SpStore     *store,
              const char  *unit,
              GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(SpUnit) by_id = NULL;

  if (sp_is_uuid (unit) && (by_id = sp_store_load (store, SP_TYPE_UNIT, unit, NULL)) != NULL)
    return g_strdup (unit);

  found = sp_store_load_where (store, SP_TYPE_UNIT, "name", unit, error);
  if (found == NULL)
    return NULL;
  if (found->len != 1)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                   found->len ? "Several units are called “%s”: give its id" : "No unit “%s”",
                   unit);
      return NULL;
    }
  return g_strdup (SP_ENTITY (g_ptr_array_index (found, 0))->id);
}

static int
cmd_user (int    argc,
          char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *username = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *email = NULL;
  g_auto(GStrv) roles = NULL;
  gboolean password_stdin = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpUser) user = NULL;
  g_autoptr(SpUser) existing = NULL;
  g_autofree char *password = NULL;
  g_autofree char *hash = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The database", "PATH" },
    { "username", 0, 0, G_OPTION_ARG_STRING, &username, "User name", "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING_ARRAY, &roles, "A role (repeat for several)", "ROLE" },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, "The unit (id or name)", "UNIT" },
    { "display-name", 0, 0, G_OPTION_ARG_STRING, &display_name, "Full name", "NAME" },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, "E-mail address", "ADDRESS" },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &password_stdin, "Read the password from standard input", NULL },
    { NULL }
  };

  context = g_option_context_new ("add — add a user");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, sp_admin_audit_options ());
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);

  if (argc < 2 || !g_str_equal (argv[1], "add") || db == NULL || username == NULL ||
      roles == NULL || !password_stdin)
    {
      g_printerr ("Usage: synpunkt-server user add --db PATH --username U --role ROLE "
                  "[--role ROLE…] [--unit UNIT] [--display-name NAME] --password-stdin\n");
      return 2;
    }

  password = read_password_stdin ();
  if (!sp_auth_check_password (password, &error))
    return fail (error);

  user = sp_user_new ();
  sp_entity_ensure_id (SP_ENTITY (user));
  user->username = g_strdup (username);
  user->display_name = g_strdup (display_name ? display_name : username);
  user->email = g_strdup (email);
  for (guint i = 0; roles[i]; i++)
    {
      int role;

      if (!sp_enum_from_name (&sp_role_info, roles[i], &role))
        {
          g_printerr ("synpunkt-server: unknown role “%s”\n", roles[i]);
          return 2;
        }
      user->roles |= SP_ROLE_BIT (role);
    }

  if (!sp_admin_audit_load_key (NULL, db, FALSE, &error))
    return fail (error);
  store = sp_server_store_open (db, &error);
  if (store == NULL)
    return fail (error);

  if ((existing = sp_auth_find_user (store, username, NULL)) != NULL)
    {
      g_printerr ("synpunkt-server: the user name “%s” is taken\n", username);
      return 1;
    }
  if (unit && (user->unit_id = resolve_unit (store, unit, &error)) == NULL)
    return fail (error);

  hash = sp_auth_hash_password (password, &error);
  if (hash == NULL)
    return fail (error);

  if (!sp_store_begin (store, &error))
    return fail (error);
  if (!sp_server_store_end (store,
                            !sp_store_save (store, SP_ENTITY (user), SP_SAVE_DEFAULT, NULL, &error) ||
                            !sp_auth_store_password_hash (store, SP_ENTITY (user)->id, hash, &error) ||
                            !sp_audit_record_write (store, NULL, "create", NULL, SP_ENTITY (user), &error),
                            &error))
    {
      return fail (error);
    }

  g_clear_object (&store);
  sp_admin_audit_write_head (db);
  g_print ("%s\n", SP_ENTITY (user)->id);
  return 0;
}

int
_sp_admin_copy_database (const char *from,
                         const char *to,
                         gboolean    check)
{
  sqlite3 *source = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (from, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (to, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    goto out;
  sqlite3_busy_timeout (source, 10000);
  sqlite3_busy_timeout (dest, 10000);

  /* One step copies everything inside one read transaction: with WAL the
   * server keeps writing and the copy is one consistent snapshot. */
  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    rc = sqlite3_errcode (dest);
  else
    {
      do
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            g_usleep (50000);
        }
      while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
      sqlite3_backup_finish (backup);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }

  if (rc == SQLITE_OK && check)
    rc = sqlite3_exec (dest, "PRAGMA integrity_check", NULL, NULL, NULL);

out:
  sqlite3_close (source);
  sqlite3_close (dest);
  return rc;
}

static int
cmd_backup (int    argc,
            char **argv)
{
  g_autofree char *db = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int rc;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The database", "PATH" },
    { NULL }
  };

  context = g_option_context_new ("FILE — copy the database while the server runs");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, sp_admin_audit_options ());
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (db == NULL || argc != 2)
    {
      g_printerr ("Usage: synpunkt-server backup --db PATH FILE\n");
      return 2;
    }
  if (!sp_admin_audit_load_key (NULL, db, FALSE, &error))
    return fail (error);

  rc = _sp_admin_copy_database (db, argv[1], TRUE);
  if (rc != SQLITE_OK)
    {
      g_printerr ("synpunkt-server: backup failed: %s\n", sqlite3_errstr (rc));
      return 1;
    }

  /* The copy's head beside it, and the live one written out now: rows
   * cut off either after this show. */
  if (!_sp_admin_backup_heads (db, argv[1], &error))
    return fail (error);

  g_print ("Backed up %s to %s\n", db, argv[1]);
  return 0;
}

/* A demo district to try the server with: every demo user gets the
 * password read from standard input. */
static int
cmd_demo (int    argc,
          char **argv)
{
  g_autofree char *db = NULL;
  int cases = 500;
  int seed = 1;
  gboolean password_stdin = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autofree char *password = NULL;
  g_autofree char *hash = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The database", "PATH" },
    { "cases", 0, 0, G_OPTION_ARG_INT, &cases, "How many cases (default 500)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Pseudo-random seed", "N" },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &password_stdin, "Read the demo users' password from standard input", NULL },
    { NULL }
  };

  context = g_option_context_new ("— fill the database with a demo district");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, sp_admin_audit_options ());
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (db == NULL || !password_stdin || cases < 0 || cases > 10000000)
    {
      g_printerr ("Usage: synpunkt-server demo --db PATH [--cases N] [--seed N] --password-stdin\n");
      return 2;
    }

  password = read_password_stdin ();
  hash = sp_auth_hash_password (password, &error);
  if (hash == NULL)
    return fail (error);

  if (!sp_admin_audit_load_key (NULL, db, FALSE, &error))
    return fail (error);
  store = sp_server_store_open (db, &error);
  if (store == NULL || !sp_demo_populate (store, cases, seed, &error))
    return fail (error);

  users = sp_store_load_where (store, SP_TYPE_USER, NULL, NULL, &error);
  if (users == NULL || !sp_store_begin (store, &error))
    return fail (error);
  for (guint i = 0; i < users->len; i++)
    {
      SpUser *user = g_ptr_array_index (users, i);
      g_autofree char *existing = sp_auth_dup_password_hash (store, SP_ENTITY (user)->id);

      if (existing == NULL &&
          !sp_auth_store_password_hash (store, SP_ENTITY (user)->id, hash, &error))
        {
          sp_store_rollback (store);
          return fail (error);
        }
      if (existing == NULL)
        g_print ("%s (%s)\n", user->username, user->display_name ? user->display_name : "");
    }
  /* The demo district was written by the core: its records are recorded
   * in the audit log now. */
  if (!sp_audit_append (store, NULL, "demo", NULL, NULL, NULL, NULL, NULL, &error) ||
      !sp_audit_attest_all (store, &error))
    {
      sp_store_rollback (store);
      return fail (error);
    }
  if (!sp_store_commit (store, &error))
    return fail (error);

  g_clear_object (&store);
  sp_admin_audit_write_head (db);
  return 0;
}

int sp_admin_export (int argc, char **argv);
int sp_admin_import (int argc, char **argv);

int
sp_admin_run (int    argc,
              char **argv)
{
  const char *name = argv[1];
  g_autoptr(GError) error = NULL;

  if (!sp_auth_init (&error))
    return fail (error);

  /* Each subcommand parses its own options; drop the program name. */
  argv[1] = g_strconcat (argv[0], " ", name, NULL);

  if (g_str_equal (name, "init"))
    return cmd_init (argc - 1, argv + 1);
  if (g_str_equal (name, "user"))
    return cmd_user (argc - 1, argv + 1);
  if (g_str_equal (name, "backup"))
    return cmd_backup (argc - 1, argv + 1);
  if (g_str_equal (name, "audit"))
    return sp_admin_audit_verify (argc - 1, argv + 1);
  if (g_str_equal (name, "restore"))
    return sp_admin_restore (argc - 1, argv + 1);
  if (g_str_equal (name, "demo"))
    return cmd_demo (argc - 1, argv + 1);
  if (g_str_equal (name, "export"))
    return sp_admin_export (argc - 1, argv + 1);
  if (g_str_equal (name, "import"))
    return sp_admin_import (argc - 1, argv + 1);
  if (g_str_equal (name, "open311-key"))
    return sp_admin_open311_key (argc - 1, argv + 1);
  if (g_str_equal (name, "retention"))
    return sp_admin_retention (argc - 1, argv + 1);

  return 2;
}
