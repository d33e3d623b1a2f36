/* sp-reminders.h: which of a user's deadlines to announce
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-case-query.h"

G_BEGIN_DECLS

typedef enum
{
  SP_REMINDER_DUE_TOMORROW,
  SP_REMINDER_OVERDUE,
  SP_N_REMINDER_KINDS
} SpReminderKind;

typedef struct
{
  /* Cases newly due tomorrow / newly overdue: not announced before for this
   * state. Each a SpCase, in the order of their due date. */
  GPtrArray *cases[SP_N_REMINDER_KINDS];
  /* All of the user's cases in each state, announced or not. */
  gint64     total[SP_N_REMINDER_KINDS];
} SpReminders;

void         sp_reminders_free   (SpReminders *reminders);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpReminders, sp_reminders_free)

/* The cases of "my cases" (@mine_user_id or @mine_unit_id) that are due
 * tomorrow or overdue on @today (SP_DATE_NONE: today), and have not been
 * announced in that state before. Remembers them as announced in the
 * store's settings, forgetting cases that are no longer in either state,
 * so a case announced as due tomorrow is announced again once overdue, and
 * a case whose deadline moves is announced again. */
SpReminders *sp_store_take_reminders (SpStore     *store,
                                      const char  *mine_user_id,
                                      const char  *mine_unit_id,
                                      SpDate       today,
                                      GError     **error);

G_END_DECLS
