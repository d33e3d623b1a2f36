/* sp-request-guard.h: requests libsoup lets through or answers itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libsoup reads a Content-Length of -5 as an empty body, waits for ever on
 * -1 or 2^64, takes the last of several Content-Length headers and both
 * Content-Length and chunked at once; and it answers requests it cannot
 * parse with an empty body. The guard refuses the first kind with 400
 * before any handler runs, and gives every answer of the second kind the
 * documented {"error":{"code","message","field"}} body.
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Watches every request @soup starts. */
void     sp_request_guard_attach (SoupServer        *soup);
/* The first thing every early handler does: FALSE if @msg was refused
 * (its connection is gone then; do not touch it). */
gboolean sp_request_guard_check  (SoupServerMessage *msg);

G_END_DECLS
