/* sp-registrar-dialogs.h: the registrar's dialogs on a case: marking a
 * part secret, and a request for disclosure with its secrecy review,
 * decision and redacted copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every read and write goes through the store worker; the rules are
 * core's (sp-store-registrar.c), and a refusal is shown in the dialog in
 * the store's own words, naming nothing half-saved.
 */

#pragma once

#include <gtk/gtk.h>

#include "sp-context.h"

G_BEGIN_DECLS

/* "done" (no arguments) is emitted on the dialog when the record is
 * saved (and, for a disclosure, the copy written); then it closes. */
GtkWindow *sp_secrecy_dialog_new    (GtkWindow     *parent,
                                     SpContext     *context,
                                     const char    *case_id);
/* The copy is written to @copy_path (NULL: the documents folder,
 * "Utlamnande-<diary number>.pdf"). */
GtkWindow *sp_disclosure_dialog_new (GtkWindow     *parent,
                                     SpContext     *context,
                                     const char    *case_id,
                                     const char    *copy_path);

G_END_DECLS
