/* sp-investigation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-investigation.h"

SP_DEFINE_ENTITY (SpInvestigation, sp_investigation, "investigation", "investigations",
  SP_DEFINE_REF (SpInvestigation, case_id, SP_FIELD_REQUIRED),
  SP_DEFINE_STRING (SpInvestigation, investigator_id, 0, 200),
  SP_DEFINE_REF (SpInvestigation, investigating_unit_id, 0),
  SP_DEFINE_STRING (SpInvestigation, facts, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 20000),
  SP_DEFINE_STRING (SpInvestigation, heard, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 5000),
  SP_DEFINE_STRING (SpInvestigation, analysis, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 20000),
  SP_DEFINE_ENUM (SpInvestigation, assessment, 0, sp_assessment_info),
  SP_DEFINE_STRING (SpInvestigation, actions_taken, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 20000),
  SP_DEFINE_STRING (SpInvestigation, feedback_text, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 20000),
  SP_DEFINE_DATE (SpInvestigation, follow_up_on, 0),
  SP_DEFINE_STRING (SpInvestigation, authority_answer, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 20000),
  SP_DEFINE_DATE (SpInvestigation, authority_answer_on, 0),
  SP_DEFINE_BOOL (SpInvestigation, lex_sarah, 0),
  SP_DEFINE_STRING (SpInvestigation, lex_sarah_reference, 0, 200),
  SP_DEFINE_DATE (SpInvestigation, lex_sarah_on, 0),
  SP_DEFINE_BOOL (SpInvestigation, lex_maria, 0),
  SP_DEFINE_STRING (SpInvestigation, lex_maria_reference, 0, 200),
  SP_DEFINE_DATE (SpInvestigation, lex_maria_on, 0),
  SP_DEFINE_BOOL (SpInvestigation, deviation, 0),
  SP_DEFINE_STRING (SpInvestigation, deviation_reference, 0, 200),
  SP_DEFINE_DATE (SpInvestigation, deviation_on, 0),
  SP_DEFINE_BOOL (SpInvestigation, contract_breach, 0),
  SP_DEFINE_STRING (SpInvestigation, contract_breach_reference, 0, 200),
  SP_DEFINE_DATE (SpInvestigation, contract_breach_on, 0),
  SP_DEFINE_BOOL (SpInvestigation, welfare_crime, 0),
  SP_DEFINE_STRING (SpInvestigation, welfare_crime_reference, 0, 200),
  SP_DEFINE_DATE (SpInvestigation, welfare_crime_on, 0))
