/* sp-store-admin.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same refusals as the server's (src/server/sp-api-reference.c), so
 * that the administration view says the same thing with or without one.
 */

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-category.h"
#include "sp-diary-format.h"
#include "sp-error.h"
#include "sp-store-admin.h"
#include "sp-store-private.h"
#include "sp-unit.h"
#include "sp-user.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Whether another live record of @type has @value in @column. */
static gboolean
check_unique (SpStore     *self,
              SpEntity    *entity,
              const char  *column,
              const char  *value,
              const char  *message,
              GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;

  found = sp_store_load_where (self, G_OBJECT_TYPE (entity), column, value, error);
  if (found == NULL)
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    {
      SpEntity *other = g_ptr_array_index (found, i);

      if (g_strcmp0 (other->id, entity->id) != 0)
        {
          sp_set_field_error (error, SP_ERROR_CONFLICT, column, "%s", message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_exists (SpStore     *self,
              GType        type,
              const char  *id,
              const char  *field,
              GError     **error)
{
  g_autoptr(SpEntity) found = NULL;

  if (id == NULL)
    return TRUE;
  if (sp_is_uuid (id))
    found = sp_store_load (self, type, id, NULL);
  if (found == NULL || found->deleted)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, field,
                          type == SP_TYPE_UNIT ? _("The unit chosen does not exist.")
                                               : _("The user chosen does not exist."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_unit (SpStore  *self,
            SpUnit   *unit,
            gboolean  references,
            GError  **error)
{
  g_autofree char *current = NULL;

  if (is_blank (unit->name))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "name", _("Give the unit a name."));
      return FALSE;
    }
  if (!references)
    return TRUE;
  if (!check_exists (self, SP_TYPE_UNIT, unit->parent_id, "parent_id", error) ||
      !check_exists (self, SP_TYPE_USER, unit->manager_id, "manager_id", error))
    return FALSE;

  current = g_strdup (unit->parent_id);
  for (guint depth = 0; current != NULL && depth < 1000; depth++)
    {
      g_autoptr(SpUnit) above = NULL;

      if (g_strcmp0 (current, SP_ENTITY (unit)->id) == 0)
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "parent_id",
                              _("A unit cannot be placed under itself."));
          return FALSE;
        }
      above = sp_store_load (self, SP_TYPE_UNIT, current, NULL);
      g_free (current);
      current = above ? g_strdup (above->parent_id) : NULL;
    }
  return TRUE;
}

gboolean
sp_store_admin_check (SpStore   *self,
                      SpEntity  *entity,
                      gboolean   references,
                      GError   **error)
{
  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SP_IS_ENTITY (entity), FALSE);

  if (SP_IS_UNIT (entity))
    return check_unit (self, SP_UNIT (entity), references, error);

  if (SP_IS_USER (entity))
    {
      SpUser *user = SP_USER (entity);

      if (is_blank (user->username))
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "username", _("Give the user a user name."));
          return FALSE;
        }
      if (user->roles == 0)
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "roles", _("Give the user at least one role."));
          return FALSE;
        }
      g_autofree char *taken = g_strdup_printf (_("The user name “%s” is taken."), user->username);

      return check_unique (self, entity, "username", user->username, taken, error) &&
             (!references || check_exists (self, SP_TYPE_UNIT, user->unit_id, "unit_id", error));
    }

  if (SP_IS_CATEGORY (entity))
    {
      SpCategory *category = SP_CATEGORY (entity);
      g_autofree char *taken = g_strdup_printf (_("The code “%s” is taken by another category."),
                                                category->code ? category->code : "");

      if (is_blank (category->name))
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "name", _("Give the category a name."));
          return FALSE;
        }
      if (is_blank (category->code))
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "code", _("Give the category a code."));
          return FALSE;
        }
      return check_unique (self, entity, "code", category->code, taken, error);
    }

  g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                       "Only units, users and categories are administered here");
  return FALSE;
}

gboolean
sp_store_admin_save (SpStore     *self,
                     SpEntity    *entity,
                     const char  *actor_id,
                     GError     **error)
{
  g_return_val_if_fail (SP_IS_STORE (self), FALSE);

  sp_entity_ensure_id (entity);
  if (SP_IS_CATEGORY (entity))
    {
      /* Cases name their category by code: it cannot change. */
      g_autoptr(SpCategory) before = sp_store_load (self, SP_TYPE_CATEGORY, entity->id, NULL);

      if (before != NULL && g_strcmp0 (before->code, SP_CATEGORY (entity)->code) != 0)
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "code",
                              _("A category’s code cannot change: cases refer to it."));
          return FALSE;
        }
    }
  if (!sp_store_admin_check (self, entity, TRUE, error))
    return FALSE;

  return sp_store_save (self, entity, SP_SAVE_DEFAULT, actor_id, error);
}

static gint64
count_where (SpStore    *self,
             const char *sql,
             const char *id)
{
  sqlite3_stmt *stmt = sp_store_prepare (self, sql, NULL);
  gint64 n = -1;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

gboolean
sp_store_admin_deactivate (SpStore     *self,
                           GType        type,
                           const char  *id,
                           const char  *actor_id,
                           GError     **error)
{
  g_autoptr(SpEntity) entity = NULL;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (type == SP_TYPE_UNIT || type == SP_TYPE_USER, FALSE);

  if (id != NULL && sp_is_uuid (id))
    entity = sp_store_load (self, type, id, NULL);
  if (entity == NULL || entity->deleted)
    {
      sp_set_field_error (error, SP_ERROR_NOT_FOUND, NULL, _("It has been removed already."));
      return FALSE;
    }

  if (type == SP_TYPE_USER && g_strcmp0 (id, actor_id) == 0)
    {
      sp_set_field_error (error, SP_ERROR_CONFLICT, NULL,
                          _("You cannot deactivate your own account."));
      return FALSE;
    }
  if (type == SP_TYPE_UNIT)
    {
      if (count_where (self, "SELECT count(*) FROM units WHERE parent_id = ? AND deleted = 0", id) != 0)
        {
          sp_set_field_error (error, SP_ERROR_CONFLICT, NULL,
                              _("Move or deactivate the units under it first."));
          return FALSE;
        }
      if (count_where (self, "SELECT count(*) FROM users WHERE unit_id = ? AND deleted = 0", id) != 0)
        {
          sp_set_field_error (error, SP_ERROR_CONFLICT, NULL,
                              _("Move its users to another unit first."));
          return FALSE;
        }
      if (count_where (self,
                       "SELECT count(*) FROM cases WHERE unit_id = ? AND deleted = 0 AND status "
                       "NOT IN ('feedback_given', 'closed', 'forwarded_elsewhere', 'other_routine')",
                       id) != 0)
        {
          sp_set_field_error (error, SP_ERROR_CONFLICT, NULL,
                              _("The unit has open cases: move them to another unit first."));
          return FALSE;
        }
    }

  entity->deleted = TRUE;
  return sp_store_save (self, entity, SP_SAVE_DEFAULT, actor_id, error);
}

gint64
sp_store_set_deadline_rule (SpStore     *self,
                            const char  *key,
                            const char  *rule,
                            GError     **error)
{
  g_autofree char *setting = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  SpDeadlineConfig config;
  sqlite3_stmt *stmt;
  gint64 changed = 0;

  g_return_val_if_fail (SP_IS_STORE (self), -1);

  sp_deadline_config_init_default (&config);
  if (key == NULL || !sp_deadline_config_set (&config, key, rule, error))
    return -1;

  setting = g_strconcat ("deadline.", key, NULL);
  if (!sp_store_begin (self, error))
    return -1;
  if (!sp_store_set_setting (self, setting, rule, error))
    goto failed;
  sp_store_get_deadline_config (self, &config);

  /* The open cases count from their received date again; those answered
   * keep the deadline they were answered under. */
  stmt = sp_store_prepare (self,
                           "SELECT id FROM cases WHERE deleted = 0 AND status IN ('received', "
                           "'registered', 'assigned', 'acknowledged', 'investigating', "
                           "'awaiting_provider', 'assessed')", error);
  if (stmt == NULL)
    goto failed;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(SpCase) kase = sp_store_get_case (self, g_ptr_array_index (ids, i), error);
      SpDate old_due;
      char due[16] = "";

      if (kase == NULL)
        goto failed;
      old_due = kase->due_on;
      if (!sp_case_update_deadline (kase, &config, NULL) || kase->due_on == old_due)
        continue;

      stmt = sp_store_prepare (self,
                               "UPDATE cases SET deadline_rule = ?, due_on = ? WHERE id = ?", error);
      if (stmt == NULL)
        goto failed;
      if (kase->due_on != SP_DATE_NONE)
        sp_date_format (kase->due_on, due);
      sqlite3_bind_text (stmt, 1, kase->deadline_rule, -1, SQLITE_TRANSIENT);
      if (*due)
        sqlite3_bind_text (stmt, 2, due, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, SP_ENTITY (kase)->id, -1, SQLITE_TRANSIENT);
      if (!sp_store_step_done (self, stmt, error))
        goto failed;
      changed++;
    }

  if (!sp_store_commit (self, error))
    return -1;
  return changed;

failed:
  sp_store_rollback (self);
  return -1;
}

gboolean
sp_store_set_diary_format (SpStore     *self,
                           const char  *prefix,
                           const char  *format,
                           GError     **error)
{
  g_return_val_if_fail (SP_IS_STORE (self), FALSE);

  if (!sp_diary_prefix_check (prefix, error) || !sp_diary_format_check (format, error))
    return FALSE;
  if (!sp_store_begin (self, error))
    return FALSE;
  if (!sp_store_set_setting (self, "diary.prefix", prefix ? prefix : "", error) ||
      !sp_store_set_setting (self, "diary.format", format, error))
    {
      sp_store_rollback (self);
      return FALSE;
    }
  return sp_store_commit (self, error);
}
