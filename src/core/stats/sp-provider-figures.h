/* sp-provider-figures.h: the figures of one provider's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cases per month (the last twelve: the trend chart), per tertial (the
 * last six) and in the year, by category, the
 * share of assessed complaints found justified (befogat or delvis
 * befogat), open contract issues and the oldest one's age, and the
 * pattern signal: the tertial's count against a Poisson distribution
 * whose mean is that of the three tertials before (at least 1), the same
 * test as sp-stats-signals.h, with the numbers behind it.
 */

#pragma once

#include "sp-stats.h"

G_BEGIN_DECLS

#define SP_PROVIDER_N_TERTIALS 6
#define SP_PROVIDER_N_MONTHS 12

typedef struct
{
  char      *provider_id;
  SpPeriod   tertials[SP_PROVIDER_N_TERTIALS];  /* oldest first; the last holds today */
  gint64     tertial_counts[SP_PROVIDER_N_TERTIALS];
  /* The trend: cases received in each of the last twelve months, oldest
   * first, the last the month of today (up to today) */
  SpDate     month_starts[SP_PROVIDER_N_MONTHS];
  gint64     month_counts[SP_PROVIDER_N_MONTHS];
  SpPeriod   year;
  gint64     year_count;
  GPtrArray *by_category;       /* of SpStatsCount, the year's, largest first */
  gint64     assessed;          /* the year's complaints assessed */
  gint64     justified;         /* of those, justified or partly */
  guint      open_issues;
  guint      overdue_issues;
  guint      oldest_open_days;
  /* The pattern test of the current tertial */
  double     expected;          /* λ: the mean of the three before, at least 1 */
  double     p_value;           /* P(X ≥ count | λ) */
  gboolean   signal;            /* p_value below SP_STATS_SIGNAL_LEVEL */
} SpProviderFigures;

void               sp_provider_figures_free    (SpProviderFigures *figures);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpProviderFigures, sp_provider_figures_free)

/* The figures of @provider_id as on @today (SP_DATE_NONE: today). */
SpProviderFigures *sp_provider_figures_compute (SpStore     *store,
                                                const char  *provider_id,
                                                SpDate       today,
                                                GError     **error);

/* The current tertial's count (the last of tertial_counts). */
gint64             sp_provider_figures_current (const SpProviderFigures *figures);

G_END_DECLS
