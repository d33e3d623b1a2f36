/* sp-case-page-choices.c: the drop-downs of what a case concerns (unit,
 * provider, investigating unit, area and category)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The people who handle a case correct these as they route it; each
 * choice is saved at once and offered for Undo.
 */

#include <glib/gi18n.h>

#include "sp-case-page-private.h"

/* A drop-down of units or providers: "not chosen" first, then @ids by
 * name, then the case's own id if it is no longer in the list. */
static void
build_id_model (SpCasePage  *self,
                AdwComboRow *row,
                GPtrArray   *ids,
                const char *(*name_of) (SpCasePage *, const char *),
                const char  *current)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  gboolean known = current == NULL;

  gtk_string_list_append (list, _("Not chosen"));
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      gtk_string_list_append (list, name_of (self, id));
      known |= g_strcmp0 (id, current) == 0;
    }
  if (!known)
    gtk_string_list_append (list, name_of (self, current));

  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static guint
position_of (GPtrArray  *ids,
             const char *current)
{
  if (current == NULL)
    return 0;

  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), current) == 0)
      return i + 1;

  return ids->len + 1;
}

/* Area and category are corrected by the people who handle the case; the
 * rows are drop-downs, saved as soon as a new value is chosen. Their
 * models are made when another case is shown, never while a choice in
 * them is being handled. */
static void
build_choice_models (SpCasePage *self)
{
  SpCase *kase = self->kase;
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  gboolean known = kase->category == NULL;

  for (guint i = 0; i < sp_area_info.n_values; i++)
    gtk_string_list_append (areas, sp_enum_get_label (&sp_area_info, (int) i));
  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (areas));

  /* Position 0 is "not set"; a code no longer configured still shows,
   * last. */
  gtk_string_list_append (categories, _("Not set"));
  for (guint i = 0; i < self->category_codes->len; i++)
    {
      const char *code = g_ptr_array_index (self->category_codes, i);

      gtk_string_list_append (categories,
                              _sp_case_page_category_name (self, code));
      known |= g_strcmp0 (code, kase->category) == 0;
    }
  if (!known)
    gtk_string_list_append (categories, kase->category);
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));

  build_id_model (self, self->unit_row, self->unit_ids, _sp_case_page_unit_name, kase->unit_id);
  build_id_model (self, self->provider_row, self->provider_ids, _sp_case_page_provider_name,
                  kase->provider_id);
  build_id_model (self, self->investigating_unit_row, self->unit_ids, _sp_case_page_unit_name,
                  kase->investigating_unit_id);

  self->models_dirty = FALSE;
}

void
_sp_case_page_fill_choices (SpCasePage *self)
{
  SpCase *kase = self->kase;
  gboolean may = (self->actor.roles & SP_CASE_PAGE_HANDLER_ROLES) != 0;
  guint selected = 0;

  if (self->models_dirty)
    build_choice_models (self);

  adw_combo_row_set_selected (self->area_row, kase->area);

  if (kase->category != NULL)
    {
      selected = self->category_codes->len + 1;
      for (guint i = 0; i < self->category_codes->len; i++)
        if (g_strcmp0 (g_ptr_array_index (self->category_codes, i), kase->category) == 0)
          selected = i + 1;
    }
  adw_combo_row_set_selected (self->category_row, selected);

  gtk_widget_set_sensitive (GTK_WIDGET (self->area_row), may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->category_row), may);

  adw_combo_row_set_selected (self->unit_row, position_of (self->unit_ids, kase->unit_id));
  adw_combo_row_set_selected (self->provider_row,
                              position_of (self->provider_ids, kase->provider_id));
  gtk_widget_set_visible (GTK_WIDGET (self->unit_row), kase->concerns == SP_CONCERNS_UNIT);
  gtk_widget_set_visible (GTK_WIDGET (self->provider_row), kase->concerns == SP_CONCERNS_PROVIDER);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unit_row), may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->provider_row), may);

  adw_combo_row_set_selected (self->investigating_unit_row,
                              position_of (self->unit_ids, kase->investigating_unit_id));
  gtk_widget_set_visible (GTK_WIDGET (self->investigating_unit_row),
                          kase->conflict_of_interest || kase->investigating_unit_id != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->investigating_unit_row), may);
}

/* The registrar forwards a case to the unit concerned, and corrects it
 * when intake chose the wrong one. */
static void
save_id_choice (SpCasePage  *self,
                AdwComboRow *row,
                GPtrArray   *ids,
                const char  *field_name,
                const char  *toast_title)
{
  const char *fields[] = { field_name, NULL };
  const SpField *field = sp_entity_info_lookup (&sp_case_info, field_name);
  guint selected = adw_combo_row_get_selected (row);
  const char *id = NULL;
  g_autoptr(SpCase) edited = NULL;

  if (self->filling || self->kase == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected > 0 && selected <= ids->len)
    id = g_ptr_array_index (ids, selected - 1);
  else if (selected > 0)
    return;   /* the unknown id the case already has */

  if (g_strcmp0 (id, sp_entity_get_string (SP_ENTITY (self->kase), field)) == 0)
    return;

  edited = sp_entity_copy (SP_ENTITY (self->kase));
  sp_entity_set_string (SP_ENTITY (edited), field, id);
  _sp_case_page_save_edit (self, edited, toast_title, fields, NULL);
}

static void
on_unit_selected (SpCasePage *self)
{
  save_id_choice (self, self->unit_row, self->unit_ids, "unit_id", _("Unit changed"));
}

static void
on_investigating_unit_selected (SpCasePage *self)
{
  save_id_choice (self, self->investigating_unit_row, self->unit_ids, "investigating_unit_id",
                  _("Investigating unit changed"));
}

static void
on_provider_selected (SpCasePage *self)
{
  save_id_choice (self, self->provider_row, self->provider_ids, "provider_id",
                  _("Provider changed"));
}

static void
on_area_selected (SpCasePage *self)
{
  static const char * const fields[] = { "area", NULL };
  guint selected = adw_combo_row_get_selected (self->area_row);
  g_autoptr(SpCase) edited = NULL;

  if (self->filling || self->kase == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected == (guint) self->kase->area)
    return;

  edited = sp_entity_copy (SP_ENTITY (self->kase));
  edited->area = (SpArea) selected;
  _sp_case_page_save_edit (self, edited, _("Area of activity changed"),
                           (const char * const *) fields, NULL);
}

static void
on_category_selected (SpCasePage *self)
{
  static const char * const fields[] = { "category", NULL };
  guint selected = adw_combo_row_get_selected (self->category_row);
  const char *code = NULL;
  g_autoptr(SpCase) edited = NULL;

  if (self->filling || self->kase == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected > 0 && selected <= self->category_codes->len)
    code = g_ptr_array_index (self->category_codes, selected - 1);
  else if (selected > 0)
    return;   /* the unknown code the case already has */

  if (g_strcmp0 (code, self->kase->category) == 0)
    return;

  edited = sp_entity_copy (SP_ENTITY (self->kase));
  g_free (edited->category);
  edited->category = g_strdup (code);
  _sp_case_page_save_edit (self, edited, _("Category changed"), (const char * const *) fields,
                           NULL);
}

void
_sp_case_page_init_choices (SpCasePage *self)
{
  g_signal_connect_object (self->unit_row, "notify::selected",
                           G_CALLBACK (on_unit_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->investigating_unit_row, "notify::selected",
                           G_CALLBACK (on_investigating_unit_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->provider_row, "notify::selected",
                           G_CALLBACK (on_provider_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->area_row, "notify::selected",
                           G_CALLBACK (on_area_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->category_row, "notify::selected",
                           G_CALLBACK (on_category_selected), self, G_CONNECT_SWAPPED);
}
