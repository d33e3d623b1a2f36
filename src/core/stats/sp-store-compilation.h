/* sp-store-compilation.h: units' compilations (sammanställningar) in the
 * store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app (its local store or replica) and the server save compilations
 * through sp_store_save_unit_compilation(), so that both apply the same
 * rules: who may write which unit's, one compilation a unit and period,
 * the figures counted once when it is made.
 */

#pragma once

#include "sp-store.h"
#include "sp-unit-compilation.h"

G_BEGIN_DECLS

/* Whether @actor may write @unit_id's compilations: the unit's manager
 * (a unit manager whose unit it is) or its head of department (the unit
 * is theirs or below it in the tree). SP_ERROR_PERMISSION otherwise. The
 * actor's unit is read from the stored user. */
gboolean   sp_store_check_compilation_writer (SpStore           *self,
                                              const SpActor     *actor,
                                              const char        *unit_id,
                                              GError           **error);

/* Saves @compilation after sp_unit_compilation_check() and the writer's
 * check (none when @actor is NULL: the system, an import). A new one is
 * refused (SP_ERROR_CONFLICT, on "period") when the unit has one for the
 * period already; it gets its figures, counted now over the unit's cases
 * of the period (sp_stats_compute()), and who wrote it and when. The
 * unit, the period, the figures and who wrote it never change after. */
gboolean   sp_store_save_unit_compilation    (SpStore           *self,
                                              SpUnitCompilation *compilation,
                                              SpSaveFlags        flags,
                                              const SpActor     *actor,
                                              GError           **error);

/* The compilations of @unit_id and of @period (either may be NULL: then
 * all), the latest period first, then by unit. */
GPtrArray *sp_store_list_unit_compilations   (SpStore           *self,
                                              const char        *unit_id,
                                              const char        *period,
                                              GError           **error);

G_END_DECLS
