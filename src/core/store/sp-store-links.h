/* sp-store-links.h: linking cases, and marking one a duplicate of another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both cases must exist and differ; a pair is linked once; a case is the
 * duplicate of one original at most, and neither end of a duplicate link
 * may already be a duplicate the other way or of a third case (link to
 * the original instead). Each link and unlink is a note in both cases'
 * histories. The registrar, case officers and managers link.
 */

#pragma once

#include "sp-case-link.h"
#include "sp-store.h"

G_BEGIN_DECLS

gboolean   sp_store_link_cases     (SpStore        *self,
                                    SpCaseLink     *link,
                                    SpSaveFlags     flags,
                                    const SpActor  *actor,
                                    GError        **error);
/* The link is kept as a tombstone (the feed carries the removal). */
gboolean   sp_store_unlink_cases   (SpStore        *self,
                                    const char     *link_id,
                                    const SpActor  *actor,
                                    GError        **error);
/* The links either end of which is @case_id, not removed, oldest first. */
GPtrArray *sp_store_get_case_links (SpStore        *self,
                                    const char     *case_id,
                                    GError        **error);

G_END_DECLS
