/* sp-welfare-crime-list.c: the cases that show signs of welfare crime
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Procurement's list of the cases escalated as signs of welfare crime
 * (välfärdsbrott), or whose contract issue carries the sign, newest
 * first, each with its provider. The routine gives procurement the duty
 * to tell the unit manager and the head of department of them, so each
 * row names both and offers an e-mail to them (a mailto: URI with the
 * case's diary number and subject, no personal data of the sender); a
 * click on the row opens the case. The list is one store worker job
 * (sp_store_list_welfare_crime()).
 */

#include <glib/gi18n.h>

#include "sp-welfare-crime-list.h"

struct _SpWelfareCrimeList
{
  GtkBox        parent_instance;

  SpContext    *context;
  GCancellable *cancellable;
  GPtrArray    *signs;        /* SpWelfareCrimeSign */
  guint         busy;

  GtkListBox   *list;
  GtkWidget    *empty_label;
};

G_DEFINE_FINAL_TYPE (SpWelfareCrimeList, sp_welfare_crime_list, GTK_TYPE_BOX)

static gpointer
read_signs (SpStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return sp_store_list_welfare_crime (store, error);
}

char *
sp_welfare_crime_mailto (const SpWelfareCrimeSign *sign)
{
  g_autoptr(GString) to = g_string_new (NULL);
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *subject_q = NULL;
  g_autofree char *body_q = NULL;
  const char *emails[] = { sign->manager_email, sign->head_email };
  const char *number = sign->kase->diary_number ? sign->kase->diary_number : _("Not registered");

  for (guint i = 0; i < G_N_ELEMENTS (emails); i++)
    if (emails[i] != NULL && *emails[i] != '\0')
      {
        g_autofree char *escaped = g_uri_escape_string (emails[i], "@", FALSE);

        g_string_append_printf (to, "%s%s", to->len ? "," : "", escaped);
      }
  if (to->len == 0)
    return NULL;
  subject = g_strdup_printf (_("Signs of welfare crime: %s"), number);
  body = g_strdup_printf (_("The case %s (%s) about %s shows faults that indicate welfare crime. "
                            "Under the routine, the unit manager handles them."),
                          number, sign->kase->subject ? sign->kase->subject : "",
                          sign->provider_name ? sign->provider_name : _("no provider"));
  subject_q = g_uri_escape_string (subject, NULL, FALSE);
  body_q = g_uri_escape_string (body, NULL, FALSE);
  return g_strdup_printf ("mailto:%s?subject=%s&body=%s", to->str, subject_q, body_q);
}

static void
mail_clicked (GtkButton          *button,
              SpWelfareCrimeList *self)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "uri");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
row_activated (GtkListBox         *list,
               GtkListBoxRow      *row,
               SpWelfareCrimeList *self)
{
  const char *case_id = g_object_get_data (G_OBJECT (row), "case-id");

  if (case_id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.show-case", "s", case_id);
}

static char *
whom_to_tell (SpWelfareCrimeSign *sign)
{
  if (sign->manager_name != NULL && sign->head_name != NULL)
    return g_strdup_printf (_("Tell %s (unit manager) and %s (head of department)"),
                            sign->manager_name, sign->head_name);
  if (sign->manager_name != NULL)
    return g_strdup_printf (_("Tell %s (unit manager)"), sign->manager_name);
  if (sign->head_name != NULL)
    return g_strdup_printf (_("Tell %s (head of department)"), sign->head_name);
  return g_strdup (_("The unit has no manager in the register: tell the unit manager and the head of department"));
}

static void
show_signs (SpWelfareCrimeList *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < self->signs->len; i++)
    {
      SpWelfareCrimeSign *sign = self->signs->pdata[i];
      g_autofree char *title = NULL;
      g_autofree char *when = sp_date_to_string (sign->signalled_on);
      g_autofree char *subtitle = NULL;
      g_autofree char *tell = whom_to_tell (sign);
      g_autofree char *name = g_strconcat ("welfare_row_", SP_ENTITY (sign->kase)->id, NULL);
      g_autofree char *uri = sp_welfare_crime_mailto (sign);
      GtkWidget *row = adw_action_row_new ();

      title = g_strdup_printf ("%s · %s", sign->provider_name ? sign->provider_name : _("No provider"),
                               sign->kase->subject ? sign->kase->subject : "");
      subtitle = g_strdup_printf ("%s · %s · %s%s%s\n%s",
                                  sign->kase->diary_number ? sign->kase->diary_number : _("Not registered"),
                                  sign->unit_name ? sign->unit_name : _("No unit"), when,
                                  sign->reference ? " · " : "", sign->reference ? sign->reference : "", tell);
      gtk_widget_set_name (row, name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "case-id", g_strdup (SP_ENTITY (sign->kase)->id), g_free);
      if (uri != NULL)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Tell by E-mail"));
          g_autofree char *button_name = g_strconcat ("welfare_mail_", SP_ENTITY (sign->kase)->id, NULL);

          gtk_widget_set_name (button, button_name);
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (button), "uri", g_steal_pointer (&uri), g_free);
          g_signal_connect_object (button, "clicked", G_CALLBACK (mail_clicked), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->list, row);
    }
  gtk_widget_set_visible (self->empty_label, self->signs->len == 0);
}

static void
signs_read (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SpWelfareCrimeList) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *signs = sp_store_worker_run_finish (SP_STORE_WORKER (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy--;
  if (signs == NULL)
    {
      g_warning ("The signs of welfare crime could not be read: %s", error ? error->message : "?");
      return;
    }
  g_clear_pointer (&self->signs, g_ptr_array_unref);
  self->signs = signs;
  show_signs (self);
}

void
sp_welfare_crime_list_reload (SpWelfareCrimeList *self)
{
  g_return_if_fail (SP_IS_WELFARE_CRIME_LIST (self));

  self->busy++;
  sp_store_worker_run_async (sp_context_get_worker (self->context), read_signs, NULL, NULL,
                             (GDestroyNotify) g_ptr_array_unref, self->cancellable, signs_read,
                             g_object_ref (self));
}

int
sp_welfare_crime_list_get_n_shown (SpWelfareCrimeList *self)
{
  g_return_val_if_fail (SP_IS_WELFARE_CRIME_LIST (self), -1);
  return self->signs ? (int) self->signs->len : -1;
}

gboolean
sp_welfare_crime_list_get_busy (SpWelfareCrimeList *self)
{
  g_return_val_if_fail (SP_IS_WELFARE_CRIME_LIST (self), FALSE);
  return self->busy > 0;
}

static void
sp_welfare_crime_list_dispose (GObject *object)
{
  SpWelfareCrimeList *self = SP_WELFARE_CRIME_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->signs, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_welfare_crime_list_parent_class)->dispose (object);
}

static void
sp_welfare_crime_list_class_init (SpWelfareCrimeListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sp_welfare_crime_list_dispose;
}

static void
sp_welfare_crime_list_init (SpWelfareCrimeList *self)
{
  GtkWidget *title = gtk_label_new (_("Signs of Welfare Crime"));
  GtkWidget *intro = gtk_label_new (_("Cases whose investigation or contract issue shows faults that "
                                      "indicate welfare crime (välfärdsbrott). The routine: procurement "
                                      "tells the unit manager and the head of department, and the unit "
                                      "manager handles them."));

  self->cancellable = g_cancellable_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (self), title);
  gtk_label_set_xalign (GTK_LABEL (intro), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_box_append (GTK_BOX (self), intro);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->list), "welfare_list");
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Signs of Welfare Crime"), -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated), self, 0);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->list));
  self->empty_label = gtk_label_new (_("No case shows signs of welfare crime"));
  gtk_widget_set_name (self->empty_label, "welfare_empty_label");
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_visible (self->empty_label, FALSE);
  gtk_box_append (GTK_BOX (self), self->empty_label);
}

GtkWidget *
sp_welfare_crime_list_new_entry (void)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_action_row_new ();

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_set_name (row, "provider_welfare_row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Signs of _Welfare Crime"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Cases with faults that indicate welfare crime"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return list;
}

GtkWidget *
sp_welfare_crime_list_new (SpContext *context)
{
  SpWelfareCrimeList *self = g_object_new (SP_TYPE_WELFARE_CRIME_LIST, NULL);

  self->context = context;
  return GTK_WIDGET (self);
}
