/* sp-api-registrar.c: the registrar's records: secrecy markings of a case
 * and requests for disclosure with their secrecy review and decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules (who may, what each record needs) are core's, in the store
 * (sp-store-registrar.c): the app applies the same ones offline. These
 * handlers load the case as the user may see it, decode strictly, save in
 * one transaction with the audit record, and answer the record.
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include "sp-api.h"
#include "sp-audit.h"
#include "sp-http.h"
#include "sp-merge.h"
#include "sp-server-schema.h"
#include "sp-server-store.h"

static gboolean
require_registrar (SpRequest  *req,
                   GError    **error)
{
  if (sp_principal_has_role (req->principal, SP_ROLE_REGISTRAR))
    return TRUE;
  sp_set_field_error (error, SP_ERROR_PERMISSION, NULL,
                      "Only the registrar marks secrecy and handles requests for disclosure");
  return FALSE;
}

/* Accounts are asked for by whoever may change the case (the store then
 * checks the role: registrar, case officer, manager); the rest is the
 * registrar's. */
static gboolean
require_writer (SpRequest  *req,
                GType       type,
                SpCase     *kase,
                GError    **error)
{
  if (type != SP_TYPE_ACCOUNT_REQUEST)
    return require_registrar (req, error);
  if (sp_principal_has_role (req->principal, SP_ROLE_REGISTRAR))
    return TRUE;
  if (!sp_principal_has_role (req->principal, SP_ROLE_CASE_OFFICER) &&
      !sp_principal_has_role (req->principal, SP_ROLE_UNIT_MANAGER) &&
      !sp_principal_has_role (req->principal, SP_ROLE_DEPARTMENT_HEAD))
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, NULL,
                          "Only the registrar, case officers and managers ask for accounts");
      return FALSE;
    }
  if (sp_principal_can_edit_case (req->principal, kase))
    return TRUE;
  sp_set_field_error (error, SP_ERROR_PERMISSION, NULL, "You may not change this case");
  return FALSE;
}

/* The record of the body, for the case of the path. */
static SpEntity *
decode_for_case (SpRequest   *req,
                 GType        type,
                 const char  *case_id,
                 GError     **error)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(SpEntity) entity = NULL;
  JsonObject *object;
  JsonNode *given;

  body = sp_request_read_json (req, error);
  if (body == NULL || (object = sp_json_require_object (body, NULL, error)) == NULL)
    return NULL;
  /* The path names the case; a body may repeat it, not name another. */
  given = json_object_get_member (object, "case_id");
  if (given != NULL &&
      (!JSON_NODE_HOLDS_VALUE (given) || json_node_get_value_type (given) != G_TYPE_STRING ||
       g_strcmp0 (json_node_get_string (given), case_id) != 0))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "case_id", "The record names another case");
      return NULL;
    }
  json_object_set_string_member (object, "case_id", case_id);
  entity = sp_json_decode_new (type, body, SP_JSON_DECODE_CREATE, error);
  if (entity == NULL)
    return NULL;

  if (entity->id != NULL)
    {
      g_autoptr(SpEntity) existing = sp_store_load (req->store, type, entity->id, NULL);

      if (existing != NULL)
        {
          sp_api_set_id_taken_error (error);
          return NULL;
        }
    }
  return g_steal_pointer (&entity);
}

static JsonNode *
encode_request (SpDisclosureRequest *request)
{
  JsonNode *node = sp_json_encode (SP_ENTITY (request), SP_JSON_ENCODE_DEFAULT);

  /* It must be handled promptly: the age is part of what is shown. */
  json_object_set_int_member (json_node_get_object (node), "age_days",
                              sp_disclosure_request_get_age (request, sp_date_today ()));
  return node;
}

static gboolean
save (SpRequest  *req,
      SpEntity   *entity,
      SpEntity   *before,
      SpSaveFlags flags,
      GError    **error)
{
  SpActor actor = sp_request_get_actor (req);
  gboolean failed;

  if (!sp_store_begin (req->store, error))
    return FALSE;
  if (SP_IS_SECRECY_MARKING (entity))
    failed = !sp_store_save_secrecy_marking (req->store, SP_SECRECY_MARKING (entity), flags,
                                             &actor, error);
  else if (SP_IS_ACCOUNT_REQUEST (entity))
    failed = !sp_store_save_account_request (req->store, SP_ACCOUNT_REQUEST (entity), flags,
                                             &actor, error);
  else
    failed = !sp_store_save_disclosure_request (req->store, SP_DISCLOSURE_REQUEST (entity), flags,
                                                &actor, error);
  failed = failed ||
           !sp_audit_record_write (req->store, actor.user_id, before ? "update" : "create",
                                   before, entity, error);
  return sp_server_store_end (req->store, failed, error);
}

static gboolean
list_children (SpRequest  *req,
               GType       type,
               GError    **error)
{
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *items;
  gboolean redact = TRUE;

  kase = sp_api_load_readable_case (req, req->param, &redact, error);
  if (kase == NULL)
    return FALSE;
  /* Who asked for disclosure is the registrar's business alone. */
  if (type == SP_TYPE_DISCLOSURE_REQUEST && !require_registrar (req, error))
    return FALSE;

  records = sp_store_load_where (req->store, type, "case_id", req->param, error);
  if (records == NULL)
    return FALSE;

  node = sp_api_encode_list (NULL, records->len);
  items = json_array_new ();
  for (guint i = 0; i < records->len; i++)
    {
      if (type == SP_TYPE_DISCLOSURE_REQUEST)
        json_array_add_element (items, encode_request (records->pdata[i]));
      else
        json_array_add_element (items, sp_json_encode (records->pdata[i],
                                                       redact ? SP_JSON_ENCODE_REDACT_PERSONAL
                                                              : SP_JSON_ENCODE_DEFAULT));
    }
  json_object_set_array_member (json_node_get_object (node), "items", items);
  sp_request_reply (req, SOUP_STATUS_OK, node);
  return TRUE;
}

static gboolean
create_child (SpRequest  *req,
              GType       type,
              GError    **error)
{
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(SpEntity) entity = NULL;
  g_autoptr(SpEntity) saved = NULL;
  g_autoptr(JsonNode) node = NULL;

  kase = sp_api_load_readable_case (req, req->param, NULL, error);
  if (kase == NULL || !require_writer (req, type, kase, error))
    return FALSE;
  entity = decode_for_case (req, type, req->param, error);
  if (entity == NULL || !save (req, entity, NULL, SP_SAVE_DEFAULT, error))
    return FALSE;

  saved = sp_store_load (req->store, type, entity->id, error);
  if (saved == NULL)
    return FALSE;
  node = SP_IS_DISCLOSURE_REQUEST (saved) ? encode_request (SP_DISCLOSURE_REQUEST (saved))
                                          : sp_json_encode (saved, SP_JSON_ENCODE_DEFAULT);
  sp_request_reply (req, SOUP_STATUS_CREATED, node);
  return TRUE;
}

static gboolean
patch_record (SpRequest  *req,
              GType       type,
              GError    **error)
{
  static const char * const members[] = { "base_rev", "fields", NULL };
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(SpEntity) current = NULL;
  g_autoptr(SpEntity) merged = NULL;
  g_autoptr(SpEntity) client = NULL;
  g_autoptr(SpEntity) saved = NULL;
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new ();
  g_autoptr(JsonNode) node = NULL;
  const SpField *case_field;
  JsonObject *object;
  gint64 base_rev = 0;

  if ((body = sp_api_read_patch (req, members, &object, &base_rev, error)) == NULL)
    return FALSE;
  if (type != SP_TYPE_ACCOUNT_REQUEST && !require_registrar (req, error))
    return FALSE;

  current = sp_store_load (req->store, type, req->param, NULL);
  if (current == NULL || current->deleted)
    {
      sp_set_field_error (error, SP_ERROR_NOT_FOUND, NULL, "No such record");
      return FALSE;
    }
  case_field = sp_entity_info_lookup (sp_entity_get_info (current), "case_id");
  kase = sp_api_load_readable_case (req, sp_entity_get_string (current, case_field), NULL, error);
  if (kase == NULL || !require_writer (req, type, kase, error))
    return FALSE;

  merged = sp_merge_apply_patch (req->store, current, json_object_get_member (object, "fields"),
                                 base_rev, changed, conflicts, &client, error);
  if (merged == NULL)
    return FALSE;
  if (conflicts->len > 0)
    return sp_api_refuse_conflicts (req, NULL, current, client, conflicts, 0,
                                    base_rev, error);
  if (g_strcmp0 (sp_entity_get_string (merged, case_field),
                 sp_entity_get_string (current, case_field)) != 0)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "case_id",
                          "A record cannot be moved to another case");
      return FALSE;
    }
  if (changed->len > 0 && !save (req, merged, current, SP_SAVE_DEFAULT, error))
    return FALSE;

  saved = sp_store_load (req->store, type, req->param, error);
  if (saved == NULL)
    return FALSE;
  node = SP_IS_DISCLOSURE_REQUEST (saved) ? encode_request (SP_DISCLOSURE_REQUEST (saved))
                                          : sp_json_encode (saved, SP_JSON_ENCODE_DEFAULT);
  sp_request_reply (req, SOUP_STATUS_OK, node);
  return TRUE;
}

gboolean
sp_api_case_secrecy_list (SpRequest  *req,
                          GError    **error)
{
  return list_children (req, SP_TYPE_SECRECY_MARKING, error);
}

gboolean
sp_api_case_secrecy_create (SpRequest  *req,
                            GError    **error)
{
  return create_child (req, SP_TYPE_SECRECY_MARKING, error);
}

gboolean
sp_api_secrecy_patch (SpRequest  *req,
                      GError    **error)
{
  return patch_record (req, SP_TYPE_SECRECY_MARKING, error);
}

gboolean
sp_api_case_disclosures_list (SpRequest  *req,
                              GError    **error)
{
  return list_children (req, SP_TYPE_DISCLOSURE_REQUEST, error);
}

gboolean
sp_api_case_disclosure_create (SpRequest  *req,
                               GError    **error)
{
  return create_child (req, SP_TYPE_DISCLOSURE_REQUEST, error);
}

gboolean
sp_api_disclosure_patch (SpRequest  *req,
                         GError    **error)
{
  return patch_record (req, SP_TYPE_DISCLOSURE_REQUEST, error);
}

gboolean
sp_api_case_accounts_list (SpRequest  *req,
                           GError    **error)
{
  return list_children (req, SP_TYPE_ACCOUNT_REQUEST, error);
}

gboolean
sp_api_case_account_create (SpRequest  *req,
                            GError    **error)
{
  return create_child (req, SP_TYPE_ACCOUNT_REQUEST, error);
}

gboolean
sp_api_account_patch (SpRequest  *req,
                      GError    **error)
{
  return patch_record (req, SP_TYPE_ACCOUNT_REQUEST, error);
}

/* R6: the registrar sends the case to the unit chosen, with the
 * department's contact in copy; the answer names the copy. */
gboolean
sp_api_case_assign (SpRequest  *req,
                    GError    **error)
{
  static const char * const members[] = { "unit_id", NULL };
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(SpEntity) before = NULL;
  g_autoptr(SpCase) saved = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *copy_to = NULL;
  JsonObject *object;
  const char *unit_id;
  gboolean redact = TRUE;
  SpActor actor;

  body = sp_request_read_json (req, error);
  if (body == NULL)
    return FALSE;
  if ((object = sp_json_require_object (body, NULL, error)) == NULL ||
      !sp_json_check_members (object, members, error) ||
      (unit_id = sp_json_member_string (object, "unit_id", TRUE, error)) == NULL)
    return FALSE;

  kase = sp_api_load_readable_case (req, req->param, &redact, error);
  if (kase == NULL || !require_registrar (req, error))
    return FALSE;

  before = sp_entity_copy (SP_ENTITY (kase));
  actor = sp_request_get_actor (req);
  if (!sp_store_begin (req->store, error))
    return FALSE;
  if (!sp_server_store_end (req->store,
                            !sp_store_assign_to_unit (req->store, req->param, unit_id, &actor, &copy_to, error) ||
                            !(saved = sp_store_get_case (req->store, req->param, error)) ||
                            !sp_audit_record_write (req->store, actor.user_id, "assign", before, SP_ENTITY (saved), error),
                            error))
    return FALSE;

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, json_object_new ());
  json_object_set_member (json_node_get_object (node), "case", sp_api_encode_case (req, saved, redact));
  if (copy_to != NULL)
    json_object_set_string_member (json_node_get_object (node), "copy_to", copy_to);
  else
    json_object_set_null_member (json_node_get_object (node), "copy_to");
  sp_request_reply (req, SOUP_STATUS_OK, node);
  return TRUE;
}
