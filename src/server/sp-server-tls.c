/* sp-server-tls.c: the server's certificate, checked against its key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <string.h>

#include "synpunkt-core.h"

#include "sp-server-tls.h"

static gboolean
load_datum (const char      *path,
            gnutls_datum_t  *datum,
            GError         **error)
{
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  datum->data = (unsigned char *) contents;
  datum->size = (unsigned int) length;
  return TRUE;
}

/* The SHA-256 of the public key, as GnuTLS computes it for both sides. */
static gboolean
key_ids_match (const char  *cert_path,
               const char  *key_path,
               GError     **error)
{
  gnutls_datum_t cert_data = { NULL, 0 };
  gnutls_datum_t key_data = { NULL, 0 };
  gnutls_x509_crt_t *certs = NULL;
  unsigned int n_certs = 0;
  gnutls_x509_privkey_t key = NULL;
  unsigned char cert_id[64];
  unsigned char key_id[64];
  size_t cert_id_size = sizeof cert_id;
  size_t key_id_size = sizeof key_id;
  gboolean ok = FALSE;
  int rc;

  if (!load_datum (cert_path, &cert_data, error) || !load_datum (key_path, &key_data, error))
    goto out;

  rc = gnutls_x509_crt_list_import2 (&certs, &n_certs, &cert_data, GNUTLS_X509_FMT_PEM, 0);
  if (rc < 0 || n_certs == 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID, "%s holds no PEM certificate: %s",
                   cert_path, gnutls_strerror (rc));
      goto out;
    }
  if (gnutls_x509_privkey_init (&key) < 0 ||
      (rc = gnutls_x509_privkey_import2 (key, &key_data, GNUTLS_X509_FMT_PEM, NULL, 0)) < 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID, "%s holds no PEM private key: %s",
                   key_path, gnutls_strerror (rc));
      goto out;
    }

  /* The first certificate is the server's own; the rest is its chain. */
  if (gnutls_x509_crt_get_key_id (certs[0], GNUTLS_KEYID_USE_SHA256, cert_id, &cert_id_size) < 0 ||
      gnutls_x509_privkey_get_key_id (key, GNUTLS_KEYID_USE_SHA256, key_id, &key_id_size) < 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   "Cannot compare the TLS certificate %s with the key %s", cert_path, key_path);
      goto out;
    }
  if (cert_id_size != key_id_size || memcmp (cert_id, key_id, cert_id_size) != 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   "The TLS certificate %s does not match the private key %s "
                   "(their public keys differ): give the key the certificate was made for",
                   cert_path, key_path);
      goto out;
    }
  ok = TRUE;

out:
  for (unsigned int i = 0; i < n_certs; i++)
    gnutls_x509_crt_deinit (certs[i]);
  gnutls_free (certs);
  if (key != NULL)
    gnutls_x509_privkey_deinit (key);
  g_free (cert_data.data);
  g_free (key_data.data);
  return ok;
}

GTlsCertificate *
sp_server_tls_load (const char  *cert_path,
                    const char  *key_path,
                    GError     **error)
{
  g_autoptr(GTlsCertificate) certificate = NULL;

  certificate = g_tls_certificate_new_from_files (cert_path, key_path, error);
  if (certificate == NULL || !key_ids_match (cert_path, key_path, error))
    return NULL;
  return g_steal_pointer (&certificate);
}
