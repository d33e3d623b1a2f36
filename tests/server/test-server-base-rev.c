/* test-server-base-rev.c: a base revision the record never had is refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A base_rev above the record's revision would make every field look
 * unchanged since then, so any edit would pass over another user's change
 * without a conflict.
 */

#include <string.h>

#include "sp-test-server.h"

#define HUGE_REV "1000000000000"

typedef struct
{
  SpTestServer *server;
  SpTestOrg    *org;
  char         *id;
  char         *path;
  gint64        rev;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SpTestResponse) created = NULL;
  g_autoptr(SpTestResponse) edited = NULL;

  f->server = sp_test_server_new (NULL);
  f->org = sp_test_org_new (f->server);
  created = sp_test_jsonf (f->server, "POST", "/api/v1/cases", f->org->manager_a,
                           "{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"email\","
                           "\"received_on\":\"2026-11-02\",\"subject\":\"Ursprungligt\",\"unit_id\":\"%s\"}",
                           f->org->unit_a);
  sp_test_assert_status (created, 201);
  f->id = g_strdup (sp_test_get_string (created, "id"));
  f->path = g_strconcat ("/api/v1/cases/", f->id, NULL);

  /* Another user's change, the one that must not be overwritten. */
  edited = sp_test_jsonf (f->server, "PATCH", f->path, f->org->registrar,
                          "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"subject\":\"Registratorns ämne\"}}",
                          sp_test_get_int (created, "rev"));
  sp_test_assert_status (edited, 200);
  f->rev = sp_test_get_int (edited, "rev");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_free (f->id);
  g_free (f->path);
  sp_test_org_free (f->org);
  sp_test_server_free (f->server);
}

static void
assert_unchanged (Fixture *f)
{
  g_autoptr(SpTestResponse) got = sp_test_json (f->server, "GET", f->path, f->org->registrar, NULL);

  sp_test_assert_status (got, 200);
  g_assert_cmpstr (sp_test_get_string (got, "case.subject"), ==, "Registratorns ämne");
  g_assert_cmpint (sp_test_get_int (got, "case.rev"), ==, f->rev);
}

static void
test_patch_huge (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SpTestResponse) patched = NULL;
  g_autoptr(SpTestResponse) next = NULL;

  patched = sp_test_json (f->server, "PATCH", f->path, f->org->manager_a,
                          "{\"base_rev\":" HUGE_REV ",\"fields\":{\"subject\":\"Överskrivet\"}}");
  sp_test_assert_status (patched, 409);
  g_assert_cmpstr (sp_test_error_code (patched), ==, "conflict");
  g_assert_cmpstr (sp_test_error_field (patched), ==, "base_rev");
  assert_unchanged (f);

  /* One above the record's revision is as unknown as 10^12. */
  next = sp_test_jsonf (f->server, "PATCH", f->path, f->org->manager_a,
                        "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"subject\":\"Överskrivet\"}}",
                        f->rev + 1);
  sp_test_assert_status (next, 409);
  g_assert_cmpstr (sp_test_error_field (next), ==, "base_rev");
  assert_unchanged (f);
}

static void
test_push_huge (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SpTestResponse) pushed = NULL;

  pushed = sp_test_jsonf (f->server, "POST", "/api/v1/changes", f->org->manager_a,
                          "{\"batch_id\":\"huge-1\",\"changes\":[{\"entity\":\"case\",\"op\":\"update\","
                          "\"id\":\"%s\",\"base_rev\":" HUGE_REV ",\"fields\":{\"subject\":\"Överskrivet\"}}]}",
                          f->id);
  sp_test_assert_status (pushed, 200);
  g_assert_cmpstr (sp_test_get_string (pushed, "results.0.status"), ==, "rejected");
  g_assert_cmpstr (sp_test_get_string (pushed, "results.0.error.code"), ==, "conflict");
  g_assert_cmpstr (sp_test_get_string (pushed, "results.0.error.field"), ==, "base_rev");
  assert_unchanged (f);
}

/* The base the client really had still gives the usual conflict. */
static void
test_real_base (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SpTestResponse) patched = NULL;

  patched = sp_test_jsonf (f->server, "PATCH", f->path, f->org->manager_a,
                           "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"subject\":\"Chefens ämne\"}}",
                           f->rev - 1);
  sp_test_assert_status (patched, 409);
  g_assert_cmpstr (sp_test_error_field (patched), ==, "subject");
  assert_unchanged (f);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/server/base-rev/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("patch-huge", test_patch_huge);
  ADD ("push-huge", test_push_huge);
  ADD ("real-base", test_real_base);
#undef ADD

  return g_test_run ();
}
