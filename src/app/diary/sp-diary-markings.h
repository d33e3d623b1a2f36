/* sp-diary-markings.h: the secrecy markings the diary shows, read in the
 * store worker's thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diary shows that a case or a part is secret and under which
 * provision, never the content: the text made here names the provision
 * and the part only.
 */

#pragma once

#include "synpunkt-core.h"

G_BEGIN_DECLS

/* A table of case id → the marking's text ("OSL 26 kap. 1 § (The
 * description)"; several joined by "; ") of the markings in force. */
void        sp_diary_markings_load_async  (SpStoreWorker        *worker,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GHashTable *sp_diary_markings_load_finish (SpStoreWorker        *worker,
                                           GAsyncResult         *result,
                                           GError              **error);
/* The text of @markings (SpSecrecyMarking), as above. */
char       *sp_diary_markings_describe    (GPtrArray            *markings);

G_END_DECLS
