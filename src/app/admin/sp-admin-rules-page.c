/* sp-admin-rules-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The routines' choices (Hässelby-Vällingby: 14 days; Norrmalm: 14
 * working days) are offered as they are named; the preview counts with
 * the core's calendar, the one the store counts due dates with, so what
 * is shown is what the cases will get.
 */

#include <glib/gi18n.h>

#include "sp-admin-rules-page.h"

#define N_PREVIEW 5

static const char * const keys[] = { "investigation", "city_environment", "city_environment_complex" };

static const char * const presets[][5] = {
  { "calendar-days:14", "working-days:14", "working-days:10", "calendar-days:21", NULL },
  { "calendar-days:3", "working-days:3", "working-days:5", NULL },
  { "calendar-days:10", "working-days:10", "calendar-days:14", NULL },
};

struct _SpAdminRulesPage
{
  AdwPreferencesPage  parent_instance;

  GtkWidget          *remote_group;
  GtkWidget          *deadlines_group;
  GtkWidget          *preview_group;
  GtkWidget          *diary_group;
  AdwComboRow        *investigation_row;
  AdwComboRow        *city_row;
  AdwComboRow        *city_complex_row;
  GtkListBox         *preview_list;
  AdwEntryRow        *prefix_row;
  AdwEntryRow        *format_row;
  AdwActionRow       *diary_preview_row;
  GtkLabel           *message_label;

  SpAdminBackend     *backend;
  GPtrArray          *choices[G_N_ELEMENTS (keys)];   /* the rules each row offers */
  gboolean            filling;
  gboolean            busy;
};

G_DEFINE_FINAL_TYPE (SpAdminRulesPage, sp_admin_rules_page, ADW_TYPE_PREFERENCES_PAGE)

static AdwComboRow *
row_of (SpAdminRulesPage *self,
        guint             i)
{
  AdwComboRow *rows[] = { self->investigation_row, self->city_row, self->city_complex_row };

  return rows[i];
}

static char *
rule_label (const char *text)
{
  SpDeadlineRule rule;

  if (!sp_deadline_rule_parse (text, &rule, NULL))
    return g_strdup (text);
  if (rule.kind == SP_DEADLINE_WORKING_DAYS)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u working day", "%u working days",
                                         rule.days), rule.days);
  if (rule.kind == SP_DEADLINE_CALENDAR_DAYS)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", rule.days),
                            rule.days);
  return g_strdup (_("The date given"));
}

static const char *
weekday_name (SpDate date)
{
  switch (sp_date_get_weekday (date))
    {
    case G_DATE_MONDAY: return _("Monday");
    case G_DATE_TUESDAY: return _("Tuesday");
    case G_DATE_WEDNESDAY: return _("Wednesday");
    case G_DATE_THURSDAY: return _("Thursday");
    case G_DATE_FRIDAY: return _("Friday");
    case G_DATE_SATURDAY: return _("Saturday");
    case G_DATE_SUNDAY: return _("Sunday");
    case G_DATE_BAD_WEEKDAY:
    default: return "";
    }
}

static char *
describe_date (SpDate date)
{
  char text[11];
  const char *holiday = sp_calendar_get_holiday_name (date);

  sp_date_format (date, text);
  if (holiday != NULL)
    return g_strdup_printf ("%s %s (%s)", weekday_name (date), text, holiday);
  return g_strdup_printf ("%s %s", weekday_name (date), text);
}

static const char *
chosen (SpAdminRulesPage *self,
        guint             i)
{
  guint selected = adw_combo_row_get_selected (row_of (self, i));

  return self->choices[i] != NULL && selected < self->choices[i]->len
         ? g_ptr_array_index (self->choices[i], selected) : NULL;
}

/* Today, tomorrow, the coming Friday and Saturday, and the day before
 * Christmas Eve: the days where the two ways of counting part. */
static void
update_preview (SpAdminRulesPage *self)
{
  SpDeadlineRule rule;
  SpDate today = sp_date_today ();
  SpDate days[N_PREVIEW];
  int year = sp_date_get_year (today);

  sp_admin_list_clear (self->preview_list);
  if (chosen (self, 0) == NULL || !sp_deadline_rule_parse (chosen (self, 0), &rule, NULL))
    return;

  days[0] = today;
  days[1] = today + 1;
  days[2] = today + ((G_DATE_FRIDAY - sp_date_get_weekday (today) + 7) % 7);
  days[3] = days[2] + 1;
  days[4] = sp_date_new (year, 12, 23);
  if (days[4] < today)
    days[4] = sp_date_new (year + 1, 12, 23);

  for (guint i = 0; i < N_PREVIEW; i++)
    {
      g_autofree char *received = describe_date (days[i]);
      g_autofree char *due = describe_date (sp_deadline_rule_apply (&rule, days[i], SP_DATE_NONE));
      g_autofree char *title = g_strdup_printf (_("Received %s"), received);
      g_autofree char *subtitle = g_strdup_printf (_("Due %s"), due);
      g_autofree char *name = g_strdup_printf ("preview:%u", i);

      gtk_list_box_append (self->preview_list, sp_admin_row_new (name, title, subtitle, FALSE));
    }
}

static void
rule_chosen (SpAdminRulesPage *self)
{
  if (!self->filling)
    update_preview (self);
}

static void
diary_changed (SpAdminRulesPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *prefix = gtk_editable_get_text (GTK_EDITABLE (self->prefix_row));
  const char *format = gtk_editable_get_text (GTK_EDITABLE (self->format_row));
  int year = sp_date_get_year (sp_date_today ());

  if (!sp_diary_prefix_check (prefix, &error) || !sp_diary_format_check (format, &error))
    {
      adw_action_row_set_subtitle (self->diary_preview_row, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->diary_preview_row), "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "rules.apply-diary", FALSE);
    }
  else
    {
      g_autofree char *first = sp_diary_format_apply (format, prefix, year, 1);
      g_autofree char *second = sp_diary_format_apply (format, prefix, year, 2);
      g_autofree char *text = g_strdup_printf ("%s, %s …", first, second);

      adw_action_row_set_subtitle (self->diary_preview_row, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->diary_preview_row), "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "rules.apply-diary",
                                     !self->busy && self->backend != NULL &&
                                     !sp_admin_backend_is_remote (self->backend));
    }
}

static void
fill_rule (SpAdminRulesPage     *self,
           guint                 i,
           const SpDeadlineRule *current)
{
  g_autofree char *now = sp_deadline_rule_to_string (current);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_clear_pointer (&self->choices[i], g_ptr_array_unref);
  self->choices[i] = g_ptr_array_new_with_free_func (g_free);
  for (guint j = 0; presets[i][j] != NULL; j++)
    g_ptr_array_add (self->choices[i], g_strdup (presets[i][j]));
  /* A rule set some other way is offered too, as it is. */
  if (!g_ptr_array_find_with_equal_func (self->choices[i], now, g_str_equal, &selected))
    {
      selected = self->choices[i]->len;
      g_ptr_array_add (self->choices[i], g_strdup (now));
    }
  for (guint j = 0; j < self->choices[i]->len; j++)
    {
      g_autofree char *label = rule_label (g_ptr_array_index (self->choices[i], j));

      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (row_of (self, i), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row_of (self, i), selected);
}

void
sp_admin_rules_page_set_data (SpAdminRulesPage *self,
                              SpAdminBackend   *backend,
                              SpAdminData      *data)
{
  gboolean remote;

  g_return_if_fail (SP_IS_ADMIN_RULES_PAGE (self));

  g_set_object (&self->backend, backend);
  remote = data != NULL && data->remote;
  gtk_widget_set_visible (self->remote_group, remote);
  gtk_widget_set_visible (self->deadlines_group, !remote);
  gtk_widget_set_visible (self->preview_group, !remote);
  gtk_widget_set_visible (self->diary_group, !remote);
  if (data == NULL || remote)
    return;

  self->filling = TRUE;
  fill_rule (self, 0, &data->deadlines.investigation);
  fill_rule (self, 1, &data->deadlines.city_environment);
  fill_rule (self, 2, &data->deadlines.city_environment_complex);
  gtk_editable_set_text (GTK_EDITABLE (self->prefix_row), data->diary_prefix ? data->diary_prefix : "");
  gtk_editable_set_text (GTK_EDITABLE (self->format_row), data->diary_format);
  self->filling = FALSE;
  update_preview (self);
  diary_changed (self);
}

gboolean
sp_admin_rules_page_choose (SpAdminRulesPage *self,
                            const char       *key,
                            const char       *rule)
{
  guint position;

  g_return_val_if_fail (SP_IS_ADMIN_RULES_PAGE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (keys[i], key) && self->choices[i] != NULL &&
        g_ptr_array_find_with_equal_func (self->choices[i], rule, g_str_equal, &position))
      {
        adw_combo_row_set_selected (row_of (self, i), position);
        return TRUE;
      }
  return FALSE;
}

const char *
sp_admin_rules_page_get_message (SpAdminRulesPage *self)
{
  g_return_val_if_fail (SP_IS_ADMIN_RULES_PAGE (self), NULL);

  return gtk_label_get_text (self->message_label);
}

static void
set_busy (SpAdminRulesPage *self,
          gboolean          busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rules.apply-deadlines", !busy);
  diary_changed (self);
}

static void
show_message (SpAdminRulesPage *self,
              const char       *text,
              gboolean          error)
{
  gtk_label_set_text (self->message_label, text);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
deadlines_applied (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SpAdminRulesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 n = sp_admin_backend_set_deadlines_finish (SP_ADMIN_BACKEND (source), result, &error);

  set_busy (self, FALSE);
  if (n < 0)
    show_message (self, error->message, TRUE);
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "The rules apply now; %d open case got a new due date.",
                                                            "The rules apply now; %d open cases got a new due date.",
                                                            (gulong) n), (int) n);

      show_message (self, text, FALSE);
    }
}

static void
apply_deadlines (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SpAdminRulesPage *self = SP_ADMIN_RULES_PAGE (widget);
  const char *rules[G_N_ELEMENTS (keys) + 1] = { NULL };

  if (self->busy || self->backend == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if ((rules[i] = chosen (self, i)) == NULL)
      return;

  set_busy (self, TRUE);
  sp_admin_backend_set_deadlines_async (self->backend, (const char * const *) keys, rules, NULL,
                                        deadlines_applied, g_object_ref (self));
}

static void
diary_applied (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SpAdminRulesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!sp_admin_backend_set_diary_format_finish (SP_ADMIN_BACKEND (source), result, &error))
    show_message (self, error->message, TRUE);
  else
    show_message (self, _("Cases registered from now on get numbers in this format."), FALSE);
}

static void
apply_diary (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SpAdminRulesPage *self = SP_ADMIN_RULES_PAGE (widget);

  if (self->busy || self->backend == NULL)
    return;
  set_busy (self, TRUE);
  sp_admin_backend_set_diary_format_async (self->backend,
                                           gtk_editable_get_text (GTK_EDITABLE (self->prefix_row)),
                                           gtk_editable_get_text (GTK_EDITABLE (self->format_row)),
                                           NULL, diary_applied, g_object_ref (self));
}

static void
sp_admin_rules_page_dispose (GObject *object)
{
  SpAdminRulesPage *self = SP_ADMIN_RULES_PAGE (object);

  g_clear_object (&self->backend);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_clear_pointer (&self->choices[i], g_ptr_array_unref);

  G_OBJECT_CLASS (sp_admin_rules_page_parent_class)->dispose (object);
}

static void
sp_admin_rules_page_class_init (SpAdminRulesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_admin_rules_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/se/synpunkt/Synpunkt/sp-admin-rules-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpAdminRulesPage, remote_group);
  gtk_widget_class_bind_template_child (widget_class, SpAdminRulesPage, deadlines_group);
  gtk_widget_class_bind_template_child (widget_class, SpAdminRulesPage, preview_group);
  gtk_widget_class_bind_template_child (widget_class, SpAdminRulesPage, diary_group);
  gtk_widget_class_bind_template_child (widget_class, SpAdminRulesPage, investigation_row);
  gtk_widget_class_bind_template_child (widget_class, SpAdminRulesPage, city_row);
  gtk_widget_class_bind_template_child (widget_class, SpAdminRulesPage, city_complex_row);
  gtk_widget_class_bind_template_child (widget_class, SpAdminRulesPage, preview_list);
  gtk_widget_class_bind_template_child (widget_class, SpAdminRulesPage, prefix_row);
  gtk_widget_class_bind_template_child (widget_class, SpAdminRulesPage, format_row);
  gtk_widget_class_bind_template_child (widget_class, SpAdminRulesPage, diary_preview_row);
  gtk_widget_class_bind_template_child (widget_class, SpAdminRulesPage, message_label);
  gtk_widget_class_bind_template_callback (widget_class, rule_chosen);
  gtk_widget_class_bind_template_callback (widget_class, diary_changed);
  gtk_widget_class_install_action (widget_class, "rules.apply-deadlines", NULL, apply_deadlines);
  gtk_widget_class_install_action (widget_class, "rules.apply-diary", NULL, apply_diary);
}

static void
sp_admin_rules_page_init (SpAdminRulesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
