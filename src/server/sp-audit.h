/* sp-audit.h: the append-only, MAC-chained record of every write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "synpunkt-core.h"

G_BEGIN_DECLS

/* The setting that names this database: new at every restore, so that a
 * head file, and a replica, can tell one database from another. */
#define SP_AUDIT_DATABASE_ID "server.database_id"

/* Appends ,"database_id":"…" to a JSON object being written, so that a
 * replica sees when the server it follows is another database or a
 * restored copy. */
void     sp_audit_write_database_id (SpStore *store,
                                     GString *json);

/* The key of the chain (sp-audit-key.h reads it from its file). Nothing
 * can be appended before it is set. */
void     sp_audit_set_key     (const guint8 *key);
gboolean sp_audit_has_key     (void);
/* A keyed BLAKE2b-256 of @parts, each length-prefixed, as hex. */
void     sp_audit_mac_parts   (const char * const *parts,
                               guint               n_parts,
                               char                out[65]);

/* Appends one row: who (@actor_id), what (@action: "create", "update",
 * "transition", "login", …), which record and field, old and new value.
 * Call it inside the transaction of the write it records: every record
 * written since the last such call gets a "state" row with a hash of
 * what it now is. */
gboolean sp_audit_append      (SpStore     *store,
                               const char  *actor_id,
                               const char  *action,
                               const char  *entity,
                               const char  *entity_id,
                               const char  *field,
                               const char  *old_value,
                               const char  *new_value,
                               GError     **error);

/* Records every field that differs between @before and @after (the same
 * record; @before NULL for a new one, recorded as one row holding the
 * whole record as JSON) and remembers at which revision each field
 * changed, for merging (sp-merge.h). */
gboolean sp_audit_record_write (SpStore    *store,
                                const char *actor_id,
                                const char *action,
                                SpEntity   *before,
                                SpEntity   *after,
                                GError    **error);

/* A "state" row for every record whose state differs from its last one
 * (or has none): after writes made outside the server's handlers (an
 * import, a demo district). Inside a transaction. */
gboolean sp_audit_attest_all  (SpStore     *store,
                               GError     **error);

/* Brings a database's log to the keyed chain, once: a marker row whose
 * MAC covers the last unkeyed hash, then a state row for every record.
 * Also gives the database its id. Needs the key. */
gboolean sp_audit_upgrade     (SpStore     *store,
                               GError     **error);

/* The last row's sequence number (0 for none) and MAC. */
gboolean sp_audit_get_last    (SpStore     *store,
                               gint64      *seq,
                               char       **hash,
                               GError     **error);

typedef struct
{
  gint64     n_rows;         /* rows whose chain holds */
  gint64     first_broken;   /* 0 when the chain holds */
  char      *head;           /* the last row's MAC */
  guint      n_records;      /* records checked against the log */
  GPtrArray *problems;       /* char *: records that differ from their last state row */
} SpAuditReport;

void     sp_audit_report_clear (SpAuditReport *report);

/* Walks the chain with the key, then checks every record against its last
 * state row. FALSE with SP_ERROR_CORRUPT when the chain breaks (at
 * @report->first_broken) or a record differs (@report->problems). Rows cut
 * off the end leave a whole chain: compare with the head file
 * (sp_audit_head_check). */
gboolean sp_audit_verify      (SpStore       *store,
                               SpAuditReport *report,
                               GError       **error);

G_END_DECLS
