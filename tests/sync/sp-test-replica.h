/* sp-test-replica.h: a headless replica of the real test server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A database in a folder of its own, a client with a user's token and the
 * sync engine over both, as the app makes them; the sync tests drive it.
 */

#pragma once

#include "sp-sync-engine.h"
#include "sp-test-server.h"

G_BEGIN_DECLS

typedef struct
{
  char         *dir;
  char         *path;
  SpStore      *store;
  SpSyncClient *client;
  SpSyncEngine *engine;
} SpTestReplica;

SpTestReplica *sp_test_replica_new       (SpTestServer  *server,
                                          const char    *token);
/* Someone signs in: a new client and engine on the same database. */
void           sp_test_replica_connect   (SpTestReplica *self,
                                          SpTestServer  *server,
                                          const char    *token);
void           sp_test_replica_free      (SpTestReplica *self);
/* One whole round of the engine, waited for (a minute at most). */
gboolean       sp_test_replica_sync      (SpTestReplica *self,
                                          GError       **error);
void           sp_test_replica_assert_synced (SpTestReplica *self);
/* Sets a text field of a case here, as a local edit to be pushed. */
void           sp_test_replica_edit      (SpTestReplica *self,
                                          const char    *id,
                                          const char    *field,
                                          const char    *value);
/* A text field of the case as the server gives it to @token. */
char          *sp_test_server_case_field (SpTestServer  *server,
                                          const char    *token,
                                          const char    *id,
                                          const char    *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpTestReplica, sp_test_replica_free)

G_END_DECLS
