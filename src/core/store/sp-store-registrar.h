/* sp-store-registrar.h: the registrar's records in the store: secrecy
 * markings and disclosure requests, each save checked whole and written
 * to the case history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app (local store or replica) and the server save these through the
 * same functions, so both apply the same checks. The history names the
 * part and the provision, never the secret content nor who asked.
 */

#pragma once

#include "sp-disclosure-request.h"
#include "sp-secrecy-marking.h"
#include "sp-store.h"

G_BEGIN_DECLS

/* The organisation's list of OSL provisions: the "secrecy.provisions"
 * setting (one a line) or the shipped ones. */
char           **sp_store_dup_secrecy_provisions   (SpStore              *self);
/* The registrar (or the system, @actor NULL) marks; the marking is
 * checked with the store's provisions and today; marked_on and marked_by
 * are filled in when new. An expiry in the past is refused only when it
 * is being set, so that an expired marking can still be lifted. */
gboolean         sp_store_save_secrecy_marking     (SpStore              *self,
                                                    SpSecrecyMarking     *marking,
                                                    SpSaveFlags           flags,
                                                    const SpActor        *actor,
                                                    GError              **error);
/* The case's markings, lifted and expired ones too, oldest first. */
GPtrArray       *sp_store_get_secrecy_markings     (SpStore              *self,
                                                    const char           *case_id,
                                                    GError              **error);
/* The markings in force today of each case in @case_ids, as a table of
 * case id → GPtrArray of SpSecrecyMarking (for the diary). */
GHashTable      *sp_store_get_active_markings      (SpStore              *self,
                                                    GError              **error);
/* The registrar logs and decides; checked with sp_disclosure_request_check();
 * decided_on and decided_by are filled in when a decision is first made. */
gboolean         sp_store_save_disclosure_request  (SpStore              *self,
                                                    SpDisclosureRequest  *request,
                                                    SpSaveFlags           flags,
                                                    const SpActor        *actor,
                                                    GError              **error);
GPtrArray       *sp_store_get_disclosure_requests  (SpStore              *self,
                                                    const char           *case_id,
                                                    GError              **error);

G_END_DECLS
