/* sp-case-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page reads its case from the store whenever it changes and fills
 * every widget from that copy; edits are made on a copy of it and saved
 * with a revision check, so that a change made elsewhere in the meantime
 * is never silently overwritten. Each part of the case is a section of its
 * own (sp-case-*-section.c), which the page fills from the case it read
 * and whose saves it makes (the "save" signal); the status and its steps
 * are the page's (sp-case-page-status.c).
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

/* Every section from the case shown, the history with its events (each
 * filled once). */
static void
fill_sections (SpCasePage     *self,
               SpCasePageData *data)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    if (self->sections[i] != SP_CASE_SECTION (self->history_section))
      sp_case_section_set_case (self->sections[i], self->kase);
  sp_case_history_section_show (self->history_section, self->kase, data->events,
                                data->events_error);
}

/* A section's change is saved like the page's own: with a revision check,
 * a toast with Undo, and every section refilled from what is stored. */
static gboolean
on_section_save (SpCaseSection *section,
                 SpCase        *edited,
                 const char    *toast_title,
                 GStrv          fields,
                 GTask         *task,
                 SpCasePage    *self)
{
  if (self->kase == NULL || g_strcmp0 (SP_ENTITY (edited)->id, self->case_id) != 0)
    g_task_return_new_error (task, SP_ERROR, SP_ERROR_CONFLICT, "%s",
                             _("The case is no longer shown"));
  else
    _sp_case_page_save_edit (self, edited, toast_title, (const char * const *) fields, task);

  return TRUE;
}

static void
compose_delay_notice (SpCasePage *self)
{
  sp_letters_section_compose (self->letters_section, SP_LETTER_DELAY_NOTICE);
}

void
_sp_case_page_apply (SpCasePage     *self,
                     SpCasePageData *data)
{
  /* Cases about a named employee are for the people who handle them
   * individually (domain: unit manager, head of department, registrar). */
  if (data->kase->named_employee &&
      (self->actor->roles & (SP_CASE_SECTION_HANDLER_ROLES |
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
  fill_sections (self, data);
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
  if (data == NULL || self->kase == NULL ||
      g_strcmp0 (SP_ENTITY (data->kase)->id, self->case_id) != 0)
    return;

  _sp_case_page_fill_conflicts (self, data->conflicts);

  /* The investigation's save changed the case too (a contract breach
   * flagged): the case's own parts show it; the investigation and the
   * letters stay as they are. */
  if (SP_ENTITY (data->kase)->rev != SP_ENTITY (self->kase)->rev)
    {
      g_clear_object (&self->kase);
      self->kase = g_object_ref (data->kase);
      self->filling = TRUE;
      fill_header (self);
      _sp_case_page_fill_transitions (self);
      fill_sections (self, data);
      self->filling = FALSE;
      _sp_case_page_emit_changed (self, self->case_id);
    }
  else
    sp_case_history_section_show (self->history_section, self->kase, data->events,
                                  data->events_error);
}

/* After a section saved a record of its own (the investigation): the
 * history and conflicts are shown again, and the case's parts if the case
 * changed with it. */
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
      self->feedback_after_letter = FALSE;
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

  return sp_case_deadline_section_get_text (self->deadline_section);
}

GtkWidget *
sp_case_page_get_flag_switch (SpCasePage *self,
                              const char *flag)
{
  g_return_val_if_fail (SP_IS_CASE_PAGE (self), NULL);

  return sp_case_flags_section_get_switch (self->flags_section, flag);
}

GtkWidget *
sp_case_page_get_history_list (SpCasePage *self)
{
  g_return_val_if_fail (SP_IS_CASE_PAGE (self), NULL);

  return sp_case_history_section_get_list (self->history_section);
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
  g_clear_weak_pointer (&self->shown_toast);
  g_cancellable_cancel (self->load_cancellable);

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
  g_clear_pointer (&self->actor, sp_actor_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->toast_case_id, g_free);

  G_OBJECT_CLASS (sp_case_page_parent_class)->finalize (object);
}

static void
save_text_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  sp_case_content_section_save (SP_CASE_PAGE (widget)->content_section);
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

  g_type_ensure (SP_TYPE_CASE_DEADLINE_SECTION);
  g_type_ensure (SP_TYPE_CASE_SENDER_SECTION);
  g_type_ensure (SP_TYPE_CASE_CONCERNS_SECTION);
  g_type_ensure (SP_TYPE_CASE_FLAGS_SECTION);
  g_type_ensure (SP_TYPE_CASE_CONTENT_SECTION);
  g_type_ensure (SP_TYPE_CASE_HISTORY_SECTION);
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
  CHILD (deadline_section);
  CHILD (sender_section);
  CHILD (concerns_section);
  CHILD (flags_section);
  CHILD (content_section);
  CHILD (history_section);
  CHILD (investigation_section);
  CHILD (letters_section);
#undef CHILD
}

static void
sp_case_page_init (SpCasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->sections[0] = SP_CASE_SECTION (self->deadline_section);
  self->sections[1] = SP_CASE_SECTION (self->sender_section);
  self->sections[2] = SP_CASE_SECTION (self->concerns_section);
  self->sections[3] = SP_CASE_SECTION (self->flags_section);
  self->sections[4] = SP_CASE_SECTION (self->content_section);
  self->sections[5] = SP_CASE_SECTION (self->history_section);
  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    g_signal_connect_object (self->sections[i], "save", G_CALLBACK (on_section_save), self, 0);
  /* A recorded delay is told to the sender in its letter. */
  g_signal_connect_object (self->deadline_section, "delay-recorded",
                           G_CALLBACK (compose_delay_notice), self, G_CONNECT_SWAPPED);
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
  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    sp_case_section_set_reference (self->sections[i], reference);
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

  if (sp_actor_equal (self->actor, actor))
    return;

  g_clear_pointer (&self->actor, sp_actor_free);
  self->actor = sp_actor_copy (actor);
  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    sp_case_section_set_actor (self->sections[i], actor);
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
