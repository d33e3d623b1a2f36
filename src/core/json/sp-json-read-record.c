/* sp-json-read-record.c: a whole record read with the scanner and decoded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sp_json_read_entity() reads a whole object into a compact list of
 * members first and decodes from that list, so that a grammar error always
 * wins over a field's error and a member given twice counts once, the
 * later, as in the JsonNode path.
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-json-read-private.h"

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

void
_sp_json_reader_record_free (SpJsonReaderRecord *record)
{
  g_array_unref (record->members);
  g_array_unref (record->elements);
  g_array_unref (record->values);
  g_array_unref (record->latest);
  g_string_free (record->arena, TRUE);
  g_free (record);
}

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

  if (!_sp_json_reader_push (reader, LEVEL_ARRAY, error))
    return FALSE;

  for (;;)
    {
      Element element = { SP_JSON_VALUE_NULL, 0 };
      gboolean more;

      if (!_sp_json_reader_element_begin (reader, &more, error))
        return FALSE;
      if (!more)
        return TRUE;

      skip_space (reader);
      if (reader->pos < reader->length && reader->data[reader->pos] == '"')
        {
          element.kind = SP_JSON_VALUE_STRING;
          element.string = record->arena->len;
          if (!_sp_json_reader_scan_string (reader, record->arena, error))
            return FALSE;
          g_string_append_c (record->arena, '\0');
        }
      else
        {
          if (reader->pos < reader->length)
            element.kind = kind_at (reader);
          if (!_sp_json_reader_skip_value (reader, error))
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
    return _sp_json_reader_fail_here (reader, _("expected a value"), error);

  switch (reader->data[reader->pos])
    {
    case '"':
      member->kind = SP_JSON_VALUE_STRING;
      member->string = record->arena->len;
      if (!_sp_json_reader_scan_string (reader, record->arena, error))
        return FALSE;
      g_string_append_c (record->arena, '\0');
      return TRUE;

    case 'n':
      member->kind = SP_JSON_VALUE_NULL;
      return _sp_json_reader_scan_literal (reader, "null", 4, error);

    case 't':
      member->kind = SP_JSON_VALUE_BOOL;
      member->integer = 1;
      return _sp_json_reader_scan_literal (reader, "true", 4, error);

    case 'f':
      member->kind = SP_JSON_VALUE_BOOL;
      member->integer = 0;
      return _sp_json_reader_scan_literal (reader, "false", 5, error);

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      if (!_sp_json_reader_scan_number (reader, &number, error))
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
      return _sp_json_reader_skip_value (reader, error);

    case '{':
      member->kind = SP_JSON_VALUE_OBJECT;
      return _sp_json_reader_skip_value (reader, error);

    default:
      return _sp_json_reader_fail_here (reader, _("expected a value"), error);
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

  if (!_sp_json_reader_push (reader, LEVEL_OBJECT, error))
    return FALSE;

  for (;;)
    {
      Member member = { 0 };
      gboolean found;
      guint at;

      g_string_truncate (reader->scratch, 0);
      if (!_sp_json_reader_member_begin (reader, reader->scratch, &found, error))
        return FALSE;
      if (!found)
        return TRUE;

      member.key = lookup (index, group, reader->scratch->str);
      at = record->members->len;

      if (member.key < 0)
        {
          member.name = record_add_text (record, reader->scratch->str);
          if (!_sp_json_reader_skip_value (reader, error))
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

  if (!_sp_json_reader_at_value (reader, error))
    return FALSE;

  /* Whatever else stands there must be valid JSON before it is the wrong
   * kind of value, as sp_json_parse() would have it. */
  if (reader->data[reader->pos] != '{')
    {
      saved = span_begin (reader);
      if (!span_end (reader, saved, FALSE, _sp_json_reader_skip_value (reader, error), error))
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
