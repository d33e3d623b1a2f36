/* sp-case-deadline-section.h: the case's deadline and its delay notice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-case-section.h"

G_BEGIN_DECLS

#define SP_TYPE_CASE_DEADLINE_SECTION (sp_case_deadline_section_get_type ())

G_DECLARE_FINAL_TYPE (SpCaseDeadlineSection, sp_case_deadline_section, SP,
                      CASE_DEADLINE_SECTION, SpCaseSection)

/* What the deadline row says ("3 days left", "Overdue by 2 days"). */
const char *sp_case_deadline_section_get_text (SpCaseDeadlineSection *self);

G_END_DECLS
