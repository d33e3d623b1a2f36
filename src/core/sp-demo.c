/* sp-demo.c: a realistic demo district and its cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The district is modelled on a Stockholm stadsdelsförvaltning such as
 * Hässelby-Vällingby; the cases are composed from Swedish fragments so that
 * a hundred thousand of them read differently. Everything, ids included,
 * comes from GRand with the seed, so the same seed gives the same data
 * (relative to "today"). All writes go through the store in one
 * transaction, which is what makes 100,000 cases take seconds.
 */

#include <string.h>

#include "sp-calendar.h"
#include "sp-category.h"
#include "sp-demo.h"
#include "sp-demo-text.h"
#include "sp-error.h"
#include "sp-investigation.h"
#include "sp-planned-action.h"
#include "sp-provider.h"
#include "sp-unit.h"
#include "sp-user.h"

#define YEARS_OF_CASES 4
#define PICK(d, array) ((array)[g_rand_int_range ((d)->rand, 0, G_N_ELEMENTS (array))])

typedef struct
{
  SpStore          *store;
  GRand            *rand;       /* the content */
  GRand            *ids;        /* the UUIDs, seeded apart (see populate) */
  SpDate            today;
  SpDate            epoch;      /* 1970-01-01, for timestamps */
  SpDeadlineConfig  config;
  const char       *admin_id;   /* updated_by of reference data */

  GPtrArray        *all_units;  /* SpUnit, every kind */
  GPtrArray        *units;      /* SpUnit of kind unit */
  GPtrArray        *units_by_area[SP_AREA_OTHER + 1];
  GPtrArray        *providers;
  GPtrArray        *providers_by_area[SP_AREA_OTHER + 1];
  GPtrArray        *users;
  GPtrArray        *registrars;
  GPtrArray        *staff;
  GHashTable       *units_by_id;  /* id → SpUnit */
  GHashTable       *users_by_id;  /* id → SpUser */
  GHashTable       *diary_seq;    /* year → last seq taken */
} Demo;

/* ---- Helpers ------------------------------------------------------------ */

static int
demo_range (Demo *d,
            int   lo,
            int   hi)
{
  /* Inclusive at both ends. */
  return hi <= lo ? lo : g_rand_int_range (d->rand, lo, hi + 1);
}

static gboolean
demo_chance (Demo   *d,
             double  percent)
{
  return g_rand_double (d->rand) * 100.0 < percent;
}

static guint
demo_weighted (Demo        *d,
               const guint *weights,
               guint        n)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  g_assert (total > 0);

  r = (guint)g_rand_int_range (d->rand, 0, (gint32)total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }

  g_assert_not_reached ();
}

/* A version 4 UUID from the seeded generator, so that ids repeat with the
 * seed like everything else. */
static char *
demo_uuid (Demo *d)
{
  guint32 a = g_rand_int (d->ids);
  guint32 b = g_rand_int (d->ids);
  guint32 c = g_rand_int (d->ids);
  guint32 e = g_rand_int (d->ids);

  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x",
                          a, b >> 16, b & 0xfff, ((c >> 16) & 0x3fff) | 0x8000, c & 0xffff, e);
}

static gint64
demo_timestamp (Demo   *d,
                SpDate  date,
                int     first_hour,
                int     last_hour)
{
  gint64 seconds = (gint64)((int)date - (int)d->epoch) * 86400 +
                   demo_range (d, first_hour * 3600, last_hour * 3600);

  return seconds * G_USEC_PER_SEC + demo_range (d, 0, 999999);
}

/* The organisation number's last digit is a Luhn check digit. */
static char *
org_number_with_check (const char *nine)
{
  int sum = 0;

  g_assert (strlen (nine) == 9);

  for (int i = 0; i < 9; i++)
    {
      int v = nine[i] - '0';

      if (i % 2 == 0 && (v *= 2) > 9)
        v -= 9;
      sum += v;
    }

  return g_strdup_printf ("%.6s-%.3s%d", nine, nine + 6, (10 - sum % 10) % 10);
}

/* "Åsa Öberg" → "asa.oberg", for usernames and e-mail addresses. */
static char *
ascii_fold (const char *first,
            const char *last)
{
  g_autofree char *full = g_strconcat (first, ".", last, NULL);
  GString *out = g_string_new (NULL);

  for (const char *p = full; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (c == 0xe5 || c == 0xe4 || c == 0xe0 || c == 0xe1)
        g_string_append_c (out, 'a');
      else if (c == 0xf6 || c == 0xf8)
        g_string_append_c (out, 'o');
      else if (c == 0xe9 || c == 0xe8)
        g_string_append_c (out, 'e');
      else if (c == 0xfc)
        g_string_append_c (out, 'u');
      else if (c < 128 && (g_ascii_isalnum ((char)c) || c == '.'))
        g_string_append_c (out, (char)c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
save_now (Demo      *d,
          gpointer   entity,
          GError   **error)
{
  if (SP_ENTITY (entity)->id == NULL)
    SP_ENTITY (entity)->id = demo_uuid (d);

  return sp_store_save (d->store, SP_ENTITY (entity), SP_SAVE_DEFAULT, d->admin_id, error);
}

/* Saves with a time in the past as updated_at, so that "recently changed"
 * means something in the demo. @rev is one taken earlier, or 0 for the
 * next. */
static gboolean
save_at (Demo        *d,
         gpointer     entity,
         gint64       rev,
         gint64       at,
         const char  *by,
         GError     **error)
{
  SpEntity *e = SP_ENTITY (entity);

  if (rev <= 0 && (rev = sp_store_next_rev (d->store, error)) <= 0)
    return FALSE;

  if (e->id == NULL)
    e->id = demo_uuid (d);
  e->rev = rev;
  e->updated_at = at;
  g_free (e->updated_by);
  e->updated_by = g_strdup (by);

  return sp_store_save (d->store, e, SP_SAVE_KEEP_REV, by, error);
}

/* ---- The organisation --------------------------------------------------- */

static SpUser *
make_user (Demo        *d,
           GHashTable  *usernames,
           guint        roles,
           const char  *unit_id)
{
  SpUser *user = sp_user_new ();
  const char *first = PICK (d, first_names);
  const char *last = PICK (d, last_names);
  g_autofree char *base = ascii_fold (first, last);
  char *username = g_strdup (base);

  for (guint i = 2; g_hash_table_contains (usernames, username); i++)
    {
      g_free (username);
      username = g_strdup_printf ("%s%u", base, i);
    }
  g_hash_table_add (usernames, username);

  SP_ENTITY (user)->id = demo_uuid (d);
  user->username = g_strdup (username);
  user->display_name = g_strdup_printf ("%s %s", first, last);
  user->email = g_strdup_printf ("%s@hasselby-vallingby.example.se", username);
  user->roles = roles;
  user->unit_id = g_strdup (unit_id);

  return user;
}

static gboolean
create_organisation (Demo    *d,
                     GError **error)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) usernames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SpUnit) root = sp_unit_new ();
  SpUser *admin;
  static const struct {
    SpRole      role;
    guint       extra_roles;
    const char *unit;
  } specialists[] = {
    { SP_ROLE_REGISTRAR, 0, "Kansliet" },
    { SP_ROLE_REGISTRAR, SP_ROLE_BIT (SP_ROLE_QUALITY), "Kansliet" },
    { SP_ROLE_QUALITY, 0, "Kansliet" },
    { SP_ROLE_CASE_OFFICER, 0, "Biståndsenheten äldre" },
    { SP_ROLE_CASE_OFFICER, 0, "Funktionsnedsättning LSS" },
    { SP_ROLE_PROCUREMENT, 0, "Ekonomi och upphandling" },
    { SP_ROLE_STAFF, 0, "Hemtjänst Vällingby" },
    { SP_ROLE_STAFF, 0, "Råcksta vård- och omsorgsboende" },
    { SP_ROLE_STAFF, 0, "Förskolan Solrosen" },
    { SP_ROLE_STAFF, 0, "Kontaktcenter" },
    { SP_ROLE_STAFF, 0, "Fritidsgården Vällingby" },
    { SP_ROLE_STAFF, 0, "Park och natur" },
  };

  SP_ENTITY (root)->id = demo_uuid (d);
  root->name = g_strdup ("Hässelby-Vällingby stadsdelsförvaltning");
  root->kind = SP_UNIT_KIND_ADMINISTRATION;
  root->area = SP_AREA_ADMINISTRATION;

  /* The administrator exists first: the reference data is saved in her name. */
  admin = make_user (d, usernames, SP_ROLE_BIT (SP_ROLE_ADMIN), NULL);
  g_ptr_array_add (users, admin);
  d->admin_id = SP_ENTITY (admin)->id;

  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    {
      SpUnit *department = sp_unit_new ();
      g_auto(GStrv) names = g_strsplit (departments[i].units, "|", -1);
      SpUser *head;

      SP_ENTITY (department)->id = demo_uuid (d);
      department->name = g_strdup (departments[i].name);
      department->parent_id = g_strdup (SP_ENTITY (root)->id);
      department->kind = SP_UNIT_KIND_DEPARTMENT;
      department->area = departments[i].area;
      head = make_user (d, usernames, SP_ROLE_BIT (SP_ROLE_DEPARTMENT_HEAD), SP_ENTITY (department)->id);
      department->manager_id = g_strdup (SP_ENTITY (head)->id);
      g_ptr_array_add (units, department);
      g_ptr_array_add (users, head);

      for (guint j = 0; names[j] != NULL; j++)
        {
          SpUnit *unit = sp_unit_new ();
          char *at = strchr (names[j], '@');
          SpUser *manager;

          SP_ENTITY (unit)->id = demo_uuid (d);
          unit->area = departments[i].area;
          if (at != NULL)
            {
              *at = '\0';
              unit->area = (SpArea)g_ascii_strtoull (at + 1, NULL, 10);
            }
          unit->name = g_strdup (names[j]);
          unit->parent_id = g_strdup (SP_ENTITY (department)->id);
          unit->kind = SP_UNIT_KIND_UNIT;
          manager = make_user (d, usernames, SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER), SP_ENTITY (unit)->id);
          unit->manager_id = g_strdup (SP_ENTITY (manager)->id);
          g_hash_table_insert (by_name, unit->name, SP_ENTITY (unit)->id);
          g_ptr_array_add (units, unit);
          g_ptr_array_add (users, manager);
        }
    }

  admin->unit_id = g_strdup (g_hash_table_lookup (by_name, "Kansliet"));

  for (guint i = 0; i < G_N_ELEMENTS (specialists); i++)
    g_ptr_array_add (users, make_user (d, usernames,
                                       SP_ROLE_BIT (specialists[i].role) | specialists[i].extra_roles,
                                       g_hash_table_lookup (by_name, specialists[i].unit)));

  if (!save_now (d, root, error))
    return FALSE;
  for (guint i = 0; i < units->len; i++)
    if (!save_now (d, g_ptr_array_index (units, i), error))
      return FALSE;
  for (guint i = 0; i < users->len; i++)
    if (!save_now (d, g_ptr_array_index (users, i), error))
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_providers); i++)
    {
      g_autoptr(SpProvider) provider = sp_provider_new ();

      provider->name = g_strdup (demo_providers[i].name);
      provider->org_number = org_number_with_check (demo_providers[i].org_prefix);
      provider->contract_form = demo_providers[i].form;
      provider->contract_reference = g_strdup_printf ("Avtal %d-%04d", demo_range (d, 2019, 2023),
                                                      demo_range (d, 100, 2999));
      provider->responsible_administration = g_strdup (demo_providers[i].administration);
      provider->area = demo_providers[i].area;
      if (!save_now (d, provider, error))
        return FALSE;
    }

  /* d->admin_id points into @users, which dies here: load_reference ()
   * finds the administrator again in the store. */
  d->admin_id = NULL;
  return TRUE;
}

static gboolean
ensure_categories (Demo    *d,
                   GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (category_codes); i++)
    {
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(SpCategory) category = NULL;

      if (!(found = sp_store_load_where (d->store, SP_TYPE_CATEGORY, "code", category_codes[i], error)))
        return FALSE;
      if (found->len > 0)
        continue;

      category = sp_category_new ();
      category->code = g_strdup (category_codes[i]);
      category->name = g_strdup (category_names[i]);
      category->position = (int)i;
      if (!save_now (d, category, error))
        return FALSE;
    }

  return TRUE;
}

static SpUser *
find_user (Demo       *d,
           const char *id)
{
  return id != NULL ? g_hash_table_lookup (d->users_by_id, id) : NULL;
}

static gboolean
load_reference (Demo    *d,
                GError **error)
{
  if (!(d->all_units = sp_store_load_where (d->store, SP_TYPE_UNIT, NULL, NULL, error)) ||
      !(d->providers = sp_store_load_where (d->store, SP_TYPE_PROVIDER, NULL, NULL, error)) ||
      !(d->users = sp_store_load_where (d->store, SP_TYPE_USER, NULL, NULL, error)))
    return FALSE;

  d->units = g_ptr_array_new ();
  d->registrars = g_ptr_array_new ();
  d->staff = g_ptr_array_new ();
  d->units_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  d->users_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint a = 0; a <= SP_AREA_OTHER; a++)
    {
      d->units_by_area[a] = g_ptr_array_new ();
      d->providers_by_area[a] = g_ptr_array_new ();
    }

  for (guint i = 0; i < d->all_units->len; i++)
    {
      SpUnit *unit = g_ptr_array_index (d->all_units, i);

      g_hash_table_insert (d->units_by_id, SP_ENTITY (unit)->id, unit);
      if (unit->kind != SP_UNIT_KIND_UNIT)
        continue;
      g_ptr_array_add (d->units, unit);
      if ((guint)unit->area <= SP_AREA_OTHER)
        g_ptr_array_add (d->units_by_area[unit->area], unit);
    }

  for (guint i = 0; i < d->providers->len; i++)
    {
      SpProvider *provider = g_ptr_array_index (d->providers, i);

      if ((guint)provider->area <= SP_AREA_OTHER)
        g_ptr_array_add (d->providers_by_area[provider->area], provider);
    }

  for (guint i = 0; i < d->users->len; i++)
    {
      SpUser *user = g_ptr_array_index (d->users, i);

      g_hash_table_insert (d->users_by_id, SP_ENTITY (user)->id, user);
      if (user->roles & SP_ROLE_BIT (SP_ROLE_REGISTRAR))
        g_ptr_array_add (d->registrars, user);
      if (user->roles & SP_ROLE_BIT (SP_ROLE_STAFF))
        g_ptr_array_add (d->staff, user);
      if ((user->roles & SP_ROLE_BIT (SP_ROLE_ADMIN)) && d->admin_id == NULL)
        d->admin_id = SP_ENTITY (user)->id;
    }

  return TRUE;
}

static void
demo_clear (Demo *d)
{
  g_clear_pointer (&d->rand, g_rand_free);
  g_clear_pointer (&d->ids, g_rand_free);
  g_clear_pointer (&d->all_units, g_ptr_array_unref);
  g_clear_pointer (&d->units, g_ptr_array_unref);
  g_clear_pointer (&d->providers, g_ptr_array_unref);
  g_clear_pointer (&d->users, g_ptr_array_unref);
  g_clear_pointer (&d->registrars, g_ptr_array_unref);
  g_clear_pointer (&d->staff, g_ptr_array_unref);
  g_clear_pointer (&d->units_by_id, g_hash_table_unref);
  g_clear_pointer (&d->users_by_id, g_hash_table_unref);
  g_clear_pointer (&d->diary_seq, g_hash_table_unref);
  for (guint a = 0; a <= SP_AREA_OTHER; a++)
    {
      g_clear_pointer (&d->units_by_area[a], g_ptr_array_unref);
      g_clear_pointer (&d->providers_by_area[a], g_ptr_array_unref);
    }
}

static gpointer
pick_from (Demo      *d,
           GPtrArray *array)
{
  if (array == NULL || array->len == 0)
    return NULL;

  return g_ptr_array_index (array, g_rand_int_range (d->rand, 0, (gint32)array->len));
}

/* ---- Composing text ----------------------------------------------------- */

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

/* ---- One case ----------------------------------------------------------- */

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

/* Writes the subject and description, and picks the unit they fit. */
static SpUnit *
fill_text (Demo   *d,
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
  int rc;

  if (!(stmt = sp_store_prepare (d->store,
                                 "INSERT INTO diary (year, seq, case_id, number) VALUES (?, ?, ?, ?)",
                                 error)))
    return FALSE;

  sqlite3_bind_int (stmt, 1, sp_date_get_year (date));
  sqlite3_bind_int64 (stmt, 2, seq);
  sqlite3_bind_text (stmt, 3, SP_ENTITY (kase)->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, kase->diary_number, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sp_store_set_error (d->store, error, rc);
      return FALSE;
    }

  return TRUE;
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

  if (assessed && kase->valence == SP_VALENCE_NEGATIVE)
    a = (SpAssessment)demo_weighted (d, assessment_weights, G_N_ELEMENTS (assessment_weights));

  inv->case_id = g_strdup (SP_ENTITY (kase)->id);
  inv->investigator_id = g_strdup (manager ? SP_ENTITY (manager)->id : NULL);
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

  if (!save_at (d, inv, 0, demo_timestamp (d, at, 8, 17), inv->investigator_id, error))
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
          if (!save_at (d, action, 0, demo_timestamp (d, dates->assessed, 8, 17), inv->investigator_id, error))
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

static gboolean
add_case (Demo    *d,
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
  if ((unit = fill_text (d, kase)) != NULL)
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
  if (kase->individual_record && !sp_status_is_open (kase->status))
    kase->individual_record_noted = demo_chance (d, 90);

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

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  SpDate x = *(const SpDate *)a;
  SpDate y = *(const SpDate *)b;

  return x < y ? -1 : x > y;
}

static gint64
count_rows (SpStore     *store,
            const char  *sql,
            GError     **error)
{
  sqlite3_stmt *stmt = sp_store_prepare (store, sql, error);
  gint64 n = -1;
  int rc;

  if (stmt == NULL)
    return -1;

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    sp_store_set_error (store, error, rc);
  sqlite3_reset (stmt);

  return n;
}

/* A database nobody has configured yet gets the district's name and diary
 * prefix; a choice someone made is never overridden. */
static gboolean
ensure_organisation_settings (Demo    *d,
                              GError **error)
{
  g_autofree char *prefix = sp_store_dup_setting (d->store, "diary.prefix");
  g_autofree char *name = sp_store_dup_setting (d->store, "organisation.name");
  gint64 n_numbers = count_rows (d->store, "SELECT count(*) FROM diary", error);

  if (n_numbers < 0)
    return FALSE;

  if (n_numbers == 0 && (prefix == NULL || strcmp (prefix, "SDN") == 0) &&
      !sp_store_set_setting (d->store, "diary.prefix", "HVSDN", error))
    return FALSE;

  if ((name == NULL || *name == '\0') &&
      !sp_store_set_setting (d->store, "organisation.name", "Hässelby-Vällingby stadsdelsförvaltning", error))
    return FALSE;

  return TRUE;
}

gboolean
sp_demo_populate (SpStore  *store,
                  guint     n_cases,
                  guint32   seed,
                  GError  **error)
{
  Demo d = { 0 };
  g_autofree SpDate *dates = NULL;
  guint32 id_seed[3];
  gint64 n_existing, n_units;
  gboolean ok = FALSE;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  d.store = store;
  d.today = sp_date_today ();
  d.epoch = sp_date_new (1970, 1, 1);
  d.rand = g_rand_new_with_seed (seed);
  d.diary_seq = g_hash_table_new (NULL, NULL);
  sp_store_get_deadline_config (store, &d.config);

  /* One transaction: all or nothing, and fast. */
  if (!sp_store_begin (store, error))
    goto out;

  /* Checked at the commit instead, so that add_case () can write an
   * investigation before its case. Ends with the transaction. */
  if (!sp_store_exec (store, "PRAGMA defer_foreign_keys = ON", error))
    goto failed;

  if ((n_existing = count_rows (store, "SELECT count(*) FROM cases", error)) < 0 ||
      (n_units = count_rows (store, "SELECT count(*) FROM units WHERE deleted = 0", error)) < 0)
    goto failed;

  /* Ids depend on the cases already there too, so that populating the same
   * store twice with one seed adds new cases instead of overwriting. */
  id_seed[0] = seed;
  id_seed[1] = (guint32)n_existing;
  id_seed[2] = (guint32)(n_existing >> 32);
  d.ids = g_rand_new_with_seed_array (id_seed, G_N_ELEMENTS (id_seed));

  if ((n_units == 0 && (!ensure_organisation_settings (&d, error) ||
                        !create_organisation (&d, error))) ||
      !load_reference (&d, error) ||
      !ensure_categories (&d, error))
    goto failed;

  /* The cases read the same whether or not the organisation was new. */
  g_rand_set_seed (d.rand, seed ^ 0x5bd1e995u);

  /* In date order, so that diary numbers follow the calendar. */
  dates = g_new (SpDate, MAX (n_cases, 1));
  for (guint i = 0; i < n_cases; i++)
    dates[i] = d.today - (SpDate)g_rand_int_range (d.rand, 0, 365 * YEARS_OF_CASES + 1);
  qsort (dates, n_cases, sizeof (SpDate), compare_dates);

  for (guint i = 0; i < n_cases; i++)
    if (!add_case (&d, dates[i], error))
      goto failed;

  ok = sp_store_commit (store, error);
  goto out;

failed:
  sp_store_rollback (store);
out:
  demo_clear (&d);
  return ok;
}
