/* sp-api-cases.c: the cases: list, create, get, patch, transition, events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <string.h>

#include "sp-api.h"
#include "sp-audit.h"
#include "sp-http.h"
#include "sp-server-schema.h"
#include "sp-server-store.h"
#include "sp-merge.h"
#include "sp-redact.h"

#define DEFAULT_LIMIT 50
#define MAX_LIMIT 1000

JsonNode *
sp_api_encode_case (SpRequest *req,
                    SpCase    *kase,
                    gboolean   redact)
{
  return sp_json_encode (SP_ENTITY (kase),
                         redact ? SP_JSON_ENCODE_REDACT_PERSONAL : SP_JSON_ENCODE_DEFAULT);
}

gboolean
sp_api_refuse_conflicts (SpRequest          *req,
                         JsonNode           *current_json,
                         SpEntity           *current,
                         SpEntity           *client,
                         GPtrArray          *conflicts,
                         SpJsonEncodeFlags   flags,
                         gint64              base_rev,
                         GError            **error)
{
  g_autofree char *path = sp_field_dup_path (g_ptr_array_index (conflicts, 0));

  req->error_extra = json_object_new ();
  if (current_json != NULL)
    json_object_set_member (req->error_extra, "current", current_json);
  json_object_set_member (req->error_extra, "conflicts",
                          sp_merge_conflicts_to_json (current, client, conflicts, flags));
  sp_set_field_error (error, SP_ERROR_CONFLICT, path,
                      "Someone else changed %s after revision %" G_GINT64_FORMAT, path, base_rev);
  return FALSE;
}

JsonNode *
sp_api_read_patch (SpRequest          *req,
                   const char * const *members,
                   JsonObject        **object,
                   gint64             *base_rev,
                   GError            **error)
{
  g_autoptr(JsonNode) body = sp_request_read_json (req, error);

  if (body == NULL)
    return NULL;
  if ((*object = sp_json_require_object (body, NULL, error)) == NULL ||
      !sp_json_check_members (*object, members, error) ||
      !sp_json_member_int (*object, "base_rev", TRUE, base_rev, error))
    return NULL;
  if (!json_object_has_member (*object, "fields"))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "fields", "fields is required");
      return NULL;
    }

  return g_steal_pointer (&body);
}

JsonNode *
sp_api_encode_list (GPtrArray *entities,
                    gint64     total)
{
  JsonObject *object = json_object_new ();
  JsonArray *items = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; entities && i < entities->len; i++)
    json_array_add_element (items, sp_json_encode (g_ptr_array_index (entities, i),
                                                   SP_JSON_ENCODE_DEFAULT));
  json_object_set_array_member (object, "items", items);
  json_object_set_int_member (object, "total", total >= 0 ? total : (gint64) (entities ? entities->len : 0));
  json_node_take_object (node, object);
  return node;
}

SpCase *
sp_api_load_readable_case (SpRequest   *req,
                           const char  *id,
                           gboolean    *redact,
                           GError     **error)
{
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!sp_principal_reads_cases (req->principal))
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, NULL, "Your roles do not let you see cases");
      return NULL;
    }

  if (id == NULL || !sp_is_uuid (id))
    goto not_found;

  kase = sp_store_get_case (req->store, id, &local_error);
  if (kase == NULL)
    {
      if (!g_error_matches (local_error, SP_ERROR, SP_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      goto not_found;
    }

  if (SP_ENTITY (kase)->deleted || !sp_principal_can_read_case (req->principal, kase, redact))
    goto not_found;

  return g_steal_pointer (&kase);

not_found:
  sp_set_field_error (error, SP_ERROR_NOT_FOUND, NULL, "No such case");
  return NULL;
}

void
sp_api_set_id_taken_error (GError **error)
{
  sp_set_field_error (error, SP_ERROR_INVALID, "id", "This id cannot be used: make a new one");
}

static gboolean
check_exists (SpStore     *store,
              GType        type,
              const char  *id,
              const char  *field,
              GError     **error)
{
  g_autoptr(SpEntity) entity = NULL;
  g_autoptr(GError) local_error = NULL;

  if (id == NULL)
    return TRUE;

  if (sp_is_uuid (id))
    entity = sp_store_load (store, type, id, &local_error);

  if (entity == NULL || entity->deleted)
    {
      if (local_error != NULL && !g_error_matches (local_error, SP_ERROR, SP_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      sp_set_field_error (error, SP_ERROR_INVALID, field, "%s names nothing that exists", field);
      return FALSE;
    }

  return TRUE;
}

gboolean
sp_api_check_case_references (SpStore  *store,
                              SpCase   *kase,
                              GError  **error)
{
  if (!check_exists (store, SP_TYPE_UNIT, kase->unit_id, "unit_id", error) ||
      !check_exists (store, SP_TYPE_UNIT, kase->investigating_unit_id, "investigating_unit_id", error) ||
      !check_exists (store, SP_TYPE_PROVIDER, kase->provider_id, "provider_id", error) ||
      !check_exists (store, SP_TYPE_USER, kase->assigned_to, "assigned_to", error))
    return FALSE;

  if (kase->category != NULL)
    {
      g_autoptr(GPtrArray) found = NULL;

      found = sp_store_load_where (store, SP_TYPE_CATEGORY, "code", kase->category, error);
      if (found == NULL)
        return FALSE;
      if (found->len == 0)
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "category", "No such category");
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
parse_enum_set (GHashTable        *query,
                const char        *name,
                const SpEnumInfo  *info,
                guint             *bits,
                GError           **error)
{
  const char *text = sp_http_query_get (query, name);
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return TRUE;

  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      int value;

      if (!sp_enum_from_name (info, g_strstrip (parts[i]), &value))
        {
          sp_set_field_error (error, SP_ERROR_INVALID, name, "Unknown %s “%s”", name,
                              g_utf8_validate (parts[i], -1, NULL) ? parts[i] : "?");
          return FALSE;
        }
      *bits |= 1u << value;
    }

  return TRUE;
}

static gboolean
parse_date (GHashTable  *query,
            const char  *name,
            SpDate      *date,
            GError     **error)
{
  const char *text = sp_http_query_get (query, name);

  if (text == NULL)
    return TRUE;
  if (!sp_date_parse (text, date))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, name, "%s must be a date YYYY-MM-DD", name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_uuid (GHashTable   *query,
            const char   *name,
            const char  **value,
            GError      **error)
{
  const char *text = sp_http_query_get (query, name);

  if (text != NULL && !sp_is_uuid (text))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, name, "%s must be a UUID", name);
      return FALSE;
    }
  *value = text;
  return TRUE;
}

/* Also used by the diary and the statistics. */
gboolean
sp_api_parse_case_query (SpRequest    *req,
                         SpCaseQuery  *query,
                         GError      **error)
{
  static const char * const known[] = {
    "status", "kind", "unit", "category", "provider", "overdue", "q", "from", "to",
    "limit", "offset", "sort", "registered", "assigned_to", "mine", "year", "escalation",
    "channel", "area", "valence", NULL
  };
  const char *sort;
  gboolean mine = FALSE;
  GHashTableIter iter;
  gpointer key;

  sp_case_query_init (query);
  query->limit = DEFAULT_LIMIT;

  if (req->query != NULL)
    {
      g_hash_table_iter_init (&iter, req->query);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_strv_contains (known, key))
          {
            sp_set_field_error (error, SP_ERROR_INVALID, g_utf8_validate (key, -1, NULL) ? key : NULL,
                                "Unknown query parameter");
            return FALSE;
          }
    }

  if (!parse_enum_set (req->query, "status", &sp_status_info, &query->statuses, error) ||
      !parse_enum_set (req->query, "kind", &sp_case_kind_info, &query->kinds, error) ||
      !parse_enum_set (req->query, "channel", &sp_channel_info, &query->channels, error) ||
      !parse_enum_set (req->query, "area", &sp_area_info, &query->areas, error) ||
      !parse_enum_set (req->query, "valence", &sp_valence_info, &query->valences, error) ||
      !parse_enum_set (req->query, "escalation", &sp_escalation_info, &query->escalations, error) ||
      !parse_uuid (req->query, "unit", &query->unit_id, error) ||
      !parse_uuid (req->query, "provider", &query->provider_id, error) ||
      !parse_uuid (req->query, "assigned_to", &query->assigned_to, error) ||
      !sp_http_query_get_bool (req->query, "overdue", &query->overdue_only, error) ||
      !sp_http_query_get_bool (req->query, "registered", &query->registered_only, error) ||
      !sp_http_query_get_bool (req->query, "mine", &mine, error) ||
      !parse_date (req->query, "from", &query->from, error) ||
      !parse_date (req->query, "to", &query->to, error) ||
      !sp_http_query_get_uint (req->query, "limit", MAX_LIMIT, &query->limit, error) ||
      !sp_http_query_get_uint (req->query, "offset", G_MAXINT32, &query->offset, error))
    return FALSE;

  query->category = sp_http_query_get (req->query, "category");
  query->text = sp_http_query_get (req->query, "q");
  if ((query->category && !g_utf8_validate (query->category, -1, NULL)) ||
      (query->text && !g_utf8_validate (query->text, -1, NULL)))
    {
      sp_set_field_error (error, SP_ERROR_MALFORMED, query->text ? "q" : "category",
                          "The query is not valid UTF-8");
      return FALSE;
    }

  if (mine)
    {
      query->mine_user_id = sp_request_get_user_id (req);
      query->mine_unit_id = req->principal->user->unit_id;
    }

  if ((sort = sp_http_query_get (req->query, "sort")) != NULL)
    {
      int value;

      /* "received_on" ascending, "-received_on" descending. */
      query->descending = *sort == '-';
      if (*sort == '-')
        sort++;
      if (!sp_enum_from_name (&sp_case_sort_info, sort, &value))
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "sort", "Unknown sort order");
          return FALSE;
        }
      query->sort = value;
    }

  return TRUE;
}

gboolean
sp_api_restrict_case_query (SpRequest    *req,
                            SpCaseQuery  *query,
                            gboolean     *one_query,
                            GError      **error)
{
  if (!sp_principal_reads_cases (req->principal))
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, NULL, "Your roles do not let you see cases");
      return FALSE;
    }
  /* The access rule is the query's own (sp_principal_restrict_query), so
   * one query answers for every role. */
  sp_principal_restrict_query (req->principal, query);
  *one_query = TRUE;
  return TRUE;
}

/* The cases of @query that the principal may see, paged, with the total:
 * the access rule is part of the query. Each item is an SpCase; the
 * redaction need is rechecked when encoding. */
GPtrArray *
sp_api_query_visible_cases (SpRequest    *req,
                            SpCaseQuery  *query,
                            gint64       *total,
                            GError      **error)
{
  GPtrArray *page;

  if (!sp_principal_reads_cases (req->principal))
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, NULL, "Your roles do not let you see cases");
      return NULL;
    }

  sp_principal_restrict_query (req->principal, query);
  /* The count first: it tells the list how to find its page. */
  *total = sp_store_count_cases (req->store, query, error);
  if (*total < 0)
    return NULL;
  query->known_total = *total;
  page = sp_store_query_cases (req->store, query, error);
  query->known_total = 0;
  return page;
}

/* The list as CSV: no personal data (sp-case-csv.h); quality staff get
 * no subject either, other readers the subject of the cases they see
 * whole. */
static void
reply_cases_csv (SpRequest         *req,
                 GPtrArray         *cases,
                 const SpApiFormat *format)
{
  SpCaseCsvFlags flags = sp_principal_has_role (req->principal, SP_ROLE_QUALITY)
                         ? SP_CASE_CSV_DEFAULT : SP_CASE_CSV_SUBJECT;
  SpCsv csv;

  sp_csv_init (&csv, format->separator, format->bom);
  sp_case_csv_header (&csv, flags);
  for (guint i = 0; i < cases->len; i++)
    {
      SpCase *kase = g_ptr_array_index (cases, i);
      gboolean redact = TRUE;

      sp_principal_can_read_case (req->principal, kase, &redact);
      sp_case_csv_row (&csv, kase, flags, redact);
    }
  sp_api_reply_csv (req, sp_csv_steal (&csv), "synpunkt-cases.csv");
}

gboolean
sp_api_cases_list (SpRequest  *req,
                   GError    **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  JsonArray *items;
  SpCaseQuery query;
  SpApiFormat format;
  gint64 total = 0;

  if (!sp_api_take_format (req, &format, error) || !sp_api_parse_case_query (req, &query, error))
    return FALSE;
  /* An export is the whole list as filtered, unless paged on purpose. */
  if (format.csv && sp_http_query_get (req->query, "limit") == NULL)
    query.limit = 0;

  cases = sp_api_query_visible_cases (req, &query, &total, error);
  if (cases == NULL)
    return FALSE;
  if (format.csv)
    {
      reply_cases_csv (req, cases, &format);
      return TRUE;
    }

  object = json_object_new ();
  items = json_array_new ();
  for (guint i = 0; i < cases->len; i++)
    {
      SpCase *kase = g_ptr_array_index (cases, i);
      gboolean redact = TRUE;

      sp_principal_can_read_case (req->principal, kase, &redact);
      json_array_add_element (items, sp_api_encode_case (req, kase, redact));
    }
  json_object_set_array_member (object, "items", items);
  json_object_set_int_member (object, "total", total);
  json_object_set_int_member (object, "limit", query.limit);
  json_object_set_int_member (object, "offset", query.offset);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  sp_request_reply (req, SOUP_STATUS_OK, node);
  return TRUE;
}

static gboolean
reply_case (SpRequest  *req,
            const char *id,
            guint       status,
            GError    **error)
{
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(JsonNode) node = NULL;
  gboolean redact = TRUE;

  /* Reload: the store computes due_on and overdue on load. */
  kase = sp_store_get_case (req->store, id, error);
  if (kase == NULL)
    return FALSE;

  if (!sp_principal_can_read_case (req->principal, kase, &redact))
    redact = TRUE;
  node = sp_api_encode_case (req, kase, redact);
  sp_request_reply (req, status, node);
  return TRUE;
}

/* A case read back inside the transaction that wrote it (the store
 * computes due_on and overdue on load), so that a case that cannot be
 * read makes the request fail before anything is committed. */
static gboolean
reply_loaded_case (SpRequest *req,
                   SpCase    *kase,
                   guint      status)
{
  g_autoptr(JsonNode) node = NULL;
  gboolean redact = TRUE;

  if (!sp_principal_can_read_case (req->principal, kase, &redact))
    redact = TRUE;
  node = sp_api_encode_case (req, kase, redact);
  sp_request_reply (req, status, node);
  return TRUE;
}

gboolean
sp_api_cases_create (SpRequest  *req,
                     GError    **error)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(SpCase) existing = NULL;
  g_autoptr(SpCase) created = NULL;
  g_autofree char *location = NULL;
  SpActor actor;

  body = sp_request_read_json (req, error);
  if (body == NULL)
    return FALSE;
  if (sp_json_require_object (body, NULL, error) == NULL)
    return FALSE;

  /* A client may bring its own UUID (a case made offline). */
  kase = sp_json_decode_new (SP_TYPE_CASE, body, SP_JSON_DECODE_CREATE, error);
  if (kase == NULL)
    return FALSE;

  if (!sp_principal_check_create_case (req->principal, kase, error) ||
      !sp_api_check_case_references (req->store, kase, error))
    return FALSE;

  if (SP_ENTITY (kase)->id != NULL &&
      (existing = sp_store_get_case (req->store, SP_ENTITY (kase)->id, NULL)) != NULL)
    {
      /* Only a case the user sees may be said to exist. */
      if (!SP_ENTITY (existing)->deleted &&
          sp_principal_can_read_case (req->principal, existing, NULL))
        sp_set_field_error (error, SP_ERROR_CONFLICT, "id", "A case with this id exists");
      else
        sp_api_set_id_taken_error (error);
      return FALSE;
    }

  /* The case is read back before the commit: if what was saved cannot be
   * read, the request fails whole and leaves nothing behind. */
  actor = sp_request_get_actor (req);
  if (!sp_store_begin (req->store, error))
    return FALSE;
  if (!sp_server_store_end (req->store,
                            !sp_store_create_case (req->store, kase, &actor, error) ||
                            !sp_audit_record_write (req->store, actor.user_id, "create", NULL, SP_ENTITY (kase), error) ||
                            !(created = sp_store_get_case (req->store, SP_ENTITY (kase)->id, error)),
                            error))
    {
      return FALSE;
    }

  location = g_strconcat ("/api/v1/cases/", SP_ENTITY (kase)->id, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                "Location", location);
  return reply_loaded_case (req, created, SOUP_STATUS_CREATED);
}

static JsonNode *
encode_children (SpStore  *store,
                 GType     type,
                 const char *case_id,
                 gboolean  first_only,
                 gboolean  redact,
                 GError  **error)
{
  SpJsonEncodeFlags flags = redact ? SP_JSON_ENCODE_REDACT_PERSONAL : SP_JSON_ENCODE_DEFAULT;
  g_autoptr(GPtrArray) children = NULL;
  JsonArray *array;
  JsonNode *node;

  children = sp_store_load_where (store, type, "case_id", case_id, error);
  if (children == NULL)
    return NULL;

  if (first_only)
    {
      if (children->len == 0)
        return json_node_new (JSON_NODE_NULL);
      return sp_json_encode (g_ptr_array_index (children, 0), flags);
    }

  array = json_array_new ();
  for (guint i = 0; i < children->len; i++)
    json_array_add_element (array, sp_json_encode (g_ptr_array_index (children, i), flags));
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  return node;
}

gboolean
sp_api_case_get (SpRequest  *req,
                 GError    **error)
{
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonNode *investigation;
  JsonNode *actions;
  JsonObject *object;
  gboolean redact = TRUE;

  kase = sp_api_load_readable_case (req, req->param, &redact, error);
  if (kase == NULL)
    return FALSE;

  investigation = encode_children (req->store, SP_TYPE_INVESTIGATION, req->param, TRUE, redact, error);
  if (investigation == NULL)
    return FALSE;
  actions = encode_children (req->store, SP_TYPE_PLANNED_ACTION, req->param, FALSE, redact, error);
  if (actions == NULL)
    {
      json_node_unref (investigation);
      return FALSE;
    }

  object = json_object_new ();
  json_object_set_member (object, "case", sp_api_encode_case (req, kase, redact));
  json_object_set_member (object, "investigation", investigation);
  json_object_set_member (object, "planned_actions", actions);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  sp_request_reply (req, SOUP_STATUS_OK, node);
  return TRUE;
}

gboolean
sp_api_case_patch (SpRequest  *req,
                   GError    **error)
{
  static const char * const members[] = { "base_rev", "fields", NULL };
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(SpCase) current = NULL;
  g_autoptr(SpEntity) merged = NULL;
  g_autoptr(SpEntity) client = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new ();
  g_autoptr(SpCase) saved = NULL;
  JsonObject *object;
  gboolean redact = TRUE;
  gint64 base_rev = 0;
  SpActor actor;

  if ((body = sp_api_read_patch (req, members, &object, &base_rev, error)) == NULL)
    return FALSE;

  current = sp_api_load_readable_case (req, req->param, &redact, error);
  if (current == NULL)
    return FALSE;
  if (!sp_principal_can_edit_case (req->principal, current))
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, NULL, "You may not change this case");
      return FALSE;
    }

  merged = sp_merge_apply_patch (req->store, SP_ENTITY (current),
                                 json_object_get_member (object, "fields"),
                                 base_rev, changed, conflicts, &client, error);
  if (merged == NULL)
    return FALSE;

  if (conflicts->len > 0)
    return sp_api_refuse_conflicts (req, sp_api_encode_case (req, current, redact),
                                    SP_ENTITY (current), client, conflicts,
                                    redact ? SP_JSON_ENCODE_REDACT_PERSONAL : 0, base_rev, error);

  if (changed->len == 0)
    return reply_case (req, SP_ENTITY (current)->id, SOUP_STATUS_OK, error);

  if (!sp_principal_check_case_change (req->principal, current, SP_CASE (merged), error))
    return FALSE;
  if (!sp_api_check_case_references (req->store, SP_CASE (merged), error))
    return FALSE;

  actor = sp_request_get_actor (req);
  if (!sp_store_begin (req->store, error))
    return FALSE;
  if (!sp_server_store_end (req->store,
                            !sp_store_update_case (req->store, SP_CASE (merged), &actor, TRUE, error) ||
                            !sp_audit_record_write (req->store, actor.user_id, "update", SP_ENTITY (current), merged, error) ||
                            !(saved = sp_store_get_case (req->store, SP_ENTITY (current)->id, error)),
                            error))
    {
      return FALSE;
    }

  return reply_loaded_case (req, saved, SOUP_STATUS_OK);
}

gboolean
sp_api_case_transition (SpRequest  *req,
                        GError    **error)
{
  static const char * const members[] = { "to", NULL };
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(SpEntity) before = NULL;
  g_autoptr(SpCase) saved = NULL;
  JsonObject *object;
  const char *to_name;
  gboolean redact = TRUE;
  SpActor actor;
  int to;

  body = sp_request_read_json (req, error);
  if (body == NULL)
    return FALSE;
  if ((object = sp_json_require_object (body, NULL, error)) == NULL ||
      !sp_json_check_members (object, members, error) ||
      (to_name = sp_json_member_string (object, "to", TRUE, error)) == NULL)
    return FALSE;
  if (!sp_enum_from_name (&sp_status_info, to_name, &to))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "to", "Unknown status");
      return FALSE;
    }

  kase = sp_api_load_readable_case (req, req->param, &redact, error);
  if (kase == NULL)
    return FALSE;
  if (!sp_principal_can_edit_case (req->principal, kase))
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, NULL, "You may not change this case");
      return FALSE;
    }

  before = sp_entity_copy (SP_ENTITY (kase));
  actor = sp_request_get_actor (req);
  if (!sp_store_begin (req->store, error))
    return FALSE;
  if (!sp_server_store_end (req->store,
                            !sp_store_transition_case (req->store, kase, to, &actor, error) ||
                            !sp_audit_record_write (req->store, actor.user_id, "transition", before, SP_ENTITY (kase), error) ||
                            !(saved = sp_store_get_case (req->store, SP_ENTITY (kase)->id, error)),
                            error))
    {
      return FALSE;
    }

  return reply_loaded_case (req, saved, SOUP_STATUS_OK);
}

gboolean
sp_api_case_events (SpRequest  *req,
                    GError    **error)
{
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(JsonNode) node = NULL;
  gboolean redact = TRUE;

  kase = sp_api_load_readable_case (req, req->param, &redact, error);
  if (kase == NULL)
    return FALSE;

  events = sp_store_get_case_events (req->store, req->param, error);
  if (events == NULL)
    return FALSE;

  /* The steps of a contract issue are for those who read the issue. */
  if (!sp_principal_can_read_contract_issue (req->principal, kase))
    for (guint i = events->len; i > 0; i--)
      if (SP_CASE_EVENT (g_ptr_array_index (events, i - 1))->kind == SP_EVENT_CONTRACT_ISSUE_UPDATED)
        g_ptr_array_remove_index (events, i - 1);

  /* The history must not give back what the redaction took away. */
  if (redact)
    for (guint i = 0; i < events->len; i++)
      sp_redact_case_event (g_ptr_array_index (events, i));

  node = sp_api_encode_list (events, -1);
  sp_request_reply (req, SOUP_STATUS_OK, node);
  return TRUE;
}
