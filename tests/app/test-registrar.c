/* test-registrar.c: the registrar's views in the window: the registration
 * queue (unregistered cases with contact details, oldest first, counted in
 * the sidebar) and the diary with its secrecy marking column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "app-test-util.h"
#include "sp-case-page.h"
#include "sp-registrar-dialogs.h"
#include "sp-account-dialog.h"
#include "sp-assign-dialog.h"
#include "sp-diary-export-dialog.h"
#include "sp-dossier-file.h"
#include "sp-case-links-group.h"
#include "sp-link-dialog.h"
#include "../sp-test-csv.h"

/* The words the window shows, in the language it runs in. */
#define T(s) g_dgettext (GETTEXT_PACKAGE, s)

static const SpActor staff = { "staff-1", "Sara Medarbetare", SP_ROLE_BIT (SP_ROLE_STAFF) };
static const SpActor registrar = { "reg-1", "Rita Registrator", SP_ROLE_BIT (SP_ROLE_REGISTRAR) };

#define SECRET_TEXT "Greta Lindqvist fick fel dos insulin"

static void
shot (const char *name)
{
  const char *dir = g_getenv ("SYNPUNKT_SHOT_DIR");
  g_autofree char *command = NULL;
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  if (dir == NULL)
    return;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  command = g_strdup_printf ("import -window root %s/%s.png", dir, name);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

static char *
add_case (SpStore    *store,
          const char *subject,
          SpDate      received,
          gboolean    anonymous)
{
  g_autoptr(SpCase) kase = sp_case_new ();
  g_autoptr(GError) error = NULL;

  kase->kind = SP_CASE_KIND_COMPLAINT;
  kase->channel = SP_CHANNEL_LETTER;
  kase->received_on = received;
  kase->subject = g_strdup (subject);
  kase->description = g_strdup (SECRET_TEXT);
  kase->sender_anonymous = anonymous;
  if (!anonymous)
    {
      kase->sender_name = g_strdup ("Anna Andersson");
      kase->sender_wants_feedback = TRUE;
    }
  g_assert_true (sp_store_create_case (store, kase, &staff, &error));
  g_assert_no_error (error);
  return g_strdup (SP_ENTITY (kase)->id);
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  app_test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) &&
        strstr (gtk_label_get_text (labels->pdata[i]), text) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
has_column (GtkColumnView *view,
            const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_queue_and_diary (void)
{
  AppFixture fixture = { 0 };
  g_autofree char *marked = NULL;
  g_autofree char *older = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *anonymous = NULL;
  g_autoptr(SpCase) first = NULL;
  GtkColumnView *columns;
  SpDate today = sp_date_today ();

  app_fixture_make_db (&fixture);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SpStore) store = sp_test_store_open (fixture.db_path, &error);
    g_autoptr(SpCase) kase = NULL;
    g_autoptr(SpSecrecyMarking) marking = sp_secrecy_marking_new ();

    g_assert_no_error (error);
    marked = add_case (store, "Medicinen på Solgården", today - 20, FALSE);
    newer = add_case (store, "Trappan i Vällingby", today - 2, FALSE);
    older = add_case (store, "Maten på Björkbacken", today - 9, FALSE);
    anonymous = add_case (store, "Parken vid torget", today - 30, TRUE);

    kase = sp_store_get_case (store, marked, &error);
    g_assert_true (sp_store_transition_case (store, kase, SP_STATUS_REGISTERED, &registrar, &error));
    marking->case_id = g_strdup (marked);
    marking->part = SP_SECRECY_PART_DESCRIPTION;
    marking->provision = g_strdup ("OSL 26 kap. 1 §");
    marking->reason = g_strdup ("Uppgifter om hälsa");
    marking->expires_on = today + 3650;
    g_assert_true (sp_store_save_secrecy_marking (store, marking, SP_SAVE_DEFAULT, &registrar, &error));
    g_assert_no_error (error);
  }
  app_fixture_start (&fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 1200, 700);

  /* The queue: the two unregistered cases with contact details, oldest
   * first, and their count in the sidebar. */
  sp_window_set_view (fixture.window, "queue");
  app_fixture_wait_list (&fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture))), ==, 2);
  first = app_fixture_get_case (&fixture, 0);
  g_assert_cmpstr (SP_ENTITY (first)->id, ==, older);
  APP_TEST_WAIT (sp_window_get_view_count (fixture.window, "queue") == 2, 30);
  shot ("registration-queue");

  /* The diary: its columns, the marking, never the secret text. */
  sp_window_set_view (fixture.window, "diary");
  app_fixture_wait_list (&fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture))), ==, 1);
  columns = GTK_COLUMN_VIEW (app_test_find_by_id (GTK_WIDGET (fixture.window), "column_view"));
  g_assert_true (has_column (columns, T ("Secrecy")));
  g_assert_true (has_column (columns, T ("Diary No.")));
  g_assert_true (has_column (columns, T ("Status")));
  g_assert_false (has_column (columns, T ("Deadline")));
  APP_TEST_WAIT (has_label (GTK_WIDGET (columns), "OSL 26 kap. 1 §"), 30);
  g_assert_true (has_label (GTK_WIDGET (columns), T ("The description")));
  g_assert_false (has_label (GTK_WIDGET (fixture.window), "Greta"));
  shot ("diary");

  /* Elsewhere the marking column gives way to the deadline. */
  sp_window_set_view (fixture.window, "all");
  app_fixture_wait_list (&fixture);
  g_assert_false (has_column (columns, T ("Secrecy")));
  g_assert_true (has_column (columns, T ("Deadline")));

  app_fixture_stop (&fixture);
}

/* The toplevel whose name is @name, if one is open. */
static GtkWidget *
find_toplevel (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (window), name) == 0 && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static char *
pdf_text (const char *path)
{
  g_autofree char *out = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", path, "-", NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static gboolean
case_status_is (SpStore    *store,
                const char *id,
                SpStatus    status)
{
  g_autoptr(SpCase) kase = sp_store_get_case (store, id, NULL);

  return kase != NULL && kase->status == status;
}

static guint
count_markings (SpStore    *store,
                const char *id)
{
  g_autoptr(GPtrArray) markings = sp_store_get_secrecy_markings (store, id, NULL);

  return markings ? markings->len : 0;
}

/* The registrar's story: register from the queue, mark the description
 * secret, a request for disclosure comes, the review part by part, the
 * decision "disclose with redactions", and the redacted copy in which
 * pdftotext finds no word of what was blacked out. */
static void
test_registrar_story (void)
{
  AppFixture fixture = { 0 };
  g_autofree char *id = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GPtrArray) events = NULL;
  GtkWidget *page;
  GtkWidget *dialog;
  gpointer dialog_alive;

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  app_fixture_make_db (&fixture);
  store = app_fixture_open_store (&fixture);
  id = add_case (store, "Medicinen på Solgården", sp_date_today () - 3, FALSE);
  copy_path = g_build_filename (fixture.dir, "kopia.pdf", NULL);
  app_fixture_start (&fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 1200, 760);

  /* From the queue to the case, and register it. */
  sp_window_set_view (fixture.window, "queue");
  app_fixture_wait_list (&fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (app_fixture_model (&fixture))), ==, 1);
  g_signal_emit_by_name (app_test_find_by_id (GTK_WIDGET (fixture.window), "column_view"),
                         "activate", 0);
  app_fixture_wait_page (&fixture, "case");
  page = adw_bin_get_child (ADW_BIN (app_test_find_by_id (GTK_WIDGET (fixture.window), "case_bin")));
  APP_TEST_WAIT (sp_case_page_get_transition_button (SP_CASE_PAGE (page), SP_STATUS_REGISTERED) != NULL, 30);
  /* R4: not to the unit before the diary. */
  g_assert_null (sp_case_page_get_transition_button (SP_CASE_PAGE (page), SP_STATUS_ASSIGNED));
  g_signal_emit_by_name (sp_case_page_get_transition_button (SP_CASE_PAGE (page), SP_STATUS_REGISTERED),
                         "clicked");
  APP_TEST_WAIT (case_status_is (store, id, SP_STATUS_REGISTERED), 30);

  /* Mark the description secret; an expiry in the past is refused first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.mark-secret", NULL));
  APP_TEST_WAIT ((dialog = find_toplevel ("secrecy_dialog")) != NULL, 30);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (app_test_find_by_id (dialog, "secrecy_part")),
                              SP_SECRECY_PART_DESCRIPTION);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (app_test_find_by_id (dialog, "secrecy_provision")), 0);
  gtk_editable_set_text (GTK_EDITABLE (app_test_find_by_id (dialog, "secrecy_reason")),
                         "Uppgifter om enskildas hälsa");
  gtk_editable_set_text (GTK_EDITABLE (app_test_find_by_id (dialog, "secrecy_expires")), "2001-01-01");
  g_signal_emit_by_name (app_test_find_by_id (dialog, "secrecy_save"), "clicked");
  APP_TEST_WAIT (*gtk_label_get_text (GTK_LABEL (app_test_find_by_id (dialog, "dialog_error"))) != '\0', 30);
  g_assert_cmpuint (count_markings (store, id), ==, 0);
  shot ("secrecy-dialog-refused");

  gtk_editable_set_text (GTK_EDITABLE (app_test_find_by_id (dialog, "secrecy_expires")), "2090-12-31");
  dialog_alive = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &dialog_alive);
  g_signal_emit_by_name (app_test_find_by_id (dialog, "secrecy_save"), "clicked");
  APP_TEST_WAIT (dialog_alive == NULL, 30);
  g_assert_cmpuint (count_markings (store, id), ==, 1);

  /* A request for disclosure: reviewed part by part and decided. */
  dialog = GTK_WIDGET (sp_disclosure_dialog_new (GTK_WINDOW (fixture.window), sp_application_get_context (fixture.app), id,
                                                 copy_path));
  gtk_window_present (GTK_WINDOW (dialog));
  app_test_flush ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (app_test_find_by_id (dialog, "disclosure_anonymous")),
                               TRUE);
  gtk_editable_set_text (GTK_EDITABLE (app_test_find_by_id (dialog, "disclosure_what")),
                         "Hela ärendet");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (app_test_find_by_id (dialog, "review_sender")),
                              SP_REVIEW_WITHHOLD);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (app_test_find_by_id (dialog, "review_description")),
                              SP_REVIEW_REDACT);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (app_test_find_by_id (dialog, "review_investigation")),
                              SP_REVIEW_DISCLOSE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (app_test_find_by_id (dialog, "review_letters")),
                              SP_REVIEW_DISCLOSE);
  gtk_editable_set_text (GTK_EDITABLE (app_test_find_by_id (dialog, "review_passages")),
                         "Greta Lindqvist|fel dos insulin");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (app_test_find_by_id (dialog, "disclosure_provision")), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (app_test_find_by_id (dialog, "disclosure_decision")),
                              SP_DISCLOSURE_DISCLOSE_REDACTED);
  shot ("disclosure-review");
  dialog_alive = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &dialog_alive);
  g_signal_emit_by_name (app_test_find_by_id (dialog, "disclosure_save"), "clicked");
  APP_TEST_WAIT (dialog_alive == NULL, 30);

  /* The redacted copy: no word of the redacted text. */
  g_assert_true (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  text = pdf_text (copy_path);
  g_assert_nonnull (strstr (text, "Medicinen på Solgården"));
  g_assert_null (strstr (text, "Greta"));
  g_assert_null (strstr (text, "Lindqvist"));
  g_assert_null (strstr (text, "insulin"));
  g_assert_null (strstr (text, "Anna Andersson"));
  if (g_getenv ("SYNPUNKT_SHOT_DIR") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("SYNPUNKT_SHOT_DIR"), "redacted-copy", NULL);
      const char *argv[] = { "pdftoppm", "-png", "-r", "70", "-singlefile", copy_path, png, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
    }

  /* Everything is in the case history. */
  events = sp_store_get_case_events (store, id, NULL);
  {
    gboolean marked = FALSE, requested = FALSE, decided = FALSE;

    for (guint i = 0; i < events->len; i++)
      {
        SpCaseEvent *e = events->pdata[i];

        marked |= g_strcmp0 (e->field, "secrecy_marked") == 0;
        requested |= g_strcmp0 (e->field, "disclosure_requested") == 0;
        decided |= g_strcmp0 (e->field, "disclosure_decision") == 0;
      }
    g_assert_true (marked && requested && decided);
  }

  g_clear_object (&store);
  app_fixture_stop (&fixture);
}

static void
file_written (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  int *entries = user_data;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (sp_diary_file_write_finish (result, &n, &error));
  g_assert_no_error (error);
  *entries = (int) n;
}

static gboolean
export_allowed (GtkWidget *dialog)
{
  return adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "export");
}

#define TRICKY "Bänken, \"den gröna\"\nvid dammen"

/* The diary of a period from the Diary view: the dialog's period and
 * format (refused while the dates are wrong), then the PDF and the CSV
 * written through the worker and a thread; the marking is in them, never
 * what it hides. */
static void
test_diary_export (void)
{
  AppFixture fixture = { 0 };
  g_autofree char *plain = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *from = NULL;
  g_autoptr(GFile) pdf = NULL;
  g_autoptr(GFile) csv = NULL;
  g_autoptr(GPtrArray) records = NULL;
  GtkWidget *dialog;
  GtkWidget *error_label;
  SpDiaryFileOptions options;
  SpDate today = sp_date_today ();
  int entries = -1;

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  app_fixture_make_db (&fixture);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SpStore) store = sp_test_store_open (fixture.db_path, &error);
    g_autoptr(SpSecrecyMarking) marking = sp_secrecy_marking_new ();
    g_autoptr(SpCase) a = NULL;
    g_autoptr(SpCase) b = NULL;

    g_assert_no_error (error);
    plain = add_case (store, TRICKY, today, FALSE);
    secret = add_case (store, "Medicinen till Greta", today, FALSE);
    a = sp_store_get_case (store, plain, &error);
    b = sp_store_get_case (store, secret, &error);
    g_assert_true (sp_store_transition_case (store, a, SP_STATUS_REGISTERED, &registrar, &error));
    g_assert_true (sp_store_transition_case (store, b, SP_STATUS_REGISTERED, &registrar, &error));
    marking->case_id = g_strdup (secret);
    marking->part = SP_SECRECY_PART_CASE;
    marking->provision = g_strdup ("OSL 26 kap. 1 §");
    marking->reason = g_strdup ("Uppgifter om hälsa");
    marking->expires_on = today + 3650;
    g_assert_true (sp_store_save_secrecy_marking (store, marking, SP_SAVE_DEFAULT, &registrar, &error));
    g_assert_no_error (error);
  }
  pdf_path = g_build_filename (fixture.dir, "diarium.pdf", NULL);
  csv_path = g_build_filename (fixture.dir, "diarium.csv", NULL);
  pdf = g_file_new_for_path (pdf_path);
  csv = g_file_new_for_path (csv_path);
  app_fixture_start (&fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 1200, 700);

  /* Only from the Diary view. */
  sp_window_set_view (fixture.window, "all");
  app_fixture_wait_list (&fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.export-diary", NULL);
  app_test_flush ();
  g_assert_null (find_toplevel ("diary-export-dialog"));

  sp_window_set_view (fixture.window, "diary");
  app_fixture_wait_list (&fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.export-diary", NULL);
  APP_TEST_WAIT (find_toplevel ("diary-export-dialog") != NULL, 30);
  dialog = find_toplevel ("diary-export-dialog");
  error_label = app_test_find_by_id (dialog, "diary-export-error");
  /* This year so far, to start with. */
  from = sp_date_to_string (sp_date_new (sp_date_get_year (today), 1, 1));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (app_test_find_by_id (dialog, "diary-export-from"))),
                   ==, from);
  g_assert_true (export_allowed (dialog));
  shot ("diary-export");

  /* Wrong dates: said, and no export. */
  gtk_editable_set_text (GTK_EDITABLE (app_test_find_by_id (dialog, "diary-export-from")), "2026-13-01");
  g_assert_false (export_allowed (dialog));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   T ("The first day is not a date: write it as YYYY-MM-DD"));
  g_assert_false (sp_diary_export_dialog_get_options (SP_DIARY_EXPORT_DIALOG (dialog), &options));
  gtk_editable_set_text (GTK_EDITABLE (app_test_find_by_id (dialog, "diary-export-from")), "2099-01-01");
  g_assert_false (export_allowed (dialog));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, T ("The period ends before it starts"));
  gtk_editable_set_text (GTK_EDITABLE (app_test_find_by_id (dialog, "diary-export-from")), from);
  g_assert_true (export_allowed (dialog));
  g_assert_false (gtk_widget_get_visible (error_label));

  /* The PDF, as the file chooser's Save starts it. */
  g_assert_true (sp_diary_export_dialog_get_options (SP_DIARY_EXPORT_DIALOG (dialog), &options));
  g_assert_cmpint (options.format, ==, SP_DIARY_FILE_PDF);
  g_assert_cmpint (options.from, ==, sp_date_new (sp_date_get_year (today), 1, 1));
  g_assert_cmpint (options.to, ==, today);
  sp_diary_file_write_async (sp_application_get_worker (fixture.app), &options, pdf, NULL,
                             file_written, &entries);
  APP_TEST_WAIT (entries >= 0, 30);
  g_assert_cmpint (entries, ==, 2);
  text = pdf_text (pdf_path);
  g_assert_nonnull (strstr (text, "Diarium"));
  g_assert_nonnull (strstr (text, "gröna"));
  g_assert_nonnull (strstr (text, "OSL 26 kap. 1 §"));
  g_assert_null (strstr (text, "Greta"));
  g_assert_null (strstr (text, "Anna Andersson"));
  g_assert_null (strstr (text, "insulin"));
  if (g_getenv ("SYNPUNKT_SHOT_DIR") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("SYNPUNKT_SHOT_DIR"), "diary-pdf", NULL);
      const char *argv[] = { "pdftoppm", "-png", "-r", "70", "-singlefile", pdf_path, png, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
    }

  /* The CSV: RFC 4180, semicolons for a spreadsheet set to Swedish. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (app_test_find_by_id (dialog, "diary-export-format")), 1);
  g_assert_true (sp_diary_export_dialog_get_options (SP_DIARY_EXPORT_DIALOG (dialog), &options));
  g_assert_cmpint (options.format, ==, SP_DIARY_FILE_CSV);
  g_assert_cmpint (options.separator, ==, ';');
  entries = -1;
  sp_diary_file_write_async (sp_application_get_worker (fixture.app), &options, csv, NULL,
                             file_written, &entries);
  APP_TEST_WAIT (entries >= 0, 30);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (csv_path, &text, NULL, NULL));
  records = sp_test_csv_read (text, ';');
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpstr (sp_test_csv_get (records, 1, 3), ==, TRICKY);
  g_assert_cmpstr (sp_test_csv_get (records, 2, 3), ==, "");
  g_assert_cmpstr (sp_test_csv_get (records, 2, 7), ==, "OSL 26 kap. 1 § (case)");
  g_assert_null (strstr (text, "Greta"));
  g_assert_null (strstr (text, "Anna"));

  /* Export, as the button does: the file chooser asks where, and the
   * window says what was written. */
  {
    g_autofree char *chosen = g_build_filename (fixture.dir, "vald.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (chosen);
    GtkWidget *chooser = NULL;
    GListModel *toplevels = gtk_window_get_toplevels ();

    g_autofree char *cwd = g_get_current_dir ();
    g_autofree char *said = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Diary exported: %u entry",
                                                          "Diary exported: %u entries", 2), 2);

    g_assert_cmpint (g_chdir (fixture.dir), ==, 0);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "export");
    gtk_window_close (GTK_WINDOW (dialog));
    APP_TEST_WAIT (find_toplevel ("diary-export-dialog") == NULL, 30);
    for (gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC; chooser == NULL;)
      {
        for (guint i = 0; i < g_list_model_get_n_items (toplevels) && chooser == NULL; i++)
          {
            g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

            if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (window))
              chooser = window;
          }
        g_assert_cmpint (g_get_monotonic_time (), <, until);
        g_main_context_iteration (NULL, chooser == NULL);
      }
    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    /* The fallback chooser (no portal under Xvfb) keeps the folder it
     * started in, the working one: the test's folder. */
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "vald.csv");
    APP_TEST_WAIT (({ g_autoptr(GFile) got = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
                      got != NULL && g_file_equal (got, file); }), 30);
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
    G_GNUC_END_IGNORE_DEPRECATIONS
    APP_TEST_WAIT (g_file_test (chosen, G_FILE_TEST_EXISTS), 30);
    APP_TEST_WAIT (has_label (GTK_WIDGET (fixture.window), said), 30);
    g_assert_cmpint (g_chdir (cwd), ==, 0);
  }
  app_fixture_stop (&fixture);
}

static gboolean
case_assigned_to (SpStore    *store,
                  const char *id,
                  const char *unit_id)
{
  g_autoptr(SpCase) kase = sp_store_get_case (store, id, NULL);

  return kase != NULL && kase->status == SP_STATUS_ASSIGNED && g_strcmp0 (kase->unit_id, unit_id) == 0;
}

static guint
count_accounts (SpStore    *store,
                const char *id,
                gboolean    received)
{
  g_autoptr(GPtrArray) requests = sp_store_get_account_requests (store, id, NULL);
  guint n = 0;

  for (guint i = 0; requests != NULL && i < requests->len; i++)
    if (!received || sp_account_request_is_received (requests->pdata[i]))
      n++;
  return n;
}

static gboolean
response_allowed (GtkWidget  *dialog,
                  const char *response)
{
  return adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), response);
}

/* R6 and R17–R19 from the main menu on the case shown: the unit chosen
 * with the department's contact in copy, then an account asked of the
 * provider with a last date and recorded when it came by phone; each
 * saved through the store worker. */
static void
test_forwarding (void)
{
  AppFixture fixture = { 0 };
  g_autoptr(SpStore) store = NULL;
  g_autofree char *id = NULL;
  g_autofree char *unit_id = NULL;
  g_autofree char *copy = NULL;
  GtkWidget *dialog;
  GtkWidget *error_label;
  GListModel *names;
  guint unit_position = GTK_INVALID_LIST_POSITION;

  app_fixture_make_db (&fixture);
  store = app_fixture_open_store (&fixture);
  {
    g_autoptr(SpUnit) department = sp_unit_new ();
    g_autoptr(SpUnit) unit = sp_unit_new ();
    g_autoptr(SpProvider) provider = sp_provider_new ();
    g_autoptr(SpCase) kase = NULL;
    g_autoptr(GError) error = NULL;

    department->name = g_strdup ("Äldreomsorg");
    department->kind = SP_UNIT_KIND_DEPARTMENT;
    department->contact_name = g_strdup ("Karin Kontakt");
    g_assert_true (sp_store_save (store, SP_ENTITY (department), SP_SAVE_DEFAULT, "admin", &error));
    unit->name = g_strdup ("Hemtjänsten Vällingby");
    unit->kind = SP_UNIT_KIND_UNIT;
    unit->parent_id = g_strdup (SP_ENTITY (department)->id);
    g_assert_true (sp_store_save (store, SP_ENTITY (unit), SP_SAVE_DEFAULT, "admin", &error));
    unit_id = g_strdup (SP_ENTITY (unit)->id);
    provider->name = g_strdup ("Omsorg AB");
    g_assert_true (sp_store_save (store, SP_ENTITY (provider), SP_SAVE_DEFAULT, "admin", &error));
    g_assert_no_error (error);
    id = add_case (store, "Maten kom sent", sp_date_today () - 2, FALSE);
    kase = sp_store_get_case (store, id, &error);
    g_assert_true (sp_store_transition_case (store, kase, SP_STATUS_REGISTERED, &registrar, &error));
    g_assert_no_error (error);
  }
  app_fixture_start (&fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 1200, 760);
  sp_window_show_case (fixture.window, id);
  app_fixture_wait_page (&fixture, "case");

  /* Assign to Unit: the unit chosen, the copy said. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.assign-unit", NULL);
  APP_TEST_WAIT (find_toplevel ("assign-dialog") != NULL, 30);
  dialog = find_toplevel ("assign-dialog");
  names = adw_combo_row_get_model (ADW_COMBO_ROW (app_test_find_by_id (dialog, "assign-unit")));
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Hemtjänsten Vällingby"))
      unit_position = i;
  g_assert_cmpuint (unit_position, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (ADW_COMBO_ROW (app_test_find_by_id (dialog, "assign-unit")), unit_position);
  g_assert_cmpstr (sp_assign_dialog_get_unit_id (SP_ASSIGN_DIALOG (dialog)), ==, unit_id);
  shot ("assign-dialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "assign");
  gtk_window_close (GTK_WINDOW (dialog));
  APP_TEST_WAIT (case_assigned_to (store, id, unit_id), 30);
  copy = g_strdup_printf (T ("Assigned to the unit; copy to %s"), "Äldreomsorg: Karin Kontakt");
  APP_TEST_WAIT (has_label (GTK_WIDGET (fixture.window), copy), 30);
  app_fixture_wait_page (&fixture, "case");

  /* Ask the provider for an account: a last date in the past is refused. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.account", NULL);
  APP_TEST_WAIT (find_toplevel ("account-dialog") != NULL, 30);
  dialog = find_toplevel ("account-dialog");
  error_label = app_test_find_by_id (dialog, "account-error");
  g_assert_false (gtk_widget_is_visible (app_test_find_by_id (dialog, "account-received")));
  g_assert_true (response_allowed (dialog, "request"));
  gtk_editable_set_text (GTK_EDITABLE (app_test_find_by_id (dialog, "account-due")), "2001-01-01");
  g_assert_false (response_allowed (dialog, "request"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, T ("The last date cannot be in the past"));
  gtk_editable_set_text (GTK_EDITABLE (app_test_find_by_id (dialog, "account-due")), "2001-02-30");
  g_assert_false (response_allowed (dialog, "request"));
  /* Another district needs its name. */
  {
    g_autofree char *due = sp_date_to_string (sp_date_today () + 10);

    gtk_editable_set_text (GTK_EDITABLE (app_test_find_by_id (dialog, "account-due")), due);
  }
  adw_combo_row_set_selected (ADW_COMBO_ROW (app_test_find_by_id (dialog, "account-source")), 1);
  g_assert_false (response_allowed (dialog, "request"));
  g_assert_false (gtk_widget_get_visible (app_test_find_by_id (dialog, "account-provider")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (app_test_find_by_id (dialog, "account-source")), 0);
  g_assert_true (response_allowed (dialog, "request"));
  shot ("account-ask");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "request");
  gtk_window_close (GTK_WINDOW (dialog));
  APP_TEST_WAIT (count_accounts (store, id, FALSE) == 1, 30);
  APP_TEST_WAIT (find_toplevel ("account-dialog") == NULL, 30);
  app_fixture_wait_page (&fixture, "case");

  /* It came by phone: what was said is written down. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.account", NULL);
  APP_TEST_WAIT (find_toplevel ("account-dialog") != NULL, 30);
  dialog = find_toplevel ("account-dialog");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, T ("Record the Account"));
  g_assert_true (gtk_widget_is_visible (app_test_find_by_id (dialog, "account-received")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (app_test_find_by_id (dialog, "account-method")), 2);
  g_assert_false (response_allowed (dialog, "record"));
  error_label = app_test_find_by_id (dialog, "account-error");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   T ("Note what was said: an oral account is written down"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (app_test_find_by_id (dialog, "account-text"))),
                            "Utföraren har bytt leveranstid.", -1);
  g_assert_true (response_allowed (dialog, "record"));
  shot ("account-record");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  gtk_window_close (GTK_WINDOW (dialog));
  APP_TEST_WAIT (count_accounts (store, id, TRUE) == 1, 30);
  APP_TEST_WAIT (has_label (GTK_WIDGET (fixture.window), T ("Account saved in the case")), 30);

  g_clear_object (&store);
  app_fixture_stop (&fixture);
}

static guint
count_rows (GtkWidget *group)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n = 0;

  app_test_collect (group, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (rows->pdata[i]), "link-row") == 0)
      n++;
  return n;
}

static void
link_through (GtkWidget  *group,
              guint       kind,
              const char *other)
{
  GtkWidget *dialog;

  g_signal_emit_by_name (app_test_find_by_id (group, "link-add"), "clicked");
  APP_TEST_WAIT (find_toplevel ("link-dialog") != NULL, 30);
  dialog = find_toplevel ("link-dialog");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "link"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (app_test_find_by_id (dialog, "link-kind")), kind);
  gtk_editable_set_text (GTK_EDITABLE (app_test_find_by_id (dialog, "link-other")), other);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "link"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "link");
  gtk_window_close (GTK_WINDOW (dialog));
  APP_TEST_WAIT (find_toplevel ("link-dialog") == NULL, 30);
}

/* The links section (to be hosted by the case page): a duplicate linked
 * to its original by diary number, seen from both; a number no case has
 * is said; the link removed; and the same from the main menu. */
static void
test_links (void)
{
  AppFixture fixture = { 0 };
  g_autoptr(SpStore) store = NULL;
  g_autofree char *original = NULL;
  g_autofree char *duplicate = NULL;
  g_autofree char *third = NULL;
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  g_autofree char *back = NULL;
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *group;
  GtkWidget *other_group;
  SpContext *context;

  app_fixture_make_db (&fixture);
  store = app_fixture_open_store (&fixture);
  original = add_case (store, "Bänken i parken", sp_date_today () - 5, FALSE);
  duplicate = add_case (store, "Bänken i parken igen", sp_date_today () - 1, FALSE);
  third = add_case (store, "Lekplatsen", sp_date_today () - 1, FALSE);
  {
    const char *ids[] = { original, duplicate, third };

    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        g_autoptr(SpCase) kase = sp_store_get_case (store, ids[i], NULL);
        g_autoptr(GError) error = NULL;

        g_assert_true (sp_store_transition_case (store, kase, SP_STATUS_REGISTERED, &registrar, &error));
        g_assert_no_error (error);
        if (i == 0)
          number = g_strdup (kase->diary_number);
      }
  }
  app_fixture_start (&fixture);
  context = sp_application_get_context (fixture.app);

  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_top (box, 24);
  group = sp_case_links_group_new (context);
  other_group = sp_case_links_group_new (context);
  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), other_group);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  sp_case_links_group_set_case_id (SP_CASE_LINKS_GROUP (group), duplicate);
  sp_case_links_group_set_case_id (SP_CASE_LINKS_GROUP (other_group), original);
  APP_TEST_WAIT (sp_case_links_group_get_loaded (SP_CASE_LINKS_GROUP (group)), 30);
  g_assert_cmpuint (count_rows (group), ==, 0);
  g_assert_true (gtk_widget_get_visible (app_test_find_by_id (group, "links-empty")));

  /* A number no case has: said, nothing linked. */
  link_through (group, 0, "SDN 1999/9999");
  APP_TEST_WAIT (gtk_widget_get_visible (app_test_find_by_id (group, "links-error")), 30);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (app_test_find_by_id (group, "links-error"))),
                            "SDN 1999/9999"));
  g_assert_cmpuint (count_rows (group), ==, 0);

  /* The duplicate of its original. */
  link_through (group, 0, number);
  APP_TEST_WAIT (count_rows (group) == 1, 30);
  g_assert_false (gtk_widget_get_visible (app_test_find_by_id (group, "links-error")));
  title = g_strdup_printf (T ("Duplicate of %s"), number);
  g_assert_true (has_label (group, title));
  g_assert_true (has_label (group, "Bänken i parken"));
  shot ("links");
  sp_case_links_group_reload (SP_CASE_LINKS_GROUP (other_group));
  APP_TEST_WAIT (sp_case_links_group_get_loaded (SP_CASE_LINKS_GROUP (other_group)) &&
                 count_rows (other_group) == 1, 30);
  {
    g_autoptr(SpCase) dup = sp_store_get_case (store, duplicate, NULL);

    back = g_strdup_printf (T ("Original of %s"), dup->diary_number);
  }
  g_assert_true (has_label (other_group, back));

  /* Twice is refused in the store's words. */
  link_through (group, 1, number);
  APP_TEST_WAIT (gtk_widget_get_visible (app_test_find_by_id (group, "links-error")), 30);
  g_assert_cmpuint (count_rows (group), ==, 1);

  /* Removed. */
  g_signal_emit_by_name (app_test_find_by_id (group, "link-remove"), "clicked");
  APP_TEST_WAIT (count_rows (group) == 0 && sp_case_links_group_get_loaded (SP_CASE_LINKS_GROUP (group)), 30);
  {
    g_autoptr(GPtrArray) links = sp_store_get_case_links (store, original, NULL);

    g_assert_cmpuint (links->len, ==, 0);
  }
  gtk_window_destroy (GTK_WINDOW (window));

  /* From the main menu on the case shown. */
  sp_window_show_case (fixture.window, third);
  app_fixture_wait_page (&fixture, "case");
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.link-case", NULL);
  APP_TEST_WAIT (find_toplevel ("link-dialog") != NULL, 30);
  {
    GtkWidget *dialog = find_toplevel ("link-dialog");

    adw_combo_row_set_selected (ADW_COMBO_ROW (app_test_find_by_id (dialog, "link-kind")), 2);
    gtk_editable_set_text (GTK_EDITABLE (app_test_find_by_id (dialog, "link-other")), number);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "link");
    gtk_window_close (GTK_WINDOW (dialog));
  }
  APP_TEST_WAIT (({ g_autoptr(GPtrArray) l = sp_store_get_case_links (store, third, NULL);
                    l != NULL && l->len == 1 &&
                    ((SpCaseLink *) l->pdata[0])->kind == SP_CASE_LINK_SAME_SENDER; }), 30);
  APP_TEST_WAIT (has_label (GTK_WIDGET (fixture.window), T ("Cases linked")), 30);

  g_clear_object (&store);
  app_fixture_stop (&fixture);
}

static void
dossier_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  int *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_dossier_file_write_finish (result, &error));
  g_assert_no_error (error);
  *done = 1;
}

/* The case whole as one PDF, read by the store worker and written in a
 * thread: the case, its marking, the account and the history. */
static void
test_dossier (void)
{
  AppFixture fixture = { 0 };
  g_autoptr(SpStore) store = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *number = NULL;
  g_autoptr(GFile) file = NULL;
  int done = 0;

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  app_fixture_make_db (&fixture);
  store = app_fixture_open_store (&fixture);
  id = add_case (store, "Maten kom kall", sp_date_today () - 3, FALSE);
  {
    g_autoptr(SpCase) kase = sp_store_get_case (store, id, NULL);
    g_autoptr(SpAccountRequest) r = sp_account_request_new ();
    g_autoptr(GError) error = NULL;

    g_assert_true (sp_store_transition_case (store, kase, SP_STATUS_REGISTERED, &registrar, &error));
    number = g_strdup (kase->diary_number);
    r->case_id = g_strdup (id);
    r->source = SP_ACCOUNT_FROM_OTHER_DISTRICT;
    r->requested_from = g_strdup ("Östermalm, försörjningsstöd");
    r->due_on = sp_date_today () + 10;
    g_assert_true (sp_store_save_account_request (store, r, SP_SAVE_DEFAULT, &registrar, &error));
    g_assert_no_error (error);
  }
  path = g_build_filename (fixture.dir, "akt.pdf", NULL);
  file = g_file_new_for_path (path);
  app_fixture_start (&fixture);

  sp_dossier_file_write_async (sp_application_get_worker (fixture.app), id, file, NULL, dossier_written, &done);
  APP_TEST_WAIT (done == 1, 30);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, number));
  g_assert_nonnull (strstr (text, "Maten kom kall"));
  g_assert_nonnull (strstr (text, SECRET_TEXT));
  g_assert_nonnull (strstr (text, "Östermalm, försörjningsstöd"));
  g_assert_nonnull (strstr (text, "account_requested"));

  g_clear_object (&store);
  app_fixture_stop (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  /* Screenshots are taken in the language of the environment. */
  if (g_getenv ("SYNPUNKT_SHOT_DIR") == NULL)
    g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  setlocale (LC_ALL, "");
  /* Swedish screenshots read the build tree's catalogue. */
  if (g_getenv ("SYNPUNKT_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SYNPUNKT_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/registrar/queue-and-diary", test_queue_and_diary);
  g_test_add_func ("/registrar/story", test_registrar_story);
  g_test_add_func ("/registrar/diary-export", test_diary_export);
  g_test_add_func ("/registrar/forwarding", test_forwarding);
  g_test_add_func ("/registrar/links", test_links);
  g_test_add_func ("/registrar/dossier", test_dossier);

  return g_test_run ();
}
