/* sp-intake.c: residents' reports becoming cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <sodium.h>
#include <string.h>

#include "sp-audit.h"
#include "sp-intake.h"
#include "sp-server-schema.h"
#include "sp-server-store.h"

#define TOKEN_LIFETIME_USEC (2 * G_TIME_SPAN_HOUR)
#define CODE_ALPHABET "ACDEFGHJKLMNPQRTUVWXY34679"

typedef struct
{
  gint64 window_start;
  guint  count;
} PostCount;

struct _SpIntake
{
  const SpIntakeConfig *config;
  guchar                key[crypto_auth_KEYBYTES];
  GHashTable           *posts;      /* address → PostCount */
  GHashTable           *lookups;    /* address → PostCount, of the status page */
  GMappedFile          *catalogue;
  GHashTable           *swedish;    /* msgid → msgstr, into the catalogue */
};

/* A GNU .mo file: magic, revision, count, offsets of the two tables. */
static guint32
mo_word (const guchar *data,
         gsize         offset,
         gboolean      swap)
{
  guint32 value;

  memcpy (&value, data + offset, 4);
  return swap ? GUINT32_SWAP_LE_BE (value) : value;
}

static void
load_catalogue (SpIntake *self)
{
  const char *dir = g_getenv ("SYNPUNKT_LOCALEDIR") ? g_getenv ("SYNPUNKT_LOCALEDIR") : LOCALEDIR;
  g_autofree char *path = g_build_filename (dir, "sv", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GError) error = NULL;
  const guchar *data;
  gsize size;
  guint32 n, originals, translations;
  gboolean swap;

  self->swedish = g_hash_table_new (g_str_hash, g_str_equal);
  self->catalogue = g_mapped_file_new (path, FALSE, &error);
  if (self->catalogue == NULL)
    {
      g_message ("No Swedish catalogue (%s): the public pages are in English only", error->message);
      return;
    }

  data = (const guchar *) g_mapped_file_get_contents (self->catalogue);
  size = g_mapped_file_get_length (self->catalogue);
  if (size < 20)
    return;
  swap = mo_word (data, 0, FALSE) != 0x950412de;
  if (swap && mo_word (data, 0, TRUE) != 0x950412de)
    return;
  n = mo_word (data, 8, swap);
  originals = mo_word (data, 12, swap);
  translations = mo_word (data, 16, swap);
  if ((guint64) originals + 8ull * n > size || (guint64) translations + 8ull * n > size)
    return;

  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = mo_word (data, originals + 8 * i, swap);
      guint32 ooff = mo_word (data, originals + 8 * i + 4, swap);
      guint32 tlen = mo_word (data, translations + 8 * i, swap);
      guint32 toff = mo_word (data, translations + 8 * i + 4, swap);

      /* Each string is followed by a NUL inside the file. */
      if ((guint64) ooff + olen >= size || (guint64) toff + tlen >= size || olen == 0)
        continue;
      g_hash_table_insert (self->swedish, (char *) data + ooff, (char *) data + toff);
    }
}

SpIntake *
sp_intake_new (const SpIntakeConfig *config)
{
  SpIntake *self = g_new0 (SpIntake, 1);

  self->config = config;
  randombytes_buf (self->key, sizeof self->key);
  self->posts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->lookups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  load_catalogue (self);
  return self;
}

void
sp_intake_free (SpIntake *self)
{
  if (self == NULL)
    return;
  sodium_memzero (self->key, sizeof self->key);
  g_hash_table_unref (self->posts);
  g_hash_table_unref (self->lookups);
  g_hash_table_unref (self->swedish);
  g_clear_pointer (&self->catalogue, g_mapped_file_unref);
  g_free (self);
}

static void
forget_old (GHashTable *table,
            gint64      now,
            gint64      window)
{
  GHashTableIter iter;
  PostCount *count;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &count))
    if (now - count->window_start >= window)
      g_hash_table_iter_remove (&iter);
}

/* Counts one more from @address in @table: FALSE once it has made @max
 * in the window of @window_sec seconds. */
static gboolean
allow (GHashTable *table,
       const char *address,
       guint       max,
       guint       window_sec)
{
  gint64 now = g_get_monotonic_time ();
  gint64 window = (gint64) window_sec * G_USEC_PER_SEC;
  PostCount *count;

  if (address == NULL)
    address = "";
  /* The table holds only the addresses of the last window. */
  if (g_hash_table_size (table) > 10000)
    forget_old (table, now, window);

  count = g_hash_table_lookup (table, address);
  if (count == NULL || now - count->window_start >= window)
    {
      count = g_new0 (PostCount, 1);
      count->window_start = now;
      g_hash_table_replace (table, g_strdup (address), count);
    }
  if (count->count >= max)
    return FALSE;
  count->count++;
  return TRUE;
}

gboolean
sp_intake_allow_post (SpIntake   *self,
                      const char *address)
{
  return allow (self->posts, address, self->config->max_posts, self->config->post_window_sec);
}

gboolean
sp_intake_allow_lookup (SpIntake   *self,
                        const char *address)
{
  return allow (self->lookups, address, self->config->max_lookups, self->config->lookup_window_sec);
}

static char *
sign (SpIntake   *self,
      const char *payload)
{
  guchar mac[crypto_auth_BYTES];
  char hex[crypto_auth_BYTES * 2 + 1];

  crypto_auth (mac, (const guchar *) payload, strlen (payload), self->key);
  sodium_bin2hex (hex, sizeof hex, mac, sizeof mac);
  return g_strdup (hex);
}

char *
sp_intake_new_token (SpIntake *self)
{
  guchar nonce[16];
  char hex[sizeof nonce * 2 + 1];
  g_autofree char *payload = NULL;
  g_autofree char *mac = NULL;

  randombytes_buf (nonce, sizeof nonce);
  sodium_bin2hex (hex, sizeof hex, nonce, sizeof nonce);
  payload = g_strdup_printf ("%s.%" G_GINT64_FORMAT, hex, g_get_real_time () + TOKEN_LIFETIME_USEC);
  mac = sign (self, payload);
  return g_strconcat (payload, ".", mac, NULL);
}

gboolean
sp_intake_check_token (SpIntake    *self,
                       const char  *token,
                       char       **nonce,
                       gint64      *expires_at,
                       GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *mac = NULL;
  gint64 expires = 0;

  if (token == NULL || strlen (token) > 200)
    goto bad;
  parts = g_strsplit (token, ".", 4);
  if (g_strv_length (parts) != 3 || strlen (parts[0]) != 32 ||
      !g_ascii_string_to_signed (parts[1], 10, 0, G_MAXINT64, &expires, NULL))
    goto bad;
  payload = g_strconcat (parts[0], ".", parts[1], NULL);
  mac = sign (self, payload);
  if (strlen (parts[2]) != strlen (mac) || sodium_memcmp (parts[2], mac, strlen (mac)) != 0)
    goto bad;
  if (expires < g_get_real_time ())
    {
      sp_set_field_error (error, SP_ERROR_INVALID, "csrf", "The form has expired");
      return FALSE;
    }
  *nonce = g_strdup (parts[0]);
  *expires_at = expires;
  return TRUE;

bad:
  sp_set_field_error (error, SP_ERROR_INVALID, "csrf", "The form's token is not valid");
  return FALSE;
}

static char *
new_code (void)
{
  GString *code = g_string_new ("SP-");

  for (guint i = 0; i < 8; i++)
    {
      if (i == 4)
        g_string_append_c (code, '-');
      g_string_append_c (code, CODE_ALPHABET[randombytes_uniform (strlen (CODE_ALPHABET))]);
    }
  return g_string_free (code, FALSE);
}

gboolean
sp_intake_code_is_valid (const char *code)
{
  if (code == NULL || strlen (code) != 12 || !g_str_has_prefix (code, "SP-") || code[7] != '-')
    return FALSE;
  for (guint i = 3; i < 12; i++)
    if (i != 7 && strchr (CODE_ALPHABET, code[i]) == NULL)
      return FALSE;
  return TRUE;
}

gboolean
sp_intake_submit (SpStore     *store,
                  SpCase      *kase,
                  const char  *nonce,
                  gint64       nonce_expires,
                  const char  *client_id,
                  const char  *service_code,
                  const SpIntakePlace *place,
                  char       **code,
                  GError     **error)
{
  SpActor actor = { NULL, "E-service", 0 };
  g_autofree char *made = new_code ();
  gboolean fresh = TRUE;
  gboolean failed;

  /* Received today, in the registrar's queue: not yet registered. */
  kase->status = SP_STATUS_RECEIVED;
  kase->received_on = sp_date_today_in_organisation ();
  g_clear_pointer (&kase->diary_number, g_free);

  if (!sp_store_begin (store, error))
    return FALSE;
  failed = (nonce != NULL &&
            !sp_server_store_spend_form_token (store, nonce, nonce_expires, &fresh, error));
  if (!failed && !fresh)
    {
      sp_set_field_error (error, SP_ERROR_CONFLICT, "csrf", "This form has been sent already");
      failed = TRUE;
    }
  failed = failed ||
           !sp_store_create_case (store, kase, &actor, error) ||
           !sp_audit_record_write (store, NULL, "create", NULL, SP_ENTITY (kase), error) ||
           !sp_server_store_add_public_ref (store, made, SP_ENTITY (kase)->id,
                                            sp_enum_to_name (&sp_channel_info, kase->channel),
                                            client_id, service_code, error) ||
           (place != NULL &&
            !sp_server_store_add_public_place (store, made, place->has_position, place->lat,
                                               place->lon, place->address, error));
  if (!sp_server_store_end (store, failed, error))
    return FALSE;

  *code = g_steal_pointer (&made);
  return TRUE;
}

gboolean
sp_intake_status_is_closed (SpStatus status)
{
  return status == SP_STATUS_CLOSED || status == SP_STATUS_FORWARDED_ELSEWHERE ||
         status == SP_STATUS_OTHER_ROUTINE;
}

const char *
sp_intake_public_status (SpStatus status)
{
  switch (status)
    {
    case SP_STATUS_RECEIVED:
    case SP_STATUS_REGISTERED:
      return "received";
    case SP_STATUS_FEEDBACK_GIVEN:
      return "answered";
    default:
      return sp_intake_status_is_closed (status) ? "closed" : "in_progress";
    }
}

SpLang
sp_intake_pick_lang (const char *explicit_lang,
                     const char *accept_language)
{
  g_auto(GStrv) ranges = NULL;
  double best_q = -1;
  SpLang best = SP_LANG_SV;

  if (explicit_lang != NULL)
    return g_str_equal (explicit_lang, "en") ? SP_LANG_EN : SP_LANG_SV;
  if (accept_language == NULL || strlen (accept_language) > 1000)
    return SP_LANG_SV;

  /* "en-GB,en;q=0.9,sv;q=0.8": the best of sv and en; Swedish if neither. */
  ranges = g_strsplit (accept_language, ",", 50);
  for (guint i = 0; ranges[i]; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_strstrip (ranges[i]), ";", 3);
      double q = 1.0;
      SpLang lang;

      if (g_ascii_strncasecmp (parts[0], "sv", 2) == 0 && (parts[0][2] == '\0' || parts[0][2] == '-'))
        lang = SP_LANG_SV;
      else if (g_ascii_strncasecmp (parts[0], "en", 2) == 0 && (parts[0][2] == '\0' || parts[0][2] == '-'))
        lang = SP_LANG_EN;
      else
        continue;
      if (parts[1] != NULL && g_str_has_prefix (g_strstrip (parts[1]), "q="))
        q = g_ascii_strtod (parts[1] + 2, NULL);
      if (q > best_q)
        {
          best_q = q;
          best = lang;
        }
    }
  return best;
}

const char *
sp_intake_gettext (SpIntake   *self,
                   SpLang      lang,
                   const char *msgid)
{
  const char *text;

  if (lang != SP_LANG_SV)
    return msgid;
  text = g_hash_table_lookup (self->swedish, msgid);
  return text && *text ? text : msgid;
}
