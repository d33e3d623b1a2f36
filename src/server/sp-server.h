/* sp-server.h: the HTTP server: a SoupServer over one store, on the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything runs on the main loop with one store connection, so requests
 * never interleave inside a transaction; only password hashing, which is
 * slow on purpose, goes to a worker thread and touches no store.
 */

#pragma once

#include <libsoup/soup.h>

#include "sp-server-config.h"

G_BEGIN_DECLS

#define SP_TYPE_SERVER (sp_server_get_type ())

G_DECLARE_FINAL_TYPE (SpServer, sp_server, SP, SERVER, GObject)

/* @config must outlive the server. */
SpServer             *sp_server_new        (const SpServerConfig  *config,
                                            SpStore               *store);
gboolean              sp_server_listen     (SpServer              *self,
                                            GError               **error);
/* The address actually listened on ("http://127.0.0.1:PORT/"). */
char                 *sp_server_dup_uri    (SpServer              *self);
void                  sp_server_disconnect (SpServer              *self);
SpStore              *sp_server_get_store  (SpServer              *self);
const SpServerConfig *sp_server_get_config (SpServer              *self);
/* Residents' reports: rate limit, form tokens, catalogue (sp-intake.h). */
struct _SpIntake     *sp_server_get_intake (SpServer              *self);

G_END_DECLS
