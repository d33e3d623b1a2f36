/* sp-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include "sp-date.h"

static void
to_gdate (SpDate  date,
          GDate  *out)
{
  g_date_clear (out, 1);
  if (date != SP_DATE_NONE && g_date_valid_julian (date))
    g_date_set_julian (out, date);
}

SpDate
sp_date_new (int year,
             int month,
             int day)
{
  GDate d;

  if (year < 1 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return SP_DATE_NONE;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  return g_date_get_julian (&d);
}

static GTimeZone *
organisation_zone (void)
{
  static GTimeZone *zone;

  if (g_once_init_enter (&zone))
    {
      GTimeZone *found = g_time_zone_new_identifier (SP_DATE_ORGANISATION_ZONE);

      if (found == NULL)
        {
          g_warning ("No time zone data for %s: using the local time zone",
                     SP_DATE_ORGANISATION_ZONE);
          found = g_time_zone_new_local ();
        }
      g_once_init_leave (&zone, found);
    }
  return zone;
}

/* The day is the organisation's, wherever the program runs: a server kept
 * in UTC, or a laptop on a journey, sees the deadlines Stockholm sees. */
SpDate
sp_date_today (void)
{
  const char *fake = g_getenv ("SYNPUNKT_TODAY");
  g_autoptr(GDateTime) now = NULL;
  SpDate date;

  static gint64 known_until;
  static SpDate known;
  G_LOCK_DEFINE_STATIC (known);
  gint64 clock;

  /* Tests and screenshots pin "today" so that deadlines are repeatable. */
  if (fake != NULL && sp_date_parse (fake, &date))
    return date;

  /* Asked for every case read: the clock is read at most once a second. */
  clock = g_get_monotonic_time ();
  G_LOCK (known);
  if (clock >= known_until)
    {
      now = g_date_time_new_now (organisation_zone ());
      known = sp_date_new (g_date_time_get_year (now),
                           g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now));
      known_until = clock + G_USEC_PER_SEC;
    }
  date = known;
  G_UNLOCK (known);

  return date;
}

SpDate
sp_date_today_in_organisation (void)
{
  return sp_date_today ();
}

SpDate
sp_date_first (void)
{
  return sp_date_new (SP_DATE_FIRST_YEAR, 1, 1);
}

SpDate
sp_date_last (void)
{
  return sp_date_new (SP_DATE_LAST_YEAR, 12, 31);
}

gboolean
sp_date_in_range (SpDate date)
{
  return date != SP_DATE_NONE && date >= sp_date_first () && date <= sp_date_last ();
}

static gboolean
parse_digits (const char *p,
              guint       n,
              int        *out)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }

  *out = v;
  return TRUE;
}

gboolean
sp_date_parse (const char *text,
               SpDate     *date)
{
  int y, m, d;
  SpDate parsed;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  if (!parse_digits (text, 4, &y) ||
      !parse_digits (text + 5, 2, &m) ||
      !parse_digits (text + 8, 2, &d))
    return FALSE;

  if ((parsed = sp_date_new (y, m, d)) == SP_DATE_NONE)
    return FALSE;

  if (date != NULL)
    *date = parsed;

  return TRUE;
}

void
sp_date_format (SpDate date,
                char   buf[11])
{
  GDate d;

  /* A day past 9999-12-31 has no YYYY-MM-DD: nothing rather than a
   * date cut off at ten characters. */
  to_gdate (date, &d);
  if (!g_date_valid (&d) || g_date_get_year (&d) > 9999)
    {
      buf[0] = 0;
      return;
    }

  g_snprintf (buf, 11, "%04u-%02u-%02u",
              (guint)g_date_get_year (&d),
              (guint)g_date_get_month (&d),
              (guint)g_date_get_day (&d));
}

char *
sp_date_to_string (SpDate date)
{
  char buf[11];

  if (date == SP_DATE_NONE)
    return NULL;

  sp_date_format (date, buf);
  if (buf[0] == 0)
    return NULL;
  return g_strdup (buf);
}

int
sp_date_get_year (SpDate date)
{
  GDate d;

  to_gdate (date, &d);
  return g_date_valid (&d) ? g_date_get_year (&d) : 0;
}

int
sp_date_get_month (SpDate date)
{
  GDate d;

  to_gdate (date, &d);
  return g_date_valid (&d) ? g_date_get_month (&d) : 0;
}

int
sp_date_get_day (SpDate date)
{
  GDate d;

  to_gdate (date, &d);
  return g_date_valid (&d) ? g_date_get_day (&d) : 0;
}

GDateWeekday
sp_date_get_weekday (SpDate date)
{
  GDate d;

  to_gdate (date, &d);
  return g_date_valid (&d) ? g_date_get_weekday (&d) : G_DATE_BAD_WEEKDAY;
}

static GDateTime *
date_time_from_usec (gint64 timestamp)
{
  g_autoptr(GDateTime) secs = g_date_time_new_from_unix_utc (timestamp / G_USEC_PER_SEC);

  if (secs == NULL)
    return NULL;

  return g_date_time_add (secs, timestamp % G_USEC_PER_SEC);
}

gint64
sp_timestamp_now (void)
{
  return g_get_real_time ();
}

/* The first day of 1970, as an SpDate. */
#define UNIX_EPOCH_JULIAN 719163

/* The form sp_timestamp_to_string() writes, "2025-03-04T10:11:12.123456Z",
 * read without GDateTime: a sync reads hundreds of thousands. */
static gboolean
parse_own_form (const char *text,
                gint64     *timestamp)
{
  int y, mo, d, h, mi, sec, usec;
  SpDate date;

  if (strlen (text) != 27 || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
      text[13] != ':' || text[16] != ':' || text[19] != '.' || text[26] != 'Z')
    return FALSE;

  if (!parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &mo) ||
      !parse_digits (text + 8, 2, &d) || !parse_digits (text + 11, 2, &h) ||
      !parse_digits (text + 14, 2, &mi) || !parse_digits (text + 17, 2, &sec) ||
      !parse_digits (text + 20, 6, &usec))
    return FALSE;

  if (y < 1970 || h > 23 || mi > 59 || sec > 59 || (date = sp_date_new (y, mo, d)) == SP_DATE_NONE)
    return FALSE;

  *timestamp = (((gint64)(date - UNIX_EPOCH_JULIAN) * 86400 + h * 3600 + mi * 60 + sec) * G_USEC_PER_SEC) + usec;
  return TRUE;
}

gboolean
sp_timestamp_parse (const char *text,
                    gint64     *timestamp)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  gint64 own;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  if (parse_own_form (text, &own))
    {
      if (timestamp != NULL)
        *timestamp = own;
      return TRUE;
    }

  utc = g_time_zone_new_utc ();
  if ((dt = g_date_time_new_from_iso8601 (text, utc)) == NULL)
    return FALSE;

  if (timestamp != NULL)
    *timestamp = g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);

  return TRUE;
}

char *
sp_timestamp_to_string (gint64 timestamp)
{
  g_autoptr(GDateTime) dt = NULL;

  if (timestamp == 0)
    return NULL;

  /* Fixed width with microseconds, so that the text sorts like the time;
   * written without GDateTime for the years a case can have. */
  if (timestamp > 0 && timestamp < G_GINT64_CONSTANT (253402300800000000)) /* 10000-01-01 */
    {
      gint64 secs = timestamp / G_USEC_PER_SEC;
      int of_day = (int)(secs % 86400);
      GDate d;

      to_gdate ((SpDate)(UNIX_EPOCH_JULIAN + secs / 86400), &d);
      return g_strdup_printf ("%04u-%02u-%02uT%02d:%02d:%02d.%06dZ",
                              (guint)g_date_get_year (&d), (guint)g_date_get_month (&d),
                              (guint)g_date_get_day (&d), of_day / 3600, of_day / 60 % 60,
                              of_day % 60, (int)(timestamp % G_USEC_PER_SEC));
    }

  if ((dt = date_time_from_usec (timestamp)) == NULL)
    return NULL;

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S.%fZ");
}

SpDate
sp_timestamp_get_date (gint64 timestamp)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (timestamp == 0 || (utc = date_time_from_usec (timestamp)) == NULL)
    return SP_DATE_NONE;

  local = g_date_time_to_local (utc);
  return sp_date_new (g_date_time_get_year (local),
                      g_date_time_get_month (local),
                      g_date_time_get_day_of_month (local));
}
