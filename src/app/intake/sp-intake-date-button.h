/* sp-intake-date-button.h: a button that shows a date and picks one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "synpunkt-core.h"

G_BEGIN_DECLS

#define SP_TYPE_INTAKE_DATE_BUTTON (sp_intake_date_button_get_type ())

G_DECLARE_FINAL_TYPE (SpIntakeDateButton, sp_intake_date_button, SP, INTAKE_DATE_BUTTON, GtkWidget)

GtkWidget *sp_intake_date_button_new            (void);
SpDate     sp_intake_date_button_get_date       (SpIntakeDateButton *self);
void       sp_intake_date_button_set_date       (SpIntakeDateButton *self,
                                                 SpDate              date);
gboolean   sp_intake_date_button_get_allow_none (SpIntakeDateButton *self);
void       sp_intake_date_button_set_allow_none (SpIntakeDateButton *self,
                                                 gboolean            allow_none);
/* The label the button shows (for tests and accessible names). */
const char *sp_intake_date_button_get_label     (SpIntakeDateButton *self);

G_END_DECLS
