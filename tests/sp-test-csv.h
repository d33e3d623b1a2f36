/* sp-test-csv.h: a strict RFC 4180 reader for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fields separated by the separator, records ended by CRLF (the last
 * too), quoted fields with doubled quotes, every record as long as the
 * header; anything else (a bare quote, a lone CR or LF, text after a
 * closing quote, invalid UTF-8, a ragged record) fails the test. A UTF-8
 * byte order mark is allowed first.
 */

#pragma once

#include <glib.h>

static inline GPtrArray *
sp_test_csv_read (const char *text,
                  char        sep)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  g_assert_true (g_utf8_validate (p, -1, NULL));
  while (*p)
    {
      if (*p == '"')
        {
          for (p++;; p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          p++;
          g_assert_true (*p == sep || (*p == '\r' && p[1] == '\n'));
        }
      else
        while (*p != sep && *p != '\r')
          {
            g_assert_true (*p != '"' && *p != '\n' && *p != '\0');
            g_string_append_c (field, *p++);
          }
      g_ptr_array_add (record, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == sep)
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          if (records->len > 0)
            g_assert_cmpuint (record->len, ==, ((GPtrArray *) g_ptr_array_index (records, 0))->len);
          g_ptr_array_add (records, record);
          record = g_ptr_array_new_with_free_func (g_free);
        }
    }
  g_assert_cmpuint (record->len, ==, 0);
  g_ptr_array_unref (record);
  g_string_free (field, TRUE);
  return records;
}

/* The field @i of record @r. */
static inline const char *
sp_test_csv_get (GPtrArray *records,
                 guint      r,
                 guint      i)
{
  GPtrArray *record = g_ptr_array_index (records, r);

  g_assert_cmpuint (i, <, record->len);
  return g_ptr_array_index (record, i);
}

/* The column named @name in the header, or -1. */
static inline int
sp_test_csv_column (GPtrArray  *records,
                    const char *name)
{
  GPtrArray *header = g_ptr_array_index (records, 0);

  for (guint i = 0; i < header->len; i++)
    if (g_str_equal (g_ptr_array_index (header, i), name))
      return (int) i;
  return -1;
}
