/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hearth-clock.h"
#include "hearth-store.h"
#include "hearth-store-private.h"

/*
 * HearthStore is one connection to the database and the only code that talks to
 * SQLite. A store belongs to one thread at a time: a worker thread opens its own.
 *
 * Statements are prepared once and kept in a cache keyed by their SQL text; a
 * caller borrows one with hearth_store_prepare() and gives it back with
 * hearth_statement_release() (or g_autoptr), which resets it. When the same SQL is
 * already borrowed (a query inside a loop over that query), the caller gets a
 * private statement that is finalized on release.
 *
 * Transactions nest: the outermost is BEGIN IMMEDIATE (the write lock is taken at
 * once, so two writers never deadlock upgrading a read lock in WAL mode), inner
 * ones are savepoints. Rows that change are collected from SQLite's update hook
 * and announced with the `changed` signal once the outermost transaction commits;
 * work rolled back, at any depth, is never announced.
 */

/* 'HRTH', written into the file header, so that a foreign SQLite file is told
 * apart from a Hearth database. */
#define HEARTH_APPLICATION_ID 0x48525448
#define BUSY_TIMEOUT_MS 5000
#define STATEMENT_CACHE_MAX 128
/* Past this many changed rows of one table in one commit, `changed` is emitted
 * once for the table with row id 0: "re-read it all". */
#define CHANGED_ROWS_MAX 64

struct _HearthStatement
{
  HearthStore  *store;
  sqlite3_stmt *handle;
  char         *sql;
  gboolean      cached;
  gboolean      borrowed;
};

typedef struct
{
  const char *table; /* interned */
  gint64      row_id;
} Change;

struct _HearthStore
{
  GObject      parent_instance;

  char        *path;
  HearthClock *clock;
  sqlite3     *db;
  int          schema_version;

  GHashTable  *statements;      /* SQL text → HearthStatement */

  unsigned int depth;           /* 0: no transaction open */
  GArray      *pending;         /* Change, since the outermost BEGIN */
  GArray      *savepoint_marks; /* pending->len at each savepoint, by depth */
};

enum {
  PROP_0,
  PROP_PATH,
  PROP_CLOCK,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static HearthMigrationHook migration_hook;

G_DEFINE_QUARK (hearth-store-error-quark, hearth_store_error)
G_DEFINE_FINAL_TYPE (HearthStore, hearth_store, G_TYPE_OBJECT)

static void
statement_free (HearthStatement *statement)
{
  sqlite3_finalize (statement->handle);
  g_free (statement->sql);
  g_free (statement);
}

static void
hearth_store_finalize (GObject *object)
{
  HearthStore *self = HEARTH_STORE (object);

  hearth_store_close (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);

  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->savepoint_marks, g_array_unref);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (hearth_store_parent_class)->finalize (object);
}

static void
hearth_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HearthStore *self = HEARTH_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_store_class_init (HearthStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hearth_store_finalize;
  object_class->get_property = hearth_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         HEARTH_TYPE_CLOCK,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HearthStore::changed:
   * @table: the table whose rows changed; also the signal's detail
   * @row_id: the row's id, or 0 when many rows of @table changed
   *
   * Emitted after a commit, once for each row that the transaction inserted,
   * updated or deleted.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_INT64);
}

static void
hearth_store_init (HearthStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            NULL, (GDestroyNotify) statement_free);
  self->pending = g_array_new (FALSE, FALSE, sizeof (Change));
  self->savepoint_marks = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* Errors ---------------------------------------------------------------------- */

static HearthStoreError
error_code_from_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      return HEARTH_STORE_ERROR_CONSTRAINT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return HEARTH_STORE_ERROR_BUSY;
    case SQLITE_FULL:
      return HEARTH_STORE_ERROR_FULL;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return HEARTH_STORE_ERROR_CORRUPT;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_NOLFS:
      return HEARTH_STORE_ERROR_IO;
    default:
      return HEARTH_STORE_ERROR_FAILED;
    }
}

static const char *
error_message_from_sqlite (int rc)
{
  switch (rc)
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return _("Something with the same name is already saved.");
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return _("It refers to something that is not there any more, or is still in use.");
    case SQLITE_CONSTRAINT_TRIGGER:
      return _("History cannot be changed or deleted.");
    default:
      break;
    }

  switch (error_code_from_sqlite (rc))
    {
    case HEARTH_STORE_ERROR_CONSTRAINT:
      return _("A value is missing or not allowed here.");
    case HEARTH_STORE_ERROR_BUSY:
      return _("Hearth’s data is busy in another window. Try again in a moment.");
    case HEARTH_STORE_ERROR_FULL:
      return _("The disk is full. Free some space, then try again.");
    case HEARTH_STORE_ERROR_CORRUPT:
      return _("Hearth’s data file is damaged.");
    case HEARTH_STORE_ERROR_IO:
      return _("Hearth’s data file could not be read or written.");
    case HEARTH_STORE_ERROR_FAILED:
    case HEARTH_STORE_ERROR_NOT_FOUND:
    case HEARTH_STORE_ERROR_NEWER_SCHEMA:
    default:
      return _("Something went wrong while saving or reading data.");
    }
}

/* Sets @error for SQLite's result @rc. The message is written for the person at
 * the keyboard; SQLite's own words, which name tables and constraints, go to the
 * debug log. Always returns %FALSE. */
static gboolean
set_error_from_sqlite (HearthStore  *self,
                       int           rc,
                       GError      **error)
{
  g_debug ("%s: %s (%d)",
           self->path,
           self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc),
           rc);

  /* A full disk, a read-only disk or a refused permission, said as such. */
  switch (error_code_from_sqlite (rc))
    {
    case HEARTH_STORE_ERROR_FULL:
      return hearth_store_set_error_from_errno (error, ENOSPC, self->path);
    case HEARTH_STORE_ERROR_IO:
      {
        int saved_errno = self->db != NULL ? sqlite3_system_errno (self->db) : 0;

        if ((rc & 0xff) == SQLITE_READONLY && saved_errno == 0)
          saved_errno = access (self->path, W_OK) != 0 ? errno : EACCES;
        if (saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EROFS ||
            saved_errno == EACCES || saved_errno == EPERM)
          return hearth_store_set_error_from_errno (error, saved_errno, self->path);
      }
      break;
    default:
      break;
    }

  g_set_error_literal (error, HEARTH_STORE_ERROR,
                       error_code_from_sqlite (rc),
                       error_message_from_sqlite (rc));
  return FALSE;
}

static gboolean
set_closed_error (HearthStore  *self,
                  GError      **error)
{
  g_debug ("%s: used after it was closed", self->path);
  g_set_error_literal (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_IO,
                       _("Hearth’s data is closed."));
  return FALSE;
}

/* Change notification ----------------------------------------------------------- */

static void
update_hook_cb (void          *user_data,
                int            operation,
                const char    *database,
                const char    *table,
                sqlite3_int64  row_id)
{
  HearthStore *self = user_data;
  Change change;

  /* The full-text index's own tables are an implementation detail. */
  if (g_str_has_prefix (table, "search_index_"))
    return;

  change.table = g_intern_string (table);
  change.row_id = row_id;
  g_array_append_val (self->pending, change);
}

static void
emit_pending_changes (HearthStore *self)
{
  g_autoptr (GArray) changes = NULL;
  g_autoptr (GHashTable) per_table = NULL;
  g_autoptr (GHashTable) seen = NULL;

  if (self->pending->len == 0)
    return;

  /* Handlers may write to the store: take the list first. */
  changes = g_steal_pointer (&self->pending);
  self->pending = g_array_new (FALSE, FALSE, sizeof (Change));

  per_table = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < changes->len; i++)
    {
      const Change *change = &g_array_index (changes, Change, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_table, change->table));

      g_hash_table_insert (per_table, (gpointer) change->table, GUINT_TO_POINTER (n + 1));
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < changes->len; i++)
    {
      const Change *change = &g_array_index (changes, Change, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_table, change->table));
      gint64 row_id = n > CHANGED_ROWS_MAX ? 0 : change->row_id;
      char *key = g_strdup_printf ("%s\n%" G_GINT64_FORMAT, change->table, row_id);

      if (!g_hash_table_add (seen, key))
        continue;

      g_signal_emit (self, signals[CHANGED], g_quark_from_string (change->table),
                     change->table, row_id);
    }
}

/* Opening ------------------------------------------------------------------------ */

/**
 * hearth_store_dup_default_path:
 * @data_dir: (nullable): a folder chosen on the command line, or %NULL
 *
 * Where the database lives: in @data_dir when given, else in `$HEARTH_DATA_DIR`
 * when set, else in `$XDG_DATA_HOME/hearth`.
 *
 * Returns: (transfer full): the path of the database file
 */
char *
hearth_store_dup_default_path (const char *data_dir)
{
  const char *env = g_getenv ("HEARTH_DATA_DIR");

  if (data_dir != NULL && *data_dir != '\0')
    return g_build_filename (data_dir, HEARTH_STORE_FILE_NAME, NULL);

  if (env != NULL && *env != '\0')
    return g_build_filename (env, HEARTH_STORE_FILE_NAME, NULL);

  return g_build_filename (g_get_user_data_dir (), "hearth", HEARTH_STORE_FILE_NAME, NULL);
}

/**
 * hearth_store_set_error_from_errno:
 * @saved_errno: why writing @path failed
 * @path: the file or folder Hearth could not write
 *
 * Says what is wrong with a file Hearth keeps (the database, its backup, a
 * receipt) in words a person can act on: a full disk, a disk that can only be
 * read, a folder Hearth may not write to. The path named is the one the
 * person knows, never a temporary file's.
 *
 * Returns: %FALSE
 */
gboolean
hearth_store_set_error_from_errno (GError     **error,
                                   int          saved_errno,
                                   const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
      g_set_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_FULL,
                   _("There is no room left on the disk for “%s”. Free some space and try again."), display);
      break;
    case EROFS:
      g_set_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_IO,
                   _("“%s” is on a disk that can only be read. Hearth needs to write there."), display);
      break;
    case EACCES:
    case EPERM:
      g_set_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_IO,
                   _("Hearth is not allowed to write to “%s”. Check who owns it and its permissions."), display);
      break;
    default:
      g_set_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_IO,
                   _("Could not write to “%s”: %s"), display, g_strerror (saved_errno));
      break;
    }
  return FALSE;
}

static gboolean
set_io_error_from_errno (int           saved_errno,
                         const char   *path,
                         GError      **error)
{
  return hearth_store_set_error_from_errno (error, saved_errno, path);
}

/* Creates @path with mode 0600 unless it exists; an existing file loses any
 * group or other permission. SQLite gives its -wal and -shm files the mode of the
 * database file, so they are private too. */
static gboolean
ensure_private_file (const char  *path,
                     GError     **error)
{
  GStatBuf st;
  int fd;

  if (g_stat (path, &st) == 0)
    {
      if ((st.st_mode & 0077) != 0 && g_chmod (path, st.st_mode & 0700) != 0)
        return set_io_error_from_errno (errno, path, error);
      return TRUE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    return set_io_error_from_errno (errno, path, error);

  if (fd >= 0)
    g_close (fd, NULL);

  return TRUE;
}

/* The database file must be writable by us: a file made read-only (0400), or
 * on a disk mounted read-only, is refused with the reason, not opened
 * read-only to fail at the first change. */
static gboolean
ensure_writable (const char  *path,
                 GError     **error)
{
  if (access (path, R_OK | W_OK) != 0)
    return set_io_error_from_errno (errno, path, error);
  return TRUE;
}

/*
 * SQLite gives -wal and -shm the mode of the database file when it makes
 * them. After the file was 0400 they stay 0400 when the file is fixed, and
 * the database cannot be opened any more: they are made 0600 again (ours),
 * or named when they are someone else's.
 */
static gboolean
repair_log_files (const char  *path,
                  GError     **error)
{
  static const char * const suffixes[] = { "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *log = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (log, &st) != 0 || (st.st_mode & 0777) == 0600)
        continue;
      if (st.st_uid == geteuid () && g_chmod (log, 0600) == 0)
        {
          g_debug ("Gave %s back its mode 0600 (it was %o)", log, st.st_mode & 0777);
          continue;
        }
      if (access (log, R_OK | W_OK) != 0)
        return set_io_error_from_errno (errno, log, error);
    }
  return TRUE;
}

static gboolean
ensure_private_folder (const char  *folder,
                       GError     **error)
{
  GStatBuf st;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    return set_io_error_from_errno (errno, folder, error);

  if (g_stat (folder, &st) != 0)
    return set_io_error_from_errno (errno, folder, error);

  if ((st.st_mode & 0077) != 0 && g_chmod (folder, 0700) != 0)
    return set_io_error_from_errno (errno, folder, error);

  return TRUE;
}

static gboolean
query_int (HearthStore  *self,
           const char   *sql,
           int          *out_value,
           GError      **error)
{
  g_autoptr (HearthStatement) statement = hearth_store_prepare (self, sql, error);

  if (statement == NULL || !hearth_statement_fetch_one (statement, error))
    return FALSE;

  *out_value = (int) hearth_statement_get_int64 (statement, 0);
  return TRUE;
}

static gboolean
set_not_a_database_error (HearthStore  *self,
                          GError      **error)
{
  g_autofree char *display = g_filename_display_name (self->path);

  g_set_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_CORRUPT,
               _("“%s” is not a Hearth database, or it is damaged."), display);
  return FALSE;
}

static gboolean
configure_connection (HearthStore  *self,
                      GError      **error)
{
  g_autoptr (HearthStatement) journal = NULL;
  g_autoptr (GError) local_error = NULL;

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  /* Refuse writes that corrupt the file even when the SQL asks for them. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);

  /* The first read of the file: a file that is not a database fails here. */
  if (!query_int (self, "PRAGMA user_version", &self->schema_version, &local_error))
    {
      if (g_error_matches (local_error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_CORRUPT))
        return set_not_a_database_error (self, error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (self->schema_version > hearth_store_get_latest_schema_version ())
    {
      g_set_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_NEWER_SCHEMA,
                   _("This data was saved by a newer version of Hearth "
                     "(data version %d; this version reads up to %d). "
                     "Update Hearth to open it."),
                   self->schema_version, hearth_store_get_latest_schema_version ());
      return FALSE;
    }

  if (self->schema_version > 0)
    {
      int application_id = 0;

      if (!query_int (self, "PRAGMA application_id", &application_id, error))
        return FALSE;
      if (application_id != HEARTH_APPLICATION_ID)
        return set_not_a_database_error (self, error);
    }
  else
    {
      int n_objects = 0;

      /* A version 0 file must be empty: anything else is someone else's. */
      if (!query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
        return FALSE;
      if (n_objects > 0)
        return set_not_a_database_error (self, error);
    }

  journal = hearth_store_prepare (self, "PRAGMA journal_mode = WAL", error);
  if (journal == NULL || !hearth_statement_fetch_one (journal, error))
    return FALSE;
  if (g_strcmp0 (hearth_statement_get_text (journal, 0), "wal") != 0)
    {
      g_set_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_IO,
                   _("Hearth’s data file cannot be opened for safe writing here."));
      return FALSE;
    }
  g_clear_pointer (&journal, hearth_statement_release);

  /* A page cache of 8 MiB (SQLite's default is 2 MiB): the pages a screen of
   * ledger reads stay; bulk work raises it for its own transaction
   * (hearth_store_set_cache_size()), and a window's process stays small. */
  /* Temporary tables (an import's staged rows) in memory: they lock nothing
   * and are gone with the connection. */
  return hearth_store_execute (self,
                               "PRAGMA foreign_keys = ON;"
                               "PRAGMA synchronous = FULL;"
                               "PRAGMA cache_size = -8192;"
                               "PRAGMA temp_store = MEMORY;",
                               error);
}

/* Leftovers of a backup that was killed before its rename: only ever removed
 * under the write lock, where no other Hearth is writing one. */
static void
remove_partial_backups (HearthStore *self)
{
  g_autofree char *folder = g_path_get_dirname (self->path);
  g_autofree char *base = g_path_get_basename (self->path);
  g_autofree char *prefix = g_strconcat (base, ".bak-v", NULL);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && strstr (name, ".part-") != NULL)
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);

        g_debug ("Removing a partial backup: %s", path);
        g_unlink (path);
      }
}

/*
 * Copies the database as it is at @version to "hearth.db.bak-vN". Called
 * inside the first migration's transaction, so it is the version nobody else
 * is migrating. Written to a temporary name and renamed when complete: a
 * backup killed halfway never passes for a whole one.
 */
static gboolean
back_up (HearthStore  *self,
         int           version,
         GError      **error)
{
  g_autofree char *backup_path = g_strdup_printf ("%s.bak-v%d", self->path, version);
  g_autofree char *partial_path = g_strdup_printf ("%s.part-XXXXXX", backup_path);
  g_autofree char *display = g_filename_display_name (backup_path);
  sqlite3 *source_db = NULL;
  sqlite3 *backup_db = NULL;
  sqlite3_backup *backup;
  int saved_errno = 0;
  int rc;
  int fd;

  remove_partial_backups (self);

  fd = g_mkstemp_full (partial_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_io_error_from_errno (errno, partial_path, error);
  g_close (fd, NULL);

  /* The copy is read through a connection of its own: this one holds the
   * write lock, which SQLite's backup refuses to read through. Nothing is
   * written before the copy, so it reads what this transaction sees. */
  rc = sqlite3_open_v2 (self->path, &source_db, SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (source_db, BUSY_TIMEOUT_MS);
      rc = sqlite3_open_v2 (partial_path, &backup_db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
    }
  if (rc == SQLITE_OK)
    {
      /* No journal beside a file that is renamed only when whole. */
      rc = sqlite3_exec (backup_db, "PRAGMA journal_mode = OFF", NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (backup_db, "main", source_db, "main");
      if (backup == NULL)
        rc = sqlite3_extended_errcode (backup_db);
      else
        {
          gint64 deadline = g_get_monotonic_time () + BUSY_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;

          /* Busy is waited for, as every other statement waits. */
          do
            {
              rc = sqlite3_backup_step (backup, -1);
              if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
                g_usleep (10 * G_TIME_SPAN_MILLISECOND);
            }
          while (((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) &&
                 g_get_monotonic_time () < deadline);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    g_debug ("Backing up to %s: %s", partial_path, sqlite3_errstr (rc));
  if (sqlite3_close (backup_db) != SQLITE_OK && rc == SQLITE_OK)
    rc = SQLITE_IOERR;
  sqlite3_close (source_db);

  if (rc == SQLITE_OK && g_rename (partial_path, backup_path) != 0)
    {
      saved_errno = errno;
      rc = SQLITE_IOERR;
    }

  if (rc != SQLITE_OK)
    {
      g_unlink (partial_path);
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        g_set_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_BUSY,
                     _("Hearth’s data is busy in another window. Close the other Hearth and try again."));
      else
        g_set_error (error, HEARTH_STORE_ERROR,
                     (rc & 0xff) == SQLITE_FULL || saved_errno == ENOSPC ? HEARTH_STORE_ERROR_FULL
                                                                        : HEARTH_STORE_ERROR_IO,
                     (rc & 0xff) == SQLITE_FULL || saved_errno == ENOSPC
                       ? _("There is no room on the disk to save a copy of Hearth’s data to “%s” before updating it.")
                       : _("Could not save a copy of Hearth’s data to “%s” before updating it."),
                     display);
      return FALSE;
    }

  return TRUE;
}

/* A migration runs with foreign keys off: this finds any key it broke. */
static gboolean
check_foreign_keys (HearthStore  *self,
                    GError      **error)
{
  g_autoptr (HearthStatement) statement = hearth_store_prepare (self, "PRAGMA foreign_key_check", error);
  g_autoptr (GError) local_error = NULL;

  if (statement == NULL)
    return FALSE;
  if (hearth_statement_next_row (statement, &local_error))
    {
      g_set_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_CONSTRAINT,
                   "a row of %s refers to a missing row of %s",
                   hearth_statement_get_text (statement, 0), hearth_statement_get_text (statement, 2));
      return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/*
 * Migrates to @target_version, one transaction a migration. Two Hearths may
 * open an old file at once: each reads user_version again inside the
 * migration's write lock, skips what the other already did, and never writes a
 * lower version than the file has.
 */
static gboolean
migrate (HearthStore  *self,
         int           target_version,
         GError      **error)
{
  g_autoptr (GPtrArray) migrations = _hearth_store_list_migrations ();
  gboolean backed_up = FALSE;

  for (guint i = 0; i < migrations->len; i++)
    {
      const HearthMigration *migration = g_ptr_array_index (migrations, i);
      g_autofree char *set_version = NULL;
      int current = 0;

      if (migration->version <= self->schema_version || migration->version > target_version)
        continue;

      /* SQLite's way of changing a table it cannot alter in place: foreign keys
       * off (outside the transaction, where the pragma works), the table
       * rebuilt, every key checked before the commit, keys back on. Dropping
       * the old table then deletes nothing through ON DELETE CASCADE. */
      if (!hearth_store_execute (self, "PRAGMA foreign_keys = OFF", error))
        return FALSE;
      if (!hearth_store_begin (self, error))
        {
          hearth_store_execute (self, "PRAGMA foreign_keys = ON", NULL);
          return FALSE;
        }

      /* Under the write lock: what the file is now, not what it was. */
      if (!query_int (self, "PRAGMA user_version", &current, error))
        goto failed;
      if (current > hearth_store_get_latest_schema_version ())
        {
          g_set_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_NEWER_SCHEMA,
                       _("This data was saved by a newer version of Hearth "
                         "(data version %d; this version reads up to %d). "
                         "Update Hearth to open it."),
                       current, hearth_store_get_latest_schema_version ());
          hearth_store_rollback (self);
          hearth_store_execute (self, "PRAGMA foreign_keys = ON", NULL);
          return FALSE;
        }
      if (current >= migration->version)
        {
          g_debug ("%s is at version %d already: another Hearth migrated it", self->path, current);
          hearth_store_rollback (self);
          self->schema_version = current;
          if (!hearth_store_execute (self, "PRAGMA foreign_keys = ON", error))
            return FALSE;
          continue;
        }

      /* Keep a copy of the data as it was before the first migration touches
       * it (a new, empty file has nothing worth keeping). */
      if (!backed_up && current > 0 && !back_up (self, current, error))
        {
          hearth_store_rollback (self);
          hearth_store_execute (self, "PRAGMA foreign_keys = ON", NULL);
          return FALSE;
        }
      backed_up = TRUE;

      g_debug ("Migrating %s to version %d (%s)",
               self->path, migration->version, migration->name);

      set_version = g_strdup_printf ("PRAGMA application_id = %d;"
                                     "PRAGMA user_version = %d;",
                                     HEARTH_APPLICATION_ID, migration->version);

      if (!hearth_store_execute (self, migration->sql, error) ||
          !check_foreign_keys (self, error) ||
          !hearth_store_execute (self, set_version, error) ||
          !hearth_store_commit (self, error))
        goto failed;
      if (!hearth_store_execute (self, "PRAGMA foreign_keys = ON", error))
        return FALSE;

      self->schema_version = migration->version;
      if (migration_hook != NULL)
        migration_hook (migration->version);
    }

  return TRUE;

failed:
  hearth_store_rollback (self);
  hearth_store_execute (self, "PRAGMA foreign_keys = ON", NULL);
  g_prefix_error (error, _("Could not update Hearth’s data: "));
  return FALSE;
}

/* For tests: @hook is called after each migration commits (a test pauses a
 * process there, mid-migration). */
void
_hearth_store_set_migration_hook (HearthMigrationHook hook)
{
  migration_hook = hook;
}

/**
 * hearth_store_open:
 * @path: the database file; it and its folder are created when missing
 * @clock: the clock that services of this store read
 * @error: where to report why the file cannot be used
 *
 * Opens the database, creating or migrating it to the latest schema. A file from
 * a newer Hearth fails with %HEARTH_STORE_ERROR_NEWER_SCHEMA; a file that is not
 * a Hearth database, or is damaged, with %HEARTH_STORE_ERROR_CORRUPT.
 *
 * Returns: (transfer full): the store, or %NULL
 */
HearthStore *
hearth_store_open (const char   *path,
                   HearthClock  *clock,
                   GError      **error)
{
  return _hearth_store_open_at_version (path, clock, hearth_store_get_latest_schema_version (), error);
}

/* Opens and migrates up to @target_version only: tests use it to make the
 * database an older Hearth would have left. */
HearthStore *
_hearth_store_open_at_version (const char   *path,
                               HearthClock  *clock,
                               int           target_version,
                               GError      **error)
{
  g_autoptr (HearthStore) self = NULL;
  g_autofree char *folder = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (HEARTH_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (HEARTH_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->clock = g_object_ref (clock);

  folder = g_path_get_dirname (path);
  if (!ensure_private_folder (folder, error) || !ensure_private_file (path, error) ||
      !ensure_writable (path, error) || !repair_log_files (path, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_sqlite (self, rc, error);
      return NULL;
    }
  /* SQLite opens a file it may not write read-only, without a word: every
   * change would fail later. Said now instead. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      hearth_store_set_error_from_errno (error, EACCES, path);
      return NULL;
    }

  if (!configure_connection (self, error) || !migrate (self, target_version, error))
    return NULL;

  /* Only now: migrations announce nothing, since nobody listens yet and a new
   * schema is not a change a list model should react to. */
  sqlite3_update_hook (self->db, update_hook_cb, self);

  return g_steal_pointer (&self);
}

const char *
hearth_store_get_path (HearthStore *self)
{
  g_return_val_if_fail (HEARTH_IS_STORE (self), NULL);

  return self->path;
}

HearthClock *
hearth_store_get_clock (HearthStore *self)
{
  g_return_val_if_fail (HEARTH_IS_STORE (self), NULL);

  return self->clock;
}

/**
 * hearth_store_now:
 *
 * Returns: the time of the store's clock, in the unit of every timestamp column
 */
gint64
hearth_store_now (HearthStore *self)
{
  g_return_val_if_fail (HEARTH_IS_STORE (self), 0);

  return hearth_clock_get_now (self->clock);
}

/* Workers ------------------------------------------------------------------------ */

typedef struct
{
  char                *path;
  HearthClock         *clock;
  HearthStoreWorkFunc  func;
} Worker;

static void
worker_free (Worker *worker)
{
  g_free (worker->path);
  g_clear_object (&worker->clock);
  g_free (worker);
}

static void
worker_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Worker *worker = g_object_get_data (G_OBJECT (task), "hearth-store-worker");
  g_autoptr (HearthStore) store = NULL;
  GError *error = NULL;

  store = hearth_store_open (worker->path, worker->clock, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  worker->func (task, store, task_data, cancellable);
}

/**
 * hearth_store_open_in_worker:
 * @path: the database file
 * @clock: the clock the worker's connection reads
 * @task: a task made by the caller, with its source, tag, data and callback
 * @func: the work, which returns through @task
 *
 * Runs @func in a worker thread on a connection of its own to @path, opened
 * (and migrated) there: every thread has its own (ARCHITECTURE.md). When the
 * file cannot be opened, @task returns that error and @func is not called. The
 * one way Hearth works off the main thread on the database.
 */
void
hearth_store_open_in_worker (const char          *path,
                             HearthClock         *clock,
                             GTask               *task,
                             HearthStoreWorkFunc  func)
{
  Worker *worker;

  g_return_if_fail (path != NULL);
  g_return_if_fail (HEARTH_IS_CLOCK (clock));
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  worker = g_new0 (Worker, 1);
  worker->path = g_strdup (path);
  worker->clock = g_object_ref (clock);
  worker->func = func;
  g_object_set_data_full (G_OBJECT (task), "hearth-store-worker", worker, (GDestroyNotify) worker_free);
  g_task_run_in_thread (task, worker_thread);
}

/**
 * hearth_store_run_in_worker:
 *
 * hearth_store_open_in_worker() on the file and clock of @self. What the
 * worker commits is announced on its own connection only: the caller calls
 * hearth_store_announce_change() on @self when the task returns, for its
 * listeners.
 */
void
hearth_store_run_in_worker (HearthStore         *self,
                            GTask               *task,
                            HearthStoreWorkFunc  func)
{
  g_return_if_fail (HEARTH_IS_STORE (self));

  hearth_store_open_in_worker (self->path, self->clock, task, func);
}

/**
 * hearth_store_set_busy_timeout:
 * @timeout_ms: how long a statement waits for another connection's write lock
 *   before it fails with %HEARTH_STORE_ERROR_BUSY
 */
void
hearth_store_set_busy_timeout (HearthStore *self,
                               int          timeout_ms)
{
  g_return_if_fail (HEARTH_IS_STORE (self));
  g_return_if_fail (timeout_ms >= 0);

  if (self->db != NULL)
    sqlite3_busy_timeout (self->db, timeout_ms);
}

/**
 * hearth_store_close:
 *
 * Closes the connection now, whoever still holds the store: the application
 * calls it when it quits, so that SQLite checkpoints the write-ahead log into
 * the database file (and removes it, when this was the last connection) and
 * the file the README names holds every row by itself. Every later call on the
 * store fails with %HEARTH_STORE_ERROR_IO. Call it outside any transaction,
 * with every statement given back.
 */
void
hearth_store_close (HearthStore *self)
{
  int rc;

  g_return_if_fail (HEARTH_IS_STORE (self));

  if (self->db == NULL)
    return;

  if (self->depth > 0)
    g_critical ("%s was closed inside an open transaction; it is rolled back", self->path);

  /* The cached statements first: SQLite closes no connection with one open. */
  g_hash_table_remove_all (self->statements);
  rc = sqlite3_close (self->db);
  if (rc != SQLITE_OK)
    {
      /* A statement still borrowed: the data reaches the file all the same,
       * and the connection closes when the statement is finalized. */
      g_critical ("Closing %s: %s (a statement was not released)", self->path, sqlite3_errstr (rc));
      sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
    }
  self->db = NULL;
  self->depth = 0;
  g_debug ("Closed %s", self->path);
}

int
hearth_store_get_schema_version (HearthStore *self)
{
  g_return_val_if_fail (HEARTH_IS_STORE (self), 0);

  return self->schema_version;
}

/* Statements ---------------------------------------------------------------------- */

/**
 * hearth_store_execute:
 * @sql: one or more statements without parameters
 *
 * Runs @sql to its end, discarding any rows. For schema work and pragmas; data
 * goes through hearth_store_prepare() and bound parameters.
 */
gboolean
hearth_store_execute (HearthStore  *self,
                      const char   *sql,
                      GError      **error)
{
  int rc;

  g_return_val_if_fail (HEARTH_IS_STORE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  if (self->db == NULL)
    return set_closed_error (self, error);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return set_error_from_sqlite (self, rc, error);

  if (self->depth == 0)
    emit_pending_changes (self);

  return TRUE;
}

/**
 * hearth_store_prepare:
 * @sql: one statement, with `?` parameters
 *
 * Borrows the prepared statement for @sql, preparing it the first time.
 *
 * Returns: (transfer full): the statement, to give back with
 *   hearth_statement_release(), or %NULL
 */
HearthStatement *
hearth_store_prepare (HearthStore  *self,
                      const char   *sql,
                      GError      **error)
{
  HearthStatement *statement;
  int rc;

  g_return_val_if_fail (HEARTH_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (self->db == NULL)
    {
      set_closed_error (self, error);
      return NULL;
    }

  statement = g_hash_table_lookup (self->statements, sql);
  if (statement != NULL && !statement->borrowed)
    {
      statement->borrowed = TRUE;
      return statement;
    }

  statement = g_new0 (HearthStatement, 1);
  statement->store = self;
  statement->sql = g_strdup (sql);
  statement->borrowed = TRUE;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                           &statement->handle, NULL);
  if (rc != SQLITE_OK)
    {
      g_debug ("Preparing “%s”", sql);
      set_error_from_sqlite (self, rc, error);
      statement_free (statement);
      return NULL;
    }

  if (!g_hash_table_contains (self->statements, sql) &&
      g_hash_table_size (self->statements) < STATEMENT_CACHE_MAX)
    {
      statement->cached = TRUE;
      g_hash_table_insert (self->statements, statement->sql, statement);
    }

  return statement;
}

/**
 * hearth_statement_release:
 *
 * Gives a borrowed statement back: it is reset and its parameters cleared.
 */
void
hearth_statement_release (HearthStatement *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->borrowed);

  hearth_statement_reset (self);
  self->borrowed = FALSE;

  if (!self->cached)
    statement_free (self);
}

/**
 * hearth_statement_reset:
 *
 * Makes a borrowed statement ready to run again, with no parameters bound.
 */
void
hearth_statement_reset (HearthStatement *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->borrowed);

  sqlite3_reset (self->handle);
  sqlite3_clear_bindings (self->handle);

  if (self->store->depth == 0)
    emit_pending_changes (self->store);
}

void
hearth_statement_bind_int64 (HearthStatement *self,
                             int              index,
                             gint64           value)
{
  g_return_if_fail (self != NULL);

  if (sqlite3_bind_int64 (self->handle, index, value) != SQLITE_OK)
    g_critical ("Cannot bind parameter %d of “%s”", index, self->sql);
}

/**
 * hearth_statement_bind_text:
 * @value: (nullable): UTF-8 text, copied; %NULL binds NULL
 */
void
hearth_statement_bind_text (HearthStatement *self,
                            int              index,
                            const char      *value)
{
  int rc;

  g_return_if_fail (self != NULL);

  if (value == NULL)
    rc = sqlite3_bind_null (self->handle, index);
  else
    rc = sqlite3_bind_text (self->handle, index, value, -1, SQLITE_TRANSIENT);

  if (rc != SQLITE_OK)
    g_critical ("Cannot bind parameter %d of “%s”", index, self->sql);
}

void
hearth_statement_bind_null (HearthStatement *self,
                            int              index)
{
  g_return_if_fail (self != NULL);

  if (sqlite3_bind_null (self->handle, index) != SQLITE_OK)
    g_critical ("Cannot bind parameter %d of “%s”", index, self->sql);
}

/**
 * hearth_statement_next_row:
 *
 * Steps to the next row.
 *
 * Returns: %TRUE when a row is ready to read; %FALSE after the last row, or on
 *   failure with @error set
 */
gboolean
hearth_statement_next_row (HearthStatement  *self,
                           GError          **error)
{
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->borrowed, FALSE);

  rc = sqlite3_step (self->handle);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    return FALSE;

  sqlite3_reset (self->handle);
  return set_error_from_sqlite (self->store, rc, error);
}

/**
 * hearth_store_set_cache_size:
 * @kib: the page cache's size in KiB; 0 for the store's default (8 MiB)
 *
 * A large cache for bulk work: an import of a hundred thousand rows keeps its
 * pages in memory while its transaction lasts instead of spilling them to the
 * journal before the commit. Set it back to 0 when done.
 */
void
hearth_store_set_cache_size (HearthStore *self,
                             guint        kib)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = -%u", kib != 0 ? kib : 8192);

  g_return_if_fail (HEARTH_IS_STORE (self));
  if (!hearth_store_execute (self, pragma, NULL))
    g_warning ("Could not set the page cache to %u KiB", kib);
}

/**
 * hearth_store_announce_change:
 * @table: a table that another connection changed
 *
 * Emits `changed` (@table, 0) for a commit made on another connection to the
 * same file, such as a worker thread's: this connection's listeners then
 * read the table again.
 */
void
hearth_store_announce_change (HearthStore *self,
                              const char  *table)
{
  g_return_if_fail (HEARTH_IS_STORE (self));
  g_return_if_fail (table != NULL);

  g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table, (gint64) 0);
}

/**
 * hearth_statement_collect:
 * @new_from_row: makes one item from the statement's current row
 * @free_func: frees an item
 *
 * Steps through every row and makes an item of each: the loop of every list
 * query, written once.
 *
 * Returns: (transfer full): the items, in row order, or %NULL on error
 */
GPtrArray *
hearth_statement_collect (HearthStatement  *self,
                          HearthRowFunc     new_from_row,
                          GDestroyNotify    free_func,
                          GError          **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (free_func);
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (new_from_row != NULL, NULL);

  while (hearth_statement_next_row (self, &local_error))
    g_ptr_array_add (items, new_from_row (self));

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&items);
}

/**
 * hearth_statement_fetch_one:
 *
 * Steps to the first row, for a query that finds one row.
 *
 * Returns: %TRUE when a row is ready to read; %FALSE with
 *   %HEARTH_STORE_ERROR_NOT_FOUND when there is none
 */
gboolean
hearth_statement_fetch_one (HearthStatement  *self,
                            GError          **error)
{
  g_autoptr (GError) local_error = NULL;

  if (hearth_statement_next_row (self, &local_error))
    return TRUE;

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error_literal (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_NOT_FOUND,
                         _("It is not there any more."));
  return FALSE;
}

/**
 * hearth_statement_fetch_optional:
 * @out_found: (out): whether a row is ready to read
 *
 * Steps to the first row, for a query that finds one row or none, when none
 * is an answer and not a failure ("is this session open?"): the caller says
 * what none means in its own words.
 *
 * Returns: %FALSE only when the step failed, with @error set
 */
gboolean
hearth_statement_fetch_optional (HearthStatement  *self,
                                 gboolean         *out_found,
                                 GError          **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (out_found != NULL, FALSE);

  *out_found = hearth_statement_next_row (self, &local_error);
  if (local_error == NULL)
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * hearth_statement_run:
 *
 * Runs the statement to its end, discarding any rows.
 */
gboolean
hearth_statement_run (HearthStatement  *self,
                      GError          **error)
{
  g_autoptr (GError) local_error = NULL;

  while (hearth_statement_next_row (self, &local_error))
    ;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

int
hearth_statement_get_n_columns (HearthStatement *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return sqlite3_column_count (self->handle);
}

const char *
hearth_statement_get_column_name (HearthStatement *self,
                                  int              column)
{
  g_return_val_if_fail (self != NULL, NULL);

  return sqlite3_column_name (self->handle, column);
}

gboolean
hearth_statement_get_is_null (HearthStatement *self,
                              int              column)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return sqlite3_column_type (self->handle, column) == SQLITE_NULL;
}

gint64
hearth_statement_get_int64 (HearthStatement *self,
                            int              column)
{
  g_return_val_if_fail (self != NULL, 0);

  return sqlite3_column_int64 (self->handle, column);
}

/**
 * hearth_statement_get_text:
 *
 * Returns: (nullable): the column's text, valid until the next step or release
 */
const char *
hearth_statement_get_text (HearthStatement *self,
                           int              column)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char *) sqlite3_column_text (self->handle, column);
}

char *
hearth_statement_dup_text (HearthStatement *self,
                           int              column)
{
  return g_strdup (hearth_statement_get_text (self, column));
}

/* Transactions ---------------------------------------------------------------------- */

/**
 * hearth_store_begin:
 *
 * Opens a transaction, or a savepoint inside the one that is open. Each begin is
 * matched by one hearth_store_commit() or hearth_store_rollback().
 */
gboolean
hearth_store_begin (HearthStore  *self,
                    GError      **error)
{
  g_autofree char *sql = NULL;
  guint mark;

  g_return_val_if_fail (HEARTH_IS_STORE (self), FALSE);

  if (self->depth == 0)
    {
      if (!hearth_store_execute (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->depth = 1;
      return TRUE;
    }

  sql = g_strdup_printf ("SAVEPOINT hearth_%u", self->depth);
  if (!hearth_store_execute (self, sql, error))
    return FALSE;

  mark = self->pending->len;
  g_array_set_size (self->savepoint_marks, self->depth);
  g_array_index (self->savepoint_marks, guint, self->depth - 1) = mark;
  self->depth++;

  return TRUE;
}

gboolean
hearth_store_commit (HearthStore  *self,
                     GError      **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (HEARTH_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    {
      if (!hearth_store_execute (self, "COMMIT", error))
        return FALSE;
      self->depth = 0;
      emit_pending_changes (self);
      return TRUE;
    }

  sql = g_strdup_printf ("RELEASE hearth_%u", self->depth - 1);
  if (!hearth_store_execute (self, sql, error))
    return FALSE;
  self->depth--;

  return TRUE;
}

/**
 * hearth_store_rollback:
 *
 * Undoes the innermost open transaction or savepoint. It cannot fail in a way a
 * caller could handle, so it reports nothing.
 */
void
hearth_store_rollback (HearthStore *self)
{
  g_autofree char *sql = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (HEARTH_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    {
      /* SQLite may have rolled back already (after SQLITE_FULL, say). */
      if (!sqlite3_get_autocommit (self->db) &&
          !hearth_store_execute (self, "ROLLBACK", &error))
        g_warning ("Rolling back: %s", error->message);
      self->depth = 0;
      g_array_set_size (self->pending, 0);
      return;
    }

  self->depth--;
  sql = g_strdup_printf ("ROLLBACK TO hearth_%u; RELEASE hearth_%u", self->depth, self->depth);
  if (!hearth_store_execute (self, sql, &error))
    g_warning ("Rolling back to a savepoint: %s", error->message);
  g_array_set_size (self->pending, g_array_index (self->savepoint_marks, guint, self->depth - 1));
}

/**
 * hearth_store_transaction:
 * @func: the work to do in the transaction
 *
 * Runs @func in a transaction (a savepoint when one is open) and commits when it
 * returns %TRUE, or rolls back when it fails.
 */
gboolean
hearth_store_transaction (HearthStore                 *self,
                          HearthStoreTransactionFunc   func,
                          gpointer                     user_data,
                          GError                     **error)
{
  g_return_val_if_fail (HEARTH_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!hearth_store_begin (self, error))
    return FALSE;

  if (!func (self, user_data, error) || !hearth_store_commit (self, error))
    {
      hearth_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

gboolean
hearth_store_in_transaction (HearthStore *self)
{
  g_return_val_if_fail (HEARTH_IS_STORE (self), FALSE);

  return self->depth > 0;
}
