/* sp-deadline-notifier.h: announces the user's own deadlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-store-worker.h"

G_BEGIN_DECLS

#define SP_TYPE_DEADLINE_NOTIFIER (sp_deadline_notifier_get_type ())

G_DECLARE_FINAL_TYPE (SpDeadlineNotifier, sp_deadline_notifier, SP, DEADLINE_NOTIFIER, GObject)

/* The notifications' ids: each replaces the one before it. */
#define SP_NOTIFICATION_DUE_TOMORROW "deadline-due-tomorrow"
#define SP_NOTIFICATION_OVERDUE      "deadline-overdue"

/* Looks through @worker's store for the cases of "my cases" that are due
 * tomorrow or have just become overdue, now, whenever set_mine() or
 * check() is called, and every ten minutes, and sends @application one
 * notification for each state (each case is announced once per state).
 * A notification about one case opens it with app.show-case. */
SpDeadlineNotifier *sp_deadline_notifier_new      (GApplication       *application,
                                                   SpStoreWorker      *worker);
/* Whose cases are "mine": the user's and the unit's (either may be NULL;
 * both NULL announces nothing). */
void                sp_deadline_notifier_set_mine (SpDeadlineNotifier *self,
                                                   const char         *user_id,
                                                   const char         *unit_id);
void                sp_deadline_notifier_check    (SpDeadlineNotifier *self);

G_END_DECLS
