/* sp-enums.h: the domain's enumerations, their stable names and labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every enumeration has a table that maps each value to a stable English
 * snake_case name (used in JSON and SQL, never translated) and to an English
 * label marked for translation (shown in the UI through sp_enum_get_label()).
 * Values are contiguous from 0, so a table is indexed by value.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  const char *label;
} SpEnumValue;

typedef struct
{
  const char        *type_name;
  const SpEnumValue *values;
  guint              n_values;
} SpEnumInfo;

const char *sp_enum_to_name   (const SpEnumInfo *info,
                               int               value);
gboolean    sp_enum_from_name (const SpEnumInfo *info,
                               const char       *name,
                               int              *value);
const char *sp_enum_get_label (const SpEnumInfo *info,
                               int               value);
gboolean    sp_enum_is_valid  (const SpEnumInfo *info,
                               int               value);

typedef enum
{
  SP_CASE_KIND_OPINION,
  SP_CASE_KIND_COMPLAINT,
  SP_CASE_KIND_CITIZEN_PROPOSAL,
} SpCaseKind;

typedef enum
{
  SP_VALENCE_NEGATIVE,
  SP_VALENCE_POSITIVE,
  SP_VALENCE_NEUTRAL,
} SpValence;

typedef enum
{
  SP_CHANNEL_LETTER,
  SP_CHANNEL_EMAIL,
  SP_CHANNEL_PHONE,
  SP_CHANNEL_IN_PERSON,
  SP_CHANNEL_WEB_FORM,
  SP_CHANNEL_TYCK_TILL_APP,
  SP_CHANNEL_PAPER_FORM,
  SP_CHANNEL_BOARD_QUESTION_TIME,
  SP_CHANNEL_IVO,
  SP_CHANNEL_SKOLINSPEKTIONEN,
  SP_CHANNEL_OTHER_DISTRICT,
} SpChannel;

typedef enum
{
  SP_STATUS_RECEIVED,
  SP_STATUS_REGISTERED,
  SP_STATUS_ASSIGNED,
  SP_STATUS_ACKNOWLEDGED,
  SP_STATUS_INVESTIGATING,
  SP_STATUS_AWAITING_PROVIDER,
  SP_STATUS_ASSESSED,
  SP_STATUS_FEEDBACK_GIVEN,
  SP_STATUS_CLOSED,
  SP_STATUS_FORWARDED_ELSEWHERE,
  SP_STATUS_OTHER_ROUTINE,
  SP_N_STATUSES
} SpStatus;

typedef enum
{
  SP_RELATION_SERVICE_USER,
  SP_RELATION_RELATIVE,
  SP_RELATION_STAFF,
  SP_RELATION_PROVIDER,
  SP_RELATION_AUTHORITY,
  SP_RELATION_ORGANISATION,
  SP_RELATION_RESIDENT,
  SP_RELATION_OTHER,
} SpRelation;

/* What a case concerns: our own unit, a private provider, another
 * district's unit, or nothing of ours (forwarded to another authority). */
typedef enum
{
  SP_CONCERNS_UNIT,
  SP_CONCERNS_PROVIDER,
  SP_CONCERNS_OTHER_DISTRICT,
  SP_CONCERNS_OTHER_AUTHORITY,
} SpConcerns;

typedef enum
{
  SP_AREA_ELDERLY_CARE,
  SP_AREA_DISABILITY_SUPPORT,
  SP_AREA_INDIVIDUAL_FAMILY_CARE,
  SP_AREA_PRESCHOOL,
  SP_AREA_CITY_ENVIRONMENT,
  SP_AREA_CULTURE_LEISURE,
  SP_AREA_ADMINISTRATION,
  SP_AREA_OTHER,
} SpArea;

/* Roles are bits so that a user can hold several. */
typedef enum
{
  SP_ROLE_STAFF,
  SP_ROLE_REGISTRAR,
  SP_ROLE_UNIT_MANAGER,
  SP_ROLE_DEPARTMENT_HEAD,
  SP_ROLE_CASE_OFFICER,
  SP_ROLE_PROCUREMENT,
  SP_ROLE_QUALITY,
  SP_ROLE_ADMIN,
  SP_N_ROLES
} SpRole;

#define SP_ROLE_BIT(r) (1u << (r))

typedef enum
{
  SP_ASSESSMENT_NOT_ASSESSED,
  SP_ASSESSMENT_JUSTIFIED,
  SP_ASSESSMENT_PARTLY_JUSTIFIED,
  SP_ASSESSMENT_NOT_JUSTIFIED,
  SP_ASSESSMENT_CANNOT_ASSESS,
} SpAssessment;

typedef enum
{
  SP_CONTRACT_FORM_CONTRACTED_OPERATION, /* entreprenad */
  SP_CONTRACT_FORM_CHOICE_SYSTEM,        /* LOV / valfrihetssystem */
  SP_CONTRACT_FORM_FRAMEWORK_AGREEMENT,  /* ramavtal */
} SpContractForm;

typedef enum
{
  SP_UNIT_KIND_ADMINISTRATION,
  SP_UNIT_KIND_DEPARTMENT,
  SP_UNIT_KIND_UNIT,
} SpUnitKind;

typedef enum
{
  SP_EVENT_CREATED,
  SP_EVENT_STATUS_CHANGED,
  SP_EVENT_FIELD_CHANGED,
  SP_EVENT_REGISTERED,
  SP_EVENT_INVESTIGATION_UPDATED,
  SP_EVENT_LETTER_SENT,
  SP_EVENT_NOTE,
  SP_EVENT_CONFLICT_RESOLVED,
  SP_EVENT_CONTRACT_ISSUE_UPDATED,
} SpEventKind;

typedef enum
{
  SP_LETTER_ACKNOWLEDGEMENT,
  SP_LETTER_FORWARDED_TO_PROVIDER,
  SP_LETTER_FORWARDED_TO_AUTHORITY,
  SP_LETTER_DELAY_NOTICE,
  SP_LETTER_FINAL_ANSWER,
} SpLetterKind;

typedef enum
{
  SP_LETTER_METHOD_POST,
  SP_LETTER_METHOD_EMAIL,
  SP_LETTER_METHOD_IN_PERSON,
} SpLetterMethod;

/* How the final answer reached the sender, when it was not a letter. */
typedef enum
{
  SP_FEEDBACK_METHOD_NONE,
  SP_FEEDBACK_METHOD_LETTER,
  SP_FEEDBACK_METHOD_PHONE,
  SP_FEEDBACK_METHOD_IN_PERSON,
} SpFeedbackMethod;

/* The escalations of an investigation, as bits for queries. */
typedef enum
{
  SP_ESCALATION_LEX_SARAH,
  SP_ESCALATION_LEX_MARIA,
  SP_ESCALATION_DEVIATION,
  SP_ESCALATION_CONTRACT_BREACH,
  SP_ESCALATION_WELFARE_CRIME,
  SP_N_ESCALATIONS
} SpEscalation;

typedef enum
{
  SP_LANGUAGE_SV,
  SP_LANGUAGE_EN,
} SpLanguage;

typedef enum
{
  SP_DISCLOSURE_PENDING,
  SP_DISCLOSURE_DISCLOSE,
  SP_DISCLOSURE_DISCLOSE_REDACTED,
  SP_DISCLOSURE_REFUSE,
} SpDisclosureDecision;

typedef enum
{
  SP_CONTRACT_ISSUE_OPEN,
  SP_CONTRACT_ISSUE_CORRECTION_REQUESTED,
  SP_CONTRACT_ISSUE_ACCOUNT_RECEIVED,
  SP_CONTRACT_ISSUE_ASSESSED,
  SP_CONTRACT_ISSUE_SANCTIONED,
  SP_CONTRACT_ISSUE_CLOSED,
} SpContractIssueStatus;

/* What the administration decided about a contract issue. */
typedef enum
{
  SP_SANCTION_NONE,
  SP_SANCTION_PENALTY,      /* vite, with an amount */
  SP_SANCTION_TERMINATION,  /* hävning of the contract */
} SpSanctionKind;

extern const SpEnumInfo sp_case_kind_info;
extern const SpEnumInfo sp_valence_info;
extern const SpEnumInfo sp_channel_info;
extern const SpEnumInfo sp_status_info;
extern const SpEnumInfo sp_relation_info;
extern const SpEnumInfo sp_concerns_info;
extern const SpEnumInfo sp_area_info;
extern const SpEnumInfo sp_role_info;
extern const SpEnumInfo sp_assessment_info;
extern const SpEnumInfo sp_contract_form_info;
extern const SpEnumInfo sp_unit_kind_info;
extern const SpEnumInfo sp_event_kind_info;
extern const SpEnumInfo sp_letter_kind_info;
extern const SpEnumInfo sp_letter_method_info;
extern const SpEnumInfo sp_language_info;
extern const SpEnumInfo sp_feedback_method_info;
extern const SpEnumInfo sp_escalation_info;
extern const SpEnumInfo sp_disclosure_decision_info;
extern const SpEnumInfo sp_contract_issue_status_info;
extern const SpEnumInfo sp_sanction_kind_info;

/* Whether a case in this status is still being handled (not closed,
 * forwarded elsewhere or handled in another routine). */
gboolean sp_status_is_open (SpStatus status);

G_END_DECLS
