/* sp-json.c
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
  if (whole)
    {
      g_autofree char *text = g_strndup (data + *pos, i - *pos);
      gint64 value;

      if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
        return FALSE;
    }

  *pos = i;
  return TRUE;
}

static guint
hex4 (const char *p)
{
  guint value = 0;

  for (guint i = 0; i < 4; i++)
    value = value * 16 + g_ascii_xdigit_value (p[i]);
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
  guint unit, after;

  if (i + 5 >= length)
    return 0;
  for (gsize h = i + 2; h < i + 6; h++)
    if (!g_ascii_isxdigit (data[h]))
      return 0;

  unit = hex4 (data + i + 2);
  if (unit >= 0xdc00 && unit <= 0xdfff)
    return 0;
  if (unit < 0xd800 || unit > 0xdbff)
    return 6;

  if (i + 11 >= length || data[i + 6] != '\\' || data[i + 7] != 'u')
    return 0;
  for (gsize h = i + 8; h < i + 12; h++)
    if (!g_ascii_isxdigit (data[h]))
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

char *
sp_json_to_string (JsonNode *node,
                   gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, pretty);
  return json_generator_to_data (generator, NULL);
}

JsonNode *
sp_json_encode_field (SpEntity      *entity,
                      const SpField *field)
{
  JsonNode *node;
  gint64 v;

  if (field->type == SP_FIELD_STRING)
    {
      const char *s = sp_entity_get_string (entity, field);

      if (s == NULL)
        return json_node_new (JSON_NODE_NULL);
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, s);
      return node;
    }

  v = sp_entity_get_int (entity, field);

  switch (field->type)
    {
    case SP_FIELD_INT:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_int (node, v);
      return node;

    case SP_FIELD_BOOL:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, v != 0);
      return node;

    case SP_FIELD_FLAGS:
      {
        JsonArray *array = json_array_new ();

        for (guint i = 0; i < field->enum_info->n_values; i++)
          if (v & (1u << i))
            json_array_add_string_element (array, field->enum_info->values[i].name);

        node = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (node, array);
        return node;
      }

    case SP_FIELD_DATE:
    case SP_FIELD_TIMESTAMP:
    case SP_FIELD_ENUM:
      {
        g_autofree char *text = sp_entity_field_to_string (entity, field);

        if (text == NULL)
          return json_node_new (JSON_NODE_NULL);
        node = json_node_new (JSON_NODE_VALUE);
        json_node_set_string (node, text);
        return node;
      }

    case SP_FIELD_STRING:
    default:
      g_assert_not_reached ();
    }
}

JsonNode *
sp_json_encode (SpEntity          *entity,
                SpJsonEncodeFlags  flags)
{
  const SpEntityInfo *info;
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (SP_IS_ENTITY (entity), NULL);

  info = sp_entity_get_info (entity);
  object = json_object_new ();

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];
      JsonObject *target = object;
      JsonNode *value;

      if ((flags & SP_JSON_ENCODE_REDACT_PERSONAL) && sp_field_is_personal (field))
        value = json_node_new (JSON_NODE_NULL);
      else
        value = sp_json_encode_field (entity, field);

      if (field->group != NULL)
        {
          if (!json_object_has_member (object, field->group))
            json_object_set_object_member (object, field->group, json_object_new ());
          target = json_object_get_object_member (object, field->group);
          json_object_set_member (target, field->member, value);
        }
      else
        json_object_set_member (target, field->name, value);
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

/* Decoding. The JsonNode path below and the streaming reader in
 * sp-json-read.c describe each member as an SpJsonValue and share
 * everything from there on (sp-json-private.h). */

static GMutex index_lock;
static GHashTable *indexes; /* const SpEntityInfo * → SpJsonIndex *, never freed */

static int
group_of (const SpJsonIndex *index,
          const char        *group)
{
  return _sp_json_index_lookup (index, group) - (int)index->n_fields;
}

static SpJsonIndex *
index_new (const SpEntityInfo *info)
{
  SpJsonIndex *index = g_new0 (SpJsonIndex, 1);

  index->info = info;
  index->n_fields = info->n_fields;
  index->group_names = g_new0 (const char *, info->n_fields + 1);
  index->members = g_hash_table_new (g_str_hash, g_str_equal);

  /* A group wins over a field of the same name, as is_group() made it. */
  for (guint i = 0; i < info->n_fields; i++)
    {
      const char *group = info->fields[i].group;

      if (group != NULL && !g_hash_table_contains (index->members, group))
        {
          index->group_names[index->n_groups] = group;
          g_hash_table_insert (index->members, (gpointer)group,
                               GINT_TO_POINTER (info->n_fields + index->n_groups + 1));
          index->n_groups++;
        }
    }

  index->n_keys = info->n_fields + index->n_groups;
  index->group_members = g_new0 (GHashTable *, index->n_groups + 1);
  for (guint g = 0; g < index->n_groups; g++)
    index->group_members[g] = g_hash_table_new (g_str_hash, g_str_equal);

  /* The first field of a name wins, as a linear search made it. */
  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];
      GHashTable *table = index->members;
      const char *name = field->name;

      if (field->group != NULL)
        {
          table = index->group_members[group_of (index, field->group)];
          name = field->member;
        }

      if (!g_hash_table_contains (table, name))
        g_hash_table_insert (table, (gpointer)name, GINT_TO_POINTER (i + 1));
    }

  return index;
}

const SpJsonIndex *
_sp_json_index_get (const SpEntityInfo *info)
{
  SpJsonIndex *index;

  g_mutex_lock (&index_lock);

  if (indexes == NULL)
    indexes = g_hash_table_new (NULL, NULL);

  if ((index = g_hash_table_lookup (indexes, info)) == NULL)
    {
      index = index_new (info);
      g_hash_table_insert (indexes, (gpointer)info, index);
    }

  g_mutex_unlock (&index_lock);

  return index;
}

int
_sp_json_index_lookup (const SpJsonIndex *index,
                       const char        *name)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (index->members, name)) - 1;
}

int
_sp_json_index_lookup_member (const SpJsonIndex *index,
                              guint              group,
                              const char        *member)
{
  g_assert (group < index->n_groups);

  return GPOINTER_TO_INT (g_hash_table_lookup (index->group_members[group], member)) - 1;
}

const char *
_sp_json_index_key_name (const SpJsonIndex *index,
                         int                key)
{
  const SpField *field;

  g_assert (key >= 0 && (guint)key < index->n_keys);

  if ((guint)key >= index->n_fields)
    return index->group_names[key - index->n_fields];

  field = &index->info->fields[key];
  return field->group != NULL ? field->member : field->name;
}

static gboolean
invalid (GError        **error,
         const SpField  *field,
         const char     *reason)
{
  g_autofree char *path = sp_field_dup_path (field);

  sp_set_field_error (error, SP_ERROR_INVALID, path, "%s: %s", path, reason);
  return FALSE;
}

gboolean
_sp_json_decode_value (SpEntity           *entity,
                       const SpField      *field,
                       const SpJsonValue  *value,
                       GError            **error)
{
  if (value->kind == SP_JSON_VALUE_NULL)
    {
      if (field->flags & SP_FIELD_REQUIRED)
        return invalid (error, field, _("is required"));
      return sp_entity_field_from_string (entity, field, NULL, error);
    }

  if (field->type == SP_FIELD_FLAGS)
    {
      guint bits = 0;

      if (value->kind != SP_JSON_VALUE_ARRAY)
        return invalid (error, field, _("must be a list"));

      for (guint i = 0; i < value->n_elements; i++)
        {
          const SpJsonValue *element = &value->elements[i];
          int v;

          if (element->kind != SP_JSON_VALUE_STRING)
            return invalid (error, field, _("must be a list of names"));
          if (!sp_enum_from_name (field->enum_info, element->string, &v))
            return invalid (error, field, _("unknown value"));
          bits |= 1u << v;
        }

      sp_entity_set_int (entity, field, bits);
      return TRUE;
    }

  if (value->kind == SP_JSON_VALUE_ARRAY || value->kind == SP_JSON_VALUE_OBJECT)
    return invalid (error, field, _("has the wrong type"));

  switch (field->type)
    {
    case SP_FIELD_INT:
      if (value->kind != SP_JSON_VALUE_INT)
        return invalid (error, field, _("must be a whole number"));
      sp_entity_set_int (entity, field, value->integer);
      return TRUE;

    case SP_FIELD_BOOL:
      if (value->kind != SP_JSON_VALUE_BOOL)
        return invalid (error, field, _("must be true or false"));
      sp_entity_set_int (entity, field, value->integer != 0);
      return TRUE;

    case SP_FIELD_STRING:
    case SP_FIELD_DATE:
    case SP_FIELD_TIMESTAMP:
    case SP_FIELD_ENUM:
      if (value->kind != SP_JSON_VALUE_STRING)
        return invalid (error, field, _("must be a string"));
      if ((field->flags & SP_FIELD_REQUIRED) && value->string[0] == 0)
        return invalid (error, field, _("is required"));
      return sp_entity_field_from_string (entity, field, value->string, error);

    case SP_FIELD_FLAGS:
    default:
      g_assert_not_reached ();
    }
}

static void
value_from_node (JsonNode    *node,
                 SpJsonValue *value)
{
  *value = (SpJsonValue) { SP_JSON_VALUE_NULL, 0, NULL, NULL, 0 };

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      value->kind = SP_JSON_VALUE_OBJECT;
      break;

    case JSON_NODE_ARRAY:
      value->kind = SP_JSON_VALUE_ARRAY;
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          value->kind = SP_JSON_VALUE_INT;
          value->integer = json_node_get_int (node);
          break;

        case G_TYPE_BOOLEAN:
          value->kind = SP_JSON_VALUE_BOOL;
          value->integer = json_node_get_boolean (node) != FALSE;
          break;

        case G_TYPE_STRING:
          value->kind = SP_JSON_VALUE_STRING;
          value->string = json_node_get_string (node);
          if (value->string == NULL)
            value->kind = SP_JSON_VALUE_NULL;
          break;

        default:
          value->kind = SP_JSON_VALUE_DOUBLE;
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }
}

/* Describes @node in @value. A list for a FLAGS field needs its elements
 * described too: they are returned, for the caller to free. */
static SpJsonValue *
describe_node (JsonNode      *node,
               const SpField *field,
               SpJsonValue   *value)
{
  SpJsonValue *elements;
  JsonArray *array;
  guint n;

  value_from_node (node, value);

  if (value->kind != SP_JSON_VALUE_ARRAY || field->type != SP_FIELD_FLAGS)
    return NULL;

  array = json_node_get_array (node);
  n = array != NULL ? json_array_get_length (array) : 0;
  elements = g_new (SpJsonValue, n + 1);
  for (guint i = 0; i < n; i++)
    value_from_node (json_array_get_element (array, i), &elements[i]);

  value->elements = elements;
  value->n_elements = n;
  return elements;
}

gboolean
sp_json_decode_field (SpEntity       *entity,
                      const SpField  *field,
                      JsonNode       *value,
                      GError        **error)
{
  g_autofree SpJsonValue *elements = NULL;
  SpJsonValue v;

  elements = describe_node (value, field, &v);
  return _sp_json_decode_value (entity, field, &v, error);
}

gboolean
_sp_json_unknown_member (GError     **error,
                         const char  *group,
                         const char  *member)
{
  g_autofree char *path = group ? g_strdup_printf ("%s.%s", group, member) : g_strdup (member);

  sp_set_field_error (error, SP_ERROR_INVALID, path, _("%s: unknown field"), path);
  return FALSE;
}

gboolean
_sp_json_not_an_object (GError **error)
{
  sp_set_field_error (error, SP_ERROR_INVALID, NULL, _("Expected a JSON object"));
  return FALSE;
}

gboolean
_sp_json_group_not_object (GError     **error,
                           const char  *group)
{
  sp_set_field_error (error, SP_ERROR_INVALID, group, _("%s: must be an object"), group);
  return FALSE;
}

/* Every date a client gives lies in the bounds of sp-date.h, so that it
 * and every deadline counted from it can be written as YYYY-MM-DD. */
static gboolean
check_date (SpEntity       *entity,
            const SpField  *field,
            GError        **error)
{
  SpDate date = (SpDate)sp_entity_get_int (entity, field);
  g_autofree char *reason = NULL;

  if (date == SP_DATE_NONE || sp_date_in_range (date))
    return TRUE;

  reason = g_strdup_printf (_("must be a date from %d-01-01 to %d-12-31"),
                            SP_DATE_FIRST_YEAR, SP_DATE_LAST_YEAR);
  sp_entity_set_int (entity, field, SP_DATE_NONE);
  return invalid (error, field, reason);
}

static gboolean
check_received (SpEntity       *entity,
                const SpField  *field,
                GError        **error)
{
  SpDate date = (SpDate)sp_entity_get_int (entity, field);

  if (date == SP_DATE_NONE)
    return TRUE;

  if (date > sp_date_today_in_organisation ())
    return invalid (error, field, _("cannot be in the future"));

  if (date < sp_date_new (SP_DATE_RECEIVED_FIRST_YEAR, 1, 1))
    {
      g_autofree char *reason = g_strdup_printf (_("cannot be before %d-01-01"),
                                                 SP_DATE_RECEIVED_FIRST_YEAR);

      return invalid (error, field, reason);
    }

  return TRUE;
}

gboolean
_sp_json_decode_member (SpEntity            *entity,
                        const SpField       *field,
                        const SpJsonValue   *value,
                        SpJsonDecodeMode     mode,
                        GPtrArray           *fields_set,
                        GError             **error)
{
  if (mode != SP_JSON_DECODE_FULL && (field->flags & (SP_FIELD_SERVER | SP_FIELD_COMPUTED)))
    return invalid (error, field, _("is kept by the server and cannot be set"));

  if (!_sp_json_decode_value (entity, field, value, error))
    return FALSE;

  /* What a client gives is held to the bounds; a record as the server
   * stored it (FULL: the change feed, an export) is taken as any
   * YYYY-MM-DD, whatever day the reader's clock says it is, so that a
   * date stored before the bounds were kept cannot stop a sync. */
  if (mode != SP_JSON_DECODE_FULL && field->type == SP_FIELD_DATE &&
      (!check_date (entity, field, error) ||
       ((field->flags & SP_FIELD_RECEIVED) && !check_received (entity, field, error))))
    return FALSE;

  if (fields_set != NULL)
    g_ptr_array_add (fields_set, (gpointer)field);

  return TRUE;
}

gboolean
_sp_json_check_required (SpEntity             *entity,
                         SpJsonDecodeMode      mode,
                         SpJsonHasMemberFunc   has_member,
                         gpointer              user_data,
                         GError              **error)
{
  const SpEntityInfo *info = sp_entity_get_info (entity);

  if (mode != SP_JSON_DECODE_CREATE && mode != SP_JSON_DECODE_FULL)
    return TRUE;

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];

      if (!(field->flags & SP_FIELD_REQUIRED))
        continue;

      /* An enum's first value looks the same as no value: ask the text. */
      if (field->type == SP_FIELD_ENUM)
        {
          if (!has_member (field->name, user_data))
            return invalid (error, field, _("is required"));
        }
      else if (!sp_entity_field_is_set (entity, field))
        return invalid (error, field, _("is required"));
    }

  return TRUE;
}

static gboolean
decode_member (SpEntity            *entity,
               const SpJsonIndex   *index,
               int                  group,
               const char          *member,
               JsonNode            *node,
               SpJsonDecodeMode     mode,
               GPtrArray           *fields_set,
               GError             **error)
{
  const char *group_name = group >= 0 ? index->group_names[group] : NULL;
  g_autofree SpJsonValue *elements = NULL;
  const SpField *field;
  SpJsonValue value;
  int key;

  if (!g_utf8_validate (member, -1, NULL))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, NULL, _("A member name is not valid UTF-8"));
      return FALSE;
    }

  key = group >= 0 ? _sp_json_index_lookup_member (index, group, member)
                   : _sp_json_index_lookup (index, member);
  if (key < 0 || (guint)key >= index->n_fields)
    return _sp_json_unknown_member (error, group_name, member);

  field = &index->info->fields[key];
  elements = describe_node (node, field, &value);
  return _sp_json_decode_member (entity, field, &value, mode, fields_set, error);
}

static gboolean
object_has_member (const char *name,
                   gpointer    user_data)
{
  return json_object_get_member (user_data, name) != NULL;
}

gboolean
sp_json_decode (SpEntity          *entity,
                JsonNode          *node,
                SpJsonDecodeMode   mode,
                GPtrArray         *fields_set,
                GError           **error)
{
  const SpJsonIndex *index;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  JsonObject *object;

  g_return_val_if_fail (SP_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  index = _sp_json_index_get (sp_entity_get_info (entity));

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _sp_json_not_an_object (error);

  object = json_node_get_object (node);
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &value))
    {
      int key = _sp_json_index_lookup (index, name);

      if (key >= (int)index->n_fields)
        {
          int group = key - index->n_fields;
          JsonObjectIter inner;
          const char *member;
          JsonNode *inner_value;

          if (JSON_NODE_HOLDS_NULL (value) && mode != SP_JSON_DECODE_CREATE)
            continue;
          if (!JSON_NODE_HOLDS_OBJECT (value))
            return _sp_json_group_not_object (error, name);

          json_object_iter_init (&inner, json_node_get_object (value));
          while (json_object_iter_next (&inner, &member, &inner_value))
            if (!decode_member (entity, index, group, member, inner_value, mode, fields_set, error))
              return FALSE;
        }
      else if (!decode_member (entity, index, -1, name, value, mode, fields_set, error))
        return FALSE;
    }

  return _sp_json_check_required (entity, mode, object_has_member, object, error);
}

gpointer
sp_json_decode_new (GType              type,
                    JsonNode          *node,
                    SpJsonDecodeMode   mode,
                    GError           **error)
{
  g_autoptr(SpEntity) entity = sp_entity_new (type);

  if (!sp_json_decode (entity, node, mode, NULL, error))
    return NULL;

  return g_steal_pointer (&entity);
}
