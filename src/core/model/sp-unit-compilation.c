/* sp-unit-compilation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-investigation-check.h"
#include "sp-unit-compilation.h"

#define TEXT_FLAGS (SP_FIELD_LONG)

SP_DEFINE_ENTITY (SpUnitCompilation, sp_unit_compilation, "unit_compilation", "unit_compilations",
  SP_DEFINE_REF (SpUnitCompilation, unit_id, SP_FIELD_REQUIRED),
  SP_DEFINE_STRING (SpUnitCompilation, period, SP_FIELD_REQUIRED, 7),
  /* The snapshot of counts: about 60 keys a dimension at most. */
  SP_DEFINE_STRING (SpUnitCompilation, figures, 0, 200000),
  SP_DEFINE_STRING (SpUnitCompilation, analysis, TEXT_FLAGS, SP_UNIT_COMPILATION_MAX_TEXT),
  SP_DEFINE_STRING (SpUnitCompilation, assessment, TEXT_FLAGS, SP_UNIT_COMPILATION_MAX_TEXT),
  SP_DEFINE_STRING (SpUnitCompilation, actions_taken, TEXT_FLAGS, SP_UNIT_COMPILATION_MAX_TEXT),
  SP_DEFINE_STRING (SpUnitCompilation, actions_planned, TEXT_FLAGS, SP_UNIT_COMPILATION_MAX_TEXT),
  SP_DEFINE_DATE (SpUnitCompilation, follow_up_on, 0),
  SP_DEFINE_STRING (SpUnitCompilation, written_by, 0, 200),
  SP_DEFINE_DATE (SpUnitCompilation, written_on, 0))

static void
add_problem (GPtrArray  *problems,
             const char *field,
             char       *message)
{
  SpProblem *problem;

  for (guint i = 0; i < problems->len; i++)
    if (g_str_equal (((SpProblem *) problems->pdata[i])->field, field))
      {
        g_free (message);
        return;
      }
  problem = g_new0 (SpProblem, 1);
  problem->field = g_strdup (field);
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* "2025" or "2025-T1" … "2025-T3"; the first day of the period in @from.
 * (The period type is the statistics' own; this is its text form, which a
 * compilation may hold, without the custom ranges.) */
static gboolean
parse_period (const char *text,
              SpDate     *from)
{
  int year;
  int tertial = 0;

  if (text == NULL || strlen (text) < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  if (year < 1900)
    return FALSE;
  if (text[4] != '\0')
    {
      if (text[4] != '-' || text[5] != 'T' || text[6] < '1' || text[6] > '3' || text[7] != '\0')
        return FALSE;
      tertial = text[6] - '0';
    }
  *from = sp_date_new (year, tertial ? 1 + (tertial - 1) * 4 : 1, 1);
  return TRUE;
}

GPtrArray *
sp_unit_compilation_check (SpUnitCompilation *self)
{
  const SpEntityInfo *info = &sp_unit_compilation_info;
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_problem_free);
  SpDate starts = SP_DATE_NONE;

  g_return_val_if_fail (SP_IS_UNIT_COMPILATION (self), problems);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];
      const char *text;
      glong length;

      if (field->type != SP_FIELD_STRING || (text = sp_entity_get_string (SP_ENTITY (self), field)) == NULL)
        continue;
      if (!g_utf8_validate (text, -1, NULL))
        {
          add_problem (problems, field->name, g_strdup (_("The text is not valid UTF-8")));
          continue;
        }
      length = g_utf8_strlen (text, -1);
      if (field->max_length > 0 && length > (glong) field->max_length)
        add_problem (problems, field->name,
                     /* Translators: a text's limit and its length, in characters */
                     g_strdup_printf (_("At most %u characters (now %ld)"), field->max_length, length));
    }

  if (self->unit_id == NULL || !sp_is_uuid (self->unit_id))
    add_problem (problems, "unit_id", g_strdup (_("Choose the unit the compilation is about")));
  if (!parse_period (self->period, &starts))
    add_problem (problems, "period",
                 g_strdup (_("The period is a tertial or a year, such as 2025-T2 or 2025")));
  if (!is_blank (self->actions_planned) && self->follow_up_on == SP_DATE_NONE)
    add_problem (problems, "follow_up_on",
                 g_strdup (_("Planned actions need a date when they are followed up")));
  if (self->follow_up_on != SP_DATE_NONE && is_blank (self->actions_planned))
    add_problem (problems, "actions_planned",
                 g_strdup (_("Write down the planned actions that are to be followed up")));
  if (self->follow_up_on != SP_DATE_NONE && starts != SP_DATE_NONE && self->follow_up_on < starts)
    add_problem (problems, "follow_up_on",
                 g_strdup (_("The follow-up cannot be before the period starts")));
  return problems;
}
