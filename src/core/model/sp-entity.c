/* sp-entity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-entity.h"
#include "sp-error.h"

G_DEFINE_ABSTRACT_TYPE (SpEntity, sp_entity, G_TYPE_OBJECT)

#define FIELD_PTR(self, field) G_STRUCT_MEMBER_P ((self), (field)->offset)

static void
sp_entity_finalize (GObject *object)
{
  SpEntity *self = SP_ENTITY (object);
  const SpEntityInfo *info = sp_entity_get_info (self);

  /* Every string field is owned by the record, whatever its subclass. */
  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];

      if (field->type == SP_FIELD_STRING)
        g_clear_pointer ((char **)FIELD_PTR (self, field), g_free);
    }

  G_OBJECT_CLASS (sp_entity_parent_class)->finalize (object);
}

static void
sp_entity_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpEntity *self = SP_ENTITY (object);
  const SpEntityInfo *info = sp_entity_get_info (self);
  const SpField *field;

  if (prop_id == 0 || prop_id > info->n_fields)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  field = &info->fields[prop_id - 1];
  switch (field->type)
    {
    case SP_FIELD_STRING:
      g_value_set_string (value, sp_entity_get_string (self, field));
      break;
    case SP_FIELD_INT:
    case SP_FIELD_TIMESTAMP:
      g_value_set_int64 (value, sp_entity_get_int (self, field));
      break;
    case SP_FIELD_BOOL:
      g_value_set_boolean (value, sp_entity_get_int (self, field) != 0);
      break;
    case SP_FIELD_DATE:
    case SP_FIELD_FLAGS:
      g_value_set_uint (value, (guint)sp_entity_get_int (self, field));
      break;
    case SP_FIELD_ENUM:
      g_value_set_int (value, (int)sp_entity_get_int (self, field));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
sp_entity_class_init (SpEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_entity_finalize;
  object_class->get_property = sp_entity_get_property;
}

static GParamSpec *
field_pspec_new (const SpField *field)
{
  g_autofree char *name = g_strdelimit (g_strdup (field->name), "_", '-');
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                            G_PARAM_STATIC_NICK | G_PARAM_STATIC_BLURB;

  switch (field->type)
    {
    case SP_FIELD_STRING:
      return g_param_spec_string (name, NULL, NULL, NULL, flags);
    case SP_FIELD_INT:
    case SP_FIELD_TIMESTAMP:
      return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
    case SP_FIELD_BOOL:
      return g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
    case SP_FIELD_DATE:
    case SP_FIELD_FLAGS:
      return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0, flags);
    case SP_FIELD_ENUM:
      return g_param_spec_int (name, NULL, NULL, G_MININT, G_MAXINT, 0, flags);
    default:
      g_assert_not_reached ();
    }
}

void
sp_entity_class_install_fields (gpointer            klass,
                                const SpEntityInfo *info)
{
  SpEntityClass *entity_class = klass;

  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (klass), SP_TYPE_ENTITY));
  g_return_if_fail (info != NULL);

  entity_class->info = info;
  G_OBJECT_CLASS (klass)->get_property = sp_entity_get_property;
  /* Kept for the life of the program, as the class is. */
  entity_class->field_pspecs = g_new0 (GParamSpec *, info->n_fields + 1);
  for (guint i = 0; i < info->n_fields; i++)
    entity_class->field_pspecs[i + 1] = field_pspec_new (&info->fields[i]);

  g_object_class_install_properties (G_OBJECT_CLASS (klass), info->n_fields + 1,
                                     entity_class->field_pspecs);
}

GParamSpec *
sp_entity_find_field_pspec (SpEntity      *self,
                            const SpField *field)
{
  const SpEntityInfo *info;
  gsize i;

  g_return_val_if_fail (SP_IS_ENTITY (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  info = sp_entity_get_info (self);
  if (field < info->fields || field >= info->fields + info->n_fields)
    return NULL;

  i = field - info->fields;
  return SP_ENTITY_GET_CLASS (self)->field_pspecs[i + 1];
}

static void
notify_field (SpEntity      *self,
              const SpField *field)
{
  GParamSpec *pspec = sp_entity_find_field_pspec (self, field);

  if (pspec != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
sp_entity_init (SpEntity *self)
{
}

const SpEntityInfo *
sp_entity_class_get_info (gpointer klass)
{
  g_return_val_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (klass), SP_TYPE_ENTITY), NULL);

  return ((SpEntityClass *)klass)->info;
}

const SpEntityInfo *
sp_entity_get_info (SpEntity *self)
{
  g_return_val_if_fail (SP_IS_ENTITY (self), NULL);

  return SP_ENTITY_GET_CLASS (self)->info;
}

const SpEntityInfo *
sp_entity_info_for_type (GType type)
{
  g_autoptr(GTypeClass) klass = NULL;

  g_return_val_if_fail (g_type_is_a (type, SP_TYPE_ENTITY), NULL);

  klass = g_type_class_ref (type);
  return ((SpEntityClass *)klass)->info;
}

const SpField *
sp_entity_info_lookup (const SpEntityInfo *info,
                       const char         *name)
{
  g_return_val_if_fail (info != NULL, NULL);

  if (name == NULL)
    return NULL;

  for (guint i = 0; i < info->n_fields; i++)
    {
      if (strcmp (info->fields[i].name, name) == 0)
        return &info->fields[i];
    }

  return NULL;
}

gboolean
sp_field_is_personal (const SpField *field)
{
  return field != NULL && (field->flags & (SP_FIELD_PERSONAL | SP_FIELD_FREE_TEXT)) != 0;
}

char *
sp_field_dup_path (const SpField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (field->group != NULL)
    return g_strdup_printf ("%s.%s", field->group, field->member);

  return g_strdup (field->name);
}

gpointer
sp_entity_new (GType type)
{
  g_return_val_if_fail (g_type_is_a (type, SP_TYPE_ENTITY), NULL);

  return g_object_new (type, NULL);
}

void
sp_entity_field_copy (SpEntity      *dest,
                      SpEntity      *src,
                      const SpField *field)
{
  /* Through the setters, so that @dest notifies what changes. */
  if (field->type == SP_FIELD_STRING)
    sp_entity_set_string (dest, field, sp_entity_get_string (src, field));
  else
    sp_entity_set_int (dest, field, sp_entity_get_int (src, field));
}

gpointer
sp_entity_copy (SpEntity *self)
{
  const SpEntityInfo *info;
  SpEntity *copy;

  g_return_val_if_fail (SP_IS_ENTITY (self), NULL);

  info = sp_entity_get_info (self);
  copy = g_object_new (G_OBJECT_TYPE (self), NULL);

  for (guint i = 0; i < info->n_fields; i++)
    sp_entity_field_copy (copy, self, &info->fields[i]);

  return copy;
}

void
sp_entity_ensure_id (SpEntity *self)
{
  g_return_if_fail (SP_IS_ENTITY (self));

  if (self->id == NULL)
    self->id = g_uuid_string_random ();
}

gboolean
sp_is_uuid (const char *text)
{
  return text != NULL && g_uuid_string_is_valid (text);
}

const char *
sp_entity_get_string (SpEntity      *self,
                      const SpField *field)
{
  g_return_val_if_fail (field->type == SP_FIELD_STRING, NULL);

  return *(char **)FIELD_PTR (self, field);
}

void
sp_entity_set_string (SpEntity      *self,
                      const SpField *field,
                      const char    *value)
{
  char **p;

  g_return_if_fail (field->type == SP_FIELD_STRING);

  p = FIELD_PTR (self, field);
  if (*p != value)
    {
      gboolean changed = g_strcmp0 (*p, value) != 0;

      g_free (*p);
      *p = g_strdup (value);
      if (changed)
        notify_field (self, field);
    }
}

gint64
sp_entity_get_int (SpEntity      *self,
                   const SpField *field)
{
  gpointer p = FIELD_PTR (self, field);

  switch (field->type)
    {
    case SP_FIELD_INT:
    case SP_FIELD_TIMESTAMP:
      return *(gint64 *)p;
    case SP_FIELD_BOOL:
      return *(gboolean *)p ? 1 : 0;
    case SP_FIELD_DATE:
      return *(SpDate *)p;
    case SP_FIELD_ENUM:
      return *(int *)p;
    case SP_FIELD_FLAGS:
      return *(guint *)p;
    case SP_FIELD_STRING:
    default:
      g_return_val_if_reached (0);
    }
}

void
sp_entity_set_int (SpEntity      *self,
                   const SpField *field,
                   gint64         value)
{
  gpointer p = FIELD_PTR (self, field);

  if (field->type != SP_FIELD_STRING && sp_entity_get_int (self, field) ==
      (field->type == SP_FIELD_BOOL ? (value != 0) : value))
    return;

  switch (field->type)
    {
    case SP_FIELD_INT:
    case SP_FIELD_TIMESTAMP:
      *(gint64 *)p = value;
      break;
    case SP_FIELD_BOOL:
      *(gboolean *)p = value != 0;
      break;
    case SP_FIELD_DATE:
      *(SpDate *)p = (SpDate)value;
      break;
    case SP_FIELD_ENUM:
      *(int *)p = (int)value;
      break;
    case SP_FIELD_FLAGS:
      *(guint *)p = (guint)value;
      break;
    case SP_FIELD_STRING:
    default:
      g_return_if_reached ();
    }

  notify_field (self, field);
}

gboolean
sp_entity_field_is_set (SpEntity      *self,
                        const SpField *field)
{
  if (field->type == SP_FIELD_STRING)
    return sp_entity_get_string (self, field) != NULL;

  return sp_entity_get_int (self, field) != 0;
}

char *
sp_entity_field_to_string (SpEntity      *self,
                           const SpField *field)
{
  gint64 v;

  g_return_val_if_fail (SP_IS_ENTITY (self), NULL);

  if (field->type == SP_FIELD_STRING)
    return g_strdup (sp_entity_get_string (self, field));

  v = sp_entity_get_int (self, field);

  switch (field->type)
    {
    case SP_FIELD_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, v);

    case SP_FIELD_BOOL:
      return g_strdup (v ? "true" : "false");

    case SP_FIELD_DATE:
      return sp_date_to_string ((SpDate)v);

    case SP_FIELD_TIMESTAMP:
      return sp_timestamp_to_string (v);

    case SP_FIELD_ENUM:
      return g_strdup (sp_enum_to_name (field->enum_info, (int)v));

    case SP_FIELD_FLAGS:
      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) names = NULL;

        for (guint i = 0; i < field->enum_info->n_values; i++)
          if (v & (1u << i))
            g_strv_builder_add (builder, field->enum_info->values[i].name);

        names = g_strv_builder_end (builder);
        return g_strjoinv (",", names);
      }

    case SP_FIELD_STRING:
    default:
      g_assert_not_reached ();
    }
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
sp_entity_field_from_string (SpEntity       *self,
                             const SpField  *field,
                             const char     *text,
                             GError        **error)
{
  g_return_val_if_fail (SP_IS_ENTITY (self), FALSE);

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return invalid (error, field, _("not valid UTF-8"));

  if (text == NULL)
    {
      if (field->type == SP_FIELD_STRING)
        sp_entity_set_string (self, field, NULL);
      else
        sp_entity_set_int (self, field, 0);
      return TRUE;
    }

  switch (field->type)
    {
    case SP_FIELD_STRING:
      /* No more bytes than allowed characters: short enough, uncounted. */
      if (field->max_length > 0 && strlen (text) > field->max_length &&
          g_utf8_strlen (text, -1) > field->max_length)
        return invalid (error, field, _("too long"));
      if ((field->flags & SP_FIELD_UUID) && !sp_is_uuid (text))
        return invalid (error, field, _("not a valid identifier"));
      sp_entity_set_string (self, field, text);
      return TRUE;

    case SP_FIELD_INT:
      {
        gint64 v;

        if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &v, NULL))
          return invalid (error, field, _("not a whole number"));
        sp_entity_set_int (self, field, v);
        return TRUE;
      }

    case SP_FIELD_BOOL:
      if (strcmp (text, "true") == 0 || strcmp (text, "1") == 0)
        sp_entity_set_int (self, field, TRUE);
      else if (strcmp (text, "false") == 0 || strcmp (text, "0") == 0)
        sp_entity_set_int (self, field, FALSE);
      else
        return invalid (error, field, _("not true or false"));
      return TRUE;

    case SP_FIELD_DATE:
      {
        SpDate d;

        if (!sp_date_parse (text, &d))
          return invalid (error, field, _("not a valid date (YYYY-MM-DD)"));
        sp_entity_set_int (self, field, d);
        return TRUE;
      }

    case SP_FIELD_TIMESTAMP:
      {
        gint64 t;

        if (!sp_timestamp_parse (text, &t))
          return invalid (error, field, _("not a valid time (ISO 8601)"));
        sp_entity_set_int (self, field, t);
        return TRUE;
      }

    case SP_FIELD_ENUM:
      {
        int v;

        if (!sp_enum_from_name (field->enum_info, text, &v))
          return invalid (error, field, _("unknown value"));
        sp_entity_set_int (self, field, v);
        return TRUE;
      }

    case SP_FIELD_FLAGS:
      {
        g_auto(GStrv) names = g_strsplit (text, ",", -1);
        guint bits = 0;

        for (guint i = 0; names[i] != NULL; i++)
          {
            int v;

            if (names[i][0] == 0)
              continue;
            if (!sp_enum_from_name (field->enum_info, names[i], &v))
              return invalid (error, field, _("unknown value"));
            bits |= 1u << v;
          }
        sp_entity_set_int (self, field, bits);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

gboolean
sp_entity_field_equal (SpEntity      *a,
                       SpEntity      *b,
                       const SpField *field)
{
  if (field->type == SP_FIELD_STRING)
    return g_strcmp0 (sp_entity_get_string (a, field), sp_entity_get_string (b, field)) == 0;

  return sp_entity_get_int (a, field) == sp_entity_get_int (b, field);
}

static const char *
name_of (SpEntity *entity)
{
  const SpField *field = sp_entity_info_lookup (sp_entity_get_info (entity), "name");
  const char *name = field && field->type == SP_FIELD_STRING ? sp_entity_get_string (entity, field) : NULL;

  return name ? name : "";
}

int
sp_entity_compare_names (gconstpointer a,
                         gconstpointer b)
{
  return g_utf8_collate (name_of (*(SpEntity **)a), name_of (*(SpEntity **)b));
}
