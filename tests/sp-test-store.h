/* sp-test-store.h: a test's own store, usable on the main thread while the
 * application under test is held off SQLite there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "synpunkt-core.h"

static inline SpStore *
sp_test_store_open (const char  *path,
                    GError     **error)
{
  gboolean guarded = sp_store_guard_thread (FALSE);
  SpStore *store = sp_store_open (path, error);

  if (store != NULL)
    sp_store_exempt_from_guard (store);
  sp_store_guard_thread (guarded);

  return store;
}
