/* sp-assign-dialog.h: the unit a case is sent to (routine R6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From win.assign-unit on the case shown: the units and departments of
 * the organisation (the reference data's, the case's own first), and the
 * word that the department's contact gets a copy. The response "assign"
 * is read with sp_assign_dialog_get_unit_id(); the window runs the job
 * (sp-forwarding-jobs.h).
 */

#pragma once

#include <adwaita.h>

#include "sp-context.h"

G_BEGIN_DECLS

#define SP_TYPE_ASSIGN_DIALOG (sp_assign_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SpAssignDialog, sp_assign_dialog, SP, ASSIGN_DIALOG, AdwMessageDialog)

GtkWidget  *sp_assign_dialog_new         (GtkWindow      *parent,
                                          SpContext      *context,
                                          const char     *unit_id);
/* The unit chosen, or NULL. */
const char *sp_assign_dialog_get_unit_id (SpAssignDialog *self);

G_END_DECLS
