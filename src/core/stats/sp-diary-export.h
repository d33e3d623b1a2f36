/* sp-diary-export.h: the diary of a period, as the registrar exports it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diary is the public record of what came in and how it was handled:
 * number, date, kind, subject, unit, status and the secrecy marking. An
 * entry never carries what a marking hides: the sender, the description,
 * the investigation and the letters are not in it at all, and the subject
 * of a case marked secret as a whole is withheld (the entry shows the
 * marking instead). The server's `GET /api/v1/diary?format=csv` and the
 * app's export (CSV here, PDF in src/report/sp-diary-pdf) write the same
 * entries.
 */

#pragma once

#include "sp-case.h"
#include "sp-csv.h"
#include "sp-store.h"

G_BEGIN_DECLS

typedef struct
{
  char       *case_id;
  char       *diary_number;
  SpDate      received_on;
  SpCaseKind  kind;
  char       *subject;          /* NULL when withheld */
  char       *unit_id;
  char       *unit_name;        /* NULL when the case has no unit */
  SpStatus    status;
  /* The markings in force (SpSecrecyMarking), never NULL. */
  GPtrArray  *markings;
  /* Restricted by a flag (a named employee, an individual's record). */
  gboolean    restricted;
} SpDiaryEntry;

void          sp_diary_entry_free     (SpDiaryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpDiaryEntry, sp_diary_entry_free)

/* The entries of @cases (SpCase, already limited to what the reader may
 * see), in their order, with the markings in force today and the units'
 * names read from @self. A case without a diary number is left out. */
GPtrArray    *sp_diary_build          (SpStore      *self,
                                       GPtrArray    *cases,
                                       GError      **error);
/* Whether the entry's subject is withheld: a marking of the whole case
 * is in force. */
gboolean      sp_diary_entry_withheld (const SpDiaryEntry *entry);
/* The markings as "OSL 26 kap. 1 § (description)", several joined by
 * "; " (part names as in the API); "" when none. */
char         *sp_diary_entry_secrecy  (const SpDiaryEntry *entry);

/* RFC 4180: diary_number, received_on, kind, subject, unit_id, unit,
 * status, secrecy, subject_withheld. Enum values by their API names. */
char         *sp_diary_to_csv         (GPtrArray    *entries,
                                       char          separator,
                                       gboolean      bom);

G_END_DECLS
