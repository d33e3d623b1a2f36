/* test-notifications.c: the user's deadlines are announced, each once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <synpunkt-core.h>

#include "sp-deadline-notifier.h"
#include "../sp-test-dir.h"
#include "../sp-test-wait.h"

/* A Tuesday with no holiday near. */
#define TODAY "2026-03-10"

typedef struct
{
  char               *id;
  char               *title;
  char               *body;
  char               *case_id;
} Announced;

typedef struct
{
  char               *dir;
  SpStore            *store;
  SpStoreWorker      *worker;
  GApplication       *application;
  SpDeadlineNotifier *notifier;
  char               *unit;
  GPtrArray          *announced;
  guint               checks;
} Fixture;

static const SpActor registrar = { "reg", "Registrar", SP_ROLE_BIT (SP_ROLE_REGISTRAR) };

static void
announced_free (gpointer data)
{
  Announced *a = data;

  g_free (a->id);
  g_free (a->title);
  g_free (a->body);
  g_free (a->case_id);
  g_free (a);
}

static void
on_announced (SpDeadlineNotifier *notifier,
              const char         *id,
              const char         *title,
              const char         *body,
              const char         *case_id,
              Fixture            *f)
{
  Announced *a = g_new0 (Announced, 1);

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
  f->store = sp_store_open (path, &error);
  g_assert_no_error (error);
  unit->name = g_strdup ("Hemtjänsten Vällingby");
  g_assert_true (sp_store_save (f->store, SP_ENTITY (unit), 0, NULL, NULL));
  f->unit = g_strdup (SP_ENTITY (unit)->id);

  f->worker = sp_store_worker_new (path);
  f->application = g_application_new ("se.synpunkt.NotificationsTest", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (f->application, NULL, &error));
  g_assert_no_error (error);
  f->notifier = sp_deadline_notifier_new (f->application, f->worker);
  f->announced = g_ptr_array_new_with_free_func (announced_free);
  g_signal_connect (f->notifier, "announced", G_CALLBACK (on_announced), f);
  g_signal_connect (f->notifier, "checked", G_CALLBACK (on_checked), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->notifier);
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
  g_autofree char *later = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  /* Nobody's cases: nothing is looked for. */
  sp_deadline_notifier_check (f->notifier);

  sp_deadline_notifier_set_mine (f->notifier, NULL, f->unit);
  SP_TEST_WAIT (f->checks == 1, 30);
  g_assert_cmpuint (f->announced->len, ==, 2);
  g_assert_cmpstr (nth (f, 0)->id, ==, SP_NOTIFICATION_DUE_TOMORROW);
  g_assert_cmpstr (nth (f, 0)->title, ==, "A case is due tomorrow");
  g_assert_cmpstr (nth (f, 0)->body, ==, "Maten på boendet");
  g_assert_cmpstr (nth (f, 0)->case_id, ==, tomorrow);
  g_assert_cmpstr (nth (f, 1)->id, ==, SP_NOTIFICATION_OVERDUE);
  g_assert_cmpstr (nth (f, 1)->title, ==, "A case has become overdue");
  g_assert_cmpstr (nth (f, 1)->case_id, ==, overdue);

  /* Looked at again, nothing is announced twice. */
  check_and_wait (f);
  g_assert_cmpuint (f->announced->len, ==, 2);

  /* Two more due tomorrow: one notification naming both, opening neither;
   * the overdue count says how many there are in all. */
  second = add_case (f, "Trappan vid entrén", today + 1);
  third = add_case (f, "Avgiften", today - 5);
  later = add_case (f, "Lekplatsen", today + 1);
  check_and_wait (f);
  g_assert_cmpuint (f->announced->len, ==, 4);
  g_assert_cmpstr (nth (f, 2)->title, ==, "2 cases are due tomorrow");
  g_assert_nonnull (strstr (nth (f, 2)->body, "Trappan vid entrén"));
  g_assert_nonnull (strstr (nth (f, 2)->body, "Lekplatsen"));
  g_assert_null (strstr (nth (f, 2)->body, "Maten"));
  g_assert_null (nth (f, 2)->case_id);
  g_assert_cmpstr (nth (f, 3)->title, ==, "A case has become overdue");
  g_assert_cmpstr (nth (f, 3)->body, ==, "Avgiften\n2 of your cases are overdue in all.");
}

static void
test_other_unit (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *overdue = add_case (f, "Bemötande", sp_date_today () - 4);
  g_autofree char *other = g_uuid_string_random ();

  sp_deadline_notifier_set_mine (f->notifier, "someone", other);
  SP_TEST_WAIT (f->checks == 1, 30);
  g_assert_cmpuint (f->announced->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_setenv ("SYNPUNKT_TODAY", TODAY, TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/notifications/each-once", Fixture, NULL,
              fixture_set_up, test_each_once, fixture_tear_down);
  g_test_add ("/notifications/other-unit", Fixture, NULL,
              fixture_set_up, test_other_unit, fixture_tear_down);
  return g_test_run ();
}
