/* sp-http.c: JSON bodies in and out, and the one place errors become HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <string.h>

#include "synpunkt-core.h"

#include "sp-http.h"

G_DEFINE_QUARK (sp-http-error-quark, sp_http_error)

guint
sp_http_status_for_error (const GError  *error,
                          const char   **code)
{
  const char *dummy;

  if (code == NULL)
    code = &dummy;

  if (error == NULL)
    {
      *code = "internal";
      return SOUP_STATUS_INTERNAL_SERVER_ERROR;
    }

  if (error->domain == SP_HTTP_ERROR)
    {
      switch ((SpHttpError) error->code)
        {
        case SP_HTTP_ERROR_UNAUTHORIZED:
          *code = "unauthorized";
          return SOUP_STATUS_UNAUTHORIZED;
        case SP_HTTP_ERROR_RATE_LIMITED:
          *code = "rate_limited";
          return 429; /* not named in libsoup 3.2 */
        case SP_HTTP_ERROR_TOO_LARGE:
          *code = "too_large";
          return SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE;
        case SP_HTTP_ERROR_UNSUPPORTED_MEDIA:
          *code = "unsupported_media_type";
          return SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE;
        case SP_HTTP_ERROR_NO_ROUTE:
          *code = "not_found";
          return SOUP_STATUS_NOT_FOUND;
        case SP_HTTP_ERROR_METHOD_NOT_ALLOWED:
          *code = "method_not_allowed";
          return SOUP_STATUS_METHOD_NOT_ALLOWED;
        case SP_HTTP_ERROR_DIRECTORY_UNREACHABLE:
          *code = "directory_unreachable";
          return SOUP_STATUS_SERVICE_UNAVAILABLE;
        default:
          break;
        }
    }
  else if (error->domain == SP_ERROR)
    {
      switch ((SpErrorCode) error->code)
        {
        case SP_ERROR_MALFORMED:
          *code = "malformed";
          return SOUP_STATUS_BAD_REQUEST;
        case SP_ERROR_INVALID:
          *code = "invalid";
          return SOUP_STATUS_UNPROCESSABLE_ENTITY;
        case SP_ERROR_NOT_FOUND:
          *code = "not_found";
          return SOUP_STATUS_NOT_FOUND;
        case SP_ERROR_CONFLICT:
          *code = "conflict";
          return SOUP_STATUS_CONFLICT;
        case SP_ERROR_PERMISSION:
          *code = "forbidden";
          return SOUP_STATUS_FORBIDDEN;
        case SP_ERROR_TRANSITION:
          *code = "transition";
          return SOUP_STATUS_CONFLICT;
        case SP_ERROR_BUSY:
          *code = "busy";
          return SOUP_STATUS_SERVICE_UNAVAILABLE;
        case SP_ERROR_FAILED:
        case SP_ERROR_STORAGE:
        case SP_ERROR_CORRUPT:
        default:
          break;
        }
    }

  *code = "internal";
  return SOUP_STATUS_INTERNAL_SERVER_ERROR;
}

void
sp_http_reply_json (SoupServerMessage *msg,
                    guint              status,
                    JsonNode          *node)
{
  g_autofree char *text = NULL;
  gsize length;

  text = json_to_string (node, FALSE);
  length = strlen (text);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8",
                                    SOUP_MEMORY_TAKE, g_steal_pointer (&text), length);
}

void
sp_http_reply_text (SoupServerMessage *msg,
                    guint              status,
                    GString           *text)
{
  gsize length = text->len;

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8",
                                    SOUP_MEMORY_TAKE, g_string_free (text, FALSE), length);
}

void
sp_http_reply_error (SoupServerMessage *msg,
                     const GError      *error,
                     JsonObject        *extra)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *code = NULL;
  const char *field = NULL;
  const char *message;
  guint status;

  status = sp_http_status_for_error (error, &code);
  if (error != NULL && error->domain == SP_ERROR)
    field = sp_error_get_field (error);

  /* Internal errors are logged in full but not shown: they may name
   * tables or paths. */
  if (status == SOUP_STATUS_INTERNAL_SERVER_ERROR)
    {
      g_warning ("Internal error: %s", error ? error->message : "(none)");
      message = "Internal server error";
    }
  else
    message = error->message;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "field");
  if (field != NULL)
    json_builder_add_string_value (builder, field);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  if (extra != NULL)
    {
      JsonObject *object = json_node_get_object (root);
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, extra);
      while (json_object_iter_next (&iter, &name, &value))
        json_object_set_member (object, name, json_node_copy (value));
    }

  if (status == SOUP_STATUS_UNAUTHORIZED)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "WWW-Authenticate", "Bearer realm=\"synpunkt\"");
  sp_http_reply_json (msg, status, root);
}

JsonObject *
sp_http_error_to_json (const GError *error)
{
  JsonObject *object = json_object_new ();
  const char *code = NULL;
  const char *field = NULL;
  guint status = sp_http_status_for_error (error, &code);

  if (error != NULL && error->domain == SP_ERROR)
    field = sp_error_get_field (error);

  json_object_set_string_member (object, "code", code);
  json_object_set_string_member (object, "message",
                                 status == SOUP_STATUS_INTERNAL_SERVER_ERROR
                                 ? "Internal server error" : error->message);
  if (field != NULL)
    json_object_set_string_member (object, "field", field);
  else
    json_object_set_null_member (object, "field");
  json_object_set_int_member (object, "status", status);
  return object;
}

static gboolean
content_type_is_json (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GHashTable) params = NULL;
  const char *type;
  const char *charset;

  type = soup_message_headers_get_content_type (headers, &params);
  if (type == NULL || g_ascii_strcasecmp (type, "application/json") != 0)
    return FALSE;

  /* JSON is UTF-8; a client that says otherwise means something else. */
  charset = params ? g_hash_table_lookup (params, "charset") : NULL;
  return charset == NULL || g_ascii_strcasecmp (charset, "utf-8") == 0;
}

JsonNode *
sp_http_read_json (SoupServerMessage  *msg,
                   gsize               max_body,
                   GError            **error)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = NULL;
  gconstpointer data;
  gsize length;

  if (body->length > (goffset) max_body)
    {
      g_set_error (error, SP_HTTP_ERROR, SP_HTTP_ERROR_TOO_LARGE,
                   "The request body is larger than %" G_GSIZE_FORMAT " bytes", max_body);
      return NULL;
    }

  if (!content_type_is_json (msg))
    {
      g_set_error_literal (error, SP_HTTP_ERROR, SP_HTTP_ERROR_UNSUPPORTED_MEDIA,
                           "The request body must be application/json");
      return NULL;
    }

  bytes = soup_message_body_flatten (body);
  data = g_bytes_get_data (bytes, &length);
  if (length == 0)
    {
      sp_set_field_error (error, SP_ERROR_MALFORMED, NULL, "The request body is empty");
      return NULL;
    }

  return sp_json_parse (data, length, SP_JSON_MAX_DEPTH, error);
}

const char *
sp_http_query_get (GHashTable *query,
                   const char *name)
{
  const char *value;

  if (query == NULL)
    return NULL;
  value = g_hash_table_lookup (query, name);
  if (value == NULL || *value == '\0')
    return NULL;
  return value;
}

gboolean
sp_http_query_get_uint (GHashTable  *query,
                        const char  *name,
                        guint        max,
                        guint       *value,
                        GError     **error)
{
  const char *text = sp_http_query_get (query, name);
  guint64 parsed;

  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL) ||
      !g_ascii_string_to_unsigned (text, 10, 0, max, &parsed, NULL))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, name,
                          "%s must be a whole number from 0 to %u", name, max);
      return FALSE;
    }

  *value = (guint) parsed;
  return TRUE;
}

gboolean
sp_http_query_get_bool (GHashTable  *query,
                        const char  *name,
                        gboolean    *value,
                        GError     **error)
{
  const char *text = sp_http_query_get (query, name);

  if (text == NULL)
    return TRUE;

  if (g_str_equal (text, "true") || g_str_equal (text, "1"))
    *value = TRUE;
  else if (g_str_equal (text, "false") || g_str_equal (text, "0"))
    *value = FALSE;
  else
    {
      sp_set_field_error (error, SP_ERROR_INVALID, name, "%s must be true or false", name);
      return FALSE;
    }

  return TRUE;
}

const char *
sp_json_member_string (JsonObject  *object,
                       const char  *member,
                       gboolean     required,
                       GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        sp_set_field_error (error, SP_ERROR_INVALID, member, "%s is required", member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, member, "%s must be a string", member);
      return NULL;
    }

  return json_node_get_string (node);
}

gboolean
sp_json_member_int (JsonObject  *object,
                    const char  *member,
                    gboolean     required,
                    gint64      *value,
                    GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        {
          sp_set_field_error (error, SP_ERROR_INVALID, member, "%s is required", member);
          return FALSE;
        }
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, member, "%s must be a whole number", member);
      return FALSE;
    }

  *value = json_node_get_int (node);
  return TRUE;
}

JsonObject *
sp_json_require_object (JsonNode    *node,
                        const char  *what,
                        GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, what, "%s must be a JSON object",
                          what ? what : "The body");
      return NULL;
    }

  return json_node_get_object (node);
}

gboolean
sp_json_check_members (JsonObject          *object,
                       const char * const  *allowed,
                       GError             **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &value))
    {
      if (!g_strv_contains (allowed, name))
        {
          sp_set_field_error (error, SP_ERROR_INVALID, name, "Unknown member %s", name);
          return FALSE;
        }
    }

  return TRUE;
}
