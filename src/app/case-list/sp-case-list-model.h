/* sp-case-list-model.h: the case list as a lazily paged GListModel over the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-case-filter.h"
#include "synpunkt-core.h"

G_BEGIN_DECLS

#define SP_TYPE_CASE_LIST_MODEL (sp_case_list_model_get_type ())

G_DECLARE_FINAL_TYPE (SpCaseListModel, sp_case_list_model, SP, CASE_LIST_MODEL, GObject)

#define SP_CASE_LIST_MODEL_PAGE_SIZE 200

SpCaseListModel *sp_case_list_model_new          (SpStoreWorker   *worker);
/* Copies @filter and loads the count and the first page in the worker's
 * thread; the model keeps showing the old rows until they arrive. */
void             sp_case_list_model_set_filter   (SpCaseListModel *self,
                                                  SpCaseFilter    *filter);
SpCaseFilter    *sp_case_list_model_get_filter   (SpCaseListModel *self);
/* Loads the same filter again, after the cases changed. */
void             sp_case_list_model_reload       (SpCaseListModel *self);
gboolean         sp_case_list_model_get_loading  (SpCaseListModel *self);
/* Whether the first load finished (the count is known). */
gboolean         sp_case_list_model_get_loaded   (SpCaseListModel *self);
/* The position of the case among the rows loaded so far, or G_MAXUINT. */
guint            sp_case_list_model_find         (SpCaseListModel *self,
                                                  const char      *case_id);
/* Whether @kase is a stand-in for a row whose page has not arrived yet. */
gboolean         sp_case_is_placeholder          (SpCase          *kase);

G_END_DECLS
