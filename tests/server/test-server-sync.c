/* test-server-sync.c: the change feed and the push of field-level patches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-server.h"

#define SENDER "\"sender\":{\"name\":\"Cecilia Ceder\",\"email\":\"cecilia@example.se\",\"wants_feedback\":true}"

typedef SpTestFixture Fixture;

static char *
create_in (Fixture    *f,
           const char *token,
           const char *unit)
{
  g_autoptr(SpTestResponse) created = NULL;

  created = sp_test_jsonf (f->server, "POST", "/api/v1/cases", token,
                           "{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"email\","
                           "\"received_on\":\"2026-11-02\",\"subject\":\"Synk\",\"unit_id\":\"%s\",%s}",
                           unit, SENDER);
  sp_test_assert_status (created, 201);
  return g_strdup (sp_test_get_string (created, "id"));
}

/* Pulls the whole feed in pages of @limit; returns every change, and
 * checks revisions only grow and the cursor only moves forward. */
static GPtrArray *
pull_all (Fixture    *f,
          const char *token,
          guint       limit,
          gint64      since,
          gint64     *cursor_out,
          guint      *pages)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  gint64 cursor = since;
  gboolean more = TRUE;

  *pages = 0;
  while (more)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/changes?since=%" G_GINT64_FORMAT "&limit=%u",
                                               cursor, limit);
      g_autoptr(SpTestResponse) page = sp_test_json (f->server, "GET", path, token, NULL);
      JsonArray *changes;
      gint64 next;

      sp_test_assert_status (page, 200);
      changes = json_node_get_array (sp_test_get_node (page, "changes"));
      g_assert_cmpuint (json_array_get_length (changes), <=, limit);
      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonNode *change = json_array_get_element (changes, i);
          gint64 rev = json_object_get_int_member (json_node_get_object (change), "rev");

          g_assert_cmpint (rev, >, cursor);
          g_ptr_array_add (all, json_node_ref (change));
        }
      next = sp_test_get_int (page, "cursor");
      more = json_node_get_boolean (sp_test_get_node (page, "more"));
      g_assert_cmpint (next, >=, cursor);
      if (more)
        g_assert_cmpint (next, >, cursor);
      cursor = next;
      (*pages)++;
      g_assert_cmpuint (*pages, <, 1000);
    }

  if (cursor_out)
    *cursor_out = cursor;
  return all;
}

static JsonObject *
find_change (GPtrArray  *changes,
             const char *entity,
             const char *id)
{
  JsonObject *found = NULL;

  /* The last one wins, as a client applying them in order would see. */
  for (guint i = 0; i < changes->len; i++)
    {
      JsonObject *change = json_node_get_object (g_ptr_array_index (changes, i));
      if (g_str_equal (json_object_get_string_member (change, "entity"), entity) &&
          g_str_equal (json_object_get_string_member (change, "id"), id))
        found = change;
    }
  return found;
}

static void
test_feed_paging (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) big = NULL;
  g_autoptr(GPtrArray) small = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *late = NULL;
  gint64 cursor = 0;
  gint64 cursor2 = 0;
  guint pages = 0;

  for (guint i = 0; i < 12; i++)
    g_ptr_array_add (ids, create_in (f, f->org->registrar, i % 2 ? f->org->unit_a : f->org->unit_b));

  big = pull_all (f, f->org->registrar, 1000, 0, &cursor, &pages);
  g_assert_cmpuint (pages, ==, 1);
  small = pull_all (f, f->org->registrar, 5, 0, NULL, &pages);
  g_assert_cmpuint (pages, >, 5);

  /* Small pages carry exactly what one big page does. */
  for (guint i = 0; i < small->len; i++)
    {
      JsonObject *change = json_node_get_object (g_ptr_array_index (small, i));
      g_autofree char *key = g_strdup_printf ("%s/%s/%" G_GINT64_FORMAT,
                                              json_object_get_string_member (change, "entity"),
                                              json_object_get_string_member (change, "id"),
                                              json_object_get_int_member (change, "rev"));
      g_assert_false (g_hash_table_contains (seen, key));
      g_hash_table_add (seen, g_steal_pointer (&key));
    }
  g_assert_cmpuint (small->len, ==, big->len);

  for (guint i = 0; i < ids->len; i++)
    {
      JsonObject *change = find_change (big, "case", g_ptr_array_index (ids, i));
      g_assert_nonnull (change);
      g_assert_false (json_object_get_boolean_member (change, "deleted"));
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (change, "record"), "id"),
                       ==, g_ptr_array_index (ids, i));
    }
  g_assert_nonnull (find_change (big, "unit", f->org->unit_a));

  /* From the cursor on, only what changed since. */
  late = create_in (f, f->org->registrar, f->org->unit_a);
  later = pull_all (f, f->org->registrar, 100, cursor, &cursor2, &pages);
  g_assert_nonnull (find_change (later, "case", late));
  g_assert_null (find_change (later, "case", g_ptr_array_index (ids, 0)));
  g_assert_cmpint (cursor2, >, cursor);
}

static void
test_feed_visibility (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *own = create_in (f, f->org->staff_a, f->org->unit_a);
  g_autofree char *other = create_in (f, f->org->staff_b, f->org->unit_b);
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) quality = NULL;
  guint pages;

  staff = pull_all (f, f->org->staff_a, 100, 0, NULL, &pages);
  g_assert_nonnull (find_change (staff, "case", own));
  g_assert_null (find_change (staff, "case", other));

  quality = pull_all (f, f->org->quality, 100, 0, NULL, &pages);
  g_assert_nonnull (find_change (quality, "case", own));
  for (guint i = 0; i < quality->len; i++)
    {
      g_autofree char *text = json_to_string (g_ptr_array_index (quality, i), FALSE);
      g_assert_null (strstr (text, "cecilia"));
      g_assert_null (strstr (text, "Cecilia"));
    }
}

/* A case moved out of a unit manager's sight is announced to them, and
 * only to those who could see it, as "visible":false. */
static void
test_feed_lost_sight (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id = create_in (f, f->org->registrar, f->org->unit_a);
  g_autofree char *path = g_strconcat ("/api/v1/cases/", id, NULL);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) outsider = NULL;
  g_autoptr(SpTestResponse) moved = NULL;
  JsonObject *change;
  gint64 cursor = 0;
  gint64 outsider_cursor = 0;
  guint pages;

  first = pull_all (f, f->org->manager_a, 100, 0, &cursor, &pages);
  change = find_change (first, "case", id);
  g_assert_nonnull (change);
  g_assert_true (json_object_get_boolean_member (change, "visible"));
  g_ptr_array_unref (pull_all (f, f->org->procurement, 100, 0, &outsider_cursor, &pages));

  moved = sp_test_jsonf (f->server, "PATCH", path, f->org->registrar,
                         "{\"base_rev\":0,\"fields\":{\"unit_id\":\"%s\"}}", f->org->unit_c);
  sp_test_assert_status (moved, 200);

  after = pull_all (f, f->org->manager_a, 100, cursor, NULL, &pages);
  change = find_change (after, "case", id);
  g_assert_nonnull (change);
  g_assert_false (json_object_get_boolean_member (change, "visible"));
  g_assert_true (json_object_get_null_member (change, "record"));

  outsider = pull_all (f, f->org->procurement, 100, outsider_cursor, NULL, &pages);
  g_assert_null (find_change (outsider, "case", id));
}

static char *
batch (const char *batch_id,
       const char *changes)
{
  return g_strdup_printf ("{\"batch_id\":\"%s\",\"changes\":[%s]}", batch_id, changes);
}

static void
test_push_merge_conflict (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id = create_in (f, f->org->manager_a, f->org->unit_a);
  g_autofree char *path = g_strconcat ("/api/v1/cases/", id, NULL);
  g_autoptr(SpTestResponse) got = NULL;
  g_autoptr(SpTestResponse) server_edit = NULL;
  g_autoptr(SpTestResponse) pushed = NULL;
  g_autoptr(SpTestResponse) after = NULL;
  g_autofree char *body = NULL;
  gint64 base;

  got = sp_test_json (f->server, "GET", path, f->org->manager_a, NULL);
  base = sp_test_get_int (got, "case.rev");

  /* Meanwhile someone changes subject and description on the server. */
  server_edit = sp_test_jsonf (f->server, "PATCH", path, f->org->registrar,
                               "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"subject\":\"Serverns ämne\","
                               "\"description\":\"Serverns text\"}}", base);
  sp_test_assert_status (server_edit, 200);

  /* The offline client changed the subject (overlap) and the service
   * note (no overlap) from the old base. */
  body = g_strdup_printf ("{\"batch_id\":\"b-1\",\"changes\":[{\"entity\":\"case\",\"op\":\"update\","
                          "\"id\":\"%s\",\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{"
                          "\"subject\":\"Klientens ämne\",\"service_note\":\"Ringde upp\"}}]}", id, base);
  pushed = sp_test_json (f->server, "POST", "/api/v1/changes", f->org->manager_a, body);
  sp_test_assert_status (pushed, 200);
  g_assert_cmpstr (sp_test_get_string (pushed, "results.0.status"), ==, "conflict");
  g_assert_cmpstr (sp_test_get_string (pushed, "results.0.conflicts.0.field"), ==, "subject");
  g_assert_cmpstr (sp_test_get_string (pushed, "results.0.conflicts.0.server_value"), ==, "Serverns ämne");
  g_assert_cmpstr (sp_test_get_string (pushed, "results.0.conflicts.0.client_value"), ==, "Klientens ämne");
  g_assert_cmpstr (sp_test_get_string (pushed, "results.0.record.service_note"), ==, "Ringde upp");
  g_assert_cmpstr (sp_test_get_string (pushed, "results.0.record.subject"), ==, "Serverns ämne");

  after = sp_test_json (f->server, "GET", path, f->org->manager_a, NULL);
  g_assert_cmpstr (sp_test_get_string (after, "case.subject"), ==, "Serverns ämne");
  g_assert_cmpstr (sp_test_get_string (after, "case.description"), ==, "Serverns text");
  g_assert_cmpstr (sp_test_get_string (after, "case.service_note"), ==, "Ringde upp");
}

static void
test_push_create_and_retry (Fixture       *f,
                            gconstpointer  data)
{
  const char *case_id = "6a1c1d8e-3f5b-4c8e-9d7a-2b4e6f8a0c11";
  const char *action_id = "7b2d2e9f-4a6c-4d9f-8e8b-3c5f7a9b1d22";
  g_autofree char *changes = NULL;
  g_autofree char *body = NULL;
  g_autoptr(SpTestResponse) first = NULL;
  g_autoptr(SpTestResponse) retry = NULL;
  g_autoptr(SpTestResponse) got = NULL;
  g_autoptr(SpTestResponse) list = NULL;
  g_autofree char *path = g_strconcat ("/api/v1/cases/", case_id, NULL);
  g_autofree char *delete_body = NULL;
  g_autoptr(SpTestResponse) deleted = NULL;
  g_autoptr(GPtrArray) feed = NULL;
  JsonObject *tombstone;
  guint pages;

  changes = g_strdup_printf (
    "{\"entity\":\"case\",\"op\":\"create\",\"id\":\"%s\",\"fields\":{\"kind\":\"complaint\","
    "\"valence\":\"negative\",\"channel\":\"in_person\",\"received_on\":\"2026-11-05\","
    "\"subject\":\"Skapad offline\",%s}},"
    "{\"entity\":\"planned_action\",\"op\":\"create\",\"id\":\"%s\",\"fields\":{\"case_id\":\"%s\","
    "\"description\":\"Ny rutin för matleverans\",\"responsible\":\"Kökschefen\",\"due_on\":\"2026-12-01\"}},"
    "{\"entity\":\"case\",\"op\":\"update\",\"id\":\"00000000-0000-4000-8000-000000000000\","
    "\"base_rev\":1,\"fields\":{\"subject\":\"x\"}},"
    "{\"entity\":\"unit\",\"op\":\"create\",\"id\":\"%s\",\"fields\":{}}",
    case_id, SENDER, action_id, case_id, action_id);
  body = batch ("batch-42", changes);

  first = sp_test_json (f->server, "POST", "/api/v1/changes", f->org->manager_a, body);
  sp_test_assert_status (first, 200);
  g_assert_cmpstr (sp_test_get_string (first, "results.0.status"), ==, "applied");
  g_assert_cmpstr (sp_test_get_string (first, "results.0.record.id"), ==, case_id);
  g_assert_cmpstr (sp_test_get_string (first, "results.1.status"), ==, "applied");
  /* A refused change is reported and does not undo the others. */
  g_assert_cmpstr (sp_test_get_string (first, "results.2.status"), ==, "rejected");
  g_assert_cmpstr (sp_test_get_string (first, "results.2.error.code"), ==, "not_found");
  g_assert_cmpstr (sp_test_get_string (first, "results.3.status"), ==, "rejected");
  g_assert_cmpstr (sp_test_get_string (first, "results.3.error.field"), ==, "entity");

  /* The client did not hear the answer and sends the batch again. */
  retry = sp_test_json (f->server, "POST", "/api/v1/changes", f->org->manager_a, body);
  sp_test_assert_status (retry, 200);
  g_assert_cmpuint (g_bytes_get_size (retry->body), ==, g_bytes_get_size (first->body));
  g_assert_cmpmem (g_bytes_get_data (retry->body, NULL), g_bytes_get_size (retry->body),
                   g_bytes_get_data (first->body, NULL), g_bytes_get_size (first->body));

  got = sp_test_json (f->server, "GET", path, f->org->manager_a, NULL);
  sp_test_assert_status (got, 200);
  g_assert_cmpstr (sp_test_get_string (got, "case.subject"), ==, "Skapad offline");
  g_assert_cmpstr (sp_test_get_string (got, "planned_actions.0.description"), ==, "Ny rutin för matleverans");
  g_assert_cmpint (sp_test_get_int (got, "case.rev"), ==, sp_test_get_int (first, "results.0.rev"));

  list = sp_test_json (f->server, "GET", "/api/v1/cases", f->org->registrar, NULL);
  g_assert_cmpint (sp_test_get_int (list, "total"), ==, 1);

  /* Removing the planned action travels as a tombstone. */
  delete_body = g_strdup_printf ("{\"batch_id\":\"batch-43\",\"changes\":[{\"entity\":\"planned_action\","
                                 "\"op\":\"delete\",\"id\":\"%s\"}]}", action_id);
  deleted = sp_test_json (f->server, "POST", "/api/v1/changes", f->org->manager_a, delete_body);
  sp_test_assert_status (deleted, 200);
  g_assert_cmpstr (sp_test_get_string (deleted, "results.0.status"), ==, "applied");

  feed = pull_all (f, f->org->manager_a, 100, 0, NULL, &pages);
  tombstone = find_change (feed, "planned_action", action_id);
  g_assert_nonnull (tombstone);
  g_assert_true (json_object_get_boolean_member (tombstone, "deleted"));
  g_assert_true (json_object_get_null_member (tombstone, "record"));
}

static void
test_push_permissions (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *other = create_in (f, f->org->registrar, f->org->unit_b);
  g_autofree char *body = NULL;
  g_autoptr(SpTestResponse) pushed = NULL;
  g_autoptr(SpTestResponse) quality = NULL;
  g_autoptr(SpTestResponse) bad = NULL;
  g_autoptr(SpTestResponse) after = NULL;
  g_autofree char *path = g_strconcat ("/api/v1/cases/", other, NULL);

  body = g_strdup_printf ("{\"batch_id\":\"p-1\",\"changes\":[{\"entity\":\"case\",\"op\":\"update\","
                          "\"id\":\"%s\",\"base_rev\":0,\"fields\":{\"subject\":\"Kapat\"}}]}", other);
  pushed = sp_test_json (f->server, "POST", "/api/v1/changes", f->org->manager_a, body);
  sp_test_assert_status (pushed, 200);
  g_assert_cmpstr (sp_test_get_string (pushed, "results.0.status"), ==, "rejected");
  g_assert_cmpint (sp_test_get_int (pushed, "results.0.error.status"), ==, 404);

  quality = sp_test_json (f->server, "POST", "/api/v1/changes", f->org->quality, body);
  g_assert_cmpstr (sp_test_get_string (quality, "results.0.status"), ==, "rejected");
  g_assert_cmpint (sp_test_get_int (quality, "results.0.error.status"), ==, 403);

  after = sp_test_json (f->server, "GET", path, f->org->registrar, NULL);
  g_assert_cmpstr (sp_test_get_string (after, "case.subject"), ==, "Synk");

  bad = sp_test_json (f->server, "POST", "/api/v1/changes", f->org->manager_a, "{\"changes\":[]}");
  sp_test_assert_status (bad, 422);
  g_assert_cmpstr (sp_test_error_field (bad), ==, "batch_id");
}

static void
test_push_investigation (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *case_id = create_in (f, f->org->manager_a, f->org->unit_a);
  const char *inv_id = "8c3e3fa0-5b7d-4eaf-9f9c-4d6a8b0c2e33";
  g_autofree char *create = NULL;
  g_autofree char *update = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *path = g_strconcat ("/api/v1/cases/", case_id, NULL);
  g_autoptr(SpTestResponse) created = NULL;
  g_autoptr(SpTestResponse) updated = NULL;
  g_autoptr(SpTestResponse) conflict = NULL;
  g_autoptr(SpTestResponse) got = NULL;
  g_autoptr(SpTestResponse) by_staff = NULL;
  gint64 rev;

  create = g_strdup_printf ("{\"batch_id\":\"i-1\",\"changes\":[{\"entity\":\"investigation\",\"op\":\"create\","
                            "\"id\":\"%s\",\"fields\":{\"case_id\":\"%s\",\"facts\":\"Maten var kall.\","
                            "\"assessment\":\"justified\",\"lex_sarah\":false}}]}", inv_id, case_id);
  created = sp_test_json (f->server, "POST", "/api/v1/changes", f->org->manager_a, create);
  sp_test_assert_status (created, 200);
  g_assert_cmpstr (sp_test_get_string (created, "results.0.status"), ==, "applied");
  rev = sp_test_get_int (created, "results.0.rev");

  /* Staff of another unit cannot add to it. */
  by_staff = sp_test_json (f->server, "POST", "/api/v1/changes", f->org->staff_b,
                           "{\"batch_id\":\"i-x\",\"changes\":[{\"entity\":\"investigation\",\"op\":\"update\","
                           "\"id\":\"8c3e3fa0-5b7d-4eaf-9f9c-4d6a8b0c2e33\",\"base_rev\":0,\"fields\":{\"facts\":\"x\"}}]}");
  g_assert_cmpstr (sp_test_get_string (by_staff, "results.0.status"), ==, "rejected");

  update = g_strdup_printf ("{\"batch_id\":\"i-2\",\"changes\":[{\"entity\":\"investigation\",\"op\":\"update\","
                            "\"id\":\"%s\",\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"analysis\":\"Transporten tog för lång tid.\"}}]}",
                            inv_id, rev);
  updated = sp_test_json (f->server, "POST", "/api/v1/changes", f->org->manager_a, update);
  g_assert_cmpstr (sp_test_get_string (updated, "results.0.status"), ==, "applied");

  /* Someone who saw only the first version changes the analysis too. */
  stale = g_strdup_printf ("{\"batch_id\":\"i-3\",\"changes\":[{\"entity\":\"investigation\",\"op\":\"update\","
                           "\"id\":\"%s\",\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"analysis\":\"Kocken var sjuk.\","
                           "\"heard\":\"Kökspersonalen\"}}]}", inv_id, rev);
  conflict = sp_test_json (f->server, "POST", "/api/v1/changes", f->org->registrar, stale);
  g_assert_cmpstr (sp_test_get_string (conflict, "results.0.status"), ==, "conflict");
  g_assert_cmpstr (sp_test_get_string (conflict, "results.0.conflicts.0.field"), ==, "analysis");
  g_assert_cmpstr (sp_test_get_string (conflict, "results.0.record.heard"), ==, "Kökspersonalen");

  got = sp_test_json (f->server, "GET", path, f->org->manager_a, NULL);
  g_assert_cmpstr (sp_test_get_string (got, "investigation.id"), ==, inv_id);
  g_assert_cmpstr (sp_test_get_string (got, "investigation.analysis"), ==, "Transporten tog för lång tid.");
  g_assert_cmpstr (sp_test_get_string (got, "investigation.heard"), ==, "Kökspersonalen");
  g_assert_cmpstr (sp_test_get_string (got, "investigation.assessment"), ==, "justified");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/server/sync/" path, Fixture, NULL, sp_test_fixture_setup, func, sp_test_fixture_teardown)
  ADD ("feed-paging", test_feed_paging);
  ADD ("feed-visibility", test_feed_visibility);
  ADD ("feed-lost-sight", test_feed_lost_sight);
  ADD ("push-merge-conflict", test_push_merge_conflict);
  ADD ("push-create-and-retry", test_push_create_and_retry);
  ADD ("push-permissions", test_push_permissions);
  ADD ("push-investigation", test_push_investigation);
#undef ADD

  return g_test_run ();
}
