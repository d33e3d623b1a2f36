/* sp-sync-private.h: the sync engine's database work, run in its worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-sync-engine.h"

G_BEGIN_DECLS

typedef enum
{
  SP_PUSH_NOTHING,
  SP_PUSH_BATCH,        /* POST /api/v1/changes with @body */
  SP_PUSH_TRANSITION,   /* POST /api/v1/cases/@case_id/transition to @to */
} SpPushKind;

typedef struct
{
  SpPushKind  kind;
  JsonNode   *body;
  GPtrArray  *entries;   /* SpOutboxEntry, of each change in order; a NULL
                          * separates one change's entries from the next */
  char       *case_id;
  char       *to;
} SpPushStep;

void        _sp_push_step_free       (SpPushStep  *step);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpPushStep, _sp_push_step_free)

/* The next thing to push, resuming a batch that was sent but not answered
 * (so that a retry carries the same batch id and gets the same answer). */
SpPushStep *_sp_sync_next_push       (SpStore     *store,
                                      GError     **error);
/* Applies the server's answer to a batch: pushed entries leave the outbox,
 * conflicts are kept for the user, the records returned are stored.
 * @rejected counts the changes refused, with the first reason. */
gboolean    _sp_sync_batch_done      (SpStore     *store,
                                      SpPushStep  *step,
                                      JsonNode    *answer,
                                      guint       *rejected,
                                      char       **reason,
                                      GError     **error);
/* As _sp_sync_batch_done(), but a change refused for a base revision the
 * server's record never had is kept in the outbox (counted in @stale) and
 * the replica starts over from the server's feed (_sp_sync_begin_resync):
 * the server has gone back, to a backup. */
gboolean    _sp_sync_batch_done_full (SpStore     *store,
                                      SpPushStep  *step,
                                      JsonNode    *answer,
                                      gboolean     keep_stale,
                                      guint       *rejected,
                                      guint       *stale,
                                      char       **reason,
                                      GError     **error);
/* The transition went through (or the server's case already had that
 * status); else @refusal is kept as a conflict the user sees. */
gboolean    _sp_sync_transition_done (SpStore     *store,
                                      SpPushStep  *step,
                                      const char  *refusal,
                                      GError     **error);
/* A page of the change feed, read. */
typedef struct
{
  GType     type;
  char     *id;
  gint64    rev;
  gboolean  deleted;
  gboolean  visible;   /* FALSE: the user may no longer see the record */
  SpEntity *record;    /* NULL for a tombstone */
} SpFeedChange;

typedef struct
{
  GPtrArray *changes;  /* SpFeedChange, in revision order */
  gboolean   more;
  gint64     cursor;
  gint64     last_rev;
  char      *database_id;  /* the server's database, new at every restore */
  gboolean   bulk;     /* the replica is loading in bulk after it */
  gboolean   resync;   /* the server went back: the pull starts again at 0 */
} SpFeedPage;

void        _sp_feed_change_free     (SpFeedChange *change);
void        _sp_feed_page_free       (SpFeedPage  *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpFeedChange, _sp_feed_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpFeedPage, _sp_feed_page_free)

/* Where the next page starts, if the page says so before its changes (as
 * the server writes it): TRUE with @cursor and @more set. */
gboolean    _sp_sync_peek_page_head  (const char  *data,
                                      gsize        length,
                                      gint64      *cursor,
                                      gboolean    *more);
/* Reads a page of the feed as the server sent it; any thread. Changes of
 * kinds this version does not know are left out. */
SpFeedPage *_sp_sync_read_page       (const char  *data,
                                      gsize        length,
                                      GError     **error);
/* Stores one page of the change feed and moves the cursor. */
gboolean    _sp_sync_apply_page      (SpStore     *store,
                                      SpFeedPage  *page,
                                      GError     **error);
gint64      _sp_sync_get_cursor      (SpStore     *store);
/* The server this replica follows has gone back (restored from a backup,
 * or another database): the cursor goes to 0 so that everything is pulled
 * again. Records newer than @server_last_rev are marked; those the new
 * pull does not bring again, with nothing local waiting, are forgotten
 * at its end. The outbox stays and is pushed after, on the revisions the
 * pull brings. Inside a transaction. */
gboolean    _sp_sync_begin_resync    (SpStore     *store,
                                      gint64       server_last_rev,
                                      GError     **error);

/* What claiming or releasing the replica did. */
typedef struct
{
  gboolean  reset;       /* it was another account's, and was emptied */
  guint     kept_aside;  /* unsent changes of that account kept aside … */
  char     *kept_path;   /* … in this file */
  guint     taken_back;  /* changes kept aside earlier, queued again */
} SpSyncClaim;

void        _sp_sync_claim_clear     (SpSyncClaim *claim);
/* Makes the replica the one of @user_id at @server_url: another account's
 * replica is emptied after its unsent changes are kept aside, and the
 * changes kept aside for this account are queued again. */
gboolean    _sp_sync_claim           (SpStore     *store,
                                      const char  *server_url,
                                      const char  *user_id,
                                      SpSyncClaim *claim,
                                      GError     **error);
/* The account signs out: its unsent changes are kept aside and the
 * replica is emptied. */
gboolean    _sp_sync_release         (SpStore     *store,
                                      SpSyncClaim *claim,
                                      GError     **error);

/* Whether this replica still has to make its first connection to
 * @server_url (upload what was made on this computer alone). */
gboolean    _sp_sync_needs_first     (SpStore     *store,
                                      const char  *server_url);
/* Turns the local database into a replica of @server_url: local units are
 * matched to @units (the server's, JSON array) by name or through
 * @unit_map, categories to @categories by code; every local case with its
 * investigation and planned actions is queued for upload, followed by the
 * transitions that bring it to its local status. Fails with
 * SP_SYNC_ERROR_MAPPING_NEEDED, changing nothing, when a unit cases refer
 * to has no match; @unmapped then lists those units. */
gboolean    _sp_sync_first_prepare   (SpStore     *store,
                                      const char  *server_url,
                                      JsonNode    *units,
                                      JsonNode    *categories,
                                      GHashTable  *unit_map,
                                      GPtrArray  **unmapped,
                                      GError     **error);

G_END_DECLS
