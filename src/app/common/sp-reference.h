/* sp-reference.h: the units, providers and categories, one sorted model of
 * each, with lookups by id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "synpunkt-core.h"

G_BEGIN_DECLS

#define SP_TYPE_REFERENCE (sp_reference_get_type ())

G_DECLARE_FINAL_TYPE (SpReference, sp_reference, SP, REFERENCE, GObject)

SpReference  *sp_reference_new                (SpStoreWorker *worker);
/* Reads everything again in the worker (a reload asked for while one runs
 * runs once more after it); "changed" is emitted when it has come. */
void          sp_reference_reload             (SpReference   *self);
/* Whether a first read has come. */
gboolean      sp_reference_get_loaded         (SpReference   *self);
/* Why the last read failed, or NULL. */
const GError *sp_reference_get_error          (SpReference   *self);

/* Sorted by the name shown (collated, then by id): models of SpUnit,
 * SpProvider and SpCategory. They change in place on each reload. */
GListModel   *sp_reference_get_units          (SpReference   *self);
GListModel   *sp_reference_get_providers      (SpReference   *self);
GListModel   *sp_reference_get_categories     (SpReference   *self);

/* The name shown for the id (a category's code), or NULL if unknown. */
const char   *sp_reference_get_unit_name      (SpReference   *self,
                                               const char    *id);
const char   *sp_reference_get_provider_name  (SpReference   *self,
                                               const char    *id);
const char   *sp_reference_get_category_name  (SpReference   *self,
                                               const char    *code);
SpUnit       *sp_reference_lookup_unit        (SpReference   *self,
                                               const char    *id);

/* The one sort order: an SpStoreWorkerFunc-side helper that sorts an array
 * of units, providers or categories by their shown name. */
void          sp_reference_sort               (GPtrArray     *records);
/* The name a record shows (a category without one shows its code). */
const char   *sp_reference_display_name       (SpEntity      *record);

G_END_DECLS
