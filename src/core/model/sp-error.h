/* sp-error.h: the project's error domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SP_ERROR (sp_error_quark ())

typedef enum
{
  SP_ERROR_FAILED,
  SP_ERROR_INVALID,      /* a field's value is not acceptable; see sp_error_get_field() */
  SP_ERROR_MALFORMED,    /* the input could not be parsed at all */
  SP_ERROR_NOT_FOUND,
  SP_ERROR_CONFLICT,     /* based on an old revision, or a unique value taken */
  SP_ERROR_PERMISSION,   /* the user's roles do not allow it */
  SP_ERROR_TRANSITION,   /* the workflow does not allow it */
  SP_ERROR_STORAGE,      /* the database failed */
  SP_ERROR_BUSY,         /* the database is locked by someone else */
  SP_ERROR_CORRUPT,
} SpErrorCode;

GQuark      sp_error_quark     (void);

/* SP_ERROR errors carry the name of the field they are about (for example
 * "sender.email"), so that a form can mark it and the server can name it. */
void        sp_set_field_error (GError      **error,
                                SpErrorCode   code,
                                const char   *field,
                                const char   *format,
                                ...) G_GNUC_PRINTF (4, 5);
const char *sp_error_get_field (const GError *error);
void        sp_error_set_field (GError       *error,
                                const char   *field);

G_END_DECLS
