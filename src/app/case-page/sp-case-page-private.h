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

/* A case as the worker read it, with its history and open conflicts. */
typedef struct
{
  SpCase    *kase;
  GPtrArray *events;        /* SpCaseEvent, or NULL with events_error */
  GError    *events_error;
  GPtrArray *conflicts;     /* SpConflict, may be NULL */
} SpCasePageData;

typedef enum
{
  SP_SAVE_EDIT,             /* edited, with a revision check */
  SP_SAVE_TRANSITION,       /* edited moved to `to` (and forwarded_to) */
  SP_SAVE_UNDO,             /* before's `fields` put back, if still at after_rev */
} SpSaveKind;

typedef struct _SpCasePageSave SpCasePageSave;

/* Called on the main thread once a save has come back and the page was
 * refilled; save->error says whether it was refused. */
typedef void (*SpCasePageSaved) (SpCasePage     *self,
                                 SpCasePageSave *save);

struct _SpCasePageSave
{
  SpSaveKind       kind;
  SpCasePage      *page;           /* a reference, until the save is done */
  SpCase          *edited;
  SpStatus         to;
  char            *forwarded_to;
  SpCase          *before;         /* the case as it was before the action */
  gint64           after_rev;      /* for an undo */
  GPtrArray       *fields;         /* names of the fields changed */
  char            *user_id;        /* the actor, copied for the thread */
  char            *display_name;
  guint            roles;
  char            *toast_title;
  SpCasePageSaved  done;

  /* filled by the job */
  SpCasePageData  *data;           /* the case as stored afterwards */
  GError          *error;          /* why the save was refused */
};

struct _SpCasePage
{
  AdwBin              parent_instance;

  SpStoreWorker      *worker;        /* every read and save is its job */
  SpReference        *reference;     /* names of units, providers, categories */
  GCancellable       *load_cancellable;
  guint               n_jobs;        /* reads and saves not yet come back */
  char               *actor_user_id;
  char               *actor_name;
  SpActor             actor;

  char               *case_id;
  SpCase             *kase;          /* as last loaded from the store */
  AdwToast           *last_toast;    /* weak */

  /* the drop-downs' choices, in the reference data's order */
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
  AdwActionRow       *contract_issue_row;
  GtkButton          *contract_issue_button;

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

/* sp-case-page-jobs.c */
void        _sp_case_page_data_free      (SpCasePageData *data);
void        _sp_case_page_load_async     (SpCasePage          *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
SpCasePageData *_sp_case_page_load_finish (SpCasePage         *self,
                                          GAsyncResult        *result,
                                          GError             **error);
SpCasePageSave *_sp_case_page_save_new   (SpCasePage    *self,
                                          SpSaveKind     kind);
void        _sp_case_page_save_free      (SpCasePageSave *save);
void        _sp_case_page_save_async     (SpCasePage          *self,
                                          SpCasePageSave      *save,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    _sp_case_page_save_finish    (SpCasePage          *self,
                                          GAsyncResult        *result,
                                          GError             **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCasePageData, _sp_case_page_data_free)

/* sp-case-page.c */
/* Reads the case again in the worker and refills the page when it comes. */
void        _sp_case_page_reload         (SpCasePage    *self);
/* Fills the page from @data (its case is taken). */
void        _sp_case_page_apply          (SpCasePage    *self,
                                          SpCasePageData *data);
void        _sp_case_page_emit_changed   (SpCasePage    *self,
                                          const char    *case_id);
gboolean    _sp_case_page_may_edit       (SpCasePage    *self);
gboolean    _sp_case_page_may_see_personal_data (SpCasePage *self);
/* The name shown for a unit, provider or category (its id if unknown). */
const char *_sp_case_page_unit_name      (SpCasePage    *self,
                                          const char    *id);
const char *_sp_case_page_provider_name  (SpCasePage    *self,
                                          const char    *id);
const char *_sp_case_page_category_name  (SpCasePage    *self,
                                          const char    *code);

/* sp-case-page-status.c */
void        _sp_case_page_on_letter_sent (SpCasePage    *self,
                                          int            kind);
void        _sp_case_page_fill_transitions (SpCasePage  *self);
void        _sp_case_page_toast          (SpCasePage    *self,
                                          const char    *title);
/* Saves @edited (a copy of self->kase with @fields changed) with a revision
 * check in the worker, refills the page, tells the user with a toast that
 * offers Undo, then calls @done (may be NULL). */
void        _sp_case_page_save_edit      (SpCasePage    *self,
                                          SpCase        *edited,
                                          const char    *toast_title,
                                          const char * const *fields,
                                          SpCasePageSaved done);

/* sp-case-page-details.c */
void        _sp_case_page_init_details   (SpCasePage    *self);
void        _sp_case_page_fill_details   (SpCasePage    *self);
/* Saves the subject and description if they were edited (Ctrl+S). */
void        _sp_case_page_save_text      (SpCasePage    *self);

/* sp-case-page-choices.c */
void        _sp_case_page_init_choices   (SpCasePage    *self);
void        _sp_case_page_fill_choices   (SpCasePage    *self);

/* sp-case-page-timeline.c */
void        _sp_case_page_fill_timeline  (SpCasePage    *self,
                                          GPtrArray     *events,
                                          const GError  *error);
const char *_sp_case_page_field_label    (const char    *field);

/* sp-case-page-conflicts.c: the notice of changes that conflict with the
 * server's, and the dialog to choose */
void        _sp_case_page_fill_conflicts      (SpCasePage *self,
                                               GPtrArray  *conflicts);
void        _sp_case_page_resolve_conflicts   (SpCasePage *self);
char       *_sp_case_page_format_value   (SpCasePage    *self,
                                          const char    *field,
                                          const char    *value);

G_END_DECLS
