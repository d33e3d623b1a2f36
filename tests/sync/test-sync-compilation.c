/* test-sync-compilation.c: a unit's compilation made offline in the unit
 * manager's replica reaches the server, and quality staff's replica
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-replica.h"

static void
test_offline_compilation_reaches_the_server (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new (NULL);
  g_autoptr(SpTestOrg) org = sp_test_org_new (server);
  g_autoptr(SpTestReplica) manager = NULL;
  g_autoptr(SpTestReplica) quality = NULL;
  g_autoptr(SpUnitCompilation) compilation = sp_unit_compilation_new ();
  g_autoptr(SpUnitCompilation) there = NULL;
  g_autoptr(SpTestResponse) got = NULL;
  g_autoptr(JsonNode) figures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *extra = g_strdup_printf ("\"unit_id\":\"%s\"", org->unit_a);
  g_autofree char *c1 = sp_test_create_case (server, org->registrar, extra);
  g_autofree char *c2 = sp_test_create_case (server, org->registrar, extra);
  g_autofree char *url = NULL;
  SpActor actor = { org->manager_a_id, "Maja Enhetschef", SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) };

  manager = sp_test_replica_new (server, org->manager_a);
  sp_test_replica_assert_synced (manager);

  /* Offline: the manager compiles the tertial. */
  compilation->unit_id = g_strdup (org->unit_a);
  compilation->period = g_strdup ("2026-T3");
  compilation->analysis = g_strdup ("Två klagomål på maten under tertialet.");
  compilation->actions_planned = g_strdup ("Temperaturen mäts vid varje leverans.");
  compilation->follow_up_on = sp_date_new (2027, 2, 1);
  g_assert_true (sp_store_save_unit_compilation (manager->store, compilation, SP_SAVE_DEFAULT,
                                                 &actor, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (compilation->figures, "\"total\":2"));
  g_assert_cmpint (sp_store_outbox_count (manager->store), >, 0);

  sp_test_replica_assert_synced (manager);
  g_assert_cmpint (sp_store_outbox_count (manager->store), ==, 0);

  url = g_strconcat ("/api/v1/unit-compilations/", SP_ENTITY (compilation)->id, NULL);
  got = sp_test_json (server, "GET", url, org->quality, NULL);
  sp_test_assert_status (got, 200);
  g_assert_cmpstr (sp_test_get_string (got, "analysis"), ==, "Två klagomål på maten under tertialet.");
  g_assert_cmpstr (sp_test_get_string (got, "follow_up_on"), ==, "2027-02-01");
  figures = sp_json_parse (sp_test_get_string (got, "figures"), -1, 16, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (figures), "total"), ==, 2);

  /* The replica holds the server's revision of it. */
  there = sp_store_load (manager->store, SP_TYPE_UNIT_COMPILATION, SP_ENTITY (compilation)->id, NULL);
  g_assert_nonnull (there);
  g_assert_cmpint (SP_ENTITY (there)->rev, ==, sp_test_get_int (got, "rev"));

  /* Quality staff's replica gets it too. */
  quality = sp_test_replica_new (server, org->quality);
  sp_test_replica_assert_synced (quality);
  {
    g_autoptr(GPtrArray) list = sp_store_list_unit_compilations (quality->store, org->unit_a, "2026-T3", NULL);

    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpstr (((SpUnitCompilation *) list->pdata[0])->analysis, ==,
                     "Två klagomål på maten under tertialet.");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/compilation/offline", test_offline_compilation_reaches_the_server);

  return g_test_run ();
}
