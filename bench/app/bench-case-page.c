/* bench-case-page.c: how long the case page takes to show a case with an
 * investigation, ten planned actions and five letters on a 100,000-case
 * replica
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures and asserts nothing; the goal is 100 ms. The demo
 * database is the app's start-up benchmark's, made once in the build
 * directory; the benchmark's own case is added to it once and found again
 * by a setting.
 * Usage: bench-case-page DB-PATH [N-CASES]
 */

#include <adwaita.h>

#include "sp-case-page.h"
#include "sp-investigation-section.h"
#include "sp-letters-section.h"

#define CASE_KEY "bench.case-page.case"

static const SpActor everyone = {
  "u-bench", "Bänk Testare",
  SP_ROLE_BIT (SP_ROLE_REGISTRAR) | SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER)
};

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

#define WAIT_FOR(cond) \
  G_STMT_START { \
    gboolean timed_out_ = FALSE; \
    guint id_ = g_timeout_add_seconds (120, timeout_cb, &timed_out_); \
    while (!(cond) && !timed_out_) \
      g_main_context_iteration (NULL, TRUE); \
    if (!timed_out_) \
      g_source_remove (id_); \
    if (!(cond)) \
      g_error ("Timed out waiting for %s", #cond); \
  } G_STMT_END

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
save (SpStore  *store,
      SpEntity *entity)
{
  g_autoptr(GError) error = NULL;

  if (SP_IS_INVESTIGATION (entity))
    sp_store_save_investigation (store, SP_INVESTIGATION (entity), SP_SAVE_DEFAULT, &everyone,
                                 &error);
  else if (SP_IS_PLANNED_ACTION (entity))
    sp_store_save_planned_action (store, SP_PLANNED_ACTION (entity), SP_SAVE_DEFAULT, &everyone,
                                  &error);
  else
    sp_store_send_letter (store, SP_LETTER (entity), &everyone, &error);
  g_assert_no_error (error);
}

/* A case under investigation, with everything the page shows. */
static char *
make_case (SpStore *store)
{
  static const SpStatus road[] = {
    SP_STATUS_REGISTERED, SP_STATUS_ASSIGNED, SP_STATUS_ACKNOWLEDGED, SP_STATUS_INVESTIGATING,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = sp_store_load_where (store, SP_TYPE_UNIT, "kind", "unit", &error);
  g_autoptr(SpCase) kase = sp_case_new ();
  g_autoptr(SpInvestigation) inv = sp_investigation_new ();

  g_assert_no_error (error);
  g_assert_cmpuint (units->len, >, 0);
  kase->kind = SP_CASE_KIND_COMPLAINT;
  kase->channel = SP_CHANNEL_LETTER;
  kase->received_on = sp_date_today () - 3;
  kase->sender_name = g_strdup ("Bo Ek");
  kase->sender_email = g_strdup ("bo@example.se");
  kase->sender_wants_feedback = TRUE;
  kase->concerns = SP_CONCERNS_UNIT;
  kase->unit_id = g_strdup (SP_ENTITY (g_ptr_array_index (units, 0))->id);
  kase->area = SP_AREA_ELDERLY_CARE;
  kase->subject = g_strdup ("Maten var kall");
  kase->description = g_strdup ("Tre dagar i rad var maten kall när den kom.");
  g_assert_true (sp_store_create_case (store, kase, &everyone, &error));
  for (guint i = 0; i < G_N_ELEMENTS (road); i++)
    {
      g_autoptr(SpCase) now = sp_store_get_case (store, SP_ENTITY (kase)->id, &error);

      g_assert_true (sp_store_transition_case (store, now, road[i], &everyone, &error));
    }

  inv->case_id = g_strdup (SP_ENTITY (kase)->id);
  inv->investigator_id = g_strdup ("Bänk Testare");
  inv->facts = g_strdup ("Värmeskåpet var trasigt.");
  inv->analysis = g_strdup ("Ingen kontrollerade temperaturen.");
  inv->assessment = SP_ASSESSMENT_JUSTIFIED;
  inv->feedback_text = g_strdup ("Vi har lagat värmeskåpet.");
  save (store, SP_ENTITY (inv));

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(SpPlannedAction) action = sp_planned_action_new ();

      action->case_id = g_strdup (SP_ENTITY (kase)->id);
      action->description = g_strdup_printf ("Åtgärd %u: temperaturkontroll", i + 1);
      action->responsible = g_strdup ("Kim Kock");
      action->due_on = sp_date_today () + 7 + i;
      save (store, SP_ENTITY (action));
    }

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(SpLetter) letter = sp_letter_new ();

      letter->case_id = g_strdup (SP_ENTITY (kase)->id);
      letter->kind = i == 0 ? SP_LETTER_ACKNOWLEDGEMENT : SP_LETTER_DELAY_NOTICE;
      letter->language = SP_LANGUAGE_SV;
      letter->method = SP_LETTER_METHOD_POST;
      letter->recipient = g_strdup ("Bo Ek");
      letter->body = g_strdup_printf ("Hej Bo Ek,\n\nbrev %u om ditt klagomål.\n", i + 1);
      letter->sent_on = sp_date_today ();
      letter->sent_by = g_strdup ("Bänk Testare");
      save (store, SP_ENTITY (letter));
    }

  g_assert_true (sp_store_set_setting (store, CASE_KEY, SP_ENTITY (kase)->id, &error));
  return g_strdup (SP_ENTITY (kase)->id);
}

static char *
ensure_database (const char *path,
                 guint       n_cases)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (path, &error);
  g_autofree char *case_id = NULL;
  SpCaseQuery query;
  gint64 count;

  g_assert_no_error (error);
  sp_case_query_init (&query);
  count = sp_store_count_cases (store, &query, &error);
  g_assert_no_error (error);
  if (count < n_cases)
    {
      gint64 start = g_get_monotonic_time ();

      g_assert_true (sp_demo_populate (store, n_cases - (guint) count, 2025, &error));
      g_print ("# made the demo database: %u cases in %.0f ms\n", n_cases, ms_since (start));
    }

  case_id = sp_store_dup_setting (store, CASE_KEY);
  if (case_id == NULL)
    case_id = make_case (store);

  return g_steal_pointer (&case_id);
}

static SpInvestigationSection *
investigation_of (GtkWidget *page)
{
  return SP_INVESTIGATION_SECTION (gtk_widget_get_template_child (page, SP_TYPE_CASE_PAGE,
                                                                  "investigation_section"));
}

static gboolean
page_ready (GtkWidget *page)
{
  SpInvestigationSection *investigation = investigation_of (page);
  SpLettersSection *letters =
    SP_LETTERS_SECTION (gtk_widget_get_template_child (page, SP_TYPE_CASE_PAGE,
                                                       "letters_section"));

  return !sp_case_page_get_busy (SP_CASE_PAGE (page)) &&
         !sp_investigation_section_get_busy (investigation) &&
         !sp_letters_section_get_busy (letters) &&
         sp_letters_section_get_n_letters (letters) == 5;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SpStoreWorker) worker = NULL;
  g_autoptr(SpReference) reference = NULL;
  g_autofree char *case_id = NULL;
  GtkWidget *window, *overlay, *page;
  guint n_cases = 100000;
  static const char * const steps[] = {
    "case and history read", "investigation read", "letters read", "drawn",
  };
  double first[G_N_ELEMENTS (steps)] = { 0 }, sum[G_N_ELEMENTS (steps)] = { 0 };
  const guint rounds = 10;

  if (argc < 2)
    {
      g_printerr ("Usage: %s DB-PATH [N-CASES]\n", argv[0]);
      return 1;
    }
  if (argc > 2)
    n_cases = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("# no display: run under xvfb-run\n");
      return 77;
    }

  gtk_init ();
  adw_init ();
  case_id = ensure_database (argv[1], n_cases);

  worker = sp_store_worker_new (argv[1]);
  reference = sp_reference_new (worker);
  sp_reference_reload (reference);
  WAIT_FOR (sp_reference_get_loaded (reference));

  window = gtk_window_new ();
  overlay = adw_toast_overlay_new ();
  page = sp_case_page_new (worker, reference, &everyone);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  gtk_window_present (GTK_WINDOW (window));

  /* From asking for the case to every section filled and drawn: the
   * first time (cold caches), then again after showing no case. Each step
   * is timed from the start: the case and its history read, the
   * investigation read, the letters read, and the page drawn. */
  for (guint i = 0; i < rounds; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double step[4];

      sp_case_page_set_case_id (SP_CASE_PAGE (page), case_id);
      WAIT_FOR (!sp_case_page_get_busy (SP_CASE_PAGE (page)));
      step[0] = ms_since (start);
      WAIT_FOR (!sp_investigation_section_get_busy (investigation_of (page)));
      step[1] = ms_since (start);
      WAIT_FOR (page_ready (page) && gtk_widget_get_mapped (page));
      step[2] = ms_since (start);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      step[3] = ms_since (start);
      for (guint k = 0; k < G_N_ELEMENTS (step); k++)
        {
          if (i == 0)
            first[k] = step[k];
          else
            sum[k] += step[k];
        }
      sp_case_page_set_case_id (SP_CASE_PAGE (page), NULL);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  g_print ("case page with an investigation, 10 planned actions and 5 letters (%u cases), "
           "goal 100 ms:\n", n_cases);
  for (guint k = 0; k < G_N_ELEMENTS (steps); k++)
    g_print ("  %-32s first %6.1f ms, then mean %6.1f ms\n", steps[k], first[k],
             sum[k] / (rounds - 1));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return 0;
}
