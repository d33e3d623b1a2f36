/* test-server-intake.c: the configuration of residents' reports and the
 * Open311 client keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-server.h"

static const char *config_text =
  "[server]\n"
  "listen=127.0.0.1:0\n"
  "[eservice]\n"
  "path=/e-tjanst\n"
  "max_posts=5\n"
  "[open311]\n"
  "base_path=/open311/v2\n"
  "jurisdiction_id=hvsdn.example\n"
  "[open311-service litter]\n"
  "name=Nedskräpning\n"
  "area=city_environment\n";

/* A server starts with the e-service and Open311 configured. */
static void
test_config_accepted (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new_with_config (config_text);
  g_autoptr(SpTestResponse) health = sp_test_json (server, "GET", "/api/v1/health", NULL, NULL);

  sp_test_assert_status (health, 200);
  sp_test_server_stop (server);
}

static int
run_with_config (const char *text,
                 char      **err)
{
  g_autoptr(SpTestDir) dir = sp_test_dir_new ("intake-config");
  g_autofree char *path = g_build_filename (dir, "server.conf", NULL);
  g_autofree char *db = g_build_filename (dir, "s.db", NULL);
  g_autoptr(GError) error = NULL;
  int status;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  status = sp_test_run (NULL, NULL, err,
                        (const char *[]) { "init", "--db", db, NULL });
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (err, g_free);
  return sp_test_run (NULL, NULL, err,
                      (const char *[]) { "--config", path, "--db", db, "--listen", "127.0.0.1:1", NULL });
}

/* Paths the API uses, an unknown area and a bad service code are refused
 * at start with a message naming the key. */
static void
test_config_refused (void)
{
  static const struct { const char *text; const char *said; } cases[] = {
    { "[eservice]\npath=/api/v1/form\n", "[eservice] path" },
    { "[open311]\nbase_path=relative\n", "[open311] base_path" },
    { "[open311-service litter]\narea=moon\n", "area" },
    { "[open311-service bad code]\nname=x\n", "service code" },
    { "[eservice]\nmax_posts=0\n", "max_posts" },
    { "[open311]\npublic_listing=maybe\n", "public_listing" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      int status = run_with_config (cases[i].text, &err);

      g_assert_cmpint (status, !=, 0);
      g_assert_nonnull (strstr (err, cases[i].said));
    }
}

/* A key is printed once, listed by its client's name only, and revoked. */
static void
test_open311_keys (void)
{
  g_autoptr(SpTestDir) dir = sp_test_dir_new ("open311-keys");
  g_autofree char *db = g_build_filename (dir, "s.db", NULL);
  g_autofree char *key = NULL;
  g_autofree char *key2 = NULL;
  g_autofree char *list = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (sp_test_run (NULL, NULL, NULL, (const char *[]) { "init", "--db", db, NULL }), ==, 0);
  g_assert_cmpint (sp_test_run (NULL, &key, NULL,
                                (const char *[]) { "open311-key", "add", "--db", db, "--name", "Tyck till", NULL }), ==, 0);
  g_strstrip (key);
  g_assert_cmpuint (strlen (key), ==, 48);

  /* One name, one client. */
  g_assert_cmpint (sp_test_run (NULL, &key2, &err,
                                (const char *[]) { "open311-key", "add", "--db", db, "--name", "Tyck till", NULL }), !=, 0);

  g_assert_cmpint (sp_test_run (NULL, &list, NULL,
                                (const char *[]) { "open311-key", "list", "--db", db, NULL }), ==, 0);
  g_assert_nonnull (strstr (list, "Tyck till\t"));
  g_assert_nonnull (strstr (list, "\tactive"));
  g_assert_null (strstr (list, key));
  g_clear_pointer (&list, g_free);

  g_assert_cmpint (sp_test_run (NULL, NULL, NULL,
                                (const char *[]) { "open311-key", "revoke", "--db", db, "--name", "Tyck till", NULL }), ==, 0);
  g_assert_cmpint (sp_test_run (NULL, &list, NULL,
                                (const char *[]) { "open311-key", "list", "--db", db, NULL }), ==, 0);
  g_assert_nonnull (strstr (list, "\trevoked"));
  /* Revoking twice says there is no such active client. */
  g_assert_cmpint (sp_test_run (NULL, NULL, NULL,
                                (const char *[]) { "open311-key", "revoke", "--db", db, "--name", "Tyck till", NULL }), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/intake/config-accepted", test_config_accepted);
  g_test_add_func ("/server/intake/config-refused", test_config_refused);
  g_test_add_func ("/server/intake/open311-keys", test_open311_keys);
  return g_test_run ();
}
