/* sp-wrap-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The filter bar's layout. GtkFlowBox lines its children up in columns as
 * wide as the widest child, so one long unit name puts every filter on a
 * line of its own; here each child takes its natural width (or the whole
 * line, if that is less) and a line breaks where the next one does not
 * fit. libadwaita 1.2 has no wrap box of its own.
 */

#include "sp-wrap-layout.h"

#define SPACING 6

struct _SpWrapLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (SpWrapLayout, sp_wrap_layout, GTK_TYPE_LAYOUT_MANAGER)

static gboolean
shown (GtkWidget *child)
{
  return gtk_widget_should_layout (child);
}

/* Lays the children out in @width (or only measures, @allocate FALSE);
 * returns the height it takes. */
static int
flow (GtkWidget *widget,
      int        width,
      gboolean   allocate)
{
  int x = 0, y = 0, line_height = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min_w, nat_w, min_h, nat_h, w;

      if (!shown (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
      w = MAX (min_w, MIN (nat_w, width));
      if (x > 0 && x + w > width)
        {
          x = 0;
          y += line_height + SPACING;
          line_height = 0;
        }
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, &min_h, &nat_h, NULL, NULL);
      if (allocate)
        gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, w, nat_h }, -1);
      x += w + SPACING;
      line_height = MAX (line_height, nat_h);
    }

  return y + line_height;
}

static GtkSizeRequestMode
sp_wrap_layout_get_request_mode (GtkLayoutManager *manager,
                                 GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sp_wrap_layout_measure (GtkLayoutManager *manager,
                        GtkWidget        *widget,
                        GtkOrientation    orientation,
                        int               for_size,
                        int              *minimum,
                        int              *natural,
                        int              *minimum_baseline,
                        int              *natural_baseline)
{
  int min = 0, nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* At least the widest child; at best all on one line. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!shown (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += (nat > 0 ? SPACING : 0) + child_nat;
        }
    }
  else
    {
      int width = for_size, unused;

      /* No width given: the narrowest, the most lines. */
      if (width < 0)
        sp_wrap_layout_measure (manager, widget, GTK_ORIENTATION_HORIZONTAL, -1, &width, &unused,
                                &unused, &unused);
      min = nat = flow (widget, width, FALSE);
    }

  *minimum = min;
  *natural = nat;
  *minimum_baseline = -1;
  *natural_baseline = -1;
}

static void
sp_wrap_layout_allocate (GtkLayoutManager *manager,
                         GtkWidget        *widget,
                         int               width,
                         int               height,
                         int               baseline)
{
  flow (widget, width, TRUE);
}

static void
sp_wrap_layout_class_init (SpWrapLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->get_request_mode = sp_wrap_layout_get_request_mode;
  manager_class->measure = sp_wrap_layout_measure;
  manager_class->allocate = sp_wrap_layout_allocate;
}

static void
sp_wrap_layout_init (SpWrapLayout *self)
{
}

GtkLayoutManager *
sp_wrap_layout_new (void)
{
  return g_object_new (SP_TYPE_WRAP_LAYOUT, NULL);
}
