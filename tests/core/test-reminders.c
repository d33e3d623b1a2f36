/* test-reminders.c: which of a user's deadlines are announced, and once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-test-util.h"

/* A Tuesday with no holiday near: a case received 14 days before a date is
 * due on that date. */
#define TODAY sp_date_new (2026, 3, 10)

typedef struct
{
  char    *dir;
  SpStore *store;
  char    *unit;
  char    *other_unit;
} Fixture;

static const SpActor registrar = { "reg", "Registrar", SP_ROLE_BIT (SP_ROLE_REGISTRAR) };

static char *
add_case (Fixture    *f,
          const char *subject,
          const char *unit_id,
          SpDate      due_on,
          SpStatus    status)
{
  g_autoptr(SpCase) kase = sp_test_case_new (subject, unit_id);
  g_autoptr(GError) error = NULL;

  kase->received_on = due_on - 14;
  g_assert_true (sp_store_create_case (f->store, kase, &registrar, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kase->due_on, ==, due_on);
  if (status != SP_STATUS_RECEIVED)
    {
      kase->status = status;
      g_assert_true (sp_store_update_case (f->store, kase, NULL, FALSE, NULL));
    }
  return g_strdup (SP_ENTITY (kase)->id);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SpUnit) unit = sp_unit_new ();
  g_autoptr(SpUnit) other = sp_unit_new ();

  f->store = sp_test_store_new (&f->dir);
  unit->name = g_strdup ("Hemtjänsten Vällingby");
  other->name = g_strdup ("Förskolan Solen");
  g_assert_true (sp_store_save (f->store, SP_ENTITY (unit), 0, NULL, NULL));
  g_assert_true (sp_store_save (f->store, SP_ENTITY (other), 0, NULL, NULL));
  f->unit = g_strdup (SP_ENTITY (unit)->id);
  f->other_unit = g_strdup (SP_ENTITY (other)->id);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sp_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->unit);
  g_free (f->other_unit);
}

static SpReminders *
take (Fixture *f,
      SpDate   today)
{
  g_autoptr(GError) error = NULL;
  SpReminders *reminders = sp_store_take_reminders (f->store, NULL, f->unit, FALSE, today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reminders);
  return reminders;
}

static void
assert_newly (SpReminders *r,
              const char  *first_id,
              guint        len)
{
  g_assert_cmpuint (r->newly_overdue->len, ==, len);
  if (first_id != NULL)
    g_assert_cmpstr (SP_ENTITY (g_ptr_array_index (r->newly_overdue, 0))->id, ==, first_id);
}

static void
test_announced_once (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *tomorrow = add_case (f, "Maten", f->unit, TODAY + 1, SP_STATUS_ASSIGNED);
  g_autofree char *overdue = add_case (f, "Bemötande", f->unit, TODAY - 4, SP_STATUS_INVESTIGATING);
  g_autofree char *others = add_case (f, "Lekplatsen", f->other_unit, TODAY - 4, SP_STATUS_ASSIGNED);
  g_autofree char *closed = add_case (f, "Avgiften", f->unit, TODAY - 4, SP_STATUS_CLOSED);
  g_autofree char *later = add_case (f, "Trappan", f->unit, TODAY + 8, SP_STATUS_ASSIGNED);
  g_autofree char *fresh = NULL;
  g_autoptr(SpReminders) first = take (f, TODAY);
  g_autoptr(SpReminders) again = NULL;
  g_autoptr(SpReminders) newer = NULL;
  g_autoptr(SpReminders) day_after = NULL;
  g_autoptr(SpReminders) two_days_on = NULL;

  /* The first look ever: the summary tells of what is overdue already. */
  g_assert_true (first->summary);
  g_assert_cmpint (first->due_tomorrow, ==, 1);
  g_assert_cmpint (first->overdue, ==, 1);
  assert_newly (first, NULL, 0);

  /* The same day again: no summary, nothing new, the same counts. */
  again = take (f, TODAY);
  g_assert_false (again->summary);
  assert_newly (again, NULL, 0);
  g_assert_cmpint (again->overdue, ==, 1);

  /* A case that becomes overdue is announced once. */
  fresh = add_case (f, "Hemtjänstens tider", f->unit, TODAY - 1, SP_STATUS_ASSIGNED);
  newer = take (f, TODAY);
  g_assert_false (newer->summary);
  assert_newly (newer, fresh, 1);
  g_assert_cmpint (newer->overdue, ==, 2);

  /* On its due date the case is neither; the next morning's summary says
   * so; the day after, it is overdue and announced. */
  day_after = take (f, TODAY + 1);
  g_assert_true (day_after->summary);
  g_assert_cmpint (day_after->due_tomorrow, ==, 0);
  assert_newly (day_after, NULL, 0);
  two_days_on = take (f, TODAY + 2);
  assert_newly (two_days_on, tomorrow, 1);
  g_assert_cmpint (two_days_on->overdue, ==, 3);
}

static void
test_moved_deadline (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *id = add_case (f, "Maten", f->unit, TODAY - 4, SP_STATUS_ASSIGNED);
  g_autoptr(SpReminders) first = take (f, TODAY - 7);
  g_autoptr(SpReminders) overdue = take (f, TODAY);
  g_autoptr(SpReminders) moved = NULL;
  g_autoptr(SpReminders) overdue_again = NULL;
  g_autoptr(SpCase) kase = NULL;

  assert_newly (first, NULL, 0);
  assert_newly (overdue, id, 1);

  /* An authority gives it a later date: it leaves the list and is
   * forgotten; overdue again, it is announced again. */
  kase = SP_CASE (sp_store_load (f->store, SP_TYPE_CASE, id, NULL));
  kase->given_due_on = TODAY + 3;
  g_assert_true (sp_store_update_case (f->store, kase, NULL, FALSE, NULL));
  moved = take (f, TODAY);
  assert_newly (moved, NULL, 0);
  g_assert_cmpint (moved->overdue, ==, 0);
  overdue_again = take (f, TODAY + 4);
  assert_newly (overdue_again, id, 1);
}

static void
test_nobody (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = add_case (f, "Maten", f->unit, TODAY - 4, SP_STATUS_ASSIGNED);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpReminders) none = sp_store_take_reminders (f->store, NULL, NULL, FALSE, TODAY, &error);

  g_assert_no_error (error);
  g_assert_false (none->summary);
  g_assert_cmpuint (none->newly_overdue->len, ==, 0);
  g_assert_cmpint (none->overdue, ==, 0);
}

static void
follow_up (Fixture    *f,
           const char *case_id,
           const char *investigating_unit,
           SpDate      on)
{
  static const SpActor manager = { "boss", "Enhetschef", SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) };
  g_autoptr(SpInvestigation) inv = sp_investigation_new ();
  g_autoptr(GError) error = NULL;

  inv->case_id = g_strdup (case_id);
  inv->investigating_unit_id = g_strdup (investigating_unit);
  inv->facts = g_strdup ("Det som beskrivs stämmer.");
  inv->follow_up_on = on;
  sp_store_save_investigation (f->store, inv, SP_SAVE_DEFAULT, &manager, &error);
  g_assert_no_error (error);
}

static gboolean
followed_up (SpReminders *r,
             const char  *case_id)
{
  for (guint i = 0; i < r->newly_followed_up->len; i++)
    if (g_str_equal (SP_ENTITY (g_ptr_array_index (r->newly_followed_up, i))->id, case_id))
      return TRUE;
  return FALSE;
}

/* A follow-up date is announced once, when it comes: on the first look
 * ever only today's, not those long past; also for a case of another unit
 * that mine investigates (jäv), never for another unit's own. */
static void
test_follow_ups (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *past = add_case (f, "Maten", f->unit, TODAY + 10, SP_STATUS_INVESTIGATING);
  g_autofree char *today = add_case (f, "Bemötande", f->unit, TODAY + 10, SP_STATUS_CLOSED);
  g_autofree char *ours = add_case (f, "Lekplatsen", f->other_unit, TODAY + 10, SP_STATUS_ASSIGNED);
  g_autofree char *theirs = add_case (f, "Trappan", f->other_unit, TODAY + 10, SP_STATUS_ASSIGNED);
  g_autoptr(SpReminders) first = NULL;
  g_autoptr(SpReminders) again = NULL;
  g_autoptr(SpReminders) next = NULL;
  g_autoptr(SpReminders) later = NULL;

  follow_up (f, past, NULL, TODAY - 3);
  follow_up (f, today, NULL, TODAY);
  follow_up (f, ours, f->unit, TODAY + 1);
  follow_up (f, theirs, NULL, TODAY + 1);

  first = take (f, TODAY);
  g_assert_cmpuint (first->newly_followed_up->len, ==, 1);
  g_assert_true (followed_up (first, today));
  g_assert_false (first->summary);

  again = take (f, TODAY);
  g_assert_cmpuint (again->newly_followed_up->len, ==, 0);

  next = take (f, TODAY + 1);
  g_assert_cmpuint (next->newly_followed_up->len, ==, 1);
  g_assert_true (followed_up (next, ours));
  g_assert_false (followed_up (next, theirs));

  later = take (f, TODAY + 5);
  g_assert_cmpuint (later->newly_followed_up->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/reminders/announced-once", Fixture, NULL,
              fixture_set_up, test_announced_once, fixture_tear_down);
  g_test_add ("/reminders/moved-deadline", Fixture, NULL,
              fixture_set_up, test_moved_deadline, fixture_tear_down);
  g_test_add ("/reminders/follow-ups", Fixture, NULL,
              fixture_set_up, test_follow_ups, fixture_tear_down);
  g_test_add ("/reminders/nobody", Fixture, NULL,
              fixture_set_up, test_nobody, fixture_tear_down);
  return g_test_run ();
}
