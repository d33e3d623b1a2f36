/* sp-letter-composer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text starts as the template of the kind and language chosen, with
 * every placeholder the case can fill filled; what is left is listed to
 * fill in, and blocks sending (sp_letter_check(), the store's own check).
 * A letter is stored only once it went out: the PDF written, the print
 * dialog confirmed, or the mail program opened. What is stored is the
 * exact text, so that it can be printed again the same.
 */

#include <glib/gi18n.h>

#include "sp-investigation-check.h"
#include "sp-letter-composer.h"
#include "sp-letter-email.h"
#include "sp-letter-output.h"
#include "sp-letter-template.h"
#include "sp-store-investigation.h"

struct _SpLetterComposer
{
  AdwWindow        parent_instance;

  SpStoreWorker   *worker;
  GCancellable    *cancellable;
  SpActor         *actor;          /* a copy */
  char            *case_id;
  SpLetterKind     kind;
  SpLanguage       language;

  SpLetterContext *context;
  GHashTable      *values;
  GPtrArray       *unfilled_rows;
  char            *unfilled_key;    /* the names listed, to rebuild on change */
  char            *problem;
  gboolean         filling;
  gboolean         sending;

  AdwComboRow     *kind_row;
  AdwComboRow     *language_row;
  AdwEntryRow     *recipient_name_row;
  AdwEntryRow     *recipient_address_row;
  AdwEntryRow     *email_row;
  AdwPreferencesGroup *unfilled_group;
  GtkMenuButton   *phrases_button;
  GtkPopover      *phrases_popover;
  GtkListBox      *phrases_list;
  GtkTextView     *body_view;
  GtkDrawingArea  *preview_area;
  GtkLabel        *problem_label;
  GtkButton       *pdf_button;
  GtkButton       *print_button;
  GtkButton       *email_button;
};

G_DEFINE_FINAL_TYPE (SpLetterComposer, sp_letter_composer, ADW_TYPE_WINDOW)

enum {
  SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
strip_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  return *copy ? g_steal_pointer (&copy) : NULL;
}

char *
sp_letter_composer_dup_text (SpLetterComposer *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (SP_IS_LETTER_COMPOSER (self), NULL);

  buffer = gtk_text_view_get_buffer (self->body_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static SpLetter *
build_letter (SpLetterComposer *self,
              SpLetterMethod    method)
{
  SpLetter *letter = sp_letter_new ();
  g_autofree char *name = strip_or_null (gtk_editable_get_text (GTK_EDITABLE (self->recipient_name_row)));
  g_autofree char *address = strip_or_null (gtk_editable_get_text (GTK_EDITABLE (self->recipient_address_row)));
  const char *contact = self->values ? g_hash_table_lookup (self->values, "contact_name") : NULL;

  letter->case_id = g_strdup (self->case_id);
  letter->kind = self->kind;
  letter->language = self->language;
  if (name != NULL || address != NULL)
    letter->recipient = g_strjoin ("\n", name ? name : "", address ? address : "", NULL);
  letter->body = sp_letter_composer_dup_text (self);
  letter->contact_person = g_strdup (contact);
  letter->method = method;
  letter->sent_on = sp_date_today ();
  letter->sent_by = g_strdup (self->actor->display_name);
  return letter;
}

static void
set_problem (SpLetterComposer *self,
             const char       *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_label_set_text (self->problem_label, problem ? problem : "");
}

static void
update_buttons (SpLetterComposer *self)
{
  g_autoptr(SpLetter) letter = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *email = NULL;
  gboolean ok;

  if (self->context == NULL)
    {
      set_problem (self, NULL);
      ok = FALSE;
    }
  else
    {
      letter = build_letter (self, SP_LETTER_METHOD_POST);
      problems = sp_letter_check (letter, self->context->kase);
      if (!sp_letter_template_check (letter->body, &error))
        set_problem (self, error->message);
      else if (problems->len > 0)
        set_problem (self, ((SpProblem *) problems->pdata[0])->message);
      else
        set_problem (self, NULL);
      ok = self->problem == NULL && !self->sending;
    }

  email = strip_or_null (gtk_editable_get_text (GTK_EDITABLE (self->email_row)));
  gtk_widget_set_sensitive (GTK_WIDGET (self->pdf_button), ok);
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), ok);
  gtk_widget_set_sensitive (GTK_WIDGET (self->email_button), ok && email != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->phrases_button), self->context != NULL);
}

static const char *
placeholder_label (const char *name)
{
  for (guint i = 0; i < sp_letter_n_placeholders; i++)
    if (g_str_equal (sp_letter_placeholders[i].name, name))
      return _(sp_letter_placeholders[i].label);
  return name;
}

/* Replaces each {{name}} of the text with what was typed for it. */
static void
on_unfilled_apply (AdwEntryRow      *row,
                   SpLetterComposer *self)
{
  const char *name = g_object_get_data (G_OBJECT (row), "sp-placeholder");
  g_autofree char *value = strip_or_null (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autofree char *text = NULL;
  g_autofree char *token = NULL;
  g_auto(GStrv) pieces = NULL;
  g_autofree char *joined = NULL;

  if (value == NULL)
    return;
  text = sp_letter_composer_dup_text (self);
  token = g_strconcat ("{{", name, "}}", NULL);
  pieces = g_strsplit (text, token, -1);
  joined = g_strjoinv (value, pieces);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), joined, -1);
}

static void
update_unfilled (SpLetterComposer *self)
{
  g_autofree char *text = sp_letter_composer_dup_text (self);
  g_auto(GStrv) unfilled = sp_letter_template_unfilled (text);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *key = NULL;

  for (guint i = 0; unfilled != NULL && unfilled[i] != NULL; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < names->len; j++)
        seen |= g_str_equal (names->pdata[j], unfilled[i]);
      if (!seen)
        g_ptr_array_add (names, unfilled[i]);
    }
  g_ptr_array_add (names, NULL);
  key = g_strjoinv (",", (GStrv) names->pdata);

  /* Rebuilt only when the list changes, not at every key typed. */
  if (g_strcmp0 (key, self->unfilled_key) != 0)
    {
      for (guint i = 0; i < self->unfilled_rows->len; i++)
        adw_preferences_group_remove (self->unfilled_group, self->unfilled_rows->pdata[i]);
      g_ptr_array_set_size (self->unfilled_rows, 0);

      for (guint i = 0; names->pdata[i] != NULL; i++)
        {
          GtkWidget *row = adw_entry_row_new ();
          const char *name = names->pdata[i];

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), placeholder_label (name));
          adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
          g_object_set_data_full (G_OBJECT (row), "sp-placeholder", g_strdup (name), g_free);
          gtk_widget_set_name (row, name);
          g_signal_connect_object (row, "apply", G_CALLBACK (on_unfilled_apply), self, 0);
          adw_preferences_group_add (self->unfilled_group, row);
          g_ptr_array_add (self->unfilled_rows, row);
        }
      g_free (self->unfilled_key);
      self->unfilled_key = g_steal_pointer (&key);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unfilled_group), self->unfilled_rows->len > 0);
}

static void
update_preview (SpLetterComposer *self)
{
  g_autoptr(SpLetter) letter = NULL;
  guint n;

  if (self->context == NULL)
    return;
  letter = build_letter (self, SP_LETTER_METHOD_POST);
  n = MAX (sp_letter_preview_n_pages (self->context, letter), 1);
  gtk_drawing_area_set_content_width (self->preview_area, (int) SP_LETTER_PAGE_WIDTH + 2);
  gtk_drawing_area_set_content_height (self->preview_area,
                                       (int) (n * (SP_LETTER_PAGE_HEIGHT + SP_LETTER_PREVIEW_GAP)));
  gtk_widget_queue_draw (GTK_WIDGET (self->preview_area));
}

static void
on_text_changed (SpLetterComposer *self)
{
  update_unfilled (self);
  update_buttons (self);
  update_preview (self);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  SpLetterComposer *self = data;
  g_autoptr(SpLetter) letter = NULL;

  if (self->context == NULL)
    return;
  letter = build_letter (self, SP_LETTER_METHOD_POST);
  cairo_translate (cr, 1, 1);
  sp_letter_preview_draw (self->context, letter, cr);
}

static void
fill_phrases (SpLetterComposer *self)
{
  SpInvestigation *inv = self->context->investigation;
  g_autoptr(GPtrArray) phrases = sp_phrases_lookup (self->context->kase->category,
                                                    inv ? inv->assessment
                                                        : SP_ASSESSMENT_NOT_ASSESSED,
                                                    self->language);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->phrases_list))) != NULL)
    gtk_list_box_remove (self->phrases_list, child);

  for (guint i = 0; i < phrases->len; i++)
    {
      const SpPhrase *phrase = phrases->pdata[i];
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), phrase->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), phrase->text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "sp-phrase", (gpointer) phrase);
      gtk_list_box_append (self->phrases_list, row);
    }
}

static void
on_phrase_activated (GtkListBox       *list,
                     GtkListBoxRow    *row,
                     SpLetterComposer *self)
{
  const SpPhrase *phrase = g_object_get_data (G_OBJECT (row), "sp-phrase");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);

  gtk_popover_popdown (self->phrases_popover);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_at_cursor (buffer, phrase->text, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
apply_template (SpLetterComposer *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->values, g_hash_table_unref);
  self->values = sp_letter_context_values (self->context, self->language, self->actor->display_name);
  text = sp_letter_template_fill (sp_letter_template_default (self->kind, self->language),
                                  self->values, &error);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), text ? text : "", -1);
  fill_phrases (self);
  on_text_changed (self);
}

static void
on_choice_changed (SpLetterComposer *self)
{
  if (self->filling || self->context == NULL)
    return;
  self->kind = (SpLetterKind) adw_combo_row_get_selected (self->kind_row);
  self->language = (SpLanguage) adw_combo_row_get_selected (self->language_row);
  apply_template (self);
}

static void
on_context_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SpLetterComposer) self = user_data;
  g_autoptr(GError) error = NULL;
  SpLetterContext *context = sp_letter_context_load_finish (SP_STORE_WORKER (source), result,
                                                            &error);
  SpCase *kase;

  if (context == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_problem (self, error->message);
      return;
    }
  self->context = context;
  kase = context->kase;

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->recipient_name_row),
                         kase->sender_name ? kase->sender_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->recipient_address_row),
                         kase->sender_address ? kase->sender_address : "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row),
                         kase->sender_email ? kase->sender_email : "");
  adw_combo_row_set_selected (self->kind_row, self->kind);
  adw_combo_row_set_selected (self->language_row, self->language);
  self->filling = FALSE;
  apply_template (self);
}

gboolean
sp_letter_composer_get_ready (SpLetterComposer *self)
{
  g_return_val_if_fail (SP_IS_LETTER_COMPOSER (self), FALSE);

  return self->context != NULL;
}

const char *
sp_letter_composer_get_problem (SpLetterComposer *self)
{
  g_return_val_if_fail (SP_IS_LETTER_COMPOSER (self), NULL);

  return self->problem;
}

/* Storing the letter that went out */

typedef struct
{
  SpLetter *letter;
  SpActor  *actor;
} StoreJob;

static void
store_job_free (gpointer data)
{
  StoreJob *job = data;

  g_clear_object (&job->letter);
  g_clear_pointer (&job->actor, sp_actor_free);
  g_free (job);
}

static gpointer
store_job (SpStore       *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  StoreJob *job = data;

  if (!sp_store_send_letter (store, job->letter, job->actor, error))
    return NULL;
  return g_object_ref (job->letter);
}

static void
set_sending (SpLetterComposer *self,
             gboolean          sending)
{
  self->sending = sending;
  update_buttons (self);
}

static void
on_letter_stored (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SpLetterComposer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpLetter) letter = sp_store_worker_run_finish (SP_STORE_WORKER (source), result,
                                                           &error);

  set_sending (self, FALSE);
  if (letter == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The letter went out but was not recorded on "
                                                 "the case: %s"), error->message);
      set_problem (self, text);
      return;
    }
  g_signal_emit (self, signals[SENT], 0, letter);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
store_letter (SpLetterComposer *self,
              SpLetter         *letter)
{
  StoreJob *job = g_new0 (StoreJob, 1);

  job->letter = g_object_ref (letter);
  job->actor = sp_actor_copy (self->actor);
  /* No cancellable: a letter that went out is recorded. */
  sp_store_worker_run_async (self->worker, store_job, job, store_job_free, g_object_unref, NULL,
                             on_letter_stored, g_object_ref (self));
}

typedef struct
{
  SpLetterComposer *self;
  SpLetter         *letter;
} Sending;

static void
sending_free (Sending *sending)
{
  g_object_unref (sending->self);
  g_object_unref (sending->letter);
  g_free (sending);
}

static Sending *
sending_new (SpLetterComposer *self,
             SpLetterMethod    method)
{
  Sending *sending = g_new0 (Sending, 1);

  sending->self = g_object_ref (self);
  sending->letter = build_letter (self, method);
  set_sending (self, TRUE);
  return sending;
}

static void
went_out (Sending  *sending,
          gboolean  ok,
          GError   *error)
{
  SpLetterComposer *self = sending->self;

  if (ok)
    store_letter (self, sending->letter);
  else
    {
      set_sending (self, FALSE);
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("Not sent: %s"), error->message);

          set_problem (self, text);
        }
    }
  sending_free (sending);
}

static void
on_pdf_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = sp_letter_save_pdf_finish (result, &error);

  went_out (user_data, ok, error);
}

void
sp_letter_composer_save_pdf (SpLetterComposer *self,
                             GFile            *file)
{
  Sending *sending;

  g_return_if_fail (SP_IS_LETTER_COMPOSER (self));
  g_return_if_fail (G_IS_FILE (file));

  update_buttons (self);
  if (self->problem != NULL || self->context == NULL || self->sending)
    return;
  sending = sending_new (self, SP_LETTER_METHOD_POST);
  sp_letter_save_pdf_async (self->context, sending->letter, file, NULL, on_pdf_written, sending);
}

static void
on_pdf_chosen (GtkNativeDialog  *chooser,
               int               response,
               SpLetterComposer *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    sp_letter_composer_save_pdf (self, file);
  g_object_unref (chooser);
}

static void
on_pdf_clicked (SpLetterComposer *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Save the Letter as PDF"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  /* Named for the case and the kind, without the slash of the number. */
  g_autofree char *name = sp_letter_pdf_name (self->context, self->kind);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_pdf_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_printed (gboolean  printed,
            GError   *error,
            gpointer  user_data)
{
  went_out (user_data, printed, error);
}

static void
on_print_clicked (SpLetterComposer *self)
{
  Sending *sending = sending_new (self, SP_LETTER_METHOD_POST);

  sp_letter_print (self->context, sending->letter, GTK_WINDOW (self), on_printed, sending);
}

static void
on_mail_opened (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = sp_letter_email_finish (result, &error);

  went_out (user_data, ok, error);
}

static void
on_email_clicked (SpLetterComposer *self)
{
  g_autofree char *address = strip_or_null (gtk_editable_get_text (GTK_EDITABLE (self->email_row)));
  Sending *sending = sending_new (self, SP_LETTER_METHOD_EMAIL);
  const char *number = self->context->kase->diary_number;
  /* Translators: an e-mail's subject: the kind of letter and the diary number */
  g_autofree char *subject = g_strdup_printf (_("%s, %s"),
                                              sp_enum_get_label (&sp_letter_kind_info, self->kind),
                                              number ? number : "");

  sp_letter_email_async (self->context, sending->letter, GTK_WINDOW (self), address, subject,
                         NULL, on_mail_opened, sending);
}

static void
sp_letter_composer_dispose (GObject *object)
{
  SpLetterComposer *self = SP_LETTER_COMPOSER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (sp_letter_composer_parent_class)->dispose (object);
}

static void
sp_letter_composer_finalize (GObject *object)
{
  SpLetterComposer *self = SP_LETTER_COMPOSER (object);

  g_clear_object (&self->worker);
  g_clear_pointer (&self->context, sp_letter_context_free);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->unfilled_rows, g_ptr_array_unref);
  g_free (self->unfilled_key);
  g_free (self->problem);
  g_clear_pointer (&self->actor, sp_actor_free);
  g_free (self->case_id);
  G_OBJECT_CLASS (sp_letter_composer_parent_class)->finalize (object);
}

static void
sp_letter_composer_class_init (SpLetterComposerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_letter_composer_dispose;
  object_class->finalize = sp_letter_composer_finalize;

  /**
   * SpLetterComposer::sent:
   * @letter: the letter as stored on the case
   *
   * Emitted once the letter went out and was stored; the composer closes.
   */
  signals[SENT] = g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, SP_TYPE_LETTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-letter-composer.ui");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SpLetterComposer, name)
  CHILD (kind_row);
  CHILD (language_row);
  CHILD (recipient_name_row);
  CHILD (recipient_address_row);
  CHILD (email_row);
  CHILD (unfilled_group);
  CHILD (phrases_button);
  CHILD (phrases_popover);
  CHILD (phrases_list);
  CHILD (body_view);
  CHILD (preview_area);
  CHILD (problem_label);
  CHILD (pdf_button);
  CHILD (print_button);
  CHILD (email_button);
#undef CHILD
}

static GListModel *
enum_model (const SpEnumInfo *info,
            int               n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int i = 0; i < n; i++)
    gtk_string_list_append (list, sp_enum_get_label (info, i));
  return G_LIST_MODEL (list);
}

static void
sp_letter_composer_init (SpLetterComposer *self)
{
  g_autoptr(GListModel) kinds = enum_model (&sp_letter_kind_info, SP_LETTER_FINAL_ANSWER + 1);
  g_autoptr(GListModel) languages = enum_model (&sp_language_info, SP_LANGUAGE_EN + 1);

  self->cancellable = g_cancellable_new ();
  self->unfilled_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (self->kind_row, kinds);
  adw_combo_row_set_model (self->language_row, languages);
  gtk_drawing_area_set_draw_func (self->preview_area, draw_preview, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->unfilled_group), FALSE);

  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_choice_changed),
                            self);
  g_signal_connect_swapped (self->language_row, "notify::selected",
                            G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->body_view), "changed",
                            G_CALLBACK (on_text_changed), self);
  g_signal_connect_swapped (self->recipient_name_row, "changed", G_CALLBACK (on_text_changed),
                            self);
  g_signal_connect_swapped (self->recipient_address_row, "changed",
                            G_CALLBACK (on_text_changed), self);
  g_signal_connect_swapped (self->email_row, "changed", G_CALLBACK (update_buttons), self);
  g_signal_connect (self->phrases_list, "row-activated", G_CALLBACK (on_phrase_activated), self);
  g_signal_connect_swapped (self->pdf_button, "clicked", G_CALLBACK (on_pdf_clicked), self);
  g_signal_connect_swapped (self->print_button, "clicked", G_CALLBACK (on_print_clicked), self);
  g_signal_connect_swapped (self->email_button, "clicked", G_CALLBACK (on_email_clicked), self);
  update_buttons (self);
}

SpLetterComposer *
sp_letter_composer_new (GtkWindow     *parent,
                        SpStoreWorker *worker,
                        const SpActor *actor,
                        const char    *case_id,
                        SpLetterKind   kind)
{
  SpLetterComposer *self;

  g_return_val_if_fail (SP_IS_STORE_WORKER (worker), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  self = g_object_new (SP_TYPE_LETTER_COMPOSER, "transient-for", parent, NULL);
  self->worker = g_object_ref (worker);
  self->actor = sp_actor_copy (actor);
  self->case_id = g_strdup (case_id);
  self->kind = kind;
  self->language = SP_LANGUAGE_SV;
  sp_letter_context_load_async (worker, case_id, self->cancellable, on_context_loaded,
                                g_object_ref (self));
  return self;
}
