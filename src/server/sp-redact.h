/* sp-redact.h: what is withheld from a user who sees a case redacted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Quality staff see every case but none of its personal data: the sender's
 * contact details (SP_FIELD_PERSONAL) and every free text that may name a
 * person (SP_FIELD_FREE_TEXT) are null for them, in the case, its children,
 * its history and the change feed. The records are encoded with
 * SP_JSON_ENCODE_REDACT_PERSONAL; the history needs more, because an
 * event's values are the values of another record's field.
 */

#pragma once

#include "synpunkt-core.h"

G_BEGIN_DECLS

/* Whether a case field named in the history (its column name, or its
 * path "sender.email") may hold personal data. A name the case does not
 * have counts as personal: nothing unknown is given out. */
gboolean sp_redact_case_field_is_personal (const char  *name);
/* Clears from @event what a redacted reader must not get: the old and
 * new values of a personal field, and the free-text note. */
void     sp_redact_case_event             (SpCaseEvent *event);

G_END_DECLS
