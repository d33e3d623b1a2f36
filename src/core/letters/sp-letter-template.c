/* sp-letter-template.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-error.h"
#include "sp-letter-template.h"

const SpPlaceholder sp_letter_placeholders[] = {
  { "sender_name", N_("The sender's name") },
  { "sender_address", N_("The sender's address") },
  { "subject", N_("The case's subject") },
  { "diary_number", N_("The diary number") },
  { "unit", N_("The unit") },
  { "organisation", N_("The organisation") },
  { "received_on", N_("The date the case was received") },
  { "due_on", N_("The deadline") },
  { "today", N_("Today's date") },
  { "investigator", N_("The investigator") },
  { "forwarded_to", N_("Where the case was forwarded") },
  { "delay_reason", N_("The reason for the delay") },
  { "new_due_on", N_("The new expected date") },
  { "answer", N_("The answer: what was found and done") },
  { "contact_name", N_("Whom to turn to if not satisfied") },
  { "contact_address", N_("Their address") },
  { "contact_phone", N_("Their phone number") },
};
const guint sp_letter_n_placeholders = G_N_ELEMENTS (sp_letter_placeholders);

#define CONTACT_SV \
  "Om du inte är nöjd med hur vi har hanterat ditt ärende kan du vända dig till " \
  "{{contact_name}}, {{contact_address}}, telefon {{contact_phone}}.\n"
#define CONTACT_EN \
  "If you are not satisfied with how we have handled your case, you can turn to " \
  "{{contact_name}}, {{contact_address}}, phone {{contact_phone}}.\n"

/* [kind][language], in the order of SpLetterKind and SpLanguage. */
static const char * const defaults[][2] = {
  [SP_LETTER_ACKNOWLEDGEMENT] = {
    "Hej {{sender_name}},\n\n"
    "Tack för att du har hört av dig till oss. Vi har tagit emot din synpunkt "
    "\"{{subject}}\" den {{received_on}}. Den är diarieförd med nummer {{diary_number}} "
    "och har skickats till {{unit}} för utredning.\n\n"
    "Du får en återkoppling senast {{due_on}}. Om utredningen tar längre tid hör vi av oss "
    "och berättar varför.\n\n"
    "Med vänlig hälsning\n{{investigator}}\n{{unit}}, {{organisation}}\n",
    "Dear {{sender_name}},\n\n"
    "Thank you for contacting us. We received your feedback \"{{subject}}\" on "
    "{{received_on}}. It has been registered with the diary number {{diary_number}} and "
    "sent to {{unit}} to be investigated.\n\n"
    "You will hear from us no later than {{due_on}}. If the investigation takes longer, "
    "we will tell you why.\n\n"
    "Kind regards\n{{investigator}}\n{{unit}}, {{organisation}}\n",
  },
  [SP_LETTER_FORWARDED_TO_PROVIDER] = {
    "Hej {{sender_name}},\n\n"
    "Din synpunkt \"{{subject}}\" ({{diary_number}}) gäller en verksamhet som drivs av "
    "{{forwarded_to}} på uppdrag av nämnden. Vi har vidarebefordrat den till utföraren för "
    "utredning och återkoppling till dig. Vi har bett utföraren att redogöra för sina "
    "åtgärder senast {{due_on}}.\n\n"
    CONTACT_SV "\n"
    "Med vänlig hälsning\n{{investigator}}\n{{unit}}, {{organisation}}\n",
    "Dear {{sender_name}},\n\n"
    "Your feedback \"{{subject}}\" ({{diary_number}}) concerns a service run by "
    "{{forwarded_to}} on behalf of the board. We have forwarded it to the provider, who "
    "will investigate it and reply to you. We have asked the provider to account for what "
    "they have done no later than {{due_on}}.\n\n"
    CONTACT_EN "\n"
    "Kind regards\n{{investigator}}\n{{unit}}, {{organisation}}\n",
  },
  [SP_LETTER_FORWARDED_TO_AUTHORITY] = {
    "Hej {{sender_name}},\n\n"
    "Tack för din synpunkt \"{{subject}}\" som kom in den {{received_on}}. Den gäller inte "
    "förvaltningens ansvarsområde, och vi har därför vidarebefordrat den till "
    "{{forwarded_to}}, som kommer att hantera den.\n\n"
    "Med vänlig hälsning\n{{investigator}}\n{{organisation}}\n",
    "Dear {{sender_name}},\n\n"
    "Thank you for your feedback \"{{subject}}\", received on {{received_on}}. It does not "
    "concern this administration's responsibilities, so we have forwarded it to "
    "{{forwarded_to}}, who will handle it.\n\n"
    "Kind regards\n{{investigator}}\n{{organisation}}\n",
  },
  [SP_LETTER_DELAY_NOTICE] = {
    "Hej {{sender_name}},\n\n"
    "Vi utreder fortfarande ditt ärende \"{{subject}}\" ({{diary_number}}). Utredningen "
    "tar längre tid än de 14 dagar vi har lovat: {{delay_reason}}\n\n"
    "Vi räknar med att kunna ge dig ett svar senast {{new_due_on}}.\n\n"
    "Med vänlig hälsning\n{{investigator}}\n{{unit}}, {{organisation}}\n",
    "Dear {{sender_name}},\n\n"
    "We are still investigating your case \"{{subject}}\" ({{diary_number}}). The "
    "investigation is taking longer than the 14 days we promised: {{delay_reason}}\n\n"
    "We expect to be able to answer you no later than {{new_due_on}}.\n\n"
    "Kind regards\n{{investigator}}\n{{unit}}, {{organisation}}\n",
  },
  [SP_LETTER_FINAL_ANSWER] = {
    "Hej {{sender_name}},\n\n"
    "Tack för att du har lämnat synpunkter på vår verksamhet. Vi har nu utrett ditt ärende "
    "\"{{subject}}\" ({{diary_number}}), som kom in den {{received_on}}.\n\n"
    "{{answer}}\n\n"
    "Dina synpunkter hjälper oss att förbättra verksamheten.\n\n"
    CONTACT_SV "\n"
    "Med vänlig hälsning\n{{investigator}}\n{{unit}}, {{organisation}}\n",
    "Dear {{sender_name}},\n\n"
    "Thank you for your feedback on our services. We have now investigated your case "
    "\"{{subject}}\" ({{diary_number}}), received on {{received_on}}.\n\n"
    "{{answer}}\n\n"
    "Your feedback helps us improve our services.\n\n"
    CONTACT_EN "\n"
    "Kind regards\n{{investigator}}\n{{unit}}, {{organisation}}\n",
  },
};

const char *
sp_letter_template_default (SpLetterKind kind,
                            SpLanguage   language)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (defaults), NULL);
  g_return_val_if_fail ((guint)language < 2, NULL);

  return defaults[kind][language];
}

static gboolean
is_known (const char *name,
          gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (sp_letter_placeholders); i++)
    if (strlen (sp_letter_placeholders[i].name) == length &&
        strncmp (sp_letter_placeholders[i].name, name, length) == 0)
      return TRUE;
  return FALSE;
}

/* Calls @func for each text run and placeholder of @text; FALSE and
 * @error on a bad placeholder. */
typedef void (*PieceFunc) (const char *start, gsize length, gboolean placeholder, gpointer data);

static gboolean
scan (const char  *text,
      PieceFunc    func,
      gpointer     data,
      GError     **error)
{
  const char *p = text;

  if (!g_utf8_validate (text, -1, NULL))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "body", _("The text is not valid UTF-8"));
      return FALSE;
    }

  while (*p)
    {
      const char *open = strstr (p, "{{");
      const char *close;

      if (open == NULL)
        {
          func (p, strlen (p), FALSE, data);
          break;
        }
      func (p, open - p, FALSE, data);
      close = strstr (open + 2, "}}");
      if (close == NULL)
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "body",
                              _("A placeholder is opened with {{ and never closed with }}"));
          return FALSE;
        }
      if (!is_known (open + 2, close - open - 2))
        {
          g_autofree char *name = g_strndup (open + 2, MIN (close - open - 2, 60));

          sp_set_field_error (error, SP_ERROR_INVALID, "body",
                              /* Translators: %s is what stood between {{ and }} */
                              _("“{{%s}}” is not a placeholder this letter knows"), name);
          return FALSE;
        }
      func (open, close + 2 - open, TRUE, data);
      p = close + 2;
    }
  return TRUE;
}

static void
ignore_piece (const char *start, gsize length, gboolean placeholder, gpointer data)
{
}

gboolean
sp_letter_template_check (const char  *text,
                          GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return scan (text, ignore_piece, NULL, error);
}

typedef struct
{
  GString    *out;
  GHashTable *values;
  GPtrArray  *unfilled;
} Fill;

static void
fill_piece (const char *start, gsize length, gboolean placeholder, gpointer data)
{
  Fill *fill = data;
  g_autofree char *name = NULL;
  const char *value;

  if (!placeholder)
    {
      if (fill->out)
        g_string_append_len (fill->out, start, length);
      return;
    }
  name = g_strndup (start + 2, length - 4);
  value = fill->values ? g_hash_table_lookup (fill->values, name) : NULL;
  if (fill->unfilled && (value == NULL || *value == 0))
    g_ptr_array_add (fill->unfilled, g_steal_pointer (&name));
  if (fill->out)
    {
      if (value != NULL && *value != 0)
        g_string_append (fill->out, value);
      else
        g_string_append_len (fill->out, start, length);
    }
}

char *
sp_letter_template_fill (const char  *text,
                         GHashTable  *values,
                         GError     **error)
{
  Fill fill = { g_string_new (NULL), values, NULL };

  g_return_val_if_fail (text != NULL, NULL);

  if (!scan (text, fill_piece, &fill, error))
    {
      g_string_free (fill.out, TRUE);
      return NULL;
    }
  return g_string_free (fill.out, FALSE);
}

GStrv
sp_letter_template_unfilled (const char *text)
{
  Fill fill = { NULL, NULL, g_ptr_array_new () };

  if (text == NULL || !scan (text, fill_piece, &fill, NULL) || fill.unfilled->len == 0)
    {
      g_ptr_array_free (fill.unfilled, TRUE);
      return NULL;
    }
  g_ptr_array_add (fill.unfilled, NULL);
  return (GStrv)g_ptr_array_free (fill.unfilled, FALSE);
}

char *
sp_letter_format_date (SpDate     date,
                       SpLanguage language)
{
  static const char * const sv[] = {
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
    "september", "oktober", "november", "december",
  };
  static const char * const en[] = {
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
  };
  int month;

  if (date == SP_DATE_NONE)
    return NULL;
  month = sp_date_get_month (date);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);
  return g_strdup_printf ("%d %s %d", sp_date_get_day (date),
                          (language == SP_LANGUAGE_SV ? sv : en)[month - 1],
                          sp_date_get_year (date));
}

static void
put (GHashTable *values,
     const char *name,
     const char *value)
{
  if (value != NULL && *value != 0)
    g_hash_table_insert (values, (gpointer)name, g_strdup (value));
}

static void
put_date (GHashTable *values,
          const char *name,
          SpDate      date,
          SpLanguage  language)
{
  if (date != SP_DATE_NONE)
    g_hash_table_insert (values, (gpointer)name, sp_letter_format_date (date, language));
}

static const char *
first_set (const char *a,
           const char *b)
{
  return a != NULL && *a != 0 ? a : b;
}

GHashTable *
sp_letter_values_new (SpCase     *kase,
                      SpUnit     *unit,
                      SpUnit     *department,
                      const char *organisation,
                      const char *investigator,
                      SpLanguage  language)
{
  /* The keys are the static names of sp_letter_placeholders. */
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_return_val_if_fail (SP_IS_CASE (kase), values);

  put (values, "sender_name", kase->sender_name);
  put (values, "sender_address", kase->sender_address);
  put (values, "subject", kase->subject);
  put (values, "diary_number", kase->diary_number);
  put (values, "organisation", organisation);
  put (values, "investigator", investigator);
  put (values, "forwarded_to", first_set (kase->forwarded_to, kase->other_authority));
  put (values, "delay_reason", kase->delay_reason);
  put_date (values, "received_on", kase->received_on, language);
  put_date (values, "due_on", kase->due_on, language);
  put_date (values, "today", sp_date_today (), language);
  if (unit != NULL)
    put (values, "unit", unit->name);
  put (values, "contact_name", first_set (unit ? unit->contact_name : NULL,
                                          department ? department->contact_name : NULL));
  put (values, "contact_address", first_set (unit ? unit->contact_address : NULL,
                                             department ? department->contact_address : NULL));
  put (values, "contact_phone", first_set (unit ? unit->contact_phone : NULL,
                                           department ? department->contact_phone : NULL));
  return values;
}
