/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "hearth-auth.h"
#include "hearth-circles.h"
#include "hearth-clock.h"
#include "hearth-lifelog.h"
#include "hearth-password.h"
#include "hearth-scheduler.h"
#include "hearth-search.h"
#include "hearth-store.h"
#include "hearth-test-common.h"
#include "hearth-test-family.h"
#include "hearth-test-scheduler.h"
#include "hearth-validation.h"

/*
 * The life log and its time capsules, on a fake clock: entries written,
 * edited and deleted with their log; a sealed capsule's words reachable
 * through no read function and absent from the search index; the scheduler
 * opening each capsule once, exactly at its moment, across two schedulers, a
 * restart, a clock set back and a start after it fell due; and the desktop
 * notification really sent, to a notification daemon on the test's bus.
 */

#define SECRET "marzipan-lighthouse"
#define DAY (24 * G_TIME_SPAN_HOUR)

typedef struct
{
  HearthTestFamily  family;     /* Mum's "The Lovelaces" */
  HearthActor      *kid;        /* a visitor there */
  HearthActor      *outsider;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  hearth_test_family_set_up (&f->family, "Mum", "The Lovelaces");
  f->kid = hearth_test_family_add (&f->family, "Kid", HEARTH_ROLE_VISITOR);
  f->outsider = hearth_test_family_add (&f->family, "Oscar", HEARTH_ROLE_NONE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hearth_test_family_tear_down (&f->family);
}

static gint64
write_entry (Fixture     *f,
             const char  *content,
             gint64       unlock_at)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthLifelogEntry) entry = hearth_lifelog_write (f->family.lifelog, f->family.owner, f->family.circle_id,
                                                               content, unlock_at, &error);

  g_assert_no_error (error);
  return hearth_lifelog_entry_get_id (entry);
}

static guint
indexed (HearthStore *store,
         const char  *word)
{
  return (guint) hearth_test_count (store, "SELECT count(*) FROM search_index WHERE search_index MATCH '\"%s\"'", word);
}

static void
test_entries_edits_and_deletions (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthQueryModel) timeline = NULL;
  g_autoptr (HearthLifelogEntry) newest = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  gint64 first, second;

  first = write_entry (f, "  First steps in the garden\n", 0);
  hearth_clock_advance (f->family.clock, G_USEC_PER_SEC);
  second = write_entry (f, "A lost tooth", 0);

  /* Newest first, for every member; nobody else. */
  timeline = hearth_lifelog_new_timeline (f->family.lifelog, f->kid, f->family.circle_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 2);
  newest = g_list_model_get_item (G_LIST_MODEL (timeline), 0);
  g_assert_cmpint (hearth_lifelog_entry_get_id (newest), ==, second);
  g_assert_cmpstr (hearth_lifelog_entry_get_author_name (newest), ==, "Mum");
  g_assert_null (hearth_lifelog_new_timeline (f->family.lifelog, f->outsider, f->family.circle_id, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* A visitor writes nothing; nothing empty is written. */
  g_assert_null (hearth_lifelog_write (f->family.lifelog, f->kid, f->family.circle_id, "Mine", 0, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (hearth_lifelog_write (f->family.lifelog, f->family.owner, f->family.circle_id, " \n ", 0, &error));
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_DESCRIPTION);
  g_clear_error (&error);

  /* An edit is one log row with both contents, and the index follows. */
  g_assert_true (hearth_lifelog_edit (f->family.lifelog, f->family.owner, first, "First steps on the lawn", &error));
  g_assert_no_error (error);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM lifelog_logs WHERE lifelog_id = %" G_GINT64_FORMAT
                                                " AND old_content = 'First steps in the garden' "
                                                "AND new_content = 'First steps on the lawn'", first), ==, 1);
  g_assert_cmpuint (indexed (f->family.store, "garden"), ==, 0);
  g_assert_cmpuint (indexed (f->family.store, "lawn"), ==, 1);
  hits = hearth_search (f->family.store, f->kid, "law", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((HearthSearchHit *) g_ptr_array_index (hits, 0))->entity_id, ==, first);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = hearth_search (f->family.store, f->outsider, "lawn", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Deleted: gone from the list and the index; the log keeps the words. */
  g_assert_false (hearth_lifelog_delete (f->family.lifelog, f->kid, second, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (hearth_lifelog_delete (f->family.lifelog, f->family.owner, second, &error));
  g_assert_no_error (error);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 1);
  g_assert_cmpuint (indexed (f->family.store, "tooth"), ==, 0);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM lifelog_logs WHERE lifelog_id = %" G_GINT64_FORMAT
                                                " AND old_content = 'A lost tooth' AND new_content IS NULL", second),
                   ==, 1);
  g_assert_null (hearth_lifelog_get (f->family.lifelog, f->family.owner, second, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
}

/* Every read function of the module, and search, for @word. */
static void
assert_nowhere (Fixture    *f,
                HearthActor *actor,
                gint64      entry_id,
                const char *word)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthLifelogEntry) entry = hearth_lifelog_get (f->family.lifelog, actor, entry_id, &error);
  g_autoptr (HearthQueryModel) timeline = hearth_lifelog_new_timeline (f->family.lifelog, actor, f->family.circle_id,
                                                                       &error);
  g_autoptr (GPtrArray) soon = hearth_lifelog_opening_soon (f->family.lifelog, actor, f->family.circle_id, 3650 * DAY,
                                                            &error);
  g_autoptr (GPtrArray) on_this_day = hearth_lifelog_on_this_day (f->family.lifelog, actor, f->family.circle_id,
                                                                  &error);
  g_autoptr (GPtrArray) hits = hearth_search (f->family.store, actor, word, 10, &error);

  g_assert_no_error (error);
  g_assert_true (hearth_lifelog_entry_get_sealed (entry));
  g_assert_null (hearth_lifelog_entry_get_content (entry));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (timeline)); i++)
    {
      g_autoptr (HearthLifelogEntry) item = g_list_model_get_item (G_LIST_MODEL (timeline), i);

      g_assert_null (strstr (hearth_lifelog_entry_get_content (item) != NULL
                             ? hearth_lifelog_entry_get_content (item) : "", word));
    }
  g_assert_cmpuint (soon->len, ==, 1);
  g_assert_null (hearth_lifelog_entry_get_content (g_ptr_array_index (soon, 0)));
  for (guint i = 0; i < on_this_day->len; i++)
    g_assert_cmpint (hearth_lifelog_entry_get_id (g_ptr_array_index (on_this_day, i)), !=, entry_id);
  g_assert_cmpuint (hits->len, ==, 0);
  g_assert_cmpuint (indexed (f->family.store, word), ==, 0);
}

static void
test_sealed_capsule_is_read_by_nobody (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  gint64 unlock_at = HEARTH_TEST_EPOCH + 30 * DAY;
  gint64 id;

  /* A capsule for a day gone by is refused. */
  g_assert_null (hearth_lifelog_write (f->family.lifelog, f->family.owner, f->family.circle_id, "Too late",
                                       HEARTH_TEST_EPOCH, &error));
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_DATE);
  g_clear_error (&error);

  id = write_entry (f, "For your eighteenth: " SECRET, unlock_at);
  /* Sealed for everyone, its author too, through every function. */
  assert_nowhere (f, f->family.owner, id, SECRET);
  assert_nowhere (f, f->kid, id, SECRET);

  /* Nobody edits or deletes it; only its author withdraws it. */
  g_assert_false (hearth_lifelog_edit (f->family.lifelog, f->family.owner, id, "Changed", &error));
  g_assert_error (error, HEARTH_LIFELOG_ERROR, HEARTH_LIFELOG_ERROR_SEALED);
  g_clear_error (&error);
  g_assert_false (hearth_lifelog_delete (f->family.lifelog, f->family.owner, id, &error));
  g_assert_error (error, HEARTH_LIFELOG_ERROR, HEARTH_LIFELOG_ERROR_SEALED);
  g_clear_error (&error);
  /* (A new profile starts in sudo mode, and the fake clock stands still.) */
  hearth_circles_change_role (f->family.circles, f->family.owner, f->family.circle_id,
                              hearth_actor_get_user_id (f->kid), HEARTH_ROLE_EDITOR, &error);
  g_assert_no_error (error);
  g_assert_false (hearth_lifelog_withdraw (f->family.lifelog, f->kid, id, &error));
  g_assert_error (error, HEARTH_LIFELOG_ERROR, HEARTH_LIFELOG_ERROR_NOT_AUTHOR);
  g_clear_error (&error);
  g_assert_true (hearth_lifelog_withdraw (f->family.lifelog, f->family.owner, id, &error));
  g_assert_no_error (error);
  g_assert_null (hearth_lifelog_get (f->family.lifelog, f->family.owner, id, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM capsules"), ==, 0);
  g_assert_cmpuint (indexed (f->family.store, SECRET), ==, 0);
  /* Withdrawn, it leaves nothing of its words behind: not in its row, not in
   * its log, whose row says only that it went. */
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM lifelogs WHERE content LIKE '%%%s%%'",
                                      SECRET), ==, 0);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM lifelog_logs WHERE lifelog_id = %" G_GINT64_FORMAT
                                                " AND old_content IS NULL AND new_content IS NULL", id), ==, 1);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM lifelog_logs WHERE ifnull (old_content, '') "
                                                "|| ifnull (new_content, '') LIKE '%%%s%%'", SECRET), ==, 0);
}

/* The scheduler ---------------------------------------------------------------------------- */

static HearthScheduler *
new_scheduler (HearthStore     *store,
               HearthTestFired *fired)
{
  return hearth_test_scheduler_new (store, hearth_lifelog_capsule_kind (), fired);
}

/* Sessions end after a day, and these tests move the clock by weeks: each
 * read signs in again, at the clock's time. */
static HearthActor *
sign_in (Fixture    *f,
         const char *username)
{
  g_autoptr (GError) error = NULL;
  HearthActor *actor = hearth_auth_sign_in (f->family.auth, username, HEARTH_TEST_PASSWORD, FALSE, NULL, &error);

  g_assert_no_error (error);
  return actor;
}

static gboolean
is_sealed (Fixture *f,
           gint64   id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) kid = sign_in (f, "kid");
  g_autoptr (HearthLifelogEntry) entry = hearth_lifelog_get (f->family.lifelog, kid, id, &error);

  g_assert_no_error (error);
  return hearth_lifelog_entry_get_sealed (entry);
}

static void
test_capsule_opens_at_its_moment_once (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStore) other_store = hearth_store_open (hearth_store_get_path (f->family.store), f->family.clock,
                                                           &error);
  g_autoptr (HearthScheduler) first = NULL;
  g_autoptr (HearthScheduler) second = NULL;
  g_autoptr (HearthScheduler) after_restart = NULL;
  g_autoptr (HearthLifelogEntry) opened = NULL;
  g_autoptr (HearthActor) kid = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  HearthTestFired fired = { 0, NULL };
  gint64 unlock_at = HEARTH_TEST_EPOCH + 7 * DAY;
  gint64 id;

  g_assert_no_error (error);
  id = write_entry (f, "Dear future: " SECRET, unlock_at);

  /* Two schedulers, two connections, as two Hearth processes would have. */
  first = new_scheduler (f->family.store, &fired);
  second = new_scheduler (other_store, &fired);
  g_assert_cmpint (hearth_scheduler_get_next_due (first), ==, unlock_at);

  /* One microsecond before: sealed. */
  hearth_clock_set_now (f->family.clock, unlock_at - 1);
  hearth_test_scheduler_settle (first);
  hearth_test_scheduler_settle (second);
  g_assert_true (is_sealed (f, id));
  g_assert_cmpuint (fired.n_items, ==, 0);

  /* At it: open, once between the two, and indexed. */
  hearth_clock_set_now (f->family.clock, unlock_at);
  hearth_test_scheduler_settle (first);
  hearth_test_scheduler_settle (second);
  g_assert_false (is_sealed (f, id));
  g_assert_cmpuint (fired.n_items, ==, 1);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT unlocked_at FROM capsules"), ==, unlock_at);
  kid = sign_in (f, "kid");
  opened = hearth_lifelog_get (f->family.lifelog, kid, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_lifelog_entry_get_content (opened), ==, "Dear future: " SECRET);
  hits = hearth_search (f->family.store, kid, SECRET, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpuint (hearth_scheduler_get_next_due (first), ==, 0);

  /* What it said names who and when, never what. */
  g_assert_nonnull (strstr (fired.said->str, "A time capsule from Mum has opened|Sealed on "));
  g_assert_null (strstr (fired.said->str, SECRET));

  /* A clock set back leaves it open; a restart opens nothing again. */
  hearth_clock_set_now (f->family.clock, unlock_at - 30 * DAY);
  hearth_test_scheduler_settle (first);
  g_assert_false (is_sealed (f, id));
  after_restart = new_scheduler (f->family.store, &fired);
  hearth_clock_set_now (f->family.clock, unlock_at + DAY);
  hearth_test_scheduler_settle (after_restart);
  hearth_test_scheduler_settle (first);
  hearth_test_scheduler_settle (second);
  g_assert_cmpuint (fired.n_items, ==, 1);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT unlocked_at FROM capsules"), ==, unlock_at);

  g_string_free (fired.said, TRUE);
}

static void
test_capsule_due_while_closed_opens_at_start (Fixture       *f,
                                              gconstpointer  data)
{
  g_autoptr (HearthScheduler) scheduler = NULL;
  HearthTestFired fired = { 0, NULL };
  gint64 due = write_entry (f, "Opened while away", HEARTH_TEST_EPOCH + DAY);
  gint64 withdrawn = write_entry (f, "Never to be read", HEARTH_TEST_EPOCH + DAY);
  gint64 later = write_entry (f, "Not yet", HEARTH_TEST_EPOCH + 10 * DAY);
  g_autoptr (GError) error = NULL;

  g_assert_true (hearth_lifelog_withdraw (f->family.lifelog, f->family.owner, withdrawn, &error));
  g_assert_no_error (error);

  /* Hearth was closed when the day came; at the next start, it opens. */
  hearth_clock_set_now (f->family.clock, HEARTH_TEST_EPOCH + 2 * DAY);
  scheduler = new_scheduler (f->family.store, &fired);
  g_assert_cmpuint (fired.n_items, ==, 1);
  g_assert_false (is_sealed (f, due));
  g_assert_true (is_sealed (f, later));
  g_assert_cmpint (hearth_scheduler_get_next_due (scheduler), ==, HEARTH_TEST_EPOCH + 10 * DAY);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM capsules WHERE unlocked_at IS NOT NULL"),
                   ==, 1);
  g_string_free (fired.said, TRUE);
}

/* The wall clock may jump (suspend, a clock set by hand) while timeouts run on
 * the monotonic one: the scheduler never sleeps more than a minute, and a
 * resume (logind's PrepareForSleep, hearth_scheduler_check_now()) looks again
 * at once. */
static void
test_scheduler_wakes_within_a_minute (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr (HearthScheduler) scheduler = NULL;
  HearthTestFired fired = { 0, NULL };
  gint64 far = write_entry (f, "A year from now", HEARTH_TEST_EPOCH + 365 * DAY);

  scheduler = new_scheduler (f->family.store, &fired);
  g_assert_cmpint (hearth_scheduler_get_next_due (scheduler), ==, HEARTH_TEST_EPOCH + 365 * DAY);
  g_assert_cmpuint (hearth_scheduler_get_sleep (scheduler), ==, HEARTH_SCHEDULER_MAX_SLEEP_MS);

  /* Five seconds before a capsule: five seconds of sleep. */
  write_entry (f, "Soon", HEARTH_TEST_EPOCH + 5 * G_USEC_PER_SEC);
  hearth_test_scheduler_settle (scheduler);
  g_assert_cmpuint (hearth_scheduler_get_sleep (scheduler), ==, 5000);

  /* After a long suspend the clock is past both days: looked at again (here
   * the fake clock says it moved; logind's resume signal calls check_now),
   * both open, once each. */
  hearth_clock_set_now (f->family.clock, HEARTH_TEST_EPOCH + 400 * DAY);
  hearth_scheduler_check_now (scheduler);
  hearth_test_scheduler_settle (scheduler);
  g_assert_cmpuint (fired.n_items, ==, 2);
  g_assert_false (is_sealed (f, far));
  g_assert_cmpuint (hearth_scheduler_get_sleep (scheduler), ==, 0);
  g_string_free (fired.said, TRUE);
}

/* Migration 0010 forgets what an older Hearth logged of withdrawn capsules,
 * and keeps every other entry's history. */
static void
test_migration_forgets_withdrawn_capsules (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = hearth_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "hearth.db", NULL);
  g_autoptr (HearthClock) clock = hearth_clock_new_fake (HEARTH_TEST_EPOCH);
  g_autoptr (HearthStore) store = NULL;

  hearth_test_make_old_database (path, clock, 9,
                                "INSERT INTO users (id, username, display_name, created_at, updated_at) "
                                "  VALUES (1, 'mum', 'Mum', 0, 0);"
                                "INSERT INTO circles (id, name, owner_id, status, created_at) "
                                "  VALUES (1, 'Family', 1, 'ACTIVE', 0);"
                                "INSERT INTO lifelogs (id, circle_id, author_id, content, created_at, deleted_at) "
                                "  VALUES (1, 1, 1, '', 0, 5), (2, 1, 1, '', 0, 5);"
                                "INSERT INTO lifelog_logs (lifelog_id, old_content, new_content, updated_by, "
                                "  created_at) VALUES (1, 'For your eighteenth: " SECRET "', NULL, 1, 5),"
                                "  (2, 'A plain entry, deleted', NULL, 1, 5);"
                                "INSERT INTO audit_logs (actor_id, entity_type, entity_id, action, created_at) "
                                "  VALUES (1, 'lifelog', 1, 'capsule.withdrawn', 5),"
                                "  (1, 'lifelog', 2, 'lifelog.deleted', 5);");

  store = hearth_store_open (path, clock, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_test_count (store, "SELECT count(*) FROM lifelog_logs WHERE old_content LIKE '%%%s%%'",
                                      SECRET), ==, 0);
  g_assert_cmpint (hearth_test_count (store, "SELECT count(*) FROM lifelog_logs"), ==, 2);
  g_assert_cmpint (hearth_test_count (store, "SELECT count(*) FROM lifelog_logs "
                                             "WHERE old_content = 'A plain entry, deleted'"), ==, 1);
  /* Append-only again. */
  g_assert_false (hearth_store_execute (store, "UPDATE lifelog_logs SET old_content = 'x'", &error));
  g_assert_nonnull (error);
  g_clear_object (&store);
  hearth_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/lifelog/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("entries-edits-and-deletions", test_entries_edits_and_deletions);
  ADD ("sealed-capsule-is-read-by-nobody", test_sealed_capsule_is_read_by_nobody);
  g_test_add_func ("/lifelog/migration-forgets-withdrawn-capsules", test_migration_forgets_withdrawn_capsules);
  ADD ("capsule-opens-at-its-moment-once", test_capsule_opens_at_its_moment_once);
  ADD ("capsule-due-while-closed-opens-at-start", test_capsule_due_while_closed_opens_at_start);
  ADD ("scheduler-wakes-within-a-minute", test_scheduler_wakes_within_a_minute);
#undef ADD

  return g_test_run ();
}
