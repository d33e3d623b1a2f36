/* bench-server-stats.c: /api/v1/stats for a year and a tertial through the
 * real server, as JSON and as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures and asserts nothing. The argument is the number of demo
 * cases (100,000 by default; 1000000 for the figure, which takes a
 * while to generate).
 */

#include <stdlib.h>

#include "sp-test-server.h"

#define REPEATS 3

static void
time_request (SpTestServer *server,
              const char   *token,
              const char   *path)
{
  double best = G_MAXDOUBLE;
  gsize size = 0;

  for (guint i = 0; i < REPEATS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(SpTestResponse) response = sp_test_json (server, "GET", path, token, NULL);
      double elapsed = (g_get_monotonic_time () - start) / 1000.0;

      if (response->status != 200)
        {
          g_print ("  %s: HTTP %u\n", path, response->status);
          return;
        }
      size = response->body ? g_bytes_get_size (response->body) : 0;
      best = MIN (best, elapsed);
    }
  g_print ("  %-58s %9.1f ms best of %d (%zu bytes)\n", path, best, REPEATS, size);
}

int
main (int   argc,
      char *argv[])
{
  guint n_cases = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 100000;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now) - 1;
  g_autoptr(SpTestServer) server = NULL;
  g_autofree char *token = NULL;
  g_autofree char *path = NULL;
  gint64 start = g_get_monotonic_time ();

  server = sp_test_server_new_demo (n_cases);
  g_print ("server with %u demo cases ready in %.1f s\n", n_cases,
           (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  token = sp_test_login (server, "bench", SP_TEST_PASSWORD);

  path = g_strdup_printf ("/api/v1/stats?period=%d&format=csv", year);
  time_request (server, token, path);
  g_free (path);
  path = g_strdup_printf ("/api/v1/stats?period=%d-T2&format=csv", year);
  time_request (server, token, path);
  g_free (path);
  path = g_strdup_printf ("/api/v1/stats?period=%d", year);
  time_request (server, token, path);
  return 0;
}
