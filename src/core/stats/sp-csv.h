/* sp-csv.h: RFC 4180 text for spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * UTF-8, CRLF after every record, a field quoted when it holds the
 * separator, a quote, CR or LF (quotes doubled). Spreadsheets set to
 * Swedish read semicolons, and UTF-8 only after a byte order mark.
 */

#pragma once

#include "sp-stats.h"

G_BEGIN_DECLS

typedef struct
{
  GString *text;
  char     separator;
  gboolean at_start;  /* of a record */
} SpCsv;

/* @separator ',' or ';'; @bom writes the UTF-8 byte order mark first. */
void   sp_csv_init       (SpCsv      *csv,
                          char        separator,
                          gboolean    bom);
void   sp_csv_field      (SpCsv      *csv,
                          const char *value);
void   sp_csv_field_int  (SpCsv      *csv,
                          gint64      value);
void   sp_csv_end_record (SpCsv      *csv);
/* The text; @csv is empty after. */
char  *sp_csv_steal      (SpCsv      *csv);

/* One statistics table: dimension key, this period, the previous, last
 * year; every key of any of them. */
char  *sp_stats_report_table_to_csv (const SpStatsReport *report,
                                     SpStatsDimension     dimension,
                                     char                 separator,
                                     gboolean             bom);

/* Every figure of @report in one table: table, key, current, previous,
 * last_year. The table "summary" holds the totals, the deadline and the
 * handling times (days with one decimal, a point, empty when none),
 * "assessment" the complaints' assessments, then one table per dimension. */
char  *sp_stats_report_to_csv       (const SpStatsReport *report,
                                     char                 separator,
                                     gboolean             bom);

G_END_DECLS
