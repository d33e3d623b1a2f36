/* sp-investigation-section.h: the case's investigation (blankett
 * "Utredning av synpunkter och klagomål"), its escalations and planned
 * actions, as a section of the case page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "synpunkt-core.h"

G_BEGIN_DECLS

#define SP_TYPE_INVESTIGATION_SECTION (sp_investigation_section_get_type ())

G_DECLARE_FINAL_TYPE (SpInvestigationSection, sp_investigation_section, SP,
                      INVESTIGATION_SECTION, AdwBin)

GtkWidget  *sp_investigation_section_new          (SpStoreWorker          *worker,
                                                   const SpActor          *actor);
void        sp_investigation_section_set_worker   (SpInvestigationSection *self,
                                                   SpStoreWorker          *worker);
/* Who edits: recorded in the history; their roles say whether they may. */
void        sp_investigation_section_set_actor    (SpInvestigationSection *self,
                                                   const SpActor          *actor);
/* Loads the case's investigation (NULL: shows nothing). The same id again
 * reloads it, unless edits are waiting to be saved. */
void        sp_investigation_section_set_case_id  (SpInvestigationSection *self,
                                                   const char             *case_id);
const char *sp_investigation_section_get_case_id  (SpInvestigationSection *self);
/* Saves what waits for the autosave now. */
void        sp_investigation_section_save_now     (SpInvestigationSection *self);
/* Whether a load or a save runs, or edits wait for the autosave. */
gboolean    sp_investigation_section_get_busy     (SpInvestigationSection *self);
/* What the section says of its saving ("Draft saved", "Not saved: …"). */
const char *sp_investigation_section_get_state_text (SpInvestigationSection *self);

/* The label of an investigation's or a planned action's field, for the
 * case history ("facts": "What happened"). */
const char *sp_investigation_field_label          (const char             *field);

G_END_DECLS
