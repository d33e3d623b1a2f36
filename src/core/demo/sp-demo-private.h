/* sp-demo-private.h: the demo generator's state and the small helpers
 * its files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the sp-demo*.c files. The helpers are inline so that the
 * generator's hot loop stays as fast as when it was one file.
 */

#pragma once

#include <string.h>

#include "sp-calendar.h"
#include "sp-category.h"
#include "sp-demo.h"
#include "sp-error.h"
#include "sp-investigation.h"
#include "sp-planned-action.h"
#include "sp-provider.h"
#include "sp-unit.h"
#include "sp-user.h"

G_BEGIN_DECLS

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

static inline int
demo_range (Demo *d,
            int   lo,
            int   hi)
{
  /* Inclusive at both ends. */
  return hi <= lo ? lo : g_rand_int_range (d->rand, lo, hi + 1);
}

static inline gboolean
demo_chance (Demo   *d,
             double  percent)
{
  return g_rand_double (d->rand) * 100.0 < percent;
}

static inline guint
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
static inline char *
demo_uuid (Demo *d)
{
  guint32 a = g_rand_int (d->ids);
  guint32 b = g_rand_int (d->ids);
  guint32 c = g_rand_int (d->ids);
  guint32 e = g_rand_int (d->ids);

  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x",
                          a, b >> 16, b & 0xfff, ((c >> 16) & 0x3fff) | 0x8000, c & 0xffff, e);
}

static inline gint64
demo_timestamp (Demo   *d,
                SpDate  date,
                int     first_hour,
                int     last_hour)
{
  gint64 seconds = (gint64)((int)date - (int)d->epoch) * 86400 +
                   demo_range (d, first_hour * 3600, last_hour * 3600);

  return seconds * G_USEC_PER_SEC + demo_range (d, 0, 999999);
}

/* "Åsa Öberg" → "asa.oberg", for usernames and e-mail addresses. */
static inline char *
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

static inline gboolean
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
static inline gboolean
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

static inline gpointer
pick_from (Demo      *d,
           GPtrArray *array)
{
  if (array == NULL || array->len == 0)
    return NULL;

  return g_ptr_array_index (array, g_rand_int_range (d->rand, 0, (gint32)array->len));
}

gboolean _sp_demo_create_organisation (Demo    *d,
                                       GError **error);
gboolean _sp_demo_ensure_categories   (Demo    *d,
                                       GError **error);
/* Loads the units, providers and users the cases are made for. */
gboolean _sp_demo_load_reference      (Demo    *d,
                                       GError **error);

/* Writes the case's subject and description, and picks the unit they
 * fit. */
SpUnit  *_sp_demo_fill_text           (Demo    *d,
                                       SpCase  *kase);

/* One case received on @received, with its investigation, diary number
 * and history. */
/* Contract issues for the cases flagged as contract breaches, at every
 * step of their life cycle, and a pattern: one provider's cases of the
 * current tertial many more than before (sp-demo-contract-issues.c). */
gboolean _sp_demo_add_contract_issues (Demo    *d,
                                       GError **error);
gboolean _sp_demo_add_case            (Demo    *d,
                                       SpDate   received,
                                       GError **error);

G_END_DECLS
