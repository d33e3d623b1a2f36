/* sp-disclosure-request.h: a request for disclosure (begäran om utlämnande)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-entity.h"

G_BEGIN_DECLS

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
};

extern const SpEntityInfo sp_disclosure_request_info;

SpDisclosureRequest *sp_disclosure_request_new (void);

G_END_DECLS
