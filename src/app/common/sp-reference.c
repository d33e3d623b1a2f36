/* sp-reference.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Units, providers and categories are a few dozen rows that every page
 * shows by name where cases hold ids and codes, and offers in drop-downs.
 * They are read here once, in the store worker, sorted there in the one
 * order every drop-down uses, and read again when the replica changes
 * (SpContext asks). The models change in place, so that what is bound to
 * them follows.
 */

#include "sp-reference.h"

struct _SpReference
{
  GObject        parent_instance;

  SpStoreWorker *worker;
  GListStore    *units;
  GListStore    *providers;
  GListStore    *categories;
  GHashTable    *unit_by_id;      /* id → SpUnit, borrowed from the models */
  GHashTable    *provider_by_id;
  GHashTable    *category_by_code;
  GError        *error;
  gboolean       loaded;
  gboolean       reading;
  gboolean       again;           /* a reload was asked for while reading */
};

G_DEFINE_FINAL_TYPE (SpReference, sp_reference, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_LOADED, N_PROPS };
static GParamSpec *properties[N_PROPS];

typedef struct
{
  GPtrArray *units;
  GPtrArray *providers;
  GPtrArray *categories;
} Data;

static void
data_free (gpointer p)
{
  Data *data = p;

  g_clear_pointer (&data->units, g_ptr_array_unref);
  g_clear_pointer (&data->providers, g_ptr_array_unref);
  g_clear_pointer (&data->categories, g_ptr_array_unref);
  g_free (data);
}

const char *
sp_reference_display_name (SpEntity *record)
{
  if (SP_IS_CATEGORY (record))
    {
      SpCategory *category = SP_CATEGORY (record);

      return category->name && *category->name ? category->name : category->code;
    }
  if (SP_IS_UNIT (record))
    return SP_UNIT (record)->name;
  if (SP_IS_PROVIDER (record))
    return SP_PROVIDER (record)->name;

  return NULL;
}

typedef struct
{
  char     *key;
  SpEntity *record;
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  const Keyed *ka = a;
  const Keyed *kb = b;
  int cmp = strcmp (ka->key, kb->key);

  if (cmp != 0)
    return cmp;

  /* Equal names keep one order: by id. */
  return g_strcmp0 (ka->record->id, kb->record->id);
}

void
sp_reference_sort (GPtrArray *records)
{
  g_autoptr(GArray) keyed = NULL;

  g_return_if_fail (records != NULL);

  keyed = g_array_sized_new (FALSE, FALSE, sizeof (Keyed), records->len);
  for (guint i = 0; i < records->len; i++)
    {
      SpEntity *record = g_ptr_array_index (records, i);
      const char *name = sp_reference_display_name (record);
      Keyed k = { g_utf8_collate_key (name ? name : "", -1), record };

      g_array_append_val (keyed, k);
    }
  g_array_sort (keyed, compare_keyed);
  for (guint i = 0; i < keyed->len; i++)
    {
      Keyed *k = &g_array_index (keyed, Keyed, i);

      records->pdata[i] = k->record;
      g_free (k->key);
    }
}

/* Runs in the store worker's thread. */
static gpointer
read_reference (SpStore       *store,
                gpointer       unused,
                GCancellable  *cancellable,
                GError       **error)
{
  Data *data = g_new0 (Data, 1);

  if (!(data->units = sp_store_load_where (store, SP_TYPE_UNIT, NULL, NULL, error)) ||
      !(data->providers = sp_store_load_where (store, SP_TYPE_PROVIDER, NULL, NULL, error)) ||
      !(data->categories = sp_store_load_where (store, SP_TYPE_CATEGORY, NULL, NULL, error)))
    {
      data_free (data);
      return NULL;
    }

  sp_reference_sort (data->units);
  sp_reference_sort (data->providers);
  sp_reference_sort (data->categories);

  return data;
}

static void
replace (GListStore *model,
         GHashTable *index,
         GPtrArray  *records)
{
  g_hash_table_remove_all (index);
  for (guint i = 0; i < records->len; i++)
    {
      SpEntity *record = g_ptr_array_index (records, i);
      const char *key = SP_IS_CATEGORY (record) ? SP_CATEGORY (record)->code : record->id;

      if (key != NULL)
        g_hash_table_insert (index, (gpointer) key, record);
    }
  g_list_store_splice (model, 0, g_list_model_get_n_items (G_LIST_MODEL (model)),
                       records->pdata, records->len);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SpReference) self = user_data;
  g_autoptr(GError) error = NULL;
  Data *data;

  self->reading = FALSE;
  data = sp_store_worker_run_finish (SP_STORE_WORKER (source), result, &error);

  g_clear_error (&self->error);
  if (data == NULL)
    {
      self->error = g_steal_pointer (&error);
    }
  else
    {
      replace (self->units, self->unit_by_id, data->units);
      replace (self->providers, self->provider_by_id, data->providers);
      replace (self->categories, self->category_by_code, data->categories);
      data_free (data);
    }

  if (self->again)
    {
      self->again = FALSE;
      sp_reference_reload (self);
      return;
    }

  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

void
sp_reference_reload (SpReference *self)
{
  g_return_if_fail (SP_IS_REFERENCE (self));

  if (self->reading)
    {
      self->again = TRUE;
      return;
    }

  self->reading = TRUE;
  sp_store_worker_run_async (self->worker, read_reference, NULL, NULL, data_free, NULL,
                             read_cb, g_object_ref (self));
}

static void
sp_reference_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SpReference *self = SP_REFERENCE (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_reference_finalize (GObject *object)
{
  SpReference *self = SP_REFERENCE (object);

  g_clear_pointer (&self->unit_by_id, g_hash_table_unref);
  g_clear_pointer (&self->provider_by_id, g_hash_table_unref);
  g_clear_pointer (&self->category_by_code, g_hash_table_unref);
  g_clear_object (&self->units);
  g_clear_object (&self->providers);
  g_clear_object (&self->categories);
  g_clear_object (&self->worker);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (sp_reference_parent_class)->finalize (object);
}

static void
sp_reference_class_init (SpReferenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_reference_finalize;
  object_class->get_property = sp_reference_get_property;

  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                  G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
sp_reference_init (SpReference *self)
{
  self->units = g_list_store_new (SP_TYPE_UNIT);
  self->providers = g_list_store_new (SP_TYPE_PROVIDER);
  self->categories = g_list_store_new (SP_TYPE_CATEGORY);
  self->unit_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->provider_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->category_by_code = g_hash_table_new (g_str_hash, g_str_equal);
}

SpReference *
sp_reference_new (SpStoreWorker *worker)
{
  SpReference *self;

  g_return_val_if_fail (SP_IS_STORE_WORKER (worker), NULL);

  self = g_object_new (SP_TYPE_REFERENCE, NULL);
  self->worker = g_object_ref (worker);

  return self;
}

gboolean
sp_reference_get_loaded (SpReference *self)
{
  g_return_val_if_fail (SP_IS_REFERENCE (self), FALSE);

  return self->loaded;
}

const GError *
sp_reference_get_error (SpReference *self)
{
  g_return_val_if_fail (SP_IS_REFERENCE (self), NULL);

  return self->error;
}

GListModel *
sp_reference_get_units (SpReference *self)
{
  g_return_val_if_fail (SP_IS_REFERENCE (self), NULL);

  return G_LIST_MODEL (self->units);
}

GListModel *
sp_reference_get_providers (SpReference *self)
{
  g_return_val_if_fail (SP_IS_REFERENCE (self), NULL);

  return G_LIST_MODEL (self->providers);
}

GListModel *
sp_reference_get_categories (SpReference *self)
{
  g_return_val_if_fail (SP_IS_REFERENCE (self), NULL);

  return G_LIST_MODEL (self->categories);
}

static const char *
lookup_name (GHashTable *index,
             const char *id)
{
  SpEntity *record = id != NULL ? g_hash_table_lookup (index, id) : NULL;

  return record != NULL ? sp_reference_display_name (record) : NULL;
}

const char *
sp_reference_get_unit_name (SpReference *self,
                            const char  *id)
{
  g_return_val_if_fail (SP_IS_REFERENCE (self), NULL);

  return lookup_name (self->unit_by_id, id);
}

const char *
sp_reference_get_provider_name (SpReference *self,
                                const char  *id)
{
  g_return_val_if_fail (SP_IS_REFERENCE (self), NULL);

  return lookup_name (self->provider_by_id, id);
}

const char *
sp_reference_get_category_name (SpReference *self,
                                const char  *code)
{
  g_return_val_if_fail (SP_IS_REFERENCE (self), NULL);

  return lookup_name (self->category_by_code, code);
}

SpUnit *
sp_reference_lookup_unit (SpReference *self,
                          const char  *id)
{
  g_return_val_if_fail (SP_IS_REFERENCE (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->unit_by_id, id) : NULL;
}
