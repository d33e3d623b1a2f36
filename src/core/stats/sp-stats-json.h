/* sp-stats-json.h: the figures as JSON, as /api/v1/stats answers them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sp-stats-signals.h"

G_BEGIN_DECLS

/* { period, total, positive, complaints, overdue, deadline {due, within,
 * share}, handling_days {count, median, p90}, handling_working_days {…},
 * assessment {justified: n, …}, by {kind: {key: n}, …} }; a figure that
 * cannot be computed (a median of nothing) is null. */
JsonNode *sp_stats_figures_to_json (const SpStatsFigures *figures);
/* { current, previous, last_year } */
JsonNode *sp_stats_report_to_json  (const SpStatsReport  *report);
/* [ { dimension, key, count, previous: [n, n, n], expected, p_value,
 *     test: "poisson" } ] */
JsonNode *sp_stats_signals_to_json (GPtrArray            *signals);

G_END_DECLS
