/* sp-link-dialog.h: how a case is linked to another, and to which
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kind (duplicate of, related to, same sender as) and the other
 * case's diary number. The response "link" is enabled once a number is
 * written; its owner makes the link (sp-case-links-jobs.h).
 */

#pragma once

#include <adwaita.h>

#include "synpunkt-core.h"

G_BEGIN_DECLS

#define SP_TYPE_LINK_DIALOG (sp_link_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SpLinkDialog, sp_link_dialog, SP, LINK_DIALOG, AdwMessageDialog)

GtkWidget      *sp_link_dialog_new       (GtkWindow    *parent);
SpCaseLinkKind  sp_link_dialog_get_kind  (SpLinkDialog *self);
/* The diary number (or id) written, trimmed. */
char           *sp_link_dialog_dup_other (SpLinkDialog *self);

G_END_DECLS
