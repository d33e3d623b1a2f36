/* fuzz-main.c: a fuzz target's driver without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fuzz-TARGET [--runs N] [--seed S] DIR…: calls the target with every
 * file in the folders, then with N inputs made from them by random
 * mutations (bytes flipped, inserted, deleted, repeated; JSON and HTTP
 * tokens put in; two inputs spliced), the same N for the same seed. With
 * sanitizers (-Db_sanitize=address,undefined) it finds what they see;
 * without, what crashes or fails the target's own checks.
 */

#include <fcntl.h>
#include <glib.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "fuzz-target.h"

#define FUZZ_MAX_INPUT 8192

static const char * const tokens[] = {
  "{", "}", "[", "]", ":", ",", "\"", "\\", "\\u0000", "\\ud800", "\\u00e5", "null", "true",
  "false", "-1", "0", "1e999", "9223372036854775808", "\"9999-12-31\"", "\"2026-02-30\"",
  "\"0000-01-01\"", "\xc3\xa5", "\xff", "\xed\xa0\x80", "\r\n", "\r\n\r\n", " HTTP/1.1\r\n",
  "Content-Length: ", "Transfer-Encoding: chunked\r\n", "Authorization: Bearer ", "%00", "%2e%2e%2f",
  "/api/v1/cases", "/api/v1/changes", "\"id\":", "\"rev\":", "\"fields\":", "\"sender\":",
};

/* The input being tried, written out as ./fuzz-finding when the target
 * dies on it, as libFuzzer writes crash-… files. */
static const guint8 *current;
static size_t current_size;

static void
on_fatal (int signum)
{
  int fd = open ("fuzz-finding", O_WRONLY | O_CREAT | O_TRUNC, 0644);

  if (fd >= 0)
    {
      gboolean written = write (fd, current, current_size) == (ssize_t) current_size;

      close (fd);
      if (written)
        written = write (2, "The input is in ./fuzz-finding\n", 31) == 31;
    }
  signal (signum, SIG_DFL);
  raise (signum);
}

static void
run_one (const guint8 *data,
         size_t        size)
{
  current = data;
  current_size = size;
  LLVMFuzzerTestOneInput (data, size);
}

static GPtrArray *
load_corpus (char **dirs)
{
  GPtrArray *inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  for (guint d = 0; dirs[d] != NULL; d++)
    {
      g_autoptr(GDir) dir = g_dir_open (dirs[d], 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        g_error ("No corpus folder %s", dirs[d]);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      /* The same order everywhere, so that a seed means the same run. */
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *path = g_build_filename (dirs[d], names->pdata[i], NULL);
          char *contents = NULL;
          gsize length = 0;

          if (!g_file_get_contents (path, &contents, &length, NULL))
            continue;
          g_ptr_array_add (inputs, g_bytes_new_take (contents, length));
        }
    }

  return inputs;
}

static void
insert_bytes (GByteArray   *array,
              guint         at,
              const guint8 *data,
              guint         length)
{
  guint old = array->len;

  g_byte_array_set_size (array, old + length);
  memmove (array->data + at + length, array->data + at, old - at);
  memcpy (array->data + at, data, length);
}

static void
mutate (GByteArray *input,
        GRand      *rand,
        GPtrArray  *corpus)
{
  guint n = g_rand_int_range (rand, 1, 5);

  for (guint i = 0; i < n; i++)
    {
      guint len = input->len;
      guint at = len ? g_rand_int_range (rand, 0, len) : 0;

      switch (g_rand_int_range (rand, 0, 7))
        {
        case 0:
          if (len)
            input->data[at] ^= 1u << g_rand_int_range (rand, 0, 8);
          break;
        case 1:
          if (len)
            input->data[at] = g_rand_int_range (rand, 0, 256);
          break;
        case 2:
          {
            guint8 byte = g_rand_int_range (rand, 0, 256);

            insert_bytes (input, at, &byte, 1);
          }
          break;
        case 3:
          if (len)
            g_byte_array_remove_range (input, at, g_rand_int_range (rand, 1, MIN (len - at, 16) + 1));
          break;
        case 4:
          if (len)
            {
              guint count = g_rand_int_range (rand, 1, MIN (len - at, 32) + 1);
              g_autofree guint8 *copy = g_memdup2 (input->data + at, count);

              insert_bytes (input, g_rand_int_range (rand, 0, len + 1), copy, count);
            }
          break;
        case 5:
          {
            const char *token = tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))];

            insert_bytes (input, at, (const guint8 *) token, strlen (token));
          }
          break;
        default:
          if (corpus->len > 0)
            {
              GBytes *other = corpus->pdata[g_rand_int_range (rand, 0, corpus->len)];
              gsize other_len;
              const guint8 *other_data = g_bytes_get_data (other, &other_len);
              guint from = other_len ? g_rand_int_range (rand, 0, other_len) : 0;

              g_byte_array_set_size (input, at);
              g_byte_array_append (input, other_data + from, other_len - from);
            }
          break;
        }
    }

  if (input->len > FUZZ_MAX_INPUT)
    g_byte_array_set_size (input, FUZZ_MAX_INPUT);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("DIR…");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) corpus = NULL;
  g_autoptr(GRand) rand = NULL;
  gint64 runs = 1000;
  gint64 seed = 1;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT64, &runs, "Mutated inputs to try after the corpus", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the mutations", "S" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2)
    {
      g_printerr ("%s\n", error ? error->message : "Name the corpus folders");
      return 2;
    }

  signal (SIGTRAP, on_fatal);
  signal (SIGABRT, on_fatal);
  signal (SIGSEGV, on_fatal);
  corpus = load_corpus (argv + 1);
  for (guint i = 0; i < corpus->len; i++)
    {
      gsize length;
      const guint8 *data = g_bytes_get_data (corpus->pdata[i], &length);

      run_one (data, length);
    }

  rand = g_rand_new_with_seed ((guint32) seed);
  for (gint64 r = 0; r < runs && corpus->len > 0; r++)
    {
      g_autoptr(GByteArray) input = g_byte_array_new ();
      GBytes *base = corpus->pdata[g_rand_int_range (rand, 0, corpus->len)];
      gsize length;
      const guint8 *data = g_bytes_get_data (base, &length);

      g_byte_array_append (input, data, length);
      mutate (input, rand, corpus);
      run_one (input->data, input->len);
    }

  g_print ("%u corpus inputs and %" G_GINT64_FORMAT " mutations, seed %" G_GINT64_FORMAT ": no finding\n",
           corpus->len, runs, seed);
  return 0;
}
