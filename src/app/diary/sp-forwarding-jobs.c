/* sp-forwarding-jobs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-forwarding-jobs.h"

/* The actor and what the job works on, copied for the worker's thread. */
typedef struct
{
  SpActor           actor;
  char             *user_id;
  char             *display_name;
  char             *case_id;
  char             *unit_id;
  SpAccountRequest *request;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->user_id);
  g_free (job->display_name);
  g_free (job->case_id);
  g_free (job->unit_id);
  g_clear_object (&job->request);
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

/* The result of a job that answers nothing more than "done". */
static gpointer
done (void)
{
  return g_strdup ("");
}

static gpointer
assign_job (SpStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Job *job = data;
  char *copy_to = NULL;

  if (!sp_store_assign_to_unit (store, job->case_id, job->unit_id, &job->actor, &copy_to, error))
    return NULL;
  /* "" when the department names nobody: NULL is the refusal. */
  return copy_to ? copy_to : done ();
}

void
sp_forwarding_assign_async (SpContext           *context,
                            const char          *case_id,
                            const char          *unit_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job;

  g_return_if_fail (SP_IS_CONTEXT (context));
  g_return_if_fail (case_id != NULL);

  job = job_new (context);
  job->case_id = g_strdup (case_id);
  job->unit_id = g_strdup (unit_id);
  sp_store_worker_run_async (sp_context_get_worker (context), assign_job, job, job_free, g_free,
                             cancellable, callback, user_data);
}

gboolean
sp_forwarding_assign_finish (SpContext     *context,
                             GAsyncResult  *result,
                             char         **copy_to,
                             GError       **error)
{
  g_autofree char *answer = sp_store_worker_run_finish (sp_context_get_worker (context), result, error);

  if (copy_to != NULL)
    *copy_to = answer && *answer ? g_steal_pointer (&answer) : NULL;
  return answer != NULL || (copy_to != NULL && *copy_to != NULL);
}

static gpointer
load_job (SpStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Job *job = data;

  return sp_store_get_account_requests (store, job->case_id, error);
}

void
sp_forwarding_load_accounts_async (SpContext           *context,
                                   const char          *case_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Job *job;

  g_return_if_fail (SP_IS_CONTEXT (context));

  job = job_new (context);
  job->case_id = g_strdup (case_id);
  sp_store_worker_run_async (sp_context_get_worker (context), load_job, job, job_free,
                             (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
sp_forwarding_load_accounts_finish (SpContext     *context,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return sp_store_worker_run_finish (sp_context_get_worker (context), result, error);
}

static gpointer
save_job (SpStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Job *job = data;

  if (!sp_store_save_account_request (store, job->request, SP_SAVE_DEFAULT, &job->actor, error))
    return NULL;
  return done ();
}

void
sp_forwarding_save_account_async (SpContext           *context,
                                  SpAccountRequest    *request,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Job *job;

  g_return_if_fail (SP_IS_CONTEXT (context));
  g_return_if_fail (SP_IS_ACCOUNT_REQUEST (request));

  job = job_new (context);
  job->request = sp_entity_copy (SP_ENTITY (request));
  sp_store_worker_run_async (sp_context_get_worker (context), save_job, job, job_free, g_free,
                             cancellable, callback, user_data);
}

gboolean
sp_forwarding_save_account_finish (SpContext     *context,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_autofree char *answer = sp_store_worker_run_finish (sp_context_get_worker (context), result, error);

  return answer != NULL;
}
