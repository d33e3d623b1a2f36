/* sp-store-admin.h: the administrator's changes on a database of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With no server ("this computer only") the administration view changes
 * the local database through these: units, users and categories checked
 * as the server checks them, the deadline rules (the open cases' due
 * dates follow) and the diary number's format.
 */

#pragma once

#include "sp-store.h"

G_BEGIN_DECLS

/* Checks a unit, user or category as the administrator made or changed
 * it: a name that is not blank, a user name and a category code that no
 * other record has, references to what exists, no unit below itself.
 * Errors are SP_ERROR_INVALID or SP_ERROR_CONFLICT naming the field.
 * Without @references, what the record refers to is not looked up (a
 * replica may not have the server's newest units yet: the server checks). */
gboolean  sp_store_admin_check       (SpStore      *self,
                                      SpEntity     *entity,
                                      gboolean      references,
                                      GError      **error);
/* Checks and saves (stamped with @actor_id). */
gboolean  sp_store_admin_save        (SpStore      *self,
                                      SpEntity     *entity,
                                      const char   *actor_id,
                                      GError      **error);
/* Takes a unit or user out of use (a tombstone, so that names stay on
 * what was done). A unit with units, users or open cases of its own is
 * refused; so is the administrator's own account. */
gboolean  sp_store_admin_deactivate  (SpStore      *self,
                                      GType         type,
                                      const char   *id,
                                      const char   *actor_id,
                                      GError      **error);
/* Sets the deadline rule @key ("investigation", "city_environment",
 * "city_environment_complex") to @rule ("calendar-days:14", …) and gives
 * the open cases it governs their new due dates. Returns how many cases
 * got a new date, or -1 with @error. */
gint64    sp_store_set_deadline_rule (SpStore      *self,
                                      const char   *key,
                                      const char   *rule,
                                      GError      **error);
/* Sets the diary number's prefix and format, after checking both. */
gboolean  sp_store_set_diary_format  (SpStore      *self,
                                      const char   *prefix,
                                      const char   *format,
                                      GError      **error);

G_END_DECLS
