/* sp-admin-categories-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * New categories come last in the list; a category cannot be removed,
 * since closed cases keep theirs for the annual summary.
 */

#include <glib/gi18n.h>

#include "sp-admin-categories-page.h"

struct _SpAdminCategoriesPage
{
  AdwPreferencesPage  parent_instance;

  GtkListBox         *list;

  SpAdminBackend     *backend;
  SpAdminData        *data;
};

G_DEFINE_FINAL_TYPE (SpAdminCategoriesPage, sp_admin_categories_page, ADW_TYPE_PREFERENCES_PAGE)

typedef struct
{
  SpAdminCategoriesPage *page;
  SpCategory            *category;  /* a copy; NULL for a new one */
  GtkWidget             *name_row;
  GtkWidget             *code_row;
} CategoryForm;

static void
category_form_free (gpointer p)
{
  CategoryForm *form = p;

  g_clear_object (&form->category);
  g_free (form);
}

static void
category_save (SpAdminDialog *dialog,
               CategoryForm  *form)
{
  SpAdminCategoriesPage *self = form->page;
  g_autoptr(SpCategory) category = form->category ? sp_entity_copy (SP_ENTITY (form->category))
                                                  : sp_category_new ();

  g_free (category->name);
  category->name = sp_admin_entry_dup_text (form->name_row);
  if (form->category == NULL)
    {
      int last = 0;

      category->code = sp_admin_entry_dup_text (form->code_row);
      for (guint i = 0; i < self->data->categories->len; i++)
        last = MAX (last, SP_CATEGORY (g_ptr_array_index (self->data->categories, i))->position);
      category->position = last + 1;
    }

  sp_admin_backend_save_async (self->backend, SP_ENTITY (category), form->category == NULL,
                               NULL, NULL, sp_admin_save_done, g_object_ref (dialog));
}

static void
open_form (SpAdminCategoriesPage *self,
           SpCategory            *category)
{
  CategoryForm *form = g_new0 (CategoryForm, 1);
  SpAdminDialog *dialog;

  form->page = self;
  form->category = category ? sp_entity_copy (SP_ENTITY (category)) : NULL;
  dialog = sp_admin_dialog_new (GTK_WIDGET (self), category ? _("Category") : _("New Category"),
                                category ? NULL
                                         : _("The code is how cases and the server name the "
                                             "category, such as “food_meals”; it cannot change "
                                             "later."));
  gtk_widget_set_name (GTK_WIDGET (dialog), "category-dialog");
  form->name_row = sp_admin_entry_row_new ("name_row", _("_Name"), category ? category->name : NULL);
  form->code_row = sp_admin_entry_row_new ("code_row", _("_Code"), category ? category->code : NULL);
  gtk_widget_set_sensitive (form->code_row, category == NULL);
  sp_admin_dialog_add (dialog, form->name_row);
  sp_admin_dialog_add (dialog, form->code_row);

  g_object_set_data_full (G_OBJECT (dialog), "form", form, category_form_free);
  g_signal_connect (dialog, "save", G_CALLBACK (category_save), form);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
row_activated (SpAdminCategoriesPage *self,
               GtkListBoxRow         *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "category-id");

  for (guint i = 0; self->data != NULL && i < self->data->categories->len; i++)
    {
      SpCategory *category = g_ptr_array_index (self->data->categories, i);

      if (g_strcmp0 (SP_ENTITY (category)->id, id) == 0)
        {
          open_form (self, category);
          return;
        }
    }
}

void
sp_admin_categories_page_set_data (SpAdminCategoriesPage *self,
                                   SpAdminBackend        *backend,
                                   SpAdminData           *data)
{
  g_return_if_fail (SP_IS_ADMIN_CATEGORIES_PAGE (self));

  g_set_object (&self->backend, backend);
  self->data = data;
  sp_admin_list_clear (self->list);
  for (guint i = 0; data != NULL && i < data->categories->len; i++)
    {
      SpCategory *category = g_ptr_array_index (data->categories, i);
      g_autofree char *name = g_strconcat ("category:", category->code, NULL);
      GtkWidget *row = sp_admin_row_new (name, category->name, category->code, TRUE);

      g_object_set_data_full (G_OBJECT (row), "category-id", g_strdup (SP_ENTITY (category)->id),
                              g_free);
      gtk_list_box_append (self->list, row);
    }
}

static void
add_category (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  open_form (SP_ADMIN_CATEGORIES_PAGE (widget), NULL);
}

static void
sp_admin_categories_page_dispose (GObject *object)
{
  SpAdminCategoriesPage *self = SP_ADMIN_CATEGORIES_PAGE (object);

  g_clear_object (&self->backend);
  self->data = NULL;

  G_OBJECT_CLASS (sp_admin_categories_page_parent_class)->dispose (object);
}

static void
sp_admin_categories_page_class_init (SpAdminCategoriesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_admin_categories_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/se/synpunkt/Synpunkt/sp-admin-categories-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpAdminCategoriesPage, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_install_action (widget_class, "categories.add", NULL, add_category);
}

static void
sp_admin_categories_page_init (SpAdminCategoriesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
