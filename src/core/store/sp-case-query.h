/* sp-case-query.h: filtering, sorting and paging the case list in SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-store.h"

G_BEGIN_DECLS

typedef enum
{
  SP_CASE_SORT_RECEIVED_ON,
  SP_CASE_SORT_DIARY_NUMBER,
  SP_CASE_SORT_KIND,
  SP_CASE_SORT_CATEGORY,
  SP_CASE_SORT_UNIT,
  SP_CASE_SORT_SUBJECT,
  SP_CASE_SORT_STATUS,
  SP_CASE_SORT_DUE_ON,
  SP_CASE_SORT_UPDATED_AT,
} SpCaseSort;

extern const SpEnumInfo sp_case_sort_info;

/* Which cases a user may see, said in SQL: the server's access rules
 * (src/server/sp-principal.h) as grants, any of which lets a case into the
 * list. All pointers are borrowed from the caller. */
typedef struct
{
  gboolean            restricted;   /* FALSE: no rule, every case */
  /* Seen whole: */
  const char * const *unit_ids;     /* the cases of these units (NULL-terminated) */
  const char         *investigating_unit_id; /* the cases this unit investigates (jäv) */
  /* Seen whole unless about a named employee: */
  const char         *created_by;
  const char         *assigned_to;
  gboolean            contract_breaches;
  /* Every other case not about a named employee, without its personal
   * data: such a case is found by its subject only. */
  gboolean            redacted_rest;
} SpCaseAccess;

typedef struct
{
  /* Filters; zero/NULL means "any" */
  guint        statuses;       /* bits 1 << SpStatus */
  guint        kinds;          /* bits 1 << SpCaseKind */
  guint        channels;       /* bits 1 << SpChannel */
  guint        areas;          /* bits 1 << SpArea */
  guint        valences;       /* bits 1 << SpValence */
  const char  *unit_id;
  const char  *category;
  const char  *provider_id;
  SpDate       from;           /* received on or after */
  SpDate       to;             /* received on or before */
  gboolean     overdue_only;
  gboolean     registered_only; /* has a diary number */
  /* The registrar's queue: no diary number yet, contact details given. */
  gboolean     unregistered_with_contact;
  const char  *text;           /* full-text search, as typed */
  const char  *assigned_to;
  /* Cases whose investigation flags any of these (bits 1 << SpEscalation) */
  guint        escalations;

  /* Access restrictions that the caller's role imposes */
  const char  *created_by;
  const char * const *unit_ids; /* any of these units (NULL-terminated) */
  gboolean     hide_named_employee;
  gboolean     contract_breach_only;
  /* The search looks at the subject only: the other text may name people
   * (for users who see cases without their personal data). */
  gboolean     text_subject_only;
  /* "My cases": assigned to this user or in this unit */
  const char  *mine_user_id;
  const char  *mine_unit_id;
  /* Who may see what; the text search obeys it too */
  SpCaseAccess access;

  /* The count, when the caller has it (0: not known). When the access
   * rule lets most of many cases through, the list walks the sort
   * order's index instead of gathering every case the rule allows and
   * sorting them. */
  gint64       known_total;

  SpCaseSort   sort;
  gboolean     descending;
  guint        limit;          /* 0: no limit */
  guint        offset;
  SpDate       today;          /* for overdue; SP_DATE_NONE means today */
} SpCaseQuery;

void       sp_case_query_init       (SpCaseQuery  *query);
/* Cases matching @query, sorted and paged. */
GPtrArray *sp_store_query_cases     (SpStore           *self,
                                     const SpCaseQuery *query,
                                     GError           **error);
/* How many cases match @query (ignoring limit and offset). */
gint64     sp_store_count_cases     (SpStore           *self,
                                     const SpCaseQuery *query,
                                     GError           **error);
/* Turns what a user typed into a safe FTS5 query: each word a quoted
 * prefix term, all required. NULL when nothing is left to search for. */
char      *sp_case_query_fts_string (const char        *text);

G_END_DECLS
