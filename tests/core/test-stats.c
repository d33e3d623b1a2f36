/* test-stats.c: the quality figures against hand-made data with known answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "../sp-test-csv.h"
#include <math.h>

#include "sp-test-util.h"

static void
exec (SpStore    *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

/* id, kind, valence, channel, category, area, unit, provider, relation,
 * received, status, due, feedback, rule */
static void
add_case (SpStore    *store,
          const char *id,
          const char *kind,
          const char *valence,
          const char *category,
          const char *unit,
          const char *provider,
          const char *received,
          const char *due,
          const char *feedback,
          const char *rule)
{
  g_autofree char *sql = NULL;

#define Q(s) ((s) ? g_strdup_printf ("'%s'", (s)) : g_strdup ("NULL"))
  g_autofree char *c = Q (category), *u = Q (unit), *p = Q (provider), *d = Q (due), *fb = Q (feedback), *r = Q (rule);
#undef Q
  sql = g_strdup_printf ("INSERT INTO cases (id, kind, valence, channel, category, area, unit_id, provider_id, "
                         "sender_relation, received_on, status, due_on, feedback_on, deadline_rule, subject) "
                         "VALUES ('%s', '%s', '%s', 'email', %s, 'elderly_care', %s, %s, 'relative', '%s', "
                         "'%s', %s, %s, %s, 'Ämne')",
                         id, kind, valence, c, u, p, received, feedback ? "feedback_given" : "investigating",
                         d, fb, r);
  exec (store, sql);
}

static SpStore *
hand_made_store (char **dir)
{
  SpStore *store = sp_test_store_new (dir);

  exec (store, "INSERT INTO units (id, name, kind) VALUES ('dept', 'Äldreomsorg', 'department');"
               "INSERT INTO units (id, name, kind, parent_id) VALUES ('u1', 'Enhet 1', 'unit', 'dept');"
               "INSERT INTO units (id, name, kind, parent_id) VALUES ('u2', 'Enhet 2', 'unit', 'dept');"
               "INSERT INTO units (id, name, kind) VALUES ('u3', 'Enhet 3', 'unit');");

  /* T2 2025 (May–August): six cases. Handling days 3, 7, 10, 20; the
   * working-day rule on c3 (2025-06-02 Mon → 2025-06-09 Mon: 6 June is a
   * holiday, so 4 working days) and c4 (2025-05-26 Mon → 2025-06-05 Thu:
   * 29 May is Ascension, so 7 working days). */
  add_case (store, "c1", "complaint", "negative", "food", "u1", NULL, "2025-05-05", "2025-05-19", "2025-05-08", NULL);
  add_case (store, "c2", "complaint", "negative", "food", "u1", NULL, "2025-05-12", "2025-05-26", "2025-05-19", NULL);
  add_case (store, "c3", "complaint", "negative", "treatment", "u2", "prov", "2025-06-02", "2025-06-16",
            "2025-06-09", "working-days:10");
  add_case (store, "c4", "opinion", "negative", "treatment", "u2", NULL, "2025-05-26", "2025-06-02",
            "2025-06-05", "working-days:5");
  add_case (store, "c5", "opinion", "positive", NULL, "u3", NULL, "2025-07-01", "2025-07-15", NULL, NULL);
  add_case (store, "c6", "citizen_proposal", "positive", "food", "u1", NULL, "2025-08-31", "2025-09-14", NULL, NULL);
  /* T1 2025: two; T2 2024: one; T3 2024: none. */
  add_case (store, "p1", "complaint", "negative", "food", "u1", NULL, "2025-01-10", "2025-01-24", "2025-01-20", NULL);
  add_case (store, "p2", "opinion", "neutral", "food", "u2", NULL, "2025-04-30", "2025-05-14", NULL, NULL);
  add_case (store, "y1", "complaint", "negative", "food", "u1", NULL, "2024-06-01", "2024-06-15", "2024-06-20", NULL);
  /* Deleted and outside: not counted. */
  exec (store, "UPDATE cases SET deleted = 1 WHERE id = 'p2'");
  add_case (store, "x1", "complaint", "negative", "food", "u1", NULL, "2025-09-01", NULL, NULL, NULL);

  exec (store, "INSERT INTO investigations (id, case_id, assessment) VALUES ('i1', 'c1', 'justified');"
               "INSERT INTO investigations (id, case_id, assessment) VALUES ('i2', 'c2', 'partly_justified');"
               "INSERT INTO investigations (id, case_id, assessment) VALUES ('i4', 'c4', 'not_justified');");
  return store;
}

static void
test_period (void)
{
  SpPeriod t2 = sp_period_tertial (2025, 2), p, y;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SpPeriod parsed;

  g_assert_cmpuint (t2.from, ==, sp_date_new (2025, 5, 1));
  g_assert_cmpuint (t2.to, ==, sp_date_new (2025, 8, 31));
  p = sp_period_previous (&t2);
  g_assert_cmpuint (p.from, ==, sp_date_new (2025, 1, 1));
  g_assert_cmpuint (p.to, ==, sp_date_new (2025, 4, 30));
  p = sp_period_previous (&p);
  g_assert_cmpint (sp_period_get_tertial (&p), ==, 3);
  g_assert_cmpint (sp_period_get_year (&p), ==, 2024);
  y = sp_period_last_year (&t2);
  g_assert_cmpuint (y.from, ==, sp_date_new (2024, 5, 1));
  g_assert_cmpuint (y.to, ==, sp_date_new (2024, 8, 31));

  parsed = sp_period_custom (sp_date_new (2024, 2, 29), sp_date_new (2024, 3, 9));
  p = sp_period_previous (&parsed);
  g_assert_cmpuint (p.from, ==, sp_date_new (2024, 2, 19));
  g_assert_cmpuint (p.to, ==, sp_date_new (2024, 2, 28));
  y = sp_period_last_year (&parsed);
  g_assert_cmpuint (y.from, ==, sp_date_new (2023, 2, 28));

  g_assert_true (sp_period_parse ("2025-T2", &parsed, &error));
  g_assert_true (parsed.from == t2.from && parsed.to == t2.to && parsed.kind == SP_PERIOD_TERTIAL);
  text = sp_period_to_string (&parsed);
  g_assert_cmpstr (text, ==, "2025-T2");
  g_assert_true (sp_period_parse ("2024", &parsed, &error));
  g_assert_cmpuint (parsed.to, ==, sp_date_new (2024, 12, 31));
  g_assert_true (sp_period_parse ("2025-03-01..2025-05-31", &parsed, &error));
  g_assert_cmpuint (sp_period_n_days (&parsed), ==, 92);
  for (guint i = 0; i < 6; i++)
    {
      static const char * const bad[] = { "2025-T4", "25", "2025-05-01..2025-04-01", "x'; DROP", "", "2025-T" };
      g_autoptr(GError) e = NULL;

      g_assert_false (sp_period_parse (bad[i], &parsed, &e));
      g_assert_error (e, SP_ERROR, SP_ERROR_INVALID);
    }
}

static void
test_figures (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = hand_made_store (&dir);
  g_autoptr(SpStatsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  SpStatsQuery query = { NULL, { SP_STATS_SCOPE_ORGANISATION, NULL }, sp_date_new (2025, 9, 20) };
  SpPeriod t2 = sp_period_tertial (2025, 2);
  SpStatsFigures *f;

  report = sp_stats_report_compute (store, &query, &t2, &error);
  g_assert_no_error (error);
  f = report->current;

  g_assert_cmpint (f->total, ==, 6);
  g_assert_cmpint (f->positive, ==, 2);
  g_assert_cmpint (f->complaints, ==, 3);
  g_assert_cmpint (sp_stats_figures_get_count (f, SP_STATS_KIND, "complaint"), ==, 3);
  g_assert_cmpint (sp_stats_figures_get_count (f, SP_STATS_KIND, "opinion"), ==, 2);
  g_assert_cmpint (sp_stats_figures_get_count (f, SP_STATS_KIND, "citizen_proposal"), ==, 1);
  g_assert_cmpint (sp_stats_figures_get_count (f, SP_STATS_VALENCE, "negative"), ==, 4);
  g_assert_cmpint (sp_stats_figures_get_count (f, SP_STATS_CATEGORY, "food"), ==, 3);
  g_assert_cmpint (sp_stats_figures_get_count (f, SP_STATS_CATEGORY, "treatment"), ==, 2);
  g_assert_cmpint (sp_stats_figures_get_count (f, SP_STATS_CATEGORY, "none"), ==, 1);
  g_assert_cmpint (sp_stats_figures_get_count (f, SP_STATS_CHANNEL, "email"), ==, 6);
  g_assert_cmpint (sp_stats_figures_get_count (f, SP_STATS_AREA, "elderly_care"), ==, 6);
  g_assert_cmpint (sp_stats_figures_get_count (f, SP_STATS_UNIT, "u1"), ==, 3);
  g_assert_cmpint (sp_stats_figures_get_count (f, SP_STATS_UNIT, "u2"), ==, 2);
  g_assert_cmpint (sp_stats_figures_get_count (f, SP_STATS_DEPARTMENT, "dept"), ==, 5);
  g_assert_cmpint (sp_stats_figures_get_count (f, SP_STATS_DEPARTMENT, "none"), ==, 1);
  g_assert_cmpint (sp_stats_figures_get_count (f, SP_STATS_PROVIDER, "prov"), ==, 1);
  g_assert_cmpint (sp_stats_figures_get_count (f, SP_STATS_RELATION, "relative"), ==, 6);
  g_assert_cmpint (sp_stats_figures_get_count (f, SP_STATS_MONTH, "2025-05"), ==, 3);
  g_assert_cmpint (sp_stats_figures_get_count (f, SP_STATS_MONTH, "2025-06"), ==, 1);
  g_assert_cmpint (sp_stats_figures_get_count (f, SP_STATS_MONTH, "2025-08"), ==, 1);
  g_assert_cmpint (sp_stats_figures_get_count (f, SP_STATS_STATUS, "feedback_given"), ==, 4);

  /* Due by 2025-09-20: c1–c5 (c6 is due on 14 September: also past);
   * within: c1, c2, c3 (c4 answered after its due day). */
  g_assert_cmpint (f->deadline_due, ==, 6);
  g_assert_cmpint (f->within_deadline, ==, 3);
  g_assert_cmpfloat_with_epsilon (sp_stats_figures_within_share (f), 0.5, 1e-9);
  g_assert_cmpint (f->overdue, ==, 2);

  /* Days 3, 7, 7, 10: median 7, p90 the 4th of 4 = 10. */
  g_assert_cmpint (f->handled, ==, 4);
  g_assert_cmpfloat_with_epsilon (f->median_days, 7.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (f->p90_days, 10.0, 1e-9);
  /* Working days 4 (c3) and 7 (c4): median 5.5, p90 7. */
  g_assert_cmpint (f->handled_working, ==, 2);
  g_assert_cmpfloat_with_epsilon (f->median_working_days, 5.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (f->p90_working_days, 7.0, 1e-9);

  /* Complaints c1 justified, c2 partly, c3 without an investigation
   * (c4's not_justified is an opinion's and does not count). */
  g_assert_cmpint (f->assessment[SP_ASSESSMENT_JUSTIFIED], ==, 1);
  g_assert_cmpint (f->assessment[SP_ASSESSMENT_PARTLY_JUSTIFIED], ==, 1);
  g_assert_cmpint (f->assessment[SP_ASSESSMENT_NOT_JUSTIFIED], ==, 0);
  g_assert_cmpint (f->assessment[SP_ASSESSMENT_NOT_ASSESSED], ==, 1);
  g_assert_cmpfloat_with_epsilon (sp_stats_figures_assessment_share (f, SP_ASSESSMENT_JUSTIFIED), 0.5, 1e-9);

  /* The previous period: T1 2025 holds p1 only (p2 is deleted). */
  g_assert_cmpint (report->previous->total, ==, 1);
  g_assert_cmpfloat_with_epsilon (report->previous->median_days, 10.0, 1e-9);
  g_assert_cmpint (report->previous->within_deadline, ==, 1);
  /* T2 2024: y1, answered late, 19 days. */
  g_assert_cmpint (report->last_year->total, ==, 1);
  g_assert_cmpint (report->last_year->within_deadline, ==, 0);
  g_assert_cmpfloat_with_epsilon (report->last_year->median_days, 19.0, 1e-9);
  g_assert_true (isnan (report->last_year->median_working_days));
}

static void
test_scope (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = hand_made_store (&dir);
  g_autoptr(GError) error = NULL;
  SpPeriod t2 = sp_period_tertial (2025, 2);
  SpStatsQuery query = { NULL, { SP_STATS_SCOPE_ORGANISATION, NULL }, sp_date_new (2025, 9, 20) };
  SpCaseQuery base;
  static const struct { const char *scope; gint64 total; } cases[] = {
    { "organisation", 6 }, { "department:dept", 5 }, { "unit:u2", 2 }, { "provider:prov", 1 }, { "unit:x' OR 1=1 --", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SpStatsFigures) f = NULL;

      g_assert_true (sp_stats_scope_parse (cases[i].scope, &query.scope, &error));
      f = sp_stats_compute (store, &query, &t2, &error);
      g_assert_no_error (error);
      g_assert_cmpint (f->total, ==, cases[i].total);
      sp_stats_scope_clear (&query.scope);
    }
  g_assert_false (sp_stats_scope_parse ("planet:earth", &query.scope, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);

  /* The caller's restriction holds inside the scope. */
  sp_case_query_init (&base);
  base.kinds = 1u << SP_CASE_KIND_COMPLAINT;
  query.base = &base;
  {
    g_autoptr(SpStatsFigures) f = sp_stats_compute (store, &query, &t2, NULL);

    g_assert_cmpint (f->total, ==, 3);
  }
}

static void
test_signals (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(GPtrArray) signals = NULL;
  g_autoptr(GError) error = NULL;
  SpStatsQuery query = { NULL, { SP_STATS_SCOPE_ORGANISATION, NULL }, sp_date_new (2025, 12, 31) };
  SpPeriod t3 = sp_period_tertial (2025, 3);
  SpStatsSignal *s;
  guint n = 0;

  /* P(X ≥ 5 | λ = 1) = 1 − e⁻¹(1 + 1 + 1/2 + 1/6 + 1/24) = 0.0036599. */
  g_assert_cmpfloat_with_epsilon (sp_stats_poisson_upper (5, 1.0), 0.00365984682734371, 1e-12);
  g_assert_cmpfloat_with_epsilon (sp_stats_poisson_upper (1, 2.0), 1 - exp (-2.0), 1e-12);
  g_assert_cmpfloat (sp_stats_poisson_upper (0, 3.0), ==, 1.0);

  /* "food": 2, 2, 2 in the three tertials before, 10 now: λ 2,
   * P(X ≥ 10) = 4.65e-5 → a signal. "treatment": 3, 3, 3 then 6:
   * P(X ≥ 6 | 3) = 0.084 → none. */
  for (guint t = 0; t < 4; t++)
    {
      SpPeriod p = sp_period_tertial (t == 0 ? 2025 : t == 3 ? 2024 : 2025, t == 0 ? 3 : t == 1 ? 2 : t == 2 ? 1 : 3);
      guint food = t == 0 ? 10 : 2, treatment = t == 0 ? 6 : 3;

      for (guint i = 0; i < food + treatment; i++)
        {
          g_autofree char *id = g_strdup_printf ("s%u", n++);
          char day[11];

          sp_date_format (p.from + i, day);
          add_case (store, id, "complaint", "negative", i < food ? "food" : "treatment", "u1", NULL, day, NULL, NULL, NULL);
        }
    }

  signals = sp_stats_signals_compute (store, &query, &t3, SP_STATS_SIGNAL_LEVEL, &error);
  g_assert_no_error (error);
  /* food as a category, and unit u1 (16 against 5, 5, 5: P = 2.7e-4). */
  g_assert_cmpuint (signals->len, ==, 2);
  s = g_ptr_array_index (signals, 0);
  g_assert_cmpint (s->dimension, ==, SP_STATS_CATEGORY);
  g_assert_cmpstr (s->key, ==, "food");
  g_assert_cmpint (s->count, ==, 10);
  g_assert_cmpint (s->previous[0], ==, 2);
  g_assert_cmpint (s->previous[2], ==, 2);
  g_assert_cmpfloat_with_epsilon (s->expected, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->p_value, 4.649807e-05, 1e-9);
  s = g_ptr_array_index (signals, 1);
  g_assert_cmpint (s->dimension, ==, SP_STATS_UNIT);
  g_assert_cmpfloat_with_epsilon (s->expected, 5.0, 1e-9);
  g_assert_cmpfloat (s->p_value, <, 0.01);
}

#define strict_csv_read sp_test_csv_read

static void
test_csv (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = hand_made_store (&dir);
  g_autoptr(SpStatsReport) report = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *table = NULL;
  g_autofree char *text = NULL;
  SpStatsQuery query = { NULL, { SP_STATS_SCOPE_ORGANISATION, NULL }, sp_date_new (2025, 9, 20) };
  SpPeriod t2 = sp_period_tertial (2025, 2);
  GPtrArray *r;
  SpCsv csv;

  sp_csv_init (&csv, ';', TRUE);
  sp_csv_field (&csv, "plain");
  sp_csv_field (&csv, "semi;colon");
  sp_csv_field (&csv, "say \"hej\"");
  sp_csv_field (&csv, "två\r\nrader");
  sp_csv_field (&csv, NULL);
  sp_csv_end_record (&csv);
  text = sp_csv_steal (&csv);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  records = strict_csv_read (text, ';');
  g_assert_cmpuint (records->len, ==, 1);
  r = g_ptr_array_index (records, 0);
  g_assert_cmpuint (r->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (r, 1), ==, "semi;colon");
  g_assert_cmpstr (g_ptr_array_index (r, 2), ==, "say \"hej\"");
  g_assert_cmpstr (g_ptr_array_index (r, 3), ==, "två\r\nrader");
  g_assert_cmpstr (g_ptr_array_index (r, 4), ==, "");
  g_clear_pointer (&records, g_ptr_array_unref);

  report = sp_stats_report_compute (store, &query, &t2, NULL);
  table = sp_stats_report_table_to_csv (report, SP_STATS_CATEGORY, ',', FALSE);
  records = strict_csv_read (table, ',');
  /* Header, food, none, treatment. */
  g_assert_cmpuint (records->len, ==, 4);
  r = g_ptr_array_index (records, 1);
  g_assert_cmpstr (g_ptr_array_index (r, 0), ==, "food");
  g_assert_cmpstr (g_ptr_array_index (r, 1), ==, "3");
  g_assert_cmpstr (g_ptr_array_index (r, 2), ==, "1");
  g_assert_cmpstr (g_ptr_array_index (r, 3), ==, "1");
  /* Counts only: no subject, no sender. */
  g_assert_null (strstr (table, "Ämne"));
}

/* The assessment the pass counts is the investigation's as it stands:
 * changed, tombstoned or new. */
static void
test_assessment_follows (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SpStore) store = hand_made_store (&dir);
  SpStatsQuery query = { NULL, { SP_STATS_SCOPE_ORGANISATION, NULL }, sp_date_new (2025, 12, 1) };
  SpPeriod t2 = sp_period_tertial (2025, 2);
  SpStatsFigures *f;

  add_case (store, "c9", "complaint", "negative", "food", "u1", NULL, "2025-06-10", "2025-06-24", NULL, NULL);
  exec (store, "UPDATE investigations SET assessment = 'not_justified' WHERE id = 'i1';"
               "UPDATE investigations SET deleted = 1 WHERE id = 'i2';"
               "INSERT INTO investigations (id, case_id, assessment) VALUES ('i9', 'c9', 'justified');");
  f = sp_stats_compute (store, &query, &t2, NULL);
  g_assert_nonnull (f);
  g_assert_cmpint (f->assessment[SP_ASSESSMENT_JUSTIFIED], ==, 1);       /* c9 */
  g_assert_cmpint (f->assessment[SP_ASSESSMENT_NOT_JUSTIFIED], ==, 1);   /* c1 */
  g_assert_cmpint (f->assessment[SP_ASSESSMENT_PARTLY_JUSTIFIED], ==, 0);
  g_assert_cmpint (f->assessment[SP_ASSESSMENT_NOT_ASSESSED], ==, 2);    /* c2, c3 */
  sp_stats_figures_free (f);

  g_clear_object (&store);
  sp_test_remove_tree (dir);
}

/* The case list's counts by SQL aggregates equal those of the cases the
 * same query loads, for several queries. */
static void
assert_counts_equal (SpStore           *store,
                     const SpCaseQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCaseCounts) counts = sp_store_count_cases_by (store, query, &error);
  g_autoptr(GPtrArray) cases = sp_store_query_cases (store, query, &error);
  GHashTable *expected[SP_STATS_N_DIMENSIONS] = { NULL };
  const SpStatsDimension dims[] = { SP_STATS_KIND, SP_STATS_CATEGORY, SP_STATS_UNIT, SP_STATS_CHANNEL,
                                    SP_STATS_MONTH, SP_STATS_STATUS };
  gint64 overdue = 0;

  g_assert_no_error (error);
  g_assert_nonnull (counts);
  g_assert_cmpint (counts->total, ==, cases->len);
  for (guint d = 0; d < G_N_ELEMENTS (dims); d++)
    expected[dims[d]] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < cases->len; i++)
    {
      SpCase *kase = cases->pdata[i];
      char month[8] = "none";
      const char *keys[G_N_ELEMENTS (dims)];

      if (kase->received_on != SP_DATE_NONE)
        g_snprintf (month, sizeof month, "%04d-%02d", sp_date_get_year (kase->received_on),
                    sp_date_get_month (kase->received_on));
      keys[0] = sp_enum_to_name (&sp_case_kind_info, kase->kind);
      keys[1] = kase->category ? kase->category : "none";
      keys[2] = kase->unit_id ? kase->unit_id : "none";
      keys[3] = sp_enum_to_name (&sp_channel_info, kase->channel);
      keys[4] = month;
      keys[5] = sp_enum_to_name (&sp_status_info, kase->status);
      for (guint d = 0; d < G_N_ELEMENTS (dims); d++)
        {
          GHashTable *table = expected[dims[d]];
          gsize n = GPOINTER_TO_SIZE (g_hash_table_lookup (table, keys[d]));

          g_hash_table_insert (table, g_strdup (keys[d]), GSIZE_TO_POINTER (n + 1));
        }
      if (sp_case_is_overdue (kase, sp_date_today ()))
        overdue++;
    }
  g_assert_cmpint (counts->overdue, ==, overdue);
  for (guint d = 0; d < G_N_ELEMENTS (dims); d++)
    {
      GPtrArray *got = counts->by[dims[d]];

      g_assert_cmpuint (got->len, ==, g_hash_table_size (expected[dims[d]]));
      for (guint i = 0; i < got->len; i++)
        {
          SpStatsCount *c = got->pdata[i];

          g_assert_cmpint (c->count, ==, (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (expected[dims[d]], c->key)));
        }
      g_hash_table_unref (expected[dims[d]]);
    }
}

static void
test_case_counts (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;
  SpCaseQuery query;

  g_assert_true (sp_demo_populate (store, 1500, 11, &error));
  g_assert_no_error (error);
  units = sp_store_load_where (store, SP_TYPE_UNIT, "kind", "unit", NULL);

  sp_case_query_init (&query);
  assert_counts_equal (store, &query);
  query.from = sp_date_new (sp_date_get_year (sp_date_today ()) - 1, 1, 1);
  query.to = sp_date_new (sp_date_get_year (sp_date_today ()) - 1, 12, 31);
  assert_counts_equal (store, &query);
  query.kinds = 1u << SP_CASE_KIND_COMPLAINT;
  query.unit_id = SP_ENTITY (units->pdata[0])->id;
  assert_counts_equal (store, &query);
  sp_case_query_init (&query);
  query.overdue_only = TRUE;
  assert_counts_equal (store, &query);
  sp_case_query_init (&query);
  query.text = "mat";
  query.hide_named_employee = TRUE;
  assert_counts_equal (store, &query);
  sp_case_query_init (&query);
  query.category = "x' OR 1=1 --";
  assert_counts_equal (store, &query);

  g_clear_object (&store);
  sp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/period", test_period);
  g_test_add_func ("/stats/figures", test_figures);
  g_test_add_func ("/stats/scope", test_scope);
  g_test_add_func ("/stats/signals", test_signals);
  g_test_add_func ("/stats/csv", test_csv);
  g_test_add_func ("/stats/case-counts", test_case_counts);
  g_test_add_func ("/stats/assessment-follows", test_assessment_follows);

  return g_test_run ();
}
