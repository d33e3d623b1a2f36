/* sp-deadline.h: deadline rules and the deadline of a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-date.h"

G_BEGIN_DECLS

typedef enum
{
  SP_DEADLINE_CALENDAR_DAYS,
  SP_DEADLINE_WORKING_DAYS,
  SP_DEADLINE_GIVEN_DATE,   /* an authority's or a provider's own date */
} SpDeadlineKind;

typedef struct
{
  SpDeadlineKind kind;
  guint          days;
} SpDeadlineRule;

/* "calendar-days:14", "working-days:14" or "given-date". */
gboolean sp_deadline_rule_parse    (const char           *text,
                                    SpDeadlineRule       *rule,
                                    GError              **error);
char    *sp_deadline_rule_to_string (const SpDeadlineRule *rule);

/* The due date for something received on @received under @rule. A
 * calendar-day deadline that ends on a non-working day moves to the next
 * working day (lag 1930:173). A given date is used as it is. SP_DATE_NONE
 * when there is nothing to count from or the count ends after
 * sp_date_last(). */
SpDate   sp_deadline_rule_apply    (const SpDeadlineRule *rule,
                                    SpDate                received,
                                    SpDate                given);

/* The organisation's rules, from the server's [deadlines] configuration. */
typedef struct
{
  SpDeadlineRule investigation;        /* default calendar-days:14 */
  SpDeadlineRule city_environment;     /* default calendar-days:3 */
  SpDeadlineRule city_environment_complex; /* default calendar-days:10 */
} SpDeadlineConfig;

void     sp_deadline_config_init_default (SpDeadlineConfig *config);
gboolean sp_deadline_config_set          (SpDeadlineConfig *config,
                                          const char       *key,
                                          const char       *rule,
                                          GError          **error);

/* Days from @today to @due: 0 on the day, negative once overdue. */
int      sp_deadline_days_left           (SpDate due,
                                          SpDate today);

G_END_DECLS
