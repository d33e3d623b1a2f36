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

/* The notifications' ids: the day's summary, and one per overdue case,
 * late account (the contract issue's id) and follow-up date reached (the
 * case's id), each its prefix and the id. */
#define SP_NOTIFICATION_SUMMARY          "deadlines-summary"
#define SP_NOTIFICATION_OVERDUE_PREFIX   "overdue-"
#define SP_NOTIFICATION_ACCOUNT_PREFIX   "account-"
#define SP_NOTIFICATION_FOLLOW_UP_PREFIX "follow-up-"

/* Looks through @worker's store for "my cases" (sp_store_take_reminders())
 * whenever set_mine() or check() is called and every ten minutes, and sends
 * @application the day's summary (due tomorrow, overdue, late accounts)
 * once a day, a notification for each case that has become overdue and
 * each whose investigation's follow-up date has come, which opens it
 * (app.show-case), and for procurement one for each contract issue whose
 * provider's account is late, which opens the issue
 * (app.show-contract-issue with its id), unless
 * @settings' notify-deadlines is off. */
SpDeadlineNotifier *sp_deadline_notifier_new      (GApplication       *application,
                                                   SpStoreWorker      *worker,
                                                   GSettings          *settings);
/* Whose cases are "mine": the user's and the unit's (either may be NULL;
 * both NULL announces nothing); with @procurement, procurement's contract
 * issues too. */
void                sp_deadline_notifier_set_mine (SpDeadlineNotifier *self,
                                                   const char         *user_id,
                                                   const char         *unit_id,
                                                   gboolean            procurement);
void                sp_deadline_notifier_check    (SpDeadlineNotifier *self);

G_END_DECLS
