/* test-forwarding.c: the case sent to its unit with the department's
 * contact in copy, and the account asked of a provider or another
 * district with a last date and recorded when it comes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-util.h"

static const SpActor registrar = { "reg-1", "Rita Registrator", SP_ROLE_BIT (SP_ROLE_REGISTRAR) };
static const SpActor staff = { "staff-1", "Sara Medarbetare", SP_ROLE_BIT (SP_ROLE_STAFF) };
static const SpActor officer = { "off-1", "Hanna Handläggare", SP_ROLE_BIT (SP_ROLE_CASE_OFFICER) };

typedef struct
{
  char    *dir;
  SpStore *store;
  char    *administration;
  char    *department;
  char    *unit;
  char    *quiet_unit;    /* in a department that names no contact */
  char    *provider;
} Fixture;

static char *
add_unit (Fixture    *f,
          const char *name,
          SpUnitKind  kind,
          const char *parent,
          const char *contact)
{
  g_autoptr(SpUnit) unit = sp_unit_new ();
  g_autoptr(GError) error = NULL;

  unit->name = g_strdup (name);
  unit->kind = kind;
  unit->parent_id = g_strdup (parent);
  unit->contact_name = g_strdup (contact);
  g_assert_true (sp_store_save (f->store, SP_ENTITY (unit), SP_SAVE_DEFAULT, "admin", &error));
  g_assert_no_error (error);
  return g_strdup (SP_ENTITY (unit)->id);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SpProvider) provider = sp_provider_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *quiet = NULL;

  f->store = sp_test_store_new (&f->dir);
  f->administration = add_unit (f, "Stadsdelsförvaltningen", SP_UNIT_KIND_ADMINISTRATION, NULL, NULL);
  f->department = add_unit (f, "Äldreomsorg", SP_UNIT_KIND_DEPARTMENT, f->administration, "Karin Kontakt");
  f->unit = add_unit (f, "Hemtjänsten Vällingby", SP_UNIT_KIND_UNIT, f->department, NULL);
  quiet = add_unit (f, "Förskola", SP_UNIT_KIND_DEPARTMENT, f->administration, NULL);
  f->quiet_unit = add_unit (f, "Förskolan Solen", SP_UNIT_KIND_UNIT, quiet, NULL);
  provider->name = g_strdup ("Omsorg AB");
  g_assert_true (sp_store_save (f->store, SP_ENTITY (provider), SP_SAVE_DEFAULT, "admin", &error));
  g_assert_no_error (error);
  f->provider = g_strdup (SP_ENTITY (provider)->id);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sp_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->administration);
  g_free (f->department);
  g_free (f->unit);
  g_free (f->quiet_unit);
  g_free (f->provider);
}

static SpCase *
new_case (Fixture  *f,
          gboolean  registered)
{
  g_autoptr(GError) error = NULL;
  SpCase *kase = sp_test_case_new ("Maten var kall", NULL);

  g_assert_true (sp_store_create_case (f->store, kase, &staff, &error));
  if (registered)
    g_assert_true (sp_store_transition_case (f->store, kase, SP_STATUS_REGISTERED, &registrar, &error));
  g_assert_no_error (error);
  return kase;
}

static guint
count_notes (Fixture    *f,
             SpCase     *kase,
             const char *field,
             const char *value)
{
  g_autoptr(GPtrArray) events = sp_store_get_case_events (f->store, SP_ENTITY (kase)->id, NULL);
  guint n = 0;

  for (guint i = 0; i < events->len; i++)
    {
      SpCaseEvent *e = events->pdata[i];

      if (e->kind == SP_EVENT_NOTE && g_strcmp0 (e->field, field) == 0 &&
          (value == NULL || g_strcmp0 (e->new_value, value) == 0))
        n++;
    }
  return n;
}

static void
test_assign (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SpCase) kase = new_case (f, TRUE);
  g_autoptr(SpCase) waiting = new_case (f, FALSE);
  g_autoptr(SpCase) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *unknown = g_uuid_string_random ();
  const char *id = SP_ENTITY (kase)->id;

  /* Bad units: nothing is saved. */
  g_assert_false (sp_store_assign_to_unit (f->store, id, unknown, &registrar, &copy, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  g_assert_cmpstr (sp_error_get_field (error), ==, "unit_id");
  g_clear_error (&error);
  g_assert_false (sp_store_assign_to_unit (f->store, id, "'; DROP TABLE cases; --", &registrar, &copy, &error));
  g_assert_cmpstr (sp_error_get_field (error), ==, "unit_id");
  g_clear_error (&error);
  g_assert_false (sp_store_assign_to_unit (f->store, id, f->administration, &registrar, &copy, &error));
  g_assert_cmpstr (sp_error_get_field (error), ==, "unit_id");
  g_clear_error (&error);
  g_assert_null (copy);

  /* R4: not to the unit before the diary, and the unit is not half-set. */
  g_assert_false (sp_store_assign_to_unit (f->store, SP_ENTITY (waiting)->id, f->unit, &registrar, &copy,
                                           &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_TRANSITION);
  g_clear_error (&error);
  stored = sp_store_get_case (f->store, SP_ENTITY (waiting)->id, &error);
  g_assert_null (stored->unit_id);
  g_assert_cmpint (stored->status, ==, SP_STATUS_RECEIVED);
  g_clear_object (&stored);

  /* R6: to the unit, the department's contact in copy, in the history. */
  g_assert_true (sp_store_assign_to_unit (f->store, id, f->unit, &registrar, &copy, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (copy, ==, "Äldreomsorg: Karin Kontakt");
  stored = sp_store_get_case (f->store, id, &error);
  g_assert_cmpstr (stored->unit_id, ==, f->unit);
  g_assert_cmpint (stored->status, ==, SP_STATUS_ASSIGNED);
  g_assert_cmpuint (count_notes (f, kase, "copy_to_department", "Äldreomsorg: Karin Kontakt"), ==, 1);
  g_clear_object (&stored);
  g_clear_pointer (&copy, g_free);

  /* Sent on to a unit whose department names nobody: said so. */
  g_assert_true (sp_store_assign_to_unit (f->store, id, f->quiet_unit, &registrar, &copy, &error));
  g_assert_no_error (error);
  g_assert_null (copy);
  g_assert_cmpuint (count_notes (f, kase, "copy_to_department_missing", "Förskola"), ==, 1);
  stored = sp_store_get_case (f->store, id, &error);
  g_assert_cmpstr (stored->unit_id, ==, f->quiet_unit);
}

static SpAccountRequest *
provider_request (Fixture *f,
                  SpCase  *kase)
{
  SpAccountRequest *r = sp_account_request_new ();

  r->case_id = g_strdup (SP_ENTITY (kase)->id);
  r->source = SP_ACCOUNT_FROM_PROVIDER;
  r->provider_id = g_strdup (f->provider);
  r->due_on = sp_date_today () + 10;
  return r;
}

static void
assert_refused (Fixture          *f,
                SpAccountRequest *r,
                const SpActor    *actor,
                GQuark            domain,
                int               code,
                const char       *field)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sp_store_save_account_request (f->store, r, SP_SAVE_DEFAULT, actor, &error));
  g_assert_error (error, domain, code);
  if (field != NULL)
    g_assert_cmpstr (sp_error_get_field (error), ==, field);
}

static void
test_account_checks (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SpCase) kase = new_case (f, TRUE);
  g_autoptr(SpAccountRequest) r = provider_request (f, kase);
  g_autoptr(GPtrArray) stored = NULL;
  g_autofree char *unknown = g_uuid_string_random ();

  assert_refused (f, r, &staff, SP_ERROR, SP_ERROR_PERMISSION, NULL);

  r->due_on = sp_date_today () - 1;
  assert_refused (f, r, &officer, SP_ERROR, SP_ERROR_INVALID, "due_on");
  r->due_on = SP_DATE_NONE;
  assert_refused (f, r, &officer, SP_ERROR, SP_ERROR_INVALID, "due_on");
  r->due_on = sp_date_today () + 10;

  g_clear_pointer (&r->provider_id, g_free);
  assert_refused (f, r, &officer, SP_ERROR, SP_ERROR_INVALID, "provider_id");
  r->provider_id = g_strdup (unknown);
  assert_refused (f, r, &officer, SP_ERROR, SP_ERROR_INVALID, "provider_id");

  r->source = SP_ACCOUNT_FROM_OTHER_DISTRICT;
  r->requested_from = g_strdup ("   ");
  assert_refused (f, r, &officer, SP_ERROR, SP_ERROR_INVALID, "requested_from");
  g_free (r->requested_from);
  r->requested_from = g_strdup ("Östermalm, försörjningsstöd: \xff");
  assert_refused (f, r, &officer, SP_ERROR, SP_ERROR_INVALID, "requested_from");

  /* An account before its date. */
  g_free (r->requested_from);
  r->requested_from = g_strdup ("Östermalm, enhetschef försörjningsstöd");
  r->account = g_strdup ("Vi har pratat med personalen.");
  assert_refused (f, r, &officer, SP_ERROR, SP_ERROR_INVALID, "received_on");

  g_clear_pointer (&r->case_id, g_free);
  r->case_id = g_uuid_string_random ();
  assert_refused (f, r, &officer, SP_ERROR, SP_ERROR_NOT_FOUND, "case_id");

  /* Nothing half-saved. */
  stored = sp_store_get_account_requests (f->store, SP_ENTITY (kase)->id, NULL);
  g_assert_cmpuint (stored->len, ==, 0);
  g_assert_cmpuint (count_notes (f, kase, "account_requested", NULL), ==, 0);
}

static void
test_account_flow (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SpCase) kase = new_case (f, TRUE);
  g_autoptr(SpAccountRequest) r = provider_request (f, kase);
  g_autoptr(SpAccountRequest) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *due = sp_date_to_string (r->due_on);
  g_autofree char *asked = g_strdup_printf ("provider: Omsorg AB, %s", due);
  g_autofree char *today = sp_date_to_string (sp_date_today ());
  g_autofree char *came = g_strdup_printf ("%s, phone", today);

  /* R17/R18: the case officer asks the provider, with a last date. */
  r->requested_on = sp_date_new (2001, 1, 1);
  g_assert_true (sp_store_save_account_request (f->store, r, SP_SAVE_DEFAULT, &officer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r->requested_on, ==, sp_date_today ());
  g_assert_cmpstr (r->requested_by, ==, "Hanna Handläggare");
  g_assert_cmpuint (count_notes (f, kase, "account_requested", asked), ==, 1);
  g_assert_false (sp_account_request_is_overdue (r, sp_date_today ()));
  g_assert_true (sp_account_request_is_overdue (r, r->due_on + 1));

  /* The account comes by phone: a date, and what was said noted. */
  r->received_on = sp_date_today () + 1;
  r->received_method = SP_ACCOUNT_METHOD_PHONE;
  assert_refused (f, r, &registrar, SP_ERROR, SP_ERROR_INVALID, "received_on");
  r->received_on = sp_date_today ();
  assert_refused (f, r, &registrar, SP_ERROR, SP_ERROR_INVALID, "account");
  r->account = g_strdup ("Utföraren har bytt rutin för matleveranser; Greta Svensson fick ursäkt.");
  g_assert_true (sp_store_save_account_request (f->store, r, SP_SAVE_DEFAULT, &registrar, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (r->recorded_by, ==, "Rita Registrator");
  g_assert_cmpuint (count_notes (f, kase, "account_received", came), ==, 1);
  g_assert_false (sp_account_request_is_overdue (r, r->due_on + 1));

  /* Its text is kept with the request, never in the history. */
  {
    g_autoptr(GPtrArray) events = sp_store_get_case_events (f->store, SP_ENTITY (kase)->id, NULL);

    for (guint i = 0; i < events->len; i++)
      {
        SpCaseEvent *e = events->pdata[i];

        g_assert_null (e->new_value ? strstr (e->new_value, "Greta") : NULL);
      }
  }
  stored = sp_store_load (f->store, SP_TYPE_ACCOUNT_REQUEST, SP_ENTITY (r)->id, &error);
  g_assert_cmpstr (stored->account, ==, r->account);
  g_assert_cmpstr (stored->requested_by, ==, "Hanna Handläggare");

  /* Recorded stays recorded. */
  stored->received_on = SP_DATE_NONE;
  stored->received_method = SP_ACCOUNT_METHOD_NONE;
  g_clear_pointer (&stored->account, g_free);
  assert_refused (f, stored, &registrar, SP_ERROR, SP_ERROR_INVALID, "received_on");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/forwarding/assign", Fixture, NULL, fixture_set_up, test_assign, fixture_tear_down);
  g_test_add ("/forwarding/account-checks", Fixture, NULL, fixture_set_up, test_account_checks,
              fixture_tear_down);
  g_test_add ("/forwarding/account-flow", Fixture, NULL, fixture_set_up, test_account_flow,
              fixture_tear_down);
  return g_test_run ();
}
