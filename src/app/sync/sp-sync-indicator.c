/* sp-sync-indicator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include <math.h>

#include "sp-sync-indicator.h"

struct _SpSyncIndicator
{
  GtkWidget       parent_instance;

  GtkMenuButton  *button;
  GtkStack       *icon_stack;
  GtkImage       *icon;
  GtkSpinner     *spinner;
  GtkPopover     *popover;
  GtkLabel       *title;
  GtkLabel       *details;
  GtkProgressBar *progress;
  GtkButton      *login_button;
  GtkButton      *sync_button;

  SpAccount      *account;
  GSignalGroup   *engine_signals;
  char           *summary;
};

G_DEFINE_FINAL_TYPE (SpSyncIndicator, sp_sync_indicator, GTK_TYPE_WIDGET)

static char *
describe_time (gint64 when)
{
  g_autoptr(GDateTime) dt = NULL;

  if (when == 0)
    return NULL;
  dt = g_date_time_new_from_unix_local (when / G_USEC_PER_SEC);
  return g_date_time_format (dt, "%H:%M");
}

static void
update (SpSyncIndicator *self)
{
  SpSyncEngine *engine = self->account ? sp_account_get_engine (self->account) : NULL;
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  const char *icon = "emblem-ok-symbolic";
  gboolean busy = FALSE, can_sync = engine != NULL, needs_login = FALSE;
  gint64 pending = engine ? sp_sync_engine_get_pending (engine) : 0;
  guint conflicts = engine ? sp_sync_engine_get_n_conflicts (engine) : 0;
  g_autofree char *waiting = NULL;
  g_autofree char *summary = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self),
                          self->account != NULL && sp_account_is_connected (self->account));

  if (pending > 0)
    waiting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d change waiting",
                                            "%d changes waiting", (gulong)MIN (pending, G_MAXINT)),
                               (int)MIN (pending, G_MAXINT));

  if (engine == NULL)
    {
      icon = "dialog-password-symbolic";
      title = g_strdup (_("Logged out"));
      details = g_strdup (_("Changes are kept on this computer. Log in to sync them with the server."));
      needs_login = TRUE;
    }
  else
    switch (sp_sync_engine_get_state (engine))
      {
      case SP_SYNC_STATE_SYNCING:
        {
          double progress = sp_sync_engine_get_progress (engine);

          busy = TRUE;
          can_sync = FALSE;
          if (progress > 0 && progress < 1)
            /* Translators: how far a sync has come, in per cent */
            title = g_strdup_printf (_("Syncing… %d %%"), (int)(progress * 100));
          else
            title = g_strdup (_("Syncing…"));
        }
        break;

      case SP_SYNC_STATE_OFFLINE:
        icon = "network-offline-symbolic";
        title = g_strdup (_("Offline"));
        details = g_strdup_printf ("%s%s%s", _("The server cannot be reached. Synpunkt tries again by itself."),
                                   waiting ? " " : "", waiting ? waiting : "");
        break;

      case SP_SYNC_STATE_AUTH_REQUIRED:
        icon = "dialog-password-symbolic";
        title = g_strdup (_("Log in again"));
        details = g_strdup (_("Your session on the server has ended. Nothing is lost: your changes wait until you log in."));
        needs_login = TRUE;
        break;

      case SP_SYNC_STATE_ERROR:
        icon = "dialog-warning-symbolic";
        title = g_strdup (_("Sync failed"));
        details = g_strdup (sp_sync_engine_get_error_message (engine));
        break;

      case SP_SYNC_STATE_SYNCED:
      case SP_SYNC_STATE_IDLE:
      default:
        {
          g_autofree char *when = describe_time (sp_sync_engine_get_last_synced (engine));

          title = waiting ? g_strdup (waiting) : g_strdup (_("Synced"));
          if (when != NULL)
            details = g_strdup_printf (_("Last synced at %s."), when);
          if (waiting != NULL)
            icon = "emblem-synchronizing-symbolic";
        }
        break;
      }

  if (conflicts > 0)
    {
      g_autofree char *c = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u change conflicts with the server’s: open the case to choose.",
                                                         "%u changes conflict with the server’s: open the cases to choose.",
                                                         conflicts),
                                            conflicts);
      g_autofree char *joined = g_strjoin (" ", details ? details : "", c, NULL);

      g_free (details);
      details = g_steal_pointer (&joined);
      icon = "dialog-warning-symbolic";
    }

  gtk_label_set_label (self->title, title);
  gtk_label_set_label (self->details, details ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->details), details != NULL && details[0] != 0);
  /* A first sync shows its progress in the window: a still icon here,
   * as a spinner would redraw the window the whole time. */
  if (busy && sp_sync_engine_get_loading (engine))
    {
      busy = FALSE;
      icon = "emblem-synchronizing-symbolic";
      gtk_widget_set_visible (GTK_WIDGET (self->progress), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->progress), busy);
  /* Called for every page a sync stores: setting the same icon again would
   * lay the header bar out and draw the window anew each time. */
  if (g_strcmp0 (gtk_image_get_icon_name (self->icon), icon) != 0)
    gtk_image_set_from_icon_name (self->icon, icon);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->icon_stack), busy ? "spinner" : "icon") != 0)
    gtk_stack_set_visible_child_name (self->icon_stack, busy ? "spinner" : "icon");
  gtk_spinner_set_spinning (self->spinner, busy);
  if (engine != NULL && sp_sync_engine_get_state (engine) == SP_SYNC_STATE_SYNCING)
    {
      /* In whole per cents: a page of the feed is not worth a redraw. */
      double fraction = floor (sp_sync_engine_get_progress (engine) * 100) / 100;

      if (gtk_progress_bar_get_fraction (self->progress) != fraction &&
          gtk_widget_get_mapped (GTK_WIDGET (self->progress)))
        gtk_progress_bar_set_fraction (self->progress, fraction);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->login_button), needs_login);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_button), can_sync);
  gtk_widget_set_visible (GTK_WIDGET (self->sync_button), !needs_login);

  summary = details && details[0] ? g_strdup_printf ("%s. %s", title, details) : g_strdup (title);
  if (g_strcmp0 (summary, self->summary) == 0)
    return;

  g_free (self->summary);
  self->summary = g_steal_pointer (&summary);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), self->summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->summary, -1);
}

static void
on_sync_clicked (SpSyncIndicator *self)
{
  SpSyncEngine *engine = self->account ? sp_account_get_engine (self->account) : NULL;

  if (engine != NULL)
    sp_sync_engine_sync_async (engine, NULL, NULL, NULL);
  gtk_popover_popdown (self->popover);
}

static void
on_account_changed (SpSyncIndicator *self)
{
  g_signal_group_set_target (self->engine_signals,
                             self->account ? sp_account_get_engine (self->account) : NULL);
  update (self);
}

static void
sp_sync_indicator_dispose (GObject *object)
{
  SpSyncIndicator *self = SP_SYNC_INDICATOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_SYNC_INDICATOR);
  g_clear_object (&self->engine_signals);
  g_clear_object (&self->account);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (sp_sync_indicator_parent_class)->dispose (object);
}

static void
sp_sync_indicator_class_init (SpSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_sync_indicator_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/se/synpunkt/Synpunkt/sp-sync-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, SpSyncIndicator, button);
  gtk_widget_class_bind_template_child (widget_class, SpSyncIndicator, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, SpSyncIndicator, icon);
  gtk_widget_class_bind_template_child (widget_class, SpSyncIndicator, spinner);
  gtk_widget_class_bind_template_child (widget_class, SpSyncIndicator, popover);
  gtk_widget_class_bind_template_child (widget_class, SpSyncIndicator, title);
  gtk_widget_class_bind_template_child (widget_class, SpSyncIndicator, details);
  gtk_widget_class_bind_template_child (widget_class, SpSyncIndicator, progress);
  gtk_widget_class_bind_template_child (widget_class, SpSyncIndicator, login_button);
  gtk_widget_class_bind_template_child (widget_class, SpSyncIndicator, sync_button);
  gtk_widget_class_bind_template_callback (widget_class, on_sync_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sp_sync_indicator_init (SpSyncIndicator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->engine_signals = g_signal_group_new (SP_TYPE_SYNC_ENGINE);
  g_signal_group_connect_swapped (self->engine_signals, "notify", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->engine_signals, "changed", G_CALLBACK (update), self);
}

GtkWidget *
sp_sync_indicator_new (void)
{
  return g_object_new (SP_TYPE_SYNC_INDICATOR, NULL);
}

void
sp_sync_indicator_set_account (SpSyncIndicator *self,
                               SpAccount       *account)
{
  g_return_if_fail (SP_IS_SYNC_INDICATOR (self));

  if (!g_set_object (&self->account, account))
    return;

  if (account != NULL)
    {
      g_signal_connect_object (account, "notify", G_CALLBACK (on_account_changed), self,
                               G_CONNECT_SWAPPED);
    }
  on_account_changed (self);
}

const char *
sp_sync_indicator_get_summary (SpSyncIndicator *self)
{
  g_return_val_if_fail (SP_IS_SYNC_INDICATOR (self), NULL);

  return self->summary;
}
