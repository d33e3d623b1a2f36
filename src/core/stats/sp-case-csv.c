/* sp-case-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-case-csv.h"

/* Every column holds an id, an enum name, a date or a flag. */
static const char * const columns[] = {
  "id", "diary_number", "received_on", "kind", "valence", "channel", "status",
  "sender_anonymous", "sender_wants_feedback", "sender_relation", "concerns",
  "unit_id", "provider_id", "area", "category", "deadline_rule", "due_on",
  "overdue", "feedback_on", "closed_on", "contract_breach", "subject", NULL
};

const char * const *
sp_case_csv_columns (void)
{
  return columns;
}

void
sp_case_csv_header (SpCsv          *csv,
                    SpCaseCsvFlags  flags)
{
  for (guint i = 0; columns[i] != NULL; i++)
    if (g_strcmp0 (columns[i], "subject") != 0 || (flags & SP_CASE_CSV_SUBJECT))
      sp_csv_field (csv, columns[i]);
  sp_csv_end_record (csv);
}

static void
date_field (SpCsv  *csv,
            SpDate  date)
{
  char text[11];

  if (date == SP_DATE_NONE)
    {
      sp_csv_field (csv, "");
      return;
    }
  sp_date_format (date, text);
  sp_csv_field (csv, text);
}

static void
bool_field (SpCsv    *csv,
            gboolean  value)
{
  sp_csv_field (csv, value ? "true" : "false");
}

static void
enum_field (SpCsv            *csv,
            const SpEnumInfo *info,
            int               value)
{
  const char *name = sp_enum_to_name (info, value);

  sp_csv_field (csv, name ? name : "");
}

void
sp_case_csv_row (SpCsv          *csv,
                 SpCase         *kase,
                 SpCaseCsvFlags  flags,
                 gboolean        redacted)
{
  g_return_if_fail (SP_IS_CASE (kase));

  sp_csv_field (csv, SP_ENTITY (kase)->id);
  sp_csv_field (csv, kase->diary_number);
  date_field (csv, kase->received_on);
  enum_field (csv, &sp_case_kind_info, kase->kind);
  enum_field (csv, &sp_valence_info, kase->valence);
  enum_field (csv, &sp_channel_info, kase->channel);
  enum_field (csv, &sp_status_info, kase->status);
  bool_field (csv, kase->sender_anonymous);
  bool_field (csv, kase->sender_wants_feedback);
  enum_field (csv, &sp_relation_info, kase->sender_relation);
  enum_field (csv, &sp_concerns_info, kase->concerns);
  sp_csv_field (csv, kase->unit_id);
  sp_csv_field (csv, kase->provider_id);
  enum_field (csv, &sp_area_info, kase->area);
  sp_csv_field (csv, kase->category);
  sp_csv_field (csv, kase->deadline_rule);
  date_field (csv, kase->due_on);
  bool_field (csv, kase->overdue);
  date_field (csv, kase->feedback_on);
  date_field (csv, kase->closed_on);
  bool_field (csv, kase->contract_breach);
  if (flags & SP_CASE_CSV_SUBJECT)
    sp_csv_field (csv, redacted ? "" : kase->subject);
  sp_csv_end_record (csv);
}

char *
sp_cases_to_csv (GPtrArray      *cases,
                 SpCaseCsvFlags  flags,
                 char            separator,
                 gboolean        bom)
{
  SpCsv csv;

  g_return_val_if_fail (cases != NULL, NULL);

  sp_csv_init (&csv, separator, bom);
  sp_case_csv_header (&csv, flags);
  for (guint i = 0; i < cases->len; i++)
    sp_case_csv_row (&csv, g_ptr_array_index (cases, i), flags, FALSE);
  return sp_csv_steal (&csv);
}
