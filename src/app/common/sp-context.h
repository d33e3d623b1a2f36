/* sp-context.h: what every page of the app works with: the store worker,
 * the account, who is working and with which roles, the settings and the
 * reference data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "synpunkt-core.h"
#include "sp-account.h"
#include "sp-reference.h"

G_BEGIN_DECLS

#define SP_TYPE_CONTEXT (sp_context_get_type ())

G_DECLARE_FINAL_TYPE (SpContext, sp_context, SP, CONTEXT, GObject)

/* @account may be NULL (no server can be used). Reads nothing yet. */
SpContext     *sp_context_new                 (SpStoreWorker  *worker,
                                               SpAccount      *account,
                                               GSettings      *settings,
                                               const char     *db_path);
/* Reads (or makes, on the first start) the local user and the reference
 * data in the worker; "ready" or "error" is notified when done. */
void           sp_context_start               (SpContext      *self);

SpStoreWorker *sp_context_get_worker          (SpContext      *self);
SpAccount     *sp_context_get_account         (SpContext      *self);
GSettings     *sp_context_get_settings        (SpContext      *self);
const char    *sp_context_get_db_path         (SpContext      *self);
SpReference   *sp_context_get_reference       (SpContext      *self);
/* Whether the local user has been read. */
gboolean       sp_context_get_ready           (SpContext      *self);
/* Why the database could not be used, or NULL. */
const GError  *sp_context_get_error           (SpContext      *self);
/* The person at this computer ("this computer only"); NULL until ready. */
SpUser        *sp_context_get_local_user      (SpContext      *self);
/* Who works now: the server's user once signed in, else the local one
 * ("current-user", notified when it changes, as is "roles"). */
SpUser        *sp_context_get_current_user    (SpContext      *self);
guint          sp_context_get_roles           (SpContext      *self);
/* The current user as the store's actor; the pointer stays valid, its
 * fields follow the current user. NULL until ready. */
const SpActor *sp_context_get_actor           (SpContext      *self);

/* Saves the local user's unit (NULL for none) in the worker; the current
 * user is notified once saved. */
void           sp_context_set_user_unit_async (SpContext            *self,
                                               const char           *unit_id,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean       sp_context_set_user_unit_finish (SpContext           *self,
                                                GAsyncResult        *result,
                                                GError             **error);
/* Reads the deadline rules in the worker. */
void           sp_context_read_deadlines_async (SpContext           *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean       sp_context_read_deadlines_finish (SpContext          *self,
                                                 GAsyncResult       *result,
                                                 SpDeadlineConfig   *config,
                                                 GError            **error);
/* Units, providers or categories changed in the replica (a sync step, a
 * demo fill, an edit here): the reference data is read again. */
void           sp_context_reference_changed   (SpContext      *self);


/* Fills the database with @n_cases demo cases in the worker, unless it
 * holds cases already. finish() says whether it filled; then the
 * reference data is read again, and a local user without a unit gets the
 * demo's busiest unit, so that My Cases shows something. */
void           sp_context_fill_demo_async     (SpContext            *self,
                                               guint                 n_cases,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
/* How many of the demo cases the fill running (or the last) has made. */
guint          sp_context_get_demo_done       (SpContext            *self);
gboolean       sp_context_fill_demo_finish    (SpContext            *self,
                                               GAsyncResult         *result,
                                               GError              **error);

G_END_DECLS
