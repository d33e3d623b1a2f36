/* sp-page.c: the public pages' templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <gio/gio.h>
#include <string.h>

#include "sp-page.h"

void
sp_html_append (GString    *out,
                const char *text)
{
  for (const char *p = text ? text : ""; *p; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

char *
sp_html_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  sp_html_append (out, text);
  return g_string_free (out, FALSE);
}

GBytes *
sp_page_load (const char *name)
{
  g_autofree char *path = g_strconcat (SP_PAGE_RESOURCE, name, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The page template %s is missing: %s", path, error->message);
  return bytes;
}

char *
sp_page_render (const char   *name,
                GHashTable   *values,
                SpPageLookup  lookup,
                gpointer      user_data)
{
  g_autoptr(GBytes) bytes = sp_page_load (name);
  const char *p = g_bytes_get_data (bytes, NULL);
  const char *end = p + g_bytes_get_size (bytes);
  GString *out = g_string_sized_new (g_bytes_get_size (bytes) * 2);

  while (p < end)
    {
      const char *open = g_strstr_len (p, end - p, "{{");
      gboolean raw;
      const char *close;
      g_autofree char *key = NULL;
      const char *value;

      if (open == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, open - p);
      raw = open + 2 < end && open[2] == '{';
      open += raw ? 3 : 2;
      close = g_strstr_len (open, end - open, raw ? "}}}" : "}}");
      if (close == NULL)
        g_error ("Template %s: “{{” without its end", name);
      key = g_strndup (open, close - open);
      p = close + (raw ? 3 : 2);

      value = values ? g_hash_table_lookup (values, key) : NULL;
      if (value == NULL && lookup != NULL)
        value = lookup (key, user_data);
      if (value == NULL)
        g_error ("Template %s: no value for “%s”", name, key);
      if (raw)
        g_string_append (out, value);
      else
        sp_html_append (out, value);
    }

  return g_string_free (out, FALSE);
}
