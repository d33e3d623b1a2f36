/* sp-sync-engine-pull.c: the engine's pull of the change feed, the pages
 * fetched ahead and stored in order (storing a page is sp-sync-pull.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-sync"

#include "sp-sync-engine-private.h"

/* Three things happen at once: the next page is fetched, the last one is
 * read (in a thread of its own), and the one before is stored (in the
 * worker). The server writes where the next page starts at the head of a
 * page, so the next fetch need not wait for the reading. Pages are stored
 * in order, each with its cursor, so a pull cut off anywhere resumes after
 * the last page stored.
 */

#define PULL_LIMIT  1000
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

void
_sp_sync_engine_pull_clear (SpSyncEngine *self)
{
  g_queue_clear_full (&self->pages, (GDestroyNotify)slot_free);
  g_clear_error (&self->pull_error);
}

static gboolean
commit_held (SpSyncEngine  *self,
             SpStore       *store,
             GError       **error)
{
  if (self->held_since == 0)
    return TRUE;
  self->held_since = 0;
  return sp_store_commit (store, error);
}

static gpointer
apply_page_work (SpSyncEngine  *self,
                 SpStore       *store,
                 gpointer       data,
                 GError       **error)
{
  SpFeedPage *page = data;

  if (self->held_since == 0 && sp_store_in_bulk (store))
    {
      if (!sp_store_begin (store, error))
        return NULL;
      self->held_since = g_get_monotonic_time ();
    }

  if (!_sp_sync_apply_page (store, page, error))
    {
      /* The pages held with it go too; the pull resumes before them. */
      if (self->held_since != 0)
        {
          self->held_since = 0;
          sp_store_rollback (store);
        }
      return NULL;
    }

  page->bulk = sp_store_in_bulk (store);
  if (self->held_since != 0 &&
      (!page->more || !page->bulk || g_get_monotonic_time () - self->held_since >= BULK_COMMIT_USEC) &&
      !commit_held (self, store, error))
    return NULL;

  /* The records go here, not on the main loop, which only wants the
   * cursor. */
  g_ptr_array_set_size (page->changes, 0);
  return page;
}

static gpointer
end_bulk_work (SpSyncEngine  *self,
               SpStore       *store,
               gpointer       data,
               GError       **error)
{
  /* What was stored is kept: every page came whole, with its cursor. */
  if (!commit_held (self, store, error))
    return NULL;
  return sp_store_bulk_end (store, error) ? self : NULL;
}

static void
on_bulk_ended (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (source);
  GError *error = user_data;
  g_autoptr(GError) bulk_error = NULL;

  if (_sp_sync_engine_work_finish (self, result, &bulk_error) == NULL)
    g_warning ("Cannot build the replica's indexes again: %s", bulk_error->message);
  _sp_sync_engine_set_loading (self, FALSE);
  _sp_sync_engine_round_done (self, error);
}

static void
pull_finish (SpSyncEngine *self,
             GError       *error)
{
  self->pull_generation++;
  _sp_sync_engine_pull_clear (self);

  if (error == NULL && self->push_again)
    {
      self->push_again = FALSE;
      _sp_sync_engine_push (self);
      return;
    }

  /* A pull cut off in the middle of a bulk load: the indexes come back
   * now (the next pull sets them aside again if much is still to come). */
  if (error != NULL)
    _sp_sync_engine_run_work (self, end_bulk_work, NULL, NULL, on_bulk_ended, error);
  else
    _sp_sync_engine_round_done (self, error);
}

static void
on_page_applied (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (source);
  GError *error = NULL;
  SpFeedPage *page = _sp_sync_engine_work_finish (self, result, &error);

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
    _sp_sync_engine_set_progress (self, (double)page->cursor / (double)page->last_rev);
  _sp_sync_engine_set_loading (self, page->bulk);
  _sp_sync_engine_emit_changed (self);
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
      _sp_sync_engine_run_work (self, apply_page_work, page, (GDestroyNotify)_sp_feed_page_free,
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
                  SpStore       *store,
                  gpointer       data,
                  GError       **error)
{
  gint64 *cursor = g_new (gint64, 1);

  *cursor = _sp_sync_get_cursor (store);
  return cursor;
}

static void
on_cursor (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SpSyncEngine *self = SP_SYNC_ENGINE (source);
  GError *error = NULL;
  g_autofree gint64 *cursor = _sp_sync_engine_work_finish (self, result, &error);

  if (cursor == NULL)
    {
      _sp_sync_engine_round_done (self, error);
      return;
    }

  self->next_since = *cursor;
  self->fetch_done = FALSE;
  self->fetching = FALSE;
  self->applying = FALSE;
  pull_step (self);
}

void
_sp_sync_engine_pull (SpSyncEngine *self)
{
  _sp_sync_engine_run_work (self, read_cursor_work, NULL, NULL, on_cursor, NULL);
}
