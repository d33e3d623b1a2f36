/* sp-intake-dialog.h: the New case form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "synpunkt-core.h"

G_BEGIN_DECLS

#define SP_TYPE_INTAKE_DIALOG (sp_intake_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SpIntakeDialog, sp_intake_dialog, SP, INTAKE_DIALOG, AdwWindow)

/* A modal window, transient for @parent, that reads its choices and saves
 * a new case through @worker as @actor, then emits "case-created" with the
 * case's id and closes. */
GtkWidget  *sp_intake_dialog_new             (GtkWindow      *parent,
                                              SpStoreWorker  *worker,
                                              const SpActor  *actor);

/* Validates the form and starts saving it, as the Save button does. On a
 * problem, or while the choices are still being read, the fields are
 * marked, the form keeps its content and FALSE is returned. A store's
 * refusal is shown once it answers; a save emits "case-created". */
gboolean    sp_intake_dialog_save            (SpIntakeDialog *self);
/* Whether the choices are being read or a save is running. */
gboolean    sp_intake_dialog_is_busy         (SpIntakeDialog *self);

/* For tests and for focusing a field from outside: the widget that takes
 * the input of the SpCase field @field ("subject", "sender_email",
 * "unit_id", "received_on", …): an AdwEntryRow, AdwComboRow, GtkSwitch,
 * GtkTextView or SpIntakeDateButton. NULL for an unknown field. */
GtkWidget  *sp_intake_dialog_get_input       (SpIntakeDialog *self,
                                              const char     *field);
/* The label under @field's row that tells why it was refused. */
GtkWidget  *sp_intake_dialog_get_error_label (SpIntakeDialog *self,
                                              const char     *field);
/* The message above the form (a summary or the store's error), or NULL
 * when none is shown. */
const char *sp_intake_dialog_get_message     (SpIntakeDialog *self);

G_END_DECLS
