/* test-entity.c: field tables, copies, text values, enums
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-test-util.h"

static void
test_tables_are_sound (void)
{
  guint n;
  GType *types = sp_test_entity_types (&n);

  for (guint t = 0; t < n; t++)
    {
      const SpEntityInfo *info = sp_entity_info_for_type (types[t]);
      g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_nonnull (info);
      g_assert_cmpstr (info->fields[0].name, ==, "id");
      for (guint i = 0; i < info->n_fields; i++)
        {
          const SpField *field = &info->fields[i];

          /* Column names are unique, lower snake_case. */
          g_assert_false (g_hash_table_contains (names, field->name));
          g_hash_table_add (names, (gpointer)field->name);
          for (const char *p = field->name; *p; p++)
            g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_');
          if (field->type == SP_FIELD_ENUM || field->type == SP_FIELD_FLAGS)
            g_assert_nonnull (field->enum_info);
          g_assert_true ((field->group == NULL) == (field->member == NULL));
        }
    }
}

static void
test_copy (void)
{
  guint n;
  GType *types = sp_test_entity_types (&n);

  for (guint t = 0; t < n; t++)
    {
      g_autoptr(SpEntity) entity = sp_entity_new (types[t]);
      g_autoptr(SpEntity) copy = NULL;

      sp_test_fill_entity (entity, t);
      copy = sp_entity_copy (entity);
      sp_test_assert_entities_equal (entity, copy);
    }
}

static void
test_text_round_trip (void)
{
  g_autoptr(SpCase) kase = sp_case_new ();
  g_autoptr(SpCase) back = sp_case_new ();
  const SpEntityInfo *info = &sp_case_info;

  sp_test_fill_entity (SP_ENTITY (kase), 3);
  for (guint i = 0; i < info->n_fields; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = sp_entity_field_to_string (SP_ENTITY (kase), &info->fields[i]);

      sp_entity_field_from_string (SP_ENTITY (back), &info->fields[i], text, &error);
      g_assert_no_error (error);
    }
  sp_test_assert_entities_equal (SP_ENTITY (kase), SP_ENTITY (back));
}

static void
test_text_refused (void)
{
  g_autoptr(SpCase) kase = sp_case_new ();
  const SpField *received = sp_entity_info_lookup (&sp_case_info, "received_on");
  const SpField *kind = sp_entity_info_lookup (&sp_case_info, "kind");
  const SpField *unit = sp_entity_info_lookup (&sp_case_info, "unit_id");
  g_autoptr(GError) error = NULL;

  g_assert_false (sp_entity_field_from_string (SP_ENTITY (kase), received, "2025-02-30", &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  g_assert_cmpstr (sp_error_get_field (error), ==, "received_on");
  g_clear_error (&error);

  g_assert_false (sp_entity_field_from_string (SP_ENTITY (kase), kind, "banana", &error));
  g_assert_cmpstr (sp_error_get_field (error), ==, "kind");
  g_clear_error (&error);

  g_assert_false (sp_entity_field_from_string (SP_ENTITY (kase), unit, "not-a-uuid", &error));
  g_assert_cmpstr (sp_error_get_field (error), ==, "unit_id");
}

static void
test_enums (void)
{
  const SpEnumInfo *infos[] = {
    &sp_case_kind_info, &sp_valence_info, &sp_channel_info, &sp_status_info,
    &sp_relation_info, &sp_concerns_info, &sp_area_info, &sp_role_info,
    &sp_assessment_info, &sp_contract_form_info, &sp_unit_kind_info, &sp_event_kind_info,
    &sp_letter_kind_info, &sp_letter_method_info, &sp_language_info,
    &sp_disclosure_decision_info, &sp_contract_issue_status_info, &sp_sanction_kind_info,
    &sp_secrecy_part_info, &sp_review_verdict_info,
  };
  int v;

  for (guint i = 0; i < G_N_ELEMENTS (infos); i++)
    for (guint j = 0; j < infos[i]->n_values; j++)
      {
        g_assert_true (sp_enum_from_name (infos[i], infos[i]->values[j].name, &v));
        g_assert_cmpint (v, ==, j);
        g_assert_cmpstr (sp_enum_to_name (infos[i], v), ==, infos[i]->values[j].name);
        g_assert_cmpstr (sp_enum_get_label (infos[i], v), !=, "");
      }

  /* The names architecture.md fixes for the API. */
  g_assert_cmpstr (sp_enum_to_name (&sp_case_kind_info, SP_CASE_KIND_CITIZEN_PROPOSAL), ==,
                   "citizen_proposal");
  g_assert_cmpstr (sp_enum_to_name (&sp_channel_info, SP_CHANNEL_TYCK_TILL_APP), ==,
                   "tyck_till_app");
  g_assert_cmpstr (sp_enum_to_name (&sp_status_info, SP_STATUS_AWAITING_PROVIDER), ==,
                   "awaiting_provider");
  g_assert_cmpstr (sp_enum_to_name (&sp_role_info, SP_ROLE_UNIT_MANAGER), ==, "unit_manager");
  g_assert_false (sp_enum_from_name (&sp_status_info, "Received", NULL));
  g_assert_false (sp_enum_from_name (&sp_status_info, NULL, NULL));
  g_assert_null (sp_enum_to_name (&sp_status_info, 99));
  g_assert_null (sp_enum_to_name (&sp_status_info, -1));
}

static void
test_case_deadline (void)
{
  g_autoptr(SpCase) kase = sp_test_case_new ("Deadline", NULL);
  SpDeadlineConfig config;

  sp_deadline_config_init_default (&config);

  /* 2025-03-03 + 14 calendar days = Monday 2025-03-17. */
  g_assert_true (sp_case_update_deadline (kase, &config, NULL));
  g_assert_cmpstr (kase->deadline_rule, ==, "calendar-days:14");
  g_assert_cmpuint (kase->due_on, ==, sp_date_new (2025, 3, 17));
  g_assert_cmpint (sp_case_get_days_left (kase, sp_date_new (2025, 3, 10)), ==, 7);
  g_assert_false (sp_case_is_overdue (kase, sp_date_new (2025, 3, 17)));
  g_assert_true (sp_case_is_overdue (kase, sp_date_new (2025, 3, 18)));
  g_assert_true (sp_case_delay_notice_owed (kase, sp_date_new (2025, 3, 18)));
  kase->delay_notice_on = sp_date_new (2025, 3, 18);
  g_assert_false (sp_case_delay_notice_owed (kase, sp_date_new (2025, 3, 19)));

  /* Feedback given: no longer overdue. */
  kase->status = SP_STATUS_FEEDBACK_GIVEN;
  g_assert_false (sp_case_is_overdue (kase, sp_date_new (2025, 4, 18)));
  kase->status = SP_STATUS_INVESTIGATING;

  /* City environment: 3 days, from Friday 2025-06-13 → Monday 2025-06-16. */
  kase->channel = SP_CHANNEL_TYCK_TILL_APP;
  kase->received_on = sp_date_new (2025, 6, 13);
  g_assert_true (sp_case_update_deadline (kase, &config, NULL));
  g_assert_cmpstr (kase->deadline_rule, ==, "calendar-days:3");
  g_assert_cmpuint (kase->due_on, ==, sp_date_new (2025, 6, 16));

  /* IVO's own date wins. */
  kase->channel = SP_CHANNEL_IVO;
  kase->given_due_on = sp_date_new (2025, 7, 1);
  g_assert_true (sp_case_update_deadline (kase, &config, NULL));
  g_assert_cmpstr (kase->deadline_rule, ==, "given-date");
  g_assert_cmpuint (kase->due_on, ==, sp_date_new (2025, 7, 1));

  /* Norrmalm counts working days: 14 from 2025-04-14 skips Easter. */
  g_assert_true (sp_deadline_config_set (&config, "investigation", "working-days:14", NULL));
  kase->channel = SP_CHANNEL_LETTER;
  kase->given_due_on = SP_DATE_NONE;
  kase->received_on = sp_date_new (2025, 4, 14);
  g_assert_true (sp_case_update_deadline (kase, &config, NULL));
  g_assert_cmpuint (kase->due_on, ==, sp_date_new (2025, 5, 7));
}

static void
test_case_rules (void)
{
  g_autoptr(SpCase) kase = sp_test_case_new ("Rules", NULL);
  g_autofree char *uuid = g_uuid_string_random ();

  g_assert_true (sp_case_can_be_registered (kase));
  g_assert_true (sp_case_needs_feedback (kase));

  kase->kind = SP_CASE_KIND_OPINION;
  kase->sender_wants_feedback = FALSE;
  g_assert_false (sp_case_needs_feedback (kase));

  kase->sender_anonymous = TRUE;
  g_assert_false (sp_case_can_be_registered (kase));

  sp_case_redact_personal_data (kase);
  g_assert_null (kase->sender_name);
  g_assert_null (kase->sender_email);
  g_assert_true (kase->sender_anonymous);
  g_assert_cmpstr (kase->subject, ==, "Rules");

  g_assert_true (sp_is_uuid (uuid));
  g_assert_false (sp_is_uuid ("x"));
  g_assert_false (sp_is_uuid (NULL));
}

static GType
expected_value_type (const SpField *field)
{
  switch (field->type)
    {
    case SP_FIELD_STRING: return G_TYPE_STRING;
    case SP_FIELD_INT:
    case SP_FIELD_TIMESTAMP: return G_TYPE_INT64;
    case SP_FIELD_BOOL: return G_TYPE_BOOLEAN;
    case SP_FIELD_DATE:
    case SP_FIELD_FLAGS: return G_TYPE_UINT;
    case SP_FIELD_ENUM: return G_TYPE_INT;
    default: g_assert_not_reached ();
    }
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 GHashTable *counts)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name));

  g_hash_table_insert (counts, (gpointer)pspec->name, GUINT_TO_POINTER (n + 1));
}

/* Every field of every entity is a read-only property of the right type
 * that holds the field's value and notifies when the value changes. */
static void
test_properties (void)
{
  guint n;
  GType *types = sp_test_entity_types (&n);

  for (guint t = 0; t < n; t++)
    {
      g_autoptr(SpEntity) entity = sp_entity_new (types[t]);
      g_autoptr(SpEntity) other = sp_entity_new (types[t]);
      g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
      const SpEntityInfo *info = sp_entity_get_info (entity);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs;

      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (entity), &n_pspecs);
      g_assert_cmpuint (n_pspecs, ==, info->n_fields);

      sp_test_fill_entity (entity, t);
      g_signal_connect (other, "notify", G_CALLBACK (count_notify_cb), counts);

      for (guint i = 0; i < info->n_fields; i++)
        {
          const SpField *field = &info->fields[i];
          g_autofree char *name = g_strdelimit (g_strdup (field->name), "_", '-');
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (entity), name);
          g_auto(GValue) value = G_VALUE_INIT;
          g_autofree char *as_text = NULL;
          g_autofree char *expected = NULL;

          g_assert_nonnull (pspec);
          g_assert_true (pspec == sp_entity_find_field_pspec (entity, field));
          /* The column's own name finds it too, as <lookup> in a .ui does. */
          g_assert_true (pspec == g_object_class_find_property (G_OBJECT_GET_CLASS (entity),
                                                                field->name));
          g_assert_true (G_PARAM_SPEC_VALUE_TYPE (pspec) == expected_value_type (field));
          g_assert_true (pspec->flags & G_PARAM_READABLE);
          g_assert_false (pspec->flags & G_PARAM_WRITABLE);

          g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
          g_object_get_property (G_OBJECT (entity), name, &value);
          if (field->type == SP_FIELD_STRING)
            g_assert_cmpstr (g_value_get_string (&value), ==, sp_entity_get_string (entity, field));
          else
            {
              expected = g_strdup_printf ("%" G_GINT64_FORMAT, sp_entity_get_int (entity, field));
              switch (field->type)
                {
                case SP_FIELD_INT:
                case SP_FIELD_TIMESTAMP:
                  as_text = g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value));
                  break;
                case SP_FIELD_BOOL:
                  as_text = g_strdup_printf ("%d", g_value_get_boolean (&value));
                  break;
                case SP_FIELD_DATE:
                case SP_FIELD_FLAGS:
                  as_text = g_strdup_printf ("%u", g_value_get_uint (&value));
                  break;
                case SP_FIELD_ENUM:
                  as_text = g_strdup_printf ("%d", g_value_get_int (&value));
                  break;
                default:
                  g_assert_not_reached ();
                }
              g_assert_cmpstr (as_text, ==, expected);
            }

          /* A change notifies once; setting the same value again does not. */
          sp_entity_field_copy (other, entity, field);
          sp_entity_field_copy (other, entity, field);
          g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name)), ==,
                            sp_entity_field_is_set (entity, field) ? 1 : 0);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entity/tables", test_tables_are_sound);
  g_test_add_func ("/entity/copy", test_copy);
  g_test_add_func ("/entity/text/round-trip", test_text_round_trip);
  g_test_add_func ("/entity/text/refused", test_text_refused);
  g_test_add_func ("/entity/enums", test_enums);
  g_test_add_func ("/entity/properties", test_properties);
  g_test_add_func ("/entity/case/deadline", test_case_deadline);
  g_test_add_func ("/entity/case/rules", test_case_rules);

  return g_test_run ();
}
