/* sp-planned-action-row.h: one planned action of an investigation, edited
 * in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "synpunkt-core.h"

G_BEGIN_DECLS

#define SP_TYPE_PLANNED_ACTION_ROW (sp_planned_action_row_get_type ())

G_DECLARE_FINAL_TYPE (SpPlannedActionRow, sp_planned_action_row, SP, PLANNED_ACTION_ROW,
                      AdwExpanderRow)

/* A row showing a copy of @action (a new one when NULL, for @case_id). */
GtkWidget       *sp_planned_action_row_new        (SpPlannedAction    *action,
                                                   const char         *case_id);
/* The action as the row's fields have it now: a new reference. */
SpPlannedAction *sp_planned_action_row_dup_action (SpPlannedActionRow *self);
const char      *sp_planned_action_row_get_id     (SpPlannedActionRow *self);
/* Marks each field of @problems (SpProblem), and clears the others. */
void             sp_planned_action_row_show_problems (SpPlannedActionRow *self,
                                                   GPtrArray          *problems);
gboolean         sp_planned_action_row_get_dirty  (SpPlannedActionRow *self);
void             sp_planned_action_row_set_dirty  (SpPlannedActionRow *self,
                                                   gboolean            dirty);

G_END_DECLS
