/* sp-letter.h: a letter to the sender (återkoppling)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-entity.h"

G_BEGIN_DECLS

#define SP_TYPE_LETTER (sp_letter_get_type ())

G_DECLARE_FINAL_TYPE (SpLetter, sp_letter, SP, LETTER, SpEntity)

struct _SpLetter
{
  SpEntity parent_instance;

  char           *case_id;
  SpLetterKind    kind;
  SpLanguage      language;
  char           *recipient;
  char           *body;
  char           *contact_person;     /* whom to turn to if not satisfied */
  SpDate          sent_on;
  SpLetterMethod  method;
  char           *sent_by;            /* who sent it, by name */
};

extern const SpEntityInfo sp_letter_info;

SpLetter *sp_letter_new (void);

G_END_DECLS
