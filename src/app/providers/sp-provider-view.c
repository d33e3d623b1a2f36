/* sp-provider-view.c: the provider register
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Five pages in a stack: the list (search as you type, contract form,
 * active contracts only), the signs of welfare crime
 * (sp-welfare-crime-list.c), a provider's page (its contract, its figures
 * with the pattern signal, its contract issues and the cases flagged as
 * contract breaches, each of which can open an issue), the provider form
 * (new and edit, sp-provider-view-form.c) and a contract issue
 * (sp-contract-issue-page.c). Every
 * read and save is a job of the store worker; the list holds the whole
 * register, which is small, and filters it in memory.
 */

#include <string.h>

#include <glib/gi18n.h>

#include "sp-chart.h"
#include "sp-contract-issue-page.h"
#include "sp-provider-trend.h"
#include "sp-provider-view-private.h"
#include "sp-welfare-crime-list.h"


G_DEFINE_FINAL_TYPE (SpProviderView, sp_provider_view, ADW_TYPE_BIN)

char *
sp_provider_format_org_number (const char *text)
{
  char *normal = text ? sp_org_number_normalize (text, NULL) : NULL;

  return normal ? normal : g_strdup (text ? text : "");
}

void
_sp_provider_view_set_busy (SpProviderView *self,
          gboolean        busy)
{
  self->busy += busy ? 1 : -1;
}

/* ---- Jobs, in the store worker's thread ------------------------------- */

typedef struct
{
  SpProvider        *provider;
  GPtrArray         *issues;
  GPtrArray         *flagged;     /* SpCase */
  GPtrArray         *in_issue;    /* the ids of the cases in an issue */
  SpProviderFigures *figures;
} Detail;

static void
detail_free (gpointer p)
{
  Detail *detail = p;

  g_clear_object (&detail->provider);
  g_clear_pointer (&detail->issues, g_ptr_array_unref);
  g_clear_pointer (&detail->flagged, g_ptr_array_unref);
  g_clear_pointer (&detail->in_issue, g_ptr_array_unref);
  g_clear_pointer (&detail->figures, sp_provider_figures_free);
  g_free (detail);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  SpProvider *x = *(SpProvider **) a;
  SpProvider *y = *(SpProvider **) b;

  return g_utf8_collate (x->name ? x->name : "", y->name ? y->name : "");
}

static gpointer
read_providers (SpStore       *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  GPtrArray *all = sp_store_load_where (store, SP_TYPE_PROVIDER, NULL, NULL, error);

  if (all != NULL)
    g_ptr_array_sort (all, compare_names);
  return all;
}

static gpointer
read_detail (SpStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  const char *id = data;
  Detail *detail = g_new0 (Detail, 1);
  SpCaseQuery query;

  detail->provider = sp_store_load (store, SP_TYPE_PROVIDER, id, error);
  if (detail->provider == NULL ||
      !(detail->issues = sp_store_list_contract_issues (store, id, NULL, error)) ||
      !(detail->in_issue = sp_store_list_cases_in_issues (store, id, error)) ||
      !(detail->figures = sp_provider_figures_compute (store, id, SP_DATE_NONE, error)))
    {
      detail_free (detail);
      return NULL;
    }
  sp_case_query_init (&query);
  query.provider_id = id;
  query.contract_breach_only = TRUE;
  query.sort = SP_CASE_SORT_RECEIVED_ON;
  query.descending = TRUE;
  query.limit = 50;
  detail->flagged = sp_store_query_cases (store, &query, error);
  if (detail->flagged == NULL)
    {
      detail_free (detail);
      return NULL;
    }
  return detail;
}

gpointer
_sp_provider_view_save_provider (SpStore       *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  SpProvider *provider = data;

  if (!sp_provider_validate (provider, error) ||
      !sp_store_save (store, SP_ENTITY (provider), SP_SAVE_DEFAULT, NULL, error))
    return NULL;
  return g_strdup (SP_ENTITY (provider)->id);
}

/* ---- The list -------------------------------------------------------- */

static gboolean
matches (SpProviderView *self,
         SpProvider     *provider)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  guint form = gtk_drop_down_get_selected (self->form_filter);

  if (form > 0 && provider->contract_form != (SpContractForm) (form - 1))
    return FALSE;
  if (gtk_check_button_get_active (self->active_filter) &&
      !sp_provider_is_active_on (provider, sp_date_today ()))
    return FALSE;
  if (text != NULL && *text != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (text, -1);
      g_autofree char *haystack = g_utf8_casefold (provider->name ? provider->name : "", -1);

      if (strstr (haystack, needle) != NULL)
        return TRUE;
      if (provider->org_number && strstr (provider->org_number, text) != NULL)
        return TRUE;
      if (provider->responsible_administration)
        {
          g_autofree char *admin = g_utf8_casefold (provider->responsible_administration, -1);

          if (strstr (admin, needle) != NULL)
            return TRUE;
        }
      return FALSE;
    }
  return TRUE;
}

static void
row_activated (GtkListBox     *list,
               GtkListBoxRow  *row,
               SpProviderView *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "provider-id");

  if (id != NULL)
    sp_provider_view_show_provider (self, id);
}

static void
refilter (SpProviderView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_shown = 0;

  for (guint i = 0; self->providers != NULL && i < self->providers->len; i++)
    {
      SpProvider *provider = self->providers->pdata[i];
      g_autofree char *org = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *name = NULL;
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (SP_ENTITY (provider)->deleted || !matches (self, provider))
        continue;
      org = sp_provider_format_org_number (provider->org_number);
      subtitle = g_markup_printf_escaped ("%s · %s · %s", *org ? org : _("No organisation number"),
                                          sp_enum_get_label (&sp_contract_form_info, provider->contract_form),
                                          provider->responsible_administration ? provider->responsible_administration
                                                                               : _("Procurement"));
      title = g_markup_escape_text (provider->name ? provider->name : "", -1);
      row = adw_action_row_new ();
      name = g_strconcat ("provider_row_", SP_ENTITY (provider)->id, NULL);
      gtk_widget_set_name (row, name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "provider-id", g_strdup (SP_ENTITY (provider)->id), g_free);
      gtk_list_box_append (self->list, row);
      self->n_shown++;
    }
  gtk_widget_set_visible (self->empty_label, self->n_shown == 0);
}

static void
providers_read (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SpProviderView) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *providers = sp_store_worker_run_finish (SP_STORE_WORKER (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  _sp_provider_view_set_busy (self, FALSE);
  if (providers == NULL)
    {
      g_warning ("Could not read the providers: %s", error->message);
      return;
    }
  g_clear_pointer (&self->providers, g_ptr_array_unref);
  self->providers = providers;
  refilter (self);
}

/* ---- A provider's page ----------------------------------------------- */

static GtkWidget *
info_row (GtkListBox *list,
          const char *name,
          const char *title,
          const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (value && *value ? value : "—", -1);

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  gtk_list_box_append (list, row);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_details (SpProviderView *self,
              SpProvider     *provider)
{
  g_autofree char *org = sp_provider_format_org_number (provider->org_number);
  g_autofree char *starts = provider->contract_starts_on ? sp_date_to_string (provider->contract_starts_on) : g_strdup ("…");
  g_autofree char *ends = provider->contract_ends_on ? sp_date_to_string (provider->contract_ends_on) : g_strdup ("…");
  g_autofree char *period = g_strdup_printf ("%s – %s", starts, ends);

  gtk_label_set_text (self->provider_title, provider->name);
  clear_list (self->details_list);
  info_row (self->details_list, "provider_org_row", _("Organisation number"), org);
  info_row (self->details_list, "provider_form_row", _("Contract form"),
            sp_enum_get_label (&sp_contract_form_info, provider->contract_form));
  info_row (self->details_list, "provider_reference_row", _("Contract reference"), provider->contract_reference);
  info_row (self->details_list, "provider_period_row", _("Contract period"), period);
  info_row (self->details_list, "provider_administration_row", _("Responsible administration"),
            provider->responsible_administration);
  info_row (self->details_list, "provider_contact_row", _("Contact person"), provider->contact_person);
}

static void
show_figures (SpProviderView    *self,
              SpProviderFigures *f)
{
  g_autoptr(GString) tertials = g_string_new (NULL);
  g_autoptr(GString) categories = g_string_new (NULL);
  g_autofree char *year = NULL;
  g_autofree char *justified = NULL;
  g_autofree char *issues = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *count = NULL;
  g_autofree char *current = sp_period_get_label (&f->tertials[SP_PROVIDER_N_TERTIALS - 1]);

  sp_chart_set_data (self->trend_chart, sp_provider_trend_data (f));
  clear_list (self->figures_list);
  for (guint i = 0; i < SP_PROVIDER_N_TERTIALS; i++)
    {
      g_autofree char *label = sp_period_get_label (&f->tertials[i]);

      g_string_append_printf (tertials, "%s%s: %" G_GINT64_FORMAT, i ? " · " : "", label, f->tertial_counts[i]);
    }
  info_row (self->figures_list, "provider_tertials_row", _("Cases per tertial"), tertials->str);
  year = g_strdup_printf ("%" G_GINT64_FORMAT, f->year_count);
  info_row (self->figures_list, "provider_year_row", _("Cases this year"), year);
  for (guint i = 0; i < f->by_category->len && i < 5; i++)
    {
      SpStatsCount *by = f->by_category->pdata[i];

      g_string_append_printf (categories, "%s%s: %" G_GINT64_FORMAT, i ? " · " : "",
                              g_strcmp0 (by->key, "none") == 0 ? _("No category") : by->key, by->count);
    }
  info_row (self->figures_list, "provider_categories_row", _("By category this year"), categories->str);
  if (f->assessed > 0)
    {
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, f->justified);
      g_autofree char *of = g_strdup_printf ("%" G_GINT64_FORMAT, f->assessed);

      justified = g_strdup_printf (_("%.0f %% (%s of %s assessed complaints)"),
                                   100.0 * f->justified / f->assessed, n, of);
    }
  else
    justified = g_strdup (_("No assessed complaints this year"));
  info_row (self->figures_list, "provider_justified_row", _("Justified share"), justified);
  issues = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open, the oldest %u days old, %u past its deadline",
                                         "%u open, the oldest %u days old, %u past their deadline", f->open_issues),
                            f->open_issues, f->oldest_open_days, f->overdue_issues);
  info_row (self->figures_list, "provider_open_issues_row", _("Contract issues"), issues);

  count = g_strdup_printf ("%" G_GINT64_FORMAT, sp_provider_figures_current (f));
  pattern = g_strdup_printf (_("%s: %s cases against %.1f expected (the mean of the three tertials before); "
                               "Poisson P(X ≥ %s) = %.4f. %s"),
                             current, count, f->expected, count, f->p_value,
                             f->signal ? _("A pattern: clearly more cases than before.")
                                       : _("No pattern."));
  gtk_label_set_text (self->pattern_label, pattern);
  if (f->signal)
    gtk_widget_add_css_class (GTK_WIDGET (self->pattern_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->pattern_label), "warning");
}

static void
issue_row_activated (GtkListBox     *list,
                     GtkListBoxRow  *row,
                     SpProviderView *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "issue-id");

  if (id == NULL)
    return;
  sp_contract_issue_page_show (self->issue_page, id);
  gtk_stack_set_visible_child_name (self->stack, "issue");
}

static void
show_issues (SpProviderView *self,
             GPtrArray      *issues)
{
  SpDate today = sp_date_today ();

  clear_list (self->issue_list);
  for (guint i = 0; i < issues->len; i++)
    {
      SpContractIssue *issue = issues->pdata[i];
      g_autofree char *opened = issue->opened_on ? sp_date_to_string (issue->opened_on) : g_strdup ("");
      g_autofree char *due = issue->correction_due_on ? sp_date_to_string (issue->correction_due_on) : NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *name = g_strconcat ("issue_row_", SP_ENTITY (issue)->id, NULL);
      g_autofree char *title = g_markup_escape_text (issue->breach ? issue->breach : _("Contract issue"), -1);
      GtkWidget *row = adw_action_row_new ();

      if (sp_contract_issue_is_overdue (issue, today))
        subtitle = g_strdup_printf (_("%s · opened %s · deadline %s passed"),
                                    sp_enum_get_label (&sp_contract_issue_status_info, issue->status), opened, due);
      else if (due != NULL && issue->status == SP_CONTRACT_ISSUE_CORRECTION_REQUESTED)
        subtitle = g_strdup_printf (_("%s · opened %s · deadline %s"),
                                    sp_enum_get_label (&sp_contract_issue_status_info, issue->status), opened, due);
      else
        subtitle = g_strdup_printf (_("%s · opened %s"),
                                    sp_enum_get_label (&sp_contract_issue_status_info, issue->status), opened);
      gtk_widget_set_name (row, name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "issue-id", g_strdup (SP_ENTITY (issue)->id), g_free);
      gtk_list_box_append (self->issue_list, row);
    }
  if (issues->len == 0)
    info_row (self->issue_list, "provider_no_issues_row", _("No contract issues"), NULL);
}

static void
open_clicked (GtkButton      *button,
              SpProviderView *self)
{
  const char *case_id = g_object_get_data (G_OBJECT (button), "case-id");

  if (self->shown != NULL)
    sp_provider_view_open_issue (self, case_id, SP_ENTITY (self->shown)->id);
}

static void
show_flagged (SpProviderView *self,
              GPtrArray      *flagged,
              GPtrArray      *in_issue)
{
  g_autoptr(GHashTable) with_issue = g_hash_table_new (g_str_hash, g_str_equal);

  /* A case linked to an issue is in it as much as the issue's own. */
  for (guint i = 0; i < in_issue->len; i++)
    g_hash_table_add (with_issue, in_issue->pdata[i]);

  clear_list (self->breach_list);
  for (guint i = 0; i < flagged->len; i++)
    {
      SpCase *kase = flagged->pdata[i];
      g_autofree char *title = g_markup_escape_text (kase->subject ? kase->subject : "", -1);
      g_autofree char *received = sp_date_to_string (kase->received_on);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", kase->diary_number ? kase->diary_number
                                                                                 : _("Not registered"), received);
      g_autofree char *name = g_strconcat ("open_issue_", SP_ENTITY (kase)->id, NULL);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (g_hash_table_contains (with_issue, SP_ENTITY (kase)->id))
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (_("Issue opened")));
      else
        {
          button = gtk_button_new_with_label (_("Open Contract Issue"));
          gtk_widget_set_name (button, name);
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (button), "case-id", g_strdup (SP_ENTITY (kase)->id), g_free);
          g_signal_connect_object (button, "clicked", G_CALLBACK (open_clicked), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->breach_list, row);
    }
  if (flagged->len == 0)
    info_row (self->breach_list, "provider_no_breaches_row", _("No cases flagged as contract breaches"), NULL);
}

static void
detail_read (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SpProviderView) self = user_data;
  g_autoptr(GError) error = NULL;
  Detail *detail = sp_store_worker_run_finish (SP_STORE_WORKER (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  _sp_provider_view_set_busy (self, FALSE);
  if (detail == NULL)
    {
      g_warning ("Could not read the provider: %s", error->message);
      return;
    }
  g_set_object (&self->shown, detail->provider);
  show_details (self, detail->provider);
  show_figures (self, detail->figures);
  show_issues (self, detail->issues);
  show_flagged (self, detail->flagged, detail->in_issue);
  detail_free (detail);
}

void
sp_provider_view_show_provider (SpProviderView *self,
                                const char     *provider_id)
{
  g_return_if_fail (SP_IS_PROVIDER_VIEW (self));

  if (self->shown == NULL || g_strcmp0 (SP_ENTITY (self->shown)->id, provider_id) != 0)
    {
      g_clear_object (&self->shown);
      gtk_label_set_text (self->provider_title, "");
      clear_list (self->details_list);
      clear_list (self->figures_list);
      clear_list (self->issue_list);
      clear_list (self->breach_list);
      gtk_label_set_text (self->pattern_label, "");
    }
  _sp_provider_view_set_busy (self, TRUE);
  sp_store_worker_run_async (sp_context_get_worker (self->context), read_detail,
                             g_strdup (provider_id), g_free, detail_free, self->cancellable,
                             detail_read, g_object_ref (self));
  gtk_stack_set_visible_child_name (self->stack, "provider");
}

void
sp_provider_view_open_issue (SpProviderView *self,
                             const char     *case_id,
                             const char     *provider_id)
{
  g_return_if_fail (SP_IS_PROVIDER_VIEW (self));

  sp_contract_issue_page_open_for_case (self->issue_page, case_id, provider_id);
  gtk_stack_set_visible_child_name (self->stack, "issue");
}

void
sp_provider_view_show_issue (SpProviderView *self,
                             const char     *issue_id)
{
  g_return_if_fail (SP_IS_PROVIDER_VIEW (self));
  g_return_if_fail (issue_id != NULL);

  sp_contract_issue_page_show (self->issue_page, issue_id);
  gtk_stack_set_visible_child_name (self->stack, "issue");
}

/* ---- Building -------------------------------------------------------- */

static GtkWidget *
button (const char *name,
        const char *label,
        GCallback   callback,
        gpointer    self)
{
  GtkWidget *widget = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (widget, name);
  g_signal_connect_object (widget, "clicked", callback, self, G_CONNECT_SWAPPED);
  return widget;
}

static GtkListBox *
group (GtkBox     *box,
       const char *name,
       const char *title)
{
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 12);
  gtk_box_append (box, heading);
  gtk_widget_set_name (list, name);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (box, list);
  return GTK_LIST_BOX (list);
}

static GtkWidget *
page_scroller (GtkWidget *child)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  gtk_widget_set_margin_top (child, 18);
  gtk_widget_set_margin_bottom (child, 18);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static void back_to_list (SpProviderView *self) { gtk_stack_set_visible_child_name (self->stack, "list"); }

static void
welfare_clicked (SpProviderView *self)
{
  sp_welfare_crime_list_reload (self->welfare_list);
  gtk_stack_set_visible_child_name (self->stack, "welfare");
}
static void new_clicked (SpProviderView *self) { _sp_provider_view_edit (self, NULL); }
static void edit_clicked (SpProviderView *self) { if (self->shown) _sp_provider_view_edit (self, self->shown); }

static void
back_to_provider (SpProviderView *self)
{
  if (self->shown != NULL)
    sp_provider_view_show_provider (self, SP_ENTITY (self->shown)->id);
  else
    back_to_list (self);
}

static GtkWidget *
build_list (SpProviderView *self)
{
  GtkWidget *welfare;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *forms[] = { _("All contract forms"), _("Contracted operation"), _("Choice system (LOV)"),
                          _("Framework agreement"), NULL };

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->search), "provider_search");
  gtk_widget_set_hexpand (GTK_WIDGET (self->search), TRUE);
  g_object_set (self->search, "placeholder-text", _("Search name, organisation number or administration"), NULL);
  g_signal_connect_object (self->search, "search-changed", G_CALLBACK (refilter), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search));
  self->form_filter = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (forms));
  gtk_widget_set_name (GTK_WIDGET (self->form_filter), "provider_form_filter");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->form_filter), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Contract form"), -1);
  g_signal_connect_object (self->form_filter, "notify::selected", G_CALLBACK (refilter), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->form_filter));
  self->active_filter = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_("Active contract")));
  gtk_widget_set_name (GTK_WIDGET (self->active_filter), "provider_active_filter");
  g_signal_connect_object (self->active_filter, "toggled", G_CALLBACK (refilter), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->active_filter));
  gtk_box_append (GTK_BOX (bar), button ("provider_new_button", _("_New Provider"), G_CALLBACK (new_clicked), self));
  gtk_box_append (GTK_BOX (box), bar);
  welfare = sp_welfare_crime_list_new_entry ();
  g_signal_connect_object (welfare, "row-activated", G_CALLBACK (welfare_clicked), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), welfare);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->list), "provider_list");
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated), self, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  self->empty_label = gtk_label_new (_("No providers match"));
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_box_append (GTK_BOX (box), self->empty_label);
  return page_scroller (box);
}

static GtkWidget *
build_provider (SpProviderView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);

  gtk_box_append (GTK_BOX (bar), button ("provider_back_button", _("_Providers"), G_CALLBACK (back_to_list), self));
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "title-2");
  gtk_widget_set_name (title, "provider_title");
  self->provider_title = GTK_LABEL (title);
  gtk_box_append (GTK_BOX (bar), title);
  gtk_box_append (GTK_BOX (bar), button ("provider_edit_button", _("_Edit"), G_CALLBACK (edit_clicked), self));
  gtk_box_append (GTK_BOX (box), bar);

  self->details_list = group (GTK_BOX (box), "provider_details", _("Contract"));
  self->figures_list = group (GTK_BOX (box), "provider_figures", _("Figures"));
  self->pattern_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->pattern_label), "provider_pattern_label");
  gtk_label_set_wrap (self->pattern_label, TRUE);
  gtk_label_set_xalign (self->pattern_label, 0.0f);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->pattern_label));
  {
    GtkWidget *heading = gtk_label_new (_("Cases per month"));

    gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
    gtk_widget_add_css_class (heading, "heading");
    gtk_box_append (GTK_BOX (box), heading);
  }
  self->trend_chart = SP_CHART (sp_chart_new ());
  gtk_widget_set_name (GTK_WIDGET (self->trend_chart), "provider_trend_chart");
  gtk_widget_set_size_request (GTK_WIDGET (self->trend_chart), -1, 220);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->trend_chart));
  self->issue_list = group (GTK_BOX (box), "provider_issue_list", _("Contract Issues"));
  g_signal_connect_object (self->issue_list, "row-activated", G_CALLBACK (issue_row_activated), self, 0);
  self->breach_list = group (GTK_BOX (box), "provider_breach_list", _("Cases Flagged as Contract Breaches"));
  return page_scroller (box);
}

static GtkWidget *
form_entry (GtkListBox *list,
            const char *name,
            const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_append (list, row);
  return row;
}

static GtkWidget *
build_edit (SpProviderView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *save = button ("provider_save_button", _("_Save"), G_CALLBACK (_sp_provider_view_save_clicked), self);
  GtkListBox *list = GTK_LIST_BOX (gtk_list_box_new ());
  GtkWidget *form_row = adw_action_row_new ();
  const char *forms[] = { _("Contracted operation"), _("Choice system (LOV)"), _("Framework agreement"), NULL };

  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  self->name_entry = form_entry (list, "provider_name_entry", _("Name"));
  self->org_entry = form_entry (list, "provider_org_entry", _("Organisation number (NNNNNN-NNNN)"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form_row), _("Contract form"));
  self->form_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (forms));
  gtk_widget_set_name (GTK_WIDGET (self->form_drop), "provider_form_drop");
  gtk_widget_set_valign (GTK_WIDGET (self->form_drop), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (form_row), GTK_WIDGET (self->form_drop));
  gtk_list_box_append (list, form_row);
  self->reference_entry = form_entry (list, "provider_reference_entry", _("Contract reference"));
  self->starts_entry = form_entry (list, "provider_starts_entry", _("Contract starts (YYYY-MM-DD)"));
  self->ends_entry = form_entry (list, "provider_ends_entry", _("Contract ends (YYYY-MM-DD)"));
  self->administration_entry = form_entry (list, "provider_administration_entry", _("Responsible administration"));
  self->contact_entry = form_entry (list, "provider_contact_entry", _("Contact person"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (list));

  self->edit_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->edit_error), "provider_edit_error");
  gtk_widget_add_css_class (GTK_WIDGET (self->edit_error), "error");
  gtk_label_set_wrap (self->edit_error, TRUE);
  gtk_label_set_xalign (self->edit_error, 0.0f);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->edit_error));

  gtk_widget_set_halign (bar, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (bar), button ("provider_cancel_button", _("_Cancel"), G_CALLBACK (back_to_provider), self));
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_box_append (GTK_BOX (bar), save);
  gtk_box_append (GTK_BOX (box), bar);
  return page_scroller (box);
}

static void
sp_provider_view_dispose (GObject *object)
{
  SpProviderView *self = SP_PROVIDER_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->providers, g_ptr_array_unref);
  g_clear_object (&self->shown);

  G_OBJECT_CLASS (sp_provider_view_parent_class)->dispose (object);
}

static void
sp_provider_view_class_init (SpProviderViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sp_provider_view_dispose;
}

static void
sp_provider_view_init (SpProviderView *self)
{
  self->cancellable = g_cancellable_new ();
  self->n_shown = -1;
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_name (GTK_WIDGET (self->stack), "provider_stack");
  gtk_stack_add_named (self->stack, build_list (self), "list");
  gtk_stack_add_named (self->stack, build_provider (self), "provider");
  gtk_stack_add_named (self->stack, build_edit (self), "edit");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}

void
sp_provider_view_set_context (SpProviderView *self,
                              SpContext      *context)
{
  GtkWidget *box;

  g_return_if_fail (SP_IS_PROVIDER_VIEW (self));
  g_return_if_fail (self->context == NULL);

  self->context = context;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  {
    GtkWidget *back = button ("issue_back_button", _("_Back to the Provider"), G_CALLBACK (back_to_provider), self);

    gtk_widget_set_halign (back, GTK_ALIGN_START);
    gtk_box_append (GTK_BOX (box), back);
  }
  self->issue_page = SP_CONTRACT_ISSUE_PAGE (sp_contract_issue_page_new (context));
  gtk_widget_set_name (GTK_WIDGET (self->issue_page), "contract_issue_page");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->issue_page));
  gtk_stack_add_named (self->stack, page_scroller (box), "issue");

  /* The signs of welfare crime, a page of the register's own. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  {
    GtkWidget *back = button ("welfare_back_button", _("_Providers"), G_CALLBACK (back_to_list), self);

    gtk_widget_set_halign (back, GTK_ALIGN_START);
    gtk_box_append (GTK_BOX (box), back);
  }
  self->welfare_list = SP_WELFARE_CRIME_LIST (sp_welfare_crime_list_new (context));
  gtk_widget_set_name (GTK_WIDGET (self->welfare_list), "welfare_crime_list");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->welfare_list));
  gtk_stack_add_named (self->stack, page_scroller (box), "welfare");
}

void
sp_provider_view_reload (SpProviderView *self)
{
  g_return_if_fail (SP_IS_PROVIDER_VIEW (self));

  if (self->context == NULL)
    return;
  _sp_provider_view_set_busy (self, TRUE);
  sp_store_worker_run_async (sp_context_get_worker (self->context), read_providers, NULL, NULL,
                             (GDestroyNotify) g_ptr_array_unref, self->cancellable, providers_read,
                             g_object_ref (self));
}

const char *
sp_provider_view_get_page (SpProviderView *self)
{
  g_return_val_if_fail (SP_IS_PROVIDER_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
sp_provider_view_get_provider_id (SpProviderView *self)
{
  g_return_val_if_fail (SP_IS_PROVIDER_VIEW (self), NULL);
  return self->shown ? SP_ENTITY (self->shown)->id : NULL;
}

int
sp_provider_view_get_n_shown (SpProviderView *self)
{
  g_return_val_if_fail (SP_IS_PROVIDER_VIEW (self), -1);
  return self->n_shown;
}

gboolean
sp_provider_view_get_busy (SpProviderView *self)
{
  g_return_val_if_fail (SP_IS_PROVIDER_VIEW (self), FALSE);
  return self->busy > 0 || sp_contract_issue_page_get_busy (self->issue_page) ||
         sp_welfare_crime_list_get_busy (self->welfare_list);
}
