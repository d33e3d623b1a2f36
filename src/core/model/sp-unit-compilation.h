/* sp-unit-compilation.h: a unit's compilation of a period (sammanställning)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The routine asks each unit to compile its synpunkter och klagomål per
 * period, analyse them, assess the compilation and document the actions
 * taken and planned with a time for follow-up (R24). A compilation is one
 * record per unit and period (a tertial or a year): the figures counted
 * when it was made (a snapshot, kept as the JSON of sp_stats_figures_to_json()),
 * the unit manager's analysis, the assessment, the actions and the
 * follow-up date. It holds no case's data: figures are counts.
 */

#pragma once

#include "sp-entity.h"

G_BEGIN_DECLS

#define SP_TYPE_UNIT_COMPILATION (sp_unit_compilation_get_type ())

G_DECLARE_FINAL_TYPE (SpUnitCompilation, sp_unit_compilation, SP, UNIT_COMPILATION, SpEntity)

/* The longest analysis, assessment or actions text, in characters. */
#define SP_UNIT_COMPILATION_MAX_TEXT 20000

struct _SpUnitCompilation
{
  SpEntity parent_instance;

  char   *unit_id;
  char   *period;           /* "2025-T2" or "2025" (sp-period.h) */
  char   *figures;          /* the snapshot, a JSON object; the store's */
  char   *analysis;         /* causes, patterns, trends */
  char   *assessment;       /* the assessment of the compilation */
  char   *actions_taken;
  char   *actions_planned;
  SpDate  follow_up_on;     /* when the planned actions are followed up */
  char   *written_by;       /* the name of who made it; the store's */
  SpDate  written_on;       /* the store's */
};

extern const SpEntityInfo sp_unit_compilation_info;

SpUnitCompilation *sp_unit_compilation_new   (void);

/* The rules of a compilation: a unit, a period that is a tertial or a
 * year, texts of valid UTF-8 within SP_UNIT_COMPILATION_MAX_TEXT, planned
 * actions with a follow-up date (and a follow-up date with something to
 * follow up), the follow-up not before the period starts. The problems
 * as SpProblem (sp-investigation-check.h), none when it is valid. */
GPtrArray *sp_unit_compilation_check (SpUnitCompilation *self);

G_END_DECLS
