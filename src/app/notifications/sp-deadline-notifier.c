/* sp-deadline-notifier.c: announces the user's own deadlines
 *
 * The store worker decides which cases are new to announce
 * (sp_store_take_reminders(), which remembers them); this object turns the
 * answer into GNotifications on the main thread. The "announced" signal
 * says what each notification says, so that tests see it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "sp-case.h"
#include "sp-reminders.h"
#include "sp-deadline-notifier.h"

#define CHECK_INTERVAL_SECONDS (10 * 60)
/* The subjects a notification about several cases lists. */
#define MAX_LISTED 3

struct _SpDeadlineNotifier
{
  GObject        parent_instance;

  GApplication  *application;
  SpStoreWorker *worker;
  GCancellable  *cancellable;
  char          *user_id;
  char          *unit_id;
  guint          timeout_id;

  GNotification *waiting[SP_N_REMINDER_KINDS];
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

  return sp_store_take_reminders (store, mine->user_id, mine->unit_id, SP_DATE_NONE, error);
}

static char *
case_line (SpCase *kase)
{
  if (kase->diary_number != NULL)
    /* Translators: a diary number and a case's subject */
    return g_strdup_printf (_("%s: %s"), kase->diary_number, kase->subject);
  return g_strdup (kase->subject);
}

static GNotification *
make_notification (SpReminderKind  kind,
                   GPtrArray      *cases,
                   gint64          total,
                   char          **title_out,
                   char          **body_out)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *title = NULL;
  GNotification *notification;

  if (kind == SP_REMINDER_DUE_TOMORROW)
    title = g_strdup_printf (g_dngettext (NULL, "A case is due tomorrow",
                                          "%u cases are due tomorrow", cases->len),
                             cases->len);
  else
    title = g_strdup_printf (g_dngettext (NULL, "A case has become overdue",
                                          "%u cases have become overdue", cases->len),
                             cases->len);

  for (guint i = 0; i < MIN (cases->len, MAX_LISTED); i++)
    {
      g_autofree char *line = case_line (g_ptr_array_index (cases, i));

      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, line);
    }
  if (cases->len > MAX_LISTED)
    {
      guint more = cases->len - MAX_LISTED;

      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (NULL, "and %u more", "and %u more", more), more);
    }
  if (kind == SP_REMINDER_OVERDUE && total > cases->len)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (NULL, "%d of your cases is overdue in all.",
                                                 "%d of your cases are overdue in all.",
                                                 (gulong) total),
                              (int) total);
    }

  notification = g_notification_new (title);
  g_notification_set_body (notification, body->str);
  g_notification_set_priority (notification, kind == SP_REMINDER_OVERDUE
                                               ? G_NOTIFICATION_PRIORITY_HIGH
                                               : G_NOTIFICATION_PRIORITY_NORMAL);
  if (cases->len == 1)
    g_notification_set_default_action_and_target (notification, "app.show-case", "s",
                                                  SP_ENTITY (g_ptr_array_index (cases, 0))->id);
  else
    g_notification_set_default_action (notification, "app.activate");
  *title_out = g_steal_pointer (&title);
  *body_out = g_string_free (g_steal_pointer (&body), FALSE);
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
  static const char *ids[SP_N_REMINDER_KINDS] = {
    SP_NOTIFICATION_DUE_TOMORROW, SP_NOTIFICATION_OVERDUE,
  };

  if (reminders == NULL || self->application == NULL)
    {
      if (reminders == NULL && self->application == NULL)
        return;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not look for deadlines to announce: %s", error->message);
      return;
    }

  for (guint kind = 0; kind < SP_N_REMINDER_KINDS; kind++)
    {
      g_autoptr(GNotification) notification = NULL;
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;
      GPtrArray *cases = reminders->cases[kind];

      if (cases->len == 0)
        continue;
      notification = make_notification (kind, cases, reminders->total[kind], &title, &body);
      g_signal_emit (self, signals[ANNOUNCED], 0, ids[kind], title, body,
                     cases->len == 1 ? SP_ENTITY (g_ptr_array_index (cases, 0))->id : NULL);
      g_set_object (&self->waiting[kind], notification);
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
  static const char *ids[SP_N_REMINDER_KINDS] = {
    SP_NOTIFICATION_DUE_TOMORROW, SP_NOTIFICATION_OVERDUE,
  };

  for (guint kind = 0; kind < SP_N_REMINDER_KINDS; kind++)
    {
      g_autoptr(GNotification) notification = g_steal_pointer (&self->waiting[kind]);

      if (notification != NULL && can_notify (self))
        g_application_send_notification (self->application, ids[kind], notification);
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
                               const char         *unit_id)
{
  g_return_if_fail (SP_IS_DEADLINE_NOTIFIER (self));

  if (g_strcmp0 (self->user_id, user_id) == 0 && g_strcmp0 (self->unit_id, unit_id) == 0)
    return;
  g_free (self->user_id);
  g_free (self->unit_id);
  self->user_id = g_strdup (user_id);
  self->unit_id = g_strdup (unit_id);

  /* Another person's notifications are not this one's. */
  if (can_notify (self))
    {
      g_application_withdraw_notification (self->application, SP_NOTIFICATION_DUE_TOMORROW);
      g_application_withdraw_notification (self->application, SP_NOTIFICATION_OVERDUE);
    }
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
  for (guint i = 0; i < SP_N_REMINDER_KINDS; i++)
    g_clear_object (&self->waiting[i]);

  G_OBJECT_CLASS (sp_deadline_notifier_parent_class)->dispose (object);
}

static void
sp_deadline_notifier_class_init (SpDeadlineNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sp_deadline_notifier_dispose;

  /* (id, title, body, the case it opens or NULL), as it is sent */
  signals[ANNOUNCED] = g_signal_new ("announced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                                     G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  /* after each look through the store, announced or not */
  signals[CHECKED] = g_signal_new ("checked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sp_deadline_notifier_init (SpDeadlineNotifier *self)
{
  self->cancellable = g_cancellable_new ();
}

SpDeadlineNotifier *
sp_deadline_notifier_new (GApplication  *application,
                          SpStoreWorker *worker)
{
  SpDeadlineNotifier *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SP_IS_STORE_WORKER (worker), NULL);

  self = g_object_new (SP_TYPE_DEADLINE_NOTIFIER, NULL);
  g_set_weak_pointer (&self->application, application);
  self->worker = g_object_ref (worker);
  self->timeout_id = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, check_timeout, self);
  return self;
}
