/* sp-server-store-feed.c: the sync feed's pages and the answers to pushed
 * batches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include "sp-server-store.h"

typedef GType (*TypeFunc) (void);

GType
sp_server_store_feed_type (guint i)
{
  static TypeFunc types[] = {
    sp_unit_get_type, sp_user_get_type, sp_provider_get_type, sp_category_get_type,
    sp_case_get_type, sp_case_event_get_type, sp_investigation_get_type,
    sp_planned_action_get_type, sp_letter_get_type, sp_contract_issue_get_type,
    sp_disclosure_request_get_type, sp_secrecy_marking_get_type, sp_contract_issue_case_get_type,
    sp_unit_compilation_get_type,
    sp_account_request_get_type, sp_case_link_get_type,
  };

  if (i >= G_N_ELEMENTS (types))
    return G_TYPE_INVALID;
  return types[i] ();
}

/* The revision of the @limit-th change after @since over every feed
 * table, or G_MAXINT64 when there are fewer; @more says whether changes
 * come after it. -1 on error. Revisions are unique across tables. */
static gint64
find_cutoff (SpStore   *store,
             gint64     since,
             guint      limit,
             gboolean  *more,
             GError   **error)
{
  static char *sql = NULL;
  static char *after_sql = NULL;
  sqlite3_stmt *stmt;
  gint64 cutoff = G_MAXINT64;
  int rc;

  if (sql == NULL)
    {
      g_autoptr(GString) all = g_string_new (NULL);

      for (guint i = 0; sp_server_store_feed_type (i) != G_TYPE_INVALID; i++)
        g_string_append_printf (all, "%sSELECT rev FROM %s WHERE rev > ?1",
                                i ? " UNION ALL " : "",
                                sp_entity_info_for_type (sp_server_store_feed_type (i))->table);
      sql = g_strdup_printf ("SELECT rev FROM (%s) ORDER BY rev LIMIT 1 OFFSET ?2", all->str);
      after_sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM (%s))", all->str);
    }

  stmt = sp_store_prepare (store, sql, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int64 (stmt, 2, (gint64) limit - 1);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    cutoff = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sp_store_set_error (store, error, rc);
      return -1;
    }

  *more = FALSE;
  if (cutoff != G_MAXINT64)
    {
      stmt = sp_store_prepare (store, after_sql, error);
      if (stmt == NULL)
        return -1;
      sqlite3_bind_int64 (stmt, 1, cutoff);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        *more = sqlite3_column_int (stmt, 0) != 0;
      sqlite3_reset (stmt);
    }

  return cutoff;
}

static gint64
count_between (SpStore   *store,
               GType      type,
               gint64     since,
               gint64     cutoff,
               GError   **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE rev > ?1 AND rev <= ?2",
                                          sp_entity_info_for_type (type)->table);
  sqlite3_stmt *stmt = sp_store_prepare (store, sql, error);
  gint64 count = -1;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int64 (stmt, 2, cutoff);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (count < 0)
    g_set_error_literal (error, SP_ERROR, SP_ERROR_STORAGE, "Cannot count changes");
  return count;
}

static gint
compare_rev (gconstpointer a,
             gconstpointer b)
{
  SpEntity *x = *(SpEntity **) a;
  SpEntity *y = *(SpEntity **) b;

  return (x->rev > y->rev) - (x->rev < y->rev);
}

GPtrArray *
sp_server_store_feed_page (SpStore   *store,
                           gint64     since,
                           guint      limit,
                           gint64    *cutoff,
                           gboolean  *more,
                           GError   **error)
{
  g_autoptr(GPtrArray) merged = g_ptr_array_new_with_free_func (g_object_unref);

  /* Find the revision of the limit-th change across every table first,
   * so that each table loads only its rows up to it: a page reads `limit`
   * rows, not `limit` from each of eleven tables. */
  *cutoff = find_cutoff (store, since, limit, more, error);
  if (*cutoff < 0)
    return NULL;

  for (guint i = 0; sp_server_store_feed_type (i) != G_TYPE_INVALID; i++)
    {
      GType type = sp_server_store_feed_type (i);
      g_autoptr(GPtrArray) part = NULL;
      gint64 count = count_between (store, type, since, *cutoff, error);

      if (count < 0)
        return NULL;
      if (count == 0)
        continue;
      part = sp_store_load_changes (store, type, since, (guint) count, error);
      if (part == NULL)
        return NULL;
      for (guint j = 0; j < part->len; j++)
        g_ptr_array_add (merged, g_object_ref (g_ptr_array_index (part, j)));
    }

  g_ptr_array_sort (merged, compare_rev);
  return g_steal_pointer (&merged);
}

char *
sp_server_store_find_batch (SpStore    *store,
                            const char *user_id,
                            const char *batch_id)
{
  sqlite3_stmt *stmt;
  char *response = NULL;

  stmt = sp_store_prepare (store,
                           "SELECT response FROM server_sync_batches WHERE user_id = ?1 AND batch_id = ?2",
                           NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, user_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, batch_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    response = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return response;
}

gboolean
sp_server_store_remember_batch (SpStore     *store,
                                const char  *user_id,
                                const char  *batch_id,
                                const char  *response,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = sp_store_prepare (store,
                           "INSERT OR REPLACE INTO server_sync_batches (user_id, batch_id, response, created_at)"
                           " VALUES (?1, ?2, ?3, ?4)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, user_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, batch_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, response, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  return sp_store_step_done (store, stmt, error);
}
