/* sp-analytics-data.h: the analytics view's figures, read by the store worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One job of the store worker counts a period and scope on the replica
 * with core's statistics (the same code as the server's /api/v1/stats):
 * the figures of the period, the previous one and the same period last
 * year, the pattern signals, and the valence of each kind. Then the
 * charts' data are made from it on the main thread, with the names.
 */

#pragma once

#include "sp-chart-scene.h"
#include "sp-reference.h"
#include "synpunkt-core.h"

G_BEGIN_DECLS

typedef struct
{
  SpPeriod        period;
  char           *scope;          /* "organisation", "unit:<id>", … */
  SpStatsReport  *report;
  GPtrArray      *signals;        /* SpStatsSignal */
  SpStatsFigures *by_kind[SP_CASE_KIND_CITIZEN_PROPOSAL + 1]; /* the period's cases of each kind */
  GPtrArray      *compilations;   /* SpUnitCompilation of the period and scope (R24) */
} SpAnalyticsData;

/* Shared (a summary being written keeps the figures it shows): free
 * drops a reference. */
SpAnalyticsData *sp_analytics_data_ref      (SpAnalyticsData *data);
void             sp_analytics_data_free     (SpAnalyticsData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpAnalyticsData, sp_analytics_data_free)

/* Counts in @store (the worker's thread, or a benchmark's). */
SpAnalyticsData *sp_analytics_data_compute  (SpStore         *store,
                                             const SpPeriod  *period,
                                             const char      *scope,
                                             GError         **error);

void             sp_analytics_data_compute_async  (SpStoreWorker       *worker,
                                                   const SpPeriod      *period,
                                                   const char          *scope,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
SpAnalyticsData *sp_analytics_data_compute_finish (SpStoreWorker       *worker,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* The charts, by their ids "category", "kind-valence", "trend",
 * "deadline", "unit", "channel", "assessment"; NULL-terminated. */
extern const char * const sp_analytics_chart_ids[];

/* A chart's data, labels named through @names (may be NULL). */
SpChartData     *sp_analytics_data_chart    (SpAnalyticsData *data,
                                             const char      *id,
                                             SpReference     *names);

G_END_DECLS
