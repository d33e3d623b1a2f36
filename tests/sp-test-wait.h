/* sp-test-wait.h: waiting in tests, always with a time limit
 *
 * A test that waits for something that never comes must fail and say what
 * it waited for, not hang until meson kills it. The limits are generous,
 * for a loaded machine; no test asserts how long anything took.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

static inline gboolean
sp_test_wait_timed_out_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the thread-default main context until @cond (re-evaluated
 * each turn) holds; fails the test, naming @cond, after @seconds. */
#define SP_TEST_WAIT(cond, seconds) \
  G_STMT_START { \
    GMainContext *context_ = g_main_context_ref_thread_default (); \
    GSource *timeout_ = g_timeout_source_new_seconds (seconds); \
    gboolean timed_out_ = FALSE; \
    g_source_set_callback (timeout_, sp_test_wait_timed_out_cb, &timed_out_, NULL); \
    g_source_attach (timeout_, context_); \
    while (!(cond) && !timed_out_) \
      g_main_context_iteration (context_, TRUE); \
    g_source_destroy (timeout_); \
    g_source_unref (timeout_); \
    g_main_context_unref (context_); \
    if (!(cond)) \
      g_error ("Timed out after %u s waiting for: %s", (guint) (seconds), #cond); \
  } G_STMT_END

static inline gboolean
sp_test_loop_timed_out_cb (gpointer data)
{
  g_error ("Timed out waiting for %s", (const char *) data);
  return G_SOURCE_REMOVE;
}

/* Runs @loop until it quits; fails the test, naming @what, if it has not
 * after @seconds. */
static inline void
sp_test_loop_run (GMainLoop  *loop,
                  guint       seconds,
                  const char *what)
{
  GSource *timeout = g_timeout_source_new_seconds (seconds);

  g_source_set_callback (timeout, sp_test_loop_timed_out_cb, (gpointer) what, NULL);
  g_source_attach (timeout, g_main_loop_get_context (loop));
  g_main_loop_run (loop);
  g_source_destroy (timeout);
  g_source_unref (timeout);
}
