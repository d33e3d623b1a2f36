/* sp-diary-format.h: the diary number's format, checked and applied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SP_DIARY_FORMAT_DEFAULT "{prefix} {year}/{seq:4}"
#define SP_DIARY_FORMAT_MAX_LENGTH 64
#define SP_DIARY_PREFIX_MAX_LENGTH 20

/* Whether @format can number a diary: {seq} (or {seq:N}, N from 1 to 12)
 * exactly once, {year} exactly once (the sequence starts again each year,
 * so a number without its year would repeat), {prefix} at most once, no
 * other braces, no control characters, at most
 * SP_DIARY_FORMAT_MAX_LENGTH characters. Errors are SP_ERROR_INVALID with
 * the field "diary_format", in the user's words. */
gboolean  sp_diary_format_check  (const char  *format,
                                  GError     **error);
/* Whether @prefix can stand in a diary number (field "diary_prefix"). */
gboolean  sp_diary_prefix_check  (const char  *prefix,
                                  GError     **error);
/* The number @seq of @year under @format (not checked: unknown text is
 * copied as it is). */
char     *sp_diary_format_apply  (const char  *format,
                                  const char  *prefix,
                                  int          year,
                                  gint64       seq);

G_END_DECLS
