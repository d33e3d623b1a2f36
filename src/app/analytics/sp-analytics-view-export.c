/* sp-analytics-view-export.c: the view's scopes, its CSV export and its summary PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both files are written off the main thread: the CSV with
 * g_file_replace_contents_async(), the PDF in a GTask thread (cairo and
 * pango only, from figures already counted).
 */

#include <glib/gi18n.h>

#include "sp-analytics-view-private.h"
#include "sp-summary-pdf.h"

/* The records of a reference-data model, in its order, as an array. */
static GPtrArray *
_sp_analytics_reference_array (GListModel *model)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (records, g_list_model_get_item (model, i));

  return records;
}

void
_sp_analytics_view_fill_scopes (SpAnalyticsView *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) units = self->names ? _sp_analytics_reference_array (sp_reference_get_units (self->names)) : NULL;
  g_autoptr(GPtrArray) providers = self->names ? _sp_analytics_reference_array (sp_reference_get_providers (self->names)) : NULL;
  guint selected = gtk_drop_down_get_selected (self->scope_dropdown);
  g_autofree char *was = selected < self->scopes->len ? g_strdup (g_ptr_array_index (self->scopes, selected)) : NULL;
  guint again = 0;

  g_ptr_array_set_size (self->scopes, 0);
  gtk_string_list_append (list, _("Whole organisation"));
  g_ptr_array_add (self->scopes, g_strdup ("organisation"));
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; units != NULL && i < units->len; i++)
      {
        SpUnit *unit = g_ptr_array_index (units, i);
        gboolean department = unit->kind == SP_UNIT_KIND_DEPARTMENT;

        if (unit->kind == SP_UNIT_KIND_ADMINISTRATION || department != (pass == 0))
          continue;
        gtk_string_list_append (list, unit->name);
        g_ptr_array_add (self->scopes, g_strconcat (department ? "department:" : "unit:",
                                                    SP_ENTITY (unit)->id, NULL));
      }
  for (guint i = 0; providers != NULL && i < providers->len; i++)
    {
      SpProvider *provider = g_ptr_array_index (providers, i);

      gtk_string_list_append (list, provider->name);
      g_ptr_array_add (self->scopes, g_strconcat ("provider:", SP_ENTITY (provider)->id, NULL));
    }
  for (guint i = 0; was != NULL && i < self->scopes->len; i++)
    if (g_str_equal (was, g_ptr_array_index (self->scopes, i)))
      again = i;

  self->updating++;
  gtk_drop_down_set_model (self->scope_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->scope_dropdown, again);
  self->updating--;
}

char *
_sp_analytics_view_scope_label (SpAnalyticsView *self)
{
  GListModel *model = gtk_drop_down_get_model (self->scope_dropdown);
  guint selected = gtk_drop_down_get_selected (self->scope_dropdown);

  if (model != NULL && selected < g_list_model_get_n_items (model))
    return g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (model), selected));
  return g_strdup (_("Whole organisation"));
}

char *
_sp_analytics_view_key_name (SpAnalyticsView  *self,
                             SpStatsDimension  dimension,
                             const char       *key)
{
  const char *name = NULL;

  if (self->names != NULL && dimension == SP_STATS_CATEGORY)
    name = sp_reference_get_category_name (self->names, key);
  else if (self->names != NULL && (dimension == SP_STATS_UNIT || dimension == SP_STATS_DEPARTMENT))
    name = sp_reference_get_unit_name (self->names, key);
  else if (self->names != NULL && dimension == SP_STATS_PROVIDER)
    name = sp_reference_get_provider_name (self->names, key);
  return g_strdup (name != NULL && *name ? name : key);
}

static char *
organisation_name (SpAnalyticsView *self)
{
  g_autoptr(GPtrArray) units = self->names ? _sp_analytics_reference_array (sp_reference_get_units (self->names)) : NULL;

  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      SpUnit *unit = g_ptr_array_index (units, i);

      if (unit->kind == SP_UNIT_KIND_ADMINISTRATION)
        return g_strdup (unit->name);
    }
  return g_strdup ("Synpunkt");
}

/* The CSV */

static void
csv_written (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SpAnalyticsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (object));
  g_autofree char *text = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      if (self->disposed)
        return;
      text = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);
      _sp_analytics_view_set_status (self, text);
      return;
    }
  if (self->disposed)
    return;
  text = g_strdup_printf (_("Saved “%s”"), name);
  _sp_analytics_view_set_status (self, text);
  _sp_analytics_view_file_written (self);
}

void
sp_analytics_view_export_csv (SpAnalyticsView *self,
                              GFile           *file,
                              char             separator)
{
  g_autoptr(GBytes) bytes = NULL;
  char *text;

  g_return_if_fail (SP_IS_ANALYTICS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (separator == ',' || separator == ';');

  if (self->data == NULL)
    return;
  /* Counts only, keyed by enum names, codes and ids: no personal data. */
  text = sp_stats_report_to_csv (self->data->report, separator, separator == ';');
  bytes = g_bytes_new_take (text, strlen (text));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, csv_written, g_object_ref (self));
}

/* The summary */

void
_sp_analytics_summary_free (gpointer p)
{
  SpAnalyticsSummary *summary = p;

  g_ptr_array_unref (summary->doc.signal_names);
  g_ptr_array_unref (summary->doc.compilation_units);
  g_ptr_array_unref (summary->doc.chart_ids);
  g_ptr_array_unref (summary->doc.charts);
  sp_analytics_data_free (summary->data);
  g_free (summary->organisation);
  g_free (summary->scope);
  g_free (summary->path);
  g_free (summary);
}

static void
write_summary (GTask        *task,
               gpointer      source,
               gpointer      p,
               GCancellable *cancellable)
{
  SpAnalyticsSummary *summary = p;
  GError *error = NULL;

  if (sp_summary_pdf_write (&summary->doc, summary->path, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
summary_written (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SpAnalyticsView *self = SP_ANALYTICS_VIEW (object);
  SpAnalyticsSummary *summary = g_task_get_task_data (G_TASK (result));
  g_autofree char *name = g_path_get_basename (summary->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->disposed)
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      text = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);
      _sp_analytics_view_set_status (self, text);
      return;
    }
  text = g_strdup_printf (_("Saved “%s”"), name);
  _sp_analytics_view_set_status (self, text);
  _sp_analytics_view_file_written (self);
}

SpAnalyticsSummary *
_sp_analytics_view_make_summary (SpAnalyticsView *self,
                                 SpLanguage       language)
{
  SpAnalyticsSummary *summary;

  g_assert (self->data != NULL);

  summary = g_new0 (SpAnalyticsSummary, 1);
  summary->data = sp_analytics_data_ref (self->data);
  summary->organisation = organisation_name (self);
  /* The summary names the whole organisation in its own language. */
  summary->scope = gtk_drop_down_get_selected (self->scope_dropdown) == 0
                   ? NULL : _sp_analytics_view_scope_label (self);
  summary->doc.language = language;
  summary->doc.organisation = summary->organisation;
  summary->doc.scope = summary->scope;
  summary->doc.report = self->data->report;
  summary->doc.signals = self->data->signals;
  summary->doc.signal_names = g_ptr_array_new_with_free_func (g_free);
  summary->doc.chart_ids = g_ptr_array_new ();
  summary->doc.charts = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_chart_data_free);
  summary->doc.made_on = sp_date_today ();
  summary->doc.compilations = self->data->compilations;
  summary->doc.compilation_units = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; self->data->compilations != NULL && i < self->data->compilations->len; i++)
    {
      SpUnitCompilation *c = g_ptr_array_index (self->data->compilations, i);

      g_ptr_array_add (summary->doc.compilation_units,
                       _sp_analytics_view_key_name (self, SP_STATS_UNIT, c->unit_id));
    }
  for (guint i = 0; self->data->signals != NULL && i < self->data->signals->len; i++)
    {
      SpStatsSignal *s = g_ptr_array_index (self->data->signals, i);

      g_ptr_array_add (summary->doc.signal_names, _sp_analytics_view_key_name (self, s->dimension, s->key));
    }
  for (guint i = 0; sp_analytics_chart_ids[i] != NULL; i++)
    {
      g_ptr_array_add (summary->doc.chart_ids, (gpointer) sp_analytics_chart_ids[i]);
      g_ptr_array_add (summary->doc.charts,
                       sp_analytics_data_chart (self->data, sp_analytics_chart_ids[i], self->names));
    }
  return summary;
}

void
sp_analytics_view_write_summary (SpAnalyticsView *self,
                                 GFile           *file,
                                 SpLanguage       language)
{
  g_autoptr(GTask) task = NULL;
  SpAnalyticsSummary *summary;

  g_return_if_fail (SP_IS_ANALYTICS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->data == NULL || g_file_peek_path (file) == NULL)
    return;

  summary = _sp_analytics_view_make_summary (self, language);
  summary->path = g_strdup (g_file_peek_path (file));

  _sp_analytics_view_set_status (self, _("Writing the summary…"));
  task = g_task_new (self, NULL, summary_written, NULL);
  g_task_set_source_tag (task, sp_analytics_view_write_summary);
  g_task_set_task_data (task, summary, _sp_analytics_summary_free);
  g_task_run_in_thread (task, write_summary);
}

/* The file choosers */

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  SpAnalyticsView *self)
{
  g_autoptr(GFile) file = NULL;
  const char *kind = g_object_get_data (G_OBJECT (chooser), "kind");

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      if (g_str_equal (kind, "csv"))
        sp_analytics_view_export_csv (self, file,
                                      g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser),
                                                                              "separator"),
                                                 "semicolon") == 0 ? ';' : ',');
      else
        sp_analytics_view_write_summary (self, file,
                                         g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser),
                                                                                 "language"),
                                                    "en") == 0 ? SP_LANGUAGE_EN : SP_LANGUAGE_SV);
    }
  g_clear_object (&self->chooser);
}

static char *
file_name (SpAnalyticsView *self,
           const char      *what,
           const char      *extension)
{
  g_autofree char *period = sp_period_to_string (&self->data->period);

  return g_strdup_printf ("%s-%s.%s", what, period, extension);
}

static void
open_chooser (SpAnalyticsView *self,
              const char      *kind)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gboolean csv = g_str_equal (kind, "csv");
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->data == NULL || self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (csv ? _("Export the Figures as CSV") : _("Save the Summary"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, csv ? _("CSV files") : _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, csv ? "text/csv" : "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (csv)
    {
      const char *ids[] = { "comma", "semicolon", NULL };
      const char *labels[] = { _("Comma"), _("Semicolon (spreadsheets set to Swedish)"), NULL };

      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "separator", _("Separator"), ids, labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "separator", "semicolon");
      /* Translators: the start of the exported file's name */
      name = file_name (self, _("figures"), "csv");
    }
  else
    {
      const char *ids[] = { "sv", "en", NULL };
      const char *labels[] = { "Svenska", "English", NULL };

      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "language", _("Language"), ids, labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "language", "sv");
      /* Translators: the start of the summary's file name */
      name = file_name (self, _("summary"), "pdf");
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "kind", g_strdup (kind), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response), self, 0);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
export_csv_activated (GtkWidget  *widget,
                      const char *action,
                      GVariant   *parameter)
{
  open_chooser (SP_ANALYTICS_VIEW (widget), "csv");
}

static void
summary_activated (GtkWidget  *widget,
                   const char *action,
                   GVariant   *parameter)
{
  open_chooser (SP_ANALYTICS_VIEW (widget), "pdf");
}

static void
reload_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  sp_analytics_view_reload (SP_ANALYTICS_VIEW (widget));
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  sp_analytics_view_print (SP_ANALYTICS_VIEW (widget), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, NULL);
}

static void
compilation_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  sp_analytics_view_open_compilation (SP_ANALYTICS_VIEW (widget));
}

void
_sp_analytics_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "analytics.export-csv", NULL, export_csv_activated);
  gtk_widget_class_install_action (widget_class, "analytics.summary", NULL, summary_activated);
  gtk_widget_class_install_action (widget_class, "analytics.reload", NULL, reload_activated);
  gtk_widget_class_install_action (widget_class, "analytics.compilation", NULL, compilation_activated);
  gtk_widget_class_install_action (widget_class, "analytics.print", NULL, print_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "analytics.print", NULL);
}
