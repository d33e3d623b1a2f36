/* sp-diary-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "sp-diary-export-dialog.h"

struct _SpDiaryExportDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *from_row;
  AdwEntryRow      *to_row;
  AdwComboRow      *format_row;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (SpDiaryExportDialog, sp_diary_export_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The period as typed; the message says what is wrong, or is NULL. */
static gboolean
read_period (SpDiaryExportDialog  *self,
             SpDate               *from,
             SpDate               *to,
             const char          **message)
{
  const char *from_text = gtk_editable_get_text (GTK_EDITABLE (self->from_row));
  const char *to_text = gtk_editable_get_text (GTK_EDITABLE (self->to_row));

  *message = NULL;
  if (!sp_date_parse (from_text, from) || !sp_date_in_range (*from))
    *message = _("The first day is not a date: write it as YYYY-MM-DD");
  else if (!sp_date_parse (to_text, to) || !sp_date_in_range (*to))
    *message = _("The last day is not a date: write it as YYYY-MM-DD");
  else if (*from > *to)
    *message = _("The period ends before it starts");
  return *message == NULL;
}

static void
period_changed (SpDiaryExportDialog *self)
{
  const char *message;
  SpDate from, to;
  gboolean valid = read_period (self, &from, &to, &message);

  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (!sp_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->from_row)), &from)
                                          ? self->from_row : self->to_row), "error");
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->from_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->to_row), "error");
    }
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "export", valid);
}

gboolean
sp_diary_export_dialog_get_options (SpDiaryExportDialog  *self,
                                    SpDiaryFileOptions *options)
{
  const char *message;

  g_return_val_if_fail (SP_IS_DIARY_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  options->format = adw_combo_row_get_selected (self->format_row) == 1
                    ? SP_DIARY_FILE_CSV : SP_DIARY_FILE_PDF;
  options->language = SP_LANGUAGE_SV;
  options->separator = ';';
  return read_period (self, &options->from, &options->to, &message);
}

static void
sp_diary_export_dialog_class_init (SpDiaryExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-diary-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpDiaryExportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, SpDiaryExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, SpDiaryExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, SpDiaryExportDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, period_changed);
}

static void
sp_diary_export_dialog_init (SpDiaryExportDialog *self)
{
  SpDate today = sp_date_today ();
  g_autofree char *start = sp_date_to_string (sp_date_new (sp_date_get_year (today), 1, 1));
  g_autofree char *end = sp_date_to_string (today);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* This year so far. */
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), start);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), end);
  period_changed (self);
}

GtkWidget *
sp_diary_export_dialog_new (GtkWindow *parent)
{
  return g_object_new (SP_TYPE_DIARY_EXPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
