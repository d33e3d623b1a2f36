/* test-demo.c: the demo district and its cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include "sp-test-util.h"

#define N_CASES 2000
#define SEED 20251124
#define TODAY "2025-11-24"

typedef struct
{
  char    *dir;
  SpStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = sp_test_store_new (&f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sp_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gint64
count (SpStore    *store,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = sp_store_prepare (store, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

static void
populate (SpStore *store,
          guint    n,
          guint32  seed)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_demo_populate (store, n, seed, &error));
  g_assert_no_error (error);
}

/* An organisation number is NNNNNN-NNNN with a Luhn check digit last. */
static gboolean
org_number_is_valid (const char *text)
{
  int sum = 0;
  int digits = 0;

  if (text == NULL || strlen (text) != 11 || text[6] != '-')
    return FALSE;

  for (int i = 0; i < 11; i++)
    {
      int v;

      if (i == 6)
        continue;
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = text[i] - '0';
      if (digits % 2 == 0 && (v *= 2) > 9)
        v -= 9;
      sum += v;
      digits++;
    }

  return sum % 10 == 0;
}

static void
test_reference_data (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) providers = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GHashTable) user_ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint roles = 0;
  guint n_departments = 0;
  guint n_units = 0;
  static const char * const codes[] = {
    "treatment", "quality", "information", "accessibility", "case_handling",
    "staff_continuity", "premises_environment", "food_meals", "fees", "other",
  };

  populate (f->store, 0, SEED);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases"), ==, 0);

  users = sp_store_load_where (f->store, SP_TYPE_USER, NULL, NULL, NULL);
  units = sp_store_load_where (f->store, SP_TYPE_UNIT, NULL, NULL, NULL);
  providers = sp_store_load_where (f->store, SP_TYPE_PROVIDER, NULL, NULL, NULL);
  categories = sp_store_load_where (f->store, SP_TYPE_CATEGORY, NULL, NULL, NULL);

  /* A user for every role, each with a unit. */
  for (guint i = 0; i < users->len; i++)
    {
      SpUser *user = g_ptr_array_index (users, i);

      roles |= user->roles;
      g_assert_nonnull (user->unit_id);
      g_assert_nonnull (user->display_name);
      g_assert_true (g_str_is_ascii (user->username));
      g_hash_table_add (user_ids, SP_ENTITY (user)->id);
    }
  for (guint role = 0; role < SP_N_ROLES; role++)
    g_assert_true (roles & SP_ROLE_BIT (role));

  /* One administration, six departments, three to six units each, each
   * unit with a manager who is a user with that role. */
  for (guint i = 0; i < units->len; i++)
    {
      SpUnit *unit = g_ptr_array_index (units, i);

      g_assert_true (sp_is_uuid (SP_ENTITY (unit)->id));
      if (unit->kind == SP_UNIT_KIND_DEPARTMENT)
        n_departments++;
      else if (unit->kind == SP_UNIT_KIND_UNIT)
        {
          SpUser *manager = NULL;

          n_units++;
          g_assert_nonnull (unit->parent_id);
          for (guint j = 0; j < users->len; j++)
            if (g_strcmp0 (SP_ENTITY (g_ptr_array_index (users, j))->id, unit->manager_id) == 0)
              manager = g_ptr_array_index (users, j);
          g_assert_nonnull (manager);
          g_assert_true (manager->roles & SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER));
          g_assert_cmpstr (manager->unit_id, ==, SP_ENTITY (unit)->id);
        }
    }
  g_assert_cmpuint (n_departments, ==, 6);
  g_assert_cmpuint (n_units, >=, 18);
  g_assert_cmpuint (n_units, <=, 36);

  g_assert_cmpuint (providers->len, >=, 4);
  for (guint i = 0; i < providers->len; i++)
    {
      SpProvider *provider = g_ptr_array_index (providers, i);

      g_assert_true (org_number_is_valid (provider->org_number));
      g_assert_nonnull (provider->contract_reference);
    }

  g_assert_cmpuint (categories->len, ==, G_N_ELEMENTS (codes));
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(GPtrArray) found = sp_store_load_where (f->store, SP_TYPE_CATEGORY, "code", codes[i], NULL);

      g_assert_cmpuint (found->len, ==, 1);
    }
  {
    g_autoptr(GPtrArray) found = sp_store_load_where (f->store, SP_TYPE_CATEGORY, "code", "staff_continuity", NULL);

    g_assert_cmpstr (SP_CATEGORY (g_ptr_array_index (found, 0))->name, ==, "Personal/kontinuitet");
  }

  /* The check digit test itself refuses a wrong digit. */
  g_assert_true (org_number_is_valid ("556036-0793"));
  g_assert_false (org_number_is_valid ("556036-0794"));
}

static void
assert_json_round_trip (SpEntity *entity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = sp_json_encode (entity, SP_JSON_ENCODE_DEFAULT);
  g_autofree char *text = sp_json_to_string (node, FALSE);
  g_autoptr(JsonNode) parsed = sp_json_parse (text, -1, SP_JSON_MAX_DEPTH, &error);
  g_autoptr(SpEntity) copy = NULL;

  g_assert_no_error (error);
  copy = sp_json_decode_new (G_OBJECT_TYPE (entity), parsed, SP_JSON_DECODE_FULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  sp_test_assert_entities_equal (entity, copy);
}

static void
test_cases (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) investigations = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GHashTable) descriptions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) subjects = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) investigated = g_hash_table_new (g_str_hash, g_str_equal);
  SpDate today = sp_date_today ();
  guint n_old = 0, n_old_closed = 0, n_new = 0, n_new_open = 0;
  guint n_anonymous = 0, n_kinds[3] = { 0 }, n_valences[3] = { 0 };
  guint n_channels[SP_CHANNEL_OTHER_DISTRICT + 1] = { 0 };
  guint n_provider = 0;

  populate (f->store, N_CASES, SEED);

  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases"), ==, N_CASES);

  /* Diary numbers are unique, in the diary, and only for named senders. */
  g_assert_cmpint (count (f->store, "SELECT count(diary_number) FROM cases"), ==,
                   count (f->store, "SELECT count(DISTINCT diary_number) FROM cases"));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM diary"), ==,
                   count (f->store, "SELECT count(diary_number) FROM cases"));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM diary d JOIN cases c ON c.id = d.case_id "
                                    "WHERE c.diary_number = d.number"), ==,
                   count (f->store, "SELECT count(*) FROM diary"));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases WHERE sender_anonymous AND diary_number IS NOT NULL"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases WHERE NOT sender_anonymous "
                                    "AND status <> 'received' AND diary_number IS NULL"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(diary_number) FROM cases"), >, N_CASES / 2);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases WHERE diary_number NOT LIKE 'HVSDN 20__/____%'"), ==, 0);

  /* Each assessed case has its investigation; the search finds Swedish words. */
  investigations = sp_store_load_where (f->store, SP_TYPE_INVESTIGATION, NULL, NULL, NULL);
  for (guint i = 0; i < investigations->len; i++)
    {
      SpInvestigation *inv = g_ptr_array_index (investigations, i);

      g_assert_false (g_hash_table_contains (investigated, inv->case_id));
      g_hash_table_add (investigated, inv->case_id);
      assert_json_round_trip (SP_ENTITY (inv));
    }
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM planned_actions"), >, 0);

  /* The unit manager's letters, in proportion, each sent whole. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM letters WHERE kind = 'final_answer'"), >,
                   count (f->store, "SELECT count(*) FROM cases WHERE feedback_method = 'phone'"));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM letters WHERE kind = 'acknowledgement'"), >, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM letters WHERE body LIKE '%{{%' OR sent_on IS NULL"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM investigations WHERE lex_sarah = 1"), >, 0);
  /* The routine's conditions hold for what the demo made. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases WHERE status = 'closed'"
                                    " AND individual_record = 1 AND individual_record_noted = 0"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases WHERE status IN ('feedback_given', 'closed')"
                                    " AND feedback_on IS NOT NULL AND sender_anonymous = 0"
                                    " AND ifnull (feedback_method, 'none') = 'none'"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases WHERE praise_passed_on IS NOT NULL"), >, 0);

  cases = sp_store_load_where (f->store, SP_TYPE_CASE, NULL, NULL, NULL);
  g_assert_cmpuint (cases->len, ==, N_CASES);

  for (guint i = 0; i < cases->len; i++)
    {
      SpCase *kase = g_ptr_array_index (cases, i);
      int age = (int)today - (int)kase->received_on;

      assert_json_round_trip (SP_ENTITY (kase));

      g_assert_true (sp_is_uuid (SP_ENTITY (kase)->id));
      g_assert_cmpint (age, >=, 0);
      g_assert_cmpint (age, <=, 4 * 366);
      g_assert_nonnull (kase->subject);
      g_assert_nonnull (kase->description);
      g_assert_nonnull (kase->category);
      g_assert_nonnull (kase->deadline_rule);
      g_assert_cmpuint (kase->due_on, >=, kase->received_on);
      g_assert_cmpint (kase->created_at, >, 0);

      /* The workflow's own rules hold. */
      g_assert_cmpint (sp_status_is_open (kase->status), ==, kase->closed_on == SP_DATE_NONE);
      if (kase->closed_on != SP_DATE_NONE)
        {
          g_assert_cmpuint (kase->closed_on, >=, kase->received_on);
          g_assert_cmpuint (kase->closed_on, <=, today);
        }
      if (kase->sender_anonymous)
        {
          n_anonymous++;
          g_assert_null (kase->sender_name);
          g_assert_cmpint (kase->status, !=, SP_STATUS_FEEDBACK_GIVEN);
          g_assert_cmpint (kase->status, !=, SP_STATUS_REGISTERED);
        }
      else
        g_assert_nonnull (kase->sender_name);
      if (kase->status == SP_STATUS_CLOSED && sp_case_needs_feedback (kase))
        g_assert_cmpuint (kase->feedback_on, !=, SP_DATE_NONE);
      if (kase->status == SP_STATUS_FEEDBACK_GIVEN)
        g_assert_cmpuint (kase->feedback_on, !=, SP_DATE_NONE);
      if (kase->kind == SP_CASE_KIND_CITIZEN_PROPOSAL)
        g_assert_true (kase->status == SP_STATUS_RECEIVED || kase->status == SP_STATUS_OTHER_ROUTINE);
      if (kase->status == SP_STATUS_AWAITING_PROVIDER)
        g_assert_cmpint (kase->concerns, ==, SP_CONCERNS_PROVIDER);
      if (kase->concerns == SP_CONCERNS_PROVIDER)
        {
          g_assert_nonnull (kase->provider_id);
          n_provider++;
        }
      if (kase->channel == SP_CHANNEL_IVO || kase->channel == SP_CHANNEL_SKOLINSPEKTIONEN)
        {
          g_assert_nonnull (kase->authority_reference);
          g_assert_cmpstr (kase->deadline_rule, ==, "given-date");
          g_assert_cmpuint (kase->due_on, ==, kase->given_due_on);
        }
      if (kase->status >= SP_STATUS_ASSESSED && kase->status <= SP_STATUS_CLOSED &&
          kase->kind != SP_CASE_KIND_CITIZEN_PROPOSAL)
        g_assert_true (g_hash_table_contains (investigated, SP_ENTITY (kase)->id));

      /* Older cases are mostly closed, recent ones mostly open. */
      if (age > 180)
        {
          n_old++;
          n_old_closed += !sp_status_is_open (kase->status);
        }
      if (age <= 14)
        {
          n_new++;
          n_new_open += sp_status_is_open (kase->status);
        }

      n_kinds[kase->kind]++;
      n_valences[kase->valence]++;
      n_channels[kase->channel]++;
      g_hash_table_add (descriptions, kase->description);
      g_hash_table_add (subjects, kase->subject);
    }

  g_assert_cmpuint (n_old, >, N_CASES / 2);
  g_assert_cmpuint (n_old_closed * 100, >=, n_old * 95);
  g_assert_cmpuint (n_new, >, 0);
  g_assert_cmpuint (n_new_open * 100, >=, n_new * 70);

  /* A realistic mix. */
  g_assert_cmpuint (n_anonymous, >, N_CASES / 20);
  g_assert_cmpuint (n_anonymous, <, N_CASES / 2);
  for (guint k = 0; k < 3; k++)
    g_assert_cmpuint (n_kinds[k], >, 0);
  for (guint v = 0; v < 3; v++)
    g_assert_cmpuint (n_valences[v], >, N_CASES / 20);
  for (guint c = 0; c < G_N_ELEMENTS (n_channels); c++)
    g_assert_cmpuint (n_channels[c], >, 0);
  g_assert_cmpuint (n_provider, >, 0);

  /* Composed text is varied. */
  g_assert_cmpuint (g_hash_table_size (descriptions), >=, N_CASES * 9 / 10);
  g_assert_cmpuint (g_hash_table_size (subjects), >=, 100);

  /* Every recorded change of state is one the workflow allows. */
  events = sp_store_load_where (f->store, SP_TYPE_CASE_EVENT, "kind", "status_changed", NULL);
  g_assert_cmpuint (events->len, >, N_CASES / 2);
  for (guint i = 0; i < events->len; i++)
    {
      SpCaseEvent *event = g_ptr_array_index (events, i);
      int from = -1, to = -1;

      g_assert_true (sp_enum_from_name (&sp_status_info, event->old_value, &from));
      g_assert_true (sp_enum_from_name (&sp_status_info, event->new_value, &to));
      if (sp_workflow_get_roles (from, to) == 0)
        g_error ("%s → %s is not a transition", event->old_value, event->new_value);
      g_assert_nonnull (event->actor_id);
    }
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM case_events WHERE kind = 'created'"), ==, N_CASES);
}

static char *
dump_cases (SpStore *store)
{
  g_autoptr(GPtrArray) cases = sp_store_load_where (store, SP_TYPE_CASE, NULL, NULL, NULL);
  g_autoptr(GPtrArray) investigations = sp_store_load_where (store, SP_TYPE_INVESTIGATION, NULL, NULL, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < cases->len; i++)
    {
      g_autoptr(JsonNode) node = sp_json_encode (g_ptr_array_index (cases, i), SP_JSON_ENCODE_DEFAULT);
      g_autofree char *text = sp_json_to_string (node, FALSE);

      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < investigations->len; i++)
    {
      g_autoptr(JsonNode) node = sp_json_encode (g_ptr_array_index (investigations, i), SP_JSON_ENCODE_DEFAULT);
      g_autofree char *text = sp_json_to_string (node, FALSE);

      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* Providers of every contract form, contract issues at each step of their
 * life cycle, and one provider with a pattern. */
static void
test_contract_issues (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(GPtrArray) providers = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;
  guint forms[3] = { 0 };
  guint statuses[SP_CONTRACT_ISSUE_CLOSED + 1] = { 0 };
  guint penalties = 0;
  guint signals = 0;

  populate (store, 3000, 11);
  providers = sp_store_load_where (store, SP_TYPE_PROVIDER, NULL, NULL, &error);
  for (guint i = 0; i < providers->len; i++)
    {
      SpProvider *provider = providers->pdata[i];
      g_autoptr(SpProviderFigures) figures = sp_provider_figures_compute (store, SP_ENTITY (provider)->id,
                                                                          SP_DATE_NONE, &error);

      g_assert_no_error (error);
      forms[provider->contract_form]++;
      g_assert_nonnull (provider->contact_person);
      g_assert_cmpint (provider->contract_starts_on, !=, SP_DATE_NONE);
      signals += figures->signal;
    }
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    g_assert_cmpuint (forms[i], >, 0);
  g_assert_cmpuint (signals, >=, 1);

  issues = sp_store_list_contract_issues (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issues->len, >=, 10);
  for (guint i = 0; i < issues->len; i++)
    {
      SpContractIssue *issue = issues->pdata[i];

      g_assert_true (sp_contract_issue_validate (issue, &error));
      g_assert_no_error (error);
      g_assert_nonnull (issue->routed_to);
      statuses[issue->status]++;
      penalties += issue->sanction_kind == SP_SANCTION_PENALTY;
    }
  g_assert_cmpuint (statuses[SP_CONTRACT_ISSUE_CLOSED], >, 0);
  g_assert_cmpuint (statuses[SP_CONTRACT_ISSUE_CLOSED], <, issues->len);
  g_test_message ("%u issues, %u closed, %u penalties", issues->len, statuses[SP_CONTRACT_ISSUE_CLOSED], penalties);
  g_assert_cmpuint (penalties, >, 0);
}

static void
test_deterministic (void)
{
  g_autofree char *dir_a = NULL;
  g_autofree char *dir_b = NULL;
  g_autofree char *dir_c = NULL;
  g_autoptr(SpStore) a = sp_test_store_new (&dir_a);
  g_autoptr(SpStore) b = sp_test_store_new (&dir_b);
  g_autoptr(SpStore) c = sp_test_store_new (&dir_c);
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;
  g_autofree char *dump_c = NULL;

  populate (a, 300, SEED);
  populate (b, 300, SEED);
  populate (c, 300, SEED + 1);

  dump_a = dump_cases (a);
  dump_b = dump_cases (b);
  dump_c = dump_cases (c);
  g_assert_cmpstr (dump_a, ==, dump_b);
  g_assert_cmpstr (dump_a, !=, dump_c);

  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&c);
  sp_test_remove_dir (dir_a);
  sp_test_remove_dir (dir_b);
  sp_test_remove_dir (dir_c);
}

static void
test_twice (Fixture       *f,
            gconstpointer  data)
{
  gint64 units, users, providers;

  populate (f->store, 200, SEED);
  units = count (f->store, "SELECT count(*) FROM units");
  users = count (f->store, "SELECT count(*) FROM users");
  providers = count (f->store, "SELECT count(*) FROM providers");

  /* The same seed again adds cases, never the organisation twice. */
  populate (f->store, 200, SEED);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases"), ==, 400);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM units"), ==, units);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM users"), ==, users);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM providers"), ==, providers);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM categories"), ==, 10);
  g_assert_cmpint (count (f->store, "SELECT count(diary_number) FROM cases"), ==,
                   count (f->store, "SELECT count(DISTINCT diary_number) FROM cases"));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM diary"), ==,
                   count (f->store, "SELECT count(diary_number) FROM cases"));
}

static void
test_settings_kept (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *name = NULL;

  /* An organisation that chose its own prefix and name keeps them. */
  g_assert_true (sp_store_set_setting (f->store, "diary.prefix", "NODN", NULL));
  g_assert_true (sp_store_set_setting (f->store, "organisation.name", "Norrmalms stadsdelsförvaltning", NULL));
  populate (f->store, 100, SEED);

  name = sp_store_dup_setting (f->store, "organisation.name");
  g_assert_cmpstr (name, ==, "Norrmalms stadsdelsförvaltning");
  g_assert_cmpint (count (f->store, "SELECT count(diary_number) FROM cases"), >, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases WHERE diary_number NOT LIKE 'NODN 20__/____%'"), ==, 0);
}

static void
test_existing_organisation (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SpUnit) unit = sp_unit_new ();
  g_autoptr(GPtrArray) cases = NULL;

  /* A district that already has its own (tiny) organisation: the demo adds
   * cases to it and invents no units, users or providers. */
  unit->name = g_strdup ("Enheten");
  unit->kind = SP_UNIT_KIND_UNIT;
  unit->area = SP_AREA_PRESCHOOL;
  g_assert_true (sp_store_save (f->store, SP_ENTITY (unit), SP_SAVE_DEFAULT, NULL, NULL));

  populate (f->store, 50, SEED);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM units"), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM users"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM providers"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM categories"), ==, 10);

  cases = sp_store_load_where (f->store, SP_TYPE_CASE, NULL, NULL, NULL);
  g_assert_cmpuint (cases->len, ==, 50);
  for (guint i = 0; i < cases->len; i++)
    {
      SpCase *kase = g_ptr_array_index (cases, i);

      g_assert_cmpstr (kase->unit_id, ==, SP_ENTITY (unit)->id);
      g_assert_null (kase->provider_id);
      assert_json_round_trip (SP_ENTITY (kase));
    }
}

static void
test_failure_rolls_back (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* A store that fails part-way (a disk that fills, say): nothing of the
   * demo may be left behind. */
  g_assert_true (sp_store_exec (f->store,
                                "CREATE TRIGGER fail_demo BEFORE INSERT ON cases "
                                "WHEN (SELECT count(*) FROM cases) >= 50 "
                                "BEGIN SELECT RAISE (ABORT, 'simulated failure'); END",
                                &error));
  g_assert_no_error (error);

  g_assert_false (sp_demo_populate (f->store, 200, SEED, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == SP_ERROR);
  g_assert_nonnull (strstr (error->message, "simulated failure"));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM units"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM users"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM diary"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM settings WHERE key = 'organisation.name'"), ==, 0);

  /* …and the store still works afterwards. */
  g_assert_true (sp_store_exec (f->store, "DROP TRIGGER fail_demo", NULL));
  populate (f->store, 60, SEED);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases"), ==, 60);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  /* Deadlines and the states of cases depend on the day. */
  g_setenv ("SYNPUNKT_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/demo/reference-data", Fixture, NULL, fixture_set_up, test_reference_data, fixture_tear_down);
  g_test_add ("/demo/cases", Fixture, NULL, fixture_set_up, test_cases, fixture_tear_down);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/contract-issues", test_contract_issues);
  g_test_add ("/demo/twice", Fixture, NULL, fixture_set_up, test_twice, fixture_tear_down);
  g_test_add ("/demo/existing-organisation", Fixture, NULL, fixture_set_up, test_existing_organisation,
              fixture_tear_down);
  g_test_add ("/demo/settings-kept", Fixture, NULL, fixture_set_up, test_settings_kept, fixture_tear_down);
  g_test_add ("/demo/failure-rolls-back", Fixture, NULL, fixture_set_up, test_failure_rolls_back,
              fixture_tear_down);

  return g_test_run ();
}
