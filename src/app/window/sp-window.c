/* sp-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is a leaflet: the sidebar of views (sp-window-sidebar.c) and
 * the content pane, which shows the case list, one case, the first-run
 * page or the demo-data spinner. Everything it reads goes through the
 * context's store worker, off the main thread. Actions live in
 * sp-window-actions.c.
 */

#include <glib/gi18n.h>

#include "sp-format.h"
#include "sp-window-private.h"

#include "sp-case-page.h"

G_DEFINE_FINAL_TYPE (SpWindow, sp_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_CONTEXT, PROP_STORE_ERROR, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
sp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpWindow *self = SP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_STORE_ERROR:
      g_value_set_boxed (value, self->store_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SpWindow *self = SP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_STORE_ERROR:
      self->store_error = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
folded_changed (SpWindow *self)
{
  if (self->disposing)
    return;

  sp_case_view_set_compact (self->case_view, adw_leaflet_get_folded (self->leaflet));
  _sp_window_update_actions (self);
}

static const char *
view_title (const char *view)
{
  if (g_strcmp0 (view, "mine") == 0)
    return _("My Cases");
  if (g_strcmp0 (view, "diary") == 0)
    return _("Diary");
  if (g_strcmp0 (view, "analytics") == 0)
    return _("Analytics");
  if (g_strcmp0 (view, "providers") == 0)
    return _("Providers");
  if (g_strcmp0 (view, "admin") == 0)
    return C_("view", "Administration");
  if (g_strcmp0 (view, "queue") == 0)
    return _("To Register");
  if (view != NULL && g_str_has_prefix (view, "saved:"))
    return view + strlen ("saved:");
  return _("All Cases");
}

static void
update_title (SpWindow *self)
{
  SpCaseListModel *model = sp_case_view_get_model (self->case_view);
  g_autofree char *subtitle = NULL;

  /* No count of a list still being filled by a first sync. */
  if (model != NULL && sp_case_list_model_get_loaded (model) && g_strcmp0 (self->view, "providers") != 0 &&
      g_strcmp0 (self->view, "admin") != 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "syncing") != 0)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
      g_autofree char *count = sp_format_count (n);

      /* Translators: %s is a count, its thousands grouped (“100,000”) */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s case", "%s cases", n), count);
    }

  if (self->shown_case_id != NULL)
    {
      SpCasePage *page = self->case_page ? SP_CASE_PAGE (self->case_page) : NULL;
      const char *title = page ? sp_case_page_get_title (page) : NULL;
      const char *subject = page ? sp_case_page_get_subtitle (page) : NULL;

      /* The case's diary number (or "Not registered") and its subject;
       * "Case" only while none is shown. */
      /* Translators: the title above one case that is not shown */
      adw_window_title_set_title (self->content_title, title ? title : _("Case"));
      adw_window_title_set_subtitle (self->content_title,
                                     title ? (subject ? subject : "") : view_title (self->view));
      return;
    }

  adw_window_title_set_title (self->content_title, view_title (self->view));
  adw_window_title_set_subtitle (self->content_title,
                                 subtitle && g_strcmp0 (self->view, "analytics") != 0 ? subtitle : "");
}

/* The status pages not shown are hidden, not only covered, so that a
 * screen reader does not find them. The list and the case keep their
 * state while another page is shown. */
void
_sp_window_show_page (SpWindow   *self,
                      const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->content_stack, name);

  g_return_if_fail (page != NULL);

  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (self->content_stack, page);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *child_name = gtk_stack_page_get_name (gtk_stack_get_page (self->content_stack,
                                                                           child));

      if (child != page && g_strcmp0 (child_name, "list") != 0 &&
          g_strcmp0 (child_name, "case") != 0)
        gtk_widget_set_visible (child, FALSE);
    }
}

void
_sp_window_update_page (SpWindow *self)
{
  SpAccount *account = sp_context_get_account (self->context);
  const char *page;

  if (self->disposing)
    return;

  if (_sp_window_get_error (self) != NULL)
    page = "error";
  else if (self->filling)
    page = "filling";
  else if (account != NULL && sp_account_is_signed_out (account))
    page = "signed-out";
  else if (g_strcmp0 (self->view, "admin") == 0 && self->shown_case_id == NULL)
    page = "admin";
  else if (self->engine != NULL &&
           (sp_sync_engine_get_loading (self->engine) ||
            (self->n_cases == 0 &&
             (sp_sync_engine_get_state (self->engine) == SP_SYNC_STATE_SYNCING ||
              self->sync_reload_id != 0 || self->names_pending > 0))))
    page = "syncing";
  else if (self->n_cases == 0 && self->engine == NULL && !self->started_empty)
    page = "first-run";
  else if (self->shown_case_id != NULL)
    page = "case";
  else if (g_strcmp0 (self->view, "analytics") == 0)
    page = "analytics";
  else if (g_strcmp0 (self->view, "providers") == 0)
    page = "providers";
  else
    page = "list";

  gtk_spinner_set_spinning (self->filling_spinner, self->filling);
  _sp_window_show_page (self, page);
  _sp_window_sidebar_show_counts (self, !g_str_equal (page, "syncing") &&
                                        !g_str_equal (page, "signed-out"));
  update_title (self);
  _sp_window_update_actions (self);
}

void
_sp_window_go_back (SpWindow *self)
{
  if (self->shown_case_id != NULL)
    {
      g_clear_pointer (&self->shown_case_id, g_free);
      _sp_window_update_page (self);
      gtk_widget_grab_focus (GTK_WIDGET (sp_case_view_get_column_view (self->case_view)));
      return;
    }

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* A change made here goes to the server soon after (debounced), not only
 * at the next periodic sync. */
void
_sp_window_schedule_sync (SpWindow *self)
{
  SpAccount *account = sp_context_get_account (self->context);
  SpSyncEngine *engine = account ? sp_account_get_engine (account) : NULL;

  if (engine != NULL)
    sp_sync_engine_schedule (engine);
}

static void
case_changed (SpWindow   *self,
              const char *case_id)
{
  sp_window_reload (self);
  _sp_window_schedule_sync (self);
}

void
sp_window_show_case (SpWindow   *self,
                     const char *case_id)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (case_id != NULL);

  if (self->case_page == NULL)
    {
      self->case_page = sp_case_page_new (sp_context_get_worker (self->context),
                                          sp_context_get_reference (self->context),
                                          sp_context_get_actor (self->context));
      g_signal_connect_object (self->case_page, "case-changed", G_CALLBACK (case_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->case_page, "notify::title", G_CALLBACK (update_title),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->case_page, "notify::subtitle", G_CALLBACK (update_title),
                               self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->case_bin, self->case_page);
    }

  sp_case_page_set_case_id (SP_CASE_PAGE (self->case_page), case_id);
  g_free (self->shown_case_id);
  self->shown_case_id = g_strdup (case_id);
  sp_case_view_select_case (self->case_view, case_id);
  _sp_window_update_page (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
case_activated (SpWindow   *self,
                const char *case_id)
{
  sp_window_show_case (self, case_id);
}

static void
filter_changed (SpWindow *self)
{
  update_title (self);
}

static void
model_load_finished (SpWindow *self)
{
  update_title (self);
}

/* Runs in the store worker's thread: every case, no filter. */
static gpointer
count_all (SpStore       *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  SpCaseQuery query;
  gint64 n;

  sp_case_query_init (&query);
  if ((n = sp_store_count_cases (store, &query, error)) < 0)
    return NULL;

  return g_memdup2 (&n, sizeof n);
}

static void
count_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *n_cases = NULL;

  n_cases = sp_store_worker_run_finish (SP_STORE_WORKER (object), result, &error);
  self->names_pending--;
  if (n_cases == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_description (self->error_page, error->message);
          _sp_window_show_page (self, "error");
        }
      return;
    }

  self->n_cases = *n_cases;

  if (self->n_cases == 0 && self->pending_demo > 0)
    {
      guint n = self->pending_demo;

      self->pending_demo = 0;
      sp_window_fill_demo (self, n);
      return;
    }
  self->pending_demo = 0;

  _sp_window_update_page (self);
  _sp_window_sidebar_update_counts (self);
}

static void
reload_count (SpWindow *self)
{
  self->names_pending++;
  sp_store_worker_run_async (sp_context_get_worker (self->context), count_all, NULL, NULL,
                             g_free, self->cancellable, count_read_cb, g_object_ref (self));
}

void
sp_window_reload (SpWindow *self)
{
  g_return_if_fail (SP_IS_WINDOW (self));

  if (_sp_window_get_error (self) != NULL)
    return;

  sp_case_view_reload (self->case_view);
  /* The register too, when it is shown: a demo fill or a sync brings
   * providers after it was first read. */
  if (g_strcmp0 (self->view, "providers") == 0)
    sp_provider_view_reload (self->provider_view);
  reload_count (self);
}

static void
fill_demo_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean filled;

  filled = sp_context_fill_demo_finish (SP_CONTEXT (object), result, &error);
  self->filling = FALSE;
  g_clear_handle_id (&self->demo_progress_id, g_source_remove);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not add demo data: %s"),
                                                  error->message);
      sp_window_add_toast (self, message);
    }
  else if (filled)
    {
      sp_window_add_toast (self, _("Demo data added"));
    }

  sp_window_reload (self);
  _sp_window_update_page (self);
}

/* While the demo fill runs: how far it has come, every quarter second. */
static gboolean
show_demo_progress (gpointer user_data)
{
  SpWindow *self = user_data;
  g_autofree char *done = sp_format_count (sp_context_get_demo_done (self->context));
  g_autofree char *total = sp_format_count (self->demo_total);
  g_autofree char *description = NULL;

  /* Translators: the demo data being made, e.g. “12,500 of 100,000 demo cases made” */
  description = g_strdup_printf (_("%s of %s demo cases made, with their district, units and "
                                   "providers."), done, total);
  adw_status_page_set_description (self->filling_page, description);

  return G_SOURCE_CONTINUE;
}

void
sp_window_fill_demo (SpWindow *self,
                     guint     n_cases)
{
  g_autofree char *description = NULL;

  g_return_if_fail (SP_IS_WINDOW (self));

  if (self->filling || !_sp_window_usable (self))
    return;

  self->filling = TRUE;
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Adding %u demo case with its district, units "
                                              "and providers. This takes a moment.",
                                              "Adding %u demo cases with their district, units "
                                              "and providers. This takes a moment.",
                                              n_cases), n_cases);
  adw_status_page_set_description (self->filling_page, description);
  _sp_window_update_page (self);
  self->demo_total = n_cases;
  g_clear_handle_id (&self->demo_progress_id, g_source_remove);
  self->demo_progress_id = g_timeout_add (250, show_demo_progress, self);

  sp_context_fill_demo_async (self->context, n_cases, self->cancellable,
                                  fill_demo_cb, g_object_ref (self));
}

static void
restore_state (SpWindow *self)
{
  g_autoptr(GVariant) filter = NULL;
  g_autofree char *view = NULL;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  view = g_settings_get_string (self->settings, "last-view");
  sp_window_set_view (self, view);

  /* The filter bar as it was left, unless the view is a saved filter
   * (which brings its own) or has no list. */
  if (!g_str_has_prefix (self->view, "saved:") && g_strcmp0 (self->view, "analytics") != 0 &&
      g_strcmp0 (self->view, "admin") != 0)
    {
      SpCaseViewKind kind;
      g_autoptr(SpCaseFilter) base = _sp_window_filter_for_view (self, self->view, &kind);

      filter = g_settings_get_value (self->settings, "filter");
      sp_case_filter_load_variant (base, filter);
      sp_case_view_set_view (self->case_view, kind, base);
    }
}

static gboolean
sp_window_close_request (GtkWindow *window)
{
  SpWindow *self = SP_WINDOW (window);
  g_autoptr(GVariant) filter = NULL;
  int width, height;

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_set_string (self->settings, "last-view", self->view);
      filter = sp_case_filter_to_variant (sp_case_view_get_filter (self->case_view));
      if (!g_str_has_prefix (self->view, "saved:"))
        g_settings_set_value (self->settings, "filter", g_steal_pointer (&filter));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (sp_window_parent_class)->close_request (window);
}

static void sp_window_constructed (GObject *object);

static void
sp_window_dispose (GObject *object)
{
  SpWindow *self = SP_WINDOW (object);

  self->disposing = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->sync_reload_id, g_source_remove);
  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (self->engine, self);
  g_clear_object (&self->engine);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->view, g_free);
  g_clear_pointer (&self->shown_case_id, g_free);
  self->case_page = NULL;
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (sp_window_parent_class)->dispose (object);
}

static void
sp_window_class_init (SpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sp_window_dispose;
  object_class->constructed = sp_window_constructed;
  object_class->get_property = sp_window_get_property;
  object_class->set_property = sp_window_set_property;
  window_class->close_request = sp_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SP_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE_ERROR] =
    g_param_spec_boxed ("store-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SP_TYPE_CASE_VIEW);
  g_type_ensure (SP_TYPE_PROVIDER_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/se/synpunkt/Synpunkt/sp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, new_case_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, case_view);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, case_bin);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, provider_view);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, first_run_page);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, syncing_page);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, syncing_progress);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, filling_page);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, filling_spinner);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, case_activated);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, _sp_window_sidebar_focus_left);
  gtk_widget_class_bind_template_callback (widget_class, _sp_window_sidebar_row_activated);

  _sp_window_install_actions (widget_class);
}

static void
sp_window_init (SpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->view = g_strdup ("all");
  self->n_cases = -1;

  if (g_str_has_suffix (APP_ID, ".Devel"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/* The user changed (signed in or out, or a new unit): "My Cases" shows
 * theirs. The window watches the context; nobody pushes this. */
static void
current_user_changed (SpWindow *self)
{
  if (self->disposing)
    return;

  _sp_window_update_user (self);
  if (self->case_page != NULL && sp_context_get_actor (self->context) != NULL)
    sp_case_page_set_actor (SP_CASE_PAGE (self->case_page), sp_context_get_actor (self->context));

  /* My Cases follows the new user; the filter bar keeps its criteria. */
  if (g_strcmp0 (self->view, "mine") == 0)
    {
      SpCaseViewKind kind;
      g_autoptr(SpCaseFilter) mine = _sp_window_filter_for_view (self, "mine", &kind);
      g_autoptr(SpCaseFilter) filter = sp_case_filter_copy (sp_case_view_get_filter (self->case_view));

      g_free (filter->mine_user_id);
      g_free (filter->mine_unit_id);
      filter->mine_user_id = g_strdup (mine->mine_user_id);
      filter->mine_unit_id = g_strdup (mine->mine_unit_id);
      sp_case_view_set_view (self->case_view, kind, filter);
    }
  /* The entries depend on the roles (the provider register); the counts
   * are counted again with them. */
  _sp_window_sidebar_rebuild (self);
  /* Someone who is no administrator does not keep the administration. */
  if (g_strcmp0 (self->view, "admin") == 0 && !_sp_window_has_administration (self))
    sp_window_set_view (self, "all");
  _sp_window_update_actions (self);
}

static void
context_error_changed (SpWindow *self)
{
  const GError *error = _sp_window_get_error (self);

  if (error != NULL)
    adw_status_page_set_description (self->error_page, error->message);
  _sp_window_update_page (self);
}

static void
sp_window_constructed (GObject *object)
{
  SpWindow *self = SP_WINDOW (object);

  G_OBJECT_CLASS (sp_window_parent_class)->constructed (object);

  g_assert (SP_IS_CONTEXT (self->context));
  self->settings = g_object_ref (sp_context_get_settings (self->context));

  g_signal_connect_object (self->context, "notify::current-user",
                           G_CALLBACK (current_user_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::ready",
                           G_CALLBACK (current_user_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::error",
                           G_CALLBACK (context_error_changed), self, G_CONNECT_SWAPPED);
  _sp_window_update_user (self);

  if (_sp_window_get_error (self) != NULL)
    {
      context_error_changed (self);
      return;
    }

  sp_case_view_setup (self->case_view, sp_context_get_worker (self->context),
                      sp_context_get_reference (self->context));
  sp_provider_view_set_context (self->provider_view, self->context);
  g_signal_connect_object (sp_case_view_get_model (self->case_view), "load-finished",
                           G_CALLBACK (model_load_finished), self, G_CONNECT_SWAPPED);
  g_object_bind_property (sp_case_view_get_search_bar (self->case_view), "search-mode-enabled",
                          self->search_button, "active",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (sp_case_view_get_filter_revealer (self->case_view), "reveal-child",
                          self->filter_button, "active",
                          G_BINDING_SYNC_CREATE);
  gtk_search_bar_set_key_capture_widget (sp_case_view_get_search_bar (self->case_view),
                                         GTK_WIDGET (self));

  _sp_window_sidebar_init (self);
  restore_state (self);
  _sp_window_setup_account (self);

  /* Folded, the window opens on the list, not on the sidebar. */
  adw_leaflet_set_visible_child_name (self->leaflet, "content");

  /* Show the list's spinner until the first answer; no first-run page
   * before we know the database is empty. */
  self->started_empty = FALSE;
  _sp_window_show_page (self, "list");
  reload_count (self);
  folded_changed (self);
}

SpWindow *
sp_window_new (GtkApplication *application,
               SpContext      *context,
               const GError   *store_error)
{
  SpWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SP_IS_CONTEXT (context), NULL);

  /* The folder's error comes before the context is made, so that the
   * window shows it instead of the list. */
  self = g_object_new (SP_TYPE_WINDOW,
                       "application", application,
                       "store-error", store_error,
                       "context", context,
                       NULL);

  return self;
}

void
sp_window_request_demo (SpWindow *self,
                        guint     n_cases)
{
  g_return_if_fail (SP_IS_WINDOW (self));

  /* Filled once the first count says the database is empty. */
  self->pending_demo = n_cases;
}

const GError *
_sp_window_get_error (SpWindow *self)
{
  if (self->store_error != NULL)
    return self->store_error;

  return self->context != NULL ? sp_context_get_error (self->context) : NULL;
}

gboolean
_sp_window_usable (SpWindow *self)
{
  return self->context != NULL && _sp_window_get_error (self) == NULL &&
         sp_context_get_ready (self->context);
}

SpContext *
sp_window_get_context (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return self->context;
}

SpCaseView *
sp_window_get_case_view (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return self->case_view;
}

const char *
sp_window_get_page (SpWindow *self)
{
  const char *page;

  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  page = gtk_stack_get_visible_child_name (self->content_stack);
  if (g_strcmp0 (page, "list") == 0)
    return sp_case_view_get_state (self->case_view);

  return page;
}

const char *
sp_window_get_view (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return self->view;
}

void
sp_window_set_view (SpWindow   *self,
                    const char *view)
{
  g_autoptr(SpCaseFilter) base = NULL;
  SpCaseViewKind kind;

  g_return_if_fail (SP_IS_WINDOW (self));

  if (g_strcmp0 (view, "analytics") == 0)
    {
      _sp_window_show_analytics (self);
      return;
    }
  if (g_strcmp0 (view, "admin") == 0 && _sp_window_has_administration (self))
    {
      _sp_window_show_admin (self);
      return;
    }
  /* The provider register is no case list. */
  if (g_strcmp0 (view, "providers") == 0)
    {
      g_free (self->view);
      self->view = g_strdup (view);
      g_clear_pointer (&self->shown_case_id, g_free);
      _sp_window_sidebar_select (self, view);
      sp_provider_view_reload (self->provider_view);
      _sp_window_update_page (self);
      return;
    }

  base = _sp_window_filter_for_view (self, view, &kind);
  if (base == NULL)
    {
      /* A saved filter that is gone, or a view we do not know. */
      view = "all";
      base = _sp_window_filter_for_view (self, view, &kind);
    }

  g_free (self->view);
  self->view = g_strdup (view);
  g_clear_pointer (&self->shown_case_id, g_free);

  _sp_window_sidebar_select (self, view);
  sp_case_view_set_view (self->case_view, kind, base);
  _sp_window_update_page (self);
}

void
sp_window_add_toast (SpWindow   *self,
                     const char *title)
{
  g_return_if_fail (SP_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

gint64
sp_window_get_view_count (SpWindow   *self,
                          const char *view)
{
  gint64 *count;

  g_return_val_if_fail (SP_IS_WINDOW (self), -1);

  count = g_hash_table_lookup (self->counts, view);

  return count != NULL ? *count : -1;
}

const char *
sp_window_get_subtitle (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return adw_window_title_get_subtitle (self->content_title);
}
