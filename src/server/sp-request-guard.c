/* sp-request-guard.c: requests libsoup lets through or answers itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <string.h>

#include "synpunkt-core.h"

#include "sp-http.h"
#include "sp-listener.h"
#include "sp-request-guard.h"

#define PREFILLED_KEY "sp-guard-prefilled"

/* What goes out if libsoup cannot parse the request: it answers 400 (or
 * 501, 505) without asking anyone, so the body must be there beforehand. */
static const char prefill[] =
  "{\"error\":{\"code\":\"malformed\",\"message\":\"The request is not valid HTTP/1.1, "
  "or uses something this server does not support\",\"field\":null}}";

static void
clear_prefill (SoupServerMessage *msg)
{
  if (g_object_get_data (G_OBJECT (msg), PREFILLED_KEY) == NULL)
    return;
  g_object_set_data (G_OBJECT (msg), PREFILLED_KEY, NULL);
  soup_server_message_set_response (msg, NULL, SOUP_MEMORY_STATIC, NULL, 0);
}

static gboolean
is_length (const char *text)
{
  gsize n = strlen (text);

  /* Digits only: no sign, no space, no empty value; 18 digits fit. */
  if (n == 0 || n > 18)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* RFC 9110's token: what a method may be made of. */
static gboolean
is_token (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr ("!#$%&'*+-.^_`|~", *p) == NULL)
      return FALSE;
  return TRUE;
}

/* NULL if the body's length can be trusted, else why not. */
static const char *
check_framing (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *length = soup_message_headers_get_list (headers, "Content-Length");
  const char *coding = soup_message_headers_get_list (headers, "Transfer-Encoding");

  if (length == NULL)
    return NULL;
  if (coding != NULL)
    return "A request must not have both Content-Length and Transfer-Encoding";
  /* Several headers come joined with commas. */
  if (strchr (length, ',') != NULL)
    return "A request must have one Content-Length at most";
  if (!is_length (length))
    return "Content-Length must be a whole number of bytes";
  return NULL;
}

gboolean
sp_request_guard_check (SoupServerMessage *msg)
{
  const char *problem;

  clear_prefill (msg);
  /* libsoup takes any bytes for a method; an answer that names it must
   * stay ASCII. */
  if (!is_token (soup_server_message_get_method (msg)))
    problem = "The request method is not valid";
  else
    problem = check_framing (msg);
  if (problem == NULL)
    return TRUE;

  /* The body cannot be read safely (or is not worth reading): answer
   * without reading it. */
  sp_listener_refuse_message (msg, SOUP_STATUS_BAD_REQUEST, "malformed", problem);
  return FALSE;
}

/* Runs after libsoup's own look at the headers and the early handlers. */
static void
on_got_headers (SoupServerMessage *msg)
{
  g_autoptr(GError) error = NULL;

  /* An early handler ran and had its say. */
  if (g_object_get_data (G_OBJECT (msg), PREFILLED_KEY) == NULL)
    return;

  /* No early handler ran: libsoup has refused the request already (a
   * path that decodes to NUL or "..", an https URL over http), or no
   * handler covers the path. */
  if (!sp_request_guard_check (msg))
    return;
  if (soup_server_message_get_status (msg) == SOUP_STATUS_BAD_REQUEST)
    {
      sp_set_field_error (&error, SP_ERROR_MALFORMED, NULL,
                          "The request target is not allowed (an encoded NUL, “..” or a "
                          "wrong scheme)");
      sp_http_reply_error (msg, error, NULL);
    }
  else if (soup_server_message_get_status (msg) != 0)
    soup_server_message_set_response (msg, "application/json; charset=utf-8",
                                      SOUP_MEMORY_STATIC, prefill, strlen (prefill));
  else
    {
      /* No handler for the path at all ("OPTIONS *"): libsoup would
       * answer 404 with nothing. */
      g_set_error_literal (&error, SP_HTTP_ERROR, SP_HTTP_ERROR_NO_ROUTE, "No such resource");
      sp_http_reply_error (msg, error, NULL);
    }
}

static void
on_request_started (SoupServer        *soup,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  soup_server_message_set_response (msg, "application/json; charset=utf-8",
                                    SOUP_MEMORY_STATIC, prefill, strlen (prefill));
  g_object_set_data (G_OBJECT (msg), PREFILLED_KEY, GINT_TO_POINTER (1));
  g_signal_connect (msg, "got-headers", G_CALLBACK (on_got_headers), NULL);
}

void
sp_request_guard_attach (SoupServer *soup)
{
  g_signal_connect (soup, "request-started", G_CALLBACK (on_request_started), NULL);
}
