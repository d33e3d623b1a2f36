/* sp-routes.c: the API's route table, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <string.h>

#include "sp-api.h"
#include "sp-routes.h"

static const SpRoute routes[] = {
  { "GET",    "/api/v1/health",                 sp_api_health,            SP_ROUTE_PUBLIC },
  { "GET",    "/api/v1/auth-info",              sp_api_auth_info,         SP_ROUTE_PUBLIC },
  { "POST",   "/api/v1/session",                sp_api_session_create,    SP_ROUTE_PUBLIC },
  { "GET",    "/api/v1/session",                sp_api_session_get,       SP_ROUTE_AUTH },
  { "DELETE", "/api/v1/session",                sp_api_session_delete,    SP_ROUTE_AUTH },
  { "GET",    "/api/v1/cases",                  sp_api_cases_list,        SP_ROUTE_AUTH },
  { "POST",   "/api/v1/cases",                  sp_api_cases_create,      SP_ROUTE_AUTH },
  { "GET",    "/api/v1/cases/{id}",             sp_api_case_get,          SP_ROUTE_AUTH },
  { "PATCH",  "/api/v1/cases/{id}",             sp_api_case_patch,        SP_ROUTE_AUTH },
  { "POST",   "/api/v1/cases/{id}/transition",  sp_api_case_transition,   SP_ROUTE_AUTH },
  { "GET",    "/api/v1/cases/{id}/events",      sp_api_case_events,       SP_ROUTE_AUTH },
  { "GET",    "/api/v1/cases/{id}/secrecy-markings", sp_api_case_secrecy_list, SP_ROUTE_AUTH },
  { "POST",   "/api/v1/cases/{id}/secrecy-markings", sp_api_case_secrecy_create, SP_ROUTE_AUTH },
  { "PATCH",  "/api/v1/secrecy-markings/{id}",  sp_api_secrecy_patch,     SP_ROUTE_AUTH },
  { "GET",    "/api/v1/cases/{id}/disclosure-requests", sp_api_case_disclosures_list, SP_ROUTE_AUTH },
  { "POST",   "/api/v1/cases/{id}/disclosure-requests", sp_api_case_disclosure_create, SP_ROUTE_AUTH },
  { "PATCH",  "/api/v1/disclosure-requests/{id}", sp_api_disclosure_patch, SP_ROUTE_AUTH },
  { "POST",   "/api/v1/cases/{id}/assign",      sp_api_case_assign,       SP_ROUTE_AUTH },
  { "GET",    "/api/v1/cases/{id}/account-requests", sp_api_case_accounts_list, SP_ROUTE_AUTH },
  { "POST",   "/api/v1/cases/{id}/account-requests", sp_api_case_account_create, SP_ROUTE_AUTH },
  { "PATCH",  "/api/v1/account-requests/{id}",  sp_api_account_patch,     SP_ROUTE_AUTH },
  { "GET",    "/api/v1/cases/{id}/links",       sp_api_case_links_list,   SP_ROUTE_AUTH },
  { "POST",   "/api/v1/cases/{id}/links",       sp_api_case_link_create,  SP_ROUTE_AUTH },
  { "DELETE", "/api/v1/case-links/{id}",        sp_api_case_link_delete,  SP_ROUTE_AUTH },
  { "GET",    "/api/v1/units",                  sp_api_units_list,        SP_ROUTE_AUTH },
  { "POST",   "/api/v1/units",                  sp_api_units_create,      SP_ROUTE_AUTH },
  { "PATCH",  "/api/v1/units/{id}",             sp_api_unit_patch,        SP_ROUTE_AUTH },
  { "DELETE", "/api/v1/units/{id}",             sp_api_unit_delete,       SP_ROUTE_AUTH },
  { "GET",    "/api/v1/users",                  sp_api_users_list,        SP_ROUTE_AUTH },
  { "POST",   "/api/v1/users",                  sp_api_users_create,      SP_ROUTE_AUTH },
  { "PATCH",  "/api/v1/users/{id}",             sp_api_user_patch,        SP_ROUTE_AUTH },
  { "DELETE", "/api/v1/users/{id}",             sp_api_user_delete,       SP_ROUTE_AUTH },
  { "GET",    "/api/v1/providers",              sp_api_providers_list,    SP_ROUTE_AUTH },
  { "POST",   "/api/v1/providers",              sp_api_providers_create,  SP_ROUTE_AUTH },
  { "PATCH",  "/api/v1/providers/{id}",         sp_api_provider_patch,    SP_ROUTE_AUTH },
  { "GET",    "/api/v1/contract-issues",        sp_api_contract_issues_list,   SP_ROUTE_AUTH },
  { "POST",   "/api/v1/contract-issues",        sp_api_contract_issues_create, SP_ROUTE_AUTH },
  { "GET",    "/api/v1/contract-issues/counts", sp_api_contract_issues_counts, SP_ROUTE_AUTH },
  { "GET",    "/api/v1/contract-issues/{id}",   sp_api_contract_issue_get,     SP_ROUTE_AUTH },
  { "PATCH",  "/api/v1/contract-issues/{id}",   sp_api_contract_issue_patch,   SP_ROUTE_AUTH },
  { "GET",    "/api/v1/contract-issues/{id}/events", sp_api_contract_issue_events, SP_ROUTE_AUTH },
  { "GET",    "/api/v1/contract-issues/{id}/cases", sp_api_contract_issue_cases_list, SP_ROUTE_AUTH },
  { "POST",   "/api/v1/contract-issues/{id}/cases", sp_api_contract_issue_cases_add, SP_ROUTE_AUTH },
  { "DELETE", "/api/v1/contract-issue-cases/{id}", sp_api_contract_issue_case_remove, SP_ROUTE_AUTH },
  { "GET",    "/api/v1/unit-compilations",      sp_api_compilations_list,  SP_ROUTE_AUTH },
  { "POST",   "/api/v1/unit-compilations",      sp_api_compilations_create, SP_ROUTE_AUTH },
  { "GET",    "/api/v1/unit-compilations/{id}", sp_api_compilation_get,    SP_ROUTE_AUTH },
  { "PATCH",  "/api/v1/unit-compilations/{id}", sp_api_compilation_patch,  SP_ROUTE_AUTH },
  { "GET",    "/api/v1/categories",             sp_api_categories_list,   SP_ROUTE_AUTH },
  { "POST",   "/api/v1/categories",             sp_api_categories_create, SP_ROUTE_AUTH },
  { "PATCH",  "/api/v1/categories/{id}",        sp_api_category_patch,    SP_ROUTE_AUTH },
  { "GET",    "/api/v1/diary",                  sp_api_diary,             SP_ROUTE_AUTH },
  { "GET",    "/api/v1/stats",                  sp_api_stats,             SP_ROUTE_AUTH },
  { "GET",    "/api/v1/changes",                sp_api_changes_get,       SP_ROUTE_AUTH },
  { "POST",   "/api/v1/changes",                sp_api_changes_post,      SP_ROUTE_AUTH },
};

const SpRoute *
sp_routes_get_all (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (routes);
  return routes;
}

/* Compares a pattern to a path segment by segment; "{id}" takes one
 * non-empty segment. */
static gboolean
path_matches (const char  *pattern,
              const char  *path,
              char       **param)
{
  g_auto(GStrv) want = g_strsplit (pattern, "/", -1);
  g_auto(GStrv) have = g_strsplit (path, "/", -1);
  guint n_want = g_strv_length (want);
  guint n_have = g_strv_length (have);

  /* A trailing slash is the same resource. */
  if (n_have > 1 && *have[n_have - 1] == '\0')
    n_have--;
  if (n_want != n_have)
    return FALSE;

  for (guint i = 0; i < n_want; i++)
    {
      if (g_str_equal (want[i], "{id}"))
        {
          if (*have[i] == '\0')
            return FALSE;
          if (param)
            {
              g_free (*param);
              *param = g_strdup (have[i]);
            }
        }
      else if (!g_str_equal (want[i], have[i]))
        return FALSE;
    }

  return TRUE;
}

const SpRoute *
sp_routes_match (const char  *method,
                 const char  *path,
                 char       **param,
                 gboolean    *path_known)
{
  *path_known = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (!path_matches (routes[i].path, path, param))
        continue;
      *path_known = TRUE;
      if (g_str_equal (routes[i].method, method))
        return &routes[i];
    }

  if (param)
    g_clear_pointer (param, g_free);
  return NULL;
}

GPtrArray *
sp_routes_dup_prefixes (void)
{
  GPtrArray *prefixes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      g_auto(GStrv) parts = g_strsplit (routes[i].path, "/", 5);
      g_autofree char *prefix = g_strdup_printf ("/%s/%s/%s", parts[1], parts[2], parts[3]);
      gboolean seen = FALSE;

      for (guint j = 0; j < prefixes->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (prefixes, j), prefix);
      if (!seen)
        g_ptr_array_add (prefixes, g_steal_pointer (&prefix));
    }

  return prefixes;
}
