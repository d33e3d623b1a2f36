/* sp-audit-key.c: the audit log's key and its head file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

#include "sp-audit.h"
#include "sp-audit-key.h"

char *
sp_audit_key_default_path (const char *config_path,
                           const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (config_path ? config_path : db_path);

  return g_build_filename (dir, "audit.key", NULL);
}

char *
sp_audit_head_default_path (const char *db_path)
{
  return g_strconcat (db_path, ".audit-head", NULL);
}

gboolean
sp_audit_key_create (const char  *path,
                     GError     **error)
{
  guint8 key[SP_AUDIT_KEY_BYTES];
  char hex[SP_AUDIT_KEY_BYTES * 2 + 2];
  gsize length;
  int fd;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  randombytes_buf (key, sizeof key);
  sodium_bin2hex (hex, sizeof hex - 1, key, sizeof key);
  sodium_memzero (key, sizeof key);
  length = strlen (hex);
  hex[length++] = '\n';

  /* O_EXCL: never over a key another process made meanwhile. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Cannot create the audit key %s: %s", path, g_strerror (saved));
      return FALSE;
    }
  if (write (fd, hex, length) != (gssize) length || fsync (fd) != 0)
    {
      int saved = errno;
      close (fd);
      g_unlink (path);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Cannot write the audit key %s: %s", path, g_strerror (saved));
      return FALSE;
    }
  sodium_memzero (hex, sizeof hex);
  close (fd);
  return TRUE;
}

gboolean
sp_audit_key_load (const char  *path,
                   GError     **error)
{
  g_autofree char *text = NULL;
  guint8 key[SP_AUDIT_KEY_BYTES];
  gsize length = 0;
  size_t bin_length = 0;

  if (!g_file_get_contents (path, &text, &length, NULL))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_FAILED,
                   "The audit key %s cannot be read: create it with `synpunkt-server init`, "
                   "or name it with --audit-key FILE or [server] audit_key", path);
      return FALSE;
    }

  g_strstrip (text);
  if (strlen (text) != SP_AUDIT_KEY_BYTES * 2 ||
      sodium_hex2bin (key, sizeof key, text, strlen (text), NULL, &bin_length, NULL) != 0 ||
      bin_length != sizeof key)
    {
      sodium_memzero (text, length);
      g_set_error (error, SP_ERROR, SP_ERROR_FAILED,
                   "%s is not an audit key (64 hexadecimal digits)", path);
      return FALSE;
    }

  sodium_memzero (text, length);
  sp_audit_set_key (key);
  sodium_memzero (key, sizeof key);
  return TRUE;
}

void
sp_audit_head_free (SpAuditHead *head)
{
  if (head == NULL)
    return;
  g_free (head->database_id);
  g_free (head->head);
  g_free (head->written_at);
  g_free (head);
}

static void
head_mac (const char *database_id,
          gint64      rows,
          const char *head,
          char        out[65])
{
  g_autofree char *rows_text = g_strdup_printf ("%" G_GINT64_FORMAT, rows);
  const char *parts[] = { "synpunkt-audit-head", database_id, rows_text, head };

  sp_audit_mac_parts (parts, G_N_ELEMENTS (parts), out);
}

gboolean
sp_audit_head_write (SpStore     *store,
                     const char  *path,
                     gint64      *rows_out,
                     GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *database_id = sp_store_dup_setting (store, SP_AUDIT_DATABASE_ID);
  g_autofree char *head = NULL;
  g_autofree char *written_at = g_date_time_format_iso8601 (now);
  g_autofree char *data = NULL;
  g_autofree char *tmp = NULL;
  char mac[65];
  gint64 rows = 0;
  gsize length;

  if (!sp_audit_get_last (store, &rows, &head, error))
    return FALSE;

  head_mac (database_id, rows, head, mac);
  g_key_file_set_string (file, "audit", "database_id", database_id ? database_id : "");
  g_key_file_set_int64 (file, "audit", "rows", rows);
  g_key_file_set_string (file, "audit", "head", head);
  g_key_file_set_string (file, "audit", "written_at", written_at);
  g_key_file_set_string (file, "audit", "mac", mac);
  data = g_key_file_to_data (file, &length, NULL);

  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    {
      g_prefix_error (error, "Cannot write the audit head: ");
      return FALSE;
    }

  if (rows_out)
    *rows_out = rows;
  return TRUE;
}

SpAuditHead *
sp_audit_head_read (const char  *path,
                    GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(SpAuditHead) head = g_new0 (SpAuditHead, 1);
  g_autofree char *mac = NULL;
  char expected[65];

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, error))
    return NULL;

  head->database_id = g_key_file_get_string (file, "audit", "database_id", NULL);
  head->rows = g_key_file_get_int64 (file, "audit", "rows", NULL);
  head->head = g_key_file_get_string (file, "audit", "head", NULL);
  head->written_at = g_key_file_get_string (file, "audit", "written_at", NULL);
  mac = g_key_file_get_string (file, "audit", "mac", NULL);

  if (head->head == NULL || mac == NULL)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_CORRUPT, "The audit head %s is not complete", path);
      return NULL;
    }

  head_mac (head->database_id && *head->database_id ? head->database_id : NULL,
            head->rows, head->head, expected);
  if (strlen (mac) != 64 || sodium_memcmp (expected, mac, 64) != 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_CORRUPT,
                   "The audit head %s was not written with this audit key", path);
      return NULL;
    }

  return g_steal_pointer (&head);
}

gboolean
sp_audit_head_check (SpStore            *store,
                     const SpAuditHead  *head,
                     GError            **error)
{
  g_autofree char *database_id = sp_store_dup_setting (store, SP_AUDIT_DATABASE_ID);
  g_autofree char *hash = NULL;
  gint64 last = 0;
  sqlite3_stmt *stmt;

  if (g_strcmp0 (database_id ? database_id : "", head->database_id ? head->database_id : "") != 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_CORRUPT,
                   "The audit head belongs to another database (%s, this one is %s)",
                   head->database_id, database_id ? database_id : "without an id");
      return FALSE;
    }

  if (!sp_audit_get_last (store, &last, NULL, error))
    return FALSE;

  stmt = sp_store_prepare (store, "SELECT hash FROM server_audit WHERE seq = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, head->rows);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    hash = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (head->rows > 0 && hash == NULL)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_CORRUPT,
                   "Rows are missing at the end of the audit log: the head written at %s "
                   "names %" G_GINT64_FORMAT " rows, the log has %" G_GINT64_FORMAT,
                   head->written_at ? head->written_at : "?", head->rows, last);
      return FALSE;
    }
  if (head->rows > 0 && g_strcmp0 (hash, head->head) != 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_CORRUPT,
                   "Row %" G_GINT64_FORMAT " of the audit log is not the one the head written at %s names",
                   head->rows, head->written_at ? head->written_at : "?");
      return FALSE;
    }

  return TRUE;
}
