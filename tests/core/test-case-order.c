/* test-case-order.c: the case list's order — categories by the name shown,
 * and the received date (newest first) between equal keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-util.h"

static const SpActor staff = { "staff-a", "A", SP_ROLE_BIT (SP_ROLE_STAFF) };

typedef struct
{
  char    *dir;
  SpStore *store;
  char    *units[2];
} Fixture;

static void
save_category (SpStore    *store,
               const char *code,
               const char *name)
{
  g_autoptr(SpCategory) category = sp_category_new ();
  g_autoptr(GError) error = NULL;

  category->code = g_strdup (code);
  category->name = g_strdup (name);
  g_assert_true (sp_store_save (store, SP_ENTITY (category), 0, NULL, &error));
  g_assert_no_error (error);
}

static void
add_case (Fixture    *f,
          const char *category,
          guint       i)
{
  g_autoptr(SpCase) kase = sp_test_case_new (i % 2 ? "Maten" : "Bemötande", f->units[i % 2]);
  g_autoptr(GError) error = NULL;

  kase->kind = i % 3;
  /* Received on days apart from each other, not in the order made. */
  kase->received_on = sp_date_new (2025, 1, 1) + (i * 37) % 200;
  kase->category = g_strdup (category);
  g_assert_true (sp_store_create_case (f->store, kase, &staff, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  /* The codes' order is not the names': by code the list used to read
   * Tillgänglighet, Mat, Information. */
  static const char * const codes[] = {
    "accessibility", "food_meals", "information", "treatment", "other", NULL,
  };

  f->store = sp_test_store_new (&f->dir);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SpUnit) unit = sp_unit_new ();

      unit->name = g_strdup_printf ("Enhet %u", i);
      g_assert_true (sp_store_save (f->store, SP_ENTITY (unit), 0, NULL, NULL));
      f->units[i] = g_strdup (SP_ENTITY (unit)->id);
    }

  save_category (f->store, "accessibility", "Tillgänglighet");
  save_category (f->store, "food_meals", "Mat och måltider");
  save_category (f->store, "information", "Information");
  save_category (f->store, "treatment", "bemötande");
  save_category (f->store, "other", "Övrigt");

  for (guint i = 0; i < 60; i++)
    add_case (f, codes[i % G_N_ELEMENTS (codes)], i);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sp_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->units[0]);
  g_free (f->units[1]);
}

static GPtrArray *
run (Fixture    *f,
     SpCaseSort  sort,
     gboolean    descending)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *cases;
  SpCaseQuery q;

  sp_case_query_init (&q);
  q.sort = sort;
  q.descending = descending;
  cases = sp_store_query_cases (f->store, &q, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cases);
  /* No case is left out of the order. */
  g_assert_cmpint (cases->len, ==, sp_store_count_cases (f->store, &q, NULL));

  return cases;
}

/* The categories in the order the rows bring them, each once, "-" for
 * none; checks that each category's rows are together. */
static char *
category_order (GPtrArray *cases)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *last = "";

  for (guint i = 0; i < cases->len; i++)
    {
      SpCase *kase = g_ptr_array_index (cases, i);
      const char *code = kase->category ? kase->category : "-";

      if (g_strcmp0 (code, last) == 0)
        continue;
      g_assert_false (g_hash_table_contains (seen, code));
      g_hash_table_add (seen, (gpointer) code);
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, code);
      last = code;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What @sort orders by, as text to compare for equality. */
static char *
sort_key (SpCase     *kase,
          SpCaseSort  sort)
{
  switch (sort)
    {
    case SP_CASE_SORT_RECEIVED_ON:
      return g_strdup_printf ("%u", kase->received_on);
    case SP_CASE_SORT_DIARY_NUMBER:
      return g_strdup (kase->diary_number);
    case SP_CASE_SORT_KIND:
      return g_strdup_printf ("%d", kase->kind);
    case SP_CASE_SORT_CATEGORY:
      return g_strdup (kase->category);
    case SP_CASE_SORT_UNIT:
      return g_strdup (kase->unit_id);
    case SP_CASE_SORT_SUBJECT:
      return g_utf8_casefold (kase->subject, -1);
    case SP_CASE_SORT_STATUS:
      return g_strdup_printf ("%d", kase->status);
    case SP_CASE_SORT_DUE_ON:
      return g_strdup_printf ("%u", kase->due_on);
    case SP_CASE_SORT_UPDATED_AT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, SP_ENTITY (kase)->updated_at);
    default:
      g_assert_not_reached ();
    }
}

static void
test_category_by_name (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) up = run (f, SP_CASE_SORT_CATEGORY, FALSE);
  g_autoptr(GPtrArray) down = run (f, SP_CASE_SORT_CATEGORY, TRUE);
  g_autoptr(GPtrArray) renamed = NULL;
  g_autoptr(GPtrArray) unknown = NULL;
  g_autofree char *up_order = category_order (up);
  g_autofree char *down_order = category_order (down);
  g_autofree char *renamed_order = NULL;
  g_autofree char *unknown_order = NULL;

  /* Bemötande (whatever its case), Information, Mat och måltider,
   * Tillgänglighet, Övrigt; the cases without a category last, both
   * ways. */
  g_assert_cmpstr (up_order, ==, "treatment information food_meals accessibility other -");
  g_assert_cmpstr (down_order, ==, "other accessibility food_meals information treatment -");

  /* A category renamed moves to its new name's place. */
  {
    g_autoptr(GPtrArray) categories = sp_store_load_where (f->store, SP_TYPE_CATEGORY, "code",
                                                           "information", NULL);
    SpCategory *information;

    g_assert_cmpuint (categories->len, ==, 1);
    information = g_ptr_array_index (categories, 0);
    g_free (information->name);
    information->name = g_strdup ("Upplysningar");
    g_assert_true (sp_store_save (f->store, SP_ENTITY (information), 0, NULL, NULL));
  }
  renamed = run (f, SP_CASE_SORT_CATEGORY, FALSE);
  renamed_order = category_order (renamed);
  g_assert_cmpstr (renamed_order, ==, "treatment food_meals accessibility information other -");

  /* A case whose category the store does not know (yet) is listed by its
   * code, not left out. */
  add_case (f, "kvalitet_gammal", 99);
  unknown = run (f, SP_CASE_SORT_CATEGORY, FALSE);
  unknown_order = category_order (unknown);
  g_assert_cmpstr (unknown_order, ==,
                   "treatment kvalitet_gammal food_meals accessibility information other -");
}

/* Rows equal on the sort key come newest first, whichever way the key
 * goes. */
static void
test_received_breaks_ties (Fixture       *f,
                           gconstpointer  data)
{
  guint ties = 0;

  /* Some registered, so that the diary number has both kinds of rows. */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GPtrArray) all = run (f, SP_CASE_SORT_RECEIVED_ON, TRUE);
      g_autoptr(GError) error = NULL;
      SpCase *kase = g_ptr_array_index (all, i * 5);

      kase->diary_number = g_strdup_printf ("HVSDN 2025/%04u", i + 1);
      g_assert_true (sp_store_update_case (f->store, kase, NULL, FALSE, &error));
      g_assert_no_error (error);
    }

  for (SpCaseSort sort = SP_CASE_SORT_RECEIVED_ON; sort <= SP_CASE_SORT_UPDATED_AT; sort++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autoptr(GPtrArray) cases = run (f, sort, descending);

        for (guint i = 1; i < cases->len; i++)
          {
            SpCase *a = g_ptr_array_index (cases, i - 1);
            SpCase *b = g_ptr_array_index (cases, i);
            g_autofree char *ka = sort_key (a, sort);
            g_autofree char *kb = sort_key (b, sort);

            if (g_strcmp0 (ka, kb) != 0)
              continue;
            ties++;
            if (sort == SP_CASE_SORT_RECEIVED_ON)
              continue;
            if (a->received_on < b->received_on)
              g_error ("Sorted by %s%s, rows %u and %u are equal (%s) but older first",
                       sp_enum_to_name (&sp_case_sort_info, sort), descending ? " down" : "",
                       i - 1, i, ka ? ka : "none");
          }
      }

  /* The data has equal keys to break. */
  g_assert_cmpuint (ties, >, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SYNPUNKT_TODAY", "2025-09-01", TRUE);

  g_test_add ("/case-order/category-by-name", Fixture, NULL, fixture_set_up,
              test_category_by_name, fixture_tear_down);
  g_test_add ("/case-order/received-breaks-ties", Fixture, NULL, fixture_set_up,
              test_received_breaks_ties, fixture_tear_down);

  return g_test_run ();
}
