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

/* The notifications' ids: the day's summary, and one per overdue case
 * (the prefix and the case's id). */
#define SP_NOTIFICATION_SUMMARY        "deadlines-summary"
#define SP_NOTIFICATION_OVERDUE_PREFIX "overdue-"

/* Looks through @worker's store for "my cases" (sp_store_take_reminders())
 * whenever set_mine() or check() is called and every ten minutes, and sends
 * @application the day's summary (due tomorrow, overdue) once a day and a
 * notification for each case that has become overdue, which opens it
 * (app.show-case), unless @settings' notify-deadlines is off. */
SpDeadlineNotifier *sp_deadline_notifier_new      (GApplication       *application,
                                                   SpStoreWorker      *worker,
                                                   GSettings          *settings);
/* Whose cases are "mine": the user's and the unit's (either may be NULL;
 * both NULL announces nothing). */
void                sp_deadline_notifier_set_mine (SpDeadlineNotifier *self,
                                                   const char         *user_id,
                                                   const char         *unit_id);
void                sp_deadline_notifier_check    (SpDeadlineNotifier *self);

G_END_DECLS
