/* sp-api-changes.c: the sync feed (pull) and the push of field-level patches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pull: every synced record type changed after a revision, in revision
 * order, keeping only what the user may see. Push: a batch of creations and
 * field-level patches, each based on a revision; edits to different fields
 * merge, edits to the same field someone else changed come back as
 * conflicts. A batch retried with the same batch_id gets the first answer.
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <string.h>

#include "sp-api.h"
#include "sp-audit.h"
#include "sp-http.h"
#include "sp-server-schema.h"
#include "sp-server-store.h"
#include "sp-merge.h"
#include "sp-redact.h"

#define DEFAULT_LIMIT 200
#define MAX_LIMIT 1000
#define MAX_BATCH 500

/* Whether the user may see records of a case, remembered per request. */
typedef enum { CASE_HIDDEN = 1, CASE_REDACTED, CASE_VISIBLE } CaseAccess;

static CaseAccess
remember_access (SpRequest  *req,
                 GHashTable *cache,
                 const char *case_id,
                 SpCase     *kase)
{
  gboolean redact = TRUE;
  CaseAccess access;

  if (kase == NULL || !sp_principal_can_read_case (req->principal, kase, &redact))
    access = CASE_HIDDEN;
  else
    access = redact ? CASE_REDACTED : CASE_VISIBLE;

  g_hash_table_insert (cache, g_strdup (case_id), GUINT_TO_POINTER (access));
  return access;
}

static CaseAccess
case_access (SpRequest  *req,
             GHashTable *cache,
             const char *case_id)
{
  g_autoptr(SpCase) kase = NULL;
  CaseAccess access;

  if (case_id == NULL)
    return CASE_HIDDEN;
  access = GPOINTER_TO_UINT (g_hash_table_lookup (cache, case_id));
  if (access != 0)
    return access;

  kase = sp_store_load (req->store, SP_TYPE_CASE, case_id, NULL);
  return remember_access (req, cache, case_id, kase);
}

static const char *
case_id_of (SpEntity *entity)
{
  const SpField *field;

  /* What decides who writes a compilation is its unit. */
  if (SP_IS_UNIT_COMPILATION (entity))
    return SP_UNIT_COMPILATION (entity)->unit_id;
  field = sp_entity_info_lookup (sp_entity_get_info (entity), "case_id");

  return field ? sp_entity_get_string (entity, field) : NULL;
}

/* Writes the record as this user may see it, or returns FALSE to leave
 * it out. */
static gboolean
write_visible (SpRequest  *req,
               GHashTable *cache,
               SpEntity   *entity,
               GString    *out)
{
  CaseAccess access;

  if (SP_IS_CASE (entity))
    {
      gboolean redact = TRUE;

      if (!sp_principal_can_read_case (req->principal, SP_CASE (entity), &redact))
        return FALSE;
      sp_json_write_entity (out, entity, redact ? SP_JSON_ENCODE_REDACT_PERSONAL : SP_JSON_ENCODE_DEFAULT);
      return TRUE;
    }

  /* A unit's compilation: its manager, head of department and quality. */
  if (SP_IS_UNIT_COMPILATION (entity))
    {
      if (!sp_principal_can_read_compilation (req->principal, SP_UNIT_COMPILATION (entity)->unit_id))
        return FALSE;
      sp_json_write_entity (out, entity, SP_JSON_ENCODE_DEFAULT);
      return TRUE;
    }

  if (sp_entity_info_lookup (sp_entity_get_info (entity), "case_id") == NULL)
    {
      sp_json_write_entity (out, entity, SP_JSON_ENCODE_DEFAULT);
      return TRUE;
    }

  access = case_access (req, cache, case_id_of (entity));
  if (access == CASE_HIDDEN)
    return FALSE;
  /* Contract issues and their steps in the history: procurement, the
   * case's manager and head of department (quality gets counts only). */
  if (SP_IS_CONTRACT_ISSUE (entity) || SP_IS_CONTRACT_ISSUE_CASE (entity) ||
      (SP_IS_CASE_EVENT (entity) && SP_CASE_EVENT (entity)->kind == SP_EVENT_CONTRACT_ISSUE_UPDATED))
    {
      g_autoptr(SpCase) kase = sp_store_get_case (req->store, case_id_of (entity), NULL);

      if (!sp_principal_can_read_contract_issue (req->principal, kase))
        return FALSE;
      sp_json_write_entity (out, entity, SP_JSON_ENCODE_DEFAULT);
      return TRUE;
    }
  if (access == CASE_REDACTED)
    {
      /* Letters and disclosure requests name the sender; events may hold
       * the sender's old and new details. */
      if (SP_IS_LETTER (entity) || SP_IS_DISCLOSURE_REQUEST (entity))
        return FALSE;
      if (SP_IS_CASE_EVENT (entity))
        {
          g_autoptr(SpEntity) copy = sp_entity_copy (entity);

          sp_redact_case_event (SP_CASE_EVENT (copy));
          sp_json_write_entity (out, copy, SP_JSON_ENCODE_DEFAULT);
          return TRUE;
        }
      /* The investigation's facts, a planned action's text…: free text
       * that may name people. */
      sp_json_write_entity (out, entity, SP_JSON_ENCODE_REDACT_PERSONAL);
      return TRUE;
    }

  sp_json_write_entity (out, entity, SP_JSON_ENCODE_DEFAULT);
  return TRUE;
}

/* Whether some earlier state of @kase, going by the audit log's record of
 * the fields that decide access, was visible to the user: then a client
 * may hold it and must be told to forget it. Users who never saw the case
 * learn nothing about it. */
static gboolean
was_ever_visible (SpRequest *req,
                  SpCase    *kase)
{
  g_autoptr(GPtrArray) earlier = sp_server_store_earlier_access (req->store, kase);

  for (guint i = 0; i < earlier->len; i++)
    if (sp_principal_can_read_case (req->principal, earlier->pdata[i], NULL))
      return TRUE;

  return FALSE;
}

/* The start of one change of the feed, up to its "visible" member. */
static void
write_change_head (GString    *page,
                   guint       n_written,
                   const char *entity_name,
                   SpEntity   *entity)
{
  if (n_written > 0)
    g_string_append_c (page, ',');
  g_string_append (page, "{\"entity\":");
  sp_json_write_string (page, entity_name);
  g_string_append (page, ",\"id\":");
  sp_json_write_string (page, entity->id);
  g_string_append_printf (page, ",\"rev\":%" G_GINT64_FORMAT ",\"deleted\":%s,",
                          entity->rev, entity->deleted ? "true" : "false");
}

gboolean
sp_api_changes_get (SpRequest  *req,
                    GError    **error)
{
  static const char * const known[] = { "since", "limit", NULL };
  g_autoptr(GPtrArray) merged = NULL;
  g_autoptr(GHashTable) cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *page;
  guint n_written = 0;
  const char *since_text;
  gint64 since = 0;
  guint limit = DEFAULT_LIMIT;
  gboolean more = FALSE;
  gint64 cursor;
  gint64 cutoff;
  GHashTableIter iter;
  gpointer key;

  if (req->query != NULL)
    {
      g_hash_table_iter_init (&iter, req->query);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_strv_contains (known, key))
          {
            sp_set_field_error (error, SP_ERROR_INVALID, g_utf8_validate (key, -1, NULL) ? key : NULL,
                                "Unknown query parameter");
            return FALSE;
          }
    }

  since_text = sp_http_query_get (req->query, "since");
  if (since_text != NULL &&
      !g_ascii_string_to_signed (since_text, 10, 0, G_MAXINT64, &since, NULL))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "since", "since must be a revision number");
      return FALSE;
    }
  if (!sp_http_query_get_uint (req->query, "limit", MAX_LIMIT, &limit, error))
    return FALSE;
  if (limit == 0)
    limit = DEFAULT_LIMIT;

  merged = sp_server_store_feed_page (req->store, since, limit, &cutoff, &more, error);
  if (merged == NULL)
    return FALSE;

  /* The cases on the page are as they stand now: what they let the user
   * see of their records is known without loading them again. */
  for (guint i = 0; i < merged->len; i++)
    if (SP_IS_CASE (g_ptr_array_index (merged, i)) && !SP_ENTITY (g_ptr_array_index (merged, i))->deleted)
      {
        SpEntity *kase = g_ptr_array_index (merged, i);

        remember_access (req, cache, kase->id, SP_CASE (kase));
      }

  cursor = merged->len > 0 ? SP_ENTITY (g_ptr_array_index (merged, merged->len - 1))->rev : since;
  /* A row the store could not read was passed over: the next page still
   * starts after it, or a page of them would be asked for for ever. */
  if (more && cutoff > cursor)
    cursor = cutoff;

  /* Written as text straight away: a first sync reads hundreds of pages.
   * Where the next page starts comes first, so that a client can ask for
   * it before it has read this one. */
  page = g_string_sized_new (1024 + merged->len * 1024);
  g_string_append_printf (page, "{\"cursor\":%" G_GINT64_FORMAT ",\"more\":%s,\"last_rev\":%" G_GINT64_FORMAT,
                          cursor, more ? "true" : "false", sp_store_get_last_rev (req->store));
  sp_audit_write_database_id (req->store, page);
  g_string_append (page, ",\"changes\":[");
  for (guint i = 0; i < merged->len; i++)
    {
      SpEntity *entity = g_ptr_array_index (merged, i);
      gsize start = page->len;

      write_change_head (page, n_written, sp_entity_get_info (entity)->name, entity);
      if (!entity->deleted)
        {
          g_string_append (page, "\"visible\":true,\"record\":");
          if (!write_visible (req, cache, entity, page))
            {
              g_string_truncate (page, start);
              /* A case that went out of the user's sight: "visible":false
               * tells a client holding it to forget it (its children go
               * with it). */
              if (SP_IS_CASE (entity) && since > 0 && was_ever_visible (req, SP_CASE (entity)))
                {
                  write_change_head (page, n_written, "case", entity);
                  g_string_append (page, "\"visible\":false,\"record\":null}");
                  n_written++;
                }
              continue;
            }
          g_string_append_c (page, '}');
        }
      else if (SP_IS_CASE (entity) && !sp_principal_can_read_case (req->principal, SP_CASE (entity), NULL))
        {
          g_string_truncate (page, start);
          continue;
        }
      else
        g_string_append (page, "\"visible\":true,\"record\":null}");
      n_written++;
    }

  g_string_append (page, "]}");
  sp_request_reply_text (req, SOUP_STATUS_OK, page);
  return TRUE;
}

/* ---- Push ---------------------------------------------------------- */

static GType
pushable_type (const char *name)
{
  if (g_strcmp0 (name, "case") == 0)
    return SP_TYPE_CASE;
  if (g_strcmp0 (name, sp_investigation_info.name) == 0)
    return SP_TYPE_INVESTIGATION;
  if (g_strcmp0 (name, sp_planned_action_info.name) == 0)
    return SP_TYPE_PLANNED_ACTION;
  if (g_strcmp0 (name, sp_letter_info.name) == 0)
    return SP_TYPE_LETTER;
  if (g_strcmp0 (name, sp_contract_issue_info.name) == 0)
    return SP_TYPE_CONTRACT_ISSUE;
  if (g_strcmp0 (name, sp_provider_info.name) == 0)
    return SP_TYPE_PROVIDER;
  if (g_strcmp0 (name, sp_contract_issue_case_info.name) == 0)
    return SP_TYPE_CONTRACT_ISSUE_CASE;
  if (g_strcmp0 (name, sp_secrecy_marking_info.name) == 0)
    return SP_TYPE_SECRECY_MARKING;
  if (g_strcmp0 (name, sp_disclosure_request_info.name) == 0)
    return SP_TYPE_DISCLOSURE_REQUEST;
  if (g_strcmp0 (name, sp_unit_compilation_info.name) == 0)
    return SP_TYPE_UNIT_COMPILATION;
  if (g_strcmp0 (name, sp_account_request_info.name) == 0)
    return SP_TYPE_ACCOUNT_REQUEST;
  if (g_strcmp0 (name, sp_case_link_info.name) == 0)
    return SP_TYPE_CASE_LINK;
  return G_TYPE_INVALID;
}

/* The case's records are saved as the app saves them: checked whole, with
 * their history (sp-store-investigation.c). */
static gboolean
save_child (SpRequest  *req,
            SpEntity   *entity,
            SpSaveFlags flags,
            GError    **error)
{
  SpActor actor = sp_request_get_actor (req);

  if (SP_IS_INVESTIGATION (entity))
    return sp_store_save_investigation (req->store, SP_INVESTIGATION (entity), flags, &actor, error);
  if (SP_IS_PLANNED_ACTION (entity))
    return sp_store_save_planned_action (req->store, SP_PLANNED_ACTION (entity), flags, &actor, error);
  if (SP_IS_LETTER (entity))
    return sp_store_send_letter (req->store, SP_LETTER (entity), &actor, error);
  if (SP_IS_CONTRACT_ISSUE (entity))
    return sp_store_save_contract_issue (req->store, SP_CONTRACT_ISSUE (entity), flags, &actor, error);
  if (SP_IS_CONTRACT_ISSUE_CASE (entity))
    return sp_store_save_contract_issue_case (req->store, SP_CONTRACT_ISSUE_CASE (entity), flags,
                                              &actor, error);
  /* The registrar's records: the store checks the role and the rules. */
  if (SP_IS_SECRECY_MARKING (entity))
    return sp_store_save_secrecy_marking (req->store, SP_SECRECY_MARKING (entity), flags, &actor, error);
  if (SP_IS_UNIT_COMPILATION (entity))
    return sp_store_save_unit_compilation (req->store, SP_UNIT_COMPILATION (entity), flags, &actor, error);
  if (SP_IS_DISCLOSURE_REQUEST (entity))
    return sp_store_save_disclosure_request (req->store, SP_DISCLOSURE_REQUEST (entity), flags,
                                             &actor, error);
  if (SP_IS_ACCOUNT_REQUEST (entity))
    return sp_store_save_account_request (req->store, SP_ACCOUNT_REQUEST (entity), flags, &actor, error);
  if (SP_IS_CASE_LINK (entity))
    return entity->deleted ? sp_store_unlink_cases (req->store, entity->id, &actor, error)
                           : sp_store_link_cases (req->store, SP_CASE_LINK (entity), flags, &actor, error);
  return sp_store_save (req->store, entity, flags, actor.user_id, error);
}

/* The case a child record belongs to, if the user may change it. */
static gboolean
check_parent_editable (SpRequest   *req,
                       const char  *case_id,
                       GError     **error)
{
  g_autoptr(SpCase) kase = NULL;

  kase = sp_api_load_readable_case (req, case_id, NULL, error);
  if (kase == NULL)
    {
      if (error && *error)
        sp_error_set_field (*error, "case_id");
      return FALSE;
    }
  if (!sp_principal_can_edit_case (req->principal, kase))
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, "case_id", "You may not change this case");
      return FALSE;
    }
  /* The children pushed are the investigation and its planned actions. */
  if (!sp_principal_can_write_investigation (req->principal, kase))
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, "case_id",
                          "Another unit investigates this case (conflict of interest)");
      return FALSE;
    }
  return TRUE;
}

/* Contract issues are procurement's, not the case's editors'; a unit's
 * compilation its manager's and head of department's (@case_id is then
 * the unit's id). */
static gboolean
check_writable (SpRequest   *req,
                GType        type,
                const char  *case_id,
                GError     **error)
{
  if (type == SP_TYPE_UNIT_COMPILATION)
    return sp_api_compilation_check_writable (req, case_id, error);
  if (type == SP_TYPE_CONTRACT_ISSUE || type == SP_TYPE_CONTRACT_ISSUE_CASE)
    return sp_api_contract_issue_check_writable (req, case_id, error);
  return check_parent_editable (req, case_id, error);
}

/* The provider register is procurement's and the administrator's, from a
 * replica as through /providers: the same roles, the same checks. */
static gboolean
check_provider_writer (SpRequest  *req,
                       GError    **error)
{
  if (sp_principal_has_role (req->principal, SP_ROLE_PROCUREMENT) ||
      sp_principal_has_role (req->principal, SP_ROLE_ADMIN))
    return TRUE;
  sp_set_field_error (error, SP_ERROR_PERMISSION, NULL,
                      "Only procurement and the administrator change the provider register");
  return FALSE;
}

static SpEntity *
push_create_provider (SpRequest   *req,
                      SpEntity    *entity,
                      GError     **error)
{
  g_autoptr(SpEntity) existing = NULL;
  const char *user_id = sp_request_get_user_id (req);

  if (!check_provider_writer (req, error))
    return NULL;
  /* A retried creation that already went through is not an error. */
  existing = sp_store_load (req->store, SP_TYPE_PROVIDER, entity->id, NULL);
  if (existing != NULL)
    return g_steal_pointer (&existing);
  if (!sp_provider_validate (SP_PROVIDER (entity), error) ||
      !sp_store_save (req->store, entity, SP_SAVE_DEFAULT, user_id, error) ||
      !sp_audit_record_write (req->store, user_id, "create", NULL, entity, error))
    return NULL;
  return sp_store_load (req->store, SP_TYPE_PROVIDER, entity->id, error);
}

static JsonNode *
encode_for_user (SpRequest *req,
                 SpEntity  *entity)
{
  g_autoptr(SpCase) parent = NULL;
  gboolean redact = TRUE;

  if (SP_IS_CASE (entity))
    {
      sp_principal_can_read_case (req->principal, SP_CASE (entity), &redact);
      return sp_json_encode (entity, redact ? SP_JSON_ENCODE_REDACT_PERSONAL : SP_JSON_ENCODE_DEFAULT);
    }

  /* A child is seen as its case is (whoever may write it sees it whole). */
  if (case_id_of (entity) != NULL)
    parent = sp_store_load (req->store, SP_TYPE_CASE, case_id_of (entity), NULL);
  if (parent != NULL)
    sp_principal_can_read_case (req->principal, parent, &redact);
  return sp_json_encode (entity, redact ? SP_JSON_ENCODE_REDACT_PERSONAL : SP_JSON_ENCODE_DEFAULT);
}

static SpEntity *
push_create (SpRequest   *req,
             GType        type,
             const char  *id,
             JsonNode    *fields,
             GError     **error)
{
  g_autoptr(SpEntity) entity = NULL;
  g_autoptr(SpEntity) existing = NULL;
  SpActor actor = sp_request_get_actor (req);

  entity = sp_json_decode_new (type, fields, SP_JSON_DECODE_CREATE, error);
  if (entity == NULL)
    return NULL;
  if (entity->id != NULL && g_strcmp0 (entity->id, id) != 0)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "id", "The record's id differs from the change's");
      return NULL;
    }
  g_free (entity->id);
  entity->id = g_strdup (id);
  if (type == SP_TYPE_PROVIDER)
    return push_create_provider (req, entity, error);

  /* A retried creation that already went through is not an error. */
  existing = sp_store_load (req->store, type, id, NULL);
  if (existing != NULL)
    {
      g_autoptr(SpCase) parent = NULL;
      const char *case_id = type == SP_TYPE_CASE ? id : case_id_of (existing);

      if (type == SP_TYPE_UNIT_COMPILATION)
        {
          if (existing->deleted ||
              !sp_principal_can_read_compilation (req->principal, case_id_of (existing)))
            {
              sp_api_set_id_taken_error (error);
              return NULL;
            }
          if (!check_writable (req, type, case_id_of (existing), error))
            return NULL;
          return g_steal_pointer (&existing);
        }
      /* A record of a case the user does not see: the id is taken, and
       * nothing more is said (not even that it is a case). */
      if (case_id != NULL)
        parent = sp_store_get_case (req->store, case_id, NULL);
      if (parent == NULL || SP_ENTITY (parent)->deleted ||
          (type == SP_TYPE_CONTRACT_ISSUE || type == SP_TYPE_CONTRACT_ISSUE_CASE
             ? !sp_principal_can_read_contract_issue (req->principal, parent)
             : !sp_principal_can_read_case (req->principal, parent, NULL)))
        {
          sp_api_set_id_taken_error (error);
          return NULL;
        }
      if (type != SP_TYPE_CASE && !check_writable (req, type, case_id, error))
        return NULL;
      return g_steal_pointer (&existing);
    }

  if (type == SP_TYPE_CASE)
    {
      if (!sp_principal_check_create_case (req->principal, SP_CASE (entity), error) ||
          !sp_api_check_case_references (req->store, SP_CASE (entity), error) ||
          !sp_store_create_case (req->store, SP_CASE (entity), &actor, error))
        return NULL;
    }
  else
    {
      if (!check_writable (req, type, case_id_of (entity), error) ||
          !save_child (req, entity, SP_SAVE_DEFAULT, error))
        return NULL;
    }

  if (!sp_audit_record_write (req->store, actor.user_id, "create", NULL, entity, error))
    return NULL;

  return sp_store_load (req->store, type, id, error);
}

static SpEntity *
push_update (SpRequest   *req,
             GType        type,
             const char  *id,
             gint64       base_rev,
             JsonNode    *fields,
             GPtrArray   *conflicts,
             SpEntity   **client,
             GError     **error)
{
  g_autoptr(SpEntity) current = NULL;
  g_autoptr(SpEntity) merged = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  SpActor actor = sp_request_get_actor (req);

  if (type == SP_TYPE_CASE)
    {
      current = (SpEntity *) sp_api_load_readable_case (req, id, NULL, error);
      if (current == NULL)
        return NULL;
      if (!sp_principal_can_edit_case (req->principal, SP_CASE (current)))
        {
          sp_set_field_error (error, SP_ERROR_PERMISSION, NULL, "You may not change this case");
          return NULL;
        }
    }
  else
    {
      g_autoptr(GError) local_error = NULL;

      current = sp_store_load (req->store, type, id, &local_error);
      if (current == NULL || current->deleted)
        {
          sp_set_field_error (error, SP_ERROR_NOT_FOUND, "id", "No such record");
          return NULL;
        }
      if (type == SP_TYPE_PROVIDER ? !check_provider_writer (req, error)
                                   : !check_writable (req, type, case_id_of (current), error))
        return NULL;
    }

  merged = sp_merge_apply_patch (req->store, current, fields, base_rev, changed, conflicts,
                                 client, error);
  if (merged == NULL)
    return NULL;
  if (changed->len == 0)
    return g_steal_pointer (&current);

  if (type == SP_TYPE_CASE)
    {
      if (!sp_principal_check_case_change (req->principal, SP_CASE (current), SP_CASE (merged), error))
        return NULL;
      if (!sp_api_check_case_references (req->store, SP_CASE (merged), error) ||
          !sp_store_update_case (req->store, SP_CASE (merged), &actor, TRUE, error))
        return NULL;
    }
  else if (SP_IS_PROVIDER (merged))
    {
      if (!sp_provider_validate (SP_PROVIDER (merged), error) ||
          !sp_store_save (req->store, merged, SP_SAVE_CHECK_REV, actor.user_id, error))
        return NULL;
    }
  else if (SP_IS_LETTER (merged))
    {
      sp_set_field_error (error, SP_ERROR_CONFLICT, "body",
                          "A letter that was sent cannot be changed; send a new one");
      return NULL;
    }
  else if (!save_child (req, merged, SP_SAVE_CHECK_REV, error))
    return NULL;

  if (!sp_audit_record_write (req->store, actor.user_id, "update", current, merged, error))
    return NULL;

  return sp_store_load (req->store, type, id, error);
}

/* Only planned actions and a contract issue's further cases can be
 * removed: a case and its history are kept; the removal travels to other
 * clients as a tombstone. */
static SpEntity *
push_delete (SpRequest   *req,
             GType        type,
             const char  *id,
             GError     **error)
{
  g_autoptr(SpEntity) current = NULL;
  g_autoptr(SpEntity) before = NULL;
  SpActor actor = sp_request_get_actor (req);

  if (type != SP_TYPE_PLANNED_ACTION && type != SP_TYPE_CONTRACT_ISSUE_CASE)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "op",
                          "Only planned actions and a contract issue's cases can be deleted");
      return NULL;
    }

  current = sp_store_load (req->store, type, id, NULL);
  if (current == NULL)
    {
      sp_set_field_error (error, SP_ERROR_NOT_FOUND, "id", "No such record");
      return NULL;
    }
  if (!check_writable (req, type, case_id_of (current), error))
    return NULL;
  if (current->deleted)
    return g_steal_pointer (&current);

  before = sp_entity_copy (current);
  current->deleted = TRUE;
  if (!(type == SP_TYPE_CONTRACT_ISSUE_CASE
          ? sp_store_save_contract_issue_case (req->store, SP_CONTRACT_ISSUE_CASE (current),
                                               SP_SAVE_DEFAULT, &actor, error)
          : sp_store_save (req->store, current, SP_SAVE_DEFAULT, actor.user_id, error)) ||
      !sp_audit_append (req->store, actor.user_id, "delete", sp_entity_get_info (current)->name,
                        id, "deleted", "false", "true", error))
    return NULL;

  return sp_store_load (req->store, type, id, error);
}

/* One change of a batch, in a transaction of its own: a refused change
 * does not undo the others. */
static JsonObject *
push_one (SpRequest *req,
          JsonNode  *element)
{
  static const char * const members[] = { "entity", "op", "id", "base_rev", "fields", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new ();
  g_autoptr(SpEntity) result = NULL;
  g_autoptr(SpEntity) client = NULL;
  JsonObject *out = json_object_new ();
  JsonObject *change;
  const char *entity_name = NULL;
  const char *op = NULL;
  const char *id = NULL;
  gint64 base_rev = 0;
  GType type = G_TYPE_INVALID;

  if ((change = sp_json_require_object (element, "changes", &error)) == NULL ||
      !sp_json_check_members (change, members, &error) ||
      (entity_name = sp_json_member_string (change, "entity", TRUE, &error)) == NULL ||
      (op = sp_json_member_string (change, "op", TRUE, &error)) == NULL ||
      (id = sp_json_member_string (change, "id", TRUE, &error)) == NULL)
    goto refused;

  json_object_set_string_member (out, "entity", entity_name);
  json_object_set_string_member (out, "id", id);

  if ((type = pushable_type (entity_name)) == G_TYPE_INVALID)
    {
      sp_set_field_error (&error, SP_ERROR_INVALID, "entity", "This kind of record cannot be pushed");
      goto refused;
    }
  if (!sp_is_uuid (id))
    {
      sp_set_field_error (&error, SP_ERROR_INVALID, "id", "id must be a UUID");
      goto refused;
    }
  if (g_strcmp0 (op, "delete") != 0 &&
      (!json_object_has_member (change, "fields") ||
       !JSON_NODE_HOLDS_OBJECT (json_object_get_member (change, "fields"))))
    {
      sp_set_field_error (&error, SP_ERROR_INVALID, "fields", "fields must be a JSON object");
      goto refused;
    }

  if (!sp_store_begin (req->store, &error))
    goto refused;

  if (g_str_equal (op, "create"))
    result = push_create (req, type, id, json_object_get_member (change, "fields"), &error);
  else if (g_str_equal (op, "update"))
    {
      if (sp_json_member_int (change, "base_rev", TRUE, &base_rev, &error))
        result = push_update (req, type, id, base_rev, json_object_get_member (change, "fields"),
                              conflicts, &client, &error);
    }
  else if (g_str_equal (op, "delete"))
    result = push_delete (req, type, id, &error);
  else
    sp_set_field_error (&error, SP_ERROR_INVALID, "op", "op must be create, update or delete");

  if (!sp_server_store_end (req->store,
                            result == NULL,
                            &error))
    {
      g_clear_object (&result);
      goto refused;
    }

  json_object_set_string_member (out, "status", conflicts->len > 0 ? "conflict" : "applied");
  json_object_set_int_member (out, "rev", result->rev);
  json_object_set_member (out, "record", result->deleted ? json_node_new (JSON_NODE_NULL)
                                                         : encode_for_user (req, result));
  if (conflicts->len > 0)
    {
      gboolean redact = FALSE;

      if (SP_IS_CASE (result))
        sp_principal_can_read_case (req->principal, SP_CASE (result), &redact);
      json_object_set_member (out, "conflicts",
                              sp_merge_conflicts_to_json (result, client, conflicts,
                                                          redact ? SP_JSON_ENCODE_REDACT_PERSONAL : 0));
    }
  return out;

refused:
  json_object_set_string_member (out, "status", "rejected");
  json_object_set_object_member (out, "error", sp_http_error_to_json (error));
  return out;
}

gboolean
sp_api_changes_post (SpRequest  *req,
                     GError    **error)
{
  static const char * const members[] = { "batch_id", "changes", NULL };
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  JsonObject *out;
  JsonArray *changes;
  JsonArray *results;
  const char *batch_id;
  JsonNode *changes_node;

  body = sp_request_read_json (req, error);
  if (body == NULL)
    return FALSE;
  if ((object = sp_json_require_object (body, NULL, error)) == NULL ||
      !sp_json_check_members (object, members, error) ||
      (batch_id = sp_json_member_string (object, "batch_id", TRUE, error)) == NULL)
    return FALSE;
  if (*batch_id == '\0' || strlen (batch_id) > 100)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "batch_id", "batch_id must be 1 to 100 characters");
      return FALSE;
    }
  changes_node = json_object_get_member (object, "changes");
  if (changes_node == NULL || !JSON_NODE_HOLDS_ARRAY (changes_node))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "changes", "changes must be an array");
      return FALSE;
    }
  changes = json_node_get_array (changes_node);
  if (json_array_get_length (changes) > MAX_BATCH)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "changes", "At most %d changes in one batch", MAX_BATCH);
      return FALSE;
    }

  /* The same batch again (the client did not hear the answer): answer
   * the same, without applying anything twice. */
  previous = sp_server_store_find_batch (req->store, sp_request_get_user_id (req), batch_id);
  if (previous != NULL)
    {
      gsize length = strlen (previous);

      soup_server_message_set_status (req->msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (req->msg, "application/json; charset=utf-8",
                                        SOUP_MEMORY_TAKE, g_steal_pointer (&previous), length);
      return TRUE;
    }

  results = json_array_new ();
  for (guint i = 0; i < json_array_get_length (changes); i++)
    json_array_add_object_element (results, push_one (req, json_array_get_element (changes, i)));

  out = json_object_new ();
  json_object_set_string_member (out, "batch_id", batch_id);
  json_object_set_array_member (out, "results", results);
  json_object_set_int_member (out, "last_rev", sp_store_get_last_rev (req->store));
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, out);

  text = sp_json_to_string (node, FALSE);
  if (!sp_server_store_remember_batch (req->store, sp_request_get_user_id (req), batch_id, text,
                                       error))
    return FALSE;

  sp_request_reply (req, SOUP_STATUS_OK, node);
  return TRUE;
}
