/* sp-deadline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-calendar.h"
#include "sp-deadline.h"
#include "sp-error.h"

#define RULE_FIELD "deadline_rule"
#define MAX_DAYS 365
/* Rules come from configuration files and HTTP bodies: echo only what is
 * short and printable back in an error message. */
#define MAX_ECHO 64

#define PREFIX_CALENDAR_DAYS "calendar-days:"
#define PREFIX_WORKING_DAYS  "working-days:"
#define GIVEN_DATE           "given-date"

static void
set_rule_error (GError     **error,
                const char  *text,
                const char  *reason)
{
  if (g_utf8_validate (text, -1, NULL) && strlen (text) <= MAX_ECHO)
    sp_set_field_error (error, SP_ERROR_INVALID, RULE_FIELD,
                        /* Translators: the first %s is the rule as given, the second why it is wrong */
                        _("“%s” is not a deadline rule: %s"), text, reason);
  else
    sp_set_field_error (error, SP_ERROR_INVALID, RULE_FIELD,
                        _("This is not a deadline rule: %s"), reason);
}

/* Only plain decimal digits, without sign, spaces or leading zeros, so that
 * every rule has one spelling and to_string () gives the text back. */
static gboolean
parse_days (const char *text,
            const char *digits,
            guint      *days,
            GError    **error)
{
  guint value = 0;
  gsize len = strlen (digits);

  if (len == 0)
    {
      set_rule_error (error, text, _("the number of days is missing"));
      return FALSE;
    }

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (digits[i]))
        {
          set_rule_error (error, text, _("the number of days must be a whole number"));
          return FALSE;
        }
    }

  if (len > 1 && digits[0] == '0')
    {
      set_rule_error (error, text, _("the number of days must not start with 0"));
      return FALSE;
    }

  /* Only up to three digits are converted, so the value cannot overflow. */
  if (len > 3 || (value = (guint)g_ascii_strtoull (digits, NULL, 10)) > MAX_DAYS || value == 0)
    {
      set_rule_error (error, text, _("the number of days must be from 1 to 365"));
      return FALSE;
    }

  *days = value;
  return TRUE;
}

gboolean
sp_deadline_rule_parse (const char      *text,
                        SpDeadlineRule  *rule,
                        GError         **error)
{
  SpDeadlineRule parsed = { SP_DEADLINE_CALENDAR_DAYS, 0 };

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL || *text == '\0')
    {
      sp_set_field_error (error, SP_ERROR_INVALID, RULE_FIELD,
                          _("A deadline rule is required"));
      return FALSE;
    }

  if (g_str_has_prefix (text, PREFIX_CALENDAR_DAYS))
    {
      parsed.kind = SP_DEADLINE_CALENDAR_DAYS;
      if (!parse_days (text, text + strlen (PREFIX_CALENDAR_DAYS), &parsed.days, error))
        return FALSE;
    }
  else if (g_str_has_prefix (text, PREFIX_WORKING_DAYS))
    {
      parsed.kind = SP_DEADLINE_WORKING_DAYS;
      if (!parse_days (text, text + strlen (PREFIX_WORKING_DAYS), &parsed.days, error))
        return FALSE;
    }
  else if (strcmp (text, GIVEN_DATE) == 0)
    {
      parsed.kind = SP_DEADLINE_GIVEN_DATE;
      parsed.days = 0;
    }
  else
    {
      set_rule_error (error, text,
                      _("use calendar-days:N, working-days:N or given-date"));
      return FALSE;
    }

  if (rule != NULL)
    *rule = parsed;

  return TRUE;
}

char *
sp_deadline_rule_to_string (const SpDeadlineRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  switch (rule->kind)
    {
    case SP_DEADLINE_CALENDAR_DAYS:
      return g_strdup_printf (PREFIX_CALENDAR_DAYS "%u", rule->days);

    case SP_DEADLINE_WORKING_DAYS:
      return g_strdup_printf (PREFIX_WORKING_DAYS "%u", rule->days);

    case SP_DEADLINE_GIVEN_DATE:
      return g_strdup (GIVEN_DATE);

    default:
      g_return_val_if_reached (NULL);
    }
}

SpDate
sp_deadline_rule_apply (const SpDeadlineRule *rule,
                        SpDate                received,
                        SpDate                given)
{
  SpDate due;

  g_return_val_if_fail (rule != NULL, SP_DATE_NONE);

  switch (rule->kind)
    {
    case SP_DEADLINE_CALENDAR_DAYS:
      if (received == SP_DATE_NONE || received > sp_date_last ())
        return SP_DATE_NONE;
      /* Lag (1930:173): a last day that is not a working day moves on. */
      due = sp_calendar_next_working_day (received + rule->days);
      break;

    case SP_DEADLINE_WORKING_DAYS:
      if (received == SP_DATE_NONE || received > sp_date_last ())
        return SP_DATE_NONE;
      due = sp_calendar_add_working_days (received, rule->days);
      break;

    case SP_DEADLINE_GIVEN_DATE:
      return given;

    default:
      g_return_val_if_reached (SP_DATE_NONE);
    }

  /* Past 9999-12-31 a date has no YYYY-MM-DD: no date, for the caller
   * to refuse (sp_case_update_deadline()). */
  return due <= sp_date_last () ? due : SP_DATE_NONE;
}

void
sp_deadline_config_init_default (SpDeadlineConfig *config)
{
  g_return_if_fail (config != NULL);

  /* Hässelby-Vällingby's routine: 14 calendar days; the city environment's
   * practice (Tyck till): 3 days, complicated cases 10. */
  config->investigation = (SpDeadlineRule) { SP_DEADLINE_CALENDAR_DAYS, 14 };
  config->city_environment = (SpDeadlineRule) { SP_DEADLINE_CALENDAR_DAYS, 3 };
  config->city_environment_complex = (SpDeadlineRule) { SP_DEADLINE_CALENDAR_DAYS, 10 };
}

gboolean
sp_deadline_config_set (SpDeadlineConfig  *config,
                        const char        *key,
                        const char        *rule,
                        GError           **error)
{
  SpDeadlineRule *target;
  SpDeadlineRule parsed;

  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_strcmp0 (key, "investigation") == 0)
    target = &config->investigation;
  else if (g_strcmp0 (key, "city_environment") == 0)
    target = &config->city_environment;
  else if (g_strcmp0 (key, "city_environment_complex") == 0)
    target = &config->city_environment_complex;
  else
    {
      if (key != NULL && g_utf8_validate (key, -1, NULL) && strlen (key) <= MAX_ECHO)
        sp_set_field_error (error, SP_ERROR_INVALID, "key",
                            _("“%s” is not a deadline: use investigation, city_environment or city_environment_complex"),
                            key);
      else
        sp_set_field_error (error, SP_ERROR_INVALID, "key",
                            _("Unknown deadline: use investigation, city_environment or city_environment_complex"));
      return FALSE;
    }

  /* Parse first so that a bad rule leaves the configuration as it was. */
  if (!sp_deadline_rule_parse (rule, &parsed, error))
    {
      g_prefix_error (error, "%s: ", key);
      return FALSE;
    }

  /* A given date belongs to one case; an organisation's rule needs days. */
  if (parsed.kind == SP_DEADLINE_GIVEN_DATE)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, RULE_FIELD,
                          _("%s: the organisation's deadline must be a number of calendar or working days"),
                          key);
      return FALSE;
    }

  *target = parsed;
  return TRUE;
}

int
sp_deadline_days_left (SpDate due,
                       SpDate today)
{
  /* Without a date nothing can be late. */
  if (due == SP_DATE_NONE || today == SP_DATE_NONE)
    return 0;

  return (int)due - (int)today;
}
