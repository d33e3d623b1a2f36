/* sp-case-page-conflicts.c: changes of this case that conflict with the
 * server's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "sp-case-page-private.h"
#include "sp-conflict-dialog.h"

void
_sp_case_page_fill_conflicts (SpCasePage *self,
                              GPtrArray  *conflicts)
{
  gboolean shown = conflicts != NULL && conflicts->len > 0;

  /* Hidden, not only unrevealed: a screen reader would still read it. */
  gtk_widget_set_visible (GTK_WIDGET (self->conflict_bar), shown);
  gtk_info_bar_set_revealed (self->conflict_bar, shown);
}

static void
on_resolved (SpCasePage *self)
{
  _sp_case_page_reload (self);
  g_signal_emit_by_name (self, "case-changed", self->case_id);
}

void
_sp_case_page_resolve_conflicts (SpCasePage *self)
{
  GtkWidget *dialog;

  if (self->case_id == NULL)
    return;

  dialog = sp_conflict_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   self->worker, self->actor, self->case_id);
  g_signal_connect_object (dialog, "resolved", G_CALLBACK (on_resolved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}
