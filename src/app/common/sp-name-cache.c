/* sp-name-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case list shows names where the cases hold ids and codes. There are
 * only tens of units, providers and categories, so they are read once (in a
 * worker thread) and looked up here while rows bind.
 */

#include "sp-name-cache.h"

struct _SpNameCache
{
  GObject     parent_instance;

  GPtrArray  *units;
  GPtrArray  *providers;
  GPtrArray  *categories;
  GHashTable *unit_names;      /* id → name, borrowed from the records */
  GHashTable *provider_names;
  GHashTable *category_names;  /* code → name */
};

G_DEFINE_FINAL_TYPE (SpNameCache, sp_name_cache, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

void
sp_name_cache_data_free (gpointer p)
{
  SpNameCacheData *data = p;

  if (data == NULL)
    return;

  g_clear_pointer (&data->units, g_ptr_array_unref);
  g_clear_pointer (&data->providers, g_ptr_array_unref);
  g_clear_pointer (&data->categories, g_ptr_array_unref);
  g_free (data);
}

static int
compare_categories (gconstpointer a,
                    gconstpointer b)
{
  SpCategory *ca = *(SpCategory **)a;
  SpCategory *cb = *(SpCategory **)b;

  if (ca->position != cb->position)
    return ca->position < cb->position ? -1 : 1;

  return g_utf8_collate (ca->name ? ca->name : "", cb->name ? cb->name : "");
}

gpointer
sp_name_cache_read (SpStore       *store,
                    gpointer       unused,
                    GCancellable  *cancellable,
                    GError       **error)
{
  SpNameCacheData *data = g_new0 (SpNameCacheData, 1);
  SpCaseQuery query;

  sp_case_query_init (&query);

  if (!(data->units = sp_store_load_where (store, SP_TYPE_UNIT, NULL, NULL, error)) ||
      !(data->providers = sp_store_load_where (store, SP_TYPE_PROVIDER, NULL, NULL, error)) ||
      !(data->categories = sp_store_load_where (store, SP_TYPE_CATEGORY, NULL, NULL, error)) ||
      (data->n_cases = sp_store_count_cases (store, &query, error)) < 0)
    {
      sp_name_cache_data_free (data);
      return NULL;
    }

  g_ptr_array_sort (data->units, sp_entity_compare_names);
  g_ptr_array_sort (data->providers, sp_entity_compare_names);
  g_ptr_array_sort (data->categories, compare_categories);

  return data;
}

static void
sp_name_cache_finalize (GObject *object)
{
  SpNameCache *self = SP_NAME_CACHE (object);

  g_clear_pointer (&self->unit_names, g_hash_table_unref);
  g_clear_pointer (&self->provider_names, g_hash_table_unref);
  g_clear_pointer (&self->category_names, g_hash_table_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->providers, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_name_cache_parent_class)->finalize (object);
}

static void
sp_name_cache_class_init (SpNameCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_name_cache_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
sp_name_cache_init (SpNameCache *self)
{
  self->units = g_ptr_array_new_with_free_func (g_object_unref);
  self->providers = g_ptr_array_new_with_free_func (g_object_unref);
  self->categories = g_ptr_array_new_with_free_func (g_object_unref);
  self->unit_names = g_hash_table_new (g_str_hash, g_str_equal);
  self->provider_names = g_hash_table_new (g_str_hash, g_str_equal);
  self->category_names = g_hash_table_new (g_str_hash, g_str_equal);
}

SpNameCache *
sp_name_cache_new (void)
{
  return g_object_new (SP_TYPE_NAME_CACHE, NULL);
}

void
sp_name_cache_apply (SpNameCache     *self,
                     SpNameCacheData *data)
{
  g_return_if_fail (SP_IS_NAME_CACHE (self));
  g_return_if_fail (data != NULL);

  g_hash_table_remove_all (self->unit_names);
  g_hash_table_remove_all (self->provider_names);
  g_hash_table_remove_all (self->category_names);

  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->providers, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  self->units = g_steal_pointer (&data->units);
  self->providers = g_steal_pointer (&data->providers);
  self->categories = g_steal_pointer (&data->categories);

  for (guint i = 0; i < self->units->len; i++)
    {
      SpUnit *unit = g_ptr_array_index (self->units, i);
      g_hash_table_insert (self->unit_names, SP_ENTITY (unit)->id, unit->name);
    }
  for (guint i = 0; i < self->providers->len; i++)
    {
      SpProvider *provider = g_ptr_array_index (self->providers, i);
      g_hash_table_insert (self->provider_names, SP_ENTITY (provider)->id, provider->name);
    }
  for (guint i = 0; i < self->categories->len; i++)
    {
      SpCategory *category = g_ptr_array_index (self->categories, i);
      g_hash_table_insert (self->category_names, category->code, category->name);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
sp_name_cache_get_unit_name (SpNameCache *self,
                             const char  *id)
{
  g_return_val_if_fail (SP_IS_NAME_CACHE (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->unit_names, id) : NULL;
}

const char *
sp_name_cache_get_provider_name (SpNameCache *self,
                                 const char  *id)
{
  g_return_val_if_fail (SP_IS_NAME_CACHE (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->provider_names, id) : NULL;
}

const char *
sp_name_cache_get_category_name (SpNameCache *self,
                                 const char  *code)
{
  g_return_val_if_fail (SP_IS_NAME_CACHE (self), NULL);

  return code != NULL ? g_hash_table_lookup (self->category_names, code) : NULL;
}

GPtrArray *
sp_name_cache_get_units (SpNameCache *self)
{
  g_return_val_if_fail (SP_IS_NAME_CACHE (self), NULL);

  return self->units;
}

GPtrArray *
sp_name_cache_get_providers (SpNameCache *self)
{
  g_return_val_if_fail (SP_IS_NAME_CACHE (self), NULL);

  return self->providers;
}

GPtrArray *
sp_name_cache_get_categories (SpNameCache *self)
{
  g_return_val_if_fail (SP_IS_NAME_CACHE (self), NULL);

  return self->categories;
}
