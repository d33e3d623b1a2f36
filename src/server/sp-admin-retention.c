/* sp-admin-retention.c: retention run [--dry-run]: gallring by the
 * administrator's rules, on the database directly (a systemd timer runs it
 * nightly beside the server)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is erased gets new revisions, so the change feed carries it to
 * every replica; each case is a row in the audit log.
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include "sp-admin.h"
#include "sp-audit.h"
#include "sp-server-config.h"
#include "sp-server-schema.h"
#include "sp-server-store.h"

static int
fail (GError *error)
{
  g_printerr ("synpunkt-server: %s\n", error ? error->message : "failed");
  return 1;
}

static const char *
what (SpRetentionItem *item)
{
  if (item->contact && item->free_text)
    return "contact_details,free_text";
  return item->contact ? "contact_details" : "free_text";
}

int
sp_admin_retention (int    argc,
                    char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *config_path = NULL;
  gboolean dry_run = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpServerConfig) config = sp_server_config_new ();
  g_autoptr(GPtrArray) items = NULL;
  SpRetentionRules rules;
  gboolean failed = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The database", "PATH" },
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &config_path, "The configuration file ([registrar] rules)", "FILE" },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, "List what would be erased, erase nothing", NULL },
    { NULL }
  };

  context = g_option_context_new ("run — erase personal data of closed cases by the retention rules");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, sp_admin_audit_options ());
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (config_path && !sp_server_config_load_file (config, config_path, &error))
    return fail (error);
  if (db)
    {
      g_free (config->db_path);
      config->db_path = g_strdup (db);
    }
  if (argc != 2 || !g_str_equal (argv[1], "run") || config->db_path == NULL)
    {
      g_printerr ("Usage: synpunkt-server retention run --db PATH [--config FILE] [--dry-run]\n");
      return 2;
    }

  if (!sp_admin_audit_load_key (config_path, config->db_path, FALSE, &error))
    return fail (error);
  store = sp_server_store_open (config->db_path, &error);
  if (store == NULL || (config_path && !sp_server_config_apply (config, store, &error)))
    return fail (error);

  sp_store_get_retention_rules (store, &rules);
  if (rules.contact_years == 0 && rules.free_text_years == 0)
    {
      g_print ("No retention rules are configured ([registrar] retention_contact_years, "
               "retention_free_text_years): nothing to do\n");
      return 0;
    }

  if (!sp_store_begin (store, &error))
    return fail (error);
  items = sp_store_run_retention (store, &rules, sp_date_today (), dry_run, &error);
  failed = items == NULL;
  for (guint i = 0; !failed && i < items->len; i++)
    {
      SpRetentionItem *item = items->pdata[i];
      g_autofree char *closed = sp_date_to_string (item->closed_on);

      g_print ("%s %s %s (closed %s): %s\n", dry_run ? "would erase" : "erased",
               item->case_id, item->diary_number ? item->diary_number : "-", closed, what (item));
      if (!dry_run &&
          !sp_audit_append (store, NULL, "retention", "case", item->case_id, "retention",
                            NULL, what (item), &error))
        failed = TRUE;
    }
  if (dry_run)
    sp_store_rollback (store);
  else if (!sp_server_store_end (store, failed, &error))
    return fail (error);
  if (failed)
    return fail (error);

  g_print ("%u %s\n", items->len, dry_run ? "cases would be erased" : "cases erased");
  g_clear_object (&store);
  if (!dry_run)
    sp_admin_audit_write_head (config->db_path);
  return 0;
}
