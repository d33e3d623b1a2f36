/* test-provider.c: organisation numbers, the contract issue's life cycle
 * and routine R14's routing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-test-util.h"

static const SpActor staff = { "staff-1", "Sara Medarbetare", SP_ROLE_BIT (SP_ROLE_STAFF) };
static const SpActor buyer = { "proc-1", "Petra Upphandlare", SP_ROLE_BIT (SP_ROLE_PROCUREMENT) };

static void
test_org_number (void)
{
  g_autoptr(GError) error = NULL;
  char *normal;

  /* 556036-0793 and 212000-0142 are real, valid numbers. */
  normal = sp_org_number_normalize ("5560360793", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (normal, ==, "556036-0793");
  g_free (normal);
  normal = sp_org_number_normalize (" 212000-0142 ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (normal, ==, "212000-0142");
  g_free (normal);

  g_assert_false (sp_org_number_is_valid ("556036-0794"));   /* check digit */
  g_assert_false (sp_org_number_is_valid ("556036-079"));    /* nine digits */
  g_assert_false (sp_org_number_is_valid ("556036-07930"));  /* eleven */
  g_assert_false (sp_org_number_is_valid ("5560-360793"));   /* hyphen misplaced */
  g_assert_false (sp_org_number_is_valid ("55603-60793'--"));
  g_assert_false (sp_org_number_is_valid (""));

  normal = sp_org_number_normalize ("556036-0794", &error);
  g_assert_null (normal);
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  g_assert_cmpstr (sp_error_get_field (error), ==, "org_number");
}

static void
test_provider_validate (void)
{
  g_autoptr(SpProvider) provider = sp_provider_new ();
  g_autoptr(GError) error = NULL;

  provider->name = g_strdup ("Omsorgshuset AB");
  provider->org_number = g_strdup ("5560360793");
  provider->contract_starts_on = sp_date_new (2025, 1, 1);
  provider->contract_ends_on = sp_date_new (2026, 12, 31);
  g_assert_true (sp_provider_validate (provider, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (provider->org_number, ==, "556036-0793");
  g_assert_true (sp_provider_is_active_on (provider, sp_date_new (2025, 6, 1)));
  g_assert_false (sp_provider_is_active_on (provider, sp_date_new (2027, 1, 1)));

  provider->contract_ends_on = sp_date_new (2024, 12, 31);
  g_assert_false (sp_provider_validate (provider, &error));
  g_assert_cmpstr (sp_error_get_field (error), ==, "contract_ends_on");
}

static void
test_route (void)
{
  g_autoptr(SpProvider) provider = sp_provider_new ();

  provider->responsible_administration = g_strdup ("Äldreförvaltningen");
  provider->contract_form = SP_CONTRACT_FORM_CONTRACTED_OPERATION;
  g_assert_cmpstr (sp_provider_route_contract_issue (provider), ==, SP_ROUTE_PROCUREMENT);
  provider->contract_form = SP_CONTRACT_FORM_CHOICE_SYSTEM;
  g_assert_cmpstr (sp_provider_route_contract_issue (provider), ==, "Äldreförvaltningen");
  provider->contract_form = SP_CONTRACT_FORM_FRAMEWORK_AGREEMENT;
  g_assert_cmpstr (sp_provider_route_contract_issue (provider), ==, "Äldreförvaltningen");
  g_clear_pointer (&provider->responsible_administration, g_free);
  g_assert_cmpstr (sp_provider_route_contract_issue (provider), ==, SP_ROUTE_PROCUREMENT);
}

static void
expect_invalid (SpContractIssue *before,
                SpContractIssue *after,
                SpDate           today,
                const char      *field)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sp_contract_issue_check_move (before, after, today, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (sp_error_get_field (error), ==, field);
}

static void
step (SpContractIssue **before,
      SpContractIssue  *after,
      SpDate            today)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_contract_issue_check_move (*before, after, today, &error));
  g_assert_no_error (error);
  g_clear_object (before);
  *before = sp_entity_copy (SP_ENTITY (after));
}

static void
test_life_cycle (void)
{
  g_autoptr(SpContractIssue) before = NULL;
  g_autoptr(SpContractIssue) issue = sp_contract_issue_new ();
  SpDate today = sp_date_new (2026, 3, 2);

  issue->case_id = g_strdup ("00000000-0000-4000-8000-000000000001");
  issue->opened_on = today;
  issue->status = SP_CONTRACT_ISSUE_SANCTIONED;
  expect_invalid (NULL, issue, today, "status");       /* starts open */
  issue->status = SP_CONTRACT_ISSUE_OPEN;
  step (&before, issue, today);

  /* Straight to a sanction is not a step of the life cycle. */
  issue->status = SP_CONTRACT_ISSUE_SANCTIONED;
  expect_invalid (before, issue, today, "status");

  issue->status = SP_CONTRACT_ISSUE_CORRECTION_REQUESTED;
  expect_invalid (before, issue, today, "correction_requested_on");
  issue->correction_requested_on = today;
  expect_invalid (before, issue, today, "correction_due_on");
  issue->correction_due_on = sp_date_new (2026, 3, 1);  /* in the past */
  expect_invalid (before, issue, today, "correction_due_on");
  issue->correction_due_on = sp_date_new (2026, 3, 16);
  step (&before, issue, today);
  g_assert_false (sp_contract_issue_is_overdue (issue, today));
  g_assert_true (sp_contract_issue_is_overdue (issue, sp_date_new (2026, 3, 17)));

  issue->status = SP_CONTRACT_ISSUE_ACCOUNT_RECEIVED;
  expect_invalid (before, issue, today, "account_received_on");
  issue->account_received_on = sp_date_new (2026, 3, 10);
  expect_invalid (before, issue, today, "account");
  issue->account = g_strdup ("Bemanningen har förstärkts.");
  /* A deadline that has passed is no reason to refuse a later step. */
  step (&before, issue, sp_date_new (2026, 4, 1));

  /* The account is assessed before any sanction. */
  issue->status = SP_CONTRACT_ISSUE_SANCTIONED;
  expect_invalid (before, issue, today, "status");
  issue->status = SP_CONTRACT_ISSUE_ASSESSED;
  expect_invalid (before, issue, today, "assessed_on");
  issue->assessed_on = sp_date_new (2026, 3, 12);
  expect_invalid (before, issue, today, "assessment");
  issue->assessment = g_strdup ("Bristerna kvarstår delvis.");
  issue->assessed_on = sp_date_new (2026, 3, 9);        /* before the account */
  expect_invalid (before, issue, today, "assessed_on");
  issue->assessed_on = sp_date_new (2026, 3, 12);
  step (&before, issue, today);

  issue->status = SP_CONTRACT_ISSUE_SANCTIONED;
  issue->sanction_kind = SP_SANCTION_PENALTY;
  expect_invalid (before, issue, today, "sanction_amount");
  issue->sanction_amount = 25000;
  expect_invalid (before, issue, today, "sanction_decided_on");
  issue->sanction_decided_on = sp_date_new (2026, 3, 20);
  step (&before, issue, today);

  issue->status = SP_CONTRACT_ISSUE_OPEN;
  expect_invalid (before, issue, today, "status");      /* no way back */

  issue->status = SP_CONTRACT_ISSUE_CLOSED;
  expect_invalid (before, issue, today, "closed_on");
  issue->closed_on = sp_date_new (2026, 3, 25);
  expect_invalid (before, issue, today, "outcome");
  issue->outcome = g_strdup ("Vitet är betalt; bemanningen följs upp i maj.");
  step (&before, issue, today);
  g_assert_false (sp_contract_issue_can_move (SP_CONTRACT_ISSUE_CLOSED, SP_CONTRACT_ISSUE_OPEN));
}

static void
test_sanction_rules (void)
{
  g_autoptr(SpContractIssue) issue = sp_contract_issue_new ();
  g_autoptr(GError) error = NULL;

  issue->sanction_kind = SP_SANCTION_TERMINATION;
  issue->sanction_amount = 100;
  g_assert_false (sp_contract_issue_validate (issue, &error));
  g_assert_cmpstr (sp_error_get_field (error), ==, "sanction_amount");
  g_clear_error (&error);
  issue->sanction_amount = 0;
  g_assert_false (sp_contract_issue_validate (issue, &error));
  g_assert_cmpstr (sp_error_get_field (error), ==, "sanction_decided_on");
  g_clear_error (&error);
  issue->sanction_decided_on = sp_date_new (2026, 1, 2);
  g_assert_true (sp_contract_issue_validate (issue, &error));
  g_assert_no_error (error);
}

/* In the store: a new issue takes its case's provider and R14's routing,
 * each step is in the case history with who did it, a move the life cycle
 * does not allow leaves the stored issue as it was. */
static void
test_store_save (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpProvider) provider = sp_provider_new ();
  g_autoptr(SpCase) kase = sp_test_case_new ("Hemtjänsten kom inte", NULL);
  g_autoptr(SpContractIssue) issue = sp_contract_issue_new ();
  g_autoptr(SpContractIssue) stored = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  SpDate today = sp_date_today_in_organisation ();

  provider->name = g_strdup ("Omsorgshuset AB");
  provider->contract_form = SP_CONTRACT_FORM_CHOICE_SYSTEM;
  provider->responsible_administration = g_strdup ("Äldreförvaltningen");
  g_assert_true (sp_store_save (store, SP_ENTITY (provider), SP_SAVE_DEFAULT, NULL, &error));
  kase->concerns = SP_CONCERNS_PROVIDER;
  kase->provider_id = g_strdup (SP_ENTITY (provider)->id);
  kase->contract_breach = TRUE;
  g_assert_true (sp_store_create_case (store, kase, &staff, &error));
  g_assert_no_error (error);

  issue->case_id = g_strdup (SP_ENTITY (kase)->id);
  issue->breach = g_strdup ("Insatser har uteblivit");
  g_assert_true (sp_store_save_contract_issue (store, issue, SP_SAVE_DEFAULT, &buyer, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (issue->provider_id, ==, SP_ENTITY (provider)->id);
  g_assert_cmpstr (issue->routed_to, ==, "Äldreförvaltningen");
  g_assert_cmpint (issue->opened_on, ==, today);

  /* A deadline in the past: refused, nothing saved. */
  stored = sp_store_load (store, SP_TYPE_CONTRACT_ISSUE, SP_ENTITY (issue)->id, &error);
  stored->status = SP_CONTRACT_ISSUE_CORRECTION_REQUESTED;
  stored->correction_requested_on = today;
  stored->correction_due_on = today - 1;
  g_assert_false (sp_store_save_contract_issue (store, stored, SP_SAVE_CHECK_REV, &buyer, &error));
  g_assert_cmpstr (sp_error_get_field (error), ==, "correction_due_on");
  g_clear_error (&error);
  g_clear_object (&stored);
  stored = sp_store_load (store, SP_TYPE_CONTRACT_ISSUE, SP_ENTITY (issue)->id, &error);
  g_assert_cmpint (stored->status, ==, SP_CONTRACT_ISSUE_OPEN);

  stored->status = SP_CONTRACT_ISSUE_CORRECTION_REQUESTED;
  stored->correction_requested_on = today;
  stored->correction_due_on = today + 14;
  g_assert_true (sp_store_save_contract_issue (store, stored, SP_SAVE_CHECK_REV, &buyer, &error));
  g_assert_no_error (error);

  events = sp_store_get_contract_issue_events (store, stored, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >=, 5);
  for (guint i = 0; i < events->len; i++)
    {
      SpCaseEvent *event = events->pdata[i];

      g_assert_cmpstr (event->actor_name, ==, "Petra Upphandlare");
      g_assert_cmpint (event->at, >, 0);
    }

  listed = sp_store_list_contract_issues (store, SP_ENTITY (provider)->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = sp_store_list_contract_issues (store, "00000000-0000-4000-8000-000000000009", NULL, &error);
  g_assert_cmpuint (listed->len, ==, 0);
}

static SpProvider *
add_provider (SpStore    *store,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  SpProvider *provider = sp_provider_new ();

  provider->name = g_strdup (name);
  g_assert_true (sp_store_save (store, SP_ENTITY (provider), SP_SAVE_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  return provider;
}

static void
add_cases (SpStore    *store,
           SpProvider *provider,
           SpDate      received_on,
           guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpCase) kase = sp_test_case_new ("Utebliven insats", NULL);
      g_autoptr(GError) error = NULL;

      kase->concerns = SP_CONCERNS_PROVIDER;
      kase->provider_id = g_strdup (SP_ENTITY (provider)->id);
      kase->received_on = received_on + i % 20;
      kase->category = g_strdup (i % 4 == 0 ? "bemotande" : "kvalitet");
      g_assert_true (sp_store_create_case (store, kase, &staff, &error));
      g_assert_no_error (error);
    }
}

/* One provider with a spike in the current tertial, one as usual: only
 * the spike signals, and the numbers behind it are those of the test. */
static void
test_pattern (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpProvider) spike = add_provider (store, "Toppen Omsorg AB");
  g_autoptr(SpProvider) normal = add_provider (store, "Jämna Vården AB");
  g_autoptr(SpProviderFigures) s = NULL;
  g_autoptr(SpProviderFigures) n = NULL;
  g_autoptr(GError) error = NULL;
  SpDate today = sp_date_new (2026, 6, 20);    /* in 2026-T2 */
  const SpDate tertials[] = { sp_date_new (2025, 5, 3), sp_date_new (2025, 9, 3),
                              sp_date_new (2026, 1, 5), sp_date_new (2026, 5, 4) };

  for (guint i = 0; i < G_N_ELEMENTS (tertials); i++)
    {
      add_cases (store, normal, tertials[i], 4);
      add_cases (store, spike, tertials[i], i == 3 ? 14 : 2);
    }

  s = sp_provider_figures_compute (store, SP_ENTITY (spike)->id, today, &error);
  g_assert_no_error (error);
  n = sp_provider_figures_compute (store, SP_ENTITY (normal)->id, today, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sp_provider_figures_current (s), ==, 14);
  g_assert_cmpint (s->tertial_counts[SP_PROVIDER_N_TERTIALS - 2], ==, 2);
  g_assert_cmpint (s->tertial_counts[SP_PROVIDER_N_TERTIALS - 4], ==, 2);
  g_assert_cmpfloat_with_epsilon (s->expected, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->p_value, sp_stats_poisson_upper (14, 2.0), 1e-12);
  g_assert_cmpfloat (s->p_value, <, SP_STATS_SIGNAL_LEVEL);
  g_assert_true (s->signal);
  g_assert_cmpint (s->year_count, ==, 16);
  /* The trend: July 2025 to June 2026; May 2025 is outside it. */
  g_assert_cmpint (s->month_starts[0], ==, sp_date_new (2025, 7, 1));
  g_assert_cmpint (s->month_starts[SP_PROVIDER_N_MONTHS - 1], ==, sp_date_new (2026, 6, 1));
  for (guint i = 0; i < SP_PROVIDER_N_MONTHS; i++)
    g_assert_cmpint (s->month_counts[i], ==, i == 2 ? 2 : i == 6 ? 2 : i == 10 ? 14 : 0);
  g_assert_cmpint (n->month_counts[10], ==, 4);

  g_assert_cmpint (sp_provider_figures_current (n), ==, 4);
  g_assert_cmpfloat_with_epsilon (n->expected, 4.0, 1e-9);
  g_assert_cmpfloat (n->p_value, >, 0.3);
  g_assert_false (n->signal);
  g_assert_cmpint (n->year_count, ==, 8);
  g_assert_cmpuint (n->by_category->len, ==, 2);
  g_assert_cmpstr (((SpStatsCount *) n->by_category->pdata[0])->key, ==, "kvalitet");
  g_assert_cmpuint (n->open_issues, ==, 0);
}

static SpCase *
flagged_case (SpStore     *store,
              const char  *subject,
              const char  *provider_id)
{
  SpCase *kase = sp_test_case_new (subject, NULL);
  g_autoptr(GError) error = NULL;

  kase->concerns = SP_CONCERNS_PROVIDER;
  kase->provider_id = g_strdup (provider_id);
  kase->contract_breach = TRUE;
  g_assert_true (sp_store_create_case (store, kase, &staff, &error));
  g_assert_no_error (error);
  return kase;
}

static void
assert_link_refused (SpStore     *store,
                     const char  *issue_id,
                     const char  *case_id,
                     GQuark       domain,
                     int          code,
                     const char  *field)
{
  g_autoptr(SpContractIssueCase) link = sp_contract_issue_case_new ();
  g_autoptr(GError) error = NULL;

  link->contract_issue_id = g_strdup (issue_id);
  link->case_id = g_strdup (case_id);
  g_assert_false (sp_store_save_contract_issue_case (store, link, SP_SAVE_DEFAULT, &buyer, &error));
  g_assert_error (error, domain, code);
  g_assert_cmpstr (sp_error_get_field (error), ==, field);
}

/* The further cases of an issue in the store: linked with their history,
 * the rules of a new link, only removal afterwards, nothing half-saved. */
static void
test_issue_cases (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpProvider) provider = add_provider (store, "Omsorgshuset AB");
  g_autoptr(SpProvider) other = add_provider (store, "Annan Omsorg AB");
  g_autoptr(SpCase) own = flagged_case (store, "Uteblivna besök", SP_ENTITY (provider)->id);
  g_autoptr(SpCase) second = flagged_case (store, "Inga besök i helgen", SP_ENTITY (provider)->id);
  g_autoptr(SpCase) elsewhere = flagged_case (store, "Fel utförare", SP_ENTITY (other)->id);
  g_autoptr(SpContractIssue) issue = sp_contract_issue_new ();
  g_autoptr(SpContractIssueCase) link = sp_contract_issue_case_new ();
  g_autoptr(SpContractIssueCase) stored = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) in_issues = NULL;
  g_autoptr(GError) error = NULL;
  const char *issue_id;

  issue->case_id = g_strdup (SP_ENTITY (own)->id);
  g_assert_true (sp_store_save_contract_issue (store, issue, SP_SAVE_DEFAULT, &buyer, &error));
  g_assert_no_error (error);
  issue_id = SP_ENTITY (issue)->id;

  link->contract_issue_id = g_strdup (issue_id);
  link->case_id = g_strdup (SP_ENTITY (second)->id);
  g_assert_true (sp_store_save_contract_issue_case (store, link, SP_SAVE_DEFAULT, &buyer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (link->linked_on, ==, sp_date_today_in_organisation ());

  /* Opened again from either case, the issue is found, not made twice. */
  {
    g_autofree char *found_own = sp_store_find_open_contract_issue (store, SP_ENTITY (own)->id,
                                                                    SP_ENTITY (provider)->id, &error);
    g_autofree char *found_second = sp_store_find_open_contract_issue (store, SP_ENTITY (second)->id,
                                                                       SP_ENTITY (provider)->id,
                                                                       &error);
    g_autofree char *found_elsewhere = sp_store_find_open_contract_issue (store,
                                                                          SP_ENTITY (elsewhere)->id,
                                                                          SP_ENTITY (other)->id,
                                                                          &error);

    g_assert_no_error (error);
    g_assert_cmpstr (found_own, ==, issue_id);
    g_assert_cmpstr (found_second, ==, issue_id);
    g_assert_null (found_elsewhere);
  }

  cases = sp_store_get_contract_issue_cases (store, issue, &error);
  g_assert_cmpuint (cases->len, ==, 2);
  g_assert_cmpstr (SP_ENTITY (cases->pdata[0])->id, ==, SP_ENTITY (own)->id);
  g_assert_cmpstr (SP_ENTITY (cases->pdata[1])->id, ==, SP_ENTITY (second)->id);
  events = sp_store_get_contract_issue_events (store, issue, &error);
  g_assert_cmpstr (((SpCaseEvent *) events->pdata[events->len - 1])->field, ==, "cases");
  g_assert_cmpstr (((SpCaseEvent *) events->pdata[events->len - 1])->new_value, ==, SP_ENTITY (second)->id);
  g_assert_cmpstr (((SpCaseEvent *) events->pdata[events->len - 1])->actor_name, ==, "Petra Upphandlare");
  in_issues = sp_store_list_cases_in_issues (store, SP_ENTITY (provider)->id, &error);
  g_assert_cmpuint (in_issues->len, ==, 2);

  /* Refused: linked already, the issue's own, another provider's, an
   * unknown case or issue, ids that are not UUIDs. */
  assert_link_refused (store, issue_id, SP_ENTITY (second)->id, SP_ERROR, SP_ERROR_INVALID, "case_id");
  assert_link_refused (store, issue_id, SP_ENTITY (own)->id, SP_ERROR, SP_ERROR_INVALID, "case_id");
  assert_link_refused (store, issue_id, SP_ENTITY (elsewhere)->id, SP_ERROR, SP_ERROR_INVALID, "case_id");
  assert_link_refused (store, issue_id, "0b7f4a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b", SP_ERROR, SP_ERROR_NOT_FOUND, "case_id");
  assert_link_refused (store, "0b7f4a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b", SP_ENTITY (elsewhere)->id,
                       SP_ERROR, SP_ERROR_NOT_FOUND, "contract_issue_id");
  assert_link_refused (store, issue_id, "x'); DROP TABLE cases; --", SP_ERROR, SP_ERROR_INVALID, "case_id");
  assert_link_refused (store, NULL, SP_ENTITY (second)->id, SP_ERROR, SP_ERROR_INVALID, "contract_issue_id");

  /* A link is not moved to another case: only removed. */
  stored = sp_store_load (store, SP_TYPE_CONTRACT_ISSUE_CASE, SP_ENTITY (link)->id, &error);
  g_free (stored->case_id);
  stored->case_id = g_strdup (SP_ENTITY (elsewhere)->id);
  g_assert_false (sp_store_save_contract_issue_case (store, stored, SP_SAVE_DEFAULT, &buyer, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&stored);
  stored = sp_store_load (store, SP_TYPE_CONTRACT_ISSUE_CASE, SP_ENTITY (link)->id, &error);
  g_assert_cmpstr (stored->case_id, ==, SP_ENTITY (second)->id);
  SP_ENTITY (stored)->deleted = TRUE;
  g_assert_true (sp_store_save_contract_issue_case (store, stored, SP_SAVE_DEFAULT, &buyer, &error));
  g_assert_no_error (error);
  links = sp_store_list_contract_issue_cases (store, issue_id, &error);
  g_assert_cmpuint (links->len, ==, 0);
  g_clear_pointer (&events, g_ptr_array_unref);
  events = sp_store_get_contract_issue_events (store, issue, &error);
  g_assert_cmpstr (((SpCaseEvent *) events->pdata[events->len - 1])->old_value, ==, SP_ENTITY (second)->id);
  g_assert_null (((SpCaseEvent *) events->pdata[events->len - 1])->new_value);

  /* A closed issue takes no more cases. */
  {
    g_autoptr(SpContractIssue) closing = sp_store_load (store, SP_TYPE_CONTRACT_ISSUE, issue_id, &error);

    closing->status = SP_CONTRACT_ISSUE_CLOSED;
    closing->closed_on = sp_date_today_in_organisation ();
    closing->outcome = g_strdup ("Inget avtalsbrott");
    g_assert_true (sp_store_save_contract_issue (store, closing, SP_SAVE_DEFAULT, &buyer, &error));
    g_assert_no_error (error);
  }
  assert_link_refused (store, issue_id, SP_ENTITY (second)->id, SP_ERROR, SP_ERROR_INVALID, "contract_issue_id");
  /* A closed issue is not taken up again: a new breach gets a new one. */
  {
    g_autofree char *found = sp_store_find_open_contract_issue (store, SP_ENTITY (own)->id,
                                                                SP_ENTITY (provider)->id, &error);

    g_assert_no_error (error);
    g_assert_null (found);
  }
}

static char *
save_user (SpStore    *store,
           const char *name,
           const char *email)
{
  g_autoptr(SpUser) user = sp_user_new ();
  g_autoptr(GError) error = NULL;

  user->username = g_ascii_strdown (name, 4);
  user->display_name = g_strdup (name);
  user->email = g_strdup (email);
  g_assert_true (sp_store_save (store, SP_ENTITY (user), SP_SAVE_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (SP_ENTITY (user)->id);
}

/* The welfare-crime list: a case escalated so by its investigation and a
 * case whose contract issue carries the sign, newest first, each with its
 * provider and whom procurement must tell (the routine: the unit manager
 * and the head of department); a case without the sign is not in it. */
static void
test_welfare_crime (void)
{
  static const SpActor chef = { "mgr-1", "Mats Chef", SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) };
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpUnit) department = sp_unit_new ();
  g_autoptr(SpUnit) unit = sp_unit_new ();
  g_autoptr(SpProvider) provider = sp_provider_new ();
  g_autoptr(SpCase) escalated = NULL;
  g_autoptr(SpCase) by_issue = NULL;
  g_autoptr(SpCase) plain = NULL;
  g_autoptr(SpInvestigation) inv = sp_investigation_new ();
  g_autoptr(SpContractIssue) issue = sp_contract_issue_new ();
  g_autoptr(GPtrArray) signs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *head = save_user (store, "Anna Avdelningschef", "anna@example.se");
  g_autofree char *manager = save_user (store, "Mats Chef", "mats@example.se");
  SpWelfareCrimeSign *first;
  SpWelfareCrimeSign *second;
  SpDate today = sp_date_today_in_organisation ();

  department->name = g_strdup ("Äldreomsorg");
  department->kind = SP_UNIT_KIND_DEPARTMENT;
  department->manager_id = g_strdup (head);
  g_assert_true (sp_store_save (store, SP_ENTITY (department), SP_SAVE_DEFAULT, NULL, &error));
  unit->name = g_strdup ("Hemtjänst Vällingby");
  unit->kind = SP_UNIT_KIND_UNIT;
  unit->parent_id = g_strdup (SP_ENTITY (department)->id);
  unit->manager_id = g_strdup (manager);
  g_assert_true (sp_store_save (store, SP_ENTITY (unit), SP_SAVE_DEFAULT, NULL, &error));
  provider->name = g_strdup ("Omsorgshuset AB");
  provider->contract_form = SP_CONTRACT_FORM_CHOICE_SYSTEM;
  g_assert_true (sp_store_save (store, SP_ENTITY (provider), SP_SAVE_DEFAULT, NULL, &error));
  g_assert_no_error (error);

  escalated = sp_test_case_new ("Fakturerade besök som aldrig gjordes", SP_ENTITY (unit)->id);
  by_issue = sp_test_case_new ("Personal utan anställning", SP_ENTITY (unit)->id);
  plain = sp_test_case_new ("Maten var kall", SP_ENTITY (unit)->id);
  for (SpCase **k = (SpCase *[]) { escalated, by_issue, plain, NULL }; *k; k++)
    {
      (*k)->concerns = SP_CONCERNS_PROVIDER;
      (*k)->provider_id = g_strdup (SP_ENTITY (provider)->id);
      (*k)->contract_breach = TRUE;
      g_assert_true (sp_store_create_case (store, *k, &chef, &error));
      g_assert_no_error (error);
    }

  inv->case_id = g_strdup (SP_ENTITY (escalated)->id);
  inv->welfare_crime = TRUE;
  inv->welfare_crime_reference = g_strdup ("Polisanmälan 5000-K123-25");
  inv->welfare_crime_on = today - 2;
  g_assert_true (sp_store_save_investigation (store, inv, SP_SAVE_DEFAULT, &chef, &error));
  g_assert_no_error (error);
  issue->case_id = g_strdup (SP_ENTITY (by_issue)->id);
  issue->welfare_crime = TRUE;
  g_assert_true (sp_store_save_contract_issue (store, issue, SP_SAVE_DEFAULT, &buyer, &error));
  g_assert_no_error (error);

  signs = sp_store_list_welfare_crime (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signs->len, ==, 2);
  first = signs->pdata[0];
  second = signs->pdata[1];
  /* The issue was opened today, the escalation two days ago. */
  g_assert_cmpstr (SP_ENTITY (first->kase)->id, ==, SP_ENTITY (by_issue)->id);
  g_assert_cmpstr (first->contract_issue_id, ==, SP_ENTITY (issue)->id);
  g_assert_cmpint (first->signalled_on, ==, today);
  g_assert_cmpstr (SP_ENTITY (second->kase)->id, ==, SP_ENTITY (escalated)->id);
  g_assert_cmpstr (second->reference, ==, "Polisanmälan 5000-K123-25");
  g_assert_cmpint (second->signalled_on, ==, today - 2);
  g_assert_null (second->contract_issue_id);
  for (guint i = 0; i < signs->len; i++)
    {
      SpWelfareCrimeSign *sign = signs->pdata[i];

      g_assert_cmpstr (sign->provider_name, ==, "Omsorgshuset AB");
      g_assert_cmpstr (sign->unit_name, ==, "Hemtjänst Vällingby");
      g_assert_cmpstr (sign->manager_name, ==, "Mats Chef");
      g_assert_cmpstr (sign->manager_email, ==, "mats@example.se");
      g_assert_cmpstr (sign->head_name, ==, "Anna Avdelningschef");
      g_assert_cmpstr (sign->head_email, ==, "anna@example.se");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/provider/org-number", test_org_number);
  g_test_add_func ("/provider/validate", test_provider_validate);
  g_test_add_func ("/provider/route", test_route);
  g_test_add_func ("/contract-issue/life-cycle", test_life_cycle);
  g_test_add_func ("/contract-issue/sanction", test_sanction_rules);
  g_test_add_func ("/contract-issue/store", test_store_save);
  g_test_add_func ("/provider/pattern", test_pattern);
  g_test_add_func ("/provider/welfare-crime", test_welfare_crime);
  g_test_add_func ("/contract-issue/cases", test_issue_cases);

  return g_test_run ();
}
