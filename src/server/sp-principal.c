/* sp-principal.c: who is asking, and what their roles let them see and do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <string.h>

#include "sp-principal.h"

#define CASE_ROLES (SP_ROLE_BIT (SP_ROLE_STAFF) | SP_ROLE_BIT (SP_ROLE_REGISTRAR) | \
                    SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) | SP_ROLE_BIT (SP_ROLE_DEPARTMENT_HEAD) | \
                    SP_ROLE_BIT (SP_ROLE_CASE_OFFICER) | SP_ROLE_BIT (SP_ROLE_PROCUREMENT) | \
                    SP_ROLE_BIT (SP_ROLE_QUALITY))

static char **
collect_subtree (SpStore    *store,
                 const char *root)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint next = 0;

  g_ptr_array_add (result, g_strdup (root));
  g_hash_table_add (seen, (gpointer) root);

  units = sp_store_load_where (store, SP_TYPE_UNIT, NULL, NULL, NULL);
  if (units != NULL)
    {
      /* Breadth first; `seen` guards against a cycle in a damaged tree. */
      while (next < result->len)
        {
          const char *parent = g_ptr_array_index (result, next++);

          for (guint i = 0; i < units->len; i++)
            {
              SpUnit *unit = g_ptr_array_index (units, i);
              const char *id = SP_ENTITY (unit)->id;

              if (g_strcmp0 (unit->parent_id, parent) == 0 && !g_hash_table_contains (seen, id))
                {
                  g_hash_table_add (seen, (gpointer) id);
                  g_ptr_array_add (result, g_strdup (id));
                }
            }
        }
    }

  /* The strings in `seen` belong to `units`; `result` owns copies. */
  g_hash_table_remove_all (seen);
  g_ptr_array_add (result, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&result), FALSE);
}

SpPrincipal *
sp_principal_new (SpStore *store,
                  SpUser  *user)
{
  SpPrincipal *self = g_new0 (SpPrincipal, 1);

  g_autoptr(GStrvBuilder) full = g_strv_builder_new ();

  self->user = g_object_ref (user);
  self->roles = user->roles;

  if (sp_principal_has_role (self, SP_ROLE_DEPARTMENT_HEAD) && user->unit_id != NULL)
    {
      self->department_units = collect_subtree (store, user->unit_id);
      g_strv_builder_addv (full, (const char **) self->department_units);
    }
  /* The department holds the head's own unit. */
  if (sp_principal_has_role (self, SP_ROLE_UNIT_MANAGER) && user->unit_id != NULL &&
      self->department_units == NULL)
    g_strv_builder_add (full, user->unit_id);
  self->full_units = g_strv_builder_end (full);

  return self;
}

void
sp_principal_free (SpPrincipal *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->user);
  g_strfreev (self->department_units);
  g_strfreev (self->full_units);
  g_free (self);
}

gboolean
sp_principal_has_role (const SpPrincipal *self,
                       SpRole             role)
{
  return (self->roles & SP_ROLE_BIT (role)) != 0;
}

SpActor
sp_principal_get_actor (const SpPrincipal *self)
{
  SpActor actor = {
    SP_ENTITY (self->user)->id,
    self->user->display_name ? self->user->display_name : self->user->username,
    self->roles,
  };
  return actor;
}

gboolean
sp_principal_reads_cases (const SpPrincipal *self)
{
  return (self->roles & CASE_ROLES) != 0;
}

static gboolean
in_own_unit (const SpPrincipal *self,
             SpCase            *kase)
{
  return self->user->unit_id != NULL && g_strcmp0 (kase->unit_id, self->user->unit_id) == 0;
}

/* On conflict of interest (jäv) another unit investigates: its manager
 * handles the case too. */
static gboolean
investigated_by_own_unit (const SpPrincipal *self,
                          SpCase            *kase)
{
  return self->user->unit_id != NULL &&
         g_strcmp0 (kase->investigating_unit_id, self->user->unit_id) == 0;
}

static gboolean
assigned_to_me (const SpPrincipal *self,
                SpCase            *kase)
{
  return kase->assigned_to != NULL && g_strcmp0 (kase->assigned_to, SP_ENTITY (self->user)->id) == 0;
}

static gboolean
in_department (const SpPrincipal *self,
               SpCase            *kase)
{
  return self->department_units != NULL && kase->unit_id != NULL &&
         g_strv_contains ((const char * const *) self->department_units, kase->unit_id);
}

static gboolean
created_it (const SpPrincipal *self,
            SpCase            *kase)
{
  return g_strcmp0 (kase->created_by, SP_ENTITY (self->user)->id) == 0;
}

gboolean
sp_principal_can_read_case (const SpPrincipal *self,
                            SpCase            *kase,
                            gboolean          *redact)
{
  gboolean full = FALSE;
  gboolean redacted = FALSE;

  if (sp_principal_has_role (self, SP_ROLE_REGISTRAR))
    full = TRUE;
  if (sp_principal_has_role (self, SP_ROLE_UNIT_MANAGER) &&
      (in_own_unit (self, kase) || investigated_by_own_unit (self, kase)))
    full = TRUE;
  if (sp_principal_has_role (self, SP_ROLE_DEPARTMENT_HEAD) && in_department (self, kase))
    full = TRUE;

  /* Below: roles that never see cases about a named employee. */
  if (!kase->named_employee)
    {
      if ((sp_principal_has_role (self, SP_ROLE_STAFF) ||
           sp_principal_has_role (self, SP_ROLE_CASE_OFFICER)) && created_it (self, kase))
        full = TRUE;
      /* The case officer handles the provider cases given to them. */
      if (sp_principal_has_role (self, SP_ROLE_CASE_OFFICER) && assigned_to_me (self, kase))
        full = TRUE;
      if (sp_principal_has_role (self, SP_ROLE_PROCUREMENT) && kase->contract_breach)
        full = TRUE;
      if (sp_principal_has_role (self, SP_ROLE_QUALITY))
        redacted = TRUE;
    }

  if (redact)
    *redact = !full && redacted;
  return full || redacted;
}

gboolean
sp_principal_can_edit_case (const SpPrincipal *self,
                            SpCase            *kase)
{
  if (sp_principal_has_role (self, SP_ROLE_REGISTRAR))
    return TRUE;
  if (sp_principal_has_role (self, SP_ROLE_UNIT_MANAGER) &&
      (in_own_unit (self, kase) || investigated_by_own_unit (self, kase)))
    return TRUE;
  if (!kase->named_employee &&
      (sp_principal_has_role (self, SP_ROLE_STAFF) ||
       sp_principal_has_role (self, SP_ROLE_CASE_OFFICER)) &&
      created_it (self, kase))
    return TRUE;
  if (!kase->named_employee && sp_principal_has_role (self, SP_ROLE_CASE_OFFICER) &&
      assigned_to_me (self, kase))
    return TRUE;
  return FALSE;
}

gboolean
sp_principal_check_case_unit (const SpPrincipal  *self,
                              const char         *unit_id,
                              GError            **error)
{
  if (sp_principal_has_role (self, SP_ROLE_REGISTRAR))
    return TRUE;
  if (unit_id == NULL || g_strcmp0 (unit_id, self->user->unit_id) == 0)
    return TRUE;

  sp_set_field_error (error, SP_ERROR_PERMISSION, "unit_id",
                      "Only the registrar can give a case to another unit");
  return FALSE;
}

/* Whether @field differs between @before (NULL: a new case, whose every
 * field was empty) and @after. */
static gboolean
changes (SpCase     *before,
         SpCase     *after,
         const char *field)
{
  const SpField *spec = sp_entity_info_lookup (&sp_case_info, field);
  const char *old = before ? sp_entity_get_string (SP_ENTITY (before), spec) : NULL;

  return g_strcmp0 (old, sp_entity_get_string (SP_ENTITY (after), spec)) != 0;
}

gboolean
sp_principal_check_case_change (const SpPrincipal  *self,
                                SpCase             *before,
                                SpCase             *after,
                                GError            **error)
{
  /* The unit whose manager decides about the case: the one it had. */
  SpCase *as_was = before ? before : after;
  gboolean registrar = sp_principal_has_role (self, SP_ROLE_REGISTRAR);
  gboolean manager = sp_principal_has_role (self, SP_ROLE_UNIT_MANAGER) &&
                     (in_own_unit (self, as_was) || investigated_by_own_unit (self, as_was));

  if (registrar)
    return TRUE;

  /* The registrar forwards a case to the unit concerned; anyone else
   * records a case for their own unit, and moves none. */
  if (changes (before, after, "unit_id") &&
      (before != NULL || g_strcmp0 (after->unit_id, self->user->unit_id) != 0))
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, "unit_id",
                          "Only the registrar can give a case to another unit");
      return FALSE;
    }

  /* On conflict of interest the manager of the case's unit hands the
   * investigation to another unit, once: taking it back or passing it on
   * is the registrar's. */
  if (changes (before, after, "investigating_unit_id") &&
      !(sp_principal_has_role (self, SP_ROLE_UNIT_MANAGER) && in_own_unit (self, as_was) &&
        (before == NULL || before->investigating_unit_id == NULL)))
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, "investigating_unit_id",
                          "Only the unit's manager or the registrar can hand the investigation to another unit");
      return FALSE;
    }

  /* A case officer sees the cases assigned to them: the unit manager and
   * the registrar assign. */
  if (changes (before, after, "assigned_to") && !manager)
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, "assigned_to",
                          "Only a unit manager or the registrar can assign a case");
      return FALSE;
    }

  /* Whoever records a case says which provider it concerns; later the
   * unit manager, the case officer (who sends it to the provider) and the
   * registrar change it. */
  if (before != NULL && changes (before, after, "provider_id") &&
      !manager && !sp_principal_has_role (self, SP_ROLE_CASE_OFFICER))
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, "provider_id",
                          "Only a unit manager, a case officer or the registrar can change the provider");
      return FALSE;
    }

  return TRUE;
}

gboolean
sp_principal_can_write_investigation (const SpPrincipal *self,
                                      SpCase            *kase)
{
  if (sp_principal_has_role (self, SP_ROLE_REGISTRAR))
    return TRUE;
  /* Jäv: another unit investigates, and only its manager writes it. */
  if (kase->investigating_unit_id != NULL && g_strcmp0 (kase->investigating_unit_id, kase->unit_id) != 0)
    return sp_principal_has_role (self, SP_ROLE_UNIT_MANAGER) && investigated_by_own_unit (self, kase);
  return sp_principal_can_edit_case (self, kase);
}

gboolean
sp_principal_check_create_case (const SpPrincipal  *self,
                                SpCase             *kase,
                                GError            **error)
{
  guint creators = SP_ROLE_BIT (SP_ROLE_STAFF) | SP_ROLE_BIT (SP_ROLE_REGISTRAR) |
                   SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) | SP_ROLE_BIT (SP_ROLE_CASE_OFFICER);

  if ((self->roles & creators) == 0)
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, NULL, "Your roles do not let you record cases");
      return FALSE;
    }

  if (!sp_principal_check_case_unit (self, kase->unit_id, error))
    return FALSE;

  /* Staff record cases for their own unit. */
  if (kase->unit_id == NULL && kase->concerns == SP_CONCERNS_UNIT && self->user->unit_id != NULL &&
      !sp_principal_has_role (self, SP_ROLE_REGISTRAR))
    kase->unit_id = g_strdup (self->user->unit_id);

  return sp_principal_check_case_change (self, NULL, kase, error);
}

void
sp_principal_restrict_query (const SpPrincipal *self,
                             SpCaseQuery       *query)
{
  SpCaseAccess *access = &query->access;
  const char *me = SP_ENTITY (self->user)->id;

  memset (access, 0, sizeof *access);
  if (sp_principal_has_role (self, SP_ROLE_REGISTRAR))
    return;

  /* sp_principal_can_read_case(), grant by grant. */
  access->restricted = TRUE;
  access->unit_ids = (const char * const *) self->full_units;
  if (sp_principal_has_role (self, SP_ROLE_UNIT_MANAGER))
    access->investigating_unit_id = self->user->unit_id;
  if (sp_principal_has_role (self, SP_ROLE_STAFF) || sp_principal_has_role (self, SP_ROLE_CASE_OFFICER))
    access->created_by = me;
  if (sp_principal_has_role (self, SP_ROLE_CASE_OFFICER))
    access->assigned_to = me;
  access->contract_breaches = sp_principal_has_role (self, SP_ROLE_PROCUREMENT);
  access->redacted_rest = sp_principal_has_role (self, SP_ROLE_QUALITY);
}

gboolean
sp_principal_has_single_scope (const SpPrincipal *self)
{
  guint scoped = self->roles & CASE_ROLES;

  if (sp_principal_has_role (self, SP_ROLE_REGISTRAR))
    return TRUE;
  if (scoped & SP_ROLE_BIT (SP_ROLE_CASE_OFFICER))
    return FALSE;
  /* A unit manager who is also head of department sees the department
   * (their unit is in it). */
  if ((scoped & SP_ROLE_BIT (SP_ROLE_DEPARTMENT_HEAD)) && (scoped & SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER)) &&
      self->department_units != NULL && self->user->unit_id != NULL &&
      g_strv_contains ((const char * const *) self->department_units, self->user->unit_id))
    scoped &= ~SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER);

  return scoped == SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) ||
         scoped == SP_ROLE_BIT (SP_ROLE_DEPARTMENT_HEAD) ||
         scoped == SP_ROLE_BIT (SP_ROLE_STAFF) ||
         scoped == SP_ROLE_BIT (SP_ROLE_PROCUREMENT) ||
         scoped == SP_ROLE_BIT (SP_ROLE_QUALITY);
}

gboolean
sp_principal_writes_contract_issues (const SpPrincipal *self)
{
  return sp_principal_has_role (self, SP_ROLE_PROCUREMENT) ||
         sp_principal_has_role (self, SP_ROLE_ADMIN);
}

gboolean
sp_principal_can_read_contract_issue (const SpPrincipal *self,
                                      SpCase            *kase)
{
  if (kase == NULL)
    return FALSE;
  if (sp_principal_has_role (self, SP_ROLE_ADMIN))
    return TRUE;
  if (sp_principal_has_role (self, SP_ROLE_PROCUREMENT) && !kase->named_employee &&
      kase->contract_breach)
    return TRUE;
  if (sp_principal_has_role (self, SP_ROLE_UNIT_MANAGER) &&
      (in_own_unit (self, kase) || investigated_by_own_unit (self, kase)))
    return TRUE;
  if (sp_principal_has_role (self, SP_ROLE_DEPARTMENT_HEAD) && in_department (self, kase))
    return TRUE;
  return FALSE;
}

gboolean
sp_principal_counts_contract_issues (const SpPrincipal *self)
{
  return sp_principal_writes_contract_issues (self) ||
         sp_principal_has_role (self, SP_ROLE_QUALITY) ||
         sp_principal_has_role (self, SP_ROLE_DEPARTMENT_HEAD);
}

gboolean
sp_principal_can_write_compilation (const SpPrincipal *self,
                                    const char        *unit_id)
{
  if (unit_id == NULL)
    return FALSE;
  if (sp_principal_has_role (self, SP_ROLE_UNIT_MANAGER) && self->user->unit_id != NULL &&
      g_strcmp0 (self->user->unit_id, unit_id) == 0)
    return TRUE;
  return sp_principal_has_role (self, SP_ROLE_DEPARTMENT_HEAD) && self->department_units != NULL &&
         g_strv_contains ((const char * const *) self->department_units, unit_id);
}

gboolean
sp_principal_can_read_compilation (const SpPrincipal *self,
                                   const char        *unit_id)
{
  return sp_principal_has_role (self, SP_ROLE_QUALITY) ||
         sp_principal_can_write_compilation (self, unit_id);
}
