/* sp-case.h: a case (ärende): one piece of feedback or complaint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-deadline.h"
#include "sp-entity.h"

G_BEGIN_DECLS

#define SP_TYPE_CASE (sp_case_get_type ())

G_DECLARE_FINAL_TYPE (SpCase, sp_case, SP, CASE, SpEntity)

struct _SpCase
{
  SpEntity    parent_instance;

  char       *diary_number;      /* NULL until registered */
  SpCaseKind  kind;
  SpValence   valence;
  SpChannel   channel;
  SpDate      received_on;
  SpStatus    status;

  /* The sender */
  gboolean    sender_anonymous;
  char       *sender_name;
  char       *sender_address;
  char       *sender_phone;
  char       *sender_email;
  gboolean    sender_wants_feedback;
  SpRelation  sender_relation;

  /* What it concerns */
  SpConcerns  concerns;
  char       *unit_id;
  char       *provider_id;
  char       *other_district;
  char       *other_authority;
  SpArea      area;
  char       *category;          /* a category's code */
  char       *subject;
  char       *description;
  char       *service_note;      /* for oral feedback */

  /* Flags */
  gboolean    individual_record;
  gboolean    individual_record_noted; /* the note in the person's file is made */
  gboolean    named_employee;
  gboolean    conflict_of_interest;
  char       *investigating_unit_id;   /* another unit, on conflict of interest */
  gboolean    contract_breach;

  /* Handling */
  char       *authority_reference;     /* IVO's or Skolinspektionen's */
  SpDate      given_due_on;            /* an authority's or provider's date */
  char       *deadline_rule;           /* computed unless given */
  SpDate      due_on;                  /* computed */
  gboolean    overdue;                 /* computed on load */
  char       *assigned_to;             /* a user */
  char       *forwarded_to;            /* the receiving authority */
  SpDate      delay_notice_on;
  char       *delay_reason;
  SpDate      feedback_on;
  SpFeedbackMethod feedback_method;    /* a final answer not by letter */
  char       *feedback_note;           /* what the sender was told */
  /* Closed as "no action possible", once told why (Norrmalm). */
  gboolean    no_action_possible;
  /* A city environment case that needs investigating: 10 days, not 3 (R29). */
  gboolean    complex;
  char       *complex_reason;
  /* Positive feedback passed on to the staff and manager it concerns (R21). */
  SpDate      praise_passed_on;
  char       *praise_passed_to;
  SpDate      closed_on;
  char       *created_by;
  gint64      created_at;
};

extern const SpEntityInfo sp_case_info;

SpCase   *sp_case_new                  (void);

/* The rule that applies to this case under @config: an authority's or a
 * provider's date when one is given, the city environment's rule for the
 * Tyck till app and city environment cases, else the investigation rule. */
void      sp_case_get_deadline_rule    (SpCase                 *self,
                                        const SpDeadlineConfig *config,
                                        SpDeadlineRule         *rule);
/* Recomputes deadline_rule and due_on. A due date past the last day a
 * date can have (sp_date_last()) is an error: due_on is then left unset
 * and FALSE returned, so that no case is saved with a deadline cut off. */
gboolean  sp_case_update_deadline      (SpCase                 *self,
                                        const SpDeadlineConfig *config,
                                        GError                **error);
gboolean  sp_case_is_overdue           (SpCase                 *self,
                                        SpDate                  today);
int       sp_case_get_days_left        (SpCase                 *self,
                                        SpDate                  today);
/* Overdue, still open, with a sender who can be told, and no delay notice
 * recorded yet. */
gboolean  sp_case_delay_notice_owed    (SpCase                 *self,
                                        SpDate                  today);
/* Anonymous cases are not registered in the diary. */
gboolean  sp_case_can_be_registered    (SpCase                 *self);
/* A synpunkt whose sender wants feedback is handled like a complaint. */
gboolean  sp_case_needs_feedback       (SpCase                 *self);
/* Removes the sender's personal data (gallring). Free text stays: the
 * server withholds it from quality staff with the personal data when it
 * encodes (SP_JSON_ENCODE_REDACT_PERSONAL, sp_field_is_personal()). */
void      sp_case_redact_personal_data (SpCase                 *self);

G_END_DECLS
