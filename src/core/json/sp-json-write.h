/* sp-json-write.h: entities written straight as JSON text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same objects sp_json_encode() builds, without building them: for
 * the change feed, which writes hundreds of thousands of records.
 */

#pragma once

#include "sp-json.h"

G_BEGIN_DECLS

/* Appends @text as a JSON string (quoted, escaped), or null when NULL. */
void sp_json_write_string (GString           *out,
                           const char        *text);
/* Appends @entity as the JSON object sp_json_encode() gives for @flags. */
void sp_json_write_entity (GString           *out,
                           SpEntity          *entity,
                           SpJsonEncodeFlags  flags);

G_END_DECLS
