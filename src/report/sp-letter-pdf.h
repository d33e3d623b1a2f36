/* sp-letter-pdf.h: a letter as an A4 document, drawn with cairo and pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same drawing writes a PDF file and draws the pages of a
 * GtkPrintOperation (sp_letter_layout_draw_page() on the print context's
 * cairo context), so that what is printed is what is saved.
 */

#pragma once

#include <cairo.h>

#include "synpunkt-core.h"

G_BEGIN_DECLS

typedef struct
{
  const char *organisation;  /* printed at the head of each page */
  const char *unit;          /* the sending unit, under it */
  const char *diary_number;  /* "Dnr HVSDN 2026/0042", or nothing when unregistered */
  const char *recipient;     /* name and address, as lines */
  SpDate      date;          /* the letter's date */
  SpLanguage  language;      /* Swedish letters use Swedish dates and words */
  const char *body;          /* the exact text sent */
} SpLetterDocument;

typedef struct _SpLetterLayout SpLetterLayout;

/* Lays @doc out on pages of @width × @height points (A4 is 595.28 × 841.89)
 * as drawn on @cr (for its font options and resolution). */
SpLetterLayout *sp_letter_layout_new       (const SpLetterDocument *doc,
                                            cairo_t                *cr,
                                            double                  width,
                                            double                  height);
void            sp_letter_layout_free      (SpLetterLayout         *self);
guint           sp_letter_layout_get_n_pages (SpLetterLayout       *self);
/* Draws page @page (from 0) on @cr, at the origin. */
void            sp_letter_layout_draw_page (SpLetterLayout         *self,
                                            cairo_t                *cr,
                                            guint                   page);

/* Writes @doc as an A4 PDF to @path. */
gboolean        sp_letter_write_pdf        (const SpLetterDocument *doc,
                                            const char             *path,
                                            GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpLetterLayout, sp_letter_layout_free)

G_END_DECLS
