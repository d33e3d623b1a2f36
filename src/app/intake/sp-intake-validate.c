/* sp-intake-validate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form's own rules, stricter than the store's: the store accepts what
 * the server and an import may hold, while a person typing a new case
 * should hear at once about a date in the future or an e-mail address
 * without a domain.
 */

#include <string.h>

#include <glib/gi18n.h>

#include "sp-intake-validate.h"

void
sp_intake_problem_free (SpIntakeProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray  *problems,
             const char *field,
             const char *message)
{
  SpIntakeProblem *problem = g_new0 (SpIntakeProblem, 1);

  problem->field = g_strdup (field);
  problem->message = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *field)
{
  for (guint i = 0; i < problems->len; i++)
    {
      SpIntakeProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->field, field) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

gboolean
sp_intake_email_is_valid (const char *email)
{
  const char *at;
  const char *domain;

  if (email == NULL || !g_utf8_validate (email, -1, NULL))
    return FALSE;

  for (const char *p = email; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || *p == ',' || *p == ';' || *p == '<' || *p == '>')
      return FALSE;

  at = strchr (email, '@');
  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;

  /* A domain with at least one dot, not at either end, and no empty
   * labels: "name@example" and "name@.se" are typing mistakes. */
  domain = at + 1;
  if (*domain == '\0' || *domain == '.' || g_str_has_suffix (domain, ".") ||
      strchr (domain, '.') == NULL || strstr (domain, "..") != NULL)
    return FALSE;

  return TRUE;
}

gboolean
sp_intake_phone_is_valid (const char *phone)
{
  guint digits = 0;

  if (phone == NULL)
    return FALSE;

  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +-()/", *p) == NULL)
        return FALSE;
    }

  return digits >= 5;
}

gboolean
sp_intake_channel_is_authority (SpChannel channel)
{
  return channel == SP_CHANNEL_IVO || channel == SP_CHANNEL_SKOLINSPEKTIONEN;
}

gboolean
sp_intake_channel_is_oral (SpChannel channel)
{
  return channel == SP_CHANNEL_PHONE || channel == SP_CHANNEL_IN_PERSON;
}

/* Every string field against its length in the field table, so that the
 * form never promises more room than the store keeps. */
static void
check_lengths (SpCase    *kase,
               GPtrArray *problems)
{
  const SpEntityInfo *info = sp_entity_get_info (SP_ENTITY (kase));

  for (guint i = 0; i < info->n_fields; i++)
    {
      const SpField *field = &info->fields[i];
      const char *value;
      glong length;

      if (field->type != SP_FIELD_STRING || field->max_length == 0 ||
          (field->flags & SP_FIELD_SERVER) != 0)
        continue;

      value = sp_entity_get_string (SP_ENTITY (kase), field);
      if (value == NULL || has_problem (problems, field->name))
        continue;

      length = g_utf8_strlen (value, -1);
      if (length > (glong) field->max_length)
        {
          g_autofree char *message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "At most %u character (now %ld)",
                                          "At most %u characters (now %ld)",
                                          field->max_length),
                             field->max_length, length);
          add_problem (problems, field->name, message);
        }
    }
}

GPtrArray *
sp_intake_validate (SpCase                *kase,
                    const SpIntakeChoices *choices,
                    SpDate                 today)
{
  GPtrArray *problems;

  g_return_val_if_fail (SP_IS_CASE (kase), NULL);
  g_return_val_if_fail (choices != NULL, NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_intake_problem_free);

  if (!choices->kind_chosen)
    add_problem (problems, "kind", _("Choose the kind of case"));

  if (!choices->channel_chosen)
    add_problem (problems, "channel", _("Choose how the case came in"));

  if (kase->received_on == SP_DATE_NONE)
    add_problem (problems, "received_on", _("Choose the date it was received"));
  else if (kase->received_on > today)
    add_problem (problems, "received_on", _("The date received cannot be in the future"));
  else if (kase->received_on < sp_date_new (SP_DATE_RECEIVED_FIRST_YEAR, 1, 1))
    {
      /* The server's bound (sp-date.h): said here before it refuses. */
      g_autofree char *message =
        /* Translators: %d is a year, e.g. 2000 */
        g_strdup_printf (_("The date received cannot be before 1 January %d"),
                         SP_DATE_RECEIVED_FIRST_YEAR);
      add_problem (problems, "received_on", message);
    }

  if (choices->channel_chosen && sp_intake_channel_is_authority (kase->channel))
    {
      if (kase->given_due_on == SP_DATE_NONE)
        add_problem (problems, "given_due_on", _("Enter the deadline the authority gave"));
      else if (kase->received_on != SP_DATE_NONE && kase->given_due_on < kase->received_on)
        add_problem (problems, "given_due_on",
                     _("The authority’s deadline cannot be before the date received"));
    }

  if (!kase->sender_anonymous)
    {
      gboolean has_address = !is_blank (kase->sender_address);
      gboolean has_phone = !is_blank (kase->sender_phone);
      gboolean has_email = !is_blank (kase->sender_email);

      if (is_blank (kase->sender_name))
        add_problem (problems, "sender_name",
                     _("Enter the sender’s name, or switch on Anonymous"));

      if (has_phone && !sp_intake_phone_is_valid (kase->sender_phone))
        add_problem (problems, "sender_phone",
                     _("A phone number has digits, and may have spaces, +, - and parentheses"));

      if (has_email && !sp_intake_email_is_valid (kase->sender_email))
        add_problem (problems, "sender_email",
                     _("This does not look like an e-mail address (name@example.se)"));

      if (!has_address && !has_phone && !has_email)
        add_problem (problems, "sender_address",
                     _("Enter an address, a phone number or an e-mail address to reply to"));
    }

  switch (kase->concerns)
    {
    case SP_CONCERNS_UNIT:
      if (kase->unit_id == NULL)
        add_problem (problems, "unit_id", _("Choose the unit it concerns"));
      break;

    case SP_CONCERNS_PROVIDER:
      if (kase->provider_id == NULL)
        add_problem (problems, "provider_id", _("Choose the provider it concerns"));
      break;

    case SP_CONCERNS_OTHER_DISTRICT:
      if (is_blank (kase->other_district))
        add_problem (problems, "other_district", _("Enter the district it concerns"));
      break;

    case SP_CONCERNS_OTHER_AUTHORITY:
      if (is_blank (kase->other_authority))
        add_problem (problems, "other_authority",
                     _("Enter the authority the case is forwarded to"));
      break;

    default:
      add_problem (problems, "concerns", _("Choose what the case concerns"));
      break;
    }

  if (is_blank (kase->subject))
    add_problem (problems, "subject", _("Enter a subject: a few words on what it is about"));

  check_lengths (kase, problems);

  return problems;
}
