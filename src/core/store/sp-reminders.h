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

  /* Asked for procurement: the contract issues routed to procurement
   * whose provider's account is overdue (the correction's deadline passed
   * with no account), and those not announced before, most recently due
   * first, each with its provider's name at the same index. */
  gint64     accounts_overdue;
  GPtrArray *newly_late_accounts;      /* of SpContractIssue */
  GPtrArray *late_account_providers;   /* of char *, or "" when unknown */

  /* Cases of mine (assigned to me or my unit, or investigated by my unit
   * on a conflict of interest) whose investigation's follow-up date has come in the last
   * SP_REMINDERS_FOLLOW_UP_DAYS days and was not announced before, the
   * latest date first. */
  GPtrArray *newly_followed_up;        /* of SpCase */
} SpReminders;

#define SP_REMINDERS_MAX_CASES 50
#define SP_REMINDERS_FOLLOW_UP_DAYS 30

void         sp_reminders_free   (SpReminders *reminders);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpReminders, sp_reminders_free)

/* What to announce about "my cases" (@mine_user_id's or @mine_unit_id's)
 * and, with @procurement, procurement's contract issues, on @today
 * (SP_DATE_NONE: today), remembered in the store's settings so that it is
 * announced once: the summary once a day, each overdue case and each late
 * account once (again if its deadline moves and it becomes overdue anew),
 * each follow-up date once. The first look ever takes the cases and
 * accounts overdue then as announced, so that the summary alone tells of
 * them, and announces only the follow-up dates that are today. */
SpReminders *sp_store_take_reminders (SpStore     *store,
                                      const char  *mine_user_id,
                                      const char  *mine_unit_id,
                                      gboolean     procurement,
                                      SpDate       today,
                                      GError     **error);

G_END_DECLS
