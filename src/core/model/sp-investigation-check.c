/* sp-investigation-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-error.h"
#include "sp-investigation-check.h"

void
sp_problem_free (SpProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray  *problems,
             const char *field,
             char       *message)
{
  SpProblem *problem = g_new0 (SpProblem, 1);

  /* One message a field: the first says what to do. */
  for (guint i = 0; i < problems->len; i++)
    if (g_str_equal (((SpProblem *)problems->pdata[i])->field, field))
      {
        g_free (message);
        g_free (problem);
        return;
      }

  problem->field = g_strdup (field);
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* Texts over their limits, by the field table. */
static void
check_lengths (SpEntity  *entity,
               GPtrArray *problems)
{
  const SpEntityInfo *info = sp_entity_get_info (entity);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];
      const char *text;
      glong length;

      if (field->type != SP_FIELD_STRING || field->max_length == 0 ||
          (text = sp_entity_get_string (entity, field)) == NULL)
        continue;
      if (!g_utf8_validate (text, -1, NULL))
        {
          add_problem (problems, field->name, g_strdup (_("The text is not valid UTF-8")));
          continue;
        }
      length = g_utf8_strlen (text, -1);
      if (length > (glong)field->max_length)
        add_problem (problems, field->name,
                     /* Translators: a text's limit and its length, in characters */
                     g_strdup_printf (_("At most %u characters (now %ld)"),
                                      field->max_length, length));
    }
}

static void
check_not_before_received (GPtrArray  *problems,
                           SpCase     *kase,
                           const char *field,
                           SpDate      date,
                           const char *message)
{
  if (kase == NULL || date == SP_DATE_NONE || kase->received_on == SP_DATE_NONE)
    return;
  if (date < kase->received_on)
    add_problem (problems, field, g_strdup (message));
}

typedef struct
{
  SpEscalation escalation;
  gsize        flag;
  gsize        reference;
  gsize        date;
} EscalationFields;

#define ESC(e, m) { e, G_STRUCT_OFFSET (SpInvestigation, m), \
                    G_STRUCT_OFFSET (SpInvestigation, m##_reference), \
                    G_STRUCT_OFFSET (SpInvestigation, m##_on) }

static const EscalationFields escalations[] = {
  ESC (SP_ESCALATION_LEX_SARAH, lex_sarah),
  ESC (SP_ESCALATION_LEX_MARIA, lex_maria),
  ESC (SP_ESCALATION_DEVIATION, deviation),
  ESC (SP_ESCALATION_CONTRACT_BREACH, contract_breach),
  ESC (SP_ESCALATION_WELFARE_CRIME, welfare_crime),
};

gboolean
sp_investigation_has_escalation (SpInvestigation *inv,
                                 SpEscalation     escalation)
{
  g_return_val_if_fail (SP_IS_INVESTIGATION (inv), FALSE);

  if ((guint)escalation >= G_N_ELEMENTS (escalations))
    return FALSE;
  return G_STRUCT_MEMBER (gboolean, inv, escalations[escalation].flag);
}

GPtrArray *
sp_investigation_check (SpInvestigation *inv,
                        SpCase          *kase)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_problem_free);

  g_return_val_if_fail (SP_IS_INVESTIGATION (inv), problems);

  check_lengths (SP_ENTITY (inv), problems);

  if (inv->assessment != SP_ASSESSMENT_NOT_ASSESSED && is_blank (inv->facts))
    add_problem (problems, "facts",
                 g_strdup (_("An assessment needs the facts: write down what happened")));

  for (guint i = 0; i < G_N_ELEMENTS (escalations); i++)
    {
      const EscalationFields *e = &escalations[i];
      const char *name = sp_enum_to_name (&sp_escalation_info, e->escalation);
      const char *label = sp_enum_get_label (&sp_escalation_info, e->escalation);
      g_autofree char *reference_field = g_strconcat (name, "_reference", NULL);
      g_autofree char *date_field = g_strconcat (name, "_on", NULL);
      const char *reference = G_STRUCT_MEMBER (char *, inv, e->reference);
      SpDate date = G_STRUCT_MEMBER (SpDate, inv, e->date);

      if (!G_STRUCT_MEMBER (gboolean, inv, e->flag))
        continue;
      if (is_blank (reference))
        add_problem (problems, reference_field,
                     /* Translators: %s is an escalation, e.g. “Lex Sarah” */
                     g_strdup_printf (_("%s: give the reference of the report"), label));
      if (date == SP_DATE_NONE)
        add_problem (problems, date_field,
                     /* Translators: %s is an escalation, e.g. “Lex Sarah” */
                     g_strdup_printf (_("%s: give the date it was reported"), label));
      check_not_before_received (problems, kase, date_field, date,
                                 _("The date is before the case was received"));
    }

  check_not_before_received (problems, kase, "follow_up_on", inv->follow_up_on,
                             _("The follow-up date is before the case was received"));
  check_not_before_received (problems, kase, "authority_answer_on", inv->authority_answer_on,
                             _("The answer to the authority cannot be dated before the case was "
                               "received"));
  if (inv->authority_answer_on != SP_DATE_NONE && is_blank (inv->authority_answer))
    add_problem (problems, "authority_answer",
                 g_strdup (_("Write the answer sent to the authority, or clear its date")));

  return problems;
}

GPtrArray *
sp_planned_action_check (SpPlannedAction *action,
                         SpCase          *kase)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_problem_free);

  g_return_val_if_fail (SP_IS_PLANNED_ACTION (action), problems);

  check_lengths (SP_ENTITY (action), problems);
  if (is_blank (action->description))
    add_problem (problems, "description", g_strdup (_("Say what is to be done")));
  if (is_blank (action->responsible))
    add_problem (problems, "responsible", g_strdup (_("Name the person responsible")));
  if (action->due_on == SP_DATE_NONE)
    add_problem (problems, "due_on", g_strdup (_("Give the date it is to be done by")));
  check_not_before_received (problems, kase, "due_on", action->due_on,
                             _("The due date is before the case was received"));
  check_not_before_received (problems, kase, "done_on", action->done_on,
                             _("The date it was done is before the case was received"));
  return problems;
}

GPtrArray *
sp_letter_check (SpLetter *letter,
                 SpCase   *kase)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_problem_free);

  g_return_val_if_fail (SP_IS_LETTER (letter), problems);

  check_lengths (SP_ENTITY (letter), problems);
  if (is_blank (letter->body))
    add_problem (problems, "body", g_strdup (_("The letter has no text")));
  else if (strstr (letter->body, "{{") != NULL)
    add_problem (problems, "body",
                 g_strdup (_("The letter still has a placeholder to fill in ({{…}})")));
  check_not_before_received (problems, kase, "sent_on", letter->sent_on,
                             _("A letter cannot be sent before the case was received"));
  if (kase != NULL && kase->sender_anonymous)
    add_problem (problems, "case_id",
                 g_strdup (_("The sender is anonymous: there is nobody to send a letter to")));
  return problems;
}

gboolean
sp_problems_to_error (GPtrArray  *problems,
                      GError    **error)
{
  SpProblem *first;

  if (problems == NULL || problems->len == 0)
    return TRUE;

  first = problems->pdata[0];
  sp_set_field_error (error, SP_ERROR_INVALID, first->field, "%s", first->message);
  return FALSE;
}
