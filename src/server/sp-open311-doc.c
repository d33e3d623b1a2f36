/* sp-open311-doc.c: Open311 answers as JSON or XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <string.h>

#include "synpunkt-core.h"

#include "sp-open311-doc.h"
#include "sp-public.h"

static const char *
item_name (const char *array)
{
  static const char * const names[][2] = {
    { "services", "service" },
    { "service_requests", "request" },
    { "attributes", "attribute" },
    { "values", "value" },
    { "errors", "error" },
    { "endpoints", "endpoint" },
    { "formats", "format" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i][0], array))
      return names[i][1];
  return "item";
}

/* Text content: escaped, and without the control characters XML 1.0
 * cannot hold. */
static void
append_text (GString    *out,
             const char *text)
{
  for (const char *p = text; *p; p++)
    {
      guchar c = *p;

      if (c == '&')
        g_string_append (out, "&amp;");
      else if (c == '<')
        g_string_append (out, "&lt;");
      else if (c == '>')
        g_string_append (out, "&gt;");
      else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        continue;
      else
        g_string_append_c (out, c);
    }
}

static void
append_node (GString    *out,
             const char *name,
             JsonNode   *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      g_string_append_printf (out, "<%s/>", name);
      return;
    }

  g_string_append_printf (out, "<%s>", name);
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      /* In the order the members were set, as the spec's examples are. */
      for (GList *l = members; l; l = l->next)
        append_node (out, l->data, json_object_get_member (object, l->data));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        append_node (out, item_name (name), json_array_get_element (array, i));
    }
  else
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        append_text (out, json_node_get_string (node));
      else if (type == G_TYPE_BOOLEAN)
        g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      else if (type == G_TYPE_INT64)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      else
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.10g", json_node_get_double (node)));
        }
    }
  g_string_append_printf (out, "</%s>", name);
}

void
sp_open311_reply (SoupServerMessage *msg,
                  SpOpen311Format    format,
                  guint              status,
                  const char        *root,
                  JsonNode          *node)
{
  char *text;

  if (format == SP_OPEN311_JSON)
    text = json_to_string (node, FALSE);
  else
    {
      GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");

      append_node (out, root, node);
      g_string_append_c (out, '\n');
      text = g_string_free (out, FALSE);
    }

  sp_public_set_headers (msg);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, format == SP_OPEN311_JSON
                                         ? "application/json; charset=utf-8"
                                         : "text/xml; charset=utf-8",
                                    SOUP_MEMORY_TAKE, text, strlen (text));
}

void
sp_open311_reply_error (SoupServerMessage *msg,
                        SpOpen311Format    format,
                        guint              status,
                        const char        *description)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  JsonArray *errors = json_array_new ();
  JsonObject *error = json_object_new ();

  json_object_set_int_member (error, "code", status);
  json_object_set_string_member (error, "description", description);
  json_array_add_object_element (errors, error);
  json_node_take_array (node, errors);
  sp_open311_reply (msg, format, status, "errors", node);
}

char *
sp_open311_datetime (gint64 timestamp)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (SP_DATE_ORGANISATION_ZONE);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (timestamp / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return NULL;
  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  local = g_date_time_to_timezone (utc, zone);
  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}
