/* sp-api-reports.c: the diary and the statistics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include "sp-api.h"
#include "sp-http.h"
#include "sp-principal.h"
#include "sp-server-store.h"
#include "sp-stats-json.h"

static gboolean
apply_year (SpRequest    *req,
            SpCaseQuery  *query,
            GError      **error)
{
  guint year = 0;

  if (!sp_http_query_get_uint (req->query, "year", 9999, &year, error))
    return FALSE;
  if (year != 0)
    {
      if (year < 1900)
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "year", "year is out of range");
          return FALSE;
        }
      query->from = sp_date_new (year, 1, 1);
      query->to = sp_date_new (year, 12, 31);
    }
  return TRUE;
}

static JsonArray *
encode_markings (GPtrArray *markings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; markings != NULL && i < markings->len; i++)
    {
      SpSecrecyMarking *marking = markings->pdata[i];
      JsonObject *object = json_object_new ();
      g_autofree char *reference = sp_secrecy_provision_reference (marking->provision);
      g_autofree char *expires = sp_date_to_string (marking->expires_on);

      json_object_set_string_member (object, "part",
                                     sp_enum_to_name (&sp_secrecy_part_info, marking->part));
      json_object_set_string_member (object, "provision", reference);
      json_object_set_string_member (object, "expires_on", expires);
      json_array_add_object_element (array, object);
    }
  return array;
}

/* The diary of a period as CSV: the registrar's, who keeps the diary
 * (sp-diary-export.h: the marking, never what it hides). The period is
 * year= or from= and to=; every entry of it, unless paged on purpose. */
static gboolean
reply_diary_csv (SpRequest         *req,
                 SpCaseQuery       *query,
                 const SpApiFormat *format,
                 GError           **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *filename = NULL;
  char from[11], to[11];
  gint64 total = 0;

  if (!sp_principal_has_role (req->principal, SP_ROLE_REGISTRAR))
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, NULL,
                          "Only the registrar exports the diary");
      return FALSE;
    }
  if (query->from == SP_DATE_NONE || query->to == SP_DATE_NONE)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, query->from == SP_DATE_NONE ? "from" : "to",
                          "The diary's export needs a period: year, or from and to");
      return FALSE;
    }
  if (query->from > query->to)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "to", "The period ends before it starts");
      return FALSE;
    }
  if (sp_http_query_get (req->query, "limit") == NULL)
    query->limit = 0;

  cases = sp_api_query_visible_cases (req, query, &total, error);
  if (cases == NULL || (entries = sp_diary_build (req->store, cases, error)) == NULL)
    return FALSE;
  sp_date_format (query->from, from);
  sp_date_format (query->to, to);
  filename = g_strdup_printf ("synpunkt-diary-%s-%s.csv", from, to);
  sp_api_reply_csv (req, sp_diary_to_csv (entries, format->separator, format->bom), filename);
  return TRUE;
}

gboolean
sp_api_diary (SpRequest  *req,
              GError    **error)
{
  SpApiFormat format;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  JsonArray *items;
  g_autoptr(GHashTable) active = NULL;
  GPtrArray *markings;
  SpCaseQuery query;
  gint64 total = 0;

  if (!sp_api_take_format (req, &format, error) ||
      !sp_api_parse_case_query (req, &query, error) || !apply_year (req, &query, error))
    return FALSE;
  query.registered_only = TRUE;
  if (sp_http_query_get (req->query, "sort") == NULL)
    query.sort = SP_CASE_SORT_DIARY_NUMBER;
  if (format.csv)
    {
      /* A printed diary runs in number order. */
      if (sp_http_query_get (req->query, "sort") == NULL)
        query.descending = FALSE;
      return reply_diary_csv (req, &query, &format, error);
    }

  cases = sp_api_query_visible_cases (req, &query, &total, error);
  if (cases == NULL)
    return FALSE;
  active = sp_store_get_active_markings (req->store, error);
  if (active == NULL)
    return FALSE;

  items = json_array_new ();
  for (guint i = 0; i < cases->len; i++)
    {
      SpCase *kase = g_ptr_array_index (cases, i);
      JsonObject *entry = json_object_new ();
      g_autofree char *received = sp_date_to_string (kase->received_on);

      /* The diary is the public record: no sender, only what was handled. */
      json_object_set_string_member (entry, "case_id", SP_ENTITY (kase)->id);
      json_object_set_string_member (entry, "diary_number", kase->diary_number);
      json_object_set_string_member (entry, "received_on", received);
      json_object_set_string_member (entry, "kind", sp_enum_to_name (&sp_case_kind_info, kase->kind));
      json_object_set_string_member (entry, "subject", kase->subject);
      json_object_set_string_member (entry, "unit_id", kase->unit_id);
      json_object_set_string_member (entry, "status", sp_enum_to_name (&sp_status_info, kase->status));
      markings = active ? g_hash_table_lookup (active, SP_ENTITY (kase)->id) : NULL;
      json_object_set_boolean_member (entry, "secrecy",
                                      kase->named_employee || kase->individual_record ||
                                      markings != NULL);
      /* The marking, never what it hides. */
      json_object_set_array_member (entry, "secrecy_markings", encode_markings (markings));
      json_array_add_object_element (items, entry);
    }

  object = json_object_new ();
  json_object_set_array_member (object, "items", items);
  json_object_set_int_member (object, "total", total);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  sp_request_reply (req, SOUP_STATUS_OK, node);
  return TRUE;
}

static void
count (JsonObject *group,
       const char *key)
{
  const char *name = key ? key : "none";
  gint64 n = json_object_has_member (group, name) ? json_object_get_int_member (group, name) : 0;

  json_object_set_int_member (group, name, n + 1);
}

/* Takes @name out of the request's query, so that the case list's parser
 * does not refuse it. */
static char *
take_param (SpRequest  *req,
            const char *name)
{
  char *value = NULL;

  if (req->query != NULL && sp_http_query_get (req->query, name) != NULL)
    {
      value = g_strdup (sp_http_query_get (req->query, name));
      g_hash_table_remove (req->query, name);
    }
  return value;
}

/* Core's statistics for @period: the same numbers the app counts on its
 * replica. Only where the caller's sight is one query: otherwise TRUE
 * with *report NULL. */
static gboolean
compute_report (SpRequest      *req,
                const char     *period_text,
                const char     *scope_text,
                SpStatsReport **report,
                GPtrArray     **signals,
                char          **scope_out,
                GError        **error)
{
  SpStatsQuery stats = { NULL, { SP_STATS_SCOPE_ORGANISATION, NULL }, SP_DATE_NONE };
  SpCaseQuery base;
  SpPeriod period;
  GError *local = NULL;

  *report = NULL;
  *signals = NULL;
  *scope_out = NULL;
  if (!sp_period_parse (period_text, &period, &local))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "period", "%s", local->message);
      g_error_free (local);
      return FALSE;
    }
  if (!sp_stats_scope_parse (scope_text, &stats.scope, &local))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "scope", "%s", local->message);
      g_error_free (local);
      return FALSE;
    }

  sp_case_query_init (&base);
  if ((sp_principal_has_role (req->principal, SP_ROLE_UNIT_MANAGER) && req->principal->user->unit_id != NULL &&
       sp_server_store_unit_investigates_for_others (req->store, req->principal->user->unit_id)) ||
      !sp_principal_has_single_scope (req->principal))
    {
      sp_stats_scope_clear (&stats.scope);
      return TRUE;
    }
  sp_principal_restrict_query (req->principal, &base);
  stats.base = &base;
  stats.today = sp_date_today_in_organisation ();

  *report = sp_stats_report_compute (req->store, &stats, &period, error);
  if (*report != NULL)
    *signals = sp_stats_signals_compute (req->store, &stats, &period, SP_STATS_SIGNAL_LEVEL, error);
  *scope_out = sp_stats_scope_to_string (&stats.scope);
  sp_stats_scope_clear (&stats.scope);
  if (*report == NULL || *signals == NULL)
    {
      g_clear_pointer (report, sp_stats_report_free);
      g_clear_pointer (scope_out, g_free);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_figures (SpRequest   *req,
             JsonObject  *object,
             const char  *period_text,
             const char  *scope_text,
             GError     **error)
{
  g_autoptr(SpStatsReport) report = NULL;
  g_autoptr(GPtrArray) signals = NULL;
  g_autofree char *scope_out = NULL;

  if (!compute_report (req, period_text, scope_text, &report, &signals, &scope_out, error))
    return FALSE;
  if (report == NULL)
    return TRUE;

  json_object_set_string_member (object, "scope", scope_out);
  json_object_set_member (object, "figures", sp_stats_report_to_json (report));
  json_object_set_member (object, "signals", sp_stats_signals_to_json (signals));
  return TRUE;
}

/* The figures as CSV: every table, or the one named by table=. They hold
 * counts only, no personal data, for every role. */
static gboolean
reply_stats_csv (SpRequest         *req,
                 const SpApiFormat *format,
                 const char        *period_text,
                 const char        *scope_text,
                 const char        *table,
                 GError           **error)
{
  g_autoptr(SpStatsReport) report = NULL;
  g_autoptr(GPtrArray) signals = NULL;
  g_autofree char *scope_out = NULL;
  g_autofree char *filename = NULL;
  int dimension = -1;

  if (period_text == NULL)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "period", "format=csv needs a period");
      return FALSE;
    }
  if (table != NULL && !sp_enum_from_name (&sp_stats_dimension_info, table, &dimension))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "table", "Unknown statistics table");
      return FALSE;
    }
  if (req->query != NULL && g_hash_table_size (req->query) > 0)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, req->query);
      g_hash_table_iter_next (&iter, &key, NULL);
      sp_set_field_error (error, SP_ERROR_INVALID, g_utf8_validate (key, -1, NULL) ? key : NULL,
                          "Unknown query parameter for format=csv");
      return FALSE;
    }
  if (!sp_principal_reads_cases (req->principal))
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, NULL, "Your roles do not let you see cases");
      return FALSE;
    }
  if (!compute_report (req, period_text, scope_text, &report, &signals, &scope_out, error))
    return FALSE;
  if (report == NULL)
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, NULL,
                          "Your roles' cases cannot be counted as one set");
      return FALSE;
    }

  filename = g_strdup_printf ("synpunkt-stats-%s.csv", period_text);
  g_strcanon (filename, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.", '_');
  sp_api_reply_csv (req,
                    dimension >= 0
                      ? sp_stats_report_table_to_csv (report, dimension, format->separator, format->bom)
                      : sp_stats_report_to_csv (report, format->separator, format->bom),
                    filename);
  return TRUE;
}

static void
put_counts (JsonObject *group,
            GPtrArray  *counts)
{
  for (guint i = 0; counts != NULL && i < counts->len; i++)
    {
      SpStatsCount *c = g_ptr_array_index (counts, i);

      json_object_set_int_member (group, c->key, c->count);
    }
}

/* The cases the user sees through several roles at once, loaded and
 * counted one by one (no single query says which they are). */
static gboolean
count_loaded (SpRequest    *req,
              SpCaseQuery  *query,
              JsonObject   *by_kind,
              JsonObject   *by_category,
              JsonObject   *by_unit,
              JsonObject   *by_channel,
              JsonObject   *by_month,
              JsonObject   *by_status,
              gint64       *total,
              gint64       *overdue,
              GError      **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  gint64 all = 0;

  cases = sp_api_query_visible_cases (req, query, &all, error);
  if (cases == NULL)
    return FALSE;

  for (guint i = 0; i < cases->len; i++)
    {
      SpCase *kase = g_ptr_array_index (cases, i);
      char month[8] = "none";

      if (kase->received_on != SP_DATE_NONE)
        g_snprintf (month, sizeof month, "%04d-%02d",
                    sp_date_get_year (kase->received_on), sp_date_get_month (kase->received_on));

      count (by_kind, sp_enum_to_name (&sp_case_kind_info, kase->kind));
      count (by_category, kase->category);
      count (by_unit, kase->unit_id);
      count (by_channel, sp_enum_to_name (&sp_channel_info, kase->channel));
      count (by_month, month);
      count (by_status, sp_enum_to_name (&sp_status_info, kase->status));
      if (kase->overdue)
        (*overdue)++;
    }
  *total = cases->len;
  return TRUE;
}

gboolean
sp_api_stats (SpRequest  *req,
              GError    **error)
{
  g_autofree char *period_text = take_param (req, "period");
  g_autofree char *scope_text = take_param (req, "scope");
  g_autofree char *table = take_param (req, "table");
  SpApiFormat format;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  JsonObject *by_kind, *by_category, *by_unit, *by_channel, *by_month, *by_status;
  SpCaseQuery query;
  gint64 total = 0;
  gint64 overdue = 0;

  if (!sp_api_take_format (req, &format, error))
    return FALSE;
  if (format.csv)
    return reply_stats_csv (req, &format, period_text, scope_text, table, error);
  if (table != NULL)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "table", "A table is only chosen with format=csv");
      return FALSE;
    }
  if (!sp_api_parse_case_query (req, &query, error) || !apply_year (req, &query, error))
    return FALSE;
  query.limit = 0;
  query.offset = 0;

  by_kind = json_object_new ();
  by_category = json_object_new ();
  by_unit = json_object_new ();
  by_channel = json_object_new ();
  by_month = json_object_new ();
  by_status = json_object_new ();

  {
    SpCaseQuery restricted = query;
    gboolean one_query = FALSE;

    if (!sp_api_restrict_case_query (req, &restricted, &one_query, error))
      goto failed;
    /* Where one query says what the user sees, SQL counts; a union of
     * roles is filtered case by case below. */
    if (one_query)
      {
        g_autoptr(SpCaseCounts) counts = sp_store_count_cases_by (req->store, &restricted, error);

        if (counts == NULL)
          goto failed;
        total = counts->total;
        overdue = counts->overdue;
        put_counts (by_kind, counts->by[SP_STATS_KIND]);
        put_counts (by_category, counts->by[SP_STATS_CATEGORY]);
        put_counts (by_unit, counts->by[SP_STATS_UNIT]);
        put_counts (by_channel, counts->by[SP_STATS_CHANNEL]);
        put_counts (by_month, counts->by[SP_STATS_MONTH]);
        put_counts (by_status, counts->by[SP_STATS_STATUS]);
      }
    else if (!count_loaded (req, &query, by_kind, by_category, by_unit, by_channel, by_month, by_status,
                            &total, &overdue, error))
      goto failed;
  }

  object = json_object_new ();
  json_object_set_int_member (object, "total", total);
  json_object_set_int_member (object, "overdue", overdue);
  json_object_set_object_member (object, "by_kind", by_kind);
  json_object_set_object_member (object, "by_category", by_category);
  json_object_set_object_member (object, "by_unit", by_unit);
  json_object_set_object_member (object, "by_channel", by_channel);
  json_object_set_object_member (object, "by_month", by_month);
  json_object_set_object_member (object, "by_status", by_status);
  if (period_text != NULL && !add_figures (req, object, period_text, scope_text, error))
    {
      json_object_unref (object);
      return FALSE;
    }
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  sp_request_reply (req, SOUP_STATUS_OK, node);
  return TRUE;

failed:
  json_object_unref (by_kind);
  json_object_unref (by_category);
  json_object_unref (by_unit);
  json_object_unref (by_channel);
  json_object_unref (by_month);
  json_object_unref (by_status);
  return FALSE;
}
