/* sp-sync-owner.c: a replica belongs to one account on one server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The replica records whose it is ("sync.server", "sync.account": the
 * user's id there). Another account, or another server, never sees it:
 * the replica is emptied first. Changes still waiting in its outbox are
 * not lost: they are kept aside in a file beside the database, named for
 * their account, and queued again when that account signs in again.
 */

#define G_LOG_DOMAIN "synpunkt-sync"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sp-sync-private.h"

#define SERVER_KEY  "sync.server"
#define ACCOUNT_KEY "sync.account"

void
_sp_sync_claim_clear (SpSyncClaim *claim)
{
  g_clear_pointer (&claim->kept_path, g_free);
  claim->reset = FALSE;
  claim->kept_aside = 0;
  claim->taken_back = 0;
}

static char *
dup_unsent_dir (SpStore *store)
{
  g_autofree char *dir = g_path_get_dirname (sp_store_get_path (store));

  return g_build_filename (dir, "unsent", NULL);
}

/* Files of one account start with the same name. */
static char *
dup_account_key (const char *server_url,
                 const char *user_id)
{
  g_autofree char *text = g_strdup_printf ("%s\n%s", server_url ? server_url : "",
                                           user_id ? user_id : "");
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  return g_strndup (hash, 16);
}

static gboolean
keep_aside (SpStore      *store,
            const char   *server_url,
            const char   *user_id,
            SpSyncClaim  *claim,
            GError      **error)
{
  g_autoptr(GPtrArray) entries = sp_store_outbox_list (store, 0, error);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *kept_at = g_date_time_format_iso8601 (now);

  if (entries == NULL)
    return FALSE;
  if (entries->len == 0)
    return TRUE;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "server");
  json_builder_add_string_value (builder, server_url ? server_url : "");
  json_builder_set_member_name (builder, "account");
  json_builder_add_string_value (builder, user_id ? user_id : "");
  json_builder_set_member_name (builder, "kept_at");
  json_builder_add_string_value (builder, kept_at);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      SpOutboxEntry *entry = entries->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "entity");
      json_builder_add_string_value (builder, entry->entity);
      json_builder_set_member_name (builder, "record_id");
      json_builder_add_string_value (builder, entry->record_id);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, entry->field);
      json_builder_set_member_name (builder, "base_rev");
      json_builder_add_int_value (builder, entry->base_rev);
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, entry->value);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);

  dir = dup_unsent_dir (store);
  key = dup_account_key (server_url, user_id);
  name = g_strdup_printf ("%s-%" G_GINT64_FORMAT ".json", key, g_get_real_time ());
  path = g_build_filename (dir, name, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not keep the unsent changes in %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  /* Written whole or not at all, readable by this user only: it holds
   * what was written about senders. */
  if (!g_file_set_contents_full (path, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;

  claim->kept_aside = entries->len;
  g_free (claim->kept_path);
  claim->kept_path = g_steal_pointer (&path);
  return TRUE;
}

static gboolean
outbox_has (SpStore    *store,
            const char *entity,
            const char *record_id,
            const char *field)
{
  sqlite3_stmt *stmt = sp_store_prepare (store,
                                         "SELECT 1 FROM outbox WHERE entity = ? AND record_id = ?"
                                         " AND field = ?", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, record_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* Queues the changes of one kept file again; a change made here since to
 * the same field wins. Returns the number queued, or -1. */
static int
take_back_file (SpStore     *store,
                const char  *path,
                const char  *server_url,
                const char  *user_id,
                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *changes;
  int queued = 0;

  if (!json_parser_load_from_file (parser, path, error))
    return -1;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return 0;

  root = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "server", NULL), server_url) != 0 ||
      g_strcmp0 (json_object_get_string_member_with_default (root, "account", NULL), user_id) != 0 ||
      !json_object_has_member (root, "changes") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "changes")))
    return 0;

  changes = json_object_get_array_member (root, "changes");
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      const char *entity, *record_id, *field, *value;

      if (change == NULL)
        continue;
      entity = json_object_get_string_member_with_default (change, "entity", NULL);
      record_id = json_object_get_string_member_with_default (change, "record_id", NULL);
      field = json_object_get_string_member_with_default (change, "field", NULL);
      value = json_object_get_string_member_with_default (change, "value", NULL);
      if (entity == NULL || record_id == NULL || field == NULL || value == NULL ||
          outbox_has (store, entity, record_id, field))
        continue;
      if (!sp_store_outbox_add (store, entity, record_id, field,
                                json_object_get_int_member_with_default (change, "base_rev", 0),
                                value, error))
        return -1;
      queued++;
    }

  return queued;
}

static gboolean
take_back (SpStore      *store,
           const char   *server_url,
           const char   *user_id,
           SpSyncClaim  *claim,
           GError      **error)
{
  g_autofree char *dir = dup_unsent_dir (store);
  g_autofree char *key = dup_account_key (server_url, user_id);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) taken = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (listing == NULL)
    return TRUE;

  if (!sp_store_begin (store, error))
    return FALSE;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      int queued;

      if (!g_str_has_prefix (name, key) || !g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (dir, name, NULL);
      if ((queued = take_back_file (store, path, server_url, user_id, error)) < 0)
        {
          sp_store_rollback (store);
          return FALSE;
        }
      claim->taken_back += queued;
      g_ptr_array_add (taken, g_steal_pointer (&path));
    }

  if (!sp_store_commit (store, error))
    return FALSE;

  /* Only once they are in the outbox. */
  for (guint i = 0; i < taken->len; i++)
    g_unlink (taken->pdata[i]);

  return TRUE;
}

/* Keeps the outbox aside for the replica's owner and empties it. */
static gboolean
keep_aside_and_reset (SpStore      *store,
                      SpSyncClaim  *claim,
                      GError      **error)
{
  g_autofree char *server = sp_store_dup_setting (store, SERVER_KEY);
  g_autofree char *account = sp_store_dup_setting (store, ACCOUNT_KEY);

  if (!keep_aside (store, server, account, claim, error) ||
      !sp_store_replica_reset (store, error))
    return FALSE;

  claim->reset = TRUE;
  return TRUE;
}

gboolean
_sp_sync_claim (SpStore      *store,
                const char   *server_url,
                const char   *user_id,
                SpSyncClaim  *claim,
                GError      **error)
{
  g_autofree char *server = sp_store_dup_setting (store, SERVER_KEY);
  g_autofree char *account = sp_store_dup_setting (store, ACCOUNT_KEY);

  g_return_val_if_fail (server_url != NULL && user_id != NULL && user_id[0] != 0, FALSE);

  /* Made on this computer alone: it is uploaded as this account's by the
   * first connection. Otherwise it must be this account's, on this server. */
  if (server != NULL && server[0] != 0 &&
      (g_strcmp0 (server, server_url) != 0 || g_strcmp0 (account, user_id) != 0))
    {
      if (!keep_aside_and_reset (store, claim, error) ||
          !sp_store_set_setting (store, SERVER_KEY, server_url, error) ||
          !sp_store_set_setting (store, "sync.cursor", "0", error))
        return FALSE;
    }

  if (g_strcmp0 (account, user_id) != 0 &&
      !sp_store_set_setting (store, ACCOUNT_KEY, user_id, error))
    return FALSE;

  return take_back (store, server_url, user_id, claim, error);
}

gboolean
_sp_sync_release (SpStore      *store,
                  SpSyncClaim  *claim,
                  GError      **error)
{
  g_autofree char *server = sp_store_dup_setting (store, SERVER_KEY);

  if (!keep_aside_and_reset (store, claim, error))
    return FALSE;

  /* Still a replica of that server, but nobody's: whoever signs in next
   * starts from the server's data, not from an upload of this computer's. */
  return server == NULL ||
         (sp_store_set_setting (store, SERVER_KEY, server, error) &&
          sp_store_set_setting (store, ACCOUNT_KEY, "", error));
}
