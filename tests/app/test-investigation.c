/* test-investigation.c: the unit manager's investigation on the case
 * page, in a real window on a real store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "app-test-util.h"
#include "case-page-fixture.h"
#include "sp-investigation-section.h"
#include "sp-letter-composer.h"
#include "sp-letter-template.h"
#include "sp-letters-section.h"
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

/* The checks of words are in English; screenshots in another language
 * skip them. */
static gboolean
in_english (void)
{
  const char *language = g_getenv ("LANGUAGE");

  return language == NULL || g_str_has_prefix (language, "en");
}

/* Whether @text holds @words (always, in another language). */
static gboolean
says (const char *text,
      const char *words)
{
  return !in_english () || (text != NULL && strstr (text, words) != NULL);
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

  return gtk_widget_get_visible (row) && says (gtk_label_get_text (GTK_LABEL (label)), text);
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
  g_assert_true (says (sp_investigation_section_get_state_text (section (fixture)), "Not started"));
  /* The unit manager investigates unless someone else is named. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (fixture, "investigator_id_row"))),
                   ==, "Maja Enhetschef");

  /* Nothing documented: "assessed" is refused, in the routine's words. */
  click_assessed (fixture);
  g_assert_true (says (last_toast_title (fixture), "Document the investigation"));
  kase = stored_case (fixture);
  g_assert_cmpint (kase->status, ==, SP_STATUS_INVESTIGATING);
  g_clear_object (&kase);

  /* An assessment without the facts is not saved, and says why. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (part (fixture, "assessment_row")),
                              SP_ASSESSMENT_JUSTIFIED);
  wait_idle (fixture);
  g_assert_true (error_shown (GTK_WIDGET (section (fixture)), "facts", "write down what happened"));
  g_assert_true (says (sp_investigation_section_get_state_text (section (fixture)), "Not saved"));
  g_assert_null (stored_investigation (fixture));

  /* The facts without an assessment: saved as a draft, still not assessed. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (part (fixture, "assessment_row")),
                              SP_ASSESSMENT_NOT_ASSESSED);
  type_into (fixture, "facts_view", "Maten serverades kall tre dagar i rad.");
  type_into (fixture, "heard_view", "Kökspersonalen och två undersköterskor.");
  wait_idle (fixture);
  g_assert_false (error_shown (GTK_WIDGET (section (fixture)), "facts", ""));
  g_assert_true (says (sp_investigation_section_get_state_text (section (fixture)), "Draft saved"));
  inv = stored_investigation (fixture);
  g_assert_nonnull (inv);
  g_assert_cmpstr (inv->facts, ==, "Maten serverades kall tre dagar i rad.");
  g_assert_cmpint (inv->assessment, ==, SP_ASSESSMENT_NOT_ASSESSED);
  g_clear_object (&inv);
  click_assessed (fixture);
  g_assert_true (says (last_toast_title (fixture), "Choose an assessment"));

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
  if (in_english ())
    {
      g_assert_true (history_has (fixture, "Investigation · Assessment: Not assessed → Justified"));
      g_assert_true (history_has (fixture, "Investigation · Lex Sarah: No → Yes"));
      g_assert_true (history_has (fixture, "Planned action · Responsible"));
    }
  gtk_widget_grab_focus (part (fixture, "analysis_view"));
  shot ("investigation");
  gtk_widget_grab_focus (part (fixture, "lex_sarah_reference_row"));
  shot ("investigation-escalations");

  /* Now the case can be marked as assessed. */
  click_assessed (fixture);
  kase = stored_case (fixture);
  g_assert_cmpint (kase->status, ==, SP_STATUS_ASSESSED);
}

static SpLetterComposer *
find_composer (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SP_IS_LETTER_COMPOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return SP_LETTER_COMPOSER (window);
    }
  return NULL;
}

static char *
pdf_text (const char *path)
{
  g_autofree char *command = g_strdup_printf ("pdftotext -layout '%s' -", path);
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, &out, &err, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  return out;
}

static SpLettersSection *
letters (Fixture *fixture)
{
  return SP_LETTERS_SECTION (app_test_find_by_id (GTK_WIDGET (fixture->page), "letters_section"));
}

static void
set_unit_contact (Fixture *fixture)
{
  g_autoptr(SpUnit) unit = sp_store_load (fixture->store, SP_TYPE_UNIT, fixture->unit_id, NULL);
  g_autoptr(GError) error = NULL;

  unit->contact_name = g_strdup ("Eva Avdelningschef");
  unit->contact_address = g_strdup ("Box 1, 162 11 Vällingby");
  unit->contact_phone = g_strdup ("08-508 00 000");
  sp_store_save (fixture->store, SP_ENTITY (unit), SP_SAVE_DEFAULT, "test", &error);
  g_assert_no_error (error);
}

/* An assessed case with its investigation's answer, whose Record feedback
 * opens the final answer: the composer, ready. */
static SpLetterComposer *
open_final_answer (Fixture *fixture)
{
  g_autoptr(SpInvestigation) inv = sp_investigation_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCase) kase = NULL;
  SpLetterComposer *composer;

  set_unit_contact (fixture);
  move_case_to (fixture, SP_STATUS_INVESTIGATING);
  inv->case_id = g_strdup (fixture->case_id);
  inv->investigator_id = g_strdup ("Maja Enhetschef");
  inv->facts = g_strdup ("Maten var kall.");
  inv->assessment = SP_ASSESSMENT_JUSTIFIED;
  inv->feedback_text = g_strdup ("Vi har lagat värmeskåpet.");
  sp_store_save_investigation (fixture->store, inv, SP_SAVE_DEFAULT, &manager, &error);
  g_assert_no_error (error);
  kase = stored_case (fixture);
  sp_store_transition_case (fixture->store, kase, SP_STATUS_ASSESSED, &manager, &error);
  g_assert_no_error (error);

  open_page (fixture, &manager);
  wait_idle (fixture);
  APP_TEST_WAIT (!sp_letters_section_get_busy (letters (fixture)), 30);

  click (sp_case_page_get_transition_button (fixture->page, SP_STATUS_FEEDBACK_GIVEN));
  composer = find_composer ();
  g_assert_nonnull (composer);
  APP_TEST_WAIT (sp_letter_composer_get_ready (composer), 30);
  iterate ();

  return composer;
}

/* After the assessment: Record feedback asks for the final answer, which
 * cannot go with a placeholder left, goes out as a PDF, is recorded on
 * the case, and prints again the same. */
static void
test_final_answer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SpCase) kase = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "svar.pdf", NULL);
  g_autofree char *again = g_build_filename (fixture->dir, "igen.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) again_file = g_file_new_for_path (again);
  g_autofree char *text = NULL;
  g_autofree char *again_text = NULL;
  g_autofree char *body = NULL;
  g_autofree char *today = sp_letter_format_date (sp_date_today (), SP_LANGUAGE_SV);
  SpLetterComposer *composer = open_final_answer (fixture);
  gpointer composer_alive;
  GtkWidget *row;

  /* The template filled from the case, the investigation and the unit. */
  body = sp_letter_composer_dup_text (composer);
  g_assert_nonnull (strstr (body, "Hej Bo Ek & Söner <AB>,"));
  g_assert_nonnull (strstr (body, "Vi har lagat värmeskåpet."));
  g_assert_nonnull (strstr (body, "Eva Avdelningschef, Box 1, 162 11 Vällingby"));
  /* The organisation has no name here: it is left to fill in, and the
   * letter cannot go until it is. */
  g_assert_nonnull (strstr (body, "{{organisation}}"));
  g_assert_nonnull (sp_letter_composer_get_problem (composer));
  g_assert_true (says (sp_letter_composer_get_problem (composer), "placeholder"));
  g_assert_false (gtk_widget_is_sensitive (app_test_find_by_id (GTK_WIDGET (composer),
                                                                "pdf_button")));
  sp_letter_composer_save_pdf (composer, file);
  iterate ();
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  row = app_test_find_by_id (GTK_WIDGET (composer), "organisation");
  gtk_widget_grab_focus (row);
  shot ("letter-unfilled");
  gtk_editable_set_text (GTK_EDITABLE (row), "Hässelby-Vällingby stadsdelsförvaltning");
  g_signal_emit_by_name (row, "apply");
  iterate ();
  g_assert_null (sp_letter_composer_get_problem (composer));
  g_assert_true (gtk_widget_is_sensitive (app_test_find_by_id (GTK_WIDGET (composer),
                                                               "pdf_button")));
  shot ("letter-edit");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (app_test_find_by_id (GTK_WIDGET (composer),
                                                                             "view_stack")),
                                         "preview");
  shot ("letter-preview");

  composer_alive = composer;
  g_object_add_weak_pointer (G_OBJECT (composer), &composer_alive);
  sp_letter_composer_save_pdf (composer, file);
  APP_TEST_WAIT (composer_alive == NULL, 30);

  /* The PDF has the sender, the diary number, a Swedish date and whom to
   * turn to. */
  text = pdf_text (path);
  if (g_getenv ("SYNPUNKT_SHOT_DIR") != NULL)
    {
      g_autofree char *keep = g_build_filename (g_getenv ("SYNPUNKT_SHOT_DIR"), "letter.pdf", NULL);
      g_autoptr(GFile) kept = g_file_new_for_path (keep);

      g_file_copy (file, kept, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
    }
  kase = stored_case (fixture);
  g_assert_nonnull (kase->diary_number);
  g_assert_nonnull (strstr (text, kase->diary_number));
  g_assert_nonnull (strstr (text, today));
  g_assert_nonnull (strstr (text, "Bo Ek & Söner <AB>"));
  /* (pdftotext may break the name across lines) */
  g_assert_nonnull (strstr (text, "Avdelningschef"));
  g_assert_nonnull (strstr (text, "08-508 00 000"));

  /* Recorded, and the feedback with it. */
  APP_TEST_WAIT (sp_letters_section_get_n_letters (letters (fixture)) == 1 &&
                 !sp_letters_section_get_busy (letters (fixture)), 30);
  g_clear_object (&kase);
  kase = stored_case (fixture);
  g_assert_cmpint (kase->status, ==, SP_STATUS_FEEDBACK_GIVEN);
  g_assert_true (!in_english () || history_has (fixture, "Letter sent: Final answer (Post)"));
  g_assert_true (sp_letters_section_has_final_answer (letters (fixture)));
  gtk_widget_grab_focus (app_test_find_by_id (GTK_WIDGET (letters (fixture)), "write_button"));
  shot ("letters");

  /* Printed again, it is the same letter. */
  sp_letters_section_save_pdf (letters (fixture), 0, again_file);
  APP_TEST_WAIT (!sp_letters_section_get_busy (letters (fixture)), 30);
  again_text = pdf_text (again);
  g_assert_cmpstr (again_text, ==, text);
}

/* Nobody to write to. */
static void
test_anonymous_gets_no_letter (Fixture       *fixture,
                               gconstpointer  data)
{
  g_free (fixture->case_id);
  fixture->case_id = create_case (fixture, sp_date_today () - 1, TRUE);
  open_page (fixture, &manager);
  APP_TEST_WAIT (!sp_letters_section_get_busy (letters (fixture)), 30);
  iterate ();
  g_assert_false (gtk_widget_is_sensitive (app_test_find_by_id (GTK_WIDGET (letters (fixture)),
                                                                "write_button")));
  g_assert_null (sp_letters_section_compose (letters (fixture), SP_LETTER_FINAL_ANSWER));
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
  g_assert_true (says (sp_investigation_section_get_state_text (section (fixture)), "Saved"));
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

/* Saving the delay notice's reason opens its letter, with the reason in
 * it and the new date left to fill in; sending it dates the notice. */
static void
test_delay_notice_letter (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "dröjsmål.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  SpLetterComposer *composer;
  gpointer composer_alive;
  GtkWidget *row;

  g_free (fixture->case_id);
  fixture->case_id = create_case (fixture, sp_date_today () - 40, FALSE);
  move_case_to (fixture, SP_STATUS_INVESTIGATING);
  open_page (fixture, &manager);
  APP_TEST_WAIT (!sp_letters_section_get_busy (letters (fixture)), 30);

  click (child (fixture, "delay_open_button"));
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "delay_reason_row")),
                         "Vi väntar på vårdgivarens redogörelse.");
  click (child (fixture, "delay_save_button"));

  composer = find_composer ();
  g_assert_nonnull (composer);
  APP_TEST_WAIT (sp_letter_composer_get_ready (composer), 30);
  iterate ();
  body = sp_letter_composer_dup_text (composer);
  g_assert_nonnull (strstr (body, "Vi väntar på vårdgivarens redogörelse."));
  g_assert_nonnull (strstr (body, "{{new_due_on}}"));
  g_assert_nonnull (sp_letter_composer_get_problem (composer));

  row = app_test_find_by_id (GTK_WIDGET (composer), "new_due_on");
  gtk_editable_set_text (GTK_EDITABLE (row), "15 januari 2027");
  g_signal_emit_by_name (row, "apply");
  /* The organisation has no name in this store. */
  row = app_test_find_by_id (GTK_WIDGET (composer), "organisation");
  gtk_editable_set_text (GTK_EDITABLE (row), "Hässelby-Vällingby stadsdelsförvaltning");
  g_signal_emit_by_name (row, "apply");
  iterate ();
  g_assert_cmpstr (sp_letter_composer_get_problem (composer), ==, NULL);

  composer_alive = composer;
  g_object_add_weak_pointer (G_OBJECT (composer), &composer_alive);
  sp_letter_composer_save_pdf (composer, file);
  APP_TEST_WAIT (composer_alive == NULL, 30);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "15 januari 2027"));
  APP_TEST_WAIT (sp_letters_section_get_n_letters (letters (fixture)) == 1 &&
                 !sp_letters_section_get_busy (letters (fixture)), 30);
  g_assert_true (!in_english () || history_has (fixture, "Letter sent: Delay notice (Post)"));
}

/* E-mail hands the letter to the mail program with its PDF attached
 * (xdg-email, here a stand-in on PATH that writes down what it was
 * given), written in the session's folder where only the user can read
 * it; then it is recorded as
 * sent by e-mail. */
static void
test_email_attaches_pdf (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *bin = g_build_filename (fixture->dir, "bin", NULL);
  const char *runtime = g_get_user_runtime_dir ();
  g_autofree char *script = g_build_filename (bin, "xdg-email", NULL);
  g_autofree char *args_path = g_build_filename (fixture->dir, "xdg-email-args", NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *args_text = NULL;
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_autofree char *new_path = g_strdup_printf ("%s:%s", bin, old_path ? old_path : "/usr/bin");
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(SpCase) kase = NULL;
  SpLetterComposer *composer;
  gpointer composer_alive;
  const char *attachment = NULL;
  GStatBuf st;
  GtkWidget *row;

  g_assert_cmpint (g_mkdir_with_parents (bin, 0700), ==, 0);
  script_text = g_strdup_printf ("#!/bin/sh\nfor a in \"$@\"; do printf '%%s\\n' \"$a\"; done > '%s'\n",
                                 args_path);
  g_assert_true (g_file_set_contents (script, script_text, -1, NULL));
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  g_setenv ("PATH", new_path, TRUE);

  composer = open_final_answer (fixture);
  /* Cancel, Save as PDF…, Print…, Send by E-mail… */
  g_assert_cmpuint (assert_mnemonics_labelled (GTK_WIDGET (composer)), >=, 4);
  row = app_test_find_by_id (GTK_WIDGET (composer), "organisation");
  gtk_editable_set_text (GTK_EDITABLE (row), "Hässelby-Vällingby stadsdelsförvaltning");
  g_signal_emit_by_name (row, "apply");
  iterate ();
  g_assert_null (sp_letter_composer_get_problem (composer));

  composer_alive = composer;
  g_object_add_weak_pointer (G_OBJECT (composer), &composer_alive);
  g_signal_emit_by_name (app_test_find_by_id (GTK_WIDGET (composer), "email_button"), "clicked");
  APP_TEST_WAIT (composer_alive == NULL, 30);

  g_setenv ("PATH", old_path, TRUE);

  /* To the sender, with the kind and the diary number as subject, the
   * text, and the PDF. */
  g_assert_true (g_file_get_contents (args_path, &args_text, NULL, NULL));
  args = g_strsplit (args_text, "\n", -1);
  kase = stored_case (fixture);
  g_assert_nonnull (kase->diary_number);
  for (guint i = 0; args[i] != NULL && args[i + 1] != NULL; i++)
    if (g_str_equal (args[i], "--attach"))
      attachment = args[i + 1];
  g_assert_nonnull (attachment);
  g_assert_true (g_strv_contains ((const char * const *) args, "bo@example.se"));
  g_assert_true (g_strv_contains ((const char * const *) args, "--subject"));
  g_assert_nonnull (strstr (args_text, kase->diary_number));
  g_assert_nonnull (strstr (args_text, "Vi har lagat värmeskåpet."));

  dir = g_path_get_dirname (attachment);
  g_assert_true (g_str_has_prefix (attachment, runtime));
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);
  text = pdf_text (attachment);
  g_assert_nonnull (strstr (text, kase->diary_number));
  g_assert_nonnull (strstr (text, "Vi har lagat värmeskåpet."));
  /* The session's folder outlives the test: the letter does not stay. */
  g_assert_cmpint (g_unlink (attachment), ==, 0);
  g_rmdir (dir);
  g_autofree char *parent = g_path_get_dirname (dir);
  g_rmdir (parent);

  APP_TEST_WAIT (sp_letters_section_get_n_letters (letters (fixture)) == 1 &&
                 !sp_letters_section_get_busy (letters (fixture)), 30);
  g_assert_true (!in_english () || history_has (fixture, "Letter sent: Final answer (E-mail)"));
}

/* A contract breach escalated in the investigation of a case about a
 * provider flags the case, so that procurement gets it; the flags section
 * shows it without the page being opened again. */
static void
test_contract_breach_flags_case (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(SpProvider) provider = sp_provider_new ();
  g_autoptr(SpCase) kase = stored_case (fixture);
  g_autoptr(SpInvestigation) inv = NULL;
  g_autoptr(GError) error = NULL;

  provider->name = g_strdup ("Omsorgsbolaget AB");
  g_assert_true (sp_store_save (fixture->store, SP_ENTITY (provider), 0, "admin", &error));
  kase->concerns = SP_CONCERNS_PROVIDER;
  g_clear_pointer (&kase->unit_id, g_free);
  kase->provider_id = g_strdup (SP_ENTITY (provider)->id);
  g_assert_true (sp_store_update_case (fixture->store, kase, &manager, FALSE, &error));
  g_clear_object (&kase);
  move_case_to (fixture, SP_STATUS_INVESTIGATING);

  open_page (fixture, &manager);
  wait_idle (fixture);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (sp_case_page_get_flag_switch (fixture->page,
                                                                                   "contract_breach"))));

  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (part (fixture, "contract_breach_row")),
                                         TRUE);
  gtk_editable_set_text (GTK_EDITABLE (part (fixture, "contract_breach_reference_row")),
                         "AV-2026-3");
  wait_idle (fixture);

  inv = stored_investigation (fixture);
  g_assert_true (inv->contract_breach);
  APP_TEST_WAIT (gtk_switch_get_active (GTK_SWITCH (sp_case_page_get_flag_switch (fixture->page,
                                                                                  "contract_breach"))) &&
                 !sp_case_page_get_busy (fixture->page), 30);
  kase = stored_case (fixture);
  g_assert_true (kase->contract_breach);
  g_assert_true (!in_english () || history_has (fixture, "Contract breach: No → Yes"));
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
  ADD ("/investigation/final-answer", test_final_answer);
  ADD ("/investigation/email-attaches-pdf", test_email_attaches_pdf);
  ADD ("/investigation/contract-breach-flags-case", test_contract_breach_flags_case);
  ADD ("/investigation/anonymous-gets-no-letter", test_anonymous_gets_no_letter);
  ADD ("/investigation/delay-notice-letter", test_delay_notice_letter);
#undef ADD

  return g_test_run ();
}
