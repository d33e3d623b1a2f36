/* sp-case-cell.h: one cell of the case list, a case's field as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "synpunkt-core.h"

G_BEGIN_DECLS

#define SP_TYPE_CASE_CELL (sp_case_cell_get_type ())

G_DECLARE_FINAL_TYPE (SpCaseCell, sp_case_cell, SP, CASE_CELL, GtkWidget)

SpCase      *sp_case_cell_get_case      (SpCaseCell *self);
GtkListItem *sp_case_cell_get_list_item (SpCaseCell *self);
/* Writes the text again (what the view knows changed). */
void         sp_case_cell_refresh       (SpCaseCell *self);
/* The text shown. */
const char  *sp_case_cell_get_text      (SpCaseCell *self);

G_END_DECLS
