/* sp-format.h: numbers as the user's language writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @n with its thousands grouped as the translation says: "100,000" in
 * English, "100 000" in Swedish (whatever the C library's locale). */
char *sp_format_count (gint64 n);

G_END_DECLS
