/* sp-case-csv.h: a list of cases as CSV, without personal data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server's `GET /api/v1/cases?format=csv` and the app's export of the
 * case list write the same columns. None of them is personal data: no
 * sender's contact details and no free text (description, notes, reasons,
 * the names in assigned_to or forwarded_to). The subject is a short free
 * text too; it is written only with SP_CASE_CSV_SUBJECT, for readers who
 * see the cases whole, and a row flagged redacted leaves it empty.
 */

#pragma once

#include "sp-csv.h"

G_BEGIN_DECLS

typedef enum
{
  SP_CASE_CSV_DEFAULT = 0,
  SP_CASE_CSV_SUBJECT = 1 << 0,
} SpCaseCsvFlags;

/* The header's column names, NULL-terminated (the subject's included). */
const char * const *sp_case_csv_columns     (void);

void                sp_case_csv_header      (SpCsv          *csv,
                                             SpCaseCsvFlags  flags);
/* One record; @redacted empties the subject. */
void                sp_case_csv_row         (SpCsv          *csv,
                                             SpCase         *kase,
                                             SpCaseCsvFlags  flags,
                                             gboolean        redacted);
/* The header and a row for each SpCase of @cases. */
char               *sp_cases_to_csv         (GPtrArray      *cases,
                                             SpCaseCsvFlags  flags,
                                             char            separator,
                                             gboolean        bom);

G_END_DECLS
