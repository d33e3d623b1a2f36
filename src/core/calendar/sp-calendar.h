/* sp-calendar.h: the Swedish calendar of working days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Public holidays (lag 1989:253 om allmänna helgdagar) for any year, and the
 * days that lag (1930:173) om beräkning av lagstadgad tid treats like them:
 * Saturdays, Sundays, Midsommarafton, Julafton and Nyårsafton.
 */

#pragma once

#include "sp-date.h"

G_BEGIN_DECLS

SpDate      sp_calendar_easter_sunday       (int    year);
SpDate      sp_calendar_midsummer_eve       (int    year);
SpDate      sp_calendar_all_saints_day      (int    year);

/* The name of the holiday or day off on this date, in English and marked
 * for translation, or NULL for an ordinary day (weekends are not named). */
const char *sp_calendar_get_holiday_name    (SpDate date);
gboolean    sp_calendar_is_public_holiday   (SpDate date);
gboolean    sp_calendar_is_working_day      (SpDate date);

/* The first working day on or after @date. */
SpDate      sp_calendar_next_working_day    (SpDate date);
/* @days working days after @date (which need not be a working day). */
SpDate      sp_calendar_add_working_days    (SpDate date,
                                             guint  days);
/* Working days after @from up to and including @to; negative if @to is
 * before @from. */
int         sp_calendar_working_days_between (SpDate from,
                                              SpDate to);

G_END_DECLS
