/* sp-admin-units-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tree as the routines draw it: the administration, its departments
 * (avdelningar) and their units (enheter). Each department is an
 * expander with its units inside; a unit is moved by choosing another
 * department in its form.
 */

#include <glib/gi18n.h>

#include "sp-admin-units-page.h"

struct _SpAdminUnitsPage
{
  AdwPreferencesPage  parent_instance;

  GtkListBox         *list;

  SpAdminBackend     *backend;
  SpAdminData        *data;     /* the view's */
};

G_DEFINE_FINAL_TYPE (SpAdminUnitsPage, sp_admin_units_page, ADW_TYPE_PREFERENCES_PAGE)

static SpUnit *
find_unit (SpAdminUnitsPage *self,
           const char       *id)
{
  for (guint i = 0; self->data != NULL && id != NULL && i < self->data->units->len; i++)
    {
      SpUnit *unit = g_ptr_array_index (self->data->units, i);

      if (g_strcmp0 (SP_ENTITY (unit)->id, id) == 0)
        return unit;
    }
  return NULL;
}

static SpUnit *
administration (SpAdminUnitsPage *self)
{
  for (guint i = 0; self->data != NULL && i < self->data->units->len; i++)
    {
      SpUnit *unit = g_ptr_array_index (self->data->units, i);

      if (unit->kind == SP_UNIT_KIND_ADMINISTRATION)
        return unit;
    }
  return NULL;
}

static GPtrArray *
departments (SpAdminUnitsPage *self)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; self->data != NULL && i < self->data->units->len; i++)
    {
      SpUnit *unit = g_ptr_array_index (self->data->units, i);

      if (unit->kind == SP_UNIT_KIND_DEPARTMENT)
        g_ptr_array_add (found, unit);
    }
  return found;
}

typedef struct
{
  SpAdminUnitsPage *page;
  SpUnit           *unit;      /* a copy: NULL for a new one */
  SpUnitKind        kind;
  GtkWidget        *name_row;
  GtkWidget        *parent_row;
  GtkWidget        *area_row;
  GtkWidget        *contact_rows[3];
  GPtrArray        *parent_ids;
} UnitForm;

static void
unit_form_free (gpointer p)
{
  UnitForm *form = p;

  g_clear_object (&form->unit);
  g_clear_pointer (&form->parent_ids, g_ptr_array_unref);
  g_free (form);
}

static void
unit_save (SpAdminDialog *dialog,
           UnitForm      *form)
{
  g_autoptr(SpUnit) unit = form->unit ? sp_entity_copy (SP_ENTITY (form->unit)) : sp_unit_new ();
  guint selected;

  g_free (unit->name);
  unit->name = sp_admin_entry_dup_text (form->name_row);
  unit->kind = form->kind;
  if (form->parent_row != NULL)
    {
      selected = adw_combo_row_get_selected (ADW_COMBO_ROW (form->parent_row));
      g_free (unit->parent_id);
      unit->parent_id = selected < form->parent_ids->len
                        ? g_strdup (g_ptr_array_index (form->parent_ids, selected)) : NULL;
    }
  else if (form->unit == NULL)
    {
      SpUnit *top = administration (form->page);

      unit->parent_id = top ? g_strdup (SP_ENTITY (top)->id) : NULL;
    }
  if (form->area_row != NULL)
    unit->area = (SpArea) adw_combo_row_get_selected (ADW_COMBO_ROW (form->area_row));
  g_free (unit->contact_name);
  unit->contact_name = sp_admin_entry_dup_text (form->contact_rows[0]);
  g_free (unit->contact_address);
  unit->contact_address = sp_admin_entry_dup_text (form->contact_rows[1]);
  g_free (unit->contact_phone);
  unit->contact_phone = sp_admin_entry_dup_text (form->contact_rows[2]);

  sp_admin_backend_save_async (form->page->backend, SP_ENTITY (unit), form->unit == NULL, NULL,
                               NULL, sp_admin_save_done, g_object_ref (dialog));
}

static void
unit_deactivate (SpAdminDialog *dialog,
                 UnitForm      *form)
{
  sp_admin_backend_deactivate_async (form->page->backend, SP_ENTITY (form->unit), NULL,
                                     sp_admin_deactivate_done, g_object_ref (dialog));
}

static void
open_form (SpAdminUnitsPage *self,
           SpUnit           *unit,
           SpUnitKind        kind)
{
  UnitForm *form = g_new0 (UnitForm, 1);
  SpAdminDialog *dialog;
  const char *title;

  form->page = self;
  form->unit = unit ? sp_entity_copy (SP_ENTITY (unit)) : NULL;
  form->kind = unit ? unit->kind : kind;

  if (form->kind == SP_UNIT_KIND_DEPARTMENT)
    title = unit ? _("Department") : _("New Department");
  else if (form->kind == SP_UNIT_KIND_ADMINISTRATION)
    title = _("Administration");
  else
    title = unit ? _("Unit") : _("New Unit");

  dialog = sp_admin_dialog_new (GTK_WIDGET (self), title, NULL);
  gtk_widget_set_name (GTK_WIDGET (dialog), "unit-dialog");
  form->name_row = sp_admin_entry_row_new ("name_row", _("_Name"), unit ? unit->name : NULL);
  sp_admin_dialog_add (dialog, form->name_row);

  if (form->kind == SP_UNIT_KIND_UNIT)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      g_autoptr(GPtrArray) found = departments (self);
      guint selected = 0;

      form->parent_ids = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < found->len; i++)
        {
          SpUnit *department = g_ptr_array_index (found, i);

          if (unit != NULL && g_strcmp0 (unit->parent_id, SP_ENTITY (department)->id) == 0)
            selected = i;
          g_ptr_array_add (labels, department->name);
          g_ptr_array_add (form->parent_ids, g_strdup (SP_ENTITY (department)->id));
        }
      /* A unit straight under the administration, as small districts have. */
      {
        SpUnit *top = administration (self);

        if (top != NULL)
          {
            if (unit != NULL && g_strcmp0 (unit->parent_id, SP_ENTITY (top)->id) == 0)
              selected = labels->len;
            g_ptr_array_add (labels, top->name);
            g_ptr_array_add (form->parent_ids, g_strdup (SP_ENTITY (top)->id));
          }
      }
      form->parent_row = sp_admin_combo_row_new ("parent_row", _("_Department"), labels, selected);
      sp_admin_dialog_add (dialog, form->parent_row);

      g_ptr_array_set_size (labels, 0);
      for (guint i = 0; i < sp_area_info.n_values; i++)
        g_ptr_array_add (labels, (gpointer) sp_enum_get_label (&sp_area_info, (int) i));
      form->area_row = sp_admin_combo_row_new ("area_row", _("_Area of Activity"), labels,
                                               unit ? (guint) unit->area : SP_AREA_OTHER);
      sp_admin_dialog_add (dialog, form->area_row);
    }

  /* Norrmalm: the letters name whom the sender can turn to if not
   * satisfied; a unit without a contact of its own gives its
   * department's. */
  {
    GtkWidget *group = sp_admin_dialog_add_group (dialog, _("Contact for Escalation"),
                                                  _("Named in the letters to senders who are not "
                                                    "satisfied. A unit without one gives its "
                                                    "department’s."));
    const char *names[] = { "contact_name_row", "contact_address_row", "contact_phone_row" };
    const char *titles[] = { _("Contact’s _Name"), _("_Address"), _("_Phone") };
    const char *values[] = { unit ? unit->contact_name : NULL, unit ? unit->contact_address : NULL,
                             unit ? unit->contact_phone : NULL };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        form->contact_rows[i] = sp_admin_entry_row_new (names[i], titles[i], values[i]);
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), form->contact_rows[i]);
      }
  }

  if (unit != NULL && form->kind != SP_UNIT_KIND_ADMINISTRATION)
    sp_admin_dialog_offer_deactivate (dialog, form->kind == SP_UNIT_KIND_DEPARTMENT
                                              ? _("_Deactivate Department")
                                              : _("_Deactivate Unit"));

  g_object_set_data_full (G_OBJECT (dialog), "form", form, unit_form_free);
  g_signal_connect (dialog, "save", G_CALLBACK (unit_save), form);
  g_signal_connect (dialog, "deactivate", G_CALLBACK (unit_deactivate), form);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_for (SpAdminUnitsPage *self,
          GObject          *widget)
{
  SpUnit *unit = find_unit (self, g_object_get_data (widget, "unit-id"));

  if (unit != NULL)
    open_form (self, unit, unit->kind);
}

static void
row_activated (SpAdminUnitsPage *self,
               GtkListBoxRow    *row)
{
  open_for (self, G_OBJECT (row));
}

/* Rows inside a department's expander, and its edit button, are not the
 * list's own rows: they open their unit's form themselves. */
static void
child_activated (GObject          *widget,
                 SpAdminUnitsPage *self)
{
  open_for (self, widget);
}

static GtkWidget *
unit_row (SpAdminUnitsPage *self,
          SpUnit           *unit,
          const char       *subtitle)
{
  g_autofree char *name = g_strconcat ("unit:", unit->name, NULL);
  GtkWidget *row = sp_admin_row_new (name, unit->name, subtitle, TRUE);

  g_object_set_data_full (G_OBJECT (row), "unit-id", g_strdup (SP_ENTITY (unit)->id), g_free);
  return row;
}

static void
fill (SpAdminUnitsPage *self)
{
  g_autoptr(GPtrArray) found = departments (self);
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
  SpUnit *top = administration (self);

  sp_admin_list_clear (self->list);
  if (self->data == NULL)
    return;

  if (top != NULL)
    {
      gtk_list_box_append (self->list, unit_row (self, top, _("The administration")));
      g_hash_table_add (placed, SP_ENTITY (top)->id);
    }

  for (guint i = 0; i < found->len; i++)
    {
      SpUnit *department = g_ptr_array_index (found, i);
      g_autofree char *name = g_strconcat ("department:", department->name, NULL);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      g_autofree char *edit_label = g_strdup_printf (_("Edit “%s”"), department->name);
      guint n = 0;

      gtk_widget_set_name (expander, name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), department->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
      g_hash_table_add (placed, SP_ENTITY (department)->id);

      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (edit, edit_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      edit_label, -1);
      g_object_set_data_full (G_OBJECT (edit), "unit-id", g_strdup (SP_ENTITY (department)->id),
                              g_free);
      g_signal_connect_object (edit, "clicked", G_CALLBACK (child_activated), self, 0);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), edit);

      for (guint j = 0; j < self->data->units->len; j++)
        {
          SpUnit *unit = g_ptr_array_index (self->data->units, j);
          GtkWidget *row;

          if (unit->kind != SP_UNIT_KIND_UNIT ||
              g_strcmp0 (unit->parent_id, SP_ENTITY (department)->id) != 0)
            continue;
          row = unit_row (self, unit, sp_enum_get_label (&sp_area_info, unit->area));
          g_signal_connect_object (row, "activated", G_CALLBACK (child_activated), self, 0);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
          g_hash_table_add (placed, SP_ENTITY (unit)->id);
          n++;
        }
      {
        g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unit",
                                                               "%u units", n), n);

        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), count);
      }
      gtk_list_box_append (self->list, expander);
    }

  /* Units under the administration itself, or under a unit. */
  for (guint j = 0; j < self->data->units->len; j++)
    {
      SpUnit *unit = g_ptr_array_index (self->data->units, j);

      if (!g_hash_table_contains (placed, SP_ENTITY (unit)->id))
        gtk_list_box_append (self->list,
                             unit_row (self, unit, _("Not in a department")));
    }
}

void
sp_admin_units_page_set_data (SpAdminUnitsPage *self,
                              SpAdminBackend   *backend,
                              SpAdminData      *data)
{
  g_return_if_fail (SP_IS_ADMIN_UNITS_PAGE (self));

  g_set_object (&self->backend, backend);
  self->data = data;
  fill (self);
}

static void
add_department (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_form (SP_ADMIN_UNITS_PAGE (widget), NULL, SP_UNIT_KIND_DEPARTMENT);
}

static void
add_unit (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  open_form (SP_ADMIN_UNITS_PAGE (widget), NULL, SP_UNIT_KIND_UNIT);
}

static void
sp_admin_units_page_dispose (GObject *object)
{
  SpAdminUnitsPage *self = SP_ADMIN_UNITS_PAGE (object);

  g_clear_object (&self->backend);
  self->data = NULL;

  G_OBJECT_CLASS (sp_admin_units_page_parent_class)->dispose (object);
}

static void
sp_admin_units_page_class_init (SpAdminUnitsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_admin_units_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/se/synpunkt/Synpunkt/sp-admin-units-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpAdminUnitsPage, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_install_action (widget_class, "units.add-department", NULL, add_department);
  gtk_widget_class_install_action (widget_class, "units.add-unit", NULL, add_unit);
}

static void
sp_admin_units_page_init (SpAdminUnitsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
