/* sp-letter-output.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF and the printed pages come from the same drawing
 * (src/report/sp-letter-pdf), so a letter printed again is the letter
 * that was sent: its exact text, its date and its recipient as stored.
 */

#include <glib/gi18n.h>

#include "sp-letter-output.h"
#include "sp-letter-pdf.h"
#include "sp-letter-template.h"

void
sp_letter_context_free (SpLetterContext *context)
{
  if (context == NULL)
    return;
  g_clear_object (&context->kase);
  g_clear_object (&context->unit);
  g_clear_object (&context->department);
  g_clear_object (&context->investigation);
  g_clear_pointer (&context->letters, g_ptr_array_unref);
  g_free (context->organisation);
  g_free (context);
}

static gpointer
load_job (SpStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  const char *case_id = data;
  g_autoptr(SpLetterContext) context = g_new0 (SpLetterContext, 1);

  if (!(context->kase = sp_store_get_case (store, case_id, error)))
    return NULL;
  if (context->kase->unit_id != NULL)
    context->unit = sp_store_load (store, SP_TYPE_UNIT, context->kase->unit_id, NULL);
  if (context->unit != NULL && context->unit->parent_id != NULL)
    context->department = sp_store_load (store, SP_TYPE_UNIT, context->unit->parent_id, NULL);
  context->organisation = sp_store_dup_organisation_name (store);
  context->investigation = sp_store_get_investigation (store, case_id, NULL);
  if (!(context->letters = sp_store_load_where (store, SP_TYPE_LETTER, "case_id", case_id, error)))
    return NULL;
  return g_steal_pointer (&context);
}

void
sp_letter_context_load_async (SpStoreWorker       *worker,
                              const char          *case_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (SP_IS_STORE_WORKER (worker));
  g_return_if_fail (case_id != NULL);

  sp_store_worker_run_async (worker, load_job, g_strdup (case_id), g_free,
                             (GDestroyNotify) sp_letter_context_free, cancellable, callback,
                             user_data);
}

SpLetterContext *
sp_letter_context_load_finish (SpStoreWorker  *worker,
                               GAsyncResult   *result,
                               GError        **error)
{
  return sp_store_worker_run_finish (worker, result, error);
}

GHashTable *
sp_letter_context_values (SpLetterContext *context,
                          SpLanguage       language,
                          const char      *writer)
{
  SpInvestigation *inv = context->investigation;
  const char *investigator = inv && inv->investigator_id ? inv->investigator_id : writer;
  GHashTable *values = sp_letter_values_new (context->kase, context->unit, context->department,
                                             context->organisation, investigator, language);

  /* The answer the investigation wrote for the sender. */
  if (inv != NULL && inv->feedback_text != NULL && *inv->feedback_text != 0)
    g_hash_table_insert (values, (gpointer) "answer", g_strdup (inv->feedback_text));
  return values;
}

/* What the drawing needs, owned, for a thread. */
typedef struct
{
  char             *organisation;
  char             *unit;
  char             *diary_number;
  char             *recipient;
  char             *body;
  SpDate            date;
  SpLanguage        language;
  char             *path;
  SpLetterDocument  doc;
} Document;

static void
document_free (gpointer data)
{
  Document *d = data;

  g_free (d->organisation);
  g_free (d->unit);
  g_free (d->diary_number);
  g_free (d->recipient);
  g_free (d->body);
  g_free (d->path);
  g_free (d);
}

static Document *
document_new (SpLetterContext *context,
              SpLetter        *letter)
{
  Document *d = g_new0 (Document, 1);

  d->organisation = g_strdup (context->organisation);
  d->unit = g_strdup (context->unit ? context->unit->name : NULL);
  d->diary_number = g_strdup (context->kase->diary_number);
  d->recipient = g_strdup (letter->recipient);
  d->body = g_strdup (letter->body ? letter->body : "");
  d->date = letter->sent_on != SP_DATE_NONE ? letter->sent_on : sp_date_today ();
  d->language = letter->language;
  d->doc = (SpLetterDocument) { d->organisation, d->unit, d->diary_number, d->recipient,
                                d->date, d->language, d->body };
  return d;
}

static void
write_pdf_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  Document *d = data;
  GError *error = NULL;

  if (sp_letter_write_pdf (&d->doc, d->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sp_letter_save_pdf_async (SpLetterContext     *context,
                          SpLetter            *letter,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Document *d = document_new (context, letter);

  g_task_set_source_tag (task, sp_letter_save_pdf_async);
  d->path = g_file_get_path (file);
  if (d->path == NULL)
    {
      document_free (d);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("The PDF can only be saved to a folder on this computer"));
      return;
    }
  g_task_set_task_data (task, d, document_free);
  g_task_run_in_thread (task, write_pdf_thread);
}

gboolean
sp_letter_save_pdf_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  Document            *document;
  SpLetterLayout      *layout;
  SpLetterPrintedFunc  callback;
  gpointer             user_data;
} Printing;

static void
printing_free (gpointer data)
{
  Printing *p = data;

  g_clear_pointer (&p->layout, sp_letter_layout_free);
  document_free (p->document);
  g_free (p);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *print_context,
                Printing          *p)
{
  g_clear_pointer (&p->layout, sp_letter_layout_free);
  p->layout = sp_letter_layout_new (&p->document->doc,
                                    gtk_print_context_get_cairo_context (print_context),
                                    gtk_print_context_get_width (print_context),
                                    gtk_print_context_get_height (print_context));
  gtk_print_operation_set_n_pages (operation, sp_letter_layout_get_n_pages (p->layout));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *print_context,
              int                page,
              Printing          *p)
{
  sp_letter_layout_draw_page (p->layout, gtk_print_context_get_cairo_context (print_context),
                              page);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               Printing                *p)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  p->callback (result == GTK_PRINT_OPERATION_RESULT_APPLY, error, p->user_data);
  g_object_unref (operation);
}

void
sp_letter_print (SpLetterContext     *context,
                 SpLetter            *letter,
                 GtkWindow           *parent,
                 SpLetterPrintedFunc  callback,
                 gpointer             user_data)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  Printing *p = g_new0 (Printing, 1);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  p->document = document_new (context, letter);
  p->callback = callback;
  p->user_data = user_data;
  g_object_set_data_full (G_OBJECT (operation), "sp-printing", p, printing_free);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  /* The layout keeps its own margins. */
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, context->kase->diary_number
                                                 ? context->kase->diary_number
                                                 : _("Letter"));
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), p);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), p);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), p);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                    &error);
  /* Run synchronously after all ("done" is not emitted then). */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    on_print_done (operation, result, p);
}

guint
sp_letter_preview_n_pages (SpLetterContext *context,
                           SpLetter        *letter)
{
  Document *d = document_new (context, letter);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  SpLetterLayout *layout = sp_letter_layout_new (&d->doc, cr, SP_LETTER_PAGE_WIDTH,
                                                 SP_LETTER_PAGE_HEIGHT);
  guint n = sp_letter_layout_get_n_pages (layout);

  sp_letter_layout_free (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  document_free (d);
  return n;
}

void
sp_letter_preview_draw (SpLetterContext *context,
                        SpLetter        *letter,
                        cairo_t         *cr)
{
  Document *d = document_new (context, letter);
  SpLetterLayout *layout = sp_letter_layout_new (&d->doc, cr, SP_LETTER_PAGE_WIDTH,
                                                 SP_LETTER_PAGE_HEIGHT);
  guint n = sp_letter_layout_get_n_pages (layout);

  for (guint i = 0; i < n; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, i * (SP_LETTER_PAGE_HEIGHT + SP_LETTER_PREVIEW_GAP));
      cairo_rectangle (cr, 0, 0, SP_LETTER_PAGE_WIDTH, SP_LETTER_PAGE_HEIGHT);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      sp_letter_layout_draw_page (layout, cr, i);
      cairo_restore (cr);
    }
  sp_letter_layout_free (layout);
  document_free (d);
}

char *
sp_letter_mailto_uri (const char *address,
                      const char *subject,
                      const char *body)
{
  g_autofree char *to = g_uri_escape_string (address ? address : "", "@", FALSE);
  g_autofree char *s = g_uri_escape_string (subject ? subject : "", NULL, FALSE);
  g_autofree char *b = g_uri_escape_string (body ? body : "", NULL, FALSE);

  return g_strdup_printf ("mailto:%s?subject=%s&body=%s", to, s, b);
}
