/* sp-api.h: the handlers of the HTTP API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-request.h"

G_BEGIN_DECLS

/* sp-api-session.c */
gboolean sp_api_health            (SpRequest *req, GError **error);
gboolean sp_api_session_create    (SpRequest *req, GError **error);
gboolean sp_api_session_get       (SpRequest *req, GError **error);
gboolean sp_api_session_delete    (SpRequest *req, GError **error);
/* A login's end, for both kinds of account: each takes over @req (and
 * @error) and finishes it; a refusal counts against the rate limits. */
void     sp_api_login_accept      (SpRequest *req, const char *username, SpUser *user);
void     sp_api_login_refuse      (SpRequest *req, const char *username, SpUser *user,
                                   GError *error);

/* sp-api-directory.c */
gboolean sp_api_auth_info         (SpRequest *req, GError **error);
gboolean sp_api_directory_login   (SpRequest *req, const char *username,
                                   const char *password, GError **error);

/* sp-api-cases.c */
gboolean sp_api_cases_list        (SpRequest *req, GError **error);
gboolean sp_api_cases_create      (SpRequest *req, GError **error);
gboolean sp_api_case_get          (SpRequest *req, GError **error);
gboolean sp_api_case_patch        (SpRequest *req, GError **error);
gboolean sp_api_case_transition   (SpRequest *req, GError **error);
gboolean sp_api_case_events       (SpRequest *req, GError **error);

/* sp-api-reference.c */
gboolean sp_api_units_list        (SpRequest *req, GError **error);
gboolean sp_api_units_create      (SpRequest *req, GError **error);
gboolean sp_api_users_list        (SpRequest *req, GError **error);
gboolean sp_api_users_create      (SpRequest *req, GError **error);
gboolean sp_api_providers_list    (SpRequest *req, GError **error);
gboolean sp_api_providers_create  (SpRequest *req, GError **error);
gboolean sp_api_categories_list   (SpRequest *req, GError **error);
gboolean sp_api_categories_create (SpRequest *req, GError **error);
gboolean sp_api_unit_patch        (SpRequest *req, GError **error);
gboolean sp_api_unit_delete       (SpRequest *req, GError **error);
gboolean sp_api_user_patch        (SpRequest *req, GError **error);
gboolean sp_api_user_delete       (SpRequest *req, GError **error);
gboolean sp_api_provider_patch    (SpRequest *req, GError **error);
gboolean sp_api_category_patch    (SpRequest *req, GError **error);

/* sp-api-contract-issues.c */
gboolean sp_api_contract_issues_list   (SpRequest *req, GError **error);
gboolean sp_api_contract_issues_create (SpRequest *req, GError **error);
gboolean sp_api_contract_issues_counts (SpRequest *req, GError **error);
gboolean sp_api_contract_issue_get     (SpRequest *req, GError **error);
gboolean sp_api_contract_issue_patch   (SpRequest *req, GError **error);
gboolean sp_api_contract_issue_events  (SpRequest *req, GError **error);
gboolean sp_api_contract_issue_cases_list (SpRequest *req, GError **error);
gboolean sp_api_contract_issue_cases_add  (SpRequest *req, GError **error);
gboolean sp_api_contract_issue_case_remove (SpRequest *req, GError **error);
gboolean sp_api_compilations_list      (SpRequest *req, GError **error);
gboolean sp_api_compilations_create    (SpRequest *req, GError **error);
gboolean sp_api_compilation_get        (SpRequest *req, GError **error);
gboolean sp_api_compilation_patch      (SpRequest *req, GError **error);
/* May the user write @unit_id's compilations (SP_ERROR_PERMISSION). */
gboolean sp_api_compilation_check_writable (SpRequest  *req,
                                            const char *unit_id,
                                            GError    **error);
/* A pushed contract issue: the user writes issues, about a case they
 * handle (422 on case_id otherwise). */
gboolean sp_api_contract_issue_check_writable (SpRequest  *req,
                                               const char *case_id,
                                               GError    **error);

/* sp-api-reports.c */
gboolean sp_api_diary             (SpRequest *req, GError **error);
gboolean sp_api_stats             (SpRequest *req, GError **error);

/* sp-api-registrar.c */
gboolean sp_api_case_secrecy_list      (SpRequest *req, GError **error);
gboolean sp_api_case_secrecy_create    (SpRequest *req, GError **error);
gboolean sp_api_secrecy_patch          (SpRequest *req, GError **error);
gboolean sp_api_case_disclosures_list  (SpRequest *req, GError **error);
gboolean sp_api_case_disclosure_create (SpRequest *req, GError **error);
gboolean sp_api_disclosure_patch       (SpRequest *req, GError **error);
gboolean sp_api_case_accounts_list     (SpRequest *req, GError **error);
gboolean sp_api_case_account_create    (SpRequest *req, GError **error);
gboolean sp_api_account_patch          (SpRequest *req, GError **error);
gboolean sp_api_case_assign            (SpRequest *req, GError **error);
gboolean sp_api_case_links_list        (SpRequest *req, GError **error);
gboolean sp_api_case_link_create       (SpRequest *req, GError **error);
gboolean sp_api_case_link_delete       (SpRequest *req, GError **error);
/* sp-api-changes.c */
gboolean sp_api_changes_get       (SpRequest *req, GError **error);
gboolean sp_api_changes_post      (SpRequest *req, GError **error);

/* Shared by the handlers (sp-api-cases.c) */

/* The case as the principal may see it (personal data removed for quality
 * staff). */
JsonNode *sp_api_encode_case      (SpRequest *req,
                                   SpCase    *kase,
                                   gboolean   redact);
/* Loads a case the principal may read: 403 if their roles read no cases,
 * 404 if it does not exist or they may not see it (existence must not
 * leak). */
SpCase   *sp_api_load_readable_case (SpRequest *req,
                                     const char *id,
                                     gboolean  *redact,
                                     GError   **error);
/* A client-made id that is taken by a record the user may not see: 422
 * on "id", saying nothing of that record (its existence must not leak). */
void      sp_api_set_id_taken_error (GError **error);
/* Checks that referenced records (unit, provider, category, …) exist. */
gboolean  sp_api_check_case_references (SpStore  *store,
                                        SpCase   *kase,
                                        GError  **error);
JsonNode *sp_api_encode_list      (GPtrArray *entities,
                                   gint64     total);
/* Reads a field-level patch, {"base_rev":N,"fields":{…}} and any other
 * @members allowed; returns the body, with @object inside it. */
JsonNode *sp_api_read_patch       (SpRequest          *req,
                                   const char * const *members,
                                   JsonObject        **object,
                                   gint64             *base_rev,
                                   GError            **error);
/* Refuses a patch whose @conflicts (SpField, not empty) someone else
 * changed after @base_rev: 409 naming the first, with the stored record
 * (@current_json, taken; NULL for none) and each conflict's two values
 * encoded with @flags in the error's body. Returns FALSE. */
gboolean  sp_api_refuse_conflicts  (SpRequest          *req,
                                    JsonNode           *current_json,
                                    SpEntity           *current,
                                    SpEntity           *client,
                                    GPtrArray          *conflicts,
                                    SpJsonEncodeFlags   flags,
                                    gint64              base_rev,
                                    GError            **error);
/* The case list's query parameters (422 naming a bad one). */
gboolean  sp_api_parse_case_query (SpRequest    *req,
                                   SpCaseQuery  *query,
                                   GError      **error);
/* Narrows @query to what the principal may see; *@one_query says whether
 * the query alone does (else the cases must be filtered one by one with
 * sp_principal_can_read_case()). SP_ERROR_PERMISSION for roles that see
 * no cases. */
gboolean  sp_api_restrict_case_query (SpRequest    *req,
                                      SpCaseQuery  *query,
                                      gboolean     *one_query,
                                      GError      **error);
/* The cases of @query that the principal may see, paged, and how many
 * there are in all. */
GPtrArray *sp_api_query_visible_cases (SpRequest    *req,
                                       SpCaseQuery  *query,
                                       gint64       *total,
                                       GError      **error);

/* sp-api-csv.c: `format=json|csv` and `separator=comma|semicolon` */
typedef struct
{
  gboolean csv;
  char     separator;  /* ',' or ';' */
  gboolean bom;        /* with the semicolon, for spreadsheets set to Swedish */
} SpApiFormat;

/* Takes format and separator out of the request's query (422 naming a
 * bad value; a separator without format=csv is refused too). */
gboolean  sp_api_take_format      (SpRequest    *req,
                                   SpApiFormat  *format,
                                   GError      **error);
/* 200 text/csv; charset=utf-8, as an attachment named @filename; takes
 * @text. */
void      sp_api_reply_csv        (SpRequest    *req,
                                   char         *text,
                                   const char   *filename);

G_END_DECLS
