/* sp-sync-push.c: building batches from the outbox and applying answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-sync"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-sync-private.h"

#define MAX_CHANGES 200

void
_sp_push_step_free (SpPushStep *step)
{
  if (step == NULL)
    return;
  g_clear_pointer (&step->body, json_node_unref);
  g_clear_pointer (&step->entries, g_ptr_array_unref);
  g_free (step->case_id);
  g_free (step->to);
  g_free (step);
}

static const SpField *
field_by_path (const SpEntityInfo *info,
               const char         *path)
{
  for (guint i = 0; i < info->n_fields; i++)
    {
      g_autofree char *p = sp_field_dup_path (&info->fields[i]);

      if (g_strcmp0 (p, path) == 0)
        return &info->fields[i];
    }

  return NULL;
}

/* Sets @value at the field's place in @fields, nesting grouped fields. */
static void
set_field (JsonObject    *fields,
           const SpField *field,
           JsonNode      *value)
{
  if (field->group != NULL)
    {
      if (!json_object_has_member (fields, field->group))
        json_object_set_object_member (fields, field->group, json_object_new ());
      json_object_set_member (json_object_get_object_member (fields, field->group),
                              field->member, value);
    }
  else
    json_object_set_member (fields, field->name, value);
}

/* The record created here, as the server takes it: without what the
 * server keeps. */
static JsonNode *
create_fields (GType       type,
               const char *value,
               GError    **error)
{
  g_autoptr(JsonNode) node = sp_json_parse (value, -1, SP_JSON_MAX_DEPTH, error);
  g_autoptr(SpEntity) entity = NULL;
  const SpEntityInfo *info;
  JsonObject *fields;
  JsonNode *out;

  if (node == NULL || !(entity = sp_json_decode_new (type, node, SP_JSON_DECODE_FULL, error)))
    return NULL;

  info = sp_entity_get_info (entity);
  fields = json_object_new ();
  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];

      if (field->flags & (SP_FIELD_SERVER | SP_FIELD_COMPUTED))
        continue;
      if (!sp_entity_field_is_set (entity, field) && !(field->flags & SP_FIELD_REQUIRED) &&
          field->type != SP_FIELD_ENUM && field->type != SP_FIELD_BOOL)
        continue;
      set_field (fields, field, sp_json_encode_field (entity, field));
    }

  out = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (out, fields);
  return out;
}

static gboolean
add_change (JsonArray      *changes,
            GPtrArray      *group,
            GError        **error)
{
  SpOutboxEntry *first = group->pdata[0];
  GType type = sp_entity_type_from_name (first->entity);
  const SpEntityInfo *info;
  JsonObject *change;
  JsonObject *fields;

  if (type == G_TYPE_INVALID)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_CORRUPT, "Unknown entity %s in the outbox",
                   first->entity);
      return FALSE;
    }
  info = sp_entity_info_for_type (type);

  change = json_object_new ();
  json_object_set_string_member (change, "entity", first->entity);
  json_object_set_string_member (change, "id", first->record_id);

  if (strcmp (first->field, SP_OUTBOX_DELETE) == 0)
    {
      json_object_set_string_member (change, "op", "delete");
      json_object_set_int_member (change, "base_rev", first->base_rev);
    }
  else if (first->field[0] == 0)
    {
      JsonNode *node = create_fields (type, first->value, error);

      if (node == NULL)
        {
          json_object_unref (change);
          return FALSE;
        }
      json_object_set_string_member (change, "op", "create");
      json_object_set_member (change, "fields", node);
    }
  else
    {
      fields = json_object_new ();
      for (guint i = 0; i < group->len; i++)
        {
          SpOutboxEntry *entry = group->pdata[i];
          const SpField *field = sp_entity_info_lookup (info, entry->field);
          JsonNode *value;

          if (field == NULL || !(value = sp_json_parse (entry->value, -1, SP_JSON_MAX_DEPTH, NULL)))
            continue;
          set_field (fields, field, value);
        }
      json_object_set_string_member (change, "op", "update");
      json_object_set_int_member (change, "base_rev", first->base_rev);
      json_object_set_object_member (change, "fields", fields);
    }

  json_array_add_object_element (changes, change);
  return TRUE;
}

static SpOutboxEntry *
entry_copy (const SpOutboxEntry *e)
{
  SpOutboxEntry *copy = g_new0 (SpOutboxEntry, 1);

  copy->seq = e->seq;
  copy->entity = g_strdup (e->entity);
  copy->record_id = g_strdup (e->record_id);
  copy->field = g_strdup (e->field);
  copy->base_rev = e->base_rev;
  copy->value = g_strdup (e->value);
  return copy;
}

static gboolean
same_change (const SpOutboxEntry *a,
             const SpOutboxEntry *b)
{
  /* A creation is a change of its own; patches of one record on the same
   * revision go together. */
  return a->field[0] != 0 && b->field[0] != 0 &&
         strcmp (a->field, SP_OUTBOX_DELETE) != 0 && strcmp (b->field, SP_OUTBOX_DELETE) != 0 &&
         strcmp (a->entity, b->entity) == 0 && strcmp (a->record_id, b->record_id) == 0 &&
         a->base_rev == b->base_rev;
}

/* The batch that was sent and not yet answered is kept in the settings, so
 * that a retry after a lost answer sends the very same batch. */
static gboolean
remember_batch (SpStore     *store,
                SpPushStep  *step,
                GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *body = sp_json_to_string (step->body, FALSE);
  g_autofree char *entries = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < step->entries->len; i++)
    {
      SpOutboxEntry *e = step->entries->pdata[i];

      json_builder_begin_array (builder);
      if (e != NULL)
        {
          json_builder_add_int_value (builder, e->seq);
          json_builder_add_string_value (builder, e->entity);
          json_builder_add_string_value (builder, e->record_id);
          json_builder_add_string_value (builder, e->field);
          json_builder_add_int_value (builder, e->base_rev);
          json_builder_add_string_value (builder, e->value);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  node = json_builder_get_root (builder);
  entries = sp_json_to_string (node, FALSE);

  return sp_store_set_setting (store, "sync.batch", body, error) &&
         sp_store_set_setting (store, "sync.batch_entries", entries, error);
}

static SpPushStep *
resume_batch (SpStore *store)
{
  g_autofree char *body = sp_store_dup_setting (store, "sync.batch");
  g_autofree char *entries = sp_store_dup_setting (store, "sync.batch_entries");
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(SpPushStep) step = NULL;
  JsonArray *array;

  if (body == NULL || *body == 0 || entries == NULL)
    return NULL;

  step = g_new0 (SpPushStep, 1);
  step->kind = SP_PUSH_BATCH;
  step->entries = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_outbox_entry_free);
  if (!(step->body = sp_json_parse (body, -1, SP_JSON_MAX_DEPTH, NULL)) ||
      !(list = sp_json_parse (entries, -1, SP_JSON_MAX_DEPTH, NULL)) ||
      !JSON_NODE_HOLDS_ARRAY (list))
    return NULL;

  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonArray *e = json_array_get_array_element (array, i);
      SpOutboxEntry *entry;

      if (json_array_get_length (e) == 0)
        {
          g_ptr_array_add (step->entries, NULL);
          continue;
        }
      entry = g_new0 (SpOutboxEntry, 1);
      entry->seq = json_array_get_int_element (e, 0);
      entry->entity = g_strdup (json_array_get_string_element (e, 1));
      entry->record_id = g_strdup (json_array_get_string_element (e, 2));
      entry->field = g_strdup (json_array_get_string_element (e, 3));
      entry->base_rev = json_array_get_int_element (e, 4);
      entry->value = g_strdup (json_array_get_string_element (e, 5));
      g_ptr_array_add (step->entries, entry);
    }

  return g_steal_pointer (&step);
}

SpPushStep *
_sp_sync_next_push (SpStore  *store,
                    GError  **error)
{
  g_autoptr(GPtrArray) outbox = NULL;
  g_autoptr(SpPushStep) step = NULL;
  g_autoptr(GPtrArray) group = g_ptr_array_new ();
  g_autofree char *batch_id = NULL;
  g_autoptr(GHashTable) taken = NULL;
  JsonArray *changes;
  JsonObject *body;
  guint n_changes = 0;

  if ((step = resume_batch (store)) != NULL)
    return g_steal_pointer (&step);

  if (!(outbox = sp_store_outbox_list (store, 1000, error)))
    return NULL;

  step = g_new0 (SpPushStep, 1);
  step->entries = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_outbox_entry_free);

  if (outbox->len == 0)
    {
      step->kind = SP_PUSH_NOTHING;
      return g_steal_pointer (&step);
    }

  /* A transition waits until what was queued before it has gone. */
  if (g_str_has_prefix (((SpOutboxEntry *)outbox->pdata[0])->field, "@transition:"))
    {
      SpOutboxEntry *e = outbox->pdata[0];
      g_autoptr(JsonNode) to = sp_json_parse (e->value, -1, 2, NULL);

      step->kind = SP_PUSH_TRANSITION;
      step->case_id = g_strdup (e->record_id);
      step->to = g_strdup (to && JSON_NODE_HOLDS_VALUE (to) ? json_node_get_string (to) : "");
      g_ptr_array_add (step->entries, entry_copy (e));
      return g_steal_pointer (&step);
    }

  step->kind = SP_PUSH_BATCH;
  changes = json_array_new ();
  taken = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < outbox->len && n_changes < MAX_CHANGES; i++)
    {
      SpOutboxEntry *e = outbox->pdata[i];

      if (g_str_has_prefix (e->field, "@transition:"))
        break;
      if (g_hash_table_contains (taken, &e->seq))
        continue;

      /* Patches of the same record and revision may lie apart in the
       * queue (up to the next transition); they go as one change. */
      g_ptr_array_add (group, e);
      for (guint j = i + 1; e->field[0] != 0 && j < outbox->len; j++)
        {
          SpOutboxEntry *f = outbox->pdata[j];

          if (g_str_has_prefix (f->field, "@transition:"))
            break;
          if (same_change (e, f))
            {
              g_ptr_array_add (group, f);
              g_hash_table_add (taken, &f->seq);
            }
        }

      if (!add_change (changes, group, error))
        {
          json_array_unref (changes);
          return NULL;
        }
      for (guint k = 0; k < group->len; k++)
        g_ptr_array_add (step->entries, entry_copy (group->pdata[k]));
      g_ptr_array_add (step->entries, NULL);
      g_ptr_array_set_size (group, 0);
      n_changes++;
    }

  if (n_changes == 0)
    {
      json_array_unref (changes);
      step->kind = SP_PUSH_NOTHING;
      return g_steal_pointer (&step);
    }

  batch_id = g_uuid_string_random ();
  body = json_object_new ();
  json_object_set_string_member (body, "batch_id", batch_id);
  json_object_set_array_member (body, "changes", changes);
  step->body = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (step->body, body);

  if (!remember_batch (store, step, error))
    return NULL;

  return g_steal_pointer (&step);
}

static gboolean
apply_record (SpStore   *store,
              GType      type,
              JsonNode  *record)
{
  g_autoptr(SpEntity) entity = NULL;
  g_autoptr(GError) error = NULL;

  if (record == NULL || !JSON_NODE_HOLDS_OBJECT (record))
    return TRUE;

  /* The change feed brings it anyway: a record that does not decode is
   * left for the pull, not treated as a failure of the push. */
  entity = sp_json_decode_new (type, record, SP_JSON_DECODE_FULL, &error);
  if (entity == NULL)
    {
      g_debug ("Record from the server left for the pull: %s", error->message);
      return TRUE;
    }

  return sp_store_apply_remote (store, entity, NULL);
}

static char *
member_json (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node ? sp_json_to_string (node, FALSE) : g_strdup ("null");
}

/* Refused for a base revision above the record's: the server has gone
 * back (sp-merge.c on the server). */
static gboolean
is_stale (JsonObject *e)
{
  return e != NULL &&
         g_strcmp0 (json_object_get_string_member_with_default (e, "code", NULL), "conflict") == 0 &&
         g_strcmp0 (json_object_get_string_member_with_default (e, "field", NULL), "base_rev") == 0;
}

gboolean
_sp_sync_batch_done (SpStore     *store,
                     SpPushStep  *step,
                     JsonNode    *answer,
                     guint       *rejected,
                     char       **reason,
                     GError     **error)
{
  guint stale = 0;

  return _sp_sync_batch_done_full (store, step, answer, FALSE, rejected, &stale, reason, error);
}

gboolean
_sp_sync_batch_done_full (SpStore     *store,
                          SpPushStep  *step,
                          JsonNode    *answer,
                          gboolean     keep_stale,
                          guint       *rejected,
                          guint       *stale,
                          char       **reason,
                          GError     **error)
{
  JsonArray *results;
  guint entry = 0;

  *rejected = 0;
  *stale = 0;

  if (!JSON_NODE_HOLDS_OBJECT (answer) ||
      !json_object_has_member (json_node_get_object (answer), "results") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (answer), "results")))
    {
      g_set_error (error, SP_SYNC_ERROR, SP_SYNC_ERROR_SERVER,
                   _("The server's answer to the changes is not understood"));
      return FALSE;
    }

  results = json_object_get_array_member (json_node_get_object (answer), "results");

  if (!sp_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      const char *status = result ? json_object_get_string_member_with_default (result, "status", "") : "";
      guint start = entry;
      SpOutboxEntry *first;
      GType type;

      /* The entries of this change run up to the next NULL. */
      while (entry < step->entries->len && step->entries->pdata[entry] != NULL)
        entry++;
      if (start >= step->entries->len || start == entry)
        break;
      first = step->entries->pdata[start];
      type = sp_entity_type_from_name (first->entity);
      entry++;

      if (g_strcmp0 (status, "rejected") == 0)
        {
          JsonObject *e = json_object_has_member (result, "error") ?
                          json_object_get_object_member (result, "error") : NULL;
          const char *message = e ? json_object_get_string_member_with_default (e, "message", "")
                                  : "";
          g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
          g_autofree char *server = NULL;

          /* Not the user's to decide: the change waits in the outbox
           * while the replica pulls the server's history again. */
          if (keep_stale && is_stale (e))
            {
              (*stale)++;
              continue;
            }

          (*rejected)++;
          if (*reason == NULL)
            *reason = g_strdup (message);

          /* A refused change is not dropped and does not block the queue:
           * it waits, with the server's reason, for the user to decide. */
          json_node_set_string (node, message);
          server = sp_json_to_string (node, FALSE);
          for (guint k = start; k < entry - 1; k++)
            {
              SpOutboxEntry *refused = step->entries->pdata[k];
              SpConflict conflict = { 0 };

              conflict.entity = refused->entity;
              conflict.record_id = refused->record_id;
              conflict.field = refused->field[0] ? refused->field : (char *)"@create";
              conflict.local_value = refused->value;
              conflict.server_value = server;
              if (!sp_store_add_conflict (store, &conflict, error) ||
                  !sp_store_outbox_remove (store, refused, error))
                goto failed;
            }
          continue;
        }

      if (g_strcmp0 (status, "conflict") == 0 && json_object_has_member (result, "conflicts"))
        {
          JsonArray *conflicts = json_object_get_array_member (result, "conflicts");
          const SpEntityInfo *info = sp_entity_info_for_type (type);

          for (guint c = 0; conflicts != NULL && c < json_array_get_length (conflicts); c++)
            {
              JsonObject *co = json_array_get_object_element (conflicts, c);
              const SpField *field;
              g_autofree char *local = NULL;
              g_autofree char *server = NULL;
              SpConflict conflict = { 0 };

              if (co == NULL ||
                  !(field = field_by_path (info, json_object_get_string_member_with_default (co, "field", ""))))
                continue;

              local = member_json (co, "client_value");
              server = member_json (co, "server_value");
              conflict.entity = first->entity;
              conflict.record_id = first->record_id;
              conflict.field = (char *)field->name;
              conflict.local_value = local;
              conflict.server_value = server;
              conflict.server_rev = json_object_get_int_member_with_default (result, "rev", 0);
              if (!sp_store_add_conflict (store, &conflict, error))
                goto failed;
            }
        }

      for (guint k = start; k < entry - 1; k++)
        if (!sp_store_outbox_remove (store, step->entries->pdata[k], error))
          goto failed;

      if (!apply_record (store, type, json_object_get_member (result, "record")))
        goto failed;
    }

  if (!sp_store_set_setting (store, "sync.batch", "", error))
    goto failed;

  if (*stale > 0 &&
      !_sp_sync_begin_resync (store,
                              json_object_get_int_member_with_default (json_node_get_object (answer),
                                                                       "last_rev", 0),
                              error))
    goto failed;

  return sp_store_commit (store, error);

failed:
  if (error != NULL && *error == NULL)
    g_set_error (error, SP_ERROR, SP_ERROR_STORAGE, _("The server's answer could not be stored"));
  sp_store_rollback (store);
  return FALSE;
}

gboolean
_sp_sync_transition_done (SpStore     *store,
                          SpPushStep  *step,
                          const char  *refusal,
                          GError     **error)
{
  SpOutboxEntry *entry = step->entries->pdata[0];

  if (!sp_store_begin (store, error))
    return FALSE;

  if (refusal != NULL)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
      g_autofree char *server = NULL;
      SpConflict conflict = { 0 };

      /* Nothing is silently dropped: the refusal waits for the user. */
      json_node_set_string (node, refusal);
      server = sp_json_to_string (node, FALSE);
      conflict.entity = entry->entity;
      conflict.record_id = entry->record_id;
      conflict.field = entry->field;
      conflict.local_value = entry->value;
      conflict.server_value = server;
      if (!sp_store_add_conflict (store, &conflict, error))
        goto failed;
    }

  if (!sp_store_outbox_remove (store, entry, error))
    goto failed;

  return sp_store_commit (store, error);

failed:
  sp_store_rollback (store);
  return FALSE;
}
