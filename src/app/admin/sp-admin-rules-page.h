/* sp-admin-rules-page.h: the deadline rules and the diary number
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-admin-page.h"

G_BEGIN_DECLS

#define SP_TYPE_ADMIN_RULES_PAGE (sp_admin_rules_page_get_type ())

G_DECLARE_FINAL_TYPE (SpAdminRulesPage, sp_admin_rules_page, SP, ADMIN_RULES_PAGE, AdwPreferencesPage)

void        sp_admin_rules_page_set_data  (SpAdminRulesPage *self,
                                           SpAdminBackend   *backend,
                                           SpAdminData      *data);
/* What the last Apply said: a refusal, or how many cases it changed. */
const char *sp_admin_rules_page_get_message (SpAdminRulesPage *self);
/* Chooses @rule ("working-days:14") for @key in its row, as a click would. */
gboolean    sp_admin_rules_page_choose    (SpAdminRulesPage *self,
                                           const char       *key,
                                           const char       *rule);

G_END_DECLS
