/* sp-letters-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each letter is drawn again from what was stored (its text, recipient,
 * language and date), so that a reprint is the letter that was sent.
 */

#include <glib/gi18n.h>

#include "sp-letter-composer.h"
#include "sp-letter-output.h"
#include "sp-letters-section.h"

/* Who writes to the sender: the unit manager, the registrar (receipts,
 * forwarding) and the head of department. */
#define WRITER_ROLES (SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) | SP_ROLE_BIT (SP_ROLE_REGISTRAR) | \
                      SP_ROLE_BIT (SP_ROLE_DEPARTMENT_HEAD))
/* A letter holds the sender's name and address: not for quality staff. */
#define READER_ROLES (WRITER_ROLES | SP_ROLE_BIT (SP_ROLE_STAFF) | \
                      SP_ROLE_BIT (SP_ROLE_CASE_OFFICER) | SP_ROLE_BIT (SP_ROLE_ADMIN))

struct _SpLettersSection
{
  AdwBin           parent_instance;

  SpStoreWorker   *worker;
  GCancellable    *cancellable;
  SpActor         *actor;          /* a copy; NULL until set */
  char            *case_id;
  SpLetterContext *context;
  guint            loading;
  guint            writing;

  GtkButton       *write_button;
  GtkListBox      *letters_list;
};

G_DEFINE_FINAL_TYPE (SpLettersSection, sp_letters_section, ADW_TYPE_BIN)

static guint
roles_of (SpLettersSection *self)
{
  return self->actor != NULL ? self->actor->roles : 0;
}

enum {
  LETTER_SENT,
  N_SIGNALS
};

/* Every row, but not the placeholder (which is a child too). */
static void
clear_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static guint signals[N_SIGNALS];

static void load (SpLettersSection *self);

static void
toast (SpLettersSection *self,
       const char       *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

static SpLetter *
nth_letter (SpLettersSection *self,
            guint             nth)
{
  if (self->context == NULL || nth >= self->context->letters->len)
    return NULL;
  return self->context->letters->pdata[nth];
}

static void
on_pdf_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SpLettersSection) self = user_data;
  g_autoptr(GError) error = NULL;

  self->writing--;
  if (!sp_letter_save_pdf_finish (result, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The PDF was not saved: %s"), error->message);

      toast (self, text);
      return;
    }
  toast (self, _("Saved as PDF"));
}

void
sp_letters_section_save_pdf (SpLettersSection *self,
                             guint             nth,
                             GFile            *file)
{
  SpLetter *letter;

  g_return_if_fail (SP_IS_LETTERS_SECTION (self));

  if ((letter = nth_letter (self, nth)) == NULL)
    return;
  self->writing++;
  sp_letter_save_pdf_async (self->context, letter, file, NULL, on_pdf_written,
                            g_object_ref (self));
}

static void
on_pdf_chosen (GtkNativeDialog  *chooser,
               int               response,
               SpLettersSection *self)
{
  g_autoptr(GFile) file = NULL;
  guint nth = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "sp-nth"));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    sp_letters_section_save_pdf (self, nth, file);
  g_object_unref (chooser);
}

static void
on_save_again (GtkButton        *button,
               SpLettersSection *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Save the Letter as PDF"),
                                 GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  guint nth = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sp-nth"));
  SpLetter *letter = nth_letter (self, nth);
  const char *number = self->context->kase->diary_number;
  g_autofree char *name = NULL;

  if (letter == NULL)
    return;
  name = g_strdup_printf ("%s %s.pdf", number ? number : _("Letter"),
                          sp_enum_get_label (&sp_letter_kind_info, letter->kind));
  g_strdelimit (name, "/", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "sp-nth", GUINT_TO_POINTER (nth));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_pdf_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_reprinted (gboolean  printed,
              GError   *error,
              gpointer  user_data)
{
  g_autoptr(SpLettersSection) self = user_data;

  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Not printed: %s"), error->message);

      toast (self, text);
    }
}

static void
on_print_again (GtkButton        *button,
                SpLettersSection *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SpLetter *letter = nth_letter (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                            "sp-nth")));

  if (letter != NULL)
    sp_letter_print (self->context, letter, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                     on_reprinted, g_object_ref (self));
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             guint       nth)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "sp-nth", GUINT_TO_POINTER (nth));
  return button;
}

static GtkWidget *
make_row (SpLettersSection *self,
          SpLetter         *letter,
          guint             nth)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *save = icon_button ("document-save-symbolic", _("Save as PDF again"), nth);
  GtkWidget *print = icon_button ("printer-symbolic", _("Print again"), nth);
  g_autofree char *date = sp_date_to_string (letter->sent_on);
  /* Translators: a letter sent: its kind · its language */
  g_autofree char *title = g_strdup_printf (_("%s · %s"),
                                            sp_enum_get_label (&sp_letter_kind_info, letter->kind),
                                            sp_enum_get_label (&sp_language_info, letter->language));
  /* Translators: a letter sent: date · how · by whom */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"), date ? date : "",
                                               sp_enum_get_label (&sp_letter_method_info,
                                                                  letter->method),
                                               letter->sent_by ? letter->sent_by : "");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("mail-send-symbolic"));
  g_signal_connect_object (save, "clicked", G_CALLBACK (on_save_again), self, 0);
  g_signal_connect_object (print, "clicked", G_CALLBACK (on_print_again), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), save);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), print);
  gtk_widget_set_name (row, SP_ENTITY (letter)->id);
  return row;
}

static void
update_write_button (SpLettersSection *self)
{
  gboolean anonymous = self->context != NULL && self->context->kase->sender_anonymous;

  gtk_widget_set_visible (GTK_WIDGET (self), self->case_id != NULL && (roles_of (self) & READER_ROLES));
  gtk_widget_set_visible (GTK_WIDGET (self->write_button), (roles_of (self) & WRITER_ROLES) != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->write_button), self->context != NULL && !anonymous);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->write_button),
                               anonymous ? _("The sender is anonymous: there is nobody to write "
                                             "to")
                                         : NULL);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SpLettersSection) self = user_data;
  g_autoptr(GError) error = NULL;
  SpLetterContext *context = sp_letter_context_load_finish (SP_STORE_WORKER (source), result,
                                                            &error);
  self->loading--;
  if (context == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the letters: %s", error->message);
      return;
    }
  if (g_strcmp0 (SP_ENTITY (context->kase)->id, self->case_id) != 0)
    {
      sp_letter_context_free (context);
      return;
    }
  g_clear_pointer (&self->context, sp_letter_context_free);
  self->context = context;

  clear_rows (self->letters_list);
  /* Newest first, as the history. */
  for (guint i = context->letters->len; i > 0; i--)
    gtk_list_box_append (self->letters_list, make_row (self, context->letters->pdata[i - 1], i - 1));
  update_write_button (self);
}

static void
load (SpLettersSection *self)
{
  if (self->worker == NULL || self->case_id == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading++;
  sp_letter_context_load_async (self->worker, self->case_id, self->cancellable, on_loaded,
                                g_object_ref (self));
}

static void
on_sent (SpLetterComposer *composer,
         SpLetter         *letter,
         SpLettersSection *self)
{
  toast (self, _("The letter was recorded on the case"));
  load (self);
  g_signal_emit (self, signals[LETTER_SENT], 0, (int) letter->kind);
}

GtkWidget *
sp_letters_section_compose (SpLettersSection *self,
                            SpLetterKind      kind)
{
  GtkRoot *root;
  SpLetterComposer *composer;

  g_return_val_if_fail (SP_IS_LETTERS_SECTION (self), NULL);

  if (self->worker == NULL || self->case_id == NULL ||
      (self->context != NULL && self->context->kase->sender_anonymous))
    return NULL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  composer = sp_letter_composer_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->worker,
                                     self->actor != NULL ? self->actor : &(SpActor) { 0 },
                                     self->case_id, kind);
  g_signal_connect_object (composer, "sent", G_CALLBACK (on_sent), self, 0);
  gtk_window_present (GTK_WINDOW (composer));
  return GTK_WIDGET (composer);
}

static void
on_write_clicked (SpLettersSection *self)
{
  SpLetterKind kind = SP_LETTER_FINAL_ANSWER;

  /* The letter the case is most likely waiting for. */
  if (self->context != NULL && self->context->kase->status <= SP_STATUS_ASSIGNED)
    kind = SP_LETTER_ACKNOWLEDGEMENT;
  else if (self->context != NULL && sp_case_delay_notice_owed (self->context->kase,
                                                               sp_date_today ()))
    kind = SP_LETTER_DELAY_NOTICE;
  sp_letters_section_compose (self, kind);
}

gboolean
sp_letters_section_has_final_answer (SpLettersSection *self)
{
  g_return_val_if_fail (SP_IS_LETTERS_SECTION (self), FALSE);

  for (guint i = 0; self->context != NULL && i < self->context->letters->len; i++)
    if (((SpLetter *) self->context->letters->pdata[i])->kind == SP_LETTER_FINAL_ANSWER)
      return TRUE;
  return FALSE;
}

gboolean
sp_letters_section_get_busy (SpLettersSection *self)
{
  g_return_val_if_fail (SP_IS_LETTERS_SECTION (self), FALSE);

  return self->loading > 0 || self->writing > 0;
}

guint
sp_letters_section_get_n_letters (SpLettersSection *self)
{
  g_return_val_if_fail (SP_IS_LETTERS_SECTION (self), 0);

  return self->context ? self->context->letters->len : 0;
}

void
sp_letters_section_set_case_id (SpLettersSection *self,
                                const char       *case_id)
{
  g_return_if_fail (SP_IS_LETTERS_SECTION (self));

  if (g_strcmp0 (self->case_id, case_id) != 0)
    {
      g_free (self->case_id);
      self->case_id = g_strdup (case_id);
      g_clear_pointer (&self->context, sp_letter_context_free);
      clear_rows (self->letters_list);
    }
  update_write_button (self);
  load (self);
}

void
sp_letters_section_set_worker (SpLettersSection *self,
                               SpStoreWorker    *worker)
{
  g_return_if_fail (SP_IS_LETTERS_SECTION (self));

  g_set_object (&self->worker, worker);
}

void
sp_letters_section_set_actor (SpLettersSection *self,
                              const SpActor    *actor)
{
  g_return_if_fail (SP_IS_LETTERS_SECTION (self));
  g_return_if_fail (actor != NULL);

  g_clear_pointer (&self->actor, sp_actor_free);
  self->actor = sp_actor_copy (actor);
  update_write_button (self);
}

static void
sp_letters_section_dispose (GObject *object)
{
  SpLettersSection *self = SP_LETTERS_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (sp_letters_section_parent_class)->dispose (object);
}

static void
sp_letters_section_finalize (GObject *object)
{
  SpLettersSection *self = SP_LETTERS_SECTION (object);

  g_clear_object (&self->worker);
  g_clear_pointer (&self->context, sp_letter_context_free);
  g_clear_pointer (&self->actor, sp_actor_free);
  g_free (self->case_id);
  G_OBJECT_CLASS (sp_letters_section_parent_class)->finalize (object);
}

static void
sp_letters_section_class_init (SpLettersSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_letters_section_dispose;
  object_class->finalize = sp_letters_section_finalize;

  /**
   * SpLettersSection::letter-sent:
   * @kind: the SpLetterKind of the letter
   *
   * Emitted after a letter written here was stored on the case.
   */
  signals[LETTER_SENT] = g_signal_new ("letter-sent", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-letters-section.ui");
  gtk_widget_class_bind_template_child (widget_class, SpLettersSection, write_button);
  gtk_widget_class_bind_template_child (widget_class, SpLettersSection, letters_list);
}

static void
sp_letters_section_init (SpLettersSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->write_button, "clicked", G_CALLBACK (on_write_clicked), self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
sp_letters_section_new (SpStoreWorker *worker,
                        const SpActor *actor)
{
  SpLettersSection *self = g_object_new (SP_TYPE_LETTERS_SECTION, NULL);

  sp_letters_section_set_worker (self, worker);
  if (actor != NULL)
    sp_letters_section_set_actor (self, actor);
  return GTK_WIDGET (self);
}
