/* sp-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "sp-csv.h"

void
sp_csv_init (SpCsv    *csv,
             char      separator,
             gboolean  bom)
{
  g_return_if_fail (separator == ',' || separator == ';');

  csv->text = g_string_new (bom ? "\xEF\xBB\xBF" : NULL);
  csv->separator = separator;
  csv->at_start = TRUE;
}

void
sp_csv_field (SpCsv      *csv,
              const char *value)
{
  char specials[] = { csv->separator, '"', '\r', '\n', '\0' };

  if (!csv->at_start)
    g_string_append_c (csv->text, csv->separator);
  csv->at_start = FALSE;
  if (value == NULL)
    return;
  if (strpbrk (value, specials) == NULL)
    {
      g_string_append (csv->text, value);
      return;
    }
  g_string_append_c (csv->text, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (csv->text, '"');
      g_string_append_c (csv->text, *p);
    }
  g_string_append_c (csv->text, '"');
}

void
sp_csv_field_int (SpCsv  *csv,
                  gint64  value)
{
  char buf[24];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  sp_csv_field (csv, buf);
}

void
sp_csv_end_record (SpCsv *csv)
{
  g_string_append (csv->text, "\r\n");
  csv->at_start = TRUE;
}

char *
sp_csv_steal (SpCsv *csv)
{
  return g_string_free (g_steal_pointer (&csv->text), FALSE);
}

static void
add_keys (GPtrArray  *keys,
          GHashTable *seen,
          GPtrArray  *counts)
{
  for (guint i = 0; counts != NULL && i < counts->len; i++)
    {
      SpStatsCount *count = g_ptr_array_index (counts, i);

      if (g_hash_table_add (seen, count->key))
        g_ptr_array_add (keys, count->key);
    }
}

static int
compare_key (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
sp_stats_report_table_to_csv (const SpStatsReport *report,
                              SpStatsDimension     dimension,
                              char                 separator,
                              gboolean             bom)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  SpCsv csv;

  g_return_val_if_fail (report != NULL && dimension < SP_STATS_N_DIMENSIONS, NULL);

  add_keys (keys, seen, report->current->by[dimension]);
  add_keys (keys, seen, report->previous->by[dimension]);
  add_keys (keys, seen, report->last_year->by[dimension]);
  g_ptr_array_sort (keys, compare_key);

  sp_csv_init (&csv, separator, bom);
  sp_csv_field (&csv, sp_enum_to_name (&sp_stats_dimension_info, dimension));
  sp_csv_field (&csv, "current");
  sp_csv_field (&csv, "previous");
  sp_csv_field (&csv, "last_year");
  sp_csv_end_record (&csv);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      sp_csv_field (&csv, key);
      sp_csv_field_int (&csv, sp_stats_figures_get_count (report->current, dimension, key));
      sp_csv_field_int (&csv, sp_stats_figures_get_count (report->previous, dimension, key));
      sp_csv_field_int (&csv, sp_stats_figures_get_count (report->last_year, dimension, key));
      sp_csv_end_record (&csv);
    }
  return sp_csv_steal (&csv);
}

static void
double_field (SpCsv  *csv,
              double  value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    sp_csv_field (csv, "");
  else
    sp_csv_field (csv, g_ascii_formatd (buf, sizeof buf, "%.1f", value));
}

typedef enum { INT, DOUBLE } Kind;

static void
summary_row (SpCsv                *csv,
             const SpStatsReport  *report,
             const char           *name,
             Kind                  kind,
             gsize                 offset)
{
  const SpStatsFigures *figures[] = { report->current, report->previous, report->last_year };

  sp_csv_field (csv, "summary");
  sp_csv_field (csv, name);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      if (kind == INT)
        sp_csv_field_int (csv, G_STRUCT_MEMBER (gint64, figures[i], offset));
      else
        double_field (csv, G_STRUCT_MEMBER (double, figures[i], offset));
    }
  sp_csv_end_record (csv);
}

char *
sp_stats_report_to_csv (const SpStatsReport *report,
                        char                 separator,
                        gboolean             bom)
{
  static const struct { const char *name; Kind kind; gsize offset; } summary[] = {
    { "total", INT, G_STRUCT_OFFSET (SpStatsFigures, total) },
    { "positive", INT, G_STRUCT_OFFSET (SpStatsFigures, positive) },
    { "complaints", INT, G_STRUCT_OFFSET (SpStatsFigures, complaints) },
    { "overdue", INT, G_STRUCT_OFFSET (SpStatsFigures, overdue) },
    { "deadline_due", INT, G_STRUCT_OFFSET (SpStatsFigures, deadline_due) },
    { "within_deadline", INT, G_STRUCT_OFFSET (SpStatsFigures, within_deadline) },
    { "handled", INT, G_STRUCT_OFFSET (SpStatsFigures, handled) },
    { "median_days", DOUBLE, G_STRUCT_OFFSET (SpStatsFigures, median_days) },
    { "p90_days", DOUBLE, G_STRUCT_OFFSET (SpStatsFigures, p90_days) },
    { "handled_working", INT, G_STRUCT_OFFSET (SpStatsFigures, handled_working) },
    { "median_working_days", DOUBLE, G_STRUCT_OFFSET (SpStatsFigures, median_working_days) },
    { "p90_working_days", DOUBLE, G_STRUCT_OFFSET (SpStatsFigures, p90_working_days) },
  };
  SpCsv csv;

  g_return_val_if_fail (report != NULL, NULL);

  sp_csv_init (&csv, separator, bom);
  sp_csv_field (&csv, "table");
  sp_csv_field (&csv, "key");
  sp_csv_field (&csv, "current");
  sp_csv_field (&csv, "previous");
  sp_csv_field (&csv, "last_year");
  sp_csv_end_record (&csv);

  for (guint i = 0; i < G_N_ELEMENTS (summary); i++)
    summary_row (&csv, report, summary[i].name, summary[i].kind, summary[i].offset);

  for (int a = 0; a < (int) sp_assessment_info.n_values; a++)
    {
      sp_csv_field (&csv, "assessment");
      sp_csv_field (&csv, sp_enum_to_name (&sp_assessment_info, a));
      sp_csv_field_int (&csv, report->current->assessment[a]);
      sp_csv_field_int (&csv, report->previous->assessment[a]);
      sp_csv_field_int (&csv, report->last_year->assessment[a]);
      sp_csv_end_record (&csv);
    }

  for (int d = 0; d < SP_STATS_N_DIMENSIONS; d++)
    {
      g_autoptr(GPtrArray) keys = g_ptr_array_new ();
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      const char *table = sp_enum_to_name (&sp_stats_dimension_info, d);

      add_keys (keys, seen, report->current->by[d]);
      add_keys (keys, seen, report->previous->by[d]);
      add_keys (keys, seen, report->last_year->by[d]);
      g_ptr_array_sort (keys, compare_key);
      for (guint i = 0; i < keys->len; i++)
        {
          const char *key = g_ptr_array_index (keys, i);

          sp_csv_field (&csv, table);
          sp_csv_field (&csv, key);
          sp_csv_field_int (&csv, sp_stats_figures_get_count (report->current, d, key));
          sp_csv_field_int (&csv, sp_stats_figures_get_count (report->previous, d, key));
          sp_csv_field_int (&csv, sp_stats_figures_get_count (report->last_year, d, key));
          sp_csv_end_record (&csv);
        }
    }
  return sp_csv_steal (&csv);
}
