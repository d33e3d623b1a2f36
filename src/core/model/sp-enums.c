/* sp-enums.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-enums.h"

#define ENUM_INFO(var, tname, ...) \
  static const SpEnumValue var##_values[] = { __VA_ARGS__ }; \
  const SpEnumInfo var = { tname, var##_values, G_N_ELEMENTS (var##_values) };

ENUM_INFO (sp_case_kind_info, "case_kind",
  { "opinion", N_("Opinion") },
  { "complaint", N_("Complaint") },
  { "citizen_proposal", N_("Citizen proposal") })

ENUM_INFO (sp_valence_info, "valence",
  { "negative", N_("Negative") },
  { "positive", N_("Positive") },
  { "neutral", N_("Neutral") })

ENUM_INFO (sp_channel_info, "channel",
  { "letter", N_("Letter") },
  { "email", N_("E-mail") },
  { "phone", N_("Phone") },
  { "in_person", N_("In person") },
  { "web_form", N_("Web form") },
  { "tyck_till_app", N_("Tyck till app") },
  { "paper_form", N_("Paper form") },
  { "board_question_time", N_("Board question time") },
  { "ivo", N_("Forwarded by IVO") },
  { "skolinspektionen", N_("Forwarded by Skolinspektionen") },
  { "other_district", N_("Forwarded from another district") })

ENUM_INFO (sp_status_info, "status",
  { "received", N_("Received") },
  { "registered", N_("Registered") },
  { "assigned", N_("Assigned") },
  { "acknowledged", N_("Acknowledged") },
  { "investigating", N_("Under investigation") },
  { "awaiting_provider", N_("Awaiting provider") },
  { "assessed", N_("Assessed") },
  { "feedback_given", N_("Feedback given") },
  { "closed", N_("Closed") },
  { "forwarded_elsewhere", N_("Forwarded elsewhere") },
  { "other_routine", N_("Other routine") })

ENUM_INFO (sp_relation_info, "relation",
  { "service_user", N_("Service user") },
  { "relative", N_("Relative") },
  { "staff", N_("Staff") },
  { "provider", N_("Provider") },
  { "authority", N_("Authority") },
  { "organisation", N_("Organisation") },
  { "resident", N_("Resident") },
  { "other", N_("Other") })

ENUM_INFO (sp_concerns_info, "concerns",
  { "unit", N_("Our unit") },
  { "provider", N_("Private provider") },
  { "other_district", N_("Another district") },
  { "other_authority", N_("Another authority") })

ENUM_INFO (sp_area_info, "area",
  { "elderly_care", N_("Elderly care") },
  { "disability_support", N_("Disability support (LSS)") },
  { "individual_family_care", N_("Individual and family care") },
  { "preschool", N_("Preschool") },
  { "city_environment", N_("City environment") },
  { "culture_leisure", N_("Culture and leisure") },
  { "administration", N_("Administration") },
  { "other", N_("Other") })

ENUM_INFO (sp_role_info, "role",
  { "staff", N_("Staff member") },
  { "registrar", N_("Registrar") },
  { "unit_manager", N_("Unit manager") },
  { "department_head", N_("Head of department") },
  { "case_officer", N_("Case officer") },
  { "procurement", N_("Procurement officer") },
  { "quality", N_("Quality staff") },
  { "admin", N_("Administrator") })

ENUM_INFO (sp_assessment_info, "assessment",
  { "not_assessed", N_("Not assessed") },
  { "justified", N_("Justified") },
  { "partly_justified", N_("Partly justified") },
  { "not_justified", N_("Not justified") },
  { "cannot_assess", N_("Cannot be assessed") })

ENUM_INFO (sp_contract_form_info, "contract_form",
  { "contracted_operation", N_("Contracted operation") },
  { "choice_system", N_("Choice system (LOV)") },
  { "framework_agreement", N_("Framework agreement") })

ENUM_INFO (sp_unit_kind_info, "unit_kind",
  { "administration", N_("Administration") },
  { "department", N_("Department") },
  { "unit", N_("Unit") })

ENUM_INFO (sp_event_kind_info, "event_kind",
  { "created", N_("Created") },
  { "status_changed", N_("Status changed") },
  { "field_changed", N_("Changed") },
  { "registered", N_("Registered in the diary") },
  { "investigation_updated", N_("Investigation updated") },
  { "letter_sent", N_("Letter sent") },
  { "note", N_("Note") },
  { "conflict_resolved", N_("Conflict resolved") },
  { "contract_issue_updated", N_("Contract issue updated") })

ENUM_INFO (sp_letter_kind_info, "letter_kind",
  { "acknowledgement", N_("Acknowledgement of receipt") },
  { "forwarded_to_provider", N_("Forwarded to provider") },
  { "forwarded_to_authority", N_("Forwarded to another authority") },
  { "delay_notice", N_("Delay notice") },
  { "final_answer", N_("Final answer") })

ENUM_INFO (sp_letter_method_info, "letter_method",
  { "post", N_("Post") },
  { "email", N_("E-mail") },
  { "in_person", N_("In person") })

ENUM_INFO (sp_feedback_method_info, "feedback_method",
  { "none", N_("Not recorded") },
  { "letter", N_("Letter") },
  { "phone", N_("By phone") },
  { "in_person", N_("In person") })

/* The names are the investigation's columns of each escalation. */
ENUM_INFO (sp_escalation_info, "escalation",
  { "lex_sarah", N_("Lex Sarah") },
  { "lex_maria", N_("Lex Maria") },
  { "deviation", N_("Deviation routine") },
  { "contract_breach", N_("Contract breach") },
  { "welfare_crime", N_("Sign of welfare crime") })

ENUM_INFO (sp_language_info, "language",
  { "sv", N_("Swedish") },
  { "en", N_("English") })

ENUM_INFO (sp_disclosure_decision_info, "disclosure_decision",
  { "pending", N_("Pending") },
  { "disclose", N_("Disclose") },
  { "disclose_redacted", N_("Disclose with redactions") },
  { "refuse", N_("Refuse") })

ENUM_INFO (sp_contract_issue_status_info, "contract_issue_status",
  { "open", N_("Open") },
  { "correction_requested", N_("Correction requested") },
  { "account_received", N_("Account received") },
  { "assessed", N_("Assessed") },
  { "sanctioned", N_("Sanctioned") },
  { "closed", N_("Closed") })

ENUM_INFO (sp_sanction_kind_info, "sanction_kind",
  { "none", N_("No sanction") },
  { "penalty", N_("Penalty (vite)") },
  { "termination", N_("Termination of the contract") })

gboolean
sp_enum_is_valid (const SpEnumInfo *info,
                  int               value)
{
  g_return_val_if_fail (info != NULL, FALSE);

  return value >= 0 && (guint)value < info->n_values;
}

const char *
sp_enum_to_name (const SpEnumInfo *info,
                 int               value)
{
  g_return_val_if_fail (info != NULL, NULL);

  if (!sp_enum_is_valid (info, value))
    return NULL;

  return info->values[value].name;
}

gboolean
sp_enum_from_name (const SpEnumInfo *info,
                   const char       *name,
                   int              *value)
{
  g_return_val_if_fail (info != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < info->n_values; i++)
    {
      if (strcmp (info->values[i].name, name) == 0)
        {
          if (value != NULL)
            *value = (int)i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sp_enum_get_label (const SpEnumInfo *info,
                   int               value)
{
  g_return_val_if_fail (info != NULL, NULL);

  if (!sp_enum_is_valid (info, value))
    return "";

  return g_dgettext (GETTEXT_PACKAGE, info->values[value].label);
}

gboolean
sp_status_is_open (SpStatus status)
{
  return status != SP_STATUS_CLOSED &&
         status != SP_STATUS_FORWARDED_ELSEWHERE &&
         status != SP_STATUS_OTHER_ROUTINE;
}
