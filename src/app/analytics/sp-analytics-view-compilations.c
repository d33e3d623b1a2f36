/* sp-analytics-view-compilations.c: the units' compilations (R24) in the
 * analytics view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The period's compilations come with the view's figures (one worker job,
 * sp-analytics-data.c); the list shows them, a row opens its unit's, and
 * analytics.compilation opens the one of the unit chosen as the scope.
 * The dialog reads and saves through the worker; the view counts again
 * once it is saved, so the list and the summary have it.
 */

#include <glib/gi18n.h>

#include "sp-analytics-view-private.h"
#include "sp-compilation-dialog.h"

static void
dialog_state_changed (SpAnalyticsView     *self,
                      GParamSpec          *pspec,
                      SpCompilationDialog *dialog)
{
  if (g_strcmp0 (sp_compilation_dialog_get_state (dialog), "saved") == 0)
    {
      _sp_analytics_view_set_status (self, _("The compilation is saved"));
      sp_analytics_view_reload (self);
    }
}

static GtkWindow *
open_dialog (SpAnalyticsView *self,
             const char      *unit_id)
{
  g_autofree char *name = _sp_analytics_view_key_name (self, SP_STATS_UNIT, unit_id);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SpCompilationDialog *dialog;

  if (self->worker == NULL || self->data == NULL || self->data->period.kind == SP_PERIOD_CUSTOM)
    return NULL;
  dialog = sp_compilation_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->worker,
                                      self->actor, unit_id, name, &self->data->period);
  g_signal_connect_object (dialog, "notify::state", G_CALLBACK (dialog_state_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

void
_sp_analytics_view_open_compilation (SpAnalyticsView *self,
                                     const char      *unit_id)
{
  open_dialog (self, unit_id);
}

GtkWindow *
sp_analytics_view_open_compilation (SpAnalyticsView *self)
{
  const char *scope;
  guint selected;

  g_return_val_if_fail (SP_IS_ANALYTICS_VIEW (self), NULL);

  selected = gtk_drop_down_get_selected (self->scope_dropdown);
  scope = selected < self->scopes->len ? g_ptr_array_index (self->scopes, selected) : NULL;
  if (scope == NULL || !g_str_has_prefix (scope, "unit:"))
    return NULL;
  return open_dialog (self, scope + strlen ("unit:"));
}

static void
row_activated (SpAnalyticsView *self,
               AdwActionRow    *row)
{
  const char *unit_id = g_object_get_data (G_OBJECT (row), "unit-id");

  if (unit_id != NULL)
    open_dialog (self, unit_id);
}

/* The first line of @text, at most 90 characters. */
static char *
first_line (const char *text)
{
  g_autofree char *line = NULL;
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  end = strchr (text, '\n');
  line = end ? g_strndup (text, end - text) : g_strdup (text);
  if (g_utf8_strlen (line, -1) > 90)
    {
      char *cut = g_utf8_substring (line, 0, 89);

      g_free (line);
      line = g_strconcat (cut, "…", NULL);
      g_free (cut);
    }
  return g_steal_pointer (&line);
}

void
_sp_analytics_view_fill_compilations (SpAnalyticsView *self)
{
  GPtrArray *found = self->data ? self->data->compilations : NULL;
  GtkWidget *child;
  guint selected = gtk_drop_down_get_selected (self->scope_dropdown);
  const char *scope = selected < self->scopes->len ? g_ptr_array_index (self->scopes, selected) : "";

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->compilations_list))) != NULL)
    gtk_list_box_remove (self->compilations_list, child);

  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      SpUnitCompilation *c = g_ptr_array_index (found, i);
      g_autofree char *name = _sp_analytics_view_key_name (self, SP_STATS_UNIT, c->unit_id);
      g_autofree char *subtitle = first_line (c->analysis);
      g_autofree char *widget_name = g_strconcat ("compilation-", c->unit_id, NULL);
      GtkWidget *row = adw_action_row_new ();

      gtk_widget_set_name (row, widget_name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "unit-id", g_strdup (c->unit_id), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (row_activated), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->compilations_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->compilations_list), found != NULL && found->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->compilations_empty), found == NULL || found->len == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "analytics.compilation",
                                 g_str_has_prefix (scope, "unit:") && self->actor != NULL &&
                                 (self->actor->roles & (SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) |
                                                        SP_ROLE_BIT (SP_ROLE_DEPARTMENT_HEAD))) != 0);
}
