/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Run under TZ=Pacific/Kiritimati (UTC+14) and TZ=Pacific/Pago_Pago
 * (UTC−11): at any moment the local day of one of them is not Stockholm's,
 * so a "today" taken from the machine's zone fails one of the two runs. */
#include <synpunkt-core.h>

static SpDate
stockholm_today (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (SP_DATE_ORGANISATION_ZONE);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);

  return sp_date_new (g_date_time_get_year (now), g_date_time_get_month (now),
                      g_date_time_get_day_of_month (now));
}

static void
test_today_is_stockholm (void)
{
  SpDate before, today, after;

  if (g_getenv ("TZ") == NULL)
    {
      g_test_skip ("run with TZ set to a zone far from Stockholm's");
      return;
    }
  /* Read between two readings of Stockholm's day, in case midnight passes. */
  before = stockholm_today ();
  today = sp_date_today ();
  after = stockholm_today ();
  g_assert_true (today == before || today == after);
  g_assert_cmpint (sp_date_today_in_organisation (), ==, today);
}

static void
test_pinned (void)
{
  g_setenv ("SYNPUNKT_TODAY", "2026-02-28", TRUE);
  g_assert_cmpint (sp_date_today (), ==, sp_date_new (2026, 2, 28));
  g_unsetenv ("SYNPUNKT_TODAY");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/date-zone/today-is-stockholm", test_today_is_stockholm);
  g_test_add_func ("/date-zone/pinned", test_pinned);
  return g_test_run ();
}
