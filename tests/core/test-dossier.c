/* test-dossier.c: the closed case whole as one PDF (pdftotext finds each
 * part: the case, the investigation, the letters, the accounts, the
 * links, the attachments' list and the history)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-util.h"
#include "sp-dossier-pdf.h"

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

static void
test_dossier (void)
{
  g_autofree char *dir = sp_test_dir_new ("dossier");
  g_autofree char *path = g_build_filename (dir, "akt.pdf", NULL);
  g_autofree char *long_path = g_build_filename (dir, "lang.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(SpCase) kase = sp_test_case_new ("Maten på Solgården", NULL);
  g_autoptr(SpInvestigation) inv = sp_investigation_new ();
  g_autoptr(SpLetter) letter = sp_letter_new ();
  g_autoptr(SpAccountRequest) account = sp_account_request_new ();
  g_autoptr(SpCaseLink) link = sp_case_link_new ();
  g_autoptr(SpSecrecyMarking) marking = sp_secrecy_marking_new ();
  g_autoptr(GPtrArray) letters = g_ptr_array_new ();
  g_autoptr(GPtrArray) accounts = g_ptr_array_new ();
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  g_autoptr(GPtrArray) markings = g_ptr_array_new ();
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  SpDossier dossier = { "Hässelby-Vällingby stadsdelsförvaltning", kase, "Solgårdens äldreboende", inv,
                        letters, accounts, links, markings, NULL, events, sp_date_new (2026, 12, 2) };
  guint pages = 0;

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      sp_test_remove_dir (dir);
      return;
    }

  sp_entity_ensure_id (SP_ENTITY (kase));
  kase->diary_number = g_strdup ("HVSDN 2026/0042");
  kase->status = SP_STATUS_CLOSED;
  kase->closed_on = sp_date_new (2026, 11, 30);
  g_free (kase->description);
  kase->description = g_strdup ("Middagen serverades kall tre dagar i rad.");
  inv->facts = g_strdup ("Värmeskåpet var trasigt.");
  inv->assessment = SP_ASSESSMENT_JUSTIFIED;
  inv->actions_taken = g_strdup ("Nytt värmeskåp beställt.");
  letter->kind = SP_LETTER_FINAL_ANSWER;
  letter->sent_on = sp_date_new (2026, 11, 20);
  letter->method = SP_LETTER_METHOD_EMAIL;
  letter->body = g_strdup ("Tack för att du hörde av dig om maten.");
  g_ptr_array_add (letters, letter);
  account->source = SP_ACCOUNT_FROM_OTHER_DISTRICT;
  account->requested_from = g_strdup ("Östermalm, försörjningsstöd");
  account->requested_on = sp_date_new (2026, 11, 3);
  account->due_on = sp_date_new (2026, 11, 17);
  account->received_on = sp_date_new (2026, 11, 10);
  account->received_method = SP_ACCOUNT_METHOD_PHONE;
  account->account = g_strdup ("Enhetschefen ringde upp den klagande.");
  g_ptr_array_add (accounts, account);
  link->case_id = g_strdup (SP_ENTITY (kase)->id);
  link->other_case_id = g_strdup ("5d1f3a4e-1111-4222-8333-944445555666");
  link->kind = SP_CASE_LINK_RELATED;
  g_ptr_array_add (links, link);
  marking->part = SP_SECRECY_PART_DESCRIPTION;
  marking->provision = g_strdup ("OSL 26 kap. 1 §");
  g_ptr_array_add (markings, marking);
  for (guint i = 0; i < 3; i++)
    {
      SpCaseEvent *e = sp_case_event_new ();

      e->at = g_get_real_time ();
      e->actor_name = g_strdup ("Rita Registrator");
      e->kind = i == 0 ? SP_EVENT_CREATED : SP_EVENT_NOTE;
      e->field = i == 2 ? g_strdup ("account_received") : NULL;
      e->new_value = i == 2 ? g_strdup ("2026-11-10, phone") : NULL;
      g_ptr_array_add (events, e);
    }

  g_assert_true (sp_dossier_pdf_write (&dossier, path, &pages, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "HVSDN 2026/0042"));
  g_assert_nonnull (strstr (text, "Solgårdens äldreboende"));
  g_assert_nonnull (strstr (text, "Anna Andersson"));
  g_assert_nonnull (strstr (text, "Middagen serverades kall"));
  g_assert_nonnull (strstr (text, "Värmeskåpet var trasigt."));
  g_assert_nonnull (strstr (text, "Tack för att du hörde av dig"));
  g_assert_nonnull (strstr (text, "Östermalm, försörjningsstöd"));
  g_assert_nonnull (strstr (text, "Enhetschefen ringde upp"));
  g_assert_nonnull (strstr (text, "5d1f3a4e-1111-4222-8333-944445555666"));
  g_assert_nonnull (strstr (text, "OSL 26 kap. 1 §"));
  g_assert_nonnull (strstr (text, "account_received"));
  g_assert_nonnull (strstr (text, "Page 1"));

  /* A long history runs on over pages, numbered. */
  for (guint i = 0; i < 200; i++)
    {
      SpCaseEvent *e = sp_case_event_new ();

      e->at = g_get_real_time ();
      e->actor_name = g_strdup ("Mats Chef");
      e->kind = SP_EVENT_FIELD_CHANGED;
      e->field = g_strdup ("subject");
      e->new_value = g_strdup_printf ("Rubrik %u", i);
      g_ptr_array_add (events, e);
    }
  g_assert_true (sp_dossier_pdf_write (&dossier, long_path, &pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages, >, 1);
  g_clear_pointer (&text, g_free);
  text = pdf_text (long_path);
  g_assert_nonnull (strstr (text, "Rubrik 199"));
  g_assert_nonnull (strstr (text, "Page 2"));

  g_ptr_array_set_size (letters, 0);
  g_ptr_array_set_size (accounts, 0);
  g_ptr_array_set_size (links, 0);
  g_ptr_array_set_size (markings, 0);
  sp_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/pdf", test_dossier);
  return g_test_run ();
}
