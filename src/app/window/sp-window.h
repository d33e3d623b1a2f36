/* sp-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sp-case-view.h"
#include "sp-context.h"

G_BEGIN_DECLS

#define SP_TYPE_WINDOW (sp_window_get_type ())

G_DECLARE_FINAL_TYPE (SpWindow, sp_window, SP, WINDOW, AdwApplicationWindow)

/* A window of @application on @context; with @store_error (the database's
 * folder could not be made) it shows only that. */
SpWindow   *sp_window_new               (GtkApplication *application,
                                         SpContext     *context,
                                         const GError  *store_error);
SpContext  *sp_window_get_context       (SpWindow      *self);
/* Fills the database with @n_cases demo cases once it is known to be empty
 * (--demo N). */
void        sp_window_request_demo      (SpWindow      *self,
                                         guint          n_cases);
SpCaseView *sp_window_get_case_view     (SpWindow      *self);
/* "loading", "list", "case", "first-run", "filling" or "error". */
const char *sp_window_get_page          (SpWindow      *self);
/* "mine", "all", "diary" or "saved:NAME". */
const char *sp_window_get_view          (SpWindow      *self);
/* What the header bar says under the view's title ("1,500 cases"). */
const char *sp_window_get_subtitle      (SpWindow      *self);
void        sp_window_set_view          (SpWindow      *self,
                                         const char    *view);
/* Fills an empty database with demo cases, showing a spinner meanwhile. */
void        sp_window_fill_demo         (SpWindow      *self,
                                         guint          n_cases);
/* Shows the case page for @case_id in the content pane. */
void        sp_window_show_case         (SpWindow      *self,
                                         const char    *case_id);
/* Reads the cases, names and counts again (after a change). */
void        sp_window_reload            (SpWindow      *self);
/* The count shown next to a sidebar entry, or -1 while not known. */
gint64      sp_window_get_view_count    (SpWindow      *self,
                                         const char    *view);
/* Saves the current filter under @name (replacing one of that name). */
gboolean    sp_window_save_filter       (SpWindow      *self,
                                         const char    *name,
                                         GError       **error);
void        sp_window_remove_saved_filter (SpWindow    *self,
                                         const char    *name);
void        sp_window_add_toast         (SpWindow      *self,
                                         const char    *title);

G_END_DECLS
