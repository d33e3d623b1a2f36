/* sp-http.h: JSON bodies in and out, and the one place errors become HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Errors that only exist at the HTTP layer; everything about data is an
 * SP_ERROR from the core. */
#define SP_HTTP_ERROR (sp_http_error_quark ())

typedef enum
{
  SP_HTTP_ERROR_UNAUTHORIZED,        /* 401 */
  SP_HTTP_ERROR_RATE_LIMITED,        /* 429 */
  SP_HTTP_ERROR_TOO_LARGE,           /* 413 */
  SP_HTTP_ERROR_UNSUPPORTED_MEDIA,   /* 415 */
  SP_HTTP_ERROR_NO_ROUTE,            /* 404 */
  SP_HTTP_ERROR_METHOD_NOT_ALLOWED,  /* 405 */
  SP_HTTP_ERROR_DIRECTORY_UNREACHABLE, /* 503 */
} SpHttpError;

GQuark    sp_http_error_quark      (void);

/* The status and the stable code ("invalid", "conflict", …) for @error. */
guint     sp_http_status_for_error (const GError      *error,
                                    const char       **code);
/* {"error":{"code","message","field"}} with the right status. @extra, if
 * given, is merged into the top-level object (a conflict's server version). */
void      sp_http_reply_error      (SoupServerMessage *msg,
                                    const GError      *error,
                                    JsonObject        *extra);
/* {"code","message","field","status"} for one item of a batch. */
JsonObject *sp_http_error_to_json  (const GError      *error);
void      sp_http_reply_json       (SoupServerMessage *msg,
                                    guint              status,
                                    JsonNode          *node);
/* Replies with JSON written as text already; takes @text. */
void      sp_http_reply_text       (SoupServerMessage *msg,
                                    guint              status,
                                    GString           *text);

/* The request body as JSON: checks the content type (415), the size
 * against @max_body (413) and parses strictly (400). */
JsonNode *sp_http_read_json        (SoupServerMessage *msg,
                                    gsize              max_body,
                                    GError           **error);

/* Query parameters */
const char *sp_http_query_get      (GHashTable        *query,
                                    const char        *name);
gboolean  sp_http_query_get_uint   (GHashTable        *query,
                                    const char        *name,
                                    guint              max,
                                    guint             *value,
                                    GError           **error);
gboolean  sp_http_query_get_bool   (GHashTable        *query,
                                    const char        *name,
                                    gboolean          *value,
                                    GError           **error);

/* Members of a request object, with 422 errors naming the member. */
const char *sp_json_member_string  (JsonObject        *object,
                                    const char        *member,
                                    gboolean           required,
                                    GError           **error);
gboolean  sp_json_member_int       (JsonObject        *object,
                                    const char        *member,
                                    gboolean           required,
                                    gint64            *value,
                                    GError           **error);
JsonObject *sp_json_require_object (JsonNode          *node,
                                    const char        *what,
                                    GError           **error);
/* Refuses members not in the NULL-terminated @allowed. */
gboolean  sp_json_check_members    (JsonObject        *object,
                                    const char * const *allowed,
                                    GError           **error);

G_END_DECLS
