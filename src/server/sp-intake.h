/* sp-intake.h: residents' reports, from the e-service form or an Open311
 * client, becoming cases in the registrar's queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both ways in share this: the per-address limit on posts, the form's
 * single-use CSRF tokens, the reference code a sender is given, the words
 * a resident may see of a case's status, and the Swedish catalogue the
 * public pages are written in (po/sv.po, compiled by gettext; read per
 * request, since one server answers in both languages at once).
 */

#pragma once

#include "sp-intake-config.h"
#include "synpunkt-core.h"

G_BEGIN_DECLS

typedef struct _SpIntake SpIntake;

typedef enum
{
  SP_LANG_EN,
  SP_LANG_SV,
} SpLang;

SpIntake   *sp_intake_new            (const SpIntakeConfig *config);
void        sp_intake_free           (SpIntake             *self);

/* Counts a post from @address: FALSE once it has made the configured
 * number in the window. */
gboolean    sp_intake_allow_post     (SpIntake             *self,
                                      const char           *address);

/* Counts a look-up of the status page from @address (a code guessed is a
 * code tried): FALSE once it has made the configured number in the
 * window. */
gboolean    sp_intake_allow_lookup   (SpIntake             *self,
                                      const char           *address);

/* A fresh form token: a nonce and its expiry, signed with a key made at
 * start. */
char       *sp_intake_new_token      (SpIntake             *self);
/* Checks @token's signature and expiry; gives its nonce and expiry. */
gboolean    sp_intake_check_token    (SpIntake             *self,
                                      const char           *token,
                                      char                **nonce,
                                      gint64               *expires_at,
                                      GError              **error);

/* Where an Open311 report is: lat/long, an address, or both. */
typedef struct
{
  gboolean    has_position;
  double      lat;
  double      lon;
  const char *address;
} SpIntakePlace;

/* Stores @kase as received today in the registrar's queue, with its
 * reference code (returned in @code) and, for the form, spends the token
 * @nonce in the same transaction: a spent one refuses the report
 * (SP_ERROR_CONFLICT on "csrf") and nothing is stored. @place, if
 * given, is kept beside the code. */
gboolean    sp_intake_submit         (SpStore              *store,
                                      SpCase               *kase,
                                      const char           *nonce,
                                      gint64                nonce_expires,
                                      const char           *client_id,
                                      const char           *service_code,
                                      const SpIntakePlace  *place,
                                      char                **code,
                                      GError              **error);

/* Whether @code has the form of a reference code ("SP-XXXX-XXXX"). */
gboolean    sp_intake_code_is_valid  (const char           *code);
/* The status a resident may see: "received", "in_progress", "answered"
 * or "closed". */
const char *sp_intake_public_status  (SpStatus              status);
gboolean    sp_intake_status_is_closed (SpStatus            status);

/* The language of Accept-Language or an explicit ?lang=. */
SpLang      sp_intake_pick_lang      (const char           *explicit_lang,
                                      const char           *accept_language);
/* @msgid in @lang: the Swedish catalogue's text, else @msgid. */
const char *sp_intake_gettext        (SpIntake             *self,
                                      SpLang                lang,
                                      const char           *msgid);

G_END_DECLS
