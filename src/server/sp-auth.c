/* sp-auth.c: passwords, sessions and the limit on failed logins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <sodium.h>
#include <string.h>

#include "sp-auth.h"
#include "sp-http.h"

#define TOKEN_BYTES 32

gboolean
sp_auth_init (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_FAILED, "Could not initialise libsodium");
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_auth_check_password (const char  *password,
                        GError     **error)
{
  glong length;

  if (password == NULL || !g_utf8_validate (password, -1, NULL))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "password", "The password is not valid text");
      return FALSE;
    }

  length = g_utf8_strlen (password, -1);
  if (length < SP_AUTH_MIN_PASSWORD_LENGTH)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "password",
                          "The password must have at least %d characters",
                          SP_AUTH_MIN_PASSWORD_LENGTH);
      return FALSE;
    }
  if (strlen (password) > SP_AUTH_MAX_PASSWORD_LENGTH)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "password", "The password is too long");
      return FALSE;
    }

  return TRUE;
}

char *
sp_auth_hash_password (const char  *password,
                       GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (!sp_auth_check_password (password, error))
    return NULL;

  if (crypto_pwhash_str_alg (hash, password, strlen (password),
                             crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_FAILED, "Out of memory hashing a password");
      return NULL;
    }

  return g_strdup (hash);
}

gboolean
sp_auth_verify_password (const char *hash,
                         const char *password)
{
  if (hash == NULL || password == NULL)
    return FALSE;
  if (strlen (password) > SP_AUTH_MAX_PASSWORD_LENGTH)
    return FALSE;
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

gboolean
sp_auth_store_password_hash (SpStore     *store,
                             const char  *user_id,
                             const char  *hash,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = sp_store_prepare (store,
                           "INSERT INTO server_credentials (user_id, password_hash, changed_at)"
                           " VALUES (?1, ?2, ?3) ON CONFLICT (user_id) DO UPDATE SET"
                           " password_hash = excluded.password_hash, changed_at = excluded.changed_at",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, user_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  if (!sp_store_step_done (store, stmt, error))
    return FALSE;

  return TRUE;
}

char *
sp_auth_dup_password_hash (SpStore    *store,
                           const char *user_id)
{
  sqlite3_stmt *stmt;
  char *hash = NULL;

  stmt = sp_store_prepare (store,
                           "SELECT password_hash FROM server_credentials WHERE user_id = ?1",
                           NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, user_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    hash = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return hash;
}

SpUser *
sp_auth_find_user (SpStore     *store,
                   const char  *username,
                   GError     **error)
{
  g_autoptr(GPtrArray) users = NULL;

  users = sp_store_load_where (store, SP_TYPE_USER, "username", username, error);
  if (users == NULL)
    return NULL;

  if (users->len == 0)
    {
      sp_set_field_error (error, SP_ERROR_NOT_FOUND, "username", "No such user");
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (users, 0));
}

static char *
hash_token (const char *token)
{
  guchar digest[crypto_generichash_BYTES];
  char hex[crypto_generichash_BYTES * 2 + 1];

  crypto_generichash (digest, sizeof digest, (const guchar *) token, strlen (token), NULL, 0);
  sodium_bin2hex (hex, sizeof hex, digest, sizeof digest);
  return g_strdup (hex);
}

char *
sp_auth_create_session (SpStore     *store,
                        const char  *user_id,
                        gint64       lifetime_usec,
                        const char  *address,
                        gint64      *expires_at,
                        GError     **error)
{
  guchar raw[TOKEN_BYTES];
  char token[sodium_base64_ENCODED_LEN (TOKEN_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  g_autofree char *token_hash = NULL;
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time ();

  randombytes_buf (raw, sizeof raw);
  sodium_bin2base64 (token, sizeof token, raw, sizeof raw,
                     sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  token_hash = hash_token (token);

  /* Expired sessions are of no use to anyone: drop them as we go. */
  stmt = sp_store_prepare (store, "DELETE FROM server_sessions WHERE expires_at < ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_step (stmt);
  sqlite3_reset (stmt);

  stmt = sp_store_prepare (store,
                           "INSERT INTO server_sessions (token_hash, user_id, created_at, expires_at, address)"
                           " VALUES (?1, ?2, ?3, ?4, ?5)",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, token_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, user_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, now + lifetime_usec);
  sqlite3_bind_text (stmt, 5, address, -1, SQLITE_TRANSIENT);
  if (!sp_store_step_done (store, stmt, error))
    return NULL;

  if (expires_at)
    *expires_at = now + lifetime_usec;

  return g_strdup (token);
}

SpUser *
sp_auth_lookup_session (SpStore     *store,
                        const char  *token,
                        gint64      *expires_at,
                        GError     **error)
{
  g_autofree char *token_hash = NULL;
  g_autofree char *user_id = NULL;
  g_autoptr(SpUser) user = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 expiry = 0;

  if (token == NULL || *token == '\0' || strlen (token) > 200)
    goto unauthorized;

  token_hash = hash_token (token);
  stmt = sp_store_prepare (store,
                           "SELECT user_id, expires_at FROM server_sessions WHERE token_hash = ?1",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, token_hash, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      user_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      expiry = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (user_id == NULL || expiry <= g_get_real_time ())
    goto unauthorized;

  user = sp_store_load (store, SP_TYPE_USER, user_id, &local_error);
  if (user == NULL || SP_ENTITY (user)->deleted)
    goto unauthorized;

  if (expires_at)
    *expires_at = expiry;
  return g_steal_pointer (&user);

unauthorized:
  g_set_error_literal (error, SP_HTTP_ERROR, SP_HTTP_ERROR_UNAUTHORIZED,
                       "Log in first: the session is missing, unknown or expired");
  return NULL;
}

gboolean
sp_auth_end_session (SpStore     *store,
                     const char  *token,
                     GError     **error)
{
  g_autofree char *token_hash = hash_token (token);
  sqlite3_stmt *stmt;

  stmt = sp_store_prepare (store, "DELETE FROM server_sessions WHERE token_hash = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, token_hash, -1, SQLITE_TRANSIENT);
  if (!sp_store_step_done (store, stmt, error))
    return FALSE;

  return TRUE;
}

gboolean
sp_auth_is_limited (SpStore    *store,
                    const char *key,
                    guint       max_failures,
                    gint64      window_usec,
                    gint64     *retry_after_sec)
{
  sqlite3_stmt *stmt;
  gboolean limited = FALSE;
  gint64 now = g_get_real_time ();

  stmt = sp_store_prepare (store,
                           "SELECT failures, window_start FROM server_login_failures WHERE key = ?1",
                           NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 failures = sqlite3_column_int64 (stmt, 0);
      gint64 start = sqlite3_column_int64 (stmt, 1);

      if (failures >= max_failures && now - start < window_usec)
        {
          limited = TRUE;
          if (retry_after_sec)
            *retry_after_sec = MAX (1, (start + window_usec - now) / G_USEC_PER_SEC);
        }
    }
  sqlite3_reset (stmt);

  return limited;
}

guint
sp_auth_record_failure (SpStore    *store,
                        const char *key,
                        gint64      window_usec)
{
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time ();
  guint failures = 1;

  /* A window that has run out starts again from this failure. */
  stmt = sp_store_prepare (store,
                           "INSERT INTO server_login_failures (key, failures, window_start)"
                           " VALUES (?1, 1, ?2) ON CONFLICT (key) DO UPDATE SET"
                           " failures = CASE WHEN ?2 - window_start >= ?3 THEN 1 ELSE failures + 1 END,"
                           " window_start = CASE WHEN ?2 - window_start >= ?3 THEN ?2 ELSE window_start END"
                           " RETURNING failures",
                           NULL);
  if (stmt == NULL)
    return 1;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, window_usec);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    failures = (guint) sqlite3_column_int64 (stmt, 0);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;
  sqlite3_reset (stmt);

  return failures;
}

void
sp_auth_clear_failures (SpStore    *store,
                        const char *key)
{
  sqlite3_stmt *stmt;

  stmt = sp_store_prepare (store, "DELETE FROM server_login_failures WHERE key = ?1", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_step (stmt);
  sqlite3_reset (stmt);
}
