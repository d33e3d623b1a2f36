/* sp-admin-users-page.h: the users, their roles and units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-admin-page.h"

G_BEGIN_DECLS

#define SP_TYPE_ADMIN_USERS_PAGE (sp_admin_users_page_get_type ())

G_DECLARE_FINAL_TYPE (SpAdminUsersPage, sp_admin_users_page, SP, ADMIN_USERS_PAGE, AdwPreferencesPage)

void sp_admin_users_page_set_data (SpAdminUsersPage *self,
                                   SpAdminBackend   *backend,
                                   SpAdminData      *data);

G_END_DECLS
