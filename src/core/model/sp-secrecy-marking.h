/* sp-secrecy-marking.h: a case, or one of its parts, marked secret under a
 * provision of offentlighets- och sekretesslagen (OSL)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The marking says that the part may be secret, under which provision,
 * why, and until when. The diary shows the marking, never the part's
 * content; a disclosure request's secrecy review starts from the markings.
 */

#pragma once

#include "sp-case.h"
#include "sp-entity.h"

G_BEGIN_DECLS

typedef enum
{
  SP_SECRECY_PART_CASE,           /* the whole case */
  SP_SECRECY_PART_SENDER,         /* who sent it: name, address, phone, e-mail */
  SP_SECRECY_PART_DESCRIPTION,
  SP_SECRECY_PART_INVESTIGATION,
  SP_SECRECY_PART_LETTER,         /* one letter, named by part_id */
  SP_N_SECRECY_PARTS
} SpSecrecyPart;

extern const SpEnumInfo sp_secrecy_part_info;

#define SP_TYPE_SECRECY_MARKING (sp_secrecy_marking_get_type ())

G_DECLARE_FINAL_TYPE (SpSecrecyMarking, sp_secrecy_marking, SP, SECRECY_MARKING, SpEntity)

struct _SpSecrecyMarking
{
  SpEntity       parent_instance;

  char          *case_id;
  SpSecrecyPart  part;
  char          *part_id;      /* the letter, for SP_SECRECY_PART_LETTER */
  char          *provision;    /* "OSL 26 kap. 1 §" */
  char          *reason;
  SpDate         expires_on;
  SpDate         marked_on;
  char          *marked_by;
  /* Lifted before it expired (the marking stays in the history). */
  SpDate         lifted_on;
};

extern const SpEntityInfo sp_secrecy_marking_info;

SpSecrecyMarking *sp_secrecy_marking_new (void);

/* The provisions shipped for a city district's feedback cases, each
 * "OSL 26 kap. 1 §" followed by " — " and what it protects. The store's
 * "secrecy.provisions" setting (one a line) replaces the list. */
const char * const *sp_secrecy_default_provisions (void);
/* The provision's reference: the text before " — " ("OSL 26 kap. 1 §"). */
char             *sp_secrecy_provision_reference  (const char        *provision);
/* Whether @provision (a reference or a whole entry) is one of @provisions. */
gboolean          sp_secrecy_provision_is_known   (const char        *provision,
                                                   const char * const *provisions);

/* Every problem of @marking as SpProblem (sp-investigation-check.h): no
 * provision or one not in @provisions, no reason, no expiry or one before
 * @today, a letter part without its letter, texts over their limits. */
GPtrArray        *sp_secrecy_marking_check        (SpSecrecyMarking  *marking,
                                                   const char * const *provisions,
                                                   SpDate             today);
/* In force on @today: not lifted and not expired. */
gboolean          sp_secrecy_marking_is_active    (SpSecrecyMarking  *marking,
                                                   SpDate             today);

G_END_DECLS
