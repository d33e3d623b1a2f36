/* test-admin.c: the administrator's checks and changes in the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-test-util.h"

static void
test_diary_format (void)
{
  static const char * const good[] = {
    "{prefix} {year}/{seq:4}", "{year}-{seq}", "SDN {year}/{seq:12}", "Dnr {prefix}-{year}-{seq:1}",
  };
  static const char * const bad[] = {
    "", "   ", "{prefix} {seq:4}", "{prefix} {year}", "{year}/{seq}/{seq}", "{year}{year}{seq}",
    "{year}/{seq:0}", "{year}/{seq:13}", "{year}/{seq:4x}", "{year}/{sequence}", "{year} {seq} }",
    "{prefix}{prefix}{year}{seq}", "{year}\n{seq}", "{year}/{seq} " "\xff",
    "{year}{seq}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (sp_diary_format_check (good[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (sp_diary_format_check (bad[i], &error));
      g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
      g_assert_cmpstr (sp_error_get_field (error), ==, "diary_format");
    }
  g_assert_false (sp_diary_format_check (NULL, NULL));

  {
    g_autofree char *a = sp_diary_format_apply ("{prefix} {year}/{seq:4}", "HVSDN", 2025, 42);
    g_autofree char *b = sp_diary_format_apply ("{year}-{seq}", NULL, 2025, 7);

    g_assert_cmpstr (a, ==, "HVSDN 2025/0042");
    g_assert_cmpstr (b, ==, "2025-7");
  }
  g_assert_true (sp_diary_prefix_check ("HVSDN", NULL));
  g_assert_false (sp_diary_prefix_check ("{year}", NULL));
  g_assert_false (sp_diary_prefix_check ("ABCDEFGHIJKLMNOPQRSTU", NULL));
}

/* What the store refuses, and a format saved is the one registering uses. */
static void
test_store_checks (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpUnit) department = sp_unit_new ();
  g_autoptr(SpUnit) unit = sp_unit_new ();
  g_autoptr(SpUnit) blank = sp_unit_new ();
  g_autoptr(SpUser) user = sp_user_new ();
  g_autoptr(SpUser) same = sp_user_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;

  department->name = g_strdup ("Äldreomsorg");
  department->kind = SP_UNIT_KIND_DEPARTMENT;
  g_assert_true (sp_store_admin_save (store, SP_ENTITY (department), "admin", &error));
  g_assert_no_error (error);
  unit->name = g_strdup ("Solgården");
  unit->kind = SP_UNIT_KIND_UNIT;
  unit->parent_id = g_strdup (SP_ENTITY (department)->id);
  g_assert_true (sp_store_admin_save (store, SP_ENTITY (unit), "admin", &error));

  blank->name = g_strdup (" \t");
  g_assert_false (sp_store_admin_save (store, SP_ENTITY (blank), "admin", &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  g_clear_error (&error);

  /* A department cannot go under its own unit. */
  g_free (department->parent_id);
  department->parent_id = g_strdup (SP_ENTITY (unit)->id);
  g_assert_false (sp_store_admin_save (store, SP_ENTITY (department), "admin", &error));
  g_assert_cmpstr (sp_error_get_field (error), ==, "parent_id");
  g_clear_error (&error);

  user->username = g_strdup ("karin");
  user->roles = SP_ROLE_BIT (SP_ROLE_STAFF);
  user->unit_id = g_strdup (SP_ENTITY (unit)->id);
  g_assert_true (sp_store_admin_save (store, SP_ENTITY (user), "admin", &error));
  same->username = g_strdup ("karin");
  same->roles = SP_ROLE_BIT (SP_ROLE_STAFF);
  g_assert_false (sp_store_admin_save (store, SP_ENTITY (same), "admin", &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Units with users or units of their own stay. */
  g_assert_false (sp_store_admin_deactivate (store, SP_TYPE_UNIT, SP_ENTITY (unit)->id, "admin", &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (sp_store_admin_deactivate (store, SP_TYPE_UNIT, SP_ENTITY (department)->id, "admin", &error));
  g_clear_error (&error);
  g_assert_false (sp_store_admin_deactivate (store, SP_TYPE_USER, SP_ENTITY (user)->id,
                                             SP_ENTITY (user)->id, &error));
  g_clear_error (&error);
  g_assert_true (sp_store_admin_deactivate (store, SP_TYPE_USER, SP_ENTITY (user)->id, "admin", &error));
  g_assert_true (sp_store_admin_deactivate (store, SP_TYPE_UNIT, SP_ENTITY (unit)->id, "admin", &error));
  g_assert_no_error (error);

  /* The diary format, refused and then saved. */
  g_assert_false (sp_store_set_diary_format (store, "HVSDN", "{prefix} {seq}", &error));
  g_clear_error (&error);
  g_assert_true (sp_store_set_diary_format (store, "HVSDN", "{prefix}-{year}-{seq:3}", &error));
  number = sp_store_format_diary_number (store, 2026, 5);
  g_assert_cmpstr (number, ==, "HVSDN-2026-005");

  /* An unknown rule or key changes nothing. */
  g_assert_cmpint (sp_store_set_deadline_rule (store, "investigation", "fortnight", &error), ==, -1);
  g_clear_error (&error);
  g_assert_cmpint (sp_store_set_deadline_rule (store, "lunch", "calendar-days:3", &error), ==, -1);
  g_clear_error (&error);
  g_assert_cmpint (sp_store_set_deadline_rule (store, "investigation", "working-days:14", &error), ==, 0);

  g_clear_object (&store);
  sp_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/admin/diary-format", test_diary_format);
  g_test_add_func ("/admin/store-checks", test_store_checks);

  return g_test_run ();
}
