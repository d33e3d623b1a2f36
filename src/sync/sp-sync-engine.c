/* sp-sync-engine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A round runs as a chain of steps on the main context: each database
 * step in a worker thread (on the engine's own connection, one step at a
 * time), each network step as an asynchronous request.
 */

#define G_LOG_DOMAIN "synpunkt-sync"

#include <glib/gi18n-lib.h>

#include "sp-sync-private.h"

#define DEBOUNCE_MS        1500
#define PULL_LIMIT         1000
#define BACKOFF_FIRST_S    5
#define BACKOFF_MAX_S      300

struct _SpSyncEngine
{
  GObject        parent_instance;

  char          *db_path;
  SpStore       *store;          /* used by one worker step at a time */
  GMutex         store_lock;
  SpSyncClient  *client;
  GCancellable  *cancellable;

  SpSyncState    state;
  gint64         pending;
  guint          n_conflicts;
  double         progress;
  char          *error_message;
  gint64         last_synced;

  GTask         *round;          /* the round running, if any */
  GPtrArray     *waiters;        /* GTask of sync_async callers */
  gboolean       again;          /* another round was asked for meanwhile */
  guint          interval;
  guint          periodic_id;
  guint          debounce_id;
  guint          retry_id;
  guint          backoff;

  /* The pull in progress */
  GQueue         pages;          /* Slot: fetched, waiting to be stored */
  gint64         held_since;     /* pages stored but not yet committed */
  gboolean       loading;        /* a pull fills the replica in bulk */
  gint64         next_since;
  gboolean       fetching;
  gboolean       applying;
  gboolean       fetch_done;
  GError        *pull_error;
  guint          pull_generation;
  /* The server went back (restored from a backup): pulled again from 0 in
   * this round, then what waits in the outbox is pushed once more. */
  gboolean       resynced;
  gboolean       push_again;

  char          *user_id;        /* whose the replica is, once claimed */

  GHashTable    *unit_map;       /* local unit id → server unit id */
  GPtrArray     *unmapped_units;
  GPtrArray     *server_units;
};

G_DEFINE_FINAL_TYPE (SpSyncEngine, sp_sync_engine, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_PENDING,
  PROP_N_CONFLICTS,
  PROP_PROGRESS,
  PROP_ERROR_MESSAGE,
  PROP_LAST_SYNCED,
  PROP_LOADING,
  N_PROPS
};

enum {
  CHANGED,
  RESET,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void run_round (SpSyncEngine *self);

/* ---- State ------------------------------------------------------------ */

static void
set_state (SpSyncEngine *self,
           SpSyncState   state,
           const char   *message)
{
  if (g_strcmp0 (self->error_message, message) != 0)
    {
      g_free (self->error_message);
      self->error_message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
    }

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

static void
set_loading (SpSyncEngine *self,
             gboolean      loading)
{
  if (self->loading != loading)
    {
      self->loading = loading;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
}

static void
set_progress (SpSyncEngine *self,
              double        progress)
{
  progress = CLAMP (progress, 0.0, 1.0);
  if (self->progress != progress)
    {
      self->progress = progress;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
    }
}

static void
set_counts (SpSyncEngine *self,
            gint64        pending,
            guint         n_conflicts)
{
  if (self->pending != pending)
    {
      self->pending = pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
    }
  if (self->n_conflicts != n_conflicts)
    {
      self->n_conflicts = n_conflicts;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONFLICTS]);
    }
}

/* ---- Worker steps ------------------------------------------------------ */

typedef gpointer (*WorkFunc) (SpSyncEngine *self, gpointer data, GError **error);

typedef struct
{
  WorkFunc       func;
  gpointer       data;
  GDestroyNotify data_free;
  gint64         pending;     /* counted after the step */
  guint          n_conflicts;
} Work;

static void
work_free (Work *work)
{
  if (work->data_free != NULL)
    work->data_free (work->data);
  g_free (work);
}

static gboolean
ensure_store (SpSyncEngine  *self,
              GError       **error)
{
  if (self->store != NULL)
    return TRUE;

  self->store = sp_store_open (self->db_path, error);

  /* A bulk load cut short by a crash: the indexes come back first. */
  if (self->store != NULL && !sp_store_bulk_end (self->store, error))
    g_clear_object (&self->store);

  return self->store != NULL;
}

static void
work_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SpSyncEngine *self = source;
  Work *work = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  gpointer ret = NULL;

  g_mutex_lock (&self->store_lock);

  if (!ensure_store (self, &error) ||
      (work->func != NULL && !(ret = work->func (self, work->data, &error)) && error != NULL))
    {
      g_mutex_unlock (&self->store_lock);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  work->pending = sp_store_outbox_count (self->store);
  if ((conflicts = sp_store_list_conflicts (self->store, NULL, NULL)) != NULL)
    work->n_conflicts = conflicts->len;

  g_mutex_unlock (&self->store_lock);
  g_task_return_pointer (task, ret, NULL);
}

/* Runs @func in the worker; @callback gets the step's GTask. */
static void
run_work (SpSyncEngine        *self,
          WorkFunc             func,
          gpointer             data,
          GDestroyNotify       data_free,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, callback, user_data);
  Work *work = g_new0 (Work, 1);

  work->func = func;
  work->data = data;
  work->data_free = data_free;
  g_task_set_task_data (task, work, (GDestroyNotify)work_free);
  g_task_run_in_thread (task, work_thread);
}

static gpointer
work_finish (SpSyncEngine  *self,
             GAsyncResult  *result,
             GError       **error)
{
  Work *work = g_task_get_task_data (G_TASK (result));

  set_counts (self, work->pending, work->n_conflicts);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- The end of a round -------------------------------------------------- */

static gboolean
on_retry (gpointer user_data)
{
  SpSyncEngine *self = user_data;

  self->retry_id = 0;
  run_round (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (SpSyncEngine *self)
{
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->backoff = self->backoff == 0 ? BACKOFF_FIRST_S : MIN (self->backoff * 2, BACKOFF_MAX_S);
  self->retry_id = g_timeout_add_seconds (self->backoff, on_retry, self);
}

static void
round_done (SpSyncEngine *self,
            GError       *error)
{
  g_autoptr(GTask) round = g_steal_pointer (&self->round);

  set_progress (self, error == NULL ? 1.0 : self->progress);

  if (error == NULL)
    {
      self->backoff = 0;
      self->last_synced = g_get_real_time ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNCED]);
      set_state (self, SP_SYNC_STATE_SYNCED, NULL);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ;
  else if (g_error_matches (error, SP_SYNC_ERROR, SP_SYNC_ERROR_UNREACHABLE))
    {
      set_state (self, SP_SYNC_STATE_OFFLINE, error->message);
      schedule_retry (self);
    }
  else if (g_error_matches (error, SP_SYNC_ERROR, SP_SYNC_ERROR_AUTH))
    set_state (self, SP_SYNC_STATE_AUTH_REQUIRED, error->message);
  else
    {
      set_state (self, SP_SYNC_STATE_ERROR, error->message);
      if (g_error_matches (error, SP_SYNC_ERROR, SP_SYNC_ERROR_SERVER))
        schedule_retry (self);
    }

  g_signal_emit (self, signals[CHANGED], 0);

  while (self->waiters->len > 0)
    {
      GTask *waiter = g_ptr_array_steal_index (self->waiters, 0);

      if (error != NULL)
        g_task_return_error (waiter, g_error_copy (error));
      else
        g_task_return_boolean (waiter, TRUE);
      g_object_unref (waiter);
    }

  if (error != NULL)
    g_task_return_error (round, error);
  else
    g_task_return_boolean (round, TRUE);

  if (self->again && self->state == SP_SYNC_STATE_SYNCED)
    {
      self->again = FALSE;
      sp_sync_engine_schedule (self);
    }
}

/* ---- Pull ---------------------------------------------------------------
 *
 * Three things happen at once: the next page is fetched, the last one is
 * read (in a thread of its own), and the one before is stored (in the
 * worker). The server writes where the next page starts at the head of a
 * page, so the next fetch need not wait for the reading. Pages are stored
 * in order, each with its cursor, so a pull cut off anywhere resumes after
 * the last page stored.
 */

#define PAGES_AHEAD 3

/* In a bulk load, pages are committed together for up to this long: each
 * commit writes every index page it touched, and random ids touch most of
 * them, so one commit a page would write the indexes over and over. Short
 * enough that the app's own writes never wait long. */
#define BULK_COMMIT_USEC (G_USEC_PER_SEC / 2)

/* A page in the queue, in the order fetched: read, or still being read. */
typedef struct
{
  SpFeedPage *page;
  gboolean    done;      /* read (page NULL if it could not be) */
  gboolean    blocking;  /* the next fetch waits for its cursor */
} Slot;

static void
slot_free (Slot *slot)
{
  g_clear_pointer (&slot->page, _sp_feed_page_free);
  g_free (slot);
}

static void pull_step (SpSyncEngine *self);

static gboolean
commit_held (SpSyncEngine  *self,
             GError       **error)
{
  if (self->held_since == 0)
    return TRUE;
  self->held_since = 0;
  return sp_store_commit (self->store, error);
}

static gpointer
apply_page_work (SpSyncEngine  *self,
                 gpointer       data,
                 GError       **error)
{
  SpFeedPage *page = data;

  if (self->held_since == 0 && sp_store_in_bulk (self->store))
    {
      if (!sp_store_begin (self->store, error))
        return NULL;
      self->held_since = g_get_monotonic_time ();
    }

  if (!_sp_sync_apply_page (self->store, page, error))
    {
      /* The pages held with it go too; the pull resumes before them. */
      if (self->held_since != 0)
        {
          self->held_since = 0;
          sp_store_rollback (self->store);
        }
      return NULL;
    }

  page->bulk = sp_store_in_bulk (self->store);
  if (self->held_since != 0 &&
      (!page->more || !page->bulk || g_get_monotonic_time () - self->held_since >= BULK_COMMIT_USEC) &&
      !commit_held (self, error))
    return NULL;

  /* The records go here, not on the main loop, which only wants the
   * cursor. */
  g_ptr_array_set_size (page->changes, 0);
  return page;
}

static gpointer
end_bulk_work (SpSyncEngine  *self,
               gpointer       data,
               GError       **error)
{
  /* What was stored is kept: every page came whole, with its cursor. */
  if (!commit_held (self, error))
    return NULL;
  return sp_store_bulk_end (self->store, error) ? self : NULL;
}

static void
on_bulk_ended (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (source);
  GError *error = user_data;
  g_autoptr(GError) bulk_error = NULL;

  if (work_finish (self, result, &bulk_error) == NULL)
    g_warning ("Cannot build the replica's indexes again: %s", bulk_error->message);
  set_loading (self, FALSE);
  round_done (self, error);
}

static void push_next (SpSyncEngine *self);

static void
pull_finish (SpSyncEngine *self,
             GError       *error)
{
  self->pull_generation++;
  g_queue_clear_full (&self->pages, (GDestroyNotify)slot_free);
  g_clear_error (&self->pull_error);

  if (error == NULL && self->push_again)
    {
      self->push_again = FALSE;
      push_next (self);
      return;
    }

  /* A pull cut off in the middle of a bulk load: the indexes come back
   * now (the next pull sets them aside again if much is still to come). */
  if (error != NULL)
    run_work (self, end_bulk_work, NULL, NULL, on_bulk_ended, error);
  else
    round_done (self, error);
}

static void
on_page_applied (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (source);
  GError *error = NULL;
  SpFeedPage *page = work_finish (self, result, &error);

  self->applying = FALSE;
  if (page == NULL)
    {
      pull_finish (self, error);
      return;
    }

  /* The server went back behind the cursor: what was fetched after this
   * page answers a cursor it no longer knows. Again from 0. */
  if (page->resync)
    {
      self->pull_generation++;
      g_queue_clear_full (&self->pages, (GDestroyNotify)slot_free);
      self->next_since = 0;
      self->fetch_done = FALSE;
      self->fetching = FALSE;
      if (!self->resynced)
        {
          self->resynced = TRUE;
          self->push_again = TRUE;
        }
      pull_step (self);
      return;
    }

  if (page->last_rev > 0)
    set_progress (self, (double)page->cursor / (double)page->last_rev);
  set_loading (self, page->bulk);
  g_signal_emit (self, signals[CHANGED], 0);
  pull_step (self);
}

static void
read_page_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  GError *error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  SpFeedPage *page = _sp_sync_read_page (data, size, &error);

  if (page == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, page, (GDestroyNotify)_sp_feed_page_free);
}

/* The engine, kept alive while a page is on its way, the pull the page
 * belongs to, and its place in the queue. */
typedef struct
{
  SpSyncEngine *self;
  guint         generation;
  Slot         *slot;
} Fetch;

static void
on_page_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (source);
  g_autofree Fetch *fetch = user_data;
  GError *error = NULL;
  SpFeedPage *page = g_task_propagate_pointer (G_TASK (result), &error);
  Slot *slot = fetch->slot;

  /* A page of a pull that has ended already: its slot went with it. */
  if (fetch->generation != self->pull_generation)
    {
      g_clear_pointer (&page, _sp_feed_page_free);
      g_clear_error (&error);
      return;
    }

  slot->done = TRUE;
  slot->page = page;
  if (page == NULL && self->pull_error == NULL)
    self->pull_error = error;
  else
    g_clear_error (&error);

  if (slot->blocking)
    {
      self->fetching = FALSE;
      if (page != NULL)
        {
          self->next_since = page->cursor;
          self->fetch_done = !page->more;
        }
    }

  pull_step (self);
}

static void
on_page (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(SpSyncEngine) self = fetch->self;
  GError *error = NULL;
  g_autoptr(GBytes) bytes = sp_sync_client_get_bytes_finish (SP_SYNC_CLIENT (source), result, &error);
  g_autoptr(GTask) task = NULL;
  gint64 cursor;
  gboolean more;
  const char *data;
  gsize size;

  /* A page of a pull that has ended already. */
  if (fetch->generation != self->pull_generation)
    {
      g_clear_error (&error);
      g_free (fetch);
      return;
    }

  if (bytes == NULL)
    {
      self->fetching = FALSE;
      self->pull_error = error;
      g_free (fetch);
      pull_step (self);
      return;
    }

  fetch->slot = g_new0 (Slot, 1);
  g_queue_push_tail (&self->pages, fetch->slot);

  data = g_bytes_get_data (bytes, &size);
  if (_sp_sync_peek_page_head (data, size, &cursor, &more))
    {
      self->next_since = cursor;
      self->fetch_done = !more;
      self->fetching = FALSE;
    }
  else
    fetch->slot->blocking = TRUE;

  task = g_task_new (self, self->cancellable, on_page_read, fetch);
  g_task_set_task_data (task, g_steal_pointer (&bytes), (GDestroyNotify)g_bytes_unref);
  g_task_run_in_thread (task, read_page_thread);

  pull_step (self);
}

/* Fetches ahead, stores in order, and ends the round when all is stored. */
static void
pull_step (SpSyncEngine *self)
{
  Slot *head = g_queue_peek_head (&self->pages);

  if (!self->fetching && !self->fetch_done && self->pull_error == NULL &&
      g_queue_get_length (&self->pages) < PAGES_AHEAD)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/changes?since=%" G_GINT64_FORMAT "&limit=%d",
                                               self->next_since, PULL_LIMIT);
      Fetch *fetch = g_new0 (Fetch, 1);

      fetch->self = g_object_ref (self);
      fetch->generation = self->pull_generation;
      self->fetching = TRUE;
      sp_sync_client_get_bytes_async (self->client, path, self->cancellable, on_page, fetch);
    }

  if (!self->applying && head != NULL && head->done && head->page != NULL)
    {
      SpFeedPage *page = g_steal_pointer (&head->page);

      slot_free (g_queue_pop_head (&self->pages));
      self->applying = TRUE;
      run_work (self, apply_page_work, page, (GDestroyNotify)_sp_feed_page_free,
                on_page_applied, NULL);
      return;
    }

  /* Everything stored, or stored up to a page that could not be had. */
  if (!self->applying && !self->fetching &&
      (head == NULL || (head->done && head->page == NULL)) &&
      (self->fetch_done || self->pull_error != NULL))
    pull_finish (self, self->pull_error ? g_error_copy (self->pull_error) : NULL);
}

static gpointer
read_cursor_work (SpSyncEngine  *self,
                  gpointer       data,
                  GError       **error)
{
  gint64 *cursor = g_new (gint64, 1);

  *cursor = _sp_sync_get_cursor (self->store);
  return cursor;
}

static void
on_cursor (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (source);
  GError *error = NULL;
  g_autofree gint64 *cursor = work_finish (self, result, &error);

  if (cursor == NULL)
    {
      round_done (self, error);
      return;
    }

  self->next_since = *cursor;
  self->fetch_done = FALSE;
  self->fetching = FALSE;
  self->applying = FALSE;
  pull_step (self);
}

static void
pull_next (SpSyncEngine *self)
{
  run_work (self, read_cursor_work, NULL, NULL, on_cursor, NULL);
}

/* ---- Push --------------------------------------------------------------- */

static void push_next (SpSyncEngine *self);

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
                 gpointer       data,
                 GError       **error)
{
  Push *push = data;

  /* Once a round: a change still refused for its base after a pull from
   * 0 is the user's to decide, like any other refusal. */
  if (!_sp_sync_batch_done_full (self->store, push->step, push->answer, !self->resynced,
                                 &push->rejected, &push->stale, &push->reason, error))
    return NULL;

  return push;
}

static gpointer
transition_done_work (SpSyncEngine  *self,
                      gpointer       data,
                      GError       **error)
{
  Push *push = data;

  if (!_sp_sync_transition_done (self->store, push->step, push->refusal, error))
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
  Push *push = work_finish (self, result, &error);

  if (push == NULL)
    {
      round_done (self, error);
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);

  /* The server never had the base of some change: pull its history again
   * first (the cursor went to 0), then push what waits. */
  if (push->stale > 0)
    {
      self->resynced = TRUE;
      self->push_again = TRUE;
      pull_next (self);
      return;
    }
  push_next (self);
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
      round_done (self, error);
      return;
    }

  run_work (self, batch_done_work, g_steal_pointer (&push), (GDestroyNotify)push_free,
            on_step_stored, NULL);
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
      round_done (self, g_steal_pointer (&error));
      return;
    }

  run_work (self, transition_done_work, g_steal_pointer (&push), (GDestroyNotify)push_free,
            on_step_stored, NULL);
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
      round_done (self, g_steal_pointer (&error));
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

  run_work (self, transition_done_work, g_steal_pointer (&push), (GDestroyNotify)push_free,
            on_step_stored, NULL);
}

static gpointer
next_push_work (SpSyncEngine  *self,
                gpointer       data,
                GError       **error)
{
  return _sp_sync_next_push (self->store, error);
}

static void
on_next_push (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (source);
  GError *error = NULL;
  SpPushStep *step = work_finish (self, result, &error);
  Push *push;

  if (step == NULL)
    {
      round_done (self, error);
      return;
    }

  if (step->kind == SP_PUSH_NOTHING)
    {
      _sp_push_step_free (step);
      pull_next (self);
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

static void
push_next (SpSyncEngine *self)
{
  run_work (self, next_push_work, NULL, NULL, on_next_push, NULL);
}

/* ---- First connection ------------------------------------------------------ */

typedef struct
{
  SpSyncEngine *self;
  JsonNode   *units;
  JsonNode   *categories;
  GHashTable *unit_map;
  GPtrArray  *unmapped;
} First;

static void
first_free (First *first)
{
  g_clear_object (&first->self);
  g_clear_pointer (&first->units, json_node_unref);
  g_clear_pointer (&first->categories, json_node_unref);
  g_clear_pointer (&first->unit_map, g_hash_table_unref);
  g_clear_pointer (&first->unmapped, g_ptr_array_unref);
  g_free (first);
}

static gpointer
first_work (SpSyncEngine  *self,
            gpointer       data,
            GError       **error)
{
  First *first = data;

  if (!_sp_sync_first_prepare (self->store, sp_sync_client_get_base_url (self->client),
                               first->units, first->categories, first->unit_map,
                               &first->unmapped, error))
    return NULL;

  return first;
}

static void
keep_server_units (SpSyncEngine *self,
                   JsonNode     *units)
{
  JsonArray *array = NULL;

  g_clear_pointer (&self->server_units, g_ptr_array_unref);
  self->server_units = g_ptr_array_new_with_free_func (g_object_unref);

  if (JSON_NODE_HOLDS_ARRAY (units))
    array = json_node_get_array (units);
  else if (JSON_NODE_HOLDS_OBJECT (units) &&
           json_object_has_member (json_node_get_object (units), "items"))
    array = json_object_get_array_member (json_node_get_object (units), "items");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      SpUnit *unit = sp_json_decode_new (SP_TYPE_UNIT, json_array_get_element (array, i),
                                         SP_JSON_DECODE_FULL, NULL);
      if (unit != NULL)
        g_ptr_array_add (self->server_units, unit);
    }
}

static void
on_first_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (source);
  Work *work = g_task_get_task_data (G_TASK (result));
  First *first = work->data;
  GError *error = NULL;

  if (work_finish (self, result, &error) == NULL)
    {
      if (first->unmapped != NULL)
        {
          g_clear_pointer (&self->unmapped_units, g_ptr_array_unref);
          self->unmapped_units = g_steal_pointer (&first->unmapped);
        }
      round_done (self, error);
      return;
    }

  g_clear_pointer (&self->unmapped_units, g_ptr_array_unref);
  push_next (self);
}

static void
on_first_categories (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  First *first = user_data;
  SpSyncEngine *self = first->self;
  GError *error = NULL;

  first->categories = sp_sync_client_request_finish (SP_SYNC_CLIENT (source), result, NULL, &error);
  if (first->categories == NULL)
    {
      round_done (self, error);
      first_free (first);
      return;
    }

  keep_server_units (self, first->units);
  first->unit_map = g_hash_table_ref (self->unit_map);
  run_work (self, first_work, first, (GDestroyNotify)first_free, on_first_done, NULL);
}

static void
on_first_units (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  First *first = user_data;
  SpSyncEngine *self = first->self;
  GError *error = NULL;

  first->units = sp_sync_client_request_finish (SP_SYNC_CLIENT (source), result, NULL, &error);
  if (first->units == NULL)
    {
      round_done (self, error);
      first_free (first);
      return;
    }

  sp_sync_client_request_async (self->client, "GET", "/api/v1/categories", NULL,
                                self->cancellable, on_first_categories, first);
}

static gpointer
needs_first_work (SpSyncEngine  *self,
                  gpointer       data,
                  GError       **error)
{
  return GINT_TO_POINTER (_sp_sync_needs_first (self->store,
                                                sp_sync_client_get_base_url (self->client)) ? 2 : 1);
}

static void
on_needs_first (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (source);
  GError *error = NULL;
  int needs = GPOINTER_TO_INT (work_finish (self, result, &error));

  if (needs == 0)
    {
      round_done (self, error);
      return;
    }

  if (needs == 2)
    {
      First *first = g_new0 (First, 1);

      first->self = g_object_ref (self);
      sp_sync_client_request_async (self->client, "GET", "/api/v1/units", NULL, self->cancellable,
                                    on_first_units, first);
      return;
    }

  push_next (self);
}

/* ---- Whose the replica is ------------------------------------------------ */

static gpointer
claim_work (SpSyncEngine  *self,
            gpointer       data,
            GError       **error)
{
  SpSyncClaim *claim = data;

  if (!_sp_sync_claim (self->store, sp_sync_client_get_base_url (self->client), self->user_id,
                       claim, error))
    return NULL;
  return claim;
}

static void
claim_free (gpointer data)
{
  SpSyncClaim *claim = data;

  _sp_sync_claim_clear (claim);
  g_free (claim);
}

static void
emit_reset (SpSyncEngine *self,
            SpSyncClaim  *claim)
{
  if (claim->reset || claim->kept_aside > 0 || claim->taken_back > 0)
    {
      g_signal_emit (self, signals[RESET], 0, claim->kept_aside, claim->kept_path,
                     claim->taken_back);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

static void
on_claimed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (source);
  GError *error = NULL;
  SpSyncClaim *claim = work_finish (self, result, &error);

  if (claim == NULL)
    {
      g_clear_pointer (&self->user_id, g_free);
      round_done (self, error);
      return;
    }

  emit_reset (self, claim);
  run_work (self, needs_first_work, NULL, NULL, on_needs_first, NULL);
}

/* Who the session is, before anything of the replica is pushed or
 * pulled: once for each engine, that is for each sign-in. */
static void
on_session (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SpSyncEngine) self = user_data;
  GError *error = NULL;
  g_autoptr(JsonNode) node = sp_sync_client_request_finish (SP_SYNC_CLIENT (source), result, NULL, &error);
  JsonObject *object = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonObject *user = object && json_object_has_member (object, "user") &&
                     JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "user"))
                     ? json_object_get_object_member (object, "user") : NULL;
  const char *id = user ? json_object_get_string_member_with_default (user, "id", NULL) : NULL;

  if (node == NULL)
    {
      round_done (self, error);
      return;
    }
  if (id == NULL || id[0] == 0)
    {
      round_done (self, g_error_new_literal (SP_SYNC_ERROR, SP_SYNC_ERROR_SERVER,
                                             _("The server did not say who is signed in")));
      return;
    }

  g_free (self->user_id);
  self->user_id = g_strdup (id);
  run_work (self, claim_work, g_new0 (SpSyncClaim, 1), claim_free, on_claimed, NULL);
}

static void
start_round (SpSyncEngine *self)
{
  if (self->user_id == NULL)
    sp_sync_client_request_async (self->client, "GET", "/api/v1/session", NULL, self->cancellable,
                                  on_session, g_object_ref (self));
  else
    run_work (self, needs_first_work, NULL, NULL, on_needs_first, NULL);
}

static void
run_round (SpSyncEngine *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->round != NULL)
    {
      self->again = TRUE;
      return;
    }

  task = g_task_new (self, self->cancellable, NULL, NULL);
  g_task_set_source_tag (task, run_round);
  self->round = g_steal_pointer (&task);
  self->resynced = FALSE;
  self->push_again = FALSE;
  set_state (self, SP_SYNC_STATE_SYNCING, NULL);
  set_progress (self, 0.0);
  start_round (self);
}

/* ---- Public --------------------------------------------------------------- */

static void
sp_sync_engine_dispose (GObject *object)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->periodic_id, g_source_remove);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);

  G_OBJECT_CLASS (sp_sync_engine_parent_class)->dispose (object);
}

static void
sp_sync_engine_finalize (GObject *object)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->unit_map, g_hash_table_unref);
  g_clear_pointer (&self->unmapped_units, g_ptr_array_unref);
  g_clear_pointer (&self->server_units, g_ptr_array_unref);
  g_clear_pointer (&self->waiters, g_ptr_array_unref);
  g_queue_clear_full (&self->pages, (GDestroyNotify)slot_free);
  g_clear_error (&self->pull_error);
  g_mutex_clear (&self->store_lock);

  G_OBJECT_CLASS (sp_sync_engine_parent_class)->finalize (object);
}

static void
sp_sync_engine_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_PENDING:
      g_value_set_int64 (value, self->pending);
      break;
    case PROP_N_CONFLICTS:
      g_value_set_uint (value, self->n_conflicts);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    case PROP_LAST_SYNCED:
      g_value_set_int64 (value, self->last_synced);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_sync_engine_class_init (SpSyncEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = sp_sync_engine_dispose;
  object_class->finalize = sp_sync_engine_finalize;
  object_class->get_property = sp_sync_engine_get_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, 0, SP_SYNC_STATE_ERROR, 0, flags);
  properties[PROP_PENDING] =
    g_param_spec_int64 ("pending", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_N_CONFLICTS] =
    g_param_spec_uint ("n-conflicts", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0, flags);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL, flags);
  properties[PROP_LAST_SYNCED] =
    g_param_spec_int64 ("last-synced", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Records in the replica changed: views should reload. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The replica was another account's and was emptied, or changes kept
   * aside came back: (kept aside, the file they are in or NULL, taken
   * back). */
  signals[RESET] = g_signal_new ("reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                 G_TYPE_UINT, G_TYPE_STRING, G_TYPE_UINT);
}

static void
sp_sync_engine_init (SpSyncEngine *self)
{
  self->cancellable = g_cancellable_new ();
  self->unit_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->waiters = g_ptr_array_new ();
  g_mutex_init (&self->store_lock);
  self->state = SP_SYNC_STATE_IDLE;
}

SpSyncEngine *
sp_sync_engine_new (const char   *db_path,
                    SpSyncClient *client)
{
  SpSyncEngine *self;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (SP_IS_SYNC_CLIENT (client), NULL);

  self = g_object_new (SP_TYPE_SYNC_ENGINE, NULL);
  self->db_path = g_strdup (db_path);
  self->client = g_object_ref (client);
  return self;
}

SpSyncClient *
sp_sync_engine_get_client (SpSyncEngine *self)
{
  g_return_val_if_fail (SP_IS_SYNC_ENGINE (self), NULL);
  return self->client;
}

SpSyncState
sp_sync_engine_get_state (SpSyncEngine *self)
{
  g_return_val_if_fail (SP_IS_SYNC_ENGINE (self), SP_SYNC_STATE_IDLE);
  return self->state;
}

gint64
sp_sync_engine_get_pending (SpSyncEngine *self)
{
  g_return_val_if_fail (SP_IS_SYNC_ENGINE (self), 0);
  return self->pending;
}

guint
sp_sync_engine_get_n_conflicts (SpSyncEngine *self)
{
  g_return_val_if_fail (SP_IS_SYNC_ENGINE (self), 0);
  return self->n_conflicts;
}

gboolean
sp_sync_engine_get_loading (SpSyncEngine *self)
{
  g_return_val_if_fail (SP_IS_SYNC_ENGINE (self), FALSE);
  return self->loading;
}

double
sp_sync_engine_get_progress (SpSyncEngine *self)
{
  g_return_val_if_fail (SP_IS_SYNC_ENGINE (self), 0.0);
  return self->progress;
}

const char *
sp_sync_engine_get_error_message (SpSyncEngine *self)
{
  g_return_val_if_fail (SP_IS_SYNC_ENGINE (self), NULL);
  return self->error_message;
}

gint64
sp_sync_engine_get_last_synced (SpSyncEngine *self)
{
  g_return_val_if_fail (SP_IS_SYNC_ENGINE (self), 0);
  return self->last_synced;
}

void
sp_sync_engine_sync_async (SpSyncEngine        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SP_IS_SYNC_ENGINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_sync_engine_sync_async);

  /* The caller hears how the next round to finish ended: the one starting
   * now, or the one already running. */
  g_ptr_array_add (self->waiters, task);
  run_round (self);
}

gboolean
sp_sync_engine_sync_finish (SpSyncEngine  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
on_periodic (gpointer user_data)
{
  run_round (user_data);
  return G_SOURCE_CONTINUE;
}

void
sp_sync_engine_start (SpSyncEngine *self,
                      guint         interval_seconds)
{
  g_return_if_fail (SP_IS_SYNC_ENGINE (self));

  self->interval = interval_seconds;
  g_clear_handle_id (&self->periodic_id, g_source_remove);
  if (interval_seconds > 0)
    self->periodic_id = g_timeout_add_seconds (interval_seconds, on_periodic, self);
  run_round (self);
}

void
sp_sync_engine_stop (SpSyncEngine *self)
{
  g_return_if_fail (SP_IS_SYNC_ENGINE (self));

  g_clear_handle_id (&self->periodic_id, g_source_remove);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_state (self, SP_SYNC_STATE_IDLE, NULL);
}

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  work_finish (SP_SYNC_ENGINE (source), result, NULL);
}

static void
on_debounced (gpointer user_data)
{
  SpSyncEngine *self = user_data;

  self->debounce_id = 0;
  run_round (self);
}

void
sp_sync_engine_schedule (SpSyncEngine *self)
{
  g_return_if_fail (SP_IS_SYNC_ENGINE (self));

  /* An offline engine waits for its back-off; one that needs a login
   * waits for it. */
  if (self->state == SP_SYNC_STATE_AUTH_REQUIRED || self->state == SP_SYNC_STATE_IDLE)
    return;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add_once (DEBOUNCE_MS, on_debounced, self);

  /* Show the change as waiting at once, not only when the round starts. */
  run_work (self, NULL, NULL, NULL, on_counted, NULL);
}

GPtrArray *
sp_sync_engine_get_unmapped_units (SpSyncEngine *self)
{
  g_return_val_if_fail (SP_IS_SYNC_ENGINE (self), NULL);
  return self->unmapped_units;
}

GPtrArray *
sp_sync_engine_get_server_units (SpSyncEngine *self)
{
  g_return_val_if_fail (SP_IS_SYNC_ENGINE (self), NULL);
  return self->server_units;
}

void
sp_sync_engine_map_unit (SpSyncEngine *self,
                         const char   *local_id,
                         const char   *server_id)
{
  g_return_if_fail (SP_IS_SYNC_ENGINE (self));
  g_return_if_fail (local_id != NULL && server_id != NULL);

  g_hash_table_insert (self->unit_map, g_strdup (local_id), g_strdup (server_id));
}

static gpointer
release_work (SpSyncEngine  *self,
              gpointer       data,
              GError       **error)
{
  SpSyncClaim *claim = data;

  if (!_sp_sync_release (self->store, claim, error))
    return NULL;
  return claim;
}

static void
on_released (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (source);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  SpSyncClaim *claim = work_finish (self, result, &error);

  if (claim == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
  g_task_set_task_data (task, g_memdup2 (claim, sizeof *claim), g_free);
  /* The file name goes with the copy. */
  claim->kept_path = NULL;
  g_task_return_boolean (task, TRUE);
}

void
sp_sync_engine_release_async (SpSyncEngine        *self,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SP_IS_SYNC_ENGINE (self));

  sp_sync_engine_stop (self);
  g_clear_pointer (&self->user_id, g_free);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, sp_sync_engine_release_async);
  run_work (self, release_work, g_new0 (SpSyncClaim, 1), claim_free, on_released, task);
}

gboolean
sp_sync_engine_release_finish (SpSyncEngine  *self,
                               GAsyncResult  *result,
                               guint         *kept_aside,
                               char         **kept_path,
                               GError       **error)
{
  SpSyncClaim *claim;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  claim = g_task_get_task_data (G_TASK (result));
  if (kept_aside != NULL)
    *kept_aside = claim->kept_aside;
  if (kept_path != NULL)
    *kept_path = g_strdup (claim->kept_path);
  return TRUE;
}
