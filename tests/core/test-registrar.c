/* test-registrar.c: secrecy markings and disclosure requests in core and
 * the store: the checks, the history, who may
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-util.h"

static const SpActor registrar = { "reg-1", "Rita Registrator", SP_ROLE_BIT (SP_ROLE_REGISTRAR) };
static const SpActor staff = { "staff-1", "Sara Medarbetare", SP_ROLE_BIT (SP_ROLE_STAFF) };
static const SpActor manager = { "mgr-1", "Mats Chef", SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) };

static SpCase *
registered_case (SpStore *store)
{
  g_autoptr(GError) error = NULL;
  SpCase *kase = sp_test_case_new ("Bemötandet i hemtjänsten", NULL);

  g_free (kase->description);
  kase->description = g_strdup ("Min mamma Greta Svensson på Solgården fick fel medicin.");
  g_assert_true (sp_store_create_case (store, kase, &staff, &error));
  g_assert_true (sp_store_transition_case (store, kase, SP_STATUS_REGISTERED, &registrar, &error));
  g_assert_no_error (error);
  return kase;
}

static SpSecrecyMarking *
marking_for (SpCase        *kase,
             SpSecrecyPart  part)
{
  SpSecrecyMarking *m = sp_secrecy_marking_new ();

  m->case_id = g_strdup (SP_ENTITY (kase)->id);
  m->part = part;
  m->provision = g_strdup ("OSL 26 kap. 1 §");
  m->reason = g_strdup ("Uppgifter om enskildas hälsa och personliga förhållanden");
  m->expires_on = sp_date_today () + 365 * 70;
  return m;
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *field)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_str_equal (((SpProblem *) problems->pdata[i])->field, field))
      return TRUE;
  return FALSE;
}

static guint
count_notes (SpStore    *store,
             SpCase     *kase,
             const char *field)
{
  g_autoptr(GPtrArray) events = sp_store_get_case_events (store, SP_ENTITY (kase)->id, NULL);
  guint n = 0;

  for (guint i = 0; i < events->len; i++)
    {
      SpCaseEvent *e = events->pdata[i];

      if (e->kind == SP_EVENT_NOTE && g_strcmp0 (e->field, field) == 0)
        n++;
    }
  return n;
}

/* Nothing of the secret text may reach the history. */
static void
assert_history_lacks (SpStore    *store,
                      SpCase     *kase,
                      const char *text)
{
  g_autoptr(GPtrArray) events = sp_store_get_case_events (store, SP_ENTITY (kase)->id, NULL);

  for (guint i = 0; i < events->len; i++)
    {
      SpCaseEvent *e = events->pdata[i];

      if (e->kind != SP_EVENT_NOTE)
        continue;
      g_assert_null (e->new_value ? strstr (e->new_value, text) : NULL);
      g_assert_null (e->old_value ? strstr (e->old_value, text) : NULL);
    }
}

static void
test_provisions (void)
{
  const char * const *shipped = sp_secrecy_default_provisions ();
  static const char * const wanted[] = {
    "OSL 26 kap. 1 §", "OSL 25 kap. 1 §", "OSL 23 kap. 2 §", "OSL 39 kap. 3 §", "OSL 21 kap. 3 §",
  };
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_auto(GStrv) configured = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    g_assert_true (sp_secrecy_provision_is_known (wanted[i], shipped));
  g_assert_false (sp_secrecy_provision_is_known ("OSL 99 kap. 1 §", shipped));
  g_assert_false (sp_secrecy_provision_is_known ("", shipped));
  /* The whole entry names the same provision as its reference. */
  g_assert_true (sp_secrecy_provision_is_known (shipped[0], shipped));

  /* The administrator's list replaces the shipped one. */
  configured = sp_store_dup_secrecy_provisions (store);
  g_assert_cmpuint (g_strv_length (configured), ==, g_strv_length ((char **) shipped));
  g_clear_pointer (&configured, g_strfreev);
  g_assert_true (sp_store_set_setting (store, "secrecy.provisions",
                                       "OSL 26 kap. 1 § — socialtjänst\n\nOSL 40 kap. 5 § — annat\n",
                                       &error));
  configured = sp_store_dup_secrecy_provisions (store);
  g_assert_cmpuint (g_strv_length (configured), ==, 2);
  g_assert_true (sp_secrecy_provision_is_known ("OSL 40 kap. 5 §", (const char * const *) configured));
  g_assert_false (sp_secrecy_provision_is_known ("OSL 25 kap. 1 §", (const char * const *) configured));
}

static void
test_marking_checks (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpCase) kase = registered_case (store);
  SpDate today = sp_date_today ();

  {
    g_autoptr(SpSecrecyMarking) m = marking_for (kase, SP_SECRECY_PART_DESCRIPTION);
    g_autoptr(GPtrArray) problems = sp_secrecy_marking_check (m, NULL, today);

    g_assert_cmpuint (problems->len, ==, 0);
  }
  {
    g_autoptr(SpSecrecyMarking) m = marking_for (kase, SP_SECRECY_PART_DESCRIPTION);
    g_autoptr(GPtrArray) problems = NULL;

    g_clear_pointer (&m->provision, g_free);
    g_clear_pointer (&m->reason, g_free);
    m->expires_on = today - 1;
    problems = sp_secrecy_marking_check (m, NULL, today);
    g_assert_true (has_problem (problems, "provision"));
    g_assert_true (has_problem (problems, "reason"));
    g_assert_true (has_problem (problems, "expires_on"));
  }
  {
    g_autoptr(SpSecrecyMarking) m = marking_for (kase, SP_SECRECY_PART_LETTER);
    g_autoptr(GPtrArray) problems = NULL;

    g_free (m->provision);
    m->provision = g_strdup ("OSL 1 kap. 1 §'; DROP TABLE cases; --");
    problems = sp_secrecy_marking_check (m, NULL, today);
    g_assert_true (has_problem (problems, "provision"));
    g_assert_true (has_problem (problems, "part_id"));
  }

  /* The store refuses the same, names the field and saves nothing. */
  {
    g_autoptr(SpSecrecyMarking) m = marking_for (kase, SP_SECRECY_PART_DESCRIPTION);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) markings = NULL;

    m->expires_on = today - 30;
    g_assert_false (sp_store_save_secrecy_marking (store, m, SP_SAVE_DEFAULT, &registrar, &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
    g_assert_cmpstr (sp_error_get_field (error), ==, "expires_on");
    markings = sp_store_get_secrecy_markings (store, SP_ENTITY (kase)->id, NULL);
    g_assert_cmpuint (markings->len, ==, 0);
    g_assert_cmpuint (count_notes (store, kase, "secrecy_marked"), ==, 0);
  }

  /* Only the registrar marks. */
  {
    g_autoptr(SpSecrecyMarking) m = marking_for (kase, SP_SECRECY_PART_DESCRIPTION);
    g_autoptr(GError) error = NULL;

    g_assert_false (sp_store_save_secrecy_marking (store, m, SP_SAVE_DEFAULT, &manager, &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_PERMISSION);
  }
  g_assert_true (sqlite3_get_autocommit (sp_store_get_handle (store)));
}

static void
test_marking_saved (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpCase) kase = registered_case (store);
  g_autoptr(SpSecrecyMarking) m = marking_for (kase, SP_SECRECY_PART_DESCRIPTION);
  g_autoptr(GPtrArray) markings = NULL;
  g_autoptr(GHashTable) active = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_store_save_secrecy_marking (store, m, SP_SAVE_DEFAULT, &registrar, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (m->marked_on, ==, sp_date_today ());
  g_assert_cmpstr (m->marked_by, ==, "Rita Registrator");

  markings = sp_store_get_secrecy_markings (store, SP_ENTITY (kase)->id, &error);
  g_assert_cmpuint (markings->len, ==, 1);
  active = sp_store_get_active_markings (store, &error);
  g_assert_nonnull (g_hash_table_lookup (active, SP_ENTITY (kase)->id));

  g_assert_cmpuint (count_notes (store, kase, "secrecy_marked"), ==, 1);
  assert_history_lacks (store, kase, "Greta");
  assert_history_lacks (store, kase, "hälsa");

  /* Lifted: no longer in force, and in the history. */
  m->lifted_on = sp_date_today ();
  g_assert_true (sp_store_save_secrecy_marking (store, m, SP_SAVE_DEFAULT, &registrar, &error));
  g_assert_no_error (error);
  g_clear_pointer (&active, g_hash_table_unref);
  active = sp_store_get_active_markings (store, &error);
  g_assert_null (g_hash_table_lookup (active, SP_ENTITY (kase)->id));
  g_assert_cmpuint (count_notes (store, kase, "secrecy_lifted"), ==, 1);
}

static SpDisclosureRequest *
request_for (SpCase *kase)
{
  SpDisclosureRequest *r = sp_disclosure_request_new ();

  r->case_id = g_strdup (SP_ENTITY (kase)->id);
  r->requested_on = sp_date_today ();
  r->requester_anonymous = TRUE;
  r->requested_what = g_strdup ("Hela ärendet");
  return r;
}

static void
test_disclosure_checks (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpCase) kase = registered_case (store);
  SpDate today = sp_date_today ();

  /* Anonymous is allowed; a named request needs the name. */
  {
    g_autoptr(SpDisclosureRequest) r = request_for (kase);
    g_autoptr(GPtrArray) problems = sp_disclosure_request_check (r, NULL, today);

    g_assert_cmpuint (problems->len, ==, 0);
    r->requester_anonymous = FALSE;
    g_clear_pointer (&problems, g_ptr_array_unref);
    problems = sp_disclosure_request_check (r, NULL, today);
    g_assert_true (has_problem (problems, "requester"));
  }

  /* Refusing or redacting needs a provision. */
  {
    g_autoptr(SpDisclosureRequest) r = request_for (kase);
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(GError) error = NULL;

    r->decision = SP_DISCLOSURE_REFUSE;
    problems = sp_disclosure_request_check (r, NULL, today);
    g_assert_true (has_problem (problems, "osl_provision"));

    g_assert_false (sp_store_save_disclosure_request (store, r, SP_SAVE_DEFAULT, &registrar, &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
    g_assert_cmpstr (sp_error_get_field (error), ==, "osl_provision");
    g_assert_cmpuint (count_notes (store, kase, "disclosure_requested"), ==, 0);
  }
  {
    g_autoptr(SpDisclosureRequest) r = request_for (kase);
    g_autoptr(GPtrArray) problems = NULL;

    r->review_sender = SP_REVIEW_DISCLOSE;
    r->review_description = SP_REVIEW_REDACT;
    r->review_investigation = SP_REVIEW_DISCLOSE;
    r->review_letters = SP_REVIEW_DISCLOSE;
    r->decision = SP_DISCLOSURE_DISCLOSE_REDACTED;
    problems = sp_disclosure_request_check (r, NULL, today);
    g_assert_true (has_problem (problems, "osl_provision"));
    g_assert_true (has_problem (problems, "review_description_provision"));

    /* A plain "disclose" with a part redacted is a contradiction. */
    r->decision = SP_DISCLOSURE_DISCLOSE;
    g_clear_pointer (&problems, g_ptr_array_unref);
    problems = sp_disclosure_request_check (r, NULL, today);
    g_assert_true (has_problem (problems, "decision"));

    /* Deciding before every part is reviewed. */
    r->review_description = SP_REVIEW_DISCLOSE;
    r->review_letters = SP_REVIEW_NOT_REVIEWED;
    g_clear_pointer (&problems, g_ptr_array_unref);
    problems = sp_disclosure_request_check (r, NULL, today);
    g_assert_true (has_problem (problems, "decision"));

    /* In the future. */
    r->decision = SP_DISCLOSURE_PENDING;
    r->requested_on = today + 1;
    g_clear_pointer (&problems, g_ptr_array_unref);
    problems = sp_disclosure_request_check (r, NULL, today);
    g_assert_true (has_problem (problems, "requested_on"));
  }
}

static void
test_disclosure_flow (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpCase) kase = registered_case (store);
  g_autoptr(SpDisclosureRequest) r = request_for (kase);
  g_autoptr(SpDisclosureRequest) stored = NULL;
  g_autoptr(GError) error = NULL;

  r->requester_anonymous = FALSE;
  r->requester = g_strdup ("Journalisten Kalle Granskare");
  r->requested_on = sp_date_today () - 2;
  g_assert_true (sp_store_save_disclosure_request (store, r, SP_SAVE_DEFAULT, &registrar, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_disclosure_request_get_age (r, sp_date_today ()), ==, 2);
  g_assert_cmpuint (count_notes (store, kase, "disclosure_requested"), ==, 1);

  /* Staff may not handle it. */
  {
    g_autoptr(GError) refused = NULL;

    g_assert_false (sp_store_save_disclosure_request (store, r, SP_SAVE_DEFAULT, &staff, &refused));
    g_assert_error (refused, SP_ERROR, SP_ERROR_PERMISSION);
  }

  /* The review, part by part, then the decision. */
  r->review_sender = SP_REVIEW_WITHHOLD;
  r->review_sender_provision = g_strdup ("OSL 26 kap. 1 §");
  r->review_description = SP_REVIEW_REDACT;
  r->review_description_provision = g_strdup ("OSL 26 kap. 1 §");
  r->review_description_passages = g_strdup ("Greta Svensson\nfel medicin");
  r->review_investigation = SP_REVIEW_DISCLOSE;
  r->review_letters = SP_REVIEW_DISCLOSE;
  g_assert_true (sp_store_save_disclosure_request (store, r, SP_SAVE_DEFAULT, &registrar, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_notes (store, kase, "review_description"), ==, 1);
  g_assert_cmpuint (count_notes (store, kase, "review_sender"), ==, 1);

  r->decision = SP_DISCLOSURE_DISCLOSE_REDACTED;
  r->osl_provision = g_strdup ("OSL 26 kap. 1 §");
  g_assert_true (sp_store_save_disclosure_request (store, r, SP_SAVE_DEFAULT, &registrar, &error));
  g_assert_no_error (error);
  stored = sp_store_load (store, SP_TYPE_DISCLOSURE_REQUEST, SP_ENTITY (r)->id, &error);
  g_assert_cmpint (stored->decision, ==, SP_DISCLOSURE_DISCLOSE_REDACTED);
  g_assert_cmpuint (stored->decided_on, ==, sp_date_today ());
  g_assert_cmpstr (stored->decided_by, ==, "Rita Registrator");
  g_assert_cmpuint (count_notes (store, kase, "disclosure_decision"), ==, 1);

  /* The history names neither who asked nor what was redacted. */
  assert_history_lacks (store, kase, "Kalle");
  assert_history_lacks (store, kase, "Greta");

  /* A decision stands. */
  {
    g_autoptr(GError) refused = NULL;

    r->decision = SP_DISCLOSURE_REFUSE;
    g_assert_false (sp_store_save_disclosure_request (store, r, SP_SAVE_DEFAULT, &registrar, &refused));
    g_assert_error (refused, SP_ERROR, SP_ERROR_CONFLICT);
  }
  g_assert_true (sqlite3_get_autocommit (sp_store_get_handle (store)));
}

/* Gallring: contact details and free text of a case closed long enough
 * ago go, from the case and its history; the diary entry stays. */
static void
test_retention (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpCase) old = registered_case (store);
  g_autoptr(SpCase) fresh = registered_case (store);
  g_autoptr(SpCase) stored = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) erased = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  SpRetentionRules rules = { 0, 0 };
  SpDate today = sp_date_today ();
  gint64 rev_before;

  /* Closed four years ago, and yesterday. */
  old->status = SP_STATUS_CLOSED;
  old->closed_on = today - 4 * 366;
  g_free (old->sender_phone);
  old->sender_phone = g_strdup ("070-123 45 67");
  g_assert_true (sp_store_update_case (store, old, &registrar, FALSE, &error));
  fresh->status = SP_STATUS_CLOSED;
  fresh->closed_on = today - 1;
  g_assert_true (sp_store_update_case (store, fresh, &registrar, FALSE, &error));
  g_assert_no_error (error);

  g_assert_true (sp_store_set_setting (store, "retention.contact_years", "3", &error));
  g_assert_true (sp_store_set_setting (store, "retention.free_text_years", "3", &error));
  sp_store_get_retention_rules (store, &rules);
  g_assert_cmpuint (rules.contact_years, ==, 3);

  /* A dry run lists and changes nothing. */
  stored = sp_store_get_case (store, SP_ENTITY (old)->id, NULL);
  rev_before = SP_ENTITY (stored)->rev;
  g_clear_object (&stored);
  listed = sp_store_run_retention (store, &rules, today, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (((SpRetentionItem *) listed->pdata[0])->case_id, ==, SP_ENTITY (old)->id);
  stored = sp_store_get_case (store, SP_ENTITY (old)->id, NULL);
  g_assert_cmpstr (stored->sender_name, ==, "Anna Andersson");
  g_assert_cmpint (SP_ENTITY (stored)->rev, ==, rev_before);
  g_clear_object (&stored);

  erased = sp_store_run_retention (store, &rules, today, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (erased->len, ==, 1);
  stored = sp_store_get_case (store, SP_ENTITY (old)->id, NULL);
  g_assert_null (stored->sender_name);
  g_assert_null (stored->sender_email);
  g_assert_null (stored->sender_phone);
  g_assert_null (stored->description);
  /* The diary entry is kept, and the change has a new revision for the feed. */
  g_assert_nonnull (stored->diary_number);
  g_assert_cmpstr (stored->subject, ==, "Bemötandet i hemtjänsten");
  g_assert_cmpint (SP_ENTITY (stored)->rev, >, rev_before);
  g_clear_object (&stored);

  /* Nor in the history. */
  events = sp_store_get_case_events (store, SP_ENTITY (old)->id, NULL);
  for (guint i = 0; i < events->len; i++)
    {
      SpCaseEvent *e = events->pdata[i];

      g_assert_null (e->old_value ? strstr (e->old_value, "070-123") : NULL);
      g_assert_null (e->new_value ? strstr (e->new_value, "070-123") : NULL);
    }
  g_assert_cmpuint (count_notes (store, old, "retention"), ==, 1);

  /* The fresh case keeps its data; a second run finds nothing. */
  stored = sp_store_get_case (store, SP_ENTITY (fresh)->id, NULL);
  g_assert_cmpstr (stored->sender_name, ==, "Anna Andersson");
  again = sp_store_run_retention (store, &rules, today, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 0);
  g_assert_true (sqlite3_get_autocommit (sp_store_get_handle (store)));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/registrar/provisions", test_provisions);
  g_test_add_func ("/registrar/marking-checks", test_marking_checks);
  g_test_add_func ("/registrar/marking-saved", test_marking_saved);
  g_test_add_func ("/registrar/disclosure-checks", test_disclosure_checks);
  g_test_add_func ("/registrar/disclosure-flow", test_disclosure_flow);
  g_test_add_func ("/registrar/retention", test_retention);

  return g_test_run ();
}
