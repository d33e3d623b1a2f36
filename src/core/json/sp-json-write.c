/* sp-json-write.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-json-write.h"

void
sp_json_write_string (GString    *out,
                      const char *text)
{
  static const char hex[] = "0123456789abcdef";
  const char *run;

  if (text == NULL)
    {
      g_string_append_len (out, "null", 4);
      return;
    }

  g_string_append_c (out, '"');
  run = text;
  for (const char *p = text; *p != 0; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"':  g_string_append_len (out, "\\\"", 2); break;
        case '\\': g_string_append_len (out, "\\\\", 2); break;
        case '\n': g_string_append_len (out, "\\n", 2); break;
        case '\r': g_string_append_len (out, "\\r", 2); break;
        case '\t': g_string_append_len (out, "\\t", 2); break;
        case '\b': g_string_append_len (out, "\\b", 2); break;
        case '\f': g_string_append_len (out, "\\f", 2); break;
        default:
          g_string_append_len (out, "\\u00", 4);
          g_string_append_c (out, hex[c >> 4]);
          g_string_append_c (out, hex[c & 0xf]);
          break;
        }
    }
  g_string_append_len (out, run, strlen (run));
  g_string_append_c (out, '"');
}

static void
write_value (GString           *out,
             SpEntity          *entity,
             const SpField     *field,
             SpJsonEncodeFlags  flags)
{
  gint64 v;

  if ((flags & SP_JSON_ENCODE_REDACT_PERSONAL) && sp_field_is_personal (field))
    {
      g_string_append_len (out, "null", 4);
      return;
    }

  switch (field->type)
    {
    case SP_FIELD_STRING:
      sp_json_write_string (out, sp_entity_get_string (entity, field));
      return;

    case SP_FIELD_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, sp_entity_get_int (entity, field));
      return;

    case SP_FIELD_BOOL:
      if (sp_entity_get_int (entity, field))
        g_string_append_len (out, "true", 4);
      else
        g_string_append_len (out, "false", 5);
      return;

    case SP_FIELD_FLAGS:
      {
        gboolean first = TRUE;

        v = sp_entity_get_int (entity, field);
        g_string_append_c (out, '[');
        for (guint i = 0; i < field->enum_info->n_values; i++)
          if (v & (1u << i))
            {
              if (!first)
                g_string_append_c (out, ',');
              sp_json_write_string (out, field->enum_info->values[i].name);
              first = FALSE;
            }
        g_string_append_c (out, ']');
        return;
      }

    case SP_FIELD_DATE:
    case SP_FIELD_TIMESTAMP:
    case SP_FIELD_ENUM:
      {
        g_autofree char *text = sp_entity_field_to_string (entity, field);

        sp_json_write_string (out, text);
        return;
      }

    default:
      g_assert_not_reached ();
    }
}

static void
write_member (GString           *out,
              const char        *name,
              gboolean          *first,
              SpEntity          *entity,
              const SpField     *field,
              SpJsonEncodeFlags  flags)
{
  if (!*first)
    g_string_append_c (out, ',');
  *first = FALSE;
  sp_json_write_string (out, name);
  g_string_append_c (out, ':');
  if (field != NULL)
    write_value (out, entity, field, flags);
}

/* Members in field order; the fields of a group together, in one nested
 * object where the group's first field stands, as sp_json_encode() does. */
void
sp_json_write_entity (GString           *out,
                      SpEntity          *entity,
                      SpJsonEncodeFlags  flags)
{
  const SpEntityInfo *info;
  gboolean first = TRUE;

  g_return_if_fail (SP_IS_ENTITY (entity));

  info = sp_entity_get_info (entity);
  g_string_append_c (out, '{');

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];
      gboolean written = FALSE;
      gboolean inner_first = TRUE;

      if (field->group == NULL)
        {
          write_member (out, field->name, &first, entity, field, flags);
          continue;
        }

      for (guint j = 0; j < i && !written; j++)
        written = g_strcmp0 (info->fields[j].group, field->group) == 0;
      if (written)
        continue;

      write_member (out, field->group, &first, entity, NULL, flags);
      g_string_append_c (out, '{');
      for (guint j = i; j < info->n_fields; j++)
        if (g_strcmp0 (info->fields[j].group, field->group) == 0)
          write_member (out, info->fields[j].member, &inner_first, entity, &info->fields[j], flags);
      g_string_append_c (out, '}');
    }

  g_string_append_c (out, '}');
}
