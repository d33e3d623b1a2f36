/* sp-store-private.h: what the store's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-case-query.h"
#include "sp-store.h"

G_BEGIN_DECLS

/* What a replica does where an authority numbers and stamps: the store's
 * save and transition paths call these, and only these, in replica mode.
 * An authority's store has none, so its writes never run replica code. */
typedef struct
{
  /* Queues the local change of @entity in the outbox and gives it the
   * server revision it is based on. */
  gboolean (*capture)          (SpStore     *self,
                                SpEntity    *entity,
                                GError     **error);
  /* Asks the server to move the case @case_id, at @base_rev, to @to. */
  gboolean (*queue_transition) (SpStore     *self,
                                const char  *case_id,
                                gint64       base_rev,
                                SpStatus     to,
                                GError     **error);
} SpReplicaHooks;

extern const SpReplicaHooks _sp_replica_hooks;

struct _SpStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;  /* SQL → sqlite3_stmt */
  GHashTable *save_stmts;  /* SpEntityInfo → its upsert, in statements */
  guint       depth;       /* of nested transactions */
  guint       rollback_only : 1;
  guint       registered : 1;  /* in the list of open stores of its file */
  guint       worker_only : 1; /* a store worker's: the main loop must not wait on it */
  guint       guard_exempt : 1; /* a test's own store, allowed on the guarded thread */
  /* The mode: read from the settings once, at open, and changed only by
   * sp_store_set_replica (here, or on another store of the same file in
   * this process); NULL for an authority. Set atomically, since the other
   * store may live in another thread. */
  const SpReplicaHooks *replica;
  /* The mode at the start of the outermost transaction, to go back to. */
  const SpReplicaHooks *replica_at_begin;
};

/* Marks @self as a store worker's: from then on, using it in the thread
 * that runs the default main context is a programming error, and aborts.
 * The GUI tests rely on this to hold the app off SQLite in its main loop. */
void      _sp_store_set_worker_only (SpStore           *self);

/* Makes @hooks the mode of @self, within its transaction: the outermost
 * commit tells the other stores of the file, a rollback undoes it. */
void      _sp_store_set_mode     (SpStore              *self,
                                  const SpReplicaHooks *hooks);

/* The columns of @info in table order, for SELECT lists. */
char     *_sp_store_column_list  (const SpEntityInfo *info,
                                  const char         *table_alias);
/* Fills @entity from the row @stmt is on, columns in table order from
 * @first_column. */
gboolean  _sp_store_read_row     (SpStore            *self,
                                  sqlite3_stmt       *stmt,
                                  int                 first_column,
                                  SpEntity           *entity,
                                  SpDate              today,
                                  GError            **error);
/* Steps @stmt to the end, reading a record of @type from each row. */
GPtrArray *_sp_store_read_all    (SpStore            *self,
                                  sqlite3_stmt       *stmt,
                                  GType               type,
                                  GError            **error);

/* The WHERE clause of @query over "cases c" (starting "c.deleted = 0"),
 * appended to @where; its parameters, all text, appended to @texts (of
 * g_free'd strings), in order. */
void      _sp_case_query_build_where (const SpCaseQuery *query,
                                      GString           *where,
                                      GPtrArray         *texts);

gboolean   _sp_store_add_case_event (SpStore       *self,
                                     const char    *case_id,
                                     const SpActor *actor,
                                     SpEventKind    kind,
                                     const char    *field,
                                     const char    *old_value,
                                     const char    *new_value,
                                     const char    *note,
                                     GError       **error);

/* The case a record names in @field, not deleted: SP_ERROR_INVALID with
 * @missing when it names none (or no valid id), SP_ERROR_NOT_FOUND when
 * there is no such case. */
SpCase     *_sp_store_load_named_case (SpStore     *self,
                                       const char  *case_id,
                                       const char  *field,
                                       const char  *missing,
                                       GError     **error);

G_END_DECLS
