/* sp-diary-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-diary-export.h"
#include "sp-secrecy-marking.h"
#include "sp-store-registrar.h"
#include "sp-unit.h"

void
sp_diary_entry_free (SpDiaryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->case_id);
  g_free (entry->diary_number);
  g_free (entry->subject);
  g_free (entry->unit_id);
  g_free (entry->unit_name);
  g_clear_pointer (&entry->markings, g_ptr_array_unref);
  g_free (entry);
}

static gboolean
marks_whole_case (GPtrArray *markings)
{
  for (guint i = 0; markings != NULL && i < markings->len; i++)
    if (((SpSecrecyMarking *) markings->pdata[i])->part == SP_SECRECY_PART_CASE)
      return TRUE;
  return FALSE;
}

GPtrArray *
sp_diary_build (SpStore    *self,
                GPtrArray  *cases,
                GError    **error)
{
  g_autoptr(GHashTable) active = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) units = NULL;
  GPtrArray *entries;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);
  g_return_val_if_fail (cases != NULL, NULL);

  if ((active = sp_store_get_active_markings (self, error)) == NULL ||
      (units = sp_store_load_where (self, SP_TYPE_UNIT, NULL, NULL, error)) == NULL)
    return NULL;
  for (guint i = 0; i < units->len; i++)
    {
      SpUnit *unit = units->pdata[i];

      g_hash_table_insert (names, g_strdup (SP_ENTITY (unit)->id), g_strdup (unit->name));
    }

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_diary_entry_free);
  for (guint i = 0; i < cases->len; i++)
    {
      SpCase *kase = cases->pdata[i];
      GPtrArray *markings = g_hash_table_lookup (active, SP_ENTITY (kase)->id);
      SpDiaryEntry *entry;

      if (kase->diary_number == NULL)
        continue;
      entry = g_new0 (SpDiaryEntry, 1);
      entry->case_id = g_strdup (SP_ENTITY (kase)->id);
      entry->diary_number = g_strdup (kase->diary_number);
      entry->received_on = kase->received_on;
      entry->kind = kase->kind;
      /* The marking, never what it hides. */
      entry->subject = marks_whole_case (markings) ? NULL : g_strdup (kase->subject);
      entry->unit_id = g_strdup (kase->unit_id);
      entry->unit_name = kase->unit_id ? g_strdup (g_hash_table_lookup (names, kase->unit_id)) : NULL;
      entry->status = kase->status;
      entry->markings = markings ? g_ptr_array_ref (markings)
                                 : g_ptr_array_new_with_free_func (g_object_unref);
      entry->restricted = kase->named_employee || kase->individual_record;
      g_ptr_array_add (entries, entry);
    }
  return entries;
}

gboolean
sp_diary_entry_withheld (const SpDiaryEntry *entry)
{
  g_return_val_if_fail (entry != NULL, FALSE);

  return marks_whole_case (entry->markings);
}

char *
sp_diary_entry_secrecy (const SpDiaryEntry *entry)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (entry != NULL, NULL);

  for (guint i = 0; i < entry->markings->len; i++)
    {
      SpSecrecyMarking *marking = entry->markings->pdata[i];
      g_autofree char *reference = sp_secrecy_provision_reference (marking->provision);

      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%s (%s)", reference ? reference : "",
                              sp_enum_to_name (&sp_secrecy_part_info, marking->part));
    }
  return g_string_free (out, FALSE);
}

static const char * const columns[] = {
  "diary_number", "received_on", "kind", "subject", "unit_id", "unit", "status", "secrecy",
  "subject_withheld", NULL
};

char *
sp_diary_to_csv (GPtrArray *entries,
                 char       separator,
                 gboolean   bom)
{
  SpCsv csv;

  g_return_val_if_fail (entries != NULL, NULL);

  sp_csv_init (&csv, separator, bom);
  for (guint i = 0; columns[i] != NULL; i++)
    sp_csv_field (&csv, columns[i]);
  sp_csv_end_record (&csv);
  for (guint i = 0; i < entries->len; i++)
    {
      SpDiaryEntry *entry = entries->pdata[i];
      g_autofree char *secrecy = sp_diary_entry_secrecy (entry);
      char date[11] = "";

      if (entry->received_on != SP_DATE_NONE)
        sp_date_format (entry->received_on, date);
      sp_csv_field (&csv, entry->diary_number);
      sp_csv_field (&csv, date);
      sp_csv_field (&csv, sp_enum_to_name (&sp_case_kind_info, entry->kind));
      sp_csv_field (&csv, entry->subject ? entry->subject : "");
      sp_csv_field (&csv, entry->unit_id ? entry->unit_id : "");
      sp_csv_field (&csv, entry->unit_name ? entry->unit_name : "");
      sp_csv_field (&csv, sp_enum_to_name (&sp_status_info, entry->status));
      sp_csv_field (&csv, secrecy);
      sp_csv_field (&csv, sp_diary_entry_withheld (entry) ? "true" : "false");
      sp_csv_end_record (&csv);
    }
  return sp_csv_steal (&csv);
}
