/* sp-admin-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One form for every record the administrator keeps: the page that opens
 * it fills in the rows and does the saving, so the dialog only shows
 * what is typed, waits while the change goes to the store or the server,
 * and says why it was refused without losing what was typed.
 */

#include <glib/gi18n.h>

#include "sp-admin-dialog.h"

struct _SpAdminDialog
{
  AdwWindow             parent_instance;

  AdwWindowTitle       *window_title;
  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *group;
  GtkLabel             *error_label;
  GtkWidget            *save_button;
  GtkWidget            *deactivate_button;

  gboolean              busy;
};

G_DEFINE_FINAL_TYPE (SpAdminDialog, sp_admin_dialog, ADW_TYPE_WINDOW)

enum {
  SAVE,
  DEACTIVATE,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
set_busy (SpAdminDialog *self,
          gboolean       busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", !busy);
  gtk_widget_set_sensitive (self->deactivate_button, !busy);
}

void
sp_admin_dialog_save (SpAdminDialog *self)
{
  g_return_if_fail (SP_IS_ADMIN_DIALOG (self));

  if (self->busy)
    return;
  set_busy (self, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_signal_emit (self, signals[SAVE], 0);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sp_admin_dialog_save (SP_ADMIN_DIALOG (widget));
}

static void
deactivate_clicked (SpAdminDialog *self)
{
  if (self->busy)
    return;
  set_busy (self, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_signal_emit (self, signals[DEACTIVATE], 0);
}

void
sp_admin_dialog_finish (SpAdminDialog *self,
                        const GError  *error)
{
  g_return_if_fail (SP_IS_ADMIN_DIALOG (self));

  set_busy (self, FALSE);
  if (error == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

const char *
sp_admin_dialog_get_error (SpAdminDialog *self)
{
  g_return_val_if_fail (SP_IS_ADMIN_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
         ? gtk_label_get_text (self->error_label) : NULL;
}

gboolean
sp_admin_dialog_get_busy (SpAdminDialog *self)
{
  g_return_val_if_fail (SP_IS_ADMIN_DIALOG (self), FALSE);

  return self->busy;
}

void
sp_admin_dialog_add (SpAdminDialog *self,
                     GtkWidget     *row)
{
  g_return_if_fail (SP_IS_ADMIN_DIALOG (self));

  adw_preferences_group_add (self->group, row);
}

GtkWidget *
sp_admin_dialog_add_group (SpAdminDialog *self,
                           const char    *title,
                           const char    *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  g_return_val_if_fail (SP_IS_ADMIN_DIALOG (self), NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  return group;
}

void
sp_admin_dialog_offer_deactivate (SpAdminDialog *self,
                                  const char    *label)
{
  g_return_if_fail (SP_IS_ADMIN_DIALOG (self));

  gtk_button_set_label (GTK_BUTTON (self->deactivate_button), label);
  gtk_widget_set_visible (self->deactivate_button, TRUE);
}

static void
sp_admin_dialog_class_init (SpAdminDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/se/synpunkt/Synpunkt/sp-admin-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpAdminDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SpAdminDialog, page);
  gtk_widget_class_bind_template_child (widget_class, SpAdminDialog, group);
  gtk_widget_class_bind_template_child (widget_class, SpAdminDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SpAdminDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SpAdminDialog, deactivate_button);
  gtk_widget_class_bind_template_callback (widget_class, deactivate_clicked);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DEACTIVATE] = g_signal_new ("deactivate", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sp_admin_dialog_init (SpAdminDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SpAdminDialog *
sp_admin_dialog_new (GtkWidget  *parent,
                     const char *title,
                     const char *description)
{
  SpAdminDialog *self = g_object_new (SP_TYPE_ADMIN_DIALOG, NULL);
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;

  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  if (description != NULL)
    adw_preferences_group_set_description (self->group, description);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  return self;
}
