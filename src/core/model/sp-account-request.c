/* sp-account-request.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>

#include "sp-account-request.h"
#include "sp-investigation-check.h"

static const SpEnumValue source_values[] = {
  { "provider", N_("A private provider") },
  { "other_district", N_("Another district") },
};

static const SpEnumValue method_values[] = {
  { "none", N_("Not recorded") },
  { "email", N_("E-mail") },
  { "letter", N_("Letter") },
  { "phone", N_("By phone") },
  { "in_person", N_("In person") },
};

const SpEnumInfo sp_account_source_info = { "account_source", source_values, G_N_ELEMENTS (source_values) };
const SpEnumInfo sp_account_method_info = { "account_method", method_values, G_N_ELEMENTS (method_values) };

SP_DEFINE_ENTITY (SpAccountRequest, sp_account_request, "account_request", "account_requests",
  SP_DEFINE_REF (SpAccountRequest, case_id, SP_FIELD_REQUIRED),
  SP_DEFINE_ENUM (SpAccountRequest, source, SP_FIELD_REQUIRED, sp_account_source_info),
  SP_DEFINE_REF (SpAccountRequest, provider_id, 0),
  SP_DEFINE_STRING (SpAccountRequest, requested_from, 0, 200),
  SP_DEFINE_DATE (SpAccountRequest, requested_on, 0),
  SP_DEFINE_STRING (SpAccountRequest, requested_by, 0, 200),
  SP_DEFINE_DATE (SpAccountRequest, due_on, SP_FIELD_REQUIRED),
  SP_DEFINE_DATE (SpAccountRequest, received_on, 0),
  SP_DEFINE_ENUM (SpAccountRequest, received_method, 0, sp_account_method_info),
  SP_DEFINE_STRING (SpAccountRequest, account, SP_FIELD_LONG | SP_FIELD_FREE_TEXT, 20000),
  SP_DEFINE_STRING (SpAccountRequest, recorded_by, 0, 200))

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
  SpProblem *problem;

  for (guint i = 0; i < problems->len; i++)
    if (g_str_equal (((SpProblem *) problems->pdata[i])->field, field))
      return;
  problem = g_new0 (SpProblem, 1);
  problem->field = g_strdup (field);
  problem->message = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

static void
check_text (GPtrArray  *problems,
            const char *field,
            const char *text,
            guint       limit)
{
  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    add (problems, field, _("The text is not valid UTF-8"));
  else if (g_utf8_strlen (text, -1) > (glong) limit)
    {
      /* Translators: a text's limit in characters */
      g_autofree char *message = g_strdup_printf (_("At most %u characters"), limit);

      add (problems, field, message);
    }
}

GPtrArray *
sp_account_request_check (SpAccountRequest *request,
                          SpDate            earliest_due,
                          SpDate            today)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_problem_free);
  gboolean received;

  g_return_val_if_fail (SP_IS_ACCOUNT_REQUEST (request), problems);

  check_text (problems, "requested_from", request->requested_from, 200);
  check_text (problems, "account", request->account, 20000);

  if ((guint) request->source >= SP_N_ACCOUNT_SOURCES)
    add (problems, "source", _("Choose whom the account is asked of"));
  else if (request->source == SP_ACCOUNT_FROM_PROVIDER && request->provider_id == NULL)
    add (problems, "provider_id", _("Choose the provider the account is asked of"));
  else if (request->source == SP_ACCOUNT_FROM_OTHER_DISTRICT && is_blank (request->requested_from))
    add (problems, "requested_from", _("Name the district and the manager the account is asked of"));

  if (request->due_on == SP_DATE_NONE)
    add (problems, "due_on", _("Give the last date for the account"));
  else if (earliest_due != SP_DATE_NONE && request->due_on < earliest_due)
    add (problems, "due_on", _("The last date cannot be in the past"));
  else if (request->requested_on != SP_DATE_NONE && request->due_on < request->requested_on)
    add (problems, "due_on", _("The last date cannot be before the account was asked for"));

  received = request->received_on != SP_DATE_NONE;
  if (received)
    {
      if (today != SP_DATE_NONE && request->received_on > today)
        add (problems, "received_on", _("An account cannot come in the future"));
      else if (request->requested_on != SP_DATE_NONE && request->received_on < request->requested_on)
        add (problems, "received_on", _("The account cannot come before it was asked for"));
      if ((guint) request->received_method >= SP_N_ACCOUNT_METHODS ||
          request->received_method == SP_ACCOUNT_METHOD_NONE)
        add (problems, "received_method", _("Say how the account came"));
      if (is_blank (request->account))
        add (problems, "account",
             request->received_method == SP_ACCOUNT_METHOD_PHONE ||
             request->received_method == SP_ACCOUNT_METHOD_IN_PERSON
             ? _("Note what was said: an oral account is written down")
             : _("Write what the account says"));
    }
  else if (!is_blank (request->account) || request->received_method != SP_ACCOUNT_METHOD_NONE)
    add (problems, "received_on", _("Give the date the account came"));

  return problems;
}

gboolean
sp_account_request_is_received (SpAccountRequest *request)
{
  g_return_val_if_fail (SP_IS_ACCOUNT_REQUEST (request), FALSE);

  return request->received_on != SP_DATE_NONE;
}

gboolean
sp_account_request_is_overdue (SpAccountRequest *request,
                               SpDate            today)
{
  g_return_val_if_fail (SP_IS_ACCOUNT_REQUEST (request), FALSE);

  return !SP_ENTITY (request)->deleted && request->received_on == SP_DATE_NONE &&
         request->due_on != SP_DATE_NONE && request->due_on < today;
}
