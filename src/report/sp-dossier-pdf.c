/* sp-dossier-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "sp-dossier-pdf.h"

#define PAGE_WIDTH    595.28
#define PAGE_HEIGHT   841.89
#define MARGIN_X      (25.0 / 25.4 * 72.0)
#define MARGIN_TOP    (20.0 / 25.4 * 72.0)
#define MARGIN_BOTTOM (22.0 / 25.4 * 72.0)
#define TEXT_WIDTH    (PAGE_WIDTH - 2 * MARGIN_X)

typedef struct
{
  cairo_t *cr;
  double   y;
  guint    page;
} Pen;

static void
footer (Pen *pen)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (pen->cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string ("Sans 8");
  /* Translators: the page number at the foot of the dossier */
  g_autofree char *text = g_strdup_printf (_("Page %u"), pen->page + 1);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (TEXT_WIDTH * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (pen->cr, MARGIN_X, PAGE_HEIGHT - MARGIN_BOTTOM / 2 - 8);
  pango_cairo_show_layout (pen->cr, layout);
}

static void
need (Pen    *pen,
      double  height)
{
  if (pen->y + height <= PAGE_HEIGHT - MARGIN_BOTTOM)
    return;
  footer (pen);
  cairo_show_page (pen->cr);
  pen->page++;
  pen->y = MARGIN_TOP;
}

/* @text line by line, breaking pages between lines. */
static void
text (Pen        *pen,
      const char *font,
      const char *body)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (pen->cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  int n_lines;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (TEXT_WIDTH * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, body ? body : "", -1);
  n_lines = pango_layout_get_line_count (layout);
  for (int i = 0; i < n_lines; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, i);
      PangoRectangle logical;
      double height;

      pango_layout_line_get_extents (line, NULL, &logical);
      height = (double) logical.height / PANGO_SCALE;
      need (pen, height);
      cairo_move_to (pen->cr, MARGIN_X, pen->y - (double) logical.y / PANGO_SCALE);
      pango_cairo_show_layout_line (pen->cr, line);
      pen->y += height;
    }
  pen->y += 4;
}

static void
heading (Pen        *pen,
         const char *title)
{
  pen->y += 10;
  need (pen, 48);
  text (pen, "Sans Bold 12", title);
}

/* "Label: value" when there is a value. */
static void
field (GString    *out,
       const char *label,
       const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (out, "%s: %s\n", label, value);
}

static void
date_field (GString    *out,
            const char *label,
            SpDate      date)
{
  g_autofree char *value = date != SP_DATE_NONE ? sp_date_to_string (date) : NULL;

  field (out, label, value);
}

static void
paragraph (Pen     *pen,
           GString *out)
{
  if (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  text (pen, "Sans 10", out->str);
  g_string_truncate (out, 0);
}

static void
draw_case (Pen             *pen,
           const SpDossier *d,
           GString         *out)
{
  SpCase *kase = d->kase;

  field (out, _("Diary number"), kase->diary_number ? kase->diary_number : _("Not registered"));
  date_field (out, _("Received"), kase->received_on);
  field (out, _("Kind"), sp_enum_get_label (&sp_case_kind_info, kase->kind));
  field (out, _("Channel"), sp_enum_get_label (&sp_channel_info, kase->channel));
  field (out, _("Status"), sp_enum_get_label (&sp_status_info, kase->status));
  field (out, _("Unit"), d->unit_name);
  date_field (out, _("Feedback given"), kase->feedback_on);
  date_field (out, _("Closed"), kase->closed_on);
  paragraph (pen, out);

  heading (pen, _("The sender"));
  if (kase->sender_anonymous)
    g_string_append_printf (out, "%s\n", _("Anonymous"));
  field (out, _("Name"), kase->sender_name);
  field (out, _("Address"), kase->sender_address);
  field (out, _("Phone"), kase->sender_phone);
  field (out, _("E-mail"), kase->sender_email);
  if (out->len == 0)
    g_string_append (out, _("The sender’s details have been erased."));
  paragraph (pen, out);

  heading (pen, _("Subject and description"));
  text (pen, "Sans Bold 10", kase->subject);
  text (pen, "Sans 10", kase->description);
  if (kase->service_note != NULL)
    {
      field (out, _("Service note"), kase->service_note);
      paragraph (pen, out);
    }
}

static void
draw_investigation (Pen             *pen,
                    const SpDossier *d,
                    GString         *out)
{
  SpInvestigation *inv = d->investigation;

  heading (pen, _("The investigation"));
  if (inv == NULL)
    {
      text (pen, "Sans 10", _("No investigation was documented."));
      return;
    }
  field (out, _("What happened"), inv->facts);
  field (out, _("Who was heard"), inv->heard);
  field (out, _("Analysis"), inv->analysis);
  field (out, _("Assessment"), sp_enum_get_label (&sp_assessment_info, inv->assessment));
  field (out, _("Actions taken"), inv->actions_taken);
  field (out, _("The answer to the sender"), inv->feedback_text);
  date_field (out, _("Follow-up"), inv->follow_up_on);
  field (out, _("Answer to the authority"), inv->authority_answer);
  paragraph (pen, out);
}

static void
draw_letters (Pen             *pen,
              const SpDossier *d,
              GString         *out)
{
  heading (pen, _("Letters sent"));
  if (d->letters == NULL || d->letters->len == 0)
    text (pen, "Sans 10", _("No letters were sent."));
  for (guint i = 0; d->letters != NULL && i < d->letters->len; i++)
    {
      SpLetter *letter = d->letters->pdata[i];
      g_autofree char *sent = sp_date_to_string (letter->sent_on);
      g_autofree char *title = g_strdup_printf ("%s, %s, %s",
                                                sp_enum_get_label (&sp_letter_kind_info, letter->kind),
                                                sent ? sent : "",
                                                sp_enum_get_label (&sp_letter_method_info, letter->method));

      text (pen, "Sans Bold 10", title);
      text (pen, "Sans 10", letter->body);
    }
}

static void
draw_accounts (Pen             *pen,
               const SpDossier *d,
               GString         *out)
{
  heading (pen, _("Accounts asked for"));
  if (d->accounts == NULL || d->accounts->len == 0)
    text (pen, "Sans 10", _("No account was asked for."));
  for (guint i = 0; d->accounts != NULL && i < d->accounts->len; i++)
    {
      SpAccountRequest *r = d->accounts->pdata[i];

      field (out, _("Asked of"), r->requested_from ? r->requested_from
                                                   : sp_enum_get_label (&sp_account_source_info, r->source));
      date_field (out, _("Asked on"), r->requested_on);
      date_field (out, _("Last date"), r->due_on);
      if (r->received_on != SP_DATE_NONE)
        {
          date_field (out, _("Came on"), r->received_on);
          field (out, _("How"), sp_enum_get_label (&sp_account_method_info, r->received_method));
          field (out, _("The account"), r->account);
        }
      else
        g_string_append_printf (out, "%s\n", _("No account has come."));
      paragraph (pen, out);
    }
}

static void
draw_links_and_files (Pen             *pen,
                      const SpDossier *d,
                      GString         *out)
{
  heading (pen, _("Linked cases"));
  if (d->links == NULL || d->links->len == 0)
    text (pen, "Sans 10", _("No linked cases."));
  for (guint i = 0; d->links != NULL && i < d->links->len; i++)
    {
      SpCaseLink *link = d->links->pdata[i];

      g_string_append_printf (out, "%s %s\n", sp_enum_get_label (&sp_case_link_kind_info, link->kind),
                              sp_case_link_other_end (link, SP_ENTITY (d->kase)->id));
    }
  if (out->len > 0)
    paragraph (pen, out);

  heading (pen, _("Attachments"));
  if (d->attachments == NULL || d->attachments->len == 0)
    text (pen, "Sans 10", _("No attachments."));
  for (guint i = 0; d->attachments != NULL && i < d->attachments->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) d->attachments->pdata[i]);
  if (out->len > 0)
    paragraph (pen, out);
}

static void
draw_history (Pen             *pen,
              const SpDossier *d,
              GString         *out)
{
  heading (pen, _("History"));
  for (guint i = 0; d->events != NULL && i < d->events->len; i++)
    {
      SpCaseEvent *e = d->events->pdata[i];
      g_autofree char *at = sp_timestamp_to_string (e->at);

      g_string_append_printf (out, "%s  %s  %s", at ? at : "", e->actor_name ? e->actor_name : "",
                              sp_enum_get_label (&sp_event_kind_info, e->kind));
      if (e->field != NULL)
        g_string_append_printf (out, " (%s)", e->field);
      if (e->old_value != NULL || e->new_value != NULL)
        g_string_append_printf (out, ": %s → %s", e->old_value ? e->old_value : "–",
                                e->new_value ? e->new_value : "–");
      g_string_append_c (out, '\n');
    }
  if (out->len > 0)
    {
      g_string_truncate (out, out->len - 1);
      text (pen, "Sans 8.5", out->str);
      g_string_truncate (out, 0);
    }
}

gboolean
sp_dossier_pdf_write (const SpDossier *d,
                      const char      *path,
                      guint           *n_pages,
                      GError         **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *made = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Pen pen = { NULL, MARGIN_TOP, 0 };

  g_return_val_if_fail (d != NULL && SP_IS_CASE (d->kase), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  made = sp_date_to_string (d->made_on != SP_DATE_NONE ? d->made_on : sp_date_today ());
  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  pen.cr = cairo_create (surface);
  title = g_strdup_printf ("%s %s", _("The case whole"), d->kase->diary_number ? d->kase->diary_number : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_set_source_rgb (pen.cr, 0, 0, 0);

  text (&pen, "Sans 10", d->organisation ? d->organisation : "");
  text (&pen, "Sans Bold 16", _("The case whole"));
  {
    /* Translators: %s is a date */
    g_autofree char *line = g_strdup_printf (_("Made for the diary on %s"), made);

    text (&pen, "Sans Italic 9", line);
  }
  if (d->markings != NULL && d->markings->len > 0)
    {
      g_string_append (out, _("Secrecy markings in force: review before handing out."));
      g_string_append_c (out, '\n');
      for (guint i = 0; i < d->markings->len; i++)
        {
          SpSecrecyMarking *m = d->markings->pdata[i];
          g_autofree char *reference = sp_secrecy_provision_reference (m->provision);

          g_string_append_printf (out, "%s (%s)\n", reference ? reference : "",
                                  sp_enum_get_label (&sp_secrecy_part_info, m->part));
        }
      g_string_truncate (out, out->len - 1);
      text (&pen, "Sans Bold 10", out->str);
      g_string_truncate (out, 0);
    }
  draw_case (&pen, d, out);
  draw_investigation (&pen, d, out);
  draw_letters (&pen, d, out);
  draw_accounts (&pen, d, out);
  draw_links_and_files (&pen, d, out);
  draw_history (&pen, d, out);
  footer (&pen);
  cairo_show_page (pen.cr);

  cairo_destroy (pen.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      sp_set_field_error (error, SP_ERROR_STORAGE, NULL, _("The dossier could not be written: %s"),
                          cairo_status_to_string (status));
      return FALSE;
    }
  if (n_pages != NULL)
    *n_pages = pen.page + 1;
  return TRUE;
}
