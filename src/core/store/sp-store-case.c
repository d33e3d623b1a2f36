/* sp-store-case.c: cases in the store: creating, editing, the workflow,
 * the history and the diary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-diary-format.h"
#include "sp-error.h"
#include "sp-store-private.h"
#include "sp-store-investigation.h"
#include "sp-workflow.h"

SpCase *
sp_store_get_case (SpStore     *self,
                   const char  *id,
                   GError     **error)
{
  return sp_store_load (self, SP_TYPE_CASE, id, error);
}

/* A case's history event, with an optional note. */
gboolean
_sp_store_add_case_event (SpStore       *self,
                          const char    *case_id,
                          const SpActor *actor,
                          SpEventKind    kind,
                          const char    *field,
                          const char    *old_value,
                          const char    *new_value,
                          const char    *note,
                          GError       **error)
{
  g_autoptr(SpCaseEvent) event = sp_case_event_new ();

  event->case_id = g_strdup (case_id);
  event->at = sp_timestamp_now ();
  event->actor_id = g_strdup (actor ? actor->user_id : NULL);
  event->actor_name = g_strdup (actor ? actor->display_name : NULL);
  event->kind = kind;
  event->field = g_strdup (field);
  event->old_value = g_strdup (old_value);
  event->new_value = g_strdup (new_value);
  event->note = g_strdup (note);

  return sp_store_add_event (self, event, error);
}

#define add_event(self, case_id, actor, kind, field, old_value, new_value, error) \
  _sp_store_add_case_event (self, case_id, actor, kind, field, old_value, new_value, NULL, error)

gboolean
sp_store_add_event (SpStore      *self,
                    SpCaseEvent  *event,
                    GError      **error)
{
  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SP_IS_CASE_EVENT (event), FALSE);

  if (event->at == 0)
    event->at = sp_timestamp_now ();

  return sp_store_save (self, SP_ENTITY (event), SP_SAVE_DEFAULT, event->actor_id, error);
}

GPtrArray *
sp_store_get_case_events (SpStore     *self,
                          const char  *case_id,
                          GError     **error)
{
  return sp_store_load_where (self, SP_TYPE_CASE_EVENT, "case_id", case_id, error);
}

gboolean
sp_store_create_case (SpStore        *self,
                      SpCase         *kase,
                      const SpActor  *actor,
                      GError        **error)
{
  SpDeadlineConfig config;
  const char *user_id = actor ? actor->user_id : NULL;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SP_IS_CASE (kase), FALSE);

  sp_entity_ensure_id (SP_ENTITY (kase));
  kase->status = SP_STATUS_RECEIVED;
  g_clear_pointer (&kase->diary_number, g_free);
  g_free (kase->created_by);
  kase->created_by = g_strdup (user_id);
  kase->created_at = sp_timestamp_now ();
  if (kase->received_on == SP_DATE_NONE)
    kase->received_on = sp_date_today ();

  sp_store_get_deadline_config (self, &config);
  if (!sp_case_update_deadline (kase, &config, error))
    return FALSE;
  kase->overdue = sp_case_is_overdue (kase, sp_date_today ());

  if (!sp_store_begin (self, error))
    return FALSE;

  if (!sp_store_save (self, SP_ENTITY (kase), SP_SAVE_DEFAULT, user_id, error) ||
      !add_event (self, SP_ENTITY (kase)->id, actor, SP_EVENT_CREATED, NULL, NULL, NULL, error))
    {
      sp_store_rollback (self);
      return FALSE;
    }

  return sp_store_commit (self, error);
}

/* Whether a change to this field is recorded in the history: the
 * bookkeeping fields change on every save and would only add noise. */
static gboolean
is_history_field (const SpField *field)
{
  static const char * const skipped[] = {
    "rev", "updated_at", "updated_by", "overdue", "due_on", "deadline_rule",
  };

  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    if (strcmp (field->name, skipped[i]) == 0)
      return FALSE;

  return TRUE;
}

static SpEventKind
event_kind_for (const SpField *field)
{
  if (strcmp (field->name, "status") == 0)
    return SP_EVENT_STATUS_CHANGED;
  if (strcmp (field->name, "diary_number") == 0)
    return SP_EVENT_REGISTERED;
  return SP_EVENT_FIELD_CHANGED;
}

gboolean
sp_store_update_case (SpStore        *self,
                      SpCase         *kase,
                      const SpActor  *actor,
                      gboolean        check_rev,
                      GError        **error)
{
  g_autoptr(SpCase) stored = NULL;
  const SpEntityInfo *info = &sp_case_info;
  SpDeadlineConfig config;
  SpEntity *entity = SP_ENTITY (kase);

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SP_IS_CASE (kase), FALSE);
  g_return_val_if_fail (entity->id != NULL, FALSE);

  if (!sp_store_begin (self, error))
    return FALSE;

  if (!(stored = sp_store_get_case (self, entity->id, error)))
    goto failed;

  if (check_rev && SP_ENTITY (stored)->rev != entity->rev)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_CONFLICT,
                   _("The case was changed by someone else while you edited it"));
      goto failed;
    }

  sp_store_get_deadline_config (self, &config);
  if (!sp_case_update_deadline (kase, &config, error))
    goto failed;

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;

      if (!is_history_field (field) ||
          sp_entity_field_equal (SP_ENTITY (stored), entity, field))
        continue;

      old_value = sp_entity_field_to_string (SP_ENTITY (stored), field);
      new_value = sp_entity_field_to_string (entity, field);

      if (!add_event (self, entity->id, actor, event_kind_for (field),
                      field->name, old_value, new_value, error))
        goto failed;
    }

  /* Positive feedback passed on to those it concerns (R21): a step of
   * its own in the history, besides the fields' changes. */
  if (stored->praise_passed_on == SP_DATE_NONE && kase->praise_passed_on != SP_DATE_NONE)
    {
      g_autoptr(SpCaseEvent) event = sp_case_event_new ();

      event->case_id = g_strdup (entity->id);
      event->actor_id = g_strdup (actor ? actor->user_id : NULL);
      event->actor_name = g_strdup (actor ? actor->display_name : NULL);
      event->kind = SP_EVENT_NOTE;
      event->field = g_strdup ("praise_passed_on");
      event->new_value = g_strdup (kase->praise_passed_to);
      event->note = g_strdup ("praise_passed_on");
      if (!sp_store_add_event (self, event, error))
        goto failed;
    }

  if (!sp_store_save (self, entity, SP_SAVE_DEFAULT, actor ? actor->user_id : NULL, error))
    goto failed;

  kase->overdue = sp_case_is_overdue (kase, sp_date_today ());
  return sp_store_commit (self, error);

failed:
  sp_store_rollback (self);
  return FALSE;
}

gboolean
sp_store_transition_case (SpStore        *self,
                          SpCase         *kase,
                          SpStatus        to,
                          const SpActor  *actor,
                          GError        **error)
{
  g_autoptr(SpCase) stored = NULL;
  g_autoptr(SpCase) changed = NULL;
  const SpReplicaHooks *replica;
  SpDate today = sp_date_today ();

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SP_IS_CASE (kase), FALSE);

  if (!sp_store_begin (self, error))
    return FALSE;

  /* The workflow is checked against the stored case, not a copy that may
   * be out of date. */
  if (!(stored = sp_store_get_case (self, SP_ENTITY (kase)->id, error)))
    goto failed;

  if (!sp_workflow_check (stored, to, actor ? actor->roles : 0, error))
    goto failed;

  /* What the routine asks to have been done first, from the records. */
  {
    SpWorkflowEvidence evidence;
    gboolean ok;

    if (!sp_store_get_workflow_evidence (self, SP_ENTITY (stored)->id, &evidence, error))
      goto failed;
    ok = sp_workflow_check_evidence (stored, &evidence, to, error);
    sp_workflow_evidence_clear (&evidence);
    if (!ok)
      goto failed;
  }

  changed = sp_entity_copy (SP_ENTITY (stored));
  changed->status = to;

  /* A replica asks the server instead, which alone gives diary numbers. */
  if ((replica = g_atomic_pointer_get (&self->replica)) != NULL)
    {
      if (!replica->queue_transition (self, SP_ENTITY (changed)->id, SP_ENTITY (stored)->rev,
                                      to, error))
        goto failed;
    }
  else if (to == SP_STATUS_REGISTERED && changed->diary_number == NULL)
    {
      g_autofree char *number = sp_store_assign_diary_number (self, changed, changed->received_on,
                                                              error);

      if (number == NULL)
        goto failed;
    }

  if (to == SP_STATUS_FEEDBACK_GIVEN && changed->feedback_on == SP_DATE_NONE)
    changed->feedback_on = today;
  if (!sp_status_is_open (to) || to == SP_STATUS_CLOSED)
    changed->closed_on = today;

  if (!sp_store_update_case (self, changed, actor, FALSE, error))
    goto failed;

  if (!sp_store_commit (self, error))
    return FALSE;

  /* Hand the caller the case as it now is. */
  {
    const SpEntityInfo *info = &sp_case_info;

    for (guint i = 0; i < info->n_fields; i++)
      sp_entity_field_copy (SP_ENTITY (kase), SP_ENTITY (changed), &info->fields[i]);
  }

  return TRUE;

failed:
  sp_store_rollback (self);
  return FALSE;
}

char *
sp_store_format_diary_number (SpStore *self,
                              int      year,
                              gint64   seq)
{
  g_autofree char *prefix = sp_store_dup_setting (self, "diary.prefix");
  g_autofree char *format = sp_store_dup_setting (self, "diary.format");

  return sp_diary_format_apply (format, prefix, year, seq);
}

char *
sp_store_assign_diary_number (SpStore  *self,
                              SpCase   *kase,
                              SpDate    date,
                              GError  **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *number = NULL;
  int year;
  gint64 seq = 0;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);
  g_return_val_if_fail (SP_IS_CASE (kase), NULL);

  if (kase->diary_number != NULL)
    return g_strdup (kase->diary_number);

  if (date == SP_DATE_NONE)
    date = sp_date_today ();
  year = sp_date_get_year (date);

  /* The write lock is held from here to the commit, so no one else can
   * take the same number, and a failure leaves no gap. */
  if (!sp_store_begin (self, error))
    return NULL;

  if (!(stmt = sp_store_prepare (self, "SELECT ifnull (max (seq), 0) + 1 FROM diary WHERE year = ?",
                                 error)))
    goto failed;

  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  number = sp_store_format_diary_number (self, year, seq);

  if (!(stmt = sp_store_prepare (self,
                                 "INSERT INTO diary (year, seq, case_id, number) VALUES (?, ?, ?, ?)",
                                 error)))
    goto failed;

  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, seq);
  sqlite3_bind_text (stmt, 3, SP_ENTITY (kase)->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, number, -1, SQLITE_TRANSIENT);
  if (!sp_store_step_done (self, stmt, error))
    goto failed;

  if (!sp_store_commit (self, error))
    return NULL;

  g_free (kase->diary_number);
  kase->diary_number = g_strdup (number);
  return g_steal_pointer (&number);

failed:
  sp_store_rollback (self);
  return NULL;
}

SpCase *
_sp_store_load_named_case (SpStore     *self,
                           const char  *case_id,
                           const char  *field,
                           const char  *missing,
                           GError     **error)
{
  g_autoptr(SpCase) kase = NULL;

  if (case_id == NULL || !sp_is_uuid (case_id))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, field, "%s", missing);
      return NULL;
    }
  kase = sp_store_get_case (self, case_id, NULL);
  if (kase == NULL || SP_ENTITY (kase)->deleted)
    {
      sp_set_field_error (error, SP_ERROR_NOT_FOUND, field, _("No such case"));
      return NULL;
    }
  return g_steal_pointer (&kase);
}
