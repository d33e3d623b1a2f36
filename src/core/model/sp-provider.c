/* sp-provider.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-provider.h"

#include "sp-error.h"

SP_DEFINE_ENTITY (SpProvider, sp_provider, "provider", "providers",
  SP_DEFINE_STRING (SpProvider, name, SP_FIELD_REQUIRED, 200),
  SP_DEFINE_STRING (SpProvider, org_number, 0, 11),
  SP_DEFINE_ENUM (SpProvider, contract_form, 0, sp_contract_form_info),
  SP_DEFINE_STRING (SpProvider, contract_reference, 0, 100),
  SP_DEFINE_STRING (SpProvider, responsible_administration, 0, 200),
  SP_DEFINE_ENUM (SpProvider, area, 0, sp_area_info),
  SP_DEFINE_DATE (SpProvider, contract_starts_on, 0),
  SP_DEFINE_DATE (SpProvider, contract_ends_on, 0),
  SP_DEFINE_STRING (SpProvider, contact_person, 0, 200))

/* The Luhn sum over ten digits: the last digit is the check digit. */
static gboolean
luhn_ok (const char digits[10])
{
  guint sum = 0;

  for (guint i = 0; i < 10; i++)
    {
      guint d = (guint)(digits[i] - '0');

      if (i % 2 == 0)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
    }
  return sum % 10 == 0;
}

char *
sp_org_number_normalize (const char  *text,
                         GError     **error)
{
  char digits[10];
  guint n = 0;
  guint hyphens = 0;

  if (text == NULL)
    text = "";
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p >= '0' && *p <= '9')
        {
          if (n == 10)
            {
              n++;
              break;
            }
          digits[n++] = *p;
        }
      else if (*p == '-' && n == 6 && hyphens == 0)
        hyphens++;
      else if (*p != ' ')
        {
          sp_set_field_error (error, SP_ERROR_INVALID, "org_number",
                              "An organisation number has only digits and one hyphen, as NNNNNN-NNNN");
          return NULL;
        }
    }
  if (n != 10)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "org_number",
                          "An organisation number has ten digits, as NNNNNN-NNNN");
      return NULL;
    }
  if (!luhn_ok (digits))
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "org_number",
                          "The organisation number's check digit is wrong");
      return NULL;
    }
  return g_strdup_printf ("%.6s-%.4s", digits, digits + 6);
}

gboolean
sp_org_number_is_valid (const char *text)
{
  g_autofree char *normal = sp_org_number_normalize (text, NULL);

  return normal != NULL;
}

gboolean
sp_provider_validate (SpProvider  *self,
                      GError     **error)
{
  g_return_val_if_fail (SP_IS_PROVIDER (self), FALSE);

  if (self->name == NULL || *g_strstrip (self->name) == '\0')
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "name", "A provider needs a name");
      return FALSE;
    }
  if (self->org_number != NULL && *self->org_number != '\0')
    {
      char *normal = sp_org_number_normalize (self->org_number, error);

      if (normal == NULL)
        return FALSE;
      g_free (self->org_number);
      self->org_number = normal;
    }
  else
    g_clear_pointer (&self->org_number, g_free);
  if (self->contract_starts_on != SP_DATE_NONE && self->contract_ends_on != SP_DATE_NONE &&
      self->contract_ends_on < self->contract_starts_on)
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "contract_ends_on",
                          "The contract period ends before it starts");
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_provider_is_active_on (SpProvider *self,
                          SpDate      day)
{
  g_return_val_if_fail (SP_IS_PROVIDER (self), FALSE);

  return (self->contract_starts_on == SP_DATE_NONE || self->contract_starts_on <= day) &&
         (self->contract_ends_on == SP_DATE_NONE || day <= self->contract_ends_on);
}

const char *
sp_provider_route_contract_issue (SpProvider *self)
{
  g_return_val_if_fail (SP_IS_PROVIDER (self), SP_ROUTE_PROCUREMENT);

  if (self->contract_form == SP_CONTRACT_FORM_CONTRACTED_OPERATION ||
      self->responsible_administration == NULL || *self->responsible_administration == '\0')
    return SP_ROUTE_PROCUREMENT;
  return self->responsible_administration;
}
