/* sp-request.h: one API request as the handlers see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "sp-principal.h"
#include "sp-server.h"

G_BEGIN_DECLS

typedef struct
{
  SpServer             *server;
  SpStore              *store;
  const SpServerConfig *config;
  SoupServerMessage    *msg;
  GHashTable           *query;
  char                 *param;       /* the {id} in the route, if any */
  SpPrincipal          *principal;   /* NULL on public routes */
  char                 *token;
  char                 *address;     /* the client's IP address */
  JsonObject           *error_extra; /* merged into an error answer */
  gboolean              async;       /* the handler finishes later */
} SpRequest;

/* A handler either replies (sp_request_reply) and returns TRUE, returns
 * FALSE with @error set, or sets async, pauses the message and later calls
 * sp_request_finish_async(). */
typedef gboolean (*SpRouteFunc) (SpRequest  *req,
                                 GError    **error);

void      sp_request_reply        (SpRequest  *req,
                                   guint       status,
                                   JsonNode   *node);
/* Replies with JSON written as text already; takes @text. */
void      sp_request_reply_text   (SpRequest  *req,
                                   guint       status,
                                   GString    *text);
/* Replies with @error if set, unpauses the message and frees @req. */
void      sp_request_finish_async (SpRequest  *req,
                                   GError     *error);
void      sp_request_free         (SpRequest  *req);
JsonNode *sp_request_read_json    (SpRequest  *req,
                                   GError    **error);
/* The principal's actor, valid as long as the request. */
SpActor   sp_request_get_actor    (SpRequest  *req);
const char *sp_request_get_user_id (SpRequest *req);
/* Refuses (403) unless the principal holds one of @roles (SP_ROLE_BIT). */
gboolean  sp_request_require_roles (SpRequest *req,
                                   guint       roles,
                                   GError    **error);

G_END_DECLS
