/* sp-preferences-window.h: style, the local user, the deadline rules and where cases are kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sp-context.h"

G_BEGIN_DECLS

#define SP_TYPE_PREFERENCES_WINDOW (sp_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SpPreferencesWindow, sp_preferences_window, SP, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *sp_preferences_window_new (SpContext     *context,
                                      GtkWindow     *parent);
/* Opens on the Server page, to log in. */
void       sp_preferences_window_show_server (SpPreferencesWindow *self);
/* Describes a deadline rule for people: "14 calendar days". */
char      *sp_preferences_format_rule (const SpDeadlineRule *rule);

G_END_DECLS
