/* main.c: synpunkt-server, the shared server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "sp-admin.h"
#include "sp-audit.h"
#include "sp-audit-key.h"
#include "sp-auth.h"
#include "sp-public.h"
#include "sp-routes.h"
#include "sp-server.h"
#include "sp-server-schema.h"

static gboolean
on_signal (gpointer user_data)
{
  GMainLoop *loop = user_data;

  g_message ("Shutting down");
  g_main_loop_quit (loop);
  return G_SOURCE_CONTINUE;
}

/* The head written out now and then, and at shutdown, so that rows cut
 * off the end of the log show; the journal gets each one too, out of
 * reach of whoever can write the head file. */
typedef struct
{
  SpStore *store;
  char    *path;
  gint64   written;   /* the row count last written */
} HeadWriter;

static void
write_head (HeadWriter *writer,
            gboolean    always)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  gint64 rows = 0;

  if (!sp_audit_get_last (writer->store, &rows, &hash, &error))
    {
      g_warning ("Cannot read the audit log's head: %s", error->message);
      return;
    }
  if (rows == writer->written && !always)
    return;
  if (!sp_audit_head_write (writer->store, writer->path, &rows, &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  writer->written = rows;
  g_message ("Audit log: %" G_GINT64_FORMAT " rows, head %s", rows, hash);
}

static gboolean
on_head_timer (gpointer user_data)
{
  write_head (user_data, FALSE);
  return G_SOURCE_CONTINUE;
}

/* A log behind its head file has lost rows at the end (or is an old copy
 * put back by hand): refuse to add to it. */
static gboolean
check_head (HeadWriter  *writer,
            GError     **error)
{
  g_autoptr(SpAuditHead) head = NULL;
  g_autoptr(GError) local_error = NULL;

  head = sp_audit_head_read (writer->path, &local_error);
  if (head == NULL && g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_message ("No audit head file %s yet: writing one", writer->path);
      return TRUE;
    }
  if (head == NULL || !sp_audit_head_check (writer->store, head, &local_error))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_CORRUPT,
                   "%s. Run `synpunkt-server audit verify`; to serve a backup, put it in place "
                   "with `synpunkt-server restore`", local_error->message);
      return FALSE;
    }
  writer->written = head->rows;
  return TRUE;
}

static void
print_routes (void)
{
  guint n_routes;
  const SpRoute *routes = sp_routes_get_all (&n_routes);

  for (guint i = 0; i < n_routes; i++)
    g_print ("%s %s\n", routes[i].method, routes[i].path);
  sp_public_print_routes ();
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *config_path = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *db = NULL;
  g_autofree char *tls_cert = NULL;
  g_autofree char *tls_key = NULL;
  gint64 session_lifetime = 0;
  g_autofree char *audit_key = NULL;
  g_autofree char *audit_head = NULL;
  HeadWriter head_writer = { 0 };
  guint head_timer = 0;
  gboolean list_routes = FALSE;
  gboolean version = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpServerConfig) config = sp_server_config_new ();
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *uri = NULL;
  GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &config_path, "The configuration file", "FILE" },
    { "listen", 'l', 0, G_OPTION_ARG_STRING, &listen, "Address to listen on (port 0: any free port)", "HOST:PORT" },
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db, "The database", "PATH" },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &tls_cert, "TLS certificate (PEM) for HTTPS", "FILE" },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key, "TLS private key (PEM)", "FILE" },
    { "session-lifetime", 0, 0, G_OPTION_ARG_INT64, &session_lifetime, "Seconds a login lasts", "SECONDS" },
    { "audit-key", 0, 0, G_OPTION_ARG_FILENAME, &audit_key, "The audit log's key (default: audit.key beside the configuration file or the database)", "FILE" },
    { "audit-head", 0, 0, G_OPTION_ARG_FILENAME, &audit_head, "The audit log's head file (default: the database's path with .audit-head)", "FILE" },
    { "list-routes", 0, 0, G_OPTION_ARG_NONE, &list_routes, "Print the API's routes and exit", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, "Print the version and exit", NULL },
    { NULL }
  };

  /* A client that hangs up, or a closed stdout, is not a reason to die. */
  signal (SIGPIPE, SIG_IGN);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1 && sp_admin_is_command (argv[1]))
    return sp_admin_run (argc, argv);

  context = g_option_context_new ("— the Synpunkt server");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (context,
    "Admin commands:\n"
    "  init --db PATH [--org-name NAME] [--diary-prefix PREFIX] [--config FILE]\n"
    "  user add --db PATH --username U --role ROLE [--role ROLE…] [--unit UNIT] --password-stdin\n"
    "  backup --db PATH FILE\n"
    "  export --db PATH [FILE]\n"
    "  import --db PATH FILE\n"
    "  audit verify --db PATH [--audit-key FILE] [--audit-head FILE]\n"
    "  restore --db PATH FILE\n"
    "  demo --db PATH [--cases N] [--seed N] --password-stdin\n"
    "  open311-key add|list|revoke --db PATH [--name CLIENT]\n"
    "  retention run --db PATH [--config FILE] [--dry-run]\n");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("synpunkt-server: %s\n", error->message);
      return 2;
    }

  if (version)
    {
      g_print ("synpunkt-server %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (list_routes)
    {
      print_routes ();
      return 0;
    }

  if (config_path && !sp_server_config_load_file (config, config_path, &error))
    goto fail;
  if (listen && !sp_server_config_set_listen (config, listen, &error))
    goto fail;
  if (db)
    {
      g_free (config->db_path);
      config->db_path = g_strdup (db);
    }
  if (tls_cert)
    {
      g_free (config->tls_cert);
      config->tls_cert = g_strdup (tls_cert);
    }
  if (tls_key)
    {
      g_free (config->tls_key);
      config->tls_key = g_strdup (tls_key);
    }
  if (session_lifetime > 0)
    config->session_lifetime_sec = session_lifetime;
  if (audit_key)
    {
      g_free (config->audit_key);
      config->audit_key = g_strdup (audit_key);
    }
  if (audit_head)
    {
      g_free (config->audit_head);
      config->audit_head = g_strdup (audit_head);
    }

  if (config->db_path == NULL)
    {
      g_printerr ("synpunkt-server: give --db PATH or a configuration file with [server] db\n");
      return 2;
    }

  if (!sp_auth_init (&error))
    goto fail;

  {
    g_autofree char *key_path = sp_server_config_dup_audit_key (config);

    /* Without the key nothing could be recorded: refuse to serve. */
    if (!sp_audit_key_load (key_path, &error))
      goto fail;
  }

  store = sp_server_store_open (config->db_path, &error);
  if (store == NULL)
    goto fail;
  head_writer.store = store;
  head_writer.path = sp_server_config_dup_audit_head (config);
  if (!check_head (&head_writer, &error) ||
      !sp_server_config_apply (config, store, &error))
    {
      g_free (head_writer.path);
      goto fail;
    }
  write_head (&head_writer, TRUE);

  /* Handle SIGTERM before anyone can know we are up. */
  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, on_signal, loop);
  g_unix_signal_add (SIGINT, on_signal, loop);

  server = sp_server_new (config, store);
  if (!sp_server_listen (server, &error))
    goto fail;

  head_timer = g_timeout_add_seconds (config->audit_head_interval_sec, on_head_timer, &head_writer);

  uri = sp_server_dup_uri (server);
  if (uri != NULL && g_str_has_suffix (uri, "/"))
    uri[strlen (uri) - 1] = '\0';
  /* Tests and scripts read this line to learn the port. */
  g_print ("listening on %s\n", uri ? uri : "?");
  fflush (stdout);

  g_main_loop_run (loop);

  sp_server_disconnect (server);
  g_clear_handle_id (&head_timer, g_source_remove);
  write_head (&head_writer, FALSE);
  g_free (head_writer.path);
  g_clear_object (&server);
  g_clear_object (&store);
  return 0;

fail:
  g_printerr ("synpunkt-server: %s\n", error->message);
  return 1;
}
