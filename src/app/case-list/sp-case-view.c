/* sp-case-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows come from SpCaseListModel, which sorts and filters in SQL. The
 * column view still owns the sort indicators: each column has a sorter of
 * its own, and when the view's sorter changes we ask it which column leads
 * and in which direction (GTK 4.8 has no API for that; see probe_sort()),
 * then hand that to the model as SpCaseQuery.sort.
 */

#include <glib/gi18n.h>

#include "sp-case-columns.h"
#include "sp-case-view-private.h"
#include "sp-diary-markings.h"

typedef struct
{
  SpCaseView *view;
  int         column;
} Probe;

struct _SpCaseView
{
  GtkWidget            parent_instance;

  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkRevealer         *filter_revealer;
  SpFilterBar         *filter_bar;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  GtkColumnView       *column_view;
  AdwStatusPage       *empty_page;

  GtkColumnViewColumn *columns[SP_CASE_N_COLUMNS];
  int                  widths[SP_CASE_N_COLUMNS];  /* each one's content, in the font in use */
  gboolean             compact;
  int                  available;  /* the list's width, as last laid out */
  guint                layout_idle;
  GHashTable          *escalations; /* case id → bits 1 << SpEscalation */
  SpCaseListModel     *model;
  GHashTable          *bound;      /* the SpCaseCells showing a case now */
  SpStoreWorker       *worker;
  GCancellable        *cancellable;
  GHashTable          *markings;   /* case id → the diary's secrecy text */
  GtkSingleSelection  *selection;
  SpReference         *cache;
  SpCaseFilter        *filter;
  SpCaseViewKind       kind;
  SpDate               today;
  char                *select_id;

  /* Set by the column sorters while probe_sort() runs. */
  Probe                probes[SP_CASE_N_COLUMNS];
  int                  probed_column;
  gulong               sorter_changed_id;
  guint                updating;
};

G_DEFINE_FINAL_TYPE (SpCaseView, sp_case_view, GTK_TYPE_WIDGET)

static void update_columns (SpCaseView *self);
static void page_size_changed (SpCaseView    *self,
                               GParamSpec    *pspec,
                               GtkAdjustment *adjustment);

enum { CASE_ACTIVATED, FILTER_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

char *
sp_case_view_format_deadline (SpCase   *kase,
                              SpDate    today,
                              gboolean *overdue)
{
  int days;

  if (overdue != NULL)
    *overdue = FALSE;

  if (kase == NULL || kase->due_on == SP_DATE_NONE)
    return NULL;

  /* Once feedback is given the deadline no longer runs: say what the case
   * page says. */
  if (!sp_status_is_open (kase->status) || kase->status >= SP_STATUS_FEEDBACK_GIVEN)
    return g_strdup (kase->feedback_on != SP_DATE_NONE ? _("Feedback given")
                                                     : _("No longer running"));

  days = sp_case_get_days_left (kase, today);

  if (days < 0)
    {
      if (overdue != NULL)
        *overdue = TRUE;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d day",
                                           "Overdue by %d days", (gulong) -days), -days);
    }

  if (days == 0)
    return g_strdup (_("Due today"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %d day", "In %d days", (gulong) days),
                          days);
}

/* Each column's sorter only reports that it was asked first; see
 * probe_sort(). */
static int
column_sorter_compare (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  Probe *probe = user_data;

  if (probe->view->probed_column < 0)
    probe->view->probed_column = probe->column;

  return GTK_ORDERING_LARGER;
}

static void
update_state (SpCaseView *self)
{
  const char *state;

  /* "No cases" only when the last answer said so and no other is coming. */
  if (self->model == NULL || !sp_case_list_model_get_loaded (self->model))
    state = "loading";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    state = sp_case_list_model_get_loading (self->model) ? "loading" : "empty";
  else
    state = "list";

  if (g_strcmp0 (state, "empty") == 0)
    {
      gboolean filtered = sp_case_filter_has_criteria (self->filter);

      if (filtered)
        {
          adw_status_page_set_icon_name (self->empty_page, "system-search-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Matching Cases"));
          adw_status_page_set_description (self->empty_page,
                                           _("Try other search words or clear the filters."));
        }
      else if (self->kind == SP_CASE_VIEW_MINE)
        {
          adw_status_page_set_icon_name (self->empty_page, "se.synpunkt.Synpunkt-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Open Cases for You"));
          adw_status_page_set_description (self->empty_page,
                                           _("Cases assigned to you or to your unit show up "
                                             "here. Choose your unit in Preferences."));
        }
      else if (self->kind == SP_CASE_VIEW_QUEUE)
        {
          adw_status_page_set_icon_name (self->empty_page, "se.synpunkt.Synpunkt-symbolic");
          adw_status_page_set_title (self->empty_page, _("Nothing to Register"));
          adw_status_page_set_description (self->empty_page,
                                           _("Cases with the sender's contact details wait "
                                             "here until they are registered in the diary."));
        }
      else if (self->kind == SP_CASE_VIEW_DIARY)
        {
          adw_status_page_set_icon_name (self->empty_page, "se.synpunkt.Synpunkt-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Registered Cases"));
          adw_status_page_set_description (self->empty_page,
                                           _("Cases show up in the diary once they are "
                                             "registered."));
        }
      else
        {
          adw_status_page_set_icon_name (self->empty_page, "se.synpunkt.Synpunkt-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Cases"));
          adw_status_page_set_description (self->empty_page,
                                           _("Record a new case with Ctrl+N."));
        }
    }

  gtk_spinner_set_spinning (self->spinner, g_strcmp0 (state, "loading") == 0);
  /* The spinner and the empty state are hidden when not shown, not only
   * covered, so that a screen reader does not find them; the list keeps
   * its place while they show. */
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), g_strcmp0 (state, "loading") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), g_strcmp0 (state, "empty") == 0);
  gtk_stack_set_visible_child_name (self->stack, state);
}

static void
try_select (SpCaseView *self)
{
  guint position;

  if (self->select_id == NULL)
    return;

  position = sp_case_list_model_find (self->model, self->select_id);
  if (position != G_MAXUINT)
    {
      gtk_single_selection_set_selected (self->selection, position);
      g_clear_pointer (&self->select_id, g_free);
    }
}

/* Rows bound while the model announced a new list got placeholders whose
 * pages the model did not read (see SpCaseListModel's `announcing`): ask
 * for them now, which reads their pages. */
static void
request_bound_rows (SpCaseView *self)
{
  GHashTableIter iter;
  gpointer cell;

  if (self->bound == NULL)
    return;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    {
      GtkListItem *item = sp_case_cell_get_list_item (cell);
      guint position = item ? gtk_list_item_get_position (item) : GTK_INVALID_LIST_POSITION;

      if (position != GTK_INVALID_LIST_POSITION &&
          sp_case_is_placeholder (sp_case_cell_get_case (cell)))
        {
          g_autoptr(GObject) asked = g_list_model_get_item (G_LIST_MODEL (self->model), position);
        }
    }
}

/* The cells showing a case are written again (the diary's markings came). */
static void
refresh_cells (SpCaseView *self)
{
  GHashTableIter iter;
  gpointer cell;

  if (self->bound == NULL)
    return;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    sp_case_cell_refresh (cell);
}

static void
markings_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SpCaseView) self = user_data;
  g_autoptr(GError) error = NULL;
  GHashTable *markings = sp_diary_markings_load_finish (SP_STORE_WORKER (source), result, &error);

  if (markings == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("The diary's secrecy markings could not be read: %s", error->message);
      return;
    }
  g_clear_pointer (&self->markings, g_hash_table_unref);
  self->markings = markings;
  refresh_cells (self);
}

/* Runs in the worker's thread. */
static gpointer
read_escalations (SpStore       *store,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return sp_store_get_escalations (store, error);
}

static void
escalations_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SpCaseView) self = user_data;
  g_autoptr(GError) error = NULL;
  GHashTable *escalations = sp_store_worker_run_finish (SP_STORE_WORKER (source), result, &error);

  if (escalations == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("The escalations could not be read: %s", error->message);
      return;
    }
  g_clear_pointer (&self->escalations, g_hash_table_unref);
  self->escalations = escalations;
  refresh_cells (self);
}

static void
load_finished (SpCaseView *self)
{
  if (self->kind == SP_CASE_VIEW_DIARY && self->worker != NULL)
    sp_diary_markings_load_async (self->worker, self->cancellable, markings_loaded,
                                  g_object_ref (self));
  else if (self->kind != SP_CASE_VIEW_QUEUE && self->worker != NULL)
    sp_store_worker_run_async (self->worker, read_escalations, NULL, NULL,
                               (GDestroyNotify) g_hash_table_unref, self->cancellable,
                               escalations_loaded, g_object_ref (self));
  self->today = sp_date_today ();
  request_bound_rows (self);
  update_state (self);
  try_select (self);
}

static void
apply_filter (SpCaseView *self)
{
  if (self->model == NULL || self->updating > 0)
    return;

  sp_case_list_model_set_filter (self->model, self->filter);
  g_signal_emit (self, signals[FILTER_CHANGED], 0);
}

static void
probe_sort (SpCaseView *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  g_autoptr(SpCase) a = sp_case_new ();
  g_autoptr(SpCase) b = sp_case_new ();
  GtkOrdering order;

  /* The view's sorter asks the leading column's sorter first and stops at
   * the first answer that is not "equal"; our sorters always answer
   * "larger" and note which column they are. A descending column inverts
   * the answer. */
  self->probed_column = -1;
  order = gtk_sorter_compare (sorter, a, b);

  if (self->probed_column >= 0 && self->probed_column < SP_CASE_N_COLUMNS)
    {
      self->filter->sort = sp_case_columns[self->probed_column].sort;
      self->filter->descending = (order == GTK_ORDERING_SMALLER);
    }
}

/* The column that shows @sort, or -1. */
static int
column_of_sort (SpCaseSort sort)
{
  for (int i = 0; i < SP_CASE_N_COLUMNS; i++)
    if (sp_case_columns[i].sortable && sp_case_columns[i].sort == sort)
      return i;
  return -1;
}

static gboolean
column_in_view (SpCaseView *self,
                int         i)
{
  return gtk_column_view_column_get_column_view (self->columns[i]) == self->column_view;
}

/* Makes the headers show the filter's sort and nothing else. GTK 4.8 keeps
 * the view's sorter as a list of columns, the first one drawing the arrow,
 * and gets it wrong in two ways: gtk_column_view_sort_by_column() draws the
 * new arrow but leaves the old one, and a column taken out of the view
 * hands the lead to the next one in the list without drawing its arrow
 * (nor does the SQL sort by it). So the list holds one column at most, the
 * filter's, or none when that column is not shown (a narrow window): then
 * the rows keep their order and no header claims one. Each other header is
 * told again that it does not sort: setting a column's sorter redraws its
 * header. */
static void
show_sort (SpCaseView *self)
{
  int column = column_of_sort (self->filter->sort);

  if (column >= 0 && !column_in_view (self, column))
    column = -1;

  self->updating++;
  gtk_column_view_sort_by_column (self->column_view,
                                  column >= 0 ? self->columns[column] : NULL,
                                  self->filter->descending ? GTK_SORT_DESCENDING
                                                           : GTK_SORT_ASCENDING);
  for (int i = 0; i < SP_CASE_N_COLUMNS; i++)
    {
      g_autoptr(GtkSorter) sorter = NULL;

      if (i == column || gtk_column_view_column_get_sorter (self->columns[i]) == NULL)
        continue;
      sorter = g_object_ref (gtk_column_view_column_get_sorter (self->columns[i]));
      gtk_column_view_column_set_sorter (self->columns[i], NULL);
      gtk_column_view_column_set_sorter (self->columns[i], sorter);
    }
  self->updating--;
}

static void
sorter_changed (SpCaseView *self)
{
  if (self->updating > 0 || self->column_view == NULL)
    return;

  probe_sort (self);
  /* A click on a header puts its column first and keeps the others behind
   * it; only the first one sorts here. */
  show_sort (self);
  apply_filter (self);
}

static void
search_changed (SpCaseView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->updating > 0 || g_strcmp0 (text, self->filter->text ? self->filter->text : "") == 0)
    return;

  g_free (self->filter->text);
  self->filter->text = *text != '\0' ? g_strdup (text) : NULL;
  apply_filter (self);
}

static void
filter_bar_changed (SpCaseView *self)
{
  if (self->updating > 0)
    return;

  sp_filter_bar_get_criteria (self->filter_bar, self->filter);
  apply_filter (self);
}

static void
row_activated (SpCaseView *self,
               guint       position)
{
  g_autoptr(SpCase) kase = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (!sp_case_is_placeholder (kase))
    g_signal_emit (self, signals[CASE_ACTIVATED], 0, SP_ENTITY (kase)->id);
}

static void
sp_case_view_dispose (GObject *object)
{
  SpCaseView *self = SP_CASE_VIEW (object);

  /* Removing the columns changes the sorter; nothing may react now. */
  self->updating++;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->cache != NULL)
    g_signal_handlers_disconnect_by_data (self->cache, self);
  if (self->column_view != NULL)
    g_clear_signal_handler (&self->sorter_changed_id,
                            gtk_column_view_get_sorter (self->column_view));

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->layout_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_CASE_VIEW);
  g_clear_pointer (&self->escalations, g_hash_table_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->markings, g_hash_table_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->cache);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->select_id, g_free);
  for (guint i = 0; i < SP_CASE_N_COLUMNS; i++)
    g_clear_object (&self->columns[i]);

  G_OBJECT_CLASS (sp_case_view_parent_class)->dispose (object);
}

static void
sp_case_view_class_init (SpCaseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_case_view_dispose;

  signals[CASE_ACTIVATED] = g_signal_new ("case-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[FILTER_CHANGED] = g_signal_new ("filter-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  g_type_ensure (SP_TYPE_FILTER_BAR);

  g_type_ensure (SP_TYPE_CASE_CELL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-case-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SpCaseView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SpCaseView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SpCaseView, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpCaseView, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, SpCaseView, stack);
  gtk_widget_class_bind_template_child (widget_class, SpCaseView, spinner);
  gtk_widget_class_bind_template_child (widget_class, SpCaseView, column_view);
  /* The columns, found by id in init (no field of their own). */
  for (guint i = 0; i < SP_CASE_N_COLUMNS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, sp_case_columns[i].child, FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, SpCaseView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, filter_bar_changed);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
}

static void
sp_case_view_init (SpCaseView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The entry sits in a clamp, where the bar does not find it by itself:
   * typed keys and Escape reach it only when connected. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  self->filter = sp_case_filter_new ();
  self->bound = g_hash_table_new (NULL, NULL);
  self->today = sp_date_today ();
  self->kind = SP_CASE_VIEW_ALL;

  for (guint i = 0; i < SP_CASE_N_COLUMNS; i++)
    {
      GtkColumnViewColumn *column;
      g_autoptr(GtkSorter) sorter = NULL;

      column = GTK_COLUMN_VIEW_COLUMN (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                      SP_TYPE_CASE_VIEW,
                                                                      sp_case_columns[i].child));
      self->probes[i].view = self;
      self->probes[i].column = (int) i;
      sorter = GTK_SORTER (gtk_custom_sorter_new (column_sorter_compare, &self->probes[i], NULL));
      /* The marking is no order of its own. */
      if (sp_case_columns[i].sortable)
        gtk_column_view_column_set_sorter (column, sorter);

      /* Ours too: a narrow window takes some out. */
      self->columns[i] = g_object_ref (column);
    }

  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view)),
                           "notify::page-size", G_CALLBACK (page_size_changed), self,
                           G_CONNECT_SWAPPED);
  update_columns (self);

  self->sorter_changed_id =
    g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                             G_CALLBACK (sorter_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
sp_case_view_new (void)
{
  return g_object_new (SP_TYPE_CASE_VIEW, NULL);
}

void
sp_case_view_setup (SpCaseView    *self,
                    SpStoreWorker *worker,
                    SpReference   *cache)
{
  g_return_if_fail (SP_IS_CASE_VIEW (self));
  g_return_if_fail (SP_IS_STORE_WORKER (worker));
  g_return_if_fail (SP_IS_REFERENCE (cache));
  g_return_if_fail (self->model == NULL);

  self->cache = g_object_ref (cache);
  self->worker = g_object_ref (worker);
  sp_filter_bar_set_reference (self->filter_bar, cache);
  /* The names' widths make the columns'. */
  g_signal_connect_object (cache, "changed", G_CALLBACK (update_columns), self,
                           G_CONNECT_SWAPPED);

  self->model = sp_case_list_model_new (worker);
  g_signal_connect_object (self->model, "load-finished", G_CALLBACK (load_finished), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  update_state (self);
}

static int
default_sort_column (SpCaseViewKind kind,
                     gboolean      *descending)
{
  switch (kind)
    {
    case SP_CASE_VIEW_MINE:
      *descending = FALSE;
      return SP_CASE_COL_DEADLINE;

    case SP_CASE_VIEW_DIARY:
      *descending = TRUE;
      return SP_CASE_COL_DIARY;

    case SP_CASE_VIEW_QUEUE:
      /* The oldest waits longest. */
      *descending = FALSE;
      return SP_CASE_COL_RECEIVED;

    case SP_CASE_VIEW_ALL:
    case SP_CASE_VIEW_SAVED:
    default:
      *descending = TRUE;
      return SP_CASE_COL_RECEIVED;
    }
}

void
sp_case_view_set_view (SpCaseView     *self,
                       SpCaseViewKind  kind,
                       SpCaseFilter   *base)
{
  g_autoptr(SpCaseFilter) filter = NULL;
  gboolean descending = FALSE;
  int column;

  g_return_if_fail (SP_IS_CASE_VIEW (self));
  g_return_if_fail (SP_IS_CASE_FILTER (base));

  filter = sp_case_filter_copy (base);
  column = default_sort_column (kind, &descending);
  filter->sort = sp_case_columns[column].sort;
  filter->descending = descending;

  self->kind = kind;
  g_set_object (&self->filter, filter);

  self->updating++;
  sp_filter_bar_set_criteria (self->filter_bar, self->filter);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry),
                         self->filter->text ? self->filter->text : "");
  self->updating--;

  if (sp_case_filter_has_criteria (self->filter))
    gtk_revealer_set_reveal_child (self->filter_revealer, TRUE);

  /* The view's columns first: its sort column may be one it adds. */
  update_columns (self);
  apply_filter (self);
  update_state (self);
}

SpCaseFilter *
sp_case_view_get_filter (SpCaseView *self)
{
  g_return_val_if_fail (SP_IS_CASE_VIEW (self), NULL);

  return self->filter;
}

void
sp_case_view_reload (SpCaseView *self)
{
  g_return_if_fail (SP_IS_CASE_VIEW (self));

  if (self->model != NULL)
    sp_case_list_model_reload (self->model);
}

void
sp_case_view_select_case (SpCaseView *self,
                          const char *case_id)
{
  g_return_if_fail (SP_IS_CASE_VIEW (self));

  g_free (self->select_id);
  self->select_id = g_strdup (case_id);

  if (self->model != NULL && !sp_case_list_model_get_loading (self->model))
    try_select (self);
}

/* The diary's columns are the diary's (number, date, kind, subject, unit,
 * status, secrecy marking); the other views have category and deadline
 * instead of the marking. A narrow window keeps only the key columns. */
static gboolean
column_wanted (SpCaseView *self,
               guint       i)
{
  if (self->compact && !sp_case_columns[i].compact)
    return FALSE;
  if (self->kind == SP_CASE_VIEW_DIARY)
    return i != SP_CASE_COL_CATEGORY && i != SP_CASE_COL_DEADLINE;
  return i != SP_CASE_COL_SECRECY;
}

static void
update_columns (SpCaseView *self)
{
  guint position = 0;
  guint wanted = 0;
  guint shown;

  for (guint i = 0; i < SP_CASE_N_COLUMNS; i++)
    {
      self->widths[i] = sp_case_columns_content_width (GTK_WIDGET (self->column_view), i,
                                                       self->cache,
                                                       gtk_column_view_column_get_title (self->columns[i]));
      if (column_wanted (self, i))
        wanted |= 1u << i;
    }
  /* What does not fit goes, the least needed first; the subject keeps
   * its share and takes the rest. */
  shown = sp_case_columns_fit (self->widths, wanted, self->available);

  /* The columns are taken out rather than hidden: GTK 4.8 keeps counting
   * a hidden column's width, and the subject gets no room to expand. */
  self->updating++;
  for (guint i = 0; i < SP_CASE_N_COLUMNS; i++)
    {
      GtkColumnView *view = gtk_column_view_column_get_column_view (self->columns[i]);
      gboolean show = (shown & (1u << i)) != 0;

      if (show && view == NULL)
        gtk_column_view_insert_column (self->column_view, position, self->columns[i]);
      else if (!show && view != NULL)
        gtk_column_view_remove_column (self->column_view, self->columns[i]);

      if (self->widths[i] > 0)
        gtk_column_view_column_set_fixed_width (self->columns[i], self->widths[i]);
      if (show)
        position++;
    }
  self->updating--;

  show_sort (self);
}

static gboolean
layout_idle (gpointer data)
{
  SpCaseView *self = data;

  self->layout_idle = 0;
  update_columns (self);
  return G_SOURCE_REMOVE;
}

/* The list was laid out at a new width: the columns that fit are chosen
 * once the layout is done, not during it. */
static void
page_size_changed (SpCaseView    *self,
                   GParamSpec    *pspec,
                   GtkAdjustment *adjustment)
{
  int available = (int) gtk_adjustment_get_page_size (adjustment);

  if (available <= 0 || available == self->available)
    return;
  self->available = available;
  if (self->layout_idle == 0)
    self->layout_idle = g_idle_add (layout_idle, self);
}

void
sp_case_view_set_compact (SpCaseView *self,
                          gboolean    compact)
{
  g_return_if_fail (SP_IS_CASE_VIEW (self));

  if (self->compact == compact)
    return;
  self->compact = compact;
  update_columns (self);
}

void
_sp_case_view_add_cell (SpCaseView *self,
                        SpCaseCell *cell)
{
  if (self->bound != NULL)
    g_hash_table_add (self->bound, cell);
}

void
_sp_case_view_remove_cell (SpCaseView *self,
                           SpCaseCell *cell)
{
  if (self->bound != NULL)
    g_hash_table_remove (self->bound, cell);
}

const char *
sp_case_view_get_marking (SpCaseView *self,
                          const char *case_id)
{
  g_return_val_if_fail (SP_IS_CASE_VIEW (self), NULL);

  return self->markings && case_id ? g_hash_table_lookup (self->markings, case_id) : NULL;
}

guint
sp_case_view_get_escalations (SpCaseView *self,
                              const char *case_id)
{
  g_return_val_if_fail (SP_IS_CASE_VIEW (self), 0);

  return self->escalations && case_id
           ? GPOINTER_TO_UINT (g_hash_table_lookup (self->escalations, case_id))
           : 0;
}

SpDate
sp_case_view_get_today (SpCaseView *self)
{
  g_return_val_if_fail (SP_IS_CASE_VIEW (self), SP_DATE_NONE);

  return self->today;
}

SpReference *
sp_case_view_get_reference (SpCaseView *self)
{
  g_return_val_if_fail (SP_IS_CASE_VIEW (self), NULL);

  return self->cache;
}

SpCaseListModel *
sp_case_view_get_model (SpCaseView *self)
{
  g_return_val_if_fail (SP_IS_CASE_VIEW (self), NULL);

  return self->model;
}

GtkColumnView *
sp_case_view_get_column_view (SpCaseView *self)
{
  g_return_val_if_fail (SP_IS_CASE_VIEW (self), NULL);

  return self->column_view;
}

GtkSearchBar *
sp_case_view_get_search_bar (SpCaseView *self)
{
  g_return_val_if_fail (SP_IS_CASE_VIEW (self), NULL);

  return self->search_bar;
}

GtkEditable *
sp_case_view_get_search_entry (SpCaseView *self)
{
  g_return_val_if_fail (SP_IS_CASE_VIEW (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

GtkRevealer *
sp_case_view_get_filter_revealer (SpCaseView *self)
{
  g_return_val_if_fail (SP_IS_CASE_VIEW (self), NULL);

  return self->filter_revealer;
}

SpFilterBar *
sp_case_view_get_filter_bar (SpCaseView *self)
{
  g_return_val_if_fail (SP_IS_CASE_VIEW (self), NULL);

  return self->filter_bar;
}

const char *
sp_case_view_get_state (SpCaseView *self)
{
  g_return_val_if_fail (SP_IS_CASE_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

guint
sp_case_view_count_waiting_rows (SpCaseView *self)
{
  GHashTableIter iter;
  gpointer cell;
  guint n = 0;

  g_return_val_if_fail (SP_IS_CASE_VIEW (self), 0);

  if (self->bound == NULL)
    return 0;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    n += sp_case_is_placeholder (sp_case_cell_get_case (cell));

  return n;
}

guint
sp_case_view_count_bound_rows (SpCaseView *self)
{
  g_return_val_if_fail (SP_IS_CASE_VIEW (self), 0);

  return self->bound ? g_hash_table_size (self->bound) : 0;
}
