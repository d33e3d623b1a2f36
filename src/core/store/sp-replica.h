/* sp-replica.h: the store as a replica of the server's records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In replica mode (the desktop app), a local change does not make a new
 * revision: the record keeps the server's revision it is based on, and the
 * change is queued in the outbox, one entry per record and field, until the
 * sync engine has pushed it. What the server sends is applied without
 * losing the local changes still waiting. Conflicts the server reports wait
 * in the store until the user has chosen.
 */

#pragma once

#include "sp-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  seq;
  char   *entity;     /* "case" */
  char   *record_id;
  char   *field;      /* "" for the creation of the record; "@transition:…"
                       * for a workflow transition; else a column name */
  gint64  base_rev;
  char   *value;      /* JSON: the record, the new status, or the field's value */
} SpOutboxEntry;

/* The field of an outbox entry that asks the server to delete the record
 * (planned actions only). */
#define SP_OUTBOX_DELETE "@delete"

typedef struct
{
  char   *entity;
  char   *record_id;
  char   *field;
  char   *local_value;   /* JSON */
  char   *server_value;  /* JSON */
  gint64  server_rev;
} SpConflict;

void           sp_outbox_entry_free       (SpOutboxEntry *entry);
void           sp_conflict_free           (SpConflict    *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpOutboxEntry, sp_outbox_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpConflict, sp_conflict_free)

/* The entity type of a name in the API ("case" → SP_TYPE_CASE), or
 * G_TYPE_INVALID. */
GType          sp_entity_type_from_name   (const char    *name);
/* The synced entity types in turn, G_TYPE_INVALID after the last. */
GType          sp_entity_type_nth         (guint          i);

/* The mode is decided when the store is opened (the setting "replica")
 * and asked of no one afterwards: an authority (the server) runs no
 * replica code. Setting it takes effect at once in @self, in the other
 * stores of the same path in this process when the transaction commits,
 * and in other processes when they next open the file. */
gboolean       sp_store_is_replica        (SpStore       *self);
gboolean       sp_store_set_replica       (SpStore       *self,
                                           gboolean       replica,
                                           GError       **error);

/* The outbox, oldest first. */
GPtrArray     *sp_store_outbox_list       (SpStore       *self,
                                           guint          limit,
                                           GError       **error);
gint64         sp_store_outbox_count      (SpStore       *self);
/* Removes @entry once pushed, unless it was changed again meanwhile. */
gboolean       sp_store_outbox_remove     (SpStore       *self,
                                           const SpOutboxEntry *entry,
                                           GError       **error);
gboolean       sp_store_outbox_add        (SpStore       *self,
                                           const char    *entity,
                                           const char    *record_id,
                                           const char    *field,
                                           gint64         base_rev,
                                           const char    *value,
                                           GError       **error);

/* Stores a record as the server sent it, keeping the local values of the
 * fields still waiting in the outbox. */
gboolean       sp_store_apply_remote      (SpStore       *self,
                                           SpEntity      *remote,
                                           GError       **error);
/* Removes a record the user may no longer see, with what hangs on it. */
gboolean       sp_store_forget            (SpStore       *self,
                                           GType          type,
                                           const char    *id,
                                           GError       **error);

/* Empties the replica for another account: every record, the outbox, the
 * conflicts and where it synced from go, overwritten on disk (secure
 * delete, then VACUUM when no other connection reads). */
gboolean       sp_store_replica_reset     (SpStore       *self,
                                           GError       **error);

gboolean       sp_store_add_conflict      (SpStore       *self,
                                           const SpConflict *conflict,
                                           GError       **error);
/* The conflicts of one record, or of all when @record_id is NULL. */
GPtrArray     *sp_store_list_conflicts    (SpStore       *self,
                                           const char    *record_id,
                                           GError       **error);
/* Settles a conflict with the JSON value @chosen: it becomes the local
 * value and is queued to be pushed on top of the server's revision. */
gboolean       sp_store_resolve_conflict  (SpStore       *self,
                                           const SpConflict *conflict,
                                           const char    *chosen,
                                           const SpActor *actor,
                                           GError       **error);

/* Loading in bulk: while a first sync fills the replica, its secondary
 * indexes and full-text triggers are set aside (their definitions kept in
 * the settings, so that a load cut short by a crash is still undone), and
 * at the end they are built once over everything, which is many times
 * faster than keeping them up to date row by row. Queries stay correct
 * meanwhile, only slower, and search finds cases only once the load has
 * ended. */
gboolean       sp_store_bulk_begin        (SpStore       *self,
                                           GError       **error);
gboolean       sp_store_in_bulk           (SpStore       *self);
/* Builds the indexes and the full-text index again; nothing when not in
 * bulk. Each index, and each few thousand cases of the full-text index,
 * is a transaction of its own, so that other writers wait only briefly. */
gboolean       sp_store_bulk_end          (SpStore       *self,
                                           GError       **error);
/* One such transaction; @done once nothing is left. */
gboolean       sp_store_bulk_end_step     (SpStore       *self,
                                           gboolean      *done,
                                           GError       **error);

G_END_DECLS
