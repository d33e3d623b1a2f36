/* sp-diary-file.h: the diary of a period written to a file, as PDF or
 * CSV, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store worker reads the period's registered cases and makes core's
 * diary entries of them (sp-diary-export.h in core: the marking, never
 * what it hides); a GTask thread then writes the PDF (src/report) or the
 * CSV. Nothing touches the disk on the main thread.
 */

#pragma once

#include <gtk/gtk.h>

#include "synpunkt-core.h"

G_BEGIN_DECLS

typedef enum
{
  SP_DIARY_FILE_PDF,
  SP_DIARY_FILE_CSV,
} SpDiaryFileFormat;

typedef struct
{
  SpDiaryFileFormat format;
  SpDate              from;
  SpDate              to;
  SpLanguage          language;   /* the PDF's */
  char                separator;  /* the CSV's: ',' or ';' (with a byte order mark) */
} SpDiaryFileOptions;

void     sp_diary_file_write_async  (SpStoreWorker              *worker,
                                       const SpDiaryFileOptions *options,
                                       GFile                      *file,
                                       GCancellable               *cancellable,
                                       GAsyncReadyCallback         callback,
                                       gpointer                    user_data);
/* The number of entries written in *@n_entries if given. */
gboolean sp_diary_file_write_finish (GAsyncResult               *result,
                                       guint                      *n_entries,
                                       GError                    **error);

/* Asks where to save (GtkFileChooserNative, transient for @parent; the
 * PDF's language or the CSV's separator as choices), then writes. The
 * callback is called only when a file was chosen; read it with
 * sp_diary_file_write_finish(). */
void     sp_diary_file_choose_async (GtkWindow                  *parent,
                                       SpStoreWorker              *worker,
                                       const SpDiaryFileOptions *options,
                                       GAsyncReadyCallback         callback,
                                       gpointer                    user_data);

G_END_DECLS
