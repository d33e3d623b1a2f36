/* test-case-page.c: the case page, driven through its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (see the README's test command): a real window with the
 * page in a toast overlay, on a real SQLite store in a temporary folder.
 */

#include "case-page-fixture.h"

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *id = g_strdup (fixture->case_id);

  open_page (fixture, &registrar);
  sp_case_page_set_case_id (fixture->page, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "stack"))),
                   ==, "empty");

  sp_case_page_set_case_id (fixture->page, "00000000-0000-4000-8000-000000000000");
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "stack"))),
                   ==, "missing");

  sp_case_page_set_case_id (fixture->page, id);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "stack"))),
                   ==, "case");
}

static void
test_shows_case (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SpCase) kase = stored_case (fixture);
  g_autofree char *days = NULL;

  open_page (fixture, &registrar);
  shot ("case-page");
  /* Revert, Save Changes, Resolve…, Record Delay Notice…, Save, … */
  g_assert_cmpuint (assert_mnemonics_labelled (GTK_WIDGET (fixture->page)), >=, 4);

  g_assert_cmpstr (sp_case_page_get_diary_text (fixture->page), ==, "Not registered");
  g_assert_cmpstr (sp_case_page_get_subject_text (fixture->page), ==, "Maten var kall");
  g_assert_cmpstr (sp_case_page_get_status_text (fixture->page), ==, "Received");
  /* No conflict: the bar is not only unrevealed but out of the tree. */
  g_assert_false (gtk_widget_get_visible (child (fixture, "conflict_bar")));
  days = g_strdup_printf ("%d days left", sp_case_get_days_left (kase, sp_date_today ()));
  g_assert_cmpstr (sp_case_page_get_deadline_text (fixture->page), ==, days);
  g_assert_false (gtk_widget_has_css_class (child (fixture, "days_left_label"), "error"));

  /* The sender's name is shown as typed, not as markup. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (fixture, "sender_name_row"))),
                   ==, "Bo Ek & Söner <AB>");
  g_assert_true (gtk_widget_is_visible (child (fixture, "sender_name_row")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (fixture, "concerns_row"))),
                   ==, "Our unit");
  g_assert_true (gtk_widget_is_visible (child (fixture, "unit_row")));
  g_assert_false (gtk_widget_is_visible (child (fixture, "provider_row")));
  g_assert_cmpstr (combo_text (child (fixture, "unit_row")), ==, "Solgårdens äldreboende");
  g_assert_cmpstr (combo_text (child (fixture, "category_row")), ==, "Bemötande");
  g_assert_cmpstr (combo_text (child (fixture, "area_row")), ==, "Elderly care");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (fixture, "subject_entry"))),
                   ==, "Maten var kall");

  g_assert_cmpuint (count_rows (sp_case_page_get_history_list (fixture->page)), ==, 1);
  g_assert_cmpstr (first_history_title (fixture), ==, "Case created");

  /* A registrar registers, routes or forwards a received case. */
  g_assert_nonnull (sp_case_page_get_transition_button (fixture->page, SP_STATUS_REGISTERED));
  g_assert_nonnull (sp_case_page_get_transition_button (fixture->page,
                                                        SP_STATUS_FORWARDED_ELSEWHERE));
  g_assert_null (sp_case_page_get_transition_button (fixture->page, SP_STATUS_INVESTIGATING));
}

static void
test_transition (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SpCase) kase = NULL;

  open_page (fixture, &registrar);
  click (sp_case_page_get_transition_button (fixture->page, SP_STATUS_REGISTERED));

  kase = stored_case (fixture);
  g_assert_cmpint (kase->status, ==, SP_STATUS_REGISTERED);
  g_assert_nonnull (kase->diary_number);
  g_assert_true (g_str_has_prefix (kase->diary_number, "HVSDN "));
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  g_assert_cmpstr (sp_case_page_get_status_text (fixture->page), ==, "Registered");
  g_assert_cmpstr (sp_case_page_get_diary_text (fixture->page), ==, kase->diary_number);
  g_assert_true (history_has (fixture, "Status: Received → Registered"));
  g_assert_true (history_has (fixture, "Registered in the diary as HVSDN "));
  g_assert_cmpuint (count_rows (sp_case_page_get_history_list (fixture->page)), ==, 3);

  /* The buttons follow the new status. */
  g_assert_null (sp_case_page_get_transition_button (fixture->page, SP_STATUS_REGISTERED));
  g_assert_nonnull (sp_case_page_get_transition_button (fixture->page, SP_STATUS_ASSIGNED));
}

static void
test_staff_has_no_transitions (Fixture       *fixture,
                               gconstpointer  data)
{
  open_page (fixture, &staff);

  g_assert_cmpuint (sp_case_page_get_n_transitions (fixture->page), ==, 0);
  g_assert_true (gtk_widget_is_visible (child (fixture, "transitions_label")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (fixture, "transitions_label"))), !=, "");
  /* Flags are set by unit managers and registrars. */
  g_assert_false (gtk_widget_is_sensitive (sp_case_page_get_flag_switch (fixture->page,
                                                                         "named_employee")));
}

static void
test_anonymous_not_registered (Fixture       *fixture,
                               gconstpointer  data)
{
  g_free (fixture->case_id);
  fixture->case_id = create_case (fixture, sp_date_today (), TRUE);
  open_page (fixture, &registrar);

  /* The workflow allows registering a received case, but not this one. */
  g_assert_null (sp_case_page_get_transition_button (fixture->page, SP_STATUS_REGISTERED));
  g_assert_nonnull (sp_case_page_get_transition_button (fixture->page, SP_STATUS_ASSIGNED));
  g_assert_false (gtk_widget_is_visible (child (fixture, "sender_name_row")));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child (fixture,
                                                                               "sender_feedback_row"))),
                   ==, "Anonymous");
}

static void
test_transition_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(GPtrArray) events = NULL;

  open_page (fixture, &registrar);
  click (sp_case_page_get_transition_button (fixture->page, SP_STATUS_REGISTERED));
  click (sp_case_page_get_transition_button (fixture->page, SP_STATUS_ASSIGNED));

  kase = stored_case (fixture);
  g_assert_cmpint (kase->status, ==, SP_STATUS_ASSIGNED);
  g_clear_object (&kase);

  undo (fixture);

  kase = stored_case (fixture);
  g_assert_cmpint (kase->status, ==, SP_STATUS_REGISTERED);
  /* The diary number stays with the case. */
  g_assert_nonnull (kase->diary_number);
  g_assert_cmpstr (sp_case_page_get_status_text (fixture->page), ==, "Registered");
  g_assert_cmpstr (first_history_title (fixture), ==, "Status: Assigned → Registered");
  g_assert_nonnull (sp_case_page_get_transition_button (fixture->page, SP_STATUS_ASSIGNED));
  g_assert_cmpuint (fixture->n_changed, ==, 3);

  events = sp_store_get_case_events (fixture->store, fixture->case_id, NULL);
  g_assert_cmpint (((SpCaseEvent *) g_ptr_array_index (events, events->len - 1))->kind,
                   ==, SP_EVENT_STATUS_CHANGED);
}

static void
test_undo_after_other_change (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(SpCase) other = NULL;
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  open_page (fixture, &registrar);
  /* A case with contact details is registered before it is assigned (R4). */
  click (sp_case_page_get_transition_button (fixture->page, SP_STATUS_REGISTERED));
  click (sp_case_page_get_transition_button (fixture->page, SP_STATUS_ASSIGNED));

  /* Someone else edits the case before Undo is pressed. */
  other = stored_case (fixture);
  g_free (other->subject);
  other->subject = g_strdup ("Kall mat, ändrat av någon annan");
  sp_store_update_case (fixture->store, other, &manager, TRUE, &error);
  g_assert_no_error (error);

  undo (fixture);

  kase = stored_case (fixture);
  g_assert_cmpint (kase->status, ==, SP_STATUS_ASSIGNED);
  g_assert_cmpstr (kase->subject, ==, "Kall mat, ändrat av någon annan");
  g_assert_cmpstr (sp_case_page_get_subject_text (fixture->page), ==,
                   "Kall mat, ändrat av någon annan");
}

static void
test_flag_undo (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *toggle;
  g_autoptr(SpCase) kase = NULL;

  open_page (fixture, &manager);
  toggle = sp_case_page_get_flag_switch (fixture->page, "conflict_of_interest");
  g_assert_true (gtk_widget_is_sensitive (toggle));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));

  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  iterate ();
  keep_toast ();

  kase = stored_case (fixture);
  g_assert_true (kase->conflict_of_interest);
  g_clear_object (&kase);
  g_assert_cmpstr (first_history_title (fixture), ==, "Conflict of interest: No → Yes");


  undo (fixture);

  kase = stored_case (fixture);
  g_assert_false (kase->conflict_of_interest);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_cmpstr (first_history_title (fixture), ==, "Conflict of interest: Yes → No");
}

/* A second change while the first one's toast is on screen says so in
 * that toast (not in another queued behind it), and its Undo undoes the
 * second change only. */
static void
test_toast_replaced (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SpCase) kase = NULL;
  AdwToast *first;

  open_page (fixture, &manager);
  gtk_switch_set_active (GTK_SWITCH (sp_case_page_get_flag_switch (fixture->page,
                                                                   "conflict_of_interest")),
                         TRUE);
  iterate ();
  keep_toast ();
  first = sp_case_page_get_last_toast (fixture->page);
  g_assert_nonnull (first);
  g_assert_cmpstr (adw_toast_get_title (first), ==, "Flag set: Conflict of interest");

  gtk_switch_set_active (GTK_SWITCH (sp_case_page_get_flag_switch (fixture->page,
                                                                   "individual_record")),
                         TRUE);
  iterate ();
  g_assert_true (sp_case_page_get_last_toast (fixture->page) == first);
  g_assert_cmpstr (adw_toast_get_title (first), ==,
                   "Flag set: Concerns an individual’s record");
  g_assert_cmpstr (adw_toast_get_button_label (first), ==, "_Undo");

  undo (fixture);
  kase = stored_case (fixture);
  g_assert_false (kase->individual_record);
  g_assert_true (kase->conflict_of_interest);
}

static void
test_change_unit (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SpUnit) unit = sp_unit_new ();
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  GListModel *model;
  guint position = GTK_INVALID_LIST_POSITION;

  unit->name = g_strdup ("Hemtjänst Vällingby");
  unit->kind = SP_UNIT_KIND_UNIT;
  sp_entity_ensure_id (SP_ENTITY (unit));
  sp_store_save (fixture->store, SP_ENTITY (unit), SP_SAVE_DEFAULT, "test", &error);
  g_assert_no_error (error);

  open_page (fixture, &registrar);
  row = child (fixture, "unit_row");
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), "Hemtjänst Vällingby"))
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
  iterate ();
  keep_toast ();

  kase = stored_case (fixture);
  g_assert_cmpstr (kase->unit_id, ==, SP_ENTITY (unit)->id);
  g_clear_object (&kase);
  g_assert_cmpstr (first_history_title (fixture), ==,
                   "Unit: Solgårdens äldreboende → Hemtjänst Vällingby");

  undo (fixture);
  kase = stored_case (fixture);
  g_assert_cmpstr (kase->unit_id, ==, fixture->unit_id);
  g_assert_cmpstr (combo_text (row), ==, "Solgårdens äldreboende");
}

static void
test_individual_record_task (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *noted_row;
  g_autoptr(SpCase) kase = NULL;

  open_page (fixture, &manager);
  noted_row = child (fixture, "individual_record_noted_row");
  g_assert_false (gtk_widget_is_visible (noted_row));

  gtk_switch_set_active (GTK_SWITCH (sp_case_page_get_flag_switch (fixture->page,
                                                                   "individual_record")), TRUE);
  iterate ();
  /* The note in the person's file is now a task on the case. */
  g_assert_true (gtk_widget_is_visible (noted_row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (noted_row)), !=, "");

  gtk_switch_set_active (GTK_SWITCH (sp_case_page_get_flag_switch (fixture->page,
                                                                   "individual_record_noted")),
                         TRUE);
  iterate ();
  kase = stored_case (fixture);
  g_assert_true (kase->individual_record);
  g_assert_true (kase->individual_record_noted);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (noted_row)), ==, "");
}

static void
test_investigating_unit (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SpCase) kase = NULL;

  open_page (fixture, &manager);
  g_assert_false (gtk_widget_is_visible (child (fixture, "investigating_unit_row")));
  gtk_switch_set_active (GTK_SWITCH (sp_case_page_get_flag_switch (fixture->page,
                                                                   "conflict_of_interest")),
                         TRUE);
  iterate ();

  /* On a conflict of interest another unit investigates: choose it. */
  g_assert_true (gtk_widget_is_visible (child (fixture, "investigating_unit_row")));
  g_assert_cmpstr (combo_text (child (fixture, "investigating_unit_row")), ==, "Not chosen");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (fixture, "investigating_unit_row")), 1);
  iterate ();
  kase = stored_case (fixture);
  g_assert_cmpstr (kase->investigating_unit_id, ==, fixture->unit_id);
  g_clear_object (&kase);
  g_assert_cmpstr (first_history_title (fixture), ==,
                   "Investigating unit: (none) → Solgårdens äldreboende");
}

static void
test_contract_breach (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SpProvider) provider = sp_provider_new ();
  g_autoptr(SpCase) kase = stored_case (fixture);
  g_autoptr(GError) error = NULL;
  GtkWidget *toggle;

  provider->name = g_strdup ("Omsorg AB");
  sp_entity_ensure_id (SP_ENTITY (provider));
  sp_store_save (fixture->store, SP_ENTITY (provider), SP_SAVE_DEFAULT, "test", &error);
  g_assert_no_error (error);
  kase->concerns = SP_CONCERNS_PROVIDER;
  g_clear_pointer (&kase->unit_id, g_free);
  kase->provider_id = g_strdup (SP_ENTITY (provider)->id);
  sp_store_update_case (fixture->store, kase, &registrar, TRUE, &error);
  g_assert_no_error (error);
  g_clear_object (&kase);

  open_page (fixture, &registrar);
  g_assert_false (gtk_widget_is_visible (child (fixture, "unit_row")));
  g_assert_true (gtk_widget_is_visible (child (fixture, "provider_row")));
  g_assert_cmpstr (combo_text (child (fixture, "provider_row")), ==, "Omsorg AB");

  toggle = sp_case_page_get_flag_switch (fixture->page, "contract_breach");
  g_assert_true (gtk_widget_is_visible (toggle));
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  iterate ();

  kase = stored_case (fixture);
  g_assert_true (kase->contract_breach);
  g_assert_cmpstr (first_history_title (fixture), ==, "Contract breach: No → Yes");
}

static void
test_category (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *row;
  g_autoptr(SpCase) kase = NULL;

  open_page (fixture, &registrar);
  row = child (fixture, "category_row");
  g_assert_true (gtk_widget_is_sensitive (row));

  /* "Not set" */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  iterate ();
  keep_toast ();
  kase = stored_case (fixture);
  g_assert_null (kase->category);
  g_clear_object (&kase);
  g_assert_cmpstr (first_history_title (fixture), ==, "Category: Bemötande → (none)");

  undo (fixture);
  kase = stored_case (fixture);
  g_assert_cmpstr (kase->category, ==, "treatment");
  g_assert_cmpstr (combo_text (row), ==, "Bemötande");
  g_clear_object (&kase);

  /* Staff do not recategorise. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  open_page (fixture, &staff);
  g_assert_false (gtk_widget_is_sensitive (child (fixture, "category_row")));
}

static void
test_edit_subject (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *entry;
  GtkWidget *save;
  GtkWidget *error_label;
  g_autoptr(SpCase) kase = NULL;

  open_page (fixture, &manager);
  entry = child (fixture, "subject_entry");
  save = child (fixture, "content_save_button");
  error_label = child (fixture, "subject_error_label");
  g_assert_false (gtk_widget_is_sensitive (save));

  /* An empty subject is refused next to the field, and kept. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  click (save);
  g_assert_true (gtk_widget_is_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "  ");
  kase = stored_case (fixture);
  g_assert_cmpstr (kase->subject, ==, "Maten var kall");
  g_clear_object (&kase);

  /* The error goes as soon as the subject is valid, before Save. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Maten var kall på Solgården");
  iterate ();
  g_assert_false (gtk_widget_is_visible (error_label));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  click (save);
  g_assert_false (gtk_widget_is_visible (error_label));

  kase = stored_case (fixture);
  g_assert_cmpstr (kase->subject, ==, "Maten var kall på Solgården");
  g_clear_object (&kase);
  g_assert_cmpstr (sp_case_page_get_subject_text (fixture->page), ==,
                   "Maten var kall på Solgården");
  g_assert_true (history_has (fixture, "Subject: Maten var kall → Maten var kall på Solgården"));
  g_assert_false (gtk_widget_is_sensitive (save));

  undo (fixture);
  kase = stored_case (fixture);
  g_assert_cmpstr (kase->subject, ==, "Maten var kall");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Maten var kall");
}

static void
test_save_text_shortcut (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SpCase) kase = NULL;
  open_page (fixture, &manager);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (fixture,
                                                                            "description_view"))),
                            "Tre dagar i rad, och fyra.", -1);

  /* What Ctrl+S is bound to. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "case-page.save-text", NULL);
  iterate ();

  kase = stored_case (fixture);
  g_assert_cmpstr (kase->description, ==, "Tre dagar i rad, och fyra.");
  g_assert_true (history_has (fixture, "Description: Tre dagar i rad. → Tre dagar i rad, och fyra."));
}

static void
test_history_hides_personal_data (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(SpCase) kase = stored_case (fixture);
  g_autoptr(GError) error = NULL;

  g_free (kase->sender_email);
  kase->sender_email = g_strdup ("bo.ek@example.se");
  sp_store_update_case (fixture->store, kase, &registrar, TRUE, &error);
  g_assert_no_error (error);

  open_page (fixture, &quality);
  g_assert_cmpstr (first_history_title (fixture), ==, "Sender’s e-mail: (hidden) → (hidden)");
  g_assert_false (history_has (fixture, "bo.ek@example.se"));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();

  open_page (fixture, &registrar);
  g_assert_cmpstr (first_history_title (fixture), ==,
                   "Sender’s e-mail: bo@example.se → bo.ek@example.se");
}

/* A long history shows its newest events, and the rest on asking. */
static void
test_history_show_all (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *list;
  guint n_events;

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(SpCase) kase = stored_case (fixture);
      g_autoptr(GError) error = NULL;

      kase->conflict_of_interest = !kase->conflict_of_interest;
      sp_store_update_case (fixture->store, kase, &registrar, TRUE, &error);
      g_assert_no_error (error);
    }

  open_page (fixture, &registrar);
  list = sp_case_page_get_history_list (fixture->page);
  /* Twenty and the row that shows the rest. */
  g_assert_cmpuint (count_rows (list), ==, 21);
  g_assert_true (history_has (fixture, "Show All"));
  g_assert_true (history_has (fixture, "Conflict of interest: Yes → No"));
  g_assert_false (history_has (fixture, "Case created"));

  g_assert_cmpstr (gtk_widget_get_name (gtk_widget_get_last_child (list)), ==, "history-show-all");
  g_signal_emit_by_name (gtk_widget_get_last_child (list), "activated");
  iterate ();
  n_events = count_rows (list);
  g_assert_cmpuint (n_events, ==, 31);
  g_assert_true (history_has (fixture, "Case created"));
  g_assert_false (history_has (fixture, "Show All"));

  /* A save refills the page; the whole history stays shown. */
  gtk_switch_set_active (GTK_SWITCH (sp_case_page_get_flag_switch (fixture->page, "named_employee")),
                         TRUE);
  iterate ();
  g_assert_cmpuint (count_rows (list), ==, n_events + 1);
}

static void
test_edit_conflict (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SpCase) other = NULL;
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *entry;

  open_page (fixture, &manager);
  entry = child (fixture, "subject_entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Min ändring");

  other = stored_case (fixture);
  g_free (other->description);
  other->description = g_strdup ("Någon annans ändring");
  sp_store_update_case (fixture->store, other, &registrar, TRUE, &error);
  g_assert_no_error (error);

  click (child (fixture, "content_save_button"));

  /* Refused: the other change stays, the page shows it, and the text
   * being typed is still there to save again. */
  kase = stored_case (fixture);
  g_assert_cmpstr (kase->subject, ==, "Maten var kall");
  g_assert_cmpstr (kase->description, ==, "Någon annans ändring");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Min ändring");
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (fixture,
                                                                             "description_view")));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "Någon annans ändring");
  }
  g_assert_true (history_has (fixture, "Description: Tre dagar i rad. → Någon annans ändring"));
  g_assert_nonnull (sp_case_page_get_last_toast (fixture->page));
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
test_overdue_delay_notice (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SpCase) kase = NULL;
  GtkWidget *reason;
  GtkWidget *error_label;

  g_free (fixture->case_id);
  fixture->case_id = create_case (fixture, sp_date_today () - 40, FALSE);
  open_page (fixture, &manager);

  g_assert_true (g_str_has_prefix (sp_case_page_get_deadline_text (fixture->page), "Overdue by "));
  g_assert_true (gtk_widget_has_css_class (child (fixture, "days_left_label"), "error"));
  g_assert_true (gtk_widget_is_visible (child (fixture, "delay_owed_row")));

  click (child (fixture, "delay_open_button"));
  reason = child (fixture, "delay_reason_row");
  error_label = child (fixture, "delay_error_label");
  g_assert_true (gtk_widget_is_visible (reason));

  /* No reason: refused next to the field. */
  click (child (fixture, "delay_save_button"));
  g_assert_true (gtk_widget_is_visible (error_label));
  kase = stored_case (fixture);
  g_assert_cmpuint (kase->delay_notice_on, ==, SP_DATE_NONE);
  g_clear_object (&kase);

  gtk_editable_set_text (GTK_EDITABLE (reason), "Väntar på vårdgivarens redogörelse");
  click (child (fixture, "delay_save_button"));

  kase = stored_case (fixture);
  g_assert_cmpuint (kase->delay_notice_on, ==, sp_date_today ());
  g_assert_cmpstr (kase->delay_reason, ==, "Väntar på vårdgivarens redogörelse");
  g_assert_false (gtk_widget_is_visible (child (fixture, "delay_owed_row")));
  g_assert_true (gtk_widget_is_visible (child (fixture, "delay_recorded_row")));
}

static void
test_quality_hides_personal_data (Fixture       *fixture,
                                  gconstpointer  data)
{
  open_page (fixture, &quality);

  g_assert_false (gtk_widget_is_visible (child (fixture, "sender_name_row")));
  g_assert_false (gtk_widget_is_visible (child (fixture, "sender_email_row")));
  g_assert_cmpuint (sp_case_page_get_n_transitions (fixture->page), ==, 0);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (child (fixture, "subject_entry"))));
}

static void
test_named_employee_restricted (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(SpCase) kase = stored_case (fixture);
  g_autoptr(GError) error = NULL;

  kase->named_employee = TRUE;
  sp_store_update_case (fixture->store, kase, &manager, TRUE, &error);
  g_assert_no_error (error);

  open_page (fixture, &staff);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "stack"))),
                   ==, "missing");
  g_assert_cmpstr (sp_case_page_get_subject_text (fixture->page), !=, "Maten var kall");
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();

  open_page (fixture, &manager);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "stack"))),
                   ==, "case");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (sp_case_page_get_flag_switch (fixture->page,
                                                                                  "named_employee"))));
}

static AdwMessageDialog *
find_message_dialog (GtkWidget *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (parent))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
test_forward_elsewhere (Fixture       *fixture,
                        gconstpointer  data)
{
  AdwMessageDialog *ask;
  GtkWidget *entry;
  g_autoptr(SpCase) kase = NULL;

  open_page (fixture, &registrar);
  click (sp_case_page_get_transition_button (fixture->page, SP_STATUS_FORWARDED_ELSEWHERE));

  /* Nothing happens before the receiving authority is named. */
  ask = find_message_dialog (fixture->window);
  g_assert_nonnull (ask);
  entry = adw_message_dialog_get_extra_child (ask);
  g_assert_false (adw_message_dialog_get_response_enabled (ask, "forward"));
  kase = stored_case (fixture);
  g_assert_cmpint (kase->status, ==, SP_STATUS_RECEIVED);
  g_clear_object (&kase);

  gtk_editable_set_text (GTK_EDITABLE (entry), "Trafikkontoret");
  g_assert_true (adw_message_dialog_get_response_enabled (ask, "forward"));
  adw_message_dialog_response (ask, "forward");
  iterate ();
  keep_toast ();

  kase = stored_case (fixture);
  g_assert_cmpint (kase->status, ==, SP_STATUS_FORWARDED_ELSEWHERE);
  g_assert_cmpstr (kase->forwarded_to, ==, "Trafikkontoret");
  g_assert_cmpuint (kase->closed_on, ==, sp_date_today ());
  g_clear_object (&kase);
  g_assert_true (history_has (fixture, "Forwarded to: (none) → Trafikkontoret"));

  undo (fixture);
  kase = stored_case (fixture);
  g_assert_cmpint (kase->status, ==, SP_STATUS_RECEIVED);
  g_assert_null (kase->forwarded_to);
  g_assert_cmpuint (kase->closed_on, ==, SP_DATE_NONE);
}

int
main (int   argc,
      char *argv[])
{
  case_page_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/case-page/empty-and-missing", test_empty);
  ADD ("/case-page/shows-case", test_shows_case);
  ADD ("/case-page/transition", test_transition);
  ADD ("/case-page/staff-has-no-transitions", test_staff_has_no_transitions);
  ADD ("/case-page/anonymous-not-registered", test_anonymous_not_registered);
  ADD ("/case-page/transition-undo", test_transition_undo);
  ADD ("/case-page/undo-after-other-change", test_undo_after_other_change);
  ADD ("/case-page/flag-undo", test_flag_undo);
  ADD ("/case-page/toast-replaced", test_toast_replaced);
  ADD ("/case-page/edit-subject", test_edit_subject);
  ADD ("/case-page/category", test_category);
  ADD ("/case-page/contract-breach", test_contract_breach);
  ADD ("/case-page/investigating-unit", test_investigating_unit);
  ADD ("/case-page/change-unit", test_change_unit);
  ADD ("/case-page/individual-record-task", test_individual_record_task);
  ADD ("/case-page/edit-conflict", test_edit_conflict);
  ADD ("/case-page/save-text-shortcut", test_save_text_shortcut);
  ADD ("/case-page/history-hides-personal-data", test_history_hides_personal_data);
  ADD ("/case-page/history-show-all", test_history_show_all);
  ADD ("/case-page/overdue-delay-notice", test_overdue_delay_notice);
  ADD ("/case-page/quality-hides-personal-data", test_quality_hides_personal_data);
  ADD ("/case-page/named-employee-restricted", test_named_employee_restricted);
  ADD ("/case-page/forward-elsewhere", test_forward_elsewhere);
#undef ADD

  return g_test_run ();
}
