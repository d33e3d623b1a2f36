/* sp-disclosure-request.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-disclosure-request.h"

SP_DEFINE_ENTITY (SpDisclosureRequest, sp_disclosure_request, "disclosure_request", "disclosure_requests",
  SP_DEFINE_REF (SpDisclosureRequest, case_id, SP_FIELD_REQUIRED),
  SP_DEFINE_DATE (SpDisclosureRequest, requested_on, SP_FIELD_REQUIRED),
  SP_DEFINE_STRING (SpDisclosureRequest, requester, SP_FIELD_PERSONAL, 500),
  SP_DEFINE_ENUM (SpDisclosureRequest, decision, 0, sp_disclosure_decision_info),
  SP_DEFINE_STRING (SpDisclosureRequest, osl_provision, 0, 200),
  SP_DEFINE_DATE (SpDisclosureRequest, decided_on, 0),
  SP_DEFINE_STRING (SpDisclosureRequest, decided_by, 0, 200),
  SP_DEFINE_STRING (SpDisclosureRequest, note, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 5000))
