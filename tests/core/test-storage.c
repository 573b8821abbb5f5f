/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-test"
#define _GNU_SOURCE /* unshare */

#include "config.h"

#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "hearth-auth.h"
#include "hearth-circles.h"
#include "hearth-clock.h"
#include "hearth-finance.h"
#include "hearth-password.h"
#include "hearth-receipts.h"
#include "hearth-store.h"
#include "hearth-test-common.h"
#include "hearth-account.h"

/*
 * Storage that fails the way real disks and folders do, as the independent
 * trials made them fail: a full disk (a small tmpfs), a read-only mount, a
 * folder Hearth may not change (owned by another user), and a database file
 * made read-only and fixed again. Each case runs in a helper process of this
 * same program: in a mount namespace of its own for the mounts (as root, or
 * as an unprivileged user through `unshare --map-root-user`), and as another
 * user (setpriv, uid 65534) for the permissions when the tests run as root,
 * since root may write anything. The helper prints what Hearth said; the
 * test reads it.
 */

#define NOBODY 65534

static char *self_path;

/* Helper side ---------------------------------------------------------------------------- */

static int
say (const GError *error)
{
  if (error == NULL)
    g_print ("OK\n");
  else
    g_print ("%d %s\n", error->code, error->message);
  return 0;
}

static int
helper_open (const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthClock) clock = hearth_clock_new_system ();
  g_autofree char *path = g_build_filename (dir, "hearth.db", NULL);
  g_autoptr (HearthStore) store = hearth_store_open (path, clock, &error);

  if (store != NULL && hearth_test_count (store, "SELECT count(*) FROM users") < 0)
    return 1;
  return say (error);
}

/* A mount namespace of our own, where mounts do not reach the test's. */
static void
private_mounts (void)
{
  if (getuid () == 0 && unshare (CLONE_NEWNS) != 0)
    g_error ("unshare: %s", g_strerror (errno));
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    g_error ("making mounts private: %s", g_strerror (errno));
}

static void
mount_tmpfs (const char *dir,
             const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0700", size);

  if (mount ("tmpfs", dir, "tmpfs", 0, options) != 0)
    g_error ("mounting a tmpfs on %s: %s", dir, g_strerror (errno));
}

/* Fills what is left of the file system holding @dir. */
static void
fill (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "filler", NULL);
  FILE *file = fopen (path, "w");
  char block[4096] = { 0 };

  while (fwrite (block, 1, sizeof block, file) == sizeof block)
    ;
  fclose (file);
}

/* A new database on a disk with no room left. */
static int
helper_full_at_open (const char *dir)
{
  private_mounts ();
  mount_tmpfs (dir, "64k");
  fill (dir);
  return helper_open (dir);
}

/* A receipt attached when the disk has room for the database but not for it. */
static int
helper_full_receipt (const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthClock) clock = hearth_clock_new_fake (HEARTH_TEST_EPOCH);
  g_autoptr (HearthStore) store = NULL;
  g_autoptr (HearthAuth) auth = NULL;
  g_autoptr (HearthCircles) circles = NULL;
  g_autoptr (HearthFinance) finance = NULL;
  g_autoptr (HearthActor) ada = NULL;
  g_autoptr (HearthCircle) family = NULL;
  g_autoptr (HearthAccount) account = NULL;
  HearthTransactionDraft draft = { "2026-11-20", 350, FALSE, "Bread", NULL, 0 };
  gint64 line;
  g_autoptr (GFile) picture = NULL;
  g_autofree char *picture_path = g_build_filename (g_get_tmp_dir (), "hearth-storage-receipt.png", NULL);
  g_autofree guint8 *bytes = g_malloc0 (256 * 1024);
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  private_mounts ();
  mount_tmpfs (dir, "4m");
  store = hearth_test_open_store (dir, clock);
  auth = hearth_test_auth_new (store);
  circles = hearth_circles_new (hearth_auth_get_guard (auth));
  finance = hearth_finance_new (hearth_auth_get_guard (auth));
  ada = hearth_test_new_profile (auth, "ada", "Ada");
  family = hearth_circles_create (circles, ada, "Family", &error);
  g_assert_no_error (error);
  account = hearth_finance_create_account (finance, ada, hearth_circle_get_id (family), "Joint", "BANK", "EUR",
                                           &error);
  g_assert_no_error (error);
  line = hearth_finance_add_transaction (finance, ada, hearth_account_get_id (account), &draft, &error);
  g_assert_no_error (error);

  memcpy (bytes, png, sizeof png);
  for (gsize i = sizeof png; i < 256 * 1024; i++)
    bytes[i] = (guint8) (i * 7);
  g_assert_true (g_file_set_contents (picture_path, (const char *) bytes, 256 * 1024, NULL));
  picture = g_file_new_for_path (picture_path);
  fill (dir);

  hearth_finance_attach_receipt (finance, ada, line, picture, NULL, &error);
  g_unlink (picture_path);
  return say (error);
}

/* A database on a mount that has since become read-only. */
static int
helper_read_only_mount (const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthClock) clock = hearth_clock_new_system ();
  g_autofree char *path = g_build_filename (dir, "hearth.db", NULL);
  g_autoptr (HearthStore) store = NULL;

  private_mounts ();
  mount_tmpfs (dir, "8m");
  store = hearth_store_open (path, clock, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  if (mount (NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, NULL) != 0)
    g_error ("remounting %s read-only: %s", dir, g_strerror (errno));
  return helper_open (dir);
}

/* Test side ------------------------------------------------------------------------------ */

/* Runs this program as the helper @mode on @dir, and returns what it printed:
 * "OK", or the error's code and message. */
static char *
run_helper (const char *mode,
            const char *dir,
            gboolean    as_another_user,
            gboolean    own_mounts)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  if (as_another_user && getuid () == 0)
    {
      g_ptr_array_add (argv, "setpriv");
      g_ptr_array_add (argv, "--reuid=65534");
      g_ptr_array_add (argv, "--regid=65534");
      g_ptr_array_add (argv, "--clear-groups");
    }
  if (own_mounts && getuid () != 0)
    {
      g_ptr_array_add (argv, "unshare");
      g_ptr_array_add (argv, "--map-root-user");
      g_ptr_array_add (argv, "--mount");
    }
  g_ptr_array_add (argv, self_path);
  g_ptr_array_add (argv, (char *) mode);
  g_ptr_array_add (argv, (char *) dir);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("the helper %s failed: %s\n%s", mode, error->message, err);
  g_strchomp (out);
  g_test_message ("%s: %s", mode, out);
  return g_steal_pointer (&out);
}

/* A folder @owner may use, in a parent anyone may enter. */
static char *
make_dir (uid_t owner,
          int   mode)
{
  g_autofree char *parent = hearth_test_make_temp_dir ();
  char *dir = g_build_filename (parent, "data", NULL);

  g_assert_cmpint (g_chmod (parent, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (dir, mode), ==, 0);
  g_assert_cmpint (g_chmod (dir, mode), ==, 0);
  if (getuid () == 0)
    g_assert_cmpint (chown (dir, owner, owner), ==, 0);
  return dir;
}

static void
remove_dir (char *dir)
{
  g_autofree char *parent = g_path_get_dirname (dir);

  hearth_test_remove_tree (parent);
  g_free (dir);
}

static void
assert_said (const char *said,
             int         code,
             const char *words)
{
  g_autofree char *prefix = g_strdup_printf ("%d ", code);

  g_assert_true (g_str_has_prefix (said, prefix));
  g_assert_nonnull (strstr (said, words));
}

static void
test_full_disk_at_open (void)
{
  char *dir = make_dir (0, 0700);
  g_autofree char *said = run_helper ("--full-at-open", dir, FALSE, TRUE);

  assert_said (said, HEARTH_STORE_ERROR_FULL, "no room left on the disk");
  g_assert_null (strstr (said, "could not be read or written"));
  remove_dir (dir);
}

static void
test_full_disk_receipt (void)
{
  char *dir = make_dir (0, 0700);
  g_autofree char *said = run_helper ("--full-receipt", dir, FALSE, TRUE);

  assert_said (said, HEARTH_STORE_ERROR_FULL, "no room left on the disk");
  /* Nothing of GLib's words, nor a temporary file's name. */
  g_assert_null (strstr (said, "Failed to"));
  g_assert_null (strstr (said, ".png."));
  remove_dir (dir);
}

static void
test_read_only_mount (void)
{
  char *dir = make_dir (0, 0700);
  g_autofree char *said = run_helper ("--read-only-mount", dir, FALSE, TRUE);

  assert_said (said, HEARTH_STORE_ERROR_IO, "can only be read");
  remove_dir (dir);
}

/* The data folder belongs to someone else and lets everyone in: Hearth may
 * not make it private, and says so. */
static void
test_folder_of_another_user (void)
{
  /* As root the helper runs as uid 65534, and root owns the folder; as
   * anyone else, a folder root owns is another user's: /tmp's own. */
  char *dir = getuid () == 0 ? make_dir (0, 0777) : NULL;
  g_autofree char *said = run_helper ("--open", dir != NULL ? dir : g_get_tmp_dir (), TRUE, FALSE);

  assert_said (said, HEARTH_STORE_ERROR_IO, "not allowed to write");
  g_assert_null (strstr (said, "Could not create"));
  if (dir != NULL)
    remove_dir (dir);
}

/* A database file made read-only (0400) is refused in plain words; once it
 * is writable again, it opens, whatever modes its -wal and -shm were left
 * with. */
static void
test_read_only_file_fixed (void)
{
  char *dir = make_dir (NOBODY, 0700);
  g_autofree char *db = g_build_filename (dir, "hearth.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autofree char *created = run_helper ("--open", dir, TRUE, FALSE);
  g_autofree char *refused = NULL;
  g_autofree char *reopened = NULL;
  GStatBuf st;

  g_assert_cmpstr (created, ==, "OK");
  g_assert_cmpint (g_chmod (db, 0400), ==, 0);
  refused = run_helper ("--open", dir, TRUE, FALSE);
  assert_said (refused, HEARTH_STORE_ERROR_IO, "not allowed to write");

  /* What an earlier Hearth left: logs as read-only as the file was. */
  g_assert_true (g_file_set_contents (wal, "", 0, NULL));
  g_assert_true (g_file_set_contents (shm, "", 0, NULL));
  if (getuid () == 0)
    {
      g_assert_cmpint (chown (wal, NOBODY, NOBODY), ==, 0);
      g_assert_cmpint (chown (shm, NOBODY, NOBODY), ==, 0);
    }
  g_assert_cmpint (g_chmod (wal, 0400), ==, 0);
  g_assert_cmpint (g_chmod (shm, 0400), ==, 0);

  g_assert_cmpint (g_chmod (db, 0600), ==, 0);
  reopened = run_helper ("--open", dir, TRUE, FALSE);
  g_assert_cmpstr (reopened, ==, "OK");
  if (g_stat (wal, &st) == 0)
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  self_path = g_file_read_link ("/proc/self/exe", NULL);

  if (argc == 3 && g_str_equal (argv[1], "--open"))
    return helper_open (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--full-at-open"))
    return helper_full_at_open (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--full-receipt"))
    return helper_full_receipt (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--read-only-mount"))
    return helper_read_only_mount (argv[2]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/storage/full-disk-at-open", test_full_disk_at_open);
  g_test_add_func ("/storage/full-disk-receipt", test_full_disk_receipt);
  g_test_add_func ("/storage/read-only-mount", test_read_only_mount);
  g_test_add_func ("/storage/folder-of-another-user", test_folder_of_another_user);
  g_test_add_func ("/storage/read-only-file-fixed", test_read_only_file_fixed);

  return g_test_run ();
}
