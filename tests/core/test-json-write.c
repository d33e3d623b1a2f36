/* test-json-write.c: the text writer gives what sp_json_encode() gives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-test-util.h"

static void
assert_same_as_encode (SpEntity          *entity,
                       SpJsonEncodeFlags  flags)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JsonNode) expected = sp_json_encode (entity, flags);
  g_autoptr(JsonNode) written = NULL;
  g_autoptr(GError) error = NULL;

  sp_json_write_entity (text, entity, flags);
  written = sp_json_parse (text->str, text->len, SP_JSON_MAX_DEPTH, &error);
  g_assert_no_error (error);
  if (!json_node_equal (expected, written))
    {
      g_autofree char *want = sp_json_to_string (expected, FALSE);

      g_error ("%s written as\n%s\nnot as\n%s", sp_entity_get_info (entity)->name, text->str, want);
    }
}

static void
test_every_entity (void)
{
  guint n;
  GType *types = sp_test_entity_types (&n);

  for (guint t = 0; t < n; t++)
    {
      g_autoptr(SpEntity) empty = sp_entity_new (types[t]);
      g_autoptr(SpEntity) full = sp_entity_new (types[t]);

      sp_test_fill_entity (full, t);
      assert_same_as_encode (empty, SP_JSON_ENCODE_DEFAULT);
      assert_same_as_encode (empty, SP_JSON_ENCODE_REDACT_PERSONAL);
      assert_same_as_encode (full, SP_JSON_ENCODE_DEFAULT);
      assert_same_as_encode (full, SP_JSON_ENCODE_REDACT_PERSONAL);
    }
}

static void
test_strings (void)
{
  static const char * const texts[] = {
    "", "\"", "\\", "\\\"", "a\"b\\c", "rad 1\nrad 2\r\n\ttabb", "\b\f\x01\x1f\x7f",
    "åäö ÅÄÖ é ü", "emoji 😀 och ‘citat’", "\u2028\u2029", "</script>", "null",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;

      sp_json_write_string (out, texts[i]);
      node = sp_json_parse (out->str, out->len, SP_JSON_MAX_DEPTH, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (json_node_get_string (node), ==, texts[i]);
    }

  {
    g_autoptr(GString) out = g_string_new (NULL);

    sp_json_write_string (out, NULL);
    g_assert_cmpstr (out->str, ==, "null");
  }
}

/* Real records of every kind the demo district has, as the feed sends them. */
static void
test_demo_records (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(GError) error = NULL;
  guint n, total = 0;
  GType *types = sp_test_entity_types (&n);

  g_assert_true (sp_demo_populate (store, 300, 7, &error));
  g_assert_no_error (error);

  for (guint t = 0; t < n; t++)
    {
      g_autoptr(GPtrArray) all = sp_store_load_changes (store, types[t], 0, G_MAXUINT, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < all->len; i++)
        {
          assert_same_as_encode (all->pdata[i], SP_JSON_ENCODE_DEFAULT);
          assert_same_as_encode (all->pdata[i], SP_JSON_ENCODE_REDACT_PERSONAL);
        }
      total += all->len;
    }

  g_assert_cmpuint (total, >, 1000);
  g_clear_object (&store);
  sp_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-write/every-entity", test_every_entity);
  g_test_add_func ("/json-write/strings", test_strings);
  g_test_add_func ("/json-write/demo-records", test_demo_records);

  return g_test_run ();
}
