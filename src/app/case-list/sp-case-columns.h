/* sp-case-columns.h: the case list's columns, how each sorts and how wide
 * its content is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sp-reference.h"
#include "synpunkt-core.h"

G_BEGIN_DECLS

typedef enum
{
  SP_CASE_COL_DIARY,
  SP_CASE_COL_RECEIVED,
  SP_CASE_COL_KIND,
  SP_CASE_COL_CATEGORY,
  SP_CASE_COL_PLACE,
  SP_CASE_COL_SUBJECT,
  SP_CASE_COL_STATUS,
  SP_CASE_COL_DEADLINE,
  SP_CASE_COL_SECRECY,     /* the diary's only: the marking, never the content */
  SP_CASE_N_COLUMNS
} SpCaseColumn;

/* The columns themselves (title, cell) are in sp-case-view.ui; here is
 * how each sorts and which goes first when the room is short. */
typedef struct
{
  const char *child;     /* the column's id in the template */
  SpCaseSort  sort;
  gboolean    sortable;
  gboolean    compact;   /* may show in a narrow window */
  int         priority;  /* 0: always shown; then the lower, the sooner */
  int         max_width; /* a longer text is cut, and shown whole in a tooltip */
} SpCaseColumnInfo;

extern const SpCaseColumnInfo sp_case_columns[SP_CASE_N_COLUMNS];

/* The width @column's widest text takes in @widget's font (its title
 * with the sort arrow included), at most its max_width. The subject has
 * none: it takes the rest. */
int   sp_case_columns_content_width (GtkWidget    *widget,
                                     SpCaseColumn  column,
                                     SpReference  *reference,
                                     const char   *title);
/* Of @candidates (bits 1 << SpCaseColumn), the columns that fit in
 * @available pixels, @widths being theirs: the always-shown ones and the
 * subject first, then by priority while the subject keeps its share. */
guint sp_case_columns_fit           (const int    *widths,
                                     guint         candidates,
                                     int           available);

G_END_DECLS
