/* sp-api-compilations.c: units' compilations (sammanställningar, R24)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The unit's manager and its head of department write a unit's
 * compilations; quality staff read every unit's; everyone else is
 * refused. Every save goes through sp_store_save_unit_compilation(), the
 * same checks the app makes, which counts the figures on creation.
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include "sp-api.h"
#include "sp-audit.h"
#include "sp-http.h"
#include "sp-merge.h"
#include "sp-server-schema.h"
#include "sp-server-store.h"

static gboolean
require_reader (SpRequest  *req,
                GError    **error)
{
  if (sp_principal_has_role (req->principal, SP_ROLE_QUALITY) ||
      sp_principal_has_role (req->principal, SP_ROLE_UNIT_MANAGER) ||
      sp_principal_has_role (req->principal, SP_ROLE_DEPARTMENT_HEAD))
    return TRUE;
  sp_set_field_error (error, SP_ERROR_PERMISSION, NULL,
                      "Only unit managers, heads of department and quality staff read compilations");
  return FALSE;
}

gboolean
sp_api_compilation_check_writable (SpRequest   *req,
                                   const char  *unit_id,
                                   GError     **error)
{
  if (sp_principal_can_write_compilation (req->principal, unit_id))
    return TRUE;
  sp_set_field_error (error, SP_ERROR_PERMISSION, "unit_id",
                      "Only the unit's manager and its head of department write its compilation");
  return FALSE;
}

/* The compilation of the path, if the user may read it (404 otherwise:
 * that it exists must not leak). */
static SpUnitCompilation *
load_readable (SpRequest  *req,
               GError    **error)
{
  g_autoptr(SpUnitCompilation) compilation = NULL;

  if (req->param != NULL && sp_is_uuid (req->param))
    compilation = sp_store_load (req->store, SP_TYPE_UNIT_COMPILATION, req->param, NULL);
  if (compilation == NULL || SP_ENTITY (compilation)->deleted ||
      !sp_principal_can_read_compilation (req->principal, compilation->unit_id))
    {
      sp_set_field_error (error, SP_ERROR_NOT_FOUND, NULL, "No such compilation");
      return NULL;
    }
  return g_steal_pointer (&compilation);
}

static gboolean
reply_compilation (SpRequest   *req,
                   const char  *id,
                   guint        status,
                   GError     **error)
{
  g_autoptr(SpEntity) saved = sp_store_load (req->store, SP_TYPE_UNIT_COMPILATION, id, error);
  g_autoptr(JsonNode) node = NULL;

  if (saved == NULL)
    return FALSE;
  node = sp_json_encode (saved, SP_JSON_ENCODE_DEFAULT);
  sp_request_reply (req, status, node);
  return TRUE;
}

/* ?unit=<id> and ?period=2025-T2 narrow the list to what the user reads. */
gboolean
sp_api_compilations_list (SpRequest  *req,
                          GError    **error)
{
  static const char * const known[] = { "unit", "period", NULL };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) readable = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonNode) node = NULL;
  const char *unit;
  const char *period;
  GHashTableIter iter;
  gpointer key;

  if (!require_reader (req, error))
    return FALSE;
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
  unit = sp_http_query_get (req->query, "unit");
  period = sp_http_query_get (req->query, "period");
  if (unit != NULL && !sp_is_uuid (unit))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "unit", "unit must be a UUID");
      return FALSE;
    }
  if (period != NULL)
    {
      g_autoptr(SpUnitCompilation) probe = sp_unit_compilation_new ();
      g_autoptr(GPtrArray) problems = NULL;

      probe->unit_id = g_strdup ("00000000-0000-4000-8000-000000000000");
      probe->period = g_strdup (period);
      problems = sp_unit_compilation_check (probe);
      if (problems->len > 0)
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "period", "period must be a tertial or a year");
          return FALSE;
        }
    }

  all = sp_store_list_unit_compilations (req->store, unit, period, error);
  if (all == NULL)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    if (sp_principal_can_read_compilation (req->principal, ((SpUnitCompilation *) all->pdata[i])->unit_id))
      g_ptr_array_add (readable, g_object_ref (all->pdata[i]));

  node = sp_api_encode_list (readable, -1);
  sp_request_reply (req, SOUP_STATUS_OK, node);
  return TRUE;
}

gboolean
sp_api_compilations_create (SpRequest  *req,
                            GError    **error)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(SpUnitCompilation) compilation = NULL;
  g_autoptr(SpEntity) existing = NULL;
  SpActor actor = sp_request_get_actor (req);

  if ((body = sp_request_read_json (req, error)) == NULL ||
      sp_json_require_object (body, NULL, error) == NULL ||
      (compilation = sp_json_decode_new (SP_TYPE_UNIT_COMPILATION, body, SP_JSON_DECODE_CREATE,
                                         error)) == NULL)
    return FALSE;
  if (!sp_api_compilation_check_writable (req, compilation->unit_id, error))
    return FALSE;
  if (SP_ENTITY (compilation)->id != NULL &&
      (existing = sp_store_load (req->store, SP_TYPE_UNIT_COMPILATION, SP_ENTITY (compilation)->id,
                                 NULL)) != NULL)
    {
      sp_api_set_id_taken_error (error);
      return FALSE;
    }

  if (!sp_store_begin (req->store, error))
    return FALSE;
  if (!sp_server_store_end (req->store,
                            !sp_store_save_unit_compilation (req->store, compilation, SP_SAVE_DEFAULT,
                                                             &actor, error) ||
                            !sp_audit_record_write (req->store, actor.user_id, "create", NULL,
                                                    SP_ENTITY (compilation), error),
                            error))
    return FALSE;

  return reply_compilation (req, SP_ENTITY (compilation)->id, SOUP_STATUS_CREATED, error);
}

gboolean
sp_api_compilation_get (SpRequest  *req,
                        GError    **error)
{
  g_autoptr(SpUnitCompilation) compilation = NULL;

  if (!require_reader (req, error) || (compilation = load_readable (req, error)) == NULL)
    return FALSE;
  return reply_compilation (req, SP_ENTITY (compilation)->id, SOUP_STATUS_OK, error);
}

gboolean
sp_api_compilation_patch (SpRequest  *req,
                          GError    **error)
{
  static const char * const members[] = { "base_rev", "fields", NULL };
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(SpUnitCompilation) current = NULL;
  g_autoptr(SpEntity) merged = NULL;
  g_autoptr(SpEntity) client = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new ();
  JsonObject *object;
  gint64 base_rev = 0;
  SpActor actor = sp_request_get_actor (req);

  if ((body = sp_api_read_patch (req, members, &object, &base_rev, error)) == NULL)
    return FALSE;
  if (!require_reader (req, error) ||
      (current = load_readable (req, error)) == NULL ||
      !sp_api_compilation_check_writable (req, current->unit_id, error))
    return FALSE;

  merged = sp_merge_apply_patch (req->store, SP_ENTITY (current), json_object_get_member (object, "fields"),
                                 base_rev, changed, conflicts, &client, error);
  if (merged == NULL)
    return FALSE;
  if (conflicts->len > 0)
    return sp_api_refuse_conflicts (req, sp_json_encode (SP_ENTITY (current), SP_JSON_ENCODE_DEFAULT), SP_ENTITY (current), client, conflicts, 0,
                                    base_rev, error);
  if (changed->len == 0)
    return reply_compilation (req, SP_ENTITY (current)->id, SOUP_STATUS_OK, error);

  if (!sp_store_begin (req->store, error))
    return FALSE;
  if (!sp_server_store_end (req->store,
                            !sp_store_save_unit_compilation (req->store, SP_UNIT_COMPILATION (merged),
                                                             SP_SAVE_CHECK_REV, &actor, error) ||
                            !sp_audit_record_write (req->store, actor.user_id, "update",
                                                    SP_ENTITY (current), merged, error),
                            error))
    return FALSE;

  return reply_compilation (req, SP_ENTITY (current)->id, SOUP_STATUS_OK, error);
}
