/* sp-case-history-section.h: the case's history, in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-case-section.h"

G_BEGIN_DECLS

#define SP_TYPE_CASE_HISTORY_SECTION (sp_case_history_section_get_type ())

G_DECLARE_FINAL_TYPE (SpCaseHistorySection, sp_case_history_section, SP,
                      CASE_HISTORY_SECTION, SpCaseSection)

/* Shows @kase's events (SpCaseEvent; NULL with @error when they could
 * not be read), newest first: the first few, and all of them once asked
 * (until another case is shown). */
void        sp_case_history_section_show       (SpCaseHistorySection *self,
                                                SpCase               *kase,
                                                GPtrArray            *events,
                                                const GError         *error);
/* The rows (GtkListBox of AdwActionRow), newest first. */
GtkWidget  *sp_case_history_section_get_list   (SpCaseHistorySection *self);

/* The words for a case's field in the history ("unit_id": "Unit"); a field
 * the app does not know yet shows by its API name. */
const char *sp_case_history_field_label        (const char           *field);

G_END_DECLS
