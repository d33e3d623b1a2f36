/* sp-demo-contract-issues.c: the demo's contract issues and its pattern
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * About three in five cases flagged as contract breaches have a contract
 * issue, further along the life cycle the older the case is: a new one is
 * open or waits for the provider's account, an older one has been
 * assessed, and most of the oldest are closed, now and then with a
 * penalty (vite) and rarely with the contract terminated. The first
 * provider of elder care gets a pattern: elder-care cases of the current
 * tertial are said to concern it, until it has clearly more than before.
 */

#include "sp-demo-private.h"

#include "sp-contract-issue.h"
#include "sp-case-query.h"
#include "sp-period.h"

static const char * const breaches[] = {
  "Beviljade insatser har uteblivit vid upprepade tillfällen.",
  "Bemanningen har inte motsvarat avtalets krav.",
  "Dokumentationen av genomförandet saknas.",
  "Avvikelser har inte rapporterats till nämnden i tid.",
  "Maten har inte levererats enligt avtalad tid och temperatur.",
};

static const char * const accounts[] = {
  "Utföraren har förstärkt bemanningen och infört en ny schemaläggning.",
  "Utföraren medger bristen och har utbildat personalen.",
  "Utföraren bestrider delvis uppgifterna och redovisar sina rutiner.",
};

static gboolean
save_issue (Demo            *d,
            SpContractIssue *issue,
            GError         **error)
{
  SpDate last = issue->closed_on ? issue->closed_on : issue->sanction_decided_on ? issue->sanction_decided_on
              : issue->assessed_on ? issue->assessed_on : issue->account_received_on ? issue->account_received_on
              : issue->correction_requested_on ? issue->correction_requested_on : issue->opened_on;

  if (!sp_contract_issue_validate (issue, error))
    return FALSE;
  /* Timed by its last step, as the demo's cases are: the same seed gives
   * the same database. */
  return save_at (d, issue, 0, demo_timestamp (d, MIN (last, d->today), 8, 16), d->admin_id, error);
}

static gboolean
add_issue (Demo     *d,
           SpCase   *kase,
           GError  **error)
{
  g_autoptr(SpContractIssue) issue = sp_contract_issue_new ();
  g_autoptr(SpProvider) provider = sp_store_load (d->store, SP_TYPE_PROVIDER, kase->provider_id, NULL);
  SpDate opened = kase->received_on + demo_range (d, 3, 12);
  guint age;

  if (provider == NULL || opened > d->today)
    return TRUE;
  age = d->today - opened;
  issue->case_id = g_strdup (SP_ENTITY (kase)->id);
  issue->provider_id = g_strdup (kase->provider_id);
  issue->routed_to = g_strdup (sp_provider_route_contract_issue (provider));
  issue->opened_on = opened;
  issue->breach = g_strdup (breaches[demo_range (d, 0, G_N_ELEMENTS (breaches) - 1)]);
  issue->welfare_crime = demo_chance (d, 3);
  issue->status = SP_CONTRACT_ISSUE_OPEN;
  if (age < 3)
    return save_issue (d, issue, error);

  issue->status = SP_CONTRACT_ISSUE_CORRECTION_REQUESTED;
  issue->correction_requested_on = opened + 2;
  issue->correction_due_on = opened + 2 + 14;
  issue->correction_request = g_strdup ("Vi begär att utföraren rättar bristen och redovisar vidtagna åtgärder.");
  /* A few have let their deadline pass. */
  if (age < 20 || (age < 40 && demo_chance (d, 30)))
    return save_issue (d, issue, error);

  issue->status = SP_CONTRACT_ISSUE_ACCOUNT_RECEIVED;
  issue->account_received_on = issue->correction_requested_on + demo_range (d, 5, 14);
  issue->account = g_strdup (accounts[demo_range (d, 0, G_N_ELEMENTS (accounts) - 1)]);
  if (age < 30)
    return save_issue (d, issue, error);

  issue->status = SP_CONTRACT_ISSUE_ASSESSED;
  issue->assessed_on = issue->account_received_on + demo_range (d, 2, 8);
  issue->assessment = g_strdup ("Bristen bedöms som befogad; åtgärderna följs upp vid nästa avtalsuppföljning.");
  if (age < 45)
    return save_issue (d, issue, error);

  issue->status = SP_CONTRACT_ISSUE_SANCTIONED;
  issue->sanction_decided_on = issue->assessed_on + demo_range (d, 3, 10);
  if (demo_chance (d, 40))
    {
      issue->sanction_kind = SP_SANCTION_PENALTY;
      issue->sanction_amount = 5000 * demo_range (d, 2, 20);
      issue->sanction = g_strdup ("Vite enligt avtalets bestämmelser om bristande fullgörelse.");
    }
  else if (demo_chance (d, 5))
    {
      issue->sanction_kind = SP_SANCTION_TERMINATION;
      issue->sanction = g_strdup ("Avtalet hävs på grund av väsentliga och upprepade brister.");
    }
  else
    issue->sanction_kind = SP_SANCTION_NONE;
  if (age < 60)
    return save_issue (d, issue, error);

  issue->status = SP_CONTRACT_ISSUE_CLOSED;
  issue->closed_on = issue->sanction_decided_on + demo_range (d, 5, 20);
  issue->outcome = g_strdup ("Rättelse har skett och följts upp.");
  return save_issue (d, issue, error);
}

/* Gives the first elder-care provider one in eight of the current
 * tertial's elder-care cases (twelve at least): several times its usual
 * count. */
static gboolean
make_pattern (Demo    *d,
              GError **error)
{
  GPtrArray *candidates = d->providers_by_area[SP_AREA_ELDERLY_CARE];
  g_autoptr(GPtrArray) cases = NULL;
  SpProvider *spike;
  SpCaseQuery query;
  SpPeriod tertial;
  guint moved = 0;
  guint wanted;

  if (candidates == NULL || candidates->len < 2)
    return TRUE;
  spike = candidates->pdata[0];
  tertial = sp_period_tertial (sp_date_get_year (d->today), (sp_date_get_month (d->today) - 1) / 4 + 1);

  sp_case_query_init (&query);
  query.from = tertial.from;
  query.to = d->today;
  cases = sp_store_query_cases (d->store, &query, error);
  if (cases == NULL)
    return FALSE;
  wanted = MAX (12, cases->len / 8);
  for (guint i = 0; i < cases->len && moved < wanted; i++)
    {
      SpCase *kase = cases->pdata[i];

      if (g_strcmp0 (kase->provider_id, SP_ENTITY (spike)->id) == 0 || kase->area != SP_AREA_ELDERLY_CARE ||
          kase->named_employee)
        continue;
      kase->concerns = SP_CONCERNS_PROVIDER;
      g_free (kase->provider_id);
      kase->provider_id = g_strdup (SP_ENTITY (spike)->id);
      g_autofree char *by = g_strdup (SP_ENTITY (kase)->updated_by);

      /* At its own revision: a case must not come after its history in
       * the change feed (a replica checks references page by page). */
      if (!save_at (d, kase, SP_ENTITY (kase)->rev, SP_ENTITY (kase)->updated_at, by, error))
        return FALSE;
      moved++;
    }
  g_debug ("demo: %u cases of the tertial moved to %s", moved, spike->name);
  return TRUE;
}

gboolean
_sp_demo_add_contract_issues (Demo    *d,
                              GError **error)
{
  g_autoptr(GPtrArray) flagged = NULL;
  SpCaseQuery query;

  if (!make_pattern (d, error))
    return FALSE;

  sp_case_query_init (&query);
  query.contract_breach_only = TRUE;
  flagged = sp_store_query_cases (d->store, &query, error);
  if (flagged == NULL)
    return FALSE;
  for (guint i = 0; i < flagged->len; i++)
    {
      SpCase *kase = flagged->pdata[i];
      g_autoptr(GPtrArray) existing = NULL;

      /* The recent ones are being handled. */
      if (kase->provider_id == NULL ||
          !demo_chance (d, d->today - kase->received_on < 60 ? 90 : 60))
        continue;
      existing = sp_store_load_where (d->store, SP_TYPE_CONTRACT_ISSUE, "case_id", SP_ENTITY (kase)->id, error);
      if (existing == NULL)
        return FALSE;
      if (existing->len == 0 && !add_issue (d, kase, error))
        return FALSE;
    }
  return TRUE;
}
