/* sp-public.h: the paths residents and their apps reach without an
 * account: the e-service form ([eservice] path) and Open311 GeoReport v2
 * ([open311] base_path)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each path has its own handlers on the SoupServer, its own body limit
 * ([eservice] max_body, checked before the body is read) and answers in
 * its own format: HTML pages for the form, the GeoReport error document
 * for Open311; never the API's JSON errors.
 */

#pragma once

#include <libsoup/soup.h>

#include "sp-server.h"

G_BEGIN_DECLS

/* Adds the enabled paths' handlers to @soup. */
void sp_public_attach      (SpServer          *server,
                            SoupServer        *soup);
/* "METHOD PATH" of every public route at the default paths, for
 * `synpunkt-server --list-routes`. */
void sp_public_print_routes (void);
/* The headers of every public answer: a strict Content-Security-Policy,
 * no sniffing, no framing, no referrer. */
void sp_public_set_headers (SoupServerMessage *msg);
/* Replies with @html (taken), language @lang, not to be cached. */
void sp_public_reply_html  (SoupServerMessage *msg,
                            guint              status,
                            const char        *lang,
                            char              *html);

G_END_DECLS
