/* sp-public.c: the e-service's and Open311's paths on the SoupServer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <string.h>

#include "sp-eservice.h"
#include "sp-listener.h"
#include "sp-open311.h"
#include "sp-public.h"
#include "sp-request-guard.h"

static const char * const public_routes[] = {
  "GET /e-tjanst",
  "POST /e-tjanst",
  "GET /e-tjanst/status",
  "GET /e-tjanst/eservice.css",
  "GET /open311/v2/discovery.{format}",
  "GET /open311/v2/services.{format}",
  "GET /open311/v2/services/{service_code}.{format}",
  "GET /open311/v2/requests.{format}",
  "POST /open311/v2/requests.{format}",
  "GET /open311/v2/requests/{service_request_id}.{format}",
};

void
sp_public_print_routes (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (public_routes); i++)
    g_print ("%s\n", public_routes[i]);
}

void
sp_public_set_headers (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (headers, "Content-Security-Policy",
                                "default-src 'none'; style-src 'self'; img-src 'self'; "
                                "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (headers, "X-Frame-Options", "DENY");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
}

void
sp_public_reply_html (SoupServerMessage *msg,
                      guint              status,
                      const char        *lang,
                      char              *html)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  sp_public_set_headers (msg);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "Content-Language", lang);
  soup_message_headers_replace (headers, "Vary", "Accept-Language");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_TAKE,
                                    html, strlen (html));
}

typedef struct
{
  SpServer *server;
  gboolean  open311;
  gsize     received;
  char     *path;
} ChunkCount;

static void
chunk_count_free (gpointer p)
{
  ChunkCount *count = p;

  g_free (count->path);
  g_free (count);
}

static gsize
max_body (SpServer *server)
{
  return sp_server_get_config (server)->intake->max_body;
}

static void
on_got_chunk (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  ChunkCount *count = user_data;

  if (soup_server_message_get_status (msg) != 0)
    return;
  count->received += g_bytes_get_size (chunk);
  if (count->received <= max_body (count->server))
    return;
  /* The same answer as a body whose length said too much up front — the
   * form page with its error, or Open311's error document — written by
   * hand, without reading the rest. */
  if (count->open311)
    sp_open311_too_large (count->server, msg, count->path);
  else
    sp_eservice_too_large (count->server, msg);
  sp_listener_refuse_with_response (msg);
}

static void
handle_early (SoupServer        *soup,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  ChunkCount *count = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (!sp_request_guard_check (msg))
    return;

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) max_body (count->server))
    {
      if (count->open311)
        sp_open311_too_large (count->server, msg, path);
      else
        sp_eservice_too_large (count->server, msg);
    }
  else if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CHUNKED)
    {
      ChunkCount *mine = g_new0 (ChunkCount, 1);

      *mine = *count;
      mine->path = g_strdup (path);
      g_object_set_data_full (G_OBJECT (msg), "sp-chunk-count", mine, chunk_count_free);
      g_signal_connect (msg, "got-chunk", G_CALLBACK (on_got_chunk), mine);
    }
}

static void
handle (SoupServer        *soup,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  ChunkCount *count = user_data;
  const SpIntakeConfig *config = sp_server_get_config (count->server)->intake;
  const char *base = count->open311 ? config->open311_base : config->form_path;
  const char *sub;

  /* The early handler has answered already (a body too large). */
  if (soup_server_message_get_status (msg) != 0)
    return;

  /* libsoup matches "/e-tjanst" also for "/e-tjanstX": only the path
   * itself and what is under it are ours. */
  sub = g_str_has_prefix (path, base) ? path + strlen (base) : "/-";
  if (*sub != '\0' && *sub != '/')
    sub = "/-";
  if (!g_utf8_validate (sub, -1, NULL))
    sub = "/-";

  if (count->open311)
    sp_open311_handle (count->server, msg, sub, query);
  else
    sp_eservice_handle (count->server, msg, sub, query);
}

/* From the GResource compiled from data/eservice (registered by hand: a
 * static library's constructor may not be linked in). */
void sp_eservice_register_resource (void);

void
sp_public_attach (SpServer   *server,
                  SoupServer *soup)
{
  const SpIntakeConfig *config = sp_server_get_config (server)->intake;
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      sp_eservice_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  for (guint i = 0; i < 2; i++)
    {
      gboolean open311 = i == 1;
      ChunkCount *count;

      if (open311 ? !config->open311_enabled : !config->form_enabled)
        continue;
      count = g_new0 (ChunkCount, 1);
      count->server = server;
      count->open311 = open311;
      soup_server_add_early_handler (soup, open311 ? config->open311_base : config->form_path,
                                     handle_early, count, NULL);
      soup_server_add_handler (soup, open311 ? config->open311_base : config->form_path,
                               handle, count, g_free);
    }
}
