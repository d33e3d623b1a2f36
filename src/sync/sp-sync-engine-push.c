/* sp-sync-engine-push.c: the engine's push of the outbox, a step at a
 * time, each sent and its answer stored (what a step holds and how its
 * answer is stored is sp-sync-push.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-sync"

#include "sp-sync-engine-private.h"

typedef struct
{
  SpSyncEngine *self;
  SpPushStep   *step;
  JsonNode     *answer;
  char         *refusal;
  guint         rejected;
  guint         stale;
  char         *reason;
} Push;

static void
push_free (Push *push)
{
  g_clear_object (&push->self);
  g_clear_pointer (&push->step, _sp_push_step_free);
  g_clear_pointer (&push->answer, json_node_unref);
  g_free (push->refusal);
  g_free (push->reason);
  g_free (push);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Push, push_free)

static gpointer
batch_done_work (SpSyncEngine  *self,
                 SpStore       *store,
                 gpointer       data,
                 GError       **error)
{
  Push *push = data;

  /* Once a round: a change still refused for its base after a pull from
   * 0 is the user's to decide, like any other refusal. */
  if (!_sp_sync_batch_done_full (store, push->step, push->answer, !self->resynced,
                                 &push->rejected, &push->stale, &push->reason, error))
    return NULL;

  return push;
}

static gpointer
transition_done_work (SpSyncEngine  *self,
                      SpStore       *store,
                      gpointer       data,
                      GError       **error)
{
  Push *push = data;

  if (!_sp_sync_transition_done (store, push->step, push->refusal, error))
    return NULL;

  return push;
}

static void
on_step_stored (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (source);
  GError *error = NULL;
  Push *push = _sp_sync_engine_work_finish (self, result, &error);

  if (push == NULL)
    {
      _sp_sync_engine_round_done (self, error);
      return;
    }

  _sp_sync_engine_emit_changed (self);

  /* The server never had the base of some change: pull its history again
   * first (the cursor went to 0), then push what waits. */
  if (push->stale > 0)
    {
      self->resynced = TRUE;
      self->push_again = TRUE;
      _sp_sync_engine_pull (self);
      return;
    }
  _sp_sync_engine_push (self);
}

static void
on_batch_answer (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Push) push = user_data;
  SpSyncEngine *self = push->self;
  GError *error = NULL;

  push->answer = sp_sync_client_request_finish (SP_SYNC_CLIENT (source), result, NULL, &error);
  if (push->answer == NULL)
    {
      /* The batch stays remembered: the retry sends it again as it was. */
      _sp_sync_engine_round_done (self, error);
      return;
    }

  _sp_sync_engine_run_work (self, batch_done_work, g_steal_pointer (&push),
                            (GDestroyNotify)push_free, on_step_stored, NULL);
}

/* The status in the answer to GET /api/v1/cases/{id}: {"case":{…},…} */
static const char *
case_status_of (JsonNode *node)
{
  JsonNode *kase;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      !(kase = json_object_get_member (json_node_get_object (node), "case")) ||
      !JSON_NODE_HOLDS_OBJECT (kase))
    return NULL;

  return json_object_get_string_member_with_default (json_node_get_object (kase), "status", NULL);
}

static void
on_case_checked (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Push) push = user_data;
  SpSyncEngine *self = push->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = sp_sync_client_request_finish (SP_SYNC_CLIENT (source), result, NULL, &error);

  /* A transition whose answer was lost is refused when retried; if the
   * server's case already has the status, it went through. */
  if (g_strcmp0 (case_status_of (node), push->step->to) == 0)
    g_clear_pointer (&push->refusal, g_free);
  else if (error != NULL && !g_error_matches (error, SP_SYNC_ERROR, SP_SYNC_ERROR_REFUSED))
    {
      _sp_sync_engine_round_done (self, g_steal_pointer (&error));
      return;
    }

  _sp_sync_engine_run_work (self, transition_done_work, g_steal_pointer (&push),
                            (GDestroyNotify)push_free, on_step_stored, NULL);
}

static void
on_transition_answer (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(Push) push = user_data;
  SpSyncEngine *self = push->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = sp_sync_client_request_finish (SP_SYNC_CLIENT (source), result, NULL, &error);

  if (node == NULL && !g_error_matches (error, SP_SYNC_ERROR, SP_SYNC_ERROR_REFUSED))
    {
      _sp_sync_engine_round_done (self, g_steal_pointer (&error));
      return;
    }

  if (node == NULL)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s", push->step->case_id);

      push->refusal = g_strdup (error->message);
      sp_sync_client_request_async (self->client, "GET", path, NULL, self->cancellable,
                                    on_case_checked, g_steal_pointer (&push));
      return;
    }

  _sp_sync_engine_run_work (self, transition_done_work, g_steal_pointer (&push),
                            (GDestroyNotify)push_free, on_step_stored, NULL);
}

static gpointer
next_push_work (SpSyncEngine  *self,
                SpStore       *store,
                gpointer       data,
                GError       **error)
{
  return _sp_sync_next_push (store, error);
}

static void
on_next_push (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (source);
  GError *error = NULL;
  SpPushStep *step = _sp_sync_engine_work_finish (self, result, &error);
  Push *push;

  if (step == NULL)
    {
      _sp_sync_engine_round_done (self, error);
      return;
    }

  if (step->kind == SP_PUSH_NOTHING)
    {
      _sp_push_step_free (step);
      _sp_sync_engine_pull (self);
      return;
    }

  push = g_new0 (Push, 1);
  push->self = g_object_ref (self);
  push->step = step;

  if (step->kind == SP_PUSH_BATCH)
    sp_sync_client_request_async (self->client, "POST", "/api/v1/changes", step->body,
                                  self->cancellable, on_batch_answer, push);
  else
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) body = NULL;
      g_autofree char *path = g_strdup_printf ("/api/v1/cases/%s/transition", step->case_id);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "to");
      json_builder_add_string_value (builder, step->to);
      json_builder_end_object (builder);
      body = json_builder_get_root (builder);
      sp_sync_client_request_async (self->client, "POST", path, body, self->cancellable,
                                    on_transition_answer, push);
    }
}

void
_sp_sync_engine_push (SpSyncEngine *self)
{
  _sp_sync_engine_run_work (self, next_push_work, NULL, NULL, on_next_push, NULL);
}
