/* sp-admin-units-page.h: the organisation tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-admin-page.h"

G_BEGIN_DECLS

#define SP_TYPE_ADMIN_UNITS_PAGE (sp_admin_units_page_get_type ())

G_DECLARE_FINAL_TYPE (SpAdminUnitsPage, sp_admin_units_page, SP, ADMIN_UNITS_PAGE, AdwPreferencesPage)

void sp_admin_units_page_set_data (SpAdminUnitsPage *self,
                                   SpAdminBackend   *backend,
                                   SpAdminData      *data);

G_END_DECLS
