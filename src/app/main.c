/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <locale.h>

#include "sp-application.h"

/* Run from the build tree (as build-aux/run.sh does), the program uses the
 * GSettings schema and the translations meson compiled there, since
 * nothing is installed yet. */
static gboolean
running_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *prefix = g_strconcat (SP_BUILD_DIR, G_DIR_SEPARATOR_S, NULL);

  return exe != NULL && g_str_has_prefix (exe, prefix);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SpApplication) app = NULL;
  g_autofree char *build_po = NULL;
  const char *localedir = LOCALEDIR;

  if (running_uninstalled ())
    {
      g_autofree char *schemas = g_build_filename (SP_BUILD_DIR, "data", NULL);
      const char *current = g_getenv ("GSETTINGS_SCHEMA_DIR");

      if (current == NULL || *current == '\0')
        g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
      else if (strstr (current, schemas) == NULL)
        {
          g_autofree char *both = g_strconcat (schemas, G_SEARCHPATH_SEPARATOR_S, current, NULL);
          g_setenv ("GSETTINGS_SCHEMA_DIR", both, TRUE);
        }

      build_po = g_build_filename (SP_BUILD_DIR, "po", NULL);
      localedir = build_po;
    }

  /* SYNPUNKT_LOCALEDIR points at other catalogues (tests, screenshots). */
  if (g_getenv ("SYNPUNKT_LOCALEDIR") != NULL)
    localedir = g_getenv ("SYNPUNKT_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = sp_application_new (G_APPLICATION_DEFAULT_FLAGS);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
