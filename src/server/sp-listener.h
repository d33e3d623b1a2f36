/* sp-listener.h: our own accept loop in front of SoupServer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libsoup's listener stops accepting for good on the first accept error
 * (EMFILE once the file limit is reached) and SoupServer closes nothing on
 * its own. So the server accepts itself and hands each connection to
 * SoupServer with soup_server_accept_iostream(), keeping a table of them:
 *
 *  - at most max_connections open at once, and max_connections_per_address
 *    from one address; one more is answered 503 {"error":{"code":"busy"}}
 *    and closed;
 *  - a request must arrive whole (headers and body) within read_timeout
 *    of the connection or of the request's first byte, a response must keep
 *    being taken by the client, and a kept-alive connection may idle for
 *    idle_timeout; then it is shut down;
 *  - on EMFILE/ENFILE (or out of buffers) accepting pauses briefly and
 *    resumes, so the server serves again as soon as clients leave.
 */

#pragma once

#include <libsoup/soup.h>

#include "sp-server-config.h"

G_BEGIN_DECLS

typedef struct _SpListener SpListener;

/* Accepts on @socket (bound and listening) for @soup; with @certificate
 * the connections are HTTPS. @config must outlive the listener. */
SpListener *sp_listener_new            (SoupServer           *soup,
                                        GSocket              *socket,
                                        GTlsCertificate      *certificate,
                                        const SpServerConfig *config,
                                        GError              **error);
/* Stops accepting and forgets every connection (SoupServer closes them). */
void        sp_listener_free           (SpListener           *self);
/* "http://127.0.0.1:PORT/" */
char       *sp_listener_dup_uri        (SpListener           *self);

/* Answers @msg with @status and a JSON error by hand, without reading the
 * rest of the request (whose length cannot be trusted), and closes the
 * connection. @msg must not be touched afterwards. */
void        sp_listener_refuse_message (SoupServerMessage    *msg,
                                        guint                 status,
                                        const char           *code,
                                        const char           *message);

/* The same, with the status, headers and body already set on @msg (the
 * e-service's HTML page, Open311's error document) instead of JSON. */
void        sp_listener_refuse_with_response (SoupServerMessage *msg);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpListener, sp_listener_free)

G_END_DECLS
