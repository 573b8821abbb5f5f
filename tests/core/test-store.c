/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-test"

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hearth-clock.h"
#include "hearth-store.h"
#include "hearth-store-private.h"
#include "hearth-test-common.h"

/* The store: where the file goes, how it is opened, migrated and refused,
 * transactions and savepoints, the statement cache, change notifications and
 * the clock. */

typedef struct
{
  char        *dir;
  char        *path;
  HearthClock *clock;
  HearthStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = hearth_test_make_temp_dir ();
  f->path = g_build_filename (f->dir, "data", HEARTH_STORE_FILE_NAME, NULL);
  f->clock = hearth_clock_new_fake (HEARTH_TEST_EPOCH);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hearth_test_finalize (&f->store);
  hearth_test_finalize (&f->clock);
  hearth_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
open_store (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&f->store);
  f->store = hearth_store_open (f->path, f->clock, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
run_sql (HearthStore *store,
         const char  *sql)
{
  g_autoptr (GError) error = NULL;

  hearth_store_execute (store, sql, &error);
  g_assert_no_error (error);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
insert_user (HearthStore *store,
             const char  *username)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStatement) statement = NULL;

  statement = hearth_store_prepare (store,
                                    "INSERT INTO users (username, display_name, created_at, updated_at) "
                                    "VALUES (?, ?, ?, ?)",
                                    &error);
  g_assert_no_error (error);
  hearth_statement_bind_text (statement, 1, username);
  hearth_statement_bind_text (statement, 2, username);
  hearth_statement_bind_int64 (statement, 3, hearth_store_now (store));
  hearth_statement_bind_int64 (statement, 4, hearth_store_now (store));
  hearth_statement_run (statement, &error);
  g_assert_no_error (error);
}

static gint64
count_users (HearthStore *store)
{
  return hearth_test_query_int (store, "SELECT count(*) FROM users");
}

/* The clock ------------------------------------------------------------------- */

static void
notify_counter_cb (GObject    *object,
                   GParamSpec *pspec,
                   guint      *count)
{
  (*count)++;
}

static void
test_clock_fake (void)
{
  g_autoptr (HearthClock) clock = hearth_clock_new_fake (HEARTH_TEST_EPOCH);
  g_autoptr (GDateTime) now = NULL;
  guint notified = 0;

  g_signal_connect (clock, "notify::now", G_CALLBACK (notify_counter_cb), &notified);

  g_assert_true (hearth_clock_is_fake (clock));
  g_assert_cmpint (hearth_clock_get_now (clock), ==, HEARTH_TEST_EPOCH);
  g_usleep (2000);
  g_assert_cmpint (hearth_clock_get_now (clock), ==, HEARTH_TEST_EPOCH);

  hearth_clock_advance (clock, 30 * G_USEC_PER_SEC);
  g_assert_cmpint (hearth_clock_get_now (clock), ==, HEARTH_TEST_EPOCH + 30 * G_USEC_PER_SEC);
  g_assert_cmpuint (notified, ==, 1);

  /* Backwards, as a real clock may go after a correction. */
  hearth_clock_advance (clock, -60 * G_USEC_PER_SEC);
  g_assert_cmpint (hearth_clock_get_now (clock), ==, HEARTH_TEST_EPOCH - 30 * G_USEC_PER_SEC);
  g_assert_cmpuint (notified, ==, 2);

  /* Setting the time it already shows is no change. */
  hearth_clock_set_now (clock, HEARTH_TEST_EPOCH - 30 * G_USEC_PER_SEC);
  g_assert_cmpuint (notified, ==, 2);

  hearth_clock_set_now (clock, HEARTH_TEST_EPOCH + 250000);
  now = hearth_clock_dup_now (clock);
  g_assert_cmpint (g_date_time_get_year (now), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (now), ==, 11);
  g_assert_cmpint (g_date_time_get_day_of_month (now), ==, 26);
  g_assert_cmpint (g_date_time_get_hour (now), ==, 12);
  g_assert_cmpint (g_date_time_get_microsecond (now), ==, 250000);
  g_assert_cmpint (g_date_time_to_unix (now), ==, HEARTH_TEST_EPOCH / G_USEC_PER_SEC);
}

static void
test_clock_system (void)
{
  g_autoptr (HearthClock) clock = hearth_clock_new_system ();
  gint64 before = g_get_real_time ();
  gint64 now = hearth_clock_get_now (clock);
  gint64 after = g_get_real_time ();

  g_assert_false (hearth_clock_is_fake (clock));
  g_assert_cmpint (now, >=, before);
  g_assert_cmpint (now, <=, after);
}

static void
test_store_uses_its_clock (Fixture       *f,
                           gconstpointer  data)
{
  open_store (f);

  g_assert_true (hearth_store_get_clock (f->store) == f->clock);
  g_assert_cmpint (hearth_store_now (f->store), ==, HEARTH_TEST_EPOCH);
  hearth_clock_advance (f->clock, G_USEC_PER_SEC);
  g_assert_cmpint (hearth_store_now (f->store), ==, HEARTH_TEST_EPOCH + G_USEC_PER_SEC);
}

/* Where the data lives ------------------------------------------------------------ */

static void
test_default_path (void)
{
  g_autofree char *saved_env = g_strdup (g_getenv ("HEARTH_DATA_DIR"));
  g_autofree char *from_xdg = NULL;
  g_autofree char *from_env = NULL;
  g_autofree char *from_option = NULL;
  g_autofree char *expected_xdg = g_build_filename (g_get_user_data_dir (), "hearth", "hearth.db", NULL);

  g_unsetenv ("HEARTH_DATA_DIR");
  from_xdg = hearth_store_dup_default_path (NULL);
  g_assert_cmpstr (from_xdg, ==, expected_xdg);

  g_setenv ("HEARTH_DATA_DIR", "/srv/family", TRUE);
  from_env = hearth_store_dup_default_path (NULL);
  g_assert_cmpstr (from_env, ==, "/srv/family/hearth.db");

  /* The command line wins over the environment. */
  from_option = hearth_store_dup_default_path ("/media/usb/hearth");
  g_assert_cmpstr (from_option, ==, "/media/usb/hearth/hearth.db");

  if (saved_env != NULL)
    g_setenv ("HEARTH_DATA_DIR", saved_env, TRUE);
  else
    g_unsetenv ("HEARTH_DATA_DIR");
}

static void
test_open_creates_private_files (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (f->path);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  GStatBuf st;

  open_store (f);
  insert_user (f->store, "ada");

  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_open_tightens_existing_modes (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (f->path);
  GStatBuf st;

  open_store (f);
  g_clear_object (&f->store);
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);

  open_store (f);

  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_open_pragmas (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *journal = NULL;

  open_store (f);

  journal = hearth_test_query_text (f->store, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (hearth_test_query_int (f->store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (hearth_test_query_int (f->store, "PRAGMA synchronous"), ==, 2 /* FULL */);
  g_assert_cmpint (hearth_test_query_int (f->store, "PRAGMA busy_timeout"), >, 0);
  g_assert_cmpint (hearth_test_query_int (f->store, "PRAGMA user_version"), ==,
                   hearth_store_get_latest_schema_version ());
  g_assert_cmpint (hearth_store_get_schema_version (f->store), ==,
                   hearth_store_get_latest_schema_version ());
}

static void
test_migrations_are_numbered (void)
{
  g_autoptr (GPtrArray) migrations = _hearth_store_list_migrations ();

  g_assert_cmpuint (migrations->len, >=, 2);
  g_assert_cmpint (hearth_store_get_latest_schema_version (), ==, (int) migrations->len);
  for (guint i = 0; i < migrations->len; i++)
    {
      const HearthMigration *migration = g_ptr_array_index (migrations, i);

      g_assert_cmpint (migration->version, ==, (int) i + 1);
      g_assert_true (g_str_has_suffix (migration->name, ".sql"));
      g_assert_cmpuint (strlen (migration->sql), >, 0);
    }
}

static void
test_reopen_keeps_data_without_backup (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (f->path);
  g_autoptr (GDir) dir = NULL;
  const char *name;

  open_store (f);
  insert_user (f->store, "ada");
  open_store (f);

  g_assert_cmpint (count_users (f->store), ==, 1);

  /* Nothing to migrate, nothing to back up. */
  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "hearth.db.bak"));
}

static void
test_migration_backs_up_first (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStore) old = NULL;
  g_autoptr (HearthStore) backup = NULL;
  g_autofree char *backup_path = g_strconcat (f->path, ".bak-v1", NULL);
  GStatBuf st;

  /* A database as the first version of Hearth left it, with a profile in it. */
  old = _hearth_store_open_at_version (f->path, f->clock, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_store_get_schema_version (old), ==, 1);
  g_assert_cmpint (hearth_test_query_int (old, "SELECT count(*) FROM categories"), ==, 0);
  insert_user (old, "ada");
  g_clear_object (&old);

  open_store (f);

  g_assert_cmpint (hearth_store_get_schema_version (f->store), ==,
                   hearth_store_get_latest_schema_version ());
  g_assert_cmpint (count_users (f->store), ==, 1);
  g_assert_cmpint (hearth_test_query_int (f->store, "SELECT count(*) FROM categories"), >, 0);

  /* The copy is private, and is the database as it was before. */
  g_assert_cmpint (g_stat (backup_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  backup = _hearth_store_open_at_version (backup_path, f->clock, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_store_get_schema_version (backup), ==, 1);
  g_assert_cmpint (count_users (backup), ==, 1);
  g_assert_cmpint (hearth_test_query_int (backup, "SELECT count(*) FROM categories"), ==, 0);
}

/* The helper process: opens (migrates) a database, and stops itself after
 * migration @pause_after when asked, until the test lets it go on. */
static int pause_after;

static void
stop_after_migration (int version)
{
  if (version == pause_after)
    raise (SIGSTOP);
}

static int
migrate_helper (const char *path,
                int         pause)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthClock) clock = hearth_clock_new_system ();
  g_autoptr (HearthStore) store = NULL;

  pause_after = pause;
  _hearth_store_set_migration_hook (stop_after_migration);
  store = hearth_store_open (path, clock, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return hearth_store_get_schema_version (store) == hearth_store_get_latest_schema_version () ? 0 : 2;
}

static GPid
spawn_helper (const char *path,
              int         pause)
{
  g_autofree char *pause_text = g_strdup_printf ("%d", pause);
  const char *argv[] = { "/proc/self/exe", "--migrate-helper", path, pause_text, NULL };
  g_autoptr (GError) error = NULL;
  GPid pid;

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

static int
wait_exit (GPid pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/*
 * Two Hearths open an old database, one of them paused between two
 * migrations while the other migrates to the end. Each reads the version again
 * under the write lock: the paused one, let go, skips what is done, the file
 * is at the latest version with the latest schema, and the backup is the old
 * database, whole, with no partial copy beside it.
 */
static void
test_two_processes_migrate_one_file (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStore) old = NULL;
  g_autoptr (HearthStore) backup = NULL;
  g_autofree char *backup_path = g_strconcat (f->path, ".bak-v5", NULL);
  g_autofree char *folder = g_path_get_dirname (f->path);
  g_autoptr (GDir) dir = NULL;
  const char *name;
  GPid paused;
  GPid other;
  int status = 0;

  old = _hearth_store_open_at_version (f->path, f->clock, 5, &error);
  g_assert_no_error (error);
  insert_user (old, "ada");
  g_clear_object (&old);

  /* One stops after migration 6 has committed, with the file at version 6
   * and its own idea of the version in memory; the other starts then and
   * migrates to the end. */
  paused = spawn_helper (f->path, 6);
  g_assert_cmpint (waitpid (paused, &status, WUNTRACED), ==, paused);
  g_assert_true (WIFSTOPPED (status));
  other = spawn_helper (f->path, 0);
  g_assert_cmpint (wait_exit (other), ==, 0);
  kill (paused, SIGCONT);
  g_assert_cmpint (wait_exit (paused), ==, 0);

  open_store (f);
  g_assert_cmpint (hearth_store_get_schema_version (f->store), ==, hearth_store_get_latest_schema_version ());
  g_assert_cmpint (hearth_test_query_int (f->store, "PRAGMA user_version"), ==,
                   hearth_store_get_latest_schema_version ());
  g_assert_cmpint (count_users (f->store), ==, 1);
  /* Migration 7's column and 8's are there, once. */
  g_assert_cmpint (hearth_test_query_int (f->store, "SELECT count(*) FROM pragma_table_info ('lifelogs') "
                                                    "WHERE name = 'deleted_at'"), ==, 1);
  g_assert_cmpint (hearth_test_query_int (f->store, "SELECT count(*) FROM pragma_table_info ('sudo_sessions') "
                                                    "WHERE name = 'session_id'"), ==, 1);

  backup = _hearth_store_open_at_version (backup_path, f->clock, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_store_get_schema_version (backup), ==, 5);
  g_assert_cmpint (count_users (backup), ==, 1);
  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_null (strstr (name, ".part-"));
}

/* A backup killed halfway left its temporary file: the next migration removes
 * it, and a partial copy never has the backup's name. */
static void
test_partial_backup_is_removed (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStore) old = NULL;
  g_autofree char *partial = g_strconcat (f->path, ".bak-v5.part-ABC123", NULL);

  old = _hearth_store_open_at_version (f->path, f->clock, 5, &error);
  g_assert_no_error (error);
  g_clear_object (&old);
  g_assert_true (g_file_set_contents (partial, "half a database", -1, NULL));

  open_store (f);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
}

/* Closing checkpoints the log into the file, whoever still holds the store,
 * and every later use fails with an error instead of touching a closed
 * connection. */
static void
test_close_leaves_the_file_whole (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStore) held = NULL;
  g_autoptr (HearthStore) copy = NULL;
  g_autoptr (HearthStatement) statement = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *copy_dir = hearth_test_make_temp_dir ();
  g_autofree char *copy_path = g_build_filename (copy_dir, "hearth.db", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  open_store (f);
  held = g_object_ref (f->store);
  insert_user (f->store, "ada");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  hearth_store_close (f->store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  statement = hearth_store_prepare (held, "SELECT count(*) FROM users", &error);
  g_assert_null (statement);
  g_assert_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (hearth_store_execute (held, "SELECT 1", &error));
  g_assert_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_IO);
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy_path, contents, length, NULL));
  copy = hearth_store_open (copy_path, f->clock, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_users (copy), ==, 1);
  g_clear_object (&copy);
  hearth_test_remove_tree (copy_dir);
}

static void
test_newer_schema_is_refused (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStore) store = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autofree char *newer = g_strdup_printf ("PRAGMA user_version = %d",
                                            hearth_store_get_latest_schema_version () + 1);

  open_store (f);
  run_sql (f->store, newer);
  run_sql (f->store, "PRAGMA wal_checkpoint(TRUNCATE)");
  g_clear_object (&f->store);
  before = read_file (f->path);

  store = hearth_store_open (f->path, f->clock, &error);

  g_assert_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_NEWER_SCHEMA);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "newer version of Hearth"));
  after = read_file (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_random_bytes_are_refused (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStore) store = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autofree char *folder = g_path_get_dirname (f->path);
  guint8 noise[8192];

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_random_int_range (0, 256);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (f->path, (const char *) noise, sizeof noise, &error);
  g_assert_no_error (error);

  store = hearth_store_open (f->path, f->clock, &error);

  g_assert_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_CORRUPT);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "is not a Hearth database"));
  after = read_file (f->path);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), noise, sizeof noise);
}

static void
test_foreign_database_is_refused (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStore) foreign = NULL;
  g_autoptr (HearthStore) store = NULL;

  /* Another program's SQLite file: tables, but not ours. */
  foreign = _hearth_store_open_at_version (f->path, f->clock, 0, &error);
  g_assert_no_error (error);
  run_sql (foreign, "CREATE TABLE songs (title TEXT)");
  g_clear_object (&foreign);

  store = hearth_store_open (f->path, f->clock, &error);

  g_assert_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_CORRUPT);
  g_assert_null (store);
}

static void
test_uncreatable_folder_is_an_io_error (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStore) store = NULL;
  g_autofree char *file = g_build_filename (f->dir, "a-file", NULL);
  g_autofree char *path = g_build_filename (file, "hearth.db", NULL);

  /* A folder where a file stands cannot be made, even by root. */
  g_file_set_contents (file, "", 0, &error);
  g_assert_no_error (error);

  store = hearth_store_open (path, f->clock, &error);

  g_assert_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_IO);
  g_assert_null (store);
}

/* One row or none: none is an answer, a failed step an error. */
static void
test_fetch_optional (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStatement) one = NULL;
  g_autoptr (HearthStatement) none = NULL;
  g_autoptr (HearthStatement) failing = NULL;
  gboolean found = FALSE;

  open_store (f);
  one = hearth_store_prepare (f->store, "SELECT 42", &error);
  g_assert_no_error (error);
  g_assert_true (hearth_statement_fetch_optional (one, &found, &error));
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpint (hearth_statement_get_int64 (one, 0), ==, 42);

  none = hearth_store_prepare (f->store, "SELECT 1 FROM users WHERE id = -1", &error);
  g_assert_no_error (error);
  g_assert_true (hearth_statement_fetch_optional (none, &found, &error));
  g_assert_no_error (error);
  g_assert_false (found);

  /* abs() of the smallest integer overflows when the row is computed. */
  failing = hearth_store_prepare (f->store, "SELECT abs (-9223372036854775807 - 1)", &error);
  g_assert_no_error (error);
  g_assert_false (hearth_statement_fetch_optional (failing, &found, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == HEARTH_STORE_ERROR);
  g_assert_false (found);
}

/* Work in a worker ---------------------------------------------------------------- */

typedef struct
{
  HearthStore *caller;
  GThread     *caller_thread;
  gboolean     ran;
  gboolean     own_connection;
  gboolean     own_thread;
  gint64       now;
} WorkerProbe;

static void
probe_work (GTask        *task,
            HearthStore  *store,
            gpointer      task_data,
            GCancellable *cancellable)
{
  WorkerProbe *probe = task_data;
  GError *error = NULL;

  probe->ran = TRUE;
  probe->own_connection = store != probe->caller &&
                          g_str_equal (hearth_store_get_path (store), hearth_store_get_path (probe->caller));
  probe->own_thread = g_thread_self () != probe->caller_thread;
  probe->now = hearth_store_now (store);
  if (!hearth_store_execute (store, "CREATE TABLE worker_probe (x); INSERT INTO worker_probe VALUES (42)", &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
worker_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
test_worker_has_its_own_connection (Fixture       *f,
                                    gconstpointer  data)
{
  WorkerProbe probe = { NULL, g_thread_self (), FALSE, FALSE, FALSE, 0 };
  GAsyncResult *result = NULL;
  g_autoptr (GTask) task = g_task_new (NULL, NULL, worker_done_cb, &result);
  g_autoptr (GError) error = NULL;

  open_store (f);
  probe.caller = f->store;
  hearth_clock_advance (f->clock, 5 * G_TIME_SPAN_MINUTE);
  g_task_set_task_data (task, &probe, NULL);
  hearth_store_run_in_worker (f->store, task, probe_work);
  g_clear_object (&task);

  g_assert_true (g_task_propagate_boolean (G_TASK (wait_for_result (&result)), &error));
  g_assert_no_error (error);
  g_assert_true (probe.ran);
  g_assert_true (probe.own_connection);
  g_assert_true (probe.own_thread);
  /* The caller's clock, not the system's. */
  g_assert_cmpint (probe.now, ==, hearth_store_now (f->store));
  /* Committed on the same file. */
  g_assert_cmpint (hearth_test_query_int (f->store, "SELECT x FROM worker_probe"), ==, 42);
  g_object_unref (result);
}

static void
test_worker_reports_an_unopenable_file (Fixture       *f,
                                        gconstpointer  data)
{
  WorkerProbe probe = { NULL, g_thread_self (), FALSE, FALSE, FALSE, 0 };
  GAsyncResult *result = NULL;
  g_autoptr (GTask) task = g_task_new (NULL, NULL, worker_done_cb, &result);
  g_autoptr (GError) error = NULL;
  g_autofree char *file = g_build_filename (f->dir, "a-file", NULL);
  g_autofree char *path = g_build_filename (file, "hearth.db", NULL);

  g_file_set_contents (file, "", 0, &error);
  g_assert_no_error (error);
  g_task_set_task_data (task, &probe, NULL);
  hearth_store_open_in_worker (path, f->clock, task, probe_work);
  g_clear_object (&task);

  g_assert_false (g_task_propagate_boolean (G_TASK (wait_for_result (&result)), &error));
  g_assert_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_IO);
  g_assert_false (probe.ran);
  g_object_unref (result);
}

/* Statements and errors ----------------------------------------------------------- */

static void
test_statement_cache (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const char *sql = "SELECT username FROM users ORDER BY username";
  HearthStatement *first;
  HearthStatement *again;
  HearthStatement *inner;
  guint outer_rows = 0;

  open_store (f);
  insert_user (f->store, "ada");
  insert_user (f->store, "grace");

  first = hearth_store_prepare (f->store, sql, &error);
  g_assert_no_error (error);
  hearth_statement_release (first);
  again = hearth_store_prepare (f->store, sql, &error);
  g_assert_no_error (error);
  g_assert_true (again == first);

  /* The same query while it is borrowed: a second statement, both usable. */
  while (hearth_statement_next_row (again, &error))
    {
      guint inner_rows = 0;

      outer_rows++;
      inner = hearth_store_prepare (f->store, sql, &error);
      g_assert_no_error (error);
      g_assert_true (inner != again);
      while (hearth_statement_next_row (inner, &error))
        inner_rows++;
      g_assert_no_error (error);
      g_assert_cmpuint (inner_rows, ==, 2);
      hearth_statement_release (inner);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (outer_rows, ==, 2);
  hearth_statement_release (again);
}

static void
test_statement_reads_columns (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStatement) statement = NULL;

  open_store (f);

  statement = hearth_store_prepare (f->store, "SELECT ? AS a, ? AS b, NULL AS c", &error);
  g_assert_no_error (error);
  hearth_statement_bind_int64 (statement, 1, G_MAXINT64);
  hearth_statement_bind_text (statement, 2, "Zoë 🏠");
  g_assert_true (hearth_statement_fetch_one (statement, &error));
  g_assert_cmpint (hearth_statement_get_n_columns (statement), ==, 3);
  g_assert_cmpstr (hearth_statement_get_column_name (statement, 1), ==, "b");
  g_assert_cmpint (hearth_statement_get_int64 (statement, 0), ==, G_MAXINT64);
  g_assert_cmpstr (hearth_statement_get_text (statement, 1), ==, "Zoë 🏠");
  g_assert_false (hearth_statement_get_is_null (statement, 1));
  g_assert_true (hearth_statement_get_is_null (statement, 2));
  g_assert_null (hearth_statement_get_text (statement, 2));
}

static void
test_errors_are_mapped (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStatement) statement = NULL;

  open_store (f);
  insert_user (f->store, "ada");

  /* The same username in another case: a constraint. */
  hearth_store_execute (f->store,
                        "INSERT INTO users (username, display_name, created_at, updated_at) "
                        "VALUES ('ADA', 'Ada', 1, 1)",
                        &error);
  g_assert_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_CONSTRAINT);
  g_assert_null (strstr (error->message, "INSERT"));
  g_clear_error (&error);

  statement = hearth_store_prepare (f->store, "SELECT id FROM users WHERE username = ?", &error);
  g_assert_no_error (error);
  hearth_statement_bind_text (statement, 1, "nobody");
  g_assert_false (hearth_statement_fetch_one (statement, &error));
  g_assert_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (hearth_store_prepare (f->store, "SELEKT 1", &error));
  g_assert_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_FAILED);
}

static void
test_busy_is_reported (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStore) other = NULL;

  open_store (f);
  other = hearth_store_open (f->path, f->clock, &error);
  g_assert_no_error (error);
  hearth_store_set_busy_timeout (other, 10);

  g_assert_true (hearth_store_begin (f->store, &error));
  g_assert_no_error (error);

  g_assert_false (hearth_store_begin (other, &error));
  g_assert_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_BUSY);
  g_assert_false (hearth_store_in_transaction (other));

  hearth_store_rollback (f->store);
}

static void
test_full_disk_is_reported (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *limit = NULL;

  open_store (f);
  insert_user (f->store, "ada");

  /* A database that may not grow behaves as one on a full disk. */
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                           hearth_test_query_int (f->store, "PRAGMA page_count"));
  run_sql (f->store, limit);

  hearth_store_execute (f->store,
                        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
                        "INSERT INTO users (username, display_name, created_at, updated_at) "
                        "SELECT 'user' || i, printf('%.100c', 'x'), 1, 1 FROM n",
                        &error);
  g_assert_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_FULL);
  g_assert_cmpint (count_users (f->store), ==, 1);
}

/* Transactions ---------------------------------------------------------------------- */

static void
test_savepoint_rolls_back_alone (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  open_store (f);

  g_assert_true (hearth_store_begin (f->store, &error));
  insert_user (f->store, "outer");

  g_assert_true (hearth_store_begin (f->store, &error));
  insert_user (f->store, "inner");
  g_assert_cmpint (count_users (f->store), ==, 2);
  hearth_store_rollback (f->store);

  g_assert_true (hearth_store_in_transaction (f->store));
  g_assert_cmpint (count_users (f->store), ==, 1);

  /* A second savepoint at the same depth commits into the outer one. */
  g_assert_true (hearth_store_begin (f->store, &error));
  insert_user (f->store, "inner again");
  g_assert_true (hearth_store_commit (f->store, &error));

  g_assert_true (hearth_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (hearth_store_in_transaction (f->store));

  /* Seen from another connection, so the work is really committed. */
  {
    g_autoptr (HearthStore) other = hearth_store_open (f->path, f->clock, &error);
    g_autofree char *names = NULL;

    g_assert_no_error (error);
    names = hearth_test_query_text (other, "SELECT group_concat(username, ',') FROM "
                                           "(SELECT username FROM users ORDER BY username)");
    g_assert_cmpstr (names, ==, "inner again,outer");
  }
}

static void
test_outer_rollback_discards_everything (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  open_store (f);

  g_assert_true (hearth_store_begin (f->store, &error));
  insert_user (f->store, "outer");
  g_assert_true (hearth_store_begin (f->store, &error));
  insert_user (f->store, "inner");
  g_assert_true (hearth_store_commit (f->store, &error));
  hearth_store_rollback (f->store);

  g_assert_no_error (error);
  g_assert_false (hearth_store_in_transaction (f->store));
  g_assert_cmpint (count_users (f->store), ==, 0);
}

static gboolean
insert_then_fail (HearthStore  *store,
                  gpointer      user_data,
                  GError      **error)
{
  insert_user (store, user_data);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "changed my mind");
  return FALSE;
}

static gboolean
insert_and_succeed (HearthStore  *store,
                    gpointer      user_data,
                    GError      **error)
{
  insert_user (store, user_data);
  return TRUE;
}

static void
test_transaction_func (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  open_store (f);

  g_assert_false (hearth_store_transaction (f->store, insert_then_fail, "ada", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (count_users (f->store), ==, 0);
  g_assert_false (hearth_store_in_transaction (f->store));

  g_assert_true (hearth_store_transaction (f->store, insert_and_succeed, "ada", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_users (f->store), ==, 1);
}

/* Change notification ---------------------------------------------------------------- */

typedef struct
{
  GPtrArray *seen; /* "table:row" */
} Changes;

static void
changed_cb (HearthStore *store,
            const char  *table,
            gint64       row_id,
            Changes     *changes)
{
  g_ptr_array_add (changes->seen, g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, row_id));
}

static char *
joined (Changes *changes)
{
  g_ptr_array_add (changes->seen, NULL);
  {
    char *text = g_strjoinv (" ", (char **) changes->seen->pdata);

    g_ptr_array_remove_index (changes->seen, changes->seen->len - 1);
    return text;
  }
}

static void
test_changed_after_commit (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) seen_users = g_ptr_array_new_with_free_func (g_free);
  Changes all = { seen };
  Changes users_only = { seen_users };
  g_autofree char *text = NULL;

  open_store (f);
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), &all);
  g_signal_connect (f->store, "changed::users", G_CALLBACK (changed_cb), &users_only);

  /* Outside a transaction: announced when the statement is done. */
  insert_user (f->store, "ada");
  text = joined (&all);
  g_assert_cmpstr (text, ==, "users:1");
  g_clear_pointer (&text, g_free);

  /* Inside: nothing until the commit, and nothing from a rolled-back savepoint. */
  g_assert_true (hearth_store_begin (f->store, &error));
  insert_user (f->store, "grace");
  run_sql (f->store, "INSERT INTO tags (name, module) VALUES ('school', 'TASK')");
  g_assert_true (hearth_store_begin (f->store, &error));
  insert_user (f->store, "rolled back");
  hearth_store_rollback (f->store);
  run_sql (f->store, "UPDATE users SET display_name = 'Grace H.' WHERE username = 'grace'");
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_true (hearth_store_commit (f->store, &error));
  g_assert_no_error (error);

  text = joined (&all);
  g_assert_cmpstr (text, ==, "users:1 users:2 tags:1");
  g_clear_pointer (&text, g_free);
  text = joined (&users_only);
  g_assert_cmpstr (text, ==, "users:1 users:2");
  g_clear_pointer (&text, g_free);

  /* A rolled-back transaction announces nothing. */
  g_assert_true (hearth_store_begin (f->store, &error));
  insert_user (f->store, "never");
  hearth_store_rollback (f->store);
  g_assert_cmpuint (seen->len, ==, 3);
}

static void
test_changed_coalesces_many_rows (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  Changes all = { seen };

  open_store (f);
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), &all);

  run_sql (f->store,
           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
           "INSERT INTO users (username, display_name, created_at, updated_at) "
           "SELECT 'user' || i, 'User', 1, 1 FROM n");

  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "users:0");
  g_assert_cmpint (count_users (f->store), ==, 1000);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--migrate-helper"))
    return migrate_helper (argv[2], atoi (argv[3]));

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/clock/fake", test_clock_fake);
  g_test_add_func ("/store/clock/system", test_clock_system);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/clock/store-uses-its-clock", test_store_uses_its_clock);

  g_test_add_func ("/store/open/default-path", test_default_path);
  ADD ("/store/open/creates-private-files", test_open_creates_private_files);
  ADD ("/store/open/tightens-existing-modes", test_open_tightens_existing_modes);
  ADD ("/store/open/pragmas", test_open_pragmas);
  g_test_add_func ("/store/open/migrations-are-numbered", test_migrations_are_numbered);
  ADD ("/store/open/reopen-keeps-data-without-backup", test_reopen_keeps_data_without_backup);
  ADD ("/store/open/migration-backs-up-first", test_migration_backs_up_first);
  ADD ("/store/open/two-processes-migrate-one-file", test_two_processes_migrate_one_file);
  ADD ("/store/close-leaves-the-file-whole", test_close_leaves_the_file_whole);
  ADD ("/store/open/partial-backup-is-removed", test_partial_backup_is_removed);
  ADD ("/store/open/newer-schema-is-refused", test_newer_schema_is_refused);
  ADD ("/store/open/random-bytes-are-refused", test_random_bytes_are_refused);
  ADD ("/store/open/foreign-database-is-refused", test_foreign_database_is_refused);
  ADD ("/store/open/uncreatable-folder-is-an-io-error", test_uncreatable_folder_is_an_io_error);

  ADD ("/store/worker/own-connection", test_worker_has_its_own_connection);
  ADD ("/store/worker/unopenable-file", test_worker_reports_an_unopenable_file);
  ADD ("/store/statement/cache", test_statement_cache);
  ADD ("/store/statement/fetch-optional", test_fetch_optional);
  ADD ("/store/statement/reads-columns", test_statement_reads_columns);
  ADD ("/store/errors/mapped", test_errors_are_mapped);
  ADD ("/store/errors/busy", test_busy_is_reported);
  ADD ("/store/errors/full", test_full_disk_is_reported);

  ADD ("/store/transaction/savepoint-rolls-back-alone", test_savepoint_rolls_back_alone);
  ADD ("/store/transaction/outer-rollback-discards-everything", test_outer_rollback_discards_everything);
  ADD ("/store/transaction/func", test_transaction_func);

  ADD ("/store/changed/after-commit", test_changed_after_commit);
  ADD ("/store/changed/coalesces-many-rows", test_changed_coalesces_many_rows);

  return g_test_run ();
}
