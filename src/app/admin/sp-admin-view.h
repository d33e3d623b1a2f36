/* sp-admin-view.h: the administration, the administrator's sidebar entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sp-context.h"

G_BEGIN_DECLS

#define SP_TYPE_ADMIN_VIEW (sp_admin_view_get_type ())

G_DECLARE_FINAL_TYPE (SpAdminView, sp_admin_view, SP, ADMIN_VIEW, GtkBox)

GtkWidget  *sp_admin_view_new         (SpContext   *context);
/* Reads the organisation again (from the server when signed in). */
void        sp_admin_view_reload      (SpAdminView *self);
/* How many reads have come back, for tests to wait on. */
guint       sp_admin_view_get_serial  (SpAdminView *self);
gboolean    sp_admin_view_get_loading (SpAdminView *self);
/* Why the last read failed, or NULL. */
const char *sp_admin_view_get_error   (SpAdminView *self);
/* Shows the page "organisation", "users", "categories" or "rules". */
void        sp_admin_view_show_page   (SpAdminView *self,
                                       const char  *name);

G_END_DECLS
