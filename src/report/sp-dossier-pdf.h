/* sp-dossier-pdf.h: the closed case whole, as one PDF for the diary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Ärendet läggs i sin helhet i e-dok för diarieföring vid avslutat
 * ärende" (Hässelby-Vällingby): the case (number, dates, kind, channel,
 * status, unit, the sender, subject and description), its secrecy
 * markings, the investigation, the letters sent, the accounts asked for
 * and received, the linked cases, the attachments' list, and the whole
 * history, on A4 pages with page numbers. It is the diary's own copy:
 * nothing is redacted, and the markings in force head it so that whoever
 * hands it out knows to review it first. Its words are the user's
 * language (gettext).
 */

#pragma once

#include "synpunkt-core.h"

G_BEGIN_DECLS

typedef struct
{
  const char      *organisation;
  SpCase          *kase;
  const char      *unit_name;       /* NULL when none */
  SpInvestigation *investigation;   /* NULL when none */
  GPtrArray       *letters;         /* SpLetter; NULL when none */
  GPtrArray       *accounts;        /* SpAccountRequest; NULL when none */
  GPtrArray       *links;           /* SpCaseLink; NULL when none */
  GPtrArray       *markings;        /* SpSecrecyMarking in force; NULL when none */
  GPtrArray       *attachments;     /* char *, the files' names; NULL when none */
  GPtrArray       *events;          /* SpCaseEvent, oldest first */
  SpDate           made_on;
} SpDossier;

/* Writes the dossier; its number of pages in *@n_pages if given. */
gboolean sp_dossier_pdf_write (const SpDossier *dossier,
                               const char      *path,
                               guint           *n_pages,
                               GError         **error);

G_END_DECLS
