/* sp-sync-engine-first.c: the engine's first connection, the server's
 * units and categories fetched before the local database becomes its
 * replica (sp-sync-first.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-sync"

#include "sp-sync-engine-private.h"

typedef struct
{
  SpSyncEngine *self;
  JsonNode   *units;
  JsonNode   *categories;
  GHashTable *unit_map;
  GPtrArray  *unmapped;
} First;

static void
first_free (First *first)
{
  g_clear_object (&first->self);
  g_clear_pointer (&first->units, json_node_unref);
  g_clear_pointer (&first->categories, json_node_unref);
  g_clear_pointer (&first->unit_map, g_hash_table_unref);
  g_clear_pointer (&first->unmapped, g_ptr_array_unref);
  g_free (first);
}

static gpointer
first_work (SpSyncEngine  *self,
            SpStore       *store,
            gpointer       data,
            GError       **error)
{
  First *first = data;

  if (!_sp_sync_first_prepare (store, sp_sync_client_get_base_url (self->client),
                               first->units, first->categories, first->unit_map,
                               &first->unmapped, error))
    return NULL;

  return first;
}

static void
keep_server_units (SpSyncEngine *self,
                   JsonNode     *units)
{
  JsonArray *array = NULL;

  g_clear_pointer (&self->server_units, g_ptr_array_unref);
  self->server_units = g_ptr_array_new_with_free_func (g_object_unref);

  if (JSON_NODE_HOLDS_ARRAY (units))
    array = json_node_get_array (units);
  else if (JSON_NODE_HOLDS_OBJECT (units) &&
           json_object_has_member (json_node_get_object (units), "items"))
    array = json_object_get_array_member (json_node_get_object (units), "items");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      SpUnit *unit = sp_json_decode_new (SP_TYPE_UNIT, json_array_get_element (array, i),
                                         SP_JSON_DECODE_FULL, NULL);
      if (unit != NULL)
        g_ptr_array_add (self->server_units, unit);
    }
}

static void
on_first_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (source);
  Work *work = g_task_get_task_data (G_TASK (result));
  First *first = work->data;
  GError *error = NULL;

  if (_sp_sync_engine_work_finish (self, result, &error) == NULL)
    {
      if (first->unmapped != NULL)
        {
          g_clear_pointer (&self->unmapped_units, g_ptr_array_unref);
          self->unmapped_units = g_steal_pointer (&first->unmapped);
        }
      _sp_sync_engine_round_done (self, error);
      return;
    }

  g_clear_pointer (&self->unmapped_units, g_ptr_array_unref);
  _sp_sync_engine_push (self);
}

static void
on_first_categories (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  First *first = user_data;
  SpSyncEngine *self = first->self;
  GError *error = NULL;

  first->categories = sp_sync_client_request_finish (SP_SYNC_CLIENT (source), result, NULL, &error);
  if (first->categories == NULL)
    {
      _sp_sync_engine_round_done (self, error);
      first_free (first);
      return;
    }

  keep_server_units (self, first->units);
  first->unit_map = g_hash_table_ref (self->unit_map);
  _sp_sync_engine_run_work (self, first_work, first, (GDestroyNotify)first_free, on_first_done,
                            NULL);
}

static void
on_first_units (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  First *first = user_data;
  SpSyncEngine *self = first->self;
  GError *error = NULL;

  first->units = sp_sync_client_request_finish (SP_SYNC_CLIENT (source), result, NULL, &error);
  if (first->units == NULL)
    {
      _sp_sync_engine_round_done (self, error);
      first_free (first);
      return;
    }

  sp_sync_client_request_async (self->client, "GET", "/api/v1/categories", NULL,
                                self->cancellable, on_first_categories, first);
}

static gpointer
needs_first_work (SpSyncEngine  *self,
                  SpStore       *store,
                  gpointer       data,
                  GError       **error)
{
  return GINT_TO_POINTER (_sp_sync_needs_first (store,
                                                sp_sync_client_get_base_url (self->client)) ? 2 : 1);
}

static void
on_needs_first (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (source);
  GError *error = NULL;
  int needs = GPOINTER_TO_INT (_sp_sync_engine_work_finish (self, result, &error));

  if (needs == 0)
    {
      _sp_sync_engine_round_done (self, error);
      return;
    }

  if (needs == 2)
    {
      First *first = g_new0 (First, 1);

      first->self = g_object_ref (self);
      sp_sync_client_request_async (self->client, "GET", "/api/v1/units", NULL, self->cancellable,
                                    on_first_units, first);
      return;
    }

  _sp_sync_engine_push (self);
}

void
_sp_sync_engine_first (SpSyncEngine *self)
{
  _sp_sync_engine_run_work (self, needs_first_work, NULL, NULL, on_needs_first, NULL);
}
