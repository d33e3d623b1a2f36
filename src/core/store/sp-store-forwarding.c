/* sp-store-forwarding.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>

#include "sp-error.h"
#include "sp-investigation-check.h"
#include "sp-provider.h"
#include "sp-store-forwarding.h"
#include "sp-store-private.h"
#include "sp-unit.h"

#define MAY_ASK (SP_ROLE_BIT (SP_ROLE_REGISTRAR) | SP_ROLE_BIT (SP_ROLE_CASE_OFFICER) | \
                 SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) | SP_ROLE_BIT (SP_ROLE_DEPARTMENT_HEAD))

static const char *
actor_name (const SpActor *actor)
{
  if (actor == NULL)
    return NULL;
  return actor->display_name ? actor->display_name : actor->user_id;
}

/* The department @unit belongs to (itself if it is one), or NULL. */
static SpUnit *
department_of (SpStore *self,
               SpUnit  *unit)
{
  g_autoptr(SpUnit) current = g_object_ref (unit);

  /* A tree of a few levels; the bound stops a loop in bad data. */
  for (guint depth = 0; current != NULL && depth < 16; depth++)
    {
      SpUnit *parent;

      if (current->kind == SP_UNIT_KIND_DEPARTMENT)
        return g_steal_pointer (&current);
      if (current->parent_id == NULL)
        return NULL;
      parent = sp_store_load (self, SP_TYPE_UNIT, current->parent_id, NULL);
      g_clear_object (&current);
      current = parent;
    }
  return NULL;
}

gboolean
sp_store_assign_to_unit (SpStore        *self,
                         const char     *case_id,
                         const char     *unit_id,
                         const SpActor  *actor,
                         char          **copy_to,
                         GError        **error)
{
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(SpUnit) unit = NULL;
  g_autoptr(SpUnit) department = NULL;
  g_autofree char *copy = NULL;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);

  if (copy_to != NULL)
    *copy_to = NULL;
  if (unit_id == NULL || !sp_is_uuid (unit_id))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "unit_id", _("Choose the unit to send the case to"));
      return FALSE;
    }
  if (!sp_store_begin (self, error))
    return FALSE;
  if (!(kase = _sp_store_load_named_case (self, case_id,
                                          "case_id", _("The record names no case"), error)))
    goto failed;
  unit = sp_store_load (self, SP_TYPE_UNIT, unit_id, NULL);
  if (unit == NULL || SP_ENTITY (unit)->deleted || unit->kind == SP_UNIT_KIND_ADMINISTRATION)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "unit_id", _("There is no such unit"));
      goto failed;
    }

  if (g_strcmp0 (kase->unit_id, unit_id) != 0)
    {
      g_free (kase->unit_id);
      kase->unit_id = g_strdup (unit_id);
      if (!sp_store_update_case (self, kase, actor, FALSE, error))
        goto failed;
    }
  /* Assigned already: sent on to another unit; the workflow says whether
   * the case may go to the unit now (R4: registered first). */
  if (kase->status != SP_STATUS_ASSIGNED &&
      !sp_store_transition_case (self, kase, SP_STATUS_ASSIGNED, actor, error))
    goto failed;

  department = department_of (self, unit);
  if (department != NULL && department->contact_name != NULL && *department->contact_name != '\0')
    copy = g_strdup_printf ("%s: %s", department->name ? department->name : "",
                            department->contact_name);
  /* The copy for the department's watch (bevakning), or that there was
   * nobody to send it to. */
  if (!_sp_store_add_case_event (self, case_id, actor, SP_EVENT_NOTE,
                                 copy ? "copy_to_department" : "copy_to_department_missing",
                                 NULL, copy ? copy : (department ? department->name : unit->name),
                                 "unit", error))
    goto failed;
  if (!sp_store_commit (self, error))
    return FALSE;
  if (copy_to != NULL)
    *copy_to = g_steal_pointer (&copy);
  return TRUE;

failed:
  sp_store_rollback (self);
  return FALSE;
}

static char *
describe_request (SpStore          *self,
                  SpAccountRequest *request)
{
  g_autofree char *due = sp_date_to_string (request->due_on);
  g_autofree char *whom = NULL;

  if (request->source == SP_ACCOUNT_FROM_PROVIDER)
    {
      g_autoptr(SpProvider) provider = sp_store_load (self, SP_TYPE_PROVIDER, request->provider_id, NULL);

      whom = g_strdup (provider && provider->name ? provider->name : request->provider_id);
    }
  else
    whom = g_strdup (request->requested_from);
  return g_strdup_printf ("%s: %s, %s", sp_enum_to_name (&sp_account_source_info, request->source),
                          whom ? whom : "", due ? due : "");
}

gboolean
sp_store_save_account_request (SpStore           *self,
                               SpAccountRequest  *request,
                               SpSaveFlags        flags,
                               const SpActor     *actor,
                               GError           **error)
{
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(SpAccountRequest) stored = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  SpDate today = sp_date_today ();

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SP_IS_ACCOUNT_REQUEST (request), FALSE);

  if (actor != NULL && (actor->roles & MAY_ASK) == 0)
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, "source",
                          _("Only the registrar, case officers and managers ask for accounts"));
      return FALSE;
    }
  if (!sp_store_begin (self, error))
    return FALSE;
  if (!(kase = _sp_store_load_named_case (self, request->case_id,
                                          "case_id", _("The record names no case"), error)))
    goto failed;

  sp_entity_ensure_id (SP_ENTITY (request));
  stored = sp_store_load (self, SP_TYPE_ACCOUNT_REQUEST, SP_ENTITY (request)->id, NULL);
  if (stored != NULL && g_strcmp0 (stored->case_id, request->case_id) != 0)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "case_id", _("A record cannot be moved to another case"));
      goto failed;
    }
  if (stored != NULL && sp_account_request_is_received (stored) && !sp_account_request_is_received (request))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "received_on",
                          _("The account is recorded: it cannot be taken back"));
      goto failed;
    }

  /* Who asked and when is the store's to say. */
  request->requested_on = stored ? stored->requested_on
                                 : (request->requested_on != SP_DATE_NONE && actor == NULL
                                    ? request->requested_on : today);
  g_free (request->requested_by);
  request->requested_by = g_strdup (stored ? stored->requested_by : actor_name (actor));

  /* A last date kept as it was is not checked against today again. */
  problems = sp_account_request_check (request, stored && stored->due_on == request->due_on
                                                ? SP_DATE_NONE : today, today);
  if (!sp_problems_to_error (problems, error))
    goto failed;

  if (request->source == SP_ACCOUNT_FROM_PROVIDER)
    {
      g_autoptr(SpProvider) provider = sp_is_uuid (request->provider_id)
                                       ? sp_store_load (self, SP_TYPE_PROVIDER, request->provider_id, NULL)
                                       : NULL;

      if (provider == NULL || SP_ENTITY (provider)->deleted)
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "provider_id", _("There is no such provider"));
          goto failed;
        }
    }

  if (stored == NULL || stored->due_on != request->due_on)
    {
      g_autofree char *before = stored ? describe_request (self, stored) : NULL;
      g_autofree char *after = describe_request (self, request);

      if (!_sp_store_add_case_event (self, request->case_id, actor, SP_EVENT_NOTE, "account_requested",
                                     before, after, "account_request", error))
        goto failed;
    }
  if (sp_account_request_is_received (request) && (stored == NULL || !sp_account_request_is_received (stored)))
    {
      g_autofree char *date = sp_date_to_string (request->received_on);
      g_autofree char *value = g_strdup_printf ("%s, %s", date,
                                                sp_enum_to_name (&sp_account_method_info,
                                                                 request->received_method));

      g_free (request->recorded_by);
      request->recorded_by = g_strdup (actor_name (actor));
      /* The date and the way, never what it says. */
      if (!_sp_store_add_case_event (self, request->case_id, actor, SP_EVENT_NOTE, "account_received",
                                     NULL, value, "account_request", error))
        goto failed;
    }
  else if (stored != NULL)
    {
      g_free (request->recorded_by);
      request->recorded_by = g_strdup (stored->recorded_by);
    }

  if (!sp_store_save (self, SP_ENTITY (request), flags, actor ? actor->user_id : NULL, error))
    goto failed;
  return sp_store_commit (self, error);

failed:
  sp_store_rollback (self);
  return FALSE;
}

GPtrArray *
sp_store_get_account_requests (SpStore     *self,
                               const char  *case_id,
                               GError     **error)
{
  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  return sp_store_load_where (self, SP_TYPE_ACCOUNT_REQUEST, "case_id", case_id, error);
}
