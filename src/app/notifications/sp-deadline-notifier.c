/* sp-deadline-notifier.c: announces the user's own deadlines
 *
 * The store worker decides what is new to announce (overdue cases, late
 * provider's accounts for procurement, follow-up dates reached)
 * (sp_store_take_reminders(), which remembers it); this object turns the
 * answer into GNotifications on the main thread. The "announced" signal
 * says what each notification says, so that tests see it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "sp-case.h"
#include "sp-contract-issue.h"
#include "sp-reminders.h"
#include "sp-deadline-notifier.h"

#define CHECK_INTERVAL_SECONDS (10 * 60)
/* Cases announced one by one at a look; the rest in one notification. */
#define MAX_SINGLE 5

typedef struct
{
  char *id;
  char *title;
  char *body;
  char *case_id;
  char *action;     /* what a click does, with target */
  GVariant *target;
} Announcement;

static void
announcement_free (gpointer data)
{
  Announcement *a = data;

  g_free (a->id);
  g_free (a->title);
  g_free (a->body);
  g_free (a->case_id);
  g_free (a->action);
  g_clear_pointer (&a->target, g_variant_unref);
  g_free (a);
}

struct _SpDeadlineNotifier
{
  GObject        parent_instance;

  GApplication  *application;
  SpStoreWorker *worker;
  GCancellable  *cancellable;
  char          *user_id;
  char          *unit_id;
  gboolean       procurement;
  guint          timeout_id;

  GSettings     *settings;
  GPtrArray     *waiting;      /* of Announcement, until a server is found */
  guint          asked_names;
  gboolean       looked_for_server;
  gboolean       has_server;
};

G_DEFINE_FINAL_TYPE (SpDeadlineNotifier, sp_deadline_notifier, G_TYPE_OBJECT)

enum { ANNOUNCED, CHECKED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  char *user_id;
  char *unit_id;
  gboolean procurement;
} Mine;

static void
mine_free (gpointer data)
{
  Mine *mine = data;

  g_free (mine->user_id);
  g_free (mine->unit_id);
  g_free (mine);
}

/* Runs in the store worker's thread. */
static gpointer
take_reminders (SpStore       *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  Mine *mine = data;

  return sp_store_take_reminders (store, mine->user_id, mine->unit_id, mine->procurement,
                                  SP_DATE_NONE, error);
}

static char *
case_line (SpCase *kase)
{
  if (kase->diary_number != NULL)
    /* Translators: a diary number and a case's subject */
    return g_strdup_printf (_("%s: %s"), kase->diary_number, kase->subject);
  return g_strdup (kase->subject);
}

static Announcement *
summary_announcement (const SpReminders *reminders)
{
  Announcement *a = g_new0 (Announcement, 1);
  g_autoptr(GString) body = g_string_new (NULL);

  if (reminders->due_tomorrow > 0)
    g_string_append_printf (body, g_dngettext (NULL, "%d case is due tomorrow.",
                                               "%d cases are due tomorrow.",
                                               (gulong) reminders->due_tomorrow),
                            (int) reminders->due_tomorrow);
  if (reminders->overdue > 0)
    {
      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (NULL, "%d case is overdue.",
                                                 "%d cases are overdue.",
                                                 (gulong) reminders->overdue),
                              (int) reminders->overdue);
    }
  if (reminders->accounts_overdue > 0)
    {
      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (NULL, "%d provider’s account is overdue.",
                                                 "%d providers’ accounts are overdue.",
                                                 (gulong) reminders->accounts_overdue),
                              (int) reminders->accounts_overdue);
    }
  a->id = g_strdup (SP_NOTIFICATION_SUMMARY);
  a->title = g_strdup (_("Your deadlines"));
  a->body = g_string_free (g_steal_pointer (&body), FALSE);
  a->action = g_strdup ("app.activate");
  return a;
}

static void
open_case (Announcement *a,
           const char   *case_id)
{
  a->case_id = g_strdup (case_id);
  a->action = g_strdup ("app.show-case");
  a->target = g_variant_ref_sink (g_variant_new_string (case_id));
}

static Announcement *
overdue_announcement (SpCase *kase)
{
  Announcement *a = g_new0 (Announcement, 1);

  a->id = g_strconcat (SP_NOTIFICATION_OVERDUE_PREFIX, SP_ENTITY (kase)->id, NULL);
  a->title = g_strdup (_("A case has become overdue"));
  a->body = case_line (kase);
  open_case (a, SP_ENTITY (kase)->id);
  return a;
}

/* A contract issue whose provider has not sent the account asked for: it
 * opens the issue on procurement's page. */
static Announcement *
late_account_announcement (SpContractIssue *issue,
                           const char      *provider_name)
{
  Announcement *a = g_new0 (Announcement, 1);
  char due[11];

  sp_date_format (issue->correction_due_on, due);
  a->id = g_strconcat (SP_NOTIFICATION_ACCOUNT_PREFIX, SP_ENTITY (issue)->id, NULL);
  a->title = g_strdup (_("A provider’s account is overdue"));
  a->body = *provider_name != '\0'
              /* Translators: a provider's name, and the date its account was due */
              ? g_strdup_printf (_("%s: the account was due on %s."), provider_name, due)
              : g_strdup_printf (_("The account was due on %s."), due);
  a->case_id = g_strdup (issue->case_id);
  a->action = g_strdup ("app.show-contract-issue");
  a->target = g_variant_ref_sink (g_variant_new_string (SP_ENTITY (issue)->id));
  return a;
}

static Announcement *
follow_up_announcement (SpCase *kase)
{
  Announcement *a = g_new0 (Announcement, 1);

  a->id = g_strconcat (SP_NOTIFICATION_FOLLOW_UP_PREFIX, SP_ENTITY (kase)->id, NULL);
  a->title = g_strdup (_("A follow-up date has come"));
  a->body = case_line (kase);
  open_case (a, SP_ENTITY (kase)->id);
  return a;
}

static Announcement *
more_overdue_announcement (guint more)
{
  Announcement *a = g_new0 (Announcement, 1);

  a->id = g_strdup (SP_NOTIFICATION_OVERDUE_PREFIX "more");
  a->title = g_strdup_printf (g_dngettext (NULL, "%u more case has become overdue",
                                           "%u more cases have become overdue", more),
                              more);
  a->body = g_strdup (_("They are in My Cases."));
  a->action = g_strdup ("app.activate");
  return a;
}

static GNotification *
make_notification (const Announcement *a)
{
  GNotification *notification = g_notification_new (a->title);

  g_notification_set_body (notification, a->body);
  if (a->target != NULL)
    {
      gboolean issue = g_str_equal (a->action, "app.show-contract-issue");

      g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
      g_notification_set_default_action_and_target_value (notification, a->action, a->target);
      g_notification_add_button_with_target_value (notification,
                                                   issue ? _("Open Contract Issue")
                                                         : _("Open Case"),
                                                   a->action, a->target);
    }
  else
    g_notification_set_default_action (notification, a->action);
  return notification;
}

/* Notifications go over the session bus to a notification server: without
 * one (a bare CI machine, a session without a desktop) there is nobody to
 * show them, and GLib would warn at each one. */
static gboolean
can_notify (SpDeadlineNotifier *self)
{
  return self->application != NULL && self->has_server &&
         g_application_get_is_registered (self->application) &&
         g_application_get_dbus_connection (self->application) != NULL;
}

static const char *notification_servers[] = {
  "org.gtk.Notifications", "org.freedesktop.Notifications", "org.freedesktop.portal.Desktop",
};

static void send_reminders (SpDeadlineNotifier *self);

static void
listed_names (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SpDeadlineNotifier) self = user_data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object),
                                                             result, NULL);
  g_autofree const char **names = NULL;

  self->asked_names--;
  if (reply != NULL)
    {
      g_variant_get (reply, "(^a&s)", &names);
      for (guint i = 0; names[i] != NULL; i++)
        for (guint j = 0; j < G_N_ELEMENTS (notification_servers); j++)
          if (g_str_equal (names[i], notification_servers[j]))
            self->has_server = TRUE;
    }
  if (self->asked_names == 0)
    send_reminders (self);
}

/* Asks the bus once whether a notification server runs or can be started;
 * then sends what is waiting. */
static void
find_server (SpDeadlineNotifier *self)
{
  GDBusConnection *bus = self->application != NULL
                           ? g_application_get_dbus_connection (self->application) : NULL;
  static const char *methods[] = { "ListNames", "ListActivatableNames" };

  self->looked_for_server = TRUE;
  if (bus == NULL || g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      self->has_server = bus != NULL;
      send_reminders (self);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      self->asked_names++;
      g_dbus_connection_call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                              "org.freedesktop.DBus", methods[i], NULL, G_VARIANT_TYPE ("(as)"),
                              G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable, listed_names,
                              g_object_ref (self));
    }
}

static void
took_reminders (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SpDeadlineNotifier) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpReminders) reminders = sp_store_worker_run_finish (SP_STORE_WORKER (object),
                                                                 result, &error);
  guint first_new;

  if (reminders == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not look for deadlines to announce: %s", error->message);
      return;
    }
  if (self->application == NULL)
    return;

  /* Only this look's announcements are told; earlier ones may still wait
   * for the bus's answer about a notification server. */
  first_new = self->waiting->len;
  if (reminders->summary)
    g_ptr_array_add (self->waiting, summary_announcement (reminders));
  for (guint i = 0; i < MIN (reminders->newly_overdue->len, MAX_SINGLE); i++)
    g_ptr_array_add (self->waiting, overdue_announcement (g_ptr_array_index (reminders->newly_overdue, i)));
  if (reminders->newly_overdue->len > MAX_SINGLE)
    g_ptr_array_add (self->waiting, more_overdue_announcement (reminders->newly_overdue->len - MAX_SINGLE));
  for (guint i = 0; i < MIN (reminders->newly_late_accounts->len, MAX_SINGLE); i++)
    g_ptr_array_add (self->waiting,
                     late_account_announcement (g_ptr_array_index (reminders->newly_late_accounts, i),
                                                g_ptr_array_index (reminders->late_account_providers, i)));
  for (guint i = 0; i < MIN (reminders->newly_followed_up->len, MAX_SINGLE); i++)
    g_ptr_array_add (self->waiting,
                     follow_up_announcement (g_ptr_array_index (reminders->newly_followed_up, i)));

  for (guint i = first_new; i < self->waiting->len; i++)
    {
      Announcement *a = g_ptr_array_index (self->waiting, i);
      g_autofree char *action = g_action_print_detailed_name (a->action, a->target);

      g_signal_emit (self, signals[ANNOUNCED], 0, a->id, a->title, a->body, a->case_id, action);
    }

  g_signal_emit (self, signals[CHECKED], 0);

  if (!self->looked_for_server)
    find_server (self);
  else if (self->asked_names == 0)
    send_reminders (self);
}

static void
send_reminders (SpDeadlineNotifier *self)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->waiting);

  self->waiting = g_ptr_array_new_with_free_func (announcement_free);
  for (guint i = 0; i < waiting->len; i++)
    {
      Announcement *a = g_ptr_array_index (waiting, i);
      g_autoptr(GNotification) notification = NULL;

      if (!can_notify (self) || !g_settings_get_boolean (self->settings, "notify-deadlines"))
        continue;
      notification = make_notification (a);
      g_application_send_notification (self->application, a->id, notification);
    }
}

void
sp_deadline_notifier_check (SpDeadlineNotifier *self)
{
  Mine *mine;

  g_return_if_fail (SP_IS_DEADLINE_NOTIFIER (self));

  if (self->user_id == NULL && self->unit_id == NULL)
    return;
  mine = g_new0 (Mine, 1);
  mine->user_id = g_strdup (self->user_id);
  mine->unit_id = g_strdup (self->unit_id);
  mine->procurement = self->procurement;
  sp_store_worker_run_async (self->worker, take_reminders, mine, mine_free,
                             (GDestroyNotify) sp_reminders_free, self->cancellable,
                             took_reminders, g_object_ref (self));
}

static gboolean
check_timeout (gpointer user_data)
{
  sp_deadline_notifier_check (user_data);
  return G_SOURCE_CONTINUE;
}

void
sp_deadline_notifier_set_mine (SpDeadlineNotifier *self,
                               const char         *user_id,
                               const char         *unit_id,
                               gboolean            procurement)
{
  g_return_if_fail (SP_IS_DEADLINE_NOTIFIER (self));

  procurement = !!procurement;
  if (g_strcmp0 (self->user_id, user_id) == 0 && g_strcmp0 (self->unit_id, unit_id) == 0 &&
      self->procurement == procurement)
    return;
  self->procurement = procurement;
  g_free (self->user_id);
  g_free (self->unit_id);
  self->user_id = g_strdup (user_id);
  self->unit_id = g_strdup (unit_id);

  /* Another person's summary is not this one's. */
  if (can_notify (self))
    g_application_withdraw_notification (self->application, SP_NOTIFICATION_SUMMARY);
  sp_deadline_notifier_check (self);
}

static void
sp_deadline_notifier_dispose (GObject *object)
{
  SpDeadlineNotifier *self = SP_DEADLINE_NOTIFIER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_weak_pointer (&self->application);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->unit_id, g_free);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sp_deadline_notifier_parent_class)->dispose (object);
}

static void
sp_deadline_notifier_class_init (SpDeadlineNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sp_deadline_notifier_dispose;

  /* (id, title, body, the case it is about or NULL, the detailed action a
   * click activates), as it is sent */
  signals[ANNOUNCED] = g_signal_new ("announced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 5,
                                     G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
                                     G_TYPE_STRING);
  /* after each look through the store, announced or not */
  signals[CHECKED] = g_signal_new ("checked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sp_deadline_notifier_init (SpDeadlineNotifier *self)
{
  self->cancellable = g_cancellable_new ();
  self->waiting = g_ptr_array_new_with_free_func (announcement_free);
}

SpDeadlineNotifier *
sp_deadline_notifier_new (GApplication  *application,
                          SpStoreWorker *worker,
                          GSettings     *settings)
{
  SpDeadlineNotifier *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SP_IS_STORE_WORKER (worker), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SP_TYPE_DEADLINE_NOTIFIER, NULL);
  g_set_weak_pointer (&self->application, application);
  self->worker = g_object_ref (worker);
  self->settings = g_object_ref (settings);
  self->timeout_id = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, check_timeout, self);
  return self;
}
