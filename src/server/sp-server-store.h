/* sp-server-store.h: the server's queries that are not the core store's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The HTTP handlers parse a request, check access and call these (or the
 * core's SpStore); they hold no SQL of their own. Each file of the server
 * store keeps the queries of one concern: sp-server-store-feed.c the sync
 * feed and pushed batches, sp-server-store-audit.c what the audit log says
 * of earlier states, sp-server-store-auth.c sessions, and
 * sp-server-store-cases.c what the case list needs to know of the cases,
 * sp-server-store-intake.c residents' reports (reference codes, form
 * tokens, Open311 clients).
 */

#pragma once

#include "synpunkt-core.h"

G_BEGIN_DECLS

/* sp-server-store-feed.c */

/* The record types of the change feed in turn, G_TYPE_INVALID after the
 * last. */
GType      sp_server_store_feed_type        (guint        i);
/* A page of the feed: the records of every feed type changed after
 * @since, in revision order, up to the @limit-th change. *@cutoff is that
 * change's revision (G_MAXINT64 when there are fewer) and *@more whether
 * changes come after it. */
GPtrArray *sp_server_store_feed_page        (SpStore     *store,
                                             gint64       since,
                                             guint        limit,
                                             gint64      *cutoff,
                                             gboolean    *more,
                                             GError     **error);
/* The answer given to the pushed batch @batch_id of @user_id, or NULL. */
char      *sp_server_store_find_batch       (SpStore     *store,
                                             const char  *user_id,
                                             const char  *batch_id);
gboolean   sp_server_store_remember_batch   (SpStore     *store,
                                             const char  *user_id,
                                             const char  *batch_id,
                                             const char  *response,
                                             GError     **error);

/* sp-server-store-audit.c */

/* @kase as it stood before each change the audit log records of a field
 * that decides who may see it (unit, named employee, contract breach,
 * creator): copies of @kase with that one field as it was. */
GPtrArray *sp_server_store_earlier_access   (SpStore     *store,
                                             SpCase      *kase);

/* sp-server-store-auth.c */

/* Ends every session of @user_id (a user disabled or removed). */
gboolean   sp_server_store_end_sessions_of  (SpStore     *store,
                                             const char  *user_id,
                                             GError     **error);

/* sp-server-store-directory.c */

/* Links @user_id to the directory entry @dn (a directory user). */
gboolean   sp_server_store_link_directory_user (SpStore    *store,
                                             const char  *user_id,
                                             const char  *dn,
                                             GError     **error);
/* The user linked to the entry @dn, or NULL. */
char      *sp_server_store_find_directory_user (SpStore    *store,
                                             const char  *dn);
/* The ids of every directory user, as a set. */
GHashTable *sp_server_store_directory_user_ids (SpStore    *store);
gboolean   sp_server_store_is_directory_user (SpStore     *store,
                                             const char  *user_id);
/* Pairs of user id and DN of the directory users with a live session. */
GPtrArray *sp_server_store_directory_sessions (SpStore    *store);

/* sp-server-store-cases.c */

/* Whether the unit @unit_id investigates a live case of another unit
 * (conflict of interest). TRUE when it cannot be told. */
gboolean   sp_server_store_unit_investigates_for_others (SpStore    *store,
                                                         const char *unit_id);

/* sp-server-store-intake.c */

/* A case reported by a resident, under the code they were given. */
typedef struct
{
  char   *code;
  char   *case_id;
  char   *channel;
  char   *service_code;   /* Open311 reports only */
  gint64  created_at;
} SpPublicRef;

void         sp_public_ref_free                  (SpPublicRef *ref);
/* Spends a form token's @nonce: *@fresh is FALSE when it was spent already. */
gboolean     sp_server_store_spend_form_token    (SpStore     *store,
                                                  const char  *nonce,
                                                  gint64       expires_at,
                                                  gboolean    *fresh,
                                                  GError     **error);
gboolean     sp_server_store_add_public_ref      (SpStore     *store,
                                                  const char  *code,
                                                  const char  *case_id,
                                                  const char  *channel,
                                                  const char  *client_id,
                                                  const char  *service_code,
                                                  GError     **error);
SpPublicRef *sp_server_store_find_public_ref     (SpStore     *store,
                                                  const char  *code);
/* Where an Open311 report is (server migration 5). */
gboolean     sp_server_store_add_public_place    (SpStore     *store,
                                                  const char  *code,
                                                  gboolean     has_position,
                                                  double       lat,
                                                  double       lon,
                                                  const char  *address,
                                                  GError     **error);
/* FALSE if @code has no position. */
gboolean     sp_server_store_find_public_position (SpStore    *store,
                                                  const char  *code,
                                                  double      *lat,
                                                  double      *lon);
/* The Open311 reports (of @service_code, if given), newest first. */
GPtrArray   *sp_server_store_list_public_refs    (SpStore     *store,
                                                  const char  *service_code,
                                                  guint        limit,
                                                  GError     **error);
gboolean     sp_server_store_add_open311_client  (SpStore     *store,
                                                  const char  *id,
                                                  const char  *name,
                                                  const char  *key_hash,
                                                  GError     **error);
/* The id of the client application whose key hashes to @key_hash, NULL
 * if none (or revoked). */
char        *sp_server_store_find_open311_client (SpStore     *store,
                                                  const char  *key_hash);
gboolean     sp_server_store_revoke_open311_client (SpStore   *store,
                                                  const char  *name,
                                                  gboolean    *found,
                                                  GError     **error);
/* One line a client: name, created (ISO 8601), active or revoked. */
gboolean     sp_server_store_list_open311_clients (SpStore    *store,
                                                  GString     *out,
                                                  GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpPublicRef, sp_public_ref_free)

G_END_DECLS
