/* sp-case-links-group.h: the case page's section of links to other cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwPreferencesGroup with the context (its worker and actor) and the
 * case's id: one row a link ("Duplicate of HVSDN 2026/0042" over the
 * other case's subject; "Original of …" seen from the original), each
 * with a remove button, a Link… button in the header that opens
 * SpLinkDialog, and the store's refusals said under the rows. Everything
 * is read and written through the store worker; setting another case-id
 * (or NULL) drops what was being read.
 */

#pragma once

#include <adwaita.h>

#include "sp-context.h"

G_BEGIN_DECLS

#define SP_TYPE_CASE_LINKS_GROUP (sp_case_links_group_get_type ())

G_DECLARE_FINAL_TYPE (SpCaseLinksGroup, sp_case_links_group, SP, CASE_LINKS_GROUP, AdwPreferencesGroup)

GtkWidget  *sp_case_links_group_new         (SpContext        *context);
const char *sp_case_links_group_get_case_id (SpCaseLinksGroup *self);
void        sp_case_links_group_set_case_id (SpCaseLinksGroup *self,
                                             const char       *case_id);
/* Reads the links again (after a link made elsewhere). */
void        sp_case_links_group_reload      (SpCaseLinksGroup *self);
/* Whether the last read has come. */
gboolean    sp_case_links_group_get_loaded  (SpCaseLinksGroup *self);

G_END_DECLS
