/* sp-store-private.h: what the store's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-store.h"

G_BEGIN_DECLS

struct _SpStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;  /* SQL → sqlite3_stmt */
  GHashTable *save_stmts;  /* SpEntityInfo → its upsert, in statements */
  guint       depth;       /* of nested transactions */
  guint       rollback_only : 1;
};

/* Queues the local change of @entity in the outbox (replica mode) and gives
 * it the server revision it is based on. */
gboolean  _sp_store_capture      (SpStore            *self,
                                  SpEntity           *entity,
                                  GError            **error);

/* The columns of @info in table order, for SELECT lists. */
char     *_sp_store_column_list  (const SpEntityInfo *info,
                                  const char         *table_alias);
/* Fills @entity from the row @stmt is on, columns in table order from
 * @first_column. */
gboolean  _sp_store_read_row     (SpStore            *self,
                                  sqlite3_stmt       *stmt,
                                  int                 first_column,
                                  SpEntity           *entity,
                                  SpDate              today,
                                  GError            **error);
/* Steps @stmt to the end, reading a record of @type from each row. */
GPtrArray *_sp_store_read_all    (SpStore            *self,
                                  sqlite3_stmt       *stmt,
                                  GType               type,
                                  GError            **error);

G_END_DECLS
