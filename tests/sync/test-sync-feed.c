/* test-sync-feed.c: reading pages of the change feed, and storing them in
 * bulk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages are made here as the server writes them (sp_json_write_entity), so
 * that every way a page can be wrong is tried without a server.
 */

#include "sp-sync-private.h"
#include "sp-test-util.h"

#define ID_A "0b5c6a1e-6f1d-4c1e-9a55-2f0e0d3c1a01"
#define ID_B "0b5c6a1e-6f1d-4c1e-9a55-2f0e0d3c1a02"

static SpCase *
make_case (const char *id,
           const char *subject,
           gint64      rev)
{
  SpCase *kase = sp_case_new ();

  SP_ENTITY (kase)->id = g_strdup (id);
  SP_ENTITY (kase)->rev = rev;
  kase->kind = SP_CASE_KIND_COMPLAINT;
  kase->channel = SP_CHANNEL_EMAIL;
  kase->status = SP_STATUS_REGISTERED;
  kase->received_on = sp_date_new (2025, 3, 3);
  kase->subject = g_strdup (subject);
  kase->description = g_strdup ("Beskrivning med \"citat\", \\ och\nradbrytning");
  return kase;
}

static char *
case_text (const char *id,
           const char *subject,
           gint64      rev)
{
  g_autoptr(SpCase) kase = make_case (id, subject, rev);
  GString *text = g_string_new (NULL);

  sp_json_write_entity (text, SP_ENTITY (kase), SP_JSON_ENCODE_DEFAULT);
  return g_string_free (text, FALSE);
}

static SpFeedPage *
read_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  SpFeedPage *page = _sp_sync_read_page (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (page);
  return page;
}

static void
test_read (void)
{
  g_autofree char *a = case_text (ID_A, "Hög ljudnivå på förskolan", 7);
  g_autofree char *b = case_text (ID_B, "Ingen återkoppling", 9);
  g_autofree char *text = NULL;
  g_autoptr(SpFeedPage) page = NULL;
  SpFeedChange *change;

  text = g_strdup_printf (
    "{\"last_rev\": 20, \"changes\": ["
    "  {\"entity\": \"case\", \"id\": \"" ID_A "\", \"rev\": 7, \"deleted\": false, \"visible\": true, \"record\": %s},"
    /* a newer server's kind of record and member: skipped */
    "  {\"entity\": \"survey\", \"id\": \"" ID_A "\", \"rev\": 8, \"record\": {\"x\": [1, {\"y\": null}]}},"
    /* the record before its kind */
    "  {\"record\": %s, \"future\": {\"a\": 1}, \"rev\": 9, \"id\": \"" ID_B "\", \"entity\": \"case\"},"
    "  {\"entity\": \"case_event\", \"id\": \"" ID_A "\", \"rev\": 10, \"deleted\": true, \"record\": null},"
    "  {\"entity\": \"case\", \"id\": \"" ID_B "\", \"rev\": 11, \"deleted\": false, \"visible\": false, \"record\": null}"
    "], \"cursor\": 11, \"more\": true, \"extra\": \"ignored\"}", a, b);

  page = read_ok (text);
  g_assert_true (page->more);
  g_assert_cmpint (page->cursor, ==, 11);
  g_assert_cmpint (page->last_rev, ==, 20);
  g_assert_cmpuint (page->changes->len, ==, 4);

  change = page->changes->pdata[0];
  g_assert_true (change->type == SP_TYPE_CASE);
  g_assert_cmpstr (change->id, ==, ID_A);
  g_assert_cmpint (change->rev, ==, 7);
  g_assert_true (change->visible);
  g_assert_false (change->deleted);
  g_assert_cmpstr (SP_CASE (change->record)->subject, ==, "Hög ljudnivå på förskolan");
  g_assert_cmpstr (SP_CASE (change->record)->description, ==, "Beskrivning med \"citat\", \\ och\nradbrytning");

  change = page->changes->pdata[1];
  g_assert_cmpstr (change->id, ==, ID_B);
  g_assert_cmpstr (SP_CASE (change->record)->subject, ==, "Ingen återkoppling");

  change = page->changes->pdata[2];
  g_assert_true (change->type == SP_TYPE_CASE_EVENT);
  g_assert_true (change->deleted);
  g_assert_null (change->record);

  change = page->changes->pdata[3];
  g_assert_false (change->visible);
  g_assert_null (change->record);
}

static void
test_bad_pages (void)
{
  g_autofree char *a = case_text (ID_A, "Ämne", 7);
  g_autofree char *bad_record = g_strdup (a);
  struct { const char *why; char *text; } cases[] = {
    { "not an object", g_strdup ("[]") },
    { "no changes", g_strdup ("{\"cursor\": 1, \"more\": false}") },
    { "no cursor", g_strdup ("{\"changes\": [], \"more\": false}") },
    { "changes not a list", g_strdup ("{\"changes\": {}, \"cursor\": 1}") },
    { "a change not an object", g_strdup ("{\"changes\": [1], \"cursor\": 1}") },
    { "cursor a string", g_strdup ("{\"changes\": [], \"cursor\": \"1\"}") },
    { "more a number", g_strdup ("{\"changes\": [], \"cursor\": 1, \"more\": 1}") },
    { "truncated", g_strdup ("{\"changes\": [], \"cursor\": 1") },
    { "trailing garbage", g_strdup ("{\"changes\": [], \"cursor\": 1} x") },
    { "two values", g_strdup ("{\"changes\": [], \"cursor\": 1}{}") },
    { "invalid UTF-8", g_strdup ("{\"changes\": [], \"cursor\": 1, \"x\": \"\xc3\x28\"}") },
    { "SQL in a number", g_strdup ("{\"changes\": [], \"cursor\": 1; DROP TABLE cases}") },
    { "entity null", g_strdup_printf ("{\"changes\": [{\"entity\": null, \"id\": \"" ID_A "\"}], \"cursor\": 1}") },
    { "record under another id", g_strdup_printf ("{\"changes\": [{\"entity\": \"case\", \"id\": \"" ID_B "\", \"rev\": 7, \"record\": %s}], \"cursor\": 7}", a) },
    { "record before its kind, under another id", g_strdup_printf ("{\"changes\": [{\"record\": %s, \"entity\": \"case\", \"id\": \"" ID_B "\", \"rev\": 7}], \"cursor\": 7}", a) },
    { "record with an unknown field", NULL },
    { "nested too deep", NULL },
  };

  /* A record the server should never send: a field this version does not know. */
  bad_record[strlen (bad_record) - 1] = 0;
  cases[15].text = g_strdup_printf ("{\"changes\": [{\"entity\": \"case\", \"id\": \"" ID_A "\", \"rev\": 7, \"record\": %s, \"colour\": \"red\"}}], \"cursor\": 7}", bad_record);

  {
    g_autofree char *deep = g_strnfill (200, '[');

    cases[16].text = g_strdup_printf ("{\"changes\": [], \"cursor\": 1, \"x\": %s}", deep);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpFeedPage) page = _sp_sync_read_page (cases[i].text, strlen (cases[i].text), &error);

      g_test_message ("%s", cases[i].why);
      g_assert_null (page);
      g_assert_nonnull (error);
      g_assert_true (error->domain == SP_SYNC_ERROR || error->domain == SP_ERROR);
      g_assert_cmpstr (error->message, !=, "");
      g_free (cases[i].text);
    }

  /* The field at fault is named. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = g_strdup_printf ("{\"changes\": [{\"entity\": \"case\", \"id\": \"" ID_A "\", \"rev\": 7,"
                                             " \"record\": %s, \"colour\": 1}}], \"cursor\": 7}", bad_record);

    g_assert_null (_sp_sync_read_page (text, strlen (text), &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
    g_assert_cmpstr (sp_error_get_field (error), ==, "colour");
    g_assert_nonnull (strstr (error->message, "case"));
  }
}

static void
test_peek_head (void)
{
  static const struct { const char *text; gboolean found; gint64 cursor; gboolean more; } cases[] = {
    { "{\"cursor\": 12, \"more\": true, \"last_rev\": 99, \"changes\": [", TRUE, 12, TRUE },
    { "{\"more\": false, \"x\": {\"y\": [1]}, \"cursor\": 3, \"changes\": []}", TRUE, 3, FALSE },
    { "{\"changes\": [], \"cursor\": 12, \"more\": true}", FALSE, 0, FALSE },
    { "{\"cursor\": 12, \"changes\": [], \"more\": true}", FALSE, 0, FALSE },
    { "{\"cursor\": \"12\", \"more\": true, \"changes\": []}", FALSE, 0, FALSE },
    { "{\"cursor\": 12, \"more\": 1, \"changes\": []}", FALSE, 0, FALSE },
    { "{\"cursor\": 012, \"more\": true}", FALSE, 0, FALSE },
    { "[12, true]", FALSE, 0, FALSE },
    { "", FALSE, 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 cursor = 0;
      gboolean more = FALSE;
      gboolean found = _sp_sync_peek_page_head (cases[i].text, strlen (cases[i].text), &cursor, &more);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (found, ==, cases[i].found);
      if (found)
        {
          g_assert_cmpint (cursor, ==, cases[i].cursor);
          g_assert_cmpint (more, ==, cases[i].more);
        }
    }
}

static char *
page_of (guint        first,
         guint        n,
         gboolean     more,
         gint64       last_rev)
{
  g_autoptr(GString) text = g_string_new ("{\"changes\": [");

  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *id = g_strdup_printf ("0b5c6a1e-6f1d-4c1e-9a55-%012u", i);
      g_autofree char *subject = g_strdup_printf ("Ärende x%ux om gungställning", i);
      g_autofree char *record = case_text (id, subject, i + 1);

      g_string_append_printf (text, "%s{\"entity\": \"case\", \"id\": \"%s\", \"rev\": %u, \"record\": %s}",
                              i > first ? "," : "", id, i + 1, record);
    }
  g_string_append_printf (text, "], \"cursor\": %u, \"more\": %s, \"last_rev\": %" G_GINT64_FORMAT "}",
                          first + n, more ? "true" : "false", last_rev);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A pull with much to come loads in bulk; its last page builds the indexes. */
static void
test_bulk_pull (void)
{
  g_autofree char *dir = sp_test_dir_new ("feed");
  g_autofree char *path = g_build_filename (dir, "replica.db", NULL);
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = page_of (0, 100, TRUE, 100000);
  g_autofree char *last = page_of (100, 100, FALSE, 100000);
  g_autofree char *small = page_of (200, 10, FALSE, 100010);
  g_autoptr(SpFeedPage) page = NULL;

  store = sp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sp_store_set_replica (store, TRUE, NULL));

  page = read_ok (first);
  g_assert_true (_sp_sync_apply_page (store, page, &error));
  g_assert_no_error (error);
  g_assert_true (sp_store_in_bulk (store));
  g_assert_cmpint (_sp_sync_get_cursor (store), ==, 100);
  g_assert_cmpint (sp_test_count_found (store, "x5x"), ==, 0);   /* not yet */
  g_clear_pointer (&page, _sp_feed_page_free);

  page = read_ok (last);
  g_assert_true (_sp_sync_apply_page (store, page, &error));
  g_assert_no_error (error);
  g_assert_false (sp_store_in_bulk (store));
  g_assert_cmpint (_sp_sync_get_cursor (store), ==, 200);
  g_assert_cmpint (sp_test_count_found (store, "x5x"), ==, 1);
  g_assert_cmpint (sp_test_count_found (store, "x150x"), ==, 1);
  g_assert_cmpint (sp_test_count_found (store, "gungställning"), ==, 200);
  g_clear_pointer (&page, _sp_feed_page_free);

  /* Little to come: row by row, the index kept up to date. */
  page = read_ok (small);
  g_assert_true (_sp_sync_apply_page (store, page, &error));
  g_assert_no_error (error);
  g_assert_false (sp_store_in_bulk (store));
  g_assert_cmpint (sp_test_count_found (store, "x205x"), ==, 1);

  g_clear_object (&store);
  sp_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-feed/read", test_read);
  g_test_add_func ("/sync-feed/bad-pages", test_bad_pages);
  g_test_add_func ("/sync-feed/peek-head", test_peek_head);
  g_test_add_func ("/sync-feed/bulk-pull", test_bulk_pull);

  return g_test_run ();
}
