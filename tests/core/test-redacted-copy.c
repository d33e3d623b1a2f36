/* test-redacted-copy.c: the redacted copy handed out on a request for
 * disclosure: blacked-out text is not in the PDF at all (pdftotext)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-util.h"
#include "sp-redacted-copy.h"

static char *
pdf_text (const char *path)
{
  g_autofree char *out = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", path, "-", NULL };

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
test_ranges (void)
{
  g_autoptr(GArray) some = sp_redaction_ranges ("Greta Svensson fick fel medicin av Greta.",
                                                "greta\nfel medicin\n\n");
  g_autoptr(GArray) all = sp_redaction_ranges ("Allt", "  \n");
  g_autoptr(GArray) none = sp_redaction_ranges ("Inget här", "saknas");
  g_autofree char *shown = sp_redaction_apply ("Greta Svensson fick fel medicin av Greta.", some);

  g_assert_cmpuint (some->len, ==, 3);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_null (strstr (shown, "Greta"));
  g_assert_null (strstr (shown, "medicin"));
  g_assert_nonnull (strstr (shown, "Svensson fick"));
  g_assert_true (g_str_has_suffix (shown, " av \xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0."));
  g_assert_true (g_utf8_validate (shown, -1, NULL));
}

static void
test_pdf (void)
{
  g_autoptr(SpTestDir) dir = sp_test_dir_new ("redacted-copy");
  g_autofree char *path = g_build_filename (dir, "kopia.pdf", NULL);
  g_autofree char *refused_path = g_build_filename (dir, "nej.pdf", NULL);
  g_autoptr(SpCase) kase = sp_test_case_new ("Bemötandet på Solgården", NULL);
  g_autoptr(SpInvestigation) inv = sp_investigation_new ();
  g_autoptr(SpDisclosureRequest) request = sp_disclosure_request_new ();
  g_autoptr(SpLetter) letter = sp_letter_new ();
  g_autoptr(GPtrArray) letters = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  static const char * const secret_words[] = {
    "Anna", "Andersson", "anna@example.se", "Greta", "Lindqvist", "insulin",
    "Sjuksköterskan", "Brevets",
  };
  SpRedactedCopy copy = { "Hässelby-Vällingby stadsdelsförvaltning", kase, inv, letters, request,
                          sp_date_new (2026, 12, 2) };

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  kase->diary_number = g_strdup ("HVSDN 2026/0042");
  g_free (kase->description);
  kase->description = g_strdup ("Min mamma Greta Lindqvist fick fel dos insulin på kvällen. "
                                "Personalen var trevlig men stressad.");
  inv->facts = g_strdup ("Sjuksköterskan hade bytt pass.");
  inv->analysis = g_strdup ("Rutinen för överlämning följdes inte.");
  letter->kind = SP_LETTER_FINAL_ANSWER;
  letter->sent_on = sp_date_new (2026, 11, 30);
  letter->body = g_strdup ("Brevets hemliga innehåll.");
  g_ptr_array_add (letters, letter);

  request->decision = SP_DISCLOSURE_DISCLOSE_REDACTED;
  request->osl_provision = g_strdup ("OSL 26 kap. 1 §");
  request->review_sender = SP_REVIEW_REDACT;
  request->review_sender_provision = g_strdup ("OSL 26 kap. 1 §");
  request->review_description = SP_REVIEW_REDACT;
  request->review_description_provision = g_strdup ("OSL 26 kap. 1 §");
  request->review_description_passages = g_strdup ("Greta Lindqvist\nfel dos insulin");
  request->review_investigation = SP_REVIEW_REDACT;
  request->review_investigation_provision = g_strdup ("OSL 39 kap. 3 §");
  request->review_investigation_passages = g_strdup ("Sjuksköterskan");
  request->review_letters = SP_REVIEW_WITHHOLD;
  request->review_letters_provision = g_strdup ("OSL 26 kap. 1 §");

  g_assert_true (sp_redacted_copy_write_pdf (&copy, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  if (g_getenv ("SYNPUNKT_SHOT_DIR"))
    {
      g_autofree char *keep = g_build_filename (g_getenv ("SYNPUNKT_SHOT_DIR"), "redacted-copy.pdf", NULL);
      g_autofree char *bytes = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
      g_assert_true (g_file_set_contents (keep, bytes, length, NULL));
    }

  /* What is disclosed is there… */
  g_assert_nonnull (strstr (text, "HVSDN 2026/0042"));
  g_assert_nonnull (strstr (text, "Personalen var"));
  g_assert_nonnull (strstr (text, "trevlig men stressad"));
  g_assert_nonnull (strstr (text, "Rutinen för överlämning"));
  g_assert_nonnull (strstr (text, "OSL 26 kap. 1 §"));
  g_assert_nonnull (strstr (text, "OSL 39 kap. 3 §"));
  /* …and no word of what is not. */
  for (guint i = 0; i < G_N_ELEMENTS (secret_words); i++)
    if (strstr (text, secret_words[i]) != NULL)
      g_error ("“%s” is in the redacted copy:\n%s", secret_words[i], text);

  /* Not in the file's bytes either (cairo may write text uncompressed). */
  {
    g_autofree char *bytes = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
    g_assert_null (g_strstr_len (bytes, length, "Lindqvist"));
  }

  /* A refusal hands nothing out. */
  request->decision = SP_DISCLOSURE_REFUSE;
  g_assert_false (sp_redacted_copy_write_pdf (&copy, refused_path, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  g_assert_false (g_file_test (refused_path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/redacted-copy/ranges", test_ranges);
  g_test_add_func ("/redacted-copy/pdf", test_pdf);

  return g_test_run ();
}
