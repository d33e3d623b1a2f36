/* sp-redacted-copy.h: the copy of a case handed out on a request for
 * disclosure, with what the secrecy review kept back blacked out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Redacted text is never drawn: each of its characters is replaced by a
 * space under a black box before pango lays the text out, so that no word
 * of it is in the file (not as text, not as glyphs). Withheld parts are
 * left out, with the provision they are withheld under.
 */

#pragma once

#include "synpunkt-core.h"

G_BEGIN_DECLS

typedef struct
{
  const char          *organisation;
  SpCase              *kase;
  SpInvestigation     *investigation;  /* NULL when none */
  GPtrArray           *letters;        /* of SpLetter; NULL when none */
  SpDisclosureRequest *request;
  SpDate               date;           /* the day the copy is made */
} SpRedactedCopy;

/* The byte ranges of @text that @passages (one a line, compared without
 * regard to case) cover, as pairs of start and end offsets, merged and in
 * order. With @passages NULL or blank, the whole text. */
GArray   *sp_redaction_ranges      (const char           *text,
                                    const char           *passages);
/* @text with the ranges' characters replaced by no-break spaces (and
 * spaces kept, so that lines still break): what is laid out. */
char     *sp_redaction_apply       (const char           *text,
                                    GArray               *ranges);
/* Writes the copy as an A4 PDF. */
gboolean  sp_redacted_copy_write_pdf (const SpRedactedCopy *copy,
                                      const char           *path,
                                      GError              **error);

G_END_DECLS
