/* sp-intake-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form builds an SpCase from its widgets on every save attempt and
 * never the other way round, so that a refused save leaves every widget
 * exactly as the user left it. Contact details typed before switching on
 * Anonymous stay in their (hidden) rows but are not saved.
 */

#include <glib/gi18n.h>

#include "sp-intake-date-button.h"
#include "sp-intake-dialog.h"
#include "sp-intake-validate.h"

struct _SpIntakeDialog
{
  AdwWindow           parent_instance;

  SpStore            *store;
  char               *actor_user_id;
  char               *actor_name;
  guint               actor_roles;

  /* Index in a combo row → the id or code it stands for; index 0 is the
   * "not chosen" item. */
  GPtrArray          *unit_ids;
  GPtrArray          *provider_ids;
  GPtrArray          *category_codes;
  GPtrArray          *unit_areas;   /* GINT_TO_POINTER (SpArea + 1) */

  /* field name → Mark */
  GHashTable         *marks;

  gboolean            area_touched;
  gboolean            setting_area;
  gboolean            saved;
  gboolean            discard_confirmed;

  GtkRevealer        *message_revealer;
  GtkLabel           *message_label;
  AdwPreferencesPage *page;

  AdwComboRow        *kind_row;
  AdwComboRow        *valence_row;
  AdwComboRow        *channel_row;
  AdwActionRow       *received_row;
  SpIntakeDateButton *received_button;

  AdwPreferencesGroup *authority_group;
  AdwEntryRow        *authority_reference_row;
  AdwActionRow       *given_due_row;
  SpIntakeDateButton *given_due_button;

  AdwActionRow       *anonymous_row;
  GtkSwitch          *anonymous_switch;
  AdwEntryRow        *sender_name_row;
  AdwEntryRow        *sender_address_row;
  AdwEntryRow        *sender_phone_row;
  AdwEntryRow        *sender_email_row;
  AdwActionRow       *wants_feedback_row;
  GtkSwitch          *wants_feedback_switch;
  AdwComboRow        *relation_row;

  AdwComboRow        *concerns_row;
  AdwComboRow        *unit_row;
  AdwComboRow        *provider_row;
  AdwEntryRow        *other_district_row;
  AdwEntryRow        *other_authority_row;
  AdwComboRow        *area_row;
  AdwComboRow        *category_row;

  AdwEntryRow        *subject_row;
  AdwPreferencesRow  *description_row;
  GtkTextView        *description_view;

  AdwPreferencesGroup *service_note_group;
  AdwPreferencesRow  *service_note_row;
  GtkTextView        *service_note_view;

  AdwActionRow       *individual_record_row;
  GtkSwitch          *individual_record_switch;
  AdwActionRow       *named_employee_row;
  GtkSwitch          *named_employee_switch;
  AdwActionRow       *conflict_of_interest_row;
  GtkSwitch          *conflict_of_interest_switch;
};

G_DEFINE_FINAL_TYPE (SpIntakeDialog, sp_intake_dialog, ADW_TYPE_WINDOW)

enum {
  CASE_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Where a field's reason is shown: an extra row right under its row. */
typedef struct
{
  GtkWidget *row;
  GtkWidget *input;
  GtkWidget *error_row;
  GtkWidget *error_label;
} Mark;

#define MEMBER(m) G_STRUCT_OFFSET (SpIntakeDialog, m)

static const struct {
  const char *field;
  gssize      row;
  gssize      input;   /* -1: the row itself */
} field_widgets[] = {
  { "kind", MEMBER (kind_row), -1 },
  { "valence", MEMBER (valence_row), -1 },
  { "channel", MEMBER (channel_row), -1 },
  { "received_on", MEMBER (received_row), MEMBER (received_button) },
  { "authority_reference", MEMBER (authority_reference_row), -1 },
  { "given_due_on", MEMBER (given_due_row), MEMBER (given_due_button) },
  { "sender_anonymous", MEMBER (anonymous_row), MEMBER (anonymous_switch) },
  { "sender_name", MEMBER (sender_name_row), -1 },
  { "sender_address", MEMBER (sender_address_row), -1 },
  { "sender_phone", MEMBER (sender_phone_row), -1 },
  { "sender_email", MEMBER (sender_email_row), -1 },
  { "sender_wants_feedback", MEMBER (wants_feedback_row), MEMBER (wants_feedback_switch) },
  { "sender_relation", MEMBER (relation_row), -1 },
  { "concerns", MEMBER (concerns_row), -1 },
  { "unit_id", MEMBER (unit_row), -1 },
  { "provider_id", MEMBER (provider_row), -1 },
  { "other_district", MEMBER (other_district_row), -1 },
  { "other_authority", MEMBER (other_authority_row), -1 },
  { "area", MEMBER (area_row), -1 },
  { "category", MEMBER (category_row), -1 },
  { "subject", MEMBER (subject_row), -1 },
  { "description", MEMBER (description_row), MEMBER (description_view) },
  { "service_note", MEMBER (service_note_row), MEMBER (service_note_view) },
  { "individual_record", MEMBER (individual_record_row), MEMBER (individual_record_switch) },
  { "named_employee", MEMBER (named_employee_row), MEMBER (named_employee_switch) },
  { "conflict_of_interest", MEMBER (conflict_of_interest_row),
    MEMBER (conflict_of_interest_switch) },
};

#undef MEMBER

#define WIDGET_AT(self, offset) (*(GtkWidget **) G_STRUCT_MEMBER_P ((self), (offset)))

static char *
dup_entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  if (*text == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

static char *
dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  if (*text == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

static const char *
id_at (GPtrArray *ids,
       guint      position)
{
  if (position == GTK_INVALID_LIST_POSITION || position >= ids->len)
    return NULL;

  return g_ptr_array_index (ids, position);
}

static void
set_enum_model (AdwComboRow      *row,
                const SpEnumInfo *info,
                const char       *placeholder)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  if (placeholder != NULL)
    gtk_string_list_append (list, placeholder);

  for (guint i = 0; i < info->n_values; i++)
    gtk_string_list_append (list, sp_enum_get_label (info, (int) i));

  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static int
compare_units (gconstpointer a,
               gconstpointer b)
{
  SpUnit *ua = *(SpUnit **) a;
  SpUnit *ub = *(SpUnit **) b;

  return g_utf8_collate (ua->name ? ua->name : "", ub->name ? ub->name : "");
}

static int
compare_providers (gconstpointer a,
                   gconstpointer b)
{
  SpProvider *pa = *(SpProvider **) a;
  SpProvider *pb = *(SpProvider **) b;

  return g_utf8_collate (pa->name ? pa->name : "", pb->name ? pb->name : "");
}

static int
compare_categories (gconstpointer a,
                    gconstpointer b)
{
  SpCategory *ca = *(SpCategory **) a;
  SpCategory *cb = *(SpCategory **) b;

  if (ca->position != cb->position)
    return ca->position < cb->position ? -1 : 1;

  return g_utf8_collate (ca->name ? ca->name : "", cb->name ? cb->name : "");
}

/* The reference data is a few dozen rows read once when the form opens;
 * reading it here keeps the form simple and costs well under a frame. */
static void
load_choices (SpIntakeDialog *self)
{
  g_autoptr(GtkStringList) units = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) providers = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpUser) user = NULL;

  gtk_string_list_append (units, _("Choose a unit…"));
  g_ptr_array_add (self->unit_ids, NULL);
  g_ptr_array_add (self->unit_areas, NULL);
  records = sp_store_load_where (self->store, SP_TYPE_UNIT, NULL, NULL, &error);
  if (records == NULL)
    g_warning ("Could not load the units: %s", error->message);
  else
    {
      g_ptr_array_sort (records, compare_units);
      for (guint i = 0; i < records->len; i++)
        {
          SpUnit *unit = g_ptr_array_index (records, i);

          /* The administration as a whole is not something a case is
           * about; its departments and units are. */
          if (unit->kind == SP_UNIT_KIND_ADMINISTRATION || unit->name == NULL)
            continue;

          gtk_string_list_append (units, unit->name);
          g_ptr_array_add (self->unit_ids, g_strdup (SP_ENTITY (unit)->id));
          g_ptr_array_add (self->unit_areas, GINT_TO_POINTER (unit->area + 1));
        }
    }
  g_clear_pointer (&records, g_ptr_array_unref);
  g_clear_error (&error);
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (units));

  gtk_string_list_append (providers, _("Choose a provider…"));
  g_ptr_array_add (self->provider_ids, NULL);
  records = sp_store_load_where (self->store, SP_TYPE_PROVIDER, NULL, NULL, &error);
  if (records == NULL)
    g_warning ("Could not load the providers: %s", error->message);
  else
    {
      g_ptr_array_sort (records, compare_providers);
      for (guint i = 0; i < records->len; i++)
        {
          SpProvider *provider = g_ptr_array_index (records, i);

          if (provider->name == NULL)
            continue;

          gtk_string_list_append (providers, provider->name);
          g_ptr_array_add (self->provider_ids, g_strdup (SP_ENTITY (provider)->id));
        }
    }
  g_clear_pointer (&records, g_ptr_array_unref);
  g_clear_error (&error);
  adw_combo_row_set_model (self->provider_row, G_LIST_MODEL (providers));

  gtk_string_list_append (categories, _("Not set"));
  g_ptr_array_add (self->category_codes, NULL);
  records = sp_store_load_where (self->store, SP_TYPE_CATEGORY, NULL, NULL, &error);
  if (records == NULL)
    g_warning ("Could not load the categories: %s", error->message);
  else
    {
      g_ptr_array_sort (records, compare_categories);
      for (guint i = 0; i < records->len; i++)
        {
          SpCategory *category = g_ptr_array_index (records, i);

          if (category->code == NULL)
            continue;

          gtk_string_list_append (categories, category->name ? category->name : category->code);
          g_ptr_array_add (self->category_codes, g_strdup (category->code));
        }
    }
  g_clear_error (&error);
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));

  /* Staff record cases for their own unit: start with it chosen. */
  if (self->actor_user_id != NULL)
    user = sp_store_load (self->store, SP_TYPE_USER, self->actor_user_id, NULL);
  if (user != NULL && user->unit_id != NULL)
    {
      for (guint i = 1; i < self->unit_ids->len; i++)
        if (g_strcmp0 (g_ptr_array_index (self->unit_ids, i), user->unit_id) == 0)
          {
            adw_combo_row_set_selected (self->unit_row, i);
            break;
          }
    }
}

static SpCase *
build_case (SpIntakeDialog  *self,
            SpIntakeChoices *choices)
{
  g_autoptr(SpCase) kase = sp_case_new ();
  guint kind = adw_combo_row_get_selected (self->kind_row);
  guint channel = adw_combo_row_get_selected (self->channel_row);

  /* Position 0 of kind and channel is "Choose…". */
  choices->kind_chosen = kind != GTK_INVALID_LIST_POSITION && kind > 0;
  choices->channel_chosen = channel != GTK_INVALID_LIST_POSITION && channel > 0;
  kase->kind = choices->kind_chosen ? (SpCaseKind) (kind - 1) : SP_CASE_KIND_OPINION;
  kase->channel = choices->channel_chosen ? (SpChannel) (channel - 1) : SP_CHANNEL_LETTER;
  kase->valence = (SpValence) adw_combo_row_get_selected (self->valence_row);
  kase->received_on = sp_intake_date_button_get_date (self->received_button);

  if (choices->channel_chosen && sp_intake_channel_is_authority (kase->channel))
    {
      kase->authority_reference = dup_entry_text (self->authority_reference_row);
      kase->given_due_on = sp_intake_date_button_get_date (self->given_due_button);
    }

  kase->sender_anonymous = gtk_switch_get_active (self->anonymous_switch);
  if (!kase->sender_anonymous)
    {
      kase->sender_name = dup_entry_text (self->sender_name_row);
      kase->sender_address = dup_entry_text (self->sender_address_row);
      kase->sender_phone = dup_entry_text (self->sender_phone_row);
      kase->sender_email = dup_entry_text (self->sender_email_row);
      kase->sender_wants_feedback = gtk_switch_get_active (self->wants_feedback_switch);
    }
  kase->sender_relation = (SpRelation) adw_combo_row_get_selected (self->relation_row);

  kase->concerns = (SpConcerns) adw_combo_row_get_selected (self->concerns_row);
  switch (kase->concerns)
    {
    case SP_CONCERNS_UNIT:
      kase->unit_id = g_strdup (id_at (self->unit_ids,
                                       adw_combo_row_get_selected (self->unit_row)));
      break;

    case SP_CONCERNS_PROVIDER:
      kase->provider_id = g_strdup (id_at (self->provider_ids,
                                           adw_combo_row_get_selected (self->provider_row)));
      break;

    case SP_CONCERNS_OTHER_DISTRICT:
      kase->other_district = dup_entry_text (self->other_district_row);
      break;

    case SP_CONCERNS_OTHER_AUTHORITY:
      kase->other_authority = dup_entry_text (self->other_authority_row);
      break;

    default:
      break;
    }

  kase->area = (SpArea) adw_combo_row_get_selected (self->area_row);
  kase->category = g_strdup (id_at (self->category_codes,
                                    adw_combo_row_get_selected (self->category_row)));
  kase->subject = dup_entry_text (self->subject_row);
  kase->description = dup_view_text (self->description_view);
  if (choices->channel_chosen && sp_intake_channel_is_oral (kase->channel))
    kase->service_note = dup_view_text (self->service_note_view);

  kase->individual_record = gtk_switch_get_active (self->individual_record_switch);
  kase->named_employee = gtk_switch_get_active (self->named_employee_switch);
  kase->conflict_of_interest = gtk_switch_get_active (self->conflict_of_interest_switch);

  return g_steal_pointer (&kase);
}

static void
show_message (SpIntakeDialog *self,
              const char     *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
}

static void
clear_marks (SpIntakeDialog *self)
{
  GHashTableIter iter;
  Mark *mark;

  g_hash_table_iter_init (&iter, self->marks);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &mark))
    {
      gtk_widget_set_visible (mark->error_row, FALSE);
      gtk_label_set_text (GTK_LABEL (mark->error_label), "");
      gtk_widget_remove_css_class (mark->row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (mark->input), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (mark->input),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }

  show_message (self, NULL);
}

static Mark *
mark_field (SpIntakeDialog *self,
            const char     *field,
            const char     *reason)
{
  Mark *mark = g_hash_table_lookup (self->marks, field);

  if (mark == NULL)
    return NULL;

  gtk_label_set_text (GTK_LABEL (mark->error_label), reason);
  gtk_widget_set_visible (mark->error_row, TRUE);
  gtk_widget_add_css_class (mark->row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (mark->input),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark->input),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason,
                                  -1);

  return mark;
}

static char *
field_from_error (const GError *error)
{
  const char *path = sp_error_get_field (error);
  char *field;

  if (path == NULL)
    return NULL;

  /* "sender.email" in the API is the column sender_email. */
  field = g_strdup (path);
  g_strdelimit (field, ".", '_');

  return field;
}

gboolean
sp_intake_dialog_save (SpIntakeDialog *self)
{
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  SpIntakeChoices choices = { 0 };
  SpActor actor;

  g_return_val_if_fail (SP_IS_INTAKE_DIALOG (self), FALSE);

  if (self->saved)
    return TRUE;

  clear_marks (self);

  kase = build_case (self, &choices);
  problems = sp_intake_validate (kase, &choices, sp_date_today ());

  if (problems->len > 0)
    {
      g_autofree char *summary = NULL;
      Mark *first = NULL;

      for (guint i = 0; i < problems->len; i++)
        {
          SpIntakeProblem *problem = g_ptr_array_index (problems, i);
          Mark *mark = mark_field (self, problem->field, problem->message);

          if (first == NULL)
            first = mark;
        }

      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The case was not saved: %u field needs attention.",
                                              "The case was not saved: %u fields need attention.",
                                              problems->len),
                                 problems->len);
      show_message (self, summary);

      if (first != NULL)
        gtk_widget_grab_focus (first->input);

      return FALSE;
    }

  actor.user_id = self->actor_user_id;
  actor.display_name = self->actor_name;
  actor.roles = self->actor_roles;

  if (!sp_store_create_case (self->store, kase, &actor, &error))
    {
      g_autofree char *field = field_from_error (error);
      g_autofree char *message = NULL;
      Mark *mark = NULL;

      if (field != NULL)
        mark = mark_field (self, field, error->message);
      if (mark != NULL)
        gtk_widget_grab_focus (mark->input);

      /* Nothing is cleared: the user can fix the field or try again once
       * the database is free. */
      message = g_strdup_printf (_("The case could not be saved: %s"), error->message);
      show_message (self, message);

      return FALSE;
    }

  self->saved = TRUE;
  id = g_strdup (SP_ENTITY (kase)->id);

  g_object_ref (self);
  g_signal_emit (self, signals[CASE_CREATED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);

  return TRUE;
}

static gboolean
has_typed_text (SpIntakeDialog *self)
{
  AdwEntryRow *entries[] = {
    self->authority_reference_row, self->sender_name_row, self->sender_address_row,
    self->sender_phone_row, self->sender_email_row, self->other_district_row,
    self->other_authority_row, self->subject_row,
  };
  GtkTextView *views[] = { self->description_view, self->service_note_view };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (*gtk_editable_get_text (GTK_EDITABLE (entries[i])) != '\0')
      return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (views[i])) > 0)
      return TRUE;

  return FALSE;
}

static gboolean
close_after_discard (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));

  return G_SOURCE_REMOVE;
}

static void
on_discard_response (SpIntakeDialog *self,
                     const char     *response)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* The message dialog is transient for this window and closes itself
   * once its response is handled: close this one after it. */
  self->discard_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_after_discard, g_object_ref (self), g_object_unref);
}

static gboolean
sp_intake_dialog_close_request (GtkWindow *window)
{
  SpIntakeDialog *self = SP_INTAKE_DIALOG (window);
  GtkWidget *dialog;

  if (self->saved || self->discard_confirmed || !has_typed_text (self))
    return GTK_WINDOW_CLASS (sp_intake_dialog_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard the New Case?"),
                                   _("What you have typed will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_discard_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sp_intake_dialog_save (SP_INTAKE_DIALOG (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
update_visibility (SpIntakeDialog *self)
{
  guint channel = adw_combo_row_get_selected (self->channel_row);
  gboolean chosen = channel != GTK_INVALID_LIST_POSITION && channel > 0;
  gboolean anonymous = gtk_switch_get_active (self->anonymous_switch);
  SpConcerns concerns = adw_combo_row_get_selected (self->concerns_row);
  GtkWidget *sender_rows[] = {
    GTK_WIDGET (self->sender_name_row), GTK_WIDGET (self->sender_address_row),
    GTK_WIDGET (self->sender_phone_row), GTK_WIDGET (self->sender_email_row),
    GTK_WIDGET (self->wants_feedback_row),
  };

  gtk_widget_set_visible (GTK_WIDGET (self->authority_group),
                          chosen && sp_intake_channel_is_authority (channel - 1));
  gtk_widget_set_visible (GTK_WIDGET (self->service_note_group),
                          chosen && sp_intake_channel_is_oral (channel - 1));

  for (guint i = 0; i < G_N_ELEMENTS (sender_rows); i++)
    gtk_widget_set_visible (sender_rows[i], !anonymous);

  gtk_widget_set_visible (GTK_WIDGET (self->unit_row), concerns == SP_CONCERNS_UNIT);
  gtk_widget_set_visible (GTK_WIDGET (self->provider_row), concerns == SP_CONCERNS_PROVIDER);
  gtk_widget_set_visible (GTK_WIDGET (self->other_district_row),
                          concerns == SP_CONCERNS_OTHER_DISTRICT);
  gtk_widget_set_visible (GTK_WIDGET (self->other_authority_row),
                          concerns == SP_CONCERNS_OTHER_AUTHORITY);

  /* A reason stays only as long as its row is shown. */
  {
    GHashTableIter iter;
    Mark *mark;

    g_hash_table_iter_init (&iter, self->marks);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &mark))
      if (!gtk_widget_get_visible (mark->row) ||
          !gtk_widget_get_visible (gtk_widget_get_ancestor (mark->row,
                                                            ADW_TYPE_PREFERENCES_GROUP)))
        gtk_widget_set_visible (mark->error_row, FALSE);
  }
}

static void
on_unit_selected (SpIntakeDialog *self)
{
  guint position = adw_combo_row_get_selected (self->unit_row);
  int area;

  if (self->area_touched || position == GTK_INVALID_LIST_POSITION ||
      position >= self->unit_areas->len)
    return;

  /* Most units work in one area: suggest it until the user picks one. */
  area = GPOINTER_TO_INT (g_ptr_array_index (self->unit_areas, position)) - 1;
  if (area < 0)
    return;

  self->setting_area = TRUE;
  adw_combo_row_set_selected (self->area_row, (guint) area);
  self->setting_area = FALSE;
}

static void
on_area_selected (SpIntakeDialog *self)
{
  if (!self->setting_area)
    self->area_touched = TRUE;
}

/* Puts a hidden row for the reason right under each field's row, inside
 * the same boxed list, so that the reason reads as part of the field. */
static void
add_marks (SpIntakeDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_widgets); i++)
    {
      Mark *mark = g_new0 (Mark, 1);
      GtkWidget *list;
      int index;

      mark->row = WIDGET_AT (self, field_widgets[i].row);
      mark->input = field_widgets[i].input >= 0 ? WIDGET_AT (self, field_widgets[i].input)
                                                : mark->row;

      mark->error_label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (mark->error_label), 0);
      gtk_label_set_wrap (GTK_LABEL (mark->error_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (mark->error_label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_margin_start (mark->error_label, 12);
      gtk_widget_set_margin_end (mark->error_label, 12);
      gtk_widget_set_margin_top (mark->error_label, 6);
      gtk_widget_set_margin_bottom (mark->error_label, 6);
      gtk_widget_add_css_class (mark->error_label, "error");
      gtk_widget_add_css_class (mark->error_label, "caption");

      mark->error_row = adw_preferences_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (mark->error_row), FALSE);
      gtk_widget_set_focusable (mark->error_row, FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (mark->error_row), mark->error_label);
      gtk_widget_set_visible (mark->error_row, FALSE);

      list = gtk_widget_get_parent (mark->row);
      g_assert (GTK_IS_LIST_BOX (list));
      index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (mark->row));
      gtk_list_box_insert (GTK_LIST_BOX (list), mark->error_row, index + 1);

      gtk_accessible_update_relation (GTK_ACCESSIBLE (mark->input),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, mark->error_label, NULL,
                                      -1);

      g_hash_table_insert (self->marks, (gpointer) field_widgets[i].field, mark);
    }
}

GtkWidget *
sp_intake_dialog_get_input (SpIntakeDialog *self,
                            const char     *field)
{
  Mark *mark;

  g_return_val_if_fail (SP_IS_INTAKE_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  mark = g_hash_table_lookup (self->marks, field);

  return mark ? mark->input : NULL;
}

GtkWidget *
sp_intake_dialog_get_error_label (SpIntakeDialog *self,
                                  const char     *field)
{
  Mark *mark;

  g_return_val_if_fail (SP_IS_INTAKE_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  mark = g_hash_table_lookup (self->marks, field);

  return mark ? mark->error_label : NULL;
}

const char *
sp_intake_dialog_get_message (SpIntakeDialog *self)
{
  g_return_val_if_fail (SP_IS_INTAKE_DIALOG (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->message_revealer))
    return NULL;

  return gtk_label_get_text (self->message_label);
}

static void
sp_intake_dialog_dispose (GObject *object)
{
  SpIntakeDialog *self = SP_INTAKE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_INTAKE_DIALOG);

  G_OBJECT_CLASS (sp_intake_dialog_parent_class)->dispose (object);
}

static void
sp_intake_dialog_finalize (GObject *object)
{
  SpIntakeDialog *self = SP_INTAKE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor_user_id, g_free);
  g_clear_pointer (&self->actor_name, g_free);
  g_clear_pointer (&self->unit_ids, g_ptr_array_unref);
  g_clear_pointer (&self->unit_areas, g_ptr_array_unref);
  g_clear_pointer (&self->provider_ids, g_ptr_array_unref);
  g_clear_pointer (&self->category_codes, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_hash_table_unref);

  G_OBJECT_CLASS (sp_intake_dialog_parent_class)->finalize (object);
}

static void
sp_intake_dialog_class_init (SpIntakeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sp_intake_dialog_dispose;
  object_class->finalize = sp_intake_dialog_finalize;
  window_class->close_request = sp_intake_dialog_close_request;

  /**
   * SpIntakeDialog::case-created:
   * @case_id: the new case's id
   *
   * Emitted once the case is saved, just before the dialog closes.
   */
  signals[CASE_CREATED] =
    g_signal_new ("case-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (SP_TYPE_INTAKE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-intake-dialog.ui");

#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SpIntakeDialog, name)
  CHILD (message_revealer);
  CHILD (message_label);
  CHILD (page);
  CHILD (kind_row);
  CHILD (valence_row);
  CHILD (channel_row);
  CHILD (received_row);
  CHILD (received_button);
  CHILD (authority_group);
  CHILD (authority_reference_row);
  CHILD (given_due_row);
  CHILD (given_due_button);
  CHILD (anonymous_row);
  CHILD (anonymous_switch);
  CHILD (sender_name_row);
  CHILD (sender_address_row);
  CHILD (sender_phone_row);
  CHILD (sender_email_row);
  CHILD (wants_feedback_row);
  CHILD (wants_feedback_switch);
  CHILD (relation_row);
  CHILD (concerns_row);
  CHILD (unit_row);
  CHILD (provider_row);
  CHILD (other_district_row);
  CHILD (other_authority_row);
  CHILD (area_row);
  CHILD (category_row);
  CHILD (subject_row);
  CHILD (description_row);
  CHILD (description_view);
  CHILD (service_note_group);
  CHILD (service_note_row);
  CHILD (service_note_view);
  CHILD (individual_record_row);
  CHILD (individual_record_switch);
  CHILD (named_employee_row);
  CHILD (named_employee_switch);
  CHILD (conflict_of_interest_row);
  CHILD (conflict_of_interest_switch);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "intake.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "intake.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "intake.cancel", NULL);
}

static void
sp_intake_dialog_init (SpIntakeDialog *self)
{
  GtkEventController *shortcuts;
  guint save_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };

  self->unit_ids = g_ptr_array_new_with_free_func (g_free);
  self->unit_areas = g_ptr_array_new ();
  self->provider_ids = g_ptr_array_new_with_free_func (g_free);
  self->category_codes = g_ptr_array_new_with_free_func (g_free);
  self->marks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+Return must save even from inside the description, whose text
   * view would otherwise take the key first: catch it on the way down. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_LOCAL);
  for (guint i = 0; i < G_N_ELEMENTS (save_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (save_keys[i],
                                                                                    GDK_CONTROL_MASK),
                                                            gtk_named_action_new ("intake.save")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  set_enum_model (self->kind_row, &sp_case_kind_info, _("Choose…"));
  set_enum_model (self->valence_row, &sp_valence_info, NULL);
  set_enum_model (self->channel_row, &sp_channel_info, _("Choose…"));
  set_enum_model (self->relation_row, &sp_relation_info, NULL);
  set_enum_model (self->concerns_row, &sp_concerns_info, NULL);
  set_enum_model (self->area_row, &sp_area_info, NULL);

  adw_combo_row_set_selected (self->valence_row, SP_VALENCE_NEUTRAL);
  adw_combo_row_set_selected (self->relation_row, SP_RELATION_RESIDENT);
  adw_combo_row_set_selected (self->area_row, SP_AREA_OTHER);
  sp_intake_date_button_set_date (self->received_button, sp_date_today ());

  add_marks (self);

  g_signal_connect_object (self->channel_row, "notify::selected",
                           G_CALLBACK (update_visibility), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->concerns_row, "notify::selected",
                           G_CALLBACK (update_visibility), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->anonymous_switch, "notify::active",
                           G_CALLBACK (update_visibility), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->unit_row, "notify::selected",
                           G_CALLBACK (on_unit_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->area_row, "notify::selected",
                           G_CALLBACK (on_area_selected), self, G_CONNECT_SWAPPED);

  update_visibility (self);
}

GtkWidget *
sp_intake_dialog_new (GtkWindow     *parent,
                      SpStore       *store,
                      const SpActor *actor)
{
  SpIntakeDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  self = g_object_new (SP_TYPE_INTAKE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->actor_user_id = g_strdup (actor->user_id);
  self->actor_name = g_strdup (actor->display_name);
  self->actor_roles = actor->roles;

  load_choices (self);

  return GTK_WIDGET (self);
}
