/* sp-link-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-link-dialog.h"

struct _SpLinkDialog
{
  AdwMessageDialog  parent_instance;

  AdwComboRow      *kind_row;
  AdwEntryRow      *other_row;
};

G_DEFINE_FINAL_TYPE (SpLinkDialog, sp_link_dialog, ADW_TYPE_MESSAGE_DIALOG)

char *
sp_link_dialog_dup_other (SpLinkDialog *self)
{
  g_return_val_if_fail (SP_IS_LINK_DIALOG (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->other_row))));
}

SpCaseLinkKind
sp_link_dialog_get_kind (SpLinkDialog *self)
{
  guint selected;

  g_return_val_if_fail (SP_IS_LINK_DIALOG (self), SP_CASE_LINK_RELATED);

  selected = adw_combo_row_get_selected (self->kind_row);
  return selected < SP_N_CASE_LINK_KINDS ? (SpCaseLinkKind) selected : SP_CASE_LINK_RELATED;
}

static void
other_changed (SpLinkDialog *self)
{
  g_autofree char *other = sp_link_dialog_dup_other (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "link", *other != '\0');
}

static void
sp_link_dialog_class_init (SpLinkDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-link-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpLinkDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SpLinkDialog, other_row);
  gtk_widget_class_bind_template_callback (widget_class, other_changed);
}

static void
sp_link_dialog_init (SpLinkDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  other_changed (self);
}

GtkWidget *
sp_link_dialog_new (GtkWindow *parent)
{
  return g_object_new (SP_TYPE_LINK_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
}
