/* test-letters.c: letter templates, placeholders, phrases, and the PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-test-util.h"
#include "sp-letter-pdf.h"

static SpCase *
letter_case (void)
{
  SpCase *kase = sp_test_case_new ("Maten var kall", NULL);

  kase->diary_number = g_strdup ("HVSDN 2026/0042");
  kase->sender_address = g_strdup ("Storgatan 1, 162 00 Vällingby");
  kase->received_on = sp_date_new (2026, 11, 2);
  kase->due_on = sp_date_new (2026, 11, 16);
  return kase;
}

static SpUnit *
unit_with_contact (void)
{
  SpUnit *unit = sp_unit_new ();

  unit->name = g_strdup ("Hemtjänsten Vällingby");
  return unit;
}

static SpUnit *
department_with_contact (void)
{
  SpUnit *dept = sp_unit_new ();

  dept->name = g_strdup ("Äldreomsorg");
  dept->contact_name = g_strdup ("Karin Avdelningschef");
  dept->contact_address = g_strdup ("Box 3, 162 11 Vällingby");
  dept->contact_phone = g_strdup ("08-508 00 000");
  return dept;
}

static void
test_defaults_are_complete (void)
{
  g_autoptr(SpCase) kase = letter_case ();
  g_autoptr(SpUnit) unit = unit_with_contact ();
  g_autoptr(SpUnit) dept = department_with_contact ();
  g_autoptr(GHashTable) values = NULL;

  kase->forwarded_to = g_strdup ("Trafikverket");
  kase->delay_reason = g_strdup ("vi väntar på utförarens redogörelse.");
  values = sp_letter_values_new (kase, unit, dept, "Hässelby-Vällingby stadsdelsförvaltning",
                                 "Mats Chef", SP_LANGUAGE_SV);
  g_hash_table_insert (values, (gpointer)"new_due_on", g_strdup ("30 november 2026"));
  g_hash_table_insert (values, (gpointer)"answer", g_strdup ("Vi har pratat med personalen."));

  for (guint kind = 0; kind <= SP_LETTER_FINAL_ANSWER; kind++)
    for (guint lang = 0; lang <= SP_LANGUAGE_EN; lang++)
      {
        const char *text = sp_letter_template_default (kind, lang);
        g_autofree char *filled = NULL;
        g_auto(GStrv) left = NULL;
        g_autoptr(GError) error = NULL;

        g_assert_nonnull (text);
        g_assert_true (sp_letter_template_check (text, &error));
        filled = sp_letter_template_fill (text, values, &error);
        g_assert_no_error (error);
        left = sp_letter_template_unfilled (filled);
        g_assert_null (left);
        g_assert_nonnull (strstr (filled, "Anna Andersson"));
      }

  /* Norrmalm: whom to turn to, from the department when the unit names
   * nobody. */
  {
    g_autofree char *final = sp_letter_template_fill (sp_letter_template_default (SP_LETTER_FINAL_ANSWER,
                                                                                   SP_LANGUAGE_SV),
                                                      values, NULL);

    g_assert_nonnull (strstr (final, "Karin Avdelningschef, Box 3, 162 11 Vällingby, telefon 08-508 00 000"));
    g_assert_nonnull (strstr (final, "HVSDN 2026/0042"));
    g_assert_nonnull (strstr (final, "2 november 2026"));
  }
}

static void
test_placeholders (void)
{
  g_autoptr(SpCase) kase = letter_case ();
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filled = NULL;
  g_auto(GStrv) left = NULL;
  g_autofree char *en = NULL;

  g_assert_false (sp_letter_template_check ("Hej {{sender_nmae}}", &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  g_assert_cmpstr (sp_error_get_field (error), ==, "body");
  g_assert_nonnull (strstr (error->message, "sender_nmae"));
  g_clear_error (&error);
  g_assert_false (sp_letter_template_check ("Hej {{sender_name", &error));
  g_clear_error (&error);
  g_assert_null (sp_letter_template_fill ("{{x}}", NULL, &error));
  g_clear_error (&error);

  /* No contact anywhere: the placeholders stay, and the letter cannot go. */
  values = sp_letter_values_new (kase, NULL, NULL, NULL, NULL, SP_LANGUAGE_EN);
  filled = sp_letter_template_fill ("Dear {{sender_name}}, call {{contact_name}} on {{contact_phone}}. "
                                    "Received {{received_on}}.", values, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (filled, ==, "Dear Anna Andersson, call {{contact_name}} on {{contact_phone}}. "
                               "Received 2 November 2026.");
  left = sp_letter_template_unfilled (filled);
  g_assert_cmpuint (g_strv_length (left), ==, 2);
  g_assert_cmpstr (left[0], ==, "contact_name");
  {
    g_autoptr(SpLetter) letter = sp_letter_new ();
    g_autoptr(GPtrArray) problems = NULL;

    letter->body = g_strdup (filled);
    problems = sp_letter_check (letter, kase);
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_cmpstr (((SpProblem *)problems->pdata[0])->field, ==, "body");
  }

  en = sp_letter_format_date (sp_date_new (2026, 12, 24), SP_LANGUAGE_SV);
  g_assert_cmpstr (en, ==, "24 december 2026");
}

static void
test_phrases (void)
{
  g_autoptr(GPtrArray) food = sp_phrases_lookup ("food_meals", SP_ASSESSMENT_JUSTIFIED, SP_LANGUAGE_SV);
  g_autoptr(GPtrArray) en = sp_phrases_lookup (NULL, SP_ASSESSMENT_NOT_JUSTIFIED, SP_LANGUAGE_EN);

  g_assert_cmpuint (food->len, >=, 3);
  /* The category's own first, then the assessment's. */
  g_assert_cmpstr (((SpPhrase *)food->pdata[0])->category, ==, "food_meals");
  g_assert_cmpint (((SpPhrase *)food->pdata[1])->assessment, ==, SP_ASSESSMENT_JUSTIFIED);
  for (guint i = 0; i < en->len; i++)
    {
      const SpPhrase *p = en->pdata[i];

      g_assert_cmpint (p->language, ==, SP_LANGUAGE_EN);
      g_assert_null (p->category);
      g_assert_true (p->assessment == SP_ASSESSMENT_NOT_ASSESSED ||
                     p->assessment == SP_ASSESSMENT_NOT_JUSTIFIED);
    }
}

static char *
pdf_text (const char *path)
{
  g_autofree char *out = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
test_pdf (void)
{
  g_autofree char *dir = sp_test_dir_new ("letter-pdf");
  g_autofree char *path = g_build_filename (dir, "svar.pdf", NULL);
  g_autofree char *long_path = g_build_filename (dir, "lang.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  SpLetterDocument doc = {
    .organisation = "Hässelby-Vällingby stadsdelsförvaltning",
    .unit = "Hemtjänsten Vällingby",
    .diary_number = "HVSDN 2026/0042",
    .recipient = "Anna Andersson\nStorgatan 1\n162 00 Vällingby",
    .date = sp_date_new (2026, 12, 2),
    .language = SP_LANGUAGE_SV,
    .body = "Hej Anna Andersson,\n\nVi har utrett ditt ärende.\n\nOm du inte är nöjd kan du vända dig "
            "till Karin Avdelningschef, Box 3, 162 11 Vällingby, telefon 08-508 00 000.\n",
  };

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  g_assert_true (sp_letter_write_pdf (&doc, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Anna Andersson"));
  g_assert_nonnull (strstr (text, "Dnr HVSDN 2026/0042"));
  g_assert_nonnull (strstr (text, "2 december 2026"));
  g_assert_nonnull (strstr (text, "Karin Avdelningschef"));
  g_assert_nonnull (strstr (text, "Hässelby-Vällingby"));
  g_assert_nonnull (strstr (text, "Hemtjänsten Vällingby"));
  g_assert_nonnull (strstr (text, "Sida 1 av 1"));

  /* The same letter again prints the same text. */
  g_assert_true (sp_letter_write_pdf (&doc, path, &error));
  again = pdf_text (path);
  g_assert_cmpstr (again, ==, text);

  /* A long letter runs to several pages, in English with English words. */
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (body, "Paragraph %u of a long answer to the sender.\n", i);
  doc.body = body->str;
  doc.language = SP_LANGUAGE_EN;
  g_assert_true (sp_letter_write_pdf (&doc, long_path, &error));
  g_free (text);
  text = pdf_text (long_path);
  g_assert_nonnull (strstr (text, "Page 1 of "));
  g_assert_null (strstr (text, "Page 1 of 1\n"));
  g_assert_nonnull (strstr (text, "Paragraph 199 of"));
  g_assert_nonnull (strstr (text, "2 December 2026"));

  /* A path that cannot be written is an error, not a crash. */
  g_assert_false (sp_letter_write_pdf (&doc, "/nonexistent-dir/x.pdf", &error));
  g_assert_nonnull (error);
  sp_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/letters/defaults-are-complete", test_defaults_are_complete);
  g_test_add_func ("/letters/placeholders", test_placeholders);
  g_test_add_func ("/letters/phrases", test_phrases);
  g_test_add_func ("/letters/pdf", test_pdf);

  return g_test_run ();
}
