/* sp-window-private.h: what sp-window.c, sp-window-actions.c and sp-window-sidebar.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-provider-view.h"
#include "sp-window.h"

G_BEGIN_DECLS

struct _SpWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *sidebar_title;
  GtkListBox           *sidebar_list;
  AdwWindowTitle       *content_title;
  AdwHeaderBar         *content_header;
  GtkWidget            *back_button;
  GtkWidget            *new_case_button;
  GtkWidget            *filter_button;
  GtkWidget            *search_button;
  GtkStack             *content_stack;
  SpCaseView           *case_view;
  AdwBin               *case_bin;
  SpProviderView       *provider_view;  /* the provider register */
  AdwStatusPage        *first_run_page;
  AdwStatusPage        *syncing_page;
  GtkProgressBar       *syncing_progress;
  AdwStatusPage        *filling_page;
  GtkSpinner           *filling_spinner;
  AdwStatusPage        *error_page;

  SpContext            *context;
  GError               *store_error;    /* the database's folder could not be made */
  GtkWidget            *sync_indicator;
  SpSyncEngine         *engine;         /* the account's, while signed in */
  guint                 sync_reload_id; /* a reload after the replica changed */
  gint64                progress_shown_at;
  guint                 names_pending;  /* reads of the names and counts under way */
  GSettings            *settings;
  GCancellable         *cancellable;
  GtkWidget            *case_page;      /* the SpCasePage, once made */
  char                 *view;           /* "mine", "all", "diary" or "saved:NAME" */
  char                 *shown_case_id;
  GHashTable           *counts;         /* view → gint64 * */
  gint64                n_cases;        /* every case; -1 until known */
  guint                 counts_serial;
  guint                 pending_demo;   /* --demo asked to fill once known empty */
  gboolean              filling;
  guint                 demo_total;       /* cases the demo fill makes */
  guint                 demo_progress_id;
  gboolean              started_empty;
  gboolean              disposing;      /* children going away; react to nothing */
};

/* sp-window-actions.c */
void     _sp_window_install_actions   (GtkWidgetClass *widget_class);
void     _sp_window_update_actions    (SpWindow       *self);

/* sp-window-sidebar.c */
void     _sp_window_sidebar_init      (SpWindow       *self);
gboolean _sp_window_has_provider_register (SpWindow     *self);
gboolean _sp_window_has_administration (SpWindow       *self);
void     _sp_window_sidebar_rebuild   (SpWindow       *self);

/* sp-window-sync.c */
/* Follows the account's sync engine (set up once, at construction). */
void     _sp_window_setup_account     (SpWindow       *self);
/* The user shown in the sidebar's header. */
void     _sp_window_update_user       (SpWindow       *self);
void     _sp_window_sidebar_select    (SpWindow       *self,
                                       const char     *view);
void     _sp_window_sidebar_update_counts (SpWindow   *self);
void     _sp_window_sidebar_show_counts (SpWindow     *self,
                                         gboolean      show);
void     _sp_window_sidebar_focus_left (SpWindow      *self);
void     _sp_window_sidebar_row_activated (SpWindow      *self,
                                           GtkListBoxRow *row);
/* The filter a view stands for: its conditions and any saved criteria. */
SpCaseFilter *_sp_window_filter_for_view (SpWindow    *self,
                                          const char  *view,
                                          SpCaseViewKind *kind);

/* sp-window-analytics.c */
void     _sp_window_show_analytics    (SpWindow       *self);

/* sp-window-admin.c */
void     _sp_window_show_admin        (SpWindow       *self);

/* sp-window.c */
void     _sp_window_update_page       (SpWindow       *self);
void     _sp_window_go_back           (SpWindow       *self);
void     _sp_window_schedule_sync     (SpWindow       *self);
/* Why the database cannot be used, or NULL. */
const GError *_sp_window_get_error    (SpWindow       *self);
/* The database opened and the local user read: cases can be recorded. */
gboolean _sp_window_usable            (SpWindow       *self);
/* Shows the content page @name; the status pages not shown are hidden
 * (out of the accessibility tree). */
void     _sp_window_show_page         (SpWindow       *self,
                                       const char     *name);

G_END_DECLS
