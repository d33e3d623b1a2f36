/* sp-intake-validate.h: the checks a new case passes before it is saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "synpunkt-core.h"

G_BEGIN_DECLS

/* What the form knows beyond the case itself: choices it leaves open
 * (a kind or channel not chosen yet) have no value in SpCase. */
typedef struct
{
  gboolean kind_chosen;
  gboolean channel_chosen;
} SpIntakeChoices;

typedef struct
{
  char *field;    /* the SpCase field's name, e.g. "sender_email" */
  char *message;  /* translated, for the user */
} SpIntakeProblem;

void       sp_intake_problem_free    (SpIntakeProblem       *problem);

/* Checks @kase as the intake form built it. Returns the problems found,
 * in the order of the form (empty when the case may be saved). */
GPtrArray *sp_intake_validate        (SpCase                *kase,
                                      const SpIntakeChoices *choices,
                                      SpDate                 today);

gboolean   sp_intake_email_is_valid  (const char            *email);
gboolean   sp_intake_phone_is_valid  (const char            *phone);
/* Whether this channel is a complaint forwarded by a supervising
 * authority, which gives its own reference and deadline. */
gboolean   sp_intake_channel_is_authority (SpChannel          channel);
/* Whether feedback on this channel is oral (a service note is written). */
gboolean   sp_intake_channel_is_oral (SpChannel              channel);

G_END_DECLS
