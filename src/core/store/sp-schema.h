/* sp-schema.h: the store's migrations (private to the store)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* NULL-terminated; entry N migrates from user_version N to N + 1. */
extern const char * const sp_schema_migrations[];
/* Adds the cases with rowids after ?1 up to ?2 to the full-text index. */
extern const char sp_schema_fts_fill[];

G_END_DECLS
