/* sp-case-counts.h: the case list's counts, as /api/v1/stats answers them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How many cases a case query selects (its filters, dates and access
 * restriction; its sort and paging are ignored), by kind, category, unit,
 * channel, month received and status, and how many of them are overdue,
 * counted by SQL aggregates over the indexes: no case is loaded.
 */

#pragma once

#include "sp-stats.h"

G_BEGIN_DECLS

typedef struct
{
  gint64     total;
  gint64     overdue;
  /* SpStatsCount sorted by key ("none" for cases without a value), for
   * SP_STATS_KIND, _CATEGORY, _UNIT, _CHANNEL, _MONTH and _STATUS; NULL
   * for the other dimensions. */
  GPtrArray *by[SP_STATS_N_DIMENSIONS];
} SpCaseCounts;

SpCaseCounts *sp_store_count_cases_by (SpStore            *store,
                                       const SpCaseQuery  *query,
                                       GError            **error);
void          sp_case_counts_free     (SpCaseCounts       *counts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCaseCounts, sp_case_counts_free)

G_END_DECLS
