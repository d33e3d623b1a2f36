/* sp-case-view.h: the case list with its search, filters and empty states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sp-case-list-model.h"
#include "sp-filter-bar.h"
#include "sp-reference.h"

G_BEGIN_DECLS

#define SP_TYPE_CASE_VIEW (sp_case_view_get_type ())

G_DECLARE_FINAL_TYPE (SpCaseView, sp_case_view, SP, CASE_VIEW, GtkWidget)

typedef enum
{
  SP_CASE_VIEW_MINE,
  SP_CASE_VIEW_ALL,
  SP_CASE_VIEW_DIARY,
  SP_CASE_VIEW_SAVED,
  SP_CASE_VIEW_QUEUE,   /* the registrar's queue: unregistered, with contact details */
} SpCaseViewKind;

GtkWidget       *sp_case_view_new               (void);
void             sp_case_view_setup             (SpCaseView     *self,
                                                 SpStoreWorker  *worker,
                                                 SpReference    *cache);
/* Shows a view: its own conditions (@base's mine_* ids and registered_only)
 * and default sort, and @base's criteria in the filter bar. */
void             sp_case_view_set_view          (SpCaseView     *self,
                                                 SpCaseViewKind  kind,
                                                 SpCaseFilter   *base);
/* The filter shown now (view conditions, criteria, text and sort). */
SpCaseFilter    *sp_case_view_get_filter        (SpCaseView     *self);
void             sp_case_view_reload            (SpCaseView     *self);
/* Selects the case once it is among the loaded rows. */
void             sp_case_view_select_case       (SpCaseView     *self,
                                                 const char     *case_id);
/* Hides the less important columns (for a narrow window). */
void             sp_case_view_set_compact       (SpCaseView     *self,
                                                 gboolean        compact);

SpCaseListModel *sp_case_view_get_model         (SpCaseView     *self);
/* What the cells show by: the date deadlines count from, and the names. */
SpDate           sp_case_view_get_today         (SpCaseView     *self);
SpReference     *sp_case_view_get_reference     (SpCaseView     *self);
/* The diary's secrecy marking of a case (never its content), or NULL. */
const char      *sp_case_view_get_marking       (SpCaseView     *self,
                                                 const char     *case_id);
/* The escalations flagged in a case's investigation (bits 1 <<
 * SpEscalation), 0 for none or not known yet. */
guint            sp_case_view_get_escalations   (SpCaseView     *self,
                                                 const char     *case_id);
GtkColumnView   *sp_case_view_get_column_view   (SpCaseView     *self);
GtkSearchBar    *sp_case_view_get_search_bar    (SpCaseView     *self);
GtkEditable     *sp_case_view_get_search_entry  (SpCaseView     *self);
GtkRevealer     *sp_case_view_get_filter_revealer (SpCaseView   *self);
SpFilterBar     *sp_case_view_get_filter_bar    (SpCaseView     *self);
/* "loading", "list" or "empty". */
const char      *sp_case_view_get_state         (SpCaseView     *self);

/* Cells bound now, and those of them that still wait for their page
 * (for tests and benchmarks). */
guint            sp_case_view_count_bound_rows  (SpCaseView     *self);
guint            sp_case_view_count_waiting_rows (SpCaseView    *self);

/* Text of the deadline column for @kase on @today ("In 3 days",
 * "Overdue by 2 days", …), NULL for a case no longer handled. Sets
 * @overdue when the deadline has passed. */
char            *sp_case_view_format_deadline   (SpCase         *kase,
                                                 SpDate          today,
                                                 gboolean       *overdue);

G_END_DECLS
