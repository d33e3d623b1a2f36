/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <locale.h>

#include "sp-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SpApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* SYNPUNKT_LOCALEDIR lets an uninstalled build use the catalogues meson
   * compiled into <build>/po. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SYNPUNKT_LOCALEDIR") ? g_getenv ("SYNPUNKT_LOCALEDIR")
                                                                   : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = sp_application_new (G_APPLICATION_DEFAULT_FLAGS);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
