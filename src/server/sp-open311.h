/* sp-open311.h: Open311 GeoReport v2 under [open311] base_path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * discovery, services, services/{code}, POST requests (with an api_key
 * from `synpunkt-server open311-key add`), requests and requests/{id},
 * each in XML (".xml", or no extension) and JSON (".json"). A report
 * becomes a case from the Tyck till app in the registrar's queue; its
 * service_request_id is the reference code. Errors are the spec's error
 * document ([{"code","description"}] or <errors><error>…) with the HTTP
 * status as code. Listing requests is off unless [open311]
 * public_listing is true, and then shows no personal data.
 */

#pragma once

#include <libsoup/soup.h>

#include "sp-server.h"

G_BEGIN_DECLS

void sp_open311_handle    (SpServer          *server,
                           SoupServerMessage *msg,
                           const char        *sub,
                           GHashTable        *query);
/* The 413 error document, for a body refused before it is read. */
void sp_open311_too_large (SpServer          *server,
                           SoupServerMessage *msg,
                           const char        *path);

G_END_DECLS
