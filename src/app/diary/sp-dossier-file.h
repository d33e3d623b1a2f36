/* sp-dossier-file.h: the case whole (R27) written to a PDF, off the main
 * thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store worker reads the case, its markings in force, investigation,
 * letters, accounts, links and history; a GTask thread draws the PDF
 * (src/report/sp-dossier-pdf).
 */

#pragma once

#include <gtk/gtk.h>

#include "synpunkt-core.h"

G_BEGIN_DECLS

void     sp_dossier_file_write_async  (SpStoreWorker       *worker,
                                       const char          *case_id,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean sp_dossier_file_write_finish (GAsyncResult        *result,
                                       GError             **error);
/* Asks where (GtkFileChooserNative), then writes; the callback is called
 * only when a file was chosen. */
void     sp_dossier_file_choose_async (GtkWindow           *parent,
                                       SpStoreWorker       *worker,
                                       const char          *case_id,
                                       const char          *diary_number,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);

G_END_DECLS
