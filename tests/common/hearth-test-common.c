/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-test"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "hearth-store.h"
#include "hearth-auth.h"
#include "hearth-store-private.h"
#include "hearth-test-common.h"

/*
 * Helpers every test shares: a private temporary folder per test, and one-line
 * queries for assertions. Nothing here decides what a test expects.
 */

/* Returns: (transfer full): a new, empty folder, removed by hearth_test_remove_tree() */
char *
hearth_test_make_temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("hearth-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
hearth_test_remove_tree (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

          if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
            hearth_test_remove_tree (child);
          else
            g_unlink (child);
          g_object_unref (info);
        }
    }

  g_rmdir (path);
}

/* Returns: (transfer full): a store on a new database in @dir */
HearthStore *
hearth_test_open_store (const char  *dir,
                        HearthClock *clock)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, HEARTH_STORE_FILE_NAME, NULL);
  HearthStore *store = hearth_store_open (path, clock, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

gint64
hearth_test_query_int (HearthStore *store,
                       const char  *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStatement) statement = hearth_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  hearth_statement_fetch_one (statement, &error);
  g_assert_no_error (error);
  return hearth_statement_get_int64 (statement, 0);
}

char *
hearth_test_query_text (HearthStore *store,
                        const char  *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStatement) statement = hearth_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  hearth_statement_fetch_one (statement, &error);
  g_assert_no_error (error);
  return hearth_statement_dup_text (statement, 0);
}

/* One integer from SQL written with printf's format. */
gint64
hearth_test_count (HearthStore *store,
                   const char  *sql_format,
                   ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, sql_format);
  sql = g_strdup_vprintf (sql_format, args);
  va_end (args);
  return hearth_test_query_int (store, sql);
}

/* The database an older Hearth (schema @version) left at @path, with the rows
 * @sql writes: what a migration test starts from. */
void
hearth_test_make_old_database (const char  *path,
                               HearthClock *clock,
                               int          version,
                               const char  *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStore) old = _hearth_store_open_at_version (path, clock, version, &error);

  g_assert_no_error (error);
  g_assert_true (hearth_store_execute (old, sql, &error));
  g_assert_no_error (error);
}

/* A new profile with HEARTH_TEST_PASSWORD, signed in (and in sudo mode, as
 * every new profile is). */
/**
 * hearth_test_finalize:
 * @object_ptr: (inout) (nullable): where an object the test holds is
 *
 * What tear-downs call instead of g_clear_object(): the object must go with
 * the test's reference, so a reference leaked anywhere (a model that keeps the
 * store, a signal handler's closure) fails the test. A worker thread that has
 * just returned its task may still hold the task, and through it its source
 * object, for a moment: that is waited for (5 s at most), so the object is
 * finalized here, on the test's thread. %NULL is allowed.
 */
void
hearth_test_finalize (gpointer object_ptr)
{
  GObject **where = object_ptr;
  GObject *object = g_steal_pointer (where);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  if (object == NULL)
    return;
  while (g_atomic_int_get ((int *) &object->ref_count) > 1 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_finalize_object (object);
}

/* The auth service over @store, with its own guard and the cheapest password
 * cost: what every test but the cost's own uses. */
HearthAuth *
hearth_test_auth_new (HearthStore *store)
{
  g_autoptr (HearthGuard) guard = hearth_guard_new (store);

  return hearth_auth_new (guard, hearth_password_cost_cheapest ());
}

HearthActor *
hearth_test_new_profile (HearthAuth *auth,
                         const char *username,
                         const char *display_name)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) keys = NULL;
  HearthActor *actor = hearth_auth_create_profile (auth, username, display_name, NULL, HEARTH_TEST_PASSWORD,
                                                   &keys, &error);

  g_assert_no_error (error);
  g_assert_nonnull (actor);
  return actor;
}
