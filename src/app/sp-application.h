/* sp-application.h: the desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "synpunkt-core.h"
#include "sp-context.h"

G_BEGIN_DECLS

#define SP_TYPE_APPLICATION (sp_application_get_type ())

G_DECLARE_FINAL_TYPE (SpApplication, sp_application, SP, APPLICATION, AdwApplication)

SpApplication  *sp_application_new            (GApplicationFlags flags);
/* What the windows and pages work with (NULL if the database's folder
 * could not be made). */
SpContext      *sp_application_get_context    (SpApplication  *self);
/* These follow the context (sp_context_get_actor () and so on); NULL until
 * its local user has been read. */
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
/* How many demo cases --demo asked for (0: none); taken once. */
guint           sp_application_take_demo_request (SpApplication *self);

G_END_DECLS
