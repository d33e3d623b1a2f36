/* sp-case-sender-section.h: who sent the case, and whether they are owed
 * feedback
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-case-section.h"

G_BEGIN_DECLS

#define SP_TYPE_CASE_SENDER_SECTION (sp_case_sender_section_get_type ())

G_DECLARE_FINAL_TYPE (SpCaseSenderSection, sp_case_sender_section, SP, CASE_SENDER_SECTION,
                      SpCaseSection)

G_END_DECLS
