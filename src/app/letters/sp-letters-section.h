/* sp-letters-section.h: the letters sent to the sender of a case, to
 * print again, and the way to write a new one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "synpunkt-core.h"

G_BEGIN_DECLS

#define SP_TYPE_LETTERS_SECTION (sp_letters_section_get_type ())

G_DECLARE_FINAL_TYPE (SpLettersSection, sp_letters_section, SP, LETTERS_SECTION, AdwBin)

GtkWidget  *sp_letters_section_new        (SpStoreWorker    *worker,
                                           const SpActor    *actor);
void        sp_letters_section_set_worker (SpLettersSection *self,
                                           SpStoreWorker    *worker);
void        sp_letters_section_set_actor  (SpLettersSection *self,
                                           const SpActor    *actor);
/* Shows the letters of @case_id (NULL: nothing); the same id reloads. */
void        sp_letters_section_set_case_id (SpLettersSection *self,
                                           const char       *case_id);
/* Opens the composer for a letter of @kind; its window, or NULL when the
 * case can get no letter (an anonymous sender). */
GtkWidget  *sp_letters_section_compose    (SpLettersSection *self,
                                           SpLetterKind      kind);
/* Whether a final answer was sent (as last loaded). */
gboolean    sp_letters_section_has_final_answer (SpLettersSection *self);
gboolean    sp_letters_section_get_busy   (SpLettersSection *self);
guint       sp_letters_section_get_n_letters (SpLettersSection *self);
/* Writes the @nth letter (oldest first) again as a PDF to @file. */
void        sp_letters_section_save_pdf   (SpLettersSection *self,
                                           guint             nth,
                                           GFile            *file);

G_END_DECLS
