/* sp-conflict-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built in code rather than from a template: its rows depend on how many
 * fields conflict.
 */

#include <glib/gi18n.h>

#include "sp-case-history-section.h"
#include "sp-conflict-dialog.h"

typedef struct
{
  SpConflict     *conflict;
  GtkCheckButton *own;
  GtkCheckButton *server;
  AdwEntryRow    *edit;     /* for text: the value to keep, editable */
} Choice;

struct _SpConflictDialog
{
  AdwWindow      parent_instance;

  SpStoreWorker *worker;
  GCancellable  *cancellable;  /* of the conflicts' read, cancelled on dispose */
  gboolean       loading;
  gboolean       applying;
  GtkWidget     *box;          /* the conflicts' rows, once read */
  GtkWidget     *apply;
  SpActor       *actor;        /* a copy */
  char          *case_id;
  GPtrArray     *conflicts;
  GArray        *choices;
  AdwToastOverlay *toasts;
};

G_DEFINE_FINAL_TYPE (SpConflictDialog, sp_conflict_dialog, ADW_TYPE_WINDOW)

enum {
  RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const SpField *
field_of (SpConflict *conflict)
{
  GType type = sp_entity_type_from_name (conflict->entity);

  if (type == G_TYPE_INVALID || conflict->field[0] == '@')
    return NULL;
  return sp_entity_info_lookup (sp_entity_info_for_type (type), conflict->field);
}

/* A JSON value as the user reads it. */
static char *
describe_value (const SpField *field,
                const char    *json)
{
  g_autoptr(JsonNode) node = json ? sp_json_parse (json, -1, SP_JSON_MAX_DEPTH, NULL) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup (_("(none)"));

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (node);
      int v;

      if (field != NULL && field->type == SP_FIELD_ENUM && sp_enum_from_name (field->enum_info, s, &v))
        return g_strdup (sp_enum_get_label (field->enum_info, v));
      if (s[0] == 0)
        return g_strdup (_("(none)"));
      return g_strdup (s);
    }

  return g_strdup (json);
}

static void
add_conflict (SpConflictDialog *self,
              GtkBox           *box,
              SpConflict       *conflict)
{
  const SpField *field = field_of (conflict);
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *own_text = describe_value (field, conflict->local_value);
  g_autofree char *server_text = describe_value (field, conflict->server_value);
  Choice choice = { conflict, NULL, NULL, NULL };
  GtkWidget *row;

  if (field == NULL)
    {
      /* A change the server refused outright. */
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                       g_str_has_prefix (conflict->field, "@transition")
                                       ? _("Status change refused by the server")
                                       : _("Change refused by the server"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), server_text);
      choice.own = GTK_CHECK_BUTTON (gtk_check_button_new ());
      choice.server = GTK_CHECK_BUTTON (gtk_check_button_new ());
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Try again"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (choice.own));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (choice.own));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Let it go"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (choice.server));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (choice.server));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  else
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                       sp_case_history_field_label (conflict->field));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("You and someone else changed this at the same time. Choose which to keep."));

      choice.own = GTK_CHECK_BUTTON (gtk_check_button_new ());
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Yours"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), own_text);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (choice.own));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (choice.own));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

      choice.server = GTK_CHECK_BUTTON (gtk_check_button_new ());
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("On the server"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), server_text);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (choice.server));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (choice.server));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

      /* Text can also be merged by hand. */
      if (field->type == SP_FIELD_STRING && !(field->flags & SP_FIELD_UUID) &&
          g_strcmp0 (field->name, "category") != 0)
        {
          choice.edit = ADW_ENTRY_ROW (adw_entry_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (choice.edit), _("Or write what to keep"));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (choice.edit));
        }
    }

  gtk_check_button_set_group (choice.server, choice.own);
  gtk_check_button_set_active (choice.own, TRUE);
  g_array_append_val (self->choices, choice);
  gtk_box_append (box, group);
}

static char *
chosen_json (Choice *choice)
{
  const char *edited = choice->edit ? gtk_editable_get_text (GTK_EDITABLE (choice->edit)) : NULL;

  if (edited != NULL && edited[0] != 0)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

      json_node_set_string (node, edited);
      return sp_json_to_string (node, FALSE);
    }

  if (gtk_check_button_get_active (choice->own))
    return g_strdup (choice->conflict->local_value);

  /* Keeping the server's value, or letting a refused change go. */
  if (choice->conflict->field[0] == '@')
    return g_strdup ("null");
  return g_strdup (choice->conflict->server_value);
}

typedef struct
{
  GPtrArray *conflicts;  /* holds the SpConflicts the choices point at */
  GPtrArray *chosen;     /* of ResolveChoice */
  SpActor   *actor;
} ResolveJob;

typedef struct
{
  const SpConflict *conflict;
  char             *json;
} ResolveChoice;

static void
resolve_choice_free (gpointer p)
{
  ResolveChoice *choice = p;

  g_free (choice->json);
  g_free (choice);
}

static void
resolve_job_free (gpointer p)
{
  ResolveJob *job = p;

  g_ptr_array_unref (job->conflicts);
  g_ptr_array_unref (job->chosen);
  g_clear_pointer (&job->actor, sp_actor_free);
  g_free (job);
}

/* Runs in the store worker's thread: every choice or none. */
static gpointer
resolve (SpStore       *store,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  ResolveJob *job = data;

  if (!sp_store_begin (store, error))
    return NULL;

  for (guint i = 0; i < job->chosen->len; i++)
    {
      ResolveChoice *choice = job->chosen->pdata[i];

      if (!sp_store_resolve_conflict (store, choice->conflict, choice->json, job->actor, error))
        {
          sp_store_rollback (store);
          return NULL;
        }
    }

  if (!sp_store_commit (store, error))
    return NULL;

  return GINT_TO_POINTER (TRUE);
}

static void
update_apply (SpConflictDialog *self)
{
  gtk_widget_set_sensitive (self->apply, !self->loading && !self->applying);
}

static void
on_resolved (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SpConflictDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->applying = FALSE;
  update_apply (self);
  if (sp_store_worker_run_finish (SP_STORE_WORKER (source), result, &error) == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }

  g_signal_emit (self, signals[RESOLVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

void
sp_conflict_dialog_apply (SpConflictDialog *self)
{
  ResolveJob *job;

  g_return_if_fail (SP_IS_CONFLICT_DIALOG (self));

  if (self->loading || self->applying)
    return;

  job = g_new0 (ResolveJob, 1);
  job->conflicts = g_ptr_array_ref (self->conflicts);
  job->chosen = g_ptr_array_new_with_free_func (resolve_choice_free);
  job->actor = sp_actor_copy (self->actor);
  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = &g_array_index (self->choices, Choice, i);
      ResolveChoice *chosen = g_new0 (ResolveChoice, 1);

      chosen->conflict = choice->conflict;
      chosen->json = chosen_json (choice);
      g_ptr_array_add (job->chosen, chosen);
    }

  /* Apply stays off until the store answers; the dialog lives until then. */
  self->applying = TRUE;
  update_apply (self);
  sp_store_worker_run_async (self->worker, resolve, job, resolve_job_free, NULL, NULL,
                             on_resolved, g_object_ref (self));
}

gboolean
sp_conflict_dialog_is_busy (SpConflictDialog *self)
{
  g_return_val_if_fail (SP_IS_CONFLICT_DIALOG (self), FALSE);

  return self->loading || self->applying;
}

static void
on_apply (GtkButton        *button,
          SpConflictDialog *self)
{
  sp_conflict_dialog_apply (self);
}

/* Runs in the store worker's thread. */
static gpointer
read_conflicts (SpStore       *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  GPtrArray *conflicts = sp_store_list_conflicts (store, data, NULL);

  /* Unreadable, they show as none, as they always did. */
  return conflicts != NULL ? conflicts : g_ptr_array_new ();
}

static void
on_conflicts_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts;
  SpConflictDialog *self;

  conflicts = sp_store_worker_run_finish (SP_STORE_WORKER (source), result, &error);
  /* Cancelled: the dialog is gone, and user_data with it. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  self->loading = FALSE;
  update_apply (self);
  if (conflicts == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }

  g_ptr_array_unref (self->conflicts);
  self->conflicts = conflicts;
  for (guint i = 0; i < self->conflicts->len; i++)
    add_conflict (self, GTK_BOX (self->box), self->conflicts->pdata[i]);
}

static void
sp_conflict_dialog_dispose (GObject *object)
{
  SpConflictDialog *self = SP_CONFLICT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (sp_conflict_dialog_parent_class)->dispose (object);
}

static void
sp_conflict_dialog_finalize (GObject *object)
{
  SpConflictDialog *self = SP_CONFLICT_DIALOG (object);

  g_clear_object (&self->worker);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_array_unref);
  g_clear_pointer (&self->actor, sp_actor_free);
  g_free (self->case_id);

  G_OBJECT_CLASS (sp_conflict_dialog_parent_class)->finalize (object);
}

static void
sp_conflict_dialog_class_init (SpConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_conflict_dialog_dispose;
  object_class->finalize = sp_conflict_dialog_finalize;

  signals[RESOLVED] = g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sp_conflict_dialog_init (SpConflictDialog *self)
{
  self->choices = g_array_new (FALSE, TRUE, sizeof (Choice));
  self->conflicts = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
sp_conflict_dialog_new (GtkWindow     *parent,
                        SpStoreWorker *worker,
                        const SpActor *actor,
                        const char    *case_id)
{
  SpConflictDialog *self;
  GtkWidget *header, *toolbar, *scroller, *clamp, *box, *apply, *cancel;

  g_return_val_if_fail (SP_IS_STORE_WORKER (worker), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  self = g_object_new (SP_TYPE_CONFLICT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "default-width", 560,
                       "default-height", 520,
                       "title", _("Resolve Conflicts"),
                       NULL);
  self->worker = g_object_ref (worker);
  self->actor = sp_actor_copy (actor != NULL ? actor : &(SpActor) { 0 });
  self->case_id = g_strdup (case_id);

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  self->apply = apply = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_add_css_class (apply, "suggested-action");
  g_signal_connect (apply, "clicked", G_CALLBACK (on_apply), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), apply);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  self->box = box;

  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), scroller);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, toolbar);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));

  /* The rows come when the conflicts are read; Apply waits for them. */
  self->loading = TRUE;
  update_apply (self);
  sp_store_worker_run_async (worker, read_conflicts, g_strdup (case_id), g_free,
                             (GDestroyNotify) g_ptr_array_unref, self->cancellable,
                             on_conflicts_read, self);

  return GTK_WIDGET (self);
}

guint
sp_conflict_dialog_get_n_conflicts (SpConflictDialog *self)
{
  g_return_val_if_fail (SP_IS_CONFLICT_DIALOG (self), 0);

  return self->choices->len;
}

void
sp_conflict_dialog_choose (SpConflictDialog *self,
                           guint             i,
                           gboolean          own)
{
  Choice *choice;

  g_return_if_fail (SP_IS_CONFLICT_DIALOG (self));
  g_return_if_fail (i < self->choices->len);

  choice = &g_array_index (self->choices, Choice, i);
  gtk_check_button_set_active (own ? choice->own : choice->server, TRUE);
}
