/* sp-merge.h: field-level patches with base revisions, and their conflicts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "synpunkt-core.h"

G_BEGIN_DECLS

gboolean  sp_merge_set_field_rev  (SpStore     *store,
                                   const char  *entity,
                                   const char  *entity_id,
                                   const char  *field,
                                   gint64       rev,
                                   GError     **error);
/* The revision at which the field last changed; 0 if it has not changed
 * since the record was created. */
gint64    sp_merge_get_field_rev  (SpStore     *store,
                                   const char  *entity,
                                   const char  *entity_id,
                                   const char  *field);

/* Applies the patch object @fields to a copy of @current, as made by a
 * client that last saw revision @base_rev. A field the client changes that
 * someone else changed after @base_rev to a different value is a conflict:
 * it is appended to @conflicts (const SpField *) and not applied. Fields
 * changed are appended to @changed. Returns the patched copy, or NULL with
 * SP_ERROR_INVALID naming the field. @client_out, if given, receives the
 * record as the client wanted it (for reporting conflicts). */
SpEntity *sp_merge_apply_patch    (SpStore     *store,
                                   SpEntity    *current,
                                   JsonNode    *fields,
                                   gint64       base_rev,
                                   GPtrArray   *changed,
                                   GPtrArray   *conflicts,
                                   SpEntity   **client_out,
                                   GError     **error);

/* [{"field","server_value","client_value"}] */
JsonNode *sp_merge_conflicts_to_json (SpEntity  *server,
                                      SpEntity  *client,
                                      GPtrArray *conflicts,
                                      SpJsonEncodeFlags flags);

G_END_DECLS
