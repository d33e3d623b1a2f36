/* sp-case-link.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>

#include "sp-case-link.h"

static const SpEnumValue kind_values[] = {
  { "duplicate_of", N_("Duplicate of") },
  { "related", N_("Related to") },
  { "same_sender", N_("Same sender as") },
};

const SpEnumInfo sp_case_link_kind_info = { "case_link_kind", kind_values, G_N_ELEMENTS (kind_values) };

SP_DEFINE_ENTITY (SpCaseLink, sp_case_link, "case_link", "case_links",
  SP_DEFINE_REF (SpCaseLink, case_id, SP_FIELD_REQUIRED),
  SP_DEFINE_REF (SpCaseLink, other_case_id, SP_FIELD_REQUIRED),
  SP_DEFINE_ENUM (SpCaseLink, kind, SP_FIELD_REQUIRED, sp_case_link_kind_info),
  SP_DEFINE_STRING (SpCaseLink, note, SP_FIELD_FREE_TEXT, 500),
  SP_DEFINE_DATE (SpCaseLink, linked_on, 0),
  SP_DEFINE_STRING (SpCaseLink, linked_by, 0, 200))

const char *
sp_case_link_other_end (SpCaseLink *link,
                        const char *case_id)
{
  g_return_val_if_fail (SP_IS_CASE_LINK (link), NULL);

  return g_strcmp0 (link->case_id, case_id) == 0 ? link->other_case_id : link->case_id;
}
