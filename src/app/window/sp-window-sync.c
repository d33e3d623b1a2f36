/* sp-window-sync.c: the window and the shared server's account: the sync
 * state in the header bar, the first sync's progress, reloads after each
 * step, a replica made anew, the user shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "sp-sync-indicator.h"
#include "sp-window-private.h"

static gboolean
sync_reload_cb (gpointer data)
{
  SpWindow *self = data;

  self->sync_reload_id = 0;
  sp_window_reload (self);

  return G_SOURCE_REMOVE;
}

/* A sync writes the replica page by page: the window reloads at most once
 * a second meanwhile, so that a first sync shows its cases as they come
 * without querying for every page, and soon after a change otherwise. */
static void
replica_changed (SpWindow *self)
{
  gboolean syncing = self->engine != NULL &&
                     sp_sync_engine_get_state (self->engine) == SP_SYNC_STATE_SYNCING;

  /* A first sync shows its progress instead of a list half filled, whose
   * indexes are not built yet: the list comes when it ends. */
  if (self->sync_reload_id != 0 || (self->engine != NULL && sp_sync_engine_get_loading (self->engine)))
    return;
  self->sync_reload_id = g_timeout_add (syncing ? 1000 : 400, sync_reload_cb, self);
}

static void
sync_progress_changed (SpWindow *self)
{
  double fraction = sp_sync_engine_get_progress (self->engine);
  gint64 now = g_get_monotonic_time ();

  /* Twice a second: a page of the feed is not worth a redraw, which costs
   * much where the window is drawn without a graphics card. */
  if (now - self->progress_shown_at < G_USEC_PER_SEC / 2 && fraction > 0 && fraction < 1)
    return;
  self->progress_shown_at = now;
  gtk_progress_bar_set_fraction (self->syncing_progress, fraction);
}

/* A sync that ended shows what it brought at once. */
static void
sync_state_changed (SpWindow *self)
{
  if (self->sync_reload_id != 0 && sp_sync_engine_get_state (self->engine) != SP_SYNC_STATE_SYNCING)
    {
      g_clear_handle_id (&self->sync_reload_id, g_source_remove);
  g_clear_handle_id (&self->demo_progress_id, g_source_remove);
      sp_window_reload (self);
    }
  _sp_window_update_page (self);
}

static void
sync_loading_changed (SpWindow *self)
{
  _sp_window_update_page (self);
  if (!sp_sync_engine_get_loading (self->engine))
    sp_window_reload (self);
}

/* Who works here: the user signed in to the server, else this computer's. */
void
_sp_window_update_user (SpWindow *self)
{
  SpUser *user = sp_context_get_current_user (self->context);
  SpAccount *account = sp_context_get_account (self->context);

  if (account != NULL && sp_account_is_signed_out (account))
    user = NULL;
  adw_window_title_set_subtitle (self->sidebar_title, user != NULL ? user->display_name : "");
}

static void
engine_changed (SpWindow *self)
{
  SpAccount *account = sp_context_get_account (self->context);
  SpSyncEngine *engine = account ? sp_account_get_engine (account) : NULL;

  _sp_window_update_user (self);
  if (engine == self->engine)
    {
      _sp_window_update_page (self);
      return;
    }

  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (self->engine, self);
  g_set_object (&self->engine, engine);
  if (engine != NULL)
    {
      g_signal_connect_object (engine, "changed", G_CALLBACK (replica_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (engine, "notify::progress", G_CALLBACK (sync_progress_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (engine, "notify::state", G_CALLBACK (sync_state_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (engine, "notify::loading", G_CALLBACK (sync_loading_changed), self,
                               G_CONNECT_SWAPPED);
    }

  /* Signing in or out changes whose cases "My Cases" shows. */
  if (g_strcmp0 (self->view, "mine") == 0)
    sp_window_set_view (self, "mine");
  replica_changed (self);
  _sp_window_update_page (self);
}

static void toast_count (SpWindow   *self,
                         guint       count,
                         const char *format,
                         ...) G_GNUC_PRINTF (3, 4);

/* A toast that says how many, when there are any. */
static void
toast_count (SpWindow   *self,
             guint       count,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (count == 0)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  sp_window_add_toast (self, message);
}

/* The replica was emptied: what it showed is gone, and the user hears
 * what became of changes not sent. */
static void
replica_reset (SpWindow   *self,
               guint       kept_aside,
               const char *kept_path,
               guint       taken_back)
{
  g_clear_pointer (&self->shown_case_id, g_free);
  sp_window_reload (self);
  _sp_window_update_page (self);

  /* Translators: a toast after the list of this computer was emptied */
  toast_count (self, kept_aside,
               g_dngettext (NULL, "%u change not sent is kept aside until the same account logs in again",
                            "%u changes not sent are kept aside until the same account logs in again",
                            kept_aside),
               kept_aside);
  /* Translators: a toast at login */
  toast_count (self, taken_back,
               g_dngettext (NULL, "%u change kept aside at the last logout is being sent",
                            "%u changes kept aside at the last logout are being sent",
                            taken_back),
               taken_back);
}

void
_sp_window_setup_account (SpWindow *self)
{
  SpAccount *account = sp_context_get_account (self->context);

  if (account == NULL)
    return;

  self->sync_indicator = sp_sync_indicator_new ();
  sp_sync_indicator_set_account (SP_SYNC_INDICATOR (self->sync_indicator), account);
  gtk_widget_set_valign (self->sync_indicator, GTK_ALIGN_CENTER);
  adw_header_bar_pack_end (self->content_header, self->sync_indicator);

  g_signal_connect_object (account, "notify::engine", G_CALLBACK (engine_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (account, "notify::user", G_CALLBACK (engine_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (account, "replica-reset", G_CALLBACK (replica_reset), self,
                           G_CONNECT_SWAPPED);
  engine_changed (self);
}

