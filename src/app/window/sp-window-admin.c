/* sp-window-admin.c: the Administration entry of the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The administration view is made the first time it is shown, as a page
 * of the content stack, and reads the organisation again each time.
 */

#include "sp-admin-view.h"
#include "sp-window-private.h"

void
_sp_window_show_admin (SpWindow *self)
{
  GtkWidget *view = gtk_stack_get_child_by_name (self->content_stack, "admin");

  if (view == NULL)
    {
      view = sp_admin_view_new (self->context);
      gtk_widget_set_name (view, "admin-view");
      gtk_stack_add_named (self->content_stack, view, "admin");
    }
  else
    sp_admin_view_reload (SP_ADMIN_VIEW (view));

  g_free (self->view);
  self->view = g_strdup ("admin");
  g_clear_pointer (&self->shown_case_id, g_free);
  _sp_window_sidebar_select (self, "admin");
  _sp_window_update_page (self);
}
