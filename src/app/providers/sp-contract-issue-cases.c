/* sp-contract-issue-cases.c: the cases of a contract issue, and adding one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A contract issue is opened from one case and gathers the others that
 * show the same breach by its provider. This part of the issue's page
 * lists them (the issue's own first, which cannot be taken off) and
 * offers the provider's other cases flagged as contract breaches to add.
 * Reads and saves are jobs of the store worker; the store checks each
 * link (sp_store_save_contract_issue_case()) and a refusal is shown.
 */

#include <glib/gi18n.h>

#include "sp-contract-issue-cases.h"

struct _SpContractIssueCases
{
  GtkBox        parent_instance;

  SpContext    *context;
  GCancellable *cancellable;
  char         *issue_id;
  GPtrArray    *candidates;   /* SpCase: what the drop-down offers */
  guint         n_cases;
  guint         busy;
  gboolean      closed;

  GtkListBox   *list;
  GtkWidget    *add_box;
  GtkDropDown  *add_drop;
  GtkButton    *add_button;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (SpContractIssueCases, sp_contract_issue_cases, GTK_TYPE_BOX)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  char   *issue_id;
  char   *case_id;     /* to link */
  char   *link_id;     /* to remove */
  char   *user_id;
  char   *display_name;
  guint   roles;
} CasesJob;

static void
cases_job_free (gpointer p)
{
  CasesJob *job = p;

  g_free (job->issue_id);
  g_free (job->case_id);
  g_free (job->link_id);
  g_free (job->user_id);
  g_free (job->display_name);
  g_free (job);
}

typedef struct
{
  GPtrArray *cases;        /* SpCase, the issue's own first */
  GPtrArray *link_ids;     /* char *, NULL for the issue's own */
  GPtrArray *candidates;   /* SpCase */
  gboolean   closed;
} CasesRead;

static void
cases_read_free (gpointer p)
{
  CasesRead *read = p;

  g_clear_pointer (&read->cases, g_ptr_array_unref);
  g_clear_pointer (&read->link_ids, g_ptr_array_unref);
  g_clear_pointer (&read->candidates, g_ptr_array_unref);
  g_free (read);
}

/* ---- Jobs, in the store worker's thread ------------------------------- */

static gpointer
read_cases (SpStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  CasesJob *job = data;
  g_autoptr(SpContractIssue) issue = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) about = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  CasesRead *read;

  issue = sp_store_load (store, SP_TYPE_CONTRACT_ISSUE, job->issue_id, error);
  if (issue == NULL)
    return NULL;
  links = sp_store_list_contract_issue_cases (store, job->issue_id, error);
  if (links == NULL)
    return NULL;

  read = g_new0 (CasesRead, 1);
  read->cases = g_ptr_array_new_with_free_func (g_object_unref);
  read->link_ids = g_ptr_array_new_with_free_func (g_free);
  read->candidates = g_ptr_array_new_with_free_func (g_object_unref);
  read->closed = issue->status == SP_CONTRACT_ISSUE_CLOSED;
  {
    SpCase *own = sp_store_get_case (store, issue->case_id, NULL);

    if (own != NULL)
      {
        g_ptr_array_add (read->cases, own);
        g_ptr_array_add (read->link_ids, NULL);
      }
  }
  g_hash_table_add (taken, issue->case_id);
  for (guint i = 0; i < links->len; i++)
    {
      SpContractIssueCase *link = links->pdata[i];
      SpCase *kase = sp_store_get_case (store, link->case_id, NULL);

      g_hash_table_add (taken, link->case_id);
      if (kase == NULL)
        continue;
      g_ptr_array_add (read->cases, kase);
      g_ptr_array_add (read->link_ids, g_strdup (SP_ENTITY (link)->id));
    }

  /* What may be added: the provider's other cases flagged as breaches. */
  if (issue->provider_id != NULL)
    about = sp_store_load_where (store, SP_TYPE_CASE, "provider_id", issue->provider_id, NULL);
  for (guint i = 0; about != NULL && i < about->len; i++)
    {
      SpCase *kase = about->pdata[i];

      if (!SP_ENTITY (kase)->deleted && kase->contract_breach &&
          !g_hash_table_contains (taken, SP_ENTITY (kase)->id))
        g_ptr_array_add (read->candidates, g_object_ref (kase));
    }
  /* links and the taken set share strings: the table goes first. */
  g_clear_pointer (&taken, g_hash_table_unref);
  return read;
}

static gpointer
save_link (SpStore       *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  CasesJob *job = data;
  SpActor actor = { job->user_id, job->display_name, job->roles };
  g_autoptr(SpContractIssueCase) link = NULL;

  if (job->link_id != NULL)
    {
      link = sp_store_load (store, SP_TYPE_CONTRACT_ISSUE_CASE, job->link_id, error);
      if (link == NULL)
        return NULL;
      SP_ENTITY (link)->deleted = TRUE;
    }
  else
    {
      link = sp_contract_issue_case_new ();
      link->contract_issue_id = g_strdup (job->issue_id);
      link->case_id = g_strdup (job->case_id);
    }
  if (!sp_store_save_contract_issue_case (store, link, SP_SAVE_DEFAULT, &actor, error))
    return NULL;
  return g_strdup (SP_ENTITY (link)->id);
}

static CasesJob *
job_new (SpContractIssueCases *self)
{
  const SpActor *actor = sp_context_get_actor (self->context);
  CasesJob *job = g_new0 (CasesJob, 1);

  job->issue_id = g_strdup (self->issue_id);
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
case_title (SpCase *kase)
{
  return g_strdup_printf ("%s · %s", kase->diary_number ? kase->diary_number : _("Not registered"),
                          kase->subject ? kase->subject : "");
}

static void
set_busy (SpContractIssueCases *self,
          gboolean              busy)
{
  self->busy += busy ? 1 : -1;
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button),
                            self->busy == 0 && self->candidates != NULL && self->candidates->len > 0);
}

static void remove_clicked (GtkButton *button, SpContractIssueCases *self);

static void
show_cases (SpContractIssueCases *self,
            CasesRead            *read)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < read->cases->len; i++)
    {
      SpCase *kase = read->cases->pdata[i];
      const char *link_id = read->link_ids->pdata[i];
      g_autofree char *title = case_title (kase);
      g_autofree char *received = sp_date_to_string (kase->received_on);
      g_autofree char *subtitle = NULL;
      g_autofree char *name = g_strconcat ("issue_case_row_", SP_ENTITY (kase)->id, NULL);
      GtkWidget *row = adw_action_row_new ();

      subtitle = link_id == NULL
        ? g_strdup_printf (_("Received %s · the issue was opened from this case"), received)
        : g_strdup_printf (_("Received %s"), received);
      gtk_widget_set_name (row, name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (link_id != NULL && !read->closed)
        {
          GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
          g_autofree char *button_name = g_strconcat ("issue_case_remove_", SP_ENTITY (kase)->id, NULL);

          gtk_widget_set_name (button, button_name);
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, _("Remove the Case from the Issue"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Remove the Case from the Issue"), -1);
          g_object_set_data_full (G_OBJECT (button), "link-id", g_strdup (link_id), g_free);
          g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->list, row);
    }
  self->n_cases = read->cases->len;

  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  self->candidates = g_ptr_array_ref (read->candidates);
  for (guint i = 0; i < self->candidates->len; i++)
    {
      g_autofree char *title = case_title (self->candidates->pdata[i]);

      gtk_string_list_append (names, title);
    }
  gtk_drop_down_set_model (self->add_drop, G_LIST_MODEL (names));
  self->closed = read->closed;
  gtk_widget_set_visible (self->add_box, !read->closed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_drop), self->candidates->len > 0);
}

static void
read_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SpContractIssueCases) self = user_data;
  g_autoptr(GError) error = NULL;
  CasesRead *read = sp_store_worker_run_finish (SP_STORE_WORKER (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (read != NULL)
    {
      show_cases (self, read);
      cases_read_free (read);
    }
  else
    {
      gtk_label_set_text (self->error_label, error ? error->message : _("The cases could not be read"));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  set_busy (self, FALSE);
}

void
sp_contract_issue_cases_show (SpContractIssueCases *self,
                              const char           *issue_id)
{
  g_return_if_fail (SP_IS_CONTRACT_ISSUE_CASES (self));
  g_return_if_fail (issue_id != NULL);

  if (g_strcmp0 (self->issue_id, issue_id) != 0)
    {
      g_free (self->issue_id);
      self->issue_id = g_strdup (issue_id);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
    }
  set_busy (self, TRUE);
  sp_store_worker_run_async (sp_context_get_worker (self->context), read_cases, job_new (self),
                             cases_job_free, cases_read_free, self->cancellable, read_done,
                             g_object_ref (self));
}

static void
save_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SpContractIssueCases) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = sp_store_worker_run_finish (SP_STORE_WORKER (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (id == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  sp_contract_issue_cases_show (self, self->issue_id);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
run_save (SpContractIssueCases *self,
          CasesJob             *job)
{
  set_busy (self, TRUE);
  sp_store_worker_run_async (sp_context_get_worker (self->context), save_link, job,
                             cases_job_free, g_free, self->cancellable, save_done,
                             g_object_ref (self));
}

static void
add_clicked (SpContractIssueCases *self)
{
  guint selected = gtk_drop_down_get_selected (self->add_drop);
  CasesJob *job;

  if (self->issue_id == NULL || self->busy > 0 || self->candidates == NULL ||
      selected >= self->candidates->len)
    return;
  job = job_new (self);
  job->case_id = g_strdup (SP_ENTITY (self->candidates->pdata[selected])->id);
  run_save (self, job);
}

static void
remove_clicked (GtkButton            *button,
                SpContractIssueCases *self)
{
  CasesJob *job;

  if (self->issue_id == NULL || self->busy > 0)
    return;
  job = job_new (self);
  job->link_id = g_strdup (g_object_get_data (G_OBJECT (button), "link-id"));
  run_save (self, job);
}

guint
sp_contract_issue_cases_get_n_cases (SpContractIssueCases *self)
{
  g_return_val_if_fail (SP_IS_CONTRACT_ISSUE_CASES (self), 0);
  return self->n_cases;
}

gboolean
sp_contract_issue_cases_get_busy (SpContractIssueCases *self)
{
  g_return_val_if_fail (SP_IS_CONTRACT_ISSUE_CASES (self), FALSE);
  return self->busy > 0;
}

/* ---- Building -------------------------------------------------------- */

static void
sp_contract_issue_cases_dispose (GObject *object)
{
  SpContractIssueCases *self = SP_CONTRACT_ISSUE_CASES (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->issue_id, g_free);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_contract_issue_cases_parent_class)->dispose (object);
}

static void
sp_contract_issue_cases_class_init (SpContractIssueCasesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_contract_issue_cases_dispose;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sp_contract_issue_cases_init (SpContractIssueCases *self)
{
  GtkBox *box = GTK_BOX (self);
  GtkWidget *heading;
  GtkWidget *label;

  self->cancellable = g_cancellable_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (box, 6);
  gtk_widget_set_name (GTK_WIDGET (self), "issue_cases");

  heading = gtk_label_new (_("Cases"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (box, heading);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->list), "issue_cases_list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Cases of the contract issue"), -1);
  gtk_box_append (box, GTK_WIDGET (self->list));

  self->add_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new_with_mnemonic (_("Another _case about the provider"));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_box_append (GTK_BOX (self->add_box), label);
  self->add_drop = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_name (GTK_WIDGET (self->add_drop), "issue_case_add_drop");
  gtk_widget_set_hexpand (GTK_WIDGET (self->add_drop), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->add_drop));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Another case about the provider"), -1);
  gtk_box_append (GTK_BOX (self->add_box), GTK_WIDGET (self->add_drop));
  self->add_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Add Case")));
  gtk_widget_set_name (GTK_WIDGET (self->add_button), "issue_case_add_button");
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), FALSE);
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (add_clicked), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->add_box), GTK_WIDGET (self->add_button));
  gtk_box_append (box, self->add_box);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->error_label), "issue_cases_error_label");
  gtk_label_set_xalign (self->error_label, 0.0f);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (box, GTK_WIDGET (self->error_label));
}

GtkWidget *
sp_contract_issue_cases_new (SpContext *context)
{
  SpContractIssueCases *self = g_object_new (SP_TYPE_CONTRACT_ISSUE_CASES, NULL);

  self->context = context;
  return GTK_WIDGET (self);
}
