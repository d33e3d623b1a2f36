/* sp-provider-view.h: the provider register (procurement's and the
 * administrator's), a provider's page and its contract issues
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sp-context.h"

G_BEGIN_DECLS

#define SP_TYPE_PROVIDER_VIEW (sp_provider_view_get_type ())

G_DECLARE_FINAL_TYPE (SpProviderView, sp_provider_view, SP, PROVIDER_VIEW, AdwBin)

void        sp_provider_view_set_context     (SpProviderView *self,
                                              SpContext      *context);
/* Reads the register again (the list, and the provider shown). */
void        sp_provider_view_reload          (SpProviderView *self);
/* "list", "provider", "edit" or "issue". */
const char *sp_provider_view_get_page        (SpProviderView *self);
/* The provider shown, NULL on the list. */
const char *sp_provider_view_get_provider_id (SpProviderView *self);
/* How many providers the list shows; -1 while it is read. */
int         sp_provider_view_get_n_shown     (SpProviderView *self);
/* Whether a read or a save is under way. */
gboolean    sp_provider_view_get_busy        (SpProviderView *self);
void        sp_provider_view_show_provider   (SpProviderView *self,
                                              const char     *provider_id);
/* Opens a contract issue about @case_id and shows it. */
void        sp_provider_view_open_issue      (SpProviderView *self,
                                              const char     *case_id,
                                              const char     *provider_id);
/* Shows the stored contract issue @issue_id (from a notification). */
void        sp_provider_view_show_issue      (SpProviderView *self,
                                              const char     *issue_id);

/* "556036-0793" for a stored or typed number; a copy of @text otherwise. */
char       *sp_provider_format_org_number    (const char     *text);

G_END_DECLS
