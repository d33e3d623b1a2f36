/* sp-diary-markings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "sp-diary-markings.h"

char *
sp_diary_markings_describe (GPtrArray *markings)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; markings != NULL && i < markings->len; i++)
    {
      SpSecrecyMarking *marking = markings->pdata[i];
      g_autofree char *reference = sp_secrecy_provision_reference (marking->provision);

      if (out->len > 0)
        g_string_append (out, "; ");
      /* Translators: a secrecy marking in the diary: the provision and
       * the part of the case, e.g. “OSL 26 kap. 1 § (The description)” */
      g_string_append_printf (out, _("%s (%s)"), reference ? reference : "",
                              sp_enum_get_label (&sp_secrecy_part_info, marking->part));
    }
  return g_string_free (out, FALSE);
}

/* Runs in the worker's thread. */
static gpointer
read_markings (SpStore       *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GHashTable) active = sp_store_get_active_markings (store, error);
  GHashTable *texts;
  GHashTableIter iter;
  gpointer key, value;

  if (active == NULL)
    return NULL;
  texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, active);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (texts, g_strdup (key), sp_diary_markings_describe (value));
  return texts;
}

void
sp_diary_markings_load_async (SpStoreWorker       *worker,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (SP_IS_STORE_WORKER (worker));

  sp_store_worker_run_async (worker, read_markings, NULL, NULL,
                             (GDestroyNotify) g_hash_table_unref, cancellable, callback,
                             user_data);
}

GHashTable *
sp_diary_markings_load_finish (SpStoreWorker  *worker,
                               GAsyncResult   *result,
                               GError        **error)
{
  return sp_store_worker_run_finish (worker, result, error);
}
