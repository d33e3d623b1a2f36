/* sp-admin-categories-page.h: the categories of cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-admin-page.h"

G_BEGIN_DECLS

#define SP_TYPE_ADMIN_CATEGORIES_PAGE (sp_admin_categories_page_get_type ())

G_DECLARE_FINAL_TYPE (SpAdminCategoriesPage, sp_admin_categories_page, SP, ADMIN_CATEGORIES_PAGE, AdwPreferencesPage)

void sp_admin_categories_page_set_data (SpAdminCategoriesPage *self,
                                        SpAdminBackend        *backend,
                                        SpAdminData           *data);

G_END_DECLS
