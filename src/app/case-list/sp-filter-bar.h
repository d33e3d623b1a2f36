/* sp-filter-bar.h: the case list's filters (kind, status, unit, category, overdue, dates)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sp-case-filter.h"
#include "sp-reference.h"

G_BEGIN_DECLS

#define SP_TYPE_FILTER_BAR (sp_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (SpFilterBar, sp_filter_bar, SP, FILTER_BAR, GtkWidget)

GtkWidget *sp_filter_bar_new            (void);
void       sp_filter_bar_set_reference (SpFilterBar  *self,
                                         SpReference  *cache);
/* Copies the bar's criteria into @filter (the text is left alone). */
void       sp_filter_bar_get_criteria   (SpFilterBar  *self,
                                         SpCaseFilter *filter);
/* Shows @filter's criteria without emitting "changed". */
void       sp_filter_bar_set_criteria   (SpFilterBar  *self,
                                         SpCaseFilter *filter);

G_END_DECLS
