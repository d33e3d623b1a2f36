/* sp-category.h: a configurable category of cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-entity.h"

G_BEGIN_DECLS

#define SP_TYPE_CATEGORY (sp_category_get_type ())

G_DECLARE_FINAL_TYPE (SpCategory, sp_category, SP, CATEGORY, SpEntity)

struct _SpCategory
{
  SpEntity parent_instance;

  char *code;   /* stable, used by cases and the API */
  char *name;
  int   position;
};

extern const SpEntityInfo sp_category_info;

SpCategory *sp_category_new (void);

G_END_DECLS
