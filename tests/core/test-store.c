/* test-store.c: migrations, saving and loading, history, workflow, diary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-test-util.h"

static const SpActor registrar = { "reg-1", "Rita Registrator", SP_ROLE_BIT (SP_ROLE_REGISTRAR) };
static const SpActor manager = { "mgr-1", "Mats Chef", SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) };
static const SpActor staff = { "staff-1", "Sara Medarbetare", SP_ROLE_BIT (SP_ROLE_STAFF) };

static char *
query_text (SpStore    *store,
            const char *sql)
{
  sqlite3_stmt *stmt = sp_store_prepare (store, sql, NULL);
  char *ret = NULL;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ret = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return ret;
}

static void
test_open_and_reopen (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autofree char *path = g_strdup (sp_store_get_path (store));
  g_autofree char *mode = query_text (store, "PRAGMA journal_mode");
  g_autofree char *fk = query_text (store, "PRAGMA foreign_keys");
  g_autoptr(SpCase) kase = sp_test_case_new ("Kvar efter omstart", NULL);
  g_autoptr(SpCase) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sp_store_get_schema_version (store), ==, SP_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpstr (fk, ==, "1");

  g_assert_true (sp_store_create_case (store, kase, &staff, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Re-opening runs no migration again and finds the case. */
  store = sp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp_store_get_schema_version (store), ==, SP_STORE_SCHEMA_VERSION);
  back = sp_store_get_case (store, SP_ENTITY (kase)->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->subject, ==, "Kvar efter omstart");

  /* A database from a newer program is refused, not damaged. */
  g_assert_true (sp_store_exec (store, "PRAGMA user_version = 99", NULL));
  g_clear_object (&store);
  store = sp_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SP_ERROR, SP_ERROR_FAILED);
  g_clear_error (&error);

  /* A file that is not a database is refused with a clear error. */
  {
    g_autofree char *junk = g_build_filename (dir, "junk.db", NULL);

    g_file_set_contents (junk, "this is not a database, but it is long enough to look like one "
                               "to a careless reader of files and headers", -1, NULL);
    g_assert_null (sp_store_open (junk, &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_CORRUPT);
  }

  sp_test_remove_dir (dir);
}

static void
test_every_field_has_a_column (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  guint n;
  GType *types = sp_test_entity_types (&n);

  for (guint t = 0; t < n; t++)
    {
      const SpEntityInfo *info = sp_entity_info_for_type (types[t]);

      for (guint i = 0; i < info->n_fields; i++)
        {
          g_autofree char *sql = NULL;
          g_autofree char *found = NULL;

          if (info->fields[i].flags & SP_FIELD_COMPUTED)
            continue;
          sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s') WHERE name = '%s'",
                                 info->table, info->fields[i].name);
          found = query_text (store, sql);
          if (found == NULL)
            g_error ("%s has no column %s", info->table, info->fields[i].name);
        }
    }

  sp_test_remove_dir (dir);
}

static void
test_save_load_every_entity (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpCase) parent = sp_test_case_new ("Förälder", NULL);
  guint n;
  GType *types = sp_test_entity_types (&n);

  g_assert_true (sp_store_save (store, SP_ENTITY (parent), 0, "u", NULL));

  for (guint t = 0; t < n; t++)
    {
      g_autoptr(SpEntity) entity = sp_entity_new (types[t]);
      g_autoptr(SpEntity) back = NULL;
      g_autoptr(GError) error = NULL;
      const SpField *case_id = sp_entity_info_lookup (sp_entity_get_info (entity), "case_id");

      sp_test_fill_entity (entity, t);
      entity->deleted = FALSE;
      if (case_id != NULL)
        sp_entity_set_string (entity, case_id, SP_ENTITY (parent)->id);

      g_assert_true (sp_store_save (store, entity, SP_SAVE_KEEP_REV, NULL, &error));
      g_assert_no_error (error);
      back = sp_store_load (store, types[t], entity->id, &error);
      g_assert_no_error (error);
      /* SQL metacharacters, quotes and å/ä/ö come back verbatim. */
      sp_test_assert_entities_equal (entity, back);
    }

  /* The tables are all still there after the '; DROP TABLE strings. */
  g_assert_nonnull (sp_store_get_case (store, SP_ENTITY (parent)->id, NULL));

  sp_test_remove_dir (dir);
}

static void
test_revisions (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpUnit) unit = sp_unit_new ();
  g_autoptr(SpUnit) stale = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 first;

  unit->name = g_strdup ("Hemtjänst Vällingby");
  g_assert_true (sp_store_save (store, SP_ENTITY (unit), 0, "admin", &error));
  first = SP_ENTITY (unit)->rev;
  g_assert_cmpint (first, >, 0);
  g_assert_cmpstr (SP_ENTITY (unit)->updated_by, ==, "admin");
  g_assert_cmpint (SP_ENTITY (unit)->updated_at, >, 0);

  stale = sp_entity_copy (SP_ENTITY (unit));
  g_assert_true (sp_store_save (store, SP_ENTITY (unit), SP_SAVE_CHECK_REV, "admin", &error));
  g_assert_cmpint (SP_ENTITY (unit)->rev, >, first);
  g_assert_cmpint (sp_store_get_last_rev (store), ==, SP_ENTITY (unit)->rev);

  /* Saving over a newer revision is a conflict and changes nothing. */
  g_free (stale->name);
  stale->name = g_strdup ("Gammalt namn");
  g_assert_false (sp_store_save (store, SP_ENTITY (stale), SP_SAVE_CHECK_REV, "admin", &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_object (&stale);
  stale = sp_store_load (store, SP_TYPE_UNIT, SP_ENTITY (unit)->id, NULL);
  g_assert_cmpstr (stale->name, ==, "Hemtjänst Vällingby");

  /* The change feed: everything after a revision, tombstones included. */
  SP_ENTITY (unit)->deleted = TRUE;
  g_assert_true (sp_store_save (store, SP_ENTITY (unit), 0, "admin", NULL));
  changes = sp_store_load_changes (store, SP_TYPE_UNIT, first, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_true (SP_ENTITY (changes->pdata[0])->deleted);
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = sp_store_load_where (store, SP_TYPE_UNIT, NULL, NULL, NULL);
  g_assert_cmpuint (changes->len, ==, 0);

  /* Column names from outside are checked against the table. */
  g_assert_null (sp_store_load_where (store, SP_TYPE_UNIT, "name; DROP TABLE units", "x", &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);

  sp_test_remove_dir (dir);
}

static void
test_case_history (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpCase) kase = sp_test_case_new ("Maten", NULL);
  g_autoptr(SpCase) stale = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  SpCaseEvent *event;

  g_assert_true (sp_store_create_case (store, kase, &staff, &error));
  g_assert_cmpint (kase->status, ==, SP_STATUS_RECEIVED);
  g_assert_cmpstr (kase->created_by, ==, "staff-1");
  g_assert_cmpuint (kase->due_on, ==, sp_date_new (2025, 3, 17));

  stale = sp_entity_copy (SP_ENTITY (kase));
  g_free (kase->subject);
  kase->subject = g_strdup ("Maten på Råcksta");
  kase->named_employee = TRUE;
  g_assert_true (sp_store_update_case (store, kase, &manager, TRUE, &error));
  g_assert_no_error (error);

  events = sp_store_get_case_events (store, SP_ENTITY (kase)->id, &error);
  g_assert_cmpuint (events->len, ==, 3);
  event = events->pdata[0];
  g_assert_cmpint (event->kind, ==, SP_EVENT_CREATED);
  g_assert_cmpstr (event->actor_name, ==, "Sara Medarbetare");
  event = events->pdata[1];
  g_assert_cmpint (event->kind, ==, SP_EVENT_FIELD_CHANGED);
  g_assert_cmpstr (event->field, ==, "subject");
  g_assert_cmpstr (event->old_value, ==, "Maten");
  g_assert_cmpstr (event->new_value, ==, "Maten på Råcksta");
  g_assert_cmpstr (event->actor_id, ==, "mgr-1");
  event = events->pdata[2];
  g_assert_cmpstr (event->field, ==, "named_employee");

  /* An edit based on the old revision is refused and loses nothing. */
  g_free (stale->subject);
  stale->subject = g_strdup ("Krock");
  g_assert_false (sp_store_update_case (store, stale, &manager, TRUE, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_CONFLICT);
  g_clear_object (&stale);
  stale = sp_store_get_case (store, SP_ENTITY (kase)->id, NULL);
  g_assert_cmpstr (stale->subject, ==, "Maten på Råcksta");

  sp_test_remove_dir (dir);
}

static SpCase *
registered_case (SpStore    *store,
                 const char *subject,
                 SpDate      received)
{
  g_autoptr(GError) error = NULL;
  SpCase *kase = sp_test_case_new (subject, NULL);

  kase->received_on = received;
  g_assert_true (sp_store_create_case (store, kase, &staff, &error));
  g_assert_true (sp_store_transition_case (store, kase, SP_STATUS_REGISTERED, &registrar, &error));
  g_assert_no_error (error);
  return kase;
}

static void
test_workflow_and_diary (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpCase) a = NULL, b = NULL, c = NULL, d = NULL;
  g_autoptr(SpCase) anon = sp_test_case_new ("Anonym", NULL);
  g_autoptr(SpCase) stored = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_store_set_setting (store, "diary.prefix", "HVSDN", NULL));
  a = registered_case (store, "Ett", sp_date_new (2025, 1, 2));
  b = registered_case (store, "Två", sp_date_new (2025, 6, 1));
  g_assert_cmpstr (a->diary_number, ==, "HVSDN 2025/0001");
  g_assert_cmpstr (b->diary_number, ==, "HVSDN 2025/0002");
  g_assert_cmpint (a->status, ==, SP_STATUS_REGISTERED);

  /* The sequence restarts each year. */
  c = registered_case (store, "Tre", sp_date_new (2026, 1, 5));
  g_assert_cmpstr (c->diary_number, ==, "HVSDN 2026/0001");

  /* A refused registration takes no number: no gap. */
  anon->sender_anonymous = TRUE;
  anon->received_on = sp_date_new (2025, 7, 1);
  g_assert_true (sp_store_create_case (store, anon, &staff, NULL));
  g_assert_false (sp_store_transition_case (store, anon, SP_STATUS_REGISTERED, &registrar, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_null (anon->diary_number);

  /* A role that may not do it is refused, and the case is unchanged. */
  g_assert_false (sp_store_transition_case (store, a, SP_STATUS_ASSIGNED, &staff, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_PERMISSION);
  g_clear_error (&error);
  stored = sp_store_get_case (store, SP_ENTITY (a)->id, NULL);
  g_assert_cmpint (stored->status, ==, SP_STATUS_REGISTERED);

  /* The format is configurable. */
  g_assert_true (sp_store_set_setting (store, "diary.format", "{year}-{seq:3}/{prefix}", NULL));
  d = registered_case (store, "Fyra", sp_date_new (2025, 8, 1));
  g_assert_cmpstr (d->diary_number, ==, "2025-003/HVSDN");

  /* The whole way to closed, with the history to show for it. */
  g_assert_true (sp_store_transition_case (store, a, SP_STATUS_ASSIGNED, &registrar, &error));
  g_assert_true (sp_store_transition_case (store, a, SP_STATUS_INVESTIGATING, &manager, &error));
  {
    g_autoptr(SpInvestigation) inv = sp_investigation_new ();

    inv->case_id = g_strdup (SP_ENTITY (a)->id);
    inv->facts = g_strdup ("Det som hände");
    inv->assessment = SP_ASSESSMENT_JUSTIFIED;
    g_assert_true (sp_store_save_investigation (store, inv, SP_SAVE_DEFAULT, &manager, &error));
  }
  g_assert_true (sp_store_transition_case (store, a, SP_STATUS_ASSESSED, &manager, &error));
  g_assert_false (sp_store_transition_case (store, a, SP_STATUS_CLOSED, &manager, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_TRANSITION);
  g_clear_error (&error);
  a->feedback_method = SP_FEEDBACK_METHOD_PHONE;
  a->feedback_on = a->received_on;
  a->feedback_note = g_strdup ("Ringde och förklarade");
  g_assert_true (sp_store_update_case (store, a, &manager, FALSE, &error));
  g_assert_true (sp_store_transition_case (store, a, SP_STATUS_FEEDBACK_GIVEN, &manager, &error));
  g_assert_cmpuint (a->feedback_on, !=, SP_DATE_NONE);
  g_assert_true (sp_store_transition_case (store, a, SP_STATUS_CLOSED, &manager, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (a->closed_on, !=, SP_DATE_NONE);

  events = sp_store_get_case_events (store, SP_ENTITY (a)->id, NULL);
  {
    guint status_changes = 0, registered = 0;

    for (guint i = 0; i < events->len; i++)
      {
        SpCaseEvent *e = events->pdata[i];

        status_changes += e->kind == SP_EVENT_STATUS_CHANGED;
        registered += e->kind == SP_EVENT_REGISTERED;
      }
    g_assert_cmpuint (status_changes, ==, 6);
    g_assert_cmpuint (registered, ==, 1);
  }

  sp_test_remove_dir (dir);
}

static void
test_deadline_settings (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpCase) kase = sp_test_case_new ("Arbetsdagar", NULL);

  g_assert_true (sp_store_set_setting (store, "deadline.investigation", "working-days:14", NULL));
  kase->received_on = sp_date_new (2025, 4, 14);
  g_assert_true (sp_store_create_case (store, kase, &staff, NULL));
  g_assert_cmpstr (kase->deadline_rule, ==, "working-days:14");
  g_assert_cmpuint (kase->due_on, ==, sp_date_new (2025, 5, 7));

  sp_test_remove_dir (dir);
}

static void
test_components (void)
{
  static const char * const v1[] = { "CREATE TABLE extra_a (x INTEGER);", NULL };
  static const char * const v2[] = {
    "CREATE TABLE extra_a (x INTEGER);",
    "CREATE TABLE extra_b (y INTEGER);",
    NULL
  };
  static const char * const broken[] = { "CREATE TABLE extra_a (x INTEGER);", "NOT SQL", NULL };
  g_autofree char *dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_store_migrate_component (store, "server", v1, &error));
  g_assert_true (sp_store_migrate_component (store, "server", v1, &error));
  g_assert_true (sp_store_migrate_component (store, "server", v2, &error));
  g_assert_no_error (error);
  g_assert_true (sp_store_exec (store, "INSERT INTO extra_b VALUES (1)", NULL));

  /* A failing migration leaves the component where it was. */
  g_assert_false (sp_store_migrate_component (store, "other", broken, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_STORAGE);
  g_clear_error (&error);
  g_assert_true (sp_store_migrate_component (store, "other", (const char * const[]) { NULL },
                                             &error));

  sp_test_remove_dir (dir);
}

/* A copy owns its strings: the original's may go, and equal copies are
 * equal whatever the role bits or a missing name. */
static void
test_actor_copy (void)
{
  g_autofree char *id = g_strdup ("u-1");
  g_autofree char *name = g_strdup ("Åsa Öberg");
  SpActor actor = { id, name, SP_ROLE_BIT (SP_ROLE_REGISTRAR) };
  g_autoptr(SpActor) copy = sp_actor_copy (&actor);
  g_autoptr(SpActor) nameless = sp_actor_copy (&(SpActor) { "u-2", NULL, 0 });
  SpActor other = actor;

  g_assert_true (sp_actor_equal (copy, &actor));
  g_assert_true (copy->user_id != actor.user_id);
  g_clear_pointer (&id, g_free);
  g_clear_pointer (&name, g_free);
  g_assert_cmpstr (copy->user_id, ==, "u-1");
  g_assert_cmpstr (copy->display_name, ==, "Åsa Öberg");
  g_assert_cmpuint (copy->roles, ==, SP_ROLE_BIT (SP_ROLE_REGISTRAR));

  g_assert_cmpstr (nameless->user_id, ==, "u-2");
  g_assert_null (nameless->display_name);
  g_assert_false (sp_actor_equal (copy, nameless));
  g_assert_false (sp_actor_equal (copy, NULL));
  g_assert_true (sp_actor_equal (NULL, NULL));

  other.user_id = "u-1";
  other.display_name = "Åsa Öberg";
  other.roles = 0;
  g_assert_false (sp_actor_equal (copy, &other));
}

/* Letters and reports name the organisation: the setting, else the
 * administration at the top of the tree a replica has from the server. */
static void
test_organisation_name (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(SpUnit) admin = sp_unit_new ();
  g_autoptr(SpUnit) unit = sp_unit_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert_null (sp_store_dup_organisation_name (store));

  unit->name = g_strdup ("Hemtjänst Vällingby");
  unit->kind = SP_UNIT_KIND_UNIT;
  g_assert_true (sp_store_save (store, SP_ENTITY (unit), 0, "admin", &error));
  g_assert_null (sp_store_dup_organisation_name (store));

  admin->name = g_strdup ("Hässelby-Vällingby stadsdelsförvaltning");
  admin->kind = SP_UNIT_KIND_ADMINISTRATION;
  g_assert_true (sp_store_save (store, SP_ENTITY (admin), 0, "admin", &error));
  name = sp_store_dup_organisation_name (store);
  g_assert_cmpstr (name, ==, "Hässelby-Vällingby stadsdelsförvaltning");
  g_clear_pointer (&name, g_free);

  g_assert_true (sp_store_set_setting (store, "organisation.name", "Stadsdel 'Väst'; --", &error));
  name = sp_store_dup_organisation_name (store);
  g_assert_cmpstr (name, ==, "Stadsdel 'Väst'; --");
  g_clear_pointer (&name, g_free);

  /* An empty setting does not hide the tree's name. */
  g_assert_true (sp_store_set_setting (store, "organisation.name", "", &error));
  name = sp_store_dup_organisation_name (store);
  g_assert_cmpstr (name, ==, "Hässelby-Vällingby stadsdelsförvaltning");

  g_clear_object (&store);
  sp_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SYNPUNKT_TODAY", "2025-09-01", TRUE);

  g_test_add_func ("/store/open-and-reopen", test_open_and_reopen);
  g_test_add_func ("/store/actor-copy", test_actor_copy);
  g_test_add_func ("/store/organisation-name", test_organisation_name);
  g_test_add_func ("/store/columns", test_every_field_has_a_column);
  g_test_add_func ("/store/save-load", test_save_load_every_entity);
  g_test_add_func ("/store/revisions", test_revisions);
  g_test_add_func ("/store/case/history", test_case_history);
  g_test_add_func ("/store/case/workflow-and-diary", test_workflow_and_diary);
  g_test_add_func ("/store/case/deadline-settings", test_deadline_settings);
  g_test_add_func ("/store/components", test_components);

  return g_test_run ();
}
