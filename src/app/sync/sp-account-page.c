/* sp-account-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "sp-account-page.h"

struct _SpAccountPage
{
  AdwPreferencesPage    parent_instance;

  AdwPreferencesGroup  *login_group;
  AdwPreferencesGroup  *action_group;
  AdwEntryRow          *url_row;
  AdwEntryRow          *username_row;
  AdwEntryRow          *password_row;
  GtkLabel             *error_label;
  GtkSpinner           *spinner;
  GtkButton            *connect_button;
  AdwPreferencesGroup  *user_group;
  AdwActionRow         *server_row;
  AdwActionRow         *name_row;
  AdwActionRow         *roles_row;
  AdwActionRow         *directory_row;
  AdwActionRow         *keyring_row;
  AdwPreferencesGroup  *mapping_group;
  GPtrArray            *mapping_rows;

  SpAccount            *account;
  GSignalGroup         *engine_signals;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (SpAccountPage, sp_account_page, ADW_TYPE_PREFERENCES_PAGE)

static void connect_now (SpAccountPage *self);

static void
show_error (SpAccountPage *self,
            const char    *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static char *
roles_text (guint roles)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < SP_N_ROLES; i++)
    if (roles & SP_ROLE_BIT (i))
      {
        if (s->len > 0)
          g_string_append (s, ", ");
        g_string_append (s, sp_enum_get_label (&sp_role_info, i));
      }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
clear_mapping (SpAccountPage *self)
{
  for (guint i = 0; i < self->mapping_rows->len; i++)
    adw_preferences_group_remove (self->mapping_group, self->mapping_rows->pdata[i]);
  g_ptr_array_set_size (self->mapping_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), FALSE);
}

static void
on_map_clicked (SpAccountPage *self)
{
  SpSyncEngine *engine = sp_account_get_engine (self->account);
  GPtrArray *server_units = engine ? sp_sync_engine_get_server_units (engine) : NULL;

  if (engine == NULL || server_units == NULL)
    return;

  for (guint i = 0; i < self->mapping_rows->len; i++)
    {
      GtkWidget *row = self->mapping_rows->pdata[i];
      const char *local_id = g_object_get_data (G_OBJECT (row), "sp-local-unit");
      guint selected;

      if (!ADW_IS_COMBO_ROW (row) || local_id == NULL)
        continue;
      selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
      if (selected < server_units->len)
        sp_sync_engine_map_unit (engine, local_id, SP_ENTITY (server_units->pdata[selected])->id);
    }

  clear_mapping (self);
  sp_sync_engine_sync_async (engine, NULL, NULL, NULL);
}

/* After a first round that found units with no namesake on the server. */
static void
show_mapping (SpAccountPage *self,
              SpSyncEngine  *engine)
{
  GPtrArray *unmapped = sp_sync_engine_get_unmapped_units (engine);
  GPtrArray *server_units = sp_sync_engine_get_server_units (engine);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *button;

  clear_mapping (self);
  if (unmapped == NULL || unmapped->len == 0 || server_units == NULL)
    return;

  for (guint i = 0; i < server_units->len; i++)
    gtk_string_list_append (names, SP_UNIT (server_units->pdata[i])->name);

  for (guint i = 0; i < unmapped->len; i++)
    {
      SpUnit *unit = unmapped->pdata[i];
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), unit->name);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
      g_object_set_data_full (G_OBJECT (row), "sp-local-unit",
                              g_strdup (SP_ENTITY (unit)->id), g_free);
      adw_preferences_group_add (self->mapping_group, row);
      g_ptr_array_add (self->mapping_rows, row);
    }

  button = gtk_button_new_with_mnemonic (_("_Upload the Cases"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 12);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_map_clicked), self);
  adw_preferences_group_add (self->mapping_group, button);
  g_ptr_array_add (self->mapping_rows, button);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), TRUE);
}

static void
update (SpAccountPage *self)
{
  SpUser *user = sp_account_get_user (self->account);
  SpSyncEngine *engine = sp_account_get_engine (self->account);
  gboolean signed_in = engine != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->login_group), !signed_in);
  gtk_widget_set_visible (GTK_WIDGET (self->action_group), !signed_in);
  gtk_widget_set_visible (GTK_WIDGET (self->user_group), signed_in);
  gtk_button_set_label (self->connect_button,
                        sp_account_is_connected (self->account) ? _("_Log In") : _("_Connect"));

  if (signed_in)
    {
      g_autofree char *roles = roles_text (user ? user->roles : 0);

      adw_action_row_set_subtitle (self->server_row, sp_account_get_url (self->account));
      adw_action_row_set_subtitle (self->name_row,
                                   user ? (user->display_name ? user->display_name : user->username)
                                        : _("Unknown until the next login"));
      adw_action_row_set_subtitle (self->roles_row, roles[0] ? roles : _("None"));
      /* Which directory signs users in here, if the server has one. */
      gtk_widget_set_visible (GTK_WIDGET (self->directory_row),
                              sp_account_get_directory_name (self->account) != NULL);
      adw_action_row_set_subtitle (self->directory_row,
                                   sp_account_get_directory_name (self->account)
                                   ? sp_account_get_directory_name (self->account) : "");
      adw_action_row_set_subtitle (self->keyring_row,
                                   sp_account_has_keyring (self->account)
                                   ? _("Kept in your keyring")
                                   : _("Kept in memory only: log in again after restarting"));

      if (sp_sync_engine_get_state (engine) == SP_SYNC_STATE_ERROR &&
          sp_sync_engine_get_unmapped_units (engine) != NULL)
        show_mapping (self, engine);
    }
}

static void
on_trust_response (AdwMessageDialog *dialog,
                   const char       *response,
                   SpAccountPage    *self)
{
  if (g_strcmp0 (response, "trust") != 0)
    return;

  sp_account_trust_certificate (self->account, g_object_get_data (G_OBJECT (dialog), "sp-fingerprint"));
  connect_now (self);
}

static void
ask_trust (SpAccountPage *self,
           const char    *fingerprint)
{
  GtkWidget *dialog;
  g_autoptr(GString) pretty = g_string_new (NULL);

  for (guint i = 0; fingerprint && fingerprint[i]; i += 2)
    {
      if (i > 0)
        g_string_append_c (pretty, (i % 32) == 0 ? '\n' : ':');
      g_string_append_len (pretty, fingerprint + i, 2);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("The Server’s Identity Cannot Be Verified"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("No certificate authority vouches for this server. Trust it only if "
                                    "your IT department confirms that its SHA-256 fingerprint is:\n\n%s"),
                                  pretty->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "trust", _("_Trust This Server"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "trust",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "sp-fingerprint", g_strdup (fingerprint), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_trust_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SpAccountPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sp_account_connect_finish (SP_ACCOUNT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
    }

  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button), TRUE);

  if (error != NULL)
    {
      if (g_error_matches (error, SP_SYNC_ERROR, SP_SYNC_ERROR_CERTIFICATE))
        ask_trust (self, sp_account_get_refused_certificate (self->account));
      else if (g_error_matches (error, SP_SYNC_ERROR, SP_SYNC_ERROR_AUTH))
        show_error (self, _("The user name or password is wrong."));
      else if (g_error_matches (error, SP_SYNC_ERROR, SP_SYNC_ERROR_REFUSED))
        {
          /* A disabled directory account, one with no role, too many tries:
           * the server says which. */
          g_autofree char *text = g_strdup_printf (_("The server refused the sign-in: %s"),
                                                   error->message);
          show_error (self, text);
        }
      else
        show_error (self, error->message);
      g_object_unref (self);
      return;
    }

  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  update (self);
  g_object_unref (self);
}

static void
connect_now (SpAccountPage *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  const char *username = gtk_editable_get_text (GTK_EDITABLE (self->username_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autofree char *trimmed = g_strstrip (g_strdup (url));

  if (trimmed[0] == 0 || username[0] == 0 || password[0] == 0)
    {
      show_error (self, _("Enter the server’s address, your user name and your password."));
      return;
    }

  show_error (self, NULL);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button), FALSE);
  sp_account_connect_async (self->account, trimmed, username, password, self->cancellable,
                            on_connected, g_object_ref (self));
}

static void
on_connect_clicked (SpAccountPage *self)
{
  connect_now (self);
}

static void
log_out (SpAccountPage *self)
{
  sp_account_log_out (self->account);
  update (self);
}

static void
on_sent_before_logout (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(SpAccountPage) self = user_data;

  /* Whatever could not be sent is kept aside by the logout. */
  sp_sync_engine_sync_finish (SP_SYNC_ENGINE (source), result, NULL);
  if (self->account != NULL)
    log_out (self);
}

static void
on_logout_response (AdwMessageDialog *dialog,
                    const char       *response,
                    SpAccountPage    *self)
{
  SpSyncEngine *engine = sp_account_get_engine (self->account);

  if (g_strcmp0 (response, "send") == 0 && engine != NULL)
    sp_sync_engine_sync_async (engine, NULL, on_sent_before_logout, g_object_ref (self));
  else if (g_strcmp0 (response, "logout") == 0)
    log_out (self);
}

/* Changes not sent yet are not lost by a logout, but the user chooses
 * what becomes of them. */
static void
on_logout_clicked (SpAccountPage *self)
{
  SpSyncEngine *engine = sp_account_get_engine (self->account);
  gint64 pending = engine ? sp_sync_engine_get_pending (engine) : 0;
  GtkWidget *dialog;

  if (pending == 0)
    {
      log_out (self);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Send Your Changes Before Logging Out?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (NULL,
                                               "%d change made on this computer has not reached the server yet. "
                                               "If you log out without sending it, it is kept aside on this computer, "
                                               "hidden from others who log in here, and sent when you log in again.",
                                               "%d changes made on this computer have not reached the server yet. "
                                               "If you log out without sending them, they are kept aside on this computer, "
                                               "hidden from others who log in here, and sent when you log in again.",
                                               pending),
                                  (int) pending);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "logout", _("_Log Out Without Sending"),
                                    "send", _("_Send and Log Out"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "send",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "send");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_set_name (dialog, "logout-dialog");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_logout_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sp_account_page_dispose (GObject *object)
{
  SpAccountPage *self = SP_ACCOUNT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_ACCOUNT_PAGE);
  g_clear_object (&self->engine_signals);
  g_clear_object (&self->account);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->mapping_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_account_page_parent_class)->dispose (object);
}

static void
sp_account_page_class_init (SpAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_account_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/se/synpunkt/Synpunkt/sp-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpAccountPage, login_group);
  gtk_widget_class_bind_template_child (widget_class, SpAccountPage, action_group);
  gtk_widget_class_bind_template_child (widget_class, SpAccountPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, SpAccountPage, username_row);
  gtk_widget_class_bind_template_child (widget_class, SpAccountPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, SpAccountPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, SpAccountPage, directory_row);
  gtk_widget_class_bind_template_child (widget_class, SpAccountPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SpAccountPage, connect_button);
  gtk_widget_class_bind_template_child (widget_class, SpAccountPage, user_group);
  gtk_widget_class_bind_template_child (widget_class, SpAccountPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, SpAccountPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, SpAccountPage, roles_row);
  gtk_widget_class_bind_template_child (widget_class, SpAccountPage, keyring_row);
  gtk_widget_class_bind_template_child (widget_class, SpAccountPage, mapping_group);
  gtk_widget_class_bind_template_callback (widget_class, on_connect_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_logout_clicked);
}

static void
sp_account_page_init (SpAccountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->mapping_rows = g_ptr_array_new ();
  self->engine_signals = g_signal_group_new (SP_TYPE_SYNC_ENGINE);
  g_signal_group_connect_swapped (self->engine_signals, "changed", G_CALLBACK (update), self);
}

static void
on_engine_changed (SpAccountPage *self)
{
  g_signal_group_set_target (self->engine_signals, sp_account_get_engine (self->account));
  update (self);
}

GtkWidget *
sp_account_page_new (SpAccount *account)
{
  SpAccountPage *self;
  g_autofree char *url = NULL;
  g_autofree char *username = NULL;

  g_return_val_if_fail (SP_IS_ACCOUNT (account), NULL);

  self = g_object_new (SP_TYPE_ACCOUNT_PAGE, NULL);
  self->account = g_object_ref (account);
  g_signal_connect_object (account, "notify", G_CALLBACK (on_engine_changed), self, G_CONNECT_SWAPPED);

  url = sp_account_dup_configured_url (account);
  username = sp_account_dup_configured_username (account);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  gtk_editable_set_text (GTK_EDITABLE (self->username_row), username);

  on_engine_changed (self);
  return GTK_WIDGET (self);
}

void
sp_account_page_connect (SpAccountPage *self,
                         const char    *url,
                         const char    *username,
                         const char    *password)
{
  g_return_if_fail (SP_IS_ACCOUNT_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  gtk_editable_set_text (GTK_EDITABLE (self->username_row), username);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
  connect_now (self);
}

void
sp_account_page_log_out (SpAccountPage *self)
{
  g_return_if_fail (SP_IS_ACCOUNT_PAGE (self));

  on_logout_clicked (self);
}

const char *
sp_account_page_get_error (SpAccountPage *self)
{
  g_return_val_if_fail (SP_IS_ACCOUNT_PAGE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
         ? gtk_label_get_label (self->error_label) : NULL;
}
