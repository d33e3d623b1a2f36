/* sp-account-dialog.h: an account asked of a provider or another district
 * with a last date, or recorded when it comes (routines R17–R19)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Given no request, the dialog asks for one: of a private provider (the
 * case's own first) or of another district's unit named in words, and
 * by which last date (in two weeks to start with). Given a request not
 * yet answered, it records the account: the day it came, how (an oral
 * account is written down) and what it says. Core's checks run as the
 * form is filled; the response ("request" or "record") is enabled only
 * when they pass, and the first problem is said under the form. The
 * window saves what sp_account_dialog_dup_request() gives through the
 * store worker (sp-forwarding-jobs.h).
 */

#pragma once

#include <adwaita.h>

#include "sp-context.h"

G_BEGIN_DECLS

#define SP_TYPE_ACCOUNT_DIALOG (sp_account_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SpAccountDialog, sp_account_dialog, SP, ACCOUNT_DIALOG, AdwMessageDialog)

/* @request: the open request to record, or NULL to ask for one about
 * @kase (its id and provider). */
GtkWidget        *sp_account_dialog_new         (GtkWindow        *parent,
                                                 SpContext        *context,
                                                 const char       *case_id,
                                                 const char       *provider_id,
                                                 SpAccountRequest *request);
/* The request as filled in, or NULL while a check fails. */
SpAccountRequest *sp_account_dialog_dup_request (SpAccountDialog  *self);

G_END_DECLS
