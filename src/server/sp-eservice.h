/* sp-eservice.h: the residents' e-service form, its receipt and the
 * status page, served on [eservice] path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain HTML from the templates in data/eservice, no JavaScript: a form
 * that posts (application/x-www-form-urlencoded), a receipt with the
 * reference code, and a status page that shows a report's status and
 * nothing of its content. Every page carries a strict
 * Content-Security-Policy and loads only the stylesheet beside it.
 */

#pragma once

#include <libsoup/soup.h>

#include "sp-intake.h"
#include "sp-server.h"

G_BEGIN_DECLS

/* Answers a request under the form's path; @sub is the rest of the path
 * after it ("", "/status", "/eservice.css"). */
void        sp_eservice_handle     (SpServer          *server,
                                    SoupServerMessage *msg,
                                    const char        *sub,
                                    GHashTable        *query);
/* The 413 page, for a body refused before it is read. */
void        sp_eservice_too_large  (SpServer          *server,
                                    SoupServerMessage *msg);

/* sp-eservice-text.c: the text of a template key "t_…" in @lang. */
const char *sp_eservice_text       (SpIntake          *intake,
                                    SpLang             lang,
                                    const char        *key);

G_END_DECLS
