/* bench-json-read.c: decoding a change feed, through JsonNode and streaming
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures and asserts nothing: meson test --suite bench. Builds a
 * demo district (the first argument is the number of cases, 5000 unless
 * given), writes every record of every type as one feed-like page, and
 * times (a) sp_json_parse() and sp_json_decode_new() per record against
 * (b) the streaming reader, sp_json_read_entity() per record.
 */

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "synpunkt-core.h"
#include "sp-json-read.h"

#define REPEATS 5

typedef GType (*TypeFunc) (void);

static const TypeFunc type_funcs[] = {
  sp_case_get_type,
  sp_case_event_get_type,
  sp_unit_get_type,
  sp_user_get_type,
  sp_provider_get_type,
  sp_category_get_type,
  sp_investigation_get_type,
  sp_planned_action_get_type,
  sp_letter_get_type,
  sp_disclosure_request_get_type,
  sp_contract_issue_get_type,
};

static GType
type_for_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_funcs); i++)
    if (strcmp (sp_entity_info_for_type (type_funcs[i] ())->name, name) == 0)
      return type_funcs[i] ();

  return G_TYPE_INVALID;
}

static double
seconds_since (gint64 start)
{
  return (double)(g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

static char *
build_page (SpStore *store,
            guint   *n_records)
{
  GString *page = g_string_new ("{\"changes\":[");

  *n_records = 0;

  for (guint t = 0; t < G_N_ELEMENTS (type_funcs); t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = sp_store_load_changes (store, type_funcs[t] (), 0, G_MAXUINT,
                                                            &error);

      if (records == NULL)
        g_error ("%s", error->message);

      for (guint i = 0; i < records->len; i++)
        {
          SpEntity *entity = g_ptr_array_index (records, i);
          g_autoptr(JsonNode) node = sp_json_encode (entity, SP_JSON_ENCODE_DEFAULT);
          g_autofree char *record = sp_json_to_string (node, FALSE);

          g_string_append_printf (page, "%s{\"entity\":\"%s\",\"id\":\"%s\",\"rev\":%" G_GINT64_FORMAT
                                  ",\"deleted\":%s,\"record\":%s}",
                                  *n_records > 0 ? "," : "", sp_entity_get_info (entity)->name,
                                  entity->id, entity->rev, entity->deleted ? "true" : "false",
                                  record);
          (*n_records)++;
        }
    }

  g_string_append (page, "]}");
  return g_string_free (page, FALSE);
}

/* (a) the tree: parse the page, then decode each record's node. */
static guint
decode_with_nodes (const char *page,
                   gsize       length,
                   double     *parse_seconds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  gint64 start = g_get_monotonic_time ();
  JsonArray *changes;
  guint n = 0;

  if (!(root = sp_json_parse (page, length, SP_JSON_MAX_DEPTH, &error)))
    g_error ("%s", error->message);
  *parse_seconds = seconds_since (start);

  changes = json_object_get_array_member (json_node_get_object (root), "changes");
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      GType type = type_for_name (json_object_get_string_member (change, "entity"));
      g_autoptr(SpEntity) entity = NULL;

      entity = sp_json_decode_new (type, json_object_get_member (change, "record"),
                                   SP_JSON_DECODE_FULL, &error);
      if (entity == NULL)
        g_error ("%s", error->message);
      n++;
    }

  return n;
}

/* (b) the reader: straight from the text. */
static guint
decode_with_reader (const char *page,
                    gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_auto(SpJsonReader) reader = { 0 };
  const char *name;
  gboolean more;
  guint n = 0;

  sp_json_reader_init (&reader, page, length, SP_JSON_MAX_DEPTH);

  if (!sp_json_reader_enter_object (&reader, &error) ||
      !sp_json_reader_next_member (&reader, &name, &error) ||
      !sp_json_reader_enter_array (&reader, &error))
    g_error ("%s", error->message);

  while (sp_json_reader_next_element (&reader, &more, &error) && more)
    {
      GType type = G_TYPE_INVALID;

      if (!sp_json_reader_enter_object (&reader, &error))
        break;

      while (sp_json_reader_next_member (&reader, &name, &error) && name != NULL)
        {
          if (strcmp (name, "entity") == 0)
            {
              const char *value;

              if (!sp_json_reader_read_string (&reader, &value, &error))
                break;
              type = type_for_name (value);
            }
          else if (strcmp (name, "record") == 0)
            {
              g_autoptr(SpEntity) entity = sp_json_read_entity_new (&reader, type,
                                                                    SP_JSON_DECODE_FULL,
                                                                    &error);

              if (entity == NULL)
                break;
              n++;
            }
          else if (!sp_json_reader_skip (&reader, NULL, NULL, &error))
            break;
        }
      if (error != NULL)
        break;
    }

  if (error == NULL)
    {
      sp_json_reader_next_member (&reader, &name, &error);
      sp_json_reader_end (&reader, &error);
    }
  if (error != NULL)
    g_error ("%s", error->message);

  return n;
}

/* (c) the reader's scanner alone: every value checked, nothing decoded. */
static void
scan_with_reader (const char *page,
                  gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_auto(SpJsonReader) reader = { 0 };

  sp_json_reader_init (&reader, page, length, SP_JSON_MAX_DEPTH);
  if (!sp_json_reader_skip (&reader, NULL, NULL, &error) || !sp_json_reader_end (&reader, &error))
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *page = NULL;
  guint n_cases = argc > 1 ? (guint)strtoul (argv[1], NULL, 10) : 5000;
  double best_parse = G_MAXDOUBLE, best_nodes = G_MAXDOUBLE;
  double best_reader = G_MAXDOUBLE, best_scan = G_MAXDOUBLE;
  guint n_records;
  gsize length;
  gint64 start;

  setlocale (LC_ALL, "C.UTF-8");

  if (!(dir = g_dir_make_tmp ("synpunkt-bench-XXXXXX", &error)))
    g_error ("%s", error->message);
  path = g_build_filename (dir, "bench.db", NULL);
  if (!(store = sp_store_open (path, &error)))
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  if (!sp_demo_populate (store, n_cases, 42, &error))
    g_error ("%s", error->message);
  printf ("demo: %u cases in %.2f s\n", n_cases, seconds_since (start));

  page = build_page (store, &n_records);
  length = strlen (page);
  printf ("page: %u records, %.1f MB, %.0f bytes per record\n", n_records,
          length / 1e6, (double)length / n_records);

  for (guint i = 0; i < REPEATS; i++)
    {
      double parse;
      double elapsed;

      start = g_get_monotonic_time ();
      if (decode_with_nodes (page, length, &parse) != n_records)
        g_error ("JsonNode path lost records");
      elapsed = seconds_since (start);
      best_parse = MIN (best_parse, parse);
      best_nodes = MIN (best_nodes, elapsed);

      start = g_get_monotonic_time ();
      if (decode_with_reader (page, length) != n_records)
        g_error ("reader lost records");
      best_reader = MIN (best_reader, seconds_since (start));

      start = g_get_monotonic_time ();
      scan_with_reader (page, length);
      best_scan = MIN (best_scan, seconds_since (start));
    }

  printf ("best of %d, per record:\n", REPEATS);
  printf ("  (a) sp_json_parse + sp_json_decode_new  %6.2f µs  (parse %.2f, decode %.2f)\n",
          best_nodes * 1e6 / n_records, best_parse * 1e6 / n_records,
          (best_nodes - best_parse) * 1e6 / n_records);
  printf ("  (b) SpJsonReader + sp_json_read_entity  %6.2f µs  (%.1f× as fast)\n",
          best_reader * 1e6 / n_records, best_nodes / best_reader);
  printf ("  (c) SpJsonReader, checking only         %6.2f µs  (%.0f MB/s)\n",
          best_scan * 1e6 / n_records, length / best_scan / 1e6);

  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }

  return 0;
}
