/* sp-analytics-view-private.h: what the analytics view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-analytics-view.h"
#include "sp-chart.h"
#include "sp-summary-pdf.h"

G_BEGIN_DECLS

struct _SpAnalyticsView
{
  GtkBox           parent_instance;

  GtkDropDown     *period_dropdown;
  GtkSpinButton   *year_spin;
  GtkDropDown     *scope_dropdown;
  GtkLabel        *status_label;
  GtkStack        *analytics_stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *error_page;
  GtkFlowBox      *key_figures;
  GtkLabel        *signals_label;
  GtkFlowBox      *charts_box;
  GtkListBox      *compilations_list;
  GtkLabel        *compilations_empty;

  SpStoreWorker   *worker;
  SpReference     *names;
  const SpActor   *actor;     /* the context's, which outlives the view */
  GCancellable    *cancellable;
  SpAnalyticsData *data;
  GHashTable      *cards;     /* chart id → card widget */
  GPtrArray       *scopes;    /* the scope dropdown's scopes, "organisation", "unit:<id>"… */
  GtkNativeDialog *chooser;
  guint            written;
  guint            updating;
  gboolean         disposed;
};

/* sp-analytics-card.c: a chart with its title and a "Show as table"
 * toggle; named "card-ID", "chart-ID", "table-toggle-ID" and "table-ID". */
GtkWidget *_sp_analytics_card_new        (const char  *id);
/* Takes @data. */
void       _sp_analytics_card_set_data   (GtkWidget   *card,
                                          SpChartData *data);
SpChart   *_sp_analytics_card_get_chart  (GtkWidget   *card);

/* sp-analytics-view-export.c */
void       _sp_analytics_view_install_actions (GtkWidgetClass *widget_class);
void       _sp_analytics_view_fill_scopes (SpAnalyticsView *self);
char      *_sp_analytics_view_key_name   (SpAnalyticsView  *self,
                                          SpStatsDimension  dimension,
                                          const char       *key);
/* The label of the scope shown now. */
char      *_sp_analytics_view_scope_label (SpAnalyticsView *self);
void       _sp_analytics_view_set_status (SpAnalyticsView *self,
                                          const char      *text);
void       _sp_analytics_view_file_written (SpAnalyticsView *self);
/* The summary of the figures shown, for the PDF or printing. */
typedef struct
{
  SpSummaryDocument doc;
  SpAnalyticsData  *data;   /* holds the figures the document borrows */
  char             *organisation;
  char             *scope;
  char             *path;
} SpAnalyticsSummary;

SpAnalyticsSummary *_sp_analytics_view_make_summary (SpAnalyticsView *self,
                                                     SpLanguage       language);
void       _sp_analytics_summary_free    (gpointer         summary);

/* sp-analytics-view-compilations.c: the units' compilations of the
 * period, listed, and the dialog that makes or edits one. */
void       _sp_analytics_view_fill_compilations (SpAnalyticsView *self);
void       _sp_analytics_view_open_compilation  (SpAnalyticsView *self,
                                                 const char      *unit_id);

G_END_DECLS
