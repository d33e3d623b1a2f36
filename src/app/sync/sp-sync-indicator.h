/* sp-sync-indicator.h: the header bar's word on syncing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sp-account.h"

G_BEGIN_DECLS

#define SP_TYPE_SYNC_INDICATOR (sp_sync_indicator_get_type ())

G_DECLARE_FINAL_TYPE (SpSyncIndicator, sp_sync_indicator, SP, SYNC_INDICATOR, GtkWidget)

GtkWidget  *sp_sync_indicator_new         (void);
void        sp_sync_indicator_set_account (SpSyncIndicator *self,
                                           SpAccount       *account);
/* What it shows now, for tests and screen readers. */
const char *sp_sync_indicator_get_summary (SpSyncIndicator *self);

G_END_DECLS
