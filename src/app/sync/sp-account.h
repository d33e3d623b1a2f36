/* sp-account.h: the connection to a shared Synpunkt server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Holds the server's address and the user name (in GSettings), the session
 * token (in the keyring through libsecret when there is one, else only in
 * memory: never in clear on disk), who the user is on the server, and the
 * sync engine that keeps the local database in step.
 */

#pragma once

#include <gio/gio.h>

#include "sp-sync-engine.h"

G_BEGIN_DECLS

#define SP_TYPE_ACCOUNT (sp_account_get_type ())

G_DECLARE_FINAL_TYPE (SpAccount, sp_account, SP, ACCOUNT, GObject)

SpAccount    *sp_account_new              (GSettings           *settings,
                                           const char          *db_path);
/* Whether a server is configured (the app is not "this computer only"). */
gboolean      sp_account_is_connected     (SpAccount           *self);
const char   *sp_account_get_url          (SpAccount           *self);
const char   *sp_account_get_username     (SpAccount           *self);
/* The user as the server knows them, once logged in; NULL before. */
SpUser       *sp_account_get_user         (SpAccount           *self);
SpSyncEngine *sp_account_get_engine       (SpAccount           *self);
/* The organisation's directory the server signs users in with (GET
 * /api/v1/auth-info), or NULL: local accounts only, or not known yet. */
const char   *sp_account_get_directory_name (SpAccount         *self);
/* FALSE when no keyring could keep the token: it lives in memory only. */
gboolean      sp_account_has_keyring      (SpAccount           *self);

/* Logs in and starts syncing; the first time, uploads what this computer
 * made alone. */
void          sp_account_connect_async    (SpAccount           *self,
                                           const char          *url,
                                           const char          *username,
                                           const char          *password,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean      sp_account_connect_finish   (SpAccount           *self,
                                           GAsyncResult        *result,
                                           GError             **error);
/* At start: the token from the keyring, and syncing again. */
void          sp_account_restore          (SpAccount           *self);
/* Ends the session on the server and forgets the token. The server stays
 * configured; the local copy of the cases is emptied ("replica-reset"
 * follows), and changes still waiting are kept aside until the same
 * account logs in again. */
void          sp_account_log_out          (SpAccount           *self);
/* A server is configured but nobody is signed in to it (or is signing
 * out): the cases are not to be shown. */
gboolean      sp_account_is_signed_out    (SpAccount           *self);
/* What the settings hold, for the login form ("" when nothing). */
char         *sp_account_dup_configured_url      (SpAccount    *self);
char         *sp_account_dup_configured_username (SpAccount    *self);
/* The fingerprint of the certificate the server showed and that was not
 * trusted, to ask the user about. */
const char   *sp_account_get_refused_certificate (SpAccount    *self);
/* Trusts this certificate (SHA-256 fingerprint) for the account's server. */
void          sp_account_trust_certificate (SpAccount          *self,
                                           const char          *fingerprint);

G_END_DECLS
