/* case-page-fixture.h: a real window with the case page in a toast
 * overlay, on a real SQLite store in a temporary folder, for the case
 * page's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "../sp-test-dir.h"
#include "../sp-test-store.h"
#include "../sp-test-wait.h"
#include "sp-case-page.h"
#include "sp-intake-date-button.h"

typedef struct
{
  char       *dir;
  SpStore    *store;
  SpStoreWorker *worker;
  SpReference *reference;
  char       *unit_id;
  char       *case_id;
  GtkWidget  *window;
  SpCasePage *page;
  guint       n_changed;
} Fixture;

/* The page under test, and the toasts it showed: the test holds them so
 * that a toast that timed out on a slow machine can still have its Undo
 * pressed. */
static SpCasePage *current_page;
static GPtrArray *held_toasts;

static const SpActor registrar = { "u-reg", "Rita Registrator", SP_ROLE_BIT (SP_ROLE_REGISTRAR) };
static const SpActor manager = { "u-man", "Maja Enhetschef", SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) };
static const SpActor staff = { "u-staff", "Sam Medarbetare", SP_ROLE_BIT (SP_ROLE_STAFF) };
static const SpActor quality = { "u-q", "Kim Kvalitet", SP_ROLE_BIT (SP_ROLE_QUALITY) };

/* Runs the main loop until nothing is pending and the page under test
 * has every read and save back from its worker. */
static inline void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (current_page != NULL)
    SP_TEST_WAIT (!sp_case_page_get_busy (current_page), 60);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* With SYNPUNKT_SHOT_DIR set, a screenshot of the X display, to look at
 * the page as a user would. */
static inline void
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

static inline void
on_case_changed (SpCasePage *page,
                 const char *case_id,
                 Fixture    *fixture)
{
  g_assert_cmpstr (case_id, ==, fixture->case_id);
  fixture->n_changed++;
}

static inline char *
create_case (Fixture *fixture,
             SpDate   received_on,
             gboolean anonymous)
{
  g_autoptr(SpCase) kase = sp_case_new ();
  g_autoptr(GError) error = NULL;

  kase->kind = SP_CASE_KIND_COMPLAINT;
  kase->channel = SP_CHANNEL_LETTER;
  kase->received_on = received_on;
  kase->sender_anonymous = anonymous;
  if (!anonymous)
    {
      kase->sender_name = g_strdup ("Bo Ek & Söner <AB>");
      kase->sender_email = g_strdup ("bo@example.se");
      kase->sender_wants_feedback = TRUE;
    }
  kase->concerns = SP_CONCERNS_UNIT;
  kase->unit_id = g_strdup (fixture->unit_id);
  kase->area = SP_AREA_ELDERLY_CARE;
  kase->category = g_strdup ("treatment");
  kase->subject = g_strdup ("Maten var kall");
  kase->description = g_strdup ("Tre dagar i rad.");

  sp_store_create_case (fixture->store, kase, &staff, &error);
  g_assert_no_error (error);

  return g_strdup (SP_ENTITY (kase)->id);
}

static inline void
open_page (Fixture       *fixture,
           const SpActor *actor)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  fixture->window = gtk_window_new ();
  /* Screenshots may ask for another width (400 px, as on a phone). */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window),
                               g_getenv ("SYNPUNKT_SHOT_WIDTH")
                                 ? (int) g_ascii_strtoll (g_getenv ("SYNPUNKT_SHOT_WIDTH"), NULL, 10)
                                 : 900,
                               700);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  /* The reference data as the store has it now, read in the worker. */
  g_clear_object (&fixture->reference);
  fixture->reference = sp_reference_new (fixture->worker);
  sp_reference_reload (fixture->reference);
  SP_TEST_WAIT (sp_reference_get_loaded (fixture->reference), 30);

  /* From here on the page must not touch SQLite on this thread. */
  sp_store_guard_thread (TRUE);
  fixture->page = SP_CASE_PAGE (sp_case_page_new (fixture->worker, fixture->reference, actor));
  g_signal_connect (fixture->page, "case-changed", G_CALLBACK (on_case_changed), fixture);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->page));
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
  gtk_window_present (GTK_WINDOW (fixture->window));

  g_set_weak_pointer (&current_page, fixture->page);
  sp_case_page_set_case_id (fixture->page, fixture->case_id);
  iterate ();
}

static inline void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SpUnit) unit = sp_unit_new ();
  g_autoptr(SpCategory) category = sp_category_new ();

  fixture->dir = sp_test_dir_new ("page");
  path = g_build_filename (fixture->dir, "cases.db", NULL);
  fixture->store = sp_test_store_open (path, &error);
  g_assert_no_error (error);
  fixture->worker = sp_store_worker_new (path);
  sp_store_set_setting (fixture->store, "diary.prefix", "HVSDN", &error);
  g_assert_no_error (error);

  unit->name = g_strdup ("Solgårdens äldreboende");
  unit->kind = SP_UNIT_KIND_UNIT;
  sp_entity_ensure_id (SP_ENTITY (unit));
  sp_store_save (fixture->store, SP_ENTITY (unit), SP_SAVE_DEFAULT, "test", &error);
  g_assert_no_error (error);
  fixture->unit_id = g_strdup (SP_ENTITY (unit)->id);

  category->code = g_strdup ("treatment");
  category->name = g_strdup ("Bemötande");
  sp_entity_ensure_id (SP_ENTITY (category));
  sp_store_save (fixture->store, SP_ENTITY (category), SP_SAVE_DEFAULT, "test", &error);
  g_assert_no_error (error);

  fixture->case_id = create_case (fixture, sp_date_today () - 2, FALSE);
}

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_weak_pointer (&current_page);
  g_ptr_array_set_size (held_toasts, 0);
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_assert_null (fixture->window);
  sp_store_guard_thread (FALSE);

  g_clear_object (&fixture->reference);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->worker);
  sp_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->unit_id);
  g_free (fixture->case_id);
}

static inline SpCase *
stored_case (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  SpCase *kase = sp_store_get_case (fixture->store, fixture->case_id, &error);

  g_assert_no_error (error);
  return kase;
}

static inline GtkWidget *
child (Fixture    *fixture,
       const char *name)
{
  static const char * const sections[] = {
    "deadline_section", "sender_section", "concerns_section", "flags_section",
    "content_section", "history_section",
  };
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), SP_TYPE_CASE_PAGE,
                                                   name);

  /* The page's own widgets, or those of one of its sections. */
  for (guint i = 0; object == NULL && i < G_N_ELEMENTS (sections); i++)
    {
      GObject *section = gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                        SP_TYPE_CASE_PAGE, sections[i]);

      object = gtk_widget_get_template_child (GTK_WIDGET (section), G_OBJECT_TYPE (section), name);
    }

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static inline guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;

  return n;
}

/* Whether a row of the history has @text in its title. */
static inline gboolean
history_has (Fixture    *fixture,
             const char *text)
{
  GtkWidget *list = sp_case_page_get_history_list (fixture->page);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      if (strstr (title, text) != NULL)
        return TRUE;
    }

  return FALSE;
}

static inline const char *
first_history_title (Fixture *fixture)
{
  GtkWidget *row = gtk_widget_get_first_child (sp_case_page_get_history_list (fixture->page));

  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static inline const char *
combo_text (GtkWidget *row)
{
  GObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (row));

  g_assert_nonnull (item);
  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

static inline void
keep_toast (void)
{
  AdwToast *toast = current_page ? sp_case_page_get_last_toast (current_page) : NULL;

  if (toast != NULL)
    g_ptr_array_add (held_toasts, g_object_ref (toast));
}

/* Every button with a mnemonic under @root has its accessible label set
 * (GTK 4.8 reads "_Save Save" otherwise); returns how many there were. */
static inline guint
assert_mnemonics_labelled (GtkWidget *root)
{
  guint n = 0;

  gboolean mnemonic = FALSE;

  /* A menu button's own button is the menu button's business, and
   * libadwaita's (a view switcher's) are libadwaita's. */
  if (GTK_IS_MENU_BUTTON (root))
    mnemonic = gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (root));
  else if (GTK_IS_BUTTON (root) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (root)) &&
           !g_str_has_prefix (G_OBJECT_TYPE_NAME (root), "Adw"))
    mnemonic = gtk_button_get_use_underline (GTK_BUTTON (root));

  if (mnemonic)
    {
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_error ("The button “%s” has no accessible label",
                 gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)));
      n++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += assert_mnemonics_labelled (child);

  return n;
}

static inline void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_mapped (button));
  /* What a click does (gtk_widget_activate () would wait for the press
   * animation to end). */
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  keep_toast ();
}

static inline void
undo (Fixture *fixture)
{
  AdwToast *toast = sp_case_page_get_last_toast (fixture->page);

  g_assert_nonnull (toast);
  g_assert_nonnull (adw_toast_get_button_label (toast));
  g_signal_emit_by_name (toast, "button-clicked");
  iterate ();
}


/* The start of each case-page test program: screenshots are taken in the
 * language asked for (SYNPUNKT_LOCALEDIR, LANGUAGE); the checks are in
 * English. */
static inline void
case_page_test_init (int    *argc,
                     char ***argv)
{
  if (g_getenv ("SYNPUNKT_SHOT_DIR") == NULL)
    g_setenv ("LANGUAGE", "en", TRUE);
  if (g_getenv ("SYNPUNKT_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SYNPUNKT_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* The locale of the environment, for screenshots in its language. */
  if (g_getenv ("SYNPUNKT_SHOT_DIR") != NULL)
    setlocale (LC_ALL, "");
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  held_toasts = g_ptr_array_new_with_free_func (g_object_unref);
}
