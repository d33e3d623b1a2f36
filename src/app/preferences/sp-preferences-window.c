/* sp-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The deadline rules are shown, not edited: they are the organisation's,
 * chosen by an administrator (admin/, or the server's configuration); they are read in the
 * store worker when the window opens. The unit list is the context's
 * reference data, and choosing a unit saves it through the worker; the
 * main window follows the context's current user by itself.
 */

#include <glib/gi18n.h>

#include "sp-account-page.h"
#include "sp-preferences-window.h"

struct _SpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *style_row;
  GtkSwitch            *notify_switch;
  GtkSwitch            *background_switch;
  AdwActionRow         *user_row;
  AdwComboRow          *unit_row;
  AdwActionRow         *investigation_row;
  AdwActionRow         *city_row;
  AdwActionRow         *city_complex_row;
  AdwActionRow         *mode_row;
  AdwActionRow         *path_row;
  GtkWidget            *server_page;   /* the account's, when a server can be used */

  SpContext            *context;
  GCancellable         *cancellable;  /* of the reads, cancelled on dispose */
  GPtrArray            *unit_ids;     /* index 0 = NULL (none) */
};

G_DEFINE_FINAL_TYPE (SpPreferencesWindow, sp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

char *
sp_preferences_format_rule (const SpDeadlineRule *rule)
{
  switch (rule->kind)
    {
    case SP_DEADLINE_CALENDAR_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u calendar day",
                                           "%u calendar days", rule->days), rule->days);

    case SP_DEADLINE_WORKING_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u working day",
                                           "%u working days", rule->days), rule->days);

    case SP_DEADLINE_GIVEN_DATE:
    default:
      return g_strdup (_("The date given"));
    }
}

static void
set_rule (AdwActionRow         *row,
          const SpDeadlineRule *rule)
{
  g_autofree char *text = sp_preferences_format_rule (rule);

  adw_action_row_set_subtitle (row, text);
}

static void
unit_saved (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (sp_context_set_user_unit_finish (SP_CONTEXT (source), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  message = g_strdup_printf (_("Could not save your unit: %s"), error->message);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (user_data),
                                    adw_toast_new (message));
}

static void
unit_selected (SpPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->unit_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->unit_ids->len)
    return;

  /* My Cases and its count follow once it is saved (the window watches
   * the context's current user). */
  sp_context_set_user_unit_async (self->context, g_ptr_array_index (self->unit_ids, selected),
                                  self->cancellable, unit_saved, self);
}

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  if (g_strcmp0 (nick, "light") == 0)
    g_value_set_uint (value, 1);
  else if (g_strcmp0 (nick, "dark") == 0)
    g_value_set_uint (value, 2);
  else
    g_value_set_uint (value, 0);

  return TRUE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  static const char *nicks[] = { "system", "light", "dark" };
  guint selected = g_value_get_uint (value);

  return g_variant_new_string (nicks[selected < G_N_ELEMENTS (nicks) ? selected : 0]);
}

static void
fill_units (SpPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *units = sp_reference_get_units (sp_context_get_reference (self->context));
  SpUser *user = sp_context_get_local_user (self->context);
  guint selected = 0;

  g_ptr_array_set_size (self->unit_ids, 0);
  gtk_string_list_append (names, _("None"));
  g_ptr_array_add (self->unit_ids, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(SpUnit) unit = g_list_model_get_item (units, i);

      if (user != NULL && g_strcmp0 (user->unit_id, SP_ENTITY (unit)->id) == 0)
        selected = self->unit_ids->len;
      gtk_string_list_append (names, unit->name);
      g_ptr_array_add (self->unit_ids, g_strdup (SP_ENTITY (unit)->id));
    }

  g_signal_handlers_block_by_func (self->unit_row, unit_selected, self);
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->unit_row, selected);
  g_signal_handlers_unblock_by_func (self->unit_row, unit_selected, self);
}

static void
deadlines_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  SpPreferencesWindow *self;
  SpDeadlineConfig config;

  /* Cancelled: the window is gone. */
  if (!sp_context_read_deadlines_finish (SP_CONTEXT (source), result, &config, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the deadline rules: %s", error->message);
      return;
    }

  self = SP_PREFERENCES_WINDOW (user_data);
  set_rule (self->investigation_row, &config.investigation);
  set_rule (self->city_row, &config.city_environment);
  set_rule (self->city_complex_row, &config.city_environment_complex);
}

static void
sp_preferences_window_dispose (GObject *object)
{
  SpPreferencesWindow *self = SP_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (sp_context_get_reference (self->context), self);

  G_OBJECT_CLASS (sp_preferences_window_parent_class)->dispose (object);
}

static void
sp_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SpPreferencesWindow *self = SP_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SpPreferencesWindow *self = SP_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void sp_preferences_window_constructed (GObject *object);

static void
sp_preferences_window_finalize (GObject *object)
{
  SpPreferencesWindow *self = SP_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->unit_ids, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sp_preferences_window_parent_class)->finalize (object);
}

static void
sp_preferences_window_class_init (SpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sp_preferences_window_finalize;
  object_class->dispose = sp_preferences_window_dispose;
  object_class->constructed = sp_preferences_window_constructed;
  object_class->set_property = sp_preferences_window_set_property;
  object_class->get_property = sp_preferences_window_get_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SP_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, notify_switch);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, background_switch);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, user_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, unit_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, investigation_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, city_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, city_complex_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, mode_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, path_row);
}

static void
sp_preferences_window_init (SpPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->unit_ids = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();
}

static void
update_mode (SpPreferencesWindow *self)
{
  SpAccount *account = sp_context_get_account (self->context);
  g_autofree char *url = account ? sp_account_dup_configured_url (account) : NULL;

  if (url != NULL && *url != '\0')
    {
      g_autofree char *text = NULL;

      /* Translators: %s is the server's address */
      text = g_strdup_printf (_("This computer and the shared server %s"), url);
      adw_action_row_set_subtitle (self->mode_row, text);
    }
  else
    {
      adw_action_row_set_subtitle (self->mode_row, _("This computer only"));
    }
}

static void
sp_preferences_window_constructed (GObject *object)
{
  SpPreferencesWindow *self = SP_PREFERENCES_WINDOW (object);
  SpUser *user;
  SpAccount *account;
  SpDeadlineConfig config;

  G_OBJECT_CLASS (sp_preferences_window_parent_class)->constructed (object);

  g_assert (SP_IS_CONTEXT (self->context));
  user = sp_context_get_local_user (self->context);
  account = sp_context_get_account (self->context);

  g_settings_bind_with_mapping (sp_context_get_settings (self->context), "style-variant",
                                self->style_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                style_get_mapping, style_set_mapping, NULL, NULL);

  g_settings_bind (sp_context_get_settings (self->context), "notify-deadlines",
                   self->notify_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (sp_context_get_settings (self->context), "run-in-background",
                   self->background_switch, "active", G_SETTINGS_BIND_DEFAULT);

  adw_action_row_set_subtitle (self->user_row, user ? user->display_name : "");
  adw_action_row_set_subtitle (self->path_row, sp_context_get_db_path (self->context));

  /* The defaults until the worker has read the database's own. */
  sp_deadline_config_init_default (&config);
  set_rule (self->investigation_row, &config.investigation);
  set_rule (self->city_row, &config.city_environment);
  set_rule (self->city_complex_row, &config.city_environment_complex);
  sp_context_read_deadlines_async (self->context, self->cancellable, deadlines_read, self);

  fill_units (self);
  g_signal_connect_object (sp_context_get_reference (self->context), "changed",
                           G_CALLBACK (fill_units), self, G_CONNECT_SWAPPED);

  /* The shared server: a page of its own, from the account. */
  if (account != NULL)
    {
      self->server_page = sp_account_page_new (account);
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                  ADW_PREFERENCES_PAGE (self->server_page));
      g_signal_connect_object (account, "notify::connected", G_CALLBACK (update_mode), self,
                               G_CONNECT_SWAPPED);
    }
  update_mode (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unit_row), sp_context_get_ready (self->context));
  g_signal_connect_object (self->unit_row, "notify::selected", G_CALLBACK (unit_selected),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
sp_preferences_window_new (SpContext *context,
                           GtkWindow *parent)
{
  g_return_val_if_fail (SP_IS_CONTEXT (context), NULL);

  return g_object_new (SP_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "context", context,
                       NULL);
}

void
sp_preferences_window_show_server (SpPreferencesWindow *self)
{
  g_return_if_fail (SP_IS_PREFERENCES_WINDOW (self));

  if (self->server_page != NULL)
    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self),
                                             ADW_PREFERENCES_PAGE (self->server_page));
}
