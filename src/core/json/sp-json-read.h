/* sp-json-read.h: a strict, streaming JSON reader that decodes records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads JSON text value by value, without building a tree: the replica's
 * first sync decodes hundreds of thousands of records straight from the
 * change feed's pages into entities. It is as strict as sp_json_parse()
 * (stricter where json-glib is lenient: leading zeros, lone surrogates,
 * integers that do not fit in 64 bits), and sp_json_read_entity() has
 * exactly the rules and messages of sp_json_decode().
 *
 * A "\u0000" escape is valid JSON but no string may hold it: reading a
 * member name, a string or a record with one fails with
 * SP_ERROR_INVALID and the field named, as sp_json_parse() refuses the
 * text; one in a skipped value is refused by sp_json_reader_end().
 *
 * Grammar errors are SP_ERROR_MALFORMED and final: every later call fails
 * with the same error. Asking for a kind of value that is not there (an
 * integer where a string stands) is SP_ERROR_INVALID, and reads nothing.
 * One reader is for one thread; readers on different texts may run at
 * the same time.
 */

#pragma once

#include "sp-json.h"

G_BEGIN_DECLS

/* How deep a reader can nest, whatever max_depth asks for. */
#define SP_JSON_READER_MAX_DEPTH 256

typedef struct _SpJsonReaderRecord SpJsonReaderRecord;

/* Public so that it can live on the stack; the fields are private. */
typedef struct
{
  /*< private >*/
  const char         *data;
  gsize               length;
  gsize               pos;
  guint               max_depth;
  guint               depth;
  GError             *failure;
  gsize               nul_at;      /* the first \u0000 in what is being read */
  gsize               nul_pending; /* the first \u0000 skipped, not yet refused */
  GString            *scratch;
  SpJsonReaderRecord *record;
  guint8              levels[SP_JSON_READER_MAX_DEPTH];
} SpJsonReader;

typedef enum
{
  SP_JSON_TOKEN_END,
  SP_JSON_TOKEN_OBJECT,
  SP_JSON_TOKEN_ARRAY,
  SP_JSON_TOKEN_STRING,
  SP_JSON_TOKEN_NUMBER,
  SP_JSON_TOKEN_TRUE,
  SP_JSON_TOKEN_FALSE,
  SP_JSON_TOKEN_NULL,
  SP_JSON_TOKEN_INVALID,
} SpJsonToken;

/* @data need not be NUL-terminated and must outlive the reader's use.
 * Objects and arrays may nest @max_depth deep (0 or more than
 * SP_JSON_READER_MAX_DEPTH mean SP_JSON_READER_MAX_DEPTH). */
void        sp_json_reader_init          (SpJsonReader      *reader,
                                          const char        *data,
                                          gsize              length,
                                          guint              max_depth);
/* Frees the scratch buffers; the reader may be initialised again. */
void        sp_json_reader_clear         (SpJsonReader      *reader);

/* Skips whitespace and tells what kind of value comes next, from its
 * first character: END when the text is over, INVALID when no value can
 * start there (or after an error). */
SpJsonToken sp_json_reader_peek          (SpJsonReader      *reader);
/* The byte offset the reader stands at. */
gsize       sp_json_reader_get_offset    (SpJsonReader      *reader);

/* Consumes the '{'. */
gboolean    sp_json_reader_enter_object  (SpJsonReader      *reader,
                                          GError           **error);
/* The next member of the object entered: TRUE with *@name set (valid
 * until the next call on the reader), and its value must be read next; or
 * TRUE with *@name NULL at the closing '}', which is consumed. */
gboolean    sp_json_reader_next_member   (SpJsonReader      *reader,
                                          const char       **name,
                                          GError           **error);
/* Consumes the '['. */
gboolean    sp_json_reader_enter_array   (SpJsonReader      *reader,
                                          GError           **error);
/* TRUE with *@more TRUE before each element, which must be read next; TRUE
 * with *@more FALSE at the closing ']', which is consumed. */
gboolean    sp_json_reader_next_element  (SpJsonReader      *reader,
                                          gboolean          *more,
                                          GError           **error);

/* A number without fraction or exponent, in the range of gint64. */
gboolean    sp_json_reader_read_int      (SpJsonReader      *reader,
                                          gint64            *value,
                                          GError           **error);
gboolean    sp_json_reader_read_bool     (SpJsonReader      *reader,
                                          gboolean          *value,
                                          GError           **error);
/* A string, unescaped and valid until the next call on the reader, or
 * NULL for a JSON null. */
gboolean    sp_json_reader_read_string   (SpJsonReader      *reader,
                                          const char       **value,
                                          GError           **error);
/* Skips one value of any kind, checking all of it; its text, without the
 * whitespace around it, in @start and @length if asked for. */
gboolean    sp_json_reader_skip          (SpJsonReader      *reader,
                                          const char       **start,
                                          gsize             *length,
                                          GError           **error);
/* Only whitespace is left (every object and array entered was left). */
gboolean    sp_json_reader_end           (SpJsonReader      *reader,
                                          GError           **error);

/* Reads one object into @entity with exactly the rules of sp_json_decode():
 * the same modes, groups, lists of flags, and the same SP_ERROR_INVALID
 * errors naming the field. The whole object is read first, so a grammar
 * error anywhere in it comes before any field's error; after a field's
 * error the reader stands after the object and may go on. When a member
 * is given twice, the later one counts, as in sp_json_decode(). */
gboolean    sp_json_read_entity          (SpJsonReader      *reader,
                                          SpEntity          *entity,
                                          SpJsonDecodeMode   mode,
                                          GPtrArray         *fields_set,
                                          GError           **error);
/* Reads one object into a new entity of @type. */
gpointer    sp_json_read_entity_new      (SpJsonReader      *reader,
                                          GType              type,
                                          SpJsonDecodeMode   mode,
                                          GError           **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpJsonReader, sp_json_reader_clear)

G_END_DECLS
