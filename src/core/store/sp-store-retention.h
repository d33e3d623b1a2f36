/* sp-store-retention.h: gallring: personal data erased from closed cases
 * after the administrator's rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diary entry stays (number, date, kind, subject, unit, status); what
 * goes is the sender's contact details (and other personal fields: a
 * letter's recipient, who asked for disclosure) and, by its own rule, the
 * free text that may name people. Old and new values of those fields go
 * from the history too. Every record changed gets a new revision, so that
 * the change feed carries the erasure to every replica.
 */

#pragma once

#include "sp-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint contact_years;    /* after closing; 0: never */
  guint free_text_years;  /* after closing; 0: never */
} SpRetentionRules;

typedef struct
{
  char    *case_id;
  char    *diary_number;  /* NULL when the case was never registered */
  SpDate   closed_on;
  gboolean contact;       /* contact details erased (or would be) */
  gboolean free_text;     /* free text cleared (or would be) */
} SpRetentionItem;

void       sp_retention_item_free        (SpRetentionItem        *item);
/* The rules in the store's settings "retention.contact_years" and
 * "retention.free_text_years". */
void       sp_store_get_retention_rules  (SpStore                *self,
                                          SpRetentionRules       *rules);
/* Erases what @rules say is due on @today, in one transaction, or with
 * @dry_run only lists it. Returns the cases concerned (SpRetentionItem),
 * oldest closing first; nothing is listed twice once erased. */
GPtrArray *sp_store_run_retention        (SpStore                *self,
                                          const SpRetentionRules *rules,
                                          SpDate                  today,
                                          gboolean                dry_run,
                                          GError                **error);

G_END_DECLS
