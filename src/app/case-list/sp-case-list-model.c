/* sp-case-list-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list must stay instant at 100,000 cases, so the model never holds
 * them all: it knows the total (a COUNT in SQL) and fetches pages of
 * SP_CASE_LIST_MODEL_PAGE_SIZE rows (LIMIT/OFFSET) on demand, in the store
 * store worker's thread. Until a page arrives, get_item() hands out
 * placeholders (cases without an id) and the page's rows are replaced with
 * items-changed when it comes. Sorting and filtering happen in SQL, so a
 * new filter is one COUNT and one page away.
 *
 * Every (re)load bumps a generation; answers for an older generation are
 * dropped, so a slow page of an old search never lands in a new list.
 */

#include "sp-case-list-model.h"

/* Pages kept; beyond this the ones farthest from the latest are dropped
 * and read again if the user scrolls back. */
#define MAX_PAGES 64

struct _SpCaseListModel
{
  GObject        parent_instance;

  SpStoreWorker *worker;
  SpCaseFilter  *filter;
  GCancellable  *cancellable;

  guint          generation;
  guint          n_items;
  GHashTable    *pages;     /* page number → GPtrArray of SpCase */
  GHashTable    *pending;   /* page number → Asked, for pages being read */
  gboolean       loading;
  gboolean       loaded;
  /* While we announce a new list, GTK 4.8's list item manager asks for
   * every 200th item of it (once, without keeping them); reading a page for
   * each would queue the whole table. Rows it really shows are asked for
   * again when they are bound. */
  gboolean       announcing;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SpCaseListModel, sp_case_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_LOADING,
  PROP_LOADED,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum { LOAD_FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  SpCaseFilter *filter;
  guint         page;
  gboolean      count;
} Request;

typedef struct
{
  gint64     total;
  GPtrArray *cases;
} Reply;

typedef struct
{
  SpCaseListModel *self;
  guint            generation;
  guint            page;
} Pending;

/* The rows of a page handed out as placeholders while it was read. */
typedef struct
{
  guint first;
  guint last;
} Asked;

static void
request_free (gpointer p)
{
  Request *request = p;

  g_clear_object (&request->filter);
  g_free (request);
}

static void
reply_free (gpointer p)
{
  Reply *reply = p;

  g_clear_pointer (&reply->cases, g_ptr_array_unref);
  g_free (reply);
}

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->self);
  g_free (pending);
}

gboolean
sp_case_is_placeholder (SpCase *kase)
{
  return kase == NULL || SP_ENTITY (kase)->id == NULL;
}

/* Runs in the worker's thread. */
static gpointer
read_page (SpStore       *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Request *request = data;
  g_autoptr(GPtrArray) cases = NULL;
  SpCaseQuery query;
  Reply *reply;
  gint64 total = -1;

  sp_case_filter_to_query (request->filter, &query);

  if (request->count)
    {
      total = sp_store_count_cases (store, &query, error);
      if (total < 0)
        return NULL;
    }

  query.limit = SP_CASE_LIST_MODEL_PAGE_SIZE;
  query.offset = request->page * SP_CASE_LIST_MODEL_PAGE_SIZE;
  cases = sp_store_query_cases (store, &query, error);
  if (cases == NULL)
    return NULL;

  reply = g_new0 (Reply, 1);
  reply->total = total;
  reply->cases = g_steal_pointer (&cases);

  return reply;
}

static void
set_loading (SpCaseListModel *self,
             gboolean         loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
drop_far_pages (SpCaseListModel *self,
                guint            near)
{
  while (g_hash_table_size (self->pages) > MAX_PAGES)
    {
      GHashTableIter iter;
      gpointer key;
      guint farthest = near;
      guint distance = 0;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          guint page = GPOINTER_TO_UINT (key);
          guint d = page > near ? page - near : near - page;

          if (d > distance)
            {
              distance = d;
              farthest = page;
            }
        }

      if (distance == 0)
        break;

      /* Rows already bound keep their own references; the next get_item()
       * for this page reads it again. */
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (farthest));
    }
}

static void
page_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Pending *pending = user_data;
  SpCaseListModel *self = pending->self;
  g_autoptr(GError) error = NULL;
  Reply *reply;
  Asked *asked;
  guint start, count;

  reply = sp_store_worker_run_finish (SP_STORE_WORKER (object), result, &error);

  if (pending->generation != self->generation)
    goto out;

  /* A reload forgets what was asked before it; then the whole page. */
  asked = g_hash_table_lookup (self->pending, GUINT_TO_POINTER (pending->page));
  start = asked ? asked->first : pending->page * SP_CASE_LIST_MODEL_PAGE_SIZE;
  count = asked ? asked->last - asked->first + 1 : SP_CASE_LIST_MODEL_PAGE_SIZE;
  g_hash_table_remove (self->pending, GUINT_TO_POINTER (pending->page));

  if (reply == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read cases: %s", error->message);
      goto out;
    }

  if (start >= self->n_items)
    goto out;
  count = MIN (count, self->n_items - start);

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (pending->page),
                       g_steal_pointer (&reply->cases));
  drop_far_pages (self, pending->page);

  /* Only the rows handed out as placeholders changed for anyone: a list
   * view keeps up to 200 rows bound around what it shows, and told that a
   * whole page changed it asks for the row after it, which would read the
   * next page, and the next, through the whole table. */
  g_list_model_items_changed (G_LIST_MODEL (self), start, count, count);

out:
  g_clear_pointer (&reply, reply_free);
  pending_free (pending);
}

static void
request_page (SpCaseListModel *self,
              guint            position)
{
  guint page = position / SP_CASE_LIST_MODEL_PAGE_SIZE;
  Request *request;
  Pending *pending;
  Asked *asked;

  asked = g_hash_table_lookup (self->pending, GUINT_TO_POINTER (page));
  if (asked != NULL)
    {
      asked->first = MIN (asked->first, position);
      asked->last = MAX (asked->last, position);
      return;
    }

  asked = g_new (Asked, 1);
  asked->first = asked->last = position;
  g_hash_table_insert (self->pending, GUINT_TO_POINTER (page), asked);

  request = g_new0 (Request, 1);
  request->filter = sp_case_filter_copy (self->filter);
  request->page = page;

  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->generation = self->generation;
  pending->page = page;

  sp_store_worker_run_async (self->worker, read_page, request, request_free, reply_free,
                             self->cancellable, page_read_cb, pending);
}

static void
first_page_read_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Pending *pending = user_data;
  SpCaseListModel *self = pending->self;
  g_autoptr(GError) error = NULL;
  Reply *reply;
  guint old_n;

  reply = sp_store_worker_run_finish (SP_STORE_WORKER (object), result, &error);

  if (pending->generation != self->generation)
    goto out;

  old_n = self->n_items;
  g_hash_table_remove_all (self->pages);

  if (reply == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read cases: %s", error->message);
      self->n_items = 0;
    }
  else
    {
      if (reply->total >= 0)
        self->n_items = (guint) CLAMP (reply->total, 0, G_MAXUINT - 1);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (0),
                           g_steal_pointer (&reply->cases));
    }

  self->loaded = TRUE;
  self->announcing = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
  self->announcing = FALSE;
  if (old_n != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
  set_loading (self, FALSE);
  g_signal_emit (self, signals[LOAD_FINISHED], 0);

out:
  g_clear_pointer (&reply, reply_free);
  pending_free (pending);
}

static void
load (SpCaseListModel *self,
      gboolean         count)
{
  Request *request;
  Pending *pending;

  self->generation++;
  g_hash_table_remove_all (self->pending);
  set_loading (self, TRUE);

  request = g_new0 (Request, 1);
  request->filter = sp_case_filter_copy (self->filter);
  request->page = 0;
  request->count = count;

  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->generation = self->generation;

  sp_store_worker_run_async (self->worker, read_page, request, request_free, reply_free,
                             self->cancellable, first_page_read_cb, pending);
}

void
sp_case_list_model_reload (SpCaseListModel *self)
{
  g_return_if_fail (SP_IS_CASE_LIST_MODEL (self));

  load (self, TRUE);
}

/* Whether @a and @b differ in their order only: then the count stands. */
static gboolean
same_but_order (SpCaseFilter *a,
                SpCaseFilter *b)
{
  g_autoptr(SpCaseFilter) reordered = sp_case_filter_copy (b);

  reordered->sort = a->sort;
  reordered->descending = a->descending;

  return sp_case_filter_equal (a, reordered);
}

void
sp_case_list_model_set_filter (SpCaseListModel *self,
                               SpCaseFilter    *filter)
{
  gboolean count;

  g_return_if_fail (SP_IS_CASE_LIST_MODEL (self));
  g_return_if_fail (SP_IS_CASE_FILTER (filter));

  if (self->loaded && sp_case_filter_equal (self->filter, filter))
    return;

  /* A new sort keeps the count; only a settled count can be kept. */
  count = !(self->loaded && !self->loading && same_but_order (self->filter, filter));

  g_clear_object (&self->filter);
  self->filter = sp_case_filter_copy (filter);
  load (self, count);
}

SpCaseFilter *
sp_case_list_model_get_filter (SpCaseListModel *self)
{
  g_return_val_if_fail (SP_IS_CASE_LIST_MODEL (self), NULL);

  return self->filter;
}

gboolean
sp_case_list_model_get_loading (SpCaseListModel *self)
{
  g_return_val_if_fail (SP_IS_CASE_LIST_MODEL (self), FALSE);

  return self->loading;
}

gboolean
sp_case_list_model_get_loaded (SpCaseListModel *self)
{
  g_return_val_if_fail (SP_IS_CASE_LIST_MODEL (self), FALSE);

  return self->loaded;
}

guint
sp_case_list_model_find (SpCaseListModel *self,
                         const char      *case_id)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (SP_IS_CASE_LIST_MODEL (self), G_MAXUINT);

  if (case_id == NULL)
    return G_MAXUINT;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *cases = value;

      for (guint i = 0; i < cases->len; i++)
        {
          SpCase *kase = g_ptr_array_index (cases, i);

          if (g_strcmp0 (SP_ENTITY (kase)->id, case_id) == 0)
            return GPOINTER_TO_UINT (key) * SP_CASE_LIST_MODEL_PAGE_SIZE + i;
        }
    }

  return G_MAXUINT;
}

static GType
sp_case_list_model_get_item_type (GListModel *model)
{
  return SP_TYPE_CASE;
}

static guint
sp_case_list_model_get_n_items (GListModel *model)
{
  return SP_CASE_LIST_MODEL (model)->n_items;
}

static gpointer
sp_case_list_model_get_item (GListModel *model,
                             guint       position)
{
  SpCaseListModel *self = SP_CASE_LIST_MODEL (model);
  guint page = position / SP_CASE_LIST_MODEL_PAGE_SIZE;
  guint index = position % SP_CASE_LIST_MODEL_PAGE_SIZE;
  GPtrArray *cases;
  SpCase *placeholder;

  if (position >= self->n_items)
    return NULL;

  cases = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (cases != NULL && index < cases->len)
    return g_object_ref (g_ptr_array_index (cases, index));

  /* The cases may have changed under a page already read (fewer rows than
   * counted): show a placeholder rather than read the page forever. */
  if (cases == NULL && !self->announcing)
    request_page (self, position);

  placeholder = sp_case_new ();
  g_clear_pointer (&SP_ENTITY (placeholder)->id, g_free);

  return placeholder;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sp_case_list_model_get_item_type;
  iface->get_n_items = sp_case_list_model_get_n_items;
  iface->get_item = sp_case_list_model_get_item;
}

static void
sp_case_list_model_dispose (GObject *object)
{
  SpCaseListModel *self = SP_CASE_LIST_MODEL (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (sp_case_list_model_parent_class)->dispose (object);
}

static void
sp_case_list_model_finalize (GObject *object)
{
  SpCaseListModel *self = SP_CASE_LIST_MODEL (object);

  g_clear_object (&self->worker);
  g_clear_object (&self->filter);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (sp_case_list_model_parent_class)->finalize (object);
}

static void
sp_case_list_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SpCaseListModel *self = SP_CASE_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_case_list_model_class_init (SpCaseListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_case_list_model_dispose;
  object_class->finalize = sp_case_list_model_finalize;
  object_class->get_property = sp_case_list_model_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After every (re)load: the count and the first page are in. */
  signals[LOAD_FINISHED] = g_signal_new ("load-finished", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
}

static void
sp_case_list_model_init (SpCaseListModel *self)
{
  self->filter = sp_case_filter_new ();
  self->cancellable = g_cancellable_new ();
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->pending = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

SpCaseListModel *
sp_case_list_model_new (SpStoreWorker *worker)
{
  SpCaseListModel *self;

  g_return_val_if_fail (SP_IS_STORE_WORKER (worker), NULL);

  self = g_object_new (SP_TYPE_CASE_LIST_MODEL, NULL);
  self->worker = g_object_ref (worker);

  return self;
}
