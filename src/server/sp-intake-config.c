/* sp-intake-config.c: what the organisation offers residents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <string.h>

#include "sp-intake-config.h"

#define SERVICE_GROUP "open311-service "
#define ATTRIBUTE_GROUP "open311-attribute "
#define CODE_CHARS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_."

void
sp_intake_attribute_free (gpointer data)
{
  SpIntakeAttribute *attribute = data;

  g_free (attribute->code);
  g_free (attribute->datatype);
  g_free (attribute->description);
  g_free (attribute->datatype_description);
  g_strfreev (attribute->keys);
  g_strfreev (attribute->names);
  g_free (attribute);
}

static void
service_free (gpointer data)
{
  SpIntakeService *service = data;

  g_clear_pointer (&service->attributes, g_ptr_array_unref);
  g_free (service->code);
  g_free (service->name);
  g_free (service->description);
  g_free (service->group);
  g_free (service->keywords);
  g_free (service->category);
  g_free (service);
}

SpIntakeConfig *
sp_intake_config_new (void)
{
  SpIntakeConfig *self = g_new0 (SpIntakeConfig, 1);

  self->form_enabled = TRUE;
  self->form_path = g_strdup ("/e-tjanst");
  self->max_body = 64 * 1024;
  self->max_posts = 10;
  self->post_window_sec = 60;
  self->max_lookups = 30;
  self->lookup_window_sec = 60;
  self->open311_enabled = TRUE;
  self->open311_base = g_strdup ("/open311/v2");
  self->services = g_ptr_array_new_with_free_func (service_free);
  return self;
}

void
sp_intake_config_free (SpIntakeConfig *self)
{
  if (self == NULL)
    return;
  g_free (self->form_path);
  g_strfreev (self->units);
  g_free (self->privacy_en);
  g_free (self->privacy_sv);
  g_free (self->open311_base);
  g_free (self->jurisdiction_id);
  g_free (self->contact);
  g_ptr_array_unref (self->services);
  g_free (self);
}

/* A path of its own: "/name[/name…]", no trailing slash, nothing the API
 * already uses. */
static gboolean
check_path (const char  *group,
            const char  *key,
            char        *path,
            GError     **error)
{
  gsize len = strlen (path);

  while (len > 1 && path[len - 1] == '/')
    path[--len] = '\0';
  if (path[0] != '/' || len < 2 || g_str_has_prefix (path, "/api/") ||
      g_str_equal (path, "/api") || strstr (path, "//") != NULL ||
      strspn (path, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-_.") != len)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   "[%s] %s: “%s” is not a path such as /e-tjanst", group, key, path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_bool (GKeyFile    *file,
          const char  *group,
          const char  *key,
          gboolean    *dest,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean value;

  if (!g_key_file_has_key (file, group, key, NULL))
    return TRUE;
  value = g_key_file_get_boolean (file, group, key, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID, "[%s] %s must be true or false", group, key);
      return FALSE;
    }
  *dest = value;
  return TRUE;
}

static gboolean
get_uint (GKeyFile    *file,
          const char  *group,
          const char  *key,
          guint64      min,
          guint64      max,
          guint64     *dest,
          GError     **error)
{
  g_autofree char *text = g_key_file_get_string (file, group, key, NULL);

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (g_strstrip (text), 10, min, max, dest, NULL))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   "[%s] %s must be a number from %" G_GUINT64_FORMAT " to %" G_GUINT64_FORMAT,
                   group, key, min, max);
      return FALSE;
    }
  return TRUE;
}

static void
get_string (GKeyFile    *file,
            const char  *group,
            const char  *key,
            char       **dest)
{
  char *value = g_key_file_get_string (file, group, key, NULL);

  if (value == NULL)
    return;
  g_free (*dest);
  *dest = g_strstrip (value);
}

static gboolean
load_service (SpIntakeConfig  *self,
              GKeyFile        *file,
              const char      *group,
              GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  SpIntakeService *service;
  const char *code = group + strlen (SERVICE_GROUP);
  g_autofree char *area = NULL;
  int value = SP_AREA_OTHER;

  if (*code == '\0' || strspn (code, CODE_CHARS) != strlen (code))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   "[%s]: a service code is letters, digits, “-”, “_” and “.”", group);
      return FALSE;
    }
  if (sp_intake_config_find_service (self, code) != NULL)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID, "[%s] is there twice", group);
      return FALSE;
    }

  area = g_key_file_get_string (file, group, "area", NULL);
  if (area != NULL && !sp_enum_from_name (&sp_area_info, g_strstrip (area), &value))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   "[%s] area: “%s” is not an area such as city_environment", group, area);
      return FALSE;
    }

  service = g_new0 (SpIntakeService, 1);
  service->code = g_strdup (code);
  service->area = value;
  get_string (file, group, "name", &service->name);
  get_string (file, group, "description", &service->description);
  get_string (file, group, "group", &service->group);
  get_string (file, group, "keywords", &service->keywords);
  get_string (file, group, "category", &service->category);
  if (service->name == NULL)
    service->name = g_strdup (code);
  service->attributes = g_ptr_array_new_with_free_func (sp_intake_attribute_free);
  g_ptr_array_add (self->services, service);
  return TRUE;
}

static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  const SpIntakeAttribute *x = *(SpIntakeAttribute **) a;
  const SpIntakeAttribute *y = *(SpIntakeAttribute **) b;

  return x->order != y->order ? (x->order < y->order ? -1 : 1) : strcmp (x->code, y->code);
}

/* "key:name;key:name" of a singlevaluelist. */
static gboolean
parse_values (SpIntakeAttribute  *attribute,
              const char         *group,
              const char         *text,
              GError            **error)
{
  g_auto(GStrv) pairs = g_strsplit (text, ";", -1);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; pairs[i]; i++)
    {
      char *colon = strchr (pairs[i], ':');

      if (*g_strstrip (pairs[i]) == '\0')
        continue;
      if (colon == NULL || colon == pairs[i] || colon[1] == '\0')
        {
          g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                       "[%s] values: “%s” is not key:name", group, pairs[i]);
          return FALSE;
        }
      *colon = '\0';
      g_ptr_array_add (keys, g_strstrip (g_strdup (pairs[i])));
      g_ptr_array_add (names, g_strstrip (g_strdup (colon + 1)));
    }
  if (keys->len == 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID, "[%s] values: a singlevaluelist needs values", group);
      return FALSE;
    }
  g_ptr_array_add (keys, NULL);
  g_ptr_array_add (names, NULL);
  attribute->keys = (char **) g_ptr_array_free (g_steal_pointer (&keys), FALSE);
  attribute->names = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
  return TRUE;
}

static gboolean
load_attribute (SpIntakeConfig  *self,
                GKeyFile        *file,
                const char      *group,
                GError         **error)
{
  static const char * const datatypes[] = { "string", "number", "text", "singlevaluelist", NULL };
  g_auto(GStrv) codes = g_strsplit (group + strlen (ATTRIBUTE_GROUP), " ", -1);
  g_autofree char *values = NULL;
  SpIntakeService *service;
  SpIntakeAttribute *attribute;
  guint64 order = 0;

  if (g_strv_length (codes) != 2 || *codes[1] == '\0' || strspn (codes[1], CODE_CHARS) != strlen (codes[1]))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   "[%s]: name the service and the attribute: [open311-attribute SERVICE CODE]", group);
      return FALSE;
    }
  service = (SpIntakeService *) sp_intake_config_find_service (self, codes[0]);
  if (service == NULL)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID, "[%s]: no [open311-service %s]", group, codes[0]);
      return FALSE;
    }
  for (guint i = 0; i < service->attributes->len; i++)
    if (g_str_equal (((SpIntakeAttribute *) service->attributes->pdata[i])->code, codes[1]))
      {
        g_set_error (error, SP_ERROR, SP_ERROR_INVALID, "[%s] is there twice", group);
        return FALSE;
      }

  attribute = g_new0 (SpIntakeAttribute, 1);
  attribute->code = g_strdup (codes[1]);
  attribute->datatype = g_strdup ("string");
  g_ptr_array_add (service->attributes, attribute);
  get_string (file, group, "datatype", &attribute->datatype);
  get_string (file, group, "description", &attribute->description);
  get_string (file, group, "datatype_description", &attribute->datatype_description);
  get_string (file, group, "values", &values);
  if (!g_strv_contains (datatypes, attribute->datatype))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   "[%s] datatype: “%s” is not string, number, text or singlevaluelist", group,
                   attribute->datatype);
      return FALSE;
    }
  if (!get_bool (file, group, "required", &attribute->required, error) ||
      !get_uint (file, group, "order", 0, 1000, &order, error))
    return FALSE;
  attribute->order = order;
  if (attribute->description == NULL)
    attribute->description = g_strdup (attribute->code);
  if (g_str_equal (attribute->datatype, "singlevaluelist"))
    {
      if (!parse_values (attribute, group, values ? values : "", error))
        return FALSE;
    }
  else if (values != NULL)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID, "[%s] values: only a singlevaluelist has values", group);
      return FALSE;
    }
  g_ptr_array_sort (service->attributes, compare_order);
  return TRUE;
}

gboolean
sp_intake_config_load (SpIntakeConfig  *self,
                       GKeyFile        *file,
                       GError         **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (file, NULL);
  guint64 value;

  if (!get_bool (file, "eservice", "enabled", &self->form_enabled, error) ||
      !get_bool (file, "open311", "enabled", &self->open311_enabled, error) ||
      !get_bool (file, "open311", "public_listing", &self->public_listing, error))
    return FALSE;

  get_string (file, "eservice", "path", &self->form_path);
  get_string (file, "open311", "base_path", &self->open311_base);
  if (!check_path ("eservice", "path", self->form_path, error) ||
      !check_path ("open311", "base_path", self->open311_base, error))
    return FALSE;
  if (g_str_equal (self->form_path, self->open311_base))
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           "[eservice] path and [open311] base_path must differ");
      return FALSE;
    }

  if (g_key_file_has_key (file, "eservice", "units", NULL))
    {
      g_strfreev (self->units);
      self->units = g_key_file_get_string_list (file, "eservice", "units", NULL, NULL);
      for (guint i = 0; self->units && self->units[i]; i++)
        g_strstrip (self->units[i]);
    }

  {
    char *en = g_key_file_get_locale_string (file, "eservice", "privacy_notice", "C", NULL);
    char *sv = g_key_file_get_locale_string (file, "eservice", "privacy_notice", "sv", NULL);

    g_free (self->privacy_en);
    g_free (self->privacy_sv);
    self->privacy_en = en;
    self->privacy_sv = sv;
  }

  get_string (file, "open311", "jurisdiction_id", &self->jurisdiction_id);
  get_string (file, "open311", "contact", &self->contact);

  value = self->max_body;
  if (!get_uint (file, "eservice", "max_body", 1024, 16 * 1024 * 1024, &value, error))
    return FALSE;
  self->max_body = value;
  value = self->max_posts;
  if (!get_uint (file, "eservice", "max_posts", 1, 100000, &value, error))
    return FALSE;
  self->max_posts = value;
  value = self->post_window_sec;
  if (!get_uint (file, "eservice", "post_window", 1, 24 * 3600, &value, error))
    return FALSE;
  self->post_window_sec = value;
  value = self->max_lookups;
  if (!get_uint (file, "eservice", "max_lookups", 1, 100000, &value, error))
    return FALSE;
  self->max_lookups = value;
  value = self->lookup_window_sec;
  if (!get_uint (file, "eservice", "lookup_window", 1, 24 * 3600, &value, error))
    return FALSE;
  self->lookup_window_sec = value;

  for (guint i = 0; groups && groups[i]; i++)
    if (g_str_has_prefix (groups[i], SERVICE_GROUP) && !load_service (self, file, groups[i], error))
      return FALSE;
  for (guint i = 0; groups && groups[i]; i++)
    if (g_str_has_prefix (groups[i], ATTRIBUTE_GROUP) && !load_attribute (self, file, groups[i], error))
      return FALSE;

  return TRUE;
}

const SpIntakeService *
sp_intake_config_find_service (const SpIntakeConfig *self,
                               const char           *code)
{
  for (guint i = 0; code && i < self->services->len; i++)
    {
      SpIntakeService *service = g_ptr_array_index (self->services, i);

      if (g_str_equal (service->code, code))
        return service;
    }
  return NULL;
}

gboolean
sp_intake_config_offers_unit (const SpIntakeConfig *self,
                              const char           *unit_id)
{
  return self->units == NULL || g_strv_contains ((const char * const *) self->units, unit_id);
}
