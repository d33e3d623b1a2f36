/* test-workflow.c: who may move a case between which states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include "sp-error.h"
#include "sp-workflow.h"

/* The routine's table, written out independently of sp-workflow.c: each
 * transition with every role that may make it (a head of department may do
 * what a unit manager may). */
static const struct {
  const char *from;
  const char *to;
  const char *roles;
} expected_table[] = {
  { "received", "registered", "registrar" },
  { "received", "assigned", "registrar" },
  { "received", "forwarded_elsewhere", "registrar" },
  { "received", "other_routine", "registrar" },
  { "registered", "assigned", "registrar" },
  { "registered", "forwarded_elsewhere", "registrar" },
  { "registered", "other_routine", "registrar" },
  { "assigned", "acknowledged", "registrar unit_manager department_head" },
  { "assigned", "investigating", "unit_manager department_head" },
  { "assigned", "awaiting_provider", "unit_manager department_head case_officer" },
  { "assigned", "forwarded_elsewhere", "registrar unit_manager department_head" },
  { "acknowledged", "investigating", "unit_manager department_head" },
  { "acknowledged", "awaiting_provider", "unit_manager department_head case_officer" },
  { "investigating", "awaiting_provider", "unit_manager department_head case_officer" },
  { "investigating", "assessed", "unit_manager department_head" },
  { "awaiting_provider", "investigating", "unit_manager department_head case_officer" },
  { "assessed", "feedback_given", "unit_manager department_head" },
  { "assessed", "investigating", "unit_manager department_head" },
  { "assessed", "closed", "unit_manager department_head registrar" },
  { "feedback_given", "closed", "unit_manager department_head registrar" },
};

static int
status_from_name (const char *name)
{
  int value = -1;

  g_assert_true (sp_enum_from_name (&sp_status_info, name, &value));
  return value;
}

static guint
roles_from_names (const char *names)
{
  g_auto(GStrv) parts = g_strsplit (names, " ", -1);
  guint roles = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      int role = -1;

      g_assert_true (sp_enum_from_name (&sp_role_info, parts[i], &role));
      roles |= SP_ROLE_BIT (role);
    }

  return roles;
}

/* 0 when the table has no such transition. */
static guint
expected_roles (SpStatus from,
                SpStatus to)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_table); i++)
    {
      if (status_from_name (expected_table[i].from) == (int)from &&
          status_from_name (expected_table[i].to) == (int)to)
        return roles_from_names (expected_table[i].roles);
    }

  return 0;
}

/* A case with no conditions in the way: a named sender of a synpunkt who
 * does not ask for feedback may be registered, given feedback, or closed
 * without it. */
static SpCase *
make_case (SpStatus    status,
           SpCaseKind  kind,
           gboolean    anonymous,
           gboolean    wants_feedback)
{
  SpCase *c = sp_case_new ();

  c->status = status;
  c->kind = kind;
  c->sender_anonymous = anonymous;
  c->sender_wants_feedback = wants_feedback;
  if (!anonymous)
    c->sender_name = g_strdup ("Karin Lindqvist");

  return c;
}

static void
test_every_pair_and_role (void)
{
  guint n_allowed = 0;

  for (guint from = 0; from < SP_N_STATUSES; from++)
    for (guint to = 0; to < SP_N_STATUSES; to++)
      {
        guint expected = expected_roles (from, to);

        g_assert_cmpuint (sp_workflow_get_roles (from, to), ==, expected);

        for (guint role = 0; role < SP_N_ROLES; role++)
          {
            /* Only an anonymous case goes from "received" straight to
             * the unit (R4, tested on its own below). */
            gboolean anonymous = from == SP_STATUS_RECEIVED && to == SP_STATUS_ASSIGNED;
            g_autoptr(SpCase) c = make_case (from, SP_CASE_KIND_OPINION, anonymous, FALSE);
            g_autoptr(GError) error = NULL;
            gboolean should = (expected & SP_ROLE_BIT (role)) != 0;
            gboolean ok;

            ok = sp_workflow_check (c, to, SP_ROLE_BIT (role), &error);
            if (ok != should ||
                sp_workflow_is_allowed (from, to, SP_ROLE_BIT (role)) != should)
              g_error ("%s → %s as %s should be %s",
                       sp_enum_to_name (&sp_status_info, from),
                       sp_enum_to_name (&sp_status_info, to),
                       sp_enum_to_name (&sp_role_info, role),
                       should ? "allowed" : "refused");

            if (should)
              {
                g_assert_no_error (error);
                n_allowed++;
              }
            else if (expected != 0)
              {
                g_assert_error (error, SP_ERROR, SP_ERROR_PERMISSION);
                g_assert_cmpstr (sp_error_get_field (error), ==, "status");
              }
            else
              {
                g_assert_error (error, SP_ERROR, SP_ERROR_TRANSITION);
                g_assert_cmpstr (sp_error_get_field (error), ==, "status");
              }

            /* Checking never changes the case. */
            g_assert_cmpint (c->status, ==, from);
          }

        /* Without any role nothing is allowed. */
        {
          g_autoptr(SpCase) c = make_case (from, SP_CASE_KIND_OPINION, FALSE, FALSE);
          g_autoptr(GError) error = NULL;

          g_assert_false (sp_workflow_check (c, to, 0, &error));
          g_assert_error (error, SP_ERROR, (expected != 0 ? SP_ERROR_PERMISSION : SP_ERROR_TRANSITION));
        }
      }

  /* The sum of the roles in the table above. */
  g_assert_cmpuint (n_allowed, ==, 41);
}

static void
test_roles_without_transitions (void)
{
  guint passive = SP_ROLE_BIT (SP_ROLE_ADMIN) | SP_ROLE_BIT (SP_ROLE_STAFF) |
                  SP_ROLE_BIT (SP_ROLE_QUALITY) | SP_ROLE_BIT (SP_ROLE_PROCUREMENT);

  for (guint from = 0; from < SP_N_STATUSES; from++)
    {
      g_autoptr(SpCase) c = make_case (from, SP_CASE_KIND_COMPLAINT, FALSE, TRUE);
      SpStatus targets[SP_N_STATUSES];

      g_assert_cmpuint (sp_workflow_get_targets (c, passive, targets), ==, 0);
      for (guint to = 0; to < SP_N_STATUSES; to++)
        g_assert_false (sp_workflow_is_allowed (from, to, passive));
    }
}

static void
test_combined_roles (void)
{
  guint registrar_and_manager = SP_ROLE_BIT (SP_ROLE_REGISTRAR) | SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER);
  guint everyone = (1u << SP_N_ROLES) - 1;

  /* A person with several roles may do what any of them may. */
  g_assert_true (sp_workflow_is_allowed (SP_STATUS_RECEIVED, SP_STATUS_REGISTERED, registrar_and_manager));
  g_assert_true (sp_workflow_is_allowed (SP_STATUS_INVESTIGATING, SP_STATUS_ASSESSED, registrar_and_manager));
  g_assert_true (sp_workflow_is_allowed (SP_STATUS_INVESTIGATING, SP_STATUS_ASSESSED,
                                         SP_ROLE_BIT (SP_ROLE_STAFF) | SP_ROLE_BIT (SP_ROLE_DEPARTMENT_HEAD)));
  g_assert_false (sp_workflow_is_allowed (SP_STATUS_RECEIVED, SP_STATUS_ASSESSED, everyone));
  g_assert_false (sp_workflow_is_allowed (SP_STATUS_CLOSED, SP_STATUS_INVESTIGATING, everyone));

  /* No state leads back to received, and nothing leaves the final states. */
  for (guint from = 0; from < SP_N_STATUSES; from++)
    g_assert_cmpuint (sp_workflow_get_roles (from, SP_STATUS_RECEIVED), ==, 0);
  for (guint to = 0; to < SP_N_STATUSES; to++)
    {
      g_assert_cmpuint (sp_workflow_get_roles (SP_STATUS_CLOSED, to), ==, 0);
      g_assert_cmpuint (sp_workflow_get_roles (SP_STATUS_FORWARDED_ELSEWHERE, to), ==, 0);
      g_assert_cmpuint (sp_workflow_get_roles (SP_STATUS_OTHER_ROUTINE, to), ==, 0);
      g_assert_cmpuint (sp_workflow_get_roles (to, to), ==, 0);
    }
}

static void
test_anonymous (void)
{
  guint registrar = SP_ROLE_BIT (SP_ROLE_REGISTRAR);
  guint manager = SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER);

  /* Not registered in the diary. */
  {
    g_autoptr(SpCase) c = make_case (SP_STATUS_RECEIVED, SP_CASE_KIND_OPINION, TRUE, FALSE);
    g_autoptr(GError) error = NULL;

    g_assert_false (sp_workflow_check (c, SP_STATUS_REGISTERED, registrar, &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_TRANSITION);
    g_assert_cmpstr (sp_error_get_field (error), ==, "sender.anonymous");
    g_assert_nonnull (strstr (error->message, "anonymous"));

    /* …but straight to the unit, or elsewhere. */
    g_assert_true (sp_workflow_check (c, SP_STATUS_ASSIGNED, registrar, NULL));
    g_assert_true (sp_workflow_check (c, SP_STATUS_FORWARDED_ELSEWHERE, registrar, NULL));
  }

  /* An anonymous complaint too. */
  {
    g_autoptr(SpCase) c = make_case (SP_STATUS_RECEIVED, SP_CASE_KIND_COMPLAINT, TRUE, TRUE);
    g_autoptr(GError) error = NULL;

    g_assert_false (sp_workflow_check (c, SP_STATUS_REGISTERED, registrar, &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_TRANSITION);
  }

  /* A role that may not register gets the permission error first. */
  {
    g_autoptr(SpCase) c = make_case (SP_STATUS_RECEIVED, SP_CASE_KIND_OPINION, TRUE, FALSE);
    g_autoptr(GError) error = NULL;

    g_assert_false (sp_workflow_check (c, SP_STATUS_REGISTERED, SP_ROLE_BIT (SP_ROLE_STAFF), &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_PERMISSION);
  }

  /* Nobody to give feedback to; closed straight after the assessment. */
  {
    g_autoptr(SpCase) c = make_case (SP_STATUS_ASSESSED, SP_CASE_KIND_COMPLAINT, TRUE, FALSE);
    g_autoptr(GError) error = NULL;

    g_assert_false (sp_workflow_check (c, SP_STATUS_FEEDBACK_GIVEN, manager, &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_TRANSITION);
    g_assert_cmpstr (sp_error_get_field (error), ==, "sender.anonymous");

    g_assert_true (sp_workflow_check (c, SP_STATUS_CLOSED, manager, NULL));
    g_assert_true (sp_workflow_check (c, SP_STATUS_CLOSED, registrar, NULL));
    g_assert_true (sp_workflow_check (c, SP_STATUS_INVESTIGATING, manager, NULL));
  }
}

static void
test_feedback_before_closing (void)
{
  guint manager = SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER);
  guint registrar = SP_ROLE_BIT (SP_ROLE_REGISTRAR);
  static const struct {
    SpCaseKind kind;
    gboolean   wants_feedback;
    gboolean   may_close_unanswered;
  } cases[] = {
    { SP_CASE_KIND_COMPLAINT, TRUE, FALSE },
    /* A complaint expects an answer even if the box was not ticked. */
    { SP_CASE_KIND_COMPLAINT, FALSE, FALSE },
    /* A synpunkt whose sender wants feedback is handled like a complaint. */
    { SP_CASE_KIND_OPINION, TRUE, FALSE },
    { SP_CASE_KIND_OPINION, FALSE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SpCase) c = make_case (SP_STATUS_ASSESSED, cases[i].kind, FALSE, cases[i].wants_feedback);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      ok = sp_workflow_check (c, SP_STATUS_CLOSED, manager, &error);
      g_assert_cmpint (ok, ==, cases[i].may_close_unanswered);
      if (!ok)
        {
          g_assert_error (error, SP_ERROR, SP_ERROR_TRANSITION);
          g_assert_cmpstr (error->message, ==, "Feedback must be given before the case is closed");
          g_clear_error (&error);
          g_assert_false (sp_workflow_check (c, SP_STATUS_CLOSED, registrar, &error));
          g_assert_error (error, SP_ERROR, SP_ERROR_TRANSITION);
        }

      /* Feedback can always be recorded for a named sender… */
      g_assert_true (sp_workflow_check (c, SP_STATUS_FEEDBACK_GIVEN, manager, NULL));

      /* …and once it is given, the case closes. */
      c->status = SP_STATUS_FEEDBACK_GIVEN;
      g_assert_true (sp_workflow_check (c, SP_STATUS_CLOSED, manager, NULL));
      g_assert_true (sp_workflow_check (c, SP_STATUS_CLOSED, registrar, NULL));
    }
}

/* R4: every case with contact details is registered. It leaves "received"
 * by registration, by being forwarded elsewhere or by going to another
 * routine, never straight to the unit. */
static void
test_registration_first (void)
{
  guint registrar = SP_ROLE_BIT (SP_ROLE_REGISTRAR);
  static const SpCaseKind kinds[] = {
    SP_CASE_KIND_OPINION, SP_CASE_KIND_COMPLAINT, SP_CASE_KIND_CITIZEN_PROPOSAL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(SpCase) c = make_case (SP_STATUS_RECEIVED, kinds[i], FALSE, FALSE);
      g_autoptr(GError) error = NULL;

      g_assert_false (sp_workflow_check (c, SP_STATUS_ASSIGNED, registrar, &error));
      g_assert_error (error, SP_ERROR, SP_ERROR_TRANSITION);
      g_assert_cmpstr (sp_error_get_field (error), ==, "status");
      g_assert_nonnull (strstr (error->message, "registered in the diary"));

      g_assert_true (sp_workflow_check (c, SP_STATUS_REGISTERED, registrar, NULL));
      g_assert_true (sp_workflow_check (c, SP_STATUS_FORWARDED_ELSEWHERE, registrar, NULL));
      g_assert_true (sp_workflow_check (c, SP_STATUS_OTHER_ROUTINE, registrar, NULL));

      /* Once registered, it goes to the unit. */
      c->status = SP_STATUS_REGISTERED;
      g_assert_true (sp_workflow_check (c, SP_STATUS_ASSIGNED, registrar, NULL));
    }

  /* The same case made anonymous may go straight to the unit. */
  {
    g_autoptr(SpCase) c = make_case (SP_STATUS_RECEIVED, SP_CASE_KIND_OPINION, TRUE, FALSE);

    g_assert_true (sp_workflow_check (c, SP_STATUS_ASSIGNED, registrar, NULL));
  }
}

static void
test_happy_path (void)
{
  static const struct {
    SpStatus to;
    SpRole   role;
  } steps[] = {
    { SP_STATUS_REGISTERED, SP_ROLE_REGISTRAR },
    { SP_STATUS_ASSIGNED, SP_ROLE_REGISTRAR },
    { SP_STATUS_ACKNOWLEDGED, SP_ROLE_REGISTRAR },
    { SP_STATUS_AWAITING_PROVIDER, SP_ROLE_CASE_OFFICER },
    { SP_STATUS_INVESTIGATING, SP_ROLE_CASE_OFFICER },
    { SP_STATUS_ASSESSED, SP_ROLE_UNIT_MANAGER },
    { SP_STATUS_INVESTIGATING, SP_ROLE_DEPARTMENT_HEAD },
    { SP_STATUS_ASSESSED, SP_ROLE_DEPARTMENT_HEAD },
    { SP_STATUS_FEEDBACK_GIVEN, SP_ROLE_UNIT_MANAGER },
    { SP_STATUS_CLOSED, SP_ROLE_REGISTRAR },
  };
  g_autoptr(SpCase) c = make_case (SP_STATUS_RECEIVED, SP_CASE_KIND_COMPLAINT, FALSE, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (sp_workflow_check (c, steps[i].to, SP_ROLE_BIT (steps[i].role), &error));
      g_assert_no_error (error);
      c->status = steps[i].to;
    }
}

static void
assert_targets (SpCase     *c,
                guint       roles,
                const char *expected)
{
  SpStatus targets[SP_N_STATUSES];
  g_autoptr(GString) names = g_string_new (NULL);
  guint n;

  n = sp_workflow_get_targets (c, roles, targets);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (names, ' ');
      g_string_append (names, sp_enum_to_name (&sp_status_info, targets[i]));
    }

  g_assert_cmpstr (names->str, ==, expected);
}

static void
test_targets (void)
{
  guint registrar = SP_ROLE_BIT (SP_ROLE_REGISTRAR);
  guint manager = SP_ROLE_BIT (SP_ROLE_UNIT_MANAGER);
  guint head = SP_ROLE_BIT (SP_ROLE_DEPARTMENT_HEAD);
  guint officer = SP_ROLE_BIT (SP_ROLE_CASE_OFFICER);
  guint quality = SP_ROLE_BIT (SP_ROLE_QUALITY);

  {
    g_autoptr(SpCase) named = make_case (SP_STATUS_RECEIVED, SP_CASE_KIND_COMPLAINT, FALSE, TRUE);
    g_autoptr(SpCase) anonymous = make_case (SP_STATUS_RECEIVED, SP_CASE_KIND_OPINION, TRUE, FALSE);

    assert_targets (named, registrar, "registered forwarded_elsewhere other_routine");
    assert_targets (anonymous, registrar, "assigned forwarded_elsewhere other_routine");
    assert_targets (named, manager, "");
    assert_targets (named, quality, "");
  }

  {
    g_autoptr(SpCase) c = make_case (SP_STATUS_ASSIGNED, SP_CASE_KIND_COMPLAINT, FALSE, TRUE);

    assert_targets (c, manager, "acknowledged investigating awaiting_provider forwarded_elsewhere");
    assert_targets (c, head, "acknowledged investigating awaiting_provider forwarded_elsewhere");
    assert_targets (c, registrar, "acknowledged forwarded_elsewhere");
    assert_targets (c, officer, "awaiting_provider");
    assert_targets (c, registrar | officer, "acknowledged awaiting_provider forwarded_elsewhere");
  }

  {
    g_autoptr(SpCase) complaint = make_case (SP_STATUS_ASSESSED, SP_CASE_KIND_COMPLAINT, FALSE, TRUE);
    g_autoptr(SpCase) anonymous = make_case (SP_STATUS_ASSESSED, SP_CASE_KIND_COMPLAINT, TRUE, FALSE);
    g_autoptr(SpCase) no_answer = make_case (SP_STATUS_ASSESSED, SP_CASE_KIND_OPINION, FALSE, FALSE);

    assert_targets (complaint, manager, "investigating feedback_given");
    assert_targets (complaint, registrar, "");
    assert_targets (anonymous, manager, "investigating closed");
    assert_targets (anonymous, registrar, "closed");
    assert_targets (no_answer, manager, "investigating feedback_given closed");
  }

  {
    g_autoptr(SpCase) c = make_case (SP_STATUS_CLOSED, SP_CASE_KIND_COMPLAINT, FALSE, TRUE);

    assert_targets (c, (1u << SP_N_ROLES) - 1, "");
  }
}

static void
test_action_labels (void)
{
  static const struct {
    SpStatus    to;
    const char *label;
  } labels[] = {
    { SP_STATUS_REGISTERED, "Register" },
    { SP_STATUS_ASSIGNED, "Assign to unit" },
    { SP_STATUS_ACKNOWLEDGED, "Acknowledge receipt" },
    { SP_STATUS_INVESTIGATING, "Start investigation" },
    { SP_STATUS_AWAITING_PROVIDER, "Await provider's account" },
    { SP_STATUS_ASSESSED, "Mark as assessed" },
    { SP_STATUS_FEEDBACK_GIVEN, "Record feedback" },
    { SP_STATUS_CLOSED, "Close" },
    { SP_STATUS_FORWARDED_ELSEWHERE, "Forward elsewhere" },
    { SP_STATUS_OTHER_ROUTINE, "Hand over to other routine" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    g_assert_cmpstr (sp_workflow_get_action_label (labels[i].to), ==, labels[i].label);

  /* Nothing leads to received, and nonsense has no label. */
  g_assert_null (sp_workflow_get_action_label (SP_STATUS_RECEIVED));
  g_assert_null (sp_workflow_get_action_label (SP_N_STATUSES));
  g_assert_null (sp_workflow_get_action_label ((SpStatus)-1));
}

static void
test_invalid (void)
{
  guint everyone = (1u << SP_N_ROLES) - 1;

  /* A target out of range, as from a bad request. */
  {
    g_autoptr(SpCase) c = make_case (SP_STATUS_RECEIVED, SP_CASE_KIND_OPINION, FALSE, FALSE);
    g_autoptr(GError) error = NULL;

    g_assert_false (sp_workflow_check (c, SP_N_STATUSES, everyone, &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_TRANSITION);
    g_clear_error (&error);
    g_assert_false (sp_workflow_check (c, (SpStatus)-1, everyone, &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_TRANSITION);
  }

  /* A case in a state that does not exist goes nowhere. */
  {
    g_autoptr(SpCase) c = make_case ((SpStatus)42, SP_CASE_KIND_OPINION, FALSE, FALSE);
    g_autoptr(GError) error = NULL;
    SpStatus targets[SP_N_STATUSES];

    g_assert_false (sp_workflow_check (c, SP_STATUS_CLOSED, everyone, &error));
    g_assert_error (error, SP_ERROR, SP_ERROR_TRANSITION);
    g_assert_cmpuint (sp_workflow_get_targets (c, everyone, targets), ==, 0);
  }

  g_assert_cmpuint (sp_workflow_get_roles (SP_N_STATUSES, SP_STATUS_CLOSED), ==, 0);
  g_assert_false (sp_workflow_is_allowed (SP_STATUS_RECEIVED, SP_N_STATUSES, everyone));

  /* The refusal names the states in words. */
  {
    g_autoptr(SpCase) c = make_case (SP_STATUS_RECEIVED, SP_CASE_KIND_OPINION, FALSE, FALSE);
    g_autoptr(GError) error = NULL;

    g_assert_false (sp_workflow_check (c, SP_STATUS_CLOSED, everyone, &error));
    g_assert_nonnull (strstr (error->message, "Received"));
    g_assert_nonnull (strstr (error->message, "Closed"));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workflow/every-pair-and-role", test_every_pair_and_role);
  g_test_add_func ("/workflow/roles-without-transitions", test_roles_without_transitions);
  g_test_add_func ("/workflow/combined-roles", test_combined_roles);
  g_test_add_func ("/workflow/anonymous", test_anonymous);
  g_test_add_func ("/workflow/feedback-before-closing", test_feedback_before_closing);
  g_test_add_func ("/workflow/registration-first", test_registration_first);
  g_test_add_func ("/workflow/happy-path", test_happy_path);
  g_test_add_func ("/workflow/targets", test_targets);
  g_test_add_func ("/workflow/action-labels", test_action_labels);
  g_test_add_func ("/workflow/invalid", test_invalid);

  return g_test_run ();
}
