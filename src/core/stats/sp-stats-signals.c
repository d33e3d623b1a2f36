/* sp-stats-signals.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "sp-stats-signals.h"

void
sp_stats_signal_free (SpStatsSignal *signal)
{
  if (signal == NULL)
    return;
  g_free (signal->key);
  g_free (signal);
}

double
sp_stats_poisson_upper (gint64 k,
                        double lambda)
{
  double lower = 0, upper = 0;

  if (k <= 0)
    return 1.0;
  if (lambda <= 0)
    return 0.0;

  if (k <= lambda)
    {
      /* The lower tail is the smaller sum here: 1 − P(X < k). */
      for (gint64 i = 0; i < k; i++)
        lower += exp (-lambda + i * log (lambda) - lgamma (i + 1.0));
      return MAX (0.0, 1.0 - lower);
    }

  /* Past the mean the terms only fall: sum from k until they vanish. */
  for (gint64 i = k; i < k + 100000; i++)
    {
      double term = exp (-lambda + i * log (lambda) - lgamma (i + 1.0));

      upper += term;
      if (term < upper * 1e-17)
        break;
    }
  return MIN (1.0, upper);
}

static int
compare_signal (gconstpointer a,
                gconstpointer b)
{
  const SpStatsSignal *x = *(SpStatsSignal * const *) a;
  const SpStatsSignal *y = *(SpStatsSignal * const *) b;

  if (x->p_value != y->p_value)
    return x->p_value < y->p_value ? -1 : 1;
  if (x->dimension != y->dimension)
    return x->dimension < y->dimension ? -1 : 1;
  return g_strcmp0 (x->key, y->key);
}

GPtrArray *
sp_stats_signals_find (const SpStatsFigures  *current,
                       SpStatsFigures * const previous[3],
                       double                 level)
{
  static const SpStatsDimension watched[] = { SP_STATS_CATEGORY, SP_STATS_UNIT, SP_STATS_PROVIDER };
  GPtrArray *signals = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_stats_signal_free);

  g_return_val_if_fail (current != NULL && previous != NULL, signals);

  for (guint d = 0; d < G_N_ELEMENTS (watched); d++)
    {
      GPtrArray *counts = current->by[watched[d]];

      for (guint i = 0; counts != NULL && i < counts->len; i++)
        {
          SpStatsCount *count = g_ptr_array_index (counts, i);
          gint64 before[3];
          double lambda = 0, p;

          /* Cases without a category, unit or provider are no pattern. */
          if (g_str_equal (count->key, "none"))
            continue;
          for (guint j = 0; j < 3; j++)
            {
              before[j] = sp_stats_figures_get_count (previous[j], watched[d], count->key);
              lambda += before[j];
            }
          lambda = MAX (lambda / 3.0, 1.0);
          p = sp_stats_poisson_upper (count->count, lambda);
          if (p < level)
            {
              SpStatsSignal *signal = g_new0 (SpStatsSignal, 1);

              signal->dimension = watched[d];
              signal->key = g_strdup (count->key);
              signal->count = count->count;
              for (guint j = 0; j < 3; j++)
                signal->previous[j] = before[j];
              signal->expected = lambda;
              signal->p_value = p;
              g_ptr_array_add (signals, signal);
            }
        }
    }
  g_ptr_array_sort (signals, compare_signal);
  return signals;
}

GPtrArray *
sp_stats_signals_compute (SpStore             *store,
                          const SpStatsQuery  *query,
                          const SpPeriod      *period,
                          double               level,
                          GError             **error)
{
  g_autoptr(SpStatsFigures) current = NULL;
  SpStatsFigures *previous[3] = { NULL, NULL, NULL };
  SpPeriod p = *period;
  GPtrArray *signals = NULL;

  if (!(current = sp_stats_compute (store, query, period, error)))
    return NULL;
  for (guint i = 0; i < 3; i++)
    {
      p = sp_period_previous (&p);
      if (!(previous[i] = sp_stats_compute (store, query, &p, error)))
        goto out;
    }
  signals = sp_stats_signals_find (current, previous, level);

out:
  for (guint i = 0; i < 3; i++)
    sp_stats_figures_free (previous[i]);
  return signals;
}
