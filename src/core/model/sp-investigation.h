/* sp-investigation.h: the investigation of a case (blankett "Utredning av
 * synpunkter och klagomål")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-entity.h"

G_BEGIN_DECLS

#define SP_TYPE_INVESTIGATION (sp_investigation_get_type ())

G_DECLARE_FINAL_TYPE (SpInvestigation, sp_investigation, SP, INVESTIGATION, SpEntity)

struct _SpInvestigation
{
  SpEntity      parent_instance;

  char         *case_id;
  char         *investigator_id;
  char         *investigating_unit_id;
  char         *facts;             /* what happened */
  char         *heard;             /* who was heard */
  char         *analysis;          /* causes */
  SpAssessment  assessment;
  char         *actions_taken;
  char         *feedback_text;
  SpDate        follow_up_on;
  char         *authority_answer;  /* to IVO or Skolinspektionen */
  SpDate        authority_answer_on;

  /* Escalations, each with a reference and a date */
  gboolean      lex_sarah;
  char         *lex_sarah_reference;
  SpDate        lex_sarah_on;
  gboolean      lex_maria;
  char         *lex_maria_reference;
  SpDate        lex_maria_on;
  gboolean      deviation;
  char         *deviation_reference;
  SpDate        deviation_on;
  gboolean      contract_breach;
  char         *contract_breach_reference;
  SpDate        contract_breach_on;
  gboolean      welfare_crime;
  char         *welfare_crime_reference;
  SpDate        welfare_crime_on;
};

extern const SpEntityInfo sp_investigation_info;

SpInvestigation *sp_investigation_new (void);

G_END_DECLS
