/* sp-test-replica.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-test-replica.h"

SpTestReplica *
sp_test_replica_new (SpTestServer *server,
                     const char   *token)
{
  g_autoptr(GError) error = NULL;
  SpTestReplica *self = g_new0 (SpTestReplica, 1);

  self->dir = sp_test_dir_new ("replica");
  self->path = g_build_filename (self->dir, "replica.db", NULL);
  self->store = sp_store_open (self->path, &error);
  g_assert_no_error (error);
  sp_test_replica_connect (self, server, token);
  return self;
}

void
sp_test_replica_connect (SpTestReplica *self,
                         SpTestServer  *server,
                         const char    *token)
{
  g_clear_object (&self->engine);
  g_clear_object (&self->client);
  self->client = sp_sync_client_new (server->base);
  sp_sync_client_set_token (self->client, token);
  self->engine = sp_sync_engine_new (self->path, self->client);
}

void
sp_test_replica_free (SpTestReplica *self)
{
  g_clear_object (&self->engine);
  g_clear_object (&self->client);
  g_clear_object (&self->store);
  sp_test_remove_dir (self->dir);
  g_free (self->path);
  g_free (self->dir);
  g_free (self);
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
} Wait;

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = sp_sync_engine_sync_finish (SP_SYNC_ENGINE (source), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

gboolean
sp_test_replica_sync (SpTestReplica  *self,
                      GError        **error)
{
  Wait wait = { g_main_loop_new (NULL, FALSE), FALSE, NULL };

  sp_sync_engine_sync_async (self->engine, NULL, on_synced, &wait);
  sp_test_loop_run (wait.loop, 60, "a sync");
  g_main_loop_unref (wait.loop);
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.ok;
}

void
sp_test_replica_assert_synced (SpTestReplica *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = sp_test_replica_sync (self, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

void
sp_test_replica_edit (SpTestReplica *self,
                      const char    *id,
                      const char    *field,
                      const char    *value)
{
  g_autoptr(SpCase) kase = sp_store_get_case (self->store, id, NULL);
  const SpField *f = sp_entity_info_lookup (&sp_case_info, field);
  static const SpActor me = { "local", "Local", SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) };
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (kase);
  sp_entity_set_string (SP_ENTITY (kase), f, value);
  g_assert_true (sp_store_update_case (self->store, kase, &me, TRUE, &error));
  g_assert_no_error (error);
}

char *
sp_test_server_case_field (SpTestServer *server,
                           const char   *token,
                           const char   *id,
                           const char   *field)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s", id);
  g_autoptr(SpTestResponse) response = sp_test_json (server, "GET", path, token, NULL);
  g_autofree char *member = g_strconcat ("case.", field, NULL);

  sp_test_assert_status (response, 200);
  return g_strdup (sp_test_get_string (response, member));
}
