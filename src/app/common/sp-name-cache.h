/* sp-name-cache.h: names of units, providers and categories, for the lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "synpunkt-core.h"

G_BEGIN_DECLS

#define SP_TYPE_NAME_CACHE (sp_name_cache_get_type ())

G_DECLARE_FINAL_TYPE (SpNameCache, sp_name_cache, SP, NAME_CACHE, GObject)

/* The reference data as a worker thread reads it. */
typedef struct
{
  GPtrArray *units;
  GPtrArray *providers;
  GPtrArray *categories;
  gint64     n_cases;   /* every case, no filter */
} SpNameCacheData;

void             sp_name_cache_data_free        (gpointer         data);
/* An SpStoreWorkerFunc that reads an SpNameCacheData. */
gpointer         sp_name_cache_read             (SpStore         *store,
                                                 gpointer         unused,
                                                 GCancellable    *cancellable,
                                                 GError         **error);

SpNameCache     *sp_name_cache_new              (void);
/* Takes the data's arrays; emits "changed". */
void             sp_name_cache_apply            (SpNameCache     *self,
                                                 SpNameCacheData *data);
const char      *sp_name_cache_get_unit_name    (SpNameCache     *self,
                                                 const char      *id);
const char      *sp_name_cache_get_provider_name (SpNameCache    *self,
                                                 const char      *id);
const char      *sp_name_cache_get_category_name (SpNameCache    *self,
                                                 const char      *code);
/* Sorted for choosers: units and providers by name, categories by their
 * position. Arrays of SpUnit, SpProvider and SpCategory. */
GPtrArray       *sp_name_cache_get_units        (SpNameCache     *self);
GPtrArray       *sp_name_cache_get_providers    (SpNameCache     *self);
GPtrArray       *sp_name_cache_get_categories   (SpNameCache     *self);

G_END_DECLS
