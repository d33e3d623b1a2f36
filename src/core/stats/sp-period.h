/* sp-period.h: the periods of the quality reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A period is an inclusive range of days with the kind it was made as: a
 * tertial (T1 January–April, T2 May–August, T3 September–December), a
 * calendar year, or a custom range. Its text form is "2025-T2", "2025" or
 * "2025-03-01..2025-05-31".
 */

#pragma once

#include <glib.h>

#include "sp-date.h"

G_BEGIN_DECLS

typedef enum
{
  SP_PERIOD_TERTIAL,
  SP_PERIOD_YEAR,
  SP_PERIOD_CUSTOM,
} SpPeriodKind;

typedef struct
{
  SpPeriodKind kind;
  SpDate       from;
  SpDate       to;
} SpPeriod;

SpPeriod  sp_period_tertial    (int             year,
                                int             tertial);
SpPeriod  sp_period_year       (int             year);
SpPeriod  sp_period_custom     (SpDate          from,
                                SpDate          to);
/* The tertial or year before; a custom range: as many days just before. */
SpPeriod  sp_period_previous   (const SpPeriod *period);
/* The same days a year earlier (29 February becomes the 28th). */
SpPeriod  sp_period_last_year  (const SpPeriod *period);
/* 1, 2 or 3 for a tertial, else 0. */
int       sp_period_get_tertial (const SpPeriod *period);
int       sp_period_get_year   (const SpPeriod *period);
guint     sp_period_n_days     (const SpPeriod *period);
gboolean  sp_period_parse      (const char     *text,
                                SpPeriod       *period,
                                GError        **error);
char     *sp_period_to_string  (const SpPeriod *period);
/* "T2 2025", "2025", "1 Mar 2025 – 31 May 2025", translated. */
char     *sp_period_get_label  (const SpPeriod *period);

G_END_DECLS
