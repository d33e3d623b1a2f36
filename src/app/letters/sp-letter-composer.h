/* sp-letter-composer.h: writing a letter to the sender from a template,
 * and sending it as PDF, on paper or by e-mail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "synpunkt-core.h"

G_BEGIN_DECLS

#define SP_TYPE_LETTER_COMPOSER (sp_letter_composer_get_type ())

G_DECLARE_FINAL_TYPE (SpLetterComposer, sp_letter_composer, SP, LETTER_COMPOSER, AdwWindow)

/* A composer for a letter of @kind about @case_id, over @parent. */
SpLetterComposer *sp_letter_composer_new      (GtkWindow        *parent,
                                               SpStoreWorker    *worker,
                                               const SpActor    *actor,
                                               const char       *case_id,
                                               SpLetterKind      kind);
/* Whether the case has been read and the text filled in. */
gboolean          sp_letter_composer_get_ready (SpLetterComposer *self);
/* The text as it stands. */
char             *sp_letter_composer_dup_text (SpLetterComposer *self);
/* What refuses sending now (an unfilled placeholder, …), or NULL. */
const char       *sp_letter_composer_get_problem (SpLetterComposer *self);
/* Sends the letter as a PDF written to @file (what Save as PDF does once
 * the file is chosen): written, then stored on the case, then "sent". */
void              sp_letter_composer_save_pdf (SpLetterComposer *self,
                                               GFile            *file);

G_END_DECLS
