/* sp-intake-dialog-form.c: the New case form's fields, their choices,
 * the case built from them, and the reasons shown next to them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "sp-intake-dialog-private.h"

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
typedef struct
{
  GPtrArray *units;
  GPtrArray *providers;
  GPtrArray *categories;
  SpUser    *user;
} Choices;

static void
choices_free (gpointer p)
{
  Choices *choices = p;

  g_clear_pointer (&choices->units, g_ptr_array_unref);
  g_clear_pointer (&choices->providers, g_ptr_array_unref);
  g_clear_pointer (&choices->categories, g_ptr_array_unref);
  g_clear_object (&choices->user);
  g_free (choices);
}

/* Runs in the store worker's thread. A list that cannot be read stays
 * NULL and is warned about on the main thread; the form still opens. */
static gpointer
read_choices (SpStore       *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  const char *actor_user_id = data;
  Choices *choices = g_new0 (Choices, 1);
  g_autoptr(GError) local_error = NULL;

  if (!(choices->units = sp_store_load_where (store, SP_TYPE_UNIT, NULL, NULL, &local_error)))
    g_warning ("Could not load the units: %s", local_error->message);
  g_clear_error (&local_error);
  if (!(choices->providers = sp_store_load_where (store, SP_TYPE_PROVIDER, NULL, NULL,
                                                  &local_error)))
    g_warning ("Could not load the providers: %s", local_error->message);
  g_clear_error (&local_error);
  if (!(choices->categories = sp_store_load_where (store, SP_TYPE_CATEGORY, NULL, NULL,
                                                   &local_error)))
    g_warning ("Could not load the categories: %s", local_error->message);

  if (actor_user_id != NULL)
    choices->user = sp_store_load (store, SP_TYPE_USER, actor_user_id, NULL);

  return choices;
}

static void
fill_choices (SpIntakeDialog *self,
              Choices        *choices)
{
  g_autoptr(GtkStringList) units = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) providers = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  GPtrArray *records;
  SpUser *user = choices->user;

  g_ptr_array_set_size (self->unit_ids, 0);
  g_ptr_array_set_size (self->unit_areas, 0);
  g_ptr_array_set_size (self->provider_ids, 0);
  g_ptr_array_set_size (self->category_codes, 0);

  gtk_string_list_append (units, _("Choose a unit…"));
  g_ptr_array_add (self->unit_ids, NULL);
  g_ptr_array_add (self->unit_areas, NULL);
  if ((records = choices->units) != NULL)
    {
      g_ptr_array_sort (records, sp_entity_compare_names);
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
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (units));

  gtk_string_list_append (providers, _("Choose a provider…"));
  g_ptr_array_add (self->provider_ids, NULL);
  if ((records = choices->providers) != NULL)
    {
      g_ptr_array_sort (records, sp_entity_compare_names);
      for (guint i = 0; i < records->len; i++)
        {
          SpProvider *provider = g_ptr_array_index (records, i);

          if (provider->name == NULL)
            continue;

          gtk_string_list_append (providers, provider->name);
          g_ptr_array_add (self->provider_ids, g_strdup (SP_ENTITY (provider)->id));
        }
    }
  adw_combo_row_set_model (self->provider_row, G_LIST_MODEL (providers));

  gtk_string_list_append (categories, _("Not set"));
  g_ptr_array_add (self->category_codes, NULL);
  if ((records = choices->categories) != NULL)
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
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));

  /* Staff record cases for their own unit: start with it chosen. */
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

static void
on_choices_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  Choices *choices;

  /* Cancelled: the dialog is gone, and user_data with it. */
  if ((choices = sp_store_worker_run_finish (SP_STORE_WORKER (source), result, &error)) == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          SP_INTAKE_DIALOG (user_data)->loading = FALSE;
          _sp_intake_dialog_update_save (SP_INTAKE_DIALOG (user_data));
          g_warning ("Could not read the form's choices: %s", error->message);
        }
      return;
    }

  SP_INTAKE_DIALOG (user_data)->loading = FALSE;
  _sp_intake_dialog_update_save (SP_INTAKE_DIALOG (user_data));
  fill_choices (SP_INTAKE_DIALOG (user_data), choices);
  choices_free (choices);
}

void
_sp_intake_dialog_load_choices (SpIntakeDialog *self)
{
  self->loading = TRUE;
  sp_store_worker_run_async (self->worker, read_choices, g_strdup (self->actor->user_id), g_free,
                             choices_free, self->cancellable, on_choices_read, self);
}

SpCase *
_sp_intake_dialog_build_case (SpIntakeDialog  *self,
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

void
_sp_intake_dialog_clear_marks (SpIntakeDialog *self)
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

}

Mark *
_sp_intake_dialog_mark_field (SpIntakeDialog *self,
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

void
_sp_intake_dialog_hide_stale_marks (SpIntakeDialog *self)
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

void
_sp_intake_dialog_init_form (SpIntakeDialog *self)
{
  set_enum_model (self->kind_row, &sp_case_kind_info, _("Choose…"));
  set_enum_model (self->valence_row, &sp_valence_info, NULL);
  set_enum_model (self->channel_row, &sp_channel_info, _("Choose…"));
  set_enum_model (self->relation_row, &sp_relation_info, NULL);
  set_enum_model (self->concerns_row, &sp_concerns_info, NULL);
  set_enum_model (self->area_row, &sp_area_info, NULL);

  add_marks (self);
}
