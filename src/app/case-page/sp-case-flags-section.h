/* sp-case-flags-section.h: the case's flags (an individual's record, a
 * named employee, conflict of interest, contract breach)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-case-section.h"

G_BEGIN_DECLS

#define SP_TYPE_CASE_FLAGS_SECTION (sp_case_flags_section_get_type ())

G_DECLARE_FINAL_TYPE (SpCaseFlagsSection, sp_case_flags_section, SP, CASE_FLAGS_SECTION,
                      SpCaseSection)

/* The switch of a flag ("individual_record", "individual_record_noted",
 * "named_employee", "conflict_of_interest", "contract_breach"), or NULL. */
GtkWidget  *sp_case_flags_section_get_switch (SpCaseFlagsSection *self,
                                              const char         *flag);

G_END_DECLS
