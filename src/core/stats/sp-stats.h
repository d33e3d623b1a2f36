/* sp-stats.h: the quality staff's figures, counted in SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One implementation for the app (on its replica, through the store
 * worker) and the server (/api/v1/stats), so that the same question gives
 * the same numbers everywhere. The figures hold counts and durations only:
 * keys are enum names, category codes and unit or provider ids, never a
 * person's data or free text.
 *
 * Definitions:
 * - A case counts in a period when it was received in it.
 * - Answered within the deadline: of the cases with a deadline that were
 *   given feedback or are past their deadline on @today, those whose
 *   feedback came on or before the deadline.
 * - Handling time: received → feedback given, in calendar days; in working
 *   days (the Swedish calendar) for the cases whose deadline rule counts
 *   working days. The median of an even count is the mean of the middle
 *   two; the 90th percentile is the nearest rank (the ⌈0.9 n⌉-th smallest).
 * - The assessment of complaints is their investigation's; a complaint
 *   without one counts as not assessed.
 */

#pragma once

#include "sp-case-query.h"
#include "sp-period.h"
#include "sp-store.h"

G_BEGIN_DECLS

typedef enum
{
  SP_STATS_KIND,
  SP_STATS_VALENCE,
  SP_STATS_CATEGORY,
  SP_STATS_CHANNEL,
  SP_STATS_AREA,
  SP_STATS_UNIT,
  SP_STATS_DEPARTMENT,
  SP_STATS_PROVIDER,
  SP_STATS_RELATION,
  SP_STATS_MONTH,
  SP_STATS_STATUS,
  SP_STATS_N_DIMENSIONS
} SpStatsDimension;

/* Names: "kind", "valence", … "month", "status". */
extern const SpEnumInfo sp_stats_dimension_info;

typedef enum
{
  SP_STATS_SCOPE_ORGANISATION,
  SP_STATS_SCOPE_DEPARTMENT,
  SP_STATS_SCOPE_UNIT,
  SP_STATS_SCOPE_PROVIDER,
} SpStatsScopeKind;

typedef struct
{
  SpStatsScopeKind kind;
  char            *id;   /* the department, unit or provider; NULL for the organisation */
} SpStatsScope;

/* "organisation", "department:<id>", "unit:<id>", "provider:<id>" */
gboolean sp_stats_scope_parse     (const char    *text,
                                   SpStatsScope  *scope,
                                   GError       **error);
char    *sp_stats_scope_to_string (const SpStatsScope *scope);
void     sp_stats_scope_clear     (SpStatsScope  *scope);

typedef struct
{
  char   *key;     /* "none" for cases without a value */
  gint64  count;
} SpStatsCount;

typedef struct
{
  SpPeriod   period;
  gint64     total;
  gint64     positive;          /* valence positive: what works */
  gint64     complaints;
  gint64     overdue;           /* open and past the deadline on today */
  gint64     deadline_due;      /* the denominator of within_deadline */
  gint64     within_deadline;
  gint64     handled;           /* given feedback: the handling times' count */
  double     median_days;       /* NAN when none were handled */
  double     p90_days;
  gint64     handled_working;   /* of those, under a working-day rule */
  double     median_working_days;
  double     p90_working_days;
  gint64     assessment[5];     /* complaints, by SpAssessment */
  GPtrArray *by[SP_STATS_N_DIMENSIONS]; /* of SpStatsCount, by key */
} SpStatsFigures;

void            sp_stats_figures_free       (SpStatsFigures   *figures);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpStatsFigures, sp_stats_figures_free)

/* The count of @key in @dimension; 0 when absent. */
gint64          sp_stats_figures_get_count  (const SpStatsFigures *figures,
                                             SpStatsDimension      dimension,
                                             const char           *key);
/* within_deadline / deadline_due, NAN when none were due. */
double          sp_stats_figures_within_share (const SpStatsFigures *figures);
/* Share of the assessed complaints (those not "not assessed"). */
double          sp_stats_figures_assessment_share (const SpStatsFigures *figures,
                                                   int                   assessment);

typedef struct
{
  /* The access restriction of the caller (unit_ids, created_by,
   * hide_named_employee, contract_breach_only…) and any filter; its
   * dates, sort and paging are ignored. NULL: every case. */
  const SpCaseQuery *base;
  SpStatsScope       scope;
  SpDate             today;    /* SP_DATE_NONE: today */
} SpStatsQuery;

SpStatsFigures *sp_stats_compute            (SpStore            *store,
                                             const SpStatsQuery *query,
                                             const SpPeriod     *period,
                                             GError            **error);

typedef struct
{
  SpStatsFigures *current;
  SpStatsFigures *previous;     /* the previous period */
  SpStatsFigures *last_year;    /* the same period a year earlier */
} SpStatsReport;

SpStatsReport  *sp_stats_report_compute     (SpStore            *store,
                                             const SpStatsQuery *query,
                                             const SpPeriod     *period,
                                             GError            **error);
void            sp_stats_report_free        (SpStatsReport      *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpStatsReport, sp_stats_report_free)

G_END_DECLS
