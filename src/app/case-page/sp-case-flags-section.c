/* sp-case-flags-section.c: the case's flags (an individual's record, a
 * named employee, conflict of interest, contract breach)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each flag is saved as soon as it is switched, and offered for Undo. A
 * conflict of interest brings the choice of the unit that investigates
 * instead; a contract breach about a provider leads procurement to its
 * contract issue.
 */

#include <glib/gi18n.h>

#include "sp-case-flags-section.h"
#include "sp-case-history-section.h"

struct _SpCaseFlagsSection
{
  SpCaseSection  parent_instance;

  AdwActionRow  *individual_record_row;
  GtkSwitch     *individual_record_switch;
  AdwActionRow  *individual_record_noted_row;
  GtkSwitch     *individual_record_noted_switch;
  AdwActionRow  *named_employee_row;
  GtkSwitch     *named_employee_switch;
  AdwActionRow  *conflict_of_interest_row;
  GtkSwitch     *conflict_of_interest_switch;
  AdwComboRow   *investigating_unit_row;
  AdwActionRow  *contract_breach_row;
  GtkSwitch     *contract_breach_switch;
  AdwActionRow  *contract_issue_row;
  GtkButton     *contract_issue_button;

  char          *models_for;   /* the case whose drop-down is made */
};

G_DEFINE_FINAL_TYPE (SpCaseFlagsSection, sp_case_flags_section, SP_TYPE_CASE_SECTION)

static GtkSwitch *
switch_of (SpCaseFlagsSection *self,
           const char         *flag)
{
  if (g_strcmp0 (flag, "individual_record") == 0)
    return self->individual_record_switch;
  if (g_strcmp0 (flag, "individual_record_noted") == 0)
    return self->individual_record_noted_switch;
  if (g_strcmp0 (flag, "named_employee") == 0)
    return self->named_employee_switch;
  if (g_strcmp0 (flag, "contract_breach") == 0)
    return self->contract_breach_switch;
  if (g_strcmp0 (flag, "conflict_of_interest") == 0)
    return self->conflict_of_interest_switch;

  return NULL;
}

static void
fill_investigating_unit (SpCaseFlagsSection *self,
                         SpCase             *kase,
                         gboolean            may)
{
  SpCaseSection *section = SP_CASE_SECTION (self);
  GPtrArray *unit_ids = sp_case_section_get_unit_ids (section);

  /* Made when another case is shown, never while a choice is handled. */
  if (g_strcmp0 (self->models_for, SP_ENTITY (kase)->id) != 0)
    {
      sp_case_section_build_id_model (section, self->investigating_unit_row, _("Not chosen"),
                                      unit_ids, sp_case_section_unit_name,
                                      kase->investigating_unit_id);
      g_free (self->models_for);
      self->models_for = g_strdup (SP_ENTITY (kase)->id);
    }

  adw_combo_row_set_selected (self->investigating_unit_row,
                              sp_case_section_id_position (unit_ids, kase->investigating_unit_id));
  gtk_widget_set_visible (GTK_WIDGET (self->investigating_unit_row),
                          kase->conflict_of_interest || kase->investigating_unit_id != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->investigating_unit_row), may);
}

static void
sp_case_flags_section_fill (SpCaseSection *section,
                            SpCase        *kase)
{
  SpCaseFlagsSection *self = SP_CASE_FLAGS_SECTION (section);
  gboolean may = sp_case_section_has_role (section, SP_CASE_SECTION_HANDLER_ROLES);

  gtk_switch_set_active (self->individual_record_switch, kase->individual_record);
  gtk_switch_set_active (self->individual_record_noted_switch, kase->individual_record_noted);
  /* The routine asks for a note in the person's file: a task until done. */
  gtk_widget_set_visible (GTK_WIDGET (self->individual_record_noted_row), kase->individual_record);
  adw_action_row_set_subtitle (self->individual_record_noted_row,
                               kase->individual_record_noted
                                 ? NULL
                                 : _("To do: note in the file that the case came in, was "
                                     "registered and handled"));
  gtk_switch_set_active (self->named_employee_switch, kase->named_employee);
  gtk_switch_set_active (self->conflict_of_interest_switch, kase->conflict_of_interest);
  gtk_switch_set_active (self->contract_breach_switch, kase->contract_breach);
  /* Contracts are with private providers. */
  gtk_widget_set_visible (GTK_WIDGET (self->contract_breach_row),
                          kase->concerns == SP_CONCERNS_PROVIDER || kase->contract_breach);

  /* Procurement (and the administrator) open the contract issue of a
   * flagged case about a provider (the window's action). */
  gtk_widget_set_visible (GTK_WIDGET (self->contract_issue_row),
                          kase->contract_breach && kase->provider_id != NULL &&
                          sp_case_section_has_role (section, SP_ROLE_BIT (SP_ROLE_PROCUREMENT) |
                                                             SP_ROLE_BIT (SP_ROLE_ADMIN)));
  /* The target first: the window's action takes (case, provider). */
  if (kase->provider_id != NULL)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->contract_issue_button), "(ss)",
                                        SP_ENTITY (kase)->id, kase->provider_id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->contract_issue_button),
                                      "win.open-contract-issue");
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->individual_record_row), may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->individual_record_noted_row), may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->named_employee_row), may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->conflict_of_interest_row), may);
  gtk_widget_set_sensitive (GTK_WIDGET (self->contract_breach_row), may);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         may ? NULL
                                             : _("Unit managers and registrars set the flags."));
  fill_investigating_unit (self, kase, may);
}

static void
sp_case_flags_section_reference_changed (SpCaseSection *section)
{
  SpCaseFlagsSection *self = SP_CASE_FLAGS_SECTION (section);
  SpCase *kase = sp_case_section_get_case (section);

  g_clear_pointer (&self->models_for, g_free);
  if (kase != NULL)
    sp_case_section_set_case (section, kase);
}

static void
on_flag_toggled (GtkSwitch          *toggle,
                 GParamSpec         *pspec,
                 SpCaseFlagsSection *self)
{
  SpCaseSection *section = SP_CASE_SECTION (self);
  SpCase *kase = sp_case_section_get_case (section);
  const char *field = g_object_get_data (G_OBJECT (toggle), "sp-field");
  const char *fields[] = { field, NULL };
  const SpField *spec = sp_entity_info_lookup (&sp_case_info, field);
  g_autoptr(SpCase) edited = NULL;
  g_autofree char *title = NULL;
  gboolean active = gtk_switch_get_active (toggle);

  if (sp_case_section_is_filling (section) || kase == NULL || spec == NULL)
    return;

  if (sp_entity_get_int (SP_ENTITY (kase), spec) == active)
    return;

  edited = sp_entity_copy (SP_ENTITY (kase));
  sp_entity_set_int (SP_ENTITY (edited), spec, active);

  /* Translators: %s is a flag, e.g. “Conflict of interest” */
  title = g_strdup_printf (active ? _("Flag set: %s") : _("Flag cleared: %s"),
                           sp_case_history_field_label (field));
  sp_case_section_save (section, edited, title, fields);
}

static void
on_investigating_unit_selected (SpCaseFlagsSection *self)
{
  static const char * const fields[] = { "investigating_unit_id", NULL };
  SpCaseSection *section = SP_CASE_SECTION (self);
  SpCase *kase = sp_case_section_get_case (section);
  const char *id = NULL;
  g_autoptr(SpCase) edited = NULL;

  if (sp_case_section_is_filling (section) || kase == NULL ||
      !sp_case_section_chosen_id (self->investigating_unit_row,
                                  sp_case_section_get_unit_ids (section), &id) ||
      g_strcmp0 (id, kase->investigating_unit_id) == 0)
    return;

  edited = sp_entity_copy (SP_ENTITY (kase));
  g_free (edited->investigating_unit_id);
  edited->investigating_unit_id = g_strdup (id);
  sp_case_section_save (section, edited, _("Investigating unit changed"), fields);
}

GtkWidget *
sp_case_flags_section_get_switch (SpCaseFlagsSection *self,
                                  const char         *flag)
{
  g_return_val_if_fail (SP_IS_CASE_FLAGS_SECTION (self), NULL);

  return (GtkWidget *) switch_of (self, flag);
}

static void
sp_case_flags_section_finalize (GObject *object)
{
  SpCaseFlagsSection *self = SP_CASE_FLAGS_SECTION (object);

  g_clear_pointer (&self->models_for, g_free);

  G_OBJECT_CLASS (sp_case_flags_section_parent_class)->finalize (object);
}

static void
sp_case_flags_section_class_init (SpCaseFlagsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpCaseSectionClass *section_class = SP_CASE_SECTION_CLASS (klass);

  object_class->finalize = sp_case_flags_section_finalize;
  section_class->fill = sp_case_flags_section_fill;
  section_class->reference_changed = sp_case_flags_section_reference_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/synpunkt/Synpunkt/sp-case-flags-section.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SpCaseFlagsSection, name)
  CHILD (individual_record_row);
  CHILD (individual_record_switch);
  CHILD (individual_record_noted_row);
  CHILD (individual_record_noted_switch);
  CHILD (named_employee_row);
  CHILD (named_employee_switch);
  CHILD (conflict_of_interest_row);
  CHILD (conflict_of_interest_switch);
  CHILD (investigating_unit_row);
  CHILD (contract_breach_row);
  CHILD (contract_breach_switch);
  CHILD (contract_issue_row);
  CHILD (contract_issue_button);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_flag_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_investigating_unit_selected);
}

static void
sp_case_flags_section_init (SpCaseFlagsSection *self)
{
  static const char * const flags[] = {
    "individual_record", "individual_record_noted", "named_employee",
    "conflict_of_interest", "contract_breach",
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Each switch knows the field it stands for. */
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    g_object_set_data (G_OBJECT (switch_of (self, flags[i])), "sp-field", (gpointer) flags[i]);
}
