/* sp-json.c: entities encoded into JsonNodes and decoded from them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text is parsed strictly in sp-json-parse.c.
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-error.h"
#include "sp-json-private.h"

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
 * sp-json-read-record.c describe each member as an SpJsonValue and share
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
