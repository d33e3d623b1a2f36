/* sp-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the C locales may be installed, whose LC_NUMERIC groups nothing, so
 * the separator comes from the translation instead of printf's ' flag.
 */

#include <string.h>

#include <glib/gi18n.h>

#include "sp-format.h"

char *
sp_format_count (gint64 n)
{
  /* Translators: the thousands separator in a count, as in “100,000”;
   * Swedish uses a no-break space (“100 000”) */
  const char *separator = _(",");
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, n < 0 ? -n : n);
  GString *out = g_string_new (n < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}
