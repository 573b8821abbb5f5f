/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-finance"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "hearth-audit.h"
#include "hearth-csv.h"
#include "hearth-finance-private.h"
#include "hearth-import.h"
#include "hearth-import-private.h"

/*
 * Importing a bank's statement into an account. The whole file is read and
 * every row checked first: a file with bad rows reports each one, with its
 * line and why, and imports nothing. The rows are then staged in a temporary
 * table of the worker's own connection, which takes no lock on the database,
 * and one short transaction adds them all, set-based, with their logs and the
 * balance: other writers wait for that transaction only, never for the whole
 * import (a 100,000-row statement held them for seconds, row by row, and they
 * gave up after the busy timeout). Each row gets an import id: a hash of what it
 * says, and how many identical rows came before it in the file (two coffees on
 * one day are two rows); the same statement imported again adds nothing.
 */

#define CHECK_EVERY 1000

void
hearth_import_report_free (HearthImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

static void
problem_free (HearthImportProblem *problem)
{
  g_free (problem->reason);
  g_free (problem);
}

GPtrArray *
_hearth_import_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
}

void
_hearth_import_row_clear (gpointer data)
{
  HearthImportRow *row = data;

  g_free (row->description);
  g_free (row->payee);
  g_free (row->import_id);
}

static const char *
field (HearthCsvRow *row,
       int           column)
{
  if (column < 0 || (guint) column >= g_strv_length (row->fields))
    return NULL;
  return row->fields[column];
}

/* Three numbers separated by `-`, `/` or `.`, in the bank's order. */
static gboolean
read_date (const char       *text,
           HearthDateOrder   order,
           char              out[11])
{
  guint numbers[3] = { 0 };
  guint year, month, day;
  guint part = 0;
  guint digits = 0;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  for (const char *p = text; *p != '\0' && !g_ascii_isspace (*p); p++)
    {
      if (g_ascii_isdigit (*p) && digits < 4)
        {
          numbers[part] = numbers[part] * 10 + (guint) (*p - '0');
          digits++;
        }
      else if ((*p == '-' || *p == '/' || *p == '.') && digits > 0 && part < 2)
        {
          part++;
          digits = 0;
        }
      else
        {
          return FALSE;
        }
    }
  if (part != 2 || digits == 0)
    return FALSE;

  switch (order)
    {
    case HEARTH_DATE_ORDER_DMY:
      day = numbers[0], month = numbers[1], year = numbers[2];
      break;
    case HEARTH_DATE_ORDER_MDY:
      month = numbers[0], day = numbers[1], year = numbers[2];
      break;
    case HEARTH_DATE_ORDER_YMD:
    default:
      year = numbers[0], month = numbers[1], day = numbers[2];
      break;
    }
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_snprintf (out, 11, "%04u-%02u-%02u", year, month, day);
  return TRUE;
}

/* A signed amount: a minus (of either kind) or parentheses mean money out. */
static gboolean
read_signed_amount (const char               *text,
                    const char               *currency,
                    const HearthNumberFormat *format,
                    gint64                   *out_amount,
                    gboolean                 *out_incoming,
                    GError                  **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *digits = copy;
  gsize length = strlen (copy);

  *out_incoming = TRUE;
  if (*digits == '-')
    {
      *out_incoming = FALSE;
      digits++;
    }
  else if (g_str_has_prefix (digits, "\u2212"))
    {
      *out_incoming = FALSE;
      digits += strlen ("\u2212");
    }
  else if (length >= 2 && digits[0] == '(' && digits[length - 1] == ')')
    {
      *out_incoming = FALSE;
      digits[length - 1] = '\0';
      digits++;
    }
  else if (*digits == '+')
    {
      digits++;
    }
  return hearth_money_parse (digits, currency, format, out_amount, error);
}

void
_hearth_import_add_problem (GPtrArray  *problems,
                            guint       line,
                            const char *reason)
{
  HearthImportProblem *problem = g_new0 (HearthImportProblem, 1);

  problem->line = line;
  problem->reason = g_strdup (reason);
  g_ptr_array_add (problems, problem);
}

/* Reads one row into @out, or says what is wrong with it. */
static gboolean
read_row (HearthCsvRow           *csv,
          const HearthCsvImport  *options,
          const char             *currency,
          HearthImportRow        *out,
          GPtrArray              *problems)
{
  g_autoptr (GError) error = NULL;
  const char *description = field (csv, options->description_column);
  const char *payee = field (csv, options->payee_column);

  out->line = csv->line;
  if (!read_date (field (csv, options->date_column), options->date_order, out->date))
    {
      g_autofree char *reason = g_strdup_printf (_("“%s” is not a date."),
                                                 field (csv, options->date_column) != NULL
                                                 ? field (csv, options->date_column) : "");

      _hearth_import_add_problem (problems, csv->line, reason);
      return FALSE;
    }

  if (options->amount_column >= 0)
    {
      if (!read_signed_amount (field (csv, options->amount_column), currency, &options->number_format,
                               &out->amount, &out->incoming, &error))
        {
          _hearth_import_add_problem (problems, csv->line, error->message);
          return FALSE;
        }
    }
  else
    {
      const char *debit = field (csv, options->debit_column);
      const char *credit = field (csv, options->credit_column);
      g_autofree char *debit_text = g_strstrip (g_strdup (debit != NULL ? debit : ""));
      g_autofree char *credit_text = g_strstrip (g_strdup (credit != NULL ? credit : ""));

      if ((*debit_text == '\0') == (*credit_text == '\0'))
        {
          _hearth_import_add_problem (problems, csv->line, _("Exactly one of the debit and credit columns must hold an "
                                                             "amount."));
          return FALSE;
        }
      out->incoming = *credit_text != '\0';
      if (!hearth_money_parse (out->incoming ? credit_text : debit_text, currency, &options->number_format,
                               &out->amount, &error))
        {
          _hearth_import_add_problem (problems, csv->line, error->message);
          return FALSE;
        }
    }

  out->description = g_strstrip (g_strdup (description != NULL ? description : ""));
  out->payee = g_strstrip (g_strdup (payee != NULL ? payee : ""));
  if (g_utf8_strlen (out->description, -1) > HEARTH_TRANSACTION_DESCRIPTION_MAX_CHARS ||
      g_utf8_strlen (out->payee, -1) > HEARTH_TRANSACTION_PAYEE_MAX_CHARS)
    {
      _hearth_import_add_problem (problems, csv->line, _("The description or the payee is too long."));
      return FALSE;
    }
  return TRUE;
}

/* What the row says, hashed, with its rank among identical rows of the file. */
static void
set_import_id (HearthImportRow *row,
               GHashTable      *seen)
{
  g_autofree char *content = g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%d\x1f%s\x1f%s", row->date,
                                              row->amount, row->incoming, row->description, row->payee);
  guint8 hash[16];
  char hex[33];
  guint rank = GPOINTER_TO_UINT (g_hash_table_lookup (seen, content));

  g_hash_table_insert (seen, g_strdup (content), GUINT_TO_POINTER (rank + 1));
  crypto_generichash (hash, sizeof hash, (const guint8 *) content, strlen (content), NULL, 0);
  sodium_bin2hex (hex, sizeof hex, hash, sizeof hash);
  row->import_id = g_strdup_printf ("csv:%s:%u", hex, rank);
}

typedef struct
{
  HearthActor          *actor;
  gint64                account_id;
  GArray               *rows;
  GCancellable         *cancellable;
  HearthImportProgress  progress;
  gpointer              progress_data;
  HearthImportReport   *report;
} Import;

/* Outside any transaction: the rows, in a temporary table of this
 * connection. Writing there locks nothing that another connection uses. */
static gboolean
stage_rows (HearthStore  *store,
            Import       *import,
            GError      **error)
{
  gint64 circle_id;

  /* Asked before anything is staged: a visitor's rows are not copied for
   * nothing. Asked again under the lock. */
  if (!_hearth_finance_authorize_account (store, import->actor, import->account_id, "transaction", "import", TRUE,
                                          &circle_id, error))
    return FALSE;

  if (!hearth_store_execute (store,
                             "CREATE TEMP TABLE IF NOT EXISTS import_rows ("
                             "  seq INTEGER PRIMARY KEY, amount INTEGER NOT NULL, incoming INTEGER NOT NULL,"
                             "  occurred_on TEXT NOT NULL, description TEXT NOT NULL, payee TEXT NOT NULL,"
                             "  import_id TEXT NOT NULL);"
                             "DELETE FROM import_rows;",
                             error))
    return FALSE;

  for (guint i = 0; i < import->rows->len; i++)
    {
      HearthImportRow *row = &g_array_index (import->rows, HearthImportRow, i);
      g_autoptr (HearthStatement) insert = NULL;

      if (i % CHECK_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
            return FALSE;
          if (import->progress != NULL)
            import->progress (i, import->rows->len, import->progress_data);
        }

      insert = hearth_store_prepare (store,
                                     "INSERT INTO import_rows (seq, amount, incoming, occurred_on, description, "
                                     "payee, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                     error);
      if (insert == NULL)
        return FALSE;
      hearth_statement_bind_int64 (insert, 1, i);
      hearth_statement_bind_int64 (insert, 2, row->amount);
      hearth_statement_bind_int64 (insert, 3, row->incoming);
      hearth_statement_bind_text (insert, 4, row->date);
      hearth_statement_bind_text (insert, 5, row->description != NULL ? row->description : "");
      hearth_statement_bind_text (insert, 6, row->payee != NULL ? row->payee : "");
      hearth_statement_bind_text (insert, 7, row->import_id);
      if (!hearth_statement_run (insert, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_in_transaction (HearthStore  *store,
                       gpointer      user_data,
                       GError      **error)
{
  Import *import = user_data;
  g_autoptr (HearthStatement) last = NULL;
  g_autoptr (HearthStatement) insert = NULL;
  g_autoptr (HearthStatement) added = NULL;
  g_autoptr (HearthStatement) logs = NULL;
  gint64 circle_id;
  gint64 before;
  gint64 delta;
  gint64 now = hearth_store_now (store);

  if (!_hearth_finance_authorize_account (store, import->actor, import->account_id, "transaction", "import", TRUE,
                                          &circle_id, error))
    return FALSE;

  /* Under the write lock, new rows take ids above every id there is. */
  last = hearth_store_prepare (store, "SELECT ifnull (max (id), 0) FROM transactions", error);
  if (last == NULL || !hearth_statement_fetch_one (last, error))
    return FALSE;
  before = hearth_statement_get_int64 (last, 0);
  g_clear_pointer (&last, hearth_statement_release);

  /* A row already imported (its import id is there) is skipped. */
  insert = hearth_store_prepare (store,
                                 "INSERT INTO transactions (account_id, amount, direction, status, created_by, "
                                 "created_at, occurred_on, description, payee, import_id) "
                                 "SELECT ?1, amount, CASE WHEN incoming THEN 'IN' ELSE 'OUT' END, 'POSTED', ?2, ?3, "
                                 "occurred_on, description, payee, import_id FROM import_rows ORDER BY seq "
                                 "ON CONFLICT (account_id, import_id) WHERE import_id IS NOT NULL DO NOTHING",
                                 error);
  if (insert == NULL)
    return FALSE;
  hearth_statement_bind_int64 (insert, 1, import->account_id);
  hearth_statement_bind_int64 (insert, 2, hearth_actor_get_user_id (import->actor));
  hearth_statement_bind_int64 (insert, 3, now);
  if (!hearth_statement_run (insert, error))
    return FALSE;
  g_clear_pointer (&insert, hearth_statement_release);

  added = hearth_store_prepare (store,
                                "SELECT count(*), ifnull (sum (CASE direction WHEN 'IN' THEN amount ELSE -amount END), "
                                "0) "
                                "FROM transactions WHERE id > ? AND account_id = ?",
                                error);
  if (added == NULL)
    return FALSE;
  hearth_statement_bind_int64 (added, 1, before);
  hearth_statement_bind_int64 (added, 2, import->account_id);
  if (!hearth_statement_fetch_one (added, error))
    return FALSE;
  import->report->added = (guint) hearth_statement_get_int64 (added, 0);
  delta = hearth_statement_get_int64 (added, 1);
  import->report->skipped = import->rows->len - import->report->added;
  g_clear_pointer (&added, hearth_statement_release);

  /* One log row per line added, as for a line entered by hand. */
  logs = hearth_store_prepare (store,
                               "INSERT INTO transaction_logs (transaction_id, old_status, new_status, changed_by, "
                               "created_at, changes) SELECT id, NULL, 'POSTED', ?, ?, '{\"imported\": true}' "
                               "FROM transactions WHERE id > ? AND account_id = ? ORDER BY id",
                               error);
  if (logs == NULL)
    return FALSE;
  hearth_statement_bind_int64 (logs, 1, hearth_actor_get_user_id (import->actor));
  hearth_statement_bind_int64 (logs, 2, now);
  hearth_statement_bind_int64 (logs, 3, before);
  hearth_statement_bind_int64 (logs, 4, import->account_id);
  if (!hearth_statement_run (logs, error))
    return FALSE;
  g_clear_pointer (&logs, hearth_statement_release);

  return _hearth_finance_move_balance (store, import->account_id, delta, import->report->added, error) &&
         (import->report->added == 0 ||
          hearth_audit_record (store, hearth_actor_get_user_id (import->actor), circle_id, "account",
                               import->account_id, "account.imported", error));
}

/**
 * hearth_finance_import_csv:
 * @data: the file's bytes
 * @options: how to read it
 * @cancellable: (nullable): cancels the import; nothing is imported then
 * @progress: (nullable): told how far it is, every thousand rows
 * @out_report: (out) (transfer full): what was added and skipped, and the
 *   rows that could not be read
 *
 * Needs `transaction.import` in the account's circle. All or nothing: when a
 * row cannot be read, every such row is in the report and nothing is imported
 * (%HEARTH_FINANCE_ERROR_IMPORT_PROBLEMS). Call it off the main thread.
 */
gboolean
hearth_finance_import_csv (HearthFinance          *self,
                           HearthActor            *actor,
                           gint64                  account_id,
                           const char             *data,
                           gsize                   length,
                           const HearthCsvImport  *options,
                           GCancellable           *cancellable,
                           HearthImportProgress    progress,
                           gpointer                progress_data,
                           HearthImportReport    **out_report,
                           GError                **error)
{
  g_autoptr (HearthImportReport) report = g_new0 (HearthImportReport, 1);
  g_autoptr (GPtrArray) csv = NULL;
  g_autoptr (GArray) rows = NULL;
  g_autoptr (GHashTable) seen = NULL;
  g_autoptr (HearthAccount) account = NULL;

  g_return_val_if_fail (HEARTH_IS_FINANCE (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (out_report != NULL, FALSE);

  report->problems = _hearth_import_problems_new ();
  *out_report = NULL;

  account = hearth_finance_get_account (self, actor, account_id, error);
  if (account == NULL)
    return FALSE;
  csv = hearth_csv_parse (data, length, options->encoding, options->delimiter, error);
  if (csv == NULL)
    return FALSE;

  rows = g_array_sized_new (FALSE, TRUE, sizeof (HearthImportRow), csv->len);
  g_array_set_clear_func (rows, _hearth_import_row_clear);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = options->has_header ? 1 : 0; i < csv->len; i++)
    {
      HearthImportRow row = { 0 };

      if (read_row (g_ptr_array_index (csv, i), options, hearth_account_get_currency (account), &row,
                    report->problems))
        {
          set_import_id (&row, seen);
          g_array_append_val (rows, row);
        }
      else
        {
          _hearth_import_row_clear (&row);
        }
    }

  return _hearth_import_rows (self, actor, account_id, rows, g_steal_pointer (&report), cancellable, progress,
                              progress_data, out_report, error);
}

/* Imports @rows, read from a file, into the account in one transaction; or,
 * when the report names problems, nothing. Takes @report. */
gboolean
_hearth_import_rows (HearthFinance         *self,
                     HearthActor           *actor,
                     gint64                 account_id,
                     GArray                *rows,
                     HearthImportReport    *report_in,
                     GCancellable          *cancellable,
                     HearthImportProgress   progress,
                     gpointer               progress_data,
                     HearthImportReport   **out_report,
                     GError               **error)
{
  g_autoptr (HearthImportReport) report = report_in;
  Import import = { actor, account_id };
  gboolean imported;

  if (report->problems->len > 0)
    {
      g_set_error (error, HEARTH_FINANCE_ERROR, HEARTH_FINANCE_ERROR_IMPORT_PROBLEMS,
                   g_dngettext (GETTEXT_PACKAGE, "%u line cannot be imported, so nothing was.",
                                "%u lines cannot be imported, so nothing was.", report->problems->len),
                   report->problems->len);
      *out_report = g_steal_pointer (&report);
      return FALSE;
    }

  import.rows = rows;
  import.cancellable = cancellable;
  import.progress = progress;
  import.progress_data = progress_data;
  import.report = report;
  if (!stage_rows (hearth_finance_get_store (self), &import, error))
    return FALSE;
  hearth_store_set_cache_size (hearth_finance_get_store (self), 32768);
  imported = hearth_store_transaction (hearth_finance_get_store (self), import_in_transaction, &import, error);
  hearth_store_set_cache_size (hearth_finance_get_store (self), 0);
  hearth_store_execute (hearth_finance_get_store (self), "DELETE FROM import_rows", NULL);
  if (!imported)
    return FALSE;
  if (progress != NULL)
    progress (rows->len, rows->len, progress_data);

  *out_report = g_steal_pointer (&report);
  return TRUE;
}

/* In a worker thread ---------------------------------------------------------------------- */

typedef struct
{
  HearthActor          *actor;
  gint64                account_id;
  GBytes               *data;
  gboolean              ofx;
  HearthCsvImport       options;  /* for CSV */
  char                 *encoding;
  HearthImportProgress  progress;
  gpointer              progress_data;
  GMainContext         *context;
  HearthImportReport   *report;
} ImportTask;

static void
import_task_free (ImportTask *task)
{
  g_clear_object (&task->actor);
  g_clear_pointer (&task->data, g_bytes_unref);
  g_free (task->encoding);
  g_clear_pointer (&task->context, g_main_context_unref);
  g_clear_pointer (&task->report, hearth_import_report_free);
  g_free (task);
}

typedef struct
{
  ImportTask *task;
  guint       done;
  guint       total;
} Progress;

static gboolean
report_progress_cb (gpointer user_data)
{
  Progress *progress = user_data;

  progress->task->progress (progress->done, progress->total, progress->task->progress_data);
  return G_SOURCE_REMOVE;
}

/* Called in the worker: said on the caller's main context. */
static void
progress_in_worker (guint    done,
                    guint    total,
                    gpointer user_data)
{
  ImportTask *task = user_data;
  Progress *progress = g_new0 (Progress, 1);

  progress->task = task;
  progress->done = done;
  progress->total = total;
  g_main_context_invoke_full (task->context, G_PRIORITY_DEFAULT, report_progress_cb, progress, g_free);
}

static void
import_work (GTask        *gtask,
             HearthStore  *store,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ImportTask *task = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthFinance) finance = NULL;
  gsize length;
  const char *data;
  gboolean imported;

  finance = _hearth_finance_new_for_worker (store);
  data = g_bytes_get_data (task->data, &length);
  if (task->ofx)
    imported = hearth_finance_import_ofx (finance, task->actor, task->account_id, data, length, cancellable,
                                          task->progress != NULL ? progress_in_worker : NULL, task, &task->report,
                                          &error);
  else
    imported = hearth_finance_import_csv (finance, task->actor, task->account_id, data, length, &task->options,
                                          cancellable, task->progress != NULL ? progress_in_worker : NULL, task,
                                          &task->report, &error);
  if (!imported)
    g_task_return_error (gtask, g_steal_pointer (&error));
  else
    g_task_return_boolean (gtask, TRUE);
}

static void
import_async (HearthFinance          *self,
              HearthActor            *actor,
              gint64                  account_id,
              GBytes                 *data,
              const HearthCsvImport  *options,
              GCancellable           *cancellable,
              HearthImportProgress    progress,
              gpointer                progress_data,
              gpointer                source_tag,
              GAsyncReadyCallback     callback,
              gpointer                user_data)
{
  g_autoptr (GTask) gtask = g_task_new (self, cancellable, callback, user_data);
  ImportTask *task = g_new0 (ImportTask, 1);

  task->actor = g_object_ref (actor);
  task->account_id = account_id;
  task->data = g_bytes_ref (data);
  task->ofx = options == NULL;
  if (options != NULL)
    {
      task->options = *options;
      task->encoding = g_strdup (options->encoding);
      task->options.encoding = task->encoding;
    }
  task->progress = progress;
  task->progress_data = progress_data;
  task->context = g_main_context_ref_thread_default ();

  g_task_set_source_tag (gtask, source_tag);
  g_task_set_task_data (gtask, task, (GDestroyNotify) import_task_free);
  hearth_store_run_in_worker (hearth_finance_get_store (self), gtask, import_work);
}

/**
 * hearth_finance_import_csv_async:
 * @data: the file's bytes
 *
 * hearth_finance_import_csv() in a worker thread with its own connection;
 * @progress is called on the caller's main context. Finish it with
 * hearth_finance_import_finish().
 */
void
hearth_finance_import_csv_async (HearthFinance          *self,
                                 HearthActor            *actor,
                                 gint64                  account_id,
                                 GBytes                 *data,
                                 const HearthCsvImport  *options,
                                 GCancellable           *cancellable,
                                 HearthImportProgress    progress,
                                 gpointer                progress_data,
                                 GAsyncReadyCallback     callback,
                                 gpointer                user_data)
{
  g_return_if_fail (HEARTH_IS_FINANCE (self));
  g_return_if_fail (HEARTH_IS_ACTOR (actor));
  g_return_if_fail (data != NULL && options != NULL);

  import_async (self, actor, account_id, data, options, cancellable, progress, progress_data,
                hearth_finance_import_csv_async, callback, user_data);
}

/**
 * hearth_finance_import_ofx_async:
 * @data: the statement's bytes
 *
 * hearth_finance_import_ofx() in a worker thread with its own connection;
 * @progress is called on the caller's main context. Finish it with
 * hearth_finance_import_finish().
 */
void
hearth_finance_import_ofx_async (HearthFinance          *self,
                                 HearthActor            *actor,
                                 gint64                  account_id,
                                 GBytes                 *data,
                                 GCancellable           *cancellable,
                                 HearthImportProgress    progress,
                                 gpointer                progress_data,
                                 GAsyncReadyCallback     callback,
                                 gpointer                user_data)
{
  g_return_if_fail (HEARTH_IS_FINANCE (self));
  g_return_if_fail (HEARTH_IS_ACTOR (actor));
  g_return_if_fail (data != NULL);

  import_async (self, actor, account_id, data, NULL, cancellable, progress, progress_data,
                hearth_finance_import_ofx_async, callback, user_data);
}

/**
 * hearth_finance_import_finish:
 * @out_report: (out) (transfer full) (optional): as for hearth_finance_import_csv()
 */
gboolean
hearth_finance_import_finish (HearthFinance        *self,
                                  GAsyncResult         *result,
                                  HearthImportReport  **out_report,
                                  GError              **error)
{
  ImportTask *task;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  task = g_task_get_task_data (G_TASK (result));
  if (out_report != NULL)
    *out_report = g_steal_pointer (&task->report);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  /* The worker committed on its own connection: this one's listeners (the
   * ledger, the balances) hear of it here. */
  hearth_store_announce_change (hearth_finance_get_store (self), "transactions");
  hearth_store_announce_change (hearth_finance_get_store (self), "accounts");
  return TRUE;
}
