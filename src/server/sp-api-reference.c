/* sp-api-reference.c: units, users, providers and categories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include "sp-api.h"
#include "sp-audit.h"
#include "sp-auth.h"
#include "sp-http.h"
#include "sp-merge.h"
#include "sp-server-schema.h"
#include "sp-server-store.h"

#define ADMIN SP_ROLE_BIT (SP_ROLE_ADMIN)

static gboolean
reply_all (SpRequest  *req,
           GType       type,
           GError    **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(JsonNode) node = NULL;

  all = sp_store_load_where (req->store, type, NULL, NULL, error);
  if (all == NULL)
    return FALSE;

  node = sp_api_encode_list (all, -1);
  sp_request_reply (req, SOUP_STATUS_OK, node);
  return TRUE;
}

static gboolean
check_unique (SpStore     *store,
              GType        type,
              const char  *column,
              const char  *value,
              GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;

  if (value == NULL)
    return TRUE;

  found = sp_store_load_where (store, type, column, value, error);
  if (found == NULL)
    return FALSE;
  if (found->len > 0)
    {
      sp_set_field_error (error, SP_ERROR_CONFLICT, column, "This %s is taken", column);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_reference (SpStore     *store,
                 GType        type,
                 const char  *id,
                 const char  *field,
                 GError     **error)
{
  g_autoptr(SpEntity) entity = NULL;

  if (id == NULL)
    return TRUE;
  if (sp_is_uuid (id))
    entity = sp_store_load (store, type, id, NULL);
  if (entity == NULL || entity->deleted)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, field, "%s names nothing that exists", field);
      return FALSE;
    }
  return TRUE;
}

/* A name of spaces only is no name (the decoder refuses only ""). */
static gboolean
check_name (SpEntity  *entity,
            GError   **error)
{
  const char *name = NULL;
  const char *field = "name";

  if (SP_IS_UNIT (entity))
    name = SP_UNIT (entity)->name;
  else if (SP_IS_CATEGORY (entity))
    name = SP_CATEGORY (entity)->name;
  else if (SP_IS_USER (entity))
    {
      name = SP_USER (entity)->username;
      field = "username";
    }
  else
    return TRUE;

  for (const char *p = name ? name : ""; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  sp_set_field_error (error, SP_ERROR_INVALID, field, "%s is required", field);
  return FALSE;
}

/* Saves a new record (and its audit row) and answers 201 with it. */
static gboolean
save_new (SpRequest  *req,
          SpEntity   *entity,
          GError    **error)
{
  g_autoptr(SpEntity) saved = NULL;
  g_autoptr(JsonNode) node = NULL;
  const char *user_id = sp_request_get_user_id (req);

  if (entity->id != NULL)
    {
      g_autoptr(SpEntity) existing = sp_store_load (req->store, G_OBJECT_TYPE (entity), entity->id, NULL);

      if (existing != NULL)
        {
          sp_set_field_error (error, SP_ERROR_CONFLICT, "id", "A record with this id exists");
          return FALSE;
        }
    }
  sp_entity_ensure_id (entity);

  if (!sp_store_save (req->store, entity, SP_SAVE_DEFAULT, user_id, error) ||
      !sp_audit_record_write (req->store, user_id, "create", NULL, entity, error))
    return FALSE;

  saved = sp_store_load (req->store, G_OBJECT_TYPE (entity), entity->id, error);
  if (saved == NULL)
    return FALSE;

  node = sp_json_encode (saved, SP_JSON_ENCODE_DEFAULT);
  sp_request_reply (req, SOUP_STATUS_CREATED, node);
  return TRUE;
}

static gboolean
create_in_transaction (SpRequest  *req,
                       SpEntity   *entity,
                       GError    **error)
{
  if (!sp_store_begin (req->store, error))
    return FALSE;
  if (!sp_server_store_end (req->store,
                            !save_new (req, entity, error),
                            error))
    {
      return FALSE;
    }
  return TRUE;
}

static gpointer
decode_body (SpRequest  *req,
             GType       type,
             GError    **error)
{
  g_autoptr(JsonNode) body = sp_request_read_json (req, error);

  if (body == NULL)
    return NULL;
  if (sp_json_require_object (body, NULL, error) == NULL)
    return NULL;
  return sp_json_decode_new (type, body, SP_JSON_DECODE_CREATE, error);
}

gboolean
sp_api_units_list (SpRequest  *req,
                   GError    **error)
{
  return reply_all (req, SP_TYPE_UNIT, error);
}

gboolean
sp_api_units_create (SpRequest  *req,
                     GError    **error)
{
  g_autoptr(SpUnit) unit = NULL;

  if (!sp_request_require_roles (req, ADMIN, error))
    return FALSE;
  if ((unit = decode_body (req, SP_TYPE_UNIT, error)) == NULL)
    return FALSE;
  if (!check_name (SP_ENTITY (unit), error) ||
      !check_reference (req->store, SP_TYPE_UNIT, unit->parent_id, "parent_id", error) ||
      !check_reference (req->store, SP_TYPE_USER, unit->manager_id, "manager_id", error))
    return FALSE;

  return create_in_transaction (req, SP_ENTITY (unit), error);
}

gboolean
sp_api_users_list (SpRequest  *req,
                   GError    **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) directory = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *items;

  all = sp_store_load_where (req->store, SP_TYPE_USER, NULL, NULL, error);
  if (all == NULL)
    return FALSE;

  /* Each user says whether it is local or the directory's. */
  directory = sp_server_store_directory_user_ids (req->store);
  node = sp_api_encode_list (all, -1);
  items = json_object_get_array_member (json_node_get_object (node), "items");
  for (guint i = 0; i < all->len; i++)
    json_object_set_string_member (json_array_get_object_element (items, i), "source",
                                   g_hash_table_contains (directory, SP_ENTITY (g_ptr_array_index (all, i))->id)
                                   ? "directory" : "local");
  sp_request_reply (req, SOUP_STATUS_OK, node);
  return TRUE;
}

gboolean
sp_api_users_create (SpRequest  *req,
                     GError    **error)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) without_password = NULL;
  g_autoptr(SpUser) user = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *password = NULL;
  JsonObject *object;
  JsonObject *rest;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (!sp_request_require_roles (req, ADMIN, error))
    return FALSE;

  body = sp_request_read_json (req, error);
  if (body == NULL)
    return FALSE;
  if ((object = sp_json_require_object (body, NULL, error)) == NULL ||
      (password = g_strdup (sp_json_member_string (object, "password", TRUE, error))) == NULL)
    return FALSE;
  if (!sp_auth_check_password (password, error))
    return FALSE;

  /* The password is not a field of the user record: decode the rest.
   * (json_node_copy() shares the object, so build a new one.) */
  rest = json_object_new ();
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &value))
    if (!g_str_equal (name, "password"))
      json_object_set_member (rest, name, json_node_copy (value));
  without_password = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (without_password, rest);
  user = sp_json_decode_new (SP_TYPE_USER, without_password, SP_JSON_DECODE_CREATE, error);
  if (user == NULL)
    return FALSE;
  if (!check_name (SP_ENTITY (user), error))
    return FALSE;
  if (!check_unique (req->store, SP_TYPE_USER, "username", user->username, error) ||
      !check_reference (req->store, SP_TYPE_UNIT, user->unit_id, "unit_id", error))
    return FALSE;

  hash = sp_auth_hash_password (password, error);
  if (hash == NULL)
    return FALSE;

  if (!sp_store_begin (req->store, error))
    return FALSE;
  sp_entity_ensure_id (SP_ENTITY (user));
  if (!sp_server_store_end (req->store,
                            !save_new (req, SP_ENTITY (user), error) ||
                            !sp_auth_store_password_hash (req->store, SP_ENTITY (user)->id, hash, error),
                            error))
    {
      return FALSE;
    }

  return TRUE;
}

gboolean
sp_api_providers_list (SpRequest  *req,
                       GError    **error)
{
  return reply_all (req, SP_TYPE_PROVIDER, error);
}

gboolean
sp_api_providers_create (SpRequest  *req,
                         GError    **error)
{
  g_autoptr(SpProvider) provider = NULL;

  if (!sp_request_require_roles (req, ADMIN | SP_ROLE_BIT (SP_ROLE_PROCUREMENT), error))
    return FALSE;
  if ((provider = decode_body (req, SP_TYPE_PROVIDER, error)) == NULL ||
      !sp_provider_validate (provider, error))
    return FALSE;

  return create_in_transaction (req, SP_ENTITY (provider), error);
}

gboolean
sp_api_categories_list (SpRequest  *req,
                        GError    **error)
{
  return reply_all (req, SP_TYPE_CATEGORY, error);
}

gboolean
sp_api_categories_create (SpRequest  *req,
                          GError    **error)
{
  g_autoptr(SpCategory) category = NULL;

  if (!sp_request_require_roles (req, ADMIN, error))
    return FALSE;
  if ((category = decode_body (req, SP_TYPE_CATEGORY, error)) == NULL)
    return FALSE;
  if (!check_name (SP_ENTITY (category), error) ||
      !check_unique (req->store, SP_TYPE_CATEGORY, "code", category->code, error))
    return FALSE;

  return create_in_transaction (req, SP_ENTITY (category), error);
}

/* ---- Changing and removing reference records ------------------------- */

static SpEntity *
load_live (SpRequest  *req,
           GType       type,
           GError    **error)
{
  g_autoptr(SpEntity) entity = NULL;

  if (req->param != NULL && sp_is_uuid (req->param))
    entity = sp_store_load (req->store, type, req->param, NULL);
  if (entity == NULL || entity->deleted)
    {
      sp_set_field_error (error, SP_ERROR_NOT_FOUND, NULL, "No such record");
      return NULL;
    }
  return g_steal_pointer (&entity);
}

/* A unit may not end up below itself. */
static gboolean
check_no_cycle (SpStore     *store,
                const char  *unit_id,
                const char  *parent_id,
                GError     **error)
{
  g_autofree char *current = g_strdup (parent_id);

  for (guint depth = 0; current != NULL && depth < 1000; depth++)
    {
      g_autoptr(SpUnit) unit = NULL;

      if (g_strcmp0 (current, unit_id) == 0)
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "parent_id", "A unit cannot be placed under itself");
          return FALSE;
        }
      unit = sp_store_load (store, SP_TYPE_UNIT, current, NULL);
      g_free (current);
      current = unit ? g_strdup (unit->parent_id) : NULL;
    }
  return TRUE;
}

static gboolean
check_changed_record (SpRequest  *req,
                      SpEntity   *current,
                      SpEntity   *merged,
                      GError    **error)
{
  if (!check_name (merged, error))
    return FALSE;
  if (SP_IS_UNIT (merged))
    return check_reference (req->store, SP_TYPE_UNIT, SP_UNIT (merged)->parent_id, "parent_id", error) &&
           check_reference (req->store, SP_TYPE_USER, SP_UNIT (merged)->manager_id, "manager_id", error) &&
           check_no_cycle (req->store, merged->id, SP_UNIT (merged)->parent_id, error);
  if (SP_IS_USER (merged))
    {
      if (g_strcmp0 (SP_USER (merged)->username, SP_USER (current)->username) != 0 &&
          !check_unique (req->store, SP_TYPE_USER, "username", SP_USER (merged)->username, error))
        return FALSE;
      return check_reference (req->store, SP_TYPE_UNIT, SP_USER (merged)->unit_id, "unit_id", error);
    }
  if (SP_IS_PROVIDER (merged))
    return sp_provider_validate (SP_PROVIDER (merged), error);
  if (SP_IS_CATEGORY (merged) &&
      g_strcmp0 (SP_CATEGORY (merged)->code, SP_CATEGORY (current)->code) != 0)
    {
      /* Cases refer to categories by code. */
      sp_set_field_error (error, SP_ERROR_INVALID, "code", "A category's code cannot change");
      return FALSE;
    }
  return TRUE;
}

static gboolean
patch_reference (SpRequest  *req,
                 GType       type,
                 guint       roles,
                 GError    **error)
{
  static const char * const members[] = { "base_rev", "fields", "password", NULL };
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(SpEntity) current = NULL;
  g_autoptr(SpEntity) merged = NULL;
  g_autoptr(SpEntity) client = NULL;
  g_autoptr(SpEntity) saved = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *hash = NULL;
  const char *user_id = sp_request_get_user_id (req);
  JsonObject *object;
  const char *password = NULL;
  gint64 base_rev = 0;

  if (!sp_request_require_roles (req, roles, error))
    return FALSE;
  if ((body = sp_api_read_patch (req, members, &object, &base_rev, error)) == NULL)
    return FALSE;
  if (json_object_has_member (object, "password"))
    {
      if (type != SP_TYPE_USER)
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "password", "Only users have a password");
          return FALSE;
        }
      if (req->param != NULL && sp_server_store_is_directory_user (req->store, req->param))
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "password",
                              "A directory user's password is kept in the directory");
          return FALSE;
        }
      if ((password = sp_json_member_string (object, "password", TRUE, error)) == NULL ||
          (hash = sp_auth_hash_password (password, error)) == NULL)
        return FALSE;
    }

  if ((current = load_live (req, type, error)) == NULL)
    return FALSE;

  merged = sp_merge_apply_patch (req->store, current, json_object_get_member (object, "fields"),
                                 base_rev, changed, conflicts, &client, error);
  if (merged == NULL)
    return FALSE;
  if (conflicts->len > 0)
    return sp_api_refuse_conflicts (req, sp_json_encode (current, SP_JSON_ENCODE_DEFAULT), current, client, conflicts, 0,
                                    base_rev, error);
  if (!check_changed_record (req, current, merged, error))
    return FALSE;

  if (!sp_store_begin (req->store, error))
    return FALSE;
  if (!sp_server_store_end (req->store,
                            (changed->len > 0 &&
                             (!sp_store_save (req->store, merged, SP_SAVE_CHECK_REV, user_id, error) ||
                              !sp_audit_record_write (req->store, user_id, "update", current, merged, error))) ||
                            (hash != NULL &&
                             (!sp_auth_store_password_hash (req->store, current->id, hash, error) ||
                              !sp_server_store_end_sessions_of (req->store, current->id, error) ||
                              !sp_audit_append (req->store, user_id, "password", "user", current->id,
                                                NULL, NULL, NULL, error))),
                            error))
    return FALSE;

  saved = sp_store_load (req->store, type, current->id, error);
  if (saved == NULL)
    return FALSE;
  node = sp_json_encode (saved, SP_JSON_ENCODE_DEFAULT);
  sp_request_reply (req, SOUP_STATUS_OK, node);
  return TRUE;
}

gboolean
sp_api_unit_patch (SpRequest  *req,
                   GError    **error)
{
  return patch_reference (req, SP_TYPE_UNIT, ADMIN, error);
}

gboolean
sp_api_user_patch (SpRequest  *req,
                   GError    **error)
{
  return patch_reference (req, SP_TYPE_USER, ADMIN, error);
}

gboolean
sp_api_provider_patch (SpRequest  *req,
                       GError    **error)
{
  return patch_reference (req, SP_TYPE_PROVIDER, ADMIN | SP_ROLE_BIT (SP_ROLE_PROCUREMENT), error);
}

gboolean
sp_api_category_patch (SpRequest  *req,
                       GError    **error)
{
  return patch_reference (req, SP_TYPE_CATEGORY, ADMIN, error);
}

/* Removes a user (a tombstone, so that their name stays on what they did)
 * and ends their sessions. */
gboolean
sp_api_user_delete (SpRequest  *req,
                    GError    **error)
{
  g_autoptr(SpEntity) user = NULL;
  const char *user_id = sp_request_get_user_id (req);

  if (!sp_request_require_roles (req, ADMIN, error))
    return FALSE;
  if ((user = load_live (req, SP_TYPE_USER, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (user->id, user_id) == 0)
    {
      sp_set_field_error (error, SP_ERROR_CONFLICT, NULL, "You cannot remove your own account");
      return FALSE;
    }

  user->deleted = TRUE;
  if (!sp_store_begin (req->store, error))
    return FALSE;
  if (!sp_server_store_end (req->store,
                            !sp_store_save (req->store, user, SP_SAVE_DEFAULT, user_id, error) ||
                            !sp_server_store_end_sessions_of (req->store, user->id, error) ||
                            !sp_audit_append (req->store, user_id, "delete", "user", user->id,
                                              "deleted", "false", "true", error),
                            error))
    return FALSE;

  soup_server_message_set_status (req->msg, SOUP_STATUS_NO_CONTENT, NULL);
  return TRUE;
}

/* Takes a unit out of use (a tombstone, which the feed carries to every
 * replica). One with units, users or open cases of its own is refused,
 * so that nothing is left pointing at it. */
gboolean
sp_api_unit_delete (SpRequest  *req,
                    GError    **error)
{
  g_autoptr(SpEntity) unit = NULL;
  const char *user_id = sp_request_get_user_id (req);

  if (!sp_request_require_roles (req, ADMIN, error))
    return FALSE;
  if ((unit = load_live (req, SP_TYPE_UNIT, error)) == NULL)
    return FALSE;

  if (!sp_store_begin (req->store, error))
    return FALSE;
  if (!sp_server_store_end (req->store,
                            !sp_store_admin_deactivate (req->store, SP_TYPE_UNIT, unit->id, user_id,
                                                        error) ||
                            !sp_audit_append (req->store, user_id, "delete", "unit", unit->id,
                                              "deleted", "false", "true", error),
                            error))
    return FALSE;

  soup_server_message_set_status (req->msg, SOUP_STATUS_NO_CONTENT, NULL);
  return TRUE;
}
