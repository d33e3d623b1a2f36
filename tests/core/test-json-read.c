/* test-json-read.c: the streaming reader, against the JsonNode path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-util.h"
#include "sp-json-read.h"

#define VALID_FIELDS "\"kind\":\"complaint\",\"channel\":\"email\",\"received_on\":\"2025-03-03\""
#define VALID_CASE VALID_FIELDS ",\"subject\":\"s\""

/* Helpers */

static GType
type_for_name (const char *name)
{
  guint n;
  GType *types = sp_test_entity_types (&n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (sp_entity_info_for_type (types[i])->name, name) == 0)
      return types[i];

  return G_TYPE_INVALID;
}

static void
append_change (GString  *page,
               SpEntity *entity)
{
  g_autoptr(JsonNode) node = sp_json_encode (entity, SP_JSON_ENCODE_DEFAULT);
  g_autofree char *record = sp_json_to_string (node, FALSE);

  g_string_append_printf (page, "%s{\"entity\":\"%s\",\"id\":\"%s\",\"rev\":%" G_GINT64_FORMAT
                          ",\"deleted\":%s,\"record\":%s}",
                          page->str[page->len - 1] == '[' ? "" : ",",
                          sp_entity_get_info (entity)->name, entity->id, entity->rev,
                          entity->deleted ? "true" : "false", record);
}

/* Reads a feed page with the reader's API, decoding each record. */
static GPtrArray *
read_page (const char  *text,
           gsize        length,
           GError     **error)
{
  g_auto(SpJsonReader) reader = { 0 };
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  sp_json_reader_init (&reader, text, length, SP_JSON_MAX_DEPTH);

  if (!sp_json_reader_enter_object (&reader, error))
    return NULL;

  while (sp_json_reader_next_member (&reader, &name, error) && name != NULL)
    {
      gboolean more;

      if (strcmp (name, "changes") != 0)
        {
          if (!sp_json_reader_skip (&reader, NULL, NULL, error))
            return NULL;
          continue;
        }

      if (!sp_json_reader_enter_array (&reader, error))
        return NULL;

      while (sp_json_reader_next_element (&reader, &more, error) && more)
        {
          GType type = G_TYPE_INVALID;

          if (!sp_json_reader_enter_object (&reader, error))
            return NULL;

          while (sp_json_reader_next_member (&reader, &name, error) && name != NULL)
            {
              if (strcmp (name, "entity") == 0)
                {
                  const char *value;

                  if (!sp_json_reader_read_string (&reader, &value, error))
                    return NULL;
                  type = type_for_name (value);
                }
              else if (strcmp (name, "record") == 0 && type != G_TYPE_INVALID)
                {
                  SpEntity *entity = sp_json_read_entity_new (&reader, type,
                                                              SP_JSON_DECODE_FULL, error);

                  if (entity == NULL)
                    return NULL;
                  g_ptr_array_add (entities, entity);
                }
              else if (!sp_json_reader_skip (&reader, NULL, NULL, error))
                return NULL;
            }
          if (error != NULL && *error != NULL)
            return NULL;
        }
      if (error != NULL && *error != NULL)
        return NULL;
    }
  if (error != NULL && *error != NULL)
    return NULL;

  if (!sp_json_reader_end (&reader, error))
    return NULL;

  return g_steal_pointer (&entities);
}

/* Reads any one value whole, and then the end. */
static gboolean
read_any (const char  *text,
          gsize        length,
          guint        max_depth,
          GError     **error)
{
  g_auto(SpJsonReader) reader = { 0 };

  sp_json_reader_init (&reader, text, length, max_depth);
  return sp_json_reader_skip (&reader, NULL, NULL, error) && sp_json_reader_end (&reader, error);
}

/* Reads an object member by member, skipping each value. */
static gboolean
read_object (const char  *text,
             gsize        length,
             GError     **error)
{
  g_auto(SpJsonReader) reader = { 0 };
  const char *name;

  sp_json_reader_init (&reader, text, length, SP_JSON_MAX_DEPTH);

  if (!sp_json_reader_enter_object (&reader, error))
    return FALSE;

  for (;;)
    {
      if (!sp_json_reader_next_member (&reader, &name, error))
        return FALSE;
      if (name == NULL)
        break;
      if (!sp_json_reader_skip (&reader, NULL, NULL, error))
        return FALSE;
    }

  return sp_json_reader_end (&reader, error);
}

static gboolean
reader_decode (SpEntity          *entity,
               const char        *text,
               SpJsonDecodeMode   mode,
               GPtrArray         *fields_set,
               GError           **error)
{
  g_auto(SpJsonReader) reader = { 0 };

  sp_json_reader_init (&reader, text, strlen (text), SP_JSON_MAX_DEPTH);
  return sp_json_read_entity (&reader, entity, mode, fields_set, error) &&
         sp_json_reader_end (&reader, error);
}

static void
assert_same_json (SpEntity *a,
                  SpEntity *b)
{
  g_autoptr(JsonNode) na = sp_json_encode (a, SP_JSON_ENCODE_DEFAULT);
  g_autoptr(JsonNode) nb = sp_json_encode (b, SP_JSON_ENCODE_DEFAULT);

  if (!json_node_equal (na, nb))
    {
      g_autofree char *ta = sp_json_to_string (na, FALSE);
      g_autofree char *tb = sp_json_to_string (nb, FALSE);

      g_error ("records differ:\n%s\n%s", ta, tb);
    }
}

static int
compare_pointers (gconstpointer a,
                  gconstpointer b)
{
  gconstpointer pa = *(gconstpointer *)a;
  gconstpointer pb = *(gconstpointer *)b;

  return pa < pb ? -1 : pa > pb;
}

/* Round trips */

static void
check_round_trip (SpEntity *entity)
{
  g_autoptr(JsonNode) node = sp_json_encode (entity, SP_JSON_ENCODE_DEFAULT);
  g_autofree char *text = sp_json_to_string (node, FALSE);
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(SpEntity) by_node = NULL;
  g_autoptr(SpEntity) by_reader = sp_entity_new (G_OBJECT_TYPE (entity));
  g_autoptr(GError) error = NULL;

  g_assert_true (reader_decode (by_reader, text, SP_JSON_DECODE_FULL, NULL, &error));
  g_assert_no_error (error);
  assert_same_json (entity, by_reader);

  parsed = sp_json_parse (text, -1, SP_JSON_MAX_DEPTH, &error);
  g_assert_no_error (error);
  by_node = sp_json_decode_new (G_OBJECT_TYPE (entity), parsed, SP_JSON_DECODE_FULL, &error);
  g_assert_no_error (error);
  sp_test_assert_entities_equal (by_node, by_reader);
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autoptr(GString) page = g_string_new ("{\"changes\":[");
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) back = NULL;
  guint n_types;
  GType *types = sp_test_entity_types (&n_types);

  g_assert_true (sp_demo_populate (store, 60, 7, &error));
  g_assert_no_error (error);

  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GPtrArray) records = sp_store_load_changes (store, types[t], 0, G_MAXUINT,
                                                            &error);
      g_autoptr(SpEntity) filled = sp_entity_new (types[t]);

      g_assert_no_error (error);

      /* Every field set, with quotes, backslashes and Swedish letters. */
      sp_test_fill_entity (filled, t);
      g_ptr_array_add (records, g_object_ref (filled));

      for (guint i = 0; i < records->len; i++)
        {
          SpEntity *entity = g_ptr_array_index (records, i);

          check_round_trip (entity);
          append_change (page, entity);
          g_ptr_array_add (all, g_object_ref (entity));
        }
    }
  g_string_append (page, "]}");
  g_assert_cmpuint (all->len, >, 200);

  /* A whole feed page, read with the reader's API. */
  back = read_page (page->str, page->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpuint (back->len, ==, all->len);
  for (guint i = 0; i < all->len; i++)
    assert_same_json (g_ptr_array_index (all, i), g_ptr_array_index (back, i));

  g_clear_object (&store);
  sp_test_remove_dir (dir);
}

/* Bad records: the same errors both ways */

typedef struct
{
  GType            (*type) (void);
  const char        *json;
  SpJsonDecodeMode   mode;
  const char        *field; /* NULL: accepted, or an error with no field */
  gboolean           ok;
} Equivalence;

static void
test_equivalence (void)
{
  g_autofree char *long_subject = g_strnfill (201, 'x');
  g_autofree char *long_json = g_strdup_printf ("{" VALID_FIELDS ",\"subject\":\"%s\"}",
                                                long_subject);
  g_autofree char *long_ok = g_strdup_printf ("{" VALID_FIELDS ",\"subject\":\"%.*s\"}", 200,
                                              long_subject);
#define CREATE SP_JSON_DECODE_CREATE
#define PATCH SP_JSON_DECODE_PATCH
#define FULL SP_JSON_DECODE_FULL
#define CASE sp_case_get_type
#define USER sp_user_get_type
  const Equivalence cases[] = {
    /* Accepted */
    { CASE, "{" VALID_FIELDS ",\"subject\":\"s\"}", CREATE, NULL, TRUE },
    { CASE, long_ok, CREATE, NULL, TRUE },
    { CASE, "{\"subject\":\"s\",\"sender\":null}", PATCH, NULL, TRUE },
    { CASE, "{\"subject\":\"s\",\"sender\":{}}", PATCH, NULL, TRUE },
    { CASE, "{}", PATCH, NULL, TRUE },
    { CASE, "{" VALID_CASE ",\"rev\":9,\"deleted\":true,\"updated_at\":\"2025-03-03T10:00:00Z\"}",
      FULL, NULL, TRUE },
    { CASE, "{" VALID_CASE ",\"rev\":-9223372036854775808}", FULL, NULL, TRUE },
    { CASE, "{" VALID_CASE ",\"rev\":9223372036854775807}", FULL, NULL, TRUE },
    { CASE, "{\"subject\":\"\\u00e5\\ud83d\\ude00\\\"\\\\\\/\\b\\f\\n\\r\\t\"}", PATCH, NULL, TRUE },
    { CASE, "{\"description\":null,\"sender\":{\"name\":null,\"anonymous\":false}}", PATCH, NULL,
      TRUE },
    { USER, "{\"username\":\"u\",\"roles\":[]}", CREATE, NULL, TRUE },
    { USER, "{\"username\":\"u\",\"roles\":[\"staff\",\"registrar\"]}", CREATE, NULL, TRUE },
    { USER, "{\"username\":\"u\",\"roles\":null}", CREATE, NULL, TRUE },
    /* Duplicates: the later one counts */
    { CASE, "{\"subject\":\"a\",\"subject\":\"b\"}", PATCH, NULL, TRUE },
    { CASE, "{\"subject\":5,\"subject\":\"ok\"}", PATCH, NULL, TRUE },
    { CASE, "{\"subject\":\"ok\",\"subject\":5}", PATCH, "subject", FALSE },
    { CASE, "{\"sender\":{\"name\":\"A\",\"email\":\"a@example.se\"},\"sender\":{\"phone\":\"1\"}}",
      PATCH, NULL, TRUE },
    { CASE, "{\"sender\":{\"name\":\"A\"},\"sender\":null}", PATCH, NULL, TRUE },
    { CASE, "{\"sender\":5,\"sender\":{\"name\":\"A\"}}", PATCH, NULL, TRUE },
    { CASE, "{\"sender\":{\"name\":\"A\",\"name\":\"B\"}}", PATCH, NULL, TRUE },
    { CASE, "{\"sender\":{\"name\":5,\"name\":\"B\"}}", PATCH, NULL, TRUE },
    { CASE, "{\"status\":\"closed\"," VALID_CASE ",\"status\":\"registered\"}", FULL, NULL,
      TRUE },
    { USER, "{\"username\":\"u\",\"roles\":[\"king\"],\"roles\":[\"staff\"]}", CREATE, NULL, TRUE },
    /* Unknown members */
    { CASE, "{" VALID_FIELDS ",\"subject\":\"s\",\"colour\":\"red\"}", CREATE, "colour", FALSE },
    { CASE, "{\"colour\":{\"deep\":[1,{\"x\":null}]}}", PATCH, "colour", FALSE },
    { CASE, "{\"sender\":{\"shoe_size\":44}}", PATCH, "sender.shoe_size", FALSE },
    { CASE, "{\"sender_name\":\"Anna\"}", PATCH, "sender_name", FALSE },
    /* Wrong types, for each kind of field */
    { CASE, "{\"subject\":5}", PATCH, "subject", FALSE },
    { CASE, "{\"subject\":true}", PATCH, "subject", FALSE },
    { CASE, "{\"subject\":1.5}", PATCH, "subject", FALSE },
    { CASE, "{\"subject\":[\"s\"]}", PATCH, "subject", FALSE },
    { CASE, "{\"subject\":{}}", PATCH, "subject", FALSE },
    { CASE, "{\"named_employee\":\"yes\"}", PATCH, "named_employee", FALSE },
    { CASE, "{\"named_employee\":1}", PATCH, "named_employee", FALSE },
    { CASE, "{\"named_employee\":[]}", PATCH, "named_employee", FALSE },
    { CASE, "{\"received_on\":20250303}", PATCH, "received_on", FALSE },
    { CASE, "{\"kind\":2}", PATCH, "kind", FALSE },
    { CASE, "{\"kind\":{\"a\":1}}", PATCH, "kind", FALSE },
    { CASE, "{\"updated_at\":1735689600}", FULL, "updated_at", FALSE },
    { CASE, "{\"rev\":\"5\"}", FULL, "rev", FALSE },
    { CASE, "{\"rev\":false}", FULL, "rev", FALSE },
    { CASE, "{\"rev\":[5]}", FULL, "rev", FALSE },
    { CASE, "{\"sender\":{\"anonymous\":\"no\"}}", PATCH, "sender.anonymous", FALSE },
    { CASE, "{\"sender\":{\"relation\":[\"x\"]}}", PATCH, "sender.relation", FALSE },
    /* Doubles for whole numbers, and numbers no gint64 holds */
    { CASE, "{\"rev\":1.5}", FULL, "rev", FALSE },
    { CASE, "{\"rev\":1e3}", FULL, "rev", FALSE },
    { CASE, "{\"rev\":1.0}", FULL, "rev", FALSE },
    { CASE, "{\"rev\":-2E-2}", FULL, "rev", FALSE },
    /* Unknown enum values */
    { CASE, "{\"kind\":\"banana\"}", PATCH, "kind", FALSE },
    { CASE, "{\"kind\":\"Complaint\"}", PATCH, "kind", FALSE },
    { CASE, "{\"sender\":{\"relation\":\"alien\"}}", PATCH, "sender.relation", FALSE },
    /* Impossible dates and times */
    { CASE, "{\"received_on\":\"2025-02-30\"}", PATCH, "received_on", FALSE },
    { CASE, "{\"received_on\":\"2025-13-01\"}", PATCH, "received_on", FALSE },
    { CASE, "{\"received_on\":\"3/3/2025\"}", PATCH, "received_on", FALSE },
    { CASE, "{\"updated_at\":\"yesterday\"}", FULL, "updated_at", FALSE },
    /* Dates out of bounds (sp-date.h), and what a received date may be */
    { CASE, "{\"given_due_on\":\"0001-01-01\"}", PATCH, "given_due_on", FALSE },
    { CASE, "{\"given_due_on\":\"1899-12-31\"}", PATCH, "given_due_on", FALSE },
    { CASE, "{\"given_due_on\":\"1900-01-01\"}", PATCH, NULL, TRUE },
    { CASE, "{\"given_due_on\":\"9999-12-31\"}", PATCH, NULL, TRUE },
    { CASE, "{\"feedback_on\":\"1066-10-14\"}", PATCH, "feedback_on", FALSE },
    { CASE, "{\"received_on\":\"9999-12-20\"}", PATCH, "received_on", FALSE },
    { CASE, "{\"received_on\":\"1999-12-31\"}", PATCH, "received_on", FALSE },
    { CASE, "{\"received_on\":\"1967-05-01\"}", PATCH, "received_on", FALSE },
    { CASE, "{\"received_on\":\"2000-01-01\"}", PATCH, NULL, TRUE },
    { CASE, "{\"kind\":\"complaint\",\"channel\":\"email\",\"received_on\":\"9999-12-20\","
      "\"subject\":\"s\"}", CREATE, "received_on", FALSE },
    { CASE, "{\"kind\":\"complaint\",\"channel\":\"email\",\"received_on\":\"1999-12-31\","
      "\"subject\":\"s\"}", FULL, NULL, TRUE },
    { CASE, "{\"kind\":\"complaint\",\"channel\":\"email\",\"received_on\":\"1899-12-31\","
      "\"subject\":\"s\"}", FULL, NULL, TRUE },
    { CASE, "{\"kind\":\"complaint\",\"channel\":\"email\",\"received_on\":\"1899-12-31\","
      "\"subject\":\"s\"}", CREATE, "received_on", FALSE },
    /* Over-long strings, identifiers */
    { CASE, long_json, CREATE, "subject", FALSE },
    { CASE, "{\"unit_id\":\"1; DROP TABLE cases\"}", PATCH, "unit_id", FALSE },
    { CASE, "{\"id\":\"not-a-uuid\"}", FULL, "id", FALSE },
    /* Missing required fields */
    { CASE, "{" VALID_FIELDS "}", CREATE, "subject", FALSE },
    { CASE, "{\"channel\":\"email\",\"received_on\":\"2025-03-03\",\"subject\":\"s\"}", CREATE,
      "kind", FALSE },
    { CASE, "{\"kind\":\"opinion\",\"received_on\":\"2025-03-03\",\"subject\":\"s\"}", FULL,
      "channel", FALSE },
    { CASE, "{" VALID_FIELDS ",\"subject\":\"\"}", CREATE, "subject", FALSE },
    { CASE, "{" VALID_FIELDS ",\"subject\":null}", CREATE, "subject", FALSE },
    { CASE, "{\"subject\":null}", PATCH, "subject", FALSE },
    { CASE, "{\"kind\":null}", PATCH, "kind", FALSE },
    { USER, "{\"roles\":[\"staff\"]}", CREATE, "username", FALSE },
    /* What the server keeps */
    { CASE, "{\"diary_number\":\"X 2025/0001\"}", PATCH, "diary_number", FALSE },
    { CASE, "{\"status\":\"closed\"}", PATCH, "status", FALSE },
    { CASE, "{\"rev\":9}", PATCH, "rev", FALSE },
    { CASE, "{" VALID_FIELDS ",\"subject\":\"s\",\"rev\":9}", CREATE, "rev", FALSE },
    { CASE, "{" VALID_FIELDS ",\"subject\":\"s\",\"updated_by\":null}", CREATE, "updated_by",
      FALSE },
    /* Groups that are not objects */
    { CASE, "{\"sender\":5}", PATCH, "sender", FALSE },
    { CASE, "{\"sender\":\"Anna\"}", PATCH, "sender", FALSE },
    { CASE, "{\"sender\":[]}", PATCH, "sender", FALSE },
    { CASE, "{\"sender\":true}", PATCH, "sender", FALSE },
    { CASE, "{" VALID_FIELDS ",\"subject\":\"s\",\"sender\":null}", CREATE, "sender", FALSE },
    /* Flags */
    { USER, "{\"username\":\"u\",\"roles\":\"staff\"}", CREATE, "roles", FALSE },
    { USER, "{\"username\":\"u\",\"roles\":{}}", CREATE, "roles", FALSE },
    { USER, "{\"username\":\"u\",\"roles\":[\"staff\",\"king\"]}", CREATE, "roles", FALSE },
    { USER, "{\"username\":\"u\",\"roles\":[1]}", CREATE, "roles", FALSE },
    { USER, "{\"username\":\"u\",\"roles\":[null]}", CREATE, "roles", FALSE },
    { USER, "{\"username\":\"u\",\"roles\":[[\"staff\"]]}", CREATE, "roles", FALSE },
    { USER, "{\"username\":\"u\",\"roles\":[\"staff\",{}]}", CREATE, "roles", FALSE },
    /* Not an object at all */
    { CASE, "[1,2]", CREATE, NULL, FALSE },
    { CASE, "\"case\"", CREATE, NULL, FALSE },
    { CASE, "null", PATCH, NULL, FALSE },
    { CASE, "42", PATCH, NULL, FALSE },
  };
#undef CREATE
#undef PATCH
#undef FULL
#undef CASE
#undef USER

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Equivalence *c = &cases[i];
      g_autoptr(GError) node_error = NULL;
      g_autoptr(GError) reader_error = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(SpEntity) by_node = sp_entity_new (c->type ());
      g_autoptr(SpEntity) by_reader = sp_entity_new (c->type ());
      g_autoptr(GPtrArray) node_set = g_ptr_array_new ();
      g_autoptr(GPtrArray) reader_set = g_ptr_array_new ();
      gboolean node_ok, reader_ok;

      g_test_message ("case %u: %s", i, c->json);

      /* A patch applies to an existing case. */
      if (c->mode == SP_JSON_DECODE_PATCH && c->type () == SP_TYPE_CASE)
        {
          g_clear_object (&by_node);
          g_clear_object (&by_reader);
          by_node = SP_ENTITY (sp_test_case_new ("Before", NULL));
          by_reader = SP_ENTITY (sp_test_case_new ("Before", NULL));
        }

      node = sp_json_parse (c->json, -1, SP_JSON_MAX_DEPTH, &node_error);
      g_assert_no_error (node_error);
      node_ok = sp_json_decode (by_node, node, c->mode, node_set, &node_error);
      reader_ok = reader_decode (by_reader, c->json, c->mode, reader_set, &reader_error);

      if (node_ok != c->ok || reader_ok != c->ok)
        g_error ("case %u: expected %s, JsonNode path: %s, reader: %s", i,
                 c->ok ? "success" : "an error",
                 node_ok ? "success" : node_error->message,
                 reader_ok ? "success" : reader_error->message);

      if (c->ok)
        {
          g_assert_no_error (node_error);
          g_assert_no_error (reader_error);
          assert_same_json (by_node, by_reader);
          g_ptr_array_sort (node_set, compare_pointers);
          g_ptr_array_sort (reader_set, compare_pointers);
          g_assert_cmpuint (node_set->len, ==, reader_set->len);
          for (guint j = 0; j < node_set->len; j++)
            g_assert_true (node_set->pdata[j] == reader_set->pdata[j]);
        }
      else
        {
          g_assert_error (node_error, SP_ERROR, SP_ERROR_INVALID);
          g_assert_error (reader_error, SP_ERROR, SP_ERROR_INVALID);
          g_assert_cmpstr (sp_error_get_field (node_error), ==, c->field);
          g_assert_cmpstr (sp_error_get_field (reader_error), ==, c->field);
          g_assert_cmpstr (node_error->message, ==, reader_error->message);
        }
    }

  /* What the duplicates come to, spelled out. */
  {
    g_autoptr(SpCase) kase = sp_test_case_new ("Before", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_true (reader_decode (SP_ENTITY (kase),
                                  "{\"subject\":\"a\",\"sender\":{\"name\":\"A\",\"phone\":\"1\"},"
                                  "\"subject\":\"b\",\"sender\":{\"phone\":\"2\"}}",
                                  SP_JSON_DECODE_PATCH, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (kase->subject, ==, "b");
    g_assert_cmpstr (kase->sender_phone, ==, "2");
    g_assert_cmpstr (kase->sender_name, ==, "Anna Andersson");
  }
}

/* A NUL character in any string is refused by both decoders, the field
 * named, with the same message: json-glib would cut the string at it. */
static void
test_nul (void)
{
#define CASE sp_case_get_type
#define USER sp_user_get_type
  static const struct { GType (*type) (void); const char *json; const char *field; } cases[] = {
    { CASE, "{\"subject\":\"a\\u0000b\"}", "subject" },
    { CASE, "{\"subject\":\"\\u0000\"}", "subject" },
    { CASE, "{\"subject\":\"ok\",\"description\":\"x\\u0000\"}", "description" },
    { CASE, "{\"sender\":{\"name\":\"Anna\\u0000Andersson\"}}", "sender.name" },
    { CASE, "{\"received_on\":\"2025-03-03\\u0000x\"}", "received_on" },
    { CASE, "{\"kind\":\"complaint\\u0000\"}", "kind" },
    { CASE, "{\"colour\":\"\\u0000\"}", "colour" },
    { CASE, "{\"colour\":[{\"deep\":\"\\u0000\"}]}", "colour.deep" },
    { CASE, "{\"subj\\u0000ect\":\"s\"}", NULL },
    { CASE, "{\"sender\":{\"na\\u0000me\":\"s\"}}", "sender" },
    /* The NUL wins over a field's error elsewhere, in both. */
    { CASE, "{\"kind\":\"banana\",\"subject\":\"a\\u0000\"}", "subject" },
    { USER, "{\"username\":\"x\\u0000y\",\"roles\":[]}", "username" },
    { USER, "{\"username\":\"u\",\"roles\":[\"staff\\u0000\"]}", "roles" },
  };
#undef CASE
#undef USER

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) node_error = NULL;
      g_autoptr(GError) reader_error = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(SpEntity) by_reader = sp_entity_new (cases[i].type ());

      g_test_message ("nul %u: %s", i, cases[i].json);

      node = sp_json_parse (cases[i].json, -1, SP_JSON_MAX_DEPTH, &node_error);
      g_assert_null (node);
      g_assert_false (reader_decode (by_reader, cases[i].json, SP_JSON_DECODE_PATCH, NULL,
                                     &reader_error));

      g_assert_error (node_error, SP_ERROR, SP_ERROR_INVALID);
      g_assert_error (reader_error, SP_ERROR, SP_ERROR_INVALID);
      g_assert_cmpstr (sp_error_get_field (node_error), ==, cases[i].field);
      g_assert_cmpstr (sp_error_get_field (reader_error), ==, cases[i].field);
      g_assert_cmpstr (node_error->message, ==, reader_error->message);
      g_assert_nonnull (strstr (node_error->message, "NUL"));
    }

  /* Read value by value: a name, a string, a skipped value. */
  {
    static const char *texts[] = {
      "{\"a\\u0000\":1}",
      "[\"x\\u0000\"]",
      "{\"a\":{\"b\":[1,\"\\u0000\"]}}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GError) node_error = NULL;
        g_autoptr(JsonNode) node = sp_json_parse (texts[i], -1, SP_JSON_MAX_DEPTH, &node_error);

        g_assert_null (node);
        g_assert_false (read_any (texts[i], strlen (texts[i]), SP_JSON_MAX_DEPTH, &error));
        g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
        g_assert_cmpstr (error->message, ==, node_error->message);
        g_assert_cmpstr (sp_error_get_field (error), ==, sp_error_get_field (node_error));
      }
  }

  {
    const char *text = "[\"a\\u0000b\", \"ok\"]";
    g_auto(SpJsonReader) reader = { 0 };
    g_autoptr(GError) error = NULL;
    const char *value;
    gboolean more;

    sp_json_reader_init (&reader, text, strlen (text), 8);
    g_assert_true (sp_json_reader_enter_array (&reader, &error));
    g_assert_true (sp_json_reader_next_element (&reader, &more, &error));
    g_assert_false (sp_json_reader_read_string (&reader, &value, &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
    g_clear_error (&error);
    /* Not a grammar error: the reader goes on. */
    g_assert_true (sp_json_reader_next_element (&reader, &more, &error));
    g_assert_true (sp_json_reader_read_string (&reader, &value, &error));
    g_assert_cmpstr (value, ==, "ok");
  }

  {
    const char *text = "{\"name\\u0000x\":1}";
    g_auto(SpJsonReader) reader = { 0 };
    g_autoptr(GError) error = NULL;
    const char *name;

    sp_json_reader_init (&reader, text, strlen (text), 8);
    g_assert_true (sp_json_reader_enter_object (&reader, &error));
    g_assert_false (sp_json_reader_next_member (&reader, &name, &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  }
}

/* After a field's error the reader stands after the record and goes on. */
static void
test_error_recovery (void)
{
  const char *text = "[{\"subject\":5,\"x\":[1,2]}, {\"subject\":\"ok\"}]";
  g_auto(SpJsonReader) reader = { 0 };
  g_autoptr(SpCase) kase = sp_case_new ();
  g_autoptr(GError) error = NULL;
  gboolean more;

  sp_json_reader_init (&reader, text, strlen (text), 8);
  g_assert_true (sp_json_reader_enter_array (&reader, &error));
  g_assert_true (sp_json_reader_next_element (&reader, &more, &error));
  g_assert_true (more);
  g_assert_false (sp_json_read_entity (&reader, SP_ENTITY (kase), SP_JSON_DECODE_PATCH, NULL,
                                       &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sp_json_reader_next_element (&reader, &more, &error));
  g_assert_true (more);
  g_assert_true (sp_json_read_entity (&reader, SP_ENTITY (kase), SP_JSON_DECODE_PATCH, NULL,
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kase->subject, ==, "ok");
  g_assert_true (sp_json_reader_next_element (&reader, &more, &error));
  g_assert_false (more);
  g_assert_true (sp_json_reader_end (&reader, &error));

  /* A grammar error later in a record wins over a field's error earlier. */
  {
    g_autoptr(GError) e = NULL;
    g_autoptr(SpCase) other = sp_case_new ();

    g_assert_false (reader_decode (SP_ENTITY (other), "{\"colour\":1,\"subject\":\"s\",}",
                                   SP_JSON_DECODE_PATCH, NULL, &e));
    g_assert_error (e, SP_ERROR, SP_ERROR_MALFORMED);
    g_clear_error (&e);

    /* What is not an object must be valid JSON before it is the wrong kind. */
    g_assert_false (reader_decode (SP_ENTITY (other), "[1,,2]", SP_JSON_DECODE_PATCH, NULL, &e));
    g_assert_error (e, SP_ERROR, SP_ERROR_MALFORMED);
  }

  /* And after it, the reader stands after it. */
  {
    const char *not_object = " [1, {\"a\": 2}] ";
    g_auto(SpJsonReader) r = { 0 };
    g_autoptr(GError) e = NULL;
    g_autoptr(SpCase) other = sp_case_new ();

    sp_json_reader_init (&r, not_object, strlen (not_object), 8);
    g_assert_false (sp_json_read_entity (&r, SP_ENTITY (other), SP_JSON_DECODE_PATCH, NULL, &e));
    g_assert_error (e, SP_ERROR, SP_ERROR_INVALID);
    g_assert_null (sp_error_get_field (e));
    g_clear_error (&e);
    g_assert_true (sp_json_reader_end (&r, &e));
    g_assert_no_error (e);
  }
}

/* Grammar */

static void
test_malformed (void)
{
  static const struct { const char *text; gssize length; } texts[] = {
    { "", -1 },
    { "   ", -1 },
    { "{", -1 },
    { "[", -1 },
    { "{\"a\"", -1 },
    { "{\"a\":", -1 },
    { "{\"a\":}", -1 },
    { "{\"a\":1", -1 },
    { "[1,2", -1 },
    { "{\"a\":1}garbage", -1 },
    { "nul", -1 },
    { "tru", -1 },
    { "[truex]", -1 },
    { "[nulll]", -1 },
    { "[True]", -1 },
    { "{'single':'quotes'}", -1 },
    { "{\"a\":\"raw\nnewline\"}", -1 },
    { "[\"tab\there\"]", -1 },
    { "[\"\x01\"]", -1 },
    { "[\"\x1f\"]", -1 },
    { "/* comment */ {}", -1 },
    { "{\"a\":1,}", -1 },
    { "[1,]", -1 },
    { "[1,,2]", -1 },
    { "[,1]", -1 },
    { "[,]", -1 },
    { "{,}", -1 },
    { "{,\"a\":1}", -1 },
    { "{\"a\" 1}", -1 },
    { "{\"a\"::1}", -1 },
    { "{a:1}", -1 },
    { "{1:1}", -1 },
    { "{\"a\":1 \"b\":2}", -1 },
    { "[1 2]", -1 },
    { "{\"a\":1}{\"b\":2}", -1 },
    { "[1] [2]", -1 },
    { "1 2", -1 },
    { "[1]]", -1 },
    { "{}}", -1 },
    { "[}", -1 },
    { "{]", -1 },
    { "[01]", -1 },
    { "[-01]", -1 },
    { "[00]", -1 },
    { "[+1]", -1 },
    { "[1.]", -1 },
    { "[.5]", -1 },
    { "[1e]", -1 },
    { "[1e+]", -1 },
    { "[1.5e]", -1 },
    { "[-]", -1 },
    { "[- 1]", -1 },
    { "[-a]", -1 },
    { "[0x10]", -1 },
    { "[Infinity]", -1 },
    { "[NaN]", -1 },
    { "[\"\\x\"]", -1 },
    { "[\"\\'\"]", -1 },
    { "[\"\\u12\"]", -1 },
    { "[\"\\u12G4\"]", -1 },
    { "[\"\\U0041\"]", -1 },
    { "[\"\\ud800\"]", -1 },
    { "[\"\\ud800x\"]", -1 },
    { "[\"\\ud800\\u0041\"]", -1 },
    { "[\"\\ud800\\ud800\"]", -1 },
    { "[\"\\udc00\"]", -1 },
    { "[\"\\udc00\\ud800\"]", -1 },
    { "[\"abc", -1 },
    { "[\"abc\\", -1 },
    { "[\"abc\\\"]", -1 },
    { "[\"\xc3\x28\"]", -1 },
    { "{\"s\xff\":1}", -1 },
    { "[\"\xed\xa0\x80\"]", -1 },
    { "[\"\xc0\xaf\"]", -1 },
    { "[\"\xe0\x80\xaf\"]", -1 },
    { "[\"\xf4\x90\x80\x80\"]", -1 },
    { "[\"\xf8\x88\x80\x80\x80\"]", -1 },
    { "[\"\xc3\"]", -1 },
    { "[\"\xe2\x82\"]", -1 },
    { "[\xc3\xa5]", -1 },
    { "\xef\xbb\xbf{}", -1 },
    { "[\"b\0\"]", 6 },
    { "[1,\0]", 5 },
    { "{}\0", 3 },
    { "\0", 1 },
    { "[1]\x0b", -1 },
    { "[1]\x0c", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *text = texts[i].text;
      gsize length = texts[i].length < 0 ? strlen (text) : (gsize)texts[i].length;
      g_autoptr(GError) error = NULL;
      g_autofree char *escaped = g_strescape (text, NULL);

      g_test_message ("malformed %u: %s", i, escaped);
      g_assert_false (read_any (text, length, SP_JSON_MAX_DEPTH, &error));
      g_assert_error (error, SP_ERROR, SP_ERROR_MALFORMED);
      g_assert_nonnull (strstr (error->message, "byte"));

      /* Read member by member, or as a record, it is just as wrong. */
      if (text[0] == '{')
        {
          g_autoptr(SpCase) kase = sp_case_new ();
          g_auto(SpJsonReader) reader = { 0 };

          g_clear_error (&error);
          g_assert_false (read_object (text, length, &error));
          g_assert_error (error, SP_ERROR, SP_ERROR_MALFORMED);
          g_clear_error (&error);

          /* A field's error means the record itself was whole: then
           * what follows it is wrong. */
          sp_json_reader_init (&reader, text, length, SP_JSON_MAX_DEPTH);
          if (!sp_json_read_entity (&reader, SP_ENTITY (kase), SP_JSON_DECODE_PATCH, NULL, &error))
            {
              g_assert_nonnull (error);
              if (error->code == SP_ERROR_INVALID)
                g_clear_error (&error);
            }
          if (error == NULL)
            g_assert_false (sp_json_reader_end (&reader, &error));
          g_assert_error (error, SP_ERROR, SP_ERROR_MALFORMED);
        }
    }
}

static void
test_malformed_messages (void)
{
  static const struct { const char *text; const char *message; } texts[] = {
    { "[1,]", "Malformed JSON at byte 3: a comma cannot come before “]”" },
    { "{\"a\":1 ,}", "Malformed JSON at byte 8: a comma cannot come before “}”" },
    { "[\"abc", "Malformed JSON at byte 1: a string is not terminated" },
    { "[\"a\nb\"]", "Malformed JSON at byte 3: a control character in a string must be escaped" },
    { "[\"ok\\ud800\"]", "Malformed JSON at byte 4: a \\u escape of a high surrogate must be "
                         "followed by a low one" },
    { "[012]", "Malformed JSON at byte 1: a number cannot start with 0" },
    { "{\"s\xff\":1}", "Malformed JSON at byte 3: the text is not valid UTF-8" },
    { "[1] x", "Malformed JSON at byte 4: unexpected text after the value" },
    { "[1", "Malformed JSON at byte 2: unexpected end of the text" },
    { "{\"a\" 1}", "Malformed JSON at byte 5: expected “:”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (read_any (texts[i].text, strlen (texts[i].text), 8, &error));
      g_assert_error (error, SP_ERROR, SP_ERROR_MALFORMED);
      g_assert_cmpstr (error->message, ==, texts[i].message);
    }
}

static void
test_valid (void)
{
  static const char *texts[] = {
    "{}",
    "[]",
    " \t\r\n{ \"a\" : [ 1 , { } , [ ] , \"\" ] , \"b\" : { \"c\" : null } } \r\n\t ",
    "0",
    "-0",
    "-12",
    "-1.5e-3",
    "1E+5",
    "0.25",
    "9223372036854775807",
    "-9223372036854775808",
    "true",
    "false",
    "null",
    "\"\"",
    "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"",
    "\"\\u00e5\\u00C4\\u20AC\\uFFFE\"",
    "\"\\ud83d\\ude00\\uD800\\uDC00\\udbff\\udfff\"",
    "\"åäö 😀 \xef\xbf\xbf \xf4\x8f\xbf\xbf\"",
    "[[[[[[[[]]]]]]]]",
    "{\"\":{\"\":[{\"\":\"\"}]}}",
    "{\"a\":1,\"a\":2}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;

      g_test_message ("valid %u: %s", i, texts[i]);
      g_assert_true (read_any (texts[i], strlen (texts[i]), 8, &error));
      g_assert_no_error (error);

      /* Strings unescape to what json-glib makes of them. */
      node = sp_json_parse (texts[i], -1, 8, &error);
      g_assert_no_error (error);
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          g_auto(SpJsonReader) reader = { 0 };
          const char *value;

          sp_json_reader_init (&reader, texts[i], strlen (texts[i]), 8);
          g_assert_true (sp_json_reader_read_string (&reader, &value, &error));
          g_assert_no_error (error);
          g_assert_cmpstr (value, ==, json_node_get_string (node));
          g_assert_true (g_utf8_validate (value, -1, NULL));
        }
    }

  /* A whole number past 64 bits is JSON, and the reader takes it as such
   * (skip); the tree parser refuses it, since json-glib would wrap it. */
  {
    const char *big = "123456789012345678901234567890";
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) node = NULL;

    g_assert_true (read_any (big, strlen (big), 8, &error));
    g_assert_no_error (error);
    node = sp_json_parse (big, -1, 8, &error);
    g_assert_null (node);
    g_assert_error (error, SP_ERROR, SP_ERROR_MALFORMED);
  }

  /* Surrogate pairs and escapes, byte for byte. */
  {
    const char *text = "[\"\\ud83d\\ude00\", \"a\\u00e5\\n\", \"\\u20ac\"]";
    const char *expected[] = { "\xf0\x9f\x98\x80", "a\xc3\xa5\n", "\xe2\x82\xac" };
    g_auto(SpJsonReader) reader = { 0 };
    g_autoptr(GError) error = NULL;
    gboolean more;

    sp_json_reader_init (&reader, text, strlen (text), 8);
    g_assert_true (sp_json_reader_enter_array (&reader, &error));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        const char *value;

        g_assert_true (sp_json_reader_next_element (&reader, &more, &error));
        g_assert_true (more);
        g_assert_true (sp_json_reader_read_string (&reader, &value, &error));
        g_assert_cmpstr (value, ==, expected[i]);
      }
    g_assert_true (sp_json_reader_next_element (&reader, &more, &error));
    g_assert_false (more);
    g_assert_true (sp_json_reader_end (&reader, &error));
    g_assert_no_error (error);
  }
}

static void
test_numbers (void)
{
  static const struct { const char *text; gint64 value; } good[] = {
    { "0", 0 },
    { "-0", 0 },
    { " 42 ", 42 },
    { "-17", -17 },
    { "9223372036854775807", G_MAXINT64 },
    { "-9223372036854775808", G_MININT64 },
    { "1735689600123456", G_GINT64_CONSTANT (1735689600123456) },
  };
  static const char *too_large[] = {
    "9223372036854775808",
    "-9223372036854775809",
    "18446744073709551615",
    "18446744073709551616",
    "99999999999999999999999999",
  };
  static const char *not_whole[] = { "1.5", "1e3", "1.0", "-0.0", "2E-2" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_auto(SpJsonReader) reader = { 0 };
      g_autoptr(GError) error = NULL;
      gint64 v = 1;

      sp_json_reader_init (&reader, good[i].text, strlen (good[i].text), 8);
      g_assert_cmpint (sp_json_reader_peek (&reader), ==, SP_JSON_TOKEN_NUMBER);
      g_assert_true (sp_json_reader_read_int (&reader, &v, &error));
      g_assert_no_error (error);
      g_assert_cmpint (v, ==, good[i].value);
      g_assert_true (sp_json_reader_end (&reader, &error));
    }

  for (guint i = 0; i < G_N_ELEMENTS (too_large); i++)
    {
      g_auto(SpJsonReader) reader = { 0 };
      g_autoptr(GError) error = NULL;
      gint64 v;

      sp_json_reader_init (&reader, too_large[i], strlen (too_large[i]), 8);
      g_assert_false (sp_json_reader_read_int (&reader, &v, &error));
      g_assert_error (error, SP_ERROR, SP_ERROR_MALFORMED);
    }

  /* Valid JSON of the wrong kind: nothing is read, and it can be skipped. */
  for (guint i = 0; i < G_N_ELEMENTS (not_whole); i++)
    {
      g_auto(SpJsonReader) reader = { 0 };
      g_autoptr(GError) error = NULL;
      const char *start;
      gsize length;
      gint64 v;

      sp_json_reader_init (&reader, not_whole[i], strlen (not_whole[i]), 8);
      g_assert_false (sp_json_reader_read_int (&reader, &v, &error));
      g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_true (sp_json_reader_skip (&reader, &start, &length, &error));
      g_assert_cmpuint (length, ==, strlen (not_whole[i]));
      g_assert_true (sp_json_reader_end (&reader, &error));
      g_assert_no_error (error);
    }

  /* Too large for a field is not whole enough for it, with the field named. */
  {
    g_autoptr(SpCase) kase = sp_case_new ();
    g_autoptr(GError) error = NULL;

    g_assert_false (reader_decode (SP_ENTITY (kase), "{\"rev\":9223372036854775808}",
                                   SP_JSON_DECODE_FULL, NULL, &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
    g_assert_cmpstr (sp_error_get_field (error), ==, "rev");
  }
}

/* The API: tokens, types, and errors that stick */
static void
test_api (void)
{
  const char *text = " {\"i\": -5, \"b\": true, \"s\": \"x\\ty\", \"n\": null, "
                     "\"a\": [false, {}], \"o\": {\"k\": \"v\"}} ";
  g_auto(SpJsonReader) reader = { 0 };
  g_autoptr(GError) error = NULL;
  const char *name, *s;
  gboolean more, b;
  gint64 i;

  sp_json_reader_init (&reader, text, strlen (text), 8);
  g_assert_cmpint (sp_json_reader_peek (&reader), ==, SP_JSON_TOKEN_OBJECT);

  /* The wrong kind of value reads nothing. */
  g_assert_false (sp_json_reader_enter_array (&reader, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sp_json_reader_read_string (&reader, &s, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sp_json_reader_enter_object (&reader, &error));
  g_assert_true (sp_json_reader_next_member (&reader, &name, &error));
  g_assert_cmpstr (name, ==, "i");
  g_assert_false (sp_json_reader_read_bool (&reader, &b, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sp_json_reader_read_int (&reader, &i, &error));
  g_assert_cmpint (i, ==, -5);

  g_assert_true (sp_json_reader_next_member (&reader, &name, &error));
  g_assert_cmpstr (name, ==, "b");
  g_assert_cmpint (sp_json_reader_peek (&reader), ==, SP_JSON_TOKEN_TRUE);
  g_assert_false (sp_json_reader_read_int (&reader, &i, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sp_json_reader_read_bool (&reader, &b, &error));
  g_assert_true (b);

  g_assert_true (sp_json_reader_next_member (&reader, &name, &error));
  g_assert_cmpstr (name, ==, "s");
  g_assert_cmpint (sp_json_reader_peek (&reader), ==, SP_JSON_TOKEN_STRING);
  g_assert_true (sp_json_reader_read_string (&reader, &s, &error));
  g_assert_cmpstr (s, ==, "x\ty");

  g_assert_true (sp_json_reader_next_member (&reader, &name, &error));
  g_assert_cmpstr (name, ==, "n");
  g_assert_cmpint (sp_json_reader_peek (&reader), ==, SP_JSON_TOKEN_NULL);
  s = "not null";
  g_assert_true (sp_json_reader_read_string (&reader, &s, &error));
  g_assert_null (s);

  g_assert_true (sp_json_reader_next_member (&reader, &name, &error));
  g_assert_cmpstr (name, ==, "a");
  g_assert_cmpint (sp_json_reader_peek (&reader), ==, SP_JSON_TOKEN_ARRAY);
  g_assert_true (sp_json_reader_enter_array (&reader, &error));
  g_assert_true (sp_json_reader_next_element (&reader, &more, &error));
  g_assert_true (more);
  g_assert_cmpint (sp_json_reader_peek (&reader), ==, SP_JSON_TOKEN_FALSE);
  g_assert_true (sp_json_reader_read_bool (&reader, &b, &error));
  g_assert_false (b);
  g_assert_true (sp_json_reader_next_element (&reader, &more, &error));
  g_assert_true (more);
  g_assert_true (sp_json_reader_enter_object (&reader, &error));
  g_assert_true (sp_json_reader_next_member (&reader, &name, &error));
  g_assert_null (name);
  g_assert_true (sp_json_reader_next_element (&reader, &more, &error));
  g_assert_false (more);

  g_assert_true (sp_json_reader_next_member (&reader, &name, &error));
  g_assert_cmpstr (name, ==, "o");
  g_assert_true (sp_json_reader_skip (&reader, NULL, NULL, &error));
  g_assert_true (sp_json_reader_next_member (&reader, &name, &error));
  g_assert_null (name);
  g_assert_cmpint (sp_json_reader_peek (&reader), ==, SP_JSON_TOKEN_END);
  g_assert_true (sp_json_reader_end (&reader, &error));
  g_assert_no_error (error);

  /* A grammar error is final. */
  {
    const char *bad = "[1,,2] ";
    g_auto(SpJsonReader) r = { 0 };
    g_autoptr(GError) e = NULL;
    g_autofree char *first = NULL;

    sp_json_reader_init (&r, bad, strlen (bad), 8);
    g_assert_cmpint (sp_json_reader_peek (&r), ==, SP_JSON_TOKEN_ARRAY);
    g_assert_true (sp_json_reader_enter_array (&r, &e));
    g_assert_true (sp_json_reader_next_element (&r, &more, &e));
    g_assert_true (sp_json_reader_read_int (&r, &i, &e));
    g_assert_true (sp_json_reader_next_element (&r, &more, &e));
    g_assert_false (sp_json_reader_read_int (&r, &i, &e));
    g_assert_error (e, SP_ERROR, SP_ERROR_MALFORMED);
    first = g_strdup (e->message);
    g_clear_error (&e);
    g_assert_cmpint (sp_json_reader_peek (&r), ==, SP_JSON_TOKEN_INVALID);
    g_assert_false (sp_json_reader_next_element (&r, &more, &e));
    g_assert_error (e, SP_ERROR, SP_ERROR_MALFORMED);
    g_assert_cmpstr (e->message, ==, first);
    g_clear_error (&e);
    g_assert_false (sp_json_reader_skip (&r, NULL, NULL, &e));
    g_assert_error (e, SP_ERROR, SP_ERROR_MALFORMED);
  }

  /* Peeking at what cannot start a value. */
  {
    g_auto(SpJsonReader) r = { 0 };

    sp_json_reader_init (&r, " ]", 2, 8);
    g_assert_cmpint (sp_json_reader_peek (&r), ==, SP_JSON_TOKEN_INVALID);
  }
}

/* Depth and spans */

static void
test_depth (void)
{
  for (guint depth = 1; depth <= 40; depth++)
    {
      GString *s = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < depth; i++)
        g_string_append (s, i % 2 ? "{\"a\":" : "[");
      g_string_append (s, "1");
      for (guint i = depth; i > 0; i--)
        g_string_append (s, (i - 1) % 2 ? "}" : "]");

      g_assert_cmpint (read_any (s->str, s->len, 32, NULL), ==, depth <= 32);
      g_assert_true (read_any (s->str, s->len, depth, NULL));
      if (depth > 1)
        {
          g_assert_false (read_any (s->str, s->len, depth - 1, &error));
          g_assert_error (error, SP_ERROR, SP_ERROR_MALFORMED);
          g_assert_nonnull (strstr (error->message, "nested deeper"));
        }
      g_string_free (s, TRUE);
    }

  /* A hostile depth neither crashes nor goes past the reader's own limit. */
  {
    g_autofree char *deep = g_strnfill (100000, '[');
    g_autoptr(GError) error = NULL;

    g_assert_false (read_any (deep, strlen (deep), SP_JSON_MAX_DEPTH, &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_MALFORMED);
    g_clear_error (&error);
    g_assert_false (read_any (deep, strlen (deep), 0, &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_MALFORMED);
    g_clear_error (&error);
    g_assert_false (read_any (deep, strlen (deep), G_MAXUINT, &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_MALFORMED);
  }

  /* A record counts from where the reader stands: its group is one deeper. */
  {
    const char *text = "[{\"sender\":{\"name\":\"A\"}}]";
    g_autoptr(SpCase) kase = sp_case_new ();

    for (guint max = 2; max <= 3; max++)
      {
        g_auto(SpJsonReader) reader = { 0 };
        g_autoptr(GError) error = NULL;
        gboolean more;

        sp_json_reader_init (&reader, text, strlen (text), max);
        g_assert_true (sp_json_reader_enter_array (&reader, &error));
        g_assert_true (sp_json_reader_next_element (&reader, &more, &error));
        g_assert_cmpint (sp_json_read_entity (&reader, SP_ENTITY (kase), SP_JSON_DECODE_PATCH,
                                              NULL, &error), ==, max == 3);
        if (max == 2)
          g_assert_error (error, SP_ERROR, SP_ERROR_MALFORMED);
      }
  }
}

static void
test_skip_spans (void)
{
  const char *text = "  {\"a\" :  [1, {\"b\": \"}]\\\"[\"}, -2.5e+3 ]  , \"c\": \"\\u00e5\", "
                     "\"d\":null,\"e\":true}  ";
  const char *expected[] = {
    "[1, {\"b\": \"}]\\\"[\"}, -2.5e+3 ]",
    "\"\\u00e5\"",
    "null",
    "true",
  };
  g_auto(SpJsonReader) reader = { 0 };
  g_autoptr(GError) error = NULL;
  const char *start, *name;
  gsize length;

  /* The whole value, without the space around it. */
  sp_json_reader_init (&reader, text, strlen (text), 8);
  g_assert_true (sp_json_reader_skip (&reader, &start, &length, &error));
  g_assert_no_error (error);
  g_assert_true (start == text + 2);
  g_assert_cmpuint (length, ==, strlen (text) - 4);
  g_assert_true (sp_json_reader_end (&reader, &error));
  sp_json_reader_clear (&reader);

  /* Each member's value. */
  sp_json_reader_init (&reader, text, strlen (text), 8);
  g_assert_true (sp_json_reader_enter_object (&reader, &error));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_true (sp_json_reader_next_member (&reader, &name, &error));
      g_assert_nonnull (name);
      g_assert_true (sp_json_reader_skip (&reader, &start, &length, &error));
      g_assert_no_error (error);
      g_assert_cmpmem (start, length, expected[i], strlen (expected[i]));
    }
  g_assert_true (sp_json_reader_next_member (&reader, &name, &error));
  g_assert_null (name);
  g_assert_true (sp_json_reader_end (&reader, &error));
  g_assert_no_error (error);
}

/* UTF-8: exactly what g_utf8_validate() accepts. */
static void
test_utf8 (void)
{
  static const guchar thirds[] = { 0x00, 0x41, 0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xff };
  guint n = 0;

  for (guint b0 = 0x80; b0 <= 0xff; b0++)
    for (guint b1 = 0; b1 <= 0xff; b1++)
      for (guint k = 0; k <= G_N_ELEMENTS (thirds); k++)
        for (guint l = 0; l <= (b0 >= 0xf0 ? G_N_ELEMENTS (thirds) : 0); l++)
          {
            guchar text[8] = { '"', b0, b1 };
            gsize len = 3;
            gboolean expected = TRUE;

            /* Without a third byte, or with each of the interesting ones. */
            if (k > 0)
              text[len++] = thirds[k - 1];
            if (l > 0)
              {
                if (k == 0)
                  continue;
                text[len++] = thirds[l - 1];
              }
            text[len++] = '"';

            for (gsize i = 1; i < len - 1; i++)
              if (text[i] < 0x20 || text[i] == '"' || text[i] == '\\')
                expected = FALSE;
            if (expected)
              expected = g_utf8_validate_len ((const char *)text + 1, len - 2, NULL);

            if (read_any ((const char *)text, len, 8, NULL) != expected)
              g_error ("%02x %02x %02x %02x: reader and g_utf8_validate() disagree",
                       text[1], text[2], text[3], text[4]);
            n++;
          }

  g_assert_cmpuint (n, >, 100000);
}

/* Fuzz: mutations of a valid page */

static char *
small_page (gsize *length)
{
  g_autoptr(GString) page = g_string_new ("{\"changes\":[");
  g_autoptr(SpCase) kase = sp_test_case_new ("Lekplatsen \"Gungan\" \\ är trasig", NULL);
  g_autoptr(SpUser) user = sp_user_new ();
  g_autoptr(SpCaseEvent) event = sp_case_event_new ();

  sp_entity_ensure_id (SP_ENTITY (kase));
  SP_ENTITY (kase)->rev = 12;
  g_free (kase->description);
  kase->description = g_strdup ("Rad ett\nRad två\t– med “citat” och 😀");
  sp_test_fill_entity (SP_ENTITY (user), 3);
  sp_test_fill_entity (SP_ENTITY (event), 5);
  append_change (page, SP_ENTITY (kase));
  append_change (page, SP_ENTITY (user));
  append_change (page, SP_ENTITY (event));
  g_string_append (page, "],\"more\":false,\"next\":123}");

  *length = page->len;
  return g_string_free (g_steal_pointer (&page), FALSE);
}

static void
test_fuzz (void)
{
  static const char interesting[] = "{}[],:\"\\ \n0123456789-+.eEtfnu\x01\x7f";
  gsize length;
  g_autofree char *page = small_page (&length);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20251124);
  g_autoptr(GPtrArray) good = NULL;
  guint n_rejected_by_parse = 0, n_stricter = 0;

  /* The page itself is read whole, both ways. */
  good = read_page (page, length, NULL);
  g_assert_nonnull (good);
  g_assert_cmpuint (good->len, ==, 3);
  g_assert_true (read_any (page, length, SP_JSON_MAX_DEPTH, NULL));
  g_assert_true (read_object (page, length, NULL));

  for (guint i = 0; i < 4000; i++)
    {
      g_autofree char *text = g_memdup2 (page, length + 1);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GPtrArray) entities = NULL;
      g_autoptr(GError) error = NULL;
      gsize len = length;
      gsize at = g_rand_int_range (rand, 0, length);
      gboolean any, object;

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          text[at] = interesting[g_rand_int_range (rand, 0, sizeof interesting - 1)];
          break;
        case 1:
          text[at] = g_rand_int_range (rand, 0, 256);
          break;
        case 2:
          memmove (text + at, text + at + 1, length - at);
          len--;
          break;
        default:
          len = at;
          break;
        }

      node = sp_json_parse (text, len, SP_JSON_MAX_DEPTH, NULL);
      any = read_any (text, len, SP_JSON_MAX_DEPTH, &error);
      if (!any)
        g_assert_true (error->domain == SP_ERROR && error->code == SP_ERROR_MALFORMED);
      g_clear_error (&error);
      object = read_object (text, len, &error);
      if (!object)
        g_assert_true (error->domain == SP_ERROR &&
                       (error->code == SP_ERROR_MALFORMED || error->code == SP_ERROR_INVALID));
      g_clear_error (&error);
      entities = read_page (text, len, &error);
      if (entities == NULL)
        g_assert_true (error != NULL && error->domain == SP_ERROR);

      if (node == NULL)
        {
          /* What json-glib refuses, the reader refuses too. */
          n_rejected_by_parse++;
          if (any || object || entities != NULL)
            g_error ("mutation %u accepted, but sp_json_parse() refuses it:\n%.*s", i, (int)len,
                     text);
        }
      else if (!any)
        n_stricter++; /* leading zeros, \u0000 and the like */
    }

  g_test_message ("%u of 4000 mutations refused by sp_json_parse(), "
                  "%u more by the reader alone", n_rejected_by_parse, n_stricter);
  g_assert_cmpuint (n_rejected_by_parse, >, 1000);
}

/* Threads: each with a reader of its own, over the same page */

static gpointer
read_page_thread (gpointer data)
{
  const char *page = data;
  guint n = 0;

  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(GPtrArray) entities = read_page (page, strlen (page), NULL);

      g_assert_nonnull (entities);
      n += entities->len;
    }

  return GUINT_TO_POINTER (n);
}

static void
test_threads (void)
{
  gsize length;
  g_autofree char *page = small_page (&length);
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("reader", read_page_thread, page);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[i])), ==, 150);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-read/round-trip", test_round_trip);
  g_test_add_func ("/json-read/equivalence", test_equivalence);
  g_test_add_func ("/json-read/nul", test_nul);
  g_test_add_func ("/json-read/error-recovery", test_error_recovery);
  g_test_add_func ("/json-read/malformed", test_malformed);
  g_test_add_func ("/json-read/malformed-messages", test_malformed_messages);
  g_test_add_func ("/json-read/valid", test_valid);
  g_test_add_func ("/json-read/numbers", test_numbers);
  g_test_add_func ("/json-read/api", test_api);
  g_test_add_func ("/json-read/depth", test_depth);
  g_test_add_func ("/json-read/skip-spans", test_skip_spans);
  g_test_add_func ("/json-read/utf8", test_utf8);
  g_test_add_func ("/json-read/fuzz", test_fuzz);
  g_test_add_func ("/json-read/threads", test_threads);

  return g_test_run ();
}
