/* sp-api-csv.c: lists and statistics as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <string.h>

#include "sp-api.h"
#include "sp-http.h"

static char *
take (SpRequest  *req,
      const char *name)
{
  char *value = NULL;

  if (req->query != NULL && sp_http_query_get (req->query, name) != NULL)
    {
      value = g_strdup (sp_http_query_get (req->query, name));
      g_hash_table_remove (req->query, name);
    }
  return value;
}

gboolean
sp_api_take_format (SpRequest    *req,
                    SpApiFormat  *format,
                    GError      **error)
{
  g_autofree char *kind = take (req, "format");
  g_autofree char *separator = take (req, "separator");

  format->csv = FALSE;
  format->separator = ',';
  format->bom = FALSE;

  if (kind != NULL && strcmp (kind, "csv") == 0)
    format->csv = TRUE;
  else if (kind != NULL && strcmp (kind, "json") != 0)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "format", "format is json or csv");
      return FALSE;
    }

  if (separator == NULL)
    return TRUE;
  if (!format->csv)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "separator",
                          "A separator is only given with format=csv");
      return FALSE;
    }
  if (strcmp (separator, "semicolon") == 0)
    {
      format->separator = ';';
      format->bom = TRUE;
    }
  else if (strcmp (separator, "comma") != 0)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "separator", "separator is comma or semicolon");
      return FALSE;
    }
  return TRUE;
}

void
sp_api_reply_csv (SpRequest  *req,
                  char       *text,
                  const char *filename)
{
  g_autofree char *disposition = g_strdup_printf ("attachment; filename=\"%s\"", filename);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);

  soup_message_headers_replace (headers, "Content-Disposition", disposition);
  soup_server_message_set_status (req->msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (req->msg, "text/csv; charset=utf-8; header=present",
                                    SOUP_MEMORY_TAKE, text, strlen (text));
}
