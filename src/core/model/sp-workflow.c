/* sp-workflow.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workflow is one table of (from, to, roles), taken from the two
 * routines: the registrar keeps the diary and routes cases, the unit
 * manager investigates and answers, the case officer deals with private
 * providers. A head of department may do whatever a unit manager may.
 */

#include <glib/gi18n-lib.h>

#include "sp-error.h"
#include "sp-workflow.h"

#define REGISTRAR     SP_ROLE_BIT (SP_ROLE_REGISTRAR)
#define UNIT_MANAGER  SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER)
#define CASE_OFFICER  SP_ROLE_BIT (SP_ROLE_CASE_OFFICER)
#define DEPT_HEAD     SP_ROLE_BIT (SP_ROLE_DEPARTMENT_HEAD)

#define STATUS_FIELD    "status"
#define ANONYMOUS_FIELD "sender.anonymous"

typedef struct
{
  SpStatus from;
  SpStatus to;
  guint    roles;
} Transition;

static const Transition transitions[] = {
  { SP_STATUS_RECEIVED, SP_STATUS_REGISTERED, REGISTRAR },
  /* Anonymous cases skip the diary and go straight to the unit; a case
   * with contact details is registered first (R4, check_conditions ()). */
  { SP_STATUS_RECEIVED, SP_STATUS_ASSIGNED, REGISTRAR },
  { SP_STATUS_RECEIVED, SP_STATUS_FORWARDED_ELSEWHERE, REGISTRAR },
  /* Citizen proposals go to the board's own routine. */
  { SP_STATUS_RECEIVED, SP_STATUS_OTHER_ROUTINE, REGISTRAR },

  { SP_STATUS_REGISTERED, SP_STATUS_ASSIGNED, REGISTRAR },
  { SP_STATUS_REGISTERED, SP_STATUS_FORWARDED_ELSEWHERE, REGISTRAR },
  { SP_STATUS_REGISTERED, SP_STATUS_OTHER_ROUTINE, REGISTRAR },

  { SP_STATUS_ASSIGNED, SP_STATUS_ACKNOWLEDGED, REGISTRAR | UNIT_MANAGER },
  { SP_STATUS_ASSIGNED, SP_STATUS_INVESTIGATING, UNIT_MANAGER },
  { SP_STATUS_ASSIGNED, SP_STATUS_AWAITING_PROVIDER, UNIT_MANAGER | CASE_OFFICER },
  { SP_STATUS_ASSIGNED, SP_STATUS_FORWARDED_ELSEWHERE, REGISTRAR | UNIT_MANAGER },

  { SP_STATUS_ACKNOWLEDGED, SP_STATUS_INVESTIGATING, UNIT_MANAGER },
  { SP_STATUS_ACKNOWLEDGED, SP_STATUS_AWAITING_PROVIDER, UNIT_MANAGER | CASE_OFFICER },

  { SP_STATUS_INVESTIGATING, SP_STATUS_AWAITING_PROVIDER, UNIT_MANAGER | CASE_OFFICER },
  { SP_STATUS_INVESTIGATING, SP_STATUS_ASSESSED, UNIT_MANAGER },

  { SP_STATUS_AWAITING_PROVIDER, SP_STATUS_INVESTIGATING, UNIT_MANAGER | CASE_OFFICER },

  { SP_STATUS_ASSESSED, SP_STATUS_FEEDBACK_GIVEN, UNIT_MANAGER },
  /* Reopened, for instance when the assessment was premature. */
  { SP_STATUS_ASSESSED, SP_STATUS_INVESTIGATING, UNIT_MANAGER },
  /* Only when nobody is owed feedback; see check_conditions (). */
  { SP_STATUS_ASSESSED, SP_STATUS_CLOSED, UNIT_MANAGER | REGISTRAR },

  { SP_STATUS_FEEDBACK_GIVEN, SP_STATUS_CLOSED, UNIT_MANAGER | REGISTRAR },
};

static const char *action_labels[SP_N_STATUSES] = {
  [SP_STATUS_RECEIVED] = NULL,
  [SP_STATUS_REGISTERED] = N_("Register"),
  [SP_STATUS_ASSIGNED] = N_("Assign to unit"),
  [SP_STATUS_ACKNOWLEDGED] = N_("Acknowledge receipt"),
  [SP_STATUS_INVESTIGATING] = N_("Start investigation"),
  [SP_STATUS_AWAITING_PROVIDER] = N_("Await provider's account"),
  [SP_STATUS_ASSESSED] = N_("Mark as assessed"),
  [SP_STATUS_FEEDBACK_GIVEN] = N_("Record feedback"),
  [SP_STATUS_CLOSED] = N_("Close"),
  [SP_STATUS_FORWARDED_ELSEWHERE] = N_("Forward elsewhere"),
  [SP_STATUS_OTHER_ROUTINE] = N_("Hand over to other routine"),
};

static gboolean
status_is_valid (SpStatus status)
{
  return (guint)status < SP_N_STATUSES;
}

guint
sp_workflow_get_roles (SpStatus from,
                       SpStatus to)
{
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      if (transitions[i].from == from && transitions[i].to == to)
        {
          guint roles = transitions[i].roles;

          if (roles & UNIT_MANAGER)
            roles |= DEPT_HEAD;

          return roles;
        }
    }

  return 0;
}

gboolean
sp_workflow_is_allowed (SpStatus from,
                        SpStatus to,
                        guint    roles)
{
  return (sp_workflow_get_roles (from, to) & roles) != 0;
}

static const char *
status_label (SpStatus status)
{
  if (!status_is_valid (status))
    return "?";

  return sp_enum_get_label (&sp_status_info, status);
}

/* What the case itself rules out, whoever asks. */
static gboolean
check_conditions (SpCase    *self,
                  SpStatus   to,
                  GError   **error)
{
  if (self->status == SP_STATUS_RECEIVED && to == SP_STATUS_REGISTERED &&
      !sp_case_can_be_registered (self))
    {
      sp_set_field_error (error, SP_ERROR_TRANSITION, ANONYMOUS_FIELD,
                          _("An anonymous case is not registered in the diary; "
                            "assign it to the unit for compilation instead"));
      return FALSE;
    }

  /* R4: every case with contact details goes into the diary. It leaves
   * "received" only by registration, by being forwarded elsewhere or by
   * going to another routine (a citizen proposal). */
  if (self->status == SP_STATUS_RECEIVED && to == SP_STATUS_ASSIGNED &&
      sp_case_can_be_registered (self))
    {
      sp_set_field_error (error, SP_ERROR_TRANSITION, STATUS_FIELD,
                          _("The case has the sender's contact details, so it must be "
                            "registered in the diary before it goes to the unit"));
      return FALSE;
    }

  if (self->status == SP_STATUS_ASSESSED && to == SP_STATUS_FEEDBACK_GIVEN &&
      self->sender_anonymous)
    {
      sp_set_field_error (error, SP_ERROR_TRANSITION, ANONYMOUS_FIELD,
                          _("The sender is anonymous, so there is nobody to give feedback to; "
                            "close the case instead"));
      return FALSE;
    }

  if (self->status == SP_STATUS_ASSESSED && to == SP_STATUS_CLOSED &&
      sp_case_needs_feedback (self))
    {
      sp_set_field_error (error, SP_ERROR_TRANSITION, STATUS_FIELD,
                          _("Feedback must be given before the case is closed"));
      return FALSE;
    }

  return TRUE;
}

gboolean
sp_workflow_check (SpCase    *self,
                   SpStatus   to,
                   guint      roles,
                   GError   **error)
{
  g_return_val_if_fail (SP_IS_CASE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The target usually comes from a request body: refuse nonsense plainly. */
  if (!status_is_valid (to) || !status_is_valid (self->status))
    {
      sp_set_field_error (error, SP_ERROR_TRANSITION, STATUS_FIELD,
                          _("This is not a state a case can be in"));
      return FALSE;
    }

  if (sp_workflow_get_roles (self->status, to) == 0)
    {
      sp_set_field_error (error, SP_ERROR_TRANSITION, STATUS_FIELD,
                          /* Translators: the states of a case, e.g. “Received” and “Closed” */
                          _("A case that is “%s” cannot be moved to “%s”"),
                          status_label (self->status), status_label (to));
      return FALSE;
    }

  if (!sp_workflow_is_allowed (self->status, to, roles))
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, STATUS_FIELD,
                          /* Translators: the states of a case, e.g. “Received” and “Registered” */
                          _("Your roles do not allow moving a case from “%s” to “%s”"),
                          status_label (self->status), status_label (to));
      return FALSE;
    }

  return check_conditions (self, to, error);
}

static gboolean
text_is_empty (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
check_assessed (SpCase                   *self,
                const SpWorkflowEvidence *evidence,
                GError                  **error)
{
  SpInvestigation *inv = evidence ? evidence->investigation : NULL;

  if (inv == NULL || SP_ENTITY (inv)->deleted)
    {
      sp_set_field_error (error, SP_ERROR_TRANSITION, "investigation",
                          _("Document the investigation before marking the case as assessed"));
      return FALSE;
    }
  if (text_is_empty (inv->facts))
    {
      sp_set_field_error (error, SP_ERROR_TRANSITION, "facts",
                          _("Write down what happened before marking the case as assessed"));
      return FALSE;
    }
  if (inv->assessment == SP_ASSESSMENT_NOT_ASSESSED)
    {
      sp_set_field_error (error, SP_ERROR_TRANSITION, "assessment",
                          _("Choose an assessment (justified, partly justified, not justified "
                            "or cannot be assessed) before marking the case as assessed"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_feedback (SpCase                   *self,
                const SpWorkflowEvidence *evidence,
                GError                  **error)
{
  if (evidence && evidence->n_final_answers > 0)
    return TRUE;

  switch (self->feedback_method)
    {
    case SP_FEEDBACK_METHOD_PHONE:
    case SP_FEEDBACK_METHOD_IN_PERSON:
      if (self->feedback_on == SP_DATE_NONE)
        {
          sp_set_field_error (error, SP_ERROR_TRANSITION, "feedback_on",
                              _("Give the date the sender was answered"));
          return FALSE;
        }
      if (text_is_empty (self->feedback_note))
        {
          sp_set_field_error (error, SP_ERROR_TRANSITION, "feedback_note",
                              _("Note what the sender was told"));
          return FALSE;
        }
      return TRUE;

    case SP_FEEDBACK_METHOD_NONE:
    case SP_FEEDBACK_METHOD_LETTER:
    default:
      sp_set_field_error (error, SP_ERROR_TRANSITION, "feedback_method",
                          _("Send the final answer, or record the answer given by phone or in "
                            "person with its date and a note, before recording feedback"));
      return FALSE;
    }
}

static gboolean
check_closed (SpCase                   *self,
              const SpWorkflowEvidence *evidence,
              GError                  **error)
{
  if (self->individual_record && !self->individual_record_noted)
    {
      sp_set_field_error (error, SP_ERROR_TRANSITION, "individual_record_noted",
                          _("The case concerns an individual's record: note in the person's file "
                            "that it came in, was registered and was handled before closing it"));
      return FALSE;
    }
  if (self->no_action_possible && self->status != SP_STATUS_FEEDBACK_GIVEN)
    {
      sp_set_field_error (error, SP_ERROR_TRANSITION, "no_action_possible",
                          _("A case can be closed as “no action possible” only after the sender "
                            "has been told why no action will be taken"));
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_workflow_check_evidence (SpCase                   *self,
                            const SpWorkflowEvidence *evidence,
                            SpStatus                  to,
                            GError                  **error)
{
  g_return_val_if_fail (SP_IS_CASE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (to)
    {
    case SP_STATUS_ASSESSED:
      return check_assessed (self, evidence, error);
    case SP_STATUS_FEEDBACK_GIVEN:
      return check_feedback (self, evidence, error);
    case SP_STATUS_CLOSED:
      return check_closed (self, evidence, error);
    default:
      return TRUE;
    }
}

guint
sp_workflow_get_targets (SpCase   *self,
                         guint     roles,
                         SpStatus  targets[SP_N_STATUSES])
{
  guint n = 0;

  g_return_val_if_fail (SP_IS_CASE (self), 0);
  g_return_val_if_fail (targets != NULL, 0);

  /* The enumeration is in workflow order, so this order is too. */
  for (guint to = 0; to < SP_N_STATUSES; to++)
    {
      if (sp_workflow_check (self, (SpStatus)to, roles, NULL))
        targets[n++] = (SpStatus)to;
    }

  return n;
}

const char *
sp_workflow_get_action_label (SpStatus to)
{
  if (!status_is_valid (to) || action_labels[to] == NULL)
    return NULL;

  return g_dgettext (GETTEXT_PACKAGE, action_labels[to]);
}
