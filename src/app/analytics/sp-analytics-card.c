/* sp-analytics-card.c: one chart of the analytics view, or its table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "sp-analytics-view-private.h"

static GtkWidget *
named (GtkWidget  *widget,
       const char *prefix,
       const char *id)
{
  g_autofree char *name = g_strconcat (prefix, id, NULL);

  gtk_widget_set_name (widget, name);
  return widget;
}

static void
toggled (GtkToggleButton *toggle,
         GtkStack        *stack)
{
  gtk_stack_set_visible_child_name (stack, gtk_toggle_button_get_active (toggle) ? "table" : "chart");
}

GtkWidget *
_sp_analytics_card_new (const char *id)
{
  GtkWidget *card = named (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6), "card-", id);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *toggle = named (gtk_toggle_button_new (), "table-toggle-", id);
  GtkWidget *stack = named (gtk_stack_new (), "chart-stack-", id);
  GtkWidget *chart = named (sp_chart_new (), "chart-", id);
  GtkWidget *table = named (gtk_grid_new (), "table-", id);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "chart-card");
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (header), title);

  gtk_button_set_icon_name (GTK_BUTTON (toggle), "view-list-symbolic");
  gtk_widget_add_css_class (toggle, "flat");
  gtk_widget_set_tooltip_text (toggle, _("Show as Table"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show as Table"), -1);
  gtk_box_append (GTK_BOX (header), toggle);
  gtk_box_append (GTK_BOX (card), header);

  gtk_grid_set_column_spacing (GTK_GRID (table), 18);
  gtk_grid_set_row_spacing (GTK_GRID (table), 4);
  gtk_widget_set_margin_start (table, 6);
  gtk_widget_set_margin_end (table, 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), table);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_widget_set_hexpand (chart, TRUE);
  gtk_widget_set_vexpand (chart, TRUE);
  gtk_stack_add_named (GTK_STACK (stack), chart, "chart");
  gtk_stack_add_named (GTK_STACK (stack), scroller, "table");
  gtk_stack_set_vhomogeneous (GTK_STACK (stack), FALSE);
  gtk_box_append (GTK_BOX (card), stack);
  g_signal_connect_object (toggle, "toggled", G_CALLBACK (toggled), stack, 0);

  g_object_set_data (G_OBJECT (card), "title", title);
  g_object_set_data (G_OBJECT (card), "chart", chart);
  g_object_set_data (G_OBJECT (card), "table", table);
  g_object_set_data (G_OBJECT (chart), "chart-id", (gpointer) g_intern_string (id));
  return card;
}

static void
cell (GtkGrid    *grid,
      const char *text,
      int         column,
      int         row,
      gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0f : 1.0f);
  gtk_label_set_selectable (GTK_LABEL (label), !heading);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static void
fill_table (GtkGrid     *grid,
            SpChartData *data)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);

  cell (grid, "", 0, 0, TRUE);
  for (guint s = 0; s < data->series->len; s++)
    cell (grid, ((SpChartSeries *) g_ptr_array_index (data->series, s))->name, (int) s + 1, 0, TRUE);
  for (guint i = 0; i < data->labels->len; i++)
    {
      cell (grid, g_ptr_array_index (data->labels, i), 0, (int) i + 1, FALSE);
      for (guint s = 0; s < data->series->len; s++)
        {
          g_autofree char *value = sp_chart_data_format (data,
                                                         sp_chart_series_get (g_ptr_array_index (data->series, s), i));
          cell (grid, value, (int) s + 1, (int) i + 1, FALSE);
        }
    }
  if (data->labels->len == 0)
    cell (grid, _("No cases."), 0, 1, FALSE);
}

void
_sp_analytics_card_set_data (GtkWidget   *card,
                             SpChartData *data)
{
  gtk_label_set_text (g_object_get_data (G_OBJECT (card), "title"), data->title);
  fill_table (g_object_get_data (G_OBJECT (card), "table"), data);
  sp_chart_set_data (_sp_analytics_card_get_chart (card), data);
}

SpChart *
_sp_analytics_card_get_chart (GtkWidget *card)
{
  return g_object_get_data (G_OBJECT (card), "chart");
}
