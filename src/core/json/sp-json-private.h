/* sp-json-private.h: what the JsonNode decoder and the streaming reader share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both sp_json_decode() and sp_json_read_entity() turn each member into an
 * SpJsonValue and hand it to the same functions, so that the type checks,
 * the rules and the messages cannot drift apart.
 */

#pragma once

#include "sp-json.h"

G_BEGIN_DECLS

typedef enum
{
  SP_JSON_VALUE_NULL,
  SP_JSON_VALUE_BOOL,
  SP_JSON_VALUE_INT,
  SP_JSON_VALUE_DOUBLE, /* also any other kind of value that is not one of these */
  SP_JSON_VALUE_STRING,
  SP_JSON_VALUE_ARRAY,
  SP_JSON_VALUE_OBJECT,
} SpJsonValueKind;

typedef struct _SpJsonValue SpJsonValue;

struct _SpJsonValue
{
  SpJsonValueKind    kind;
  gint64             integer;    /* INT; BOOL as 0 or 1 */
  const char        *string;     /* STRING, NUL-terminated */
  const SpJsonValue *elements;   /* ARRAY, for a FLAGS field */
  guint              n_elements;
};

/* The member names of one SpEntityInfo, hashed once and kept for the life
 * of the process. A key is a field's index for a field of its own, or
 * n_fields + a group's index for a group ("sender"); -1 is unknown. */
typedef struct
{
  const SpEntityInfo  *info;
  guint                n_fields;
  guint                n_groups;
  guint                n_keys;
  const char         **group_names;
  GHashTable          *members;       /* top-level name → key + 1 */
  GHashTable         **group_members; /* per group: member → field index + 1 */
} SpJsonIndex;

const SpJsonIndex *_sp_json_index_get           (const SpEntityInfo  *info);
int                _sp_json_index_lookup        (const SpJsonIndex   *index,
                                                 const char          *name);
int                _sp_json_index_lookup_member (const SpJsonIndex   *index,
                                                 guint                group,
                                                 const char          *member);
/* The member name a key is written under. */
const char        *_sp_json_index_key_name      (const SpJsonIndex   *index,
                                                 int                  key);

/* One field's value: null, a list of enum names for FLAGS, else the type
 * the field needs. */
gboolean _sp_json_decode_value    (SpEntity            *entity,
                                   const SpField       *field,
                                   const SpJsonValue   *value,
                                   GError             **error);
/* A known member: refused if the server keeps it (unless @mode is FULL),
 * then decoded and appended to @fields_set. */
gboolean _sp_json_decode_member   (SpEntity            *entity,
                                   const SpField       *field,
                                   const SpJsonValue   *value,
                                   SpJsonDecodeMode     mode,
                                   GPtrArray           *fields_set,
                                   GError             **error);
/* The errors for a record that is not an object, for a member no field
 * has (@group may be NULL), and for a group that is not an object. All
 * return FALSE. */
gboolean _sp_json_not_an_object    (GError            **error);
gboolean _sp_json_unknown_member   (GError            **error,
                                    const char         *group,
                                    const char         *member);
gboolean _sp_json_group_not_object (GError            **error,
                                    const char         *group);

/* Levels deep _sp_json_nul_error() names members at. */
#define SP_JSON_MAX_NUL_DEPTH 64

/* The error for a \u0000 escape whose backslash is at byte @at of @data:
 * SP_ERROR_INVALID, with the path of member names around it as the field
 * ("sender.name"). Returns FALSE. */
gboolean _sp_json_nul_error        (const char         *data,
                                    gsize               length,
                                    gsize               at,
                                    GError            **error);

/* Whether the object decoded has a top-level member called @name. */
typedef gboolean (*SpJsonHasMemberFunc) (const char *name,
                                         gpointer    user_data);

/* After every member: the fields required in @mode that were not given. */
gboolean _sp_json_check_required  (SpEntity            *entity,
                                   SpJsonDecodeMode     mode,
                                   SpJsonHasMemberFunc  has_member,
                                   gpointer             user_data,
                                   GError             **error);

G_END_DECLS
