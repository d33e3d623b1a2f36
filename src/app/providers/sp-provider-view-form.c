/* sp-provider-view-form.c: the provider form of the provider register,
 * new and edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "sp-provider-view-private.h"

static void
set_entry (GtkWidget  *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

static void
set_date_entry (GtkWidget *entry,
                SpDate    date)
{
  g_autofree char *text = date ? sp_date_to_string (date) : NULL;

  set_entry (entry, text);
}

void
_sp_provider_view_edit (SpProviderView *self,
                        SpProvider     *provider)
{
  g_autofree char *org = provider ? sp_provider_format_org_number (provider->org_number) : NULL;

  self->editing_new = provider == NULL;
  set_entry (self->name_entry, provider ? provider->name : NULL);
  set_entry (self->org_entry, org);
  gtk_drop_down_set_selected (self->form_drop, provider ? provider->contract_form : 0);
  set_entry (self->reference_entry, provider ? provider->contract_reference : NULL);
  set_date_entry (self->starts_entry, provider ? provider->contract_starts_on : SP_DATE_NONE);
  set_date_entry (self->ends_entry, provider ? provider->contract_ends_on : SP_DATE_NONE);
  set_entry (self->administration_entry, provider ? provider->responsible_administration : NULL);
  set_entry (self->contact_entry, provider ? provider->contact_person : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_error), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "edit");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static void
show_edit_error (SpProviderView *self,
                 const char     *message)
{
  gtk_label_set_text (self->edit_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_error), TRUE);
}

static char *
entry_text (GtkWidget *entry)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
entry_date (GtkWidget *entry,
            SpDate   *date)
{
  g_autofree char *text = entry_text (entry);

  *date = SP_DATE_NONE;
  return text == NULL || sp_date_parse (text, date);
}

static void
provider_saved (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SpProviderView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = sp_store_worker_run_finish (SP_STORE_WORKER (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  _sp_provider_view_set_busy (self, FALSE);
  if (id == NULL)
    {
      show_edit_error (self, sp_contract_issue_field_message (sp_error_get_field (error), error->message));
      return;
    }
  sp_provider_view_reload (self);
  sp_provider_view_show_provider (self, id);
}

void
_sp_provider_view_save_clicked (SpProviderView *self)
{
  g_autoptr(SpProvider) provider = NULL;

  if (self->busy > 0)
    return;
  provider = self->editing_new || self->shown == NULL ? sp_provider_new ()
                                                      : SP_PROVIDER (sp_entity_copy (SP_ENTITY (self->shown)));
  g_free (provider->name);
  provider->name = entry_text (self->name_entry);
  g_free (provider->org_number);
  provider->org_number = entry_text (self->org_entry);
  provider->contract_form = gtk_drop_down_get_selected (self->form_drop);
  g_free (provider->contract_reference);
  provider->contract_reference = entry_text (self->reference_entry);
  g_free (provider->responsible_administration);
  provider->responsible_administration = entry_text (self->administration_entry);
  g_free (provider->contact_person);
  provider->contact_person = entry_text (self->contact_entry);
  if (!entry_date (self->starts_entry, &provider->contract_starts_on) ||
      !entry_date (self->ends_entry, &provider->contract_ends_on))
    {
      show_edit_error (self, sp_contract_issue_field_message ("contract_starts_on", NULL));
      return;
    }

  _sp_provider_view_set_busy (self, TRUE);
  sp_store_worker_run_async (sp_context_get_worker (self->context),
                             _sp_provider_view_save_provider,
                             g_steal_pointer (&provider), g_object_unref, g_free, self->cancellable,
                             provider_saved, g_object_ref (self));
}
