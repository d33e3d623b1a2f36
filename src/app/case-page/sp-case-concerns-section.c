/* sp-case-concerns-section.c: what the case concerns (unit or provider,
 * area, category, an authority's reference)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The people who handle a case correct these as they route it; each
 * choice is saved at once and offered for Undo.
 */

#include <glib/gi18n.h>

#include "sp-case-concerns-section.h"

struct _SpCaseConcernsSection
{
  SpCaseSection  parent_instance;

  AdwActionRow  *concerns_row;
  AdwComboRow   *unit_row;
  AdwComboRow   *provider_row;
  AdwComboRow   *area_row;
  AdwComboRow   *category_row;
  AdwActionRow  *authority_row;
  AdwActionRow  *service_note_row;

  char          *models_for;   /* the case whose drop-downs are made */
};

G_DEFINE_FINAL_TYPE (SpCaseConcernsSection, sp_case_concerns_section, SP_TYPE_CASE_SECTION)

/* The drop-downs' models are made when another case is shown or the names
 * change, never while a choice in them is being handled. A code no longer
 * configured still shows, last. */
static void
build_models (SpCaseConcernsSection *self,
              SpCase                *kase)
{
  SpCaseSection *section = SP_CASE_SECTION (self);
  GPtrArray *codes = sp_case_section_get_category_codes (section);
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);

  for (guint i = 0; i < sp_area_info.n_values; i++)
    gtk_string_list_append (areas, sp_enum_get_label (&sp_area_info, (int) i));
  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (areas));

  sp_case_section_build_id_model (section, self->category_row, _("Not set"), codes,
                                  sp_case_section_category_name, kase->category);
  sp_case_section_build_id_model (section, self->unit_row, _("Not chosen"),
                                  sp_case_section_get_unit_ids (section),
                                  sp_case_section_unit_name, kase->unit_id);
  sp_case_section_build_id_model (section, self->provider_row, _("Not chosen"),
                                  sp_case_section_get_provider_ids (section),
                                  sp_case_section_provider_name, kase->provider_id);

  g_free (self->models_for);
  self->models_for = g_strdup (SP_ENTITY (kase)->id);
}

static void
fill_choices (SpCaseConcernsSection *self,
              SpCase                *kase)
{
  SpCaseSection *section = SP_CASE_SECTION (self);
  gboolean may = sp_case_section_has_role (section, SP_CASE_SECTION_HANDLER_ROLES);

  if (g_strcmp0 (self->models_for, SP_ENTITY (kase)->id) != 0)
    build_models (self, kase);

  adw_combo_row_set_selected (self->area_row, kase->area);
  adw_combo_row_set_selected (self->category_row,
                              sp_case_section_id_position (sp_case_section_get_category_codes (section),
                                                           kase->category));
  adw_combo_row_set_selected (self->unit_row,
                              sp_case_section_id_position (sp_case_section_get_unit_ids (section),
                                                           kase->unit_id));
  adw_combo_row_set_selected (self->provider_row,
                              sp_case_section_id_position (sp_case_section_get_provider_ids (section),
                                                           kase->provider_id));

  gtk_widget_set_visible (GTK_WIDGET (self->unit_row), kase->concerns == SP_CONCERNS_UNIT);
  gtk_widget_set_visible (GTK_WIDGET (self->provider_row), kase->concerns == SP_CONCERNS_PROVIDER);
  gtk_widget_set_sensitive (GTK_WIDGET (self->area_row), may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->category_row), may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unit_row), may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->provider_row), may);
}

static void
sp_case_concerns_section_fill (SpCaseSection *section,
                               SpCase        *kase)
{
  SpCaseConcernsSection *self = SP_CASE_CONCERNS_SECTION (section);
  const char *what = NULL;
  g_autofree char *text = NULL;
  g_autofree char *authority = NULL;

  /* Which unit or provider shows in its own drop-down below. */
  switch (kase->concerns)
    {
    case SP_CONCERNS_OTHER_DISTRICT:
      what = kase->other_district;
      break;

    case SP_CONCERNS_OTHER_AUTHORITY:
      what = kase->other_authority;
      break;

    default:
      break;
    }

  /* Translators: what a case concerns and which one, e.g. “Our unit: Solgårdens äldreboende” */
  text = what ? g_strdup_printf (_("%s: %s"), sp_enum_get_label (&sp_concerns_info, kase->concerns),
                                 what)
              : g_strdup (sp_enum_get_label (&sp_concerns_info, kase->concerns));
  sp_case_section_set_row (self->concerns_row, text);
  fill_choices (self, kase);

  if (kase->authority_reference != NULL || kase->given_due_on != SP_DATE_NONE)
    {
      g_autofree char *given = sp_date_to_string (kase->given_due_on);

      if (given != NULL)
        /* Translators: an authority's reference and the date it gave */
        authority = g_strdup_printf (_("%s, answer due %s"),
                                     kase->authority_reference ? kase->authority_reference : "—",
                                     given);
      else
        authority = g_strdup (kase->authority_reference);
    }
  sp_case_section_set_row (self->authority_row, authority);
  sp_case_section_set_row (self->service_note_row, kase->service_note);
}

static void
sp_case_concerns_section_reference_changed (SpCaseSection *section)
{
  SpCaseConcernsSection *self = SP_CASE_CONCERNS_SECTION (section);
  SpCase *kase = sp_case_section_get_case (section);

  g_clear_pointer (&self->models_for, g_free);
  if (kase != NULL)
    sp_case_section_set_case (section, kase);
}

/* The registrar forwards a case to the unit concerned, and corrects it
 * when intake chose the wrong one. */
static void
save_id_choice (SpCaseConcernsSection *self,
                AdwComboRow           *row,
                GPtrArray             *ids,
                const char            *field_name,
                const char            *toast_title)
{
  SpCaseSection *section = SP_CASE_SECTION (self);
  SpCase *kase = sp_case_section_get_case (section);
  const char *fields[] = { field_name, NULL };
  const SpField *field = sp_entity_info_lookup (&sp_case_info, field_name);
  const char *id = NULL;
  g_autoptr(SpCase) edited = NULL;

  if (sp_case_section_is_filling (section) || kase == NULL ||
      !sp_case_section_chosen_id (row, ids, &id))
    return;

  if (g_strcmp0 (id, sp_entity_get_string (SP_ENTITY (kase), field)) == 0)
    return;

  edited = sp_entity_copy (SP_ENTITY (kase));
  sp_entity_set_string (SP_ENTITY (edited), field, id);
  sp_case_section_save (section, edited, toast_title, fields);
}

static void
on_unit_selected (SpCaseConcernsSection *self)
{
  save_id_choice (self, self->unit_row, sp_case_section_get_unit_ids (SP_CASE_SECTION (self)),
                  "unit_id", _("Unit changed"));
}

static void
on_provider_selected (SpCaseConcernsSection *self)
{
  save_id_choice (self, self->provider_row,
                  sp_case_section_get_provider_ids (SP_CASE_SECTION (self)),
                  "provider_id", _("Provider changed"));
}

static void
on_category_selected (SpCaseConcernsSection *self)
{
  save_id_choice (self, self->category_row,
                  sp_case_section_get_category_codes (SP_CASE_SECTION (self)),
                  "category", _("Category changed"));
}

static void
on_area_selected (SpCaseConcernsSection *self)
{
  static const char * const fields[] = { "area", NULL };
  SpCaseSection *section = SP_CASE_SECTION (self);
  SpCase *kase = sp_case_section_get_case (section);
  guint selected = adw_combo_row_get_selected (self->area_row);
  g_autoptr(SpCase) edited = NULL;

  if (sp_case_section_is_filling (section) || kase == NULL ||
      selected == GTK_INVALID_LIST_POSITION || selected == (guint) kase->area)
    return;

  edited = sp_entity_copy (SP_ENTITY (kase));
  edited->area = (SpArea) selected;
  sp_case_section_save (section, edited, _("Area of activity changed"), fields);
}

static void
sp_case_concerns_section_finalize (GObject *object)
{
  SpCaseConcernsSection *self = SP_CASE_CONCERNS_SECTION (object);

  g_clear_pointer (&self->models_for, g_free);

  G_OBJECT_CLASS (sp_case_concerns_section_parent_class)->finalize (object);
}

static void
sp_case_concerns_section_class_init (SpCaseConcernsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpCaseSectionClass *section_class = SP_CASE_SECTION_CLASS (klass);

  object_class->finalize = sp_case_concerns_section_finalize;
  section_class->fill = sp_case_concerns_section_fill;
  section_class->reference_changed = sp_case_concerns_section_reference_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-case-concerns-section.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SpCaseConcernsSection, name)
  CHILD (concerns_row);
  CHILD (unit_row);
  CHILD (provider_row);
  CHILD (area_row);
  CHILD (category_row);
  CHILD (authority_row);
  CHILD (service_note_row);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_unit_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_provider_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_area_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_category_selected);
}

static void
sp_case_concerns_section_init (SpCaseConcernsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sp_case_section_set_plain_rows (self->concerns_row, self->authority_row,
                                  self->service_note_row, NULL);
}
