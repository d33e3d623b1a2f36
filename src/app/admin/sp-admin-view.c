/* sp-admin-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the organisation once (through the backend: the server's API or
 * the store worker) and hands the same answer to each page; every change
 * a page makes is followed by a new read, so the pages show what was
 * stored, not what was typed.
 */

#include <glib/gi18n.h>

#include "sp-admin-backend.h"
#include "sp-admin-categories-page.h"
#include "sp-admin-rules-page.h"
#include "sp-admin-units-page.h"
#include "sp-admin-users-page.h"
#include "sp-admin-view.h"

struct _SpAdminView
{
  GtkBox                 parent_instance;

  AdwViewStack          *stack;
  GtkLabel              *where_label;
  GtkLabel              *error_label;
  SpAdminUnitsPage      *units_page;
  SpAdminUsersPage      *users_page;
  SpAdminCategoriesPage *categories_page;
  SpAdminRulesPage      *rules_page;

  SpContext             *context;
  SpAdminBackend        *backend;
  SpAdminData           *data;
  GCancellable          *cancellable;
  guint                  serial;
  gboolean               loading;
};

G_DEFINE_FINAL_TYPE (SpAdminView, sp_admin_view, GTK_TYPE_BOX)

static void
update_where (SpAdminView *self)
{
  SpAccount *account = sp_context_get_account (self->context);

  if (sp_admin_backend_is_remote (self->backend))
    {
      g_autofree char *text = g_strdup_printf (_("Changes are made on the server %s, for everyone, "
                                                 "and recorded in its audit log."),
                                               sp_account_get_url (account));

      gtk_label_set_text (self->where_label, text);
    }
  else
    gtk_label_set_text (self->where_label,
                        _("Changes are made on this computer only, with your name and the time "
                          "on each record."));
}

static void
loaded (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  SpAdminData *data;
  SpAdminView *self;

  data = sp_admin_backend_load_finish (SP_ADMIN_BACKEND (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SP_ADMIN_VIEW (user_data);
  self->loading = FALSE;
  self->serial++;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), data == NULL);
  if (data == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The organisation could not be read: %s"),
                                               error->message);

      gtk_label_set_text (self->error_label, text);
      return;
    }

  /* The pages hold the old answer until they are given the new one. */
  sp_admin_units_page_set_data (self->units_page, self->backend, data);
  sp_admin_users_page_set_data (self->users_page, self->backend, data);
  sp_admin_categories_page_set_data (self->categories_page, self->backend, data);
  sp_admin_rules_page_set_data (self->rules_page, self->backend, data);
  g_clear_pointer (&self->data, sp_admin_data_free);
  self->data = data;
  update_where (self);
}

void
sp_admin_view_reload (SpAdminView *self)
{
  g_return_if_fail (SP_IS_ADMIN_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  sp_admin_backend_load_async (self->backend, self->cancellable, loaded, self);
}

guint
sp_admin_view_get_serial (SpAdminView *self)
{
  g_return_val_if_fail (SP_IS_ADMIN_VIEW (self), 0);

  return self->serial;
}

gboolean
sp_admin_view_get_loading (SpAdminView *self)
{
  g_return_val_if_fail (SP_IS_ADMIN_VIEW (self), FALSE);

  return self->loading;
}

const char *
sp_admin_view_get_error (SpAdminView *self)
{
  g_return_val_if_fail (SP_IS_ADMIN_VIEW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
         ? gtk_label_get_text (self->error_label) : NULL;
}

void
sp_admin_view_show_page (SpAdminView *self,
                         const char  *name)
{
  g_return_if_fail (SP_IS_ADMIN_VIEW (self));

  adw_view_stack_set_visible_child_name (self->stack, name);
}

static void
sp_admin_view_dispose (GObject *object)
{
  SpAdminView *self = SP_ADMIN_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->backend != NULL)
    g_signal_handlers_disconnect_by_data (self->backend, self);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->backend);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_ADMIN_VIEW);
  g_clear_pointer (&self->data, sp_admin_data_free);

  G_OBJECT_CLASS (sp_admin_view_parent_class)->dispose (object);
}

static void
sp_admin_view_class_init (SpAdminViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_admin_view_dispose;

  g_type_ensure (SP_TYPE_ADMIN_UNITS_PAGE);
  g_type_ensure (SP_TYPE_ADMIN_USERS_PAGE);
  g_type_ensure (SP_TYPE_ADMIN_CATEGORIES_PAGE);
  g_type_ensure (SP_TYPE_ADMIN_RULES_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/se/synpunkt/Synpunkt/sp-admin-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SpAdminView, stack);
  gtk_widget_class_bind_template_child (widget_class, SpAdminView, where_label);
  gtk_widget_class_bind_template_child (widget_class, SpAdminView, error_label);
  gtk_widget_class_bind_template_child (widget_class, SpAdminView, units_page);
  gtk_widget_class_bind_template_child (widget_class, SpAdminView, users_page);
  gtk_widget_class_bind_template_child (widget_class, SpAdminView, categories_page);
  gtk_widget_class_bind_template_child (widget_class, SpAdminView, rules_page);
}

static void
sp_admin_view_init (SpAdminView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sp_admin_view_new (SpContext *context)
{
  SpAdminView *self;

  g_return_val_if_fail (SP_IS_CONTEXT (context), NULL);

  self = g_object_new (SP_TYPE_ADMIN_VIEW, NULL);
  self->context = g_object_ref (context);
  self->backend = sp_admin_backend_new (context);
  g_signal_connect_object (self->backend, "changed", G_CALLBACK (sp_admin_view_reload), self,
                           G_CONNECT_SWAPPED);
  /* Signing in or out changes where the organisation is read from. */
  g_signal_connect_object (context, "notify::current-user", G_CALLBACK (sp_admin_view_reload),
                           self, G_CONNECT_SWAPPED);
  sp_admin_view_reload (self);
  return GTK_WIDGET (self);
}
