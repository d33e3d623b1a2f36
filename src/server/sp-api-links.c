/* sp-api-links.c: links between cases, and duplicates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include "sp-api.h"
#include "sp-audit.h"
#include "sp-http.h"
#include "sp-json.h"
#include "sp-principal.h"
#include "sp-server-schema.h"
#include "sp-server-store.h"

/* The link as the caller sees it: with the other case's diary number and
 * subject, if they may read that case; NULL if they may not (the link
 * then says nothing of it). */
static JsonNode *
encode_link (SpRequest  *req,
             SpCaseLink *link,
             const char *case_id)
{
  const char *other_id = sp_case_link_other_end (link, case_id);
  g_autoptr(SpCase) other = sp_store_get_case (req->store, other_id, NULL);
  gboolean redact = TRUE;
  JsonNode *node;
  JsonObject *object;

  if (other == NULL || other->parent_instance.deleted ||
      !sp_principal_can_read_case (req->principal, other, &redact))
    return NULL;
  node = sp_json_encode (SP_ENTITY (link), redact ? SP_JSON_ENCODE_REDACT_PERSONAL : SP_JSON_ENCODE_DEFAULT);
  object = json_node_get_object (node);
  json_object_set_string_member (object, "other_diary_number", other->diary_number);
  json_object_set_string_member (object, "other_subject", other->subject);
  /* Which way a duplicate link points, seen from this case. */
  json_object_set_string_member (object, "direction",
                                 g_strcmp0 (link->case_id, case_id) == 0 ? "from" : "to");
  return node;
}

gboolean
sp_api_case_links_list (SpRequest  *req,
                        GError    **error)
{
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *items;

  kase = sp_api_load_readable_case (req, req->param, NULL, error);
  if (kase == NULL || (links = sp_store_get_case_links (req->store, req->param, error)) == NULL)
    return FALSE;

  items = json_array_new ();
  for (guint i = 0; i < links->len; i++)
    {
      JsonNode *item = encode_link (req, links->pdata[i], req->param);

      if (item != NULL)
        json_array_add_element (items, item);
    }
  node = sp_api_encode_list (NULL, json_array_get_length (items));
  json_object_set_array_member (json_node_get_object (node), "items", items);
  sp_request_reply (req, SOUP_STATUS_OK, node);
  return TRUE;
}

static gboolean
may_link (SpRequest  *req,
          SpCase     *kase,
          GError    **error)
{
  if (sp_principal_has_role (req->principal, SP_ROLE_REGISTRAR) ||
      sp_principal_can_edit_case (req->principal, kase))
    return TRUE;
  sp_set_field_error (error, SP_ERROR_PERMISSION, NULL, "You may not change this case");
  return FALSE;
}

gboolean
sp_api_case_link_create (SpRequest  *req,
                         GError    **error)
{
  static const char * const members[] = { "id", "case_id", "other_case_id", "kind", "note", NULL };
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(SpCase) other = NULL;
  g_autoptr(SpEntity) entity = NULL;
  JsonObject *object;
  JsonNode *given;
  SpActor actor;

  kase = sp_api_load_readable_case (req, req->param, NULL, error);
  if (kase == NULL || !may_link (req, kase, error))
    return FALSE;
  body = sp_request_read_json (req, error);
  if (body == NULL || (object = sp_json_require_object (body, NULL, error)) == NULL ||
      !sp_json_check_members (object, members, error))
    return FALSE;
  given = json_object_get_member (object, "case_id");
  if (given != NULL &&
      (!JSON_NODE_HOLDS_VALUE (given) || json_node_get_value_type (given) != G_TYPE_STRING ||
       g_strcmp0 (json_node_get_string (given), req->param) != 0))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "case_id", "The link names another case");
      return FALSE;
    }
  json_object_set_string_member (object, "case_id", req->param);
  entity = sp_json_decode_new (SP_TYPE_CASE_LINK, body, SP_JSON_DECODE_CREATE, error);
  if (entity == NULL)
    return FALSE;
  if (entity->id != NULL)
    {
      g_autoptr(SpEntity) existing = sp_store_load (req->store, SP_TYPE_CASE_LINK, entity->id, NULL);

      if (existing != NULL)
        {
          sp_api_set_id_taken_error (error);
          return FALSE;
        }
    }
  /* The other case too must be one the caller sees: else it is not found,
   * and nothing says whether it exists. */
  other = sp_api_load_readable_case (req, SP_CASE_LINK (entity)->other_case_id, NULL, error);
  if (other == NULL)
    {
      if (error != NULL && *error != NULL)
        sp_error_set_field (*error, "other_case_id");
      return FALSE;
    }

  actor = sp_request_get_actor (req);
  if (!sp_store_begin (req->store, error))
    return FALSE;
  if (!sp_server_store_end (req->store,
                            !sp_store_link_cases (req->store, SP_CASE_LINK (entity), SP_SAVE_DEFAULT, &actor,
                                                  error) ||
                            !sp_audit_record_write (req->store, actor.user_id, "create", NULL, entity, error),
                            error))
    return FALSE;

  {
    g_autoptr(SpCaseLink) saved = sp_store_load (req->store, SP_TYPE_CASE_LINK, entity->id, error);
    JsonNode *node;

    if (saved == NULL || (node = encode_link (req, saved, req->param)) == NULL)
      return FALSE;
    sp_request_reply (req, SOUP_STATUS_CREATED, node);
    json_node_unref (node);
  }
  return TRUE;
}

gboolean
sp_api_case_link_delete (SpRequest  *req,
                         GError    **error)
{
  g_autoptr(SpCaseLink) link = NULL;
  g_autoptr(SpCaseLink) after = NULL;
  g_autoptr(SpCase) kase = NULL;
  SpActor actor;

  link = sp_is_uuid (req->param) ? sp_store_load (req->store, SP_TYPE_CASE_LINK, req->param, NULL) : NULL;
  if (link == NULL || SP_ENTITY (link)->deleted)
    {
      sp_set_field_error (error, SP_ERROR_NOT_FOUND, NULL, "No such link");
      return FALSE;
    }
  kase = sp_api_load_readable_case (req, link->case_id, NULL, error);
  if (kase == NULL || !may_link (req, kase, error))
    return FALSE;

  actor = sp_request_get_actor (req);
  if (!sp_store_begin (req->store, error))
    return FALSE;
  if (!sp_server_store_end (req->store,
                            !sp_store_unlink_cases (req->store, req->param, &actor, error) ||
                            !(after = sp_store_load (req->store, SP_TYPE_CASE_LINK, req->param, error)) ||
                            !sp_audit_record_write (req->store, actor.user_id, "delete", SP_ENTITY (link),
                                                    SP_ENTITY (after), error),
                            error))
    return FALSE;
  soup_server_message_set_status (req->msg, SOUP_STATUS_NO_CONTENT, NULL);
  return TRUE;
}
