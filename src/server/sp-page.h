/* sp-page.h: the public pages' templates (data/eservice, in the server's
 * GResource) filled in with every value HTML-escaped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "{{key}}" is replaced by the key's value escaped for HTML text and
 * attributes; "{{{key}}}" by the value as it is, for the fragments the
 * server builds itself with sp_html_append(). A key with no value is
 * asked of @lookup (the page's translated texts), and is an error if that
 * has none either, so that a misspelt key is caught by the tests.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SP_PAGE_RESOURCE "/se/synpunkt/Server/eservice/"

typedef const char *(*SpPageLookup) (const char *key,
                                     gpointer    user_data);

/* Appends @text escaped: & < > " ' become entities. */
void      sp_html_append  (GString      *out,
                           const char   *text);
char     *sp_html_escape  (const char   *text);
/* The resource @name under SP_PAGE_RESOURCE. */
GBytes   *sp_page_load    (const char   *name);
char     *sp_page_render  (const char   *name,
                           GHashTable   *values,
                           SpPageLookup  lookup,
                           gpointer      user_data);

G_END_DECLS
