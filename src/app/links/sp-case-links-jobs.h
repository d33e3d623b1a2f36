/* sp-case-links-jobs.h: reading, making and removing a case's links in
 * the store worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are core's (sp-store-links.h); the jobs run with a copy of
 * the context's actor.
 */

#pragma once

#include "sp-context.h"

G_BEGIN_DECLS

/* One link as the case page shows it. */
typedef struct
{
  SpCaseLink *link;
  char       *other_id;
  char       *other_diary_number;   /* NULL: not registered, or not in the replica */
  char       *other_subject;
  gboolean    outgoing;             /* made from this case: it is the duplicate */
} SpCaseLinkView;

void       sp_case_link_view_free      (SpCaseLinkView      *view);

void       sp_case_links_load_async    (SpContext           *context,
                                        const char          *case_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* SpCaseLinkView, oldest first. */
GPtrArray *sp_case_links_load_finish   (SpContext           *context,
                                        GAsyncResult        *result,
                                        GError             **error);

/* Links @case_id to the case whose diary number (or id) is @other. */
void       sp_case_links_add_async     (SpContext           *context,
                                        const char          *case_id,
                                        const char          *other,
                                        SpCaseLinkKind       kind,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
void       sp_case_links_remove_async  (SpContext           *context,
                                        const char          *link_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* For add and remove. */
gboolean   sp_case_links_change_finish (SpContext           *context,
                                        GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
