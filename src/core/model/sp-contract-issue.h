/* sp-contract-issue.h: a contract issue with a provider (avtalsavvikelse),
 * opened from a case flagged as a contract breach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its life cycle: opened → correction requested (begäran om rättelse,
 * with a deadline) → provider's account received → assessed → sanction
 * decided (none, vite with an amount, or termination) → closed with an
 * outcome. An issue may also be closed straight after the account or the
 * assessment, or dropped while open, with an outcome that says why.
 */

#pragma once

#include "sp-entity.h"

G_BEGIN_DECLS

#define SP_TYPE_CONTRACT_ISSUE (sp_contract_issue_get_type ())

G_DECLARE_FINAL_TYPE (SpContractIssue, sp_contract_issue, SP, CONTRACT_ISSUE, SpEntity)

struct _SpContractIssue
{
  SpEntity parent_instance;

  char                  *case_id;
  char                  *provider_id;
  SpContractIssueStatus  status;
  SpDate                 correction_requested_on;
  SpDate                 correction_due_on;
  SpDate                 account_received_on;
  char                  *sanction;             /* the decision's text */
  char                  *outcome;
  SpDate                 opened_on;
  char                  *routed_to;            /* R14: "procurement" or an administration */
  char                  *breach;               /* what the breach is */
  char                  *correction_request;   /* the letter's text */
  char                  *account;              /* the provider's account */
  SpSanctionKind         sanction_kind;
  gint64                 sanction_amount;      /* vite, whole kronor */
  SpDate                 sanction_decided_on;
  SpDate                 closed_on;
  gboolean               welfare_crime;        /* signs of välfärdsbrott */
  char                  *assessment;           /* the assessment of the account */
  SpDate                 assessed_on;
};

extern const SpEntityInfo sp_contract_issue_info;

SpContractIssue *sp_contract_issue_new (void);

/* Whether the life cycle allows going from @from to @to. */
gboolean sp_contract_issue_can_move (SpContractIssueStatus from,
                                     SpContractIssueStatus to);

/* The rules of an issue in its status: each step reached has its dates
 * and texts; a deadline not before the request; a vite with an amount and
 * a decision date; a termination with a decision date. SP_ERROR_INVALID
 * naming the field. */
gboolean sp_contract_issue_validate (SpContractIssue  *self,
                                     GError          **error);

/* The rules of the move of @before to @after's status (SP_ERROR_TRANSITION
 * when the life cycle does not allow it): also, a correction deadline set
 * by the move cannot be before @today. */
gboolean sp_contract_issue_check_move (SpContractIssue  *before,
                                       SpContractIssue  *after,
                                       SpDate            today,
                                       GError          **error);

/* Whether the correction deadline has passed without an account. */
gboolean sp_contract_issue_is_overdue (SpContractIssue *self,
                                       SpDate           today);

G_END_DECLS
