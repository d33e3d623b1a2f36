/* test-intake.c: the New case form, driven through its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (see the README's test command): real windows on a real
 * SQLite store in a temporary folder.
 */

#include <string.h>

#include <glib/gstdio.h>

#include "../sp-test-dir.h"
#include "../sp-test-store.h"
#include "sp-intake-date-button.h"
#include "sp-intake-dialog.h"
#include "sp-intake-validate.h"

typedef struct
{
  char       *dir;
  SpStore    *store;    /* the test's own, for setting up and checking */
  SpStoreWorker *worker;  /* the dialog's */
  char       *unit_id;
  char       *other_unit_id;
  char       *provider_id;
  SpActor     actor;
  GtkWidget  *dialog;
  char       *created_id;
  guint       n_created;
} Fixture;

static void
save_or_die (SpStore  *store,
             gpointer  entity)
{
  g_autoptr(GError) error = NULL;

  sp_entity_ensure_id (SP_ENTITY (entity));
  sp_store_save (store, SP_ENTITY (entity), SP_SAVE_DEFAULT, "test", &error);
  g_assert_no_error (error);
}

static char *
add_unit (SpStore    *store,
          const char *name,
          SpArea      area)
{
  g_autoptr(SpUnit) unit = sp_unit_new ();

  unit->name = g_strdup (name);
  unit->kind = SP_UNIT_KIND_UNIT;
  unit->area = area;
  save_or_die (store, unit);

  return g_strdup (SP_ENTITY (unit)->id);
}

static void
add_category (SpStore    *store,
              const char *code,
              const char *name,
              int         position)
{
  g_autoptr(SpCategory) category = sp_category_new ();

  category->code = g_strdup (code);
  category->name = g_strdup (name);
  category->position = position;
  save_or_die (store, category);
}

static void wait_idle (Fixture *fixture);

static void
on_case_created (SpIntakeDialog *dialog,
                 const char     *case_id,
                 Fixture        *fixture)
{
  g_free (fixture->created_id);
  fixture->created_id = g_strdup (case_id);
  fixture->n_created++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SpProvider) provider = sp_provider_new ();

  fixture->dir = sp_test_dir_new ("intake");
  path = g_build_filename (fixture->dir, "cases.db", NULL);
  fixture->store = sp_test_store_open (path, &error);
  g_assert_no_error (error);
  fixture->worker = sp_store_worker_new (path);

  fixture->unit_id = add_unit (fixture->store, "Solgårdens äldreboende", SP_AREA_ELDERLY_CARE);
  fixture->other_unit_id = add_unit (fixture->store, "Förskolan Ekorren", SP_AREA_PRESCHOOL);
  add_category (fixture->store, "treatment", "Bemötande", 1);
  add_category (fixture->store, "quality", "Kvalitet", 2);

  provider->name = g_strdup ("Omsorg AB");
  save_or_die (fixture->store, provider);
  fixture->provider_id = g_strdup (SP_ENTITY (provider)->id);

  fixture->actor.user_id = "u-staff";
  fixture->actor.display_name = "Sara Staff";
  fixture->actor.roles = SP_ROLE_BIT (SP_ROLE_STAFF);

  fixture->dialog = sp_intake_dialog_new (NULL, fixture->worker, &fixture->actor);
  g_object_add_weak_pointer (G_OBJECT (fixture->dialog), (gpointer *) &fixture->dialog);
  g_signal_connect (fixture->dialog, "case-created", G_CALLBACK (on_case_created), fixture);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  wait_idle (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Close whatever message dialog a test left open, then the form. */
  if (fixture->dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (fixture->dialog, fixture);
      gtk_window_destroy (GTK_WINDOW (fixture->dialog));
    }
  g_assert_null (fixture->dialog);

  g_clear_object (&fixture->store);
  g_clear_object (&fixture->worker);
  sp_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->unit_id);
  g_free (fixture->other_unit_id);
  g_free (fixture->provider_id);
  g_free (fixture->created_id);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Until the dialog has read its choices or finished saving. */
static void
wait_idle (Fixture *fixture)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (fixture->dialog != NULL && sp_intake_dialog_is_busy (SP_INTAKE_DIALOG (fixture->dialog)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
  iterate ();
}

static GtkWidget *
input (Fixture    *fixture,
       const char *field)
{
  GtkWidget *widget = sp_intake_dialog_get_input (SP_INTAKE_DIALOG (fixture->dialog), field);

  g_assert_nonnull (widget);
  return widget;
}

static void
set_text (Fixture    *fixture,
          const char *field,
          const char *text)
{
  GtkWidget *widget = input (fixture, field);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static const char *
get_text (Fixture    *fixture,
          const char *field)
{
  return gtk_editable_get_text (GTK_EDITABLE (input (fixture, field)));
}

/* Chooses the item shown as @label, as a user would in the drop-down. */
static void
choose (Fixture    *fixture,
        const char *field,
        const char *label)
{
  AdwComboRow *row = ADW_COMBO_ROW (input (fixture, field));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }

  g_error ("No item “%s” in %s", label, field);
}

static guint
count_cases (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = sp_store_load_where (fixture->store, SP_TYPE_CASE, NULL, NULL,
                                                    &error);

  g_assert_no_error (error);
  return cases->len;
}

static void
save (Fixture *fixture)
{
  /* What the Save button and Ctrl+Return do. */
  gtk_widget_activate_action (fixture->dialog, "intake.save", NULL);
  wait_idle (fixture);
}

static void
assert_refused (Fixture    *fixture,
                const char *field)
{
  GtkWidget *label = sp_intake_dialog_get_error_label (SP_INTAKE_DIALOG (fixture->dialog), field);

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_is_visible (label));
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), !=, "");
}

static void
assert_not_refused (Fixture    *fixture,
                    const char *field)
{
  GtkWidget *label = sp_intake_dialog_get_error_label (SP_INTAKE_DIALOG (fixture->dialog), field);

  g_assert_false (gtk_widget_is_visible (label));
}

static void
fill_valid_except_unit (Fixture *fixture)
{
  choose (fixture, "kind", "Opinion");
  choose (fixture, "channel", "Letter");
  set_text (fixture, "sender_name", "Per Persson");
  set_text (fixture, "sender_address", "Storgatan 1, 162 00 Vällingby");
  set_text (fixture, "subject", "Synpunkt om parken");
}

static void
fill_valid (Fixture *fixture)
{
  choose (fixture, "kind", "Complaint");
  choose (fixture, "channel", "E-mail");
  choose (fixture, "valence", "Negative");
  set_text (fixture, "sender_name", "Anna Öberg");
  set_text (fixture, "sender_email", "anna.oberg@example.se");
  gtk_switch_set_active (GTK_SWITCH (input (fixture, "sender_wants_feedback")), TRUE);
  choose (fixture, "sender_relation", "Relative");
  choose (fixture, "concerns", "Our unit");
  choose (fixture, "unit_id", "Solgårdens äldreboende");
  choose (fixture, "category", "Bemötande");
  set_text (fixture, "subject", "Otrevligt bemötande vid besök");
  set_text (fixture, "description", "Personalen svarade inte på frågor.\nAndra raden.");
  gtk_switch_set_active (GTK_SWITCH (input (fixture, "named_employee")), TRUE);
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  iterate ();
  /* Today is the default date received. */
  g_assert_cmpuint (sp_intake_date_button_get_date (SP_INTAKE_DATE_BUTTON (input (fixture, "received_on"))),
                    ==, sp_date_today ());

  fill_valid (fixture);
  save (fixture);

  g_assert_cmpuint (fixture->n_created, ==, 1);
  g_assert_nonnull (fixture->created_id);
  g_assert_null (fixture->dialog);

  kase = sp_store_get_case (fixture->store, fixture->created_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kase->kind, ==, SP_CASE_KIND_COMPLAINT);
  g_assert_cmpint (kase->channel, ==, SP_CHANNEL_EMAIL);
  g_assert_cmpint (kase->valence, ==, SP_VALENCE_NEGATIVE);
  g_assert_cmpint (kase->status, ==, SP_STATUS_RECEIVED);
  g_assert_cmpuint (kase->received_on, ==, sp_date_today ());
  g_assert_false (kase->sender_anonymous);
  g_assert_cmpstr (kase->sender_name, ==, "Anna Öberg");
  g_assert_cmpstr (kase->sender_email, ==, "anna.oberg@example.se");
  g_assert_true (kase->sender_wants_feedback);
  g_assert_cmpint (kase->sender_relation, ==, SP_RELATION_RELATIVE);
  g_assert_cmpint (kase->concerns, ==, SP_CONCERNS_UNIT);
  g_assert_cmpstr (kase->unit_id, ==, fixture->unit_id);
  /* The unit's area was suggested. */
  g_assert_cmpint (kase->area, ==, SP_AREA_ELDERLY_CARE);
  g_assert_cmpstr (kase->category, ==, "treatment");
  g_assert_cmpstr (kase->subject, ==, "Otrevligt bemötande vid besök");
  g_assert_cmpstr (kase->description, ==, "Personalen svarade inte på frågor.\nAndra raden.");
  g_assert_true (kase->named_employee);
  g_assert_false (kase->conflict_of_interest);
  g_assert_null (kase->service_note);
  g_assert_cmpstr (kase->created_by, ==, "u-staff");
  g_assert_cmpuint (kase->due_on, !=, SP_DATE_NONE);

  events = sp_store_get_case_events (fixture->store, fixture->created_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (((SpCaseEvent *) g_ptr_array_index (events, 0))->kind, ==, SP_EVENT_CREATED);
}

static void
test_invalid (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *received = input (fixture, "received_on");
  g_autoptr(SpCase) kase = NULL;

  fill_valid (fixture);
  /* Four mistakes at once. */
  set_text (fixture, "subject", "   ");
  set_text (fixture, "sender_email", "anna.oberg@example");
  sp_intake_date_button_set_date (SP_INTAKE_DATE_BUTTON (received), sp_date_today () + 3);
  choose (fixture, "unit_id", "Choose a unit…");

  save (fixture);

  g_assert_nonnull (fixture->dialog);
  g_assert_cmpuint (fixture->n_created, ==, 0);
  g_assert_cmpuint (count_cases (fixture), ==, 0);

  assert_refused (fixture, "subject");
  assert_refused (fixture, "sender_email");
  assert_refused (fixture, "received_on");
  assert_refused (fixture, "unit_id");
  assert_not_refused (fixture, "sender_name");
  assert_not_refused (fixture, "kind");
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_ancestor (input (fixture, "subject"),
                                                                    GTK_TYPE_LIST_BOX_ROW),
                                           "error"));
  g_assert_nonnull (sp_intake_dialog_get_message (SP_INTAKE_DIALOG (fixture->dialog)));

  /* Nothing typed was lost. */
  g_assert_cmpstr (get_text (fixture, "sender_name"), ==, "Anna Öberg");
  g_assert_cmpstr (get_text (fixture, "sender_email"), ==, "anna.oberg@example");
  g_assert_cmpstr (get_text (fixture, "subject"), ==, "   ");
  g_assert_cmpuint (sp_intake_date_button_get_date (SP_INTAKE_DATE_BUTTON (received)),
                    ==, sp_date_today () + 3);

  /* Fixed, it saves, and the reasons are gone before that. */
  set_text (fixture, "subject", "Otrevligt bemötande");
  set_text (fixture, "sender_email", "anna.oberg@example.se");
  sp_intake_date_button_set_date (SP_INTAKE_DATE_BUTTON (received), sp_date_today () - 2);
  choose (fixture, "unit_id", "Förskolan Ekorren");
  save (fixture);

  g_assert_null (fixture->dialog);
  g_assert_cmpuint (fixture->n_created, ==, 1);
  kase = sp_store_get_case (fixture->store, fixture->created_id, NULL);
  g_assert_nonnull (kase);
  g_assert_cmpstr (kase->unit_id, ==, fixture->other_unit_id);
  g_assert_cmpuint (kase->received_on, ==, sp_date_today () - 2);
}

static void
test_required_choices (Fixture       *fixture,
                       gconstpointer  data)
{
  /* An untouched form: kind, channel, sender, unit and subject missing. */
  save (fixture);

  g_assert_nonnull (fixture->dialog);
  g_assert_cmpuint (count_cases (fixture), ==, 0);
  assert_refused (fixture, "kind");
  assert_refused (fixture, "channel");
  assert_refused (fixture, "sender_name");
  assert_refused (fixture, "sender_address");
  assert_refused (fixture, "unit_id");
  assert_refused (fixture, "subject");
  assert_not_refused (fixture, "received_on");
}

static void
test_contact_details (Fixture       *fixture,
                      gconstpointer  data)
{
  fill_valid (fixture);
  set_text (fixture, "sender_email", "");
  set_text (fixture, "sender_phone", "ring mig");
  save (fixture);

  g_assert_cmpuint (count_cases (fixture), ==, 0);
  assert_refused (fixture, "sender_phone");
  assert_not_refused (fixture, "sender_email");

  /* A phone number is enough to reply to. */
  set_text (fixture, "sender_phone", "08-123 456 78");
  save (fixture);
  g_assert_cmpuint (count_cases (fixture), ==, 1);
}

static void
test_too_long (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GString) subject = g_string_new (NULL);

  for (guint i = 0; i < 201; i++)
    g_string_append (subject, "ä");

  fill_valid (fixture);
  set_text (fixture, "subject", subject->str);
  save (fixture);

  g_assert_cmpuint (count_cases (fixture), ==, 0);
  assert_refused (fixture, "subject");
  g_assert_cmpstr (get_text (fixture, "subject"), ==, subject->str);
}

static void
test_anonymous (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SpCase) kase = NULL;

  fill_valid (fixture);
  gtk_switch_set_active (GTK_SWITCH (input (fixture, "sender_anonymous")), TRUE);
  iterate ();

  /* The contact rows are out of the way but keep what was typed. */
  g_assert_false (gtk_widget_get_visible (input (fixture, "sender_name")));
  g_assert_cmpstr (get_text (fixture, "sender_name"), ==, "Anna Öberg");

  save (fixture);
  g_assert_null (fixture->dialog);

  kase = sp_store_get_case (fixture->store, fixture->created_id, NULL);
  g_assert_true (kase->sender_anonymous);
  g_assert_null (kase->sender_name);
  g_assert_null (kase->sender_email);
  g_assert_false (kase->sender_wants_feedback);
}

static void
test_concerns_provider (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SpCase) kase = NULL;

  fill_valid (fixture);
  choose (fixture, "concerns", "Private provider");
  iterate ();
  g_assert_false (gtk_widget_get_visible (input (fixture, "unit_id")));
  g_assert_true (gtk_widget_get_visible (input (fixture, "provider_id")));

  save (fixture);
  g_assert_cmpuint (count_cases (fixture), ==, 0);
  assert_refused (fixture, "provider_id");

  choose (fixture, "provider_id", "Omsorg AB");
  save (fixture);
  g_assert_null (fixture->dialog);

  kase = sp_store_get_case (fixture->store, fixture->created_id, NULL);
  g_assert_cmpint (kase->concerns, ==, SP_CONCERNS_PROVIDER);
  g_assert_cmpstr (kase->provider_id, ==, fixture->provider_id);
  /* The unit chosen before is not saved with a provider's case. */
  g_assert_null (kase->unit_id);
}

static void
test_authority_channel (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *given = input (fixture, "given_due_on");
  g_autoptr(SpCase) kase = NULL;

  fill_valid (fixture);
  g_assert_false (gtk_widget_is_visible (given));
  choose (fixture, "channel", "Forwarded by IVO");
  iterate ();
  g_assert_true (gtk_widget_is_visible (given));

  set_text (fixture, "authority_reference", "IVO 3.1.2-12345/2026");
  save (fixture);
  g_assert_cmpuint (count_cases (fixture), ==, 0);
  assert_refused (fixture, "given_due_on");

  sp_intake_date_button_set_date (SP_INTAKE_DATE_BUTTON (given), sp_date_today () + 20);
  save (fixture);
  g_assert_null (fixture->dialog);

  kase = sp_store_get_case (fixture->store, fixture->created_id, NULL);
  g_assert_cmpint (kase->channel, ==, SP_CHANNEL_IVO);
  g_assert_cmpstr (kase->authority_reference, ==, "IVO 3.1.2-12345/2026");
  g_assert_cmpuint (kase->given_due_on, ==, sp_date_today () + 20);
  /* The authority's date is the deadline. */
  g_assert_cmpuint (kase->due_on, ==, sp_date_today () + 20);
}

static void
test_service_note (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *note = input (fixture, "service_note");
  g_autoptr(SpCase) kase = NULL;

  fill_valid (fixture);
  g_assert_false (gtk_widget_is_visible (note));
  choose (fixture, "channel", "Phone");
  iterate ();
  g_assert_true (gtk_widget_is_visible (note));
  set_text (fixture, "service_note", "Ringde och berättade; lovade återkomma.");

  save (fixture);
  kase = sp_store_get_case (fixture->store, fixture->created_id, NULL);
  g_assert_nonnull (kase);
  g_assert_cmpstr (kase->service_note, ==, "Ringde och berättade; lovade återkomma.");
}

static void
test_no_units_yet (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *label;

  /* A fresh database: no organisation entered yet. */
  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  sp_store_exec (fixture->store, "UPDATE units SET deleted = 1", &error);
  g_assert_no_error (error);
  fixture->dialog = sp_intake_dialog_new (NULL, fixture->worker, &fixture->actor);
  g_object_add_weak_pointer (G_OBJECT (fixture->dialog), (gpointer *) &fixture->dialog);
  g_signal_connect (fixture->dialog, "case-created", G_CALLBACK (on_case_created), fixture);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  wait_idle (fixture);

  fill_valid_except_unit (fixture);
  save (fixture);
  g_assert_cmpuint (count_cases (fixture), ==, 0);
  assert_refused (fixture, "unit_id");
  label = sp_intake_dialog_get_error_label (SP_INTAKE_DIALOG (fixture->dialog), "unit_id");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "no units yet"));

  /* Another district will do. */
  choose (fixture, "concerns", "Another district");
  set_text (fixture, "other_district", "Bromma");
  save (fixture);
  g_assert_null (fixture->dialog);
  g_assert_cmpuint (count_cases (fixture), ==, 1);
}

static void
test_store_error (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *message;

  /* A real refusal from SQLite, in the file, so that the dialog's store
   * worker meets it on its own connection. */
  sp_store_exec (fixture->store,
                 "CREATE TRIGGER refuse_cases BEFORE INSERT ON cases "
                 "BEGIN SELECT RAISE (ABORT, 'the disk is full'); END",
                 &error);
  g_assert_no_error (error);

  fill_valid (fixture);
  save (fixture);

  g_assert_nonnull (fixture->dialog);
  g_assert_cmpuint (fixture->n_created, ==, 0);
  message = sp_intake_dialog_get_message (SP_INTAKE_DIALOG (fixture->dialog));
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "the disk is full"));
  g_assert_cmpstr (get_text (fixture, "subject"), ==, "Otrevligt bemötande vid besök");
  g_assert_cmpstr (get_text (fixture, "sender_name"), ==, "Anna Öberg");

  sp_store_exec (fixture->store, "DROP TRIGGER refuse_cases", &error);
  g_assert_no_error (error);

  save (fixture);
  g_assert_null (fixture->dialog);
  g_assert_cmpuint (count_cases (fixture), ==, 1);
}

static GtkWidget *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent)
        return GTK_WIDGET (window);
    }

  return NULL;
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  /* Nothing typed: Escape closes at once. */
  gtk_widget_activate_action (fixture->dialog, "intake.cancel", NULL);
  iterate ();
  g_assert_null (fixture->dialog);
}

/* A date received more than a year back is asked about once, then taken. */
static void
test_old_date_asks (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *ask;
  SpDate old = sp_date_today () - 400;
  g_autoptr(SpCase) kase = NULL;

  fill_valid (fixture);
  sp_intake_date_button_set_date (SP_INTAKE_DATE_BUTTON (input (fixture, "received_on")), old);
  gtk_widget_activate_action (fixture->dialog, "intake.save", NULL);
  iterate ();

  ask = find_message_dialog (GTK_WINDOW (fixture->dialog));
  g_assert_nonnull (ask);
  g_assert_cmpstr (gtk_widget_get_name (ask), ==, "old-date-dialog");
  g_assert_cmpuint (count_cases (fixture), ==, 0);

  /* Check the date: nothing saved, the form stays. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "check");
  iterate ();
  g_assert_nonnull (fixture->dialog);
  g_assert_cmpuint (count_cases (fixture), ==, 0);

  /* Saved anyway: the case has the old date. */
  gtk_widget_activate_action (fixture->dialog, "intake.save", NULL);
  iterate ();
  ask = find_message_dialog (GTK_WINDOW (fixture->dialog));
  g_assert_nonnull (ask);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "save");
  wait_idle (fixture);
  g_assert_cmpuint (fixture->n_created, ==, 1);
  kase = sp_store_get_case (fixture->store, fixture->created_id, NULL);
  g_assert_cmpuint (kase->received_on, ==, old);
}

static void
test_cancel_asks (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *ask;

  set_text (fixture, "subject", "Halvskrivet");
  gtk_widget_activate_action (fixture->dialog, "intake.cancel", NULL);
  iterate ();

  g_assert_nonnull (fixture->dialog);
  ask = find_message_dialog (GTK_WINDOW (fixture->dialog));
  g_assert_nonnull (ask);

  /* Keep editing: the form and its text stay. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "keep");
  iterate ();
  g_assert_nonnull (fixture->dialog);
  g_assert_cmpstr (get_text (fixture, "subject"), ==, "Halvskrivet");

  gtk_widget_activate_action (fixture->dialog, "intake.cancel", NULL);
  iterate ();
  ask = find_message_dialog (GTK_WINDOW (fixture->dialog));
  g_assert_nonnull (ask);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "discard");
  iterate ();

  g_assert_null (fixture->dialog);
  g_assert_cmpuint (count_cases (fixture), ==, 0);
}

/* Activates what the dialog's shortcuts bind to @accelerator, as pressing
 * the keys would (GTK 4 has no way to synthesize key presses). */
static gboolean
activate_shortcut (GtkWidget  *widget,
                   const char *accelerator)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 widget, NULL);
        }
    }

  return FALSE;
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  fill_valid (fixture);

  /* Escape asks before throwing typed text away. */
  g_assert_true (activate_shortcut (fixture->dialog, "Escape"));
  iterate ();
  g_assert_nonnull (fixture->dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_message_dialog (GTK_WINDOW (fixture->dialog))),
                               "keep");
  iterate ();

  g_assert_true (activate_shortcut (fixture->dialog, "<Control>Return"));
  wait_idle (fixture);
  g_assert_null (fixture->dialog);
  g_assert_cmpuint (count_cases (fixture), ==, 1);
}

static void
test_validate_rules (void)
{
  g_assert_true (sp_intake_email_is_valid ("anna@example.se"));
  g_assert_true (sp_intake_email_is_valid ("a.b+c@sub.example.se"));
  g_assert_false (sp_intake_email_is_valid ("anna@example"));
  g_assert_false (sp_intake_email_is_valid ("@example.se"));
  g_assert_false (sp_intake_email_is_valid ("anna@@example.se"));
  g_assert_false (sp_intake_email_is_valid ("anna @example.se"));
  g_assert_false (sp_intake_email_is_valid ("anna@example..se"));
  g_assert_false (sp_intake_email_is_valid ("anna@example.se."));
  g_assert_true (sp_intake_phone_is_valid ("+46 8-123 456 78"));
  g_assert_true (sp_intake_phone_is_valid ("(08) 123 45"));
  g_assert_false (sp_intake_phone_is_valid ("123"));
  g_assert_false (sp_intake_phone_is_valid ("08-123 45 67'; DROP TABLE cases"));
}

/* The received date has the server's bounds: not in the future, not
 * before 2000 (1967 was once taken). */
static void
test_validate_received_on (void)
{
  const SpIntakeChoices choices = { TRUE, TRUE };
  SpDate today = sp_date_new (2026, 12, 2);
  static const struct { int year, month, day; gboolean ok; } dates[] = {
    { 1967, 5, 1, FALSE },
    { 1999, 12, 31, FALSE },
    { 2000, 1, 1, TRUE },
    { 2026, 12, 2, TRUE },
    { 2026, 12, 3, FALSE },
    { 9999, 12, 20, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(SpCase) kase = sp_case_new ();
      g_autoptr(GPtrArray) problems = NULL;
      const SpIntakeProblem *found = NULL;

      kase->kind = SP_CASE_KIND_OPINION;
      kase->channel = SP_CHANNEL_EMAIL;
      kase->received_on = sp_date_new (dates[i].year, dates[i].month, dates[i].day);
      problems = sp_intake_validate (kase, &choices, today);
      for (guint j = 0; j < problems->len; j++)
        if (g_strcmp0 (((SpIntakeProblem *)g_ptr_array_index (problems, j))->field, "received_on") == 0)
          found = g_ptr_array_index (problems, j);

      g_assert_true ((found == NULL) == dates[i].ok);
      if (dates[i].year == 1967)
        g_assert_cmpstr (found->message, ==, "The date received cannot be before 1 January 2000");
    }
}

/* The widget under @widget whose action is @action_name. */
static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action_name)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_save_off_while_saving (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *button = find_actionable (fixture->dialog, "intake.save");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  fill_valid (fixture);

  /* The store answers in the worker's thread, so until the main loop runs
   * again the save is under way: Save is off, and pressing it again (or
   * Ctrl+Return) saves nothing more. */
  gtk_widget_activate_action (fixture->dialog, "intake.save", NULL);
  g_assert_true (sp_intake_dialog_is_busy (SP_INTAKE_DIALOG (fixture->dialog)));
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_true (sp_intake_dialog_save (SP_INTAKE_DIALOG (fixture->dialog)));

  wait_idle (fixture);
  g_assert_null (fixture->dialog);
  g_assert_cmpuint (fixture->n_created, ==, 1);
  g_assert_cmpuint (count_cases (fixture), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/intake/create", test_create);
  ADD ("/intake/invalid-refused-and-kept", test_invalid);
  ADD ("/intake/required-choices", test_required_choices);
  ADD ("/intake/contact-details", test_contact_details);
  ADD ("/intake/too-long", test_too_long);
  ADD ("/intake/anonymous", test_anonymous);
  ADD ("/intake/concerns-provider", test_concerns_provider);
  ADD ("/intake/authority-channel", test_authority_channel);
  ADD ("/intake/service-note", test_service_note);
  ADD ("/intake/no-units-yet", test_no_units_yet);
  ADD ("/intake/store-error-keeps-form", test_store_error);
  ADD ("/intake/cancel-empty", test_cancel);
  ADD ("/intake/cancel-asks", test_cancel_asks);
  ADD ("/intake/old-date-asks", test_old_date_asks);
  ADD ("/intake/keyboard", test_keyboard);
  ADD ("/intake/save-off-while-saving", test_save_off_while_saving);
#undef ADD
  g_test_add_func ("/intake/validate-rules", test_validate_rules);
  g_test_add_func ("/intake/validate-received-on", test_validate_received_on);

  return g_test_run ();
}
