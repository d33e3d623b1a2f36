/* sp-store-compilation.c: units' compilations in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-error.h"
#include "sp-investigation-check.h"
#include "sp-json.h"
#include "sp-stats-json.h"
#include "sp-stats.h"
#include "sp-store-compilation.h"
#include "sp-unit.h"
#include "sp-user.h"

/* Whether @unit_id is @root or below it; the walk up stops at a cycle of
 * a damaged tree. */
static gboolean
unit_is_under (SpStore    *self,
               const char *unit_id,
               const char *root)
{
  g_autofree char *current = g_strdup (unit_id);

  for (guint depth = 0; current != NULL && depth < 64; depth++)
    {
      g_autoptr(SpUnit) unit = NULL;

      if (g_strcmp0 (current, root) == 0)
        return TRUE;
      unit = sp_store_load (self, SP_TYPE_UNIT, current, NULL);
      g_clear_pointer (&current, g_free);
      if (unit != NULL)
        current = g_strdup (unit->parent_id);
    }
  return FALSE;
}

gboolean
sp_store_check_compilation_writer (SpStore        *self,
                                   const SpActor  *actor,
                                   const char     *unit_id,
                                   GError        **error)
{
  g_autoptr(SpUser) user = NULL;
  gboolean manager;
  gboolean head;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);

  manager = actor != NULL && (actor->roles & SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER)) != 0;
  head = actor != NULL && (actor->roles & SP_ROLE_BIT (SP_ROLE_DEPARTMENT_HEAD)) != 0;
  if (!manager && !head)
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, "unit_id",
                          _("Only the unit manager and the head of department write a unit's compilation"));
      return FALSE;
    }

  if (actor->user_id != NULL)
    user = sp_store_load (self, SP_TYPE_USER, actor->user_id, NULL);
  if (user != NULL && user->unit_id != NULL && unit_id != NULL &&
      ((manager && g_strcmp0 (user->unit_id, unit_id) == 0) ||
       (head && unit_is_under (self, unit_id, user->unit_id))))
    return TRUE;

  sp_set_field_error (error, SP_ERROR_PERMISSION, "unit_id",
                      _("You may write only your own unit's compilation"));
  return FALSE;
}

/* The unit's figures of the period, as JSON text. */
static char *
count_figures (SpStore     *self,
               const char  *unit_id,
               const char  *period_text,
               GError     **error)
{
  g_autoptr(SpStatsFigures) figures = NULL;
  g_autoptr(JsonNode) node = NULL;
  SpStatsQuery query = { NULL, { SP_STATS_SCOPE_UNIT, (char *) unit_id }, SP_DATE_NONE };
  SpPeriod period;

  if (!sp_period_parse (period_text, &period, error))
    return NULL;
  figures = sp_stats_compute (self, &query, &period, error);
  if (figures == NULL)
    return NULL;
  node = sp_stats_figures_to_json (figures);
  return sp_json_to_string (node, FALSE);
}

static gboolean
has_other (SpStore            *self,
           SpUnitCompilation  *compilation,
           gboolean           *found,
           GError            **error)
{
  g_autoptr(GPtrArray) same = sp_store_list_unit_compilations (self, compilation->unit_id,
                                                               compilation->period, error);

  if (same == NULL)
    return FALSE;
  *found = FALSE;
  for (guint i = 0; i < same->len; i++)
    if (g_strcmp0 (SP_ENTITY (same->pdata[i])->id, SP_ENTITY (compilation)->id) != 0)
      *found = TRUE;
  return TRUE;
}

gboolean
sp_store_save_unit_compilation (SpStore            *self,
                                SpUnitCompilation  *compilation,
                                SpSaveFlags         flags,
                                const SpActor      *actor,
                                GError            **error)
{
  g_autoptr(SpUnitCompilation) stored = NULL;
  g_autoptr(SpUnit) unit = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SP_IS_UNIT_COMPILATION (compilation), FALSE);

  problems = sp_unit_compilation_check (compilation);
  if (!sp_problems_to_error (problems, error))
    return FALSE;
  if (actor != NULL && !sp_store_check_compilation_writer (self, actor, compilation->unit_id, error))
    return FALSE;

  if (!sp_store_begin (self, error))
    return FALSE;

  unit = sp_store_load (self, SP_TYPE_UNIT, compilation->unit_id, NULL);
  if (unit == NULL || SP_ENTITY (unit)->deleted)
    {
      sp_set_field_error (error, SP_ERROR_NOT_FOUND, "unit_id", _("No such unit"));
      goto failed;
    }

  sp_entity_ensure_id (SP_ENTITY (compilation));
  stored = sp_store_load (self, SP_TYPE_UNIT_COMPILATION, SP_ENTITY (compilation)->id, NULL);
  if (stored != NULL)
    {
      if (g_strcmp0 (stored->unit_id, compilation->unit_id) != 0 ||
          g_strcmp0 (stored->period, compilation->period) != 0)
        {
          sp_set_field_error (error, SP_ERROR_INVALID,
                              g_strcmp0 (stored->unit_id, compilation->unit_id) != 0 ? "unit_id" : "period",
                              _("A compilation cannot be moved to another unit or period; make a new one"));
          goto failed;
        }
      /* The snapshot and who made it are kept as they were made. */
      g_free (compilation->figures);
      compilation->figures = g_strdup (stored->figures);
      g_free (compilation->written_by);
      compilation->written_by = g_strdup (stored->written_by);
      compilation->written_on = stored->written_on;
    }
  else
    {
      gboolean other = FALSE;

      if (!has_other (self, compilation, &other, error))
        goto failed;
      if (other)
        {
          sp_set_field_error (error, SP_ERROR_CONFLICT, "period",
                              _("The unit has a compilation of this period already; open it to change it"));
          goto failed;
        }
      g_free (compilation->figures);
      if (!(compilation->figures = count_figures (self, compilation->unit_id, compilation->period, error)))
        goto failed;
      if (actor != NULL || compilation->written_by == NULL)
        {
          g_free (compilation->written_by);
          compilation->written_by = g_strdup (actor && actor->display_name ? actor->display_name : NULL);
        }
      if (actor != NULL || compilation->written_on == SP_DATE_NONE)
        compilation->written_on = sp_date_today_in_organisation ();
    }

  if (!sp_store_save (self, SP_ENTITY (compilation), flags, actor ? actor->user_id : NULL, error))
    goto failed;
  return sp_store_commit (self, error);

failed:
  sp_store_rollback (self);
  return FALSE;
}

static int
compare_latest_first (gconstpointer a,
                      gconstpointer b)
{
  SpUnitCompilation *x = *(SpUnitCompilation **) a;
  SpUnitCompilation *y = *(SpUnitCompilation **) b;
  int order = -g_strcmp0 (x->period, y->period);

  if (order != 0)
    return order;
  order = g_strcmp0 (x->unit_id, y->unit_id);
  return order != 0 ? order : g_strcmp0 (SP_ENTITY (x)->id, SP_ENTITY (y)->id);
}

GPtrArray *
sp_store_list_unit_compilations (SpStore     *self,
                                 const char  *unit_id,
                                 const char  *period,
                                 GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  GPtrArray *result;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  found = sp_store_load_where (self, SP_TYPE_UNIT_COMPILATION, unit_id ? "unit_id" : NULL, unit_id, error);
  if (found == NULL)
    return NULL;

  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < found->len; i++)
    {
      SpUnitCompilation *compilation = found->pdata[i];

      if (SP_ENTITY (compilation)->deleted ||
          (period != NULL && g_strcmp0 (compilation->period, period) != 0))
        continue;
      g_ptr_array_add (result, g_object_ref (compilation));
    }
  g_ptr_array_sort (result, compare_latest_first);
  return result;
}
