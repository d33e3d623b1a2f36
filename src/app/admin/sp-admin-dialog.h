/* sp-admin-dialog.h: the form of one unit, user or category
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_ADMIN_DIALOG (sp_admin_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SpAdminDialog, sp_admin_dialog, SP, ADMIN_DIALOG, AdwWindow)

/* A modal form over @parent titled @title; the caller adds its rows and
 * answers "save" (and "deactivate", once offered) with
 * sp_admin_dialog_finish(). */
SpAdminDialog *sp_admin_dialog_new            (GtkWidget     *parent,
                                               const char    *title,
                                               const char    *description);
void           sp_admin_dialog_add            (SpAdminDialog *self,
                                               GtkWidget     *row);
/* A second group of rows (the roles, a new password). */
GtkWidget     *sp_admin_dialog_add_group      (SpAdminDialog *self,
                                               const char    *title,
                                               const char    *description);
/* Offers a destructive button that emits "deactivate". */
void           sp_admin_dialog_offer_deactivate (SpAdminDialog *self,
                                               const char    *label);
/* Presses Save, as the user would. */
void           sp_admin_dialog_save           (SpAdminDialog *self);
/* The change was made (@error NULL: the dialog closes) or refused (the
 * reason is shown, the form kept as it was typed). */
void           sp_admin_dialog_finish         (SpAdminDialog *self,
                                               const GError  *error);
/* What the dialog says went wrong, or NULL. */
const char    *sp_admin_dialog_get_error      (SpAdminDialog *self);
gboolean       sp_admin_dialog_get_busy       (SpAdminDialog *self);

G_END_DECLS
