/* sp-window-analytics.c: the Analytics entry of the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The analytics view is made the first time it is shown, as a page of
 * the content stack; a click on a bar shows the case list filtered.
 */

#include <glib/gi18n.h>

#include "sp-analytics-view.h"
#include "sp-window-private.h"

static void
show_cases (SpWindow     *self,
            SpCaseFilter *filter)
{
  sp_window_set_view (self, "all");
  sp_case_view_set_view (self->case_view, SP_CASE_VIEW_ALL, filter);
}

void
_sp_window_show_analytics (SpWindow *self)
{
  GtkWidget *view = gtk_stack_get_child_by_name (self->content_stack, "analytics");

  if (view == NULL)
    {
      view = sp_analytics_view_new (sp_context_get_worker (self->context), sp_context_get_reference (self->context));
      gtk_widget_set_name (view, "analytics-view");
      sp_analytics_view_set_actor (SP_ANALYTICS_VIEW (view), sp_context_get_actor (self->context));
      gtk_stack_add_named (self->content_stack, view, "analytics");
      g_signal_connect_object (view, "show-cases", G_CALLBACK (show_cases), self, G_CONNECT_SWAPPED);
    }
  else
    sp_analytics_view_reload (SP_ANALYTICS_VIEW (view));

  g_free (self->view);
  self->view = g_strdup ("analytics");
  g_clear_pointer (&self->shown_case_id, g_free);
  _sp_window_sidebar_select (self, "analytics");
  _sp_window_update_page (self);
}
