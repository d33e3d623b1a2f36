/* sp-intake-date-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates are shown as YYYY-MM-DD, the form Swedish authorities write them
 * in, so that the same text reads the same in both languages.
 */

#include <glib/gi18n.h>

#include "sp-intake-date-button.h"

struct _SpIntakeDateButton
{
  GtkWidget    parent_instance;

  GtkWidget   *menu_button;
  GtkWidget   *popover;
  GtkCalendar *calendar;
  GtkWidget   *clear_button;

  SpDate       date;
  gboolean     allow_none;
  gboolean     syncing;
};

G_DEFINE_FINAL_TYPE (SpIntakeDateButton, sp_intake_date_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  PROP_ALLOW_NONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_label (SpIntakeDateButton *self)
{
  if (self->date == SP_DATE_NONE)
    {
      gtk_menu_button_set_label (GTK_MENU_BUTTON (self->menu_button), _("Not set"));
    }
  else
    {
      char buf[11];

      sp_date_format (self->date, buf);
      gtk_menu_button_set_label (GTK_MENU_BUTTON (self->menu_button), buf);
    }
}

static void
sync_calendar (SpIntakeDateButton *self)
{
  SpDate shown = self->date != SP_DATE_NONE ? self->date : sp_date_today ();
  g_autoptr(GDateTime) dt = g_date_time_new_local (sp_date_get_year (shown),
                                                   sp_date_get_month (shown),
                                                   sp_date_get_day (shown),
                                                   12, 0, 0);

  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, dt);
  self->syncing = FALSE;
}

static void
on_day_selected (SpIntakeDateButton *self,
                 GtkCalendar        *calendar)
{
  g_autoptr(GDateTime) dt = NULL;

  if (self->syncing)
    return;

  dt = gtk_calendar_get_date (calendar);
  sp_intake_date_button_set_date (self, sp_date_new (g_date_time_get_year (dt),
                                                     g_date_time_get_month (dt),
                                                     g_date_time_get_day_of_month (dt)));
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_today_clicked (SpIntakeDateButton *self)
{
  sp_intake_date_button_set_date (self, sp_date_today ());
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_clear_clicked (SpIntakeDateButton *self)
{
  sp_intake_date_button_set_date (self, SP_DATE_NONE);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_popover_show (SpIntakeDateButton *self)
{
  sync_calendar (self);
}

static void
sp_intake_date_button_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SpIntakeDateButton *self = SP_INTAKE_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_uint (value, self->date);
      break;

    case PROP_ALLOW_NONE:
      g_value_set_boolean (value, self->allow_none);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_intake_date_button_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SpIntakeDateButton *self = SP_INTAKE_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      sp_intake_date_button_set_date (self, g_value_get_uint (value));
      break;

    case PROP_ALLOW_NONE:
      sp_intake_date_button_set_allow_none (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_intake_date_button_dispose (GObject *object)
{
  SpIntakeDateButton *self = SP_INTAKE_DATE_BUTTON (object);

  g_clear_pointer (&self->menu_button, gtk_widget_unparent);

  G_OBJECT_CLASS (sp_intake_date_button_parent_class)->dispose (object);
}

static void
sp_intake_date_button_class_init (SpIntakeDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sp_intake_date_button_get_property;
  object_class->set_property = sp_intake_date_button_set_property;
  object_class->dispose = sp_intake_date_button_dispose;

  properties[PROP_DATE] =
    g_param_spec_uint ("date", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_NONE] =
    g_param_spec_boolean ("allow-none", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sp_intake_date_button_init (SpIntakeDateButton *self)
{
  GtkWidget *box;
  GtkWidget *buttons;
  GtkWidget *today;

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (self->menu_button), TRUE);
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  today = gtk_button_new_with_mnemonic (_("_Today"));
  gtk_box_append (GTK_BOX (buttons), today);
  self->clear_button = gtk_button_new_with_mnemonic (_("_Clear"));
  gtk_widget_set_visible (self->clear_button, FALSE);
  gtk_box_append (GTK_BOX (buttons), self->clear_button);
  gtk_box_append (GTK_BOX (box), buttons);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), self->popover);

  g_signal_connect_object (self->calendar, "day-selected",
                           G_CALLBACK (on_day_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (today, "clicked",
                           G_CALLBACK (on_today_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clear_button, "clicked",
                           G_CALLBACK (on_clear_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->popover, "show",
                           G_CALLBACK (on_popover_show), self, G_CONNECT_SWAPPED);

  update_label (self);
}

GtkWidget *
sp_intake_date_button_new (void)
{
  return g_object_new (SP_TYPE_INTAKE_DATE_BUTTON, NULL);
}

SpDate
sp_intake_date_button_get_date (SpIntakeDateButton *self)
{
  g_return_val_if_fail (SP_IS_INTAKE_DATE_BUTTON (self), SP_DATE_NONE);

  return self->date;
}

void
sp_intake_date_button_set_date (SpIntakeDateButton *self,
                                SpDate              date)
{
  g_return_if_fail (SP_IS_INTAKE_DATE_BUTTON (self));

  if (self->date == date)
    return;

  self->date = date;
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

gboolean
sp_intake_date_button_get_allow_none (SpIntakeDateButton *self)
{
  g_return_val_if_fail (SP_IS_INTAKE_DATE_BUTTON (self), FALSE);

  return self->allow_none;
}

void
sp_intake_date_button_set_allow_none (SpIntakeDateButton *self,
                                      gboolean            allow_none)
{
  g_return_if_fail (SP_IS_INTAKE_DATE_BUTTON (self));

  allow_none = !!allow_none;
  if (self->allow_none == allow_none)
    return;

  self->allow_none = allow_none;
  gtk_widget_set_visible (self->clear_button, allow_none);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_NONE]);
}

const char *
sp_intake_date_button_get_label (SpIntakeDateButton *self)
{
  g_return_val_if_fail (SP_IS_INTAKE_DATE_BUTTON (self), NULL);

  return gtk_menu_button_get_label (GTK_MENU_BUTTON (self->menu_button));
}
