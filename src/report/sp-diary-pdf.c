/* sp-diary-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "sp-diary-pdf.h"

/* A4 landscape: the subject needs the width. */
#define PAGE_WIDTH 841.89
#define PAGE_HEIGHT 595.28
#define MARGIN 42.0
#define TEXT_WIDTH (PAGE_WIDTH - 2 * MARGIN)

/* The document's own words and the enums' English labels: English, then
 * Swedish in the routines' words. */
static const char * const phrases[][2] = {
  { "Diary", "Diarium" },
  { "Feedback and complaints, %s – %s", "Synpunkter och klagomål, %s – %s" },
  { "Made on %s", "Upprättat %s" },
  { "%u entries", "%u poster" },
  { "The diary shows that a part is secret and under which provision, never the part itself.",
    "Diariet visar att en uppgift omfattas av sekretess och enligt vilken bestämmelse, aldrig uppgiften." },
  { "No registered cases in the period.", "Inga diarieförda ärenden under perioden." },
  { "Number", "Diarienummer" },
  { "Date", "Datum" },
  { "Kind", "Typ" },
  { "Subject", "Rubrik" },
  { "Unit", "Enhet" },
  { "Status", "Status" },
  { "Secrecy", "Sekretess" },
  { "Marked secret", "Sekretessmarkerat" },
  { "Restricted", "Begränsad åtkomst" },
  { "Page %u", "Sida %u" },
  { "Opinion", "Synpunkt" },
  { "Complaint", "Klagomål" },
  { "Citizen proposal", "Medborgarförslag" },
  { "Received", "Inkommet" },
  { "Registered", "Diariefört" },
  { "Assigned", "Fördelat" },
  { "Acknowledged", "Mottagningsbekräftat" },
  { "Under investigation", "Under utredning" },
  { "Awaiting provider", "Inväntar utförare" },
  { "Assessed", "Bedömt" },
  { "Feedback given", "Återkoppling given" },
  { "Closed", "Avslutat" },
  { "Forwarded elsewhere", "Överlämnat" },
  { "Other routine", "Annan rutin" },
  { "The whole case", "Hela ärendet" },
  { "The sender", "Avsändaren" },
  { "The description", "Beskrivningen" },
  { "The investigation", "Utredningen" },
  { "A letter", "Ett brev" },
};

static const char *phrase (SpLanguage  language,
                           const char *english) G_GNUC_FORMAT (2);

static const char *
phrase (SpLanguage  language,
        const char *english)
{
  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    if (g_str_equal (phrases[i][0], english))
      return phrases[i][language == SP_LANGUAGE_SV ? 1 : 0];
  return english;
}

#define P(w, text) phrase ((w)->doc->language, text)

typedef struct
{
  const SpDiaryDocument *doc;
  cairo_t               *cr;
  PangoContext          *context;
  double                 y;
  guint                  page;
} Writer;

/* The columns' shares of the width. */
static const double widths[] = { 0.12, 0.08, 0.09, 0.31, 0.14, 0.11, 0.15 };
static const char * const headings[] = {
  "Number", "Date", "Kind", "Subject", "Unit", "Status", "Secrecy"
};

static PangoLayout *
layout_text (Writer     *w,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_layout_new (w->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static void
paragraph (Writer     *w,
           const char *text,
           double      size,
           gboolean    bold,
           double      space_after)
{
  g_autoptr(PangoLayout) layout = layout_text (w, text, size, bold, TEXT_WIDTH);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  cairo_set_source_rgb (w->cr, 0.14, 0.12, 0.19);
  cairo_move_to (w->cr, MARGIN, w->y);
  pango_cairo_show_layout (w->cr, layout);
  w->y += height / (double) PANGO_SCALE + space_after;
}

static void
footer (Writer *w)
{
  g_autofree char *text = g_strdup_printf (P (w, "Page %u"), w->page + 1);
  g_autoptr(PangoLayout) layout = layout_text (w, text, 8, FALSE, TEXT_WIDTH);

  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  cairo_set_source_rgb (w->cr, 0.4, 0.4, 0.4);
  cairo_move_to (w->cr, MARGIN, PAGE_HEIGHT - MARGIN / 2 - 10);
  pango_cairo_show_layout (w->cr, layout);
}

/* One row of cells; subjects wrap to at most three lines. */
static void
row (Writer             *w,
     const char * const *cells,
     gboolean            heading);

static void
heading_row (Writer *w)
{
  const char *cells[G_N_ELEMENTS (headings)];

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    cells[i] = P (w, headings[i]);
  row (w, cells, TRUE);
}

static void
new_page (Writer *w)
{
  footer (w);
  cairo_show_page (w->cr);
  w->page++;
  w->y = MARGIN;
  heading_row (w);
}

static void
row (Writer             *w,
     const char * const *cells,
     gboolean            heading)
{
  PangoLayout *layouts[G_N_ELEMENTS (widths)];
  double height = 14.0;
  double x = MARGIN;

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      int h;

      layouts[i] = layout_text (w, cells[i], 8.5, heading, TEXT_WIDTH * widths[i] - 6);
      pango_layout_set_height (layouts[i], -3);
      pango_layout_set_ellipsize (layouts[i], PANGO_ELLIPSIZE_END);
      pango_layout_get_size (layouts[i], NULL, &h);
      height = MAX (height, h / (double) PANGO_SCALE + 4.0);
    }

  if (!heading && w->y + height > PAGE_HEIGHT - MARGIN)
    new_page (w);
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      cairo_set_source_rgb (w->cr, 0.14, 0.12, 0.19);
      cairo_move_to (w->cr, x, w->y);
      pango_cairo_show_layout (w->cr, layouts[i]);
      x += TEXT_WIDTH * widths[i];
      g_object_unref (layouts[i]);
    }
  w->y += height;
  cairo_set_source_rgba (w->cr, 0, 0, 0, heading ? 0.5 : 0.12);
  cairo_rectangle (w->cr, MARGIN, w->y - 2, TEXT_WIDTH, heading ? 0.8 : 0.4);
  cairo_fill (w->cr);
}

static char *
secrecy_text (Writer             *w,
              const SpDiaryEntry *entry)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < entry->markings->len; i++)
    {
      SpSecrecyMarking *marking = entry->markings->pdata[i];
      g_autofree char *reference = sp_secrecy_provision_reference (marking->provision);
      const char *part = sp_enum_is_valid (&sp_secrecy_part_info, marking->part)
                         ? sp_secrecy_part_info.values[marking->part].label : "";

      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%s (%s)", reference ? reference : "", P (w, part));
    }
  if (out->len == 0 && entry->restricted)
    g_string_append (out, P (w, "Restricted"));
  return g_string_free (out, FALSE);
}

static const char *
label (Writer           *w,
       const SpEnumInfo *info,
       int               value)
{
  return sp_enum_is_valid (info, value) ? P (w, info->values[value].label) : "";
}

static void
entry_row (Writer             *w,
           const SpDiaryEntry *entry)
{
  g_autofree char *secrecy = secrecy_text (w, entry);
  char date[11] = "";
  const char *cells[G_N_ELEMENTS (widths)];

  if (entry->received_on != SP_DATE_NONE)
    sp_date_format (entry->received_on, date);
  cells[0] = entry->diary_number;
  cells[1] = date;
  cells[2] = label (w, &sp_case_kind_info, entry->kind);
  /* The marking, never what it hides. */
  cells[3] = entry->subject ? entry->subject : P (w, "Marked secret");
  cells[4] = entry->unit_name ? entry->unit_name : "";
  cells[5] = label (w, &sp_status_info, entry->status);
  cells[6] = secrecy;
  row (w, cells, FALSE);
}

gboolean
sp_diary_pdf_write (const SpDiaryDocument *doc,
                    const char            *path,
                    guint                 *n_pages,
                    GError               **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  Writer w = { doc, NULL, NULL, MARGIN, 0 };
  g_autofree char *title = NULL;
  g_autofree char *made_on = NULL;
  g_autofree char *count = NULL;
  char from[11] = "", to[11] = "", made[11];

  g_return_val_if_fail (doc != NULL && doc->entries != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (doc->from != SP_DATE_NONE)
    sp_date_format (doc->from, from);
  if (doc->to != SP_DATE_NONE)
    sp_date_format (doc->to, to);
  sp_date_format (doc->made_on != SP_DATE_NONE ? doc->made_on : sp_date_today (), made);

  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  w.cr = cairo_create (surface);
  w.context = pango_cairo_create_context (w.cr);
  pango_cairo_context_set_resolution (w.context, 72);
  title = g_strdup_printf (P (&w, "Feedback and complaints, %s – %s"), from, to);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);

  paragraph (&w, doc->organisation, 11, FALSE, 4);
  paragraph (&w, P (&w, "Diary"), 18, TRUE, 2);
  paragraph (&w, title, 12, FALSE, 4);
  made_on = g_strdup_printf (P (&w, "Made on %s"), made);
  count = g_strdup_printf (P (&w, "%u entries"), doc->entries->len);
  paragraph (&w, made_on, 9, FALSE, 0);
  paragraph (&w, count, 9, FALSE, 2);
  paragraph (&w, P (&w, "The diary shows that a part is secret and under which provision, never "
                        "the part itself."), 8, FALSE, 10);
  heading_row (&w);
  for (guint i = 0; i < doc->entries->len; i++)
    entry_row (&w, doc->entries->pdata[i]);
  if (doc->entries->len == 0)
    paragraph (&w, P (&w, "No registered cases in the period."), 10, FALSE, 0);
  footer (&w);
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
