/* fuzz-json.c: both JSON decoders on any bytes, held to the same answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks the kind of record and the decoding mode; the rest
 * is the JSON text. The tree decoder (json-glib, sp_json_parse and
 * sp_json_decode) and the streaming reader (sp_json_read_entity) must
 * agree on whether a record is accepted and, when it is, on the record:
 * both are encoded again and compared. Any crash, sanitizer report or
 * disagreement is a finding.
 */

#include <string.h>

#include "synpunkt-core.h"
#include "sp-json-read.h"
#include "sp-replica.h"

#include "fuzz-target.h"

static guint n_types;

static void
setup (void)
{
  if (n_types > 0)
    return;
  while (sp_entity_type_nth (n_types) != G_TYPE_INVALID)
    n_types++;
  /* Messages about bad input are expected by the thousand. */
  g_log_set_handler ("synpunkt-core", G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG,
                     g_log_default_handler, NULL);
}

static char *
encode (SpEntity *entity)
{
  g_autoptr(JsonNode) node = sp_json_encode (entity, SP_JSON_ENCODE_DEFAULT);

  return sp_json_to_string (node, FALSE);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) tree_error = NULL;
  g_autoptr(GError) reader_error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(SpEntity) from_tree = NULL;
  g_autoptr(SpEntity) from_reader = NULL;
  g_auto(SpJsonReader) reader = { 0 };
  const char *text;
  gsize length;
  GType type;
  SpJsonDecodeMode mode;

  setup ();
  if (size < 1)
    return 0;

  type = sp_entity_type_nth (data[0] % n_types);
  mode = (SpJsonDecodeMode) ((data[0] / n_types) % 3);
  text = (const char *) data + 1;
  length = size - 1;

  node = sp_json_parse (text, length, SP_JSON_MAX_DEPTH, &tree_error);
  if (node != NULL)
    from_tree = sp_json_decode_new (type, node, mode, &tree_error);

  sp_json_reader_init (&reader, text, length, SP_JSON_MAX_DEPTH);
  if (sp_json_reader_peek (&reader) == SP_JSON_TOKEN_OBJECT)
    {
      from_reader = sp_json_read_entity_new (&reader, type, mode, &reader_error);
      if (from_reader != NULL && !sp_json_reader_end (&reader, &reader_error))
        g_clear_object (&from_reader);
    }

  /* Only a text that parses as JSON is held to the comparison: the tree
   * path parses whole before it decodes, the reader decodes as it goes. */
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      if ((from_tree != NULL) != (from_reader != NULL))
        g_error ("The decoders disagree on a %s (mode %d): tree %s, reader %s",
                 g_type_name (type), mode,
                 from_tree ? "accepts" : tree_error->message,
                 from_reader ? "accepts" : (reader_error ? reader_error->message : "refuses"));

      if (from_tree != NULL)
        {
          g_autofree char *a = encode (from_tree);
          g_autofree char *b = encode (from_reader);

          if (g_strcmp0 (a, b) != 0)
            g_error ("The decoders read a %s differently:\n%s\n%s", g_type_name (type), a, b);
        }
    }

  return 0;
}
