/* sp-case-section.h: the base of the case page's sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "synpunkt-core.h"
#include "sp-reference.h"

G_BEGIN_DECLS

/* Roles that may change the case's flags, its text and record a delay
 * notice: the people who handle it, not those who only read it. */
#define SP_CASE_SECTION_HANDLER_ROLES (SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) | \
                                       SP_ROLE_BIT (SP_ROLE_REGISTRAR))

#define SP_TYPE_CASE_SECTION (sp_case_section_get_type ())

G_DECLARE_DERIVABLE_TYPE (SpCaseSection, sp_case_section, SP, CASE_SECTION,
                          AdwPreferencesGroup)

struct _SpCaseSectionClass
{
  AdwPreferencesGroupClass parent_class;

  /* Shows @kase for the section's actor. What fill changes in the widgets
   * is never saved: sp_case_section_is_filling() is TRUE meanwhile. */
  void (*fill)              (SpCaseSection *self,
                             SpCase        *kase);
  /* The reference data changed; the default refills. */
  void (*reference_changed) (SpCaseSection *self);

  gpointer padding[6];
};

/* The case shown (never edited in place: edits are made on a copy). */
void           sp_case_section_set_case        (SpCaseSection      *self,
                                                SpCase             *kase);
SpCase        *sp_case_section_get_case        (SpCaseSection      *self);
/* Who works (a copy is kept); the section refills for their roles. */
void           sp_case_section_set_actor       (SpCaseSection      *self,
                                                const SpActor      *actor);
const SpActor *sp_case_section_get_actor       (SpCaseSection      *self);
/* Names of units, providers and categories, and the drop-downs' order. */
void           sp_case_section_set_reference   (SpCaseSection      *self,
                                                SpReference        *reference);
SpReference   *sp_case_section_get_reference   (SpCaseSection      *self);

gboolean       sp_case_section_is_filling      (SpCaseSection      *self);
/* Whether the actor has one of @role_bits. */
gboolean       sp_case_section_has_role        (SpCaseSection      *self,
                                                guint               role_bits);
/* Whether the actor may change the case's text. */
gboolean       sp_case_section_may_edit        (SpCaseSection      *self);
gboolean       sp_case_section_may_see_personal_data (SpCaseSection *self);

/* Asks the page to save @edited (a copy of the case with @fields
 * changed) with a revision check, to refill every section from what is
 * stored then, and to tell the user (@toast_title, with Undo). The
 * result says whether the store took it. */
void           sp_case_section_save_async      (SpCaseSection      *self,
                                                SpCase             *edited,
                                                const char         *toast_title,
                                                const char * const *fields,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
gboolean       sp_case_section_save_finish     (SpCaseSection      *self,
                                                GAsyncResult       *result,
                                                GError            **error);
/* The same, for a save whose result the section does not need. */
void           sp_case_section_save            (SpCaseSection      *self,
                                                SpCase             *edited,
                                                const char         *toast_title,
                                                const char * const *fields);

/* Shared by the sections. */
/* Shows @value as @row's subtitle, and hides the row when there is none. */
void           sp_case_section_set_row         (AdwActionRow       *row,
                                                const char         *value);
/* @text stripped, or NULL when nothing is left. */
char          *sp_case_section_strip_or_null   (const char         *text);
/* The name shown for a unit, provider or category (its id if unknown). */
const char    *sp_case_section_unit_name       (SpCaseSection      *self,
                                                const char         *id);
const char    *sp_case_section_provider_name   (SpCaseSection      *self,
                                                const char         *id);
const char    *sp_case_section_category_name   (SpCaseSection      *self,
                                                const char         *code);
/* The ids of the units a case can concern (no administration), of the
 * providers and the category codes, in the reference data's order. */
GPtrArray     *sp_case_section_get_unit_ids    (SpCaseSection      *self);
GPtrArray     *sp_case_section_get_provider_ids (SpCaseSection     *self);
GPtrArray     *sp_case_section_get_category_codes (SpCaseSection   *self);
/* A drop-down of @ids: @none_label first, then each by @name_of, then
 * @current if it is not among them; and the position of @current in it. */
void           sp_case_section_build_id_model  (SpCaseSection      *self,
                                                AdwComboRow        *row,
                                                const char         *none_label,
                                                GPtrArray          *ids,
                                                const char *(*name_of) (SpCaseSection *,
                                                                        const char *),
                                                const char         *current);
guint          sp_case_section_id_position     (GPtrArray          *ids,
                                                const char         *current);
/* The rows (AdwPreferencesRow, up to NULL) show what people typed, which
 * is never markup. */
void           sp_case_section_set_plain_rows  (gpointer            first_row,
                                                ...) G_GNUC_NULL_TERMINATED;
/* The id chosen in a drop-down made by sp_case_section_build_id_model()
 * (NULL for the first choice); FALSE when nothing or the case's own unknown
 * id is chosen. */
gboolean       sp_case_section_chosen_id       (AdwComboRow        *row,
                                                GPtrArray          *ids,
                                                const char        **id);

G_END_DECLS
