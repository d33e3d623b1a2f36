/* sp-registrar-dialogs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <adwaita.h>

#include "sp-redacted-copy.h"
#include "sp-registrar-dialogs.h"

typedef struct
{
  GtkWindow     *window;
  SpContext     *context;
  char          *case_id;
  char          *copy_path;
  GtkLabel      *error_label;
  GtkWidget     *save_button;
  GCancellable  *cancellable;
  char         **provisions;
  GPtrArray     *provision_drops;  /* GtkDropDowns of the provisions */
  /* The widgets, by what they hold. */
  GtkDropDown   *part;
  GtkDropDown   *provision;
  GtkEditable   *reason;
  GtkEditable   *expires;
  GtkEditable   *requester;
  GtkCheckButton *anonymous;
  GtkEditable   *what;
  GtkDropDown   *verdicts[SP_N_REVIEW_PARTS];
  GtkEditable   *passages;
  GtkDropDown   *decision;
} Dialog;

static void
dialog_free (gpointer data)
{
  Dialog *d = data;

  g_cancellable_cancel (d->cancellable);
  g_clear_object (&d->cancellable);
  g_free (d->case_id);
  g_free (d->copy_path);
  g_strfreev (d->provisions);
  g_clear_pointer (&d->provision_drops, g_ptr_array_unref);
  g_free (d);
}

/* The actor is copied for the worker's thread. */
typedef struct
{
  SpActor   actor;
  char     *user_id;
  char     *display_name;
  SpEntity *record;
  char     *organisation;
  char     *copy_path;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->user_id);
  g_free (job->display_name);
  g_clear_object (&job->record);
  g_free (job->organisation);
  g_free (job->copy_path);
  g_free (job);
}

static Job *
job_new (Dialog   *d,
         SpEntity *record)
{
  const SpActor *actor = sp_context_get_actor (d->context);
  Job *job = g_new0 (Job, 1);

  job->user_id = g_strdup (actor->user_id);
  job->display_name = g_strdup (actor->display_name);
  job->actor.user_id = job->user_id;
  job->actor.display_name = job->display_name;
  job->actor.roles = actor->roles;
  job->record = record;
  job->copy_path = g_strdup (d->copy_path);
  return job;
}

static GtkWidget *
labelled (GtkGrid    *grid,
          int         row,
          const char *mnemonic,
          GtkWidget  *widget,
          const char *name)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_widget_set_halign (label, GTK_ALIGN_END);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_set_name (widget, name);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);
  return widget;
}

static GtkDropDown *
enum_drop_down (const SpEnumInfo *info,
                guint             first,
                guint             n)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = first; i < first + n && i < info->n_values; i++)
    gtk_string_list_append (list, sp_enum_get_label (info, i));
  return GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL));
}

static GtkDropDown *
provision_drop_down (Dialog *d)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new ((const char * const *) d->provisions);
  GtkDropDown *drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)),
                                                        NULL));

  g_ptr_array_add (d->provision_drops, drop);
  return drop;
}

/* Runs in the store worker's thread: the organisation's list. */
static gpointer
read_provisions (SpStore       *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return sp_store_dup_secrecy_provisions (store);
}

static void
provisions_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GtkWindow) window = user_data;
  Dialog *d = g_object_get_data (G_OBJECT (window), "sp-dialog");
  char **provisions = sp_store_worker_run_finish (SP_STORE_WORKER (source), result, NULL);

  if (d == NULL || provisions == NULL)
    {
      g_strfreev (provisions);
      return;
    }

  g_strfreev (d->provisions);
  d->provisions = provisions;
  for (guint i = 0; i < d->provision_drops->len; i++)
    {
      g_autoptr(GtkStringList) list = gtk_string_list_new ((const char * const *) provisions);

      gtk_drop_down_set_model (g_ptr_array_index (d->provision_drops, i), G_LIST_MODEL (list));
    }
}

static const char *
chosen_provision (Dialog      *d,
                  GtkDropDown *drop_down)
{
  guint i = gtk_drop_down_get_selected (drop_down);

  return i < g_strv_length (d->provisions) ? d->provisions[i] : NULL;
}

static Dialog *
dialog_new (GtkWindow     *parent,
            SpContext     *context,
            const char    *case_id,
            const char    *title,
            const char    *action,
            GtkGrid      **grid_out)
{
  Dialog *d = g_new0 (Dialog, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *grid = gtk_grid_new ();
  d->context = context;
  d->case_id = g_strdup (case_id);
  d->cancellable = g_cancellable_new ();
  /* The shipped list until the organisation's own is read. */
  d->provisions = g_strdupv ((char **) sp_secrecy_default_provisions ());
  d->provision_drops = g_ptr_array_new ();

  d->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (d->window, title);
  gtk_window_set_modal (d->window, TRUE);
  gtk_window_set_transient_for (d->window, parent);
  gtk_window_set_default_size (d->window, 560, -1);
  gtk_window_set_destroy_with_parent (d->window, TRUE);
  g_object_set_data_full (G_OBJECT (d->window), "sp-dialog", d, dialog_free);
  sp_store_worker_run_async (sp_context_get_worker (context), read_provisions, NULL, NULL,
                             (GDestroyNotify) g_strfreev, d->cancellable, provisions_read,
                             g_object_ref (d->window));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), d->window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  d->save_button = gtk_button_new_with_mnemonic (action);
  gtk_widget_add_css_class (d->save_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), d->save_button);
  gtk_box_append (GTK_BOX (box), header);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);
  gtk_widget_set_margin_top (grid, 18);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_box_append (GTK_BOX (box), grid);

  d->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (d->error_label), "dialog_error");
  gtk_label_set_wrap (d->error_label, TRUE);
  gtk_label_set_xalign (d->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (d->error_label), "error");
  gtk_widget_set_margin_start (GTK_WIDGET (d->error_label), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (d->error_label), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (d->error_label), 18);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->error_label));

  gtk_window_set_child (d->window, box);
  *grid_out = GTK_GRID (grid);
  return d;
}

static void
show_error (Dialog       *d,
            const GError *error)
{
  gtk_widget_set_sensitive (d->save_button, TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_label_set_text (d->error_label, error->message);
}

static void
saved (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(GtkWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  Dialog *d = g_object_get_data (G_OBJECT (window), "sp-dialog");
  gpointer done = sp_store_worker_run_finish (SP_STORE_WORKER (source), result, &error);

  if (d == NULL)
    return;
  if (done == NULL)
    {
      show_error (d, error);
      return;
    }
  g_signal_emit_by_name (window, "sp-done");
  gtk_window_destroy (window);
}

/* ---- Secrecy marking ------------------------------------------------ */

static gpointer
save_marking (SpStore       *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Job *job = data;

  if (!sp_store_save_secrecy_marking (store, SP_SECRECY_MARKING (job->record), SP_SAVE_DEFAULT,
                                      &job->actor, error))
    return NULL;
  return GINT_TO_POINTER (1);
}

static void
secrecy_save_clicked (Dialog *d)
{
  SpSecrecyMarking *marking = sp_secrecy_marking_new ();
  const char *expires = gtk_editable_get_text (d->expires);

  marking->case_id = g_strdup (d->case_id);
  /* The dialog offers the parts of the case itself; letters are marked
   * from the letter. */
  marking->part = gtk_drop_down_get_selected (d->part);
  marking->provision = g_strdup (chosen_provision (d, d->provision));
  marking->reason = g_strdup (gtk_editable_get_text (d->reason));
  if (*expires != '\0' && !sp_date_parse (expires, &marking->expires_on))
    {
      g_autoptr(GError) error = g_error_new_literal (SP_ERROR, SP_ERROR_INVALID,
                                                     _("Write the expiry as YYYY-MM-DD"));

      g_object_unref (marking);
      show_error (d, error);
      return;
    }

  gtk_label_set_text (d->error_label, "");
  gtk_widget_set_sensitive (d->save_button, FALSE);
  sp_store_worker_run_async (sp_context_get_worker (d->context), save_marking,
                             job_new (d, SP_ENTITY (marking)), job_free, NULL, d->cancellable,
                             saved, g_object_ref (d->window));
}

static void
ensure_done_signal (void)
{
  if (g_signal_lookup ("sp-done", GTK_TYPE_WINDOW) == 0)
    g_signal_new ("sp-done", GTK_TYPE_WINDOW, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

GtkWindow *
sp_secrecy_dialog_new (GtkWindow     *parent,
                       SpContext     *context,
                       const char    *case_id)
{
  GtkGrid *grid;
  Dialog *d;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_years (now, 70);
  g_autofree char *default_expiry = g_date_time_format (later, "%Y-%m-%d");

  g_return_val_if_fail (SP_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  ensure_done_signal ();
  d = dialog_new (parent, context, case_id, _("Mark as Secret"), _("_Mark"), &grid);
  gtk_widget_set_name (GTK_WIDGET (d->window), "secrecy_dialog");
  gtk_widget_set_name (d->save_button, "secrecy_save");

  d->part = GTK_DROP_DOWN (labelled (grid, 0, _("_Part"),
                                     GTK_WIDGET (enum_drop_down (&sp_secrecy_part_info, 0,
                                                                 SP_SECRECY_PART_LETTER)),
                                     "secrecy_part"));
  d->provision = GTK_DROP_DOWN (labelled (grid, 1, _("Pro_vision"),
                                          GTK_WIDGET (provision_drop_down (d)),
                                          "secrecy_provision"));
  d->reason = GTK_EDITABLE (labelled (grid, 2, _("_Reason"), gtk_entry_new (), "secrecy_reason"));
  d->expires = GTK_EDITABLE (labelled (grid, 3, _("_Expires"), gtk_entry_new (),
                                       "secrecy_expires"));
  gtk_editable_set_text (d->expires, default_expiry);

  g_signal_connect_swapped (d->save_button, "clicked", G_CALLBACK (secrecy_save_clicked), d);
  return d->window;
}

/* ---- Disclosure request --------------------------------------------- */

static gpointer
save_request_and_copy (SpStore       *store,
                       gpointer       data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  Job *job = data;
  SpDisclosureRequest *request = SP_DISCLOSURE_REQUEST (job->record);
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(SpInvestigation) investigation = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *path = NULL;
  SpRedactedCopy copy = { 0 };

  if (!sp_store_save_disclosure_request (store, request, SP_SAVE_DEFAULT, &job->actor, error))
    return NULL;
  if (request->decision == SP_DISCLOSURE_REFUSE || request->decision == SP_DISCLOSURE_PENDING)
    return g_strdup ("");

  if (!(kase = sp_store_get_case (store, request->case_id, error)))
    return NULL;
  investigation = sp_store_get_investigation (store, request->case_id, NULL);
  letters = sp_store_load_where (store, SP_TYPE_LETTER, "case_id", request->case_id, error);
  if (letters == NULL)
    return NULL;
  organisation = sp_store_dup_organisation_name (store);

  path = g_strdup (job->copy_path);
  if (path == NULL)
    {
      const char *dir = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
      g_autofree char *name = g_strdup_printf ("Utlamnande-%s.pdf",
                                               kase->diary_number ? kase->diary_number
                                                                  : SP_ENTITY (kase)->id);

      g_strdelimit (name, " /", '-');
      path = g_build_filename (dir ? dir : g_get_home_dir (), name, NULL);
    }

  copy.organisation = organisation;
  copy.kase = kase;
  copy.investigation = investigation;
  copy.letters = letters;
  copy.request = request;
  copy.date = sp_date_today ();
  if (!sp_redacted_copy_write_pdf (&copy, path, error))
    return NULL;
  return g_steal_pointer (&path);
}

static void
disclosure_save_clicked (Dialog *d)
{
  SpDisclosureRequest *r = sp_disclosure_request_new ();
  const char *provision = chosen_provision (d, d->provision);
  const char *passages = gtk_editable_get_text (d->passages);

  r->case_id = g_strdup (d->case_id);
  r->requested_on = sp_date_today ();
  r->requester_anonymous = gtk_check_button_get_active (d->anonymous);
  if (*gtk_editable_get_text (d->requester) != '\0')
    r->requester = g_strdup (gtk_editable_get_text (d->requester));
  r->requested_what = g_strdup (gtk_editable_get_text (d->what));
  r->review_sender = gtk_drop_down_get_selected (d->verdicts[SP_REVIEW_PART_SENDER]);
  r->review_description = gtk_drop_down_get_selected (d->verdicts[SP_REVIEW_PART_DESCRIPTION]);
  r->review_investigation = gtk_drop_down_get_selected (d->verdicts[SP_REVIEW_PART_INVESTIGATION]);
  r->review_letters = gtk_drop_down_get_selected (d->verdicts[SP_REVIEW_PART_LETTERS]);
  /* The review's one provision goes with each part kept back. */
  if (r->review_sender >= SP_REVIEW_REDACT)
    r->review_sender_provision = g_strdup (provision);
  if (r->review_description >= SP_REVIEW_REDACT)
    r->review_description_provision = g_strdup (provision);
  if (r->review_investigation >= SP_REVIEW_REDACT)
    r->review_investigation_provision = g_strdup (provision);
  if (r->review_letters >= SP_REVIEW_REDACT)
    r->review_letters_provision = g_strdup (provision);
  /* One passage a line, as the request keeps them. */
  if (*passages != '\0')
    r->review_description_passages = g_strdelimit (g_strdup (passages), "|", '\n');
  r->decision = gtk_drop_down_get_selected (d->decision);
  if (r->decision == SP_DISCLOSURE_REFUSE || r->decision == SP_DISCLOSURE_DISCLOSE_REDACTED)
    r->osl_provision = g_strdup (provision);

  gtk_label_set_text (d->error_label, "");
  gtk_widget_set_sensitive (d->save_button, FALSE);
  sp_store_worker_run_async (sp_context_get_worker (d->context), save_request_and_copy,
                             job_new (d, SP_ENTITY (r)), job_free, g_free, d->cancellable,
                             saved, g_object_ref (d->window));
}

GtkWindow *
sp_disclosure_dialog_new (GtkWindow     *parent,
                          SpContext     *context,
                          const char    *case_id,
                          const char    *copy_path)
{
  GtkGrid *grid;
  Dialog *d;
  int row = 0;

  g_return_val_if_fail (SP_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  ensure_done_signal ();
  d = dialog_new (parent, context, case_id, _("Request for Disclosure"), _("_Decide"), &grid);
  d->copy_path = g_strdup (copy_path);
  gtk_widget_set_name (GTK_WIDGET (d->window), "disclosure_dialog");
  gtk_widget_set_name (d->save_button, "disclosure_save");

  d->requester = GTK_EDITABLE (labelled (grid, row++, _("_Who asked"), gtk_entry_new (),
                                         "disclosure_requester"));
  d->anonymous = GTK_CHECK_BUTTON (labelled (grid, row++, "",
                                             gtk_check_button_new_with_mnemonic (
                                               _("_Anonymous (anyone may ask without saying who)")),
                                             "disclosure_anonymous"));
  d->what = GTK_EDITABLE (labelled (grid, row++, _("_What was asked for"), gtk_entry_new (),
                                    "disclosure_what"));
  for (guint p = 0; p < SP_N_REVIEW_PARTS; p++)
    {
      g_autofree char *name = g_strdup (sp_review_part_field (p));

      d->verdicts[p] = GTK_DROP_DOWN (labelled (grid, row++, sp_review_part_label (p),
                                                GTK_WIDGET (enum_drop_down (&sp_review_verdict_info,
                                                                            0, SP_N_REVIEWS)),
                                                name));
    }
  d->passages = GTK_EDITABLE (labelled (grid, row++, _("_Passages to black out"),
                                        gtk_entry_new (), "review_passages"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (d->passages),
                               _("Words of the description to black out, separated by "
                                 "“|”; none blacks out the whole description"));
  d->provision = GTK_DROP_DOWN (labelled (grid, row++, _("Pro_vision"),
                                          GTK_WIDGET (provision_drop_down (d)),
                                          "disclosure_provision"));
  d->decision = GTK_DROP_DOWN (labelled (grid, row++, _("_Decision"),
                                         GTK_WIDGET (enum_drop_down (&sp_disclosure_decision_info,
                                                                     0, 4)),
                                         "disclosure_decision"));

  g_signal_connect_swapped (d->save_button, "clicked", G_CALLBACK (disclosure_save_clicked), d);
  return d->window;
}
