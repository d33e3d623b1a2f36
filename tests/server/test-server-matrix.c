/* test-server-matrix.c: every role × every route × every writable case field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The routes come from the server itself (--list-routes) and the fields
 * from the core's field table, so a route or a field added later is in
 * the matrix the day it is added: a route with no expectation below fails
 * the test, and so does a reference field with no value to try.
 *
 * The expectations are docs/SERVER.md "Access", written out here on their
 * own (not taken from the server's code): who reads a case (whole or
 * redacted), who writes it, and which roles may change the fields that
 * decide who sees and handles it. Each cell is one or two requests to one
 * server.
 */

#include <string.h>

#include "sp-test-server.h"

/* ---- The users and what the rules say about them ------------------- */

typedef enum { UNIT_NONE, UNIT_A, UNIT_B, UNIT_DEPT, UNIT_ADMIN } Where;

typedef struct
{
  const char *username;
  gsize       token;
  SpRole      role;
  Where       unit;
} User;

#define TOKEN(member) G_STRUCT_OFFSET (SpTestOrg, member)

/* As sp_test_org_new() makes them: one user per role, two for staff and
 * unit managers (units A and B of the same department). */
static const User users[] = {
  { "admin",        TOKEN (admin),        SP_ROLE_ADMIN,           UNIT_NONE },
  { "staff_a",      TOKEN (staff_a),      SP_ROLE_STAFF,           UNIT_A },
  { "staff_b",      TOKEN (staff_b),      SP_ROLE_STAFF,           UNIT_B },
  { "manager_a",    TOKEN (manager_a),    SP_ROLE_UNIT_MANAGER,    UNIT_A },
  { "manager_b",    TOKEN (manager_b),    SP_ROLE_UNIT_MANAGER,    UNIT_B },
  { "head",         TOKEN (head),         SP_ROLE_DEPARTMENT_HEAD, UNIT_DEPT },
  { "registrar",    TOKEN (registrar),    SP_ROLE_REGISTRAR,       UNIT_ADMIN },
  { "procurement",  TOKEN (procurement),  SP_ROLE_PROCUREMENT,     UNIT_ADMIN },
  { "quality",      TOKEN (quality),      SP_ROLE_QUALITY,         UNIT_ADMIN },
  { "case_officer", TOKEN (case_officer), SP_ROLE_CASE_OFFICER,    UNIT_A },
};

/* The case every cell works on: created by staff_a for unit A (in the
 * head's department), no contract breach, no named employee; assigned to
 * the case officer, or investigated by unit B on conflict of interest. */
typedef enum { CASE_PLAIN, CASE_ASSIGNED, CASE_JAV, N_VARIANTS } Variant;

static const char *variant_names[] = { "plain", "assigned", "jäv" };

typedef enum { SEES_NOTHING, SEES_REDACTED, SEES_WHOLE, READS_NO_CASES } Sight;

static Sight
sight (const User *u,
       Variant     v)
{
  gboolean created = g_str_equal (u->username, "staff_a");
  gboolean assigned = v == CASE_ASSIGNED && u->role == SP_ROLE_CASE_OFFICER;
  gboolean investigates = v == CASE_JAV && u->unit == UNIT_B;

  switch (u->role)
    {
    case SP_ROLE_ADMIN:
      return READS_NO_CASES;
    case SP_ROLE_REGISTRAR:
      return SEES_WHOLE;
    case SP_ROLE_UNIT_MANAGER:
      return u->unit == UNIT_A || investigates ? SEES_WHOLE : SEES_NOTHING;
    case SP_ROLE_DEPARTMENT_HEAD:
      return SEES_WHOLE;  /* unit A is in the department */
    case SP_ROLE_STAFF:
      return created ? SEES_WHOLE : SEES_NOTHING;
    case SP_ROLE_CASE_OFFICER:
      return created || assigned ? SEES_WHOLE : SEES_NOTHING;
    case SP_ROLE_PROCUREMENT:
      return SEES_NOTHING;  /* no contract breach */
    case SP_ROLE_QUALITY:
      return SEES_REDACTED;
    default:
      g_error ("no expectation for role %d", u->role);
    }
}

/* "Writes: the registrar any case; a unit manager their unit's (and the
 * ones their unit investigates); staff and case officers the cases they
 * created", and a case officer those assigned to them. */
static gboolean
writes (const User *u,
        Variant     v)
{
  switch (u->role)
    {
    case SP_ROLE_REGISTRAR:
      return TRUE;
    case SP_ROLE_UNIT_MANAGER:
      return u->unit == UNIT_A || (v == CASE_JAV && u->unit == UNIT_B);
    case SP_ROLE_STAFF:
      return g_str_equal (u->username, "staff_a");
    case SP_ROLE_CASE_OFFICER:
      return v == CASE_ASSIGNED;
    default:
      return FALSE;
    }
}

/* Of someone who writes the case: may they change @field? */
static gboolean
may_change (const User *u,
            Variant     v,
            const char *field)
{
  gboolean registrar = u->role == SP_ROLE_REGISTRAR;
  gboolean manager = u->role == SP_ROLE_UNIT_MANAGER;  /* one who writes it */

  /* "Only the registrar moves a case to another unit." */
  if (g_str_equal (field, "unit_id"))
    return registrar;
  /* The unit's own manager hands the investigation on, while nobody has
   * it; after that, the registrar. */
  if (g_str_equal (field, "investigating_unit_id"))
    return registrar || (manager && u->unit == UNIT_A && v != CASE_JAV);
  if (g_str_equal (field, "assigned_to"))
    return registrar || manager;
  if (g_str_equal (field, "provider_id"))
    return registrar || manager || u->role == SP_ROLE_CASE_OFFICER;
  return TRUE;
}

/* ---- The fixture --------------------------------------------------- */

typedef struct
{
  SpTestServer *server;
  SpTestOrg    *org;
  GHashTable   *user_ids;     /* username → id */
  char         *provider;
  char         *category;
  char         *today_minus_1;
  char         *today_minus_10;
  guint         serial;
  guint         requests;
} Fixture;

static const char *
token_of (Fixture    *f,
          const User *u)
{
  return G_STRUCT_MEMBER (char *, f->org, u->token);
}

static const char *
user_id (Fixture    *f,
         const char *username)
{
  const char *id = g_hash_table_lookup (f->user_ids, username);

  g_assert_nonnull (id);
  return id;
}

static char *
days_ago (int n)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -n);

  return g_date_time_format (then, "%Y-%m-%d");
}

static SpTestResponse *
request (Fixture    *f,
         const char *method,
         const char *path,
         const char *token,
         const char *body)
{
  f->requests++;
  return sp_test_json (f->server, method, path, token, body);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SpTestResponse) listed = NULL;
  g_autoptr(SpTestResponse) provider = NULL;
  g_autoptr(SpTestResponse) categories = NULL;
  JsonArray *items;

  f->server = sp_test_server_new (NULL);
  f->org = sp_test_org_new (f->server);
  f->today_minus_1 = days_ago (1);
  f->today_minus_10 = days_ago (10);

  f->user_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  listed = request (f, "GET", "/api/v1/users", f->org->admin, NULL);
  sp_test_assert_status (listed, 200);
  items = json_object_get_array_member (json_node_get_object (listed->json), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *user = json_array_get_object_element (items, i);

      g_hash_table_insert (f->user_ids, g_strdup (json_object_get_string_member (user, "username")),
                           g_strdup (json_object_get_string_member (user, "id")));
    }

  provider = request (f, "POST", "/api/v1/providers", f->org->admin,
                      "{\"name\":\"Omsorg AB\",\"contract_form\":\"choice_system\"}");
  sp_test_assert_status (provider, 201);
  f->provider = g_strdup (sp_test_get_string (provider, "id"));

  categories = request (f, "GET", "/api/v1/categories", f->org->admin, NULL);
  sp_test_assert_status (categories, 200);
  if (sp_test_get_node (categories, "items.0") == NULL)
    {
      g_autoptr(SpTestResponse) made = request (f, "POST", "/api/v1/categories", f->org->admin,
                                                "{\"code\":\"matrix\",\"name\":\"Matris\"}");
      sp_test_assert_status (made, 201);
      f->category = g_strdup ("matrix");
    }
  else
    f->category = g_strdup (sp_test_get_string (categories, "items.0.code"));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_test_message ("%u requests", f->requests);
  g_hash_table_unref (f->user_ids);
  g_free (f->provider);
  g_free (f->category);
  g_free (f->today_minus_1);
  g_free (f->today_minus_10);
  sp_test_org_free (f->org);
  sp_test_server_free (f->server);
}

/* A fresh case of @v; returns its id, with its revision and its JSON as
 * the registrar sees it. */
static char *
new_case (Fixture    *f,
          Variant     v,
          gint64     *rev,
          JsonNode  **current)
{
  g_autoptr(SpTestResponse) created = NULL;
  g_autoptr(SpTestResponse) got = NULL;
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;

  created = sp_test_jsonf (f->server, "POST", "/api/v1/cases", f->org->staff_a,
                           "{\"kind\":\"complaint\",\"valence\":\"negative\",\"channel\":\"phone\","
                           "\"received_on\":\"%s\",\"subject\":\"Matris\",\"unit_id\":\"%s\"}",
                           f->today_minus_10, f->org->unit_a);
  f->requests++;
  sp_test_assert_status (created, 201);
  id = g_strdup (sp_test_get_string (created, "id"));
  path = g_strconcat ("/api/v1/cases/", id, NULL);

  if (v != CASE_PLAIN)
    {
      g_autoptr(SpTestResponse) changed = NULL;

      if (v == CASE_ASSIGNED)
        changed = sp_test_jsonf (f->server, "PATCH", path, f->org->registrar,
                                 "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"assigned_to\":\"%s\"}}",
                                 sp_test_get_int (created, "rev"), user_id (f, "case_officer"));
      else
        changed = sp_test_jsonf (f->server, "PATCH", path, f->org->manager_a,
                                 "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"conflict_of_interest\":true,"
                                 "\"investigating_unit_id\":\"%s\"}}",
                                 sp_test_get_int (created, "rev"), f->org->unit_b);
      f->requests++;
      sp_test_assert_status (changed, 200);
    }

  got = request (f, "GET", path, f->org->registrar, NULL);
  sp_test_assert_status (got, 200);
  *rev = sp_test_get_int (got, "case.rev");
  if (current)
    *current = json_node_copy (sp_test_get_node (got, "case"));
  return g_steal_pointer (&id);
}

/* ---- Values to write into each field ------------------------------- */

/* A valid value for @field that differs from the case's @current one,
 * as JSON; fails the test for a field it does not know how to fill. */
static char *
value_for (Fixture       *f,
           const SpField *field,
           JsonObject    *current)
{
  g_autofree char *path = sp_field_dup_path (field);
  JsonObject *group = field->group ? json_object_get_object_member (current, field->group) : current;
  const char *member = field->group ? field->member : field->name;
  JsonNode *now = json_object_get_member (group, member);

  if (field->flags & SP_FIELD_UUID)
    {
      if (g_str_equal (field->name, "unit_id"))
        return g_strdup_printf ("\"%s\"", f->org->unit_b);
      if (g_str_equal (field->name, "investigating_unit_id"))
        return g_strdup_printf ("\"%s\"", f->org->unit_c);
      if (g_str_equal (field->name, "provider_id"))
        return g_strdup_printf ("\"%s\"", f->provider);
      g_error ("no value to try for the reference %s: add one (and its access rule)", path);
    }

  switch (field->type)
    {
    case SP_FIELD_STRING:
      if (g_str_equal (field->name, "assigned_to"))
        return g_strdup_printf ("\"%s\"", user_id (f, "manager_a"));
      if (g_str_equal (field->name, "category"))
        return g_strdup_printf ("\"%s\"", f->category);
      if (g_str_has_suffix (field->name, "email"))
        return g_strdup ("\"matris@example.se\"");
      if (g_str_has_suffix (field->name, "phone"))
        return g_strdup ("\"08-123 45 67\"");
      return g_strdup ("\"Matris ändrad\"");

    case SP_FIELD_BOOL:
      return g_strdup (now != NULL && json_node_get_boolean (now) ? "false" : "true");

    case SP_FIELD_DATE:
      return g_strdup_printf ("\"%s\"", f->today_minus_1);

    case SP_FIELD_ENUM:
      for (guint i = 0; i < field->enum_info->n_values; i++)
        {
          const char *name = field->enum_info->values[i].name;

          if (now == NULL || JSON_NODE_HOLDS_NULL (now) || g_strcmp0 (json_node_get_string (now), name) != 0)
            return g_strdup_printf ("\"%s\"", name);
        }
      g_error ("no other value for %s", path);

    default:
      g_error ("no value to try for %s (type %d): add one", path, field->type);
    }
}

/* {"sender":{"email":…}} or {"subject":…} */
static char *
fields_json (const SpField *field,
             const char    *value)
{
  if (field->group != NULL)
    return g_strdup_printf ("{\"%s\":{\"%s\":%s}}", field->group, field->member, value);
  return g_strdup_printf ("{\"%s\":%s}", field->name, value);
}

/* ---- Fields × roles, by PATCH and by the push ---------------------- */

typedef enum { VIA_PATCH, VIA_PUSH } Via;

/* What the rules say a write of @field gets: 200, 403 or 404. */
static guint
expected_write (const User *u,
                Variant     v,
                const char *field)
{
  Sight s = sight (u, v);

  if (s == READS_NO_CASES)
    return 403;
  if (s == SEES_NOTHING)
    return 404;
  if (!writes (u, v))
    return 403;
  return may_change (u, v, field) ? 200 : 403;
}

static guint
status_of_push (SpTestResponse *pushed)
{
  const char *status = sp_test_get_string (pushed, "results.0.status");

  if (g_strcmp0 (status, "applied") == 0)
    return 200;
  g_assert_cmpstr (status, ==, "rejected");
  return (guint) sp_test_get_int (pushed, "results.0.error.status");
}

static void
test_fields (Fixture       *f,
             gconstpointer  data)
{
  guint n_cells = 0;

  for (Variant v = 0; v < N_VARIANTS; v++)
    for (guint r = 0; r < G_N_ELEMENTS (users); r++)
      for (Via via = VIA_PATCH; via <= VIA_PUSH; via++)
        {
          const User *u = &users[r];
          g_autoptr(JsonNode) current = NULL;
          g_autofree char *case_id = NULL;
          gint64 rev = 0;

          for (guint i = 0; i < sp_case_info.n_fields; i++)
            {
              const SpField *field = &sp_case_info.fields[i];
              g_autofree char *path = sp_field_dup_path (field);
              g_autofree char *value = NULL;
              g_autofree char *fields = NULL;
              g_autoptr(SpTestResponse) answer = NULL;
              guint expected, got;

              /* Writable: not kept by the server, and not the identity. */
              if ((field->flags & (SP_FIELD_SERVER | SP_FIELD_COMPUTED)) || g_str_equal (field->name, "id"))
                continue;

              if (case_id == NULL)
                case_id = new_case (f, v, &rev, &current);

              value = value_for (f, field, json_node_get_object (current));
              fields = fields_json (field, value);
              expected = expected_write (u, v, field->name);

              if (via == VIA_PATCH)
                {
                  g_autofree char *url = g_strconcat ("/api/v1/cases/", case_id, NULL);
                  g_autofree char *body = g_strdup_printf ("{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":%s}",
                                                           rev, fields);

                  answer = request (f, "PATCH", url, token_of (f, u), body);
                  got = answer->status;
                }
              else
                {
                  g_autofree char *body = NULL;

                  body = g_strdup_printf ("{\"batch_id\":\"m-%u\",\"changes\":[{\"entity\":\"case\","
                                          "\"op\":\"update\",\"id\":\"%s\",\"base_rev\":%" G_GINT64_FORMAT
                                          ",\"fields\":%s}]}", ++f->serial, case_id, rev, fields);
                  answer = request (f, "POST", "/api/v1/changes", token_of (f, u), body);
                  sp_test_assert_status (answer, 200);
                  got = status_of_push (answer);
                }

              if (got != expected)
                g_error ("%s case, %s by %s via %s: expected %u, got %u: %.*s",
                         variant_names[v], path, u->username, via == VIA_PATCH ? "PATCH" : "push",
                         expected, got,
                         answer->body ? (int) g_bytes_get_size (answer->body) : 0,
                         answer->body ? (const char *) g_bytes_get_data (answer->body, NULL) : "");
              /* A refusal names the field it refuses. */
              if (got == 403 && writes (u, v) && via == VIA_PATCH)
                g_assert_cmpstr (sp_test_error_field (answer), ==, path);

              /* A write that went through changed the case: the next
               * cell gets a fresh one. */
              if (got == 200)
                {
                  g_clear_pointer (&case_id, g_free);
                  g_clear_pointer (&current, json_node_unref);
                }
              n_cells++;
            }
        }

  g_test_message ("%u field cells", n_cells);
}

/* ---- Personal data, by the field tables ---------------------------- */

/* Every string field of @info that may hold personal data, filled in, as
 * the members of a JSON object (without braces). */
static char *
personal_members (Fixture            *f,
                  const SpEntityInfo *info,
                  JsonObject         *current)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];
      g_autofree char *value = NULL;

      if (!sp_field_is_personal (field) || field->type != SP_FIELD_STRING ||
          (field->flags & SP_FIELD_UUID) || field->group != NULL)
        continue;
      value = current ? value_for (f, field, current) : g_strdup ("\"Matris ändrad\"");
      g_string_append_printf (out, "%s\"%s\":%s", out->len ? "," : "", field->name, value);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Each personal field of @info in @object is null for a redacted reader
 * and set for one who sees it whole. */
static void
check_personal (const SpEntityInfo *info,
                JsonObject         *object,
                gboolean            redacted,
                const char         *what)
{
  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];
      JsonObject *group = object;
      const char *member = field->name;
      JsonNode *value;

      if (!sp_field_is_personal (field) || field->type != SP_FIELD_STRING)
        continue;
      if (field->group != NULL)
        {
          group = json_object_get_object_member (object, field->group);
          member = field->member;
        }
      value = json_object_get_member (group, member);
      g_assert_nonnull (value);
      if (redacted != JSON_NODE_HOLDS_NULL (value))
        g_error ("%s.%s is %s for %s", what, member, redacted ? "given" : "missing",
                 redacted ? "quality" : "the registrar");
    }
}

static void
test_personal_fields (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) current = NULL;
  g_autoptr(SpTestResponse) patched = NULL;
  g_autoptr(SpTestResponse) pushed = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *url = NULL;
  g_autofree char *members = NULL;
  g_autofree char *inv = NULL;
  g_autofree char *action = NULL;
  g_autofree char *body = NULL;
  gint64 rev;

  case_id = new_case (f, CASE_PLAIN, &rev, &current);
  url = g_strconcat ("/api/v1/cases/", case_id, NULL);
  members = personal_members (f, &sp_case_info, json_node_get_object (current));
  patched = sp_test_jsonf (f->server, "PATCH", url, f->org->registrar,
                           "{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{%s,\"sender\":{"
                           "\"name\":\"Eva Matris\",\"address\":\"Gatan 1\",\"phone\":\"08-1\","
                           "\"email\":\"eva@example.se\"}}}", rev, members);
  sp_test_assert_status (patched, 200);

  /* The investigation and a planned action, with every such text set. */
  inv = personal_members (f, &sp_investigation_info, NULL);
  action = personal_members (f, &sp_planned_action_info, NULL);
  body = g_strdup_printf ("{\"batch_id\":\"p-1\",\"changes\":["
                          "{\"entity\":\"investigation\",\"op\":\"create\",\"id\":\"7f5a0b96-7a5c-4d4c-9bae-5e6f708192a3\","
                          "\"fields\":{\"case_id\":\"%s\",%s}},"
                          "{\"entity\":\"planned_action\",\"op\":\"create\",\"id\":\"8a6b1ca7-8b6d-4e5d-8cbf-6f708192a3b4\","
                          "\"fields\":{\"case_id\":\"%s\",\"due_on\":\"2026-12-01\",%s}}]}", case_id, inv, case_id, action);
  pushed = request (f, "POST", "/api/v1/changes", f->org->registrar, body);
  sp_test_assert_status (pushed, 200);
  g_assert_cmpstr (sp_test_get_string (pushed, "results.0.status"), ==, "applied");
  g_assert_cmpstr (sp_test_get_string (pushed, "results.1.status"), ==, "applied");

  for (guint redacted = 0; redacted <= 1; redacted++)
    {
      g_autoptr(SpTestResponse) got = NULL;
      JsonObject *detail;

      got = request (f, "GET", url, redacted ? f->org->quality : f->org->registrar, NULL);
      sp_test_assert_status (got, 200);
      detail = json_node_get_object (got->json);
      check_personal (&sp_case_info, json_object_get_object_member (detail, "case"), redacted, "case");
      check_personal (&sp_investigation_info, json_object_get_object_member (detail, "investigation"),
                      redacted, "investigation");
      check_personal (&sp_planned_action_info,
                      json_array_get_object_element (json_object_get_array_member (detail, "planned_actions"), 0),
                      redacted, "planned_action");
    }
}

/* ---- Routes × roles ------------------------------------------------ */

typedef struct
{
  const char *method;
  const char *path;
  /* The expected status for the user; the body and id made for the cell. */
  guint     (*expect) (const User *u);
  char     *(*prepare) (Fixture *f, const User *u, char **id);
  gboolean    no_token;
} RouteRule;

static gboolean
is_admin (const User *u)
{
  return u->role == SP_ROLE_ADMIN;
}

static guint expect_anyone (const User *u) { return 200; }
static guint expect_deleted (const User *u) { return 204; }
static guint expect_admin_creates (const User *u) { return is_admin (u) ? 201 : 403; }
static guint expect_admin_changes (const User *u) { return is_admin (u) ? 200 : 403; }
static guint expect_admin_deletes (const User *u) { return is_admin (u) ? 204 : 403; }

static guint
expect_case_readers (const User *u)
{
  return is_admin (u) ? 403 : 200;
}

/* "Staff: create cases for their own unit"; the registrar, unit managers
 * and case officers record cases too. */
static guint
expect_case_creators (const User *u)
{
  switch (u->role)
    {
    case SP_ROLE_STAFF: case SP_ROLE_REGISTRAR: case SP_ROLE_UNIT_MANAGER: case SP_ROLE_CASE_OFFICER:
      return 201;
    default:
      return 403;
    }
}

static guint
expect_case_read (const User *u)
{
  switch (sight (u, CASE_PLAIN))
    {
    case READS_NO_CASES: return 403;
    case SEES_NOTHING: return 404;
    default: return 200;
    }
}

static guint
expect_case_write (const User *u)
{
  return expected_write (u, CASE_PLAIN, "subject");
}

/* Moving a received case on to its unit is the registrar's step. */
static guint
expect_case_assign (const User *u)
{
  guint write = expect_case_write (u);

  if (write == 200 && u->role != SP_ROLE_REGISTRAR)
    return 403;
  return write;
}

static guint
expect_provider_keepers (const User *u)
{
  return is_admin (u) || u->role == SP_ROLE_PROCUREMENT ? 201 : 403;
}

static guint
expect_provider_changers (const User *u)
{
  return is_admin (u) || u->role == SP_ROLE_PROCUREMENT ? 200 : 403;
}

static char *
prepare_none (Fixture    *f,
              const User *u,
              char      **id)
{
  return NULL;
}

static char *
prepare_login (Fixture    *f,
               const User *u,
               char      **id)
{
  return g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}", u->username, SP_TEST_PASSWORD);
}

static char *
prepare_case_create (Fixture    *f,
                     const User *u,
                     char      **id)
{
  return g_strdup_printf ("{\"kind\":\"complaint\",\"channel\":\"letter\",\"received_on\":\"%s\","
                          "\"subject\":\"Ny\"}", f->today_minus_1);
}

static char *
prepare_case_patch (Fixture    *f,
                    const User *u,
                    char      **id)
{
  gint64 rev;

  *id = new_case (f, CASE_PLAIN, &rev, NULL);
  return g_strdup_printf ("{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"subject\":\"Ändrad\"}}", rev);
}

static char *
prepare_case_read (Fixture    *f,
                   const User *u,
                   char      **id)
{
  gint64 rev;

  *id = new_case (f, CASE_PLAIN, &rev, NULL);
  return NULL;
}

static char *
prepare_transition (Fixture    *f,
                    const User *u,
                    char      **id)
{
  gint64 rev;

  *id = new_case (f, CASE_PLAIN, &rev, NULL);
  /* A case with contact details is registered before it is assigned (R4). */
  return g_strdup ("{\"to\":\"registered\"}");
}

/* The registrar's records: the case is read as any, then only the
 * registrar goes on. */
static guint
registrar_after_read (const User *u,
                      guint       success)
{
  guint read = expect_case_read (u);

  if (read != 200)
    return read;
  return u->role == SP_ROLE_REGISTRAR ? success : 403;
}

static guint expect_registrar_lists (const User *u) { return registrar_after_read (u, 200); }
static guint expect_registrar_creates (const User *u) { return registrar_after_read (u, 201); }
static guint expect_registrar_changes (const User *u) { return u->role == SP_ROLE_REGISTRAR ? 200 : 403; }

#define MATRIX_MARKING "{\"part\":\"sender\",\"provision\":\"OSL 26 kap. 1 §\"," \
                       "\"reason\":\"Matris\",\"expires_on\":\"2090-01-01\"}"
#define MATRIX_REQUEST "{\"requested_on\":\"2026-01-02\",\"requester_anonymous\":true," \
                       "\"requested_what\":\"Matris\"}"

static char *
prepare_marking_create (Fixture    *f,
                        const User *u,
                        char      **id)
{
  gint64 rev;

  *id = new_case (f, CASE_PLAIN, &rev, NULL);
  return g_strdup (MATRIX_MARKING);
}

static char *
prepare_request_create (Fixture    *f,
                        const User *u,
                        char      **id)
{
  gint64 rev;

  *id = new_case (f, CASE_PLAIN, &rev, NULL);
  return g_strdup (MATRIX_REQUEST);
}

static char *
made_by_registrar (Fixture    *f,
                   const char *collection,
                   const char *body,
                   const char *patch,
                   char      **id)
{
  gint64 rev;
  g_autofree char *case_id = new_case (f, CASE_PLAIN, &rev, NULL);
  g_autofree char *url = g_strdup_printf ("/api/v1/cases/%s/%s", case_id, collection);
  g_autoptr(SpTestResponse) made = request (f, "POST", url, f->org->registrar, body);

  sp_test_assert_status (made, 201);
  *id = g_strdup (sp_test_get_string (made, "id"));
  return g_strdup_printf ("{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":%s}",
                          sp_test_get_int (made, "rev"), patch);
}

static char *
prepare_marking_patch (Fixture    *f,
                       const User *u,
                       char      **id)
{
  return made_by_registrar (f, "secrecy-markings", MATRIX_MARKING,
                            "{\"reason\":\"Ändrad\"}", id);
}

static char *
prepare_request_patch (Fixture    *f,
                       const User *u,
                       char      **id)
{
  return made_by_registrar (f, "disclosure-requests", MATRIX_REQUEST,
                            "{\"review_sender\":\"disclose\"}", id);
}

/* Forwarding and links: the case is read as any; then the registrar, or
 * a case officer or manager who may change the case, goes on (the store
 * refuses other roles that may change it, such as the staff who made it). */
static guint
forwarding_after_read (const User *u,
                       guint       success)
{
  guint read = expect_case_read (u);

  if (read != 200)
    return read;
  if (u->role == SP_ROLE_REGISTRAR)
    return success;
  if (!writes (u, CASE_PLAIN))
    return 403;
  switch (u->role)
    {
    case SP_ROLE_CASE_OFFICER: case SP_ROLE_UNIT_MANAGER: case SP_ROLE_DEPARTMENT_HEAD:
      return success;
    default:
      return 403;
    }
}

static guint expect_assign_unit (const User *u) { return registrar_after_read (u, 200); }
static guint expect_forwarding_creates (const User *u) { return forwarding_after_read (u, 201); }
static guint expect_forwarding_changes (const User *u) { return forwarding_after_read (u, 200); }
static guint expect_forwarding_deletes (const User *u) { return forwarding_after_read (u, 204); }

#define MATRIX_ACCOUNT "{\"source\":\"other_district\",\"requested_from\":\"Matris\"," \
                       "\"due_on\":\"2090-01-01\"}"

static char *
prepare_assign (Fixture    *f,
                const User *u,
                char      **id)
{
  gint64 rev;

  g_autofree char *url = NULL;
  g_autoptr(SpTestResponse) registered = NULL;

  /* Registered first (R4), by the registrar. */
  *id = new_case (f, CASE_PLAIN, &rev, NULL);
  url = g_strdup_printf ("/api/v1/cases/%s/transition", *id);
  registered = request (f, "POST", url, f->org->registrar, "{\"to\":\"registered\"}");
  sp_test_assert_status (registered, 200);
  return g_strdup_printf ("{\"unit_id\":\"%s\"}", f->org->unit_a);
}

static char *
prepare_account_create (Fixture    *f,
                        const User *u,
                        char      **id)
{
  gint64 rev;

  *id = new_case (f, CASE_PLAIN, &rev, NULL);
  return g_strdup (MATRIX_ACCOUNT);
}

static char *
prepare_account_patch (Fixture    *f,
                       const User *u,
                       char      **id)
{
  return made_by_registrar (f, "account-requests", MATRIX_ACCOUNT, "{\"requested_from\":\"Ändrad\"}", id);
}

static char *
prepare_link_create (Fixture    *f,
                     const User *u,
                     char      **id)
{
  gint64 rev;
  g_autofree char *other = new_case (f, CASE_PLAIN, &rev, NULL);

  *id = new_case (f, CASE_PLAIN, &rev, NULL);
  return g_strdup_printf ("{\"other_case_id\":\"%s\",\"kind\":\"related\"}", other);
}

static char *
prepare_link_delete (Fixture    *f,
                     const User *u,
                     char      **id)
{
  g_autofree char *case_id = NULL;
  g_autofree char *body = prepare_link_create (f, u, &case_id);
  g_autofree char *url = g_strdup_printf ("/api/v1/cases/%s/links", case_id);
  g_autoptr(SpTestResponse) made = request (f, "POST", url, f->org->registrar, body);

  sp_test_assert_status (made, 201);
  *id = g_strdup (sp_test_get_string (made, "id"));
  return NULL;
}

/* Makes a record as the administrator; returns a patch body for it. */
static char *
made_by_admin (Fixture    *f,
               const char *collection,
               const char *body,
               const char *patch,
               char      **id)
{
  g_autofree char *url = g_strconcat ("/api/v1/", collection, NULL);
  g_autoptr(SpTestResponse) made = request (f, "POST", url, f->org->admin, body);

  sp_test_assert_status (made, 201);
  *id = g_strdup (sp_test_get_string (made, "id"));
  return g_strdup_printf ("{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":%s}",
                          sp_test_get_int (made, "rev"), patch);
}

static char *
prepare_unit_create (Fixture    *f,
                     const User *u,
                     char      **id)
{
  return g_strdup_printf ("{\"name\":\"Enhet %u\",\"kind\":\"unit\",\"parent_id\":\"%s\"}",
                          ++f->serial, f->org->department);
}

static char *
prepare_unit_patch (Fixture    *f,
                    const User *u,
                    char      **id)
{
  g_autofree char *body = prepare_unit_create (f, u, NULL);

  return made_by_admin (f, "units", body, "{\"name\":\"Omdöpt\"}", id);
}

/* A new unit of the administrator's, with nothing in it yet. */
static char *
prepare_unit_delete (Fixture    *f,
                     const User *u,
                     char      **id)
{
  g_free (prepare_unit_patch (f, u, id));
  return NULL;
}

static char *
prepare_user_create (Fixture    *f,
                     const User *u,
                     char      **id)
{
  return g_strdup_printf ("{\"username\":\"matris%u\",\"password\":\"%s\",\"roles\":[\"staff\"],"
                          "\"unit_id\":\"%s\"}", ++f->serial, SP_TEST_PASSWORD, f->org->unit_a);
}

static char *
prepare_user_patch (Fixture    *f,
                    const User *u,
                    char      **id)
{
  g_autofree char *body = prepare_user_create (f, u, NULL);

  return made_by_admin (f, "users", body, "{\"display_name\":\"Omdöpt\"}", id);
}

static char *
prepare_user_delete (Fixture    *f,
                     const User *u,
                     char      **id)
{
  g_free (prepare_user_patch (f, u, id));
  return NULL;
}

static char *
prepare_provider_create (Fixture    *f,
                         const User *u,
                         char      **id)
{
  return g_strdup_printf ("{\"name\":\"Utförare %u\",\"contract_form\":\"choice_system\"}", ++f->serial);
}

static char *
prepare_provider_patch (Fixture    *f,
                        const User *u,
                        char      **id)
{
  g_autofree char *body = prepare_provider_create (f, u, NULL);

  return made_by_admin (f, "providers", body, "{\"name\":\"Omdöpt AB\"}", id);
}

static char *
prepare_category_create (Fixture    *f,
                         const User *u,
                         char      **id)
{
  guint n = ++f->serial;

  return g_strdup_printf ("{\"code\":\"matris%u\",\"name\":\"Matris %u\"}", n, n);
}

static char *
prepare_category_patch (Fixture    *f,
                        const User *u,
                        char      **id)
{
  g_autofree char *body = prepare_category_create (f, u, NULL);

  return made_by_admin (f, "categories", body, "{\"name\":\"Omdöpt\"}", id);
}

/* Contract issues (docs/SERVER.md "Contract issues"): procurement and the
 * administrator write; they, the case's unit manager and its head of
 * department read; quality, heads of department, procurement and the
 * administrator count. The case: unit A's, flagged as a contract breach. */
static gboolean
reads_contract_issue (const User *u)
{
  return is_admin (u) || u->role == SP_ROLE_PROCUREMENT || u->role == SP_ROLE_DEPARTMENT_HEAD ||
         (u->role == SP_ROLE_UNIT_MANAGER && u->unit == UNIT_A);
}

static guint
expect_issue_writers (const User *u)
{
  return is_admin (u) || u->role == SP_ROLE_PROCUREMENT ? 201 : 403;
}

static guint
expect_issue_read (const User *u)
{
  return reads_contract_issue (u) ? 200 : 404;
}

static guint
expect_issue_change (const User *u)
{
  if (!reads_contract_issue (u))
    return 404;
  return is_admin (u) || u->role == SP_ROLE_PROCUREMENT ? 200 : 403;
}

static guint
expect_issue_counters (const User *u)
{
  return is_admin (u) || u->role == SP_ROLE_PROCUREMENT || u->role == SP_ROLE_QUALITY ||
         u->role == SP_ROLE_DEPARTMENT_HEAD ? 200 : 403;
}

static char *
flagged_case (Fixture *f)
{
  g_autoptr(SpTestResponse) created = NULL;

  created = sp_test_jsonf (f->server, "POST", "/api/v1/cases", f->org->registrar,
                           "{\"kind\":\"complaint\",\"channel\":\"phone\",\"received_on\":\"%s\","
                           "\"subject\":\"Avtalsbrott\",\"unit_id\":\"%s\",\"concerns\":\"provider\","
                           "\"provider_id\":\"%s\",\"contract_breach\":true}",
                           f->today_minus_10, f->org->unit_a, f->provider);
  f->requests++;
  sp_test_assert_status (created, 201);
  return g_strdup (sp_test_get_string (created, "id"));
}

static char *
prepare_issue_create (Fixture    *f,
                      const User *u,
                      char      **id)
{
  g_autofree char *case_id = flagged_case (f);

  return g_strdup_printf ("{\"case_id\":\"%s\"}", case_id);
}

static char *
prepare_issue_patch (Fixture    *f,
                     const User *u,
                     char      **id)
{
  g_autofree char *body = prepare_issue_create (f, u, NULL);

  return made_by_admin (f, "contract-issues", body, "{\"breach\":\"Uteblivna besök\"}", id);
}

static char *
prepare_issue_read (Fixture    *f,
                    const User *u,
                    char      **id)
{
  g_free (prepare_issue_patch (f, u, id));
  return NULL;
}

/* A second flagged case about the same provider, linked by the
 * administrator: @id is the link (for its removal). */
static char *
prepare_issue_link (Fixture    *f,
                    const User *u,
                    char      **id)
{
  g_autofree char *issue_id = NULL;
  g_autofree char *other = flagged_case (f);
  g_autofree char *url = NULL;
  g_autofree char *body = g_strdup_printf ("{\"case_id\":\"%s\"}", other);
  g_autoptr(SpTestResponse) linked = NULL;

  g_free (prepare_issue_patch (f, u, &issue_id));
  url = g_strdup_printf ("/api/v1/contract-issues/%s/cases", issue_id);
  linked = request (f, "POST", url, f->org->admin, body);
  sp_test_assert_status (linked, 201);
  if (id != NULL)
    *id = g_strdup (sp_test_get_string (linked, "id"));
  return NULL;
}

static char *
prepare_issue_case_add (Fixture    *f,
                        const User *u,
                        char      **id)
{
  g_autofree char *other = flagged_case (f);

  g_free (prepare_issue_patch (f, u, id));
  return g_strdup_printf ("{\"case_id\":\"%s\"}", other);
}

static guint
expect_issue_case_add (const User *u)
{
  if (!reads_contract_issue (u))
    return 404;
  return is_admin (u) || u->role == SP_ROLE_PROCUREMENT ? 201 : 403;
}

static guint
expect_issue_case_remove (const User *u)
{
  if (!reads_contract_issue (u))
    return 404;
  return is_admin (u) || u->role == SP_ROLE_PROCUREMENT ? 204 : 403;
}

/* Units' compilations: the unit's manager and head of department write
 * (unit A here), quality staff read every unit's. */
static gboolean
writes_compilation_a (const User *u)
{
  return u->role == SP_ROLE_DEPARTMENT_HEAD || (u->role == SP_ROLE_UNIT_MANAGER && u->unit == UNIT_A);
}

static guint
expect_compilation_readers (const User *u)
{
  return u->role == SP_ROLE_QUALITY || u->role == SP_ROLE_UNIT_MANAGER ||
         u->role == SP_ROLE_DEPARTMENT_HEAD ? 200 : 403;
}

static guint
expect_compilation_writers (const User *u)
{
  return writes_compilation_a (u) ? 201 : 403;
}

static guint
expect_compilation_read (const User *u)
{
  if (u->role == SP_ROLE_QUALITY || writes_compilation_a (u))
    return 200;
  return expect_compilation_readers (u) == 200 ? 404 : 403;
}

static guint
expect_compilation_change (const User *u)
{
  if (writes_compilation_a (u))
    return 200;
  if (u->role == SP_ROLE_QUALITY)
    return 403;
  return expect_compilation_readers (u) == 200 ? 404 : 403;
}

/* A period of its own for each cell: one compilation a unit and period. */
static char *
prepare_compilation_create (Fixture    *f,
                            const User *u,
                            char      **id)
{
  return g_strdup_printf ("{\"unit_id\":\"%s\",\"period\":\"%u\"}", f->org->unit_a, 2000 + ++f->serial);
}

static char *
prepare_compilation_patch (Fixture    *f,
                           const User *u,
                           char      **id)
{
  g_autofree char *body = prepare_compilation_create (f, u, NULL);
  g_autoptr(SpTestResponse) made = request (f, "POST", "/api/v1/unit-compilations", f->org->manager_a, body);

  sp_test_assert_status (made, 201);
  *id = g_strdup (sp_test_get_string (made, "id"));
  return g_strdup_printf ("{\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"analysis\":\"Mönster\"}}",
                          sp_test_get_int (made, "rev"));
}

static char *
prepare_compilation_read (Fixture    *f,
                          const User *u,
                          char      **id)
{
  g_free (prepare_compilation_patch (f, u, id));
  return NULL;
}

static char *
prepare_push (Fixture    *f,
              const User *u,
              char      **id)
{
  return g_strdup_printf ("{\"batch_id\":\"r-%u\",\"changes\":[]}", ++f->serial);
}

/* What docs/SERVER.md "Access" (and data/openapi.yaml) say of each route.
 * A route the server has and this table lacks fails the test. */
static const RouteRule rules[] = {
  { "GET",    "/api/v1/health",                expect_anyone,          prepare_none, TRUE },
  { "GET",    "/api/v1/auth-info",             expect_anyone,          prepare_none, TRUE },
  { "POST",   "/api/v1/session",               expect_anyone,          prepare_login, TRUE },
  { "GET",    "/api/v1/session",               expect_anyone,          prepare_none },
  { "DELETE", "/api/v1/session",               expect_deleted,         prepare_none },
  { "GET",    "/api/v1/cases",                 expect_case_readers,    prepare_none },
  { "POST",   "/api/v1/cases",                 expect_case_creators,   prepare_case_create },
  { "GET",    "/api/v1/cases/{id}",            expect_case_read,       prepare_case_read },
  { "PATCH",  "/api/v1/cases/{id}",            expect_case_write,      prepare_case_patch },
  { "POST",   "/api/v1/cases/{id}/transition", expect_case_assign,     prepare_transition },
  { "GET",    "/api/v1/cases/{id}/events",     expect_case_read,       prepare_case_read },
  { "GET",    "/api/v1/cases/{id}/secrecy-markings", expect_case_read,  prepare_case_read },
  { "POST",   "/api/v1/cases/{id}/secrecy-markings", expect_registrar_creates, prepare_marking_create },
  { "PATCH",  "/api/v1/secrecy-markings/{id}", expect_registrar_changes, prepare_marking_patch },
  { "GET",    "/api/v1/cases/{id}/disclosure-requests", expect_registrar_lists, prepare_case_read },
  { "POST",   "/api/v1/cases/{id}/disclosure-requests", expect_registrar_creates, prepare_request_create },
  { "PATCH",  "/api/v1/disclosure-requests/{id}", expect_registrar_changes, prepare_request_patch },
  { "POST",   "/api/v1/cases/{id}/assign",      expect_assign_unit,     prepare_assign },
  { "GET",    "/api/v1/cases/{id}/account-requests", expect_case_read,  prepare_case_read },
  { "POST",   "/api/v1/cases/{id}/account-requests", expect_forwarding_creates, prepare_account_create },
  { "PATCH",  "/api/v1/account-requests/{id}",  expect_forwarding_changes, prepare_account_patch },
  { "GET",    "/api/v1/cases/{id}/links",       expect_case_read,       prepare_case_read },
  { "POST",   "/api/v1/cases/{id}/links",       expect_forwarding_creates, prepare_link_create },
  { "DELETE", "/api/v1/case-links/{id}",        expect_forwarding_deletes, prepare_link_delete },
  { "GET",    "/api/v1/units",                 expect_anyone,          prepare_none },
  { "POST",   "/api/v1/units",                 expect_admin_creates,   prepare_unit_create },
  { "PATCH",  "/api/v1/units/{id}",            expect_admin_changes,   prepare_unit_patch },
  { "DELETE", "/api/v1/units/{id}",            expect_admin_deletes,   prepare_unit_delete },
  { "GET",    "/api/v1/users",                 expect_anyone,          prepare_none },
  { "POST",   "/api/v1/users",                 expect_admin_creates,   prepare_user_create },
  { "PATCH",  "/api/v1/users/{id}",            expect_admin_changes,   prepare_user_patch },
  { "DELETE", "/api/v1/users/{id}",            expect_admin_deletes,   prepare_user_delete },
  { "GET",    "/api/v1/providers",             expect_anyone,          prepare_none },
  { "POST",   "/api/v1/providers",             expect_provider_keepers, prepare_provider_create },
  { "PATCH",  "/api/v1/providers/{id}",        expect_provider_changers, prepare_provider_patch },
  { "GET",    "/api/v1/contract-issues",       expect_anyone,          prepare_none },
  { "POST",   "/api/v1/contract-issues",       expect_issue_writers,   prepare_issue_create },
  { "GET",    "/api/v1/contract-issues/counts", expect_issue_counters, prepare_none },
  { "GET",    "/api/v1/contract-issues/{id}",  expect_issue_read,      prepare_issue_read },
  { "PATCH",  "/api/v1/contract-issues/{id}",  expect_issue_change,    prepare_issue_patch },
  { "GET",    "/api/v1/contract-issues/{id}/events", expect_issue_read, prepare_issue_read },
  { "GET",    "/api/v1/contract-issues/{id}/cases", expect_issue_read, prepare_issue_read },
  { "POST",   "/api/v1/contract-issues/{id}/cases", expect_issue_case_add, prepare_issue_case_add },
  { "DELETE", "/api/v1/contract-issue-cases/{id}", expect_issue_case_remove, prepare_issue_link },
  { "GET",    "/api/v1/unit-compilations",     expect_compilation_readers, prepare_none },
  { "POST",   "/api/v1/unit-compilations",     expect_compilation_writers, prepare_compilation_create },
  { "GET",    "/api/v1/unit-compilations/{id}", expect_compilation_read,  prepare_compilation_read },
  { "PATCH",  "/api/v1/unit-compilations/{id}", expect_compilation_change, prepare_compilation_patch },
  { "GET",    "/api/v1/categories",            expect_anyone,          prepare_none },
  { "POST",   "/api/v1/categories",            expect_admin_creates,   prepare_category_create },
  { "PATCH",  "/api/v1/categories/{id}",       expect_admin_changes,   prepare_category_patch },
  { "GET",    "/api/v1/diary",                 expect_case_readers,    prepare_none },
  { "GET",    "/api/v1/stats",                 expect_case_readers,    prepare_none },
  { "GET",    "/api/v1/changes",               expect_anyone,          prepare_none },
  { "POST",   "/api/v1/changes",               expect_anyone,          prepare_push },
};

static const RouteRule *
rule_for (const char *method,
          const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_str_equal (rules[i].method, method) && g_str_equal (rules[i].path, path))
      return &rules[i];
  return NULL;
}

static void
test_routes (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_routes = 0;

  g_assert_cmpint (sp_test_run (NULL, &out, NULL, (const char *[]) { "--list-routes", NULL }), ==, 0);
  lines = g_strsplit (out, "\n", -1);

  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) parts = NULL;
      const RouteRule *rule;

      if (*g_strstrip (lines[l]) == '\0')
        continue;
      parts = g_strsplit (lines[l], " ", 2);
      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      /* The public paths (the e-service form, Open311) need no login and
       * answer in their own formats: test-server-eservice.c and
       * test-server-open311.c. */
      if (!g_str_has_prefix (parts[1], "/api/"))
        continue;
      rule = rule_for (parts[0], parts[1]);
      if (rule == NULL)
        g_error ("%s %s has no expectation in the access matrix: add one from docs/SERVER.md",
                 parts[0], parts[1]);
      n_routes++;

      for (guint r = 0; r < G_N_ELEMENTS (users); r++)
        {
          const User *u = &users[r];
          g_autofree char *id = NULL;
          g_autofree char *body = rule->prepare (f, u, &id);
          g_autofree char *token = NULL;
          g_autofree char *url = NULL;
          g_autoptr(SpTestResponse) answer = NULL;
          guint expected = rule->expect (u);

          if (strstr (rule->path, "{id}") != NULL)
            {
              g_auto(GStrv) halves = g_strsplit (rule->path, "{id}", 2);

              g_assert_nonnull (id);
              url = g_strconcat (halves[0], id, halves[1], NULL);
            }
          else
            url = g_strdup (rule->path);

          /* Logging out ends the session: a session of its own. */
          if (g_str_equal (rule->method, "DELETE") && g_str_equal (rule->path, "/api/v1/session"))
            token = sp_test_login (f->server, u->username, SP_TEST_PASSWORD);
          else if (!rule->no_token)
            token = g_strdup (token_of (f, u));

          answer = request (f, rule->method, url, token, body);
          if (answer->status != expected)
            g_error ("%s %s by %s: expected %u, got %u: %.*s", rule->method, rule->path, u->username,
                     expected, answer->status,
                     answer->body ? (int) g_bytes_get_size (answer->body) : 0,
                     answer->body ? (const char *) g_bytes_get_data (answer->body, NULL) : "");
        }
    }

  g_assert_cmpuint (n_routes, >, 0);
  g_test_message ("%u routes × %u users", n_routes, (guint) G_N_ELEMENTS (users));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/server/matrix/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("routes", test_routes);
  ADD ("fields", test_fields);
  ADD ("personal-fields", test_personal_fields);
#undef ADD

  return g_test_run ();
}
