/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-finance"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "hearth-finance-private.h"
#include "hearth-permissions.h"
#include "hearth-receipts.h"
#include "hearth-validation.h"

/*
 * Receipts: pictures and PDFs attached to transactions (`transaction_receipts`).
 *
 * A file is copied into the data folder's `receipts/` (0700) under the
 * BLAKE2b-256 hash of its bytes (0600), so the same file attached twice is kept
 * once; `document_url` holds that name, relative to the data folder. Its kind
 * is read from its first bytes, never from its name. When the last row that
 * names a file is removed, the file goes too.
 *
 * Files and rows agree under the write lock. Attaching writes the file first
 * (outside the lock, the slow part), then in its transaction writes it again
 * if a removal took it meanwhile. Removing checks, inside its transaction,
 * that no other row names the file and moves it aside ("receipts/.removed-*"),
 * unlinked after the commit or put back if the commit fails. A crash leaves at
 * most a file no row names (or one moved aside): hearth_finance_sweep_receipts()
 * removes those, under the write lock, when Hearth starts.
 *
 * Attaching reads up to 25 MB and hashes it: call it off the main thread.
 */

#define RECEIPTS_FOLDER "receipts"
/* A removed receipt's file between its row's deletion and the commit. */
#define REMOVED_PREFIX ".removed-"

void
hearth_receipt_free (HearthReceipt *receipt)
{
  if (receipt == NULL)
    return;
  g_free (receipt->path);
  g_free (receipt->content_type);
  g_free (receipt);
}

static const struct
{
  const char *content_type;
  const char *extension;
} kinds[] = {
  { "image/jpeg", "jpg" },
  { "image/png", "png" },
  { "image/webp", "webp" },
  { "application/pdf", "pdf" },
};

/**
 * hearth_receipt_sniff:
 * @data: the file's first bytes (16 are enough)
 *
 * Returns: (nullable): the content type the bytes say, or %NULL when they are
 *   not a JPEG, PNG, WebP picture or a PDF
 */
const char *
hearth_receipt_sniff (const guint8 *data,
                      gsize         length)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  if (length >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return "image/jpeg";
  if (length >= sizeof png && memcmp (data, png, sizeof png) == 0)
    return "image/png";
  if (length >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return "image/webp";
  if (length >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return "application/pdf";
  return NULL;
}

static const char *
extension_of (const char *content_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_str_equal (kinds[i].content_type, content_type))
        return kinds[i].extension;
    }
  return NULL;
}

static const char *
content_type_of (const char *name)
{
  const char *dot = strrchr (name, '.');

  for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_str_equal (kinds[i].extension, dot + 1))
        return kinds[i].content_type;
    }
  return "application/octet-stream";
}

static char *
data_folder (HearthFinance *self)
{
  return g_path_get_dirname (hearth_store_get_path (hearth_finance_get_store (self)));
}

/* Reads the whole file, refusing anything past the limit before it is read. */
static GBytes *
read_limited (GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GBytes) bytes = NULL;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > HEARTH_RECEIPT_MAX_BYTES)
    {
      g_set_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_FILE,
                   _("This file is larger than %d MB, the most a receipt may be."),
                   HEARTH_RECEIPT_MAX_BYTES / 1000 / 1000);
      return NULL;
    }

  /* One byte more than it said it has tells a file that grew meanwhile. */
  {
    gsize size = (gsize) g_file_info_get_size (info);
    g_autofree guint8 *buffer = g_malloc (size + 1);
    gsize read = 0;

    if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, size + 1, &read, cancellable, error))
      return NULL;
    if (read > size || read > HEARTH_RECEIPT_MAX_BYTES)
      {
        g_set_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_FILE,
                     _("This file changed while it was read. Try again."));
        return NULL;
      }
    bytes = g_bytes_new_take (g_steal_pointer (&buffer), read);
  }
  return g_steal_pointer (&bytes);
}

/* receipts/<hash>.<extension>: the name a file's bytes are stored under. */
static char *
name_for (GBytes     *bytes,
          const char *extension)
{
  guint8 hash[crypto_generichash_BYTES];
  char hex[crypto_generichash_BYTES * 2 + 1];
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  crypto_generichash (hash, sizeof hash, data, length, NULL, 0);
  sodium_bin2hex (hex, sizeof hex, hash, sizeof hash);
  return g_strdup_printf (RECEIPTS_FOLDER "/%s.%s", hex, extension);
}

/* Writes @bytes to @name in the data folder, unless it is there already. */
static gboolean
write_file (HearthFinance  *self,
            const char     *name,
            GBytes         *bytes,
            GError        **error)
{
  g_autofree char *folder = data_folder (self);
  g_autofree char *receipts = g_build_filename (folder, RECEIPTS_FOLDER, NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr (GError) local_error = NULL;
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  if (g_mkdir_with_parents (receipts, 0700) != 0)
    {
      int saved = errno;

      return hearth_store_set_error_from_errno (error, saved, receipts);
    }

  /* The same bytes are there already: nothing to write. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!g_file_set_contents_full (path, (const char *) data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0600, &local_error))
    {
      int code = local_error->domain == G_FILE_ERROR ? local_error->code : G_FILE_ERROR_FAILED;

      g_debug ("Writing %s: %s", path, local_error->message);
      return hearth_store_set_error_from_errno (error, code == G_FILE_ERROR_NOSPC ? ENOSPC
                                                      : code == G_FILE_ERROR_ROFS ? EROFS
                                                      : code == G_FILE_ERROR_ACCES || code == G_FILE_ERROR_PERM
                                                        ? EACCES : EIO,
                                               receipts);
    }
  return TRUE;
}

/* Inside the removal's transaction: whether another row still names @name. */
static gboolean
is_named (HearthStore  *store,
          const char   *name,
          gboolean     *out_named,
          GError      **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GError) local_error = NULL;

  statement = hearth_store_prepare (store, "SELECT 1 FROM transaction_receipts WHERE document_url = ? LIMIT 1",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_text (statement, 1, name);
  *out_named = hearth_statement_next_row (statement, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  HearthActor *actor;
  gint64       transaction_id;
  gint64       receipt_id;
  const char  *name;
  GBytes      *bytes;          /* attaching: written again if it went */
  char        *removed_name;
  char        *aside_path;     /* removing: the file, moved aside */
  HearthFinance *finance;
} Change;

static gboolean
attach_in_transaction (HearthStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  Change *change = user_data;
  g_autoptr (HearthStatement) statement = NULL;

  if (!_hearth_finance_authorize_transaction (store, change->actor, change->transaction_id, "receipt", "attach",
                                              TRUE, error))
    return FALSE;

  statement = hearth_store_prepare (store,
                                    "INSERT INTO transaction_receipts (transaction_id, document_url, created_at) "
                                    "VALUES (?, ?, ?) RETURNING id",
                                    error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, change->transaction_id);
  hearth_statement_bind_text (statement, 2, change->name);
  hearth_statement_bind_int64 (statement, 3, hearth_store_now (store));
  if (!hearth_statement_fetch_one (statement, error))
    return FALSE;
  change->receipt_id = hearth_statement_get_int64 (statement, 0);

  /* Under the lock: a removal of the same picture may have taken the file
   * since it was written. No removal runs now, so it stays. */
  return write_file (change->finance, change->name, change->bytes, error);
}

/**
 * hearth_finance_attach_receipt:
 * @file: a picture (JPEG, PNG, WebP) or a PDF, at most 25 MB
 *
 * Needs `receipt.attach` in the transaction's circle. Slow: reads and hashes
 * the file.
 *
 * Returns: the receipt's id, or 0
 */
gint64
hearth_finance_attach_receipt (HearthFinance  *self,
                               HearthActor    *actor,
                               gint64          transaction_id,
                               GFile          *file,
                               GCancellable   *cancellable,
                               GError        **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  const char *content_type;
  gsize length;
  const guint8 *data;
  Change change = { actor, transaction_id, 0 };

  g_return_val_if_fail (HEARTH_IS_FINANCE (self), 0);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), 0);
  g_return_val_if_fail (G_IS_FILE (file), 0);

  /* Asked before the file is read: a visitor's 25 MB are not read for nothing. */
  if (!_hearth_finance_authorize_transaction (hearth_finance_get_store (self), actor, transaction_id, "receipt",
                                              "attach", TRUE, error))
    return 0;

  bytes = read_limited (file, cancellable, error);
  if (bytes == NULL)
    return 0;
  data = g_bytes_get_data (bytes, &length);
  content_type = hearth_receipt_sniff (data, length);
  if (content_type == NULL)
    {
      g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_FILE,
                           _("This file is not a picture or a PDF. Attach a photo or a scan of the receipt."));
      return 0;
    }

  name = name_for (bytes, extension_of (content_type));
  if (!write_file (self, name, bytes, error))
    return 0;

  /* A file left without a row by a failure here is swept at the next start. */
  change.name = name;
  change.bytes = bytes;
  change.finance = self;
  if (!hearth_store_transaction (hearth_finance_get_store (self), attach_in_transaction, &change, error))
    return 0;
  return change.receipt_id;
}

typedef struct
{
  HearthActor *actor;
  gint64       transaction_id;
  GFile       *file;
} AttachTask;

static void
attach_task_free (AttachTask *task)
{
  g_clear_object (&task->actor);
  g_clear_object (&task->file);
  g_free (task);
}

typedef struct
{
  HearthStore *store;
  guint        removed;
} Sweep;

static gboolean
sweep_in_transaction (HearthStore  *store,
                      gpointer      user_data,
                      GError      **error)
{
  Sweep *sweep = user_data;
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GHashTable) named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *folder = g_path_get_dirname (hearth_store_get_path (store));
  g_autofree char *receipts = g_build_filename (folder, RECEIPTS_FOLDER, NULL);
  g_autoptr (GDir) dir = NULL;
  const char *entry;

  statement = hearth_store_prepare (store, "SELECT DISTINCT document_url FROM transaction_receipts", error);
  if (statement == NULL)
    return FALSE;
  while (hearth_statement_next_row (statement, &local_error))
    g_hash_table_add (named, hearth_statement_dup_text (statement, 0));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  dir = g_dir_open (receipts, 0, NULL);
  if (dir == NULL)
    return TRUE;
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *name = g_strconcat (RECEIPTS_FOLDER "/", entry, NULL);
      g_autofree char *path = NULL;

      if (g_hash_table_contains (named, name))
        continue;
      path = g_build_filename (receipts, entry, NULL);
      if (g_unlink (path) == 0)
        sweep->removed++;
      else
        g_warning ("Could not remove %s, which no receipt names: %s", path, g_strerror (errno));
    }
  return TRUE;
}

/**
 * hearth_receipts_sweep:
 * @store: a connection to the database whose receipts folder is swept
 * @out_removed: (out) (optional): how many files went
 *
 * Removes the files of the receipts folder that no row names: left by a crash
 * between writing a file and its row, or between a removal's commit and its
 * unlink (a receipt the family removed must not stay readable on disk).
 * Under the write lock, so that no attach or removal is halfway meanwhile.
 * Hearth calls it at start-up, in the worker that opens the database.
 */
gboolean
hearth_receipts_sweep (HearthStore  *store,
                       guint        *out_removed,
                       GError      **error)
{
  Sweep sweep = { store, 0 };

  g_return_val_if_fail (HEARTH_IS_STORE (store), FALSE);

  if (!hearth_store_transaction (store, sweep_in_transaction, &sweep, error))
    return FALSE;
  if (sweep.removed > 0)
    g_message ("Removed %u receipt files that no receipt named", sweep.removed);
  if (out_removed != NULL)
    *out_removed = sweep.removed;
  return TRUE;
}

static void
attach_work (GTask        *gtask,
             HearthStore  *store,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AttachTask *task = task_data;
  GError *error = NULL;
  g_autoptr (HearthFinance) finance = NULL;
  gint64 id;

  finance = _hearth_finance_new_for_worker (store);
  id = hearth_finance_attach_receipt (finance, task->actor, task->transaction_id, task->file, cancellable, &error);
  if (id == 0)
    g_task_return_error (gtask, error);
  else
    g_task_return_int (gtask, id);
}

/**
 * hearth_finance_attach_receipt_async:
 *
 * hearth_finance_attach_receipt() in a worker thread with its own connection:
 * reading, hashing and copying 25 MB never holds the window.
 */
void
hearth_finance_attach_receipt_async (HearthFinance       *self,
                                     HearthActor         *actor,
                                     gint64               transaction_id,
                                     GFile               *file,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr (GTask) gtask = g_task_new (self, cancellable, callback, user_data);
  AttachTask *task = g_new0 (AttachTask, 1);

  g_return_if_fail (HEARTH_IS_FINANCE (self));
  g_return_if_fail (HEARTH_IS_ACTOR (actor));
  g_return_if_fail (G_IS_FILE (file));

  task->actor = g_object_ref (actor);
  task->transaction_id = transaction_id;
  task->file = g_object_ref (file);
  g_task_set_source_tag (gtask, hearth_finance_attach_receipt_async);
  g_task_set_task_data (gtask, task, (GDestroyNotify) attach_task_free);
  hearth_store_run_in_worker (hearth_finance_get_store (self), gtask, attach_work);
}

/**
 * hearth_finance_attach_receipt_finish:
 *
 * Returns: the receipt's id, or 0 with @error set
 */
gint64
hearth_finance_attach_receipt_finish (HearthFinance  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  gssize id;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  id = g_task_propagate_int (G_TASK (result), error);
  if (id <= 0)
    return 0;
  /* Committed on the worker's connection: this one's listeners hear it here. */
  hearth_store_announce_change (hearth_finance_get_store (self), "transaction_receipts");
  return id;
}

/**
 * hearth_finance_list_receipts:
 *
 * Needs `receipt.read`.
 *
 * Returns: (transfer full) (element-type HearthReceipt): the transaction's
 *   receipts, oldest first
 */
GPtrArray *
hearth_finance_list_receipts (HearthFinance  *self,
                              HearthActor    *actor,
                              gint64          transaction_id,
                              GError        **error)
{
  HearthStore *store;
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GPtrArray) receipts = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (HEARTH_IS_FINANCE (self), NULL);

  store = hearth_finance_get_store (self);
  if (!_hearth_finance_authorize_transaction (store, actor, transaction_id, "receipt", "read", FALSE, error))
    return NULL;

  statement = hearth_store_prepare (store,
                                    "SELECT id, transaction_id, document_url FROM transaction_receipts "
                                    "WHERE transaction_id = ? ORDER BY id",
                                    error);
  if (statement == NULL)
    return NULL;
  hearth_statement_bind_int64 (statement, 1, transaction_id);

  folder = data_folder (self);
  receipts = g_ptr_array_new_with_free_func ((GDestroyNotify) hearth_receipt_free);
  while (hearth_statement_next_row (statement, &local_error))
    {
      HearthReceipt *receipt = g_new0 (HearthReceipt, 1);
      const char *name = hearth_statement_get_text (statement, 2);

      receipt->id = hearth_statement_get_int64 (statement, 0);
      receipt->transaction_id = hearth_statement_get_int64 (statement, 1);
      receipt->path = g_build_filename (folder, name, NULL);
      receipt->content_type = g_strdup (content_type_of (name));
      g_ptr_array_add (receipts, receipt);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&receipts);
}

static gboolean
move_aside_if_unnamed (Change       *change,
                       HearthStore  *store,
                       GError      **error)
{
  g_autofree char *folder = data_folder (change->finance);
  g_autofree char *path = g_build_filename (folder, change->removed_name, NULL);
  g_autofree char *base = g_path_get_basename (change->removed_name);
  g_autofree char *aside = NULL;
  gboolean named = FALSE;

  if (!is_named (store, change->removed_name, &named, error))
    return FALSE;
  if (named)
    return TRUE;

  aside = g_strdup_printf ("%s/" RECEIPTS_FOLDER "/" REMOVED_PREFIX "%s", folder, base);
  if (g_rename (path, aside) != 0)
    {
      int saved = errno;

      /* Already gone is what removing wants. */
      if (saved == ENOENT)
        return TRUE;
      return hearth_store_set_error_from_errno (error, saved, path);
    }
  change->aside_path = g_steal_pointer (&aside);
  return TRUE;
}

static gboolean
remove_in_transaction (HearthStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  Change *change = user_data;
  g_autoptr (HearthStatement) find = NULL;
  g_autoptr (HearthStatement) statement = NULL;

  find = hearth_store_prepare (store, "SELECT transaction_id, document_url FROM transaction_receipts WHERE id = ?",
                               error);
  if (find == NULL)
    return FALSE;
  hearth_statement_bind_int64 (find, 1, change->receipt_id);
  if (!hearth_statement_fetch_one (find, NULL))
    {
      g_set_error_literal (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED,
                           _("You are not allowed to see this receipt."));
      return FALSE;
    }
  if (!_hearth_finance_authorize_transaction (store, change->actor, hearth_statement_get_int64 (find, 0),
                                              "receipt", "remove", TRUE, error))
    return FALSE;
  change->removed_name = hearth_statement_dup_text (find, 1);

  g_clear_pointer (&find, hearth_statement_release);

  statement = hearth_store_prepare (store, "DELETE FROM transaction_receipts WHERE id = ?", error);
  if (statement == NULL)
    return FALSE;
  hearth_statement_bind_int64 (statement, 1, change->receipt_id);
  if (!hearth_statement_run (statement, error))
    return FALSE;

  /* The last row that named the file: moved aside under the lock, so that no
   * attach of the same picture can find it there and then lose it. */
  return move_aside_if_unnamed (change, store, error);
}

/**
 * hearth_finance_remove_receipt:
 *
 * Needs `receipt.remove` (ADMIN by default). The file goes when no other
 * receipt names it.
 */
gboolean
hearth_finance_remove_receipt (HearthFinance  *self,
                               HearthActor    *actor,
                               gint64          receipt_id,
                               GError        **error)
{
  Change change = { actor, 0, receipt_id };
  gboolean removed;

  g_return_val_if_fail (HEARTH_IS_FINANCE (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);

  change.finance = self;
  removed = hearth_store_transaction (hearth_finance_get_store (self), remove_in_transaction, &change, error);
  if (change.aside_path != NULL)
    {
      g_autofree char *folder = data_folder (self);
      g_autofree char *path = g_build_filename (folder, change.removed_name, NULL);

      /* Gone for good once the row is; back where it was if the row stayed. */
      if (removed ? g_unlink (change.aside_path) != 0 : g_rename (change.aside_path, path) != 0)
        g_warning ("Could not %s %s: %s", removed ? "remove" : "restore", change.aside_path, g_strerror (errno));
      g_free (change.aside_path);
    }
  g_free (change.removed_name);
  return removed;
}
