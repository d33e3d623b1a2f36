/* sp-provider-view-private.h: what the files of SpProviderView share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-chart.h"
#include "sp-contract-issue-page.h"
#include "sp-provider-view.h"
#include "sp-welfare-crime-list.h"

G_BEGIN_DECLS

struct _SpProviderView
{
  AdwBin          parent_instance;

  SpContext      *context;
  GCancellable   *cancellable;
  guint           busy;
  GPtrArray      *providers;        /* SpProvider, by name */
  SpProvider     *shown;
  int             n_shown;

  GtkStack       *stack;
  GtkSearchEntry *search;
  GtkDropDown    *form_filter;
  GtkCheckButton *active_filter;
  GtkListBox     *list;
  GtkWidget      *empty_label;

  GtkLabel       *provider_title;
  GtkListBox     *details_list;
  GtkListBox     *figures_list;
  GtkLabel       *pattern_label;
  SpChart        *trend_chart;
  GtkListBox     *issue_list;
  GtkListBox     *breach_list;

  GtkWidget      *name_entry;
  GtkWidget      *org_entry;
  GtkDropDown    *form_drop;
  GtkWidget      *reference_entry;
  GtkWidget      *starts_entry;
  GtkWidget      *ends_entry;
  GtkWidget      *administration_entry;
  GtkWidget      *contact_entry;
  GtkLabel       *edit_error;
  gboolean        editing_new;

  SpContractIssuePage *issue_page;
  SpWelfareCrimeList  *welfare_list;
};

/* sp-provider-view.c */
void        _sp_provider_view_set_busy      (SpProviderView *self,
                                             gboolean        busy);
/* The job that saves the provider it is given and returns its id. */
gpointer    _sp_provider_view_save_provider (SpStore        *store,
                                             gpointer        data,
                                             GCancellable   *cancellable,
                                             GError        **error);

/* sp-provider-view-form.c: the provider form, new (@provider NULL) or edit */
void        _sp_provider_view_edit          (SpProviderView *self,
                                             SpProvider     *provider);
void        _sp_provider_view_save_clicked  (SpProviderView *self);

G_END_DECLS
