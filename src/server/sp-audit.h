/* sp-audit.h: the append-only, hash-chained record of every write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "synpunkt-core.h"

G_BEGIN_DECLS

/* Appends one row: who (@actor_id), what (@action: "create", "update",
 * "transition", "login", …), which record and field, old and new value.
 * Call it inside the transaction of the write it records. */
gboolean sp_audit_append      (SpStore     *store,
                               const char  *actor_id,
                               const char  *action,
                               const char  *entity,
                               const char  *entity_id,
                               const char  *field,
                               const char  *old_value,
                               const char  *new_value,
                               GError     **error);

/* Records every field that differs between @before and @after (the same
 * record; @before NULL for a new one, recorded as one row holding the
 * whole record as JSON) and remembers at which revision each field
 * changed, for merging (sp-merge.h). */
gboolean sp_audit_record_write (SpStore    *store,
                                const char *actor_id,
                                const char *action,
                                SpEntity   *before,
                                SpEntity   *after,
                                GError    **error);

/* Walks the chain. Returns FALSE with SP_ERROR_CORRUPT naming the first
 * broken row's sequence number in @first_broken; @n_rows is how many rows
 * were checked. @head receives the last row's hash: rows cut off the end
 * leave the chain whole, so keep the head somewhere else (the server logs
 * it at every start) and compare. */
gboolean sp_audit_verify      (sqlite3     *db,
                               gint64      *n_rows,
                               gint64      *first_broken,
                               char       **head,
                               GError     **error);

G_END_DECLS
