/* sp-json.h: JSON encoding and strict decoding of entities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sp-entity.h"

G_BEGIN_DECLS

#define SP_JSON_MAX_DEPTH 32

typedef enum
{
  SP_JSON_ENCODE_DEFAULT         = 0,
  SP_JSON_ENCODE_REDACT_PERSONAL = 1 << 0, /* personal data and free text become null */
} SpJsonEncodeFlags;

typedef enum
{
  /* A new record from a client: required fields must be present; fields
   * the server keeps are refused. */
  SP_JSON_DECODE_CREATE,
  /* A field-level patch: only the members present are set; fields the
   * server keeps are refused. */
  SP_JSON_DECODE_PATCH,
  /* A whole record as the server sent it (replica, import): everything. */
  SP_JSON_DECODE_FULL,
} SpJsonDecodeMode;

/* Parses @data strictly: valid UTF-8, one JSON value, nested at most
 * @max_depth deep. Errors are SP_ERROR_MALFORMED. */
JsonNode *sp_json_parse        (const char         *data,
                                gssize              length,
                                guint               max_depth,
                                GError            **error);
char     *sp_json_to_string    (JsonNode           *node,
                                gboolean            pretty);

JsonNode *sp_json_encode       (SpEntity           *entity,
                                SpJsonEncodeFlags   flags);
/* Fills @entity from the object @node. Unknown members, wrong types,
 * unknown enum values, impossible dates, invalid UTF-8, over-long strings
 * and missing required fields are SP_ERROR_INVALID errors naming the field
 * (sp_error_get_field()). On error @entity may be partly changed. The fields
 * set are appended to @fields_set (const SpField *), if given. */
gboolean  sp_json_decode       (SpEntity           *entity,
                                JsonNode           *node,
                                SpJsonDecodeMode    mode,
                                GPtrArray          *fields_set,
                                GError            **error);
gpointer  sp_json_decode_new   (GType               type,
                                JsonNode           *node,
                                SpJsonDecodeMode    mode,
                                GError            **error);

/* One field's value as a JSON node (null when unset), and back. */
JsonNode *sp_json_encode_field (SpEntity           *entity,
                                const SpField      *field);
gboolean  sp_json_decode_field (SpEntity           *entity,
                                const SpField      *field,
                                JsonNode           *value,
                                GError            **error);

G_END_DECLS
