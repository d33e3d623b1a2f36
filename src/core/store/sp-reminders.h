/* sp-reminders.h: which of a user's deadlines to announce
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-case-query.h"

G_BEGIN_DECLS

typedef struct
{
  /* All of "my cases" due tomorrow, and overdue, on the day asked about. */
  gint64     due_tomorrow;
  gint64     overdue;
  /* The day's summary is owed: the first look of the day that finds
   * something due tomorrow or overdue. */
  gboolean   summary;
  /* Overdue cases not announced before, most recently due first (at most
   * SP_REMINDERS_MAX_CASES). */
  GPtrArray *newly_overdue;
} SpReminders;

#define SP_REMINDERS_MAX_CASES 50

void         sp_reminders_free   (SpReminders *reminders);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpReminders, sp_reminders_free)

/* What to announce about "my cases" (@mine_user_id's or @mine_unit_id's)
 * on @today (SP_DATE_NONE: today), remembered in the store's settings so
 * that it is announced once: the summary once a day, each overdue case
 * once (again if its deadline moves and it becomes overdue anew). The
 * first look ever takes the cases overdue then as announced, so that the
 * summary alone tells of them. */
SpReminders *sp_store_take_reminders (SpStore     *store,
                                      const char  *mine_user_id,
                                      const char  *mine_unit_id,
                                      SpDate       today,
                                      GError     **error);

G_END_DECLS
