/* test-server-directory-escape.c: RFC 4515 escaping of the values put in
 * a directory search filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-directory.h"

static void
test_metacharacters (void)
{
  static const struct { const char *in; gssize length; const char *out; } cases[] = {
    { "anna", -1, "anna" },
    { "*", -1, "\\2a" },
    { "(", -1, "\\28" },
    { ")", -1, "\\29" },
    { "\\", -1, "\\5c" },
    { "a\0b", 3, "a\\00b" },
    { "anna)(uid=*", -1, "anna\\29\\28uid=\\2a" },
    { "*)(|(objectClass=*", -1, "\\2a\\29\\28|\\28objectClass=\\2a" },
    { "\\2a", -1, "\\5c2a" },
    { "Åsa", -1, "\\c3\\85sa" },
    { "", -1, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = sp_directory_escape_filter (cases[i].in, cases[i].length);

      g_assert_cmpstr (escaped, ==, cases[i].out);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/directory/escape", test_metacharacters);
  return g_test_run ();
}
