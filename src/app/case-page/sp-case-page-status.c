/* sp-case-page-status.c: the case's status, its transitions, and Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change the page saves goes through _sp_case_page_save_edit () or
 * a transition here, and is offered for Undo in a toast. Undo puts the
 * old values back through the store, which records it in the history like
 * any other change.
 */

#include <glib/gi18n.h>

#include "sp-case-page-private.h"

/* What Undo puts back: the case as it was before the action, and the
 * revision the action left, which must still be the stored one. */
typedef struct
{
  GWeakRef   page;
  SpCase    *before;
  gint64     after_rev;
  GPtrArray *fields;     /* names of the fields to restore */
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_weak_ref_clear (&undo->page);
  g_clear_object (&undo->before);
  g_clear_pointer (&undo->fields, g_ptr_array_unref);
  g_free (undo);
}

static void save (SpCasePage *self, SpCasePageSave *save);

static void on_undo_clicked (AdwToast *toast, gpointer undo);

static void
on_toast_dismissed (AdwToast   *toast,
                    SpCasePage *self)
{
  if (self->shown_toast == toast)
    g_clear_weak_pointer (&self->shown_toast);
}

void
_sp_case_page_toast (SpCasePage *self,
                     const char *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  /* A toast's title is markup, and error messages may hold any text. */
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast;

  /* One thing at a time about a case: a toast still on screen says the
   * newest instead of queueing another behind it, which would name a state
   * already gone. It changes in place, since libadwaita 1.2 can crash
   * when a toast is dismissed while it animates. */
  if (self->shown_toast != NULL && g_strcmp0 (self->toast_case_id, self->case_id) == 0)
    {
      adw_toast_set_title (self->shown_toast, escaped);
      adw_toast_set_button_label (self->shown_toast, NULL);
      g_signal_handlers_disconnect_matched (self->shown_toast, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                            on_undo_clicked, NULL);
      g_set_weak_pointer (&self->last_toast, self->shown_toast);
      return;
    }

  toast = adw_toast_new (escaped);
  /* Only the newest toast is watched; an older one must not write into
   * this page once it is gone. */
  g_set_weak_pointer (&self->last_toast, toast);

  if (overlay == NULL)
    {
      g_debug ("No toast overlay for: %s", title);
      g_object_unref (toast);
      return;
    }

  g_set_weak_pointer (&self->shown_toast, toast);
  g_free (self->toast_case_id);
  self->toast_case_id = g_strdup (self->case_id);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
on_undo_clicked (AdwToast *toast,
                 gpointer  data)
{
  Undo *undo = data;
  g_autoptr(SpCasePage) self = g_weak_ref_get (&undo->page);
  SpCasePageSave *request;

  if (self == NULL || undo->before == NULL)
    return;

  request = _sp_case_page_save_new (self, SP_SAVE_UNDO);
  request->before = g_steal_pointer (&undo->before);
  request->after_rev = undo->after_rev;
  request->fields = g_ptr_array_ref (undo->fields);
  save (self, request);
}

static void
toast_with_undo (SpCasePage     *self,
                 SpCasePageSave *done)
{
  Undo *undo = g_new0 (Undo, 1);

  g_weak_ref_init (&undo->page, self);
  undo->before = g_object_ref (done->before);
  undo->after_rev = SP_ENTITY (self->kase)->rev;
  undo->fields = g_ptr_array_ref (done->fields);

  _sp_case_page_toast (self, done->toast_title);
  if (self->last_toast == NULL)
    {
      undo_free (undo);
      return;
    }

  adw_toast_set_button_label (self->last_toast, _("_Undo"));
  adw_toast_set_priority (self->last_toast, ADW_TOAST_PRIORITY_HIGH);
  /* Longer than a plain message: the user has to notice the mistake
   * before they can undo it. */
  adw_toast_set_timeout (self->last_toast, 10);
  g_signal_connect_data (self->last_toast, "button-clicked",
                         G_CALLBACK (on_undo_clicked), undo,
                         (GClosureNotify) (void (*) (void)) undo_free, 0);
}

static void
tell_error (SpCasePage     *self,
            SpCasePageSave *done)
{
  g_autofree char *message = NULL;

  if (done->kind == SP_SAVE_UNDO)
    {
      if (g_error_matches (done->error, SP_ERROR, SP_ERROR_CONFLICT))
        message = g_strdup (done->error->message);
      else
        message = g_strdup_printf (_("Could not undo: %s"), done->error->message);
    }
  else if (g_error_matches (done->error, SP_ERROR, SP_ERROR_CONFLICT))
    /* The page shows the case as it is now; text being typed stays (see
     * the content section). */
    message = g_strdup (_("Someone else changed this case meanwhile. It now shows their "
                          "version; check it and make your change again."));
  else
    message = g_strdup_printf (_("Not saved: %s"), done->error->message);

  _sp_case_page_toast (self, message);
}

static void
tell_saved (SpCasePage     *self,
            SpCasePageSave *done)
{
  g_autofree char *title = NULL;

  switch (done->kind)
    {
    case SP_SAVE_UNDO:
      _sp_case_page_toast (self, _("Undone"));
      break;

    case SP_SAVE_TRANSITION:
      if (done->to == SP_STATUS_REGISTERED)
        {
          /* Diary numbers are gap-free: once taken, a number stays with
           * its case, so registering is not undone from here. */
          title = g_strdup_printf (_("Registered as %s"),
                                   self->kase->diary_number ? self->kase->diary_number : "");
          _sp_case_page_toast (self, title);
          break;
        }
      /* Translators: %s is a status, e.g. “Under investigation” */
      done->toast_title = g_strdup_printf (_("Status changed to “%s”"),
                                           sp_enum_get_label (&sp_status_info, done->to));
      toast_with_undo (self, done);
      break;

    case SP_SAVE_EDIT:
    default:
      toast_with_undo (self, done);
      break;
    }
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SpCasePageSave *done = user_data;
  SpCasePage *self = done->page;
  g_autoptr(GError) error = NULL;

  if (!_sp_case_page_save_finish (self, result, &error) && done->error == NULL)
    done->error = g_steal_pointer (&error);

  /* Taken or refused, the page shows the case as it is stored now (if it
   * still shows that case). */
  if (done->data != NULL && g_strcmp0 (SP_ENTITY (done->data->kase)->id, self->case_id) == 0)
    _sp_case_page_apply (self, done->data);
  else if (done->data == NULL)
    _sp_case_page_reload (self);

  if (done->error != NULL)
    tell_error (self, done);
  else if (self->kase != NULL)
    tell_saved (self, done);

  /* The section that asked learns whether it was taken once every section
   * shows the case as stored. */
  if (done->task != NULL && done->error != NULL)
    g_task_return_error (done->task, g_error_copy (done->error));
  else if (done->task != NULL)
    g_task_return_boolean (done->task, TRUE);

  /* The case saved or undone may no longer be the one shown. */
  if (done->error == NULL)
    _sp_case_page_emit_changed (self, SP_ENTITY (done->kind == SP_SAVE_UNDO ? done->before
                                                                          : done->edited)->id);

  _sp_case_page_save_free (done);
}

static void
save (SpCasePage     *self,
      SpCasePageSave *request)
{
  request->page = g_object_ref (self);
  _sp_case_page_save_async (self, request, saved_cb, request);
}

static GPtrArray *
field_names (const char * const *fields)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; fields[i] != NULL; i++)
    g_ptr_array_add (names, g_strdup (fields[i]));

  return names;
}

void
_sp_case_page_save_edit (SpCasePage         *self,
                         SpCase             *edited,
                         const char         *toast_title,
                         const char * const *fields,
                         GTask              *task)
{
  SpCasePageSave *request;

  g_assert (self->kase != NULL);

  request = _sp_case_page_save_new (self, SP_SAVE_EDIT);
  request->before = sp_entity_copy (SP_ENTITY (self->kase));
  request->edited = g_object_ref (edited);
  request->fields = field_names (fields);
  request->toast_title = g_strdup (toast_title);
  request->task = task != NULL ? g_object_ref (task) : NULL;
  save (self, request);
}

/* Moves the case to @to and, for a case forwarded elsewhere, records
 * where to, in one transaction: both or neither. */
static void
do_transition (SpCasePage *self,
               SpStatus    to,
               const char *forwarded_to)
{
  static const char * const status_fields[] = {
    "status", "feedback_on", "closed_on", "forwarded_to", NULL
  };
  SpCasePageSave *request;

  if (self->kase == NULL)
    return;

  request = _sp_case_page_save_new (self, SP_SAVE_TRANSITION);
  request->before = sp_entity_copy (SP_ENTITY (self->kase));
  request->edited = sp_entity_copy (SP_ENTITY (self->kase));
  request->to = to;
  request->forwarded_to = g_strdup (forwarded_to);
  request->fields = field_names (status_fields);
  save (self, request);
}

static void
on_forward_text_changed (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "forward", *text != '\0');
}

static void
on_forward_activate (GtkEntry         *entry,
                     AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "forward"))
    adw_message_dialog_response (dialog, "forward");
}

static void
on_forward_response (AdwMessageDialog *dialog,
                     const char       *response,
                     SpCasePage       *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "forward") != 0)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  if (*text != '\0')
    do_transition (self, SP_STATUS_FORWARDED_ELSEWHERE, text);
}

/* Forwarding closes the case with the receiving authority recorded, so
 * ask for it first. */
static void
ask_forward (SpCasePage *self)
{
  GtkWidget *dialog;
  GtkWidget *entry;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *suggestion = self->kase->other_authority ? self->kase->other_authority
                                                       : self->kase->other_district;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Forward the Case?"),
                                   _("The case is closed here and handed to the authority or "
                                     "district that is responsible. Remember to tell the sender."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "forward", _("_Forward"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "forward",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "forward");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Receiving authority or district"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Receiving authority or district"), -1);
  gtk_editable_set_text (GTK_EDITABLE (entry), suggestion ? suggestion : "");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  on_forward_text_changed (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));

  g_signal_connect_object (entry, "changed", G_CALLBACK (on_forward_text_changed), dialog, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_forward_activate), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_forward_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Whether "Record feedback" needs a letter first: no final answer was
 * sent, and none was given by phone or in person. */
static gboolean
needs_final_answer (SpCasePage *self)
{
  return !sp_letters_section_has_final_answer (self->letters_section) &&
         self->kase->feedback_method != SP_FEEDBACK_METHOD_PHONE &&
         self->kase->feedback_method != SP_FEEDBACK_METHOD_IN_PERSON;
}

static void
on_transition_clicked (GtkButton  *button,
                       SpCasePage *self)
{
  SpStatus to = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sp-status"));

  if (self->kase == NULL)
    return;

  if (to == SP_STATUS_FORWARDED_ELSEWHERE)
    ask_forward (self);
  else if (to == SP_STATUS_FEEDBACK_GIVEN && needs_final_answer (self) &&
           sp_letters_section_compose (self->letters_section, SP_LETTER_FINAL_ANSWER) != NULL)
    /* Feedback is the final answer: written first, then recorded. */
    self->feedback_after_letter = TRUE;
  else
    do_transition (self, to, NULL);
}

void
_sp_case_page_on_letter_sent (SpCasePage *self,
                              int         kind)
{
  gboolean record = self->feedback_after_letter && kind == SP_LETTER_FINAL_ANSWER;

  self->feedback_after_letter = FALSE;
  /* The transition's job reads the case back with the letter in its
   * history; otherwise the page reads it again for that. */
  if (record && self->kase != NULL && self->kase->status < SP_STATUS_FEEDBACK_GIVEN)
    do_transition (self, SP_STATUS_FEEDBACK_GIVEN, NULL);
  else
    {
      _sp_case_page_reload (self);
      _sp_case_page_emit_changed (self, self->case_id);
    }
}

static gboolean
is_main_road (SpStatus status)
{
  return status != SP_STATUS_AWAITING_PROVIDER &&
         status != SP_STATUS_FORWARDED_ELSEWHERE &&
         status != SP_STATUS_OTHER_ROUTINE;
}

static int
compare_targets (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  SpStatus current = GPOINTER_TO_UINT (data);
  SpStatus sa = *(const SpStatus *) a;
  SpStatus sb = *(const SpStatus *) b;
  /* Forward on the main road, back on it (reopening), then aside. */
  int ra = !is_main_road (sa) ? 2 : sa > current ? 0 : 1;
  int rb = !is_main_road (sb) ? 2 : sb > current ? 0 : 1;

  if (ra != rb)
    return ra - rb;

  return (int) sa - (int) sb;
}

void
_sp_case_page_fill_transitions (SpCasePage *self)
{
  SpStatus targets[SP_N_STATUSES];
  guint n_targets;
  guint n_shown = 0;
  gboolean suggested = FALSE;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->transitions_box))) != NULL)
    gtk_flow_box_remove (self->transitions_box, child);

  n_targets = sp_workflow_get_targets (self->kase, self->actor->roles, targets);

  /* The routine's main road first (register, assign, acknowledge,
   * investigate, assess, give feedback, close), the side roads after it;
   * the first step on the main road is the suggested one. */
  g_qsort_with_data (targets, n_targets, sizeof (SpStatus), compare_targets,
                     GUINT_TO_POINTER (self->kase->status));

  for (guint i = 0; i < n_targets; i++)
    {
      GtkWidget *button;

      /* The workflow would allow it, but not for this case (an anonymous
       * case is never registered, for instance): leave it out. */
      if (!sp_workflow_check (self->kase, targets[i], self->actor->roles, NULL))
        continue;

      button = gtk_button_new_with_label (sp_workflow_get_action_label (targets[i]));
      g_object_set_data (G_OBJECT (button), "sp-status", GUINT_TO_POINTER (targets[i]));
      if (!suggested && is_main_road (targets[i]) && targets[i] > self->kase->status)
        {
          gtk_widget_add_css_class (button, "suggested-action");
          suggested = TRUE;
        }
      g_signal_connect_object (button, "clicked",
                               G_CALLBACK (on_transition_clicked), self, 0);
      gtk_flow_box_append (self->transitions_box, button);
      /* Tab goes from button to button, not through the flow box's own
       * children as well. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
      n_shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->transitions_box), n_shown > 0);
  if (n_shown > 0)
    gtk_label_set_text (self->transitions_label, "");
  else if (!sp_status_is_open (self->kase->status))
    gtk_label_set_text (self->transitions_label, _("The case is closed."));
  else
    gtk_label_set_text (self->transitions_label,
                        _("Your roles give you no next step for this case."));
  gtk_widget_set_visible (GTK_WIDGET (self->transitions_label), n_shown == 0);
}
