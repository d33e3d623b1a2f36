/* sp-store-links.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>

#include "sp-error.h"
#include "sp-store-links.h"
#include "sp-store-private.h"

#define MAY_LINK (SP_ROLE_BIT (SP_ROLE_REGISTRAR) | SP_ROLE_BIT (SP_ROLE_CASE_OFFICER) | \
                  SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) | SP_ROLE_BIT (SP_ROLE_DEPARTMENT_HEAD))

GPtrArray *
sp_store_get_case_links (SpStore     *self,
                         const char  *case_id,
                         GError     **error)
{
  g_autoptr(GPtrArray) from = NULL;
  g_autoptr(GPtrArray) to = NULL;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  if ((from = sp_store_load_where (self, SP_TYPE_CASE_LINK, "case_id", case_id, error)) == NULL ||
      (to = sp_store_load_where (self, SP_TYPE_CASE_LINK, "other_case_id", case_id, error)) == NULL)
    return NULL;
  for (guint i = 0; i < to->len; i++)
    g_ptr_array_add (from, g_object_ref (to->pdata[i]));
  return g_steal_pointer (&from);
}

static const char *
actor_name (const SpActor *actor)
{
  if (actor == NULL)
    return NULL;
  return actor->display_name ? actor->display_name : actor->user_id;
}

/* How the history names a case: its diary number, or its id. */
static const char *
case_name (SpCase *kase)
{
  return kase->diary_number ? kase->diary_number : SP_ENTITY (kase)->id;
}

static gboolean
note_both (SpStore       *self,
           SpCaseLink    *link,
           SpCase        *kase,
           SpCase        *other,
           const char    *field,
           const SpActor *actor,
           GError       **error)
{
  const char *kind = sp_enum_to_name (&sp_case_link_kind_info, link->kind);
  g_autofree char *here = g_strdup_printf ("%s: %s", kind, case_name (other));
  g_autofree char *there = g_strdup_printf ("%s (from %s)", kind, case_name (kase));

  return _sp_store_add_case_event (self, link->case_id, actor, SP_EVENT_NOTE, field, NULL, here,
                                   "case_link", error) &&
         _sp_store_add_case_event (self, link->other_case_id, actor, SP_EVENT_NOTE, field, NULL, there,
                                   "case_link", error);
}

static gboolean
is_duplicate (GPtrArray  *links,
              const char *case_id)
{
  for (guint i = 0; i < links->len; i++)
    {
      SpCaseLink *l = links->pdata[i];

      if (l->kind == SP_CASE_LINK_DUPLICATE_OF && g_strcmp0 (l->case_id, case_id) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
sp_store_link_cases (SpStore        *self,
                     SpCaseLink     *link,
                     SpSaveFlags     flags,
                     const SpActor  *actor,
                     GError        **error)
{
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(SpCase) other = NULL;
  g_autoptr(SpCaseLink) stored = NULL;
  g_autoptr(GPtrArray) here = NULL;
  g_autoptr(GPtrArray) there = NULL;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SP_IS_CASE_LINK (link), FALSE);

  if (actor != NULL && (actor->roles & MAY_LINK) == 0)
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, "kind",
                          _("Only the registrar, case officers and managers link cases"));
      return FALSE;
    }
  if ((guint) link->kind >= SP_N_CASE_LINK_KINDS)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "kind", _("Choose how the cases are linked"));
      return FALSE;
    }
  if (link->note != NULL &&
      (!g_utf8_validate (link->note, -1, NULL) || g_utf8_strlen (link->note, -1) > 500))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "note", _("The note is at most 500 characters of text"));
      return FALSE;
    }
  if (!sp_store_begin (self, error))
    return FALSE;
  if (!(kase = _sp_store_load_named_case (self, link->case_id,
                                          "case_id", _("The link names no case"), error)) ||
      !(other = _sp_store_load_named_case (self, link->other_case_id,
                                           "other_case_id", _("The link names no case"), error)))
    goto failed;
  if (g_str_equal (link->case_id, link->other_case_id))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "other_case_id", _("A case cannot be linked to itself"));
      goto failed;
    }

  sp_entity_ensure_id (SP_ENTITY (link));
  stored = sp_store_load (self, SP_TYPE_CASE_LINK, SP_ENTITY (link)->id, NULL);
  if (stored != NULL)
    {
      /* A link is made, or removed; it is not moved or changed. */
      sp_set_field_error (error, SP_ERROR_CONFLICT, "id", _("The link is made already"));
      goto failed;
    }

  if (!(here = sp_store_get_case_links (self, link->case_id, error)) ||
      !(there = sp_store_get_case_links (self, link->other_case_id, error)))
    goto failed;
  for (guint i = 0; i < here->len; i++)
    if (g_strcmp0 (sp_case_link_other_end (here->pdata[i], link->case_id), link->other_case_id) == 0)
      {
        sp_set_field_error (error, SP_ERROR_CONFLICT, "other_case_id", _("The cases are linked already"));
        goto failed;
      }
  if (link->kind == SP_CASE_LINK_DUPLICATE_OF)
    {
      if (is_duplicate (here, link->case_id))
        {
          sp_set_field_error (error, SP_ERROR_CONFLICT, "kind",
                              _("The case is a duplicate of another case already"));
          goto failed;
        }
      if (is_duplicate (there, link->other_case_id))
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "other_case_id",
                              _("That case is itself a duplicate: link to its original"));
          goto failed;
        }
    }

  link->linked_on = sp_date_today ();
  g_free (link->linked_by);
  link->linked_by = g_strdup (actor_name (actor));
  if (!note_both (self, link, kase, other, "case_linked", actor, error) ||
      !sp_store_save (self, SP_ENTITY (link), flags, actor ? actor->user_id : NULL, error))
    goto failed;
  return sp_store_commit (self, error);

failed:
  sp_store_rollback (self);
  return FALSE;
}

gboolean
sp_store_unlink_cases (SpStore        *self,
                       const char     *link_id,
                       const SpActor  *actor,
                       GError        **error)
{
  g_autoptr(SpCaseLink) link = NULL;
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(SpCase) other = NULL;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);

  if (actor != NULL && (actor->roles & MAY_LINK) == 0)
    {
      sp_set_field_error (error, SP_ERROR_PERMISSION, NULL,
                          _("Only the registrar, case officers and managers link cases"));
      return FALSE;
    }
  if (!sp_store_begin (self, error))
    return FALSE;
  link = link_id && sp_is_uuid (link_id) ? sp_store_load (self, SP_TYPE_CASE_LINK, link_id, NULL) : NULL;
  if (link == NULL || SP_ENTITY (link)->deleted)
    {
      sp_set_field_error (error, SP_ERROR_NOT_FOUND, NULL, _("No such link"));
      goto failed;
    }
  if (!(kase = _sp_store_load_named_case (self, link->case_id,
                                          "case_id", _("The link names no case"), error)) ||
      !(other = _sp_store_load_named_case (self, link->other_case_id,
                                           "other_case_id", _("The link names no case"), error)))
    goto failed;
  SP_ENTITY (link)->deleted = TRUE;
  if (!note_both (self, link, kase, other, "case_unlinked", actor, error) ||
      !sp_store_save (self, SP_ENTITY (link), SP_SAVE_DEFAULT, actor ? actor->user_id : NULL, error))
    goto failed;
  return sp_store_commit (self, error);

failed:
  sp_store_rollback (self);
  return FALSE;
}
