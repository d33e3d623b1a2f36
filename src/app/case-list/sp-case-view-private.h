/* sp-case-view-private.h: what the case list's cells tell their view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-case-cell.h"
#include "sp-case-view.h"

G_BEGIN_DECLS

/* A cell in the view shows a case (or a placeholder), or no longer does. */
void _sp_case_view_add_cell    (SpCaseView *self,
                                SpCaseCell *cell);
void _sp_case_view_remove_cell (SpCaseView *self,
                                SpCaseCell *cell);

G_END_DECLS
