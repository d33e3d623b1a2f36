/* sp-analytics-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <math.h>

#include "sp-analytics-view.h"
#include "sp-analytics-view-private.h"
#include "sp-chart.h"

G_DEFINE_FINAL_TYPE (SpAnalyticsView, sp_analytics_view, GTK_TYPE_BOX)

enum { PROP_0, PROP_WRITTEN, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { SHOW_CASES, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_state (SpAnalyticsView *self,
            const char      *state)
{
  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "loading"));
  gtk_stack_set_visible_child_name (self->analytics_stack, state);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "analytics.export-csv",
                                 g_str_equal (state, "figures"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "analytics.summary",
                                 g_str_equal (state, "figures"));
}

void
_sp_analytics_view_set_status (SpAnalyticsView *self,
                               const char      *text)
{
  gtk_label_set_text (self->status_label, text ? text : "");
}

void
_sp_analytics_view_file_written (SpAnalyticsView *self)
{
  self->written++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITTEN]);
}

static char *
format_share (double share)
{
  if (isnan (share))
    return g_strdup ("–");
  return g_strdup_printf ("%.0f %%", share * 100.0);
}

static char *
format_days (double days)
{
  if (isnan (days))
    return g_strdup ("–");
  /* Translators: a handling time */
  return g_strdup_printf (_("%.1f days"), days);
}

static GtkWidget *
key_figure (const char *id,
            const char *title,
            const char *value,
            const char *comparison)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number = gtk_label_new (value);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *sub = gtk_label_new (comparison);
  g_autofree char *name = g_strconcat ("key-", id, NULL);

  gtk_widget_set_name (number, name);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "key-figure");
  gtk_widget_add_css_class (number, "title-1");
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_widget_add_css_class (sub, "caption");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), sub);
  return box;
}

static char *
compare_counts (gint64 previous,
                gint64 last_year)
{
  g_autofree char *before = g_strdup_printf ("%" G_GINT64_FORMAT, previous);
  g_autofree char *last = g_strdup_printf ("%" G_GINT64_FORMAT, last_year);

  /* Translators: under a key figure: the previous period's and last year's */
  return g_strdup_printf (_("Before: %s · Last year: %s"), before, last);
}

static void
fill_key_figures (SpAnalyticsView *self)
{
  SpStatsReport *r = self->data->report;
  double justified = sp_stats_figures_assessment_share (r->current, SP_ASSESSMENT_JUSTIFIED);
  g_autofree char *total = g_strdup_printf ("%" G_GINT64_FORMAT, r->current->total);
  g_autofree char *total_cmp = compare_counts (r->previous->total, r->last_year->total);
  g_autofree char *positive = g_strdup_printf ("%" G_GINT64_FORMAT, r->current->positive);
  g_autofree char *positive_cmp = compare_counts (r->previous->positive, r->last_year->positive);
  g_autofree char *complaints = g_strdup_printf ("%" G_GINT64_FORMAT, r->current->complaints);
  g_autofree char *complaints_cmp = compare_counts (r->previous->complaints, r->last_year->complaints);
  g_autofree char *within = format_share (sp_stats_figures_within_share (r->current));
  g_autofree char *within_prev = format_share (sp_stats_figures_within_share (r->previous));
  g_autofree char *within_last = format_share (sp_stats_figures_within_share (r->last_year));
  g_autofree char *within_cmp = g_strdup_printf (_("Before: %s · Last year: %s"), within_prev, within_last);
  g_autofree char *median = format_days (r->current->median_days);
  g_autofree char *p90 = format_days (r->current->p90_days);
  g_autofree char *median_cmp = g_strdup_printf (_("90th percentile: %s"), p90);
  g_autofree char *share = format_share (justified);
  g_autofree char *assessed = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               r->current->complaints -
                                               r->current->assessment[SP_ASSESSMENT_NOT_ASSESSED]);
  /* Translators: under the share of complaints justified */
  g_autofree char *share_cmp = g_strdup_printf (_("Of %s assessed"), assessed);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->key_figures))) != NULL)
    gtk_flow_box_remove (self->key_figures, child);

  gtk_flow_box_append (self->key_figures, key_figure ("total", _("Cases"), total, total_cmp));
  gtk_flow_box_append (self->key_figures, key_figure ("complaints", _("Complaints"), complaints,
                                                      complaints_cmp));
  gtk_flow_box_append (self->key_figures, key_figure ("positive", _("Positive feedback"), positive,
                                                      positive_cmp));
  gtk_flow_box_append (self->key_figures, key_figure ("within", _("Answered within the deadline"),
                                                      within, within_cmp));
  gtk_flow_box_append (self->key_figures, key_figure ("median", _("Median handling time"), median,
                                                      median_cmp));
  gtk_flow_box_append (self->key_figures, key_figure ("justified", _("Complaints justified"), share,
                                                      share_cmp));
}

static void
fill_signals (SpAnalyticsView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GPtrArray *found = self->data->signals;

  if (found == NULL || found->len == 0)
    {
      gtk_label_set_text (self->signals_label,
                          _("No pattern signals: no category, unit or provider clearly exceeds "
                            "what the previous three periods predict."));
      return;
    }
  g_string_append_printf (text, "<b>%s</b>", _("Pattern signals"));
  for (guint i = 0; i < found->len; i++)
    {
      SpStatsSignal *s = g_ptr_array_index (found, i);
      g_autofree char *name = _sp_analytics_view_key_name (self, s->dimension, s->key);
      g_autofree char *escaped = g_markup_escape_text (name, -1);

      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, s->count);
      g_autofree char *before = g_strdup_printf ("%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %"
                                                 G_GINT64_FORMAT, s->previous[0], s->previous[1],
                                                 s->previous[2]);

      g_string_append_c (text, '\n');
      /* Translators: a pattern signal: name, count, the three periods before, the mean, p */
      g_string_append_printf (text, _("%s: %s cases (before: %s; expected %.1f; Poisson p = %.4f)"),
                              escaped, count, before, s->expected, s->p_value);
    }
  gtk_label_set_markup (self->signals_label, text->str);
}

static void
chart_activated (SpChart         *chart,
                 const char      *key,
                 SpAnalyticsView *self)
{
  const char *id = g_object_get_data (G_OBJECT (chart), "chart-id");
  g_autoptr(SpCaseFilter) filter = sp_case_filter_new ();
  int value;

  filter->from = self->data->period.from;
  filter->to = self->data->period.to;
  if (g_str_equal (id, "category"))
    filter->category = g_strdup (key);
  else if (g_str_equal (id, "unit"))
    filter->unit_id = g_strdup (key);
  else if (g_str_equal (id, "kind-valence") && sp_enum_from_name (&sp_case_kind_info, key, &value))
    filter->kinds = 1u << value;
  else if (g_str_equal (id, "trend"))
    {
      int year, month;

      if (sscanf (key, "%d-%d", &year, &month) != 2)
        return;
      filter->from = sp_date_new (year, month, 1);
      filter->to = sp_date_new (year, month, g_date_get_days_in_month (month, year));
    }
  else
    return;  /* the case list filters on no channel */
  g_signal_emit (self, signals[SHOW_CASES], 0, filter);
}

static void
fill_charts (SpAnalyticsView *self)
{
  for (guint i = 0; sp_analytics_chart_ids[i] != NULL; i++)
    {
      const char *id = sp_analytics_chart_ids[i];
      SpChartData *data = sp_analytics_data_chart (self->data, id, self->names);
      GtkWidget *card = g_hash_table_lookup (self->cards, id);

      if (card == NULL)
        {
          card = _sp_analytics_card_new (id);
          g_hash_table_insert (self->cards, g_strdup (id), card);
          gtk_flow_box_append (self->charts_box, card);
          g_signal_connect_object (_sp_analytics_card_get_chart (card), "activate-label",
                                   G_CALLBACK (chart_activated), self, 0);
        }
      _sp_analytics_card_set_data (card, data);
    }
}

static void
computed (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SpAnalyticsView) self = user_data;
  g_autoptr(GError) error = NULL;
  SpAnalyticsData *data;

  data = sp_analytics_data_compute_finish (SP_STORE_WORKER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->disposed)
    {
      g_clear_pointer (&data, sp_analytics_data_free);
      return;
    }
  if (data == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      show_state (self, "error");
      return;
    }
  g_clear_pointer (&self->data, sp_analytics_data_free);
  self->data = data;
  fill_key_figures (self);
  fill_signals (self);
  fill_charts (self);
  _sp_analytics_view_fill_compilations (self);
  show_state (self, "figures");
}

static void
current_period (SpAnalyticsView *self,
                SpPeriod        *period)
{
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  guint choice = gtk_drop_down_get_selected (self->period_dropdown);

  *period = choice < 3 ? sp_period_tertial (year, (int) choice + 1) : sp_period_year (year);
}

void
sp_analytics_view_reload (SpAnalyticsView *self)
{
  SpPeriod period;
  guint scope = gtk_drop_down_get_selected (self->scope_dropdown);

  g_return_if_fail (SP_IS_ANALYTICS_VIEW (self));

  if (self->worker == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  current_period (self, &period);
  show_state (self, "loading");
  sp_analytics_data_compute_async (self->worker, &period,
                                   scope < self->scopes->len ? g_ptr_array_index (self->scopes, scope)
                                                             : "organisation",
                                   self->cancellable, computed, g_object_ref (self));
}

static void
period_changed (SpAnalyticsView *self)
{
  if (!self->updating)
    sp_analytics_view_reload (self);
}

void
sp_analytics_view_set_period (SpAnalyticsView *self,
                              int              year,
                              int              tertial)
{
  g_return_if_fail (SP_IS_ANALYTICS_VIEW (self));
  g_return_if_fail (tertial >= 0 && tertial <= 3);

  self->updating++;
  gtk_spin_button_set_value (self->year_spin, year);
  gtk_drop_down_set_selected (self->period_dropdown, tertial == 0 ? 3 : (guint) tertial - 1);
  self->updating--;
  sp_analytics_view_reload (self);
}

static void
sp_analytics_view_dispose (GObject *object)
{
  SpAnalyticsView *self = SP_ANALYTICS_VIEW (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->data, sp_analytics_data_free);
  g_clear_object (&self->chooser);
  g_clear_object (&self->worker);
  g_clear_object (&self->names);
  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_pointer (&self->scopes, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_ANALYTICS_VIEW);
  G_OBJECT_CLASS (sp_analytics_view_parent_class)->dispose (object);
}

static void
sp_analytics_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SpAnalyticsView *self = SP_ANALYTICS_VIEW (object);

  switch (prop_id)
    {
    case PROP_WRITTEN:
      g_value_set_uint (value, self->written);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_analytics_view_class_init (SpAnalyticsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_analytics_view_dispose;
  object_class->get_property = sp_analytics_view_get_property;

  properties[PROP_WRITTEN] = g_param_spec_uint ("written", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The cases behind a bar: a filter for the case list. */
  signals[SHOW_CASES] = g_signal_new ("show-cases", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, SP_TYPE_CASE_FILTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-analytics-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SpAnalyticsView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpAnalyticsView, year_spin);
  gtk_widget_class_bind_template_child (widget_class, SpAnalyticsView, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpAnalyticsView, status_label);
  gtk_widget_class_bind_template_child (widget_class, SpAnalyticsView, analytics_stack);
  gtk_widget_class_bind_template_child (widget_class, SpAnalyticsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, SpAnalyticsView, error_page);
  gtk_widget_class_bind_template_child (widget_class, SpAnalyticsView, key_figures);
  gtk_widget_class_bind_template_child (widget_class, SpAnalyticsView, signals_label);
  gtk_widget_class_bind_template_child (widget_class, SpAnalyticsView, charts_box);
  gtk_widget_class_bind_template_child (widget_class, SpAnalyticsView, compilations_list);
  gtk_widget_class_bind_template_child (widget_class, SpAnalyticsView, compilations_empty);

  _sp_analytics_view_install_actions (widget_class);
}

static void
sp_analytics_view_init (SpAnalyticsView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int month = g_date_time_get_month (now);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->scopes = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();

  /* The last whole tertial, as the quality report asks for. */
  self->updating++;
  gtk_spin_button_set_value (self->year_spin, g_date_time_get_year (now) - (month <= 4 ? 1 : 0));
  gtk_drop_down_set_selected (self->period_dropdown, month <= 4 ? 2 : month <= 8 ? 0 : 1);
  self->updating--;

  g_signal_connect_object (self->period_dropdown, "notify::selected",
                           G_CALLBACK (period_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->year_spin, "value-changed",
                           G_CALLBACK (period_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scope_dropdown, "notify::selected",
                           G_CALLBACK (period_changed), self, G_CONNECT_SWAPPED);
  show_state (self, "loading");
}

GtkWidget *
sp_analytics_view_new (SpStoreWorker *worker,
                       SpReference   *names)
{
  SpAnalyticsView *self = g_object_new (SP_TYPE_ANALYTICS_VIEW, NULL);

  self->worker = worker ? g_object_ref (worker) : NULL;
  self->names = names ? g_object_ref (names) : NULL;
  _sp_analytics_view_fill_scopes (self);
  if (names != NULL)
    g_signal_connect_object (names, "changed", G_CALLBACK (_sp_analytics_view_fill_scopes), self,
                             G_CONNECT_SWAPPED);
  sp_analytics_view_reload (self);
  return GTK_WIDGET (self);
}

void
sp_analytics_view_set_actor (SpAnalyticsView *self,
                             const SpActor   *actor)
{
  g_return_if_fail (SP_IS_ANALYTICS_VIEW (self));

  self->actor = actor;
}

const char *
sp_analytics_view_get_state (SpAnalyticsView *self)
{
  g_return_val_if_fail (SP_IS_ANALYTICS_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->analytics_stack);
}

SpAnalyticsData *
sp_analytics_view_get_data (SpAnalyticsView *self)
{
  g_return_val_if_fail (SP_IS_ANALYTICS_VIEW (self), NULL);

  return self->data;
}

guint
sp_analytics_view_get_written (SpAnalyticsView *self)
{
  g_return_val_if_fail (SP_IS_ANALYTICS_VIEW (self), 0);

  return self->written;
}
