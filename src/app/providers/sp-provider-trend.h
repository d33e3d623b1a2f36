/* sp-provider-trend.h: the provider page's trend chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "synpunkt-core.h"
#include "sp-chart-scene.h"

G_BEGIN_DECLS

/* Cases received per month over the last twelve months (the figures'
 * month_counts), as bars of the one chart widget (SpChart), each month's
 * key "YYYY-MM". */
SpChartData *sp_provider_trend_data (const SpProviderFigures *figures);

G_END_DECLS
