/* sp-user.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-user.h"

SP_DEFINE_ENTITY (SpUser, sp_user, "user", "users",
  SP_DEFINE_STRING (SpUser, username, SP_FIELD_REQUIRED, 100),
  SP_DEFINE_STRING (SpUser, display_name, 0, 200),
  SP_DEFINE_STRING (SpUser, email, 0, 254),
  SP_DEFINE_FLAGS (SpUser, roles, 0, sp_role_info),
  SP_DEFINE_REF (SpUser, unit_id, 0))
