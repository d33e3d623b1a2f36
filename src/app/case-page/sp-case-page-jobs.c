/* sp-case-page-jobs.c: what the case page reads and saves, as jobs of the
 * store worker, so that the main loop never waits on SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A save is one job: it writes, then reads the case again with its
 * history and conflicts, so that the page refills from what was stored in
 * one round trip, whether the save was taken or refused.
 */

#include <glib/gi18n.h>

#include "sp-case-page-private.h"

void
_sp_case_page_data_free (SpCasePageData *data)
{
  if (data == NULL)
    return;

  g_clear_object (&data->kase);
  g_clear_pointer (&data->events, g_ptr_array_unref);
  g_clear_pointer (&data->conflicts, g_ptr_array_unref);
  g_clear_error (&data->events_error);
  g_free (data);
}

static SpCasePageData *
read_case (SpStore     *store,
           const char  *case_id,
           GError     **error)
{
  SpCasePageData *data;
  SpCase *kase = sp_store_get_case (store, case_id, error);

  if (kase == NULL)
    return NULL;

  data = g_new0 (SpCasePageData, 1);
  data->kase = kase;
  data->events = sp_store_get_case_events (store, case_id, &data->events_error);
  data->conflicts = sp_store_list_conflicts (store, case_id, NULL);

  return data;
}

static gpointer
load_job (SpStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return read_case (store, data, error);
}

void
_sp_case_page_load_async (SpCasePage          *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  self->n_jobs++;
  sp_store_worker_run_async (self->worker, load_job, g_strdup (self->case_id), g_free,
                             (GDestroyNotify) _sp_case_page_data_free, cancellable,
                             callback, user_data);
}

SpCasePageData *
_sp_case_page_load_finish (SpCasePage    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  self->n_jobs--;
  return sp_store_worker_run_finish (self->worker, result, error);
}


/* Saving */

void
_sp_case_page_save_free (SpCasePageSave *save)
{
  if (save == NULL)
    return;

  g_clear_object (&save->page);
  g_clear_object (&save->edited);
  g_clear_object (&save->before);
  g_clear_pointer (&save->fields, g_ptr_array_unref);
  g_free (save->forwarded_to);
  g_clear_pointer (&save->actor, sp_actor_free);
  g_clear_object (&save->task);
  g_clear_pointer (&save->data, _sp_case_page_data_free);
  g_clear_error (&save->error);
  g_free (save->toast_title);
  g_free (save);
}

SpCasePageSave *
_sp_case_page_save_new (SpCasePage *self,
                        SpSaveKind  kind)
{
  SpCasePageSave *save = g_new0 (SpCasePageSave, 1);

  save->kind = kind;
  save->actor = sp_actor_copy (self->actor);

  return save;
}

/* Puts back the fields of save->before, unless someone changed the case
 * after the action being undone. */
static gboolean
undo_in_store (SpStore         *store,
               SpCasePageSave  *save,
               const SpActor   *actor,
               GError         **error)
{
  g_autoptr(SpCase) current = sp_store_get_case (store, SP_ENTITY (save->before)->id, error);

  if (current == NULL)
    return FALSE;

  if (SP_ENTITY (current)->rev != save->after_rev)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_CONFLICT,
                           _("The case has changed since, so nothing was undone"));
      return FALSE;
    }

  for (guint i = 0; i < save->fields->len; i++)
    {
      const SpField *field = sp_entity_info_lookup (&sp_case_info,
                                                    g_ptr_array_index (save->fields, i));

      if (field != NULL)
        sp_entity_field_copy (SP_ENTITY (current), SP_ENTITY (save->before), field);
    }

  /* The store records a status_changed or field_changed event for each
   * restored field, so the history shows the undo too. */
  return sp_store_update_case (store, current, actor, TRUE, error);
}

/* Moves the case and, for a case forwarded elsewhere, records where to, in
 * one transaction: both or neither. */
static gboolean
transition_in_store (SpStore         *store,
                     SpCasePageSave  *save,
                     const SpActor   *actor,
                     GError         **error)
{
  if (!sp_store_begin (store, error))
    return FALSE;

  if (!sp_store_transition_case (store, save->edited, save->to, actor, error))
    goto failed;

  if (save->forwarded_to != NULL)
    {
      g_free (save->edited->forwarded_to);
      save->edited->forwarded_to = g_strdup (save->forwarded_to);
      if (!sp_store_update_case (store, save->edited, actor, TRUE, error))
        goto failed;
    }

  if (sp_store_commit (store, error))
    return TRUE;

failed:
  sp_store_rollback (store);
  return FALSE;
}

static gpointer
save_job (SpStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  SpCasePageSave *save = data;
  const char *case_id;
  gboolean saved;

  switch (save->kind)
    {
    case SP_SAVE_UNDO:
      saved = undo_in_store (store, save, save->actor, &save->error);
      case_id = SP_ENTITY (save->before)->id;
      break;

    case SP_SAVE_TRANSITION:
      saved = transition_in_store (store, save, save->actor, &save->error);
      case_id = SP_ENTITY (save->edited)->id;
      break;

    case SP_SAVE_EDIT:
    default:
      saved = sp_store_update_case (store, save->edited, save->actor, TRUE, &save->error);
      case_id = SP_ENTITY (save->edited)->id;
      break;
    }

  /* Taken or refused, the page shows the case as it is stored now. */
  save->data = read_case (store, case_id, saved ? &save->error : NULL);

  return GINT_TO_POINTER (TRUE);
}

void
_sp_case_page_save_async (SpCasePage          *self,
                          SpCasePageSave      *save,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  self->n_jobs++;
  /* The save belongs to the caller until finish; the job only fills it. */
  sp_store_worker_run_async (self->worker, save_job, save, NULL, NULL, NULL,
                             callback, user_data);
}

gboolean
_sp_case_page_save_finish (SpCasePage    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  self->n_jobs--;
  return sp_store_worker_run_finish (self->worker, result, error) != NULL;
}
