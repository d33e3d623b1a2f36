/* sp-chart.h: one chart widget for every chart of the analytics view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws an SpChartData with GtkSnapshot: its scene's rectangles with
 * gtk_snapshot_append_color, each line as one cairo path, the texts as
 * pango layouts. The scene is laid out again only when the size or the
 * data change. Colours follow the style manager's dark setting. A click on
 * a bar emits "activate-label" with the label's key. Its accessible
 * description says every value.
 */

#pragma once

#include <gtk/gtk.h>

#include "sp-chart-scene.h"

G_BEGIN_DECLS

#define SP_TYPE_CHART (sp_chart_get_type ())

G_DECLARE_FINAL_TYPE (SpChart, sp_chart, SP, CHART, GtkWidget)

GtkWidget         *sp_chart_new       (void);
/* Takes @data. */
void               sp_chart_set_data  (SpChart     *self,
                                       SpChartData *data);
const SpChartData *sp_chart_get_data  (SpChart     *self);
/* The scene as last drawn (for tests), or NULL. */
SpChartScene      *sp_chart_get_scene (SpChart     *self);
/* Lays out and draws into a throwaway snapshot at @width × @height: what
 * a resize costs (the benchmark's figure). */
void               sp_chart_render_at (SpChart     *self,
                                       int          width,
                                       int          height);

G_END_DECLS
