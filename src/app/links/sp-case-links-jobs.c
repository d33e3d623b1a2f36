/* sp-case-links-jobs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "sp-case-links-jobs.h"

void
sp_case_link_view_free (SpCaseLinkView *view)
{
  if (view == NULL)
    return;
  g_clear_object (&view->link);
  g_free (view->other_id);
  g_free (view->other_diary_number);
  g_free (view->other_subject);
  g_free (view);
}

typedef struct
{
  SpActor         actor;
  char           *user_id;
  char           *display_name;
  char           *case_id;
  char           *other;
  char           *link_id;
  SpCaseLinkKind  kind;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->user_id);
  g_free (job->display_name);
  g_free (job->case_id);
  g_free (job->other);
  g_free (job->link_id);
  g_free (job);
}

static Job *
job_new (SpContext *context)
{
  const SpActor *actor = sp_context_get_actor (context);
  Job *job = g_new0 (Job, 1);

  job->user_id = g_strdup (actor ? actor->user_id : NULL);
  job->display_name = g_strdup (actor ? actor->display_name : NULL);
  job->actor.user_id = job->user_id;
  job->actor.display_name = job->display_name;
  job->actor.roles = actor ? actor->roles : 0;
  return job;
}

static gpointer
load_job (SpStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Job *job = data;
  g_autoptr(GPtrArray) links = sp_store_get_case_links (store, job->case_id, error);
  GPtrArray *views;

  if (links == NULL)
    return NULL;
  views = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_case_link_view_free);
  for (guint i = 0; i < links->len; i++)
    {
      SpCaseLink *link = links->pdata[i];
      SpCaseLinkView *view = g_new0 (SpCaseLinkView, 1);
      g_autoptr(SpCase) other = NULL;

      view->link = g_object_ref (link);
      view->other_id = g_strdup (sp_case_link_other_end (link, job->case_id));
      view->outgoing = g_strcmp0 (link->case_id, job->case_id) == 0;
      other = sp_store_get_case (store, view->other_id, NULL);
      if (other != NULL)
        {
          view->other_diary_number = g_strdup (other->diary_number);
          view->other_subject = g_strdup (other->subject);
        }
      g_ptr_array_add (views, view);
    }
  return views;
}

void
sp_case_links_load_async (SpContext           *context,
                          const char          *case_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Job *job = job_new (context);

  job->case_id = g_strdup (case_id);
  sp_store_worker_run_async (sp_context_get_worker (context), load_job, job, job_free,
                             (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
sp_case_links_load_finish (SpContext     *context,
                           GAsyncResult  *result,
                           GError       **error)
{
  return sp_store_worker_run_finish (sp_context_get_worker (context), result, error);
}

static gpointer
add_job (SpStore       *store,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  Job *job = data;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(SpCaseLink) link = sp_case_link_new ();
  g_autofree char *other = g_strstrip (g_strdup (job->other ? job->other : ""));

  /* A diary number as written in the diary, or a case's id. */
  if (sp_is_uuid (other))
    link->other_case_id = g_strdup (other);
  else
    {
      found = sp_store_load_where (store, SP_TYPE_CASE, "diary_number", other, error);
      if (found == NULL)
        return NULL;
      if (found->len == 0)
        {
          sp_set_field_error (error, SP_ERROR_NOT_FOUND, "other_case_id",
                              _("No case has the diary number “%s”"), other);
          return NULL;
        }
      link->other_case_id = g_strdup (SP_ENTITY (found->pdata[0])->id);
    }
  link->case_id = g_strdup (job->case_id);
  link->kind = job->kind;
  if (!sp_store_link_cases (store, link, SP_SAVE_DEFAULT, &job->actor, error))
    return NULL;
  return g_strdup ("");
}

void
sp_case_links_add_async (SpContext           *context,
                         const char          *case_id,
                         const char          *other,
                         SpCaseLinkKind       kind,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  Job *job = job_new (context);

  job->case_id = g_strdup (case_id);
  job->other = g_strdup (other);
  job->kind = kind;
  sp_store_worker_run_async (sp_context_get_worker (context), add_job, job, job_free, g_free,
                             cancellable, callback, user_data);
}

static gpointer
remove_job (SpStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Job *job = data;

  if (!sp_store_unlink_cases (store, job->link_id, &job->actor, error))
    return NULL;
  return g_strdup ("");
}

void
sp_case_links_remove_async (SpContext           *context,
                            const char          *link_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job = job_new (context);

  job->link_id = g_strdup (link_id);
  sp_store_worker_run_async (sp_context_get_worker (context), remove_job, job, job_free, g_free,
                             cancellable, callback, user_data);
}

gboolean
sp_case_links_change_finish (SpContext     *context,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_autofree char *done = sp_store_worker_run_finish (sp_context_get_worker (context), result, error);

  return done != NULL;
}
