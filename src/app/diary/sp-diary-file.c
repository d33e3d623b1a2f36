/* sp-diary-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gi18n.h>

#include "sp-diary-file.h"
#include "sp-diary-pdf.h"

typedef struct
{
  SpDiaryFileOptions  options;
  GFile                *file;
  GPtrArray            *entries;       /* SpDiaryEntry, from the worker */
  char                 *organisation;
} Export;

static void
export_free (gpointer data)
{
  Export *e = data;

  g_clear_object (&e->file);
  g_clear_pointer (&e->entries, g_ptr_array_unref);
  g_free (e->organisation);
  g_free (e);
}

typedef struct
{
  GPtrArray *entries;
  char      *organisation;
} Read;

static void
read_free (gpointer data)
{
  Read *r = data;

  g_clear_pointer (&r->entries, g_ptr_array_unref);
  g_free (r->organisation);
  g_free (r);
}

/* Runs in the worker's thread. */
static gpointer
read_entries (SpStore       *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  const SpDiaryFileOptions *options = data;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) units = NULL;
  Read *r;
  SpCaseQuery query;

  sp_case_query_init (&query);
  query.registered_only = TRUE;
  query.from = options->from;
  query.to = options->to;
  query.sort = SP_CASE_SORT_DIARY_NUMBER;
  query.descending = FALSE;
  if ((cases = sp_store_query_cases (store, &query, error)) == NULL ||
      (units = sp_store_load_where (store, SP_TYPE_UNIT, NULL, NULL, error)) == NULL)
    return NULL;

  r = g_new0 (Read, 1);
  if ((r->entries = sp_diary_build (store, cases, error)) == NULL)
    {
      read_free (r);
      return NULL;
    }
  for (guint i = 0; i < units->len && r->organisation == NULL; i++)
    {
      SpUnit *unit = units->pdata[i];

      if (unit->kind == SP_UNIT_KIND_ADMINISTRATION)
        r->organisation = g_strdup (unit->name);
    }
  return r;
}

/* Runs in a GTask thread: cairo and the disk. */
static void
write_file (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  Export *e = data;
  GError *error = NULL;
  gboolean done;

  if (e->options.format == SP_DIARY_FILE_PDF)
    {
      g_autofree char *path = g_file_get_path (e->file);
      SpDiaryDocument doc = { e->options.language, e->organisation, e->options.from,
                              e->options.to, e->entries, sp_date_today () };

      if (path == NULL)
        {
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("The diary can only be saved to a local folder"));
          done = FALSE;
        }
      else
        done = sp_diary_pdf_write (&doc, path, NULL, &error);
    }
  else
    {
      g_autofree char *text = sp_diary_to_csv (e->entries, e->options.separator,
                                               e->options.separator == ';');

      done = g_file_replace_contents (e->file, text, strlen (text), NULL, FALSE,
                                      G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &error);
    }
  if (done)
    g_task_return_int (task, e->entries->len);
  else
    g_task_return_error (task, error);
}

static void
entries_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Export *e = g_task_get_task_data (task);
  GError *error = NULL;
  Read *r = sp_store_worker_run_finish (SP_STORE_WORKER (source), result, &error);

  if (r == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  e->entries = g_steal_pointer (&r->entries);
  e->organisation = g_steal_pointer (&r->organisation);
  read_free (r);
  g_task_run_in_thread (task, write_file);
}

void
sp_diary_file_write_async (SpStoreWorker              *worker,
                             const SpDiaryFileOptions *options,
                             GFile                      *file,
                             GCancellable               *cancellable,
                             GAsyncReadyCallback         callback,
                             gpointer                    user_data)
{
  GTask *task;
  Export *e;
  SpDiaryFileOptions *copy;

  g_return_if_fail (SP_IS_STORE_WORKER (worker));
  g_return_if_fail (options != NULL && G_IS_FILE (file));

  e = g_new0 (Export, 1);
  e->options = *options;
  e->file = g_object_ref (file);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_diary_file_write_async);
  g_task_set_task_data (task, e, export_free);

  copy = g_memdup2 (options, sizeof *options);
  sp_store_worker_run_async (worker, read_entries, copy, g_free, read_free, cancellable,
                             entries_read, task);
}

gboolean
sp_diary_file_write_finish (GAsyncResult  *result,
                              guint         *n_entries,
                              GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (n_entries != NULL)
    *n_entries = (guint) n;
  return TRUE;
}

/* The file chooser */

typedef struct
{
  SpStoreWorker        *worker;
  SpDiaryFileOptions  options;
  GAsyncReadyCallback   callback;
  gpointer              user_data;
} Choice;

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  Choice *c = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      const char *choice;

      if (c->options.format == SP_DIARY_FILE_CSV)
        {
          choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "separator");
          c->options.separator = g_strcmp0 (choice, "comma") == 0 ? ',' : ';';
        }
      else
        {
          choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "language");
          c->options.language = g_strcmp0 (choice, "en") == 0 ? SP_LANGUAGE_EN : SP_LANGUAGE_SV;
        }
      sp_diary_file_write_async (c->worker, &c->options, file, NULL, c->callback, c->user_data);
    }
  g_object_unref (c->worker);
  g_free (c);
  g_object_unref (chooser);
}

void
sp_diary_file_choose_async (GtkWindow                  *parent,
                              SpStoreWorker              *worker,
                              const SpDiaryFileOptions *options,
                              GAsyncReadyCallback         callback,
                              gpointer                    user_data)
{
  gboolean csv = options->format == SP_DIARY_FILE_CSV;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  char from[11], to[11];
  Choice *c;

  g_return_if_fail (SP_IS_STORE_WORKER (worker));
  g_return_if_fail (options != NULL);

  chooser = gtk_file_chooser_native_new (csv ? _("Export the Diary as CSV") : _("Save the Diary as PDF"),
                                         parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, csv ? _("CSV files") : _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, csv ? "text/csv" : "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (csv)
    {
      const char *ids[] = { "comma", "semicolon", NULL };
      const char *labels[] = { _("Comma"), _("Semicolon (spreadsheets set to Swedish)"), NULL };

      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "separator", _("Separator"), ids, labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "separator", "semicolon");
    }
  else
    {
      const char *ids[] = { "sv", "en", NULL };
      const char *labels[] = { "Svenska", "English", NULL };

      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "language", _("Language"), ids, labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "language", "sv");
    }
  sp_date_format (options->from, from);
  sp_date_format (options->to, to);
  /* Translators: the start of the exported diary's file name */
  name = g_strdup_printf ("%s-%s-%s.%s", _("diary"), from, to, csv ? "csv" : "pdf");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  c = g_new0 (Choice, 1);
  c->worker = g_object_ref (worker);
  c->options = *options;
  c->callback = callback;
  c->user_data = user_data;
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), c);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
