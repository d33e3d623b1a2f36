/* sp-directory-recheck.h: ending the sessions of accounts the directory
 * has disabled or removed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every recheck_interval seconds, the directory users with a live session
 * are looked up again (in a worker thread, with the service account); the
 * sessions of those disabled or gone end. An unreachable directory ends
 * nothing: it is asked again at the next turn.
 */

#pragma once

#include "synpunkt-core.h"

#include "sp-directory.h"

G_BEGIN_DECLS

typedef struct _SpDirectoryRecheck SpDirectoryRecheck;

/* @config must outlive it. */
SpDirectoryRecheck *sp_directory_recheck_new  (SpStore                 *store,
                                               const SpDirectoryConfig *config);
void                sp_directory_recheck_free (SpDirectoryRecheck      *self);

G_END_DECLS
