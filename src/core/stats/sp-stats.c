/* sp-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass over the period's cases in SQL, counted into every dimension
 * at once: scanning once beats one GROUP BY a dimension at a million
 * cases. The pass reads the covering index cases_stats (migration 8),
 * never the table, and a complaint's assessment from the copy triggers
 * keep on the case (stats_assessment), never its investigation; dates are parsed once each (a small cache) and
 * working days are a difference of running counts over the days the
 * period's cases can span. Parameters are bound, never written into the
 * SQL.
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-calendar.h"
#include "sp-error.h"
#include "sp-stats.h"
#include "sp-store-private.h"

static const SpEnumValue dimension_values[] = {
  { "kind", N_("Kind") },
  { "valence", N_("Valence") },
  { "category", N_("Category") },
  { "channel", N_("Channel") },
  { "area", N_("Area") },
  { "unit", N_("Unit") },
  { "department", N_("Department") },
  { "provider", N_("Provider") },
  { "relation", N_("Relation to the service") },
  { "month", N_("Month") },
  { "status", N_("Status") },
};

const SpEnumInfo sp_stats_dimension_info = { "stats_dimension", dimension_values, G_N_ELEMENTS (dimension_values) };

G_STATIC_ASSERT (G_N_ELEMENTS (dimension_values) == SP_STATS_N_DIMENSIONS);

static const char * const scope_names[] = { "organisation", "department", "unit", "provider" };

gboolean
sp_stats_scope_parse (const char    *text,
                      SpStatsScope  *scope,
                      GError       **error)
{
  const char *colon;

  g_return_val_if_fail (scope != NULL, FALSE);

  scope->kind = SP_STATS_SCOPE_ORGANISATION;
  scope->id = NULL;
  if (text == NULL || g_str_equal (text, "organisation"))
    return TRUE;

  colon = strchr (text, ':');
  if (colon != NULL && colon[1] != '\0' && g_utf8_validate (colon + 1, -1, NULL) && strlen (colon + 1) <= 64)
    for (guint i = 1; i < G_N_ELEMENTS (scope_names); i++)
      if (strlen (scope_names[i]) == (gsize)(colon - text) && strncmp (text, scope_names[i], colon - text) == 0)
        {
          scope->kind = i;
          scope->id = g_strdup (colon + 1);
          return TRUE;
        }

  g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
               _("A scope is organisation, department:ID, unit:ID or provider:ID"));
  return FALSE;
}

char *
sp_stats_scope_to_string (const SpStatsScope *scope)
{
  if (scope->kind == SP_STATS_SCOPE_ORGANISATION || scope->id == NULL)
    return g_strdup ("organisation");
  return g_strdup_printf ("%s:%s", scope_names[scope->kind], scope->id);
}

void
sp_stats_scope_clear (SpStatsScope *scope)
{
  g_clear_pointer (&scope->id, g_free);
  scope->kind = SP_STATS_SCOPE_ORGANISATION;
}

static void
count_free (gpointer data)
{
  SpStatsCount *count = data;

  g_free (count->key);
  g_free (count);
}

void
sp_stats_figures_free (SpStatsFigures *figures)
{
  if (figures == NULL)
    return;
  for (guint i = 0; i < SP_STATS_N_DIMENSIONS; i++)
    g_clear_pointer (&figures->by[i], g_ptr_array_unref);
  g_free (figures);
}

gint64
sp_stats_figures_get_count (const SpStatsFigures *figures,
                            SpStatsDimension      dimension,
                            const char           *key)
{
  GPtrArray *counts;

  g_return_val_if_fail (figures != NULL && dimension < SP_STATS_N_DIMENSIONS, 0);

  counts = figures->by[dimension];
  for (guint i = 0; counts != NULL && i < counts->len; i++)
    {
      SpStatsCount *count = g_ptr_array_index (counts, i);

      if (g_strcmp0 (count->key, key) == 0)
        return count->count;
    }
  return 0;
}

double
sp_stats_figures_within_share (const SpStatsFigures *figures)
{
  return figures->deadline_due > 0 ? (double) figures->within_deadline / figures->deadline_due : NAN;
}

double
sp_stats_figures_assessment_share (const SpStatsFigures *figures,
                                   int                   assessment)
{
  gint64 assessed = 0;

  for (int i = SP_ASSESSMENT_JUSTIFIED; i <= SP_ASSESSMENT_CANNOT_ASSESS; i++)
    assessed += figures->assessment[i];
  if (assessed == 0 || assessment < 0 || assessment > SP_ASSESSMENT_CANNOT_ASSESS)
    return NAN;
  return (double) figures->assessment[assessment] / assessed;
}

/* The columns the pass reads, in this order. */
enum
{
  COL_KIND,
  COL_VALENCE,
  COL_CATEGORY,
  COL_CHANNEL,
  COL_AREA,
  COL_UNIT,
  COL_PROVIDER,
  COL_RELATION,
  COL_RECEIVED,
  COL_STATUS,
  COL_DUE,
  COL_FEEDBACK,
  COL_RULE,
  COL_ASSESSMENT,
};

static const char select_columns[] =
  "c.kind, c.valence, c.category, c.channel, c.area, c.unit_id, c.provider_id, "
  "c.sender_relation, c.received_on, c.status, c.due_on, c.feedback_on, c.deadline_rule, "
  "CASE WHEN c.kind = 'complaint' THEN c.stats_assessment END";

#define DATE_CACHE 4096

typedef struct
{
  GHashTable *counts[SP_STATS_N_DIMENSIONS]; /* key → gint64 *, keys owned */
  GHashTable *department_of;                 /* unit id → department id */
  GArray     *days;
  GArray     *working_days;
  char        today[11];
  /* "YYYY-MM-DD" as YYYYMMDD → its SpDate, direct-mapped. */
  guint32     date_keys[DATE_CACHE];
  SpDate      date_values[DATE_CACHE];
  /* working[i]: the working days in (working_base, working_base + i]. */
  SpDate      working_base;
  guint       n_working;
  int        *working;
} Tally;

/* The day of "YYYY-MM-DD", SP_DATE_NONE for anything else. */
static SpDate
tally_date (Tally      *t,
            const char *text)
{
  guint32 key = 0;
  guint slot;
  SpDate date;

  if (text == NULL)
    return SP_DATE_NONE;
  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return SP_DATE_NONE;
          continue;
        }
      if (!g_ascii_isdigit (text[i]))
        return SP_DATE_NONE;
      key = key * 10 + (guint32) (text[i] - '0');
    }
  if (text[10] != '\0')
    return SP_DATE_NONE;

  slot = key % DATE_CACHE;
  if (t->date_keys[slot] == key)
    return t->date_values[slot];
  date = sp_date_new ((int) (key / 10000), (int) (key / 100 % 100), (int) (key % 100));
  t->date_keys[slot] = key;
  t->date_values[slot] = date;
  return date;
}

/* Running counts of working days from the day before @from to a year
 * and a half after @to: handling times of the period's cases fall in it. */
static void
tally_working_init (Tally          *t,
                    const SpPeriod *period)
{
  int count = 0;

  if (period->from == SP_DATE_NONE || period->to < period->from)
    return;
  t->working_base = period->from - 1;
  t->n_working = (guint) (period->to - t->working_base) + 550;
  t->working = g_new (int, t->n_working);
  t->working[0] = 0;
  for (guint i = 1; i < t->n_working; i++)
    {
      if (sp_calendar_is_working_day (t->working_base + i))
        count++;
      t->working[i] = count;
    }
}

static double
tally_working_days (Tally  *t,
                    SpDate  from,
                    SpDate  to)
{
  if (t->working != NULL && from >= t->working_base && to >= from &&
      to - t->working_base < t->n_working)
    return t->working[to - t->working_base] - t->working[from - t->working_base];
  return sp_calendar_working_days_between (from, to);
}

static void
tally_add (Tally            *t,
           SpStatsDimension  dimension,
           const char       *key)
{
  gint64 *n;

  if (key == NULL || *key == '\0')
    key = "none";
  n = g_hash_table_lookup (t->counts[dimension], key);
  if (n == NULL)
    {
      n = g_new0 (gint64, 1);
      g_hash_table_insert (t->counts[dimension], g_strdup (key), n);
    }
  (*n)++;
}

static GHashTable *
load_departments (SpStore  *store,
                  GError  **error)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  /* A unit's department is its parent; a department is its own. */
  stmt = sp_store_prepare (store,
                           "SELECT u.id, CASE WHEN u.kind = 'department' THEN u.id ELSE "
                           "(SELECT p.id FROM units p WHERE p.id = u.parent_id AND p.kind = 'department') END "
                           "FROM units u WHERE u.deleted = 0", error);
  if (stmt == NULL)
    {
      g_hash_table_unref (map);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *dept = (const char *) sqlite3_column_text (stmt, 1);

      if (dept != NULL)
        g_hash_table_insert (map, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), g_strdup (dept));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_store_set_error (store, error, rc);
      g_hash_table_unref (map);
      return NULL;
    }
  return map;
}

static gboolean
is_open_status (const char *status)
{
  static const char * const open[] = {
    "received", "registered", "assigned", "acknowledged", "investigating", "awaiting_provider", "assessed", NULL
  };

  return status != NULL && g_strv_contains (open, status);
}

static void
tally_row (Tally          *t,
           SpStatsFigures *f,
           sqlite3_stmt   *stmt)
{
#define TEXT(col) ((const char *) sqlite3_column_text (stmt, (col)))
  const char *kind = TEXT (COL_KIND);
  const char *valence = TEXT (COL_VALENCE);
  const char *unit = TEXT (COL_UNIT);
  const char *received = TEXT (COL_RECEIVED);
  const char *status = TEXT (COL_STATUS);
  const char *due = TEXT (COL_DUE);
  const char *feedback = TEXT (COL_FEEDBACK);
  char month[8] = "none";

  f->total++;
  tally_add (t, SP_STATS_KIND, kind);
  tally_add (t, SP_STATS_VALENCE, valence);
  tally_add (t, SP_STATS_CATEGORY, TEXT (COL_CATEGORY));
  tally_add (t, SP_STATS_CHANNEL, TEXT (COL_CHANNEL));
  tally_add (t, SP_STATS_AREA, TEXT (COL_AREA));
  tally_add (t, SP_STATS_UNIT, unit);
  tally_add (t, SP_STATS_DEPARTMENT, unit ? g_hash_table_lookup (t->department_of, unit) : NULL);
  tally_add (t, SP_STATS_PROVIDER, TEXT (COL_PROVIDER));
  tally_add (t, SP_STATS_RELATION, TEXT (COL_RELATION));
  if (received != NULL && strlen (received) >= 7)
    {
      memcpy (month, received, 7);
      month[7] = '\0';
    }
  tally_add (t, SP_STATS_MONTH, month);
  tally_add (t, SP_STATS_STATUS, status);

  if (g_strcmp0 (valence, "positive") == 0)
    f->positive++;

  if (g_strcmp0 (kind, "complaint") == 0)
    {
      int assessment = SP_ASSESSMENT_NOT_ASSESSED;

      f->complaints++;
      if (!sp_enum_from_name (&sp_assessment_info, TEXT (COL_ASSESSMENT), &assessment))
        assessment = SP_ASSESSMENT_NOT_ASSESSED;
      f->assessment[assessment]++;
    }

  /* Dates are YYYY-MM-DD: as text they compare as days do. */
  if (due != NULL && is_open_status (status) && strcmp (due, t->today) < 0)
    f->overdue++;
  if (due != NULL && (feedback != NULL || strcmp (due, t->today) < 0))
    {
      f->deadline_due++;
      if (feedback != NULL && strcmp (feedback, due) <= 0)
        f->within_deadline++;
    }

  if (feedback != NULL && received != NULL)
    {
      SpDate from = tally_date (t, received);
      SpDate to = tally_date (t, feedback);

      if (from != SP_DATE_NONE && to != SP_DATE_NONE && to >= from)
        {
          double days = to - from;
          const char *rule = TEXT (COL_RULE);

          g_array_append_val (t->days, days);
          if (rule != NULL && g_str_has_prefix (rule, "working-days:"))
            {
              double working = tally_working_days (t, from, to);

              g_array_append_val (t->working_days, working);
            }
        }
    }
#undef TEXT
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
median_p90 (GArray *values,
            double *median,
            double *p90)
{
  guint n = values->len;
  double *v = (double *) values->data;

  if (n == 0)
    {
      *median = *p90 = NAN;
      return;
    }
  g_array_sort (values, compare_double);
  *median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
  *p90 = v[(guint) ceil (0.9 * n) - 1];
}

static int
compare_count (gconstpointer a,
               gconstpointer b)
{
  const SpStatsCount *x = *(SpStatsCount * const *) a;
  const SpStatsCount *y = *(SpStatsCount * const *) b;

  return strcmp (x->key, y->key);
}

static GPtrArray *
counts_to_array (GHashTable *counts)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (count_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SpStatsCount *count = g_new0 (SpStatsCount, 1);

      count->key = g_strdup (key);
      count->count = *(gint64 *) value;
      g_ptr_array_add (array, count);
    }
  g_ptr_array_sort (array, compare_count);
  return array;
}

static char *
build_sql (const SpStatsQuery *query,
           const SpPeriod     *period,
           GPtrArray          *texts)
{
  g_autoptr(GString) where = g_string_new (NULL);
  SpCaseQuery q;

  if (query->base != NULL)
    q = *query->base;
  else
    sp_case_query_init (&q);
  q.from = period->from;
  q.to = period->to;
  q.limit = 0;
  q.offset = 0;
  q.today = query->today;

  switch (query->scope.kind)
    {
    case SP_STATS_SCOPE_UNIT:
      q.unit_id = query->scope.id;
      break;
    case SP_STATS_SCOPE_PROVIDER:
      q.provider_id = query->scope.id;
      break;
    case SP_STATS_SCOPE_DEPARTMENT:
    case SP_STATS_SCOPE_ORGANISATION:
    default:
      break;
    }

  _sp_case_query_build_where (&q, where, texts);

  if (query->scope.kind == SP_STATS_SCOPE_DEPARTMENT)
    {
      g_string_append (where, " AND c.unit_id IN (SELECT id FROM units WHERE id = ? OR parent_id = ?)");
      g_ptr_array_add (texts, g_strdup (query->scope.id));
      g_ptr_array_add (texts, g_strdup (query->scope.id));
    }

  return g_strdup_printf ("SELECT %s FROM cases c WHERE %s", select_columns, where->str);
}

SpStatsFigures *
sp_stats_compute (SpStore            *store,
                  const SpStatsQuery *query,
                  const SpPeriod     *period,
                  GError            **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SpStatsFigures) f = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  Tally t = { 0 };
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL && period != NULL, NULL);

  if (query->scope.kind != SP_STATS_SCOPE_ORGANISATION && query->scope.id == NULL)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID, _("The scope names no department, unit or provider"));
      return NULL;
    }

  sql = build_sql (query, period, texts);
  if (!(t.department_of = load_departments (store, error)))
    return NULL;
  if (!(stmt = sp_store_prepare (store, sql, error)))
    {
      g_hash_table_unref (t.department_of);
      return NULL;
    }
  for (guint i = 0; i < texts->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (texts, i), -1, SQLITE_TRANSIENT);

  f = g_new0 (SpStatsFigures, 1);
  f->period = *period;
  tally_working_init (&t, period);
  for (guint i = 0; i < SP_STATS_N_DIMENSIONS; i++)
    t.counts[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  t.days = g_array_new (FALSE, FALSE, sizeof (double));
  t.working_days = g_array_new (FALSE, FALSE, sizeof (double));
  sp_date_format (query->today ? query->today : sp_date_today (), t.today);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    tally_row (&t, f, stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      for (guint i = 0; i < SP_STATS_N_DIMENSIONS; i++)
        f->by[i] = counts_to_array (t.counts[i]);
      f->handled = t.days->len;
      f->handled_working = t.working_days->len;
      median_p90 (t.days, &f->median_days, &f->p90_days);
      median_p90 (t.working_days, &f->median_working_days, &f->p90_working_days);
    }
  else
    sp_store_set_error (store, error, rc);

  for (guint i = 0; i < SP_STATS_N_DIMENSIONS; i++)
    g_hash_table_unref (t.counts[i]);
  g_hash_table_unref (t.department_of);
  g_array_unref (t.days);
  g_array_unref (t.working_days);
  g_free (t.working);

  return rc == SQLITE_DONE ? g_steal_pointer (&f) : NULL;
}

void
sp_stats_report_free (SpStatsReport *report)
{
  if (report == NULL)
    return;
  sp_stats_figures_free (report->current);
  sp_stats_figures_free (report->previous);
  sp_stats_figures_free (report->last_year);
  g_free (report);
}

static SpStatsFigures *
figures_copy (const SpStatsFigures *from,
              const SpPeriod       *period)
{
  SpStatsFigures *f = g_memdup2 (from, sizeof *from);

  f->period = *period;
  for (guint i = 0; i < SP_STATS_N_DIMENSIONS; i++)
    {
      GPtrArray *counts = from->by[i];

      f->by[i] = NULL;
      if (counts == NULL)
        continue;
      f->by[i] = g_ptr_array_new_full (counts->len, count_free);
      for (guint j = 0; j < counts->len; j++)
        {
          const SpStatsCount *c = g_ptr_array_index (counts, j);
          SpStatsCount *copy = g_new0 (SpStatsCount, 1);

          copy->key = g_strdup (c->key);
          copy->count = c->count;
          g_ptr_array_add (f->by[i], copy);
        }
    }
  return f;
}

SpStatsReport *
sp_stats_report_compute (SpStore            *store,
                         const SpStatsQuery *query,
                         const SpPeriod     *period,
                         GError            **error)
{
  g_autoptr(SpStatsReport) report = g_new0 (SpStatsReport, 1);
  SpPeriod previous = sp_period_previous (period);
  SpPeriod last_year = sp_period_last_year (period);

  if (!(report->current = sp_stats_compute (store, query, period, error)) ||
      !(report->previous = sp_stats_compute (store, query, &previous, error)))
    return NULL;
  /* A year's previous period is last year: counted once. */
  if (last_year.from == previous.from && last_year.to == previous.to)
    report->last_year = figures_copy (report->previous, &last_year);
  else if (!(report->last_year = sp_stats_compute (store, query, &last_year, error)))
    return NULL;
  return g_steal_pointer (&report);
}
