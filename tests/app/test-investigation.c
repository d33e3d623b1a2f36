/* test-investigation.c: the unit manager's investigation on the case
 * page, in a real window on a real store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "app-test-util.h"
#include "case-page-fixture.h"
#include "sp-investigation-section.h"
#include "sp-planned-action-row.h"
#include "sp-store-investigation.h"

static const SpActor everyone = {
  "u-all", "Alla Roller",
  SP_ROLE_BIT (SP_ROLE_REGISTRAR) | SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER),
};

/* Moves the fixture's case on to @to through the store, as the registrar
 * and the unit manager would. */
static void
move_case_to (Fixture  *fixture,
              SpStatus  to)
{
  static const SpStatus road[] = {
    SP_STATUS_REGISTERED, SP_STATUS_ASSIGNED, SP_STATUS_ACKNOWLEDGED, SP_STATUS_INVESTIGATING,
  };

  for (guint i = 0; i < G_N_ELEMENTS (road) && road[i] <= to; i++)
    {
      g_autoptr(SpCase) kase = stored_case (fixture);
      g_autoptr(GError) error = NULL;

      sp_store_transition_case (fixture->store, kase, road[i], &everyone, &error);
      g_assert_no_error (error);
    }
}

static SpInvestigationSection *
section (Fixture *fixture)
{
  return SP_INVESTIGATION_SECTION (app_test_find_by_id (GTK_WIDGET (fixture->page),
                                                        "investigation_section"));
}

static GtkWidget *
part (Fixture    *fixture,
      const char *id)
{
  return app_test_find_by_id (GTK_WIDGET (section (fixture)), id);
}

static void
wait_idle (Fixture *fixture)
{
  APP_TEST_WAIT (!sp_investigation_section_get_busy (section (fixture)), 30);
  iterate ();
}

static void
type_into (Fixture    *fixture,
           const char *view_id,
           const char *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (part (fixture, view_id));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static gboolean
error_shown (GtkWidget  *root,
             const char *field,
             const char *text)
{
  g_autofree char *row_id = g_strconcat (field, "_error_row", NULL);
  g_autofree char *label_id = g_strconcat (field, "_error", NULL);
  GtkWidget *row = app_test_find_by_id (root, row_id);
  GtkWidget *label = app_test_find_by_id (root, label_id);

  return gtk_widget_get_visible (row) &&
         strstr (gtk_label_get_text (GTK_LABEL (label)), text) != NULL;
}

static SpInvestigation *
stored_investigation (Fixture *fixture)
{
  return sp_store_get_investigation (fixture->store, fixture->case_id, NULL);
}

static guint
n_stored_actions (Fixture *fixture)
{
  g_autoptr(GPtrArray) actions = sp_store_load_where (fixture->store, SP_TYPE_PLANNED_ACTION,
                                                      "case_id", fixture->case_id, NULL);

  g_assert_nonnull (actions);
  return actions->len;
}

static SpPlannedActionRow *
action_row (Fixture *fixture,
            guint    nth)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  app_test_collect (part (fixture, "actions_list"), SP_TYPE_PLANNED_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, >, nth);
  return rows->pdata[nth];
}

static const char *
last_toast_title (Fixture *fixture)
{
  AdwToast *toast = sp_case_page_get_last_toast (fixture->page);

  g_assert_nonnull (toast);
  return adw_toast_get_title (toast);
}

static void
click_assessed (Fixture *fixture)
{
  GtkWidget *button = sp_case_page_get_transition_button (fixture->page, SP_STATUS_ASSESSED);

  g_assert_nonnull (button);
  click (button);
}

static void
test_story (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SpInvestigation) inv = NULL;
  g_autoptr(SpCase) kase = NULL;
  SpPlannedActionRow *row;

  move_case_to (fixture, SP_STATUS_INVESTIGATING);
  open_page (fixture, &manager);
  wait_idle (fixture);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (section (fixture))));
  g_assert_cmpstr (sp_investigation_section_get_state_text (section (fixture)), ==,
                   "Not started");
  /* The unit manager investigates unless someone else is named. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (fixture, "investigator_id_row"))),
                   ==, "Maja Enhetschef");

  /* Nothing documented: "assessed" is refused, in the routine's words. */
  click_assessed (fixture);
  g_assert_nonnull (strstr (last_toast_title (fixture), "Document the investigation"));
  kase = stored_case (fixture);
  g_assert_cmpint (kase->status, ==, SP_STATUS_INVESTIGATING);
  g_clear_object (&kase);

  /* An assessment without the facts is not saved, and says why. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (part (fixture, "assessment_row")),
                              SP_ASSESSMENT_JUSTIFIED);
  wait_idle (fixture);
  g_assert_true (error_shown (GTK_WIDGET (section (fixture)), "facts", "write down what happened"));
  g_assert_nonnull (strstr (sp_investigation_section_get_state_text (section (fixture)),
                            "Not saved"));
  g_assert_null (stored_investigation (fixture));

  /* The facts without an assessment: saved as a draft, still not assessed. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (part (fixture, "assessment_row")),
                              SP_ASSESSMENT_NOT_ASSESSED);
  type_into (fixture, "facts_view", "Maten serverades kall tre dagar i rad.");
  type_into (fixture, "heard_view", "Kökspersonalen och två undersköterskor.");
  wait_idle (fixture);
  g_assert_false (error_shown (GTK_WIDGET (section (fixture)), "facts", ""));
  g_assert_nonnull (strstr (sp_investigation_section_get_state_text (section (fixture)),
                            "Draft saved"));
  inv = stored_investigation (fixture);
  g_assert_nonnull (inv);
  g_assert_cmpstr (inv->facts, ==, "Maten serverades kall tre dagar i rad.");
  g_assert_cmpint (inv->assessment, ==, SP_ASSESSMENT_NOT_ASSESSED);
  g_clear_object (&inv);
  click_assessed (fixture);
  g_assert_nonnull (strstr (last_toast_title (fixture), "Choose an assessment"));

  /* The rest of the form. */
  type_into (fixture, "analysis_view", "Värmeskåpet var trasigt.");
  type_into (fixture, "actions_taken_view", "Värmeskåpet är lagat.");
  type_into (fixture, "feedback_text_view", "Vi har lagat värmeskåpet och följer upp i januari.");
  sp_intake_date_button_set_date (SP_INTAKE_DATE_BUTTON (part (fixture, "follow_up_on_button")),
                                  sp_date_today () + 30);
  adw_combo_row_set_selected (ADW_COMBO_ROW (part (fixture, "assessment_row")),
                              SP_ASSESSMENT_JUSTIFIED);
  wait_idle (fixture);

  /* A planned action needs who and by when before it is saved. */
  click (part (fixture, "add_action_button"));
  row = action_row (fixture, 0);
  gtk_editable_set_text (GTK_EDITABLE (app_test_find_by_id (GTK_WIDGET (row), "description_row")),
                         "Rutin för temperaturkontroll");
  wait_idle (fixture);
  g_assert_true (error_shown (GTK_WIDGET (row), "responsible", "Name the person responsible"));
  g_assert_cmpuint (n_stored_actions (fixture), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (app_test_find_by_id (GTK_WIDGET (row), "responsible_row")),
                         "Kim Kock");
  sp_intake_date_button_set_date (SP_INTAKE_DATE_BUTTON (app_test_find_by_id (GTK_WIDGET (row),
                                                                              "due_on_button")),
                                  sp_date_today () + 14);
  wait_idle (fixture);
  g_assert_false (error_shown (GTK_WIDGET (row), "responsible", ""));
  g_assert_cmpuint (n_stored_actions (fixture), ==, 1);

  /* Lex Sarah: switched on, dated today, and its reference asked for. */
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (part (fixture, "lex_sarah_row")), TRUE);
  wait_idle (fixture);
  g_assert_true (error_shown (GTK_WIDGET (section (fixture)), "lex_sarah_reference",
                              "give the reference"));
  gtk_editable_set_text (GTK_EDITABLE (part (fixture, "lex_sarah_reference_row")), "LS-2026-07");
  wait_idle (fixture);
  inv = stored_investigation (fixture);
  g_assert_true (inv->lex_sarah);
  g_assert_cmpstr (inv->lex_sarah_reference, ==, "LS-2026-07");
  g_assert_cmpuint (inv->lex_sarah_on, ==, sp_date_today ());
  g_assert_cmpint (inv->assessment, ==, SP_ASSESSMENT_JUSTIFIED);
  g_assert_cmpstr (inv->feedback_text, ==, "Vi har lagat värmeskåpet och följer upp i januari.");
  g_clear_object (&inv);

  /* The history says what was changed, in words. */
  g_assert_true (history_has (fixture, "Investigation · Assessment: Not assessed → Justified"));
  g_assert_true (history_has (fixture, "Investigation · Lex Sarah: No → Yes"));
  g_assert_true (history_has (fixture, "Planned action · Responsible"));
  gtk_widget_grab_focus (part (fixture, "analysis_view"));
  shot ("investigation");
  gtk_widget_grab_focus (part (fixture, "lex_sarah_reference_row"));
  shot ("investigation-escalations");

  /* Now the case can be marked as assessed. */
  click_assessed (fixture);
  kase = stored_case (fixture);
  g_assert_cmpint (kase->status, ==, SP_STATUS_ASSESSED);
}

/* What was saved is what a new page shows; a removed action is gone. */
static void
test_reopen_and_remove (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SpPlannedAction) action = sp_planned_action_new ();
  g_autoptr(SpInvestigation) inv = sp_investigation_new ();
  g_autoptr(GError) error = NULL;
  SpPlannedActionRow *row;

  inv->case_id = g_strdup (fixture->case_id);
  inv->facts = g_strdup ("Det som hände.");
  inv->assessment = SP_ASSESSMENT_PARTLY_JUSTIFIED;
  sp_store_save_investigation (fixture->store, inv, SP_SAVE_DEFAULT, &manager, &error);
  g_assert_no_error (error);
  action->case_id = g_strdup (fixture->case_id);
  action->description = g_strdup ("Utbildning i bemötande");
  action->responsible = g_strdup ("Maja");
  action->due_on = sp_date_today () + 10;
  sp_store_save_planned_action (fixture->store, action, SP_SAVE_DEFAULT, &manager, &error);
  g_assert_no_error (error);

  open_page (fixture, &manager);
  wait_idle (fixture);
  g_assert_cmpstr (sp_investigation_section_get_state_text (section (fixture)), ==, "Saved");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (part (fixture, "assessment_row"))),
                    ==, SP_ASSESSMENT_PARTLY_JUSTIFIED);
  row = action_row (fixture, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Utbildning i bemötande");

  click (app_test_find_by_id (GTK_WIDGET (row), "remove_button"));
  wait_idle (fixture);
  g_assert_cmpuint (n_stored_actions (fixture), ==, 0);
}

/* Quality staff see no investigation's free text. */
static void
test_hidden_from_quality (Fixture       *fixture,
                          gconstpointer  data)
{
  open_page (fixture, &quality);
  wait_idle (fixture);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (section (fixture))));
}

/* A case IVO sent asks for the answer to the authority. */
static void
test_authority_answer (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SpCase) kase = stored_case (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpInvestigation) inv = NULL;

  kase->channel = SP_CHANNEL_IVO;
  sp_store_update_case (fixture->store, kase, &registrar, FALSE, &error);
  g_assert_no_error (error);

  open_page (fixture, &manager);
  wait_idle (fixture);
  g_assert_true (gtk_widget_get_visible (part (fixture, "authority_group")));

  /* A date with no answer is refused on its field. */
  sp_intake_date_button_set_date (SP_INTAKE_DATE_BUTTON (part (fixture,
                                                               "authority_answer_on_button")),
                                  sp_date_today ());
  wait_idle (fixture);
  g_assert_true (error_shown (GTK_WIDGET (section (fixture)), "authority_answer",
                              "Write the answer sent to the authority"));
  type_into (fixture, "authority_answer_view", "Yttrande till IVO, dnr 3.5.1-12345/2026.");
  wait_idle (fixture);
  inv = stored_investigation (fixture);
  g_assert_nonnull (inv);
  g_assert_cmpuint (inv->authority_answer_on, ==, sp_date_today ());
}

int
main (int   argc,
      char *argv[])
{
  case_page_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/investigation/story", test_story);
  ADD ("/investigation/reopen-and-remove", test_reopen_and_remove);
  ADD ("/investigation/hidden-from-quality", test_hidden_from_quality);
  ADD ("/investigation/authority-answer", test_authority_answer);
#undef ADD

  return g_test_run ();
}
