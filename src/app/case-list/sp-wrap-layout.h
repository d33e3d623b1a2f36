/* sp-wrap-layout.h: children left to right, on as many lines as the width
 * needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SP_TYPE_WRAP_LAYOUT (sp_wrap_layout_get_type ())

G_DECLARE_FINAL_TYPE (SpWrapLayout, sp_wrap_layout, SP, WRAP_LAYOUT, GtkLayoutManager)

GtkLayoutManager *sp_wrap_layout_new (void);

G_END_DECLS
