/* sp-contract-issue-page.c: one contract issue, its steps and its history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page shows the issue's provider, case, status, routing (R14) and
 * deadline, the form of its next step (request for correction with a
 * deadline, the provider's account, the assessment, the sanction, the
 * outcome), and its history: who took each step and when. Reads and
 * saves are jobs of the store worker; the store checks each step
 * (sp_store_save_contract_issue()) and a refusal is shown naming the field.
 */

#include <glib/gi18n.h>

#include "sp-contract-issue-cases.h"
#include "sp-contract-issue-page.h"

struct _SpContractIssuePage
{
  GtkBox           parent_instance;

  SpContext       *context;
  GCancellable    *cancellable;
  SpContractIssue *issue;
  char            *case_subject;
  char            *provider_name;
  guint            busy;

  GtkLabel        *title_label;
  GtkLabel        *status_label;
  GtkLabel        *routed_label;
  GtkLabel        *deadline_label;
  GtkLabel        *step_label;
  GtkLabel        *error_label;
  GtkWidget       *form_box;
  GtkEntry        *date_entry;
  GtkWidget       *due_box;
  GtkEntry        *due_entry;
  GtkWidget       *sanction_box;
  GtkDropDown     *sanction_drop;
  GtkEntry        *amount_entry;
  GtkTextView     *text_view;
  GtkButton       *step_button;
  GtkListBox      *history_list;
  GtkWidget       *cases;
};

G_DEFINE_FINAL_TYPE (SpContractIssuePage, sp_contract_issue_page, GTK_TYPE_BOX)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  SpContractIssue *issue;
  char            *case_subject;
  char            *provider_name;
  GPtrArray       *events;
} IssueRead;

static void
issue_read_free (gpointer p)
{
  IssueRead *read = p;

  g_clear_object (&read->issue);
  g_free (read->case_subject);
  g_free (read->provider_name);
  g_clear_pointer (&read->events, g_ptr_array_unref);
  g_free (read);
}

typedef struct
{
  SpContractIssue *issue;
  char            *issue_id;
  char            *user_id;
  char            *display_name;
  guint            roles;
} IssueJob;

static void
issue_job_free (gpointer p)
{
  IssueJob *job = p;

  g_clear_object (&job->issue);
  g_free (job->issue_id);
  g_free (job->user_id);
  g_free (job->display_name);
  g_free (job);
}

const char *
sp_contract_issue_field_message (const char *field,
                                 const char *fallback)
{
  static const struct { const char *field; const char *message; } messages[] = {
    { "correction_due_on", N_("Give a deadline for the correction that is today or later, and not before the request") },
    { "correction_requested_on", N_("Give the date of the request for correction") },
    { "account_received_on", N_("Give the date the provider's account was received, not before the request") },
    { "account", N_("Write down the provider's account") },
    { "assessed_on", N_("Give the date of the assessment, not before the account was received") },
    { "assessment", N_("Write down the assessment of the account") },
    { "sanction_amount", N_("A penalty (vite) needs an amount in whole kronor; other sanctions have none") },
    { "sanction_decided_on", N_("A sanction needs the date it was decided") },
    { "closed_on", N_("Give the date the issue was closed") },
    { "outcome", N_("Write down the outcome") },
    { "provider_id", N_("Choose the provider the contract issue is about") },
    { "case_id", N_("The contract issue names no case") },
    { "status", N_("This step is not the next one of the contract issue") },
    { "org_number", N_("The organisation number needs ten digits and a correct check digit (NNNNNN-NNNN)") },
    { "contract_ends_on", N_("The contract period ends before it starts") },
    { "contract_starts_on", N_("Give the date as YYYY-MM-DD") },
    { "name", N_("A provider needs a name") },
  };

  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (messages); i++)
    if (g_str_equal (messages[i].field, field))
      return _(messages[i].message);
  return fallback;
}

/* ---- Jobs, in the store worker's thread ------------------------------- */

static gpointer
read_issue (SpStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  IssueJob *job = data;
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(SpProvider) provider = NULL;
  IssueRead *read;
  SpContractIssue *issue;

  issue = sp_store_load (store, SP_TYPE_CONTRACT_ISSUE, job->issue_id, error);
  if (issue == NULL)
    return NULL;
  read = g_new0 (IssueRead, 1);
  read->issue = issue;
  kase = sp_store_get_case (store, issue->case_id, NULL);
  if (kase != NULL)
    read->case_subject = kase->diary_number
      ? g_strdup_printf ("%s · %s", kase->diary_number, kase->subject ? kase->subject : "")
      : g_strdup (kase->subject);
  if (issue->provider_id != NULL)
    provider = sp_store_load (store, SP_TYPE_PROVIDER, issue->provider_id, NULL);
  if (provider != NULL)
    read->provider_name = g_strdup (provider->name);
  read->events = sp_store_get_contract_issue_events (store, issue, error);
  if (read->events == NULL)
    {
      issue_read_free (read);
      return NULL;
    }
  return read;
}

static gpointer
save_issue (SpStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  IssueJob *job = data;
  SpActor actor = { job->user_id, job->display_name, job->roles };

  if (!sp_store_save_contract_issue (store, job->issue, SP_SAVE_DEFAULT, &actor, error))
    return NULL;
  return g_strdup (SP_ENTITY (job->issue)->id);
}

/* The case's open issue if it has one, else a new one: the same breach
 * is followed up in one issue, however often it is opened from the case. */
static gpointer
open_issue (SpStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  IssueJob *job = data;
  GError *local = NULL;
  char *id = sp_store_find_open_contract_issue (store, job->issue->case_id,
                                                job->issue->provider_id, &local);

  if (id != NULL)
    return id;
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  return save_issue (store, data, cancellable, error);
}

static IssueJob *
job_new (SpContractIssuePage *self)
{
  const SpActor *actor = sp_context_get_actor (self->context);
  IssueJob *job = g_new0 (IssueJob, 1);

  if (actor != NULL)
    {
      job->user_id = g_strdup (actor->user_id);
      job->display_name = g_strdup (actor->display_name);
      job->roles = actor->roles;
    }
  return job;
}

/* ---- Showing --------------------------------------------------------- */

static char *
format_date (SpDate date)
{
  return date != SP_DATE_NONE ? sp_date_to_string (date) : g_strdup ("—");
}

static const char *
field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "status", N_("Status") },
    { "correction_due_on", N_("Deadline for correction") },
    { "correction_requested_on", N_("Correction requested on") },
    { "correction_request", N_("Request for correction") },
    { "account_received_on", N_("Account received on") },
    { "account", N_("Provider's account") },
    { "assessed_on", N_("Assessed on") },
    { "assessment", N_("Assessment") },
    { "sanction_kind", N_("Sanction") },
    { "sanction_amount", N_("Penalty amount") },
    { "sanction_decided_on", N_("Sanction decided on") },
    { "closed_on", N_("Closed on") },
    { "outcome", N_("Outcome") },
    { "breach", N_("Breach") },
    { "opened_on", N_("Opened on") },
    { "routed_to", N_("Followed up by") },
    { "provider_id", N_("Provider") },
    { "cases", N_("Case") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].field, field) == 0)
      return _(labels[i].label);
  return field;
}

static char *
event_value (SpCaseEvent *event)
{
  int value;

  /* Which case is in the issue's list of cases; the history says when. */
  if (g_strcmp0 (event->field, "cases") == 0)
    return g_strdup (event->new_value != NULL ? _("added to the issue") : _("removed from the issue"));
  if (event->new_value == NULL)
    return g_strdup ("—");
  if (g_strcmp0 (event->field, "status") == 0 &&
      sp_enum_from_name (&sp_contract_issue_status_info, event->new_value, &value))
    return g_strdup (sp_enum_get_label (&sp_contract_issue_status_info, value));
  if (g_strcmp0 (event->field, "sanction_kind") == 0 &&
      sp_enum_from_name (&sp_sanction_kind_info, event->new_value, &value))
    return g_strdup (sp_enum_get_label (&sp_sanction_kind_info, value));
  if (g_strcmp0 (event->field, "provider_id") == 0)
    return g_strdup ("");
  if (g_strcmp0 (event->field, "routed_to") == 0 && g_strcmp0 (event->new_value, SP_ROUTE_PROCUREMENT) == 0)
    return g_strdup (_("Procurement"));
  return g_strdup (event->new_value);
}

static void
show_history (SpContractIssuePage *self,
              GPtrArray           *events)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      SpCaseEvent *event = events->pdata[i];
      g_autoptr(GDateTime) at = NULL;
      g_autofree char *when = NULL;
      g_autofree char *value = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;
      GtkWidget *row;

      /* The provider is in the page's title. */
      if (g_strcmp0 (event->field, "provider_id") == 0)
        continue;
      at = g_date_time_new_from_unix_local (event->at / G_USEC_PER_SEC);
      when = at ? g_date_time_format (at, "%Y-%m-%d %H:%M") : g_strdup ("");
      value = event_value (event);
      subtitle = g_strdup_printf ("%s · %s", when, event->actor_name ? event->actor_name : "");
      title = g_markup_printf_escaped ("%s: %s", field_label (event->field), value);
      row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      gtk_list_box_append (self->history_list, row);
    }
}

static void
set_form (SpContractIssuePage *self)
{
  SpContractIssue *issue = self->issue;
  const char *step = NULL;
  const char *button = NULL;
  gboolean due = FALSE;
  gboolean sanction = FALSE;

  switch (issue->status)
    {
    case SP_CONTRACT_ISSUE_OPEN:
      step = _("Request correction from the provider (begäran om rättelse): the letter's text and the deadline");
      button = _("Request Correction");
      due = TRUE;
      break;
    case SP_CONTRACT_ISSUE_CORRECTION_REQUESTED:
      step = _("Record the provider's account and the date it was received");
      button = _("Record Account");
      break;
    case SP_CONTRACT_ISSUE_ACCOUNT_RECEIVED:
      step = _("Assess the provider's account");
      button = _("Record Assessment");
      break;
    case SP_CONTRACT_ISSUE_ASSESSED:
      step = _("Decide the sanction: a penalty (vite) with its amount, termination of the contract, or none");
      button = _("Decide Sanction");
      sanction = TRUE;
      break;
    case SP_CONTRACT_ISSUE_SANCTIONED:
      step = _("Close the issue with its outcome");
      button = _("Close Issue");
      break;
    case SP_CONTRACT_ISSUE_CLOSED:
    default:
      break;
    }

  gtk_widget_set_visible (self->form_box, step != NULL);
  gtk_label_set_text (self->step_label, step ? step : "");
  gtk_button_set_label (self->step_button, button ? button : "");
  gtk_widget_set_visible (self->due_box, due);
  gtk_widget_set_visible (self->sanction_box, sanction);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->due_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
show_issue (SpContractIssuePage *self)
{
  SpContractIssue *issue = self->issue;
  SpDate today = sp_date_today ();
  g_autofree char *title = NULL;
  g_autofree char *status = NULL;
  g_autofree char *opened = format_date (issue->opened_on);
  g_autofree char *due = format_date (issue->correction_due_on);
  g_autofree char *deadline = NULL;
  const char *routed = g_strcmp0 (issue->routed_to, SP_ROUTE_PROCUREMENT) == 0 ? _("Procurement")
                                                                              : issue->routed_to;

  title = g_strdup_printf ("%s — %s", self->provider_name ? self->provider_name : _("Unknown provider"),
                           self->case_subject ? self->case_subject : _("Unknown case"));
  gtk_label_set_text (self->title_label, title);
  status = g_strdup_printf (_("%s · opened %s"), sp_enum_get_label (&sp_contract_issue_status_info, issue->status),
                            opened);
  if (issue->status == SP_CONTRACT_ISSUE_SANCTIONED || issue->status == SP_CONTRACT_ISSUE_CLOSED)
    {
      g_autofree char *with = NULL;

      if (issue->sanction_kind == SP_SANCTION_PENALTY)
        {
          g_autofree char *amount = g_strdup_printf ("%" G_GINT64_FORMAT, issue->sanction_amount);

          with = g_strdup_printf (_("%s · penalty (vite) of %s kr"), status, amount);
        }
      else if (issue->sanction_decided_on != SP_DATE_NONE)
        with = g_strdup_printf ("%s · %s", status, sp_enum_get_label (&sp_sanction_kind_info, issue->sanction_kind));
      if (with != NULL)
        {
          g_free (status);
          status = g_steal_pointer (&with);
        }
    }
  gtk_label_set_text (self->status_label, status);
  {
    g_autofree char *text = g_strdup_printf (_("Followed up by: %s"), routed ? routed : "—");

    gtk_label_set_text (self->routed_label, text);
  }

  gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_label), "error");
  if (issue->correction_due_on == SP_DATE_NONE)
    deadline = g_strdup (_("No deadline for correction yet"));
  else if (sp_contract_issue_is_overdue (issue, today))
    {
      deadline = g_strdup_printf (_("Deadline for correction %s: passed without an account"), due);
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_label), "error");
    }
  else if (issue->status == SP_CONTRACT_ISSUE_CORRECTION_REQUESTED)
    {
      guint left = issue->correction_due_on - today;

      deadline = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deadline for correction %s: %u day left",
                                               "Deadline for correction %s: %u days left", left), due, left);
    }
  else
    deadline = g_strdup_printf (_("Deadline for correction %s"), due);
  gtk_label_set_text (self->deadline_label, deadline);

  set_form (self);
}

static void
set_busy (SpContractIssuePage *self,
          gboolean             busy)
{
  self->busy += busy ? 1 : -1;
  gtk_widget_set_sensitive (GTK_WIDGET (self->step_button), self->busy == 0);
}

static void
read_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SpContractIssuePage) self = user_data;
  g_autoptr(GError) error = NULL;
  IssueRead *read = sp_store_worker_run_finish (SP_STORE_WORKER (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (read == NULL)
    {
      gtk_label_set_text (self->error_label, error ? error->message : _("The contract issue could not be read"));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_set_object (&self->issue, read->issue);
  g_free (self->case_subject);
  self->case_subject = g_steal_pointer (&read->case_subject);
  g_free (self->provider_name);
  self->provider_name = g_steal_pointer (&read->provider_name);
  show_issue (self);
  show_history (self, read->events);
  sp_contract_issue_cases_show (SP_CONTRACT_ISSUE_CASES (self->cases), SP_ENTITY (self->issue)->id);
  issue_read_free (read);
}

void
sp_contract_issue_page_show (SpContractIssuePage *self,
                             const char          *issue_id)
{
  IssueJob *job;

  g_return_if_fail (SP_IS_CONTRACT_ISSUE_PAGE (self));

  job = job_new (self);
  job->issue_id = g_strdup (issue_id);
  set_busy (self, TRUE);
  sp_store_worker_run_async (sp_context_get_worker (self->context), read_issue, job,
                             issue_job_free, issue_read_free, self->cancellable, read_done,
                             g_object_ref (self));
}

static void
show_refusal (SpContractIssuePage *self,
              const GError        *error)
{
  const char *field = sp_error_get_field (error);
  const char *message = sp_contract_issue_field_message (field, error->message);

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
save_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SpContractIssuePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = sp_store_worker_run_finish (SP_STORE_WORKER (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (id == NULL)
    {
      show_refusal (self, error);
      return;
    }
  sp_contract_issue_page_show (self, id);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
run_save (SpContractIssuePage *self,
          SpContractIssue     *issue)
{
  IssueJob *job = job_new (self);

  job->issue = g_object_ref (issue);
  set_busy (self, TRUE);
  sp_store_worker_run_async (sp_context_get_worker (self->context), save_issue, job,
                             issue_job_free, g_free, self->cancellable, save_done,
                             g_object_ref (self));
}

void
sp_contract_issue_page_open_for_case (SpContractIssuePage *self,
                                 const char          *case_id,
                                 const char          *provider_id)
{
  g_autoptr(SpContractIssue) issue = sp_contract_issue_new ();
  IssueJob *job;

  g_return_if_fail (SP_IS_CONTRACT_ISSUE_PAGE (self));

  issue->case_id = g_strdup (case_id);
  issue->provider_id = g_strdup (provider_id);
  job = job_new (self);
  job->issue = g_object_ref (issue);
  set_busy (self, TRUE);
  sp_store_worker_run_async (sp_context_get_worker (self->context), open_issue, job,
                             issue_job_free, g_free, self->cancellable, save_done,
                             g_object_ref (self));
}

static char *
form_text (SpContractIssuePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (*g_strstrip (text) == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* A date typed as YYYY-MM-DD, today when empty; FALSE when unreadable. */
static gboolean
form_date (GtkEntry *entry,
           gboolean  today_if_empty,
           SpDate   *date)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  *date = SP_DATE_NONE;
  if (text == NULL || *text == '\0')
    {
      if (today_if_empty)
        *date = sp_date_today ();
      return TRUE;
    }
  return sp_date_parse (text, date);
}

static void
step_clicked (SpContractIssuePage *self)
{
  g_autoptr(SpContractIssue) next = NULL;
  g_autofree char *text = form_text (self);
  g_autoptr(GError) error = NULL;
  SpDate date;

  if (self->issue == NULL || self->busy > 0)
    return;
  if (!form_date (self->date_entry, TRUE, &date))
    {
      gtk_label_set_text (self->error_label, _("Give the date as YYYY-MM-DD"));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  next = SP_CONTRACT_ISSUE (sp_entity_copy (SP_ENTITY (self->issue)));
  switch (self->issue->status)
    {
    case SP_CONTRACT_ISSUE_OPEN:
      next->status = SP_CONTRACT_ISSUE_CORRECTION_REQUESTED;
      next->correction_requested_on = date;
      if (!form_date (self->due_entry, FALSE, &next->correction_due_on))
        {
          gtk_label_set_text (self->error_label, sp_contract_issue_field_message ("correction_due_on", NULL));
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
          return;
        }
      g_free (next->correction_request);
      next->correction_request = g_steal_pointer (&text);
      break;
    case SP_CONTRACT_ISSUE_CORRECTION_REQUESTED:
      next->status = SP_CONTRACT_ISSUE_ACCOUNT_RECEIVED;
      next->account_received_on = date;
      g_free (next->account);
      next->account = g_steal_pointer (&text);
      break;
    case SP_CONTRACT_ISSUE_ACCOUNT_RECEIVED:
      next->status = SP_CONTRACT_ISSUE_ASSESSED;
      next->assessed_on = date;
      g_free (next->assessment);
      next->assessment = g_steal_pointer (&text);
      break;
    case SP_CONTRACT_ISSUE_ASSESSED:
      {
        const char *amount = gtk_editable_get_text (GTK_EDITABLE (self->amount_entry));
        gint64 value = 0;

        next->status = SP_CONTRACT_ISSUE_SANCTIONED;
        next->sanction_kind = gtk_drop_down_get_selected (self->sanction_drop);
        if (amount != NULL && *amount != '\0' &&
            !g_ascii_string_to_signed (amount, 10, 0, G_MAXINT64, &value, &error))
          {
            gtk_label_set_text (self->error_label, sp_contract_issue_field_message ("sanction_amount", NULL));
            gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
            return;
          }
        next->sanction_amount = value;
        next->sanction_decided_on = date;
        g_free (next->sanction);
        next->sanction = g_steal_pointer (&text);
      }
      break;
    case SP_CONTRACT_ISSUE_SANCTIONED:
      next->status = SP_CONTRACT_ISSUE_CLOSED;
      next->closed_on = date;
      g_free (next->outcome);
      next->outcome = g_steal_pointer (&text);
      break;
    default:
      return;
    }
  run_save (self, next);
}

const char *
sp_contract_issue_page_get_issue_id (SpContractIssuePage *self)
{
  g_return_val_if_fail (SP_IS_CONTRACT_ISSUE_PAGE (self), NULL);
  return self->issue ? SP_ENTITY (self->issue)->id : NULL;
}

const char *
sp_contract_issue_page_get_status (SpContractIssuePage *self)
{
  g_return_val_if_fail (SP_IS_CONTRACT_ISSUE_PAGE (self), NULL);
  return self->issue ? sp_enum_to_name (&sp_contract_issue_status_info, self->issue->status) : NULL;
}

gboolean
sp_contract_issue_page_get_busy (SpContractIssuePage *self)
{
  g_return_val_if_fail (SP_IS_CONTRACT_ISSUE_PAGE (self), FALSE);
  return self->busy > 0;
}

/* ---- Building -------------------------------------------------------- */

static GtkLabel *
add_label (GtkBox     *box,
           const char *name,
           const char *css)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  gtk_box_append (box, label);
  return GTK_LABEL (label);
}

static GtkEntry *
labelled_entry (GtkBox     *box,
                const char *label_text,
                const char *name,
                const char *placeholder)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (label_text);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_set_size_request (label, 200, -1);
  gtk_widget_set_name (entry, name);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label_text, -1);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), entry);
  gtk_box_append (box, row);
  g_object_set_data (G_OBJECT (entry), "row", row);
  return GTK_ENTRY (entry);
}

static void
sp_contract_issue_page_dispose (GObject *object)
{
  SpContractIssuePage *self = SP_CONTRACT_ISSUE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->issue);
  g_clear_pointer (&self->case_subject, g_free);
  g_clear_pointer (&self->provider_name, g_free);

  G_OBJECT_CLASS (sp_contract_issue_page_parent_class)->dispose (object);
}

static void
sp_contract_issue_page_class_init (SpContractIssuePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_contract_issue_page_dispose;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sp_contract_issue_page_init (SpContractIssuePage *self)
{
  GtkBox *box = GTK_BOX (self);
  GtkBox *form;
  GtkWidget *scrolled;
  GtkWidget *heading;
  const char *sanctions[] = { _("No sanction"), _("Penalty (vite)"), _("Termination of the contract"), NULL };

  self->cancellable = g_cancellable_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (box, 12);

  self->title_label = add_label (box, "issue_title_label", "title-2");
  self->status_label = add_label (box, "issue_status_label", "heading");
  self->routed_label = add_label (box, "issue_routed_label", "dim-label");
  self->deadline_label = add_label (box, "issue_deadline_label", NULL);

  self->form_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->form_box, "card");
  gtk_widget_set_margin_top (self->form_box, 6);
  form = GTK_BOX (self->form_box);
  self->step_label = add_label (form, "issue_step_label", "heading");
  gtk_widget_set_margin_start (GTK_WIDGET (self->step_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->step_label), 12);
  self->date_entry = labelled_entry (form, _("Date (empty: today)"), "issue_date_entry", "YYYY-MM-DD");
  self->due_entry = labelled_entry (form, _("Deadline for correction"), "issue_due_entry", "YYYY-MM-DD");
  self->due_box = g_object_get_data (G_OBJECT (self->due_entry), "row");
  self->sanction_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  {
    GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    GtkWidget *label = gtk_label_new (_("Sanction"));

    gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
    gtk_widget_set_size_request (label, 200, -1);
    self->sanction_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (sanctions));
    gtk_widget_set_name (GTK_WIDGET (self->sanction_drop), "issue_sanction_drop");
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->sanction_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Sanction"), -1);
    gtk_box_append (GTK_BOX (row), label);
    gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->sanction_drop));
    gtk_box_append (GTK_BOX (self->sanction_box), row);
  }
  self->amount_entry = labelled_entry (GTK_BOX (self->sanction_box), _("Penalty amount (kr)"),
                                       "issue_amount_entry", "25000");
  gtk_box_append (form, self->sanction_box);
  for (GtkWidget *w = gtk_widget_get_first_child (self->form_box); w; w = gtk_widget_get_next_sibling (w))
    {
      gtk_widget_set_margin_start (w, 12);
      gtk_widget_set_margin_end (w, 12);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 80);
  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_widget_set_name (GTK_WIDGET (self->text_view), "issue_text_view");
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Text of the step"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->text_view));
  gtk_widget_add_css_class (scrolled, "frame");
  gtk_widget_set_margin_start (scrolled, 12);
  gtk_widget_set_margin_end (scrolled, 12);
  gtk_box_append (form, scrolled);

  self->error_label = add_label (form, "issue_error_label", "error");
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  self->step_button = GTK_BUTTON (gtk_button_new_with_label (""));
  gtk_widget_set_name (GTK_WIDGET (self->step_button), "issue_step_button");
  gtk_widget_add_css_class (GTK_WIDGET (self->step_button), "suggested-action");
  gtk_widget_set_halign (GTK_WIDGET (self->step_button), GTK_ALIGN_END);
  gtk_widget_set_margin_end (GTK_WIDGET (self->step_button), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->step_button), 12);
  g_signal_connect_object (self->step_button, "clicked", G_CALLBACK (step_clicked), self, G_CONNECT_SWAPPED);
  gtk_box_append (form, GTK_WIDGET (self->step_button));
  gtk_box_append (box, self->form_box);

  heading = gtk_label_new (_("History"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (box, heading);
  self->history_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->history_list), "issue_history_list");
  gtk_list_box_set_selection_mode (self->history_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->history_list), "boxed-list");
  gtk_box_append (box, GTK_WIDGET (self->history_list));
}

/* A case linked or removed: the history says so. */
static void
cases_changed (SpContractIssuePage *self)
{
  if (self->issue != NULL)
    sp_contract_issue_page_show (self, SP_ENTITY (self->issue)->id);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

GtkWidget *
sp_contract_issue_page_new (SpContext *context)
{
  SpContractIssuePage *self = g_object_new (SP_TYPE_CONTRACT_ISSUE_PAGE, NULL);

  self->context = context;
  /* The issue's cases: after the step's form, before the history. */
  self->cases = sp_contract_issue_cases_new (context);
  gtk_box_insert_child_after (GTK_BOX (self), self->cases, self->form_box);
  g_signal_connect_object (self->cases, "changed", G_CALLBACK (cases_changed), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
