/* sp-demo-cases.c: one demo case, with its sender, dates, investigation and history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-demo-private.h"
#include "sp-letter.h"
#include "sp-letter-template.h"
#include "sp-demo-text.h"

static const guint area_weights[] = {
  [SP_AREA_ELDERLY_CARE] = 28,
  [SP_AREA_DISABILITY_SUPPORT] = 6,
  [SP_AREA_INDIVIDUAL_FAMILY_CARE] = 12,
  [SP_AREA_PRESCHOOL] = 18,
  [SP_AREA_CITY_ENVIRONMENT] = 20,
  [SP_AREA_CULTURE_LEISURE] = 8,
  [SP_AREA_ADMINISTRATION] = 7,
  [SP_AREA_OTHER] = 1,
};

static SpChannel
pick_channel (Demo       *d,
              SpArea      area,
              SpCaseKind  kind)
{
  guint w[SP_CHANNEL_OTHER_DISTRICT + 1] = { 0 };

  if (kind == SP_CASE_KIND_CITIZEN_PROPOSAL)
    {
      w[SP_CHANNEL_WEB_FORM] = 50;
      w[SP_CHANNEL_LETTER] = 30;
      w[SP_CHANNEL_BOARD_QUESTION_TIME] = 20;
    }
  else if (area == SP_AREA_CITY_ENVIRONMENT)
    {
      w[SP_CHANNEL_TYCK_TILL_APP] = 45;
      w[SP_CHANNEL_WEB_FORM] = 25;
      w[SP_CHANNEL_EMAIL] = 15;
      w[SP_CHANNEL_PHONE] = 10;
      w[SP_CHANNEL_LETTER] = 3;
      w[SP_CHANNEL_PAPER_FORM] = 2;
    }
  else
    {
      w[SP_CHANNEL_EMAIL] = 28;
      w[SP_CHANNEL_WEB_FORM] = 25;
      w[SP_CHANNEL_PHONE] = 15;
      w[SP_CHANNEL_LETTER] = 8;
      w[SP_CHANNEL_IN_PERSON] = 12;
      w[SP_CHANNEL_PAPER_FORM] = 8;
      w[SP_CHANNEL_BOARD_QUESTION_TIME] = 1;
      w[SP_CHANNEL_OTHER_DISTRICT] = 1;
      if (kind == SP_CASE_KIND_COMPLAINT &&
          (area == SP_AREA_ELDERLY_CARE || area == SP_AREA_DISABILITY_SUPPORT ||
           area == SP_AREA_INDIVIDUAL_FAMILY_CARE))
        w[SP_CHANNEL_IVO] = 4;
      if (kind == SP_CASE_KIND_COMPLAINT && area == SP_AREA_PRESCHOOL)
        w[SP_CHANNEL_SKOLINSPEKTIONEN] = 4;
    }

  return (SpChannel)demo_weighted (d, w, G_N_ELEMENTS (w));
}

static SpRelation
pick_relation (Demo   *d,
               SpArea  area)
{
  guint w[SP_RELATION_OTHER + 1] = { 0 };

  switch (area)
    {
    case SP_AREA_ELDERLY_CARE:
      w[SP_RELATION_RELATIVE] = 75; w[SP_RELATION_SERVICE_USER] = 10;
      w[SP_RELATION_STAFF] = 3; w[SP_RELATION_RESIDENT] = 7; w[SP_RELATION_OTHER] = 5;
      break;
    case SP_AREA_PRESCHOOL:
      w[SP_RELATION_RELATIVE] = 95; w[SP_RELATION_STAFF] = 3; w[SP_RELATION_OTHER] = 2;
      break;
    case SP_AREA_INDIVIDUAL_FAMILY_CARE:
      w[SP_RELATION_SERVICE_USER] = 80; w[SP_RELATION_RELATIVE] = 12; w[SP_RELATION_ORGANISATION] = 8;
      break;
    case SP_AREA_DISABILITY_SUPPORT:
      w[SP_RELATION_RELATIVE] = 65; w[SP_RELATION_SERVICE_USER] = 25; w[SP_RELATION_OTHER] = 10;
      break;
    case SP_AREA_CITY_ENVIRONMENT:
      w[SP_RELATION_RESIDENT] = 92; w[SP_RELATION_ORGANISATION] = 5; w[SP_RELATION_OTHER] = 3;
      break;
    case SP_AREA_CULTURE_LEISURE:
      w[SP_RELATION_RESIDENT] = 50; w[SP_RELATION_RELATIVE] = 35; w[SP_RELATION_SERVICE_USER] = 15;
      break;
    default:
      w[SP_RELATION_RESIDENT] = 80; w[SP_RELATION_ORGANISATION] = 10; w[SP_RELATION_OTHER] = 10;
      break;
    }

  return (SpRelation)demo_weighted (d, w, G_N_ELEMENTS (w));
}

static void
fill_sender (Demo   *d,
             SpCase *kase)
{
  const char *first = PICK (d, first_names);
  const char *last = PICK (d, last_names);
  g_autofree char *folded = ascii_fold (first, last);
  gboolean forwarded = kase->channel == SP_CHANNEL_IVO ||
                       kase->channel == SP_CHANNEL_SKOLINSPEKTIONEN ||
                       kase->channel == SP_CHANNEL_OTHER_DISTRICT;
  double anonymous = kase->channel == SP_CHANNEL_TYCK_TILL_APP ? 35 :
                     kase->channel == SP_CHANNEL_PAPER_FORM ? 40 : 14;

  kase->sender_relation = pick_relation (d, kase->area);

  /* Authorities forward the complainant's details; proposals are signed. */
  if (!forwarded && kase->kind != SP_CASE_KIND_CITIZEN_PROPOSAL && demo_chance (d, anonymous))
    {
      kase->sender_anonymous = TRUE;
      return;
    }

  kase->sender_name = g_strdup_printf ("%s %s", first, last);
  if (demo_chance (d, 75) || kase->channel == SP_CHANNEL_LETTER)
    kase->sender_address = g_strdup_printf ("%s %d, %s", PICK (d, streets), demo_range (d, 1, 120),
                                            PICK (d, postal_towns));
  if (demo_chance (d, 70))
    /* PTS keeps 070-174 06 05 to 070-174 06 99 for fiction. */
    kase->sender_phone = g_strdup_printf ("070-174 06 %02d", demo_range (d, 5, 99));
  if (demo_chance (d, 75) || kase->channel == SP_CHANNEL_EMAIL ||
      (kase->sender_address == NULL && kase->sender_phone == NULL))
    kase->sender_email = g_strdup_printf ("%s@example.se", folded);

  switch (kase->kind)
    {
    case SP_CASE_KIND_COMPLAINT:
      kase->sender_wants_feedback = demo_chance (d, 92);
      break;
    case SP_CASE_KIND_CITIZEN_PROPOSAL:
      kase->sender_wants_feedback = TRUE;
      break;
    default:
      kase->sender_wants_feedback = demo_chance (d, kase->valence == SP_VALENCE_POSITIVE ? 15 : 50);
      break;
    }
}

static SpUser *
find_user (Demo       *d,
           const char *id)
{
  return id != NULL ? g_hash_table_lookup (d->users_by_id, id) : NULL;
}

/* How far along a case of this age usually is: the older, the likelier
 * closed. Indexed received … closed. */
static SpStatus
pick_status (Demo *d,
             int   age)
{
  static const guint fresh[] = { 45, 20, 25, 10, 0, 0, 0, 0, 0 };
  static const guint within_days[] = { 5, 5, 15, 20, 35, 5, 10, 5, 0 };
  static const guint weeks[] = { 0, 0, 1, 1, 15, 3, 10, 15, 55 };
  static const guint months_old[] = { 0, 0, 0, 0, 20, 3, 12, 25, 940 };
  static const guint old[] = { 0, 0, 0, 0, 2, 0, 1, 2, 995 };

  if (age <= 3)
    return (SpStatus)demo_weighted (d, fresh, G_N_ELEMENTS (fresh));
  if (age <= 14)
    return (SpStatus)demo_weighted (d, within_days, G_N_ELEMENTS (within_days));
  if (age <= 45)
    return (SpStatus)demo_weighted (d, weeks, G_N_ELEMENTS (weeks));
  if (age <= 180)
    return (SpStatus)demo_weighted (d, months_old, G_N_ELEMENTS (months_old));
  return (SpStatus)demo_weighted (d, old, G_N_ELEMENTS (old));
}

typedef struct
{
  SpDate registered;
  SpDate assigned;
  SpDate acknowledged;
  SpDate investigating;
  SpDate awaiting;
  SpDate assessed;
  SpDate feedback;
  SpDate closed;
} DemoDates;

static SpDate
not_after (Demo   *d,
           SpDate  date)
{
  return MIN (date, d->today);
}

static void
pick_dates (Demo      *d,
            SpCase    *kase,
            DemoDates *dates)
{
  SpDate received = kase->received_on;
  int span = kase->due_on > received ? (int)(kase->due_on - received) : 14;

  dates->registered = not_after (d, sp_calendar_next_working_day (received + demo_range (d, 0, 2)));
  dates->assigned = not_after (d, dates->registered + demo_range (d, 0, 1));
  dates->acknowledged = not_after (d, dates->assigned + demo_range (d, 0, 2));
  dates->investigating = not_after (d, dates->acknowledged + demo_range (d, 0, 3));
  dates->awaiting = not_after (d, dates->investigating + demo_range (d, 0, 3));

  /* Most are answered in time, some late. */
  if (demo_chance (d, 78))
    dates->assessed = received + demo_range (d, MIN (3, span), MAX (3, span - 1));
  else
    dates->assessed = received + span + demo_range (d, 1, 25);
  dates->assessed = not_after (d, MAX (dates->assessed, dates->investigating));
  dates->feedback = not_after (d, dates->assessed + demo_range (d, 0, 3));
  dates->closed = not_after (d, dates->feedback + demo_range (d, 0, 8));
}

static SpDate
date_of_status (const DemoDates *dates,
                SpCase          *kase)
{
  switch (kase->status)
    {
    case SP_STATUS_RECEIVED: return kase->received_on;
    case SP_STATUS_REGISTERED: return dates->registered;
    case SP_STATUS_ASSIGNED: return dates->assigned;
    case SP_STATUS_ACKNOWLEDGED: return dates->acknowledged;
    case SP_STATUS_INVESTIGATING: return dates->investigating;
    case SP_STATUS_AWAITING_PROVIDER: return dates->awaiting;
    case SP_STATUS_ASSESSED: return dates->assessed;
    case SP_STATUS_FEEDBACK_GIVEN: return dates->feedback;
    default: return kase->closed_on;
    }
}

/* The state before the last one, for the history's last status event. */
static SpStatus
previous_status (SpCase *kase)
{
  switch (kase->status)
    {
    case SP_STATUS_ASSIGNED:
    case SP_STATUS_FORWARDED_ELSEWHERE:
    case SP_STATUS_OTHER_ROUTINE:
      return kase->diary_number ? SP_STATUS_REGISTERED : SP_STATUS_RECEIVED;
    case SP_STATUS_ACKNOWLEDGED: return SP_STATUS_ASSIGNED;
    case SP_STATUS_INVESTIGATING: return SP_STATUS_ACKNOWLEDGED;
    case SP_STATUS_AWAITING_PROVIDER: return SP_STATUS_INVESTIGATING;
    case SP_STATUS_ASSESSED: return SP_STATUS_INVESTIGATING;
    case SP_STATUS_FEEDBACK_GIVEN: return SP_STATUS_ASSESSED;
    case SP_STATUS_CLOSED:
      return kase->feedback_on != SP_DATE_NONE ? SP_STATUS_FEEDBACK_GIVEN : SP_STATUS_ASSESSED;
    default: return SP_STATUS_RECEIVED;
    }
}

static gboolean
take_diary_number (Demo    *d,
                   SpCase  *kase,
                   SpDate   date,
                   gint64  *seq_out,
                   GError **error)
{
  int year = sp_date_get_year (date);
  gpointer stored;
  gint64 seq;

  /* The same numbering as sp_store_assign_diary_number (), counted here so
   * that a case is written once, with its number. */
  if (g_hash_table_lookup_extended (d->diary_seq, GINT_TO_POINTER (year), NULL, &stored))
    seq = GPOINTER_TO_SIZE (stored) + 1;
  else
    {
      sqlite3_stmt *stmt = sp_store_prepare (d->store, "SELECT ifnull (max (seq), 0) FROM diary WHERE year = ?",
                                             error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, year);
      seq = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) + 1 : 1;
      sqlite3_reset (stmt);
    }

  g_hash_table_insert (d->diary_seq, GINT_TO_POINTER (year), GSIZE_TO_POINTER ((gsize)seq));
  kase->diary_number = sp_store_format_diary_number (d->store, year, seq);
  *seq_out = seq;
  return TRUE;
}

static gboolean
record_diary_number (Demo    *d,
                     SpCase  *kase,
                     SpDate   date,
                     gint64   seq,
                     GError **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = sp_store_prepare (d->store,
                                 "INSERT INTO diary (year, seq, case_id, number) VALUES (?, ?, ?, ?)",
                                 error)))
    return FALSE;

  sqlite3_bind_int (stmt, 1, sp_date_get_year (date));
  sqlite3_bind_int64 (stmt, 2, seq);
  sqlite3_bind_text (stmt, 3, SP_ENTITY (kase)->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, kase->diary_number, -1, SQLITE_STATIC);
  return sp_store_step_done (d->store, stmt, error);
}

static gboolean
add_event (Demo        *d,
           SpCase      *kase,
           SpDate       date,
           SpUser      *actor,
           SpEventKind  kind,
           const char  *field,
           const char  *old_value,
           const char  *new_value,
           GError     **error)
{
  g_autoptr(SpCaseEvent) event = sp_case_event_new ();

  event->case_id = g_strdup (SP_ENTITY (kase)->id);
  event->at = demo_timestamp (d, date, 7, 16);
  event->actor_id = g_strdup (actor ? SP_ENTITY (actor)->id : NULL);
  event->actor_name = g_strdup (actor ? actor->display_name : NULL);
  event->kind = kind;
  event->field = g_strdup (field);
  event->old_value = g_strdup (old_value);
  event->new_value = g_strdup (new_value);

  return save_at (d, event, 0, event->at, event->actor_id, error);
}

static const char *
department_name (Demo       *d,
                 const char *unit_id)
{
  SpUnit *unit = unit_id ? g_hash_table_lookup (d->units_by_id, unit_id) : NULL;
  SpUnit *parent = unit && unit->parent_id ? g_hash_table_lookup (d->units_by_id, unit->parent_id) : NULL;

  return parent ? parent->name : "förvaltningen";
}

/* The letters a case of this state has had: the acknowledgement of most
 * registered cases, the delay notice that was recorded, and the final
 * answer of most answered ones (the rest were answered by phone). Their
 * text is the shipped template, filled in. */
static gboolean
save_letter (Demo         *d,
             SpCase       *kase,
             GHashTable   *values,
             SpLetterKind  kind,
             SpDate        sent_on,
             SpUser       *sender,
             GError      **error)
{
  g_autoptr(SpLetter) letter = sp_letter_new ();

  letter->case_id = g_strdup (SP_ENTITY (kase)->id);
  letter->kind = kind;
  letter->language = SP_LANGUAGE_SV;
  letter->method = kase->sender_email ? SP_LETTER_METHOD_EMAIL : SP_LETTER_METHOD_POST;
  letter->recipient = g_strdup (kase->sender_email ? kase->sender_email : kase->sender_name);
  letter->body = sp_letter_template_fill (sp_letter_template_default (kind, SP_LANGUAGE_SV), values, NULL);
  letter->sent_on = not_after (d, sent_on);
  letter->sent_by = g_strdup (sender ? sender->display_name : NULL);
  return save_at (d, letter, 0, demo_timestamp (d, letter->sent_on, 8, 17),
                  sender ? SP_ENTITY (sender)->id : NULL, error);
}

static gboolean
add_letters (Demo             *d,
             SpCase           *kase,
             const DemoDates  *dates,
             SpUser           *registrar,
             SpUser           *manager,
             GError          **error)
{
  SpUnit *unit = kase->unit_id ? g_hash_table_lookup (d->units_by_id, kase->unit_id) : NULL;
  g_autoptr(GHashTable) values = NULL;

  if (kase->sender_anonymous || (kase->sender_name == NULL && kase->sender_email == NULL))
    return TRUE;

  values = sp_letter_values_new (kase, unit, NULL, "Hässelby-Vällingby stadsdelsförvaltning",
                                 manager ? manager->display_name : NULL, SP_LANGUAGE_SV);
  g_hash_table_replace (values, (gpointer)"contact_name",
                        g_strdup_printf ("avdelningschefen för %s", department_name (d, kase->unit_id)));
  g_hash_table_replace (values, (gpointer)"contact_address", g_strdup ("Box 3, 162 11 Vällingby"));
  g_hash_table_replace (values, (gpointer)"contact_phone", g_strdup ("08-508 05 000"));
  if (kase->delay_notice_on != SP_DATE_NONE)
    g_hash_table_replace (values, (gpointer)"new_due_on",
                          sp_letter_format_date (kase->delay_notice_on + 14, SP_LANGUAGE_SV));
  g_hash_table_replace (values, (gpointer)"answer",
                        g_strdup ("Vi har gått igenom det du beskriver tillsammans med personalen, "
                                  "och vi har tagit upp det på enhetens arbetsplatsträff."));

  if (kase->diary_number != NULL && kase->status >= SP_STATUS_ASSIGNED &&
      kase->status <= SP_STATUS_CLOSED && demo_chance (d, 85) &&
      !save_letter (d, kase, values, SP_LETTER_ACKNOWLEDGEMENT, dates->registered + 1, registrar, error))
    return FALSE;
  if (kase->delay_notice_on != SP_DATE_NONE &&
      !save_letter (d, kase, values, SP_LETTER_DELAY_NOTICE, kase->delay_notice_on, manager, error))
    return FALSE;
  if (kase->feedback_on != SP_DATE_NONE)
    {
      if (demo_chance (d, 85))
        {
          kase->feedback_method = SP_FEEDBACK_METHOD_LETTER;
          return save_letter (d, kase, values, SP_LETTER_FINAL_ANSWER, kase->feedback_on, manager, error);
        }
      kase->feedback_method = SP_FEEDBACK_METHOD_PHONE;
      kase->feedback_note = g_strdup ("Ringde upp avsändaren, gick igenom vad utredningen visade "
                                      "och vad enheten gör nu.");
    }
  return TRUE;
}

static gboolean
add_investigation (Demo             *d,
                   SpCase           *kase,
                   const DemoDates  *dates,
                   SpUser           *manager,
                   GError          **error)
{
  static const guint assessment_weights[] = { 0, 28, 30, 32, 10 };
  g_autoptr(SpInvestigation) inv = sp_investigation_new ();
  gboolean assessed = kase->status == SP_STATUS_ASSESSED ||
                      kase->status == SP_STATUS_FEEDBACK_GIVEN ||
                      kase->status == SP_STATUS_CLOSED;
  SpAssessment a = SP_ASSESSMENT_NOT_ASSESSED;
  SpDate at = assessed ? dates->assessed : dates->investigating;
  int year = sp_date_get_year (at);
  const char *by = manager ? SP_ENTITY (manager)->id : NULL;

  if (assessed && kase->valence == SP_VALENCE_NEGATIVE)
    a = (SpAssessment)demo_weighted (d, assessment_weights, G_N_ELEMENTS (assessment_weights));

  inv->case_id = g_strdup (SP_ENTITY (kase)->id);
  /* The investigator is named as the app names them (the section writes
   * the person's name there); the stamps keep the user's id. */
  inv->investigator_id = g_strdup (manager ? manager->display_name : NULL);
  inv->investigating_unit_id = g_strdup (kase->investigating_unit_id ? kase->investigating_unit_id
                                                                     : kase->unit_id);
  inv->assessment = a;
  inv->heard = g_strdup (PICK (d, heard));

  if (!assessed)
    inv->facts = g_strdup ("Utredningen pågår. Dokumentationen för perioden har begärts fram.");
  else
    {
      inv->facts = g_strdup (PICK (d, facts_by_assessment[a]));
      if (a == SP_ASSESSMENT_JUSTIFIED || a == SP_ASSESSMENT_PARTLY_JUSTIFIED)
        {
          inv->analysis = g_strdup (PICK (d, analyses));
          inv->actions_taken = g_strdup (actions[demo_range (d, 0, G_N_ELEMENTS (actions) - 2)]);
          if (demo_chance (d, 40))
            inv->follow_up_on = dates->assessed + demo_range (d, 60, 120);
        }
      else
        inv->actions_taken = g_strdup (actions[G_N_ELEMENTS (actions) - 1]);
    }

  if (kase->feedback_on != SP_DATE_NONE)
    {
      const char *first_space = kase->sender_name ? strchr (kase->sender_name, ' ') : NULL;
      g_autofree char *first_name = first_space ? g_strndup (kase->sender_name, first_space - kase->sender_name)
                                                : NULL;

      inv->feedback_text = g_strdup_printf ("Hej%s%s! Tack för att du hörde av dig till oss. Vi har utrett "
                                            "det du beskriver och %s. %s Om du inte är nöjd med svaret kan "
                                            "du vända dig till avdelningschefen för %s.",
                                            first_name ? " " : "", first_name ? first_name : "",
                                            assessment_sentences[a],
                                            inv->actions_taken ? inv->actions_taken : "",
                                            department_name (d, kase->unit_id));
    }

  /* Escalations are rare and follow the kind of service. */
  if (a == SP_ASSESSMENT_JUSTIFIED &&
      (kase->area == SP_AREA_ELDERLY_CARE || kase->area == SP_AREA_DISABILITY_SUPPORT))
    {
      if (demo_chance (d, 6))
        {
          inv->lex_sarah = TRUE;
          inv->lex_sarah_reference = g_strdup_printf ("Lex Sarah %d:%02d", year, demo_range (d, 1, 40));
          inv->lex_sarah_on = dates->assessed;
        }
      if (kase->area == SP_AREA_ELDERLY_CARE && demo_chance (d, 2))
        {
          inv->lex_maria = TRUE;
          inv->lex_maria_reference = g_strdup_printf ("Lex Maria %d:%02d", year, demo_range (d, 1, 20));
          inv->lex_maria_on = dates->assessed;
        }
    }
  if ((a == SP_ASSESSMENT_JUSTIFIED || a == SP_ASSESSMENT_PARTLY_JUSTIFIED) && demo_chance (d, 12))
    {
      inv->deviation = TRUE;
      inv->deviation_reference = g_strdup_printf ("Avvikelse %d-%03d", year, demo_range (d, 1, 400));
      inv->deviation_on = dates->assessed;
    }
  if (kase->contract_breach && assessed)
    {
      inv->contract_breach = TRUE;
      inv->contract_breach_reference = g_strdup_printf ("Begäran om rättelse %d-%02d", year, demo_range (d, 1, 60));
      inv->contract_breach_on = dates->assessed;
      if (demo_chance (d, 5))
        {
          inv->welfare_crime = TRUE;
          inv->welfare_crime_reference = g_strdup_printf ("Anmälan %d-%02d", year, demo_range (d, 1, 30));
          inv->welfare_crime_on = dates->assessed;
        }
    }
  if (assessed && (kase->channel == SP_CHANNEL_IVO || kase->channel == SP_CHANNEL_SKOLINSPEKTIONEN))
    {
      inv->authority_answer = g_strdup_printf ("Yttrande till %s med redogörelse för utredningen, "
                                               "bedömningen och vidtagna åtgärder.",
                                               kase->channel == SP_CHANNEL_IVO ? "IVO" : "Skolinspektionen");
      inv->authority_answer_on = not_after (d, dates->assessed + demo_range (d, 0, 4));
    }

  if (!save_at (d, inv, 0, demo_timestamp (d, at, 8, 17), by, error))
    return FALSE;

  /* A few justified complaints get planned actions with a follow-up. */
  if ((a == SP_ASSESSMENT_JUSTIFIED || a == SP_ASSESSMENT_PARTLY_JUSTIFIED) && demo_chance (d, 35))
    {
      guint n = demo_chance (d, 25) ? 2 : 1;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SpPlannedAction) action = sp_planned_action_new ();

          action->case_id = g_strdup (SP_ENTITY (kase)->id);
          action->description = g_strdup (PICK (d, planned));
          action->responsible = g_strdup (manager ? manager->display_name : NULL);
          action->due_on = dates->assessed + demo_range (d, 30, 120);
          if (action->due_on + 10 < d->today && demo_chance (d, 75))
            action->done_on = action->due_on - 10 + demo_range (d, 0, 20);
          if (!save_at (d, action, 0, demo_timestamp (d, dates->assessed, 8, 17), by, error))
            return FALSE;
        }
    }

  return TRUE;
}

static void
pick_concerns (Demo   *d,
               SpCase *kase)
{
  GPtrArray *providers = d->providers_by_area[kase->area];

  kase->concerns = SP_CONCERNS_UNIT;
  if (kase->kind == SP_CASE_KIND_CITIZEN_PROPOSAL)
    return;

  if (providers->len > 0 && demo_chance (d, 9))
    {
      SpProvider *provider = pick_from (d, providers);

      kase->concerns = SP_CONCERNS_PROVIDER;
      kase->provider_id = g_strdup (SP_ENTITY (provider)->id);
      kase->contract_breach = kase->valence == SP_VALENCE_NEGATIVE && demo_chance (d, 25);
    }
  else if (kase->area != SP_AREA_CITY_ENVIRONMENT && kase->channel != SP_CHANNEL_OTHER_DISTRICT &&
           demo_chance (d, 2))
    {
      kase->concerns = SP_CONCERNS_OTHER_DISTRICT;
      kase->other_district = g_strdup (PICK (d, other_districts));
    }
  else if (kase->channel != SP_CHANNEL_IVO && kase->channel != SP_CHANNEL_SKOLINSPEKTIONEN &&
           demo_chance (d, kase->area == SP_AREA_CITY_ENVIRONMENT ? 5 : 2))
    {
      kase->concerns = SP_CONCERNS_OTHER_AUTHORITY;
      kase->other_authority = g_strdup (PICK (d, authorities));
    }
}

static SpStatus
adjust_status (SpCase   *kase,
               SpStatus  status,
               int       age)
{
  if (kase->kind == SP_CASE_KIND_CITIZEN_PROPOSAL)
    return age > 3 ? SP_STATUS_OTHER_ROUTINE : SP_STATUS_RECEIVED;
  if (kase->concerns == SP_CONCERNS_OTHER_AUTHORITY)
    return age > 2 ? SP_STATUS_FORWARDED_ELSEWHERE : SP_STATUS_RECEIVED;
  if (status == SP_STATUS_AWAITING_PROVIDER && kase->concerns != SP_CONCERNS_PROVIDER)
    status = SP_STATUS_INVESTIGATING;

  /* Anonymous cases skip the diary, and nobody can be given feedback. */
  if (kase->sender_anonymous && status == SP_STATUS_REGISTERED)
    status = SP_STATUS_ASSIGNED;
  if (kase->sender_anonymous && status == SP_STATUS_FEEDBACK_GIVEN)
    status = SP_STATUS_CLOSED;

  return status;
}

gboolean
_sp_demo_add_case (Demo    *d,
                   SpDate   received,
                   GError **error)
{
  g_autoptr(SpCase) kase = sp_case_new ();
  SpUnit *unit;
  SpUser *manager = NULL;
  SpUser *registrar = pick_from (d, d->registrars);
  SpUser *creator = registrar;
  SpUser *actor;
  DemoDates dates;
  SpDate answered;
  gint64 seq = 0;
  gint64 case_rev;
  int age = (int)d->today - (int)received;
  int r;

  SP_ENTITY (kase)->id = demo_uuid (d);
  kase->received_on = received;
  kase->area = (SpArea)demo_weighted (d, area_weights, G_N_ELEMENTS (area_weights));

  r = demo_range (d, 0, 99);
  if (r < 3)
    {
      kase->kind = SP_CASE_KIND_CITIZEN_PROPOSAL;
      kase->valence = SP_VALENCE_NEUTRAL;
      kase->area = demo_chance (d, 70) ? SP_AREA_CITY_ENVIRONMENT : SP_AREA_CULTURE_LEISURE;
    }
  else if (r < 53)
    {
      kase->kind = SP_CASE_KIND_COMPLAINT;
      kase->valence = SP_VALENCE_NEGATIVE;
    }
  else
    {
      static const guint valences[] = { 40, 35, 25 };

      kase->kind = SP_CASE_KIND_OPINION;
      kase->valence = (SpValence)demo_weighted (d, valences, G_N_ELEMENTS (valences));
    }

  kase->channel = pick_channel (d, kase->area, kase->kind);
  pick_concerns (d, kase);

  if (kase->channel == SP_CHANNEL_IVO)
    kase->authority_reference = g_strdup_printf ("3.5.1-%05d/%d", demo_range (d, 1000, 60000),
                                                 sp_date_get_year (received));
  else if (kase->channel == SP_CHANNEL_SKOLINSPEKTIONEN)
    kase->authority_reference = g_strdup_printf ("SI %d:%04d", sp_date_get_year (received),
                                                 demo_range (d, 100, 9999));
  if (kase->authority_reference != NULL)
    kase->given_due_on = received + demo_range (d, 21, 30);

  fill_sender (d, kase);
  if ((unit = _sp_demo_fill_text (d, kase)) != NULL)
    {
      kase->unit_id = g_strdup (SP_ENTITY (unit)->id);
      manager = find_user (d, unit->manager_id);
    }

  if (!kase->sender_anonymous &&
      (kase->area == SP_AREA_ELDERLY_CARE || kase->area == SP_AREA_INDIVIDUAL_FAMILY_CARE ||
       kase->area == SP_AREA_DISABILITY_SUPPORT))
    kase->individual_record = demo_chance (d, 20);
  kase->named_employee = kase->valence == SP_VALENCE_NEGATIVE &&
                         g_strcmp0 (kase->category, "treatment") == 0 && demo_chance (d, 8);
  if (unit != NULL && d->units_by_area[kase->area]->len > 1 && demo_chance (d, 1))
    {
      SpUnit *other = pick_from (d, d->units_by_area[kase->area]);

      if (other != unit)
        {
          kase->conflict_of_interest = TRUE;
          kase->investigating_unit_id = g_strdup (SP_ENTITY (other)->id);
        }
    }

  if (kase->channel == SP_CHANNEL_PHONE || kase->channel == SP_CHANNEL_IN_PERSON ||
      kase->channel == SP_CHANNEL_PAPER_FORM)
    {
      SpUser *staff = pick_from (d, d->staff);

      if (staff != NULL)
        creator = staff;
    }
  if (creator != NULL && (kase->channel == SP_CHANNEL_PHONE || kase->channel == SP_CHANNEL_IN_PERSON))
    kase->service_note = g_strdup_printf ("Synpunkten lämnades %s och antecknades av %s.",
                                          kase->channel == SP_CHANNEL_PHONE ? "per telefon" : "vid ett besök",
                                          creator->display_name);

  kase->created_by = g_strdup (creator ? SP_ENTITY (creator)->id : NULL);
  kase->created_at = kase->channel == SP_CHANNEL_WEB_FORM || kase->channel == SP_CHANNEL_TYCK_TILL_APP
                     ? demo_timestamp (d, received, 0, 23) : demo_timestamp (d, received, 8, 16);
  /* Demo dates lie within a few years of today: always a deadline. */
  sp_case_update_deadline (kase, &d->config, NULL);

  kase->status = adjust_status (kase, pick_status (d, age), age);
  pick_dates (d, kase, &dates);

  if (kase->status == SP_STATUS_FEEDBACK_GIVEN ||
      (kase->status == SP_STATUS_CLOSED && !kase->sender_anonymous &&
       (sp_case_needs_feedback (kase) || demo_chance (d, 50))))
    kase->feedback_on = dates.feedback;

  if (kase->status == SP_STATUS_CLOSED)
    kase->closed_on = dates.closed;
  else if (!sp_status_is_open (kase->status))
    kase->closed_on = not_after (d, dates.registered + demo_range (d, 0, 3));
  if (kase->status == SP_STATUS_FORWARDED_ELSEWHERE)
    kase->forwarded_to = g_strdup (kase->other_authority);

  if (kase->status >= SP_STATUS_ASSIGNED && kase->status <= SP_STATUS_CLOSED && manager != NULL)
    kase->assigned_to = g_strdup (SP_ENTITY (manager)->id);
  /* R22: a closed case has its note in the person's file; one waiting
   * for it to be closed may not yet. */
  if (kase->individual_record && kase->status == SP_STATUS_CLOSED)
    kase->individual_record_noted = TRUE;
  else if (kase->individual_record && kase->status == SP_STATUS_FEEDBACK_GIVEN)
    kase->individual_record_noted = demo_chance (d, 70);
  /* R21: praise is passed on to those it concerns. */
  if (kase->valence == SP_VALENCE_POSITIVE && kase->status >= SP_STATUS_ASSIGNED &&
      kase->status <= SP_STATUS_CLOSED && demo_chance (d, 90))
    {
      SpUnit *praised = kase->unit_id ? g_hash_table_lookup (d->units_by_id, kase->unit_id) : NULL;

      kase->praise_passed_on = not_after (d, received + demo_range (d, 1, 6));
      kase->praise_passed_to = g_strdup_printf ("Personalen och chefen på %s",
                                                praised ? praised->name : "enheten");
    }

  /* A late answer was often, not always, announced with a delay notice. */
  answered = kase->feedback_on ? kase->feedback_on
                               : sp_status_is_open (kase->status) ? d->today : kase->closed_on;
  if (!kase->sender_anonymous && kase->due_on != SP_DATE_NONE && answered > kase->due_on &&
      kase->status != SP_STATUS_FORWARDED_ELSEWHERE && kase->status != SP_STATUS_OTHER_ROUTINE &&
      demo_chance (d, 55))
    {
      kase->delay_notice_on = not_after (d, MAX (received, kase->due_on - demo_range (d, 0, 2)));
      kase->delay_reason = g_strdup (PICK (d, delay_reasons));
    }

  if (!kase->sender_anonymous && kase->status != SP_STATUS_RECEIVED &&
      !take_diary_number (d, kase, dates.registered, &seq, error))
    return FALSE;

  actor = kase->status == SP_STATUS_REGISTERED || kase->status == SP_STATUS_ASSIGNED ||
          kase->status == SP_STATUS_FORWARDED_ELSEWHERE || kase->status == SP_STATUS_OTHER_ROUTINE ||
          manager == NULL ? registrar : manager;

  /* The investigation is written before its case (foreign keys are
   * deferred, see populate), so that the case's full-text row is made once
   * with the investigation's text instead of being made and then rewritten.
   * The case still takes the earlier revision. */
  if ((case_rev = sp_store_next_rev (d->store, error)) <= 0)
    return FALSE;

  if (kase->kind != SP_CASE_KIND_CITIZEN_PROPOSAL &&
      kase->status >= SP_STATUS_INVESTIGATING && kase->status <= SP_STATUS_CLOSED &&
      !add_investigation (d, kase, &dates, manager, error))
    return FALSE;

  if (!add_letters (d, kase, &dates, registrar, manager, error))
    return FALSE;

  if (!save_at (d, kase, case_rev, demo_timestamp (d, date_of_status (&dates, kase), 8, 17),
                actor ? SP_ENTITY (actor)->id : NULL, error))
    return FALSE;

  if (kase->diary_number != NULL &&
      !record_diary_number (d, kase, dates.registered, seq, error))
    return FALSE;

  /* The history: created, registered and the latest change of state. */
  if (!add_event (d, kase, received, creator, SP_EVENT_CREATED, NULL, NULL, NULL, error))
    return FALSE;
  if (kase->diary_number != NULL &&
      !add_event (d, kase, dates.registered, registrar, SP_EVENT_REGISTERED,
                  "diary_number", NULL, kase->diary_number, error))
    return FALSE;
  if (kase->status != SP_STATUS_RECEIVED &&
      !add_event (d, kase, date_of_status (&dates, kase), actor, SP_EVENT_STATUS_CHANGED, "status",
                  sp_enum_to_name (&sp_status_info, previous_status (kase)),
                  sp_enum_to_name (&sp_status_info, kase->status), error))
    return FALSE;

  return TRUE;
}
