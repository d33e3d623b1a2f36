/* sp-auth.h: passwords, sessions and the limit on failed logins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "synpunkt-core.h"

G_BEGIN_DECLS

#define SP_AUTH_MIN_PASSWORD_LENGTH 10
#define SP_AUTH_MAX_PASSWORD_LENGTH 1024

gboolean  sp_auth_init               (GError     **error);

/* Refuses passwords that are too short or too long (SP_ERROR_INVALID on
 * the field "password"). */
gboolean  sp_auth_check_password     (const char  *password,
                                      GError     **error);
/* An argon2id hash string (libsodium's crypto_pwhash_str). Slow on
 * purpose; thread-safe. */
char     *sp_auth_hash_password      (const char  *password,
                                      GError     **error);
gboolean  sp_auth_verify_password    (const char  *hash,
                                      const char  *password);

gboolean  sp_auth_store_password_hash (SpStore    *store,
                                      const char  *user_id,
                                      const char  *hash,
                                      GError     **error);
char     *sp_auth_dup_password_hash  (SpStore     *store,
                                      const char  *user_id);
SpUser   *sp_auth_find_user          (SpStore     *store,
                                      const char  *username,
                                      GError     **error);

/* A new random token; only its hash is stored. */
char     *sp_auth_create_session     (SpStore     *store,
                                      const char  *user_id,
                                      gint64       lifetime_usec,
                                      const char  *address,
                                      gint64      *expires_at,
                                      GError     **error);
/* The user a live token belongs to; SP_HTTP_ERROR_UNAUTHORIZED if the
 * token is unknown, expired or its user is gone. */
SpUser   *sp_auth_lookup_session     (SpStore     *store,
                                      const char  *token,
                                      gint64      *expires_at,
                                      GError     **error);
gboolean  sp_auth_end_session        (SpStore     *store,
                                      const char  *token,
                                      GError     **error);

/* Failed logins per key ("user:NAME", "addr:IP") within a window. */
gboolean  sp_auth_is_limited         (SpStore     *store,
                                      const char  *key,
                                      guint        max_failures,
                                      gint64       window_usec,
                                      gint64      *retry_after_sec);
guint     sp_auth_record_failure     (SpStore     *store,
                                      const char  *key,
                                      gint64       window_usec);
void      sp_auth_clear_failures     (SpStore     *store,
                                      const char  *key);

G_END_DECLS
