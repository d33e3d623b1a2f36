/* sp-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With no server configured the app keeps its cases in a local database
 * ("this computer only"): g_get_user_data_dir()/synpunkt/synpunkt.db, or the
 * file SYNPUNKT_DB names (tests and benchmarks). The person at the computer
 * is one local user with every role, created on the first start and
 * remembered in the database's settings.
 */

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sp-application.h"
#include "sp-deadline-notifier.h"
#include "sp-preferences-window.h"
#include "sp-window.h"

#define LOCAL_USER_SETTING "local.user_id"
#define DEMO_SEED 20251

struct _SpApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *db_path;
  SpStore        *store;
  GError         *store_error;
  SpStoreWorker  *worker;
  SpDeadlineNotifier *notifier;
  gboolean        held;
  SpAccount      *account;
  SpUser         *user;
  SpActor         actor;
  guint           demo_request;
};

G_DEFINE_FINAL_TYPE (SpApplication, sp_application, ADW_TYPE_APPLICATION)

static char *
default_db_path (void)
{
  const char *env = g_getenv ("SYNPUNKT_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "synpunkt", "synpunkt.db", NULL);
}

static SpUser *
ensure_local_user (SpStore  *store,
                   GError  **error)
{
  g_autofree char *user_id = sp_store_dup_setting (store, LOCAL_USER_SETTING);
  g_autoptr(SpUser) user = NULL;
  const char *real_name;

  if (user_id != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      user = sp_store_load (store, SP_TYPE_USER, user_id, &local_error);
      if (user != NULL)
        return g_steal_pointer (&user);
      if (!g_error_matches (local_error, SP_ERROR, SP_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  real_name = g_get_real_name ();
  if (real_name == NULL || *real_name == '\0' || g_strcmp0 (real_name, "Unknown") == 0)
    real_name = g_get_user_name ();

  user = sp_user_new ();
  sp_entity_ensure_id (SP_ENTITY (user));
  user->username = g_strdup (g_get_user_name ());
  user->display_name = g_strdup (real_name);
  user->roles = (1u << SP_N_ROLES) - 1;

  if (!sp_store_begin (store, error))
    return NULL;
  if (!sp_store_save (store, SP_ENTITY (user), SP_SAVE_DEFAULT, SP_ENTITY (user)->id, error) ||
      !sp_store_set_setting (store, LOCAL_USER_SETTING, SP_ENTITY (user)->id, error) ||
      !sp_store_commit (store, error))
    {
      sp_store_rollback (store);
      return NULL;
    }

  return g_steal_pointer (&user);
}

static void
update_actor (SpApplication *self)
{
  SpUser *user = self->user;

  /* Signed in to a server, changes are made as the user it knows, with
   * the roles it gives. */
  if (self->account != NULL && sp_account_get_user (self->account) != NULL)
    user = sp_account_get_user (self->account);

  self->actor.user_id = user ? SP_ENTITY (user)->id : NULL;
  self->actor.display_name = user ? user->display_name : NULL;
  self->actor.roles = user ? user->roles : 0;

  if (self->notifier != NULL)
    sp_deadline_notifier_set_mine (self->notifier, self->actor.user_id,
                                   user ? user->unit_id : NULL);
}

static void
open_store (SpApplication *self)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;

  self->db_path = default_db_path ();
  dir = g_path_get_dirname (self->db_path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (&self->store_error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (errsv));
      return;
    }

  self->store = sp_store_open (self->db_path, &error);
  if (self->store != NULL)
    self->user = ensure_local_user (self->store, &error);

  if (error != NULL)
    {
      g_clear_object (&self->store);
      g_clear_object (&self->user);
      self->store_error = g_steal_pointer (&error);
      return;
    }

  self->worker = sp_store_worker_new (self->db_path);
  self->notifier = sp_deadline_notifier_new (G_APPLICATION (self), self->worker,
                                            self->settings);

  /* A server configured before: sign in again with the kept token and sync
   * in the background. Without one this does nothing. */
  self->account = sp_account_new (self->settings, self->db_path);
  g_signal_connect_object (self->account, "notify::user", G_CALLBACK (update_actor), self,
                           G_CONNECT_SWAPPED);
  update_actor (self);
  sp_account_restore (self->account);
}

/* Held, the application runs on without a window: deadlines are still
 * announced and changes synced. */
static void
run_in_background_changed (SpApplication *self)
{
  gboolean wanted = g_settings_get_boolean (self->settings, "run-in-background");

  if (wanted == self->held)
    return;
  if (wanted)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
  self->held = wanted;
}

static void
style_variant_changed (SpApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  switch (g_settings_get_enum (self->settings, "style-variant"))
    {
    case 1:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
      break;

    case 2:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
      break;

    default:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
      break;
    }
}

static void
sp_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  SpApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close the windows first so that they save their state. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static void
sp_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  SpApplication *self = user_data;
  static const char *developers[] = { "The Synpunkt developers", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-name", "Synpunkt",
                        "application-icon", APP_ID,
                        "developer-name", _("The Synpunkt developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Handle residents’ feedback and complaints, from intake "
                                      "to answer, by the routines of a Swedish city district "
                                      "administration."),
                        "website", "https://synpunkt.se/",
                        "developers", developers,
                        /* Translators: put your names here, one a line */
                        "translator-credits", _("translator-credits"),
                        "copyright", "© 2026 The Synpunkt developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
show_preferences (SpApplication *self,
                  gboolean       on_server_page)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences = sp_preferences_window_new (self, window);

  if (on_server_page)
    sp_preferences_window_show_server (SP_PREFERENCES_WINDOW (preferences));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
sp_application_preferences_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  show_preferences (user_data, FALSE);
}

/* Preferences, on the page where one logs in to the server. */
static void
sp_application_log_in_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  show_preferences (user_data, TRUE);
}

static void
sp_application_help_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  SpApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_show_uri (window, "help:synpunkt", GDK_CURRENT_TIME);
}

/* From a notification about one case. */
static void
sp_application_show_case_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  SpApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store == NULL)
    return;
  if (window == NULL)
    window = GTK_WINDOW (sp_window_new (self));
  sp_window_show_case (SP_WINDOW (window), g_variant_get_string (parameter, NULL));
  gtk_window_present (window);
}

static const GActionEntry app_actions[] = {
  { "quit", sp_application_quit_action },
  { "about", sp_application_about_action },
  { "preferences", sp_application_preferences_action },
  { "log-in", sp_application_log_in_action },
  { "help", sp_application_help_action },
  { "show-case", sp_application_show_case_action, "s" },
};

static void
sp_application_startup (GApplication *application)
{
  SpApplication *self = SP_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (sp_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);

  self->settings = g_settings_new ("se.synpunkt.Synpunkt");
  g_signal_connect_object (self->settings, "changed::style-variant",
                           G_CALLBACK (style_variant_changed), self, G_CONNECT_SWAPPED);
  style_variant_changed (self);
  g_signal_connect_object (self->settings, "changed::run-in-background",
                           G_CALLBACK (run_in_background_changed), self, G_CONNECT_SWAPPED);
  run_in_background_changed (self);

  open_store (self);
}

static void
sp_application_activate (GApplication *application)
{
  SpApplication *self = SP_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (sp_window_new (self));

  gtk_window_present (window);
}

static int
sp_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  SpApplication *self = SP_APPLICATION (application);
  const char *demo = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("synpunkt %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* A string, not G_OPTION_ARG_INT: GApplication drops an int option that
   * equals its default (0), so "--demo 0" could not be refused. */
  if (g_variant_dict_lookup (options, "demo", "&s", &demo))
    {
      guint64 n = 0;

      if (!g_ascii_string_to_unsigned (demo, 10, 1, 1000000, &n, NULL))
        {
          g_printerr (_("--demo needs a number of cases between 1 and 1000000, not “%s”\n"),
                      demo);
          return 1;
        }
      self->demo_request = (guint) n;
    }

  return -1;
}

static void
sp_application_dispose (GObject *object)
{
  SpApplication *self = SP_APPLICATION (object);

  g_clear_object (&self->account);
  g_clear_object (&self->notifier);
  g_clear_object (&self->worker);
  g_clear_object (&self->user);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (sp_application_parent_class)->dispose (object);
}

static void
sp_application_class_init (SpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sp_application_dispose;
  app_class->startup = sp_application_startup;
  app_class->activate = sp_application_activate;
  app_class->handle_local_options = sp_application_handle_local_options;
}

static void
sp_application_init (SpApplication *self)
{
  static const GOptionEntry options[] = {
    { "demo", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Fill an empty database with N demo cases before showing the window"), N_("N") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

SpApplication *
sp_application_new (GApplicationFlags flags)
{
  return g_object_new (SP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       "resource-base-path", "/se/synpunkt/Synpunkt",
                       NULL);
}

SpStore *
sp_application_get_store (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);

  return self->store;
}

const SpActor *
sp_application_get_actor (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);

  return self->user != NULL ? &self->actor : NULL;
}

SpUser *
sp_application_get_user (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);

  return self->user;
}

SpUser *
sp_application_get_current_user (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);

  if (self->account != NULL && sp_account_get_user (self->account) != NULL)
    return sp_account_get_user (self->account);

  return self->user;
}

SpStoreWorker *
sp_application_get_worker (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);

  return self->worker;
}

SpAccount *
sp_application_get_account (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);

  return self->account;
}

const char *
sp_application_get_db_path (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);

  return self->db_path;
}

GSettings *
sp_application_get_settings (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);

  return self->settings;
}

const GError *
sp_application_get_store_error (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);

  return self->store_error;
}

gboolean
sp_application_set_user_unit (SpApplication  *self,
                              const char     *unit_id,
                              GError        **error)
{
  g_autoptr(SpUser) copy = NULL;

  g_return_val_if_fail (SP_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (g_strcmp0 (self->user->unit_id, unit_id) == 0)
    return TRUE;

  /* Edit a copy so that a failed save leaves the user as it was. */
  copy = sp_entity_copy (SP_ENTITY (self->user));
  g_free (copy->unit_id);
  copy->unit_id = g_strdup (unit_id);

  if (!sp_store_save (self->store, SP_ENTITY (copy), SP_SAVE_DEFAULT, self->actor.user_id, error))
    return FALSE;

  g_set_object (&self->user, copy);
  update_actor (self);

  return TRUE;
}

guint
sp_application_take_demo_request (SpApplication *self)
{
  guint n;

  g_return_val_if_fail (SP_IS_APPLICATION (self), 0);

  n = self->demo_request;
  self->demo_request = 0;

  return n;
}

/* The unit with the most open cases, so that "My cases" has something to
 * show in the demo. */
static char *
busiest_unit (SpStore *store)
{
  sqlite3_stmt *stmt;
  char *unit_id = NULL;

  stmt = sp_store_prepare (store,
                           "SELECT unit_id FROM cases "
                           "WHERE unit_id IS NOT NULL AND deleted = 0 "
                           "AND status NOT IN ('closed', 'forwarded_elsewhere', 'other_routine') "
                           "GROUP BY unit_id ORDER BY count(*) DESC, unit_id LIMIT 1",
                           NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    unit_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return unit_id;
}

typedef struct
{
  gboolean  filled;
  char     *unit_id;   /* the busiest unit, or NULL */
} DemoFill;

static void
demo_fill_free (gpointer p)
{
  DemoFill *fill = p;

  g_free (fill->unit_id);
  g_free (fill);
}

/* Runs in the store worker's thread. */
static gpointer
fill_demo (SpStore       *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  guint n_cases = GPOINTER_TO_UINT (data);
  DemoFill *fill = g_new0 (DemoFill, 1);
  SpCaseQuery query;
  gint64 count;

  sp_case_query_init (&query);
  if ((count = sp_store_count_cases (store, &query, error)) < 0)
    return (demo_fill_free (fill), NULL);

  /* Never mix demo cases into real ones. */
  if (count > 0)
    return fill;

  if (!sp_demo_populate (store, n_cases, DEMO_SEED, error))
    return (demo_fill_free (fill), NULL);

  fill->filled = TRUE;
  fill->unit_id = busiest_unit (store);
  return fill;
}

static void
on_demo_filled (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  DemoFill *fill;

  if ((fill = sp_store_worker_run_finish (SP_STORE_WORKER (source), result, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, fill, demo_fill_free);
}

void
sp_application_fill_demo_async (SpApplication       *self,
                                guint                n_cases,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SP_IS_APPLICATION (self));
  g_return_if_fail (self->worker != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_application_fill_demo_async);
  sp_store_worker_run_async (self->worker, fill_demo, GUINT_TO_POINTER (n_cases), NULL,
                             demo_fill_free, cancellable, on_demo_filled,
                             g_steal_pointer (&task));
}

gboolean
sp_application_fill_demo_finish (SpApplication  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  DemoFill *fill;
  gboolean filled;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if ((fill = g_task_propagate_pointer (G_TASK (result), error)) == NULL)
    return FALSE;

  /* The local user works in the demo's busiest unit, unless they chose a
   * unit already. */
  if (fill->unit_id != NULL && self->user != NULL && self->user->unit_id == NULL &&
      !sp_application_set_user_unit (self, fill->unit_id, &local_error))
    g_warning ("Could not set the demo unit: %s", local_error->message);

  filled = fill->filled;
  demo_fill_free (fill);
  return filled;
}
