/* sp-open311-doc.h: Open311 answers written as JSON or as XML from one
 * JsonNode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A method builds its answer as JSON; in XML each object member becomes
 * an element of its name, each array item an element of the array's
 * item name ("services" → "service", "service_requests" → "request"), a
 * null an empty element.
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef enum
{
  SP_OPEN311_XML,
  SP_OPEN311_JSON,
} SpOpen311Format;

/* Replies with @node (the root element @root in XML). */
void sp_open311_reply       (SoupServerMessage *msg,
                             SpOpen311Format    format,
                             guint              status,
                             const char        *root,
                             JsonNode          *node);
/* The spec's error document, with @status as its code. */
void sp_open311_reply_error (SoupServerMessage *msg,
                             SpOpen311Format    format,
                             guint              status,
                             const char        *description);
/* @timestamp (µs since 1970) in ISO 8601 with the organisation's offset. */
char *sp_open311_datetime   (gint64             timestamp);

G_END_DECLS
