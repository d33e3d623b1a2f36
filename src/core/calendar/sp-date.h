/* sp-date.h: calendar dates as Julian day numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A date is a guint32 Julian day number (as GDate counts them: 1 is
 * 0001-01-01); 0 means "no date". Dates are written as YYYY-MM-DD.
 * Timestamps are gint64 microseconds since the Unix epoch in UTC; 0 means
 * "no time". They are written as ISO 8601 with microseconds and a Z.
 *
 * Bounds: a date a client gives lies from SP_DATE_FIRST_YEAR-01-01 to
 * SP_DATE_LAST_YEAR-12-31; the decoders refuse any other (a whole record
 * as stored, SP_JSON_DECODE_FULL, may hold any YYYY-MM-DD), and a computed
 * date (a deadline) past the last day is an error, never a date written
 * cut off. A date something was received (SP_FIELD_RECEIVED) is further
 * no later than today in the organisation's time zone
 * (SP_DATE_ORGANISATION_ZONE) and no earlier than
 * SP_DATE_RECEIVED_FIRST_YEAR-01-01.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef guint32 SpDate;
#define SP_DATE_NONE ((SpDate) 0)

#define SP_DATE_FIRST_YEAR          1900
#define SP_DATE_LAST_YEAR           9999
#define SP_DATE_RECEIVED_FIRST_YEAR 2000
#define SP_DATE_ORGANISATION_ZONE   "Europe/Stockholm"

SpDate       sp_date_new          (int         year,
                                   int         month,
                                   int         day);
/* Today in SP_DATE_ORGANISATION_ZONE, whatever zone the process runs in;
 * SYNPUNKT_TODAY=YYYY-MM-DD pins it. */
SpDate       sp_date_today        (void);
/* The same as sp_date_today (); kept for the callers that name the zone. */
SpDate       sp_date_today_in_organisation (void);
SpDate       sp_date_first        (void);
SpDate       sp_date_last         (void);
/* Whether @date is a date within the bounds above (SP_DATE_NONE is not). */
gboolean     sp_date_in_range     (SpDate      date);
gboolean     sp_date_parse        (const char *text,
                                   SpDate     *date);
char        *sp_date_to_string    (SpDate      date);
void         sp_date_format       (SpDate      date,
                                   char        buf[11]);
int          sp_date_get_year     (SpDate      date);
int          sp_date_get_month    (SpDate      date);
int          sp_date_get_day      (SpDate      date);
GDateWeekday sp_date_get_weekday  (SpDate      date);

gint64       sp_timestamp_now     (void);
gboolean     sp_timestamp_parse   (const char *text,
                                   gint64     *timestamp);
char        *sp_timestamp_to_string (gint64    timestamp);
SpDate       sp_timestamp_get_date  (gint64    timestamp);

G_END_DECLS
