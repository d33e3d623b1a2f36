/* sp-analytics-view-print.c: printing the summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same pages as the PDF, drawn by the same code: the operation works
 * in points on A4 over the whole sheet, as the PDF surface does, and each
 * page is sp_summary_draw_page() on the print context.
 */

#include <glib/gi18n.h>

#include "sp-analytics-view-private.h"

static void
begin_print (GtkPrintOperation  *operation,
             GtkPrintContext    *context,
             SpAnalyticsSummary *summary)
{
  cairo_surface_t *nowhere = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (nowhere);

  gtk_print_operation_set_n_pages (operation, (int) sp_summary_draw_page (&summary->doc, cr, 0));
  cairo_destroy (cr);
  cairo_surface_destroy (nowhere);
}

static void
draw_page (GtkPrintOperation  *operation,
           GtkPrintContext    *context,
           int                 page_nr,
           SpAnalyticsSummary *summary)
{
  sp_summary_draw_page (&summary->doc, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static void
print_done (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            SpAnalyticsView         *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *text = NULL;

      gtk_print_operation_get_error (operation, &error);
      text = g_strdup_printf (_("Could not print the summary: %s"), error ? error->message : "");
      _sp_analytics_view_set_status (self, text);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    _sp_analytics_view_set_status (self, _("The summary was sent to the printer"));
}

/* Swedish when the interface is (LANGUAGE=sv), else English. */
static SpLanguage
interface_language (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && g_str_has_prefix (names[0], "sv") ? SP_LANGUAGE_SV : SP_LANGUAGE_EN;
}

GtkPrintOperationResult
sp_analytics_view_print (SpAnalyticsView          *self,
                         GtkPrintOperationAction   action,
                         const char               *export_path,
                         GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SpAnalyticsSummary *summary;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SP_IS_ANALYTICS_VIEW (self), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_path != NULL,
                        GTK_PRINT_OPERATION_RESULT_ERROR);

  if (self->data == NULL)
    return GTK_PRINT_OPERATION_RESULT_CANCEL;

  summary = _sp_analytics_view_make_summary (self, interface_language ());
  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  title = sp_period_get_label (&self->data->period);
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_allow_async (operation, action == GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  /* The operation keeps the summary as long as it draws. */
  g_object_set_data_full (G_OBJECT (operation), "summary", summary, _sp_analytics_summary_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), summary);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), summary);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done), self, 0);

  return gtk_print_operation_run (operation, action, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  error);
}
