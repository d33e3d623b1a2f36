/* sp-admin.h: the admin subcommands that work on the database directly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether argv[1] names a subcommand (init, user, backup, export, import,
 * audit). */
gboolean sp_admin_is_command (const char *name);
/* Runs it; returns the exit status. */
int      sp_admin_run        (int         argc,
                              char      **argv);

G_END_DECLS
