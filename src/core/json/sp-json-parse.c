/* sp-json-parse.c: strict parsing of JSON text into a JsonNode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-error.h"
#include "sp-json-private.h"

/* Checks what json-glib's lenient scanner lets through (single quotes,
 * comments, raw control characters and unknown escapes in strings) and counts how deep brackets
 * nest before handing the text to the parser, so that a hostile body cannot
 * make the recursive parser run out of stack. */
/* A number as JSON writes it, from *@pos: no leading zeros, and a whole
 * number must fit in 64 bits (json-glib would wrap 2^63 to -2^63 without a
 * word). */
static gboolean
scan_number (const char *data,
             gsize       length,
             gsize      *pos)
{
  gsize i = *pos;
  gboolean whole = TRUE;

  if (data[i] == '-')
    i++;
  if (i >= length || !g_ascii_isdigit (data[i]))
    return FALSE;
  if (data[i] == '0' && i + 1 < length && g_ascii_isdigit (data[i + 1]))
    return FALSE;
  while (i < length && g_ascii_isdigit (data[i]))
    i++;
  if (i < length && data[i] == '.')
    {
      whole = FALSE;
      if (++i >= length || !g_ascii_isdigit (data[i]))
        return FALSE;
      while (i < length && g_ascii_isdigit (data[i]))
        i++;
    }
  if (i < length && (data[i] == 'e' || data[i] == 'E'))
    {
      whole = FALSE;
      if (++i < length && (data[i] == '+' || data[i] == '-'))
        i++;
      if (i >= length || !g_ascii_isdigit (data[i]))
        return FALSE;
      while (i < length && g_ascii_isdigit (data[i]))
        i++;
    }
  /* Up to 18 digits always fit; only longer ones are read to see. */
  if (whole && i - *pos > 18)
    {
      g_autofree char *text = g_strndup (data + *pos, i - *pos);
      gint64 value;

      if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
        return FALSE;
    }

  *pos = i;
  return TRUE;
}

/* The four hex digits at @p as a number, or -1 when they are not. */
static int
hex4 (const char *p)
{
  int value = 0;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }
  return value;
}

/* A \u escape at @i: four hex digits, and a UTF-16 surrogate only as a
 * whole pair, high then low (alone, json-glib makes of it something that
 * is not the text). The length of the escape or the pair, 0 when wrong. */
static gsize
scan_unicode_escape (const char *data,
                     gsize       length,
                     gsize       i)
{
  int unit, after;

  if (i + 5 >= length || (unit = hex4 (data + i + 2)) < 0 || (unit >= 0xdc00 && unit <= 0xdfff))
    return 0;
  if (unit < 0xd800 || unit > 0xdbff)
    return 6;

  if (i + 11 >= length || data[i + 6] != '\\' || data[i + 7] != 'u')
    return 0;
  after = hex4 (data + i + 8);
  return after >= 0xdc00 && after <= 0xdfff ? 12 : 0;
}

static gboolean
fail (const char **problem,
      const char  *what)
{
  *problem = what;
  return FALSE;
}

/* Where a \u0000 escape stands (@at, its backslash): the member names
 * of the objects around it, joined with dots as a field's path is
 * ("sender.name"), lists passed over. Both decoders name the field of a
 * NUL character this way, so their errors are the same. */
gboolean
_sp_json_nul_error (const char  *data,
                    gsize        length,
                    gsize        at,
                    GError     **error)
{
  /* Per level: an object's current member name (offset and length; a
   * length of G_MAXSIZE for one that cannot be echoed), or a list. */
  struct { gboolean object; gsize name, name_length; } levels[SP_JSON_MAX_NUL_DEPTH];
  guint depth = 0;
  gboolean expect_name = FALSE;
  gboolean in_name = FALSE;
  g_autoptr(GString) path = g_string_new (NULL);

  for (gsize i = 0; i < length && i < at; i++)
    {
      char c = data[i];

      if (c == '"')
        {
          gsize start = i + 1, j = start;
          gboolean plain = TRUE;

          for (; j < length && data[j] != '"'; j++)
            if (data[j] == '\\')
              {
                plain = FALSE;
                j++;
              }

          if (at < j)
            {
              in_name = expect_name;
              break;
            }

          if (expect_name && depth > 0 && depth <= SP_JSON_MAX_NUL_DEPTH)
            {
              levels[depth - 1].name = start;
              levels[depth - 1].name_length = plain && j - start <= 64 ? j - start : G_MAXSIZE;
            }
          expect_name = FALSE;
          i = j;
          continue;
        }

      switch (c)
        {
        case '{':
        case '[':
          if (depth < SP_JSON_MAX_NUL_DEPTH)
            {
              levels[depth].object = c == '{';
              levels[depth].name_length = G_MAXSIZE;
            }
          depth++;
          expect_name = c == '{';
          break;
        case '}':
        case ']':
          if (depth > 0)
            depth--;
          break;
        case ',':
          expect_name = depth > 0 && depth <= SP_JSON_MAX_NUL_DEPTH && levels[depth - 1].object;
          break;
        default:
          break;
        }
    }

  /* A member name's own NUL: the path is that of the object it is in. */
  for (guint d = 0; d < MIN (depth, SP_JSON_MAX_NUL_DEPTH); d++)
    {
      if (!levels[d].object || (in_name && d == depth - 1))
        continue;
      if (levels[d].name_length == G_MAXSIZE)
        {
          g_string_truncate (path, 0);
          depth = 0;
          break;
        }
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append_len (path, data + levels[d].name, levels[d].name_length);
    }

  if (in_name)
    sp_set_field_error (error, SP_ERROR_INVALID, path->len > 0 ? path->str : NULL,
                        _("A member name must not contain a NUL character (\\u0000)"));
  else if (path->len > 0)
    sp_set_field_error (error, SP_ERROR_INVALID, path->str,
                        _("%s: must not contain a NUL character (\\u0000)"), path->str);
  else
    sp_set_field_error (error, SP_ERROR_INVALID, NULL,
                        _("A string must not contain a NUL character (\\u0000)"));
  return FALSE;
}

static gboolean
scan_text (const char  *data,
           gsize        length,
           guint       *deepest_out,
           const char **problem,
           gsize       *nul_at)
{
  static const char allowed[] = " \t\n\r{}[],:-+.0123456789eEtrufalsn";
  gboolean in_string = FALSE;
  gboolean scalar = FALSE;   /* a number or literal runs at the top level */
  gboolean complete = FALSE; /* one whole value stood at the top level */
  guint depth = 0, deepest = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if ((guchar)c < 0x20)
            return FALSE;
          if (c == '\\')
            {
              /* Only the escapes JSON has: json-glib takes "\." as ".". */
              if (i + 1 >= length || strchr ("\"\\/bfnrtu", data[i + 1]) == NULL)
                return fail (problem, _("an escape in a string that JSON does not have"));
              if (data[i + 1] == 'u')
                {
                  gsize escape = scan_unicode_escape (data, length, i);

                  if (escape == 0)
                    return fail (problem, _("a \\u escape that is not a character"));
                  /* json-glib would end the string there, silently. */
                  if (*nul_at == G_MAXSIZE && memcmp (data + i + 2, "0000", 4) == 0)
                    *nul_at = i;
                  i += escape - 1;
                }
              else
                i++;
            }
          else if (c == '"')
            {
              in_string = FALSE;
              complete |= depth == 0;
            }
          continue;
        }

      if (strchr (allowed, c) == NULL && c != '"')
        return FALSE;

      if (c == '-' || g_ascii_isdigit (c))
        {
          gsize end = i;

          if (!scan_number (data, length, &end))
            return fail (problem, _("a number JSON does not allow, or a whole number beyond 64 bits"));
          if (depth == 0)
            {
              if (complete)
                return FALSE;
              scalar = TRUE;
            }
          i = end - 1;
          continue;
        }

      /* Exactly one value: anything after it is a second one. */
      if (depth == 0)
        {
          if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            {
              complete |= scalar;
              continue;
            }
          if (complete)
            return FALSE;
          if (c != '{' && c != '[' && c != '"')
            {
              scalar = TRUE;
              continue;
            }
          if (scalar)
            return FALSE;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          depth++;
          deepest = MAX (deepest, depth);
        }
      else if ((c == '}' || c == ']') && depth > 0)
        {
          depth--;
          complete |= depth == 0;
        }
    }

  *deepest_out = deepest;
  return TRUE;
}

JsonNode *
sp_json_parse (const char  *data,
               gssize       length,
               guint        max_depth,
               GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  const char *problem = NULL;
  guint depth = 0;
  gsize nul_at = G_MAXSIZE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (data);

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_MALFORMED, _("The text is not valid UTF-8"));
      return NULL;
    }

  if (memchr (data, 0, length) != NULL)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_MALFORMED, _("The text contains a NUL byte"));
      return NULL;
    }

  if (!scan_text (data, length, &depth, &problem, &nul_at))
    {
      if (problem != NULL)
        g_set_error (error, SP_ERROR, SP_ERROR_MALFORMED, _("Malformed JSON: %s"), problem);
      else
        g_set_error_literal (error, SP_ERROR, SP_ERROR_MALFORMED,
                             _("Malformed JSON: unexpected character"));
      return NULL;
    }

  if (max_depth > 0 && depth > max_depth)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_MALFORMED,
                   _("The JSON is nested deeper than %u levels"), max_depth);
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_MALFORMED,
                   _("Malformed JSON: %s"), local_error->message);
      return NULL;
    }

  /* The text's nesting was measured above; the parser's tree is ours. */
  if ((root = json_parser_steal_root (parser)) == NULL)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_MALFORMED, _("The JSON is empty"));
      return NULL;
    }

  /* Valid JSON, but a string with a NUL would be cut short at it: refused,
   * with the member it is in named, as the streaming reader does. */
  if (nul_at != G_MAXSIZE)
    {
      json_node_unref (root);
      _sp_json_nul_error (data, length, nul_at, error);
      return NULL;
    }

  return root;
}
