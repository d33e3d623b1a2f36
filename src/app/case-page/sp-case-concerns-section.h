/* sp-case-concerns-section.h: what the case concerns (unit or provider,
 * area, category, an authority's reference)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-case-section.h"

G_BEGIN_DECLS

#define SP_TYPE_CASE_CONCERNS_SECTION (sp_case_concerns_section_get_type ())

G_DECLARE_FINAL_TYPE (SpCaseConcernsSection, sp_case_concerns_section, SP,
                      CASE_CONCERNS_SECTION, SpCaseSection)

G_END_DECLS
