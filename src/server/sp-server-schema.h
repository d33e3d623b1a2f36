/* sp-server-schema.h: the tables only the server keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "synpunkt-core.h"

G_BEGIN_DECLS

/* Opens the store at @path and brings the server's own tables up to date:
 * credentials, sessions, login failures, the audit log, sync batches and
 * per-field revisions. Durability is raised to synchronous=FULL. */
SpStore  *sp_server_store_open     (const char  *path,
                                    GError     **error);
gboolean  sp_server_schema_migrate (SpStore     *store,
                                    GError     **error);
/* Ends a write begun with sp_store_begin(): rolls it back if @failed (the
 * error is already set), else commits it (a failed commit rolls back by
 * itself). Returns whether the write is stored. */
gboolean  sp_server_store_end      (SpStore     *store,
                                    gboolean     failed,
                                    GError     **error);

G_END_DECLS
