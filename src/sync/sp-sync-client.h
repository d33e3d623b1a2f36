/* sp-sync-client.h: JSON over HTTP to synpunkt-server, for the sync engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define SP_SYNC_ERROR (sp_sync_error_quark ())

typedef enum
{
  SP_SYNC_ERROR_UNREACHABLE,      /* no answer: offline, or the server is down */
  SP_SYNC_ERROR_AUTH,             /* 401: the token is missing, wrong or expired */
  SP_SYNC_ERROR_CERTIFICATE,      /* the server's certificate is not trusted */
  SP_SYNC_ERROR_REFUSED,          /* 4xx other than 401 */
  SP_SYNC_ERROR_SERVER,           /* 5xx, or an answer that makes no sense */
  SP_SYNC_ERROR_MAPPING_NEEDED,   /* local units must be matched to the server's */
  SP_SYNC_ERROR_DIRECTORY,        /* 503: the organisation's directory cannot be reached */
} SpSyncErrorCode;

GQuark sp_sync_error_quark (void);

#define SP_TYPE_SYNC_CLIENT (sp_sync_client_get_type ())

G_DECLARE_FINAL_TYPE (SpSyncClient, sp_sync_client, SP, SYNC_CLIENT, GObject)

SpSyncClient *sp_sync_client_new                 (const char          *base_url);
const char   *sp_sync_client_get_base_url        (SpSyncClient        *self);
const char   *sp_sync_client_get_token           (SpSyncClient        *self);
void          sp_sync_client_set_token           (SpSyncClient        *self,
                                                  const char          *token);
/* The SHA-256 fingerprint (hex) of a certificate the user chose to trust
 * although no authority vouches for it; NULL trusts only the system's. */
void          sp_sync_client_set_trusted_certificate (SpSyncClient    *self,
                                                  const char          *sha256_hex);
/* The fingerprint of the last certificate refused, for asking the user. */
const char   *sp_sync_client_get_refused_certificate (SpSyncClient    *self);

/* Sends @body (or nothing) to @path and parses the JSON answer. Errors are
 * SP_SYNC_ERROR; the server's own error message is in the GError's message. */
void          sp_sync_client_request_async       (SpSyncClient        *self,
                                                  const char          *method,
                                                  const char          *path,
                                                  JsonNode            *body,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
JsonNode     *sp_sync_client_request_finish      (SpSyncClient        *self,
                                                  GAsyncResult        *result,
                                                  guint               *status,
                                                  GError             **error);
/* GETs @path; a successful answer is given as it came (to be parsed in a
 * worker), a refusal is an error as above. */
void          sp_sync_client_get_bytes_async     (SpSyncClient        *self,
                                                  const char          *path,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GBytes       *sp_sync_client_get_bytes_finish    (SpSyncClient        *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* POST /api/v1/session: on success the token is kept by the client, and
 * the answer ({token, expires_at, user}) returned. */
void          sp_sync_client_login_async         (SpSyncClient        *self,
                                                  const char          *username,
                                                  const char          *password,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
JsonNode     *sp_sync_client_login_finish        (SpSyncClient        *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
