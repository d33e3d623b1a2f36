/* sp-filter-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each drop-down's first entry means "any". The unit drop-down lists units
 * and then private providers, since a case concerns one or the other; the
 * parallel `places` array says which each entry is.
 */

#include <glib/gi18n.h>

#include "sp-filter-bar.h"
#include "sp-wrap-layout.h"

typedef struct
{
  char     *id;
  gboolean  provider;
} Place;

struct _SpFilterBar
{
  GtkWidget       parent_instance;

  GtkWidget      *flow;          /* the filters, on as many lines as the width needs */
  GtkDropDown    *kind_dropdown;
  GtkDropDown    *channel_dropdown;
  GtkDropDown    *area_dropdown;
  GtkDropDown    *valence_dropdown;
  GtkDropDown    *escalation_dropdown;
  GtkDropDown    *status_dropdown;
  GtkDropDown    *place_dropdown;
  GtkDropDown    *category_dropdown;
  GtkToggleButton *overdue_button;
  GtkMenuButton  *from_button;
  GtkMenuButton  *to_button;
  GtkCalendar    *from_calendar;
  GtkCalendar    *to_calendar;

  SpReference    *cache;
  GArray         *places;       /* Place, index 0 = any */
  GPtrArray      *categories;   /* codes, index 0 = NULL (any) */
  SpDate          from;
  SpDate          to;
  guint           blocked;
  /* The criteria as last set or chosen: survives the drop-downs being
   * rebuilt, and keeps a unit whose name has not been read yet. */
  SpCaseFilter   *current;
};

static void read_widgets (SpFilterBar  *self,
                          SpCaseFilter *filter);

G_DEFINE_FINAL_TYPE (SpFilterBar, sp_filter_bar, GTK_TYPE_WIDGET)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The "Open" entry of the status drop-down comes right after "Any". */
#define STATUS_ANY  0
#define STATUS_OPEN 1
#define STATUS_FIRST 2

static void
place_clear (gpointer p)
{
  Place *place = p;

  g_clear_pointer (&place->id, g_free);
}

static void
criteria_changed (SpFilterBar *self)
{
  if (self->blocked == 0)
    {
      read_widgets (self, self->current);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

static void
update_date_buttons (SpFilterBar *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (self->from != SP_DATE_NONE)
    {
      g_autofree char *date = sp_date_to_string (self->from);
      /* Translators: %s is a date, YYYY-MM-DD */
      from = g_strdup_printf (_("From %s"), date);
    }
  if (self->to != SP_DATE_NONE)
    {
      g_autofree char *date = sp_date_to_string (self->to);
      /* Translators: %s is a date, YYYY-MM-DD */
      to = g_strdup_printf (_("To %s"), date);
    }

  /* Translators: the date filter's button when no first date is chosen;
   * it opens a calendar to choose the first day received */
  gtk_menu_button_set_label (self->from_button, from ? from : _("Received Since…"));
  /* Translators: the date filter's button when no last date is chosen */
  gtk_menu_button_set_label (self->to_button, to ? to : _("Received Until…"));
}

static SpDate
calendar_get_date (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return sp_date_new (g_date_time_get_year (date), g_date_time_get_month (date),
                      g_date_time_get_day_of_month (date));
}

static void
from_day_selected (SpFilterBar *self)
{
  self->from = calendar_get_date (self->from_calendar);
  update_date_buttons (self);
  gtk_menu_button_popdown (self->from_button);
  criteria_changed (self);
}

static void
to_day_selected (SpFilterBar *self)
{
  self->to = calendar_get_date (self->to_calendar);
  update_date_buttons (self);
  gtk_menu_button_popdown (self->to_button);
  criteria_changed (self);
}

static void
from_cleared (SpFilterBar *self)
{
  self->from = SP_DATE_NONE;
  update_date_buttons (self);
  gtk_menu_button_popdown (self->from_button);
  criteria_changed (self);
}

static void
to_cleared (SpFilterBar *self)
{
  self->to = SP_DATE_NONE;
  update_date_buttons (self);
  gtk_menu_button_popdown (self->to_button);
  criteria_changed (self);
}

static void
clear_clicked (SpFilterBar *self)
{
  g_autoptr(SpCaseFilter) empty = sp_case_filter_new ();

  sp_filter_bar_set_criteria (self, empty);
  criteria_changed (self);
}

static GtkStringList *
enum_string_list (const SpEnumInfo *info,
                  const char       *any,
                  const char       *extra)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, any);
  if (extra != NULL)
    gtk_string_list_append (list, extra);
  for (guint i = 0; i < info->n_values; i++)
    gtk_string_list_append (list, sp_enum_get_label (info, (int) i));

  return list;
}

static void
rebuild_names (SpFilterBar *self)
{
  g_autoptr(GtkStringList) places = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(SpCaseFilter) current = sp_case_filter_copy (self->current);
  Place any = { NULL, FALSE };

  g_array_set_size (self->places, 0);
  g_ptr_array_set_size (self->categories, 0);

  gtk_string_list_append (places, _("Any unit or provider"));
  g_array_append_val (self->places, any);
  gtk_string_list_append (categories, _("Any category"));
  g_ptr_array_add (self->categories, NULL);

  if (self->cache != NULL)
    {
      GListModel *units = sp_reference_get_units (self->cache);
      GListModel *providers = sp_reference_get_providers (self->cache);
      GListModel *cats = sp_reference_get_categories (self->cache);

      for (guint i = 0; i < g_list_model_get_n_items (units); i++)
        {
          g_autoptr(SpUnit) unit = g_list_model_get_item (units, i);
          Place place = { g_strdup (SP_ENTITY (unit)->id), FALSE };

          gtk_string_list_append (places, unit->name);
          g_array_append_val (self->places, place);
        }
      for (guint i = 0; i < g_list_model_get_n_items (providers); i++)
        {
          g_autoptr(SpProvider) provider = g_list_model_get_item (providers, i);
          Place place = { g_strdup (SP_ENTITY (provider)->id), TRUE };

          gtk_string_list_append (places, provider->name);
          g_array_append_val (self->places, place);
        }
      for (guint i = 0; i < g_list_model_get_n_items (cats); i++)
        {
          g_autoptr(SpCategory) category = g_list_model_get_item (cats, i);

          gtk_string_list_append (categories,
                                  sp_reference_display_name (SP_ENTITY (category)));
          g_ptr_array_add (self->categories, g_strdup (category->code));
        }
    }

  self->blocked++;
  gtk_drop_down_set_model (self->place_dropdown, G_LIST_MODEL (places));
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (categories));
  self->blocked--;

  sp_filter_bar_set_criteria (self, current);
}

static void
sp_filter_bar_dispose (GObject *object)
{
  SpFilterBar *self = SP_FILTER_BAR (object);

  self->blocked++;
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_FILTER_BAR);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (sp_filter_bar_parent_class)->dispose (object);
}

static void
sp_filter_bar_finalize (GObject *object)
{
  SpFilterBar *self = SP_FILTER_BAR (object);

  g_clear_pointer (&self->places, g_array_unref);
  g_clear_object (&self->current);
  g_clear_pointer (&self->categories, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_filter_bar_parent_class)->finalize (object);
}

static void
sp_filter_bar_class_init (SpFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_filter_bar_dispose;
  object_class->finalize = sp_filter_bar_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  /* A narrow window wraps the filters onto more lines, so that each one
   * is in reach. */
  g_type_ensure (SP_TYPE_WRAP_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, SpFilterBar, flow);
  gtk_widget_class_bind_template_child (widget_class, SpFilterBar, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpFilterBar, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpFilterBar, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpFilterBar, valence_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpFilterBar, escalation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpFilterBar, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpFilterBar, place_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpFilterBar, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpFilterBar, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, SpFilterBar, from_button);
  gtk_widget_class_bind_template_child (widget_class, SpFilterBar, to_button);
  gtk_widget_class_bind_template_child (widget_class, SpFilterBar, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, SpFilterBar, to_calendar);
  gtk_widget_class_bind_template_callback (widget_class, criteria_changed);
  gtk_widget_class_bind_template_callback (widget_class, from_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, to_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, from_cleared);
  gtk_widget_class_bind_template_callback (widget_class, to_cleared);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked);
  gtk_widget_class_set_css_name (widget_class, "filterbar");
}

/* A drop-down of one enum's values after "any": one value or none. */
static void
setup_enum (SpFilterBar      *self,
            GtkDropDown      *dropdown,
            const SpEnumInfo *info,
            const char       *any)
{
  g_autoptr(GtkStringList) values = enum_string_list (info, any, NULL);

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (values));
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (criteria_changed), self);
}

static guint
enum_bits (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return (selected > 0 && selected != GTK_INVALID_LIST_POSITION) ? 1u << (selected - 1) : 0;
}

static void
select_enum (GtkDropDown      *dropdown,
             const SpEnumInfo *info,
             guint             bits)
{
  guint selected = 0;

  for (guint i = 0; i < info->n_values; i++)
    if (bits == 1u << i)
      selected = i + 1;
  gtk_drop_down_set_selected (dropdown, selected);
}

static void
sp_filter_bar_init (SpFilterBar *self)
{
  g_autoptr(GtkStringList) statuses = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->current = sp_case_filter_new ();
  self->places = g_array_new (FALSE, TRUE, sizeof (Place));
  g_array_set_clear_func (self->places, place_clear);
  self->categories = g_ptr_array_new_with_free_func (g_free);

  statuses = enum_string_list (&sp_status_info, _("Any status"), _("Open"));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  setup_enum (self, self->kind_dropdown, &sp_case_kind_info, _("Any kind"));
  setup_enum (self, self->channel_dropdown, &sp_channel_info, _("Any channel"));
  setup_enum (self, self->area_dropdown, &sp_area_info, _("Any area"));
  setup_enum (self, self->valence_dropdown, &sp_valence_info, _("Positive or negative"));
  setup_enum (self, self->escalation_dropdown, &sp_escalation_info, _("Any escalation"));
  rebuild_names (self);
  update_date_buttons (self);

  g_signal_connect_swapped (self->status_dropdown, "notify::selected",
                            G_CALLBACK (criteria_changed), self);
  g_signal_connect_swapped (self->place_dropdown, "notify::selected",
                            G_CALLBACK (criteria_changed), self);
  g_signal_connect_swapped (self->category_dropdown, "notify::selected",
                            G_CALLBACK (criteria_changed), self);
}

GtkWidget *
sp_filter_bar_new (void)
{
  return g_object_new (SP_TYPE_FILTER_BAR, NULL);
}

void
sp_filter_bar_set_reference (SpFilterBar *self,
                              SpReference *cache)
{
  g_return_if_fail (SP_IS_FILTER_BAR (self));

  if (self->cache != NULL)
    g_signal_handlers_disconnect_by_data (self->cache, self);

  g_set_object (&self->cache, cache);

  if (cache != NULL)
    g_signal_connect_object (cache, "changed", G_CALLBACK (rebuild_names), self,
                             G_CONNECT_SWAPPED);

  rebuild_names (self);
}

void
sp_filter_bar_get_criteria (SpFilterBar  *self,
                            SpCaseFilter *filter)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SP_IS_FILTER_BAR (self));
  g_return_if_fail (SP_IS_CASE_FILTER (filter));

  text = g_steal_pointer (&filter->text);
  sp_case_filter_set_criteria (filter, self->current);
  g_free (filter->text);
  filter->text = g_steal_pointer (&text);
}

static void
read_widgets (SpFilterBar  *self,
              SpCaseFilter *filter)
{
  guint selected;

  filter->kinds = enum_bits (self->kind_dropdown);
  filter->channels = enum_bits (self->channel_dropdown);
  filter->areas = enum_bits (self->area_dropdown);
  filter->valences = enum_bits (self->valence_dropdown);
  filter->escalations = enum_bits (self->escalation_dropdown);

  selected = gtk_drop_down_get_selected (self->status_dropdown);
  if (selected == STATUS_OPEN)
    filter->statuses = SP_CASE_FILTER_OPEN_STATUSES;
  else if (selected >= STATUS_FIRST && selected != GTK_INVALID_LIST_POSITION)
    filter->statuses = 1u << (selected - STATUS_FIRST);
  else
    filter->statuses = 0;

  g_clear_pointer (&filter->unit_id, g_free);
  g_clear_pointer (&filter->provider_id, g_free);
  selected = gtk_drop_down_get_selected (self->place_dropdown);
  if (selected > 0 && selected < self->places->len)
    {
      Place *place = &g_array_index (self->places, Place, selected);

      if (place->provider)
        filter->provider_id = g_strdup (place->id);
      else
        filter->unit_id = g_strdup (place->id);
    }

  g_clear_pointer (&filter->category, g_free);
  selected = gtk_drop_down_get_selected (self->category_dropdown);
  if (selected > 0 && selected < self->categories->len)
    filter->category = g_strdup (g_ptr_array_index (self->categories, selected));

  filter->overdue_only = gtk_toggle_button_get_active (self->overdue_button);
  filter->from = self->from;
  filter->to = self->to;
}

void
sp_filter_bar_set_criteria (SpFilterBar  *self,
                            SpCaseFilter *filter)
{
  guint selected = 0;

  g_return_if_fail (SP_IS_FILTER_BAR (self));
  g_return_if_fail (SP_IS_CASE_FILTER (filter));

  if (filter != self->current)
    sp_case_filter_set_criteria (self->current, filter);

  self->blocked++;

  select_enum (self->kind_dropdown, &sp_case_kind_info, filter->kinds);
  select_enum (self->channel_dropdown, &sp_channel_info, filter->channels);
  select_enum (self->area_dropdown, &sp_area_info, filter->areas);
  select_enum (self->valence_dropdown, &sp_valence_info, filter->valences);
  select_enum (self->escalation_dropdown, &sp_escalation_info, filter->escalations);

  selected = STATUS_ANY;
  if (filter->statuses == SP_CASE_FILTER_OPEN_STATUSES)
    selected = STATUS_OPEN;
  else
    for (guint i = 0; i < sp_status_info.n_values; i++)
      if (filter->statuses == 1u << i)
        selected = i + STATUS_FIRST;
  gtk_drop_down_set_selected (self->status_dropdown, selected);

  selected = 0;
  for (guint i = 1; i < self->places->len; i++)
    {
      Place *place = &g_array_index (self->places, Place, i);
      const char *wanted = place->provider ? filter->provider_id : filter->unit_id;

      if (g_strcmp0 (place->id, wanted) == 0)
        {
          selected = i;
          break;
        }
    }
  gtk_drop_down_set_selected (self->place_dropdown, selected);

  selected = 0;
  for (guint i = 1; i < self->categories->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->categories, i), filter->category) == 0)
      selected = i;
  gtk_drop_down_set_selected (self->category_dropdown, selected);

  gtk_toggle_button_set_active (self->overdue_button, filter->overdue_only);
  self->from = filter->from;
  self->to = filter->to;
  update_date_buttons (self);

  self->blocked--;
}
