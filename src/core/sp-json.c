/* sp-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-error.h"
#include "sp-json.h"

/* Checks what json-glib's lenient scanner lets through (single quotes,
 * comments, raw control characters in strings) and counts how deep brackets
 * nest before handing the text to the parser, so that a hostile body cannot
 * make the recursive parser run out of stack. */
static gboolean
scan_text (const char *data,
           gsize       length,
           guint      *deepest_out)
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
            i++;
          else if (c == '"')
            {
              in_string = FALSE;
              complete |= depth == 0;
            }
          continue;
        }

      if (strchr (allowed, c) == NULL && c != '"')
        return FALSE;

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
  guint depth = 0;

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

  if (!scan_text (data, length, &depth))
    {
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

      if ((flags & SP_JSON_ENCODE_REDACT_PERSONAL) && (field->flags & SP_FIELD_PERSONAL))
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
sp_json_decode_field (SpEntity       *entity,
                      const SpField  *field,
                      JsonNode       *value,
                      GError        **error)
{
  GType vtype;

  if (JSON_NODE_HOLDS_NULL (value))
    {
      if (field->flags & SP_FIELD_REQUIRED)
        return invalid (error, field, _("is required"));
      return sp_entity_field_from_string (entity, field, NULL, error);
    }

  if (field->type == SP_FIELD_FLAGS)
    {
      JsonArray *array;
      guint bits = 0;

      if (!JSON_NODE_HOLDS_ARRAY (value))
        return invalid (error, field, _("must be a list"));

      array = json_node_get_array (value);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          int v;

          if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
            return invalid (error, field, _("must be a list of names"));
          if (!sp_enum_from_name (field->enum_info, json_node_get_string (element), &v))
            return invalid (error, field, _("unknown value"));
          bits |= 1u << v;
        }

      sp_entity_set_int (entity, field, bits);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (value))
    return invalid (error, field, _("has the wrong type"));

  vtype = json_node_get_value_type (value);

  switch (field->type)
    {
    case SP_FIELD_INT:
      if (vtype != G_TYPE_INT64)
        return invalid (error, field, _("must be a whole number"));
      sp_entity_set_int (entity, field, json_node_get_int (value));
      return TRUE;

    case SP_FIELD_BOOL:
      if (vtype != G_TYPE_BOOLEAN)
        return invalid (error, field, _("must be true or false"));
      sp_entity_set_int (entity, field, json_node_get_boolean (value));
      return TRUE;

    case SP_FIELD_STRING:
    case SP_FIELD_DATE:
    case SP_FIELD_TIMESTAMP:
    case SP_FIELD_ENUM:
      if (vtype != G_TYPE_STRING)
        return invalid (error, field, _("must be a string"));
      if ((field->flags & SP_FIELD_REQUIRED) && json_node_get_string (value)[0] == 0)
        return invalid (error, field, _("is required"));
      return sp_entity_field_from_string (entity, field, json_node_get_string (value), error);

    case SP_FIELD_FLAGS:
    default:
      g_assert_not_reached ();
    }
}

static const SpField *
lookup_member (const SpEntityInfo *info,
               const char         *group,
               const char         *member)
{
  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];

      if (group == NULL && field->group == NULL && strcmp (field->name, member) == 0)
        return field;
      if (group != NULL && g_strcmp0 (field->group, group) == 0 &&
          strcmp (field->member, member) == 0)
        return field;
    }

  return NULL;
}

static gboolean
is_group (const SpEntityInfo *info,
          const char         *name)
{
  for (guint i = 0; i < info->n_fields; i++)
    if (g_strcmp0 (info->fields[i].group, name) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
decode_member (SpEntity            *entity,
               const SpEntityInfo  *info,
               const char          *group,
               const char          *member,
               JsonNode            *value,
               SpJsonDecodeMode     mode,
               GPtrArray           *fields_set,
               GError             **error)
{
  const SpField *field;

  if (!g_utf8_validate (member, -1, NULL))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, NULL, _("A member name is not valid UTF-8"));
      return FALSE;
    }

  if ((field = lookup_member (info, group, member)) == NULL)
    {
      g_autofree char *path = group ? g_strdup_printf ("%s.%s", group, member) : g_strdup (member);

      sp_set_field_error (error, SP_ERROR_INVALID, path, _("%s: unknown field"), path);
      return FALSE;
    }

  if (mode != SP_JSON_DECODE_FULL && (field->flags & (SP_FIELD_SERVER | SP_FIELD_COMPUTED)))
    return invalid (error, field, _("is kept by the server and cannot be set"));

  if (!sp_json_decode_field (entity, field, value, error))
    return FALSE;

  if (fields_set != NULL)
    g_ptr_array_add (fields_set, (gpointer)field);

  return TRUE;
}

gboolean
sp_json_decode (SpEntity          *entity,
                JsonNode          *node,
                SpJsonDecodeMode   mode,
                GPtrArray         *fields_set,
                GError           **error)
{
  const SpEntityInfo *info;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  JsonObject *object;

  g_return_val_if_fail (SP_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  info = sp_entity_get_info (entity);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, NULL, _("Expected a JSON object"));
      return FALSE;
    }

  object = json_node_get_object (node);
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &value))
    {
      if (is_group (info, name))
        {
          JsonObjectIter inner;
          const char *member;
          JsonNode *inner_value;

          if (JSON_NODE_HOLDS_NULL (value) && mode != SP_JSON_DECODE_CREATE)
            continue;
          if (!JSON_NODE_HOLDS_OBJECT (value))
            {
              sp_set_field_error (error, SP_ERROR_INVALID, name, _("%s: must be an object"), name);
              return FALSE;
            }

          json_object_iter_init (&inner, json_node_get_object (value));
          while (json_object_iter_next (&inner, &member, &inner_value))
            if (!decode_member (entity, info, name, member, inner_value, mode, fields_set, error))
              return FALSE;
        }
      else if (!decode_member (entity, info, NULL, name, value, mode, fields_set, error))
        return FALSE;
    }

  if (mode == SP_JSON_DECODE_CREATE || mode == SP_JSON_DECODE_FULL)
    {
      for (guint i = 0; i < info->n_fields; i++)
        {
          const SpField *field = &info->fields[i];

          if ((field->flags & SP_FIELD_REQUIRED) && !sp_entity_field_is_set (entity, field) &&
              field->type != SP_FIELD_ENUM)
            return invalid (error, field, _("is required"));

          if ((field->flags & SP_FIELD_REQUIRED) && field->type == SP_FIELD_ENUM)
            {
              JsonNode *given = json_object_get_member (object, field->name);

              if (given == NULL)
                return invalid (error, field, _("is required"));
            }
        }
    }

  return TRUE;
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
