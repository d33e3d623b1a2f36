/* sp-admin-page.h: what the administration's pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sp-admin-backend.h"
#include "sp-admin-dialog.h"

G_BEGIN_DECLS

/* Empties a list of rows. */
void       sp_admin_list_clear      (GtkListBox     *list);
/* A row that opens its record's form, named @name for tests and
 * screen readers alike. */
GtkWidget *sp_admin_row_new         (const char     *name,
                                     const char     *title,
                                     const char     *subtitle,
                                     gboolean        editable);
/* An entry row of the form, named @name, holding @text. */
GtkWidget *sp_admin_entry_row_new   (const char     *name,
                                     const char     *title,
                                     const char     *text);
/* A combo row of @labels (NULL-terminated), @selected chosen. */
GtkWidget *sp_admin_combo_row_new   (const char     *name,
                                     const char     *title,
                                     GPtrArray      *labels,
                                     guint           selected);
/* The trimmed text of an entry row, NULL when blank. */
char      *sp_admin_entry_dup_text  (GtkWidget      *row);
/* Finishes @dialog (held by @user_data) with the backend's answer. */
void       sp_admin_save_done       (GObject        *source,
                                     GAsyncResult   *result,
                                     gpointer        user_data);
void       sp_admin_deactivate_done (GObject        *source,
                                     GAsyncResult   *result,
                                     gpointer        user_data);
/* The units that users can work in and cases be sent to: departments
 * and units, by name. */
GPtrArray *sp_admin_working_units   (SpAdminData    *data);

G_END_DECLS
