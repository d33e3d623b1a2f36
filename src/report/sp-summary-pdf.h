/* sp-summary-pdf.h: the tertial or annual summary as PDF (routine R25)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A4 pages drawn with cairo and pango: a cover with the organisation, the
 * scope and the period; the key figures against the previous period and
 * the same period last year; each chart (drawn by sp_chart_scene_draw(),
 * the code the app's charts use) with its table; the pattern signals with
 * the numbers behind them; the units' compilations of the period (R24:
 * their figures, analysis, assessment, actions and follow-up). Its own words are Swedish or English as asked;
 * the labels inside the charts come as given. Only counts: no personal
 * data.
 */

#pragma once

#include "sp-chart-scene.h"
#include "synpunkt-core.h"

G_BEGIN_DECLS

typedef struct
{
  SpLanguage           language;
  const char          *organisation;
  const char          *scope;          /* "Whole organisation", a unit's name… */
  const SpStatsReport *report;
  GPtrArray           *signals;        /* SpStatsSignal, may be NULL */
  GPtrArray           *signal_names;   /* char *, the name of each signal's key */
  GPtrArray           *chart_ids;      /* char *: "category", "trend"… (titles by id) */
  GPtrArray           *charts;         /* SpChartData *, in the same order */
  SpDate               made_on;
  GPtrArray           *compilations;   /* SpUnitCompilation of the period, may be NULL */
  GPtrArray           *compilation_units; /* char *, the name of each one's unit */
} SpSummaryDocument;

/* The summary's own words in @language: "Key figures", "Nyckeltal"… */
const char *sp_summary_phrase    (SpLanguage               language,
                                  const char              *english) G_GNUC_FORMAT (2);
/* Writes the PDF; its number of pages in *@n_pages if given. */
gboolean    sp_summary_pdf_write (const SpSummaryDocument *doc,
                                  const char              *path,
                                  guint                   *n_pages,
                                  GError                 **error);

/* Draws page @page (from 0) of the summary on @cr, whose units are
 * points on an A4 page (a GtkPrintOperation's context set so), and
 * returns the number of pages: the PDF's pages, drawn by the same code. */
guint       sp_summary_draw_page (const SpSummaryDocument *doc,
                                  cairo_t                 *cr,
                                  guint                    page);

G_END_DECLS
