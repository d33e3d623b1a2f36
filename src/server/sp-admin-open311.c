/* sp-admin-open311.c: `synpunkt-server open311-key add|list|revoke`: the
 * api_key of each Open311 client application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The key is printed once, when it is made; the database keeps only a
 * hash of it.
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <sodium.h>
#include <string.h>

#include "sp-admin.h"
#include "sp-server-schema.h"
#include "sp-server-store.h"

char *
sp_admin_open311_hash_key (const char *key)
{
  guchar hash[crypto_generichash_BYTES];
  char hex[crypto_generichash_BYTES * 2 + 1];

  crypto_generichash (hash, sizeof hash, (const guchar *) key, strlen (key), NULL, 0);
  sodium_bin2hex (hex, sizeof hex, hash, sizeof hash);
  return g_strdup (hex);
}

static int
usage (void)
{
  g_printerr ("Usage: synpunkt-server open311-key add --db PATH --name CLIENT\n"
              "       synpunkt-server open311-key list --db PATH\n"
              "       synpunkt-server open311-key revoke --db PATH --name CLIENT\n");
  return 2;
}

int
sp_admin_open311_key (int    argc,
                      char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  const char *verb;
  GOptionEntry entries[] = {
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db, "The database", "PATH" },
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name, "The client application's name", "CLIENT" },
    { NULL }
  };

  context = g_option_context_new ("add|list|revoke — the api_keys of Open311 clients");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("synpunkt-server: %s\n", error->message);
      return 2;
    }
  if (argc != 2 || db == NULL)
    return usage ();
  verb = argv[1];

  if (!sp_admin_audit_load_key (NULL, db, FALSE, &error))
    goto fail;
  store = sp_server_store_open (db, &error);
  if (store == NULL)
    goto fail;

  if (g_str_equal (verb, "add") && name != NULL && *name != '\0' && g_utf8_validate (name, -1, NULL))
    {
      guchar raw[24];
      char key[sizeof raw * 2 + 1];
      g_autofree char *hash = NULL;
      g_autofree char *id = g_uuid_string_random ();

      randombytes_buf (raw, sizeof raw);
      sodium_bin2hex (key, sizeof key, raw, sizeof raw);
      hash = sp_admin_open311_hash_key (key);
      if (!sp_server_store_add_open311_client (store, id, name, hash, &error))
        goto fail;
      g_print ("%s\n", key);
      return 0;
    }
  if (g_str_equal (verb, "list"))
    {
      g_autoptr(GString) out = g_string_new (NULL);

      if (!sp_server_store_list_open311_clients (store, out, &error))
        goto fail;
      g_print ("%s", out->str);
      return 0;
    }
  if (g_str_equal (verb, "revoke") && name != NULL)
    {
      gboolean found = FALSE;

      if (!sp_server_store_revoke_open311_client (store, name, &found, &error))
        goto fail;
      if (!found)
        {
          g_printerr ("synpunkt-server: no active client “%s”\n", name);
          return 1;
        }
      return 0;
    }
  return usage ();

fail:
  g_printerr ("synpunkt-server: %s\n", error ? error->message : "failed");
  return 1;
}
