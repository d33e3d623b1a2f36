/* test-server-access-sql.c: the access rules said in SQL agree with the
 * rules case by case, for every combination of roles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list (sp_principal_restrict_query(), in SQL) and a single case
 * (sp_principal_can_read_case(), in C) must let the same cases through:
 * on a district whose cases vary in every field the rules look at (unit,
 * investigating unit, creator, assignee, named employee, contract breach,
 * deleted), each of the 127 combinations of the roles that read cases,
 * with the user in each place of the unit tree, gets the same cases from
 * the query as from the rule, with and without a search; a case seen
 * without its personal data is found by its subject only.
 */

#include <string.h>

#include "sp-principal.h"
#include "../sp-test-dir.h"

#define CASE_ROLES 7   /* SP_ROLE_STAFF … SP_ROLE_QUALITY */
#define N_USERS 4

typedef struct
{
  char    *dir;
  SpStore *store;
  /* admin, department 1, unit A, unit A1 (under A), unit B,
   * department 2, unit C */
  char    *units[7];
  char    *users[N_USERS];
  guint    n_cases;
} Fixture;

static char *
add_unit (SpStore    *store,
          const char *name,
          const char *parent)
{
  g_autoptr(SpUnit) unit = sp_unit_new ();

  unit->name = g_strdup (name);
  unit->parent_id = g_strdup (parent);
  g_assert_true (sp_store_save (store, SP_ENTITY (unit), 0, NULL, NULL));
  return g_strdup (SP_ENTITY (unit)->id);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  /* The words the searches look for: "lekplats" in the subject of some,
   * in the description of others. */
  static const char * const subjects[] = {
    "Lekplatsen är trasig", "Maten var kall", "Bemötande i hemtjänsten",
  };
  static const char * const descriptions[] = {
    "Ingen har lagat den.", "Lekplatsen borde lagas.", "Personalen var otrevlig.",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  /* The places a case can be: no unit, and each unit. */
  const char *case_units[6];
  guint n = 0;

  f->dir = sp_test_dir_new ("access-sql");
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = sp_store_open (path, &error);
  g_assert_no_error (error);

  f->units[0] = add_unit (f->store, "Förvaltningen", NULL);
  f->units[1] = add_unit (f->store, "Äldreomsorg", f->units[0]);
  f->units[2] = add_unit (f->store, "Solgården", f->units[1]);
  f->units[3] = add_unit (f->store, "Solgården, avdelning 1", f->units[2]);
  f->units[4] = add_unit (f->store, "Hemtjänst Väst", f->units[1]);
  f->units[5] = add_unit (f->store, "Förskola", f->units[0]);
  f->units[6] = add_unit (f->store, "Förskolan Ekorren", f->units[5]);
  for (guint i = 0; i < N_USERS; i++)
    f->users[i] = g_uuid_string_random ();

  case_units[0] = NULL;
  case_units[1] = f->units[2];
  case_units[2] = f->units[3];
  case_units[3] = f->units[4];
  case_units[4] = f->units[6];
  case_units[5] = f->units[1];

  g_assert_true (sp_store_begin (f->store, NULL));
  for (guint unit = 0; unit < G_N_ELEMENTS (case_units); unit++)
    for (guint investigating = 0; investigating < 3; investigating++)
      for (guint creator = 0; creator < 3; creator++)
        for (guint assignee = 0; assignee < 3; assignee++)
          for (guint flags = 0; flags < 4; flags++)
            {
              g_autoptr(SpCase) kase = sp_case_new ();
              SpActor actor = { f->users[creator], "Användare", SP_ROLE_BIT (SP_ROLE_STAFF) };

              kase->kind = SP_CASE_KIND_COMPLAINT;
              kase->channel = SP_CHANNEL_EMAIL;
              kase->received_on = sp_date_new (2026, 1, 1) + n % 300;
              kase->subject = g_strdup (subjects[n % 3]);
              kase->description = g_strdup (descriptions[(n / 3) % 3]);
              kase->sender_name = g_strdup ("Anna Andersson");
              kase->unit_id = g_strdup (case_units[unit]);
              /* None, unit A (from the others: jäv), unit C. */
              kase->investigating_unit_id = g_strdup (investigating == 1 ? f->units[2]
                                                      : investigating == 2 ? f->units[6] : NULL);
              kase->assigned_to = assignee == 0 ? NULL : g_strdup (f->users[assignee]);
              kase->named_employee = (flags & 1) != 0;
              kase->contract_breach = (flags & 2) != 0;
              g_assert_true (sp_store_create_case (f->store, kase, &actor, &error));
              g_assert_no_error (error);
              /* Some deleted: nobody lists them. */
              if (n % 17 == 0)
                {
                  SP_ENTITY (kase)->deleted = TRUE;
                  g_assert_true (sp_store_save (f->store, SP_ENTITY (kase), 0, NULL, NULL));
                }
              n++;
            }
  g_assert_true (sp_store_commit (f->store, NULL));
  f->n_cases = n;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sp_test_remove_dir (f->dir);
  g_free (f->dir);
  for (guint i = 0; i < G_N_ELEMENTS (f->units); i++)
    g_free (f->units[i]);
  for (guint i = 0; i < N_USERS; i++)
    g_free (f->users[i]);
}

static GHashTable *
ids_of (GPtrArray *cases)
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < cases->len; i++)
    g_hash_table_add (ids, SP_ENTITY (g_ptr_array_index (cases, i))->id);
  return ids;
}

/* Every case @text finds (NULL: every case), unrestricted; in the subject
 * only with @subject_only. */
static GPtrArray *
query_all (Fixture    *f,
           const char *text,
           gboolean    subject_only)
{
  g_autoptr(GError) error = NULL;
  SpCaseQuery query;
  GPtrArray *cases;

  sp_case_query_init (&query);
  query.text = text;
  query.text_subject_only = subject_only;
  cases = sp_store_query_cases (f->store, &query, &error);
  g_assert_no_error (error);
  return cases;
}

/* The query and the rule agree for @principal; returns how many cases
 * they let through. */
typedef struct
{
  const char *text;
  GPtrArray  *all;          /* every case it finds */
  GPtrArray  *in_subject;   /* those it finds in the subject */
  GHashTable *subject_ids;
} Search;

static guint
check_principal (Fixture     *f,
                 SpPrincipal *principal,
                 Search      *search,
                 const char  *label)
{
  const char *text = search->text;
  GPtrArray *all = search->all;
  GHashTable *subject_ids = search->subject_ids;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GHashTable) listed_ids = NULL;
  g_autoptr(GError) error = NULL;
  SpCaseQuery query;
  guint expected = 0;
  gint64 count;

  sp_case_query_init (&query);
  query.text = text;
  sp_principal_restrict_query (principal, &query);
  listed = sp_store_query_cases (f->store, &query, &error);
  g_assert_no_error (error);
  count = sp_store_count_cases (f->store, &query, &error);
  g_assert_no_error (error);
  listed_ids = ids_of (listed);

  for (guint i = 0; i < all->len; i++)
    {
      SpCase *kase = g_ptr_array_index (all, i);
      gboolean redact = FALSE;
      gboolean visible = sp_principal_can_read_case (principal, kase, &redact);

      /* Seen without personal data: found by the subject only. */
      if (visible && redact && subject_ids != NULL &&
          !g_hash_table_contains (subject_ids, SP_ENTITY (kase)->id))
        visible = FALSE;
      if (visible != g_hash_table_contains (listed_ids, SP_ENTITY (kase)->id))
        g_error ("%s, search “%s”: case (unit %s, investigating %s, named employee %d, "
                 "contract breach %d) is %s by the rule but %s by the query", label,
                 text ? text : "", kase->unit_id, kase->investigating_unit_id,
                 kase->named_employee, kase->contract_breach, visible ? "seen" : "not seen",
                 visible ? "left out" : "listed");
      expected += visible;
    }
  /* Nothing else (a deleted case) is listed, and the count agrees. */
  g_assert_cmpuint (listed->len, ==, expected);
  g_assert_cmpint (count, ==, expected);

  /* A page, found either way (walking the sort order when the rule lets
   * most through), is that part of the whole list. */
  {
    g_autoptr(GPtrArray) page = NULL;

    query.limit = 10;
    query.offset = 5;
    query.known_total = count;
    page = sp_store_query_cases (f->store, &query, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, MIN (10, MAX (expected, 5) - 5));
    for (guint i = 0; i < page->len; i++)
      g_assert_cmpstr (SP_ENTITY (g_ptr_array_index (page, i))->id, ==,
                       SP_ENTITY (g_ptr_array_index (listed, i + 5))->id);
  }
  return expected;
}

static void
test_every_role (Fixture       *f,
                 gconstpointer  data)
{
  /* The user's unit: none, the administration, department 1, unit A,
   * unit A1, department 2's unit C. */
  const char *places[] = { NULL, f->units[0], f->units[1], f->units[2], f->units[3], f->units[6] };
  Search searches[] = { { NULL }, { "lekplats" }, { "kall" } };
  guint seen_some = 0, seen_none = 0;

  g_assert_cmpuint (f->n_cases, >, 600);
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      searches[i].all = query_all (f, searches[i].text, FALSE);
      if (searches[i].text != NULL)
        {
          searches[i].in_subject = query_all (f, searches[i].text, TRUE);
          searches[i].subject_ids = ids_of (searches[i].in_subject);
        }
    }

  for (guint roles = 1; roles < (1u << CASE_ROLES); roles++)
    for (guint place = 0; place < G_N_ELEMENTS (places); place++)
      for (guint who = 1; who < N_USERS; who += 2)
        {
          g_autoptr(SpUser) user = sp_user_new ();
          g_autoptr(SpPrincipal) principal = NULL;
          g_autofree char *label = NULL;
          guint found;

          g_free (SP_ENTITY (user)->id);
          SP_ENTITY (user)->id = g_strdup (f->users[who]);
          user->username = g_strdup ("user");
          user->roles = roles;
          user->unit_id = g_strdup (places[place]);
          principal = sp_principal_new (f->store, user);
          label = g_strdup_printf ("roles 0x%x, unit %u, user %u", roles, place, who);

          found = check_principal (f, principal, &searches[0], label);
          for (guint i = 1; i < G_N_ELEMENTS (searches); i++)
            check_principal (f, principal, &searches[i], label);
          if (found > 0)
            seen_some++;
          else
            seen_none++;
        }

  /* The data set is varied enough that the rules make a difference. */
  g_assert_cmpuint (seen_some, >, 0);
  g_assert_cmpuint (seen_none, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_ptr_array_unref (searches[i].all);
      g_clear_pointer (&searches[i].in_subject, g_ptr_array_unref);
      g_clear_pointer (&searches[i].subject_ids, g_hash_table_unref);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/access-sql/every-role", Fixture, NULL,
              fixture_set_up, test_every_role, fixture_tear_down);

  return g_test_run ();
}
