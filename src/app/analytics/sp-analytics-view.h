/* sp-analytics-view.h: quality staff's statistics: period, scope, key figures, charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Counts the chosen period (a tertial or a year) and scope on the replica
 * through the store worker, and shows the key figures, the pattern
 * signals and one SpChart per table, each of which can be shown as a
 * table instead. A click on a bar emits "show-cases" with a case filter
 * for the cases behind it (category, unit, kind, month: what the case
 * list can filter on). The summary PDF and the CSV export are chosen with
 * GtkFileChooserNative and written off the main thread.
 */

#pragma once

#include <adwaita.h>

#include "sp-analytics-data.h"
#include "sp-case-filter.h"
#include "sp-reference.h"

G_BEGIN_DECLS

#define SP_TYPE_ANALYTICS_VIEW (sp_analytics_view_get_type ())

G_DECLARE_FINAL_TYPE (SpAnalyticsView, sp_analytics_view, SP, ANALYTICS_VIEW, GtkBox)

GtkWidget       *sp_analytics_view_new          (SpStoreWorker   *worker,
                                                 SpReference     *names);
/* Who makes units' compilations from the view (the context's actor,
 * which must outlive the view). */
void             sp_analytics_view_set_actor    (SpAnalyticsView *self,
                                                 const SpActor   *actor);
/* Opens the compilation of the unit chosen as the scope for the period
 * (the action analytics.compilation); NULL unless a unit is chosen. */
GtkWindow       *sp_analytics_view_open_compilation (SpAnalyticsView *self);
/* @tertial 1–3, or 0 for the whole year; counts again. */
void             sp_analytics_view_set_period   (SpAnalyticsView *self,
                                                 int              year,
                                                 int              tertial);
void             sp_analytics_view_reload       (SpAnalyticsView *self);
/* "loading", "figures" or "error". */
const char      *sp_analytics_view_get_state    (SpAnalyticsView *self);
SpAnalyticsData *sp_analytics_view_get_data     (SpAnalyticsView *self);

/* What the file choosers' answers start; the view's status line says when
 * the file is written, "notify::written" tells. */
void             sp_analytics_view_export_csv   (SpAnalyticsView *self,
                                                 GFile           *file,
                                                 char             separator);
void             sp_analytics_view_write_summary (SpAnalyticsView *self,
                                                 GFile           *file,
                                                 SpLanguage       language);
/* Prints the summary in the language of the user interface (Swedish or
 * English), drawn by the PDF's code (sp_summary_draw_page()). @action is
 * GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG for the action analytics.print,
 * or _EXPORT to @export_path (a PDF, for tests). */
GtkPrintOperationResult sp_analytics_view_print (SpAnalyticsView         *self,
                                                 GtkPrintOperationAction  action,
                                                 const char              *export_path,
                                                 GError                 **error);
/* The files written so far (for tests). */
guint            sp_analytics_view_get_written  (SpAnalyticsView *self);

G_END_DECLS
