/* test-command-line.c: synpunkt's options refuse bad values with a reason
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>

static const char *synpunkt;

static void
run (const char * const *argv,
     int                *status,
     char              **err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, err, &error);
  g_assert_no_error (error);
  *status = g_subprocess_get_exit_status (process);
}

static void
test_demo_bad_count (void)
{
  const char *bad[] = { "0", "-5", "2000000" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *argv[] = { synpunkt, "--demo", bad[i], NULL };
      g_autofree char *err = NULL;
      int status;

      run (argv, &status, &err);
      g_assert_cmpint (status, ==, 1);
      g_assert_nonnull (strstr (err, "--demo"));
    }
}

static void
test_demo_not_a_number (void)
{
  const char *argv[] = { synpunkt, "--demo", "many", NULL };
  g_autofree char *err = NULL;
  int status;

  run (argv, &status, &err);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "many"));
}

static void
test_version (void)
{
  const char *argv[] = { synpunkt, "--version", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_true (g_str_has_prefix (out, "synpunkt "));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_assert_cmpint (argc, ==, 2);
  synpunkt = argv[1];

  g_test_add_func ("/app/command-line/demo-bad-count", test_demo_bad_count);
  g_test_add_func ("/app/command-line/demo-not-a-number", test_demo_not_a_number);
  g_test_add_func ("/app/command-line/version", test_version);

  return g_test_run ();
}
