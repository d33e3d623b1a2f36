/* sp-chart-scene.h: a chart's figures laid out as shapes, for the screen and for PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart is data (SpChartData: labels along the axis, one or more series
 * of values) laid out in a box as a list of shapes: rectangles, lines and
 * texts, in points, with colours named by role (a series' palette index,
 * the foreground, the grid). The app's SpChart widget appends the shapes
 * to a GtkSnapshot; sp_chart_scene_draw() draws them on a cairo context
 * (a PDF page). Both draw text with pango, so they look the same.
 *
 * Kinds:
 * - BARS: a group of bars per label, a bar per series, with value labels.
 * - STACKED: one bar per label, the series stacked, the total above.
 * - LINE: one line per series through the labels; a series marked dashed
 *   (the same months last year) is drawn dotted.
 * - SHARE: a horizontal bar per label on a 0–100 % scale (the share
 *   answered within the deadline, this period against the earlier ones).
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SP_CHART_BARS,
  SP_CHART_STACKED,
  SP_CHART_LINE,
  SP_CHART_SHARE,
} SpChartKind;

typedef struct
{
  char    *name;     /* in the legend */
  gboolean dashed;
  GArray  *values;   /* double, one per label; NAN for none */
} SpChartSeries;

typedef struct
{
  SpChartKind kind;
  char       *title;
  GPtrArray  *labels;   /* char *, along the axis */
  GPtrArray  *keys;     /* char *, what each label stands for (for a click); may hold NULL */
  GPtrArray  *series;   /* SpChartSeries * */
} SpChartData;

SpChartData   *sp_chart_data_new        (SpChartKind    kind,
                                         const char    *title);
void           sp_chart_data_free       (SpChartData   *data);
/* Adds a label (and its key) with no values yet; returns its index. */
guint          sp_chart_data_add_label  (SpChartData   *data,
                                         const char    *label,
                                         const char    *key);
/* Adds a series with a value per label, all NAN; returns it. */
SpChartSeries *sp_chart_data_add_series (SpChartData   *data,
                                         const char    *name,
                                         gboolean       dashed);
void           sp_chart_series_set      (SpChartSeries *series,
                                         guint          index,
                                         double         value);
double         sp_chart_series_get      (SpChartSeries *series,
                                         guint          index);
/* A value as shown: "12", "87 %" (SHARE, values 0–1), "–" for none. */
char          *sp_chart_data_format     (const SpChartData *data,
                                         double         value);
/* "Bar chart, Cases by category. Treatment: 12, 9. …": for screen readers. */
char          *sp_chart_data_describe   (const SpChartData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpChartData, sp_chart_data_free)

typedef enum
{
  SP_CHART_SHAPE_RECT,
  SP_CHART_SHAPE_LINE,
  SP_CHART_SHAPE_TEXT,
} SpChartShapeKind;

/* Colour roles: a series index from 0, or one of these. */
#define SP_CHART_COLOR_FOREGROUND (-1)
#define SP_CHART_COLOR_DIM        (-2)
#define SP_CHART_COLOR_GRID       (-3)

typedef struct
{
  SpChartShapeKind kind;
  int              color;
  double           x, y, width, height;  /* RECT; TEXT: the box it is aligned in */
  GArray          *points;               /* LINE: x, y pairs (double) */
  double           line_width;
  gboolean         dashed;
  char            *text;                 /* TEXT */
  PangoAlignment   align;
  gboolean         small;
  int              label;                /* RECT: the label it stands for, else -1 */
} SpChartShape;

typedef struct
{
  double     width, height;
  GPtrArray *shapes;   /* SpChartShape * */
} SpChartScene;

/* Lays @data out in @width × @height points. Texts get boxes of fixed
 * sizes, so @context (the widget's, or pango-cairo's) may be NULL; the
 * renderers ellipsize what does not fit. */
SpChartScene *sp_chart_scene_new        (const SpChartData *data,
                                         PangoContext      *context,
                                         double             width,
                                         double             height);
void          sp_chart_scene_free       (SpChartScene      *scene);
/* The label under (x, y) (a bar or a point's column), or -1. */
int           sp_chart_scene_hit        (SpChartScene      *scene,
                                         double             x,
                                         double             y);
/* The palette, the same on screen and paper; @dark for a dark theme. */
void          sp_chart_color            (int                role,
                                         gboolean           dark,
                                         double             rgba[4]);
/* A PangoLayout of @shape's text, sized and aligned in its box. */
PangoLayout  *sp_chart_shape_layout     (const SpChartShape *shape,
                                         PangoContext       *context);
/* Draws @scene on @cr at the origin. */
void          sp_chart_scene_draw       (SpChartScene      *scene,
                                         cairo_t           *cr,
                                         gboolean           dark);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpChartScene, sp_chart_scene_free)

G_END_DECLS
