/* sp-redacted-copy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "sp-error.h"
#include "sp-redacted-copy.h"

#define PAGE_WIDTH   595.28
#define PAGE_HEIGHT  841.89
#define MARGIN_X     (25.0 / 25.4 * 72.0)
#define MARGIN_TOP   (20.0 / 25.4 * 72.0)
#define MARGIN_BOTTOM (20.0 / 25.4 * 72.0)
#define BODY_FONT    "Sans 10"
#define HEAD_FONT    "Sans Bold 12"
#define TITLE_FONT   "Sans Bold 16"
#define NBSP         "\xc2\xa0"

typedef struct
{
  guint start;
  guint end;
} Range;

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const Range *ra = a, *rb = b;

  return ra->start < rb->start ? -1 : ra->start > rb->start;
}

GArray *
sp_redaction_ranges (const char *text,
                     const char *passages)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  g_autofree char *lower = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean any = FALSE;
  GArray *merged;
  const char *haystack;

  if (text == NULL || *text == '\0')
    return ranges;

  lower = g_utf8_strdown (text, -1);
  /* Case folding that changes lengths would shift offsets: then exact. */
  haystack = strlen (lower) == strlen (text) ? lower : text;

  if (passages != NULL)
    lines = g_strsplit (passages, "\n", -1);
  for (guint i = 0; lines && lines[i]; i++)
    {
      g_autofree char *needle = g_utf8_strdown (g_strstrip (lines[i]), -1);
      const char *at = haystack;

      if (*needle == '\0')
        continue;
      any = TRUE;
      if (haystack == text)
        g_free (g_steal_pointer (&needle)), needle = g_strdup (lines[i]);
      while ((at = strstr (at, needle)) != NULL)
        {
          Range r = { (guint)(at - haystack), (guint)(at - haystack + strlen (needle)) };

          g_array_append_val (ranges, r);
          at += strlen (needle);
        }
    }

  if (!any)
    {
      Range whole = { 0, (guint) strlen (text) };

      g_array_append_val (ranges, whole);
      return ranges;
    }

  g_array_sort (ranges, compare_ranges);
  merged = g_array_new (FALSE, FALSE, sizeof (Range));
  for (guint i = 0; i < ranges->len; i++)
    {
      Range r = g_array_index (ranges, Range, i);

      if (merged->len > 0 && g_array_index (merged, Range, merged->len - 1).end >= r.start)
        {
          Range *last = &g_array_index (merged, Range, merged->len - 1);

          last->end = MAX (last->end, r.end);
        }
      else
        g_array_append_val (merged, r);
    }
  g_array_unref (ranges);
  return merged;
}

char *
sp_redaction_apply (const char *text,
                    GArray     *ranges)
{
  GString *out = g_string_new (NULL);
  guint next = 0;

  if (text == NULL)
    return g_string_free (out, FALSE);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      guint offset = (guint)(p - text);
      gboolean hidden = FALSE;

      while (next < ranges->len && g_array_index (ranges, Range, next).end <= offset)
        next++;
      if (next < ranges->len && g_array_index (ranges, Range, next).start <= offset)
        hidden = TRUE;

      if (!hidden)
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else if (*p == ' ' || *p == '\n')
        g_string_append_c (out, *p);
      else
        g_string_append (out, NBSP);
    }
  return g_string_free (out, FALSE);
}

/* Where the hidden characters are in what sp_redaction_apply() gave:
 * every no-break space that stands for a character, and the spaces
 * between them. */
static PangoAttrList *
black_boxes (const char *shown,
             const char *original)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  const char *p = shown;
  const char *q = original;

  while (*p && *q)
    {
      const char *start = p;

      if (strncmp (p, NBSP, 2) == 0 && strncmp (q, NBSP, 2) != 0)
        {
          /* A run of hidden characters, with the spaces inside it. */
          const char *end = p;
          const char *oq = q;

          while (*end && *oq &&
                 ((strncmp (end, NBSP, 2) == 0 && strncmp (oq, NBSP, 2) != 0) ||
                  (*end == ' ' && strncmp (g_utf8_next_char (end), NBSP, 2) == 0)))
            {
              end = g_utf8_next_char (end);
              oq = g_utf8_next_char (oq);
            }
          {
            PangoAttribute *bg = pango_attr_background_new (0, 0, 0);

            bg->start_index = start - shown;
            bg->end_index = end - shown;
            pango_attr_list_insert (attrs, bg);
          }
          p = end;
          q = oq;
          continue;
        }
      p = g_utf8_next_char (p);
      q = g_utf8_next_char (q);
    }
  return attrs;
}

typedef struct
{
  cairo_t *cr;
  double   y;
  guint    page;
} Pen;

static void
new_page_if_needed (Pen    *pen,
                    double  height)
{
  if (pen->y + height <= PAGE_HEIGHT - MARGIN_BOTTOM)
    return;
  cairo_show_page (pen->cr);
  pen->page++;
  pen->y = MARGIN_TOP;
}

/* Draws @text (markup-free) line by line, breaking pages between lines. */
static void
draw_text (Pen           *pen,
           const char    *font,
           const char    *text,
           PangoAttrList *attrs)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (pen->cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  int n_lines;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int)((PAGE_WIDTH - 2 * MARGIN_X) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text ? text : "", -1);
  if (attrs)
    pango_layout_set_attributes (layout, attrs);

  n_lines = pango_layout_get_line_count (layout);
  for (int i = 0; i < n_lines; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, i);
      PangoRectangle logical;
      double height;

      pango_layout_line_get_extents (line, NULL, &logical);
      height = (double) logical.height / PANGO_SCALE;
      new_page_if_needed (pen, height);
      cairo_move_to (pen->cr, MARGIN_X, pen->y - (double) logical.y / PANGO_SCALE);
      pango_cairo_show_layout_line (pen->cr, line);
      pen->y += height;
    }
  pen->y += 4;
}

static void
draw_redacted (Pen        *pen,
               const char *text,
               const char *passages)
{
  g_autoptr(GArray) ranges = sp_redaction_ranges (text, passages);
  g_autofree char *shown = sp_redaction_apply (text, ranges);
  PangoAttrList *attrs = black_boxes (shown, text);

  draw_text (pen, BODY_FONT, shown, attrs);
  pango_attr_list_unref (attrs);
}

static void
draw_withheld (Pen        *pen,
               const char *provision)
{
  g_autofree char *note =
    /* Translators: %s is a provision, e.g. OSL 26 kap. 1 § */
    g_strdup_printf (_("Withheld under %s."), provision ? provision : "");

  draw_text (pen, "Sans Italic 10", note, NULL);
}

static void
draw_redaction_note (Pen        *pen,
                     const char *provision)
{
  g_autofree char *note =
    /* Translators: %s is a provision, e.g. OSL 26 kap. 1 § */
    g_strdup_printf (_("Parts blacked out under %s."), provision ? provision : "");

  draw_text (pen, "Sans Italic 9", note, NULL);
}

/* One part's text as the review decided. */
static void
draw_part (Pen                 *pen,
           SpDisclosureRequest *request,
           SpReviewPart         part,
           const char          *text)
{
  SpReviewVerdict verdict = sp_disclosure_request_get_verdict (request, part);
  const char *provision = sp_disclosure_request_get_provision (request, part);

  switch (verdict)
    {
    case SP_REVIEW_WITHHOLD:
      draw_withheld (pen, provision);
      break;
    case SP_REVIEW_REDACT:
      draw_redacted (pen, text, sp_disclosure_request_get_passages (request, part));
      draw_redaction_note (pen, provision);
      break;
    case SP_REVIEW_DISCLOSE:
      draw_text (pen, BODY_FONT, text && *text ? text : "—", NULL);
      break;
    case SP_REVIEW_NOT_REVIEWED:
    case SP_N_REVIEWS:
    default:
      /* Nothing unreviewed leaves the office. */
      draw_withheld (pen, _("the secrecy review (not reviewed)"));
      break;
    }
}

static char *
sender_text (SpCase *kase)
{
  GString *out = g_string_new (NULL);

  if (kase->sender_anonymous)
    return g_strdup (_("Anonymous"));
  if (kase->sender_name)
    g_string_append_printf (out, "%s\n", kase->sender_name);
  if (kase->sender_address)
    g_string_append_printf (out, "%s\n", kase->sender_address);
  if (kase->sender_phone)
    g_string_append_printf (out, "%s\n", kase->sender_phone);
  if (kase->sender_email)
    g_string_append_printf (out, "%s\n", kase->sender_email);
  if (out->len > 0)
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static char *
investigation_text (SpInvestigation *inv)
{
  GString *out = g_string_new (NULL);

  if (inv == NULL)
    return g_string_free (out, FALSE);
  if (inv->facts)
    g_string_append_printf (out, "%s\n", inv->facts);
  if (inv->analysis)
    g_string_append_printf (out, "%s\n", inv->analysis);
  if (inv->actions_taken)
    g_string_append_printf (out, "%s\n", inv->actions_taken);
  if (inv->feedback_text)
    g_string_append_printf (out, "%s\n", inv->feedback_text);
  if (out->len > 0)
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static void
heading (Pen        *pen,
         const char *text)
{
  pen->y += 8;
  new_page_if_needed (pen, 40);
  draw_text (pen, HEAD_FONT, text, NULL);
}

static void
draw_copy (const SpRedactedCopy *copy,
           Pen                  *pen)
{
  SpCase *kase = copy->kase;
  SpDisclosureRequest *request = copy->request;
  g_autofree char *received = sp_date_to_string (kase->received_on);
  g_autofree char *made = sp_date_to_string (copy->date ? copy->date : sp_date_today ());
  g_autofree char *facts = NULL;
  g_autofree char *sender = sender_text (kase);
  g_autofree char *head = NULL;

  draw_text (pen, BODY_FONT, copy->organisation ? copy->organisation : "", NULL);
  draw_text (pen, TITLE_FONT,
             request->decision == SP_DISCLOSURE_DISCLOSE ? _("Copy of a case")
                                                          : _("Redacted copy of a case"),
             NULL);
  head = g_strdup_printf ("%s: %s\n%s: %s\n%s: %s\n%s: %s",
                          _("Diary number"), kase->diary_number ? kase->diary_number
                                                                : _("Not registered"),
                          _("Received"), received ? received : "",
                          _("Subject"), kase->subject ? kase->subject : "",
                          _("Copy made"), made);
  draw_text (pen, BODY_FONT, head, NULL);
  if (request->osl_provision && request->decision != SP_DISCLOSURE_DISCLOSE)
    {
      g_autofree char *basis =
        /* Translators: %s is a provision, e.g. OSL 26 kap. 1 § */
        g_strdup_printf (_("Secrecy under %s applies to what is blacked out or withheld."),
                         request->osl_provision);

      draw_text (pen, "Sans Italic 10", basis, NULL);
    }

  heading (pen, sp_review_part_label (SP_REVIEW_PART_SENDER));
  draw_part (pen, request, SP_REVIEW_PART_SENDER, sender);

  heading (pen, sp_review_part_label (SP_REVIEW_PART_DESCRIPTION));
  draw_part (pen, request, SP_REVIEW_PART_DESCRIPTION, kase->description);

  heading (pen, sp_review_part_label (SP_REVIEW_PART_INVESTIGATION));
  facts = investigation_text (copy->investigation);
  if (copy->investigation == NULL)
    draw_text (pen, BODY_FONT, _("No investigation was documented."), NULL);
  else
    draw_part (pen, request, SP_REVIEW_PART_INVESTIGATION, facts);

  heading (pen, sp_review_part_label (SP_REVIEW_PART_LETTERS));
  if (copy->letters == NULL || copy->letters->len == 0)
    draw_text (pen, BODY_FONT, _("No letters were sent."), NULL);
  for (guint i = 0; copy->letters && i < copy->letters->len; i++)
    {
      SpLetter *letter = copy->letters->pdata[i];
      g_autofree char *sent = sp_date_to_string (letter->sent_on);
      g_autofree char *title = g_strdup_printf ("%s, %s",
                                                sp_enum_get_label (&sp_letter_kind_info, letter->kind),
                                                sent ? sent : "");

      draw_text (pen, "Sans Bold 10", title, NULL);
      draw_part (pen, request, SP_REVIEW_PART_LETTERS, letter->body);
    }
}

gboolean
sp_redacted_copy_write_pdf (const SpRedactedCopy  *copy,
                            const char            *path,
                            GError               **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  Pen pen = { NULL, MARGIN_TOP, 0 };

  g_return_val_if_fail (copy != NULL && SP_IS_CASE (copy->kase), FALSE);
  g_return_val_if_fail (SP_IS_DISCLOSURE_REQUEST (copy->request), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A refusal hands nothing out. */
  if (copy->request->decision != SP_DISCLOSURE_DISCLOSE &&
      copy->request->decision != SP_DISCLOSURE_DISCLOSE_REDACTED)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "decision",
                          _("A copy is made once the request is decided: disclose, or disclose "
                            "with redactions"));
      return FALSE;
    }

  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  pen.cr = cairo_create (surface);
  cairo_set_source_rgb (pen.cr, 0, 0, 0);
  draw_copy (copy, &pen);
  cairo_show_page (pen.cr);
  cairo_destroy (pen.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      sp_set_field_error (error, SP_ERROR_STORAGE, NULL, _("The copy could not be written: %s"),
                          cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
