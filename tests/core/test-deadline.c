/* test-deadline.c: deadline rules, their parsing and the due dates they give
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include "sp-case.h"
#include "sp-deadline.h"
#include "sp-error.h"

static SpDate
D (const char *text)
{
  SpDate date = SP_DATE_NONE;

  g_assert_true (sp_date_parse (text, &date));
  return date;
}

static void
assert_date (SpDate      date,
             const char *expected)
{
  char buf[11];

  sp_date_format (date, buf);
  g_assert_cmpstr (buf, ==, expected);
}

static void
test_parse_valid (void)
{
  static const struct {
    const char     *text;
    SpDeadlineKind  kind;
    guint           days;
  } valid[] = {
    { "calendar-days:14", SP_DEADLINE_CALENDAR_DAYS, 14 },
    { "calendar-days:3", SP_DEADLINE_CALENDAR_DAYS, 3 },
    { "calendar-days:1", SP_DEADLINE_CALENDAR_DAYS, 1 },
    { "calendar-days:365", SP_DEADLINE_CALENDAR_DAYS, 365 },
    { "working-days:14", SP_DEADLINE_WORKING_DAYS, 14 },
    { "working-days:10", SP_DEADLINE_WORKING_DAYS, 10 },
    { "working-days:365", SP_DEADLINE_WORKING_DAYS, 365 },
    { "given-date", SP_DEADLINE_GIVEN_DATE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      SpDeadlineRule rule = { SP_DEADLINE_GIVEN_DATE, 999 };

      g_assert_true (sp_deadline_rule_parse (valid[i].text, &rule, &error));
      g_assert_no_error (error);
      g_assert_cmpint (rule.kind, ==, valid[i].kind);
      g_assert_cmpuint (rule.days, ==, valid[i].days);

      /* The round trip gives the same text back. */
      text = sp_deadline_rule_to_string (&rule);
      g_assert_cmpstr (text, ==, valid[i].text);
    }

  /* A NULL rule pointer only validates. */
  g_assert_true (sp_deadline_rule_parse ("working-days:5", NULL, NULL));
}

static void
test_parse_invalid (void)
{
  static const char *invalid[] = {
    "",
    "calendar-days:",
    "calendar-days:-1",
    "calendar-days:+1",
    "calendar-days:abc",
    "calendar-days:0",
    "calendar-days:014",
    "calendar-days:366",
    "calendar-days:1000",
    "calendar-days:99999999999999999999999",
    "calendar-days:14x",
    "calendar-days:14 ",
    "calendar-days: 14",
    "calendar-days:1.5",
    "calendar-days:14;DROP TABLE cases",
    "calendar-days",
    "calendar-days14",
    "Calendar-days:14",
    "working-days:",
    "working-days:-3",
    "working-days:abc",
    "working-days:400",
    "working-days:14\n",
    "weeks:2",
    "days:14",
    "given-date:2025-01-01",
    "given-date ",
    "GIVEN-DATE",
    " calendar-days:14",
    "14",
    "\xff\xfe",
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      SpDeadlineRule rule = { SP_DEADLINE_WORKING_DAYS, 7 };

      g_assert_false (sp_deadline_rule_parse (invalid[i], &rule, &error));
      g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
      g_assert_cmpstr (sp_error_get_field (error), ==, "deadline_rule");
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      /* A refused rule leaves the output alone. */
      g_assert_cmpint (rule.kind, ==, SP_DEADLINE_WORKING_DAYS);
      g_assert_cmpuint (rule.days, ==, 7);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (sp_deadline_rule_parse (NULL, NULL, &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
    g_assert_cmpstr (sp_error_get_field (error), ==, "deadline_rule");
  }

  /* The message names the rule and says what is wrong. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (sp_deadline_rule_parse ("weeks:2", NULL, &error));
    g_assert_nonnull (strstr (error->message, "weeks:2"));
    g_assert_nonnull (strstr (error->message, "calendar-days:N"));
  }

  /* A very long rule is not echoed back. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = g_strnfill (10000, 'x');

    g_assert_false (sp_deadline_rule_parse (text, NULL, &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
    g_assert_cmpuint (strlen (error->message), <, 200);
  }
}

static void
test_apply_calendar_days (void)
{
  SpDeadlineRule rule;

  g_assert_true (sp_deadline_rule_parse ("calendar-days:14", &rule, NULL));

  /* An ordinary weekday end. */
  assert_date (sp_deadline_rule_apply (&rule, D ("2025-11-03"), SP_DATE_NONE), "2025-11-17");
  /* Ends on a Sunday: moves to Monday. */
  assert_date (sp_deadline_rule_apply (&rule, D ("2025-10-26"), SP_DATE_NONE), "2025-11-10");
  /* Ends on a Saturday. */
  assert_date (sp_deadline_rule_apply (&rule, D ("2025-11-08"), SP_DATE_NONE), "2025-11-24");
  /* Ends on Midsummer Eve 2025 (Friday 20 June): moves past Midsummer Day to Monday. */
  assert_date (sp_deadline_rule_apply (&rule, D ("2025-06-06"), SP_DATE_NONE), "2025-06-23");
  /* Ends on Christmas Eve 2025 (Wednesday): past Christmas and the weekend. */
  assert_date (sp_deadline_rule_apply (&rule, D ("2025-12-10"), SP_DATE_NONE), "2025-12-29");
  /* Across New Year: ends on New Year's Day 2026, moves to Friday 2 January. */
  assert_date (sp_deadline_rule_apply (&rule, D ("2025-12-18"), SP_DATE_NONE), "2026-01-02");
  /* Across New Year: ends on Saturday 3 January, moves to Monday 5 January. */
  assert_date (sp_deadline_rule_apply (&rule, D ("2025-12-20"), SP_DATE_NONE), "2026-01-05");
  /* Ends on New Year's Eve. */
  assert_date (sp_deadline_rule_apply (&rule, D ("2025-12-17"), SP_DATE_NONE), "2026-01-02");
  /* Ends on Good Friday 2025: past Easter Monday. */
  assert_date (sp_deadline_rule_apply (&rule, D ("2025-04-04"), SP_DATE_NONE), "2025-04-22");
  /* Ends on Epiphany 2026 (Tuesday). */
  assert_date (sp_deadline_rule_apply (&rule, D ("2025-12-23"), SP_DATE_NONE), "2026-01-07");
  /* A given date is ignored by a day rule. */
  assert_date (sp_deadline_rule_apply (&rule, D ("2025-11-03"), D ("2025-12-01")), "2025-11-17");

  /* The city environment's three days, ending on New Year's Eve. */
  g_assert_true (sp_deadline_rule_parse ("calendar-days:3", &rule, NULL));
  assert_date (sp_deadline_rule_apply (&rule, D ("2025-12-28"), SP_DATE_NONE), "2026-01-02");
  /* Received on a Saturday, ends on Tuesday. */
  assert_date (sp_deadline_rule_apply (&rule, D ("2025-11-22"), SP_DATE_NONE), "2025-11-25");

  /* Without a received date there is no deadline. */
  g_assert_cmpuint (sp_deadline_rule_apply (&rule, SP_DATE_NONE, SP_DATE_NONE), ==, SP_DATE_NONE);
}

static void
test_apply_working_days (void)
{
  SpDeadlineRule rule;

  g_assert_true (sp_deadline_rule_parse ("working-days:14", &rule, NULL));

  /* Norrmalm's rule from an ordinary Monday: three weeks less a day. */
  assert_date (sp_deadline_rule_apply (&rule, D ("2025-11-03"), SP_DATE_NONE), "2025-11-21");
  /* Across Christmas and New Year (Epiphany included). */
  assert_date (sp_deadline_rule_apply (&rule, D ("2025-12-19"), SP_DATE_NONE), "2026-01-16");
  /* Across Easter 2025 from Maundy Thursday. */
  assert_date (sp_deadline_rule_apply (&rule, D ("2025-04-17"), SP_DATE_NONE), "2025-05-12");

  g_assert_true (sp_deadline_rule_parse ("working-days:1", &rule, NULL));
  assert_date (sp_deadline_rule_apply (&rule, D ("2025-04-17"), SP_DATE_NONE), "2025-04-22");
  assert_date (sp_deadline_rule_apply (&rule, D ("2025-06-19"), SP_DATE_NONE), "2025-06-23");

  g_assert_cmpuint (sp_deadline_rule_apply (&rule, SP_DATE_NONE, SP_DATE_NONE), ==, SP_DATE_NONE);
}

static void
test_apply_given_date (void)
{
  SpDeadlineRule rule;

  g_assert_true (sp_deadline_rule_parse ("given-date", &rule, NULL));

  /* The authority's date is used as it is, even on a Sunday. */
  assert_date (sp_deadline_rule_apply (&rule, D ("2025-11-03"), D ("2025-11-30")), "2025-11-30");
  assert_date (sp_deadline_rule_apply (&rule, SP_DATE_NONE, D ("2025-12-15")), "2025-12-15");
  g_assert_cmpuint (sp_deadline_rule_apply (&rule, D ("2025-11-03"), SP_DATE_NONE), ==, SP_DATE_NONE);
}

static void
test_config (void)
{
  SpDeadlineConfig config;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  sp_deadline_config_init_default (&config);
  a = sp_deadline_rule_to_string (&config.investigation);
  b = sp_deadline_rule_to_string (&config.city_environment);
  c = sp_deadline_rule_to_string (&config.city_environment_complex);
  g_assert_cmpstr (a, ==, "calendar-days:14");
  g_assert_cmpstr (b, ==, "calendar-days:3");
  g_assert_cmpstr (c, ==, "calendar-days:10");

  g_assert_true (sp_deadline_config_set (&config, "investigation", "working-days:14", NULL));
  g_assert_cmpint (config.investigation.kind, ==, SP_DEADLINE_WORKING_DAYS);
  g_assert_cmpuint (config.investigation.days, ==, 14);

  g_assert_true (sp_deadline_config_set (&config, "city_environment", "working-days:2", NULL));
  g_assert_cmpint (config.city_environment.kind, ==, SP_DEADLINE_WORKING_DAYS);
  g_assert_cmpuint (config.city_environment.days, ==, 2);

  g_assert_true (sp_deadline_config_set (&config, "city_environment_complex", "calendar-days:20", NULL));
  g_assert_cmpint (config.city_environment_complex.kind, ==, SP_DEADLINE_CALENDAR_DAYS);
  g_assert_cmpuint (config.city_environment_complex.days, ==, 20);
}

static void
test_config_invalid (void)
{
  SpDeadlineConfig config;
  SpDeadlineConfig before;
  static const char *bad_keys[] = { "feedback", "Investigation", "", "investigation ", "\xc3\x28" };

  sp_deadline_config_init_default (&config);
  before = config;

  for (guint i = 0; i < G_N_ELEMENTS (bad_keys); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (sp_deadline_config_set (&config, bad_keys[i], "calendar-days:5", &error));
      g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
      g_assert_cmpstr (sp_error_get_field (error), ==, "key");
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (sp_deadline_config_set (&config, NULL, "calendar-days:5", &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  }

  /* A bad rule under a good key: the key is named in the message. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (sp_deadline_config_set (&config, "investigation", "weeks:2", &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
    g_assert_cmpstr (sp_error_get_field (error), ==, "deadline_rule");
    g_assert_true (g_str_has_prefix (error->message, "investigation: "));
  }

  /* An organisation's rule cannot be "given-date". */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (sp_deadline_config_set (&config, "city_environment", "given-date", &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
    g_assert_cmpstr (sp_error_get_field (error), ==, "deadline_rule");
  }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (sp_deadline_config_set (&config, "investigation", NULL, &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  }

  /* Nothing was changed by the refusals. */
  g_assert_cmpmem (&config, sizeof config, &before, sizeof before);
}

static void
test_days_left (void)
{
  g_assert_cmpint (sp_deadline_days_left (D ("2025-11-24"), D ("2025-11-24")), ==, 0);
  g_assert_cmpint (sp_deadline_days_left (D ("2025-11-24"), D ("2025-11-20")), ==, 4);
  g_assert_cmpint (sp_deadline_days_left (D ("2025-11-24"), D ("2025-11-26")), ==, -2);
  g_assert_cmpint (sp_deadline_days_left (D ("2026-01-02"), D ("2025-12-28")), ==, 5);
  g_assert_cmpint (sp_deadline_days_left (D ("2024-03-01"), D ("2024-02-28")), ==, 2);
  /* No due date: nothing is late. */
  g_assert_cmpint (sp_deadline_days_left (SP_DATE_NONE, D ("2025-11-26")), ==, 0);
  g_assert_cmpint (sp_deadline_days_left (D ("2025-11-26"), SP_DATE_NONE), ==, 0);
}

/* The last days a date can have: a deadline past them is an error,
 * never a date written cut off ("10000-01-0"). */
static void
test_bounds (void)
{
  SpDeadlineRule calendar = { SP_DEADLINE_CALENDAR_DAYS, 14 };
  SpDeadlineRule working = { SP_DEADLINE_WORKING_DAYS, 14 };
  SpDeadlineConfig config;
  g_autoptr(SpCase) kase = sp_case_new ();
  g_autoptr(GError) error = NULL;
  SpDate last = sp_date_new (9999, 12, 31);
  char buf[11];

  g_assert_cmpuint (sp_date_first (), ==, sp_date_new (1900, 1, 1));
  g_assert_cmpuint (sp_date_last (), ==, last);
  g_assert_true (sp_date_in_range (sp_date_new (1900, 1, 1)));
  g_assert_true (sp_date_in_range (last));
  g_assert_false (sp_date_in_range (sp_date_new (1899, 12, 31)));
  g_assert_false (sp_date_in_range (last + 1));
  g_assert_false (sp_date_in_range (SP_DATE_NONE));

  /* A day after 9999-12-31 has no text, rather than ten characters of one. */
  sp_date_format (last + 1, buf);
  g_assert_cmpstr (buf, ==, "");
  g_assert_null (sp_date_to_string (last + 1));
  g_assert_false (sp_date_parse ("10000-01-0", NULL));

  g_assert_cmpuint (sp_deadline_rule_apply (&calendar, sp_date_new (9999, 12, 20), 0), ==,
                    SP_DATE_NONE);
  g_assert_cmpuint (sp_deadline_rule_apply (&working, sp_date_new (9999, 12, 20), 0), ==,
                    SP_DATE_NONE);
  g_assert_cmpuint (sp_deadline_rule_apply (&calendar, last + 1, 0), ==, SP_DATE_NONE);
  g_assert_cmpuint (sp_deadline_rule_apply (&calendar, sp_date_new (9999, 12, 1), 0), ==,
                    sp_date_new (9999, 12, 15));

  sp_deadline_config_init_default (&config);
  kase->received_on = sp_date_new (9999, 12, 20);
  g_assert_false (sp_case_update_deadline (kase, &config, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  g_assert_cmpstr (sp_error_get_field (error), ==, "received_on");
  g_assert_cmpuint (kase->due_on, ==, SP_DATE_NONE);
  g_clear_error (&error);

  /* A given date is the authority's, and may be the very last day. */
  kase->given_due_on = last;
  g_assert_true (sp_case_update_deadline (kase, &config, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kase->due_on, ==, last);
}

static void
test_today_in_organisation (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (SP_DATE_ORGANISATION_ZONE);
  g_autoptr(GDateTime) now = NULL;
  SpDate today;

  g_setenv ("SYNPUNKT_TODAY", "2025-09-01", TRUE);
  g_assert_cmpuint (sp_date_today_in_organisation (), ==, sp_date_new (2025, 9, 1));
  g_unsetenv ("SYNPUNKT_TODAY");

  if (zone == NULL)
    {
      g_test_skip ("no time zone data");
      return;
    }

  /* Asked either side of a midnight, the two could differ by a day. */
  today = sp_date_today_in_organisation ();
  now = g_date_time_new_now (zone);
  g_assert_cmpint (ABS ((int)today - (int)sp_date_new (g_date_time_get_year (now),
                                                       g_date_time_get_month (now),
                                                       g_date_time_get_day_of_month (now))),
                   <=, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deadline/parse/valid", test_parse_valid);
  g_test_add_func ("/deadline/parse/invalid", test_parse_invalid);
  g_test_add_func ("/deadline/apply/calendar-days", test_apply_calendar_days);
  g_test_add_func ("/deadline/apply/working-days", test_apply_working_days);
  g_test_add_func ("/deadline/apply/given-date", test_apply_given_date);
  g_test_add_func ("/deadline/config", test_config);
  g_test_add_func ("/deadline/config/invalid", test_config_invalid);
  g_test_add_func ("/deadline/days-left", test_days_left);
  g_test_add_func ("/deadline/bounds", test_bounds);
  g_test_add_func ("/deadline/today-in-organisation", test_today_in_organisation);

  return g_test_run ();
}
