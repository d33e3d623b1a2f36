/* sp-letter-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page: the organisation and unit at the top left, the date and
 * diary number at the top right, the recipient's address on the first
 * page, the text in 11 pt, and "page 1 of 2" at the foot. Lines of the
 * body are broken by pango and never split across pages.
 */

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "sp-error.h"
#include "sp-letter-pdf.h"

#define MARGIN_X      (25.0 / 25.4 * 72.0)
#define MARGIN_TOP    (20.0 / 25.4 * 72.0)
#define MARGIN_BOTTOM (20.0 / 25.4 * 72.0)
#define HEAD_HEIGHT   72.0
#define FOOT_HEIGHT   24.0
#define ADDRESS_HEIGHT 90.0

struct _SpLetterLayout
{
  char        *organisation;
  char        *unit;
  char        *diary_number;
  char        *date;
  char        *recipient;
  SpLanguage   language;
  double       width;
  double       height;
  PangoLayout *body;
  GArray      *page_starts;  /* the body's first line on each page */
};

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *font,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  /* The page is measured in points: a point of text is a unit of cairo. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);

  pango_layout_set_font_description (layout, desc);
  if (width > 0)
    pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static void
paginate (SpLetterLayout *self)
{
  PangoLayoutIter *iter = pango_layout_get_iter (self->body);
  double first_room = self->height - MARGIN_TOP - HEAD_HEIGHT - ADDRESS_HEIGHT
                      - MARGIN_BOTTOM - FOOT_HEIGHT;
  double room = self->height - MARGIN_TOP - HEAD_HEIGHT - MARGIN_BOTTOM - FOOT_HEIGHT;
  double page_top = 0;
  int line = 0;

  g_array_append_val (self->page_starts, line);
  do
    {
      PangoRectangle logical;
      double bottom;
      double limit = self->page_starts->len == 1 ? first_room : room;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      bottom = (double)(logical.y + logical.height) / PANGO_SCALE;
      if (bottom - page_top > limit && line > g_array_index (self->page_starts, int, self->page_starts->len - 1))
        {
          g_array_append_val (self->page_starts, line);
          page_top = (double)logical.y / PANGO_SCALE;
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

SpLetterLayout *
sp_letter_layout_new (const SpLetterDocument *doc,
                      cairo_t                *cr,
                      double                  width,
                      double                  height)
{
  SpLetterLayout *self;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (cr != NULL, NULL);

  self = g_new0 (SpLetterLayout, 1);
  self->organisation = g_strdup (doc->organisation ? doc->organisation : "");
  self->unit = g_strdup (doc->unit ? doc->unit : "");
  self->diary_number = g_strdup (doc->diary_number);
  self->date = sp_letter_format_date (doc->date != SP_DATE_NONE ? doc->date : sp_date_today (),
                                      doc->language);
  self->recipient = g_strdup (doc->recipient ? doc->recipient : "");
  self->language = doc->language;
  self->width = width;
  self->height = height;
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (int));
  self->body = make_layout (cr, "Serif 11", width - 2 * MARGIN_X);
  pango_layout_set_spacing (self->body, 2 * PANGO_SCALE);
  pango_layout_set_text (self->body, doc->body ? doc->body : "", -1);
  paginate (self);
  return self;
}

void
sp_letter_layout_free (SpLetterLayout *self)
{
  if (self == NULL)
    return;
  g_free (self->organisation);
  g_free (self->unit);
  g_free (self->diary_number);
  g_free (self->date);
  g_free (self->recipient);
  g_clear_object (&self->body);
  g_array_unref (self->page_starts);
  g_free (self);
}

guint
sp_letter_layout_get_n_pages (SpLetterLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->page_starts->len;
}

static void
show_text (cairo_t    *cr,
           const char *font,
           const char *text,
           double      x,
           double      y,
           double      width,
           PangoAlignment alignment)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, font, width);

  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

void
sp_letter_layout_draw_page (SpLetterLayout *self,
                            cairo_t        *cr,
                            guint           page)
{
  double text_width = self->width - 2 * MARGIN_X;
  double top = MARGIN_TOP + HEAD_HEIGHT;
  int first, last;
  g_autofree char *right = NULL;
  g_autofree char *foot = NULL;
  PangoLayoutIter *iter;
  double offset = -1;
  int line = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->page_starts->len);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  /* The head: who writes, when and under which number. */
  {
    g_autofree char *left = g_strdup_printf ("%s\n%s", self->organisation, self->unit);

    show_text (cr, "Sans Bold 12", left, MARGIN_X, MARGIN_TOP, text_width * 0.6, PANGO_ALIGN_LEFT);
  }
  if (self->diary_number != NULL && *self->diary_number)
    right = g_strdup_printf ("%s\n%s %s", self->date,
                             self->language == SP_LANGUAGE_SV ? "Dnr" : "Ref.", self->diary_number);
  else
    right = g_strdup (self->date);
  show_text (cr, "Sans 10", right, MARGIN_X + text_width * 0.6, MARGIN_TOP,
             text_width * 0.4, PANGO_ALIGN_RIGHT);

  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_X, MARGIN_TOP + HEAD_HEIGHT - 12);
  cairo_line_to (cr, self->width - MARGIN_X, MARGIN_TOP + HEAD_HEIGHT - 12);
  cairo_stroke (cr);

  if (page == 0)
    {
      show_text (cr, "Serif 11", self->recipient, MARGIN_X, top, text_width, PANGO_ALIGN_LEFT);
      top += ADDRESS_HEIGHT;
    }

  /* The body's lines of this page. */
  first = g_array_index (self->page_starts, int, page);
  last = page + 1 < self->page_starts->len ? g_array_index (self->page_starts, int, page + 1)
                                           : G_MAXINT;
  iter = pango_layout_get_iter (self->body);
  do
    {
      if (line >= first && line < last)
        {
          PangoRectangle logical;
          int baseline = pango_layout_iter_get_baseline (iter);

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          if (offset < 0)
            offset = (double)logical.y / PANGO_SCALE;
          cairo_move_to (cr, MARGIN_X + (double)logical.x / PANGO_SCALE,
                         top + (double)baseline / PANGO_SCALE - offset);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (line < last && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  /* The foot: page numbers. */
  foot = g_strdup_printf (self->language == SP_LANGUAGE_SV ? "Sida %u av %u" : "Page %u of %u",
                          page + 1, self->page_starts->len);
  show_text (cr, "Sans 9", foot, MARGIN_X, self->height - MARGIN_BOTTOM - 12, text_width,
             PANGO_ALIGN_CENTER);
  cairo_restore (cr);
}

gboolean
sp_letter_write_pdf (const SpLetterDocument *doc,
                     const char             *path,
                     GError                **error)
{
  const double width = 595.28, height = 841.89;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(SpLetterLayout) layout = NULL;
  cairo_status_t status;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, width, height);
  cr = cairo_create (surface);
  {
    g_autofree char *title = g_strdup_printf ("%s %s", doc->organisation ? doc->organisation : "",
                                              doc->diary_number ? doc->diary_number : "");

    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  }

  layout = sp_letter_layout_new (doc, cr, width, height);
  for (guint i = 0; i < sp_letter_layout_get_n_pages (layout); i++)
    {
      sp_letter_layout_draw_page (layout, cr, i);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_STORAGE, "%s: %s", path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
