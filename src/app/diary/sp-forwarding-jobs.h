/* sp-forwarding-jobs.h: sending a case to its unit and the accounts asked
 * for, as store worker jobs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are core's (sp-store-forwarding.h); these run them in the
 * worker's thread with a copy of the context's actor, so nothing touches
 * SQLite on the main thread.
 */

#pragma once

#include "sp-context.h"

G_BEGIN_DECLS

/* R6: the case to @unit_id with the department's contact in copy. */
void       sp_forwarding_assign_async         (SpContext           *context,
                                               const char          *case_id,
                                               const char          *unit_id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* TRUE when assigned; *@copy_to gets "Department: Contact" or NULL. */
gboolean   sp_forwarding_assign_finish        (SpContext           *context,
                                               GAsyncResult        *result,
                                               char               **copy_to,
                                               GError             **error);

/* The case's account requests (SpAccountRequest), oldest first. */
void       sp_forwarding_load_accounts_async  (SpContext           *context,
                                               const char          *case_id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GPtrArray *sp_forwarding_load_accounts_finish (SpContext           *context,
                                               GAsyncResult        *result,
                                               GError             **error);

/* Asks or records (@request is copied for the worker). */
void       sp_forwarding_save_account_async   (SpContext           *context,
                                               SpAccountRequest    *request,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean   sp_forwarding_save_account_finish  (SpContext           *context,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
