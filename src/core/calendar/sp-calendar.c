/* sp-calendar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Swedish public holidays (lag 1989:253) and the days that lag
 * (1930:173) treats like them. Everything is computed from the date, so
 * the calendar works for any year without tables to keep up to date.
 */

#include <glib/gi18n-lib.h>

#include "sp-calendar.h"

typedef enum
{
  HOLIDAY_NONE,
  HOLIDAY_PUBLIC,     /* an allmän helgdag */
  HOLIDAY_DAY_OFF,    /* an afton that lag (1930:173) treats like one */
} HolidayKind;

static void
split_date (SpDate  date,
            int    *year,
            int    *month,
            int    *day)
{
  GDate d;

  /* One conversion instead of three: these functions run in loops. */
  g_date_clear (&d, 1);
  g_date_set_julian (&d, date);
  *year = g_date_get_year (&d);
  *month = g_date_get_month (&d);
  *day = g_date_get_day (&d);
}

static gboolean
date_is_valid (SpDate date)
{
  return date != SP_DATE_NONE && g_date_valid_julian (date);
}

/* The anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
SpDate
sp_calendar_easter_sunday (int year)
{
  int a, b, c, d, e, f, g, h, i, k, l, m, month, day;

  g_return_val_if_fail (year >= 1 && year <= 9999, SP_DATE_NONE);

  a = year % 19;
  b = year / 100;
  c = year % 100;
  d = b / 4;
  e = b % 4;
  f = (b + 8) / 25;
  g = (b - f + 1) / 3;
  h = (19 * a + b - d - g + 15) % 30;
  i = c / 4;
  k = c % 4;
  l = (32 + 2 * e + 2 * i - h - k) % 7;
  m = (a + 11 * h + 22 * l) / 451;
  month = (h + l - 7 * m + 114) / 31;
  day = ((h + l - 7 * m + 114) % 31) + 1;

  return sp_date_new (year, month, day);
}

/* The first @weekday on or after @month/@day of @year. */
static SpDate
first_weekday_from (int          year,
                    int          month,
                    int          day,
                    GDateWeekday weekday)
{
  SpDate date = sp_date_new (year, month, day);
  int wd = sp_date_get_weekday (date);

  return date + (guint)(((int)weekday - wd + 7) % 7);
}

/* Midsommarafton is the Friday between 19 and 25 June. */
SpDate
sp_calendar_midsummer_eve (int year)
{
  g_return_val_if_fail (year >= 1 && year <= 9999, SP_DATE_NONE);

  return first_weekday_from (year, 6, 19, G_DATE_FRIDAY);
}

/* Alla helgons dag is the Saturday between 31 October and 6 November. */
SpDate
sp_calendar_all_saints_day (int year)
{
  g_return_val_if_fail (year >= 1 && year <= 9999, SP_DATE_NONE);

  return first_weekday_from (year, 10, 31, G_DATE_SATURDAY);
}

static HolidayKind
lookup_holiday (SpDate       date,
                const char **name)
{
  int year, month, day;
  SpDate easter, midsummer_eve;
  const char *found = NULL;
  HolidayKind kind = HOLIDAY_PUBLIC;

  split_date (date, &year, &month, &day);

  switch (month * 100 + day)
    {
    case 101: found = N_("New Year's Day"); break;
    case 106: found = N_("Epiphany"); break;
    case 501: found = N_("May Day"); break;
    case 606: found = N_("National Day of Sweden"); break;
    case 1224: found = N_("Christmas Eve"); kind = HOLIDAY_DAY_OFF; break;
    case 1225: found = N_("Christmas Day"); break;
    case 1226: found = N_("Boxing Day"); break;
    case 1231: found = N_("New Year's Eve"); kind = HOLIDAY_DAY_OFF; break;
    default: break;
    }

  /* The movable feasts fall between late March and early June. */
  if (found == NULL && month >= 3 && month <= 6)
    {
      easter = sp_calendar_easter_sunday (year);

      if (date == easter - 2)
        found = N_("Good Friday");
      else if (date == easter)
        found = N_("Easter Sunday");
      else if (date == easter + 1)
        found = N_("Easter Monday");
      else if (date == easter + 39)
        found = N_("Ascension Day");
      else if (date == easter + 49)
        found = N_("Whit Sunday");
    }

  if (found == NULL && month == 6 && day >= 19 && day <= 26)
    {
      midsummer_eve = sp_calendar_midsummer_eve (year);

      if (date == midsummer_eve)
        {
          found = N_("Midsummer Eve");
          kind = HOLIDAY_DAY_OFF;
        }
      else if (date == midsummer_eve + 1)
        found = N_("Midsummer Day");
    }

  if (found == NULL && (month == 10 || month == 11) &&
      date == sp_calendar_all_saints_day (year))
    found = N_("All Saints' Day");

  if (name != NULL)
    *name = found;

  return found != NULL ? kind : HOLIDAY_NONE;
}

const char *
sp_calendar_get_holiday_name (SpDate date)
{
  const char *name = NULL;

  if (!date_is_valid (date))
    return NULL;

  if (lookup_holiday (date, &name) == HOLIDAY_NONE)
    return NULL;

  return g_dgettext (GETTEXT_PACKAGE, name);
}

/* The named allmänna helgdagar only: Sundays are helgdagar in law too, but
 * a weekend is not a holiday in the sense a user means. */
gboolean
sp_calendar_is_public_holiday (SpDate date)
{
  if (!date_is_valid (date))
    return FALSE;

  return lookup_holiday (date, NULL) == HOLIDAY_PUBLIC;
}

gboolean
sp_calendar_is_working_day (SpDate date)
{
  GDateWeekday weekday;

  if (!date_is_valid (date))
    return FALSE;

  weekday = sp_date_get_weekday (date);
  if (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY)
    return FALSE;

  return lookup_holiday (date, NULL) == HOLIDAY_NONE;
}

SpDate
sp_calendar_next_working_day (SpDate date)
{
  g_return_val_if_fail (date_is_valid (date), SP_DATE_NONE);

  /* The longest run of days off is a handful (Christmas to the weekend
   * after), so this loop is short. */
  while (!sp_calendar_is_working_day (date))
    {
      if (!date_is_valid (date + 1))
        return SP_DATE_NONE;
      date++;
    }

  return date;
}

SpDate
sp_calendar_add_working_days (SpDate date,
                              guint  days)
{
  g_return_val_if_fail (date_is_valid (date), SP_DATE_NONE);

  /* Zero working days after a date is the date itself, which keeps
   * working_days_between (d, add_working_days (d, n)) == n for every n. */
  while (days > 0)
    {
      if (!date_is_valid (date + 1))
        return SP_DATE_NONE;
      date++;
      if (sp_calendar_is_working_day (date))
        days--;
    }

  return date;
}

int
sp_calendar_working_days_between (SpDate from,
                                  SpDate to)
{
  int count = 0;

  g_return_val_if_fail (date_is_valid (from), 0);
  g_return_val_if_fail (date_is_valid (to), 0);

  if (to < from)
    return -sp_calendar_working_days_between (to, from);

  for (SpDate d = from + 1; d <= to; d++)
    {
      if (sp_calendar_is_working_day (d))
        count++;
    }

  return count;
}
