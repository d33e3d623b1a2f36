/* test-notifications.c: the user's deadlines are announced, each once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <synpunkt-core.h>

#include "sp-deadline-notifier.h"
#include "../sp-test-dir.h"
#include "../sp-test-store.h"
#include "../sp-test-wait.h"

/* A Tuesday with no holiday near. */
#define TODAY "2026-03-10"

typedef struct
{
  char               *id;
  char               *title;
  char               *body;
  char               *case_id;
  char               *action;
} Announced;

typedef struct
{
  char               *dir;
  SpStore            *store;
  SpStoreWorker      *worker;
  GApplication       *application;
  SpDeadlineNotifier *notifier;
  GSettings          *settings;
  char               *unit;
  GPtrArray          *announced;
  guint               checks;
} Fixture;

static const SpActor registrar = { "reg", "Registrar", SP_ROLE_BIT (SP_ROLE_REGISTRAR) };
static const SpActor buyer = { "buyer", "Petra Upphandlare", SP_ROLE_BIT (SP_ROLE_PROCUREMENT) };
static const SpActor manager = { "boss", "Enhetschef", SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) };

static void
announced_free (gpointer data)
{
  Announced *a = data;

  g_free (a->id);
  g_free (a->title);
  g_free (a->body);
  g_free (a->case_id);
  g_free (a->action);
  g_free (a);
}

static void
on_announced (SpDeadlineNotifier *notifier,
              const char         *id,
              const char         *title,
              const char         *body,
              const char         *case_id,
              const char         *action,
              Fixture            *f)
{
  Announced *a = g_new0 (Announced, 1);

  a->action = g_strdup (action);
  a->id = g_strdup (id);
  a->title = g_strdup (title);
  a->body = g_strdup (body);
  a->case_id = g_strdup (case_id);
  g_ptr_array_add (f->announced, a);
}

static void
on_checked (SpDeadlineNotifier *notifier,
            Fixture            *f)
{
  f->checks++;
}

static char *
add_case (Fixture    *f,
          const char *subject,
          SpDate      due_on)
{
  g_autoptr(SpCase) kase = sp_case_new ();
  g_autoptr(GError) error = NULL;

  kase->kind = SP_CASE_KIND_COMPLAINT;
  kase->channel = SP_CHANNEL_LETTER;
  kase->received_on = due_on - 14;
  kase->subject = g_strdup (subject);
  kase->description = g_strdup ("En beskrivning");
  kase->sender_anonymous = TRUE;
  kase->unit_id = g_strdup (f->unit);
  g_assert_true (sp_store_create_case (f->store, kase, &registrar, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kase->due_on, ==, due_on);
  return g_strdup (SP_ENTITY (kase)->id);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SpUnit) unit = sp_unit_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = sp_test_dir_new ("notifications");
  path = g_build_filename (f->dir, "synpunkt.db", NULL);
  f->store = sp_test_store_open (path, &error);
  g_assert_no_error (error);
  unit->name = g_strdup ("Hemtjänsten Vällingby");
  g_assert_true (sp_store_save (f->store, SP_ENTITY (unit), 0, NULL, NULL));
  f->unit = g_strdup (SP_ENTITY (unit)->id);

  f->worker = sp_store_worker_new (path);
  f->application = g_application_new ("se.synpunkt.NotificationsTest", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (f->application, NULL, &error));
  g_assert_no_error (error);
  f->settings = g_settings_new ("se.synpunkt.Synpunkt");
  f->notifier = sp_deadline_notifier_new (f->application, f->worker, f->settings);
  f->announced = g_ptr_array_new_with_free_func (announced_free);
  g_signal_connect (f->notifier, "announced", G_CALLBACK (on_announced), f);
  g_signal_connect (f->notifier, "checked", G_CALLBACK (on_checked), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->notifier);
  g_clear_object (&f->settings);
  g_clear_object (&f->application);
  g_clear_object (&f->worker);
  g_clear_object (&f->store);
  g_clear_pointer (&f->announced, g_ptr_array_unref);
  g_free (f->unit);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
}

static Announced *
nth (Fixture *f,
     guint    i)
{
  return g_ptr_array_index (f->announced, i);
}

static void
check_and_wait (Fixture *f)
{
  guint before = f->checks;

  sp_deadline_notifier_check (f->notifier);
  SP_TEST_WAIT (f->checks > before, 30);
}

static void
test_each_once (Fixture       *f,
                gconstpointer  data)
{
  SpDate today = sp_date_today ();
  g_autofree char *tomorrow = add_case (f, "Maten på boendet", today + 1);
  g_autofree char *overdue = add_case (f, "Bemötande i hemtjänsten", today - 4);
  g_autofree char *fresh = NULL;
  g_autoptr(SpDeadlineNotifier) restarted = NULL;

  /* Nobody's cases: nothing is looked for. */
  sp_deadline_notifier_check (f->notifier);

  /* The first look: the day's summary. */
  sp_deadline_notifier_set_mine (f->notifier, NULL, f->unit, FALSE);
  SP_TEST_WAIT (f->checks == 1, 30);
  g_assert_cmpuint (f->announced->len, ==, 1);
  g_assert_cmpstr (nth (f, 0)->id, ==, SP_NOTIFICATION_SUMMARY);
  g_assert_cmpstr (nth (f, 0)->title, ==, "Your deadlines");
  g_assert_cmpstr (nth (f, 0)->body, ==, "1 case is due tomorrow.\n1 case is overdue.");
  g_assert_null (nth (f, 0)->case_id);

  /* Looked at again, nothing is announced twice. */
  check_and_wait (f);
  g_assert_cmpuint (f->announced->len, ==, 1);

  /* A case that becomes overdue: a notification of its own, opening it. */
  fresh = add_case (f, "Avgiften", today - 5);
  check_and_wait (f);
  g_assert_cmpuint (f->announced->len, ==, 2);
  g_assert_cmpstr (nth (f, 1)->title, ==, "A case has become overdue");
  g_assert_cmpstr (nth (f, 1)->body, ==, "Avgiften");
  g_assert_cmpstr (nth (f, 1)->case_id, ==, fresh);
  {
    g_autofree char *opens = g_strdup_printf ("app.show-case::%s", fresh);

    g_assert_cmpstr (nth (f, 1)->action, ==, opens);
  }
  g_assert_true (g_str_has_prefix (nth (f, 1)->id, SP_NOTIFICATION_OVERDUE_PREFIX));

  /* After a restart, the same day: nothing again. */
  g_clear_object (&f->notifier);
  restarted = sp_deadline_notifier_new (f->application, f->worker, f->settings);
  g_signal_connect (restarted, "announced", G_CALLBACK (on_announced), f);
  g_signal_connect (restarted, "checked", G_CALLBACK (on_checked), f);
  sp_deadline_notifier_set_mine (restarted, NULL, f->unit, FALSE);
  SP_TEST_WAIT (f->checks == 4, 30);
  g_assert_cmpuint (f->announced->len, ==, 2);
}

static void
test_many_overdue (Fixture       *f,
                   gconstpointer  data)
{
  SpDate today = sp_date_today ();

  sp_deadline_notifier_set_mine (f->notifier, NULL, f->unit, FALSE);
  SP_TEST_WAIT (f->checks == 1, 30);
  g_assert_cmpuint (f->announced->len, ==, 0);

  /* Eight at once: five one by one, then one for the other three. */
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *subject = g_strdup_printf ("Ärende %u", i);
      g_autofree char *id = add_case (f, subject, today - 4);
    }
  check_and_wait (f);
  g_assert_cmpuint (f->announced->len, ==, 7);
  g_assert_cmpstr (nth (f, 0)->id, ==, SP_NOTIFICATION_SUMMARY);
  g_assert_cmpstr (nth (f, 0)->body, ==, "8 cases are overdue.");
  for (guint i = 1; i <= 5; i++)
    g_assert_nonnull (nth (f, i)->case_id);
  g_assert_cmpstr (nth (f, 6)->title, ==, "3 more cases have become overdue");
  g_assert_null (nth (f, 6)->case_id);
}

static void
test_other_unit (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *overdue = add_case (f, "Bemötande", sp_date_today () - 4);
  g_autofree char *other = g_uuid_string_random ();

  sp_deadline_notifier_set_mine (f->notifier, "someone", other, TRUE);
  SP_TEST_WAIT (f->checks == 1, 30);
  g_assert_cmpuint (f->announced->len, ==, 0);
}

static char *
add_provider (Fixture        *f,
              const char     *name,
              SpContractForm  form,
              const char     *administration)
{
  g_autoptr(SpProvider) provider = sp_provider_new ();

  provider->name = g_strdup (name);
  provider->contract_form = form;
  provider->responsible_administration = g_strdup (administration);
  g_assert_true (sp_store_save (f->store, SP_ENTITY (provider), SP_SAVE_DEFAULT, NULL, NULL));
  return g_strdup (SP_ENTITY (provider)->id);
}

/* A case about @provider_id flagged as a contract breach, and its contract
 * issue with a correction asked for by @due_on (saved today). */
static char *
add_contract_issue (Fixture    *f,
                    const char *provider_id,
                    SpDate      due_on,
                    char      **case_id)
{
  g_autoptr(SpCase) kase = sp_case_new ();
  g_autoptr(SpContractIssue) issue = sp_contract_issue_new ();
  g_autoptr(SpContractIssue) stored = NULL;
  g_autoptr(GError) error = NULL;

  kase->kind = SP_CASE_KIND_COMPLAINT;
  kase->channel = SP_CHANNEL_LETTER;
  kase->received_on = sp_date_today ();
  kase->subject = g_strdup ("Insatser uteblev");
  kase->description = g_strdup ("Hemtjänsten kom inte");
  kase->sender_anonymous = TRUE;
  kase->concerns = SP_CONCERNS_PROVIDER;
  kase->provider_id = g_strdup (provider_id);
  kase->contract_breach = TRUE;
  g_assert_true (sp_store_create_case (f->store, kase, &registrar, &error));
  g_assert_no_error (error);

  issue->case_id = g_strdup (SP_ENTITY (kase)->id);
  issue->breach = g_strdup ("Insatser har uteblivit");
  g_assert_true (sp_store_save_contract_issue (f->store, issue, SP_SAVE_DEFAULT, &buyer, &error));
  g_assert_no_error (error);
  stored = sp_store_load (f->store, SP_TYPE_CONTRACT_ISSUE, SP_ENTITY (issue)->id, &error);
  stored->status = SP_CONTRACT_ISSUE_CORRECTION_REQUESTED;
  stored->correction_requested_on = sp_date_today ();
  stored->correction_due_on = due_on;
  stored->correction_request = g_strdup ("Vi begär rättelse.");
  g_assert_true (sp_store_save_contract_issue (f->store, stored, SP_SAVE_CHECK_REV, &buyer, &error));
  g_assert_no_error (error);
  *case_id = g_strdup (SP_ENTITY (kase)->id);
  return g_strdup (SP_ENTITY (issue)->id);
}

static void
set_follow_up (Fixture    *f,
               const char *case_id,
               SpDate      follow_up_on)
{
  g_autoptr(SpInvestigation) inv = sp_investigation_new ();
  g_autoptr(GError) error = NULL;

  inv->case_id = g_strdup (case_id);
  inv->facts = g_strdup ("Maten kom kall.");
  inv->follow_up_on = follow_up_on;
  sp_store_save_investigation (f->store, inv, SP_SAVE_DEFAULT, &manager, &error);
  g_assert_no_error (error);
}

static void
restart (Fixture  *f,
         gboolean  procurement)
{
  g_clear_object (&f->notifier);
  f->notifier = sp_deadline_notifier_new (f->application, f->worker, f->settings);
  g_signal_connect (f->notifier, "announced", G_CALLBACK (on_announced), f);
  g_signal_connect (f->notifier, "checked", G_CALLBACK (on_checked), f);
  {
    guint before = f->checks;

    sp_deadline_notifier_set_mine (f->notifier, NULL, f->unit, procurement);
    SP_TEST_WAIT (f->checks > before, 30);
  }
}

/* Days go by (SYNPUNKT_TODAY moves on): a provider's account that procurement
 * asked for becomes late, a follow-up date comes; each is announced once,
 * and opens what it is about. */
static void
test_each_kind (Fixture       *f,
                gconstpointer  data)
{
  SpDate today = sp_date_today ();
  g_autofree char *ours = add_provider (f, "Omsorgshuset AB", SP_CONTRACT_FORM_CONTRACTED_OPERATION,
                                        NULL);
  g_autofree char *theirs = add_provider (f, "Valfrihetsvård AB", SP_CONTRACT_FORM_CHOICE_SYSTEM,
                                          "Äldreförvaltningen");
  g_autofree char *issue_case = NULL;
  g_autofree char *other_case = NULL;
  g_autofree char *issue = add_contract_issue (f, ours, today + 2, &issue_case);
  g_autofree char *other_issue = add_contract_issue (f, theirs, today + 2, &other_case);
  g_autofree char *followed = add_case (f, "Maten på boendet", today + 14);
  g_autofree char *later = add_case (f, "Bemötande", today + 14);
  g_autofree char *opens_issue = NULL;
  g_autofree char *opens_case = NULL;
  char due[11];
  char next_day[11];
  char days_on[11];
  g_autofree char *account_body = NULL;

  set_follow_up (f, followed, today + 3);
  set_follow_up (f, later, today + 10);

  /* The first look: nothing is late, nothing has come. */
  restart (f, TRUE);
  g_assert_cmpuint (f->announced->len, ==, 0);

  /* Six days on: the account asked for is two days late, the first
   * follow-up date has come. */
  sp_date_format (today + 6, days_on);
  g_setenv ("SYNPUNKT_TODAY", days_on, TRUE);
  check_and_wait (f);
  g_assert_cmpuint (f->announced->len, ==, 3);

  g_assert_cmpstr (nth (f, 0)->id, ==, SP_NOTIFICATION_SUMMARY);
  g_assert_cmpstr (nth (f, 0)->body, ==, "1 provider’s account is overdue.");
  g_assert_cmpstr (nth (f, 0)->action, ==, "app.activate");

  sp_date_format (today + 2, due);
  account_body = g_strdup_printf ("Omsorgshuset AB: the account was due on %s.", due);
  g_assert_cmpstr (nth (f, 1)->title, ==, "A provider’s account is overdue");
  g_assert_cmpstr (nth (f, 1)->body, ==, account_body);
  g_assert_cmpstr (nth (f, 1)->id + strlen (SP_NOTIFICATION_ACCOUNT_PREFIX), ==, issue);
  g_assert_true (g_str_has_prefix (nth (f, 1)->id, SP_NOTIFICATION_ACCOUNT_PREFIX));
  g_assert_cmpstr (nth (f, 1)->case_id, ==, issue_case);
  opens_issue = g_strdup_printf ("app.show-contract-issue::%s", issue);
  g_assert_cmpstr (nth (f, 1)->action, ==, opens_issue);

  g_assert_cmpstr (nth (f, 2)->title, ==, "A follow-up date has come");
  g_assert_cmpstr (nth (f, 2)->body, ==, "Maten på boendet");
  g_assert_true (g_str_has_prefix (nth (f, 2)->id, SP_NOTIFICATION_FOLLOW_UP_PREFIX));
  g_assert_cmpstr (nth (f, 2)->case_id, ==, followed);
  opens_case = g_strdup_printf ("app.show-case::%s", followed);
  g_assert_cmpstr (nth (f, 2)->action, ==, opens_case);

  /* Looked at again and after a restart, the same day: nothing again. */
  check_and_wait (f);
  restart (f, TRUE);
  g_assert_cmpuint (f->announced->len, ==, 3);

  /* The next day: the summary again (still late), nothing else. */
  sp_date_format (today + 7, next_day);
  g_setenv ("SYNPUNKT_TODAY", next_day, TRUE);
  check_and_wait (f);
  g_assert_cmpuint (f->announced->len, ==, 4);
  g_assert_cmpstr (nth (f, 3)->id, ==, SP_NOTIFICATION_SUMMARY);

  /* The second follow-up date comes; a restart repeats nothing. */
  sp_date_format (today + 10, days_on);
  g_setenv ("SYNPUNKT_TODAY", days_on, TRUE);
  restart (f, TRUE);
  g_assert_cmpuint (f->announced->len, ==, 6);
  g_assert_cmpstr (nth (f, 4)->id, ==, SP_NOTIFICATION_SUMMARY);
  g_assert_cmpstr (nth (f, 5)->case_id, ==, later);
  g_assert_cmpstr (nth (f, 5)->title, ==, "A follow-up date has come");
  restart (f, TRUE);
  g_assert_cmpuint (f->announced->len, ==, 6);

  /* The issue routed to another administration was never announced:
   * it is not procurement's own. */
  for (guint i = 0; i < f->announced->len; i++)
    g_assert_cmpstr (nth (f, i)->case_id, !=, other_case);
  g_assert_nonnull (other_issue);
  g_setenv ("SYNPUNKT_TODAY", TODAY, TRUE);
}

/* A unit manager (not procurement) hears of no provider's account. */
static void
test_accounts_are_procurements (Fixture       *f,
                                gconstpointer  data)
{
  SpDate today = sp_date_today ();
  g_autofree char *ours = add_provider (f, "Omsorgshuset AB", SP_CONTRACT_FORM_CONTRACTED_OPERATION,
                                        NULL);
  g_autofree char *issue_case = NULL;
  g_autofree char *issue = add_contract_issue (f, ours, today + 2, &issue_case);
  char days_on[11];

  restart (f, FALSE);
  sp_date_format (today + 6, days_on);
  g_setenv ("SYNPUNKT_TODAY", days_on, TRUE);
  check_and_wait (f);
  g_assert_cmpuint (f->announced->len, ==, 0);
  g_setenv ("SYNPUNKT_TODAY", TODAY, TRUE);
}

int
main (int argc, char *argv[])
{
  g_setenv ("SYNPUNKT_TODAY", TODAY, TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/notifications/each-once", Fixture, NULL,
              fixture_set_up, test_each_once, fixture_tear_down);
  g_test_add ("/notifications/many-overdue", Fixture, NULL,
              fixture_set_up, test_many_overdue, fixture_tear_down);
  g_test_add ("/notifications/each-kind", Fixture, NULL,
              fixture_set_up, test_each_kind, fixture_tear_down);
  g_test_add ("/notifications/accounts-are-procurements", Fixture, NULL,
              fixture_set_up, test_accounts_are_procurements, fixture_tear_down);
  g_test_add ("/notifications/other-unit", Fixture, NULL,
              fixture_set_up, test_other_unit, fixture_tear_down);
  return g_test_run ();
}
