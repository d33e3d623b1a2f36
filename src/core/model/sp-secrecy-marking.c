/* sp-secrecy-marking.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-investigation-check.h"
#include "sp-secrecy-marking.h"

static const SpEnumValue part_values[] = {
  { "case", N_("The whole case") },
  { "sender", N_("The sender") },
  { "description", N_("The description") },
  { "investigation", N_("The investigation") },
  { "letter", N_("A letter") },
};

const SpEnumInfo sp_secrecy_part_info = { "secrecy_part", part_values, G_N_ELEMENTS (part_values) };

SP_DEFINE_ENTITY (SpSecrecyMarking, sp_secrecy_marking, "secrecy_marking", "secrecy_markings",
  SP_DEFINE_REF (SpSecrecyMarking, case_id, SP_FIELD_REQUIRED),
  SP_DEFINE_ENUM (SpSecrecyMarking, part, SP_FIELD_REQUIRED, sp_secrecy_part_info),
  SP_DEFINE_REF (SpSecrecyMarking, part_id, 0),
  SP_DEFINE_STRING (SpSecrecyMarking, provision, SP_FIELD_REQUIRED, 200),
  SP_DEFINE_STRING (SpSecrecyMarking, reason, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 2000),
  SP_DEFINE_DATE (SpSecrecyMarking, expires_on, 0),
  SP_DEFINE_DATE (SpSecrecyMarking, marked_on, 0),
  SP_DEFINE_STRING (SpSecrecyMarking, marked_by, 0, 200),
  SP_DEFINE_DATE (SpSecrecyMarking, lifted_on, 0))

/* Kept in Swedish: these are the law's own words, as the registrar
 * writes them in the diary. */
static const char * const default_provisions[] = {
  "OSL 26 kap. 1 § — socialtjänst",
  "OSL 25 kap. 1 § — hälso- och sjukvård",
  "OSL 23 kap. 2 § — förskola och skola",
  "OSL 39 kap. 3 § — personalärenden",
  "OSL 21 kap. 3 § — skydd för enskilds säkerhet",
  NULL
};

#define SEPARATOR " — "

const char * const *
sp_secrecy_default_provisions (void)
{
  return default_provisions;
}

char *
sp_secrecy_provision_reference (const char *provision)
{
  const char *end;

  if (provision == NULL)
    return NULL;
  end = strstr (provision, SEPARATOR);
  return g_strstrip (g_strndup (provision, end ? (gsize)(end - provision) : strlen (provision)));
}

gboolean
sp_secrecy_provision_is_known (const char         *provision,
                               const char * const *provisions)
{
  g_autofree char *wanted = sp_secrecy_provision_reference (provision);

  if (wanted == NULL || *wanted == '\0' || provisions == NULL)
    return FALSE;
  for (guint i = 0; provisions[i] != NULL; i++)
    {
      g_autofree char *known = sp_secrecy_provision_reference (provisions[i]);

      if (g_str_equal (known, wanted))
        return TRUE;
    }
  return FALSE;
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

static void
add (GPtrArray  *problems,
     const char *field,
     const char *message)
{
  SpProblem *problem = g_new0 (SpProblem, 1);

  for (guint i = 0; i < problems->len; i++)
    if (g_str_equal (((SpProblem *)problems->pdata[i])->field, field))
      {
        g_free (problem);
        return;
      }
  problem->field = g_strdup (field);
  problem->message = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

static void
check_lengths (SpEntity  *entity,
               GPtrArray *problems)
{
  const SpEntityInfo *info = sp_entity_get_info (entity);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];
      const char *text;

      if (field->type != SP_FIELD_STRING || field->max_length == 0 ||
          (text = sp_entity_get_string (entity, field)) == NULL)
        continue;
      if (!g_utf8_validate (text, -1, NULL))
        add (problems, field->name, _("The text is not valid UTF-8"));
      else if (g_utf8_strlen (text, -1) > (glong)field->max_length)
        {
          g_autofree char *message =
            /* Translators: a text's limit in characters */
            g_strdup_printf (_("At most %u characters"), field->max_length);

          add (problems, field->name, message);
        }
    }
}

GPtrArray *
sp_secrecy_marking_check (SpSecrecyMarking   *marking,
                          const char * const *provisions,
                          SpDate              today)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_problem_free);

  g_return_val_if_fail (SP_IS_SECRECY_MARKING (marking), problems);

  check_lengths (SP_ENTITY (marking), problems);

  if ((guint)marking->part >= SP_N_SECRECY_PARTS)
    add (problems, "part", _("Choose the part of the case that is secret"));
  else if (marking->part == SP_SECRECY_PART_LETTER && marking->part_id == NULL)
    add (problems, "part_id", _("Choose the letter that is secret"));

  if (is_blank (marking->provision))
    add (problems, "provision",
         _("Choose the provision of the Public Access to Information and Secrecy Act (OSL) "
           "the secrecy rests on"));
  else if (!sp_secrecy_provision_is_known (marking->provision,
                                           provisions ? provisions : default_provisions))
    add (problems, "provision",
         _("This provision is not in the organisation's list of secrecy provisions"));

  if (is_blank (marking->reason))
    add (problems, "reason", _("Say why the part is secret"));

  if (marking->expires_on == SP_DATE_NONE)
    add (problems, "expires_on", _("Give the date the secrecy marking expires"));
  else if (marking->expires_on < today && marking->lifted_on == SP_DATE_NONE)
    add (problems, "expires_on", _("The secrecy marking cannot expire in the past"));

  if (marking->lifted_on != SP_DATE_NONE && today != SP_DATE_NONE && marking->lifted_on > today)
    add (problems, "lifted_on", _("A secrecy marking is lifted today, not in the future"));

  return problems;
}

gboolean
sp_secrecy_marking_is_active (SpSecrecyMarking *marking,
                              SpDate            today)
{
  g_return_val_if_fail (SP_IS_SECRECY_MARKING (marking), FALSE);

  return !SP_ENTITY (marking)->deleted && marking->lifted_on == SP_DATE_NONE &&
         (marking->expires_on == SP_DATE_NONE || marking->expires_on >= today);
}
