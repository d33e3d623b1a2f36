/* sp-store.h: the SQLite store every program keeps its records in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SpStore wraps one SQLite connection (WAL, foreign keys, busy timeout)
 * and caches its prepared statements. It is not thread-safe: use one store
 * per thread; several stores may open the same file.
 */

#pragma once

#include <sqlite3.h>

#include "sp-case.h"
#include "sp-case-event.h"
#include "sp-deadline.h"

G_BEGIN_DECLS

#define SP_TYPE_STORE (sp_store_get_type ())

G_DECLARE_FINAL_TYPE (SpStore, sp_store, SP, STORE, GObject)

#define SP_STORE_SCHEMA_VERSION 13

typedef enum
{
  SP_SAVE_DEFAULT    = 0,
  /* Keep the record's own rev, updated_at and updated_by (a replica
   * storing what the server sent, or an import). */
  SP_SAVE_KEEP_REV   = 1 << 0,
  /* Refuse with SP_ERROR_CONFLICT unless the stored rev equals the
   * record's rev. */
  SP_SAVE_CHECK_REV  = 1 << 1,
} SpSaveFlags;

/* Who is making a change: recorded in updated_by and the case history. */
typedef struct
{
  const char *user_id;
  const char *display_name;
  guint       roles;
} SpActor;

/* A copy that owns its strings (one allocation), for an object or a job
 * that keeps the actor; free it with sp_actor_free(). */
SpActor    *sp_actor_copy                (const SpActor *actor);
void        sp_actor_free                (SpActor       *actor);
gboolean    sp_actor_equal               (const SpActor *a,
                                          const SpActor *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpActor, sp_actor_free)

/* For tests: with @guard, any store used from now on on the calling thread
 * (the main loop's) aborts the program, except one exempted. This proves
 * that an application does all its SQLite work in store workers. Returns
 * whether a thread was guarded before. */
gboolean       sp_store_guard_thread      (gboolean            guard);
void           sp_store_exempt_from_guard (SpStore            *self);

SpStore       *sp_store_open              (const char         *path,
                                           GError            **error);
const char    *sp_store_get_path          (SpStore            *self);
sqlite3       *sp_store_get_handle        (SpStore            *self);
int            sp_store_get_schema_version (SpStore           *self);

/* A cached prepared statement, reset and with its bindings cleared. */
sqlite3_stmt  *sp_store_prepare           (SpStore            *self,
                                           const char         *sql,
                                           GError            **error);
gboolean       sp_store_exec              (SpStore            *self,
                                           const char         *sql,
                                           GError            **error);
/* Transactions nest; only the outermost commits. begin takes the write
 * lock at once (BEGIN IMMEDIATE). */
gboolean       sp_store_begin             (SpStore            *self,
                                           GError            **error);
gboolean       sp_store_commit            (SpStore            *self,
                                           GError            **error);
void           sp_store_rollback          (SpStore            *self);
/* Steps @stmt, which must run to its end in one step (an INSERT, UPDATE
 * or DELETE), and resets it; anything but SQLITE_DONE sets @error from the
 * connection. */
gboolean       sp_store_step_done         (SpStore            *self,
                                           sqlite3_stmt       *stmt,
                                           GError            **error);
/* Sets @error from the connection's last error. */
void           sp_store_set_error         (SpStore            *self,
                                           GError            **error,
                                           int                 rc);

/* Migrations of a component of its own (the server's accounts and audit,
 * the app's sync queue): @migrations[i] brings the component's schema from
 * version i to i + 1. Versions are kept in the table schema_versions. */
gboolean       sp_store_migrate_component (SpStore            *self,
                                           const char         *component,
                                           const char * const *migrations,
                                           GError            **error);

/* The organisation's name for letters and reports: the setting
 * organisation.name, else the name of the administration at the top of
 * the organisation's tree; NULL when neither is known. */
char          *sp_store_dup_organisation_name (SpStore       *self);
char          *sp_store_dup_setting       (SpStore            *self,
                                           const char         *key);
gboolean       sp_store_set_setting       (SpStore            *self,
                                           const char         *key,
                                           const char         *value,
                                           GError            **error);
void           sp_store_get_deadline_config (SpStore          *self,
                                           SpDeadlineConfig   *config);

gint64         sp_store_get_last_rev      (SpStore            *self);
gint64         sp_store_next_rev          (SpStore            *self,
                                           GError            **error);

/* Inserts or updates a record of any entity type (an upsert on id). Unless
 * SP_SAVE_KEEP_REV, gives it the next revision and stamps it. */
gboolean       sp_store_save              (SpStore            *self,
                                           SpEntity           *entity,
                                           SpSaveFlags         flags,
                                           const char         *updated_by,
                                           GError            **error);
gpointer       sp_store_load              (SpStore            *self,
                                           GType               type,
                                           const char         *id,
                                           GError            **error);
/* Records of @type whose @column equals @value (every record when @column
 * is NULL), tombstones left out, oldest first. */
GPtrArray     *sp_store_load_where        (SpStore            *self,
                                           GType               type,
                                           const char         *column,
                                           const char         *value,
                                           GError            **error);
/* Records of @type changed after @since_rev, tombstones included, in
 * revision order, at most @limit. */
GPtrArray     *sp_store_load_changes      (SpStore            *self,
                                           GType               type,
                                           gint64              since_rev,
                                           guint               limit,
                                           GError            **error);

/* Cases */
SpCase        *sp_store_get_case          (SpStore            *self,
                                           const char         *id,
                                           GError            **error);
/* Creates @kase as received: id, status, creation stamps, deadline, and a
 * "created" event. */
gboolean       sp_store_create_case       (SpStore            *self,
                                           SpCase             *kase,
                                           const SpActor      *actor,
                                           GError            **error);
/* Saves the edited @kase over the stored one, recording a field_changed
 * event for each field that differs. With @check_rev, refuses with
 * SP_ERROR_CONFLICT when the stored case has moved on from kase's rev. */
gboolean       sp_store_update_case       (SpStore            *self,
                                           SpCase             *kase,
                                           const SpActor      *actor,
                                           gboolean            check_rev,
                                           GError            **error);
/* Moves @kase to @to if the workflow and the actor's roles allow it;
 * registering assigns the next diary number in the same transaction. */
gboolean       sp_store_transition_case   (SpStore            *self,
                                           SpCase             *kase,
                                           SpStatus            to,
                                           const SpActor      *actor,
                                           GError            **error);
GPtrArray     *sp_store_get_case_events   (SpStore            *self,
                                           const char         *case_id,
                                           GError            **error);
gboolean       sp_store_add_event         (SpStore            *self,
                                           SpCaseEvent        *event,
                                           GError            **error);

/* Diary numbers: "PREFIX YYYY/NNNN" by default, gap-free per year. The
 * format (setting "diary.format") knows {prefix}, {year} and {seq}; the
 * prefix is the setting "diary.prefix". */
char          *sp_store_assign_diary_number (SpStore          *self,
                                           SpCase             *kase,
                                           SpDate              date,
                                           GError            **error);
char          *sp_store_format_diary_number (SpStore          *self,
                                           int                 year,
                                           gint64              seq);

G_END_DECLS
