/* sp-case-filter.h: what the case list shows, owned, copyable and storable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SpCaseQuery borrows its strings; a filter owns them, so that a copy can be
 * handed to a worker thread and stored in GSettings as a{sv}.
 */

#pragma once

#include <glib-object.h>

#include "synpunkt-core.h"

G_BEGIN_DECLS

#define SP_TYPE_CASE_FILTER (sp_case_filter_get_type ())

G_DECLARE_FINAL_TYPE (SpCaseFilter, sp_case_filter, SP, CASE_FILTER, GObject)

struct _SpCaseFilter
{
  GObject     parent_instance;

  /* What the filter bar sets (and a saved filter stores) */
  guint       kinds;         /* bits 1 << SpCaseKind */
  guint       statuses;      /* bits 1 << SpStatus */
  guint       channels;      /* bits 1 << SpChannel */
  guint       areas;         /* bits 1 << SpArea */
  guint       valences;      /* bits 1 << SpValence */
  guint       escalations;   /* bits 1 << SpEscalation */
  char       *unit_id;
  char       *category;
  char       *provider_id;
  SpDate      from;
  SpDate      to;
  gboolean    overdue_only;
  char       *text;

  /* What the view sets */
  guint       view_statuses;  /* used when the criteria name no status */
  gboolean    registered_only;
  gboolean    registration_queue; /* unregistered, with contact details */
  char       *mine_user_id;
  char       *mine_unit_id;
  SpCaseSort  sort;
  gboolean    descending;
};

/* Every open status, for "My cases". */
#define SP_CASE_FILTER_OPEN_STATUSES \
  (((1u << SP_N_STATUSES) - 1u) & ~((1u << SP_STATUS_CLOSED) | \
                                  (1u << SP_STATUS_FORWARDED_ELSEWHERE) | \
                                  (1u << SP_STATUS_OTHER_ROUTINE)))

SpCaseFilter *sp_case_filter_new          (void);
SpCaseFilter *sp_case_filter_copy         (SpCaseFilter       *self);
/* Fills @query from the filter; its strings stay owned by @self. */
void          sp_case_filter_to_query     (SpCaseFilter       *self,
                                           SpCaseQuery        *query);
/* The filter bar's part only, as a{sv}. */
GVariant     *sp_case_filter_to_variant   (SpCaseFilter       *self);
/* Sets the filter bar's part from a{sv}; unknown or ill-typed keys are
 * ignored so that an old or hand-edited setting cannot break the window. */
void          sp_case_filter_load_variant (SpCaseFilter       *self,
                                           GVariant           *variant);
/* Copies the filter bar's part of @other. */
void          sp_case_filter_set_criteria (SpCaseFilter       *self,
                                           SpCaseFilter       *other);
gboolean      sp_case_filter_has_criteria (SpCaseFilter       *self);
gboolean      sp_case_filter_equal        (SpCaseFilter       *a,
                                           SpCaseFilter       *b);

G_END_DECLS
