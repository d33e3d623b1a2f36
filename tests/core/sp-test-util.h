/* sp-test-util.h: shared helpers of the core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>

#include "synpunkt-core.h"

#include "../sp-test-dir.h"

/* A fresh store in a new temporary folder; the folder's path is returned
 * in @dir_out so that the test can reopen or remove it. */
static inline SpStore *
sp_test_store_new (char **dir_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sp_test_dir_new ("test");
  g_autofree char *path = NULL;
  SpStore *store;

  path = g_build_filename (dir, "test.db", NULL);
  store = sp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  if (dir_out != NULL)
    *dir_out = g_steal_pointer (&dir);

  return store;
}

/* How many cases a full-text search for @text finds. */
static inline gint64
sp_test_count_found (SpStore    *store,
                     const char *text)
{
  SpCaseQuery query;

  sp_case_query_init (&query);
  query.text = text;
  return sp_store_count_cases (store, &query, NULL);
}

/* Gives every field of @entity a value that is not its default, with SQL
 * and JSON metacharacters and Swedish letters in every string. */
static inline void
sp_test_fill_entity (SpEntity *entity,
                     guint     salt)
{
  const SpEntityInfo *info = sp_entity_get_info (entity);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];

      if (field->flags & SP_FIELD_COMPUTED)
        continue;

      switch (field->type)
        {
        case SP_FIELD_STRING:
          if (field->flags & SP_FIELD_UUID)
            {
              g_autofree char *uuid = g_uuid_string_random ();
              sp_entity_set_string (entity, field, uuid);
            }
          else
            {
              g_autofree char *v = g_strdup_printf ("'; DROP TABLE cases; -- \"åäö\" %% _ %u",
                                                    salt + i);
              if (field->max_length > 0 && g_utf8_strlen (v, -1) > field->max_length)
                v[field->max_length] = 0;
              sp_entity_set_string (entity, field, v);
            }
          break;
        case SP_FIELD_INT:
          sp_entity_set_int (entity, field, 1000 + salt + i);
          break;
        case SP_FIELD_BOOL:
          sp_entity_set_int (entity, field, TRUE);
          break;
        case SP_FIELD_DATE:
          sp_entity_set_int (entity, field, sp_date_new (2025, 1 + (salt + i) % 12, 1 + i % 28));
          break;
        case SP_FIELD_TIMESTAMP:
          sp_entity_set_int (entity, field, G_GINT64_CONSTANT (1735689600123456) + i);
          break;
        case SP_FIELD_ENUM:
          sp_entity_set_int (entity, field, (salt + i) % field->enum_info->n_values);
          break;
        case SP_FIELD_FLAGS:
          sp_entity_set_int (entity, field, 0x5 & ((1u << field->enum_info->n_values) - 1));
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static inline void
sp_test_assert_entities_equal (SpEntity *a,
                               SpEntity *b)
{
  const SpEntityInfo *info = sp_entity_get_info (a);

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];

      if (field->flags & SP_FIELD_COMPUTED)
        continue;
      if (!sp_entity_field_equal (a, b, field))
        {
          g_autofree char *va = sp_entity_field_to_string (a, field);
          g_autofree char *vb = sp_entity_field_to_string (b, field);
          g_error ("%s.%s differs: %s != %s", info->name, field->name, va, vb);
        }
    }
}

static inline GType *
sp_test_entity_types (guint *n)
{
  static GType types[14];

  types[0] = SP_TYPE_CASE;
  types[1] = SP_TYPE_CASE_EVENT;
  types[2] = SP_TYPE_UNIT;
  types[3] = SP_TYPE_USER;
  types[4] = SP_TYPE_PROVIDER;
  types[5] = SP_TYPE_CATEGORY;
  types[6] = SP_TYPE_INVESTIGATION;
  types[7] = SP_TYPE_PLANNED_ACTION;
  types[8] = SP_TYPE_LETTER;
  types[9] = SP_TYPE_DISCLOSURE_REQUEST;
  types[10] = SP_TYPE_CONTRACT_ISSUE;
  types[11] = SP_TYPE_SECRECY_MARKING;
  types[12] = SP_TYPE_CONTRACT_ISSUE_CASE;
  types[13] = SP_TYPE_UNIT_COMPILATION;
  *n = G_N_ELEMENTS (types);
  return types;
}

/* A valid new case about @unit_id. */
static inline SpCase *
sp_test_case_new (const char *subject,
                  const char *unit_id)
{
  SpCase *kase = sp_case_new ();

  kase->kind = SP_CASE_KIND_COMPLAINT;
  kase->channel = SP_CHANNEL_EMAIL;
  kase->received_on = sp_date_new (2025, 3, 3);
  kase->subject = g_strdup (subject);
  kase->description = g_strdup ("En beskrivning");
  kase->sender_name = g_strdup ("Anna Andersson");
  kase->sender_email = g_strdup ("anna@example.se");
  kase->sender_wants_feedback = TRUE;
  kase->unit_id = g_strdup (unit_id);
  return kase;
}
