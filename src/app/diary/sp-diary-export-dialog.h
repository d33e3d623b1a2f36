/* sp-diary-export-dialog.h: the period and the format of a diary export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From the Diary view (win.export-diary): the first and last day received
 * (this year so far to start with) and PDF or CSV. The Export response is
 * enabled only while both dates are valid and in order; the dialog says
 * why otherwise. Its response "export" is read with
 * sp_diary_export_dialog_get_options().
 */

#pragma once

#include <adwaita.h>

#include "sp-diary-file.h"

G_BEGIN_DECLS

#define SP_TYPE_DIARY_EXPORT_DIALOG (sp_diary_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SpDiaryExportDialog, sp_diary_export_dialog, SP, DIARY_EXPORT_DIALOG,
                      AdwMessageDialog)

GtkWidget *sp_diary_export_dialog_new         (GtkWindow            *parent);
/* FALSE while the period is not valid. */
gboolean   sp_diary_export_dialog_get_options (SpDiaryExportDialog  *self,
                                               SpDiaryFileOptions *options);

G_END_DECLS
