/* sp-diary-pdf.h: the diary of a period as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A4 landscape pages drawn with cairo and pango: the organisation, the
 * period and when it was made, then one row an entry (number, date, kind,
 * subject, unit, status, secrecy), the heading repeated on every page and
 * page numbers at the foot. The entries are core's (sp-diary-export.h): a
 * withheld subject shows as "Secret" and the marking, never the content.
 * Its words are Swedish or English as asked.
 */

#pragma once

#include "synpunkt-core.h"

G_BEGIN_DECLS

typedef struct
{
  SpLanguage   language;
  const char  *organisation;
  SpDate       from;
  SpDate       to;
  GPtrArray   *entries;   /* SpDiaryEntry */
  SpDate       made_on;
} SpDiaryDocument;

/* Writes the PDF; its number of pages in *@n_pages if given. */
gboolean sp_diary_pdf_write (const SpDiaryDocument *doc,
                             const char            *path,
                             guint                 *n_pages,
                             GError               **error);

G_END_DECLS
