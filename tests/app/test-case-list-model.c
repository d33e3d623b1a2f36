/* test-case-list-model.c: the lazily paged case list against the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "app-test-util.h"
#include "sp-case-list-model.h"

#define N_CASES 1100

typedef struct
{
  char          *dir;
  char          *db_path;
  SpStoreWorker *worker;
  guint          changes;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;

  fixture->dir = sp_test_dir_new ("model");
  fixture->db_path = g_build_filename (fixture->dir, "cases.db", NULL);

  store = sp_test_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (sp_demo_populate (store, GPOINTER_TO_UINT (data), 3, &error));
  g_assert_no_error (error);

  fixture->worker = sp_store_worker_new (fixture->db_path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->worker);
  sp_test_remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static void
wait_loaded (SpCaseListModel *model)
{
  APP_TEST_WAIT (sp_case_list_model_get_loaded (model) && !sp_case_list_model_get_loading (model),
                 30);
}

static SpCase *
get_case (SpCaseListModel *model,
          guint            position)
{
  return app_test_get_case (model, position);
}

static GPtrArray *
query_all (Fixture      *fixture,
           SpCaseFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_test_store_open (fixture->db_path, &error);
  SpCaseQuery query;
  GPtrArray *cases;

  g_assert_no_error (error);
  sp_case_filter_to_query (filter, &query);
  cases = sp_store_query_cases (store, &query, &error);
  g_assert_no_error (error);

  return cases;
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               Fixture    *fixture)
{
  fixture->changes++;
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SpCaseListModel) model = sp_case_list_model_new (fixture->worker);
  g_autoptr(SpCaseFilter) filter = sp_case_filter_new ();
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(SpCase) placeholder = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == SP_TYPE_CASE);

  sp_case_list_model_set_filter (model, filter);
  g_assert_true (sp_case_list_model_get_loading (model));
  wait_loaded (model);

  /* The whole count at once, the first page already read. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CASES);
  {
    g_autoptr(SpCase) first = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_false (sp_case_is_placeholder (first));
  }

  /* A row on a page not read yet is a placeholder until its page comes,
   * which is announced with items-changed over exactly that page. */
  g_signal_connect (model, "items-changed", G_CALLBACK (count_changes), fixture);
  placeholder = g_list_model_get_item (G_LIST_MODEL (model), N_CASES - 1);
  g_assert_true (sp_case_is_placeholder (placeholder));
  APP_TEST_WAIT (fixture->changes > 0, 30);
  {
    g_autoptr(SpCase) last = g_list_model_get_item (G_LIST_MODEL (model), N_CASES - 1);
    g_assert_false (sp_case_is_placeholder (last));
  }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), N_CASES));

  /* Every row, in the store's order. */
  expected = query_all (fixture, filter);
  g_assert_cmpuint (expected->len, ==, N_CASES);
  for (guint i = 0; i < N_CASES; i++)
    {
      g_autoptr(SpCase) kase = get_case (model, i);
      g_assert_cmpstr (SP_ENTITY (kase)->id, ==, SP_ENTITY (g_ptr_array_index (expected, i))->id);
    }

  g_assert_cmpuint (sp_case_list_model_find (model, SP_ENTITY (g_ptr_array_index (expected, 7))->id),
                    ==, 7);
  g_assert_cmpuint (sp_case_list_model_find (model, "no-such-case"), ==, G_MAXUINT);
}

static void
test_latest_filter_wins (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SpCaseListModel) model = sp_case_list_model_new (fixture->worker);
  g_autoptr(SpCaseFilter) complaints = sp_case_filter_new ();
  g_autoptr(SpCaseFilter) opinions = sp_case_filter_new ();
  g_autoptr(GPtrArray) expected = NULL;

  complaints->kinds = 1u << SP_CASE_KIND_COMPLAINT;
  opinions->kinds = 1u << SP_CASE_KIND_OPINION;

  /* Asked twice before the first answer: only the second may land. */
  sp_case_list_model_set_filter (model, complaints);
  sp_case_list_model_set_filter (model, opinions);
  wait_loaded (model);

  expected = query_all (fixture, opinions);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(SpCase) kase = get_case (model, i);
      g_assert_cmpint (kase->kind, ==, SP_CASE_KIND_OPINION);
    }
}

static void
test_new_sort (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SpCaseListModel) model = sp_case_list_model_new (fixture->worker);
  g_autoptr(SpCaseFilter) filter = sp_case_filter_new ();
  g_autoptr(SpCaseFilter) by_subject = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  guint n;

  sp_case_list_model_set_filter (model, filter);
  wait_loaded (model);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));

  /* Only the order changes: the count stands, the rows follow the new
   * order. */
  by_subject = sp_case_filter_copy (filter);
  by_subject->sort = SP_CASE_SORT_SUBJECT;
  by_subject->descending = FALSE;
  sp_case_list_model_set_filter (model, by_subject);
  g_assert_true (sp_case_list_model_get_loading (model));
  wait_loaded (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);

  expected = query_all (fixture, by_subject);
  g_assert_cmpuint (expected->len, ==, n);
  for (guint i = 0; i < n; i += 37)
    {
      g_autoptr(SpCase) kase = get_case (model, i);
      g_assert_cmpstr (SP_ENTITY (kase)->id, ==, SP_ENTITY (g_ptr_array_index (expected, i))->id);
    }

  /* And a real filter after it counts again. */
  by_subject->kinds = 1u << SP_CASE_KIND_OPINION;
  sp_case_list_model_set_filter (model, by_subject);
  wait_loaded (model);
  g_clear_pointer (&expected, g_ptr_array_unref);
  expected = query_all (fixture, by_subject);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected->len);
  g_assert_cmpuint (expected->len, <, n);
}

static void
test_filter_variant (void)
{
  g_autoptr(SpCaseFilter) filter = sp_case_filter_new ();
  g_autoptr(SpCaseFilter) loaded = sp_case_filter_new ();
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) bad = NULL;
  GVariantBuilder builder;

  filter->kinds = 1u << SP_CASE_KIND_COMPLAINT;
  filter->statuses = SP_CASE_FILTER_OPEN_STATUSES;
  filter->channels = 1u << SP_CHANNEL_PHONE;
  filter->areas = 1u << SP_AREA_PRESCHOOL;
  filter->valences = 1u << SP_VALENCE_POSITIVE;
  filter->unit_id = g_strdup ("b3f1c1de-0000-4000-8000-000000000001");
  filter->category = g_strdup ("bemotande");
  filter->from = sp_date_new (2025, 1, 1);
  filter->to = sp_date_new (2025, 4, 30);
  filter->overdue_only = TRUE;
  filter->text = g_strdup ("förskola");

  variant = g_variant_ref_sink (sp_case_filter_to_variant (filter));
  sp_case_filter_load_variant (loaded, variant);
  g_assert_true (sp_case_filter_equal (filter, loaded));
  g_assert_true (sp_case_filter_has_criteria (loaded));
  g_assert_cmpuint (loaded->channels, ==, 1u << SP_CHANNEL_PHONE);
  g_assert_cmpuint (loaded->areas, ==, 1u << SP_AREA_PRESCHOOL);
  g_assert_cmpuint (loaded->valences, ==, 1u << SP_VALENCE_POSITIVE);
  {
    SpCaseQuery query;

    sp_case_filter_to_query (loaded, &query);
    g_assert_cmpuint (query.channels, ==, 1u << SP_CHANNEL_PHONE);
    g_assert_cmpuint (query.areas, ==, 1u << SP_AREA_PRESCHOOL);
    g_assert_cmpuint (query.valences, ==, 1u << SP_VALENCE_POSITIVE);
  }

  /* A hand-edited setting with wrong types and bad dates is ignored key by
   * key, never trusted. */
  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "kinds", g_variant_new_string ("complaint"));
  g_variant_builder_add (&builder, "{sv}", "from", g_variant_new_string ("2025-02-30"));
  g_variant_builder_add (&builder, "{sv}", "overdue", g_variant_new_int32 (1));
  g_variant_builder_add (&builder, "{sv}", "text", g_variant_new_string ("park"));
  bad = g_variant_ref_sink (g_variant_builder_end (&builder));
  sp_case_filter_load_variant (loaded, bad);
  g_assert_cmpuint (loaded->kinds, ==, 0);
  g_assert_cmpuint (loaded->from, ==, SP_DATE_NONE);
  g_assert_false (loaded->overdue_only);
  g_assert_cmpstr (loaded->text, ==, "park");
  g_assert_null (loaded->unit_id);

  /* Not a dictionary at all: nothing changes. */
  sp_case_filter_load_variant (loaded, g_variant_new_int32 (3));
  g_assert_cmpstr (loaded->text, ==, "park");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/case-filter/variant", test_filter_variant);
  g_test_add ("/app/case-list-model/pages", Fixture, GUINT_TO_POINTER (N_CASES),
              fixture_set_up, test_pages, fixture_tear_down);
  g_test_add ("/app/case-list-model/new-sort", Fixture, GUINT_TO_POINTER (500),
              fixture_set_up, test_new_sort, fixture_tear_down);
  g_test_add ("/app/case-list-model/latest-filter-wins", Fixture, GUINT_TO_POINTER (300),
              fixture_set_up, test_latest_filter_wins, fixture_tear_down);

  return g_test_run ();
}
