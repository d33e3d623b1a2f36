/* sp-compilation-dialog.h: a unit's compilation of a period (R24)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opened from the analytics view for the unit and period chosen there:
 * reads the unit's compilation of the period, if there is one, through
 * the store worker, and saves it (new or edited) through the worker with
 * sp_store_save_unit_compilation(), which counts the figures when it is
 * made and refuses those who may not write the unit's. A refusal shows in
 * the dialog, under the field it names, and nothing typed is lost.
 */

#pragma once

#include <adwaita.h>

#include "synpunkt-core.h"

G_BEGIN_DECLS

#define SP_TYPE_COMPILATION_DIALOG (sp_compilation_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SpCompilationDialog, sp_compilation_dialog, SP, COMPILATION_DIALOG, AdwWindow)

/* @actor is copied. */
SpCompilationDialog *sp_compilation_dialog_new      (GtkWindow      *parent,
                                                     SpStoreWorker  *worker,
                                                     const SpActor  *actor,
                                                     const char     *unit_id,
                                                     const char     *unit_name,
                                                     const SpPeriod *period);
/* "loading", "ready", "saving" or "saved" (for tests; notify::state). */
const char          *sp_compilation_dialog_get_state (SpCompilationDialog *self);

G_END_DECLS
