/* test-case-query.c: filtering, sorting, paging and searching the case list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-test-util.h"

#define N_CASES 240

typedef struct
{
  char    *dir;
  SpStore *store;
  char    *units[3];
  char    *provider;
} Fixture;

static const SpActor staff_a = { "staff-a", "A", SP_ROLE_BIT (SP_ROLE_STAFF) };
static const SpActor staff_b = { "staff-b", "B", SP_ROLE_BIT (SP_ROLE_STAFF) };

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char * const subjects[] = {
    "Förskolan Åkervägen saknar lekplats",
    "Bemötande i hemtjänsten",
    "Maten på Råcksta vård- och omsorgsboende",
    "Snöröjning på gångvägen",
    "Beröm till personalen",
    "Avgiften för äldreomsorg",
  };

  f->store = sp_test_store_new (&f->dir);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SpUnit) unit = sp_unit_new ();

      unit->name = g_strdup_printf ("Enhet %c", 'C' - i);
      g_assert_true (sp_store_save (f->store, SP_ENTITY (unit), 0, NULL, NULL));
      f->units[i] = g_strdup (SP_ENTITY (unit)->id);
    }
  f->provider = g_uuid_string_random ();

  g_assert_true (sp_store_begin (f->store, NULL));
  for (guint i = 0; i < N_CASES; i++)
    {
      g_autoptr(SpCase) kase = sp_test_case_new (subjects[i % G_N_ELEMENTS (subjects)],
                                                 f->units[i % 3]);
      g_autoptr(GError) error = NULL;

      kase->kind = i % 3;
      kase->received_on = sp_date_new (2024, 1, 1) + i * 3;
      kase->category = g_strdup (i % 2 ? "treatment" : "food_meals");
      kase->named_employee = i % 10 == 0;
      kase->contract_breach = i % 7 == 0;
      if (i % 5 == 0)
        kase->provider_id = g_strdup (f->provider);
      if (i % 4 == 0)
        kase->assigned_to = g_strdup ("mgr-1");
      g_assert_true (sp_store_create_case (f->store, kase, i % 2 ? &staff_a : &staff_b, &error));
      g_assert_no_error (error);

      /* Some closed, so that not everything old is overdue. */
      if (i % 3 == 0)
        {
          kase->status = SP_STATUS_CLOSED;
          g_assert_true (sp_store_update_case (f->store, kase, NULL, FALSE, NULL));
        }
    }
  g_assert_true (sp_store_commit (f->store, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sp_test_remove_dir (f->dir);
  g_free (f->dir);
  for (guint i = 0; i < 3; i++)
    g_free (f->units[i]);
  g_free (f->provider);
}

static GPtrArray *
run (Fixture     *f,
     SpCaseQuery *q)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *cases = sp_store_query_cases (f->store, q, &error);
  gint64 total;

  g_assert_no_error (error);
  g_assert_nonnull (cases);

  /* The count agrees with the rows when nothing is paged away. */
  if (q->limit == 0 && q->offset == 0)
    {
      total = sp_store_count_cases (f->store, q, &error);
      g_assert_no_error (error);
      g_assert_cmpint (total, ==, cases->len);
    }

  return cases;
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  SpCaseQuery q;
  g_autoptr(GPtrArray) all = NULL;

  sp_case_query_init (&q);
  all = run (f, &q);
  g_assert_cmpuint (all->len, ==, N_CASES);

  sp_case_query_init (&q);
  q.kinds = 1 << SP_CASE_KIND_COMPLAINT;
  {
    g_autoptr(GPtrArray) r = run (f, &q);

    g_assert_cmpuint (r->len, ==, N_CASES / 3);
    for (guint i = 0; i < r->len; i++)
      g_assert_cmpint (SP_CASE (r->pdata[i])->kind, ==, SP_CASE_KIND_COMPLAINT);
  }

  sp_case_query_init (&q);
  q.statuses = 1 << SP_STATUS_CLOSED | 1 << SP_STATUS_FEEDBACK_GIVEN;
  {
    g_autoptr(GPtrArray) r = run (f, &q);
    g_assert_cmpuint (r->len, ==, N_CASES / 3);
  }

  sp_case_query_init (&q);
  q.unit_id = f->units[1];
  q.category = "treatment";
  {
    g_autoptr(GPtrArray) r = run (f, &q);

    g_assert_cmpuint (r->len, ==, N_CASES / 6);
    for (guint i = 0; i < r->len; i++)
      {
        g_assert_cmpstr (SP_CASE (r->pdata[i])->unit_id, ==, f->units[1]);
        g_assert_cmpstr (SP_CASE (r->pdata[i])->category, ==, "treatment");
      }
  }

  sp_case_query_init (&q);
  q.provider_id = f->provider;
  {
    g_autoptr(GPtrArray) r = run (f, &q);
    g_assert_cmpuint (r->len, ==, N_CASES / 5);
  }

  sp_case_query_init (&q);
  q.from = sp_date_new (2024, 1, 1) + 30;
  q.to = sp_date_new (2024, 1, 1) + 59;
  {
    g_autoptr(GPtrArray) r = run (f, &q);

    g_assert_cmpuint (r->len, ==, 10);
    for (guint i = 0; i < r->len; i++)
      {
        g_assert_cmpuint (SP_CASE (r->pdata[i])->received_on, >=, q.from);
        g_assert_cmpuint (SP_CASE (r->pdata[i])->received_on, <=, q.to);
      }
  }

  /* Overdue on a given day: open and past the due date. */
  sp_case_query_init (&q);
  q.overdue_only = TRUE;
  q.today = sp_date_new (2024, 3, 1);
  {
    g_autoptr(GPtrArray) r = run (f, &q);

    g_assert_cmpuint (r->len, >, 0);
    for (guint i = 0; i < r->len; i++)
      {
        SpCase *kase = r->pdata[i];

        g_assert_true (kase->overdue);
        g_assert_true (sp_case_is_overdue (kase, q.today));
      }
    for (guint i = 0; i < all->len; i++)
      {
        SpCase *kase = all->pdata[i];
        gboolean listed = FALSE;

        for (guint j = 0; j < r->len; j++)
          listed |= g_strcmp0 (SP_ENTITY (r->pdata[j])->id, SP_ENTITY (kase)->id) == 0;
        g_assert_cmpint (listed, ==, sp_case_is_overdue (kase, q.today));
      }
  }
}

static void
test_access (Fixture       *f,
             gconstpointer  data)
{
  const char *units[] = { f->units[0], f->units[2], NULL };
  const char *none[] = { NULL };
  SpCaseQuery q;

  sp_case_query_init (&q);
  q.created_by = "staff-a";
  {
    g_autoptr(GPtrArray) r = run (f, &q);

    g_assert_cmpuint (r->len, ==, N_CASES / 2);
    for (guint i = 0; i < r->len; i++)
      g_assert_cmpstr (SP_CASE (r->pdata[i])->created_by, ==, "staff-a");
  }

  sp_case_query_init (&q);
  q.unit_ids = units;
  q.hide_named_employee = TRUE;
  {
    g_autoptr(GPtrArray) r = run (f, &q);

    for (guint i = 0; i < r->len; i++)
      {
        g_assert_cmpstr (SP_CASE (r->pdata[i])->unit_id, !=, f->units[1]);
        g_assert_false (SP_CASE (r->pdata[i])->named_employee);
      }
    g_assert_cmpuint (r->len, >, 0);
  }

  /* An empty list of units allows nothing. */
  sp_case_query_init (&q);
  q.unit_ids = none;
  {
    g_autoptr(GPtrArray) r = run (f, &q);
    g_assert_cmpuint (r->len, ==, 0);
  }

  sp_case_query_init (&q);
  q.contract_breach_only = TRUE;
  {
    g_autoptr(GPtrArray) r = run (f, &q);

    g_assert_cmpuint (r->len, ==, (N_CASES + 6) / 7);
    for (guint i = 0; i < r->len; i++)
      g_assert_true (SP_CASE (r->pdata[i])->contract_breach);
  }

  /* My cases: assigned to me, or in my unit. */
  sp_case_query_init (&q);
  q.mine_user_id = "mgr-1";
  q.mine_unit_id = f->units[0];
  {
    g_autoptr(GPtrArray) r = run (f, &q);

    for (guint i = 0; i < r->len; i++)
      {
        SpCase *kase = r->pdata[i];

        g_assert_true (g_strcmp0 (kase->assigned_to, "mgr-1") == 0 ||
                       g_strcmp0 (kase->unit_id, f->units[0]) == 0);
      }
    g_assert_cmpuint (r->len, ==, N_CASES / 3 + N_CASES / 4 - N_CASES / 12);
  }
}

static int
compare_field (SpCase        *a,
               SpCase        *b,
               const SpField *field)
{
  g_autofree char *va = sp_entity_field_to_string (SP_ENTITY (a), field);
  g_autofree char *vb = sp_entity_field_to_string (SP_ENTITY (b), field);

  if (va == NULL || vb == NULL)
    return (va == NULL) - (vb == NULL);
  return g_utf8_collate (va, vb) < 0 ? -1 : strcmp (va, vb) == 0 ? 0 : 1;
}

static void
test_sorting_and_paging (Fixture       *f,
                         gconstpointer  data)
{
  static const struct { SpCaseSort sort; const char *field; } sorts[] = {
    { SP_CASE_SORT_RECEIVED_ON, "received_on" },
    { SP_CASE_SORT_KIND, "kind" },
    { SP_CASE_SORT_CATEGORY, "category" },
    { SP_CASE_SORT_STATUS, "status" },
    { SP_CASE_SORT_DUE_ON, "due_on" },
    { SP_CASE_SORT_UPDATED_AT, "updated_at" },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    for (guint desc = 0; desc < 2; desc++)
      {
        const SpField *field = sp_entity_info_lookup (&sp_case_info, sorts[s].field);
        g_autoptr(GPtrArray) all = NULL;
        SpCaseQuery q;

        sp_case_query_init (&q);
        q.sort = sorts[s].sort;
        q.descending = desc;
        all = run (f, &q);
        for (guint i = 1; i < all->len; i++)
          {
            int c = compare_field (all->pdata[i - 1], all->pdata[i], field);
            g_assert_cmpint (desc ? -c : c, <=, 0);
          }

        /* Pages put together give the same order, with no row twice. */
        for (guint offset = 0; offset < N_CASES; offset += 50)
          {
            g_autoptr(GPtrArray) page = NULL;

            q.limit = 50;
            q.offset = offset;
            page = run (f, &q);
            g_assert_cmpuint (page->len, ==, MIN (50, N_CASES - offset));
            for (guint i = 0; i < page->len; i++)
              g_assert_cmpstr (SP_ENTITY (page->pdata[i])->id, ==,
                               SP_ENTITY (all->pdata[offset + i])->id);
          }
      }

  /* By unit name: C, B, A were created in that order; ascending gives A first. */
  {
    g_autoptr(GPtrArray) r = NULL;
    SpCaseQuery q;

    sp_case_query_init (&q);
    q.sort = SP_CASE_SORT_UNIT;
    q.descending = FALSE;
    r = run (f, &q);
    g_assert_cmpstr (SP_CASE (r->pdata[0])->unit_id, ==, f->units[2]);
    g_assert_cmpstr (SP_CASE (r->pdata[r->len - 1])->unit_id, ==, f->units[0]);
  }

  /* Subject ignores case. */
  {
    g_autoptr(GPtrArray) r = NULL;
    SpCaseQuery q;

    sp_case_query_init (&q);
    q.sort = SP_CASE_SORT_SUBJECT;
    q.descending = FALSE;
    r = run (f, &q);
    g_assert_cmpstr (SP_CASE (r->pdata[0])->subject, ==, "Avgiften för äldreomsorg");
  }
}

static guint
search (Fixture    *f,
        const char *text)
{
  g_autoptr(GPtrArray) r = NULL;
  SpCaseQuery q;

  sp_case_query_init (&q);
  q.text = text;
  r = run (f, &q);
  return r->len;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(SpInvestigation) inv = sp_investigation_new ();
  g_autoptr(GPtrArray) all = NULL;
  SpCaseQuery q;

  /* Swedish letters match in either case, and only themselves. */
  g_assert_cmpuint (search (f, "förskolan"), ==, N_CASES / 6);
  g_assert_cmpuint (search (f, "FÖRSKOLAN"), ==, N_CASES / 6);
  g_assert_cmpuint (search (f, "åker"), ==, N_CASES / 6);
  g_assert_cmpuint (search (f, "ÅKERVÄGEN"), ==, N_CASES / 6);
  g_assert_cmpuint (search (f, "akervagen"), ==, 0);
  g_assert_cmpuint (search (f, "råcksta"), ==, N_CASES / 6);
  g_assert_cmpuint (search (f, "snöröjning gångvägen"), ==, N_CASES / 6);
  g_assert_cmpuint (search (f, "snöröjning förskolan"), ==, 0);
  g_assert_cmpuint (search (f, "äldre"), ==, N_CASES / 6);

  /* What the user types is never FTS syntax. */
  g_assert_cmpuint (search (f, "\"förskolan"), ==, N_CASES / 6);
  g_assert_cmpuint (search (f, "förskolan OR maten"), ==, 0);
  g_assert_cmpuint (search (f, "NEAR(förskolan"), ==, 0);
  g_assert_cmpuint (search (f, "*"), ==, N_CASES);
  g_assert_cmpuint (search (f, "'; DROP TABLE cases; --"), ==, 0);
  g_assert_cmpuint (search (f, ""), ==, N_CASES);
  g_assert_cmpuint (search (f, "förskolan"), ==, N_CASES / 6);

  /* The investigation's text is searched too. */
  sp_case_query_init (&q);
  q.limit = 1;
  all = run (f, &q);
  kase = g_object_ref (all->pdata[0]);
  inv->case_id = g_strdup (SP_ENTITY (kase)->id);
  inv->facts = g_strdup ("Personalen hade glömt nyckelkvittensen");
  g_assert_true (sp_store_save (f->store, SP_ENTITY (inv), 0, NULL, NULL));
  g_assert_cmpuint (search (f, "nyckelkvittensen"), ==, 1);

  /* And an edited subject is found by its new words, not its old ones. */
  g_free (kase->subject);
  kase->subject = g_strdup ("Trädgårdsskötsel vid Blackeberg");
  g_assert_true (sp_store_update_case (f->store, kase, NULL, FALSE, NULL));
  g_assert_cmpuint (search (f, "blackeberg"), ==, 1);
}

static void
test_fts_string (void)
{
  g_autofree char *a = sp_case_query_fts_string ("  Förskolan \"Åker\" AND*  ");
  g_autofree char *b = sp_case_query_fts_string ("-- ' ; ");

  g_assert_cmpstr (a, ==, "\"Förskolan\"* \"Åker\"* \"AND\"*");
  g_assert_null (b);
  g_assert_null (sp_case_query_fts_string ("\xff\xfe"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SYNPUNKT_TODAY", "2025-09-01", TRUE);

  g_test_add ("/case-query/filters", Fixture, NULL, fixture_set_up, test_filters,
              fixture_tear_down);
  g_test_add ("/case-query/access", Fixture, NULL, fixture_set_up, test_access,
              fixture_tear_down);
  g_test_add ("/case-query/sorting-and-paging", Fixture, NULL, fixture_set_up,
              test_sorting_and_paging, fixture_tear_down);
  g_test_add ("/case-query/search", Fixture, NULL, fixture_set_up, test_search,
              fixture_tear_down);
  g_test_add_func ("/case-query/fts-string", test_fts_string);

  return g_test_run ();
}
