/* sp-case-page-private.h: what the files of SpCasePage share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-case-page.h"
#include "sp-case-concerns-section.h"
#include "sp-case-content-section.h"
#include "sp-case-deadline-section.h"
#include "sp-case-flags-section.h"
#include "sp-case-history-section.h"
#include "sp-case-sender-section.h"
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
  SpActor         *actor;          /* copied for the thread */
  char            *toast_title;
  GTask           *task;           /* a section's save, returned when done */

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
  SpActor            *actor;         /* a copy, never NULL once made */

  char               *case_id;
  SpCase             *kase;          /* as last loaded from the store */
  AdwToast           *last_toast;    /* weak */
  AdwToast           *shown_toast;   /* weak; the one on screen, until dismissed */
  char               *toast_case_id; /* the case it is about */
  gboolean            filling;       /* widgets are being set from the case */

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

  /* The sections, each filled from the case and saving through the page. */
  SpCaseDeadlineSection *deadline_section;
  SpCaseSenderSection   *sender_section;
  SpCaseConcernsSection *concerns_section;
  SpCaseFlagsSection    *flags_section;
  SpCaseContentSection  *content_section;
  SpCaseHistorySection  *history_section;
  SpCaseSection         *sections[6];   /* the six above, in that order */
  SpInvestigationSection *investigation_section;
  SpLettersSection   *letters_section;
  gboolean            feedback_after_letter; /* Record feedback waits for the final answer */

  char               *title;         /* the header bar's: diary number */
  char               *subtitle;      /* and subject */
};

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

/* sp-case-page-status.c */
void        _sp_case_page_on_letter_sent (SpCasePage    *self,
                                          int            kind);
void        _sp_case_page_fill_transitions (SpCasePage  *self);
void        _sp_case_page_toast          (SpCasePage    *self,
                                          const char    *title);
/* Saves @edited (a copy of self->kase with @fields changed) with a revision
 * check in the worker, refills the page, tells the user with a toast that
 * offers Undo, then returns @task (may be NULL): TRUE, or the refusal. */
void        _sp_case_page_save_edit      (SpCasePage    *self,
                                          SpCase        *edited,
                                          const char    *toast_title,
                                          const char * const *fields,
                                          GTask         *task);

/* sp-case-page-conflicts.c: the notice of changes that conflict with the
 * server's, and the dialog to choose */
void        _sp_case_page_fill_conflicts      (SpCasePage *self,
                                               GPtrArray  *conflicts);
void        _sp_case_page_resolve_conflicts   (SpCasePage *self);

G_END_DECLS
