/* test-calendar.c: the Swedish working-day calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>

#include "sp-calendar.h"

#define CORE_LOG_DOMAIN "synpunkt-core"

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
test_easter (void)
{
  /* Checked against dateutil.easter (the same Gregorian computus). */
  static const char *dates[] = {
    "2015-04-05", "2016-03-27", "2017-04-16", "2018-04-01", "2019-04-21",
    "2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09", "2024-03-31",
    "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01",
    "2030-04-21", "2031-04-13", "2032-03-28", "2033-04-17", "2034-04-09",
    "2035-03-25", "2036-04-13", "2037-04-05", "2038-04-25", "2039-04-10",
    "2040-04-01",
    /* The earliest and latest possible dates, and the range's ends. */
    "1818-03-22", "1943-04-25", "2285-03-22", "1583-04-10", "9999-03-28",
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      SpDate expected = D (dates[i]);
      SpDate easter = sp_calendar_easter_sunday (sp_date_get_year (expected));

      assert_date (easter, dates[i]);
      g_assert_cmpint (sp_date_get_weekday (easter), ==, G_DATE_SUNDAY);
    }
}

static void
test_midsummer (void)
{
  assert_date (sp_calendar_midsummer_eve (2024), "2024-06-21");
  assert_date (sp_calendar_midsummer_eve (2025), "2025-06-20");
  assert_date (sp_calendar_midsummer_eve (2026), "2026-06-19");
  assert_date (sp_calendar_midsummer_eve (2027), "2027-06-25");

  /* Always a Friday from 19 to 25 June. */
  for (int year = 1900; year <= 2100; year++)
    {
      SpDate eve = sp_calendar_midsummer_eve (year);

      g_assert_cmpint (sp_date_get_weekday (eve), ==, G_DATE_FRIDAY);
      g_assert_cmpint (sp_date_get_month (eve), ==, 6);
      g_assert_cmpint (sp_date_get_day (eve), >=, 19);
      g_assert_cmpint (sp_date_get_day (eve), <=, 25);
      g_assert_cmpstr (sp_calendar_get_holiday_name (eve), ==, "Midsummer Eve");
      g_assert_cmpstr (sp_calendar_get_holiday_name (eve + 1), ==, "Midsummer Day");
      g_assert_true (sp_calendar_is_public_holiday (eve + 1));
      g_assert_false (sp_calendar_is_public_holiday (eve));
      g_assert_false (sp_calendar_is_working_day (eve));
    }
}

static void
test_all_saints (void)
{
  assert_date (sp_calendar_all_saints_day (2025), "2025-11-01");
  assert_date (sp_calendar_all_saints_day (2024), "2024-11-02");
  assert_date (sp_calendar_all_saints_day (2026), "2026-10-31");
  assert_date (sp_calendar_all_saints_day (2023), "2023-11-04");
  assert_date (sp_calendar_all_saints_day (2027), "2027-11-06");

  for (int year = 1900; year <= 2100; year++)
    {
      SpDate day = sp_calendar_all_saints_day (year);

      g_assert_cmpint (sp_date_get_weekday (day), ==, G_DATE_SATURDAY);
      g_assert_true (day >= sp_date_new (year, 10, 31));
      g_assert_true (day <= sp_date_new (year, 11, 6));
      g_assert_true (sp_calendar_is_public_holiday (day));
    }
}

static void
test_holidays_2025 (void)
{
  static const struct {
    const char *date;
    const char *name;
    gboolean    public_holiday;
  } expected[] = {
    { "2025-01-01", "New Year's Day", TRUE },
    { "2025-01-06", "Epiphany", TRUE },
    { "2025-04-18", "Good Friday", TRUE },
    { "2025-04-20", "Easter Sunday", TRUE },
    { "2025-04-21", "Easter Monday", TRUE },
    { "2025-05-01", "May Day", TRUE },
    { "2025-05-29", "Ascension Day", TRUE },
    { "2025-06-06", "National Day of Sweden", TRUE },
    { "2025-06-08", "Whit Sunday", TRUE },
    { "2025-06-20", "Midsummer Eve", FALSE },
    { "2025-06-21", "Midsummer Day", TRUE },
    { "2025-11-01", "All Saints' Day", TRUE },
    { "2025-12-24", "Christmas Eve", FALSE },
    { "2025-12-25", "Christmas Day", TRUE },
    { "2025-12-26", "Boxing Day", TRUE },
    { "2025-12-31", "New Year's Eve", FALSE },
  };
  guint n_named = 0;
  guint n_public = 0;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      SpDate date = D (expected[i].date);

      g_assert_cmpstr (sp_calendar_get_holiday_name (date), ==, expected[i].name);
      g_assert_cmpint (sp_calendar_is_public_holiday (date), ==, expected[i].public_holiday);
      g_assert_false (sp_calendar_is_working_day (date));
    }

  /* Nothing else in the year is named, and weekends are not named. */
  for (SpDate d = D ("2025-01-01"); d <= D ("2025-12-31"); d++)
    {
      if (sp_calendar_get_holiday_name (d) != NULL)
        n_named++;
      if (sp_calendar_is_public_holiday (d))
        n_public++;
    }
  g_assert_cmpuint (n_named, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (n_public, ==, 13);

  /* Ascension Day 2025 is Easter + 39, Whit Sunday Easter + 49. */
  g_assert_cmpuint (D ("2025-05-29"), ==, sp_calendar_easter_sunday (2025) + 39);
  g_assert_cmpuint (D ("2025-06-08"), ==, sp_calendar_easter_sunday (2025) + 49);
  assert_date (sp_calendar_easter_sunday (2024) + 39, "2024-05-09");
}

static void
test_ordinary_days (void)
{
  /* Ordinary weekdays work; weekends do not and carry no name. */
  g_assert_true (sp_calendar_is_working_day (D ("2025-11-24")));  /* Monday */
  g_assert_true (sp_calendar_is_working_day (D ("2025-04-17")));  /* Maundy Thursday */
  g_assert_true (sp_calendar_is_working_day (D ("2025-04-22")));
  g_assert_true (sp_calendar_is_working_day (D ("2025-06-05")));  /* the eve of National Day */
  g_assert_true (sp_calendar_is_working_day (D ("2025-01-07")));  /* the day after Epiphany */
  g_assert_false (sp_calendar_is_working_day (D ("2025-01-05"))); /* a Sunday */
  g_assert_true (sp_calendar_is_working_day (D ("2026-01-05")));  /* Monday before Epiphany */
  g_assert_true (sp_calendar_is_working_day (D ("2025-12-23")));
  g_assert_true (sp_calendar_is_working_day (D ("2025-12-30")));
  g_assert_true (sp_calendar_is_working_day (D ("2025-06-19")));  /* the day before Midsummer Eve */

  g_assert_false (sp_calendar_is_working_day (D ("2025-11-22")));  /* Saturday */
  g_assert_false (sp_calendar_is_working_day (D ("2025-11-23")));  /* Sunday */
  g_assert_null (sp_calendar_get_holiday_name (D ("2025-11-22")));
  g_assert_null (sp_calendar_get_holiday_name (D ("2025-11-23")));
  g_assert_null (sp_calendar_get_holiday_name (D ("2025-11-24")));
  g_assert_false (sp_calendar_is_public_holiday (D ("2025-11-23")));

  /* A fixed holiday on a weekday is a day off (Nationaldagen 2025 is a Friday). */
  g_assert_cmpint (sp_date_get_weekday (D ("2025-06-06")), ==, G_DATE_FRIDAY);
  g_assert_false (sp_calendar_is_working_day (D ("2025-06-06")));

  /* Working days of 2025: 365 - 104 weekend days - 12 weekday holidays. */
  g_assert_cmpint (sp_calendar_working_days_between (D ("2024-12-31"), D ("2025-12-31")), ==, 249);
}

static void
test_next_working_day (void)
{
  /* A working day is its own next working day. */
  assert_date (sp_calendar_next_working_day (D ("2025-11-24")), "2025-11-24");
  /* Weekend to Monday. */
  assert_date (sp_calendar_next_working_day (D ("2025-11-22")), "2025-11-24");
  assert_date (sp_calendar_next_working_day (D ("2025-11-23")), "2025-11-24");
  /* Easter: Good Friday to the Tuesday after Easter Monday. */
  assert_date (sp_calendar_next_working_day (D ("2025-04-18")), "2025-04-22");
  /* Midsummer Eve to the Monday after. */
  assert_date (sp_calendar_next_working_day (D ("2025-06-20")), "2025-06-23");
  /* Christmas Eve 2025 (Wednesday) to Monday 29th. */
  assert_date (sp_calendar_next_working_day (D ("2025-12-24")), "2025-12-29");
  /* New Year's Eve 2025 to Friday 2 January 2026. */
  assert_date (sp_calendar_next_working_day (D ("2025-12-31")), "2026-01-02");
  /* Ascension Day 2025 (Thursday) to Friday. */
  assert_date (sp_calendar_next_working_day (D ("2025-05-29")), "2025-05-30");
  /* Epiphany 2026 is a Tuesday. */
  assert_date (sp_calendar_next_working_day (D ("2026-01-06")), "2026-01-07");
}

static void
test_add_working_days (void)
{
  /* From Maundy Thursday: Good Friday, the weekend and Easter Monday are skipped. */
  assert_date (sp_calendar_add_working_days (D ("2025-04-17"), 1), "2025-04-22");
  assert_date (sp_calendar_add_working_days (D ("2024-03-28"), 1), "2024-04-02");

  /* Across Christmas and New Year: 22, 23, 29, 30 Dec, 2, 5, 7, 8, 9, 12 Jan. */
  assert_date (sp_calendar_add_working_days (D ("2025-12-19"), 10), "2026-01-12");
  assert_date (sp_calendar_add_working_days (D ("2025-12-19"), 2), "2025-12-23");
  assert_date (sp_calendar_add_working_days (D ("2025-12-19"), 3), "2025-12-29");
  assert_date (sp_calendar_add_working_days (D ("2025-12-19"), 5), "2026-01-02");

  /* Across Midsummer: Thursday 19 June + 1 is Monday 23 June. */
  assert_date (sp_calendar_add_working_days (D ("2025-06-19"), 1), "2025-06-23");
  /* Across Ascension Day and National Day. */
  assert_date (sp_calendar_add_working_days (D ("2025-05-28"), 1), "2025-05-30");
  assert_date (sp_calendar_add_working_days (D ("2025-06-05"), 1), "2025-06-09");

  /* From a weekend day: the count starts at the next working day. */
  assert_date (sp_calendar_add_working_days (D ("2025-11-22"), 1), "2025-11-24");
  assert_date (sp_calendar_add_working_days (D ("2025-11-23"), 5), "2025-11-28");

  /* Fourteen working days, the Norrmalm rule, from an ordinary Monday. */
  assert_date (sp_calendar_add_working_days (D ("2025-11-03"), 14), "2025-11-21");

  /* Zero is the date itself, even on a day off. */
  assert_date (sp_calendar_add_working_days (D ("2025-11-24"), 0), "2025-11-24");
  assert_date (sp_calendar_add_working_days (D ("2025-11-22"), 0), "2025-11-22");

  /* The result is always a working day for n > 0. */
  for (SpDate d = D ("2024-01-01"); d <= D ("2026-12-31"); d++)
    g_assert_true (sp_calendar_is_working_day (sp_calendar_add_working_days (d, 3)));
}

static void
test_working_days_between (void)
{
  g_assert_cmpint (sp_calendar_working_days_between (D ("2025-11-24"), D ("2025-11-24")), ==, 0);
  g_assert_cmpint (sp_calendar_working_days_between (D ("2025-11-24"), D ("2025-11-25")), ==, 1);
  g_assert_cmpint (sp_calendar_working_days_between (D ("2025-11-21"), D ("2025-11-24")), ==, 1);
  g_assert_cmpint (sp_calendar_working_days_between (D ("2025-04-17"), D ("2025-04-22")), ==, 1);
  g_assert_cmpint (sp_calendar_working_days_between (D ("2025-12-19"), D ("2026-01-12")), ==, 10);
  g_assert_cmpint (sp_calendar_working_days_between (D ("2026-01-12"), D ("2025-12-19")), ==, -10);
  g_assert_cmpint (sp_calendar_working_days_between (D ("2025-04-22"), D ("2025-04-17")), ==, -1);
  /* From a Saturday to the Sunday after: none. */
  g_assert_cmpint (sp_calendar_working_days_between (D ("2025-11-22"), D ("2025-11-23")), ==, 0);

  /* The inverse of add_working_days. */
  for (SpDate d = D ("2025-01-01"); d <= D ("2025-12-31"); d += 3)
    for (guint n = 0; n <= 20; n += 4)
      g_assert_cmpint (sp_calendar_working_days_between (d, sp_calendar_add_working_days (d, n)), ==, n);
}

static void
test_invalid (void)
{
  /* No date is never a working day or a holiday, and has no name. */
  g_assert_false (sp_calendar_is_working_day (SP_DATE_NONE));
  g_assert_false (sp_calendar_is_public_holiday (SP_DATE_NONE));
  g_assert_null (sp_calendar_get_holiday_name (SP_DATE_NONE));

  g_test_expect_message (CORE_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_cmpuint (sp_calendar_next_working_day (SP_DATE_NONE), ==, SP_DATE_NONE);
  g_test_assert_expected_messages ();

  g_test_expect_message (CORE_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_cmpuint (sp_calendar_add_working_days (SP_DATE_NONE, 3), ==, SP_DATE_NONE);
  g_test_assert_expected_messages ();

  g_test_expect_message (CORE_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_cmpuint (sp_calendar_easter_sunday (0), ==, SP_DATE_NONE);
  g_test_assert_expected_messages ();

  g_test_expect_message (CORE_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_cmpuint (sp_calendar_midsummer_eve (10000), ==, SP_DATE_NONE);
  g_test_assert_expected_messages ();
}

/* Timestamps are written and read without GDateTime in their own form;
 * the answers must be GDateTime's. */
static void
test_timestamps (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4711);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  static const char * const refused[] = {
    "2025-02-29T10:00:00.000000Z", "2025-13-01T10:00:00.000000Z", "2025-01-01T24:00:00.000000Z",
    "2025-01-01T10:60:00.000000Z", "2025-01-01T10:00:00.00000aZ", "2025-01-01T10:00:00.000000+",
    "", "x",
  };
  gint64 edges[] = {
    1, 999999, G_USEC_PER_SEC, G_GINT64_CONSTANT (951782399999999) /* 2000-02-28T23:59:59.999999 */,
    G_GINT64_CONSTANT (951868800000000) /* 2000-03-01 */, G_GINT64_CONSTANT (1709164800000000) /* 2024-02-29 */,
    G_GINT64_CONSTANT (1735689599999999) /* 2024-12-31T23:59:59.999999 */, G_GINT64_CONSTANT (4102444800000000),
  };

  for (guint i = 0; i < 20000 + G_N_ELEMENTS (edges); i++)
    {
      gint64 t = i < G_N_ELEMENTS (edges) ? edges[i]
                 : (gint64) g_rand_double_range (rand, 1, 4102444800.0) * G_USEC_PER_SEC + g_rand_int_range (rand, 0, 1000000);
      g_autofree char *text = sp_timestamp_to_string (t);
      g_autoptr(GDateTime) secs = g_date_time_new_from_unix_utc (t / G_USEC_PER_SEC);
      g_autoptr(GDateTime) dt = g_date_time_add (secs, t % G_USEC_PER_SEC);
      g_autofree char *expected = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S.%fZ");
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (text, utc);
      gint64 back = 0;

      g_assert_cmpstr (text, ==, expected);
      g_assert_true (sp_timestamp_parse (text, &back));
      g_assert_cmpint (back, ==, t);
      g_assert_cmpint (g_date_time_to_unix (parsed) * G_USEC_PER_SEC + g_date_time_get_microsecond (parsed), ==, t);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_false (sp_timestamp_parse (refused[i], NULL));

  /* Other ISO 8601 forms are still read. */
  {
    gint64 t = 0;

    g_assert_true (sp_timestamp_parse ("2025-03-04T10:11:12Z", &t));
    g_assert_cmpint (t, ==, G_GINT64_CONSTANT (1741083072000000));
    g_assert_true (sp_timestamp_parse ("2025-03-04T11:11:12+01:00", &t));
    g_assert_cmpint (t, ==, G_GINT64_CONSTANT (1741083072000000));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/easter", test_easter);
  g_test_add_func ("/calendar/midsummer", test_midsummer);
  g_test_add_func ("/calendar/all-saints", test_all_saints);
  g_test_add_func ("/calendar/holidays-2025", test_holidays_2025);
  g_test_add_func ("/calendar/ordinary-days", test_ordinary_days);
  g_test_add_func ("/calendar/next-working-day", test_next_working_day);
  g_test_add_func ("/calendar/add-working-days", test_add_working_days);
  g_test_add_func ("/calendar/working-days-between", test_working_days_between);
  g_test_add_func ("/calendar/invalid", test_invalid);

  g_test_add_func ("/calendar/timestamps", test_timestamps);

  return g_test_run ();
}
