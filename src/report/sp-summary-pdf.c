/* sp-summary-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdio.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "sp-summary-pdf.h"

#define PAGE_WIDTH 595.28
#define PAGE_HEIGHT 841.89
#define MARGIN 56.0
#define TEXT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define CHART_HEIGHT 210.0

/* The summary's own words: English, then Swedish in the routines' words. */
static const char * const phrases[][2] = {
  { "Summary of feedback and complaints", "Sammanställning av synpunkter och klagomål" },
  { "Annual summary %d", "Årlig sammanfattning %d" },
  { "Tertial %d, %d", "Tertial %d, %d" },
  { "Appendix to the quality report", "Bilaga till kvalitetsberättelsen" },
  { "Scope: %s", "Omfattning: %s" },
  { "Made on %s", "Upprättad %s" },
  { "Counts only: the summary holds no personal data.",
    "Endast antal: sammanställningen innehåller inga personuppgifter." },
  { "Key figures", "Nyckeltal" },
  { "This period", "Perioden" },
  { "Previous period", "Föregående period" },
  { "Same period last year", "Samma period i fjol" },
  { "Cases", "Antal ärenden" },
  { "Complaints", "Klagomål" },
  { "Positive feedback (what works)", "Positiva synpunkter (det som fungerar)" },
  { "Answered within the deadline", "Besvarade inom tidsfristen" },
  { "Median handling time, days", "Mediantid för handläggning, dagar" },
  { "90th percentile, days", "90:e percentilen, dagar" },
  { "Median, working days", "Median, arbetsdagar" },
  { "Complaints justified", "Befogade klagomål" },
  { "Complaints partly justified", "Delvis befogade klagomål" },
  { "Open and overdue", "Öppna och försenade" },
  { "Comparisons", "Jämförelser" },
  { "%s cases against %s the previous period and %s the same period last year (%s).",
    "%s ärenden mot %s föregående period och %s samma period i fjol (%s)." },
  { "%s of the cases due were answered within the deadline (%s the same period last year).",
    "%s av ärendena besvarades inom tidsfristen (%s samma period i fjol)." },
  { "Cases by category", "Ärenden per kategori" },
  { "Kind and valence", "Typ och karaktär" },
  { "Cases per month, the same months last year dotted", "Ärenden per månad, samma månader i fjol prickade" },
  { "Answered within the deadline, by period", "Besvarade inom tidsfristen, per period" },
  { "Cases by unit", "Ärenden per enhet" },
  { "Cases by channel", "Ärenden per kanal" },
  { "Complaints by assessment", "Klagomål efter bedömning" },
  { "Pattern signals", "Mönstersignaler" },
  { "A category, unit or provider gives a signal when its count clearly exceeds what the previous "
    "three periods predict: a Poisson test against their mean, p < 0.01.",
    "En kategori, enhet eller utförare ger en signal när antalet tydligt överstiger vad de tre "
    "föregående perioderna förutsäger: ett Poissontest mot deras medelvärde, p < 0,01." },
  { "No pattern signals in the period.", "Inga mönstersignaler under perioden." },
  { "Signal", "Signal" },
  { "Count", "Antal" },
  { "Before", "Tidigare" },
  { "Expected", "Förväntat" },
  { "Page %u", "Sida %u" },
  { "no change", "oförändrat" },
  { "Whole organisation", "Hela organisationen" },
  /* The labels the app's charts carry in English (the core's enum labels) */
  { "Opinion", "Synpunkt" },
  { "Complaint", "Klagomål" },
  { "Citizen proposal", "Medborgarförslag" },
  { "Negative", "Negativ" },
  { "Positive", "Positiv" },
  { "Neutral", "Neutral" },
  { "Letter", "Brev" },
  { "E-mail", "E-post" },
  { "Phone", "Telefon" },
  { "In person", "Personligen" },
  { "Web form", "E-tjänst" },
  { "Tyck till app", "Tyck till-appen" },
  { "Paper form", "Blankett" },
  { "Board question time", "Frågestund vid nämndsammanträde" },
  { "Forwarded by IVO", "Överlämnat av IVO" },
  { "Forwarded by Skolinspektionen", "Överlämnat av Skolinspektionen" },
  { "Forwarded from another district", "Överlämnat från annan stadsdel" },
  { "Not assessed", "Inte bedömt" },
  { "Justified", "Befogat" },
  { "Partly justified", "Delvis befogat" },
  { "Not justified", "Ej befogat" },
  { "Cannot be assessed", "Går ej att bedöma" },
  { "Not given", "Uppgift saknas" },
  { "Within the deadline", "Inom tidsfristen" },
  { "up %s", "ökning %s" },
  { "down %s", "minskning %s" },
  /* The units' compilations (R24), in the routine's words */
  { "The units' compilations", "Enheternas sammanställningar" },
  { "Each unit's own compilation of the period: its figures when it was made, the analysis, the "
    "assessment and the actions taken and planned, with the time for follow-up.",
    "Varje enhets egen sammanställning av perioden: antalen när den gjordes, analysen, "
    "bedömningen och genomförda och planerade åtgärder med tid för uppföljning." },
  { "No unit has made a compilation of the period.",
    "Ingen enhet har gjort någon sammanställning av perioden." },
  { "%s cases, %s complaints, %s answered within the deadline.",
    "%s ärenden, %s klagomål, %s besvarade inom tidsfristen." },
  { "Analysis", "Analys" },
  { "Assessment", "Bedömning" },
  { "Actions taken", "Genomförda åtgärder" },
  { "Planned actions", "Planerade åtgärder" },
  { "Follow-up on %s", "Uppföljning %s" },
  { "Written by %s on %s", "Upprättad av %s den %s" },
};

static const char * const months[][12] = {
  { "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December" },
  { "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december" },
};

const char *
sp_summary_phrase (SpLanguage  language,
                   const char *english)
{
  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    if (g_str_equal (phrases[i][0], english))
      return phrases[i][language == SP_LANGUAGE_SV ? 1 : 0];
  return english;
}

#define P(w, text) sp_summary_phrase ((w)->doc->language, text)

typedef struct
{
  const SpSummaryDocument *doc;
  cairo_t                 *cr;
  PangoContext            *context;
  double                   y;
  guint                    page;
  /* For sp_summary_draw_page(): the page wanted is drawn on @target, the
   * others on @scratch, which draws nowhere. */
  gboolean                 one_page;
  guint                    wanted;
  cairo_t                 *target;
  cairo_t                 *scratch;
} Writer;

static char *
number (const Writer *w,
        double        value,
        int           decimals)
{
  char *text;

  if (isnan (value))
    return g_strdup ("–");
  text = g_strdup_printf ("%.*f", decimals, value);
  if (w->doc->language == SP_LANGUAGE_SV)
    g_strdelimit (text, ".", ',');
  return text;
}

static char *
percent (const Writer *w,
         double        share)
{
  g_autofree char *n = number (w, share * 100.0, 0);

  return isnan (share) ? g_strdup ("–") : g_strdup_printf ("%s %%", n);
}

static PangoLayout *
layout_text (Writer     *w,
             const char *text,
             double      size,
             gboolean    bold,
             double      width,
             PangoAlignment align)
{
  PangoLayout *layout = pango_layout_new (w->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
footer (Writer *w)
{
  g_autofree char *text = g_strdup_printf (P (w, "Page %u"), w->page + 1);
  g_autoptr(PangoLayout) layout = layout_text (w, text, 8, FALSE, TEXT_WIDTH, PANGO_ALIGN_RIGHT);

  cairo_set_source_rgb (w->cr, 0.4, 0.4, 0.4);
  cairo_move_to (w->cr, MARGIN, PAGE_HEIGHT - MARGIN / 2 - 10);
  pango_cairo_show_layout (w->cr, layout);
}

static void
new_page (Writer *w)
{
  footer (w);
  if (!w->one_page)
    cairo_show_page (w->cr);
  w->page++;
  w->y = MARGIN;
  if (w->one_page)
    w->cr = w->page == w->wanted ? w->target : w->scratch;
}

static void
need (Writer *w,
      double  height)
{
  if (w->y + height > PAGE_HEIGHT - MARGIN)
    new_page (w);
}

/* A paragraph at the cursor; moves it down. */
static void
paragraph (Writer     *w,
           const char *text,
           double      size,
           gboolean    bold,
           double      space_after)
{
  g_autoptr(PangoLayout) layout = layout_text (w, text, size, bold, TEXT_WIDTH, PANGO_ALIGN_LEFT);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  need (w, height / (double) PANGO_SCALE);
  cairo_set_source_rgb (w->cr, 0.14, 0.12, 0.19);
  cairo_move_to (w->cr, MARGIN, w->y);
  pango_cairo_show_layout (w->cr, layout);
  w->y += height / (double) PANGO_SCALE + space_after;
}

/* A table row: the first cell left, the rest right-aligned in equal
 * columns. */
static void
row (Writer             *w,
     const char * const *cells,
     guint               n,
     gboolean            heading)
{
  double first = n > 4 ? TEXT_WIDTH * 0.34 : TEXT_WIDTH * 0.40;
  double other = (TEXT_WIDTH - first) / MAX (n - 1, 1);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double height = 15.0;

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *layout = layout_text (w, cells[i] ? cells[i] : "", 9, heading,
                                         i == 0 ? first : other - 4,
                                         i == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
      int h;

      /* Headings wrap (up to three lines); values stay on one. */
      pango_layout_set_height (layout, heading ? -3 : -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_size (layout, NULL, &h);
      height = MAX (height, h / (double) PANGO_SCALE + 3.0);
      g_ptr_array_add (layouts, layout);
    }

  need (w, height);
  for (guint i = 0; i < n; i++)
    {
      cairo_set_source_rgb (w->cr, 0.14, 0.12, 0.19);
      cairo_move_to (w->cr, MARGIN + (i == 0 ? 0 : first + other * (i - 1)), w->y);
      pango_cairo_show_layout (w->cr, g_ptr_array_index (layouts, i));
    }
  w->y += height;
  cairo_set_source_rgba (w->cr, 0, 0, 0, heading ? 0.5 : 0.12);
  cairo_rectangle (w->cr, MARGIN, w->y - 2, TEXT_WIDTH, heading ? 0.8 : 0.4);
  cairo_fill (w->cr);
}

static char *
period_title (Writer         *w,
              const SpPeriod *period)
{
  int language = w->doc->language == SP_LANGUAGE_SV ? 1 : 0;
  int tertial = sp_period_get_tertial (period);
  char from[11], to[11];

  if (period->kind == SP_PERIOD_YEAR)
    return g_strdup_printf (P (w, "Annual summary %d"), sp_period_get_year (period));
  if (tertial > 0)
    {
      g_autofree char *head = g_strdup_printf (P (w, "Tertial %d, %d"), tertial, sp_period_get_year (period));

      return g_strdup_printf ("%s (%s–%s)", head, months[language][(tertial - 1) * 4],
                              months[language][(tertial - 1) * 4 + 3]);
    }
  sp_date_format (period->from, from);
  sp_date_format (period->to, to);
  return g_strdup_printf ("%s – %s", from, to);
}

static char *
short_period (Writer         *w,
              const SpPeriod *period)
{
  int tertial = sp_period_get_tertial (period);
  char from[11], to[11];

  if (period->kind == SP_PERIOD_YEAR)
    return g_strdup_printf ("%d", sp_period_get_year (period));
  if (tertial > 0)
    return g_strdup_printf ("T%d %d", tertial, sp_period_get_year (period));
  sp_date_format (period->from, from);
  sp_date_format (period->to, to);
  return g_strdup_printf ("%s – %s", from, to);
}

static void
cover (Writer *w)
{
  const SpStatsReport *report = w->doc->report;
  g_autofree char *title = period_title (w, &report->current->period);
  g_autofree char *scope = g_strdup_printf (P (w, "Scope: %s"),
                                            w->doc->scope ? w->doc->scope : P (w, "Whole organisation"));
  char made[11];
  g_autofree char *made_on = NULL;

  sp_date_format (w->doc->made_on != SP_DATE_NONE ? w->doc->made_on : sp_date_today (), made);
  made_on = g_strdup_printf (P (w, "Made on %s"), made);

  w->y = PAGE_HEIGHT * 0.28;
  paragraph (w, w->doc->organisation ? w->doc->organisation : "", 14, FALSE, 18);
  paragraph (w, P (w, "Summary of feedback and complaints"), 24, TRUE, 12);
  paragraph (w, title, 18, FALSE, 28);
  paragraph (w, scope, 11, FALSE, 6);
  paragraph (w, P (w, "Appendix to the quality report"), 11, FALSE, 6);
  paragraph (w, made_on, 11, FALSE, 40);
  paragraph (w, P (w, "Counts only: the summary holds no personal data."), 9, FALSE, 0);
  new_page (w);
}

static char *
count_text (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

static void
count_row (Writer     *w,
           const char *name,
           gint64      a,
           gint64      b,
           gint64      c)
{
  g_autofree char *x = count_text (a), *y = count_text (b), *z = count_text (c);
  const char *cells[] = { P (w, name), x, y, z };

  row (w, cells, 4, FALSE);
}

static void
value_row (Writer     *w,
           const char *name,
           char       *a,
           char       *b,
           char       *c)
{
  const char *cells[] = { P (w, name), a, b, c };

  row (w, cells, 4, FALSE);
  g_free (a);
  g_free (b);
  g_free (c);
}

static char *
change (Writer *w,
        gint64  now,
        gint64  before)
{
  g_autofree char *amount = NULL;

  if (before == 0 || now == before)
    return g_strdup (now == before ? P (w, "no change") : "–");
  amount = percent (w, fabs ((double) (now - before) / before));
  return g_strdup_printf (P (w, now > before ? "up %s" : "down %s"), amount);
}

static void
key_figures (Writer *w)
{
  const SpStatsReport *r = w->doc->report;
  const SpStatsFigures *f[] = { r->current, r->previous, r->last_year };
  g_autofree char *now = short_period (w, &r->current->period);
  g_autofree char *before = short_period (w, &r->previous->period);
  g_autofree char *last = short_period (w, &r->last_year->period);
  g_autofree char *head1 = g_strdup_printf ("%s\n%s", P (w, "This period"), now);
  g_autofree char *head2 = g_strdup_printf ("%s\n%s", P (w, "Previous period"), before);
  g_autofree char *head3 = g_strdup_printf ("%s\n%s", P (w, "Same period last year"), last);
  const char *heading[] = { "", head1, head2, head3 };
  g_autofree char *total = count_text (r->current->total);
  g_autofree char *previous = count_text (r->previous->total);
  g_autofree char *last_total = count_text (r->last_year->total);
  g_autofree char *trend = change (w, r->current->total, r->last_year->total);
  g_autofree char *within = percent (w, sp_stats_figures_within_share (r->current));
  g_autofree char *within_last = percent (w, sp_stats_figures_within_share (r->last_year));
  g_autofree char *sentence1 = g_strdup_printf (P (w, "%s cases against %s the previous period and %s the same period last year (%s)."),
                                                total, previous, last_total, trend);
  g_autofree char *sentence2 = g_strdup_printf (P (w, "%s of the cases due were answered within the deadline (%s the same period last year)."),
                                                within, within_last);

  paragraph (w, P (w, "Key figures"), 16, TRUE, 10);
  row (w, heading, 4, TRUE);
  w->y += 2;
  count_row (w, "Cases", f[0]->total, f[1]->total, f[2]->total);
  count_row (w, "Complaints", f[0]->complaints, f[1]->complaints, f[2]->complaints);
  count_row (w, "Positive feedback (what works)", f[0]->positive, f[1]->positive, f[2]->positive);
  value_row (w, "Answered within the deadline", percent (w, sp_stats_figures_within_share (f[0])),
             percent (w, sp_stats_figures_within_share (f[1])), percent (w, sp_stats_figures_within_share (f[2])));
  value_row (w, "Median handling time, days", number (w, f[0]->median_days, 1),
             number (w, f[1]->median_days, 1), number (w, f[2]->median_days, 1));
  value_row (w, "90th percentile, days", number (w, f[0]->p90_days, 1), number (w, f[1]->p90_days, 1),
             number (w, f[2]->p90_days, 1));
  value_row (w, "Median, working days", number (w, f[0]->median_working_days, 1),
             number (w, f[1]->median_working_days, 1), number (w, f[2]->median_working_days, 1));
  value_row (w, "Complaints justified",
             percent (w, sp_stats_figures_assessment_share (f[0], SP_ASSESSMENT_JUSTIFIED)),
             percent (w, sp_stats_figures_assessment_share (f[1], SP_ASSESSMENT_JUSTIFIED)),
             percent (w, sp_stats_figures_assessment_share (f[2], SP_ASSESSMENT_JUSTIFIED)));
  value_row (w, "Complaints partly justified",
             percent (w, sp_stats_figures_assessment_share (f[0], SP_ASSESSMENT_PARTLY_JUSTIFIED)),
             percent (w, sp_stats_figures_assessment_share (f[1], SP_ASSESSMENT_PARTLY_JUSTIFIED)),
             percent (w, sp_stats_figures_assessment_share (f[2], SP_ASSESSMENT_PARTLY_JUSTIFIED)));
  count_row (w, "Open and overdue", f[0]->overdue, f[1]->overdue, f[2]->overdue);

  w->y += 18;
  paragraph (w, P (w, "Comparisons"), 13, TRUE, 6);
  paragraph (w, sentence1, 10, FALSE, 4);
  paragraph (w, sentence2, 10, FALSE, 18);
}

static const char *
chart_title (Writer     *w,
             const char *id)
{
  static const char * const titles[][2] = {
    { "category", "Cases by category" },
    { "kind-valence", "Kind and valence" },
    { "trend", "Cases per month, the same months last year dotted" },
    { "deadline", "Answered within the deadline, by period" },
    { "unit", "Cases by unit" },
    { "channel", "Cases by channel" },
    { "assessment", "Complaints by assessment" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_strcmp0 (titles[i][0], id) == 0)
      return P (w, titles[i][1]);
  return id;
}

/* The labels in the document's language where it knows them: the core's
 * enum labels, and the months (keys "YYYY-MM"). */
static void
relabel (Writer      *w,
         const char  *id,
         SpChartData *data)
{
  int language = w->doc->language == SP_LANGUAGE_SV ? 1 : 0;

  for (guint i = 0; i < data->labels->len; i++)
    {
      const char *key = g_ptr_array_index (data->keys, i);
      int year, month;
      char *label = NULL;

      if (g_strcmp0 (id, "trend") == 0 && key != NULL && sscanf (key, "%d-%d", &year, &month) == 2 &&
          month >= 1 && month <= 12)
        label = g_strndup (months[language][month - 1], 3);
      else
        label = g_strdup (sp_summary_phrase (w->doc->language, g_ptr_array_index (data->labels, i)));
      g_free (g_ptr_array_index (data->labels, i));
      g_ptr_array_index (data->labels, i) = label;
    }
  for (guint s = 0; s < data->series->len; s++)
    {
      SpChartSeries *series = g_ptr_array_index (data->series, s);
      char *name = g_strdup (sp_summary_phrase (w->doc->language, series->name));

      g_free (series->name);
      series->name = name;
    }
}

static void
chart (Writer      *w,
       const char  *id,
       SpChartData *data)
{
  g_autoptr(SpChartScene) scene = NULL;
  guint n_series = data->series->len;
  g_autofree const char **cells = g_new0 (const char *, n_series + 1);

  relabel (w, id, data);
  need (w, 30 + CHART_HEIGHT + 16 * 4);
  paragraph (w, chart_title (w, id), 13, TRUE, 8);
  scene = sp_chart_scene_new (data, w->context, TEXT_WIDTH, CHART_HEIGHT);
  cairo_save (w->cr);
  cairo_translate (w->cr, MARGIN, w->y);
  sp_chart_scene_draw (scene, w->cr, FALSE);
  cairo_restore (w->cr);
  w->y += CHART_HEIGHT + 10;

  cells[0] = "";
  for (guint s = 0; s < n_series; s++)
    cells[s + 1] = ((SpChartSeries *) g_ptr_array_index (data->series, s))->name;
  row (w, cells, n_series + 1, TRUE);
  for (guint i = 0; i < data->labels->len; i++)
    {
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

      cells[0] = g_ptr_array_index (data->labels, i);
      for (guint s = 0; s < n_series; s++)
        {
          double v = sp_chart_series_get (g_ptr_array_index (data->series, s), i);
          char *text = data->kind == SP_CHART_SHARE ? percent (w, v) : number (w, v, 0);

          g_ptr_array_add (values, text);
          cells[s + 1] = text;
        }
      row (w, cells, n_series + 1, FALSE);
    }
  w->y += 22;
}

static void
pattern_signals (Writer *w)
{
  GPtrArray *found = w->doc->signals;
  const char *heading[] = { P (w, "Signal"), P (w, "Count"), P (w, "Before"), P (w, "Expected"), "p" };

  need (w, 120);
  paragraph (w, P (w, "Pattern signals"), 13, TRUE, 6);
  paragraph (w, P (w, "A category, unit or provider gives a signal when its count clearly exceeds what the previous three periods predict: a Poisson test against their mean, p < 0.01."),
             9, FALSE, 8);
  if (found == NULL || found->len == 0)
    {
      paragraph (w, P (w, "No pattern signals in the period."), 10, FALSE, 0);
      return;
    }
  row (w, heading, 5, TRUE);
  for (guint i = 0; i < found->len; i++)
    {
      SpStatsSignal *s = g_ptr_array_index (found, i);
      g_autofree char *count = count_text (s->count);
      g_autofree char *before = g_strdup_printf ("%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT,
                                                 s->previous[0], s->previous[1], s->previous[2]);
      g_autofree char *expected = number (w, s->expected, 1);
      g_autofree char *p = number (w, s->p_value, 4);
      const char *name = w->doc->signal_names && i < w->doc->signal_names->len
                         ? g_ptr_array_index (w->doc->signal_names, i) : s->key;
      const char *cells[] = { name, count, before, expected, p };

      row (w, cells, 5, FALSE);
    }
}

/* A text of many lines, line by line, so that it may go on over pages. */
static void
long_text (Writer     *w,
           const char *text,
           double      size)
{
  g_autoptr(PangoLayout) layout = layout_text (w, text, size, FALSE, TEXT_WIDTH, PANGO_ALIGN_LEFT);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      need (w, logical.height / (double) PANGO_SCALE);
      cairo_set_source_rgb (w->cr, 0.14, 0.12, 0.19);
      cairo_move_to (w->cr, MARGIN, w->y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE
                                      - logical.y / (double) PANGO_SCALE);
      pango_cairo_show_layout_line (w->cr, line);
      w->y += logical.height / (double) PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  w->y += 6;
}

static gboolean
has_text (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return TRUE;
  return FALSE;
}

/* The figures of the snapshot (sp_stats_figures_to_json()) in a line. */
static char *
snapshot_line (Writer     *w,
               const char *figures)
{
  g_autoptr(JsonNode) node = figures ? sp_json_parse (figures, -1, 16, NULL) : NULL;
  JsonObject *object;
  JsonObject *deadline;
  g_autofree char *total = NULL;
  g_autofree char *complaints = NULL;
  g_autofree char *within = NULL;
  double share = NAN;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  total = count_text (json_object_get_int_member_with_default (object, "total", 0));
  complaints = count_text (json_object_get_int_member_with_default (object, "complaints", 0));
  deadline = json_object_has_member (object, "deadline") &&
             JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "deadline"))
             ? json_object_get_object_member (object, "deadline") : NULL;
  if (deadline != NULL && json_object_has_member (deadline, "share") &&
      !json_object_get_null_member (deadline, "share"))
    share = json_object_get_double_member (deadline, "share");
  within = percent (w, share);
  return g_strdup_printf (P (w, "%s cases, %s complaints, %s answered within the deadline."),
                          total, complaints, within);
}

static void
labelled (Writer     *w,
          const char *label,
          const char *text)
{
  if (!has_text (text))
    return;
  need (w, 36);
  paragraph (w, label, 10, TRUE, 2);
  long_text (w, text, 10);
}

static void
compilations (Writer *w)
{
  GPtrArray *found = w->doc->compilations;

  need (w, 120);
  paragraph (w, P (w, "The units' compilations"), 13, TRUE, 6);
  paragraph (w, P (w, "Each unit's own compilation of the period: its figures when it was made, the analysis, the assessment and the actions taken and planned, with the time for follow-up."),
             9, FALSE, 8);
  if (found == NULL || found->len == 0)
    {
      paragraph (w, P (w, "No unit has made a compilation of the period."), 10, FALSE, 12);
      return;
    }
  for (guint i = 0; i < found->len; i++)
    {
      SpUnitCompilation *c = g_ptr_array_index (found, i);
      const char *unit = w->doc->compilation_units && i < w->doc->compilation_units->len
                         ? g_ptr_array_index (w->doc->compilation_units, i) : c->unit_id;
      g_autofree char *line = snapshot_line (w, c->figures);

      need (w, 90);
      paragraph (w, unit ? unit : "", 11, TRUE, 3);
      if (line != NULL)
        paragraph (w, line, 9, FALSE, 6);
      labelled (w, P (w, "Analysis"), c->analysis);
      labelled (w, P (w, "Assessment"), c->assessment);
      labelled (w, P (w, "Actions taken"), c->actions_taken);
      labelled (w, P (w, "Planned actions"), c->actions_planned);
      if (c->follow_up_on != SP_DATE_NONE)
        {
          char date[11];
          g_autofree char *text = NULL;

          sp_date_format (c->follow_up_on, date);
          text = g_strdup_printf (P (w, "Follow-up on %s"), date);
          paragraph (w, text, 10, FALSE, 4);
        }
      if (c->written_by != NULL && c->written_on != SP_DATE_NONE)
        {
          char date[11];
          g_autofree char *text = NULL;

          sp_date_format (c->written_on, date);
          text = g_strdup_printf (P (w, "Written by %s on %s"), c->written_by, date);
          paragraph (w, text, 8, FALSE, 14);
        }
    }
}

/* Every page, in order, on w->cr. */
static void
draw_all (Writer *w)
{
  const SpSummaryDocument *doc = w->doc;

  cover (w);
  key_figures (w);
  for (guint i = 0; doc->charts != NULL && i < doc->charts->len; i++)
    chart (w, g_ptr_array_index (doc->chart_ids, i), g_ptr_array_index (doc->charts, i));
  pattern_signals (w);
  new_page (w);
  compilations (w);
  footer (w);
}

guint
sp_summary_draw_page (const SpSummaryDocument *doc,
                      cairo_t                 *cr,
                      guint                    page)
{
  cairo_surface_t *nowhere;
  Writer w = { doc, NULL, NULL, MARGIN, 0, TRUE, page, cr, NULL };

  g_return_val_if_fail (doc != NULL && doc->report != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  nowhere = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  w.scratch = cairo_create (nowhere);
  w.cr = page == 0 ? cr : w.scratch;
  /* The layouts are measured as on the PDF surface, whatever @cr is:
   * unhinted metrics, so that lines and pages break where the PDF's do. */
  w.context = pango_cairo_create_context (w.scratch);
  pango_cairo_context_set_resolution (w.context, 72);
  {
    cairo_font_options_t *options = cairo_font_options_create ();

    cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options (w.context, options);
    cairo_font_options_destroy (options);
  }

  cairo_save (cr);
  draw_all (&w);
  cairo_restore (cr);

  g_object_unref (w.context);
  cairo_destroy (w.scratch);
  cairo_surface_destroy (nowhere);
  return w.page + 1;
}

gboolean
sp_summary_pdf_write (const SpSummaryDocument *doc,
                      const char              *path,
                      guint                   *n_pages,
                      GError                 **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  Writer w = { doc, NULL, NULL, MARGIN, 0, FALSE, 0, NULL, NULL };
  g_autofree char *title = NULL;

  g_return_val_if_fail (doc != NULL && doc->report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  w.cr = cairo_create (surface);
  w.context = pango_cairo_create_context (w.cr);
  pango_cairo_context_set_resolution (w.context, 72);
  title = g_strdup_printf ("%s – %s", P (&w, "Summary of feedback and complaints"),
                           doc->organisation ? doc->organisation : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);

  draw_all (&w);
  cairo_show_page (w.cr);

  g_object_unref (w.context);
  cairo_destroy (w.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_STORAGE, "%s: %s", path, cairo_status_to_string (status));
      return FALSE;
    }
  if (n_pages != NULL)
    *n_pages = w.page + 1;
  return TRUE;
}
