/* sp-conflict-dialog.h: choosing between one's own change and the server's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "synpunkt-core.h"

G_BEGIN_DECLS

#define SP_TYPE_CONFLICT_DIALOG (sp_conflict_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SpConflictDialog, sp_conflict_dialog, SP, CONFLICT_DIALOG, AdwWindow)

/* The conflicts of the case @case_id, side by side, read and resolved
 * through @worker. Emits "resolved" after the choices are stored (and
 * queued to be pushed), then closes; a refusal is shown in a toast. */
GtkWidget *sp_conflict_dialog_new     (GtkWindow     *parent,
                                       SpStoreWorker *worker,
                                       const SpActor *actor,
                                       const char    *case_id);
guint      sp_conflict_dialog_get_n_conflicts (SpConflictDialog *self);
/* Picks the server's (FALSE) or one's own (TRUE) value for conflict @i. */
void       sp_conflict_dialog_choose  (SpConflictDialog *self,
                                       guint             i,
                                       gboolean          own);
/* Starts storing the choices; what the Apply button does. */
void       sp_conflict_dialog_apply   (SpConflictDialog *self);
/* Whether the conflicts are being read or the choices stored. */
gboolean   sp_conflict_dialog_is_busy (SpConflictDialog *self);

G_END_DECLS
