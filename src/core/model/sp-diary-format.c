/* sp-diary-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is the administrator's to choose ("HVSDN 2025/0042",
 * "SDN-2025-42"); the store applies it when the registrar registers a
 * case, so a format that could give two cases the same number is refused
 * before it is saved.
 */

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-diary-format.h"
#include "sp-error.h"

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
has_control (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

gboolean
sp_diary_format_check (const char  *format,
                       GError     **error)
{
  guint n_seq = 0, n_year = 0, n_prefix = 0;

  if (format == NULL || is_blank (format))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "diary_format",
                          _("Give the diary number a format, such as “%s”."),
                          SP_DIARY_FORMAT_DEFAULT);
      return FALSE;
    }
  if (!g_utf8_validate (format, -1, NULL) || has_control (format))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "diary_format",
                          _("The format has characters that cannot be shown."));
      return FALSE;
    }
  if (g_utf8_strlen (format, -1) > SP_DIARY_FORMAT_MAX_LENGTH)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "diary_format",
                          _("The format can be at most %d characters long."),
                          SP_DIARY_FORMAT_MAX_LENGTH);
      return FALSE;
    }

  for (const char *p = format; *p; p++)
    {
      if (*p == '}')
        goto unknown;
      if (*p != '{')
        continue;
      if (g_str_has_prefix (p, "{prefix}"))
        {
          n_prefix++;
          p += strlen ("{prefix}") - 1;
        }
      else if (g_str_has_prefix (p, "{year}"))
        {
          n_year++;
          p += strlen ("{year}") - 1;
        }
      else if (g_str_has_prefix (p, "{seq}"))
        {
          n_seq++;
          p += strlen ("{seq}") - 1;
        }
      else if (g_str_has_prefix (p, "{seq:") && g_ascii_isdigit (p[5]))
        {
          char *end = NULL;
          guint64 width = g_ascii_strtoull (p + 5, &end, 10);

          if (end == NULL || *end != '}' || width < 1 || width > 12)
            {
              sp_set_field_error (error, SP_ERROR_INVALID, "diary_format",
                                  _("The number's width in {seq:N} must be from 1 to 12."));
              return FALSE;
            }
          n_seq++;
          p = end;
        }
      else
        goto unknown;
    }

  if (n_seq != 1)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "diary_format",
                          _("The format must hold the case’s number, {seq}, exactly once."));
      return FALSE;
    }
  if (n_year != 1)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "diary_format",
                          _("The format must hold the year, {year}, exactly once: the numbers "
                            "start again each year."));
      return FALSE;
    }
  if (n_prefix > 1)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "diary_format",
                          _("The format can hold the prefix, {prefix}, only once."));
      return FALSE;
    }
  return TRUE;

unknown:
  sp_set_field_error (error, SP_ERROR_INVALID, "diary_format",
                      _("Braces can only hold {prefix}, {year}, {seq} or {seq:N}."));
  return FALSE;
}

gboolean
sp_diary_prefix_check (const char  *prefix,
                       GError     **error)
{
  if (prefix == NULL)
    return TRUE;
  if (!g_utf8_validate (prefix, -1, NULL) || has_control (prefix) ||
      strchr (prefix, '{') != NULL || strchr (prefix, '}') != NULL)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "diary_prefix",
                          _("The prefix can hold no braces and no control characters."));
      return FALSE;
    }
  if (g_utf8_strlen (prefix, -1) > SP_DIARY_PREFIX_MAX_LENGTH)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "diary_prefix",
                          _("The prefix can be at most %d characters long."),
                          SP_DIARY_PREFIX_MAX_LENGTH);
      return FALSE;
    }
  return TRUE;
}

char *
sp_diary_format_apply (const char *format,
                       const char *prefix,
                       int         year,
                       gint64      seq)
{
  GString *out = g_string_new (NULL);

  if (format == NULL)
    format = SP_DIARY_FORMAT_DEFAULT;

  for (const char *p = format; *p; p++)
    {
      if (g_str_has_prefix (p, "{prefix}"))
        {
          g_string_append (out, prefix ? prefix : "");
          p += strlen ("{prefix}") - 1;
        }
      else if (g_str_has_prefix (p, "{year}"))
        {
          g_string_append_printf (out, "%04d", year);
          p += strlen ("{year}") - 1;
        }
      else if (g_str_has_prefix (p, "{seq"))
        {
          const char *end = strchr (p, '}');
          guint width = 0;

          if (end == NULL)
            {
              g_string_append_c (out, *p);
              continue;
            }
          if (p[4] == ':')
            width = (guint) g_ascii_strtoull (p + 5, NULL, 10);
          g_string_append_printf (out, "%0*" G_GINT64_FORMAT, (int) MIN (width, 12), seq);
          p = end;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}
