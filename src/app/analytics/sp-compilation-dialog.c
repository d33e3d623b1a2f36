/* sp-compilation-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "sp-compilation-dialog.h"

struct _SpCompilationDialog
{
  AdwWindow          parent_instance;

  GtkButton         *save_button;
  AdwPreferencesGroup *header_group;
  GtkLabel          *figures_label;
  GtkTextView       *analysis_view;
  GtkTextView       *assessment_view;
  GtkTextView       *taken_view;
  GtkTextView       *planned_view;
  AdwEntryRow       *follow_up_row;
  GtkLabel          *error_label;

  SpStoreWorker     *worker;
  SpActor           *actor;
  GCancellable      *cancellable;
  SpUnitCompilation *compilation;   /* as read: the stored one, or a new one */
  char              *unit_id;
  char              *period;
  const char        *state;
};

G_DEFINE_FINAL_TYPE (SpCompilationDialog, sp_compilation_dialog, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_STATE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
set_state (SpCompilationDialog *self,
           const char          *state)
{
  if (g_strcmp0 (self->state, state) == 0)
    return;
  self->state = state;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), g_str_equal (state, "ready"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* ---- Jobs (the worker's thread) ------------------------------------ */

typedef struct
{
  char              *unit_id;
  char              *period;
  SpUnitCompilation *compilation;
  SpActor           *actor;
} Job;

static void
job_free (gpointer p)
{
  Job *job = p;

  g_free (job->unit_id);
  g_free (job->period);
  g_clear_object (&job->compilation);
  sp_actor_free (job->actor);
  g_free (job);
}

/* The unit's compilation of the period, or a new one with the figures as
 * they would be counted now (the store counts them again on saving). */
static gpointer
load_job (SpStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Job *job = data;
  g_autoptr(GPtrArray) found = sp_store_list_unit_compilations (store, job->unit_id, job->period, error);
  g_autoptr(SpStatsFigures) figures = NULL;
  g_autoptr(JsonNode) node = NULL;
  SpStatsQuery query = { NULL, { SP_STATS_SCOPE_UNIT, job->unit_id }, SP_DATE_NONE };
  SpUnitCompilation *fresh;
  SpPeriod period;

  if (found == NULL)
    return NULL;
  if (found->len > 0)
    return g_object_ref (found->pdata[0]);

  fresh = sp_unit_compilation_new ();
  fresh->unit_id = g_strdup (job->unit_id);
  fresh->period = g_strdup (job->period);
  if (sp_period_parse (job->period, &period, NULL) &&
      (figures = sp_stats_compute (store, &query, &period, NULL)) != NULL)
    {
      node = sp_stats_figures_to_json (figures);
      fresh->figures = sp_json_to_string (node, FALSE);
    }
  return fresh;
}

static gpointer
save_job (SpStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Job *job = data;

  if (!sp_store_save_unit_compilation (store, job->compilation, SP_SAVE_DEFAULT, job->actor, error))
    return NULL;
  return sp_store_load (store, SP_TYPE_UNIT_COMPILATION, SP_ENTITY (job->compilation)->id, error);
}

/* ---- The form ------------------------------------------------------ */

static void
set_text (GtkTextView *view,
          const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

static char *
get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return text;
  g_free (text);
  return NULL;
}

static void
show_figures (SpCompilationDialog *self)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  g_autofree char *text = NULL;
  g_autofree char *total = NULL;
  g_autofree char *complaints = NULL;
  g_autofree char *positive = NULL;

  if (self->compilation->figures == NULL ||
      (node = sp_json_parse (self->compilation->figures, -1, 16, NULL)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (node))
    return;
  object = json_node_get_object (node);
  total = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member_with_default (object, "total", 0));
  complaints = g_strdup_printf ("%" G_GINT64_FORMAT,
                                json_object_get_int_member_with_default (object, "complaints", 0));
  positive = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member_with_default (object, "positive", 0));
  /* Translators: "Figures now: 12 cases, 5 complaints, 3 positive." */
  text = g_strdup_printf (_("%s: %s cases, %s complaints, %s positive."),
                          self->compilation->written_on != SP_DATE_NONE
                            ? _("Figures when it was made") : _("Figures now"),
                          total, complaints, positive);
  gtk_label_set_text (self->figures_label, text);
}

static void
fill (SpCompilationDialog *self)
{
  set_text (self->analysis_view, self->compilation->analysis);
  set_text (self->assessment_view, self->compilation->assessment);
  set_text (self->taken_view, self->compilation->actions_taken);
  set_text (self->planned_view, self->compilation->actions_planned);
  if (self->compilation->follow_up_on != SP_DATE_NONE)
    {
      char date[11];

      sp_date_format (self->compilation->follow_up_on, date);
      gtk_editable_set_text (GTK_EDITABLE (self->follow_up_row), date);
    }
  show_figures (self);
}

static void
loaded (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(SpCompilationDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  SpUnitCompilation *compilation = sp_store_worker_run_finish (SP_STORE_WORKER (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (compilation == NULL)
    {
      gtk_label_set_text (self->error_label, error ? error->message : _("The compilation cannot be read"));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  self->compilation = compilation;
  fill (self);
  set_state (self, "ready");
}

static void
saved (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(SpCompilationDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  SpUnitCompilation *compilation = sp_store_worker_run_finish (SP_STORE_WORKER (object), result, &error);

  if (compilation == NULL)
    {
      const char *field = error ? sp_error_get_field (error) : NULL;
      g_autofree char *text = NULL;

      /* The field's name in the form's words, then what to do. */
      if (g_strcmp0 (field, "analysis") == 0)
        text = g_strdup_printf (_("Analysis: %s"), error->message);
      else if (g_strcmp0 (field, "assessment") == 0)
        text = g_strdup_printf (_("Assessment: %s"), error->message);
      else if (g_strcmp0 (field, "actions_taken") == 0)
        text = g_strdup_printf (_("Actions taken: %s"), error->message);
      else if (g_strcmp0 (field, "actions_planned") == 0 || g_strcmp0 (field, "follow_up_on") == 0)
        text = g_strdup_printf (_("Planned actions: %s"), error->message);
      else
        text = g_strdup (error ? error->message : _("The compilation was not saved"));
      gtk_label_set_text (self->error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      set_state (self, "ready");
      return;
    }
  g_set_object (&self->compilation, compilation);
  g_object_unref (compilation);
  set_state (self, "saved");
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked (SpCompilationDialog *self)
{
  g_autoptr(SpUnitCompilation) copy = NULL;
  const char *follow_up = gtk_editable_get_text (GTK_EDITABLE (self->follow_up_row));
  Job *job;

  if (self->compilation == NULL)
    return;
  copy = sp_entity_copy (SP_ENTITY (self->compilation));
  g_free (copy->analysis);
  copy->analysis = get_text (self->analysis_view);
  g_free (copy->assessment);
  copy->assessment = get_text (self->assessment_view);
  g_free (copy->actions_taken);
  copy->actions_taken = get_text (self->taken_view);
  g_free (copy->actions_planned);
  copy->actions_planned = get_text (self->planned_view);
  copy->follow_up_on = SP_DATE_NONE;
  if (follow_up != NULL && *follow_up != '\0' && !sp_date_parse (follow_up, &copy->follow_up_on))
    {
      gtk_label_set_text (self->error_label, _("Write the follow-up date as YYYY-MM-DD"));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  set_state (self, "saving");
  job = g_new0 (Job, 1);
  job->compilation = g_steal_pointer (&copy);
  job->actor = self->actor ? sp_actor_copy (self->actor) : NULL;
  /* The save holds the dialog until the store answers. */
  sp_store_worker_run_async (self->worker, save_job, job, job_free, g_object_unref, NULL, saved,
                             g_object_ref (self));
}

static void
cancel_clicked (SpCompilationDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
sp_compilation_dialog_dispose (GObject *object)
{
  SpCompilationDialog *self = SP_COMPILATION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_object (&self->compilation);
  g_clear_pointer (&self->actor, sp_actor_free);
  g_clear_pointer (&self->unit_id, g_free);
  g_clear_pointer (&self->period, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_COMPILATION_DIALOG);
  G_OBJECT_CLASS (sp_compilation_dialog_parent_class)->dispose (object);
}

static void
sp_compilation_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SpCompilationDialog *self = SP_COMPILATION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_compilation_dialog_class_init (SpCompilationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_compilation_dialog_dispose;
  object_class->get_property = sp_compilation_dialog_get_property;

  properties[PROP_STATE] = g_param_spec_string ("state", NULL, NULL, "loading",
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-compilation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpCompilationDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SpCompilationDialog, header_group);
  gtk_widget_class_bind_template_child (widget_class, SpCompilationDialog, figures_label);
  gtk_widget_class_bind_template_child (widget_class, SpCompilationDialog, analysis_view);
  gtk_widget_class_bind_template_child (widget_class, SpCompilationDialog, assessment_view);
  gtk_widget_class_bind_template_child (widget_class, SpCompilationDialog, taken_view);
  gtk_widget_class_bind_template_child (widget_class, SpCompilationDialog, planned_view);
  gtk_widget_class_bind_template_child (widget_class, SpCompilationDialog, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, SpCompilationDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sp_compilation_dialog_init (SpCompilationDialog *self)
{
  self->state = "loading";
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

SpCompilationDialog *
sp_compilation_dialog_new (GtkWindow      *parent,
                           SpStoreWorker  *worker,
                           const SpActor  *actor,
                           const char     *unit_id,
                           const char     *unit_name,
                           const SpPeriod *period)
{
  SpCompilationDialog *self;
  g_autofree char *label = sp_period_get_label (period);
  g_autofree char *title = g_strdup_printf ("%s, %s", unit_name ? unit_name : unit_id, label);
  Job *job;

  g_return_val_if_fail (SP_IS_STORE_WORKER (worker), NULL);
  g_return_val_if_fail (unit_id != NULL && period != NULL, NULL);

  self = g_object_new (SP_TYPE_COMPILATION_DIALOG, "transient-for", parent, NULL);
  self->worker = g_object_ref (worker);
  self->actor = actor ? sp_actor_copy (actor) : NULL;
  self->unit_id = g_strdup (unit_id);
  self->period = sp_period_to_string (period);
  adw_preferences_group_set_title (self->header_group, title);

  job = g_new0 (Job, 1);
  job->unit_id = g_strdup (unit_id);
  job->period = g_strdup (self->period);
  sp_store_worker_run_async (worker, load_job, job, job_free, g_object_unref, self->cancellable, loaded,
                             g_object_ref (self));
  return self;
}

const char *
sp_compilation_dialog_get_state (SpCompilationDialog *self)
{
  g_return_val_if_fail (SP_IS_COMPILATION_DIALOG (self), NULL);

  return self->state;
}
