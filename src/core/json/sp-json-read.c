/* sp-json-read.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hand-written scanner over the text: whitespace, strings, numbers and
 * literals are checked byte by byte, the nesting is kept in a small array
 * in the reader, and nothing is allocated per value (strings are unescaped
 * into a buffer that is reused). Whole records are read with it in
 * sp-json-read-record.c.
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-error.h"
#include "sp-json-read-private.h"

/* Bytes that stand for themselves in a string: printable ASCII but '"'
 * and '\\'. */
static const guint8 plain[256] = {
  [0x20 ... 0x21] = 1,
  [0x23 ... 0x5b] = 1,
  [0x5d ... 0x7f] = 1,
};

/* Errors */

static gboolean
check (SpJsonReader  *reader,
       GError       **error)
{
  if (G_LIKELY (reader->failure == NULL))
    return TRUE;

  g_propagate_error (error, g_error_copy (reader->failure));
  return FALSE;
}

static gboolean
fail_at (SpJsonReader  *reader,
         gsize          at,
         const char    *reason,
         GError       **error)
{
  g_assert (reader->failure == NULL);

  reader->failure = g_error_new (SP_ERROR, SP_ERROR_MALFORMED,
                                 _("Malformed JSON at byte %zu: %s"), at, reason);
  return check (reader, error);
}

/* A grammar error where the reader stands, said more precisely when the
 * text ends there or has a NUL byte there. */
gboolean
_sp_json_reader_fail_here (SpJsonReader  *reader,
                           const char    *reason,
                           GError       **error)
{
  if (reader->pos >= reader->length)
    reason = _("unexpected end of the text");
  else if (reader->data[reader->pos] == 0)
    reason = _("the text contains a NUL byte");

  return fail_at (reader, reader->pos, reason, error);
}

/* Scanning */

static inline gboolean
is_value_start (char c)
{
  return c == '{' || c == '[' || c == '"' || c == '-' || g_ascii_isdigit (c) ||
         c == 't' || c == 'f' || c == 'n';
}

/* The length of the well-formed UTF-8 sequence at @p, whose first byte is
 * not ASCII, or 0: no overlong forms, no surrogates, nothing past
 * U+10FFFF, as g_utf8_validate() wants it. */
static inline gsize
utf8_sequence (const guchar *p,
               const guchar *end)
{
  gsize available = end - p;
  guchar lo = 0x80, hi = 0xbf;

  if (p[0] >= 0xc2 && p[0] <= 0xdf)
    return available >= 2 && (p[1] & 0xc0) == 0x80 ? 2 : 0;

  if (p[0] >= 0xe0 && p[0] <= 0xef)
    {
      if (p[0] == 0xe0)
        lo = 0xa0;
      else if (p[0] == 0xed)
        hi = 0x9f;
      return available >= 3 && p[1] >= lo && p[1] <= hi && (p[2] & 0xc0) == 0x80 ? 3 : 0;
    }

  if (p[0] >= 0xf0 && p[0] <= 0xf4)
    {
      if (p[0] == 0xf0)
        lo = 0x90;
      else if (p[0] == 0xf4)
        hi = 0x8f;
      return available >= 4 && p[1] >= lo && p[1] <= hi && (p[2] & 0xc0) == 0x80 &&
             (p[3] & 0xc0) == 0x80 ? 4 : 0;
    }

  return 0;
}

static gboolean
read_hex4 (const guchar *p,
           const guchar *end,
           gunichar     *value)
{
  gunichar v = 0;

  if (end - p < 4)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return FALSE;
      v = v << 4 | digit;
    }

  *value = v;
  return TRUE;
}

/* The string whose opening quote the reader stands at, unescaped and
 * appended to @out if given (GString keeps it NUL-terminated). */
gboolean
_sp_json_reader_scan_string (SpJsonReader  *reader,
                             GString       *out,
                             GError       **error)
{
  const guchar *data = (const guchar *)reader->data;
  const guchar *end = data + reader->length;
  const guchar *p = data + reader->pos + 1;

  g_assert (data[reader->pos] == '"');

  for (;;)
    {
      const guchar *run = p;
      const guchar *escape;
      gunichar u;
      char c;

      /* Plain text, non-ASCII included once it is checked. */
      for (;;)
        {
          gsize n;

          while (p < end && plain[*p])
            p++;
          if (p >= end || *p < 0x80)
            break;
          if ((n = utf8_sequence (p, end)) == 0)
            return fail_at (reader, p - data, _("the text is not valid UTF-8"), error);
          p += n;
        }

      if (out != NULL && p > run)
        g_string_append_len (out, (const char *)run, p - run);

      if (p >= end)
        return fail_at (reader, reader->pos, _("a string is not terminated"), error);

      if (*p == '"')
        {
          reader->pos = p + 1 - data;
          return TRUE;
        }

      if (*p != '\\')
        return fail_at (reader, p - data,
                        *p == 0 ? _("the text contains a NUL byte")
                                : _("a control character in a string must be escaped"),
                        error);

      escape = p++;
      if (p >= end)
        return fail_at (reader, reader->pos, _("a string is not terminated"), error);

      switch (*p)
        {
        case '"': c = '"'; break;
        case '\\': c = '\\'; break;
        case '/': c = '/'; break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;

        case 'u':
          if (!read_hex4 (p + 1, end, &u))
            return fail_at (reader, escape - data, _("a \\u escape needs four hexadecimal digits"),
                            error);
          p += 5;

          if (u >= 0xd800 && u <= 0xdbff)
            {
              gunichar low;

              if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || !read_hex4 (p + 2, end, &low) ||
                  low < 0xdc00 || low > 0xdfff)
                return fail_at (reader, escape - data,
                                _("a \\u escape of a high surrogate must be followed by a low one"),
                                error);
              u = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
              p += 6;
            }
          else if (u >= 0xdc00 && u <= 0xdfff)
            return fail_at (reader, escape - data,
                            _("a \\u escape of a low surrogate must follow a high one"), error);
          else if (u == 0)
            {
              /* Valid JSON, refused once the value it is in is read
               * (see span_end()); nothing is kept of it. */
              if (reader->nul_at == G_MAXSIZE)
                reader->nul_at = escape - data;
              continue;
            }

          if (out != NULL)
            g_string_append_unichar (out, u);
          continue;

        default:
          return fail_at (reader, escape - data, _("invalid escape in a string"), error);
        }

      if (out != NULL)
        g_string_append_c (out, c);
      p++;
    }
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
gboolean
_sp_json_reader_scan_number (SpJsonReader  *reader,
                             Number        *number,
                             GError       **error)
{
  const char *data = reader->data;
  const char *end = data + reader->length;
  const char *p = data + reader->pos;
  gboolean negative = FALSE;
  gboolean integer = TRUE;
  gboolean overflow = FALSE;
  guint64 magnitude = 0;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  if (p >= end || !g_ascii_isdigit (*p))
    {
      reader->pos = p - data;
      return _sp_json_reader_fail_here (reader, _("a number needs a digit here"), error);
    }

  if (*p == '0')
    {
      if (++p < end && g_ascii_isdigit (*p))
        return fail_at (reader, reader->pos, _("a number cannot start with 0"), error);
    }
  else
    {
      for (; p < end && g_ascii_isdigit (*p); p++)
        {
          guint digit = *p - '0';

          if (magnitude > (G_MAXUINT64 - digit) / 10)
            overflow = TRUE;
          else
            magnitude = magnitude * 10 + digit;
        }
    }

  if (p < end && *p == '.')
    {
      integer = FALSE;
      if (++p >= end || !g_ascii_isdigit (*p))
        {
          reader->pos = p - data;
          return _sp_json_reader_fail_here (reader, _("a number needs a digit here"), error);
        }
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      integer = FALSE;
      if (++p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        {
          reader->pos = p - data;
          return _sp_json_reader_fail_here (reader, _("a number needs a digit here"), error);
        }
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  reader->pos = p - data;

  if (number != NULL)
    {
      number->integer = integer;
      number->value = 0;
      if (negative && magnitude == (guint64)G_MAXINT64 + 1)
        number->value = G_MININT64;
      else if (magnitude > (guint64)G_MAXINT64)
        overflow = TRUE;
      else
        number->value = negative ? -(gint64)magnitude : (gint64)magnitude;
      number->overflow = integer && overflow;
    }

  return TRUE;
}

gboolean
_sp_json_reader_scan_literal (SpJsonReader  *reader,
                              const char    *word,
                              gsize          length,
                              GError       **error)
{
  if (reader->length - reader->pos < length || memcmp (reader->data + reader->pos, word, length) != 0)
    return _sp_json_reader_fail_here (reader, _("expected a value"), error);

  reader->pos += length;
  return TRUE;
}

/* Enters the object or array the reader stands at. */
gboolean
_sp_json_reader_push (SpJsonReader  *reader,
                      guint8         kind,
                      GError       **error)
{
  if (reader->depth >= reader->max_depth)
    {
      g_assert (reader->failure == NULL);
      reader->failure = g_error_new (SP_ERROR, SP_ERROR_MALFORMED,
                                     _("Malformed JSON at byte %zu: nested deeper than %u levels"),
                                     reader->pos, reader->max_depth);
      return check (reader, error);
    }

  reader->levels[reader->depth++] = kind;
  reader->pos++;
  return TRUE;
}

/* Goes past the comma before the next item of the object or array the
 * reader is in, which @close ends, or leaves it (*@found FALSE). */
static gboolean
item_begin (SpJsonReader  *reader,
            char           close,
            gboolean      *found,
            GError       **error)
{
  guint8 *level = &reader->levels[reader->depth - 1];

  skip_space (reader);

  if (reader->pos < reader->length && reader->data[reader->pos] == close)
    {
      reader->pos++;
      reader->depth--;
      *found = FALSE;
      return TRUE;
    }

  if (*level & LEVEL_ITEMS)
    {
      if (reader->pos >= reader->length || reader->data[reader->pos] != ',')
        return _sp_json_reader_fail_here (reader,
                                          close == '}' ? _("expected “,” or “}”") : _("expected “,” or “]”"),
                                          error);
      reader->pos++;
      skip_space (reader);
      if (reader->pos < reader->length && reader->data[reader->pos] == close)
        return _sp_json_reader_fail_here (reader,
                                          close == '}' ? _("a comma cannot come before “}”")
                                                       : _("a comma cannot come before “]”"),
                                          error);
    }

  *level |= LEVEL_ITEMS;
  *found = TRUE;
  return TRUE;
}

/* Goes to the next member of the object the reader is in, its name
 * appended to @name if given, or leaves the object (*@found FALSE). */
gboolean
_sp_json_reader_member_begin (SpJsonReader  *reader,
                              GString       *name,
                              gboolean      *found,
                              GError       **error)
{
  if (!item_begin (reader, '}', found, error))
    return FALSE;
  if (!*found)
    return TRUE;

  if (reader->pos >= reader->length || reader->data[reader->pos] != '"')
    return _sp_json_reader_fail_here (reader, _("expected a member name in double quotes"), error);

  if (!_sp_json_reader_scan_string (reader, name, error))
    return FALSE;

  skip_space (reader);
  if (reader->pos >= reader->length || reader->data[reader->pos] != ':')
    return _sp_json_reader_fail_here (reader, _("expected “:”"), error);
  reader->pos++;

  return TRUE;
}

/* Goes to the next element of the array the reader is in, or leaves the
 * array (*@found FALSE). */
gboolean
_sp_json_reader_element_begin (SpJsonReader  *reader,
                               gboolean      *found,
                               GError       **error)
{
  return item_begin (reader, ']', found, error);
}

/* Reads a string, number or literal whole, or enters an object or array. */
static gboolean
value_begin (SpJsonReader  *reader,
             GError       **error)
{
  skip_space (reader);
  if (reader->pos >= reader->length)
    return _sp_json_reader_fail_here (reader, _("expected a value"), error);

  switch (reader->data[reader->pos])
    {
    case '{':
      return _sp_json_reader_push (reader, LEVEL_OBJECT, error);
    case '[':
      return _sp_json_reader_push (reader, LEVEL_ARRAY, error);
    case '"':
      return _sp_json_reader_scan_string (reader, NULL, error);
    case 't':
      return _sp_json_reader_scan_literal (reader, "true", 4, error);
    case 'f':
      return _sp_json_reader_scan_literal (reader, "false", 5, error);
    case 'n':
      return _sp_json_reader_scan_literal (reader, "null", 4, error);
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return _sp_json_reader_scan_number (reader, NULL, error);
    default:
      return _sp_json_reader_fail_here (reader, _("expected a value"), error);
    }
}

/* One whole value, however deep, without recursion. */
gboolean
_sp_json_reader_skip_value (SpJsonReader  *reader,
                            GError       **error)
{
  guint base = reader->depth;

  for (;;)
    {
      if (!value_begin (reader, error))
        return FALSE;

      /* On to the next value, leaving what ends on the way. */
      for (;;)
        {
          gboolean found;

          if (reader->depth == base)
            return TRUE;

          if (reader->levels[reader->depth - 1] & LEVEL_OBJECT)
            {
              if (!_sp_json_reader_member_begin (reader, NULL, &found, error))
                return FALSE;
            }
          else if (!_sp_json_reader_element_begin (reader, &found, error))
            return FALSE;

          if (found)
            break;
        }
    }
}

/* Skips whitespace and checks that a value starts there; FALSE with a
 * grammar error if none can. */
gboolean
_sp_json_reader_at_value (SpJsonReader  *reader,
                          GError       **error)
{
  if (!check (reader, error))
    return FALSE;

  skip_space (reader);
  if (reader->pos >= reader->length || !is_value_start (reader->data[reader->pos]))
    return _sp_json_reader_fail_here (reader, _("expected a value"), error);

  return TRUE;
}

/* The reader */

void
sp_json_reader_init (SpJsonReader *reader,
                     const char   *data,
                     gsize         length,
                     guint         max_depth)
{
  g_return_if_fail (reader != NULL);
  g_return_if_fail (data != NULL || length == 0);

  reader->data = data != NULL ? data : "";
  reader->length = length;
  reader->pos = 0;
  reader->max_depth = max_depth == 0 ? SP_JSON_READER_MAX_DEPTH
                                     : MIN (max_depth, SP_JSON_READER_MAX_DEPTH);
  reader->depth = 0;
  reader->failure = NULL;
  reader->nul_at = G_MAXSIZE;
  reader->nul_pending = G_MAXSIZE;
  reader->scratch = g_string_sized_new (256);
  reader->record = NULL;
}

void
sp_json_reader_clear (SpJsonReader *reader)
{
  g_return_if_fail (reader != NULL);

  g_clear_error (&reader->failure);
  if (reader->scratch != NULL)
    g_string_free (g_steal_pointer (&reader->scratch), TRUE);
  g_clear_pointer (&reader->record, _sp_json_reader_record_free);
}

SpJsonToken
sp_json_reader_peek (SpJsonReader *reader)
{
  g_return_val_if_fail (reader != NULL, SP_JSON_TOKEN_INVALID);

  if (reader->failure != NULL)
    return SP_JSON_TOKEN_INVALID;

  skip_space (reader);
  if (reader->pos >= reader->length)
    return SP_JSON_TOKEN_END;

  switch (reader->data[reader->pos])
    {
    case '{':
      return SP_JSON_TOKEN_OBJECT;
    case '[':
      return SP_JSON_TOKEN_ARRAY;
    case '"':
      return SP_JSON_TOKEN_STRING;
    case 't':
      return SP_JSON_TOKEN_TRUE;
    case 'f':
      return SP_JSON_TOKEN_FALSE;
    case 'n':
      return SP_JSON_TOKEN_NULL;
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return SP_JSON_TOKEN_NUMBER;
    default:
      return SP_JSON_TOKEN_INVALID;
    }
}

gsize
sp_json_reader_get_offset (SpJsonReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->pos;
}

/* Enters the object or array that @open begins. */
static gboolean
enter (SpJsonReader  *reader,
       char           open,
       GError       **error)
{
  g_return_val_if_fail (reader != NULL, FALSE);

  if (!_sp_json_reader_at_value (reader, error))
    return FALSE;

  if (reader->data[reader->pos] != open)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   open == '{' ? _("Expected an object at byte %zu") : _("Expected a list at byte %zu"),
                   reader->pos);
      return FALSE;
    }

  return _sp_json_reader_push (reader, open == '{' ? LEVEL_OBJECT : LEVEL_ARRAY, error);
}

gboolean
sp_json_reader_enter_object (SpJsonReader  *reader,
                             GError       **error)
{
  return enter (reader, '{', error);
}

gboolean
sp_json_reader_next_member (SpJsonReader  *reader,
                            const char   **name,
                            GError       **error)
{
  gboolean found;
  gsize saved;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  *name = NULL;

  if (!check (reader, error))
    return FALSE;

  g_return_val_if_fail (reader->depth > 0 && (reader->levels[reader->depth - 1] & LEVEL_OBJECT),
                        FALSE);

  g_string_truncate (reader->scratch, 0);
  saved = span_begin (reader);
  if (!span_end (reader, saved, FALSE,
                 _sp_json_reader_member_begin (reader, reader->scratch, &found, error), error))
    return FALSE;

  if (found)
    *name = reader->scratch->str;
  return TRUE;
}

gboolean
sp_json_reader_enter_array (SpJsonReader  *reader,
                            GError       **error)
{
  return enter (reader, '[', error);
}

gboolean
sp_json_reader_next_element (SpJsonReader  *reader,
                             gboolean      *more,
                             GError       **error)
{
  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (more != NULL, FALSE);

  *more = FALSE;

  if (!check (reader, error))
    return FALSE;

  g_return_val_if_fail (reader->depth > 0 && (reader->levels[reader->depth - 1] & LEVEL_ARRAY),
                        FALSE);

  return _sp_json_reader_element_begin (reader, more, error);
}

gboolean
sp_json_reader_read_int (SpJsonReader  *reader,
                         gint64        *value,
                         GError       **error)
{
  gsize start;
  Number number;
  char c;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!_sp_json_reader_at_value (reader, error))
    return FALSE;

  start = reader->pos;
  c = reader->data[start];

  if (c != '-' && !g_ascii_isdigit (c))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID, _("Expected a whole number at byte %zu"),
                   start);
      return FALSE;
    }

  if (!_sp_json_reader_scan_number (reader, &number, error))
    return FALSE;

  if (!number.integer)
    {
      reader->pos = start;
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID, _("Expected a whole number at byte %zu"),
                   start);
      return FALSE;
    }

  if (number.overflow)
    return fail_at (reader, start, _("the number is too large"), error);

  *value = number.value;
  return TRUE;
}

gboolean
sp_json_reader_read_bool (SpJsonReader  *reader,
                          gboolean      *value,
                          GError       **error)
{
  char c;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!_sp_json_reader_at_value (reader, error))
    return FALSE;

  c = reader->data[reader->pos];

  if (c == 't')
    {
      *value = TRUE;
      return _sp_json_reader_scan_literal (reader, "true", 4, error);
    }

  if (c == 'f')
    {
      *value = FALSE;
      return _sp_json_reader_scan_literal (reader, "false", 5, error);
    }

  g_set_error (error, SP_ERROR, SP_ERROR_INVALID, _("Expected true or false at byte %zu"),
               reader->pos);
  return FALSE;
}

gboolean
sp_json_reader_read_string (SpJsonReader  *reader,
                            const char   **value,
                            GError       **error)
{
  gsize saved;
  char c;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  *value = NULL;

  if (!_sp_json_reader_at_value (reader, error))
    return FALSE;

  c = reader->data[reader->pos];

  if (c == 'n')
    return _sp_json_reader_scan_literal (reader, "null", 4, error);

  if (c != '"')
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID, _("Expected a string at byte %zu"),
                   reader->pos);
      return FALSE;
    }

  g_string_truncate (reader->scratch, 0);
  saved = span_begin (reader);
  if (!span_end (reader, saved, FALSE, _sp_json_reader_scan_string (reader, reader->scratch, error),
                 error))
    return FALSE;

  *value = reader->scratch->str;
  return TRUE;
}

gboolean
sp_json_reader_skip (SpJsonReader  *reader,
                     const char   **start,
                     gsize         *length,
                     GError       **error)
{
  gsize from;
  gsize saved;

  g_return_val_if_fail (reader != NULL, FALSE);

  if (!check (reader, error))
    return FALSE;

  skip_space (reader);
  from = reader->pos;

  saved = span_begin (reader);
  if (!span_end (reader, saved, TRUE, _sp_json_reader_skip_value (reader, error), error))
    return FALSE;

  if (start != NULL)
    *start = reader->data + from;
  if (length != NULL)
    *length = reader->pos - from;
  return TRUE;
}

gboolean
sp_json_reader_end (SpJsonReader  *reader,
                    GError       **error)
{
  g_return_val_if_fail (reader != NULL, FALSE);

  if (!check (reader, error))
    return FALSE;

  g_return_val_if_fail (reader->depth == 0, FALSE);

  skip_space (reader);
  if (reader->pos < reader->length)
    return _sp_json_reader_fail_here (reader, _("unexpected text after the value"), error);

  /* Whole and valid, but a value passed over had a NUL. */
  if (reader->nul_pending != G_MAXSIZE)
    return _sp_json_nul_error (reader->data, reader->length, reader->nul_pending, error);

  return TRUE;
}
