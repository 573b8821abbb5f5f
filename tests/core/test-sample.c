/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hearth-auth.h"
#include "hearth-circles.h"
#include "hearth-clock.h"
#include "hearth-lifelog.h"
#include "hearth-password.h"
#include "hearth-sample.h"
#include "hearth-search.h"
#include "hearth-store.h"
#include "hearth-tasks.h"
#include "hearth-test-common.h"

/* The sample family: who is in it and with which role, what it keeps, that the
 * demo passwords sign in, and that a seed makes the same family every time. */

typedef struct
{
  char        *dir;
  HearthClock *clock;
  HearthStore *store;
  HearthAuth  *auth;
} Family;

static void
family_open (Family                    *family,
             const HearthSampleOptions *options)
{
  g_autoptr (GError) error = NULL;

  family->dir = hearth_test_make_temp_dir ();
  family->clock = hearth_clock_new_fake (HEARTH_TEST_EPOCH);
  family->store = hearth_test_open_store (family->dir, family->clock);
  family->auth = hearth_test_auth_new (family->store);
  hearth_sample_generate (family->auth, options, &error);
  g_assert_no_error (error);
}

static void
family_close (Family *family)
{
  g_clear_object (&family->auth);
  g_clear_object (&family->store);
  g_clear_object (&family->clock);
  hearth_test_remove_tree (family->dir);
  g_free (family->dir);
}

static void
test_sample_family (void)
{
  g_autoptr (GError) error = NULL;
  HearthSampleOptions options = HEARTH_SAMPLE_FAMILY;
  const HearthSampleProfile *profiles;
  Family family = { 0 };
  guint n;

  family_open (&family, &options);
  profiles = hearth_sample_get_profiles (&n);

  /* Nobody stays signed in: the picker comes first. */
  g_assert_cmpint (hearth_test_count (family.store, "SELECT count(*) FROM auth_sessions WHERE revoked_at IS NULL"),
                   ==, 0);
  g_assert_cmpuint (n, ==, 4);

  /* Each demo password signs its profile in; each has its role in the family
   * and a personal circle. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (HearthActor) actor = hearth_auth_sign_in (family.auth, profiles[i].username, profiles[i].password,
                                                           FALSE, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (hearth_test_count (family.store, "SELECT count(*) FROM circle_members m "
                                                        "JOIN circles c ON c.id = m.circle_id "
                                                        "WHERE c.kind = 'SHARED' AND m.user_id = %" G_GINT64_FORMAT
                                                        " AND m.role = '%s'", hearth_actor_get_user_id (actor),
                                          hearth_role_to_string (profiles[i].role)), ==, 1);
    }
  g_assert_cmpint (hearth_test_count (family.store, "SELECT count(*) FROM circles WHERE kind = 'PERSONAL'"), ==, 4);
  g_assert_cmpint (hearth_test_count (family.store, "SELECT count(*) FROM circles WHERE kind = 'SHARED'"), ==, 1);

  /* Three years of money, balanced, filed and tagged, a few receipts. */
  g_assert_cmpint (hearth_test_count (family.store, "SELECT count(*) FROM accounts"), ==, 2);
  g_assert_cmpint (hearth_test_count (family.store, "SELECT transaction_count FROM accounts "
                                                    "WHERE name = 'Joint Account'"), ==, 1440);
  g_assert_cmpint (hearth_test_count (family.store, "SELECT balance FROM accounts WHERE name = 'Joint Account'"), ==,
                   hearth_test_count (family.store, "SELECT sum (CASE direction WHEN 'IN' THEN amount ELSE -amount "
                                                    "END) FROM transactions t JOIN accounts a ON a.id = t.account_id "
                                                    "WHERE a.name = 'Joint Account'"));
  g_assert_cmpint (hearth_test_count (family.store, "SELECT transaction_count FROM accounts "
                                                    "WHERE name = 'Pocket Money'"), ==, 24);
  g_assert_cmpint (hearth_test_count (family.store, "SELECT count (DISTINCT category_id) FROM transactions"), >=, 8);
  g_assert_cmpint (hearth_test_count (family.store, "SELECT julianday (max (occurred_on)) - "
                                                    "julianday (min (occurred_on)) FROM "
                                                    "transactions"), >=, 3 * 365 - 2);
  g_assert_cmpint (hearth_test_count (family.store, "SELECT count(*) FROM tag_relations r JOIN tags t "
                                                    "ON t.id = r.tag_id WHERE t.name = 'School'"), >, 10);
  g_assert_cmpint (hearth_test_count (family.store, "SELECT count(*) FROM transaction_receipts"), ==, 4);
  g_assert_cmpint (hearth_test_count (family.store, "SELECT count(*) FROM tag_relations r JOIN tags t "
                                                    "ON t.id = r.tag_id WHERE t.name = 'Holiday'"), ==, 4);

  /* A life log, and a capsule that opens in three days, sealed. */
  g_assert_cmpint (hearth_test_count (family.store, "SELECT count(*) FROM lifelogs l WHERE NOT EXISTS "
                                                    "(SELECT 1 FROM capsules c WHERE c.lifelog_id = l.id)"), ==, 8);
  g_assert_cmpint (hearth_test_count (family.store, "SELECT unlock_at FROM capsules WHERE unlocked_at IS NULL"), ==,
                   HEARTH_TEST_EPOCH + 3 * G_TIME_SPAN_DAY);
  /* Over the years, two of them on this day, found by search. */
  {
    g_autoptr (HearthLifelog) lifelog = hearth_lifelog_new (hearth_auth_get_guard (family.auth));
    g_autoptr (HearthActor) noah = hearth_auth_sign_in (family.auth, profiles[3].username, profiles[3].password,
                                                         FALSE, NULL, &error);
    g_autoptr (GPtrArray) today = NULL;
    g_autoptr (GPtrArray) hits = NULL;

    g_assert_no_error (error);
    today = hearth_lifelog_on_this_day (lifelog, noah, hearth_test_count (family.store, "SELECT id FROM circles "
                                                                                       "WHERE kind = 'SHARED'"),
                                        &error);
    g_assert_no_error (error);
    g_assert_cmpuint (today->len, ==, 2);
    hits = hearth_search (family.store, noah, "tooth", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
  }

  /* The family's chores, through the tasks service: four, the bins weekly
   * and Noah's, done once and waiting for a parent, who may approve it. */
  {
    g_autoptr (HearthTasks) tasks = hearth_tasks_new (hearth_auth_get_guard (family.auth));
    g_autoptr (HearthActor) maria = hearth_auth_sign_in (family.auth, profiles[0].username, profiles[0].password,
                                                          FALSE, NULL, &error);
    g_autoptr (GPtrArray) waiting = NULL;
    gint64 circle_id = hearth_test_count (family.store, "SELECT id FROM circles WHERE kind = 'SHARED'");

    g_assert_no_error (error);
    g_assert_cmpint (hearth_test_count (family.store, "SELECT count(*) FROM tasks"), ==, 4);
    g_assert_cmpint (hearth_test_count (family.store, "SELECT count(*) FROM tasks WHERE recurrence LIKE "
                                                      "'FREQ=WEEKLY;BYDAY=%%' AND title = 'Take out the bins' "
                                                      "AND reward = 150"), ==, 1);
    waiting = hearth_tasks_list_waiting (tasks, maria, circle_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (waiting->len, ==, 1);
    g_assert_cmpstr (((HearthTaskCompletion *) waiting->pdata[0])->title, ==, "Take out the bins");
    g_assert_cmpint (((HearthTaskCompletion *) waiting->pdata[0])->earner_id, ==,
                     hearth_test_count (family.store, "SELECT id FROM users WHERE username = 'noah'"));
  }

  family_close (&family);
}

static char *
ledger_fingerprint (Family *family)
{
  return hearth_test_query_text (family->store,
                                 "SELECT hex (ledger) FROM (SELECT group_concat (occurred_on || amount || "
                                 "direction || description || ifnull (category_id, 0), '|') AS ledger "
                                 "FROM (SELECT * FROM transactions ORDER BY id))");
}

static void
count_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, <, total);
  (*calls)++;
}

/* One code path, sizes as options: the same seed, the same ledger; another
 * seed, another. */
static void
test_same_seed_same_family (void)
{
  guint calls = 0;
  HearthSampleOptions large = { 7, 20, 25000, 0, count_progress, &calls };
  HearthSampleOptions other = { 8, 20, 25000, 0, NULL, NULL };
  Family first = { 0 }, second = { 0 }, third = { 0 };
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *three = NULL;

  family_open (&first, &large);
  g_assert_cmpuint (calls, ==, 3);
  large.progress = NULL;
  family_open (&second, &large);
  family_open (&third, &other);
  one = ledger_fingerprint (&first);
  two = ledger_fingerprint (&second);
  three = ledger_fingerprint (&third);
  g_assert_cmpint (hearth_test_count (first.store, "SELECT transaction_count FROM accounts "
                                                   "WHERE name = 'Joint Account'"), ==, 25000);
  g_assert_cmpstr (one, ==, two);
  g_assert_cmpstr (one, !=, three);
  family_close (&first);
  family_close (&second);
  family_close (&third);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sample/family", test_sample_family);
  g_test_add_func ("/sample/same-seed-same-family", test_same_seed_same_family);

  return g_test_run ();
}
