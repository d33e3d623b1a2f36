/* sp-demo.h: a realistic demo district and its cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-store.h"

G_BEGIN_DECLS

/* Fills @store with a district (departments, units, preschools, private
 * providers, categories, a user for every role) and @n_cases cases spread
 * over the last few years, from the pseudo-random @seed. The reference
 * data is only added once. */
gboolean sp_demo_populate (SpStore  *store,
                           guint     n_cases,
                           guint32   seed,
                           GError  **error);

/* Called from the thread that populates, now and then, with the cases
 * made so far. */
typedef void (*SpDemoProgress) (guint    done,
                                guint    total,
                                gpointer user_data);

gboolean sp_demo_populate_with_progress (SpStore         *store,
                                         guint            n_cases,
                                         guint32          seed,
                                         SpDemoProgress   progress,
                                         gpointer         user_data,
                                         GError         **error);

G_END_DECLS
