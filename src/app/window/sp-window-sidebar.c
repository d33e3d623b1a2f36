/* sp-window-sidebar.c: the window's views and saved filters, with counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saved filters live in GSettings (saved-filters, a{sa{sv}}: name → the
 * filter bar's criteria). Counts are read in the store worker's thread,
 * one COUNT per entry, and shown when they all arrive.
 */

#include <glib/gi18n.h>

#include "sp-format.h"
#include "sp-window-private.h"

#define SAVED_PREFIX "saved:"
/* Not a view: the count of My Cases' overdue cases, shown as a badge. */
#define MINE_OVERDUE "mine:overdue"
#define MAX_FILTER_NAME 60


SpCaseFilter *
_sp_window_filter_for_view (SpWindow       *self,
                            const char     *view,
                            SpCaseViewKind *kind)
{
  g_autoptr(SpCaseFilter) filter = sp_case_filter_new ();

  if (g_strcmp0 (view, "mine") == 0)
    {
      SpUser *user = sp_context_get_current_user (self->context);

      *kind = SP_CASE_VIEW_MINE;
      if (user != NULL)
        {
          filter->mine_user_id = g_strdup (SP_ENTITY (user)->id);
          filter->mine_unit_id = g_strdup (user->unit_id);
        }
      filter->view_statuses = SP_CASE_FILTER_OPEN_STATUSES;
    }
  else if (g_strcmp0 (view, "diary") == 0)
    {
      *kind = SP_CASE_VIEW_DIARY;
      filter->registered_only = TRUE;
    }
  else if (g_strcmp0 (view, "queue") == 0)
    {
      /* R4: what waits for the diary, oldest first. */
      *kind = SP_CASE_VIEW_QUEUE;
      filter->registration_queue = TRUE;
      filter->view_statuses = 1u << SP_STATUS_RECEIVED;
      filter->sort = SP_CASE_SORT_RECEIVED_ON;
      filter->descending = FALSE;
    }
  else if (view != NULL && g_str_has_prefix (view, SAVED_PREFIX))
    {
      g_autoptr(GVariant) saved = g_settings_get_value (self->settings, "saved-filters");
      g_autoptr(GVariant) criteria = NULL;

      *kind = SP_CASE_VIEW_SAVED;
      criteria = g_variant_lookup_value (saved, view + strlen (SAVED_PREFIX),
                                         G_VARIANT_TYPE_VARDICT);
      if (criteria == NULL)
        return NULL;
      sp_case_filter_load_variant (filter, criteria);
    }
  else if (g_strcmp0 (view, "all") == 0)
    {
      *kind = SP_CASE_VIEW_ALL;
    }
  else
    {
      return NULL;
    }

  return g_steal_pointer (&filter);
}

static void
remove_clicked (GtkButton *button,
                SpWindow  *self)
{
  const char *view = g_object_get_data (G_OBJECT (button), "view");

  sp_window_remove_saved_filter (self, view + strlen (SAVED_PREFIX));
}

static GtkWidget *
make_row (SpWindow   *self,
          const char *view,
          const char *icon_name,
          const char *title,
          gboolean    removable)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  /* A saved filter's name is the user's: it may take two lines, and the
   * whole of it shows in a tooltip where even that cuts it. */
  if (removable)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_widget_set_tooltip_text (label, title);
    }
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (count, "sidebar-count");

  /* My Cases says in red how many of them are overdue, close to its
   * count, so that the view's name keeps its room. */
  if (g_str_equal (view, "mine"))
    {
      GtkWidget *counts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *overdue = gtk_label_new (NULL);

      gtk_widget_set_name (overdue, "sidebar-overdue-badge");
      gtk_widget_add_css_class (overdue, "sidebar-overdue");
      gtk_widget_add_css_class (overdue, "numeric");
      gtk_widget_set_valign (overdue, GTK_ALIGN_CENTER);
      gtk_widget_set_visible (overdue, FALSE);
      gtk_box_append (GTK_BOX (counts), overdue);
      gtk_box_append (GTK_BOX (counts), count);
      gtk_box_append (GTK_BOX (box), counts);
      g_object_set_data (G_OBJECT (row), "overdue-label", overdue);
    }
  else
    gtk_box_append (GTK_BOX (box), count);

  if (removable)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *tooltip = g_strdup_printf (_("Remove the saved filter “%s”"), title);

      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_add_css_class (remove, "circular");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      g_object_set_data_full (G_OBJECT (remove), "view", g_strdup (view), g_free);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked), self, 0);
      gtk_box_append (GTK_BOX (box), remove);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "view", g_strdup (view), g_free);
  g_object_set_data (G_OBJECT (row), "count-label", count);

  return row;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  const char *view = g_object_get_data (G_OBJECT (row), "view");
  const char *before_view = before ? g_object_get_data (G_OBJECT (before), "view") : NULL;

  if (g_str_has_prefix (view, SAVED_PREFIX) &&
      (before_view == NULL || !g_str_has_prefix (before_view, SAVED_PREFIX)))
    {
      GtkWidget *header = gtk_label_new (_("Saved Filters"));

      gtk_label_set_xalign (GTK_LABEL (header), 0.0f);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "sidebar-heading");
      gtk_list_box_row_set_header (row, header);
    }
  else
    {
      gtk_list_box_row_set_header (row, NULL);
    }
}

static gboolean
has_role (SpWindow *self,
          guint     roles)
{
  SpUser *user = sp_context_get_current_user (self->context);

  return user != NULL && (user->roles & roles) != 0;
}

/* Procurement and the administrator keep the provider register. */
gboolean
_sp_window_has_provider_register (SpWindow *self)
{
  return has_role (self, SP_ROLE_BIT (SP_ROLE_PROCUREMENT) | SP_ROLE_BIT (SP_ROLE_ADMIN));
}

gboolean
_sp_window_has_administration (SpWindow *self)
{
  return has_role (self, SP_ROLE_BIT (SP_ROLE_ADMIN));
}

void
_sp_window_sidebar_init (SpWindow *self)
{
  gtk_list_box_set_header_func (self->sidebar_list, header_func, NULL, NULL);
  g_signal_connect_object (self->settings, "changed::saved-filters",
                           G_CALLBACK (_sp_window_sidebar_rebuild), self, G_CONNECT_SWAPPED);
  _sp_window_sidebar_rebuild (self);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

void
_sp_window_sidebar_rebuild (SpWindow *self)
{
  g_autoptr(GVariant) saved = g_settings_get_value (self->settings, "saved-filters");
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GtkWidget *child;
  GVariantIter iter;
  const char *name;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))) != NULL)
    gtk_list_box_remove (self->sidebar_list, child);

  gtk_list_box_append (self->sidebar_list,
                       make_row (self, "mine", "avatar-default-symbolic", _("My Cases"), FALSE));
  gtk_list_box_append (self->sidebar_list,
                       make_row (self, "all", "view-list-symbolic", _("All Cases"), FALSE));
  gtk_list_box_append (self->sidebar_list,
                       make_row (self, "diary", "x-office-address-book-symbolic", _("Diary"),
                                 FALSE));
  gtk_list_box_append (self->sidebar_list,
                       make_row (self, "analytics", "sp-analytics-symbolic",
                                 _("Analytics"), FALSE));
  if (_sp_window_has_provider_register (self))
    gtk_list_box_append (self->sidebar_list,
                         make_row (self, "providers", "system-users-symbolic", _("Providers"), FALSE));
  /* The registration queue is the registrar's work. */
  if (has_role (self, SP_ROLE_BIT (SP_ROLE_REGISTRAR) | SP_ROLE_BIT (SP_ROLE_ADMIN)))
    gtk_list_box_append (self->sidebar_list,
                         make_row (self, "queue", "mail-unread-symbolic", _("To Register"),
                                   FALSE));

  /* The organisation, its users and rules are the administrator's. */
  if (_sp_window_has_administration (self))
    gtk_list_box_append (self->sidebar_list,
                         make_row (self, "admin", "emblem-system-symbolic", C_("view", "Administration"),
                                   FALSE));

  g_variant_iter_init (&iter, saved);
  while (g_variant_iter_next (&iter, "{&s@a{sv}}", &name, NULL))
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *saved_name = g_ptr_array_index (names, i);
      g_autofree char *view = g_strconcat (SAVED_PREFIX, saved_name, NULL);

      gtk_list_box_append (self->sidebar_list,
                           make_row (self, view, "folder-saved-search-symbolic", saved_name,
                                     TRUE));
    }

  if (self->view != NULL)
    _sp_window_sidebar_select (self, self->view);
  _sp_window_sidebar_update_counts (self);
}

static GtkListBoxRow *
find_row (SpWindow   *self,
          const char *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) &&
          g_strcmp0 (g_object_get_data (G_OBJECT (child), "view"), view) == 0)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

void
_sp_window_sidebar_select (SpWindow   *self,
                           const char *view)
{
  GtkListBoxRow *row = find_row (self, view);

  if (row != NULL)
    gtk_list_box_select_row (self->sidebar_list, row);
}

/* Moving the keyboard focus through the sidebar only moves the highlight:
 * the view changes when a row is activated (a click, Enter or Space), so
 * that Tab and the arrow keys can pass the sidebar. When the focus leaves
 * it, the highlight goes back to the view shown. */
void
_sp_window_sidebar_focus_left (SpWindow *self)
{
  if (!self->disposing && self->view != NULL)
    _sp_window_sidebar_select (self, self->view);
}

void
_sp_window_sidebar_row_activated (SpWindow      *self,
                                  GtkListBoxRow *row)
{
  const char *view = g_object_get_data (G_OBJECT (row), "view");

  if (g_strcmp0 (view, self->view) != 0 || self->shown_case_id != NULL)
    sp_window_set_view (self, view);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

typedef struct
{
  GPtrArray *views;    /* char * */
  GPtrArray *filters;  /* SpCaseFilter * */
} CountRequest;

static void
count_request_free (gpointer p)
{
  CountRequest *request = p;

  g_ptr_array_unref (request->views);
  g_ptr_array_unref (request->filters);
  g_free (request);
}

/* Runs in the worker's thread. */
static gpointer
read_counts (SpStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  CountRequest *request = data;
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (gint64));

  for (guint i = 0; i < request->filters->len; i++)
    {
      SpCaseQuery query;
      gint64 count;

      sp_case_filter_to_query (g_ptr_array_index (request->filters, i), &query);
      count = sp_store_count_cases (store, &query, error);
      if (count < 0)
        return NULL;
      g_array_append_val (counts, count);
    }

  return g_steal_pointer (&counts);
}

typedef struct
{
  SpWindow  *self;
  GPtrArray *views;
  guint      serial;
} CountReply;

/* While a first sync fills the replica, counts would only be the first
 * few pages': none are shown. */
void
_sp_window_sidebar_show_counts (SpWindow *self,
                                gboolean  show)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = g_object_get_data (G_OBJECT (child), "count-label");
      GtkWidget *overdue = g_object_get_data (G_OBJECT (child), "overdue-label");

      if (label != NULL)
        gtk_widget_set_visible (label, show);
      if (overdue != NULL)
        gtk_widget_set_visible (overdue, show && *gtk_label_get_text (GTK_LABEL (overdue)) != '\0');
    }
}

static void
set_overdue_badge (SpWindow *self,
                   gint64    count)
{
  GtkListBoxRow *row = find_row (self, "mine");
  GtkWidget *badge = row ? g_object_get_data (G_OBJECT (row), "overdue-label") : NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (badge == NULL)
    return;
  if (count <= 0)
    {
      gtk_label_set_text (GTK_LABEL (badge), "");
      gtk_widget_set_visible (badge, FALSE);
      return;
    }
  text = sp_format_count (count);
  tooltip = g_strdup_printf (g_dngettext (NULL, "%s of your cases is overdue",
                                          "%s of your cases are overdue", (gulong) count),
                             text);
  gtk_label_set_text (GTK_LABEL (badge), text);
  gtk_widget_set_tooltip_text (badge, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  gtk_widget_set_visible (badge, gtk_widget_get_visible (g_object_get_data (G_OBJECT (row),
                                                                            "count-label")));
}

static void
counts_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  CountReply *reply = user_data;
  SpWindow *self = reply->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) counts = NULL;

  counts = sp_store_worker_run_finish (SP_STORE_WORKER (object), result, &error);

  if (counts != NULL && reply->serial == self->counts_serial && self->counts != NULL)
    {
      for (guint i = 0; i < reply->views->len && i < counts->len; i++)
        {
          const char *view = g_ptr_array_index (reply->views, i);
          gint64 count = g_array_index (counts, gint64, i);
          GtkListBoxRow *row = find_row (self, view);

          g_hash_table_insert (self->counts, g_strdup (view), g_memdup2 (&count, sizeof count));
          if (g_str_equal (view, MINE_OVERDUE))
            set_overdue_badge (self, count);
          else if (row != NULL)
            {
              GtkLabel *label = g_object_get_data (G_OBJECT (row), "count-label");
              g_autofree char *text = sp_format_count (count);
              gtk_label_set_text (label, text);
            }
        }
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_warning ("Could not count cases: %s", error->message);
    }

  g_ptr_array_unref (reply->views);
  g_object_unref (reply->self);
  g_free (reply);
}

void
_sp_window_sidebar_update_counts (SpWindow *self)
{
  SpStoreWorker *worker = sp_context_get_worker (self->context);
  CountRequest *request;
  CountReply *reply;

  if (_sp_window_get_error (self) != NULL)
    return;

  request = g_new0 (CountRequest, 1);
  request->views = g_ptr_array_new_with_free_func (g_free);
  request->filters = g_ptr_array_new_with_free_func (g_object_unref);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *view = g_object_get_data (G_OBJECT (child), "view");
      SpCaseViewKind kind;
      SpCaseFilter *filter;

      if (view == NULL || (filter = _sp_window_filter_for_view (self, view, &kind)) == NULL)
        continue;

      g_ptr_array_add (request->views, g_strdup (view));
      g_ptr_array_add (request->filters, filter);

      if (kind == SP_CASE_VIEW_MINE)
        {
          SpCaseFilter *overdue = _sp_window_filter_for_view (self, view, &kind);

          overdue->overdue_only = TRUE;
          g_ptr_array_add (request->views, g_strdup (MINE_OVERDUE));
          g_ptr_array_add (request->filters, overdue);
        }
    }

  reply = g_new0 (CountReply, 1);
  reply->self = g_object_ref (self);
  reply->views = g_ptr_array_ref (request->views);
  reply->serial = ++self->counts_serial;

  sp_store_worker_run_async (worker, read_counts, request, count_request_free,
                             (GDestroyNotify) g_array_unref, self->cancellable,
                             counts_read_cb, reply);
}

gboolean
sp_window_save_filter (SpWindow    *self,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(GVariant) saved = NULL;
  g_autoptr(GVariant) criteria = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *view = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);

  trimmed = g_strstrip (g_strdup (name ? name : ""));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID, _("Give the filter a name."));
      return FALSE;
    }
  if (!g_utf8_validate (trimmed, -1, NULL) || g_utf8_strlen (trimmed, -1) > MAX_FILTER_NAME)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("The name can be at most %d characters long."), MAX_FILTER_NAME);
      return FALSE;
    }

  criteria = g_variant_ref_sink (sp_case_filter_to_variant (sp_case_view_get_filter (self->case_view)));
  saved = g_settings_get_value (self->settings, "saved-filters");

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sa{sv}}"));
  g_variant_iter_init (&iter, saved);
  while (g_variant_iter_next (&iter, "{&s@a{sv}}", &key, &value))
    {
      if (g_strcmp0 (key, trimmed) != 0)
        g_variant_builder_add (&builder, "{s@a{sv}}", key, value);
      g_variant_unref (value);
    }
  g_variant_builder_add (&builder, "{s@a{sv}}", trimmed, criteria);

  /* Rebuilds the sidebar through changed::saved-filters. */
  g_settings_set_value (self->settings, "saved-filters", g_variant_builder_end (&builder));

  view = g_strconcat (SAVED_PREFIX, trimmed, NULL);
  sp_window_set_view (self, view);

  return TRUE;
}

void
sp_window_remove_saved_filter (SpWindow   *self,
                               const char *name)
{
  g_autoptr(GVariant) saved = NULL;
  g_autofree char *view = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  view = g_strconcat (SAVED_PREFIX, name, NULL);
  saved = g_settings_get_value (self->settings, "saved-filters");

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sa{sv}}"));
  g_variant_iter_init (&iter, saved);
  while (g_variant_iter_next (&iter, "{&s@a{sv}}", &key, &value))
    {
      if (g_strcmp0 (key, name) != 0)
        g_variant_builder_add (&builder, "{s@a{sv}}", key, value);
      g_variant_unref (value);
    }

  if (g_strcmp0 (self->view, view) == 0)
    sp_window_set_view (self, "all");

  g_settings_set_value (self->settings, "saved-filters", g_variant_builder_end (&builder));
}
