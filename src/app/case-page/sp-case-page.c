/* sp-case-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page reads its case from the store whenever it changes and fills
 * every widget from that copy; edits are made on a copy of it and saved
 * with a revision check, so that a change made elsewhere in the meantime
 * is never silently overwritten. The details and the history live in
 * sp-case-page-details.c and sp-case-page-timeline.c.
 */

#include <glib/gi18n.h>

#include "sp-case-page-private.h"

G_DEFINE_FINAL_TYPE (SpCasePage, sp_case_page, ADW_TYPE_BIN)

enum {
  CASE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_titles (SpCasePage *self,
            const char *title,
            const char *subtitle)
{
  if (g_strcmp0 (self->title, title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
  if (g_strcmp0 (self->subtitle, subtitle) != 0)
    {
      g_free (self->subtitle);
      self->subtitle = g_strdup (subtitle);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
    }
}

/* The drop-downs' choices, in the reference data's one order. A case is
 * about a department or unit, not the whole administration. */
static void
load_names (SpCasePage *self)
{
  GListModel *units = sp_reference_get_units (self->reference);
  GListModel *providers = sp_reference_get_providers (self->reference);
  GListModel *categories = sp_reference_get_categories (self->reference);

  g_ptr_array_set_size (self->category_codes, 0);
  g_ptr_array_set_size (self->unit_ids, 0);
  g_ptr_array_set_size (self->provider_ids, 0);

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(SpUnit) unit = g_list_model_get_item (units, i);

      if (unit->kind != SP_UNIT_KIND_ADMINISTRATION)
        g_ptr_array_add (self->unit_ids, g_strdup (SP_ENTITY (unit)->id));
    }
  for (guint i = 0; i < g_list_model_get_n_items (providers); i++)
    {
      g_autoptr(SpProvider) provider = g_list_model_get_item (providers, i);

      g_ptr_array_add (self->provider_ids, g_strdup (SP_ENTITY (provider)->id));
    }
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(SpCategory) category = g_list_model_get_item (categories, i);

      g_ptr_array_add (self->category_codes, g_strdup (category->code));
    }

  self->models_dirty = TRUE;
}

static void
reference_changed (SpCasePage *self)
{
  load_names (self);
  if (self->kase == NULL)
    return;

  self->filling = TRUE;
  _sp_case_page_fill_details (self);
  self->filling = FALSE;
}

const char *
_sp_case_page_unit_name (SpCasePage *self,
                         const char *id)
{
  const char *name = sp_reference_get_unit_name (self->reference, id);

  return name != NULL ? name : id;
}

const char *
_sp_case_page_provider_name (SpCasePage *self,
                             const char *id)
{
  const char *name = sp_reference_get_provider_name (self->reference, id);

  return name != NULL ? name : id;
}

const char *
_sp_case_page_category_name (SpCasePage *self,
                             const char *code)
{
  const char *name = sp_reference_get_category_name (self->reference, code);

  return name != NULL ? name : code;
}

gboolean
_sp_case_page_may_edit (SpCasePage *self)
{
  if (self->kase == NULL)
    return FALSE;

  if (self->actor.roles & SP_CASE_PAGE_HANDLER_ROLES)
    return TRUE;

  /* Whoever recorded a case may correct it until the registrar has it. */
  return self->kase->status == SP_STATUS_RECEIVED &&
         self->actor_user_id != NULL &&
         g_strcmp0 (self->kase->created_by, self->actor_user_id) == 0;
}

gboolean
_sp_case_page_may_see_personal_data (SpCasePage *self)
{
  /* Quality staff and procurement work with the cases, not the people:
   * they see the sender's data only if another role of theirs allows. */
  guint seeing = SP_ROLE_BIT (SP_ROLE_STAFF) | SP_ROLE_BIT (SP_ROLE_REGISTRAR) |
                 SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) | SP_ROLE_BIT (SP_ROLE_DEPARTMENT_HEAD) |
                 SP_ROLE_BIT (SP_ROLE_CASE_OFFICER) | SP_ROLE_BIT (SP_ROLE_ADMIN);

  return (self->actor.roles & seeing) != 0;
}


static void
fill_deadline (SpCasePage *self)
{
  SpCase *kase = self->kase;
  SpDate today = sp_date_today ();
  g_autofree char *due = NULL;
  g_autofree char *text = NULL;
  gboolean overdue = FALSE;

  gtk_widget_remove_css_class (GTK_WIDGET (self->days_left_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_icon), "error");

  if (kase->due_on == SP_DATE_NONE)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->deadline_row), _("No deadline"));
      gtk_label_set_text (self->days_left_label, "");
    }
  else
    {
      int days = sp_case_get_days_left (kase, today);

      due = sp_date_to_string (kase->due_on);
      /* Translators: %s is a date, 2026-11-23 */
      text = g_strdup_printf (_("Due %s"), due);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->deadline_row), text);
      g_clear_pointer (&text, g_free);

      if (!sp_status_is_open (kase->status) || kase->status >= SP_STATUS_FEEDBACK_GIVEN)
        text = g_strdup (kase->feedback_on != SP_DATE_NONE ? _("Feedback given")
                                                         : _("No longer running"));
      else if (days > 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days),
                                days);
      else if (days == 0)
        text = g_strdup (_("Due today"));
      else
        {
          overdue = TRUE;
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d day",
                                               "Overdue by %d days", -days),
                                  -days);
        }

      gtk_label_set_text (self->days_left_label, text);
    }

  /* Overdue is said in words and with an icon, not by the red alone. */
  gtk_image_set_from_icon_name (self->deadline_icon,
                                overdue ? "dialog-warning-symbolic" : "alarm-symbolic");
  if (overdue)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->days_left_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_icon), "error");
    }

  adw_action_row_set_subtitle (self->deadline_row,
                               kase->given_due_on != SP_DATE_NONE
                                 ? _("The date given by the authority or the case officer")
                                 : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->deadline_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_text (self->days_left_label),
                                  -1);
}

static void
fill_header (SpCasePage *self)
{
  SpCase *kase = self->kase;
  g_autofree char *received = sp_date_to_string (kase->received_on);
  g_autofree char *meta = NULL;

  if (kase->diary_number != NULL)
    gtk_label_set_text (self->diary_label, kase->diary_number);
  else if (kase->status == SP_STATUS_REGISTERED)
    /* Registered offline: the server gives the number when it syncs. */
    gtk_label_set_text (self->diary_label, _("Waiting for a diary number"));
  else
    gtk_label_set_text (self->diary_label, _("Not registered"));
  gtk_label_set_text (self->subject_label, kase->subject ? kase->subject : "");
  set_titles (self, gtk_label_get_text (self->diary_label), kase->subject);
  /* Translators: kind · channel · date received, e.g.
   * “Complaint · Phone · Received 2026-11-20” */
  meta = g_strdup_printf (_("%s · %s · Received %s"),
                          sp_enum_get_label (&sp_case_kind_info, kase->kind),
                          sp_enum_get_label (&sp_channel_info, kase->channel),
                          received ? received : "");
  gtk_label_set_text (self->meta_label, meta);

  gtk_label_set_text (self->status_label, sp_enum_get_label (&sp_status_info, kase->status));
}

static void
show_missing (SpCasePage *self,
              const char *message)
{
  g_clear_object (&self->kase);
  set_titles (self, NULL, NULL);
  adw_status_page_set_description (self->missing_page, message);
  gtk_stack_set_visible_child_name (self->stack, "missing");
}

void
_sp_case_page_apply (SpCasePage     *self,
                     SpCasePageData *data)
{
  /* Cases about a named employee are for the people who handle them
   * individually (domain: unit manager, head of department, registrar). */
  if (data->kase->named_employee &&
      (self->actor.roles & (SP_CASE_PAGE_HANDLER_ROLES |
                            SP_ROLE_BIT (SP_ROLE_DEPARTMENT_HEAD))) == 0)
    {
      show_missing (self, _("This case concerns a named employee. Only unit managers, heads of "
                            "department and registrars may see it."));
      return;
    }

  g_clear_object (&self->kase);
  self->kase = g_steal_pointer (&data->kase);

  self->filling = TRUE;
  fill_header (self);
  _sp_case_page_fill_transitions (self);
  fill_deadline (self);
  _sp_case_page_fill_details (self);
  _sp_case_page_fill_timeline (self, data->events, data->events_error);
  _sp_case_page_fill_conflicts (self, data->conflicts);
  sp_investigation_section_set_case_id (self->investigation_section, self->case_id);
  sp_letters_section_set_case_id (self->letters_section, self->case_id);
  self->filling = FALSE;

  gtk_stack_set_visible_child_name (self->stack, "case");
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SpCasePage) self = user_data;
  g_autoptr(SpCasePageData) data = NULL;
  g_autoptr(GError) error = NULL;

  data = _sp_case_page_load_finish (self, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (data == NULL)
    show_missing (self, error->message);
  else if (g_strcmp0 (SP_ENTITY (data->kase)->id, self->case_id) == 0)
    _sp_case_page_apply (self, data);
}

static void
history_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SpCasePage) self = user_data;
  g_autoptr(SpCasePageData) data = NULL;

  data = _sp_case_page_load_finish (self, result, NULL);
  if (data != NULL && self->kase != NULL &&
      g_strcmp0 (SP_ENTITY (data->kase)->id, self->case_id) == 0)
    {
      _sp_case_page_fill_timeline (self, data->events, data->events_error);
      _sp_case_page_fill_conflicts (self, data->conflicts);
    }
}

/* After a section saved a record of its own (the investigation): only the
 * history and conflicts are shown again, the rest of the page stays. */
static void
reload_history (SpCasePage *self)
{
  if (self->case_id != NULL)
    _sp_case_page_load_async (self, self->load_cancellable, history_loaded_cb,
                              g_object_ref (self));
}

void
_sp_case_page_reload (SpCasePage *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  if (self->case_id == NULL)
    {
      g_clear_object (&self->kase);
      set_titles (self, NULL, NULL);
      sp_investigation_section_set_case_id (self->investigation_section, NULL);
      sp_letters_section_set_case_id (self->letters_section, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->load_cancellable = g_cancellable_new ();
  _sp_case_page_load_async (self, self->load_cancellable, loaded_cb, g_object_ref (self));
}

void
sp_case_page_set_case_id (SpCasePage *self,
                          const char *case_id)
{
  g_return_if_fail (SP_IS_CASE_PAGE (self));

  if (g_strcmp0 (self->case_id, case_id) != 0)
    {
      g_free (self->case_id);
      self->case_id = g_strdup (case_id);
      /* Text typed for another case does not carry over. */
      self->content_dirty = FALSE;
      self->feedback_after_letter = FALSE;
      self->models_dirty = TRUE;
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
      /* Until the new case comes, the old one is not shown under its
       * title. */
      if (self->kase != NULL && g_strcmp0 (SP_ENTITY (self->kase)->id, case_id) != 0)
        g_clear_object (&self->kase);
    }

  _sp_case_page_reload (self);
}

void
_sp_case_page_emit_changed (SpCasePage *self,
                            const char *case_id)
{
  g_signal_emit (self, signals[CASE_CHANGED], 0, case_id);
}

const char *
sp_case_page_get_title (SpCasePage *self)
{
  g_return_val_if_fail (SP_IS_CASE_PAGE (self), NULL);

  return self->title;
}

const char *
sp_case_page_get_subtitle (SpCasePage *self)
{
  g_return_val_if_fail (SP_IS_CASE_PAGE (self), NULL);

  return self->subtitle;
}

static void
sp_case_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SpCasePage *self = SP_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

const char *
sp_case_page_get_case_id (SpCasePage *self)
{
  g_return_val_if_fail (SP_IS_CASE_PAGE (self), NULL);

  return self->case_id;
}

GtkWidget *
sp_case_page_get_transition_button (SpCasePage *self,
                                    SpStatus    to)
{
  g_return_val_if_fail (SP_IS_CASE_PAGE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->transitions_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sp-status")) == to)
        return button;
    }

  return NULL;
}

guint
sp_case_page_get_n_transitions (SpCasePage *self)
{
  guint n = 0;

  g_return_val_if_fail (SP_IS_CASE_PAGE (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->transitions_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

const char *
sp_case_page_get_status_text (SpCasePage *self)
{
  g_return_val_if_fail (SP_IS_CASE_PAGE (self), NULL);

  return gtk_label_get_text (self->status_label);
}

const char *
sp_case_page_get_diary_text (SpCasePage *self)
{
  g_return_val_if_fail (SP_IS_CASE_PAGE (self), NULL);

  return gtk_label_get_text (self->diary_label);
}

const char *
sp_case_page_get_subject_text (SpCasePage *self)
{
  g_return_val_if_fail (SP_IS_CASE_PAGE (self), NULL);

  return gtk_label_get_text (self->subject_label);
}

const char *
sp_case_page_get_deadline_text (SpCasePage *self)
{
  g_return_val_if_fail (SP_IS_CASE_PAGE (self), NULL);

  return gtk_label_get_text (self->days_left_label);
}

GtkWidget *
sp_case_page_get_flag_switch (SpCasePage *self,
                              const char *flag)
{
  g_return_val_if_fail (SP_IS_CASE_PAGE (self), NULL);

  if (g_strcmp0 (flag, "individual_record") == 0)
    return GTK_WIDGET (self->individual_record_switch);
  if (g_strcmp0 (flag, "individual_record_noted") == 0)
    return GTK_WIDGET (self->individual_record_noted_switch);
  if (g_strcmp0 (flag, "named_employee") == 0)
    return GTK_WIDGET (self->named_employee_switch);
  if (g_strcmp0 (flag, "contract_breach") == 0)
    return GTK_WIDGET (self->contract_breach_switch);
  if (g_strcmp0 (flag, "conflict_of_interest") == 0)
    return GTK_WIDGET (self->conflict_of_interest_switch);

  return NULL;
}

GtkWidget *
sp_case_page_get_history_list (SpCasePage *self)
{
  g_return_val_if_fail (SP_IS_CASE_PAGE (self), NULL);

  return GTK_WIDGET (self->history_list);
}

AdwToast *
sp_case_page_get_last_toast (SpCasePage *self)
{
  g_return_val_if_fail (SP_IS_CASE_PAGE (self), NULL);

  return self->last_toast;
}

static void
sp_case_page_dispose (GObject *object)
{
  SpCasePage *self = SP_CASE_PAGE (object);

  g_clear_weak_pointer (&self->last_toast);
  g_cancellable_cancel (self->load_cancellable);
  if (self->reference != NULL)
    g_signal_handlers_disconnect_by_data (self->reference, self);

  /* AdwBin drops its child, the template's root, itself. */
  G_OBJECT_CLASS (sp_case_page_parent_class)->dispose (object);
}

static void
sp_case_page_finalize (GObject *object)
{
  SpCasePage *self = SP_CASE_PAGE (object);

  g_clear_object (&self->kase);
  g_clear_object (&self->worker);
  g_clear_object (&self->reference);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->case_id, g_free);
  g_clear_pointer (&self->actor_user_id, g_free);
  g_clear_pointer (&self->actor_name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->category_codes, g_ptr_array_unref);
  g_clear_pointer (&self->unit_ids, g_ptr_array_unref);
  g_clear_pointer (&self->provider_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_case_page_parent_class)->finalize (object);
}

static void
save_text_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _sp_case_page_save_text (SP_CASE_PAGE (widget));
}

static void
sp_case_page_class_init (SpCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_case_page_dispose;
  object_class->finalize = sp_case_page_finalize;
  object_class->get_property = sp_case_page_get_property;

  /**
   * SpCasePage:title:
   *
   * What the header bar says of the case shown: its diary number, or
   * that it is not registered; NULL when no case is shown.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SpCasePage:subtitle:
   *
   * The subject of the case shown, under the title.
   */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpCasePage::case-changed:
   * @case_id: the case's id
   *
   * Emitted after the page saved a change to the case (an undo too).
   */
  signals[CASE_CHANGED] =
    g_signal_new ("case-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (SP_TYPE_INTAKE_DATE_BUTTON);
  g_type_ensure (SP_TYPE_INVESTIGATION_SECTION);
  g_type_ensure (SP_TYPE_LETTERS_SECTION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-case-page.ui");

  gtk_widget_class_install_action (widget_class, "case-page.save-text", NULL, save_text_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "case-page.save-text", NULL);

  gtk_widget_class_bind_template_callback (widget_class, _sp_case_page_resolve_conflicts);

#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SpCasePage, name)
  CHILD (stack);
  CHILD (missing_page);
  CHILD (conflict_bar);
  CHILD (scroller);
  CHILD (diary_label);
  CHILD (subject_label);
  CHILD (meta_label);
  CHILD (status_row);
  CHILD (status_label);
  CHILD (transitions_row);
  CHILD (transitions_box);
  CHILD (transitions_label);
  CHILD (deadline_group);
  CHILD (deadline_row);
  CHILD (deadline_icon);
  CHILD (days_left_label);
  CHILD (delay_owed_row);
  CHILD (delay_open_row);
  CHILD (delay_open_button);
  CHILD (delay_reason_row);
  CHILD (delay_error_row);
  CHILD (delay_error_label);
  CHILD (delay_date_row);
  CHILD (delay_date_button);
  CHILD (delay_save_button);
  CHILD (delay_recorded_row);
  CHILD (sender_group);
  CHILD (sender_name_row);
  CHILD (sender_address_row);
  CHILD (sender_phone_row);
  CHILD (sender_email_row);
  CHILD (sender_feedback_row);
  CHILD (sender_relation_row);
  CHILD (concerns_row);
  CHILD (unit_row);
  CHILD (provider_row);
  CHILD (area_row);
  CHILD (category_row);
  CHILD (authority_row);
  CHILD (service_note_row);
  CHILD (flags_group);
  CHILD (individual_record_row);
  CHILD (individual_record_switch);
  CHILD (individual_record_noted_row);
  CHILD (individual_record_noted_switch);
  CHILD (named_employee_row);
  CHILD (named_employee_switch);
  CHILD (conflict_of_interest_row);
  CHILD (conflict_of_interest_switch);
  CHILD (investigating_unit_row);
  CHILD (contract_breach_row);
  CHILD (contract_breach_switch);
  CHILD (contract_issue_row);
  CHILD (contract_issue_button);
  CHILD (content_group);
  CHILD (subject_entry);
  CHILD (subject_error_row);
  CHILD (subject_error_label);
  CHILD (subject_counter_label);
  CHILD (description_row);
  CHILD (description_view);
  CHILD (content_actions_row);
  CHILD (content_revert_button);
  CHILD (content_save_button);
  CHILD (investigation_section);
  CHILD (letters_section);
  CHILD (history_list);
#undef CHILD
}

static void
sp_case_page_init (SpCasePage *self)
{
  self->category_codes = g_ptr_array_new_with_free_func (g_free);
  self->unit_ids = g_ptr_array_new_with_free_func (g_free);
  self->provider_ids = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  _sp_case_page_init_details (self);
  _sp_case_page_init_choices (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
sp_case_page_new (SpStoreWorker *worker,
                  SpReference   *reference,
                  const SpActor *actor)
{
  SpCasePage *self;

  g_return_val_if_fail (SP_IS_STORE_WORKER (worker), NULL);
  g_return_val_if_fail (SP_IS_REFERENCE (reference), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  self = g_object_new (SP_TYPE_CASE_PAGE, NULL);
  self->worker = g_object_ref (worker);
  self->reference = g_object_ref (reference);
  g_signal_connect_object (reference, "changed", G_CALLBACK (reference_changed), self,
                           G_CONNECT_SWAPPED);
  load_names (self);
  sp_investigation_section_set_worker (self->investigation_section, worker);
  /* Its saves are in the history. */
  g_signal_connect_object (self->investigation_section, "saved",
                           G_CALLBACK (reload_history), self, G_CONNECT_SWAPPED);
  sp_letters_section_set_worker (self->letters_section, worker);
  g_signal_connect_object (self->letters_section, "letter-sent",
                           G_CALLBACK (_sp_case_page_on_letter_sent), self, G_CONNECT_SWAPPED);
  sp_case_page_set_actor (self, actor);

  return GTK_WIDGET (self);
}

void
sp_case_page_set_actor (SpCasePage    *self,
                        const SpActor *actor)
{
  g_return_if_fail (SP_IS_CASE_PAGE (self));
  g_return_if_fail (actor != NULL);

  if (self->actor.roles == actor->roles &&
      g_strcmp0 (self->actor_user_id, actor->user_id) == 0 &&
      g_strcmp0 (self->actor_name, actor->display_name) == 0)
    return;

  g_free (self->actor_user_id);
  g_free (self->actor_name);
  self->actor_user_id = g_strdup (actor->user_id);
  self->actor_name = g_strdup (actor->display_name);
  self->actor.user_id = self->actor_user_id;
  self->actor.display_name = self->actor_name;
  self->actor.roles = actor->roles;
  sp_investigation_section_set_actor (self->investigation_section, actor);
  sp_letters_section_set_actor (self->letters_section, actor);

  /* What may be seen and done depends on the roles. */
  if (self->case_id != NULL)
    _sp_case_page_reload (self);
}

gboolean
sp_case_page_get_busy (SpCasePage *self)
{
  g_return_val_if_fail (SP_IS_CASE_PAGE (self), FALSE);

  return self->n_jobs > 0;
}
