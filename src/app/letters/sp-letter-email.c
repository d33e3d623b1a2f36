/* sp-letter-email.c: a letter handed to the user's mail program, with its
 * PDF attached
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF is written where the session keeps its private files
 * (XDG_RUNTIME_DIR, readable by the user alone and emptied when they log
 * out), since the mail program reads it only when the e-mail is sent and
 * the letter holds the sender's personal data.
 */

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sp-letter-email.h"

typedef struct
{
  GtkWindow *parent;
  char      *address;
  char      *subject;
  char      *body;
  char      *path;       /* the PDF's */
} Email;

static void
email_free (gpointer data)
{
  Email *email = data;

  g_clear_object (&email->parent);
  g_free (email->address);
  g_free (email->subject);
  g_free (email->body);
  g_free (email->path);
  g_free (email);
}

char *
sp_letter_pdf_name (SpLetterContext *context,
                    SpLetterKind     kind)
{
  const char *number = context->kase->diary_number;
  char *name;

  name = g_strdup_printf ("%s %s.pdf", number ? number : _("Letter"),
                          sp_enum_get_label (&sp_letter_kind_info, kind));
  g_strdelimit (name, "/\\", '-');

  return name;
}

static void
mail_opened (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The text alone, where no mail program takes an attachment. */
static void
send_text (GTask *task)
{
  Email *email = g_task_get_task_data (task);
  g_autofree char *uri = sp_letter_mailto_uri (email->address, email->subject, email->body);

  if (email->path != NULL)
    g_unlink (email->path);
  gtk_show_uri_full (email->parent, uri, GDK_CURRENT_TIME, g_task_get_cancellable (task),
                     mail_opened, g_object_ref (task));
}

static void
mail_program_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* xdg-email says 3 (no mail program found) or 4 (it failed). */
  g_debug ("xdg-email: %s", error->message);
  send_text (task);
}

static void
pdf_written (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Email *email = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) mail = NULL;
  GCancellable *cancellable;

  if (!sp_letter_save_pdf_finish (result, &error))
    {
      g_debug ("The letter's PDF was not written: %s", error->message);
      g_clear_pointer (&email->path, g_free);
      send_text (task);
      return;
    }

  mail = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                           "xdg-email", "--utf8", "--subject", email->subject,
                           "--body", email->body, "--attach", email->path,
                           email->address, NULL);
  if (mail == NULL)
    {
      g_debug ("xdg-email: %s", error->message);
      send_text (task);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  g_subprocess_wait_check_async (mail, cancellable, mail_program_done, g_steal_pointer (&task));
}

/* A folder of the user's alone for the attachments. */
static char *
attachment_dir (void)
{
  char *dir = g_build_filename (g_get_user_runtime_dir (), "synpunkt", "letters", NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_clear_pointer (&dir, g_free);

  return dir;
}

void
sp_letter_email_async (SpLetterContext     *context,
                       SpLetter            *letter,
                       GtkWindow           *parent,
                       const char          *address,
                       const char          *subject,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *program = g_find_program_in_path ("xdg-email");
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) file = NULL;
  Email *email = g_new0 (Email, 1);

  g_return_if_fail (context != NULL);
  g_return_if_fail (SP_IS_LETTER (letter));

  g_task_set_source_tag (task, sp_letter_email_async);
  email->parent = parent != NULL ? g_object_ref (parent) : NULL;
  email->address = g_strdup (address ? address : "");
  email->subject = g_strdup (subject ? subject : "");
  email->body = g_strdup (letter->body ? letter->body : "");
  g_task_set_task_data (task, email, email_free);

  if (program == NULL || (dir = attachment_dir ()) == NULL)
    {
      send_text (task);
      return;
    }

  name = sp_letter_pdf_name (context, letter->kind);
  email->path = g_build_filename (dir, name, NULL);
  file = g_file_new_for_path (email->path);
  sp_letter_save_pdf_async (context, letter, file, cancellable, pdf_written,
                            g_steal_pointer (&task));
}

gboolean
sp_letter_email_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
