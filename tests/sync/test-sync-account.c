/* test-sync-account.c: a replica belongs to one account on one server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real server and a headless replica in one folder, as one computer
 * where several people sign in in turn.
 */

#include <signal.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "sp-test-replica.h"

#define SENDER "\"sender\":{\"name\":\"Karin Andersson\",\"phone\":\"070-123 45 67\"}"

typedef struct
{
  SpTestReplica *replica;
  guint          resets;
  guint          kept_aside;
  guint          taken_back;
  char          *kept_path;
} Computer;

static void
on_reset (SpSyncEngine *engine,
          guint         kept_aside,
          const char   *kept_path,
          guint         taken_back,
          Computer     *c)
{
  c->resets++;
  c->kept_aside += kept_aside;
  c->taken_back += taken_back;
  if (kept_path != NULL)
    {
      g_free (c->kept_path);
      c->kept_path = g_strdup (kept_path);
    }
}

static Computer *
computer_new (void)
{
  return g_new0 (Computer, 1);
}

/* Someone signs in: a new client and engine, as the app makes them, on
 * the one database of this computer. */
static void
sign_in (Computer     *c,
         SpTestServer *server,
         const char   *token)
{
  if (c->replica == NULL)
    c->replica = sp_test_replica_new (server, token);
  else
    sp_test_replica_connect (c->replica, server, token);
  g_signal_connect (c->replica->engine, "reset", G_CALLBACK (on_reset), c);
}

static void
computer_free (Computer *c)
{
  g_clear_pointer (&c->replica, sp_test_replica_free);
  g_free (c->kept_path);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Computer, computer_free)

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
  guint      kept_aside;
  char      *kept_path;
} Wait;

static void
on_released (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = sp_sync_engine_release_finish (SP_SYNC_ENGINE (source), result, &wait->kept_aside,
                                            &wait->kept_path, &wait->error);
  g_main_loop_quit (wait->loop);
}

/* Signs out as the app does; returns the changes kept aside. */
static guint
sign_out (Computer  *c,
          char     **kept_path)
{
  Wait wait = { g_main_loop_new (NULL, FALSE), FALSE, NULL };

  sp_sync_engine_release_async (c->replica->engine, on_released, &wait);
  sp_test_loop_run (wait.loop, 60, "the engine to be released");
  g_main_loop_unref (wait.loop);
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);
  g_clear_object (&c->replica->engine);
  if (kept_path != NULL)
    *kept_path = g_steal_pointer (&wait.kept_path);
  g_free (wait.kept_path);
  return wait.kept_aside;
}

static gint64
count_local (Computer *c,
             GType     type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = sp_store_load_where (c->replica->store, type, NULL, NULL, &error);

  g_assert_no_error (error);
  return all->len;
}

/* Whether any table of the database file holds @text. */
static gboolean
file_mentions (Computer   *c,
               const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = sp_store_load_where (c->replica->store, SP_TYPE_CASE, NULL, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    {
      SpCase *kase = cases->pdata[i];

      if (g_strcmp0 (kase->sender_name, text) == 0 || g_strcmp0 (kase->subject, text) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_switch_user (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autofree char *unit = g_strdup_printf ("\"unit_id\":\"%s\"," SENDER, org->unit_a);
  g_autofree char *id = sp_test_create_case (server, org->staff_a, unit);
  g_autoptr(Computer) c = computer_new ();
  g_autoptr(SpCase) kase = NULL;
  g_autofree char *subject = NULL;
  struct stat st;

  /* The unit manager works, then makes a change offline and leaves it
   * unsent. */
  sign_in (c, server, org->manager_a);
  sp_test_replica_assert_synced (c->replica);
  g_assert_cmpuint (c->resets, ==, 0);
  kase = sp_store_get_case (c->replica->store, id, NULL);
  g_assert_nonnull (kase);
  g_assert_cmpstr (kase->sender_name, ==, "Karin Andersson");
  g_clear_object (&kase);
  sp_test_replica_edit (c->replica, id, "subject", "Maten var kall på Solgården");
  g_assert_cmpint (sp_store_outbox_count (c->replica->store), ==, 1);

  /* Quality staff sign in on the same computer: the manager's replica is
   * gone before anything is shown, the unsent change kept aside. */
  sign_in (c, server, org->quality);
  sp_test_replica_assert_synced (c->replica);
  g_assert_cmpuint (c->resets, ==, 1);
  g_assert_cmpuint (c->kept_aside, ==, 1);
  g_assert_nonnull (c->kept_path);
  g_assert_true (g_file_test (c->kept_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (c->kept_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (sp_store_outbox_count (c->replica->store), ==, 0);
  kase = sp_store_get_case (c->replica->store, id, NULL);
  g_assert_nonnull (kase);
  g_assert_null (kase->sender_name);
  g_assert_null (kase->sender_phone);
  g_assert_cmpstr (kase->subject, ==, "Maten var kall");
  g_clear_object (&kase);
  g_assert_false (file_mentions (c, "Karin Andersson"));
  /* Nothing of the manager's went to the server as quality's. */
  subject = sp_test_server_case_field (server, org->registrar, id, "subject");
  g_assert_cmpstr (subject, ==, "Maten var kall");
  g_clear_pointer (&subject, g_free);

  /* A second sync as quality changes nothing more. */
  sp_test_replica_assert_synced (c->replica);
  g_assert_cmpuint (c->resets, ==, 1);

  /* The manager again: the change kept aside comes back and is sent. */
  sign_in (c, server, org->manager_a);
  sp_test_replica_assert_synced (c->replica);
  g_assert_cmpuint (c->resets, ==, 2);
  g_assert_cmpuint (c->taken_back, ==, 1);
  g_assert_false (g_file_test (c->kept_path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sp_store_outbox_count (c->replica->store), ==, 0);
  subject = sp_test_server_case_field (server, org->registrar, id, "subject");
  g_assert_cmpstr (subject, ==, "Maten var kall på Solgården");
  kase = sp_store_get_case (c->replica->store, id, NULL);
  g_assert_nonnull (kase);
  g_assert_cmpstr (kase->sender_name, ==, "Karin Andersson");
}

static void
test_sign_out (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autofree char *unit = g_strdup_printf ("\"unit_id\":\"%s\"," SENDER, org->unit_a);
  g_autofree char *id = sp_test_create_case (server, org->staff_a, unit);
  g_autoptr(Computer) c = computer_new ();
  g_autofree char *kept = NULL;
  g_autofree char *subject = NULL;

  sign_in (c, server, org->manager_a);
  sp_test_replica_assert_synced (c->replica);
  g_assert_cmpint (count_local (c, SP_TYPE_CASE), ==, 1);

  /* Signing out with nothing waiting empties the replica and keeps
   * nothing aside. */
  g_assert_cmpuint (sign_out (c, &kept), ==, 0);
  g_assert_null (kept);
  g_assert_cmpint (count_local (c, SP_TYPE_CASE), ==, 0);
  g_assert_cmpint (count_local (c, SP_TYPE_CASE_EVENT), ==, 0);
  g_assert_cmpint (count_local (c, SP_TYPE_UNIT), ==, 0);

  /* Back in, a change left unsent, and out again: it is kept aside. */
  sign_in (c, server, org->manager_a);
  sp_test_replica_assert_synced (c->replica);
  g_assert_cmpint (count_local (c, SP_TYPE_CASE), ==, 1);
  sp_test_replica_edit (c->replica, id, "subject", "Maten var kall i tre dagar");
  g_assert_cmpuint (sign_out (c, &kept), ==, 1);
  g_assert_nonnull (kept);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (count_local (c, SP_TYPE_CASE), ==, 0);
  g_assert_cmpint (sp_store_outbox_count (c->replica->store), ==, 0);
  subject = sp_test_server_case_field (server, org->registrar, id, "subject");
  g_assert_cmpstr (subject, ==, "Maten var kall");
  g_clear_pointer (&subject, g_free);

  /* Another user after that sees none of it, and does not send it. */
  sign_in (c, server, org->manager_b);
  sp_test_replica_assert_synced (c->replica);
  g_assert_cmpint (count_local (c, SP_TYPE_CASE), ==, 0);
  g_assert_cmpuint (c->taken_back, ==, 0);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (sign_out (c, NULL), ==, 0);

  /* The manager signs in again: the change is sent. */
  sign_in (c, server, org->manager_a);
  sp_test_replica_assert_synced (c->replica);
  g_assert_cmpuint (c->taken_back, ==, 1);
  g_assert_false (g_file_test (kept, G_FILE_TEST_EXISTS));
  subject = sp_test_server_case_field (server, org->registrar, id, "subject");
  g_assert_cmpstr (subject, ==, "Maten var kall i tre dagar");
}

static void
test_other_server (void)
{
  g_autoptr(SpTestServer) one = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org_one = sp_test_org_new (one);
  g_autoptr(SpTestServer) two = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org_two = sp_test_org_new (two);
  g_autofree char *unit = g_strdup_printf ("\"unit_id\":\"%s\"," SENDER, org_one->unit_a);
  g_autofree char *id = sp_test_create_case (one, org_one->staff_a, unit);
  g_autoptr(Computer) c = computer_new ();
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s", id);
  g_autoptr(SpTestResponse) there = NULL;
  g_autoptr(SpTestResponse) list = NULL;

  sign_in (c, one, org_one->registrar);
  sp_test_replica_assert_synced (c->replica);
  g_assert_cmpint (count_local (c, SP_TYPE_CASE), ==, 1);

  /* The same computer connected to another server: the first server's
   * cases are neither shown nor uploaded there. */
  sign_in (c, two, org_two->registrar);
  sp_test_replica_assert_synced (c->replica);
  g_assert_cmpuint (c->resets, ==, 1);
  g_assert_cmpint (count_local (c, SP_TYPE_CASE), ==, 0);
  there = sp_test_json (two, "GET", path, org_two->registrar, NULL);
  sp_test_assert_status (there, 404);
  list = sp_test_json (two, "GET", "/api/v1/cases?limit=1", org_two->registrar, NULL);
  sp_test_assert_status (list, 200);
  g_assert_cmpint (sp_test_get_int (list, "total"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  signal (SIGPIPE, SIG_IGN);

  g_test_add_func ("/sync-account/switch-user", test_switch_user);
  g_test_add_func ("/sync-account/sign-out", test_sign_out);
  g_test_add_func ("/sync-account/other-server", test_other_server);

  return g_test_run ();
}
