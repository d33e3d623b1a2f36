/* sp-letter-template.h: the letters to the sender, from templates with
 * placeholders, and the phrase library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A template is plain text with placeholders such as {{sender_name}}.
 * Only the placeholders of sp_letter_placeholders are known: a template
 * naming another is refused. Filling leaves a placeholder it has no value
 * for as it is, and a letter that still holds one cannot be sent
 * (sp_letter_check()). The shipped templates, in Swedish and English, are
 * written in the routines' own words.
 */

#pragma once

#include "sp-case.h"
#include "sp-investigation.h"
#include "sp-unit.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;   /* "sender_name" */
  const char *label;  /* for the user, marked for translation */
} SpPlaceholder;

extern const SpPlaceholder sp_letter_placeholders[];
extern const guint         sp_letter_n_placeholders;

/* The shipped template of @kind in @language. */
const char *sp_letter_template_default (SpLetterKind   kind,
                                        SpLanguage     language);
/* Refuses a template with an unknown placeholder or an unclosed "{{"
 * (SP_ERROR_INVALID on the field "body", naming the placeholder). */
gboolean    sp_letter_template_check   (const char    *text,
                                        GError       **error);
/* @text with each placeholder that has a non-empty value in @values
 * replaced by it; others stay. NULL and @error if the template is bad. */
char       *sp_letter_template_fill    (const char    *text,
                                        GHashTable    *values,
                                        GError       **error);
/* The placeholders still in @text, in order, or NULL when none. */
GStrv       sp_letter_template_unfilled (const char   *text);

/* What a letter about @kase knows: the sender, the case, its dates in
 * @language, the investigator, and the escalation contact of @unit (or,
 * where the unit names none, of @department). Any argument but @kase may
 * be NULL. */
GHashTable *sp_letter_values_new       (SpCase          *kase,
                                        SpUnit          *unit,
                                        SpUnit          *department,
                                        const char      *organisation,
                                        const char      *investigator,
                                        SpLanguage       language);
/* "2 december 2026" in Swedish, "2 December 2026" in English. */
char       *sp_letter_format_date      (SpDate          date,
                                        SpLanguage      language);

typedef struct
{
  const char   *category;    /* a category's code, or NULL for any */
  SpAssessment  assessment;  /* SP_ASSESSMENT_NOT_ASSESSED for any */
  SpLanguage    language;
  const char   *title;
  const char   *text;
} SpPhrase;

/* The phrases that suit a case of @category assessed @assessment, in
 * @language: the specific ones first. Owned by the library; free the
 * array only. */
GPtrArray  *sp_phrases_lookup          (const char     *category,
                                        SpAssessment    assessment,
                                        SpLanguage      language);

G_END_DECLS
