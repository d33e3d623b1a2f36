/* sp-dossier-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "sp-dossier-file.h"
#include "sp-dossier-pdf.h"

typedef struct
{
  char            *case_id;
  GFile           *file;
  SpCase          *kase;
  char            *unit_name;
  char            *organisation;
  SpInvestigation *investigation;
  GPtrArray       *letters;
  GPtrArray       *accounts;
  GPtrArray       *links;
  GPtrArray       *markings;
  GPtrArray       *events;
} Dossier;

static void
dossier_free (gpointer data)
{
  Dossier *d = data;

  g_free (d->case_id);
  g_clear_object (&d->file);
  g_clear_object (&d->kase);
  g_free (d->unit_name);
  g_free (d->organisation);
  g_clear_object (&d->investigation);
  g_clear_pointer (&d->letters, g_ptr_array_unref);
  g_clear_pointer (&d->accounts, g_ptr_array_unref);
  g_clear_pointer (&d->links, g_ptr_array_unref);
  g_clear_pointer (&d->markings, g_ptr_array_unref);
  g_clear_pointer (&d->events, g_ptr_array_unref);
  g_free (d);
}

/* Runs in the worker's thread: fills the task's dossier. */
static gpointer
read_dossier (SpStore       *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Dossier *d = data;
  g_autoptr(GHashTable) active = NULL;
  g_autoptr(GPtrArray) units = NULL;
  GPtrArray *markings;

  if ((d->kase = sp_store_get_case (store, d->case_id, error)) == NULL ||
      (d->letters = sp_store_load_where (store, SP_TYPE_LETTER, "case_id", d->case_id, error)) == NULL ||
      (d->accounts = sp_store_get_account_requests (store, d->case_id, error)) == NULL ||
      (d->links = sp_store_get_case_links (store, d->case_id, error)) == NULL ||
      (d->events = sp_store_get_case_events (store, d->case_id, error)) == NULL ||
      (active = sp_store_get_active_markings (store, error)) == NULL ||
      (units = sp_store_load_where (store, SP_TYPE_UNIT, NULL, NULL, error)) == NULL)
    return NULL;
  d->investigation = sp_store_get_investigation (store, d->case_id, NULL);
  markings = g_hash_table_lookup (active, d->case_id);
  d->markings = markings ? g_ptr_array_ref (markings) : g_ptr_array_new ();
  for (guint i = 0; i < units->len; i++)
    {
      SpUnit *unit = units->pdata[i];

      if (g_strcmp0 (SP_ENTITY (unit)->id, d->kase->unit_id) == 0)
        d->unit_name = g_strdup (unit->name);
      if (unit->kind == SP_UNIT_KIND_ADMINISTRATION && d->organisation == NULL)
        d->organisation = g_strdup (unit->name);
    }
  return g_strdup ("");
}

/* Runs in a GTask thread: cairo and the disk. */
static void
write_file (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  Dossier *d = data;
  g_autofree char *path = g_file_get_path (d->file);
  SpDossier doc = { d->organisation, d->kase, d->unit_name, d->investigation, d->letters, d->accounts,
                    d->links, d->markings, NULL, d->events, sp_date_today () };
  GError *error = NULL;

  if (path == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("The case can only be saved to a local folder"));
  else if (sp_dossier_pdf_write (&doc, path, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
dossier_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autofree char *done = NULL;
  GError *error = NULL;

  done = sp_store_worker_run_finish (SP_STORE_WORKER (source), result, &error);
  if (done == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, write_file);
}

void
sp_dossier_file_write_async (SpStoreWorker       *worker,
                             const char          *case_id,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  Dossier *d;

  g_return_if_fail (SP_IS_STORE_WORKER (worker));
  g_return_if_fail (case_id != NULL && G_IS_FILE (file));

  d = g_new0 (Dossier, 1);
  d->case_id = g_strdup (case_id);
  d->file = g_object_ref (file);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_dossier_file_write_async);
  g_task_set_task_data (task, d, dossier_free);
  /* The worker fills the task's dossier; the task outlives the job. */
  sp_store_worker_run_async (worker, read_dossier, d, NULL, g_free, cancellable, dossier_read, task);
}

gboolean
sp_dossier_file_write_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  SpStoreWorker       *worker;
  char                *case_id;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
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
    sp_dossier_file_write_async (c->worker, c->case_id, file, NULL, c->callback, c->user_data);
  g_object_unref (c->worker);
  g_free (c->case_id);
  g_free (c);
  g_object_unref (chooser);
}

void
sp_dossier_file_choose_async (GtkWindow           *parent,
                              SpStoreWorker       *worker,
                              const char          *case_id,
                              const char          *diary_number,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  Choice *c;

  g_return_if_fail (SP_IS_STORE_WORKER (worker));
  g_return_if_fail (case_id != NULL);

  chooser = gtk_file_chooser_native_new (_("Save the Case Whole as PDF"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the start of the saved case's file name */
  name = g_strdup_printf ("%s-%s.pdf", _("case"), diary_number ? diary_number : case_id);
  g_strdelimit (name, "/ ", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  c = g_new0 (Choice, 1);
  c->worker = g_object_ref (worker);
  c->case_id = g_strdup (case_id);
  c->callback = callback;
  c->user_data = user_data;
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), c);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
