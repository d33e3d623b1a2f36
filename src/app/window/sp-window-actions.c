/* sp-window-actions.c: the main window's actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-registrar-dialogs.h"
#include <glib/gi18n.h>

#include "sp-account-dialog.h"
#include "sp-assign-dialog.h"
#include "sp-diary-export-dialog.h"
#include "sp-dossier-file.h"
#include "sp-case-page.h"
#include "sp-forwarding-jobs.h"
#include "sp-case-links-jobs.h"
#include "sp-link-dialog.h"

#include "sp-window-private.h"

#include "sp-intake-dialog.h"

#define DEFAULT_DEMO_CASES 2000

static void
case_created (SpWindow   *self,
              const char *case_id)
{
  /* The new case is received today, so it sorts first in most views;
   * reload and open it. */
  self->started_empty = TRUE;
  sp_window_reload (self);
  sp_window_show_case (self, case_id);
  sp_window_add_toast (self, _("Case recorded"));
  _sp_window_schedule_sync (self);
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);

  GtkWidget *dialog;

  dialog = sp_intake_dialog_new (GTK_WINDOW (self),
                                 sp_context_get_worker (self->context),
                                 sp_context_get_actor (self->context));
  g_signal_connect_object (dialog, "case-created", G_CALLBACK (case_created), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  GtkSearchBar *bar = sp_case_view_get_search_bar (self->case_view);
  gboolean enable = !gtk_search_bar_get_search_mode (bar);

  gtk_search_bar_set_search_mode (bar, enable);
  if (enable)
    gtk_widget_grab_focus (GTK_WIDGET (sp_case_view_get_search_entry (self->case_view)));
}

static void
show_filters_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  GtkRevealer *revealer = sp_case_view_get_filter_revealer (self->case_view);

  gtk_revealer_set_reveal_child (revealer, !gtk_revealer_get_reveal_child (revealer));
}

static void
name_changed (GtkEditable     *entry,
              AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", *name != '\0');
}

static void
save_filter_response (AdwMessageDialog *dialog,
                      const char       *response,
                      SpWindow         *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;

  if (!sp_window_save_filter (self, gtk_editable_get_text (entry), &error))
    sp_window_add_toast (self, error->message);
}

static void
save_filter_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Filter"),
                                   _("The filter shows up in the sidebar with its count."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", FALSE);

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_max_length (GTK_ENTRY (entry), 60);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name of the filter"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (name_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_filter_response), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _sp_window_go_back (SP_WINDOW (widget));
}

static void
fill_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  sp_window_fill_demo (SP_WINDOW (widget), DEFAULT_DEMO_CASES);
}

static void
start_empty_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);

  self->started_empty = TRUE;
  _sp_window_update_page (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sp_window_reload (SP_WINDOW (widget));
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);

  sp_window_set_view (self, g_variant_get_string (parameter, NULL));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* The registrar's dialogs on the case shown (src/app/diary). */
static void
mark_secret_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);

  if (self->shown_case_id != NULL)
    gtk_window_present (sp_secrecy_dialog_new (GTK_WINDOW (self), self->context,
                                               self->shown_case_id));
}

static void
disclosure_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);

  if (self->shown_case_id != NULL)
    gtk_window_present (sp_disclosure_dialog_new (GTK_WINDOW (self), self->context,
                                                  self->shown_case_id, NULL));
}

/* The diary of a period, as PDF or CSV (src/app/diary): the dialog asks
 * for the period and the format, the file chooser where, and the worker
 * and a thread write it. */
static void
diary_written (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n = 0;

  if (!sp_diary_file_write_finish (result, &n, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->disposing)
        return;
      title = g_strdup_printf (_("Could not export the diary: %s"), error->message);
    }
  else if (self->disposing)
    return;
  else
    /* Translators: a toast once the diary's file is written */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Diary exported: %u entry",
                                          "Diary exported: %u entries", n), n);
  sp_window_add_toast (self, title);
}

static void
export_diary_response (AdwMessageDialog *dialog,
                       const char       *response,
                       SpWindow         *self)
{
  SpDiaryFileOptions options;

  if (!sp_diary_export_dialog_get_options (SP_DIARY_EXPORT_DIALOG (dialog), &options))
    return;
  sp_diary_file_choose_async (GTK_WINDOW (self), sp_context_get_worker (self->context), &options,
                                diary_written, g_object_ref (self));
}

static void
export_diary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  GtkWidget *dialog = sp_diary_export_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "response::export", G_CALLBACK (export_diary_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Forwarding (src/app/diary): the dialogs ask, the store worker saves,
 * and the case shown is read again. */
static void
refresh_case (SpWindow   *self,
              const char *case_id)
{
  sp_window_reload (self);
  if (g_strcmp0 (self->shown_case_id, case_id) == 0)
    sp_window_show_case (self, case_id);
}

typedef struct
{
  SpWindow *window;
  char     *case_id;
} Pending;

static void
pending_free (Pending *p)
{
  g_object_unref (p->window);
  g_free (p->case_id);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

static Pending *
pending_new (SpWindow   *self,
             const char *case_id)
{
  Pending *p = g_new0 (Pending, 1);

  p->window = g_object_ref (self);
  p->case_id = g_strdup (case_id);
  return p;
}

static void
assigned (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Pending) p = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_to = NULL;
  g_autofree char *title = NULL;

  if (!sp_forwarding_assign_finish (p->window->context, result, &copy_to, &error))
    title = g_strdup_printf (_("Could not assign the case: %s"), error->message);
  else if (copy_to != NULL)
    /* Translators: %s is "Department: Contact person" */
    title = g_strdup_printf (_("Assigned to the unit; copy to %s"), copy_to);
  else
    title = g_strdup (_("Assigned to the unit; the department names no contact for a copy"));
  if (p->window->disposing)
    return;
  sp_window_add_toast (p->window, title);
  if (error == NULL)
    refresh_case (p->window, p->case_id);
}

static void
assign_response (AdwMessageDialog *dialog,
                 const char       *response,
                 SpWindow         *self)
{
  const char *unit_id = sp_assign_dialog_get_unit_id (SP_ASSIGN_DIALOG (dialog));
  const char *case_id = g_object_get_data (G_OBJECT (dialog), "case-id");

  if (unit_id == NULL || case_id == NULL)
    return;
  sp_forwarding_assign_async (self->context, case_id, unit_id, NULL, assigned,
                              pending_new (self, case_id));
}

static void
assign_unit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  GtkWidget *dialog;

  if (self->shown_case_id == NULL)
    return;
  dialog = sp_assign_dialog_new (GTK_WINDOW (self), self->context, NULL);
  g_object_set_data_full (G_OBJECT (dialog), "case-id", g_strdup (self->shown_case_id), g_free);
  g_signal_connect_object (dialog, "response::assign", G_CALLBACK (assign_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
account_saved (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Pending) p = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (p->window->disposing)
    return;
  if (!sp_forwarding_save_account_finish (p->window->context, result, &error))
    title = g_strdup_printf (_("Could not save the account: %s"), error->message);
  sp_window_add_toast (p->window, title ? title : _("Account saved in the case"));
  if (error == NULL)
    refresh_case (p->window, p->case_id);
}

static void
account_response (AdwMessageDialog *dialog,
                  const char       *response,
                  SpWindow         *self)
{
  g_autoptr(SpAccountRequest) request = NULL;

  if (!g_str_equal (response, "request") && !g_str_equal (response, "record"))
    return;
  request = sp_account_dialog_dup_request (SP_ACCOUNT_DIALOG (dialog));
  if (request == NULL)
    return;
  sp_forwarding_save_account_async (self->context, request, NULL, account_saved,
                                    pending_new (self, request->case_id));
}

static void
accounts_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Pending) p = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  SpAccountRequest *open = NULL;
  GtkWidget *dialog;

  requests = sp_forwarding_load_accounts_finish (p->window->context, result, &error);
  if (p->window->disposing || g_strcmp0 (p->window->shown_case_id, p->case_id) != 0)
    return;
  if (requests == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Could not read the accounts: %s"), error->message);

      sp_window_add_toast (p->window, title);
      return;
    }
  /* The latest one not answered yet is recorded; with none, a new one is
   * asked for. */
  for (guint i = 0; i < requests->len; i++)
    if (!sp_account_request_is_received (requests->pdata[i]))
      open = requests->pdata[i];
  dialog = sp_account_dialog_new (GTK_WINDOW (p->window), p->window->context, p->case_id, NULL, open);
  g_signal_connect_object (dialog, "response", G_CALLBACK (account_response), p->window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
account_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);

  if (self->shown_case_id == NULL)
    return;
  sp_forwarding_load_accounts_async (self->context, self->shown_case_id, NULL, accounts_loaded,
                                     pending_new (self, self->shown_case_id));
}

/* Links (src/app/links): from the main menu on the case shown. */
static void
linked (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(Pending) p = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!sp_case_links_change_finish (p->window->context, result, &error))
    title = g_strdup_printf (_("Could not link the cases: %s"), error->message);
  if (p->window->disposing)
    return;
  sp_window_add_toast (p->window, title ? title : _("Cases linked"));
  if (error == NULL)
    refresh_case (p->window, p->case_id);
}

static void
link_response (AdwMessageDialog *dialog,
               const char       *response,
               SpWindow         *self)
{
  const char *case_id = g_object_get_data (G_OBJECT (dialog), "case-id");
  g_autofree char *other = sp_link_dialog_dup_other (SP_LINK_DIALOG (dialog));

  if (case_id == NULL || *other == '\0')
    return;
  sp_case_links_add_async (self->context, case_id, other, sp_link_dialog_get_kind (SP_LINK_DIALOG (dialog)),
                           NULL, linked, pending_new (self, case_id));
}

static void
link_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  GtkWidget *dialog;

  if (self->shown_case_id == NULL)
    return;
  dialog = sp_link_dialog_new (GTK_WINDOW (self));
  g_object_set_data_full (G_OBJECT (dialog), "case-id", g_strdup (self->shown_case_id), g_free);
  g_signal_connect_object (dialog, "response::link", G_CALLBACK (link_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The case whole as one PDF for the diary (R27). */
static void
dossier_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!sp_dossier_file_write_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      title = g_strdup_printf (_("Could not save the case: %s"), error->message);
    }
  if (self->disposing)
    return;
  sp_window_add_toast (self, title ? title : _("The case is saved whole as PDF"));
}

static void
save_dossier_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  const char *number = NULL;

  if (self->shown_case_id == NULL)
    return;
  if (self->case_page != NULL)
    number = sp_case_page_get_title (SP_CASE_PAGE (self->case_page));
  sp_dossier_file_choose_async (GTK_WINDOW (self), sp_context_get_worker (self->context), self->shown_case_id,
                                number, dossier_written, g_object_ref (self));
}

/* From a flagged case's page: procurement's contract issue about it. */
static void
open_contract_issue_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  const char *case_id;
  const char *provider_id;

  g_variant_get (parameter, "(&s&s)", &case_id, &provider_id);
  sp_window_set_view (self, "providers");
  sp_provider_view_open_issue (self->provider_view, case_id, provider_id);
}

/* From a notification of a provider's late account: the stored issue. */
static void
show_contract_issue_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);

  sp_window_set_view (self, "providers");
  sp_provider_view_show_issue (self->provider_view, g_variant_get_string (parameter, NULL));
}

void
_sp_window_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-contract-issue", "(ss)",
                                   open_contract_issue_action);
  gtk_widget_class_install_action (widget_class, "win.show-contract-issue", "s",
                                   show_contract_issue_action);
  gtk_widget_class_install_action (widget_class, "win.mark-secret", NULL, mark_secret_action);
  gtk_widget_class_install_action (widget_class, "win.export-diary", NULL, export_diary_action);
  gtk_widget_class_install_action (widget_class, "win.assign-unit", NULL, assign_unit_action);
  gtk_widget_class_install_action (widget_class, "win.account", NULL, account_action);
  gtk_widget_class_install_action (widget_class, "win.link-case", NULL, link_case_action);
  gtk_widget_class_install_action (widget_class, "win.save-dossier", NULL, save_dossier_action);
  gtk_widget_class_install_action (widget_class, "win.disclosure-request", NULL, disclosure_action);
  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-filters", NULL, show_filters_action);
  gtk_widget_class_install_action (widget_class, "win.save-filter", NULL, save_filter_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.fill-demo", NULL, fill_demo_action);
  gtk_widget_class_install_action (widget_class, "win.start-empty", NULL, start_empty_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-filters", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "win.save-filter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "win.show-view", "s", "mine");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "win.show-view", "s", "all");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK,
                                       "win.show-view", "s", "diary");
}

void
_sp_window_update_actions (SpWindow *self)
{
  const char *page;
  gboolean usable, on_list, on_case, folded;

  if (self->disposing || self->context == NULL)
    return;

  page = gtk_stack_get_visible_child_name (self->content_stack);
  /* Logged out, nothing is shown and nothing can be recorded: it would
   * belong to no account. */
  usable = _sp_window_usable (self) && !self->filling &&
           g_strcmp0 (page, "signed-out") != 0;
  on_list = usable && g_strcmp0 (page, "list") == 0;
  on_case = g_strcmp0 (page, "case") == 0;
  folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-case", usable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", on_list);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-filters", on_list);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-filter", on_list);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", on_case || folded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.fill-demo", usable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", usable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", usable);
  /* The registrar sends cases on; accounts are asked for by the registrar,
   * case officers and managers (the store checks the same). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.assign-unit",
                                 usable && on_case &&
                                 (sp_context_get_roles (self->context) & SP_ROLE_BIT (SP_ROLE_REGISTRAR)) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.account",
                                 usable && on_case &&
                                 (sp_context_get_roles (self->context) &
                                  (SP_ROLE_BIT (SP_ROLE_REGISTRAR) | SP_ROLE_BIT (SP_ROLE_CASE_OFFICER) |
                                   SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) |
                                   SP_ROLE_BIT (SP_ROLE_DEPARTMENT_HEAD))) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.link-case",
                                 usable && on_case &&
                                 (sp_context_get_roles (self->context) &
                                  (SP_ROLE_BIT (SP_ROLE_REGISTRAR) | SP_ROLE_BIT (SP_ROLE_CASE_OFFICER) |
                                   SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) |
                                   SP_ROLE_BIT (SP_ROLE_DEPARTMENT_HEAD))) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-dossier", usable && on_case);
  /* The registrar keeps the diary, and exports it from the Diary view. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-diary",
                                 on_list && g_strcmp0 (self->view, "diary") == 0 &&
                                 (sp_context_get_roles (self->context) & SP_ROLE_BIT (SP_ROLE_REGISTRAR)) != 0);

  gtk_widget_set_visible (self->back_button, on_case || folded);
  /* Recording a case is the first job of the list, narrow too; a case's
   * page needs the room for its title. */
  gtk_widget_set_visible (self->new_case_button, !(folded && on_case));
  gtk_widget_set_visible (self->search_button, !on_case);
  gtk_widget_set_visible (self->filter_button, !on_case);
}
