/* sp-store-registrar.c: secrecy markings and disclosure requests in the
 * store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-error.h"
#include "sp-investigation-check.h"
#include "sp-letter.h"
#include "sp-store-private.h"
#include "sp-store-registrar.h"

#define PROVISIONS_SETTING "secrecy.provisions"
#define REGISTRAR SP_ROLE_BIT (SP_ROLE_REGISTRAR)

char **
sp_store_dup_secrecy_provisions (SpStore *self)
{
  g_autofree char *setting = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  setting = sp_store_dup_setting (self, PROVISIONS_SETTING);
  if (setting == NULL || *g_strstrip (setting) == '\0')
    return g_strdupv ((char **) sp_secrecy_default_provisions ());

  lines = g_strsplit (setting, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_strv_builder_add (builder, lines[i]);
  return g_strv_builder_end (builder);
}

static gboolean
check_registrar (const SpActor  *actor,
                 const char     *field,
                 GError        **error)
{
  /* The system (an import, the server's own jobs) passes no actor. */
  if (actor == NULL || (actor->roles & REGISTRAR))
    return TRUE;
  sp_set_field_error (error, SP_ERROR_PERMISSION, field,
                      _("Only the registrar marks secrecy and handles requests for disclosure"));
  return FALSE;
}

static const char *
actor_name (const SpActor *actor)
{
  if (actor == NULL)
    return NULL;
  return actor->display_name ? actor->display_name : actor->user_id;
}

/* What the history says of a marking: the part and the provision. */
static char *
describe_marking (SpSecrecyMarking *marking)
{
  g_autofree char *reference = sp_secrecy_provision_reference (marking->provision);

  return g_strdup_printf ("%s: %s", sp_enum_to_name (&sp_secrecy_part_info, marking->part),
                          reference ? reference : "");
}

gboolean
sp_store_save_secrecy_marking (SpStore           *self,
                               SpSecrecyMarking  *marking,
                               SpSaveFlags        flags,
                               const SpActor     *actor,
                               GError           **error)
{
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(SpSecrecyMarking) stored = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_auto(GStrv) provisions = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SpDate today = sp_date_today ();

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SP_IS_SECRECY_MARKING (marking), FALSE);

  if (!check_registrar (actor, "provision", error))
    return FALSE;
  if (!sp_store_begin (self, error))
    return FALSE;
  if (!(kase = _sp_store_load_named_case (self, marking->case_id,
                                          "case_id", _("The record names no case"), error)))
    goto failed;

  sp_entity_ensure_id (SP_ENTITY (marking));
  stored = sp_store_load (self, SP_TYPE_SECRECY_MARKING, SP_ENTITY (marking)->id, NULL);
  if (stored != NULL && g_strcmp0 (stored->case_id, marking->case_id) != 0)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "case_id",
                          _("A record cannot be moved to another case"));
      goto failed;
    }

  provisions = sp_store_dup_secrecy_provisions (self);
  /* An expiry kept as it was is not checked against today again. */
  problems = sp_secrecy_marking_check (marking, (const char * const *) provisions,
                                       stored && stored->expires_on == marking->expires_on
                                       ? SP_DATE_NONE : today);
  if (!sp_problems_to_error (problems, error))
    goto failed;

  if (marking->part == SP_SECRECY_PART_LETTER)
    {
      g_autoptr(SpLetter) letter = sp_store_load (self, SP_TYPE_LETTER, marking->part_id, NULL);

      if (letter == NULL || g_strcmp0 (letter->case_id, marking->case_id) != 0)
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "part_id",
                              _("The case has no such letter"));
          goto failed;
        }
    }

  /* Who marked and when is the store's to say, not the client's. */
  if (stored != NULL || actor != NULL)
    {
      marking->marked_on = stored ? stored->marked_on : today;
      g_free (marking->marked_by);
      marking->marked_by = g_strdup (stored ? stored->marked_by : actor_name (actor));
    }
  else if (marking->marked_on == SP_DATE_NONE)
    marking->marked_on = today;

  if (stored != NULL)
    before = describe_marking (stored);
  after = describe_marking (marking);
  if (stored == NULL || g_strcmp0 (before, after) != 0 ||
      stored->expires_on != marking->expires_on || stored->lifted_on != marking->lifted_on)
    {
      g_autofree char *expiry = sp_date_to_string (marking->expires_on);
      const char *field = marking->lifted_on != SP_DATE_NONE ? "secrecy_lifted" : "secrecy_marked";
      g_autofree char *value = g_strdup_printf ("%s (%s)", after, expiry ? expiry : "");

      if (!_sp_store_add_case_event (self, marking->case_id, actor, SP_EVENT_NOTE, field,
                                     before, value, "secrecy_marking", error))
        goto failed;
    }

  if (!sp_store_save (self, SP_ENTITY (marking), flags, actor ? actor->user_id : NULL, error))
    goto failed;
  return sp_store_commit (self, error);

failed:
  sp_store_rollback (self);
  return FALSE;
}

GPtrArray *
sp_store_get_secrecy_markings (SpStore     *self,
                               const char  *case_id,
                               GError     **error)
{
  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  return sp_store_load_where (self, SP_TYPE_SECRECY_MARKING, "case_id", case_id, error);
}

GHashTable *
sp_store_get_active_markings (SpStore  *self,
                              GError  **error)
{
  g_autoptr(GPtrArray) all = NULL;
  GHashTable *table;
  SpDate today = sp_date_today ();

  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  all = sp_store_load_where (self, SP_TYPE_SECRECY_MARKING, NULL, NULL, error);
  if (all == NULL)
    return NULL;

  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                 (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < all->len; i++)
    {
      SpSecrecyMarking *marking = all->pdata[i];
      GPtrArray *list;

      if (!sp_secrecy_marking_is_active (marking, today))
        continue;
      list = g_hash_table_lookup (table, marking->case_id);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (table, g_strdup (marking->case_id), list);
        }
      g_ptr_array_add (list, g_object_ref (marking));
    }
  return table;
}

/* One event for each step of the request: logged, a part reviewed, the
 * decision. Never who asked, nor the passages. */
static gboolean
record_request (SpStore             *self,
                SpDisclosureRequest *stored,
                SpDisclosureRequest *request,
                const SpActor       *actor,
                GError             **error)
{
  if (stored == NULL &&
      !_sp_store_add_case_event (self, request->case_id, actor, SP_EVENT_NOTE,
                                 "disclosure_requested", NULL,
                                 request->requester_anonymous ? "anonymous" : "named",
                                 "disclosure_request", error))
    return FALSE;

  for (guint p = 0; p < SP_N_REVIEW_PARTS; p++)
    {
      SpReviewVerdict now = sp_disclosure_request_get_verdict (request, p);
      SpReviewVerdict was = stored ? sp_disclosure_request_get_verdict (stored, p)
                                   : SP_REVIEW_NOT_REVIEWED;
      const char *now_provision = sp_disclosure_request_get_provision (request, p);
      const char *was_provision = stored ? sp_disclosure_request_get_provision (stored, p) : NULL;
      g_autofree char *value = NULL;

      if (now == was && g_strcmp0 (now_provision, was_provision) == 0)
        continue;
      value = now_provision && (now == SP_REVIEW_REDACT || now == SP_REVIEW_WITHHOLD)
              ? g_strdup_printf ("%s (%s)", sp_enum_to_name (&sp_review_verdict_info, now),
                                 now_provision)
              : g_strdup (sp_enum_to_name (&sp_review_verdict_info, now));
      if (!_sp_store_add_case_event (self, request->case_id, actor, SP_EVENT_NOTE,
                                     sp_review_part_field (p),
                                     stored ? sp_enum_to_name (&sp_review_verdict_info, was) : NULL,
                                     value, "disclosure_request", error))
        return FALSE;
    }

  if ((stored ? stored->decision : SP_DISCLOSURE_PENDING) != request->decision ||
      (stored && g_strcmp0 (stored->osl_provision, request->osl_provision) != 0))
    {
      g_autofree char *value = request->osl_provision
        ? g_strdup_printf ("%s (%s)", sp_enum_to_name (&sp_disclosure_decision_info,
                                                      request->decision),
                           request->osl_provision)
        : g_strdup (sp_enum_to_name (&sp_disclosure_decision_info, request->decision));

      if (!_sp_store_add_case_event (self, request->case_id, actor, SP_EVENT_NOTE,
                                     "disclosure_decision",
                                     stored ? sp_enum_to_name (&sp_disclosure_decision_info,
                                                               stored->decision) : NULL,
                                     value, "disclosure_request", error))
        return FALSE;
    }
  return TRUE;
}

gboolean
sp_store_save_disclosure_request (SpStore              *self,
                                  SpDisclosureRequest  *request,
                                  SpSaveFlags           flags,
                                  const SpActor        *actor,
                                  GError              **error)
{
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(SpDisclosureRequest) stored = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_auto(GStrv) provisions = NULL;
  SpDate today = sp_date_today ();

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (SP_IS_DISCLOSURE_REQUEST (request), FALSE);

  if (!check_registrar (actor, "requester", error))
    return FALSE;
  if (!sp_store_begin (self, error))
    return FALSE;
  if (!(kase = _sp_store_load_named_case (self, request->case_id,
                                          "case_id", _("The record names no case"), error)))
    goto failed;

  sp_entity_ensure_id (SP_ENTITY (request));
  stored = sp_store_load (self, SP_TYPE_DISCLOSURE_REQUEST, SP_ENTITY (request)->id, NULL);
  if (stored != NULL && g_strcmp0 (stored->case_id, request->case_id) != 0)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "case_id",
                          _("A record cannot be moved to another case"));
      goto failed;
    }
  /* A decision made stands; a new request is logged for a new decision. */
  if (stored != NULL && stored->decision != SP_DISCLOSURE_PENDING &&
      (stored->decision != request->decision ||
       g_strcmp0 (stored->osl_provision, request->osl_provision) != 0))
    {
      sp_set_field_error (error, SP_ERROR_CONFLICT, "decision",
                          _("The request has been decided; log a new request instead"));
      goto failed;
    }

  provisions = sp_store_dup_secrecy_provisions (self);
  problems = sp_disclosure_request_check (request, (const char * const *) provisions, today);
  if (!sp_problems_to_error (problems, error))
    goto failed;

  /* Who decided and when is the store's to say, not the client's. */
  if (request->decision != SP_DISCLOSURE_PENDING)
    {
      gboolean already = stored != NULL && stored->decision != SP_DISCLOSURE_PENDING;

      if (already || actor != NULL)
        {
          request->decided_on = already ? stored->decided_on : today;
          g_free (request->decided_by);
          request->decided_by = g_strdup (already ? stored->decided_by : actor_name (actor));
        }
      else if (request->decided_on == SP_DATE_NONE)
        request->decided_on = today;
    }

  if (!record_request (self, stored, request, actor, error) ||
      !sp_store_save (self, SP_ENTITY (request), flags, actor ? actor->user_id : NULL, error))
    goto failed;
  return sp_store_commit (self, error);

failed:
  sp_store_rollback (self);
  return FALSE;
}

GPtrArray *
sp_store_get_disclosure_requests (SpStore     *self,
                                  const char  *case_id,
                                  GError     **error)
{
  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  return sp_store_load_where (self, SP_TYPE_DISCLOSURE_REQUEST, "case_id", case_id, error);
}
