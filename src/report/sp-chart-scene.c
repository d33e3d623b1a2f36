/* sp-chart-scene.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sp-chart-scene.h"

/* Shapes that only catch clicks (a line chart's columns). */
#define SP_CHART_COLOR_NONE (-4)

#define FONT_SIZE 9.0
#define SMALL_SIZE 7.5
#define LEGEND_HEIGHT 18.0
#define AXIS_WIDTH 34.0
#define LABEL_HEIGHT 28.0

static void
series_free (gpointer p)
{
  SpChartSeries *series = p;

  g_free (series->name);
  g_array_unref (series->values);
  g_free (series);
}

SpChartData *
sp_chart_data_new (SpChartKind  kind,
                   const char  *title)
{
  SpChartData *data = g_new0 (SpChartData, 1);

  data->kind = kind;
  data->title = g_strdup (title);
  data->labels = g_ptr_array_new_with_free_func (g_free);
  data->keys = g_ptr_array_new_with_free_func (g_free);
  data->series = g_ptr_array_new_with_free_func (series_free);
  return data;
}

void
sp_chart_data_free (SpChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_ptr_array_unref (data->labels);
  g_ptr_array_unref (data->keys);
  g_ptr_array_unref (data->series);
  g_free (data);
}

guint
sp_chart_data_add_label (SpChartData *data,
                         const char  *label,
                         const char  *key)
{
  double none = NAN;

  g_ptr_array_add (data->labels, g_strdup (label));
  g_ptr_array_add (data->keys, g_strdup (key));
  for (guint i = 0; i < data->series->len; i++)
    g_array_append_val (((SpChartSeries *) g_ptr_array_index (data->series, i))->values, none);
  return data->labels->len - 1;
}

SpChartSeries *
sp_chart_data_add_series (SpChartData *data,
                          const char  *name,
                          gboolean     dashed)
{
  SpChartSeries *series = g_new0 (SpChartSeries, 1);
  double none = NAN;

  series->name = g_strdup (name);
  series->dashed = dashed;
  series->values = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < data->labels->len; i++)
    g_array_append_val (series->values, none);
  g_ptr_array_add (data->series, series);
  return series;
}

void
sp_chart_series_set (SpChartSeries *series,
                     guint          index,
                     double         value)
{
  g_return_if_fail (index < series->values->len);
  g_array_index (series->values, double, index) = value;
}

double
sp_chart_series_get (SpChartSeries *series,
                     guint          index)
{
  return index < series->values->len ? g_array_index (series->values, double, index) : NAN;
}

char *
sp_chart_data_format (const SpChartData *data,
                      double             value)
{
  if (isnan (value))
    return g_strdup ("–");
  if (data->kind == SP_CHART_SHARE)
    return g_strdup_printf ("%.0f %%", value * 100.0);
  return g_strdup_printf ("%.0f", value);
}

char *
sp_chart_data_describe (const SpChartData *data)
{
  GString *text = g_string_new (NULL);
  const char *kind;

  switch (data->kind)
    {
    case SP_CHART_STACKED: kind = _("Stacked bar chart"); break;
    case SP_CHART_LINE: kind = _("Line chart"); break;
    case SP_CHART_SHARE: kind = _("Share chart"); break;
    case SP_CHART_BARS:
    default: kind = _("Bar chart"); break;
    }
  g_string_append_printf (text, "%s, %s.", kind, data->title ? data->title : "");
  if (data->series->len > 1)
    {
      g_string_append_c (text, ' ');
      /* Translators: before the names of a chart's series */
      g_string_append (text, _("Series:"));
      for (guint s = 0; s < data->series->len; s++)
        g_string_append_printf (text, "%s %s", s ? "," : "",
                                ((SpChartSeries *) g_ptr_array_index (data->series, s))->name);
      g_string_append_c (text, '.');
    }
  if (data->labels->len == 0)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("No cases."));
    }
  for (guint i = 0; i < data->labels->len; i++)
    {
      g_string_append_printf (text, " %s:", (const char *) g_ptr_array_index (data->labels, i));
      for (guint s = 0; s < data->series->len; s++)
        {
          g_autofree char *value = sp_chart_data_format (data,
                                                         sp_chart_series_get (g_ptr_array_index (data->series, s), i));
          g_string_append_printf (text, "%s %s", s ? "," : "", value);
        }
      g_string_append_c (text, '.');
    }
  return g_string_free (text, FALSE);
}

static void
shape_free (gpointer p)
{
  SpChartShape *shape = p;

  g_clear_pointer (&shape->points, g_array_unref);
  g_free (shape->text);
  g_free (shape);
}

static SpChartShape *
add_rect (SpChartScene *scene,
          int           color,
          double        x,
          double        y,
          double        width,
          double        height,
          int           label)
{
  SpChartShape *shape = g_new0 (SpChartShape, 1);

  shape->kind = SP_CHART_SHAPE_RECT;
  shape->color = color;
  shape->x = x;
  shape->y = y;
  shape->width = width;
  shape->height = height;
  shape->label = label;
  g_ptr_array_add (scene->shapes, shape);
  return shape;
}

static SpChartShape *
add_text (SpChartScene   *scene,
          int             color,
          const char     *text,
          double          x,
          double          y,
          double          width,
          double          height,
          PangoAlignment  align,
          gboolean        small)
{
  SpChartShape *shape = g_new0 (SpChartShape, 1);

  shape->kind = SP_CHART_SHAPE_TEXT;
  shape->color = color;
  shape->text = g_strdup (text);
  shape->x = x;
  shape->y = y;
  shape->width = MAX (width, 1.0);
  shape->height = height;
  shape->align = align;
  shape->small = small;
  shape->label = -1;
  g_ptr_array_add (scene->shapes, shape);
  return shape;
}

static SpChartShape *
add_line (SpChartScene *scene,
          int           color,
          double        line_width,
          gboolean      dashed)
{
  SpChartShape *shape = g_new0 (SpChartShape, 1);

  shape->kind = SP_CHART_SHAPE_LINE;
  shape->color = color;
  shape->points = g_array_new (FALSE, FALSE, sizeof (double));
  shape->line_width = line_width;
  shape->dashed = dashed;
  shape->label = -1;
  g_ptr_array_add (scene->shapes, shape);
  return shape;
}

static void
line_to (SpChartShape *line,
         double        x,
         double        y)
{
  g_array_append_val (line->points, x);
  g_array_append_val (line->points, y);
}

/* A round step for the scale, 1, 2, 2.5 or 5 times a power of ten,
 * that reaches @top in about four steps. */
static double
nice_step (double top)
{
  double raw = top / 4.0;
  double power, fraction;

  if (raw <= 0 || isnan (raw))
    return 0.25;
  power = pow (10.0, floor (log10 (raw)));
  fraction = raw / power;
  if (fraction <= 1.0)
    return power;
  if (fraction <= 2.0)
    return 2.0 * power;
  if (fraction <= 2.5)
    return 2.5 * power;
  if (fraction <= 5.0)
    return 5.0 * power;
  return 10.0 * power;
}

static double
max_value (const SpChartData *data)
{
  double top = 0.0;

  for (guint i = 0; i < data->labels->len; i++)
    {
      double sum = 0.0;

      for (guint s = 0; s < data->series->len; s++)
        {
          double v = sp_chart_series_get (g_ptr_array_index (data->series, s), i);

          if (isnan (v))
            continue;
          if (data->kind == SP_CHART_STACKED)
            sum += v;
          else
            top = MAX (top, v);
        }
      top = MAX (top, sum);
    }
  return top;
}

static void
lay_legend (SpChartScene      *scene,
            const SpChartData *data)
{
  double x = 0.0;
  double slot = data->series->len ? MIN (160.0, scene->width / data->series->len) : 0;

  if (data->series->len < 2)
    return;
  for (guint s = 0; s < data->series->len; s++)
    {
      SpChartSeries *series = g_ptr_array_index (data->series, s);

      if (data->kind == SP_CHART_LINE)
        {
          SpChartShape *line = add_line (scene, s, 2.0, series->dashed);

          line_to (line, x, 7.0);
          line_to (line, x + 14.0, 7.0);
        }
      else
        add_rect (scene, s, x, 2.0, 10.0, 10.0, -1);
      add_text (scene, SP_CHART_COLOR_FOREGROUND, series->name, x + 18.0, 0.0, slot - 24.0,
                LEGEND_HEIGHT, PANGO_ALIGN_LEFT, TRUE);
      x += slot;
    }
}

/* The vertical scale's grid and numbers over the plot box. */
static void
lay_scale (SpChartScene *scene,
           double        top,
           double        step,
           double        px,
           double        py,
           double        pw,
           double        ph)
{
  int n = (int) round (top / step);

  for (int i = 0; i <= n; i++)
    {
      double y = py + ph - ph * i / n;
      g_autofree char *number = g_strdup_printf ("%g", step * i);

      add_rect (scene, SP_CHART_COLOR_GRID, px, y, pw, 1.0, -1);
      add_text (scene, SP_CHART_COLOR_DIM, number, 0.0, y - 6.0, AXIS_WIDTH - 6.0, 12.0,
                PANGO_ALIGN_RIGHT, TRUE);
    }
}

static void
lay_columns (SpChartScene      *scene,
             const SpChartData *data,
             double             px,
             double             py,
             double             pw,
             double             ph)
{
  guint n = data->labels->len;
  guint ns = data->series->len;
  double group = n ? pw / n : pw;
  double max = max_value (data);
  double step = nice_step (max);
  double top = MAX (step * ceil (max / step), step);

  /* Small counts: whole numbers on the scale. */
  if (step < 1.0 && data->kind != SP_CHART_SHARE)
    {
      step = 1.0;
      top = MAX (ceil (max), 1.0);
    }
  lay_scale (scene, top, step, px, py, pw, ph);
  for (guint i = 0; i < n; i++)
    {
      double gx = px + group * i;
      double base = py + ph;

      add_text (scene, SP_CHART_COLOR_FOREGROUND, g_ptr_array_index (data->labels, i),
                gx + 1.0, py + ph + 4.0, group - 2.0, LABEL_HEIGHT - 4.0, PANGO_ALIGN_CENTER, TRUE);

      if (data->kind == SP_CHART_LINE)
        {
          add_rect (scene, SP_CHART_COLOR_NONE, gx, py, group, ph, (int) i);
          continue;
        }

      if (data->kind == SP_CHART_STACKED)
        {
          double width = group * 0.6;
          double sum = 0.0;
          g_autofree char *total = NULL;

          for (guint s = 0; s < ns; s++)
            {
              double v = sp_chart_series_get (g_ptr_array_index (data->series, s), i);
              double h;

              if (isnan (v) || v <= 0)
                continue;
              h = ph * v / top;
              add_rect (scene, s, gx + (group - width) / 2, base - h, width, h, (int) i);
              base -= h;
              sum += v;
            }
          total = sp_chart_data_format (data, sum);
          add_text (scene, SP_CHART_COLOR_FOREGROUND, total, gx, base - 13.0, group, 12.0,
                    PANGO_ALIGN_CENTER, TRUE);
          continue;
        }

      for (guint s = 0; s < ns; s++)
        {
          double v = sp_chart_series_get (g_ptr_array_index (data->series, s), i);
          double width = group * 0.7 / MAX (ns, 1);
          double x = gx + group * 0.15 + width * s;
          double h = isnan (v) ? 0.0 : ph * v / top;
          g_autofree char *value = sp_chart_data_format (data, v);

          add_rect (scene, s, x + 1.0, base - h, MAX (width - 2.0, 1.0), h, (int) i);
          add_text (scene, SP_CHART_COLOR_FOREGROUND, value, x - 4.0, base - h - 13.0,
                    width + 8.0, 12.0, PANGO_ALIGN_CENTER, TRUE);
        }
    }

  if (data->kind != SP_CHART_LINE)
    return;
  for (guint s = 0; s < ns; s++)
    {
      SpChartSeries *series = g_ptr_array_index (data->series, s);
      SpChartShape *line = add_line (scene, s, series->dashed ? 1.5 : 2.5, series->dashed);

      for (guint i = 0; i < n; i++)
        {
          double v = sp_chart_series_get (series, i);
          double x = px + group * (i + 0.5);
          double y = py + ph - (isnan (v) ? 0.0 : ph * v / top);

          line_to (line, x, y);
          if (!series->dashed)
            {
              g_autofree char *value = sp_chart_data_format (data, v);

              add_rect (scene, s, x - 2.5, y - 2.5, 5.0, 5.0, (int) i);
              add_text (scene, SP_CHART_COLOR_FOREGROUND, value, x - group / 2, y - 15.0, group,
                        12.0, PANGO_ALIGN_CENTER, TRUE);
            }
        }
    }
}

static void
lay_shares (SpChartScene      *scene,
            const SpChartData *data,
            double             py,
            double             ph)
{
  guint n = data->labels->len;
  double label_width = MIN (scene->width * 0.35, 160.0);
  double bx = label_width + 8.0;
  double bw = MAX (scene->width - bx - 48.0, 10.0);
  double row = n ? MIN (ph / n, 30.0) : ph;
  SpChartSeries *series = data->series->len ? g_ptr_array_index (data->series, 0) : NULL;

  for (guint i = 0; i < n; i++)
    {
      double y = py + row * i;
      double v = series ? sp_chart_series_get (series, i) : NAN;
      double share = isnan (v) ? 0.0 : CLAMP (v, 0.0, 1.0);
      g_autofree char *value = sp_chart_data_format (data, v);

      add_text (scene, SP_CHART_COLOR_FOREGROUND, g_ptr_array_index (data->labels, i), 0.0,
                y + row / 2 - 7.0, label_width, 14.0, PANGO_ALIGN_RIGHT, FALSE);
      add_rect (scene, SP_CHART_COLOR_GRID, bx, y + row * 0.2, bw, row * 0.6, (int) i);
      add_rect (scene, i == 0 ? 0 : (int) i, bx, y + row * 0.2, bw * share, row * 0.6, (int) i);
      add_text (scene, SP_CHART_COLOR_FOREGROUND, value, bx + bw + 4.0, y + row / 2 - 7.0, 44.0,
                14.0, PANGO_ALIGN_LEFT, FALSE);
    }
}

SpChartScene *
sp_chart_scene_new (const SpChartData *data,
                    PangoContext      *context,
                    double             width,
                    double             height)
{
  SpChartScene *scene = g_new0 (SpChartScene, 1);
  double top;

  g_return_val_if_fail (data != NULL, scene);

  scene->width = width;
  scene->height = height;
  scene->shapes = g_ptr_array_new_with_free_func (shape_free);
  if (width < 40 || height < 40)
    return scene;

  lay_legend (scene, data);
  top = data->series->len > 1 ? LEGEND_HEIGHT + 12.0 : 14.0;
  if (data->kind == SP_CHART_SHARE)
    lay_shares (scene, data, top - 10.0, height - top + 10.0);
  else
    lay_columns (scene, data, AXIS_WIDTH, top, width - AXIS_WIDTH, height - top - LABEL_HEIGHT);
  return scene;
}

void
sp_chart_scene_free (SpChartScene *scene)
{
  if (scene == NULL)
    return;
  g_ptr_array_unref (scene->shapes);
  g_free (scene);
}

int
sp_chart_scene_hit (SpChartScene *scene,
                    double        x,
                    double        y)
{
  for (guint i = scene->shapes->len; i > 0; i--)
    {
      SpChartShape *shape = g_ptr_array_index (scene->shapes, i - 1);

      if (shape->kind == SP_CHART_SHAPE_RECT && shape->label >= 0 &&
          x >= shape->x && x <= shape->x + shape->width &&
          y >= shape->y - 2.0 && y <= shape->y + MAX (shape->height, 2.0))
        return shape->label;
    }
  return -1;
}

void
sp_chart_color (int      role,
                gboolean dark,
                double   rgba[4])
{
  /* The GNOME palette: blue, orange, green, purple, yellow, red, brown. */
  static const guint32 light[] = { 0x3584e4, 0xe66100, 0x2ec27e, 0x9141ac, 0xc64600, 0xc01c28, 0x865e3c };
  static const guint32 darker[] = { 0x62a0ea, 0xffa348, 0x57e389, 0xc061cb, 0xf8e45c, 0xf66151, 0xcdab8f };
  guint32 rgb;
  double alpha = 1.0;

  if (role >= 0)
    rgb = (dark ? darker : light)[role % G_N_ELEMENTS (light)];
  else
    {
      rgb = dark ? 0xffffff : 0x241f31;
      alpha = role == SP_CHART_COLOR_DIM ? 0.6 : role == SP_CHART_COLOR_GRID ? 0.15 :
              role == SP_CHART_COLOR_NONE ? 0.0 : 0.9;
    }
  rgba[0] = ((rgb >> 16) & 0xff) / 255.0;
  rgba[1] = ((rgb >> 8) & 0xff) / 255.0;
  rgba[2] = (rgb & 0xff) / 255.0;
  rgba[3] = alpha;
}

PangoLayout *
sp_chart_shape_layout (const SpChartShape *shape,
                       PangoContext       *context)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (shape->small ? SMALL_SIZE : FONT_SIZE) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, shape->text, -1);
  pango_layout_set_width (layout, (int) (shape->width * PANGO_SCALE));
  pango_layout_set_height (layout, (int) (shape->height * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, shape->align);
  return layout;
}

void
sp_chart_scene_draw (SpChartScene *scene,
                     cairo_t      *cr,
                     gboolean      dark)
{
  PangoContext *context = pango_cairo_create_context (cr);

  /* Points on paper, as the layout measured them. */
  pango_cairo_context_set_resolution (context, 72);

  for (guint i = 0; i < scene->shapes->len; i++)
    {
      SpChartShape *shape = g_ptr_array_index (scene->shapes, i);
      double rgba[4];

      sp_chart_color (shape->color, dark, rgba);
      if (rgba[3] == 0.0)
        continue;
      cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
      switch (shape->kind)
        {
        case SP_CHART_SHAPE_RECT:
          cairo_rectangle (cr, shape->x, shape->y, shape->width, shape->height);
          cairo_fill (cr);
          break;
        case SP_CHART_SHAPE_LINE:
          {
            double dash[] = { 2.0, 3.0 };

            for (guint p = 0; p + 1 < shape->points->len; p += 2)
              (p ? cairo_line_to : cairo_move_to) (cr, g_array_index (shape->points, double, p),
                                                   g_array_index (shape->points, double, p + 1));
            cairo_set_line_width (cr, shape->line_width);
            cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
            cairo_set_dash (cr, dash, shape->dashed ? 2 : 0, 0);
            cairo_stroke (cr);
            cairo_set_dash (cr, NULL, 0, 0);
          }
          break;
        case SP_CHART_SHAPE_TEXT:
        default:
          {
            g_autoptr(PangoLayout) layout = sp_chart_shape_layout (shape, context);

            cairo_move_to (cr, shape->x, shape->y);
            pango_cairo_show_layout (cr, layout);
          }
          break;
        }
    }
  g_object_unref (context);
}
