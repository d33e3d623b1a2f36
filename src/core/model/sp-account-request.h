/* sp-account-request.h: an account (redogörelse) asked of a private
 * provider or another district, with its last date, and recorded when it
 * comes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The routines: the case officer sends the case to the provider "med ett
 * datum för senast återkoppling" (Hässelby-Vällingby); the responsible
 * manager "ska begära en redogörelse av åtgärder och återkoppling" from
 * the external provider, or from the responsible manager in another
 * district, which may come by e-mail or orally by phone, in which case
 * it is noted, and is sent to the registrar for the diary (Norrmalm).
 */

#pragma once

#include "sp-entity.h"

G_BEGIN_DECLS

typedef enum
{
  SP_ACCOUNT_FROM_PROVIDER,        /* an enskild utförare */
  SP_ACCOUNT_FROM_OTHER_DISTRICT,  /* samverkan: another district's unit */
  SP_N_ACCOUNT_SOURCES
} SpAccountSource;

typedef enum
{
  SP_ACCOUNT_METHOD_NONE,
  SP_ACCOUNT_METHOD_EMAIL,
  SP_ACCOUNT_METHOD_LETTER,
  SP_ACCOUNT_METHOD_PHONE,        /* oral: what was said is noted */
  SP_ACCOUNT_METHOD_IN_PERSON,
  SP_N_ACCOUNT_METHODS
} SpAccountMethod;

extern const SpEnumInfo sp_account_source_info;
extern const SpEnumInfo sp_account_method_info;

#define SP_TYPE_ACCOUNT_REQUEST (sp_account_request_get_type ())

G_DECLARE_FINAL_TYPE (SpAccountRequest, sp_account_request, SP, ACCOUNT_REQUEST, SpEntity)

struct _SpAccountRequest
{
  SpEntity         parent_instance;

  char            *case_id;
  SpAccountSource  source;
  char            *provider_id;     /* for SP_ACCOUNT_FROM_PROVIDER */
  char            *requested_from;  /* the district and its manager, or the provider's contact */
  SpDate           requested_on;    /* the store's */
  char            *requested_by;    /* the store's */
  SpDate           due_on;          /* the last date for the account */
  /* The account, once it came */
  SpDate           received_on;
  SpAccountMethod  received_method;
  char            *account;         /* its text, or the note of an oral one */
  char            *recorded_by;     /* the store's */
};

extern const SpEntityInfo sp_account_request_info;

SpAccountRequest *sp_account_request_new         (void);

/* Every problem as SpProblem (sp-investigation-check.h): the source and
 * whom it is asked of, a last date (not before the request, nor before
 * @earliest_due unless SP_DATE_NONE: today for a new or moved date), and
 * an account that came: its date (not after @today, not before the
 * request), how it came and what it said, all three or none. */
GPtrArray        *sp_account_request_check       (SpAccountRequest *request,
                                                  SpDate            earliest_due,
                                                  SpDate            today);
gboolean          sp_account_request_is_received (SpAccountRequest *request);
/* Asked, not received, and past its last date on @today. */
gboolean          sp_account_request_is_overdue  (SpAccountRequest *request,
                                                  SpDate            today);

G_END_DECLS
