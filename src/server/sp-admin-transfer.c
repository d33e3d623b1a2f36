/* sp-admin-transfer.c: export and import of the whole database as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * {"format":"synpunkt-export","version":1,"settings":{…},
 *  "records":{"unit":[…],"user":[…],…},"credentials":[{"user_id","password_hash"}]}
 * Records keep their ids and revisions; tombstones are included.
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <stdio.h>

#include "sp-admin.h"
#include "sp-audit.h"
#include "sp-auth.h"
#include "sp-server-schema.h"

int sp_admin_export (int argc, char **argv);
int sp_admin_import (int argc, char **argv);

typedef GType (*TypeFunc) (void);

/* Parents before children, so that an import meets references in order. */
static const TypeFunc types[] = {
  sp_unit_get_type, sp_user_get_type, sp_provider_get_type, sp_category_get_type,
  sp_case_get_type, sp_case_event_get_type, sp_investigation_get_type,
  sp_planned_action_get_type, sp_letter_get_type, sp_contract_issue_get_type,
  sp_disclosure_request_get_type, sp_secrecy_marking_get_type, sp_contract_issue_case_get_type,
  sp_unit_compilation_get_type, sp_account_request_get_type, sp_case_link_get_type,
};

static int
fail (GError *error)
{
  g_printerr ("synpunkt-server: %s\n", error ? error->message : "failed");
  return 1;
}

static gboolean
parse_db_option (int    *argc,
                 char ***argv,
                 char  **db,
                 const char *usage)
{
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, db, "The database", "PATH" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, sp_admin_audit_options ());
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("synpunkt-server: %s\n", error->message);
      return FALSE;
    }
  return *db != NULL;
}

int
sp_admin_export (int    argc,
                 char **argv)
{
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  JsonObject *object, *settings, *records;
  JsonArray *credentials;
  sqlite3_stmt *stmt;

  if (!parse_db_option (&argc, &argv, &db, "[FILE] — write everything as JSON") || argc > 2)
    {
      g_printerr ("Usage: synpunkt-server export --db PATH [FILE]\n");
      return 2;
    }

  if (!sp_admin_audit_load_key (NULL, db, FALSE, &error))
    return fail (error);
  store = sp_server_store_open (db, &error);
  if (store == NULL)
    return fail (error);

  /* One read transaction: the export is one consistent moment. */
  if (!sp_store_exec (store, "BEGIN", &error))
    return fail (error);

  object = json_object_new ();
  json_object_set_string_member (object, "format", "synpunkt-export");
  json_object_set_int_member (object, "version", 1);

  settings = json_object_new ();
  stmt = sp_store_prepare (store, "SELECT key, value FROM settings ORDER BY key", &error);
  if (stmt == NULL)
    return fail (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    json_object_set_string_member (settings, (const char *) sqlite3_column_text (stmt, 0),
                                   (const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  json_object_set_object_member (object, "settings", settings);

  records = json_object_new ();
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GPtrArray) all = NULL;
      JsonArray *array = json_array_new ();

      all = sp_store_load_changes (store, types[i] (), 0, G_MAXUINT, &error);
      if (all == NULL)
        return fail (error);
      for (guint j = 0; j < all->len; j++)
        json_array_add_element (array, sp_json_encode (g_ptr_array_index (all, j),
                                                       SP_JSON_ENCODE_DEFAULT));
      json_object_set_array_member (records, sp_entity_info_for_type (types[i] ())->name, array);
    }
  json_object_set_object_member (object, "records", records);

  credentials = json_array_new ();
  stmt = sp_store_prepare (store, "SELECT user_id, password_hash FROM server_credentials ORDER BY user_id", &error);
  if (stmt == NULL)
    return fail (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      JsonObject *credential = json_object_new ();

      json_object_set_string_member (credential, "user_id", (const char *) sqlite3_column_text (stmt, 0));
      json_object_set_string_member (credential, "password_hash", (const char *) sqlite3_column_text (stmt, 1));
      json_array_add_object_element (credentials, credential);
    }
  sqlite3_reset (stmt);
  json_object_set_array_member (object, "credentials", credentials);
  sp_store_exec (store, "COMMIT", NULL);

  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, object);
  text = sp_json_to_string (root, TRUE);

  if (argc == 2 && !g_str_equal (argv[1], "-"))
    {
      if (!g_file_set_contents (argv[1], text, -1, &error))
        return fail (error);
    }
  else
    {
      fputs (text, stdout);
      fputc ('\n', stdout);
    }

  return 0;
}

int
sp_admin_import (int    argc,
                 char **argv)
{
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gsize length;
  JsonObject *object, *records, *settings;
  JsonArray *credentials;
  gint64 max_rev = 0;
  guint count = 0;
  g_autofree char *summary = NULL;
  g_autofree char *rev_text = NULL;

  if (!parse_db_option (&argc, &argv, &db, "FILE — read an export into the database") || argc != 2)
    {
      g_printerr ("Usage: synpunkt-server import --db PATH FILE\n");
      return 2;
    }

  if (!g_file_get_contents (argv[1], &text, &length, &error))
    return fail (error);
  root = sp_json_parse (text, length, SP_JSON_MAX_DEPTH, &error);
  if (root == NULL)
    return fail (error);
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (root), "format", ""),
                 "synpunkt-export") != 0)
    {
      g_printerr ("synpunkt-server: %s is not a Synpunkt export\n", argv[1]);
      return 1;
    }
  object = json_node_get_object (root);
  records = json_object_get_object_member (object, "records");
  settings = json_object_has_member (object, "settings") ? json_object_get_object_member (object, "settings") : NULL;
  credentials = json_object_has_member (object, "credentials") ? json_object_get_array_member (object, "credentials") : NULL;

  if (!sp_admin_audit_load_key (NULL, db, FALSE, &error))
    return fail (error);
  store = sp_server_store_open (db, &error);
  if (store == NULL)
    return fail (error);
  if (!sp_store_begin (store, &error))
    return fail (error);

  if (settings != NULL)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      json_object_iter_init (&iter, settings);
      while (json_object_iter_next (&iter, &key, &value))
        /* The database's id is its own, not the exported one's. */
        if (!g_str_equal (key, "rev") && !g_str_equal (key, SP_AUDIT_DATABASE_ID) &&
            JSON_NODE_HOLDS_VALUE (value) &&
            !sp_store_set_setting (store, key, json_node_get_string (value), &error))
          goto rollback;
    }

  for (guint i = 0; records != NULL && i < G_N_ELEMENTS (types); i++)
    {
      const char *name = sp_entity_info_for_type (types[i] ())->name;
      JsonArray *array;

      if (!json_object_has_member (records, name))
        continue;
      array = json_object_get_array_member (records, name);
      for (guint j = 0; array && j < json_array_get_length (array); j++)
        {
          g_autoptr(SpEntity) entity = NULL;

          entity = sp_json_decode_new (types[i] (), json_array_get_element (array, j),
                                       SP_JSON_DECODE_FULL, &error);
          if (entity == NULL)
            {
              g_prefix_error (&error, "%s %u: ", name, j + 1);
              goto rollback;
            }
          if (!sp_store_save (store, entity, SP_SAVE_KEEP_REV, entity->updated_by, &error))
            goto rollback;
          max_rev = MAX (max_rev, entity->rev);
          count++;
        }
    }

  for (guint i = 0; credentials && i < json_array_get_length (credentials); i++)
    {
      JsonObject *credential = json_array_get_object_element (credentials, i);
      const char *user_id = credential ? json_object_get_string_member_with_default (credential, "user_id", NULL) : NULL;
      const char *hash = credential ? json_object_get_string_member_with_default (credential, "password_hash", NULL) : NULL;

      if (user_id && hash && !sp_auth_store_password_hash (store, user_id, hash, &error))
        goto rollback;
    }

  /* New revisions must come after every imported one. */
  if (max_rev > sp_store_get_last_rev (store))
    {
      rev_text = g_strdup_printf ("%" G_GINT64_FORMAT, max_rev);
      if (!sp_store_set_setting (store, "rev", rev_text, &error))
        goto rollback;
    }

  summary = g_strdup_printf ("%u records", count);
  /* Imported records keep their revisions, older than the log's newest:
   * each gets its state row here. */
  if (!sp_audit_append (store, NULL, "import", NULL, NULL, NULL, NULL, summary, &error) ||
      !sp_audit_attest_all (store, &error))
    goto rollback;
  /* A failed commit has already rolled back. */
  if (!sp_store_commit (store, &error))
    return fail (error);

  g_clear_object (&store);
  sp_admin_audit_write_head (db);
  g_print ("Imported %u records into %s\n", count, db);
  return 0;

rollback:
  sp_store_rollback (store);
  return fail (error);
}
