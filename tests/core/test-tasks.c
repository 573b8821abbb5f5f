/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-test"

#include "config.h"

#include <string.h>

#include "hearth-clock.h"
#include "hearth-permissions.h"
#include "hearth-tasks.h"
#include "hearth-tasks-private.h"
#include "hearth-test-common.h"
#include "hearth-test-family.h"
#include "hearth-test-scheduler.h"
#include "hearth-validation.h"

/*
 * A circle's tasks: made by an editor, moved through their statuses with a log
 * row for each move, given only to members, deleted by an admin with the
 * deletion audited; a visitor reads. Each refusal writes nothing.
 */

typedef struct
{
  HearthTestFamily  family;    /* Olivia's "Family" */
  HearthTasks      *tasks;
  HearthActor      *editor;
  HearthActor      *visitor;
  HearthActor      *outsider;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");

  hearth_test_family_set_up (&f->family, "Olivia", "Family");
  f->tasks = hearth_tasks_new (hearth_auth_get_guard (f->family.auth));
  _hearth_tasks_set_time_zone (f->tasks, berlin);
  f->editor = hearth_test_family_add (&f->family, "Edith", HEARTH_ROLE_EDITOR);
  f->visitor = hearth_test_family_add (&f->family, "Victor", HEARTH_ROLE_VISITOR);
  f->outsider = hearth_test_family_add (&f->family, "Oscar", HEARTH_ROLE_NONE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hearth_test_finalize (&f->tasks);
  hearth_test_family_tear_down (&f->family);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return hearth_test_query_int (f->family.store, sql);
}

/* How many index rows of kind "task" hold @word. */
static gint64
indexed (Fixture    *f,
         const char *word)
{
  return hearth_test_count (f->family.store,
                            "SELECT count(*) FROM search_index WHERE search_index MATCH '\"%s\"' AND rowid & 15 = 2",
                            word);
}

static HearthTask *
create (Fixture     *f,
        HearthActor *actor,
        const char  *title)
{
  g_autoptr (GError) error = NULL;
  HearthTask *task = hearth_tasks_create (f->tasks, actor, f->family.circle_id, title, &error);

  g_assert_no_error (error);
  g_assert_nonnull (task);
  return task;
}

/* An editor makes a task: to do, given to nobody, logged as made, indexed. */
static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (HearthTask) task = create (f, f->editor, "  Take out the bins  ");
  g_autoptr (HearthTask) again = NULL;
  g_autoptr (GError) error = NULL;
  guint n_assignees = 99;

  g_assert_cmpstr (hearth_task_get_title (task), ==, "Take out the bins");
  g_assert_cmpint (hearth_task_get_status (task), ==, HEARTH_TASK_STATUS_TODO);
  g_assert_cmpint (hearth_task_get_circle_id (task), ==, f->family.circle_id);
  g_assert_cmpint (hearth_task_get_creator_id (task), ==, hearth_actor_get_user_id (f->editor));
  g_assert_cmpint (hearth_task_get_created_at (task), ==, HEARTH_TEST_EPOCH);
  g_assert_cmpint (hearth_task_get_due_at (task), ==, 0);
  hearth_task_get_assignee_ids (task, &n_assignees);
  g_assert_cmpuint (n_assignees, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM task_logs WHERE old_status IS NULL AND new_status = 'TODO'"), ==,
                   1);
  g_assert_cmpint (indexed (f, "bins"), ==, 1);

  /* A visitor reads it. */
  again = hearth_tasks_get (f->tasks, f->visitor, hearth_task_get_id (task), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_task_get_title (again), ==, "Take out the bins");
}

/* What is refused writes nothing: a visitor making one, an outsider reading
 * one, an empty or too long title, a line break. */
static void
test_create_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (HearthTask) task = create (f, f->family.owner, "Homework");
  g_autofree char *long_title = g_strnfill (HEARTH_TASK_MAX_TITLE + 1, 'x');
  g_autofree char *very_long_title = g_strnfill (10000, 'x');
  const char *bad_titles[] = { "", "   ", long_title, very_long_title, "Two\nlines" };
  g_autoptr (GError) error = NULL;

  g_assert_null (hearth_tasks_create (f->tasks, f->visitor, f->family.circle_id, "Mine", &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (hearth_tasks_get (f->tasks, f->outsider, hearth_task_get_id (task), &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  for (guint i = 0; i < G_N_ELEMENTS (bad_titles); i++)
    {
      g_assert_null (hearth_tasks_create (f->tasks, f->family.owner, f->family.circle_id, bad_titles[i], &error));
      g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_TITLE);
      /* The message names the field: the quick-add line has no label. */
      g_assert_nonnull (strstr (error->message, "title"));
      g_clear_error (&error);
    }
  g_assert_cmpint (count (f, "SELECT count(*) FROM tasks"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM task_logs"), ==, 1);
}

/* Each move is one log row with the old and new status, and who moved it; a
 * move to where it is already writes nothing; a visitor moves nothing. */
static void
test_status (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (HearthTask) task = create (f, f->family.owner, "Dishes");
  g_autoptr (HearthTask) done = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = hearth_task_get_id (task);

  hearth_clock_advance (f->family.clock, G_TIME_SPAN_MINUTE);
  g_assert_true (hearth_tasks_set_status (f->tasks, f->editor, id, HEARTH_TASK_STATUS_IN_PROGRESS, &error));
  g_assert_no_error (error);
  g_assert_true (hearth_tasks_set_status (f->tasks, f->editor, id, HEARTH_TASK_STATUS_IN_PROGRESS, &error));
  g_assert_no_error (error);
  g_assert_true (hearth_tasks_set_status (f->tasks, f->editor, id, HEARTH_TASK_STATUS_DONE, &error));
  g_assert_no_error (error);
  g_assert_false (hearth_tasks_set_status (f->tasks, f->visitor, id, HEARTH_TASK_STATUS_TODO, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);

  done = hearth_tasks_get (f->tasks, f->visitor, id, NULL);
  g_assert_cmpint (hearth_task_get_status (done), ==, HEARTH_TASK_STATUS_DONE);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM task_logs WHERE old_status = 'TODO' "
                                      "AND new_status = 'IN_PROGRESS' AND updated_by = %" G_GINT64_FORMAT
                                      " AND created_at = %" G_GINT64_FORMAT,
                                      hearth_actor_get_user_id (f->editor), HEARTH_TEST_EPOCH + G_TIME_SPAN_MINUTE),
                   ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM task_logs WHERE old_status = 'IN_PROGRESS' "
                             "AND new_status = 'DONE'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM task_logs"), ==, 3);
}

/* A task goes to members of its circle only, once each, logged. */
static void
test_assign (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (HearthTask) task = create (f, f->family.owner, "Walk the dog");
  g_autoptr (HearthTask) given = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = hearth_task_get_id (task);
  gint64 victor = hearth_actor_get_user_id (f->visitor);
  gint64 edith = hearth_actor_get_user_id (f->editor);
  const gint64 *ids;
  guint n = 0;

  g_assert_true (hearth_tasks_assign (f->tasks, f->editor, id, victor, &error));
  g_assert_no_error (error);
  g_assert_true (hearth_tasks_assign (f->tasks, f->editor, id, edith, &error));
  g_assert_no_error (error);
  g_assert_true (hearth_tasks_assign (f->tasks, f->editor, id, victor, &error));
  g_assert_no_error (error);

  g_assert_false (hearth_tasks_assign (f->tasks, f->editor, id, hearth_actor_get_user_id (f->outsider), &error));
  g_assert_error (error, HEARTH_TASKS_ERROR, HEARTH_TASKS_ERROR_NOT_A_MEMBER);
  g_clear_error (&error);
  g_assert_false (hearth_tasks_assign (f->tasks, f->visitor, id, victor, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  given = hearth_tasks_get (f->tasks, f->family.owner, id, NULL);
  ids = hearth_task_get_assignee_ids (given, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (ids[0], ==, MIN (victor, edith));
  g_assert_cmpint (ids[1], ==, MAX (victor, edith));
  g_assert_true (hearth_task_is_assigned_to (given, victor));
  g_assert_false (hearth_task_is_assigned_to (given, hearth_actor_get_user_id (f->outsider)));
  g_assert_cmpint (count (f, "SELECT count(*) FROM task_assignments"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM task_logs WHERE old_status = new_status "
                             "AND json_extract (changes, '$.assigned') IS NOT NULL"), ==, 2);

  /* Taken back: logged once; again, nothing; a visitor may not. */
  g_assert_false (hearth_tasks_unassign (f->tasks, f->visitor, id, victor, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (hearth_tasks_unassign (f->tasks, f->editor, id, victor, &error));
  g_assert_true (hearth_tasks_unassign (f->tasks, f->editor, id, victor, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM task_assignments"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM task_logs WHERE json_extract (changes, '$.unassigned') IS NOT NULL"),
                   ==, 1);
}

/* An admin's deletion retires the task: gone from reading and the search,
 * its log kept with the deletion, the audit log naming who. An editor may not. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (HearthTask) task = create (f, f->family.owner, "Paint the fence");
  g_autoptr (GError) error = NULL;
  gint64 id = hearth_task_get_id (task);

  g_assert_false (hearth_tasks_delete (f->tasks, f->editor, id, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (indexed (f, "fence"), ==, 1);

  g_assert_true (hearth_tasks_delete (f->tasks, f->family.owner, id, &error));
  g_assert_no_error (error);
  g_assert_null (hearth_tasks_get (f->tasks, f->family.owner, id, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hearth_tasks_delete (f->tasks, f->family.owner, id, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);

  g_assert_cmpint (indexed (f, "fence"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tasks WHERE deleted_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM task_logs WHERE json_extract (changes, '$.deleted') = 1"), ==,
                   1);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM audit_logs WHERE action = 'task.deleted' "
                                      "AND entity_type = 'task' AND entity_id = %" G_GINT64_FORMAT
                                      " AND actor_id = %" G_GINT64_FORMAT,
                                      id, hearth_actor_get_user_id (f->family.owner)),
                   ==, 1);
}

static gint64
berlin (int year,
        int month,
        int day,
        int hour)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GDateTime) time = g_date_time_new (zone, year, month, day, hour, 0, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

static HearthTask *
reread (Fixture *f,
        gint64   id)
{
  g_autoptr (GError) error = NULL;
  HearthTask *task = hearth_tasks_get (f->tasks, f->family.owner, id, &error);

  g_assert_no_error (error);
  return task;
}

/* A weekly chore done comes back to do, due a week later at the same hour,
 * across the clocks going back on 25 October; each step logged once. */
static void
test_weekly_chore (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (HearthTask) task = create (f, f->family.owner, "Take out the bins");
  g_autoptr (HearthTask) first = NULL;
  g_autoptr (HearthTask) second = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = hearth_task_get_id (task);

  g_assert_true (hearth_tasks_set_due (f->tasks, f->editor, id, berlin (2026, 10, 17, 8), FALSE,
                                       "FREQ=WEEKLY;BYDAY=SA", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM task_logs WHERE old_status = new_status "
                             "AND json_extract (changes, '$.recurrence.new') = 'FREQ=WEEKLY;BYDAY=SA'"), ==, 1);

  g_assert_true (hearth_tasks_set_status (f->tasks, f->editor, id, HEARTH_TASK_STATUS_DONE, &error));
  g_assert_no_error (error);
  first = reread (f, id);
  g_assert_cmpint (hearth_task_get_status (first), ==, HEARTH_TASK_STATUS_TODO);
  g_assert_cmpint (hearth_task_get_due_at (first), ==, berlin (2026, 10, 24, 8));

  g_assert_true (hearth_tasks_set_status (f->tasks, f->editor, id, HEARTH_TASK_STATUS_DONE, &error));
  g_assert_no_error (error);
  second = reread (f, id);
  g_assert_cmpint (hearth_task_get_due_at (second), ==, berlin (2026, 10, 31, 8));
  /* A week and an hour: the clocks went back. */
  g_assert_cmpint (hearth_task_get_due_at (second) - hearth_task_get_due_at (first), ==,
                   7 * G_TIME_SPAN_DAY + G_TIME_SPAN_HOUR);
  g_assert_cmpint (count (f, "SELECT count(*) FROM task_logs WHERE old_status = 'TODO' AND new_status = 'DONE'"),
                   ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM task_logs WHERE old_status = 'DONE' AND new_status = 'TODO' "
                             "AND json_extract (changes, '$.due_at.new') IS NOT NULL"), ==, 2);
}

/* A rule that ends: done after its last occurrence, it stays done. */
static void
test_rule_that_ends (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (HearthTask) task = create (f, f->family.owner, "Revise for the exam");
  g_autoptr (HearthTask) done = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = hearth_task_get_id (task);

  g_assert_true (hearth_tasks_set_due (f->tasks, f->family.owner, id, berlin (2026, 11, 30, 17), FALSE,
                                       "FREQ=DAILY;COUNT=2", &error));
  g_assert_no_error (error);
  g_assert_true (hearth_tasks_set_status (f->tasks, f->family.owner, id, HEARTH_TASK_STATUS_DONE, &error));
  g_assert_true (hearth_tasks_set_status (f->tasks, f->family.owner, id, HEARTH_TASK_STATUS_DONE, &error));
  g_assert_no_error (error);
  done = reread (f, id);
  g_assert_cmpint (hearth_task_get_status (done), ==, HEARTH_TASK_STATUS_DONE);
  g_assert_cmpint (hearth_task_get_due_at (done), ==, berlin (2026, 12, 1, 17));
}

/* A due time outside the years 1 to 9999, a rule that never falls on a day
 * or cannot be read, a rule without a due time: refused, nothing written. */
static void
test_due_refused (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (HearthTask) task = create (f, f->family.owner, "Dentist");
  g_autoptr (HearthTask) unchanged = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = hearth_task_get_id (task);
  /* 1 January of the year 0, and of 99999 */
  const gint64 out_of_range[] = { G_GINT64_CONSTANT (-62167219200) * G_USEC_PER_SEC,
                                  G_GINT64_CONSTANT (3093527980800) * G_USEC_PER_SEC };
  const char *rules[] = { "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31", "sometimes", "FREQ=MINUTELY" };

  for (guint i = 0; i < G_N_ELEMENTS (out_of_range); i++)
    {
      g_assert_false (hearth_tasks_set_due (f->tasks, f->family.owner, id, out_of_range[i], FALSE, NULL, &error));
      g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_DATE);
      g_clear_error (&error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_assert_false (hearth_tasks_set_due (f->tasks, f->family.owner, id, berlin (2026, 12, 1, 9), FALSE, rules[i],
                                            &error));
      g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_RECURRENCE);
      g_clear_error (&error);
    }
  g_assert_false (hearth_tasks_set_due (f->tasks, f->family.owner, id, 0, FALSE, "FREQ=DAILY", &error));
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_RECURRENCE);
  g_clear_error (&error);
  g_assert_false (hearth_tasks_set_due (f->tasks, f->visitor, id, berlin (2026, 12, 1, 9), FALSE, NULL, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);

  unchanged = reread (f, id);
  g_assert_cmpint (hearth_task_get_due_at (unchanged), ==, 0);
  g_assert_null (hearth_task_get_recurrence (unchanged));
  g_assert_cmpint (count (f, "SELECT count(*) FROM task_logs"), ==, 1);
}

/* A member who is removed from the circle, or leaves it, is given none of its
 * tasks any more; the others keep theirs. */
static void
test_leaving_unassigns (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (HearthTask) task = create (f, f->family.owner, "Feed the cat");
  g_autoptr (HearthTask) after = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = hearth_task_get_id (task);
  gint64 victor = hearth_actor_get_user_id (f->visitor);
  gint64 edith = hearth_actor_get_user_id (f->editor);

  g_assert_true (hearth_tasks_assign (f->tasks, f->family.owner, id, victor, &error));
  g_assert_true (hearth_tasks_assign (f->tasks, f->family.owner, id, edith, &error));
  g_assert_no_error (error);

  g_assert_true (hearth_circles_remove_member (f->family.circles, f->family.owner, f->family.circle_id, victor,
                                               &error));
  g_assert_no_error (error);
  after = reread (f, id);
  g_assert_false (hearth_task_is_assigned_to (after, victor));
  g_assert_true (hearth_task_is_assigned_to (after, edith));

  g_assert_true (hearth_circles_leave (f->family.circles, f->editor, f->family.circle_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM task_assignments"), ==, 0);
}

/* Title and notes change together, logged with their old and new values, and
 * the search follows; unchanged, nothing is written; a visitor changes nothing. */
static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (HearthTask) task = create (f, f->family.owner, "Bake a cake");
  g_autoptr (HearthTask) edited = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = hearth_task_get_id (task);

  g_assert_true (hearth_tasks_edit (f->tasks, f->editor, id, "Bake a pie", "  Apples from the market\n", &error));
  g_assert_no_error (error);
  edited = reread (f, id);
  g_assert_cmpstr (hearth_task_get_title (edited), ==, "Bake a pie");
  g_assert_cmpstr (hearth_task_get_notes (edited), ==, "Apples from the market");
  g_assert_cmpint (indexed (f, "cake"), ==, 0);
  g_assert_cmpint (indexed (f, "pie"), ==, 1);
  g_assert_cmpint (indexed (f, "apples"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM task_logs WHERE json_extract (changes, '$.title.old') = "
                             "'Bake a cake' AND json_extract (changes, '$.title.new') = 'Bake a pie' "
                             "AND json_extract (changes, '$.notes.old') = ''"), ==, 1);

  g_assert_true (hearth_tasks_edit (f->tasks, f->editor, id, "Bake a pie", "Apples from the market", &error));
  g_assert_no_error (error);
  g_assert_false (hearth_tasks_edit (f->tasks, f->visitor, id, "Mine now", NULL, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hearth_tasks_edit (f->tasks, f->editor, id, " ", NULL, &error));
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_TITLE);
  g_assert_cmpint (count (f, "SELECT count(*) FROM task_logs"), ==, 2);
}

/* Rewards ---------------------------------------------------------------------------------- */

/* A chore worth 2.50, given to the editor (the child), and the wallet its
 * pocket money goes to. */
static gint64
pocket_money_chore (Fixture *f,
                    gint64  *out_wallet)
{
  g_autoptr (HearthTask) task = create (f, f->family.owner, "Take out the bins");
  g_autoptr (HearthAccount) wallet = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = hearth_task_get_id (task);

  wallet = hearth_finance_create_account (f->family.finance, f->family.owner, f->family.circle_id,
                                          "Edith's pocket money", "WALLET", "EUR", &error);
  g_assert_no_error (error);
  *out_wallet = hearth_account_get_id (wallet);
  g_assert_true (hearth_tasks_assign (f->tasks, f->family.owner, id, hearth_actor_get_user_id (f->editor), &error));
  g_assert_true (hearth_tasks_set_reward (f->tasks, f->family.owner, id, 250, &error));
  g_assert_no_error (error);
  return id;
}

static gint64
balance (Fixture *f,
         gint64   account_id)
{
  return hearth_test_count (f->family.store, "SELECT balance FROM accounts WHERE id = %" G_GINT64_FORMAT, account_id);
}

/* Everything an approval writes, for "nothing written". */
static char *
reward_snapshot (Fixture *f)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
                          "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                          count (f, "SELECT count(*) FROM transactions"),
                          count (f, "SELECT count(*) FROM transaction_logs"),
                          count (f, "SELECT ifnull (sum (balance), 0) FROM accounts"),
                          count (f, "SELECT count(*) FROM task_logs"),
                          count (f, "SELECT count(*) FROM audit_logs"),
                          count (f, "SELECT count(*) FROM task_completions WHERE approved_by IS NOT NULL"));
}

/* The child does the chore; a parent approves it: the wallet gets the reward,
 * with the task's log, the transaction's log and an audit row; the Undo voids
 * it and the chore waits again. */
static void
test_reward_approved (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GPtrArray) waiting = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GError) error = NULL;
  gint64 wallet;
  gint64 id = pocket_money_chore (f, &wallet);
  gint64 completion;
  gint64 transaction;
  gint64 logs;

  completion = hearth_tasks_complete (f->tasks, f->editor, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (completion, >, 0);
  waiting = hearth_tasks_list_waiting (f->tasks, f->family.owner, f->family.circle_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (waiting->len, ==, 1);
  g_assert_cmpint (((HearthTaskCompletion *) waiting->pdata[0])->earner_id, ==, hearth_actor_get_user_id (f->editor));
  g_assert_cmpint (((HearthTaskCompletion *) waiting->pdata[0])->reward, ==, 250);
  g_assert_cmpstr (((HearthTaskCompletion *) waiting->pdata[0])->title, ==, "Take out the bins");

  logs = count (f, "SELECT count(*) FROM task_logs");
  transaction = hearth_tasks_approve (f->tasks, f->family.owner, completion, wallet, &error);
  g_assert_no_error (error);
  g_assert_cmpint (transaction, >, 0);
  g_assert_cmpint (balance (f, wallet), ==, 250);
  g_assert_cmpint (count (f, "SELECT count(*) FROM task_logs"), ==, logs + 1);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transactions WHERE id = %" G_GINT64_FORMAT
                                      " AND direction = 'IN' AND amount = 250 AND status = 'POSTED' "
                                      "AND description = 'Reward: Take out the bins'", transaction), ==, 1);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transaction_logs WHERE transaction_id = %"
                                      G_GINT64_FORMAT, transaction), ==, 1);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM task_completions WHERE id = %"
                                      G_GINT64_FORMAT " AND transaction_id = %" G_GINT64_FORMAT,
                                      completion, transaction), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_logs WHERE action = 'task.approved'"), ==, 1);
  after = hearth_tasks_list_waiting (f->tasks, f->family.owner, f->family.circle_id, &error);
  g_assert_cmpuint (after->len, ==, 0);

  /* Approved, the completion is not undone until the approval is. */
  g_assert_false (hearth_tasks_undo_completion (f->tasks, f->editor, completion, &error));
  g_assert_error (error, HEARTH_TASKS_ERROR, HEARTH_TASKS_ERROR_APPROVED);
  g_clear_error (&error);

  g_assert_true (hearth_tasks_undo_approval (f->tasks, f->family.owner, completion, &error));
  g_assert_no_error (error);
  g_assert_cmpint (balance (f, wallet), ==, 0);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transactions WHERE id = %" G_GINT64_FORMAT
                                      " AND status = 'VOIDED'", transaction), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_logs WHERE action = 'task.unapproved'"), ==, 1);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = hearth_tasks_list_waiting (f->tasks, f->family.owner, f->family.circle_id, &error);
  g_assert_cmpuint (after->len, ==, 1);
}

/* One's own chore, twice, without a reward, into another circle's account,
 * by an editor or a visitor: refused, each naming what is wrong, nothing
 * written. */
static void
test_reward_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (HearthCircle) other = NULL;
  g_autoptr (HearthAccount) elsewhere = NULL;
  g_autoptr (HearthTask) plain = create (f, f->family.owner, "Water the plants");
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 wallet;
  gint64 id = pocket_money_chore (f, &wallet);
  gint64 completion;
  gint64 unpaid;

  other = hearth_circles_create (f->family.circles, f->family.owner, "Book club", &error);
  g_assert_no_error (error);
  elsewhere = hearth_finance_create_account (f->family.finance, f->family.owner, hearth_circle_get_id (other),
                                             "Club kitty", "WALLET", "EUR", &error);
  g_assert_no_error (error);

  g_assert_false (hearth_tasks_set_reward (f->tasks, f->editor, id, 1000, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hearth_tasks_set_reward (f->tasks, f->family.owner, id, -5, &error));
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_AMOUNT);
  g_clear_error (&error);

  completion = hearth_tasks_complete (f->tasks, f->editor, id, &error);
  g_assert_no_error (error);
  /* Done by its owner, unassigned: it pays nobody. */
  unpaid = hearth_tasks_complete (f->tasks, f->family.owner, hearth_task_get_id (plain), &error);
  g_assert_no_error (error);

  before = reward_snapshot (f);
  g_assert_cmpint (hearth_tasks_approve (f->tasks, f->editor, completion, wallet, &error), ==, 0);
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (hearth_tasks_approve (f->tasks, f->visitor, completion, wallet, &error), ==, 0);
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (hearth_tasks_approve (f->tasks, f->family.owner, completion,
                                         hearth_account_get_id (elsewhere), &error), ==, 0);
  g_assert_error (error, HEARTH_TASKS_ERROR, HEARTH_TASKS_ERROR_ACCOUNT);
  g_assert_nonnull (strstr (error->message, "account"));
  g_clear_error (&error);
  g_assert_cmpint (hearth_tasks_approve (f->tasks, f->family.owner, unpaid, wallet, &error), ==, 0);
  g_assert_error (error, HEARTH_TASKS_ERROR, HEARTH_TASKS_ERROR_NO_REWARD);
  g_clear_error (&error);
  after = reward_snapshot (f);
  g_assert_cmpstr (before, ==, after);

  /* The owner's own chore: given to the owner, done, and approved by the
   * owner, refused; by the admin, paid. */
  {
    g_autoptr (HearthTask) own = create (f, f->family.owner, "Mow the lawn");
    HearthActor *admin = hearth_test_family_add (&f->family, "Adam", HEARTH_ROLE_ADMIN);
    gint64 own_completion;

    g_assert_true (hearth_tasks_assign (f->tasks, f->family.owner, hearth_task_get_id (own),
                                        hearth_actor_get_user_id (f->family.owner), &error));
    g_assert_true (hearth_tasks_set_reward (f->tasks, f->family.owner, hearth_task_get_id (own), 500, &error));
    own_completion = hearth_tasks_complete (f->tasks, f->family.owner, hearth_task_get_id (own), &error);
    g_assert_no_error (error);
    g_clear_pointer (&before, g_free);
    before = reward_snapshot (f);
    g_assert_cmpint (hearth_tasks_approve (f->tasks, f->family.owner, own_completion, wallet, &error), ==, 0);
    g_assert_error (error, HEARTH_TASKS_ERROR, HEARTH_TASKS_ERROR_OWN_CHORE);
    g_clear_error (&error);
    g_clear_pointer (&after, g_free);
    after = reward_snapshot (f);
    g_assert_cmpstr (before, ==, after);
    g_assert_cmpint (hearth_tasks_approve (f->tasks, admin, own_completion, wallet, &error), >, 0);
    g_assert_no_error (error);
  }

  g_assert_cmpint (hearth_tasks_approve (f->tasks, f->family.owner, completion, wallet, &error), >, 0);
  g_assert_no_error (error);
  g_clear_pointer (&before, g_free);
  before = reward_snapshot (f);
  g_assert_cmpint (hearth_tasks_approve (f->tasks, f->family.owner, completion, wallet, &error), ==, 0);
  g_assert_error (error, HEARTH_TASKS_ERROR, HEARTH_TASKS_ERROR_ALREADY_APPROVED);
  g_clear_pointer (&after, g_free);
  after = reward_snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

/* A failure in any of what an approval writes (the transaction, its log, the
 * balance, the completion, the task's log, the audit row) leaves everything
 * as it was; then, without it, the approval goes through. */
static void
test_reward_failure_leaves_nothing (Fixture       *f,
                                    gconstpointer  data)
{
  static const char * const failing[] = {
    "INSERT ON main.transactions", "INSERT ON main.transaction_logs", "UPDATE ON main.accounts",
    "UPDATE ON main.task_completions", "INSERT ON main.task_logs", "INSERT ON main.audit_logs",
  };
  g_autoptr (GError) error = NULL;
  gint64 wallet;
  gint64 id = pocket_money_chore (f, &wallet);
  gint64 completion = hearth_tasks_complete (f->tasks, f->editor, id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (failing); i++)
    {
      g_autofree char *trigger = g_strdup_printf ("CREATE TEMP TRIGGER injected_failure BEFORE %s "
                                                  "BEGIN SELECT RAISE (ABORT, 'injected failure'); END",
                                                  failing[i]);
      g_autofree char *before = reward_snapshot (f);
      g_autofree char *after = NULL;

      g_test_message ("failing: %s", failing[i]);
      g_assert_true (hearth_store_execute (f->family.store, trigger, NULL));
      g_assert_cmpint (hearth_tasks_approve (f->tasks, f->family.owner, completion, wallet, &error), ==, 0);
      g_assert_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_CONSTRAINT);
      g_clear_error (&error);
      after = reward_snapshot (f);
      g_assert_cmpstr (before, ==, after);
      g_assert_true (hearth_store_execute (f->family.store, "DROP TRIGGER temp.injected_failure", NULL));
    }
  g_assert_cmpint (hearth_tasks_approve (f->tasks, f->family.owner, completion, wallet, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (balance (f, wallet), ==, 250);
}

/* Completing a weekly chore and undoing it: due again when it was, to do,
 * the completion marked undone, logged; only the last completion undoes. */
static void
test_undo_completion (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (HearthTask) task = create (f, f->family.owner, "Feed the cat");
  g_autoptr (HearthTask) undone = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = hearth_task_get_id (task);
  gint64 first;
  gint64 second;

  g_assert_true (hearth_tasks_set_due (f->tasks, f->editor, id, berlin (2026, 12, 5, 9), FALSE,
                                       "FREQ=WEEKLY;BYDAY=SA", &error));
  first = hearth_tasks_complete (f->tasks, f->editor, id, &error);
  second = hearth_tasks_complete (f->tasks, f->editor, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second, >, first);

  g_assert_false (hearth_tasks_undo_completion (f->tasks, f->editor, first, &error));
  g_assert_error (error, HEARTH_TASKS_ERROR, HEARTH_TASKS_ERROR_NOT_DONE);
  g_clear_error (&error);
  g_assert_false (hearth_tasks_undo_completion (f->tasks, f->visitor, second, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_true (hearth_tasks_undo_completion (f->tasks, f->editor, second, &error));
  g_assert_no_error (error);
  undone = reread (f, id);
  g_assert_cmpint (hearth_task_get_status (undone), ==, HEARTH_TASK_STATUS_TODO);
  g_assert_cmpint (hearth_task_get_due_at (undone), ==, berlin (2026, 12, 12, 9));
  g_assert_cmpint (count (f, "SELECT count(*) FROM task_completions WHERE undone_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM task_logs WHERE json_extract (changes, '$.undone') IS NOT NULL "
                             "AND json_extract (changes, '$.due_at.new') IS NOT NULL"), ==, 1);

  /* And a plain task: done, then to do again by its status, undoes its
   * completion too. */
  {
    g_autoptr (HearthTask) plain = create (f, f->family.owner, "Call the plumber");

    g_assert_cmpint (hearth_tasks_complete (f->tasks, f->editor, hearth_task_get_id (plain), &error), >, 0);
    g_assert_true (hearth_tasks_set_status (f->tasks, f->editor, hearth_task_get_id (plain),
                                            HEARTH_TASK_STATUS_TODO, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (f, "SELECT count(*) FROM task_completions WHERE undone_at IS NOT NULL"), ==, 2);
  }
}

/* Where the page shows a task, on Wednesday 2 December 2026 at noon in
 * Berlin: a day gone is overdue; today's tasks are today's, also one due at
 * 11:00, so that the sections follow the lists' order. */
static void
test_sections (Fixture       *f,
               gconstpointer  data)
{
  static const struct
  {
    int               day;
    int               hour;
    gboolean          all_day;
    HearthTaskSection section;
  } cases[] = {
    { 1, 0, TRUE, HEARTH_TASK_SECTION_OVERDUE },
    { 2, 11, FALSE, HEARTH_TASK_SECTION_TODAY },
    { 2, 0, TRUE, HEARTH_TASK_SECTION_TODAY },
    { 2, 13, FALSE, HEARTH_TASK_SECTION_TODAY },
    { 3, 0, TRUE, HEARTH_TASK_SECTION_THIS_WEEK },
    { 8, 23, FALSE, HEARTH_TASK_SECTION_THIS_WEEK },
    { 9, 0, TRUE, HEARTH_TASK_SECTION_LATER },
  };
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GDateTime) now = g_date_time_new (zone, 2026, 12, 2, 12, 0, 0);
  g_autoptr (HearthTask) undated = create (f, f->family.owner, "Some day");
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (hearth_task_get_section (undated, now), ==, HEARTH_TASK_SECTION_NO_DATE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (HearthTask) task = create (f, f->family.owner, "Due");
      g_autoptr (HearthTask) due = NULL;

      g_assert_true (hearth_tasks_set_due (f->tasks, f->family.owner, hearth_task_get_id (task),
                                           berlin (2026, 12, cases[i].day, cases[i].hour), cases[i].all_day, NULL,
                                           &error));
      g_assert_no_error (error);
      due = reread (f, hearth_task_get_id (task));
      g_assert_cmpint (hearth_task_get_section (due, now), ==, cases[i].section);
      if (i == 0)
        {
          g_autoptr (HearthTask) done = NULL;

          g_assert_true (hearth_tasks_set_status (f->tasks, f->family.owner, hearth_task_get_id (task),
                                                  HEARTH_TASK_STATUS_DONE, &error));
          done = reread (f, hearth_task_get_id (task));
          g_assert_cmpint (hearth_task_get_section (done, now), ==, HEARTH_TASK_SECTION_DONE);
        }
    }
}

/* Home's "Due today": the editor's tasks to do, due before the day ends,
 * overdue ones first; not others', not those done, not tomorrow's. The
 * clock is at noon of 26 November 2026 in Berlin (HEARTH_TEST_EPOCH). */
static void
test_due_today (Fixture       *f,
                gconstpointer  data)
{
  static const struct
  {
    const char *title;
    int         day;
    int         hour;
    gboolean    mine;
    gboolean    done;
    gboolean    listed;
  } cases[] = {
    { "Tonight", 26, 20, TRUE, FALSE, TRUE },
    { "Yesterday's", 25, 9, TRUE, FALSE, TRUE },
    { "Tomorrow's", 27, 9, TRUE, FALSE, FALSE },
    { "Someone else's", 26, 20, FALSE, FALSE, FALSE },
    { "Done already", 26, 8, TRUE, TRUE, FALSE },
  };
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (HearthTask) task = create (f, f->family.owner, cases[i].title);
      gint64 id = hearth_task_get_id (task);

      g_assert_true (hearth_tasks_set_due (f->tasks, f->family.owner, id, berlin (2026, 11, cases[i].day,
                                                                                  cases[i].hour),
                                           FALSE, NULL, &error));
      g_assert_true (hearth_tasks_assign (f->tasks, f->family.owner, id,
                                          hearth_actor_get_user_id (cases[i].mine ? f->editor : f->visitor), &error));
      if (cases[i].done)
        g_assert_true (hearth_tasks_set_status (f->tasks, f->family.owner, id, HEARTH_TASK_STATUS_DONE, &error));
      g_assert_no_error (error);
    }
  due = hearth_tasks_list_due_today (f->tasks, f->editor, f->family.circle_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpstr (hearth_task_get_title (g_ptr_array_index (due, 0)), ==, "Yesterday's");
  g_assert_cmpstr (hearth_task_get_title (g_ptr_array_index (due, 1)), ==, "Tonight");
  g_assert_null (hearth_tasks_list_due_today (f->tasks, f->outsider, f->family.circle_id, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
}

/* Lists ------------------------------------------------------------------------------------ */

/* The ids of a list, read in the order @order gives (each position once), as
 * "id id id …" in list order. */
static char *
read_list (GListModel  *model,
           const guint *order)
{
  guint n = g_list_model_get_n_items (model);
  g_autofree gint64 *ids = g_new0 (gint64, MAX (n, 1));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      guint position = order != NULL ? order[i] : i;
      g_autoptr (HearthTask) task = g_list_model_get_item (model, position);

      ids[position] = hearth_task_get_id (task);
    }
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%" G_GINT64_FORMAT " ", ids[i]);
  return g_string_free (text, FALSE);
}

/* What SQL of the test's own says the list is. */
static char *
expected_list (Fixture    *f,
               const char *sql,
               gint64      user_id)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GError) error = NULL;
  GString *text = g_string_new (NULL);

  statement = hearth_store_prepare (f->family.store, sql, &error);
  g_assert_no_error (error);
  if (user_id != 0)
    hearth_statement_bind_int64 (statement, 1, user_id);
  while (hearth_statement_next_row (statement, &error))
    g_string_append_printf (text, "%" G_GINT64_FORMAT " ", hearth_statement_get_int64 (statement, 0));
  g_assert_no_error (error);
  return g_string_free (text, FALSE);
}

/* Hundreds of tasks, some due on the same moment, some without a due time,
 * some done, some deleted, a third given to the editor: each list holds
 * what SQL of the test's own says, in its order, whether read from the start,
 * from the end backwards, or jumping about; it follows a change. */
static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  static const struct
  {
    HearthTaskList  list;
    const char     *truth;
  } lists[] = {
    { HEARTH_TASK_LIST_EVERYONE, "SELECT id FROM tasks WHERE deleted_at IS NULL AND status <> 'DONE' "
                                 "ORDER BY due_at IS NULL, due_at, id" },
    { HEARTH_TASK_LIST_MINE, "SELECT id FROM tasks t WHERE deleted_at IS NULL AND status <> 'DONE' AND "
                             "id IN (SELECT task_id FROM task_assignments WHERE user_id = ?1) "
                             "ORDER BY due_at IS NULL, due_at, id" },
    { HEARTH_TASK_LIST_DONE, "SELECT id FROM tasks WHERE deleted_at IS NULL AND status = 'DONE' "
                             "ORDER BY created_at DESC, id DESC" },
  };
  g_autoptr (GRand) rand = g_rand_new_with_seed (14);
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStatement) plan = NULL;
  g_autoptr (GString) plan_text = g_string_new (NULL);
  gint64 editor = hearth_actor_get_user_id (f->editor);
  guint n_tasks = 5 * HEARTH_QUERY_MODEL_PAGE_SIZE + 7;

  for (guint i = 0; i < n_tasks; i++)
    {
      g_autofree char *title = g_strdup_printf ("Chore %u", i);
      g_autoptr (HearthTask) task = create (f, f->family.owner, title);
      gint64 id = hearth_task_get_id (task);
      guint kind = g_rand_int_range (rand, 0, 10);

      /* Due on one of twenty days, or not due. */
      if (kind < 7)
        g_assert_true (hearth_tasks_set_due (f->tasks, f->family.owner, id,
                                             berlin (2026, 12, 1 + g_rand_int_range (rand, 0, 20), 9),
                                             FALSE, NULL, &error));
      if (g_rand_int_range (rand, 0, 3) == 0)
        g_assert_true (hearth_tasks_assign (f->tasks, f->family.owner, id, editor, &error));
      if (kind == 8)
        g_assert_true (hearth_tasks_set_status (f->tasks, f->family.owner, id, HEARTH_TASK_STATUS_DONE, &error));
      if (kind == 9 && i % 2 == 0)
        g_assert_true (hearth_tasks_delete (f->tasks, f->family.owner, id, &error));
      g_assert_no_error (error);
    }

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      g_autofree char *expected = expected_list (f, lists[l].truth,
                                                 lists[l].list == HEARTH_TASK_LIST_MINE ? editor : 0);

      for (guint pattern = 0; pattern < 3; pattern++)
        {
          g_autoptr (HearthQueryModel) model = hearth_tasks_new_list (f->tasks, f->editor, f->family.circle_id,
                                                                      lists[l].list, &error);
          guint n;
          g_autofree guint *order = NULL;
          g_autofree char *read = NULL;

          g_assert_no_error (error);
          n = g_list_model_get_n_items (G_LIST_MODEL (model));
          order = g_new (guint, MAX (n, 1));
          for (guint i = 0; i < n; i++)
            order[i] = pattern == 1 ? n - 1 - i : i;
          if (pattern == 2)
            for (guint i = n; i > 1; i--)
              {
                guint j = g_rand_int_range (rand, 0, (gint32) i);
                guint swap = order[i - 1];

                order[i - 1] = order[j];
                order[j] = swap;
              }
          read = read_list (G_LIST_MODEL (model), order);
          g_assert_cmpstr (read, ==, expected);
        }
    }

  /* A change: the first task to do is done, and leaves the list. */
  {
    g_autoptr (HearthQueryModel) model = hearth_tasks_new_list (f->tasks, f->editor, f->family.circle_id,
                                                                HEARTH_TASK_LIST_EVERYONE, &error);
    g_autoptr (HearthTask) first = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_autoptr (HearthTask) now_first = NULL;
    guint before = g_list_model_get_n_items (G_LIST_MODEL (model));

    g_assert_true (hearth_tasks_set_status (f->tasks, f->editor, hearth_task_get_id (first), HEARTH_TASK_STATUS_DONE,
                                            &error));
    g_assert_no_error (error);
    while (g_main_context_iteration (NULL, FALSE))
      ;
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, before - 1);
    now_first = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_cmpint (hearth_task_get_id (now_first), !=, hearth_task_get_id (first));
  }

  /* A visitor reads the lists; an outsider does not. */
  {
    g_autoptr (HearthQueryModel) visitors = hearth_tasks_new_list (f->tasks, f->visitor, f->family.circle_id,
                                                                   HEARTH_TASK_LIST_EVERYONE, &error);
    g_autoptr (HearthQueryModel) outsiders = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (visitors);
    outsiders = hearth_tasks_new_list (f->tasks, f->outsider, f->family.circle_id, HEARTH_TASK_LIST_EVERYONE,
                                       &error);
    g_assert_null (outsiders);
    g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
    g_clear_error (&error);
  }

  /* A page after another is read through the index from where the last one
   * ended (as the query model asks), without sorting. */
  plan = hearth_store_prepare (f->family.store,
                               "EXPLAIN QUERY PLAN SELECT t.id FROM tasks t WHERE t.circle_id = 1 "
                               "AND t.deleted_at IS NULL AND t.status <> 'DONE' AND "
                               "coalesce (t.due_at, 9223372036854775807) >= 0 AND "
                               "(coalesce (t.due_at, 9223372036854775807), t.id) > (0, 0) "
                               "ORDER BY coalesce (t.due_at, 9223372036854775807) ASC, t.id ASC LIMIT 64",
                               &error);
  g_assert_no_error (error);
  while (hearth_statement_next_row (plan, &error))
    g_string_append_printf (plan_text, "%s\n", hearth_statement_get_text (plan, 3));
  g_assert_no_error (error);
  g_test_message ("%s", plan_text->str);
  g_assert_nonnull (strstr (plan_text->str, "tasks_open (circle_id=? AND <expr>>?)"));
  g_assert_null (strstr (plan_text->str, "TEMP B-TREE"));
}

/* Reminders -------------------------------------------------------------------------------- */

static HearthScheduler *
new_scheduler (HearthStore     *store,
               HearthTasks     *tasks,
               HearthTestFired *fired)
{
  return hearth_test_scheduler_new (store, hearth_tasks_get_reminder_kind (tasks), fired);
}

/* A task due, given to @assignee (or to nobody). */
static gint64
due_task (Fixture     *f,
          const char  *title,
          gint64       due_at,
          gboolean     all_day,
          HearthActor *assignee)
{
  g_autoptr (HearthTask) task = create (f, f->family.owner, title);
  g_autoptr (GError) error = NULL;
  gint64 id = hearth_task_get_id (task);

  g_assert_true (hearth_tasks_set_due (f->tasks, f->family.owner, id, due_at, all_day, NULL, &error));
  if (assignee != NULL)
    g_assert_true (hearth_tasks_assign (f->tasks, f->family.owner, id, hearth_actor_get_user_id (assignee), &error));
  g_assert_no_error (error);
  return id;
}

/* Due at its moment, reminded once between two connections (two Hearths)
 * and never again after a restart; a task for a day at the morning hour; none
 * for a task done, deleted, given to nobody, or whose only assignee left the
 * circle. */
static void
test_reminded_once (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStore) other_store = hearth_store_open (hearth_store_get_path (f->family.store), f->family.clock,
                                                           &error);
  g_autoptr (HearthScheduler) first = NULL;
  g_autoptr (HearthScheduler) second = NULL;
  g_autoptr (HearthScheduler) after_restart = NULL;
  g_autoptr (HearthTasks) other_tasks = NULL;
  HearthActor *leaver = hearth_test_family_add (&f->family, "Lena", HEARTH_ROLE_EDITOR);
  HearthTestFired fired = { 0, NULL };
  gint64 bins_at = HEARTH_TEST_EPOCH + G_TIME_SPAN_HOUR;
  gint64 done;
  gint64 deleted;

  g_assert_no_error (error);
  other_tasks = hearth_tasks_new (hearth_auth_get_guard (f->family.auth));
  hearth_tasks_set_morning_hour (f->tasks, 7);
  hearth_tasks_set_morning_hour (other_tasks, 7);
  due_task (f, "Take out the bins", bins_at, FALSE, f->editor);
  due_task (f, "Pack the lunch boxes", berlin (2026, 11, 27, 0), TRUE, f->editor);
  due_task (f, "Nobody's job", HEARTH_TEST_EPOCH + 1, FALSE, NULL);
  due_task (f, "Lena's job", HEARTH_TEST_EPOCH + 1, FALSE, leaver);
  done = due_task (f, "Done already", HEARTH_TEST_EPOCH + 1, FALSE, f->editor);
  deleted = due_task (f, "Never mind", HEARTH_TEST_EPOCH + 1, FALSE, f->editor);
  g_assert_true (hearth_tasks_set_status (f->tasks, f->editor, done, HEARTH_TASK_STATUS_DONE, &error));
  g_assert_true (hearth_tasks_delete (f->tasks, f->family.owner, deleted, &error));
  g_assert_true (hearth_circles_leave (f->family.circles, leaver, f->family.circle_id, &error));
  g_assert_no_error (error);

  first = new_scheduler (f->family.store, f->tasks, &fired);
  second = new_scheduler (other_store, other_tasks, &fired);
  g_assert_cmpint (hearth_scheduler_get_next_due (first), ==, bins_at);
  g_assert_cmpuint (fired.n_items, ==, 0);

  hearth_clock_set_now (f->family.clock, bins_at);
  hearth_test_scheduler_settle (first);
  hearth_test_scheduler_settle (second);
  g_assert_cmpuint (fired.n_items, ==, 1);
  g_assert_cmpstr (fired.said->str, ==, "Take out the bins is due|For Edith · Family\n");
  /* The day's task, at seven in the morning in Berlin. */
  g_assert_cmpint (hearth_scheduler_get_next_due (first), ==, berlin (2026, 11, 27, 7));

  after_restart = new_scheduler (f->family.store, f->tasks, &fired);
  hearth_clock_set_now (f->family.clock, berlin (2026, 11, 27, 7) - 1);
  hearth_test_scheduler_settle (after_restart);
  hearth_test_scheduler_settle (first);
  g_assert_cmpuint (fired.n_items, ==, 1);
  hearth_clock_set_now (f->family.clock, berlin (2026, 11, 27, 7));
  hearth_test_scheduler_settle (after_restart);
  hearth_test_scheduler_settle (first);
  hearth_test_scheduler_settle (second);
  g_assert_cmpuint (fired.n_items, ==, 2);
  g_assert_nonnull (strstr (fired.said->str, "Pack the lunch boxes is due|For Edith · Family\n"));
  g_assert_cmpint (hearth_scheduler_get_next_due (first), ==, 0);
  g_string_free (fired.said, TRUE);
}

/* Due while Hearth was closed: reminded at the next start. A weekly chore
 * done is reminded of again at its next occurrence; moved to a new time, at
 * that one. */
static void
test_reminder_caught_up_and_again (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr (HearthScheduler) scheduler = NULL;
  g_autoptr (GError) error = NULL;
  HearthTestFired fired = { 0, NULL };
  gint64 first_due = HEARTH_TEST_EPOCH + G_TIME_SPAN_HOUR;
  gint64 id = due_task (f, "Feed the cat", first_due, FALSE, f->editor);

  g_assert_true (hearth_tasks_set_due (f->tasks, f->family.owner, id, first_due, FALSE, "FREQ=DAILY", &error));
  g_assert_no_error (error);
  hearth_clock_set_now (f->family.clock, first_due + 2 * G_TIME_SPAN_HOUR);
  scheduler = new_scheduler (f->family.store, f->tasks, &fired);
  g_assert_cmpuint (fired.n_items, ==, 1);

  /* Done: the next occurrence, a day later, is reminded of in its turn. */
  g_assert_cmpint (hearth_tasks_complete (f->tasks, f->editor, id, &error), >, 0);
  g_assert_no_error (error);
  hearth_test_scheduler_settle (scheduler);
  g_assert_cmpint (hearth_scheduler_get_next_due (scheduler), ==, first_due + G_TIME_SPAN_DAY);
  hearth_clock_set_now (f->family.clock, first_due + G_TIME_SPAN_DAY);
  hearth_test_scheduler_settle (scheduler);
  g_assert_cmpuint (fired.n_items, ==, 2);
  g_string_free (fired.said, TRUE);
}

/* The scheduler's question reads the index of what is to be reminded of. */
static void
test_reminder_query_uses_index (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GString) plan = g_string_new (NULL);
  g_autoptr (GError) error = NULL;

  statement = hearth_store_prepare (f->family.store,
                                    "EXPLAIN QUERY PLAN SELECT min (t.due_at) FROM tasks t WHERE "
                                    "t.deleted_at IS NULL AND t.status <> 'DONE' AND t.due_at IS NOT NULL "
                                    "AND (t.reminded_due_at IS NULL OR t.reminded_due_at <> t.due_at)",
                                    &error);
  g_assert_no_error (error);
  while (hearth_statement_next_row (statement, &error))
    g_string_append_printf (plan, "%s\n", hearth_statement_get_text (statement, 3));
  g_assert_no_error (error);
  g_test_message ("%s", plan->str);
  g_assert_nonnull (strstr (plan->str, "tasks_to_remind"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/tasks/create", Fixture, NULL, fixture_set_up, test_create, fixture_tear_down);
  g_test_add ("/tasks/create-refused", Fixture, NULL, fixture_set_up, test_create_refused, fixture_tear_down);
  g_test_add ("/tasks/status", Fixture, NULL, fixture_set_up, test_status, fixture_tear_down);
  g_test_add ("/tasks/assign", Fixture, NULL, fixture_set_up, test_assign, fixture_tear_down);
  g_test_add ("/tasks/delete", Fixture, NULL, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/tasks/weekly-chore", Fixture, NULL, fixture_set_up, test_weekly_chore, fixture_tear_down);
  g_test_add ("/tasks/rule-that-ends", Fixture, NULL, fixture_set_up, test_rule_that_ends, fixture_tear_down);
  g_test_add ("/tasks/due-refused", Fixture, NULL, fixture_set_up, test_due_refused, fixture_tear_down);
  g_test_add ("/tasks/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/tasks/leaving-unassigns", Fixture, NULL, fixture_set_up, test_leaving_unassigns, fixture_tear_down);
  g_test_add ("/tasks/reward-approved", Fixture, NULL, fixture_set_up, test_reward_approved, fixture_tear_down);
  g_test_add ("/tasks/reward-refused", Fixture, NULL, fixture_set_up, test_reward_refused, fixture_tear_down);
  g_test_add ("/tasks/reward-failure-leaves-nothing", Fixture, NULL, fixture_set_up,
              test_reward_failure_leaves_nothing, fixture_tear_down);
  g_test_add ("/tasks/undo-completion", Fixture, NULL, fixture_set_up, test_undo_completion, fixture_tear_down);
  g_test_add ("/tasks/sections", Fixture, NULL, fixture_set_up, test_sections, fixture_tear_down);
  g_test_add ("/tasks/due-today", Fixture, NULL, fixture_set_up, test_due_today, fixture_tear_down);
  g_test_add ("/tasks/lists", Fixture, NULL, fixture_set_up, test_lists, fixture_tear_down);
  g_test_add ("/tasks/reminded-once", Fixture, NULL, fixture_set_up, test_reminded_once, fixture_tear_down);
  g_test_add ("/tasks/reminder-caught-up-and-again", Fixture, NULL, fixture_set_up,
              test_reminder_caught_up_and_again, fixture_tear_down);
  g_test_add ("/tasks/reminder-query-uses-index", Fixture, NULL, fixture_set_up, test_reminder_query_uses_index,
              fixture_tear_down);

  return g_test_run ();
}
