/* sp-case-content-section.h: the case's subject and description, saved
 * with Save
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-case-section.h"

G_BEGIN_DECLS

/* The longest subject; the counter shows from SP_CASE_SUBJECT_WARN on. */
#define SP_CASE_SUBJECT_MAX  200
#define SP_CASE_SUBJECT_WARN 180

#define SP_TYPE_CASE_CONTENT_SECTION (sp_case_content_section_get_type ())

G_DECLARE_FINAL_TYPE (SpCaseContentSection, sp_case_content_section, SP,
                      CASE_CONTENT_SECTION, SpCaseSection)

/* Saves the subject and description if they were edited (Ctrl+S). */
void        sp_case_content_section_save (SpCaseContentSection *self);

G_END_DECLS
