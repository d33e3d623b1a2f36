/* sp-admin-users-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The organisation's own accounts can be changed here; those the
 * directory signs in are shown apart and not offered for change, since
 * the next sign-in would put the directory's groups back.
 */

#include <glib/gi18n.h>

#include "sp-admin-users-page.h"

struct _SpAdminUsersPage
{
  AdwPreferencesPage   parent_instance;

  GtkListBox          *local_list;
  GtkListBox          *directory_list;
  GtkWidget           *directory_group;

  SpAdminBackend      *backend;
  SpAdminData         *data;
};

G_DEFINE_FINAL_TYPE (SpAdminUsersPage, sp_admin_users_page, ADW_TYPE_PREFERENCES_PAGE)

static const char *
unit_name (SpAdminUsersPage *self,
           const char       *id)
{
  for (guint i = 0; id != NULL && i < self->data->units->len; i++)
    {
      SpUnit *unit = g_ptr_array_index (self->data->units, i);

      if (g_strcmp0 (SP_ENTITY (unit)->id, id) == 0)
        return unit->name;
    }
  return NULL;
}

static char *
describe (SpAdminUsersPage *self,
          SpUser           *user)
{
  GString *text = g_string_new (NULL);
  const char *unit = unit_name (self, user->unit_id);
  gboolean first = TRUE;

  /* The title is the full name when there is one, else the user name. */
  if (user->display_name != NULL && g_strcmp0 (user->display_name, user->username) != 0)
    g_string_append_printf (text, "%s · ", user->username);
  for (int r = 0; r < SP_N_ROLES; r++)
    if (user->roles & SP_ROLE_BIT (r))
      {
        g_string_append_printf (text, "%s%s", first ? "" : ", ", sp_enum_get_label (&sp_role_info, r));
        first = FALSE;
      }
  if (first)
    g_string_append (text, _("No roles"));
  if (unit != NULL)
    g_string_append_printf (text, " · %s", unit);
  return g_string_free (text, FALSE);
}

typedef struct
{
  SpAdminUsersPage *page;
  SpUser           *user;   /* a copy; NULL for a new one */
  GtkWidget        *username_row;
  GtkWidget        *name_row;
  GtkWidget        *email_row;
  GtkWidget        *unit_row;
  GtkWidget        *password_row;
  GtkWidget        *roles[SP_N_ROLES];
  GPtrArray        *unit_ids;
} UserForm;

static void
user_form_free (gpointer p)
{
  UserForm *form = p;

  g_clear_object (&form->user);
  g_clear_pointer (&form->unit_ids, g_ptr_array_unref);
  g_free (form);
}

static void
user_save (SpAdminDialog *dialog,
           UserForm      *form)
{
  g_autoptr(SpUser) user = form->user ? sp_entity_copy (SP_ENTITY (form->user)) : sp_user_new ();
  g_autofree char *password = NULL;
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (form->unit_row));

  g_free (user->username);
  user->username = sp_admin_entry_dup_text (form->username_row);
  g_free (user->display_name);
  user->display_name = sp_admin_entry_dup_text (form->name_row);
  g_free (user->email);
  user->email = sp_admin_entry_dup_text (form->email_row);
  g_free (user->unit_id);
  user->unit_id = selected > 0 && selected <= form->unit_ids->len
                  ? g_strdup (g_ptr_array_index (form->unit_ids, selected - 1)) : NULL;
  user->roles = 0;
  for (int r = 0; r < SP_N_ROLES; r++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (form->roles[r])))
      user->roles |= SP_ROLE_BIT (r);
  if (form->password_row != NULL)
    password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->password_row)));

  if (form->user == NULL && form->password_row != NULL && (password == NULL || *password == '\0'))
    {
      g_autoptr(GError) error = g_error_new_literal (SP_ERROR, SP_ERROR_INVALID,
                                                     _("Give the user a first password."));
      sp_admin_dialog_finish (dialog, error);
      return;
    }

  sp_admin_backend_save_async (form->page->backend, SP_ENTITY (user), form->user == NULL,
                               password, NULL, sp_admin_save_done, g_object_ref (dialog));
}

static void
user_deactivate (SpAdminDialog *dialog,
                 UserForm      *form)
{
  sp_admin_backend_deactivate_async (form->page->backend, SP_ENTITY (form->user), NULL,
                                     sp_admin_deactivate_done, g_object_ref (dialog));
}

static void
open_form (SpAdminUsersPage *self,
           SpUser           *user)
{
  UserForm *form = g_new0 (UserForm, 1);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) units = sp_admin_working_units (self->data);
  gboolean remote = sp_admin_backend_is_remote (self->backend);
  SpAdminDialog *dialog;
  GtkWidget *group;
  guint selected = 0;

  form->page = self;
  form->user = user ? sp_entity_copy (SP_ENTITY (user)) : NULL;

  dialog = sp_admin_dialog_new (GTK_WIDGET (self), user ? _("User") : _("New User"), NULL);
  gtk_widget_set_name (GTK_WIDGET (dialog), "user-dialog");
  form->username_row = sp_admin_entry_row_new ("username_row", _("User _Name"),
                                               user ? user->username : NULL);
  form->name_row = sp_admin_entry_row_new ("display_name_row", _("Full _Name"),
                                           user ? user->display_name : NULL);
  form->email_row = sp_admin_entry_row_new ("email_row", _("_E-mail"), user ? user->email : NULL);
  sp_admin_dialog_add (dialog, form->username_row);
  sp_admin_dialog_add (dialog, form->name_row);
  sp_admin_dialog_add (dialog, form->email_row);

  form->unit_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (labels, (gpointer) C_("unit", "None"));
  for (guint i = 0; i < units->len; i++)
    {
      SpUnit *unit = g_ptr_array_index (units, i);

      if (user != NULL && g_strcmp0 (user->unit_id, SP_ENTITY (unit)->id) == 0)
        selected = labels->len;
      g_ptr_array_add (labels, unit->name);
      g_ptr_array_add (form->unit_ids, g_strdup (SP_ENTITY (unit)->id));
    }
  form->unit_row = sp_admin_combo_row_new ("unit_row", _("_Unit"), labels, selected);
  sp_admin_dialog_add (dialog, form->unit_row);

  group = sp_admin_dialog_add_group (dialog, _("Roles"),
                                     _("A person can hold several roles."));
  for (int r = 0; r < SP_N_ROLES; r++)
    {
      g_autofree char *name = g_strconcat ("role:", sp_enum_to_name (&sp_role_info, r), NULL);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_name (check, name);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   user != NULL && (user->roles & SP_ROLE_BIT (r)) != 0);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sp_enum_get_label (&sp_role_info, r));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      form->roles[r] = check;
    }

  /* Passwords are the server's: on this computer alone nobody signs in. */
  if (remote)
    {
      group = sp_admin_dialog_add_group (dialog, _("Password"),
                                         user ? _("Leave empty to keep the password. A new one "
                                                  "ends the user’s sessions.")
                                              : _("At least 10 characters. Tell it to the user "
                                                  "in person."));
      form->password_row = adw_password_entry_row_new ();
      gtk_widget_set_name (form->password_row, "password_row");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->password_row),
                                     user ? _("New _Password") : _("_Password"));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (form->password_row), TRUE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), form->password_row);
    }

  if (user != NULL)
    sp_admin_dialog_offer_deactivate (dialog, _("_Deactivate Account"));

  g_object_set_data_full (G_OBJECT (dialog), "form", form, user_form_free);
  g_signal_connect (dialog, "save", G_CALLBACK (user_save), form);
  g_signal_connect (dialog, "deactivate", G_CALLBACK (user_deactivate), form);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
row_activated (SpAdminUsersPage *self,
               GtkListBoxRow    *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "user-id");

  for (guint i = 0; self->data != NULL && i < self->data->users->len; i++)
    {
      SpUser *user = g_ptr_array_index (self->data->users, i);

      if (g_strcmp0 (SP_ENTITY (user)->id, id) == 0)
        {
          open_form (self, user);
          return;
        }
    }
}

static void
fill (SpAdminUsersPage *self)
{
  guint n_directory = 0;

  sp_admin_list_clear (self->local_list);
  sp_admin_list_clear (self->directory_list);
  if (self->data == NULL)
    return;

  for (guint i = 0; i < self->data->users->len; i++)
    {
      SpUser *user = g_ptr_array_index (self->data->users, i);
      gboolean directory = g_hash_table_contains (self->data->directory, SP_ENTITY (user)->id);
      g_autofree char *name = g_strconcat ("user:", user->username, NULL);
      g_autofree char *subtitle = describe (self, user);
      GtkWidget *row = sp_admin_row_new (name, user->display_name ? user->display_name
                                                                  : user->username,
                                         subtitle, !directory);

      g_object_set_data_full (G_OBJECT (row), "user-id", g_strdup (SP_ENTITY (user)->id), g_free);
      gtk_list_box_append (directory ? self->directory_list : self->local_list, row);
      n_directory += directory;
    }
  gtk_widget_set_visible (self->directory_group, n_directory > 0);
}

void
sp_admin_users_page_set_data (SpAdminUsersPage *self,
                              SpAdminBackend   *backend,
                              SpAdminData      *data)
{
  g_return_if_fail (SP_IS_ADMIN_USERS_PAGE (self));

  g_set_object (&self->backend, backend);
  self->data = data;
  fill (self);
}

static void
add_user (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  open_form (SP_ADMIN_USERS_PAGE (widget), NULL);
}

static void
sp_admin_users_page_dispose (GObject *object)
{
  SpAdminUsersPage *self = SP_ADMIN_USERS_PAGE (object);

  g_clear_object (&self->backend);
  self->data = NULL;

  G_OBJECT_CLASS (sp_admin_users_page_parent_class)->dispose (object);
}

static void
sp_admin_users_page_class_init (SpAdminUsersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_admin_users_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/se/synpunkt/Synpunkt/sp-admin-users-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpAdminUsersPage, local_list);
  gtk_widget_class_bind_template_child (widget_class, SpAdminUsersPage, directory_list);
  gtk_widget_class_bind_template_child (widget_class, SpAdminUsersPage, directory_group);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_install_action (widget_class, "users.add", NULL, add_user);
}

static void
sp_admin_users_page_init (SpAdminUsersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
