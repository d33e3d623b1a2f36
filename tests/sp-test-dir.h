/* sp-test-dir.h: the temporary folders of the tests, made and removed
 *
 * Every test that needs a folder makes it with sp_test_dir_new() and
 * removes it, whatever it holds, with sp_test_remove_dir(). The suite runs
 * with TMPDIR set to a folder of the build tree, and its last test
 * (check-tmp) fails if a run left a synpunkt-* folder there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* A new empty folder "synpunkt-@name-XXXXXX" in the temporary folder. */
static inline char *
sp_test_dir_new (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("synpunkt-%s-XXXXXX", name);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
sp_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* A link is removed, never followed. */
  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      sp_test_remove_tree (child);
    }
  g_rmdir (path);
}

/* Removes @path and everything in it; fails the test if anything stays,
 * so that a run cannot leave its folders behind unnoticed. NULL is
 * ignored. */
static inline void
sp_test_remove_dir (const char *path)
{
  if (path == NULL)
    return;

  sp_test_remove_tree (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    g_error ("Could not remove the test folder %s", path);
}

/* A folder removed with what it holds when it goes out of scope:
 * g_autoptr(SpTestDir) dir = sp_test_dir_new ("name"). Declared before the
 * store that lives in it, it is removed after the store is closed. */
typedef char SpTestDir;

static inline void
sp_test_dir_free (SpTestDir *dir)
{
  if (dir == NULL)
    return;
  sp_test_remove_tree (dir);
  g_free (dir);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpTestDir, sp_test_dir_free)
