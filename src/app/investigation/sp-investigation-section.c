/* sp-investigation-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The section reads and writes only through the store worker. What is
 * typed is saved as a draft a moment after the typing stops: the whole
 * investigation is checked first with the core's own checks
 * (sp_investigation_check(), the same the store and the server apply), so
 * that a problem is shown on its field and nothing is saved half-way.
 * The store writes an investigation_updated event for each field changed,
 * and on a replica queues the change in the outbox for the next sync.
 */

#include <string.h>

#include <glib/gi18n.h>

#include "sp-intake-date-button.h"
#include "sp-investigation-check.h"
#include "sp-investigation-section.h"
#include "sp-planned-action-row.h"
#include "sp-store-investigation.h"

/* Long enough not to save (and write history) at every key, short enough
 * that a draft is never far behind. */
#define AUTOSAVE_MS 1500

/* The roles that investigate: the unit manager, and the head of
 * department who answers IVO and Skolinspektionen. */
#define INVESTIGATOR_ROLES (SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) | \
                            SP_ROLE_BIT (SP_ROLE_DEPARTMENT_HEAD))
/* Quality staff and procurement see no investigation's free text. */
#define READER_ROLES (INVESTIGATOR_ROLES | SP_ROLE_BIT (SP_ROLE_STAFF) | \
                      SP_ROLE_BIT (SP_ROLE_REGISTRAR) | SP_ROLE_BIT (SP_ROLE_CASE_OFFICER) | \
                      SP_ROLE_BIT (SP_ROLE_ADMIN))

struct _SpInvestigationSection
{
  AdwBin           parent_instance;

  SpStoreWorker   *worker;
  GCancellable    *cancellable;   /* of the loads */
  SpActor         *actor;          /* a copy; NULL until set */

  char            *case_id;
  SpCase          *kase;
  SpInvestigation *inv;           /* what was loaded or last saved, id set */
  gboolean         stored;        /* the investigation is in the store */
  gboolean         filling;
  gboolean         dirty;
  gboolean         disposed;
  guint            loading;
  guint            saving;
  guint            save_source;
  char            *state_text;

  GtkLabel        *save_state_label;
  AdwPreferencesGroup *authority_group;
  AdwComboRow     *assessment_row;
  GtkListBox      *actions_list;
  GtkButton       *add_action_button;
  GtkBox          *content_box;
};

G_DEFINE_FINAL_TYPE (SpInvestigationSection, sp_investigation_section, ADW_TYPE_BIN)

static guint
roles_of (SpInvestigationSection *self)
{
  return self->actor != NULL ? self->actor->roles : 0;
}

enum {
  SAVED,
  N_SIGNALS
};

/* Every row, but not the placeholder (which is a child too). */
static void
clear_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static guint signals[N_SIGNALS];

/* The fields and the widgets that edit them: "<field>_row" for an entry
 * row, "<field>_view" for a text view, "<field>_button" for a date and
 * "<field>_row" (an expander's switch) for an escalation. */
static const char * const entry_fields[] = {
  "investigator_id", "lex_sarah_reference", "lex_maria_reference", "deviation_reference",
  "contract_breach_reference", "welfare_crime_reference",
};
static const char * const text_fields[] = {
  "facts", "heard", "analysis", "actions_taken", "feedback_text", "authority_answer",
};
static const char * const date_fields[] = {
  "follow_up_on", "authority_answer_on", "lex_sarah_on", "lex_maria_on", "deviation_on",
  "contract_breach_on", "welfare_crime_on",
};
static const char * const flag_fields[] = {
  "lex_sarah", "lex_maria", "deviation", "contract_breach", "welfare_crime",
};
/* Every field with an error row under it. */
static const char * const error_fields[] = {
  "investigator_id", "facts", "heard", "analysis", "assessment", "actions_taken",
  "feedback_text", "follow_up_on", "authority_answer", "authority_answer_on",
  "lex_sarah_reference", "lex_sarah_on", "lex_maria_reference", "lex_maria_on",
  "deviation_reference", "deviation_on", "contract_breach_reference", "contract_breach_on",
  "welfare_crime_reference", "welfare_crime_on",
};

static const struct {
  const char *field;
  const char *label;
} field_labels[] = {
  { "investigator_id", N_("Investigator") },
  { "investigating_unit_id", N_("Investigating unit") },
  { "facts", N_("What happened") },
  { "heard", N_("Who was heard") },
  { "analysis", N_("Analysis") },
  { "assessment", N_("Assessment") },
  { "actions_taken", N_("Actions taken") },
  { "feedback_text", N_("Answer to the sender") },
  { "follow_up_on", N_("Follow-up date") },
  { "authority_answer", N_("Answer to the authority") },
  { "authority_answer_on", N_("Date of the answer to the authority") },
  { "lex_sarah", N_("Lex Sarah") },
  { "lex_sarah_reference", N_("Lex Sarah reference") },
  { "lex_sarah_on", N_("Lex Sarah reported on") },
  { "lex_maria", N_("Lex Maria") },
  { "lex_maria_reference", N_("Lex Maria reference") },
  { "lex_maria_on", N_("Lex Maria reported on") },
  { "deviation", N_("Deviation routine") },
  { "deviation_reference", N_("Deviation reference") },
  { "deviation_on", N_("Deviation reported on") },
  { "contract_breach", N_("Contract breach") },
  { "contract_breach_reference", N_("Contract breach reference") },
  { "contract_breach_on", N_("Contract breach reported on") },
  { "welfare_crime", N_("Sign of welfare crime") },
  { "welfare_crime_reference", N_("Welfare crime reference") },
  { "welfare_crime_on", N_("Welfare crime reported on") },
  { "description", N_("Planned action") },
  { "responsible", N_("Responsible") },
  { "due_on", N_("Due date") },
  { "done_on", N_("Done on") },
};

const char *
sp_investigation_field_label (const char *field)
{
  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].field, field))
      return _(field_labels[i].label);
  return NULL;
}

static gpointer
part (SpInvestigationSection *self,
      const char             *field,
      const char             *suffix)
{
  g_autofree char *name = g_strconcat (field, suffix, NULL);
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (self),
                                                   SP_TYPE_INVESTIGATION_SECTION, name);

  if (object == NULL)
    g_error ("No part %s in the investigation section", name);
  return object;
}

static const SpField *
field_of (const char *name)
{
  const SpField *field = sp_entity_info_lookup (&sp_investigation_info, name);

  g_assert (field != NULL);
  return field;
}

static char *
strip_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  return *copy ? g_steal_pointer (&copy) : NULL;
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return strip_or_null (text);
}

static void
set_state (SpInvestigationSection *self,
           const char             *text)
{
  g_free (self->state_text);
  self->state_text = g_strdup (text);
  gtk_label_set_text (self->save_state_label, text ? text : "");
}

/* The investigation as the widgets have it, on a copy of the last saved. */
static SpInvestigation *
read_widgets (SpInvestigationSection *self)
{
  SpInvestigation *inv = sp_entity_copy (SP_ENTITY (self->inv));

  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    {
      g_autofree char *text =
        strip_or_null (gtk_editable_get_text (part (self, entry_fields[i], "_row")));

      sp_entity_set_string (SP_ENTITY (inv), field_of (entry_fields[i]), text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *text = view_text (part (self, text_fields[i], "_view"));

      sp_entity_set_string (SP_ENTITY (inv), field_of (text_fields[i]), text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (date_fields); i++)
    G_STRUCT_MEMBER (SpDate, inv, field_of (date_fields[i])->offset) =
      sp_intake_date_button_get_date (part (self, date_fields[i], "_button"));
  for (guint i = 0; i < G_N_ELEMENTS (flag_fields); i++)
    G_STRUCT_MEMBER (gboolean, inv, field_of (flag_fields[i])->offset) =
      adw_expander_row_get_enable_expansion (part (self, flag_fields[i], "_row"));
  inv->assessment = (SpAssessment) adw_combo_row_get_selected (self->assessment_row);

  return inv;
}

static void
fill_widgets (SpInvestigationSection *self)
{
  SpInvestigation *inv = self->inv;

  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    {
      const char *text = sp_entity_get_string (SP_ENTITY (inv), field_of (entry_fields[i]));

      gtk_editable_set_text (part (self, entry_fields[i], "_row"), text ? text : "");
    }
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *text = sp_entity_get_string (SP_ENTITY (inv), field_of (text_fields[i]));
      GtkTextView *view = part (self, text_fields[i], "_view");

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (date_fields); i++)
    sp_intake_date_button_set_date (part (self, date_fields[i], "_button"),
                                    G_STRUCT_MEMBER (SpDate, inv, field_of (date_fields[i])->offset));
  for (guint i = 0; i < G_N_ELEMENTS (flag_fields); i++)
    adw_expander_row_set_enable_expansion (part (self, flag_fields[i], "_row"),
                                           G_STRUCT_MEMBER (gboolean, inv,
                                                            field_of (flag_fields[i])->offset));
  adw_combo_row_set_selected (self->assessment_row, inv->assessment);

  /* The answer to the authority is asked for where an authority sent
   * the complaint. */
  gtk_widget_set_visible (GTK_WIDGET (self->authority_group),
                          self->kase != NULL &&
                          (self->kase->channel == SP_CHANNEL_IVO ||
                           self->kase->channel == SP_CHANNEL_SKOLINSPEKTIONEN ||
                           inv->authority_answer != NULL));
  self->filling = FALSE;
}

/* Marks the fields @problems name; a problem of no field shown here goes
 * to the state line. TRUE when there were none. */
static gboolean
show_problems (SpInvestigationSection *self,
               GPtrArray              *problems)
{
  const char *unplaced = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (error_fields); i++)
    {
      const char *message = NULL;

      for (guint j = 0; problems != NULL && j < problems->len; j++)
        {
          SpProblem *problem = problems->pdata[j];

          if (g_strcmp0 (problem->field, error_fields[i]) == 0)
            message = problem->message;
        }
      gtk_label_set_text (part (self, error_fields[i], "_error"), message ? message : "");
      gtk_widget_set_visible (part (self, error_fields[i], "_error_row"), message != NULL);
    }

  for (guint j = 0; problems != NULL && j < problems->len && unplaced == NULL; j++)
    {
      SpProblem *problem = problems->pdata[j];
      gboolean placed = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (error_fields); i++)
        placed |= g_strcmp0 (problem->field, error_fields[i]) == 0;
      if (!placed)
        unplaced = problem->message;
    }

  if (problems != NULL && problems->len > 0)
    {
      g_autofree char *text =
        g_strdup_printf (_("Not saved: %s"),
                         unplaced ? unplaced : _("correct the marked fields"));

      set_state (self, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_blank (SpInvestigation *inv)
{
  const SpEntityInfo *info = &sp_investigation_info;

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];

      if (field->flags & SP_FIELD_SERVER || g_str_equal (field->name, "id") ||
          g_str_equal (field->name, "case_id") || g_str_equal (field->name, "investigator_id"))
        continue;
      if (sp_entity_field_is_set (SP_ENTITY (inv), field) &&
          !(field->type == SP_FIELD_ENUM && G_STRUCT_MEMBER (int, inv, field->offset) == 0) &&
          !(field->type == SP_FIELD_BOOL && !G_STRUCT_MEMBER (gboolean, inv, field->offset)))
        return FALSE;
    }
  return TRUE;
}

/* Jobs of the worker */

typedef struct
{
  SpCase          *kase;
  SpInvestigation *inv;
  GPtrArray       *actions;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *loaded = data;

  g_clear_object (&loaded->kase);
  g_clear_object (&loaded->inv);
  g_clear_pointer (&loaded->actions, g_ptr_array_unref);
  g_free (loaded);
}

static gpointer
load_job (SpStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  const char *case_id = data;
  Loaded *loaded = g_new0 (Loaded, 1);

  loaded->kase = sp_store_get_case (store, case_id, error);
  if (loaded->kase == NULL)
    {
      loaded_free (loaded);
      return NULL;
    }
  loaded->inv = sp_store_get_investigation (store, case_id, NULL);
  loaded->actions = sp_store_load_where (store, SP_TYPE_PLANNED_ACTION, "case_id", case_id,
                                         error);
  if (loaded->actions == NULL)
    {
      loaded_free (loaded);
      return NULL;
    }
  return loaded;
}

typedef struct
{
  SpEntity *entity;
  SpActor  *actor;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_clear_object (&job->entity);
  g_clear_pointer (&job->actor, sp_actor_free);
  g_free (job);
}

/* A contract breach escalated in the investigation of a case about a
 * provider flags the case too, which brings it to procurement (their
 * access, their list, the contract issue). Only ever set here, never
 * cleared: clearing the flag is the handler's own decision. */
static void
flag_contract_breach (SpStore         *store,
                      SpInvestigation *inv,
                      const SpActor   *actor)
{
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  if (!inv->contract_breach)
    return;

  kase = sp_store_get_case (store, inv->case_id, NULL);
  if (kase == NULL || kase->contract_breach || kase->concerns != SP_CONCERNS_PROVIDER)
    return;

  kase->contract_breach = TRUE;
  /* The investigation is saved whatever happens to the flag (a newer
   * version of the case, say): the switch on the page can still be set. */
  if (!sp_store_update_case (store, kase, actor, TRUE, &error))
    g_debug ("The case was not flagged as a contract breach: %s", error->message);
}

static gpointer
save_job (SpStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  SaveJob *job = data;
  gboolean ok;

  if (SP_IS_INVESTIGATION (job->entity))
    {
      ok = sp_store_save_investigation (store, SP_INVESTIGATION (job->entity), SP_SAVE_DEFAULT,
                                        job->actor, error);
      if (ok)
        flag_contract_breach (store, SP_INVESTIGATION (job->entity), job->actor);
    }
  else
    ok = sp_store_save_planned_action (store, SP_PLANNED_ACTION (job->entity), SP_SAVE_DEFAULT,
                                       job->actor, error);
  if (!ok)
    return NULL;
  return sp_store_load (store, G_OBJECT_TYPE (job->entity), job->entity->id, error);
}

static void on_load_done (GObject *source, GAsyncResult *result, gpointer user_data);
static void on_save_done (GObject *source, GAsyncResult *result, gpointer user_data);

static void
start_save (SpInvestigationSection *self,
            SpEntity               *entity)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->entity = sp_entity_copy (entity);
  job->actor = sp_actor_copy (self->actor != NULL ? self->actor : &(SpActor) { 0 });
  self->saving++;
  set_state (self, _("Saving…"));
  /* No cancellable: a draft is saved even when the section goes away. */
  sp_store_worker_run_async (self->worker, save_job, job, save_job_free, g_object_unref,
                             NULL, on_save_done, g_object_ref (self));
}

static void
save_actions (SpInvestigationSection *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SpPlannedActionRow *row;
      g_autoptr(SpPlannedAction) action = NULL;
      g_autoptr(GPtrArray) problems = NULL;

      if (!SP_IS_PLANNED_ACTION_ROW (child) ||
          !sp_planned_action_row_get_dirty (SP_PLANNED_ACTION_ROW (child)))
        continue;
      row = SP_PLANNED_ACTION_ROW (child);
      action = sp_planned_action_row_dup_action (row);
      problems = sp_planned_action_check (action, self->kase);
      sp_planned_action_row_show_problems (row, problems);
      if (problems->len > 0)
        {
          set_state (self, _("Not saved: correct the marked fields"));
          continue;
        }
      sp_planned_action_row_set_dirty (row, FALSE);
      g_object_set_data (G_OBJECT (row), "sp-stored", GINT_TO_POINTER (TRUE));
      start_save (self, SP_ENTITY (action));
    }
}

void
sp_investigation_section_save_now (SpInvestigationSection *self)
{
  g_autoptr(SpInvestigation) inv = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_return_if_fail (SP_IS_INVESTIGATION_SECTION (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->inv == NULL || self->worker == NULL)
    return;

  save_actions (self);
  if (!self->dirty)
    return;

  inv = read_widgets (self);
  problems = sp_investigation_check (inv, self->kase);
  if (!show_problems (self, problems))
    return;
  self->dirty = FALSE;
  /* Nothing written yet: no empty investigation is made. */
  if (!self->stored && is_blank (inv))
    return;
  start_save (self, SP_ENTITY (inv));
}

static gboolean
on_autosave (gpointer data)
{
  SpInvestigationSection *self = data;

  self->save_source = 0;
  sp_investigation_section_save_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (SpInvestigationSection *self)
{
  if (self->filling || self->inv == NULL)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (AUTOSAVE_MS, on_autosave, self);
  set_state (self, _("Editing…"));
}

static void
on_changed (SpInvestigationSection *self)
{
  if (self->filling)
    return;
  self->dirty = TRUE;
  schedule_save (self);
}

static void
on_action_changed (SpInvestigationSection *self)
{
  schedule_save (self);
}

static void
on_escalation_toggled (AdwExpanderRow         *row,
                       GParamSpec             *pspec,
                       SpInvestigationSection *self)
{
  const char *name = g_object_get_data (G_OBJECT (row), "sp-field");
  g_autofree char *button_name = g_strconcat (name, "_on", NULL);
  SpIntakeDateButton *button = part (self, button_name, "_button");

  if (self->filling)
    return;
  /* Reported today, unless the user says otherwise. */
  if (adw_expander_row_get_enable_expansion (row) &&
      sp_intake_date_button_get_date (button) == SP_DATE_NONE)
    sp_intake_date_button_set_date (button, sp_date_today ());
  on_changed (self);
}

static void
on_save_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SpInvestigationSection) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpEntity) saved = sp_store_worker_run_finish (SP_STORE_WORKER (source), result,
                                                          &error);

  self->saving--;
  if (self->disposed)
    return;

  if (saved == NULL)
    {
      g_autofree char *text = NULL;
      const char *field = sp_error_get_field (error);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("Not saved: %s"), error->message);
      set_state (self, text);
      if (field != NULL && strcmp (field, "case_id") != 0)
        {
          for (guint i = 0; i < G_N_ELEMENTS (error_fields); i++)
            if (g_str_equal (error_fields[i], field))
              {
                gtk_label_set_text (part (self, field, "_error"), error->message);
                gtk_widget_set_visible (part (self, field, "_error_row"), TRUE);
              }
        }
      /* Saved again with the next edit. */
      self->dirty = TRUE;
      return;
    }

  if (SP_IS_INVESTIGATION (saved) && g_strcmp0 (SP_INVESTIGATION (saved)->case_id,
                                                self->case_id) == 0)
    {
      g_set_object (&self->inv, SP_INVESTIGATION (saved));
      self->stored = TRUE;
    }

  if (self->saving == 0 && self->save_source == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *time = g_date_time_format (now, "%H:%M");
      /* Translators: %s is a time of day, 14:05 */
      g_autofree char *text = g_strdup_printf (_("Draft saved at %s"), time);

      set_state (self, text);
    }
  g_signal_emit (self, signals[SAVED], 0);
}

static void
on_action_remove (SpPlannedActionRow     *row,
                  SpInvestigationSection *self)
{
  if (g_object_get_data (G_OBJECT (row), "sp-stored") != NULL)
    {
      g_autoptr(SpPlannedAction) action = sp_planned_action_row_dup_action (row);

      /* The tombstone is the removal; what it said stays in the history. */
      SP_ENTITY (action)->deleted = TRUE;
      start_save (self, SP_ENTITY (action));
    }
  gtk_list_box_remove (self->actions_list, GTK_WIDGET (row));
}

static SpPlannedActionRow *
add_action_row (SpInvestigationSection *self,
                SpPlannedAction        *action)
{
  GtkWidget *row = sp_planned_action_row_new (action, self->case_id);

  if (action != NULL)
    g_object_set_data (G_OBJECT (row), "sp-stored", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (row, "changed", G_CALLBACK (on_action_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_action_remove), self, 0);
  gtk_list_box_append (self->actions_list, row);
  return SP_PLANNED_ACTION_ROW (row);
}

static void
on_add_action (SpInvestigationSection *self)
{
  SpPlannedActionRow *row = add_action_row (self, NULL);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (gtk_widget_get_first_child (GTK_WIDGET (row)));
}

static void
update_sensitivity (SpInvestigationSection *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), self->case_id != NULL && (roles_of (self) & READER_ROLES));
  gtk_widget_set_sensitive (GTK_WIDGET (self->content_box),
                            self->inv != NULL && (roles_of (self) & INVESTIGATOR_ROLES));
}

static void
on_load_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SpInvestigationSection) self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *loaded = sp_store_worker_run_finish (SP_STORE_WORKER (source), result, &error);
  self->loading--;
  if (loaded == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !self->disposed)
        {
          g_autofree char *text = g_strdup_printf (_("Could not read the investigation: %s"),
                                                   error->message);
          set_state (self, text);
        }
      return;
    }
  if (self->disposed || g_strcmp0 (SP_ENTITY (loaded->kase)->id, self->case_id) != 0)
    {
      loaded_free (loaded);
      return;
    }

  g_set_object (&self->kase, loaded->kase);
  g_clear_object (&self->inv);
  self->stored = loaded->inv != NULL;
  if (loaded->inv != NULL)
    self->inv = g_object_ref (loaded->inv);
  else
    {
      self->inv = sp_investigation_new ();
      self->inv->case_id = g_strdup (self->case_id);
      /* The unit manager investigates, unless they say who else does. */
      self->inv->investigator_id = g_strdup (self->actor != NULL ? self->actor->display_name : NULL);
      sp_entity_ensure_id (SP_ENTITY (self->inv));
    }

  clear_rows (self->actions_list);
  for (guint i = 0; i < loaded->actions->len; i++)
    add_action_row (self, loaded->actions->pdata[i]);

  fill_widgets (self);
  show_problems (self, NULL);
  self->dirty = FALSE;
  set_state (self, self->stored ? _("Saved") : _("Not started"));
  update_sensitivity (self);
  loaded_free (loaded);
}

static void
load (SpInvestigationSection *self)
{
  if (self->worker == NULL || self->case_id == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading++;
  sp_store_worker_run_async (self->worker, load_job, g_strdup (self->case_id), g_free,
                             loaded_free, self->cancellable, on_load_done, g_object_ref (self));
}

void
sp_investigation_section_set_case_id (SpInvestigationSection *self,
                                      const char             *case_id)
{
  g_return_if_fail (SP_IS_INVESTIGATION_SECTION (self));

  if (g_strcmp0 (self->case_id, case_id) == 0)
    {
      /* What is being typed is not thrown away by a reload. */
      if (self->dirty || self->save_source != 0 || self->saving > 0)
        return;
    }
  else
    {
      /* The last edits of the case left are saved for it. */
      sp_investigation_section_save_now (self);
      g_free (self->case_id);
      self->case_id = g_strdup (case_id);
      g_clear_object (&self->inv);
      g_clear_object (&self->kase);
    }

  update_sensitivity (self);
  load (self);
}

const char *
sp_investigation_section_get_case_id (SpInvestigationSection *self)
{
  g_return_val_if_fail (SP_IS_INVESTIGATION_SECTION (self), NULL);

  return self->case_id;
}

gboolean
sp_investigation_section_get_busy (SpInvestigationSection *self)
{
  g_return_val_if_fail (SP_IS_INVESTIGATION_SECTION (self), FALSE);

  return self->loading > 0 || self->saving > 0 || self->save_source != 0;
}

const char *
sp_investigation_section_get_state_text (SpInvestigationSection *self)
{
  g_return_val_if_fail (SP_IS_INVESTIGATION_SECTION (self), NULL);

  return self->state_text;
}

void
sp_investigation_section_set_worker (SpInvestigationSection *self,
                                     SpStoreWorker          *worker)
{
  g_return_if_fail (SP_IS_INVESTIGATION_SECTION (self));

  g_set_object (&self->worker, worker);
}

void
sp_investigation_section_set_actor (SpInvestigationSection *self,
                                    const SpActor          *actor)
{
  g_return_if_fail (SP_IS_INVESTIGATION_SECTION (self));
  g_return_if_fail (actor != NULL);

  g_clear_pointer (&self->actor, sp_actor_free);
  self->actor = sp_actor_copy (actor);
  update_sensitivity (self);
}

static void
sp_investigation_section_dispose (GObject *object)
{
  SpInvestigationSection *self = SP_INVESTIGATION_SECTION (object);

  if (!self->disposed)
    {
      /* A draft is not lost by closing the page. */
      sp_investigation_section_save_now (self);
      self->disposed = TRUE;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->save_source, g_source_remove);

  G_OBJECT_CLASS (sp_investigation_section_parent_class)->dispose (object);
}

static void
sp_investigation_section_finalize (GObject *object)
{
  SpInvestigationSection *self = SP_INVESTIGATION_SECTION (object);

  g_clear_object (&self->worker);
  g_clear_object (&self->kase);
  g_clear_object (&self->inv);
  g_free (self->case_id);
  g_clear_pointer (&self->actor, sp_actor_free);
  g_free (self->state_text);

  G_OBJECT_CLASS (sp_investigation_section_parent_class)->finalize (object);
}

static void
bind_parts (GtkWidgetClass     *widget_class,
            const char * const *fields,
            guint               n_fields,
            const char         *suffix)
{
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *name = g_strconcat (fields[i], suffix, NULL);

      /* Found again with gtk_widget_get_template_child (), by name. */
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (name), FALSE, 0);
    }
}

static void
sp_investigation_section_class_init (SpInvestigationSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_investigation_section_dispose;
  object_class->finalize = sp_investigation_section_finalize;

  /**
   * SpInvestigationSection::saved:
   *
   * Emitted after an edit reached the store (the history has changed).
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (SP_TYPE_INTAKE_DATE_BUTTON);
  g_type_ensure (SP_TYPE_PLANNED_ACTION_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-investigation-section.ui");
  gtk_widget_class_bind_template_child (widget_class, SpInvestigationSection, save_state_label);
  gtk_widget_class_bind_template_child (widget_class, SpInvestigationSection, authority_group);
  gtk_widget_class_bind_template_child (widget_class, SpInvestigationSection, assessment_row);
  gtk_widget_class_bind_template_child (widget_class, SpInvestigationSection, actions_list);
  gtk_widget_class_bind_template_child (widget_class, SpInvestigationSection, add_action_button);
  gtk_widget_class_bind_template_child (widget_class, SpInvestigationSection, content_box);

  bind_parts (widget_class, entry_fields, G_N_ELEMENTS (entry_fields), "_row");
  bind_parts (widget_class, text_fields, G_N_ELEMENTS (text_fields), "_view");
  bind_parts (widget_class, date_fields, G_N_ELEMENTS (date_fields), "_button");
  bind_parts (widget_class, flag_fields, G_N_ELEMENTS (flag_fields), "_row");
  bind_parts (widget_class, error_fields, G_N_ELEMENTS (error_fields), "_error");
  bind_parts (widget_class, error_fields, G_N_ELEMENTS (error_fields), "_error_row");
}

static void
sp_investigation_section_init (SpInvestigationSection *self)
{
  g_autoptr(GtkStringList) assessments = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int i = SP_ASSESSMENT_NOT_ASSESSED; i <= SP_ASSESSMENT_CANNOT_ASSESS; i++)
    gtk_string_list_append (assessments, sp_enum_get_label (&sp_assessment_info, i));
  adw_combo_row_set_model (self->assessment_row, G_LIST_MODEL (assessments));

  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    g_signal_connect_swapped (part (self, entry_fields[i], "_row"), "changed",
                              G_CALLBACK (on_changed), self);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    g_signal_connect_swapped (gtk_text_view_get_buffer (part (self, text_fields[i], "_view")),
                              "changed", G_CALLBACK (on_changed), self);
  for (guint i = 0; i < G_N_ELEMENTS (date_fields); i++)
    g_signal_connect_swapped (part (self, date_fields[i], "_button"), "notify::date",
                              G_CALLBACK (on_changed), self);
  for (guint i = 0; i < G_N_ELEMENTS (flag_fields); i++)
    {
      GObject *row = part (self, flag_fields[i], "_row");

      g_object_set_data (row, "sp-field", (gpointer) flag_fields[i]);
      g_signal_connect (row, "notify::enable-expansion", G_CALLBACK (on_escalation_toggled), self);
    }
  g_signal_connect_swapped (self->assessment_row, "notify::selected", G_CALLBACK (on_changed),
                            self);
  g_signal_connect_swapped (self->add_action_button, "clicked", G_CALLBACK (on_add_action), self);

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
sp_investigation_section_new (SpStoreWorker *worker,
                              const SpActor *actor)
{
  SpInvestigationSection *self = g_object_new (SP_TYPE_INVESTIGATION_SECTION, NULL);

  sp_investigation_section_set_worker (self, worker);
  if (actor != NULL)
    sp_investigation_section_set_actor (self, actor);
  return GTK_WIDGET (self);
}
