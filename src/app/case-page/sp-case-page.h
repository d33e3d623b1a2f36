/* sp-case-page.h: everything about one case, editable where roles allow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "synpunkt-core.h"
#include "sp-reference.h"

G_BEGIN_DECLS

#define SP_TYPE_CASE_PAGE (sp_case_page_get_type ())

G_DECLARE_FINAL_TYPE (SpCasePage, sp_case_page, SP, CASE_PAGE, AdwBin)

/* Reads and saves through @worker only; names come from @reference. */
GtkWidget  *sp_case_page_new                (SpStoreWorker *worker,
                                             SpReference   *reference,
                                             const SpActor *actor);
/* Who works now (a copy is kept); the page refills for their roles. */
void        sp_case_page_set_actor          (SpCasePage    *self,
                                             const SpActor *actor);
/* Whether reads or saves of the page have not come back yet (tests wait
 * for this to be FALSE). */
gboolean    sp_case_page_get_busy           (SpCasePage    *self);
/* Shows the case @case_id (NULL: the "no case selected" state). Reloads
 * it from the store when it is the case already shown. */
void        sp_case_page_set_case_id        (SpCasePage    *self,
                                             const char    *case_id);
const char *sp_case_page_get_case_id        (SpCasePage    *self);
/* The header bar's title (diary number, or "Not registered") and
 * subtitle (subject) for the case shown; NULL when none is. */
const char *sp_case_page_get_title          (SpCasePage    *self);
const char *sp_case_page_get_subtitle       (SpCasePage    *self);

/* For tests: the widgets that show and change the case. */
/* The button that moves the case to @to, or NULL when there is none. */
GtkWidget  *sp_case_page_get_transition_button (SpCasePage *self,
                                                SpStatus    to);
guint       sp_case_page_get_n_transitions  (SpCasePage    *self);
/* The label of the current status, the header's diary number and subject,
 * and the deadline row's text ("3 days left", "Overdue by 2 days"). */
const char *sp_case_page_get_status_text    (SpCasePage    *self);
const char *sp_case_page_get_diary_text     (SpCasePage    *self);
const char *sp_case_page_get_subject_text   (SpCasePage    *self);
const char *sp_case_page_get_deadline_text  (SpCasePage    *self);
/* The switch of a flag ("individual_record", "individual_record_noted",
 * "named_employee", "conflict_of_interest", "contract_breach"). */
GtkWidget  *sp_case_page_get_flag_switch    (SpCasePage    *self,
                                             const char    *flag);
/* The timeline's rows, newest first (GtkListBox of AdwActionRow). */
GtkWidget  *sp_case_page_get_history_list   (SpCasePage    *self);
/* The last toast shown, which may offer Undo ("button-clicked"). */
AdwToast   *sp_case_page_get_last_toast     (SpCasePage    *self);

G_END_DECLS
