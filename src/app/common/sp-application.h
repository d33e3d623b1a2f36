/* sp-application.h: the desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "synpunkt-core.h"
#include "sp-account.h"
#include "synpunkt-core.h"

G_BEGIN_DECLS

#define SP_TYPE_APPLICATION (sp_application_get_type ())

G_DECLARE_FINAL_TYPE (SpApplication, sp_application, SP, APPLICATION, AdwApplication)

SpApplication  *sp_application_new            (GApplicationFlags flags);
/* The local database's store (main thread only); NULL if it could not be
 * opened. */
SpStore        *sp_application_get_store      (SpApplication  *self);
/* Who makes the changes: the user the server knows once signed in to a
 * shared server, else the person at this computer, with every role ("this
 * computer only"). The pointer stays valid; its fields follow the account. */
const SpActor  *sp_application_get_actor      (SpApplication  *self);
/* The local user of "this computer only". */
SpUser         *sp_application_get_user       (SpApplication  *self);
/* The user the actor stands for: the server's once signed in, else the
 * local one. */
SpUser         *sp_application_get_current_user (SpApplication *self);
/* A second connection to the same database, for reads off the main thread. */
SpStoreWorker  *sp_application_get_worker     (SpApplication  *self);
/* The shared server account (not connected in "this computer only"). */
SpAccount      *sp_application_get_account    (SpApplication  *self);
const char     *sp_application_get_db_path    (SpApplication  *self);
GSettings      *sp_application_get_settings   (SpApplication  *self);
/* Why the database could not be opened, or NULL. */
const GError   *sp_application_get_store_error (SpApplication *self);
/* Saves the local user's unit (NULL for none): "My cases" shows its cases. */
gboolean        sp_application_set_user_unit  (SpApplication  *self,
                                               const char     *unit_id,
                                               GError        **error);

/* Fills the database with @n_cases demo cases in a thread with a store
 * connection of its own, unless it holds cases already. finish() says
 * whether it filled; then a local user without a unit gets the demo's
 * busiest unit, so that My Cases shows something. */
void            sp_application_fill_demo_async  (SpApplication       *self,
                                                 guint                n_cases,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean        sp_application_fill_demo_finish (SpApplication       *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* How many demo cases --demo asked for (0: none); taken once. */
guint           sp_application_take_demo_request (SpApplication *self);

G_END_DECLS
