/* sp-store-retention.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-case-event.h"
#include "sp-disclosure-request.h"
#include "sp-investigation.h"
#include "sp-letter.h"
#include "sp-planned-action.h"
#include "sp-store-private.h"
#include "sp-store-retention.h"

void
sp_retention_item_free (SpRetentionItem *item)
{
  if (item == NULL)
    return;
  g_free (item->case_id);
  g_free (item->diary_number);
  g_free (item);
}

static guint
setting_years (SpStore    *self,
               const char *key)
{
  g_autofree char *text = sp_store_dup_setting (self, key);
  guint64 years = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, 200, &years, NULL))
    return 0;
  return (guint) years;
}

void
sp_store_get_retention_rules (SpStore          *self,
                              SpRetentionRules *rules)
{
  g_return_if_fail (SP_IS_STORE (self));
  g_return_if_fail (rules != NULL);

  rules->contact_years = setting_years (self, "retention.contact_years");
  rules->free_text_years = setting_years (self, "retention.free_text_years");
}

/* Whether @years after @closed_on has come by @today. */
static gboolean
is_due (SpDate closed_on,
        guint  years,
        SpDate today)
{
  GDate date;

  if (years == 0 || closed_on == SP_DATE_NONE)
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, closed_on);
  g_date_add_years (&date, years);
  return g_date_get_julian (&date) <= today;
}

/* Clears the fields of @entity that carry @flag; TRUE if any was set. */
static gboolean
clear_fields (SpEntity     *entity,
              SpFieldFlags  flag)
{
  const SpEntityInfo *info = sp_entity_get_info (entity);
  gboolean any = FALSE;

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];

      if (!(field->flags & flag) || !sp_entity_field_is_set (entity, field))
        continue;
      any = TRUE;
      if (field->type == SP_FIELD_STRING)
        sp_entity_set_string (entity, field, NULL);
      else
        sp_entity_set_int (entity, field, 0);
    }
  return any;
}

/* The history's old and new values of the cleared fields. */
static gboolean
clear_event (SpCaseEvent  *event,
             SpFieldFlags  flag)
{
  const SpField *field;

  if (event->field == NULL)
    return FALSE;
  field = sp_entity_info_lookup (&sp_case_info, event->field);
  if (field == NULL)
    field = sp_entity_info_lookup (&sp_investigation_info, event->field);
  if (field == NULL || !(field->flags & flag) || (event->old_value == NULL && event->new_value == NULL))
    return FALSE;
  g_clear_pointer (&event->old_value, g_free);
  g_clear_pointer (&event->new_value, g_free);
  return TRUE;
}

/* The case's records that hold what @flag marks, cleared and saved. */
static gboolean
erase (SpStore      *self,
       SpCase       *kase,
       SpFieldFlags  flag,
       gboolean      dry_run,
       GError      **error)
{
  GType children[] = { SP_TYPE_CASE_EVENT, SP_TYPE_INVESTIGATION, SP_TYPE_LETTER,
                       SP_TYPE_DISCLOSURE_REQUEST, SP_TYPE_PLANNED_ACTION };
  gboolean any = clear_fields (SP_ENTITY (kase), flag);

  if (any && !dry_run && !sp_store_save (self, SP_ENTITY (kase), SP_SAVE_DEFAULT, NULL, error))
    return FALSE;

  for (guint t = 0; t < G_N_ELEMENTS (children); t++)
    {
      g_autoptr(GPtrArray) records = sp_store_load_where (self, children[t], "case_id",
                                                          SP_ENTITY (kase)->id, error);

      if (records == NULL)
        return FALSE;
      for (guint i = 0; i < records->len; i++)
        {
          SpEntity *record = records->pdata[i];
          gboolean changed = SP_IS_CASE_EVENT (record)
                             ? clear_event (SP_CASE_EVENT (record), flag)
                             : clear_fields (record, flag);

          if (!changed)
            continue;
          any = TRUE;
          if (!dry_run && !sp_store_save (self, record, SP_SAVE_DEFAULT, NULL, error))
            return FALSE;
        }
    }
  return any;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const SpRetentionItem *ia = *(SpRetentionItem **) a;
  const SpRetentionItem *ib = *(SpRetentionItem **) b;

  return ia->closed_on < ib->closed_on ? -1 : ia->closed_on > ib->closed_on;
}

GPtrArray *
sp_store_run_retention (SpStore                 *self,
                        const SpRetentionRules  *rules,
                        SpDate                   today,
                        gboolean                 dry_run,
                        GError                 **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_retention_item_free);

  g_return_val_if_fail (SP_IS_STORE (self), NULL);
  g_return_val_if_fail (rules != NULL, NULL);

  if (rules->contact_years == 0 && rules->free_text_years == 0)
    return g_steal_pointer (&items);

  if (!sp_store_begin (self, error))
    return NULL;
  cases = sp_store_load_where (self, SP_TYPE_CASE, NULL, NULL, error);
  if (cases == NULL)
    goto failed;

  for (guint i = 0; i < cases->len; i++)
    {
      SpCase *kase = cases->pdata[i];
      gboolean contact = FALSE;
      gboolean free_text = FALSE;

      /* Closed, forwarded elsewhere or handed to another routine. */
      if (sp_status_is_open (kase->status))
        continue;

      if (is_due (kase->closed_on, rules->contact_years, today))
        {
          contact = erase (self, kase, SP_FIELD_PERSONAL, dry_run, error);
          if (error && *error)
            goto failed;
        }
      if (is_due (kase->closed_on, rules->free_text_years, today))
        {
          free_text = erase (self, kase, SP_FIELD_FREE_TEXT, dry_run, error);
          if (error && *error)
            goto failed;
        }

      if (contact || free_text)
        {
          SpRetentionItem *item = g_new0 (SpRetentionItem, 1);

          item->case_id = g_strdup (SP_ENTITY (kase)->id);
          item->diary_number = g_strdup (kase->diary_number);
          item->closed_on = kase->closed_on;
          item->contact = contact;
          item->free_text = free_text;
          g_ptr_array_add (items, item);

          if (!dry_run &&
              !_sp_store_add_case_event (self, SP_ENTITY (kase)->id, NULL, SP_EVENT_NOTE,
                                         "retention", NULL,
                                         contact && free_text ? "contact_details,free_text"
                                         : contact ? "contact_details" : "free_text",
                                         "retention", error))
            goto failed;
        }
    }

  if (dry_run)
    sp_store_rollback (self);
  else if (!sp_store_commit (self, error))
    return NULL;

  g_ptr_array_sort (items, compare_items);
  return g_steal_pointer (&items);

failed:
  sp_store_rollback (self);
  return NULL;
}
