/* sp-redact.c: what is withheld from a user who sees a case redacted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include "sp-redact.h"

gboolean
sp_redact_case_field_is_personal (const char *name)
{
  const SpField *field;

  if (name == NULL)
    return FALSE;

  field = sp_entity_info_lookup (&sp_case_info, name);
  for (guint i = 0; field == NULL && i < sp_case_info.n_fields; i++)
    {
      g_autofree char *path = sp_field_dup_path (&sp_case_info.fields[i]);

      if (g_str_equal (path, name))
        field = &sp_case_info.fields[i];
    }

  return field == NULL || sp_field_is_personal (field);
}

void
sp_redact_case_event (SpCaseEvent *event)
{
  const SpEntityInfo *info = sp_entity_get_info (SP_ENTITY (event));

  if (sp_redact_case_field_is_personal (event->field))
    {
      g_clear_pointer (&event->old_value, g_free);
      g_clear_pointer (&event->new_value, g_free);
    }

  /* The event's own free text (its note), by its field table. */
  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].type == SP_FIELD_STRING && sp_field_is_personal (&info->fields[i]))
      sp_entity_set_string (SP_ENTITY (event), &info->fields[i], NULL);
}
