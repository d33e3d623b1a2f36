/* sp-disclosure-request.h: a request for disclosure (begäran om utlämnande)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who asked (or that they stayed anonymous, as they may), when and for
 * what; the secrecy review part by part (disclose, redact or withhold,
 * each with its provision); and the decision, by whom and when. A request
 * must be handled promptly: its age is shown in days.
 */

#pragma once

#include "sp-entity.h"
#include "sp-secrecy-marking.h"

G_BEGIN_DECLS

/* The secrecy review of one part. */
typedef enum
{
  SP_REVIEW_NOT_REVIEWED,
  SP_REVIEW_DISCLOSE,
  SP_REVIEW_REDACT,     /* shown with the given passages (or all of it) blacked out */
  SP_REVIEW_WITHHOLD,   /* left out of the copy */
  SP_N_REVIEWS
} SpReviewVerdict;

extern const SpEnumInfo sp_review_verdict_info;

/* The parts a review covers, in the order of the copy. */
typedef enum
{
  SP_REVIEW_PART_SENDER,
  SP_REVIEW_PART_DESCRIPTION,
  SP_REVIEW_PART_INVESTIGATION,
  SP_REVIEW_PART_LETTERS,
  SP_N_REVIEW_PARTS
} SpReviewPart;

#define SP_TYPE_DISCLOSURE_REQUEST (sp_disclosure_request_get_type ())

G_DECLARE_FINAL_TYPE (SpDisclosureRequest, sp_disclosure_request, SP, DISCLOSURE_REQUEST, SpEntity)

struct _SpDisclosureRequest
{
  SpEntity parent_instance;

  char                 *case_id;
  SpDate                requested_on;
  char                 *requester;
  SpDisclosureDecision  decision;
  char                 *osl_provision;    /* the provision of offentlighets- och sekretesslagen */
  SpDate                decided_on;
  char                 *decided_by;
  char                 *note;

  gboolean              requester_anonymous;
  char                  *requested_what;  /* what was asked for */
  /* The review: a verdict, a provision and (for the texts) the passages
   * to black out, one a line, for each SpReviewPart. */
  SpReviewVerdict       review_sender;
  char                 *review_sender_provision;
  SpReviewVerdict       review_description;
  char                 *review_description_provision;
  char                 *review_description_passages;
  SpReviewVerdict       review_investigation;
  char                 *review_investigation_provision;
  char                 *review_investigation_passages;
  SpReviewVerdict       review_letters;
  char                 *review_letters_provision;
};

extern const SpEntityInfo sp_disclosure_request_info;

SpDisclosureRequest *sp_disclosure_request_new (void);

/* The part's verdict, provision and passages (NULL for parts without). */
SpReviewVerdict  sp_disclosure_request_get_verdict   (SpDisclosureRequest *self,
                                                      SpReviewPart         part);
const char      *sp_disclosure_request_get_provision (SpDisclosureRequest *self,
                                                      SpReviewPart         part);
const char      *sp_disclosure_request_get_passages  (SpDisclosureRequest *self,
                                                      SpReviewPart         part);
/* The JSON member of the part's verdict ("review_description"). */
const char      *sp_review_part_field                (SpReviewPart         part);
const char      *sp_review_part_label                (SpReviewPart         part);
/* Days since the request came in (0 on the day). */
int              sp_disclosure_request_get_age       (SpDisclosureRequest *self,
                                                      SpDate               today);
/* The problems (SpProblem) of the request: who asked unless anonymous,
 * when (not in the future) and what; a provision for each part redacted
 * or withheld, from @provisions; a decision only once every part is
 * reviewed; a provision when refusing or disclosing with redactions; a
 * plain "disclose" only when nothing is redacted or withheld. */
GPtrArray       *sp_disclosure_request_check         (SpDisclosureRequest *self,
                                                      const char * const  *provisions,
                                                      SpDate               today);

G_END_DECLS
