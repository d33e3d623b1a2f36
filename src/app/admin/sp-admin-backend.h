/* sp-admin-backend.h: where the administrator's changes go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signed in to a server, the administration view reads the organisation
 * from the server's API and sends every change there (the server checks,
 * saves and writes its hash-chained audit log; the change feed brings it
 * to every replica). With no server, it reads and changes the local
 * database through the store worker. Either way the same core checks
 * (sp_store_admin_check()) run first, so that a refusal is said in the
 * user's words.
 */

#pragma once

#include "sp-context.h"

G_BEGIN_DECLS

typedef struct
{
  GPtrArray        *units;        /* SpUnit, by name */
  GPtrArray        *users;        /* SpUser, by user name */
  GPtrArray        *categories;   /* SpCategory, by position */
  GHashTable       *directory;    /* ids of the users the directory signs in */
  SpDeadlineConfig  deadlines;    /* local only */
  char             *diary_prefix; /* local only */
  char             *diary_format; /* local only */
  gboolean          remote;       /* read from the server */
} SpAdminData;

void sp_admin_data_free (SpAdminData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpAdminData, sp_admin_data_free)

#define SP_TYPE_ADMIN_BACKEND (sp_admin_backend_get_type ())

G_DECLARE_FINAL_TYPE (SpAdminBackend, sp_admin_backend, SP, ADMIN_BACKEND, GObject)

SpAdminBackend *sp_admin_backend_new            (SpContext            *context);
SpContext      *sp_admin_backend_get_context    (SpAdminBackend       *self);
/* Whether changes go to a server (signed in) rather than this computer. */
gboolean        sp_admin_backend_is_remote      (SpAdminBackend       *self);

void            sp_admin_backend_load_async     (SpAdminBackend       *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
SpAdminData    *sp_admin_backend_load_finish    (SpAdminBackend       *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

/* Creates (@is_new) or changes a unit, user or category. @password: a
 * server user's first or new one (their sessions end), or NULL. "changed"
 * is emitted once done. */
void            sp_admin_backend_save_async     (SpAdminBackend       *self,
                                                 SpEntity             *entity,
                                                 gboolean              is_new,
                                                 const char           *password,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean        sp_admin_backend_save_finish    (SpAdminBackend       *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
/* Takes a unit or a user out of use. */
void            sp_admin_backend_deactivate_async (SpAdminBackend     *self,
                                                 SpEntity             *entity,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean        sp_admin_backend_deactivate_finish (SpAdminBackend    *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
/* Local only: the deadline rules (@keys and @rules, NULL-terminated);
 * finish() gives how many open cases got a new due date, or -1. */
void            sp_admin_backend_set_deadlines_async (SpAdminBackend  *self,
                                                 const char * const   *keys,
                                                 const char * const   *rules,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gint64          sp_admin_backend_set_deadlines_finish (SpAdminBackend *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
/* Local only: the diary number's prefix and format. */
void            sp_admin_backend_set_diary_format_async (SpAdminBackend *self,
                                                 const char           *prefix,
                                                 const char           *format,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean        sp_admin_backend_set_diary_format_finish (SpAdminBackend *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
