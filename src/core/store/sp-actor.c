/* sp-actor.c: who makes a change, copied for a job that outlives the caller
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-store.h"

SpActor *
sp_actor_copy (const SpActor *actor)
{
  gsize id_len, name_len;
  SpActor *copy;
  char *strings;

  g_return_val_if_fail (actor != NULL, NULL);

  /* One block: the struct, then its two strings, so that g_free frees
   * all of it and a copy can be made anywhere without a free function
   * per field. */
  id_len = actor->user_id != NULL ? strlen (actor->user_id) + 1 : 0;
  name_len = actor->display_name != NULL ? strlen (actor->display_name) + 1 : 0;
  copy = g_malloc (sizeof *copy + id_len + name_len);
  strings = (char *) (copy + 1);

  copy->roles = actor->roles;
  copy->user_id = id_len > 0 ? memcpy (strings, actor->user_id, id_len) : NULL;
  copy->display_name = name_len > 0 ? memcpy (strings + id_len, actor->display_name, name_len)
                                    : NULL;

  return copy;
}

void
sp_actor_free (SpActor *actor)
{
  g_free (actor);
}

gboolean
sp_actor_equal (const SpActor *a,
                const SpActor *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->roles == b->roles &&
         g_strcmp0 (a->user_id, b->user_id) == 0 &&
         g_strcmp0 (a->display_name, b->display_name) == 0;
}
