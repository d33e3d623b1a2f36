/* test-compilation.c: units' compilations (R24): the rules, who writes
 * which unit's, one a unit and period, the figures counted once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-test-util.h"

typedef struct
{
  char    *dir;
  SpStore *store;
  char    *dept;       /* Äldreomsorg */
  char    *unit;       /* under dept */
  char    *other;      /* a unit of another department */
  SpActor  manager;    /* the unit's manager */
  SpActor  head;       /* head of dept */
  SpActor  stranger;   /* the other unit's manager */
  SpActor  quality;
  SpActor  staff;
} Fixture;

static char *
add_unit (SpStore    *store,
          const char *name,
          const char *parent)
{
  g_autoptr(SpUnit) unit = sp_unit_new ();
  g_autoptr(GError) error = NULL;

  unit->name = g_strdup (name);
  unit->parent_id = g_strdup (parent);
  sp_entity_ensure_id (SP_ENTITY (unit));
  g_assert_true (sp_store_save (store, SP_ENTITY (unit), SP_SAVE_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (SP_ENTITY (unit)->id);
}

static SpActor
add_user (SpStore    *store,
          const char *name,
          SpRole      role,
          const char *unit_id)
{
  g_autoptr(SpUser) user = sp_user_new ();
  g_autoptr(GError) error = NULL;
  SpActor actor;

  user->username = g_ascii_strdown (name, 4);
  user->display_name = g_strdup (name);
  user->roles = SP_ROLE_BIT (role);
  user->unit_id = g_strdup (unit_id);
  sp_entity_ensure_id (SP_ENTITY (user));
  g_assert_true (sp_store_save (store, SP_ENTITY (user), SP_SAVE_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  actor.user_id = g_strdup (SP_ENTITY (user)->id);
  actor.display_name = g_strdup (name);
  actor.roles = user->roles;
  return actor;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = sp_test_store_new (&f->dir);
  f->dept = add_unit (f->store, "Äldreomsorg", NULL);
  f->unit = add_unit (f->store, "Hemtjänst Vällingby", f->dept);
  f->other = add_unit (f->store, "Förskolan Solen", NULL);
  f->manager = add_user (f->store, "Maja Enhetschef", SP_ROLE_UNIT_MANAGER, f->unit);
  f->head = add_user (f->store, "Hugo Avdelningschef", SP_ROLE_DEPARTMENT_HEAD, f->dept);
  f->stranger = add_user (f->store, "Stina Rektor", SP_ROLE_UNIT_MANAGER, f->other);
  f->quality = add_user (f->store, "Kim Kvalitet", SP_ROLE_QUALITY, NULL);
  f->staff = add_user (f->store, "Sam Medarbetare", SP_ROLE_STAFF, f->unit);

  /* Three cases of the unit in T1 2025 (received 3 March), one of the other. */
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(SpCase) kase = sp_test_case_new ("Maten var kall", i < 3 ? f->unit : f->other);
      g_autoptr(GError) error = NULL;

      g_assert_true (sp_store_create_case (f->store, kase, &f->manager, &error));
      g_assert_no_error (error);
    }
}

static void
free_actor (SpActor *actor)
{
  g_free ((char *) actor->user_id);
  g_free ((char *) actor->display_name);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->dept);
  g_free (f->unit);
  g_free (f->other);
  free_actor (&f->manager);
  free_actor (&f->head);
  free_actor (&f->stranger);
  free_actor (&f->quality);
  free_actor (&f->staff);
}

static SpUnitCompilation *
new_compilation (const char *unit_id,
                 const char *period)
{
  SpUnitCompilation *c = sp_unit_compilation_new ();

  c->unit_id = g_strdup (unit_id);
  c->period = g_strdup (period);
  c->analysis = g_strdup ("Flera klagomål på maten; kylvagnen har gått sönder.");
  c->assessment = g_strdup ("Bristerna är befogade och gäller leveransen.");
  c->actions_taken = g_strdup ("Ny kylvagn beställd.");
  c->actions_planned = g_strdup ("Temperaturen mäts vid varje leverans.");
  c->follow_up_on = sp_date_new (2025, 9, 1);
  return c;
}

static gint64
figure (SpUnitCompilation *c,
        const char        *member)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = sp_json_parse (c->figures, -1, 16, &error);

  g_assert_no_error (error);
  return json_object_get_int_member (json_node_get_object (node), member);
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SpUnitCompilation) c = new_compilation (f->unit, "2025-T1");
  g_autoptr(SpUnitCompilation) stored = NULL;
  g_autoptr(SpUnitCompilation) twice = new_compilation (f->unit, "2025-T1");
  g_autoptr(SpCase) late = sp_test_case_new ("Ännu en", f->unit);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  /* Figures a client makes up are not taken: the store counts them. */
  c->figures = g_strdup ("{\"total\":999}");
  c->written_by = g_strdup ("Någon annan");
  g_assert_true (sp_store_save_unit_compilation (f->store, c, SP_SAVE_DEFAULT, &f->manager, &error));
  g_assert_no_error (error);
  stored = sp_store_load (f->store, SP_TYPE_UNIT_COMPILATION, SP_ENTITY (c)->id, &error);
  g_assert_nonnull (stored);
  g_assert_cmpint (figure (stored, "total"), ==, 3);
  g_assert_cmpint (figure (stored, "complaints"), ==, 3);
  g_assert_cmpstr (stored->written_by, ==, "Maja Enhetschef");
  g_assert_cmpuint (stored->written_on, ==, sp_date_today_in_organisation ());
  g_assert_cmpstr (stored->analysis, ==, c->analysis);
  g_assert_cmpstr (SP_ENTITY (stored)->updated_by, ==, f->manager.user_id);

  /* One a unit and period. */
  g_assert_false (sp_store_save_unit_compilation (f->store, twice, SP_SAVE_DEFAULT, &f->head, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_CONFLICT);
  g_assert_cmpstr (sp_error_get_field (error), ==, "period");
  g_clear_error (&error);

  /* The head of department edits it; the snapshot stays as it was made,
   * even with a case more. */
  g_assert_true (sp_store_create_case (f->store, late, &f->manager, &error));
  g_free (stored->assessment);
  stored->assessment = g_strdup ("Delvis befogat.");
  g_free (stored->figures);
  stored->figures = g_strdup ("{\"total\":0}");
  g_assert_true (sp_store_save_unit_compilation (f->store, stored, SP_SAVE_CHECK_REV, &f->head, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = sp_store_load (f->store, SP_TYPE_UNIT_COMPILATION, SP_ENTITY (c)->id, &error);
  g_assert_cmpstr (stored->assessment, ==, "Delvis befogat.");
  g_assert_cmpint (figure (stored, "total"), ==, 3);
  g_assert_cmpstr (stored->written_by, ==, "Maja Enhetschef");

  /* Not to another period. */
  g_free (stored->period);
  stored->period = g_strdup ("2025-T2");
  g_assert_false (sp_store_save_unit_compilation (f->store, stored, SP_SAVE_DEFAULT, &f->manager, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  g_assert_cmpstr (sp_error_get_field (error), ==, "period");
  g_clear_error (&error);

  /* A year of the same unit is a compilation of its own. */
  g_clear_object (&twice);
  twice = new_compilation (f->unit, "2025");
  g_assert_true (sp_store_save_unit_compilation (f->store, twice, SP_SAVE_DEFAULT, &f->manager, &error));
  g_assert_no_error (error);
  g_assert_cmpint (figure (twice, "total"), ==, 4);

  list = sp_store_list_unit_compilations (f->store, f->unit, NULL, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((SpUnitCompilation *) list->pdata[0])->period, ==, "2025-T1");
  g_assert_cmpstr (((SpUnitCompilation *) list->pdata[1])->period, ==, "2025");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sp_store_list_unit_compilations (f->store, NULL, "2025", &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sp_store_list_unit_compilations (f->store, f->other, NULL, &error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
expect_refused (Fixture       *f,
                const SpActor *actor,
                const char    *unit_id,
                int            code)
{
  g_autoptr(SpUnitCompilation) c = new_compilation (unit_id, "2025-T1");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_false (sp_store_save_unit_compilation (f->store, c, SP_SAVE_DEFAULT, actor, &error));
  g_assert_error (error, SP_ERROR, code);
  g_assert_cmpstr (sp_error_get_field (error), ==, "unit_id");
  list = sp_store_list_unit_compilations (f->store, NULL, NULL, NULL);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_access (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *nowhere = g_uuid_string_random ();
  SpActor unknown = { "no-such-user", "Okänd", SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) };
  SpActor everything = f->quality;

  expect_refused (f, &f->quality, f->unit, SP_ERROR_PERMISSION);
  expect_refused (f, &f->staff, f->unit, SP_ERROR_PERMISSION);
  expect_refused (f, &f->stranger, f->unit, SP_ERROR_PERMISSION);
  /* A head of department writes the department's units, not others'. */
  expect_refused (f, &f->head, f->other, SP_ERROR_PERMISSION);
  expect_refused (f, &unknown, f->unit, SP_ERROR_PERMISSION);
  /* Roles the stored user lacks... the actor's roles are what counts, but
   * the unit is the stored user's: quality's unit is none. */
  everything.roles = SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) | SP_ROLE_BIT (SP_ROLE_QUALITY);
  expect_refused (f, &everything, f->unit, SP_ERROR_PERMISSION);
  /* A unit that does not exist (the head of department may not write it
   * either: it is under nobody). */
  expect_refused (f, &f->head, nowhere, SP_ERROR_PERMISSION);
  expect_refused (f, NULL, nowhere, SP_ERROR_NOT_FOUND);

  g_assert_true (sp_store_check_compilation_writer (f->store, &f->head, f->dept, NULL));
  g_assert_true (sp_store_check_compilation_writer (f->store, &f->head, f->unit, NULL));
  g_assert_true (sp_store_check_compilation_writer (f->store, &f->manager, f->unit, NULL));
  g_assert_false (sp_store_check_compilation_writer (f->store, &f->manager, f->dept, NULL));
}

static void
expect_problem (SpUnitCompilation *c,
                const char        *field)
{
  g_autoptr(GPtrArray) problems = sp_unit_compilation_check (c);

  g_assert_cmpuint (problems->len, >=, 1);
  g_assert_cmpstr (((SpProblem *) problems->pdata[0])->field, ==, field);
}

static void
test_check (Fixture       *f,
            gconstpointer  data)
{
  static const char * const bad_periods[] = {
    "2025-T4", "2025-T0", "25", "2025-", "2025-03", "x' OR 1=1", "", "1899", "2025-T1x",
  };
  g_autoptr(SpUnitCompilation) c = new_compilation (f->unit, "2025-T1");
  g_autoptr(GPtrArray) problems = sp_unit_compilation_check (c);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GString *big;

  g_assert_cmpuint (problems->len, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad_periods); i++)
    {
      g_free (c->period);
      c->period = g_strdup (bad_periods[i]);
      expect_problem (c, "period");
    }
  g_clear_pointer (&c->period, g_free);
  expect_problem (c, "period");
  c->period = g_strdup ("2025-T2");

  g_free (c->unit_id);
  c->unit_id = g_strdup ("u1'; DROP TABLE cases; --");
  expect_problem (c, "unit_id");
  g_free (c->unit_id);
  c->unit_id = g_strdup (f->unit);

  g_free (c->analysis);
  c->analysis = g_strdup ("Fel \xff\xfe tecken");
  expect_problem (c, "analysis");
  g_free (c->analysis);
  big = g_string_new (NULL);
  for (guint i = 0; i <= SP_UNIT_COMPILATION_MAX_TEXT; i++)
    g_string_append (big, "ö");
  c->analysis = g_string_free (big, FALSE);
  expect_problem (c, "analysis");
  g_assert_false (sp_store_save_unit_compilation (f->store, c, SP_SAVE_DEFAULT, &f->manager, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  g_assert_cmpstr (sp_error_get_field (error), ==, "analysis");
  g_clear_error (&error);
  g_free (c->analysis);
  c->analysis = g_strdup ("Kort");

  /* Planned actions need their follow-up, and the other way round. */
  c->follow_up_on = SP_DATE_NONE;
  expect_problem (c, "follow_up_on");
  c->follow_up_on = sp_date_new (2025, 3, 1);
  expect_problem (c, "follow_up_on");    /* before T2 starts */
  c->follow_up_on = sp_date_new (2025, 10, 1);
  g_clear_pointer (&c->actions_planned, g_free);
  expect_problem (c, "actions_planned");
  c->actions_planned = g_strdup ("   ");
  expect_problem (c, "actions_planned");
  c->follow_up_on = SP_DATE_NONE;
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = sp_unit_compilation_check (c);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Nothing was stored by the refusals. */
  list = sp_store_list_unit_compilations (f->store, NULL, NULL, NULL);
  g_assert_cmpuint (list->len, ==, 0);
}

/* The record as JSON and back, strictly: wrong types and unknown members
 * are refused naming the field. */
static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  static const struct { const char *json; const char *field; } bad[] = {
    { "{\"period\":\"2025-T1\"}", "unit_id" },
    { "{\"unit_id\":42,\"period\":\"2025\"}", "unit_id" },
    { "{\"unit_id\":\"%s\",\"period\":2025}", "period" },
    { "{\"unit_id\":\"%s\",\"period\":\"2025\",\"follow_up_on\":\"2025-02-30\"}", "follow_up_on" },
    { "{\"unit_id\":\"%s\",\"period\":\"2025\",\"analysis\":[\"x\"]}", "analysis" },
    { "{\"unit_id\":\"%s\",\"period\":\"2025\",\"owner\":\"x\"}", "owner" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(GStrv) parts = g_strsplit (bad[i].json, "%s", -1);
      g_autofree char *text = g_strjoinv (f->unit, parts);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = sp_json_parse (text, -1, 16, &error);
      g_autoptr(SpEntity) entity = NULL;

      g_assert_no_error (error);
      entity = sp_json_decode_new (SP_TYPE_UNIT_COMPILATION, node, SP_JSON_DECODE_CREATE, &error);
      g_assert_null (entity);
      g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
      g_assert_cmpstr (sp_error_get_field (error), ==, bad[i].field);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/compilation/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create", test_create);
  ADD ("access", test_access);
  ADD ("check", test_check);
  ADD ("json", test_json);
#undef ADD

  return g_test_run ();
}
