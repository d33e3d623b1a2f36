/* test-links.c: cases linked as duplicate, related or same sender; the
 * rules of duplicates, the history of both cases, unlinking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-test-util.h"

static const SpActor registrar = { "reg-1", "Rita Registrator", SP_ROLE_BIT (SP_ROLE_REGISTRAR) };
static const SpActor staff = { "staff-1", "Sara Medarbetare", SP_ROLE_BIT (SP_ROLE_STAFF) };

static char *
add_case (SpStore *store)
{
  g_autoptr(SpCase) kase = sp_test_case_new ("Bänken i parken", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_store_create_case (store, kase, &staff, &error));
  g_assert_true (sp_store_transition_case (store, kase, SP_STATUS_REGISTERED, &registrar, &error));
  g_assert_no_error (error);
  return g_strdup (SP_ENTITY (kase)->id);
}

static SpCaseLink *
link_new (const char     *from,
          const char     *to,
          SpCaseLinkKind  kind)
{
  SpCaseLink *link = sp_case_link_new ();

  link->case_id = g_strdup (from);
  link->other_case_id = g_strdup (to);
  link->kind = kind;
  return link;
}

static void
assert_refused (SpStore        *store,
                const char     *from,
                const char     *to,
                SpCaseLinkKind  kind,
                const SpActor  *actor,
                int             code,
                const char     *field)
{
  g_autoptr(SpCaseLink) link = link_new (from, to, kind);
  g_autoptr(GError) error = NULL;

  g_assert_false (sp_store_link_cases (store, link, SP_SAVE_DEFAULT, actor, &error));
  g_assert_error (error, SP_ERROR, code);
  if (field != NULL)
    g_assert_cmpstr (sp_error_get_field (error), ==, field);
}

static guint
count_notes (SpStore    *store,
             const char *id,
             const char *field)
{
  g_autoptr(GPtrArray) events = sp_store_get_case_events (store, id, NULL);
  guint n = 0;

  for (guint i = 0; i < events->len; i++)
    if (g_strcmp0 (((SpCaseEvent *) events->pdata[i])->field, field) == 0)
      n++;
  return n;
}

static void
test_links (void)
{
  g_autoptr(SpTestDir) dir = NULL;
  g_autoptr(SpStore) store = sp_test_store_new (&dir);
  g_autofree char *original = add_case (store);
  g_autofree char *duplicate = add_case (store);
  g_autofree char *third = add_case (store);
  g_autofree char *unknown = g_uuid_string_random ();
  g_autoptr(SpCaseLink) link = link_new (duplicate, original, SP_CASE_LINK_DUPLICATE_OF);
  g_autoptr(SpCaseLink) related = link_new (third, original, SP_CASE_LINK_RELATED);
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;

  /* Who, and bad input. */
  assert_refused (store, duplicate, original, SP_CASE_LINK_DUPLICATE_OF, &staff, SP_ERROR_PERMISSION, NULL);
  assert_refused (store, duplicate, duplicate, SP_CASE_LINK_RELATED, &registrar, SP_ERROR_INVALID,
                  "other_case_id");
  assert_refused (store, duplicate, unknown, SP_CASE_LINK_RELATED, &registrar, SP_ERROR_NOT_FOUND,
                  "other_case_id");
  assert_refused (store, duplicate, "'; DROP TABLE cases; --", SP_CASE_LINK_RELATED, &registrar,
                  SP_ERROR_INVALID, "other_case_id");
  assert_refused (store, duplicate, original, 17, &registrar, SP_ERROR_INVALID, "kind");

  /* The duplicate of its original, in both histories. */
  g_assert_true (sp_store_link_cases (store, link, SP_SAVE_DEFAULT, &registrar, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (link->linked_by, ==, "Rita Registrator");
  g_assert_cmpuint (count_notes (store, duplicate, "case_linked"), ==, 1);
  g_assert_cmpuint (count_notes (store, original, "case_linked"), ==, 1);
  links = sp_store_get_case_links (store, original, &error);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpstr (sp_case_link_other_end (links->pdata[0], original), ==, duplicate);
  g_clear_pointer (&links, g_ptr_array_unref);

  /* A pair once; a duplicate of one original; an original not itself a
   * duplicate. */
  assert_refused (store, original, duplicate, SP_CASE_LINK_RELATED, &registrar, SP_ERROR_CONFLICT,
                  "other_case_id");
  assert_refused (store, duplicate, third, SP_CASE_LINK_DUPLICATE_OF, &registrar, SP_ERROR_CONFLICT, "kind");
  assert_refused (store, third, duplicate, SP_CASE_LINK_DUPLICATE_OF, &registrar, SP_ERROR_INVALID,
                  "other_case_id");
  g_assert_true (sp_store_link_cases (store, related, SP_SAVE_DEFAULT, &registrar, &error));
  g_assert_no_error (error);
  links = sp_store_get_case_links (store, original, &error);
  g_assert_cmpuint (links->len, ==, 2);
  g_clear_pointer (&links, g_ptr_array_unref);

  /* Unlinked: gone from both, in both histories. */
  g_assert_false (sp_store_unlink_cases (store, SP_ENTITY (link)->id, &staff, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (sp_store_unlink_cases (store, unknown, &registrar, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (sp_store_unlink_cases (store, SP_ENTITY (link)->id, &registrar, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_notes (store, original, "case_unlinked"), ==, 1);
  g_assert_cmpuint (count_notes (store, duplicate, "case_unlinked"), ==, 1);
  links = sp_store_get_case_links (store, duplicate, &error);
  g_assert_cmpuint (links->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/links/links", test_links);
  return g_test_run ();
}
