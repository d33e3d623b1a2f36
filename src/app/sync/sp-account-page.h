/* sp-account-page.h: the preferences page of the server account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sp-account.h"

G_BEGIN_DECLS

#define SP_TYPE_ACCOUNT_PAGE (sp_account_page_get_type ())

G_DECLARE_FINAL_TYPE (SpAccountPage, sp_account_page, SP, ACCOUNT_PAGE, AdwPreferencesPage)

GtkWidget *sp_account_page_new       (SpAccount     *account);
/* Fills the form and connects, as the Connect button does (for tests). */
void       sp_account_page_connect   (SpAccountPage *self,
                                      const char    *url,
                                      const char    *username,
                                      const char    *password);
/* As the Log Out button does (for tests): asks first when changes wait. */
void       sp_account_page_log_out   (SpAccountPage *self);
/* The last error shown under the form, or NULL. */
const char *sp_account_page_get_error (SpAccountPage *self);

G_END_DECLS
