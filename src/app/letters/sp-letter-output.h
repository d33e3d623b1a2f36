/* sp-letter-output.h: what a letter needs to be filled and drawn, read
 * through the store worker, and the ways out of the app: PDF, print,
 * e-mail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "synpunkt-core.h"

G_BEGIN_DECLS

/* The case and what its letters say of it. */
typedef struct
{
  SpCase          *kase;
  SpUnit          *unit;          /* or NULL */
  SpUnit          *department;    /* the unit's parent, or NULL */
  char            *organisation;
  SpInvestigation *investigation; /* or NULL */
  GPtrArray       *letters;       /* SpLetter sent, oldest first */
} SpLetterContext;

void             sp_letter_context_free (SpLetterContext *context);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpLetterContext, sp_letter_context_free)

/* Reads the context of @case_id through @worker. */
void             sp_letter_context_load_async  (SpStoreWorker        *worker,
                                                const char           *case_id,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
SpLetterContext *sp_letter_context_load_finish (SpStoreWorker        *worker,
                                                GAsyncResult         *result,
                                                GError              **error);

/* The placeholders' values for a letter in @language, signed by the
 * investigator, or by @writer when the case has none. */
GHashTable      *sp_letter_context_values      (SpLetterContext      *context,
                                                SpLanguage            language,
                                                const char           *writer);

/* Writes @letter as drawn for @context into @file, in a thread. */
void             sp_letter_save_pdf_async      (SpLetterContext      *context,
                                                SpLetter             *letter,
                                                GFile                *file,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean         sp_letter_save_pdf_finish     (GAsyncResult         *result,
                                                GError              **error);

/* Prints @letter with the print dialog; @callback gets TRUE when it was
 * printed (not cancelled). */
typedef void (*SpLetterPrintedFunc) (gboolean  printed,
                                     GError   *error,
                                     gpointer  user_data);
void             sp_letter_print               (SpLetterContext      *context,
                                                SpLetter             *letter,
                                                GtkWindow            *parent,
                                                SpLetterPrintedFunc   callback,
                                                gpointer              user_data);

/* The preview: A4 pages at one pixel a point, one under the other. */
#define SP_LETTER_PAGE_WIDTH   595.28
#define SP_LETTER_PAGE_HEIGHT  841.89
#define SP_LETTER_PREVIEW_GAP  16.0
guint            sp_letter_preview_n_pages     (SpLetterContext      *context,
                                                SpLetter             *letter);
void             sp_letter_preview_draw        (SpLetterContext      *context,
                                                SpLetter             *letter,
                                                cairo_t              *cr);

/* A mailto: URI to @address with the letter's text. */
char            *sp_letter_mailto_uri          (const char           *address,
                                                const char           *subject,
                                                const char           *body);

G_END_DECLS
