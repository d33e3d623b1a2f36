/* sp-period.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-error.h"
#include "sp-period.h"

SpPeriod
sp_period_tertial (int year,
                   int tertial)
{
  SpPeriod p = { SP_PERIOD_TERTIAL, SP_DATE_NONE, SP_DATE_NONE };
  int first_month;

  g_return_val_if_fail (tertial >= 1 && tertial <= 3, p);

  first_month = 1 + (tertial - 1) * 4;
  p.from = sp_date_new (year, first_month, 1);
  /* The day before the next tertial's first. */
  p.to = tertial == 3 ? sp_date_new (year, 12, 31) : sp_date_new (year, first_month + 4, 1) - 1;
  return p;
}

SpPeriod
sp_period_year (int year)
{
  SpPeriod p = { SP_PERIOD_YEAR, sp_date_new (year, 1, 1), sp_date_new (year, 12, 31) };

  return p;
}

SpPeriod
sp_period_custom (SpDate from,
                  SpDate to)
{
  SpPeriod p = { SP_PERIOD_CUSTOM, from, to };

  return p;
}

int
sp_period_get_year (const SpPeriod *period)
{
  return sp_date_get_year (period->from);
}

int
sp_period_get_tertial (const SpPeriod *period)
{
  if (period->kind != SP_PERIOD_TERTIAL)
    return 0;
  return 1 + (sp_date_get_month (period->from) - 1) / 4;
}

guint
sp_period_n_days (const SpPeriod *period)
{
  return period->to >= period->from ? period->to - period->from + 1 : 0;
}

SpPeriod
sp_period_previous (const SpPeriod *period)
{
  int year = sp_period_get_year (period);
  guint n;

  switch (period->kind)
    {
    case SP_PERIOD_TERTIAL:
      {
        int t = sp_period_get_tertial (period);

        return t == 1 ? sp_period_tertial (year - 1, 3) : sp_period_tertial (year, t - 1);
      }
    case SP_PERIOD_YEAR:
      return sp_period_year (year - 1);
    case SP_PERIOD_CUSTOM:
    default:
      n = sp_period_n_days (period);
      return sp_period_custom (period->from - n, period->from - 1);
    }
}

static SpDate
year_earlier (SpDate date)
{
  int y = sp_date_get_year (date) - 1;
  int m = sp_date_get_month (date);
  int d = sp_date_get_day (date);

  if (m == 2 && d == 29)
    d = 28;
  return sp_date_new (y, m, d);
}

SpPeriod
sp_period_last_year (const SpPeriod *period)
{
  int year = sp_period_get_year (period);

  switch (period->kind)
    {
    case SP_PERIOD_TERTIAL:
      return sp_period_tertial (year - 1, sp_period_get_tertial (period));
    case SP_PERIOD_YEAR:
      return sp_period_year (year - 1);
    case SP_PERIOD_CUSTOM:
    default:
      return sp_period_custom (year_earlier (period->from), year_earlier (period->to));
    }
}

static gboolean
parse_year (const char *text,
            gsize       len,
            int        *year)
{
  char buf[5];

  if (len != 4)
    return FALSE;
  for (gsize i = 0; i < 4; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  memcpy (buf, text, 4);
  buf[4] = '\0';
  *year = atoi (buf);
  return *year >= SP_DATE_RECEIVED_FIRST_YEAR && *year <= SP_DATE_LAST_YEAR - 1;
}

gboolean
sp_period_parse (const char  *text,
                 SpPeriod    *period,
                 GError     **error)
{
  const char *dots;
  int year;

  g_return_val_if_fail (period != NULL, FALSE);

  if (text == NULL)
    goto bad;

  if ((dots = strstr (text, "..")) != NULL)
    {
      g_autofree char *from_text = g_strndup (text, dots - text);
      SpDate from, to;

      if (!sp_date_parse (from_text, &from) || !sp_date_parse (dots + 2, &to) || from == SP_DATE_NONE ||
          to == SP_DATE_NONE || to < from || sp_date_get_year (from) < SP_DATE_RECEIVED_FIRST_YEAR)
        goto bad;
      *period = sp_period_custom (from, to);
      return TRUE;
    }

  if (strlen (text) == 7 && text[4] == '-' && (text[5] == 'T' || text[5] == 't') &&
      text[6] >= '1' && text[6] <= '3' && parse_year (text, 4, &year))
    {
      *period = sp_period_tertial (year, text[6] - '0');
      return TRUE;
    }

  if (parse_year (text, strlen (text), &year))
    {
      *period = sp_period_year (year);
      return TRUE;
    }

bad:
  g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
               _("A period is a year (2025), a tertial (2025-T2) or a range (2025-03-01..2025-05-31)"));
  return FALSE;
}

char *
sp_period_to_string (const SpPeriod *period)
{
  char from[11], to[11];

  switch (period->kind)
    {
    case SP_PERIOD_TERTIAL:
      return g_strdup_printf ("%04d-T%d", sp_period_get_year (period), sp_period_get_tertial (period));
    case SP_PERIOD_YEAR:
      return g_strdup_printf ("%04d", sp_period_get_year (period));
    case SP_PERIOD_CUSTOM:
    default:
      sp_date_format (period->from, from);
      sp_date_format (period->to, to);
      return g_strdup_printf ("%s..%s", from, to);
    }
}

char *
sp_period_get_label (const SpPeriod *period)
{
  char from[11], to[11];

  switch (period->kind)
    {
    case SP_PERIOD_TERTIAL:
      /* Translators: a tertial of a year, e.g. "T2 2025" */
      return g_strdup_printf (_("T%d %d"), sp_period_get_tertial (period), sp_period_get_year (period));
    case SP_PERIOD_YEAR:
      return g_strdup_printf ("%d", sp_period_get_year (period));
    case SP_PERIOD_CUSTOM:
    default:
      sp_date_format (period->from, from);
      sp_date_format (period->to, to);
      return g_strdup_printf ("%s – %s", from, to);
    }
}
