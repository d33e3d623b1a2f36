/* sp-audit-key.h: the audit log's key and its head file, kept outside the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The key (32 random bytes, hex, mode 0600) makes the audit chain a chain
 * of MACs: rows edited and re-hashed without it no longer verify. The head
 * file holds the row count and the last row's MAC, itself MACed with the
 * key, so that rows cut off the end of the log show.
 */

#pragma once

#include "synpunkt-core.h"

G_BEGIN_DECLS

#define SP_AUDIT_KEY_BYTES 32

/* Where the key is when nothing names it: beside the configuration file
 * when there is one, else beside the database. */
char     *sp_audit_key_default_path  (const char  *config_path,
                                      const char  *db_path);
/* Where the head is when nothing names it: PATH.audit-head. */
char     *sp_audit_head_default_path (const char  *db_path);

/* Creates the key file if it is missing (mode 0600); TRUE if it exists. */
gboolean  sp_audit_key_create        (const char  *path,
                                      GError     **error);
/* Reads the key and makes it the one sp-audit.c uses; refuses, saying how
 * to make one, when it is missing or not a key. */
gboolean  sp_audit_key_load          (const char  *path,
                                      GError     **error);

typedef struct
{
  char   *database_id;
  gint64  rows;
  char   *head;        /* hex MAC of row @rows */
  char   *written_at;
} SpAuditHead;

void      sp_audit_head_free         (SpAuditHead *head);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpAuditHead, sp_audit_head_free)

/* Writes the store's current head (row count, last MAC, database id) to
 * @path, atomically. @rows_out, if given, receives the row count. */
gboolean  sp_audit_head_write        (SpStore     *store,
                                      const char  *path,
                                      gint64      *rows_out,
                                      GError     **error);
/* Reads a head file and checks its MAC: G_FILE_ERROR_NOENT when missing,
 * SP_ERROR_CORRUPT when it was not written with this key. */
SpAuditHead *sp_audit_head_read      (const char  *path,
                                      GError     **error);
/* Whether the store holds the row the head names, with its MAC: FALSE with
 * SP_ERROR_CORRUPT saying what is missing or different. */
gboolean  sp_audit_head_check        (SpStore     *store,
                                      const SpAuditHead *head,
                                      GError     **error);

G_END_DECLS
