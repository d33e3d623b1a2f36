/* sp-case-page-private.h: what the files of SpCasePage share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-case-page.h"
#include "sp-intake-date-button.h"
#include "sp-investigation-section.h"
#include "sp-letters-section.h"

G_BEGIN_DECLS

struct _SpCasePage
{
  AdwBin              parent_instance;

  SpStore            *store;
  SpStoreWorker      *worker;        /* for the conflict dialog */
  char               *actor_user_id;
  char               *actor_name;
  SpActor             actor;

  char               *case_id;
  SpCase             *kase;          /* as last loaded from the store */
  AdwToast           *last_toast;    /* weak */

  /* id → name, read when a case is shown */
  GHashTable         *unit_names;
  GHashTable         *provider_names;
  GHashTable         *category_names;
  GPtrArray          *category_codes;  /* in the category row's order */
  GPtrArray          *unit_ids;        /* in the unit row's order */
  GPtrArray          *provider_ids;    /* in the provider row's order */

  gboolean            filling;       /* widgets are being set from the case */
  gboolean            content_dirty;
  gboolean            models_dirty;  /* the drop-downs' choices need making */

  GtkStack           *stack;
  AdwStatusPage      *missing_page;
  GtkInfoBar         *conflict_bar;
  GtkScrolledWindow  *scroller;

  GtkLabel           *diary_label;
  GtkLabel           *subject_label;
  GtkLabel           *meta_label;

  AdwActionRow       *status_row;
  GtkLabel           *status_label;
  AdwPreferencesRow  *transitions_row;
  GtkFlowBox         *transitions_box;
  GtkLabel           *transitions_label;

  AdwPreferencesGroup *deadline_group;
  AdwActionRow       *deadline_row;
  GtkImage           *deadline_icon;
  GtkLabel           *days_left_label;
  AdwActionRow       *delay_owed_row;
  AdwPreferencesRow  *delay_open_row;
  GtkButton          *delay_open_button;
  AdwEntryRow        *delay_reason_row;
  AdwPreferencesRow  *delay_error_row;
  GtkLabel           *delay_error_label;
  AdwActionRow       *delay_date_row;
  SpIntakeDateButton *delay_date_button;
  GtkButton          *delay_save_button;
  AdwActionRow       *delay_recorded_row;

  AdwPreferencesGroup *sender_group;
  AdwActionRow       *sender_name_row;
  AdwActionRow       *sender_address_row;
  AdwActionRow       *sender_phone_row;
  AdwActionRow       *sender_email_row;
  AdwActionRow       *sender_feedback_row;
  AdwActionRow       *sender_relation_row;

  AdwActionRow       *concerns_row;
  AdwComboRow        *unit_row;
  AdwComboRow        *provider_row;
  AdwComboRow        *area_row;
  AdwComboRow        *category_row;
  AdwActionRow       *authority_row;
  AdwActionRow       *service_note_row;

  AdwPreferencesGroup *flags_group;
  AdwActionRow       *individual_record_row;
  GtkSwitch          *individual_record_switch;
  AdwActionRow       *individual_record_noted_row;
  GtkSwitch          *individual_record_noted_switch;
  AdwActionRow       *named_employee_row;
  GtkSwitch          *named_employee_switch;
  AdwActionRow       *conflict_of_interest_row;
  GtkSwitch          *conflict_of_interest_switch;
  AdwComboRow        *investigating_unit_row;
  AdwActionRow       *contract_breach_row;
  GtkSwitch          *contract_breach_switch;

  AdwPreferencesGroup *content_group;
  AdwEntryRow        *subject_entry;
  AdwPreferencesRow  *subject_error_row;
  GtkLabel           *subject_error_label;
  GtkLabel           *subject_counter_label;
  AdwPreferencesRow  *description_row;
  GtkTextView        *description_view;
  AdwPreferencesRow  *content_actions_row;
  GtkButton          *content_revert_button;
  GtkButton          *content_save_button;

  SpInvestigationSection *investigation_section;
  SpLettersSection   *letters_section;
  gboolean            feedback_after_letter; /* Record feedback waits for the final answer */
  GtkListBox         *history_list;

  char               *title;         /* the header bar's: diary number */
  char               *subtitle;      /* and subject */
};

/* The longest subject; the counter shows from SP_CASE_PAGE_SUBJECT_WARN on. */
#define SP_CASE_PAGE_SUBJECT_MAX  200
#define SP_CASE_PAGE_SUBJECT_WARN 180

/* Roles that may change the case's flags, its text and record a delay
 * notice: the people who handle it, not those who only read it. */
#define SP_CASE_PAGE_HANDLER_ROLES (SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER) | \
                                    SP_ROLE_BIT (SP_ROLE_REGISTRAR))

/* sp-case-page.c */
void        _sp_case_page_reload         (SpCasePage    *self);
void        _sp_case_page_emit_changed   (SpCasePage    *self,
                                          const char    *case_id);
gboolean    _sp_case_page_may_edit       (SpCasePage    *self);
gboolean    _sp_case_page_may_see_personal_data (SpCasePage *self);
const char *_sp_case_page_lookup_name    (SpCasePage    *self,
                                          GHashTable    *names,
                                          const char    *id);

/* sp-case-page-status.c */
void        _sp_case_page_on_letter_sent (SpCasePage    *self,
                                          int            kind);
void        _sp_case_page_fill_transitions (SpCasePage  *self);
void        _sp_case_page_toast          (SpCasePage    *self,
                                          const char    *title);
/* Saves @edited (a copy of self->kase with @fields changed) with a revision
 * check, tells the user with a toast that offers Undo, and reloads. */
gboolean    _sp_case_page_save_edit      (SpCasePage    *self,
                                          SpCase        *edited,
                                          const char    *toast_title,
                                          const char * const *fields);

/* sp-case-page-details.c */
void        _sp_case_page_init_details   (SpCasePage    *self);
void        _sp_case_page_fill_details   (SpCasePage    *self);
/* Saves the subject and description if they were edited (Ctrl+S). */
void        _sp_case_page_save_text      (SpCasePage    *self);

/* sp-case-page-choices.c */
void        _sp_case_page_init_choices   (SpCasePage    *self);
void        _sp_case_page_fill_choices   (SpCasePage    *self);

/* sp-case-page-timeline.c */
void        _sp_case_page_fill_timeline  (SpCasePage    *self);
const char *_sp_case_page_field_label    (const char    *field);

/* sp-case-page-conflicts.c: the notice of changes that conflict with the
 * server's, and the dialog to choose */
void        _sp_case_page_fill_conflicts      (SpCasePage *self);
void        _sp_case_page_resolve_conflicts   (SpCasePage *self);
char       *_sp_case_page_format_value   (SpCasePage    *self,
                                          const char    *field,
                                          const char    *value);

G_END_DECLS
