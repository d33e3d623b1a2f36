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

/* sp-admin-audit.c: --audit-key FILE and --audit-head FILE for every
 * subcommand, the key loaded (made first by init) and the head written
 * after a command's writes. */
GOptionGroup *sp_admin_audit_options   (void);
gboolean      sp_admin_audit_load_key  (const char  *config_path,
                                        const char  *db,
                                        gboolean     create,
                                        GError     **error);
/* Writes the head of the database at @db (PATH.audit-head unless
 * --audit-head names another file); a warning on failure, since the
 * write itself is done. */
void          sp_admin_audit_write_head (const char *db);
/* After a backup: FILE.audit-head for the copy, and the live head. */
gboolean      _sp_admin_backup_heads   (const char  *db,
                                        const char  *copy,
                                        GError     **error);
/* Copies the database @from to @to with SQLite's backup API, as one
 * snapshot while a server writes; @check runs an integrity check on the
 * copy. An SQLite result code. */
int           _sp_admin_copy_database  (const char *from,
                                        const char *to,
                                        gboolean    check);
int           sp_admin_audit_verify    (int         argc,
                                        char      **argv);
int           sp_admin_restore         (int         argc,
                                        char      **argv);
/* sp-admin-retention.c: retention run [--dry-run] */
int           sp_admin_retention       (int         argc,
                                        char      **argv);
/* sp-admin-open311.c: open311-key add|list|revoke */
int           sp_admin_open311_key     (int         argc,
                                        char      **argv);
/* The hash an api_key is kept and looked up by. */
char         *sp_admin_open311_hash_key (const char *key);

G_END_DECLS
