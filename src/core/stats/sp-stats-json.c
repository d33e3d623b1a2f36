/* sp-stats-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "sp-stats-json.h"

static void
set_double (JsonObject *object,
            const char *name,
            double      value)
{
  if (isnan (value))
    json_object_set_null_member (object, name);
  else
    json_object_set_double_member (object, name, value);
}

static JsonObject *
handling (gint64 count,
          double median,
          double p90)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "count", count);
  set_double (object, "median", median);
  set_double (object, "p90", p90);
  return object;
}

JsonNode *
sp_stats_figures_to_json (const SpStatsFigures *f)
{
  JsonObject *object = json_object_new ();
  JsonObject *deadline = json_object_new ();
  JsonObject *assessment = json_object_new ();
  JsonObject *by = json_object_new ();
  g_autofree char *period = sp_period_to_string (&f->period);
  char from[11], to[11];
  JsonNode *node;

  sp_date_format (f->period.from, from);
  sp_date_format (f->period.to, to);
  json_object_set_string_member (object, "period", period);
  json_object_set_string_member (object, "from", from);
  json_object_set_string_member (object, "to", to);
  json_object_set_int_member (object, "total", f->total);
  json_object_set_int_member (object, "positive", f->positive);
  json_object_set_int_member (object, "complaints", f->complaints);
  json_object_set_int_member (object, "overdue", f->overdue);

  json_object_set_int_member (deadline, "due", f->deadline_due);
  json_object_set_int_member (deadline, "within", f->within_deadline);
  set_double (deadline, "share", sp_stats_figures_within_share (f));
  json_object_set_object_member (object, "deadline", deadline);

  json_object_set_object_member (object, "handling_days", handling (f->handled, f->median_days, f->p90_days));
  json_object_set_object_member (object, "handling_working_days",
                                 handling (f->handled_working, f->median_working_days, f->p90_working_days));

  for (int i = 0; i < (int) sp_assessment_info.n_values; i++)
    json_object_set_int_member (assessment, sp_enum_to_name (&sp_assessment_info, i), f->assessment[i]);
  json_object_set_object_member (object, "assessment", assessment);

  for (int d = 0; d < SP_STATS_N_DIMENSIONS; d++)
    {
      JsonObject *counts = json_object_new ();

      for (guint i = 0; f->by[d] != NULL && i < f->by[d]->len; i++)
        {
          SpStatsCount *count = g_ptr_array_index (f->by[d], i);

          json_object_set_int_member (counts, count->key, count->count);
        }
      json_object_set_object_member (by, sp_enum_to_name (&sp_stats_dimension_info, d), counts);
    }
  json_object_set_object_member (object, "by", by);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

JsonNode *
sp_stats_report_to_json (const SpStatsReport *report)
{
  JsonObject *object = json_object_new ();
  JsonNode *node;

  json_object_set_member (object, "current", sp_stats_figures_to_json (report->current));
  json_object_set_member (object, "previous", sp_stats_figures_to_json (report->previous));
  json_object_set_member (object, "last_year", sp_stats_figures_to_json (report->last_year));
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

JsonNode *
sp_stats_signals_to_json (GPtrArray *signals)
{
  JsonArray *array = json_array_new ();
  JsonNode *node;

  for (guint i = 0; i < signals->len; i++)
    {
      SpStatsSignal *signal = g_ptr_array_index (signals, i);
      JsonObject *object = json_object_new ();
      JsonArray *previous = json_array_new ();

      json_object_set_string_member (object, "dimension", sp_enum_to_name (&sp_stats_dimension_info, signal->dimension));
      json_object_set_string_member (object, "key", signal->key);
      json_object_set_int_member (object, "count", signal->count);
      for (guint j = 0; j < 3; j++)
        json_array_add_int_element (previous, signal->previous[j]);
      json_object_set_array_member (object, "previous", previous);
      json_object_set_double_member (object, "expected", signal->expected);
      json_object_set_double_member (object, "p_value", signal->p_value);
      json_object_set_string_member (object, "test", "poisson");
      json_array_add_object_element (array, object);
    }
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  return node;
}
