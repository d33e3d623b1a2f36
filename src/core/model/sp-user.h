/* sp-user.h: a user, with several roles and a unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-entity.h"

G_BEGIN_DECLS

#define SP_TYPE_USER (sp_user_get_type ())

G_DECLARE_FINAL_TYPE (SpUser, sp_user, SP, USER, SpEntity)

struct _SpUser
{
  SpEntity parent_instance;

  char  *username;
  char  *display_name;
  char  *email;
  guint  roles;           /* SP_ROLE_BIT() of each role held */
  char  *unit_id;
};

extern const SpEntityInfo sp_user_info;

SpUser *sp_user_new (void);

G_END_DECLS
