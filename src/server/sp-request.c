/* sp-request.c: one API request as the handlers see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include "sp-http.h"
#include "sp-request.h"

void
sp_request_reply (SpRequest *req,
                  guint      status,
                  JsonNode  *node)
{
  sp_http_reply_json (req->msg, status, node);
}

void
sp_request_reply_text (SpRequest *req,
                       guint      status,
                       GString   *text)
{
  sp_http_reply_text (req->msg, status, text);
}

void
sp_request_free (SpRequest *req)
{
  if (req == NULL)
    return;
  g_clear_object (&req->server);
  g_clear_object (&req->msg);
  g_clear_pointer (&req->query, g_hash_table_unref);
  g_clear_pointer (&req->param, g_free);
  g_clear_pointer (&req->principal, sp_principal_free);
  g_clear_pointer (&req->token, g_free);
  g_clear_pointer (&req->address, g_free);
  g_clear_pointer (&req->error_extra, json_object_unref);
  g_free (req);
}

void
sp_request_finish_async (SpRequest *req,
                         GError    *error)
{
  if (error != NULL)
    sp_http_reply_error (req->msg, error, req->error_extra);
  soup_server_message_unpause (req->msg);
  sp_request_free (req);
}

JsonNode *
sp_request_read_json (SpRequest  *req,
                      GError    **error)
{
  return sp_http_read_json (req->msg, req->config->max_body, error);
}

SpActor
sp_request_get_actor (SpRequest *req)
{
  g_assert (req->principal != NULL);
  return sp_principal_get_actor (req->principal);
}

const char *
sp_request_get_user_id (SpRequest *req)
{
  return req->principal ? SP_ENTITY (req->principal->user)->id : NULL;
}

gboolean
sp_request_require_roles (SpRequest  *req,
                          guint       roles,
                          GError    **error)
{
  if (req->principal != NULL && (req->principal->roles & roles) != 0)
    return TRUE;

  sp_set_field_error (error, SP_ERROR_PERMISSION, NULL, "Your roles do not allow this");
  return FALSE;
}
