/* sp-admin-page.c: what the administration's pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "sp-admin-page.h"

void
sp_admin_list_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

GtkWidget *
sp_admin_row_new (const char *name,
                  const char *title,
                  const char *subtitle,
                  gboolean    editable)
{
  GtkWidget *row = adw_action_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (editable)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  return row;
}

GtkWidget *
sp_admin_entry_row_new (const char *name,
                        const char *title,
                        const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  return row;
}

GtkWidget *
sp_admin_combo_row_new (const char *name,
                        const char *title,
                        GPtrArray  *labels,
                        guint       selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (model, g_ptr_array_index (labels, i));
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  return row;
}

char *
sp_admin_entry_dup_text (GtkWidget *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

void
sp_admin_save_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SpAdminDialog) dialog = user_data;
  g_autoptr(GError) error = NULL;

  sp_admin_backend_save_finish (SP_ADMIN_BACKEND (source), result, &error);
  sp_admin_dialog_finish (dialog, error);
}

void
sp_admin_deactivate_done (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(SpAdminDialog) dialog = user_data;
  g_autoptr(GError) error = NULL;

  sp_admin_backend_deactivate_finish (SP_ADMIN_BACKEND (source), result, &error);
  sp_admin_dialog_finish (dialog, error);
}

GPtrArray *
sp_admin_working_units (SpAdminData *data)
{
  GPtrArray *units = g_ptr_array_new ();

  for (guint i = 0; data != NULL && i < data->units->len; i++)
    {
      SpUnit *unit = g_ptr_array_index (data->units, i);

      if (unit->kind != SP_UNIT_KIND_ADMINISTRATION)
        g_ptr_array_add (units, unit);
    }
  return units;
}
