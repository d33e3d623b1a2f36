/* sp-store-investigation.c: the unit manager's records in the store: the
 * investigation, its planned actions and the letters sent, each save
 * checked whole and written to the case history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app (its local store or replica) and the server save these records
 * through the same functions, so that both apply the same checks and
 * write the same history. On a replica the events are provisional until
 * the server's arrive (sp-replica.c).
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-error.h"
#include "sp-investigation-check.h"
#include "sp-store-private.h"
#include "sp-store-investigation.h"

static const char *case_id_of_entity (SpEntity *entity);

#define add_event _sp_store_add_case_event

static gboolean
is_bookkeeping (const SpField *field)
{
  return field->flags & (SP_FIELD_SERVER | SP_FIELD_COMPUTED) ||
         strcmp (field->name, "id") == 0 || strcmp (field->name, "case_id") == 0;
}

/* One event per field that differs from what is stored (every set field
 * when nothing is), with the child's kind of record as its note. */
static gboolean
record_changes (SpStore       *self,
                SpEntity      *stored,
                SpEntity      *entity,
                const char    *case_id,
                const SpActor *actor,
                GError       **error)
{
  const SpEntityInfo *info = sp_entity_get_info (entity);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;

      if (is_bookkeeping (field))
        continue;
      if (stored != NULL ? sp_entity_field_equal (stored, entity, field)
                         : !sp_entity_field_is_set (entity, field))
        continue;
      if (stored != NULL)
        old_value = sp_entity_field_to_string (stored, field);
      new_value = sp_entity_field_to_string (entity, field);
      if (!add_event (self, case_id, actor, SP_EVENT_INVESTIGATION_UPDATED, field->name,
                      old_value, new_value, info->name, error))
        return FALSE;
    }
  return TRUE;
}

SpInvestigation *
sp_store_get_investigation (SpStore     *self,
                            const char  *case_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  found = sp_store_load_where (self, SP_TYPE_INVESTIGATION, "case_id", case_id, error);
  if (found == NULL || found->len == 0)
    return NULL;
  return g_object_ref (found->pdata[0]);
}

/* Saves @entity after @check, with its history, in one transaction. */
static gboolean
save_child (SpStore        *self,
            SpEntity       *entity,
            const char     *case_id,
            GPtrArray     *(*check) (gpointer, SpCase *),
            SpSaveFlags     flags,
            const SpActor  *actor,
            SpCase        **case_out,
            SpEntity      **stored_out,
            GError        **error)
{
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(SpEntity) stored = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (!sp_store_begin (self, error))
    return FALSE;
  if (!(kase = _sp_store_load_named_case (self, case_id,
                                          "case_id", _("The record names no case"), error)))
    goto failed;

  problems = check (entity, kase);
  if (!sp_problems_to_error (problems, error))
    goto failed;

  sp_entity_ensure_id (entity);
  stored = sp_store_load (self, G_OBJECT_TYPE (entity), entity->id, NULL);
  if (stored != NULL && g_strcmp0 (case_id_of_entity (stored), case_id) != 0)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "case_id",
                          _("A record cannot be moved to another case"));
      goto failed;
    }
  if (!record_changes (self, stored, entity, case_id, actor, error) ||
      !sp_store_save (self, entity, flags, actor ? actor->user_id : NULL, error))
    goto failed;

  if (case_out)
    *case_out = g_steal_pointer (&kase);
  if (stored_out)
    *stored_out = g_steal_pointer (&stored);
  return sp_store_commit (self, error);

failed:
  sp_store_rollback (self);
  return FALSE;
}

static const char *
case_id_of_entity (SpEntity *entity)
{
  const SpField *field = sp_entity_info_lookup (sp_entity_get_info (entity), "case_id");

  return field ? sp_entity_get_string (entity, field) : NULL;
}

gboolean
sp_store_save_investigation (SpStore          *self,
                             SpInvestigation  *inv,
                             SpSaveFlags       flags,
                             const SpActor    *actor,
                             GError          **error)
{
  g_autoptr(SpInvestigation) other = NULL;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SP_IS_INVESTIGATION (inv), FALSE);

  if (!sp_store_begin (self, error))
    return FALSE;

  /* One investigation a case. */
  other = sp_store_get_investigation (self, inv->case_id, NULL);
  if (other != NULL && g_strcmp0 (SP_ENTITY (other)->id, SP_ENTITY (inv)->id) != 0)
    {
      sp_set_field_error (error, SP_ERROR_CONFLICT, "case_id",
                          _("The case already has an investigation"));
      goto failed;
    }

  if (!save_child (self, SP_ENTITY (inv), inv->case_id,
                   (GPtrArray *(*) (gpointer, SpCase *))sp_investigation_check,
                   flags, actor, NULL, NULL, error))
    goto failed;

  return sp_store_commit (self, error);

failed:
  sp_store_rollback (self);
  return FALSE;
}

gboolean
sp_store_save_planned_action (SpStore          *self,
                              SpPlannedAction  *action,
                              SpSaveFlags       flags,
                              const SpActor    *actor,
                              GError          **error)
{
  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SP_IS_PLANNED_ACTION (action), FALSE);

  return save_child (self, SP_ENTITY (action), action->case_id,
                     (GPtrArray *(*) (gpointer, SpCase *))sp_planned_action_check,
                     flags, actor, NULL, NULL, error);
}

gboolean
sp_store_send_letter (SpStore        *self,
                      SpLetter       *letter,
                      const SpActor  *actor,
                      GError        **error)
{
  g_autoptr(SpLetter) stored = NULL;
  g_autoptr(SpCase) kase = NULL;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SP_IS_LETTER (letter), FALSE);

  if (!sp_store_begin (self, error))
    return FALSE;

  /* What was sent stays as it was sent, so that it can be printed again
   * the same. */
  if (SP_ENTITY (letter)->id != NULL &&
      (stored = sp_store_load (self, SP_TYPE_LETTER, SP_ENTITY (letter)->id, NULL)) != NULL)
    {
      sp_set_field_error (error, SP_ERROR_CONFLICT, "body",
                          _("A letter that was sent cannot be changed; write a new one"));
      goto failed;
    }

  if (letter->sent_on == SP_DATE_NONE)
    letter->sent_on = sp_date_today ();
  if (letter->sent_by == NULL && actor != NULL)
    letter->sent_by = g_strdup (actor->display_name ? actor->display_name : actor->user_id);

  if (!save_child (self, SP_ENTITY (letter), letter->case_id,
                   (GPtrArray *(*) (gpointer, SpCase *))sp_letter_check,
                   SP_SAVE_DEFAULT, NULL, &kase, NULL, error))
    goto failed;

  if (!add_event (self, letter->case_id, actor, SP_EVENT_LETTER_SENT,
                  sp_enum_to_name (&sp_letter_kind_info, letter->kind),
                  NULL, sp_enum_to_name (&sp_letter_method_info, letter->method),
                  SP_ENTITY (letter)->id, error))
    goto failed;

  /* A delay notice is the one the deadline asks for. */
  if (letter->kind == SP_LETTER_DELAY_NOTICE && kase->delay_notice_on == SP_DATE_NONE)
    {
      kase->delay_notice_on = letter->sent_on;
      if (!sp_store_update_case (self, kase, actor, FALSE, error))
        goto failed;
    }

  return sp_store_commit (self, error);

failed:
  sp_store_rollback (self);
  return FALSE;
}

gboolean
sp_store_get_workflow_evidence (SpStore            *self,
                                const char         *case_id,
                                SpWorkflowEvidence *evidence,
                                GError            **error)
{
  g_autoptr(GPtrArray) letters = NULL;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (evidence != NULL, FALSE);

  memset (evidence, 0, sizeof *evidence);
  evidence->investigation = sp_store_get_investigation (self, case_id, NULL);
  letters = sp_store_load_where (self, SP_TYPE_LETTER, "case_id", case_id, error);
  if (letters == NULL)
    {
      g_clear_object (&evidence->investigation);
      return FALSE;
    }
  for (guint i = 0; i < letters->len; i++)
    {
      SpLetter *letter = letters->pdata[i];

      if (letter->sent_on == SP_DATE_NONE)
        continue;
      evidence->n_answers++;
      if (letter->kind == SP_LETTER_FINAL_ANSWER)
        evidence->n_final_answers++;
    }
  return TRUE;
}

void
sp_workflow_evidence_clear (SpWorkflowEvidence *evidence)
{
  g_clear_object (&evidence->investigation);
}

GHashTable *
sp_store_get_escalations (SpStore  *self,
                          GError  **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT case_id");
  g_autoptr(GHashTable) found = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  /* The names are the investigation's own columns, never input. */
  for (guint e = 0; e < SP_N_ESCALATIONS; e++)
    g_string_append_printf (sql, ", %s", sp_enum_to_name (&sp_escalation_info, e));
  g_string_append (sql, " FROM investigations WHERE deleted = 0 AND (0");
  for (guint e = 0; e < SP_N_ESCALATIONS; e++)
    g_string_append_printf (sql, " OR %s = 1", sp_enum_to_name (&sp_escalation_info, e));
  g_string_append (sql, ")");

  if (!(stmt = sp_store_prepare (self, sql->str, error)))
    return NULL;

  found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *case_id = (const char *) sqlite3_column_text (stmt, 0);
      guint bits = 0;

      for (guint e = 0; e < SP_N_ESCALATIONS; e++)
        if (sqlite3_column_int (stmt, 1 + e) == 1)
          bits |= 1u << e;
      if (case_id != NULL && bits != 0)
        g_hash_table_insert (found, g_strdup (case_id), GUINT_TO_POINTER (bits));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sp_store_set_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&found);
}
