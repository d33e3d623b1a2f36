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


struct _SpApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *db_path;
  GError         *store_error;
  SpStoreWorker  *worker;
  SpDeadlineNotifier *notifier;
  gboolean        held;
  SpAccount      *account;
  SpContext      *context;
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

static void
update_mine (SpApplication *self)
{
  SpUser *user = sp_context_get_current_user (self->context);

  if (self->notifier != NULL)
    sp_deadline_notifier_set_mine (self->notifier,
                                   user ? SP_ENTITY (user)->id : NULL,
                                   user ? user->unit_id : NULL,
                                   user && (user->roles & SP_ROLE_BIT (SP_ROLE_PROCUREMENT)));
}

static void
open_store (SpApplication *self)
{
  g_autofree char *dir = NULL;

  self->db_path = default_db_path ();
  dir = g_path_get_dirname (self->db_path);

  /* Everything the app reads and writes goes through this worker, off the
   * main thread; the local user and the reference data are its first
   * jobs. */
  self->worker = sp_store_worker_new (self->db_path);
  self->account = sp_account_new (self->settings, self->db_path);
  self->context = sp_context_new (self->worker, self->account, self->settings, self->db_path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (&self->store_error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (errsv));
      return;
    }

  self->notifier = sp_deadline_notifier_new (G_APPLICATION (self), self->worker,
                                            self->settings);
  g_signal_connect_object (self->context, "notify::current-user", G_CALLBACK (update_mine),
                           self, G_CONNECT_SWAPPED);

  /* A server configured before: sign in again with the kept token and sync
   * in the background. Without one this does nothing. */
  sp_context_start (self->context);
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
  GtkWidget *preferences;

  if (self->context == NULL)
    return;
  preferences = sp_preferences_window_new (self->context, window);

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

/* Without a help viewer GTK only says "Operation not supported": say
 * what is missing, in words. */
static void
help_shown_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GtkWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (gtk_show_uri_full_finish (window, result, &error))
    return;

  g_debug ("Could not show the help: %s", error->message);
  dialog = adw_message_dialog_new (window, _("The Help Could Not Be Opened"),
                                   _("No help viewer is installed on this computer. Ask your "
                                     "administrator to install “Help” (the yelp package); the "
                                     "user guide then opens with F1."));
  gtk_widget_set_name (dialog, "help-missing-dialog");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sp_application_help_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  SpApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_show_uri_full (window, "help:synpunkt", GDK_CURRENT_TIME, NULL, help_shown_cb,
                     window ? g_object_ref (window) : NULL);
}

/* From a notification about one case. */
static void
sp_application_show_case_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  SpApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store_error != NULL)
    return;
  if (window == NULL)
    window = GTK_WINDOW (sp_window_new (GTK_APPLICATION (self), self->context, NULL));
  sp_window_show_case (SP_WINDOW (window), g_variant_get_string (parameter, NULL));
  gtk_window_present (window);
}

/* From a notification about a provider's late account: the contract
 * issue (its id) on procurement's page. */
static void
sp_application_show_contract_issue_action (GSimpleAction *action,
                                           GVariant      *parameter,
                                           gpointer       user_data)
{
  SpApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store_error != NULL)
    return;
  if (window == NULL)
    window = GTK_WINDOW (sp_window_new (GTK_APPLICATION (self), self->context, NULL));
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.show-contract-issue", parameter);
  gtk_window_present (window);
}

static const GActionEntry app_actions[] = {
  { "quit", sp_application_quit_action },
  { "about", sp_application_about_action },
  { "preferences", sp_application_preferences_action },
  { "log-in", sp_application_log_in_action },
  { "help", sp_application_help_action },
  { "show-case", sp_application_show_case_action, "s" },
  { "show-contract-issue", sp_application_show_contract_issue_action, "s" },
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
    {
      SpWindow *main_window = sp_window_new (GTK_APPLICATION (self), self->context,
                                             self->store_error);

      sp_window_request_demo (main_window, sp_application_take_demo_request (self));
      window = GTK_WINDOW (main_window);
    }

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

  g_clear_object (&self->context);
  g_clear_object (&self->account);
  g_clear_object (&self->notifier);
  g_clear_object (&self->worker);
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

SpContext *
sp_application_get_context (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);

  return self->context;
}

const SpActor *
sp_application_get_actor (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);

  return self->context != NULL ? sp_context_get_actor (self->context) : NULL;
}

SpUser *
sp_application_get_user (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);

  return self->context != NULL ? sp_context_get_local_user (self->context) : NULL;
}

SpUser *
sp_application_get_current_user (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);

  return self->context != NULL ? sp_context_get_current_user (self->context) : NULL;
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

  if (self->store_error != NULL)
    return self->store_error;

  return self->context != NULL ? sp_context_get_error (self->context) : NULL;
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
