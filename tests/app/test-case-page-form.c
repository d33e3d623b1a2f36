/* test-case-page-form.c: the case page as a user meets it: its title,
 * its toasts, the widths of its buttons, the size of its boxes, the limit
 * of the subject
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "case-page-fixture.h"

static void
test_title (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SpCase) kase = NULL;

  open_page (fixture, &registrar);
  g_assert_cmpstr (sp_case_page_get_title (fixture->page), ==, "Not registered");
  g_assert_cmpstr (sp_case_page_get_subtitle (fixture->page), ==, "Maten var kall");

  click (sp_case_page_get_transition_button (fixture->page, SP_STATUS_REGISTERED));
  kase = stored_case (fixture);
  g_assert_cmpstr (sp_case_page_get_title (fixture->page), ==, kase->diary_number);

  sp_case_page_set_case_id (fixture->page, NULL);
  g_assert_null (sp_case_page_get_title (fixture->page));
  g_assert_null (sp_case_page_get_subtitle (fixture->page));
}

static void
test_transitions_equal_widths (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *box;
  int width = -1;
  guint n = 0;

  open_page (fixture, &registrar);
  box = child (fixture, "transitions_box");
  g_assert_true (gtk_flow_box_get_homogeneous (GTK_FLOW_BOX (box)));
  SP_TEST_WAIT (gtk_widget_get_width (box) > 0, 30);

  for (GtkWidget *c = gtk_widget_get_first_child (box); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (width < 0)
        width = gtk_widget_get_width (c);
      g_assert_cmpint (gtk_widget_get_width (c), ==, width);
      n++;
    }
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpint (width, >, 0);
}

static void
test_description_scrolls (Fixture       *fixture,
                          gconstpointer  data)
{
  GString *text = g_string_new (NULL);
  GtkWidget *scroller;

  open_page (fixture, &manager);
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "Rad %u av en lång beskrivning.\n", i);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (fixture,
                                                                            "description_view"))),
                            text->str, -1);
  g_string_free (text, TRUE);
  iterate ();

  /* The box stops growing; the text scrolls inside it. */
  scroller = gtk_widget_get_ancestor (child (fixture, "description_view"),
                                      GTK_TYPE_SCROLLED_WINDOW);
  g_assert_true (scroller != child (fixture, "scroller"));
  SP_TEST_WAIT (gtk_widget_get_height (scroller) > 0, 30);
  iterate ();
  g_assert_cmpint (gtk_widget_get_height (scroller), <=, 320);
  g_assert_cmpint (gtk_widget_get_height (child (fixture, "description_row")), <, 500);
}

static void
test_subject_limit (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *entry;
  GtkWidget *counter;
  g_autofree char *long_text = g_strnfill (300, 'a');
  g_autofree char *near = g_strnfill (185, 'b');

  open_page (fixture, &manager);
  entry = child (fixture, "subject_entry");
  counter = child (fixture, "subject_counter_label");
  g_assert_false (gtk_widget_get_visible (counter));

  /* Typing (or pasting) stops at 200 characters. */
  gtk_editable_set_text (GTK_EDITABLE (entry), long_text);
  g_assert_cmpint (g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (entry)), -1), ==, 200);
  g_assert_true (gtk_widget_get_visible (counter));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (counter)), ==, "200/200");

  /* The counter shows near the limit only. */
  gtk_editable_set_text (GTK_EDITABLE (entry), near);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (counter)), ==, "185/200");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Kort");
  g_assert_false (gtk_widget_get_visible (counter));
}

int
main (int   argc,
      char *argv[])
{
  case_page_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/case-page/title", test_title);
  ADD ("/case-page/transitions-equal-widths", test_transitions_equal_widths);
  ADD ("/case-page/description-scrolls", test_description_scrolls);
  ADD ("/case-page/subject-limit", test_subject_limit);
#undef ADD

  return g_test_run ();
}
