/* test-sync-restore.c: a replica that syncs with a server restored from an
 * older backup notices, pulls the server's history again and keeps its
 * local change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "sp-sync-engine.h"
#include "sp-sync-private.h"
#include "sp-test-replica.h"

static void
patch (SpTestServer *server,
       const char   *token,
       const char   *id,
       const char   *field,
       const char   *value)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s", id);
  g_autoptr(SpTestResponse) got = sp_test_json (server, "GET", path, token, NULL);
  g_autoptr(SpTestResponse) patched = NULL;

  sp_test_assert_status (got, 200);
  patched = sp_test_jsonf (server, "PATCH", path, token,
                           "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"%s\":\"%s\"}}",
                           sp_test_get_int (got, "case.rev"), field, value);
  sp_test_assert_status (patched, 200);
}

static gint64
server_last_rev (SpTestServer *server,
                 const char   *token)
{
  g_autoptr(SpTestResponse) feed = sp_test_json (server, "GET", "/api/v1/changes?since=0&limit=1",
                                                 token, NULL);

  sp_test_assert_status (feed, 200);
  return sp_test_get_int (feed, "last_rev");
}

static char *
cursor_of (SpTestReplica *r)
{
  return sp_store_dup_setting (r->store, "sync.cursor");
}

/* @writes_after: the restored server moves past the replica's cursor
 * before the replica comes back, so that only the database's id tells. */
static void
test_restored (gconstpointer data)
{
  gboolean writes_after = GPOINTER_TO_INT (data);
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autofree char *unit = g_strdup_printf ("\"unit_id\":\"%s\"", org->unit_a);
  g_autofree char *kept = sp_test_create_case (server, org->staff_a, unit);
  g_autofree char *edited = sp_test_create_case (server, org->staff_a, unit);
  g_autofree char *copy = g_build_filename (server->dir, "backup.db", NULL);
  g_autofree char *port = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *lost = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *description = NULL;
  g_autoptr(SpTestReplica) r = sp_test_replica_new (server, org->manager_a);
  g_autoptr(SpCase) lost_case = NULL;
  g_autoptr(SpCase) local = NULL;
  g_autoptr(SpCase) other = NULL;

  sp_test_replica_assert_synced (r);
  g_assert_cmpint (sp_test_run (NULL, NULL, NULL,
                                (const char *[]) { "backup", "--db", server->db, copy, NULL }), ==, 0);

  /* After the backup: a change and a new case, both pulled by the
   * replica, then lost with the restore. */
  patch (server, org->registrar, edited, "description", "Ändrad efter backupen");
  lost = sp_test_create_case (server, org->staff_a, unit);
  sp_test_replica_assert_synced (r);
  lost_case = sp_store_get_case (r->store, lost, NULL);
  g_assert_nonnull (lost_case);
  cursor = cursor_of (r);

  port = g_strdup (strrchr (server->base, ':') + 1);
  listen = g_strconcat ("127.0.0.1:", port, NULL);
  sp_test_server_stop (server);
  g_assert_cmpint (sp_test_run (NULL, NULL, NULL,
                                (const char *[]) { "restore", "--db", server->db, copy, NULL }), ==, 0);
  sp_test_server_start (server, (const char *[]) { "--listen", listen, NULL });
  sp_test_replica_connect (r, server, org->manager_a);

  if (writes_after)
    {
      guint n = 0;

      /* Someone else works on the restored server until it has passed
       * the revision the replica has seen. */
      while (server_last_rev (server, org->registrar) <= g_ascii_strtoll (cursor, NULL, 10))
        {
          g_autofree char *text = g_strdup_printf ("Efter återställningen %u", n++);

          patch (server, org->registrar, kept, "description", text);
          g_assert_cmpuint (n, <, 100);
        }
    }

  /* Offline meanwhile, the replica changed the case it last saw changed. */
  sp_test_replica_edit (r, edited, "subject", "Lokal ändring");
  g_assert_cmpint (sp_store_outbox_count (r->store), ==, 1);

  sp_test_replica_assert_synced (r);

  /* The local change reached the server, merged with its (older) record. */
  subject = sp_test_server_case_field (server, org->manager_a, edited, "subject");
  description = sp_test_server_case_field (server, org->manager_a, edited, "description");
  g_assert_cmpstr (subject, ==, "Lokal ändring");
  g_assert_cmpstr (description, ==, "Middagen serverades kall tre dagar i rad.");
  g_assert_cmpint (sp_sync_engine_get_pending (r->engine), ==, 0);
  g_assert_cmpuint (sp_sync_engine_get_n_conflicts (r->engine), ==, 0);

  /* The replica is the server's state: the change lost with the restore
   * is gone, and so is the case made after the backup. */
  local = sp_store_get_case (r->store, edited, NULL);
  g_assert_nonnull (local);
  g_assert_cmpstr (local->subject, ==, "Lokal ändring");
  g_assert_cmpstr (local->description, ==, "Middagen serverades kall tre dagar i rad.");
  g_clear_object (&lost_case);
  lost_case = sp_store_get_case (r->store, lost, NULL);
  g_assert_null (lost_case);
  if (writes_after)
    {
      g_autofree char *server_text = sp_test_server_case_field (server, org->manager_a, kept, "description");

      other = sp_store_get_case (r->store, kept, NULL);
      g_assert_nonnull (other);
      g_assert_cmpstr (other->description, ==, server_text);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/sync/restore/behind", GINT_TO_POINTER (FALSE), test_restored);
  g_test_add_data_func ("/sync/restore/passed", GINT_TO_POINTER (TRUE), test_restored);

  return g_test_run ();
}
