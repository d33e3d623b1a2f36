/* sp-letter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-letter.h"

SP_DEFINE_ENTITY (SpLetter, sp_letter, "letter", "letters",
  SP_DEFINE_REF (SpLetter, case_id, SP_FIELD_REQUIRED),
  SP_DEFINE_ENUM (SpLetter, kind, SP_FIELD_REQUIRED, sp_letter_kind_info),
  SP_DEFINE_ENUM (SpLetter, language, 0, sp_language_info),
  SP_DEFINE_STRING (SpLetter, recipient, SP_FIELD_PERSONAL, 1000),
  SP_DEFINE_STRING (SpLetter, body, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 50000),
  SP_DEFINE_STRING (SpLetter, contact_person, 0, 500),
  SP_DEFINE_DATE (SpLetter, sent_on, 0),
  SP_DEFINE_ENUM (SpLetter, method, 0, sp_letter_method_info),
  SP_DEFINE_STRING (SpLetter, sent_by, 0, 200))
