/* sp-phrases.c: the phrase library: paragraphs a unit manager inserts
 * into an answer and then edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-letter-template.h"

#define SV SP_LANGUAGE_SV
#define EN SP_LANGUAGE_EN
#define ANY SP_ASSESSMENT_NOT_ASSESSED

static const SpPhrase phrases[] = {
  { NULL, SP_ASSESSMENT_JUSTIFIED, SV, "Befogat",
    "Vi har gått igenom det du beskriver och bedömer att din kritik är befogad. Vi ber om "
    "ursäkt för det som hände." },
  { NULL, SP_ASSESSMENT_JUSTIFIED, EN, "Justified",
    "We have looked into what you describe and find that your criticism is justified. We "
    "apologise for what happened." },
  { NULL, SP_ASSESSMENT_PARTLY_JUSTIFIED, SV, "Delvis befogat",
    "Vi har gått igenom det du beskriver och bedömer att din kritik delvis är befogad." },
  { NULL, SP_ASSESSMENT_PARTLY_JUSTIFIED, EN, "Partly justified",
    "We have looked into what you describe and find that your criticism is partly justified." },
  { NULL, SP_ASSESSMENT_NOT_JUSTIFIED, SV, "Ej befogat",
    "Vi har gått igenom det du beskriver. Utifrån det vi har kunnat ta reda på bedömer vi att "
    "verksamheten har arbetat enligt gällande rutiner." },
  { NULL, SP_ASSESSMENT_NOT_JUSTIFIED, EN, "Not justified",
    "We have looked into what you describe. From what we have been able to find out, we find "
    "that the service has worked according to its routines." },
  { NULL, SP_ASSESSMENT_CANNOT_ASSESS, SV, "Går ej att bedöma",
    "Vi har inte kunnat klarlägga vad som hände, och kan därför inte bedöma om kritiken är "
    "befogad. Vi har ändå tagit upp det du beskriver med personalen." },
  { NULL, SP_ASSESSMENT_CANNOT_ASSESS, EN, "Cannot be assessed",
    "We have not been able to establish what happened, so we cannot assess whether the "
    "criticism is justified. We have still raised what you describe with the staff." },
  { NULL, ANY, SV, "Ingen åtgärd möjlig",
    "Vi kommer inte att vidta någon åtgärd, och vill förklara varför: " },
  { NULL, ANY, EN, "No action possible",
    "We will not be taking any action, and would like to explain why: " },
  { NULL, ANY, SV, "Planerade åtgärder",
    "För att det inte ska hända igen kommer vi att " },
  { NULL, ANY, EN, "Planned actions",
    "To keep it from happening again, we will " },
  { "treatment", ANY, SV, "Bemötande",
    "Alla ska känna sig väl bemötta i sina kontakter med oss. Vi har tagit upp frågan om "
    "bemötande på enhetens arbetsplatsträff." },
  { "treatment", ANY, EN, "Treatment",
    "Everyone should feel well treated when they deal with us. We have raised how we treat "
    "people at the unit's staff meeting." },
  { "food_meals", ANY, SV, "Mat och måltider",
    "Vi har gått igenom rutinerna för hur maten levereras och serveras tillsammans med köket." },
  { "food_meals", ANY, EN, "Food and meals",
    "Together with the kitchen, we have gone through how meals are delivered and served." },
  { "information", ANY, SV, "Information",
    "Vi ser över hur vi informerar, så att det ska bli tydligare vad du kan förvänta dig." },
  { "information", ANY, EN, "Information",
    "We are reviewing how we inform people, so that it is clearer what you can expect." },
};

static int
rank (const SpPhrase *phrase)
{
  return (phrase->category != NULL ? 2 : 0) + (phrase->assessment != ANY ? 1 : 0);
}

static int
compare_rank (gconstpointer a,
              gconstpointer b)
{
  return rank (*(const SpPhrase * const *)b) - rank (*(const SpPhrase * const *)a);
}

GPtrArray *
sp_phrases_lookup (const char   *category,
                   SpAssessment  assessment,
                   SpLanguage    language)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    {
      const SpPhrase *p = &phrases[i];

      if (p->language != language)
        continue;
      if (p->category != NULL && g_strcmp0 (p->category, category) != 0)
        continue;
      if (p->assessment != ANY && p->assessment != assessment)
        continue;
      g_ptr_array_add (found, (gpointer)p);
    }
  /* g_ptr_array_sort is stable since GLib 2.76 only; the ranks are few,
   * and ties keep the table's order well enough for a menu. */
  g_ptr_array_sort (found, compare_rank);
  return found;
}
