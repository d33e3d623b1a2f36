/* sp-case-link.h: two cases linked: one a duplicate of the other, related,
 * or from the same sender
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The link is kept once, with the case it was made from (case_id); both
 * cases show it. For SP_CASE_LINK_DUPLICATE_OF, case_id is the duplicate
 * and other_case_id the original: a case is the duplicate of one case at
 * most, and an original is not itself a duplicate.
 */

#pragma once

#include "sp-entity.h"

G_BEGIN_DECLS

typedef enum
{
  SP_CASE_LINK_DUPLICATE_OF,
  SP_CASE_LINK_RELATED,
  SP_CASE_LINK_SAME_SENDER,
  SP_N_CASE_LINK_KINDS
} SpCaseLinkKind;

extern const SpEnumInfo sp_case_link_kind_info;

#define SP_TYPE_CASE_LINK (sp_case_link_get_type ())

G_DECLARE_FINAL_TYPE (SpCaseLink, sp_case_link, SP, CASE_LINK, SpEntity)

struct _SpCaseLink
{
  SpEntity        parent_instance;

  char           *case_id;
  char           *other_case_id;
  SpCaseLinkKind  kind;
  char           *note;
  SpDate          linked_on;     /* the store's */
  char           *linked_by;     /* the store's */
};

extern const SpEntityInfo sp_case_link_info;

SpCaseLink *sp_case_link_new        (void);
/* The other case, seen from @case_id (either end of the link). */
const char *sp_case_link_other_end  (SpCaseLink *link,
                                     const char *case_id);

G_END_DECLS
