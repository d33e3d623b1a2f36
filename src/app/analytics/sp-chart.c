/* sp-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sp-chart.h"

struct _SpChart
{
  GtkWidget     parent_instance;

  SpChartData  *data;
  SpChartScene *scene;
};

G_DEFINE_FINAL_TYPE (SpChart, sp_chart, GTK_TYPE_WIDGET)

enum { ACTIVATE_LABEL, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
to_rgba (int      role,
         gboolean dark,
         GdkRGBA *color)
{
  double rgba[4];

  sp_chart_color (role, dark, rgba);
  color->red = rgba[0];
  color->green = rgba[1];
  color->blue = rgba[2];
  color->alpha = rgba[3];
}

static void
ensure_scene (SpChart *self,
              double   width,
              double   height)
{
  if (self->scene != NULL && self->scene->width == width && self->scene->height == height)
    return;
  g_clear_pointer (&self->scene, sp_chart_scene_free);
  if (self->data != NULL)
    self->scene = sp_chart_scene_new (self->data, gtk_widget_get_pango_context (GTK_WIDGET (self)),
                                      width, height);
}

static void
snapshot_line (GtkSnapshot  *snapshot,
               SpChartShape *shape,
               GdkRGBA      *color,
               double        width,
               double        height)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  double dash[] = { 2.0, 3.0 };

  for (guint p = 0; p + 1 < shape->points->len; p += 2)
    (p ? cairo_line_to : cairo_move_to) (cr, g_array_index (shape->points, double, p),
                                         g_array_index (shape->points, double, p + 1));
  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, shape->line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, dash, shape->dashed ? 2 : 0, 0);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
draw (SpChart     *self,
      GtkSnapshot *snapshot,
      double       width,
      double       height)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  gboolean dark = is_dark ();

  ensure_scene (self, width, height);
  if (self->scene == NULL)
    return;

  for (guint i = 0; i < self->scene->shapes->len; i++)
    {
      SpChartShape *shape = g_ptr_array_index (self->scene->shapes, i);
      GdkRGBA color;

      to_rgba (shape->color, dark, &color);
      if (color.alpha == 0.0)
        continue;
      switch (shape->kind)
        {
        case SP_CHART_SHAPE_RECT:
          gtk_snapshot_append_color (snapshot, &color,
                                     &GRAPHENE_RECT_INIT (shape->x, shape->y,
                                                          shape->width, shape->height));
          break;
        case SP_CHART_SHAPE_LINE:
          snapshot_line (snapshot, shape, &color, width, height);
          break;
        case SP_CHART_SHAPE_TEXT:
        default:
          {
            g_autoptr(PangoLayout) layout = sp_chart_shape_layout (shape, context);

            gtk_snapshot_save (snapshot);
            gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (shape->x, shape->y));
            gtk_snapshot_append_layout (snapshot, layout, &color);
            gtk_snapshot_restore (snapshot);
          }
          break;
        }
    }
}

static void
sp_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  draw (SP_CHART (widget), snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
}

static void
sp_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  SpChart *self = SP_CHART (widget);
  guint n = self->data ? self->data->labels->len : 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = MAX (360, (int) n * 56 + 40);
    }
  else
    {
      *minimum = 160;
      *natural = self->data && self->data->kind == SP_CHART_SHARE ? MAX (120, (int) n * 30 + 10) : 220;
      *minimum = MIN (*minimum, *natural);
    }
}

static void
sp_chart_size_allocate (GtkWidget *widget,
                        int        width,
                        int        height,
                        int        baseline)
{
  SpChart *self = SP_CHART (widget);

  if (self->scene != NULL && (self->scene->width != width || self->scene->height != height))
    g_clear_pointer (&self->scene, sp_chart_scene_free);
}

static void
pressed (GtkGestureClick *gesture,
         int              n_press,
         double           x,
         double           y,
         SpChart         *self)
{
  int label;

  if (self->scene == NULL || self->data == NULL)
    return;
  label = sp_chart_scene_hit (self->scene, x, y);
  if (label >= 0 && g_ptr_array_index (self->data->keys, label) != NULL)
    g_signal_emit (self, signals[ACTIVATE_LABEL], 0,
                   (const char *) g_ptr_array_index (self->data->keys, label));
}

static void
dark_changed (SpChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sp_chart_dispose (GObject *object)
{
  SpChart *self = SP_CHART (object);

  g_clear_pointer (&self->scene, sp_chart_scene_free);
  g_clear_pointer (&self->data, sp_chart_data_free);
  G_OBJECT_CLASS (sp_chart_parent_class)->dispose (object);
}

static void
sp_chart_class_init (SpChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_chart_dispose;
  widget_class->snapshot = sp_chart_snapshot;
  widget_class->measure = sp_chart_measure;
  widget_class->size_allocate = sp_chart_size_allocate;

  /* A bar was clicked: its label's key (a category code, a unit id…). */
  signals[ACTIVATE_LABEL] = g_signal_new ("activate-label", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sp_chart_init (SpChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
sp_chart_new (void)
{
  return g_object_new (SP_TYPE_CHART, NULL);
}

void
sp_chart_set_data (SpChart     *self,
                   SpChartData *data)
{
  g_autofree char *description = NULL;
  gboolean clickable = FALSE;

  g_return_if_fail (SP_IS_CHART (self));

  g_clear_pointer (&self->scene, sp_chart_scene_free);
  g_clear_pointer (&self->data, sp_chart_data_free);
  self->data = data;
  if (data != NULL)
    {
      description = sp_chart_data_describe (data);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, data->title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      for (guint i = 0; i < data->keys->len && !clickable; i++)
        clickable = g_ptr_array_index (data->keys, i) != NULL;
    }
  /* The hand over charts whose bars open the cases behind them. */
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), clickable ? "pointer" : NULL);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const SpChartData *
sp_chart_get_data (SpChart *self)
{
  g_return_val_if_fail (SP_IS_CHART (self), NULL);

  return self->data;
}

SpChartScene *
sp_chart_get_scene (SpChart *self)
{
  g_return_val_if_fail (SP_IS_CHART (self), NULL);

  return self->scene;
}

void
sp_chart_render_at (SpChart *self,
                    int      width,
                    int      height)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  g_clear_pointer (&self->scene, sp_chart_scene_free);
  draw (self, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_clear_pointer (&node, gsk_render_node_unref);
}
