/* test-diary-export.c: the diary of a period as CSV (RFC 4180) and PDF
 * (pdftotext): the entries, and nothing a secrecy marking hides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-util.h"
#include "../sp-test-csv.h"
#include "sp-diary-pdf.h"

static const SpActor registrar = { "reg-1", "Rita Registrator", SP_ROLE_BIT (SP_ROLE_REGISTRAR) };
static const SpActor staff = { "staff-1", "Sara Medarbetare", SP_ROLE_BIT (SP_ROLE_STAFF) };

/* A subject with every character RFC 4180 quotes. */
#define TRICKY "Bänken, \"den gröna\", i parken\r\nvid dammen; trasig"

typedef struct
{
  char      *dir;
  SpStore   *store;
  SpCase    *plain;     /* the tricky subject, no marking */
  SpCase    *secret;    /* marked secret as a whole */
  SpCase    *partly;    /* its description marked secret */
  SpCase    *outside;   /* received after the period */
  SpCase    *unregistered;
  char      *unit_id;
} Fixture;

static SpCase *
add_case (Fixture    *f,
          const char *subject,
          const char *description,
          SpDate      received_on,
          gboolean    registered)
{
  g_autoptr(GError) error = NULL;
  SpCase *kase = sp_test_case_new (subject, f->unit_id);

  kase->received_on = received_on;
  g_free (kase->description);
  kase->description = g_strdup (description);
  g_assert_true (sp_store_create_case (f->store, kase, &staff, &error));
  if (registered)
    g_assert_true (sp_store_transition_case (f->store, kase, SP_STATUS_REGISTERED, &registrar, &error));
  g_assert_no_error (error);
  return kase;
}

static void
mark (Fixture       *f,
      SpCase        *kase,
      SpSecrecyPart  part)
{
  g_autoptr(SpSecrecyMarking) m = sp_secrecy_marking_new ();
  g_autoptr(GError) error = NULL;

  m->case_id = g_strdup (SP_ENTITY (kase)->id);
  m->part = part;
  m->provision = g_strdup ("OSL 26 kap. 1 §");
  m->reason = g_strdup ("Uppgifter om enskildas hälsa");
  m->expires_on = sp_date_today () + 365 * 70;
  g_assert_true (sp_store_save_secrecy_marking (f->store, m, SP_SAVE_DEFAULT, &registrar, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SpUnit) unit = sp_unit_new ();
  g_autoptr(GError) error = NULL;

  f->store = sp_test_store_new (&f->dir);
  unit->name = g_strdup ("Hemtjänsten Vällingby");
  g_assert_true (sp_store_save (f->store, SP_ENTITY (unit), SP_SAVE_DEFAULT, "admin", &error));
  g_assert_no_error (error);
  f->unit_id = g_strdup (SP_ENTITY (unit)->id);

  f->plain = add_case (f, TRICKY, "Bänken har varit trasig länge.", sp_date_new (2026, 2, 3), TRUE);
  f->secret = add_case (f, "Greta Lindqvists insulin", "Greta fick fel dos.", sp_date_new (2026, 2, 4), TRUE);
  f->partly = add_case (f, "Bemötande i hemtjänsten", "Min pappa Oskar Berggren blev utskälld.",
                        sp_date_new (2026, 2, 5), TRUE);
  f->outside = add_case (f, "Snöröjningen", "Ingen plogade.", sp_date_new (2026, 5, 5), TRUE);
  f->unregistered = add_case (f, "Ännu inte diariefört", "Väntar.", sp_date_new (2026, 2, 6), FALSE);
  mark (f, f->secret, SP_SECRECY_PART_CASE);
  mark (f, f->partly, SP_SECRECY_PART_DESCRIPTION);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->plain);
  g_clear_object (&f->secret);
  g_clear_object (&f->partly);
  g_clear_object (&f->outside);
  g_clear_object (&f->unregistered);
  g_clear_object (&f->store);
  sp_test_remove_dir (f->dir);
  g_free (f->unit_id);
  g_free (f->dir);
}

/* The registered cases received in February 2026, by diary number. */
static GPtrArray *
read_period (Fixture *f)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;
  SpCaseQuery query;

  sp_case_query_init (&query);
  query.from = sp_date_new (2026, 2, 1);
  query.to = sp_date_new (2026, 2, 28);
  query.sort = SP_CASE_SORT_DIARY_NUMBER;
  query.descending = FALSE;
  cases = sp_store_query_cases (f->store, &query, &error);
  g_assert_no_error (error);
  /* The unregistered one is in the query and left out of the diary. */
  g_assert_cmpuint (cases->len, ==, 4);
  entries = sp_diary_build (f->store, cases, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  return entries;
}

static void
test_entries (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = read_period (f);
  SpDiaryEntry *plain = entries->pdata[0], *secret = entries->pdata[1], *partly = entries->pdata[2];
  g_autofree char *text = NULL;

  g_assert_cmpstr (plain->diary_number, ==, f->plain->diary_number);
  g_assert_cmpstr (plain->subject, ==, TRICKY);
  g_assert_cmpstr (plain->unit_name, ==, "Hemtjänsten Vällingby");
  g_assert_false (sp_diary_entry_withheld (plain));
  text = sp_diary_entry_secrecy (plain);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  g_assert_null (secret->subject);
  g_assert_true (sp_diary_entry_withheld (secret));
  text = sp_diary_entry_secrecy (secret);
  g_assert_cmpstr (text, ==, "OSL 26 kap. 1 § (case)");
  g_clear_pointer (&text, g_free);

  g_assert_cmpstr (partly->subject, ==, "Bemötande i hemtjänsten");
  text = sp_diary_entry_secrecy (partly);
  g_assert_cmpstr (text, ==, "OSL 26 kap. 1 § (description)");
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = read_period (f);
  g_autofree char *csv = sp_diary_to_csv (entries, ',', FALSE);
  g_autofree char *semi = sp_diary_to_csv (entries, ';', TRUE);
  g_autoptr(GPtrArray) records = sp_test_csv_read (csv, ',');
  g_autoptr(GPtrArray) swedish = sp_test_csv_read (semi, ';');

  g_assert_true (g_str_has_suffix (csv, "\r\n"));
  g_assert_cmpuint (records->len, ==, 4);
  g_assert_cmpstr (sp_test_csv_get (records, 0, 0), ==, "diary_number");
  g_assert_cmpstr (sp_test_csv_get (records, 0, 3), ==, "subject");
  /* Commas, quotes, the separator and a line break come back whole. */
  g_assert_cmpstr (sp_test_csv_get (records, 1, 3), ==, TRICKY);
  g_assert_cmpstr (sp_test_csv_get (records, 1, 1), ==, "2026-02-03");
  g_assert_cmpstr (sp_test_csv_get (records, 1, 2), ==, "complaint");
  g_assert_cmpstr (sp_test_csv_get (records, 1, 5), ==, "Hemtjänsten Vällingby");
  g_assert_cmpstr (sp_test_csv_get (records, 1, 6), ==, "registered");
  g_assert_cmpstr (sp_test_csv_get (records, 1, 8), ==, "false");
  /* The whole case secret: the marking, not the subject. */
  g_assert_cmpstr (sp_test_csv_get (records, 2, 3), ==, "");
  g_assert_cmpstr (sp_test_csv_get (records, 2, 7), ==, "OSL 26 kap. 1 § (case)");
  g_assert_cmpstr (sp_test_csv_get (records, 2, 8), ==, "true");
  g_assert_cmpstr (sp_test_csv_get (records, 3, 7), ==, "OSL 26 kap. 1 § (description)");
  g_assert_null (strstr (csv, "Greta"));
  g_assert_null (strstr (csv, "Oskar"));
  g_assert_null (strstr (csv, "Anna Andersson"));
  g_assert_null (strstr (csv, "Snöröjningen"));
  g_assert_null (strstr (csv, "Ännu inte"));

  /* For spreadsheets set to Swedish: semicolons after a byte order mark. */
  g_assert_true (g_str_has_prefix (semi, "\xEF\xBB\xBF"));
  g_assert_cmpstr (sp_test_csv_get (swedish, 1, 3), ==, TRICKY);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *out = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = read_period (f);
  g_autofree char *path = g_build_filename (f->dir, "diarium.pdf", NULL);
  g_autofree char *english = g_build_filename (f->dir, "diary.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *bytes = NULL;
  g_autoptr(GError) error = NULL;
  SpDiaryDocument doc = { SP_LANGUAGE_SV, "Hässelby-Vällingby stadsdelsförvaltning",
                          sp_date_new (2026, 2, 1), sp_date_new (2026, 2, 28), entries,
                          sp_date_new (2026, 3, 1) };
  gsize length = 0;
  guint pages = 0;

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  g_assert_true (sp_diary_pdf_write (&doc, path, &pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages, ==, 1);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Diarium"));
  g_assert_nonnull (strstr (text, "2026-02-01 – 2026-02-28"));
  g_assert_nonnull (strstr (text, f->plain->diary_number));
  g_assert_nonnull (strstr (text, f->secret->diary_number));
  g_assert_nonnull (strstr (text, "gröna"));
  g_assert_nonnull (strstr (text, "Diariefört"));
  g_assert_nonnull (strstr (text, "Klagomål"));
  g_assert_nonnull (strstr (text, "Beskrivningen"));
  g_assert_nonnull (strstr (text, "OSL 26 kap. 1 §"));
  /* Nothing the markings hide, and none of the sender's details. */
  g_assert_null (strstr (text, "Greta"));
  g_assert_null (strstr (text, "insulin"));
  g_assert_null (strstr (text, "Oskar"));
  g_assert_null (strstr (text, "Anna"));
  g_assert_null (strstr (text, "Snöröjningen"));
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_null (g_strstr_len (bytes, length, "Greta"));

  /* Many entries run on over pages, the heading on each. */
  doc.language = SP_LANGUAGE_EN;
  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(GPtrArray) more = read_period (f);

      g_ptr_array_add (entries, g_ptr_array_steal_index (more, 0));
    }
  g_assert_true (sp_diary_pdf_write (&doc, english, &pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages, >, 1);
  g_clear_pointer (&text, g_free);
  text = pdf_text (english);
  g_assert_nonnull (strstr (text, "Diary"));
  g_assert_nonnull (strstr (text, "Page 2"));
  g_assert_nonnull (strstr (text, "Complaint"));
  g_assert_null (strstr (text, "Greta"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/diary-export/entries", Fixture, NULL, fixture_set_up, test_entries, fixture_tear_down);
  g_test_add ("/diary-export/csv", Fixture, NULL, fixture_set_up, test_csv, fixture_tear_down);
  g_test_add ("/diary-export/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  return g_test_run ();
}
