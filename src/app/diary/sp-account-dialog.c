/* sp-account-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "sp-account-dialog.h"

struct _SpAccountDialog
{
  AdwMessageDialog  parent_instance;

  SpContext        *context;
  char             *case_id;
  char             *provider_id;
  SpAccountRequest *request;      /* the one to record, or NULL */
  GPtrArray        *provider_ids; /* in the provider row's order */

  GtkWidget        *ask_group;
  AdwComboRow      *source_row;
  AdwComboRow      *provider_row;
  AdwEntryRow      *from_row;
  AdwEntryRow      *due_row;
  GtkWidget        *record_group;
  AdwEntryRow      *received_row;
  AdwComboRow      *method_row;
  GtkTextView      *account_view;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (SpAccountDialog, sp_account_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The record form's ways, in the method row's order. */
static const SpAccountMethod methods[] = {
  SP_ACCOUNT_METHOD_EMAIL, SP_ACCOUNT_METHOD_LETTER, SP_ACCOUNT_METHOD_PHONE,
  SP_ACCOUNT_METHOD_IN_PERSON,
};

static SpDate
parse_date (AdwEntryRow *row)
{
  SpDate date = SP_DATE_NONE;

  if (!sp_date_parse (gtk_editable_get_text (GTK_EDITABLE (row)), &date) || !sp_date_in_range (date))
    return SP_DATE_NONE;
  return date;
}

static char *
account_text (SpAccountDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->account_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The request the form says, and its first problem (NULL when none). */
static SpAccountRequest *
build (SpAccountDialog  *self,
       char            **problem)
{
  SpAccountRequest *r;
  g_autoptr(GPtrArray) problems = NULL;
  SpDate today = sp_date_today ();

  *problem = NULL;
  if (self->request != NULL)
    {
      guint method = adw_combo_row_get_selected (self->method_row);
      g_autofree char *text = account_text (self);

      r = sp_entity_copy (SP_ENTITY (self->request));
      r->received_on = parse_date (self->received_row);
      r->received_method = method < G_N_ELEMENTS (methods) ? methods[method] : SP_ACCOUNT_METHOD_NONE;
      g_free (r->account);
      r->account = g_strstrip (g_steal_pointer (&text));
      if (r->received_on == SP_DATE_NONE)
        *problem = g_strdup (_("The day the account came is not a date: write it as YYYY-MM-DD"));
    }
  else
    {
      guint provider = adw_combo_row_get_selected (self->provider_row);
      const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from_row));

      r = sp_account_request_new ();
      r->case_id = g_strdup (self->case_id);
      r->source = adw_combo_row_get_selected (self->source_row) == 1 ? SP_ACCOUNT_FROM_OTHER_DISTRICT
                                                                       : SP_ACCOUNT_FROM_PROVIDER;
      if (r->source == SP_ACCOUNT_FROM_PROVIDER && provider < self->provider_ids->len)
        r->provider_id = g_strdup (g_ptr_array_index (self->provider_ids, provider));
      r->requested_from = *from ? g_strstrip (g_strdup (from)) : NULL;
      r->requested_on = today;
      r->due_on = parse_date (self->due_row);
      if (r->due_on == SP_DATE_NONE && *gtk_editable_get_text (GTK_EDITABLE (self->due_row)) != '\0')
        *problem = g_strdup (_("The last date is not a date: write it as YYYY-MM-DD"));
    }
  if (*problem == NULL)
    {
      problems = sp_account_request_check (r, self->request ? SP_DATE_NONE : today, today);
      if (problems->len > 0)
        *problem = g_strdup (((SpProblem *) problems->pdata[0])->message);
    }
  return r;
}

static void
form_changed (SpAccountDialog *self)
{
  g_autofree char *problem = NULL;
  g_autoptr(SpAccountRequest) r = NULL;
  gboolean provider;

  if (self->context == NULL)
    return;
  provider = adw_combo_row_get_selected (self->source_row) == 0;
  gtk_widget_set_visible (GTK_WIDGET (self->provider_row), provider);
  r = build (self, &problem);
  gtk_label_set_text (self->error_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), problem != NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self),
                                           self->request ? "record" : "request", problem == NULL);
}

SpAccountRequest *
sp_account_dialog_dup_request (SpAccountDialog *self)
{
  g_autofree char *problem = NULL;
  g_autoptr(SpAccountRequest) r = NULL;

  g_return_val_if_fail (SP_IS_ACCOUNT_DIALOG (self), NULL);

  r = build (self, &problem);
  return problem == NULL ? g_steal_pointer (&r) : NULL;
}

static void
fill_providers (SpAccountDialog *self)
{
  GListModel *providers = sp_reference_get_providers (sp_context_get_reference (self->context));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (providers); i++)
    {
      g_autoptr(SpProvider) provider = g_list_model_get_item (providers, i);

      if (SP_ENTITY (provider)->deleted)
        continue;
      if (g_strcmp0 (SP_ENTITY (provider)->id, self->provider_id) == 0)
        selected = self->provider_ids->len;
      g_ptr_array_add (self->provider_ids, g_strdup (SP_ENTITY (provider)->id));
      gtk_string_list_append (names, provider->name ? provider->name : "");
    }
  adw_combo_row_set_model (self->provider_row, G_LIST_MODEL (names));
  if (selected != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->provider_row, selected);
}

static void
set_up (SpAccountDialog *self)
{
  g_autofree char *today = sp_date_to_string (sp_date_today ());

  if (self->request == NULL)
    {
      /* Two weeks, the routine's time for an investigation. */
      g_autofree char *due = sp_date_to_string (sp_date_today () + 14);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "request", _("_Ask"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "request",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "request");
      fill_providers (self);
      gtk_editable_set_text (GTK_EDITABLE (self->due_row), due);
      gtk_widget_set_visible (self->record_group, FALSE);
    }
  else
    {
      g_autofree char *due = sp_date_to_string (self->request->due_on);
      g_autofree char *asked = sp_date_to_string (self->request->requested_on);
      g_autofree char *body = NULL;

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "record", _("_Record"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "record",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "record");
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Record the Account"));
      body = g_strdup_printf (_("Asked on %s by %s, last date %s. Write down what the account says; "
                                "an account given by phone or in person is noted here."),
                              asked ? asked : "",
                              self->request->requested_by ? self->request->requested_by : "",
                              due ? due : "");
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
      gtk_editable_set_text (GTK_EDITABLE (self->received_row), today);
      gtk_widget_set_visible (self->ask_group, FALSE);
    }
  form_changed (self);
}

static void
sp_account_dialog_dispose (GObject *object)
{
  SpAccountDialog *self = SP_ACCOUNT_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->request);
  G_OBJECT_CLASS (sp_account_dialog_parent_class)->dispose (object);
}

static void
sp_account_dialog_finalize (GObject *object)
{
  SpAccountDialog *self = SP_ACCOUNT_DIALOG (object);

  g_free (self->case_id);
  g_free (self->provider_id);
  g_ptr_array_unref (self->provider_ids);
  G_OBJECT_CLASS (sp_account_dialog_parent_class)->finalize (object);
}

static void
sp_account_dialog_class_init (SpAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_account_dialog_dispose;
  object_class->finalize = sp_account_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpAccountDialog, ask_group);
  gtk_widget_class_bind_template_child (widget_class, SpAccountDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, SpAccountDialog, provider_row);
  gtk_widget_class_bind_template_child (widget_class, SpAccountDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, SpAccountDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, SpAccountDialog, record_group);
  gtk_widget_class_bind_template_child (widget_class, SpAccountDialog, received_row);
  gtk_widget_class_bind_template_child (widget_class, SpAccountDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, SpAccountDialog, account_view);
  gtk_widget_class_bind_template_child (widget_class, SpAccountDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, form_changed);
}

static void
sp_account_dialog_init (SpAccountDialog *self)
{
  self->provider_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->account_view), "changed",
                           G_CALLBACK (form_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
sp_account_dialog_new (GtkWindow        *parent,
                       SpContext        *context,
                       const char       *case_id,
                       const char       *provider_id,
                       SpAccountRequest *request)
{
  SpAccountDialog *self;

  g_return_val_if_fail (SP_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  self = g_object_new (SP_TYPE_ACCOUNT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  self->case_id = g_strdup (case_id);
  self->provider_id = g_strdup (provider_id);
  self->request = request ? g_object_ref (request) : NULL;
  set_up (self);
  return GTK_WIDGET (self);
}
