/* sp-category.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-category.h"

SP_DEFINE_ENTITY (SpCategory, sp_category, "category", "categories",
  SP_DEFINE_STRING (SpCategory, code, SP_FIELD_REQUIRED, 64),
  SP_DEFINE_STRING (SpCategory, name, SP_FIELD_REQUIRED, 200),
  SP_DEFINE_INT (SpCategory, position, 0))
