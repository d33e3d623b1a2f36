/* sp-stats-signals.h: pattern signals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A category, unit or provider gives a signal when its count in the
 * period clearly exceeds what the previous three periods predict: under a
 * Poisson distribution whose mean λ is the mean of their counts (at least
 * one case: a key never seen before is expected once), the chance of at
 * least the count seen is below the level (0.01 by default).
 */

#pragma once

#include "sp-stats.h"

G_BEGIN_DECLS

#define SP_STATS_SIGNAL_LEVEL 0.01

typedef struct
{
  SpStatsDimension dimension;   /* category, unit or provider */
  char            *key;
  gint64           count;       /* in the period */
  gint64           previous[3]; /* the three periods before, nearest first */
  double           expected;    /* λ */
  double           p_value;     /* P(X ≥ count | λ) */
} SpStatsSignal;

void       sp_stats_signal_free      (SpStatsSignal *signal);

/* P(X ≥ k) for X ~ Poisson(λ). */
double     sp_stats_poisson_upper    (gint64         k,
                                      double         lambda);

/* The signals of @current against @previous (three figures, nearest
 * first), sorted by p-value; of SpStatsSignal. */
GPtrArray *sp_stats_signals_find     (const SpStatsFigures  *current,
                                      SpStatsFigures * const previous[3],
                                      double                 level);
/* Computes the three previous periods and finds the signals. */
GPtrArray *sp_stats_signals_compute  (SpStore               *store,
                                      const SpStatsQuery    *query,
                                      const SpPeriod        *period,
                                      double                 level,
                                      GError               **error);

G_END_DECLS
