/* test-providers.c: procurement's story in the real window — the provider
 * register, a case flagged as a contract breach, the contract issue from
 * it through correction, account, assessment and a penalty (vite) to
 * closed, and the provider page's counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "app-test-util.h"
#include "sp-chart.h"
#include "sp-contract-issue-cases.h"
#include "sp-contract-issue-page.h"
#include "sp-provider-view.h"
#include "sp-welfare-crime-list.h"

static const SpActor manager = { "mgr-1", "Mats Chef", SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) };

typedef struct
{
  AppFixture  app;
  char       *provider_id;
  char       *case_id;
  char       *second_case_id;  /* also about the provider, flagged */
} Fixture;

/* With SYNPUNKT_SHOT_DIR set, a screenshot of the X display. */
static void
shot (const char *name)
{
  const char *dir = g_getenv ("SYNPUNKT_SHOT_DIR");
  const char *lang = g_getenv ("LANGUAGE");
  g_autofree char *command = NULL;
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  if (dir == NULL)
    return;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  command = g_strdup_printf ("import -window root %s/%s-%s.png", dir, name, lang ? lang : "en");
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

/* Before the app starts: two providers, and a case about the first that
 * its unit manager flagged as a contract breach. */
static void
populate (Fixture *f)
{
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpProvider) lov = sp_provider_new ();
  g_autoptr(SpProvider) other = sp_provider_new ();
  g_autoptr(SpCase) kase = sp_case_new ();
  g_autoptr(SpCase) stored = NULL;
  g_autoptr(GError) error = NULL;

  app_fixture_make_db (&f->app);
  store = app_fixture_open_store (&f->app);
  lov->name = g_strdup ("Omsorgshuset AB");
  lov->org_number = g_strdup ("556036-0793");
  lov->contract_form = SP_CONTRACT_FORM_CHOICE_SYSTEM;
  lov->contract_reference = g_strdup ("LOV 2024:12");
  lov->responsible_administration = g_strdup ("Äldreförvaltningen");
  lov->contact_person = g_strdup ("Karin Lund");
  lov->contract_starts_on = sp_date_new (2024, 1, 1);
  g_assert_true (sp_store_save (store, SP_ENTITY (lov), SP_SAVE_DEFAULT, NULL, &error));
  other->name = g_strdup ("Städbolaget Glans AB");
  other->org_number = g_strdup ("212000-0142");
  other->contract_form = SP_CONTRACT_FORM_CONTRACTED_OPERATION;
  g_assert_true (sp_store_save (store, SP_ENTITY (other), SP_SAVE_DEFAULT, NULL, &error));

  kase->kind = SP_CASE_KIND_COMPLAINT;
  kase->channel = SP_CHANNEL_PHONE;
  kase->received_on = sp_date_today () - 3;
  kase->subject = g_strdup ("Hemtjänsten kom inte på tre dagar");
  kase->description = g_strdup ("Beviljade besök uteblev.");
  kase->concerns = SP_CONCERNS_PROVIDER;
  kase->provider_id = g_strdup (SP_ENTITY (lov)->id);
  kase->sender_anonymous = TRUE;
  g_assert_true (sp_store_create_case (store, kase, &manager, &error));
  g_assert_no_error (error);
  /* The unit manager escalates it as a contract breach. */
  stored = sp_store_get_case (store, SP_ENTITY (kase)->id, &error);
  stored->contract_breach = TRUE;
  g_assert_true (sp_store_update_case (store, stored, &manager, FALSE, &error));
  g_assert_no_error (error);

  f->provider_id = g_strdup (SP_ENTITY (lov)->id);
  f->case_id = g_strdup (SP_ENTITY (kase)->id);

  /* A second breach by the same provider, a week later. */
  {
    g_autoptr(SpCase) second = sp_case_new ();
    g_autoptr(SpCase) again = NULL;

    second->kind = SP_CASE_KIND_COMPLAINT;
    second->channel = SP_CHANNEL_LETTER;
    second->received_on = sp_date_today () - 1;
    second->subject = g_strdup ("Inga besök under helgen");
    second->concerns = SP_CONCERNS_PROVIDER;
    second->provider_id = g_strdup (SP_ENTITY (lov)->id);
    second->sender_anonymous = TRUE;
    g_assert_true (sp_store_create_case (store, second, &manager, &error));
    again = sp_store_get_case (store, SP_ENTITY (second)->id, &error);
    again->contract_breach = TRUE;
    g_assert_true (sp_store_update_case (store, again, &manager, FALSE, &error));
    g_assert_no_error (error);
    f->second_case_id = g_strdup (SP_ENTITY (second)->id);
  }
}

static GtkWidget *
find (Fixture    *f,
      const char *id)
{
  return app_test_find_by_id (GTK_WIDGET (f->app.window), id);
}

static SpProviderView *
view (Fixture *f)
{
  return SP_PROVIDER_VIEW (find (f, "provider_view"));
}

static SpContractIssuePage *
issue_page (Fixture *f)
{
  return SP_CONTRACT_ISSUE_PAGE (find (f, "contract_issue_page"));
}

static void
wait_idle (Fixture *f)
{
  APP_TEST_WAIT (!sp_provider_view_get_busy (view (f)), 30);
  app_test_flush ();
}

static void
set_text (Fixture    *f,
          const char *id,
          const char *text)
{
  GtkWidget *widget = find (f, id);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
click (Fixture    *f,
       const char *id)
{
  GtkWidget *widget = find (f, id);

  g_assert_true (gtk_widget_is_sensitive (widget));
  g_signal_emit_by_name (widget, "clicked");
}

/* Takes the issue's next step and waits for the store's answer. */
static void
step (Fixture    *f,
      const char *expected_status)
{
  click (f, "issue_step_button");
  wait_idle (f);
  APP_TEST_WAIT (g_strcmp0 (sp_contract_issue_page_get_status (issue_page (f)), expected_status) == 0, 30);
  wait_idle (f);
}

static const char *
row_subtitle (Fixture    *f,
              const char *id)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (find (f, id)));
}

/* The trend chart's bars are the store's cases of the provider per
 * month, counted here from the records themselves. */
static void
assert_trend_matches_store (Fixture *f)
{
  SpChart *chart = SP_CHART (find (f, "provider_trend_chart"));
  const SpChartData *data = sp_chart_get_data (chart);
  g_autoptr(SpStore) store = app_fixture_open_store (&f->app);
  g_autoptr(GPtrArray) cases = sp_store_load_where (store, SP_TYPE_CASE, "provider_id", f->provider_id, NULL);
  SpChartSeries *series;
  double total = 0;

  g_assert_nonnull (data);
  g_assert_cmpuint (data->labels->len, ==, 12);
  g_assert_cmpuint (data->series->len, ==, 1);
  series = data->series->pdata[0];
  for (guint i = 0; i < data->labels->len; i++)
    {
      const char *key = data->keys->pdata[i];
      guint n = 0;

      for (guint c = 0; c < cases->len; c++)
        {
          g_autofree char *received = sp_date_to_string (SP_CASE (cases->pdata[c])->received_on);

          n += g_str_has_prefix (received, key);
        }
      g_assert_cmpfloat (sp_chart_series_get (series, i), ==, n);
      total += n;
    }
  /* The last key is this month's; both cases are within the twelve. */
  {
    g_autofree char *today = sp_date_to_string (sp_date_today ());

    g_assert_true (g_str_has_prefix (today, data->keys->pdata[11]));
  }
  g_assert_cmpfloat (total, ==, cases->len);
  g_assert_cmpuint (cases->len, ==, 2);
}

static void
test_story (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *row_id = NULL;
  g_autofree char *open_id = NULL;
  g_autofree char *past = sp_date_to_string (sp_date_today () - 1);
  g_autofree char *due = sp_date_to_string (sp_date_today () + 14);
  g_autofree char *issue_id = NULL;
  g_autofree char *issue_row = NULL;
  SpContractIssue *issue;
  GtkWidget *error_label;

  populate (f);
  app_fixture_start (&f->app);
  gtk_window_set_default_size (GTK_WINDOW (f->app.window), 1100, 760);
  gtk_window_present (GTK_WINDOW (f->app.window));

  /* The register has its own entry in the sidebar. */
  sp_window_set_view (f->app.window, "providers");
  app_fixture_wait_page (&f->app, "providers");
  APP_TEST_WAIT (sp_provider_view_get_n_shown (view (f)) == 2, 30);

  /* A provider arriving later (a demo fill, a sync) shows once the window
   * reloads. */
  {
    g_autoptr(SpStore) own = app_fixture_open_store (&f->app);
    g_autoptr(SpProvider) later = sp_provider_new ();
    g_autoptr(GError) error = NULL;

    later->name = g_strdup ("Ramavtalet Mat AB");
    later->contract_form = SP_CONTRACT_FORM_FRAMEWORK_AGREEMENT;
    g_assert_true (sp_store_save (own, SP_ENTITY (later), SP_SAVE_DEFAULT, NULL, &error));
    g_assert_no_error (error);
    sp_window_reload (f->app.window);
    APP_TEST_WAIT (sp_provider_view_get_n_shown (view (f)) == 3, 30);
    SP_ENTITY (later)->deleted = TRUE;
    g_assert_true (sp_store_save (own, SP_ENTITY (later), SP_SAVE_DEFAULT, NULL, &error));
    sp_window_reload (f->app.window);
    APP_TEST_WAIT (sp_provider_view_get_n_shown (view (f)) == 2, 30);
  }

  /* Search and filters. */
  set_text (f, "provider_search", "omsorg");
  APP_TEST_WAIT (sp_provider_view_get_n_shown (view (f)) == 1, 30);
  set_text (f, "provider_search", "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (f, "provider_form_filter")), 1);  /* entreprenad */
  APP_TEST_WAIT (sp_provider_view_get_n_shown (view (f)) == 1, 30);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (f, "provider_form_filter")), 0);
  APP_TEST_WAIT (sp_provider_view_get_n_shown (view (f)) == 2, 30);
  shot ("provider-register");

  row_id = g_strconcat ("provider_row_", f->provider_id, NULL);
  gtk_widget_activate (find (f, row_id));
  APP_TEST_WAIT (g_strcmp0 (sp_provider_view_get_page (view (f)), "provider") == 0, 30);
  wait_idle (f);
  APP_TEST_WAIT (sp_provider_view_get_provider_id (view (f)) != NULL, 30);
  g_assert_cmpstr (row_subtitle (f, "provider_org_row"), ==, "556036-0793");
  g_assert_cmpstr (row_subtitle (f, "provider_reference_row"), ==, "LOV 2024:12");

  /* Procurement opens the contract issue from the flagged case. */
  open_id = g_strconcat ("open_issue_", f->case_id, NULL);
  click (f, open_id);
  wait_idle (f);
  APP_TEST_WAIT (g_strcmp0 (sp_contract_issue_page_get_status (issue_page (f)), "open") == 0, 30);
  wait_idle (f);
  issue_id = g_strdup (sp_contract_issue_page_get_issue_id (issue_page (f)));
  g_assert_nonnull (issue_id);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find (f, "issue_routed_label"))),
                            "Äldreförvaltningen"));

  /* A deadline in the past is refused, and said so. */
  error_label = find (f, "issue_error_label");
  set_text (f, "issue_due_entry", past);
  set_text (f, "issue_text_view", "Vi begär rättelse av bemanningen.");
  click (f, "issue_step_button");
  wait_idle (f);
  APP_TEST_WAIT (gtk_widget_get_visible (error_label), 30);
  g_assert_cmpstr (sp_contract_issue_page_get_status (issue_page (f)), ==, "open");

  set_text (f, "issue_due_entry", due);
  step (f, "correction_requested");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find (f, "issue_deadline_label"))), due));
  shot ("contract-issue");

  set_text (f, "issue_text_view", "Bemanningen har förstärkts från den 1:a.");
  step (f, "account_received");
  set_text (f, "issue_text_view", "Bristen var allvarlig och upprepad.");
  step (f, "assessed");

  /* A penalty needs its amount. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (f, "issue_sanction_drop")), SP_SANCTION_PENALTY);
  click (f, "issue_step_button");
  wait_idle (f);
  APP_TEST_WAIT (gtk_widget_get_visible (error_label), 30);
  g_assert_cmpstr (sp_contract_issue_page_get_status (issue_page (f)), ==, "assessed");
  set_text (f, "issue_amount_entry", "25000");
  step (f, "sanctioned");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find (f, "issue_status_label"))), "25000"));

  set_text (f, "issue_text_view", "Vitet är betalt; uppföljning i maj.");
  step (f, "closed");
  g_assert_nonnull (gtk_widget_get_first_child (find (f, "issue_history_list")));

  /* The provider page shows the issue and the counts. */
  click (f, "issue_back_button");
  APP_TEST_WAIT (g_strcmp0 (sp_provider_view_get_page (view (f)), "provider") == 0, 30);
  wait_idle (f);
  issue_row = g_strconcat ("issue_row_", issue_id, NULL);
  APP_TEST_WAIT (app_test_find_by_id (GTK_WIDGET (f->app.window), "provider_open_issues_row") != NULL, 30);
  g_assert_nonnull (find (f, issue_row));
  g_assert_true (g_str_has_prefix (row_subtitle (f, "provider_open_issues_row"), "0 "));
  {
    /* Both of the provider's cases, if this year has had their dates. */
    int year = sp_date_get_year (sp_date_today ());
    guint n = (sp_date_get_year (sp_date_today () - 3) == year) + (sp_date_get_year (sp_date_today () - 1) == year);
    g_autofree char *expected = g_strdup_printf ("%u", n);

    g_assert_cmpstr (row_subtitle (f, "provider_year_row"), ==, expected);
  }
  assert_trend_matches_store (f);
  shot ("provider-page");
  if (g_getenv ("SYNPUNKT_SHOT_DIR") != NULL)
    {
      /* The chart is below the fold: scroll to it for the picture. */
      GtkWidget *chart = find (f, "provider_trend_chart");
      GtkWidget *scrolled = gtk_widget_get_ancestor (chart, GTK_TYPE_SCROLLED_WINDOW);
      graphene_point_t at;

      if (gtk_widget_compute_point (chart, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                    &GRAPHENE_POINT_INIT (0, 0), &at))
        gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), at.y - 200);
      shot ("provider-trend");
    }

  /* In the store: the whole story, each step with who took it. */
  store = app_fixture_open_store (&f->app);
  issues = sp_store_list_contract_issues (store, f->provider_id, NULL, NULL);
  g_assert_cmpuint (issues->len, ==, 1);
  issue = issues->pdata[0];
  g_assert_cmpint (issue->status, ==, SP_CONTRACT_ISSUE_CLOSED);
  g_assert_cmpint (issue->sanction_kind, ==, SP_SANCTION_PENALTY);
  g_assert_cmpint (issue->sanction_amount, ==, 25000);
  g_assert_cmpstr (issue->case_id, ==, f->case_id);
  events = sp_store_get_contract_issue_events (store, issue, NULL);
  g_assert_cmpuint (events->len, >=, 12);
  for (guint i = 0; i < events->len; i++)
    g_assert_nonnull (((SpCaseEvent *) events->pdata[i])->actor_name);

  app_fixture_stop (&f->app);
  g_free (f->provider_id);
  g_free (f->case_id);
  g_free (f->second_case_id);
}

/* The flagged case's page leads procurement to its contract issue. */
static void
test_from_case_page (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;
  SpStore *store;
  GtkWidget *button;

  populate (f);
  app_fixture_start (&f->app);
  gtk_window_present (GTK_WINDOW (f->app.window));

  sp_window_show_case (f->app.window, f->case_id);
  button = find (f, "contract_issue_button");
  APP_TEST_WAIT (gtk_widget_get_mapped (button), 30);
  g_assert_true (gtk_widget_activate (button));
  app_fixture_wait_page (&f->app, "providers");
  APP_TEST_WAIT (g_strcmp0 (sp_provider_view_get_page (view (f)), "issue") == 0, 30);
  wait_idle (f);
  APP_TEST_WAIT (g_strcmp0 (sp_contract_issue_page_get_status (issue_page (f)), "open") == 0, 30);

  /* Opened from the case again, it is the same issue, not a second. */
  sp_window_show_case (f->app.window, f->case_id);
  button = find (f, "contract_issue_button");
  APP_TEST_WAIT (gtk_widget_get_mapped (button), 30);
  g_assert_true (gtk_widget_activate (button));
  app_fixture_wait_page (&f->app, "providers");
  APP_TEST_WAIT (g_strcmp0 (sp_provider_view_get_page (view (f)), "issue") == 0, 30);
  wait_idle (f);
  APP_TEST_WAIT (g_strcmp0 (sp_contract_issue_page_get_status (issue_page (f)), "open") == 0, 30);
  store = app_fixture_open_store (&f->app);
  issues = sp_store_list_contract_issues (store, NULL, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issues->len, ==, 1);
  g_clear_object (&store);

  app_fixture_stop (&f->app);
  g_free (f->provider_id);
  g_free (f->case_id);
  g_free (f->second_case_id);
}

static SpContractIssueCases *
issue_cases (Fixture *f)
{
  return SP_CONTRACT_ISSUE_CASES (find (f, "issue_cases"));
}

/* The issue gathers the provider's second breach, shown on its page and
 * in the store, and gives it back. */
static void
test_issue_cases (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(SpContractIssue) issue = NULL;
  g_autofree char *row_id = NULL;
  g_autofree char *open_id = NULL;
  g_autofree char *second_row = NULL;
  g_autofree char *remove_id = NULL;
  g_autofree char *issue_id = NULL;
  GtkDropDown *drop;
  guint n_history;

  populate (f);
  app_fixture_start (&f->app);
  gtk_window_set_default_size (GTK_WINDOW (f->app.window), 1100, 900);
  gtk_window_present (GTK_WINDOW (f->app.window));
  sp_window_set_view (f->app.window, "providers");
  app_fixture_wait_page (&f->app, "providers");
  APP_TEST_WAIT (sp_provider_view_get_n_shown (view (f)) == 2, 30);
  row_id = g_strconcat ("provider_row_", f->provider_id, NULL);
  gtk_widget_activate (find (f, row_id));
  APP_TEST_WAIT (g_strcmp0 (sp_provider_view_get_page (view (f)), "provider") == 0, 30);
  wait_idle (f);
  open_id = g_strconcat ("open_issue_", f->case_id, NULL);
  APP_TEST_WAIT (app_test_find_by_id (GTK_WIDGET (f->app.window), open_id) != NULL, 30);
  click (f, open_id);
  wait_idle (f);
  APP_TEST_WAIT (g_strcmp0 (sp_contract_issue_page_get_status (issue_page (f)), "open") == 0, 30);
  APP_TEST_WAIT (sp_contract_issue_cases_get_n_cases (issue_cases (f)) == 1 &&
                 !sp_contract_issue_cases_get_busy (issue_cases (f)), 30);
  issue_id = g_strdup (sp_contract_issue_page_get_issue_id (issue_page (f)));

  /* The drop-down offers the provider's other flagged case, only it. */
  drop = GTK_DROP_DOWN (find (f, "issue_case_add_drop"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (drop)), ==, 1);
  g_assert_nonnull (strstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (drop)),
                            "Inga besök under helgen"));
  n_history = 0;
  for (GtkWidget *w = gtk_widget_get_first_child (find (f, "issue_history_list")); w;
       w = gtk_widget_get_next_sibling (w))
    n_history++;
  click (f, "issue_case_add_button");
  APP_TEST_WAIT (sp_contract_issue_cases_get_n_cases (issue_cases (f)) == 2 &&
                 !sp_contract_issue_cases_get_busy (issue_cases (f)), 30);
  second_row = g_strconcat ("issue_case_row_", f->second_case_id, NULL);
  APP_TEST_WAIT (app_test_find_by_id (GTK_WIDGET (f->app.window), second_row) != NULL, 30);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (drop)), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (find (f, "issue_case_add_button")));
  /* The history has one row more: who added it. */
  wait_idle (f);
  APP_TEST_WAIT (({ guint n = 0;
                    for (GtkWidget *w = gtk_widget_get_first_child (find (f, "issue_history_list")); w;
                         w = gtk_widget_get_next_sibling (w))
                      n++;
                    n == n_history + 1; }), 30);
  shot ("contract-issue-cases");

  store = app_fixture_open_store (&f->app);
  links = sp_store_list_contract_issue_cases (store, issue_id, NULL);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpstr (SP_CONTRACT_ISSUE_CASE (links->pdata[0])->case_id, ==, f->second_case_id);
  issue = sp_store_load (store, SP_TYPE_CONTRACT_ISSUE, issue_id, NULL);
  events = sp_store_get_contract_issue_events (store, issue, NULL);
  g_assert_cmpstr (((SpCaseEvent *) events->pdata[events->len - 1])->field, ==, "cases");
  g_assert_cmpstr (((SpCaseEvent *) events->pdata[events->len - 1])->actor_name, !=, NULL);
  g_clear_pointer (&links, g_ptr_array_unref);

  /* On the provider's page the linked case is in the issue: no Open
   * Contract Issue beside it that would open a second one. */
  {
    g_autofree char *open_second = g_strconcat ("open_issue_", f->second_case_id, NULL);
    g_autofree char *issue_row = g_strconcat ("issue_row_", issue_id, NULL);

    click (f, "issue_back_button");
    APP_TEST_WAIT (g_strcmp0 (sp_provider_view_get_page (view (f)), "provider") == 0, 30);
    wait_idle (f);
    APP_TEST_WAIT (app_test_find_by_id (GTK_WIDGET (f->app.window), issue_row) != NULL, 30);
    {
      g_autoptr(GPtrArray) found = g_ptr_array_new ();

      app_test_collect_id (GTK_WIDGET (f->app.window), open_second, found);
      g_assert_cmpuint (found->len, ==, 0);
    }
    g_signal_emit_by_name (find (f, "provider_issue_list"), "row-activated", find (f, issue_row));
    APP_TEST_WAIT (g_strcmp0 (sp_provider_view_get_page (view (f)), "issue") == 0, 30);
    wait_idle (f);
    APP_TEST_WAIT (sp_contract_issue_cases_get_n_cases (issue_cases (f)) == 2 &&
                   !sp_contract_issue_cases_get_busy (issue_cases (f)), 30);
  }

  /* Taken off again: the list, the drop-down and the store agree. */
  remove_id = g_strconcat ("issue_case_remove_", f->second_case_id, NULL);
  click (f, remove_id);
  APP_TEST_WAIT (sp_contract_issue_cases_get_n_cases (issue_cases (f)) == 1 &&
                 !sp_contract_issue_cases_get_busy (issue_cases (f)), 30);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (drop)), ==, 1);
  links = sp_store_list_contract_issue_cases (store, issue_id, NULL);
  g_assert_cmpuint (links->len, ==, 0);

  app_fixture_stop (&f->app);
  g_free (f->provider_id);
  g_free (f->case_id);
  g_free (f->second_case_id);
}

/* The signs of welfare crime: the escalated case with its provider and
 * whom to tell, an e-mail to both, and the row opens the case. */
static void
test_welfare_crime (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  g_autofree char *row_id = NULL;
  g_autofree char *mail_id = NULL;
  const char *subtitle;

  populate (f);
  {
    g_autoptr(SpStore) store = app_fixture_open_store (&f->app);
    g_autoptr(SpUser) head = sp_user_new ();
    g_autoptr(SpUser) chef = sp_user_new ();
    g_autoptr(SpUnit) department = sp_unit_new ();
    g_autoptr(SpUnit) unit = sp_unit_new ();
    g_autoptr(SpCase) kase = NULL;
    g_autoptr(SpInvestigation) inv = sp_investigation_new ();
    g_autoptr(GError) error = NULL;

    head->username = g_strdup ("anna");
    head->display_name = g_strdup ("Anna Avdelningschef");
    head->email = g_strdup ("anna@example.se");
    chef->username = g_strdup ("mats");
    chef->display_name = g_strdup ("Mats Chef");
    chef->email = g_strdup ("mats@example.se");
    g_assert_true (sp_store_save (store, SP_ENTITY (head), SP_SAVE_DEFAULT, NULL, &error));
    g_assert_true (sp_store_save (store, SP_ENTITY (chef), SP_SAVE_DEFAULT, NULL, &error));
    department->name = g_strdup ("Äldreomsorg");
    department->kind = SP_UNIT_KIND_DEPARTMENT;
    department->manager_id = g_strdup (SP_ENTITY (head)->id);
    g_assert_true (sp_store_save (store, SP_ENTITY (department), SP_SAVE_DEFAULT, NULL, &error));
    unit->name = g_strdup ("Hemtjänst Vällingby");
    unit->kind = SP_UNIT_KIND_UNIT;
    unit->parent_id = g_strdup (SP_ENTITY (department)->id);
    unit->manager_id = g_strdup (SP_ENTITY (chef)->id);
    g_assert_true (sp_store_save (store, SP_ENTITY (unit), SP_SAVE_DEFAULT, NULL, &error));
    kase = sp_store_get_case (store, f->case_id, &error);
    kase->unit_id = g_strdup (SP_ENTITY (unit)->id);
    g_assert_true (sp_store_update_case (store, kase, &manager, FALSE, &error));
    inv->case_id = g_strdup (f->case_id);
    inv->welfare_crime = TRUE;
    inv->welfare_crime_reference = g_strdup ("Polisanmälan 5000-K123-25");
    inv->welfare_crime_on = sp_date_today () - 1;
    g_assert_true (sp_store_save_investigation (store, inv, SP_SAVE_DEFAULT, &manager, &error));
    g_assert_no_error (error);
  }
  app_fixture_start (&f->app);
  gtk_window_set_default_size (GTK_WINDOW (f->app.window), 1100, 760);
  gtk_window_present (GTK_WINDOW (f->app.window));
  sp_window_set_view (f->app.window, "providers");
  app_fixture_wait_page (&f->app, "providers");
  APP_TEST_WAIT (sp_provider_view_get_n_shown (view (f)) == 2, 30);

  gtk_widget_activate (find (f, "provider_welfare_row"));
  APP_TEST_WAIT (g_strcmp0 (sp_provider_view_get_page (view (f)), "welfare") == 0, 30);
  APP_TEST_WAIT (sp_welfare_crime_list_get_n_shown (SP_WELFARE_CRIME_LIST (find (f, "welfare_crime_list"))) == 1, 30);
  wait_idle (f);
  row_id = g_strconcat ("welfare_row_", f->case_id, NULL);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find (f, row_id))),
                            "Omsorgshuset AB"));
  subtitle = row_subtitle (f, row_id);
  g_assert_nonnull (strstr (subtitle, "Hemtjänst Vällingby"));
  g_assert_nonnull (strstr (subtitle, "Polisanmälan 5000-K123-25"));
  g_assert_nonnull (strstr (subtitle, "Mats Chef"));
  g_assert_nonnull (strstr (subtitle, "Anna Avdelningschef"));
  mail_id = g_strconcat ("welfare_mail_", f->case_id, NULL);
  {
    const char *uri = g_object_get_data (G_OBJECT (find (f, mail_id)), "uri");

    g_assert_true (g_str_has_prefix (uri, "mailto:mats@example.se,anna@example.se?subject="));
  }
  g_assert_false (gtk_widget_get_visible (find (f, "welfare_empty_label")));
  shot ("welfare-crime");

  /* The row opens the case. */
  g_signal_emit_by_name (find (f, "welfare_list"), "row-activated", find (f, row_id));
  app_fixture_wait_page (&f->app, "case");

  app_fixture_stop (&f->app);
  g_free (f->provider_id);
  g_free (f->case_id);
  g_free (f->second_case_id);
}

/* A notification of a provider's late account opens the stored issue
 * (app.show-contract-issue) on procurement's page; nothing new is opened. */
static void
test_from_notification (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  g_autoptr(SpContractIssue) issue = sp_contract_issue_new ();
  g_autoptr(GError) error = NULL;

  populate (f);
  {
    g_autoptr(SpStore) store = app_fixture_open_store (&f->app);

    issue->case_id = g_strdup (f->case_id);
    issue->breach = g_strdup ("Insatser har uteblivit");
    g_assert_true (sp_store_save_contract_issue (store, issue, SP_SAVE_DEFAULT, &manager, &error));
    g_assert_no_error (error);
  }
  app_fixture_start (&f->app);
  gtk_window_present (GTK_WINDOW (f->app.window));

  g_action_group_activate_action (G_ACTION_GROUP (f->app.app), "show-contract-issue",
                                  g_variant_new_string (SP_ENTITY (issue)->id));
  app_fixture_wait_page (&f->app, "providers");
  APP_TEST_WAIT (g_strcmp0 (sp_provider_view_get_page (view (f)), "issue") == 0, 30);
  wait_idle (f);
  APP_TEST_WAIT (g_strcmp0 (sp_contract_issue_page_get_issue_id (issue_page (f)),
                            SP_ENTITY (issue)->id) == 0, 30);
  g_assert_cmpstr (sp_contract_issue_page_get_status (issue_page (f)), ==, "open");
  {
    g_autoptr(SpStore) store = app_fixture_open_store (&f->app);
    g_autoptr(GPtrArray) issues = sp_store_list_contract_issues (store, NULL, f->case_id, NULL);

    g_assert_cmpuint (issues->len, ==, 1);
  }

  app_fixture_stop (&f->app);
  g_free (f->provider_id);
  g_free (f->case_id);
}

int
main (int   argc,
      char *argv[])
{
  /* English, unless screenshots are taken in the environment's language. */
  if (g_getenv ("SYNPUNKT_SHOT_DIR") == NULL)
    g_setenv ("LANGUAGE", "en", TRUE);
  if (g_getenv ("SYNPUNKT_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SYNPUNKT_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (g_getenv ("SYNPUNKT_SHOT_DIR") != NULL)
    setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/providers/procurement-story", test_story);
  g_test_add_func ("/providers/from-case-page", test_from_case_page);
  g_test_add_func ("/providers/from-notification", test_from_notification);
  g_test_add_func ("/providers/issue-cases", test_issue_cases);
  g_test_add_func ("/providers/welfare-crime", test_welfare_crime);

  return g_test_run ();
}
