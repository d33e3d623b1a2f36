/* sp-demo-texts.c: composing the text of a demo case from Swedish fragments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-demo-private.h"
#include "sp-demo-text.h"

typedef struct
{
  const char *unit;
  const char *place;
  const char *person;
} DemoContext;

/* One of the '|'-separated parts of @list. */
static char *
pick_part (Demo       *d,
           const char *list)
{
  guint n = 1;
  guint k;
  const char *start = list;
  const char *end;

  for (const char *p = list; *p; p++)
    if (*p == '|')
      n++;

  k = (guint)g_rand_int_range (d->rand, 0, (gint32)n);
  while (k-- > 0)
    start = strchr (start, '|') + 1;
  end = strchr (start, '|');

  return end ? g_strndup (start, end - start) : g_strdup (start);
}

static void
expand (Demo              *d,
        GString           *out,
        const char        *text,
        const DemoContext *ctx)
{
  for (const char *p = text; *p; p++)
    {
      const char *end;

      if (*p != '{' || (end = strchr (p, '}')) == NULL)
        {
          g_string_append_c (out, *p);
          continue;
        }

#define KEY(k) (end - p - 1 == (int)strlen (k) && strncmp (p + 1, k, strlen (k)) == 0)
      if (KEY ("unit"))
        g_string_append (out, ctx->unit);
      else if (KEY ("place"))
        g_string_append (out, ctx->place);
      else if (KEY ("person"))
        g_string_append (out, ctx->person);
      else if (KEY ("Person"))
        {
          /* The people are written in ASCII lower case at the start. */
          g_string_append_c (out, g_ascii_toupper (ctx->person[0]));
          g_string_append (out, ctx->person + 1);
        }
      else if (KEY ("day"))
        g_string_append (out, PICK (d, days));
      else if (KEY ("time"))
        g_string_append (out, PICK (d, times));
      else if (KEY ("month"))
        g_string_append (out, PICK (d, months));
      else if (KEY ("n"))
        g_string_append_printf (out, "%d", demo_range (d, 2, 6));
      else
        g_string_append_len (out, p, end - p + 1);
#undef KEY

      p = end;
    }
}

static void
append_sentence (Demo              *d,
                 GString           *out,
                 const char        *text,
                 const DemoContext *ctx)
{
  if (text == NULL || *text == '\0')
    return;
  if (out->len > 0)
    g_string_append_c (out, ' ');
  expand (d, out, text, ctx);
}

static const DemoTopic *
pick_topic (Demo      *d,
            SpArea     area,
            SpValence  valence)
{
  const DemoTopic *matching[G_N_ELEMENTS (topics)];
  guint n = 0;

  /* "Other" reads like the administration's cases. */
  if (area == SP_AREA_OTHER)
    area = SP_AREA_ADMINISTRATION;

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    if (topics[i].area == area && topics[i].valence == valence)
      matching[n++] = &topics[i];

  if (n == 0)
    for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
      if (topics[i].area == area)
        matching[n++] = &topics[i];

  return matching[g_rand_int_range (d->rand, 0, (gint32)n)];
}

static gboolean
name_has_hint (const char *name,
               const char *hints)
{
  g_auto(GStrv) parts = g_strsplit (hints, "|", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (strstr (name, parts[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* A unit of @area that fits @text (see unit_hints), else any of @area,
 * else any at all. */
static SpUnit *
pick_unit (Demo       *d,
           SpArea      area,
           const char *text)
{
  GPtrArray *units = d->units_by_area[area];
  SpUnit *fitting[64];
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (unit_hints); i++)
    {
      if (unit_hints[i].area != area || strstr (text, unit_hints[i].keyword) == NULL)
        continue;

      for (guint j = 0; j < units->len && n < G_N_ELEMENTS (fitting); j++)
        {
          SpUnit *unit = g_ptr_array_index (units, j);

          if (name_has_hint (unit->name, unit_hints[i].hints))
            fitting[n++] = unit;
        }
      break;
    }

  if (n > 0)
    return fitting[g_rand_int_range (d->rand, 0, (gint32)n)];
  if (units->len > 0)
    return pick_from (d, units);
  return pick_from (d, d->units);
}

static const char *
pick_opener (Demo       *d,
             SpArea      area,
             const char *unit_name)
{
  const char * const *openers;
  guint n_openers;
  const char *fitting[16];
  guint n = 0;

#define USE(array) openers = array; n_openers = G_N_ELEMENTS (array); break
  switch (area)
    {
    case SP_AREA_ELDERLY_CARE: USE (openers_elderly);
    case SP_AREA_PRESCHOOL: USE (openers_preschool);
    case SP_AREA_INDIVIDUAL_FAMILY_CARE: USE (openers_ifo);
    case SP_AREA_DISABILITY_SUPPORT: USE (openers_disability);
    case SP_AREA_CITY_ENVIRONMENT: USE (openers_city);
    case SP_AREA_CULTURE_LEISURE: USE (openers_culture);
    case SP_AREA_ADMINISTRATION:
    case SP_AREA_OTHER:
    default: USE (openers_admin);
    }
#undef USE

  for (guint i = 0; i < n_openers && n < G_N_ELEMENTS (fitting); i++)
    {
      const char *gt = strchr (openers[i], '>');

      if (gt == NULL)
        fitting[n++] = openers[i];
      else if (unit_name != NULL)
        {
          g_autofree char *hint = g_strndup (openers[i], gt - openers[i]);

          if (strstr (unit_name, hint) != NULL)
            fitting[n++] = gt + 1;
        }
    }

  g_assert (n > 0);
  return fitting[g_rand_int_range (d->rand, 0, (gint32)n)];
}

static const char *
pick_person (Demo   *d,
             SpArea  area)
{
  switch (area)
    {
    case SP_AREA_PRESCHOOL: return PICK (d, children);
    case SP_AREA_DISABILITY_SUPPORT: return PICK (d, disabled_relatives);
    default: return PICK (d, relatives);
    }
}

/* Writes the subject and description, and picks the unit they fit. */
SpUnit *
_sp_demo_fill_text (Demo   *d,
                    SpCase *kase)
{
  DemoContext ctx = { NULL, PICK (d, places), pick_person (d, kase->area) };
  g_autoptr(GString) subject = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *subject_template = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *all = NULL;
  const DemoTopic *topic;
  SpUnit *unit;

  if (kase->kind == SP_CASE_KIND_CITIZEN_PROPOSAL)
    {
      topic = pick_topic (d, SP_AREA_CITY_ENVIRONMENT, SP_VALENCE_NEUTRAL);
      subject_template = g_strdup (PICK (d, citizen_proposals));
    }
  else
    {
      topic = pick_topic (d, kase->area, kase->valence);
      subject_template = pick_part (d, topic->subjects);
    }

  first = pick_part (d, topic->details);
  if (kase->kind != SP_CASE_KIND_CITIZEN_PROPOSAL && demo_chance (d, 45))
    {
      second = pick_part (d, topic->details);
      if (strcmp (second, first) == 0)
        g_clear_pointer (&second, g_free);
    }

  all = g_strjoin (" ", subject_template, first, second, NULL);
  unit = pick_unit (d, kase->area, all);
  ctx.unit = unit ? unit->name : "förvaltningen";

  expand (d, subject, subject_template, &ctx);

  if (kase->kind == SP_CASE_KIND_CITIZEN_PROPOSAL)
    {
      append_sentence (d, text, "Jag lämnar härmed ett medborgarförslag till stadsdelsnämnden.", &ctx);
      append_sentence (d, text, first, &ctx);
      append_sentence (d, text, PICK (d, elaborations_neutral), &ctx);
      kase->category = g_strdup ("other");
    }
  else
    {
      append_sentence (d, text, pick_opener (d, kase->area, unit ? unit->name : NULL), &ctx);
      append_sentence (d, text, first, &ctx);
      append_sentence (d, text, second, &ctx);

      if (kase->valence == SP_VALENCE_POSITIVE)
        append_sentence (d, text, PICK (d, elaborations_positive), &ctx);
      else if (kase->valence == SP_VALENCE_NEUTRAL)
        append_sentence (d, text, PICK (d, elaborations_neutral), &ctx);
      else
        append_sentence (d, text, PICK (d, elaborations_negative), &ctx);

      if (kase->sender_anonymous)
        append_sentence (d, text, PICK (d, closings_anonymous), &ctx);
      else if (!kase->sender_wants_feedback)
        append_sentence (d, text, PICK (d, closings_none), &ctx);
      else if (kase->valence == SP_VALENCE_POSITIVE)
        append_sentence (d, text, PICK (d, closings_feedback_positive), &ctx);
      else if (kase->valence == SP_VALENCE_NEUTRAL)
        append_sentence (d, text, PICK (d, closings_feedback_neutral), &ctx);
      else
        append_sentence (d, text, PICK (d, closings_feedback), &ctx);

      kase->category = g_strdup (topic->category);
    }

  kase->subject = g_strdup (subject->str);
  kase->description = g_strdup (text->str);
  return unit;
}
