/* sp-case-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is built as SQL with bound parameters only; sort columns come
 * from a fixed table, never from input.
 */

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-case-query.h"
#include "sp-error.h"
#include "sp-store-private.h"

static const SpEnumValue sort_values[] = {
  { "received_on", N_("Received") },
  { "diary_number", N_("Diary number") },
  { "kind", N_("Kind") },
  { "category", N_("Category") },
  { "unit", N_("Unit") },
  { "subject", N_("Subject") },
  { "status", N_("Status") },
  { "due_on", N_("Deadline") },
  { "updated_at", N_("Updated") },
};

const SpEnumInfo sp_case_sort_info = { "case_sort", sort_values, G_N_ELEMENTS (sort_values) };

/* The ORDER BY expression of each SpCaseSort; the category's is the rank
 * of its name (see category_ranks in sp-schema.c), which has a column
 * each way. */
static const char * const sort_sql[] = {
  "c.received_on",
  "c.diary_number",
  "c.kind",
  "r.up",
  "(SELECT name FROM units WHERE id = c.unit_id)",
  "c.subject COLLATE NOCASE",
  "c.status",
  "c.due_on",
  "c.updated_at",
};

G_STATIC_ASSERT (G_N_ELEMENTS (sort_sql) == G_N_ELEMENTS (sort_values));

void
sp_case_query_init (SpCaseQuery *query)
{
  g_return_if_fail (query != NULL);

  memset (query, 0, sizeof *query);
  query->sort = SP_CASE_SORT_RECEIVED_ON;
  query->descending = TRUE;
}

char *
sp_case_query_fts_string (const char *text)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *normalized = NULL;
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  out = g_string_new (NULL);

  /* Each run of letters and digits becomes a quoted prefix term, so that
   * nothing the user types is read as FTS5 syntax. */
  p = normalized;
  while (*p)
    {
      const char *start;

      while (*p && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      if (p > start)
        {
          if (out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_c (out, '"');
          g_string_append_len (out, start, p - start);
          g_string_append (out, "\"*");
        }
    }

  if (out->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Every list's first condition; a WHERE of only this asks for all cases. */
#define BASE_WHERE "c.deleted = 0"

typedef struct
{
  GString   *where;
  GPtrArray *texts;   /* the parameters, in order, all bound as text */
  /* The access rule's terms use no index: the list walks the index of
   * its sort order (see walks_sort_order()). */
  gboolean   walk_sort;
} Builder;

static void
add_text (Builder    *b,
          const char *clause,
          const char *value)
{
  g_string_append_printf (b->where, " AND %s", clause);
  g_ptr_array_add (b->texts, g_strdup (value));
}

static void
add_bits (Builder          *b,
          const char       *column,
          guint             bits,
          const SpEnumInfo *info)
{
  gboolean first = TRUE;

  if (bits == 0)
    return;

  g_string_append_printf (b->where, " AND %s IN (", column);
  for (guint i = 0; i < info->n_values; i++)
    {
      if (!(bits & (1u << i)))
        continue;
      g_string_append (b->where, first ? "?" : ", ?");
      g_ptr_array_add (b->texts, g_strdup (info->values[i].name));
      first = FALSE;
    }
  g_string_append_c (b->where, ')');
}

static void
or_term (Builder  *b,
         gboolean *first)
{
  g_string_append (b->where, *first ? "(" : " OR ");
  *first = FALSE;
}

/* The grants of query->access that show a case whole, as one
 * parenthesised OR; "0" when there are none. */
static void
add_full_access (const SpCaseQuery *query,
                 Builder           *b)
{
  const SpCaseAccess *access = &query->access;
  /* "+c.column": SQLite uses no index for the term. */
  const char *plus = b->walk_sort ? "+" : "";
  gboolean first = TRUE;

  if (access->unit_ids != NULL && access->unit_ids[0] != NULL)
    {
      or_term (b, &first);
      g_string_append_printf (b->where, "%sc.unit_id IN (", plus);
      for (guint i = 0; access->unit_ids[i] != NULL; i++)
        {
          g_string_append (b->where, i == 0 ? "?" : ", ?");
          g_ptr_array_add (b->texts, g_strdup (access->unit_ids[i]));
        }
      g_string_append_c (b->where, ')');
    }
  if (access->investigating_unit_id != NULL)
    {
      or_term (b, &first);
      g_string_append_printf (b->where, "%sc.investigating_unit_id = ?", plus);
      g_ptr_array_add (b->texts, g_strdup (access->investigating_unit_id));
    }
  /* Each term on its own column, so that SQLite can answer the OR from
   * one index per term. */
  if (access->created_by != NULL)
    {
      or_term (b, &first);
      g_string_append_printf (b->where, "(%sc.created_by = ? AND c.named_employee = 0)", plus);
      g_ptr_array_add (b->texts, g_strdup (access->created_by));
    }
  if (access->assigned_to != NULL)
    {
      or_term (b, &first);
      g_string_append_printf (b->where, "(%sc.assigned_to = ? AND c.named_employee = 0)", plus);
      g_ptr_array_add (b->texts, g_strdup (access->assigned_to));
    }
  if (access->contract_breaches)
    {
      or_term (b, &first);
      g_string_append_printf (b->where, "(%sc.contract_breach = 1 AND c.named_employee = 0)", plus);
    }
  g_string_append (b->where, first ? "0" : ")");
}

/* The rule of query->access: the cases seen whole, and for quality the
 * rest but those about a named employee. */
static void
add_access (const SpCaseQuery *query,
            Builder           *b)
{
  g_string_append (b->where, " AND (");
  add_full_access (query, b);
  if (query->access.redacted_rest)
    g_string_append (b->where, " OR c.named_employee = 0");
  g_string_append_c (b->where, ')');
}

static void
add_text_search (const SpCaseQuery *query,
                 Builder           *b)
{
  g_autofree char *fts = sp_case_query_fts_string (query->text);
  g_autofree char *in_subject = NULL;

  if (fts == NULL)
    return;

  in_subject = g_strdup_printf ("subject : (%s)", fts);
  if (query->text_subject_only)
    add_text (b, "c.rowid IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?)", in_subject);
  else if (query->access.restricted && query->access.redacted_rest)
    {
      /* A case seen without its personal data is found by its subject
       * only, one seen whole by all its text (which holds the subject). */
      add_text (b, "(c.rowid IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?) OR (",
                in_subject);
      add_full_access (query, b);
      g_string_append (b->where, " AND c.rowid IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?)))");
      g_ptr_array_add (b->texts, g_strdup (fts));
    }
  else
    add_text (b, "c.rowid IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?)", fts);
}

static void
build_where (const SpCaseQuery *query,
             Builder           *b)
{
  SpDate today = query->today ? query->today : sp_date_today ();
  char buf[11];

  g_string_append (b->where, BASE_WHERE);

  add_bits (b, "c.status", query->statuses, &sp_status_info);
  /* A kind is a third of the cases or more: the unary plus keeps SQLite
   * from picking the kind's index (there for sorting) over a narrower
   * one, a unit's say. */
  add_bits (b, "+c.kind", query->kinds, &sp_case_kind_info);
  add_bits (b, "c.channel", query->channels, &sp_channel_info);
  add_bits (b, "c.area", query->areas, &sp_area_info);
  add_bits (b, "c.valence", query->valences, &sp_valence_info);

  if (query->unit_id)
    add_text (b, "c.unit_id = ?", query->unit_id);
  if (query->category)
    add_text (b, "c.category = ?", query->category);
  if (query->provider_id)
    add_text (b, "c.provider_id = ?", query->provider_id);
  if (query->assigned_to)
    add_text (b, "c.assigned_to = ?", query->assigned_to);
  if (query->created_by)
    add_text (b, "c.created_by = ?", query->created_by);
  if (query->from)
    {
      sp_date_format (query->from, buf);
      add_text (b, "c.received_on >= ?", buf);
    }
  if (query->to)
    {
      sp_date_format (query->to, buf);
      add_text (b, "c.received_on <= ?", buf);
    }
  if (query->registered_only)
    g_string_append (b->where, " AND c.diary_number IS NOT NULL");
  if (query->unregistered_with_contact)
    g_string_append (b->where, " AND c.diary_number IS NULL AND c.sender_anonymous = 0");
  if (query->hide_named_employee)
    g_string_append (b->where, " AND c.named_employee = 0");
  if (query->contract_breach_only)
    g_string_append (b->where, " AND c.contract_breach = 1");

  if (query->escalations != 0)
    {
      gboolean first = TRUE;

      g_string_append (b->where, " AND EXISTS (SELECT 1 FROM investigations i"
                                 " WHERE i.case_id = c.id AND i.deleted = 0 AND (");
      /* The names are the investigation's own columns: never user input. */
      for (guint e = 0; e < SP_N_ESCALATIONS; e++)
        if (query->escalations & (1u << e))
          {
            g_string_append_printf (b->where, "%si.%s = 1", first ? "" : " OR ",
                                    sp_enum_to_name (&sp_escalation_info, e));
            first = FALSE;
          }
      if (first)
        g_string_append (b->where, "0");
      g_string_append (b->where, "))");
    }

  if (query->overdue_only)
    {
      /* Overdue: past its due date and not yet given feedback or closed. */
      sp_date_format (today, buf);
      add_text (b, "c.due_on < ? AND c.status IN ('received', 'registered', 'assigned', "
                   "'acknowledged', 'investigating', 'awaiting_provider', 'assessed')", buf);
    }

  if (query->unit_ids != NULL)
    {
      g_string_append (b->where, " AND c.unit_id IN (");
      for (guint i = 0; query->unit_ids[i] != NULL; i++)
        {
          g_string_append (b->where, i == 0 ? "?" : ", ?");
          g_ptr_array_add (b->texts, g_strdup (query->unit_ids[i]));
        }
      /* An empty list allows nothing, not everything. */
      if (query->unit_ids[0] == NULL)
        g_string_append (b->where, "NULL");
      g_string_append_c (b->where, ')');
    }

  if (query->mine_user_id || query->mine_unit_id)
    {
      /* Either may be missing: a missing one matches nothing (not the
       * cases that lack an assignee or a unit). */
      g_string_append (b->where, " AND ((c.assigned_to = ? AND ? IS NOT NULL) OR "
                                 "(c.unit_id = ? AND ? IS NOT NULL))");
      g_ptr_array_add (b->texts, g_strdup (query->mine_user_id));
      g_ptr_array_add (b->texts, g_strdup (query->mine_user_id));
      g_ptr_array_add (b->texts, g_strdup (query->mine_unit_id));
      g_ptr_array_add (b->texts, g_strdup (query->mine_unit_id));
    }

  if (query->access.restricted)
    add_access (query, b);

  if (query->text)
    add_text_search (query, b);
}

void
_sp_case_query_build_where (const SpCaseQuery *query,
                            GString           *where,
                            GPtrArray         *texts)
{
  Builder b = { where, texts, FALSE };

  build_where (query, &b);
}

static void
builder_init (Builder *b)
{
  b->where = g_string_new (NULL);
  b->texts = g_ptr_array_new_with_free_func (g_free);
  b->walk_sort = FALSE;
}

/* Whether the page is found faster by walking the sort order's index and
 * skipping the cases the access rule leaves out than by gathering every
 * case it lets through (from one index per grant) and sorting them: a
 * walk reads about (offset + limit) × cases / matches rows, the sort
 * matches × log(matches). The largest rowid stands for the number of
 * cases (tombstones stay). */
static gboolean
walks_sort_order (SpStore           *self,
                  const SpCaseQuery *query)
{
  sqlite3_stmt *stmt;
  double cases = 0, matches = query->known_total, page;

  if (!query->access.restricted || query->known_total <= 0 || query->limit == 0)
    return FALSE;
  /* Kind, category, unit and status have no index of the list's order. */
  if (query->sort != SP_CASE_SORT_RECEIVED_ON && query->sort != SP_CASE_SORT_DIARY_NUMBER &&
      query->sort != SP_CASE_SORT_DUE_ON && query->sort != SP_CASE_SORT_SUBJECT &&
      query->sort != SP_CASE_SORT_UPDATED_AT)
    return FALSE;
  if (!(stmt = sp_store_prepare (self, "SELECT max(rowid) FROM cases", NULL)))
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    cases = sqlite3_column_double (stmt, 0);
  sqlite3_reset (stmt);

  page = (double) query->offset + query->limit;
  return page * cases / matches < matches * MAX (1.0, log2 (matches));
}

static void
builder_clear (Builder *b)
{
  g_string_free (b->where, TRUE);
  g_ptr_array_unref (b->texts);
}

static void
bind_all (sqlite3_stmt *stmt,
          Builder      *b)
{
  for (guint i = 0; i < b->texts->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (b->texts, i), -1, SQLITE_TRANSIENT);
}

/* ---- The categories' order ------------------------------------------- */

typedef struct
{
  char *code;   /* NULL: no category */
  char *key;    /* the collation key of the name shown */
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a;
  const Ranked *rb = b;
  int cmp = strcmp (ra->key, rb->key);

  /* Equal names keep one order: by code. */
  return cmp != 0 ? cmp : g_strcmp0 (ra->code, rb->code);
}

static void
ranked_clear (gpointer p)
{
  Ranked *r = p;

  g_free (r->code);
  g_free (r->key);
}

/* The collation the ranks are for: this process's. */
static const char *
collation_name (void)
{
  const char *name = setlocale (LC_COLLATE, NULL);

  return name != NULL ? name : "C";
}

static gboolean
ranks_are_current (SpStore  *self,
                   gboolean *current,
                   GError  **error)
{
  sqlite3_stmt *stmt = sp_store_prepare (self, "SELECT collation FROM category_ranks_state "
                                               "WHERE id = 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  *current = FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *current = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), collation_name ()) == 0;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sp_store_set_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* Reads the categories and the codes the cases use, sorts them by the name
 * the list shows (the code where there is no name, or the category was
 * removed) with this process's collation, case folded, and writes their
 * places both ways; the cases without a category come last both ways. */
static gboolean
write_category_ranks (SpStore  *self,
                      GError  **error)
{
  g_autoptr(GArray) ranked = g_array_new (FALSE, TRUE, sizeof (Ranked));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  Ranked none = { NULL, NULL };
  guint n;
  int rc;

  g_array_set_clear_func (ranked, ranked_clear);

  stmt = sp_store_prepare (self,
                           "SELECT code, CASE WHEN deleted = 0 AND ifnull (name, '') <> ''"
                           " THEN name ELSE code END FROM categories WHERE code IS NOT NULL"
                           " UNION ALL"
                           " SELECT DISTINCT category, category FROM cases"
                           " WHERE category IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;

  /* The categories come first: a code the cases use is ranked by its
   * category's name when it has one. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *folded = NULL;
      Ranked r;

      if (g_hash_table_contains (seen, code) || !g_utf8_validate (name, -1, NULL))
        continue;
      folded = g_utf8_casefold (name, -1);
      r.code = g_strdup (code);
      r.key = g_utf8_collate_key (folded, -1);
      g_array_append_val (ranked, r);
      g_hash_table_add (seen, r.code);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_store_set_error (self, error, rc);
      return FALSE;
    }

  g_array_sort (ranked, compare_ranked);
  g_array_append_val (ranked, none);
  n = ranked->len;

  if (!sp_store_begin (self, error))
    return FALSE;
  if (!sp_store_exec (self, "DELETE FROM category_ranks", error))
    goto fail;

  if (!(stmt = sp_store_prepare (self, "INSERT INTO category_ranks (code, up, down)"
                                        " VALUES (?, ?, ?)", error)))
    goto fail;
  for (guint i = 0; i < n; i++)
    {
      Ranked *r = &g_array_index (ranked, Ranked, i);

      if (r->code != NULL)
        sqlite3_bind_text (stmt, 1, r->code, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 1);
      sqlite3_bind_int64 (stmt, 2, i + 1);
      /* Reversed, but the cases without a category stay last. */
      sqlite3_bind_int64 (stmt, 3, r->code != NULL ? n - 1 - i : n);
      if (!sp_store_step_done (self, stmt, error))
        goto fail;
    }

  if (!(stmt = sp_store_prepare (self, "UPDATE category_ranks_state SET collation = ?"
                                        " WHERE id = 1", error)))
    goto fail;
  sqlite3_bind_text (stmt, 1, collation_name (), -1, SQLITE_TRANSIENT);
  if (!sp_store_step_done (self, stmt, error))
    goto fail;

  return sp_store_commit (self, error);

fail:
  sp_store_rollback (self);
  return FALSE;
}

static gboolean
update_category_ranks (SpStore  *self,
                       GError  **error)
{
  gboolean current = FALSE;

  if (!ranks_are_current (self, &current, error))
    return FALSE;

  return current || write_category_ranks (self, error);
}

GPtrArray *
sp_store_query_cases (SpStore            *self,
                      const SpCaseQuery  *query,
                      GError            **error)
{
  g_autofree char *columns = NULL;
  g_autofree char *order = NULL;
  g_autofree char *sql = NULL;
  const char *from = "cases c";
  sqlite3_stmt *stmt;
  GPtrArray *ret;
  const char *dir;
  Builder b;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!sp_enum_is_valid (&sp_case_sort_info, query->sort))
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID, _("Unknown sort order"));
      return NULL;
    }

  builder_init (&b);
  b.walk_sort = walks_sort_order (self, query);
  build_where (query, &b);

  columns = _sp_store_column_list (&sp_case_info, "c");
  dir = query->descending ? "DESC" : "ASC";
  if (query->sort == SP_CASE_SORT_RECEIVED_ON)
    order = g_strdup_printf ("c.received_on %s NULLS LAST, c.id %s", dir, dir);
  else if (query->sort == SP_CASE_SORT_CATEGORY)
    order = g_strdup_printf ("r.%s, c.received_on DESC, c.id DESC",
                             query->descending ? "down" : "up");
  else
    order = g_strdup_printf ("%s %s NULLS LAST, c.received_on DESC, c.id DESC",
                             sort_sql[query->sort], dir);

  /* By category, over all cases the ranks lead (CROSS JOIN keeps them the
   * outer loop): the rows come in order from the index on (category,
   * received_on, id), a rank at a time, and the first page costs no sort.
   * With a condition on the cases, SQLite picks the condition's index and
   * sorts what it finds, which is quicker when the condition matches few
   * cases. */
  if (query->sort == SP_CASE_SORT_CATEGORY)
    {
      if (!update_category_ranks (self, error))
        {
          builder_clear (&b);
          return NULL;
        }
      from = g_str_equal (b.where->str, BASE_WHERE)
               ? "category_ranks r CROSS JOIN cases c ON c.category IS r.code"
               : "category_ranks r JOIN cases c ON c.category IS r.code";
    }

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s ORDER BY %s LIMIT ? OFFSET ?",
                         columns, from, b.where->str, order);

  if (!(stmt = sp_store_prepare (self, sql, error)))
    {
      builder_clear (&b);
      return NULL;
    }

  bind_all (stmt, &b);
  sqlite3_bind_int64 (stmt, b.texts->len + 1, query->limit > 0 ? (gint64)query->limit : -1);
  sqlite3_bind_int64 (stmt, b.texts->len + 2, query->offset);
  builder_clear (&b);

  ret = _sp_store_read_all (self, stmt, SP_TYPE_CASE, error);

  if (ret != NULL && query->today != SP_DATE_NONE)
    for (guint i = 0; i < ret->len; i++)
      {
        SpCase *kase = g_ptr_array_index (ret, i);

        kase->overdue = sp_case_is_overdue (kase, query->today);
      }

  return ret;
}

gint64
sp_store_count_cases (SpStore            *self,
                      const SpCaseQuery  *query,
                      GError            **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 count = -1;
  Builder b;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (self), -1);
  g_return_val_if_fail (query != NULL, -1);

  builder_init (&b);
  build_where (query, &b);
  sql = g_strdup_printf ("SELECT count(*) FROM cases c WHERE %s", b.where->str);

  if (!(stmt = sp_store_prepare (self, sql, error)))
    {
      builder_clear (&b);
      return -1;
    }

  bind_all (stmt, &b);
  builder_clear (&b);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    sp_store_set_error (self, error, rc);
  sqlite3_reset (stmt);

  return count;
}
