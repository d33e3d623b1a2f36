/* test-sync-provider.c: the provider register edited in a replica reaches
 * the server for procurement and the administrator; anyone else's edit is
 * refused with the server's reason and waits for the user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-replica.h"

static char *
make_provider (SpTestServer *server,
               SpTestOrg    *org)
{
  g_autoptr(SpTestResponse) provider = NULL;

  provider = sp_test_json (server, "POST", "/api/v1/providers", org->procurement,
                           "{\"name\":\"Omsorgshuset AB\",\"org_number\":\"5560360793\","
                           "\"contract_form\":\"choice_system\"}");
  sp_test_assert_status (provider, 201);
  return g_strdup (sp_test_get_string (provider, "id"));
}

static char *
server_provider_field (SpTestServer *server,
                       const char   *token,
                       const char   *id,
                       const char   *field)
{
  g_autoptr(SpTestResponse) all = sp_test_json (server, "GET", "/api/v1/providers", token, NULL);
  JsonArray *items;

  sp_test_assert_status (all, 200);
  items = json_node_get_array (sp_test_get_node (all, "items"));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (item, "id"), id) == 0)
        return json_object_get_null_member (item, field) ? NULL
                                                          : g_strdup (json_object_get_string_member (item, field));
    }
  return NULL;
}

/* Procurement edits a provider and adds one offline; both reach the
 * server, the organisation number normalised as the register keeps it. */
static void
test_procurement_edits (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autofree char *id = make_provider (server, org);
  g_autoptr(SpTestReplica) r = sp_test_replica_new (server, org->procurement);
  g_autoptr(SpProvider) provider = NULL;
  g_autoptr(SpProvider) added = sp_provider_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *name = NULL;
  g_autofree char *org_number = NULL;

  sp_test_replica_assert_synced (r);
  provider = sp_store_load (r->store, SP_TYPE_PROVIDER, id, &error);
  g_assert_no_error (error);
  g_free (provider->contract_reference);
  provider->contract_reference = g_strdup ("LOV 2025:3");
  g_assert_true (sp_store_save (r->store, SP_ENTITY (provider), SP_SAVE_DEFAULT, "local", &error));
  added->name = g_strdup ("Städbolaget Glans AB");
  added->org_number = g_strdup ("212000-0142");
  added->contract_form = SP_CONTRACT_FORM_CONTRACTED_OPERATION;
  g_assert_true (sp_store_save (r->store, SP_ENTITY (added), SP_SAVE_DEFAULT, "local", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_store_outbox_count (r->store), >, 0);

  sp_test_replica_assert_synced (r);
  g_assert_cmpint (sp_store_outbox_count (r->store), ==, 0);
  {
    g_autoptr(GPtrArray) conflicts = sp_store_list_conflicts (r->store, NULL, NULL);

    g_assert_cmpuint (conflicts->len, ==, 0);
  }
  reference = server_provider_field (server, org->manager_a, id, "contract_reference");
  g_assert_cmpstr (reference, ==, "LOV 2025:3");
  name = server_provider_field (server, org->manager_a, SP_ENTITY (added)->id, "name");
  g_assert_cmpstr (name, ==, "Städbolaget Glans AB");
  org_number = server_provider_field (server, org->manager_a, SP_ENTITY (added)->id, "org_number");
  g_assert_nonnull (org_number);
}

/* A unit manager's replica holds the register too, but an edit made in it
 * is refused: it waits as a conflict saying why, and the server keeps its
 * own. An invalid organisation number from procurement is refused too. */
static void
test_others_refused (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autofree char *id = make_provider (server, org);
  g_autoptr(SpTestReplica) manager = sp_test_replica_new (server, org->manager_a);
  g_autoptr(SpTestReplica) buyer = NULL;
  g_autoptr(SpProvider) provider = NULL;
  g_autoptr(SpProvider) bad = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *org_number = NULL;
  gboolean found = FALSE;

  sp_test_replica_assert_synced (manager);
  provider = sp_store_load (manager->store, SP_TYPE_PROVIDER, id, &error);
  g_assert_no_error (error);
  g_free (provider->name);
  provider->name = g_strdup ("Omdöpt av enhetschefen");
  g_assert_true (sp_store_save (manager->store, SP_ENTITY (provider), SP_SAVE_DEFAULT, "local", &error));
  sp_test_replica_sync (manager, NULL);

  conflicts = sp_store_list_conflicts (manager->store, id, NULL);
  for (guint i = 0; i < conflicts->len; i++)
    {
      SpConflict *c = conflicts->pdata[i];

      if (g_strcmp0 (c->entity, "provider") == 0 && c->server_value != NULL &&
          strstr (c->server_value, "Only procurement and the administrator") != NULL)
        found = TRUE;
    }
  g_assert_true (found);
  name = server_provider_field (server, org->procurement, id, "name");
  g_assert_cmpstr (name, ==, "Omsorgshuset AB");

  /* Procurement's replica: a wrong check digit is refused, named. */
  buyer = sp_test_replica_new (server, org->procurement);
  sp_test_replica_assert_synced (buyer);
  bad = sp_store_load (buyer->store, SP_TYPE_PROVIDER, id, &error);
  g_free (bad->org_number);
  /* Stored as it is: the replica's own checks are the form's. */
  bad->org_number = g_strdup ("5560360794");
  g_assert_true (sp_store_save (buyer->store, SP_ENTITY (bad), SP_SAVE_DEFAULT, "local", &error));
  sp_test_replica_sync (buyer, NULL);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = sp_store_list_conflicts (buyer->store, id, NULL);
  g_assert_cmpuint (conflicts->len, >, 0);
  org_number = server_provider_field (server, org->procurement, id, "org_number");
  g_assert_cmpstr (org_number, ==, "556036-0793");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/provider/procurement-edits", test_procurement_edits);
  g_test_add_func ("/sync/provider/others-refused", test_others_refused);

  return g_test_run ();
}
