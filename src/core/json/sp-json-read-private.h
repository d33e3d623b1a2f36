/* sp-json-read-private.h: the parts of the scanner the record reader uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sp-json-read.c scans the text; sp-json-read-record.c reads a whole
 * record with the same scanner. Private to those two files.
 */

#pragma once

#include "sp-json-private.h"
#include "sp-json-read.h"

G_BEGIN_DECLS

enum
{
  LEVEL_OBJECT = 1 << 0,
  LEVEL_ARRAY  = 1 << 1,
  LEVEL_ITEMS  = 1 << 2, /* something was read: a ',' comes before the next */
};

typedef struct
{
  gboolean integer;  /* no fraction, no exponent */
  gboolean overflow; /* an integer, but not one a gint64 holds */
  gint64   value;
} Number;

/* A NUL character: what is read between span_begin() and span_end() is
 * refused if a string in it had one. */

static inline gsize
span_begin (SpJsonReader *reader)
{
  gsize saved = reader->nul_at;

  reader->nul_at = G_MAXSIZE;
  return saved;
}

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

/* FALSE with the error if the span had a NUL; a skipped span's is kept
 * for sp_json_reader_end() instead (@skipped). */
static inline gboolean
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

/* A grammar error where the reader stands. */
gboolean _sp_json_reader_fail_here     (SpJsonReader        *reader,
                                        const char          *reason,
                                        GError             **error);
/* Skips whitespace and checks that a value starts there. */
gboolean _sp_json_reader_at_value      (SpJsonReader        *reader,
                                        GError             **error);

/* The string whose opening quote the reader stands at, unescaped and
 * appended to @out if given. */
gboolean _sp_json_reader_scan_string   (SpJsonReader        *reader,
                                        GString             *out,
                                        GError             **error);
gboolean _sp_json_reader_scan_number   (SpJsonReader        *reader,
                                        Number              *number,
                                        GError             **error);
gboolean _sp_json_reader_scan_literal  (SpJsonReader        *reader,
                                        const char          *word,
                                        gsize                length,
                                        GError             **error);

/* Enters the object or array the reader stands at (@kind a LEVEL_). */
gboolean _sp_json_reader_push          (SpJsonReader        *reader,
                                        guint8               kind,
                                        GError             **error);
/* The next member of the object the reader is in, its name appended to
 * @name, or the object's end (*@found FALSE). */
gboolean _sp_json_reader_member_begin  (SpJsonReader        *reader,
                                        GString             *name,
                                        gboolean            *found,
                                        GError             **error);
/* The next element of the array the reader is in, or its end. */
gboolean _sp_json_reader_element_begin (SpJsonReader        *reader,
                                        gboolean            *found,
                                        GError             **error);
/* One whole value, however deep. */
gboolean _sp_json_reader_skip_value    (SpJsonReader        *reader,
                                        GError             **error);

void     _sp_json_reader_record_free   (SpJsonReaderRecord  *record);

G_END_DECLS
