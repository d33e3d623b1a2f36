/* sp-api-contract-issues.c: contract issues (avtalsavvikelser) with
 * private providers, their history and their counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Procurement and the administrator open and move issues; procurement,
 * the unit manager of the case and its head of department read them;
 * quality staff get the counts only. Every save goes through
 * sp_store_save_contract_issue(), the same checks the app makes.
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include "sp-api.h"
#include "sp-audit.h"
#include "sp-http.h"
#include "sp-merge.h"
#include "sp-server-schema.h"
#include "sp-server-store.h"

/* The case of an issue, loaded whatever the user's case roles are (the
 * administrator reads no cases but may write issues). */
static SpCase *
load_case_of (SpRequest   *req,
              const char  *case_id)
{
  g_autoptr(SpCase) kase = NULL;

  if (case_id == NULL || !sp_is_uuid (case_id))
    return NULL;
  kase = sp_store_get_case (req->store, case_id, NULL);
  if (kase == NULL || SP_ENTITY (kase)->deleted)
    return NULL;
  return g_steal_pointer (&kase);
}

/* The issue of the path, if the user may read it (404 otherwise: that it
 * exists must not leak). */
static SpContractIssue *
load_readable (SpRequest  *req,
               SpCase    **case_out,
               GError    **error)
{
  g_autoptr(SpContractIssue) issue = NULL;
  g_autoptr(SpCase) kase = NULL;

  if (req->param != NULL && sp_is_uuid (req->param))
    issue = sp_store_load (req->store, SP_TYPE_CONTRACT_ISSUE, req->param, NULL);
  if (issue != NULL && !SP_ENTITY (issue)->deleted)
    kase = load_case_of (req, issue->case_id);
  if (kase == NULL || !sp_principal_can_read_contract_issue (req->principal, kase))
    {
      sp_set_field_error (error, SP_ERROR_NOT_FOUND, NULL, "No such contract issue");
      return NULL;
    }
  if (case_out)
    *case_out = g_steal_pointer (&kase);
  return g_steal_pointer (&issue);
}

static gboolean
require_writer (SpRequest  *req,
                GError    **error)
{
  if (sp_principal_writes_contract_issues (req->principal))
    return TRUE;
  sp_set_field_error (error, SP_ERROR_PERMISSION, NULL,
                      "Only procurement and the administrator handle contract issues");
  return FALSE;
}

/* The case an issue is about, if this writer may handle issues about it. */
static gboolean
check_case_writable (SpRequest   *req,
                     const char  *case_id,
                     GError     **error)
{
  g_autoptr(SpCase) kase = load_case_of (req, case_id);

  if (kase == NULL || !sp_principal_can_read_contract_issue (req->principal, kase))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "case_id", "case_id names no case you handle");
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_api_contract_issue_check_writable (SpRequest   *req,
                                      const char  *case_id,
                                      GError     **error)
{
  return require_writer (req, error) && check_case_writable (req, case_id, error);
}

static gboolean
reply_issue (SpRequest   *req,
             const char  *id,
             guint        status,
             GError     **error)
{
  g_autoptr(SpEntity) saved = sp_store_load (req->store, SP_TYPE_CONTRACT_ISSUE, id, error);
  g_autoptr(JsonNode) node = NULL;

  if (saved == NULL)
    return FALSE;
  node = sp_json_encode (saved, SP_JSON_ENCODE_DEFAULT);
  sp_request_reply (req, status, node);
  return TRUE;
}

static gboolean
check_query (SpRequest          *req,
             const char * const *known,
             GError            **error)
{
  GHashTableIter iter;
  gpointer key;

  if (req->query == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, req->query);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_strv_contains (known, key))
      {
        sp_set_field_error (error, SP_ERROR_INVALID, g_utf8_validate (key, -1, NULL) ? key : NULL,
                            "Unknown query parameter");
        return FALSE;
      }
  return TRUE;
}

static gboolean
query_id (SpRequest    *req,
          const char   *name,
          const char  **value,
          GError      **error)
{
  *value = sp_http_query_get (req->query, name);
  if (*value != NULL && !sp_is_uuid (*value))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, name, "%s must be a UUID", name);
      return FALSE;
    }
  return TRUE;
}

/* The issues of ?provider= or ?case= (or all), that the user may read;
 * ?status= one of the life cycle's, ?open=true those not closed. */
static GPtrArray *
query_issues (SpRequest  *req,
              gboolean    readable_only,
              GError    **error)
{
  static const char * const known[] = { "provider", "case", "status", "open", NULL };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) cases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  GPtrArray *result;
  const char *provider = NULL;
  const char *case_id = NULL;
  const char *status_text;
  int status = -1;
  gboolean open_only = FALSE;

  if (!check_query (req, known, error) ||
      !query_id (req, "provider", &provider, error) ||
      !query_id (req, "case", &case_id, error))
    return NULL;
  status_text = sp_http_query_get (req->query, "status");
  if (sp_http_query_get (req->query, "open") != NULL)
    {
      const char *open = sp_http_query_get (req->query, "open");

      if (g_strcmp0 (open, "true") != 0 && g_strcmp0 (open, "false") != 0)
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "open", "open must be true or false");
          return NULL;
        }
      open_only = g_str_equal (open, "true");
    }
  if (status_text != NULL &&
           !sp_enum_from_name (&sp_contract_issue_status_info, status_text, &status))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "status", "Unknown contract issue status");
      return NULL;
    }

  all = sp_store_list_contract_issues (req->store, provider, case_id, error);
  if (all == NULL)
    return NULL;

  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      SpContractIssue *issue = all->pdata[i];
      SpCase *kase;

      if ((status >= 0 && (int) issue->status != status) ||
          (open_only && issue->status == SP_CONTRACT_ISSUE_CLOSED))
        continue;
      if (readable_only)
        {
          kase = g_hash_table_lookup (cases, issue->case_id);
          if (kase == NULL && (kase = load_case_of (req, issue->case_id)) != NULL)
            g_hash_table_insert (cases, g_strdup (issue->case_id), kase);
          if (!sp_principal_can_read_contract_issue (req->principal, kase))
            continue;
        }
      g_ptr_array_add (result, g_object_ref (issue));
    }
  return result;
}

gboolean
sp_api_contract_issues_list (SpRequest  *req,
                             GError    **error)
{
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(JsonNode) node = NULL;

  issues = query_issues (req, TRUE, error);
  if (issues == NULL)
    return FALSE;
  node = sp_api_encode_list (issues, -1);
  sp_request_reply (req, SOUP_STATUS_OK, node);
  return TRUE;
}

/* Counts by status, open issues and the oldest open one's age: for
 * quality staff too, who see no issue itself. */
gboolean
sp_api_contract_issues_counts (SpRequest  *req,
                               GError    **error)
{
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonObject *by_status = json_object_new ();
  SpDate today = sp_date_today_in_organisation ();
  guint counts[8] = { 0 };
  guint n_open = 0;
  guint n_overdue = 0;
  gint64 oldest = 0;

  if (!sp_principal_counts_contract_issues (req->principal))
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, NULL, "Your roles do not count contract issues");
      return FALSE;
    }
  issues = query_issues (req, FALSE, error);
  if (issues == NULL)
    return FALSE;

  for (guint i = 0; i < issues->len; i++)
    {
      SpContractIssue *issue = issues->pdata[i];

      if (issue->status < G_N_ELEMENTS (counts))
        counts[issue->status]++;
      if (issue->status == SP_CONTRACT_ISSUE_CLOSED)
        continue;
      n_open++;
      if (sp_contract_issue_is_overdue (issue, today))
        n_overdue++;
      if (issue->opened_on != SP_DATE_NONE && today > issue->opened_on &&
          (gint64) (today - issue->opened_on) > oldest)
        oldest = today - issue->opened_on;
    }

  for (guint i = 0; i < sp_contract_issue_status_info.n_values; i++)
    json_object_set_int_member (by_status, sp_enum_to_name (&sp_contract_issue_status_info, i),
                                i < G_N_ELEMENTS (counts) ? counts[i] : 0);
  json_object_set_int_member (object, "total", issues->len);
  json_object_set_int_member (object, "open", n_open);
  json_object_set_int_member (object, "overdue", n_overdue);
  json_object_set_int_member (object, "oldest_open_days", oldest);
  json_object_set_object_member (object, "by_status", by_status);
  json_node_take_object (node, object);
  sp_request_reply (req, SOUP_STATUS_OK, node);
  return TRUE;
}

gboolean
sp_api_contract_issues_create (SpRequest  *req,
                               GError    **error)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(SpContractIssue) issue = NULL;
  g_autoptr(SpEntity) existing = NULL;
  SpActor actor = sp_request_get_actor (req);

  if (!require_writer (req, error))
    return FALSE;
  if ((body = sp_request_read_json (req, error)) == NULL ||
      sp_json_require_object (body, NULL, error) == NULL ||
      (issue = sp_json_decode_new (SP_TYPE_CONTRACT_ISSUE, body, SP_JSON_DECODE_CREATE, error)) == NULL)
    return FALSE;
  if (!check_case_writable (req, issue->case_id, error))
    return FALSE;
  if (issue->status != SP_CONTRACT_ISSUE_OPEN)
    {
      sp_set_field_error (error, SP_ERROR_TRANSITION, "status", "A contract issue starts open");
      return FALSE;
    }
  if (SP_ENTITY (issue)->id != NULL &&
      (existing = sp_store_load (req->store, SP_TYPE_CONTRACT_ISSUE, SP_ENTITY (issue)->id, NULL)) != NULL)
    {
      sp_api_set_id_taken_error (error);
      return FALSE;
    }
  if (issue->provider_id != NULL)
    {
      g_autoptr(SpEntity) provider = sp_is_uuid (issue->provider_id)
        ? sp_store_load (req->store, SP_TYPE_PROVIDER, issue->provider_id, NULL) : NULL;

      if (provider == NULL || provider->deleted)
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "provider_id", "provider_id names no provider");
          return FALSE;
        }
    }

  if (!sp_store_begin (req->store, error))
    return FALSE;
  if (!sp_server_store_end (req->store,
                            !sp_store_save_contract_issue (req->store, issue, SP_SAVE_DEFAULT, &actor, error) ||
                            !sp_audit_record_write (req->store, actor.user_id, "create", NULL,
                                                    SP_ENTITY (issue), error),
                            error))
    return FALSE;

  return reply_issue (req, SP_ENTITY (issue)->id, SOUP_STATUS_CREATED, error);
}

gboolean
sp_api_contract_issue_get (SpRequest  *req,
                           GError    **error)
{
  g_autoptr(SpContractIssue) issue = load_readable (req, NULL, error);

  if (issue == NULL)
    return FALSE;
  return reply_issue (req, SP_ENTITY (issue)->id, SOUP_STATUS_OK, error);
}

gboolean
sp_api_contract_issue_patch (SpRequest  *req,
                             GError    **error)
{
  static const char * const members[] = { "base_rev", "fields", NULL };
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(SpContractIssue) current = NULL;
  g_autoptr(SpEntity) merged = NULL;
  g_autoptr(SpEntity) client = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new ();
  JsonObject *object;
  gint64 base_rev = 0;
  SpActor actor = sp_request_get_actor (req);

  if ((body = sp_api_read_patch (req, members, &object, &base_rev, error)) == NULL)
    return FALSE;
  if ((current = load_readable (req, NULL, error)) == NULL ||
      !require_writer (req, error))
    return FALSE;

  merged = sp_merge_apply_patch (req->store, SP_ENTITY (current), json_object_get_member (object, "fields"),
                                 base_rev, changed, conflicts, &client, error);
  if (merged == NULL)
    return FALSE;
  if (conflicts->len > 0)
    return sp_api_refuse_conflicts (req, sp_json_encode (SP_ENTITY (current), SP_JSON_ENCODE_DEFAULT), SP_ENTITY (current), client, conflicts, 0,
                                    base_rev, error);
  if (changed->len == 0)
    return reply_issue (req, SP_ENTITY (current)->id, SOUP_STATUS_OK, error);
  if (!check_case_writable (req, SP_CONTRACT_ISSUE (merged)->case_id, error))
    return FALSE;
  /* One step at a time here (a replica's push may bring several). */
  if (SP_CONTRACT_ISSUE (merged)->status != current->status &&
      !sp_contract_issue_can_move (current->status, SP_CONTRACT_ISSUE (merged)->status))
    {
      sp_set_field_error (error, SP_ERROR_TRANSITION, "status", "A contract issue cannot go from %s to %s",
                          sp_enum_to_name (&sp_contract_issue_status_info, current->status),
                          sp_enum_to_name (&sp_contract_issue_status_info, SP_CONTRACT_ISSUE (merged)->status));
      return FALSE;
    }

  if (!sp_store_begin (req->store, error))
    return FALSE;
  if (!sp_server_store_end (req->store,
                            !sp_store_save_contract_issue (req->store, SP_CONTRACT_ISSUE (merged),
                                                           SP_SAVE_CHECK_REV, &actor, error) ||
                            !sp_audit_record_write (req->store, actor.user_id, "update",
                                                    SP_ENTITY (current), merged, error),
                            error))
    return FALSE;

  return reply_issue (req, SP_ENTITY (current)->id, SOUP_STATUS_OK, error);
}

gboolean
sp_api_contract_issue_events (SpRequest  *req,
                              GError    **error)
{
  g_autoptr(SpContractIssue) issue = load_readable (req, NULL, error);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (issue == NULL)
    return FALSE;
  events = sp_store_get_contract_issue_events (req->store, issue, error);
  if (events == NULL)
    return FALSE;
  node = sp_api_encode_list (events, -1);
  sp_request_reply (req, SOUP_STATUS_OK, node);
  return TRUE;
}

/* ---- The issue's cases ---------------------------------------------- */

static JsonObject *
case_item (SpRequest           *req,
           SpCase              *kase,
           SpContractIssueCase *link)
{
  JsonObject *item = json_object_new ();

  json_object_set_string_member (item, "case_id", SP_ENTITY (kase)->id);
  if (link != NULL)
    {
      g_autofree char *linked_on = sp_date_to_string (link->linked_on);

      json_object_set_string_member (item, "link_id", SP_ENTITY (link)->id);
      json_object_set_string_member (item, "linked_on", linked_on);
    }
  else
    {
      json_object_set_null_member (item, "link_id");
      json_object_set_null_member (item, "linked_on");
    }
  /* The administrator writes issues but reads no cases: the ids only. */
  if (sp_principal_can_read_case (req->principal, kase, NULL))
    {
      g_autofree char *received_on = sp_date_to_string (kase->received_on);

      json_object_set_string_member (item, "diary_number", kase->diary_number);
      json_object_set_string_member (item, "subject", kase->subject);
      json_object_set_string_member (item, "received_on", received_on);
      json_object_set_string_member (item, "unit_id", kase->unit_id);
    }
  return item;
}

/* The issue's own case and those linked to it, each only if the user may
 * read issues about it (a unit manager sees their own unit's). */
gboolean
sp_api_contract_issue_cases_list (SpRequest  *req,
                                  GError    **error)
{
  g_autoptr(SpCase) own = NULL;
  g_autoptr(SpContractIssue) issue = load_readable (req, &own, error);
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object;
  JsonArray *items;

  if (issue == NULL)
    return FALSE;
  links = sp_store_list_contract_issue_cases (req->store, SP_ENTITY (issue)->id, error);
  if (links == NULL)
    return FALSE;

  items = json_array_new ();
  json_array_add_object_element (items, case_item (req, own, NULL));
  for (guint i = 0; i < links->len; i++)
    {
      SpContractIssueCase *link = links->pdata[i];
      g_autoptr(SpCase) kase = load_case_of (req, link->case_id);

      if (kase != NULL && sp_principal_can_read_contract_issue (req->principal, kase))
        json_array_add_object_element (items, case_item (req, kase, link));
    }
  object = json_object_new ();
  json_object_set_int_member (object, "total", json_array_get_length (items));
  json_object_set_array_member (object, "items", items);
  json_node_take_object (node, object);
  sp_request_reply (req, SOUP_STATUS_OK, node);
  return TRUE;
}

gboolean
sp_api_contract_issue_cases_add (SpRequest  *req,
                                 GError    **error)
{
  static const char * const members[] = { "case_id", NULL };
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(SpContractIssue) issue = NULL;
  g_autoptr(SpContractIssueCase) link = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  const char *case_id;
  SpActor actor = sp_request_get_actor (req);

  if ((issue = load_readable (req, NULL, error)) == NULL ||
      !require_writer (req, error))
    return FALSE;
  if ((body = sp_request_read_json (req, error)) == NULL ||
      (object = sp_json_require_object (body, NULL, error)) == NULL ||
      !sp_json_check_members (object, members, error) ||
      (case_id = sp_json_member_string (object, "case_id", TRUE, error)) == NULL)
    return FALSE;
  if (!check_case_writable (req, case_id, error))
    return FALSE;

  link = sp_contract_issue_case_new ();
  link->contract_issue_id = g_strdup (SP_ENTITY (issue)->id);
  link->case_id = g_strdup (case_id);
  if (!sp_store_begin (req->store, error))
    return FALSE;
  if (!sp_server_store_end (req->store,
                            !sp_store_save_contract_issue_case (req->store, link, SP_SAVE_DEFAULT,
                                                                &actor, error) ||
                            !sp_audit_record_write (req->store, actor.user_id, "create", NULL,
                                                    SP_ENTITY (link), error),
                            error))
    return FALSE;

  node = sp_json_encode (SP_ENTITY (link), SP_JSON_ENCODE_DEFAULT);
  sp_request_reply (req, SOUP_STATUS_CREATED, node);
  return TRUE;
}

/* A further case taken off the issue: the link stays as a tombstone, and
 * the issue's history says who removed it. */
gboolean
sp_api_contract_issue_case_remove (SpRequest  *req,
                                   GError    **error)
{
  g_autoptr(SpContractIssueCase) link = NULL;
  g_autoptr(SpContractIssue) issue = NULL;
  g_autoptr(SpCase) own = NULL;
  SpActor actor = sp_request_get_actor (req);

  if (req->param != NULL && sp_is_uuid (req->param))
    link = sp_store_load (req->store, SP_TYPE_CONTRACT_ISSUE_CASE, req->param, NULL);
  if (link != NULL && !SP_ENTITY (link)->deleted)
    issue = sp_store_load (req->store, SP_TYPE_CONTRACT_ISSUE, link->contract_issue_id, NULL);
  if (issue != NULL && !SP_ENTITY (issue)->deleted)
    own = load_case_of (req, issue->case_id);
  if (own == NULL || !sp_principal_can_read_contract_issue (req->principal, own))
    {
      sp_set_field_error (error, SP_ERROR_NOT_FOUND, NULL, "No such case of a contract issue");
      return FALSE;
    }
  if (!require_writer (req, error))
    return FALSE;
  if (issue->status == SP_CONTRACT_ISSUE_CLOSED)
    {
      sp_set_field_error (error, SP_ERROR_CONFLICT, NULL, "A closed contract issue keeps its cases");
      return FALSE;
    }

  SP_ENTITY (link)->deleted = TRUE;
  if (!sp_store_begin (req->store, error))
    return FALSE;
  if (!sp_server_store_end (req->store,
                            !sp_store_save_contract_issue_case (req->store, link, SP_SAVE_DEFAULT,
                                                                &actor, error) ||
                            !sp_audit_append (req->store, actor.user_id, "delete",
                                              sp_contract_issue_case_info.name, SP_ENTITY (link)->id,
                                              "deleted", "false", "true", error),
                            error))
    return FALSE;

  soup_server_message_set_status (req->msg, SOUP_STATUS_NO_CONTENT, NULL);
  return TRUE;
}
