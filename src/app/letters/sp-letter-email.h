/* sp-letter-email.h: a letter handed to the user's mail program, with its
 * PDF attached
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sp-letter-output.h"

G_BEGIN_DECLS

/* Opens a new e-mail to @address in the user's mail program, with
 * @subject, the letter's text and the letter as a PDF attached (through
 * xdg-email). Where no program takes an attachment, the e-mail gets the
 * text alone (a mailto: URI). The result is TRUE once a mail program has
 * it. */
void      sp_letter_email_async  (SpLetterContext     *context,
                                  SpLetter            *letter,
                                  GtkWindow           *parent,
                                  const char          *address,
                                  const char          *subject,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
gboolean  sp_letter_email_finish (GAsyncResult        *result,
                                  GError             **error);

/* The file name a letter's PDF gets: the diary number (without its
 * slash) and the kind of letter. */
char     *sp_letter_pdf_name     (SpLetterContext     *context,
                                  SpLetterKind         kind);

G_END_DECLS
