/* sp-server-tls.h: the server's certificate, checked against its key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Loads the PEM certificate (chain) and key, and refuses a certificate
 * whose public key is not the key's: GLib takes such a pair, and then
 * every handshake fails. */
GTlsCertificate *sp_server_tls_load (const char  *cert_path,
                                     const char  *key_path,
                                     GError     **error);

G_END_DECLS
