/* sp-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-error.h"

typedef struct
{
  char *field;
} SpErrorPrivate;

static void
sp_error_private_init (SpErrorPrivate *priv)
{
  priv->field = NULL;
}

static void
sp_error_private_copy (const SpErrorPrivate *src,
                       SpErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
sp_error_private_clear (SpErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (SpError, sp_error)

void
sp_error_set_field (GError     *error,
                    const char *field)
{
  SpErrorPrivate *priv;

  g_return_if_fail (error != NULL);

  if ((priv = sp_error_get_private (error)) == NULL)
    return;

  g_free (priv->field);
  priv->field = g_strdup (field);
}

const char *
sp_error_get_field (const GError *error)
{
  SpErrorPrivate *priv;

  if (error == NULL || (priv = sp_error_get_private (error)) == NULL)
    return NULL;

  return priv->field;
}

void
sp_set_field_error (GError      **error,
                    SpErrorCode   code,
                    const char   *field,
                    const char   *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, SP_ERROR, code, message);
  sp_error_set_field (*error, field);
}
