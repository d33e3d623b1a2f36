/* test-server-openapi.c: data/openapi.yaml parses and documents exactly
 * the routes the server registers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#ifdef HAVE_LIBYAML
#include <yaml.h>
#endif

#include "sp-test-server.h"

static char *
read_openapi (void)
{
  const char *path = g_getenv ("SYNPUNKT_OPENAPI");
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_nonnull (path);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* "METHOD PATH" for every route the document describes, read from its
 * layout: paths at two spaces under "paths:", methods at four. */
static GHashTable *
documented_routes (const char *text)
{
  GHashTable *routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *current = NULL;
  gboolean in_paths = FALSE;
  static const char * const methods[] = { "get", "put", "post", "delete", "patch", "head", "options", NULL };

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];

      g_assert_null (strchr (line, '\t'));
      if (line[0] != ' ' && line[0] != '#' && line[0] != '\0')
        in_paths = g_str_equal (line, "paths:");
      if (!in_paths)
        continue;

      if (g_str_has_prefix (line, "  /") && g_str_has_suffix (line, ":"))
        {
          g_free (current);
          current = g_strndup (line + 2, strlen (line) - 3);
        }
      else if (current && g_str_has_prefix (line, "    ") && line[4] != ' ')
        {
          g_autofree char *key = g_strndup (line + 4, strcspn (line + 4, ":"));

          if (g_strv_contains (methods, key))
            {
              g_autofree char *upper = g_ascii_strup (key, -1);
              g_hash_table_add (routes, g_strdup_printf ("%s %s", upper, current));
            }
        }
    }

  return routes;
}

static void
test_parses (void)
{
  g_autofree char *text = read_openapi ();

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (strstr (text, "openapi: "), "openapi: 3."));
  g_assert_nonnull (strstr (text, "\ninfo:\n"));
  g_assert_nonnull (strstr (text, "\npaths:\n"));
  g_assert_nonnull (strstr (text, "\ncomponents:\n"));

#ifdef HAVE_LIBYAML
  {
    yaml_parser_t parser;
    yaml_event_t event;
    gboolean done = FALSE;
    guint depth = 0;
    guint max_depth = 0;

    g_assert_true (yaml_parser_initialize (&parser));
    yaml_parser_set_input_string (&parser, (const unsigned char *) text, strlen (text));
    while (!done)
      {
        if (!yaml_parser_parse (&parser, &event))
          g_error ("openapi.yaml line %zu: %s", parser.problem_mark.line + 1, parser.problem);
        if (event.type == YAML_MAPPING_START_EVENT || event.type == YAML_SEQUENCE_START_EVENT)
          {
            depth++;
            max_depth = MAX (max_depth, depth);
          }
        else if (event.type == YAML_MAPPING_END_EVENT || event.type == YAML_SEQUENCE_END_EVENT)
          depth--;
        done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete (&event);
      }
    yaml_parser_delete (&parser);
    g_assert_cmpuint (depth, ==, 0);
    g_assert_cmpuint (max_depth, >, 3);
  }
#else
  g_test_message ("libyaml not found: checked the layout only");
#endif
}

static void
test_routes_documented (void)
{
  g_autofree char *text = read_openapi ();
  g_autoptr(GHashTable) documented = documented_routes (text);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_routes = 0;

  g_assert_cmpint (sp_test_run (NULL, &out, NULL, (const char *[]) { "--list-routes", NULL }), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (*lines[i] == '\0')
        continue;
      if (!g_hash_table_contains (documented, lines[i]))
        g_error ("The route “%s” is not in data/openapi.yaml", lines[i]);
      g_hash_table_remove (documented, lines[i]);
      n_routes++;
    }

  g_assert_cmpuint (n_routes, >=, 20);
  /* Nor does the document describe routes that do not exist. */
  if (g_hash_table_size (documented) > 0)
    {
      GList *left = g_hash_table_get_keys (documented);
      g_error ("data/openapi.yaml documents “%s”, which the server does not have", (char *) left->data);
    }
}

static void
test_references_resolve (void)
{
  g_autofree char *text = read_openapi ();
  const char *p = text;

  while ((p = strstr (p, "$ref: '#/components/")) != NULL)
    {
      const char *start = p + strlen ("$ref: '#/components/");
      const char *end = strchr (start, '\'');
      g_autofree char *target = g_strndup (start, end - start);
      g_auto(GStrv) parts = g_strsplit (target, "/", 2);
      g_autofree char *section = g_strdup_printf ("\n  %s:\n", parts[0]);
      g_autofree char *entry = g_strdup_printf ("\n    %s:\n", parts[1]);
      const char *in_section = strstr (text, section);

      g_assert_nonnull (in_section);
      if (strstr (in_section, entry) == NULL)
        g_error ("$ref to %s, which is not defined", target);
      p = end;
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/openapi/parses", test_parses);
  g_test_add_func ("/server/openapi/routes-documented", test_routes_documented);
  g_test_add_func ("/server/openapi/references-resolve", test_references_resolve);

  return g_test_run ();
}
