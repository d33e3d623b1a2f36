/* sp-json-read.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hand-written scanner over the text: whitespace, strings, numbers and
 * literals are checked byte by byte, the nesting is kept in a small array
 * in the reader, and nothing is allocated per value (strings are unescaped
 * into a buffer that is reused). sp_json_read_entity() reads a whole
 * object into a compact list of members first and decodes from that list,
 * so that a grammar error always wins over a field's error and a member
 * given twice counts once, the later, as in the JsonNode path.
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-error.h"
#include "sp-json-private.h"
#include "sp-json-read.h"

enum
{
  LEVEL_OBJECT = 1 << 0,
  LEVEL_ARRAY  = 1 << 1,
  LEVEL_ITEMS  = 1 << 2, /* something was read: a ',' comes before the next */
};

/* Bytes that stand for themselves in a string: printable ASCII but '"'
 * and '\\'. */
static const guint8 plain[256] = {
  [0x20 ... 0x21] = 1,
  [0x23 ... 0x5b] = 1,
  [0x5d ... 0x7f] = 1,
};

typedef struct
{
  gboolean integer;  /* no fraction, no exponent */
  gboolean overflow; /* an integer, but not one a gint64 holds */
  gint64   value;
} Number;

/* One member of the object sp_json_read_entity() reads. */
typedef struct
{
  int              key;           /* as in SpJsonIndex; -1 for a member no field has */
  guint            n_children;    /* a group given as an object: its members follow */
  gboolean         superseded;    /* the same member comes again later */
  SpJsonValueKind  kind;
  gint64           integer;
  gsize            string;        /* STRING: offset in the arena */
  gsize            name;          /* unknown: offset of its name in the arena */
  guint            first_element; /* a FLAGS field's list: in elements */
  guint            n_elements;
} Member;

typedef struct
{
  SpJsonValueKind kind;
  gsize           string;
} Element;

struct _SpJsonReaderRecord
{
  const SpEntityInfo *info;
  const SpJsonIndex  *index;
  GArray             *members;  /* Member */
  GArray             *elements; /* Element */
  GArray             *values;   /* SpJsonValue: a list's elements, as decoded */
  GArray             *latest;   /* int per key: the member that gave it last, or -1 */
  GString            *arena;    /* strings and unknown names, each NUL-terminated */
};

static gboolean skip_value (SpJsonReader  *reader,
                            GError       **error);

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
static gboolean
fail_here (SpJsonReader  *reader,
           const char    *reason,
           GError       **error)
{
  if (reader->pos >= reader->length)
    reason = _("unexpected end of the text");
  else if (reader->data[reader->pos] == 0)
    reason = _("the text contains a NUL byte");

  return fail_at (reader, reader->pos, reason, error);
}

/* A NUL character: what is read between span_begin() and span_end() is
 * refused if a string in it had one. */

static inline gsize
span_begin (SpJsonReader *reader)
{
  gsize saved = reader->nul_at;

  reader->nul_at = G_MAXSIZE;
  return saved;
}

/* FALSE with the error if the span had a NUL; a skipped span's is kept
 * for sp_json_reader_end() instead (@skipped). */
static gboolean
span_end (SpJsonReader  *reader,
          gsize          saved,
          gboolean       skipped,
          gboolean       ok,
          GError       **error)
{
  gsize found = reader->nul_at;

  reader->nul_at = MIN (saved, found);
  if (!ok || found == G_MAXSIZE)
    return ok;

  if (skipped)
    {
      reader->nul_pending = MIN (reader->nul_pending, found);
      return TRUE;
    }

  return _sp_json_nul_error (reader->data, reader->length, found, error);
}

/* Scanning */

static inline void
skip_space (SpJsonReader *reader)
{
  const char *data = reader->data;
  gsize pos = reader->pos;

  while (pos < reader->length &&
         (data[pos] == ' ' || data[pos] == '\n' || data[pos] == '\r' || data[pos] == '\t'))
    pos++;

  reader->pos = pos;
}

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
static gboolean
scan_string (SpJsonReader  *reader,
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
static gboolean
scan_number (SpJsonReader  *reader,
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
      return fail_here (reader, _("a number needs a digit here"), error);
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
          return fail_here (reader, _("a number needs a digit here"), error);
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
          return fail_here (reader, _("a number needs a digit here"), error);
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

static gboolean
scan_literal (SpJsonReader  *reader,
              const char    *word,
              gsize          length,
              GError       **error)
{
  if (reader->length - reader->pos < length || memcmp (reader->data + reader->pos, word, length) != 0)
    return fail_here (reader, _("expected a value"), error);

  reader->pos += length;
  return TRUE;
}

/* Enters the object or array the reader stands at. */
static gboolean
push (SpJsonReader  *reader,
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
        return fail_here (reader, close == '}' ? _("expected “,” or “}”") : _("expected “,” or “]”"), error);
      reader->pos++;
      skip_space (reader);
      if (reader->pos < reader->length && reader->data[reader->pos] == close)
        return fail_here (reader, close == '}' ? _("a comma cannot come before “}”")
                                               : _("a comma cannot come before “]”"), error);
    }

  *level |= LEVEL_ITEMS;
  *found = TRUE;
  return TRUE;
}

/* Goes to the next member of the object the reader is in, its name
 * appended to @name if given, or leaves the object (*@found FALSE). */
static gboolean
member_begin (SpJsonReader  *reader,
              GString       *name,
              gboolean      *found,
              GError       **error)
{
  if (!item_begin (reader, '}', found, error))
    return FALSE;
  if (!*found)
    return TRUE;

  if (reader->pos >= reader->length || reader->data[reader->pos] != '"')
    return fail_here (reader, _("expected a member name in double quotes"), error);

  if (!scan_string (reader, name, error))
    return FALSE;

  skip_space (reader);
  if (reader->pos >= reader->length || reader->data[reader->pos] != ':')
    return fail_here (reader, _("expected “:”"), error);
  reader->pos++;

  return TRUE;
}

/* Goes to the next element of the array the reader is in, or leaves the
 * array (*@found FALSE). */
static gboolean
element_begin (SpJsonReader  *reader,
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
    return fail_here (reader, _("expected a value"), error);

  switch (reader->data[reader->pos])
    {
    case '{':
      return push (reader, LEVEL_OBJECT, error);
    case '[':
      return push (reader, LEVEL_ARRAY, error);
    case '"':
      return scan_string (reader, NULL, error);
    case 't':
      return scan_literal (reader, "true", 4, error);
    case 'f':
      return scan_literal (reader, "false", 5, error);
    case 'n':
      return scan_literal (reader, "null", 4, error);
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return scan_number (reader, NULL, error);
    default:
      return fail_here (reader, _("expected a value"), error);
    }
}

/* One whole value, however deep, without recursion. */
static gboolean
skip_value (SpJsonReader  *reader,
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
              if (!member_begin (reader, NULL, &found, error))
                return FALSE;
            }
          else if (!element_begin (reader, &found, error))
            return FALSE;

          if (found)
            break;
        }
    }
}

/* Skips whitespace and checks that a value starts there; FALSE with a
 * grammar error if none can. */
static gboolean
at_value (SpJsonReader  *reader,
          GError       **error)
{
  if (!check (reader, error))
    return FALSE;

  skip_space (reader);
  if (reader->pos >= reader->length || !is_value_start (reader->data[reader->pos]))
    return fail_here (reader, _("expected a value"), error);

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

static void
record_free (SpJsonReaderRecord *record)
{
  g_array_unref (record->members);
  g_array_unref (record->elements);
  g_array_unref (record->values);
  g_array_unref (record->latest);
  g_string_free (record->arena, TRUE);
  g_free (record);
}

void
sp_json_reader_clear (SpJsonReader *reader)
{
  g_return_if_fail (reader != NULL);

  g_clear_error (&reader->failure);
  if (reader->scratch != NULL)
    g_string_free (g_steal_pointer (&reader->scratch), TRUE);
  g_clear_pointer (&reader->record, record_free);
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

  if (!at_value (reader, error))
    return FALSE;

  if (reader->data[reader->pos] != open)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   open == '{' ? _("Expected an object at byte %zu") : _("Expected a list at byte %zu"),
                   reader->pos);
      return FALSE;
    }

  return push (reader, open == '{' ? LEVEL_OBJECT : LEVEL_ARRAY, error);
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
  if (!span_end (reader, saved, FALSE, member_begin (reader, reader->scratch, &found, error),
                 error))
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

  return element_begin (reader, more, error);
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

  if (!at_value (reader, error))
    return FALSE;

  start = reader->pos;
  c = reader->data[start];

  if (c != '-' && !g_ascii_isdigit (c))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID, _("Expected a whole number at byte %zu"),
                   start);
      return FALSE;
    }

  if (!scan_number (reader, &number, error))
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

  if (!at_value (reader, error))
    return FALSE;

  c = reader->data[reader->pos];

  if (c == 't')
    {
      *value = TRUE;
      return scan_literal (reader, "true", 4, error);
    }

  if (c == 'f')
    {
      *value = FALSE;
      return scan_literal (reader, "false", 5, error);
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

  if (!at_value (reader, error))
    return FALSE;

  c = reader->data[reader->pos];

  if (c == 'n')
    return scan_literal (reader, "null", 4, error);

  if (c != '"')
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID, _("Expected a string at byte %zu"),
                   reader->pos);
      return FALSE;
    }

  g_string_truncate (reader->scratch, 0);
  saved = span_begin (reader);
  if (!span_end (reader, saved, FALSE, scan_string (reader, reader->scratch, error), error))
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
  if (!span_end (reader, saved, TRUE, skip_value (reader, error), error))
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
    return fail_here (reader, _("unexpected text after the value"), error);

  /* Whole and valid, but a value passed over had a NUL. */
  if (reader->nul_pending != G_MAXSIZE)
    return _sp_json_nul_error (reader->data, reader->length, reader->nul_pending, error);

  return TRUE;
}

/* Records */

static SpJsonReaderRecord *
record_prepare (SpJsonReader       *reader,
                const SpEntityInfo *info)
{
  SpJsonReaderRecord *record = reader->record;

  if (record == NULL)
    {
      record = reader->record = g_new0 (SpJsonReaderRecord, 1);
      record->members = g_array_sized_new (FALSE, FALSE, sizeof (Member), 64);
      record->elements = g_array_sized_new (FALSE, FALSE, sizeof (Element), 16);
      record->values = g_array_sized_new (FALSE, FALSE, sizeof (SpJsonValue), 16);
      record->latest = g_array_sized_new (FALSE, FALSE, sizeof (int), 64);
      record->arena = g_string_sized_new (4096);
    }

  if (record->info != info)
    {
      record->info = info;
      record->index = _sp_json_index_get (info);
    }

  g_array_set_size (record->members, 0);
  g_array_set_size (record->elements, 0);
  g_string_truncate (record->arena, 0);
  g_array_set_size (record->latest, record->index->n_keys);
  memset (record->latest->data, 0xff, sizeof (int) * record->index->n_keys);

  return record;
}

/* Appends @member; an earlier member with its key no longer counts. */
static void
record_add (SpJsonReaderRecord *record,
            const Member       *member)
{
  if (member->key >= 0)
    {
      int *latest = &g_array_index (record->latest, int, member->key);

      if (*latest >= 0)
        g_array_index (record->members, Member, *latest).superseded = TRUE;
      *latest = record->members->len;
    }

  g_array_append_vals (record->members, member, 1);
}

static gsize
record_add_text (SpJsonReaderRecord *record,
                 const char         *text)
{
  gsize offset = record->arena->len;

  g_string_append_len (record->arena, text, strlen (text) + 1);
  return offset;
}

static SpJsonValueKind
kind_at (SpJsonReader *reader)
{
  switch (reader->data[reader->pos])
    {
    case '{':
      return SP_JSON_VALUE_OBJECT;
    case '[':
      return SP_JSON_VALUE_ARRAY;
    case '"':
      return SP_JSON_VALUE_STRING;
    case 'n':
      return SP_JSON_VALUE_NULL;
    case 't':
    case 'f':
      return SP_JSON_VALUE_BOOL;
    default:
      return SP_JSON_VALUE_DOUBLE;
    }
}

/* The elements of a FLAGS field's list: strings kept, the rest only
 * checked. */
static gboolean
read_elements (SpJsonReader        *reader,
               SpJsonReaderRecord  *record,
               Member              *member,
               GError             **error)
{
  member->first_element = record->elements->len;
  member->n_elements = 0;

  if (!push (reader, LEVEL_ARRAY, error))
    return FALSE;

  for (;;)
    {
      Element element = { SP_JSON_VALUE_NULL, 0 };
      gboolean more;

      if (!element_begin (reader, &more, error))
        return FALSE;
      if (!more)
        return TRUE;

      skip_space (reader);
      if (reader->pos < reader->length && reader->data[reader->pos] == '"')
        {
          element.kind = SP_JSON_VALUE_STRING;
          element.string = record->arena->len;
          if (!scan_string (reader, record->arena, error))
            return FALSE;
          g_string_append_c (record->arena, '\0');
        }
      else
        {
          if (reader->pos < reader->length)
            element.kind = kind_at (reader);
          if (!skip_value (reader, error))
            return FALSE;
        }

      g_array_append_vals (record->elements, &element, 1);
      member->n_elements++;
    }
}

/* The value of a member, described in @member; @field is the field it
 * is for, if any. */
static gboolean
read_value (SpJsonReader        *reader,
            SpJsonReaderRecord  *record,
            const SpField       *field,
            Member              *member,
            GError             **error)
{
  Number number;

  skip_space (reader);
  if (reader->pos >= reader->length)
    return fail_here (reader, _("expected a value"), error);

  switch (reader->data[reader->pos])
    {
    case '"':
      member->kind = SP_JSON_VALUE_STRING;
      member->string = record->arena->len;
      if (!scan_string (reader, record->arena, error))
        return FALSE;
      g_string_append_c (record->arena, '\0');
      return TRUE;

    case 'n':
      member->kind = SP_JSON_VALUE_NULL;
      return scan_literal (reader, "null", 4, error);

    case 't':
      member->kind = SP_JSON_VALUE_BOOL;
      member->integer = 1;
      return scan_literal (reader, "true", 4, error);

    case 'f':
      member->kind = SP_JSON_VALUE_BOOL;
      member->integer = 0;
      return scan_literal (reader, "false", 5, error);

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      if (!scan_number (reader, &number, error))
        return FALSE;
      /* A whole number too large for any field is no whole number to
       * them (json-glib would wrap it around). */
      member->kind = number.integer && !number.overflow ? SP_JSON_VALUE_INT : SP_JSON_VALUE_DOUBLE;
      member->integer = number.value;
      return TRUE;

    case '[':
      member->kind = SP_JSON_VALUE_ARRAY;
      if (field != NULL && field->type == SP_FIELD_FLAGS)
        return read_elements (reader, record, member, error);
      return skip_value (reader, error);

    case '{':
      member->kind = SP_JSON_VALUE_OBJECT;
      return skip_value (reader, error);

    default:
      return fail_here (reader, _("expected a value"), error);
    }
}

/* The key a member name gives, in @group or at the top. */
static inline int
lookup (const SpJsonIndex *index,
        int                group,
        const char        *name)
{
  return group >= 0 ? _sp_json_index_lookup_member (index, group, name)
                    : _sp_json_index_lookup (index, name);
}

static gboolean
read_members (SpJsonReader        *reader,
              SpJsonReaderRecord  *record,
              int                  group,
              guint               *n_members,
              GError             **error)
{
  const SpJsonIndex *index = record->index;

  if (!push (reader, LEVEL_OBJECT, error))
    return FALSE;

  for (;;)
    {
      Member member = { 0 };
      gboolean found;
      guint at;

      g_string_truncate (reader->scratch, 0);
      if (!member_begin (reader, reader->scratch, &found, error))
        return FALSE;
      if (!found)
        return TRUE;

      member.key = lookup (index, group, reader->scratch->str);
      at = record->members->len;

      if (member.key < 0)
        {
          member.name = record_add_text (record, reader->scratch->str);
          if (!skip_value (reader, error))
            return FALSE;
          record_add (record, &member);
        }
      else if ((guint)member.key < index->n_fields)
        {
          if (!read_value (reader, record, &index->info->fields[member.key], &member, error))
            return FALSE;
          record_add (record, &member);
        }
      else
        {
          guint n_children = 0;

          g_assert (group < 0);

          skip_space (reader);
          if (reader->pos < reader->length && reader->data[reader->pos] == '{')
            {
              member.kind = SP_JSON_VALUE_OBJECT;
              record_add (record, &member);
              if (!read_members (reader, record, member.key - index->n_fields, &n_children, error))
                return FALSE;
              g_array_index (record->members, Member, at).n_children = n_children;
            }
          else
            {
              if (!read_value (reader, record, NULL, &member, error))
                return FALSE;
              record_add (record, &member);
            }
        }

      if (n_members != NULL)
        (*n_members)++;
    }
}

static gboolean
decode_member (SpJsonReaderRecord  *record,
               SpEntity            *entity,
               const char          *group,
               const Member        *member,
               SpJsonDecodeMode     mode,
               GPtrArray           *fields_set,
               GError             **error)
{
  const SpField *field;
  SpJsonValue value = { member->kind, member->integer, NULL, NULL, 0 };

  if (member->key < 0)
    return _sp_json_unknown_member (error, group, record->arena->str + member->name);

  if (member->superseded)
    return TRUE;

  field = &record->index->info->fields[member->key];

  if (member->kind == SP_JSON_VALUE_STRING)
    value.string = record->arena->str + member->string;

  if (member->kind == SP_JSON_VALUE_ARRAY && member->n_elements > 0)
    {
      const Element *elements = &g_array_index (record->elements, Element, member->first_element);
      SpJsonValue *values;

      g_array_set_size (record->values, member->n_elements);
      values = (SpJsonValue *)(gpointer)record->values->data;
      for (guint i = 0; i < member->n_elements; i++)
        {
          values[i] = (SpJsonValue) { elements[i].kind, 0, NULL, NULL, 0 };
          if (elements[i].kind == SP_JSON_VALUE_STRING)
            values[i].string = record->arena->str + elements[i].string;
        }
      value.elements = values;
      value.n_elements = member->n_elements;
    }

  return _sp_json_decode_member (entity, field, &value, mode, fields_set, error);
}

static gboolean
record_has_member (const char *name,
                   gpointer    user_data)
{
  SpJsonReaderRecord *record = user_data;
  int key = _sp_json_index_lookup (record->index, name);

  return key >= 0 && g_array_index (record->latest, int, key) >= 0;
}

static gboolean
decode_record (SpJsonReaderRecord  *record,
               SpEntity            *entity,
               SpJsonDecodeMode     mode,
               GPtrArray           *fields_set,
               GError             **error)
{
  const SpJsonIndex *index = record->index;
  const Member *members = (const Member *)(gpointer)record->members->data;
  guint n = record->members->len;

  for (guint i = 0; i < n; i++)
    {
      const Member *member = &members[i];

      if (member->key >= (int)index->n_fields)
        {
          const char *group = _sp_json_index_key_name (index, member->key);
          guint n_children = member->n_children;

          if (member->superseded || (member->kind == SP_JSON_VALUE_NULL &&
                                     mode != SP_JSON_DECODE_CREATE))
            {
              i += n_children;
              continue;
            }

          if (member->kind != SP_JSON_VALUE_OBJECT)
            return _sp_json_group_not_object (error, group);

          for (guint j = 1; j <= n_children; j++)
            if (!decode_member (record, entity, group, &members[i + j], mode, fields_set, error))
              return FALSE;
          i += n_children;
        }
      else if (!decode_member (record, entity, NULL, member, mode, fields_set, error))
        return FALSE;
    }

  return _sp_json_check_required (entity, mode, record_has_member, record, error);
}

gboolean
sp_json_read_entity (SpJsonReader      *reader,
                     SpEntity          *entity,
                     SpJsonDecodeMode   mode,
                     GPtrArray         *fields_set,
                     GError           **error)
{
  SpJsonReaderRecord *record;
  gsize saved;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (SP_IS_ENTITY (entity), FALSE);

  if (!at_value (reader, error))
    return FALSE;

  /* Whatever else stands there must be valid JSON before it is the wrong
   * kind of value, as sp_json_parse() would have it. */
  if (reader->data[reader->pos] != '{')
    {
      saved = span_begin (reader);
      if (!span_end (reader, saved, FALSE, skip_value (reader, error), error))
        return FALSE;
      return _sp_json_not_an_object (error);
    }

  record = record_prepare (reader, sp_entity_get_info (entity));

  /* The whole record is read before a NUL in it is refused, and that
   * before any field's error, as sp_json_parse() refuses the text. */
  saved = span_begin (reader);
  if (!span_end (reader, saved, FALSE, read_members (reader, record, -1, NULL, error), error))
    return FALSE;

  return decode_record (record, entity, mode, fields_set, error);
}

gpointer
sp_json_read_entity_new (SpJsonReader      *reader,
                         GType              type,
                         SpJsonDecodeMode   mode,
                         GError           **error)
{
  g_autoptr(SpEntity) entity = sp_entity_new (type);

  if (!sp_json_read_entity (reader, entity, mode, NULL, error))
    return NULL;

  return g_steal_pointer (&entity);
}
