/* test-investigation.c: the investigation, its planned actions, letters
 * and the routine's conditions on the workflow; R21, R22 and R29
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-test-util.h"

static const SpActor registrar = { "reg-1", "Rita Registrator", SP_ROLE_BIT (SP_ROLE_REGISTRAR) };
static const SpActor manager = { "mgr-1", "Mats Chef", SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) };
static const SpActor staff = { "staff-1", "Sara Medarbetare", SP_ROLE_BIT (SP_ROLE_STAFF) };

/* A case under investigation, received on 2025-03-03. */
static SpCase *
investigated_case (SpStore    *store,
                   const char *subject)
{
  g_autoptr(GError) error = NULL;
  SpCase *kase = sp_test_case_new (subject, NULL);

  g_assert_true (sp_store_create_case (store, kase, &staff, &error));
  g_assert_true (sp_store_transition_case (store, kase, SP_STATUS_REGISTERED, &registrar, &error));
  g_assert_true (sp_store_transition_case (store, kase, SP_STATUS_ASSIGNED, &registrar, &error));
  g_assert_true (sp_store_transition_case (store, kase, SP_STATUS_INVESTIGATING, &manager, &error));
  g_assert_no_error (error);
  return kase;
}

static SpInvestigation *
investigation_for (SpCase *kase)
{
  SpInvestigation *inv = sp_investigation_new ();

  inv->case_id = g_strdup (SP_ENTITY (kase)->id);
  return inv;
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *field)
{
  for (guint i = 0; i < problems->len; i++)
    {
      SpProblem *p = problems->pdata[i];

      if (g_str_equal (p->field, field))
        {
          g_assert_true (p->message != NULL && p->message[0] != 0);
          return TRUE;
        }
    }
  return FALSE;
}

static guint
count_events (SpStore     *store,
              SpCase      *kase,
              SpEventKind  kind,
              const char  *field)
{
  g_autoptr(GPtrArray) events = sp_store_get_case_events (store, SP_ENTITY (kase)->id, NULL);
  guint n = 0;

  for (guint i = 0; i < events->len; i++)
    {
      SpCaseEvent *e = events->pdata[i];

      n += e->kind == kind && (field == NULL || g_strcmp0 (e->field, field) == 0);
    }
  return n;
}

static void
test_validation (void)
{
  g_autoptr(SpCase) kase = sp_test_case_new ("Validering", NULL);
  g_autoptr(SpInvestigation) inv = investigation_for (kase);
  g_autoptr(SpPlannedAction) action = sp_planned_action_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  sp_entity_ensure_id (SP_ENTITY (kase));
  inv->case_id = g_strdup (SP_ENTITY (kase)->id);

  /* Nothing filled in yet is a draft, and fine. */
  problems = sp_investigation_check (inv, kase);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  inv->heard = g_strnfill (5001, 'x');
  inv->assessment = SP_ASSESSMENT_JUSTIFIED;
  inv->follow_up_on = sp_date_new (2025, 3, 2);
  inv->lex_sarah = TRUE;
  problems = sp_investigation_check (inv, kase);
  g_assert_true (has_problem (problems, "heard"));
  g_assert_true (has_problem (problems, "facts"));
  g_assert_true (has_problem (problems, "follow_up_on"));
  g_assert_true (has_problem (problems, "lex_sarah_reference"));
  g_assert_true (has_problem (problems, "lex_sarah_on"));
  g_assert_false (has_problem (problems, "lex_maria_reference"));
  g_assert_false (sp_problems_to_error (problems, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  g_assert_cmpstr (sp_error_get_field (error), ==, "heard");
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  action->case_id = g_strdup (SP_ENTITY (kase)->id);
  problems = sp_planned_action_check (action, kase);
  g_assert_true (has_problem (problems, "description"));
  g_assert_true (has_problem (problems, "responsible"));
  g_assert_true (has_problem (problems, "due_on"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  action->description = g_strdup ("Gå igenom rutinen för bemötande");
  action->responsible = g_strdup ("Mats Chef");
  action->due_on = sp_date_new (2025, 4, 1);
  problems = sp_planned_action_check (action, kase);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_assessed_needs_investigation (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpCase) kase = investigated_case (store, "Bedömd");
  g_autoptr(SpInvestigation) inv = investigation_for (kase);
  g_autoptr(SpInvestigation) second = investigation_for (kase);
  g_autoptr(SpInvestigation) back = NULL;
  g_autoptr(SpCase) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (sp_store_transition_case (store, kase, SP_STATUS_ASSESSED, &manager, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_TRANSITION);
  g_assert_cmpstr (sp_error_get_field (error), ==, "investigation");
  g_clear_error (&error);

  /* An assessment without facts is refused and nothing is saved. */
  inv->assessment = SP_ASSESSMENT_PARTLY_JUSTIFIED;
  g_assert_false (sp_store_save_investigation (store, inv, SP_SAVE_DEFAULT, &manager, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  g_assert_cmpstr (sp_error_get_field (error), ==, "facts");
  g_clear_error (&error);
  g_assert_null (sp_store_get_investigation (store, SP_ENTITY (kase)->id, NULL));

  /* A draft without an assessment is saved, but is not enough. */
  inv->assessment = SP_ASSESSMENT_NOT_ASSESSED;
  inv->facts = g_strdup ("Personalen kom en timme för sent.");
  g_assert_true (sp_store_save_investigation (store, inv, SP_SAVE_DEFAULT, &manager, &error));
  g_assert_no_error (error);
  g_assert_false (sp_store_transition_case (store, kase, SP_STATUS_ASSESSED, &manager, &error));
  g_assert_cmpstr (sp_error_get_field (error), ==, "assessment");
  g_clear_error (&error);

  inv->assessment = SP_ASSESSMENT_JUSTIFIED;
  g_assert_true (sp_store_save_investigation (store, inv, SP_SAVE_DEFAULT, &manager, &error));
  g_assert_true (sp_store_transition_case (store, kase, SP_STATUS_ASSESSED, &manager, &error));
  g_assert_no_error (error);

  /* One investigation a case. */
  second->facts = g_strdup ("Något annat");
  g_assert_false (sp_store_save_investigation (store, second, SP_SAVE_DEFAULT, &manager, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Each change is in the history, as investigation_updated. */
  g_assert_cmpuint (count_events (store, kase, SP_EVENT_INVESTIGATION_UPDATED, "facts"), ==, 1);
  g_assert_cmpuint (count_events (store, kase, SP_EVENT_INVESTIGATION_UPDATED, "assessment"), ==, 1);
  back = sp_store_get_investigation (store, SP_ENTITY (kase)->id, NULL);
  g_assert_cmpint (back->assessment, ==, SP_ASSESSMENT_JUSTIFIED);
  stored = sp_store_get_case (store, SP_ENTITY (kase)->id, NULL);
  g_assert_cmpint (stored->status, ==, SP_STATUS_ASSESSED);
}

static SpCase *
assessed_case (SpStore    *store,
               const char *subject)
{
  g_autoptr(SpInvestigation) inv = NULL;
  SpCase *kase = investigated_case (store, subject);

  inv = investigation_for (kase);
  inv->facts = g_strdup ("Vad som hände");
  inv->assessment = SP_ASSESSMENT_NOT_JUSTIFIED;
  g_assert_true (sp_store_save_investigation (store, inv, SP_SAVE_DEFAULT, &manager, NULL));
  g_assert_true (sp_store_transition_case (store, kase, SP_STATUS_ASSESSED, &manager, NULL));
  return kase;
}

static SpLetter *
final_answer (SpCase *kase)
{
  SpLetter *letter = sp_letter_new ();

  letter->case_id = g_strdup (SP_ENTITY (kase)->id);
  letter->kind = SP_LETTER_FINAL_ANSWER;
  letter->language = SP_LANGUAGE_SV;
  letter->method = SP_LETTER_METHOD_POST;
  letter->body = g_strdup ("Hej Anna,\n\nTack för ditt klagomål.");
  return letter;
}

static void
test_feedback_needs_an_answer (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpCase) a = assessed_case (store, "Brev");
  g_autoptr(SpCase) b = assessed_case (store, "Telefon");
  g_autoptr(SpLetter) letter = final_answer (a);
  g_autoptr(SpLetter) unfilled = final_answer (a);
  g_autoptr(SpLetter) again = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (sp_store_transition_case (store, a, SP_STATUS_FEEDBACK_GIVEN, &manager, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_TRANSITION);
  g_assert_cmpstr (sp_error_get_field (error), ==, "feedback_method");
  g_clear_error (&error);

  /* A placeholder left unfilled blocks sending. */
  g_free (unfilled->body);
  unfilled->body = g_strdup ("Hej {{sender_name}}");
  g_assert_false (sp_store_send_letter (store, unfilled, &manager, &error));
  g_assert_cmpstr (sp_error_get_field (error), ==, "body");
  g_clear_error (&error);

  g_assert_true (sp_store_send_letter (store, letter, &manager, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (letter->sent_by, ==, "Mats Chef");
  g_assert_cmpuint (letter->sent_on, ==, sp_date_today ());
  g_assert_cmpuint (count_events (store, a, SP_EVENT_LETTER_SENT, "final_answer"), ==, 1);
  g_assert_true (sp_store_transition_case (store, a, SP_STATUS_FEEDBACK_GIVEN, &manager, &error));
  g_assert_no_error (error);

  /* What was sent stays exactly as sent. */
  again = sp_entity_copy (SP_ENTITY (letter));
  g_free (again->body);
  again->body = g_strdup ("Ändrad text");
  g_assert_false (sp_store_send_letter (store, again, &manager, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_CONFLICT);
  g_clear_error (&error);
  letters = sp_store_load_where (store, SP_TYPE_LETTER, "case_id", SP_ENTITY (a)->id, NULL);
  g_assert_cmpuint (letters->len, ==, 1);
  g_assert_cmpstr (((SpLetter *)letters->pdata[0])->body, ==, letter->body);

  /* A phone answer needs its date and a note. */
  b->feedback_method = SP_FEEDBACK_METHOD_PHONE;
  g_assert_true (sp_store_update_case (store, b, &manager, FALSE, &error));
  g_assert_false (sp_store_transition_case (store, b, SP_STATUS_FEEDBACK_GIVEN, &manager, &error));
  g_assert_cmpstr (sp_error_get_field (error), ==, "feedback_on");
  g_clear_error (&error);
  b->feedback_on = sp_date_new (2025, 3, 10);
  g_assert_true (sp_store_update_case (store, b, &manager, FALSE, &error));
  g_assert_false (sp_store_transition_case (store, b, SP_STATUS_FEEDBACK_GIVEN, &manager, &error));
  g_assert_cmpstr (sp_error_get_field (error), ==, "feedback_note");
  g_clear_error (&error);
  b->feedback_note = g_strdup ("Förklarade vad som hänt och vad vi gör nu.");
  g_assert_true (sp_store_update_case (store, b, &manager, FALSE, &error));
  g_assert_true (sp_store_transition_case (store, b, SP_STATUS_FEEDBACK_GIVEN, &manager, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (b->feedback_on, ==, sp_date_new (2025, 3, 10));
}

static void
test_no_action_possible (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpCase) kase = assessed_case (store, "Ingen åtgärd");
  g_autoptr(SpLetter) letter = final_answer (kase);
  g_autoptr(GError) error = NULL;

  /* Even a case nobody is owed feedback on: "no action possible" needs
   * the explanation given first. */
  kase->sender_wants_feedback = FALSE;
  kase->kind = SP_CASE_KIND_OPINION;
  kase->no_action_possible = TRUE;
  g_assert_true (sp_store_update_case (store, kase, &manager, FALSE, &error));
  g_assert_false (sp_store_transition_case (store, kase, SP_STATUS_CLOSED, &manager, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_TRANSITION);
  g_assert_cmpstr (sp_error_get_field (error), ==, "no_action_possible");
  g_clear_error (&error);

  g_assert_true (sp_store_send_letter (store, letter, &manager, &error));
  g_assert_true (sp_store_transition_case (store, kase, SP_STATUS_FEEDBACK_GIVEN, &manager, &error));
  g_assert_true (sp_store_transition_case (store, kase, SP_STATUS_CLOSED, &manager, &error));
  g_assert_no_error (error);
}

static void
test_individual_record_noted (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpCase) kase = assessed_case (store, "Akt");
  g_autoptr(GError) error = NULL;

  kase->individual_record = TRUE;
  kase->feedback_method = SP_FEEDBACK_METHOD_IN_PERSON;
  kase->feedback_on = sp_date_new (2025, 3, 12);
  kase->feedback_note = g_strdup ("Träffades på enheten.");
  g_assert_true (sp_store_update_case (store, kase, &manager, FALSE, &error));
  g_assert_true (sp_store_transition_case (store, kase, SP_STATUS_FEEDBACK_GIVEN, &manager, &error));
  g_assert_false (sp_store_transition_case (store, kase, SP_STATUS_CLOSED, &manager, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_TRANSITION);
  g_assert_cmpstr (sp_error_get_field (error), ==, "individual_record_noted");
  g_clear_error (&error);

  kase->individual_record_noted = TRUE;
  g_assert_true (sp_store_update_case (store, kase, &manager, FALSE, &error));
  g_assert_true (sp_store_transition_case (store, kase, SP_STATUS_CLOSED, &manager, &error));
  g_assert_no_error (error);
}

static void
test_city_environment_complex (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpCase) kase = sp_test_case_new ("Trasig parkbänk", NULL);
  g_autoptr(SpCase) stored = NULL;
  g_autoptr(GError) error = NULL;

  kase->channel = SP_CHANNEL_TYCK_TILL_APP;
  kase->area = SP_AREA_CITY_ENVIRONMENT;
  kase->received_on = sp_date_new (2025, 3, 3); /* a Monday */
  g_assert_true (sp_store_create_case (store, kase, &staff, &error));
  g_assert_cmpstr (kase->deadline_rule, ==, "calendar-days:3");
  g_assert_cmpuint (kase->due_on, ==, sp_date_new (2025, 3, 6));

  kase->complex = TRUE;
  kase->complex_reason = g_strdup ("Entreprenören måste besiktiga bänken");
  g_assert_true (sp_store_update_case (store, kase, &manager, FALSE, &error));
  g_assert_no_error (error);
  stored = sp_store_get_case (store, SP_ENTITY (kase)->id, NULL);
  g_assert_cmpstr (stored->deadline_rule, ==, "calendar-days:10");
  g_assert_cmpuint (stored->due_on, ==, sp_date_new (2025, 3, 13));
  g_assert_cmpuint (count_events (store, kase, SP_EVENT_FIELD_CHANGED, "complex_reason"), ==, 1);

  /* The configured rule is the one used. */
  g_assert_true (sp_store_set_setting (store, "deadline.city_environment_complex",
                                       "working-days:10", NULL));
  g_assert_true (sp_store_update_case (store, stored, &manager, FALSE, &error));
  g_assert_cmpstr (stored->deadline_rule, ==, "working-days:10");
}

static void
test_praise_passed_on (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpCase) kase = sp_test_case_new ("Tack till hemtjänsten", NULL);
  g_autoptr(GError) error = NULL;

  kase->kind = SP_CASE_KIND_OPINION;
  kase->valence = SP_VALENCE_POSITIVE;
  g_assert_true (sp_store_create_case (store, kase, &staff, &error));
  kase->praise_passed_on = sp_date_new (2025, 3, 4);
  kase->praise_passed_to = g_strdup ("Hemtjänsten Vällingby och dess chef");
  g_assert_true (sp_store_update_case (store, kase, &manager, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_events (store, kase, SP_EVENT_NOTE, "praise_passed_on"), ==, 1);

  /* Saved again unchanged: no second step. */
  g_assert_true (sp_store_update_case (store, kase, &manager, FALSE, &error));
  g_assert_cmpuint (count_events (store, kase, SP_EVENT_NOTE, "praise_passed_on"), ==, 1);
}

static void
test_escalations (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpCase) a = investigated_case (store, "Lex Sarah");
  g_autoptr(SpCase) b = investigated_case (store, "Ingen eskalering");
  g_autoptr(SpInvestigation) inv = investigation_for (a);
  g_autoptr(SpInvestigation) other = investigation_for (b);
  g_autoptr(SpPlannedAction) action = sp_planned_action_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  SpCaseQuery query;

  inv->lex_sarah = TRUE;
  g_assert_false (sp_store_save_investigation (store, inv, SP_SAVE_DEFAULT, &manager, &error));
  g_assert_cmpstr (sp_error_get_field (error), ==, "lex_sarah_reference");
  g_clear_error (&error);
  inv->lex_sarah_reference = g_strdup ("LS 2025:4");
  inv->lex_sarah_on = sp_date_new (2025, 3, 5);
  g_assert_true (sp_store_save_investigation (store, inv, SP_SAVE_DEFAULT, &manager, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_events (store, a, SP_EVENT_INVESTIGATION_UPDATED, "lex_sarah"), ==, 1);
  g_assert_cmpuint (count_events (store, a, SP_EVENT_INVESTIGATION_UPDATED, "lex_sarah_reference"), ==, 1);
  g_assert_true (sp_investigation_has_escalation (inv, SP_ESCALATION_LEX_SARAH));
  g_assert_false (sp_investigation_has_escalation (inv, SP_ESCALATION_WELFARE_CRIME));

  other->welfare_crime = TRUE;
  other->welfare_crime_reference = g_strdup ("Upphandlare underrättad");
  other->welfare_crime_on = sp_date_new (2025, 3, 6);
  g_assert_true (sp_store_save_investigation (store, other, SP_SAVE_DEFAULT, &manager, &error));

  sp_case_query_init (&query);
  query.escalations = 1u << SP_ESCALATION_LEX_SARAH;
  found = sp_store_query_cases (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (SP_ENTITY (found->pdata[0])->id, ==, SP_ENTITY (a)->id);
  query.escalations |= 1u << SP_ESCALATION_WELFARE_CRIME;
  g_assert_cmpint (sp_store_count_cases (store, &query, NULL), ==, 2);
  query.escalations = 1u << SP_ESCALATION_LEX_MARIA;
  g_assert_cmpint (sp_store_count_cases (store, &query, NULL), ==, 0);

  /* A planned action without a responsible person is refused whole. */
  action->case_id = g_strdup (SP_ENTITY (a)->id);
  action->description = g_strdup ("Utbilda personalen i bemötande");
  action->due_on = sp_date_new (2025, 5, 1);
  g_assert_false (sp_store_save_planned_action (store, action, SP_SAVE_DEFAULT, &manager, &error));
  g_assert_cmpstr (sp_error_get_field (error), ==, "responsible");
  g_clear_error (&error);
  action->responsible = g_strdup ("Mats Chef");
  g_assert_true (sp_store_save_planned_action (store, action, SP_SAVE_DEFAULT, &manager, &error));
  g_assert_cmpuint (count_events (store, a, SP_EVENT_INVESTIGATION_UPDATED, "responsible"), ==, 1);
  g_assert_true (sqlite3_get_autocommit (sp_store_get_handle (store)));
}

static void
test_delay_notice_letter (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpCase) kase = investigated_case (store, "Försenad");
  g_autoptr(SpLetter) letter = final_answer (kase);
  g_autoptr(SpCase) stored = NULL;
  g_autoptr(GError) error = NULL;

  letter->kind = SP_LETTER_DELAY_NOTICE;
  letter->sent_on = sp_date_new (2025, 3, 20);
  g_assert_true (sp_store_send_letter (store, letter, &manager, &error));
  g_assert_no_error (error);
  stored = sp_store_get_case (store, SP_ENTITY (kase)->id, NULL);
  g_assert_cmpuint (stored->delay_notice_on, ==, sp_date_new (2025, 3, 20));

  /* Every save ended its transaction. */
  g_assert_true (sqlite3_get_autocommit (sp_store_get_handle (store)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/investigation/validation", test_validation);
  g_test_add_func ("/investigation/assessed-needs-investigation", test_assessed_needs_investigation);
  g_test_add_func ("/investigation/feedback-needs-an-answer", test_feedback_needs_an_answer);
  g_test_add_func ("/investigation/no-action-possible", test_no_action_possible);
  g_test_add_func ("/investigation/individual-record-noted", test_individual_record_noted);
  g_test_add_func ("/investigation/city-environment-complex", test_city_environment_complex);
  g_test_add_func ("/investigation/praise-passed-on", test_praise_passed_on);
  g_test_add_func ("/investigation/escalations", test_escalations);
  g_test_add_func ("/investigation/delay-notice-letter", test_delay_notice_letter);

  return g_test_run ();
}
